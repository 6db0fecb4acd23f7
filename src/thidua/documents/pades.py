"""pyHanko glue: read a PKCS#12 file, sign a PDF (PAdES B-B), inspect its signatures.

No Django models here; :mod:`.services.signing` adds storage, audit and messages.
Verification is offline (agency networks are isolated): no fetching, revocation
checking in soft-fail mode, and no timestamp authority, hence the B-B level.
"""

import datetime
import functools
import hashlib
import io
import logging
import warnings
from dataclasses import dataclass

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, pkcs12
from cryptography.x509.oid import NameOID

__all__ = [
    "FIELD_NAME",
    "PERSONAL_FIELD_NAME",
    "P12Error",
    "ParsedP12",
    "RawSignature",
    "inspect_pdf",
    "load_trust_roots",
    "read_pkcs12",
    "sign_pdf_bytes",
]

# Per-glyph subsetting chatter and "No ROS metadata" on every stamp.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)
logging.getLogger("pyhanko.pdf_utils.font.opentype").setLevel(logging.ERROR)

FIELD_NAME = "ChuKySoCoQuan"  # the agency's seal (added last)
PERSONAL_FIELD_NAME = "ChuKySoCaNhan"  # the approving person's own signature
MM = 72 / 25.4
STAMP_MIN_WIDTH = 77 * MM  # ~7.7 cm; widened when the signer's name is longer
STAMP_FONT_SIZE = 10  # NĐ 30, Phụ lục I, §2.8: Times New Roman 10
STAMP_LEADING = 12
STAMP_PADDING = 2


class P12Error(ValueError):
    """``code`` is one of: not_p12, passphrase, no_key, no_cert, key_mismatch."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class ParsedP12:
    key: object
    cert: x509.Certificate
    extra_certs: list[x509.Certificate]

    @property
    def chain_pem(self) -> str:
        certs = [self.cert, *self.extra_certs]
        return "".join(c.public_bytes(Encoding.PEM).decode("ascii") for c in certs)

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.cert.public_bytes(Encoding.DER)).hexdigest()


def common_name(cert: x509.Certificate, *, issuer: bool = False) -> str:
    with warnings.catch_warnings():
        # cryptography warns on a CN over 64 characters; agency names in UTF-8 are.
        warnings.simplefilter("ignore", UserWarning)
        name = cert.issuer if issuer else cert.subject
        values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(values[0].value) if values else name.rfc4514_string()


def read_pkcs12(data: bytes, passphrase: str) -> ParsedP12:
    try:
        asn1_pkcs12.Pfx.load(data).native  # noqa: B018 (parses the whole structure)
    except Exception:
        raise P12Error("not_p12") from None
    try:
        loaded = pkcs12.load_pkcs12(data, passphrase.encode("utf-8") or None)
    except ValueError:
        raise P12Error("passphrase") from None
    if loaded.key is None:
        raise P12Error("no_key")
    if loaded.cert is None:
        raise P12Error("no_cert")
    cert = loaded.cert.certificate
    spki = PublicFormat.SubjectPublicKeyInfo
    mine = loaded.key.public_key().public_bytes(Encoding.DER, spki)
    if cert.public_key().public_bytes(Encoding.DER, spki) != mine:
        raise P12Error("key_mismatch")
    extra = [c.certificate for c in loaded.additional_certs]
    return ParsedP12(key=loaded.key, cert=cert, extra_certs=extra)


def can_sign(cert: x509.Certificate) -> bool:
    """Key usage allows signing (digitalSignature or contentCommitment), or is absent."""
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return usage.digital_signature or usage.content_commitment


@functools.lru_cache(maxsize=4)
def _font_bytes(font_path: str) -> bytes:
    with open(font_path, "rb") as handle:
        return handle.read()


@functools.lru_cache(maxsize=4)
def _advances(font_path: str) -> tuple[dict[int, int], int, int]:
    from fontTools.ttLib import TTFont  # noqa: PLC0415 (only for stamps)

    with TTFont(io.BytesIO(_font_bytes(font_path))) as font:
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        advances = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
        return advances, font["head"].unitsPerEm, hmtx[".notdef"][0]


def _font_factory(font_path: str):
    from pyhanko.pdf_utils.font.opentype import (  # noqa: PLC0415 (pyHanko loads slowly)
        GlyphAccumulator,
        GlyphAccumulatorFactory,
    )

    class InMemoryFontFactory(GlyphAccumulatorFactory):
        """pyHanko 0.38 opens the font file on every signature and never closes it."""

        def create_font_engine(self, writer, obj_stream=None):
            if (
                obj_stream is None
                and writer.stream_xrefs
                and self.create_objstream_if_needed
            ):
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(
                writer=writer,
                font_handle=io.BytesIO(_font_bytes(self.font_file)),
                font_size=self.font_size,
                ot_script_tag=self.ot_script_tag,
                ot_language_tag=self.ot_language_tag,
                writing_direction=self.writing_direction,
                bcp47_lang_code=self.bcp47_lang_code,
                obj_stream=obj_stream,
            )

    return InMemoryFontFactory(font_path, font_size=STAMP_FONT_SIZE)


def text_width(text: str, font_path: str, size: float) -> float:
    advances, upem, default = _advances(font_path)
    return sum(advances.get(ord(ch), default) for ch in text) * size / upem


def stamp_box(
    page_size,
    lines,
    font_path,
    *,
    top_mm=20.0,
    right_mm=15.0,
    left_mm=30.0,
    bottom_mm=None,
):
    """Top right of the page, inside the top margin, right edge on the right margin;
    inside the bottom margin instead when ``bottom_mm`` is given."""
    width, height = page_size
    wanted = max(text_width(line, font_path, STAMP_FONT_SIZE) for line in lines)
    box_w = min(
        max(STAMP_MIN_WIDTH, wanted + 2 * STAMP_PADDING + 2),
        width - (left_mm + right_mm) * MM,
    )
    box_h = len(lines) * STAMP_LEADING + 2 * STAMP_PADDING
    x2 = width - right_mm * MM
    if bottom_mm is not None:
        bottom_margin = bottom_mm * MM
        y1 = max((bottom_margin - box_h) / 2, 0)
    else:
        top_margin = top_mm * MM
        y1 = height - top_margin + max((top_margin - box_h) / 2, 0)
    return (round(x2 - box_w), round(y1), round(x2), round(y1 + box_h))


def _page_size(writer, page: int = 0) -> tuple[float, float]:
    try:
        page_ref, _res = writer.find_page_for_modification(page)
        box = page_ref.get_object()["/MediaBox"]
        return float(box[2]) - float(box[0]), float(box[3]) - float(box[1])
    except Exception:
        return 595.3, 841.9  # A4


def _stamp_style(font_path: str):
    from pyhanko.pdf_utils import layout  # noqa: PLC0415 (pyHanko loads slowly)
    from pyhanko.pdf_utils.text import TextBoxStyle  # noqa: PLC0415 (heavy: loaded when a PDF is signed or checked)
    from pyhanko.stamp import TextStampStyle  # noqa: PLC0415 (heavy: loaded when a PDF is signed or checked)

    # Same size in the factory and the box style, or multi-line text drifts
    # (pyHanko #733); an OTF font, since 2048-unit TrueType doubles the spacing.
    font = _font_factory(font_path)
    return TextStampStyle(
        stamp_text="%(lines)s",
        border_width=0,
        background=None,
        text_box_style=TextBoxStyle(
            font=font,
            font_size=STAMP_FONT_SIZE,
            leading=STAMP_LEADING,
            # pyHanko's default 10 pt text margin would make the stamp shrink the text.
            box_layout_rule=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MIN,
                y_align=layout.AxisAlignment.ALIGN_MAX,
                margins=layout.Margins.uniform(0),
            ),
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(STAMP_PADDING),
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        ),
    )


def sign_pdf_bytes(
    pdf: bytes,
    p12: bytes,
    passphrase: str,
    *,
    stamp_lines=None,
    font_path: str = "",
    margins_mm=(20.0, 15.0, 30.0),
    field_name: str = FIELD_NAME,
    bottom_mm=None,
) -> bytes:
    """PAdES (ETSI.CAdES.detached), SHA-256, one new field ``field_name`` (added
    incrementally: earlier signatures stay valid); visible when ``stamp_lines`` is
    given: top right of page 1 (top, right, left margins in ``margins_mm``), or, with
    ``bottom_mm``, bottom right of the last page."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: PLC0415 (heavy: loaded when a PDF is signed or checked)
    from pyhanko.sign import fields, signers  # noqa: PLC0415 (heavy: loaded when a PDF is signed or checked)

    signer = signers.SimpleSigner.load_pkcs12_data(
        p12, other_certs=[], passphrase=passphrase.encode("utf-8") or None
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    if stamp_lines:
        top, right, left = margins_mm
        page = 0 if bottom_mm is None else -1
        box = stamp_box(
            _page_size(writer, page),
            stamp_lines,
            font_path,
            top_mm=top,
            right_mm=right,
            left_mm=left,
            bottom_mm=bottom_mm,
        )
        spec = fields.SigFieldSpec(field_name, on_page=page, box=box)
        pdf_signer = signers.PdfSigner(
            meta, signer, stamp_style=_stamp_style(font_path), new_field_spec=spec
        )
        params = {"lines": "\n".join(stamp_lines)}
    else:
        pdf_signer = signers.PdfSigner(
            meta, signer, new_field_spec=fields.SigFieldSpec(field_name)
        )
        params = None
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out, appearance_text_params=params)
    return out.getvalue()


@dataclass
class RawSignature:
    field_name: str = ""
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    entire_file: bool = False
    signer_cn: str = ""
    fingerprint: str = ""
    signing_time: datetime.datetime | None = None
    error: str = ""


def load_trust_roots(pem_blobs) -> list:
    from pyhanko.keys import load_certs_from_pemder_data  # noqa: PLC0415 (heavy: loaded when a PDF is signed or checked)

    roots = []
    for blob in pem_blobs:
        if blob:
            data = blob.encode("ascii") if isinstance(blob, str) else blob
            roots.extend(load_certs_from_pemder_data(data))
    return roots


def inspect_pdf(
    pdf: bytes, trust_roots: list, *, moment=None
) -> list[RawSignature] | None:
    """Every signature's status, or None when the file is not a readable PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: PLC0415 (heavy: loaded when a PDF is signed or checked)
    from pyhanko.sign.validation import validate_pdf_signature  # noqa: PLC0415 (heavy: loaded when a PDF is signed or checked)
    from pyhanko_certvalidator import ValidationContext  # noqa: PLC0415 (heavy: loaded when a PDF is checked)

    try:
        embedded = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except Exception:
        return None
    results = []
    for sig in embedded:
        raw = RawSignature(field_name=str(sig.field_name or ""))
        try:
            context = ValidationContext(
                trust_roots=trust_roots,
                allow_fetching=False,
                revocation_mode="soft-fail",
                moment=moment,
            )
            status = validate_pdf_signature(sig, context)
        except Exception as exc:
            raw.error = str(exc)[:300] or type(exc).__name__
            results.append(raw)
            continue
        cert = status.signing_cert
        raw.intact, raw.valid, raw.trusted = status.intact, status.valid, status.trusted
        raw.entire_file = status.coverage.name == "ENTIRE_FILE"
        raw.signer_cn = cert.subject.native.get("common_name", "") if cert else ""
        raw.fingerprint = hashlib.sha256(cert.dump()).hexdigest() if cert else ""
        raw.signing_time = status.signer_reported_dt
        results.append(raw)
    return results
