"""The command line's help in the run's language: Bahasa Indonesia unless ``--lang en``.

Each option is declared once, with its English help, where the command is built; this module holds the
Indonesian for every one of those texts (keyed by the English, so a new option without a translation
is caught by ``tests/cli/test_help_language.py``) and the words argparse prints itself (``usage:``,
``options:``). A command's one-line summary in ``cascade --help`` is written ``English / Indonesian``
and its description ``Indonesian / English`` where the command is declared; each is shown in the
run's language only.
"""

from __future__ import annotations

import argparse
from typing import Any

#: Indonesian for argparse's own headings.
_HEADINGS_ID = {
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "optional arguments": "opsi",  # Python < 3.10
}

#: The Indonesian of every option's help, keyed by its English text.
HELP_ID: dict[str, str] = {
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    # lint
    "plan files or folders, searched recursively (default: .)":
        "berkas atau folder rencana, ditelusuri sampai subfolder (bawaan: .)",
    "report format (default: full)": "format laporan (bawaan: full)",
    "write the report to FILE; the terminal still gets the full text":
        "tulis laporan ke FILE; terminal tetap menampilkan teks lengkapnya",
    "message language (default: id, or config 'lang')": "bahasa pesan (bawaan: id, atau 'lang' di konfigurasi)",
    "run only these rules: rule codes, code prefixes (CAS3) or names; comma-separated, repeatable":
        "jalankan hanya aturan ini: kode aturan, awalan kode (CAS3) atau nama; dipisah koma, boleh diulang",
    "add rules to the selection": "tambahkan aturan ke pilihan",
    "leave these rules out": "jangan jalankan aturan ini",
    "override a rule's severity, e.g. orphan-indicator=error":
        "ubah tingkat sebuah aturan, mis. orphan-indicator=error",
    "lowest severity that makes the exit code 1 (default: error)":
        "tingkat terendah yang membuat kode keluar 1 (bawaan: error)",
    "exit 0 even when findings fail": "keluar dengan kode 0 walaupun ada temuan yang menggagalkan",
    "no progress line (drawn only when standard error is a terminal) and no summary on standard error":
        "tanpa baris kemajuan (hanya tampil bila standard error adalah terminal) dan tanpa ringkasan di standard error",
    "use this cascade.toml or pyproject.toml instead of searching for one":
        "pakai cascade.toml atau pyproject.toml ini, bukan hasil pencarian",
    "report only findings that are not in this baseline": "laporkan hanya temuan yang tidak ada di baseline ini",
    "record the current findings as the baseline and exit 0": "catat temuan saat ini sebagai baseline lalu keluar dengan 0",
    "do not read or write the parse cache": "jangan membaca atau menulis cache hasil baca",
    "keep the parse cache in DIR (default: the user's cache folder, one per workspace; config 'cache-dir')":
        "simpan cache hasil baca di DIR (bawaan: folder cache pengguna, satu per ruang kerja; 'cache-dir' di konfigurasi)",
    "processes that parse files and run rules (default: both cores when it pays; 1 for none)":
        "jumlah proses yang membaca berkas dan menjalankan aturan (bawaan: dua inti bila menguntungkan; 1: tanpa proses tambahan)",
    "the year realisasi is reported as of (default: config 'as-of', else the current year)":
        "tahun posisi pelaporan realisasi (bawaan: 'as-of' di konfigurasi, jika tidak ada tahun berjalan)",
    "show employee numbers (NIP) and names in findings instead of masking them":
        "tampilkan NIP dan nama pegawai dalam temuan, tanpa disamarkan",
    "validate partitioned by region on Dask: a local cluster, or the scheduler at ADDRESS (needs sakip-cascade[dask])":
        "periksa per wilayah di Dask: klaster lokal, atau scheduler di ADDRESS (memerlukan sakip-cascade[dask])",
    "validate partitioned by region on local processes, the same report with less memory "
    "(default: on from 200 MB of plan files; the parse cache is not used then)":
        "periksa per wilayah dengan proses lokal: laporan yang sama dengan memori lebih kecil "
        "(bawaan: aktif mulai 200 MB berkas rencana; cache hasil baca tidak dipakai)",
    # rules, explain, schema
    "output format": "format keluaran",
    "write to FILE instead of the terminal": "tulis ke FILE, bukan ke terminal",
    "language of the summaries (default: id; en for --format json)":
        "bahasa ringkasan (bawaan: id; en untuk --format json)",
    "rule code or name, or a code prefix (CAS3) for a group":
        "kode atau nama aturan, atau awalan kode (CAS3) untuk satu kelompok",
    "output format (json: code, name, severity, summary, documentation and message templates)":
        "format keluaran (json: kode, nama, tingkat, ringkasan, dokumentasi dan templat pesan)",
    "language of the documentation and messages": "bahasa dokumentasi dan pesan",
    "output format (the one there is: json)": "format keluaran (satu-satunya: json)",
    "language of error messages": "bahasa pesan kesalahan",
    # report
    "plan files or folders (searched recursively)": "berkas atau folder rencana (ditelusuri sampai subfolder)",
    "output format (the one there is: html)": "format keluaran (satu-satunya: html)",
    "the HTML file to write (default: the terminal)": "berkas HTML yang ditulis (bawaan: terminal)",
    "the HTML file to write (the same as --output; kept for existing scripts)":
        "berkas HTML yang ditulis (sama dengan --output; dipertahankan untuk skrip lama)",
    "report language (default: id, or config 'lang')": "bahasa laporan (bawaan: id, atau 'lang' di konfigurasi)",
    "show employee numbers (NIP) and names instead of masking them": "tampilkan NIP dan nama pegawai, tanpa disamarkan",
    "say nothing on standard error unless something goes wrong": "diam di standard error kecuali ada masalah",
    # sakip, capaian, trace, coverage
    "plan files or folders (default: .)": "berkas atau folder rencana (bawaan: .)",
    "evaluate one document and those aligned to it (an OPD), not the whole pemda":
        "evaluasi satu dokumen beserta dokumen yang selaras dengannya (satu OPD), bukan seluruh pemda",
    "the year evaluated (default: the latest skp year in scope)": "tahun yang dievaluasi (bawaan: tahun SKP terakhir dalam cakupan)",
    "the team's answers to manual criteria (default: sakip-answers.yaml beside PATH)":
        "jawaban tim atas kriteria manual (bawaan: sakip-answers.yaml di samping PATH)",
    "output format (default: text)": "format keluaran (bawaan: text)",
    "language (default: id)": "bahasa (bawaan: id)",
    "exit 0 even when sakip-answers.yaml has bad entries": "keluar dengan 0 walaupun sakip-answers.yaml berisi entri yang salah",
    "text: list the open manual criteria too": "text: daftar juga kriteria manual yang belum dijawab",
    "only this year": "hanya tahun ini",
    "the reporting year (default: config 'as-of', else the current year)":
        "tahun pelaporan (bawaan: 'as-of' di konfigurasi, jika tidak ada tahun berjalan)",
    "the LKjIP table of --year: per sasaran and indicator, previous years and the final target":
        "tabel LKjIP tahun --year: per sasaran dan indikator, tahun-tahun sebelumnya dan target akhir",
    "per document and level (tujuan, sasaran, program...): measured indicators, mean and lowest capaian, "
    "count per category":
        "per dokumen dan tingkat (tujuan, sasaran, program...): indikator terukur, capaian rata-rata dan terendah, "
        "jumlah per kategori",
    "language of the text table (default: id)": "bahasa tabel teks (bawaan: id)",
    "use this cascade.toml or pyproject.toml": "pakai cascade.toml atau pyproject.toml ini",
    "show employee numbers (NIP) instead of masking them": "tampilkan NIP pegawai, tanpa disamarkan",
    "an element or indicator reference (kota-madiun.rpjmd-2019:S2.1.1)":
        "rujukan elemen atau indikator (kota-madiun.rpjmd-2019:S2.1.1)",
    "what lies below REF instead: every element or indicator whose links reach it":
        "telusuri ke bawah REF: setiap elemen atau indikator yang tautannya sampai ke REF",
    "exit 0 even when no chain reaches the national tier": "keluar dengan 0 walaupun tidak ada rantai yang sampai ke tingkat nasional",
    "chains shown in the text format (default 10; 0: all); json and csv hold every chain":
        "jumlah rantai yang ditampilkan dalam format text (bawaan 10; 0: semua); json dan csv memuat semua rantai",
    "language of the text (default: id)": "bahasa teks (bawaan: id)",
    # import, export
    "the workbook or CSV": "buku kerja (.xlsx) atau CSV",
    "folder for the YAML files": "folder untuk berkas YAML",
    "a preset (renstra-tc27, rpjmd, iku, realisasi; cascade/read/layouts/) or a layout file":
        "tata letak bawaan (renstra-tc27, rpjmd, iku, realisasi; cascade/read/layouts/) atau berkas tata letak",
    "the sheet to read (default: the sidecar's, else every table on the first)":
        "lembar yang dibaca (bawaan: yang disebut berkas pendamping, jika tidak ada setiap tabel di lembar pertama)",
    "how text numbers are written (default: the layout's)": "cara penulisan angka dalam teks (bawaan: menurut tata letak)",
    "realisasi tables: the year the table reports, when its columns name none":
        "tabel realisasi: tahun yang dilaporkan tabel, bila kolomnya tidak menyebut tahun",
    "a YAML file with the document: block (instead of the sidecar)":
        "berkas YAML berisi blok document: (pengganti berkas pendamping)",
    "message language": "bahasa pesan",
    "exit 0 even when the table has error findings": "keluar dengan 0 walaupun tabel memiliki temuan tingkat error",
    "plan files or folders": "berkas atau folder rencana",
    "output format (the one there is: xlsx, which needs --output)":
        "format keluaran (satu-satunya: xlsx, yang memerlukan --output)",
    "the workbook to write": "buku kerja yang ditulis",
    "the workbook to write (the same as --output; kept for existing scripts)":
        "buku kerja yang ditulis (sama dengan --output; dipertahankan untuk skrip lama)",
    "language (default: id, or config 'lang')": "bahasa (bawaan: id, atau 'lang' di konfigurasi)",
    # server
    "talk over stdin/stdout (the default, and the only transport)":
        "berkomunikasi lewat stdin/stdout (bawaan, dan satu-satunya cara)",
    "language of diagnostics (default: the workspace's config, else id)":
        "bahasa diagnostik (bawaan: konfigurasi ruang kerja, jika tidak ada id)",
    # diff, review, realign
    "OLD NEW workspace folders; with --git: the PATH inside the repository (default .)":
        "folder ruang kerja LAMA BARU; dengan --git: PATH di dalam repositori (bawaan .)",
    "compare against git revision REV (or A..B), read through git without checkout":
        "bandingkan dengan revisi git REV (atau A..B), dibaca lewat git tanpa checkout",
    "write the output to FILE": "tulis keluaran ke FILE",
    "language of text, markdown and html": "bahasa keluaran text, markdown dan html",
    "exit 1 when anything below depends on a change": "keluar dengan 1 bila ada yang di bawah bergantung pada perubahan",
    "the lock file (default: cascade.lock beside PATH, or PATH/cascade.lock)":
        "berkas kunci (bawaan: cascade.lock di samping PATH, atau PATH/cascade.lock)",
    "create the lock file from the current state": "buat berkas kunci dari keadaan saat ini",
    "record that the links to REF (or to the items of files under PATH) were reviewed; repeatable":
        "catat bahwa tautan ke REF (atau ke butir berkas di bawah PATH) sudah ditinjau; boleh diulang",
    "with --accept (or alone): record the whole current state, dropping stale lines":
        "dengan --accept (atau sendiri): catat seluruh keadaan saat ini, buang baris yang usang",
    "output format of the review state": "format keluaran keadaan tinjauan",
    "write the review state to FILE": "tulis keadaan tinjauan ke FILE",
    "language of the output (default: id)": "bahasa keluaran (bawaan: id)",
    "exit 0 even when suspect links remain": "keluar dengan 0 walaupun masih ada tautan yang perlu ditinjau",
    "plan files or folders holding both documents and the plans below":
        "berkas atau folder rencana yang memuat kedua dokumen dan rencana di bawahnya",
    "the old document id (rpjmn-2020)": "id dokumen lama (rpjmn-2020)",
    "the new document id (rpjmn-2025)": "id dokumen baru (rpjmn-2025)",
    "table format (xlsx needs --output and the xlsx extra: pip install openpyxl)":
        "format tabel (xlsx memerlukan --output dan extra xlsx: pip install openpyxl)",
    "write the table to FILE": "tulis tabel ke FILE",
    "candidates per link, 1 or more (default 3)": "jumlah kandidat per tautan, 1 atau lebih (bawaan 3)",
    "write the confirmed rows of MAPPING (CSV or xlsx with a 'confirm' column) into the YAML":
        "tulis baris MAPPING yang dikonfirmasi (CSV atau xlsx dengan kolom 'confirm') ke dalam YAML",
    "with --apply: show what would change, write nothing": "dengan --apply: tampilkan apa yang akan berubah, tanpa menulis",
    "with --apply: exit 0 even when a confirmed row could not be applied":
        "dengan --apply: keluar dengan 0 walaupun ada baris terkonfirmasi yang tidak dapat diterapkan",
}


def _one_language(text: str, lang: str, *, english_first: bool) -> str:
    """One side of a bilingual ``A / B`` text: the side in ``lang``."""
    english, sep, indonesian = text.partition(" / ")
    if not sep:
        return text
    if not english_first:
        english, indonesian = indonesian, english
    return indonesian if lang == "id" else english


class _IndonesianUsage(argparse.HelpFormatter):
    """argparse's formatter with its usage line headed in Indonesian."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
        super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)


def localize(parser: argparse.ArgumentParser, lang: str) -> None:
    """Put ``parser`` and its sub-commands' help into ``lang`` (``id`` or ``en``), in place."""
    parsers = [parser]
    while parsers:
        current = parsers.pop()
        if current.description:
            current.description = _one_language(current.description, lang, english_first=False)
        if lang == "id":
            current.formatter_class = _IndonesianUsage
            for group in current._action_groups:
                group.title = _HEADINGS_ID.get(group.title or "", group.title)
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
                for choice in action._choices_actions:
                    if choice.help:
                        choice.help = _one_language(choice.help, lang, english_first=True)
            elif lang == "id" and action.help and action.help is not argparse.SUPPRESS:
                action.help = HELP_ID.get(action.help, action.help)
