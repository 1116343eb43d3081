"""Helpers of the Excel round-trip tests: download a sheet, edit it as a clerk would, upload it for the
dry run, confirm."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

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


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHARED_STRINGS = f"{RELATIONSHIPS}/sharedStrings"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def with_shared_strings(content: bytes) -> bytes:
    """The workbook with its text in a shared-strings part, as Excel and LibreOffice save it (openpyxl
    writes every text inline, as many export libraries do). A text cell that holds a number stays text:
    a spreadsheet program keeps "12" typed into a text cell as the string "12"."""
    ElementTree.register_namespace("", MAIN)
    ElementTree.register_namespace("r", RELATIONSHIPS)
    strings: dict[str, int] = {}
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/") and item.filename.endswith(".xml"):
                data = _share(data, strings)
            elif item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                    b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdShared" Type="{SHARED_STRINGS}" Target="sharedStrings.xml"/>'
                    "</Relationships>".encode(),
                )
            target.writestr(item.filename, data)
        table = ElementTree.Element(f"{{{MAIN}}}sst", count=str(len(strings)), uniqueCount=str(len(strings)))
        for text in strings:
            item = ElementTree.SubElement(ElementTree.SubElement(table, f"{{{MAIN}}}si"), f"{{{MAIN}}}t")
            item.text = text
            item.set(XML_SPACE, "preserve")
        target.writestr("xl/sharedStrings.xml", ElementTree.tostring(table, xml_declaration=True, encoding="UTF-8"))
    return output.getvalue()


def _share(data: bytes, strings: dict[str, int]) -> bytes:
    root = ElementTree.fromstring(data)  # noqa: S314 (the workbook openpyxl just wrote in the test)
    for cell in root.iter(f"{{{MAIN}}}c"):
        if cell.get("t") != "inlineStr":
            continue
        inline = cell.find(f"{{{MAIN}}}is")
        text = "".join(inline.itertext()) if inline is not None else ""
        if inline is not None:
            cell.remove(inline)
        if text == "":
            del cell.attrib["t"]  # an empty text is a blank (styled) cell in a saved file
            continue
        cell.set("t", "s")
        ElementTree.SubElement(cell, f"{{{MAIN}}}v").text = str(strings.setdefault(text, len(strings)))
    return ElementTree.tostring(root, xml_declaration=True, encoding="UTF-8")


def shares_strings(content: bytes) -> bool:
    """The workbook keeps its text in a shared-strings part and no cell inline."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
    return "xl/sharedStrings.xml" in archive.namelist() and not any(
        b'"inlineStr"' in archive.read(name) for name in sheets
    )
