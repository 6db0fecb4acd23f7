"""DOCX → PDF through LibreOffice headless.

Each call runs ``soffice --headless --convert-to pdf`` in a temporary folder that also
holds a fresh user profile (``-env:UserInstallation``) and HOME, so concurrent calls in
several processes never share a profile and nothing is written outside the folder. A
timeout kills the whole process group (soffice starts oosplash and soffice.bin). Every
failure raises :class:`ConversionError` with a Vietnamese message.

The binary is, in order: the ``soffice`` argument, the ``THIDUA_SOFFICE`` environment
variable, then ``soffice`` or ``libreoffice`` on PATH.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

__all__ = ["DEFAULT_TIMEOUT", "ConversionError", "docx_to_pdf", "find_soffice"]

DEFAULT_TIMEOUT = 120.0
_PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
_MISSING = (
    "Không tìm thấy LibreOffice ({what}) để chuyển DOCX sang PDF. "
    "Cài gói Debian libreoffice-writer-nogui hoặc đặt THIDUA_SOFFICE trỏ tới soffice."
)


class ConversionError(RuntimeError):
    """LibreOffice is missing, failed, timed out or wrote no PDF."""


def find_soffice(soffice: str | os.PathLike | None = None) -> str:
    """Path of the LibreOffice binary, or :class:`ConversionError` when there is none."""
    candidate = soffice or os.environ.get("THIDUA_SOFFICE")
    if candidate:
        path = Path(candidate)
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
        found = shutil.which(str(candidate))
        if found:
            return found
        raise ConversionError(_MISSING.format(what=candidate))
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ConversionError(_MISSING.format(what="soffice"))


def _tail(data: bytes, limit: int = 600) -> str:
    return data.decode("utf-8", "replace").strip()[-limit:]


def docx_to_pdf(
    docx: bytes,
    *,
    soffice: str | os.PathLike | None = None,
    timeout: float | None = None,
    pdfa: bool = False,
) -> bytes:
    """PDF bytes of ``docx`` (PDF/A-2b when ``pdfa``)."""
    binary = find_soffice(soffice)
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="thidua-lo-") as tmp:
        work = Path(tmp)
        source = work / "van-ban.docx"
        source.write_bytes(docx)
        home = work / "home"
        out = work / "out"
        home.mkdir()
        out.mkdir()
        command = [
            binary,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            _PDFA_FILTER if pdfa else "pdf",
            "--outdir",
            str(out),
            str(source),
        ]
        env = {**os.environ, "HOME": str(home), "TMPDIR": str(work)}
        env.pop("DISPLAY", None)
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                cwd=work,
                start_new_session=True,
            )
        except OSError as exc:
            raise ConversionError(
                f"Không chạy được LibreOffice ({binary}): {exc}"
            ) from exc
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ConversionError(
                f"LibreOffice không chuyển xong văn bản sang PDF sau {timeout:g} giây"
            ) from None
        finally:
            # soffice.bin may outlive the launcher script; clean up the whole group.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        result = out / "van-ban.pdf"
        if process.returncode != 0 or not result.is_file():
            detail = _tail(stderr) or _tail(stdout) or f"mã thoát {process.returncode}"
            raise ConversionError(
                f"LibreOffice không chuyển được văn bản sang PDF: {detail}"
            )
        pdf = result.read_bytes()
    if not pdf.startswith(b"%PDF-"):
        raise ConversionError("LibreOffice trả về tệp không phải PDF")
    return pdf
