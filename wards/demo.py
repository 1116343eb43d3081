"""Demo tenancy: Huế, phường Kim Trà with the facts of the seed reports, phường Hương Trà
with made-up facts, and the demo users. Loaded by `manage.py load_demo`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .models import FigureLock, Role, SigningTitle, Ward, WardKind
from .services import WardFacts, account_upsert, city_upsert, membership_assign, ward_facts_update, ward_upsert

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


# The one-year review's religious and heritage facts and the day every case went online; the weekly
# report's systems.
KIM_TRA_FACTS = WardFacts(
    vice_chairs=2,
    buddhist_sites=18,
    village_pagodas=7,
    buddhist_halls=11,
    buddhist_halls_recognised=5,
    catholic_sites=1,
    relics_national=2,
    relics_city=6,
    all_cases_online_from=date(2025, 11, 1),
    information_systems=(
        "hệ thống giải quyết thủ tục hành chính một cửa điện tử (mcdt.hue.gov.vn)",
        "hệ thống quản lý văn bản điều hành (kimtra.hue.egov.vn)",
        "hệ thống họp trực tuyến (login.vnptmeeting.vnpt.com.vn)",
        "hệ thống thông tin báo cáo (baocao.hue.gov.vn)",
        "hệ thống khai thác, chia sẻ dữ liệu (cqs.hue.gov.vn)",
    ),
)
HUONG_TRA_FACTS = WardFacts(
    vice_chairs=2,
    buddhist_sites=21,
    village_pagodas=9,
    buddhist_halls=12,
    buddhist_halls_recognised=4,
    catholic_sites=2,
    relics_national=1,
    relics_city=5,
    information_systems=KIM_TRA_FACTS.information_systems[:1],
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
    ward_facts_update(ward=wards["kim-tra"], facts=KIM_TRA_FACTS)
    ward_facts_update(ward=wards["huong-tra"], facts=HUONG_TRA_FACTS)
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


@contextmanager
def figure_locks_set_aside(wards: dict[str, Ward]) -> Iterator[None]:
    """Reloading the demo figures rewrites ranges that the demo's approved reports locked: the locks are
    set aside while the same figures are written again, then put back (inside the command's transaction)."""
    kept = list(FigureLock.objects.filter(ward__in=wards.values()).values("ward_id", "start", "end", "key", "label"))
    FigureLock.objects.filter(key__in=[lock["key"] for lock in kept]).delete()
    yield
    FigureLock.objects.bulk_create([FigureLock(**lock) for lock in kept])
