"""The seed movement (173/PD-SKHĐT, 31/01/2023) in the demo, issued through the services."""

import datetime
from decimal import Decimal

from thidua.documents.models import LocalDocumentType
from thidua.documents.services.numbering import declare_numbers_used
from thidua.movements.enums import MovementState
from thidua.movements.services.dissemination import confirm_delivery
from thidua.movements.services.movement import (
    create_movement,
    replace_section,
    transition_movement,
)
from thidua.movements.services.progress import report_progress, save_indicator
from thidua.movements.services.registration import (
    save_registration,
    transition_registration,
)

from . import seed_173

__all__ = ["load_seed_movement"]

PARENTS = [
    (
        "Triển khai thực hiện Chỉ thị số 19/CT-TTg của Thủ tướng Chính phủ về phát động thi đua "
        "thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hàng năm và Kế hoạch 5 năm "
        "(2021 - 2025) theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Thủ tướng Chính phủ",
    ),
    ("Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới", "Chủ tịch UBND tỉnh"),
    (
        "Lạng Sơn cùng cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau",
        "Chủ tịch UBND tỉnh",
    ),
    ("Doanh nghiệp Lạng Sơn hội nhập và phát triển", "Chủ tịch UBND tỉnh"),
    (
        "Cán bộ, công chức, viên chức tỉnh Lạng Sơn thi đua thực hiện văn hóa công sở",
        "Chủ tịch UBND tỉnh",
    ),
    (
        "Đẩy nhanh tiến độ thực hiện giải phóng mặt bằng các dự án trọng điểm của tỉnh giai đoạn "
        "2022 - 2025",
        "Chủ tịch UBND tỉnh",
    ),
    (
        "Giải ngân vốn đầu tư công trên địa bàn tỉnh Lạng Sơn giai đoạn 2022 - 2025",
        "Chủ tịch UBND tỉnh",
    ),
    (
        "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng "
        "phí",
        "Chủ tịch UBND tỉnh",
    ),
]
DUTY_ACTORS = ["don_vi", "van_phong", "hoi_dong"]
RECIPIENT_KINDS = [
    "hoi_dong",
    "co_quan",
    "cum_khoi",
    "khac",
    "hoi_dong",
    "don_vi_truc_thuoc",
    "khac",
]


def load_seed_movement(
    *,
    skhdt,
    province_council,
    btdkt,
    council,
    cluster,
    director,
    officer=None,
    clerk=None,
):
    """Create, fill and issue the seed movement as number 173 of 2023: put before
    ``director`` (the Giám đốc's account, whose staff record makes the signer block) by
    ``officer`` and numbered by ``clerk`` (both trusted callers when not given)."""
    LocalDocumentType.objects.get_or_create(agency=skhdt, code="PD", name="Phát động")
    declare_numbers_used(agency=skhdt, year=2023, last_number=172)
    movement = create_movement(
        {
            "name": "Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2023",
            "kind": "thuong_xuyen",
            "year": 2023,
            "starts_on": datetime.date(2023, 1, 31),
            "ends_on": datetime.date(2023, 12, 31),
            "scope_agency": skhdt,
            "type_code": "PD",
            "document_title": "Phát động",
            "theme": "Siết chặt kỷ cương, tăng cường trách nhiệm, quyết liệt hành động, "
            "sáng tạo bút phá",
            "theme_intro": seed_173.THEME_INTRO,
            "opening": seed_173.OPENING,
            "closing": seed_173.CLOSING,
            "archive_units": "VT, VP.",
        },
        launcher=skhdt,
    )
    replace_section(
        movement,
        "implemented",
        [
            {
                "doc_type": "Chỉ thị",
                "number_symbol": "02/CT-UBND",
                "issued_on": datetime.date(2023, 1, 13),
                "issuer": "UBND tỉnh Lạng Sơn",
                "summary": "phát động thi đua thực hiện thắng lợi mục tiêu, nhiệm vụ phát "
                "triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh năm 2023",
            }
        ],
    )
    replace_section(
        movement, "parents", [{"name": n, "launched_by": b} for n, b in PARENTS]
    )
    replace_section(movement, "purposes", [{"text": t} for t in seed_173.PURPOSES])
    replace_section(movement, "contents", [{"text": t} for t in seed_173.CONTENTS])
    replace_section(
        movement,
        "duties",
        [
            {"actor": a, "text": t}
            for a, t in zip(DUTY_ACTORS, seed_173.DUTIES, strict=True)
        ],
    )
    targets = {
        "Hội đồng TĐKT tỉnh": {"council": province_council},
        "Ban TĐKT - Sở Nội vụ": {"agency": btdkt},
        "Các đơn vị thành viên Cụm TĐTMTH": {"cluster": cluster},
        "Hội đồng TĐKT Sở": {"council": council},
        "Các phòng, đơn vị trực thuộc Sở": {"agency": skhdt},
    }
    replace_section(
        movement,
        "recipients",
        [
            {"kind": kind, "label": label, **targets.get(label, {})}
            for kind, label in zip(RECIPIENT_KINDS, seed_173.RECIPIENTS, strict=True)
        ],
    )
    for to, actor in (
        (MovementState.AWAITING, officer),
        (MovementState.APPROVED, director),
    ):
        movement = transition_movement(movement, to, actor=actor)
    movement = transition_movement(
        movement,
        MovementState.ISSUED,
        issued_on=datetime.date(2023, 1, 31),
        actor=clerk,
    )
    return transition_movement(movement, MovementState.RUNNING, actor=officer)


def load_seed_follow_up(movement, *, people_by_unit) -> None:
    """What happened after the launch: most units confirmed, three registered, and the
    office tracked three indicators through 2023."""
    deliveries = list(
        movement.deliveries.select_related("agency").order_by("agency__name")
    )
    for index, delivery in enumerate(deliveries[:-2]):  # two units never confirmed
        confirm_delivery(
            delivery,
            confirmed_on=datetime.date(2023, 2, 3 + index % 6),
            staff_reached=max(delivery.agency.people.count(), 1),
            note="Quán triệt tại cuộc họp giao ban",
        )
    for code, collective in (
        ("SKHĐT-ĐKKD", "TTLDXS"),
        ("SKHĐT-KTN", "TTLDTT"),
        ("SKHĐT-VP", "TTLDXS"),
    ):
        members = people_by_unit.get(code, [])
        agency = next((d.agency for d in deliveries if d.agency.code == code), None)
        if agency is None or not members:
            continue
        registration = save_registration(
            movement,
            agency,
            collective_title=collective,
            pledges="Hoàn thành xuất sắc nhiệm vụ được giao năm 2023.",
            entries=[
                {"person": p, "title": "CSTDCS" if i == 0 else "LDTT"}
                for i, p in enumerate(members)
            ],
        )
        transition_registration(registration, "da_gui")
        transition_registration(registration, "da_duyet")
    skhdt = movement.launcher
    units = {d.agency.code: d.agency for d in deliveries}
    contents = list(movement.contents.all())
    specs = [
        (
            "Tỷ lệ giải ngân vốn đầu tư công",
            "%",
            "0",
            "95",
            "tang",
            units.get("SKHĐT-THQH"),
            contents[4],
            ["18.5", "41.2", "63.0", "90.4"],
        ),
        (
            "Thứ hạng chỉ số PCI của tỉnh",
            "hạng",
            "59",
            "45",
            "giam",
            units.get("SKHĐT-ĐKKD"),
            contents[3],
            ["56", "52"],
        ),
        (
            "Tỷ lệ hồ sơ đăng ký doanh nghiệp qua mạng",
            "%",
            "70",
            "95",
            "tang",
            units.get("SKHĐT-ĐKKD"),
            contents[3],
            ["78", "86", "93", "96"],
        ),
    ]
    quarters = [
        datetime.date(2023, 3, 31),
        datetime.date(2023, 6, 30),
        datetime.date(2023, 9, 30),
        datetime.date(2023, 12, 31),
    ]
    for name, unit, base, target, direction, owner, content, values in specs:
        indicator = save_indicator(
            movement,
            name=name,
            unit_of_measure=unit,
            baseline=Decimal(base),
            target=Decimal(target),
            direction=direction,
            owner=owner or skhdt,
            due_on=datetime.date(2023, 12, 31),
            content_item=content,
        )
        for day, value in zip(quarters, values, strict=False):
            report_progress(
                indicator,
                reported_on=day,
                value=Decimal(value),
                note=f"Số liệu đến {day:%d/%m/%Y}",
            )
