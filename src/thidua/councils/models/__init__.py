from .ballot import Ballot, BallotParticipation, BallotResult, BallotRoster, BallotVote
from .meeting import AgendaItem, Attendance, Meeting, Recusal
from .rules import CouncilVotingRule

__all__ = [
    "AgendaItem",
    "Attendance",
    "Ballot",
    "BallotParticipation",
    "BallotResult",
    "BallotRoster",
    "BallotVote",
    "CouncilVotingRule",
    "Meeting",
    "Recusal",
]
