"""Per-subject indexes, built once per evaluation and shared by every rule.

Rules ask questions such as "how many consecutive years up to the review year
does the subject hold CSTĐCS, counting only years after the last discipline and
after the previous award of this form?". ``History`` answers them from plain
dicts and sets of ints, so each rule costs a few dict look-ups.
"""

from datetime import date

from .case import Case
from .catalog import NOT_PREREQUISITE_TYPES, RATING_RANK, SCOPE_RANK
from .results import BLOCKED, ELIGIBLE, NOT_ELIGIBLE

__all__ = ["History", "months_in_year"]

_EMPTY: frozenset[int] = frozenset()
_NEVER = 10_000  # a floor no year reaches: an open-ended discipline


def months_in_year(recruited: date, year: int) -> int:
    """Whole months served in ``year`` by someone recruited on ``recruited``.

    Recruited on 1 July → 6 months; on 2 July → 5 (six months are not complete
    by 31 December).
    """
    if recruited.year < year:
        return 12
    if recruited.year > year:
        return 0
    return 12 - recruited.month + (1 if recruited.day == 1 else 0)


class History:
    """What a rule may ask about one subject for one review year."""

    __slots__ = (
        "y",
        "kind",
        "subject",
        "years",
        "rating",
        "title_years",
        "initiatives",
        "floor",
        "discipline_end",
        "discipline_form",
        "blocked",
        "guard_failed",
        "memo",
        "_rules",
        "_verdicts",
        "_awards",
    )

    def __init__(
        self,
        case: Case,
        rules: dict,
        *,
        apply_discipline: bool = True,
        include_partial_year: bool = False,
    ) -> None:
        s = case.subject
        y = case.review_year
        self.y = y
        self.kind = s.kind
        self.subject = s
        self.years = s.years
        rating: dict[int, int] = {}
        title_years: dict[str, set[int]] = {}
        for year, record in s.years.items():
            if record.rating is not None:
                rating[year] = RATING_RANK[record.rating]
            for code in record.titles:
                bucket = title_years.get(code)
                if bucket is None:
                    title_years[code] = {year}
                else:
                    bucket.add(year)
        self.rating = rating
        self.title_years = title_years
        self.initiatives = [(i.year, SCOPE_RANK[i.scope]) for i in s.initiatives]
        self._awards = s.awards
        self.floor = 0
        self.discipline_end: date | None = None
        self.discipline_form: str | None = None
        if apply_discipline and s.discipline:
            self._discipline_floor(include_partial_year)
        self.blocked = False
        self.guard_failed = False
        self._rules = rules
        self._verdicts: dict[str, tuple[str, list]] = {}
        # Scratch space for rules that share work within one evaluation.
        self.memo: dict = {}

    def _discipline_floor(self, include_partial_year: bool) -> None:
        # NĐ 98 Art 4: after discipline, achievements count only from the day the
        # discipline period ends. Years are whole units of achievement, so a year
        # counts only if it starts on or after that day, unless the issuer's
        # policy also counts the year in which the period ends.
        last_day = date(self.y, 12, 31)
        floor = 0
        for d in self.subject.discipline:
            if d.start > last_day:
                continue  # after the review year: not part of this year's record
            if d.end is None:
                first = _NEVER
            elif include_partial_year or (d.end.month == 1 and d.end.day == 1):
                first = d.end.year
            else:
                first = d.end.year + 1
            if first > floor:
                floor = first
                self.discipline_end = d.end
                self.discipline_form = d.form
        self.floor = floor

    # -- titles and ratings ------------------------------------------------------

    def holds(self, code: str, year: int) -> bool:
        """Title held in ``year``; for the review year, the input or else the verdict."""
        years = self.title_years.get(code)
        if years is not None and year in years:
            return True
        return (
            year == self.y
            and (self._verdicts.get(code) or self.verdict(code))[0] == ELIGIBLE
        )

    def run_title(self, code: str, floor: int) -> int:
        """Consecutive years up to the review year holding ``code``, not before ``floor``."""
        year = self.y
        if year < floor or not self.holds(code, year):
            return 0
        years = self.title_years.get(code, _EMPTY)
        n = 1
        year -= 1
        while year >= floor and year in years:
            n += 1
            year -= 1
        return n

    def count_title(self, code: str, first: int, last: int) -> int:
        years = self.title_years.get(code, _EMPTY)
        n = sum(1 for year in years if first <= year <= last and year != self.y)
        if first <= self.y <= last and self.holds(code, self.y):
            n += 1
        return n

    def run_rating(self, min_rank: int, floor: int) -> int:
        """Consecutive years up to the review year rated at least ``min_rank``."""
        rating = self.rating
        year = self.y
        n = 0
        while year >= floor and rating.get(year, -1) >= min_rank:
            n += 1
            year -= 1
        return n

    def previous_title(self, code: str) -> int | None:
        """The latest year before the review year in which ``code`` was held."""
        years = self.title_years.get(code)
        if not years:
            return None
        earlier = [year for year in years if year < self.y]
        return max(earlier) if earlier else None

    # -- initiatives ---------------------------------------------------------------

    def count_initiatives(self, first: int, last: int, min_rank: int) -> int:
        n = 0
        for year, rank in self.initiatives:
            if first <= year <= last and rank >= min_rank:
                n += 1
        return n

    # -- awards ----------------------------------------------------------------------

    def previous_award(self, code: str) -> int | None:
        """End of the achievement period of the latest merit award of ``code``.

        NĐ 98 Art 30 cl.9: the next proposal of the same form counts from there.
        Only merit awards (công trạng) start a new count; đột xuất or chuyên đề
        awards are separate tracks.
        """
        last = None
        for award in self._awards:
            if award.code == code and award.type == "cong_trang":
                end = award.period_end
                if end < self.y and (last is None or end > last):
                    last = end
        return last

    def prerequisite_awards(self, code: str, after: int) -> tuple[list[int], int]:
        """Period ends of awards of ``code`` usable as a prerequisite, and how many
        were refused because they are đột xuất or chuyên đề (NĐ 98 Art 4)."""
        ends = []
        refused = 0
        for award in self._awards:
            if award.code != code:
                continue
            end = award.period_end
            if end > self.y or end < after:
                continue
            if award.type in NOT_PREREQUISITE_TYPES:
                refused += 1
            else:
                ends.append(end)
        ends.sort()
        return ends, refused

    # -- verdicts --------------------------------------------------------------------

    def status(self, code: str) -> str | None:
        """The status of ``code`` for the review year (memoised)."""
        verdict = self._verdicts.get(code)
        if verdict is None:
            verdict = self.verdict(code)
        return verdict[0]

    def verdict(self, code: str) -> tuple[str | None, list]:
        """``(status, outcomes)`` of ``code`` for the review year (memoised)."""
        verdict = self._verdicts.get(code)
        if verdict is not None:
            return verdict
        rule = self._rules.get(code)
        if rule is None:
            return (None, [])
        outcomes = rule.check(self)
        if self.blocked:
            status = BLOCKED
        elif self.guard_failed:
            status = NOT_ELIGIBLE
        else:
            status = ELIGIBLE
            for met, _found in outcomes:
                if met is False:
                    status = NOT_ELIGIBLE
                    break
        verdict = (status, outcomes)
        self._verdicts[code] = verdict
        return verdict
