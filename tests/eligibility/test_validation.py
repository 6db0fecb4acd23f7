"""Bad input: one Vietnamese line naming the field, raised as CaseError."""

import pytest

from thidua.eligibility import CaseError, Engine, check_case

from . import person, yr

GOOD = person(2024, {2024: yr("HTT")})


def mutate(path: str, value):
    case = person(2024, {2024: yr("HTT")})
    node = case
    *parents, last = path.split(".")
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is KeyError:
        del node[last]
    else:
        node[last] = value
    return case


BAD = [
    (
        mutate("subject.years.2024.rating", "XS"),
        'subject.years.2024.rating: "XS" không hợp lệ',
    ),
    (mutate("review_year", KeyError), "review_year: thiếu trường bắt buộc"),
    (mutate("review_year", "2024"), 'review_year: phải là số nguyên, nhận "2024"'),
    (mutate("review_year", True), "review_year: phải là số nguyên, nhận true"),
    (mutate("review_year", 1900), "review_year: 1900 ngoài khoảng 1945–2100"),
    (mutate("review_year", 2101), "review_year: 2101 ngoài khoảng 1945–2100"),
    (mutate("codes", ["LDTT", "XYZ"]), 'codes[1]: "XYZ" không hợp lệ'),
    (mutate("regime", "nd99_2099"), 'regime: "nd99_2099" không hợp lệ'),
    (mutate("subject.kind", "team"), 'subject.kind: "team" không hợp lệ'),
    (mutate("subject.kind", KeyError), "subject.kind: thiếu trường bắt buộc"),
    (
        mutate("subject.recruited_on", "2023-02-30"),
        'subject.recruited_on: "2023-02-30" không phải ngày hợp lệ (YYYY-MM-DD)',
    ),
    (
        mutate("subject.recruited_on", "20230201"),
        'subject.recruited_on: "20230201" không phải ngày hợp lệ (YYYY-MM-DD)',
    ),
    (
        mutate("subject.recruited_on", "1900-01-01"),
        'subject.recruited_on: "1900-01-01" ngoài khoảng 1945–2100',
    ),
    (
        mutate("subject.years.2024.titles", ["CSTD"]),
        'subject.years.2024.titles[0]: "CSTD" không hợp lệ',
    ),
    (
        mutate("subject.years.2024.titles", ["BK_TTG"]),
        'subject.years.2024.titles[0]: "BK_TTG" là hình thức khen thưởng, ghi trong subject.awards',
    ),
    (
        mutate("subject.years.2024.titles", ["TTLDXS"]),
        'subject.years.2024.titles[0]: "TTLDXS" không phải danh hiệu của cá nhân',
    ),
    (
        mutate("subject.years.2024.titles", "LDTT"),
        'subject.years.2024.titles: phải là danh sách, nhận "LDTT"',
    ),
    (
        mutate("subject.years.2024.ratng", "HTT"),
        "subject.years.2024.ratng: trường không được hỗ trợ",
    ),
    (
        mutate("subject.years.1899", {"rating": "HTT"}),
        "subject.years.1899: 1899 ngoài khoảng 1945–2100",
    ),
    (
        mutate("subject.years.24", {"rating": "HTT"}),
        "subject.years.24: năm phải có dạng YYYY",
    ),
    (
        mutate("subject.under_review", "no"),
        'subject.under_review: phải là true hoặc false, nhận "no"',
    ),
    (
        mutate("subject.initiatives", [{"year": 2024, "scope": "tinh"}]),
        'subject.initiatives[0].scope: "tinh" không hợp lệ',
    ),
    (
        mutate("subject.initiatives", [{"scope": "co_so"}]),
        "subject.initiatives[0].year: thiếu trường bắt buộc",
    ),
    (
        mutate("subject.awards", [{"code": "BK_TTG", "type": "dot_xuat"}]),
        "subject.awards[0].year: cần year hoặc decision_date",
    ),
    (
        mutate("subject.awards", [{"code": "LDTT", "year": 2020}]),
        'subject.awards[0].code: "LDTT" là danh hiệu thi đua, ghi trong subject.years.<năm>.titles',
    ),
    (
        mutate("subject.awards", [{"code": "BK_TTG", "type": "thuong", "year": 2020}]),
        'subject.awards[0].type: "thuong" không hợp lệ',
    ),
    (
        mutate(
            "subject.discipline",
            [{"form": "canh_cao", "from": "2024-03-01", "to": "2024-01-01"}],
        ),
        'subject.discipline[0].to: "2024-01-01" trước ngày bắt đầu "2024-03-01"',
    ),
    (
        mutate("subject.discipline", [{"form": "phat", "from": "2024-03-01"}]),
        'subject.discipline[0].form: "phat" không hợp lệ',
    ),
    (mutate("subject.extra", 1), "subject.extra: trường không được hỗ trợ"),
    ([1, 2], "case: phải là đối tượng JSON, nhận [1, 2]"),
]


@pytest.mark.parametrize(
    ("case", "message"), BAD, ids=[m.split(":")[0] for _, m in BAD]
)
def test_bad_input_names_the_field(case, message):
    with pytest.raises(CaseError) as raised:
        check_case(case)
    assert str(raised.value) == message
    assert "\n" not in str(raised.value)


def test_collective_counts_are_checked_against_members():
    case = {
        "review_year": 2024,
        "subject": {
            "kind": "collective",
            "years": {"2024": {"rating": "HTXS", "members": 20, "members_ldtt": 21}},
        },
    }
    with pytest.raises(
        CaseError,
        match=r"^subject\.years\.2024\.members_ldtt: 21 lớn hơn số thành viên \(20\)$",
    ):
        check_case(case)


def test_individual_year_rejects_collective_fields():
    case = mutate("subject.years.2024.members", 3)
    with pytest.raises(
        CaseError, match=r"^subject\.years\.2024\.members: trường không được hỗ trợ$"
    ):
        check_case(case)


def test_bad_policy_is_rejected_before_any_case():
    with pytest.raises(CaseError, match=r'^policy\.cash_rounding: "up" không hợp lệ$'):
        Engine({"cash_rounding": "up"})
    with pytest.raises(
        CaseError, match=r"^policy\.nonsense: trường không được hỗ trợ$"
    ):
        Engine({"nonsense": 1})
    with pytest.raises(
        CaseError, match=r"^policy\.quotas\[0\]\.max_share: 1\.5 ngoài khoảng 0–1$"
    ):
        Engine({"quotas": [{"code": "CSTDCS", "base": "LDTT", "max_share": 1.5}]})


def test_good_case_passes():
    assert check_case(GOOD)["results"][0]["code"] == "LDTT"


def test_year_keys_must_be_strings():
    case = {"review_year": 2024, "subject": {"kind": "individual", "years": {2024: {}}}}
    with pytest.raises(
        CaseError, match=r"^subject\.years\.2024: năm phải có dạng YYYY$"
    ):
        check_case(case)
