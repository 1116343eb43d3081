"""`load_demo --scale N`: the city at full size for benchmarks (DESIGN §13): N wards in all, each made-up
ward with two years of weekly TTHC entries, quarterly headcount snapshots, facilities, monthly spending,
quarterly indicators and a weekly report per week in varied states. Everything is marked as demo data.

A report that has been approved (approved, signed, accepted) gets a stored approved PDF, so that the
city's ZIP and the downloads have something to serve at scale. Rendering the real one (WeasyPrint, about
a second each) for some 3.800 reports would take an hour; reusing one render would give every report the
same SHA-256. Each gets instead a one-page PDF of its own, written here in a few hundred bytes, that says
it is demo data and names the ward, the week and the number: its own content, its own SHA-256. A signed
or accepted generated report has no signed PDF (nobody signed it); the ZIP then serves the approved one.

Rows go in with bulk_create, as the services (one transaction, history row and lock check per entry)
would take far longer for some 40.000 TTHC rows; every row is still checked first by its model's own
`clean_fields` and `clean` (figures that add up, no overlapping period), and the database constraints
hold the rest. Values come from a random generator seeded by the ward and the week, so a ward's
figures for a given week are the same on every run and every database."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone

from assets.models import Facility, FacilityUse, Spending, SpendingKind
from city.models import ExpectedWard, Regime
from indicators.models import Indicator, IndicatorValue
from procedures.models import CaseVolume, ProcedureField
from reports.models import PdfKind, PdfStatus, Report, ReportPdf, ReportSection, ReportState, ReportTemplate
from reports.workflow_models import NumberRegister
from staffing.models import HeadcountLine, HeadcountSnapshot, JobPosition, OrgUnit, PositionCategory, UnitKind
from wards.models import City, Ward, WardKind

WEEKS = 104
PREFIX = "Thử nghiệm"  # generated wards are "phường Thử nghiệm 03" ...: never mistaken for real ones
UNITS = (
    ("Lãnh đạo HĐND và UBND phường", UnitKind.LEADERSHIP, 6),
    ("Văn phòng HĐND và UBND", UnitKind.AGENCY, 11),
    ("Phòng Văn hóa - Xã hội", UnitKind.AGENCY, 9),
    ("Phòng Kinh tế, Hạ tầng và Đô thị", UnitKind.AGENCY, 9),
    ("Trung tâm Phục vụ hành chính công", UnitKind.ONE_STOP_CENTRE, 7),
)
FACILITY_USES = (FacilityUse.OFFICE,) * 4 + (FacilityUse.SCHOOL,) * 6 + (FacilityUse.HEALTH,) * 2


@dataclass(frozen=True)
class ScaleResult:
    wards: int
    created: int
    rows: dict[str, int]


def _checked(objects: list[models.Model], *, clean: bool = True) -> list[models.Model]:
    """Each object through its model's validation; foreign keys are not looked up again, they point to
    rows this generator has just read or made."""
    for obj in objects:
        obj.clean_fields(exclude=[f.name for f in obj._meta.concrete_fields if f.is_relation])
        if clean:
            obj.clean()
    return objects


def _rng(*parts: object) -> random.Random:
    return random.Random("|".join(str(part) for part in parts))  # noqa: S311 (demo figures, not secrets)


def _week_rows(ward: Ward, fields: list[ProcedureField], monday: date) -> list[CaseVolume]:
    rng = _rng(ward.slug, monday)
    rows = []
    for field in fields:
        received = rng.randint(0, 40)
        in_progress = rng.randint(0, received // 4)
        supplement = rng.randint(0, (received - in_progress) // 10)
        decided = received - in_progress - supplement
        late = 1 if decided and rng.random() < 0.02 else 0
        fee_bearing = rng.randint(0, received)
        rows.append(
            CaseVolume(
                ward=ward,
                field=field,
                start=monday,
                end=monday + timedelta(days=5),
                received=received,
                received_online=received - rng.randint(0, received // 10),
                in_progress_on_time=in_progress,
                returned_for_supplement=supplement,
                returned=decided,
                resolved_on_time=decided - late,
                resolved_late=late,
                digitised=received,
                e_results=decided,
                fee_bearing=fee_bearing,
                paid_online=fee_bearing - rng.randint(0, fee_bearing // 20),
                is_demo=True,
            )
        )
    return rows


def _staffing(ward: Ward, quarters: list[date]) -> dict[str, int]:
    units = OrgUnit.objects.bulk_create(
        _checked([OrgUnit(ward=ward, name=name, kind=kind, order=i) for i, (name, kind, _n) in enumerate(UNITS)])
    )
    rng = _rng(ward.slug, "staffing")
    JobPosition.objects.bulk_create(
        _checked(
            [
                JobPosition(
                    ward=ward,
                    unit=unit,
                    name=f"Chuyên viên {unit.name}",
                    category=PositionCategory.PROFESSIONAL,
                    quota=size,
                    filled=size - rng.randint(0, 2),
                )
                for unit, (_name, _kind, size) in zip(units, UNITS, strict=True)
            ]
        )
    )
    snapshots = HeadcountSnapshot.objects.bulk_create(
        _checked([HeadcountSnapshot(ward=ward, on=on) for on in quarters])
    )
    lines = []
    for snapshot in snapshots:
        for unit, (_name, _kind, size) in zip(units, UNITS, strict=True):
            total = size - rng.randint(0, 2)
            lines.append(
                HeadcountLine(
                    snapshot=snapshot,
                    unit=unit,
                    total=total,
                    heads=1,
                    deputies=1,
                    specialists=total - 2,
                    civil_servants=total,
                )
            )
    HeadcountLine.objects.bulk_create(_checked(lines))
    return {"units": len(units), "snapshots": len(snapshots), "headcount lines": len(lines)}


def _assets(ward: Ward, months: list[date], first: date) -> dict[str, int]:
    rng = _rng(ward.slug, "assets")
    facilities = [
        Facility(
            ward=ward,
            name=f"Cơ sở {n + 1:02d} {ward.name}",
            use=use,
            land_m2=rng.randint(500, 12_000),
            floor_m2=rng.randint(200, 3_000),
            held_from=first,
        )
        for n, use in enumerate(FACILITY_USES)
    ]
    Facility.objects.bulk_create(_checked(facilities))
    spending = []
    for month in months:
        end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        for kind, top in ((SpendingKind.RECURRENT, 2_000_000_000), (SpendingKind.DEVELOPMENT, 900_000_000)):
            spending.append(Spending(ward=ward, kind=kind, start=month, end=end, amount=rng.randint(1, top)))
    Spending.objects.bulk_create(_checked(spending))
    return {"facilities": len(facilities), "spending": len(spending)}


def _indicators(ward: Ward, quarters: list[date], indicators: list[Indicator]) -> int:
    rng = _rng(ward.slug, "indicators")
    values = []
    for start in quarters:
        end = (start + timedelta(days=95)).replace(day=1) - timedelta(days=1)
        for indicator in indicators:
            value = rng.randint(80, 100) if indicator.unit == "%" else rng.randint(0, 300)
            values.append(IndicatorValue(ward=ward, indicator=indicator, start=start, end=end, value=Decimal(value)))
    IndicatorValue.objects.bulk_create(_checked(values))
    return len(values)


def _state_of(rng: random.Random, weeks_ago: int) -> tuple[str | None, int]:
    """A plausible state for a report `weeks_ago` weeks old, and the days after the week's end it was
    approved (the deadline is 2: some are late). None: no report made yet."""
    roll = rng.random()
    if weeks_ago <= 1:
        return (None if roll < 0.3 else ReportState.DRAFT if roll < 0.7 else ReportState.SUBMITTED), 0
    if roll < 0.03:
        return None, 0
    if roll < 0.06:
        return ReportState.DRAFT, 0
    delay = rng.choice((0, 1, 1, 2, 2, 2, 3, 5))
    state = ReportState.ACCEPTED if weeks_ago > 4 else rng.choice((ReportState.APPROVED, ReportState.SIGNED))
    return state, delay


def _reports(ward: Ward, template: ReportTemplate, mondays: list[date]) -> dict[str, int]:
    sections = list(template.sections.all())
    reports, numbers = [], {}
    for weeks_ago, monday in enumerate(reversed(mondays)):
        state, delay = _state_of(_rng(ward.slug, "report", monday), weeks_ago)
        if state is None:
            continue
        end = monday + timedelta(days=5)
        report = Report(
            ward=ward,
            template=template,
            start=monday,
            end=end,
            state=state,
            title=template.title,
            summary=template.summary,
            addressees=template.addressees,
            recipients=template.recipients,
            signing_authority=template.signing_authority,
        )
        if state not in (ReportState.DRAFT, ReportState.SUBMITTED):
            report.issued_on = end + timedelta(days=delay)
        reports.append(report)
    # Numbers in the order of issue, from 1 in each year, as the register gives them.
    for report in sorted((r for r in reports if r.issued_on), key=lambda r: r.issued_on):
        year = report.issued_on.year
        numbers[year] = numbers.get(year, 0) + 1
        report.number, report.number_year = numbers[year], year
    Report.objects.bulk_create(_checked(reports))
    NumberRegister.objects.bulk_create(
        [NumberRegister(ward=ward, year=year, last_number=last) for year, last in numbers.items()]
    )
    copies = [
        ReportSection(
            report=report,
            order=section.order,
            number=section.number,
            heading=section.heading,
            level=section.level,
            body=section.body,
            footnotes=section.footnotes,
            table_kind=section.table_kind,
        )
        for report in reports
        for section in sections
    ]
    ReportSection.objects.bulk_create(copies, batch_size=2_000)
    return {"reports": len(reports), "report sections": len(copies), "approved PDFs": _approved_pdfs(ward, reports)}


def demo_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF showing `lines` in Helvetica (ASCII only: the standard fonts have no
    Vietnamese letters, and embedding one would cost what this avoids)."""
    # Backslashes and brackets would need escaping in a PDF string; the demo lines need neither.
    safe = [line.encode("ascii", "replace").decode().translate(str.maketrans("\\()", "/[]")) for line in lines]
    text = "".join(f"({line}) Tj 0 -20 Td " for line in safe)
    stream = f"BT /F1 13 Tf 70 770 Td {text}ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _approved_pdfs(ward: Ward, reports: list[Report]) -> int:
    """Each approved report's own demo PDF, stored and linked as its approved version."""
    issued = [report for report in reports if report.issued_on]
    pdfs = []
    for report in issued:
        content = demo_pdf(
            [
                "DU LIEU THU NGHIEM (load_demo --scale): khong phai bao cao that.",
                f"Demo data, not a real report. Ward: {ward.slug}.",
                f"Bao cao tuan {report.start:%d/%m/%Y} - {report.end:%d/%m/%Y}.",
                f"So {report.number}/{report.number_year}, ngay {report.issued_on:%d/%m/%Y}.",
            ]
        )
        digest = hashlib.sha256(content).hexdigest()
        name = default_storage.save(
            f"reports/{ward.slug}/{report.pk}/demo-{PdfKind.APPROVED}-{digest[:12]}.pdf", ContentFile(content)
        )
        at = timezone.make_aware(datetime.combine(report.issued_on, time(9)))
        pdfs.append(
            ReportPdf(
                report=report,
                kind=PdfKind.APPROVED,
                status=PdfStatus.DONE,
                started_at=at,
                finished_at=at,
                attempts=1,
                file=name,
                sha256=digest,
                size=len(content),
            )
        )
    ReportPdf.objects.bulk_create(_checked(pdfs, clean=False))
    for report, pdf in zip(issued, pdfs, strict=True):
        report.approved_pdf = pdf
    Report.objects.bulk_update(issued, ["approved_pdf"], batch_size=500)
    return len(pdfs)


def _add(totals: dict[str, int], more: dict[str, int]) -> None:
    for key, value in more.items():
        totals[key] = totals.get(key, 0) + value


def last_saturday(day: date) -> date:
    return day - timedelta(days=(day.weekday() - 5) % 7)


def load(city: City, count: int, until: date) -> ScaleResult:
    """Make the city's wards up to `count`; a generated ward that exists already is left as it is."""
    existing = city.wards.count()
    end = last_saturday(until)
    mondays = [end - timedelta(days=5) - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    first = mondays[0]
    months = sorted({monday.replace(day=1) for monday in mondays if monday.replace(day=1) >= first})
    quarters = [month for month in months if month.month in (1, 4, 7, 10)]
    fields = list(ProcedureField.objects.filter(active=True).order_by("position")[:9])
    indicators = list(Indicator.objects.order_by("order")[:6])
    template = ReportTemplate.objects.get(code="bao-cao-tuan")
    regimes = list(Regime.objects.all())
    rows: dict[str, int] = {}
    created = 0
    for number in range(existing + 1, count + 1):
        with transaction.atomic():
            ward = Ward(
                city=city,
                name=f"{PREFIX} {number:02d}",
                kind=WardKind.PHUONG,
                slug=f"thu-nghiem-{number:02d}",
                area_km2=Decimal(_rng(number).randint(800, 11_000)) / 100,
                population=_rng(number, "people").randint(12_000, 60_000),
                formed_on=first,
                legal_basis="Dữ liệu thử nghiệm, không phải đơn vị hành chính thật.",
                residential_groups=_rng(number, "groups").randint(10, 40),
                is_demo=True,
            )
            ward.full_clean()
            ward.save()
            created += 1
            volumes = [row for monday in mondays for row in _week_rows(ward, fields, monday)]
            # CaseVolume.clean asks the database for an overlapping entry: weeks cannot overlap here (and
            # the unique constraint holds), so the whole clean runs on the first weeks only; the tests run
            # it on every generated row.
            _checked(volumes[: 2 * len(fields)])
            CaseVolume.objects.bulk_create(_checked(volumes, clean=False), batch_size=2_000)
            _add(rows, {"TTHC rows": len(volumes)})
            _add(rows, _staffing(ward, quarters))
            _add(rows, _assets(ward, months, first))
            _add(rows, {"indicator values": _indicators(ward, quarters, indicators)})
            _add(rows, _reports(ward, template, mondays))
            ExpectedWard.objects.bulk_create([ExpectedWard(regime=r, ward=ward, start=first) for r in regimes])
    return ScaleResult(wards=city.wards.count(), created=created, rows=rows)
