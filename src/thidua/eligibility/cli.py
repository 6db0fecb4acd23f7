"""Command line: ``thidua eligibility check|explain|forecast|quotas``.

Runs without Django (``python -m thidua.eligibility.cli check CASE.json``); the
``eligibility`` management command delegates here. Bad input never prints a
traceback: one Vietnamese line naming the field goes to stderr and the exit
status is 2.

    check CASE.json [--format json|text] [--policy POLICY.json]
    explain CODE [--regime R] [--format text|json] [--policy POLICY.json]
    forecast CASE.json [--format text|json] [--policy POLICY.json]
    quotas LIST.json [--format json|text] [--policy POLICY.json]

``CASE.json`` may be ``-`` for standard input.
"""

import argparse
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime
from typing import Any, NoReturn, TextIO
from zoneinfo import ZoneInfo

from .case import check_review_year_range
from .engine import Engine
from .errors import CaseError
from .explain import explain
from .forecast import forecast
from .quotas import check_quotas
from .regimes import REGIMES
from .render import explain_text, forecast_text, quotas_text, report_text
from .validate import load_json

__all__ = ["build_parser", "main", "run"]

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: lỗi tham số: {message}\n")
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser(prog: str = "thidua eligibility") -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        description="Xét điều kiện danh hiệu thi đua, hình thức khen thưởng theo "
        "chế độ pháp lý của năm xét.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="xét một ca (CASE.json)")
    check.add_argument("case", metavar="CASE.json")
    check.add_argument("--format", choices=("json", "text"), default="json")
    check.add_argument("--policy", metavar="POLICY.json")
    exp = sub.add_parser("explain", help="in quy tắc của một mã với căn cứ pháp lý")
    exp.add_argument("code", metavar="CODE")
    exp.add_argument("--regime", choices=tuple(REGIMES))
    exp.add_argument("--format", choices=("json", "text"), default="text")
    exp.add_argument("--policy", metavar="POLICY.json")
    fc = sub.add_parser(
        "forecast", help="dự báo năm sau: có thể đề nghị gì, còn thiếu gì"
    )
    fc.add_argument("case", metavar="CASE.json")
    fc.add_argument("--format", choices=("json", "text"), default="text")
    fc.add_argument("--policy", metavar="POLICY.json")
    qt = sub.add_parser("quotas", help="kiểm tra tỉ lệ trên danh sách đề nghị")
    qt.add_argument("list", metavar="LIST.json")
    qt.add_argument("--format", choices=("json", "text"), default="json")
    qt.add_argument("--policy", metavar="POLICY.json")
    return parser


def _today():
    # The day in Việt Nam, where the review years are counted.
    return datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


def _load(path: str, stdin: TextIO) -> Any:
    try:
        if path == "-":
            text = stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except FileNotFoundError:
        raise CaseError(path, "không tìm thấy tệp") from None
    except UnicodeDecodeError:
        raise CaseError(path, "tệp không phải văn bản UTF-8") from None
    except OSError:
        raise CaseError(path, "không đọc được tệp") from None
    return load_json(text, path)


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def run(
    args: argparse.Namespace,
    stdout: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Execute parsed arguments; raises :class:`CaseError` on bad input."""
    out = stdout or sys.stdout
    stdin = stdin or sys.stdin
    policy = _load(args.policy, stdin) if args.policy else None
    if args.command == "explain":
        data = explain(args.code, args.regime, policy)
        out.write(_dump(data) if args.format == "json" else explain_text(data))
        return 0
    engine = Engine(policy)
    if args.command == "check":
        data = _load(args.case, stdin)
        check_review_year_range(data, _today())
        report = engine.check(data)
        out.write(
            report_text(report) if args.format == "text" else _dump(report.to_dict())
        )
    elif args.command == "forecast":
        data = _load(args.case, stdin)
        check_review_year_range(data, _today())
        items = forecast(data, engine=engine)
        if args.format == "json":
            out.write(_dump([item.to_dict() for item in items]))
        else:
            out.write(forecast_text(items))
    else:
        data = check_quotas(_load(args.list, stdin), policy)
        out.write(quotas_text(data) if args.format == "text" else _dump(data))
    return 0


def main(
    argv: list[str] | None = None,
    *,
    prog: str = "thidua eligibility",
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the CLI; returns the exit status (0, or 2 for bad input or usage)."""
    err = stderr or sys.stderr
    try:
        # Usage errors and --help go to the given streams, not the process's.
        with redirect_stderr(err), redirect_stdout(stdout or sys.stdout):
            args = build_parser(prog).parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT
    try:
        return run(args, stdout, stdin)
    except CaseError as error:
        err.write(f"{error}\n")
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
