from .ballot import Ballot, BallotParticipation, BallotResult, BallotRoster, BallotVote
from .meeting import AgendaConflict, AgendaItem, Attendance, Meeting, Recusal
from .paper import PaperCouncilResult
from .pass_rules import CouncilVotingRule

__all__ = [
    "AgendaConflict",
    "AgendaItem",
    "Attendance",
    "Ballot",
    "BallotParticipation",
    "BallotResult",
    "BallotRoster",
    "BallotVote",
    "CouncilVotingRule",
    "Meeting",
    "PaperCouncilResult",
    "Recusal",
]
