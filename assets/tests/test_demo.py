"""The demo data reproduce the seeds' figures (DESIGN §10, issue 5)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from assets.demo import split
from assets.figures import figures_for
from assets.models import Facility, Spending
from wards.formatting import vi_area, vi_money
from wards.models import Ward

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings) -> None:
    settings.DEBUG = True
    call_command("load_demo", stdout=None)


def test_kim_tra_figures_are_the_seed_figures(demo) -> None:
    figures = figures_for(Ward.objects.get(slug="kim-tra"), date(2025, 7, 1), date(2026, 5, 5))
    assets = figures.assets

    assert assets.facilities == 41
    assert (assets.offices, assets.police, assets.military, assets.school_sites, assets.health, assets.surplus) == (
        4,
        1,
        1,
        31,
        3,
        1,
    )
    assert vi_area(assets.land_m2) == "145.788 m²"
    assert vi_area(assets.floor_m2) == "32.466 m²"
    assert vi_area(assets.total_m2) == "178.254 m²"
    assert assets.surplus_not_handled_names == ("Cơ sở Phòng khám đa khoa Km9",)
    # Only the school sites arranged under Nghị định 167/2017 are surveyed and recorded.
    assert assets.not_surveyed == assets.without_cadastral_record == 10

    assert vi_money(figures.spending.development) == "18.749.464.101 đồng"
    assert vi_money(figures.spending.recurrent) == "181.436.650.545 đồng"
    assert vi_money(figures.spending.equipment) == "839.790.000 đồng"
    assert figures.spending.fully_covered


def test_kim_tra_centre_equipment_is_the_weekly_seed_list(demo) -> None:
    figures = figures_for(Ward.objects.get(slug="kim-tra"), date(2025, 8, 18), date(2025, 8, 23))
    centre = figures.equipment_of("one_stop_centre")

    assert {line.kind: line.quantity for line in centre.items} == {
        "Máy tính": 8,
        "Máy in": 6,
        "Máy scan khổ A4": 2,
        "Máy tra cứu thông tin": 1,
        "Ti vi": 2,
        "Camera": 2,
        "Máy điều hòa": 3,
        "Cây nước nóng lạnh": 1,
        "Hệ thống Wi-Fi miễn phí": 1,
    }
    assert [(m.kind, m.on_order) for m in centre.missing] == [("Máy bấm số tự động", False), ("Máy scan khổ A3", True)]


def test_load_demo_is_idempotent(demo, settings) -> None:
    counts = (Facility.objects.count(), Spending.objects.count(), Facility.history.count())
    call_command("load_demo", stdout=None)
    assert (Facility.objects.count(), Spending.objects.count(), Facility.history.count()) == counts


def test_huong_tra_is_plausible_demo_data(demo) -> None:
    ward = Ward.objects.get(slug="huong-tra")
    figures = figures_for(ward, date(2025, 7, 1), date(2026, 5, 5))
    assert ward.is_demo
    assert figures.assets.facilities == 35
    assert figures.assets.surplus_plan_proposed == 1
    assert figures.spending.recurrent > figures.spending.development > figures.spending.equipment > 0


def test_split_adds_up_exactly() -> None:
    parts = split(839_790_000, (5, 3, 0, 2))
    assert sum(parts) == 839_790_000
    assert parts[2] == 0
