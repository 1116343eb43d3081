"""Tenancy: the city, its wards, and who works for which with what role."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def ward_slug(name: str) -> str:
    """ASCII slug of a Vietnamese name; slugify() alone drops "đ" instead of mapping it."""
    return slugify(name.replace("đ", "d").replace("Đ", "D"))


class City(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"thành phố {self.name}"


class WardKind(models.TextChoices):
    # The values are the Vietnamese words used in report text ("phường Kim Trà").
    PHUONG = "phường", _("ward (phường)")
    XA = "xã", _("commune (xã)")


class Ward(models.Model):
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="wards", verbose_name=_("city"))
    name = models.CharField(_("name"), max_length=100, help_text=_("Without the kind, e.g. Kim Trà."))
    kind = models.CharField(_("kind"), max_length=10, choices=WardKind.choices, default=WardKind.PHUONG)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=_("ASCII, used in addresses: kim-tra."))
    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100_000)],
    )
    population = models.PositiveIntegerField(_("population"), validators=[MaxValueValidator(10_000_000)])
    formed_on = models.DateField(_("date formed"))
    legal_basis = models.TextField(_("legal basis"), help_text=_("The resolution that formed the unit."))
    former_units = models.TextField(
        _("former units merged"), blank=True, help_text=_("One per line, with their kind: phường Hương Xuân.")
    )
    residential_groups = models.PositiveSmallIntegerField(_("residential groups (tổ dân phố)"))
    vice_chairs = models.PositiveSmallIntegerField(
        _("vice chairs of the People's Committee"), default=0, validators=[MaxValueValidator(10)]
    )
    buddhist_sites = models.PositiveSmallIntegerField(_("Buddhist sites"), default=0)
    village_pagodas = models.PositiveSmallIntegerField(_("village pagodas"), default=0)
    buddhist_halls = models.PositiveSmallIntegerField(_("Buddhist prayer halls (niệm Phật đường)"), default=0)
    buddhist_halls_recognised = models.PositiveSmallIntegerField(
        _("prayer halls recognised as religious establishments"), default=0
    )
    catholic_sites = models.PositiveSmallIntegerField(_("Catholic sites"), default=0)
    relics_national = models.PositiveSmallIntegerField(_("relics recognised at national level"), default=0)
    relics_city = models.PositiveSmallIntegerField(_("relics recognised at city level"), default=0)
    all_cases_online_from = models.DateField(
        _("every case online from"),
        null=True,
        blank=True,
        help_text=_("The day from which every administrative procedure case is received and returned online."),
    )
    information_systems = models.TextField(
        _("information systems used by the staff"),
        blank=True,
        help_text=_(
            "One per line: what it is, then its address: hệ thống họp trực tuyến (login.vnptmeeting.vnpt.com.vn)."
        ),
    )
    place_name = models.CharField(
        _("place name in dates"),
        max_length=100,
        blank=True,
        help_text=_('Written before the date of a document ("Kim Trà, ngày ..."); the name when empty.'),
    )
    document_code = models.CharField(
        _("issuing body code"), max_length=20, default="UBND", help_text=_("The part after the type: 12/BC-UBND.")
    )
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("The figures of this unit are made up for demonstration.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ward")
        verbose_name_plural = _("wards")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["city", "name", "kind"], name="ward_unique_name_in_city")]

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        if self.slug and self.slug != ward_slug(self.slug):
            raise ValidationError({"slug": _("Use lower-case ASCII letters, digits and hyphens only.")})
        if (self.village_pagodas or 0) + (self.buddhist_halls or 0) > (self.buddhist_sites or 0):
            raise ValidationError(
                {"buddhist_sites": _("Village pagodas and prayer halls are part of the Buddhist sites.")}
            )
        if (self.buddhist_halls_recognised or 0) > (self.buddhist_halls or 0):
            raise ValidationError({"buddhist_halls_recognised": _("More prayer halls recognised than there are.")})

    @property
    def relics(self) -> int:
        return self.relics_national + self.relics_city

    @property
    def information_system_lines(self) -> list[str]:
        return [line.strip() for line in self.information_systems.splitlines() if line.strip()]

    @property
    def display_name(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def committee_name(self) -> str:
        return f"Ủy ban nhân dân {self.display_name}"

    @property
    def header_lines(self) -> tuple[str, str]:
        """The issuing authority as the left block of an official document prints it."""
        return ("ỦY BAN NHÂN DÂN", self.display_name.upper())

    @property
    def date_place(self) -> str:
        return self.place_name or self.name

    @property
    def former_unit_names(self) -> list[str]:
        return [line.strip() for line in self.former_units.splitlines() if line.strip()]


class Role(models.TextChoices):
    STAFF = "staff", _("Ward staff")
    LEADER = "leader", _("Ward leader")
    CITY = "city", _("City Home Affairs")


WARD_ROLES = frozenset({Role.STAFF, Role.LEADER})
ALL_ROLES = frozenset(Role)


class SigningTitle(models.TextChoices):
    # Values are the words printed in signature blocks.
    CHU_TICH = "Chủ tịch", _("Chairman")
    PHO_CHU_TICH = "Phó Chủ tịch", _("Vice chairman")


class Membership(models.Model):
    """What a user may do and where: staff or leader of one ward, or Home Affairs of a city."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="membership", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    ward = models.ForeignKey(
        Ward, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships", verbose_name=_("ward")
    )
    city = models.ForeignKey(
        City, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships", verbose_name=_("city")
    )
    signing_title = models.CharField(_("signing title"), max_length=20, choices=SigningTitle.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role=Role.CITY, ward__isnull=True, city__isnull=False, signing_title="")
                    | Q(role=Role.STAFF, ward__isnull=False, city__isnull=True, signing_title="")
                    | (Q(role=Role.LEADER, ward__isnull=False, city__isnull=True) & ~Q(signing_title=""))
                ),
                name="membership_role_matches_scope",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user.get_username()}: {self.get_role_display()} ({self.ward or self.city})"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.role == Role.CITY:
            if self.ward_id:
                errors["ward"] = _("City Home Affairs users belong to the city, not to a ward.")
            if not self.city_id:
                errors["city"] = _("Choose the city.")
        elif self.role in WARD_ROLES:
            if not self.ward_id:
                errors["ward"] = _("Choose the ward.")
            if self.city_id:
                errors["city"] = _("Ward users belong to their ward; leave the city empty.")
        if self.role == Role.LEADER and not self.signing_title:
            errors["signing_title"] = _("A ward leader needs a signing title.")
        if self.role != Role.LEADER and self.signing_title:
            errors["signing_title"] = _("Only ward leaders sign reports.")
        if errors:
            raise ValidationError(errors)


class FigureLock(models.Model):
    """A date range of a ward's figures frozen by an approved document. Domain apps check it through
    wards.locks without knowing what set it; `key` names the owner so that it can lift its own lock."""

    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="figure_locks", verbose_name=_("ward"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    key = models.CharField(_("key"), max_length=50, unique=True, help_text=_("The owner of the lock: report:42."))
    label = models.CharField(
        _("reason"), max_length=300, help_text=_("Printed in the refusal: Báo cáo số 12/BC-UBND ngày 25/8/2025.")
    )
    created_at = models.DateTimeField(_("locked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("figure lock")
        verbose_name_plural = _("figure locks")
        ordering = ["start", "pk"]
        constraints = [models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="figure_lock_order")]

    def __str__(self) -> str:
        return f"{self.ward}: {self.start:%d/%m/%Y}-{self.end:%d/%m/%Y} ({self.label})"


def import_upload_to(instance: ImportRecord, filename: str) -> str:
    # A random folder per upload: two files of the same name never overwrite each other, and the
    # stored name reveals nothing a reader of the ward could not already see.
    return f"imports/{instance.ward.slug}/{uuid.uuid4().hex}/{filename}"


class ImportRecord(models.Model):
    """An Excel file whose figures were saved: the file itself, byte for byte, who imported it and
    when, kept beside the change history of the figures it brought (DESIGN §12). Written in the same
    transaction as the figures by wards.excel.services.import_save, for every importer."""

    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="imports", verbose_name=_("ward"))
    kind = models.CharField(_("kind"), max_length=40, help_text=_("The importer: procedures_06a."))
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=import_upload_to, max_length=300)
    filename = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    rows_saved = models.PositiveIntegerField(_("rows saved"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("imported by")
    )
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Excel import")
        verbose_name_plural = _("Excel imports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["ward", "kind", "-created_at"], name="import_ward_kind_created")]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True)
                | Q(start__isnull=False, end__isnull=False, end__gte=models.F("start")),
                name="import_record_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.ward}: {self.filename} ({self.kind})"
