import datetime

import pytest
import time_machine
from django.urls import reverse

from thidua.movements.models import MovementReport
from thidua.movements.services.dissemination import confirm_delivery
from thidua.movements.services.movement import transition_movement

from .factories import ISSUED_ON, issue_movement, make_movement

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(org):
    with time_machine.travel(datetime.date(2026, 2, 5)):
        movement = issue_movement(make_movement(org), issued_on=ISSUED_ON)
    with time_machine.travel(datetime.date(2026, 2, 10)):
        confirm_delivery(
            movement.deliveries.get(agency=org.dkkd),
            confirmed_on=datetime.date(2026, 2, 9),
            staff_reached=2,
        )
    return transition_movement(movement, "dang_thuc_hien")


def test_interim_review_is_prefilled_edited_and_issued(client_for, running, org):
    client = client_for("officer")
    response = client.post(
        reverse("movements:review-create", args=[running.pk]), {"kind": "so_ket"}
    )
    review = MovementReport.objects.get()
    assert response.url == reverse(
        "movements:review-edit", args=[running.pk, review.pk]
    )
    texts = [s["text"] for s in review.sections]
    assert texts[0].startswith(
        "1/2 đơn vị đã tổ chức quán triệt văn bản phát động đến 2 "
    )
    assert "Chưa xác nhận quán triệt: Văn phòng Sở." in texts[0]
    assert review.title.startswith("Sơ kết phong trào thi đua")
    issue = reverse("movements:review-issue", args=[running.pk, review.pk])
    refused = client.post(issue, follow=True).content.decode()
    assert "Chưa đủ nội dung để ban hành:" in refused and "Tồn tại, hạn chế" in refused
    form = client.get(reverse("movements:review-edit", args=[running.pk, review.pk]))
    data = dict(form.context["form"].initial)
    for i, section in enumerate(review.sections):
        data[f"section_{i}_title"] = section["title"]
        data[f"section_{i}_text"] = section["text"] or "Một số đơn vị quán triệt chậm."
    client.post(reverse("movements:review-edit", args=[running.pk, review.pk]), data)
    issued = client.post(issue, follow=True)
    review.refresh_from_db()
    running.refresh_from_db()
    assert review.issued_document.symbol == "02/BC-SKHĐT"
    told = [str(m) for m in issued.context["messages"]]
    assert told[-1] == (
        f"Đã ban hành báo cáo số 02/BC-SKHĐT ngày "
        f"{review.issued_document.issued_on:%d/%m/%Y}."
    )
    assert running.state == "da_so_ket"
    edit = client.post(
        reverse("movements:review-edit", args=[running.pk, review.pk]), data
    )
    assert "Báo cáo đã ban hành không được sửa." in edit.content.decode()


def test_reviews_need_a_running_movement_and_the_office(client_for, org):
    draft = make_movement(org)
    client = client_for("officer")
    response = client.post(
        reverse("movements:review-create", args=[draft.pk]),
        {"kind": "tong_ket"},
        follow=True,
    )
    assert (
        "Chỉ sơ kết, tổng kết phong trào đang thực hiện." in response.content.decode()
    )
    assert (
        client_for("other_officer")
        .post(reverse("movements:review-create", args=[draft.pk]), {"kind": "so_ket"})
        .status_code
        == 404
    )


def test_review_sections_and_confirmation_notes_are_stored_in_nfc(running, org):
    import unicodedata

    from thidua.movements.services.review import draft_review, update_review

    def nfd(text):
        return unicodedata.normalize("NFD", text)

    review = draft_review(running, "so_ket")
    sections = [
        {"title": nfd(s["title"]), "text": nfd("Đã triển khai.\r\n\r\nTốt.")}
        for s in review.sections
    ]
    update_review(
        review,
        title=nfd("Sơ kết phong trào"),
        sections=sections,
        signer_title=nfd("Giám đốc"),
        signer_name=nfd("Vũ Hoàng Quý"),
    )
    review.refresh_from_db()
    assert review.title == "Sơ kết phong trào"
    assert review.sections[0]["text"] == "Đã triển khai.\n\nTốt."
    assert all(
        unicodedata.is_normalized("NFC", s["title"] + s["text"])
        for s in review.sections
    )
    with time_machine.travel(datetime.date(2026, 2, 10)):
        delivery = confirm_delivery(
            running.deliveries.get(agency=org.vp),
            confirmed_on=datetime.date(2026, 2, 9),
            staff_reached=1,
            note=nfd("Đã quán triệt tại cuộc họp giao ban."),
        )
    delivery.refresh_from_db()
    assert delivery.note == "Đã quán triệt tại cuộc họp giao ban."


def test_a_second_interim_report_leaves_the_movement_where_it_is(running):
    """Sơ kết 6 tháng, then sơ kết năm: both are issued, the movement stays đã sơ kết."""
    from thidua.movements.services.review import (
        draft_review,
        issue_review,
        update_review,
    )

    for _ in range(2):
        review = draft_review(running, "so_ket")
        update_review(
            review,
            title=review.title,
            sections=[{**s, "text": s["text"] or "Nội dung."} for s in review.sections],
            signer_title="Giám đốc",
            signer_name="Vũ Hoàng Quý",
        )
        issue_review(review)
        running.refresh_from_db()
        assert running.state == "da_so_ket"
    assert running.reviews.filter(issued_document__isnull=False).count() == 2
