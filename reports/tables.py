"""Figure tables of report sections (TTHC by field, staffing by unit, facilities by use). Each domain
registers a function from (ward, range) to a Table, like the placeholder providers:

    from reports.tables import Table, register_table
    register_table("tthc_by_field", lambda ward, period: Table(caption=..., headers=[...], rows=[...]))

Cells are strings already formatted with wards.formatting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from wards.models import Ward
from wards.periods import DateRange


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    footer: list[str] = field(default_factory=list)


TableProvider = Callable[[Ward, DateRange], Table]

_tables: dict[str, TableProvider] = {}


def register_table(kind: str, provider: TableProvider) -> None:
    _tables[kind] = provider


def unregister_table(kind: str) -> None:
    _tables.pop(kind, None)


def build_table(kind: str, ward: Ward, period: DateRange) -> Table | None:
    """The table, or None while no app provides this kind (the page warns; the PDF leaves it out)."""
    provider = _tables.get(kind)
    return provider(ward, period) if provider else None
