"""The people and the collectives (agencies) in the site's search (common/search.py)."""

from django.utils.translation import gettext_lazy as _

from thidua.common.fts import contains_words, fts_applies
from thidua.common.search import ExactFirst, SearchIndex, register_search, whole_words

from .models import Person
from .selectors import agencies_for_user, people_for_user, person_condition

__all__ = ["search_agencies", "search_people"]


def search_people(user, query):
    """Visible people whose search text holds every word, in folded-name order, those
    whose name holds the words whole and in the order typed first."""
    matching = _people_matching(user, query)
    return ExactFirst(matching.filter(whole_words(query)), matching)


def _people_matching(user, query):
    words = list(query.words)
    matching = Person.objects.filter(
        contains_words(words, table="organizations_person")
    )
    if fts_applies(words, "organizations_person"):
        # The FTS rowids drive: the visibility rule is checked on those rows only.
        condition = person_condition(user)
        if condition is not None:
            matching = matching.filter(condition)
    else:
        # Visibility as a subquery and the folded name as the order: SQLite then walks
        # the narrow search_text index and stops at the first matches instead of
        # reading every visible row through the unit index (bench/search_100k.py).
        matching = matching.filter(pk__in=people_for_user(user).values("pk"))
    return matching.select_related("unit").order_by("search_text", "id")


def people_by_cccd(user, cccd: str):
    return people_for_user(user).select_related("unit").filter(cccd=cccd)


def search_agencies(user, query):
    return (
        agencies_for_user(user)
        .filter(contains_words(list(query.words)))
        .order_by("name", "id")
    )


register_search(
    SearchIndex(
        "people",
        _("Cá nhân"),
        order=10,
        search=search_people,
        by_cccd=people_by_cccd,
        template="organizations/search/_person.html",
    )
)
register_search(
    SearchIndex(
        "agencies",
        _("Tập thể, cơ quan, đơn vị"),
        order=20,
        search=search_agencies,
        template="organizations/search/_agency.html",
    )
)
