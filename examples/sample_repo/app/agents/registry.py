"""SSOT002: registry imports supervisor at import time, and supervisor imports registry."""

from app.agents.supervisor import Supervisor

AGENTS = {"supervisor": Supervisor}
