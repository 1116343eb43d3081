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
from django.utils.timezone import now

from reports.models import Report, ReportState
from wards.jobs import ACTIVE, job_queue, job_start, jobs_expire
from wards.models import City
from wards.periods import DateRange

from .archive_models import ArchiveFailure
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
    """Queue the ZIP of a period; a request for the same ZIP already under way is returned instead of a
    second one, and one whose worker has gone silent is given up here (the page only shows it so)."""
    same = PeriodArchive.objects.filter(regime=regime, city=city, period_start=period.start, period_end=period.end)
    jobs_expire(same)
    active = same.filter(status__in=ACTIVE).order_by("-requested_at", "-pk").first()
    if active is not None:
        return active
    archive = PeriodArchive(
        regime=regime, city=city, period_start=period.start, period_end=period.end, requested_by=requested_by
    )
    archive.full_clean()
    archive.save()
    transaction.on_commit(lambda: _queue(archive.pk))
    return archive


def _queue(archive_id: int) -> None:
    """Hand the request to the broker; one that cannot be reached fails it at once, with the retry."""
    from django.conf import settings

    from . import tasks

    # The worker that makes the PDFs reads them best: the same queue.
    job_queue(
        PeriodArchive.objects.all(),
        archive_id,
        lambda: tasks.build_period_archive.apply_async(args=[archive_id], queue=settings.REPORTS_PDF_QUEUE),
        logger=logger,
        message=f"period archive {archive_id} could not be queued",
    )


def period_archive_build(archive_id: int) -> PeriodArchive | None:
    """Make the ZIP, saving the progress after each report so that the page can show it. Runs in the
    worker: a delivery of a request done or given up does nothing; one left "being made" by a dead worker
    is made again. Every failure ends the request failed with its reason (wards.jobs), the details logged."""
    archive, started = job_start(PeriodArchive.objects.select_related("regime__template", "city"), archive_id)
    if not started:
        return archive
    storing = False
    try:
        reports = archive_reports(archive.regime, archive.city, archive.period)
        PeriodArchive.objects.filter(pk=archive_id).update(total=len(reports), done=0)

        def progress(done: int) -> None:
            PeriodArchive.objects.filter(pk=archive_id).update(done=done)

        name = f"{archive.regime.code}-{archive.period_start:%Y%m%d}.zip"
        with File(tempfile.TemporaryFile(), name=name) as output:
            archive_write(reports, output, progress)
            output.seek(0)
            storing = True
            archive.file.save(output.name, output, save=False)
    except Exception as error:
        # A full disk, a PDF missing from the storage, an object store that refuses (OSError, or anything
        # while saving) is the storage's; anything else an error of the portal.
        failure = ArchiveFailure.STORAGE if storing or isinstance(error, OSError) else ArchiveFailure.ERROR
        logger.exception("period archive %s %s", archive_id, "could not be stored" if storing else "failed")
        with transaction.atomic():
            archive.fail(failure, f"{type(error).__name__}: {error}")
        return archive
    # Only a request still being made becomes done: one given up meanwhile stays so (a new one is under way).
    PeriodArchive.objects.filter(pk=archive_id, status=ArchiveStatus.RUNNING).update(
        status=ArchiveStatus.DONE, file=archive.file.name, done=len(reports), total=len(reports), finished_at=now()
    )
    archive.refresh_from_db()
    return archive
