from django import template

from ..actions import action_label as _action_label

register = template.Library()


@register.filter
def action_label(code: str) -> str:
    return _action_label(code)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
