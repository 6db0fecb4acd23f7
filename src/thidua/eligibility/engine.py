"""The engine: evaluate a case against the catalog under its regime and policy.

Public entry points (also re-exported by ``thidua.eligibility``):

* ``check_case(data, policy=None) -> dict``: decoded case JSON in, output JSON
  out; raises :class:`CaseError` on bad input. This is what the CLI and the API
  call.
* ``evaluate(case, policy=None) -> Report``: the same from a parsed
  :class:`Case` (or a dict), returning objects.
* :class:`Engine`: keeps compiled regimes for one policy; use one per issuer
  when evaluating many subjects (the benchmark does).
"""

from typing import Any

from .case import Case, parse_case
from .catalog import KIND_NAMES, codes_for_kind
from .history import History
from .policy import Policy
from .regime import CompiledRegime
from .regimes import REGIMES, choose_regime, get_regime
from .results import BLOCKED, NOT_ELIGIBLE, Report, Result

__all__ = ["Engine", "check_case", "evaluate"]

# Older regime → the newer one whose rules a dossier received under it may take.
_FAVOURABLE = {r.favourable_over: n for n, r in REGIMES.items() if r.favourable_over}


class Engine:
    """Evaluates cases for one issuer's policy.

    ``policy`` is either a dict of overrides (applied on top of each regime's
    default policy, e.g. ``{"quotas": [...], "council_vote_share": 0.9}``) or a
    complete :class:`Policy` used for every regime. Overrides are validated
    here, so a bad policy fails before any case is read.
    """

    def __init__(self, policy: dict[str, Any] | Policy | None = None) -> None:
        self._compiled: dict[str, CompiledRegime] = {}
        self._policies: dict[str, Policy] = {}
        for name, regime in REGIMES.items():
            if isinstance(policy, Policy):
                self._policies[name] = policy
            else:
                self._policies[name] = regime.default_policy.with_overrides(policy)

    def policy(self, regime: str) -> Policy:
        """The effective policy for ``regime``."""
        get_regime(regime)
        return self._policies[regime]

    def compiled(self, regime: str) -> CompiledRegime:
        compiled = self._compiled.get(regime)
        if compiled is None:
            compiled = get_regime(regime).compile(self._policies[regime])
            self._compiled[regime] = compiled
        return compiled

    def parse(self, data: Any) -> Case:
        """Validate a decoded case (raises :class:`CaseError`)."""
        return parse_case(data, regimes=REGIMES)

    def evaluate(self, case: Case) -> Report:
        """Evaluate ``case`` against its codes (default: the whole catalog for
        the subject's kind) under its regime — and, for a dossier received before a
        newer regime that applies its rules where more favourable, under both."""
        name = case.regime or choose_regime(case.review_year, case.received_on)
        report = self._evaluate(case, name)
        if case.regime is None and case.received_on is not None:
            newer = _FAVOURABLE.get(name)
            if newer is not None and REGIMES[newer].covers_year(case.review_year):
                report.more_favourable(self._evaluate(case, newer))
        return report

    def _evaluate(self, case: Case, name: str) -> Report:
        compiled = self._compiled.get(name) or self.compiled(name)
        kind = case.subject.kind
        rules = compiled.rules[kind]
        h = History(
            case,
            rules,
            apply_discipline=compiled.apply_guards,
            include_partial_year=compiled.include_partial_year,
        )
        guards = compiled.guard_items(h)
        results = []
        append = results.append
        verdict = h.verdict
        for code in case.codes or codes_for_kind(kind):
            rule = rules.get(code)
            if rule is not None:
                status, outcomes = verdict(code)
                append(Result(code, status, guards, rule.specs, outcomes))
            else:
                # A title of the other kind (LĐTT for a collective): not an input
                # error, the answer is simply "not eligible, wrong kind of subject".
                append(
                    Result(
                        code,
                        BLOCKED if h.blocked else NOT_ELIGIBLE,
                        guards,
                        (compiled.mismatch[(code, kind)],),
                        [(False, KIND_NAMES[kind])],
                    )
                )
        return Report(
            name,
            case.review_year,
            results,
            received_on=case.received_on,
            chosen=case.regime is not None,
        )

    def check(self, data: Any) -> Report:
        """Parse and evaluate a decoded case."""
        return self.evaluate(self.parse(data))

    def check_case(self, data: Any) -> dict[str, Any]:
        """Decoded case JSON in, output JSON (a dict) out."""
        return self.evaluate(self.parse(data)).to_dict()


_DEFAULT: Engine | None = None


def _engine(policy: dict[str, Any] | Policy | None) -> Engine:
    global _DEFAULT
    if policy is not None:
        return Engine(policy)
    if _DEFAULT is None:
        _DEFAULT = Engine()
    return _DEFAULT


def evaluate(
    case: Case | dict[str, Any], policy: dict[str, Any] | Policy | None = None
) -> Report:
    """Evaluate a :class:`Case` (or a decoded case dict) and return a :class:`Report`."""
    engine = _engine(policy)
    if not isinstance(case, Case):
        case = engine.parse(case)
    return engine.evaluate(case)


def check_case(
    data: Any, policy: dict[str, Any] | Policy | None = None
) -> dict[str, Any]:
    """The API contract: case JSON (decoded) → output JSON (a dict).

    Raises :class:`~thidua.eligibility.errors.CaseError` whose ``str()`` is the one-line Vietnamese message
    for a 400 answer.
    """
    return _engine(policy).check_case(data)
