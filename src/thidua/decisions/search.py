"""The decisions in the site's search (common/search.py): by their document's number
or summary."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.fts import contains_words
from thidua.common.search import SearchIndex, register_search

from .selectors import decisions_for_user

__all__ = ["search_decisions"]


def search_decisions(user, query):
    if query.document_number:
        condition = Q(issued_document__search_text__startswith=query.key)
    else:
        condition = contains_words(list(query.words), "issued_document__")
    return decisions_for_user(user).filter(condition).order_by("-created_at", "-pk")


register_search(
    SearchIndex(
        "decisions",
        _("Quyết định khen thưởng"),
        order=50,
        search=search_decisions,
        template="decisions/search/_decision.html",
    )
)
