"""Panels that poll a job (a PDF being made, a ZIP being packed) ask again with backoff, 1 s, 2 s, 4 s, 8 s,
then every 10 s, and stop once the job is done or failed: a job that takes minutes costs a few dozen
requests, not one a second. Each answer names the delay of the next one in its own URL (`?poll=`)."""

from __future__ import annotations

from django.http import HttpRequest

FIRST_DELAY = 1
MAX_DELAY = 10


def poll_delays(request: HttpRequest) -> dict[str, int]:
    """`poll_delay`: how long the panel drawn now waits before asking again; `poll_next`: the delay it
    asks for then."""
    try:
        delay = int(request.GET.get("poll", FIRST_DELAY))
    except ValueError:
        delay = FIRST_DELAY
    delay = min(max(delay, FIRST_DELAY), MAX_DELAY)
    return {"poll_delay": delay, "poll_next": min(delay * 2, MAX_DELAY)}
