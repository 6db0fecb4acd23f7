"""The round in a breadcrumb: a link for those who may open its page, its name alone for
the others (a council member reading a dossier on his agenda) — never a link to a 404."""

from django import template
from django.utils.html import format_html

from ..selectors import round_is_visible

register = template.Library()


@register.simple_tag(takes_context=True)
def round_crumb(context, round_):
    user = context["request"].user
    if round_is_visible(user, round_):
        return format_html(
            '<li class="breadcrumb-item"><a href="{}">{}</a></li>',
            round_.get_absolute_url(),
            round_.name,
        )
    return format_html('<li class="breadcrumb-item">{}</li>', round_.name)
