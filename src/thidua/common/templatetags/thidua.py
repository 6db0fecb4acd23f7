from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from thidua.eligibility.regimes import regime_label as _regime_label
from thidua.eligibility.wording import passage_for

from ..actions import action_label as _action_label
from ..choices import StateChoices, state_of
from ..history import Table

register = template.Library()


@register.filter
def action_label(code: str) -> str:
    return _action_label(code)


@register.filter
def regime_label(name: str) -> str:
    """A regime code of the eligibility engine in words, for pages."""
    return _regime_label(name)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def state_badge(obj, field: str = "state", testid: str = "", css: str = ""):
    """``<span class="badge text-bg-…">label</span>`` of a state: ``obj`` is a
    StateChoices member, or an object whose ``field`` holds one (a model's state, read
    as a plain string, is looked up in its enum). The colour comes from the enum
    (common/choices.py); ``css`` adds classes, ``testid`` a ``data-testid``."""
    state = obj if isinstance(obj, StateChoices) else state_of(obj, field)
    return format_html(
        '<span class="badge{} text-bg-{}"{}>{}</span>',
        f" {css}" if css else "",
        state.color,
        format_html(' data-testid="{}"', testid) if testid else "",
        state.label,
    )


@register.simple_tag
def history_value(value):
    """One value of an audit entry (common/history.py): a list of items as a small
    table, anything else as its (escaped) text."""
    if not isinstance(value, Table):
        return value
    return format_html(
        '<table class="table table-sm table-bordered small mb-1 mt-1 bg-white">'
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table>",
        format_html_join("", "<th>{}</th>", ((h,) for h in value.headers)),
        format_html_join(
            "",
            "<tr>{}</tr>",
            (
                (format_html_join("", "<td>{}</td>", ((c,) for c in row)),)
                for row in value.rows
            ),
        ),
    )


@register.simple_tag
def confirm_attr(move, obj):
    """`` data-confirm="…"`` for a workflow move the user confirms first (the
    summary the page's dialog shows, page_actions.js), nothing for the others."""
    text = move.confirm_text(obj)
    return format_html(' data-confirm="{}"', text) if text else ""


@register.simple_tag
def law_citation(citation: str):
    """A citation as a link to its wording on the law page, the wording in the
    tooltip; plain text when the wording was not read."""
    passage = passage_for(citation) if citation else None
    if passage is None:
        return citation or ""
    return format_html(
        '<a href="{}#{}" title="{}" class="link-secondary" data-testid="law-link">{}</a>',
        reverse("legal-texts"),
        passage.anchor,
        passage.text,
        citation,
    )


@register.filter
def option_groups(field) -> list:
    """A select's choices as ``[(group label or "", [(value, label, selected)])]``:
    grouped choices (``[(group, [(value, label), …]), …]``) become optgroups, plain ones
    a single unlabelled group."""
    current = field.value()
    chosen = {str(v) for v in current} if isinstance(current, list) else {str(current)}
    groups: list = []
    for value, label in field.field.choices:
        if isinstance(label, list | tuple):
            options = [(v, lab, str(v) in chosen) for v, lab in label]
            groups.append((value, options))
            continue
        if not groups or groups[-1][0]:
            groups.append(("", []))
        groups[-1][1].append((value, label, str(value) in chosen))
    return groups
