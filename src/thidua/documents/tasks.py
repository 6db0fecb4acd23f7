"""Background rendering of issued documents (huey)."""

from huey.contrib.djhuey import db_task

__all__ = ["task_render_document"]


@db_task(name="thidua.documents.render", retries=1, retry_delay=10)
def task_render_document(document_id: int) -> None:
    from .services.render import render_issued_document  # noqa: PLC0415 (loads LibreOffice glue)

    render_issued_document(document_id)
