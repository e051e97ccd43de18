"""Masking of personal data: the one place every output of findings and source text goes through.

Employee numbers (NIP, 18 digits, also printed in 8-6-1-3 groups: ``00000000 000000 0 001``) and the
values of skp ``employee`` blocks must not reach reports that are shared beyond HR. Two funnels
carry everything an output can show, and both mask here unless ``show_personal``:

- findings: :func:`mask_finding` runs on every finding of :attr:`Cascade.findings` (load, schema and
  graph findings) and on every finding of a report built by :func:`cascade.validate.finish` (the end
  of :meth:`Cascade.validate` and of the distributed run). Every reporter (full, concise, json,
  sarif, gitlab, junit, github), ``Report.to_pandas()`` and ``repr(Finding)`` read these findings.
- source text: :meth:`Cascade.sources` masks each file with :func:`mask_source` (every line of an
  ``employee`` block, whatever state the file is in, then NIPs anywhere).

Both funnels also outline the employees' names wherever a text repeats them (an rhk or an indicator
named after its holder, quoted by a finding's message or on a quoted line): a :class:`NameMask` of
the workspace's names (:attr:`cascade.graph.Workspace.name_mask`), read from the ``employee``
blocks as written (:func:`employee_names`), a block that failed validation included. A partitioned
run (``--by-region``, Dask) masks in each partition the names of the documents it read.

Every other output (trace, tree, HTML report, diff, capaian, workbook export, editor hover) reads
findings and source lines through these funnels, and any other text it takes from the models
through the same masks (``cascade.views.html.Masker``: :func:`mask_nips` and the names).

Masking keeps lengths, so columns and carets still line up: a NIP keeps its first and last four
digits (``0000••••••••••0001``), other personal text becomes ``•``.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from collections.abc import Mapping
from typing import Any

from .sourcemap import only_newlines

__all__ = [
    "BLOT", "mask_nips", "mask_finding", "mask_employee_blocks", "mask_nip_mappings", "mask_source", "personal_path",
    "employee_key", "mask_nip_value", "mask_output", "employee_names", "outline", "NameMask", "workspace_names",
]

BLOT = "•"

#: 18 ASCII digits, alone or in the printed 8-6-1-3 groups, not part of a longer number.
_NIP = re.compile(r"(?<![0-9])[0-9]{8}[ .]?[0-9]{6}[ .]?[0-9][ .]?[0-9]{3}(?![0-9])")
_QUICK = re.compile(r"[0-9]{8}")


def _outline(match: re.Match[str]) -> str:
    out, digit = [], 0
    for ch in match.group():
        if ch.isdigit():
            out.append(ch if digit < 4 or digit >= 14 else BLOT)
            digit += 1
        else:
            out.append(ch)
    return "".join(out)


def mask_nips(text: str) -> str:
    """``text`` with every NIP outlined (``0000••••••••••0001``, ``0000•••• •••••• 0 001``)."""
    if not _QUICK.search(text):
        return text
    return _NIP.sub(_outline, text)


#: A JSON string literal, or a bare JSON number.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*')


def _mask_json_token(match: re.Match[str]) -> str:
    token = match.group()
    masked = mask_nips(token)
    if masked is token or masked == token or token[0] == '"':
        return masked
    return f'"{masked}"'  # an 18-digit number is a NIP as lint reads one: masked, it is a string


def mask_output(text: str, json_text: bool = False) -> str:
    """A command's whole output with every NIP outlined, wherever the plan put it (an element or
    indicator id, a name, a value): the last funnel before standard output or ``--output``
    (:func:`cascade.cli.paths.write_output`). With ``json_text`` the text is JSON and stays JSON: a
    NIP inside a string is outlined in place, a NIP written as a bare number becomes the string of
    its outline. Other numbers (percentages, years, 16-hex-digit fingerprints) never hold 18 digits
    in a row and pass unchanged."""
    if not _QUICK.search(text):
        return text
    return _JSON_TOKEN.sub(_mask_json_token, text) if json_text else _NIP.sub(_outline, text)


def mask_nip_value(value: str) -> str:
    """The value of a ``nip`` field as an output may show it: a NIP (18 digits, or its printed
    groups) outlined as everywhere (``0000••••••••••0001``), anything else blotted whole, whatever
    its form (``1970051219950310``, ``1970-05-12``, ``ABC005121995031004``): a malformed NIP is
    still someone's, and its digits are no less personal for being too few."""
    m = _NIP.fullmatch(value)
    return _outline(m) if m else BLOT * len(value)


def outline(text: str) -> str:
    """Personal data as its outline, as the schema's findings show it: a NIP keeps its first and last
    four digits (``0000••••••••••0001``), a name its first letter (``B•••••••••••``)."""
    if text.isdigit() and len(text) >= 12:
        return text[:4] + "•" * (len(text) - 8) + text[-4:]
    return text[:1] + "•" * (len(text) - 1)


def _names_pattern(names: set[str]) -> re.Pattern[str]:
    """One pattern that finds any of ``names``, the longest at a place where several start.

    The names go into a prefix tree (``Ani``, ``Anita``: ``Ani(?:ta)?``), so that at each place of
    a text the pattern follows one branch per character instead of trying every name in turn: the
    plain alternation (longest first) took 7 s of a report's 15.6 with 5,912 employees and 21,342
    findings; the tree, as the same matches, 75x less. Names over :data:`_TREE_NAME_MAX`
    characters (a hostile skp) stay an alternation tried before the tree (they are longer than any
    name in it), and a tree too deep for the compiler falls back to the alternation of all.
    """
    ordered = sorted(names, key=len, reverse=True)
    plain = "|".join(re.escape(n) for n in ordered)
    long = [n for n in ordered if len(n) > _TREE_NAME_MAX]
    tree: dict[str, Any] = {}
    for name in ordered[len(long):]:
        node = tree
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = None  # a name ends here

    def branch(node: dict[str, Any]) -> str:
        ends = "" in node
        ways = [re.escape(ch) + branch(child) for ch, child in node.items() if ch != ""]
        if not ways:
            return ""
        body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
        return f"(?:{body})?" if ends else body  # greedy: the longer name first

    try:
        return re.compile("|".join([*(re.escape(n) for n in long), *([branch(tree)] if tree else [])]))
    except (RecursionError, re.error, OverflowError):
        return re.compile(plain)


#: Names longer than this stay out of the prefix tree of :func:`_names_pattern` (its depth).
_TREE_NAME_MAX = 200
#: The first characters of a name :class:`NameMask` looks for before it builds its whole pattern.
_HEAD = 4


class NameMask:
    """Outlines the names of employees (``B•••••••••••``) wherever they stand in a text: a finding's
    message quoting an rhk named after its holder, a line of a file, a view's label. Callable on a
    text; false when it knows no name (then it returns the text unchanged)."""

    __slots__ = ("_names", "_heads", "_pattern")

    def __init__(self, names: Any = ()):
        self._names = {n for n in names if isinstance(n, str) and n.strip()}
        # A text holding a name holds its first characters: a pattern of the few distinct heads
        # decides most texts, and the pattern of every name (0.4-0.8 s to build for 10,000
        # employees) is built only when a text holds a head.
        self._heads = _names_pattern({n[:_HEAD] for n in self._names}) if self._names else None
        self._pattern: re.Pattern[str] | None = None

    def __bool__(self) -> bool:
        return self._heads is not None

    def __call__(self, text: str) -> str:
        if self._heads is None or not isinstance(text, str) or not self._heads.search(text):
            return text
        if self._pattern is None:
            self._pattern = _names_pattern(self._names)
        return self._pattern.sub(_outline_match, text)


_LINE_BREAKS = frozenset("\r\n\x85\u2028\u2029")


def _outline_match(m: re.Match[str]) -> str:
    """A name's :func:`outline`, its line breaks kept (a name may hold one: the lines of a text
    stay where they were)."""
    text = m.group()
    return text[:1] + "".join(c if c in _LINE_BREAKS else BLOT for c in text[1:])


def workspace_names(workspace: Any) -> set[str]:
    """The names of a workspace's employees: those of the valid ``employee`` entries (the models) and
    those written in every employee block, a block that failed validation included
    (:attr:`cascade.core.parsed.ParsedDocument.personal_names`, :func:`employee_names`)."""
    names = {e.employee.name for d in getattr(workspace, "documents", {}).values() for e in getattr(d, "elements", ())
             if getattr(e, "employee", None) is not None and e.employee.name.strip()}
    names.update(n for p in getattr(workspace, "parsed", {}).values() for n in getattr(p, "personal_names", ()))
    # and those of the files that gave no document (a header error)
    names.update(n for f in getattr(workspace, "files", ()) for n in getattr(f, "personal_names", ()))
    return names


def _mask_value(value: Any, names: Any = None) -> Any:
    if isinstance(value, str):
        masked = mask_nips(value)
        return names(masked) if names else masked
    if isinstance(value, int) and not isinstance(value, bool) and value >= 10**17:
        text = str(value) if value < 10**40 else None  # str() of a huge int is refused or slow
        return value if text is None else (masked if (masked := mask_nips(text)) != text else value)
    if isinstance(value, (list, tuple)):
        out = [_mask_value(v, names) for v in value]
        return type(value)(out) if any(a is not b for a, b in zip(out, value)) else value
    if type(value).__name__ == "Finding" and dataclasses.is_dataclass(value):
        return mask_finding(value, names)  # a finding quoted in another's message (CAS903)
    return value


def mask_finding(finding: Any, names: "NameMask | None" = None) -> Any:
    """``finding`` with NIPs outlined in its message, arguments, reference and pointer, and the
    employees' ``names`` (a :class:`NameMask`) in its message and arguments: an rhk or an indicator
    named after its holder is quoted by many messages (the same object when there is nothing to
    mask). The reference and the pointer keep names: they are ids and paths, and a baseline matches
    findings by their reference."""
    message = mask_nips(finding.message)
    if names:
        message = names(message)
        if message == finding.message:
            message = finding.message
    ref = mask_nips(finding.ref) if finding.ref else finding.ref
    pointer = mask_nips(finding.pointer) if finding.pointer else finding.pointer
    args = tuple((k, _mask_value(v, names)) for k, v in finding.args)
    if (message is finding.message and ref is finding.ref and pointer is finding.pointer
            and all(a[1] is b[1] for a, b in zip(args, finding.args))):
        return finding
    return dataclasses.replace(finding, message=message, ref=ref, pointer=pointer, args=args)


_BREAK = re.compile("(\r\n|[\r\n\x85\u2028\u2029])")
#: Any word written as a key, at the start of a line (after list dashes) or in a flow mapping.
_ANY_KEY = re.compile(r"""(?:^|[{,\r\n\x85\u2028\u2029])[ \t]*(?:-[ \t]+)*["']?([A-Za-z_]+)["']?[ \t]*:""")
#: Spellings of ``employee`` a plan writes (the did-you-mean of cascade.build.documents maps them).
_EMPLOYEE_WORDS = frozenset({"employee", "pegawai"})


@functools.lru_cache(maxsize=4096)
def employee_key(word: str) -> bool:
    """Whether a key named ``word`` holds an employee: ``employee`` in any case, its Indonesian
    ``pegawai``, or a misspelling close enough that the did-you-mean would suggest ``employee``
    (masked whatever the key is called: ``Employee:``, ``employe:``, ``pegawai:``)."""
    low = word.lower()
    return low in _EMPLOYEE_WORDS or difflib.SequenceMatcher(None, low, "employee").ratio() >= 0.6


#: The employee fields a name is not written under (``nama`` and misspellings of ``name`` are names).
_OTHER_FIELDS = ("nip", "position", "unit")
#: How many strings :func:`employee_names` takes from one employee value, and how deep it looks.
_NAMES_MAX, _NAMES_DEPTH = 64, 8


@functools.lru_cache(maxsize=4096)
def _name_key(word: str) -> bool:
    """Whether an employee's field written ``word`` holds its name: ``name`` in any case, ``nama``,
    or a misspelling closer to ``name`` than to ``nip``, ``position`` or ``unit`` (``nmae``, ``Nama_``)."""
    low = word.strip().lower()
    if len(low) > 32:  # no field's misspelling; difflib on a huge key is slow
        return False
    if low in ("name", "nama"):
        return True
    close = difflib.get_close_matches(low, ["name", *_OTHER_FIELDS], n=1, cutoff=0.6)
    return close == ["name"]


def _strings(value: Any, out: list[str], depth: int = 0) -> None:
    """The text in ``value`` (a string, or strings in lists and mappings, a few levels deep) into ``out``."""
    if len(out) >= _NAMES_MAX or depth > _NAMES_DEPTH:
        return
    if isinstance(value, str):
        text = _NIP.sub("", value).strip()  # "199001012015031001 Siti Aminah": the name is Siti Aminah
        if text:
            out.append(text)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _strings(item, out, depth + 1)
    elif isinstance(value, Mapping):
        for item in value.values():
            _strings(item, out, depth + 1)


def employee_names(data: Any) -> tuple[str, ...]:
    """The names written in the employee blocks of one document's data as read (a dict of a YAML
    file, or a dict given to ``cascade.load``), whether or not they make a valid ``Employee``.

    The masks of the views (:class:`cascade.views.html.Masker`) learn the names of employees from
    here as well as from the models: an employee whose block fails validation (no ``unit``, a
    ``position`` that is a list, a misspelt field) has no model, yet its name is no less personal
    where an ``rhk``'s name repeats it. Nothing of ``data`` is trusted: an element's key that holds
    an employee is any spelling :func:`employee_key` accepts; in a mapping, the values of the keys
    that name its ``name`` (``nama``, ``nmae``), in a value that is not a mapping (``"NIP Nama"``, a
    list) all of its text, each without the NIPs in it (those are outlined by their pattern).
    Numbers are not names (a ``name: 2021`` would otherwise blot every year): skipped, as are keys
    that are not text.
    """
    if not isinstance(data, Mapping):
        return ()
    elements = data.get("elements")
    if not isinstance(elements, (list, tuple)):
        return ()
    found: list[str] = []
    for element in elements:
        if not isinstance(element, Mapping):
            continue
        for key, value in element.items():
            if not isinstance(key, str) or not employee_key(key):
                continue
            mine: list[str] = []  # at most _NAMES_MAX of one employee
            if isinstance(value, Mapping):
                for field, text in value.items():
                    if isinstance(field, str) and _name_key(field):
                        _strings(text, mine)
            else:
                _strings(value, mine)
            found.extend(mine)
    return tuple(dict.fromkeys(found))


def _employee_words(text: str) -> tuple[str, ...]:
    """The spellings of employee keys written in ``text`` (empty for most files: then nothing to do)."""
    return tuple(sorted({w for w in set(_ANY_KEY.findall(text)) if employee_key(w)}))


@functools.lru_cache(maxsize=64)
def _key_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``_BLOCK`` and ``_INLINE`` for the employee keys ``words``."""
    alt = "|".join(re.escape(w) for w in words)
    key = rf"""(?:(?:{alt})|"(?:{alt})"|'(?:{alt})')"""
    return (re.compile(rf"""^([ \t]*(?:-[ \t]+)*){key}[ \t]*:"""), re.compile(rf"""[{{,][ \t]*{key}[ \t]*:"""))


#: ``employee:`` as a key (plain or quoted) at the start of a line, after list dashes.
_BLOCK = _key_patterns(("employee",))[0]
#: ``employee:`` inside a flow mapping (``- {id: R1, employee: {...}}``).
_INLINE = _key_patterns(("employee",))[1]
#: What stays visible in a masked value: layout, flow punctuation, and the employee's field names.
_KEEP = re.compile(r"""(?:\b(?:nip|name|position|unit)\b(?=["']?[ \t]*:))|[\s{}\[\],:"']""")


#: A field name to keep (as in ``_KEEP``), or a run of characters ``_KEEP`` does not keep, none of
#: which starts a field name to keep.
_RUN = re.compile(
    r"""(\b(?:nip|name|position|unit)\b(?=["']?[ \t]*:))"""
    r"""|(?:(?!\b(?:nip|name|position|unit)\b(?=["']?[ \t]*:))[^\s{}\[\],:"'])+"""
)


def _blot_run(m: re.Match[str]) -> str:
    return m.group(1) or BLOT * (m.end() - m.start())


def _blot(text: str) -> str:
    """``text`` with every character ``_KEEP`` does not keep as ``•`` (runs at a time)."""
    return _RUN.sub(_blot_run, text)


def _indent(line: str) -> int:
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width = (width // 8 + 1) * 8  # a tab counts as deep: inside the block, masked
        else:
            break
    return width


def mask_employee_blocks(text: str) -> str:
    """``text`` with every line of every ``employee`` block blotted out, by position alone.

    Works on any text, also a file that does not parse (a duplicate ``nip:``, a tab, a bad escape,
    an over-long line...): after an ``employee:`` key the rest of its line is blotted, and so is
    every following line indented deeper than the key (blank lines pass). Field names (``nip``,
    ``name``, ``position``, ``unit``) and punctuation stay, so the excerpt still shows the layout.
    """
    words = _employee_words(text)
    if not words:
        return text
    block_key, inline_key = _key_patterns(words)
    simple = only_newlines(text)
    # the lines; with other breaks than \n, at even indexes and their breaks between
    parts = text.split("\n") if simple else _BREAK.split(text)
    depth: int | None = None  # indentation of the open employee key, None outside a block
    for i in range(0, len(parts), 1 if simple else 2):
        line = parts[i]
        if depth is not None:
            if not line.strip():
                continue
            if _indent(line) > depth:
                parts[i] = _blot(line)
                continue
            depth = None
        if not any(w in line for w in words):
            continue
        m = block_key.match(line)
        if m:
            depth = _indent(m.group(1).replace("-", " "))
            parts[i] = line[: m.end()] + _blot(line[m.end():])
            continue
        m = inline_key.search(line)
        if m:
            parts[i] = line[: m.end()] + _blot(line[m.end():])
    return "\n".join(parts) if simple else "".join(parts)


#: A ``nip`` key (any case, plain or quoted).
_NIP_KEY = re.compile(r"""(?i)(?<![A-Za-z0-9_])["']?nip["']?[ \t]*:""")
#: The same without the look-behind and the case flag, which made a scan of a whole file five times
#: slower (24 MB of plans: 0.49 s against 0.09 s); :func:`_nip_key_lines` checks what it left out.
_NIP_SCAN = re.compile(r"""[Nn][Ii][Pp]["']?[ \t]*:""")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def _nip_key_lines(text: str) -> list[int]:
    """The numbers (from 0) of the ``\n``-separated lines of ``text`` that hold a ``nip`` key, in order."""
    where: list[int] = []
    last = line_no = 0
    for found in _NIP_SCAN.finditer(text):
        at = found.start()
        before = at - 1 if at and text[at - 1] in "\"'" else at
        if before and text[before - 1] in _WORD_CHARS:
            continue  # part of a longer word (``unip:``)
        line_no += text.count("\n", last, at)
        last = at
        if not where or where[-1] != line_no:
            where.append(line_no)
    return where
#: A key at the start of a line, after list dashes: group 1 is what comes before the key.
_LINE_KEY = re.compile(r"""^([ \t]*(?:-[ \t]+)*)["']?[^\s:#"'{}\[\],][^:#]*?["']?[ \t]*:(?=[ \t]|$)""")


def _after_key(line: str) -> str:
    """``line`` with what follows its key blotted (the whole line when it has no key)."""
    m = _LINE_KEY.match(line)
    return line[: m.end()] + _blot(line[m.end():]) if m else _blot(line)


def mask_nip_mappings(text: str) -> str:
    """``text`` with the values of every mapping that has a ``nip`` key blotted, whatever the key
    that holds the mapping is called (a misspelt ``employee``, or none): the name, position and unit
    of an employee stay hidden beside the NIP. Flow mappings are blotted from their ``{`` to the end of
    the line, block mappings sibling by sibling (keys stay, values and deeper lines are blotted).
    """
    simple = only_newlines(text)
    if simple:
        where = _nip_key_lines(text)
        if not where:
            return text
    elif not _NIP_KEY.search(text):
        return text
    parts = text.split("\n") if simple else _BREAK.split(text)
    step = 1 if simple else 2
    lines = list(range(0, len(parts), step))
    if not simple:  # with other breaks than \n: every line is looked at
        where = list(range(len(lines)))
    for pos in where:
        i = lines[pos]
        line = parts[i]
        m = _NIP_KEY.search(line)
        if not m:
            continue
        # a flow mapping around the key: blot from its innermost open brace
        depth, start, key_at = 0, None, m.start()
        for k in range(key_at - 1, -1, -1):
            if line[k] == "}":
                depth += 1
            elif line[k] == "{":
                if depth == 0:
                    start = k
                    break
                depth -= 1
        if start is not None:
            parts[i] = line[: start + 1] + _blot(line[start + 1:])
            continue
        lead = _LINE_KEY.match(line)
        if lead is None or m.start() != len(lead.group(1)):
            continue  # a nip that is not a key of its line's mapping (a value, a comment)
        depth = _indent(lead.group(1).replace("-", " "))  # indentation of the mapping's keys
        parts[i] = _after_key(line)
        first = lead.group(1).strip() != ""  # `- nip:` opens the item: no siblings above
        if not first:
            for j in reversed(lines[:pos]):
                other = parts[j]
                if not other.strip():
                    continue
                r = _indent(other)
                if r > depth:
                    parts[j] = _blot(other)
                    continue
                lm = _LINE_KEY.match(other)
                if lm is None or _indent(lm.group(1).replace("-", " ")) != depth:
                    break
                parts[j] = _after_key(other)
                if r < depth:  # `- key:`: the first key of this item
                    break
        for j in lines[pos + 1:]:
            other = parts[j]
            if not other.strip():
                continue
            r = _indent(other)
            if r < depth or (r == depth and other.lstrip(" \t").startswith("-")):
                break
            parts[j] = _blot(other) if r > depth else _after_key(other)
    return "\n".join(parts) if simple else "".join(parts)


def personal_path(path: tuple) -> bool:
    """True for a path inside an skp ``employee`` (NIP, name, position, unit): personal data."""
    return len(path) >= 3 and path[0] == "elements" and path[2] == "employee"


def mask_source(text: str) -> str:
    """A plan file's text as an excerpt may quote it: employee blocks (under any spelling of the
    key) and mappings with a ``nip`` blotted, NIPs outlined."""
    return mask_nips(mask_nip_mappings(mask_employee_blocks(text)))
