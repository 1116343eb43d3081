from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from staffing.models import HeadcountSnapshot
from staffing.services import headcount_snapshot_save
from wards.tests.locks import LABEL, lock
from wards.tests.permissions import client_for

from .factories import HeadcountSnapshotFactory


def test_a_snapshot_dated_in_a_locked_range_is_refused(ward) -> None:
    lock(ward, date(2025, 7, 1), date(2026, 5, 5))
    with pytest.raises(ValidationError) as raised:
        headcount_snapshot_save(
            ward=ward, on=date(2026, 5, 1), non_specialised_workers=29, non_specialised_left=27, lines=[]
        )
    assert LABEL in raised.value.messages[0]
    assert not HeadcountSnapshot.objects.exists()
    headcount_snapshot_save(
        ward=ward, on=date(2026, 5, 6), non_specialised_workers=29, non_specialised_left=27, lines=[]
    )


def test_moving_a_locked_snapshot_out_of_the_range_is_refused(ward) -> None:
    HeadcountSnapshotFactory(ward=ward, on=date(2025, 8, 20))
    lock(ward, date(2025, 8, 18), date(2025, 8, 23))
    with pytest.raises(ValidationError):
        headcount_snapshot_save(
            ward=ward,
            on=date(2025, 9, 1),
            non_specialised_workers=1,
            non_specialised_left=0,
            lines=[],
            replacing=date(2025, 8, 20),
        )
    assert HeadcountSnapshot.objects.get(ward=ward).on == date(2025, 8, 20)


def test_the_snapshot_form_shows_the_lock_up_front_and_read_only(ward, staff) -> None:
    HeadcountSnapshotFactory(ward=ward, on=date(2025, 8, 20))
    HeadcountSnapshotFactory(ward=ward, on=date(2025, 9, 1))
    lock(ward, date(2025, 8, 18), date(2025, 8, 23))
    client = client_for(staff)
    save = '<button type="submit" class="btn btn-primary">'

    def page(on: str) -> str:
        return client.get(reverse("staffing:snapshot_edit", kwargs={"ward": ward.slug, "on": on})).content.decode()

    locked = page("2025-08-20")
    assert f"Số liệu đã khóa theo {LABEL}" in locked
    assert '<fieldset class="border-0 p-0 m-0" disabled>' in locked
    assert save not in locked
    # A new snapshot's date is typed in the form: the service refuses a locked one when it is saved.
    new = client.get(reverse("staffing:snapshot_new", kwargs={"ward": ward.slug})).content.decode()
    for open_page in (page("2025-09-01"), new):
        assert 'id="figure-lock"' not in open_page
        assert save in open_page
