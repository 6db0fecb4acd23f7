from .ballot import (
    Ballot,
    BallotBox,
    BallotParticipation,
    BallotReceipt,
    BallotResult,
    BallotRoster,
    BallotVote,
    SealedPaper,
)
from .meeting import AgendaConflict, AgendaItem, Attendance, Meeting, Recusal
from .paper import PaperCouncilResult
from .pass_rules import CouncilVotingRule

__all__ = [
    "AgendaConflict",
    "AgendaItem",
    "Attendance",
    "Ballot",
    "BallotBox",
    "BallotParticipation",
    "BallotReceipt",
    "BallotResult",
    "BallotRoster",
    "BallotVote",
    "CouncilVotingRule",
    "Meeting",
    "PaperCouncilResult",
    "Recusal",
    "SealedPaper",
]
