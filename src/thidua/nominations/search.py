"""The nominations in the site's search (common/search.py): by their person or
collective, or by the person's CCCD."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.fts import MIN_TRIGRAM, contains_words, fts_applies, matching_ids
from thidua.common.search import SearchIndex, register_search
from thidua.organizations.models import Agency, Person

from .selectors import nominations_for_user

__all__ = ["search_nominations"]


def _subjects(words: list[str]) -> Q:
    """Nominations whose person or collective holds every word."""
    table = "organizations_person"
    if not fts_applies(words, table):
        return contains_words(words, "person__") | contains_words(words, "agency__")
    # Subjects as id lists: SQLite reads the nominations through the person and agency
    # indexes instead of joining every visible one (docs/benchmarks.md).
    if all(len(word) >= MIN_TRIGRAM for word in words):
        people = matching_ids(words, table)
    else:
        people = Person.objects.filter(contains_words(words, table=table)).values("pk")
    agencies = Agency.objects.filter(contains_words(words)).values("pk")
    return Q(person__in=people) | Q(agency__in=agencies)


def search_nominations(user, query):
    return (
        nominations_for_user(user)
        .filter(_subjects(list(query.words)))
        .order_by("-year", "-pk")
    )


def nominations_by_cccd(user, cccd: str):
    return nominations_for_user(user).filter(person__cccd=cccd)


register_search(
    SearchIndex(
        "nominations",
        _("Hồ sơ đề nghị"),
        order=40,
        search=search_nominations,
        by_cccd=nominations_by_cccd,
        template="nominations/search/_nomination.html",
    )
)
