"""Rule builders shared by the regimes (see ``thidua.eligibility.regimes``)."""

from . import collective, forms, titles
from .base import CompiledRule, RuleDef

__all__ = ["CompiledRule", "RuleDef", "collective", "forms", "titles"]
