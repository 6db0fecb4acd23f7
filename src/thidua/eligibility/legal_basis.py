"""The "Căn cứ" lines of a decision or a tờ trình: the Law on emulation and commendation
with its amendments, and the decree detailing it, in force on the day it is signed.

A decision of 2008 cites the 2003 Law, one of 2024 the 2022 Law and NĐ 98/2023, one of
December 2025 NĐ 152/2025 (issue #15). Dates are those the texts set for their own
effect (docs/legal/texts-read.md); the effect dates of the decrees before NĐ 91/2017
were not read and are their signing dates, which differs only for documents signed in
the weeks between.
"""

from dataclasses import dataclass
from datetime import date

__all__ = ["LAW_TEXTS", "DECREE_TEXTS", "basis_lines"]


@dataclass(frozen=True, slots=True)
class InForce:
    since: date
    until: date | None  # the last day, None: still in force
    text: str

    def covers(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


LAW_2003 = "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"
LAW_2022 = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
AMENDED = "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng"
# The Law and its amendments, each line one way of naming what was in force.
LAW_TEXTS = (
    InForce(date(2004, 7, 1), date(2005, 6, 13), LAW_2003),
    InForce(
        date(2005, 6, 14),
        date(2014, 5, 31),
        f"{LAW_2003}; {AMENDED} ngày 14 tháng 6 năm 2005",
    ),
    # Luật 39/2013/QH13 took effect on 01/06/2014.
    InForce(
        date(2014, 6, 1),
        date(2023, 12, 31),
        f"{LAW_2003}; {AMENDED} ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
    ),
    InForce(date(2024, 1, 1), date(2026, 9, 30), LAW_2022),
    # Luật 06/2026/QH16 in force from 01/10/2026 (regimes/luat2026.py).
    InForce(
        date(2026, 10, 1),
        None,
        f"{LAW_2022}, được sửa đổi, bổ sung bởi Luật số 06/2026/QH16",
    ),
)
DETAILS = (
    "của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"
)
DECREE_TEXTS = (
    InForce(
        date(2010, 4, 15),
        date(2014, 6, 30),
        f"Nghị định số 42/2010/NĐ-CP ngày 15 tháng 4 năm 2010 {DETAILS}",
    ),
    InForce(
        date(2014, 7, 1),
        date(2017, 9, 14),
        f"Nghị định số 65/2014/NĐ-CP ngày 01 tháng 7 năm 2014 {DETAILS}",
    ),
    InForce(
        date(2017, 9, 15),
        date(2023, 12, 31),
        f"Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 {DETAILS}",
    ),
    InForce(
        date(2024, 1, 1),
        date(2025, 6, 30),
        f"Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 {DETAILS}",
    ),
    InForce(
        date(2025, 7, 1),
        None,
        "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định "
        "chi tiết một số điều của Luật Thi đua, khen thưởng",
    ),
)
GENERIC_DECREE = "các văn bản quy định chi tiết thi hành Luật Thi đua, khen thưởng"


def _in_force(texts: tuple[InForce, ...], day: date) -> str | None:
    return next((t.text for t in texts if t.covers(day)), None)


def basis_lines(day: date) -> tuple[str, str]:
    """``("Căn cứ <the Law>", "Căn cứ <the decree>")`` for a document signed on ``day``
    (a day before the 2003 Law took effect cites it all the same: nothing older is
    modelled)."""
    law = _in_force(LAW_TEXTS, day) or LAW_2003
    decree = _in_force(DECREE_TEXTS, day) or GENERIC_DECREE
    return f"Căn cứ {law}", f"Căn cứ {decree}"
