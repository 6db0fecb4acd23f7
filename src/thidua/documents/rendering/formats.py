"""Numbers, letters and dates as NĐ 30/2020 Phụ lục I writes them."""

import datetime

__all__ = [
    "LETTERS",
    "date_line",
    "format_number",
    "roman",
    "subject_count",
    "vietnamese_letter",
]

# Điểm letters in Vietnamese alphabet order (đ after d; no ă, â, ê, ô, ơ, ư).
LETTERS = [
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
]


def roman(number: int) -> str:
    """``4`` → ``"IV"`` (section headings, several appendices)."""
    numerals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for value, numeral in numerals:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def vietnamese_letter(index: int) -> str:
    """0 → ``a``, 4 → ``đ``: the letters of điểm (Phụ lục I, II.6)."""
    return LETTERS[index % len(LETTERS)] * (index // len(LETTERS) + 1)


def format_number(number: int) -> str:
    """Numbers below 10 get a leading zero: ``5`` → ``"05"`` (Phụ lục I, II.3)."""
    return f"{number:02d}"


def date_line(
    place: str,
    date: datetime.date | None,
    *,
    month_of: tuple[int, int] | None = None,
) -> str:
    """``"Lạng Sơn, ngày 05 tháng 3 năm 2020"``: days below 10 and months 1–2 take a
    leading zero (Phụ lục I, II.4). Without a date (a draft) the numbers are left blank
    for the văn thư to fill in; ``month_of`` (year, month) fills month and year and
    leaves the day blank, as a paper signed by hand is dated."""
    blank = "\u00a0" * 6
    if date is None and month_of is None:
        return f"{place}, ngày{blank}tháng{blank}năm{blank}"
    year, month = (date.year, date.month) if date is not None else month_of
    month_text = f"{month:02d}" if month <= 2 else str(month)
    day = f" {date.day:02d} " if date is not None else blank
    return f"{place}, ngày{day}tháng {month_text} năm {year}"


def subject_count(people: int, collectives: int) -> str:
    """ "03 cá nhân và 02 tập thể" as decisions and tờ trình count their subjects; a
    part that is zero is left out ("05 tập thể", not "00 cá nhân và 05 tập thể")."""
    parts = []
    if people:
        parts.append(f"{people:02d} cá nhân")
    if collectives:
        parts.append(f"{collectives:02d} tập thể")
    return " và ".join(parts)
