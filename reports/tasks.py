"""Celery tasks of the reports app: ids in, a service call out."""

from __future__ import annotations

from celery import shared_task

from . import services


# acks_late with reject_on_worker_lost (also the project defaults, repeated because this task relies
# on them): a worker that dies mid-render leaves the message unacknowledged, so the broker delivers it
# again and report_pdf_render makes the PDF anew.
@shared_task(name="reports.render_report_pdf", acks_late=True, reject_on_worker_lost=True)
def render_report_pdf(pdf_id: int) -> str | None:
    pdf = services.report_pdf_render(pdf_id=pdf_id)
    return pdf.status if pdf is not None else None


@shared_task(name="reports.send_transition_notice", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_transition_notice(event_id: int) -> int:
    from .notify import transition_notice

    return transition_notice(event_id)
