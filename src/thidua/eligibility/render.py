"""Plain-text Vietnamese renderings for the CLI (``--format text``)."""

import textwrap
from typing import Any

from .catalog import NAMES
from .results import Report, Result

__all__ = ["explain_text", "forecast_text", "quotas_text", "report_text"]

STATUS_TEXT = {
    "eligible": "đủ điều kiện",
    "not_eligible": "chưa đủ điều kiện",
    "blocked": "không được đề nghị (bị chặn)",
}
MARK = {True: "[đạt]", False: "[thiếu]", None: "[xét]"}
WIDTH = 100


def _wrap(text: str, indent: str, then: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if then is None else then,
    ) or [indent]


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append(
            "  ".join(
                cell.ljust(w) for cell, w in zip(row, widths, strict=True)
            ).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _status(result: Result) -> str:
    text = STATUS_TEXT[result.status]
    if result.status == "eligible" and all(s.qualitative for s in result.specs):
        # Nothing the engine could check: say so rather than sound like a verdict.
        text += " (chỉ có điều kiện định tính)"
    return text


def report_text(report: Report) -> str:
    """Summary table, then per code the "yêu cầu / hiện có / thiếu" details."""
    head = report.to_dict()  # only its regime keys are read here
    lines = [
        f"Năm xét {report.review_year}: {head['regime_label']} "
        f"({head['regime_reason']}; mã chế độ {report.regime})",
        "",
    ]
    rows = [("Mã", "Danh hiệu / hình thức", "Kết quả", "Thiếu")]
    for r in report.results:
        rows.append((r.code, NAMES[r.code], _status(r), str(len(r.missing()))))
    lines += _table(rows)
    for r in report.results:
        lines += ["", f"{r.code} · {NAMES[r.code]}: {_status(r).upper()}"]
        for spec, met, found in r.conditions():
            lines += _wrap(spec.text, f"  {MARK[met]:<8} ", " " * 11)
            lines += _wrap(f"yêu cầu: {spec.required} | hiện có: {found}", " " * 11)
            lines += _wrap(f"căn cứ: {spec.citation.text}", " " * 11)
    lines.append("")
    lines.append(
        "[đạt] điều kiện thỏa; [thiếu] điều kiện chưa thỏa; [xét] định tính hoặc "
        "thiếu dữ liệu, do Hội đồng đánh giá, không làm thay đổi kết quả."
    )
    return "\n".join(lines) + "\n"


def explain_text(data: dict[str, Any]) -> str:
    lines = [f"{data['code']} · {data['name']}"]
    for reg in data["regimes"]:
        lines += [
            "",
            f"== {reg['regime']} (năm xét {reg['review_years']}): {reg['title']}",
        ]
        for basis in reg["basis"]:
            lines += _wrap(f"- {basis}", "   ")
        if reg["carried_from"]:
            lines += _wrap(
                f"Quy tắc kế thừa từ {reg['carried_from']} (ghi chú quản trị ở từng "
                "căn cứ).",
                "   ",
            )
        if not reg["rules"]:
            lines.append("   Không áp dụng.")
        for rule in reg["rules"]:
            lines += ["", f"   Đối tượng: {rule['kind_name']}"]
            for i, c in enumerate(rule["conditions"], start=1):
                kind = " (định tính)" if c["qualitative"] else ""
                lines += _wrap(f"{i}. {c['text']}{kind}", "   ", "      ")
                lines += _wrap(f"yêu cầu: {c['required']}", "      ")
                lines += _wrap(f"căn cứ: {c['citation']} [{c['tag']}]", "      ")
                if c["note"]:
                    lines += _wrap(f"ghi chú quản trị: {c['note']}", "      ")
        lines += ["", "   Điều kiện chung (mọi mã):"]
        for g in reg["guards"]:
            lines += _wrap(f"- {g['text']}", "   ", "     ")
            lines += _wrap(f"căn cứ: {g['citation']} [{g['tag']}]", "      ")
            if g["note"]:
                lines += _wrap(f"ghi chú quản trị: {g['note']}", "      ")
        cash = reg["cash"]
        if cash is not None:
            value = (
                "chưa có"
                if cash["multiple"] is None
                else f"{cash['multiple']:g}".replace(".", ",")
            )
            lines += [
                "",
                *_wrap(
                    f"Tiền thưởng: {value} lần mức lương cơ sở; căn cứ: {cash['citation']}",
                    "   ",
                ),
            ]
        vote = reg["council_vote"]
        if vote is None:
            text = "Hội đồng bỏ phiếu kín: theo Quy chế hoạt động của Hội đồng"
        else:
            base = (
                "tổng số thành viên Hội đồng"
                if vote["basis"] == "all_members"
                else "số thành viên có mặt"
            )
            share = f"{vote['share'] * 100:g}".replace(".", ",")
            text = f"Hội đồng bỏ phiếu kín: từ {share} % {base} trở lên; căn cứ: {vote['citation']}"
        lines += ["", *_wrap(text, "   ")]
        for note in reg["notes"]:
            lines += _wrap(f"Ghi chú: {note}", "   ")
    return "\n".join(lines) + "\n"


def forecast_text(items: list[Any]) -> str:
    return "\n".join(f"- {item.sentence}" for item in items) + "\n"


def quotas_text(data: dict[str, Any]) -> str:
    lines = [f"Năm xét {data['review_year']}, chế độ {data['regime']}"]
    if not data["checks"]:
        lines.append("Không có tỉ lệ khống chế nào trong chính sách áp dụng.")
    for check in data["checks"]:
        lines += _wrap(f"- {check['code']}: {check['message']}", "")
    lines.append("")
    rows = [("Mã số", "Đơn vị", "Đề nghị", "Kết quả", "Lý do")]
    for row in data["candidates"]:
        rows.append(
            (
                row["id"],
                row["unit"],
                row["code"],
                row["status"],
                "; ".join(row["reasons"]),
            )
        )
    lines += _table(rows)
    return "\n".join(lines) + "\n"
