"""Form II.06a of the one-stop system: reading the export (header and columns found by their headings,
merged cells, title rows, totals row, numbers as text), the period, field names, the mapping onto our
counts, the dry run and the save, the figure lock, and the permissions of the new pages."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from procedures.demo import SEED_FIELDS, SEED_WEEK, seed_week_rows
from procedures.excel_06a import Form06aImporter
from procedures.figures import figures_for
from procedures.form06a import read_form
from procedures.models import CaseVolume, FieldAlias, ProcedureField
from procedures.services import field_alias_save, week_save
from wards.excel.io import SheetError
from wards.models import FigureLock
from wards.tests.excel import shares_strings
from wards.tests.permissions import assert_permission_matrix, client_for

from .factories import CaseVolumeFactory
from .samples import Line, form_06a, seed_week_lines

LINES = [
    Line("Chứng thực", online=200, direct=30, carried=9, early=100, on_time=120, late=2, within=15, overdue=2),
    Line("Hộ tịch", online=37, on_time=30, within=7),
]


def url(ward, name: str, **kwargs) -> str:
    return reverse(f"procedures:{name}", kwargs={"ward": ward.slug, **kwargs})


def post(client, ward, content: bytes, **data):
    return client.post(url(ward, "import_06a"), {"file": SimpleUploadedFile("06a.xlsx", content), **data})


def values(sheet):
    return {row.values["field"]: row.values for row in sheet.rows}


@pytest.mark.parametrize(
    "options",
    [
        {"merged": True, "totals": "first", "as_text": False},
        {"merged": True, "totals": "last", "as_text": True, "title_rows": 1},
        {"merged": False, "totals": "last", "as_text": True, "title_rows": 0},
        {"merged": True, "totals": "first", "resaved": True},
        {"merged": False, "totals": "last", "resaved": True},
    ],
)
def test_header_and_columns_found_by_their_headings(options) -> None:
    sheet = read_form(io.BytesIO(form_06a(LINES, **options)))
    assert sheet.params["start"] == date(2025, 8, 18)
    assert sheet.params["end"] == date(2025, 8, 23)
    assert sheet.params["unit"] == "UBND phường Kim Trà"
    # The totals row and the signature lines are not fields.
    assert list(values(sheet)) == ["Chứng thực", "Hộ tịch"]
    first = values(sheet)["Chứng thực"]
    assert [first[f"c{n}"] for n in range(3, 14)] == [239, 200, 30, 9, 222, 100, 120, 2, 17, 15, 2]
    assert not any(row.errors for row in sheet.rows)


def test_the_resaved_sample_is_saved_the_way_a_spreadsheet_program_saves_it() -> None:
    content = form_06a(LINES, resaved=True)
    assert shares_strings(content) and not shares_strings(form_06a(LINES))
    book = load_workbook(io.BytesIO(content))
    assert [sheet.sheet_state for sheet in book.worksheets] == ["hidden", "visible"]
    sheet = book["II.06a"]
    assert "C9:F9" in {str(cells) for cells in sheet.merged_cells.ranges}
    assert sheet["C9"].font.b and sheet["D9"].border.top.style == "thin"  # a covered cell, styled
    assert (sheet["C14"].value, sheet["D14"].value, sheet["D14"].number_format) == (239, "200", "@")  # text
    assert sheet.print_area and sheet.column_dimensions["B"].width == 30


def test_the_resaved_form_gives_the_same_figures_as_the_export(ward, staff) -> None:
    client = client_for(staff)
    assert "upload-errors" not in post(client, ward, form_06a(seed_week_lines(), resaved=True)).content.decode()
    client.post(url(ward, "import_06a_confirm"))
    imported = figures_for(ward, SEED_WEEK)
    assert (imported.received, imported.received_online, imported.on_time, imported.resolved) == (315, 315, 277, 277)
    assert imported.in_progress == 38


def test_merged_header_really_is_merged_in_the_sample() -> None:
    book = load_workbook(io.BytesIO(form_06a(LINES)))
    merged = {str(cells) for cells in book.active.merged_cells.ranges}
    assert "C9:F9" in merged  # "Tiếp nhận" over columns (3) to (6)
    assert book.active["D11"].value == "Trực tuyến"


def test_period_written_in_words_and_split_over_cells() -> None:
    sheet = read_form(
        io.BytesIO(form_06a(LINES, period="Kỳ báo cáo: từ ngày 01 tháng 7 năm 2025 đến ngày 31 tháng 12 năm 2025"))
    )
    assert (sheet.params["start"], sheet.params["end"]) == (date(2025, 7, 1), date(2025, 12, 31))


def test_a_sheet_that_is_not_the_form() -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "Danh sách"
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(SheetError, match="Lĩnh vực"):
        read_form(buffer)


def test_text_a_formula_and_a_bad_total_are_row_errors() -> None:
    book = load_workbook(io.BytesIO(form_06a(LINES, totals="none")))
    sheet = book.active
    sheet["D13"] = "mười"  # (4) of the first line
    sheet["H14"] = "=SUM(I14:J14)"  # (8) of the second line
    sheet["C14"] = 99  # (3) disagrees with (4) + (5) + (6)
    buffer = io.BytesIO()
    book.save(buffer)
    rows = read_form(buffer).rows
    assert "“mười”" in " ".join(rows[0].errors)
    assert "D13" in " ".join(rows[0].errors)
    assert "công thức" in " ".join(rows[1].errors)
    sheet["H14"] = 0
    buffer = io.BytesIO()
    book.save(buffer)
    assert "99" in " ".join(read_form(buffer).rows[1].errors)


def test_the_period_from_the_header_against_a_chosen_one(ward, staff) -> None:
    client = client_for(staff)
    body = post(client, ward, form_06a(LINES), start="2025-08-25", end="2025-08-30").content.decode()
    assert "18/08/2025 - 23/08/2025" in body and "25/08/2025 - 30/08/2025" in body
    assert "upload-plan" not in body
    # The same period chosen: accepted.
    assert "upload-plan" in post(client, ward, form_06a(LINES), start="2025-08-18", end="2025-08-23").content.decode()
    # No period line: the chosen one is taken; without either the sheet is refused.
    no_period = form_06a(LINES, period=None)
    assert "Kỳ báo cáo" in post(client, ward, no_period).content.decode()
    assert "upload-plan" in post(client, ward, no_period, start="2025-08-18", end="2025-08-23").content.decode()
    assert "upload-plan" not in post(client, ward, no_period, start="2025-08-18").content.decode()


def test_unknown_field_name_is_a_row_error_naming_it_and_nothing_is_saved(ward, staff) -> None:
    client = client_for(staff)
    lines = [*LINES, Line("Lĩnh vực Chứng thực bản sao", online=3, on_time=3)]
    body = post(client, ward, form_06a(lines)).content.decode()
    assert "Lĩnh vực Chứng thực bản sao" in body
    assert "upload-errors" in body
    assert client.post(url(ward, "import_06a_confirm")).status_code == 302
    assert not CaseVolume.objects.filter(ward=ward).exists()


def test_a_remembered_name_maps_onto_our_field_and_is_summed(ward, staff) -> None:
    certification = ProcedureField.objects.get(name="Chứng thực")
    field_alias_save(ward=ward, name="Chứng thực bản sao", field=certification)
    lines = [*LINES, Line("CHỨNG THỰC  bản sao", online=3, on_time=3)]
    client = client_for(staff)
    body = post(client, ward, form_06a(lines)).content.decode()
    assert "upload-errors" not in body, body
    assert "Chứng thực + CHỨNG THỰC bản sao → Chứng thực" in body
    client.post(url(ward, "import_06a_confirm"))
    entry = CaseVolume.objects.get(ward=ward, field=certification)
    assert entry.received == 233
    # Another ward does not share the names this ward remembered.
    assert FieldAlias.objects.get().ward == ward


def test_columns_mapped_onto_our_counts_carried_over_not_received_again(ward, staff) -> None:
    client = client_for(staff)
    body = post(client, ward, form_06a(LINES, as_text=True)).content.decode()
    assert "upload-errors" not in body, body
    assert "upload-note" in body  # the statuses the form lacks, left for the clerk
    response = client.post(url(ward, "import_06a_confirm"))
    assert response.status_code == 302
    assert response["Location"].endswith("?start=2025-08-18&end=2025-08-23")
    entry = CaseVolume.objects.get(ward=ward, field__name="Chứng thực")
    assert (entry.received, entry.received_online, entry.carried_over) == (230, 200, 9)
    assert (entry.resolved_on_time, entry.resolved_late, entry.returned) == (220, 2, 222)
    assert (entry.in_progress_on_time, entry.in_progress_overdue) == (15, 2)
    assert (entry.awaiting_return, entry.awaiting_issuance, entry.returned_for_supplement) == (0, 0, 0)
    figures = figures_for(ward, SEED_WEEK)
    assert figures.received == 267  # 239 + 37 less the 9 carried over
    # Rates by the typed definitions: 250 on time of 252 resolved, 200 online of 230 + 37 received.
    assert (figures.on_time, figures.resolved, figures.received_online) == (250, 252, 237)
    assert str(figures.on_time_rate) == "99.20"


def test_the_seed_week_imported_gives_the_typed_figures(ward, staff) -> None:
    client = client_for(staff)
    assert "upload-errors" not in post(client, ward, form_06a(seed_week_lines())).content.decode()
    client.post(url(ward, "import_06a_confirm"))
    imported = figures_for(ward, SEED_WEEK)
    assert (imported.received, imported.received_online, imported.on_time, imported.resolved) == (315, 315, 277, 277)
    assert (imported.on_time_rate, imported.online_rate) == (100, 100)
    assert imported.in_progress == 38
    # The clerk completes what the form lacks on the week page; the figures are then the typed ones.
    fields = [ProcedureField.objects.get(name=name) for name in SEED_FIELDS]
    week_save(ward=ward, period=SEED_WEEK, rows=dict(zip(fields, seed_week_rows(), strict=True)))
    completed = figures_for(ward, SEED_WEEK)
    assert (completed.returned, completed.awaiting_return, completed.awaiting_issuance) == (257, 2, 18)
    assert completed.returned_for_supplement == 1
    # Importing the form again keeps what the clerk completed.
    post(client, ward, form_06a(seed_week_lines()))
    client.post(url(ward, "import_06a_confirm"))
    again = figures_for(ward, SEED_WEEK)
    assert again == completed


def test_an_overlapping_entry_is_refused(ward, staff) -> None:
    CaseVolumeFactory(
        ward=ward, field=ProcedureField.objects.get(name="Hộ tịch"), start=date(2025, 8, 20), end=date(2025, 8, 26)
    )
    client = client_for(staff)
    body = post(client, ward, form_06a(LINES)).content.decode()
    assert "upload-errors" in body
    assert not CaseVolume.objects.filter(ward=ward, field__name="Chứng thực").exists()


def test_the_figure_lock_is_respected(ward, staff) -> None:
    client = client_for(staff)
    post(client, ward, form_06a(LINES))  # checked before the lock
    FigureLock.objects.create(ward=ward, start=date(2025, 8, 1), end=date(2025, 8, 31), label="Báo cáo tháng 8")
    response = client.post(url(ward, "import_06a_confirm"), follow=True)
    assert "Báo cáo tháng 8" in response.content.decode()
    assert not CaseVolume.objects.filter(ward=ward).exists()
    assert "Báo cáo tháng 8" in post(client, ward, form_06a(LINES)).content.decode()


def test_importer_plan_writes_nothing(ward) -> None:
    sheet = read_form(io.BytesIO(form_06a(LINES)))
    plan = Form06aImporter().plan(ward, sheet)
    assert plan.valid, plan.messages()
    assert [row.action for row in plan.rows] == ["create", "create"]
    assert not CaseVolume.objects.exists()


def test_field_names_page_remembers_and_forgets(ward, staff) -> None:
    client = client_for(staff)
    field = ProcedureField.objects.get(name="Hộ tịch")
    response = client.post(url(ward, "field_names"), {"name": "Lĩnh vực hộ tịch", "field": field.pk})
    assert response.status_code == 302
    alias = FieldAlias.objects.get(ward=ward)
    assert "Lĩnh vực hộ tịch" in client.get(url(ward, "field_names")).content.decode()
    # The same name again, other capitals: replaced, not doubled.
    client.post(url(ward, "field_names"), {"name": "lĩnh vực  Hộ tịch", "field": field.pk})
    assert FieldAlias.objects.filter(ward=ward).count() == 1
    client.post(url(ward, "field_name_delete", alias_id=alias.pk))
    assert not FieldAlias.objects.exists()


@pytest.mark.parametrize("name", ["import_06a", "field_names"])
def test_new_pages_for_ward_roles_only(ward, staff, leader, home_affairs, other_staff, name) -> None:
    assert_permission_matrix(url(ward, name), allowed=[staff, leader], forbidden=[home_affairs], outsider=other_staff)


def test_new_posts_for_ward_roles_only(ward, other_ward, staff, home_affairs, other_staff) -> None:
    assert_permission_matrix(
        url(ward, "import_06a_confirm"),
        allowed=[staff],
        forbidden=[home_affairs],
        outsider=other_staff,
        method="post",
        ok_status=(302,),
    )
    field = ProcedureField.objects.get(name="Hộ tịch")
    alias = FieldAlias.objects.create(ward=ward, name="HT", field=field)
    assert_permission_matrix(
        url(ward, "field_name_delete", alias_id=alias.pk),
        allowed=[staff],
        forbidden=[home_affairs],
        outsider=other_staff,
        method="post",
        ok_status=(302,),
    )
    # A mapping of another ward cannot be reached through this ward's URL.
    foreign = FieldAlias.objects.create(ward=other_ward, name="HT", field=field)
    assert client_for(staff).post(url(ward, "field_name_delete", alias_id=foreign.pk)).status_code == 404
