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
    "Duty",
    "ImplementedDocument",
    "Movement",
    "ParentMovement",
    "Purpose",
    "Recipient",
]
