"""Jobs a worker does for a page (a report's PDF, a period's ZIP) end cleanly (DESIGN §12): done, or failed
with a plain reason and the retry, never "waiting" forever.

The rules every such job follows, shared here so that each app does not write them again:
- a job queued, or being made, for longer than its `stale_after` is taken for lost (its worker died or
  the broker lost the message). That is judged when the row is read (`is_stale`, `give_up_stale` in
  memory), so that showing a page or answering a poll writes nothing; the writes that need the truth (a
  new request, a late delivery to a worker) mark the row itself (`jobs_expire`, `job_start`);
- a broker that cannot be reached fails the job at once (`job_queue`), with the retry, rather than
  leaving it queued until it goes stale;
- the worker takes a job under a row lock (`job_start`): a delivery of a job already done or given up
  does nothing, a job left "being made" by a dead worker is made again.

A model using them has the fields `status` (queued, running, done, failed), `requested_at`, `started_at`,
`finished_at`, `failure` (a code: the FAILURE_* below, or one of its own) and `failure_detail` (the
technical detail, for the log and the administrator; the page shows a plain reason built from `failure`).
The caller logs, under its own logger, so that each app's log names it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
ACTIVE = (QUEUED, RUNNING)
FAILURE_STALE, FAILURE_ERROR, FAILURE_STORAGE, FAILURE_QUEUE = "stale", "error", "storage", "queue"
# What publishing a task raises when Redis is stopped or unreachable.
BROKER_ERRORS = (KombuOperationalError, OSError)


class JobMixin:
    """The read-time rules of a job row; mixed into a model with the fields named above."""

    status: str
    requested_at: Any
    started_at: Any
    finished_at: Any
    failure: str
    failure_detail: str

    @classmethod
    def stale_after(cls) -> timedelta:
        raise NotImplementedError

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def is_stale(self) -> bool:
        """Queued, or being made, for longer than `stale_after`: its worker (or the broker) is taken for
        lost. Judged when read, so that showing the page writes nothing."""
        limit = timezone.now() - self.stale_after()
        if self.status == RUNNING:
            return (self.started_at or self.requested_at) < limit
        return self.status == QUEUED and self.requested_at is not None and self.requested_at < limit

    def give_up_stale(self) -> None:
        """Mark this (stale) job failed, in memory only: the caller saves it when it may write."""
        self.status = FAILED
        self.failure = FAILURE_STALE
        self.failure_detail = str(int(self.stale_after().total_seconds() // 60))

    def fail(self, failure: str, detail: str) -> None:
        """End the job failed, in the database (the caller holds the row's lock or owns the job)."""
        self.status = FAILED
        self.failure = failure
        self.failure_detail = detail
        self.finished_at = timezone.now()
        self.save(update_fields=["status", "failure", "failure_detail", "finished_at"])  # type: ignore[attr-defined]


def stale_jobs(jobs: models.QuerySet[Any], stale_after: timedelta) -> models.QuerySet[Any]:
    """The active jobs of `jobs` that `is_stale` would call lost, as a filter."""
    limit = timezone.now() - stale_after
    return jobs.filter(
        models.Q(status=RUNNING, started_at__lt=limit)
        | models.Q(status=RUNNING, started_at__isnull=True, requested_at__lt=limit)
        | models.Q(status=QUEUED, requested_at__lt=limit)
    )


def jobs_expire(jobs: models.QuerySet[Any]) -> int:
    """Give up, in the database, the stale jobs of `jobs` (locked). Called inside the transaction of a
    write that needs the truth (a new request); returns how many were marked failed."""
    expired = 0
    for job in stale_jobs(jobs.select_for_update(), jobs.model.stale_after()):
        job.give_up_stale()
        job.fail(job.failure, job.failure_detail)
        expired += 1
    return expired


def job_queue(
    jobs: models.QuerySet[Any], pk: int, send: Callable[[], object], *, logger: logging.Logger, message: str
) -> bool:
    """Hand job `pk` to the broker through `send`; when the broker cannot be reached, log `message` with
    the error and fail the job at once (it shows the retry). Returns whether the job was queued."""
    try:
        send()
    except BROKER_ERRORS as error:
        logger.exception(message)
        with transaction.atomic():
            locked = jobs.select_for_update().get(pk=pk)
            # A worker may have taken it after all (the publish failed after the broker had it).
            if locked.status == QUEUED:
                locked.fail(FAILURE_QUEUE, f"{type(error).__name__}: {error}")
        return False
    return True


def job_start(jobs: models.QuerySet[Any], pk: int) -> tuple[Any, bool]:
    """The worker's start of job `pk`, in one transaction: (job, True) when it is now "running" and the
    worker should make it; (job or None, False) when there is nothing to do: gone, done, failed, or stale
    (given up here, as the page already shows it)."""
    with transaction.atomic():
        job = jobs.select_for_update().filter(pk=pk).first()
        if job is None or not job.is_active:
            return job, False
        if job.is_stale:
            job.give_up_stale()
            job.fail(job.failure, job.failure_detail)
            return job, False
        job.status = RUNNING
        job.started_at = timezone.now()
        fields = ["status", "started_at"]
        if hasattr(job, "attempts"):
            job.attempts += 1
            fields.append("attempts")
        job.save(update_fields=fields)
    return job, True
