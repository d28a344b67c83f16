"""SSOT006: a second ExecutionStatus. ExecutionStatus.COMPLETED == core one is False."""

from enum import Enum


class ExecutionStatus(Enum):
    COMPLETED = "completed"
    FAILED = "failed"
