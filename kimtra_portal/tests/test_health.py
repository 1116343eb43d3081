from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.django_db
def test_healthz_reports_database_and_in_process_broker(settings) -> None:
    settings.REDIS_URL = ""
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": {"ok": True, "vendor": response.json()["database"]["vendor"]},
        "broker": {"ok": True, "mode": "in-process"},
    }


@pytest.mark.django_db
def test_healthz_fails_when_the_broker_is_down(settings) -> None:
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = Client().get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["broker"]["ok"] is False
    assert body["database"]["ok"] is True


@pytest.mark.services
@pytest.mark.django_db
def test_healthz_on_real_services() -> None:
    body = Client().get("/healthz").json()
    assert body == {
        "status": "ok",
        "database": {"ok": True, "vendor": "postgresql"},
        "broker": {"ok": True, "mode": "redis"},
    }
