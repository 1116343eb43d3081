"""Form II.06a of the one-stop system imported into a period's TTHC entries, on the shared Excel
mechanism (dry run, row errors in Vietnamese, all or nothing, the figure lock).

How the form's columns become our counts:
    received          = (4) online + (5) in person or by post; (6) carried over is not received again
    received_online   = (4)
    carried_over      = (6)
    resolved_on_time  = (8) before + (9) on the deadline; resolved_late = (10)
    in_progress_*     = (12) within the deadline, (13) overdue
The form does not split the resolved cases into returned / awaiting return / awaiting issuance, nor
name those returned for supplement, digitised, paid online...: an entry already typed for the period
keeps what the clerk entered there where it still fits; otherwise every resolved case counts as
returned and the rest stays 0 for the clerk to complete on the week page, which the dry run says row
by row. Rates are then computed from these counts exactly as from typed ones."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wards.excel.io import ParsedSheet, SheetError, SheetRow
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
from wards.excel.views import SheetUploadForm
from wards.models import Ward
from wards.periods import DateRange

from . import selectors
from .form06a import FORM_COLUMNS, normal, read_form
from .models import COUNT_FIELDS, MAX_COUNT, CaseVolume, FieldAlias, ProcedureField
from .services import WeekRejected, week_plan, week_save

# Counts the form cannot carry: kept from an entry typed for the period, otherwise left to the clerk.
NOT_IN_FORM = ("digitised", "e_results", "fee_bearing", "paid_online")
FINER_RESOLVED = ("awaiting_return", "awaiting_issuance")

LAYOUT = SheetLayout(
    sheet_name="II.06a",
    title=gettext_lazy("Form II.06a: results of handling administrative procedures"),
    params=(
        Column("start", gettext_lazy("From date"), kind="date"),
        Column("end", gettext_lazy("To date"), kind="date"),
        Column("unit", gettext_lazy("Reporting unit"), kind="text"),
    ),
    columns=(
        Column("field", gettext_lazy("Field"), kind="text"),
        *(Column(column.key, column.label, max_value=MAX_COUNT) for column in FORM_COLUMNS),
        *(Column(name, CaseVolume._meta.get_field(name).verbose_name, max_value=MAX_COUNT) for name in COUNT_FIELDS),
    ),
    name_keys=("field",),
)


class Form06aUploadForm(SheetUploadForm):
    file = forms.FileField(label=gettext_lazy("Form II.06a exported from the one-stop system (.xlsx)"))
    start = forms.DateField(
        label=gettext_lazy("From date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=gettext_lazy("To date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (data.get("start") is None) != (data.get("end") is None):
            raise forms.ValidationError(_("Give both dates of the period, or neither to take the form's own."))
        return data


def label(name: str) -> str:
    return str(LAYOUT.label(name))


def _counts(values: Mapping[str, int], before: Mapping[str, int] | None) -> tuple[dict[str, int], list[str]]:
    """Our counts of one field from the form's columns (summed when several of the form's fields are
    one of ours), and the notes about what the form does not carry."""
    resolved = values["c8"] + values["c9"] + values["c10"]
    counts = dict.fromkeys(COUNT_FIELDS, 0) | {
        "received": values["c4"] + values["c5"],
        "received_online": values["c4"],
        "carried_over": values["c6"],
        "resolved_on_time": values["c8"] + values["c9"],
        "resolved_late": values["c10"],
        "in_progress_on_time": values["c12"],
        "in_progress_overdue": values["c13"],
        "returned": resolved,
    }
    kept, to_complete = [], []
    if before is not None and sum(before[name] for name in FINER_RESOLVED) <= resolved:
        for name in FINER_RESOLVED:
            counts[name] = before[name]
        counts["returned"] = resolved - sum(before[name] for name in FINER_RESOLVED)
        kept.extend(FINER_RESOLVED)
    else:
        to_complete.extend(FINER_RESOLVED)
    # Returned for supplement is a case in progress for the form; the clerk's figure is taken out of (12).
    if before is not None and before["returned_for_supplement"] <= values["c12"]:
        counts["returned_for_supplement"] = before["returned_for_supplement"]
        counts["in_progress_on_time"] = values["c12"] - before["returned_for_supplement"]
        kept.append("returned_for_supplement")
    else:
        to_complete.append("returned_for_supplement")
    for name in NOT_IN_FORM:
        if before is not None:
            counts[name] = before[name]
            kept.append(name)
        else:
            to_complete.append(name)
    notes = []
    if to_complete:
        notes.append(
            _(
                "Not in form II.06a, to complete on the week page: %(columns)s (until then every resolved case "
                "counts as returned)."
            )
            % {"columns": ", ".join(label(name) for name in to_complete)}
            if set(FINER_RESOLVED) <= set(to_complete)
            else _("Not in form II.06a, to complete on the week page: %(columns)s.")
            % {"columns": ", ".join(label(name) for name in to_complete)}
        )
    if kept:
        notes.append(
            _("Not in form II.06a, kept as entered: %(columns)s.")
            % {"columns": ", ".join(label(name) for name in kept)}
        )
    return counts, notes


class Form06aImporter(CheckedImporter):
    name = "procedures_06a"
    layout = LAYOUT

    def read(self, upload: IO[bytes], options: Mapping[str, Any]) -> ParsedSheet:
        sheet = read_form(upload)
        found = (sheet.params["start"], sheet.params["end"])
        chosen = (options.get("start"), options.get("end"))
        if chosen[0] is not None:
            if found[0] is not None and found != chosen:
                raise SheetError(
                    _(
                        "The form reports %(found)s but the period chosen is %(chosen)s; export the form for the "
                        "chosen period, or leave the dates blank to take the form's own."
                    )
                    % {"found": _label(*found), "chosen": _label(*chosen)}
                )
            sheet.params["start"], sheet.params["end"] = chosen
        elif found[0] is None:
            raise SheetError(_("The form has no line “Kỳ báo cáo: Từ ngày ... đến ngày ...”; choose the period above."))
        return sheet

    def fields(self, ward: Ward) -> dict[str, ProcedureField]:
        """Normalised name → our field: our own names, then the names remembered for the ward."""
        fields = {normal(field.name): field for field in selectors.fields_for_entry(ward, None)}
        for alias in FieldAlias.objects.filter(ward=ward).select_related("field"):
            fields[normal(alias.name)] = alias.field
        return fields

    def check(
        self, ward: Ward, sheet: ParsedSheet
    ) -> tuple[ImportPlan, tuple[DateRange | None, dict[ProcedureField, dict]]]:
        period, plan = sheet_period(sheet)
        if period is None:
            return plan, (None, {})
        unit = sheet.params.get("unit") or ""
        if unit:
            plan.title = f"{period.label()} — {unit}"
        known = self.fields(ward)
        grouped: dict[ProcedureField, list[SheetRow]] = {}
        names: set[str] = set()
        for row in sheet.rows:
            planned = PlanRow(number=row.number, name=row.values.get("field") or "—", errors=list(row.errors))
            name = normal(row.values.get("field") or "")
            field = known.get(name)
            if name and field is None:
                planned.errors.append(
                    _(
                        "the field “%(name)s” is not one of ours; map it to one of our fields under “Field names”, "
                        "then upload again."
                    )
                    % {"name": row.values["field"]}
                )
            elif name in names:
                planned.errors.append(_("the field appears twice."))
            names.add(name)
            if planned.errors or field is None:
                plan.rows.append(planned)
                continue
            grouped.setdefault(field, []).append(row)
        if not plan.valid:
            return plan, period, {}
        before = selectors.entered_counts(ward, period)
        counted, notes = {}, {}
        for field, rows in grouped.items():
            values = {column.key: sum(row.values[column.key] or 0 for row in rows) for column in FORM_COLUMNS}
            counted[field], notes[field.pk] = _counts(values, before.get(field.pk))
        for row_plan in week_plan(ward=ward, period=period, rows=counted).rows:
            rows = grouped[row_plan.field]
            source = SheetRow(number=rows[0].number, values={"field": " + ".join(r.values["field"] for r in rows)})
            after = {name: getattr(row_plan.entry, name) for name in COUNT_FIELDS}
            planned = plan_row(self.layout, source, row_plan.before, after)
            if len(rows) > 1 or normal(source.values["field"]) != normal(row_plan.field.name):
                planned.name = f"{source.values['field']} → {row_plan.field.name}"
            planned.notes = notes[row_plan.field.pk]
            add_errors(planned, self.layout, row_plan.errors)
            plan.rows.append(planned)
        plan.rows.sort(key=lambda row: row.number)
        return plan, (period, counted)

    def write(
        self, ward: Ward, sheet: ParsedSheet, plan: ImportPlan, checked: tuple[DateRange, dict[ProcedureField, dict]]
    ) -> None:
        period, counted = checked
        try:
            week_save(ward=ward, period=period, rows=counted)
        except WeekRejected:
            raise ImportRejected(plan) from None

    def done_url(self, ward: Ward, sheet: ParsedSheet) -> str:
        return period_url("procedures:week", ward, sheet)


def _label(start: Any, end: Any) -> str:
    return f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"
