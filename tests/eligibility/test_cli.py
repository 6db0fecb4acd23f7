"""The CLI: ``python -m thidua.eligibility.cli``, ``main()`` and ``thidua eligibility``."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from thidua.eligibility.cli import _today, main

from . import collective, ini, person, team, yr

NEXT_YEAR = _today().year + 1

SRC = str(Path(__file__).resolve().parents[2] / "src")
CASE = person(
    2024,
    {2023: yr("HTXS", "LDTT", "CSTDCS"), 2024: yr("HTXS", "LDTT")},
    regime="nd98_2023",
    codes=["CSTDCS", "BK_BO_TINH"],
    recruited_on="2015-08-01",
    initiatives=[ini(2024)],
    under_review=False,
)
BAD = person(2024, {2024: {"rating": "XS"}})
BAD_LINE = 'subject.years.2024.rating: "XS" không hợp lệ\n'


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env["THIDUA_DATA_DIR"] = str(tmp_path / "data")
    return env


def _write(tmp_path: Path, name: str, data) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "thidua.eligibility.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(tmp_path),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )


def call(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return status, out.getvalue(), err.getvalue()


def test_import_pulls_in_no_django(tmp_path):
    code = (
        "import sys, thidua.eligibility, thidua.eligibility.cli, thidua.eligibility.cash, "
        "thidua.eligibility.quotas, thidua.eligibility.forecast, thidua.eligibility.explain; "
        "assert not any(m.startswith('django') for m in sys.modules), "
        "[m for m in sys.modules if m.startswith('django')]"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_subprocess_check_json(tmp_path):
    done = _run(tmp_path, "check", _write(tmp_path, "case.json", CASE))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["regime"] == "nd98_2023" and out["review_year"] == 2024
    assert [(r["code"], r["status"]) for r in out["results"]] == [
        ("CSTDCS", "eligible"),
        ("BK_BO_TINH", "eligible"),
    ]


def test_subprocess_bad_input_exits_2_with_one_line(tmp_path):
    done = _run(tmp_path, "check", _write(tmp_path, "bad.json", BAD))
    assert done.returncode == 2
    assert done.stderr == BAD_LINE
    assert done.stdout == ""


def test_subprocess_text_format(tmp_path):
    done = _run(
        tmp_path, "check", _write(tmp_path, "case.json", CASE), "--format", "text"
    )
    assert done.returncode == 0, done.stderr
    assert (
        "Năm xét 2024: Luật Thi đua, khen thưởng 2022, Nghị định 98/2023/NĐ-CP (chế độ "
        "được chỉ định trong hồ sơ xét; mã chế độ nd98_2023)" in done.stdout
    )
    assert "CSTDCS · Chiến sĩ thi đua cơ sở: ĐỦ ĐIỀU KIỆN" in done.stdout
    assert "căn cứ: Luật TĐKT 2022, Điều 23, khoản 1" in done.stdout


@pytest.mark.parametrize(
    ("payload", "line"),
    [
        ({"subject": {"kind": "individual"}}, "review_year: thiếu trường bắt buộc"),
        (
            {"review_year": 1900, "subject": {"kind": "individual"}},
            "review_year: 1900 trước năm 2004, năm đầu áp dụng Luật Thi đua, khen "
            "thưởng 2003: chưa có quy định để xét",
        ),
        (
            {"review_year": 2090, "subject": {"kind": "individual"}},
            f"review_year: 2090 sau năm {NEXT_YEAR}: chưa thể xét thành tích",
        ),
        (
            {
                "review_year": 2024,
                "subject": {
                    "kind": "individual",
                    "years": {"2030": {"rating": "HTXS"}},
                },
            },
            "subject.years.2030: năm 2030 sau năm xét 2024: chỉ dùng thành tích đến "
            "năm xét",
        ),
        (
            {"review_year": 2024, "codes": ["CSTD"], "subject": {"kind": "individual"}},
            'codes[0]: "CSTD" không hợp lệ',
        ),
        (
            {
                "review_year": 2024,
                "subject": {"kind": "individual", "recruited_on": "2024-02-30"},
            },
            'subject.recruited_on: "2024-02-30" không phải ngày hợp lệ (YYYY-MM-DD)',
        ),
        (
            {"review_year": "2024", "subject": {"kind": "individual"}},
            'review_year: phải là số nguyên, nhận "2024"',
        ),
    ],
)
def test_main_bad_input(payload, line):
    status, out, err = call("check", "-", stdin=json.dumps(payload))
    assert (status, out, err) == (2, "", line + "\n")


def test_main_unreadable_files(tmp_path):
    status, _, err = call("check", str(tmp_path / "missing.json"))
    assert status == 2 and err == f"{tmp_path / 'missing.json'}: không tìm thấy tệp\n"
    broken = tmp_path / "broken.json"
    broken.write_text('{"review_year": 2024,', encoding="utf-8")
    status, _, err = call("check", str(broken))
    assert status == 2 and err == f"{broken}: JSON không hợp lệ (dòng 1, cột 22)\n"


def test_a_byte_order_mark_is_accepted(tmp_path):
    """Notepad and Excel write "UTF-8" with a BOM: the case is read, not refused."""
    case = tmp_path / "case.json"
    data = {"review_year": 2024, "codes": ["LDTT"], "subject": {"kind": "individual"}}
    case.write_bytes(b"\xef\xbb\xbf" + json.dumps(data).encode())
    status, out, err = call("check", str(case))
    assert (status, err) == (0, "") and json.loads(out)["review_year"] == 2024


def test_later_initiatives_and_awards_are_named(tmp_path):
    base = {"review_year": 2024, "subject": {"kind": "individual"}}
    later = {
        **base,
        "subject": {
            "kind": "individual",
            "initiatives": [
                {"year": 2023, "scope": "co_so"},
                {"year": 2025, "scope": "co_so"},
            ],
        },
    }
    status, _out, err = call("check", "-", stdin=json.dumps(later))
    assert status == 2 and err.startswith(
        "subject.initiatives[1].year: 2025 sau năm xét"
    )
    award = {
        **base,
        "subject": {
            "kind": "individual",
            "awards": [
                {
                    "code": "BK_BO_TINH",
                    "type": "cong_trang",
                    "decision_date": "2026-03-01",
                }
            ],
        },
    }
    status, _out, err = call("check", "-", stdin=json.dumps(award))
    assert status == 2 and err.startswith(
        "subject.awards[0].decision_date: khen thưởng cho thành tích năm 2025 sau năm xét"
    )


def test_main_usage_error_is_one_line():
    status, _, err = call("check")
    assert status == 2
    assert err.count("\n") == 1 and "lỗi tham số" in err


def test_main_policy_file(tmp_path):
    case = collective(2024, {2024: team("HTT", ldtt=10, cstdcs=0)}, codes=["TTLDTT"])
    path = _write(tmp_path, "case.json", case)
    status, out, _ = call("check", path)
    assert status == 0 and json.loads(out)["results"][0]["status"] == "not_eligible"
    policy = _write(tmp_path, "policy.json", {"ttldtt_min_share_ldtt": 0.5})
    status, out, _ = call("check", path, "--policy", policy)
    assert status == 0 and json.loads(out)["results"][0]["status"] == "eligible"
    bad = _write(tmp_path, "bad-policy.json", {"quota_rounding": 3})
    status, _, err = call("check", path, "--policy", bad)
    assert (status, err) == (2, "policy.quota_rounding: 3 không hợp lệ\n")


def test_main_explain():
    status, out, _ = call("explain", "CSTDCS", "--regime", "nd98_2023")
    assert status == 0
    assert "Luật TĐKT 2022, Điều 23, khoản 2" in out
    assert "Tiền thưởng: 1 lần mức lương cơ sở" in out
    status, out, _ = call("explain", "CSTDTQ", "--format", "json")
    data = json.loads(out)
    assert [r["regime"] for r in data["regimes"]] == [
        "nd91_2017",
        "nd98_2023",
        "nd152_2025",
        "luat2026",
    ]
    status, _, err = call("explain", "XYZ")
    assert (status, err) == (2, 'CODE: "XYZ" không hợp lệ\n')


def test_main_forecast_and_quotas(tmp_path):
    case = person(
        2025,
        {
            2023: yr("HTXS", "LDTT", "CSTDCS"),
            2024: yr("HTXS", "LDTT", "CSTDCS"),
            2025: yr("HTXS"),
        },
    )
    status, out, _ = call("forecast", _write(tmp_path, "c.json", case))
    assert status == 0
    assert (
        "Năm 2026 đủ điều kiện đề nghị CSTĐ bộ/tỉnh nếu có sáng kiến được công nhận cấp bộ/tỉnh"
        in out
    )
    listing = {
        "review_year": 2023,
        "candidates": [
            {"id": str(i), "unit": "P1", "proposed": ["LDTT", "CSTDCS"]}
            for i in range(8)
        ],
    }
    status, out, _ = call("quotas", _write(tmp_path, "l.json", listing))
    data = json.loads(out)
    assert status == 0 and data["checks"][0]["allowed"] == 1
