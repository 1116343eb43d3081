"""Every job position as a sortable, paged, filtered table."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from staffing.models import PositionCategory, StaffFunction
from staffing.tests.factories import JobPositionFactory, OrgUnitFactory, StaffingNeedFactory
from wards.tests.lists import assert_queries_do_not_grow
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db


def url(ward) -> str:
    return reverse("staffing:positions", kwargs={"ward": ward.slug})


def test_positions_queries_do_not_grow_with_rows(ward, staff, django_assert_num_queries) -> None:
    JobPositionFactory(ward=ward, quota=11, filled=7)
    page = assert_queries_do_not_grow(
        client_for(staff),
        url(ward) + "?sort=-shortage",
        lambda: JobPositionFactory.create_batch(30, ward=ward),
        django_assert_num_queries,
    )
    assert 'id="vacancy-table"' in page
    assert "sort=-shortage&amp;page=2" in page


def test_positions_sort_by_shortage_and_filter(ward, other_ward, staff) -> None:
    unit = OrgUnitFactory(ward=ward, name="Phòng Kinh tế, Hạ tầng và Đô thị")
    JobPositionFactory(ward=ward, unit=unit, name="Địa chính", quota=11, filled=7)
    JobPositionFactory(ward=ward, name="Văn hóa", quota=8, filled=7)
    JobPositionFactory(ward=ward, unit=None, name="Công nghệ thông tin", quota=1, filled=0)
    JobPositionFactory(ward=ward, name="Chủ tịch", category=PositionCategory.LEADERSHIP, quota=1, filled=1)
    client = client_for(staff)
    table = client.get(url(ward), {"sort": "-shortage"}).context["table"]
    assert [row.record.shortage for row in table.paginated_rows] == [4, 1, 1, 0]
    short = client.get(url(ward), {"short": "true", "category": "professional", "unit": unit.pk})
    assert [row.record.name for row in short.context["table"].paginated_rows] == ["Địa chính"]
    foreign = OrgUnitFactory(ward=other_ward)
    response = client.get(url(ward), {"unit": foreign.pk})
    assert response.context["filter_form"].errors  # another ward's unit is not a choice


def edit_url(ward, name: str) -> str:
    return reverse(f"staffing:{name}", kwargs={"ward": ward.slug})


def _add_functions(ward) -> None:
    units = OrgUnitFactory.create_batch(3, ward=ward)
    StaffFunction.objects.bulk_create(
        StaffFunction(ward=ward, unit=units[n % 3], on=date(2025, 8, 18), name=f"Bộ phận {n}", count=1, order=n)
        for n in range(30)
    )


TABLE_ROWS = {
    "positions_edit": lambda ward: JobPositionFactory.create_batch(30, ward=ward),
    "units_edit": lambda ward: OrgUnitFactory.create_batch(30, ward=ward),
    "needs_edit": lambda ward: [StaffingNeedFactory(ward=ward, position=f"Vị trí {n}") for n in range(30)],
    "functions_edit": _add_functions,
}


@pytest.mark.parametrize("name", sorted(TABLE_ROWS))
def test_table_forms_queries_do_not_grow_with_rows(ward, staff, name, django_assert_num_queries) -> None:
    """The unit choices are fetched once for the whole table, not once per row and field."""
    TABLE_ROWS[name](ward)
    page = assert_queries_do_not_grow(
        client_for(staff), edit_url(ward, name), lambda: TABLE_ROWS[name](ward), django_assert_num_queries
    )
    assert 'name="rows-59-' in page
