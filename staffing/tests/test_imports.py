"""The imports list of the staffing pages (issue 15): the headcount overview lists the snapshot sheets
imported, the vacancies page the position sheets, each with the file to download again, in a fixed
number of queries however many there are."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from staffing.excel import PositionImporter, SnapshotImporter
from staffing.tests.factories import HeadcountLineFactory, HeadcountSnapshotFactory, JobPositionFactory, OrgUnitFactory
from wards.excel.layout import FIRST_DATA_ROW
from wards.models import ImportRecord
from wards.tests.excel import download, set_cell, upload
from wards.tests.factories import ImportRecordFactory
from wards.tests.lists import assert_queries_do_not_grow
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db


def url(name: str, ward) -> str:
    return reverse(f"staffing:{name}", kwargs={"ward": ward.slug})


def _snapshot(sheet) -> None:
    sheet["B2"] = date(2026, 5, 1)
    set_cell(sheet, FIRST_DATA_ROW, "Tổng số", 10)
    set_cell(sheet, FIRST_DATA_ROW, "Chuyên viên, nhân viên", 8)
    set_cell(sheet, FIRST_DATA_ROW, "Cán bộ, công chức", 10)


def _positions(sheet) -> None:
    set_cell(sheet, FIRST_DATA_ROW, "Biên chế theo vị trí", 3)


@pytest.mark.parametrize(
    ("prefix", "page", "edit"),
    [("snapshot", "overview", _snapshot), ("positions", "positions", _positions)],
)
def test_an_imported_sheet_is_listed_on_its_page(ward, staff, prefix, page, edit) -> None:
    snapshot = HeadcountSnapshotFactory(ward=ward, on=date(2025, 7, 1))
    HeadcountLineFactory(snapshot=snapshot, unit=OrgUnitFactory(ward=ward), total=11)
    JobPositionFactory(ward=ward, quota=2, filled=1)
    client = client_for(staff)
    assert 'data-testid="import-row"' not in client.get(url(page, ward)).content.decode()
    upload(client, url(f"{prefix}_upload", ward), download(client, url(f"{prefix}_export", ward)), edit)
    assert client.post(url(f"{prefix}_upload_confirm", ward)).status_code == 302
    record = ImportRecord.objects.get()
    body = client.get(url(page, ward)).content.decode()
    assert body.count('data-testid="import-row"') == 1
    assert "sheet.xlsx" in body
    assert reverse("import_download", kwargs={"ward": ward.slug, "pk": record.pk}) in body


@pytest.mark.parametrize(
    ("page", "kind", "other"),
    [("overview", SnapshotImporter.name, PositionImporter.name), ("positions", PositionImporter.name, "x")],
)
def test_the_imports_list_takes_the_same_queries_however_long(
    ward, staff, django_assert_num_queries, page, kind, other
) -> None:
    ImportRecordFactory(ward=ward, kind=kind)
    body = assert_queries_do_not_grow(
        client_for(staff),
        url(page, ward),
        lambda: ImportRecordFactory.create_batch(6, ward=ward, kind=kind),
        django_assert_num_queries,
    )
    assert body.count('data-testid="import-row"') == 5
    # The other sheet's imports are listed on its own page.
    ImportRecordFactory(ward=ward, kind=other, filename="Khac.xlsx")
    assert "Khac.xlsx" not in client_for(staff).get(url(page, ward)).content.decode()
