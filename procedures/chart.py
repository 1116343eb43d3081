"""A server-side SVG of received vs resolved per week with the on-time rate: no chart script to ship,
and the same picture in every browser of a closed ward network."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .figures import WeekRow

WIDTH, HEIGHT = 760, 260
# Coordinates are strings: a float in a template would be localised ("224,0"), which SVG refuses.
LEFT, RIGHT, TOP, BOTTOM = 48, 48, 16, 36


@dataclass(frozen=True)
class Bar:
    x: str
    y: str
    width: str
    height: str
    title: str


@dataclass(frozen=True)
class Tick:
    y: str
    label: str


@dataclass(frozen=True)
class WeekChart:
    width: int
    height: int
    received: tuple[Bar, ...]
    resolved: tuple[Bar, ...]
    rate_points: str  # SVG polyline points
    ticks: tuple[Tick, ...]
    labels: tuple[tuple[str, str], ...]
    baseline: str
    label_y: str
    right: str
    right_label_x: str


def _n(value: float) -> str:
    return f"{value:.1f}"


def _nice_max(value: int) -> int:
    step = 10
    while step * 10 < value:
        step *= 10
    return max(step, -(-value // step) * step)


def week_chart(weeks: tuple[WeekRow, ...]) -> WeekChart | None:
    if not weeks:
        return None
    top = _nice_max(max(max(w.received, w.resolved) for w in weeks))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(weeks)
    bar = max(slot * 0.4, 1.0)

    def y_of(value: float) -> float:
        return TOP + plot_h - plot_h * value / top

    def y_rate(rate: Decimal) -> str:
        return _n(TOP + plot_h - plot_h * float(rate) / 100)

    received, resolved, points, labels = [], [], [], []
    every = max(1, len(weeks) // 10)
    for index, week in enumerate(weeks):
        x = LEFT + index * slot + (slot - 2 * bar) / 2
        when = f"{week.monday:%d/%m}"
        for bars, x_bar, value in ((received, x, week.received), (resolved, x + bar, week.resolved)):
            bars.append(Bar(_n(x_bar), _n(y_of(value)), _n(bar), _n(TOP + plot_h - y_of(value)), f"{when}: {value}"))
        if week.on_time_rate is not None:
            points.append(f"{_n(x + bar)},{y_rate(week.on_time_rate)}")
        if index % every == 0:
            labels.append((_n(x + bar), when))
    ticks = tuple(Tick(_n(y_of(top * n / 4)), f"{top * n // 4}") for n in range(5))
    return WeekChart(
        width=WIDTH,
        height=HEIGHT,
        received=tuple(received),
        resolved=tuple(resolved),
        rate_points=" ".join(points),
        ticks=ticks,
        labels=tuple(labels),
        baseline=_n(TOP + plot_h),
        label_y=_n(TOP + plot_h + 14),
        right=_n(WIDTH - RIGHT),
        right_label_x=_n(WIDTH - RIGHT + 4),
    )
