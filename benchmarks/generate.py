#!/usr/bin/env python3
"""Generate a format-valid synthetic cascade workspace (FORMAT.md, version 1) for benchmarks and tests.

Pure standard library; deterministic for a given ``--seed``; does not import :mod:`cascade`.

    python benchmarks/generate.py --elements 100000 --out /tmp/ws [--seed 1] [--defects 8]
                                  [--regions R] [--opds M] [--manifest defects.json]

    from benchmarks.generate import generate_workspace
    result = generate_workspace("/tmp/ws", elements=20_000, seed=1, defects=8)

What is written (one document per file, laid out by region so that a run can be partitioned)::

    DIR/rpjmn-2025.yaml                              rpjmn-2025       8 PN > program_prioritas > kegiatan_prioritas
    DIR/35/rpjmd-2025.yaml                           r35.rpjmd-2025   misi > tujuan > sasaran > program
    DIR/35/35.77/rpjmd-2025.yaml                     r35-77.rpjmd-2025
    DIR/35/35.77/dinkes/renstra-2025.yaml            r35-77.dinkes.renstra-2025   tujuan > ... > sub_kegiatan
    DIR/35/35.77/dinkes/skp-2026.yaml                r35-77.dinkes.skp-2026       rhk: head > bidang heads > staff

Sizes: ``--elements N`` is the total number of elements of all documents (hit exactly unless the minimum
structure forces a few more). ``--regions R`` is the number of kabupaten/kota RPJMDs (default 1); up to 99
they all lie in province 35 (the real Jawa Timur kab/kota first, Kota Madiun 35.77 first of all), from 100 on
they are spread over the 38 provinces in proportion to their real number of kab/kota (Indonesia has 514
kab/kota; 552 = 514 + 38 is the number of all daerah otonom). ``--opds M`` is the number of OPDs per
kab/kota (default: about one OPD per 400 elements, at most 24 = one per bidang urusan 1.01-2.24); the
fan-out of each renstra/SKP grows with the budget left per OPD.

Clean by construction (without ``--defects``): every reference resolves; parents are the kind directly above;
the top elements of each lower document support elements of a document in its ``aligns_to``; every
non-bottom element has a child; all 8 PN are supported by every province RPJMD; every indicator below the PN
supports an indicator of its parent element or of an element its element supports, with the same polarity;
indicator types follow the level; full target paths that move with the polarity; ``%`` within 0..100; every
indicator name belongs to one catalogue entry (same name = same unit and polarity) and each tier is at least
as ambitious as every tier above for the same measure (target factors rpjmn 1.00, province 1.01-1.017,
kab/kota 1.02-1.027, renstra 1.03-1.037, skp 1.04-1.047, multiplied for positive and divided for negative
polarity, so any cross-tier pair passes the 90% rule, linked or not); IKU with definition and source; every
organisation unit owns an element; every renstra sasaran is reached by an rhk; every rhk's parent is held in
the holder's unit or an ancestor unit; codes, region codes and NIPs are quoted.

``--defects K`` plants K defects spread evenly over the OPDs (renstra and SKP documents), rotating through
:data:`DEFECT_KINDS`; they are returned (and printed) with file, document, element, indicator, ``line`` (of the
element's ``- id:``) and the rule expected to report them. A defect may bring a secondary finding (a parent
that loses its only child, a changed unit that no longer fits the indicator name, a sub_kegiatan code that
also stops extending its kegiatan's code); ``--manifest FILE`` writes the summary and defects as JSON.

Modelling choices: the RPJMN stops at kegiatan_prioritas and RPJMDs at program (no proyek_prioritas); RPJMD
misi carry no indicators (FORMAT does not require them) and support PNs (province) or the province's misi
(kab/kota), while each RPJMD tujuan supports a PN (province) or the matching province tujuan (kab/kota) and
its first indicator repeats the upper measure; a renstra tujuan supports a kab/kota sasaran under a PN whose
bidang include the OPD's; every SKP head rhk mirrors one renstra sasaran (same measures), every bidang-head rhk
intervenes it for one program, and staff rhk intervene the bidang-head rhk. Only indicators of PN, RPJMD
macro entries, renstra sasaran and head rhk carry ``measure:``; other equal names are equal by name.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sys
import time
from dataclasses import asdict, dataclass, field

__all__ = [
    "DEFECT_KINDS",
    "Defect",
    "GenerationResult",
    "generate_workspace",
    "region_layout",
    "main",
]

RPJMN_ID = "rpjmn-2025"
PERIOD = (2025, 2029)
SKP_YEAR = 2026

# --------------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------------

#: (bidang code, OPD slug, OPD name, topic) for the 24 bidang of urusan 1 and 2.
BIDANG = [
    ("1.01", "dindik", "Dinas Pendidikan", "pendidikan"),
    ("1.02", "dinkes", "Dinas Kesehatan", "kesehatan"),
    ("1.03", "dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "pekerjaan umum dan penataan ruang"),
    ("1.04", "disperkim", "Dinas Perumahan dan Kawasan Permukiman", "perumahan dan kawasan permukiman"),
    ("1.05", "satpolpp", "Satuan Polisi Pamong Praja", "ketenteraman dan ketertiban umum"),
    ("1.06", "dinsos", "Dinas Sosial", "sosial"),
    ("2.07", "disnaker", "Dinas Tenaga Kerja", "tenaga kerja"),
    ("2.08", "dp3a", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "pemberdayaan perempuan dan perlindungan anak"),
    ("2.09", "dkp", "Dinas Ketahanan Pangan", "pangan"),
    ("2.10", "dispertanahan", "Dinas Pertanahan", "pertanahan"),
    ("2.11", "dlh", "Dinas Lingkungan Hidup", "lingkungan hidup"),
    ("2.12", "dispendukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "administrasi kependudukan dan pencatatan sipil"),
    ("2.13", "dpmd", "Dinas Pemberdayaan Masyarakat dan Desa", "pemberdayaan masyarakat dan desa"),
    ("2.14", "dppkb", "Dinas Pengendalian Penduduk dan Keluarga Berencana", "pengendalian penduduk dan keluarga berencana"),
    ("2.15", "dishub", "Dinas Perhubungan", "perhubungan"),
    ("2.16", "diskominfo", "Dinas Komunikasi dan Informatika", "komunikasi dan informatika"),
    ("2.17", "diskopukm", "Dinas Koperasi dan Usaha Mikro", "koperasi dan usaha mikro"),
    ("2.18", "dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "penanaman modal"),
    ("2.19", "dispora", "Dinas Kepemudaan dan Olahraga", "kepemudaan dan olahraga"),
    ("2.20", "dinstat", "Dinas Statistik", "statistik sektoral"),
    ("2.21", "dinsandi", "Dinas Persandian", "persandian"),
    ("2.22", "disbud", "Dinas Kebudayaan", "kebudayaan"),
    ("2.23", "dispusip", "Dinas Perpustakaan", "perpustakaan"),
    ("2.24", "dinarsip", "Dinas Kearsipan", "kearsipan"),
]

#: The 8 Prioritas Nasional of RPJMN 2025-2029 (Asta Cita): name, short theme, indicator keys, bidang topics.
PRIORITAS_NASIONAL = [
    ("Memperkokoh ideologi Pancasila, demokrasi, dan hak asasi manusia",
     "kualitas demokrasi dan kehidupan berbangsa", ["idi"], [15, 20, 19]),
    ("Memantapkan sistem pertahanan keamanan negara dan mendorong kemandirian bangsa melalui swasembada pangan, "
     "energi, air, ekonomi kreatif, ekonomi hijau, dan ekonomi biru",
     "ketahanan pangan, energi, dan air", ["pph", "ebt"], [8, 2, 10]),
    ("Meningkatkan lapangan kerja yang berkualitas, mendorong kewirausahaan, mengembangkan industri kreatif, "
     "dan melanjutkan pengembangan infrastruktur",
     "kesempatan kerja dan kewirausahaan", ["tpt"], [6, 16, 14, 17]),
    ("Memperkuat pembangunan sumber daya manusia, sains, teknologi, pendidikan, kesehatan, prestasi olahraga, "
     "kesetaraan gender, serta penguatan peran perempuan, pemuda, dan penyandang disabilitas",
     "kualitas sumber daya manusia", ["ipm", "stunting"], [0, 1, 18, 7, 13]),
    ("Melanjutkan hilirisasi dan industrialisasi untuk meningkatkan nilai tambah di dalam negeri",
     "nilai tambah industri daerah", ["industri"], [17, 16]),
    ("Membangun dari desa dan dari bawah untuk pertumbuhan ekonomi, pemerataan ekonomi, dan pemberantasan kemiskinan",
     "kesejahteraan masyarakat desa", ["kemiskinan", "desa-mandiri"], [12, 5, 3, 9]),
    ("Memperkuat reformasi politik, hukum, dan birokrasi, serta memperkuat pencegahan dan pemberantasan korupsi "
     "dan narkoba",
     "kualitas tata kelola pemerintahan", ["ipk", "irb"], [11, 4, 23, 22]),
    ("Memperkuat penyelarasan kehidupan yang harmonis dengan lingkungan, alam, dan budaya, serta peningkatan "
     "toleransi antarumat beragama untuk mencapai masyarakat yang adil dan makmur",
     "kualitas lingkungan hidup dan kerukunan", ["ikl", "kub"], [10, 21]),
]

MISI_NAMES = [
    "Mewujudkan tata kelola pemerintahan yang bersih, efektif, dan melayani",
    "Meningkatkan kualitas sumber daya manusia yang sehat, cerdas, dan berdaya saing",
    "Mewujudkan pertumbuhan ekonomi yang inklusif dan berkelanjutan",
    "Memperkuat infrastruktur wilayah yang merata dan terpadu",
    "Mewujudkan kehidupan masyarakat yang harmonis, aman, dan berbudaya",
    "Mewujudkan lingkungan hidup yang lestari dan tangguh bencana",
    "Mengurangi kemiskinan dan kesenjangan antarwilayah",
    "Memperkuat ketahanan pangan dan energi daerah",
]

#: (code, name, real number of kabupaten, real number of kota), 38 provinces.
PROVINCES = [
    ("11", "Aceh", 18, 5), ("12", "Sumatera Utara", 25, 8), ("13", "Sumatera Barat", 12, 7),
    ("14", "Riau", 10, 2), ("15", "Jambi", 9, 2), ("16", "Sumatera Selatan", 13, 4), ("17", "Bengkulu", 9, 1),
    ("18", "Lampung", 13, 2), ("19", "Kepulauan Bangka Belitung", 6, 1), ("21", "Kepulauan Riau", 5, 2),
    ("31", "DKI Jakarta", 1, 5), ("32", "Jawa Barat", 18, 9), ("33", "Jawa Tengah", 29, 6),
    ("34", "DI Yogyakarta", 4, 1), ("35", "Jawa Timur", 29, 9), ("36", "Banten", 4, 4), ("51", "Bali", 8, 1),
    ("52", "Nusa Tenggara Barat", 8, 2), ("53", "Nusa Tenggara Timur", 21, 1), ("61", "Kalimantan Barat", 12, 2),
    ("62", "Kalimantan Tengah", 13, 1), ("63", "Kalimantan Selatan", 11, 2), ("64", "Kalimantan Timur", 7, 3),
    ("65", "Kalimantan Utara", 4, 1), ("71", "Sulawesi Utara", 11, 4), ("72", "Sulawesi Tengah", 12, 1),
    ("73", "Sulawesi Selatan", 21, 3), ("74", "Sulawesi Tenggara", 15, 2), ("75", "Gorontalo", 5, 1),
    ("76", "Sulawesi Barat", 6, 0), ("81", "Maluku", 9, 2), ("82", "Maluku Utara", 8, 2), ("91", "Papua", 8, 1),
    ("92", "Papua Barat", 7, 0), ("93", "Papua Selatan", 4, 0), ("94", "Papua Tengah", 8, 0),
    ("95", "Papua Pegunungan", 8, 0), ("96", "Papua Barat Daya", 5, 1),
]

JATIM_KAB = [
    "Pacitan", "Ponorogo", "Trenggalek", "Tulungagung", "Blitar", "Kediri", "Malang", "Lumajang", "Jember",
    "Banyuwangi", "Bondowoso", "Situbondo", "Probolinggo", "Pasuruan", "Sidoarjo", "Mojokerto", "Jombang",
    "Nganjuk", "Madiun", "Magetan", "Ngawi", "Bojonegoro", "Tuban", "Lamongan", "Gresik", "Bangkalan",
    "Sampang", "Pamekasan", "Sumenep",
]
JATIM_KOTA = ["Kediri", "Blitar", "Malang", "Probolinggo", "Pasuruan", "Mojokerto", "Madiun", "Surabaya", "Batu"]

FIRST_NAMES = [
    "Agus", "Budi", "Siti", "Dewi", "Eko", "Fitri", "Gunawan", "Hendra", "Indah", "Joko", "Kartika", "Lestari",
    "Muhammad", "Nurul", "Oktavia", "Putri", "Rahmat", "Sri", "Taufik", "Utami", "Wahyu", "Yuni", "Zainal",
    "Ahmad", "Bambang", "Citra", "Dian", "Endang", "Fajar", "Hadi", "Ika", "Lukman", "Mega", "Rina", "Slamet",
]
LAST_NAMES = [
    "Santoso", "Wibowo", "Rahmawati", "Setiawan", "Purnomo", "Hidayat", "Kusuma", "Saputra", "Wulandari",
    "Nugroho", "Prasetyo", "Handayani", "Susanto", "Permana", "Lestari", "Hakim", "Firmansyah", "Maharani",
    "Utomo", "Suryani", "Pratama", "Anggraini", "Syahputra", "Kurniawan", "Safitri",
]
STAFF_POSITIONS = [
    "Analis Kebijakan Ahli Muda", "Perencana Ahli Pertama", "Pranata Komputer Ahli Pertama",
    "Penata Layanan Operasional", "Pengadministrasi Perkantoran", "Pengelola Layanan Operasional",
    "Analis Sumber Daya Manusia Aparatur Ahli Pertama", "Penata Kelola Sistem dan Teknologi Informasi",
]

PROGRAM_TEMPLATES = [
    "Program Pengelolaan Layanan {T}", "Program Peningkatan Mutu {T}",
    "Program Pengembangan Sarana dan Prasarana {T}", "Program Pemberdayaan Masyarakat Bidang {T}",
    "Program Pengendalian dan Pengawasan {T}", "Program Penguatan Kapasitas Kelembagaan {T}",
]
KEGIATAN_TEMPLATES = [
    "Penyediaan Layanan {T} Kewenangan Daerah Kabupaten/Kota", "Pengelolaan Data dan Informasi {T}",
    "Pembinaan dan Pengawasan {T}", "Peningkatan Kapasitas Sumber Daya Manusia {T}",
    "Penyelenggaraan Kemitraan {T}",
]
SUB_TEMPLATES = [
    "Pembangunan Sarana {T}", "Rehabilitasi dan Pemeliharaan Sarana {T}", "Pengadaan Peralatan {T}",
    "Penyusunan Dokumen Perencanaan {T}", "Koordinasi dan Sinkronisasi {T}", "Pelatihan Aparatur {T}",
    "Pendataan dan Verifikasi {T}", "Monitoring dan Evaluasi {T}",
]
PENUNJANG_KEGIATAN = [
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "Administrasi Keuangan Perangkat Daerah",
    "Administrasi Barang Milik Daerah pada Perangkat Daerah", "Administrasi Pendapatan Daerah Kewenangan Perangkat Daerah",
    "Administrasi Kepegawaian Perangkat Daerah", "Administrasi Umum Perangkat Daerah",
    "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
    "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
]
PENUNJANG_SUB = [
    "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Penyediaan Gaji dan Tunjangan ASN",
    "Penyediaan Administrasi Pelaksanaan Tugas ASN", "Koordinasi dan Penyusunan Laporan Capaian Kinerja",
    "Penyediaan Peralatan dan Perlengkapan Kantor", "Penyediaan Jasa Surat Menyurat",
    "Pemeliharaan Peralatan dan Mesin Lainnya",
]
REAL_NAMES = {
    "1.02.02": "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
    "1.02.03": "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
    "1.02.04": "Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman",
    "1.02.05": "Program Pemberdayaan Masyarakat Bidang Kesehatan",
    "1.01.02": "Program Pengelolaan Pendidikan",
    "1.02.02.2.01": "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota",
    "1.02.02.2.02": "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
}
SASARAN_ASPECTS = ["akses", "mutu", "cakupan", "tata kelola", "kapasitas kelembagaan", "pemerataan"]
UNIT_PREFIXES = ["Pelayanan", "Pengembangan", "Pembinaan", "Pengendalian", "Sarana dan Prasarana", "Pemberdayaan"]


def _title(text: str) -> str:
    small = {"dan", "di", "ke", "untuk", "yang", "pada"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in text.split())


def program_name(bidang: int, pp: int) -> str:
    code = f"{BIDANG[bidang][0]}.{pp:02d}"
    if code in REAL_NAMES:
        return REAL_NAMES[code]
    if pp == 1:
        return "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    i = pp - 2
    name = PROGRAM_TEMPLATES[i % len(PROGRAM_TEMPLATES)].format(T=_title(BIDANG[bidang][3]))
    return name if i < len(PROGRAM_TEMPLATES) else f"{name} Tahap {i // len(PROGRAM_TEMPLATES) + 1}"


def kegiatan_name(bidang: int, pp: int, kk: int) -> str:
    code = f"{BIDANG[bidang][0]}.{pp:02d}.2.{kk:02d}"
    if code in REAL_NAMES:
        return REAL_NAMES[code]
    if pp == 1:
        return PENUNJANG_KEGIATAN[(kk - 1) % len(PENUNJANG_KEGIATAN)]
    return KEGIATAN_TEMPLATES[(kk - 1) % len(KEGIATAN_TEMPLATES)].format(T=_title(BIDANG[bidang][3]))


# --------------------------------------------------------------------------------------------------
# Indicator catalogue: every name is one entry, so equal names always share unit and polarity.
# --------------------------------------------------------------------------------------------------

class Entry:
    __slots__ = ("idx", "key", "name", "unit", "pol", "base", "step", "dec", "definition", "source", "pct", "macro")

    def __init__(self, key, name, unit, pol, base, step, dec, definition, source, macro=False):
        self.key, self.name, self.unit, self.pol = key, name, unit, pol
        self.base, self.step, self.dec = base, step, dec
        self.definition, self.source = definition, source
        self.pct = unit == "%"
        self.macro = macro
        self.idx = -1


CATALOG: list[Entry] = []
BY_KEY: dict[str, int] = {}


def _add(entry: Entry) -> int:
    entry.idx = len(CATALOG)
    CATALOG.append(entry)
    BY_KEY[entry.key] = entry.idx
    return entry.idx


_MACRO = [
    # key, name, unit, polarity, baseline 2024, yearly step, decimals, definition, source
    ("ipm", "Indeks Pembangunan Manusia", "indeks", "positive", 75.02, 0.45, 2,
     "Rata-rata geometrik indeks kesehatan, pendidikan, dan standar hidup layak", "BPS"),
    ("lpe", "Laju pertumbuhan ekonomi", "%", "positive", 5.03, 0.3, 2,
     "Persentase perubahan PDRB atas dasar harga konstan dibanding tahun sebelumnya", "BPS"),
    ("ahh", "Angka harapan hidup", "tahun", "positive", 72.39, 0.15, 2,
     "Rata-rata tahun hidup yang akan dijalani bayi yang lahir pada tahun tertentu", "BPS"),
    ("rls", "Rata-rata lama sekolah", "tahun", "positive", 8.85, 0.12, 2,
     "Rata-rata jumlah tahun penduduk usia 25 tahun ke atas menempuh pendidikan formal", "BPS"),
    ("hls", "Harapan lama sekolah", "tahun", "positive", 13.21, 0.08, 2,
     "Lamanya sekolah yang diharapkan dirasakan anak usia 7 tahun di masa mendatang", "BPS"),
    ("ikl", "Indeks Kualitas Lingkungan Hidup", "indeks", "positive", 72.54, 0.5, 2,
     "Indeks komposit kualitas air, udara, tutupan lahan, dan air laut", "KLHK"),
    ("desa-mandiri", "Persentase desa mandiri", "%", "positive", 22.85, 0.6, 2,
     "Jumlah desa berstatus mandiri dibagi jumlah seluruh desa dikali 100", "Kemendes PDTT"),
    ("ipg", "Indeks Pembangunan Gender", "indeks", "positive", 91.85, 0.2, 2,
     "Rasio IPM perempuan terhadap IPM laki-laki", "BPS"),
    ("ikm", "Indeks Kepuasan Masyarakat", "indeks", "positive", 80.0, 0.8, 2,
     "Hasil survei kepuasan masyarakat atas pelayanan publik", "Survei Kepuasan Masyarakat"),
    ("air-minum", "Persentase rumah tangga dengan akses air minum layak", "%", "positive", 91.7, 1.2, 2,
     "Rumah tangga dengan akses air minum layak dibagi seluruh rumah tangga dikali 100", "BPS"),
    ("idi", "Indeks Demokrasi Indonesia", "indeks", "positive", 79.51, 0.6, 2,
     "Indeks komposit kebebasan, kesetaraan, dan kapasitas lembaga demokrasi", "BPS"),
    ("ipk", "Indeks Persepsi Korupsi", "skor", "positive", 34, 2, 0,
     "Skor persepsi korupsi sektor publik pada skala 0 sampai 100", "Transparency International"),
    ("pph", "Skor Pola Pangan Harapan", "skor", "positive", 94.1, 0.8, 2,
     "Skor komposisi konsumsi pangan terhadap pola pangan harapan", "Badan Pangan Nasional"),
    ("ebt", "Proporsi energi baru terbarukan dalam bauran energi primer", "%", "positive", 14.1, 1.5, 2,
     "Energi baru terbarukan dibagi total pasokan energi primer dikali 100", "Kementerian ESDM"),
    ("industri", "Kontribusi PDB industri pengolahan", "%", "positive", 18.98, 0.4, 2,
     "Nilai tambah industri pengolahan dibagi PDB dikali 100", "BPS"),
    ("kub", "Indeks Kerukunan Umat Beragama", "indeks", "positive", 76.47, 0.4, 2,
     "Indeks toleransi, kesetaraan, dan kerja sama antarumat beragama", "Kementerian Agama"),
    ("irb", "Indeks Reformasi Birokrasi", "indeks", "positive", 70.5, 1.5, 2,
     "Nilai evaluasi pelaksanaan reformasi birokrasi", "KemenPANRB"),
    ("kemiskinan", "Tingkat kemiskinan", "%", "negative", 9.03, 0.85, 2,
     "Penduduk di bawah garis kemiskinan dibagi jumlah penduduk dikali 100", "BPS"),
    ("kemiskinan-ekstrem", "Tingkat kemiskinan ekstrem", "%", "negative", 1.47, 0.28, 2,
     "Penduduk dengan pengeluaran di bawah 2,15 dolar PPP per hari dibagi jumlah penduduk dikali 100", "BPS"),
    ("tpt", "Tingkat pengangguran terbuka", "%", "negative", 4.82, 0.2, 2,
     "Penganggur dibagi angkatan kerja dikali 100", "BPS"),
    ("gini", "Rasio gini", "rasio", "negative", 0.379, 0.003, 3,
     "Ukuran ketimpangan pengeluaran penduduk antara 0 dan 1", "BPS"),
    ("stunting", "Prevalensi balita stunting", "%", "negative", 19.8, 1.5, 2,
     "Balita dengan tinggi badan menurut umur di bawah minus 2 SD dibagi jumlah balita dikali 100", "SSGI"),
    ("aki", "Angka kematian ibu", "per 100.000 kelahiran hidup", "negative", 189, 8, 0,
     "Kematian ibu karena kehamilan, persalinan, dan nifas per 100.000 kelahiran hidup", "Kementerian Kesehatan"),
    ("akb", "Angka kematian bayi", "per 1.000 kelahiran hidup", "negative", 16.85, 0.5, 2,
     "Kematian bayi sebelum usia satu tahun per 1.000 kelahiran hidup", "BPS"),
    ("rtlh", "Persentase rumah tidak layak huni", "%", "negative", 12.5, 0.8, 2,
     "Rumah tidak layak huni dibagi jumlah rumah dikali 100", "Dinas Perumahan"),
]

# Per-topic templates: key suffix, name, unit, polarity, (base low, high), (step low, high), decimals.
_OUTCOME_T = [
    ("spm", "Persentase capaian standar pelayanan minimal bidang {t}", "%", "positive", (70, 80), (2, 3), 2),
    ("ikm", "Indeks kepuasan masyarakat terhadap layanan {t}", "indeks", "positive", (76, 82), (0.8, 1.2), 2),
    ("sasaran", "Persentase sasaran layanan {t} yang terpenuhi", "%", "positive", (60, 75), (2, 4), 2),
    ("evaluasi", "Nilai evaluasi kinerja urusan {t}", "nilai", "positive", (65, 75), (1, 2), 2),
    ("kesenjangan", "Persentase wilayah dengan kesenjangan layanan {t}", "%", "negative", (20, 30), (1.5, 3), 2),
    ("pengaduan", "Angka pengaduan layanan {t} per 1.000 penduduk", "per 1.000 penduduk", "negative", (3, 5), (0.3, 0.5), 2),
]
_OUTPUT_T = [
    ("dokumen", "Jumlah dokumen perencanaan dan evaluasi {t} yang disusun", "dokumen", "positive", (4, 8), (1, 1), 0),
    ("sarana", "Jumlah sarana dan prasarana {t} yang dibangun atau direhabilitasi", "unit", "positive", (10, 30), (2, 5), 0),
    ("penerima", "Jumlah orang yang mendapatkan layanan {t}", "orang", "positive", (500, 3000), (50, 200), 0),
    ("tepat-waktu", "Persentase kegiatan {t} yang terlaksana tepat waktu", "%", "positive", (75, 85), (2, 3), 2),
    ("laporan", "Jumlah laporan pelaksanaan layanan {t}", "laporan", "positive", (12, 12), (1, 1), 0),
    ("aduan", "Jumlah aduan layanan {t} yang belum ditindaklanjuti", "aduan", "negative", (40, 60), (3, 5), 0),
    ("rusak", "Persentase sarana {t} dalam kondisi rusak berat", "%", "negative", (15, 25), (1, 2), 2),
    ("waktu", "Rata-rata waktu penyelesaian layanan {t}", "hari", "negative", (10, 14), (0.5, 1), 1),
]
_NAT_OUTCOME_T = [
    ("capaian", "Persentase capaian sasaran nasional bidang {t}", "%", "positive", (65, 75), (2, 4), 2),
    ("indeks", "Indeks kinerja nasional urusan {t}", "indeks", "positive", (60, 70), (1, 2), 2),
    ("di-bawah-standar", "Persentase kabupaten/kota dengan kinerja {t} di bawah standar nasional", "%", "negative", (20, 30), (1.5, 3), 2),
]
_NAT_OUTPUT_T = [
    ("kabkota", "Jumlah kabupaten/kota yang menerapkan standar nasional {t}", "kabupaten/kota", "positive", (200, 300), (20, 40), 0),
    ("provinsi", "Jumlah provinsi yang menerapkan norma, standar, prosedur, dan kriteria {t}", "provinsi", "positive", (20, 26), (2, 2), 0),
    ("tertinggal", "Jumlah kabupaten/kota dengan layanan {t} di bawah standar", "kabupaten/kota", "negative", (150, 200), (15, 25), 0),
]


def _build_catalog() -> tuple:
    rnd = random.Random(20250101)  # fixed: the catalogue does not depend on --seed
    macro = {"positive": [], "negative": []}
    for key, name, unit, pol, base, step, dec, definition, source in _MACRO:
        i = _add(Entry(key, name, unit, pol, base, step, dec, definition, source, macro=True))
        macro[pol].append(i)

    def per_topic(templates, prefix):
        table = []
        for b, (_, slug, opd, topic) in enumerate(BIDANG):
            pools = {"positive": [], "negative": []}
            for suffix, name, unit, pol, (blo, bhi), (slo, shi), dec in templates:
                base = blo + (bhi - blo) * rnd.random()
                step = slo + (shi - slo) * rnd.random()
                if dec == 0:
                    base, step = round(base), max(1, round(step))
                definition = f"Realisasi dibanding sasaran {name.format(t=topic).lower()}"
                i = _add(Entry(f"{prefix}-{slug}-{suffix}", name.format(t=topic), unit, pol, base, step, dec,
                               definition, f"Laporan Kinerja {opd}"))
                pools[pol].append(i)
            table.append(pools)
        return table

    outcome = per_topic(_OUTCOME_T, "outcome")
    output = per_topic(_OUTPUT_T, "output")
    nat_outcome = per_topic(_NAT_OUTCOME_T, "nasional")
    nat_output = per_topic(_NAT_OUTPUT_T, "nasional-output")
    return macro, outcome, output, nat_outcome, nat_output


MACRO, OUTCOME, OUTPUT, NAT_OUTCOME, NAT_OUTPUT = _build_catalog()

#: Macro indicators that fit the theme of each PN (RPJMD tujuan/sasaran below it draw from these).
_PN_MACRO_KEYS = [
    ["idi", "ikm", "irb"], ["pph", "ebt", "air-minum", "ikl"], ["tpt", "lpe", "kemiskinan", "gini"],
    ["ipm", "ahh", "rls", "hls", "ipg", "stunting", "aki", "akb"], ["industri", "lpe", "tpt"],
    ["kemiskinan", "kemiskinan-ekstrem", "desa-mandiri", "gini", "rtlh"], ["ipk", "irb", "ikm"], ["ikl", "kub"],
]
PN_MACRO = []
for _keys in _PN_MACRO_KEYS:
    _pools = {pol: [BY_KEY[k] for k in _keys if CATALOG[BY_KEY[k]].pol == pol] or MACRO[pol]
              for pol in ("positive", "negative")}
    PN_MACRO.append(_pools)

#: Tier index of each document level; the target factor grows (positive) or shrinks (negative) downwards.
TIER_RPJMN, TIER_PROV, TIER_KAB, TIER_RENSTRA, TIER_SKP = range(5)


def tier_factor(tier: int, variant: int) -> float:
    return 1.0 + 0.01 * tier + 0.0035 * variant


def entry_value(entry: Entry, year: int, tier: int, variant: int) -> float:
    t = year - 2024
    f = tier_factor(tier, variant)
    if entry.pol == "positive":
        v = (entry.base + entry.step * t) * f
    else:
        v = (entry.base - entry.step * t) / f
    if entry.pct:
        v = min(100.0, max(0.0, v))
    return v


def _fmt(v: float, dec: int) -> str:
    if dec == 0:
        return str(int(round(v)))
    return repr(round(v, dec))


def _comma(text: str) -> str:
    return text.replace(".", ",") if "." in text else text + ",0"


# --------------------------------------------------------------------------------------------------
# Specs and rendering
# --------------------------------------------------------------------------------------------------

class Ind:
    __slots__ = ("id", "entry", "type", "sup", "measure", "iku", "ovr")

    def __init__(self, id, entry, type, sup, measure=False, iku=False):
        self.id, self.entry, self.type, self.sup = id, entry, type, sup
        self.measure, self.iku, self.ovr = measure, iku, None


class El:
    __slots__ = ("id", "kind", "name", "parent", "sup", "code", "owner", "emp", "inds", "dup")

    def __init__(self, id, kind, name, parent=None, sup=None, code=None, owner=None, emp=None, inds=()):
        self.id, self.kind, self.name, self.parent, self.sup = id, kind, name, parent, sup
        self.code, self.owner, self.emp, self.inds, self.dup = code, owner, emp, inds, None


def q(text: str) -> str:
    """Quote a value that starts with a digit (codes, numeric-looking ids) so no YAML 1.1 tool converts it."""
    return f'"{text}"' if text[:1].isdigit() else text


class DocCtx:
    """Per-document rendering state: tier, target variant and period, with a cache of indicator bodies."""

    _bodies: dict = {}

    def __init__(self, tier: int, variant: int, start: int, end: int):
        self.tier, self.variant, self.start, self.end = tier, variant, start, end
        self.cache = DocCtx._bodies.setdefault((tier, variant, start, end), {})

    def values(self, entry: Entry) -> tuple:
        base = _fmt(entry_value(entry, self.start - 1, self.tier, self.variant), entry.dec)
        targets = [(y, _fmt(entry_value(entry, y, self.tier, self.variant), entry.dec))
                   for y in range(self.start, self.end + 1)]
        return base, targets

    def body(self, ind: Ind) -> str:
        key = (ind.entry, ind.type)
        text = self.cache.get(key)
        if text is None:
            text = self._body(CATALOG[ind.entry], ind.type, None)
            self.cache[key] = text
        return text

    def _body(self, e: Entry, typ: str, ovr) -> str:
        base, targets = self.values(e)
        unit = e.unit
        if ovr:
            unit = ovr.get("unit", unit)
            drop = ovr.get("drop_year")
            if drop is not None:
                targets = [(y, v) for y, v in targets if y != drop]
            comma = ovr.get("comma_year")
            if comma is not None:
                targets = [(y, f'"{_comma(v)}"' if y == comma else v) for y, v in targets]
        final = self.values(e)[1][-1][1]
        tgt = ", ".join(f"{y}: {v}" for y, v in targets)
        return (f"        name: {e.name}\n        type: {typ}\n        unit: {q_unit(unit)}\n"
                f"        polarity: {e.pol}\n        baseline: {{year: {self.start - 1}, value: {base}}}\n"
                f"        targets: {{{tgt}}}\n        final: {final}\n")


def q_unit(unit: str) -> str:
    return '"%"' if unit == "%" else unit


def render_indicator(ind: Ind, ctx: DocCtx) -> str:
    parts = [f"      - id: {q(ind.id)}\n"]
    if ind.ovr:
        parts.append(ctx._body(CATALOG[ind.entry], ind.type, ind.ovr))
    else:
        parts.append(ctx.body(ind))
    if ind.sup is not None:
        parts.append(f"        supports: [{q(ind.sup)}]\n")
    e = CATALOG[ind.entry]
    if ind.measure or e.macro:
        parts.append(f"        measure: {e.key}\n")
    if ind.iku:
        parts.append(f'        key: true\n        definition: "{e.definition}"\n        source: {e.source}\n')
    return "".join(parts)


def render_element(el: El, ctx: DocCtx) -> str:
    parts = [f"  - id: {q(el.id)}\n    kind: {el.kind}\n    name: {el.name}\n"]
    if el.dup is not None:
        parts.append(f"    name: {el.dup}\n")
    if el.code is not None:
        parts.append(f'    code: "{el.code}"\n')
    if el.parent is not None:
        parts.append(f"    parent: {q(el.parent)}\n")
    if el.sup:
        parts.append(f"    supports: [{', '.join(q(s) for s in el.sup)}]\n")
    if el.owner is not None:
        parts.append(f"    owner: {el.owner}\n")
    if el.emp is not None:
        nip, name, position, unit = el.emp
        parts.append(f'    employee:\n      nip: "{nip}"\n      name: {name}\n      position: {position}\n      unit: {unit}\n')
    if el.inds:
        parts.append("    indicators:\n")
        for ind in el.inds:
            parts.append(render_indicator(ind, ctx))
    return "".join(parts)


# --------------------------------------------------------------------------------------------------
# Layout and budgets
# --------------------------------------------------------------------------------------------------

@dataclass
class Region:
    code: str            # "35" or "35.77"
    name: str
    kabkota: list = field(default_factory=list)   # of Region, for a province

    @property
    def slug(self) -> str:
        return "r" + self.code.replace(".", "-")


def _jatim_order() -> list:
    """Kab/kota of province 35: Kota Madiun first, then the real ones interleaved, then synthetic codes."""
    kab = [(f"35.{i + 1:02d}", f"Kabupaten {n}") for i, n in enumerate(JATIM_KAB)]
    kota = [(f"35.{71 + i}", f"Kota {n}") for i, n in enumerate(JATIM_KOTA)]
    first = kota.pop(6)  # 35.77 Kota Madiun
    order = [first]
    for i in range(max(len(kab), len(kota))):
        if i < len(kab):
            order.append(kab[i])
        if i < len(kota):
            order.append(kota[i])
    order += [(f"35.{i:02d}", f"Kabupaten Jawa Timur {i:02d}") for i in range(30, 71)]
    order += [(f"35.{i:02d}", f"Kota Jawa Timur {i:02d}") for i in range(80, 100)]
    return order


def _largest_remainder(total: int, weights: list, lo: list, hi: list) -> list:
    """Integers summing to ``total``, proportional to ``weights``, each within [lo, hi]."""
    n = len(weights)
    out = list(lo)
    left = total - sum(out)
    if left < 0 or total > sum(hi):
        raise ValueError(f"cannot split {total} over {n} parts within bounds")
    while left > 0:
        open_ = [i for i in range(n) if out[i] < hi[i]]
        sw = sum(weights[i] for i in open_)
        shares = {i: left * weights[i] / sw for i in open_}
        gave = 0
        for i in open_:
            add = min(int(shares[i]), hi[i] - out[i])
            out[i] += add
            gave += add
        left -= gave
        if left > 0 and gave == 0:
            for i in sorted(open_, key=lambda i: shares[i] - int(shares[i]), reverse=True):
                if left == 0:
                    break
                if out[i] < hi[i]:
                    out[i] += 1
                    left -= 1
    return out


def region_layout(regions: int) -> list:
    """Provinces (``Region`` with ``kabkota``) holding ``regions`` kab/kota in total."""
    if regions < 1:
        raise ValueError("--regions must be at least 1")
    if regions <= 99:
        prov = Region("35", "Jawa Timur")
        prov.kabkota = [Region(c, n) for c, n in _jatim_order()[:regions]]
        return [prov]
    if regions > 38 * 99:
        raise ValueError(f"--regions at most {38 * 99} (99 kab/kota codes in each of 38 provinces)")
    weights = [k + c for _, _, k, c in PROVINCES]
    counts = _largest_remainder(regions, weights, [1] * len(PROVINCES), [99] * len(PROVINCES))
    out = []
    for (code, name, k_real, c_real), n in zip(PROVINCES, counts):
        prov = Region(code, name)
        n_kota = min(29, round(n * c_real / (k_real + c_real)))
        n_kab = n - n_kota
        if n_kab > 70:
            n_kab, n_kota = 70, n - 70
        if code == "35":
            names_kab = [f"Kabupaten {x}" for x in JATIM_KAB] + [f"Kabupaten Jawa Timur {i:02d}" for i in range(30, 71)]
            names_kota = [f"Kota {x}" for x in JATIM_KOTA] + [f"Kota Jawa Timur {i:02d}" for i in range(80, 100)]
        else:
            names_kab = [f"Kabupaten {name} {i:02d}" for i in range(1, 71)]
            names_kota = [f"Kota {name} {i:02d}" for i in range(71, 100)]
        prov.kabkota = [Region(f"{code}.{i + 1:02d}", names_kab[i]) for i in range(n_kab)]
        prov.kabkota += [Region(f"{code}.{71 + i}", names_kota[i]) for i in range(n_kota)]
        out.append(prov)
    return out


RPJMN_SHAPES = [(50_000, 5, 4), (5_000, 3, 3), (0, 2, 2)]            # (min N, PP per PN, KP per PP)
RPJMD_SHAPES = [(4, 2, 2, 4), (4, 2, 2, 2), (4, 2, 2, 1), (4, 2, 1, 1)]  # misi, tujuan/misi, sasaran/tujuan, program/sasaran
OPD_TARGET = 400          # elements per OPD (renstra + skp) when --opds is not given
SKP_SHARE = 0.3
MIN_OPD = 6


def rpjmd_size(shape) -> int:
    m, t, s, p = shape
    return m * (1 + t * (1 + s * (1 + p)))


def _distribute(total: int, n: int, rng: random.Random, cap: int = 10**9, jitter: float = 0.4) -> list:
    """``n`` positive integers summing to ``total`` (each <= cap when possible), jittered around the mean."""
    if n <= 0:
        return []
    if total < n:
        raise ValueError("total smaller than parts")
    w = [1.0 - jitter + 2 * jitter * rng.random() for _ in range(n)]
    hi = [max(cap, -(-total // n)) for _ in range(n)]
    return _largest_remainder(total, w, [1] * n, hi)


# --------------------------------------------------------------------------------------------------
# Defects
# --------------------------------------------------------------------------------------------------

DEFECT_KINDS = [
    "orphan-element",            # parent (or a top element's supports) removed
    "indicator-without-supports",
    "unit-mismatch",             # unit changed on an indicator linked to a same-measure upper indicator
    "missing-target-year",
    "wrong-code",                # nomenclature code of a sub_kegiatan broken (rotating sub-variants)
    "duplicate-key",             # an element repeats its `name:` key
    "unknown-reference",         # parent (or supports) names nothing
    "comma-decimal",             # a target written "72,6"
]
_DEFECT_RULE = {
    "orphan-element": "orphan-element",
    "indicator-without-supports": "orphan-indicator",
    "unit-mismatch": "unit-mismatch",
    "missing-target-year": "missing-target-year",
    "wrong-code": "code-parent-prefix",
    "duplicate-key": "duplicate-key",
    "unknown-reference": "unknown-reference",
    "comma-decimal": "wrong-type",
}


@dataclass
class Defect:
    index: int
    kind: str
    rule: str           # the rule name (RULES.md) expected to report it
    file: str           # relative to the workspace directory, with '/' separators
    document: str
    element: str
    indicator: str | None
    line: int           # line of the element's `- id:` in the file (1-based)
    detail: str


def _plant(spec: tuple, doc_kind: str, doc_id: str, els: list, used: set) -> list:
    """Apply one planned defect to an element spec of this document not ``used`` by another defect;
    return [(Defect fields, El)]."""
    index, kind, seed = spec
    rng = random.Random(f"{seed}/defect/{index}")
    out = []

    def pick(pred):
        cands = [e for e in els if pred(e) and e.id not in used]
        if not cands:
            cands = [e for e in els if e.id not in used]
        e = cands[rng.randrange(len(cands))]
        used.add(e.id)
        return e

    rule = _DEFECT_RULE[kind]
    ind_id = None
    if kind == "orphan-element":
        e = pick(lambda e: e.parent is not None and e.kind in ("program", "kegiatan", "rhk"))
        if e.parent is not None:
            detail = f"removed parent {e.parent}"
            e.parent = None
            if doc_kind == "skp":
                rule = "unlinked-staff-target"
        else:
            detail = f"removed supports {e.sup}"
            e.sup = None
    elif kind == "indicator-without-supports":
        e = pick(lambda e: bool(e.inds))
        ind = e.inds[0]
        ind_id, detail = ind.id, f"removed supports {ind.sup}"
        ind.sup = None
    elif kind == "unit-mismatch":
        # the first indicator of a top element inherits the measure of the upper indicator it supports
        e = pick(lambda e: e.parent is None and e.sup and e.inds and e.kind in ("tujuan", "rhk"))
        ind = e.inds[0]
        ind.measure = True
        old = CATALOG[ind.entry].unit
        new = "orang" if old != "orang" else "unit"
        ind.ovr = {"unit": new}
        ind_id, detail = ind.id, f"unit {old} -> {new} (measure {CATALOG[ind.entry].key}, supports {ind.sup})"
    elif kind == "missing-target-year":
        e = pick(lambda e: bool(e.inds))
        ind = e.inds[0]
        year = (PERIOD[0] + PERIOD[1]) // 2 if doc_kind != "skp" else SKP_YEAR
        ind.ovr = {"drop_year": year}
        ind_id, detail = ind.id, f"no target for {year}"
    elif kind == "wrong-code":
        e = pick(lambda e: e.kind == "sub_kegiatan")
        variant = (index // len(DEFECT_KINDS)) % 3
        parts = (e.code or "1.01.02.2.01.0001").split(".")
        if variant == 0:      # another program's number: valid syntax, wrong prefix
            parts[2] = f"{(int(parts[2]) % 98) + 2:02d}" if parts[2] != "99" else "02"
            rule = "code-parent-prefix"
        elif variant == 1:    # provincial authority digit in a kab/kota renstra
            parts[3] = "1"
            rule = "authority-level"
        else:                 # bidang outside its urusan (urusan 1 is 01-06, 2 is 07-24)
            parts[1] = "09" if parts[0] == "1" else "03"
            rule = "urusan-bidang"
        old, e.code = e.code, ".".join(parts)
        detail = f"code {old} -> {e.code}"
    elif kind == "duplicate-key":
        e = pick(lambda e: True)
        e.dup = e.name + " (perubahan)"
        detail = "key `name` repeated"
    elif kind == "unknown-reference":
        e = pick(lambda e: e.parent is not None)
        if e.parent is not None:
            old, e.parent = e.parent, e.parent + "-x"
            detail = f"parent {old} -> {e.parent}"
        else:
            old = e.sup[0]
            e.sup = [old + "-x"] + list(e.sup[1:])
            detail = f"supports {old} -> {e.sup[0]}"
    elif kind == "comma-decimal":
        e = pick(lambda e: bool(e.inds) and CATALOG[e.inds[0].entry].dec > 0)   # "72,6", not "36,0"
        ind = e.inds[0]
        year = PERIOD[0] if doc_kind != "skp" else SKP_YEAR
        ind.ovr = {"comma_year": year}
        ind_id, detail = ind.id, f"target {year} written with a decimal comma"
    else:  # pragma: no cover
        raise ValueError(kind)
    out.append(((index, kind, rule, doc_id, e.id, ind_id, detail), e))
    return out


# --------------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------------

@dataclass
class GenerationResult:
    out_dir: str
    files: int = 0
    documents: int = 0
    elements: int = 0
    indicators: int = 0
    bytes: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    regions: int = 0
    provinces: int = 0
    opds: int = 0
    elements_by_kind: dict = field(default_factory=dict)
    defects: list = field(default_factory=list)      # of Defect
    paths: list = field(default_factory=list)        # written files, absolute

    def summary(self) -> str:
        return (f"files={self.files} documents={self.documents} elements={self.elements} "
                f"indicators={self.indicators} bytes={self.bytes} provinces={self.provinces} "
                f"kabkota={self.regions} opds={self.opds} defects={len(self.defects)} "
                f"seconds={self.seconds:.2f} cpu={self.cpu_seconds:.2f} out={self.out_dir}")


def _n_inds(rng: random.Random) -> int:
    r = rng.random()
    return 1 if r < 0.55 else (2 if r < 0.9 else 3)


def _child_inds(el_id: str, n: int, uppers: list, prefix: str, pools, typ: str, rng: random.Random,
                inherit_first: bool = False, measure: bool = False, iku_first: bool = False) -> list:
    """Indicators of one element: indicator k supports upper indicator k (mod), with its polarity.

    ``uppers`` are (local id, entry index) of the upper element's indicators; ``prefix`` is "" for the
    parent (bare ids) or "doc-id:" for a supported element; ``pools`` maps polarity to catalogue indices.
    """
    out = []
    seen = set()
    nu = len(uppers)
    for k in range(n):
        uid, uentry = uppers[k % nu]
        pol = CATALOG[uentry].pol
        if k == 0 and inherit_first:
            entry = uentry
        else:
            pool = pools[pol]
            entry = pool[int(rng.random() * len(pool))]
            if entry in seen:
                for _ in range(3):
                    entry = pool[int(rng.random() * len(pool))]
                    if entry not in seen:
                        break
        seen.add(entry)
        out.append(Ind(f"{el_id}.I{k + 1}", entry, typ, prefix + uid, measure, iku_first and k == 0))
    return out


def _upper(inds: list) -> list:
    return [(i.id, i.entry) for i in inds]


class _Writer:
    def __init__(self, out_dir: str, result: GenerationResult):
        self.out_dir, self.result = out_dir, result

    def write(self, rel: str, header: str, els: list, ctx: DocCtx, planted: list, organization: str = "") -> None:
        blocks = [render_element(e, ctx) for e in els]
        head = header + organization + "elements:\n"
        if planted:
            pos = {id(e): i for i, e in enumerate(els)}
            line0 = head.count("\n") + 1
            starts = []
            acc = line0
            for b in blocks:
                starts.append(acc)
                acc += b.count("\n")
            for (index, kind, rule, doc_id, eid, iid, detail), e in planted:
                self.result.defects.append(Defect(index, kind, rule, rel, doc_id, eid, iid, starts[pos[id(e)]], detail))
        data = (head + "".join(blocks)).encode("utf-8")
        path = os.path.join(self.out_dir, *rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
        r = self.result
        r.files += 1
        r.documents += 1
        r.bytes += len(data)
        r.elements += len(els)
        r.paths.append(path)
        byk = r.elements_by_kind
        for e in els:
            byk[e.kind] = byk.get(e.kind, 0) + 1
            r.indicators += len(e.inds)


def _header(doc_id, kind, title, start, end, region=None, aligns=(), agency=None, vision=None) -> str:
    lines = [f"document:\n  id: {doc_id}\n  kind: {kind}\n  title: {title}\n  period: {{start: {start}, end: {end}}}\n"]
    if region is not None:
        lines.append(f'  region: {{code: "{region.code}", name: {region.name}}}\n')
    if aligns:
        lines.append(f"  aligns_to: [{', '.join(aligns)}]\n")
    if agency is not None:
        lines.append(f'  agency: {{code: "{agency[0]}", name: {agency[1]}}}\n')
    if vision:
        lines.append(f'  vision: "{vision}"\n')
    return "".join(lines)


def _gen_rpjmn(pp_per: int, kp_per: int, rng: random.Random) -> tuple:
    els = []
    pn_info = []
    for i, (name, theme, keys, topics) in enumerate(PRIORITAS_NASIONAL):
        pid = f"PN{i + 1}"
        inds = [Ind(f"{pid}.I{k + 1}", BY_KEY[key], "impact", None, True, True) for k, key in enumerate(keys)]
        els.append(El(pid, "prioritas_nasional", name, inds=inds))
        pn_info.append((pid, _upper(inds), topics))
        for j in range(pp_per):
            ppid = f"PP{i + 1}.{j + 1}"
            topic = topics[j % len(topics)]
            t = BIDANG[topic][3]
            pinds = _child_inds(ppid, _n_inds(rng), _upper(inds), "", NAT_OUTCOME[topic], "outcome", rng)
            els.append(El(ppid, "program_prioritas", f"Penguatan layanan {t} untuk {theme}", pid, inds=pinds))
            for k in range(kp_per):
                kpid = f"KP{i + 1}.{j + 1}.{k + 1}"
                kinds = _child_inds(kpid, _n_inds(rng), _upper(pinds), "", NAT_OUTPUT[topic], "output", rng)
                els.append(El(kpid, "kegiatan_prioritas",
                              f"{SASARAN_ASPECTS[k % len(SASARAN_ASPECTS)].capitalize()} layanan {t} nasional",
                              ppid, inds=kinds))
    return els, pn_info


def _gen_rpjmd(doc_id: str, shape: tuple, upper, rng: random.Random, province: bool) -> tuple:
    """A province (``upper`` = PN info) or kab/kota (``upper`` = province info) RPJMD.

    Returns (elements, info) with info = {"misi": [...], "tujuan": {(m, t): (id, uppers, pn)}, "sasaran": [...]}.
    """
    n_misi, t_per, s_per, p_per = shape
    els = []
    tujuan_info = {}
    sasaran_info = []
    pp_next = {}
    if province:
        pn_info = upper
        misi_pn = [[p for p in range(8) if p % n_misi == m] or [m % 8] for m in range(n_misi)]
    for m in range(n_misi):
        mid = f"M{m + 1}"
        if province:
            msup = [f"{RPJMN_ID}:{pn_info[p][0]}" for p in misi_pn[m]]
        else:
            pm = len(upper["misi"])
            msup = [f"{upper['id']}:{upper['misi'][m % pm]}"]
        els.append(El(mid, "misi", MISI_NAMES[m % len(MISI_NAMES)], sup=msup))
        for t in range(t_per):
            tid = f"T{m + 1}.{t + 1}"
            if province:
                pn = misi_pn[m][t % len(misi_pn[m])]
                target_id, target_uppers = pn_info[pn][0], pn_info[pn][1]
                prefix = f"{RPJMN_ID}:"
            else:
                keys = sorted(upper["tujuan"])
                ut = upper["tujuan"].get((m, t)) or upper["tujuan"][keys[(m * t_per + t) % len(keys)]]
                target_id, target_uppers, pn = ut
                prefix = f"{upper['id']}:"
            theme = PRIORITAS_NASIONAL[pn][1]
            tinds = _child_inds(tid, _n_inds(rng), target_uppers, prefix, PN_MACRO[pn], "impact", rng,
                                inherit_first=True, iku_first=True)
            els.append(El(tid, "tujuan", f"Meningkatnya {theme}", mid, sup=[prefix + target_id], inds=tinds))
            tujuan_info[(m, t)] = (tid, _upper(tinds), pn)
            topics = PRIORITAS_NASIONAL[pn][3]
            for s in range(s_per):
                sid = f"S{m + 1}.{t + 1}.{s + 1}"
                sinds = _child_inds(sid, _n_inds(rng), _upper(tinds), "", PN_MACRO[pn], "outcome", rng, iku_first=True)
                aspect = SASARAN_ASPECTS[(t * s_per + s) % len(SASARAN_ASPECTS)]
                els.append(El(sid, "sasaran", f"Meningkatnya {aspect} {theme}", tid, inds=sinds))
                sasaran_info.append((sid, _upper(sinds), pn))
                for p in range(p_per):
                    b = topics[(s * p_per + p) % len(topics)]
                    pp = pp_next.get(b, 2)
                    if pp > 99:  # bidang exhausted: take the next one with room
                        b = next(x for x in range(len(BIDANG)) if pp_next.get(x, 2) <= 99)
                        pp = pp_next.get(b, 2)
                    pp_next[b] = pp + 1
                    code = f"{BIDANG[b][0]}.{pp:02d}"
                    pinds = _child_inds(code, _n_inds(rng), _upper(sinds), "", OUTCOME[b], "outcome", rng)
                    els.append(El(code, "program", program_name(b, pp), sid, code=code, inds=pinds))
    info = {"id": doc_id, "misi": [f"M{m + 1}" for m in range(n_misi)], "tujuan": tujuan_info, "sasaran": sasaran_info}
    return els, info


def _renstra_counts(br: int) -> tuple:
    """(tujuan, sasaran, program, kegiatan, sub_kegiatan) summing to ``br`` (>= 5)."""
    br = max(5, br)
    x = br ** (1 / 3)
    n_sas = max(1, round(x / 3))
    n_tuj = max(1, round(n_sas / 2))
    n_prog = min(99, max(n_sas, round(0.8 * x)))
    k_per = min(99, max(1, round(0.8 * x)))
    while True:
        n_keg = n_prog * k_per
        n_sub = br - n_tuj - n_sas - n_prog - n_keg
        if n_sub >= n_keg:
            break
        if k_per > 1:
            k_per -= 1
        elif n_prog > n_sas:
            n_prog -= 1
        elif n_sas > 1:
            n_sas -= 1
            n_tuj = max(1, min(n_tuj, n_sas))
            n_prog = n_sas
        else:
            break
    return n_tuj, n_sas, n_prog, n_keg, n_sub


def _employee(rng: random.Random, position: str, unit: str, seq: int, senior: bool = False) -> tuple:
    by = (1966 + int(rng.random() * 12)) if senior else (1966 + int(rng.random() * 32))
    bm, bd = 1 + int(rng.random() * 12), 1 + int(rng.random() * 28)
    ty, tm = by + 22 + int(rng.random() * 9), 1 + int(rng.random() * 12)
    g = 1 + int(rng.random() * 2)
    nip = f"{by}{bm:02d}{bd:02d}{ty}{tm:02d}{g}{seq % 1000:03d}"
    name = f"{FIRST_NAMES[int(rng.random() * len(FIRST_NAMES))]} {LAST_NAMES[int(rng.random() * len(LAST_NAMES))]}"
    return (nip, name, position, unit)


def _gen_renstra_skp(opd: dict, kab_info: dict, br: int, bs: int, seed) -> tuple:
    """One OPD: (renstra elements, organization text, skp elements)."""
    rng = random.Random(f"{seed}/{opd['renstra_id']}")
    b = opd["bidang"]
    bcode, _, opd_name, topic = BIDANG[b]
    rid = opd["renstra_id"]
    n_tuj, n_sas, n_prog, n_keg, n_sub = _renstra_counts(br)
    sas_per_tuj = _distribute(n_sas, n_tuj, rng)
    prog_per_sas = _distribute(n_prog, n_sas, rng)
    keg_per_prog = _distribute(n_keg, n_prog, rng, cap=99)
    sub_per_keg = _distribute(n_sub, n_keg, rng, cap=9999)

    # organisation: KADIN; SEKR owns program 01 when there are >= 2 programs; BIDx own the others.
    has_penunjang = n_prog >= 2
    n_other = n_prog - (1 if has_penunjang else 0)
    n_bid = max(1, min(5, -(-n_other // 2)))
    prog_owner = []
    for p in range(n_prog):
        if has_penunjang and p == 0:
            prog_owner.append("SEKR")
        else:
            prog_owner.append(f"BID{(p - (1 if has_penunjang else 0)) % n_bid + 1}")
    keg_count = {}
    for p in range(n_prog):
        keg_count[prog_owner[p]] = keg_count.get(prog_owner[p], 0) + keg_per_prog[p]
    # sub-units (pengawas) under a unit that owns >= 3 kegiatan; they own kegiatan alternately
    subunits = {u: (2 if c >= 3 else 0) for u, c in keg_count.items()}
    units = [("KADIN", f"Kepala {opd_name}", "jpt", None, f"Perumusan kebijakan urusan {topic}")]
    if has_penunjang:
        units.append(("SEKR", "Sekretariat", "administrator", "KADIN", "Koordinasi perencanaan, keuangan, umum, dan kepegawaian"))
        for k in range(subunits.get("SEKR", 0)):
            units.append((f"SUBBAG{k + 1}", ["Subbagian Umum dan Kepegawaian", "Subbagian Perencanaan dan Keuangan"][k],
                          "pengawas", "SEKR", "Pelaksanaan administrasi perangkat daerah"))
    for i in range(n_bid):
        u = f"BID{i + 1}"
        units.append((u, f"Bidang {UNIT_PREFIXES[i % len(UNIT_PREFIXES)]} {_title(topic)}", "administrator", "KADIN",
                      f"Pelaksanaan kebijakan {UNIT_PREFIXES[i % len(UNIT_PREFIXES)].lower()} {topic}"))
        for k in range(subunits.get(u, 0)):
            units.append((f"SEKSI{i + 1}.{k + 1}", f"Seksi {k + 1} Bidang {UNIT_PREFIXES[i % len(UNIT_PREFIXES)]}",
                          "pengawas", u, f"Penyiapan bahan pelaksanaan kebijakan {topic}"))
    sub_names = {"SEKR": ["SUBBAG1", "SUBBAG2"]}
    for i in range(n_bid):
        sub_names[f"BID{i + 1}"] = [f"SEKSI{i + 1}.1", f"SEKSI{i + 1}.2"]
    org = ["organization:\n"]
    for uid, uname, level, parent, func in units:
        org.append(f"  - id: {uid}\n    name: {uname}\n    level: {level}\n")
        if parent:
            org.append(f"    parent: {parent}\n")
        org.append(f'    bidang: ["{bcode}"]\n    functions: ["{func}"]\n')
    organization = "".join(org)

    # renstra elements
    els = []
    # the kab/kota sasaran this OPD's tujuan support: those under a PN whose topics include the OPD's bidang
    kab_sas = [x for x in kab_info["sasaran"] if b in PRIORITAS_NASIONAL[x[2]][3]] or kab_info["sasaran"]
    kab_id = kab_info["id"]
    sas_list = []      # (sid, name, inds)
    progs = []         # (code, sas index, owner, name, inds, [keg (code, owner, [sub (code, name)])])
    oi = opd["index"]
    pools_out, pools_oc = OUTPUT[b], OUTCOME[b]
    p_global = 0
    keg_i = 0
    unit_keg_seen = {}
    s_global = 0
    for t in range(n_tuj):
        tid = f"T{t + 1}"
        ks_id, ks_uppers, ks_pn = kab_sas[(oi // len(BIDANG) * n_tuj + t) % len(kab_sas)]
        tinds = _child_inds(tid, _n_inds(rng), ks_uppers, f"{kab_id}:", PN_MACRO[ks_pn], "impact", rng,
                            inherit_first=True, iku_first=True)
        els.append(El(tid, "tujuan", f"Meningkatnya kualitas layanan urusan {topic}", sup=[f"{kab_id}:{ks_id}"],
                      owner="KADIN", inds=tinds))
        for s in range(sas_per_tuj[t]):
            sid = f"S{t + 1}.{s + 1}"
            sinds = _child_inds(sid, _n_inds(rng), _upper(tinds), "", pools_oc, "outcome", rng,
                                measure=True, iku_first=True)
            sname = f"Meningkatnya {SASARAN_ASPECTS[s_global % len(SASARAN_ASPECTS)]} layanan {topic}"
            els.append(El(sid, "sasaran", sname, tid, owner="KADIN", inds=sinds))
            sas_list.append((sid, sname, sinds))
            for _ in range(prog_per_sas[s_global]):
                p = p_global
                pp = p + 1 if has_penunjang else p + 2
                code = f"{bcode}.{pp:02d}"
                owner = prog_owner[p]
                pinds = _child_inds(code, _n_inds(rng), _upper(sinds), "", pools_oc, "outcome", rng)
                pname = program_name(b, pp)
                els.append(El(code, "program", pname, sid, code=code, owner=owner, inds=pinds))
                kegs = []
                for kk in range(keg_per_prog[p]):
                    kcode = f"{code}.2.{kk + 1:02d}"
                    subs_u = subunits.get(owner, 0)
                    if subs_u:
                        c = unit_keg_seen.get(owner, 0)
                        unit_keg_seen[owner] = c + 1
                        kowner = sub_names[owner][c % subs_u]
                    else:
                        kowner = owner
                    kinds = _child_inds(kcode, _n_inds(rng), _upper(pinds), "", pools_out, "output", rng)
                    els.append(El(kcode, "kegiatan", kegiatan_name(b, pp, kk + 1), code, code=kcode, owner=kowner,
                                  inds=kinds))
                    kup = _upper(kinds)
                    subs = []
                    tmpl = PENUNJANG_SUB if pp == 1 else SUB_TEMPLATES
                    T = _title(topic)
                    for ss in range(sub_per_keg[keg_i]):
                        scode = f"{kcode}.{ss + 1:04d}"
                        sname_ = tmpl[(kk + ss) % len(tmpl)].format(T=T)
                        sinds_ = _child_inds(scode, _n_inds(rng), kup, "", pools_out, "output", rng)
                        els.append(El(scode, "sub_kegiatan", sname_, kcode, code=scode, owner=kowner, inds=sinds_))
                        subs.append((scode, sname_, kowner))
                    kegs.append(subs)
                    keg_i += 1
                progs.append((code, len(sas_list) - 1, owner, pname, pinds, kegs))
                p_global += 1
            s_global += 1

    # skp: head rhk per sasaran; a bidang-head rhk per program; staff rhk over the sub_kegiatan
    srng = random.Random(f"{seed}/{opd['skp_id']}")
    skp = []
    seq = [0]

    def emp(position, unit, senior=False):
        seq[0] += 1
        return _employee(srng, position, unit, seq[0], senior)

    head = emp(f"Kepala {opd_name}", "KADIN", True)
    head_rhk = []
    for i, (sid, sname, sinds) in enumerate(sas_list):
        hid = f"RHK{i + 1}"
        hinds = [Ind(f"{hid}.I{k + 1}", ind.entry, "outcome", f"{rid}:{ind.id}", True, False)
                 for k, ind in enumerate(sinds)]
        skp.append(El(hid, "rhk", sname, sup=[f"{rid}:{sid}"], emp=head, inds=hinds))
        head_rhk.append((hid, _upper(hinds)))
    room = max(0, bs - len(sas_list))
    n_bid_rhk = min(len(progs), room)
    n_staff = room - n_bid_rhk if n_bid_rhk == len(progs) else 0
    unit_names = {x[0]: x[1] for x in units}
    unit_heads = {u: ("Sekretaris" if u == "SEKR" else f"Kepala {unit_names[u]}") for u in unit_names}
    heads_emp = {}
    bid_rhk = {}
    per_head = {}
    chosen = sorted({(i * len(progs)) // n_bid_rhk for i in range(n_bid_rhk)}) if n_bid_rhk else []
    for p in chosen:
        code, si, owner, pname, pinds, kegs = progs[p]
        if owner not in heads_emp:
            heads_emp[owner] = emp(unit_heads[owner], owner, True)
        phid, puppers = head_rhk[si]
        per_head[phid] = per_head.get(phid, 0) + 1
        bid_ = f"{phid}.{per_head[phid]}"
        binds = _child_inds(bid_, _n_inds(srng), puppers, "", pools_oc, "outcome", srng)
        skp.append(El(bid_, "rhk", f"Meningkatnya kinerja {pname[len('Program '):] if pname.startswith('Program ') else pname}",
                      phid, emp=heads_emp[owner], inds=binds))
        bid_rhk[p] = (bid_, phid, _upper(binds))
    if n_staff:
        all_subs = []
        for p, (code, si, owner, pname, pinds, kegs) in enumerate(progs):
            for subs in kegs:
                for s in subs:
                    all_subs.append((p, s))
        staff_of_unit = {}
        child_count = {}
        for i in range(n_staff):
            p, (scode, sname_, sunit) = all_subs[(i * len(all_subs)) // n_staff]
            prhk, _, puppers = bid_rhk[p]
            c = staff_of_unit.get(sunit, 0)
            staff_of_unit[sunit] = c + 1
            e_idx = c // 4
            key = (sunit, e_idx)
            if key not in heads_emp:
                heads_emp[key] = emp(STAFF_POSITIONS[(len(heads_emp) + e_idx) % len(STAFF_POSITIONS)], sunit)
            n = child_count.get(prhk, 0) + 1
            child_count[prhk] = n
            sid_ = f"{prhk}.{n}"
            sinds_ = _child_inds(sid_, _n_inds(srng), puppers, "", pools_out, "output", srng)
            skp.append(El(sid_, "rhk", f"Terlaksananya {sname_[:1].lower()}{sname_[1:]}", prhk, emp=heads_emp[key],
                          inds=sinds_))
    return els, organization, skp


def _plan(elements: int, regions: int, opds, seed) -> dict:
    layout = region_layout(regions)
    n_prov = len(layout)
    for min_n, pp, kp in RPJMN_SHAPES:
        if elements >= min_n:
            rpjmn_shape = (pp, kp)
            break
    e_rpjmn = 8 * (1 + rpjmn_shape[0] * (1 + rpjmn_shape[1]))
    shape = RPJMD_SHAPES[-1]
    for s in RPJMD_SHAPES:
        if (n_prov + regions) * rpjmd_size(s) <= 0.15 * elements:
            shape = s
            break
    rem = elements - e_rpjmn - (n_prov + regions) * rpjmd_size(shape)
    if opds is None:
        m = max(1, min(len(BIDANG), round(rem / (regions * OPD_TARGET))))
    else:
        m = int(opds)
        if m < 1:
            raise ValueError("--opds must be at least 1")
    n_opd = regions * m
    if rem < n_opd * MIN_OPD:
        need = e_rpjmn + (n_prov + regions) * rpjmd_size(shape) + n_opd * MIN_OPD
        raise ValueError(f"--elements {elements} is too small for {regions} kab/kota x {m} OPDs (need >= {need})")
    rng = random.Random(f"{seed}/budget")
    budgets = _largest_remainder(rem, [0.7 + 0.6 * rng.random() for _ in range(n_opd)],
                                 [MIN_OPD] * n_opd, [rem] * n_opd)
    return {"layout": layout, "rpjmn_shape": rpjmn_shape, "rpjmd_shape": shape, "opds": m, "budgets": budgets}


def generate_workspace(out_dir, elements: int = 10_000, seed=0, defects: int = 0, regions: int = 1,
                       opds: int | None = None) -> GenerationResult:
    """Write a synthetic workspace under ``out_dir``; return counts and the planted defects."""
    # The specs are acyclic; the cyclic GC only costs time here (it rescans the growing element lists).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _generate(out_dir, elements, seed, defects, regions, opds)
    finally:
        if enabled:
            gc.enable()


def _generate(out_dir, elements, seed, defects, regions, opds) -> GenerationResult:
    t0, c0 = time.perf_counter(), time.process_time()
    out_dir = os.fspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    plan = _plan(int(elements), int(regions), opds, seed)
    layout, m, budgets = plan["layout"], plan["opds"], plan["budgets"]
    result = GenerationResult(out_dir=out_dir, regions=int(regions), provinces=len(layout), opds=len(budgets))
    writer = _Writer(out_dir, result)
    n_opd = len(budgets)

    # defects: spread over the OPD slots; each goes to the renstra or the skp of its slot
    plan_defects = {}
    for i in range(int(defects)):
        kind = DEFECT_KINDS[i % len(DEFECT_KINDS)]
        slot = ((2 * i + 1) * n_opd) // (2 * int(defects))
        if kind in ("wrong-code", "missing-target-year"):
            dk = "renstra"
        else:
            dk = "renstra" if (i // len(DEFECT_KINDS) + i) % 2 == 0 else "skp"
        plan_defects.setdefault((slot, dk), []).append((i, kind, seed))

    # rpjmn
    rng = random.Random(f"{seed}/{RPJMN_ID}")
    els, pn_info = _gen_rpjmn(*plan["rpjmn_shape"], rng)
    header = _header(RPJMN_ID, "rpjmn", "RPJMN 2025-2029", *PERIOD,
                     vision="Bersama Indonesia Maju Menuju Indonesia Emas 2045")
    writer.write(f"{RPJMN_ID}.yaml", header, els, DocCtx(TIER_RPJMN, 0, *PERIOD), [])

    slot = 0
    for prov in layout:
        pid = f"{prov.slug}.rpjmd-2025"
        rng = random.Random(f"{seed}/{pid}")
        els, pinfo = _gen_rpjmd(pid, plan["rpjmd_shape"], pn_info, rng, province=True)
        header = _header(pid, "rpjmd", f"RPJMD Provinsi {prov.name} 2025-2029", *PERIOD, region=prov,
                         aligns=[RPJMN_ID], vision=f"{prov.name} sejahtera, maju, dan berkelanjutan")
        writer.write(f"{prov.code}/rpjmd-2025.yaml", header, els, DocCtx(TIER_PROV, int(rng.random() * 3), *PERIOD), [])
        for kab in prov.kabkota:
            kid = f"{kab.slug}.rpjmd-2025"
            rng = random.Random(f"{seed}/{kid}")
            els, kinfo = _gen_rpjmd(kid, plan["rpjmd_shape"], pinfo, rng, province=False)
            header = _header(kid, "rpjmd", f"RPJMD {kab.name} 2025-2029", *PERIOD, region=kab,
                             aligns=[pid, RPJMN_ID], vision=f"{kab.name} maju, sejahtera, dan berdaya saing")
            kdir = f"{prov.code}/{kab.code}"
            writer.write(f"{kdir}/rpjmd-2025.yaml", header, els, DocCtx(TIER_KAB, int(rng.random() * 3), *PERIOD), [])
            for o in range(m):
                b = o % len(BIDANG)
                bcode, bslug, bname, _ = BIDANG[b]
                slug = bslug if o < len(BIDANG) else f"{bslug}-{o // len(BIDANG) + 1}"
                opd = {
                    "index": o, "bidang": b,
                    "renstra_id": f"{kab.slug}.{slug}.renstra-2025", "skp_id": f"{kab.slug}.{slug}.skp-{SKP_YEAR}",
                }
                budget = budgets[slot]
                bs = max(1, round(SKP_SHARE * budget))
                br = budget - bs
                n_sas = _renstra_counts(br)[1]
                if bs < n_sas:
                    bs = n_sas
                    br = max(5, budget - bs)
                r_els, organization, s_els = _gen_renstra_skp(opd, kinfo, br, bs, seed)
                agency = (f"{bcode}.0.00.0.00.{o % 100:02d}.0000", bname)
                vrng = random.Random(f"{seed}/{opd['renstra_id']}/variant")
                rid = opd["renstra_id"]
                planted, used = [], set()
                for spec in plan_defects.get((slot, "renstra"), []):
                    planted += _plant(spec, "renstra", rid, r_els, used)
                header = _header(rid, "renstra", f"Renstra {bname} {kab.name} 2025-2029", *PERIOD, region=kab,
                                 aligns=[kid], agency=agency)
                writer.write(f"{kdir}/{slug}/renstra-2025.yaml", header, r_els,
                             DocCtx(TIER_RENSTRA, int(vrng.random() * 3), *PERIOD), planted, organization)
                sid = opd["skp_id"]
                planted, used = [], set()
                for spec in plan_defects.get((slot, "skp"), []):
                    planted += _plant(spec, "skp", sid, s_els, used)
                header = _header(sid, "skp", f"SKP {bname} {kab.name} {SKP_YEAR}", SKP_YEAR, SKP_YEAR, region=kab,
                                 aligns=[rid], agency=agency)
                writer.write(f"{kdir}/{slug}/skp-{SKP_YEAR}.yaml", header, s_els,
                             DocCtx(TIER_SKP, int(vrng.random() * 3), SKP_YEAR, SKP_YEAR), planted)
                slot += 1
    result.defects.sort(key=lambda d: d.index)
    result.seconds = time.perf_counter() - t0
    result.cpu_seconds = time.process_time() - c0
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--elements", type=int, required=True, help="total number of elements (approximately)")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", default="0", help="random seed (any text; default 0)")
    ap.add_argument("--defects", type=int, default=0, help="number of defects to plant")
    ap.add_argument("--regions", type=int, default=1, help="number of kab/kota RPJMDs (default 1)")
    ap.add_argument("--opds", type=int, default=None, help="OPDs per kab/kota (default: from --elements)")
    ap.add_argument("--manifest", default=None, help="also write the summary and defects as JSON to this file")
    args = ap.parse_args(argv)
    seed = int(args.seed) if args.seed.lstrip("-").isdigit() else args.seed
    try:
        res = generate_workspace(args.out, args.elements, seed=seed, defects=args.defects, regions=args.regions,
                                 opds=args.opds)
    except ValueError as exc:
        print(f"generate.py: {exc}", file=sys.stderr)
        return 2
    print(res.summary())
    for d in res.defects:
        print(f"defect {d.index}\t{d.kind}\t{d.rule}\t{d.file}:{d.line}\t{d.document}:{d.element}"
              f"{'/' + d.indicator if d.indicator else ''}\t{d.detail}")
    if args.manifest:
        data = {k: v for k, v in asdict(res).items() if k != "paths"}
        with open(args.manifest, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
