import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.nominations.models import Nomination, NominationRound

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF"


def test_round_proposal_dossier_and_appraisal_through_the_pages(client_for, org):
    officer = client_for("officer")
    officer.post(
        reverse("nominations:round-create", args=[org.skhdt.pk]),
        {
            "name": "Xét khen thưởng năm 2025",
            "kind": "hang_nam",
            "year": 2025,
            "submission_deadline": "31/12/2099",
        },
    )
    round_ = NominationRound.objects.get()
    head = client_for("unit_head")
    assert head.get(round_.get_absolute_url()).context["can_propose"] is True
    response = head.post(
        reverse("nominations:nomination-create", args=[round_.pk]),
        {
            "proposing_unit": org.dkkd.pk,
            "person": org.people["dkkd_staff"].pk,
            "code": "LDTT",
            "award_type": "cong_trang",
            "summary": "Hoàn thành xuất sắc",
        },
    )
    nomination = Nomination.objects.get()
    assert response.url == nomination.get_absolute_url()
    page = head.get(nomination.get_absolute_url())
    assert [v["code"] for v in page.context["verdicts"]] == ["LDTT"]
    assert [done for _label, done in page.context["checklist"]] == [False, False]
    for kind in ("bao_cao_thanh_tich", "bien_ban_binh_xet"):
        head.post(
            reverse("nominations:nomination-attach", args=[nomination.pk]),
            {"kind": kind, "file": SimpleUploadedFile(f"{kind}.pdf", PDF)},
        )
    bad = head.post(
        reverse("nominations:nomination-attach", args=[nomination.pk]),
        {"kind": "khac", "file": SimpleUploadedFile("x.exe", b"MZ")},
        follow=True,
    )
    assert "Chỉ nhận tệp PDF" in bad.content.decode()
    move_url = reverse("nominations:nomination-move", args=[nomination.pk])
    # Not yet eligible (no rating on record): the unit is warned, sends it anyway.
    warned = head.post(move_url, {"to": "da_gui"})
    assert warned.context["warnings"]
    head.post(move_url, {"to": "da_gui", "van_gui": "1"})
    nomination.refresh_from_db()
    assert nomination.state == "da_gui"
    officer = client_for("officer")
    moves = [
        m.target for m in officer.get(nomination.get_absolute_url()).context["moves"]
    ]
    assert moves == ["tra_lai", "da_tham_dinh"]
    officer.post(
        reverse("nominations:nomination-move", args=[nomination.pk]),
        {"to": "da_tham_dinh", "appraisal": "Đủ điều kiện theo Điều 24"},
    )
    nomination.refresh_from_db()
    assert (nomination.state, nomination.appraisal) == (
        "da_tham_dinh",
        "Đủ điều kiện theo Điều 24",
    )


def test_nominations_are_scoped(client_for, org):
    from thidua.nominations.services.nomination import create_nomination, open_round

    round_ = open_round(
        agency=org.skhdt,
        name="Đợt 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people["dkkd_staff"], code="LDTT"
    )
    for role, status in [
        ("other_officer", 404),
        ("staff", 404),
        ("officer", 200),
        ("unit_head", 200),
    ]:
        assert (
            client_for(role).get(nomination.get_absolute_url()).status_code == status
        ), role
    assert client_for("other_officer").get(round_.get_absolute_url()).status_code == 404
    response = client_for("staff").post(
        reverse("nominations:nomination-move", args=[nomination.pk]), {"to": "da_gui"}
    )
    assert response.status_code == 404


def test_round_page_checks_the_list_against_the_quotas(client_for, org):
    """NĐ 91/2017 Art 9 cl.3: CSTĐCS at most 15 % of the unit's LĐTT. Seven LĐTT in
    Phòng ĐKKD allow one CSTĐCS; the second, later in the list, is flagged."""
    from tests.factories import make_person
    from thidua.nominations.services.nomination import create_nomination, open_round

    round_ = open_round(
        agency=org.skhdt,
        name="Xét 2023",
        kind="hang_nam",
        year=2023,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    people = [make_person(org.dkkd, f"Lê Văn Thi {i}") for i in range(7)]
    for person in people:
        create_nomination(round_, proposing_unit=org.dkkd, person=person, code="LDTT")
    first, second = (
        create_nomination(round_, proposing_unit=org.dkkd, person=p, code="CSTDCS")
        for p in people[:2]
    )
    page = client_for("officer").get(round_.get_absolute_url())
    text = page.content.decode()
    assert "7 cá nhân đạt LĐTT, tối đa 1 CSTĐCS (15 %), đề nghị 2" in text
    flagged = [n for n in page.context["nominations"] if n.over_quota]
    assert flagged == [second] and "Vượt tỉ lệ" in flagged[0].over_quota
    assert first.pk not in page.context["quotas"].exceeding
    new_round = open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    text = client_for("officer").get(new_round.get_absolute_url()).content.decode()
    assert "không quy định tỷ lệ" in text  # 2024+ regimes ship no caps


def test_round_page_queries_do_not_grow_with_the_list(client_for, org):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_person
    from thidua.nominations.services.nomination import create_nomination, open_round

    round_ = open_round(
        agency=org.skhdt,
        name="Xét 2023",
        kind="hang_nam",
        year=2023,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    client = client_for("officer")
    counts = []
    for size in (2, 12):
        while round_.nominations.count() < size:
            person = make_person(org.dkkd, f"Đỗ Văn Số {round_.nominations.count()}")
            create_nomination(
                round_, proposing_unit=org.dkkd, person=person, code="LDTT"
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(round_.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
