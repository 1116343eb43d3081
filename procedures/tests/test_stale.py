"""No lost update on the TTHC week: two people saving the same week from pages opened at once."""

from __future__ import annotations

from datetime import date

from procedures.models import CaseVolume, ProcedureCatalogue, ProcedureField
from wards.tests.factories import MembershipFactory
from wards.tests.permissions import client_for
from wards.tests.stale import two_sessions

from .factories import CaseVolumeFactory, ProcedureFieldFactory
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


CATALOGUE = {"procedures": 120, "fully_online": 90, "partly_online": 30, "eligible_fully_online": 100}


def test_a_catalogue_saved_from_a_stale_page_is_refused_with_what_changed(ward, staff) -> None:
    """The form may replace the row of its date: two people recording the same date from pages opened at
    once, the second is refused (nothing replaced) and sees the first's figures."""
    colleague = MembershipFactory(ward=ward, user__first_name="Lan", user__last_name="Trần Thị")
    content = two_sessions(
        colleague,
        staff,
        url(ward, "catalogue"),
        first_data={**CATALOGUE, "as_of": "2025-08-01", "boundary_free_cases": 4},
        second_data={
            **CATALOGUE,
            "as_of": "2025-08-01",
            "fully_online": 95,
            "partly_online": 25,
            "boundary_free_cases": 7,
        },
    )
    stored = ProcedureCatalogue.objects.get(ward=ward, as_of=date(2025, 8, 1))
    assert (stored.fully_online, stored.boundary_free_cases) == (90, 4), "the first save stays"
    assert "01/08/2025: được thêm mới" in content
    assert "Trần Thị Lan" in content
    assert 'value="95"' in content and 'value="7"' in content, "what the second person typed is kept"


def test_a_catalogue_row_changed_meanwhile_is_named_old_to_new(ward, staff) -> None:
    ProcedureCatalogue.objects.create(
        ward=ward, as_of=date(2025, 7, 1), procedures=110, fully_online=80, partly_online=30
    )
    content = two_sessions(
        staff,
        staff,
        url(ward, "catalogue"),
        first_data={**CATALOGUE, "as_of": "2025-07-01", "fully_online": 85, "boundary_free_cases": 0},
        second_data={**CATALOGUE, "as_of": "2025-07-01", "fully_online": 88, "boundary_free_cases": 0},
    )
    assert "80 → 85" in content
    assert ProcedureCatalogue.objects.get(ward=ward, as_of=date(2025, 7, 1)).fully_online == 85


def test_a_page_that_listed_other_fields_saves_nothing_and_keeps_what_was_typed(ward, staff) -> None:
    """A field added since the page was opened (or a tampered form): the rows no longer match the table."""
    page = client_for(staff).get(url(ward, "week", WEEK)).content.decode()
    assert "form-TOTAL_FORMS" in page
    typed = {
        **GOOD,
        "received": 7,
        "received_online": 7,
        "in_progress_on_time": 0,
        "returned": 7,
        "resolved_on_time": 7,
    }
    data = formset_data({0: typed})
    ProcedureFieldFactory(name="Lĩnh vực mới", position=0)
    response = client_for(staff).post(url(ward, "week", WEEK), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Danh sách lĩnh vực đã thay đổi" in content and 'value="7"' in content
    assert not CaseVolume.objects.filter(ward=ward).exists()


def test_a_post_without_the_table_saves_nothing(ward, staff) -> None:
    response = client_for(staff).post(url(ward, "week", WEEK), {"form-0-received": "5"})
    assert response.status_code == 200
    assert not CaseVolume.objects.filter(ward=ward).exists()
