"""What the apps register about themselves, for the lower apps that serve them
(shared/design/redesign.md P4; docs/developer/architecture.md, *Registries*).

A lower app (common, documents) owns a :class:`Registry` and the shape of its entries;
each app above fills it in its ``AppConfig.ready()``, so adding a kind of thing never
means editing a central list in the lower app. Registering the same entry twice is
harmless (``ready()`` may run again); another entry under a known key is a mistake
caught at start.
"""

from collections.abc import Iterator
from typing import Generic, TypeVar

__all__ = ["Registry"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Entries by key, in registration order (the apps' order in INSTALLED_APPS)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._entries: dict[str, T] = {}

    def register(self, key: str, entry: T) -> T:
        known = self._entries.get(key)
        if known is not None and known != entry:
            raise ValueError(f"{self.name} {key!r} is registered twice")
        self._entries[key] = entry
        return entry

    def get(self, key: str) -> T:
        """The entry; LookupError for an unknown key."""
        try:
            return self._entries[key]
        except KeyError:
            raise LookupError(f"no {self.name} {key!r}") from None

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._entries.values()))

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self) -> list[str]:
        return list(self._entries)
