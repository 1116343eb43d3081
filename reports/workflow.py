"""The submission workflow of DESIGN §6: the table of transitions and one service per transition.

Each service is one transaction under the report's row lock. A repeat of the transition that has just
happened (a double click) returns quietly; any other move from the wrong state is refused with a
message for the user, never an error page."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wards.models import Membership, Role
from wards.periods import DateRange
from wards.security import security_log_on_commit
from wards.services import figure_lock_lift, figure_lock_set

from . import notify
from .models import (
    NumberRegister,
    PdfKind,
    PdfStatus,
    Report,
    ReportEvent,
    ReportPdf,
    ReportSignature,
    ReportState,
    signing_title,
)
from .pdf import report_pdf
from .placeholders import PlaceholderError
from .signing import SignatureFacts, check_signed_pdf

S = ReportState


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    label: Promise
    needs_reason: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            "submit",
            frozenset({S.DRAFT}),
            S.SUBMITTED,
            frozenset({Role.STAFF, Role.LEADER}),
            gettext_lazy("Submit to the leader"),
        ),
        Transition(
            "approve", frozenset({S.SUBMITTED}), S.APPROVED, frozenset({Role.LEADER}), gettext_lazy("Approve and issue")
        ),
        Transition(
            "return", frozenset({S.SUBMITTED}), S.DRAFT, frozenset({Role.LEADER}), gettext_lazy("Return to staff"), True
        ),
        Transition(
            "withdraw",
            frozenset({S.APPROVED}),
            S.DRAFT,
            frozenset({Role.LEADER}),
            gettext_lazy("Withdraw the approval"),
            True,
        ),
        Transition(
            "sign", frozenset({S.APPROVED}), S.SIGNED, frozenset({Role.LEADER}), gettext_lazy("Upload the signed PDF")
        ),
        Transition("accept", frozenset({S.SIGNED}), S.ACCEPTED, frozenset({Role.CITY}), gettext_lazy("Accept")),
        Transition(
            "send_back",
            frozenset({S.SIGNED}),
            S.DRAFT,
            frozenset({Role.CITY}),
            gettext_lazy("Return to the ward"),
            True,
        ),
    )
}


class TransitionRefused(Exception):
    """A transition that cannot happen now; str() is the reason for the user."""


@dataclass(frozen=True)
class Outcome:
    report: Report
    repeated: bool = False  # the same transition had already been made (a double click)


def actions_for(report: Report, role: str) -> list[Transition]:
    """What this role may do with the report in its present state, in the order of the table."""
    return [t for t in TRANSITIONS.values() if report.state in t.sources and role in t.roles]


def _state_label(state: str) -> str:
    return str(ReportState(state).label)


def _move(
    *,
    report: Report,
    action: str,
    actor: AbstractBaseUser,
    reason: str = "",
    effect: Callable[[Report], None] | None = None,
) -> Outcome:
    transition = TRANSITIONS[action]
    # of=self: lock the report row only, not the ward and template rows the join brings along.
    locked = Report.objects.select_for_update(of=("self",)).select_related("ward", "template").get(pk=report.pk)
    if locked.state not in transition.sources:
        last = locked.events.order_by("-pk").first()
        if locked.state == transition.target and last is not None and last.action == action:
            return Outcome(report=locked, repeated=True)
        raise TransitionRefused(
            _("This report is now %(state)s; “%(action)s” is no longer possible. Reload the page to see what changed.")
            % {"state": _state_label(locked.state), "action": transition.label}
        )
    membership = Membership.objects.filter(user=actor).first()
    if membership is None or membership.role not in transition.roles:
        raise TransitionRefused(_("Your role cannot do this."))
    reason = reason.strip()
    if transition.needs_reason and not reason:
        raise ValidationError({"reason": _("Give the reason, so that the ward knows what to change.")})
    before = locked.state
    if effect is not None:
        effect(locked)
    locked.state = transition.target
    locked.full_clean()
    locked.save()
    event = ReportEvent.objects.create(
        report=locked, action=action, from_state=before, to_state=transition.target, actor=actor, reason=reason
    )
    # Logged once committed (never a transition that was rolled back), and before the e-mail, whose failure
    # must not cost the log line.
    transaction.on_commit(
        security_log_on_commit(
            "report.transition",
            user=actor,
            report=locked.pk,
            ward=locked.ward.slug,
            action=action,
            from_state=before,
            to_state=transition.target,
            reason=reason,
        )
    )
    transaction.on_commit(lambda: notify.transition_made(event.pk))
    return Outcome(report=locked)


@transaction.atomic
def report_submit(*, report: Report, actor: AbstractBaseUser) -> Outcome:
    def effect(locked: Report) -> None:
        locked.return_reason = ""

    return _move(report=report, action="submit", actor=actor, effect=effect)


@transaction.atomic
def report_return(*, report: Report, actor: AbstractBaseUser, reason: str) -> Outcome:
    def effect(locked: Report) -> None:
        locked.return_reason = reason.strip()

    return _move(report=report, action="return", actor=actor, reason=reason, effect=effect)


def _next_number(report: Report, year: int) -> int:
    """The report's own number when it had one this year, else the next of the ward's register, taken
    under the register row's lock (the row is made first if the year has none yet)."""
    if report.number and report.number_year == year:
        return report.number
    NumberRegister.objects.bulk_create([NumberRegister(ward=report.ward, year=year)], ignore_conflicts=True)
    register = NumberRegister.objects.select_for_update().get(ward=report.ward, year=year)
    register.last_number += 1
    register.save(update_fields=["last_number"])
    return register.last_number


def lock_key(report: Report) -> str:
    return f"report:{report.pk}"


def _unlock(report: Report) -> None:
    figure_lock_lift(key=lock_key(report))
    report.approved_pdf = None
    report.signed_pdf = None


def _keep_pdf(report: Report, kind: str, content: bytes, by: AbstractBaseUser) -> ReportPdf:
    digest = hashlib.sha256(content).hexdigest()
    now = timezone.now()
    pdf = ReportPdf(
        report=report, kind=kind, status=PdfStatus.DONE, requested_by=by, started_at=now, finished_at=now, attempts=1
    )
    pdf.save()
    pdf.file.save(f"{pdf.pk}-{kind}-{digest[:12]}.pdf", ContentFile(content), save=False)
    pdf.sha256 = digest
    pdf.size = len(content)
    pdf.full_clean()
    pdf.save()
    return pdf


@transaction.atomic
def report_approve(*, report: Report, actor: AbstractBaseUser) -> Outcome:
    """Number, issue date (today) and signer; the final PDF made here and kept as the approved version;
    the ward's figures of the range locked. A PDF that cannot be made undoes the whole approval."""

    def effect(locked: Report) -> None:
        membership = Membership.objects.get(user=actor)
        title = signing_title(locked.signing_authority)
        if membership.signing_title != title:
            raise TransitionRefused(
                _("This report is signed by the %(title)s (%(authority)s); ask them to approve it.")
                % {"title": title, "authority": " / ".join(locked.signing_lines)}
            )
        today = timezone.localdate()
        locked.number = _next_number(locked, today.year)
        locked.number_year = today.year
        locked.issued_on = today
        locked.signer = actor
        locked.return_reason = ""
        try:
            content = report_pdf(locked, final=True)
        except PlaceholderError as error:
            raise TransitionRefused(
                _("The report uses placeholders that no app provides: %(keys)s.") % {"keys": ", ".join(error.keys)}
            ) from None
        locked.approved_pdf = _keep_pdf(locked, PdfKind.APPROVED, content, actor)
        label = _("Báo cáo số %(number)s ngày %(date)s") % {
            "number": locked.document_number,
            "date": f"{today:%d/%m/%Y}",
        }
        figure_lock_set(ward=locked.ward, period=DateRange(locked.start, locked.end), key=lock_key(locked), label=label)

    return _move(report=report, action="approve", actor=actor, effect=effect)


@transaction.atomic
def report_withdraw(*, report: Report, actor: AbstractBaseUser, reason: str) -> Outcome:
    def effect(locked: Report) -> None:
        locked.return_reason = reason.strip()
        _unlock(locked)

    return _move(report=report, action="withdraw", actor=actor, reason=reason, effect=effect)


@transaction.atomic
def report_sign(*, report: Report, actor: AbstractBaseUser, content: bytes) -> Outcome:
    """Keep the uploaded PDF as the signed version when check_signed_pdf accepts it."""
    facts: list[SignatureFacts] = []

    def effect(locked: Report) -> None:
        approved = locked.approved_pdf
        if approved is None:
            raise TransitionRefused(_("This report has no approved version to sign."))
        with approved.file.open("rb") as stored:
            approved_bytes = stored.read()
        field_name = locked.signature_field_name
        facts.append(check_signed_pdf(signed=content, approved=approved_bytes, field_name=field_name))
        pdf = _keep_pdf(locked, PdfKind.SIGNED, content, actor)
        fact = facts[0]
        ReportSignature.objects.create(
            pdf=pdf,
            field_name=fact.field_name,
            subject=fact.subject[:500],
            serial=fact.serial[:100],
            issuer=fact.issuer[:500],
            signed_at=fact.signed_at,
            trusted=fact.trusted,
            uploaded_by=actor,
        )
        locked.signed_pdf = pdf

    return _move(report=report, action="sign", actor=actor, effect=effect)


@transaction.atomic
def report_accept(*, report: Report, actor: AbstractBaseUser) -> Outcome:
    return _move(report=report, action="accept", actor=actor)


@transaction.atomic
def report_send_back(*, report: Report, actor: AbstractBaseUser, reason: str) -> Outcome:
    def effect(locked: Report) -> None:
        locked.return_reason = reason.strip()
        _unlock(locked)

    return _move(report=report, action="send_back", actor=actor, reason=reason, effect=effect)
