"""Demo indicator values from the seed reports (documents issued, conferences, digital shares)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from wards.models import Ward
from wards.periods import DateRange

from .services import indicator_values_save

H2_2025 = DateRange(date(2025, 7, 1), date(2025, 12, 31))
FROM_2026 = DateRange(date(2026, 1, 1), date(2026, 5, 5))

DOCS_2025 = {
    "decisions": 898,
    "plans": 257,
    "schemes": 4,
    "notices": 265,
    "submissions": 123,
    "reports": 281,
    "other": 990,
}
DOCS_2026 = {
    "decisions": 754,
    "plans": 250,
    "schemes": 0,
    "notices": 292,
    "submissions": 213,
    "reports": 262,
    "other": 622,
}
CONFERENCES_2025 = {"conf.reporters": 3, "conf.direct_online": 5}
DIGITAL = {
    "digital.signed_docs": 95,
    "digital.docs_online": 100,
    "digital.official_email": 100,
    "digital.staff_computers": 100,
    "digital.staff_signatures": 100,
    "digital.groups_4g": 95,
    "digital.households_broadband": 100,
    "digital.smartphone_users": 80,
    "digital.outreach_online": 100,
}


def _docs(counts: dict[str, int]) -> dict[str, Decimal | None]:
    return {f"docs.{name}": Decimal(value) for name, value in counts.items()}


def load(wards: dict[str, Ward]) -> None:
    ward = wards["kim-tra"]
    indicator_values_save(
        ward=ward, period=H2_2025, values=_docs(DOCS_2025) | {k: Decimal(v) for k, v in CONFERENCES_2025.items()}
    )
    indicator_values_save(
        ward=ward, period=FROM_2026, values=_docs(DOCS_2026) | {k: Decimal(v) for k, v in DIGITAL.items()}
    )
    # Hương Trà is a made-up ward: plausible round figures, marked as demo data on the ward.
    other = wards["huong-tra"]
    indicator_values_save(ward=other, period=H2_2025, values=_docs({k: v * 9 // 10 for k, v in DOCS_2025.items()}))
    indicator_values_save(ward=other, period=FROM_2026, values=_docs({k: v * 9 // 10 for k, v in DOCS_2026.items()}))
