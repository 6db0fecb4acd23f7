"""``{% export_button %}``: the list page's "Xuất Excel", its filters kept
(common/list_export.py)."""

from django import template

from ..list_export import export_url

register = template.Library()


@register.inclusion_tag("includes/export_button.html", takes_context=True)
def export_button(context):
    return {"url": export_url(context["request"])}
