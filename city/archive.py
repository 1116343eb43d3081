"""The ZIP of one period's reports of every ward: the signed PDF where there is one, else the approved
version. The worker task and the `period_archive` command run the same `archive_write`."""

from __future__ import annotations

import logging
import tempfile
import zipfile
from collections.abc import Callable
from typing import BinaryIO

from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.db import transaction

from reports.models import Report, ReportState
from wards.models import City
from wards.periods import DateRange

from .models import ArchiveStatus, PeriodArchive, Regime

logger = logging.getLogger(__name__)
DELIVERED = (ReportState.APPROVED, ReportState.SIGNED, ReportState.ACCEPTED)


def archive_reports(regime: Regime, city: City, period: DateRange) -> list[Report]:
    """The period's reports that have an approved version, one per ward (the latest)."""
    reports = (
        Report.objects.filter(
            template=regime.template,
            ward__city=city,
            state__in=DELIVERED,
            end__range=(period.start, period.end),
            approved_pdf__isnull=False,
        )
        .select_related("ward", "approved_pdf", "signed_pdf")
        .order_by("ward__name", "pk")
    )
    return list({report.ward_id: report for report in reports}.values())


def archive_write(reports: list[Report], output: BinaryIO, progress: Callable[[int], None] = lambda done: None) -> int:
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for done, report in enumerate(reports, start=1):
            pdf = report.signed_pdf or report.approved_pdf
            kind = "da-ky" if report.signed_pdf else "da-duyet"
            name = f"{report.ward.slug}-{report.start:%Y%m%d}-{report.end:%Y%m%d}-{kind}.pdf"
            with pdf.file.open("rb") as source:
                archive.writestr(name, source.read())
            progress(done)
    return len(reports)


@transaction.atomic
def period_archive_request(
    *, regime: Regime, city: City, period: DateRange, requested_by: AbstractBaseUser
) -> PeriodArchive:
    archive = PeriodArchive(
        regime=regime, city=city, period_start=period.start, period_end=period.end, requested_by=requested_by
    )
    archive.full_clean()
    archive.save()
    transaction.on_commit(lambda: _queue(archive.pk))
    return archive


def _queue(archive_id: int) -> None:
    from django.conf import settings

    from . import tasks

    # The worker that makes the PDFs reads them best: the same queue.
    tasks.build_period_archive.apply_async(args=[archive_id], queue=settings.REPORTS_PDF_QUEUE)


def period_archive_build(archive_id: int) -> None:
    """Make the ZIP, saving the progress after each report so that the page can show it."""
    archive = PeriodArchive.objects.select_related("regime__template", "city").get(pk=archive_id)
    reports = archive_reports(archive.regime, archive.city, archive.period)
    PeriodArchive.objects.filter(pk=archive_id).update(status=ArchiveStatus.RUNNING, total=len(reports), done=0)

    def progress(done: int) -> None:
        PeriodArchive.objects.filter(pk=archive_id).update(done=done)

    try:
        with File(tempfile.TemporaryFile(), name=f"{archive.regime.code}-{archive.period_start:%Y%m%d}.zip") as output:
            archive_write(reports, output, progress)
            output.seek(0)
            archive.file.save(output.name, output, save=False)
    except OSError as error:
        logger.exception("period archive %s failed", archive_id)
        PeriodArchive.objects.filter(pk=archive_id).update(status=ArchiveStatus.FAILED, failure=str(error))
        return
    PeriodArchive.objects.filter(pk=archive_id).update(
        status=ArchiveStatus.DONE, file=archive.file.name, done=len(reports), total=len(reports)
    )
