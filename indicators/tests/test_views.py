from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from indicators.models import IndicatorValue
from indicators.services import indicator_values_save
from wards.periods import DateRange
from wards.tests.permissions import assert_permission_matrix, client_for

pytestmark = pytest.mark.django_db


def test_indicator_form_matrix(ward, staff, leader, home_affairs, other_staff) -> None:
    url = reverse("indicators:values", kwargs={"ward": ward.slug}) + "?start=2025-07-01&end=2025-12-31"
    assert_permission_matrix(url, allowed=[staff, leader, home_affairs], outsider=other_staff)
    assert_permission_matrix(
        url,
        allowed=[staff, leader],
        forbidden=[home_affairs],
        outsider=other_staff,
        method="post",
        data={"docs.plans": "257"},
        ok_status=(302,),
    )
    value = IndicatorValue.objects.get(ward=ward, indicator__code="docs.plans")
    assert (value.start, value.end, value.value) == (date(2025, 7, 1), date(2025, 12, 31), 257)


def test_values_show_the_vietnamese_way(ward, staff) -> None:
    indicator_values_save(
        ward=ward,
        period=DateRange(date(2025, 7, 1), date(2025, 12, 31)),
        values={"docs.decisions": Decimal(898), "digital.smartphone_users": Decimal("80.5")},
    )
    url = reverse("indicators:values", kwargs={"ward": ward.slug}) + "?start=2025-07-01&end=2025-12-31"
    content = client_for(staff).get(url).content.decode()
    assert 'value="898"' in content and 'value="80,5"' in content
    assert "898.00" not in content


def test_the_page_opens_on_the_latest_period_entered(ward, staff) -> None:
    url = reverse("indicators:values", kwargs={"ward": ward.slug})
    client = client_for(staff)
    client.post(f"{url}?start=2026-01-01&end=2026-05-05", {"docs.plans": "250"})
    response = client.get(url)
    assert response.context["period"] == DateRange(date(2026, 1, 1), date(2026, 5, 5))
    assert response.context["form"]["docs.plans"].value() == "250"  # shown the Vietnamese way
