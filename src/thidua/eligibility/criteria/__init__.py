"""The criteria (rule builders) shared by the regimes (see ``thidua.eligibility.regimes``):
``titles`` (danh hiệu thi đua), ``commendations`` (hình thức khen thưởng; the NĐ
91/2017 variants in ``commendations_nd91``), ``orders`` (Huân chương), ``collective``
(tập thể). Named criteria, not rules, because ``rules.py`` in every app
means permission predicates."""

from . import collective, commendations, commendations_nd91, orders, titles
from .base import CompiledRule, RuleDef

__all__ = [
    "CompiledRule",
    "RuleDef",
    "collective",
    "commendations",
    "commendations_nd91",
    "orders",
    "titles",
]
