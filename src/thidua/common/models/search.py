from collections.abc import Iterable

from django.db import models

from thidua.common.text import search_words

__all__ = ["SearchTextMixin"]


class SearchTextMixin(models.Model):
    """A ``search_text`` column: the folded words of the row (docs/search.md), written
    by ``save()`` from :meth:`search_parts`, cut to the column's length.

    A save limited by ``update_fields`` to any of ``SEARCH_SOURCES`` writes the column
    too. A model may redeclare ``search_text`` with another ``max_length``.
    ``bulk_create`` and ``update()`` bypass ``save()``: their callers fill the column.
    """

    search_text = models.CharField(
        max_length=600, editable=False, db_index=True, default=""
    )

    # The fields search_parts() reads (a foreign key by its name).
    SEARCH_SOURCES: frozenset[str] = frozenset()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        limit = self._meta.get_field("search_text").max_length
        self.search_text = search_words(*self.search_parts())[:limit]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and self.SEARCH_SOURCES & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def search_parts(self) -> Iterable[str | None]:
        raise NotImplementedError
