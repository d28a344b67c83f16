"""WebSocket support. `WebSocketManager` is a compatibility alias, not a second class."""

from app.websocket.unified_manager import UnifiedWebSocketManager

WebSocketManager = UnifiedWebSocketManager
