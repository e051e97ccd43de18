"""The JSON Schema of a plan file, for editors: completion and checks while typing.

Derived from the pydantic models (:mod:`cascade.models`) and made draft-07, the dialect the YAML
language server (VS Code's YAML extension) reads: ``$defs`` become ``definitions``, every field gets
a description, element kinds get their enum, and list fields also take the single value that
cascade accepts without brackets. Put this line at the top of a plan file::

    # yaml-language-server: $schema=cascade-schema.json

The schema helps while typing; it is not the contract. ``cascade lint`` remains the judge: numbers
such as ``"72,6"``, references and the cascade itself are checked only there.
"""

from __future__ import annotations

import copy
from typing import Any

from ..core.models import ELEMENT_KINDS, Document, RealisasiDocument

__all__ = ["document_json_schema", "DRAFT_07"]

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Document": {
        "document": "The document header: id, kind, period, region and the upper documents it aligns to.",
        "elements": "The goals of the plan, top to bottom (misi, tujuan, sasaran, program, ...).",
        "organization": "renstra only: the OPD's organisation units and their tupoksi.",
    },
    "Header": {
        "id": "Unique id in the workspace, e.g. kota-madiun.rpjmd-2019 ([a-z0-9][a-z0-9._-]*).",
        "kind": "rpjmn (national), rpjmd (province or kabupaten/kota), rpd (transitional regional plan, as an rpjmd), renstra (one OPD), skp (staff targets).",
        "title": "The document's title, e.g. RPJMD Kota Madiun 2019-2024.",
        "period": "The years the plan covers, inclusive.",
        "region": "The Kemendagri region (rpjmd, renstra, skp); none for the rpjmn.",
        "aligns_to": "Ids of the higher-tier documents this one cascades from.",
        "agency": "The OPD (perangkat daerah) of a renstra or skp.",
        "vision": "The visi of the plan.",
        "part_of": "renstra only: id of the renstra this plan is part of (a UPT or Puskesmas plan of its Dinas).",
    },
    "Period": {"start": "First year of the period.", "end": "Last year of the period (inclusive)."},
    "Region": {
        "code": 'Kemendagri region code, quoted: province "35", kabupaten/kota "35.77".',
        "name": "Region name, e.g. Kota Madiun.",
    },
    "Agency": {"code": "Organisation code of the OPD (quoted).", "name": "Name of the OPD, e.g. Dinas Kesehatan."},
    "Element": {
        "id": "Local id, unique in the document (shared with indicators): [A-Za-z0-9][A-Za-z0-9._-]*.",
        "kind": "The element kind; its parent must be the kind directly above in this document kind.",
        "name": "The goal as the plan states it.",
        "parent": "The parent element in the same document (the tree inside one document).",
        "supports": "Elements of upper documents this one serves: document-id:local-id.",
        "crosscuts": "Same-tier elements of other OPDs it also serves (crosscutting).",
        "code": 'Permendagri 90/2019 nomenclature code, quoted: "1.02.02" (program, kegiatan, sub_kegiatan).',
        "owner": "The organisation unit responsible (renstra, skp).",
        "justification": "Why a link the rules expect is missing on purpose (reported as justified).",
        "indicators": "The performance indicators of the element.",
        "employee": "skp: the holder of this rencana hasil kerja.",
        "budget": "Pagu indikatif per year in rupiah (program, kegiatan, sub kegiatan): {2024: 125000000}; funded without an indicator is CAS516.",
    },
    "Indicator": {
        "id": "Local id, unique in the document (shared with elements).",
        "name": "The indicator's name, e.g. Angka Harapan Hidup.",
        "type": "impact, outcome, output, process or input.",
        "unit": "Satuan: persen, tahun, dokumen, ...",
        "polarity": "positive (higher is better), negative (lower is better) or stable. Absent: read from the name (AKI, kemiskinan: negative; IPM, UHH: positive), else unknown.",
        "baseline": "Kondisi awal: the value in a year before the period.",
        "targets": "Target per year: a number (87.2, with the unit in unit), a range {min, max} or one-sided {max: 49}, or a qualitative text such as WTP.",
        "final": "Kondisi akhir: the target at the end of the period.",
        "supports": "Upper indicators it contributes to: document-id:local-id.",
        "measure": "Indicators with the same measure are the same quantity across tiers.",
        "key": "true for an IKU (indikator kinerja utama).",
        "definition": "Definisi operasional or formula.",
        "source": "Sumber data, e.g. BPS.",
        "realized": "Realisasi per year: a number, a text (qualitative targets), or {value, status: final|preliminary, source}.",
        "capaian_formula": "Capaian of a lower-is-better indicator: lkjip (2 - realisasi/target) x 100 (default) or sipd target/realisasi x 100.",
    },
    "Realized": {
        "value": "The realised value: a number, or a text where the target is qualitative.",
        "status": "final (default) or preliminary (angka sementara).",
        "source": "Where the value comes from, e.g. BPS, Mei 2026.",
    },
    "RealisasiHeader": {
        "id": "Unique id in the workspace, e.g. kota-madiun.realisasi-2024.",
        "kind": "realisasi: the realised values of a plan, kept apart from the approved plan file.",
        "for": "Id of the plan document whose indicators this reports on (region, period and agency are taken from it).",
        "title": "Title, e.g. Realisasi Kinerja RPJMD Kota Madiun 2019-2024.",
    },
    "RealisasiDocument": {
        "document": "The header: id, kind: realisasi, for.",
        "realized": "Indicator reference (local to the plan in for, or document-id:local-id) -> realisasi per year.",
        "pk_targets": "Indicator reference -> the Perjanjian Kinerja target per year, which replaces the plan's target for capaian.",
        "rows": "Rows of a realisasi table (an LKjIP Pengukuran Kinerja table): indicators named as printed, matched to the plan in for by name (case, spacing and punctuation aside) and sasaran.",
    },
    "RealisasiRow": {
        "indicator": "The indicator's name as the table prints it; matched to an indicator of the plan in for (an unmatched or ambiguous name is CAS706).",
        "sasaran": "The sasaran the table prints the row under: tells apart indicators of the plan that share a name.",
        "ref": "The indicator (local to the plan in for, or document-id:local-id), where the printed name does not say.",
        "targets": "The year's target as printed (the Perjanjian Kinerja target): acts as pk_targets.",
        "realized": "Realisasi per year, as printed: a number, a text, or {value, status, source}.",
        "capaian": "Capaian per year as printed (a percentage); checked against target and realisasi (CAS707), never used as a value.",
    },
    "Baseline": {"year": "The year of the baseline value.", "value": "The baseline value."},
    "Range": {"min": "Lower bound of the target range (omit for 'at most').", "max": "Upper bound of the target range (omit for 'at least')."},
    "Employee": {
        "nip": "The employee's NIP, quoted.",
        "name": "The employee's name.",
        "position": "The employee's position (jabatan).",
        "unit": "The unit of the OPD's renstra the employee works in.",
    },
    "Unit": {
        "id": "Unit id, unique in the organisation.",
        "name": "Name of the unit, e.g. Bidang Pelayanan Kesehatan.",
        "level": "jpt, administrator, pengawas, fungsional or pelaksana.",
        "parent": "The unit directly above.",
        "bidang": 'Bidang urusan codes the unit may use, e.g. "1.02".',
        "functions": "The unit's tupoksi.",
    },
}

#: Fields that take one reference or text without brackets as well as a list.
_SINGLE_OR_LIST = {("Header", "aligns_to"), ("Element", "supports"), ("Element", "crosscuts"), ("Indicator", "supports"), ("Unit", "bidang"), ("Unit", "functions")}


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict) and node.get("$ref") == "#/$defs/Realized":
        # a realised value is also written bare: 72.9 or WTP (cascade.core.models._to_realized)
        return {"anyOf": [{"type": "number"}, {"type": "string"}, {"$ref": "#/definitions/Realized"}]}
    if isinstance(node, dict):
        return {k: (v.replace("#/$defs/", "#/definitions/") if k == "$ref" else _rewrite_refs(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


#: What a plain scalar of a text field may load as in an editor's YAML reader: lint reads it as the
#: text written and at most warns (CAS006 ambiguous-scalar: ``code: 35.20`` is a warning), so the
#: schema accepts it too; an error in the editor for what lint only warns about would disagree.
_TEXT_TYPES = ["string", "number", "boolean"]


def _lenient(node: Any) -> Any:
    """Text fields take numbers and booleans (see :data:`_TEXT_TYPES`); an optional field is one match.

    pydantic writes an optional field as ``anyOf: [X, {type: null}]``; a wrong value then fails both
    branches and the editor shows a second, noisy "is not of type 'null'". A simple ``X`` becomes one
    ``type`` list with ``null``; a ``$ref`` is checked only when the value is not null (``if``/``then``).
    """
    if isinstance(node, list):
        return [_lenient(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _lenient(v) for k, v in node.items()}
    if node.get("type") == "string" and "enum" not in node:
        node["type"] = list(_TEXT_TYPES)
    branches = node.get("anyOf")
    if isinstance(branches, list) and len(branches) == 2 and {"type": "null"} in branches:
        other = branches[0] if branches[1] == {"type": "null"} else branches[1]
        del node["anyOf"]
        if "$ref" in other or "anyOf" in other or "type" not in other:
            node["if"] = {"not": {"type": "null"}}
            node["then"] = other
        else:
            types = other["type"] if isinstance(other["type"], list) else [other["type"]]
            node.update({k: v for k, v in other.items() if k != "type"})
            node["type"] = types + ["null"]
            if "enum" in node:
                node["enum"] = list(node["enum"]) + [None]
    return node


def document_json_schema() -> dict[str, Any]:
    """A draft-07 JSON Schema of one plan file (a :class:`~cascade.models.Document`)."""
    schema = copy.deepcopy(Document.model_json_schema())
    definitions = schema.pop("$defs", {})
    definitions["Document"] = {k: v for k, v in schema.items()}
    realisasi = copy.deepcopy(RealisasiDocument.model_json_schema(by_alias=True))
    definitions.update(realisasi.pop("$defs", {}))
    definitions["RealisasiDocument"] = {k: v for k, v in realisasi.items()}
    for name, definition in definitions.items():
        properties = definition.get("properties", {})
        for field, prop in properties.items():
            prop.pop("title", None)
            prop["description"] = _DESCRIPTIONS.get(name, {}).get(field, prop.get("description", ""))
            if (name, field) in _SINGLE_OR_LIST:
                items = prop.pop("items")
                prop.pop("type", None)
                prop["anyOf"] = [items, {"type": "array", "items": items}]
        if name == "Element":
            kinds = sorted({k for kinds in ELEMENT_KINDS.values() for k in kinds})
            properties["kind"]["enum"] = kinds
        if name == "Indicator":
            properties["targets"]["propertyNames"] = {"pattern": r"^\d{4}$"}
            properties["realized"]["propertyNames"] = {"pattern": r"^\d{4}$"}
        if name == "RealisasiRow":
            for year_map in ("targets", "realized", "capaian"):
                properties[year_map]["propertyNames"] = {"pattern": r"^\d{4}$"}
        if name == "Range":
            definition["minProperties"] = 1  # one-sided {max: 49} or {min: 80}, never empty
    definitions = {name: _lenient(definition) for name, definition in definitions.items()}
    return _rewrite_refs(
        {
            "$schema": DRAFT_07,
            "title": "cascade plan document",
            "description": "One plan document of a cascade workspace: RPJMN, RPJMD, Renstra or SKP, or a realisasi document (FORMAT.md, version 1).",
            # a realisasi document (kind: realisasi) has its own shape; every other document is a plan
            "if": {"properties": {"document": {"properties": {"kind": {"const": "realisasi"}}, "required": ["kind"]}}, "required": ["document"]},
            "then": {"$ref": "#/definitions/RealisasiDocument"},
            "else": {"$ref": "#/definitions/Document"},
            "definitions": definitions,
        }
    )
