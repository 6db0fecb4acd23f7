"""The law as the eligibility engine applies it, for the system administrators' page
"Chế độ pháp lý" (issue #16, point 7): the regimes with their texts, dates, review
years and transition; the law-level settings (THIDUA_LAW2026_CHANGES, the council's
pass rules, the titles decided without the council); each agency's own choices that
differ from the law's defaults; the base salary table; the bases that carry a note for
administrators. Everything in words: no regime or field is named by its code alone."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from thidua.councils.services.pass_rules import SOURCE_DEFAULT, default_rule
from thidua.eligibility import REGIMES, CaseError
from thidua.eligibility.cash import BASE_SALARY
from thidua.eligibility.catalog import NAMES
from thidua.eligibility.regime import Regime
from thidua.eligibility.regimes import regime_in_force_on
from thidua.organizations.eligibility import law_settings, policies_for
from thidua.organizations.models import Agency

from .law_words import LAW2026_CHANGES, POLICY_FIELDS, money, policy_value

__all__ = [
    "AgencyChoices",
    "RegimeRow",
    "agency_choices",
    "base_salaries",
    "law_changes",
    "regime_rows",
]


def _day(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _years(regime: Regime) -> str:
    first, last = regime.first_review_year, regime.last_review_year
    if first is None:
        return f"đến năm {last}"
    if last is None:
        return f"từ năm {first}"
    if first == last:
        return f"năm {first}"
    return f"từ năm {first} đến năm {last}"


def _in_force(regime: Regime) -> str:
    start, end = _day(regime.valid_from), _day(regime.valid_to)
    if not start:
        return f"đến hết ngày {end}"
    if not end:
        return f"từ ngày {start}"
    return f"từ ngày {start} đến hết ngày {end}"


@dataclass
class RegimeRow:
    """One regime as the page shows it."""

    label: str
    basis: tuple[str, ...]
    in_force: str
    years: str
    current: bool
    transition: str
    carried: str
    # (title, the council's pass rule with its source), where the law sets one.
    thresholds: list[tuple[str, str]] = field(default_factory=list)
    # (the base as users read it, the titles it is cited for) carrying an admin note.
    noted: list[tuple[str, str]] = field(default_factory=list)


def _transition(regime: Regime) -> str:
    older = REGIMES.get(regime.favourable_over or "")
    if older is None:
        return ""
    return (
        f"Hồ sơ tiếp nhận trước ngày {_day(regime.valid_from)} được xét theo cả "
        f"{older.label} và chế độ này; áp dụng kết quả có lợi hơn cho người được đề "
        "nghị, từng danh hiệu, hình thức."
    )


def _thresholds(name: str) -> list[tuple[str, str]]:
    rows = []
    for code, title in NAMES.items():
        try:
            rule = default_rule(code, name)
        except ImproperlyConfigured as exc:  # a pass rule setting that cannot be read
            rows.append((title, f"Cấu hình không hợp lệ: {exc}"))
            continue
        if rule.source != SOURCE_DEFAULT:
            rows.append((title, rule.label))
    return rows


def _noted(regime: Regime) -> list[tuple[str, str]]:
    """The bases of the regime's rules whose citation carries a note for admins
    (what was not read, which setting decides), with the titles citing each."""
    by_text: dict[str, dict[str, None]] = {}
    compiled = regime.compile()
    for rules in compiled.rules.values():
        for code, rule in rules.items():
            for spec in rule.specs:
                if spec.citation.note:
                    by_text.setdefault(spec.citation.text, {})[NAMES[code]] = None
    return [(text, ", ".join(titles)) for text, titles in sorted(by_text.items())]


def regime_rows(today: datetime.date | None = None) -> list[RegimeRow]:
    """Every regime of the engine, oldest first, the one in force ``today`` marked."""
    today = today or timezone.localdate()
    rows = []
    for name, regime in REGIMES.items():
        carried = REGIMES.get(regime.carried_from or "")
        rows.append(
            RegimeRow(
                label=regime.label,
                basis=regime.basis,
                in_force=_in_force(regime),
                years=_years(regime),
                current=regime.in_force_on(today),
                transition=_transition(regime),
                carried=carried.label if carried else "",
                thresholds=_thresholds(name),
                noted=_noted(regime),
            )
        )
    return rows


def law_changes() -> list[tuple[str, str, bool]]:
    """Each reported change of the 2026 amendment: (its name in the setting, what it
    changes, whether it is on)."""
    on = set(settings.THIDUA_LAW2026_CHANGES)
    return [
        (name, LAW2026_CHANGES.get(name, name), name in on)
        for name in settings.LAW2026_CHANGE_NAMES
    ]


@dataclass
class AgencyChoices:
    """An agency's own settings (merged with those of the agencies above it), where
    they differ from the law's defaults: (what it decides, its value, the default)."""

    agency: Agency
    rows: list[tuple[str, str, str]]
    error: str = ""


def agency_choices(today: datetime.date | None = None) -> list[AgencyChoices]:
    """Every agency that sets its own eligibility settings, by name, with the
    settings in force for it (its own over those of the agencies above, as
    ``organizations.eligibility.policy_for``) that differ from the defaults of the
    regime in force ``today``. Settings that cannot be read are named, not applied."""
    today = today or timezone.localdate()
    agencies = [
        a
        for a in Agency.objects.order_by("name", "pk").only(
            "pk", "name", "eligibility_policy"
        )
        if a.eligibility_policy
    ]
    merged = policies_for([a.pk for a in agencies])
    law = law_settings()
    default = REGIMES[regime_in_force_on(today)].default_policy
    out = []
    for agency in agencies:
        own = {k: v for k, v in merged[agency.pk].items() if k not in law}
        try:
            effective = default.with_overrides(own)
        except CaseError as exc:
            out.append(AgencyChoices(agency, [], error=str(exc)))
            continue
        rows = [
            (
                POLICY_FIELDS.get(key, key),
                policy_value(key, getattr(effective, key)),
                policy_value(key, getattr(default, key)),
            )
            for key in own
            if getattr(effective, key) != getattr(default, key)
        ]
        out.append(AgencyChoices(agency, rows))
    return out


def base_salaries(
    today: datetime.date | None = None,
) -> list[tuple[str, str, str, bool]]:
    """Mức lương cơ sở by date: (from, amount, decree, in force ``today``)."""
    today = today or timezone.localdate()
    current = None
    for row in BASE_SALARY:  # oldest first
        if row.since <= today:
            current = row
    return [
        (_day(b.since), money(b.amount), b.source, b is current) for b in BASE_SALARY
    ]
