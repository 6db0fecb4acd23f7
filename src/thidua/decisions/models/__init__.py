from .award import Award

__all__ = ["Award"]
