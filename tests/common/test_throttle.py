import pytest
import time_machine
from django.core.cache import cache

from thidua.common.throttle import hit


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_allows_up_to_the_limit_then_refuses():
    assert [hit("form", "10.0.0.1", 3, 60) for _ in range(5)] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_keys_and_scopes_are_counted_apart():
    assert hit("form", "10.0.0.1", 1, 60)
    assert not hit("form", "10.0.0.1", 1, 60)
    assert hit("form", "10.0.0.2", 1, 60)
    assert hit("comments", "10.0.0.1", 1, 60)


def test_a_new_window_starts_a_new_count():
    with time_machine.travel(1_800_000_000, tick=False) as traveller:
        assert hit("form", "k", 1, 60)
        assert not hit("form", "k", 1, 60)
        traveller.shift(61)
        assert hit("form", "k", 1, 60)
