"""No lost update on the indicator values of a period: two people saving the same form at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.urls import reverse

from indicators.models import IndicatorValue
from indicators.services import indicator_values_save
from wards.periods import DateRange
from wards.tests.factories import MembershipFactory
from wards.tests.stale import two_sessions


def test_stale_indicator_values_are_refused_with_what_changed(ward, staff) -> None:
    period = DateRange(date(2025, 7, 1), date(2025, 12, 31))
    indicator_values_save(ward=ward, period=period, values={"docs.plans": Decimal(250)})
    colleague = MembershipFactory(ward=ward, user__first_name="Lan", user__last_name="Trần Thị")
    url = reverse("indicators:values", kwargs={"ward": ward.slug}) + "?start=2025-07-01&end=2025-12-31"
    content = two_sessions(colleague, staff, url, first_data={"docs.plans": "257"}, second_data={"docs.plans": "263"})
    assert IndicatorValue.objects.get(ward=ward, indicator__code="docs.plans").value == 257
    assert "250 → 257" in content
    assert "Trần Thị Lan" in content
    assert 'value="263"' in content, "what the second person typed is kept"


def test_a_value_removed_in_between_is_named(ward, staff) -> None:
    period = DateRange(date(2025, 7, 1), date(2025, 12, 31))
    indicator_values_save(ward=ward, period=period, values={"docs.plans": Decimal(250)})
    url = reverse("indicators:values", kwargs={"ward": ward.slug}) + "?start=2025-07-01&end=2025-12-31"
    content = two_sessions(
        MembershipFactory(ward=ward), staff, url, first_data={"docs.plans": ""}, second_data={"docs.plans": "263"}
    )
    assert not IndicatorValue.objects.filter(ward=ward).exists()
    assert "đã bị xoá" in content
