"""Reads of the registry. Every page and endpoint goes through these visibility functions.

A person, council or cluster the user may not see is reported exactly as a missing
one (Http404), so that probing ids tells nothing.
"""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from thidua.common.fts import contains_words
from thidua.common.text import fold
from thidua.organizations.access import scopes_for

from .enums import AgencyLevel
from .models import Agency, Assessment, Cluster, Council, Person

__all__ = [
    "access_agency",
    "access_cluster",
    "access_council",
    "access_person",
    "agencies_for_user",
    "agency_tree",
    "assessments_for_user",
    "clusters_for_user",
    "councils_for_user",
    "office_agencies",
    "own_office_agencies",
    "people_for_user",
    "person_condition",
    "person_list",
    "units_for_filter",
]


def person_condition(user, prefix: str = "") -> Q | None:
    """The rule of :func:`people_for_user` as a condition on a person or on a relation to
    one (``prefix="person__"``), so other registers filter by join, not by subquery.
    ``None``: everyone (system admin)."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return None
    condition = Q(**{f"{prefix}pk__in": []})
    if scopes.officer_agencies:
        condition |= Q(**{f"{prefix}unit_id__in": scopes.officer_agencies})
    if scopes.unit_head_agencies:
        condition |= Q(**{f"{prefix}unit_id__in": scopes.unit_head_agencies})
    if scopes.person_id:
        condition |= Q(**{f"{prefix}pk": scopes.person_id})
    return condition


def people_for_user(user) -> QuerySet[Person]:
    """People the user may see.

    - system admin: everyone;
    - TĐKT officer: people whose current unit is in the officer's agency subtree;
    - unit head: people of their own unit;
    - staff: their own record;
    - council members, and officers of a higher agency: nobody beyond their own
      record (they see people only through what is submitted to them).
    """
    condition = person_condition(user)
    return (
        Person.objects.all() if condition is None else Person.objects.filter(condition)
    )


def access_person(user, pk) -> Person:
    try:
        return people_for_user(user).select_related("unit").get(pk=pk)
    except (Person.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def assessments_for_user(user) -> QuerySet[Assessment]:
    """Yearly ratings of the people the user may see (as on the person page)."""
    return Assessment.objects.filter(person__in=people_for_user(user))


def person_list(
    user,
    *,
    query: str = "",
    unit: Agency | None = None,
    category: str = "",
    direct_only: bool = False,
) -> QuerySet[Person]:
    """Visible people matching ``query`` (accent- and case-free, or a CCCD), by tên."""
    people = people_for_user(user).select_related("unit")
    if unit is not None:
        people = people.filter(
            unit__in=Agency.objects.descendants(unit, include_self=True)
        )
    if category:
        people = people.filter(category=category)
    if direct_only:
        people = people.filter(is_direct_worker=True)
    people = people.filter(
        contains_words(fold(query).split(), table="organizations_person")
    )
    return people.order_by("sort_key", "id")


def agencies_for_user(user) -> QuerySet[Agency]:
    """The organisation tree is public to every signed-in user: it is the structure
    printed on every official document. What lives inside a unit is scoped."""
    if not user.is_authenticated:
        return Agency.objects.none()
    return Agency.objects.all()


def office_agencies(user) -> QuerySet[Agency]:
    """Agencies the user works on as a TĐKT office — its own subtrees as officer or as a
    higher-level officer, every agency for an admin: whose figures it reports, whose
    dashboard it opens, whose inbox of tờ trình it keeps."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return Agency.objects.all()
    return Agency.objects.filter(
        pk__in=scopes.officer_agencies | scopes.higher_officer_agencies
    )


def own_office_agencies(user) -> QuerySet[Agency]:
    """Agencies (not phòng, đơn vị) the user is the TĐKT office of — every one for an
    admin: where it may launch a movement or keep the document register. A higher
    officer's agencies are not among them: it sees them, it does not issue for them."""
    scopes = scopes_for(user)
    agencies = (
        Agency.objects.all()
        if scopes.is_admin
        else Agency.objects.filter(pk__in=scopes.officer_agencies)
    )
    return agencies.exclude(level=AgencyLevel.UNIT).order_by("name")


def access_agency(user, pk) -> Agency:
    try:
        return agencies_for_user(user).get(pk=pk)
    except (Agency.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def agency_tree(user) -> list[Agency]:
    """The visible agencies in tree order, with depth and head counts."""
    return list(
        agencies_for_user(user)
        .with_tree_fields()
        .annotate(head_count=Count("people", distinct=True))
    )


def councils_for_user(user) -> QuerySet[Council]:
    """Councils of agencies in the user's officer scope, plus councils they sit on."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return Council.objects.all()
    condition = Q(pk__in=scopes.council_ids)
    if scopes.officer_agencies:
        condition |= Q(agency_id__in=scopes.officer_agencies)
    if scopes.person_id:
        condition |= Q(
            members__person_id=scopes.person_id, members__end_date__isnull=True
        )
    return Council.objects.filter(condition).distinct()


def access_council(user, pk) -> Council:
    try:
        return councils_for_user(user).select_related("agency").get(pk=pk)
    except (Council.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def clusters_for_user(user) -> QuerySet[Cluster]:
    """Clusters the user's officer scopes organise or belong to."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return Cluster.objects.all()
    agencies = scopes.officer_agencies | scopes.higher_officer_agencies
    if not agencies:
        return Cluster.objects.none()
    return Cluster.objects.filter(
        Q(organizer_id__in=agencies) | Q(memberships__agency_id__in=agencies)
    ).distinct()


def access_cluster(user, pk) -> Cluster:
    try:
        return clusters_for_user(user).select_related("organizer").get(pk=pk)
    except (Cluster.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def dashboard_figures(user) -> dict:
    """Head counts for the dashboard, within what the user may see."""
    people = people_for_user(user)
    by_category = dict(
        people.values_list("category")
        .annotate(n=Count("id"))
        .values_list("category", "n")
    )
    totals = people.aggregate(
        total=Count("id"), direct=Count("id", filter=Q(is_direct_worker=True))
    )
    return {
        "people": totals["total"],
        "direct_workers": totals["direct"],
        "by_category": by_category,
        "councils": councils_for_user(user).count(),
        "clusters": clusters_for_user(user).count(),
    }


def units_for_filter(user) -> QuerySet[Agency]:
    """Units offered in the person-list filter: those the user sees people in."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return Agency.objects.all()
    return Agency.objects.filter(
        pk__in=scopes.officer_agencies | scopes.unit_head_agencies
    )
