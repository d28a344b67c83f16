"""SSOT003: IsolatedWebSocketManager was removed from unified_manager in a refactor."""

from app.websocket.unified_manager import IsolatedWebSocketManager, UnifiedWebSocketManager
from tests.helpers import WebSocketTestMixin


class TestWebSocket(WebSocketTestMixin):
    def test_send(self):
        manager = UnifiedWebSocketManager()
        assert manager.sent == []
        assert IsolatedWebSocketManager
