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
            "signer_title": "Giám đốc",
            "signer_name": "Vũ Hoàng Quý",
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
