"""The indicators of one period on the shared Excel mechanism: one row per indicator of the catalogue,
named by its code; the period in row 2. A value left blank leaves the stored value as it is."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wards.excel.io import ParsedSheet
from wards.excel.layout import Column, SheetLayout
from wards.excel.plan import CheckedImporter, ImportPlan, add_errors, period_url, plan_row, sheet_period
from wards.locks import lock_covering, lock_message
from wards.models import Ward
from wards.periods import DateRange

from .figures import indicator_catalogue, indicator_values_at
from .models import IndicatorKind, IndicatorValue
from .services import indicator_values_save

# The form's own bound: no long-tail figure of a ward reaches a billion.
MAX_VALUE = 10**9


class IndicatorImporter(CheckedImporter):
    name = "indicators"
    layout = SheetLayout(
        sheet_name=gettext_lazy("Indicators"),
        title=gettext_lazy("Indicators"),
        params=(
            Column("start", gettext_lazy("From date"), kind="date", required=True),
            Column("end", gettext_lazy("To date"), kind="date", required=True),
        ),
        columns=(
            Column("code", gettext_lazy("code"), kind="text", required=True, width=24),
            Column("name", gettext_lazy("name"), kind="text", width=60),
            Column("unit", gettext_lazy("unit"), kind="text", width=12),
            Column("value", gettext_lazy("value"), kind="decimal", max_value=MAX_VALUE),
        ),
        name_keys=("name",),
        hint=gettext_lazy(
            "Flows are summed over the period, snapshots taken at its end date. A value left blank stays as it is."
        ),
    )

    def rows(self, ward: Ward, period: DateRange) -> list[dict[str, Any]]:
        values = indicator_values_at(ward, period)
        return [
            {"code": item.code, "name": item.name, "unit": item.unit, "value": values.get(item.code)}
            for item in indicator_catalogue()
        ]

    def check(self, ward: Ward, sheet: ParsedSheet) -> tuple[ImportPlan, dict[str, Decimal]]:
        period, plan = sheet_period(sheet)
        if period is None:
            return plan, {}
        # indicator_values_save refuses the whole period when it is locked: every row carries the reason.
        lock = lock_covering(ward, period)
        catalogue = {item.code: item for item in indicator_catalogue()}
        stored = {
            (entry.indicator_id, entry.start): entry
            for entry in IndicatorValue.objects.filter(ward=ward, end=period.end, start__in=[period.start, period.end])
        }
        values: dict[str, Decimal] = {}
        for row in sheet.rows:
            if not row.errors and row.values.get("value") is None:
                continue
            indicator = catalogue.get(row.values.get("code") or "")
            start = period.end if indicator and indicator.kind == IndicatorKind.STOCK else period.start
            entry = stored.get((indicator.pk, start)) if indicator else None
            value = row.values["value"]
            planned = plan_row(self.layout, row, {"value": entry.value} if entry else None, {"value": value})
            if indicator is None:
                planned.errors.append(_("unknown code; use the codes of the downloaded sheet."))
            elif indicator.code in values:
                planned.errors.append(_("the code appears twice."))
            elif not planned.errors:
                candidate = copy.copy(entry) if entry else IndicatorValue(ward=ward, indicator=indicator)
                candidate.start, candidate.end, candidate.value = start, period.end, value
                try:
                    candidate.full_clean()
                except ValidationError as error:
                    add_errors(planned, self.layout, error)
                values[indicator.code] = value
            if lock is not None:
                planned.errors.append(lock_message(lock))
            plan.rows.append(planned)
        if lock is not None and not plan.rows:
            plan.errors.append(lock_message(lock))
        return plan, values

    def write(self, ward: Ward, sheet: ParsedSheet, plan: ImportPlan, checked: dict[str, Decimal]) -> None:
        indicator_values_save(ward=ward, period=DateRange(sheet.params["start"], sheet.params["end"]), values=checked)

    def done_url(self, ward: Ward, sheet: ParsedSheet) -> str:
        return period_url("indicators:values", ward, sheet)
