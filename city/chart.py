"""A server-side SVG of one column of the totals, one horizontal bar per ward: no chart script under
the strict CSP, and the same picture in every browser of a closed network."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from wards.formatting import vi_number, vi_percent

from .totals import Row

WIDTH, LABEL, ROW_HEIGHT, VALUE = 760, 170, 18, 110


@dataclass(frozen=True)
class Bar:
    # Coordinates are strings: a float in a template would be localised ("224,0"), which SVG refuses.
    y: str
    text_y: str
    width: str
    label: str
    value: str


@dataclass(frozen=True)
class RankChart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    plot_x: str
    value_x: str


def rank_chart(rows: tuple[Row, ...], column: str) -> RankChart | None:
    values = [getattr(row, column) for row in rows]
    top = max((value for value in values if value is not None), default=0)
    if not top:
        return None
    plot = WIDTH - LABEL - VALUE
    bars = []
    for index, (row, value) in enumerate(zip(rows, values, strict=True)):
        y = index * ROW_HEIGHT
        shown = vi_percent(value) if isinstance(value, Decimal) else vi_number(value) if value is not None else "-"
        bars.append(
            Bar(
                y=f"{y + 3:.1f}",
                text_y=f"{y + ROW_HEIGHT / 2:.1f}",
                width=f"{plot * float(value or 0) / float(top):.1f}",
                label=str(row.ward.name if row.ward else ""),
                value=shown,
            )
        )
    return RankChart(
        width=WIDTH,
        height=len(rows) * ROW_HEIGHT,
        bars=tuple(bars),
        plot_x=f"{LABEL:.1f}",
        value_x=f"{WIDTH - VALUE + 6:.1f}",
    )
