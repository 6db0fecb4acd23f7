"""The movements in the site's search (common/search.py): by name or by the launch
document's number."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.fts import contains_words
from thidua.common.search import SearchIndex, register_search

from .selectors import movements_for_user

__all__ = ["search_movements"]


def search_movements(user, query):
    if query.document_number:
        condition = Q(search_text__startswith=query.key)
    else:
        condition = contains_words(list(query.words))
    return movements_for_user(user).filter(condition).order_by("-year", "-pk")


register_search(
    SearchIndex(
        "movements",
        _("Phong trào thi đua"),
        order=30,
        search=search_movements,
        template="movements/search/_movement.html",
    )
)
