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
    PlaceholderKey("ward.vice_chairs", "Số Phó Chủ tịch Ủy ban nhân dân", Kind.NUMBER),
    PlaceholderKey("ward.buddhist_sites", "Cơ sở liên quan Phật giáo", Kind.NUMBER),
    PlaceholderKey("ward.village_pagodas", "Chùa làng", Kind.NUMBER),
    PlaceholderKey("ward.buddhist_halls", "Niệm Phật đường", Kind.NUMBER),
    PlaceholderKey("ward.buddhist_halls_recognised", "Niệm Phật đường được công nhận là cơ sở tôn giáo", Kind.NUMBER),
    PlaceholderKey("ward.catholic_sites", "Cơ sở Công giáo", Kind.NUMBER),
    PlaceholderKey("ward.relics", "Di tích lịch sử, văn hóa được công nhận", Kind.NUMBER),
    PlaceholderKey("ward.relics_national", "Di tích cấp Quốc gia", Kind.NUMBER),
    PlaceholderKey("ward.relics_city", "Di tích cấp thành phố", Kind.NUMBER),
    PlaceholderKey(
        "ward.all_cases_online_from", "Ngày từ đó toàn bộ hồ sơ thủ tục hành chính được làm trực tuyến", Kind.DATE
    ),
    PlaceholderKey("ward.information_systems", "Các hệ thống thông tin dùng chung cán bộ sử dụng", Kind.TEXT),
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
        "ward.vice_chairs": ward.vice_chairs,
        "ward.buddhist_sites": ward.buddhist_sites,
        "ward.village_pagodas": ward.village_pagodas,
        "ward.buddhist_halls": ward.buddhist_halls,
        "ward.buddhist_halls_recognised": ward.buddhist_halls_recognised,
        "ward.catholic_sites": ward.catholic_sites,
        "ward.relics": ward.relics,
        "ward.relics_national": ward.relics_national,
        "ward.relics_city": ward.relics_city,
        "ward.all_cases_online_from": ward.all_cases_online_from,
        "ward.information_systems": ", ".join(ward.information_system_lines) or None,
    }


register("ward", keys=KEYS, values=values)
