"""The backup archive: a tar file (gzip when named ``.tar.gz``/``.tgz``) holding

    manifest.json             what is inside, with SHA-256 and size of every file
    SHA256SUMS                the same checksums for ``sha256sum -c`` (and the manifest's)
    database/thidua.sqlite3   SQLite: a consistent copy (online backup API)
    database/thidua.pgdump    PostgreSQL: ``pg_dump -Fc`` of the configured database
    media/…                   uploaded files and generated documents (MEDIA_ROOT)
    keys/…                    only with ``--include-keys``: secret_key, signing_key, audit_key

Reading verifies every checksum before anything is written anywhere.
"""

import hashlib
import io
import json
import os
import posixpath
import tarfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "FORMAT",
    "ArchiveWriter",
    "BackupError",
    "VerifiedArchive",
    "extract_verified",
    "open_verified",
]

FORMAT = "thidua-backup/1"
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
TOP_FOLDERS = ("database", "media", "keys")
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Backup or restore refused or failed; the message is for the admin."""


def compression_for(path: Path) -> str:
    name = path.name.lower()
    return "gz" if name.endswith((".tar.gz", ".tgz")) else ""


class _HashingReader:
    """Reads a file for tarfile, hashing what it hands over."""

    def __init__(self, handle):
        self.handle = handle
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.sha256.update(data)
        return data


class ArchiveWriter:
    """Write members one by one, recording each file's SHA-256 and size; ``finish``
    adds the manifest and SHA256SUMS. The file must already exist (created 0600)."""

    def __init__(self, fileobj, compression: str):
        self.files: dict[str, dict] = {}
        self._tar = tarfile.open(  # noqa: SIM115 (closed by finish)
            fileobj=fileobj,
            mode=f"w:{compression}" if compression else "w",
            format=tarfile.PAX_FORMAT,
        )

    def _info(self, name: str, size: int, mtime: float) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, int(mtime), 0o600
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    def add_file(self, name: str, path: Path) -> None:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            reader = _HashingReader(handle)
            self._tar.addfile(self._info(name, stat.st_size, stat.st_mtime), reader)
        self.files[name] = {"sha256": reader.sha256.hexdigest(), "size": stat.st_size}

    def add_bytes(self, name: str, data: bytes, *, record: bool = True) -> None:
        self._tar.addfile(self._info(name, len(data), time.time()), io.BytesIO(data))
        if record:
            self.files[name] = {
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
            }

    def finish(self, manifest: dict) -> bytes:
        manifest = {**manifest, "files": dict(sorted(self.files.items()))}
        body = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
        self.add_bytes(MANIFEST, body, record=False)
        sums = [f"{hashlib.sha256(body).hexdigest()}  {MANIFEST}"]
        sums += [
            f"{meta['sha256']}  {name}" for name, meta in manifest["files"].items()
        ]
        self.add_bytes(SUMS, ("\n".join(sums) + "\n").encode(), record=False)
        self._tar.close()
        return body


@dataclass
class VerifiedArchive:
    path: Path
    manifest: dict
    members: dict[str, dict] = field(default_factory=dict)

    def names(self, folder: str) -> list[str]:
        return sorted(n for n in self.members if n.startswith(folder + "/"))


DAMAGED = (
    "Tệp sao lưu {path} bị hỏng hoặc không phải bản sao lưu thidua ({why}). "
    "Không ghi gì cả; hãy dùng một bản sao lưu khác."
)


def _damaged(path: Path, why: str) -> BackupError:
    return BackupError(DAMAGED.format(path=path, why=why))


def _safe_name(name: str) -> bool:
    if not name or name.startswith("/") or "\\" in name or "\x00" in name:
        return False
    normal = posixpath.normpath(name)
    if normal != name or normal.startswith("../") or normal == "..":
        return False
    return name in (MANIFEST, SUMS) or name.split("/", 1)[0] in TOP_FOLDERS


def _open_tar(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, mode="r:*")
    except FileNotFoundError:
        raise BackupError(f"Không tìm thấy tệp sao lưu {path}.") from None
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise _damaged(path, f"không đọc được tệp tar: {exc}") from None


def _members(tar: tarfile.TarFile, path: Path):
    """Regular files only, with safe names; anything else makes the archive suspect."""
    try:
        for member in tar:
            if member.isdir():
                continue
            if not member.isfile() or not _safe_name(member.name):
                raise _damaged(path, f"mục không hợp lệ “{member.name}”")
            yield member
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise _damaged(path, f"tệp tar bị cắt hoặc hỏng: {exc}") from None


def _digest(tar: tarfile.TarFile, member: tarfile.TarInfo, path: Path, sink=None):
    sha = hashlib.sha256()
    size = 0
    try:
        handle = tar.extractfile(member)
        while chunk := handle.read(CHUNK):
            sha.update(chunk)
            size += len(chunk)
            if sink is not None:
                sink.write(chunk)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise _damaged(path, f"không đọc được “{member.name}”: {exc}") from None
    return sha.hexdigest(), size


def open_verified(path: Path) -> VerifiedArchive:
    """Read the whole archive once and check it against its manifest: every file
    listed, present once, with its size and SHA-256; nothing unlisted."""
    path = Path(path)
    found: dict[str, tuple[str, int]] = {}
    manifest_body = sums_body = None
    with _open_tar(path) as tar:
        for member in _members(tar, path):
            if member.name in found:
                raise _damaged(path, f"“{member.name}” xuất hiện hai lần")
            if member.name in (MANIFEST, SUMS):
                handle = tar.extractfile(member)
                try:
                    body = handle.read()
                except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
                    raise _damaged(
                        path, f"không đọc được {member.name}: {exc}"
                    ) from None
                found[member.name] = (hashlib.sha256(body).hexdigest(), len(body))
                if member.name == MANIFEST:
                    manifest_body = body
                else:
                    sums_body = body
                continue
            found[member.name] = _digest(tar, member, path)
    if manifest_body is None:
        raise _damaged(path, "thiếu manifest.json")
    if sums_body is None:
        raise _damaged(path, "thiếu SHA256SUMS")
    sums = {}
    for line in sums_body.decode("utf-8", "replace").splitlines():
        digest, _sep, name = line.partition("  ")
        sums[name] = digest
    if sums.get(MANIFEST) != found[MANIFEST][0]:
        raise _damaged(path, "manifest.json không khớp mã SHA-256 ghi trong SHA256SUMS")
    try:
        manifest = json.loads(manifest_body)
    except ValueError:
        manifest = None
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict):
        raise _damaged(path, "manifest.json không đọc được")
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{path}: định dạng “{manifest.get('format')}” không được hỗ trợ "
            f"(phiên bản này đọc {FORMAT})."
        )
    listed = set(files)
    present = set(found) - {MANIFEST, SUMS}
    if missing := sorted(listed - present):
        raise _damaged(path, f"thiếu {len(missing)} tệp, ví dụ “{missing[0]}”")
    if extra := sorted(present - listed):
        raise _damaged(path, f"có tệp không ghi trong manifest: “{extra[0]}”")
    for name in sorted(listed):
        digest, size = found[name]
        meta = files[name]
        if meta.get("size") != size or meta.get("sha256") != digest:
            raise _damaged(path, f"“{name}” không khớp mã SHA-256 hoặc kích thước")
        if sums.get(name) != digest:
            raise _damaged(path, f"“{name}” không khớp SHA256SUMS")
    return VerifiedArchive(path=path, manifest=manifest, members=files)


def extract_verified(archive: VerifiedArchive, dest: Path, folders: tuple) -> None:
    """Write the members under ``folders`` into ``dest`` (files 0600, folders 0700),
    checking each one's SHA-256 again as it is written."""
    from thidua.common.keys import private_dir  # noqa: PLC0415 (keys needs no Django)

    with _open_tar(archive.path) as tar:
        for member in _members(tar, archive.path):
            if member.name.split("/", 1)[0] not in folders:
                continue
            meta = archive.members.get(member.name)
            if meta is None:
                raise _damaged(archive.path, f"“{member.name}” đã thay đổi")
            target = dest.joinpath(*member.name.split("/"))
            private_dir(target.parent)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as sink:
                digest, size = _digest(tar, member, archive.path, sink)
            if digest != meta["sha256"] or size != meta["size"]:
                raise _damaged(archive.path, f"“{member.name}” đã thay đổi khi đọc lại")
