"""``cascade server`` driven by a real LSP client (pygls') over stdio, as an editor drives it.

A small generated workspace is copied to a temporary folder (with a ``cascade.toml``); the client
initializes, opens an SKP file, breaks a reference in the unsaved buffer and fixes it, renames a
renstra id that the SKP names (the SKP's diagnostics change though it was not edited), and asks for
hover, definition, references, completion and code actions, then shuts the server down.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types as lsp  # noqa: E402
from pygls.lsp.client import BaseLanguageClient  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.generate import generate_workspace  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


class Client(BaseLanguageClient):
    def __init__(self) -> None:
        super().__init__("test-client", "1")
        self.diagnostics: dict[str, list[lsp.Diagnostic]] = {}
        self.arrived = asyncio.Event()

        self.messages: list[str] = []

        @self.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _diags(params: lsp.PublishDiagnosticsParams) -> None:
            self.diagnostics[params.uri] = params.diagnostics
            self.arrived.set()

        @self.feature(lsp.WINDOW_SHOW_MESSAGE)
        def _message(params: lsp.ShowMessageParams) -> None:
            self.messages.append(params.message)

    async def settle(self, quiet: float = 0.8, limit: float = 60) -> None:
        """Wait until diagnostics stop arriving for ``quiet`` seconds."""
        loop = asyncio.get_running_loop()
        end = loop.time() + limit
        while loop.time() < end:
            self.arrived.clear()
            try:
                await asyncio.wait_for(self.arrived.wait(), quiet)
            except asyncio.TimeoutError:
                return


def codes(client: Client, uri: str) -> list[tuple[str, int]]:
    return sorted((str(d.code), d.range.start.line) for d in client.diagnostics.get(uri, []))


def test_editing_exchange(tmp_path):
    ws = tmp_path / "plans"
    generate_workspace(str(ws), elements=150, seed=7, defects=0)
    (ws / "cascade.toml").write_text('lang = "en"\n', encoding="utf-8")
    skp = sorted(ws.rglob("skp-*.yaml"))[0]
    renstra = sorted(ws.rglob("renstra-*.yaml"))[0]
    skp_uri, renstra_uri = skp.as_uri(), renstra.as_uri()
    skp_text = skp.read_text(encoding="utf-8")
    m = re.search(r"supports: \[([a-z0-9.-]+):(S[0-9.]+)\]", skp_text)
    assert m, "the generated skp names a renstra sasaran"
    renstra_doc, sasaran = m.group(1), m.group(2)
    ref_line = skp_text[:m.start()].count("\n")
    ref_col = m.start(2) - (skp_text.rfind("\n", 0, m.start()) + 1)

    async def run() -> None:
        client = Client()
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        await client.start_io(sys.executable, "-m", "cascade", "server", cwd=str(tmp_path), env=env)
        result = await client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(),
            root_uri=ws.as_uri(),
            workspace_folders=[lsp.WorkspaceFolder(uri=ws.as_uri(), name="plans")],
        ))
        assert result.capabilities.hover_provider
        assert result.capabilities.definition_provider
        client.initialized(lsp.InitializedParams())
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=skp_uri, language_id="yaml", version=1, text=skp_text)))
        await client.settle()
        assert codes(client, skp_uri) == []  # a clean generated workspace

        # break the reference in the unsaved buffer: CAS202 with a did-you-mean on that line
        broken = skp_text[:m.start(2)] + sasaran + "9" + skp_text[m.end(2):]
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=skp_uri, version=2),
            [lsp.TextDocumentContentChangeEvent_Type2(text=broken)]))
        await client.settle()
        diags = client.diagnostics[skp_uri]
        broken_diag = [d for d in diags if d.code == "CAS202"]
        assert [(d.range.start.line, d.severity) for d in broken_diag] == [(ref_line, lsp.DiagnosticSeverity.Error)]
        assert sasaran in broken_diag[0].message and "did you mean" in broken_diag[0].message
        assert broken_diag[0].code_description.href.startswith("file://")
        assert Path(broken_diag[0].code_description.href[len("file://"):]).read_text(encoding="utf-8").startswith("# CAS202")

        # the did-you-mean quick fix and the inline suppression
        actions = await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(skp_uri),
            range=broken_diag[0].range,
            context=lsp.CodeActionContext(diagnostics=broken_diag)))
        titles = [a.title for a in actions]
        assert any(t.startswith("Change to") and sasaran in t for t in titles), titles
        assert any("# cascade: ignore" in t for t in titles)
        fix = next(a for a in actions if a.title.startswith("Change to"))
        edit = fix.edit.changes[skp_uri][0]
        assert edit.new_text.endswith(sasaran)

        # fix it again: the finding clears
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=skp_uri, version=3),
            [lsp.TextDocumentContentChangeEvent_Type2(text=skp_text)]))
        await client.settle()
        assert codes(client, skp_uri) == []

        # hover and definition on the reference
        pos = lsp.Position(ref_line, ref_col + 1)
        hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(skp_uri), pos))
        assert hover is not None and f"`{renstra_doc}:{sasaran}`" in hover.contents.value
        assert "Chain up:" in hover.contents.value  # the workspace's cascade.toml says lang = "en"
        defn = await client.text_document_definition_async(lsp.DefinitionParams(lsp.TextDocumentIdentifier(skp_uri), pos))
        assert defn and defn[0].uri == renstra_uri
        renstra_text = renstra.read_text(encoding="utf-8")
        assert renstra_text.split("\n")[defn[0].range.start.line].strip() == f"- id: {sasaran}"

        # references to the sasaran, from the renstra's own definition
        refs = await client.text_document_references_async(lsp.ReferenceParams(
            text_document=lsp.TextDocumentIdentifier(renstra_uri), position=defn[0].range.start,
            context=lsp.ReferenceContext(include_declaration=False)))
        assert any(r.uri == skp_uri and r.range.start.line == ref_line for r in refs)

        # completion inside the supports list offers the renstra's sasaran with their names
        comp = await client.text_document_completion_async(lsp.CompletionParams(lsp.TextDocumentIdentifier(skp_uri), pos))
        labels = [i.label for i in comp.items]
        assert f"{renstra_doc}:{sasaran}" in labels

        # rename the sasaran in the (unsaved) renstra: the untouched skp now fails, renaming back clears it
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=renstra_uri, language_id="yaml", version=1, text=renstra_text)))
        renamed = renstra_text.replace(f"- id: {sasaran}\n", f"- id: {sasaran}X\n", 1)
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=renstra_uri, version=2),
            [lsp.TextDocumentContentChangeEvent_Type2(text=renamed)]))
        await client.settle()
        assert ("CAS202", ref_line) in codes(client, skp_uri)
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=renstra_uri, version=3),
            [lsp.TextDocumentContentChangeEvent_Type2(text=renstra_text)]))
        await client.settle()
        assert codes(client, skp_uri) == []

        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()

    asyncio.run(run())


def test_shutdown_then_exit_ends_the_process_with_code_0():
    """The LSP lifecycle: after ``shutdown`` and ``exit`` the server process exits with 0 (the
    library closes stdout on exit; the console script must not trip over it)."""
    import json
    import subprocess

    def frame(msg: dict) -> bytes:
        data = json.dumps(msg).encode()
        return b"Content-Length: %d\r\n\r\n" % len(data) + data

    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    proc = subprocess.run([sys.executable, "-c", "from cascade.cli.commands import run; run()", "server"],
                          input=b"".join(frame(m) for m in messages), capture_output=True, timeout=120,
                          cwd=str(ROOT / "specs"), env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert b'"id": 2' in proc.stdout.replace(b'"id":2', b'"id": 2')
    assert b"Traceback" not in proc.stderr


async def _start(folders: list[Path], cwd: Path, capabilities: lsp.ClientCapabilities | None = None) -> Client:
    client = Client()
    await client.start_io(sys.executable, "-m", "cascade", "server", cwd=str(cwd), env=dict(os.environ, PYTHONPATH=str(ROOT)))
    await client.initialize_async(lsp.InitializeParams(
        capabilities=capabilities or lsp.ClientCapabilities(), root_uri=folders[0].as_uri(),
        workspace_folders=[lsp.WorkspaceFolder(uri=f.as_uri(), name=f.name) for f in folders]))
    client.initialized(lsp.InitializedParams())
    await client.settle()
    return client


async def _start_registering(folder: Path, cwd: Path) -> "tuple[Client, list[lsp.RegistrationParams]]":
    """A client that supports dynamic registration of watched files, started on ``folder``, with the
    registrations the server asked for."""
    client = Client()
    registered: list[lsp.RegistrationParams] = []

    @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def _register(params: lsp.RegistrationParams) -> None:
        registered.append(params)

    capabilities = lsp.ClientCapabilities(workspace=lsp.WorkspaceClientCapabilities(
        did_change_watched_files=lsp.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)))
    await client.start_io(sys.executable, "-m", "cascade", "server", cwd=str(cwd), env=dict(os.environ, PYTHONPATH=str(ROOT)))
    await client.initialize_async(lsp.InitializeParams(capabilities=capabilities, root_uri=folder.as_uri(),
                                  workspace_folders=[lsp.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)]))
    client.initialized(lsp.InitializedParams())
    await client.settle()
    return client, registered


async def _stop(client: Client) -> None:
    await asyncio.wait_for(client.shutdown_async(None), 30)
    client.exit(None)
    await client.stop()


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_columns_are_utf16_code_units_after_an_emoji(tmp_path):
    """LSP columns count UTF-16 code units (the server announces ``positionEncoding: utf-16``); an
    emoji is one code point but two units. A diagnostic after one on its line must still cover its
    token, and hover must find the reference the client points at and give back its range in units."""
    import shutil

    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    skp = specs / "kota-madiun" / "dinkes" / "skp-2023.yaml"
    uri = skp.as_uri()
    added = ('      - {id: R1.I9, name: "Angka 🎯🎯 Harapan", unit: tahun, type: impact, polarity: positiv,\n'
             '         supports: [kota-madiun.dinkes.renstra-2019:T1.I1], targets: {2023: 1}}\n')
    text = skp.read_text(encoding="utf-8").replace("      - id: R1.I2\n", added + "      - id: R1.I2\n", 1)
    row = text.split("\n").index(added.split("\n")[0])
    line = text.split("\n")[row]

    async def run() -> None:
        client = await _start([specs], tmp_path)
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
        await client.settle()
        bad = [d for d in client.diagnostics[uri] if d.code == "CAS104"]
        at = line.index("positiv")
        assert [(d.range.start.line, d.range.start.character, d.range.end.character) for d in bad] == [
            (row, _utf16(line[:at]), _utf16(line[:at]) + len("positiv"))]
        # a reference on a line with emoji before it (the next line has none: the same position there)
        line2 = text.split("\n")[row + 1]
        ref = line2.index("kota-madiun.dinkes.renstra-2019:T1.I1")
        pos = lsp.Position(row + 1, ref + 3)
        hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), pos))
        assert hover is not None and "`kota-madiun.dinkes.renstra-2019:T1.I1`" in hover.contents.value
        # the same reference written after the emoji: the client's column counts two units per emoji
        moved = text.replace(added, added.replace(",\n         supports:", ", supports:"), 1)
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=2), [lsp.TextDocumentContentChangeEvent_Type2(text=moved)]))
        await client.settle()
        one = moved.split("\n")[row]
        ref = one.index("kota-madiun.dinkes.renstra-2019:T1.I1")
        start = _utf16(one[:ref])
        hover = await client.text_document_hover_async(lsp.HoverParams(
            lsp.TextDocumentIdentifier(uri), lsp.Position(row, start + len("kota-madiun.dinkes.renstra-2019:T1.I1") - 1)))
        assert hover is not None and "`kota-madiun.dinkes.renstra-2019:T1.I1`" in hover.contents.value
        assert (hover.range.start.character, hover.range.end.character) == (
            start, start + len("kota-madiun.dinkes.renstra-2019:T1.I1"))
        await _stop(client)

    asyncio.run(asyncio.wait_for(run(), 180))


def test_files_changed_on_disk_are_read_as_cascade_lint_reads_them(tmp_path):
    """``workspace/didChangeWatchedFiles`` and ``didClose`` read the file on disk again as a fresh
    ``cascade lint`` does: a file that is not UTF-8 is CAS005 (it used to vanish from the workspace, its
    findings with it), a table is read through its sidecar (it used to be parsed as YAML: a bogus
    CAS103 and its realisasi lost), a link out of the folder is refused (it used to be read and its
    keys quoted), and a FIFO named ``*.yaml`` is not waited on (the server used to hang in ``open``)."""
    import shutil

    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "examples" / "defects" / "klaten", plans / "klaten")
    (tmp_path / "secret.yaml").write_text("token: ghp_0123456789abcdef\n", encoding="utf-8")
    skp = plans / "klaten" / "dinsos" / "skp-2026.yaml"
    table = plans / "klaten" / "dinsos" / "lkjip-2025.csv"
    link, fifo = plans / "klaten" / "rpjmd-2025.yaml", plans / "pipe.yaml"

    def changed(client: Client, *paths: Path, kind: lsp.FileChangeType = lsp.FileChangeType.Changed) -> None:
        client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
            [lsp.FileEvent(uri=p.as_uri(), type=kind) for p in paths]))

    async def run() -> None:
        client = await _start([plans], tmp_path)
        before = codes(client, table.as_uri())
        assert [c for c, _ in before] == ["CAS706", "CAS707"]
        text = skp.read_text(encoding="utf-8")
        skp.write_bytes(text.replace("Dinas Sosial", "Dinas Sosial \xe9", 1).encode("latin-1"))
        table.write_text(table.read_text(encoding="utf-8").replace("53.000", "54.000"), encoding="utf-8")
        changed(client, skp, table)
        await client.settle()
        assert [c for c, _ in codes(client, skp.as_uri())] == ["CAS005"]
        assert codes(client, table.as_uri()) == before
        # open, then close the file: the file on disk (still not UTF-8) counts again
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=skp.as_uri(), language_id="yaml", version=1, text=text)))
        await client.settle()
        assert "CAS005" not in [c for c, _ in codes(client, skp.as_uri())]
        client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(skp.as_uri())))
        await client.settle()
        assert [c for c, _ in codes(client, skp.as_uri())] == ["CAS005"]
        # a plan file replaced by a link out of the folder, and a FIFO created
        link.unlink()
        link.symlink_to(tmp_path / "secret.yaml")
        os.mkfifo(fifo)
        changed(client, link)
        changed(client, fifo, kind=lsp.FileChangeType.Created)
        await client.settle()
        assert [c for c, _ in codes(client, link.as_uri())] == ["CAS005"]
        assert not any("token" in d.message for d in client.diagnostics[link.as_uri()])
        assert [c for c, _ in codes(client, fifo.as_uri())] == ["CAS005"]
        await _stop(client)

    asyncio.run(asyncio.wait_for(run(), 180))


def test_a_tables_sidecar_is_no_plan_and_saving_it_reads_the_table_again(tmp_path):
    """Opening ``lkjip-2025.cascade.yaml`` (the sidecar of ``lkjip-2025.csv``) used to add it as a plan
    file: CAS102 on its ``layout:`` and a second document of the table's id. Saving it reads the table
    again through it: a row named in ``names:`` is no longer unmatched (CAS706 goes)."""
    import shutil

    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "examples" / "defects" / "klaten", plans / "klaten")
    table = plans / "klaten" / "dinsos" / "lkjip-2025.csv"
    side = plans / "klaten" / "dinsos" / "lkjip-2025.cascade.yaml"
    text = side.read_text(encoding="utf-8")
    assert "names:" not in text

    async def run() -> None:
        client = await _start([plans], tmp_path)
        assert [c for c, _ in codes(client, table.as_uri())] == ["CAS706", "CAS707"]
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=side.as_uri(), language_id="yaml", version=1, text=text)))
        await client.settle()
        assert codes(client, side.as_uri()) == []
        assert [c for c, _ in codes(client, table.as_uri())] == ["CAS706", "CAS707"]
        named = text + "names:\n  Jumlah fakir miskin penerima bantuan sosial: S2.I4\n"
        side.write_text(named, encoding="utf-8")
        client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(side.as_uri()), text=named))
        await client.settle()
        assert codes(client, side.as_uri()) == []
        assert [c for c, _ in codes(client, table.as_uri())] == ["CAS707"]
        await _stop(client)

    asyncio.run(asyncio.wait_for(run(), 180))


def test_settings_changed_while_running_apply_and_the_editor_is_asked_to_report_them(tmp_path):
    """A planner edits ``cascade.toml`` while the editor is open: the change used to be ignored until
    the server restarted. The server also registers the files it wants reported (plans, tables,
    ``cascade.toml``, ``pyproject.toml``, ``cascade.lock``): editors send ``didChangeWatchedFiles`` only
    for registered patterns, so without it files changed on disk were never read again."""
    import shutil

    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    skp = specs / "kota-madiun" / "dinkes" / "skp-2023.yaml"
    skp.write_text(skp.read_text(encoding="utf-8").replace("unit: KADIN  ", "unit: KADINX  ", 1), encoding="utf-8")
    config = specs / "cascade.toml"
    config.write_text('lang = "en"\n', encoding="utf-8")

    async def run() -> None:
        client, registered = await _start_registering(specs, tmp_path)
        [registration] = [r for p in registered for r in p.registrations]
        assert registration.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES
        patterns = {w["globPattern"] for w in registration.register_options["watchers"]}  # as it came over the wire
        assert {"**/*.yaml", "**/*.csv", "**/cascade.toml", "**/pyproject.toml", "**/cascade.lock"} <= patterns
        [diag] = client.diagnostics[skp.as_uri()]
        assert diag.code == "CAS202" and "did you mean 'KADIN'" in diag.message
        config.write_text('lang = "id"\n', encoding="utf-8")
        client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
            [lsp.FileEvent(uri=config.as_uri(), type=lsp.FileChangeType.Changed)]))
        await client.settle()
        [diag] = client.diagnostics[skp.as_uri()]
        assert "maksudnya 'KADIN'" in diag.message
        config.write_text('lang = "id"\nignore = ["CAS202"]\n', encoding="utf-8")
        client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
            [lsp.FileEvent(uri=config.as_uri(), type=lsp.FileChangeType.Changed)]))
        await client.settle()
        assert codes(client, skp.as_uri()) == []
        await _stop(client)

    asyncio.run(asyncio.wait_for(run(), 180))


def test_workspace_folders_added_and_removed_while_running(tmp_path):
    """``workspace/didChangeWorkspaceFolders`` (the server announces it supports it): a folder added
    to a multi-root workspace gets its diagnostics, a removed one loses them (both used to be ignored)."""
    import shutil

    specs, defects = tmp_path / "specs", tmp_path / "defects"
    shutil.copytree(ROOT / "specs", specs)
    shutil.copytree(ROOT / "examples" / "defects" / "jateng", defects / "jateng")
    rpjmd = (defects / "jateng" / "rpjmd-2025.yaml").as_uri()
    bad_skp = specs / "kota-madiun" / "dinkes" / "skp-2023.yaml"
    bad_skp.write_text(bad_skp.read_text(encoding="utf-8").replace("unit: KADIN  ", "unit: KADINX  ", 1), encoding="utf-8")

    async def run() -> None:
        client = await _start([specs], tmp_path)
        assert [c for c, _ in codes(client, bad_skp.as_uri())] == ["CAS202"]
        assert rpjmd not in client.diagnostics
        client.workspace_did_change_workspace_folders(lsp.DidChangeWorkspaceFoldersParams(lsp.WorkspaceFoldersChangeEvent(
            added=[lsp.WorkspaceFolder(uri=defects.as_uri(), name="defects")],
            removed=[lsp.WorkspaceFolder(uri=specs.as_uri(), name="specs")])))
        await client.settle()
        assert [c for c, _ in codes(client, rpjmd)] == ["CAS207", "CAS409", "CAS511", "CAS513"]
        assert codes(client, bad_skp.as_uri()) == []
        await _stop(client)

    asyncio.run(asyncio.wait_for(run(), 180))


def test_a_broken_configuration_is_reported_in_bahasa_indonesia(tmp_path):
    """A ``cascade.toml`` that does not parse cannot say which language it wanted: the message is in
    the default language, Bahasa Indonesia, as on the command line (it was English)."""
    import shutil

    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(ROOT / "specs" / "rpjmn-2020.yaml", folder)
    (folder / "cascade.toml").write_text("select = 5\n", encoding="utf-8")

    async def run() -> None:
        client = await _start([folder], tmp_path)
        try:
            assert client.messages == [f"cascade: {folder / 'cascade.toml'}:1:1: select harus berupa daftar teks"]
        finally:
            await _stop(client)

    asyncio.run(run())


def test_completion_while_a_bracket_is_still_open(tmp_path):
    """Typing ``supports: [kota-madiun.dinkes.renstra-2019:`` without the closing ``]`` leaves the
    buffer not YAML; completion still offers the renstra's elements, from the file's last good parse."""
    import shutil

    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    skp = specs / "kota-madiun" / "dinkes" / "skp-2023.yaml"
    uri = skp.as_uri()
    text = skp.read_text(encoding="utf-8")
    lines = text.split("\n")
    typed_line = "    supports: [kota-madiun.dinkes.renstra-2019:"
    assert lines[29] == "    supports: [kota-madiun.dinkes.renstra-2019:T1]"
    typed = "\n".join(lines[:29] + [typed_line] + lines[30:])

    async def run() -> None:
        client = await _start([specs], tmp_path)
        try:
            client.text_document_did_open(lsp.DidOpenTextDocumentParams(
                lsp.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
            await client.settle()
            client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
                [lsp.TextDocumentContentChangeEvent_Type2(text=typed)]))
            await client.settle()
            assert "CAS001" in {str(d.code) for d in client.diagnostics[uri]}
            comp = await client.text_document_completion_async(lsp.CompletionParams(
                lsp.TextDocumentIdentifier(uri), lsp.Position(29, len(typed_line))))
            labels = {i.label for i in comp.items}
            assert "kota-madiun.dinkes.renstra-2019:T1" in labels, sorted(labels)[:10]
        finally:
            await _stop(client)

    asyncio.run(run())


def test_each_workspace_folder_speaks_its_own_language(tmp_path):
    """Two folders, one with ``lang = "en"``: each folder's diagnostics in its own language (the last
    folder's language applied to all)."""
    import shutil

    en, id_ = tmp_path / "en", tmp_path / "id"
    for folder in (en, id_):
        shutil.copytree(ROOT / "specs", folder)
        skp = folder / "kota-madiun" / "dinkes" / "skp-2023.yaml"
        skp.write_text(skp.read_text(encoding="utf-8").replace("unit: KADIN  ", "unit: KADINX  ", 1), encoding="utf-8")
    (en / "cascade.toml").write_text('lang = "en"\n', encoding="utf-8")

    async def run() -> None:
        client = await _start([en, id_], tmp_path)
        try:
            def message(folder: Path) -> str:
                (diag,) = client.diagnostics[(folder / "kota-madiun" / "dinkes" / "skp-2023.yaml").as_uri()]
                return diag.message

            ref = " [kota-madiun.dinkes.skp-2023:R1]"
            assert message(id_) == "unit 'KADINX' bukan unit dalam organisasi OPD; maksudnya 'KADIN'?" + ref
            assert message(en).endswith(ref) and "bukan" not in message(en) and "'KADINX'" in message(en), message(en)
        finally:
            await _stop(client)

    asyncio.run(asyncio.wait_for(run(), 180))


def test_a_baseline_edited_while_running_is_watched_and_applied(tmp_path):
    """The baseline a folder's ``cascade.toml`` names (``cascade-baseline.json`` in the docs) is read
    again when it changes, and the server asks the editor to report it: the patterns it registered
    held no ``.json``, so an editor that reports only registered patterns never said it changed."""
    import io
    import shutil
    from pathlib import PurePosixPath

    from cascade.cli import main

    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    skp = specs / "kota-madiun" / "dinkes" / "skp-2023.yaml"
    baseline = specs / "cascade-baseline.json"
    (specs / "cascade.toml").write_text('lang = "en"\nbaseline = "cascade-baseline.json"\n', encoding="utf-8")
    clean = main(["lint", str(specs), "--no-cache", "-q", "--write-baseline", str(baseline)], stdout=io.StringIO(),
                 stderr=io.StringIO())
    assert clean == 0
    clean_text = baseline.read_text(encoding="utf-8")
    skp.write_text(skp.read_text(encoding="utf-8").replace("unit: KADIN  ", "unit: KADINX  ", 1), encoding="utf-8")
    assert main(["lint", str(specs), "--no-cache", "-q", "--write-baseline", str(baseline)], stdout=io.StringIO(),
                stderr=io.StringIO()) == 0

    async def run() -> None:
        client, registered = await _start_registering(specs, tmp_path)
        patterns = [w["globPattern"] for r in registered for reg in r.registrations for w in reg.register_options["watchers"]]
        assert any(PurePosixPath("specs/cascade-baseline.json").match(p) for p in patterns), patterns
        assert codes(client, skp.as_uri()) == []  # in the baseline
        baseline.write_text(clean_text, encoding="utf-8")
        client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
            [lsp.FileEvent(uri=baseline.as_uri(), type=lsp.FileChangeType.Changed)]))
        await client.settle()
        assert [c for c, _ in codes(client, skp.as_uri())] == ["CAS202"]
        await _stop(client)

    asyncio.run(asyncio.wait_for(run(), 180))


def test_a_baseline_of_any_name_is_watched():
    from types import SimpleNamespace

    from cascade.lsp.server import WATCHED, _watched_globs

    def folder(baseline):
        return SimpleNamespace(settings=SimpleNamespace(baseline=baseline))

    assert _watched_globs([folder(None), folder("/w/cascade-baseline.json")]) == list(WATCHED)
    assert _watched_globs([folder("/w/known-findings.txt"), folder("/v/known-findings.txt")]) == [*WATCHED, "**/known-findings.txt"]


def test_a_deleted_folder_takes_its_files_diagnostics_with_it(tmp_path):
    """Deleting a folder of plans is one ``Deleted`` event for the folder: its files left the
    workspace with it (their diagnostics stayed, and references into them still resolved)."""
    import shutil

    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    skp = specs / "kota-madiun" / "dinkes" / "skp-2023.yaml"
    skp.write_text(skp.read_text(encoding="utf-8").replace("unit: KADIN  ", "unit: KADINX  ", 1), encoding="utf-8")

    async def run() -> None:
        client = await _start([specs], tmp_path)
        try:
            assert [c for c, _ in codes(client, skp.as_uri())] == ["CAS202"]
            dinkes = specs / "kota-madiun" / "dinkes"
            shutil.rmtree(dinkes)
            client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
                [lsp.FileEvent(uri=dinkes.as_uri(), type=lsp.FileChangeType.Deleted)]))
            await client.settle()
            assert codes(client, skp.as_uri()) == []
            assert all("/dinkes/" not in uri for uri, diags in client.diagnostics.items() if diags)
        finally:
            await _stop(client)

    asyncio.run(asyncio.wait_for(run(), 180))
