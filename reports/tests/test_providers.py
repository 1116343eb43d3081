"""The real providers on the demo data: every key of the two seeded templates resolves (the PDFs of the seed
reports are checked fact by fact in test_seed_fidelity)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

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
    assert by_unit.headers[1:3] == ["Ngày 01/7/2025", "Ngày 01/5/2026"]
    # The count of 01/5/2026 leaves the military command out: it says so, rather than a fall from 3 to 0.
    assert ["Ban Chỉ huy Quân sự phường", "3", "không tính", ""] in by_unit.rows


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
