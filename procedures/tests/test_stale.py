"""No lost update on the TTHC week: two people saving the same week from pages opened at once."""

from __future__ import annotations

from datetime import date

from procedures.models import CaseVolume, ProcedureField
from wards.tests.factories import MembershipFactory
from wards.tests.stale import two_sessions

from .factories import CaseVolumeFactory
from .test_views import GOOD, WEEK, formset_data, url


def test_a_stale_week_is_refused_with_what_changed(ward, staff) -> None:
    first_field = ProcedureField.objects.filter(active=True).order_by("position", "name").first()
    CaseVolumeFactory(ward=ward, field=first_field, received=10, resolved=7)
    colleague = MembershipFactory(ward=ward, user__first_name="Lan", user__last_name="Trần Thị")
    raised = {**GOOD, "received": 12, "received_online": 12, "in_progress_on_time": 5}
    typed = {
        **GOOD,
        "received": 10,
        "received_online": 10,
        "returned": 6,
        "resolved_on_time": 6,
        "in_progress_on_time": 4,
    }
    content = two_sessions(
        colleague,
        staff,
        url(ward, "week", WEEK),
        first_data=formset_data({0: raised}),
        second_data=formset_data({0: typed}),
    )
    entry = CaseVolume.objects.get(ward=ward, field=first_field, start=date(2025, 8, 18))
    assert entry.received == 12, "the first save stays"
    assert f"{first_field.name}: " in content
    assert "10 → 12" in content
    assert "Trần Thị Lan" in content
    assert 'value="6"' in content, "what the second person typed is kept"


def test_a_week_entered_by_someone_else_in_between_is_refused(ward, staff) -> None:
    colleague = MembershipFactory(ward=ward)
    content = two_sessions(
        colleague,
        staff,
        url(ward, "week", WEEK),
        first_data=formset_data({0: GOOD}),
        second_data=formset_data({1: GOOD}),
    )
    assert CaseVolume.objects.filter(ward=ward).count() == 1
    assert "được thêm mới" in content
