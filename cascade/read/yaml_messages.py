"""The YAML parser's complaints in Bahasa Indonesia, for CAS001 (yaml-syntax).

libyaml and PyYAML word a syntax error as a problem and its context, both English ("did not find
expected key" / "while parsing a block mapping"). CAS001 shows the problem in the user's language:
:func:`problem_id` translates the phrases those parsers use for the mistakes people make when they
type a plan (an indent off by one, a missing colon or bracket, a tab, an unclosed quote). A phrase
not in the table stays as the parser wrote it, so nothing is lost.
"""

from __future__ import annotations

import re

__all__ = ["problem_id"]

#: Parser phrase (problem or context) -> Indonesian. Token names are explained, not just translated.
_PHRASES: dict[str, str] = {
    "did not find expected key": "kunci yang diharapkan tidak ditemukan (periksa indentasi baris ini)",
    "did not find expected ',' or ']'": "tidak menemukan ',' atau ']' yang diharapkan",
    "did not find expected ',' or '}'": "tidak menemukan ',' atau '}' yang diharapkan",
    "did not find expected node content": "isi nilai yang diharapkan tidak ditemukan",
    "did not find expected '-' indicator": "tanda '-' yang diharapkan tidak ditemukan",
    "did not find expected <document start>": "awal dokumen yang diharapkan tidak ditemukan",
    "did not find expected comment or line break": "komentar atau akhir baris yang diharapkan tidak ditemukan",
    "did not find expected alphabetic or numeric character": "huruf atau angka yang diharapkan tidak ditemukan",
    "did not find expected whitespace or line break": "spasi atau akhir baris yang diharapkan tidak ditemukan",
    "could not find expected ':'": "tidak menemukan ':' yang diharapkan",
    "mapping values are not allowed here": "nilai mapping tidak boleh di sini (titik dua di dalam nilai? beri tanda kutip)",
    "mapping values are not allowed in this context": "nilai mapping tidak boleh dalam konteks ini (titik dua di dalam nilai? beri tanda kutip)",
    "block sequence entries are not allowed here": "butir daftar '-' tidak boleh di sini",
    "block sequence entries are not allowed in this context": "butir daftar '-' tidak boleh dalam konteks ini",
    "found character that cannot start any token": "ditemukan karakter yang tidak boleh mengawali nilai",
    "found a tab character that violates indentation": "ditemukan karakter tab yang merusak indentasi (gunakan spasi)",
    "found a tab character where an indentation space is expected": "ditemukan karakter tab di tempat spasi indentasi (gunakan spasi)",
    "found unexpected end of stream": "berkas berakhir sebelum waktunya (tanda kutip atau kurung belum ditutup?)",
    "found unknown escape character": "ditemukan karakter escape yang tidak dikenal (di dalam tanda kutip ganda)",
    "found unexpected ':'": "ditemukan ':' yang tidak diharapkan",
    "found undefined alias": "ditemukan alias yang tidak didefinisikan",
    "found undefined tag handle": "ditemukan tag yang tidak didefinisikan",
    "found duplicate anchor": "ditemukan anchor ganda",
    "expected a comment or a line break": "diharapkan komentar atau akhir baris",
    "expected a single document in the stream": "diharapkan satu dokumen saja dalam berkas",
    "expected <document start>": "diharapkan awal dokumen",
    "while parsing a block mapping": "saat membaca mapping blok",
    "while parsing a block collection": "saat membaca daftar blok",
    "while parsing a block node": "saat membaca nilai blok",
    "while parsing a flow sequence": "saat membaca daftar dalam kurung [ ]",
    "while parsing a flow mapping": "saat membaca mapping dalam kurung { }",
    "while parsing a flow node": "saat membaca nilai dalam kurung",
    "while parsing a quoted scalar": "saat membaca teks bertanda kutip",
    "while parsing a node": "saat membaca nilai",
    "while scanning a simple key": "saat membaca kunci",
    "while scanning a quoted scalar": "saat membaca teks bertanda kutip",
    "while scanning a plain scalar": "saat membaca teks",
    "while scanning a block scalar": "saat membaca teks blok (| atau >)",
    "while scanning for the next token": "saat mencari bagian berikutnya",
    "while scanning an alias": "saat membaca alias",
    "while scanning an anchor": "saat membaca anchor",
    "while scanning a tag": "saat membaca tag",
    "while scanning a directive": "saat membaca direktif",
}

_FOUND = re.compile(r"^found character '(.+)' that cannot start any token$")
_EXPECTED_BUT = re.compile(r"^expected (<[^>]+>|'[^']*'), but found (<[^>]+>|'[^']*')$")
_TOKENS = {
    "<block end>": "akhir blok (indentasi)",
    "<block mapping start>": "awal mapping baru (indentasi berlebih?)",
    "<block sequence start>": "awal daftar baru",
    "<block collection start>": "awal kumpulan baru",
    "<scalar>": "sebuah nilai",
    "<document start>": "awal dokumen",
    "<document end>": "akhir dokumen",
    "<stream end>": "akhir berkas",
    "'-'": "'-'",
    "'?'": "'?'",
}


def _phrase(text: str) -> str:
    text = text.strip()
    if text in _PHRASES:
        return _PHRASES[text]
    found = _FOUND.match(text)
    if found:
        return f"ditemukan karakter '{found.group(1)}' yang tidak boleh mengawali nilai"
    expected = _EXPECTED_BUT.match(text)
    if expected:
        want, got = (t[1:-1] if t.startswith("'<") else t for t in expected.groups())
        return f"diharapkan {_TOKENS.get(want, want)}, tetapi ditemukan {_TOKENS.get(got, got)}"
    return text


def problem_id(problem: str) -> str:
    """The parser's ``problem context`` (as CAS001 quotes it) in Bahasa Indonesia, phrase by phrase."""
    # the loader joins problem and context with a space; the context always starts with "while"
    head, sep, context = problem.partition(" while ")
    parts = [_phrase(head)] + ([_phrase("while " + context)] if sep else [])
    return " ".join(parts)
