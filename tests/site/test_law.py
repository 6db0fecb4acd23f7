"""The system administrators' page on the law (issue #16, point 7): the regimes in
words with their texts, dates, review years and transition; the law-level settings;
the agencies' own choices; the council's thresholds; the base salary table; the bases
with an admin note; the button that re-evaluates the open dossiers. Nobody else finds
the page, and it shows no developer mark. The officers' list of changed verdicts and
the nomination's page."""

import datetime
from fractions import Fraction
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from thidua.eligibility import REGIMES, Policy, Quota
from thidua.nominations.models import ReevaluationRun
from thidua.site.selectors import law, law_words

from ..common.marks import developer_marks
from ..nominations.test_reevaluation import (  # noqa: F401 (fixtures)
    CSTDCS_BOTH,
    checked,
    world,
)

pytestmark = pytest.mark.django_db

LAW_URL = "/phap-luat/che-do/"
ROLES = (
    "officer",
    "unit_head",
    "council_member",
    "council_secretary",
    "staff",
    "higher_officer",
    "other_officer",
    "head",
    "deputy",
    "clerk",
)


def test_the_url_is_vietnamese():
    assert reverse("law") == LAW_URL
    assert reverse("nominations:reevaluation") == "/phap-luat/danh-gia-lai/"


def test_the_admin_reads_the_law_in_words(client_for, org):
    org.skhdt.eligibility_policy = {
        "ttldtt_min_share_ldtt": "1/2",
        "quota_rounding": "floor",  # as the default: not listed
        "council_vote_shares": {"CSTDCS": 0.9},
    }
    org.skhdt.save(update_fields=["eligibility_policy"])
    page = client_for("admin").get(LAW_URL)
    assert page.status_code == 200
    body = page.content.decode()
    for regime in REGIMES.values():
        assert regime.label in body
        for text in regime.basis:
            assert text in body
    assert body.count('data-testid="regime-current"') == 1
    assert "từ ngày 01/10/2026" in body and "từ năm 2026" in body
    assert "từ ngày 01/01/2024 đến hết ngày 30/06/2025" in body
    assert "đến hết ngày 31/12/2023" in body and "đến năm 2023" in body
    assert "Hồ sơ tiếp nhận trước ngày 01/10/2026 được xét theo cả" in body
    assert (
        "Chiến sĩ thi đua cơ sở cần hoàn thành xuất sắc nhiệm vụ và có sáng kiến"
        in (body)
    )
    assert 'data-testid="law-change-cstdcs_htxs_and_initiative"' in body
    assert "THIDUA_" not in body  # setting names are in the docs, not on pages
    # The agency's choices, by the regime in force: TTLĐTT from 70 %, not strict.
    assert "theo quy chế của cơ quan" in body and org.skhdt.name in body
    assert "Tỉ lệ cá nhân đạt Lao động tiên tiến" in body and "50 %" in body
    assert "Chiến sĩ thi đua cơ sở: 90 %" in body
    assert "Cách làm tròn số người" not in body
    # The council's thresholds with their source, and the base salary with its date.
    assert "Từ 9/10 tổng số thành viên hội đồng trở lên (90 %)" in body
    assert "NĐ 98/2023/NĐ-CP, Điều 30, khoản 7" in body
    assert "01/07/2024" in body and "2.340.000 đ" in body and "NĐ 73/2024/NĐ-CP" in body
    assert "Ghi chú cho quản trị" in body and "lệnh giải thích quy tắc xét" in body
    assert 'data-testid="reevaluate"' in body
    assert 'data-testid="menu-law"' in body
    assert developer_marks(body) == []
    for code in REGIMES:
        assert code not in body


def test_nobody_else_finds_the_page(client_for, client):
    for role in ROLES:
        page = client_for(role).get(LAW_URL)
        assert page.status_code == 404, role
        menu = client_for(role).get(reverse("dashboard")).content.decode()
        assert 'data-testid="menu-law"' not in menu, role
        assert "Ghi chú cho quản trị" not in page.content.decode()


def test_a_setting_turned_on_is_shown_on(client_for):
    with override_settings(
        THIDUA_LAW2026_CHANGES=CSTDCS_BOTH,
        THIDUA_COUNCIL_NOT_REQUIRED_CODES=["GIAY_KHEN"],
    ):
        body = client_for("admin").get(LAW_URL).content.decode()
    row = body.split('data-testid="law-change-cstdcs_htxs_and_initiative"')[1]
    assert "Đang bật" in row.split("</tr>")[0]
    assert "không qua Hội đồng: Giấy khen." in body


def test_the_button_reevaluates_once_and_the_officers_read_what_changed(
    world,  # noqa: F811 (fixture)
    checked,  # noqa: F811 (fixture)
    client_for,
    django_capture_on_commit_callbacks,
):
    checked()
    admin = client_for("admin")
    with (
        override_settings(THIDUA_LAW2026_CHANGES=CSTDCS_BOTH),
        django_capture_on_commit_callbacks(execute=True),
    ):
        answer = admin.post(reverse("nominations:reevaluate"))
    assert answer.status_code == 302 and answer["Location"] == LAW_URL
    run = ReevaluationRun.objects.order_by("-pk").first()
    assert run.trigger == "quan_tri" and run.changed_count == 2
    body = admin.get(LAW_URL).content.decode()
    assert 'data-testid="reevaluation-latest"' in body
    assert "2 hồ sơ thay đổi kết quả" in body

    # The officer of Sở KH&ĐT reads his dossier's change, not Sở Tài chính's.
    page = client_for("officer").get(reverse("nominations:reevaluation"))
    body = page.content.decode()
    assert page.status_code == 200
    assert world["cstdcs"].subject_name in body
    assert world["theirs"].subject_name not in body
    assert "Đủ điều kiện" in body and "Chưa đủ điều kiện" in body
    assert world["cstdcs"].get_absolute_url() in body
    assert developer_marks(body) == []
    other = client_for("other_officer").get(run.get_absolute_url()).content.decode()
    assert world["theirs"].subject_name in other
    assert world["cstdcs"].subject_name not in other
    staff = client_for("staff").get(run.get_absolute_url()).content.decode()
    assert "Không có hồ sơ nào bạn được xem thay đổi kết quả" in staff

    # The dossier's page says its verdict changed, and when.
    detail = client_for("officer").get(world["cstdcs"].get_absolute_url())
    body = detail.content.decode()
    assert 'data-testid="verdict-change"' in body
    assert "đã thay đổi khi đánh giá lại ngày" in body
    assert developer_marks(body) == []
    unchanged = client_for("officer").get(world["ldtt"].get_absolute_url())
    assert 'data-testid="verdict-change"' not in unchanged.content.decode()


def test_asking_while_a_run_waits_says_so(world, client_for):  # noqa: F811 (fixture)
    admin = client_for("admin")
    admin.post(reverse("nominations:reevaluate"))
    answer = admin.post(reverse("nominations:reevaluate"), follow=True)
    assert ReevaluationRun.objects.count() == 1
    body = answer.content.decode()
    assert "Đang đánh giá lại hồ sơ đang mở theo một yêu cầu trước" in body
    assert 'data-testid="reevaluation-active"' in body


def test_no_run_yet(client_for):
    body = client_for("officer").get(reverse("nominations:reevaluation"))
    assert 'data-testid="no-reevaluation"' in body.content.decode()


def test_others_cannot_ask_for_a_run(world, client_for):  # noqa: F811 (fixture)
    for role in ROLES:
        answer = client_for(role).post(reverse("nominations:reevaluate"))
        assert answer.status_code == 404, role
    assert not ReevaluationRun.objects.exists()


# --- The page's reads ---------------------------------------------------------------


def test_settings_an_agency_cannot_have_are_named_not_applied(org):
    org.skhdt.eligibility_policy = {"quota_rounding": "sideways"}
    org.skhdt.save(update_fields=["eligibility_policy"])
    org.other.eligibility_policy = {"quota_rounding": "floor"}
    org.other.save(update_fields=["eligibility_policy"])
    choices = {c.agency.pk: c for c in law.agency_choices(datetime.date(2026, 12, 1))}
    assert "quota_rounding" in choices[org.skhdt.pk].error
    assert choices[org.skhdt.pk].rows == []
    assert choices[org.other.pk].error == "" and choices[org.other.pk].rows == []


def test_inherited_choices_and_law_settings(org):
    org.province.eligibility_policy = {"giay_khen_min_rating": "HTT"}
    org.province.save(update_fields=["eligibility_policy"])
    org.skhdt.eligibility_policy = {"law2026_cstdcs_htxs_and_initiative": True}
    org.skhdt.save(update_fields=["eligibility_policy"])
    with override_settings(THIDUA_LAW2026_CHANGES=CSTDCS_BOTH):
        choices = {c.agency.pk: c for c in law.agency_choices()}
    # Sở KH&ĐT inherits the province's; the law's setting is not the agency's choice.
    assert choices[org.skhdt.pk].rows == [
        (
            "Mức xếp loại tối thiểu để được tặng Giấy khen",
            "hoàn thành tốt nhiệm vụ",
            "không đặt",
        )
    ]


def test_a_pass_rule_setting_that_cannot_be_read_is_named():
    with override_settings(THIDUA_COUNCIL_PASS_RULES_ND152={"CSTDCS": "nhiều"}):
        rows = {r.label: r for r in law.regime_rows(datetime.date(2026, 12, 1))}
    rules = dict(rows[REGIMES["nd152_2025"].label].thresholds)
    assert rules["Chiến sĩ thi đua cơ sở"].startswith("Cấu hình không hợp lệ")
    old = dict(rows[REGIMES["nd91_2017"].label].thresholds)
    assert "Chiến sĩ thi đua cơ sở" not in old  # NĐ 91 sets none: the council's rule


def test_review_years_in_words():
    def years(first, last):
        return law._years(
            SimpleNamespace(first_review_year=first, last_review_year=last)
        )

    assert years(None, 2023) == "đến năm 2023"
    assert years(2026, None) == "từ năm 2026"
    assert years(2024, 2024) == "năm 2024"
    assert years(2024, 2025) == "từ năm 2024 đến năm 2025"


def test_the_base_salary_in_force_on_a_day():
    rows = law.base_salaries(datetime.date(2025, 1, 1))
    current = [row for row in rows if row[3]]
    assert current == [("01/07/2024", "2.340.000 đ", "NĐ 73/2024/NĐ-CP", True)]
    assert not any(row[3] for row in law.base_salaries(datetime.date(2018, 1, 1)))


def test_every_policy_field_has_words():
    assert set(Policy.__dataclass_fields__) <= set(law_words.POLICY_FIELDS)
    assert set(law_words.LAW2026_CHANGES) == set(settings.LAW2026_CHANGE_NAMES)


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("nd91_guards", True, "có"),
        ("hcld3_use_nd91_criteria", False, "không"),
        ("bk_ttg_collective_htxs_years", None, "không đặt"),
        ("quota_rounding", "half_up", "làm tròn đến số gần nhất"),
        ("council_vote_base", "present", "số thành viên có mặt"),
        ("council_vote_share", Fraction(2, 3), "2/3"),
        ("ttldtt_min_share_ldtt", Fraction(7, 10), "70 %"),
        ("council_vote_shares", (), "không đặt"),
        (
            "council_vote_shares",
            (("CO_CP", Fraction(4, 5)),),
            "Cờ thi đua của Chính phủ: 80 %",
        ),
        (
            "cash_multiples",
            (("HCLD_3", Fraction(9, 2)),),
            "Huân chương Lao động hạng Ba: 4,5",
        ),
        ("quotas", (), "không đặt"),
        (
            "quotas",
            (Quota("CSTDCS", "LDTT", Fraction(15, 100)),),
            "Chiến sĩ thi đua cơ sở không quá 15 % số Lao động tiên tiến mỗi đơn vị",
        ),
        (
            "quotas",
            (Quota("CO_CP", "cluster_leaders", Fraction(1, 5), "list"),),
            "Cờ thi đua của Chính phủ không quá 20 % số đơn vị dẫn đầu cụm, khối cả "
            "danh sách",
        ),
        ("ldtt_excluding_discipline", "canh_cao", "cảnh cáo"),
        ("giay_khen_min_rating", "HTXS", "hoàn thành xuất sắc nhiệm vụ"),
        ("collective_cash_factor", Fraction(2), "2"),
        ("cash_rounding_unit", 10_000, "10.000"),
        ("ldtt_max_absent_days", 40, "40"),
        ("issuer", "", "không đặt"),
        ("issuer", "UBND tỉnh Lạng Sơn", "UBND tỉnh Lạng Sơn"),
    ],
)
def test_policy_values_in_words(name, value, words):
    assert law_words.policy_value(name, value) == words


def test_numbers_as_vietnamese_writes_them():
    assert law_words.number(Fraction(1, 8)) == "0,125"
    assert law_words.number(Fraction(1, 3)) == "1/3"
    assert law_words.number(Fraction(3, 2)) == "1,5"
    assert law_words.number(Fraction(101, 100)) == "1,01"
    assert law_words.money(2_530_000) == "2.530.000 đ"
    assert law_words.share(Fraction(1, 3)) == "1/3"
