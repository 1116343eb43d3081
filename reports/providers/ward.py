"""Facts of the ward itself (area, population, the units it was formed from)."""

from __future__ import annotations

from wards.models import Ward
from wards.periods import DateRange

from ..placeholders import Kind, PlaceholderKey, register

KEYS = [
    PlaceholderKey("ward.name", "Tên đơn vị (phường Kim Trà)", Kind.TEXT),
    PlaceholderKey("ward.short_name", "Tên riêng của đơn vị (Kim Trà)", Kind.TEXT),
    PlaceholderKey("ward.committee", "Tên Ủy ban nhân dân (Ủy ban nhân dân phường Kim Trà)", Kind.TEXT),
    PlaceholderKey("ward.city", "Thành phố trực thuộc", Kind.TEXT),
    PlaceholderKey("ward.area_km2", "Diện tích tự nhiên (km²)", Kind.NUMBER),
    PlaceholderKey("ward.population", "Quy mô dân số (người)", Kind.NUMBER),
    PlaceholderKey("ward.residential_groups", "Số tổ dân phố", Kind.NUMBER),
    PlaceholderKey("ward.formed_on", "Ngày thành lập, đi vào hoạt động", Kind.DATE),
    PlaceholderKey("ward.legal_basis", "Văn bản thành lập", Kind.TEXT),
    PlaceholderKey("ward.former_units", "Các đơn vị hành chính cũ được sắp xếp", Kind.TEXT),
    PlaceholderKey("ward.former_units_count", "Số đơn vị hành chính cũ được sắp xếp", Kind.NUMBER),
]


def join_vi(names: list[str]) -> str:
    """ "a, b và c", the Vietnamese enumeration."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"


def values(ward: Ward, period: DateRange) -> dict[str, object]:
    return {
        "ward.name": ward.display_name,
        "ward.short_name": ward.name,
        "ward.committee": ward.committee_name,
        "ward.city": str(ward.city),
        "ward.area_km2": ward.area_km2,
        "ward.population": ward.population,
        "ward.residential_groups": ward.residential_groups,
        "ward.formed_on": ward.formed_on,
        "ward.legal_basis": ward.legal_basis,
        "ward.former_units": join_vi(ward.former_unit_names),
        "ward.former_units_count": len(ward.former_unit_names),
    }


register("ward", keys=KEYS, values=values)
