"""Administrators edit the layout of each document kind (JSON checked against NĐ 30)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.common.services.audit import log_action

from ..models import DocumentLayout
from ..rendering import Layout, LayoutError

__all__ = ["save_layout"]


def save_layout(kind: str, text: str, *, actor=None) -> DocumentLayout:
    """Store a layout after checking every value against the decree's ranges."""
    try:
        layout = Layout.from_json(
            text
        )  # checks every value against the decree's ranges
    except LayoutError as exc:
        raise ValidationError({"layout": exc.problems}) from exc
    with transaction.atomic():
        row, _created = DocumentLayout.objects.select_for_update().get_or_create(
            kind=kind, defaults={"layout": layout.to_dict()}
        )
        before = row.layout
        row.layout = layout.to_dict()
        row.updated_by = actor if actor is not None and actor.is_authenticated else None
        row.save()
        log_action(
            row,
            "documents.layout",
            actor=actor,
            changes={
                k: [before.get(k), v]
                for k, v in row.layout.items()
                if before.get(k) != v
            },
        )
    return row
