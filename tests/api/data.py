"""A small world for the API tests, built through the services: a review round with
nominations at several states, a decision, an issued movement with a registration,
ratings. Agency B (Sở Tài chính) has its own of each, which agency A must never read."""

import datetime
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.awards.services.register import record_award
from thidua.decisions.models import Decision
from thidua.movements.models import Movement, Registration
from thidua.movements.services.registration import save_registration
from thidua.nominations.models import Nomination, NominationRound
from thidua.nominations.services.nomination import (
    add_attachment,
    create_nomination,
    open_round,
)
from thidua.organizations.models import Assessment
from thidua.organizations.services.records import record_assessment

from ..council_paper import advance
from ..decisions.factories import issued_decision
from ..movements.factories import ISSUED_ON, issue_movement, make_movement

PDF = b"%PDF-1.7\n%%EOF"
COUNCIL_DONE = ("da_gui", "da_tham_dinh", "trinh_hoi_dong", "hoi_dong_da_xet")


@dataclass
class World:
    round: NominationRound
    other_round: NominationRound
    nominations: dict[str, Nomination] = field(default_factory=dict)
    decision: Decision | None = None
    other_decision: Decision | None = None
    movement: Movement | None = None
    registration: Registration | None = None
    assessments: dict[str, Assessment] = field(default_factory=dict)


def complete(nomination: Nomination) -> Nomination:
    kinds = ["bao_cao_thanh_tich", "bien_ban_binh_xet"]
    if nomination.code.startswith("CSTD"):
        kinds.append("chung_nhan_sang_kien")
    for kind in kinds:
        add_attachment(nomination, kind=kind, upload=SimpleUploadedFile("a.pdf", PDF))
    return nomination


def propose(round_, unit, person, code, *, through=(), actor=None):
    nomination = create_nomination(
        round_, proposing_unit=unit, person=person, code=code
    )
    if through:
        complete(nomination)
    for to in through:
        nomination = advance(nomination, to, actor=actor)
    return nomination


def build_world(org, users) -> World:
    for agency, abbreviation in ((org.skhdt, "SKHĐT"), (org.other, "STC")):
        agency.place_name, agency.abbreviation = "Lạng Sơn", abbreviation
        agency.save(update_fields=["place_name", "abbreviation"])
    deadline = datetime.date(2099, 12, 31)
    world = World(
        round=open_round(
            agency=org.skhdt,
            name="Xét khen thưởng năm 2025",
            kind="hang_nam",
            year=2025,
            submission_deadline=deadline,
        ),
        other_round=open_round(
            agency=org.other,
            name="Xét khen thưởng Sở Tài chính 2025",
            kind="hang_nam",
            year=2025,
            submission_deadline=deadline,
        ),
    )
    admin, people = users["admin"], org.people
    n = world.nominations
    n["draft"] = propose(world.round, org.dkkd, people["dkkd_staff"], "CSTDCS")
    n["submitted"] = propose(
        world.round, org.dkkd, people["head"], "LDTT", through=["da_gui"], actor=admin
    )
    n["decided"] = propose(
        world.round,
        org.vp,
        people["vp_staff"],
        "LDTT",
        through=COUNCIL_DONE,
        actor=admin,
    )
    n["theirs"] = propose(
        world.other_round,
        org.other_unit,
        people["other_staff"],
        "LDTT",
        through=COUNCIL_DONE,
        actor=admin,
    )
    signer = {"signer_title": "Giám đốc", "signer_name": "Vũ Hoàng Quý"}
    world.decision = issued_decision(
        world.round, [n["decided"]], issued_on=datetime.date(2026, 1, 15), **signer
    )
    world.other_decision = issued_decision(
        world.other_round, [n["theirs"]], issued_on=datetime.date(2026, 1, 16), **signer
    )
    for key in ("decided", "theirs"):
        n[key].refresh_from_db()
    world.movement = issue_movement(make_movement(org), issued_on=ISSUED_ON)
    world.registration = save_registration(
        world.movement,
        org.dkkd,
        collective_title="TTLDXS",
        pledges="Đúng hạn.",
        entries=[{"person": people["dkkd_staff"], "title": "LDTT", "pledge": ""}],
    )
    save_registration(
        world.movement, org.vp, collective_title="", pledges="", entries=[]
    )
    for key in ("dkkd_staff", "vp_staff", "other_staff"):
        world.assessments[key] = record_assessment(people[key], year=2024, rating="HTT")
    record_award(
        person=people["dkkd_staff"],
        code="LDTT",
        year=2023,
        decision_number="01/QĐ-SKHĐT",
        decision_date=datetime.date(2024, 1, 15),
        decided_by="Giám đốc Sở",
    )
    return world
