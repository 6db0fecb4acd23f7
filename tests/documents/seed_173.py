"""The launch document 173/PD-SKHĐT (Sở Kế hoạch và Đầu tư Lạng Sơn, 31/01/2023) as a
rendering spec, transcribed from ``seed_173.txt`` (a verbatim copy of the shared seed).

The wording is the seed's, typos included ("Chi thị", "bút phá"): the golden test
compares the rendered PDF with the seed element by element. The movement model can
later build the same spec and be compared with this one.
"""

import datetime

from thidua.demo import seed_173 as seed
from thidua.documents.rendering import (
    Document,
    Issuer,
    Item,
    Paragraph,
    Section,
    Signer,
)

# The text lives once, in the demo data the movement is loaded from.
BASIS = seed.OPENING
PURPOSES = tuple(seed.PURPOSES)
THEME = seed.THEME_INTRO
CONTENT = tuple(seed.CONTENTS)
IMPLEMENTATION = tuple(seed.DUTIES)
CLOSING = seed.CLOSING
RECIPIENTS = tuple(seed.RECIPIENTS)


def seed_173_spec() -> Document:
    """The spec of 173/PD-SKHĐT. The seed's last Nơi nhận line reads "Lưu VT, VP.";
    the spec files to VT and VP, which renders as NĐ 30's "- Lưu: VT, VP."."""
    return Document(
        issuer=Issuer(
            name="Sở Kế hoạch và Đầu tư",
            abbreviation="SKHĐT",
            parent_name="UBND tỉnh Lạng Sơn",
        ),
        number=173,
        type_code="PD",
        type_title="Phát động",
        trich_yeu="Phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2023",
        place="Lạng Sơn",
        issue_date=datetime.date(2023, 1, 31),
        opening=(BASIS,),
        body=(
            Section("Mục đích", tuple(Item(text) for text in PURPOSES)),
            Section("Chủ đề thi đua", (Paragraph(THEME),)),
            Section("Nội dung thi đua", tuple(Item(text) for text in CONTENT)),
            Section("Tổ chức thực hiện", tuple(Item(text) for text in IMPLEMENTATION)),
        ),
        closing=CLOSING,
        recipients=RECIPIENTS,
        filing=("VT", "VP"),
        signer=Signer(title="Giám đốc", name="Vũ Hoàng Quý"),
    )
