"""Search across the installation: people, collectives, movements, nominations,
decisions and outgoing documents (issue #6; docs/search.md).

Every kind is read through its own visibility selector, so what a user may not see is
never found. The query is folded like the stored search columns (no diacritics, no
case, punctuation as spaces). Each kind is one query, whatever the number of matches.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.fts import (
    MIN_TRIGRAM,
    contains_words,
    fts_applies,
    matching_ids,
)
from thidua.common.text import nfc, search_words
from thidua.decisions.selectors import decisions_for_user
from thidua.documents.selectors import issued_documents_for_user
from thidua.movements.selectors import movements_for_user
from thidua.nominations.selectors import nominations_for_user
from thidua.organizations.models import Agency, Person
from thidua.organizations.selectors import (
    agencies_for_user,
    people_for_user,
    person_condition,
)

__all__ = ["MIN_QUERY_LENGTH", "SearchGroup", "SearchResults", "search_all"]

MIN_QUERY_LENGTH = 2
_CCCD = re.compile(r"^\d{12}$")
# "173/PD-SKHĐT", "173/pd-skhdt", "173 PD SKHDT", "05/QĐ": a number, then a letter.
_DOCUMENT_NUMBER = re.compile(r"^\d+\s*[/\-\s]\s*[^\W\d_]", re.UNICODE)


@dataclass
class SearchGroup:
    key: str
    label: str
    items: list
    more: bool = False


@dataclass
class SearchResults:
    query: str
    groups: list[SearchGroup] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(group.items) for group in self.groups)


def _people(user, words: list[str]):
    """Visible people whose search text holds every word, in folded-name order."""
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


def _nomination_subjects(words: list[str]) -> Q:
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


def _take(queryset, limit: int) -> tuple[list, bool]:
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def search_all(user, q: str, limit_per_kind: int = 10) -> SearchResults | None:
    """Grouped matches of ``q`` the user may see, ``limit_per_kind`` of each kind.

    ``None`` when the query is too short to search (fewer than two characters once
    folded). A 12-digit query is a CCCD: an exact lookup among visible people (and
    their nominations). A query shaped like a document number finds documents,
    decisions and movements whose symbol starts with it.
    """
    query = nfc(q)
    key = search_words(query)
    if len(key.replace(" ", "")) < MIN_QUERY_LENGTH:
        return None
    results = SearchResults(query=query)

    def add(kind: str, label, queryset) -> None:
        items, more = _take(queryset, limit_per_kind)
        results.groups.append(SearchGroup(kind, label, items, more))

    compact = query.replace(" ", "")
    if _CCCD.match(compact):
        add(
            "people",
            _("Cá nhân"),
            people_for_user(user).select_related("unit").filter(cccd=compact),
        )
        add(
            "nominations",
            _("Hồ sơ đề nghị"),
            nominations_for_user(user).filter(person__cccd=compact),
        )
        return results

    words = key.split()
    if _DOCUMENT_NUMBER.match(query):
        documents = Q(search_text__startswith=key)
        decisions = Q(issued_document__search_text__startswith=key)
    else:
        documents = contains_words(words)
        decisions = contains_words(words, "issued_document__")
    add("people", _("Cá nhân"), _people(user, words))
    add(
        "agencies",
        _("Tập thể, cơ quan, đơn vị"),
        agencies_for_user(user).filter(contains_words(words)).order_by("name", "id"),
    )
    add(
        "movements",
        _("Phong trào thi đua"),
        movements_for_user(user).filter(documents).order_by("-year", "-pk"),
    )
    add(
        "nominations",
        _("Hồ sơ đề nghị"),
        nominations_for_user(user)
        .filter(_nomination_subjects(words))
        .order_by("-year", "-pk"),
    )
    add(
        "decisions",
        _("Quyết định khen thưởng"),
        decisions_for_user(user).filter(decisions).order_by("-created_at", "-pk"),
    )
    add(
        "documents",
        _("Văn bản đi"),
        issued_documents_for_user(user)
        .filter(documents)
        .order_by("-year", "-number", "-pk"),
    )
    return results
