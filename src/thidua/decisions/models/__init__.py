from .decision import Decision, DecisionItem

__all__ = ["Decision", "DecisionItem"]
