"""Shared checks of the sortable, paged lists (wards.tables)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def assert_queries_do_not_grow(
    client: Client, url: str, add_rows: Callable[[], Any], django_assert_num_queries: Any
) -> str:
    """The page makes as many queries after `add_rows` (more than a page of rows) as before; returns the
    second page's HTML."""
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    add_rows()
    with django_assert_num_queries(len(before.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()
