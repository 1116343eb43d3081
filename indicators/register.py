"""Documents issued, counted from the outgoing-document register (sổ đăng ký văn bản đi, Nghị định
30/2020/NĐ-CP Phụ lục IV) as the document system exports it to Excel. The type of a document is the
abbreviation in its ký hiệu ("12/QĐ-UBND" is a Quyết định, Phụ lục III); where the ký hiệu has none (a
công văn: "45/UBND-VP") the first words of "Tên loại và trích yếu" decide. Copies (SY, SL, TrS) are not
documents issued and are not counted. The documents of a chosen range are counted into the
"documents issued" indicators; values already entered that overlap the range are refused unless the
clerk replaces them."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from wards.excel.io import MAX_ROWS, ParsedSheet, SheetError, SheetRow, check_archive, first_sheet
from wards.excel.layout import Column, SheetLayout
from wards.excel.plan import Change, CheckedImporter, ImportPlan, PlanRow, period_url, sheet_period
from wards.excel.views import SheetUploadForm
from wards.locks import assert_unlocked, lock_covering, lock_message
from wards.models import Ward
from wards.periods import DateRange

from .models import Indicator, IndicatorValue
from .services import indicator_values_save

HEADER_SEARCH_ROWS = 30
# Phụ lục III abbreviations → indicator; a known type without its own indicator is "other".
TYPES = {
    "qd": "docs.decisions",
    "kh": "docs.plans",
    "pa": "docs.schemes",
    "da": "docs.schemes",
    "tb": "docs.notices",
    "ttr": "docs.submissions",
    "bc": "docs.reports",
}
OTHER_TYPES = frozenset(
    {
        "nq",
        "ct",
        "qc",
        "qyđ",
        "qyd",
        "hd",
        "ctr",
        "bb",
        "cv",
        "hđ",
        "gm",
        "gt",
        "gnv",
        "gxn",
        "gủq",
        "guq",
        "pc",
        "cđ",
        "cd",
        "tt",
        "dc",
        "đc",
        "vbtt",
        "bgn",
        "gcn",
        "pg",
        "pb",
        "tđ",
        "td",
        "tl",
    }
)
COPIES = frozenset({"sy", "sl", "trs"})
# Document names at the start of "Tên loại và trích yếu", for a ký hiệu without a type.
NAMES = (
    ("quyết định", "docs.decisions"),
    ("kế hoạch", "docs.plans"),
    ("phương án", "docs.schemes"),
    ("đề án", "docs.schemes"),
    ("thông báo", "docs.notices"),
    ("tờ trình", "docs.submissions"),
    ("báo cáo", "docs.reports"),
    ("công văn", "docs.other"),
    ("giấy mời", "docs.other"),
)
CODES = (
    "docs.decisions",
    "docs.plans",
    "docs.schemes",
    "docs.notices",
    "docs.submissions",
    "docs.reports",
    "docs.other",
)
_SYMBOL = re.compile(r"^\s*(?:số\s*)?[\w.]*\s*/\s*([^\s/-]+)")
_TEXT_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")


def _normal(value: Any) -> str:
    return " ".join(unicodedata.normalize("NFC", str(value or "")).casefold().split())


def classify(symbol: str, title: str) -> str | None:
    """The indicator of a document, "copy" for a copy, None when neither the ký hiệu nor the name tells."""
    match = _SYMBOL.match(_normal(symbol))
    if match:
        abbreviation = match.group(1)
        plain = abbreviation.replace("đ", "d")
        if abbreviation in COPIES or plain in COPIES:
            return "copy"
        if plain in TYPES:
            return TYPES[plain]
        if abbreviation in OTHER_TYPES or plain in OTHER_TYPES:
            return "docs.other"
    name = _normal(title)
    for words, code in NAMES:
        if name.startswith(words):
            return code
    # "45/UBND-VP": a công văn carries the issuer where the type would be.
    if match and match.group(1).startswith(("ubnd", "ub")):
        return "docs.other"
    return None


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _TEXT_DATE.search(str(value or ""))
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None


def read_register(upload: IO[bytes]) -> list[SheetRow]:
    check_archive(upload)
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise SheetError(_("This file is not an Excel .xlsx workbook.")) from None
    try:
        grid = [
            [cell.value for cell in row] for row in first_sheet(book).iter_rows(max_row=HEADER_SEARCH_ROWS + MAX_ROWS)
        ]
    finally:
        book.close()
    columns: dict[str, int] = {}
    top = None
    for number, values in enumerate(grid[:HEADER_SEARCH_ROWS], start=1):
        for index, value in enumerate(values):
            text = _normal(value)
            if "ký hiệu" in text and "symbol" not in columns:
                columns["symbol"] = index
            elif text.startswith("ngày") and "date" not in columns:
                columns["date"] = index
            elif "trích yếu" in text and "title" not in columns:
                columns["title"] = index
        if "symbol" in columns:
            top = number
            break
        columns.clear()
    if top is None or "date" not in columns:
        raise SheetError(
            _("This is not an outgoing-document register: no columns “Số, ký hiệu văn bản” and “Ngày tháng văn bản”.")
        )
    rows = []
    for number, values in enumerate(grid[top:], start=top + 1):
        cell = {key: values[index] if index < len(values) else None for key, index in columns.items()}
        symbol = str(cell["symbol"] or "").strip()
        if not symbol or re.fullmatch(r"\(?\d+\)?", symbol):
            continue  # blank rows and the numbering row "(1) (2) ..."
        row = SheetRow(number=number, values={"symbol": symbol, "title": str(cell.get("title") or "").strip()})
        day = _date(cell["date"])
        if day is None:
            row.errors.append(_("the date “%(value)s” is not dd/mm/yyyy.") % {"value": cell["date"] or ""})
        row.values["date"] = day
        rows.append(row)
    return rows


LAYOUT = SheetLayout(
    sheet_name="So van ban di",
    title=gettext_lazy("Outgoing-document register"),
    params=(
        Column("start", gettext_lazy("From date"), kind="date"),
        Column("end", gettext_lazy("To date"), kind="date"),
        Column("replace", gettext_lazy("Replace the values entered"), kind="bool"),
    ),
    columns=(
        Column("symbol", gettext_lazy("Number and symbol"), kind="text"),
        Column("date", gettext_lazy("Date"), kind="date"),
        Column("title", gettext_lazy("Type and summary"), kind="text"),
    ),
    name_keys=("symbol",),
)


class RegisterUploadForm(SheetUploadForm):
    file = forms.FileField(label=gettext_lazy("Outgoing-document register exported from the document system (.xlsx)"))
    start = forms.DateField(label=gettext_lazy("From date"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("To date"), widget=forms.DateInput(attrs={"type": "date"}))
    replace = forms.BooleanField(
        label=gettext_lazy("Replace the document counts already entered for dates in this range"), required=False
    )


class RegisterImporter(CheckedImporter):
    name = "indicators_register"
    layout = LAYOUT

    def read(self, upload: IO[bytes], options: Mapping[str, Any]) -> ParsedSheet:
        params = {"start": options["start"], "end": options["end"], "replace": bool(options.get("replace"))}
        return ParsedSheet(params=params, rows=read_register(upload))

    def check(self, ward: Ward, sheet: ParsedSheet) -> tuple[ImportPlan, tuple[DateRange | None, Counter, list]]:
        period, plan = sheet_period(sheet)
        if period is None:
            return plan, (None, Counter(), [])
        counts: Counter[str] = Counter()
        for row in sheet.rows:
            if row.errors:
                plan.rows.append(PlanRow(number=row.number, name=row.values["symbol"], errors=list(row.errors)))
                continue
            if row.values["date"] not in period:
                continue
            code = classify(row.values["symbol"], row.values["title"])
            if code is None:
                plan.rows.append(
                    PlanRow(
                        number=row.number,
                        name=row.values["symbol"],
                        notes=[_("not counted: its type cannot be told from the ký hiệu or the name.")],
                    )
                )
            elif code != "copy":
                counts[code] += 1
        existing = list(
            IndicatorValue.objects.filter(
                ward=ward, indicator__code__in=CODES, start__lte=period.end, end__gte=period.start
            ).select_related("indicator")
        )
        if existing and not sheet.params.get("replace"):
            spans = sorted({f"{value.start:%d/%m/%Y} - {value.end:%d/%m/%Y}" for value in existing})
            plan.errors.append(
                _("Document counts are already entered for %(spans)s; tick “replace” to replace them.")
                % {"spans": ", ".join(spans)}
            )
        for when in [period, *(DateRange(value.start, value.end) for value in existing)]:
            lock = lock_covering(ward, when)
            if lock is not None:
                plan.errors.append(lock_message(lock))
                break
        before = {
            value.indicator.code: value.value
            for value in existing
            if value.start == period.start and value.end == period.end
        }
        names = dict(Indicator.objects.filter(code__in=CODES).values_list("code", "name"))
        summary = PlanRow(number=0, name=_("Documents issued"), action="create")
        for code in CODES:
            old = before.get(code)
            summary.changes.append(
                Change(names.get(code, code), "—" if old is None else f"{old:.0f}", str(counts[code]))
            )
        plan.rows.insert(0, summary)
        return plan, (period, counts, existing)

    def write(self, ward: Ward, sheet: ParsedSheet, plan: ImportPlan, checked: tuple[DateRange, Counter, list]) -> None:
        period, counts, existing = checked
        assert_unlocked(ward, period, *(DateRange(value.start, value.end) for value in existing))
        for value in existing:
            value.delete()  # one by one, so that the change history keeps each value removed
        indicator_values_save(ward=ward, period=period, values={code: Decimal(counts[code]) for code in CODES})

    def done_url(self, ward: Ward, sheet: ParsedSheet) -> str:
        return period_url("indicators:values", ward, sheet)
