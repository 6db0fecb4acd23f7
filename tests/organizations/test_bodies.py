import datetime

import pytest
from django.urls import reverse

from thidua.organizations.models import Cluster, Council
from thidua.organizations.services.structure import add_cluster_member

pytestmark = pytest.mark.django_db


def test_officer_creates_a_council_and_ends_a_seat(client_for, org):
    client = client_for("officer")
    response = client.post(
        reverse("organizations:council-create", args=[org.skhdt.pk]),
        {
            "name": "Hội đồng TĐKT Sở KH&ĐT nhiệm kỳ 2026–2030",
            "established_by": "Quyết định số 12/QĐ-SKHĐT",
            "term_start": "02/01/2026",
        },
    )
    council = Council.objects.get(name__endswith="2026–2030")
    assert response.url == council.get_absolute_url()
    assert council.term_start == datetime.date(2026, 1, 2)
    seat = org.council.members.get(person=org.people["secretary"])
    url = reverse("organizations:council-member-end", args=[org.council.pk, seat.pk])
    response = client.post(url, {"end_date": "01/01/2020"}, follow=True)
    assert "Ngày thôi phải sau ngày bắt đầu 01/01/2022." in response.content.decode()
    client.post(url, {"end_date": "31/12/2025"})
    seat.refresh_from_db()
    assert seat.end_date == datetime.date(2025, 12, 31)


def test_secretary_ends_a_seat_but_a_member_cannot(client, users, org):
    seat = org.council.members.get(person=org.people["head"])
    url = reverse("organizations:council-member-end", args=[org.council.pk, seat.pk])
    client.force_login(users["council_member"])
    assert client.post(url, {"end_date": "31/12/2025"}).status_code == 403
    client.force_login(users["council_secretary"])
    assert client.post(url, {"end_date": "31/12/2025"}).status_code == 302
    client.force_login(users["other_officer"])
    assert client.post(url, {"end_date": "31/12/2025"}).status_code == 404
    seat.refresh_from_db()
    assert seat.end_date == datetime.date(2025, 12, 31)


def test_province_officer_runs_a_cluster(client, users, org):
    from thidua.accounts.services import grant_role

    grant_role(users["higher_officer"], "officer", agency=org.province)
    client.force_login(users["higher_officer"])
    response = client.post(
        reverse("organizations:cluster-create", args=[org.province.pk]),
        {"name": "Khối các sở kinh tế", "short_name": "KTKT", "kind": "khoi"},
    )
    cluster = Cluster.objects.get(short_name="KTKT")
    assert response.url == cluster.get_absolute_url()
    client.post(
        reverse("organizations:cluster-member-add", args=[cluster.pk]),
        {"agency": org.skhdt.pk, "from_year": 2025},
    )
    add_cluster_member(cluster, agency=org.other, from_year=2025)
    response = client.post(
        reverse("organizations:cluster-leadership", args=[cluster.pk]),
        {"year": 2025, "leader": org.skhdt.pk, "deputy": org.skhdt.pk},
    )
    assert response.context["form"].errors["deputy"] == [
        "Cụm phó phải khác cụm trưởng."
    ]
    client.post(
        reverse("organizations:cluster-leadership", args=[cluster.pk]),
        {"year": 2025, "leader": org.skhdt.pk, "deputy": org.other.pk},
    )
    leadership = cluster.leaderships.get(year=2025)
    assert (leadership.leader, leadership.deputy) == (org.skhdt, org.other)
    response = client.get(cluster.get_absolute_url())
    assert "Phân công cụm trưởng, cụm phó" in response.content.decode()
