from .movement import (
    SECTION_FORMSETS,
    ContentItemForm,
    DutyForm,
    ImplementedDocumentForm,
    MovementForm,
    ParentMovementForm,
    PurposeForm,
    RecipientForm,
)

__all__ = [
    "SECTION_FORMSETS",
    "ContentItemForm",
    "DutyForm",
    "ImplementedDocumentForm",
    "MovementForm",
    "ParentMovementForm",
    "PurposeForm",
    "RecipientForm",
]
