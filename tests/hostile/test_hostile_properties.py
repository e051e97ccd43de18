"""Properties of the loader, the models and the dumper, checked on generated input (hypothesis).

- Arbitrary text and bytes never raise from the loader; every finding has a position in the text.
- A plain scalar comes through exactly as written: ``1.10``, ``010``, ``no``, ``35.20`` stay that text
  (only ``~``, ``null`` and nothing mean None), also in the typed models where the format wants text.
- ``load(dump(x)) == x`` for plain data, and ``parse(load(dump(model))) == model`` for documents.

``CASCADE_HYPOTHESIS_EXAMPLES`` sets the number of examples per property (default 200).
"""

from __future__ import annotations

import contextlib
import json
import os
import string
import tempfile
from pathlib import Path
from unittest import mock
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, reject, settings
from hypothesis import strategies as st

import cascade
from cascade.review.baseline import parse_baseline
from cascade.review.config import ConfigError, parse_settings
from cascade.read import loader
from cascade.read.dump import dump_document, quote
from cascade.read.loader import Text, load_bytes, load_text
from cascade.core.models import ELEMENT_KINDS, Document
from cascade.build.documents import parse_document

EXAMPLES = int(os.environ.get("CASCADE_HYPOTHESIS_EXAMPLES", "200"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
COUNTS: dict[str, int] = {}


def count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


#: Plain scalars that YAML 1.1 tools (and spreadsheets) would turn into something else.
TRICKY = [
    "1.10", "010", "0", "00", "no", "No", "NO", "yes", "on", "off", "y", "n", "35.20", "35.70", "1.02.02",
    "1.02.2.01.0001", "2024-01-01", "2019-2024", "1e3", "1E+3", "0x1F", "0o17", "0b101", "+1", "-0", ".5",
    "1_000", "12:30", "1:20:30", ".inf", "-.inf", ".nan", "true", "False", "TRUE", "72,6", "1.234",
    "Rp1.000.000", "Angka Harapan Hidup", "Persentase (%) balita", "Pelayanan Kesehatan Dasar",
    "Prevalensi stunting", "Kabupaten Magetan", "Sumatera Utara", "Nusa Tenggara Barat",
]
NULLS = ["~", "null", "Null", "NULL"]

#: A plain scalar as a planner types it: tricky tokens, codes, and words in any script (not a null).
plain_token = st.one_of(
    st.sampled_from(TRICKY),
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,14}", fullmatch=True),
    st.text(st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=12),
).filter(lambda token: token not in NULLS)
yamlish = st.text(st.sampled_from(list(":-[]{}#&*!|>'\"%@`,? \n\t\r~.0123456789abcxyz") + ["\ufeff", "\u202e", "\x85", "\u2028"]))
key_text = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True)


@SETTINGS
@given(st.one_of(st.text(), yamlish), st.booleans())
def test_arbitrary_text_never_raises(text: str, pure_python: bool) -> None:
    """Also with PyYAML's pure-Python parser, the fallback where libyaml is missing."""
    count("arbitrary text")
    with mock.patch.object(loader, "_CParser", None) if pure_python else contextlib.nullcontext():
        loaded = load_text(text, "any.yaml")
    lines = text.count("\n") + text.count("\r") + text.count("\x85") + text.count("\u2028") + text.count("\u2029") + 2
    for f in loaded.findings:
        assert f.file == "any.yaml" and 1 <= f.line <= lines and f.column >= 1
    if loaded.data is None:
        return
    assert isinstance(loaded.data, (str, dict, list))


@SETTINGS
@given(st.binary())
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    count("arbitrary bytes")
    loaded = load_bytes(raw, "any.yaml")
    assert all(f.line is not None and f.column is not None for f in loaded.findings)


@SETTINGS
@given(st.dictionaries(key_text, st.one_of(plain_token, st.sampled_from(NULLS)), min_size=1, max_size=8), st.booleans())
def test_plain_scalars_come_through_as_written(values: dict[str, str], flow: bool) -> None:
    count("plain scalars")
    if flow:  # in flow style a comma separates items
        values = {k: v for k, v in values.items() if "," not in v}
        text = "{" + ", ".join(f"{k}: {v}" for k, v in values.items()) + "}\n"
    else:
        text = "".join(f"{k}: {v}\n" for k, v in values.items())
    loaded = load_text(text, "plain.yaml")
    assert loaded.findings == []
    for key, written in values.items():
        got = loaded.data[key]
        if written in NULLS:
            assert got is None
        else:
            assert got == written and type(got) is str  # plain: exactly the text, never a number


@SETTINGS
@given(plain_token, plain_token, st.sampled_from(["35", "35.20", "11.01", "35.77"]))
def test_text_fields_keep_the_text_in_the_models(code: str, parent: str, region: str) -> None:
    """``code``, ids and region codes written plain reach the models as exactly that text."""
    count("plain scalars in models")
    text = (
        "document:\n  id: kab.rpjmd-2019\n  kind: rpjmd\n  title: RPJMD\n  period: {start: 2019, end: 2024}\n"
        f"  region: {{code: {region}, name: Kabupaten}}\n"
        "elements:\n  - id: P1\n    kind: program\n    name: Program\n"
        f"    code: {code}\n    justification: {parent}\n"
    )
    loaded = load_text(text, "plan.yaml")
    parsed, findings = parse_document(loaded.data, "plan.yaml", loaded.sourcemap)
    assert parsed is not None and loaded.findings == []
    element = parsed.model.elements[0]
    assert (element.code, element.justification, parsed.model.document.region.code) == (code, parent, region)
    assert all(f.code == "CAS006" for f in findings)  # at most a warning that other tools would misread it


scalar = st.one_of(st.none(), st.text(), st.sampled_from(TRICKY + NULLS + ["", " ", "<<", "- a", "a: b", "#x", "'", '"']))
plain_data = st.recursive(
    scalar,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=24,
)


@SETTINGS
@given(plain_data)
def test_dump_then_load_round_trips(data: Any) -> None:
    count("dump round trips")
    text = dump_document(data)
    loaded = load_text(text, "dumped.yaml")
    assert loaded.findings == []
    assert loaded.data == data
    assert dump_document(loaded.data) == text
    assert yaml.safe_load(text) == data  # and so does PyYAML, a YAML 1.1 reader


@SETTINGS
@given(st.one_of(st.text(), st.from_regex(r"[A-Za-z][A-Za-z0-9 ]*\s?", fullmatch=True)))
@example("A\n")  # "$" in the plain-text pattern matched before a final newline
def test_quote_reads_back_as_the_same_text(text: str) -> None:
    count("quoted scalars")
    written = quote(text)
    loaded = load_text(f"v: {written}\n", "q.yaml").data["v"]
    assert loaded == text
    assert isinstance(loaded, Text) == written.startswith('"')
    assert yaml.safe_load(f"v: {written}\n")["v"] == text  # a YAML 1.1 tool reads the same text


local_id = st.from_regex(r"[A-Z][A-Za-z0-9]{0,5}", fullmatch=True)
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
qualitative = st.text(string.ascii_letters + " ", min_size=1, max_size=10).filter(lambda s: s.strip() == s)
def _required_text(size: int) -> Any:
    """A required text: not blank (a blank name or title is CAS101)."""
    return st.text(min_size=1, max_size=size).filter(lambda t: not t.isspace())


target = st.one_of(finite, qualitative, st.builds(lambda a, b: {"min": a, "max": b}, finite, finite))
indicator = st.fixed_dictionaries(
    {"name": _required_text(30), "targets": st.dictionaries(st.integers(2019, 2024), target, max_size=3)},
    optional={"unit": st.sampled_from(["%", "tahun", "orang", "1.10", "no"]), "polarity": st.sampled_from(["negative", "stable"]),
              "key": st.booleans(), "baseline": st.fixed_dictionaries({"year": st.integers(2000, 2030), "value": target})},
)
element = st.fixed_dictionaries(
    {"kind": st.sampled_from(["prioritas_nasional", "program_prioritas"]), "name": _required_text(40)},
    optional={"code": st.one_of(plain_token, st.text(max_size=10)), "justification": st.text(max_size=20),
              "supports": st.lists(st.sampled_from(["x.rpjmd-2019:S1", "PN1", "a:b.c"]), max_size=2),
              "indicators": st.lists(indicator, max_size=2)},
)


@st.composite
def documents(draw: Any) -> Document:
    elements = draw(st.lists(element, max_size=4))
    seen = 0
    for e in elements:  # unique local ids, shared by elements and indicators
        seen += 1
        e["id"] = f"E{seen}"
        for ind in e.get("indicators", []):
            seen += 1
            ind["id"] = f"I{seen}"
    header = {"id": draw(st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True)), "kind": "rpjmn",
              "title": draw(_required_text(40)), "period": {"start": 2020, "end": 2024}}
    if draw(st.booleans()):
        header["vision"] = draw(st.text(max_size=40))
    return Document.model_validate({"document": header, "elements": elements})


@SETTINGS
@given(documents())
def test_document_models_round_trip_through_yaml(doc: Document) -> None:
    count("document round trips")
    text = dump_document(doc)
    loaded = load_text(text, "doc.yaml")
    parsed, findings = parse_document(loaded.data, "doc.yaml", loaded.sourcemap)
    assert loaded.findings == [] and findings == []
    assert parsed is not None and parsed.model == doc


#: Values of every shape a planner's tool might put in a field: right, wrong and odd.
any_value = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(), st.text(max_size=12),
        st.sampled_from(TRICKY + ["S1", "E1", "PN1", "x.rpjmd-2019:S1", "a:E2", "%", "tahun", "rhk", "sasaran", "2021"]),
    ),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(st.text(max_size=6), children, max_size=3)),
    max_leaves=8,
)


ELEMENT_FIELDS = ["id", "kind", "name", "parent", "supports", "crosscuts", "code", "owner", "justification", "indicators", "employee"]
INDICATOR_FIELDS = ["id", "name", "type", "unit", "polarity", "baseline", "targets", "final", "supports", "measure", "key"]
HEADER_FIELDS = ["id", "kind", "title", "period", "region", "aligns_to", "agency", "vision"]
DOC_IDS = ["rpjmn-2020", "jatim.rpjmd-2019", "kota.rpjmd-2019", "dinkes.renstra-2019", "dinkes.skp-2021"]


def _holders(doc: dict) -> list[tuple[dict, list[str]]]:
    """The mappings of a (possibly already corrupted) document, with the field names each may hold."""
    out: list[tuple[dict, list[str]]] = [(doc, ["document", "elements", "organization"])]
    if isinstance(doc.get("document"), dict):
        out.append((doc["document"], HEADER_FIELDS))
    for element in doc.get("elements") if isinstance(doc.get("elements"), list) else ():
        if isinstance(element, dict):
            out.append((element, ELEMENT_FIELDS))
            for indicator in element.get("indicators") if isinstance(element.get("indicators"), list) else ():
                if isinstance(indicator, dict):
                    out.append((indicator, INDICATOR_FIELDS))
    return out


@st.composite
def plan_document(draw: Any) -> dict:
    """A valid plan document of any kind, then zero to three of its fields set to anything or removed."""
    kind = draw(st.sampled_from(["rpjmn", "rpjmd", "rpjmd", "renstra", "skp"]))
    header: dict = {"id": draw(st.sampled_from(DOC_IDS)), "kind": kind, "title": "Rencana", "period": {"start": 2019, "end": 2024}}
    if kind != "rpjmn":
        header["region"] = {"code": draw(st.sampled_from(["35", "35.77", "33"]))}
        header["aligns_to"] = draw(st.lists(st.sampled_from(DOC_IDS), max_size=2))
    if kind in ("renstra", "skp"):
        header["agency"] = {"name": "Dinas Kesehatan"}
    kinds = ELEMENT_KINDS[kind]
    elements: list[dict] = []
    refs = [f"{d}:E{i}" for d in DOC_IDS for i in range(1, 4)]
    for n in range(1, draw(st.integers(0, 5)) + 1):
        element: dict = {"id": f"E{n}", "kind": draw(st.sampled_from(kinds)), "name": draw(st.sampled_from(TRICKY))}
        if n > 1 and draw(st.booleans()):
            element["parent"] = f"E{draw(st.integers(1, n))}"  # sometimes itself: a cycle
        element["supports"] = draw(st.lists(st.sampled_from(refs), max_size=2))
        if kind == "skp":
            element["employee"] = {"nip": "197501012000031001", "name": "Ahmad", "unit": "YANKES"}
        if kind == "renstra":
            element["owner"] = "YANKES"
        element["indicators"] = [
            {"id": f"E{n}.I{j}", "name": draw(st.sampled_from(["Angka Harapan Hidup", "Persentase stunting", "Jumlah dokumen"])),
             "unit": draw(st.sampled_from(["%", "tahun", "dokumen"])), "polarity": draw(st.sampled_from(["positive", "negative"])),
             "baseline": {"year": 2018, "value": draw(finite)},
             "targets": draw(st.dictionaries(st.integers(2017, 2026), target, max_size=4)),
             "supports": draw(st.lists(st.sampled_from([r + ".I1" for r in refs]), max_size=1)),
             "key": draw(st.booleans())}
            for j in range(1, draw(st.integers(0, 2)) + 1)
        ]
        elements.append(element)
    doc: dict = {"document": header, "elements": elements}
    if kind == "renstra":
        doc["organization"] = [{"id": "KADIN", "name": "Kepala"}, {"id": "YANKES", "name": "Bidang", "parent": "KADIN", "bidang": ["1.02"]}]
    for _ in range(draw(st.integers(0, 3))):  # corruptions
        holder, names = draw(st.sampled_from(_holders(doc)))
        name = draw(st.sampled_from(names))
        if draw(st.booleans()):
            holder.pop(name, None)
        else:
            holder[name] = draw(any_value)
    return doc


@SETTINGS
@given(st.lists(plan_document(), min_size=1, max_size=4))
def test_plan_shaped_garbage_is_findings(docs: list[dict]) -> None:
    """Workspaces of valid documents with a few fields set to anything run through every rule, no exception."""
    count("plan-shaped workspaces")
    report = cascade.load(*docs).validate()
    assert all(f.file.startswith("<input ") and f.line is None and f.code.startswith("CAS") for f in report)
    json.dumps(report.as_dict("id"), ensure_ascii=False)


@SETTINGS
@given(st.lists(plan_document(), min_size=1, max_size=4))
def test_plan_shaped_files_are_findings_with_positions(docs: list[dict]) -> None:
    """The same workspaces written as YAML files: every finding of every rule has a line and column."""
    count("plan-shaped workspaces as files")
    with tempfile.TemporaryDirectory() as folder:
        names = set()
        for n, doc in enumerate(docs):
            try:
                text = dump_document(doc)
            except ValueError:  # NaN or infinity: no YAML for it
                reject()
            names.add(os.path.join(folder, f"doc{n}.yaml"))
            Path(folder, f"doc{n}.yaml").write_text(text, encoding="utf-8")
        report = cascade.load(folder).validate()
        for f in report:
            assert f.file in names and isinstance(f.line, int) and isinstance(f.column, int), f


toml_value = st.recursive(
    st.one_of(st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=10),
              st.sampled_from(["ALL", "CAS3", "orphan-element", "nope", "error", "id", "en", "*.yaml", "plans/", "["])),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=3)),
    max_leaves=10,
)
SETTING_KEYS = ["select", "extend-select", "ignore", "severity", "lang", "fail-level", "exclude", "baseline",
                "per-file-ignores", "options", "weak-target", "limits"]


@SETTINGS
@given(st.dictionaries(st.one_of(st.sampled_from(SETTING_KEYS), st.text(max_size=8)), toml_value, max_size=5))
def test_any_configuration_table_is_settings_or_a_config_error(table: dict) -> None:
    """A cascade.toml ships with the plans: any table gives settings or a ConfigError, nothing else."""
    count("configuration tables")
    try:
        parse_settings(table, path="cascade.toml")
    except ConfigError:
        pass


@SETTINGS
@given(st.one_of(st.text(), st.builds(json.dumps, any_value.filter(lambda v: v == v))))
def test_any_baseline_text_is_counts_or_a_config_error(text: str) -> None:
    count("baseline texts")
    try:
        parse_baseline(text, "baseline.json")
    except ConfigError:
        pass


def test_report_hypothesis_counts(hostile_stats: dict) -> None:
    """Runs after the properties above (file order): puts the number of generated cases in the summary."""
    for name, n in COUNTS.items():
        hostile_stats[f"hypothesis cases: {name}"] = n
    hostile_stats["hypothesis cases: total"] = sum(COUNTS.values())
