"""thidua.eligibility: the law of thi đua – khen thưởng as versioned, cited rules.

Pure Python (standard library only, no Django). Evaluates an individual or a
collective for a review year against every title and award of the catalog,
under the regime in force for that year, and says why, article by article.

Entry points for callers (CLI, API endpoint, registry adapter):

* :func:`check_case` — case JSON (decoded dict) → output JSON (dict).
* :func:`evaluate` — the same with objects (:class:`Report`, :class:`Result`).
* :class:`Engine` — one issuer's policy, compiled once, for many subjects.
* :func:`cash_award` — cash amount of a title or award on a decision date.
* :func:`check_quotas` — quotas over one unit's or agency's candidate list.
* :func:`forecast` — what a subject could qualify for next year, and what is missing.
* :func:`explain` — a rule with its citations.
* :func:`council_threshold` — the council's secret-ballot threshold of a title
  under a regime, with its legal source (:class:`CouncilVote`).

Bad input raises :class:`CaseError`; ``str(error)`` is one Vietnamese line that
names the field. See ``docs/eligibility.md``.
"""

from .case import Case, parse_case
from .catalog import CODES, NAMES
from .council import CouncilVote
from .engine import Engine, check_case, evaluate
from .errors import CaseError
from .policy import Policy, Quota
from .regimes import REGIMES, council_threshold, regime_in_force_on, select_regime
from .results import BLOCKED, ELIGIBLE, NOT_ELIGIBLE, Report, Result

__all__ = [
    "BLOCKED",
    "CODES",
    "ELIGIBLE",
    "NAMES",
    "NOT_ELIGIBLE",
    "REGIMES",
    "Case",
    "CaseError",
    "CouncilVote",
    "Engine",
    "Policy",
    "Quota",
    "Report",
    "Result",
    "check_case",
    "council_threshold",
    "evaluate",
    "parse_case",
    "regime_in_force_on",
    "select_regime",
]
