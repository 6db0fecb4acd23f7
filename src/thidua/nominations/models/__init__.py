from .nomination import Nomination, NominationAttachment, NominationEvent, ReviewRound
from .notice import NoticeComment, PublicNotice
from .report import AchievementReport

__all__ = [
    "AchievementReport",
    "Nomination",
    "NominationAttachment",
    "NominationEvent",
    "NoticeComment",
    "PublicNotice",
    "ReviewRound",
]
