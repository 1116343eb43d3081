from __future__ import annotations

from collections.abc import Iterator

import pytest

from reports.demo import load
from reports.tests.seed_providers import seed_providers
from wards.models import Ward


@pytest.fixture
def seeds() -> Iterator[None]:
    with seed_providers():
        yield


@pytest.fixture
def demo_indicators(ward: Ward, other_ward: Ward) -> None:
    load({"kim-tra": ward, "huong-tra": other_ward})
