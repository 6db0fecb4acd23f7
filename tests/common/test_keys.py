"""Where the keys live (THIDUA_KEYS_DIR, apart from the data folder) and owner-only
files: the data folder, the database, uploads, keys, whatever the CLI writes."""

import os
import stat
import subprocess
import sys

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from thidua.common import keys


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_install_keeps_its_secret_key_in_the_keys_folder(tmp_path):
    data, key_dir = tmp_path / "data", tmp_path / "data-keys"
    data.mkdir()
    secret = keys.secret_key_from_files(key_dir, data)
    assert (key_dir / "secret_key").read_text().strip() == secret
    assert not (data / "secret_key").exists()
    assert mode(key_dir) == 0o700 and mode(key_dir / "secret_key") == 0o600
    assert keys.secret_key_from_files(key_dir, data) == secret  # read, not remade


def test_an_older_install_keeps_using_the_secret_key_in_its_data_folder(tmp_path):
    data, key_dir = tmp_path / "data", tmp_path / "data-keys"
    data.mkdir()
    (data / "secret_key").write_text("khoa-cu-trong-thu-muc-du-lieu\n")
    assert keys.secret_key_from_files(key_dir, data) == "khoa-cu-trong-thu-muc-du-lieu"
    assert not key_dir.exists()
    # Moved to the keys folder by the admin: that one wins.
    key_dir.mkdir()
    (key_dir / "secret_key").write_text("khoa-da-chuyen")
    assert keys.secret_key_from_files(key_dir, data) == "khoa-da-chuyen"


def test_default_keys_folder_is_beside_the_data_folder(tmp_path):
    assert keys.default_keys_dir(tmp_path / "thidua") == tmp_path / "thidua-keys"


def test_data_folder_and_database_files_are_tightened(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    for name in ("thidua.sqlite3", "thidua.sqlite3-wal", "secret_key", "other.txt"):
        (data / name).write_text("x")
        (data / name).chmod(0o644)
    keys.secure_data_dir(data)
    assert mode(data) == 0o700
    assert mode(data / "thidua.sqlite3") == 0o600
    assert mode(data / "thidua.sqlite3-wal") == 0o600
    assert mode(data / "secret_key") == 0o600
    assert mode(data / "other.txt") == 0o644  # not ours to decide; behind 0700 anyway


def test_folders_chosen_by_the_admin_are_never_chmodded(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    keys.private_dir(shared)  # e.g. the folder a backup is written into
    assert mode(shared) == 0o755
    keys.write_private_file(shared / "f", b"x")
    assert mode(shared) == 0o755 and mode(shared / "f") == 0o600
    sticky = tmp_path / "tmp"
    sticky.mkdir()
    sticky.chmod(0o1777)
    keys.private_dir(sticky, tighten=True)  # THIDUA_DATA_DIR=/tmp must not lock /tmp
    assert mode(sticky) == 0o1777


def test_uploads_and_generated_files_are_owner_only(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    name = default_storage.save("ho-so/2026/tep.pdf", ContentFile(b"%PDF-1.7"))
    path = tmp_path / "media" / name
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700


def test_the_console_command_reads_key_files_and_writes_owner_only(tmp_path):
    data, key_dir = tmp_path / "data", tmp_path / "khoa"
    key_dir.mkdir()
    (key_dir / "signing_key").write_text("khoa-chung-thu-trong-tep\n")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("THIDUA_") or k == "THIDUA_NODE_MODULES"
    }
    env.update(
        THIDUA_DATA_DIR=str(data),
        THIDUA_KEYS_DIR=str(key_dir),
        DJANGO_SETTINGS_MODULE="thidua.settings.base",
    )
    code = (
        "from django.conf import settings; "
        "print('KEY=' + settings.THIDUA_SIGNING_KEY); "
        "open(settings.DATA_DIR / 'moi.txt', 'w').write('x')"
    )
    result = subprocess.run(
        [sys.executable, "-m", "thidua.cli", "shell", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "KEY=khoa-chung-thu-trong-tep" in result.stdout
    assert mode(data) == 0o700
    assert mode(data / "moi.txt") == 0o600  # the process umask
    assert mode(key_dir / "secret_key") == 0o600
