"""``sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

The rules the results refer to are listed in ``tool.driver.rules`` (id, name, descriptions, help
and default level), ordered by code, and results point at them by ``ruleIndex``; listing only those
keeps the log small and unchanged when unrelated rules are added. Result paths are relative to the working
directory, which ``originalUriBaseIds`` names as ``SRCROOT``. ``partialFingerprints`` hash the rule,
ref and file, not line numbers, so that alerts survive edits elsewhere in the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from .._version import __version__
from ..core.findings import Finding, Report
from ..rules.base import Rule
from ..rules.catalog import all_rules
from .base import RenderContext, fingerprints, relative_path
from ..core.text import json_text

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    """The ``reportingDescriptor`` of one rule."""
    doc = rule.documentation()
    # The description is what the rule finds: the paragraphs before its basis and examples.
    what = []
    for paragraph in doc.split("\n\n"):
        if paragraph.startswith(("Basis:", "Failing", "Passing")):
            break
        what.append(" ".join(paragraph.split()))
    # reStructuredText's "Failing::" introduces an indented block, which Markdown shows as code.
    markdown = re.sub(r"::$", ":", doc, flags=re.M)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": " ".join(what)},
        "help": {"text": doc, "markdown": markdown},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
        "properties": {"tags": [rule.group()]},
    }


def _location(f: Finding, root: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": relative_path(f.file or "", root), "uriBaseId": "SRCROOT"}}
    if f.line is not None:
        region = {"startLine": f.line}
        for key, value in (("startColumn", f.column), ("endLine", f.end_line), ("endColumn", f.end_column)):
            if value is not None:
                region[key] = value
        physical["region"] = region
    return {"physicalLocation": physical}


def render(report: Report, context: RenderContext) -> str:
    """The SARIF log of one run."""
    codes = {f.code for f in report}
    rules = [r for r in all_rules() if r.code in codes]
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for f, fingerprint in zip(report, fingerprints(report, context.root)):
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _LEVEL[f.severity.value],
            "message": {"text": f.localized(context.lang)},
        }
        if f.file is not None:
            result["locations"] = [_location(f, context.root)]
        result["partialFingerprints"] = {"cascadeFingerprint/v1": fingerprint}
        # the workbook cell ("T-C.27!E14") beside the row/column region, for a finding in a spreadsheet;
        # the JSON pointer of a finding without a line (a document passed as a dict), its only position
        where = f.pointer if f.line is None else None
        if f.ref is not None or f.cell or where is not None:
            result["properties"] = {k: v for k, v in (("ref", f.ref), ("pointer", where), ("cell", f.cell)) if v is not None}
        results.append(result)
    root_uri = Path(os.path.abspath(context.root)).as_uri().rstrip("/") + "/"
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cascade",
                        "version": __version__,
                        "rules": [rule_descriptor(r) for r in rules],
                    }
                },
                "originalUriBaseIds": {"SRCROOT": {"uri": root_uri}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json_text(log)
