"""No lost update on the staffing tables and snapshots: two people saving the same page at once."""

from __future__ import annotations

from datetime import date

import pytest

from staffing.models import HeadcountLine, JobPosition, OrgUnit, StaffingNeed
from wards.tests.factories import MembershipFactory
from wards.tests.stale import two_sessions

from .factories import HeadcountLineFactory, JobPositionFactory, OrgUnitFactory, StaffingNeedFactory
from .test_views import snapshot_post, table_post, url

pytestmark = pytest.mark.django_db


def _position_row(position: JobPosition, **values: object) -> dict[str, object]:
    row = {
        "id": position.pk,
        "unit": position.unit.pk,
        "name": position.name,
        "category": "professional",
        "quota": position.quota,
        "filled": position.filled,
        "order": 0,
    }
    return row | values


def test_a_quota_raised_in_between_is_not_undone_by_a_stale_page(ward, staff) -> None:
    position = JobPositionFactory(ward=ward, quota=2, filled=1, name="Địa chính")
    colleague = MembershipFactory(ward=ward, user__first_name="Lan", user__last_name="Trần Thị")
    content = two_sessions(
        colleague,
        staff,
        url(ward, "positions_edit"),
        first_data=table_post([_position_row(position, quota=3)], 1),
        second_data=table_post([_position_row(position, filled=2)], 1),
    )
    position.refresh_from_db()
    assert (position.quota, position.filled) == (3, 1), "the first save stays, nothing of the second"
    assert "Địa chính" in content and "2 → 3" in content and "Trần Thị Lan" in content
    assert 'name="rows-0-filled" value="2"' in content, "what the second person typed is kept"


def test_a_need_deleted_in_between_is_named_not_silently_lost(ward, staff) -> None:
    need = StaffingNeedFactory(ward=ward, position="Bác sĩ đa khoa", count=2)
    row = {"id": need.pk, "unit": need.unit.pk, "position": need.position, "stated_on": "2026-05-05"}
    content = two_sessions(
        MembershipFactory(ward=ward),
        staff,
        url(ward, "needs_edit"),
        first_data=table_post([{**row, "count": 2, "DELETE": "on"}], 1),
        second_data=table_post([{**row, "count": 3}], 1),
    )
    assert not StaffingNeed.objects.exists()
    assert "đã bị xoá" in content


def test_a_stale_units_table_is_refused(ward, staff) -> None:
    unit = OrgUnitFactory(ward=ward, name="Phòng Kinh tế")
    row = {"id": unit.pk, "kind": "agency", "school_level": "", "order": 1}
    content = two_sessions(
        MembershipFactory(ward=ward),
        staff,
        url(ward, "units_edit"),
        first_data=table_post([{**row, "name": "Phòng Kinh tế, Hạ tầng và Đô thị"}], 1),
        second_data=table_post([{**row, "name": "Phòng Kinh tế (sửa)"}], 1),
    )
    assert OrgUnit.objects.get(pk=unit.pk).name == "Phòng Kinh tế, Hạ tầng và Đô thị"
    assert "Phòng Kinh tế → Phòng Kinh tế, Hạ tầng và Đô thị" in content
    assert "Phòng Kinh tế (sửa)" in content


def test_a_stale_snapshot_is_refused_with_the_changed_line(ward, staff) -> None:
    line = HeadcountLineFactory(snapshot__ward=ward, snapshot__on=date(2026, 4, 30), total=5, unit__name="Văn phòng")
    counts = {"heads": 1, "deputies": 1}
    content = two_sessions(
        MembershipFactory(ward=ward),
        staff,
        url(ward, "snapshot_edit", on="2026-04-30"),
        first_data=snapshot_post(
            date(2026, 4, 30), [line.unit], [{**counts, "total": 6, "specialists": 4, "civil_servants": 6}]
        ),
        second_data=snapshot_post(
            date(2026, 4, 30), [line.unit], [{**counts, "total": 7, "specialists": 5, "civil_servants": 7}]
        ),
    )
    assert HeadcountLine.objects.get().total == 6
    assert "Văn phòng" in content and "5 → 6" in content
    assert 'value="7"' in content
