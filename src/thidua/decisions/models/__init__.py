from .award import Award
from .decision import Decision, DecisionItem

__all__ = ["Award", "Decision", "DecisionItem"]
