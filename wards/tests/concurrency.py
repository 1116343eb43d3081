"""Saves that run at the same moment, on PostgreSQL: the helper of the tests that prove a non-overlap
or uniqueness rule holds under concurrency (by the ward's row lock or a constraint), not only in a
check before the insert."""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from django.db import connection


def at_once(
    monkeypatch: pytest.MonkeyPatch, module: ModuleType, *saves: Callable[[], Any]
) -> list[BaseException | None]:
    """Run `saves` in threads of their own (one database connection each), held at a barrier at the
    moment `module` takes the ward's row lock (its `assert_unlocked`): every save is inside its
    transaction and about to check, so without the lock every check would see no other row. Returns
    each save's exception, or None when it went through."""
    barrier = threading.Barrier(len(saves), timeout=30)
    take_lock = module.assert_unlocked

    def at_the_same_moment(*args: Any, **kwargs: Any) -> Any:
        barrier.wait()
        return take_lock(*args, **kwargs)

    monkeypatch.setattr(module, "assert_unlocked", at_the_same_moment)
    outcomes: list[BaseException | None] = [None] * len(saves)

    def run(index: int) -> None:
        try:
            saves[index]()
        except BaseException as error:
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(saves))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a save never finished"
    return outcomes
