from .nomination import Nomination, NominationAttachment, NominationEvent, ReviewRound
from .notice import NoticeComment, PublicNotice
from .submission import Submission, SubmissionItem

__all__ = [
    "Nomination",
    "NominationAttachment",
    "NominationEvent",
    "NoticeComment",
    "PublicNotice",
    "ReviewRound",
    "Submission",
    "SubmissionItem",
]
