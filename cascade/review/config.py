"""Configuration: ``cascade.toml`` or ``[tool.cascade]`` in ``pyproject.toml``, as typed settings.

The file is searched from the working directory upwards; in each folder ``cascade.toml`` is tried
first, then a ``pyproject.toml`` that has a ``[tool.cascade]`` table. The first one found is used
alone (files are not merged). Precedence: command-line flags > ``cascade.toml`` >
``pyproject.toml`` > defaults. Globs, the baseline and the cache folder are relative to the folder
of the file; the cache folder must also lie inside it (a shipped configuration must not choose where
cascade writes: ``--cache-dir`` on the command line may name any folder).

Keys (``cascade.toml`` shown; in ``pyproject.toml`` put them under ``[tool.cascade]``)::

    select = ["ALL"]                    # rules to run: codes, code prefixes (CAS3), names
    extend-select = []                  # added to select
    ignore = ["CAS307"]                 # removed; the more specific selector wins
    exclude = ["drafts/", "*.tmp.yaml"] # files not to lint
    lang = "id"                         # message language: id (default) or en
    fail-level = "error"                # error | warning | info: the lowest severity that fails
    baseline = "cascade-baseline.json"  # report only findings that are not in the baseline
    cache-dir = ".ci-cache/cascade"     # the parse cache, inside this file's folder (default: the user's cache folder)

    [per-file-ignores]                  # glob -> rules silenced in the files it matches
    "rpjmn/*.yaml" = ["orphan-indicator"]

    [severity]                          # rule -> error | warning | info
    orphan-indicator = "error"

    [options.weak-target]               # rule options, by rule name
    ratio = 0.8

An unknown key, an unknown rule or option, or a value of the wrong type raises :class:`ConfigError`
naming it: a configuration mistake is a usage error, never plan content. So is a path that cannot be
one (empty, or holding a NUL character), from the file or from a flag.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import sys
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator, Mapping

from ..core.findings import DEFAULT_LANG, LANGUAGES, Severity, Span
from ..core.oserror import os_reason
from ..core.text import escape_unsafe
from ..rules.catalog import all_rules, get_rule, resolve_selector
from ..read.suppressions import Suppression, glob_matches
from ..validate import RunSettings, Selection

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the backport is a dependency on 3.10 only
    import tomli as tomllib

__all__ = ["ConfigError", "PerFileIgnore", "Settings", "find_config", "load_config", "parse_settings", "check_selectors",
           "read_regular_file"]

CONFIG_FILES = ("cascade.toml", "pyproject.toml")
KEYS = (
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "severity",
    "exclude",
    "lang",
    "fail-level",
    "baseline",
    "options",
    "cache-dir",
    "as-of",
)
SEVERITIES = tuple(s.value for s in Severity)
#: The largest configuration file read (``cascade.toml``, ``pyproject.toml``).
MAX_CONFIG_BYTES = 4 * 1024 * 1024


class ConfigError(ValueError):
    """A configuration file or option cannot be used: unknown key, rule or option, or wrong type.

    ``path`` is the configuration file (None for command-line options), ``key`` the offending key,
    ``line`` and ``column`` where that key is in the file (:func:`load_config` finds them: tomllib gives
    no positions), shown as ``cascade.toml:1:1: ...`` as findings are.
    ``str()`` is English; :meth:`localized` gives the message in another language where one was given
    (``message_id``, Bahasa Indonesia). Both are shown with their control and invisible characters
    escaped (:func:`cascade.core.text.escape_unsafe`), the file's name and the message: both may come
    from a shipped configuration (``baseline = "x\n::error::..."``, a key or selector holding a line
    break), which must not forge a line of a CI log.
    """

    def __init__(self, message: str, *, path: str | None = None, key: str | None = None, message_id: str | None = None,
                 line: int | None = None, column: int | None = None):
        self.path = path
        self.key = key
        self.message = message
        self.message_id = message_id
        self.line = line
        self.column = column
        super().__init__(self._where(message))

    def _where(self, message: str) -> str:
        # the one place a configuration error becomes text (str() and localized(), every command and
        # the editor): keys, selectors and values quoted from a shipped file may hold a line break
        # (``select = ["x\n::error::forged"]``) or U+202E, so the whole message is escaped
        if not self.path:
            return escape_unsafe(message)
        at = f":{self.line}:{self.column or 1}" if self.line else ""
        return escape_unsafe(f"{self.path}{at}: {message}")

    def at(self, line: int, column: int) -> "ConfigError":
        """This error placed at ``line`` and ``column`` of its file."""
        return ConfigError(self.message, path=self.path, key=self.key, message_id=self.message_id, line=line, column=column)

    def localized(self, lang: str) -> str:
        """The message in ``lang`` (``en`` or ``id``), with the file it is about."""
        if lang != "id" or self.message_id is None:
            return str(self)
        return self._where(self.message_id)


def read_regular_file(path: str, limit: int, what: str, key: str | None = None) -> bytes:
    """The bytes of ``path``, read only if it is a regular file of at most ``limit`` bytes.

    A configuration or baseline file comes with the workspace, so it may name ``/dev/zero`` (which
    never ends), ``/dev/stdin`` or a FIFO (which block): the file is opened without blocking and
    checked before it is read. Raises :class:`ConfigError` naming the file otherwise.
    """
    what_id = {"configuration": "konfigurasi", "baseline": "baseline"}.get(what, what)

    def refuse(reason: str, reason_id: str) -> ConfigError:
        return ConfigError(f"cannot read the {what}: {reason}", path=path, key=key,
                           message_id=f"{what_id} tidak dapat dibaca: {reason_id}")

    if not path:  # "" would read as the working directory's missing file "" (``--config ""``)
        raise refuse("the path is empty", "jalurnya kosong")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except ValueError:  # a NUL character: no file has such a name
        raise refuse("the path holds a NUL character", "jalurnya memuat karakter NUL") from None
    except OSError as err:
        raise refuse(str(err.strerror or err), os_reason(err, "id")) from None
    try:
        st = os.fstat(fd)
    except OSError as err:
        os.close(fd)
        raise refuse(str(err.strerror or err), os_reason(err, "id")) from None
    if not stat.S_ISREG(st.st_mode):  # checked on the descriptor: a folder cannot even be wrapped in a file object
        os.close(fd)
        raise refuse("not a regular file", "bukan berkas biasa")
    with os.fdopen(fd, "rb") as fh:
        if st.st_size > limit:
            raise refuse(f"larger than {limit:,} bytes", f"lebih dari {limit:,} byte")
        try:
            data = fh.read(limit + 1)
        except OSError as err:
            raise refuse(str(err.strerror or err), os_reason(err, "id")) from None
    if len(data) > limit:  # grew while being read
        raise refuse(f"larger than {limit:,} bytes", f"lebih dari {limit:,} byte")
    return data


@dataclass(frozen=True)
class PerFileIgnore:
    """One ``per-file-ignores`` entry: a glob and the rules it silences, with its line in the file."""

    pattern: str
    selectors: tuple[str, ...]
    line: int | None = None


@dataclass(frozen=True)
class Settings:
    """Typed settings of one run. ``root`` is the folder globs and ``baseline`` are relative to.

    Build it with :func:`load_config`, then layer command-line flags on it with :meth:`override`.
    """

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[PerFileIgnore, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    exclude: tuple[str, ...] = ()
    lang: str = DEFAULT_LANG
    fail_level: Severity = Severity.ERROR
    baseline: str | None = None
    cache_dir: str | None = None
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: The "as of" year of realisasi and capaian (``as-of``, ``--as-of``); None: the current year.
    as_of: int | None = None
    path: str | None = None
    root: str = os.curdir

    def override(
        self,
        *,
        select: Iterable[str] = (),
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        severity: Mapping[str, str] | None = None,
        exclude: Iterable[str] = (),
        lang: str | None = None,
        fail_level: str | None = None,
        baseline: str | None = None,
        cache_dir: str | None = None,
        as_of: int | None = None,
    ) -> "Settings":
        """These settings with command-line values on top.

        A given ``select`` replaces the configured one; ``extend_select``, ``ignore``, ``exclude``
        and ``severity`` add to (and for ``severity`` override per rule) the configured values.
        Raises :class:`ConfigError` for unknown rules or values.
        """
        select, extend_select, ignore = tuple(select), tuple(extend_select), tuple(ignore)
        if baseline is not None:
            _path(baseline, None, "--baseline", "file")
        if cache_dir is not None:
            _path(cache_dir, None, "--cache-dir", "folder")
        for flag, values in (("--select", select), ("--extend-select", extend_select), ("--ignore", ignore), ("--severity", severity or {})):
            check_selectors(values, None, flag)
        sev = dict(self.severity)
        for key, value in (severity or {}).items():
            sev[key] = _severity(value, None, f"--severity {key}")
        return replace(
            self,
            select=select or self.select,
            extend_select=self.extend_select + extend_select,
            ignore=self.ignore + ignore,
            severity=tuple(sev.items()),
            exclude=self.exclude + tuple(exclude),
            lang=_choice(lang, LANGUAGES, None, "--lang") if lang is not None else self.lang,
            fail_level=Severity(_severity(fail_level, None, "--fail-level")) if fail_level is not None else self.fail_level,
            baseline=baseline if baseline is not None else self.baseline,
            cache_dir=cache_dir if cache_dir is not None else self.cache_dir,
            as_of=_year(as_of, None, "--as-of") if as_of is not None else self.as_of,
        )

    def is_excluded(self, path: str) -> bool:
        """Whether ``exclude`` leaves ``path`` out of the run."""
        return any(glob_matches(path, pattern, self.root) for pattern in self.exclude)

    def suppressions(self) -> list[Suppression]:
        """The ``per-file-ignores`` as suppressions (reported as unused at their line in ``path``)."""
        out = []
        for entry in self.per_file_ignores:
            span = Span(entry.line, 1, entry.line, 1 + len(entry.pattern)) if entry.line else None
            out.append(Suppression(entry.selectors, _display(self.path), span, None, entry.pattern, self.root))
        return out

    def rule_options(self) -> dict[str, dict[str, Any]]:
        """The rule options, with ``as-of`` as the option ``as_of`` of missing-realization (CAS701),
        where every realisasi rule and view reads it, unless that option is set itself."""
        options = {k: dict(v) for k, v in self.options.items()}
        if self.as_of is not None:
            options.setdefault("missing-realization", {}).setdefault("as_of", self.as_of)
        return options

    def run_settings(self) -> RunSettings:
        """The selection, options and per-file ignores, built once for a run (one process or by region)."""
        return RunSettings(Selection.of(self.select, self.extend_select, self.ignore, dict(self.severity)),
                           self.rule_options(), tuple(self.suppressions()))

    def validate_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for :func:`cascade.validate.validate` (and ``Cascade.validate``)."""
        return {
            "select": self.select,
            "extend_select": self.extend_select,
            "ignore": self.ignore,
            "severity": dict(self.severity),
            "options": self.rule_options(),
            "suppressions": self.suppressions(),
        }


def _display(path: str | None) -> str:
    """``path`` as findings show it: relative to the working directory when it lies inside it."""
    if path is None:
        return "<config>"
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith(os.pardir) else rel


def find_config(start: str | os.PathLike[str] | None = None) -> str | None:
    """The configuration file for ``start`` (default: the working directory), or None.

    Searches ``start`` and its parents; ``cascade.toml`` wins over ``pyproject.toml`` in the same
    folder, and a ``pyproject.toml`` without ``[tool.cascade]`` is passed over.
    """
    folder = os.path.abspath(start if start is not None else os.getcwd())
    while True:
        candidate = os.path.join(folder, "cascade.toml")
        if os.path.lexists(candidate) and not os.path.isdir(candidate):  # a special file is reported when read
            return candidate
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate) and _has_tool_table(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_table(path: str) -> bool:
    try:
        data = tomllib.loads(read_regular_file(path, MAX_CONFIG_BYTES, "configuration").decode("utf-8"))
    except (ConfigError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):  # RecursionError: arrays nested thousands deep
        return False  # not ours to judge: a broken pyproject.toml is another tool's problem
    tool = data.get("tool")
    return isinstance(tool, dict) and "cascade" in tool


def load_config(path: str | os.PathLike[str] | None = None, *, start: str | os.PathLike[str] | None = None) -> Settings:
    """The settings from ``path``, or from the file :func:`find_config` finds, or the defaults.

    Raises :class:`ConfigError` for an unreadable or invalid file.
    """
    found = os.fspath(path) if path is not None else find_config(start)
    if found is None:
        return Settings()
    raw = read_regular_file(found, MAX_CONFIG_BYTES, "configuration")
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"invalid TOML: {err}", path=found, message_id=f"TOML tidak valid: {err}") from None
    except RecursionError:  # tomllib recurses per nesting level; a shipped config must not crash the run
        raise ConfigError("invalid TOML: nested too deeply", path=found, message_id="TOML tidak valid: susunan terlalu dalam") from None
    if os.path.basename(found) == "pyproject.toml":
        table = data.get("tool", {}).get("cascade", {}) if isinstance(data.get("tool"), dict) else {}
        prefix = "tool.cascade."
    else:
        table, prefix = data, ""
    try:
        if not isinstance(table, dict):
            raise ConfigError("[tool.cascade] must be a table", path=found, key="tool.cascade", message_id="[tool.cascade] harus berupa tabel")
        return parse_settings(table, path=found, text=text, prefix=prefix)
    except ConfigError as err:
        place = _key_position(text, err.key, prefix) if err.path == found and err.line is None and err.key else None
        if place is None:
            raise
        raise err.at(*place) from None


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BLANKS = re.compile(r"[ \t]*")
# TOML's strings (the text is valid TOML: tomllib read it first). A basic string ends at an unescaped
# quote; a multi-line one at three quotes, which may be followed by one or two more that belong to it.
_BASIC = re.compile(r'"(?:[^"\\\n]+|\\.)*"')
_LITERAL = re.compile(r"'[^'\n]*'")
_ML_BASIC = re.compile(r'"""(?:[^"\\]+|\\[\s\S]|"{1,2}(?!"))*"""(?:"{1,2})?')
_ML_LITERAL = re.compile(r"'''(?:[^']+|'{1,2}(?!'))*'''(?:'{1,2})?")
_PLAIN = re.compile(r"[^\"'\[\]{}#\n]+")
#: Where a statement ends: blanks, a comment, the line break (``\n`` or ``\r\n``) or the end.
_END = re.compile(r"[ \t]*(?:#[^\n]*)?\r?(?:\n|\Z)")
#: Keys of more parts than this are not looked for (no configuration key has more than 4 or 5).
_MAX_KEY_PARTS = 64


class _Unsure(Exception):
    """The scanner met what it does not follow: no position rather than a wrong one."""


def _quoted(text: str, i: int) -> tuple[str, int] | None:
    """The value of the one-line TOML string at ``text[i]`` and where it ends."""
    m = (_BASIC if text[i] == '"' else _LITERAL).match(text, i)
    if m is None:
        return None
    raw = m.group()
    if raw[0] == "'" or "\\" not in raw:
        return raw[1:-1], m.end()
    try:  # escapes as TOML reads them (\u00e9, \"): one string, linear in its length
        return tomllib.loads("k = " + raw)["k"], m.end()
    except (tomllib.TOMLDecodeError, RecursionError):
        return None


def _dotted_key(text: str, start: int) -> tuple[tuple[str, ...], int] | None:
    """The TOML dotted key at ``text[start:]`` (bare, "basic" or 'literal' parts) and where it ends."""
    parts: list[str] = []
    i = start
    while True:
        i = _BLANKS.match(text, i).end()
        if i < len(text) and text[i] in "\"'":
            found = _quoted(text, i)
            if found is None:
                return None
            parts.append(found[0])
            i = found[1]
        else:
            bare = _BARE_KEY.match(text, i)
            if bare is None:
                return None
            parts.append(bare.group())
            i = bare.end()
        i = _BLANKS.match(text, i).end()
        if i < len(text) and text[i] == ".":
            i += 1
            continue
        return tuple(parts), i


def _skip_value(text: str, i: int) -> int:
    """Where the TOML value starting at ``text[i]`` ends: strings (one- and multi-line, basic and
    literal), arrays over several lines with their comments, inline tables, other scalars."""
    depth = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            three = text.startswith(c * 3, i)
            m = ((_ML_BASIC if three else _BASIC) if c == '"' else (_ML_LITERAL if three else _LITERAL)).match(text, i)
            if m is None:
                raise _Unsure
            i = m.end()
        elif c in "[{":
            depth += 1
            i += 1
        elif c in "]}":
            depth -= 1
            if depth < 0:
                raise _Unsure
            i += 1
        elif c == "#" or c == "\n":
            if depth == 0:
                return i
            i = text.find("\n", i) + 1 if c == "#" else i + 1
            if i == 0:
                raise _Unsure
        else:
            i = _PLAIN.match(text, i).end()
    if depth:
        raise _Unsure
    return i


def _statements(text: str) -> Iterator[tuple[tuple[str, ...], tuple[str, ...] | None, int, int]]:
    """``(table, key, line, column)`` of every table header (``key`` None) and key/value line of
    the TOML ``text``, in one pass, linear in its length: comments and strings of every kind are
    skipped as TOML reads them, lines end at ``\\n`` only (``\\r\\n`` too; U+2028 and NEL do not end a
    TOML line). Raises :class:`_Unsure` for anything else."""
    table: tuple[str, ...] = ()
    line, i, n = 1, 0, len(text)
    while i < n:
        p = _BLANKS.match(text, i).end()
        column = p - i + 1
        start = p
        if p < n and text[p] == "[":
            double = text.startswith("[[", p)
            found = _dotted_key(text, p + (2 if double else 1))
            if found is None or not text.startswith("]]" if double else "]", found[1]):
                raise _Unsure
            table = found[0]
            yield table, None, line, column
            p = found[1] + (2 if double else 1)
        elif p < n and text[p] not in "#\r\n":
            found = _dotted_key(text, p)
            if found is None or not text.startswith("=", found[1]):
                raise _Unsure
            yield table, found[0], line, column
            p = _skip_value(text, _BLANKS.match(text, found[1] + 1).end())
        end = _END.match(text, p)
        if end is None:
            raise _Unsure
        line += text.count("\n", start, end.end())
        i = end.end()


def _key_position(text: str, key: str | None, prefix: str = "") -> tuple[int, int] | None:
    """Where the configuration key ``key`` (dotted, as :class:`ConfigError` names it: ``as-of``,
    ``severity.CAS301``, ``per-file-ignores."a/*.yaml"``, ``tool.cascade.as-of``) is written in the TOML
    ``text``: (line, column) of the key or of its table's header, else of the nearest enclosing key
    that is written (an inline table), else None. Table headers (``[tool.cascade]``, ``[severity]``)
    and dotted keys are followed; comments and strings (also multi-line) are skipped as TOML reads
    them. One pass, linear in the text, keeping only the places of ``key``'s own prefixes: a key of
    60,000 parts costs its length, not its square. Where the scanner is unsure, None (no position
    rather than a wrong one); so for a key of more than 64 parts."""
    if not key:
        return None
    parsed = _dotted_key(key, 0)
    if parsed is None or parsed[1] != len(key):
        return None
    target = parsed[0]
    scope = tuple(prefix.rstrip(".").split(".")) if prefix else ()
    if scope and target[: len(scope)] != scope:
        target = scope + target  # 'unknown key' names the key without [tool.cascade]
    if len(target) > _MAX_KEY_PARTS:
        return None
    first: list[tuple[int, int] | None] = [None] * (len(target) + 1)  # by prefix length
    try:
        for table, parts, line, column in _statements(text):
            depth = len(table)
            if depth > len(target) or table != target[:depth]:
                continue
            if parts is None:
                if first[depth] is None:
                    first[depth] = (line, column)
                continue
            for part in parts:
                if depth >= len(target) or target[depth] != part:
                    break
                depth += 1
                if first[depth] is None:
                    first[depth] = (line, column)
    except _Unsure:
        return None
    for n in range(len(target), max(len(scope), 1) - 1, -1):  # down to [tool.cascade] itself, never [tool]
        if first[n] is not None:
            return first[n]
    return None


def _key_lines(text: str | None, table_key: tuple[str, ...]) -> dict[str, int]:
    """The line of each key of the table ``table_key`` (``("per-file-ignores",)``) in the TOML ``text``,
    in one pass: for positions in findings. Empty where the scanner is unsure."""
    if text is None:
        return {}
    out: dict[str, int] = {}
    size = len(table_key)
    try:
        for table, parts, line, _ in _statements(text):
            if parts is None or len(table) > size + 1:
                continue
            full = table + parts[: size + 2 - len(table)]
            if len(full) == size + 1 and full[:size] == table_key:
                out.setdefault(full[size], line)
    except _Unsure:
        return {}
    return out


def _did_you_mean(word: str, choices: Iterable[str], lang: str = "en") -> str:
    close = difflib.get_close_matches(word, list(choices), n=5, cutoff=0.6)
    if not close:
        return ""
    # equally close candidates (CAS1O3: CAS103 and CAS513) go to the one with fewer characters out
    # of place (then, as before, the alphabetically last one)
    best = difflib.SequenceMatcher(None, word, close[0]).ratio()
    tied = [c for c in close if difflib.SequenceMatcher(None, word, c).ratio() == best]
    pick = max(tied, key=lambda c: (-(sum(a != b for a, b in zip(word, c)) + abs(len(word) - len(c))), c))
    return f"; maksudnya '{pick}'?" if lang == "id" else f"; did you mean '{pick}'?"


def check_selectors(selectors: Iterable[str], path: str | None, key: str) -> None:
    """Raise :class:`ConfigError` naming every selector that names no rule."""
    bad = [s for s in selectors if not isinstance(s, str) or resolve_selector(s) is None]
    if bad:
        names = [r.name for r in all_rules()] + [r.code for r in all_rules()]
        detail = ", ".join(f"'{b}'" + (f" ({hint.lstrip('; ')})" if (hint := _did_you_mean(str(b), names)) else "") for b in bad)
        detail_id = ", ".join(f"'{b}'" + (f" ({hint.lstrip('; ')})" if (hint := _did_you_mean(str(b), names, "id")) else "") for b in bad)
        raise ConfigError(f"{key}: unknown rule selector(s): {detail}", path=path, key=key,
                          message_id=f"{key}: pemilih aturan tidak dikenal: {detail_id}")


def _strings(value: Any, path: str | None, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings", path=path, key=key, message_id=f"{key} harus berupa daftar teks")
    return tuple(value)


def _choice(value: Any, choices: Iterable[str], path: str | None, key: str) -> str:
    choices = tuple(choices)
    if value not in choices:
        raise ConfigError(f"{key} must be one of {', '.join(choices)}, not {value!r}", path=path, key=key,
                          message_id=f"{key} harus salah satu dari {', '.join(choices)}, bukan {value!r}")
    return value


def _severity(value: Any, path: str | None, key: str) -> str:
    return _choice(value.lower() if isinstance(value, str) else value, SEVERITIES, path, key)


def _table(value: Any, path: str | None, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key} must be a table", path=path, key=key, message_id=f"{key} harus berupa tabel")
    return value


def _compatible(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    return default is None or isinstance(value, type(default))


def parse_settings(table: Mapping[str, Any], *, path: str | None = None, text: str | None = None, prefix: str = "") -> Settings:
    """Settings from a parsed configuration table (the top level of ``cascade.toml``).

    ``text`` is the file's text, used only to place ``per-file-ignores`` entries for
    ``unused-suppression`` findings. Raises :class:`ConfigError`.
    """
    for key in table:
        if key not in KEYS:
            raise ConfigError(f"unknown key '{prefix}{key}'{_did_you_mean(key, KEYS)}", path=path, key=key,
                              message_id=f"kunci '{prefix}{key}' tidak dikenal{_did_you_mean(key, KEYS, 'id')}")
    root = os.path.dirname(os.path.abspath(path)) if path else os.curdir
    kw: dict[str, Any] = {"path": path, "root": root}
    for key, attr in (("select", "select"), ("extend-select", "extend_select"), ("ignore", "ignore")):
        if key in table:
            kw[attr] = _strings(table[key], path, prefix + key)
            check_selectors(kw[attr], path, prefix + key)
    if "exclude" in table:
        kw["exclude"] = _strings(table["exclude"], path, prefix + "exclude")
    if "per-file-ignores" in table:
        entries = []
        lines = _key_lines(text, tuple(prefix.rstrip(".").split(".")) + ("per-file-ignores",) if prefix else ("per-file-ignores",))
        for pattern, selectors in _table(table["per-file-ignores"], path, prefix + "per-file-ignores").items():
            key = f"{prefix}per-file-ignores.\"{pattern}\""
            sels = _strings(selectors, path, key)
            check_selectors(sels, path, key)
            entries.append(PerFileIgnore(pattern, sels, lines.get(pattern)))
        kw["per_file_ignores"] = tuple(entries)
    if "severity" in table:
        pairs = []
        for sel, value in _table(table["severity"], path, prefix + "severity").items():
            check_selectors([sel], path, prefix + "severity")
            pairs.append((sel, _severity(value, path, f"{prefix}severity.{sel}")))
        kw["severity"] = tuple(pairs)
    if "lang" in table:
        kw["lang"] = _choice(table["lang"], LANGUAGES, path, prefix + "lang")
    if "fail-level" in table:
        kw["fail_level"] = Severity(_severity(table["fail-level"], path, prefix + "fail-level"))
    if "baseline" in table:
        if not isinstance(table["baseline"], str):
            raise ConfigError(f"{prefix}baseline must be a path", path=path, key=prefix + "baseline",
                              message_id=f"{prefix}baseline harus berupa jalur berkas")
        _no_nul(table["baseline"], path, prefix + "baseline", "file")  # "" and "." are folders: 'not a regular file' when read
        kw["baseline"] = os.path.join(root, table["baseline"])
    if "cache-dir" in table:
        if not isinstance(table["cache-dir"], str) or not table["cache-dir"].strip():
            raise ConfigError(f"{prefix}cache-dir must be a path", path=path, key=prefix + "cache-dir",
                              message_id=f"{prefix}cache-dir harus berupa jalur folder")
        _no_nul(table["cache-dir"], path, prefix + "cache-dir", "folder")
        kw["cache_dir"] = _cache_dir_inside(root, table["cache-dir"], path, prefix + "cache-dir")
    if "as-of" in table:
        kw["as_of"] = _year(table["as-of"], path, prefix + "as-of")
    if "options" in table:
        kw["options"] = _options(_table(table["options"], path, prefix + "options"), path, prefix + "options")
    return Settings(**kw)


_WHAT_ID = {"file": "berkas", "folder": "folder"}


def _no_nul(value: str, path: str | None, key: str, what: str) -> None:
    """Refuse a path with a NUL character (no file has one; ``os.open`` raises ValueError on it)."""
    if "\0" in value:
        raise ConfigError(f"{key} must be a {what} path without NUL characters", path=path, key=key,
                          message_id=f"{key} harus berupa jalur {_WHAT_ID[what]} tanpa karakter NUL")


def _path(value: str, path: str | None, key: str, what: str) -> None:
    """A path given by a flag: not empty (``--baseline ""`` silently meant no baseline) and without NUL."""
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{key} needs a {what} path, not an empty text", path=path, key=key,
                          message_id=f"{key} memerlukan jalur {_WHAT_ID[what]}, bukan teks kosong")
    _no_nul(value, path, key, what)


def _cache_dir_inside(root: str, value: str, path: str | None, key: str) -> str:
    """The configured cache folder, which must resolve (symbolic links followed) inside ``root``, the
    folder of the configuration file: a shipped ``cache-dir = "/home/ci/.ssh"`` or ``"../../x"``
    would otherwise choose where cascade creates folders and writes. ``--cache-dir`` is free."""
    folder = os.path.join(root, os.path.expanduser(value))
    try:
        real_root = os.path.realpath(root)
        inside = os.path.commonpath([real_root, os.path.realpath(folder)]) == real_root
    except (ValueError, OSError):  # another drive on Windows
        inside = False
    if not inside:
        shown, where = escape_unsafe(value), escape_unsafe(root)
        raise ConfigError(
            f"{key} must be a folder inside {where} (the folder of this configuration), not '{shown}'; "
            "to keep the cache elsewhere, pass --cache-dir",
            path=path, key=key,
            message_id=f"{key} harus berupa folder di dalam {where} (folder konfigurasi ini), bukan '{shown}'; "
            "untuk menyimpan cache di tempat lain, gunakan --cache-dir",
        )
    return folder


def _year(value: Any, path: str | None, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2200:
        raise ConfigError(f"{key} must be a year such as 2024, not {value!r}", path=path, key=key,
                          message_id=f"{key} harus berupa tahun seperti 2024, bukan {value!r}")
    return value


def _options(table: Mapping[str, Any], path: str | None, where: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, values in table.items():
        rule = get_rule(name)
        if rule is None:
            names = [r.name for r in all_rules()]
            raise ConfigError(f"{where}: unknown rule '{name}'{_did_you_mean(name, names)}", path=path, key=f"{where}.{name}",
                              message_id=f"{where}: aturan '{name}' tidak dikenal{_did_you_mean(name, names, 'id')}")
        values = _table(values, path, f"{where}.{name}")
        for option, value in values.items():
            key = f"{where}.{name}.{option}"
            if option not in rule.options:
                known = ", ".join(sorted(rule.options)) or "none"
                raise ConfigError(
                    f"unknown option '{key}'{_did_you_mean(option, rule.options)} (options of {rule.name}: {known})",
                    path=path,
                    key=key,
                    message_id=f"opsi '{key}' tidak dikenal{_did_you_mean(option, rule.options, 'id')} "
                    f"(opsi {rule.name}: {', '.join(sorted(rule.options)) or 'tidak ada'})",
                )
            if not _compatible(value, rule.options[option]):
                default = rule.options[option]
                raise ConfigError(f"{key} must be like the default {default!r}, not {value!r}", path=path, key=key,
                                  message_id=f"{key} harus sejenis dengan bawaannya {default!r}, bukan {value!r}")
        out[rule.name] = dict(values)
    return out
