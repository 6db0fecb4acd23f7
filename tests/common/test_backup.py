"""``thidua backup`` → wipe → ``thidua restore`` → verify, through the real commands in
subprocesses, on the suite's database: SQLite, or PostgreSQL when THIDUA_DATABASE_URL
is set (scratch databases of their own, dropped afterwards).

The demo (closed ballots, signed documents, checkpoints) is loaded and backed up once
per run — under a file lock, so the xdist workers share it — then the site is wiped:
its data folder deleted and its database dropped, while its keys folder stays where it
is, apart from the data, as on a real server. Every test restores an archive into a
place of its own.
"""

import fcntl
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tarfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

from ..scratch import scratch_database

pytestmark = pytest.mark.needs_system

CLEAN_ENV = (
    "THIDUA_DATABASE_URL",
    "THIDUA_SECRET_KEY",
    "THIDUA_SIGNING_KEY",
    "THIDUA_AUDIT_KEY",
    "THIDUA_KEYS_DIR",
    "THIDUA_DATA_DIR",
)


@dataclass
class Place:
    """A data folder, a keys folder and (PostgreSQL) a database: one install."""

    data: Path
    keys: Path
    url: str = ""

    def run(self, *args, extra: dict | None = None, timeout: int = 600):
        env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
        env.update(
            THIDUA_DATA_DIR=str(self.data),
            THIDUA_KEYS_DIR=str(self.keys),
            DJANGO_SETTINGS_MODULE="thidua.settings.base",
        )
        if self.url:
            env["THIDUA_DATABASE_URL"] = self.url
        env.update(extra or {})
        return subprocess.run(
            [sys.executable, "-m", "thidua.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    @contextmanager
    def db(self):
        if self.url:
            import psycopg

            with psycopg.connect(self.url, autocommit=True) as conn:
                yield conn
        else:
            conn = sqlite3.connect(self.data / "thidua.sqlite3")
            try:
                yield conn
            finally:
                conn.close()

    def query(self, sql: str):
        with self.db() as conn:
            return conn.execute(sql).fetchall()

    def tables(self) -> list[str]:
        sql = (
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            if self.url
            else "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
        if not self.url and not (self.data / "thidua.sqlite3").exists():
            return []
        return [r[0] for r in self.query(sql)]


FACTS = {
    "closed_ballots": "SELECT COUNT(*) FROM councils_ballot WHERE state = 'closed'",
    "votes": "SELECT COUNT(*) FROM councils_ballotvote",
    "results": "SELECT COUNT(*) FROM councils_ballotresult",
    "signed": "SELECT COUNT(*) FROM documents_documentsignature",
    "issued": "SELECT COUNT(*) FROM documents_issueddocument WHERE pdf <> ''",
    "audit_seq": "SELECT seq FROM common_chainhead WHERE id = 1",
    "checkpoints": "SELECT COUNT(*) FROM common_auditcheckpoint",
}


def facts(place: Place) -> dict:
    return {name: place.query(sql)[0][0] for name, sql in FACTS.items()}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes_under(root: Path) -> dict[str, int]:
    found = {".": mode(root)}
    for path in sorted(root.rglob("*")):
        found[path.relative_to(root).as_posix()] = mode(path)
    return found


def _admin_url(url: str) -> str:
    return urlparse(url)._replace(path="/postgres").geturl()


def _build(shared: Path) -> dict:
    """Load the demo, back it up twice, note what it holds, then wipe it."""
    base_url = os.environ.get("THIDUA_DATABASE_URL", "")
    url = ""
    if base_url:
        import psycopg

        name = f"thidua_backup_site_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(_admin_url(base_url), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = urlparse(base_url)._replace(path=f"/{name}").geturl()
    site = Place(shared / "site" / "data", shared / "site" / "keys", url)
    try:
        started = time.monotonic()
        loaded = site.run(
            "demo", "--load-only", extra={"THIDUA_JOBS_IMMEDIATE": "true"}
        )
        assert loaded.returncode == 0, loaded.stderr[-3000:]
        info = {"load_seconds": round(time.monotonic() - started, 1)}
        info["facts"] = facts(site)
        info["site_modes"] = modes_under(site.data)
        info["keys_modes"] = modes_under(site.keys)
        info["secrets"] = {
            "secret_key": (site.keys / "secret_key").read_text().strip(),
            "audit_key": (site.keys / "audit_key").read_text().strip(),
        }
        # Nightly style: into a folder, with retention (three older dated backups).
        folder = shared / "hang-dem"
        folder.mkdir()
        for day in (1, 2, 3):
            (folder / f"thidua-2020010{day}-020000.tar.gz").write_text("cũ")
        plain = site.run(
            "backup",
            f"{folder}/",
            "--keep-daily",
            "2",
            "--keep-weekly",
            "0",
            "--keep-monthly",
            "0",
        )
        assert plain.returncode == 0, plain.stderr
        info["nightly"] = sorted(p.name for p in folder.iterdir())
        made = [n for n in info["nightly"] if not n.startswith("thidua-2020")]
        shutil.copy(folder / made[0], shared / "thidua.tar.gz")
        keyed = site.run("backup", str(shared / "voi-khoa.tar"), "--include-keys")
        assert keyed.returncode == 0, keyed.stderr
        info["backup_output"] = [
            plain.stdout + plain.stderr,
            keyed.stdout + keyed.stderr,
        ]
    finally:
        # The wipe: the data folder and the database go; the keys folder stays.
        shutil.rmtree(site.data, ignore_errors=True)
        if url:
            import psycopg

            with psycopg.connect(_admin_url(base_url), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    info["site"] = {"data": str(site.data), "keys": str(site.keys)}
    return info


@pytest.fixture(scope="session")
def demo_backup(tmp_path_factory, worker_id) -> dict:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip(
            "LibreOffice missing: install the Debian package libreoffice-writer-nogui"
        )
    root = tmp_path_factory.getbasetemp()
    shared = (root if worker_id == "master" else root.parent) / "backup-demo"
    shared.mkdir(exist_ok=True)
    with (shared / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "info.json"
        if not done.exists():
            done.write_text(json.dumps(_build(shared)))
        info = json.loads(done.read_text())
    info["plain"] = shared / "thidua.tar.gz"
    info["keyed"] = shared / "voi-khoa.tar"
    info["site_keys"] = Path(info["site"]["keys"])
    return info


WRITER = """
from django.db import transaction
from thidua.common.services.audit import log_action
print("bat-dau", flush=True)
for i in range(100):
    with transaction.atomic():
        log_action(None, "test.ghi_song_song", data={"i": i})
print("xong", flush=True)
"""


def _backup_while_writing(place: Place, archive: Path) -> None:
    """``thidua backup`` while another process appends to the audit trail."""
    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
    env.update(
        THIDUA_DATA_DIR=str(place.data),
        THIDUA_KEYS_DIR=str(place.keys),
        DJANGO_SETTINGS_MODULE="thidua.settings.base",
    )
    if place.url:
        env["THIDUA_DATABASE_URL"] = place.url
    writer = subprocess.Popen(
        [sys.executable, "-m", "thidua.cli", "shell", "-c", WRITER],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while "bat-dau" not in writer.stdout.readline():
            assert writer.poll() is None, writer.stderr.read()
        backup = place.run("backup", str(archive))
        assert backup.returncode == 0, backup.stderr
    finally:
        out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0 and "xong" in out, err


@contextmanager
def fresh_place(tmp_path: Path, name: str, keys: Path | None = None):
    """An empty install; ``keys``: share a keys folder (the same server)."""
    with scratch_database("restore") as url:
        yield Place(tmp_path / name / "data", keys or tmp_path / name / "keys", url)


def test_backup_wipe_restore_verify(demo_backup, tmp_path):
    """Restore onto the wiped site (same folders, its keys folder kept apart); it runs
    again, and a backup taken while it writes restores consistently."""
    site = Place(Path(demo_backup["site"]["data"]), demo_backup["site_keys"])
    before = demo_backup["facts"]
    assert before["closed_ballots"] >= 1 and before["votes"] >= 1
    assert before["signed"] >= 1 and before["checkpoints"] >= 1
    with scratch_database("wiped") as url:  # the wiped site's new, empty database
        site.url = url
        assert site.tables() == []
        restored = site.run("restore", str(demo_backup["plain"]))
        out = restored.stdout + restored.stderr
        assert restored.returncode == 0, out
        assert "Chuỗi nhật ký thao tác: ĐẠT" in out
        assert f"{before['checkpoints']} mốc kiểm chứng khớp" in out
        assert "Chữ ký số văn bản phát hành: ĐẠT" in out
        assert f"({before['signed']} có chữ ký số), 0 lỗi" in out
        assert "trigger khớp với bản sao lưu" in out
        assert facts(site) == before
        # The guards came back with the data: a closed ballot and the trail are frozen.
        for statement in (
            "UPDATE councils_ballotvote SET choice = choice",
            "UPDATE councils_ballot SET state = 'open'",
            "DELETE FROM common_activitylog",
            "UPDATE documents_issueddocument SET summary = 'x' WHERE status = 'ready'",
        ):
            with (
                pytest.raises(Exception, match="append-only|frozen"),
                site.db() as conn,
            ):
                conn.execute(statement)
        # Sequences continue after the restored rows: new writes work and chain on.
        created = site.run(
            "createadmin",
            "--username",
            "sau.khoi.phuc",
            extra={"THIDUA_ADMIN_PASSWORD": "mat-khau-sau-khoi-phuc-2026"},
        )
        assert created.returncode == 0, created.stderr
        verified = site.run("audit", "verify")
        assert verified.returncode == 0, verified.stderr
        assert facts(site)["audit_seq"] > before["audit_seq"]
        # Restored files are the owner's only.
        restored_modes = modes_under(site.data)
        assert restored_modes["."] == 0o700
        for name, value in restored_modes.items():
            if name.startswith("media"):
                is_dir = (site.data / name).is_dir()
                assert value == (0o700 if is_dir else 0o600), name
        if not url:
            assert restored_modes["thidua.sqlite3"] == 0o600
        # A backup taken while the site writes is one consistent snapshot.
        _backup_while_writing(site, tmp_path / "dang-ghi.tar.gz")
        with tarfile.open(tmp_path / "dang-ghi.tar.gz") as tar:
            manifest = json.load(tar.extractfile("manifest.json"))
        start = facts(site)["audit_seq"] - 100
        assert start <= manifest["audit"]["seq"] <= start + 100
    with fresh_place(tmp_path, "ban-sao", keys=demo_backup["site_keys"]) as copy:
        result = copy.run("restore", str(tmp_path / "dang-ghi.tar.gz"))
        assert result.returncode == 0, result.stdout + result.stderr
        assert facts(copy)["audit_seq"] == manifest["audit"]["seq"]


def test_data_files_are_created_owner_only(demo_backup):
    site_modes, keys_modes = demo_backup["site_modes"], demo_backup["keys_modes"]
    assert site_modes["."] == 0o700
    assert any(name.startswith("media/documents/") for name in site_modes)
    for name, value in site_modes.items():
        if name == "static" or name.startswith("static/"):
            continue  # collected static files: public anyway, behind the 0700 folder
        assert value & 0o077 == 0, f"{name}: {oct(value)}"
    if not os.environ.get("THIDUA_DATABASE_URL"):
        assert site_modes["thidua.sqlite3"] == 0o600
    assert keys_modes == {".": 0o700, "secret_key": 0o600, "audit_key": 0o600}
    assert mode(demo_backup["plain"]) == 0o600 and mode(demo_backup["keyed"]) == 0o600
    assert not list(demo_backup["plain"].parent.glob(".*.part"))


def test_backup_into_a_folder_gets_a_dated_name_and_prunes_old_ones(demo_backup):
    nightly = demo_backup["nightly"]
    assert len(nightly) == 2 and "thidua-20200103-020000.tar.gz" in nightly
    made = next(n for n in nightly if n != "thidua-20200103-020000.tar.gz")
    assert re.fullmatch(r"thidua-\d{8}-\d{6}\.tar\.gz", made)
    assert (
        "Đã xóa bản sao lưu cũ thidua-20200101-020000.tar.gz"
        in (demo_backup["backup_output"][0])
    )


def _flip(path: Path, offset: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0x40]))


def _database_offset(path: Path) -> int:
    with tarfile.open(path) as tar:
        member = next(m for m in tar if m.name.startswith("database/"))
        return member.offset_data + member.size // 2


def test_damaged_archives_are_refused_and_nothing_is_written(demo_backup, tmp_path):
    flipped_tar = tmp_path / "hong.tar"
    shutil.copy(demo_backup["keyed"], flipped_tar)
    _flip(flipped_tar, _database_offset(flipped_tar))
    flipped_gz = tmp_path / "hong.tar.gz"
    shutil.copy(demo_backup["plain"], flipped_gz)
    _flip(flipped_gz, flipped_gz.stat().st_size // 2)
    truncated = tmp_path / "cut.tar.gz"
    data = demo_backup["plain"].read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    cases = [
        (flipped_tar, "không khớp mã SHA-256"),
        (flipped_gz, "bị hỏng"),
        (truncated, "bị hỏng"),
    ]
    for number, (archive, message) in enumerate(cases):
        with fresh_place(tmp_path, f"dich-{number}") as place:
            result = place.run("restore", str(archive))
            assert result.returncode != 0, archive
            assert message in result.stderr and "Không ghi gì cả" in result.stderr
            assert place.tables() == []
            assert not (place.data / "media").exists()
            assert not list(place.keys.glob("audit_key*"))


def test_new_server_gets_the_keys_and_a_non_empty_target_needs_force(
    demo_backup, tmp_path
):
    secrets = demo_backup["secrets"]
    # A new server without the keys: the archive made with --include-keys brings
    # them back (owner-only), and the checkpoints verify with them.
    with fresh_place(tmp_path, "may-moi") as place:
        first = place.run("restore", str(demo_backup["keyed"]))
        assert first.returncode == 0, first.stdout + first.stderr
        assert "Đã đặt lại khóa audit_key" in first.stdout
        assert (place.keys / "audit_key").read_text().strip() == secrets["audit_key"]
        assert (place.keys / "secret_key").read_text().strip() == secrets["secret_key"]
        assert mode(place.keys / "audit_key") == 0o600
        assert list(place.keys.glob("secret_key.before-restore-*"))  # generated one
        # Now it holds data: a second restore is refused and changes nothing ...
        created = place.run(
            "createadmin",
            "--username",
            "du.lieu.moi",
            extra={"THIDUA_ADMIN_PASSWORD": "mat-khau-du-lieu-moi-2026"},
        )
        assert created.returncode == 0, created.stderr
        before = facts(place)
        refused = place.run("restore", str(demo_backup["plain"]))
        assert refused.returncode != 0
        assert "không trống" in refused.stderr and "--force" in refused.stderr
        assert "accounts_user" in refused.stderr
        assert facts(place) == before
        # ... unless forced.
        forced = place.run("restore", "--force", str(demo_backup["plain"]))
        assert forced.returncode == 0, forced.stdout + forced.stderr
        assert facts(place) == demo_backup["facts"]
        assert not place.query(
            "SELECT 1 FROM accounts_user WHERE username = 'du.lieu.moi'"
        )
        # Someone with the database file drops the guard, changes an entry and puts
        # the guard back: `thidua audit verify` names that entry.
        _tamper_behind_the_trigger(place, seq=10)
        broken = place.run("audit", "verify")
        assert broken.returncode != 0
        assert "Chuỗi nhật ký bị hỏng từ mục #10" in broken.stderr


def _tamper_behind_the_trigger(place: Place, seq: int) -> None:
    with place.db() as conn:
        if place.url:
            name = "common_activitylog_append_only"
            (create,) = conn.execute(
                "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = %s",
                [name],
            ).fetchone()
            conn.execute(f"DROP TRIGGER {name} ON common_activitylog")
        else:
            name = "common_activitylog_no_update"
            (create,) = conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", [name]
            ).fetchone()
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute(
            f"UPDATE common_activitylog SET object_repr = 'giả mạo' WHERE seq = {seq}"
        )
        conn.execute(create)
        conn.commit()
    with pytest.raises(Exception, match="append-only"), place.db() as conn:
        conn.execute("UPDATE common_activitylog SET object_repr = 'x'")


def _member_names_and_bytes(path: Path) -> tuple[list[str], bytes]:
    with tarfile.open(path) as tar:
        members = [m for m in tar if m.isfile()]
        return [m.name for m in members], b"".join(
            tar.extractfile(m).read() for m in members
        )


def test_keys_only_with_include_keys(demo_backup, tmp_path):
    secrets = demo_backup["secrets"]
    names, everything = _member_names_and_bytes(demo_backup["plain"])
    assert not [n for n in names if n.startswith("keys/")]
    for value in secrets.values():
        assert value.encode() not in everything
    plain_out, keyed_out = demo_backup["backup_output"]
    assert "CẢNH BÁO" not in plain_out and "CẢNH BÁO" in keyed_out
    with tarfile.open(demo_backup["keyed"]) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        stored = {
            n.split("/")[1]: tar.extractfile(n).read().decode().strip()
            for n in tar.getnames()
            if n.startswith("keys/")
        }
    assert manifest["keys"] == ["audit_key", "secret_key"]
    assert stored == secrets
    # The plain archive on a server without the keys: the data comes back, but the
    # checkpoints cannot be verified (docs/backup.md: keep the keys apart, but keep them).
    with fresh_place(tmp_path, "thieu-khoa") as place:
        result = place.run("restore", str(demo_backup["plain"]))
        assert result.returncode != 0
        assert "không tìm thấy khóa mốc kiểm chứng" in result.stdout
        assert "Chữ ký số văn bản phát hành: ĐẠT" in result.stdout


def _rewrite(source: Path, target: Path, edit) -> None:
    """The same archive with an edited manifest and matching checksums: what a backup
    from another engine or a newer version looks like."""
    with tarfile.open(source) as tar, tarfile.open(target, "w") as out:
        for member in tar:
            data = tar.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                edit(manifest)
                data = json.dumps(manifest).encode()
                digest = hashlib.sha256(data).hexdigest()
            elif member.name == "SHA256SUMS":
                lines = data.decode().splitlines()
                # manifest.json is written just before SHA256SUMS, its first line
                data = "\n".join([f"{digest}  manifest.json", *lines[1:]]).encode()
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))


def test_other_engine_and_newer_schema_are_refused(demo_backup, tmp_path):
    other = "postgresql" if not os.environ.get("THIDUA_DATABASE_URL") else "sqlite"
    cases = [
        (lambda m: m.update(engine=other), "cùng loại cơ sở dữ liệu"),
        (lambda m: m["migrations"]["common"].append("9999_tuong_lai"), "mới hơn"),
    ]
    for number, (edit, message) in enumerate(cases):
        archive = tmp_path / f"sua-{number}.tar"
        _rewrite(demo_backup["plain"], archive, edit)
        with fresh_place(tmp_path, f"dich-{number}") as place:
            result = place.run("restore", str(archive))
            assert result.returncode != 0
            assert message in result.stderr, result.stderr
            assert place.tables() == []
