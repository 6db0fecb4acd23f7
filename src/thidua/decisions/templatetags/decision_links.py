"""The round page's list of decisions (nominations/round_detail.html): the nominations
app sits below decisions and cannot read them itself."""

from django import template

from ..selectors import decisions_of_round

register = template.Library()


@register.simple_tag(takes_context=True)
def round_decisions(context, round_):
    return decisions_of_round(context["request"].user, round_)
