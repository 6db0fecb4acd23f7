"""The criteria (rule builders) shared by the regimes (see ``thidua.eligibility.regimes``):
``titles`` (danh hiệu thi đua), ``commendations`` (hình thức khen thưởng),
``collective`` (tập thể). Named criteria, not rules, because ``rules.py`` in every app
means permission predicates."""

from . import collective, commendations, titles
from .base import CompiledRule, RuleDef

__all__ = ["CompiledRule", "RuleDef", "collective", "commendations", "titles"]
