"""`thidua serve` (issue #18, a lean server): a supervisor without Django, gunicorn
loading the application once and migrating before it forks, the job worker started
only once the web server is ready, a web server that cannot start stopping `serve`
with its error, and no driver the configuration does not use in the processes."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from thidua.common.supervise import default_workers

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.own_sqlite  # every server here runs on a folder of its own


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(tmp_path, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("THIDUA_", "DJANGO_"))
    }
    env.update(
        THIDUA_DATA_DIR=str(tmp_path / "data"),
        THIDUA_SECRET_KEY="serve-test-" + "x" * 40,
        PYTHONPATH=str(ROOT / "src"),
        **extra,
    )
    return env


def _python(code: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_supervisor_loads_no_django(tmp_path):
    code = (
        "import sys, thidua.common.supervise, thidua.drivers, thidua.cli\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    assert _python(code, _env(tmp_path)) == "[]"


def test_unused_drivers_are_kept_out_by_the_configuration(tmp_path):
    code = (
        "import sys\n"
        "from thidua.drivers import keep_out_unused_drivers\n"
        "print(keep_out_unused_drivers())\n"
        "import huey.storage as s\n"
        "print(s.psycopg is None, 'redis' in sys.modules and sys.modules['redis'] is None)"
    )
    assert _python(code, _env(tmp_path)).splitlines() == [
        "['redis', 'psycopg']",
        "True True",
    ]
    configured = _env(
        tmp_path,
        THIDUA_DATABASE_URL="postgres://thidua@127.0.0.1:5432/thidua",
        THIDUA_REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert _python(code.split("import huey")[0], configured) == "[]"


def test_workers_follow_the_machine_unless_configured(monkeypatch):
    monkeypatch.delenv("THIDUA_WEB_WORKERS", raising=False)
    for cores, workers in ((1, 2), (2, 3), (8, 4), (None, 2)):
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        assert default_workers() == workers
    monkeypatch.setenv("THIDUA_WEB_WORKERS", "6")
    assert default_workers() == 6


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _children(pid: int) -> list[list[bytes]]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    found = []
    for child in map(int, path.read_text().split()):
        try:
            found.append(Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0"))
        except OSError:
            continue
    return found


@pytest.mark.needs_system
def test_serve_migrates_then_serves_then_starts_the_worker(tmp_path):
    port = _port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "thidua.cli", "serve", "--bind", f"127.0.0.1:{port}"],
        env=_env(tmp_path, THIDUA_WEB_WORKERS="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if _get(f"http://127.0.0.1:{port}/healthz") == 200:
                    break
            except OSError:
                pass
            assert serve.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        # The schema was migrated before any worker served: the login page reads
        # the database (the session, the site's settings).
        assert _get(f"http://127.0.0.1:{port}/tai-khoan/dang-nhap/") == 200
        for _ in range(100):
            kinds = [argv[-2] for argv in _children(serve.pid)]
            if b"worker" in kinds:
                break
            time.sleep(0.1)
        assert sorted(kinds) == [b"1", b"worker"]  # gunicorn (…--workers 1), worker
        assert (tmp_path / "data" / "huey.sqlite3").exists()
    finally:
        serve.terminate()
        output = serve.communicate(timeout=60)[0]
    assert f"thidua đang chạy tại http://127.0.0.1:{port}/" in output
    assert serve.returncode == 0, output
    assert not (Path.home() / ".gunicorn" / "gunicorn.ctl").exists()


@pytest.mark.needs_system
def test_a_web_server_that_cannot_start_stops_serve_with_its_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "thidua.cli", "serve", "--bind", f"127.0.0.1:{_port()}"],
        env=_env(tmp_path, THIDUA_PROXY_IPS="10.0.0.1/24"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "Máy chủ web không khởi động được" in result.stdout
    assert "THIDUA_PROXY_IPS" in result.stderr


def test_no_database_connection_crosses_the_fork(tmp_path):
    """gunicorn's master migrates and warms up before forking: it must leave no open
    connection for the workers to inherit."""
    code = (
        "from thidua.wsgi import prepare\n"
        "prepare()\n"
        "from django.db import connection\n"
        "from django.db.migrations.executor import MigrationExecutor\n"
        "print(connection.connection is None)\n"
        "print(MigrationExecutor(connection).migration_plan("
        "MigrationExecutor(connection).loader.graph.leaf_nodes()) == [])"
    )
    env = _env(tmp_path, THIDUA_MIGRATE_ON_START="1")
    assert _python(code, env).splitlines() == ["True", "True"]
