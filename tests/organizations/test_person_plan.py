"""The person list costs the page, not the agency (issue #18, point 1): with the
planner's statistics fresh (common/planner.py), an officer who sees many people gets
the page by walking the name index and stopping after it — no sort of every visible
person — and a unit head gets his few people by unit. Checked in the plan itself
(SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN) on both databases."""

import datetime
import random

import pytest
from django.db import connection

from thidua.accounts.enums import Role
from thidua.accounts.services import create_account
from thidua.common.planner import refresh_statistics
from thidua.common.text import fold, person_sort_key
from thidua.organizations.models import Person
from thidua.organizations.selectors import person_list
from thidua.organizations.services.structure import create_agency

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db
PEOPLE = 4000


@pytest.fixture
def province():
    """Two Sở of 20 units each, 4,000 people spread over the 40 units."""
    root = create_agency(code="UBND-KT", name="UBND tỉnh Kiểm thử", level="tinh")
    sos, units = [], []
    for s in range(2):
        so = create_agency(
            parent=root, code=f"KT-SO{s}", name=f"Sở {s}", level="so_ban_nganh"
        )
        sos.append(so)
        units += [
            create_agency(
                parent=so,
                code=f"KT-{s}-{i:02d}",
                name=f"Phòng {s}.{i}",
                level="phong_don_vi",
            )
            for i in range(20)
        ]
    rng = random.Random(18)
    people = []
    for i in range(PEOPLE):
        name = f"{rng.choice(['Nguyễn', 'Trần', 'Lê'])} Văn {rng.choice('ABCDEGH')}{i}"
        people.append(
            Person(
                full_name=name,
                gender="nam",
                birth_date=datetime.date(1985, 5, 17),
                cccd=f"020085{i:06d}",
                unit=units[i % len(units)],
                category="cong_chuc",
                search_text=fold(name),
                sort_key=person_sort_key(name),
            )
        )
    Person.objects.bulk_create(people, batch_size=1000)
    refresh_statistics()
    return sos, units


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return "\n".join(" ".join(map(str, row)) for row in cursor.fetchall())


def test_an_officer_of_many_gets_the_page_from_the_name_index(province):
    sos, _units = province
    officer = create_account(
        username="canbo-so0", password=PASSWORD, roles=[(Role.OFFICER, sos[0], None)]
    )
    page = person_list(officer)[:51]
    assert len(page) == 51
    plan = _plan(page)
    if connection.vendor == "sqlite":
        assert "organizations_person_sort_key" in plan, plan
        assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
    else:
        assert "organizations_person_sort_key" in plan, plan
        assert "Seq Scan on organizations_person" not in plan, plan


def test_a_unit_head_gets_his_people_by_unit(province):
    _sos, units = province
    head = create_account(
        username="truongphong",
        password=PASSWORD,
        roles=[(Role.UNIT_HEAD, units[3], None)],
    )
    assert person_list(head).count() == PEOPLE // 40
    page = person_list(head)[:51]
    assert len(page) == 51
    plan = _plan(page)
    assert "unit_id" in plan, plan  # an index on the unit, not a walk of every name
    assert "Seq Scan on organizations_person" not in plan, plan
