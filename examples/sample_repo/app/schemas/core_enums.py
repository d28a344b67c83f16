"""The canonical enums (configured in canonical-enum-modules)."""

from enum import Enum


class ExecutionStatus(Enum):
    COMPLETED = "completed"
    FAILED = "failed"
