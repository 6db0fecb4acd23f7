from .layout import DocumentLayout
from .registry import IssuedDocument, LocalDocumentType, NumberSeries

__all__ = ["DocumentLayout", "IssuedDocument", "LocalDocumentType", "NumberSeries"]
