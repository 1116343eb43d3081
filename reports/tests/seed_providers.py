"""Stand-ins for the tthc, staffing, assets and spending providers, with the seeds' figures, for tests that
need the seed values without loading the demo data; registered after the real providers, they override
them. reports/tests/test_providers.py checks the real providers on the demo data."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from reports import tables
from reports.placeholders import Kind, PlaceholderKey, register, unregister
from reports.tables import Table, register_table, unregister_table
from wards.models import Ward
from wards.periods import DateRange

N, P, M, A, T = Kind.NUMBER, Kind.PERCENT, Kind.MONEY, Kind.AREA, Kind.TEXT

ANNUAL = {
    "tthc.received": (N, 8557),
    "tthc.resolved": (N, 8260),
    "tthc.on_time": (N, 8258),
    "tthc.late": (N, 2),
    "tthc.on_time_rate": (P, Decimal(8258) * 100 / Decimal(8260)),
    "tthc.late_rate": (P, Decimal(2) * 100 / Decimal(8260)),
    "tthc.procedures_total": (N, 424),
    "tthc.procedures_full_online": (N, 144),
    "tthc.procedures_partly_online": (N, 280),
    "tthc.online_payment_rate": (P, Decimal("97.78")),
    "staffing.schools": (N, 13),
    "staffing.schools_preschool": (N, 3),
    "staffing.schools_primary": (N, 7),
    "staffing.schools_secondary": (N, 3),
    "staffing.vice_chairs": (N, 2),
    "staffing.civil_servants_start": (N, 46),
    "staffing.civil_servants_end": (N, 43),
    "staffing.service_centre": (N, 10),
    "staffing.service_centre_seconded": (N, 2),
    "staffing.health_station": (N, 19),
    "staffing.positions_short": (N, 8),
    "staffing.by_unit": (
        T,
        "lãnh đạo HĐND, UBND phường 06 người; Văn phòng HĐND-UBND 11 người; Phòng Văn hóa - Xã hội "
        "10 người; Phòng Kinh tế, Hạ tầng và Đô thị 09 người; Trung tâm Phục vụ hành chính công 07 người",
    ),
    "staffing.non_specialised_total": (N, 29),
    "staffing.non_specialised_left": (N, 27),
    "staffing.non_specialised_remaining": (N, 2),
    "staffing.doctors_needed": (T, "02 bác sĩ y học dự phòng, 02 bác sĩ đa khoa"),
    "assets.facilities_total": (N, 41),
    "assets.facilities_offices": (N, 4),
    "assets.facilities_police": (N, 1),
    "assets.facilities_military": (N, 1),
    "assets.facilities_schools": (N, 31),
    "assets.facilities_health": (N, 3),
    "assets.facilities_surplus": (N, 1),
    "assets.land_area": (A, 145788),
    "assets.building_area": (A, 32466),
    "assets.total_area": (A, 178254),
    "assets.surplus_handled": (N, 0),
    "assets.surplus_pending": (N, 1),
    "spending.development": (M, 18749464101),
    "spending.recurrent": (M, 181436650545),
    "spending.equipment_new": (M, 839790000),
}
WEEKLY = {
    "staffing.centre_total": (N, 9),
    "staffing.centre_breakdown": (T, "lãnh đạo 02, tiếp nhận hồ sơ 03, số hóa 01, thu phí và văn thư 01, giám sát 02"),
    "staffing.centre_helpers": (N, 1),
    "assets.centre_equipment": (T, "máy tính 08 bộ; máy in 06 cái; máy scan khổ A4 02 cái"),
    "assets.centre_missing": (T, "máy bấm số tự động, máy scan khổ A3"),
    "tthc.by_field": (T, "Bảo trợ xã hội 10 hồ sơ; Chứng thực 239 hồ sơ; Đất đai 16 hồ sơ"),
    "tthc.in_progress": (N, 37),
    "tthc.supplement": (N, 1),
    "tthc.awaiting_return": (N, 2),
    "tthc.returned": (N, 257),
    "tthc.awaiting_issuance": (N, 18),
    "tthc.online": (N, 315),
    "tthc.online_rate": (P, 100),
    "tthc.digitised_rate": (P, 100),
}
WEEKLY_OVERRIDES = {"tthc.received": 315, "tthc.resolved": 277, "tthc.on_time": 277, "tthc.on_time_rate": 100}
SEED_KEYS = ANNUAL | WEEKLY


def values(ward: Ward, period: DateRange) -> dict[str, object]:
    result = {key: value for key, (_kind, value) in SEED_KEYS.items()}
    if period.days <= 7:
        result.update(WEEKLY_OVERRIDES)
    return result


def tthc_table(ward: Ward, period: DateRange) -> Table:
    rows = [[f"Lĩnh vực {n:02d}", str(n)] for n in range(1, 61)]
    return Table(caption="Hồ sơ thủ tục hành chính theo lĩnh vực", headers=["Lĩnh vực", "Số hồ sơ"], rows=rows)


@contextmanager
def seed_providers() -> Iterator[None]:
    keys = [PlaceholderKey(key, key, kind) for key, (kind, _value) in SEED_KEYS.items()]
    # The real table provider comes back afterwards: the seeds only stand in for the data.
    real_table = tables._tables.get("tthc_by_field")
    register("seed", keys=keys, values=values)
    register_table("tthc_by_field", tthc_table)
    try:
        yield
    finally:
        unregister("seed")
        unregister_table("tthc_by_field")
        if real_table:
            register_table("tthc_by_field", real_table)
