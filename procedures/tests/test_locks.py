"""Figures frozen by an approved report: the form, the Excel dry run and the services refuse them."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from procedures.models import CaseVolume, ProcedureField
from procedures.services import WeekRejected, catalogue_save, week_plan, week_save
from wards.periods import DateRange
from wards.tests.locks import LABEL, lock

from .test_views import FIRST_DATA_ROW, GOOD, fill, sheet_bytes, upload

WEEK = DateRange(date(2025, 8, 18), date(2025, 8, 23))


def test_week_save_refuses_a_locked_week_and_names_the_report(ward) -> None:
    lock(ward, WEEK.start, WEEK.end)
    field = ProcedureField.objects.first()
    with pytest.raises(WeekRejected) as raised:
        week_save(ward=ward, period=WEEK, rows={field: GOOD})
    assert LABEL in str(raised.value)
    assert not CaseVolume.objects.exists()
    assert not week_plan(ward=ward, period=WEEK, rows={field: GOOD}).valid


def test_catalogue_of_a_locked_date_is_refused(ward) -> None:
    lock(ward, WEEK.start, WEEK.end)
    with pytest.raises(ValidationError):
        catalogue_save(
            ward=ward, as_of=WEEK.end, procedures=424, fully_online=144, partly_online=280, boundary_free_cases=0
        )
    catalogue_save(
        ward=ward, as_of=date(2025, 8, 25), procedures=424, fully_online=144, partly_online=280, boundary_free_cases=0
    )


def test_excel_dry_run_names_each_locked_row(ward, staff) -> None:
    content = sheet_bytes(ward, staff, lambda sheet: fill(sheet, FIRST_DATA_ROW, GOOD))
    lock(ward, WEEK.start, WEEK.end)
    body = upload(ward, staff, content).content.decode()
    assert f"Dòng {FIRST_DATA_ROW}" in body
    assert LABEL in body
    assert "Lưu các số liệu này" not in body


def test_the_week_form_shows_the_lock_read_only(ward, staff) -> None:
    from wards.tests.permissions import client_for

    lock(ward, WEEK.start, WEEK.end)
    page = client_for(staff).get(f"/w/{ward.slug}/procedures/week/?{WEEK.query()}").content.decode()
    assert LABEL in page
    assert '<fieldset class="border-0 p-0 m-0" disabled>' in page
