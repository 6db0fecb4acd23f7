"""The built-in templates every agency starts from (``templates/*.json``): a launch
document like the seed's, a provincial plan with its scoring appendix, a school's
plan in school weeks, decisions with an appendix list or two tiers, the council's and
a unit's minutes, a tờ trình, a sơ kết report, a công văn and a thông báo.

Each file is ``{"code", "name", "kind", "content"}`` with content in the document
model (docs/document-model.md). Issuer, place, date and the signer's name are left
empty: the draft fills them from the agency and its head. An agency saves its own
templates in the database (documents.DocumentTemplate).
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .content import normalise_content

__all__ = ["Template", "builtin_template", "builtin_templates"]

_DIR = Path(__file__).with_name("templates")


@dataclass(frozen=True)
class Template:
    code: str
    name: str
    kind: str
    content: dict


@cache
def _load() -> tuple[Template, ...]:
    out = []
    for path in sorted(_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append(
            Template(
                code=data["code"],
                name=data["name"],
                kind=data["kind"],
                content=normalise_content(data["content"]),
            )
        )
    return tuple(out)


def builtin_templates(kind: str | None = None) -> list[Template]:
    """The built-in templates (of ``kind`` when given), by name. Callers get copies
    of the content: a draft edits its own."""
    return [
        Template(t.code, t.name, t.kind, json.loads(json.dumps(t.content)))
        for t in sorted(_load(), key=lambda t: t.name)
        if kind is None or t.kind == kind
    ]


def builtin_template(code: str) -> Template:
    """One template by code; LookupError when there is none."""
    for template in builtin_templates():
        if template.code == code:
            return template
    raise LookupError(code)
