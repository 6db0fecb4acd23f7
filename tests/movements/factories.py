import datetime

from thidua.movements.services.movement import create_movement, replace_section


def make_movement(org, **extra):
    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save(update_fields=["place_name"])
    movement = create_movement(
        {
            "name": "Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2026",
            "kind": "thuong_xuyen",
            "year": 2026,
            "scope_agency": org.skhdt,
            "type_code": "KH",
            "document_title": "Kế hoạch",
            "theme": "Kỷ cương, trách nhiệm, hành động, sáng tạo",
            "opening": "Thực hiện Chỉ thị số 02/CT-UBND của UBND tỉnh;",
            "closing": "Giám đốc Sở kêu gọi toàn thể công chức hưởng ứng./.",
            "archive_units": "VT, VP.",
        }
        | extra,
        launcher=org.skhdt,
    )
    replace_section(movement, "purposes", [{"text": "Động viên công chức."}])
    replace_section(
        movement, "contents", [{"text": "Chuyển đổi số[^Theo Nghị quyết 49-NQ/TU.]"}]
    )
    replace_section(
        movement, "duties", [{"actor": "don_vi", "text": "Các phòng quán triệt."}]
    )
    replace_section(
        movement,
        "recipients",
        [
            {
                "kind": "don_vi_truc_thuoc",
                "agency": org.skhdt,
                "label": "Các phòng, đơn vị",
            }
        ],
    )
    movement.refresh_from_db()
    return movement


ISSUED_ON = datetime.date(2026, 2, 5)


def issue_movement(movement, *, issued_on=ISSUED_ON, actor=None, approver=None):
    """The launch document the whole way: before the head of the launching agency
    (his account made on the way, "Giám đốc" Vũ Hoàng Quý), approved, then numbered
    and issued (by ``actor``, the clerk, or a trusted caller)."""
    from thidua.movements.enums import MovementState  # noqa: PLC0415
    from thidua.movements.services.movement import transition_movement  # noqa: PLC0415

    from ..decisions.factories import head_of  # noqa: PLC0415

    movement = transition_movement(movement, MovementState.AWAITING)
    movement = transition_movement(
        movement, MovementState.APPROVED, actor=approver or head_of(movement.launcher)
    )
    return transition_movement(
        movement, MovementState.ISSUED, issued_on=issued_on, actor=actor
    )
