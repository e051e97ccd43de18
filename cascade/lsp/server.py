"""``cascade server``: the Language Server Protocol over stdio (pygls), backed by the incremental engine.

One :class:`Folder` per workspace folder of the editor: its ``cascade.toml``/``[tool.cascade]``
settings, baseline and ``cascade.lock`` as ``cascade lint`` reads them, and a
:class:`cascade.incremental.LiveWorkspace` of its plan files. Open buffers replace the files' texts
(unsaved edits count); every change reruns what it can affect and publishes the diagnostics of
every plan file whose findings changed, so a renamed id shows at once in the files that name it.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import urllib.parse
import urllib.request
from typing import Any

from .._version import __version__
from ..core.errors import MissingExtraError
from ..core.findings import DEFAULT_LANG, Finding, Report, Severity

try:
    from lsprotocol import types as lsp
    from pygls.server import LanguageServer
except ImportError as exc:  # pragma: no cover - exercised by the CLI test without the extra
    raise MissingExtraError(
        "cascade server needs the 'lsp' extra: pip install -e \".[lsp]\" (pygls)",
        message_id="cascade server memerlukan paket tambahan 'lsp': pip install -e \".[lsp]\" (pygls)",
    ) from exc

from ..incremental import LiveWorkspace
from ..read.discovery import SIDECAR_SUFFIX, WORKBOOK_SUFFIXES
from ..review.baseline import apply_baseline, read_baseline
from ..review.config import ConfigError, Settings, load_config
from ..revisions.lock import add_lock_findings, find_lock, resolve_lock, with_lock
from . import features

#: Seconds a change waits for the next keystroke before the rules run.
DEBOUNCE = 0.25

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def uri_to_path(uri: str) -> str:
    parsed = urllib.parse.urlparse(uri)
    return os.path.abspath(urllib.request.url2pathname(urllib.parse.unquote(parsed.path)))


def path_to_uri(path: str) -> str:
    import pathlib

    return pathlib.Path(os.path.abspath(path)).as_uri()


def to_utf16(line: str, col: int) -> int:
    """LSP's column (UTF-16 code units, the default ``positionEncoding``) of code point ``col`` of ``line``:
    a character beyond the BMP (an emoji) counts twice."""
    head = line[:col]
    return col if head.isascii() else col + sum(1 for ch in head if ord(ch) > 0xFFFF)


def from_utf16(line: str, units: int) -> int:
    """The code point column of LSP's column ``units`` (UTF-16 code units) on ``line``."""
    if line.isascii():
        return units
    count = 0
    for i, ch in enumerate(line):
        if count >= units:
            return i
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(line) + max(units - count, 0)


_DOCS_DIR: list[str] = []


def rule_docs_uri(code: str) -> str:
    """A file with the rule's documentation (``cascade explain``), written on first use into a
    folder of this server process (private: ``mkdtemp``, so no other user can plant one)."""
    if not _DOCS_DIR:
        _DOCS_DIR.append(tempfile.mkdtemp(prefix="cascade-rules-"))
    path = os.path.join(_DOCS_DIR[0], f"{code}.md")
    if not os.path.exists(path):
        from ..rules.catalog import get_rule

        rule = get_rule(code)
        if rule is not None:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(f"# {rule.code} {rule.name} ({rule.severity.value})\n\n{rule.documentation()}\n")
    return path_to_uri(path)


class _Disk:
    """A file to read again from disk, as ``cascade lint`` reads it (not an editor's buffer)."""


DISK = _Disk()


class Folder:
    """One workspace folder: settings as on the command line, and its live workspace."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        #: file -> its last parse that gave a document (completion and hover while a buffer is not YAML)
        self.last_good: dict[str, Any] = {}
        #: the configuration or baseline problem of the folder, to be shown in the run's language
        self.problem: ConfigError | None = None
        try:
            self.settings = load_config(start=self.root)
        except ConfigError as err:
            self.problem = err
            self.settings = Settings()
        run = self.settings.run_settings()
        self.lock = resolve_lock(find_lock([self.root]))
        if self.lock is not None:
            from dataclasses import replace

            run = replace(run, options=with_lock(run.options, self.lock))
        self.run = run
        self.live = LiveWorkspace([self.root], run, exclude=self.settings.is_excluded)
        self.report = self._finish(self.live.report())

    def _finish(self, report: Report) -> Report:
        if self.lock is not None:
            report = add_lock_findings(report, self.lock, self.run.selection)
        if self.settings.baseline:
            try:
                counts = read_baseline(self.settings.baseline)
            except ConfigError as err:
                self.problem = err
            else:
                report, _ = apply_baseline(report, counts, os.path.dirname(os.path.abspath(self.settings.baseline)))
        return report

    @property
    def error(self) -> str | None:
        """The folder's configuration or baseline problem, in English; None when there is none."""
        return None if self.problem is None else str(self.problem)

    def error_in(self, lang: str) -> str:
        """The problem in ``lang`` (a broken ``cascade.toml`` cannot say which language it wanted)."""
        return "" if self.problem is None else self.problem.localized(lang)

    def update(self, path: str, text: "str | None | _Disk") -> Report:
        key = self.live.key_of(path) or path
        doc = features._file_doc(self.live.workspace, key)
        if doc is not None:  # kept for completion and hover while the next text does not parse
            self.last_good[key] = self.live.workspace.parsed[doc]
        elif text is None:
            self.last_good.pop(key, None)
        if isinstance(text, _Disk):
            self.live.reload(path)
        else:
            self.live.update(path, text)
        self.report = self._finish(self.live.report())
        return self.report


class CascadeServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("cascade", __version__)
        self.folders: list[Folder] = []
        self.published: dict[str, list[lsp.Diagnostic]] = {}
        self.pending: dict[str, str | None | _Disk] = {}
        self.timer: asyncio.TimerHandle | None = None
        self.lang = DEFAULT_LANG
        #: ``cascade server --lang``: wins over the workspace's configured language.
        self.forced_lang: str | None = None
        #: file -> (its text, its lines; None when all ASCII), to turn code point columns into UTF-16
        self._lines: dict[str, tuple[str, list[str] | None]] = {}

    # -- folders and files ---------------------------------------------------------------------

    def folder_of(self, path: str) -> Folder | None:
        best = None
        for f in self.folders:
            if (path == f.root or path.startswith(f.root + os.sep)) and (best is None or len(f.root) > len(best.root)):
                best = f
        return best if best is not None and best.live.covers(path) else None

    def apply(self, path: str, text: str | None | _Disk) -> None:
        folder = self.folder_of(path)
        if folder is not None:
            try:
                folder.update(path, text)
            except Exception as exc:  # noqa: BLE001 - keep serving; the next edit starts from a fresh load
                import traceback

                self.show_message_log(f"cascade: update of {path} failed:\n{traceback.format_exc()}", lsp.MessageType.Error)
                self.show_message(f"cascade: internal error ({type(exc).__name__}); the workspace is reloaded", lsp.MessageType.Error)
                self.folders[self.folders.index(folder)] = self.load_folder(folder.root)

    def load_folder(self, root: str) -> Folder:
        """A workspace folder read afresh (its configuration too), with the open buffers in it."""
        fresh = Folder(root)
        for uri, doc in list(self.workspace.text_documents.items()):
            open_path = uri_to_path(uri)
            if (open_path.startswith(fresh.root + os.sep) and fresh.live.covers(open_path)):
                try:
                    fresh.update(open_path, doc.source)
                except Exception:  # noqa: BLE001
                    pass
        return fresh

    def settings_changed(self, path: str) -> bool:
        """Reload the folders whose settings ``path`` is (``cascade.toml`` or ``pyproject.toml`` in the
        folder or above it, its ``cascade.lock``, its baseline), as ``cascade lint`` would read them now."""
        name = os.path.basename(path)
        hit = False
        for i, folder in enumerate(self.folders):
            above = folder.root == os.path.dirname(path) or folder.root.startswith(os.path.dirname(path) + os.sep)
            baseline = folder.settings.baseline and os.path.abspath(folder.settings.baseline) == path
            if (above and name in ("cascade.toml", "pyproject.toml", "cascade.lock")) or baseline:
                fresh = self.folders[i] = self.load_folder(folder.root)
                self.lang = self.forced_lang or fresh.settings.lang
                if fresh.error:
                    self.show_message(f"cascade: {fresh.error_in(self.lang)}", lsp.MessageType.Error)
                hit = True
        return hit

    def line_of(self, file: str, line: int) -> str | None:
        """Line ``line`` (0-based) of a workspace file as the server reads it (an open buffer's unsaved
        text), or None when the text is all ASCII (columns need no conversion) or not known."""
        text = None
        for folder in self.folders:
            entry = folder.live.entries.get(file)
            if entry is not None and entry.loaded is not None:
                text = entry.loaded.text
                break
        if text is None:
            return None
        kept = self._lines.get(file)
        if kept is None or kept[0] is not text:
            kept = self._lines[file] = (text, None if text.isascii() else text.split("\n"))
        lines = kept[1]
        return lines[line] if lines is not None and 0 <= line < len(lines) else None

    def publish(self) -> None:
        """Diagnostics for every file with findings, and empty ones where findings went away."""
        by_file: dict[str, list[lsp.Diagnostic]] = {}
        for folder in self.folders:
            lang = self.forced_lang or folder.settings.lang  # each folder in its own configured language
            for f in folder.report.findings:
                if f.file is None:
                    continue
                path = f.file if os.path.isabs(f.file) else os.path.join(folder.root, f.file)
                by_file.setdefault(path_to_uri(path), []).append(self.diagnostic(f, lang))
        for uri in set(self.published) - set(by_file):
            self.publish_diagnostics(uri, [])
            del self.published[uri]
        for uri, diags in by_file.items():
            # only what changed goes over the wire: an edit usually touches one or two files
            if self.published.get(uri) != diags:
                self.publish_diagnostics(uri, diags)
                self.published[uri] = diags

    def lang_for(self, path: str) -> str:
        """The language of what the server says about ``path``: ``--lang``, else its folder's ``lang``."""
        folder = self.folder_of(path)
        return self.forced_lang or (folder.settings.lang if folder is not None else self.lang)

    def diagnostic(self, f: Finding, lang: str | None = None) -> lsp.Diagnostic:
        line = max((f.line or 1) - 1, 0)
        col = max((f.column or 1) - 1, 0)
        end_line = max((f.end_line or f.line or 1) - 1, line)
        end_col = (f.end_column - 1) if f.end_column else col + 1
        if end_line == line and end_col <= col:
            end_col = col + 1
        if f.file is not None:  # findings count code points, LSP counts UTF-16 units
            text = self.line_of(f.file, line)
            if text is not None:
                col = to_utf16(text, col)
            end_text = text if end_line == line else self.line_of(f.file, end_line)
            if end_text is not None:
                end_col = to_utf16(end_text, end_col)
        return lsp.Diagnostic(
            range=lsp.Range(lsp.Position(line, col), lsp.Position(end_line, end_col)),
            message=f.localized(lang or self.lang) + (f" [{f.ref}]" if f.ref else ""),
            severity=_SEVERITY.get(f.severity, lsp.DiagnosticSeverity.Warning),
            code=f.code,
            code_description=lsp.CodeDescription(href=rule_docs_uri(f.code)),
            source=f"cascade ({f.rule})",
            data={"code": f.code, "line": f.line, "column": f.column},
        )

    def findings_at(self, path: str, line: int) -> list[Finding]:
        folder = self.folder_of(path)
        if folder is None:
            return []
        name = folder.live.key_of(path)
        return [f for f in folder.report.findings if f.file == name and f.line == line + 1]

    def schedule(self, path: str, text: str | None | _Disk, delay: float = DEBOUNCE) -> None:
        self.pending[path] = text
        if self.timer is not None:
            self.timer.cancel()
        self.timer = asyncio.get_event_loop().call_later(delay, self.flush)

    def flush(self) -> None:
        self.timer = None
        pending, self.pending = self.pending, {}
        for path, text in pending.items():
            self.apply(path, text)
        self.publish()

    def text_of(self, uri: str) -> str:
        return self.workspace.get_text_document(uri).source


server = CascadeServer()


#: What the server asks the editor to report changes of (plan files, tables, settings, the lock, and
#: baselines: JSON as ``--write-baseline`` writes them, and each folder's own by name, :func:`_watched_globs`).
WATCHED = ("**/*.yaml", "**/*.yml", "**/*.csv", "**/*.xlsx", "**/*.xlsm", "**/cascade.toml", "**/pyproject.toml",
           "**/cascade.lock", "**/*.json")


def _watched_globs(folders: list["Folder"]) -> list[str]:
    """:data:`WATCHED` and the file name of every folder's baseline that none of it matches."""
    import fnmatch

    out = list(WATCHED)
    for folder in folders:
        name = os.path.basename(folder.settings.baseline or "")
        if name and not any(c in name for c in "*?[]{}") and not any(fnmatch.fnmatch(name, g[3:]) for g in out):
            out.append("**/" + name)
    return out


@server.feature(lsp.INITIALIZED)
def _initialized(ls: CascadeServer, params: lsp.InitializedParams) -> None:
    roots = [uri_to_path(f.uri) for f in (ls.workspace.folders or {}).values()] or (
        [ls.workspace.root_path] if ls.workspace.root_path else [os.getcwd()])
    ls.folders = [Folder(r) for r in roots]
    for f in ls.folders:
        if f.error:
            ls.show_message(f"cascade: {f.error_in(ls.forced_lang or f.settings.lang)}", lsp.MessageType.Error)
        ls.lang = ls.forced_lang or f.settings.lang
    # editors report files changed outside them only for the patterns a server registers
    caps = ls.client_capabilities.workspace
    if caps is not None and caps.did_change_watched_files is not None and caps.did_change_watched_files.dynamic_registration:
        ls.register_capability(lsp.RegistrationParams([lsp.Registration(
            id="cascade-watched-files", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in _watched_globs(ls.folders)]))]))
    ls.publish()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: CascadeServer, params: lsp.DidOpenTextDocumentParams) -> None:
    path = uri_to_path(params.text_document.uri)
    ls.pending[path] = params.text_document.text
    ls.flush()


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: CascadeServer, params: lsp.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.schedule(uri_to_path(uri), ls.text_of(uri))


def _tables_of(ls: CascadeServer, path: str) -> list[str]:
    """The workspace's tables that a sidecar (``x.cascade.yaml``) describes: read again when it is saved."""
    if not path.endswith(SIDECAR_SUFFIX):
        return []
    stem = path[:-len(SIDECAR_SUFFIX)]
    return [stem + suffix for suffix in WORKBOOK_SUFFIXES if ls.folder_of(stem + suffix) is not None]


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.TextDocumentSaveRegistrationOptions(include_text=True))
def _did_save(ls: CascadeServer, params: lsp.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    path = uri_to_path(uri)
    ls.pending[path] = params.text if params.text is not None else ls.text_of(uri)
    for table in _tables_of(ls, path):
        ls.pending[table] = DISK
    ls.flush()


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: CascadeServer, params: lsp.DidCloseTextDocumentParams) -> None:
    # the unsaved buffer is gone: the file on disk counts again, read as a fresh run reads it (a file
    # that is not UTF-8 is a finding, a FIFO is not waited on, a link out of the folder is not read)
    ls.pending[uri_to_path(params.text_document.uri)] = DISK
    ls.flush()


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _watched(ls: CascadeServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        path = uri_to_path(change.uri)
        if ls.settings_changed(path):
            continue
        for table in _tables_of(ls, path):
            ls.pending[table] = DISK
        if change.uri in ls.workspace.text_documents:
            continue  # the open buffer wins
        ls.pending[path] = None if change.type == lsp.FileChangeType.Deleted else DISK
        if change.type == lsp.FileChangeType.Deleted:  # a folder deleted: one event for all its files
            inside = os.path.join(path, "")
            for folder in ls.folders:
                for name in list(folder.live.entries):
                    full = os.path.abspath(name)
                    if full.startswith(inside) and path_to_uri(full) not in ls.workspace.text_documents:
                        ls.pending[full] = None
    ls.flush()


def _line_in(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line] if 0 <= line < len(lines) else ""


def _column(ls: CascadeServer, uri: str, pos: lsp.Position) -> int:
    """The code point column of an LSP position (UTF-16 units) in an open document."""
    return from_utf16(_line_in(ls.text_of(uri), pos.line), pos.character)


@server.feature(lsp.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def _folders_changed(ls: CascadeServer, params: lsp.DidChangeWorkspaceFoldersParams) -> None:
    gone = {uri_to_path(f.uri) for f in params.event.removed}
    ls.folders = [f for f in ls.folders if f.root not in gone]
    for added in params.event.added:
        root = uri_to_path(added.uri)
        if all(f.root != root for f in ls.folders):
            folder = ls.load_folder(root)
            if folder.error:
                ls.show_message(f"cascade: {folder.error_in(ls.lang)}", lsp.MessageType.Error)
            ls.folders.append(folder)
    if ls.pending:
        ls.flush()
    else:
        ls.publish()


def _where(ls: CascadeServer, uri: str, pos: lsp.Position) -> tuple[Folder | None, str, Any]:
    path = uri_to_path(uri)
    folder = ls.folder_of(path)
    if folder is None:
        return None, path, None
    if ls.pending:
        ls.flush()
    spot = features.spot_at(ls.text_of(uri), pos.line, _column(ls, uri, pos))
    return folder, folder.live.key_of(path) or path, spot


def _node_at(ls: CascadeServer, uri: str, position: lsp.Position) -> tuple[Any, str, Any] | None:
    """The live workspace, the node named at ``position`` (an id or a reference) and its spot; None off one."""
    folder, name, spot = _where(ls, uri, position)
    if folder is None or spot is None:
        return None
    ws = folder.live.workspace
    node = features.resolve(ws, name, spot, folder.last_good.get(name))
    return None if node is None else (ws, node, spot)


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def _hover(ls: CascadeServer, params: lsp.HoverParams) -> lsp.Hover | None:
    found = _node_at(ls, params.text_document.uri, params.position)
    if found is None:
        return None
    ws, node, spot = found
    line = _line_in(ls.text_of(params.text_document.uri), params.position.line)
    return lsp.Hover(
        contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=features.hover_text(ws, node, _options_of(ls, params.text_document.uri),
                                                                       ls.lang_for(uri_to_path(params.text_document.uri)))),
        range=lsp.Range(lsp.Position(params.position.line, to_utf16(line, spot.start)),
                        lsp.Position(params.position.line, to_utf16(line, spot.end))),
    )


def _options_of(ls: CascadeServer, uri: str) -> dict | None:
    """The rule options of the folder a file is in (its ``as-of`` and capaian settings, for the hover)."""
    folder = ls.folder_of(uri_to_path(uri))
    return None if folder is None else folder.live.settings.options


def _loc(ls: CascadeServer, file: str, line: int, col: int, end_line: int | None = None,
         end_col: int | None = None) -> lsp.Location:
    end_line = line if end_line is None else end_line
    end_col = col if end_col is None else end_col
    text, end_text = ls.line_of(file, line), ls.line_of(file, end_line)
    return lsp.Location(uri=path_to_uri(file), range=lsp.Range(
        lsp.Position(line, col if text is None else to_utf16(text, col)),
        lsp.Position(end_line, end_col if end_text is None else to_utf16(end_text, end_col))))


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
def _definition(ls: CascadeServer, params: lsp.DefinitionParams) -> list[lsp.Location] | None:
    found = _node_at(ls, params.text_document.uri, params.position)
    where = features.location(found[0], found[1]) if found is not None else None
    return [_loc(ls, *where)] if where else None


@server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
def _references(ls: CascadeServer, params: lsp.ReferenceParams) -> list[lsp.Location] | None:
    found = _node_at(ls, params.text_document.uri, params.position)
    if found is None:
        return None
    ws, node, _ = found
    out = [_loc(ls, *r) for r in features.references(ws, node)]
    if params.context.include_declaration:
        where = features.location(ws, node)
        if where:
            out.insert(0, _loc(ls, *where))
    return out


_KINDS = {"reference": lsp.CompletionItemKind.Reference, "field": lsp.CompletionItemKind.Field,
          "value": lsp.CompletionItemKind.EnumMember}


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[":", "[", " ", ","]))
def _completion(ls: CascadeServer, params: lsp.CompletionParams) -> lsp.CompletionList:
    folder, name, _ = _where(ls, params.text_document.uri, params.position)
    if folder is None:
        return lsp.CompletionList(is_incomplete=False, items=[])
    items = features.completions(folder.live.workspace, name, ls.text_of(params.text_document.uri),
                                 params.position.line, _column(ls, params.text_document.uri, params.position),
                                 folder.last_good.get(name))
    return lsp.CompletionList(is_incomplete=False, items=[
        lsp.CompletionItem(label=i.label, detail=i.detail, kind=_KINDS[i.kind]) for i in items[:2000]])


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
def _code_action(ls: CascadeServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    path = uri_to_path(uri)
    if ls.pending:
        ls.flush()
    text = ls.text_of(uri)
    out = []
    wanted = {(d.code, d.range.start.line) for d in params.context.diagnostics}
    first, last = params.range.start.line, params.range.end.line
    lines = range(first, last + 1)
    for line in lines:
        for f in ls.findings_at(path, line):
            if wanted and (f.code, line) not in wanted:
                continue
            diag = ls.diagnostic(f, ls.lang_for(path))
            for fix in features.fixes(f, text, ls.lang_for(path)):
                at = _line_in(text, fix.line)
                edit = lsp.TextEdit(range=lsp.Range(lsp.Position(fix.line, to_utf16(at, fix.start)),
                                                    lsp.Position(fix.line, to_utf16(at, fix.end))),
                                    new_text=fix.new_text)
                out.append(lsp.CodeAction(title=fix.title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag],
                                          is_preferred=fix.preferred, edit=lsp.WorkspaceEdit(changes={uri: [edit]})))
    return out


def main() -> int:
    """Serve over stdin/stdout until the client says exit."""
    import shutil

    try:
        server.start_io()
    finally:
        for folder in _DOCS_DIR:
            shutil.rmtree(folder, ignore_errors=True)
    return 0
