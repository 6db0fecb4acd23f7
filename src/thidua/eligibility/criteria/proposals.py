"""Forms an agency proposes upward whose criteria the conferring level judges on the
dossier: the other Huân chương (Độc lập, Bảo vệ Tổ quốc, Chiến công, Dũng cảm, Đại
đoàn kết dân tộc), the collectives' higher classes of the Huân chương Lao động, and the
Kỷ niệm chương of a bộ, ngành or tỉnh — with the Huân chương Lao động line of
:mod:`.orders`, the regimes' whole list of orders.
"""

from ..catalog import HONOUR_CODES, INDIVIDUAL_ONLY_FORMS, KINDS, NAMES
from ..results import Citation, cite
from .base import RuleDef, qual
from .commendations import COMPLIANCE, qualitative_only
from .orders import hcld1_individual_2022, hcld2_individual_2022

__all__ = ["orders_2022", "orders_before_2024", "proposal_only"]

ACHIEVEMENT = (
    "Thành tích đạt tiêu chuẩn {name} theo quy định của Luật: cấp có thẩm quyền xét "
    "theo hồ sơ đề nghị"
)


def proposal_only(code: str, kind: str, *, criterion: Citation) -> RuleDef:
    """A form whose criteria the conferring level judges on the dossier (the
    achievement, the length of service): listed as conditions for the council, never
    decided by the engine."""
    name = NAMES[code]
    return RuleDef(
        code,
        kind,
        lambda p: qualitative_only(
            code,
            kind,
            (
                qual(ACHIEVEMENT.format(name=name), criterion),
                qual(COMPLIANCE, criterion),
            ),
        ),
    )


# Luật 2022: the Huân chương follow the order of Art 33 cl.2, one article per class
# (Sao vàng 34, Hồ Chí Minh 35, Độc lập 36–38, Quân công 39–41, Lao động 42–44, Bảo
# vệ Tổ quốc 45–47, Chiến công 48–50, Đại đoàn kết dân tộc 51, Dũng cảm 52); Art 43
# and Art 44 were read, Art 54 (Huy chương) confirms the count.
ARTICLES_2022 = {
    "HCDL_1": 36,
    "HCDL_2": 37,
    "HCDL_3": 38,
    "HCBVTQ_1": 45,
    "HCBVTQ_2": 46,
    "HCBVTQ_3": 47,
    "HCCC_1": 48,
    "HCCC_2": 49,
    "HCCC_3": 50,
    "HC_DDKDT": 51,
    "HC_DUNG_CAM": 52,
}
INFERRED = "số điều suy luận theo thứ tự Điều 33 khoản 2 (Điều 43, 44, 54 đã đối chiếu)"
# Danh hiệu vinh dự nhà nước: the articles were not read (they follow the Huy chương,
# Art 54); the conferring level judges the dossier.
HONOUR = "điều về danh hiệu vinh dự nhà nước chưa đối chiếu; cấp trên xét theo hồ sơ"


def _kinds(code: str) -> tuple[str, ...]:
    return ("individual",) if code in INDIVIDUAL_ONLY_FORMS else KINDS


def orders_2022(
    law: str, *, publication: Citation, next_proposal: Citation
) -> tuple[RuleDef, ...]:
    """The higher classes of the Huân chương Lao động, the other orders and the Kỷ niệm
    chương under Luật 2022 (review years from 2024)."""
    rules = [
        hcld2_individual_2022(
            criterion=cite(
                law, 43, 1, "đ", note="số điểm suy luận theo thứ tự liệt kê trong khoản"
            ),
            publication=publication,
            next_proposal=next_proposal,
        ),
        hcld1_individual_2022(
            criterion=cite(
                law, 42, 1, note=INFERRED + "; lời văn khoản 1 chưa đọc được"
            ),
            publication=publication,
            next_proposal=next_proposal,
        ),
        proposal_only(
            "HCLD_2",
            "collective",
            criterion=cite(law, 43, 2, tag="U", note="tiêu chuẩn tập thể chưa thấy"),
        ),
        proposal_only(
            "HCLD_1",
            "collective",
            criterion=cite(law, 42, 2, tag="U", note="tiêu chuẩn tập thể chưa thấy"),
        ),
        # Kỷ niệm chương: name, subjects and criteria set by each bộ, ngành, tỉnh.
        proposal_only("KNC_BO_TINH", "individual", criterion=cite(law, 71, 2)),
    ]
    for code, article in ARTICLES_2022.items():
        rules.extend(
            proposal_only(code, kind, criterion=cite(law, article, note=INFERRED))
            for kind in _kinds(code)
        )
    honour = cite(law, tag="U", note=HONOUR)
    rules.extend(
        proposal_only(code, kind, criterion=honour)
        for code in HONOUR_CODES
        for kind in _kinds(code)
    )
    return tuple(rules)


def orders_before_2024(law: str) -> tuple[RuleDef, ...]:
    """The same forms under the Law of 2003 (amended 2013), proposal only: its
    criteria for them were not read."""
    old = cite(law, tag="U", note="tiêu chuẩn theo Luật cũ chưa đối chiếu")
    return tuple(
        proposal_only(code, kind, criterion=old)
        for code in ("HCLD_2", "HCLD_1", *ARTICLES_2022, "KNC_BO_TINH", *HONOUR_CODES)
        for kind in _kinds(code)
    )
