from .layout import DocumentLayout
from .registry import IssuedDocument, LocalDocumentType, NumberSeries
from .signer import DelegatedSignerFields, SignerFields
from .signing import DocumentSignature, SigningCredential

__all__ = [
    "DelegatedSignerFields",
    "DocumentLayout",
    "DocumentSignature",
    "IssuedDocument",
    "LocalDocumentType",
    "NumberSeries",
    "SignerFields",
    "SigningCredential",
]
