from .nomination import Nomination, NominationAttachment, NominationEvent, ReviewRound
from .notice import NoticeComment, PublicNotice

__all__ = [
    "Nomination",
    "NominationAttachment",
    "NominationEvent",
    "NoticeComment",
    "PublicNotice",
    "ReviewRound",
]
