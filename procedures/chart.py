"""Received and resolved per week with the on-time rate on the right-hand scale (pygal, through
wards.charts)."""

from __future__ import annotations

from functools import lru_cache

import pygal
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wards.charts import Chart, as_image, config, nice_ticks

from .figures import WeekRow

MAX_X_LABELS = 12


def week_chart(weeks: tuple[WeekRow, ...]) -> Chart | None:
    if not weeks:
        return None
    return _drawn(weeks, get_language())


# Drawing is a third of the dashboard's time and the same weeks draw the same image: the weeks and the
# language are the whole input, so a changed figure is a new key and nothing needs invalidating. An image
# is 40-75 kB (26-52 weeks): 128 of them stay under 10 MB per worker.
@lru_cache(maxsize=128)
def _drawn(weeks: tuple[WeekRow, ...], language: str) -> Chart:
    ticks = nice_ticks(max(max(week.received, week.resolved) for week in weeks))
    chart = pygal.Line(
        **config(
            x_labels_major_every=max(1, -(-len(weeks) // MAX_X_LABELS)),
            show_minor_x_labels=False,
            y_labels=ticks,
            range=(0, ticks[-1]),
            secondary_range=(0, 100),
            dots_size=2,
        )
    )
    chart.x_labels = [f"{week.monday:%d/%m}" for week in weeks]
    chart.add(_("Received"), [week.received for week in weeks])
    chart.add(_("Resolved"), [week.resolved for week in weeks])
    chart.add(
        _("On-time rate, % (right scale)"),
        [None if week.on_time_rate is None else float(week.on_time_rate) for week in weeks],
        secondary=True,
    )
    return as_image(chart, _("Received and resolved per week, on-time rate"))
