"""Facilities, equipment and spending placeholders and the table of facilities by use, from assets.figures:
the register on the last day of the range, spending summed over it."""

from __future__ import annotations

from assets.figures import AssetRangeFigures, HeldFacility, figures_for
from assets.models import FacilityUse
from staffing.models import UnitKind
from wards.formatting import vi_number
from wards.models import Ward
from wards.periods import DateRange

from ..placeholders import Kind, PlaceholderKey, format_value, register
from ..tables import Table, register_table

N, M, A, T = Kind.NUMBER, Kind.MONEY, Kind.AREA, Kind.TEXT

# Report text is Vietnamese whatever the language of the user asking for the PDF, so not the gettext labels.
USE_NAMES = {
    FacilityUse.OFFICE: "Trụ sở cơ quan hành chính, đơn vị sự nghiệp",
    FacilityUse.POLICE: "Trụ sở Công an phường",
    FacilityUse.MILITARY: "Trụ sở Ban Chỉ huy Quân sự phường",
    FacilityUse.SCHOOL: "Cơ sở trường học",
    FacilityUse.HEALTH: "Cơ sở y tế",
    FacilityUse.SURPLUS: "Cơ sở nhà, đất dôi dư",
    FacilityUse.OTHER: "Cơ sở khác",
}

# key: (description, kind, attribute of FacilityFigures)
FACILITIES = {
    "assets.facilities_total": ("Số cơ sở nhà, đất đang quản lý (cuối kỳ)", N, "facilities"),
    "assets.facilities_offices": ("Cơ sở làm trụ sở cơ quan, đơn vị", N, "offices"),
    "assets.facilities_police": ("Trụ sở Công an phường", N, "police"),
    "assets.facilities_military": ("Trụ sở Ban Chỉ huy Quân sự phường", N, "military"),
    "assets.facilities_schools": ("Cơ sở trường học", N, "school_sites"),
    "assets.facilities_health": ("Cơ sở y tế", N, "health"),
    "assets.facilities_surplus": ("Cơ sở nhà, đất dôi dư", N, "surplus"),
    "assets.facilities_other": ("Cơ sở khác", N, "other"),
    "assets.land_area": ("Diện tích đất", A, "land_m2"),
    "assets.building_area": ("Diện tích nhà (sàn xây dựng)", A, "floor_m2"),
    "assets.total_area": ("Tổng diện tích nhà, đất", A, "total_m2"),
    "assets.surplus_handled": ("Cơ sở dôi dư đã xử lý", N, "surplus_handled"),
    "assets.surplus_pending": ("Cơ sở dôi dư chưa xử lý", N, "surplus_not_handled"),
    "assets.surplus_plan_proposed": ("Cơ sở dôi dư đã đề xuất phương án", N, "surplus_plan_proposed"),
}
# key: (description, attribute of SpendingFigures)
SPENDING = {
    "spending.development": ("Chi đầu tư phát triển trong kỳ", "development"),
    "spending.recurrent": ("Chi thường xuyên trong kỳ", "recurrent"),
    "spending.equipment_new": ("Giá trị máy móc, thiết bị mua sắm mới trong kỳ", "equipment"),
    "spending.total": ("Tổng chi trong kỳ", "total"),
}

KEYS = [
    *(PlaceholderKey(key, description, kind) for key, (description, kind, _name) in FACILITIES.items()),
    *(PlaceholderKey(key, description, M) for key, (description, _name) in SPENDING.items()),
    PlaceholderKey("assets.centre_equipment", "Trang thiết bị hiện có của Trung tâm Phục vụ hành chính công", T),
    PlaceholderKey("assets.centre_missing", "Trang thiết bị Trung tâm Phục vụ hành chính công còn thiếu", T),
    PlaceholderKey("assets.office_users", "Cơ quan, đơn vị dùng các cơ sở làm trụ sở", T),
    PlaceholderKey("assets.police_site", "Cơ sở bố trí làm trụ sở Công an phường (trước đây là ...)", T),
    PlaceholderKey("assets.military_site", "Cơ sở bố trí làm trụ sở Ban Chỉ huy Quân sự phường (trước đây là ...)", T),
    PlaceholderKey("assets.committee_seat", "Trụ sở Ủy ban nhân dân phường đang sử dụng (trước đây là ...)", T),
    PlaceholderKey("assets.surplus_pending_names", "Tên các cơ sở nhà, đất dôi dư chưa xử lý", T),
]


def _centre_texts(figures: AssetRangeFigures) -> tuple[str | None, str | None]:
    centre = figures.equipment_of(UnitKind.ONE_STOP_CENTRE)
    if centre is None:
        return None, None
    # A system (Wi-Fi) is counted as one and reads better without its count.
    items = [
        line.kind if line.measure == "hệ thống" else f"{line.kind} {format_value(N, line.quantity)} {line.measure}"
        for line in centre.items
    ]
    # Mid-sentence after "còn thiếu": lower case, as the seed writes "còn thiếu máy bấm số tự động".
    missing = [
        item.kind[:1].lower() + item.kind[1:] + (" (đang đặt hàng mua sắm)" if item.on_order else "")
        for item in centre.missing
    ]
    return "; ".join(items) or None, ", ".join(missing) or "không"


def _site(facilities: tuple[HeldFacility, ...]) -> str | None:
    """Where a body is housed, as the reports say it: the building it was, and whether only for now."""
    texts = [("tạm bố trí tại " if f.temporary else "") + (f.former_use or f.name) for f in facilities]
    return "; ".join(texts) or None


def _facility_texts(figures: AssetRangeFigures) -> dict[str, object]:
    offices = figures.held_of(FacilityUse.OFFICE)
    return {
        "assets.office_users": "; ".join(f.user_name or f.name for f in offices) or None,
        "assets.police_site": _site(figures.held_of(FacilityUse.POLICE)),
        "assets.military_site": _site(figures.held_of(FacilityUse.MILITARY)),
        "assets.committee_seat": _site(tuple(f for f in offices if f.committee_seat)),
        "assets.surplus_pending_names": "; ".join(figures.assets.surplus_not_handled_names) or None,
    }


def values(ward: Ward, period: DateRange) -> dict[str, object]:
    figures = figures_for(ward, period.start, period.end)
    result: dict[str, object] = {key: getattr(figures.assets, name) for key, (_d, _k, name) in FACILITIES.items()}
    result.update({key: getattr(figures.spending, name) for key, (_d, name) in SPENDING.items()})
    result["assets.centre_equipment"], result["assets.centre_missing"] = _centre_texts(figures)
    result.update(_facility_texts(figures))
    return result


def facilities_table(ward: Ward, period: DateRange) -> Table:
    facilities = figures_for(ward, period.start, period.end).assets
    rows = [[USE_NAMES[FacilityUse(use)], vi_number(count)] for use, _label, count in facilities.by_use() if count]
    return Table(
        caption=f"Cơ sở nhà, đất đang quản lý theo công năng sử dụng, đến ngày {format_value(Kind.DATE, period.end)}",
        headers=["Công năng sử dụng", "Số cơ sở"],
        rows=rows,
        footer=["Tổng cộng", vi_number(facilities.facilities)],
    )


register("assets", keys=KEYS, values=values)
register_table("facilities_by_use", facilities_table)
