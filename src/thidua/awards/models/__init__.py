from .award import Award, new_verification_code
from .subject import AwardSubject, once_per_subject, one_subject

__all__ = [
    "Award",
    "AwardSubject",
    "new_verification_code",
    "once_per_subject",
    "one_subject",
]
