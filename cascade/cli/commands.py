"""The ``cascade`` command: a thin layer over the public API.

Commands: ``lint`` (the default use), ``rules``, ``explain``, ``schema``, ``report``, and the plan
revision commands ``diff``, ``review``, ``realign`` (:mod:`cascade.cli.revisions`). Settings come from
``cascade.toml`` or ``[tool.cascade]`` in ``pyproject.toml`` (see :mod:`cascade.config`); flags
override them. Messages are in Indonesian unless ``--lang en`` or ``lang = "en"`` says otherwise,
since the users are Indonesian planners.

Exit codes: 0 clean (or ``--exit-zero``), 1 findings at or above the fail level (default: error),
2 usage or configuration errors (unknown flag, rule, config key, missing path).
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import re
import sys
from typing import Any, NoReturn, Sequence, TextIO

from typing import TYPE_CHECKING

# Only what parsing the arguments needs is imported here: `cascade --version` and a usage error must
# not wait for pydantic's models and networkx (the engine is imported by the command that runs).
from .._version import __version__
from ..core.findings import DEFAULT_LANG, LANGUAGES, Severity
from .helptext import localize
from .argtypes import positive as _positive
from .report import add_report_parser
from ..core.text import json_text

if TYPE_CHECKING:
    from ..review.config import Settings
    from ..review.pipeline import LintResult
    from ..rules.base import Rule

#: Report formats, the default first; equal to cascade.reporters.FORMATS (a test checks).
FORMATS = ("full", "concise", "json", "sarif", "github", "gitlab", "junit")

__all__ = ["main"]

_MESSAGES = {
    "baseline-written": {
        "en": "wrote {n} findings to the baseline {path}",
        "id": "{n} temuan ditulis ke baseline {path}",
    },
    "gone": {
        "en": "{n} baseline entries are gone (fixed); refresh the baseline with --write-baseline {path}",
        "id": "{n} entri baseline sudah hilang (diperbaiki); perbarui baseline dengan --write-baseline {path}",
    },
    "gone-entry": {"en": "  gone: {file} {rule} {ref} (x{count})", "id": "  hilang: {file} {rule} {ref} (x{count})"},
    "dask": {
        "en": "--dask needs Dask, the dask extra of sakip-cascade: pip install 'dask[distributed]'",
        "id": "--dask memerlukan Dask, paket tambahan dask dari sakip-cascade: pip install 'dask[distributed]'",
    },
    "unknown-rule": {"en": "unknown rule '{name}'{hint}", "id": "aturan '{name}' tidak dikenal{hint}"},
    "hint": {"en": "; did you mean '{hint}'?", "id": "; maksudnya '{hint}'?"},
    "table-heads": {"en": "CODE|NAME|SEVERITY|SUMMARY", "id": "KODE|NAMA|TINGKAT|RINGKASAN"},
    "severity-flag": {
        "en": "--severity takes RULE=LEVEL (error, warning, info), not '{value}'",
        "id": "--severity menerima ATURAN=TINGKAT (error, warning, info), bukan '{value}'",
    },
    "stdout": {"en": "standard output", "id": "keluaran standar"},
}


def _msg(key: str, lang: str, **args: object) -> str:
    return _MESSAGES[key].get(lang, _MESSAGES[key]["en"]).format(**args)


def _say(stream: TextIO, key: str, lang: str, **args: object) -> None:
    stream.write(f"cascade: {_msg(key, lang, **args)}\n")




#: argparse's usage errors, in Bahasa Indonesia (the help texts stay English, like the flags).
_ARGPARSE_ID = (
    (re.compile(r"^unrecognized arguments: (.*)$"), "argumen tidak dikenal: {0}"),
    (re.compile(r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$"), "argumen {0}: pilihan {1} tidak valid (pilih dari {2})"),
    (re.compile(r"^argument (\S+): invalid (\S+) value: (.*)$"), "argumen {0}: nilai {2} tidak valid"),
    (re.compile(r"^argument (\S+): expected one argument$"), "argumen {0}: memerlukan satu nilai"),
    (re.compile(r"^argument (\S+): must be 1 or more$"), "argumen {0}: harus 1 atau lebih"),
    (re.compile(r"^argument (\S+): ignored explicit argument (.*)$"), "argumen {0}: nilai {1} diabaikan"),
    (re.compile(r"^the following arguments are required: (.*)$"), "argumen berikut wajib diisi: {0}"),
    (re.compile(r"^ambiguous option: (\S+) could match (.*)$"), "opsi {0} ambigu: bisa berarti {1}"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors in the run's language (``--lang`` on the command line, else Indonesian)."""

    lang = DEFAULT_LANG

    def error(self, message: str) -> NoReturn:
        word = "error"
        if self.lang == "id":
            word = "kesalahan"
            for pattern, template in _ARGPARSE_ID:
                found = pattern.match(message)
                if found:
                    message = template.format(*found.groups())
                    break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {word}: {message}\n")


def _lang_of(argv: Sequence[str]) -> str:
    """The ``--lang`` of a command line before it is parsed (for the parser's own errors)."""
    for i, token in enumerate(argv):
        if token == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if token.startswith("--lang="):
            return token.split("=", 1)[1]
    return DEFAULT_LANG


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cascade", description="Periksa apakah rencana pembangunan berjenjang (cascading), dari RPJMN sampai "
                     "target kinerja pegawai. / Check that development plans cascade, from the RPJMN down to staff targets.")
    parser.add_argument("--version", action="version", version=f"cascade {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    lint_p = sub.add_parser("lint", help="check plan YAML files and folders / periksa berkas dan folder rencana")
    lint_p.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="plan files or folders, searched recursively (default: .)")
    lint_p.add_argument("--format", choices=FORMATS, help="report format (default: full)")
    lint_p.add_argument("--output", metavar="FILE", help="write the report to FILE; the terminal still gets the full text")
    lint_p.add_argument("--lang", choices=LANGUAGES, help=f"message language (default: {DEFAULT_LANG}, or config 'lang')")
    selector_help = "rule codes, code prefixes (CAS3) or names; comma-separated, repeatable"
    lint_p.add_argument("--select", action="append", default=[], metavar="RULES", help=f"run only these rules: {selector_help}")
    lint_p.add_argument("--extend-select", action="append", default=[], metavar="RULES", help="add rules to the selection")
    lint_p.add_argument("--ignore", action="append", default=[], metavar="RULES", help="leave these rules out")
    lint_p.add_argument("--severity", action="append", default=[], metavar="RULE=LEVEL", help="override a rule's severity, e.g. orphan-indicator=error")
    lint_p.add_argument("--fail-level", choices=[s.value for s in Severity], help="lowest severity that makes the exit code 1 (default: error)")
    lint_p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    lint_p.add_argument("-q", "--quiet", action="store_true",
                        help="no progress line (drawn only when standard error is a terminal) and no summary on standard error")
    lint_p.add_argument("--config", metavar="FILE", help="use this cascade.toml or pyproject.toml instead of searching for one")
    lint_p.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    lint_p.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline and exit 0")
    lint_p.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")
    lint_p.add_argument("--cache-dir", metavar="DIR", help="keep the parse cache in DIR (default: the user's cache folder, "
                                                             "one per workspace; config 'cache-dir')")
    lint_p.add_argument("--jobs", type=_positive, metavar="N", help="processes that parse files and run rules (default: both cores when it pays; 1 for none)")
    lint_p.add_argument("--as-of", type=int, metavar="YEAR", help="the year realisasi is reported as of (default: config 'as-of', else the current year)")
    lint_p.add_argument("--show-personal", action="store_true", help="show employee numbers (NIP) and names in findings instead of masking them")
    lint_p.add_argument("--dask", nargs="?", const="", default=None, metavar="ADDRESS",
                        help="validate partitioned by region on Dask: a local cluster, or the scheduler at ADDRESS (needs sakip-cascade[dask])")
    lint_p.add_argument("--by-region", action=argparse.BooleanOptionalAction, default=None,
                        help="validate partitioned by region on local processes, the same report with less memory "
                             "(default: on from 200 MB of plan files; the parse cache is not used then)")

    rules_p = sub.add_parser("rules", help="list the rules / daftar aturan")
    rules_p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    rules_p.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    rules_p.add_argument("--lang", choices=LANGUAGES, help=f"language of the summaries (default: {DEFAULT_LANG}; en for --format json)")

    explain_p = sub.add_parser("explain", help="show a rule's documentation / penjelasan satu aturan")
    explain_p.add_argument("rule", metavar="RULE", help="rule code or name, or a code prefix (CAS3) for a group")
    explain_p.add_argument("--format", choices=("text", "json"), default="text",
                           help="output format (json: code, name, severity, summary, documentation and message templates)")
    explain_p.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    explain_p.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG, help="language of the documentation and messages")

    schema_p = sub.add_parser("schema", help="print the JSON Schema of plan files (for editors' YAML language server) / skema JSON untuk editor")
    schema_p.add_argument("--format", choices=("json",), default="json", help="output format (the one there is: json)")
    schema_p.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    schema_p.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG, help="language of error messages")
    add_report_parser(sub)
    from .sakip import add_sakip_parser

    add_sakip_parser(sub)

    from .capaian import add_capaian_parser

    add_capaian_parser(sub)

    from .explore import add_explore_parsers

    add_explore_parsers(sub)

    from .tables import add_table_parsers

    add_table_parsers(sub)

    from .server import add_server_parser

    add_server_parser(sub)
    from .revisions import add_revision_parsers

    add_revision_parsers(sub)
    for name, text in _DESCRIPTIONS.items():  # what `cascade COMMAND --help` says first, Bahasa Indonesia first
        if name in sub.choices:
            sub.choices[name].description = text
    return parser


#: The first paragraph of each command's help, ``Indonesian / English``: shown in the run's language (cli.helptext).
_DESCRIPTIONS = {
    "lint": "Periksa berkas dan folder rencana: setiap temuan dengan kode dan nama aturan, tingkat, rujukan, berkas, "
            "baris dan kolom. / Check plan files and folders: each finding with its rule code and name, severity, "
            "reference, file, line and column.",
    "rules": "Daftar aturan. / List the rules.",
    "explain": "Penjelasan satu aturan: dasar hukum, contoh yang gagal dan yang lolos. / A rule's documentation: its "
               "basis, a failing and a passing example.",
    "schema": "Skema JSON berkas rencana, untuk pelengkapan di editor. / The JSON Schema of plan files, for "
              "completion in editors.",
    "report": "Laporan HTML mandiri: ringkasan per dokumen, pohon kinerja, temuan, matriks keterkaitan, capaian, "
              "pra-evaluasi SAKIP. / A self-contained HTML report: a summary per document, the performance tree, "
              "findings, alignment matrices, capaian, the SAKIP pre-evaluation.",
    "sakip": "Pra-evaluasi SAKIP (LKE PermenPANRB 88/2021): jawaban kriteria yang dapat dibuktikan rencana, nilai "
             "indikatif dan predikat. / SAKIP pre-evaluation (the LKE of PermenPANRB 88/2021): the answers to the "
             "criteria the plans can prove, the indicative score and grade.",
    "capaian": "Realisasi, capaian dan kategori setiap indikator yang diukur; --lkjip tabel LKjIP, --by-document per "
               "dokumen dan tingkat. / Realisasi, capaian and category of every measured indicator; --lkjip the "
               "LKjIP table, --by-document per document and level.",
    "trace": "Telusuri setiap rantai dari sebuah elemen atau indikator sampai RPJMN (--down: yang ada di bawahnya). "
             "/ Every chain from an element or indicator up to the RPJMN (--down: what lies below it).",
    "coverage": "Cakupan per dokumen: tertaut ke atas, didukung dari bawah, elemen dan indikator yatim, temuan. "
                "/ Coverage per document: linked upward, supported from below, orphaned elements and indicators, "
                "findings.",
    "import": "Ubah tabel rencana (.xlsx, .csv) menjadi YAML, dengan komentar yang menyebut sel sumbernya. "
              "/ Turn a plan table (.xlsx, .csv) into plan YAML, with comments naming each value's source cell.",
    "export": "Tulis ruang kerja dan temuannya sebagai buku kerja Excel. / Write the workspace and its findings as "
              "an Excel workbook.",
    "server": "Server bahasa (LSP) untuk editor; memerlukan extra lsp. / The language server (LSP) for editors; "
              "needs the lsp extra.",
    "diff": "Apa yang berubah antara dua keadaan rencana, dan apa yang bergantung padanya. "
            "/ What changed between two states of the plans, and what depends on it.",
    "review": "Tautan yang perlu ditinjau ulang dan keadaan tinjauan di cascade.lock. / Links to review again, and "
              "the review state in cascade.lock.",
    "realign": "Usulan penyelarasan tautan dari rencana atas lama ke yang baru (RPJMN 2020-2024 ke 2025-2029). "
               "/ Proposed re-alignment of links from an old upper plan to the new one (RPJMN 2020-2024 to "
               "2025-2029).",
}


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _severity_overrides(values: Sequence[str], lang: str) -> dict[str, str]:
    out = {}
    for item in _split(values):
        rule, sep, level = item.partition("=")
        if not sep or not rule.strip():
            from ..review.config import ConfigError

            raise ConfigError(_msg("severity-flag", lang, value=item))
        out[rule.strip()] = level.strip()
    return out


def _settings(args: argparse.Namespace) -> "Settings":
    from ..review.config import load_config

    lang = args.lang or DEFAULT_LANG
    settings = load_config(args.config)
    return settings.override(
        select=_split(args.select),
        extend_select=_split(args.extend_select),
        ignore=_split(args.ignore),
        severity=_severity_overrides(args.severity, lang),
        lang=args.lang,
        fail_level=args.fail_level,
        baseline=args.baseline,
        cache_dir=args.cache_dir,
        as_of=getattr(args, "as_of", None),
    )


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _repository_root() -> str:
    from .paths import repository_root

    return repository_root()


def _render(result: "LintResult", formats: list[str]) -> list[str]:
    from ..core.pool import bulk
    from ..reporters import render_reports

    # with the collector paused, as the lint was: a report makes strings, lists and dicts and no
    # cycles, and a full collection over the loaded workspace cost 1.5 s of the full report of a
    # noisy 20,000-element workspace (36,634 findings); the formats after the first are rendered
    # beside it in a forked process when there are many findings
    with bulk():
        return render_reports(
            result.report, formats, lang=result.settings.lang, sources=result.sources, files=result.files,
            root=_repository_root(), fail_level=result.settings.fail_level,
        )


def _lint(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..core.pool import bulk

    # the engine imported with the collector paused: pydantic's schemas and networkx make hundreds
    # of thousands of objects and no garbage, and the collections cost 45 ms of the 0.3 s of imports
    with bulk():
        from ..core.errors import UsageError
        from ..review.config import ConfigError
        from ..read.cache import default_cache_dir
        from ..review.pipeline import lint, write_baseline
        from .inputs import workspace_paths
        from .paths import config_error, summary_line, write_error
        from .progress import progress_for

    lang = args.lang or DEFAULT_LANG
    try:
        settings = _settings(args)
        lang = settings.lang
        # reserved files named directly (a hook passing the changed files) are not plans: a sidecar
        # stands for its table, cascade.lock is left out; only those named is a clean, empty run
        paths = workspace_paths(args.paths, settings, lang, err, quiet=args.quiet, nothing_is_clean=True,
                                cache=not args.no_cache)
        if paths is None:
            return 2
        progress = progress_for(err, args.quiet, lang)
        try:
            result = lint(
                paths, settings, use_baseline=args.write_baseline is None,
                cache=None if args.no_cache else settings.cache_dir or default_cache_dir(), jobs=args.jobs, show_personal=args.show_personal,
                dask=args.dask, by_region=args.by_region, progress=progress,
            )
        finally:
            if progress is not None:
                progress.clear()
    except ConfigError as exc:
        err.write(config_error(exc, lang))
        return 2
    except UsageError as exc:
        # a rule option of the right type but the wrong shape, found when its rule first reads it
        # (``[options.unit-name-mismatch] name_units = [{starts = ["x"]}]``): a configuration error
        err.write(config_error(exc, lang))
        return 2
    except ImportError as exc:
        # Dask missing (cascade.scale.distributed.MissingDependency); that module is imported only
        # when a run goes by region, so it is not imported here for every lint
        if type(exc).__name__ != "MissingDependency":
            raise
        _say(err, "dask", lang)
        return 2
    try:
        if args.write_baseline is not None:
            _write(args.write_baseline, write_baseline(result, args.write_baseline))
            _say(err, "baseline-written", lang, n=len(result.report), path=args.write_baseline)
            return 0
        terminal_full = args.output is not None or args.format is None
        # the terminal's text; on GitHub Actions the full text also gets annotations, unless a
        # format was asked for the terminal
        terminal = ["full" if terminal_full else args.format]
        if terminal_full and os.environ.get("GITHUB_ACTIONS"):
            terminal.append("github")
        texts: list[str] | None = None
        if args.output is not None:
            written, *texts = _render(result, [args.format or "full", *terminal])
            _write(args.output, written)
    except OSError as exc:
        err.write(write_error(args.write_baseline or args.output, exc, lang))
        return 2
    if texts is None:
        texts = _render(result, terminal)
    code = 1 if result.failed() and not args.exit_zero else 0
    if _KEPT is not None:  # with its exit code, for run() also when the reader of standard output leaves early
        _KEPT.append((result, code))
    for text in texts:
        out.write(text)
    if not args.quiet:
        stats = result.report.stats
        err.write(summary_line(stats.get("files", 0), stats.get("documents", 0), lang, stats.get("realisasi", 0)))
    if result.gone:
        _say(err, "gone", lang, n=len(result.gone), path=settings.baseline)
        for entry in result.gone:
            err.write(_msg("gone-entry", lang, file=entry.file, rule=entry.rule, ref=entry.ref or "-", count=entry.count) + "\n")
    return code


#: What a lint leaves for the end of the process when :func:`run` (the ``cascade`` command) called
#: it, None when :func:`main` was called from Python: ``(result, exit code)``. Freeing a loaded
#: workspace object by object cost 0.12 s of a whole ``cascade lint`` at 20,000 elements (2.21 s
#: against 2.09 s, mean of five), and the process is about to end anyway; the exit code stands when
#: the reader of standard output left before the report was written (``cascade lint | head``).
_KEPT: list[tuple[Any, int]] | None = None


def _deliver(text: str, args: argparse.Namespace, out: TextIO, err: TextIO, lang: str) -> int:
    """``text`` to ``--output FILE`` when given (exit 2 when it cannot be written), else to ``out``."""
    from .paths import write_output

    return write_output(text, getattr(args, "output", None), out, err, lang,
                        show_personal=getattr(args, "show_personal", False), json_text=getattr(args, "format", None) == "json")


def _rule_rows(rules: Sequence[type["Rule"]], lang: str) -> list[dict[str, Any]]:
    """The JSON rows of ``rules``: severity keeps its value; the summary is plain text in ``lang``."""
    from ..rules import docs as rule_docs

    return [{"code": r.code, "name": r.name, "severity": r.severity.value, "summary": rule_docs.summary(r, lang)} for r in rules]


def _rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..rules.catalog import all_rules

    rules = all_rules()
    if args.format == "json":
        lang = args.lang or "en"  # a script's summaries stay as they were unless it asks
        return _deliver(json_text(_rule_rows(rules, lang)), args, out, err, lang)
    text = io.StringIO()
    _rule_table(rules, args.lang or DEFAULT_LANG, text)
    return _deliver(text.getvalue(), args, out, err, args.lang or DEFAULT_LANG)


def _rule_table(rules: Sequence[type["Rule"]], lang: str, out: TextIO) -> None:
    from ..rules import docs as rule_docs

    words = rule_docs.SEVERITY_WORDS.get(lang, rule_docs.SEVERITY_WORDS["en"])
    heads = _msg("table-heads", lang).split("|")
    width = max(len(r.name) for r in rules)
    sev_width = max(len(heads[2]), *(len(w) for w in words.values()))
    out.write(f"{heads[0]:<7} {heads[1]:<{width}} {heads[2]:<{sev_width}} {heads[3]}\n")
    for r in rules:
        out.write(f"{r.code:<7} {r.name:<{width}} {words[r.severity.value]:<{sev_width}} {rule_docs.summary(r, lang)}\n")


def _explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..rules import docs as rule_docs
    from ..rules.catalog import all_rules, get_rule, resolve_selector

    rule = get_rule(args.rule)
    group = resolve_selector(args.rule) if rule is None and re.fullmatch(r"CAS\d{0,2}(xx?)?", args.rule, re.I) else None
    if rule is None and group is None and re.fullmatch(r"CAS\d{0,2}xx?", args.rule, re.I):
        group = resolve_selector(re.sub("x", "", args.rule, flags=re.I))
    if group:
        if args.format == "json":
            return _deliver(json_text(_rule_rows(group, args.lang)), args, out, err, args.lang)
        text = io.StringIO()
        _rule_table(group, args.lang, text)
        return _deliver(text.getvalue(), args, out, err, args.lang)
    if rule is None:
        keys = [r.name for r in all_rules()] + [r.code for r in all_rules()]
        close = difflib.get_close_matches(args.rule, keys, n=1, cutoff=0.6)
        hint = _msg("hint", args.lang, hint=close[0]) if close else ""
        _say(err, "unknown-rule", args.lang, name=args.rule, hint=hint)
        return 2
    if args.format == "json":
        row = _rule_rows([rule], args.lang)[0] | {
            "documentation": rule_docs.documentation(rule, args.lang),
            "messages": {variant: dict(texts) for variant, texts in rule.messages.items()},
        }
        return _deliver(json_text(row), args, out, err, args.lang)
    word = rule_docs.SEVERITY_WORDS.get(args.lang, rule_docs.SEVERITY_WORDS["en"])[rule.severity.value]
    return _deliver(f"{rule.code} {rule.name} ({word})\n\n{rule_docs.documentation(rule, args.lang)}\n", args, out, err, args.lang)


def _dask_address_or_path(argv: list[str]) -> list[str]:
    """``--dask PATH`` means a local cluster: only a scheduler address (``tcp://host:8786``) is taken."""
    for i, token in enumerate(argv[:-1]):
        nxt = argv[i + 1]
        address = "://" in nxt or re.fullmatch(r"[\w.-]+:\d+", nxt) is not None
        if token == "--dask" and (not address or os.path.exists(nxt)):
            argv[i] = "--dask="
    return argv


class _OutputFailed(Exception):
    """Standard output refused a write (a full disk, ``> /dev/full``, an I/O error). Not an OSError,
    so that no command's own ``except OSError`` (meant for its ``--output`` file or its inputs)
    takes it for something else; :func:`main` turns it into one message and exit code 2."""

    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


class _Guarded:
    """A command's standard output: a write or flush that fails raises :class:`_OutputFailed`,
    except a broken pipe (the reader left: ``cascade rules | head -1``), which :func:`run` ends
    quietly. Everything else is the stream's own."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputFailed(exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputFailed(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


#: Whether standard output refused a write in this process (said once, by :func:`main` or :func:`run`).
_OUTPUT_FAILED = False


def _output_failed(exc: OSError, err: TextIO, lang: str) -> int:
    """Say once on ``err`` that standard output cannot be written (as ``--output FILE`` says it); 2."""
    global _OUTPUT_FAILED
    from .paths import write_error

    if not _OUTPUT_FAILED:
        _OUTPUT_FAILED = True
        try:
            err.write(write_error(_msg("stdout", lang), exc, lang))
            err.flush()
        except (OSError, ValueError):  # standard error gone too: the exit code says it
            pass
    return 2


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit code. ``stdout``/``stderr`` default to the process's.

    Standard output that refuses a write (a full disk) is exit code 2 with one message on ``stderr``,
    for every command, as an ``--output FILE`` that cannot be written is."""
    global _OUTPUT_FAILED
    _OUTPUT_FAILED = False
    err = stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_of(argv)
    out = _Guarded(stdout or sys.stdout)
    try:
        return _main(argv, out, err)  # type: ignore[arg-type]
    except _OutputFailed as exc:
        return _output_failed(exc.error, err, lang if lang in LANGUAGES else DEFAULT_LANG)


def _main(argv: list[str], out: TextIO, err: TextIO) -> int:
    parser = _parser()
    _Parser.lang = _lang_of(argv)
    localize(parser, _Parser.lang if _Parser.lang in LANGUAGES else DEFAULT_LANG)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err  # argparse writes help and usage errors to the process's streams
    try:
        args = parser.parse_args(_dask_address_or_path(argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        sys.stdout, sys.stderr = saved
    if args.command is None:
        parser.print_help(err)
        return 2
    if args.command == "lint":
        return _lint(args, out, err)
    if args.command == "report":
        from .report import run_report

        return run_report(args, err, out)
    if args.command in ("import", "export"):
        from .tables import run_export, run_import

        return run_import(args, out, err) if args.command == "import" else run_export(args, err)
    if args.command == "server":
        from .server import run_server

        return run_server(args, err)
    if args.command in ("diff", "review", "realign"):
        from .revisions import run_revision_command

        return run_revision_command(args, out, err)
    if args.command == "sakip":
        from .sakip import run_sakip

        return run_sakip(args, out, err)
    if args.command == "capaian":
        from .capaian import run_capaian

        return run_capaian(args, out, err)
    if args.command in ("trace", "coverage"):
        from .explore import run_coverage, run_trace

        return (run_trace if args.command == "trace" else run_coverage)(args, out, err)
    if args.command == "rules":
        return _rules(args, out, err)
    if args.command == "explain":
        return _explain(args, out, err)
    from ..build.json_schema import document_json_schema

    return _deliver(json_text(document_json_schema()), args, out, err, args.lang)


def run() -> None:  # console script entry point
    global _KEPT
    _KEPT = []
    from ..core.pool import own_process

    own_process()  # the command owns its process: loading may pause the garbage collector (core.pool.bulk)
    try:
        code = main()
        if sys.stdout is not None and not sys.stdout.closed:  # `cascade server`: the LSP library closes stdout on exit
            sys.stdout.flush()
    except BrokenPipeError:  # `cascade rules | head`: the reader left; no traceback
        _discard_stdout()
        code = _KEPT[-1][1] if _KEPT else 0
    except OSError as exc:  # the report was held in the buffer and standard output refused it (`> /dev/full`)
        _discard_stdout()
        lang = _lang_of(sys.argv[1:])
        code = _output_failed(exc, sys.stderr, lang if lang in LANGUAGES else DEFAULT_LANG)
    else:
        if _OUTPUT_FAILED:  # what main() could not write is still buffered: not again at exit
            _discard_stdout()
    if _KEPT and _whole_process(sys._getframe(1)):
        # a lint kept its workspace: end without freeing it. Every file was written and closed,
        # every worker pool shut down; the standard streams are flushed here.
        if sys.stderr is not None:  # None when the process was started with standard error closed
            try:
                sys.stderr.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)


def _discard_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered for it is dropped
    at exit instead of failing again (the recipe of the Python documentation for SIGPIPE)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _whole_process(caller: Any) -> bool:
    """Whether :func:`run` is all the process does, so that it may end it without the interpreter's
    clean-up: called by the ``cascade`` console script's module or by ``python -m cascade`` itself,
    with no tracer or profiler hooked in (``coverage``, ``python -m cProfile``, ``python -m trace``
    write their results at exit) and not under ``python -i``. A program that calls :func:`run`
    (``runpy``, a ``python -c`` line, a function with its own ``try``/``finally``) gets the ordinary
    exit; a script file whose top level calls it is taken for the console script."""
    if sys.gettrace() is not None or sys.getprofile() is not None or sys.flags.inspect:
        return False
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12+: coverage may use it instead of a tracer
    if monitoring is not None and any(monitoring.get_tool(i) is not None for i in range(6)):
        return False
    outer = caller.f_back
    if outer is None:  # a script's top level called run(): the console script (`python -c` is a program of its own)
        return caller.f_code.co_filename not in ("<string>", "<stdin>")
    # python -m cascade: runpy's _run_module_as_main -> _run_code -> cascade/__main__.py -> run()
    first = outer.f_back
    return (caller.f_globals.get("__name__") == "__main__" and outer.f_code.co_name == "_run_code"
            and first is not None and first.f_code.co_name == "_run_module_as_main" and first.f_back is None)
