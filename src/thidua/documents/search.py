"""The outgoing documents in the site's search (common/search.py): by number or
summary."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.fts import contains_words
from thidua.common.search import SearchIndex, register_search

from .selectors import issued_documents_for_user

__all__ = ["search_documents"]


def search_documents(user, query):
    if query.document_number:
        condition = Q(search_text__startswith=query.key)
    else:
        condition = contains_words(list(query.words))
    return (
        issued_documents_for_user(user)
        .filter(condition)
        .order_by("-year", "-number", "-pk")
    )


register_search(
    SearchIndex(
        "documents",
        _("Văn bản đi"),
        order=60,
        search=search_documents,
        template="documents/search/_document.html",
    )
)
