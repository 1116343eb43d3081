"""The week's TTHC sheet on the shared Excel mechanism: one row per field with its counts, the period
in row 2. A field whose counts are all blank is left as it is; a row with some counts blank is an error
(a blank is not a zero)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wards.excel.io import ParsedSheet
from wards.excel.layout import Column, SheetLayout
from wards.excel.plan import (
    CheckedImporter,
    ImportPlan,
    ImportRejected,
    PlanRow,
    add_errors,
    period_url,
    plan_row,
    sheet_period,
)
from wards.models import Ward
from wards.periods import DateRange

from . import selectors
from .models import COUNT_FIELDS, MAX_COUNT, CaseVolume
from .services import WeekRejected, week_plan, week_save

LAYOUT = SheetLayout(
    sheet_name="TTHC",
    title=gettext_lazy("Administrative procedure cases received and resolved"),
    params=(
        Column("start", gettext_lazy("From date"), kind="date", required=True),
        Column("end", gettext_lazy("To date"), kind="date", required=True),
    ),
    columns=(
        Column("field", gettext_lazy("Field"), kind="text", required=True, width=50),
        *(Column(name, CaseVolume._meta.get_field(name).verbose_name, max_value=MAX_COUNT) for name in COUNT_FIELDS),
    ),
    name_keys=("field",),
    hint=gettext_lazy("Leave a field's row blank when it had no cases; write 0 in a column that has none."),
)


class WeekImporter(CheckedImporter):
    name = "procedures_week"
    layout = LAYOUT

    def check(self, ward: Ward, sheet: ParsedSheet) -> tuple[ImportPlan, tuple[DateRange | None, dict]]:
        period, plan = sheet_period(sheet)
        if period is None:
            return plan, (None, {})
        fields = {field.name: field for field in selectors.fields_for_entry(ward, None)}
        counted, numbers, seen = {}, {}, set()
        for row in sheet.rows:
            counts = {name: row.values.get(name) for name in COUNT_FIELDS}
            if not row.errors and all(value is None for value in counts.values()):
                continue
            planned = PlanRow(number=row.number, name=self.layout.row_name(row.values), errors=list(row.errors))
            field = fields.get(row.values.get("field") or "")
            if field is None:
                planned.errors.append(_("unknown field; use the names of the downloaded sheet."))
            elif field.pk in seen:
                planned.errors.append(_("the field appears twice."))
            blank = [self.layout.label(name) for name, value in counts.items() if value is None]
            if blank and not row.errors:
                planned.errors.append(
                    _("blank cells (%(columns)s): write 0 where there were none.") % {"columns": ", ".join(blank)}
                )
            if planned.errors or field is None:
                plan.rows.append(planned)
                continue
            seen.add(field.pk)
            counted[field], numbers[field.pk] = counts, row.number
        for row_plan in week_plan(ward=ward, period=period, rows=counted).rows:
            number = numbers[row_plan.field.pk]
            source = next(row for row in sheet.rows if row.number == number)
            after = {name: getattr(row_plan.entry, name) for name in COUNT_FIELDS}
            planned = plan_row(self.layout, source, row_plan.before, after)
            add_errors(planned, self.layout, row_plan.errors)
            plan.rows.append(planned)
        plan.rows.sort(key=lambda row: row.number)
        return plan, (period, counted)

    def write(self, ward: Ward, sheet: ParsedSheet, plan: ImportPlan, checked: tuple[DateRange, dict]) -> None:
        period, counted = checked
        try:
            week_save(ward=ward, period=period, rows=counted)
        except WeekRejected:
            # The week's own check refused a row the dry run passed: the rows changed in between.
            raise ImportRejected(plan) from None

    def done_url(self, ward: Ward, sheet: ParsedSheet) -> str:
        return period_url("procedures:week", ward, sheet)

    def rows(self, ward: Ward, period: DateRange) -> list[dict[str, object]]:
        entered = selectors.entered_counts(ward, period)
        fields = selectors.fields_for_entry(ward, period)
        return [{"field": field.name, **entered.get(field.pk, {})} for field in fields]
