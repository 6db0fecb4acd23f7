"""What the keys of audit data mean, so a history reads as the forms do: each app
declares, in its ``actions.py`` beside the labels of its action codes, the label of
every key its entries write that is not a field of the audited object, and how its
value reads — ids of a model shown as names, codes of a choice shown as labels, lists
of items shown as a small table (docs/developer/architecture.md, *Registries*).

A key is looked up for the entry's action first (``kind`` is a file's kind in one
entry and a report's in another), then for every action; a field of the audited
object needs nothing here (its ``verbose_name`` and choices are read from the model).
"""

from dataclasses import dataclass
from typing import Any

__all__ = [
    "DataField",
    "action_model",
    "data_field",
    "register_action_model",
    "register_data_fields",
]


@dataclass(frozen=True)
class DataField:
    label: str
    # "app_label.Model": the values are ids of that model, shown by their names.
    model: str = ""
    # A Choices class or a {code: label} mapping: the values are codes.
    choices: Any = None
    # For a list of items (dicts): the form or model whose fields name their keys,
    # or a function of the entry's data returning it (a movement's section).
    items: Any = None
    # Kept in the trail for the machine (an id beside the name it was saved with),
    # not shown.
    hidden: bool = False

    def items_source(self, data: dict):
        if callable(self.items) and not isinstance(self.items, type):
            return self.items(data)
        return self.items


_GLOBAL: dict[str, DataField] = {}
_BY_ACTION: dict[tuple[str, str], DataField] = {}
# An action whose data are the fields of another model than the audited object's (an
# award recorded in a person's history: the Award's fields).
_ACTION_MODELS: dict[str, str] = {}


def _entry(value) -> DataField:
    return value if isinstance(value, DataField) else DataField(label=value)


def register_data_fields(fields: dict, *, actions: tuple[str, ...] = ()) -> None:
    """Add ``{key: label or DataField}``, for ``actions`` only when named. The same
    key declared again differently is a mistake caught at start."""
    for key, value in fields.items():
        field = _entry(value)
        targets = [(_BY_ACTION, (action, key)) for action in actions] or [
            (_GLOBAL, key)
        ]
        for table, name in targets:
            known = table.get(name)
            if known is not None and known != field:
                raise ValueError(f"history field {name!r} is declared twice")
            table[name] = field


def data_field(action: str, key: str) -> DataField | None:
    """What ``key`` means in an entry of ``action``; None for an undeclared key."""
    return _BY_ACTION.get((action, key)) or _GLOBAL.get(key)


def register_action_model(model: str, *, actions: tuple[str, ...]) -> None:
    """The keys of ``actions``' data are fields of ``model`` ("app_label.Model")."""
    for action in actions:
        known = _ACTION_MODELS.get(action)
        if known is not None and known != model:
            raise ValueError(f"history model of {action!r} is declared twice")
        _ACTION_MODELS[action] = model


def action_model(action: str) -> str:
    """The model declared for ``action``'s data, "" for none."""
    return _ACTION_MODELS.get(action, "")
