"""Shared set-up for benchmarks: a fresh data folder, migrated, and a synthetic agency."""

import datetime
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def setup_django(database_url: str | None = None) -> Path:
    data = Path(tempfile.mkdtemp(prefix="thidua-bench-"))
    os.environ["THIDUA_DATA_DIR"] = str(data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings.base")
    if database_url:
        os.environ["THIDUA_DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return data


def make_agency(units: int = 10):
    from thidua.organizations.services.structure import create_agency

    root = create_agency(
        code="SKHĐT", name="Sở Kế hoạch và Đầu tư", level="so_ban_nganh"
    )
    codes = []
    for i in range(units):
        unit = create_agency(
            parent=root,
            code=f"SKHĐT-{i:02d}",
            name=f"Phòng số {i}",
            level="phong_don_vi",
        )
        codes.append(unit.code)
    return root, codes


def synthetic_rows(n: int, unit_codes: list[str], seed: int = 7):
    """Rows for the staff template (``COLUMNS`` order): realistic names, consistent
    CCCDs, dd/mm/yyyy text."""
    from thidua.demo.names import vietnamese_name

    rng = random.Random(seed)
    for i in range(n):
        gender = rng.choice(["nam", "nu"])
        birth = datetime.date(
            rng.randint(1966, 1999), rng.randint(1, 12), rng.randint(1, 28)
        )
        digit = (1 if gender == "nu" else 0) + (0 if birth.year < 2000 else 2)
        cccd = f"0{rng.choice(['01', '20', '79'])}{digit}{birth.year % 100:02d}{i:06d}"
        yield [
            i + 1,
            vietnamese_name(rng, gender),
            "Nữ" if gender == "nu" else "Nam",
            birth.strftime("%d/%m/%Y"),
            cccd,
            rng.choice(["Kinh", "Tày", "Nùng", "Dao"]),
            rng.choice(["Công chức", "Viên chức", "Người lao động"]),
            rng.choice(["", "Chuyên viên", "Phó Trưởng phòng"]),
            "Chuyên viên",
            rng.choice(["Có", "Không"]),
            f"01/{rng.randint(1, 12):02d}/{max(birth.year + 22, 2000)}",
            rng.choice(["đại học", "đại học", "trên đại học", "cao đẳng"]),
            "",  # làm công tác TĐKT từ ngày: not a TĐKT officer
            rng.choice(unit_codes),
        ]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    import platform

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def timed(fn, *args, **kwargs):
    """(seconds, result) of one call."""
    import time

    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


def write_staff_workbook(path: Path, n: int, unit_codes: list[str]) -> Path:
    """The staff import template filled with ``n`` synthetic rows."""
    from openpyxl import Workbook

    from thidua.organizations.imports.staff import COLUMNS

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    sheet.append([c.header for c in COLUMNS])
    for row in synthetic_rows(n, unit_codes):
        sheet.append(row)
    workbook.save(path)
    return path


@contextmanager
def serve(data: Path, workers: int):
    """``thidua serve`` on a free loopback port over ``data`` (already migrated), until
    /healthz answers; yields the base URL and stops the server afterwards."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "THIDUA_DATA_DIR": str(data)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "thidua.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--no-migrate",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        yield base
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
