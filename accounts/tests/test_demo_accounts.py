from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from django.urls import reverse

from accounts.checks import demo_accounts_refused, demo_without_second_factor_needs_debug
from wards.demo import DEMO_PASSWORD
from wards.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_production_refuses_the_demo_accounts(settings) -> None:
    settings.DEBUG = False
    user = UserFactory(username="kimtra.chutich")
    with pytest.raises(SystemCheckError, match=r"accounts\.E001"):
        call_command("check", "--database", "default")
    # Once deactivated (never deleted) they no longer stop the installation.
    user.is_active = False
    user.save()
    assert demo_accounts_refused(databases=["default"]) == []


def test_the_check_passes_without_demo_accounts_or_with_debug(settings) -> None:
    UserFactory(username="nguyen.van.a")
    settings.DEBUG = False
    assert demo_accounts_refused(databases=["default"]) == []
    UserFactory(username="sonoivu")
    assert [e.id for e in demo_accounts_refused(databases=["default"])] == ["accounts.E001"]
    settings.DEBUG = True
    assert demo_accounts_refused(databases=["default"]) == []


def test_demo_without_second_factor_needs_debug(settings) -> None:
    settings.ACCOUNTS_DEMO_WITHOUT_SECOND_FACTOR = True
    settings.DEBUG = False
    assert [e.id for e in demo_without_second_factor_needs_debug()] == ["accounts.E002"]
    settings.DEBUG = True
    assert demo_without_second_factor_needs_debug() == []


def test_sign_in_page_says_the_demo_password_on_the_demo_only(settings) -> None:
    settings.DEBUG = True
    assert DEMO_PASSWORD not in Client().get(reverse("login")).content.decode()
    UserFactory(username="kimtra.canbo")
    html = Client().get(reverse("login")).content.decode()
    assert DEMO_PASSWORD in html
    assert "Bản cài đặt thử nghiệm" in html
    settings.DEBUG = False
    assert DEMO_PASSWORD not in Client().get(reverse("login")).content.decode()
