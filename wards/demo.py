"""Demo tenancy: Huế, phường Kim Trà with the facts of the seed reports, phường Hương Trà
with made-up facts, and the demo users. Loaded by `manage.py load_demo`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .models import Role, SigningTitle, Ward, WardKind
from .services import account_upsert, city_upsert, membership_assign, ward_upsert

DEMO_PASSWORD = "demo-Kimtra-2025"  # noqa: S105 (published in DESIGN §8; load_demo needs DEBUG)
LEGAL_BASIS = (
    "Nghị quyết số 1675/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội "
    "về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Huế năm 2025"
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    last_name: str
    first_name: str
    role: Role
    ward_slug: str | None = None
    signing_title: str = ""


DEMO_USERS = (
    DemoUser("kimtra.canbo", "Nguyễn Thị", "Hoa", Role.STAFF, "kim-tra"),
    DemoUser("kimtra.chutich", "Hồ Lê Hoàng", "Thịnh", Role.LEADER, "kim-tra", SigningTitle.CHU_TICH),
    DemoUser("kimtra.phochutich", "Mai Văn", "Xuân", Role.LEADER, "kim-tra", SigningTitle.PHO_CHU_TICH),
    DemoUser("sonoivu", "Trần Văn", "Minh", Role.CITY),
    DemoUser("huongtra.canbo", "Lê Thị", "Thu", Role.STAFF, "huong-tra"),
)


def load() -> dict[str, Ward]:
    city = city_upsert(name="Huế")
    wards = {
        "kim-tra": ward_upsert(
            city=city,
            name="Kim Trà",
            kind=WardKind.PHUONG,
            area_km2=Decimal("42.80"),
            population=36_296,
            formed_on=date(2025, 7, 1),
            legal_basis=LEGAL_BASIS,
            former_units=["phường Hương Xuân", "phường Hương Chữ", "xã Hương Toàn"],
            residential_groups=27,
        ),
        "huong-tra": ward_upsert(
            city=city,
            name="Hương Trà",
            kind=WardKind.PHUONG,
            area_km2=Decimal("108.35"),
            population=41_870,
            formed_on=date(2025, 7, 1),
            legal_basis=LEGAL_BASIS,
            former_units=["phường Tứ Hạ", "phường Hương Văn", "phường Hương Vân"],
            residential_groups=33,
            is_demo=True,
        ),
    }
    for spec in DEMO_USERS:
        user = account_upsert(
            username=spec.username, first_name=spec.first_name, last_name=spec.last_name, password=DEMO_PASSWORD
        )
        membership_assign(
            user=user,
            role=spec.role,
            ward=wards[spec.ward_slug] if spec.ward_slug else None,
            city=None if spec.ward_slug else city,
            signing_title=spec.signing_title,
        )
    return wards
