from .award import Award, new_verification_code

__all__ = ["Award", "new_verification_code"]
