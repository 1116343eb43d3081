"""The files stored at a dry run never confirmed (issue 15): deleted once a day old, by the command and
the daily task alike; a file an import record took is kept however old, and so is a fresh dry run."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import time_machine
from celery import current_app
from django.conf import settings
from django.core.management import call_command

from wards.excel.services import pending_keep
from wards.tasks import delete_unconfirmed_uploads
from wards.tests.factories import SAMPLE_XLSX, ImportRecordFactory

NOW = datetime(2025, 8, 26, 1, 0, tzinfo=UTC)


def stored(ward, age: timedelta, filename: str = "06a.xlsx") -> Path:
    """A file kept by a dry run, its modification time `age` before NOW (the file system's clock is not
    time-machine's)."""
    pending = pending_keep(ward=ward, upload=io.BytesIO(SAMPLE_XLSX), filename=filename)
    return aged(Path(settings.MEDIA_ROOT) / pending.path, age)


def aged(path: Path, age: timedelta) -> Path:
    stamp = (NOW - age).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_a_day_old_unconfirmed_upload_goes_and_the_imported_files_stay(ward, other_ward, media_root, capsys) -> None:
    forgotten = stored(ward, timedelta(hours=25))
    elsewhere = stored(other_ward, timedelta(days=40), "Biểu của phường khác.xlsx")
    checking = stored(ward, timedelta(hours=23))
    record = ImportRecordFactory(ward=ward)
    imported = aged(Path(record.file.path), timedelta(days=400))
    assert imported.is_relative_to(media_root / "imports" / ward.slug)

    with time_machine.travel(NOW, tick=False):
        call_command("delete_unconfirmed_uploads")
    assert "2 unconfirmed upload(s) deleted." in capsys.readouterr().out
    assert not forgotten.exists() and not elsewhere.exists()
    # The upload's random folder goes with its file; the ward's folder stays for the next one.
    assert not forgotten.parent.exists() and forgotten.parent.parent.is_dir()
    assert checking.exists(), "a dry run of yesterday evening may still be confirmed"
    record.file.open()
    assert record.file.read() == SAMPLE_XLSX

    # The daily task runs the same service: two hours later the evening's dry run is a day old too.
    with time_machine.travel(NOW + timedelta(hours=2), tick=False):
        assert delete_unconfirmed_uploads() == 1
    assert not checking.exists()
    assert imported.exists()
    assert [path for path in media_root.rglob("*") if path.is_file()] == [imported]


def test_nothing_stored_yet_deletes_nothing(media_root) -> None:
    assert not (media_root / "imports").exists()
    with time_machine.travel(NOW, tick=False):
        assert delete_unconfirmed_uploads() == 0


def test_the_task_runs_daily_under_celery_beat() -> None:
    beat = settings.CELERY_BEAT_SCHEDULE.values()
    entries = [entry for entry in beat if entry["task"] == delete_unconfirmed_uploads.name]
    assert len(entries) == 1
    schedule = entries[0]["schedule"]
    assert (schedule.hour, schedule.minute, len(schedule.day_of_week)) == ({2}, {0}, 7), "every night at 02:00"
    assert delete_unconfirmed_uploads.name in current_app.tasks, "the worker knows the task by the beat's name"
