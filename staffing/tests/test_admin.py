from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from wards.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["orgunit", "jobposition", "headcountsnapshot", "staffingneed", "stafffunction"])
def test_staffing_models_in_the_admin(model: str) -> None:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse(f"admin:staffing_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:staffing_{model}_add")).status_code == 200
