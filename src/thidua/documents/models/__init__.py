from .registry import IssuedDocument, LocalDocumentType, NumberSeries

__all__ = ["IssuedDocument", "LocalDocumentType", "NumberSeries"]
