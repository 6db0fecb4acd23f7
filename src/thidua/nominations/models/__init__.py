from .evidence import DossierEvidence
from .nomination import (
    Nomination,
    NominationAttachment,
    NominationEvent,
    NominationRound,
)
from .notice import NoticeComment, PublicNotice
from .reevaluation import NominationVerdict, ReevaluationRun, VerdictChange
from .report import AchievementReport
from .unit_file import UnitAttachment

__all__ = [
    "AchievementReport",
    "DossierEvidence",
    "Nomination",
    "NominationAttachment",
    "NominationEvent",
    "NominationVerdict",
    "NoticeComment",
    "PublicNotice",
    "NominationRound",
    "ReevaluationRun",
    "UnitAttachment",
    "VerdictChange",
]
