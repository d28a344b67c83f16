"""A Protocol named like a manager is an interface, not an implementation: no violation."""

from typing import Protocol


class WebSocketManagerProtocol(Protocol):
    async def send_event(self, user_id: str, event_type: str, data: dict) -> None: ...
