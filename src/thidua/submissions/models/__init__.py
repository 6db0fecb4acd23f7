from .submission import Submission, SubmissionItem

__all__ = ["Submission", "SubmissionItem"]
