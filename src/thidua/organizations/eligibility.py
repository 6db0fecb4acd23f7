"""The one adapter from the registry to the eligibility engine: builds exactly the case
format of docs/eligibility.md §2 for a person or a unit and a review year.

Titles and awards already received come from the award register (decisions app). A
unit's LĐTT and CSTĐCS counts for a year come from its members' register entries; for
years the register does not cover they are estimated from ratings and initiatives,
and the page says so.
"""

import datetime
from dataclasses import dataclass
from functools import reduce

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from thidua.eligibility import CaseError, check_case
from thidua.eligibility.catalog import CODES, TITLE_CODES
from thidua.eligibility.forecast import forecast
from thidua.eligibility.regimes import regime_label

from .enums import VerdictStatus
from .models import Agency, ClusterLeadership, Membership, Person

__all__ = [
    "CaseError",
    "Verdict",
    "applied_regime",
    "case_with_supplied",
    "collective_case",
    "person_case",
    "person_forecast",
    "policies_for",
    "policy_for",
    "verdict_for_agency",
    "verdict_for_person",
    "verdicts_for",
]

_INITIATIVE_KIND = {"sang_kien": "sang_kien", "de_tai": "de_tai_khcn"}
_SERIOUS = {"canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc", "buoc_thoi_viec"}
_GOOD = {"HTXS", "HTT"}
_DONE = {"HTXS", "HTT", "HT"}


def law_settings() -> dict:
    """The reported changes of the 2026 amendment an admin turned on
    (THIDUA_LAW2026_CHANGES), as engine policy: they are the law, not an agency's
    choice, so they come after every agency's own settings."""
    return {f"law2026_{name}": True for name in settings.THIDUA_LAW2026_CHANGES}


def policy_for(agency: Agency | None) -> dict:
    """The issuing authority's policy: overrides merged from the root down to ``agency``."""
    if agency is None:
        return law_settings()
    chain = agency.ancestors(include_self=True)
    merged = reduce(
        lambda merged, a: {**merged, **(a.eligibility_policy or {})}, chain, {}
    )
    return {**merged, **law_settings()}


def _discipline(records) -> list[dict]:
    return [
        {
            "form": r.form,
            "from": r.start_date.isoformat(),
            # The engine counts achievements from the day the period is over.
            "to": (r.end_date + datetime.timedelta(days=1)).isoformat(),
        }
        for r in records
    ]


def _under_review(matters) -> bool:
    today = timezone.localdate()
    return any(m.end_date is None or m.end_date >= today for m in matters)


def _register(awards, review_year: int, years: dict) -> list[dict]:
    """Titles go into their year's record; forms of commendation into ``awards``."""
    forms = []
    # Catalog order, so the case does not depend on the database's row order.
    awards = sorted(awards, key=lambda a: (a.year, CODES.index(a.code), a.pk))
    for award in awards:
        if award.revoked or award.year > review_year:
            continue
        if award.code in TITLE_CODES:
            years.setdefault(str(award.year), {"titles": []}).setdefault("titles", [])
            years[str(award.year)]["titles"].append(award.code)
        else:
            forms.append(
                {
                    "code": award.code,
                    "type": award.award_type,
                    "year": award.year,
                    "decision_date": award.decision_date.isoformat(),
                }
            )
    return forms


def person_case(person: Person, review_year: int) -> dict:
    years = {
        str(a.year): {"rating": a.rating, "titles": []}
        for a in person.assessments.all()
        if a.year <= review_year
    }
    awards = _register(person.awards.all(), review_year, years)
    subject = {
        "kind": "individual",
        "id": str(person.pk),
        "name": person.full_name,
        "years": years,
        "initiatives": [
            {
                "year": i.year,
                "scope": i.scope,
                "kind": _INITIATIVE_KIND.get(i.kind, "sang_kien"),
            }
            for i in person.initiatives.all()
            if i.year <= review_year
        ],
        "awards": awards,
        "discipline": _discipline(person.discipline_records.all()),
        "under_review": _under_review(person.review_matters.all()),
    }
    if person.recruited_on:
        subject["recruited_on"] = person.recruited_on.isoformat()
    return {"review_year": review_year, "subject": subject}


def _members(agency: Agency, year: int) -> list[Person]:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    ids = Membership.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=start),
        unit=agency,
        start_date__lte=end,
    ).values_list("person_id", flat=True)
    return list(
        Person.objects.filter(pk__in=ids).prefetch_related(
            "assessments", "initiatives", "discipline_records", "awards"
        )
    )


def _counts(members: list[Person], year: int) -> dict:
    """Members' completion, LĐTT and CSTĐCS counts for a year: from the award register
    when it has that year's titles, else estimated from ratings and initiatives."""
    ratings = {
        p.pk: {a.year: a.rating for a in p.assessments.all()}.get(year) for p in members
    }
    titles = {
        p.pk: {a.code for a in p.awards.all() if a.year == year and not a.revoked}
        for p in members
    }
    from_register = any(titles.values())
    initiative_years = {p.pk: {i.year for i in p.initiatives.all()} for p in members}
    if from_register:
        ldtt = sum(1 for p in members if titles[p.pk] & {"LDTT", "CSTT", "CSTDCS"})
        cstdcs = sum(1 for p in members if "CSTDCS" in titles[p.pk])
    else:
        ldtt = sum(1 for p in members if ratings[p.pk] in _GOOD)
        cstdcs = sum(
            1
            for p in members
            if ratings[p.pk] == "HTXS"
            or (ratings[p.pk] in _GOOD and year in initiative_years[p.pk])
        )
    return {
        "members": len(members),
        "members_completed": sum(1 for p in members if ratings[p.pk] in _DONE),
        "members_ldtt": ldtt,
        "members_cstdcs": cstdcs,
        "members_disciplined": sum(
            1
            for p in members
            if any(
                d.form in _SERIOUS and d.start_date.year <= year <= d.end_date.year
                for d in p.discipline_records.all()
            )
        ),
    }


def collective_case(agency: Agency, review_year: int) -> dict:
    leaders = {
        row.year: row.cluster.organizer.level
        for row in ClusterLeadership.objects.filter(leader=agency).select_related(
            "cluster__organizer"
        )
    }
    years = {}
    for assessment in agency.assessments.filter(year__lte=review_year):
        year = assessment.year
        record = {
            "rating": assessment.rating,
            "titles": [],
            **_counts(_members(agency, year), year),
        }
        if year in leaders:
            record["leads_cluster"] = (
                "trung_uong" if leaders[year] == "trung_uong" else "bo_tinh"
            )
        years[str(year)] = record
    awards = _register(agency.awards.all(), review_year, years)
    subject = {
        "kind": "collective",
        "id": str(agency.pk),
        "name": agency.name,
        "years": years,
        "awards": awards,
    }
    return {"review_year": review_year, "subject": subject}


def verdict_for_person(person: Person, review_year: int) -> dict:
    return check_case(person_case(person, review_year), policy_for(person.unit))


def verdict_for_agency(agency: Agency, review_year: int) -> dict:
    return check_case(collective_case(agency, review_year), policy_for(agency))


def person_forecast(person: Person, review_year: int) -> list[str]:
    """Sentences for the year after ``review_year`` ("Năm 2026 đủ điều kiện ...")."""
    items = forecast(person_case(person, review_year), policy_for(person.unit))
    return [item.sentence for item in items]


@dataclass(frozen=True)
class Verdict:
    """The eligibility engine's verdict on the awardee for the item's code today, and
    the regime it was judged under (for a dossier received before a newer regime that
    applies where more favourable: the one whose verdict was kept), by name and in
    words."""

    status: VerdictStatus
    missing: tuple[str, ...]
    regime: str = ""
    regime_label: str = ""


def applied_regime(output: dict) -> str:
    """The regime whose verdict on the case's (first) code ``check_case``'s output
    keeps: the newer one where the transition took its more favourable verdict."""
    transition = output.get("transition")
    if transition and transition["verdicts"]:
        return transition["verdicts"][0]["applied"]
    return output["regime"]


def policies_for(unit_ids) -> dict[int, dict]:
    """``organizations.eligibility.policy_for`` of many units in two queries: their
    paths from the root, then the policies along them, merged root first."""
    paths = {
        a.pk: a.tree_path
        for a in Agency.objects.with_tree_fields().filter(pk__in=unit_ids)
    }
    on_path = {pk for path in paths.values() for pk in path}
    own = dict(
        Agency.objects.filter(pk__in=on_path).values_list("pk", "eligibility_policy")
    )
    law = law_settings()
    return {
        pk: {**reduce(lambda merged, a: {**merged, **(own[a] or {})}, path, {}), **law}
        for pk, path in paths.items()
    }


def case_with_supplied(case: dict, supplied: dict | None) -> dict:
    """``case`` with what a dossier's confirmed evidence adds (nominations/selectors/
    evidence.py builds ``supplied``): its initiatives (individuals), and its yearly
    ratings, which replace the register's for those years (the office confirmed them
    for this dossier). A copy: the register's case is not changed."""
    if not supplied:
        return case
    subject = {**case["subject"]}
    years = {year: {**record} for year, record in subject["years"].items()}
    for year, rating in supplied.get("ratings", {}).items():
        years.setdefault(str(year), {"titles": []})["rating"] = rating
    subject["years"] = years
    if "initiatives" in subject:
        subject["initiatives"] = [
            *subject["initiatives"],
            *supplied.get("initiatives", []),
        ]
    return {**case, "subject": subject}


def verdicts_for(nominations, received=None, supplied=None) -> dict[int, Verdict]:
    """The engine's verdict on each nominee (anything with ``pk``, ``person_id``,
    ``agency``, ``code`` and ``year``: a nomination) for the nominated code, by ``pk``;
    ``received`` (pk → date the dossier was received) picks the law in force that day;
    ``supplied`` (pk → confirmed evidence, ``case_with_supplied``) adds to the case.
    People: their records prefetched, a constant number of queries; a collective's case
    still reads its members year by year (``collective_case``)."""
    people = {
        p.pk: p
        for p in Person.objects.filter(
            pk__in=[n.person_id for n in nominations if n.person_id]
        ).prefetch_related(
            "assessments",
            "awards",
            "initiatives",
            "discipline_records",
            "review_matters",
        )
    }
    units = {
        n.pk: people[n.person_id].unit_id if n.person_id else n.agency_id
        for n in nominations
    }
    policies = policies_for(set(units.values()))
    verdicts = {}
    for nomination in nominations:
        if nomination.person_id:
            case = person_case(people[nomination.person_id], nomination.year)
        else:
            case = collective_case(nomination.agency, nomination.year)
        case = {**case_with_supplied(case, (supplied or {}).get(nomination.pk))}
        case["codes"] = [nomination.code]
        if received and nomination.pk in received:
            case["received_on"] = received[nomination.pk].isoformat()
        # A person without a unit today is judged by the law's settings alone.
        policy = policies.get(units[nomination.pk]) or law_settings()
        output = check_case(case, policy)
        result = output["results"][0]
        regime = applied_regime(output)
        verdicts[nomination.pk] = Verdict(
            status=VerdictStatus(result["status"]),
            missing=tuple(c["text"] for c in result["conditions"] if c["met"] is False),
            regime=regime,
            regime_label=regime_label(regime),
        )
    return verdicts
