"""Demo data: Lạng Sơn province, its Sở Nội vụ and Sở Kế hoạch và Đầu tư (the seed's issuer).

Everything goes through the services, so the demo's audit trail is a real one.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from thidua.accounts.enums import Role
from thidua.accounts.models import User
from thidua.accounts.services import create_account
from thidua.awards.services.register import record_award
from thidua.nominations.services.nomination import create_nomination, open_round
from thidua.organizations.enums import (
    AgencyLevel,
    ClusterKind,
    CouncilRole,
    DisciplineForm,
    EducationLevel,
    InitiativeScope,
    PersonCategory,
    Rating,
    ReviewKind,
    TdktBody,
)
from thidua.organizations.models import Agency, Person
from thidua.organizations.services.person import create_person
from thidua.organizations.services.records import (
    record_assessment,
    record_collective_assessment,
    record_discipline,
    record_initiative,
    record_review_matter,
)
from thidua.organizations.services.structure import (
    add_cluster_member,
    add_council_member,
    create_agency,
    create_cluster,
    create_council,
    set_cluster_leadership,
)

from .commendation import load_council_and_notice
from .drafts import load_demo_drafts
from .movement import load_seed_follow_up, load_seed_movement
from .names import vietnamese_name
from .signers import load_signers
from .signing import load_demo_personal_signing, load_demo_signing

__all__ = ["DEMO_PASSWORD", "DemoAccount", "demo_accounts", "demo_loaded", "load_demo"]

DEMO_PASSWORD = "thidua-demo-2026"
SKHDT_UNITS = [
    ("SKHĐT-VP", "Văn phòng Sở", "Văn phòng", 14, False),
    ("SKHĐT-TTR", "Thanh tra Sở", "Thanh tra", 6, True),
    ("SKHĐT-THQH", "Phòng Tổng hợp – Quy hoạch", "Phòng THQH", 12, False),
    ("SKHĐT-ĐKKD", "Phòng Đăng ký kinh doanh", "Phòng ĐKKD", 10, True),
    ("SKHĐT-KTN", "Phòng Kinh tế ngành", "Phòng KTN", 12, False),
    (
        "SKHĐT-ĐTTĐ",
        "Phòng Đấu thầu, Thẩm định và Giám sát đầu tư",
        "Phòng ĐTTĐGS",
        11,
        False,
    ),
    ("SKHĐT-KTĐN", "Phòng Kinh tế đối ngoại", "Phòng KTĐN", 8, True),
    ("SKHĐT-TTXT", "Trung tâm Xúc tiến đầu tư", "Trung tâm XTĐT", 15, False),
]
PEERS = [
    ("VPUBND", "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn", "Văn phòng UBND tỉnh", "VP"),
    ("STC", "Sở Tài chính tỉnh Lạng Sơn", "Sở Tài chính", "STC"),
    ("STP", "Sở Tư pháp tỉnh Lạng Sơn", "Sở Tư pháp", "STP"),
    ("TTT", "Thanh tra tỉnh Lạng Sơn", "Thanh tra tỉnh", "TTr"),
]
YEARS = [2021, 2022, 2023, 2024, 2025]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    description: str


def demo_accounts() -> list[DemoAccount]:
    return [
        DemoAccount("quantri", Role.ADMIN, "Quản trị hệ thống"),
        DemoAccount("canbotdkt", Role.OFFICER, "Cán bộ TĐKT, Văn phòng Sở KH&ĐT"),
        DemoAccount("truongphong", Role.UNIT_HEAD, "Trưởng phòng Đăng ký kinh doanh"),
        DemoAccount("thuky", Role.COUNCIL_SECRETARY, "Thư ký Hội đồng TĐKT Sở"),
        DemoAccount("uyvien", Role.COUNCIL_MEMBER, "Ủy viên Hội đồng TĐKT Sở"),
        # The rest of the seven-member council, so every seat can vote in the demo; the
        # Director decides and his deputy signs for him (KT.), each keeping his seat.
        DemoAccount("chutich", Role.HEAD, "Giám đốc Sở, Chủ tịch Hội đồng"),
        DemoAccount("phochutich", Role.DEPUTY, "Phó Giám đốc, Phó Chủ tịch"),
        # The Chánh Văn phòng signs "TUQ. Giám đốc" (demo/signers.py), keeping his seat.
        DemoAccount(
            "thuongtruc",
            Role.DELEGATE,
            "Chánh Văn phòng, Ủy viên thường trực; ký TUQ. Giám đốc",
        ),
        DemoAccount(
            "uyvien2", Role.COUNCIL_MEMBER, "Trưởng phòng Kinh tế ngành, Ủy viên"
        ),
        DemoAccount("chuyenvien", Role.STAFF, "Chuyên viên Phòng Kinh tế ngành"),
        DemoAccount("bantdkt", Role.HIGHER_OFFICER, "Chuyên viên Ban TĐKT – Sở Nội vụ"),
        DemoAccount("vanthu", Role.CLERK, "Văn thư Sở KH&ĐT"),
        DemoAccount(
            "quyengiamdoc", Role.ACTING, "Q. Giám đốc Trung tâm Xúc tiến đầu tư"
        ),
    ]


def demo_loaded() -> bool:
    return Agency.objects.filter(code="SKHĐT").exists()


class _People:
    """Makes realistic people with consistent CCCD numbers (province 020, Lạng Sơn)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.serials: set[str] = set()

    def make(
        self,
        unit: Agency,
        *,
        position="",
        category=None,
        gender=None,
        rank="",
        name=None,
        tdkt_since=None,
    ):
        rng = self.rng
        gender = gender or rng.choice(["nam", "nu"])
        birth = datetime.date(
            rng.randint(1966, 1999), rng.randint(1, 12), rng.randint(1, 28)
        )
        recruited = datetime.date(
            min(max(birth.year + 22, rng.randint(1990, 2020)), 2024),
            rng.randint(1, 12),
            1,
        )
        century = 0 if birth.year < 2000 else 2
        digit = century + (1 if gender == "nu" else 0)
        serial = f"{rng.randint(0, 999999):06d}"
        while serial in self.serials:
            serial = f"{rng.randint(0, 999999):06d}"
        self.serials.add(serial)
        cccd = f"020{digit}{birth.year % 100:02d}{serial}"
        ethnicity = rng.choices(["Kinh", "Tày", "Nùng", "Dao", "Hoa"], [5, 4, 4, 1, 1])[
            0
        ]
        category = (
            category
            or rng.choices(
                [
                    PersonCategory.CONG_CHUC,
                    PersonCategory.VIEN_CHUC,
                    PersonCategory.NGUOI_LAO_DONG,
                ],
                [6, 2, 1],
            )[0]
        )
        return create_person(
            {
                "full_name": name or vietnamese_name(rng, gender),
                "gender": gender,
                "birth_date": birth,
                "cccd": cccd,
                "ethnicity": ethnicity,
                "category": category,
                "position": position,
                "civil_rank": rank
                or ("Chuyên viên" if category != "nguoi_lao_dong" else ""),
                "is_direct_worker": category == PersonCategory.NGUOI_LAO_DONG
                or rng.random() < 0.15,
                "recruited_on": recruited,
                "education_level": _education(category, serial),
                "tdkt_since": tdkt_since,
            },
            unit=unit,
        )


def _education(category: str, serial: str) -> str:
    """Trình độ đào tạo from the CCCD serial, so the demo's random sequence is unchanged."""
    n = int(serial) % 10
    if category == PersonCategory.NGUOI_LAO_DONG:
        return EducationLevel.TRUNG_CAP if n < 6 else EducationLevel.SO_CAP
    if n < 2:
        return EducationLevel.TREN_DAI_HOC
    return EducationLevel.DAI_HOC if n < 9 else EducationLevel.CAO_DANG


def _agencies() -> dict[str, Agency]:
    made: dict[str, Agency] = {}
    made["UBND"] = create_agency(
        code="UBND-LS",
        name="Ủy ban nhân dân tỉnh Lạng Sơn",
        short_name="UBND tỉnh Lạng Sơn",
        abbreviation="UBND",
        level=AgencyLevel.PROVINCE,
        place_name="Lạng Sơn",
    )
    made["SNV"] = create_agency(
        parent=made["UBND"],
        code="SNV",
        name="Sở Nội vụ tỉnh Lạng Sơn",
        short_name="Sở Nội vụ",
        abbreviation="SNV",
        level=AgencyLevel.DEPARTMENT,
        place_name="Lạng Sơn",
    )
    made["BTDKT"] = create_agency(
        parent=made["SNV"],
        code="SNV-BTĐKT",
        name="Ban Thi đua – Khen thưởng",
        short_name="Ban TĐKT",
        abbreviation="BTĐKT",
        level=AgencyLevel.UNIT,
        place_name="Lạng Sơn",
        tdkt_body=TdktBody.BAN_THUOC_SNV,
    )
    made["SKHĐT"] = create_agency(
        parent=made["UBND"],
        code="SKHĐT",
        name="Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn",
        short_name="Sở Kế hoạch và Đầu tư",
        abbreviation="SKHĐT",
        level=AgencyLevel.DEPARTMENT,
        place_name="Lạng Sơn",
    )
    for code, name, short, _size, small in SKHDT_UNITS:
        made[code] = create_agency(
            parent=made["SKHĐT"],
            code=code,
            name=name,
            short_name=short,
            level=AgencyLevel.UNIT,
            is_small_collective=small,
            place_name="Lạng Sơn",
        )
    for code, name, short, abbr in PEERS:
        made[code] = create_agency(
            parent=made["UBND"],
            code=code,
            name=name,
            short_name=short,
            abbreviation=abbr,
            level=AgencyLevel.DEPARTMENT,
            place_name="Lạng Sơn",
        )
    return made


def _ratings(rng: random.Random, person: Person) -> None:
    for year in YEARS:
        if person.recruited_on and year < person.recruited_on.year:
            continue
        rating = rng.choices(
            [Rating.HTXS, Rating.HTT, Rating.HT, Rating.KHT], [2, 6, 2, 0.2]
        )[0]
        record_assessment(person, year=year, rating=rating)


@transaction.atomic
def load_demo(seed: int = 2023) -> dict[str, Person]:
    """Create the demo organisation, ~100 staff with 5 years of records, councils, a
    cluster and one account per role. Returns the named people."""
    rng = random.Random(seed)
    agencies = _agencies()
    maker = _People(rng)
    skhdt = agencies["SKHĐT"]
    named: dict[str, Person] = {}
    # The seed's signer, Giám đốc Vũ Hoàng Quý.
    named["director"] = maker.make(
        skhdt,
        position="Giám đốc Sở",
        category=PersonCategory.CAN_BO,
        gender="nam",
        name="Vũ Hoàng Quý",
    )
    for i in range(3):
        named[f"deputy{i}"] = maker.make(
            skhdt, position="Phó Giám đốc Sở", rank="Chuyên viên cao cấp"
        )
    for code, _name, _short, size, _small in SKHDT_UNITS:
        unit = agencies[code]
        head_title = (
            "Chánh Văn phòng"
            if code.endswith("VP")
            else (
                "Chánh Thanh tra"
                if code.endswith("TTR")
                else ("Giám đốc Trung tâm" if code.endswith("TTXT") else "Trưởng phòng")
            )
        )
        named[f"head:{code}"] = maker.make(
            unit, position=head_title, rank="Chuyên viên chính"
        )
        maker.make(
            unit,
            position=head_title.replace("Trưởng", "Phó Trưởng")
            .replace("Chánh", "Phó Chánh")
            .replace("Giám đốc", "Phó Giám đốc"),
        )
        for _ in range(size - 2):
            category = PersonCategory.VIEN_CHUC if code.endswith("TTXT") else None
            maker.make(unit, position="", category=category)
    named["officer"] = maker.make(
        agencies["SKHĐT-VP"],
        position="Chuyên viên TĐKT",
        tdkt_since=datetime.date(2019, 9, 1),
    )
    named["secretary"] = maker.make(agencies["SKHĐT-VP"], position="Chuyên viên")
    named["staff"] = maker.make(agencies["SKHĐT-KTN"], position="Chuyên viên")
    named["btdkt"] = maker.make(
        agencies["BTDKT"],
        position="Chuyên viên",
        tdkt_since=datetime.date(2012, 3, 1),
    )
    for code, *_rest in PEERS:
        maker.make(agencies[code], position="Chuyên viên")

    for person in Person.objects.filter(
        unit__in=agencies["SKHĐT"].descendants(include_self=True)
    ):
        _ratings(rng, person)
    for code, *_rest in SKHDT_UNITS:
        for year in YEARS:
            rating = rng.choices([Rating.HTXS, Rating.HTT, Rating.HT], [3, 6, 1])[0]
            record_collective_assessment(agencies[code], year=year, rating=rating)

    staff = list(Person.objects.filter(unit__parent=skhdt).order_by("id"))
    titles = [
        "Giải pháp số hóa hồ sơ đăng ký doanh nghiệp",
        "Quy trình thẩm định dự án đầu tư công rút gọn",
        "Bộ công cụ theo dõi giải ngân vốn đầu tư công",
        "Cải tiến báo cáo chỉ số PCI của tỉnh",
        "Ứng dụng bản đồ số trong xúc tiến đầu tư",
        "Nâng cao chất lượng tham mưu kế hoạch phát triển kinh tế – xã hội",
    ]
    for index, title in enumerate(titles):
        person = staff[index * 7 % len(staff)]
        year = 2022 + index % 4
        record_initiative(
            person,
            title=title,
            year=year,
            scope=InitiativeScope.BO_TINH if index % 3 == 0 else InitiativeScope.CO_SO,
            decision_number=f"{12 + index}/QĐ-{'UBND' if index % 3 == 0 else 'SKHĐT'}",
            decision_date=datetime.date(year, 11, 20),
            decided_by="UBND tỉnh Lạng Sơn"
            if index % 3 == 0
            else "Sở Kế hoạch và Đầu tư",
        )
    disciplined = staff[11]
    record_discipline(
        disciplined,
        form=DisciplineForm.KHIEN_TRACH,
        decision_number="45/QĐ-SKHĐT",
        start_date=datetime.date(2024, 5, 10),
        end_date=datetime.date(2025, 5, 9),
        reason="Chậm trễ trong giải quyết hồ sơ đăng ký kinh doanh",
    )
    record_review_matter(
        staff[23],
        kind=ReviewKind.COMPLAINT,
        start_date=datetime.date(2025, 10, 2),
        note="Đơn phản ánh đang được Thanh tra Sở xác minh",
    )

    _award_history(agencies)

    council = create_council(
        agency=skhdt,
        name="Hội đồng Thi đua – Khen thưởng Sở Kế hoạch và Đầu tư",
        abbreviation="HĐTĐKT",
        established_by="Quyết định số 05/QĐ-SKHĐT ngày 10/01/2022",
        term_start=datetime.date(2022, 1, 10),
    )
    start = datetime.date(2022, 1, 10)
    add_council_member(
        council,
        person=named["director"],
        role=CouncilRole.CHAIR,
        title="Giám đốc Sở",
        start_date=start,
    )
    add_council_member(
        council,
        person=named["deputy0"],
        role=CouncilRole.VICE_CHAIR,
        title="Phó Giám đốc Sở",
        start_date=start,
    )
    add_council_member(
        council,
        person=named["head:SKHĐT-VP"],
        role=CouncilRole.STANDING,
        title="Chánh Văn phòng",
        start_date=start,
    )
    # Seven seats: chair, vice-chair, standing member, three unit heads, secretary.
    for code in ("SKHĐT-THQH", "SKHĐT-ĐKKD", "SKHĐT-KTN"):
        add_council_member(
            council,
            person=named[f"head:{code}"],
            role=CouncilRole.MEMBER,
            title=named[f"head:{code}"].position,
            start_date=start,
        )
    add_council_member(
        council,
        person=named["secretary"],
        role=CouncilRole.SECRETARY,
        title="Chuyên viên Văn phòng",
        start_date=start,
    )
    named["council_member"] = named["head:SKHĐT-THQH"]

    province_council = create_council(
        agency=agencies["UBND"],
        name="Hội đồng Thi đua – Khen thưởng tỉnh Lạng Sơn",
        abbreviation="HĐTĐKT",
        established_by="Quyết định số 1102/QĐ-UBND ngày 15/06/2021",
        term_start=datetime.date(2021, 6, 15),
    )
    add_council_member(
        province_council,
        person=named["btdkt"],
        role=CouncilRole.SECRETARY,
        title="Chuyên viên Ban TĐKT",
        start_date=datetime.date(2021, 6, 15),
    )

    cluster = create_cluster(
        organizer=agencies["UBND"],
        name="Khối thi đua các cơ quan tham mưu tổng hợp",
        short_name="Cụm TĐTMTH",
        kind=ClusterKind.KHOI,
        description="Khối thi đua do Hội đồng TĐKT tỉnh tổ chức.",
    )
    members = ["VPUBND", "SKHĐT", "STC", "SNV", "STP", "TTT"]
    for code in members:
        add_cluster_member(cluster, agency=agencies[code], from_year=2021)
    for offset, year in enumerate(range(2021, 2027)):
        set_cluster_leadership(
            cluster,
            year=year,
            leader=agencies[members[offset % len(members)]],
            deputy=agencies[members[(offset + 1) % len(members)]],
        )

    load_demo_signing(skhdt)  # the Sở's documents below are signed (test certificate)
    # The Director's own: the decisions he approves carry his signature, then the seal.
    load_demo_personal_signing(named["director"])
    # The accounts first: the launch document and the tờ trình below go through the
    # head's approval (chutich) and the clerk's number (vanthu).
    _accounts(agencies, named, council)
    seed = load_seed_movement(
        skhdt=skhdt,
        province_council=province_council,
        btdkt=agencies["BTDKT"],
        council=council,
        cluster=cluster,
        # Before the Giám đốc (chutich), who signs it; numbered by the clerk (vanthu).
        **{
            key: User.objects.get(username=name)
            for key, name in (
                ("director", "chutich"),
                ("officer", "canbotdkt"),
                ("clerk", "vanthu"),
            )
        },
    )
    people_by_unit = {
        code: list(Person.objects.filter(unit=agencies[code]).order_by("sort_key")[:4])
        for code in ("SKHĐT-ĐKKD", "SKHĐT-KTN", "SKHĐT-VP")
    }
    load_seed_follow_up(seed, people_by_unit=people_by_unit)
    round_ = _review_round_2025(agencies, people_by_unit)
    load_council_and_notice(
        round_, council, agencies["SKHĐT-VP"], people_by_unit["SKHĐT-VP"]
    )
    load_demo_drafts(
        skhdt,
        officer=User.objects.get(username="canbotdkt"),
        director=named["director"],
    )
    return named


def _award_history(agencies) -> None:
    """The Sở's paper decisions of 2021–2024 entered into the award register."""
    decided_by = "Giám đốc Sở Kế hoạch và Đầu tư"
    skhdt = agencies["SKHĐT"]
    staff = Person.objects.filter(unit__in=skhdt.descendants(include_self=True))
    for person in staff.prefetch_related("assessments", "initiatives"):
        initiative_years = {i.year for i in person.initiatives.all()}
        for assessment in person.assessments.all():
            year = assessment.year
            if year > 2024 or assessment.rating not in (Rating.HTXS, Rating.HTT):
                continue
            decision = {
                "decision_date": datetime.date(year + 1, 1, 12),
                "decided_by": decided_by,
            }
            record_award(
                person=person,
                code="LDTT",
                year=year,
                decision_number=f"{8 + year - 2021:02d}/QĐ-SKHĐT",
                **decision,
            )
            # From 2024 (Luật 2022) HTXS alone qualifies; before, an initiative too.
            if assessment.rating == Rating.HTXS and (
                year in initiative_years or year >= 2024
            ):
                record_award(
                    person=person,
                    code="CSTDCS",
                    year=year,
                    decision_number=f"{9 + year - 2021:02d}/QĐ-SKHĐT",
                    **decision,
                )
    for code, *_rest in SKHDT_UNITS:
        for assessment in agencies[code].assessments.filter(year__lte=2024):
            title = {Rating.HTXS: "TTLDXS", Rating.HTT: "TTLDTT"}.get(assessment.rating)
            if title:
                record_award(
                    agency=agencies[code],
                    code=title,
                    year=assessment.year,
                    decision_number=f"{10 + assessment.year - 2021:02d}/QĐ-SKHĐT",
                    decision_date=datetime.date(assessment.year + 1, 1, 12),
                    decided_by=decided_by,
                )


def _review_round_2025(agencies, people_by_unit) -> None:
    """The yearly round for 2025 is open; Phòng ĐKKD has started two proposals (Văn phòng's
    three are further along: :mod:`.commendation`)."""
    round_ = open_round(
        agency=agencies["SKHĐT"],
        name="Xét khen thưởng thành tích năm 2025",
        kind="hang_nam",
        year=2025,
        # Relative, so the demo loads whatever the date.
        submission_deadline=timezone.localdate() + datetime.timedelta(days=30),
    )
    members = people_by_unit.get("SKHĐT-ĐKKD", [])
    for person, code in zip(members[:2], ("CSTDCS", "LDTT"), strict=False):
        create_nomination(
            round_,
            proposing_unit=agencies["SKHĐT-ĐKKD"],
            person=person,
            code=code,
            summary="Hoàn thành xuất sắc nhiệm vụ năm 2025.",
        )
    return round_


def _clerk(office) -> Person:
    """The Văn phòng's văn thư: one of its staff without a post, given the post."""
    person = Person.objects.filter(unit=office, position="").order_by("pk").first()
    person.position = "Văn thư"
    person.save(update_fields=["position"])
    return person


def _accounts(agencies, named, council) -> None:
    specs = {
        "quantri": ("Quản trị", "hệ thống", None, [(Role.ADMIN, None, None)]),
        "canbotdkt": (
            None,
            None,
            named["officer"],
            [(Role.OFFICER, agencies["SKHĐT"], None)],
        ),
        "truongphong": (
            None,
            None,
            named["head:SKHĐT-ĐKKD"],
            [(Role.UNIT_HEAD, agencies["SKHĐT-ĐKKD"], None)],
        ),
        "thuky": (
            None,
            None,
            named["secretary"],
            [(Role.COUNCIL_SECRETARY, None, council)],
        ),
        "uyvien": (
            None,
            None,
            named["council_member"],
            [(Role.COUNCIL_MEMBER, None, council)],
        ),
        "chutich": (
            None,
            None,
            named["director"],
            [
                (Role.HEAD, agencies["SKHĐT"], None),
                (Role.COUNCIL_MEMBER, None, council),
            ],
        ),
        "phochutich": (
            None,
            None,
            named["deputy0"],
            [
                (Role.DEPUTY, agencies["SKHĐT"], None),
                (Role.COUNCIL_MEMBER, None, council),
            ],
        ),
        "vanthu": (
            None,
            None,
            _clerk(agencies["SKHĐT-VP"]),
            [(Role.CLERK, agencies["SKHĐT"], None)],
        ),
        **{
            username: (None, None, named[key], [(Role.COUNCIL_MEMBER, None, council)])
            for username, key in (
                ("thuongtruc", "head:SKHĐT-VP"),
                ("uyvien2", "head:SKHĐT-KTN"),
            )
        },
        "chuyenvien": (None, None, named["staff"], [(Role.STAFF, None, None)]),
        "bantdkt": (
            None,
            None,
            named["btdkt"],
            [(Role.HIGHER_OFFICER, agencies["UBND"], None)],
        ),
    }
    for username, (first, last, person, roles) in specs.items():
        create_account(
            username=username,
            password=DEMO_PASSWORD,
            # A mailbox each (the reserved .example domain): notices are mailed.
            email=f"{username}@thidua.example",
            person=person,
            first_name=first or "",
            last_name=last or "",
            roles=roles,
        )
    load_signers(agencies, password=DEMO_PASSWORD)
