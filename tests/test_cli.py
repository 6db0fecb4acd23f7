"""The `thidua` console command, the embedded database settings, the demo data."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.backends.sqlite3.base import DatabaseWrapper

from thidua.accounts.models import User
from thidua.common.services.audit import verify_chain


def run_thidua(*args, tmp_path):
    env = {
        **os.environ,
        "THIDUA_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "thidua.settings.base",
    }
    env.pop("THIDUA_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "thidua.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_console_command_maps_dashed_names(tmp_path):
    result = run_thidua(
        "import-staff", "--template", str(tmp_path / "mau.xlsx"), tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "mau.xlsx").stat().st_size > 1000


def test_embedded_sqlite_runs_in_wal_mode_with_immediate_transactions(
    tmp_path, django_db_blocker
):
    wrapper = DatabaseWrapper(
        {
            **settings.DATABASES["default"],
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp_path / "x.sqlite3"),
            "OPTIONS": settings.SQLITE_OPTIONS,
            "TIME_ZONE": None,
            "CONN_HEALTH_CHECKS": False,
            "CONN_MAX_AGE": 0,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "TEST": {},
        },
    )
    with django_db_blocker.unblock(), wrapper.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 2  # FULL
    assert wrapper.transaction_mode == "IMMEDIATE"
    wrapper.close()


@pytest.mark.django_db
def test_createadmin_makes_an_admin_and_refuses_weak_passwords(monkeypatch, capsys):
    from django.core.management import CommandError

    monkeypatch.setenv("THIDUA_ADMIN_PASSWORD", "mot-mat-khau-quan-tri-dai")
    call_command("createadmin", username="it.admin")
    admin = User.objects.get(username="it.admin")
    assert admin.roles.get().role == "admin"
    monkeypatch.setenv("THIDUA_ADMIN_PASSWORD", "123")
    with pytest.raises(CommandError):
        call_command("createadmin", username="it.admin2")
    assert not User.objects.filter(username="it.admin2").exists()


@pytest.mark.django_db
def test_demo_data_holds_the_seed_agency_and_one_account_per_role():
    from thidua.accounts.enums import Role
    from thidua.demo.loader import DEMO_PASSWORD, demo_accounts, load_demo
    from thidua.organizations.models import (
        Agency,
        Assessment,
        Cluster,
        Council,
        DisciplineRecord,
        Initiative,
        Person,
    )

    load_demo()
    skhdt = Agency.objects.get(code="SKHĐT")
    assert skhdt.abbreviation == "SKHĐT" and skhdt.parent.abbreviation == "UBND"
    units = set(skhdt.children.values_list("name", flat=True))
    assert {
        "Văn phòng Sở",
        "Thanh tra Sở",
        "Phòng Đăng ký kinh doanh",
        "Trung tâm Xúc tiến đầu tư",
    } <= units
    staff = Person.objects.filter(unit__in=skhdt.descendants(include_self=True))
    assert 90 <= staff.count() <= 110
    assert staff.filter(full_name="Vũ Hoàng Quý", position="Giám đốc Sở").exists()
    years = set(Assessment.objects.values_list("year", flat=True))
    assert years == {2021, 2022, 2023, 2024, 2025}
    assert Initiative.objects.exists() and DisciplineRecord.objects.count() == 1
    council = Council.objects.get(agency=skhdt)
    assert council.members.filter(
        role="chu_tich", person__full_name="Vũ Hoàng Quý"
    ).exists()
    assert council.members.count() == 7
    seated = set(council.members.values_list("person_id", flat=True))
    with_accounts = set(
        User.objects.filter(person_id__in=seated).values_list("person_id", flat=True)
    )
    assert with_accounts == seated  # every seat can vote in the demo
    assert Council.objects.filter(agency__code="UBND-LS").exists()
    assert Cluster.objects.get(short_name="Cụm TĐTMTH").memberships.count() == 6
    from thidua.submissions.models import Submission

    sent_up = Submission.objects.get()  # the CSTĐ cấp tỉnh, beyond the Director
    assert sent_up.to_agency.code == "UBND-LS" and sent_up.symbol.endswith("/TTr-SKHĐT")
    assert sent_up.items.get().nomination.state == "trinh_cap_tren"
    roles = {a.role for a in demo_accounts()}
    assert roles == set(Role.values)
    for account in demo_accounts():
        user = User.objects.get(username=account.username)
        assert user.check_password(DEMO_PASSWORD)
        assert user.roles.filter(role=account.role).exists()
    from thidua.documents.models import SigningCredential

    credential = SigningCredential.objects.get(agency=skhdt, active=True)
    assert credential.subject_cn == (
        "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn (chứng thư thử nghiệm)"
    )
    assert credential.visible_stamp
    # The Director's own test certificate: his decisions are signed, then sealed.
    director = User.objects.get(username="chutich").person
    own = SigningCredential.objects.get(person=director, active=True)
    assert own.subject_cn == f"{director.full_name} (chứng thư thử nghiệm)"
    # Its documents (173/PD-SKHĐT, the minutes) are signed when the render jobs run,
    # after commit: not within this test's transaction.
    assert verify_chain().ok
