from .activity_log import ActivityLog, AuditCheckpoint, ChainHead

__all__ = ["ActivityLog", "AuditCheckpoint", "ChainHead"]
