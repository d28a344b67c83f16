"""SSOT001: a second implementation that sends events in a different shape."""


class IsolatedWebSocketManager:
    def __init__(self) -> None:
        self.outbox: list[tuple] = []

    async def send_event(self, user_id: str, event_type: str, data: dict) -> None:
        self.outbox.append((event_type, data))  # no user_id: clients disagree on the shape
