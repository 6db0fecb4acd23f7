"""Documents of any kind held as structured content (docs/document-model.md): the
content's validation, its rendering specification, templates and the DOCX import."""
