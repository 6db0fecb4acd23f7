"""Amounts as official documents write them: in figures with dots between thousands
("1.500.000 đồng") and in words ("Một triệu năm trăm nghìn đồng").

The words follow the usage of Vietnamese accounting and decisions on awards: "mười"
for 10–19 and "mươi" from 20, "mốt" for a one after "mươi", "tư" for a four after
"mươi", "lăm" for a five after a ten, "linh" for a missing ten between hundreds and
units, and "không trăm" where an inner group of three has no hundreds
(1.050.000 → "một triệu không trăm năm mươi nghìn"). Empty groups are skipped.
"""

import decimal

__all__ = [
    "amount_clause",
    "amount_figures",
    "amount_words",
    "decimal_figures",
    "money_figures",
    "percent_figures",
]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Groups of three digits from the lowest; past "tỷ" the names repeat
# (1.000.000.000.000 = "một nghìn tỷ").
_SCALES = ("", "nghìn", "triệu")


def amount_figures(amount: int) -> str:
    """``1500000`` → ``"1.500.000"``."""
    return f"{amount:,}".replace(",", ".")


def decimal_figures(value, places: int | None = None) -> str:
    """``Decimal("1234.50")`` → ``"1.234,5"``: dots between thousands, a comma
    before the decimals, no trailing zeros. ``places`` rounds first (half up, as
    people round): ``decimal_figures(66.666, 1)`` → ``"66,7"``."""
    number = decimal.Decimal(str(value) if isinstance(value, float) else value)
    if places is not None:
        number = number.quantize(
            decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP
        )
    if number == 0:
        number = abs(number)  # no "-0" after rounding
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    fraction = fraction.rstrip("0")
    text = amount_figures(int(whole))
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def percent_figures(value, places: int = 1) -> str:
    """``93.5`` → ``"93,5 %"``, ``100`` → ``"100 %"`` (not "100.0 %"): a Vietnamese
    decimal comma, a space before the sign, no trailing zeros."""
    return f"{decimal_figures(value, places)} %"


def money_figures(amount) -> str:
    """``1234567`` → ``"1.234.567 đ"``, as pages show an amount of đồng."""
    return f"{decimal_figures(amount, 0)} đ"


def _units_after_tens(units: int) -> str:
    return {1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGITS[units])


def _group_words(value: int, *, inner: bool) -> list[str]:
    """Words of 0–999; ``inner`` when a higher group stands before it, so that its
    missing hundreds are said ("không trăm")."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or inner:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append(_units_after_tens(units))
    return words


def _words(amount: int) -> list[str]:
    if amount >= 1_000_000_000:
        billions, rest = divmod(amount, 1_000_000_000)
        words = [*_words(billions), "tỷ"]
        if rest:
            words += _below_billion(rest, inner=True)
        return words
    return _below_billion(amount, inner=False)


def _below_billion(amount: int, *, inner: bool) -> list[str]:
    groups = []
    while amount:
        amount, group = divmod(amount, 1000)
        groups.append(group)
    words: list[str] = []
    for scale in range(len(groups) - 1, -1, -1):
        group = groups[scale]
        if not group:
            continue
        said_before = inner or bool(words)
        words += _group_words(group, inner=said_before)
        if _SCALES[scale]:
            words.append(_SCALES[scale])
    return words


def amount_words(amount: int, unit: str = "đồng") -> str:
    """``1500000`` → ``"Một triệu năm trăm nghìn đồng"`` (capitalised, as written in
    brackets after the figures)."""
    if amount < 0:
        raise ValueError("amount must not be negative")
    words = _words(amount) if amount else ["không"]
    text = " ".join([*words, unit] if unit else words)
    return text[0].upper() + text[1:]


def amount_clause(amount: int, unit: str = "đồng") -> str:
    """``"1.500.000 đồng (Một triệu năm trăm nghìn đồng)"``."""
    return f"{amount_figures(amount)} {unit} ({amount_words(amount, unit)})"
