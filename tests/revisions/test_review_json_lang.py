"""``cascade review --format json`` gives the lock's findings in the run's language, Bahasa Indonesia
unless ``--lang en``, as ``cascade lint --format json`` does (they were always English)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from cascade.cli.commands import main

SPECS = Path(__file__).resolve().parents[2] / "specs"


def _review(*argv: str) -> tuple[int, dict]:
    out = io.StringIO()
    code = main(["review", *argv, "--format", "json"], stdout=out, stderr=io.StringIO())
    return code, json.loads(out.getvalue())


def test_review_json_messages_follow_the_language(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(SPECS, plans)
    assert main(["review", "--init", str(plans)], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    lock = plans / "cascade.lock"
    lock.write_text(lock.read_text() + "one two three\n")
    _, default = _review(str(plans))
    _, english = _review(str(plans), "--lang", "en")
    [found_id], [found_en] = default["findings"], english["findings"]
    assert found_id["code"] == found_en["code"] == "CAS208"
    assert found_id["message"] != found_en["message"]
    from cascade.revisions.lock import read_lock

    [finding] = read_lock(lock).findings
    assert (found_id["message"], found_en["message"]) == (finding.localized("id"), finding.localized("en"))
    # the JSON of lint for the same lock says the same in the same language
    out = io.StringIO()
    main(["lint", str(plans), "--format", "json", "--select", "CAS208", "--no-cache", "-q"], stdout=out, stderr=io.StringIO())
    assert found_id["message"] in [f["message"] for f in json.loads(out.getvalue())["findings"]]
