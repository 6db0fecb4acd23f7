"""The round's list against the issuing authority's quotas (e.g. CSTĐCS ≤ 15 % of the
unit's LĐTT under NĐ 91/2017 Art 9 cl.3): the engine's check over the live list."""

from dataclasses import dataclass, field

from thidua.eligibility import Engine
from thidua.eligibility.quotas import check_quotas
from thidua.organizations.eligibility import policy_for

from .enums import NominationState
from .models import Nomination, NominationRound

__all__ = ["QuotaReport", "round_quotas"]

# Proposals still on the list: neither withdrawn, refused nor sent back to the unit.
COUNTED = frozenset(NominationState.values) - {
    NominationState.CANCELLED,
    NominationState.NOT_AWARDED,
    NominationState.RETURNED,
}


@dataclass
class QuotaReport:
    regime: str
    configured: bool  # the policy in force caps something at all
    checks: list[dict] = field(default_factory=list)
    # nomination id → why it is past the cap
    exceeding: dict[int, str] = field(default_factory=dict)


def round_quotas(round_: NominationRound, nominations: list[Nomination]) -> QuotaReport:
    """Group the round's proposals by subject (one candidate may be proposed for LĐTT
    and CSTĐCS), by the subject's unit, in list order, and let the engine count."""
    live = [n for n in nominations if n.state in COUNTED]
    candidates: dict[str, dict] = {}
    owners: dict[tuple[str, str], int] = {}
    for n in live:
        key = f"p{n.person_id}" if n.person_id else f"t{n.agency_id}"
        unit = n.person.unit if n.person_id else n.agency.parent or n.agency
        entry = candidates.setdefault(
            key, {"id": key, "unit": unit.display_name if unit else "", "proposed": []}
        )
        if n.code not in entry["proposed"]:
            entry["proposed"].append(n.code)
        owners[(key, n.code)] = n.pk
    policy = policy_for(round_.agency)
    output = check_quotas(
        {"review_year": round_.year, "candidates": list(candidates.values())}, policy
    )
    quotas = Engine(policy).policy(output["regime"]).quotas
    report = QuotaReport(regime=output["regime"], configured=bool(quotas))
    report.checks = output["checks"]
    for row in output["candidates"]:
        if row["status"] == "exceeds_quota":
            report.exceeding[owners[(row["id"], row["code"])]] = row["reasons"][0]
    return report
