"""``thidua restore``: check the archive, put the database, the uploads and (when the
archive has them) the keys back, then check the result (docs/backup.md)."""

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from ..keys import private_dir, read_key_file, write_private_file
from . import engines
from .archive import BackupError, VerifiedArchive, extract_verified, open_verified

__all__ = ["Check", "RestoreResult", "restore_backup"]

ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
KEY_ENV = {
    "secret_key": "THIDUA_SECRET_KEY",
    "signing_key": "THIDUA_SIGNING_KEY",
    "audit_key": "THIDUA_AUDIT_KEY",
}
# What runs after a restore, each in a fresh process that reads the restored keys.
CHECKS = [
    ("Chuỗi nhật ký thao tác", ["audit", "verify"]),
    ("Chữ ký số văn bản phát hành", ["documents", "verify", "--all"]),
]


@dataclass
class Check:
    title: str
    ok: bool
    output: str


@dataclass
class RestoreResult:
    manifest: dict
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and all(c.ok for c in self.checks)


def _check_engine(manifest: dict) -> None:
    theirs, ours = manifest.get("engine"), engines.engine()
    if theirs == ours:
        return
    hint = (
        "đặt THIDUA_DATABASE_URL trỏ tới một cơ sở dữ liệu PostgreSQL trống"
        if theirs == "postgresql"
        else "bỏ THIDUA_DATABASE_URL để dùng SQLite trong thư mục dữ liệu"
    )
    raise BackupError(
        f"Bản sao lưu là cơ sở dữ liệu {ENGINE_NAMES.get(theirs, theirs)} nhưng thidua "
        f"đang cấu hình {ENGINE_NAMES.get(ours, ours)}: khôi phục vào cùng loại cơ sở "
        f"dữ liệu ({hint}). Muốn chuyển sang loại khác: khôi phục trước, rồi chuyển dữ "
        "liệu bằng công cụ riêng."
    )


def _check_migrations(manifest: dict) -> None:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    unknown = [
        f"{app}.{name}"
        for app, names in manifest.get("migrations", {}).items()
        if app in loader.migrated_apps
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            f"Bản sao lưu được tạo bởi thidua {manifest.get('thidua_version')}, mới hơn "
            f"phiên bản đang cài (chưa có migration {unknown[0]}"
            f"{f' và {len(unknown) - 1} migration khác' if len(unknown) > 1 else ''}). "
            "Cài phiên bản thidua mới hơn rồi khôi phục lại."
        )


def _busy() -> list[str]:
    try:
        tables = engines.data_tables_with_rows()
    except DatabaseError as exc:
        raise BackupError(
            f"Không mở được cơ sở dữ liệu đích: {exc}. Với PostgreSQL, tạo trước một cơ "
            "sở dữ liệu trống (createdb) và đặt THIDUA_DATABASE_URL."
        ) from exc
    found = []
    if tables:
        shown = ", ".join(tables[:5]) + ("…" if len(tables) > 5 else "")
        found.append(f"cơ sở dữ liệu có dữ liệu ({len(tables)} bảng: {shown})")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(p.is_file() for p in media.rglob("*")):
        found.append(f"thư mục tệp {media} không trống")
    return found


def _swap_media(staged: Path, scratch: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    if not staged.exists():
        staged.mkdir(mode=0o700)
    if media.exists():
        shutil.move(media, scratch / "media-before-restore")
    shutil.move(staged, media)
    media.chmod(0o700)


def _restore_keys(
    archive: VerifiedArchive, staged: Path, result: RestoreResult
) -> None:
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")  # noqa: DTZ005 (a file name)
    for member in archive.names("keys"):
        name = member.split("/", 1)[1]
        if name not in KEY_ENV:
            continue
        value = read_key_file(staged / "keys" / name)
        configured = os.environ.get(KEY_ENV[name], "")
        if configured:
            if configured != value:
                result.notes.append(
                    f"Khóa {name} trong bản sao lưu khác biến môi trường {KEY_ENV[name]} "
                    "đang đặt; biến môi trường được dùng. Đặt lại giá trị trong "
                    "bản sao lưu nếu cần đọc dữ liệu cũ."
                )
            continue
        dest = private_dir(Path(settings.KEYS_DIR), tighten=True) / name
        current = read_key_file(dest)
        if current == value:
            continue
        if current:
            kept = dest.with_name(f"{name}.before-restore-{stamp}")
            dest.rename(kept)
            result.notes.append(f"Khóa {name} cũ được giữ lại tại {kept}.")
        write_private_file(dest, (value + "\n").encode())
        result.notes.append(f"Đã đặt lại khóa {name} tại {dest}.")


def _compare(manifest: dict, result: RestoreResult) -> None:
    live = engines.live_state()
    for table, count in sorted(manifest.get("tables", {}).items()):
        if live["tables"].get(table) != count:
            result.problems.append(
                f"Bảng {table}: {count} dòng trong bản sao lưu, "
                f"{live['tables'].get(table, 'không có')} sau khi khôi phục."
            )
    missing = sorted(set(manifest.get("triggers", [])) - set(live["triggers"]))
    if missing:
        result.problems.append(
            f"Thiếu {len(missing)} trigger bảo vệ dữ liệu: {', '.join(missing[:5])}."
        )
    if live["audit"] != manifest.get("audit", live["audit"]):
        result.problems.append("Đầu chuỗi nhật ký khác với lúc sao lưu.")
    result.problems.extend(
        f"Dãy số tự tăng chưa đúng: {p}." for p in engines.sequence_problems()
    )
    if not result.problems:
        total = sum(manifest.get("tables", {}).values())
        result.notes.append(
            f"Số dòng {len(manifest.get('tables', {}))} bảng ({total} dòng) và "
            f"{len(manifest.get('triggers', []))} trigger khớp với bản sao lưu."
        )
    if "documents_issueddocument" in live["tables"]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM documents_issueddocument WHERE status = 'rendering'"
            )
            pending = cursor.fetchone()[0]
        if pending:
            result.notes.append(
                f"{pending} văn bản đang được tạo tệp lúc sao lưu (hàng đợi không nằm "
                "trong bản sao lưu): chúng chưa có tệp."
            )
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        result.notes.append(
            f"Bản sao lưu từ phiên bản cũ hơn: còn {len(plan)} migration chưa chạy; "
            "chạy “thidua migrate” (thidua serve tự chạy khi khởi động)."
        )


def _run_checks(result: RestoreResult) -> None:
    env = {
        **os.environ,
        "THIDUA_DATA_DIR": str(settings.DATA_DIR),
        "THIDUA_KEYS_DIR": str(settings.KEYS_DIR),
    }
    env.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")
    for title, args in CHECKS:
        done = subprocess.run(
            [sys.executable, "-m", "thidua.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        lines = (done.stdout + "\n" + done.stderr).splitlines()
        output = "\n".join(line.strip() for line in lines if line.strip())
        result.checks.append(Check(title, done.returncode == 0, output))


def restore_backup(
    path: Path, *, force: bool = False, keys: bool = True, verify: bool = True
) -> RestoreResult:
    """Restore the archive into the configured database and data folder.

    Nothing is written before the archive's checksums, its engine and its schema
    version are checked, nor into a database or media folder that holds data unless
    ``force``.
    """
    archive = open_verified(Path(path))
    manifest = archive.manifest
    _check_engine(manifest)
    _check_migrations(manifest)
    busy = _busy()
    if busy and not force:
        raise BackupError(
            "Nơi khôi phục không trống: " + "; ".join(busy) + ". Khôi phục sẽ thay thế "
            "toàn bộ; nếu chắc chắn, chạy lại với --force (nên sao lưu dữ liệu hiện có "
            "trước)."
        )
    result = RestoreResult(manifest=manifest)
    data_dir = Path(settings.DATA_DIR)
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".thidua-restore-") as tmp:
        scratch = Path(tmp)
        extract_verified(archive, scratch, ("database", "media", "keys"))
        database = scratch.joinpath(*manifest["database"]["file"].split("/"))
        if manifest["engine"] == "sqlite":
            engines.sqlite_restore(database)
        else:
            engines.postgres_restore(database)
        _swap_media(scratch / "media", scratch)
        if keys:
            _restore_keys(archive, scratch, result)
    connections.close_all()
    _compare(manifest, result)
    if verify:
        _run_checks(result)
    return result
