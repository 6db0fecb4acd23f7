from .nomination import (
    Nomination,
    NominationAttachment,
    NominationEvent,
    NominationRound,
)
from .notice import NoticeComment, PublicNotice
from .report import AchievementReport

__all__ = [
    "AchievementReport",
    "Nomination",
    "NominationAttachment",
    "NominationEvent",
    "NoticeComment",
    "PublicNotice",
    "NominationRound",
]
