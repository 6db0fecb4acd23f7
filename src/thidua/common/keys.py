"""Where the keys live, and files only their owner may read.

Keys are kept apart from the data folder (``THIDUA_KEYS_DIR``, by default a sibling
folder ``<data folder>-keys``), so a copy of the data folder — the database and the
uploads — does not carry what decrypts the agencies' signing credentials or signs the
audit checkpoints (docs/backup.md):

* ``secret_key`` — Django's SECRET_KEY when ``THIDUA_SECRET_KEY`` is not set (an
  older install keeps using ``<data folder>/secret_key``);
* ``signing_key`` — read when ``THIDUA_SIGNING_KEY`` is not set (never generated:
  without it the credentials' key is derived from SECRET_KEY, as before);
* ``audit_key`` — the HMAC key of the audit checkpoints when ``THIDUA_AUDIT_KEY`` is
  not set, generated on first use.

No Django import at module level: the settings use it.
"""

import hashlib
import os
import secrets
import stat
from pathlib import Path

__all__ = [
    "AUDIT_KEY_FILE",
    "SECRET_KEY_FILE",
    "SIGNING_KEY_FILE",
    "KeyFileError",
    "audit_key",
    "audit_key_id",
    "audit_key_source",
    "default_keys_dir",
    "private_dir",
    "read_key_file",
    "secret_key_from_files",
    "secure_data_dir",
    "write_private_file",
]

SECRET_KEY_FILE = "secret_key"
SIGNING_KEY_FILE = "signing_key"
AUDIT_KEY_FILE = "audit_key"
# The data folder's own files that hold data or keys (the database and its journal
# files, the job queue); tightened to 0600 when an older install left them readable.
PRIVATE_DATA_FILES = [
    "thidua.sqlite3",
    "thidua.sqlite3-wal",
    "thidua.sqlite3-shm",
    "thidua.sqlite3-journal",
    "huey.sqlite3",
    "huey.sqlite3-wal",
    "huey.sqlite3-shm",
    SECRET_KEY_FILE,
]


class KeyFileError(RuntimeError):
    """A key file could not be read or created; the message is for the admin."""


def default_keys_dir(data_dir: Path) -> Path:
    """``/var/lib/thidua`` → ``/var/lib/thidua-keys``; ``./data`` → ``./data-keys``."""
    return data_dir.with_name(data_dir.name + "-keys")


def _owned(path: Path) -> bool:
    try:
        return path.stat().st_uid == os.geteuid()
    except OSError:
        return False


def private_dir(path: Path, *, tighten: bool = False) -> Path:
    """Create ``path`` (0700, with missing parents). ``tighten``: also take group and
    other access away from an existing folder — only for thidua's own folders (the
    data and keys folders), never for a folder an admin chose to put a file in."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if tighten:
        mode = stat.S_IMODE(path.stat().st_mode)
        # Never a shared folder such as /tmp (sticky bit), whatever the settings say.
        if mode & 0o077 and not mode & stat.S_ISVTX and _owned(path):
            path.chmod(mode & 0o700)
    return path


def secure_data_dir(data_dir: Path) -> None:
    """The data folder 0700 and its database and key files 0600 (SQLite creates the
    -wal and -shm files with the database file's mode)."""
    private_dir(data_dir, tighten=True)
    for name in PRIVATE_DATA_FILES:
        path = data_dir / name
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            continue
        if mode & 0o077 and _owned(path):
            path.chmod(0o600)


def write_private_file(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write ``data`` to a 0600 file (a missing folder is made 0700). ``exclusive``:
    fail with FileExistsError when the file exists, so two processes never make two
    keys."""
    private_dir(path.parent)
    if exclusive:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        return
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def read_key_file(path: Path) -> str:
    """The key stored in ``path`` (stripped), or "" when there is no such file."""
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return ""
    except OSError as exc:
        raise KeyFileError(f"Không đọc được tệp khóa {path}: {exc.strerror}.") from exc


def _create_key(path: Path, value: str) -> str:
    try:
        private_dir(path.parent, tighten=True)  # the keys folder
        write_private_file(path, (value + "\n").encode(), exclusive=True)
    except FileExistsError:
        return read_key_file(path)  # another process made it first
    except OSError as exc:
        raise KeyFileError(
            f"Không tạo được tệp khóa {path}: {exc.strerror}. Đặt THIDUA_KEYS_DIR là "
            "một thư mục riêng mà tài khoản chạy thidua ghi được (chỉ chủ sở hữu đọc "
            "được), hoặc đặt khóa qua biến môi trường (docs/backup.md)."
        ) from exc
    return value


def secret_key_from_files(keys_dir: Path, data_dir: Path) -> str:
    """SECRET_KEY of an install without THIDUA_SECRET_KEY: the keys folder's file,
    else the one older installs kept in the data folder, else a new one."""
    for path in (keys_dir / SECRET_KEY_FILE, data_dir / SECRET_KEY_FILE):
        value = read_key_file(path)
        if value:
            return value
    return _create_key(keys_dir / SECRET_KEY_FILE, secrets.token_urlsafe(64))


def audit_key_source() -> str:
    """Where the audit checkpoint key comes from, for messages."""
    from django.conf import settings  # noqa: PLC0415 (settings import this module)

    if settings.THIDUA_AUDIT_KEY:
        return "THIDUA_AUDIT_KEY"
    return str(Path(settings.KEYS_DIR) / AUDIT_KEY_FILE)


def audit_key(*, create: bool = True) -> bytes | None:
    """The audit checkpoint key: ``THIDUA_AUDIT_KEY``, else ``KEYS_DIR/audit_key``
    (made on first use when ``create``). None when there is none and ``create`` is
    false."""
    from django.conf import settings  # noqa: PLC0415 (settings import this module)

    if settings.THIDUA_AUDIT_KEY:
        return settings.THIDUA_AUDIT_KEY.encode("utf-8")
    path = Path(settings.KEYS_DIR) / AUDIT_KEY_FILE
    value = read_key_file(path)
    if not value:
        if not create:
            return None
        value = _create_key(path, secrets.token_hex(32))
    return value.encode("utf-8")


def audit_key_id(key: bytes) -> str:
    """A short public fingerprint of the key, printed beside exported checkpoints."""
    return hashlib.sha256(b"thidua-audit-key-id:" + key).hexdigest()[:16]
