"""The progress line of a long run, on standard error when it is a terminal.

A national lint runs for a minute or more; the line shows that it is alive: files parsed,
partitions done, and an estimate of the time left. The library only calls back
(``progress(stage, done, total)``, see :func:`cascade.lint`); this module draws. Nothing is drawn when
standard error is not a terminal (CI logs, pipes) or with ``--quiet``, and the line is erased before
the report is written.
"""

from __future__ import annotations

import time
from typing import Callable, TextIO

__all__ = ["ProgressLine", "progress_for"]

_WORDS = {
    "en": {"files": "files parsed", "partitions": "partitions done", "rules": "checking the rules", "left": "left"},
    "id": {"files": "berkas dibaca", "partitions": "partisi selesai", "rules": "memeriksa aturan", "left": "lagi"},
}


class ProgressLine:
    """Draws ``cascade: 1,234/2,452 files parsed, about 40 s left`` over itself on ``stream``.

    Redraws at most every ``interval`` seconds (and always at the end of a stage), so a run of
    millions of files does not spend its time writing to the terminal.
    """

    def __init__(self, stream: TextIO, lang: str = "id", interval: float = 0.2, clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.words = _WORDS.get(lang, _WORDS["en"])
        self.interval = interval
        self.clock = clock
        self.stage: str | None = None
        self.stage_start = 0.0
        self.last_draw = -1e9
        self.width = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = self.clock()
        new_stage = stage != self.stage
        if new_stage:
            self.stage, self.stage_start = stage, now
        if now - self.last_draw < self.interval and done < total and not new_stage:
            return
        self.last_draw = now
        if stage == "rules":
            text = f"cascade: {self.words['rules']}..."
        else:
            text = f"cascade: {done:,}/{total:,} {self.words[stage]}"
            elapsed = now - self.stage_start
            if 0 < done < total and elapsed >= 1.0:
                left = elapsed / done * (total - done)
                text += f", ~{_duration(left)} {self.words['left']}"
        self._draw(text)

    def _draw(self, text: str) -> None:
        pad = max(0, self.width - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self.width = len(text)

    def clear(self) -> None:
        """Erase the line (before the report or the summary is written)."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def progress_for(stream: TextIO, quiet: bool, lang: str) -> ProgressLine | None:
    """A progress line on ``stream`` when it is a terminal and the run is not ``--quiet``; else None."""
    if quiet:
        return None
    try:
        is_terminal = stream.isatty()
    except (AttributeError, ValueError):
        return None
    return ProgressLine(stream, lang) if is_terminal else None
