from typing import TYPE_CHECKING

from app.agents.registry import AGENTS

if TYPE_CHECKING:  # type-only imports never form a runtime cycle
    from app.websocket.unified_manager import UnifiedWebSocketManager


class Supervisor:
    def __init__(self, manager: "UnifiedWebSocketManager") -> None:
        self.manager = manager

    def known_agents(self) -> list[str]:
        return sorted(AGENTS)
