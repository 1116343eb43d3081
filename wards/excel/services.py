"""Keeping the uploaded file of every Excel import (DESIGN §12, issue 15): the file checked by the dry
run waits in storage, and the confirmation saves the figures and the import record — file, SHA-256,
who, when, for which dates — in one transaction, for every importer alike."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import IO, Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from wards.models import ImportRecord, Ward, import_upload_to

from .io import ParsedSheet
from .plan import Importer, ImportPlan

_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class PendingUpload:
    """A file that passed the dry run, stored until it is confirmed or superseded."""

    path: str  # the storage name: it becomes the record's file as it is, never copied
    filename: str
    sha256: str
    size: int

    def as_session(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_session(cls, data: Any) -> PendingUpload | None:
        try:
            return cls(**data)
        except TypeError:
            return None


def safe_filename(name: str) -> str:
    """The uploaded name as a storage name: its last part only, ASCII, no spaces (the download gives
    the original name back)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    ascii_name = unicodedata.normalize("NFKD", base.replace("đ", "d").replace("Đ", "D"))
    ascii_name = ascii_name.encode("ascii", "ignore").decode()
    stem, dot, extension = ascii_name.rpartition(".")
    if not dot or extension.lower() != "xlsx":
        stem, extension = ascii_name, "xlsx"
    cleaned = _UNSAFE.sub("-", stem).strip("-.")[:80]
    return f"{cleaned or 'import'}.{extension}"


def pending_keep(*, ward: Ward, upload: IO[bytes], filename: str) -> PendingUpload:
    """Store a checked upload where its import record will find it."""
    digest, size = hashlib.sha256(), 0
    upload.seek(0)
    for chunk in iter(lambda: upload.read(64 * 1024), b""):
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    path = default_storage.save(import_upload_to(ImportRecord(ward=ward), safe_filename(filename)), File(upload))
    return PendingUpload(path=path, filename=filename[:200], sha256=digest.hexdigest(), size=size)


def pending_discard(pending: PendingUpload | None) -> None:
    """Delete a stored upload that no record took (a new dry run replaced it, or the save failed)."""
    if pending is None or ImportRecord.objects.filter(file=pending.path).exists():
        return
    default_storage.delete(pending.path)


# A checked sheet lives in the session, which expires after SESSION_COOKIE_AGE (15 minutes) idle: a
# stored file a day old that no record took can no longer be confirmed.
UNCONFIRMED_KEPT = timedelta(days=1)
_IMPORTS = "imports"


def _stored_uploads() -> Iterator[str]:
    """Every name under imports/<ward>/<random>/, as import_upload_to lays them out."""
    try:
        wards = default_storage.listdir(_IMPORTS)[0]
    except FileNotFoundError:
        return
    for ward in wards:
        for folder in default_storage.listdir(f"{_IMPORTS}/{ward}")[0]:
            for name in default_storage.listdir(f"{_IMPORTS}/{ward}/{folder}")[1]:
                yield f"{_IMPORTS}/{ward}/{folder}/{name}"


def _remove_empty_folder(name: str) -> None:
    # The file system storage leaves the upload's random folder behind; other storages have no folders.
    try:
        folder = os.path.dirname(default_storage.path(name))
    except NotImplementedError:
        return
    with contextlib.suppress(OSError):  # not empty, or already gone
        os.rmdir(folder)


def unconfirmed_uploads_delete(*, now: datetime | None = None, kept: timedelta = UNCONFIRMED_KEPT) -> int:
    """Delete the files stored at a dry run that was never confirmed: older than `kept` and taken by no
    import record. Run daily (CELERY_BEAT_SCHEDULE, `manage.py delete_unconfirmed_uploads`); returns
    how many files went."""
    cutoff = (now or timezone.now()) - kept
    old = [name for name in _stored_uploads() if default_storage.get_modified_time(name) < cutoff]
    taken: set[str] = set()
    for first in range(0, len(old), 500):  # SQLite allows a limited number of parameters per query
        taken.update(ImportRecord.objects.filter(file__in=old[first : first + 500]).values_list("file", flat=True))
    deleted = 0
    for name in old:
        if name not in taken:
            default_storage.delete(name)
            _remove_empty_folder(name)
            deleted += 1
    return deleted


@transaction.atomic
def import_save(
    *, importer: Importer, ward: Ward, sheet: ParsedSheet, pending: PendingUpload, user: AbstractBaseUser
) -> tuple[ImportPlan, ImportRecord]:
    """Save the sheet's figures through the domain's importer and, in the same transaction, the record
    of the file they came from: if either fails, neither is kept. Raises ImportRejected."""
    plan = importer.save(ward, sheet)
    start, end = importer.period(sheet)
    record = ImportRecord(
        ward=ward,
        kind=importer.name,
        start=start,
        end=end,
        filename=pending.filename,
        sha256=pending.sha256,
        size=pending.size,
        rows_saved=sum(row.action != "keep" for row in plan.rows),
        imported_by=user,
    )
    record.file.name = pending.path
    record.full_clean()
    record.save()
    return plan, record
