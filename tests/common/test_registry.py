"""The registries the apps fill in ready() (common/registry.py, common/search.py,
common/report_sources.py)."""

import pytest
from django.template.loader import get_template

from thidua.common.registry import Registry
from thidua.common.report_sources import report_sources
from thidua.common.search import parse_query, search_indexes


def test_same_entry_twice_is_harmless_another_is_refused():
    registry = Registry("thing")
    registry.register("a", 1)
    registry.register("a", 1)
    registry.register("b", 2)
    assert list(registry) == [1, 2] and registry.keys() == ["a", "b"]
    with pytest.raises(ValueError, match="thing 'a' is registered twice"):
        registry.register("a", 3)
    with pytest.raises(LookupError):
        registry.get("c")


def test_search_indexes_come_from_their_apps_in_the_declared_order():
    indexes = search_indexes()
    assert [index.key for index in indexes] == [
        "people",
        "agencies",
        "movements",
        "nominations",
        "decisions",
        "documents",
    ]
    assert [i.key for i in indexes if i.by_cccd] == ["people", "nominations"]
    for index in indexes:
        assert index.search.__module__.split(".")[1] != "site", index.key
        get_template(index.template)  # every group can print its matches


def test_query_shapes():
    assert parse_query(" đ ") is None
    assert parse_query("001234567890").cccd == "001234567890"
    number = parse_query("173/PD-SKHĐT")
    assert number.document_number and not number.cccd
    assert parse_query("Nguyễn Văn Anh").words == ("nguyen", "van", "anh")


def test_report_sources_come_from_the_apps_that_own_the_records():
    owners = {s.key: s.groups.__module__ for s in report_sources()}
    assert owners == {
        "bodies": "thidua.organizations.reporting",
        "staff": "thidua.organizations.reporting",
        "awards": "thidua.awards.reporting",
        "movements": "thidua.movements.reporting",
    }
    for source in report_sources():
        if source.counted is not None:
            get_template(source.counted_template)
