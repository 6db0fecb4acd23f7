from .nomination import Nomination, NominationAttachment, NominationEvent, ReviewRound

__all__ = ["Nomination", "NominationAttachment", "NominationEvent", "ReviewRound"]
