"""The placeholder and table providers. Each module registers itself on import; to add a domain,
write `reports/providers/<domain>.py` (see reports.placeholders) and import it here."""

from __future__ import annotations

from . import assets, indicators, report, staffing, tthc, ward  # noqa: F401

__all__: list[str] = []
