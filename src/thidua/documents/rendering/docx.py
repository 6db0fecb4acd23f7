"""Builds the DOCX of a :class:`~.spec.Document` with python-docx (NĐ 30/2020 layout).

Page: A4 portrait, margins from the :class:`~.layout.Layout` (inside the decree's
ranges), Times New Roman for every run and every script slot, Vietnamese language.
The package is written with fixed zip timestamps so the same spec and layout always
give the same bytes (and the same sha256).
"""

import datetime
import io
import zipfile

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Twips

from .docx_body import add_blocks, body_paragraph, write_rich
from .docx_footnotes import Footnotes
from .docx_header import add_heading_block, add_page_numbers
from .docx_signature import add_signature_block
from .docx_xml import Ctx, add_rule, add_text, format_paragraph, set_fonts
from .layout import Layout
from .metrics import line_widths_pt
from .spec import Appendix, Document, roman

# The core "category" of every DOCX thidua writes.
THIDUA_MARK = "thidua"

__all__ = [
    "THIDUA_MARK",
    "blank_document",
    "build_docx",
    "package_bytes",
    "setup_defaults",
    "setup_section",
]

_A4_TWIPS = (11906, 16838)
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def setup_defaults(document, layout: Layout) -> None:
    """Document defaults: the font in every slot, body size, Vietnamese, no spacing."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, layout.font_name)
    size = str(int(layout.size("body") * 2))
    rpr.find(qn("w:sz")).set(qn("w:val"), size)
    rpr.find(qn("w:szCs")).set(qn("w:val"), size)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), layout.language)
    lang.set(qn("w:eastAsia"), layout.language)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    # The built-in styles name theme fonts (Calibri, Cambria); point them at ours.
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attr}"), None)
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{attr}"), layout.font_name)
    # No thumbnail of the python-docx template in our files.
    settings = document.settings.element
    preview = settings.find(qn("w:savePreviewPicture"))
    if preview is not None:
        settings.remove(preview)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package.rels.pop(rel_id)


def setup_section(section, layout: Layout) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Twips(_A4_TWIPS[0])
    section.page_height = Twips(_A4_TWIPS[1])
    section.top_margin = Mm(layout.margins.top_mm)
    section.bottom_margin = Mm(layout.margins.bottom_mm)
    section.left_margin = Mm(layout.margins.left_mm)
    section.right_margin = Mm(layout.margins.right_mm)
    section.footer_distance = Mm(layout.header_distance_mm)
    section.gutter = 0


def _add_appendix(
    document, spec: Document, appendix: Appendix, number: int, ctx: Ctx
) -> None:
    """Mẫu 2.1 on a new page, with page numbers restarting at 1 (Phụ lục I, III)."""
    layout = ctx.layout
    section = document.add_section(WD_SECTION.NEW_PAGE)
    portrait = section.orientation == WD_ORIENT.PORTRAIT
    if appendix.landscape == portrait:
        # A wide table: the appendix's own pages turn (its margins stay the
        # decree's, measured on the turned page), and back for the next one.
        width, height = section.page_width, section.page_height
        section.orientation = (
            WD_ORIENT.LANDSCAPE if appendix.landscape else WD_ORIENT.PORTRAIT
        )
        section.page_width, section.page_height = height, width
    pg_num = OxmlElement("w:pgNumType")
    pg_num.set(qn("w:start"), "1")
    section._sectPr.insert_element_before(
        pg_num,
        "w:cols",
        "w:formProt",
        "w:vAlign",
        "w:noEndnote",
        "w:titlePg",
        "w:textDirection",
        "w:bidi",
        "w:rtlGutter",
        "w:docGrid",
        "w:printerSettings",
        "w:sectPrChange",
    )
    label = "Phụ lục" if len(spec.appendices) == 1 else f"Phụ lục {roman(number)}"
    lines = (
        (label, "phu_luc_label", True, False),
        (appendix.title.upper(), "phu_luc_title", True, False),
        (spec.attached_note, "phu_luc_kem_theo", False, True),
    )
    for text, style, bold, italic in lines:
        paragraph = document.add_paragraph()
        format_paragraph(paragraph, align="center", keep_next=True)
        add_text(paragraph, text, layout, layout.size(style), bold=bold, italic=italic)
    title_line = max(
        line_widths_pt(
            appendix.title.upper(),
            layout.size("phu_luc_title"),
            ctx.text_width_pt,
            bold=True,
        )
    )
    add_rule(
        document.add_paragraph(),
        layout,
        length_pt=title_line * layout.rule_ratio,
        available_pt=ctx.text_width_pt,
        before_pt=3,
        after_pt=12,
    )
    add_blocks(document, appendix.blocks, ctx)


def _attachments(document, spec: Document, ctx: Ctx) -> None:
    """ "Tài liệu kèm theo:" and the files delivered with the document, one a line."""
    size = ctx.layout.size("body")
    heading = body_paragraph(document, ctx, keep_next=True)
    add_text(heading, "Tài liệu kèm theo:", ctx.layout, size, italic=True)
    for index, name in enumerate(spec.attachments):
        last = index == len(spec.attachments) - 1
        line = body_paragraph(document, ctx, keep_next=True)
        add_text(line, f"- {name}{'.' if last else ';'}", ctx.layout, size, italic=True)


def package_bytes(document) -> bytes:
    """Saves ``document`` with fixed zip timestamps (reproducible bytes)."""
    raw = io.BytesIO()
    document.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def blank_document(layout: Layout):
    """An empty A4 document in ``layout`` (margins, fonts), page numbers from page 2:
    where every document thidua writes starts, numbered or not."""
    document = docx.Document()
    setup_defaults(document, layout)
    section = document.sections[0]
    setup_section(section, layout)
    # The template's body holds one empty paragraph before the section properties.
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    ctx = Ctx(document, layout, Footnotes(layout))
    add_page_numbers(section, ctx)
    return document, ctx


def build_docx(spec: Document, layout: Layout) -> bytes:
    """The DOCX bytes of ``spec`` (already validated) under ``layout``."""
    document, ctx = blank_document(layout)
    add_heading_block(document, spec, ctx)
    size = layout.size("body")
    for opening in spec.opening:
        write_rich(body_paragraph(document, ctx), opening, ctx, size)
    add_blocks(document, spec.body, ctx)
    if spec.closing:
        write_rich(
            body_paragraph(document, ctx, keep_next=True), spec.closing, ctx, size
        )
    if spec.attachments:
        _attachments(document, spec, ctx)
    add_signature_block(document, spec, ctx)
    for number, appendix in enumerate(spec.appendices, 1):
        _add_appendix(document, spec, appendix, number, ctx)
    # The body must not end with a table (Word then adds a paragraph of its own).
    tail = document.add_paragraph()
    format_paragraph(tail, exact_pt=1)
    ctx.footnotes.attach(document)

    core = document.core_properties
    # Core properties hold at most 255 characters (a long trích yếu is cut there).
    core.title = " ".join(spec.trich_yeu.split())[:255]
    core.subject = f"{spec.type_title or 'Công văn'} {spec.number_text}"[:255]
    core.author = spec.issuer.one_line_name[:255]
    core.last_modified_by = spec.issuer.one_line_name[:255]
    # Marks the file as thidua's: the import knows its soft breaks in header names
    # are wraps it made (drafting.docx_import_package).
    core.category = THIDUA_MARK
    core.comments = ""
    core.keywords = ""
    core.language = layout.language
    core.revision = 1
    stamp = datetime.datetime.combine(
        spec.issue_date or datetime.date(2000, 1, 1),
        datetime.time(),
        tzinfo=datetime.UTC,
    )
    core.created = stamp
    core.modified = stamp
    core.last_printed = stamp
    return package_bytes(document)
