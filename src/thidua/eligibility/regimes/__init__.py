"""The registry of regimes, one module each, and how a case picks one.

Adding a regime: write ``regimes/<name>.py`` exposing ``REGIME`` (with its own
``first_review_year``/``last_review_year`` and legal dates), then list the
module below. No other regime module changes.
"""

from datetime import date
from typing import Any

from ..council import CouncilVote, resolve_vote
from ..errors import CaseError
from ..policy import Policy
from ..regime import Regime
from . import luat2026, nd91_2017, nd98_2023, nd152_2025

__all__ = [
    "REGIMES",
    "council_threshold",
    "get_regime",
    "choose_regime",
    "regime_in_force_on",
    "regime_label",
    "select_regime",
]

REGIMES: dict[str, Regime] = {
    module.REGIME.name: module.REGIME
    for module in (nd91_2017, nd98_2023, nd152_2025, luat2026)
}


def select_regime(review_year: int) -> str:
    """The regime for a review year: ≤ 2023 nd91_2017, 2024 nd98_2023, ≥ 2025 nd152_2025."""
    for name, regime in REGIMES.items():
        if regime.covers_year(review_year):
            return name
    raise CaseError("review_year", f"{review_year}: không có chế độ áp dụng")


def choose_regime(review_year: int, received_on: date | None = None) -> str:
    """The regime a case is judged under. With the day the dossier was received, the
    law in force that day (a 2023 achievement received in 2024 is judged under Luật
    2022 — Art 95 keeps the old law only for dossiers received before 01/01/2024; NĐ
    152/2025 likewise keeps NĐ 98/2023 for those received before 01/07/2025); without
    it, the regime of the review year."""
    if received_on is None:
        return select_regime(review_year)
    return regime_in_force_on(received_on)


def regime_reason(review_year: int, received_on: date | None, chosen: bool) -> str:
    """Why the case is judged under its regime, in words for the page or the API."""
    if chosen:
        return "chế độ được chỉ định trong hồ sơ xét"
    if received_on is None:
        return f"theo năm có thành tích ({review_year})"
    return (
        f"theo ngày tiếp nhận hồ sơ ({received_on.strftime('%d/%m/%Y')}): áp dụng "
        "văn bản có hiệu lực vào ngày đó"
    )


def regime_in_force_on(day: date) -> str:
    """The regime whose decree was in force on ``day`` (used for cash awards)."""
    for name, regime in REGIMES.items():
        if regime.in_force_on(day):
            return name
    raise CaseError("decision_date", f"{day.isoformat()}: không có chế độ áp dụng")


def regime_label(name: str) -> str:
    """The regime in words ("Luật Thi đua, khen thưởng 2022, Nghị định 152/2025/NĐ-CP");
    an unknown name is returned as it is."""
    regime = REGIMES.get(name)
    return regime.label if regime else name


def get_regime(name: str) -> Regime:
    try:
        return REGIMES[name]
    except KeyError:
        raise CaseError("regime", f'"{name}" không hợp lệ') from None


def council_threshold(
    regime: str, code: str, policy: dict[str, Any] | Policy | None = None
) -> CouncilVote | None:
    """The Hội đồng TĐKT's secret-ballot threshold for ``code`` under ``regime``.

    The regime's legal threshold (share of all members, at least, with its source:
    NĐ 91/2017 Art 45 cl.8, NĐ 98/2023 Art 30 cl.7, carried over for NĐ 152/2025),
    unless ``policy`` (overrides of the regime's default policy, or a complete
    :class:`Policy`) sets the issuer's own; ``None`` when neither sets one: the
    council's quy chế decides. Raises :class:`CaseError` for an unknown regime."""
    r = get_regime(regime)
    if not isinstance(policy, Policy):
        policy = r.default_policy.with_overrides(policy)
    return resolve_vote(policy, code, r.council_votes.get(code))
