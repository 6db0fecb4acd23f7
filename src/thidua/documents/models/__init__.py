from .layout import DocumentLayout
from .registry import IssuedDocument, LocalDocumentType, NumberSeries
from .signing import DocumentSignature, SigningCredential

__all__ = [
    "DocumentLayout",
    "DocumentSignature",
    "IssuedDocument",
    "LocalDocumentType",
    "NumberSeries",
    "SigningCredential",
]
