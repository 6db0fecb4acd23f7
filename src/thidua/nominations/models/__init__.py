from .nomination import Nomination, NominationAttachment, NominationEvent, ReviewRound
from .notice import NoticeComment, PublicNotice
from .report import AchievementReport
from .submission import Submission, SubmissionItem

__all__ = [
    "AchievementReport",
    "Nomination",
    "NominationAttachment",
    "NominationEvent",
    "NoticeComment",
    "PublicNotice",
    "ReviewRound",
    "Submission",
    "SubmissionItem",
]
