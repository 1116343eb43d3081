"""Writes of the reports app. Each function validates fully and runs in one transaction."""

from __future__ import annotations

import hashlib
import logging
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wards.jobs import job_queue, job_start, jobs_expire
from wards.models import Membership, Role, Ward
from wards.periods import DateRange
from wards.stale import assert_fresh

from . import tasks
from .models import (
    PdfFailure,
    PdfStatus,
    Report,
    ReportPdf,
    ReportSection,
    ReportState,
    ReportTemplate,
    signing_title,
)
from .pdf import report_pdf
from .placeholders import PlaceholderError, unknown_keys
from .sanitize import clean_html

logger = logging.getLogger(__name__)


def _check_section(*, body: str, footnotes: str) -> tuple[str, str]:
    body = clean_html(body)
    unknown = unknown_keys(body, footnotes)
    if unknown:
        raise ValidationError(
            {
                "body": _("Unknown placeholders: %(keys)s. Pick keys from the list of placeholders.")
                % {"keys": ", ".join(unknown)}
            }
        )
    return body, footnotes


def default_signer(ward: Ward, authority: str) -> AbstractBaseUser | None:
    membership = (
        Membership.objects.filter(ward=ward, role=Role.LEADER, signing_title=signing_title(authority))
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def previous_report(*, ward: Ward, template: ReportTemplate, before: DateRange) -> Report | None:
    """The latest approved (or signed, accepted) report of the template before `before`: its text was
    read and issued, a draft's was not."""
    issued = [ReportState.APPROVED, ReportState.SIGNED, ReportState.ACCEPTED]
    return (
        Report.objects.filter(ward=ward, template=template, end__lt=before.start, state__in=issued)
        .order_by("-end", "-pk")
        .first()
    )


# What the section and header forms edit: the fields their versions are read from.
SECTION_FIELDS = ("heading", "body", "footnotes")
HEADER_FIELDS = ("summary", "addressees", "recipients", "drafter_initials")


def _lock_draft(report: Report) -> Report:
    """The report's row, locked; refuses unless it is a draft (a submitted or approved text is frozen)."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.state != ReportState.DRAFT:
        raise ValidationError(
            _("Only a draft can be changed; this report is %(state)s.") % {"state": locked.get_state_display()}
        )
    return locked


class DuplicateReport(ValidationError):
    """The ward already has a report of this template and range; `existing` is shown as a link."""

    def __init__(self, existing: Report) -> None:
        super().__init__(_("This ward already has this report for this period."), code="duplicate")
        self.existing = existing


@transaction.atomic
def report_create(
    *, ward: Ward, template: ReportTemplate, period: DateRange, created_by: AbstractBaseUser | None
) -> Report:
    """A report from its template; a weekly report takes the text of the ward's previous one, whose
    placeholders then show this range's figures. The same template and range twice is refused: under
    the ward's row lock, so that two clicks at once cannot both pass the check."""
    Ward.objects.select_for_update().filter(pk=ward.pk).first()
    existing = Report.objects.filter(ward=ward, template=template, start=period.start, end=period.end).first()
    if existing is not None:
        raise DuplicateReport(existing)
    source: Report | ReportTemplate = template
    if template.kind == "weekly":
        source = previous_report(ward=ward, template=template, before=period) or template
    report = Report(
        ward=ward,
        template=template,
        start=period.start,
        end=period.end,
        title=source.title,
        summary=source.summary,
        addressees=source.addressees,
        recipients=source.recipients,
        signing_authority=source.signing_authority,
        signer=default_signer(ward, source.signing_authority),
        created_by=created_by,
    )
    report.full_clean()
    report.save()
    for section in source.sections.all():
        copy = ReportSection(
            report=report,
            order=section.order,
            number=section.number,
            heading=section.heading,
            level=section.level,
            body=clean_html(section.body),
            footnotes=section.footnotes,
            table_kind=section.table_kind,
        )
        copy.full_clean()
        copy.save()
    return report


@transaction.atomic
def report_section_update(
    *,
    section: ReportSection,
    heading: str,
    body: str,
    footnotes: str,
    table_kind: str | None = None,
    version: str | None = None,
) -> ReportSection:
    """Save a section's text; `table_kind` changes its figure table ("" drops it), None keeps it.
    Raises StaleEdit when the section changed after `version` (the page's) was read."""
    _lock_draft(section.report)
    assert_fresh(version, ReportSection.objects.filter(pk=section.pk), fields=SECTION_FIELDS)
    section.heading = heading
    section.body, section.footnotes = _check_section(body=body, footnotes=footnotes)
    if table_kind is not None:
        section.table_kind = table_kind
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def report_update(
    *,
    report: Report,
    summary: str,
    addressees: str,
    recipients: str,
    drafter_initials: str = "",
    version: str | None = None,
) -> Report:
    """The header of a draft; the number and date are given by the approval, never typed. Raises
    StaleEdit when the header changed after `version` (the page's) was read."""
    report = _lock_draft(report)
    assert_fresh(version, Report.objects.filter(pk=report.pk), fields=HEADER_FIELDS)
    report.summary = summary
    report.addressees = addressees
    report.recipients = recipients
    report.drafter_initials = drafter_initials
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_pdfs_expire(*, report: Report) -> int:
    """Give up, in the database, the requests whose worker has gone silent (wards.jobs). Called by the
    writes that need the truth (a new request); pages only show a stale request as given up
    (selectors.pdf_versions). Returns how many were marked failed."""
    return jobs_expire(ReportPdf.objects.filter(report=report))


@transaction.atomic
def report_pdf_request(*, report: Report, requested_by: AbstractBaseUser | None) -> ReportPdf:
    """Queue the making of a draft PDF; a request already under way is returned instead of a second one.
    An approved report has its approved version, made by the approval."""
    if report.state not in (ReportState.DRAFT, ReportState.SUBMITTED):
        raise ValidationError(_("This report is approved: its PDF is the approved version."))
    report_pdfs_expire(report=report)
    active = report.pdfs.filter(status__in=[PdfStatus.QUEUED, PdfStatus.RUNNING]).first()
    if active is not None:
        return active
    # The task id is chosen here so that the record names its task before the broker has it.
    pdf = ReportPdf(report=report, requested_by=requested_by, task_id=str(uuid.uuid4()))
    pdf.full_clean()
    pdf.save()
    transaction.on_commit(lambda: _queue(pdf))
    return pdf


def _queue(pdf: ReportPdf) -> None:
    """Hand the request to the broker; a broker that cannot be reached fails the request at once (with the
    retry button) rather than leaving it "waiting for a worker" until it goes stale."""
    job_queue(
        ReportPdf.objects.all(),
        pdf.pk,
        lambda: tasks.render_report_pdf.apply_async(
            args=[pdf.pk], queue=settings.REPORTS_PDF_QUEUE, task_id=pdf.task_id
        ),
        logger=logger,
        message=f"PDF request {pdf.pk} of report {pdf.report_id} could not be queued",
    )


def report_pdf_render(*, pdf_id: int) -> ReportPdf | None:
    """Make the PDF of a request and keep it. Runs in the worker (and in build_report): a delivery of a
    request already done or given up does nothing; a request left "being made" by a dead worker is made
    again, unless it is stale (the page already shows it given up: it stays so). Not one transaction: the
    "being made" state must be visible while WeasyPrint works."""
    pdf, started = job_start(ReportPdf.objects.select_related("report__ward"), pdf_id)
    if not started:
        return pdf
    try:
        content = report_pdf(pdf.report)
    except PlaceholderError as error:
        with transaction.atomic():
            pdf.fail(PdfFailure.PLACEHOLDERS, ", ".join(error.keys))
        return pdf
    except Exception as error:
        logger.exception("PDF of report %s failed", pdf.report_id)
        with transaction.atomic():
            pdf.fail(PdfFailure.ERROR, f"{type(error).__name__}: {error}")
        return pdf
    digest = hashlib.sha256(content).hexdigest()
    try:
        with transaction.atomic():
            pdf.file.save(f"{pdf.pk}-{digest[:12]}.pdf", ContentFile(content), save=False)
            pdf.sha256 = digest
            pdf.size = len(content)
            pdf.status = PdfStatus.DONE
            pdf.finished_at = timezone.now()
            pdf.full_clean()
            pdf.save()
    except Exception as error:
        # A full or read-only disk, a missing folder, an object store that refuses: the request ends
        # failed with the retry, not "being made" until it goes stale.
        logger.exception("PDF of report %s could not be stored", pdf.report_id)
        pdf.refresh_from_db()
        with transaction.atomic():
            pdf.fail(PdfFailure.STORAGE, f"{type(error).__name__}: {error}")
        return pdf
    return pdf


def report_pdf_make(*, report: Report, requested_by: AbstractBaseUser | None) -> ReportPdf:
    """A kept PDF version made here and now, by the worker's code path (build_report)."""
    with transaction.atomic():
        pdf = ReportPdf(report=report, requested_by=requested_by)
        pdf.full_clean()
        pdf.save()
    report_pdf_render(pdf_id=pdf.pk)
    pdf.refresh_from_db()
    return pdf
