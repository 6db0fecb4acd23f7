"""The search registry: which kinds of record the site's search looks in
(docs/search.md; ``site/search.py`` runs it).

Each app that owns a searchable kind registers its index in its own ``search.py``,
imported by its ``AppConfig.ready()`` (as NetBox's ``@register_search``)::

    register_search(
        SearchIndex(
            "movements",
            _("Phong trào thi đua"),
            order=30,
            search=lambda user, query: movements_for_user(user).filter(…),
            template="movements/search/_movement.html",
        )
    )

``search(user, query)`` returns the matches *the user may see*, ordered, as one
queryset: it starts from the app's visibility selector, so a hidden record is never
found (hidden = missing). ``by_cccd(user, cccd)``, when given, answers a query that is a
12-digit CCCD; kinds without it are not searched for one. Groups are shown by ``order``;
``template`` prints one match (``item``) in the results
(``templates/common/_search_results.html``).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q

from .registry import Registry
from .text import nfc, search_words

__all__ = [
    "MIN_QUERY_LENGTH",
    "ExactFirst",
    "SearchIndex",
    "SearchQuery",
    "parse_query",
    "register_search",
    "search_indexes",
    "whole_words",
]

MIN_QUERY_LENGTH = 2
_CCCD = re.compile(r"^\d{12}$")
# "173/PD-SKHĐT", "173/pd-skhdt", "173 PD SKHDT", "05/QĐ": a number, then a letter.
_DOCUMENT_NUMBER = re.compile(r"^\d+\s*[/\-\s]\s*[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class SearchQuery:
    text: str  # as typed, in NFC
    key: str  # folded like the stored search columns (no diacritics, no case)
    words: tuple[str, ...]
    cccd: str = ""  # the 12 digits, when the query is a CCCD
    document_number: bool = (
        False  # shaped like "173/PD-SKHĐT": match the symbol's start
    )


def parse_query(q: str) -> SearchQuery | None:
    """The query as the indexes read it; ``None`` when it is too short to search
    (fewer than two characters once folded)."""
    text = nfc(q)
    key = search_words(text)
    if len(key.replace(" ", "")) < MIN_QUERY_LENGTH:
        return None
    compact = text.replace(" ", "")
    return SearchQuery(
        text=text,
        key=key,
        words=tuple(key.split()),
        cccd=compact if _CCCD.match(compact) else "",
        document_number=bool(_DOCUMENT_NUMBER.match(text)),
    )


@dataclass(frozen=True)
class SearchIndex:
    key: str  # the group's key on the page (``data-group``) and in tests
    label: str
    order: int
    search: Callable  # (user, SearchQuery) -> the visible matches, ordered
    template: str  # one result's line on the search page (its context: ``item``)
    by_cccd: Callable | None = None  # (user, cccd) -> the visible matches


_INDEXES: Registry[SearchIndex] = Registry("search index")


def register_search(index: SearchIndex) -> SearchIndex:
    return _INDEXES.register(index.key, index)


def search_indexes() -> list[SearchIndex]:
    """Every registered index, by ``order`` (then key)."""
    return sorted(_INDEXES, key=lambda index: (index.order, index.key))


class ExactFirst:
    """Matches where the query's words stand whole and in the order typed, then the
    rest: "nguyen van" finds "Nguyễn Văn An" before "Nguyễn Bích Vân", whose words
    only contain it. Two queries, each ordered by the index and cut at the slice, so the
    cost stays that of a page of results whatever the number of matches (a rank
    expression in ORDER BY would sort every match).

    ``exact`` and ``rest`` are querysets of the same model; slicing reads ``exact``
    first, then ``rest`` without the rows already taken."""

    def __init__(self, exact, rest):
        self.exact = exact
        self.rest = rest

    def __getitem__(self, window: slice) -> list:
        limit = window.stop  # search_all takes the first rows only: [:n]
        first = list(self.exact[:limit])
        if len(first) == limit:
            return first
        more = self.rest.exclude(pk__in=[row.pk for row in first])
        return first + list(more[: limit - len(first)])


def whole_words(query: SearchQuery, field: str = "search_text"):
    """``Q``: the folded query stands as whole words, in order, in ``field``
    (``search_text`` is folded words joined by single spaces)."""
    phrase = " ".join(query.words)
    return (
        Q(**{field: phrase})
        | Q(**{f"{field}__startswith": phrase + " "})
        | Q(**{f"{field}__endswith": " " + phrase})
        | Q(**{f"{field}__contains": " " + phrase + " "})
    )
