"""Every validation rule of a case-volume entry and of the catalogue (DESIGN §4), with its message."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from procedures.models import ProcedureField
from procedures.services import catalogue_save

from .factories import CaseVolumeFactory


def errors_of(**overrides: Any) -> dict[str, list[str]]:
    entry = CaseVolumeFactory.build(**overrides)
    entry.ward.city.save()
    entry.ward.save()
    entry.field.save()
    with pytest.raises(ValidationError) as raised:
        entry.full_clean()
    return raised.value.message_dict


def test_seed_fields_are_migrated(db: None) -> None:
    names = list(ProcedureField.objects.values_list("name", flat=True))
    assert names[:2] == ["Bảo trợ xã hội", "Chứng thực"]
    assert len(names) == 9


def test_consistent_entry_is_valid(ward) -> None:
    CaseVolumeFactory.build(ward=ward, field=ProcedureField.objects.first()).full_clean()


def test_negative_count(db: None) -> None:
    assert "returned" in errors_of(returned=-1)


def test_absurd_count(db: None) -> None:
    assert "received" in errors_of(received=1_000_000)


def test_end_before_start(db: None) -> None:
    assert "end" in errors_of(start=date(2025, 8, 23), end=date(2025, 8, 18))


def test_period_longer_than_a_year(db: None) -> None:
    assert "end" in errors_of(start=date(2025, 1, 1), end=date(2026, 6, 1))


def test_statuses_must_add_up_to_received_in_vietnamese(db: None) -> None:
    with translation.override("vi"):
        errors = errors_of(in_progress_on_time=5)
    assert errors["received"] == ["Các tình trạng cộng lại được 13, không bằng 10 hồ sơ tiếp nhận."]


def test_on_time_plus_late_must_equal_the_decided_statuses(db: None) -> None:
    assert "resolved_on_time" in errors_of(resolved_late=1)


@pytest.mark.parametrize(
    ("part", "value"),
    [("received_online", 11), ("digitised", 11), ("fee_bearing", 11), ("e_results", 9)],
)
def test_part_larger_than_its_whole(db: None, part: str, value: int) -> None:
    assert part in errors_of(**{part: value})


def test_paid_online_larger_than_fee_bearing(db: None) -> None:
    assert "paid_online" in errors_of(fee_bearing=3, paid_online=4)


def test_catalogue_parts_cannot_exceed_total(ward) -> None:
    with pytest.raises(ValidationError) as raised:
        catalogue_save(
            ward=ward,
            as_of=date(2026, 5, 5),
            procedures=424,
            fully_online=300,
            partly_online=200,
            boundary_free_cases=0,
        )
    assert "partly_online" in raised.value.message_dict
