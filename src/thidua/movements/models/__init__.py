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

__all__ = [
    "ContentItem",
    "Delivery",
    "Duty",
    "ImplementedDocument",
    "Movement",
    "ParentMovement",
    "Purpose",
    "Recipient",
]
