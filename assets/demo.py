"""Demo assets. Kim Trà: the 41 facilities of the one-year review by use, with land 145.788 m² and floor
32.466 m² in all (the area of each facility is made up, the totals are the seed's), the public administration
centre's equipment of the weekly report, and the seed's spending for 01/7/2025-05/5/2026 split over months
(the monthly split is made up, the sums are the seed's). Hương Trà: made-up figures of the same shape."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import models

from wards.models import Ward

from .models import (
    EquipmentCondition,
    EquipmentItem,
    EquipmentStatus,
    Facility,
    FacilityUse,
    Handling,
    Spending,
    SpendingKind,
)
from .services import (
    EquipmentInput,
    FacilityInput,
    SpendingInput,
    equipment_create,
    equipment_update,
    facility_create,
    facility_update,
    spending_create,
    spending_update,
)

FORMED = date(2025, 7, 1)
ARRANGED = "Đã sắp xếp nhà đất theo Nghị định số 167/2017/NĐ-CP."


@dataclass(frozen=True)
class DemoFacility:
    name: str
    use: FacilityUse
    user_name: str
    land_m2: int
    floor_m2: int
    address: str = ""
    notes: str = ""
    handling: str = ""
    handling_plan: str = ""
    former_use: str = ""
    temporary: bool = False
    committee_seat: bool = False


KIM_TRA_FACILITIES = (
    DemoFacility(
        "Trụ sở UBND phường Kim Trà",
        FacilityUse.OFFICE,
        "UBND phường Kim Trà",
        4200,
        1650,
        "địa bàn Hương Xuân cũ",
        "Lắp thêm điều hòa cho các phòng chuyên môn.",
        former_use="trụ sở UBND phường Hương Xuân cũ",
        committee_seat=True,
    ),
    DemoFacility(
        "Trụ sở Đảng ủy phường Kim Trà",
        FacilityUse.OFFICE,
        "Đảng ủy phường Kim Trà",
        3100,
        980,
        "địa bàn Hương Toàn cũ",
        former_use="trụ sở UBND xã Hương Toàn cũ",
    ),
    DemoFacility(
        "Trụ sở Ủy ban MTTQ Việt Nam phường Kim Trà",
        FacilityUse.OFFICE,
        "Ủy ban MTTQ Việt Nam phường Kim Trà",
        850,
        320,
        "địa bàn Hương Xuân cũ",
    ),
    DemoFacility(
        "Trụ sở Trung tâm Dịch vụ sự nghiệp công phường Kim Trà",
        FacilityUse.OFFICE,
        "Trung tâm Dịch vụ sự nghiệp công phường Kim Trà",
        1200,
        450,
        "địa bàn Hương Chữ cũ",
    ),
    DemoFacility(
        "Trụ sở Công an phường Kim Trà",
        FacilityUse.POLICE,
        "Công an phường Kim Trà",
        3600,
        1100,
        "địa bàn Hương Chữ cũ",
        former_use="trụ sở UBND phường Hương Chữ cũ",
    ),
    DemoFacility(
        "Trụ sở Ban Chỉ huy quân sự phường Kim Trà",
        FacilityUse.MILITARY,
        "Ban Chỉ huy quân sự phường Kim Trà",
        1500,
        420,
        "địa bàn Hương Xuân cũ",
        former_use="trụ sở Công an phường Hương Xuân cũ",
        temporary=True,
    ),
    DemoFacility(
        "Trạm Y tế phường Kim Trà (cơ sở Hương Xuân)",
        FacilityUse.HEALTH,
        "Trạm Y tế phường Kim Trà",
        2200,
        650,
        "địa bàn Hương Xuân cũ",
    ),
    DemoFacility(
        "Trạm Y tế phường Kim Trà (cơ sở Hương Chữ)",
        FacilityUse.HEALTH,
        "Trạm Y tế phường Kim Trà",
        1800,
        420,
        "địa bàn Hương Chữ cũ",
    ),
    DemoFacility(
        "Trạm Y tế phường Kim Trà (cơ sở Hương Toàn)",
        FacilityUse.HEALTH,
        "Trạm Y tế phường Kim Trà",
        1900,
        380,
        "địa bàn Hương Toàn cũ",
    ),
    DemoFacility(
        "Cơ sở Phòng khám đa khoa Km9",
        FacilityUse.SURPLUS,
        "",
        2600,
        780,
        "khu vực Km9",
        "Dôi dư do cơ quan, đơn vị bàn giao.",
        Handling.NOT_HANDLED,
    ),
)

# (name, land m², floor m²) of the 31 school sites, the satellite sites included.
KIM_TRA_SCHOOL_SITES = (
    ("Trường Mầm non Hương Xuân (điểm chính)", 2676, 727),
    ("Trường Mầm non Hương Xuân (điểm lẻ 1)", 896, 193),
    ("Trường Mầm non Hương Xuân (điểm lẻ 2)", 1041, 225),
    ("Trường Mầm non Hương Xuân (điểm lẻ 3)", 935, 202),
    ("Trường Mầm non Hương Xuân (điểm lẻ 4)", 1079, 233),
    ("Trường Mầm non Hương Chữ (điểm chính)", 2382, 647),
    ("Trường Mầm non Hương Chữ (điểm lẻ 1)", 1012, 218),
    ("Trường Mầm non Hương Chữ (điểm lẻ 2)", 915, 197),
    ("Trường Mầm non Hương Chữ (điểm lẻ 3)", 1060, 229),
    ("Trường Mầm non Hương Chữ (điểm lẻ 4)", 877, 189),
    ("Trường Mầm non Hương Toàn (điểm chính)", 2756, 749),
    ("Trường Mầm non Hương Toàn (điểm lẻ 1)", 944, 204),
    ("Trường Mầm non Hương Toàn (điểm lẻ 2)", 1031, 222),
    ("Trường Mầm non Hương Toàn (điểm lẻ 3)", 963, 208),
    ("Trường Mầm non Hương Toàn (điểm lẻ 4)", 896, 193),
    ("Trường Tiểu học Số 1 Hương Xuân (điểm chính)", 6937, 1571),
    ("Trường Tiểu học Số 1 Hương Xuân (điểm lẻ)", 2596, 403),
    ("Trường Tiểu học Số 2 Hương Xuân (điểm chính)", 7194, 1629),
    ("Trường Tiểu học Số 2 Hương Xuân (điểm lẻ)", 2382, 370),
    ("Trường Tiểu học Số 1 Hương Chữ (điểm chính)", 6744, 1527),
    ("Trường Tiểu học Số 1 Hương Chữ (điểm lẻ)", 2542, 395),
    ("Trường Tiểu học Số 2 Hương Chữ (điểm chính)", 7065, 1600),
    ("Trường Tiểu học Số 2 Hương Chữ (điểm lẻ)", 2435, 378),
    ("Trường Tiểu học Số 1 Hương Toàn (điểm chính)", 6616, 1498),
    ("Trường Tiểu học Số 1 Hương Toàn (điểm lẻ)", 2623, 407),
    ("Trường Tiểu học Số 2 Hương Toàn (điểm chính)", 6872, 1557),
    ("Trường Tiểu học Số 2 Hương Toàn (điểm lẻ)", 2676, 416),
    ("Trường Tiểu học Số 3 Hương Toàn", 5973, 1353),
    ("Trường THCS Hương Xuân", 13873, 2581),
    ("Trường THCS Hương Chữ", 12460, 2318),
    ("Trường THCS Hương Toàn", 14387, 2677),
)


def _school(name: str, land: int, floor: int, places: Sequence[str]) -> DemoFacility:
    place = next((p for p in places if p in name), "")
    school = name.split(" (")[0]
    return DemoFacility(name, FacilityUse.SCHOOL, school, land, floor, f"địa bàn {place} cũ" if place else "", ARRANGED)


def kim_tra_facilities() -> list[DemoFacility]:
    places = ("Hương Xuân", "Hương Chữ", "Hương Toàn")
    return [*KIM_TRA_FACILITIES, *(_school(n, land, floor, places) for n, land, floor in KIM_TRA_SCHOOL_SITES)]


def huong_tra_facilities() -> list[DemoFacility]:
    """35 made-up facilities of the second demo ward, areas from a fixed pattern."""
    offices = [
        DemoFacility(
            "Trụ sở UBND phường Hương Trà",
            FacilityUse.OFFICE,
            "UBND phường Hương Trà",
            5200,
            1900,
            former_use="trụ sở UBND phường Tứ Hạ cũ",
            committee_seat=True,
        ),
        DemoFacility("Trụ sở Đảng ủy phường Hương Trà", FacilityUse.OFFICE, "Đảng ủy phường Hương Trà", 2400, 760),
        DemoFacility(
            "Trụ sở Ủy ban MTTQ Việt Nam phường Hương Trà", FacilityUse.OFFICE, "Ủy ban MTTQ Việt Nam", 900, 310
        ),
        DemoFacility(
            "Trụ sở Trung tâm Dịch vụ sự nghiệp công phường Hương Trà",
            FacilityUse.OFFICE,
            "Trung tâm Dịch vụ sự nghiệp công",
            1350,
            480,
        ),
        DemoFacility("Trụ sở Công an phường Hương Trà", FacilityUse.POLICE, "Công an phường Hương Trà", 3300, 1050),
        DemoFacility(
            "Trụ sở Ban Chỉ huy quân sự phường Hương Trà", FacilityUse.MILITARY, "Ban Chỉ huy quân sự", 1700, 450
        ),
        DemoFacility(
            "Trụ sở UBND phường Hương Vân cũ",
            FacilityUse.SURPLUS,
            "",
            2900,
            860,
            notes="Dôi dư sau sắp xếp.",
            handling=Handling.PLAN_PROPOSED,
            handling_plan="Đề xuất chuyển đổi công năng làm nhà văn hóa tổ dân phố.",
        ),
    ]
    health = [
        DemoFacility(
            f"Trạm Y tế phường Hương Trà (cơ sở {p})", FacilityUse.HEALTH, "Trạm Y tế phường", 1600 + 150 * i, 400
        )
        for i, p in enumerate(("Tứ Hạ", "Hương Văn", "Hương Vân"))
    ]
    schools = [
        DemoFacility(
            f"Điểm trường {i:02d} phường Hương Trà",
            FacilityUse.SCHOOL,
            "Trường học trực thuộc",
            2400 + (i * 937) % 6000,
            500 + (i * 211) % 1400,
            notes=ARRANGED,
        )
        for i in range(1, 26)
    ]
    return offices + health + schools


def _facility_input(spec: DemoFacility, surveyed: bool) -> FacilityInput:
    return FacilityInput(
        name=spec.name,
        address=spec.address,
        use=spec.use,
        user_name=spec.user_name,
        land_m2=spec.land_m2,
        floor_m2=spec.floor_m2,
        surveyed=surveyed,
        cadastral_record=surveyed,
        handling=spec.handling,
        handling_plan=spec.handling_plan,
        held_from=FORMED,
        former_use=spec.former_use,
        temporary=spec.temporary,
        committee_seat=spec.committee_seat,
        notes=spec.notes,
    )


def load_facilities(ward: Ward, specs: Iterable[DemoFacility]) -> None:
    existing = {f.name: f for f in Facility.objects.filter(ward=ward)}
    for spec in specs:
        # Only the school sites were measured and recorded when they were arranged under Nghị định 167.
        data = _facility_input(spec, surveyed=spec.use == FacilityUse.SCHOOL)
        if spec.name in existing:
            facility_update(facility=existing[spec.name], data=data)
        else:
            facility_create(ward=ward, data=data)


# (kind, counted in, quantity, status): the centre's equipment as the weekly report of 18-23/8/2025 lists it.
CENTRE_EQUIPMENT = (
    ("Máy tính", "bộ", 8, EquipmentStatus.IN_PLACE),
    ("Máy in", "cái", 6, EquipmentStatus.IN_PLACE),
    ("Máy scan khổ A4", "cái", 2, EquipmentStatus.IN_PLACE),
    ("Máy tra cứu thông tin", "cái", 1, EquipmentStatus.IN_PLACE),
    ("Ti vi", "cái", 2, EquipmentStatus.IN_PLACE),
    ("Camera", "cái", 2, EquipmentStatus.IN_PLACE),
    ("Máy điều hòa", "cái", 3, EquipmentStatus.IN_PLACE),
    ("Cây nước nóng lạnh", "cái", 1, EquipmentStatus.IN_PLACE),
    ("Hệ thống Wi-Fi miễn phí", "hệ thống", 1, EquipmentStatus.IN_PLACE),
    ("Máy bấm số tự động", "cái", 0, EquipmentStatus.MISSING),
    ("Máy scan khổ A3", "cái", 0, EquipmentStatus.ON_ORDER),
)


def load_equipment(ward: Ward, unit: models.Model, rows: Sequence[tuple[str, str, int, str]]) -> None:
    existing = {i.kind: i for i in EquipmentItem.objects.filter(ward=ward, unit=unit)}
    for position, (kind, measure, quantity, status) in enumerate(rows, start=1):
        in_place = status == EquipmentStatus.IN_PLACE
        data = EquipmentInput(
            unit=unit,
            kind=kind,
            measure=measure,
            quantity=quantity,
            condition=EquipmentCondition.GOOD if in_place else "",
            status=status,
            position=position,
            notes="UBND phường đang đặt hàng mua sắm." if status == EquipmentStatus.ON_ORDER else "",
        )
        if kind in existing:
            equipment_update(item=existing[kind], data=data)
        else:
            equipment_create(ward=ward, data=data)


# The one-year review's spending from 01/7/2025 to 05/5/2026, in whole đồng.
KIM_TRA_SPENDING = {
    SpendingKind.DEVELOPMENT: 18_749_464_101,
    SpendingKind.RECURRENT: 181_436_650_545,
    SpendingKind.EQUIPMENT: 839_790_000,
}
# Made-up monthly shares: building work peaks before the year end, equipment was bought in a few months.
WEIGHTS = {
    SpendingKind.DEVELOPMENT: (2, 4, 6, 9, 11, 17, 5, 7, 10, 12, 3),
    SpendingKind.RECURRENT: (9, 9, 9, 10, 9, 13, 9, 8, 9, 10, 2),
    SpendingKind.EQUIPMENT: (5, 3, 0, 2, 0, 1, 0, 1, 0, 0, 0),
}


def demo_months(end: date) -> list[tuple[date, date]]:
    """Calendar months from 01/7/2025, the last one cut at `end`."""
    periods = []
    start = FORMED
    while start <= end:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        periods.append((start, min(end, date.fromordinal(following.toordinal() - 1))))
        start = following
    return periods


def split(total: int, weights: Sequence[int]) -> list[int]:
    """Whole parts of `total` in proportion to `weights`, adding up to `total` exactly."""
    parts = [total * w // sum(weights) for w in weights]
    last = max(range(len(weights)), key=lambda i: weights[i])
    parts[last] += total - sum(parts)
    return parts


def load_spending(ward: Ward, totals: dict[SpendingKind, int], end: date) -> None:
    months = demo_months(end)
    existing = {(s.kind, s.start): s for s in Spending.objects.filter(ward=ward)}
    for kind, total in totals.items():
        for (start, stop), amount in zip(months, split(total, WEIGHTS[kind]), strict=True):
            data = SpendingInput(kind=kind, start=start, end=stop, amount=amount)
            if (kind, start) in existing:
                spending_update(spending=existing[(kind, start)], data=data)
            else:
                spending_create(ward=ward, data=data)


def _centre(ward: Ward) -> models.Model:
    # The staffing demo, loaded first, makes the units; equipment hangs on the one-stop centre by its kind.
    units = EquipmentItem._meta.get_field("unit").related_model
    return units.objects.get(ward=ward, kind="one_stop_centre")


def load(wards: dict[str, Ward]) -> None:
    kim_tra, huong_tra = wards["kim-tra"], wards["huong-tra"]
    end = date(2026, 5, 5)
    load_facilities(kim_tra, kim_tra_facilities())
    load_equipment(kim_tra, _centre(kim_tra), CENTRE_EQUIPMENT)
    load_spending(kim_tra, KIM_TRA_SPENDING, end)
    load_facilities(huong_tra, huong_tra_facilities())
    load_equipment(
        huong_tra,
        _centre(huong_tra),
        [
            ("Máy tính", "bộ", 10, EquipmentStatus.IN_PLACE),
            ("Máy in", "cái", 7, EquipmentStatus.IN_PLACE),
            ("Máy scan khổ A4", "cái", 3, EquipmentStatus.IN_PLACE),
            ("Máy bấm số tự động", "cái", 1, EquipmentStatus.IN_PLACE),
            ("Máy điều hòa", "cái", 4, EquipmentStatus.IN_PLACE),
            ("Máy scan khổ A3", "cái", 0, EquipmentStatus.MISSING),
        ],
    )
    load_spending(
        huong_tra,
        {
            SpendingKind.DEVELOPMENT: 21_305_700_000,
            SpendingKind.RECURRENT: 196_842_115_000,
            SpendingKind.EQUIPMENT: 912_400_000,
        },
        end,
    )
