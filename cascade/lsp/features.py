"""What the language server knows, without the protocol: the reference under the cursor, hover text,
definitions, references, completions and quick fixes, read from a :class:`cascade.graph.Workspace`.

Positions here are 0-based ``(line, character)`` as in LSP; files are the workspace's names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..core.findings import Finding
from ..core.privacy import mask_nips
from ..core.models import ELEMENT_KINDS, INDICATOR_TYPES, POLARITIES, UNIT_LEVELS, Element, Header, Indicator, Unit
from ..core.parsed import ParsedDocument
from ..core.refs import split_ref
from ..graph import Workspace
from ..views.trace import Tracer


def personal_mask(ws: Workspace) -> Callable[[str], str]:
    """What the editor shows of a plan's text: NIPs and the skp employees' names outlined
    (:class:`cascade.views.html.Masker`, as the trace and the HTML report), unless the workspace was
    loaded with ``show_personal``. A hover or a completion's detail is an output like any other:
    it ends up in screenshots and shared screens. Made per request: the names are the workspace's
    own, compiled once for its current documents (:attr:`cascade.graph.Workspace.name_mask`), so an
    edit that adds an employee is masked at once."""
    from ..views.html import Masker

    return Masker(ws, ws.show_personal)


#: The fields whose values are references, and what they point to.
REF_FIELDS = {"parent": "element", "supports": "element", "crosscuts": "element", "aligns_to": "document",
              "owner": "unit", "unit": "unit"}

_TOKEN = re.compile(r"[A-Za-z0-9._:#-]+")
_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s|$)")


@dataclass(frozen=True)
class Spot:
    """The cursor's place: the field whose value it is in (None: a key), the token there and its columns."""

    field: str | None
    token: str
    start: int
    end: int
    section: str  # "document", "element", "indicator", "unit", "employee" or ""
    indent: int


def _field_and_section(lines: list[str], line: int, col: int) -> tuple[str | None, str, int]:
    """The key the cursor's value belongs to, the kind of mapping it sits in, and the line's indent."""
    text = lines[line]
    field = None
    # a key on this line before the cursor ("  supports: [a, b]", "- id: X", "parent: P")
    for m in re.finditer(r"([A-Za-z_][A-Za-z0-9_]*)\s*:(?=\s|$|\[|\{)", text[:col]):
        field = m.group(1)
    indent = len(text) - len(text.lstrip(" -"))
    if field is None and text.lstrip().startswith("- "):
        # a block list item: the key is on the nearest line above with less indentation
        here = len(text) - len(text.lstrip())
        for up in range(line - 1, -1, -1):
            m = _KEY.match(lines[up])
            if m and len(m.group(1)) < here and lines[up].rstrip().endswith(":"):
                field = m.group(2)
                break
    section = ""
    keys_at: list[tuple[int, str]] = []
    for up in range(line, -1, -1):
        m = re.match(r"^(\s*)(-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:", lines[up])
        if m is None:
            continue
        ind = len(m.group(1)) + (len(m.group(2)) if m.group(2) else 0)
        keys_at.append((ind, m.group(3)))
        if ind == 0:
            break
    # the section is named by the enclosing list or mapping key
    enclosing = [k for i, k in keys_at if i < (keys_at[0][0] if keys_at else 0)]
    top = keys_at[-1][1] if keys_at else ""
    if top == "document":
        section = "document"
    elif top == "organization":
        section = "unit"
    elif top == "elements":
        section = "indicator" if "indicators" in enclosing else "employee" if "employee" in enclosing else "element"
    return field, section, indent


def spot_at(text: str, line: int, col: int) -> Spot | None:
    lines = text.split("\n")
    if line >= len(lines):
        return None
    current = lines[line]
    col = max(0, min(col, len(current)))  # a client may place the cursor past the end of the line
    start = col
    while start > 0 and _TOKEN.match(current[start - 1]):
        start -= 1
    end = col
    while end < len(current) and _TOKEN.match(current[end]):
        end += 1
    token = current[start:end]
    field, section, indent = _field_and_section(lines, line, col)
    in_list = current[:start].count("[") > current[:start].count("]")
    if token.endswith(":") and current[end:end + 1] in ("", " ") and not in_list:
        # the cursor is on a key (in a flow list, 'doc-id:' is a reference being typed); on 'id:' it
        # means the id written after it (a definition's place)
        m = re.match(r"\s*([A-Za-z0-9._-]+)", current[end:]) if token == "id:" else None
        if m:
            return Spot("id", m.group(1), end + m.start(1), end + m.end(1), section, indent)
        return Spot(None, token[:-1], start, end - 1, section, indent)
    return Spot(field, token.strip(":"), start, end, section, indent)


def _file_doc(ws: Workspace, file: str) -> str | None:
    for doc_id, parsed in ws.parsed.items():
        if parsed.file == file:
            return doc_id
    return None


def _doc_of(ws: Workspace, file: str, fallback: "ParsedDocument | None") -> tuple[str | None, "ParsedDocument | None"]:
    """The document of ``file`` in the workspace, else ``fallback``: its last good parse, while the
    buffer being typed is not YAML (``supports: [`` with no ``]`` yet)."""
    doc_id = _file_doc(ws, file)
    if doc_id is not None:
        return doc_id, ws.parsed[doc_id]
    if fallback is not None:
        return fallback.model.document.id, fallback
    return None, None


def resolve(ws: Workspace, file: str, spot: Spot, fallback: "ParsedDocument | None" = None) -> str | None:
    """The graph node a reference (or an ``id:``) at ``spot`` names, if it is in the workspace;
    ``fallback`` is the file's last good parse, for a buffer that does not parse now."""
    doc_id, parsed = _doc_of(ws, file, fallback)
    if doc_id is None or parsed is None or not spot.token:
        return None
    G = ws.graph
    field = spot.field
    if field == "aligns_to" or field == "part_of":
        return spot.token if spot.token in G else None
    if field in ("owner",) or (field == "unit" and spot.section == "employee") or (field == "parent" and spot.section == "unit"):
        homes = [doc_id, *parsed.model.document.aligns_to]
        for home in homes:
            node = f"{home}#{spot.token}"
            if node in G:
                return node
        return None
    if field in ("parent", "supports", "crosscuts"):
        target_doc, local = split_ref(spot.token, doc_id)
        node = f"{target_doc}:{local}"
        return node if node in G else None
    if field == "id":
        if spot.section == "document":
            return doc_id if doc_id in G else None
        node = f"{doc_id}#{spot.token}" if spot.section == "unit" else f"{doc_id}:{spot.token}"
        return node if node in G else None
    return None


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "min") and hasattr(value, "max"):
        return f"{_fmt(value.min)}–{_fmt(value.max)}"
    return str(value)


#: The words of a hover, in each language (Bahasa Indonesia first, as everywhere).
_HOVER = {
    "id": {"unit": "satuan", "polarity": "polaritas", "baseline": "kondisi awal", "targets": "target",
           "declared": "{value} (dinyatakan)", "inferred": "{value} (dibaca dari '{word}')",
           "unknown": "tidak diketahui (tidak dinyatakan, tidak terbaca dari nama)", "preliminary": "sementara",
           "pk": "  (terhadap target Perjanjian Kinerja)", "chain": "Rantai ke atas:", "more": "- … {n} lagi",
           "org_unit": "unit kerja"},
    "en": {"unit": "unit", "polarity": "polarity", "baseline": "baseline", "targets": "targets",
           "declared": "{value} (declared)", "inferred": "{value} (inferred from '{word}')",
           "unknown": "unknown (not declared, not read from the name)", "preliminary": "preliminary",
           "pk": "  (against the Perjanjian Kinerja target)", "chain": "Chain up:", "more": "- … {n} more",
           "org_unit": "unit"},
}


def _measured(ws: Workspace, node: str, options: dict | None, lang: str = "id") -> list[str]:
    """Realisasi and capaian lines of an indicator, as ``cascade capaian`` computes them (inline
    ``realized`` and realisasi documents, PK targets, the configured formula, bounds and as-of year:
    ``options`` are the run's rule options); nothing when the indicator has no realisasi."""
    from ..core.capaian import note_in
    from ..rules.context import Context
    from ..rules.realization import capaian_rows

    w = _HOVER.get(lang, _HOVER["en"])
    doc = ws.graph._node[node]["doc"]
    try:
        rows = [r for r in capaian_rows(Context(ws.graph, ws.parsed, options, scope=frozenset({doc}))) if r.ref == node]
    except Exception:  # noqa: BLE001 - a bad option is the lint's finding to report, not the hover's
        return []
    if not rows:
        return []
    out = ["- realisasi: " + ", ".join(
        f"{r.year}: {_fmt(r.realized)}" + (f" ({w['preliminary']})" if r.status == "preliminary" else "")
        for r in rows if r.realized is not None)]
    caps = [f"{r.year}: {r.capaian:g} ({r.category})" if r.capaian is not None else f"{r.year}: — ({note_in(r.note, lang)})"
            for r in rows]
    out.append("- capaian: " + ", ".join(caps))
    if any(r.target_source == "pk" for r in rows):
        out.append(w["pk"])
    return out


def hover_text(ws: Workspace, node: str, options: dict | None = None, lang: str = "id") -> str:
    """Markdown for a node, in ``lang`` (Bahasa Indonesia by default): name, kind, document, the chain
    up to the RPJMN, an indicator's numbers (NIPs and employees' names masked: :func:`personal_mask`)."""
    return personal_mask(ws)(_hover_text(ws, node, options, lang))


def _hover_text(ws: Workspace, node: str, options: dict | None = None, lang: str = "id") -> str:
    from ..core.capaian import POLARITY_WORDS
    from ..core.words import END_WORDS, kind_word

    w = _HOVER.get(lang, _HOVER["en"])
    G = ws.graph
    attrs = G.nodes[node]
    model = attrs["model"]
    t = attrs["type"]
    out: list[str] = []
    if t == "document":
        assert isinstance(model, Header)
        out.append(f"**{model.title}**  \n`{node}` · {model.kind} {model.period.start}–{model.period.end}")
        return "\n".join(out)
    doc = attrs["doc"]
    title = ws.parsed[doc].model.document.title
    if t == "unit":
        assert isinstance(model, Unit)
        return f"**{model.name}**  \n{w['org_unit']} `{node}` · {model.level or '—'}  \n{title} (`{doc}`)"
    kind = kind_word(model.kind if isinstance(model, Element) else "indicator", lang)
    out.append(f"**{model.name}**  \n{kind} `{node}`  \n{title} (`{doc}`)")
    if isinstance(model, Indicator):
        pol = model.effective_polarity
        value = POLARITY_WORDS.get(lang, {}).get(pol.value or "", pol.value)
        if pol.source == "declared":
            polarity = w["declared"].format(value=value)
        elif pol.value is not None:
            polarity = w["inferred"].format(value=value, word=pol.word)
        else:
            polarity = w["unknown"]
        out.append("")
        out.append(f"- {w['unit']}: {model.unit or '—'}")
        out.append(f"- {w['polarity']}: {polarity}")
        if model.baseline is not None:
            out.append(f"- {w['baseline']}: {_fmt(model.baseline.value)} ({model.baseline.year})")
        if model.targets:
            out.append(f"- {w['targets']}: " + ", ".join(f"{y}: {_fmt(v)}" for y, v in sorted(model.targets.items())))
        out.extend(_measured(ws, node, options, lang))
    try:
        chains = Tracer(G).trace(node)
    except KeyError:
        chains = []
    if chains:
        ends = END_WORDS.get(lang, END_WORDS["en"])
        out.append("")
        out.append(w["chain"])
        for chain in chains[:3]:
            steps = " → ".join(f"{kind_word(s.kind, lang)} `{s.ref}`" for s in chain.steps[1:]) or "—"
            out.append(f"- {steps} ({ends.get(chain.end, chain.end)})")
        if len(chains) > 3:
            out.append(w["more"].format(n=len(chains) - 3))
    return "\n".join(out)


def location(ws: Workspace, node: str) -> tuple[str, int, int] | None:
    """``(file, line, character)`` (0-based) where ``node`` is defined."""
    file, line, col = ws.locate(node)
    if file is None or line is None:
        return None
    return file, line - 1, (col or 1) - 1


def references(ws: Workspace, node: str) -> list[tuple[str, int, int, int, int]]:
    """Where ``node`` is named by a link (``parent``, ``supports``, ``crosscuts``, ``owner``, ``unit``,
    ``aligns_to``): ``(file, line, char, end_line, end_char)``, 0-based."""
    G = ws.graph
    out = []
    for below, edge in G.pred[node].items():
        for link in (edge["type"], *edge.get("also", ())):
            if link == "indicator_of":
                continue
            attrs = G.nodes[below]
            doc = below if attrs["type"] == "document" else attrs["doc"]
            parsed = ws.parsed[doc]
            base = attrs.get("path", ("document",))
            field = {"unit": ("employee", "unit")}.get(link, (link,))
            span, _ = parsed.sourcemap.locate(base + field)
            if span is None:
                continue
            out.append((parsed.file, span.line - 1, span.column - 1, span.end_line - 1, span.end_column - 1))
    return sorted(set(out))


@dataclass(frozen=True)
class Item:
    label: str
    detail: str
    kind: str  # "reference", "field", "value"


_FIELDS = {
    "document": ["id", "kind", "title", "period", "region", "aligns_to", "agency", "vision", "part_of"],
    "element": ["id", "kind", "name", "parent", "supports", "crosscuts", "code", "owner", "justification", "indicators", "employee"],
    "indicator": ["id", "name", "type", "unit", "polarity", "baseline", "targets", "final", "supports", "measure", "key", "definition", "source"],
    "unit": ["id", "name", "level", "parent", "bidang", "functions"],
    "employee": ["nip", "name", "position", "unit"],
}


def completions(ws: Workspace, file: str, text: str, line: int, col: int,
                fallback: "ParsedDocument | None" = None) -> list[Item]:
    """Ids (with names) for a reference field, enum values, or field names for a key position;
    ``fallback`` is the file's last good parse, used while the buffer does not parse (a ``[`` typed
    without its ``]``, which is when a reference is being completed).

    A name (the detail) is masked as the hover masks it (:func:`personal_mask`); the label is what
    the editor writes into the file, and stays the id as it is."""
    items = _completions(ws, file, text, line, col, fallback)
    if any(i.kind == "reference" for i in items):
        mask = personal_mask(ws)
        items = [Item(i.label, mask(i.detail), i.kind) if i.kind == "reference" else i for i in items]
    return items


def _completions(ws: Workspace, file: str, text: str, line: int, col: int,
                 fallback: "ParsedDocument | None" = None) -> list[Item]:
    spot = spot_at(text, line, col)
    if spot is None:
        return []
    doc_id, parsed = _doc_of(ws, file, fallback)
    current = text.split("\n")[line]
    before = current[:col]
    if spot.field is None or not re.search(r":\s*\[?[^:]*$|:\s*\S*$", before):
        return [Item(f, spot.section, "field") for f in _FIELDS.get(spot.section, [])]
    field = spot.field
    if field == "kind":
        header_kind = parsed.model.document.kind if parsed is not None else None
        values = ELEMENT_KINDS.get(header_kind or "", ()) if spot.section == "element" else tuple(ELEMENT_KINDS)
        return [Item(v, "kind", "value") for v in values]
    if field == "type":
        return [Item(v, "type", "value") for v in INDICATOR_TYPES]
    if field == "polarity":
        return [Item(v, "polarity", "value") for v in POLARITIES]
    if field == "level":
        return [Item(v, "level", "value") for v in UNIT_LEVELS]
    if doc_id is None or parsed is None or field not in REF_FIELDS:
        return []
    G = ws.graph
    header = parsed.model.document
    if field == "aligns_to":
        return [Item(d, p.model.document.title, "reference") for d, p in ws.parsed.items() if d != doc_id]
    if field in ("owner", "unit") or spot.section == "unit":
        homes = [doc_id, *header.aligns_to]
        return [Item(n.split("#", 1)[1], G.nodes[n]["name"] or "", "reference")
                for h in homes for n in _nodes_of(ws, h) if G.nodes[n]["type"] == "unit"]
    kinds = ELEMENT_KINDS[header.kind]
    own_kind = _own_kind(text, line)
    if field == "parent":
        # the kind one level above, in this document
        want = {kinds[kinds.index(own_kind) - 1]} if own_kind in kinds and kinds.index(own_kind) > 0 else set(kinds)
        if doc_id not in ws.parsed:  # the last good parse: its elements, as they were
            return [Item(e.id, e.name, "reference") for e in parsed.model.elements if e.kind in want]
        return [Item(n.split(":", 1)[1], G.nodes[n]["name"], "reference") for n in _nodes_of(ws, doc_id)
                if G.nodes[n]["type"] == "element" and G.nodes[n]["kind"] in want]
    want_type = "indicator" if spot.section == "indicator" else "element"
    targets = [d for d in header.aligns_to if d in ws.parsed] if field == "supports" else [
        d for d, p in ws.parsed.items() if d != doc_id and p.model.document.kind == header.kind]
    return [Item(n, G.nodes[n]["name"], "reference") for d in targets for n in _nodes_of(ws, d)
            if G.nodes[n]["type"] == want_type]


def _own_kind(text: str, line: int) -> str | None:
    lines = text.split("\n")
    for up in range(line, -1, -1):
        m = re.match(r"^\s*(?:-\s+)?kind:\s*(\S+)", lines[up])
        if m:
            return m.group(1)
        if re.match(r"^\s*-\s+id:", lines[up]) and up != line:
            break
    stop = min(len(lines), line + 30)  # look a few lines down only
    for down in range(line + 1, stop):
        m = re.match(r"^\s*kind:\s*(\S+)", lines[down])
        if m:
            return m.group(1)
        if re.match(r"^\s*-\s+id:", lines[down]):
            break
    return None


def _nodes_of(ws: Workspace, doc: str) -> Iterable[str]:
    index = getattr(ws, "_nodes_by_doc", None)
    if index is None or index[0] is not ws.graph or index[1] != ws.graph.number_of_nodes():
        by: dict[str, list[str]] = {}
        for n, a in ws.graph.nodes(data=True):
            if a["type"] != "document":
                by.setdefault(a["doc"], []).append(n)
        index = (ws.graph, ws.graph.number_of_nodes(), by)
        ws._nodes_by_doc = index
    return index[2].get(doc, ())


@dataclass(frozen=True)
class Fix:
    title: str
    line: int
    start: int
    end: int
    new_text: str
    preferred: bool = True


_TITLES = {
    "quote": {"en": 'Quote: "{v}"', "id": 'Beri tanda kutip: "{v}"'},
    "write": {"en": "Write {v}", "id": "Tuliskan {v}"},
    "change": {"en": "Change to '{v}'", "id": "Ganti dengan '{v}'"},
    "ignore": {"en": "Suppress {v} on this line (# cascade: ignore)", "id": "Abaikan {v} di baris ini (# cascade: ignore)"},
}


def _title(key: str, lang: str, value: str) -> str:
    return _TITLES[key].get(lang, _TITLES[key]["en"]).format(v=value)


def fixes(finding: Finding, text: str, lang: str = "en") -> list[Fix]:
    """Quick fixes for a finding with one right answer, and an inline suppression for any finding;
    titles in ``lang`` (``en`` or ``id``)."""
    out: list[Fix] = []
    lines = text.split("\n")
    if finding.line is None:
        return out
    line = finding.line - 1
    if line >= len(lines):
        return out
    current = lines[line].removesuffix("\r")  # a CRLF line ends before its \r: an edit goes before it
    args = dict(finding.args)
    start = (finding.column or 1) - 1
    end = (finding.end_column - 1) if finding.end_column and finding.end_line == finding.line else len(current)
    value = current[start:end]
    if finding.code == "CAS006" and "value" in args:
        raw = str(args["value"])
        written = value.strip()
        # an unquoted NIP: the finding shows it outlined (1970••••••••••1002), the file holds it whole;
        # the title keeps the outline, the edit quotes what the file holds
        if written == raw or (written.isdigit() and mask_nips(written) == raw):
            out.append(Fix(_title("quote", lang, raw), line, start, end, f'"{written}"'))
    elif finding.code == "CAS103" and finding.variant == "ambiguous":
        hint = str(args.get("hint", ""))
        try:
            float(hint)
        except ValueError:
            hint = ""
        if hint:
            out.append(Fix(_title("write", lang, hint), line, start, end, hint))
    elif finding.code == "CAS202" and args.get("hint"):
        target = str(args.get("target", ""))
        hint = str(args["hint"])
        i = current.find(target, start)
        if target and i >= 0:
            new = (target.rsplit(":", 1)[0] + ":" + hint) if ":" in target and ":" not in hint else hint
            out.append(Fix(_title("change", lang, new), line, i, i + len(target), new))
    # every finding: an inline suppression, with a reason to fill in
    if "# cascade:" not in current:
        rule = finding.rule or finding.code
        out.append(Fix(_title("ignore", lang, finding.code), line, len(current), len(current),
                       f"  # cascade: ignore[{rule}] REASON", preferred=False))
    return out
