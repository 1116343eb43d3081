"""A figure lock set as an approval sets it, for the lock tests of every app."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from django.test import Client
from openpyxl.worksheet.worksheet import Worksheet

from wards.models import FigureLock, Ward
from wards.periods import DateRange
from wards.services import figure_lock_set
from wards.tests.excel import upload

LABEL = "Báo cáo số 12/BC-UBND ngày 25/8/2025"


def lock(ward: Ward, start: date, end: date) -> FigureLock:
    return figure_lock_set(ward=ward, period=DateRange(start, end), key=f"test:{ward.pk}:{start}", label=LABEL)


SAVE = "Lưu các số liệu này"


def assert_upload_refused_under_lock(
    client: Client,
    *,
    upload_url: str,
    confirm_url: str,
    sheet: Worksheet,
    edit: Callable[[Worksheet], None],
    locking: Callable[[], object],
    row: int,
) -> None:
    """A sheet checked before an approval locks its figures is refused when saved; checked again, the
    dry run names `row` with the lock's reason and offers no save. The caller checks that nothing moved."""
    body = upload(client, upload_url, sheet, edit)
    assert SAVE in body, "the sheet is good before the lock"
    locking()
    after_save = client.post(confirm_url, follow=True).content.decode()
    assert LABEL in after_save
    body = upload(client, upload_url, sheet)
    assert re.search(rf"Dòng {row}\b[^<]*{re.escape(LABEL)}", body), f"row {row} does not carry the lock"
    assert SAVE not in body
