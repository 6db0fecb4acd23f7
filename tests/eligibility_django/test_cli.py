"""``thidua eligibility`` and ``manage.py eligibility``: the engine's CLI behind Django."""

import subprocess
import sys

import pytest
from django.core.management import call_command

from ..eligibility.test_cli import BAD, BAD_LINE, CASE, _env, _write


def test_management_command_call_command(capsys):
    call_command("eligibility", "explain", "LDTT", "--regime", "nd152_2025")
    out = capsys.readouterr().out
    # The admin's view: the citation as users read it, then what was not read.
    assert "căn cứ: TT 01/2024/TT-BNV, Điều 1, khoản 5, điểm d [V-S]" in out
    assert "ghi chú quản trị: chưa đối chiếu NĐ 152/2025" in out


def test_thidua_console_script(tmp_path):
    path = _write(tmp_path, "case.json", CASE)
    env = _env(tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "thidua.cli",
            "eligibility",
            "check",
            path,
            "--format",
            "text",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "CSTDCS · Chiến sĩ thi đua cơ sở: ĐỦ ĐIỀU KIỆN" in done.stdout
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "thidua.cli",
            "eligibility",
            "check",
            _write(tmp_path, "bad.json", BAD),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr == BAD_LINE


def test_management_command_bad_input_exits_2(tmp_path, capsys):
    path = _write(tmp_path, "bad.json", BAD)
    with pytest.raises(SystemExit) as stop:
        call_command("eligibility", "check", path)
    assert stop.value.code == 2
    assert capsys.readouterr().err == BAD_LINE
