"""The PDF panel names its stages with their times, also when the PDF was made within the request
(tasks in-process), and says how long the last PDF took."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import PdfStatus, ReportPdf
from reports.tests.factories import WEEKLY_RANGE, make_report
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db


def test_in_process_generation_shows_every_stage_and_the_time_taken(
    ward, seeds, leader, media_root, eager_tasks, django_capture_on_commit_callbacks
) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    kwargs = {"ward": ward.slug, "pk": report.pk}
    client = client_for(leader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:pdf_request", kwargs=kwargs), headers={"HX-Request": "true"})
    panel = client.get(reverse("reports:pdf_status", kwargs=kwargs)).content.decode()
    pdf = report.pdfs.get()
    assert pdf.status == PdfStatus.DONE
    for stage, when in (("queued", pdf.requested_at), ("running", pdf.started_at), ("done", pdf.finished_at)):
        assert f'data-stage="{stage}" class="text-body">✓' in panel
        assert timezone.localtime(when).strftime("%H:%M:%S") in panel
    assert "Bản PDF gần nhất được tạo trong" in panel


def test_a_queued_pdf_shows_the_stages_to_come_and_the_last_duration(ward, leader) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    now = timezone.now()
    done = ReportPdf.objects.create(report=report, status=PdfStatus.DONE, finished_at=now)
    ReportPdf.objects.filter(pk=done.pk).update(requested_at=now - timedelta(seconds=2.46))
    ReportPdf.objects.create(report=report, status=PdfStatus.QUEUED)
    url = reverse("reports:pdf_status", kwargs={"ward": ward.slug, "pk": report.pk})
    panel = client_for(leader).get(url).content.decode()
    assert 'data-stage="queued" class="text-body">✓' in panel
    assert 'data-stage="running" class="text-muted">○' in panel
    assert "Bản PDF gần nhất được tạo trong 2,5 giây." in panel
