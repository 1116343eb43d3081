"""The record of every Excel import (issue 15): the file kept byte for byte with who imported it,
saved in one transaction with the figures, downloadable by whoever may read the ward."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse

from wards.excel.io import ParsedSheet
from wards.excel.plan import Importer, ImportPlan, PlanRow
from wards.excel.services import import_save, pending_discard, pending_keep, safe_filename
from wards.models import FigureLock, ImportRecord
from wards.tests.factories import SAMPLE_XLSX, ImportRecordFactory
from wards.tests.permissions import assert_permission_matrix, client_for


def download_url(record: ImportRecord, ward: Any = None) -> str:
    return reverse("import_download", kwargs={"ward": (ward or record.ward).slug, "pk": record.pk})


def test_the_file_is_downloaded_by_readers_of_the_ward_only(ward, staff, leader, home_affairs, other_staff) -> None:
    record = ImportRecordFactory(ward=ward)
    # City Home Affairs reads every ward's figures, so it reads where they came from too.
    assert_permission_matrix(download_url(record), allowed=[staff, leader, home_affairs], outsider=other_staff)
    response = client_for(staff).get(download_url(record))
    assert b"".join(response.streaming_content) == SAMPLE_XLSX
    assert "attachment" in response["Content-Disposition"]
    assert "06a" in response["Content-Disposition"]


def test_a_record_of_another_ward_or_a_lost_file_is_404(ward, other_ward, staff) -> None:
    foreign = ImportRecordFactory(ward=other_ward)
    assert client_for(staff).get(download_url(foreign, ward)).status_code == 404
    record = ImportRecordFactory(ward=ward)
    default_storage.delete(record.file.name)
    assert client_for(staff).get(download_url(record)).status_code == 404


class StubImporter(Importer):
    """Saves a figure lock, a wards row, so that the rollback of the figures can be seen."""

    name = "stub"
    layout = None  # type: ignore[assignment]

    def plan(self, ward, sheet):  # pragma: no cover - not called
        raise NotImplementedError

    def save(self, ward, sheet: ParsedSheet) -> ImportPlan:
        FigureLock.objects.create(ward=ward, start=date(2025, 8, 18), end=date(2025, 8, 23), key="stub", label="x")
        return ImportPlan(title="stub", rows=[PlanRow(1, "a", action="create"), PlanRow(2, "b", action="keep")])

    def done_url(self, ward, sheet):  # pragma: no cover - not called
        return "/"


def test_figures_and_their_record_are_saved_together_or_not_at_all(ward, staff) -> None:
    sheet = ParsedSheet(params={"on": date(2025, 9, 1)}, rows=[])
    pending = pending_keep(ward=ward, upload=io.BytesIO(SAMPLE_XLSX), filename="C:\\Users\\Sổ đi 2025.xlsx")
    assert pending.sha256 == hashlib.sha256(SAMPLE_XLSX).hexdigest()
    assert pending.path.startswith(f"imports/{ward.slug}/") and pending.path.endswith("/So-di-2025.xlsx")
    _plan, record = import_save(importer=StubImporter(), ward=ward, sheet=sheet, pending=pending, user=staff.user)
    assert (record.kind, record.start, record.end, record.rows_saved) == ("stub", date(2025, 9, 1), date(2025, 9, 1), 1)
    assert record.file.read() == SAMPLE_XLSX and record.imported_by == staff.user
    assert record.filename == "C:\\Users\\Sổ đi 2025.xlsx"
    # A record that cannot be saved takes the figures with it.
    broken = pending_keep(ward=ward, upload=io.BytesIO(SAMPLE_XLSX), filename="x.xlsx")
    broken = type(broken)(path=broken.path, filename=broken.filename, sha256="not a digest" * 9, size=broken.size)
    FigureLock.objects.all().delete()
    with pytest.raises(ValidationError):
        import_save(importer=StubImporter(), ward=ward, sheet=sheet, pending=broken, user=staff.user)
    assert not FigureLock.objects.exists()
    assert ImportRecord.objects.count() == 1


def test_a_file_no_record_took_is_deleted_and_a_kept_one_is_not(ward) -> None:
    pending = pending_keep(ward=ward, upload=io.BytesIO(SAMPLE_XLSX), filename="a.xlsx")
    pending_discard(pending)
    assert not default_storage.exists(pending.path)
    record = ImportRecordFactory(ward=ward)
    pending_discard(type(pending)(path=record.file.name, filename="a.xlsx", sha256=record.sha256, size=1))
    assert default_storage.exists(record.file.name)


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("Biểu II.06a (tuần 34).xlsx", "Bieu-II.06a-tuan-34.xlsx"),
        ("../../etc/passwd", "passwd.xlsx"),
        ("đ.XLSX", "d.XLSX"),
        ("...", "import.xlsx"),
    ],
)
def test_stored_names_are_plain(name: str, stored: str) -> None:
    assert safe_filename(name) == stored
