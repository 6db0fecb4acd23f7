from .delivery import Delivery
from .indicator import Indicator, ProgressReport
from .movement import (
    ContentItem,
    Duty,
    ImplementedDocument,
    Movement,
    ParentMovement,
    Purpose,
    Recipient,
)
from .plan import AwardUnit, MovementAward, MovementFunding, MovementRound
from .registration import Registration, RegistrationEntry
from .report import MovementReport

__all__ = [
    "AwardUnit",
    "MovementAward",
    "MovementFunding",
    "MovementRound",
    "ContentItem",
    "Delivery",
    "Duty",
    "ImplementedDocument",
    "Indicator",
    "Movement",
    "ParentMovement",
    "ProgressReport",
    "Purpose",
    "Recipient",
    "Registration",
    "RegistrationEntry",
    "MovementReport",
]
