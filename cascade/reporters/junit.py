"""``junit``: JUnit XML for CI test reports (GitLab ``artifacts:reports:junit``, Jenkins, ...).

One test case per plan file; each finding at or above the run's fail level (``--fail-level``, default
error) is a ``<failure>`` of its file's test case, and the others are listed in the case's
``<system-out>``, so a file with only warnings passes unless warnings fail the run. ``failures``
counts the failed test cases (files), as JUnit readers expect, not the findings.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..core.findings import Finding, Report
from .base import RenderContext, relative_path
from .concise import location, tail


# XML 1.0 cannot carry these characters even escaped; a message quoting a broken file might.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(f: Finding, lang: str) -> str:
    return _xml(f"{location(f)}: {f.code} {f.rule} {f.localized(lang)}{tail(f)}")


def render(report: Report, context: RenderContext) -> str:
    """The JUnit XML document of one run."""
    by_file: dict[str, list[Finding]] = {relative_path(f, context.root): [] for f in context.files}
    for f in report:
        by_file.setdefault(relative_path(f.file, context.root) if f.file else "-", []).append(f)
    rank = context.fail_level.rank
    failures = sum(1 for found in by_file.values() if any(f.severity.rank >= rank for f in found))
    attrs = {"name": "cascade", "tests": str(len(by_file)), "failures": str(failures), "errors": "0"}
    suites = ET.Element("testsuites", attrs)
    suite = ET.SubElement(suites, "testsuite", {**attrs, "skipped": "0"})
    for file in sorted(by_file):
        case = ET.SubElement(suite, "testcase", {"classname": "cascade", "name": _xml(file), "file": _xml(file)})
        others = []
        for f in by_file[file]:
            if f.severity.rank >= rank:
                failure = ET.SubElement(case, "failure", {"type": f"{f.code} {f.rule}", "message": _xml(f.localized(context.lang) + tail(f))})
                failure.text = _line(f, context.lang)
            else:
                others.append(_line(f, context.lang))
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(others)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
