"""The two-session stale-save test every edit form runs (DESIGN §12, no lost update): two people open
the same form, both save; the first save goes through, the second is refused with what changed."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from django.test import Client

from wards.models import Membership

from .permissions import client_for

REFUSED = "Người khác đã lưu trang này sau khi bạn mở nó"
_VERSION = re.compile(r'name="version" value="([^"]*)"')


def versions_in(content: str) -> list[str]:
    """The versions the page's forms carry, in page order."""
    return [html.unescape(value) for value in _VERSION.findall(content)]


def two_sessions(
    first: Membership,
    second: Membership,
    url: str,
    *,
    first_data: Mapping[str, Any],
    second_data: Mapping[str, Any],
    form_url: str | None = None,
    nth: int = 0,
    answer_nth: int | None = None,
    headers: Mapping[str, str] | None = None,
) -> str:
    """Both sessions GET `form_url` (default `url`), then both POST their data with the version their
    page carried (the `nth` form's; `answer_nth` in the refused answer, default `nth`). Returns the
    second's page, after checking that the first save went through and the second was refused (a page,
    not a redirect) with the stale message and a version of the rows as they are now, so that saving
    again after reading the message goes through."""
    clients: list[Client] = [client_for(first), client_for(second)]
    pages = [client.get(form_url or url) for client in clients]
    read = []
    for page in pages:
        assert page.status_code == 200, page.status_code
        found = versions_in(page.content.decode())
        assert len(found) > nth, "the form carries no version"
        read.append(found[nth])
    extra = dict(headers or {})
    saved = clients[0].post(url, {**first_data, "version": read[0]}, headers=extra)
    assert saved.status_code in (200, 302), saved.status_code
    assert REFUSED not in saved.content.decode()
    refused = clients[1].post(url, {**second_data, "version": read[1]}, headers=extra)
    assert refused.status_code == 200, refused.status_code
    content = html.unescape(refused.content.decode())
    assert REFUSED in content, content
    # The answer to an htmx save is the one form's fragment, not the page.
    at = nth if answer_nth is None else answer_nth
    current = versions_in(content)
    assert len(current) > at and current[at] != read[1], "the refused page carries the version of now"
    return content
