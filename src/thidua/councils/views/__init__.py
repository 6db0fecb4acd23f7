"""Council pages: meetings run by the secretary (``meeting``), the members' ballot
papers and the public receipt check (``voting``)."""

from .meeting import (
    MeetingActionView,
    MeetingCreateView,
    MeetingDetailView,
    MinutesFileView,
    PaperResultView,
)
from .voting import BoxProgressView, ReceiptCheckView, VoteView

__all__ = [
    "BoxProgressView",
    "MeetingActionView",
    "MeetingCreateView",
    "MeetingDetailView",
    "MinutesFileView",
    "PaperResultView",
    "ReceiptCheckView",
    "VoteView",
]
