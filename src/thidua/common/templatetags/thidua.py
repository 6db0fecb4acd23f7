import decimal

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from thidua.eligibility.regimes import regime_label as _regime_label
from thidua.eligibility.wording import passage_for

from ..actions import action_label as _action_label
from ..choices import StateChoices, state_of
from ..history import Table
from ..money import decimal_figures, money_figures, percent_figures
from ..workdays import day_with_weekday, deadline_text

register = template.Library()


@register.filter
def action_label(code: str) -> str:
    return _action_label(code)


@register.filter
def regime_label(name: str) -> str:
    """A regime code of the eligibility engine in words, for pages."""
    return _regime_label(name)


def _number_or_none(value):
    """A number a filter can show, or None (empty, text that is not a number)."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return decimal.Decimal(str(value))
    except decimal.InvalidOperation:
        return None


@register.filter
def vi_number(value, places=None):
    """``1234.5`` → ``"1.234,5"``; ``{{ x|vi_number:1 }}`` rounds to one decimal.
    One display of numbers on every page (no "1,234.5", no "93,50")."""
    number = _number_or_none(value)
    if number is None:
        return "" if value is None else value
    return decimal_figures(number, None if places in (None, "") else int(places))


@register.filter
def vi_percent(value, places=1):
    """``93.5`` → ``"93,5 %"``, ``100`` → ``"100 %"``."""
    number = _number_or_none(value)
    if number is None:
        return "" if value is None else value
    return percent_figures(number, int(places))


@register.filter
def vi_money(value):
    """``2530000`` → ``"2.530.000 đ"``."""
    number = _number_or_none(value)
    if number is None:
        return "" if value is None else value
    return money_figures(number)


@register.filter
def weekday_date(day) -> str:
    """A date with its weekday: "thứ Sáu, 12/12/2026" ("" for no date)."""
    return day_with_weekday(day) if day else ""


@register.simple_tag
def deadline(day, testid: str = "deadline"):
    """The last day of a deadline with its weekday and the working days left
    (common/workdays.py ``deadline_text``); nothing for no date."""
    if not day:
        return ""
    return format_html(
        '<span class="deadline" data-testid="{}">{}</span>',
        testid,
        deadline_text(day, timezone.localdate()),
    )


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
