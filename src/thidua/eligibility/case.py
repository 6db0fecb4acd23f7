"""The case format: ``parse_case`` validates a decoded JSON case into the records of
:mod:`thidua.eligibility.records`.

Every key except ``review_year`` and ``subject.kind`` is optional; unknown keys are
rejected so that a misspelt field cannot silently drop a fact. Errors raise
:class:`~thidua.eligibility.errors.CaseError` with one Vietnamese line naming the
field. The format is documented in ``docs/eligibility.md``.
"""

from datetime import date
from typing import Any

from .catalog import (
    AWARD_TYPES,
    CODES,
    COLLECTIVE_CODES,
    DISCIPLINE_FORMS,
    INDIVIDUAL,
    INDIVIDUAL_CODES,
    KINDS,
    RATING_RANK,
    SCOPE_RANK,
    TITLE_CODES,
)
from .errors import CaseError
from .records import (
    Award,
    Case,
    CollectiveYear,
    Discipline,
    Initiative,
    Subject,
    Year,
)
from .validate import (
    MAX_YEAR,
    MIN_YEAR,
    bad_key,
    check_bool,
    check_choice,
    check_count,
    check_date,
    check_list,
    check_object,
    check_str,
    check_year,
    fail_type,
)

__all__ = [
    "Award",
    "Case",
    "CollectiveYear",
    "Discipline",
    "Initiative",
    "Subject",
    "Year",
    "parse_case",
    "MIN_YEAR",
    "MAX_YEAR",
]

INITIATIVE_KINDS = ("sang_kien", "de_tai_khcn", "muu_tri")
CLUSTER_LEVELS = ("bo_tinh", "trung_uong")
MOVEMENT_LAUNCHERS = ("bo_tinh", "thu_tuong")
_COLLECTIVE_COUNTS = (
    "members",
    "members_completed",
    "members_ldtt",
    "members_cstdcs",
    "members_disciplined",
)


_CASE_KEYS = frozenset({"review_year", "regime", "codes", "subject", "received_on"})
_SUBJECT_KEYS = frozenset(
    {
        "kind",
        "id",
        "name",
        "recruited_on",
        "armed_forces",
        "years",
        "initiatives",
        "awards",
        "discipline",
        "under_review",
    }
)
_INDIVIDUAL_YEAR_KEYS = frozenset({"rating", "titles", "absent_days"})
_COLLECTIVE_YEAR_KEYS = frozenset(
    {"rating", "titles", "leads_cluster", "leads_movement", *_COLLECTIVE_COUNTS}
)
_INITIATIVE_KEYS = frozenset({"year", "scope", "kind", "id"})
_AWARD_KEYS = frozenset({"code", "type", "year", "decision_date", "id"})
_DISCIPLINE_KEYS = frozenset({"form", "from", "to"})
_MOVEMENT_KEYS = frozenset({"launcher", "years"})
_INDIVIDUAL_TITLES = frozenset(INDIVIDUAL_CODES) & TITLE_CODES
_COLLECTIVE_TITLES = frozenset(COLLECTIVE_CODES) & TITLE_CODES
_FORM_CODES = frozenset(CODES) - TITLE_CODES
NAMES_SET = frozenset(CODES)
_NO_TITLES: frozenset[str] = frozenset()


def parse_case(data: Any, *, regimes: Any = None) -> Case:
    """Validate a decoded JSON case and return a :class:`Case`.

    ``regimes`` is the collection of accepted regime names; the engine passes its
    registry (without it any string is accepted here). Raises :class:`CaseError`
    on the first problem found.
    """
    if type(data) is not dict:
        raise fail_type("case", "đối tượng JSON", data)
    data = check_object(data, "", _CASE_KEYS)
    if "review_year" not in data:
        raise CaseError("review_year", "thiếu trường bắt buộc")
    review_year = check_year(data["review_year"], "review_year")
    regime = data.get("regime")
    if regime is not None:
        regime = (
            check_str(regime, "regime")
            if regimes is None
            else check_choice(regime, "regime", regimes)
        )
    codes = None
    if data.get("codes") is not None:
        raw = check_list(data["codes"], "codes")
        seen: dict[str, None] = {}
        for i, code in enumerate(raw):
            seen[check_choice(code, f"codes[{i}]", NAMES_SET)] = None
        codes = tuple(seen)
    if "subject" not in data:
        raise CaseError("subject", "thiếu trường bắt buộc")
    subject = _parse_subject(data["subject"])
    _nothing_after(subject, review_year)
    received = data.get("received_on")
    if received is not None:
        received = check_date(received, "received_on")
        if received.year < review_year:
            raise CaseError(
                "received_on",
                f"{received.isoformat()} trước năm xét {review_year}: hồ sơ chỉ được "
                "tiếp nhận sau khi có thành tích",
            )
    return Case(
        review_year=review_year,
        subject=subject,
        regime=regime,
        codes=codes,
        received_on=received,
    )


# Luật Thi đua, khen thưởng 2003 (the oldest law the engine models) took effect on
# 01/07/2004: the first year whose achievements it judged.
EARLIEST_REVIEW_YEAR = 2004


def check_review_year_range(data: Any, today: date) -> None:
    """For a case typed by a person (CLI, API): a review year before the oldest law
    the engine models, or after next year, is a typing mistake — say so, naming the
    field, instead of judging it. (Records of the registry are judged for any year.)"""
    if type(data) is not dict or type(data.get("review_year")) is not int:
        return  # parse_case names what is wrong with it
    year = data["review_year"]
    if year < EARLIEST_REVIEW_YEAR:
        raise CaseError(
            "review_year",
            f"{year} trước năm {EARLIEST_REVIEW_YEAR}, năm đầu áp dụng Luật Thi đua, "
            "khen thưởng 2003: chưa có quy định để xét",
        )
    if year > today.year + 1:
        raise CaseError(
            "review_year", f"{year} sau năm {today.year + 1}: chưa thể xét thành tích"
        )


def _nothing_after(subject: Subject, review_year: int) -> None:
    """Achievements are judged up to the review year: a rating, an initiative or an
    award of a later year is a mistake in the input (a wrong year, or the wrong case),
    not something to ignore silently."""
    after = f"sau năm xét {review_year}: chỉ dùng thành tích đến năm xét"
    for year in subject.years:
        if year > review_year:
            raise CaseError(f"subject.years.{year}", f"năm {year} {after}")
    for i, item in enumerate(subject.initiatives):
        if item.year > review_year:
            raise CaseError(f"subject.initiatives[{i}].year", f"{item.year} {after}")
    for i, award in enumerate(subject.awards):
        if award.period_end > review_year:
            field = "year" if award.year is not None else "decision_date"
            raise CaseError(
                f"subject.awards[{i}].{field}",
                f"khen thưởng cho thành tích năm {award.period_end} {after}",
            )


def _parse_subject(raw: Any) -> Subject:
    raw = check_object(raw, "subject", _SUBJECT_KEYS)
    if "kind" not in raw:
        raise CaseError("subject.kind", "thiếu trường bắt buộc")
    kind = check_choice(raw["kind"], "subject.kind", KINDS)
    get = raw.get
    value = get("recruited_on")
    recruited = None if value is None else check_date(value, "subject.recruited_on")
    value = get("armed_forces")
    armed = False if value is None else check_bool(value, "subject.armed_forces")
    value = get("under_review")
    review = None if value is None else check_bool(value, "subject.under_review")
    years = {}
    value = get("years")
    if value is not None:
        if type(value) is not dict:
            raise fail_type("subject.years", "đối tượng JSON", value)
        individual = kind == INDIVIDUAL
        for key, record in value.items():
            years[_year_key(key)] = _parse_year(record, key, individual)
    # List items get their field path only when one of them is wrong.
    value = get("initiatives")
    initiatives = (
        []
        if value is None
        else [
            _parse_initiative(v, "subject.initiatives", i)
            for i, v in enumerate(check_list(value, "subject.initiatives"))
        ]
    )
    value = get("awards")
    awards = (
        []
        if value is None
        else [
            _parse_award(v, f"subject.awards[{i}]")
            for i, v in enumerate(check_list(value, "subject.awards"))
        ]
    )
    value = get("discipline")
    discipline = (
        []
        if value is None
        else [
            _parse_discipline(v, f"subject.discipline[{i}]")
            for i, v in enumerate(check_list(value, "subject.discipline"))
        ]
    )
    value = get("id")
    ident = None if value is None else check_str(value, "subject.id")
    value = get("name")
    name = None if value is None else check_str(value, "subject.name")
    return Subject(
        kind,
        recruited,
        armed,
        years,
        initiatives,
        awards,
        discipline,
        review,
        ident,
        name,
    )


_YEAR_KEYS = {str(y): y for y in range(MIN_YEAR, MAX_YEAR + 1)}


def _year_key(key: Any) -> int:
    y = _YEAR_KEYS.get(key) if type(key) is str else None
    if y is not None:
        return y
    if type(key) is not str or len(key) != 4 or not key.isdigit() or not key.isascii():
        raise CaseError(f"subject.years.{key}", "năm phải có dạng YYYY")
    y = int(key)
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise CaseError(
            f"subject.years.{key}", f"{y} ngoài khoảng {MIN_YEAR}–{MAX_YEAR}"
        )
    return y


def _parse_titles(titles: Any, key: str, individual: bool) -> frozenset[str]:
    allowed = _INDIVIDUAL_TITLES if individual else _COLLECTIVE_TITLES
    if type(titles) is list:
        try:
            held = frozenset(titles)
        except TypeError:
            held = None
        # Fast path: one C-level subset test; the loop below only finds the culprit.
        if held is not None and held <= allowed:
            return held
    path = f"subject.years.{key}"
    for i, code in enumerate(check_list(titles, f"{path}.titles")):
        if type(code) is str and code in allowed:
            continue
        tpath = f"{path}.titles[{i}]"
        check_choice(code, tpath, NAMES_SET)
        if code in _FORM_CODES:
            raise CaseError(
                tpath, f'"{code}" là hình thức khen thưởng, ghi trong subject.awards'
            )
        where = "cá nhân" if individual else "tập thể"
        raise CaseError(tpath, f'"{code}" không phải danh hiệu của {where}')
    raise CaseError(f"{path}.titles", "không hợp lệ")  # pragma: no cover


def _parse_year(raw: Any, key: str, individual: bool) -> Year:
    # Hot path of parsing (10 years per subject): field paths are only built
    # when something is wrong.
    if type(raw) is not dict:
        raise fail_type(f"subject.years.{key}", "đối tượng JSON", raw)
    allowed = _INDIVIDUAL_YEAR_KEYS if individual else _COLLECTIVE_YEAR_KEYS
    if not allowed.issuperset(raw):
        raise bad_key(raw, allowed, f"subject.years.{key}")
    get = raw.get
    rating = get("rating")
    if rating is not None and (type(rating) is not str or rating not in RATING_RANK):
        check_choice(rating, f"subject.years.{key}.rating", RATING_RANK)
    titles = get("titles")
    held = _parse_titles(titles, key, individual) if titles else _NO_TITLES
    if individual:
        absent = get("absent_days")
        if absent is not None:
            absent = check_count(absent, f"subject.years.{key}.absent_days")
        return Year(rating, held, absent)
    path = f"subject.years.{key}"
    counts = [get(name) for name in _COLLECTIVE_COUNTS]
    for name, n in zip(_COLLECTIVE_COUNTS, counts, strict=True):
        if n is not None and (type(n) is not int or n < 0):
            check_count(n, f"{path}.{name}")
    members = counts[0]
    if members is not None:
        for name, n in zip(_COLLECTIVE_COUNTS[1:], counts[1:], strict=True):
            if n is not None and n > members:
                raise CaseError(
                    f"{path}.{name}", f"{n} lớn hơn số thành viên ({members})"
                )
    y = CollectiveYear(rating, held, None, *counts)
    if get("leads_cluster") is not None:
        y.leads_cluster = check_choice(
            raw["leads_cluster"], f"{path}.leads_cluster", CLUSTER_LEVELS
        )
    if get("leads_movement") is not None:
        mpath = f"{path}.leads_movement"
        m = check_object(raw["leads_movement"], mpath, _MOVEMENT_KEYS)
        for k in ("launcher", "years"):
            if k not in m:
                raise CaseError(f"{mpath}.{k}", "thiếu trường bắt buộc")
        y.movement_launcher = check_choice(
            m["launcher"], f"{mpath}.launcher", MOVEMENT_LAUNCHERS
        )
        y.movement_years = check_count(m["years"], f"{mpath}.years")
    return y


def _parse_initiative(raw: Any, where: str, index: int) -> Initiative:
    # Fast path for the common shape {"year": int, "scope": str}.
    if type(raw) is dict and len(raw) == 2:
        year, scope = raw.get("year"), raw.get("scope")
        if (
            type(year) is int
            and MIN_YEAR <= year <= MAX_YEAR
            and type(scope) is str
            and scope in SCOPE_RANK
        ):
            return Initiative(year, scope)
    path = f"{where}[{index}]"
    raw = check_object(raw, path, _INITIATIVE_KEYS)
    for k in ("year", "scope"):
        if k not in raw:
            raise CaseError(f"{path}.{k}", "thiếu trường bắt buộc")
    item = Initiative(
        year=check_year(raw["year"], f"{path}.year"),
        scope=check_choice(raw["scope"], f"{path}.scope", SCOPE_RANK),
    )
    if raw.get("kind") is not None:
        item.kind = check_choice(raw["kind"], f"{path}.kind", INITIATIVE_KINDS)
    if raw.get("id") is not None:
        item.id = check_str(raw["id"], f"{path}.id")
    return item


def _parse_award(raw: Any, path: str) -> Award:
    raw = check_object(raw, path, _AWARD_KEYS)
    if "code" not in raw:
        raise CaseError(f"{path}.code", "thiếu trường bắt buộc")
    code = check_choice(raw["code"], f"{path}.code", NAMES_SET)
    if code in TITLE_CODES:
        raise CaseError(
            f"{path}.code",
            f'"{code}" là danh hiệu thi đua, ghi trong subject.years.<năm>.titles',
        )
    kind = "cong_trang"
    if raw.get("type") is not None:
        kind = check_choice(raw["type"], f"{path}.type", AWARD_TYPES)
    year = (
        check_year(raw["year"], f"{path}.year") if raw.get("year") is not None else None
    )
    decided = (
        check_date(raw["decision_date"], f"{path}.decision_date")
        if raw.get("decision_date") is not None
        else None
    )
    if year is None and decided is None:
        raise CaseError(f"{path}.year", "cần year hoặc decision_date")
    if year is not None and decided is not None and decided.year < year:
        raise CaseError(
            f"{path}.decision_date",
            f'"{decided.isoformat()}" trước năm thành tích {year}',
        )
    award = Award(code=code, type=kind, year=year, decision_date=decided)
    if raw.get("id") is not None:
        award.id = check_str(raw["id"], f"{path}.id")
    return award


def _parse_discipline(raw: Any, path: str) -> Discipline:
    raw = check_object(raw, path, _DISCIPLINE_KEYS)
    for k in ("form", "from"):
        if k not in raw:
            raise CaseError(f"{path}.{k}", "thiếu trường bắt buộc")
    form = check_choice(raw["form"], f"{path}.form", DISCIPLINE_FORMS)
    start = check_date(raw["from"], f"{path}.from")
    end = None
    if raw.get("to") is not None:
        end = check_date(raw["to"], f"{path}.to")
        if end < start:
            raise CaseError(
                f"{path}.to",
                f'"{end.isoformat()}" trước ngày bắt đầu "{start.isoformat()}"',
            )
    return Discipline(form=form, start=start, end=end)
