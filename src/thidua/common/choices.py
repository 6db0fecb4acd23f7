"""States that pages show as a coloured badge: the colour of each value is declared with
its enum, never chosen in a template by comparing strings (``{% state_badge %}`` in
templatetags/thidua.py renders it)."""

from functools import cache

from django.db import models

__all__ = ["BADGE_COLORS", "StateChoices", "state_of"]

# Bootstrap's contextual colours, as in ``text-bg-<colour>``.
BADGE_COLORS = frozenset(
    {"primary", "secondary", "success", "danger", "warning", "info", "light", "dark"}
)


class StateChoices(models.TextChoices):
    """A TextChoices whose every member has the colour of its badge. Each enum lists
    them in ``colors()`` (member → one of ``BADGE_COLORS``), like pretalx's
    ``get_color``::

        class MovementState(StateChoices):
            DRAFT = "nhap", _("Nháp")
            ...

            @classmethod
            def colors(cls):
                return {cls.DRAFT: "secondary", ...}
    """

    @classmethod
    def colors(cls) -> dict:
        raise NotImplementedError(f"{cls.__name__} declares no badge colours")

    @property
    def color(self) -> str:
        return self.colors()[self]


def _subclasses(cls) -> list[type[StateChoices]]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


@cache
def _enum_of(model: type, field: str) -> type[StateChoices]:
    values = {value for value, _label in model._meta.get_field(field).flatchoices}
    enums = [e for e in _subclasses(StateChoices) if set(e.values) == values]
    if len(enums) != 1:
        raise LookupError(
            f"{model.__name__}.{field}: {len(enums)} StateChoices enums have its "
            "choices, one must"
        )
    return enums[0]


def state_of(obj, field: str = "state") -> StateChoices:
    """The member ``obj.<field>`` holds: itself if it is one already (a property may
    return one), else that of the StateChoices enum the model field's choices come
    from (a value read from the database is a plain string)."""
    value = getattr(obj, field)
    if isinstance(value, StateChoices):
        return value
    return _enum_of(type(obj), field)(value)
