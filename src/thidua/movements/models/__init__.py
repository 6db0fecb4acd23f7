from .delivery import Delivery
from .movement import (
    ContentItem,
    Duty,
    ImplementedDocument,
    Movement,
    ParentMovement,
    Purpose,
    Recipient,
)
from .registration import Registration, RegistrationEntry

__all__ = [
    "ContentItem",
    "Delivery",
    "Duty",
    "ImplementedDocument",
    "Movement",
    "ParentMovement",
    "Purpose",
    "Recipient",
    "Registration",
    "RegistrationEntry",
]
