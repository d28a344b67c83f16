"""The one true WebSocket manager (configured as canonical in pyproject.toml)."""

from app.schemas.core_enums import ExecutionStatus


class UnifiedWebSocketManager:
    def __init__(self) -> None:
        self.sent: list[dict] = []

    async def send_event(self, user_id: str, event_type: str, data: dict) -> None:
        self.sent.append({"type": event_type, "user_id": user_id, "data": data})

    def status(self) -> ExecutionStatus:
        return ExecutionStatus.COMPLETED
