"""The facilities register as an Excel workbook, for the city and for the ward's own files."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from wards.models import Ward

from .figures import FacilityFigures
from .models import Facility

# Excel shows 145788 with the reader's own grouping; this format groups thousands in every locale.
AREA_FORMAT = "#,##0"


def register_workbook(ward: Ward, facilities: Iterable[Facility], figures: FacilityFigures, on: date) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Facilities")
    title = _("register of facilities")
    sheet.append([f"{ward.committee_name}: {title} ({on:%d/%m/%Y})"])
    sheet["A1"].font = Font(bold=True)
    headers = [
        _("No."),
        _("name"),
        _("address"),
        _("use"),
        _("used by"),
        _("land area (m²)"),
        _("floor area (m²)"),
        _("surveyed"),
        _("cadastral record"),
        _("handling of the surplus"),
        _("handling plan"),
        _("held from"),
        _("held until"),
        _("notes"),
    ]
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    yes, no = _("yes"), _("no")
    for number, facility in enumerate(facilities, start=1):
        sheet.append(
            [
                number,
                facility.name,
                facility.address,
                facility.get_use_display(),
                facility.user_name,
                facility.land_m2,
                facility.floor_m2,
                yes if facility.surveyed else no,
                yes if facility.cadastral_record else no,
                facility.get_handling_display(),
                facility.handling_plan,
                facility.held_from,
                facility.held_until,
                facility.notes,
            ]
        )
    sheet.append([])
    sheet.append(["", _("Total"), "", "", "", figures.land_m2, figures.floor_m2])
    sheet.append(["", _("Land and floor"), "", "", "", figures.total_m2])
    for row in sheet.iter_rows(min_row=3, min_col=6, max_col=7):
        for cell in row:
            cell.number_format = AREA_FORMAT
    for row in sheet.iter_rows(min_row=3, min_col=12, max_col=13):
        for cell in row:
            cell.number_format = "DD/MM/YYYY"
    for column, width in zip("ABCDEFGHIJKLMN", (5, 45, 35, 22, 30, 14, 14, 10, 10, 16, 30, 12, 12, 30), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "C3"
    output = BytesIO()
    book.save(output)
    return output.getvalue()
