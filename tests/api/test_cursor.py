"""Cursor pages: following ``next`` (or ``previous``) visits every visible row once, in
the list's order, ties and NULLs included; cursors are opaque, checked, bound to their
list; a page costs the same queries at any depth."""

import base64
import datetime
import json
from functools import cmp_to_key
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from thidua.api.cursor import Position, encode, order_keys, ordered
from thidua.api.params import BadParameter, paginate
from thidua.awards.models import Award

from ..factories import make_person
from ..movements.factories import make_movement
from .data import build_world
from .helpers import bearer, token_for
from .test_read_api import award

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/agencies/",
    "/api/v1/people/",
    "/api/v1/awards/",
    "/api/v1/nominations/",
    "/api/v1/decisions/",
    "/api/v1/movements/",
    "/api/v1/registrations/",
    "/api/v1/councils/",
    "/api/v1/assessments/",
]


@pytest.fixture
def many(org):
    """Awards tied on (year, decision date) and people tied on their name, in both
    agencies."""
    for i in range(7):
        for unit in (org.dkkd, org.other_unit):
            person = make_person(unit, "Đinh Văn Trùng")
            award("LDTT", 2022, person=person)
            award("CSTDCS", 2022 + i % 2, person=person)
    award("TTLDTT", 2022, agency=org.dkkd)


def walk(client, url, direction="next"):
    """Every row's id along the links, and the pages' links."""
    seen, links = [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        page = [row["id"] for row in body["results"]]
        seen = seen + page if direction == "next" else page + seen
        links.append((body["previous"], body["next"]))
        url = body[direction]
        assert len(links) < 200
    return seen, links


def at(url):
    """A link as the test client takes it (path and query)."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def query(url):
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize("path", LISTS)
def test_walking_each_list_by_cursor_visits_every_row_once_in_order(
    path, org, users, many
):
    build_world(org, users)
    make_movement(org, name="Phong trào thứ hai")
    admin = bearer(token_for(users["admin"])[1])
    everything = [r["id"] for r in admin.get(f"{path}?limit=200").json()["results"]]
    assert len(everything) >= 2
    forward, links = walk(admin, f"{path}?limit=1")
    assert forward == everything
    assert links[0][0] is None and links[-1][1] is None
    assert all("cursor" in query(nxt) for _, nxt in links[:-1])
    # From the last page back to the first along ``previous``.
    last = at(links[-2][1])
    backward, back_links = walk(admin, last, "previous")
    assert backward == everything
    # The first page reached backward leads forward again.
    assert walk(admin, at(back_links[-1][1]))[0] == everything[1:]


def test_ties_on_every_page_size(officer_and_rows):
    officer, rows = officer_and_rows
    for limit in (1, 2, 3, 5, 50):
        assert walk(officer, f"/api/v1/awards/?limit={limit}")[0] == rows


@pytest.fixture
def officer_and_rows(users, many):
    officer = bearer(token_for(users["officer"])[1])
    rows = list(officer.get("/api/v1/awards/?limit=200&offset=0").json()["results"])
    assert len(rows) == 15 and len({(r["year"], r["decision_date"]) for r in rows}) == 2
    return officer, [r["id"] for r in rows]


def test_a_token_of_agency_a_walking_by_cursor_never_sees_agency_b(users, org, many):
    officer = bearer(token_for(users["officer"])[1])
    other = bearer(token_for(users["other_officer"])[1])
    ours = set(walk(officer, "/api/v1/awards/?limit=3")[0])
    theirs = set(walk(other, "/api/v1/awards/?limit=3")[0])
    assert ours and theirs and not ours & theirs
    listed = officer.get("/api/v1/awards/?limit=200&offset=0").json()["results"]
    assert ours == {row["id"] for row in listed}
    # Agency B's cursor in agency A's hands: only a position in A's own list.
    their_next = other.get("/api/v1/awards/?limit=3").json()["next"]
    assert set(walk(officer, at(their_next))[0]) <= ours


def test_next_pages_by_offset_when_asked_by_offset(officer_and_rows):
    officer, rows = officer_and_rows
    by_offset = officer.get("/api/v1/awards/?limit=5&offset=0").json()
    assert query(by_offset["next"]) == {"limit": ["5"], "offset": ["5"]}
    first = officer.get("/api/v1/awards/?limit=5&year=2022").json()
    assert first["previous"] is None and first["count"] == 12
    assert set(query(first["next"])) == {"year", "limit", "cursor"}
    second = officer.get(at(first["next"])).json()
    assert second["count"] == 12 and len(second["results"]) == 5
    assert query(second["previous"])["year"] == ["2022"]


def cursor_of(client, url):
    return query(client.get(url).json()["next"])["cursor"][0]


def test_bad_cursors_get_400_naming_cursor(officer_and_rows):
    officer, _ = officer_and_rows
    good = cursor_of(officer, "/api/v1/awards/?limit=2")
    payload, signature = good.split(".")
    padded = payload + "=" * (-len(payload) % 4)
    position = json.loads(base64.urlsafe_b64decode(padded))
    position["v"][-1] -= 1  # move by one row: the signature no longer matches
    forged = base64.urlsafe_b64encode(json.dumps(position).encode()).decode()
    invalid = "cursor: không hợp lệ"
    other_list = "cursor: thuộc danh sách khác (đường dẫn, bộ lọc hoặc thứ tự khác)"
    cases = [
        ("cursor=abc", invalid),
        (f"cursor={good[:-1]}", invalid),
        (f"cursor={forged.rstrip('=')}.{signature}", invalid),
        (f"cursor={good}&offset=2", "cursor: không dùng cùng với offset"),
        (f"cursor={good}&year=2022", other_list),
        (f"cursor={cursor_of(officer, '/api/v1/people/?limit=1')}", other_list),
        (f"cursor={'x' * 4001}", "cursor: quá dài"),
    ]
    for params, detail in cases:
        response = officer.get(f"/api/v1/awards/?{params}")
        assert response.status_code == 400, params
        assert response.json()["field"] == "cursor"
        assert response.json()["detail"] == detail
    # The same list with another page size is the same list.
    assert officer.get(f"/api/v1/awards/?cursor={good}&limit=7").status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/people/", "/api/v1/awards/"])
def test_a_cursor_page_costs_what_the_first_page_costs(officer_and_rows, path):
    officer, _ = officer_and_rows
    officer.get(path)  # the token's use is noted once a minute: not in the counts
    deep = at(officer.get(f"{path}?limit=2").json()["next"])
    counts = []
    for url in (f"{path}?limit=1", f"{path}?limit=50", deep, f"{path}?offset=3"):
        with CaptureQueriesContext(connection) as queries:
            assert officer.get(url).status_code == 200
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts


def test_the_schema_documents_the_cursor(db):
    schema = Client().get("/api/v1/schema/").json()
    for path in LISTS:
        names = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
        assert {"limit", "offset", "cursor"} <= names, path


def test_nullable_and_tied_order_keys_page_correctly(org):
    """No list orders by a nullable column today: the helper must still page one,
    NULLs last both ways, through a nullable relation too."""
    people = [
        make_person(org.dkkd, name) for name in ("Lê Văn An", "Lê Văn An", "Trần Bình")
    ]
    for i in range(12):
        a = (
            award("LDTT", 2010 + i, person=people[i % 3])
            if i % 4
            else award("TTLDTT", 2010 + i, agency=org.dkkd)
        )
        if i % 3 == 0:
            Award.objects.filter(pk=a.pk).update(
                revoked=True, annulled_on=datetime.date(2024, 1, 1 + i % 2)
            )
    factory = RequestFactory()
    for order in (
        ("-annulled_on", "id"),
        ("annulled_on", "-id"),
        ("person__sort_key", "-annulled_on", "-year", "id"),
        ("-revoked", "-decision_date", "year", "-id"),  # row values, then one key
    ):
        items = Award.objects.order_by(*order)
        expected = in_python(items, order)
        assert list(ordered(items, order_keys(items)).values_list("id", flat=True)) == (
            expected
        )
        for limit in (1, 2, 5):
            seen, url = [], f"/x/?limit={limit}"
            while url:
                page = paginate(factory.get(url), items, limit, None, cursor_in(url))
                seen += [a.pk for a in page["results"]]
                url = page["next"]
            assert seen == expected, (order, limit)
            # Past the last row (deleted since, say): ``previous`` is the last page,
            # and walking back from it visits everything again.
            url = at(beyond_the_end(factory, items, limit))
            seen = []
            while url:
                page = paginate(factory.get(url), items, limit, None, cursor_in(url))
                seen = [a.pk for a in page["results"]] + seen
                url = page["previous"]
            assert seen == expected, (order, limit, "backward")


def in_python(items, order):
    """The order meant: each term's direction, NULLs last either way, ties to the next
    term."""
    paths = [term.lstrip("-") for term in order]
    rows = list(items.values_list(*paths))

    def compare(a, b):
        for term, x, y in zip(order, a, b, strict=True):
            if x == y:
                continue
            if x is None or y is None:
                return 1 if x is None else -1
            return (1 if x > y else -1) * (-1 if term.startswith("-") else 1)
        return 0

    return [row[paths.index("id")] for row in sorted(rows, key=cmp_to_key(compare))]


def cursor_in(url):
    return (query(url).get("cursor") or [None])[0]


def beyond_the_end(factory, items, limit):
    request = factory.get("/x/")
    keys = order_keys(items)
    last = list(ordered(items, keys).values_list(*(k.path for k in keys)))[-1]
    cursor = encode(request, keys, Position(list(last), backward=False))
    page = paginate(factory.get(f"/x/?cursor={cursor}"), items, limit, None, cursor)
    assert page["results"] == [] and page["next"] is None
    return page["previous"]


def test_a_list_not_ordered_by_its_key_is_a_programming_error(org):
    with pytest.raises(ValueError, match="ordered last by its pk"):
        paginate(RequestFactory().get("/x/"), Award.objects.order_by("year"), 5, None)
    with pytest.raises(BadParameter):
        paginate(RequestFactory().get("/x/"), Award.objects.order_by("id"), 0, None)


def test_rows_deleted_under_a_walk_neither_break_nor_repeat_it(org):
    people = [make_person(org.dkkd, "Lê Văn An") for _ in range(6)]
    for person in people:
        award("LDTT", 2020, person=person)
    factory, items = RequestFactory(), Award.objects.order_by("-year", "id")
    ids = list(items.values_list("id", flat=True))
    first = paginate(factory.get("/x/"), items, 2, None)
    second_url = at(first["next"])
    second = paginate(factory.get(second_url), items, 2, None, cursor_in(second_url))
    assert [a.pk for a in second["results"]] == ids[2:4]
    Award.objects.filter(pk__in=ids[:3]).delete()  # the first page and one row after
    back_url = at(second["previous"])
    back = paginate(factory.get(back_url), items, 2, None, cursor_in(back_url))
    # Nothing before any more: ``next`` is the first page of what is left.
    assert back["results"] == [] and back["previous"] is None
    assert query(back["next"]) == {"limit": ["2"]}
    third_url = at(second["next"])
    third = paginate(factory.get(third_url), items, 2, None, cursor_in(third_url))
    assert [a.pk for a in third["results"]] == ids[4:6]
