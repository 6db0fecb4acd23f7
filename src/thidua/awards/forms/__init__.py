from .register import AnnulForm, AwardForm

__all__ = ["AnnulForm", "AwardForm"]
