"""Reading the security log in tests: the lines as the file handler writes them."""

from __future__ import annotations

import logging

import pytest
from django.conf import settings


def security_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    formatter = settings.LOGGING["formatters"]["security"]
    line = logging.Formatter(formatter["format"], formatter["datefmt"])
    return [line.format(r) for r in caplog.records if r.name == "kimtra.security"]


def line_with(caplog: pytest.LogCaptureFixture, event: str) -> str:
    found = [line for line in security_lines(caplog) if f" {event} " in f"{line} "]
    assert len(found) == 1, f"one {event!r} line expected, got {security_lines(caplog)}"
    return found[0]
