"""Server start and memory: ``thidua serve`` beside a minimal Django site (issue #18).

    .venv/bin/python bench/server_start.py [--workers 3] [--requests 1000] [--runs 3]

Project: ``thidua serve --no-migrate`` (gunicorn + the huey worker, under thidua's
supervisor) on a fresh, migrated SQLite folder. Floor: a one-view Django site
(``bench/floor_site.py``) under the same gunicorn with the same workers and nothing
else. For each: the time from launch to the first 200 on /healthz (median of
``--runs``), then the memory of the whole process group idle (``--settle`` seconds after start) and after
``--requests`` requests (/healthz and, for thidua, the login page), as RSS (what the
issue measured: shared pages counted in every process) and PSS (shared pages split
between the processes that share them: what the machine really spends).
"""

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from _common import ROOT, machine

BENCH = Path(__file__).resolve().parent


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _group(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid:  # fields after "(comm)": state, ppid, pgrp
            pids.append(int(entry))
    return pids


def _memory(pgid: int) -> tuple[float, float, int]:
    """RSS and PSS of the process group, in MB, and how many processes."""
    rss = pss = 0
    pids = _group(pgid)
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss / 1024, pss / 1024, len(pids)


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _run(argv, env: dict, base: str, paths: list[str], requests: int, settle: float):
    started = time.monotonic()
    server = subprocess.Popen(
        argv,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while True:
            try:
                if _get(f"{base}/healthz") == 200:
                    break
            except OSError:
                pass
            if time.monotonic() - started > 120:
                raise SystemExit("the server did not answer within 120 s")
            time.sleep(0.01)
        first = time.monotonic() - started
        time.sleep(settle)
        idle = _memory(server.pid)
        for i in range(requests):
            status = _get(base + paths[i % len(paths)])
            if status != 200:
                raise SystemExit(f"{paths[i % len(paths)]} answered {status}")
        after = _memory(server.pid)
        return first, idle, after
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _gunicorn(module: str, bind: str, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        module,
        "--bind",
        bind,
        "--workers",
        str(workers),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--settle", type=float, default=5, help="seconds idle before the first measure"
    )
    args = parser.parse_args()

    data = Path(tempfile.mkdtemp(prefix="thidua-bench-start-"))
    env = {
        **os.environ,
        "THIDUA_DATA_DIR": str(data),
        "DJANGO_SETTINGS_MODULE": "thidua.settings.base",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(BENCH)]),
    }
    subprocess.run(
        [sys.executable, "-m", "thidua.cli", "migrate", "--verbosity", "0"],
        env=env,
        check=True,
    )
    rows = {}
    for name, make_argv, paths in (
        (
            "thidua serve",
            lambda bind: [
                sys.executable,
                "-m",
                "thidua.cli",
                "serve",
                "--bind",
                bind,
                "--workers",
                str(args.workers),
                "--no-migrate",
            ],
            ["/healthz", "/tai-khoan/dang-nhap/"],
        ),
        (
            "floor (one-view Django, gunicorn)",
            lambda bind: _gunicorn("floor_site:application", bind, args.workers),
            ["/healthz"],
        ),
    ):
        firsts, idle, after = [], None, None
        for _ in range(args.runs):
            port = _port()
            first, idle, after = _run(
                make_argv(f"127.0.0.1:{port}"),
                env,
                f"http://127.0.0.1:{port}",
                paths,
                args.requests,
                args.settle,
            )
            firsts.append(first)
        rows[name] = (statistics.median(firsts), idle, after)

    print(f"machine: {machine()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC")
    print(f"gunicorn workers: {args.workers}; requests: {args.requests}")
    for name, (first, idle, after) in rows.items():
        print(
            f"{name}: first 200 after {first:.2f} s; idle {idle[2]} processes, "
            f"RSS {idle[0]:.0f} MB, PSS {idle[1]:.0f} MB; after the requests "
            f"RSS {after[0]:.0f} MB, PSS {after[1]:.0f} MB"
        )
    project, floor = rows["thidua serve"], rows["floor (one-view Django, gunicorn)"]
    print(
        f"ratio: start {project[0] / floor[0]:.1f}×, idle PSS "
        f"{project[1][1] / floor[1][1]:.1f}×, idle RSS {project[1][0] / floor[1][0]:.1f}×"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
