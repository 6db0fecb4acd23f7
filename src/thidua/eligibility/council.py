"""The Hội đồng TĐKT secret-ballot threshold of a title, as data.

A regime lists, per catalog code, the threshold the law sets (:class:`CouncilVote`:
a share of all council members, at least, with its legal source). An issuer's quy
chế overrides it through the policy: ``council_vote_shares`` per code, or
``council_vote_share`` for every code. :func:`resolve_vote` applies that order;
``thidua.eligibility.council_threshold`` answers it for one regime and code.
"""

from dataclasses import dataclass
from fractions import Fraction

from .policy import Policy
from .results import UNVERIFIED, VERIFIED_SECONDARY, Citation

__all__ = ["ALL_MEMBERS", "CouncilVote", "resolve_vote"]

ALL_MEMBERS = "all_members"
ISSUER_SOURCE = "Quy chế của cơ quan"
SETTING_NOTE = "chưa kiểm chứng, là tham số chính sách council_vote_shares"


@dataclass(frozen=True, slots=True)
class CouncilVote:
    """Agreeing votes needed: at least ``share`` of ``basis`` (``all_members`` or
    ``present``). ``source`` is the legal basis as printed in a council's records;
    ``tag`` its confidence (an unverified one is a policy default)."""

    share: Fraction
    source: str
    basis: str = ALL_MEMBERS
    tag: str = VERIFIED_SECONDARY

    @property
    def citation(self) -> Citation:
        """The source as the engine cites it (an unverified one says so)."""
        citation = Citation(self.source, self.tag)
        return citation.with_note(SETTING_NOTE) if self.tag == UNVERIFIED else citation


def resolve_vote(
    policy: Policy, code: str, law: CouncilVote | None
) -> CouncilVote | None:
    """The issuer's share for ``code``, else the issuer's share for every code, else
    the law's threshold ``law``; ``None`` when none is set (the council's quy chế)."""
    share = dict(policy.council_vote_shares).get(code, policy.council_vote_share)
    if share is None:
        return law
    source = f"Quy chế của {policy.issuer}" if policy.issuer else ISSUER_SOURCE
    return CouncilVote(share, source, policy.council_vote_base)
