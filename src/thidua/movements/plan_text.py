"""The sentences a launch plan says about its time, audience, awards and money,
from the movement's data (models.plan). One source for the fixed launch document
(document.py) and for the plan written in the editor (drafting.py), so both say
the same thing; a clause whose count or amount is empty is left out."""

from thidua.common.money import amount_clause

from .models import AwardUnit, Movement, MovementAward, MovementFunding, MovementRound

__all__ = [
    "award_groups",
    "day_text",
    "award_line",
    "funding_lines",
    "registration_line",
    "round_line",
    "time_intro",
    "time_lines",
]


def day_text(day) -> str:
    """``05/09/2026``: how the plan's sentences and its refusals write a day."""
    return f"{day:%d/%m/%Y}"


def _span(starts_on, ends_on, ends_with: str = "") -> str:
    """ "từ ngày 05/9/2025 đến ngày 20/11/2025", "từ ngày … đến Lễ tổng kết"."""
    parts = []
    if starts_on:
        parts.append(f"từ ngày {day_text(starts_on)}")
    if ends_on:
        parts.append(f"đến ngày {day_text(ends_on)}")
    elif ends_with.strip():
        parts.append(f"đến {ends_with.strip()}")
    return " ".join(parts)


def _weeks(weeks_from, weeks_to) -> str:
    if weeks_from and weeks_to:
        if weeks_from == weeks_to:
            return f"tuần {weeks_from}"
        return f"từ tuần {weeks_from} đến tuần {weeks_to}"
    if weeks_from:
        return f"từ tuần {weeks_from}"
    if weeks_to:
        return f"đến tuần {weeks_to}"
    return ""


def round_line(item: MovementRound) -> str:
    """ "Đợt 1: từ ngày 05/9/2025 đến ngày 20/11/2025 (từ tuần 1 đến tuần 11)."."""
    weeks = _weeks(item.weeks_from, item.weeks_to)
    event = item.ends_with.strip()
    if item.starts_on or item.ends_on:
        span = _span(item.starts_on, item.ends_on, event)
        when = f"{span} ({weeks})" if weeks else span
    elif event and not item.weeks_to:
        # School weeks up to an event: "từ tuần 19 đến Lễ tổng kết năm học".
        when = " ".join(p for p in (weeks, f"đến {event}") if p)
    else:
        when = f"{weeks} ({event})" if weeks and event else weeks or f"đến {event}"
    text = f"{item.name.strip()}: {when}" if when else item.name.strip()
    if item.note.strip():
        text += f"; {item.note.strip().rstrip('.')}"
    return text + "."


def time_intro(movement: Movement, rounds: int) -> str:
    """ "Thời gian thực hiện: từ ngày … đến ngày …, chia thành 02 đợt:"."""
    span = _span(movement.starts_on, movement.ends_on, movement.ends_with)
    if span:
        tail = f", chia thành {rounds:02d} đợt:" if rounds > 1 else "."
        return f"Thời gian thực hiện: {span}{tail}"
    if rounds > 1:
        return f"Phong trào được tổ chức thành {rounds:02d} đợt:"
    return ""


def registration_line(movement: Movement) -> str:
    if not movement.registration_deadline:
        return ""
    return f"Các đơn vị đăng ký thi đua trước ngày {day_text(movement.registration_deadline)}."


def time_lines(movement: Movement, rounds) -> list[str]:
    """The time of the movement, one line per round, the registration deadline."""
    rounds = list(rounds)
    lines = [time_intro(movement, len(rounds))]
    lines += [round_line(r) for r in rounds]
    lines.append(registration_line(movement))
    return [line for line in lines if line]


def _unit(award: MovementAward) -> str:
    return AwardUnit(award.unit).label if award.unit else str(AwardUnit.SHARE.label)


def award_line(award: MovementAward, *, with_form: bool = True) -> str:
    """ "Giấy khen của Hiệu trưởng – Giải Nhất: 01 giải, mỗi giải được thưởng
    500.000 đồng (Năm trăm nghìn đồng) và 01 bộ sách."."""
    head = award.form.strip() if with_form else ""
    if award.tier.strip():
        head = f"{head} – {award.tier.strip()}" if head else award.tier.strip()
    unit = _unit(award)
    parts = []
    if award.quota:
        parts.append(f"{award.quota:02d} {unit}")
    money = amount_clause(award.cash) if award.cash else ""
    gift = award.gift.strip()
    if money and gift:
        parts.append(f"mỗi {unit} được thưởng {money} và {gift}")
    elif money:
        parts.append(f"mỗi {unit} được thưởng {money}")
    elif gift:
        parts.append(f"mỗi {unit} được tặng {gift}")
    return (f"{head}: {', '.join(parts)}" if parts else head) + "."


def award_groups(awards) -> list[tuple[str, list[MovementAward]]]:
    """Awards grouped by form, in order of first appearance: a form with tiers
    (Giải Nhất, Nhì, Ba) is one item with the tiers under it."""
    groups: dict[str, list[MovementAward]] = {}
    for award in awards:
        groups.setdefault(award.form.strip(), []).append(award)
    return list(groups.items())


def funding_lines(sources) -> list[str]:
    """One line per source, then the total when several amounts are known."""
    sources: list[MovementFunding] = list(sources)
    lines = []
    for item in sources:
        text = item.source.strip()
        if item.amount:
            text += f": {amount_clause(item.amount)}"
        if item.note.strip():
            text += f" ({item.note.strip().rstrip('.')})"
        lines.append(text + ".")
    known = [s.amount for s in sources if s.amount]
    if len(known) > 1:
        lines.append(f"Tổng kinh phí: {amount_clause(sum(known))}.")
    return lines
