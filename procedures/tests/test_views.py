"""The TTHC pages: permission matrix of every view, the week formset, the Excel dry run and confirm."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from procedures.excel import LAYOUT
from procedures.models import COUNT_FIELDS, CaseVolume, ProcedureField
from wards.excel.layout import FIRST_DATA_ROW, HEADER_ROW
from wards.periods import DateRange
from wards.tests.permissions import assert_permission_matrix, client_for

from .factories import CaseVolumeFactory

WEEK = "?start=2025-08-18&end=2025-08-23"


def url(ward, name: str, query: str = "") -> str:
    return reverse(f"procedures:{name}", kwargs={"ward": ward.slug}) + query


@pytest.mark.parametrize("name", ["overview", "entries", "week_history", "week_xlsx", "catalogue"])
def test_read_pages_for_every_role(ward, staff, leader, home_affairs, other_staff, name) -> None:
    assert_permission_matrix(url(ward, name, WEEK), allowed=[staff, leader, home_affairs], outsider=other_staff)


@pytest.mark.parametrize("name", ["week", "upload"])
def test_write_pages_for_ward_roles_only(ward, staff, leader, home_affairs, other_staff, name) -> None:
    assert_permission_matrix(
        url(ward, name, WEEK), allowed=[staff, leader], forbidden=[home_affairs], outsider=other_staff
    )


def test_write_posts_refused_to_home_affairs(ward, staff, home_affairs, other_staff) -> None:
    assert_permission_matrix(
        url(ward, "upload_confirm"),
        allowed=[staff],
        forbidden=[home_affairs],
        outsider=other_staff,
        method="post",
        ok_status=(302,),
    )
    assert_permission_matrix(
        url(ward, "catalogue"),
        allowed=[staff],
        forbidden=[home_affairs],
        outsider=other_staff,
        method="post",
        data={
            "as_of": "2026-05-05",
            "procedures": 424,
            "fully_online": 144,
            "partly_online": 280,
            "boundary_free_cases": 0,
        },
        ok_status=(302,),
    )
    assert_permission_matrix(
        url(ward, "week", WEEK), allowed=[], forbidden=[home_affairs], outsider=other_staff, method="post"
    )


def test_overview_shows_figures_in_vietnamese(ward, staff) -> None:
    field = ProcedureField.objects.get(name="Chứng thực")
    CaseVolumeFactory(ward=ward, field=field, received=8557, resolved=8260, resolved_on_time=8258, resolved_late=2)
    content = client_for(staff).get(url(ward, "overview", WEEK)).content.decode()
    assert "8.557" in content
    assert "8.258/8.260 = 99,97%" in content
    assert "0,03%" in content


@time_machine.travel(datetime(2026, 5, 6, 9, tzinfo=UTC), tick=False)
def test_pages_without_a_period_open_on_the_week_of_the_latest_entry(ward, staff) -> None:
    client = client_for(staff)
    assert client.get(url(ward, "overview")).context["picker"].period.start == date(2026, 5, 4)
    client.post(url(ward, "week", WEEK), formset_data({0: GOOD}))
    for name in ("overview", "week", "week_history"):
        picker = client.get(url(ward, name)).context["picker"]
        assert picker.period == DateRange(date(2025, 8, 18), date(2025, 8, 23)), name
    assert client.get(url(ward, "entries")).context["picker"].period.end == date(2025, 8, 31)


def formset_data(rows: dict[int, dict[str, int | str]]) -> dict[str, object]:
    fields = list(ProcedureField.objects.filter(active=True).order_by("position", "name"))
    data: dict[str, object] = {"form-TOTAL_FORMS": len(fields), "form-INITIAL_FORMS": len(fields)}
    for index, field in enumerate(fields):
        data[f"form-{index}-field"] = field.pk
        for name, value in rows.get(index, {}).items():
            data[f"form-{index}-{name}"] = value
    return data


GOOD = {"received": 10, "received_online": 10, "in_progress_on_time": 3, "returned": 7, "resolved_on_time": 7}


def test_week_formset_saves_filled_rows_only(ward, staff) -> None:
    response = client_for(staff).post(url(ward, "week", WEEK), formset_data({0: GOOD, 1: GOOD}))
    assert response.status_code == 302
    assert CaseVolume.objects.filter(ward=ward, start=date(2025, 8, 18), end=date(2025, 8, 23)).count() == 2


def test_week_formset_with_one_bad_row_saves_nothing(ward, staff) -> None:
    bad = GOOD | {"in_progress_on_time": 0}
    response = client_for(staff).post(url(ward, "week", WEEK), formset_data({0: GOOD, 2: bad}))
    assert response.status_code == 200
    assert not CaseVolume.objects.exists()
    content = response.content.decode()
    assert "Không có gì được lưu" in content
    assert "is-invalid" in content


def test_week_formset_refuses_text_and_negative(ward, staff) -> None:
    response = client_for(staff).post(
        url(ward, "week", WEEK), formset_data({0: GOOD | {"received": "abc"}, 1: GOOD | {"returned": -1}})
    )
    assert response.status_code == 200
    assert not CaseVolume.objects.exists()


def test_week_page_prefills_existing_entries(ward, staff) -> None:
    CaseVolumeFactory(ward=ward, field=ProcedureField.objects.get(name="Đất đai"), received=16, resolved=7)
    content = client_for(staff).get(url(ward, "week", WEEK)).content.decode()
    assert 'value="16"' in content


def sheet_bytes(ward, staff, edit) -> bytes:
    response = client_for(staff).get(url(ward, "week_xlsx", WEEK))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.active
    edit(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fill(sheet, row: int, values: dict[str, object]) -> None:
    for column, name in enumerate(COUNT_FIELDS, start=2):
        sheet.cell(row=row, column=column, value=values.get(name, 0))


def upload(ward, staff, content: bytes, name: str = "tthc.xlsx"):
    return client_for(staff).post(url(ward, "upload"), {"file": SimpleUploadedFile(name, content)})


def test_downloaded_sheet_has_vietnamese_headers_and_fields(ward, staff) -> None:
    def check(sheet) -> None:
        assert sheet.cell(row=HEADER_ROW, column=1).value == "Lĩnh vực"
        assert sheet.cell(row=HEADER_ROW, column=2).value == "Tiếp nhận"
        assert sheet.cell(row=FIRST_DATA_ROW, column=1).value == "Bảo trợ xã hội"

    sheet_bytes(ward, staff, check)
    assert LAYOUT.headers()[1] == "Tiếp nhận"


def test_upload_dry_run_then_confirm_saves(ward, staff) -> None:
    content = sheet_bytes(ward, staff, lambda sheet: fill(sheet, FIRST_DATA_ROW + 1, GOOD))
    client = client_for(staff)
    response = client.post(url(ward, "upload"), {"file": SimpleUploadedFile("tthc.xlsx", content)})
    assert response.status_code == 200
    assert not CaseVolume.objects.exists(), "the dry run must not save"
    content = response.content.decode()
    assert "Lưu các số liệu này" in content
    assert "Tiếp nhận: — → <strong>10</strong>" in content, "the change is named by the form's label"
    assert "thêm mới —" not in content and "received:" not in content
    response = client.post(url(ward, "upload_confirm"))
    assert response.status_code == 302
    # Only the filled row is saved: a field left blank is not a field with zero cases.
    assert CaseVolume.objects.filter(ward=ward).count() == 1
    assert CaseVolume.objects.get(field__name="Chứng thực").received == 10


def test_upload_with_one_bad_row_saves_nothing_and_names_the_row(ward, staff) -> None:
    def edit(sheet) -> None:
        fill(sheet, FIRST_DATA_ROW, GOOD)
        fill(sheet, FIRST_DATA_ROW + 2, GOOD | {"in_progress_on_time": 0})

    client = client_for(staff)
    response = client.post(url(ward, "upload"), {"file": SimpleUploadedFile("t.xlsx", sheet_bytes(ward, staff, edit))})
    content = response.content.decode()
    assert f"Dòng {FIRST_DATA_ROW + 2} (Đất đai)" in content
    assert "Lưu các số liệu này" not in content
    assert client.post(url(ward, "upload_confirm")).status_code == 302
    assert not CaseVolume.objects.exists()


def test_upload_text_in_a_number_cell(ward, staff) -> None:
    content = sheet_bytes(ward, staff, lambda sheet: fill(sheet, FIRST_DATA_ROW, GOOD | {"returned": "bảy"}))
    body = upload(ward, staff, content).content.decode()
    assert f"Dòng {FIRST_DATA_ROW} (Bảo trợ xã hội)" in body
    assert "Dòng 5 (Bảo trợ xã hội): Đã trả kết quả phải là số, không phải “bảy”" in body


def test_upload_wrong_headers(ward, staff) -> None:
    content = sheet_bytes(ward, staff, lambda sheet: sheet.cell(row=HEADER_ROW, column=2, value="Khác"))
    assert "tiêu đề" in upload(ward, staff, content).content.decode()
    assert not CaseVolume.objects.exists()


def test_upload_wrong_file_type_and_fake_xlsx(ward, staff) -> None:
    assert "không phải loại tệp khác" in upload(ward, staff, b"a,b", "tthc.csv").content.decode()
    assert "không phải là sổ tính Excel" in upload(ward, staff, b"not a zip", "tthc.xlsx").content.decode()


def test_upload_oversized_file(ward, staff) -> None:
    body = upload(ward, staff, b"0" * (2 * 1024 * 1024 + 1)).content.decode()
    assert "lớn hơn 2 MB" in body


def test_confirm_without_a_checked_sheet(ward, staff) -> None:
    response = client_for(staff).post(url(ward, "upload_confirm"), follow=True)
    assert "Không có bảng tính" in response.content.decode()


def test_week_history_lists_changes(ward, staff) -> None:
    entry = CaseVolumeFactory(ward=ward)
    entry.received_online = 9
    entry.save()
    content = client_for(staff).get(url(ward, "week_history", WEEK)).content.decode()
    assert "Tiếp nhận trực tuyến" in content or "tiếp nhận trực tuyến" in content


def test_entries_list(ward, staff) -> None:
    CaseVolumeFactory(ward=ward, received=315, resolved=277)
    content = client_for(staff).get(url(ward, "entries", WEEK)).content.decode()
    assert "18/08/2025 - 23/08/2025" in content
    assert "315" in content
