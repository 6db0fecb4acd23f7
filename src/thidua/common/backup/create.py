"""``thidua backup``: one archive with the database snapshot, the uploads and generated
documents, and a manifest (docs/backup.md)."""

import datetime
import importlib.metadata
import json
import os
import socket
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from ..keys import (
    AUDIT_KEY_FILE,
    SECRET_KEY_FILE,
    SIGNING_KEY_FILE,
    audit_key,
    private_dir,
)
from . import engines
from .archive import FORMAT, ArchiveWriter, BackupError, compression_for

__all__ = ["BackupResult", "create_backup", "default_name"]

# What the data folder holds besides the database and the uploads, and why it is not
# in a backup: the job queue (work in flight, re-created), collected static files
# (rebuilt from the code), the SQLite journal files (the snapshot is consistent on its
# own) and the older place of the secret key (a key: only with --include-keys).
NOT_DATA = {
    "huey.sqlite3": "hàng đợi tiến trình nền",
    "huey.sqlite3-wal": "hàng đợi tiến trình nền",
    "huey.sqlite3-shm": "hàng đợi tiến trình nền",
    "static": "tệp tĩnh (tạo lại từ mã nguồn)",
    "thidua.sqlite3": "cơ sở dữ liệu (đã sao lưu nhất quán)",
    "thidua.sqlite3-wal": "nhật ký SQLite",
    "thidua.sqlite3-shm": "nhật ký SQLite",
    "thidua.sqlite3-journal": "nhật ký SQLite",
    SECRET_KEY_FILE: "khóa bí mật (chỉ với --include-keys)",
}


@dataclass
class BackupResult:
    path: Path
    manifest: dict
    size: int = 0
    skipped: list[str] = field(default_factory=list)


def default_name(now: datetime.datetime | None = None) -> str:
    moment = timezone.localtime(now or timezone.now())
    return f"thidua-{moment:%Y%m%d-%H%M%S}.tar.gz"


def _version() -> str:
    try:
        return importlib.metadata.version("thidua")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


def _keys() -> dict[str, bytes]:
    found = {SECRET_KEY_FILE: settings.SECRET_KEY.encode()}
    if settings.THIDUA_SIGNING_KEY:
        found[SIGNING_KEY_FILE] = settings.THIDUA_SIGNING_KEY.encode()
    key = audit_key(create=False)
    if key is not None:
        found[AUDIT_KEY_FILE] = key
    return found


def _media_files(root: Path):
    """Every regular file under MEDIA_ROOT, in a stable order; links are skipped."""
    skipped = []
    files = []
    if root.is_dir():
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                path = Path(folder) / name
                if path.is_symlink() or not path.is_file():
                    skipped.append(str(path))
                    continue
                files.append(path)
    return files, skipped


def _unknown_entries(output: Path) -> list[str]:
    """Entries of the data folder that are neither backed up nor known not to be data:
    reported, so a new kind of data never goes missing from backups silently."""
    data_dir = Path(settings.DATA_DIR)
    media = Path(settings.MEDIA_ROOT)
    found = []
    for entry in sorted(data_dir.iterdir()):
        if entry.name in NOT_DATA or entry == media or entry.name.startswith("."):
            continue
        if entry == Path(settings.KEYS_DIR) or output.is_relative_to(entry):
            continue
        found.append(entry.name)
    return found


def create_backup(target: str | Path, *, include_keys: bool = False) -> BackupResult:
    """Write the archive to ``target`` (a folder, or a name ending in "/": a dated
    name inside it). The file is written under a temporary name and renamed when
    complete; all of it is 0600."""
    folder = str(target).endswith(("/", os.sep))
    target = Path(target)
    if folder or target.is_dir():
        target = private_dir(target) / default_name()
    if target.exists():
        raise BackupError(f"Tệp {target} đã có; chọn tên khác.")
    private_dir(target.parent)
    vendor = engines.engine()
    started = timezone.now()
    partial = target.with_name(f".{target.name}.part")
    with tempfile.TemporaryDirectory(
        dir=target.parent, prefix=".thidua-backup-"
    ) as tmp:
        if vendor == "sqlite":
            db_name = "database/thidua.sqlite3"
            db_file = Path(tmp) / "thidua.sqlite3"
            state = engines.sqlite_snapshot(db_file)
        elif vendor == "postgresql":
            db_name = "database/thidua.pgdump"
            db_file = Path(tmp) / "thidua.pgdump"
            state = engines.postgres_dump(db_file)
        else:
            raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {vendor}.")
        media_root = Path(settings.MEDIA_ROOT)
        media, skipped = _media_files(media_root)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                writer = ArchiveWriter(handle, compression_for(target))
                writer.add_file(db_name, db_file)
                for path in media:
                    name = "media/" + path.relative_to(media_root).as_posix()
                    try:
                        writer.add_file(name, path)
                    except FileNotFoundError:  # deleted since the listing
                        skipped.append(str(path))
                keys = _keys() if include_keys else {}
                for name, value in keys.items():
                    writer.add_bytes(f"keys/{name}", value + b"\n")
                manifest = {
                    "format": FORMAT,
                    "thidua_version": _version(),
                    "created_at": started.isoformat(),
                    "host": socket.gethostname(),
                    "engine": vendor,
                    "database": {
                        "file": db_name,
                        "name": str(settings.DATABASES["default"]["NAME"]),
                        "server_version": state["server_version"],
                    },
                    "audit": state["audit"],
                    "migrations": state["migrations"],
                    "tables": state["tables"],
                    "triggers": state["triggers"],
                    "media": {
                        "files": len(media),
                        "bytes": sum(
                            writer.files[n]["size"]
                            for n in writer.files
                            if n.startswith("media/")
                        ),
                    },
                    "keys": sorted(keys),
                    "not_included": sorted(set(NOT_DATA.values())),
                }
                body = writer.finish(manifest)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    return BackupResult(
        path=target,
        manifest=json.loads(body),
        size=target.stat().st_size,
        skipped=skipped
        + [f"{settings.DATA_DIR}/{n}" for n in _unknown_entries(target)],
    )
