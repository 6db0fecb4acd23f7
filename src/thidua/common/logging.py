"""Log filter: adds the request id and blanks out CCCD-like numbers and secrets."""

import logging
import re

from .context import current_request_id

__all__ = ["RedactFilter"]

_TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")
_SECRETS = re.compile(r"(?i)(password|passwd|secret|token|mật khẩu)(\W+)\S+")


class RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or "-"
        message = record.getMessage()
        cleaned = _SECRETS.sub(r"\1\2***", _TWELVE_DIGITS.sub("[CCCD]", message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
