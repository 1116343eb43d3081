"""Writes of the reports app. Each function validates fully and runs in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wards.models import Membership, Role, Ward
from wards.periods import DateRange

from .models import (
    Indicator,
    IndicatorKind,
    IndicatorValue,
    Report,
    ReportSection,
    ReportTemplate,
    SigningAuthority,
)
from .placeholders import unknown_keys
from .sanitize import clean_html


@transaction.atomic
def indicator_values_save(*, ward: Ward, period: DateRange, values: Mapping[str, Decimal | None]) -> int:
    """Store the form of one period: flows over the period, stocks at its end; an empty value removes
    the entry. All or nothing: the first invalid value raises and nothing is kept."""
    saved = 0
    errors: dict[str, list[str]] = {}
    for indicator in Indicator.objects.filter(code__in=values.keys()):
        start = period.end if indicator.kind == IndicatorKind.STOCK else period.start
        existing = IndicatorValue.objects.filter(ward=ward, indicator=indicator, start=start, end=period.end).first()
        value = values[indicator.code]
        if value is None:
            if existing:
                existing.delete()
            continue
        entry = existing or IndicatorValue(ward=ward, indicator=indicator, start=start, end=period.end)
        entry.value = value
        try:
            entry.full_clean()
        except ValidationError as error:
            errors[indicator.code] = error.messages
            continue
        entry.save()
        saved += 1
    if errors:
        raise ValidationError(errors)
    return saved


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
    title = "Phó Chủ tịch" if authority == SigningAuthority.KT else "Chủ tịch"
    membership = (
        Membership.objects.filter(ward=ward, role=Role.LEADER, signing_title=title).select_related("user").first()
    )
    return membership.user if membership else None


def previous_report(*, ward: Ward, template: ReportTemplate, before: DateRange) -> Report | None:
    return Report.objects.filter(ward=ward, template=template, end__lt=before.start).order_by("-end", "-pk").first()


@transaction.atomic
def report_create(
    *, ward: Ward, template: ReportTemplate, period: DateRange, created_by: AbstractBaseUser | None
) -> Report:
    """A report from its template; a weekly report takes the text of the ward's previous one, whose
    placeholders then show this range's figures."""
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
def report_section_update(*, section: ReportSection, heading: str, body: str, footnotes: str) -> ReportSection:
    section.heading = heading
    section.body, section.footnotes = _check_section(body=body, footnotes=footnotes)
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
    number: str,
    issued_on: object,
) -> Report:
    report.summary = summary
    report.addressees = addressees
    report.recipients = recipients
    report.number = number
    report.issued_on = issued_on
    report.full_clean()
    report.save()
    return report
