"""CAS9xx: meta rules, about the findings themselves (justifications and suppressions)."""

from __future__ import annotations

from ..core.findings import Severity
from .base import Rule


class Justified(Rule):
    """A finding silenced by an element's ``justification``: kept in reports as justified, not failed.

    Some links are missing on purpose: an RPJPN indicator deliberately not carried at PN level, a
    mandatory service (SPM) sub kegiatan that serves no regional sasaran, a sasaran whose staff
    targets are set next year. A written ``justification`` on the element turns the findings of the
    missing-link rules on it and on its indicators (CAS205 wrong-tier-link, CAS301 orphan-element,
    CAS302 orphan-indicator, CAS303 unsupported-element, CAS304 missing-indicator, CAS306
    unlinked-staff-target, CAS307 shallow-cascade) into this info, which carries the original code,
    rule, message and the justification. Selecting this rule alone lists every justification that
    is in use.

    Why: a reviewer should read the reason for a deliberate gap instead of the defect, and the gap
    must stay visible (justified, not failed) rather than be silenced.

    Basis: Perpres 12/2025 (some RPJPN indicators are deliberately not at PN level: a link may
    skip a level when justified); LOBSTER-style traceability, where a deliberately missing link is
    reported as justified rather than silenced.

    Failing (reported as justified, not as CAS301)::

        - id: T3
          kind: tujuan
          name: Meningkatnya ketahanan sosial keluarga
          justification: Amanat SPM bidang sosial (PP 2/2018); belum ada sasaran RPJMD yang sesuai

    Passing (nothing to justify)::

        - id: T3
          kind: tujuan
          name: Meningkatnya ketahanan sosial keluarga
          supports: [klaten.rpjmd-2025:S2.1]
    """

    code = "CAS903"
    name = "justified"
    severity = Severity.INFO
    stage = True
    messages = {
        "default": {
            "en": "justified {code} {rule}: {message} — {justification}",
            "id": "dibenarkan {code} {rule}: {message} — {justification}",
        },
    }
