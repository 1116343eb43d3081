"""Helpers of the Excel round-trip tests: download a sheet, edit it as a clerk would, upload it for the
dry run, confirm."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from django.test import Client
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from wards.excel.layout import FIRST_DATA_ROW, HEADER_ROW


def download(client: Client, url: str) -> Worksheet:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


def column(sheet: Worksheet, header: str) -> int:
    headers = [cell.value for cell in sheet[HEADER_ROW]]
    return headers.index(header) + 1


def data_rows(sheet: Worksheet) -> list[dict[str, Any]]:
    headers = [cell.value for cell in sheet[HEADER_ROW]]
    rows = []
    for row in sheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=True):
        if row[0] == "Tổng cộng" or all(value is None for value in row):
            break
        rows.append(dict(zip(headers, row, strict=False)))
    return rows


def set_cell(sheet: Worksheet, row: int, header: str, value: Any) -> None:
    # cell(value=None) would leave the cell as it was.
    sheet.cell(row=row, column=column(sheet, header)).value = value


def upload(client: Client, url: str, sheet: Worksheet, edit: Callable[[Worksheet], None] | None = None) -> str:
    if edit:
        edit(sheet)
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    buffer.seek(0)
    buffer.name = "sheet.xlsx"
    response = client.post(url, {"file": buffer})
    assert response.status_code == 200
    return response.content.decode()
