"""Every validation rule: negative counts, breakdowns that do not add up, units of another ward,
duplicate dates, schools without a level, and nothing saved partly."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from staffing.forms import LineForm, PositionForm, SnapshotForm
from staffing.models import HeadcountLine, HeadcountSnapshot, JobPosition, UnitKind
from staffing.services import LineInput, headcount_snapshot_save, job_position_upsert, org_unit_upsert

from .factories import HeadcountLineFactory, HeadcountSnapshotFactory, JobPositionFactory, OrgUnitFactory

pytestmark = pytest.mark.django_db

GOOD = {"total": 11, "heads": 1, "deputies": 1, "specialists": 9, "civil_servants": 11}


def test_good_line_is_accepted(ward) -> None:
    form = LineForm(data=GOOD, unit=OrgUnitFactory(ward=ward))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["public_employees"] == 0  # blank cells mean nobody


def test_negative_count_is_refused() -> None:
    form = LineForm(data={**GOOD, "heads": -1, "specialists": 11})
    assert not form.is_valid()
    assert "heads" in form.errors


def test_role_breakdown_must_add_up_to_the_total() -> None:
    form = LineForm(data={**GOOD, "specialists": 8})
    assert not form.is_valid()
    assert "cộng lại là 10, không bằng tổng số 11" in form.errors["specialists"][0]


def test_status_breakdown_must_add_up_to_the_total() -> None:
    form = LineForm(data={**GOOD, "civil_servants": 10})
    assert not form.is_valid()
    assert "contract_workers" in form.errors


def test_more_seconded_out_than_people_is_refused() -> None:
    form = LineForm(data={**GOOD, "seconded_out": 12})
    assert not form.is_valid()
    assert "seconded_out" in form.errors


def test_snapshot_form_refuses_negative_non_specialised_workers() -> None:
    form = SnapshotForm(data={"on": "2026-05-01", "non_specialised_workers": -2, "non_specialised_left": 27})
    assert not form.is_valid()
    assert "non_specialised_workers" in form.errors


def test_model_refuses_a_breakdown_that_does_not_add_up(ward) -> None:
    line = HeadcountLineFactory.build(snapshot=HeadcountSnapshotFactory(ward=ward), unit=OrgUnitFactory(ward=ward))
    line.heads = 3
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert "specialists" in error.value.message_dict


def test_snapshot_is_saved_whole_or_not_at_all(ward) -> None:
    good, bad = OrgUnitFactory(ward=ward), OrgUnitFactory(ward=ward)
    with pytest.raises(ValidationError):
        headcount_snapshot_save(
            ward=ward,
            on=date(2026, 5, 1),
            non_specialised_workers=2,
            non_specialised_left=27,
            lines=[
                LineInput(unit=good, total=2, heads=1, specialists=1, civil_servants=2),
                LineInput(unit=bad, total=2, heads=1, specialists=0, civil_servants=2),
            ],
        )
    assert not HeadcountSnapshot.objects.exists()
    assert not HeadcountLine.objects.exists()


def test_snapshot_refuses_units_of_another_ward(ward, other_ward) -> None:
    with pytest.raises(ValidationError):
        headcount_snapshot_save(
            ward=ward,
            on=date(2026, 5, 1),
            non_specialised_workers=0,
            non_specialised_left=0,
            lines=[LineInput(unit=OrgUnitFactory(ward=other_ward), total=1, heads=1, civil_servants=1)],
        )
    assert not HeadcountSnapshot.objects.exists()


def test_snapshot_date_must_be_unique_per_ward(ward) -> None:
    HeadcountSnapshotFactory(ward=ward, on=date(2026, 5, 1))
    moved = HeadcountSnapshotFactory(ward=ward, on=date(2026, 4, 1))
    with pytest.raises(ValidationError) as error:
        headcount_snapshot_save(
            ward=ward,
            on=date(2026, 5, 1),
            non_specialised_workers=0,
            non_specialised_left=0,
            lines=[],
            replacing=moved.on,
        )
    assert "on" in error.value.message_dict


def test_saving_again_updates_and_zero_lines_are_removed(ward) -> None:
    unit = OrgUnitFactory(ward=ward)
    kwargs = {"ward": ward, "on": date(2026, 5, 1), "non_specialised_workers": 2, "non_specialised_left": 27}
    headcount_snapshot_save(**kwargs, lines=[LineInput(unit=unit, total=3, heads=1, specialists=2, civil_servants=3)])
    headcount_snapshot_save(**kwargs, lines=[LineInput(unit=unit)])
    assert HeadcountSnapshot.objects.count() == 1
    assert not HeadcountLine.objects.exists()


def test_school_needs_a_level_and_only_schools_have_one(ward) -> None:
    with pytest.raises(ValidationError):
        org_unit_upsert(ward=ward, name="Trường Mầm non A", kind=UnitKind.SCHOOL)
    with pytest.raises(ValidationError):
        org_unit_upsert(ward=ward, name="Phòng A", kind=UnitKind.AGENCY, school_level="THCS")


def test_position_filled_above_quota_is_accepted_and_flagged(ward) -> None:
    position = job_position_upsert(ward=ward, unit=None, name="Kế toán", category="professional", quota=1, filled=2)
    assert position.over_quota
    assert position.short == 0


def test_position_refuses_negative_quota(ward) -> None:
    form = PositionForm(
        data={"name": "Kế toán", "category": "professional", "quota": -1, "filled": 0, "order": 0}, ward=ward
    )
    assert not form.is_valid()
    assert "quota" in form.errors


def test_position_refuses_a_unit_of_another_ward(ward, other_ward) -> None:
    position = JobPositionFactory.build(ward=ward, unit=OrgUnitFactory(ward=other_ward))
    with pytest.raises(ValidationError) as error:
        position.full_clean()
    assert "unit" in error.value.message_dict
    assert not JobPosition.objects.exists()


def test_a_count_without_the_military_command_refuses_its_line(ward) -> None:
    military = OrgUnitFactory(ward=ward, kind=UnitKind.MILITARY)
    line = LineInput(unit=military, total=3, heads=1, deputies=1, specialists=1, civil_servants=3)
    with pytest.raises(ValidationError) as error:
        headcount_snapshot_save(
            ward=ward,
            on=date(2026, 5, 1),
            non_specialised_workers=2,
            non_specialised_left=27,
            includes_military=False,
            lines=[line],
        )
    assert "unit" in error.value.message_dict
    assert not HeadcountSnapshot.objects.exists()


def test_a_ward_has_one_one_stop_centre(ward) -> None:
    org_unit_upsert(ward=ward, name="Trung tâm Phục vụ hành chính công", kind=UnitKind.ONE_STOP_CENTRE)
    with pytest.raises(ValidationError) as error:
        org_unit_upsert(ward=ward, name="Trung tâm thứ hai", kind=UnitKind.ONE_STOP_CENTRE)
    assert "kind" in error.value.message_dict


def test_only_a_shared_position_is_placed_in_a_unit(ward) -> None:
    unit = OrgUnitFactory(ward=ward)
    with pytest.raises(ValidationError) as error:
        job_position_upsert(
            ward=ward, unit=unit, name="Kế toán", category="professional", quota=1, filled=1, placed_in=unit
        )
    assert "placed_in" in error.value.message_dict
    shared = job_position_upsert(
        ward=ward, unit=None, name="Kế toán", category="professional", quota=1, filled=1, placed_in=unit
    )
    assert shared.placed_in == unit
