"""Building blocks shared by the rule builders of every regime.

A regime module calls builders (``titles.ldtt(...)``, ``forms.bk_ttg(...)``) with
its own citations; each builder returns a :class:`RuleDef` whose ``build(policy)``
makes a :class:`CompiledRule`: a fixed tuple of condition specs plus a ``check``
closure returning ``[(met, found), ...]`` aligned with them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from ..council import ALL_MEMBERS, CouncilVote, resolve_vote
from ..policy import Policy
from ..results import Citation, CondSpec

__all__ = [
    "NO_DATA",
    "QUALITATIVE",
    "CompiledRule",
    "RuleDef",
    "percent",
    "qual",
    "share_text",
    "spec",
    "span",
]

NO_DATA = "không có dữ liệu"
QUALITATIVE = "do Hội đồng Thi đua - Khen thưởng đánh giá"
QUAL_OUTCOME = (None, QUALITATIVE)


class CompiledRule:
    """One code for one subject kind, bound to a policy."""

    __slots__ = ("code", "kind", "specs", "check")

    def __init__(
        self,
        code: str,
        kind: str,
        specs: tuple[CondSpec, ...],
        check: Callable,
    ) -> None:
        self.code = code
        self.kind = kind
        self.specs = specs
        # check(history) -> list[(met, found)], one pair per spec.
        self.check = check


@dataclass(frozen=True, slots=True)
class RuleDef:
    """A rule as data: code, subject kind and how to bind it to a policy."""

    code: str
    kind: str
    build: Callable[[Policy], CompiledRule]


def spec(text: str, required: str, citation: Citation) -> CondSpec:
    return CondSpec(text, required, citation)


def qual(text: str, citation: Citation, required: str = "có") -> CondSpec:
    """A condition people judge (met is always null)."""
    return CondSpec(text, required, citation, qualitative=True)


def span(first: int, last: int) -> str:
    return str(last) if first >= last else f"{first}–{last}"


def percent(share: Fraction) -> str:
    """``Fraction(7, 10)`` → ``"70 %"``; ``Fraction(2, 3)`` → ``"66,7 %"``."""
    value = share * 100
    if value.denominator == 1:
        return f"{value.numerator} %"
    return f"{float(value):.1f} %".replace(".", ",")


def share_text(part: int, whole: int) -> str:
    """``share_text(7, 10)`` → ``"7/10 = 70 %"`` (integer arithmetic, no Fraction)."""
    if whole == 0:
        return f"{part}/0"
    hundred = part * 100
    if hundred % whole == 0:
        return f"{part}/{whole} = {hundred // whole} %"
    # Truncated, so 1399/2000 shows 69,9 % (not a rounded-up 70,0 % that fails).
    tenths = hundred * 10 // whole
    return f"{part}/{whole} = {tenths // 10},{tenths % 10} %"


def next_proposal_spec(citation: Citation) -> CondSpec:
    """NĐ 98 Art 30 cl.9 (G5), shown on every rule that counts a multi-year period."""
    return CondSpec(
        "Thời gian đề nghị lần tiếp theo tính từ thời gian lập thành tích ghi trong "
        "quyết định lần trước",
        "chỉ tính thành tích sau quyết định trước",
        citation,
    )


_NEXT_OUTCOMES: dict[tuple[int | None, str], tuple[bool, str]] = {}


def next_proposal_outcome(previous: int | None, what: str) -> tuple[bool, str]:
    # At most (years × forms) distinct values: cached instead of formatted per subject.
    outcome = _NEXT_OUTCOMES.get((previous, what))
    if outcome is None:
        if previous is None:
            outcome = (True, f"chưa có {what} trước")
        else:
            outcome = (
                True,
                f"chỉ tính từ năm {previous + 1} ({what} trước: thành tích đến năm "
                f"{previous})",
            )
        _NEXT_OUTCOMES[(previous, what)] = outcome
    return outcome


def floor_note(floor: int, first_needed: int) -> str:
    """Explain a window cut short by discipline or by a previous decision."""
    if floor > first_needed:
        return f"; chỉ được tính từ năm {floor}"
    return ""


def quota_specs(policy: Policy, code: str) -> tuple[CondSpec, ...]:
    """Quota caps are checked over a candidate list; on one case they are listed
    with met = null so the officer sees them."""
    out = []
    for quota in policy.quotas:
        if quota.code != code:
            continue
        base = BASE_NAMES.get(quota.base, quota.base)
        where = "mỗi đơn vị" if quota.per == "unit" else "danh sách đề nghị"
        out.append(
            CondSpec(
                f"Số lượng đề nghị của {where} không quá {percent(quota.max_share)} "
                f"số {base}",
                f"≤ {percent(quota.max_share)} số {base}",
                Citation(quota.citation or "Theo quy chế của cơ quan"),
                qualitative=True,
            )
        )
    return tuple(out)


QUOTA_OUTCOME = (None, "kiểm tra trên danh sách đề nghị (thidua.eligibility.quotas)")
BASE_NAMES = {
    "LDTT": "cá nhân đạt LĐTT",
    "CSTT": "cá nhân đạt CSTT",
    "CSTDCS": "cá nhân đạt CSTĐCS",
    "CSTD_BO_TINH": "cá nhân đạt CSTĐ bộ/tỉnh",
    "TTLDXS": "tập thể đạt TTLĐXS",
    "TTLDTT": "tập thể đạt TTLĐTT",
    "CO_BO_TINH": "tập thể được đề nghị Cờ thi đua bộ/tỉnh",
    "members": "thành viên (quân số) của đơn vị",
    "cluster_leaders": "tập thể dẫn đầu cụm, khối thi đua",
}


def vote_spec(policy: Policy, code: str, law: CouncilVote | None) -> CondSpec:
    """Secret-ballot threshold of the Hội đồng TĐKT for ``code``: the law's
    (``law``) unless the issuer's policy sets one (:func:`..council.resolve_vote`)."""
    vote = resolve_vote(policy, code, law)
    if vote is None:
        return CondSpec(
            "Hội đồng Thi đua - Khen thưởng xét và bỏ phiếu theo quy chế của Hội đồng",
            "theo quy chế Hội đồng",
            Citation("Quy chế Hội đồng Thi đua - Khen thưởng"),
            qualitative=True,
        )
    base = "tổng số thành viên" if vote.basis == ALL_MEMBERS else "số thành viên dự họp"
    share = percent(vote.share)
    return CondSpec(
        f"Hội đồng Thi đua - Khen thưởng bỏ phiếu kín, đồng ý từ {share} {base} "
        "trở lên",
        f"≥ {share} {base}",
        vote.citation,
        qualitative=True,
    )
