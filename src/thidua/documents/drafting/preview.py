"""The editor's preview: the pages of the PDF the document will be signed as.

The draft's content goes through the one path every issued file takes (content →
spec → DOCX → LibreOffice → PDF), and the PDF's pages are drawn as PNG images by
poppler's ``pdftoppm``: what the officer looks at while writing is the signed PDF,
not an HTML imitation of it.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from thidua.documents.rendering import ConversionError, SpecError, render_pdf

from .content import ContentError
from .to_spec import content_spec

__all__ = ["PreviewError", "pdf_pages", "preview_pages"]

_TIMEOUT = 60


class PreviewError(RuntimeError):
    """The preview could not be drawn; ``problems`` says why, in Vietnamese."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def pdf_pages(pdf: bytes, *, dpi: int = 72) -> list[bytes]:
    """PNG images of the pages of ``pdf``."""
    binary = shutil.which("pdftoppm")
    if binary is None:
        raise PreviewError(
            [
                "Không tìm thấy pdftoppm để vẽ trang xem trước (cài gói Debian poppler-utils)"
            ]
        )
    with tempfile.TemporaryDirectory(prefix="thidua-preview-") as tmp:
        work = Path(tmp)
        (work / "van-ban.pdf").write_bytes(pdf)
        try:
            subprocess.run(
                [binary, "-png", "-r", str(dpi), "van-ban.pdf", "trang"],
                cwd=work,
                check=True,
                capture_output=True,
                timeout=_TIMEOUT,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise PreviewError([f"Không vẽ được trang xem trước: {exc}"]) from exc
        # pdftoppm pads page numbers to the width of the last one (trang-01.png…).
        pages = sorted(
            work.glob("trang-*.png"), key=lambda p: int(p.stem.split("-")[1])
        )
        return [page.read_bytes() for page in pages]


def preview_pages(content: dict, *, dpi: int = 72) -> list[bytes]:
    """The pages of ``content`` as it would be printed. A draft without number or
    date shows them blank, as the clerk will fill them; what stops the rendering
    (an empty signer, a table whose rows do not fit) is a :class:`PreviewError`
    naming each problem."""
    try:
        spec = content_spec(content)
        pdf = render_pdf(spec)
    except (SpecError, ContentError) as exc:
        raise PreviewError(exc.problems) from exc
    except ConversionError as exc:
        raise PreviewError([str(exc)]) from exc
    return pdf_pages(pdf, dpi=dpi)
