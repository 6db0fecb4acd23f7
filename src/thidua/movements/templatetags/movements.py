from django import template

from thidua.common.markup import to_html

register = template.Library()


@register.filter
def new_notes(_doc) -> list:
    """A fresh list that collects footnotes in document order while rendering."""
    return []


@register.simple_tag
def markup(text: str, notes: list):
    return to_html(text, notes)
