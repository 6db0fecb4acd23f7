"""Search across the installation (issue #6; docs/search.md): people, collectives,
movements, nominations, decisions, outgoing documents — whatever the apps register
(``common/search.py``; each app's ``search.py``).

Every kind is read through its own visibility selector, so what a user may not see is
never found. The query is folded like the stored search columns (no diacritics, no
case, punctuation as spaces). Each kind is one query, whatever the number of matches.
"""

from dataclasses import dataclass, field

from thidua.common.search import MIN_QUERY_LENGTH, parse_query, search_indexes

__all__ = ["MIN_QUERY_LENGTH", "SearchGroup", "SearchResults", "search_all"]


@dataclass
class SearchGroup:
    key: str
    label: str
    items: list
    more: bool = False
    template: str = ""


@dataclass
class SearchResults:
    query: str
    groups: list[SearchGroup] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(group.items) for group in self.groups)


def _take(queryset, limit: int) -> tuple[list, bool]:
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def search_all(user, q: str, limit_per_kind: int = 10) -> SearchResults | None:
    """Grouped matches of ``q`` the user may see, ``limit_per_kind`` of each kind.

    ``None`` when the query is too short to search (fewer than two characters once
    folded). A 12-digit query is a CCCD: an exact lookup in the kinds that answer one
    (people and their nominations). A query shaped like a document number finds
    documents, decisions and movements whose symbol starts with it.
    """
    query = parse_query(q)
    if query is None:
        return None
    results = SearchResults(query=query.text)
    for index in search_indexes():
        if query.cccd:
            if index.by_cccd is None:
                continue
            queryset = index.by_cccd(user, query.cccd)
        else:
            queryset = index.search(user, query)
        items, more = _take(queryset, limit_per_kind)
        results.groups.append(
            SearchGroup(index.key, index.label, items, more, index.template)
        )
    return results
