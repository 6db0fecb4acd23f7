"""System checks of the house rules that only the source can tell.

``thidua.E101``: an audit action written by the code (``log_action(obj, "code")``, a
bulk entry's code, a workflow's ``action=``) without a Vietnamese label registered in
its app's ``actions.py`` — the audit log would show users the raw code."""

import ast
from functools import cache
from pathlib import Path

from django.core import checks

from .actions import ACTION_LABELS

__all__ = ["actions_in_source", "check_action_labels"]

PACKAGE = Path(__file__).resolve().parent.parent


def _strings(node) -> list[str]:
    """A literal code, or both branches of ``"a" if … else "b"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


@cache
def actions_in_source() -> dict[str, str]:
    """``{code: "app/module.py:line"}`` of every audit action the code writes."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        where = path.relative_to(PACKAGE)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            codes: list[str] = []
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
                if name == "log_action" and len(node.args) >= 2:
                    codes += _strings(node.args[1])
                if name == "audit_code" and node.args:
                    codes += _strings(node.args[0])
                if name in ("Workflow", "Transition"):
                    codes += [
                        s
                        for k in node.keywords
                        if k.arg == "action"
                        for s in _strings(k.value)
                    ]
            elif isinstance(node, ast.Tuple) and len(node.elts) == 4:
                # log_actions_bulk entries: (obj, "code", agency_id, data)
                codes += [c for c in _strings(node.elts[1]) if "." in c]
            for code in codes:
                found.setdefault(code, f"{where}:{node.lineno}")
    return found


@checks.register()
def check_action_labels(app_configs=None, **kwargs):
    return [
        checks.Error(
            f"Thao tác nhật ký “{code}” chưa có nhãn tiếng Việt ({where}).",
            hint="Thêm nhãn vào actions.py của ứng dụng ghi thao tác này.",
            id="thidua.E101",
        )
        for code, where in actions_in_source().items()
        if code not in ACTION_LABELS
    ]
