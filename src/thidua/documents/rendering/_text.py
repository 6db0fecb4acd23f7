"""Helpers for the frozen spec dataclasses: NFC at the boundary."""

import unicodedata

__all__ = ["nfc", "set_frozen"]


def nfc(value: str | None) -> str | None:
    return None if value is None else unicodedata.normalize("NFC", value).strip()


def set_frozen(obj: object, name: str, value: object) -> None:
    """Assigns in ``__post_init__`` of a frozen dataclass (normalising its input)."""
    object.__setattr__(obj, name, value)
