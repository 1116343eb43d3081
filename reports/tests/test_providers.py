"""The real providers on the demo data: every key of the two seeded templates resolves, and build_report
prints the figures of the seeds (DESIGN §10)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from assets.models import FacilityUse
from assets.tests.factories import EquipmentItemFactory, FacilityFactory, SpendingFactory
from procedures.tests.factories import CaseVolumeFactory, ProcedureFieldFactory
from reports.models import ReportTemplate
from reports.placeholders import MISSING, catalogue, keys_in, resolve
from reports.tables import build_table
from staffing.tests.factories import JobPositionFactory, StaffingNeedFactory
from wards.models import Ward
from wards.periods import DateRange

pytestmark = pytest.mark.django_db

WEEK = DateRange(date(2025, 8, 18), date(2025, 8, 23))
YEAR = DateRange(date(2025, 7, 1), date(2026, 5, 5))


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: object) -> Iterator[None]:
    """The demo data, loaded once for the module (about ten seconds) and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def kim_tra(demo: None) -> Ward:
    return Ward.objects.get(slug="kim-tra")


def template_keys(kind: str) -> set[str]:
    template = ReportTemplate.objects.get(kind=kind)
    return {key for section in template.sections.all() for key in keys_in(section.body) | keys_in(section.footnotes)}


@pytest.mark.parametrize(("kind", "period"), [("weekly", WEEK), ("annual", YEAR)])
def test_every_key_of_the_templates_has_a_value(kim_tra: Ward, kind: str, period: DateRange) -> None:
    used = template_keys(kind)
    assert used - catalogue().keys() == set()
    values = resolve(kim_tra, period)
    assert [key for key in sorted(used) if values[key] == MISSING] == []


def test_weekly_values_read_as_the_seed(kim_tra: Ward) -> None:
    values = resolve(kim_tra, WEEK)
    assert values["tthc.by_field"].startswith(
        "Bảo trợ xã hội 10 hồ sơ; Chứng thực 239 hồ sơ; Đất đai 16 hồ sơ; Giáo dục trung học 02 hồ sơ; Hộ tịch 37 hồ sơ"
    )
    assert values["tthc.by_field"].endswith("Thành lập và hoạt động doanh nghiệp (hộ kinh doanh) 03 hồ sơ")
    assert (values["tthc.in_progress"], values["tthc.supplement"], values["tthc.returned"]) == ("37", "01", "257")
    assert values["assets.centre_equipment"].startswith("Máy tính 08 bộ; Máy in 06 cái; Máy scan khổ A4 02 cái")
    assert values["assets.centre_missing"] == "máy bấm số tự động, máy scan khổ A3 (đang đặt hàng mua sắm)"


def test_annual_values_read_as_the_seed(kim_tra: Ward) -> None:
    values = resolve(kim_tra, YEAR)
    assert values["staffing.by_unit"].startswith("Lãnh đạo HĐND và UBND phường 06 người; Văn phòng HĐND và UBND 11")
    assert values["staffing.doctors_needed"] == "02 bác sĩ y học dự phòng, 02 bác sĩ đa khoa"
    assert (values["assets.surplus_handled"], values["assets.surplus_pending"]) == ("0", "01")


def test_tables_of_the_templates(kim_tra: Ward) -> None:
    by_field = build_table("tthc_by_field", kim_tra, WEEK)
    assert by_field.rows[1][:2] == ["Chứng thực", "239"] and by_field.footer[1:4] == ["315", "277", "277"]
    by_use = build_table("facilities_by_use", kim_tra, YEAR)
    assert ["Cơ sở trường học", "31"] in by_use.rows and by_use.footer[-1] == "41"
    by_unit = build_table("staffing_by_unit", kim_tra, YEAR)
    assert by_unit.headers[1:3] == ["Ngày 01/07/2025", "Ngày 01/05/2026"]
    assert ["Ban Chỉ huy Quân sự phường", "3", "0", "-3"] in by_unit.rows


def test_resolving_the_annual_report_runs_a_fixed_number_of_queries(kim_tra: Ward) -> None:
    resolve(kim_tra, YEAR)  # warms the caches (site, ward's city) that only the first call fills
    with CaptureQueriesContext(connection) as before:
        resolve(kim_tra, YEAR)
    field = ProcedureFieldFactory()
    for week in range(5):
        day = date(2025, 9, 1 + 7 * week)
        CaseVolumeFactory(ward=kim_tra, field=field, start=day, end=day)
    FacilityFactory.create_batch(3, ward=kim_tra, use=FacilityUse.SCHOOL)
    EquipmentItemFactory.create_batch(3, ward=kim_tra)
    SpendingFactory.create_batch(3, ward=kim_tra, start=date(2026, 3, 1), end=date(2026, 3, 1))
    JobPositionFactory.create_batch(3, ward=kim_tra)
    StaffingNeedFactory.create_batch(2, ward=kim_tra)
    with CaptureQueriesContext(connection) as after:
        values = resolve(kim_tra, YEAR)
    assert values["tthc.received"] == "8.607" and values["assets.facilities_schools"] == "34"
    assert len(after) == len(before)


def pdf_text(tmp_path: Path, kind: str, period: DateRange) -> str:
    output = tmp_path / f"{kind}.pdf"
    call_command(
        "build_report",
        ward="kim-tra",
        kind=kind,
        start=period.start,
        end=period.end,
        output=output,
        stdout=StringIO(),
    )
    pages = PdfReader(output).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_weekly_pdf_has_the_seed_figures(kim_tra: Ward, tmp_path: Path) -> None:
    text = pdf_text(tmp_path, "weekly", WEEK)
    for figure in (
        "tiếp nhận 315 hồ sơ",
        "Bảo trợ xã hội 10 hồ sơ; Chứng thực 239 hồ sơ; Đất đai 16 hồ sơ",
        "đúng hạn 277/277, đạt 100%",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ):
        assert figure in text, figure


def test_annual_pdf_has_the_seed_figures(kim_tra: Ward, tmp_path: Path) -> None:
    text = pdf_text(tmp_path, "annual", YEAR)
    for figure in (
        "tiếp nhận 8.557 hồ sơ",
        "8.258/8.260, đạt 99,97%",
        "chiếm 0,03%",
        "424 thủ tục",
        "144 thủ tục trực tuyến toàn trình và 280",
        "đạt 97,78%",
        "178.254 m²",
        "145.788 m²",
        "32.466 m²",
        "18.749.464.101 đồng",
        "181.436.650.545 đồng",
        "839.790.000 đồng",
        "2.818",
        "2.393",
        "quản lý 41 cơ sở nhà, đất",
        "bố trí 46 biên chế",
        "là 43 người",
        "thiếu 08 biên chế",
    ):
        assert figure in text, figure
