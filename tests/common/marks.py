"""Developer marks that pages must never show (issue #16)."""

import re

__all__ = ["developer_marks"]

# What a user must never read on a page (the law as cited rules, issue #16): doubt
# marks and internal names; settings that reflect an agency's choice say "theo quy chế
# của cơ quan", what was not read is the admin's note (thidua eligibility explain).
DEVELOPER_MARKS = re.compile(
    r"chưa (?:được )?kiểm chứng|chưa (?:được )?đối chiếu|\[U\]|tham số chính sách"
    r"|suy luận|xem docs/|\bnd(?:91_2017|98_2023|152_2025)\b|\bluat2026\b",
    re.IGNORECASE,
)


def developer_marks(html: str) -> list[str]:
    """The marks in the page's text (tags, attributes and scripts left out: option
    values and ids may carry codes)."""
    text = re.sub(r"<script\b.*?</script>|<[^>]+>", " ", html, flags=re.DOTALL)
    return sorted({m.group(0) for m in DEVELOPER_MARKS.finditer(text)})
