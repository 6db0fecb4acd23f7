from .activity_log import ActivityLog, AuditCheckpoint, ChainHead
from .day_swap import DaySwap, DaySwapKind
from .durable import DurableJob
from .search import SearchTextMixin

__all__ = [
    "ActivityLog",
    "AuditCheckpoint",
    "ChainHead",
    "DaySwap",
    "DaySwapKind",
    "DurableJob",
    "SearchTextMixin",
]
