"""Test data built through the services, so every fixture also exercises them."""

import datetime
import itertools
from dataclasses import dataclass

from thidua.accounts.enums import Role
from thidua.accounts.services import create_account
from thidua.organizations.enums import AgencyLevel, CouncilRole, PersonCategory
from thidua.organizations.models import Agency, Council, Person
from thidua.organizations.services.person import create_person
from thidua.organizations.services.structure import (
    add_cluster_member,
    add_council_member,
    create_agency,
    create_cluster,
    create_council,
)

PASSWORD = "mat-khau-thu-nghiem-2026"
_serial = itertools.count(100000)


def cccd_for(gender: str, birth: datetime.date, province: str = "020") -> str:
    digit = (0 if birth.year < 2000 else 2) + (1 if gender == "nu" else 0)
    return f"{province}{digit}{birth.year % 100:02d}{next(_serial):06d}"


def make_person(
    unit: Agency, name: str, *, gender="nam", birth=None, **extra
) -> Person:
    birth = birth or datetime.date(1985, 5, 17)
    data = {
        "full_name": name,
        "gender": gender,
        "birth_date": birth,
        "cccd": cccd_for(gender, birth),
        "ethnicity": "Kinh",
        "category": PersonCategory.CONG_CHUC,
        "position": "Chuyên viên",
        "civil_rank": "Chuyên viên",
        "is_direct_worker": False,
        "recruited_on": datetime.date(2010, 3, 1),
    } | extra
    return create_person(data, unit=unit)


@dataclass
class Org:
    province: Agency
    sknv: Agency
    btdkt: Agency
    skhdt: Agency
    vp: Agency
    dkkd: Agency
    other: Agency  # another Sở whose data must never leak into SKHĐT users' views
    other_unit: Agency
    council: Council
    other_council: Council
    people: dict[str, Person]


def make_org() -> Org:
    province = create_agency(
        code="UBND-LS",
        name="Ủy ban nhân dân tỉnh Lạng Sơn",
        abbreviation="UBND",
        level=AgencyLevel.PROVINCE,
    )
    sknv = create_agency(
        parent=province, code="SNV", name="Sở Nội vụ", level=AgencyLevel.DEPARTMENT
    )
    btdkt = create_agency(
        parent=sknv,
        code="SNV-BTĐKT",
        name="Ban Thi đua – Khen thưởng",
        level=AgencyLevel.UNIT,
    )
    skhdt = create_agency(
        parent=province,
        code="SKHĐT",
        name="Sở Kế hoạch và Đầu tư",
        abbreviation="SKHĐT",
        level=AgencyLevel.DEPARTMENT,
    )
    vp = create_agency(
        parent=skhdt, code="SKHĐT-VP", name="Văn phòng Sở", level=AgencyLevel.UNIT
    )
    dkkd = create_agency(
        parent=skhdt,
        code="SKHĐT-ĐKKD",
        name="Phòng Đăng ký kinh doanh",
        level=AgencyLevel.UNIT,
        is_small_collective=True,
    )
    other = create_agency(
        parent=province, code="STC", name="Sở Tài chính", level=AgencyLevel.DEPARTMENT
    )
    other_unit = create_agency(
        parent=other,
        code="STC-VP",
        name="Văn phòng Sở Tài chính",
        level=AgencyLevel.UNIT,
    )
    people = {
        "officer": make_person(vp, "Trần Thị Thu Hà", gender="nu"),
        "secretary": make_person(vp, "Nông Văn Bình"),
        "head": make_person(dkkd, "Lê Minh Đức", position="Trưởng phòng"),
        "dkkd_staff": make_person(dkkd, "Nguyễn Văn Ánh"),
        "vp_staff": make_person(vp, "Hoàng Thị Lan", gender="nu"),
        "other_staff": make_person(other_unit, "Phạm Quốc Dũng"),
        "btdkt_staff": make_person(btdkt, "Vi Thị Oanh", gender="nu"),
    }
    council = create_council(
        agency=skhdt,
        name="Hội đồng TĐKT Sở KH&ĐT",
        term_start=datetime.date(2022, 1, 1),
    )
    add_council_member(
        council,
        person=people["head"],
        role=CouncilRole.CHAIR,
        start_date=datetime.date(2022, 1, 1),
    )
    add_council_member(
        council,
        person=people["secretary"],
        role=CouncilRole.SECRETARY,
        start_date=datetime.date(2022, 1, 1),
    )
    other_council = create_council(
        agency=other,
        name="Hội đồng TĐKT Sở Tài chính",
        term_start=datetime.date(2022, 1, 1),
    )
    cluster = create_cluster(
        organizer=province, name="Khối các cơ quan tham mưu tổng hợp", kind="khoi"
    )
    add_cluster_member(cluster, agency=skhdt, from_year=2022)
    add_cluster_member(cluster, agency=other, from_year=2022)
    return Org(
        province,
        sknv,
        btdkt,
        skhdt,
        vp,
        dkkd,
        other,
        other_unit,
        council,
        other_council,
        people,
    )


def make_users(org: Org) -> dict:
    """One account per role, named by role."""
    specs = {
        "admin": (None, [(Role.ADMIN, None, None)]),
        "officer": (org.people["officer"], [(Role.OFFICER, org.skhdt, None)]),
        "unit_head": (org.people["head"], [(Role.UNIT_HEAD, org.dkkd, None)]),
        "council_member": (None, [(Role.COUNCIL_MEMBER, None, org.council)]),
        "council_secretary": (
            org.people["secretary"],
            [(Role.COUNCIL_SECRETARY, None, org.council)],
        ),
        "staff": (org.people["vp_staff"], [(Role.STAFF, None, None)]),
        "higher_officer": (
            org.people["btdkt_staff"],
            [(Role.HIGHER_OFFICER, org.province, None)],
        ),
        "other_officer": (org.people["other_staff"], [(Role.OFFICER, org.other, None)]),
        # Sở KH&ĐT's head, the deputy who signs for him (KT.) and its clerk; no staff
        # record of their own (tests that need the signer's record give one).
        "head": (None, [(Role.HEAD, org.skhdt, None)]),
        "deputy": (None, [(Role.DEPUTY, org.skhdt, None)]),
        "clerk": (None, [(Role.CLERK, org.skhdt, None)]),
    }
    return {
        name: create_account(
            username=name, password=PASSWORD, person=person, roles=roles
        )
        for name, (person, roles) in specs.items()
    }
