from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from indicators.services import indicator_values_save
from wards.periods import DateRange
from wards.tests.locks import LABEL, lock

pytestmark = pytest.mark.django_db


def test_overlapping_flow_periods_are_refused(ward) -> None:
    indicator_values_save(
        ward=ward, period=DateRange(date(2025, 7, 1), date(2025, 12, 31)), values={"docs.plans": Decimal(1)}
    )
    with pytest.raises(ValidationError) as raised:
        indicator_values_save(
            ward=ward, period=DateRange(date(2025, 12, 1), date(2026, 1, 31)), values={"docs.plans": Decimal(2)}
        )
    assert "docs.plans" in raised.value.message_dict


def test_indicator_values_of_a_locked_period_are_refused(ward) -> None:
    lock(ward, date(2025, 7, 1), date(2025, 12, 31))
    with pytest.raises(ValidationError) as raised:
        indicator_values_save(
            ward=ward, period=DateRange(date(2025, 12, 1), date(2025, 12, 31)), values={"docs.plans": Decimal(2)}
        )
    assert LABEL in raised.value.messages[0]
