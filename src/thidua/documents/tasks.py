"""Background rendering of issued documents (huey).

No huey retries: a rendering error marks the document failed with its reason (an
officer renders it again with "Tạo lại tệp"); a worker that dies mid-render is noticed
by thidua.common.jobs.recover_stale, which queues the document again."""

from huey.contrib.djhuey import db_task

__all__ = ["task_render_document"]


@db_task(name="thidua.documents.render")
def task_render_document(document_id: int) -> None:
    from .services.render import render_issued_document  # noqa: PLC0415 (loads LibreOffice glue)

    render_issued_document(document_id)
