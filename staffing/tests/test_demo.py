"""The demo figures of Kim Trà are the one-year review's (footnotes 2 to 6)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.db import reset_queries

from staffing.figures import changes_over, figures_at, headline_at
from staffing.models import UnitKind
from wards.models import Ward
from wards.periods import DateRange

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings) -> dict[str, Ward]:
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # idempotent
    # Under DEBUG the loader's queries filled the connection's log to its limit, where a count of the
    # queries of a block always reads 0.
    reset_queries()
    return {ward.slug: ward for ward in Ward.objects.all()}


def test_kim_tra_civil_servants_46_then_43(demo) -> None:
    figures = figures_at(demo["kim-tra"], date(2026, 5, 1))
    assert figures.first.on == date(2025, 7, 1)
    assert figures.civil_servants_start == 46
    assert figures.first.military == 3
    assert figures.civil_servants_now == 43
    # The 43 leave the military command out, as the seed says, rather than counting it at 0.
    assert figures.first.includes_military and not figures.current.includes_military
    assert figures.current.line_of(UnitKind.MILITARY) is None


@pytest.mark.parametrize("on", [date(2025, 6, 30), date(2025, 7, 1), date(2026, 5, 1)])
def test_the_dashboard_headline_is_the_full_figures(demo, on: date, django_assert_num_queries) -> None:
    full = figures_at(demo["kim-tra"], on)
    with django_assert_num_queries(4):
        headline = headline_at(demo["kim-tra"], on)
    assert headline.civil_servants_now == full.civil_servants_now
    assert headline.civil_servants_start == full.civil_servants_start == 46
    assert headline.first_on == full.first.on
    assert headline.positions_short == full.positions_short == 8


def test_kim_tra_units_as_footnote_2(demo) -> None:
    current = figures_at(demo["kim-tra"], date(2026, 5, 1)).current
    breakdown = {
        line.unit: (line.total, line.heads, line.deputies, line.specialists)
        for line in current.lines
        if line.civil_servants
    }
    assert breakdown == {
        "Lãnh đạo HĐND và UBND phường": (6, 2, 3, 1),
        "Văn phòng HĐND và UBND": (11, 1, 1, 9),
        "Phòng Văn hóa - Xã hội": (10, 0, 2, 8),
        "Phòng Kinh tế, Hạ tầng và Đô thị": (9, 1, 1, 7),
        "Trung tâm Phục vụ hành chính công": (7, 0, 1, 6),
    }
    services = current.line("Trung tâm Dịch vụ sự nghiệp công")
    assert (services.public_employees, services.seconded_out) == (10, 2)
    assert current.line("Trạm Y tế phường").public_employees == 19


def test_kim_tra_positions_8_short(demo) -> None:
    positions = figures_at(demo["kim-tra"], date(2026, 5, 1)).positions
    assert (positions.leadership_quota, positions.professional_quota) == (8, 33)
    assert positions.professional_short == 8
    assert [(u.unit, u.quota, u.short) for u in positions.by_unit if u.short] == [
        ("Phòng Văn hóa - Xã hội", 8, 2),
        ("Phòng Kinh tế, Hạ tầng và Đô thị", 11, 4),
        ("", 3, 2),
    ]
    shared = positions.by_unit[-1]
    assert shared.short_names == ("Quản lý ứng dụng công nghệ thông tin và chuyển đổi số", "Kiểm tra chuyên ngành")


def test_kim_tra_schools_non_specialised_and_needs(demo) -> None:
    figures = figures_at(demo["kim-tra"], date(2026, 5, 1))
    assert figures.schools == 13
    assert [level.count for level in figures.schools_by_level] == [3, 7, 3]
    assert (figures.non_specialised_start, figures.non_specialised_left, figures.non_specialised_now) == (29, 27, 2)
    assert [(n.position, n.count) for n in figures.needs] == [
        ("Bác sĩ y học dự phòng", 2),
        ("Bác sĩ đa khoa", 2),
        ("Viên chức kế toán, hành chính", 1),
    ]


def test_kim_tra_annual_range(demo) -> None:
    changes = changes_over(demo["kim-tra"], DateRange(date(2025, 7, 1), date(2026, 5, 5)))
    assert (changes.civil_servants_opening, changes.civil_servants_closing, changes.civil_servants_change) == (
        46,
        43,
        -3,
    )


def test_huong_tra_has_plausible_figures(demo) -> None:
    figures = figures_at(demo["huong-tra"], date(2026, 5, 1))
    assert figures.civil_servants_start > figures.civil_servants_now > 0
    assert figures.positions_short > 0
