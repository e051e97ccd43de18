"""The YAML test suite (402 cases, 94 invalid) through the loader and the whole pipeline.

Every invalid case must be a finding with a position, every valid case must load without an
exception; the cases where libyaml (the parser cascade uses) deviates from the YAML 1.2 spec are
listed below, explicitly, rather than loosening the checks. The suite lives outside the repository
(``../shared/yaml-test-suite`` next to the checkout, or next to a parent folder); without it these
tests are skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import cascade
from cascade.read import loader
from cascade.read.loader import LIBYAML, load_bytes

REPO = Path(__file__).resolve().parents[2]
#: ``shared/yaml-test-suite`` beside the checkout, or beside a folder holding it (git worktrees).
SUITE = next(
    (d / "shared" / "yaml-test-suite" / "cases" for d in REPO.parents if (d / "shared" / "yaml-test-suite").is_dir()),
    REPO.parent / "shared" / "yaml-test-suite" / "cases",
)
CASES = sorted(SUITE.glob("*.yaml")) if SUITE.is_dir() else []
needs_suite = pytest.mark.skipif(not CASES, reason=f"YAML test suite not found at {SUITE}")
needs_libyaml = pytest.mark.skipif(not LIBYAML, reason="the deviation lists are libyaml's; this PyYAML has no libyaml")

#: Invalid cases libyaml accepts. libyaml is lenient where YAML 1.2 is strict: a comment glued to a
#: token (``"value"# c``, ``%YAML 1.1#...``, ``>#``), a trailing comma or a plain ``-`` in a flow
#: sequence, flow or quoted continuation lines less indented than their key, a tab in a quoted
#: continuation, and spaces-only lines in a block scalar. None of them changes what a plan means.
LIBYAML_ACCEPTS_INVALID = frozenset(
    "9C9N 9JBA CVW2 DK95-01 G5U8 MUS6-00 QB6E S98Z SU5Z X4QW Y79Y-003 YJV2".split()
)

#: Valid cases libyaml rejects (it implements YAML 1.1): empty implicit keys (``: a``), JSON-like
#: adjacent values in flow mappings (``{"a":b}``), tabs as separation or indentation, plain
#: scalars starting with ``:`` or holding ``:`` in flow context, unknown or reserved directives,
#: ``%YAML 1.2`` after a 1.1 document, document content after ``---`` on the marker line, and
#: nested implicit keys in flow sequences. cascade reports them as CAS001; a planner never needs them.
LIBYAML_REJECTS_VALID = frozenset(
    """2JQS 2LFX 2SXE 4ABK 4MUZ-00 4MUZ-01 4MUZ-02 58MP 5MUD 5T43 6BCT 6CA3 6LVF 6M2F 7Z25 8XYN
    96NN-00 96NN-01 9SA2 A2M4 BEC7 CFD4 DBG4 DK3J DK95-00 DK95-03 DK95-04 FP8R FRK4 HM87-00 HWV9
    K3WX M7A3 MUS6-05 MUS6-06 NHX8 NJ66 NKF9 Q5MG QT73 R4YG S3PD SM9W-01 UKK6-00 UT92 VJP3-01
    W4TN W5VH Y79Y-001 Y79Y-010""".split()
)

#: CAS001 variants that are cascade's policy on valid YAML (one document per file, text keys only).
POLICY_VARIANTS = {"multiple-documents", "complex-key"}


def case_name(path: Path) -> str:
    return path.name.removesuffix(".yaml").removesuffix(".error")


def parser_rejection(findings: list[cascade.Finding]) -> list[cascade.Finding]:
    """The findings that say the text is not YAML (not a policy on valid YAML)."""
    return [f for f in findings if f.code == "CAS001" and f.variant not in POLICY_VARIANTS]


def libyaml_rejects(text: str) -> bool:
    try:
        for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
            pass
    except yaml.YAMLError:
        return True
    return False


@needs_suite
def test_the_suite_is_complete() -> None:
    assert len(CASES) == 402
    assert sum(p.name.endswith(".error.yaml") for p in CASES) == 94


@needs_suite
@pytest.mark.parametrize("pure_python", [False, True], ids=["libyaml", "pure-python"])
def test_no_case_raises_and_every_finding_has_a_position(pure_python: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if pure_python:  # the fallback where PyYAML was built without libyaml
        monkeypatch.setattr(loader, "_CParser", None)
    for path in CASES:
        loaded = load_bytes(path.read_bytes(), path.name)
        for f in loaded.findings:
            assert f.file == path.name and f.line is not None and f.column is not None, (path.name, f)


@needs_suite
@needs_libyaml
def test_invalid_cases_are_load_findings() -> None:
    silent = set()
    for path in CASES:
        if path.name.endswith(".error.yaml"):
            loaded = load_bytes(path.read_bytes(), path.name)
            if not any(f.code.startswith("CAS00") for f in loaded.findings):
                silent.add(case_name(path))
            elif loaded.data is not None:  # a finding, but the data still came through: only for structure
                assert all(f.code in ("CAS002", "CAS003", "CAS004") for f in loaded.findings), path.name
    assert silent == LIBYAML_ACCEPTS_INVALID


@needs_suite
@needs_libyaml
def test_valid_cases_load_unless_libyaml_rejects_them() -> None:
    rejected = set()
    for path in CASES:
        if not path.name.endswith(".error.yaml"):
            raw = path.read_bytes()
            if parser_rejection(load_bytes(raw, path.name).findings):
                assert libyaml_rejects(raw.decode("utf-8")), path.name
                rejected.add(case_name(path))
    assert rejected == LIBYAML_REJECTS_VALID


@needs_suite
def test_every_case_through_the_whole_pipeline(tmp_path: Path, hostile_stats: dict) -> None:
    """As plan files, every case gives findings with positions and no exception; invalid ones are never clean."""
    for path in CASES:
        target = tmp_path / "case.yaml"
        target.write_bytes(path.read_bytes())
        report = cascade.load(str(target)).validate()
        assert all(f.line is not None and f.column is not None for f in report), path.name
        if path.name.endswith(".error.yaml"):
            assert report.errors, path.name  # not a plan: at least a schema error
    hostile_stats["yaml test suite cases"] = len(CASES)
