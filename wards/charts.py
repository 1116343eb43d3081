"""Charts drawn on the server with pygal: an SVG image embedded as a data URI, so the page needs no
chart script and no inline style (the SVG's own styles live inside the image, out of the page's CSP),
and WeasyPrint draws the same image into a PDF. Axis and value labels are Vietnamese numbers."""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass
from typing import Any

import pygal
from pygal.style import Style

from . import formatting

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#212529",
    foreground_strong="#212529",
    foreground_subtle="#dee2e6",
    font_family="system-ui, 'Liberation Sans', Arial, sans-serif",
    label_font_size=11,
    major_label_font_size=11,
    legend_font_size=12,
    colors=("#0d6efd", "#198754", "#8b1a1a", "#fd7e14", "#6f42c1"),
)


def nice_ticks(largest: float, steps: int = 5) -> list[int]:
    """Round axis ticks from 0 to at least `largest`: five steps of 1, 2 or 5 times a power of ten,
    so that a right-hand percent scale on the same grid falls on 0, 20, ..., 100."""
    step, factors = 1, itertools.cycle((2, 2.5, 2))
    while step * steps < largest:
        step = int(step * next(factors))
    return [step * n for n in range(steps + 1)]


@dataclass(frozen=True)
class Chart:
    """`src` goes into an <img>; `title` is its alternative text."""

    title: str
    src: str


def _without_scripts(root: Any) -> Any:
    # pygal always writes its tooltip configuration as a <script>; an image never runs it.
    for script in [node for node in root.iter() if str(node.tag).endswith("script")]:
        script.getparent().remove(script)
    return root


def config(**options: Any) -> dict[str, Any]:
    """The options every chart shares: no script, Vietnamese numbers on the axes, legend below."""
    return {
        "style": STYLE,
        "js": [],
        "value_formatter": formatting.vi_number,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 3,
        "truncate_label": -1,
        "truncate_legend": -1,
        "width": 760,
        "height": 300,
        **options,
    }


def as_image(chart: pygal.graph.graph.Graph, title: str) -> Chart:
    chart.add_xml_filter(_without_scripts)
    svg = chart.render()
    return Chart(title=title, src="data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii"))
