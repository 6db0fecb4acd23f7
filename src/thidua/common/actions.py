"""Labels of audit action codes, so the audit log and history pages read in
Vietnamese. Each app registers the labels of the actions it writes in its own
``actions.py`` (loaded for every installed app when common is ready); a system check
(``common/checks.py``) fails when code writes an action that has no label."""

import sys

from django.apps import apps
from django.utils.translation import gettext_lazy as _

__all__ = [
    "ACTION_LABELS",
    "action_groups",
    "RETIRED_ACTIONS",
    "action_label",
    "audit_code",
    "register_actions",
    "register_retired_actions",
]

ACTION_LABELS: dict[str, str] = {}
# The module that registered each code (an app's actions.py): the audit log groups
# the labels by the app, so an officer picks "Phong trào thi đua › Duyệt…".
_ORIGIN: dict[str, str] = {}
# Codes the code no longer writes, kept labelled: the audit trail of an install that
# ran an older version holds them, and its history must still read in Vietnamese.
RETIRED_ACTIONS: set[str] = set()


def register_actions(labels: dict) -> None:
    """Add an app's ``{code: label}``; a code registered twice with another label is a
    mistake to catch at start, not a silent override."""
    # The caller's module, read here so that no app has to name itself twice.
    caller = sys._getframe(1)
    if caller.f_code.co_name == "register_retired_actions":
        caller = caller.f_back
    origin = caller.f_globals.get("__name__", "")
    for code, label in labels.items():
        if code in ACTION_LABELS and str(ACTION_LABELS[code]) != str(label):
            raise ValueError(f"audit action {code!r} is labelled twice")
        ACTION_LABELS[code] = label
        _ORIGIN.setdefault(code, origin)


def register_retired_actions(labels: dict) -> None:
    """Labels of codes no longer written (see ``RETIRED_ACTIONS``)."""
    register_actions(labels)
    RETIRED_ACTIONS.update(labels)


def audit_code(code: str) -> str:
    """Marks an audit action code that reaches ``log_action`` through a helper
    (``_finish(submission, actor, audit_code("submissions.submit"))``), so the label
    check (common/checks.py) finds it; returns the code unchanged."""
    return code


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))


def action_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every labelled code as ``[(app name, [(code, label), …]), …]``: the apps in
    their installed order, the labels alphabetical within each."""
    groups: dict[str, list[tuple[str, str]]] = {}
    order = {config.verbose_name: i for i, config in enumerate(apps.get_app_configs())}
    for code, label in ACTION_LABELS.items():
        config = apps.get_containing_app_config(_ORIGIN.get(code, ""))
        name = str(config.verbose_name) if config else str(_("Khác"))
        groups.setdefault(name, []).append((code, str(label)))
    ranked = sorted(groups.items(), key=lambda g: order.get(g[0], len(order)))
    return [(name, sorted(items, key=lambda i: i[1])) for name, items in ranked]


register_actions(
    {
        "jobs.requeue": _("Xử lý nền: làm lại việc bị dừng giữa chừng"),
        "jobs.give_up": _("Xử lý nền: ngừng thử lại việc bị dừng nhiều lần"),
        "workdays.add": _("Lịch làm việc: nhập ngày nghỉ bù, làm bù"),
        "workdays.remove": _("Lịch làm việc: xóa ngày nghỉ bù, làm bù"),
    }
)
