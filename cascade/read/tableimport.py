"""``cascade import``: a plan table (workbook or CSV) to plan YAML a reviewer can read.

The YAML is written in a stable order (the document block, then the elements in table order, each
with its fields in the order of FORMAT.md; a realisasi table's ``rows`` in table order), with a
comment above every element, indicator and row naming the cells it came from (``# T-C.27!H9:H10``). A cell that could not be read (CAS007) is left out of
the data and written as a comment beside its element, with the finding; the findings are returned
too. Linting the YAML gives the same findings (code, ref, severity, message) as linting the workbook
directly, apart from those table-reading findings, which only the table can have.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from typing import Any

from ..core.errors import UsageError
from ..core.findings import Finding
from ..core.text import escape_unsafe
from .workbook import TableDocument, read_workbook, sidecar_of

__all__ = ["MissingSidecarError", "RefusedOutputError", "import_table", "to_yaml"]


class RefusedOutputError(OSError):
    """A file of the output folder that ``cascade import`` will not write: a symbolic link (the
    write would land wherever it points), a FIFO, a device or a hard link. Nothing is written to
    it; :meth:`localized` gives the message in Bahasa Indonesia."""

    def __init__(self, target: str, link: bool):
        self.link = link
        super().__init__(errno.ELOOP if link else errno.EPERM, self._text("en", link), target)

    @staticmethod
    def _text(lang: str, link: bool) -> str:
        if link:
            return ("is a symbolic link; nothing is written through one" if lang != "id"
                    else "adalah tautan simbolik; tidak ada yang ditulis melaluinya")
        return ("is not a regular file of its own (a FIFO, a device or a hard link); nothing written" if lang != "id"
                else "bukan berkas biasa miliknya sendiri (FIFO, perangkat atau tautan keras); tidak ada yang ditulis")

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"

    def localized(self, lang: str) -> str:
        return f"{self.filename}: {self._text(lang, self.link)}"


class MissingSidecarError(UsageError):
    """A table imported without its sidecar and without a ``document:`` block: nothing says which plan
    it is (its id, kind, region), so no YAML is written (it held an empty ``document:`` that lint then
    refused as CAS103). ``sidecar`` is the file looked for; :meth:`localized` gives the message in
    Bahasa Indonesia, as CAS009 says it of the same table in ``cascade lint``."""

    def __init__(self, table: str, sidecar: str):
        super().__init__(f"{table}: a table without its sidecar {sidecar}, and no document: block given; "
                         "write the sidecar (its document: and layout:) or give one (cascade import --document FILE); nothing written")
        self.table, self.sidecar = table, sidecar

    def localized(self, lang: str) -> str:
        if lang != "id":
            return str(self)
        return (f"{self.table}: tabel tanpa sidecar {self.sidecar}, dan tidak ada blok document: yang diberikan; "
                "tulis sidecar-nya (blok document: dan layout:) atau berikan satu (cascade import --document BERKAS); tidak ada yang ditulis")

_ELEMENT_KEYS = ("id", "kind", "name", "code", "parent", "supports", "crosscuts", "owner", "justification", "budget")
_INDICATOR_KEYS = ("id", "name", "type", "unit", "polarity", "baseline", "targets", "final", "supports", "measure", "key",
                   "definition", "source")
_ROW_KEYS = ("indicator", "sasaran", "ref", "targets", "realized", "capaian")
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _scalar(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    text = str(v)
    if _PLAIN.fullmatch(text) and text.lower() not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n"):
        return text
    # A JSON string is a YAML double-quoted scalar; JSON leaves U+0085, U+2028/9 (line breaks to
    # YAML), DEL and C1 controls (not printable to YAML) and lone surrogates raw: escaped as \uXXXX.
    return escape_unsafe(json.dumps(text, ensure_ascii=False))


def _flow(v: Any) -> str:
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_scalar(k) if not isinstance(k, int) else k}: {_flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_flow(x) for x in v) + "]"
    return _scalar(v)


#: The comments of an imported file, in each language (the YAML itself is the same in both).
_HEADER = {
    "en": ("# Imported by cascade import from {source}, sheet {sheet}.",
           "# Comments name the source cells; edit the table and import again, or edit this file and keep it.", "at"),
    "id": ("# Diimpor oleh cascade import dari {source}, lembar {sheet}.",
           "# Komentar menyebut sel sumbernya; ubah tabelnya lalu impor lagi, atau ubah berkas ini dan simpan.", "di"),
}


def to_yaml(table: TableDocument, source: str, findings: list[Finding] = (), lang: str = "en") -> str:
    """The plan YAML of one imported table document, its comments in ``lang``."""
    first, second, at = _HEADER.get(lang, _HEADER["en"])
    data = table.data
    by_ref: dict[str | None, list[Finding]] = {}
    for f in findings:
        by_ref.setdefault(f.ref, []).append(f)
    doc = data.get("document") or {}
    doc_id = doc.get("id")
    lines = [first.format(source=os.path.basename(source), sheet=table.sheet), second, "document:"]
    for k, v in doc.items():
        if k == "period" and isinstance(v, dict):  # years as numbers, as FORMAT.md writes them
            v = {pk: int(pv) if isinstance(pv, str) and pv.isdigit() else pv for pk, pv in v.items()}
        lines.append(f"  {_scalar(k)}: {_flow(v)}")
    for f in by_ref.get(doc_id, []) + by_ref.get(None, []):
        lines.append(f"# {f.code} {f.rule} {at} {f.cell or '-'}: {f.localized(lang)}")
    lines.append("")
    if doc.get("kind") == "realisasi":
        return _joined(lines + _rows_yaml(table))
    lines.append("elements:")
    for i, el in enumerate(data.get("elements", [])):
        where = table.ranges.get(("elements", i))
        lines.append(f"  # {where}" if where else "  #")
        for f in by_ref.get(f"{doc_id}:{el['id']}", []):
            lines.append(f"  # {f.code} {f.rule} {at} {f.cell or '-'}: {f.localized(lang)}")
        first = True
        for k in _ELEMENT_KEYS:
            if k not in el or el[k] in (None, {}, []):
                continue
            lines.append(f"  {'- ' if first else '  '}{k}: {_flow(el[k])}")
            first = False
        inds = el.get("indicators") or []
        if inds:
            lines.append("    indicators:")
        for j, ind in enumerate(inds):
            where = table.ranges.get(("elements", i, "indicators", j))
            if where:
                lines.append(f"      # {where}")
            for f in by_ref.get(f"{doc_id}:{ind['id']}", []):
                lines.append(f"      # {f.code} {f.rule} {at} {f.cell or '-'}: {f.localized(lang)}")
            first = True
            for k in _INDICATOR_KEYS:
                if k not in ind or ind[k] in (None, {}, []):
                    continue
                lines.append(f"      {'- ' if first else '  '}{k}: {_flow(ind[k])}")
                first = False
    return _joined(lines)


def _joined(lines: list[str]) -> str:
    """The YAML text of ``lines``, each kept on its line: text from the table (its file and sheet
    name, a cell's text or place in a comment) can hold a line break or a control character, which
    in a comment would start a line of YAML of its own (``iku\nelements: []\n#.csv`` as a file
    name wrote ``elements: []`` into the plan). Every such character is written ``\\uXXXX``, which
    is also what it means inside the double-quoted values (:func:`_scalar`)."""
    return "\n".join(escape_unsafe(line) for line in lines) + "\n"


def _rows_yaml(table: TableDocument) -> list[str]:
    """The ``rows:`` of a realisasi table, each under a comment naming its cells (and its sasaran's)."""
    lines = ["rows:"]
    for i, row in enumerate(table.data.get("rows", [])):
        where = table.ranges.get(("rows", i))
        sasaran = table.ranges.get(("rows", i, "sasaran"))
        lines.append(f"  # {where or '-'}" + (f" (sasaran {sasaran})" if sasaran else ""))
        first = True
        for k in _ROW_KEYS:
            if k not in row or row[k] in (None, {}, []):
                continue
            lines.append(f"  {'- ' if first else '  '}{k}: {_flow(row[k])}")
            first = False
    if len(lines) == 1:
        lines[0] = "rows: []"
    return lines


def _write_plain(target: str, text: str) -> None:
    """Write ``text`` to ``target``, never through a symbolic link nor into anything but a regular
    file of its own: an output folder may hold what someone planted (``contoh.iku-2024.yaml ->
    ../victim.txt`` overwrote the victim). Opened with ``O_NOFOLLOW`` and without blocking (a FIFO),
    checked with ``fstat`` before anything is truncated; refused with an ``OSError`` naming why."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if os.path.islink(target):  # also where O_NOFOLLOW does not exist
        raise RefusedOutputError(target, link=True)
    try:
        fd = os.open(target, flags, 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # planted between the check and the open
            raise RefusedOutputError(target, link=True) from None
        if exc.errno == errno.ENXIO:  # a FIFO without a reader
            raise RefusedOutputError(target, link=False) from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_nlink > 1:
            raise RefusedOutputError(target, link=False)
        os.ftruncate(fd, 0)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fd = -1
            fh.write(text)
    finally:
        if fd != -1:
            os.close(fd)


def import_table(path: str, out_dir: str, *, layout: str | None = None, sheet: str | None = None,
                 document: dict | None = None, locale: str | None = None, year: int | None = None,
                 lang: str = "id", show_personal: bool = False) -> tuple[list[str], list[Finding]]:
    """Write the plan YAML of the table at ``path`` into ``out_dir``; returns (files written, findings).

    The findings outline the NIPs they quote (a cell that is not a number, ``'diverifikasi
    1990••••••••••1001'``) unless ``show_personal``, as :func:`cascade.load`'s do; the YAML written
    is the table's data, as it is.

    What the table does not say comes from its sidecar, or from ``document`` (the ``document:``
    block) with ``layout``/``sheet``/``locale``/``year`` (a realisasi table's year), which also
    override the sidecar's. The comments of the YAML are in ``lang``. Without a sidecar and without
    ``document``, :class:`MissingSidecarError` (nothing is written: the YAML would name no plan).
    """
    for name, value in (("path", path), ("out_dir", out_dir)):
        if not isinstance(value, (str, os.PathLike)) or isinstance(value, bool):
            raise UsageError(f"{name} must be a path (str or os.PathLike), not {type(value).__name__}")
    path, out_dir = os.fspath(path), os.fspath(out_dir)
    if not isinstance(show_personal, bool):
        raise UsageError(f"show_personal must be True or False, not {type(show_personal).__name__}")
    if document is not None and not isinstance(document, dict):
        raise UsageError(f"document must be a mapping (the document: block), not {type(document).__name__}")
    if document is None and not os.path.exists(sidecar_of(path)):
        raise MissingSidecarError(path, sidecar_of(path))
    entries = None
    base = None
    if document is not None or not os.path.exists(sidecar_of(path)):
        realisasi = (document or {}).get("kind") == "realisasi"
        entry: dict[str, Any] = {"document": dict(document or {}), "layout": layout or ("realisasi" if realisasi else "renstra-tc27")}
        if sheet is not None:
            entry["sheet"] = sheet
        if locale is not None:
            entry["locale"] = locale
        if year is not None:
            entry["year"] = year
        entries = [entry]
    tables, findings = read_workbook(path, path, entries=entries, base=base)
    if entries is None and (layout or sheet or locale or year):
        # options override the sidecar's entries: read again with them
        from .workbook import read_sidecar

        side, _ = read_sidecar(sidecar_of(path), sidecar_of(path))
        for e in side:
            e.update({k: v for k, v in (("layout", layout), ("sheet", sheet), ("locale", locale), ("year", year)) if v is not None})
        tables, findings = read_workbook(path, path, entries=side, base=os.path.dirname(sidecar_of(path)))
    os.makedirs(out_dir, exist_ok=True)
    written = []
    stem = os.path.splitext(os.path.basename(path))[0]
    for n, table in enumerate(tables):
        name = (table.data.get("document") or {}).get("id")
        fname = f"{name}.yaml" if isinstance(name, str) and re.fullmatch(r"[a-z0-9][a-z0-9._-]*", name) else f"{stem}-{n + 1}.yaml"
        target = os.path.join(out_dir, fname)
        _write_plain(target, to_yaml(table, path, table.findings, lang))
        written.append(target)
        findings.extend(table.findings)
    if not show_personal:
        from ..core.privacy import mask_finding

        findings = [mask_finding(f) for f in findings]
    return written, findings
