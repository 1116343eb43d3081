"""The state of a matrix cell as an icon beside its text, so that state never rests on colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.html import escape
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
    thousand cells, and the template engine spent most of the page's time on them. Each fixed text is
    escaped once for the row, not once per cell (format_html per cell was still half the page)."""
    # Translated outside the f-strings: xgettext does not read calls inside them.
    late, approved_late, reminded = gettext("late"), gettext("approved late"), gettext("reminded")
    not_expected, accept = gettext("not expected"), gettext("accept %(ward)s") % {"ward": row.ward}
    texts = _Texts(
        late=f' <span class="badge text-bg-danger">⚠ {escape(late)}</span>',
        approved_late=f' <span class="badge text-bg-warning">{escape(approved_late)}</span>',
        reminded=f'<span class="small d-block text-muted">{escape(reminded)}</span>',
        returned=escape(gettext("returned:")),
        not_expected=f'<td class="text-muted small">{escape(not_expected)}</td>',
        # Every report's page is the ward's list followed by its id (reports/urls.py).
        reports_url=escape(reverse("reports:list", kwargs={"ward": row.ward.slug})),
        accept=escape(accept),
    )
    states: dict[str, str] = {}
    return mark_safe("".join(_cell(cell, texts, states) for cell in row.cells))  # noqa: S308 (every part escaped)


@dataclass(frozen=True)
class _Texts:
    """A row's fixed markup, escaped."""

    late: str
    approved_late: str
    reminded: str
    returned: str
    not_expected: str
    reports_url: str
    accept: str


def _cell(cell: MatrixCell | None, texts: _Texts, states: dict[str, str]) -> str:
    if cell is None:
        return texts.not_expected
    parts = []
    if cell.can_accept:
        parts.append(
            f'<input class="form-check-input" type="checkbox" name="report" value="{cell.report_id}"'
            f' aria-label="{texts.accept}"> '
        )
    if cell.state not in states:
        states[cell.state] = f'<span aria-hidden="true">{ICONS.get(cell.state, "?")}</span> {escape(cell.state_label)}'
    state = states[cell.state]
    if cell.report_id:
        state = f'<a href="{texts.reports_url}{cell.report_id}/">{state}</a>'
    parts.append(state)
    if cell.cell.late:
        parts.append(texts.late)
    elif cell.cell.approved_late:
        parts.append(texts.approved_late)
    if cell.reminded:
        parts.append(texts.reminded)
    if cell.return_reason:
        parts.append(f'<span class="small d-block text-muted">{texts.returned} {escape(cell.return_reason)}</span>')
    late = " cell-late" if cell.cell.late else ""
    return f'<td class="cell-{escape(cell.state)}{late}">{"".join(parts)}</td>'
