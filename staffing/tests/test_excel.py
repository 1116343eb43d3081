"""Excel round trips of a headcount snapshot and of the job positions: download, change, dry run
naming the change, save; a bad row names itself and nothing is saved."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from staffing.models import HeadcountSnapshot, JobPosition
from staffing.tests.factories import HeadcountLineFactory, HeadcountSnapshotFactory, JobPositionFactory, OrgUnitFactory
from wards.excel.layout import FIRST_DATA_ROW
from wards.tests.excel import data_rows, download, set_cell, upload
from wards.tests.locks import assert_upload_refused_under_lock, lock
from wards.tests.permissions import assert_permission_matrix, assert_upload_matrix, client_for

pytestmark = pytest.mark.django_db
SAVE = "Lưu các số liệu này"


def url(name: str, ward) -> str:
    return reverse(f"staffing:{name}", kwargs={"ward": ward.slug})


@pytest.mark.parametrize("prefix", ["snapshot", "positions"])
def test_permission_matrix(ward, staff, leader, home_affairs, other_staff, prefix) -> None:
    assert_permission_matrix(url(f"{prefix}_export", ward), allowed=[staff, leader, home_affairs], outsider=other_staff)
    assert_upload_matrix(
        url(f"{prefix}_upload", ward),
        url(f"{prefix}_upload_confirm", ward),
        staff=staff,
        leader=leader,
        home_affairs=home_affairs,
        outsider=other_staff,
    )


@pytest.fixture
def snapshot(ward):
    snapshot = HeadcountSnapshotFactory(ward=ward, on=date(2025, 7, 1), non_specialised_workers=29)
    HeadcountLineFactory(snapshot=snapshot, unit=OrgUnitFactory(ward=ward, name="Văn phòng HĐND và UBND"), total=11)
    OrgUnitFactory(ward=ward, name="Phòng Văn hóa - Xã hội")
    return snapshot


def test_snapshot_round_trip_as_a_new_date(ward, staff, snapshot) -> None:
    client = client_for(staff)
    sheet = download(client, url("snapshot_export", ward) + "?date=2026-05-01")
    assert [(row["Đơn vị"], row["Tổng số"]) for row in data_rows(sheet)] == [
        ("Văn phòng HĐND và UBND", 11),
        ("Phòng Văn hóa - Xã hội", None),
    ]

    def edit(sheet) -> None:
        sheet["B2"] = date(2026, 5, 1)
        sheet["D2"] = 2
        set_cell(sheet, FIRST_DATA_ROW, "Tổng số", 10)
        set_cell(sheet, FIRST_DATA_ROW, "Chuyên viên, nhân viên", 8)
        set_cell(sheet, FIRST_DATA_ROW, "Cán bộ, công chức", 10)

    body = upload(client, url("snapshot_upload", ward), sheet, edit)
    assert "Người hoạt động không chuyên trách còn làm việc: — → <strong>2</strong>" in body
    assert "Tổng số: — → <strong>10</strong>" in body
    assert "Phòng Văn hóa - Xã hội" not in body, "a unit left blank is not a change"
    assert client.post(url("snapshot_upload_confirm", ward)).status_code == 302
    new = HeadcountSnapshot.objects.get(ward=ward, on=date(2026, 5, 1))
    assert (new.non_specialised_workers, [line.total for line in new.lines.all()]) == (2, [10])
    assert snapshot.lines.get().total == 11, "the snapshot of another date is untouched"


def test_snapshot_row_that_does_not_add_up_saves_nothing(ward, staff, snapshot) -> None:
    client = client_for(staff)
    sheet = download(client, url("snapshot_export", ward))

    def edit(sheet) -> None:
        set_cell(sheet, FIRST_DATA_ROW, "Tổng số", 12)
        set_cell(sheet, FIRST_DATA_ROW + 1, "Tổng số", 3)

    body = upload(client, url("snapshot_upload", ward), sheet, edit)
    assert f"Dòng {FIRST_DATA_ROW} (Văn phòng HĐND và UBND): Chuyên viên, nhân viên:" in body
    assert f"Dòng {FIRST_DATA_ROW + 1} (Phòng Văn hóa - Xã hội): còn ô trống" in body
    assert SAVE not in body
    client.post(url("snapshot_upload_confirm", ward))
    assert snapshot.lines.get().total == 11


def test_positions_round_trip_and_a_foreign_unit(ward, staff) -> None:
    position = JobPositionFactory(ward=ward, unit__name="Phòng Kinh tế", name="Kế toán", quota=2, filled=1)
    client = client_for(staff)
    sheet = download(client, url("positions_export", ward))
    assert data_rows(sheet)[0]["Đơn vị"] == "Phòng Kinh tế"

    def edit(sheet) -> None:
        set_cell(sheet, FIRST_DATA_ROW, "Biên chế theo vị trí", 3)
        new = FIRST_DATA_ROW + 1
        for header, value in {"Vị trí việc làm": "Công nghệ thông tin", "Nhóm vị trí": "Chuyên môn, nghiệp vụ"}.items():
            set_cell(sheet, new, header, value)
        set_cell(sheet, new, "Biên chế theo vị trí", 1)
        set_cell(sheet, new, "Đã bố trí", 0)

    body = upload(client, url("positions_upload", ward), sheet, edit)
    assert "Biên chế theo vị trí: 2 → <strong>3</strong>" in body
    assert client.post(url("positions_upload_confirm", ward)).status_code == 302
    position.refresh_from_db()
    assert position.quota == 3
    assert JobPosition.objects.get(name="Công nghệ thông tin").unit is None

    sheet = download(client, url("positions_export", ward))
    body = upload(
        client, url("positions_upload", ward), sheet, lambda s: set_cell(s, FIRST_DATA_ROW, "Đơn vị", "Nơi khác")
    )
    assert f"Dòng {FIRST_DATA_ROW} (Nơi khác - Kế toán): Đơn vị “Nơi khác” không có trong danh sách" in body
    assert SAVE not in body


def test_a_snapshot_of_a_locked_date_is_refused_by_the_dry_run_and_the_save(ward, staff, snapshot) -> None:
    before = (snapshot.non_specialised_workers, snapshot.non_specialised_left)
    client = client_for(staff)
    sheet = download(client, url("snapshot_export", ward) + "?date=2025-07-01")

    def edit(sheet) -> None:
        sheet["D2"] = 2  # the non-specialised workers still working

    assert_upload_refused_under_lock(
        client,
        upload_url=url("snapshot_upload", ward),
        confirm_url=url("snapshot_upload_confirm", ward),
        sheet=sheet,
        edit=edit,
        locking=lambda: lock(ward, date(2025, 7, 1), date(2025, 7, 31)),
        row=FIRST_DATA_ROW,
    )
    snapshot.refresh_from_db()
    assert (snapshot.non_specialised_workers, snapshot.non_specialised_left) == before
    assert snapshot.lines.get().total == 11
