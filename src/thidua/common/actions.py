"""Labels of audit action codes, so the audit log and history pages read in
Vietnamese. Each app registers the labels of the actions it writes in its own
``actions.py`` (loaded for every installed app when common is ready); a system check
(``common/checks.py``) fails when code writes an action that has no label."""

from django.utils.translation import gettext_lazy as _

__all__ = [
    "ACTION_LABELS",
    "RETIRED_ACTIONS",
    "action_label",
    "audit_code",
    "register_actions",
    "register_retired_actions",
]

ACTION_LABELS: dict[str, str] = {}
# Codes the code no longer writes, kept labelled: the audit trail of an install that
# ran an older version holds them, and its history must still read in Vietnamese.
RETIRED_ACTIONS: set[str] = set()


def register_actions(labels: dict) -> None:
    """Add an app's ``{code: label}``; a code registered twice with another label is a
    mistake to catch at start, not a silent override."""
    for code, label in labels.items():
        if code in ACTION_LABELS and str(ACTION_LABELS[code]) != str(label):
            raise ValueError(f"audit action {code!r} is labelled twice")
        ACTION_LABELS[code] = label


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


register_actions(
    {
        "jobs.requeue": _("Xử lý nền: làm lại việc bị dừng giữa chừng"),
        "jobs.give_up": _("Xử lý nền: ngừng thử lại việc bị dừng nhiều lần"),
        "workdays.add": _("Lịch làm việc: nhập ngày nghỉ bù, làm bù"),
        "workdays.remove": _("Lịch làm việc: xóa ngày nghỉ bù, làm bù"),
    }
)
