"""The files of the TTHC imports kept beside the figures (issue 15 item 3): form II.06a and our own
week sheet leave an import record with the very file, shown on the overview and the week page."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from procedures.models import CaseVolume
from wards.models import FigureLock, ImportRecord
from wards.tests.factories import ImportRecordFactory
from wards.tests.lists import assert_queries_do_not_grow
from wards.tests.permissions import client_for

from .samples import form_06a, seed_week_lines
from .test_views import GOOD, fill, sheet_bytes

WEEK = "?start=2025-08-18&end=2025-08-23"


def url(ward, name: str) -> str:
    return reverse(f"procedures:{name}", kwargs={"ward": ward.slug})


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def test_the_06a_file_and_its_importer_are_kept_with_the_figures(ward, staff, media_root) -> None:
    content = form_06a(seed_week_lines())
    client = client_for(staff)
    with time_machine.travel(datetime(2025, 8, 25, 2, 30, tzinfo=UTC), tick=False):
        client.post(url(ward, "import_06a"), {"file": SimpleUploadedFile("Biểu 06a tuần 34.xlsx", content)})
        assert not ImportRecord.objects.exists(), "the dry run records nothing"
        client.post(url(ward, "import_06a_confirm"))
        record = ImportRecord.objects.get()
        for page in (url(ward, "overview") + WEEK, url(ward, "week") + WEEK):
            body = client.get(page).content.decode()
            assert "Biểu 06a tuần 34.xlsx" in body
            assert reverse("import_download", kwargs={"ward": ward.slug, "pk": record.pk}) in body
            assert "09:30 25/08/2025" in body  # Huế time
    assert (record.ward, record.kind, record.imported_by) == (ward, "procedures_06a", staff.user)
    assert (record.start, record.end) == (date(2025, 8, 18), date(2025, 8, 23))
    assert record.rows_saved == CaseVolume.objects.filter(ward=ward).count() == 9
    assert record.sha256 == hashlib.sha256(content).hexdigest() and record.size == len(content)
    assert record.file.read() == content
    assert Path(record.file.path).is_relative_to(media_root)
    client = client_for(staff)
    response = client.get(reverse("import_download", kwargs={"ward": ward.slug, "pk": record.pk}))
    assert b"".join(response.streaming_content) == content


def test_only_the_latest_checked_file_waits_and_a_refused_save_keeps_none(ward, staff, media_root) -> None:
    client = client_for(staff)
    for _attempt in range(2):
        client.post(url(ward, "import_06a"), {"file": SimpleUploadedFile("06a.xlsx", form_06a(seed_week_lines()))})
    assert len(stored_files(media_root)) == 1
    FigureLock.objects.create(ward=ward, start=date(2025, 8, 1), end=date(2025, 8, 31), key="r:1", label="Báo cáo")
    client.post(url(ward, "import_06a_confirm"))
    assert not ImportRecord.objects.exists()
    assert not CaseVolume.objects.exists()
    assert stored_files(media_root) == []


def test_our_own_week_sheet_is_kept_too(ward, staff) -> None:
    content = sheet_bytes(ward, staff, lambda sheet: fill(sheet, 6, GOOD))
    client = client_for(staff)
    client.post(url(ward, "upload"), {"file": SimpleUploadedFile("tthc.xlsx", content)})
    client.post(url(ward, "upload_confirm"))
    record = ImportRecord.objects.get()
    assert (record.kind, record.filename, record.rows_saved) == ("procedures_week", "tthc.xlsx", 1)
    assert record.file.read() == content


def test_the_imports_list_takes_the_same_queries_however_long(ward, staff, django_assert_num_queries) -> None:
    ImportRecordFactory(ward=ward)
    body = assert_queries_do_not_grow(
        client_for(staff),
        url(ward, "overview") + WEEK,
        lambda: ImportRecordFactory.create_batch(6, ward=ward, kind="procedures_week"),
        django_assert_num_queries,
    )
    assert body.count('data-testid="import-row"') == 5
    # Another app's imports are listed on its own page, not here.
    ImportRecordFactory(ward=ward, kind="indicators_register", filename="So van ban di.xlsx")
    assert "So van ban di.xlsx" not in client_for(staff).get(url(ward, "overview") + WEEK).content.decode()
