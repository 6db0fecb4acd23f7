"""Real Word footnotes, which python-docx does not provide.

A footnote needs three things: a ``word/footnotes.xml`` part related to the document
part (with the separator and continuation-separator notes Word expects as ids -1 and 0),
a ``w:footnoteReference`` run in the body, and ``w:footnotePr`` in the settings. Both
Word and LibreOffice then number the notes and set their text at the foot of the page
that holds the reference.
"""

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from .docx_xml import format_paragraph, set_fonts, style_run
from .layout import Layout

__all__ = ["Footnotes"]

_SKELETON = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)
# Children of w:settings that follow w:footnotePr (ECMA-376 CT_Settings order).
_AFTER_FOOTNOTEPR = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def _char_style(run, style_id: str) -> None:
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), style_id)
    run._r.get_or_add_rPr().insert(0, style)


class Footnotes:
    """Collects the notes of one document; :meth:`attach` writes the part once the
    body is complete (nothing is written when the document has no note)."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.element = parse_xml(_SKELETON)
        self.count = 0
        for run in self.element.iter(qn("w:r")):
            set_fonts(run.get_or_add_rPr(), layout.font_name)

    def reference(self, paragraph, text: str, size: float):
        """Adds a reference to a new note with ``text`` at the end of ``paragraph``."""
        self.count += 1
        note_id = str(self.count)
        run = paragraph.add_run()
        style_run(run, self.layout, size, superscript=True)
        _char_style(run, "FootnoteReference")
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), note_id)
        run._r.append(ref)
        self._add_note(note_id, text)
        return run

    def _add_note(self, note_id: str, text: str) -> None:
        size = self.layout.size("footnote")
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), note_id)
        p = OxmlElement("w:p")
        note.append(p)
        self.element.append(note)
        paragraph = Paragraph(p, None)
        format_paragraph(paragraph, align="justify", first_line_cm=0, line=1.0)
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), "FootnoteText")
        p.get_or_add_pPr().insert(0, style)
        mark = paragraph.add_run()
        style_run(mark, self.layout, size, superscript=True)
        _char_style(mark, "FootnoteReference")
        mark._r.append(OxmlElement("w:footnoteRef"))
        body = paragraph.add_run(" " + text)
        style_run(body, self.layout, size)

    def attach(self, document) -> None:
        if not self.count:
            return
        part = XmlPart(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            self.element,
            document.part.package,
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        # Word's built-in footnote styles: LibreOffice maps them onto its own footnote
        # styles, which also set the number printed in the footnote area.
        size = str(int(round(self.layout.size("footnote") * 2)))
        font = self.layout.font_name
        document.styles.element.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText">'
                '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
                '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
                '<w:jc w:val="both"/></w:pPr>'
                f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"'
                f' w:cs="{font}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
                "</w:style>"
            )
        )
        document.styles.element.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
                '<w:name w:val="footnote reference"/>'
                '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
            )
        )
        settings = document.settings.element
        props = OxmlElement("w:footnotePr")
        for special in ("-1", "0"):
            ref = OxmlElement("w:footnote")
            ref.set(qn("w:id"), special)
            props.append(ref)
        settings.insert_element_before(props, *_AFTER_FOOTNOTEPR)
