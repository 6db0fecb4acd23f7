import datetime
import io

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.awards.models import Award
from thidua.common.models import ActivityLog
from thidua.decisions.services.decision import draft_decision
from thidua.documents.services.render import render_issued_document
from thidua.eligibility.authority import can_decide
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
    open_round,
)

from ..council_paper import advance
from .factories import issued_decision

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7 %%EOF"


def decided(round_, org, person, code, users):
    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people[person], code=code
    )
    kinds = ["bao_cao_thanh_tich", "bien_ban_binh_xet"]
    if code.startswith("CSTD"):
        kinds.append("chung_nhan_sang_kien")
    for kind in kinds:
        add_attachment(nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", PDF))
    for to in ("da_gui", "da_tham_dinh", "trinh_hoi_dong", "hoi_dong_da_xet"):
        advance(nomination, to, actor=users["admin"])
    return nomination


@pytest.fixture
def round_(org):
    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save()
    return open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )


def test_authority_table_follows_the_dates():
    day = datetime.date(2025, 12, 30)
    assert can_decide("so_ban_nganh", "CSTDCS", day)
    assert not can_decide("so_ban_nganh", "CSTD_BO_TINH", day)
    assert not can_decide("xa", "CSTDCS", datetime.date(2025, 6, 30))
    assert can_decide("xa", "CSTDCS", datetime.date(2025, 7, 1))  # NĐ 129/2025
    assert not can_decide("huyen", "LDTT", datetime.date(2025, 7, 1))


def test_decision_outside_the_authority_is_refused(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    with pytest.raises(ValidationError) as exc:
        issued_decision(
            round_,
            [nomination],
            issued_on=datetime.date(2025, 12, 30),
            signer_title="Giám đốc",
            signer_name="Vũ Hoàng Quý",
        )
    assert "vượt thẩm quyền" in " ".join(exc.value.messages)


def test_decision_is_numbered_rendered_and_only_then_written_to_the_register(
    round_, org, users
):
    first = decided(round_, org, "dkkd_staff", "LDTT", users)
    second = decided(round_, org, "head", "CSTDCS", users)
    decision = issued_decision(
        round_,
        [first, second],
        issued_on=datetime.date(2026, 1, 15),
        signer_title="Giám đốc",
        signer_name="Vũ Hoàng Quý",
    )
    assert decision.issued_document.symbol == "01/QĐ-SKHĐT"
    amounts = list(decision.items.values_list("cash_amount", flat=True))
    assert amounts == [710_000, 2_340_000]  # 0.3 and 1.0 × 2,340,000 đ, rounded up
    first.refresh_from_db()
    assert first.state == "da_quyet_dinh"
    assert not Award.objects.exists()  # nothing in the register before the files exist
    render_issued_document(decision.issued_document.pk)
    decision.refresh_from_db()
    assert decision.awards_written and decision.issued_document.status == "ready"
    assert decision.state == "da_ghi_so"
    assert ActivityLog.objects.filter(action="decisions.register").count() == 1
    assert all(item.award.code == item.nomination.code for item in decision.items.all())
    awards = list(
        Award.objects.order_by("code").values_list(
            "code", "year", "cash_amount", "decision_number"
        )
    )
    assert awards == [
        ("CSTDCS", 2025, 2_340_000, "01/QĐ-SKHĐT"),
        ("LDTT", 2025, 710_000, "01/QĐ-SKHĐT"),
    ]
    first.refresh_from_db()
    assert first.state == "da_khen_thuong"
    render_issued_document(decision.issued_document.pk)  # idempotent
    assert Award.objects.count() == 2
    assert ActivityLog.objects.filter(action="decisions.register").count() == 1


def test_two_titles_of_one_year_for_one_person_pay_only_the_higher(round_, org, users):
    """NĐ 152/2025 Đ49 k5: LĐTT and CSTĐCS of 2025 decided together for the same
    person — same counting period — pay only the CSTĐCS; the basis says why."""
    ldtt = decided(round_, org, "head", "LDTT", users)
    cstdcs = decided(round_, org, "head", "CSTDCS", users)
    other = decided(round_, org, "dkkd_staff", "LDTT", users)
    decision = draft_decision(
        round_, [ldtt, cstdcs, other], planned_on=datetime.date(2026, 1, 15)
    )
    items = list(
        decision.items.order_by("position").values_list("cash_amount", "cash_basis")
    )
    assert [amount for amount, _basis in items] == [0, 2_340_000, 710_000]
    assert "NĐ 152/2025/NĐ-CP, Điều 49, khoản 5" in items[0][1]
    assert items[1][1] == "1 × 2.340.000 đ (NĐ 73/2024/NĐ-CP)"
    assert items[2][1] == "0,3 × 2.340.000 đ (NĐ 73/2024/NĐ-CP)"


def test_the_database_refuses_an_unknown_decision_state(round_, org, users):
    from django.db import IntegrityError, transaction

    from thidua.decisions.models import Decision

    decision = issued_decision(
        round_,
        [decided(round_, org, "dkkd_staff", "LDTT", users)],
        issued_on=datetime.date(2026, 1, 15),
        signer_title="Giám đốc",
        signer_name="Vũ Hoàng Quý",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(state="da_ky")


def test_officer_drafts_a_decision_from_the_round_page(client_for, round_, org, users):
    from django.urls import reverse

    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    other = decided(round_, org, "head", "CSTD_BO_TINH", users)
    client = client_for("officer")
    page = client.get(reverse("decisions:decision-create", args=[round_.pk]))
    assert [(n.pk, ok) for n, ok in page.context["rows"]] == [
        (other.pk, False),
        (nomination.pk, True),
    ]
    response = client.post(
        reverse("decisions:decision-create", args=[round_.pk]),
        {
            "nomination": [nomination.pk, other.pk],
            "planned_on": "15/01/2026",
            # No signer here any more: typed in, it is ignored.
            "signer_title": "GIÁM ĐỐC",
            "signer_name": "Ai Đó",
        },
    )
    assert response.status_code == 302  # the out-of-authority row is simply not offered
    detail = client.get(response.url)
    assert [i.nomination for i in detail.context["items"]] == [nomination]
    decision = detail.context["decision"]
    assert decision.state == "du_thao" and decision.issued_document is None
    assert (decision.signer_title, decision.signer_name) == ("", "")
    # Drafted once: not offered for another draft.
    page = client.get(reverse("decisions:decision-create", args=[round_.pk]))
    assert [n.pk for n, _ok in page.context["rows"]] == [other.pk]
    assert client_for("unit_head").get(response.url).status_code == 404
    assert (
        client_for("unit_head")
        .get(reverse("decisions:decision-create", args=[round_.pk]))
        .status_code
        == 403
    )


def test_officer_annuls_a_whole_decision(client_for, round_, org, users):
    from django.urls import reverse

    first = decided(round_, org, "dkkd_staff", "LDTT", users)
    second = decided(round_, org, "head", "CSTDCS", users)
    decision = issued_decision(
        round_,
        [first, second],
        issued_on=datetime.date(2026, 1, 15),
        signer_title="Giám đốc",
        signer_name="Vũ Hoàng Quý",
    )
    render_issued_document(decision.issued_document.pk)
    client = client_for("officer")
    url = reverse("decisions:decision-annul", args=[decision.pk])
    page = client.get(decision.get_absolute_url()).content.decode()
    assert url in page
    batch = reverse("decisions:decision-certificates", args=[decision.pk, "pdf"])
    assert batch in page
    for award in Award.objects.all():  # each line links its certificate and QR page
        assert reverse("awards:verify", args=[award.verification_code]) in page
        assert reverse("decisions:award-certificate", args=[award.pk, "pdf"]) in page
    pdf = pypdf.PdfReader(io.BytesIO(client.get(batch).content))
    assert len(pdf.pages) == 2  # one certificate per awardee
    assert "Vũ Hoàng Quý" in pdf.pages[0].extract_text()  # the decision's signer
    form = {
        "reason": "Hồ sơ kê khai sai",
        "annulment_decision": "05/QĐ-SKHĐT",
        "annulled_on": "01/03/2026",
    }
    assert client_for("staff").post(url, form).status_code == 404
    assert not Award.objects.filter(revoked=True).exists()
    client = client_for("officer")  # client_for logs the one test client in again
    response = client.post(url, form)
    assert response.status_code == 302
    assert Award.objects.filter(revoked=True).count() == 2
    decision.refresh_from_db()
    assert decision.state == "da_huy_bo"  # annulled as a whole, audited as such
    entry = ActivityLog.objects.get(action="decisions.annul")
    assert entry.data["reason"] == "Hồ sơ kê khai sai"
    assert entry.data["annulment_decision"] == "05/QĐ-SKHĐT"
    assert sorted(entry.data["awards"]) == sorted(
        Award.objects.values_list("pk", flat=True)
    )
    page = client.get(decision.get_absolute_url()).content.decode()
    assert url not in page and page.count("đã hủy bỏ") == 2
    assert "Đã hủy bỏ" in page
    again = client.post(url, form)  # nothing left: refused with a message, no change
    assert again.status_code == 200 and again.context["form"].non_field_errors()
    assert client.get(batch).status_code == 404  # nothing left to print
