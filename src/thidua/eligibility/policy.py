"""Policy parameters: the numbers the law leaves to issuers, and every [U] rule.

Each regime ships a default :class:`Policy` (old-regime values where the old
regime set them). A caller holding an issuing authority's own rules (a ministry
circular, a province's regulation, a council's quy chế) overrides fields with
:meth:`Policy.with_overrides`, from Python or from a JSON object with the same
field names. The fields are documented in ``docs/eligibility.md`` too.
"""

from dataclasses import dataclass, field, fields, replace
from fractions import Fraction
from typing import Any

from .catalog import CODES, DISCIPLINE_FORMS, RATING_RANK
from .errors import CaseError
from .errors import show as _show

__all__ = ["Policy", "Quota", "to_fraction"]

QUOTA_BASES = (*CODES, "members", "cluster_leaders")


def to_fraction(value: Any, path: str, *, share: bool = False) -> Fraction:
    """Exact decimal: ``0.7`` becomes 7/10, so 69 % vs 70 % never hits float error."""
    if type(value) is bool or not isinstance(value, int | float | str | Fraction):
        raise CaseError(path, f"phải là số, nhận {_show(value)}")
    try:
        number = Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise CaseError(path, f"{_show(value)} không phải số hợp lệ") from None
    if number < 0 or (share and number > 1):
        raise CaseError(path, f"{value} ngoài khoảng {'0–1' if share else '≥ 0'}")
    return number


@dataclass(frozen=True, slots=True)
class Quota:
    """A cap: candidates for ``code`` ≤ ``max_share`` × the count of ``base``.

    ``base`` is a catalog code (candidates proposed for or holding it in the
    same unit or list), ``"members"`` (the unit's headcount from the candidate
    list's ``units``) or ``"cluster_leaders"``. ``per`` is ``"unit"`` or
    ``"list"`` (the whole list of one agency).
    """

    code: str
    base: str
    max_share: Fraction
    per: str = "unit"
    citation: str = ""

    @classmethod
    def from_dict(cls, raw: Any, path: str) -> "Quota":
        if type(raw) is not dict:
            raise CaseError(path, "phải là đối tượng JSON")
        for key in raw:
            if key not in {"code", "base", "max_share", "per", "citation"}:
                raise CaseError(f"{path}.{key}", "trường không được hỗ trợ")
        for key in ("code", "base", "max_share"):
            if key not in raw:
                raise CaseError(f"{path}.{key}", "thiếu trường bắt buộc")
        if raw["code"] not in CODES:
            raise CaseError(f"{path}.code", f"{_show(raw['code'])} không hợp lệ")
        if raw["base"] not in QUOTA_BASES:
            raise CaseError(f"{path}.base", f"{_show(raw['base'])} không hợp lệ")
        per = raw.get("per", "unit")
        if per not in ("unit", "list"):
            raise CaseError(f"{path}.per", f"{_show(per)} không hợp lệ")
        return cls(
            code=raw["code"],
            base=raw["base"],
            max_share=to_fraction(raw["max_share"], f"{path}.max_share", share=True),
            per=per,
            citation=str(raw.get("citation", "")),
        )


@dataclass(frozen=True, slots=True)
class Policy:
    """Per-issuer parameters. ``None`` means "not set": the check becomes qualitative.

    Quotas and votes
      ``quotas``: caps checked over a candidate list (:mod:`.quotas`). nd91_2017:
      CSTĐCS ≤ 15 % of LĐTT per unit (NĐ 91/2017 Art 9 cl.3) and Cờ CP ≤ 20 % of
      cluster leaders (NĐ 91 Art 11). 2024+: none national.
      ``quota_rounding``: how a share becomes a head count: ``floor`` (default,
      "không quá"), ``half_up`` or ``ceil``.
      ``council_vote_shares``: the issuer's secret-ballot threshold per code
      (code → share), replacing the regime's (:mod:`.council`: NĐ 91/2017 Art 45
      cl.8, NĐ 98/2023 Art 30 cl.7, carried over for NĐ 152/2025).
      ``council_vote_share``: the issuer's threshold for every code that has none in
      ``council_vote_shares``. ``council_vote_base``: the basis of an issuer's
      threshold, ``all_members`` (default) or ``present``.

    Cash (:mod:`.cash`)
      ``cash_rounding``: ``ceil`` (default, "làm tròn lên hàng chục nghìn"),
      ``nearest`` or ``none``; ``cash_rounding_unit`` 10,000 đ.
      ``cash_multiples``: multiples the regime leaves unverified (code → number).
      ``collective_cash_factor``: collective vs individual Bằng khen/Giấy khen.
      ``household_cash_factor``: household vs individual where the regime's text
      was not read (1,5 as NĐ 152/2025).

    Unverified [U] criteria (defaults are the old regime's values)
      ``ldtt_min_service_months``, ``ldtt_max_absent_days``,
      ``ldtt_excluding_discipline``: old LĐTT exclusions (TT 02/2011), used by
      nd91_2017 only.
      ``ttldtt_min_share_ldtt`` / ``ttldtt_share_strict``: TTLĐTT share of LĐTT
      members under Luật 2022 (old: > 50 %).
      ``bk_bo_tinh_collective_htxs_years``: consecutive HTXS years for a
      collective's Bằng khen bộ/tỉnh (old sector practice: 2).
      ``bk_ttg_collective_htxs_years``: same for Bằng khen TTg (unset).
      ``bk_ttg_years_after_bk_bo_tinh``: the 5 years for Bằng khen TTg follow the
      achievement period of the Bằng khen bộ/tỉnh it rests on (old "05 năm tiếp
      theo"; one achievement backs one award).
      ``hcld3_use_nd91_criteria``: apply NĐ 91/2017 Art 24 to individuals' HCLĐ
      hạng Ba under Luật 2022 (its own criteria were not found).
      ``legacy_use_2022_criteria``: for nd91_2017, check Bằng khen bộ/tỉnh,
      Bằng khen TTg and Cờ thi đua CP with the Luật 2022 criteria (Art 74 cl.1d,
      Art 73 cl.1b, Art 25); the NĐ 91/2017 texts were not read.
      ``giay_khen_min_rating``: a rating the issuer requires for Giấy khen.
      ``co_bo_tinh_requires_ttldxs``: sector add-on (e.g. Bộ Công Thương).
      ``discipline_partial_year``: ``exclude`` (default) drops the year in which a
      discipline period ends from achievement counting; ``include`` keeps it.
      ``nd91_guards``: apply the NĐ 98 Art 4 guards (review, discipline) to
      nd91_2017 cases too (the NĐ 91/2017 wording was not checked).
    """

    quotas: tuple[Quota, ...] = ()
    quota_rounding: str = "floor"
    council_vote_share: Fraction | None = None
    council_vote_shares: tuple[tuple[str, Fraction], ...] = ()
    council_vote_base: str = "all_members"
    cash_rounding: str = "ceil"
    cash_rounding_unit: int = 10_000
    cash_multiples: tuple[tuple[str, Fraction], ...] = ()
    collective_cash_factor: Fraction = Fraction(2)
    household_cash_factor: Fraction = Fraction(3, 2)
    ldtt_min_service_months: int | None = None
    ldtt_max_absent_days: int | None = None
    ldtt_excluding_discipline: str | None = None
    ttldtt_min_share_ldtt: Fraction = Fraction(1, 2)
    ttldtt_share_strict: bool = True
    bk_bo_tinh_collective_htxs_years: int | None = 2
    bk_ttg_collective_htxs_years: int | None = None
    bk_ttg_years_after_bk_bo_tinh: bool = True
    hcld3_use_nd91_criteria: bool = False
    legacy_use_2022_criteria: bool = True
    giay_khen_min_rating: str | None = None
    co_bo_tinh_requires_ttldxs: bool = False
    discipline_partial_year: str = "exclude"
    nd91_guards: bool = True
    # Changes reported of Luật 06/2026/QH16 whose text was not read: off until an admin
    # turns them on (docs/legal/texts-read.md §5, docs/eligibility.md §8).
    law2026_cstdcs_htxs_and_initiative: bool = False
    law2026_bk_bo_tinh_two_cstdcs_only: bool = False
    # Free text naming the issuer whose rules these are (shown by ``explain``).
    issuer: str = field(default="", compare=True)

    def multiple_override(self, code: str) -> Fraction | None:
        for key, value in self.cash_multiples:
            if key == code:
                return value
        return None

    def with_overrides(self, overrides: dict[str, Any] | None) -> "Policy":
        """A copy with ``overrides`` applied; raises :class:`CaseError` on bad input."""
        if not overrides:
            return self
        if type(overrides) is not dict:
            raise CaseError("policy", "phải là đối tượng JSON")
        known = {f.name for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            if key not in known:
                raise CaseError(f"policy.{key}", "trường không được hỗ trợ")
            changes[key] = _coerce(key, value, f"policy.{key}")
        return replace(self, **changes)


_CHOICES = {
    "quota_rounding": ("floor", "half_up", "ceil"),
    "council_vote_base": ("all_members", "present"),
    "cash_rounding": ("ceil", "nearest", "none"),
    "discipline_partial_year": ("exclude", "include"),
}
_BOOLS = {
    "ttldtt_share_strict",
    "bk_ttg_years_after_bk_bo_tinh",
    "hcld3_use_nd91_criteria",
    "legacy_use_2022_criteria",
    "co_bo_tinh_requires_ttldxs",
    "nd91_guards",
    "law2026_cstdcs_htxs_and_initiative",
    "law2026_bk_bo_tinh_two_cstdcs_only",
}
_OPTIONAL_INTS = {
    "ldtt_min_service_months",
    "ldtt_max_absent_days",
    "bk_bo_tinh_collective_htxs_years",
    "bk_ttg_collective_htxs_years",
}


def _coerce(key: str, value: Any, path: str) -> Any:
    if key in _CHOICES:
        if type(value) is not str or value not in _CHOICES[key]:
            raise CaseError(path, f"{_show(value)} không hợp lệ")
        return value
    if key in _BOOLS:
        if type(value) is not bool:
            raise CaseError(path, "phải là true hoặc false")
        return value
    if key in _OPTIONAL_INTS or key == "cash_rounding_unit":
        if value is None and key != "cash_rounding_unit":
            return None
        if type(value) is not int or value < (1 if key == "cash_rounding_unit" else 0):
            raise CaseError(path, "phải là số nguyên dương")
        return value
    if key in ("council_vote_share", "ttldtt_min_share_ldtt"):
        if value is None and key == "council_vote_share":
            return None
        return to_fraction(value, path, share=True)
    if key in ("collective_cash_factor", "household_cash_factor"):
        return to_fraction(value, path)
    if key == "ldtt_excluding_discipline":
        if value is not None and (
            type(value) is not str or value not in DISCIPLINE_FORMS
        ):
            raise CaseError(path, f"{_show(value)} không hợp lệ")
        return value
    if key == "giay_khen_min_rating":
        if value is not None and (type(value) is not str or value not in RATING_RANK):
            raise CaseError(path, f"{_show(value)} không hợp lệ")
        return value
    if key in ("cash_multiples", "council_vote_shares"):
        if type(value) is not dict:
            raise CaseError(path, "phải là đối tượng JSON {mã: hệ số}")
        items = []
        share = key == "council_vote_shares"
        for code, number in value.items():
            if code not in CODES:
                raise CaseError(f"{path}.{code}", "mã không hợp lệ")
            items.append((code, to_fraction(number, f"{path}.{code}", share=share)))
        return tuple(items)
    if key == "quotas":
        if type(value) is not list:
            raise CaseError(path, "phải là danh sách")
        return tuple(Quota.from_dict(q, f"{path}[{i}]") for i, q in enumerate(value))
    if key == "issuer":
        if type(value) is not str:
            raise CaseError(path, "phải là chuỗi")
        return value
    raise CaseError(path, "trường không được hỗ trợ")  # pragma: no cover
