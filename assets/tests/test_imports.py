"""The imports list of the facilities register, equipment and spending pages (issue 15): each lists the
sheets imported from it, with the file to download again, in a fixed number of queries however many
there are."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assets.excel import EquipmentImporter, FacilityImporter, SpendingImporter
from assets.tests.factories import EquipmentItemFactory, FacilityFactory, SpendingFactory
from wards.excel.layout import FIRST_DATA_ROW
from wards.models import ImportRecord
from wards.tests.excel import download, set_cell, upload
from wards.tests.factories import ImportRecordFactory
from wards.tests.lists import assert_queries_do_not_grow
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db
SPENDING = "?start=2025-07-01&end=2025-12-31"

# (page, export, prefix of the upload views, the cell a clerk changes)
CASES = [
    ("register", "export", "register", ("Diện tích đất (m²)", 5_000)),
    ("equipment", "equipment_export", "equipment", ("Số lượng", 9)),
    ("spending", "spending_export", "spending", ("Số tiền (đồng)", 2_000_000)),
]
KINDS = {"register": FacilityImporter.name, "equipment": EquipmentImporter.name, "spending": SpendingImporter.name}


def url(name: str, ward) -> str:
    return reverse(f"assets:{name}", kwargs={"ward": ward.slug})


@pytest.mark.parametrize(("page", "export", "prefix", "change"), CASES)
def test_an_imported_sheet_is_listed_on_its_page(ward, staff, page, export, prefix, change) -> None:
    FacilityFactory(ward=ward, land_m2=4_200)
    EquipmentItemFactory(ward=ward, quantity=8)
    SpendingFactory(ward=ward, amount=1_000_000)
    client = client_for(staff)
    page_url = url(page, ward) + (SPENDING if page == "spending" else "")
    assert 'data-testid="import-row"' not in client.get(page_url).content.decode()
    sheet = download(client, url(export, ward) + (SPENDING if page == "spending" else ""))
    upload(client, url(f"{prefix}_upload", ward), sheet, lambda s: set_cell(s, FIRST_DATA_ROW, *change))
    assert client.post(url(f"{prefix}_upload_confirm", ward)).status_code == 302
    record = ImportRecord.objects.get()
    assert (record.kind, record.rows_saved) == (KINDS[page], 1)
    body = client.get(page_url).content.decode()
    assert body.count('data-testid="import-row"') == 1
    assert "sheet.xlsx" in body
    assert reverse("import_download", kwargs={"ward": ward.slug, "pk": record.pk}) in body


@pytest.mark.parametrize("page", list(KINDS))
def test_the_imports_list_takes_the_same_queries_however_long(ward, staff, django_assert_num_queries, page) -> None:
    ImportRecordFactory(ward=ward, kind=KINDS[page])
    body = assert_queries_do_not_grow(
        client_for(staff),
        url(page, ward),
        lambda: ImportRecordFactory.create_batch(6, ward=ward, kind=KINDS[page]),
        django_assert_num_queries,
    )
    assert body.count('data-testid="import-row"') == 5
    # The imports of the other sheets are listed on their own pages.
    for other in set(KINDS.values()) - {KINDS[page]}:
        ImportRecordFactory(ward=ward, kind=other, filename=f"{other}.xlsx")
    body = client_for(staff).get(url(page, ward)).content.decode()
    assert not any(f"{other}.xlsx" in body for other in KINDS.values() if other != KINDS[page])
