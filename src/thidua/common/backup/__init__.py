"""Backup and restore of a thidua install (``thidua backup``, ``thidua restore``;
docs/backup.md)."""

from .archive import BackupError, open_verified
from .create import BackupResult, create_backup
from .restore import RestoreResult, restore_backup

__all__ = [
    "BackupError",
    "BackupResult",
    "RestoreResult",
    "create_backup",
    "open_verified",
    "restore_backup",
]
