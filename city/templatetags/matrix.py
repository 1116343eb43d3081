"""The state of a matrix cell as an icon beside its text, so that state never rests on colour alone."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..matrix import MatrixCell, WardRow

register = template.Library()

ICONS = {
    "not_started": "○",
    "draft": "✎",
    "submitted": "➤",
    "approved": "✓",
    "signed": "✍",
    "accepted": "★",
}


@register.filter
def state_icon(state: str) -> str:
    return ICONS.get(state, "?")


@register.filter
def fraction(pair: tuple[int, int]) -> str:
    part, whole = pair
    return f"{part}/{whole}"


@register.simple_tag
def matrix_cells(row: WardRow) -> str:
    """The cells of one ward's row. Built here rather than in a template loop: a 40 x 26 matrix is a
    thousand cells, and the template engine spent most of the page's time on them."""
    labels = {
        "late": gettext("late"),
        "approved_late": gettext("approved late"),
        "reminded": gettext("reminded"),
        "returned": gettext("returned:"),
        "not_expected": gettext("not expected"),
    }
    # Every report's page is the ward's list followed by its id (reports/urls.py).
    reports_url = reverse("reports:list", kwargs={"ward": row.ward.slug})
    accept = gettext("accept %(ward)s") % {"ward": row.ward}
    return mark_safe("".join(_cell(cell, reports_url, accept, labels) for cell in row.cells))  # noqa: S308


def _cell(cell: MatrixCell | None, reports_url: str, accept: str, labels: dict[str, str]) -> str:
    if cell is None:
        return format_html('<td class="text-muted small">{}</td>', labels["not_expected"])
    parts = []
    if cell.can_accept:
        parts.append(
            format_html(
                '<input class="form-check-input" type="checkbox" name="report" value="{}" aria-label="{}"> ',
                cell.report_id,
                accept,
            )
        )
    state = format_html('<span aria-hidden="true">{}</span> {}', ICONS.get(cell.state, "?"), cell.state_label)
    if cell.report_id:
        state = format_html('<a href="{}{}/">{}</a>', reports_url, cell.report_id, state)
    parts.append(state)
    if cell.cell.late:
        parts.append(format_html(' <span class="badge text-bg-danger">⚠ {}</span>', labels["late"]))
    elif cell.cell.approved_late:
        parts.append(format_html(' <span class="badge text-bg-warning">{}</span>', labels["approved_late"]))
    if cell.reminded:
        parts.append(format_html('<span class="small d-block text-muted">{}</span>', labels["reminded"]))
    if cell.return_reason:
        parts.append(
            format_html('<span class="small d-block text-muted">{} {}</span>', labels["returned"], cell.return_reason)
        )
    late = " cell-late" if cell.cell.late else ""
    return format_html('<td class="cell-{}{}">{}</td>', cell.state, late, mark_safe("".join(parts)))  # noqa: S308
