from .activity_log import ActivityLog, AuditCheckpoint, ChainHead
from .durable import DurableJob

__all__ = ["ActivityLog", "AuditCheckpoint", "ChainHead", "DurableJob"]
