"""What the apps above do when a document written in thidua is issued: a movement's
launch plan issued by the clerk launches the movement (movements.services.
launch_plan). The documents app calls them without knowing the apps, as it renders
their kinds (kinds.py): each app registers a "module:function" in
``AppConfig.ready()``, called with ``(draft, issued_document, actor)`` inside the
issuing transaction, so the consequence exists exactly when the number does."""

from importlib import import_module

__all__ = ["on_draft_issued", "run_draft_issued"]

_HOOKS: list[str] = []


def on_draft_issued(path: str) -> None:
    if path not in _HOOKS:
        _HOOKS.append(path)


def run_draft_issued(draft, document, actor) -> None:
    for path in _HOOKS:
        module, _sep, name = path.partition(":")
        getattr(import_module(module), name)(draft, document, actor)
