from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from staffing.models import HeadcountLine, HeadcountSnapshot, JobPosition, OrgUnit, StaffFunction, StaffingNeed
from wards.tests.permissions import assert_permission_matrix, client_for

from .factories import (
    HeadcountLineFactory,
    HeadcountSnapshotFactory,
    JobPositionFactory,
    OrgUnitFactory,
    StaffingNeedFactory,
)

pytestmark = pytest.mark.django_db

READ_VIEWS = ["overview", "positions", "history"]
WRITE_VIEWS = ["snapshot_new", "positions_edit", "units_edit", "needs_edit", "functions_edit"]


def url(ward, name: str, **kwargs) -> str:
    return reverse(f"staffing:{name}", kwargs={"ward": ward.slug, **kwargs})


@pytest.mark.parametrize("name", READ_VIEWS)
def test_read_views_matrix(ward, staff, leader, home_affairs, other_staff, name) -> None:
    assert_permission_matrix(url(ward, name), allowed=[staff, leader, home_affairs], outsider=other_staff)


@pytest.mark.parametrize("name", WRITE_VIEWS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_write_views_matrix(ward, staff, leader, home_affairs, other_staff, name, method) -> None:
    # A POST without data re-shows the form (200); Home Affairs never gets past the access check.
    assert_permission_matrix(
        url(ward, name), allowed=[staff, leader], forbidden=[home_affairs], outsider=other_staff, method=method
    )


def test_snapshot_edit_matrix(ward, staff, leader, home_affairs, other_staff) -> None:
    HeadcountSnapshotFactory(ward=ward, on=date(2026, 5, 1))
    assert_permission_matrix(
        url(ward, "snapshot_edit", on="2026-05-01"),
        allowed=[staff, leader],
        forbidden=[home_affairs],
        outsider=other_staff,
    )


def test_snapshot_edit_of_unknown_or_bad_date_is_404(ward, staff) -> None:
    client = client_for(staff)
    assert client.get(url(ward, "snapshot_edit", on="2026-05-02")).status_code == 404
    assert client.get(url(ward, "snapshot_edit", on="not-a-date")).status_code == 404


def test_home_affairs_cannot_post_a_snapshot(ward, home_affairs) -> None:
    unit = OrgUnitFactory(ward=ward)
    response = client_for(home_affairs).post(url(ward, "snapshot_new"), snapshot_post(date(2026, 5, 1), [unit]))
    assert response.status_code == 403
    assert not HeadcountSnapshot.objects.exists()


def snapshot_post(on: date, units, lines=None) -> dict[str, object]:
    data: dict[str, object] = {
        "on": on.isoformat(),
        "non_specialised_workers": 2,
        "non_specialised_left": 27,
        "note": "",
        "lines-TOTAL_FORMS": len(units),
        "lines-INITIAL_FORMS": len(units),
    }
    for i, line in enumerate(lines or [{} for _unit in units]):
        for name, value in line.items():
            data[f"lines-{i}-{name}"] = value
    return data


def test_staff_enters_a_snapshot_of_every_unit_on_one_page(ward, staff) -> None:
    office, centre = OrgUnitFactory(ward=ward, name="Văn phòng"), OrgUnitFactory(ward=ward, name="Trung tâm")
    data = snapshot_post(
        date(2026, 5, 1),
        [office, centre],
        [
            {"total": 11, "heads": 1, "deputies": 1, "specialists": 9, "civil_servants": 11},
            {"total": 10, "heads": 1, "deputies": 1, "specialists": 8, "public_employees": 10, "seconded_out": 2},
        ],
    )
    response = client_for(staff).post(url(ward, "snapshot_new"), data)
    assert response.status_code == 302
    assert response["Location"].endswith("?date=2026-05-01")
    snapshot = HeadcountSnapshot.objects.get(ward=ward)
    assert snapshot.non_specialised_left == 27
    assert {line.unit.name: line.total for line in snapshot.lines.select_related("unit")} == {
        "Văn phòng": 11,
        "Trung tâm": 10,
    }
    assert snapshot.history.first().history_user == staff.user


def test_snapshot_with_a_line_that_does_not_add_up_shows_the_error_and_saves_nothing(ward, staff) -> None:
    unit = OrgUnitFactory(ward=ward)
    data = snapshot_post(
        date(2026, 5, 1), [unit], [{"total": 11, "heads": 1, "deputies": 1, "specialists": 8, "civil_servants": 11}]
    )
    response = client_for(staff).post(url(ward, "snapshot_new"), data)
    assert response.status_code == 200
    assert "không bằng tổng số 11" in response.content.decode()
    assert not HeadcountSnapshot.objects.exists()


def test_new_snapshot_starts_from_the_latest(ward, staff) -> None:
    line = HeadcountLineFactory(snapshot__ward=ward, snapshot__on=date(2025, 7, 1), total=7)
    response = client_for(staff).get(url(ward, "snapshot_new"))
    forms = response.context["lines"].forms
    assert forms[0].initial["total"] == 7
    assert forms[0].unit == line.unit


def test_editing_a_snapshot_can_move_its_date(ward, staff) -> None:
    line = HeadcountLineFactory(snapshot__ward=ward, snapshot__on=date(2026, 4, 30), total=5)
    data = snapshot_post(
        date(2026, 5, 1), [line.unit], [{"total": 4, "heads": 1, "deputies": 1, "specialists": 2, "civil_servants": 4}]
    )
    response = client_for(staff).post(url(ward, "snapshot_edit", on="2026-04-30"), data)
    assert response.status_code == 302
    assert list(HeadcountSnapshot.objects.values_list("on", flat=True)) == [date(2026, 5, 1)]
    assert HeadcountLine.objects.get().total == 4


def test_overview_shows_the_snapshot_at_the_date_against_the_first(ward, home_affairs) -> None:
    unit = OrgUnitFactory(ward=ward, name="Văn phòng HĐND và UBND")
    HeadcountLineFactory(snapshot__ward=ward, snapshot__on=date(2025, 7, 1), unit=unit, total=46)
    HeadcountLineFactory(snapshot__ward=ward, snapshot__on=date(2026, 5, 1), unit=unit, total=43)
    response = client_for(home_affairs).get(url(ward, "overview"), {"date": "2026-05-01"})
    html = response.content.decode()
    assert response.context["figures"].civil_servants_now == 43
    assert "01/07/2025" in html and "01/05/2026" in html
    assert reverse("staffing:snapshot_new", kwargs={"ward": ward.slug}) not in html  # no write links for the city


def test_overview_without_a_date_opens_on_the_latest_snapshot(ward, staff) -> None:
    HeadcountSnapshotFactory(ward=ward, on=date(2025, 7, 1))
    HeadcountSnapshotFactory(ward=ward, on=date(2026, 5, 1))
    response = client_for(staff).get(url(ward, "overview"))
    assert response.context["picker"].day == date(2026, 5, 1)
    assert response.context["figures"].on == date(2026, 5, 1)


def table_post(formset_rows: list[dict[str, object]], initial: int) -> dict[str, object]:
    data: dict[str, object] = {"rows-TOTAL_FORMS": len(formset_rows), "rows-INITIAL_FORMS": initial}
    for i, row in enumerate(formset_rows):
        for name, value in row.items():
            data[f"rows-{i}-{name}"] = value
    return data


def test_positions_edit_flags_filled_above_quota(ward, leader) -> None:
    position = JobPositionFactory(ward=ward, quota=2, filled=1)
    row = {
        "id": position.pk,
        "unit": position.unit.pk,
        "name": position.name,
        "category": "professional",
        "quota": 2,
        "filled": 3,
        "order": 0,
    }
    client = client_for(leader)
    response = client.post(url(ward, "positions_edit"), table_post([row], 1), follow=True)
    assert JobPosition.objects.get().filled == 3
    assert any("3/2" in str(m) for m in response.context["messages"])


def test_positions_edit_adds_a_shared_position_and_deletes_one(ward, staff) -> None:
    gone = JobPositionFactory(ward=ward)
    rows = [
        {
            "id": gone.pk,
            "unit": gone.unit.pk,
            "name": gone.name,
            "category": "professional",
            "quota": 2,
            "filled": 1,
            "order": 0,
            "DELETE": "on",
        },
        {"name": "Kiểm tra chuyên ngành", "category": "professional", "quota": 1, "filled": 0, "order": 1},
    ]
    response = client_for(staff).post(url(ward, "positions_edit"), table_post(rows, 1))
    assert response.status_code == 302
    (position,) = JobPosition.objects.all()
    assert (position.name, position.unit, position.ward) == ("Kiểm tra chuyên ngành", None, ward)


def test_table_edit_cannot_reach_rows_of_another_ward(ward, other_ward, staff) -> None:
    foreign = JobPositionFactory(ward=other_ward, quota=2, name="Đất đai")
    row = {"id": foreign.pk, "name": "x", "category": "professional", "quota": 9, "filled": 0, "order": 0}
    response = client_for(staff).post(url(ward, "positions_edit"), table_post([row], 1), HTTP_ACCEPT_LANGUAGE="vi")
    foreign.refresh_from_db()
    assert (foreign.quota, foreign.name) == (2, "Đất đai")
    # Refused, not taken for a new row of one's own ward.
    assert response.status_code == 200
    assert list(JobPosition.objects.values_list("ward", "name")) == [(other_ward.pk, "Đất đai")]
    assert "Dòng 1 không thuộc bảng này" in response.content.decode()


FOREIGN_ROWS = {
    "positions_edit": lambda ward: {"name": "x", "category": "professional", "quota": 9, "filled": 0, "order": 0},
    "units_edit": lambda ward: {"name": "Phòng mới", "kind": "agency", "order": 0},
    "needs_edit": lambda ward: {
        "unit": OrgUnitFactory(ward=ward).pk,
        "position": "Kế toán",
        "count": 1,
        "stated_on": "2026-05-05",
    },
}


@pytest.mark.parametrize("name", sorted(FOREIGN_ROWS))
@pytest.mark.parametrize("posted", ["foreign", "missing", "absent"])
def test_table_edit_refuses_a_row_that_is_not_its_own(ward, other_ward, staff, name, posted) -> None:
    """An id of another ward, of a deleted row or none at all where a row of the table was: refused with
    the reason, the good row beside it not saved either."""
    own = JobPositionFactory(ward=ward, quota=2)
    foreign = {"positions_edit": JobPositionFactory, "units_edit": OrgUnitFactory}.get(name, StaffingNeedFactory)(
        ward=other_ward
    )
    row = FOREIGN_ROWS[name](ward)
    before = {model: model.objects.count() for model in (JobPosition, OrgUnit, StaffingNeed)}
    if posted == "foreign":
        row["id"] = foreign.pk
    elif posted == "missing":
        row["id"] = 999_999
    response = client_for(staff).post(url(ward, name), table_post([row], 1), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dòng 1 không thuộc bảng này" in page and "Không có gì được lưu" in page
    assert {model: model.objects.count() for model in (JobPosition, OrgUnit, StaffingNeed)} == before
    own.refresh_from_db()
    assert own.quota == 2


def test_table_edit_refuses_an_id_posted_in_a_new_row(ward, other_ward, staff) -> None:
    foreign = JobPositionFactory(ward=other_ward)
    row = {"id": foreign.pk, "name": "x", "category": "professional", "quota": 9, "filled": 0, "order": 0}
    response = client_for(staff).post(url(ward, "positions_edit"), table_post([row], 0), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200 and "Dòng 1 không thuộc bảng này" in response.content.decode()
    assert not JobPosition.objects.filter(ward=ward).exists()


def test_table_edit_shows_the_error_of_a_hidden_field(ward, staff) -> None:
    position = JobPositionFactory(ward=ward)
    row = {"id": "abc", "name": position.name, "category": "professional", "quota": 2, "filled": 1, "order": 0}
    response = client_for(staff).post(url(ward, "positions_edit"), table_post([row], 1), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    formset = response.context["formset"]
    (hidden_error,) = formset.forms[0].errors["id"]
    assert hidden_error in response.content.decode()


def test_units_edit_refuses_a_school_without_level(ward, staff) -> None:
    row = {"name": "Trường Mầm non A", "kind": "school", "school_level": "", "order": 1}
    response = client_for(staff).post(url(ward, "units_edit"), table_post([row], 0))
    assert response.status_code == 200
    assert not OrgUnit.objects.exists()


def test_needs_edit_adds_a_need(ward, staff) -> None:
    unit = OrgUnitFactory(ward=ward, name="Trạm Y tế")
    row = {"unit": unit.pk, "position": "Bác sĩ đa khoa", "count": 2, "stated_on": "2026-05-05"}
    response = client_for(staff).post(url(ward, "needs_edit"), table_post([row], 0))
    assert response.status_code == 302
    assert StaffingNeed.objects.get().count == 2


def test_needs_edit_refuses_zero_people(ward, staff) -> None:
    unit = OrgUnitFactory(ward=ward)
    row = {"unit": unit.pk, "position": "Bác sĩ", "count": 0, "stated_on": "2026-05-05"}
    response = client_for(staff).post(url(ward, "needs_edit"), table_post([row], 0))
    assert response.status_code == 200
    assert not StaffingNeed.objects.exists()


def test_history_shows_who_changed_what(ward, staff, leader) -> None:
    position = JobPositionFactory(ward=ward, quota=2, filled=1)
    row = {
        "id": position.pk,
        "unit": position.unit.pk,
        "name": position.name,
        "category": "professional",
        "quota": 3,
        "filled": 1,
        "order": 0,
    }
    client_for(staff).post(url(ward, "positions_edit"), table_post([row], 1))
    response = client_for(leader).get(url(ward, "history"))
    rows = response.context["history"]
    assert rows[0].who == staff.user
    assert [(c.old, c.new) for c in rows[0].changes] == [(2, 3)]


def test_functions_edit_records_staff_and_a_helper_who_is_not_staff(ward, staff) -> None:
    centre = OrgUnitFactory(ward=ward, kind="one_stop_centre")
    rows = [
        {"unit": centre.pk, "on": "2025-08-18", "name": "Bộ phận số hóa", "count": 1, "status": "staff", "order": 0},
        {
            "unit": centre.pk,
            "on": "2025-08-18",
            "name": "Nhân viên bưu điện hỗ trợ tiếp nhận hồ sơ",
            "count": 1,
            "status": "helper",
            "order": 1,
        },
    ]
    response = client_for(staff).post(url(ward, "functions_edit"), table_post(rows, 0))
    assert response.status_code == 302
    assert sorted(StaffFunction.objects.filter(ward=ward).values_list("status", "count")) == [
        ("helper", 1),
        ("staff", 1),
    ]


def test_functions_edit_refuses_a_helper_in_the_leadership(ward, staff) -> None:
    centre = OrgUnitFactory(ward=ward, kind="one_stop_centre")
    row = {"unit": centre.pk, "on": "2025-08-18", "name": "Bưu điện", "count": 1, "leadership": "on"}
    row["status"] = "helper"
    response = client_for(staff).post(url(ward, "functions_edit"), table_post([{**row, "order": 0}], 0))
    assert response.status_code == 200
    assert not StaffFunction.objects.exists()
