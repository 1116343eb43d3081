"""How an Excel sheet of ours is laid out and how one cell becomes a typed value. A sheet is always
Vietnamese, whatever the UI language: clerks exchange it with the ward's own spreadsheets.

Row 1 holds the title, row 2 the sheet's parameters as label/value pairs (Từ ngày | 18/08/2025 | ...),
row 3 a hint, row 4 the column headers and the data starts on row 5. A row whose first cell is
"Tổng cộng" ends the data: totals are written for people, never read back."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wards.formatting import vi_date, vi_decimal, vi_number

Kind = Literal["text", "int", "decimal", "date", "choice", "bool"]
HEADER_ROW = 4
FIRST_DATA_ROW = HEADER_ROW + 1
TOTAL_LABEL = "Tổng cộng"
YES, NO = "có", "không"
_TEXT_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class CellError(ValueError):
    """A cell that cannot be read as its column asks; the message is for the user."""


@dataclass(frozen=True)
class Column:
    """One column of a sheet (or one parameter of row 2). `label` is the form's label, shown in the
    header and in every message about the column."""

    key: str
    label: Any  # a lazy gettext string: rendered in Vietnamese for the sheet, in the UI language on pages
    kind: Kind = "int"
    required: bool = False
    choices: Sequence[tuple[str, Any]] = ()
    max_value: int | None = None
    width: int = 14

    def header(self) -> str:
        with translation.override("vi"):
            return capfirst(str(self.label))

    def title(self) -> str:
        return capfirst(str(self.label))

    def to_excel(self, value: Any) -> Any:
        """The value as the sheet shows it: choices and yes/no by their Vietnamese words."""
        if value is None or value == "":
            return None
        if self.kind == "choice":
            with translation.override("vi"):
                return str(dict(self.choices).get(value, value))
        if self.kind == "bool":
            return YES if value else NO
        return value

    def display(self, value: Any) -> str:
        """The value in the dry run's list of changes."""
        if value is None or value == "":
            return "—"
        if self.kind == "choice":
            return str(dict(self.choices).get(value, value))
        if self.kind == "bool":
            return _("yes") if value else _("no")
        # A cell that failed to read keeps what was typed, shown as it is.
        if self.kind == "int" and isinstance(value, int | Decimal):
            return vi_number(value)
        if self.kind == "decimal" and isinstance(value, int | Decimal):
            return vi_decimal(value)
        if self.kind == "date" and isinstance(value, date):
            return vi_date(value)
        return str(value)

    def parse(self, cell: Any) -> Any:
        """The typed value of an openpyxl cell, None for a blank one. A formula is never evaluated nor
        taken for its cached result: the sheet must hold the figures themselves."""
        value = getattr(cell, "value", None)
        if getattr(cell, "data_type", None) == "f":
            raise CellError(_("holds a formula; type the figure itself (copy, then paste values only)."))
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if self.required:
                raise CellError(_("is blank; it must be filled in."))
            return None
        parser = getattr(self, f"_parse_{self.kind}")
        return parser(value)

    def _parse_text(self, value: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)

    def _parse_int(self, value: Any) -> int:
        if isinstance(value, bool | str | datetime | date):
            raise CellError(_("must be a number, not “%(value)s”.") % {"value": value})
        if isinstance(value, float):
            if not value.is_integer():
                raise CellError(_("must be a whole number, not %(value)s.") % {"value": vi_number(value, 2)})
            value = int(value)
        if value < 0:
            raise CellError(_("cannot be negative."))
        if self.max_value is not None and value > self.max_value:
            raise CellError(_("is too large to be right (at most %(max)s).") % {"max": vi_number(self.max_value)})
        return int(value)

    def _parse_decimal(self, value: Any) -> Decimal:
        if isinstance(value, bool | str | datetime | date):
            raise CellError(_("must be a number, not “%(value)s”.") % {"value": value})
        number = Decimal(str(value))
        if number != number.quantize(Decimal("0.01")):
            raise CellError(_("has more than two decimal places."))
        if number < 0:
            raise CellError(_("cannot be negative."))
        if self.max_value is not None and number > self.max_value:
            raise CellError(_("is too large to be right (at most %(max)s).") % {"max": vi_number(self.max_value)})
        return number.quantize(Decimal("0.01"))

    def _parse_date(self, value: Any) -> date:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        match = _TEXT_DATE.fullmatch(str(value))
        if match:
            day, month, year = (int(part) for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                pass
        raise CellError(_("must be a date (dd/mm/yyyy), not “%(value)s”.") % {"value": value})

    def _parse_choice(self, value: Any) -> str:
        wanted = str(value).casefold()
        with translation.override("vi"):
            for code, label in self.choices:
                if wanted in (str(label).casefold(), str(code).casefold()):
                    return code
            allowed = "; ".join(str(label) for _code, label in self.choices)
        raise CellError(_("must be one of: %(allowed)s.") % {"allowed": allowed})

    def _parse_bool(self, value: Any) -> bool:
        if value in (True, 1):
            return True
        if value in (False, 0):
            return False
        text = str(value).casefold()
        if text in (YES, "co", "x", "yes"):
            return True
        if text in (NO, "khong", "no"):
            return False
        raise CellError(_("must be “có” or “không”."))


@dataclass(frozen=True)
class SheetLayout:
    """A sheet: its title, the parameters of row 2 and the columns. `name_keys` are the columns that
    name a row in messages ("Dòng 7 (Chứng thực): ...")."""

    sheet_name: Any  # lazy gettext strings, written in Vietnamese
    title: Any
    columns: tuple[Column, ...]
    params: tuple[Column, ...] = ()
    name_keys: tuple[str, ...] = ()
    hint: Any = ""
    by_key: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_key", {column.key: column for column in (*self.params, *self.columns)})

    def headers(self) -> list[str]:
        return [column.header() for column in self.columns]

    def row_name(self, values: dict[str, Any]) -> str:
        keys = [key for key in self.name_keys if values.get(key) not in (None, "")]
        parts = [self.by_key[key].display(values[key]) for key in keys]
        return " - ".join(parts) or "—"

    def label(self, key: str | None) -> str:
        """The form's label of a model field, for a validation message; None for the row as a whole."""
        column = self.by_key.get(key or "")
        return column.title() if column else ""


def model_columns(model: type[models.Model], names: Sequence[str], **widths: int) -> tuple[Column, ...]:
    """Columns for model fields, labelled and checked as the model's forms are."""
    columns = []
    for name in names:
        field = model._meta.get_field(name)
        if field.choices:
            kind: Kind = "choice"
        elif isinstance(field, models.BooleanField):
            kind = "bool"
        elif isinstance(field, models.DateField):
            kind = "date"
        elif isinstance(field, models.DecimalField):
            kind = "decimal"
        elif isinstance(field, models.IntegerField):
            kind = "int"
        else:
            kind = "text"
        limits = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
        columns.append(
            Column(
                name,
                field.verbose_name,
                kind=kind,
                # A blank number is never taken for the field's default zero: it must be typed.
                required=kind == "bool" or not (field.null if kind in ("int", "decimal", "date") else field.blank),
                choices=tuple(field.choices or ()),
                max_value=min(limits) if limits else None,
                width=widths.get(name, 30 if kind == "text" else 14),
            )
        )
    return tuple(columns)
