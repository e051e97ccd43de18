"""Baselines: accept the findings a workspace has today and report only new ones.

A baseline counts findings by ``(file, rule, ref)``, never by line, so editing a file above a known
finding does not make it new. ``file`` is stored relative to the baseline's own folder, with ``/``,
so the baseline works from any working directory and on any system. The JSON is sorted and stable::

    {"version": 1, "findings": [{"file": "plans/dinkes.yaml", "rule": "unknown-reference",
                                 "ref": "dinkes.renstra-2019:P1", "count": 1}]}

When a key's count grows, the excess findings are new: the last ones of that key in file order are
reported. Keys whose count fell are *gone* (fixed): :func:`apply_baseline` returns them so that the
caller can tell the user to refresh the baseline.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .config import ConfigError, read_regular_file
from ..core.findings import Finding, Report
from ..read.suppressions import is_reading_error
from ..core.text import json_text

__all__ = ["BaselineEntry", "dump_baseline", "read_baseline", "parse_baseline", "apply_baseline"]

Key = tuple[str, str, str]


@dataclass(frozen=True, order=True)
class BaselineEntry:
    """A baseline key and how many findings it had (``count``) or has fewer now (when gone)."""

    file: str
    rule: str
    ref: str
    count: int


def _key(finding: Finding, base: str) -> Key:
    file = finding.file or ""
    if finding.file and not finding.file.startswith("<"):  # "<input 1>": a dict, no path to relate
        file = os.path.relpath(os.path.abspath(finding.file), os.path.abspath(base)).replace(os.sep, "/")
    return (file, finding.rule, finding.ref or "")


def dump_baseline(findings: Iterable[Finding], base: str = os.curdir) -> str:
    """The baseline JSON of ``findings``, files relative to the folder ``base`` (the baseline's)."""
    counts = Counter(_key(f, base) for f in findings)
    entries = [
        {"file": file, "rule": rule, "ref": ref or None, "count": n}
        for (file, rule, ref), n in sorted(counts.items())
    ]
    return json_text({"version": 1, "findings": entries})


def parse_baseline(text: str, path: str | None = None) -> Counter[Key]:
    """Counts by key from baseline JSON; raises :class:`~cascade.config.ConfigError` if malformed."""
    try:
        data = json.loads(text)
        if data.get("version") != 1:
            raise ValueError("version must be 1")
        counts: Counter[Key] = Counter()
        for e in data["findings"]:
            if not (isinstance(e["file"], str) and isinstance(e["rule"], str) and isinstance(e["count"], int)):
                raise ValueError("an entry needs file, rule and count")
            counts[(e["file"], e["rule"], e.get("ref") or "")] += e["count"]
        return counts
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise ConfigError(f"not a cascade baseline: {err}", path=path, key="baseline",
                          message_id=f"bukan baseline cascade: {err}") from None
    except RecursionError:  # json recurses per nesting level; a committed baseline must not crash the run
        raise ConfigError("not a cascade baseline: nested too deeply", path=path, key="baseline",
                          message_id="bukan baseline cascade: susunan terlalu dalam") from None


#: The largest baseline read: about 800,000 entries.
MAX_BASELINE_BYTES = 128 * 1024 * 1024


def read_baseline(path: str) -> Counter[Key]:
    """Counts by key from a baseline file; raises :class:`~cascade.config.ConfigError`, also for a file
    that is not a regular file (``/dev/zero``, ``/dev/stdin``, a FIFO) or larger than
    :data:`MAX_BASELINE_BYTES`."""
    raw = read_regular_file(path, MAX_BASELINE_BYTES, "baseline", key="baseline")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ConfigError(f"cannot read the baseline: {err}", path=path, key="baseline",
                          message_id=f"baseline tidak dapat dibaca: bukan UTF-8 ({err})") from None
    return parse_baseline(text, path)


def apply_baseline(report: Report, counts: Counter[Key], base: str = os.curdir) -> tuple[Report, list[BaselineEntry]]:
    """The report of the findings not in the baseline, and the baseline entries that are gone.

    ``Report.stats["baselined"]`` counts the findings the baseline accepted. Reading errors
    (CAS001, CAS005, a file without a plan document: :func:`cascade.read.suppressions.is_reading_error`)
    are never accepted: they are reported even when the baseline lists them.
    """
    by_key: dict[Key, list[Finding]] = {}
    for f in report:
        by_key.setdefault(_key(f, base), []).append(f)
    new: list[Finding] = []
    for key, found in by_key.items():
        # a reading error is never accepted: a shipped baseline must not hide a file that yields no document
        n = counts.get(key, 0)
        new.extend(f for f in found[:n] if is_reading_error(f))
        new.extend(found[n:])
    gone = [
        BaselineEntry(file, rule, ref, n - len(by_key.get((file, rule, ref), ())))
        for (file, rule, ref), n in sorted(counts.items())
        if len(by_key.get((file, rule, ref), ())) < n
    ]
    stats = dict(report.stats, baselined=len(report) - len(new))
    return Report(new, stats), gone
