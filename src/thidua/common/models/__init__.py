from .activity_log import ActivityLog, AuditCheckpoint, ChainHead
from .durable import DurableJob
from .search import SearchTextMixin

__all__ = [
    "ActivityLog",
    "AuditCheckpoint",
    "ChainHead",
    "DurableJob",
    "SearchTextMixin",
]
