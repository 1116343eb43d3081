"""The register and the spending entries as sortable, paged, filtered tables."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from assets.models import FacilityUse, SpendingKind
from assets.tests.factories import FacilityFactory, SpendingFactory
from wards.tests.lists import assert_queries_do_not_grow
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db


def url(name: str, ward) -> str:
    return reverse(f"assets:{name}", kwargs={"ward": ward.slug})


def test_register_queries_do_not_grow_with_rows(ward, staff, django_assert_num_queries) -> None:
    FacilityFactory(ward=ward, use=FacilityUse.OFFICE, land_m2=1_000)
    page = assert_queries_do_not_grow(
        client_for(staff),
        url("register", ward) + "?sort=-land_m2",
        lambda: FacilityFactory.create_batch(30, ward=ward, land_m2=1_500),
        django_assert_num_queries,
    )
    assert "1.500 m²" in page
    assert "46.000 m²" in page  # the footer sums every listed facility, not only this page's
    assert "Tổng 31 cơ sở" in page


def test_register_sorts_pages_and_keeps_the_date(ward, staff) -> None:
    for n, land in enumerate((300, 100, 200)):
        FacilityFactory(ward=ward, name=f"Cơ sở {n}", land_m2=land)
    client = client_for(staff)
    table = client.get(url("register", ward), {"sort": "land_m2", "date": "2026-01-01"}).context["table"]
    assert [row.record.land_m2 for row in table.paginated_rows] == [100, 200, 300]
    FacilityFactory.create_batch(30, ward=ward)
    page = client.get(url("register", ward), {"date": "2026-01-01", "sort": "name", "page": "2"})
    content = page.content.decode()
    assert page.context["table"].page.number == 2
    assert "date=2026-01-01&amp;sort=name&amp;page=1" in content


def test_register_filters_by_legal_status(ward, staff) -> None:
    FacilityFactory(ward=ward, name="Đã đo đạc", surveyed=True)
    FacilityFactory(ward=ward, name="Chưa đo đạc", surveyed=False)
    response = client_for(staff).get(url("register", ward), {"legal": "not_surveyed"})
    assert [f.name for f in response.context["facilities"]] == ["Chưa đo đạc"]
    assert response.context["filter_form"]["legal"].value() == "not_surveyed"


def test_spending_queries_do_not_grow_and_filter_by_kind(ward, staff, django_assert_num_queries) -> None:
    SpendingFactory(ward=ward, kind=SpendingKind.DEVELOPMENT, amount=18_749_464_101)
    query = "?start=2025-07-01&end=2026-06-30"

    def add_rows() -> None:
        for n in range(30):
            day = date(2025, 8, 1) + timedelta(days=n)
            SpendingFactory(ward=ward, start=day, end=day, amount=1_000)

    client = client_for(staff)
    page = assert_queries_do_not_grow(client, url("spending", ward) + query, add_rows, django_assert_num_queries)
    assert "18.749.464.101 đồng" in page
    development = client.get(url("spending", ward) + query + "&spending=development").context["table"]
    assert [row.record.amount for row in development.paginated_rows] == [18_749_464_101]
