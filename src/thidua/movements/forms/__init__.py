from .dissemination import ConfirmForm
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
from .progress import IndicatorForm, ProgressForm
from .registration import RegistrationForm
from .reviews import ReviewForm

__all__ = [
    "ConfirmForm",
    "IndicatorForm",
    "ProgressForm",
    "RegistrationForm",
    "ReviewForm",
    "SECTION_FORMSETS",
    "ContentItemForm",
    "DutyForm",
    "ImplementedDocumentForm",
    "MovementForm",
    "ParentMovementForm",
    "PurposeForm",
    "RecipientForm",
]
