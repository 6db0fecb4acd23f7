"""The structure service's remaining answers: an agency saved unchanged stays at its
version, unaudited; an agency joins a cluster once; the cụm phó is a member that year;
a council seat is closed once. And what an anonymous caller or a plain member reads of
the tree and the signing pages: nothing."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from thidua.common.models import ActivityLog
from thidua.documents.selectors import signing_admin_agencies
from thidua.organizations.models import Cluster
from thidua.organizations.rules import is_officer
from thidua.organizations.selectors import agencies_for_user
from thidua.organizations.services.structure import (
    add_cluster_member,
    end_council_member,
    set_cluster_leadership,
    update_agency,
)

pytestmark = pytest.mark.django_db


def test_an_agency_saved_unchanged_is_not_a_new_version(org):
    entries = ActivityLog.objects.count()
    same = update_agency(
        org.dkkd, expected_version=org.dkkd.version, name=org.dkkd.name
    )
    assert same.version == org.dkkd.version
    assert ActivityLog.objects.count() == entries


def test_cluster_membership_and_leadership(org):
    cluster = Cluster.objects.get()
    with pytest.raises(ValidationError) as exc:
        add_cluster_member(cluster, agency=org.skhdt, from_year=2024)
    assert exc.value.message_dict == {"agency": ["Cơ quan này đã là thành viên cụm."]}
    with pytest.raises(ValidationError) as exc:
        set_cluster_leadership(cluster, year=2024, leader=org.skhdt, deputy=org.sknv)
    assert exc.value.message_dict == {
        "deputy": ["Cụm phó phải là thành viên của cụm trong năm đó."]
    }
    row = set_cluster_leadership(cluster, year=2024, leader=org.skhdt, deputy=org.other)
    assert (row.leader, row.deputy) == (org.skhdt, org.other)


def test_a_council_seat_is_closed_once(org):
    seat = org.council.members.get(person=org.people["secretary"])
    end_council_member(seat, end_date=datetime.date(2025, 12, 31))
    with pytest.raises(ValidationError, match="đã thôi tham gia hội đồng"):
        end_council_member(seat, end_date=datetime.date(2026, 1, 31))


def test_anonymous_and_plain_members_read_nothing_of_the_tree(org, users):
    anonymous = AnonymousUser()
    assert not agencies_for_user(anonymous).exists()
    assert not signing_admin_agencies(anonymous).exists()
    assert not is_officer.test(anonymous)
    assert not is_officer.test(users["staff"])
    assert is_officer.test(users["officer"])
    assert agencies_for_user(users["staff"]).count() == 8
