"""The wording of the legal provisions the engine cites, where it was read.

Each :class:`Passage` is one article, clause or point as a public source reproduces it
(docs/legal/texts-read.md lists every source with its date). Vietnamese legal texts are
not protected works (Luật Sở hữu trí tuệ Art 15), so they are quoted in full where
read. :func:`passage_for` finds the passage behind a citation as the engine prints it
("NĐ 152/2025/NĐ-CP, Điều 50, khoản 1, điểm a"): the point if it was read, else its
clause, else the article. Citations whose wording was not read have no passage; the
condition's own text then says what the rule asks.
"""

import re
from functools import cache

from .decrees import DECREE_PASSAGES
from .laws import LAW_PASSAGES
from .model import Document, Passage
from .names import LAW_2003, LAW_2022, ND91, ND98, ND129, ND152

__all__ = ["DOCUMENTS", "PASSAGES", "Document", "Passage", "passage_for"]


DOCUMENTS = (
    Document(
        LAW_2022,
        "Luật Thi đua, khen thưởng số 06/2022/QH15",
        "ngày 15/06/2022, hiệu lực từ 01/01/2024",
    ),
    Document(
        ND152,
        "Nghị định 152/2025/NĐ-CP quy định chi tiết một số điều của Luật Thi đua, khen "
        "thưởng",
        "ngày 14/06/2025, hiệu lực từ 01/07/2025",
    ),
    Document(
        ND98,
        "Nghị định 98/2023/NĐ-CP quy định chi tiết thi hành một số điều của Luật Thi "
        "đua, khen thưởng",
        "ngày 31/12/2023, hiệu lực từ 01/01/2024 đến 30/06/2025",
    ),
    Document(
        ND129,
        "Nghị định 129/2025/NĐ-CP quy định việc thực hiện thẩm quyền, nhiệm vụ của chính "
        "quyền địa phương hai cấp trong lĩnh vực quản lý nhà nước của Bộ Nội vụ",
        "hiệu lực từ 01/07/2025",
    ),
    Document(
        ND91,
        "Nghị định 91/2017/NĐ-CP quy định chi tiết thi hành một số điều của Luật Thi "
        "đua, khen thưởng",
        "ngày 31/07/2017, hết hiệu lực từ 01/01/2024",
    ),
    Document(
        LAW_2003,
        "Luật Thi đua, khen thưởng số 15/2003/QH11, sửa đổi, bổ sung năm 2005 và 2013",
        "hết hiệu lực từ 01/01/2024",
    ),
)

PASSAGES = LAW_PASSAGES + DECREE_PASSAGES

_CITATION = re.compile(
    r"^(?P<doc>.+?), Điều (?P<article>\d+)(?:, khoản (?P<clause>\d+))?"
    r"(?:, điểm (?P<point>[a-zđ]))?"
)


@cache
def _index() -> dict[tuple, Passage]:
    return {(p.doc, p.article, p.clause, p.point): p for p in PASSAGES}


@cache
def passage_for(citation: str) -> Passage | None:
    """The passage behind ``citation`` (its first part when it names several), the
    most precise one read: point, else clause, else article."""
    match = _CITATION.match(citation.split(";")[0].strip())
    if match is None:
        return None
    doc = match["doc"]
    article = int(match["article"])
    clause = int(match["clause"]) if match["clause"] else None
    point = match["point"]
    index = _index()
    for key in (
        (doc, article, clause, point),
        (doc, article, clause, None),
        (doc, article, None, None),
    ):
        found = index.get(key)
        if found is not None:
            return found
    return None
