"""A daily log file that several processes (gunicorn workers, Celery workers) can share.

The standard TimedRotatingFileHandler rotates in every process: at midnight the second process to roll
over deletes the day's file the first one has just rotated and renames the new file over it, so a day
of the security log would be lost. Here the rollover happens under a file lock, and a process that
finds the file already rotated only reopens it."""

from __future__ import annotations

import fcntl
import os
import time
from logging.handlers import TimedRotatingFileHandler
from pathlib import Path
from typing import Any


class SharedTimedRotatingFileHandler(TimedRotatingFileHandler):
    def __init__(self, filename: str | os.PathLike[str], **kwargs: Any) -> None:
        Path(filename).parent.mkdir(parents=True, exist_ok=True)
        super().__init__(filename, **kwargs)

    def _rotated_elsewhere(self) -> bool:
        if self.stream is None:
            return False
        try:
            on_disk = os.stat(self.baseFilename)
        except FileNotFoundError:
            return True
        return os.fstat(self.stream.fileno()).st_ino != on_disk.st_ino

    def doRollover(self) -> None:
        with open(f"{self.baseFilename}.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if self._rotated_elsewhere():
                    self.stream.close()
                    self.stream = self._open()
                    now = int(time.time())
                    self.rolloverAt = self.computeRollover(now)
                else:
                    super().doRollover()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
