"""Demo: every demo ward owes both regimes from the day it was formed."""

from __future__ import annotations

from collections.abc import Iterable

from wards.models import Ward

from .models import ExpectedWard, Regime


def load(wards: Iterable[Ward]) -> None:
    wards = list(wards)
    for regime in Regime.objects.all():
        known = set(ExpectedWard.objects.filter(regime=regime).values_list("ward_id", flat=True))
        missing = [
            ExpectedWard(regime=regime, ward=ward, start=ward.formed_on) for ward in wards if ward.pk not in known
        ]
        for expected in missing:
            expected.full_clean()
        ExpectedWard.objects.bulk_create(missing)
