from .drafts import DocumentTemplate, DraftAttachment, DraftDocument, DraftState
from .layout import DocumentLayout
from .registry import IssuedDocument, LocalDocumentType, NumberSeries
from .signer import DelegatedSignerFields, SignerFields
from .signing import DocumentSignature, SigningCredential

__all__ = [
    "DelegatedSignerFields",
    "DocumentLayout",
    "DocumentSignature",
    "DocumentTemplate",
    "DraftAttachment",
    "DraftDocument",
    "DraftState",
    "IssuedDocument",
    "LocalDocumentType",
    "NumberSeries",
    "SignerFields",
    "SigningCredential",
]
