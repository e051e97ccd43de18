"""The rules' documentation in Bahasa Indonesia: the one-line summary, the body and the "why" of each rule.

``cascade rules`` and ``cascade explain`` show these with ``--lang id`` (the default); the full English
docstring stays the reference (basis, failing and passing examples are code and citations, and stay
as written). A rule without an entry here is shown in English. Planning terms stay as planners say them.

``SUMMARY_ID`` and ``WHY_ID`` are plain text, one line each. ``BODY_ID`` is the descriptive part of the
docstring between the summary and ``Why:``, written like the docstring (reStructuredText: double
backquotes around codes, fields and values, which stay exactly as in the English; roles such as
``:mod:``; line breaks at about 100 characters, kept by :func:`cascade.rules.docs.plain`). A rule whose
docstring has no such part (CAS511) has no ``BODY_ID`` entry.
"""

from __future__ import annotations

__all__ = ["SUMMARY_ID", "WHY_ID", "BODY_ID", "BASIS_ID", "EXAMPLE_NOTES_ID"]

SUMMARY_ID: dict[str, str] = {
    "CAS001": "Berkas tidak dapat dibaca sebagai YAML.",
    "CAS002": "Sebuah mapping mengulang kunci yang sama.",
    "CAS003": "Anchor, alias dan merge key bukan bagian dari YAML rencana yang polos.",
    "CAS004": "Tag eksplisit seperti !!python/object atau !!str.",
    "CAS005": "Berkas terlalu besar, terlalu dalam, bukan UTF-8, atau tidak dapat dibaca.",
    "CAS006": "Nilai tanpa tanda kutip di kolom teks yang dibaca perangkat YAML 1.1 sebagai angka, boolean atau tanggal.",
    "CAS007": "Sel tabel rencana (workbook atau CSV yang dibaca melalui layout-nya) tidak dapat dibaca dengan aman.",
    "CAS008": "Tabel rencana tidak sesuai dengan layout atau sidecar-nya.",
    "CAS009": "Workbook atau berkas CSV di antara rencana tidak memiliki sidecar, sehingga tidak dibaca sebagai rencana.",
    "CAS101": "Kolom wajib tidak ada.",
    "CAS102": "Kolom yang tidak dikenal format, dengan saran nama yang dimaksud.",
    "CAS103": "Nilai dengan tipe yang salah, termasuk angka yang ditulis sebagai teks yang ambigu.",
    "CAS104": "Nilai di luar himpunan atau bentuk yang diizinkan.",
    "CAS201": "Id dokumen yang sama dua kali di ruang kerja, atau id lokal yang sama dua kali dalam satu dokumen.",
    "CAS202": "parent, supports, crosscuts, aligns_to, owner atau unit menunjuk sesuatu yang tidak ada.",
    "CAS203": "Siklus melalui tautan parent/supports: sebuah sasaran akhirnya mendukung dirinya sendiri.",
    "CAS204": "parent bukan jenis tepat di atasnya, atau berada di dokumen lain.",
    "CAS205": "supports menunjuk ke samping atau ke tingkat di bawah, atau ke dokumen yang tidak ada di aligns_to.",
    "CAS206": "Dokumen diselaraskan dengan dokumen daerah lain.",
    "CAS207": "Periode yang tidak cocok: dokumen selaras yang tidak beririsan, tahun target di luar periode, baseline setelah tahun pertama periode.",
    "CAS208": "Tautan yang elemen atau indikator atasnya berubah sejak tautan itu terakhir ditinjau (cascade.lock).",
    "CAS301": "Elemen tanpa jalur ke tingkat nasional: cascading-nya terputus.",
    "CAS302": "Indikator yang tidak mendukung indikator atas mana pun, padahal elemennya berada di bawah puncak cascading.",
    "CAS303": "Elemen atas (atau IKU) yang tidak didukung apa pun di bawahnya: belum di-cascade.",
    "CAS304": "Tujuan, sasaran, program, kegiatan, sub kegiatan atau rhk tanpa indikator.",
    "CAS305": "Unit organisasi yang tidak memiliki elemen dan tidak memegang target pegawai.",
    "CAS306": "rhk yang tidak mengintervensi rhk atasan dan tidak mendukung elemen renstra.",
    "CAS307": "Sasaran renstra yang cascading-nya tidak pernah sampai ke target pegawai.",
    "CAS401": "Indikator mendukung indikator yang elemennya tidak berada di atas elemennya sendiri.",
    "CAS402": "Indikator dengan ukuran yang sama, ditautkan antartingkat, dengan satuan berbeda.",
    "CAS403": "Indikator dengan ukuran yang sama tetapi polaritas berlawanan.",
    "CAS404": "Jenis indikator tidak sesuai jenis elemennya (tujuan: dampak; sasaran, program: hasil; kegiatan: keluaran).",
    "CAS405": "Target daerah kurang ambisius dari 90% target yang didukungnya pada tahun itu.",
    "CAS406": "Arah target indikator pendukung berlawanan dengan arah yang dibutuhkan indikator induknya.",
    "CAS407": "Elemen dimiliki unit di luar bidang kodenya, atau rhk mengintervensi di luar garis unitnya.",
    "CAS408": "Tautan crosscuts ke elemen daerah lain atau tingkat lain.",
    "CAS409": "Indikator dan indikator yang didukungnya dalam dokumen yang sama berakhir pada tahun yang sama dengan nilai berbeda untuk besaran yang sama.",
    "CAS501": "Indikator tanpa unit (satuan).",
    "CAS502": "Indikator tanpa baseline (kondisi awal), atau baseline-nya tanpa nilai.",
    "CAS503": "Tahun dalam periode dokumen tanpa target.",
    "CAS504": "final (kondisi akhir) berbeda dari target tahun terakhir.",
    "CAS505": "Target bergerak melawan polaritas yang dinyatakan: indikator negative yang targetnya naik.",
    "CAS506": "Satuan %/persen dengan nilai target, final atau baseline di luar 0-100.",
    "CAS507": "Indikator kegiatan atau jumlah dokumen pada tingkat dampak/hasil.",
    "CAS508": "Nama menyebut satu satuan dan unit menyebut satuan lain (\"Persentase ...\" dengan satuan dokumen).",
    "CAS509": "Nama yang makin rendah makin baik (kemiskinan, pengangguran, stunting, kematian, gini) dinyatakan positive.",
    "CAS510": "IKU (key: true) tanpa definition atau source.",
    "CAS511": "Rentang dengan min lebih besar dari max, pada target, final atau baseline.",
    "CAS512": "Target tahunan atau final yang kurang ambisius dari baseline (kondisi awal).",
    "CAS513": "Nilai target, final atau baseline berupa angka yang ditulis sebagai teks.",
    "CAS514": "Indikator yang polaritasnya tidak diketahui padahal angka-angkanya memerlukannya.",
    "CAS516": "Program, kegiatan atau sub kegiatan yang memiliki anggaran (pagu) tetapi tanpa indikator.",
    "CAS601": "Kode nomenklatur yang bukan U.BB, U.BB.PP, U.BB.PP.K.KK atau U.BB.PP.K.KK.SSSS.",
    "CAS602": "Panjang kode tidak sesuai jenis elemen: program 3 bagian, kegiatan 5, sub_kegiatan 6.",
    "CAS603": "Digit kewenangan kegiatan 1 (provinsi) dalam dokumen kab/kota, atau 2 dalam dokumen provinsi.",
    "CAS604": "Kode kegiatan yang tidak memperpanjang kode program induknya (demikian pula sub_kegiatan/kegiatan).",
    "CAS605": "Bidang di luar urusannya (1: 01-06, 2: 07-24, 3: 25-32), atau digit urusan yang tidak ada.",
    "CAS701": "Tahun yang sudah lewat dengan target tetapi tanpa realisasi, pada indikator yang memiliki realisasi untuk tahun lain.",
    "CAS702": "Capaian dalam kategori rendah atau lebih buruk (opsi threshold: kategori terbaik yang masih dilaporkan).",
    "CAS703": "Realisasi yang tidak mungkin benar: persentase di atas 100 atau di bawah 0, atau nilai yang menyimpang beberapa orde besaran dari jalur indikatornya sendiri.",
    "CAS704": "Indikator di bawah mencapai targetnya sementara hasil (outcome) yang didukungnya tidak tercapai, atau hasil tercapai sementara setiap indikator di bawahnya gagal: teori perubahan pohon kinerja tidak terbukti pada tahun itu.",
    "CAS705": "Indikator cakupan kumulatif yang realisasinya turun dari satu tahun ke tahun berikutnya.",
    "CAS706": "Baris tabel realisasi (atau entri rows: dokumen realisasi) yang nama indikatornya, sebagaimana tercetak, tidak menunjuk tepat satu indikator rencana yang dilaporkannya (for).",
    "CAS707": "Capaian yang tercetak di tabel realisasi tidak sesuai dengan target dan realisasi yang dicetak tabel itu di sampingnya.",
    "CAS901": "Penekanan (suppression) di baris atau di konfigurasi yang tidak cocok dengan temuan mana pun.",
    "CAS902": "Penekanan yang tidak menyebut aturan, atau tidak ditulis sebagaimana cascade membacanya.",
    "CAS903": "Temuan yang dibungkam oleh justification sebuah elemen: tetap dilaporkan sebagai dibenarkan, bukan gagal.",
}

WHY_ID: dict[str, str] = {
    "CAS001": "berkas yang tidak dapat dibaca tidak menghasilkan dokumen, sehingga setiap pemeriksaannya terlewati diam-diam, kecuali kegagalan itu sendiri dilaporkan di tempat terjadinya.",
    "CAS002": "perangkat tidak sepakat nilai mana yang dipertahankan bila sebuah kunci berulang, sehingga target yang berlaku akan bergantung pada perangkat yang membaca rencana.",
    "CAS003": "nilai yang dipakai bersama melalui alias berubah di beberapa tempat sekaligus, dan penjabaran alias adalah cara sebuah berkas kecil menghabiskan memori mesin yang memeriksanya.",
    "CAS004": "tag meminta program pembaca membangun sesuatu; dalam pipeline yang memeriksa pull request dari orang yang tidak dikenal, itu adalah jalan untuk menjalankan kode.",
    "CAS005": "satu berkas yang terlalu besar, salah encoding atau berkas khusus tidak boleh membuat macet atau menggagalkan pemeriksaan semua berkas lainnya.",
    "CAS006": "berkas yang sama harus bermakna sama bagi setiap perangkat yang membacanya; kode yang kehilangan angka nolnya di perangkat lain menunjuk program atau daerah lain.",
    "CAS007": "target atau pagu yang diam-diam salah terbaca lebih buruk daripada tidak ada: titik ribuan yang dibaca sebagai desimal mengubah Rp 1.250.000 menjadi 1,25.",
    "CAS008": "apa yang tidak dinyatakan tabel (id dokumen, periode, daerah, tautan ke atas) tidak dapat ditebak; tabel yang dibaca dengan layout yang salah akan menghasilkan elemen yang salah tanpa tanda apa pun.",
    "CAS009": "tanpa catatan ini, renstra yang disimpan sebagai workbook di samping rencana YAML akan diam-diam tidak diperiksa; catatan ini menyatakan bahwa berkas itu terlihat dan mengapa tidak dibaca.",
    "CAS101": "baris rencana tanpa kolom wajibnya tidak dapat ditempatkan dalam cascading atau diukur, sehingga setiap pemeriksaan yang memerlukan kolom itu akan meloloskannya diam-diam.",
    "CAS102": "kolom yang salah eja adalah nilai yang diam-diam tidak ada, dan bersamanya hilang pula pemeriksaan yang membaca nilai itu.",
    "CAS103": "nilai dengan tipe yang salah dibuang, dan angka yang ditebak dari teks yang ambigu dapat meleset seribu kali lipat.",
    "CAS104": "nilai di luar himpunannya (jenis, polaritas, id atau kode daerah) membuat letak elemen dalam cascading, atau arahnya, tidak diketahui.",
    "CAS201": "rujukan ke id yang ganda tidak jelas menunjuk yang mana, sehingga setiap penelusuran melaluinya dapat mengikuti elemen yang salah.",
    "CAS202": "tautan ke sesuatu yang tidak ada bukanlah tautan: elemennya tampak tertaut di berkas padahal cascading-nya terputus.",
    "CAS203": "tautan mengarah ke atas cascading, jadi siklus berarti salah satunya mengarah ke bawah; tidak ada penelusuran melalui sasaran-sasaran itu yang mencapai tingkat nasional, dan setiap laporan yang menelusuri tautan ke atas berputar-putar.",
    "CAS204": "program yang digantung langsung di bawah misi melewati tujuan dan sasaran yang menjelaskan untuk apa program itu, sehingga hasilnya tidak dapat dijumlahkan tingkat demi tingkat seperti yang diminta tabel rencana.",
    "CAS205": "tautan ke samping atau ke bawah membalik hierarki (renstra tidak dapat menjadi alasan RPJMD-nya), dan tautan ke dokumen yang tidak dinyatakan rencana melompati tingkat di antaranya, sehingga cascading tidak dapat dibaca tingkat demi tingkat.",
    "CAS206": "menyelaraskan dengan RPJMD provinsi lain, atau renstra OPD dengan RPJMD kab/kota lain, biasanya berarti rencana disalin dari tetangga dan rujukannya tidak pernah diperbarui; sasarannya lalu melayani target pemerintah lain.",
    "CAS207": "rencana selaras dari periode lain menetapkan target untuk tahun-tahun lain, target di luar periode adalah sisa rencana sebelumnya atau salah ketik, dan baseline yang lebih lambat dari tahun pertama tidak dapat menjadi titik awal (kondisi awal, biasanya tahun sebelumnya) bagi target periode itu.",
    "CAS208": "rencana di bawah harus mengikuti rencana di atasnya bila rencana itu berubah. Permendagri 86/2017 mengatur tata cara RPJMD dan renstra, termasuk perubahannya; untuk 2025-2029 Inmendagri 2/2025 meminta setiap RPJMD diselaraskan dengan RPJMN 2025-2029, dan renstra mengikuti RPJMD dalam waktu satu bulan. Menurut PermenPANRB 6/2022 setiap rhk mengintervensi hasil kerja atasan, sehingga hasil di atas yang berubah mengubah apa yang dilayani target pegawai. Perangkat ketertelusuran (traceability) melakukan hal yang sama (suspect link pada Doorstop).",
    "CAS301": "sasaran yang tidak terikat rantai tautan apa pun ke prioritas nasional membelanjakan anggaran untuk sesuatu yang tidak pernah diminta rencana di atasnya, dan evaluator tidak dapat memperhitungkan hasilnya pada target atas mana pun. Hanya puncak setiap putusan yang dilaporkan agar satu tautan yang hilang tidak menenggelamkan laporan.",
    "CAS302": "bila sasaran tertaut tetapi indikatornya tidak, tidak ada yang dapat mengatakan seberapa besar hasil daerah menyumbang pada target atas; cascading hanya ada pada nama sasaran.",
    "CAS303": "sasaran atas yang tidak dilayani apa pun di bawahnya adalah janji tanpa program, pegawai atau anggaran di belakangnya; ia pasangan atas-ke-bawah dari elemen yatim.",
    "CAS304": "sasaran tanpa indikator tidak dapat diukur, sehingga capaian dan sumbangannya ke atas tidak dapat dievaluasi.",
    "CAS305": "setiap unit OPD ada karena tupoksinya; unit yang tidak memiliki program, kegiatan atau sub kegiatan dan pegawainya tidak memegang rhk mengerjakan hal yang tidak tampak dalam rencana kinerja.",
    "CAS306": "target pegawai (rencana hasil kerja) harus diturunkan dari sesuatu: milik kepala OPD dari renstra atau perjanjian kinerja (supports), milik pegawai lain dari rhk atasan (parent); bila tidak, pekerjaannya nyata tetapi tidak dihitung untuk sasaran mana pun.",
    "CAS307": "sasaran yang cascading-nya berhenti sebelum rhk pegawai mana pun bukan pekerjaan siapa pun; evaluasi SAKIP meminta cascading sampai ke pegawai perorangan.",
    "CAS401": "tautan indikator lalu bertentangan dengan tautan elemen; elemennya diletakkan di bawah sasaran yang salah, atau indikatornya mengklaim sumbangan yang tidak diberikan sasarannya.",
    "CAS402": "\"Tingkat Kemiskinan\" daerah dalam jiwa di bawah yang nasional dalam % tidak dapat dijumlahkan, dibandingkan atau dilaporkan ke atas; rantainya tampak selaras tetapi mengukur dua hal berbeda.",
    "CAS403": "capaian dihitung dari polaritas (realisasi/target untuk positive, target/realisasi untuk negative); dengan polaritas berlawanan hasil yang sama dinilai berhasil di bawah dan gagal di atas.",
    "CAS404": "indikator keluaran pada sasaran (atau indikator proses pada program) mengukur apa yang dikerjakan, bukan apa yang berubah; auditor menandainya sebagai \"indikator tidak berorientasi hasil\".",
    "CAS405": "rencana daerah yang membidik di bawah target nasional tidak dapat memenuhi bagiannya; daerah yang mulai jauh di belakang tidak dapat mencapai tingkat nasional dalam satu periode, dan dinilai dari seberapa besar bagian upaya nasional yang direncanakannya.",
    "CAS406": "kota yang target stuntingnya naik tidak dapat mendukung target provinsi yang harus turun, apa pun label polaritasnya.",
    "CAS407": "unit hanya dapat bertanggung jawab atas hasil dalam tupoksinya, dan hasil pegawai diturunkan dari atasan di garisnya sendiri, bukan dari kepala bidang lain.",
    "CAS408": "crosscut ke tingkat lain menyembunyikan tautan supports dari aturan elemen yatim dan cakupan, dan crosscut ke daerah lain mengklaim sumbangan yang tidak ada dalam rencana daerah itu sendiri.",
    "CAS409": "satu rencana tidak dapat menjanjikan dua nilai untuk satu besaran pada tahun yang sama; kondisi akhir di tabel tujuan dan target terakhir di tabel sasaran disalin dari draf yang berbeda, dan mana yang dievaluasi menjadi untung-untungan.",
    "CAS501": "angka tanpa satuan tidak dapat dibandingkan, dijumlahkan atau diverifikasi; \"72\" yang sama bisa persentase, jumlah atau skor.",
    "CAS502": "tanpa titik awal tidak ada yang dapat mengatakan apakah targetnya ambisius, datar atau sudah tercapai.",
    "CAS503": "tahun tanpa target tidak dapat dievaluasi, dan rencana tahunan (RKPD, Renja, PK) mengambil targetnya dari kolom-kolom ini.",
    "CAS504": "kolom kondisi akhir adalah janji rencana di akhir periode; bila tidak sesuai dengan jalur tahunan, salah satunya salah ketik dan evaluator tidak dapat mengetahui yang mana.",
    "CAS505": "polaritasnya salah (dan setiap capaian yang dihitung darinya terbalik) atau rencananya memang membidik keadaan yang memburuk.",
    "CAS506": "bagian tidak dapat melebihi keseluruhan atau kurang dari nol; 120 biasanya jumlah atau indeks dengan satuan yang salah, atau laju pertumbuhan yang memerlukan satuannya sendiri.",
    "CAS507": "\"% sosialisasi terlaksana\" mengukur kegiatan instansi, bukan perubahan di masyarakat yang dijanjikan sasaran; auditor mencantumkannya di antara temuan yang lazim.",
    "CAS508": "satuan yang bertentangan dengan nama berarti targetnya bukan besaran yang disebut; angkanya tidak dapat dievaluasi.",
    "CAS509": "dengan polaritas yang salah, capaian dihitung terbalik: angka kemiskinan yang turun di bawah target terbaca sebagai kegagalan.",
    "CAS510": "IKU dilaporkan setiap tahun dengan tolok ukur yang sama; tanpa definisi operasional (rumus) dan sumber data, angka tiap tahun mungkin dihitung berbeda.",
    "CAS511": "rentang seperti itu tidak menjanjikan apa pun: setiap nilai berada di luarnya. Biasanya kedua batasnya tertukar, dan setiap aturan angka membacanya dengan salah.",
    "CAS512": "rencana yang targetnya lebih buruk dari titik awalnya menjanjikan kemunduran: angka kematian ibu (AKI) 93,65 dengan target 115 sampai 95, atau balita gizi buruk 1,2% dengan setiap target 2%. Baseline atau targetnya salah, dan evaluasi (capaian) membaca keberhasilan yang tidak ada.",
    "CAS513": "angka yang disimpan sebagai teks tidak pernah dibandingkan dengan baseline-nya, target atasnya atau 100%, sehingga cacat terburuk sebuah rencana (target yang tertinggal dari baseline) tetap tidak terlihat.",
    "CAS514": "apakah kenaikan berarti kemajuan atau kemunduran bergantung pada polaritas; tanpanya cacat terburuk sebuah rencana, target yang tertinggal dari baseline, tidak dapat dilihat, dan capaian tidak dapat dihitung.",
    "CAS516": "uang tanpa indikator tidak dapat dipertanggungjawabkan: SAKIP menilai hasil yang diperoleh dengan anggaran (value for money), dan program atau kegiatan yang didanai tanpa sesuatu untuk diukur adalah hal pertama yang ditandai evaluator.",
    "CAS601": "kode yang salah eja tidak cocok dengan entri nomenklatur mana pun, sehingga elemennya tidak dapat ditelusuri ke urusan, program atau tabel SIPD, dan aturan kode lainnya tidak dapat memeriksanya.",
    "CAS602": "kegiatan yang diberi kode program (atau sebaliknya) biasanya baris yang bergeser di lembar kerja asal rencana; elemennya lalu mengklaim anggaran dan indikator tingkat lain.",
    "CAS603": "nomenklatur memiliki lampiran terpisah per tingkat pemerintahan; kegiatan provinsi dalam rencana kota adalah urusan yang bukan kewenangan kota, dan SIPD menolaknya.",
    "CAS604": "pohon elemen dan pohon nomenklatur harus sepakat; kegiatan di bawah program yang salah memindahkan anggaran dan hasilnya ke akun program lain.",
    "CAS605": "nomor bidang berlaku global: 1.07 bukan \"bidang ketujuh urusan 1\" melainkan kode yang tidak ada, biasanya salah ketik dari 2.07 (tenaga kerja).",
    "CAS701": "LKjIP membandingkan realisasi setiap tahun dengan targetnya dan dengan tahun-tahun sebelumnya; tahun yang dibiarkan kosong di tengah deret justru menyembunyikan tahun yang bermasalah.",
    "CAS702": "capaian yang rendah adalah hal yang diminta evaluasi (dan reviu LKjIP oleh inspektorat) untuk dijelaskan instansi; mencantumkannya dalam peninjauan menjaga penjelasan tetap berada di samping angkanya.",
    "CAS703": "7310 yang diketik untuk 73,10 menghasilkan capaian 10.000 dan menyeret setiap rekapitulasi di atasnya; kesalahan itu harus ditangkap di tempat ia ditulis, bukan di tabel yang sudah diterbitkan. Sampai diperbaiki, capaian tidak dihitung darinya (cascade capaian menampilkan realisasinya dengan catatan implausible), sehingga tidak ada rata-rata, peta panas atau nilai SAKIP yang menghitungnya.",
    "CAS704": "cascading adalah klaim bahwa program-program menggerakkan hasil (outcome). Bila setiap program memenuhi targetnya dan hasilnya tidak bergerak, programnya (atau indikatornya) keliru; bila hasilnya bergerak sementara setiap program gagal, hasil itu bergerak karena sebab lain. Bagaimanapun juga, renstra berikutnya perlu memikirkan ulang pohon kinerjanya, dan tidak ada perangkat lain yang menunjukkannya.",
    "CAS705": "cakupan yang dibangun tahun demi tahun (rumah tangga dengan akses air minum, desa yang memiliki rencana) tidak turun kecuali definisi datanya berubah atau datanya salah dimasukkan; pemantauan SIPD menandai hal yang sama.",
    "CAS706": "baris LKjIP yang dicocokkan dengan indikator yang salah menaruh realisasi satu indikator pada indikator lain, sehingga setiap capaian, kategori dan rekapitulasi di atasnya salah tanpa tanda apa pun; baris yang tidak cocok dengan apa pun diam-diam membuang nilai yang sudah diukur dari evaluasi.",
    "CAS707": "capaian yang tercetak itulah yang dibaca pembaca LKjIP, evaluator dan DPRD; salah hitung, rumus yang diterapkan terbalik untuk indikator yang makin rendah makin baik, atau baris yang kacau mengubah kategori yang dilaporkan instansi, dan tidak ada yang menghitungnya ulang secara manual.",
    "CAS901": "pengecualian yang tertinggal setelah cacatnya diperbaiki akan diam-diam menyembunyikan cacat berikutnya dari aturan itu di baris itu.",
    "CAS902": "penekanan yang menyeluruh atau salah eja menyembunyikan setiap cacat di masa depan, atau tidak menyembunyikan apa pun sambil tampak seolah-olah menyembunyikannya.",
    "CAS903": "peninjau sebaiknya membaca alasan sebuah celah yang disengaja, bukan cacatnya, dan celah itu harus tetap terlihat (dibenarkan, bukan gagal) alih-alih dibungkam.",
}

BODY_ID: dict[str, str] = {
    "CAS001": """\
Dilaporkan pada baris dan kolom tempat parser berhenti, beserta pesan kesalahannya. Berkas itu tidak
menghasilkan dokumen; bagian lain ruang kerja tetap diperiksa (rujukan ke dokumen yang rusak itu
lalu dihitung sebagai rujukan eksternal). Kunci mapping yang bukan teks (list atau mapping di YAML;
``None``, bytes atau float di dict yang diberikan ke ``cascade.load``) dilaporkan pada kunci itu, dan
kunci itu tidak dipakai; bagian lain mapping-nya tetap diperiksa dan dipertahankan. Ini kesalahan
pembacaan: selalu dilaporkan, sebagai error, apa pun kata ``select``, ``ignore``, ``[severity]``,
komentar penekanan, ``per-file-ignores`` atau baseline.""",
    "CAS002": """\
Pembaca YAML biasa diam-diam mempertahankan nilai terakhir, sehingga blok yang ditempel dapat
menimpa sebuah target tanpa disadari siapa pun. cascade mempertahankan nilai pertama dan melaporkan
kunci yang berulang beserta baris kunci pertama. Dua kunci ``targets`` yang bermakna tahun yang sama
(``2019`` dan ``02019``, ``2_019``, ``+2019``, ``2019.0``) juga merupakan kunci ganda: model hanya
akan mempertahankan satu tahun.""",
    "CAS003": """\
Alias membuat satu nilai berlaku di beberapa tempat, sehingga perubahan di satu tempat mengubah
target di tempat lain; alias juga cara berkas "billion laughs" meledakkan pembaca YAML. cascade
tidak pernah menjabarkan alias: nilainya dibaca sebagai tidak ada dan aliasnya dilaporkan.""",
    "CAS004": """\
Tag meminta pembaca YAML membangun objek; dalam pipeline peninjauan yang berjalan atas pull request
yang tidak tepercaya, hal itu berarti menjalankan kode. cascade tidak membangun apa pun dari tag:
nilainya dibaca sebagai teks apa adanya, dan tag-nya dilaporkan.""",
    "CAS005": """\
Batas-batas ini menjaga agar satu berkas yang rusak atau berniat jahat tidak menghentikan seluruh
peninjauan: berkas itu dilaporkan dan dilewati, sisa ruang kerja tetap diperiksa. Nilai bawaan:
32 MiB per berkas, kedalaman bersarang 48, 4.000.000 event YAML per berkas, 65.536 karakter per
baris (untuk dokumen yang diberikan sebagai dict: per teks, nilai maupun kunci, dengan batas
kedalaman dan simpul yang sama). Juga dilaporkan dan tidak dibaca: FIFO atau berkas perangkat
(device) bernama ``*.yaml``, berkas yang ditemukan dalam folder yang merupakan tautan simbolik ke
luar folder itu (tanpa
pembatasan ini, sebuah pull request dapat mengarahkannya ke rahasia mesin yang memeriksanya), dan
workbook (``.xlsx``) bila extra ``xlsx`` (openpyxl) tidak terpasang: sisanya tetap diperiksa.
Ini kesalahan pembacaan: selalu dilaporkan, sebagai error, apa pun kata ``select``, ``ignore``,
``[severity]``, komentar penekanan, ``per-file-ignores`` atau baseline.""",
    "CAS006": """\
cascade membacanya sebagai teks yang tertulis (``1.10`` tetap ``1.10``), tetapi spreadsheet, portal
dan ``yaml.safe_load`` mengubah ``1.10`` menjadi ``1.1``, ``010`` menjadi ``8``, ``no`` menjadi
``False`` dan ``35.20`` menjadi ``35.2``: kode nomenklatur atau kode daerah berubah tanpa disadari.
Beri tanda kutip.""",
    "CAS007": """\
Temuan ditempatkan pada sel (``file`` adalah workbook-nya, ``line`` barisnya, ``column`` kolomnya,
``cell`` dalam bentuk ``"Sheet!E14"``; pada CSV, ``line`` dan ``column`` adalah letak karakter sel
itu di dalam berkas). Yang dilaporkan: angka yang ditulis sebagai teks dan dapat
dibaca dua cara karena locale angka tidak dinyatakan (``1.234`` bernilai 1234 dalam tabel berbahasa
Indonesia, tetapi 1,234 dalam tabel berbahasa Inggris), angka yang ditulis menyalahi locale yang
dinyatakan (``3.5`` dalam tabel yang dibaca dengan ``locale: id``, padahal di sampingnya tertulis
``3,5``), angka yang ditulis dengan digit non-ASCII (``７２`` lebar penuh, ``٧٢`` Arab-Indik: Python
membacanya, YAML dan spreadsheet tidak; pesannya memberi ejaan ASCII-nya), teks di tempat yang
seharusnya berisi jumlah, rumus (cascade tidak pernah menghitung
rumus; tempelkan nilainya), dan satu indikator yang sel-selnya memuat satuan berbeda yang menempel
pada angkanya (``72%`` di samping ``72 orang``). Nilainya dihilangkan alih-alih ditebak; bagian lain
tabel tetap dibaca.""",
    "CAS008": """\
Yang dilaporkan: sidecar tanpa blok ``document:``, layout yang tidak dikenal, sheet yang tidak ada
di workbook, tidak ada baris judul kolom (header) yang dikenali layout, tabel kedua pada sheet yang
sama di bawah tabel pertama (tabel pertama dibaca; sebut tabel kedua dengan ``range:`` dalam entri
sidecar tambahan), baris indikator tanpa sel elemen di atasnya (tidak dibaca, tetapi tidak pernah
dibuang diam-diam), dan entri ``links:`` yang menyebut id elemen yang tidak dihasilkan tabel itu.
Dalam tabel realisasi (``layout: realisasi``): kolom target, realisasi atau capaian yang judulnya
tidak menyebut tahun padahal sidecar tidak memberikan ``year:``, dua kolom yang memberikan jenis
nilai yang sama untuk tahun yang sama, baris berisi nilai tanpa nama indikator, dan entri ``names:``
yang tidak dicetak baris mana pun.""",
    "CAS009": """\
Sebuah tabel baru menjadi rencana bila sidecar ``<name>.cascade.yaml`` ada di sampingnya (berisi
blok ``document:`` dan ``layout:``); spreadsheet lain dalam repositori rencana (catatan, hasil
ekspor) dilewati dengan catatan ini, tidak pernah sebagai kesalahan. Tulis sidecar-nya agar tabel
itu diperiksa, atau biarkan catatan ini.""",
    "CAS101": """\
Yang wajib: ``document.id``, ``kind``, ``title``, ``period`` (``start``, ``end``); ``region`` untuk
rpjmd, renstra dan skp; ``agency`` untuk renstra dan skp; ``id``, ``kind`` dan ``name`` sebuah
elemen; ``id`` dan ``name`` sebuah indikator; ``id`` dan ``name`` sebuah unit organisasi;
``employee`` pada setiap ``rhk`` skp beserta ``nip``, ``name`` dan ``unit``-nya. Teks wajib yang
kosong atau hanya berisi spasi (``name: ""``, isian formulir web yang kosong) juga dianggap tidak ada
(varian ``blank``). Butir tanpa id,
kind atau name-nya tidak dimasukkan ke dalam graf (rujukan ke butir itu lalu gagal); nilai salah
lainnya hanya menghilangkan nilai itu sendiri.""",
    "CAS102": """\
``satuan``/``unti`` yang salah tulis bukan sekadar tambahan yang tidak berbahaya: nilai yang hendak
diisinya tidak ada, dan bersamanya hilang satu pemeriksaan utuh. Nama kolom berbahasa Indonesia yang
lazim ditulis perencana (``satuan``, ``target``, ``indikator``) dipetakan ke nama Inggrisnya dalam
petunjuk (hint). Kolom yang hanya diizinkan pada jenis dokumen tertentu (``employee`` di skp,
``owner`` di renstra dan skp, ``organization`` di renstra) dilaporkan bila muncul di jenis dokumen
lain.

Nilai tanpa tanda kutip yang memuat koma di dalam flow mapping (``{name: Dinas Kesehatan, Kab. X}``)
dipecah oleh YAML: ``Kab. X`` menjadi kolom tanpa nilai. Bila kolom yang tidak dikenal itu tidak
bernilai, berada di baris kolom sebelumnya, dan kolom sebelumnya itu berisi teks, pesannya meminta
nilai itu diberi tanda kutip (``name: "Dinas Kesehatan, Kab. X"``) alih-alih mencantumkan kolom yang
diizinkan.""",
    "CAS103": """\
``"72,6"`` (koma desimal) dan ``"1.234"`` (titik sebagai pemisah ribuan, atau titik desimal?) tidak
pernah ditebak: pesannya menyebutkan cara menulis angka itu (``72.6``, ``1234``). Desimal bertanda
kutip yang hanya dapat dibaca dengan satu cara (``"72.6"``) diterima sebagai angka.""",
    "CAS104": """\
Yang diperiksa: jenis dokumen dan elemen, ``type`` dan ``polarity`` indikator, ``level`` unit
organisasi, sintaks id (id dokumen ``[a-z0-9][a-z0-9._-]*``, id lokal
``[A-Za-z0-9][A-Za-z0-9._-]*``), rujukan (``document-id:local-id``), kode daerah (``NN`` atau
``NN.NN``, digit ASCII), serta ``period`` yang berakhir sebelum dimulai atau mencakup lebih dari 30
tahun (``cascade.core.models.MAX_PERIOD_YEARS``: rencana terpanjang, RPJPN/RPJPD, mencakup 20 tahun;
tanpa batas ini, salah ketik seperti ``end: 20244`` akan meminta 18.000 target tahunan). Dokumen
dengan periode seperti itu tidak memiliki tahun: tidak ada target yang diminta. Kunci tahun
``targets`` yang tidak ditulis polos (``02019``, ``2_019``, ``+2019``, ``2019.0``, ``" 2019"``)
dilaporkan beserta ejaan yang harus dipakai, dan kunci yang bukan tahun empat digit (``-2019``,
``0``) dilaporkan dan tidak dipakai; dua kunci yang bermakna tahun yang sama adalah CAS002.
``nip`` pegawai skp yang bukan 18 digit ASCII (NIP dari BKN: tanggal lahir 8, TMT CPNS tahun-bulan
6, jenis kelamin 1, nomor urut 3; hanya bentuknya yang diperiksa) dilaporkan dengan nilainya
disamarkan seluruhnya kecuali dengan ``--show-personal``, sebagaimana setiap keluaran menyamarkan
``nip`` dalam bentuk apa pun.""",
    "CAS201": """\
Elemen dan indikator berbagi satu ruang id lokal per dokumen; unit organisasi memiliki ruang id
sendiri. Definisi pertama dipertahankan dalam graf; definisi yang berulang dilaporkan dan tidak
dimasukkan.""",
    "CAS202": """\
Rujukan ke dokumen di ruang kerja harus menyebut elemen (atau, dari indikator, indikator) dokumen
itu; rujukan unit harus menyebut unit organisasi dokumen itu atau renstra yang menjadi acuan
penyelarasannya. Rujukan ke dokumen yang tidak ada di ruang kerja bersifat *eksternal*: tidak dapat
diperiksa dan tidak dilaporkan, sehingga renstra satu OPD dapat diperiksa hanya bersama RPJMD-nya.
Entri ``aligns_to``, atau ``for`` dokumen realisasi, yang menyebut dokumen yang tidak ada hanya
dilaporkan bila tampak seperti salah ketik dari dokumen yang ada (paling banyak dua huruf berbeda),
sehingga berkas realisasi dapat diperiksa sendirian.""",
    "CAS203": """\
Memeriksa tautan ``parent`` dan ``supports`` elemen, tautan ``supports`` indikator, dan tautan
``parent`` unit organisasi. Setiap siklus (komponen terhubung kuat dari tautan-tautan itu, ditemukan
dalam waktu linear) dilaporkan sekali, pada anggota pertamanya menurut urutan berkas dan baris, di
tautan yang keluar darinya, dengan menyebut semua anggotanya; elemen yang menjadi parent bagi
dirinya sendiri adalah siklus beranggota satu.""",
    "CAS204": """\
Di dalam satu dokumen, ``parent`` membentuk pohon jenis-jenis elemen dokumen itu, dari atas ke bawah
(rpjmn: prioritas_nasional > program_prioritas > kegiatan_prioritas > proyek_prioritas; rpjmd: misi
> tujuan > sasaran > program; renstra: tujuan > sasaran > program > kegiatan > sub_kegiatan). Parent
sebuah elemen harus tepat berjenis satu tingkat di atas jenisnya sendiri; jenis teratas tidak
memiliki parent; ``rhk`` skp memiliki parent berupa ``rhk`` (hasil kerja atasan yang
diintervensinya). Parent di dokumen lain (ada di ruang kerja atau tidak) dilaporkan: tautan seperti
itu adalah ``supports``. Elemen dengan jenis yang tidak dikenal (CAS104) tidak diperiksa lagi;
elemen yang menjadi parent bagi dirinya sendiri adalah CAS203.""",
    "CAS205": """\
Tautan ``supports`` menaiki cascading: rpjmn (tingkat 0) > rpjmd provinsi (1) > rpjmd kab/kota (2) >
renstra (3) > skp (4). Tautan ``supports`` sebuah elemen harus menyebut elemen pada tingkat yang
lebih tinggi; ``supports`` sebuah indikator boleh juga menyebut indikator dalam dokumennya sendiri
(indikator program yang mendukung indikator sasarannya), tetapi tidak pernah indikator dokumen lain
pada tingkat yang sama atau lebih rendah. Di dalam satu dokumen, pohonnya dibentuk ``parent``;
antar-OPD dalam satu daerah, oleh ``crosscuts``. Setiap dokumen yang dituju, baik ada di ruang kerja
maupun tidak, harus tercantum dalam ``aligns_to`` dokumen asal, tempat sebuah rencana menyatakan
dari rencana mana cascading-nya diturunkan. Renstra yang menyatakan ``document.part_of`` (rencana
UPT atau Puskesmas di bawah Dinasnya) boleh bertaut ke renstra yang menaunginya: tautan itu tidak
dianggap menyamping, juga tidak dianggap menuju dokumen yang tidak dinyatakan. Rujukan yang tidak
menunjuk apa pun adalah CAS202, bukan aturan ini. Bila ``justification`` ditulis pada elemen (atau
pada elemen pemilik indikator itu), temuannya menjadi CAS903.""",
    "CAS206": """\
Dokumen kab/kota boleh diselaraskan dengan RPJMN, dokumen daerahnya sendiri, dan RPJMD provinsi
tempat kode daerahnya berada (``33.10`` berada di ``33``); renstra atau skp diselaraskan dengan
dokumen daerahnya sendiri (dan, seperti daerahnya, dengan provinsinya dan RPJMN). Dokumen yang tidak
ada di ruang kerja tidak dapat diperiksa dan tidak dilaporkan.""",
    "CAS207": """\
Dalam praktik, periode rencana yang diselaraskan memang bergeser (RPJMD Kota Madiun 2019-2024
terhadap RPJMN 2020-2024), sehingga hanya dokumen yang periodenya tidak beririsan satu tahun pun
yang dilaporkan. Setiap tahun target di luar periode dokumen dilaporkan pada kuncinya; baseline
dilaporkan bila tahunnya lebih lambat dari tahun pertama periode. Baseline pada tahun pertama
periode diterima: tabel "RPJMD 2014-2019" memberikan kondisi awal 2014 dan target 2015-2019 (CAS503
lalu tidak meminta target untuk 2014).""",
    "CAS208": """\
``cascade.lock`` mencatat, untuk setiap elemen dan indikator yang dituju tautan ``supports``, sidik
jari (fingerprint) dari hal yang diandalkan rencana di bawahnya: jenis dan nama elemen; nama,
satuan, polaritas dan target indikator (beserta ``final``). Bila butir di atas berubah (target RPJMD
diturunkan, sasaran diganti namanya, satuan diubah), setiap tautan ke butir itu menjadi *suspect*
(patut diperiksa): elemen atau indikator di bawahnya mungkin tidak lagi melayani hal yang menjadi
alasan penulisannya. Seseorang memeriksa tautan itu (``cascade diff`` menunjukkan apa yang berubah),
menyesuaikan rencana di bawahnya bila perlu, dan mencatat peninjauannya dengan
``cascade review --accept REF``; perubahan berkas lock itu lalu menjadi bagian dari pull request.

Tautan ke butir yang belum dikenal berkas lock juga dilaporkan (varian ``unreviewed``): butir itu
ditambahkan, atau pertama kali ditautkan, setelah berkas lock ditulis. Masalah pada berkas lock itu
sendiri (baris yang bukan ``REF FINGERPRINT``, entri ganda, berkas terlalu besar) menjadi temuan
aturan ini yang ditempatkan di berkas lock, tidak pernah menghentikan cascade (crash). Tanpa berkas
lock aturan ini diam: aturan ini bersifat opt-in, diaktifkan dengan ``cascade review --init``.

Hanya tautan ``supports`` yang dilacak: tautan itu melintas dari satu rencana ke rencana di atasnya,
yang direvisi menurut jadwalnya sendiri. Tautan ``parent`` tetap berada di dalam satu dokumen, yang
perubahannya ditinjau bersama-sama.""",
    "CAS301": """\
Sebuah elemen terjangkau bila ia elemen RPJMN, bila ia bertaut ke dokumen yang tidak ada di ruang
kerja (tautan itu dipercaya), atau bila tautan ``parent``, ``supports`` atau ``crosscuts``
mengantarnya ke elemen yang terjangkau. Yang tidak terjangkau dilaporkan sekali, pada puncak setiap
subpohon yang terputus (elemen yang tautan ke atasnya tidak mengarah ke elemen tak terjangkau lain;
untuk siklus yang terputus, anggota pertamanya), beserta jumlah elemen di bawahnya (turunan melalui
``parent`` dan ``supports``) dan jumlah indikator pada elemen itu dan di bawahnya yang ikut terputus
bersamanya. Setiap elemen yang terputus dihitung di bawah satu puncak saja (yang pertama menurut
urutan berkas), sehingga hitungannya dapat dijumlahkan. Bila ``justification`` ditulis pada elemen
puncak, temuannya menjadi CAS903.""",
    "CAS302": """\
Setiap indikator di bawah prioritas nasional seharusnya menyebut, dalam ``supports``, indikator atas
yang didukungnya (dalam dokumen di atasnya, atau di dalam dokumennya sendiri, indikator sasaran yang
didukung sebuah indikator program). Rujukan ke dokumen yang tidak ada di ruang kerja tetap dihitung.
Indikator yang semua ``supports``-nya tidak menunjuk apa pun (CAS202) juga yatim. Indikator
prioritas nasional, puncak cascading, tidak diperiksa. Bila ``justification`` ditulis pada elemen
pemilik indikator itu, temuannya menjadi CAS903.""",
    "CAS303": """\
Tiga kasus, masing-masing dipilih agar ruang kerja yang belum lengkap tidak tenggelam dalam temuan:

1. elemen di atas jenis terdalam yang dipakai dokumennya (sasaran dalam renstra yang memiliki
   program, program prioritas dalam RPJMN yang mencantumkan kegiatan prioritas) tanpa anak
   (``parent``) dan tanpa pendukung di bawahnya (``supports`` atau ``crosscuts``); dokumen yang
   berhenti pada satu tingkat (petikan RPJMN sampai kegiatan prioritas) tidak diharapkan lebih
   dalam;
2. prioritas nasional yang seluruh subpohonnya tidak menerima ``supports`` dari elemen RPJMD mana
   pun, hanya bila sedikitnya satu RPJMD yang diselaraskan dengan RPJMN itu ada di ruang kerja
   (prioritas nasional yang tidak dilayani daerah mana pun);
3. IKU (``key: true``) sebuah elemen yang didukung dari dokumen di bawahnya, sementara tidak ada
   indikator dokumen di bawahnya yang mendukung IKU itu (elemennya di-cascade, ukuran kuncinya
   tidak); indikator RPJMN diserahkan ke kasus 2, karena tidak ada satu daerah pun yang memikul
   setiap indikator nasional.

Bila ``justification`` ditulis pada elemen, temuannya menjadi CAS903.""",
    "CAS304": """\
Memeriksa elemen dengan jenis-jenis tersebut di setiap dokumen; misi dan prioritas RPJMN
dikecualikan (RPJMN menetapkan indikator di tempat yang dipilihnya sendiri). Bila ``justification``
ditulis pada elemen, temuannya menjadi CAS903.""",
    "CAS305": """\
Memeriksa setiap unit dalam ``organization`` sebuah renstra: unit itu menganggur bila tidak ada
elemen yang menyebutnya, atau unit mana pun di bawahnya (melalui ``parent`` unit), sebagai
``owner``, dan tidak ada ``employee.unit`` rhk yang menyebutnya. Unit yang pekerjaannya dipikul
sub-unitnya tidak menganggur: Kepala Dinas atau Sekretariat biasanya tidak memiliki elemen sendiri,
dan tanpa ketentuan ini unit pimpinan akan dilaporkan setiap kali SKP tidak ikut diperiksa.""",
    "CAS306": """\
Sebuah rhk dilaporkan bila tidak memiliki tautan ``parent`` maupun ``supports`` yang menunjuk
sesuatu yang ada atau mengarah ke dokumen yang tidak ada di ruang kerja. Bila ``justification``
ditulis pada rhk, temuannya menjadi CAS903.""",
    "CAS307": """\
Cascading di bawah sebuah sasaran adalah segala sesuatu yang mencapainya melalui ``parent``,
``supports`` atau ``crosscuts``, secara transitif: program, kegiatan dan sub kegiatannya serta rhk
yang mendukungnya. Hanya diperiksa bila ada skp yang diselaraskan dengan renstra itu di ruang kerja,
sehingga renstra yang diperiksa sendirian tidak dilaporkan. Bila ``justification`` ditulis pada
sasaran, temuannya menjadi CAS903.""",
    "CAS401": """\
Untuk indikator I milik elemen E yang mendukung indikator J milik elemen F, F harus merupakan
leluhur E melalui tautan elemen ``parent``, ``supports`` dan ``crosscuts``: tautan indikator harus
mengikuti jalur yang sudah digambar tautan elemen. F yang sama dengan E juga dilaporkan (indikator
tidak dapat mendukung indikator elemennya sendiri). Tautan langsung E diperiksa lebih dulu, lalu
penelusuran melebar (breadth-first) ke atas dari E (dibatasi 32 tautan dan 2.000 elemen; penelusuran
yang mencapai batas, atau yang melewati elemen yang bertaut ke dokumen yang tidak ada di ruang
kerja, tidak dapat disimpulkan dan tidak melaporkan apa pun).""",
    "CAS402": """\
Untuk tautan ``supports`` indikator antardokumen pada tingkat berbeda yang kedua ujungnya mengukur
besaran yang sama, satuannya harus sama setelah huruf besar-kecil dan spasi dinormalkan, atau
termasuk dalam satu kelompok ejaan yang setara.

Opsi ``equivalent_units`` (bawaan ``[["%", "persen", "percent", "prosen"]]``): kelompok-kelompok
nama satuan yang bermakna sama. Nilai yang diberikan pengguna menggantikan bawaan, jadi untuk
menambah kelompok, sertakan juga kelompok bawaan
(``[["%", "persen", "percent", "prosen"], ["orang", "jiwa"]]``). CAS405 hanya membandingkan target
antarsatuan yang dianggap sama oleh opsi ini.""",
    "CAS403": """\
Untuk tautan ``supports`` indikator yang kedua ujungnya mengukur besaran yang sama, satu
``positive`` (makin tinggi makin baik) dan yang lain ``negative`` (makin rendah makin baik) adalah
pertentangan. ``stable`` terhadap salah satunya tidak dianggap berlawanan dan tidak dilaporkan.
Indikator tanpa ``polarity`` memakai polaritas yang dibaca dari namanya
(modul :mod:`cascade.core.polarity`), atau tidak berpolaritas (tidak dibandingkan); sedikitnya satu
ujung harus menyatakan polaritasnya. Temuan ditempatkan pada ``polarity`` indikator bawah, atau pada
indikatornya bila polaritasnya dibaca dari nama (pesannya lalu menyebutkan hal itu).""",
    "CAS404": """\
Jenis yang diharapkan: tujuan ``impact``; sasaran dan program ``outcome``; kegiatan dan sub_kegiatan
``output``. Diperiksa pada elemen dokumen rpjmd dan renstra dengan jenis-jenis tersebut, untuk
indikator yang menyatakan ``type``. Program Penunjang Urusan Pemerintahan Daerah (kode program yang
bagian ketiganya ``01``, misalnya ``1.02.01``), beserta kegiatan dan sub_kegiatannya, dikecualikan:
indikatornya memang wajar berupa keluaran administratif. Elemen tanpa kode dinilai menurut kode
leluhur program/kegiatan terdekatnya. Jenis RPJMN, misi dan rhk tidak diperiksa.""",
    "CAS405": """\
Untuk tautan ``supports`` indikator antartingkat yang kedua ujungnya mengukur besaran yang sama,
berpolaritas sama (``positive`` atau ``negative``; ``stable`` dilewati; ujung tanpa polaritas yang
dinyatakan memakai polaritas yang dibaca dari namanya, dan cukup satu ujung yang diketahui, karena
keduanya mengukur besaran yang sama; pesannya menyebutkan bila polaritas dibaca dari nama) dan
bersatuan yang dianggap sama oleh ``equivalent_units`` CAS402, setiap tahun yang pada kedua ujungnya
memiliki target berupa angka dibandingkan:

- positive: target bawah harus mencapai ``ratio`` x target atas;
- negative: target bawah tidak boleh melebihi target atas / ``ratio``.

Target berupa rentang dihitung pada batasnya yang paling tidak ambisius menurut arahnya (``min``
bila makin tinggi makin baik, ``max`` bila makin rendah makin baik), di kedua ujung, sehingga
rentang hanya dituntut memenuhi apa yang pasti dijanjikannya. Target kualitatif dan target yang
tidak ada dilewati. Untuk nilai atas yang negatif, kelonggarannya dihitung dari nilai mutlaknya,
sehingga ambangnya selalu berada di sisi yang kurang ambisius dari nilai itu.

Daerah yang mulai dari belakang dinilai dari perubahan yang direncanakannya, bukan dari tingkatnya:
bila kedua ujung memiliki kondisi awal berupa angka sebelum tahun itu dan kondisi awal ujung bawah
sudah berada di sisi lemah aturan ini (kabupaten yang angka kemiskinannya mulai dari 15% di bawah
angka nasional 9%), indikator bawah harus merencanakan paling sedikit ``ratio`` x perbaikan yang
direncanakan indikator atas dari kondisi awalnya sampai tahun itu, dihitung dari kondisi awalnya
sendiri (varian ``-change`` menyebutkannya). Daerah yang mulai sejajar atau di depan dibandingkan
menurut tingkatnya seperti di atas.

Opsi ``ratio`` (bawaan ``0.9``): bagian dari target atas (atau dari perubahan yang direncanakannya)
yang dianggap selaras.""",
    "CAS406": """\
Untuk tautan ``supports`` indikator yang kedua ujungnya mengukur besaran yang sama dan ujung atasnya
``positive`` atau ``negative`` (dinyatakan, atau dibaca dari namanya: pesannya lalu menyebutkan hal
itu), jalur target indikator bawah (dari target angka pertamanya sampai yang terakhir, menurut
tahun) tidak boleh turun bila indikator atas positive, dan tidak boleh naik bila negative.
Tahun-tahun di antaranya tidak dinilai; rentang dihitung pada batas yang paling tidak ambisius
menurut arah indikator atas; target berupa teks dan tahun yang kosong dilewati; kurang dari dua
target angka tidak membentuk jalur. Bila indikator bawah berpolaritas sama dengan indikator atas,
cacat yang sama adalah CAS505 (path-against-polarity) pada indikator bawah, dan aturan ini diam;
aturan ini bersuara bila indikator bawah ``stable`` atau dinyatakan berlawanan (CAS403 lalu
melaporkan labelnya dan aturan ini targetnya).""",
    "CAS407": """\
Dua pemeriksaan:

- program, kegiatan atau sub_kegiatan dengan ``code`` yang berbentuk benar, yang unit ``owner``-nya
  mencantumkan ``bidang`` tetapi tidak satu pun sama dengan ``U.BB`` kode itu (unit tanpa ``bidang``
  tidak diperiksa);
- ``rhk`` skp yang ``parent``-nya (rhk atasan yang diintervensinya) dipegang pegawai yang unitnya
  bukan unit pemegang rhk itu sendiri dan bukan pula salah satu unit leluhurnya (rantai ``parent``
  unit); rhk yang unit pemegangnya tidak dapat ditemukan dilewati.""",
    "CAS408": """\
Crosscutting bersifat menyamping: satu hasil dilayani beberapa OPD dalam daerah yang sama, sehingga
tujuan tautan ``crosscuts`` harus berada dalam dokumen pada tingkat yang sama dan daerah yang sama.
Tautan ke atas atau ke bawah adalah ``supports``; tautan ke daerah lain adalah kerja sama yang tidak
dapat diperhitungkan rencana itu. Bila tingkatnya berbeda, hanya perbedaan tingkat itu yang
dilaporkan.""",
    "CAS409": """\
Untuk tautan ``supports`` indikator di dalam satu dokumen (indikator sasaran yang mendukung
indikator tujuannya), kedua ujungnya mengukur besaran yang sama bila keduanya memiliki ``measure``
yang sama, atau bila namanya sama (huruf besar-kecil, spasi dan tanda baca diabaikan) dan satuannya
sama (``equivalent_units`` CAS402). Nilai setiap ujung adalah ``final``-nya (kondisi akhir), atau
bila tidak ada, target tahun terakhirnya; tahunnya adalah tahun target terakhir (``final`` tanpa
target berakhir pada akhir periode). Bila keduanya berakhir pada tahun yang sama dengan angka (atau
rentang) yang berbeda, indikator bawah dilaporkan pada nilai akhirnya. Tautan antardokumen tidak
dibandingkan: target sebuah kota untuk ukuran yang sama memang wajar berbeda dari target provinsinya
(CAS405 yang menilainya).""",
    "CAS501": """\
Satuan yang kosong dianggap tidak ada.""",
    "CAS502": """\
Indikator dalam ``skp`` (indikator rhk) tidak diperiksa: formulir SKP (PermenPANRB 8/2021, Format
D.2.1) memiliki kolom target dan realisasi, tetapi tidak memiliki kondisi awal.""",
    "CAS503": """\
Setiap tahun dari ``period.start`` sampai ``period.end`` memerlukan target (untuk skp, yang
periodenya satu tahun, tahun itu). Target kosong (``2021:`` tanpa nilai) dianggap tidak ada; target
kualitatif (``WTP``) tetap target. Satu temuan per indikator mencantumkan tahun-tahun yang tidak
bertarget, pada ``targets``-nya (atau pada indikatornya bila tidak ada ``targets``).

Dua bentuk tabel nyata diterima:

- *kondisi awal pada tahun pertama*: tabel "RPJMD 2014-2019" memberikan kondisi awal 2014 dan target
  2015-2019. Bila tahun baseline adalah tahun pertama periode, tahun itu tidak memerlukan target
  (CAS207 juga menerima tahun baseline itu).
- *tujuan dengan kondisi awal dan akhir saja*: indikator ``tujuan`` yang memiliki ``final`` dan sama
  sekali tanpa ``targets`` adalah bentuk tabel tujuan "kondisi awal / kondisi akhir" dan tidak
  dilaporkan. Sasaran dan tingkat di bawahnya memerlukan target setiap tahun.""",
    "CAS504": """\
Tahun terakhir adalah tahun paling akhir yang memiliki target. Angka dibandingkan dengan toleransi
untuk galat pembulatan (floating point), rentang dibandingkan batas demi batas, teks harus persis
sama; angka terhadap rentang (atau teks) dianggap berbeda.""",
    "CAS505": """\
Polaritasnya adalah yang dinyatakan, atau bila tidak ada, yang dibaca dari nama
(modul :mod:`cascade.core.polarity`: "AKI", "Tingkat Kemiskinan" terbaca negative; "IPM" positive),
dan pesannya menyebutkan yang mana. Indikator yang polaritasnya tidak diketahui dilewati (CAS514
yang melaporkannya); polaritas tidak pernah dibaca dari target itu sendiri. Jalurnya berjalan dari
target angka pertama sampai yang terakhir, menurut tahun: indikator ``positive`` tidak boleh
berakhir di bawah titik awalnya, indikator ``negative`` tidak boleh berakhir di atasnya; ``stable``
tidak diperiksa, dan tahun-tahun di antaranya tidak dinilai. Rentang dihitung pada batasnya yang
paling tidak ambisius menurut polaritasnya (``min`` untuk positive, ``max`` untuk negative); target
berupa teks dan tahun yang kosong dilewati; kurang dari dua target angka tidak membentuk jalur.
Dilaporkan pada target terakhir.""",
    "CAS506": """\
Ejaan persen yang dikenali adalah ``%``, ``persen``, ``percent`` dan ``prosen`` (huruf besar-kecil
dan spasi diabaikan). Setiap batas rentang diperiksa sendiri-sendiri dan dilaporkan pada batas itu;
target berupa teks dilewati.""",
    "CAS507": """\
Indikator dianggap indikator hasil bila ``type``-nya ``impact`` atau ``outcome``, atau, bila tanpa
type, bila elemennya tujuan, sasaran atau program. Namanya lalu ditelusuri (huruf besar-kecil, spasi
dan tanda baca diabaikan; kata utuh) untuk mencari frasa-frasa pada opsi ``process_words``. Program
Penunjang Urusan Pemerintahan Daerah (program ``x.xx.01``) dan elemen di bawahnya dikecualikan:
indikatornya memang dirancang bersifat administratif.

Opsi ``process_words`` (bawaan: sosialisasi, rapat, fasilitasi, bimbingan teknis, bimtek,
terlaksananya, terselenggaranya, tersusunnya, jumlah dokumen, jumlah laporan, jumlah kegiatan):
daftar yang diberikan pengguna menggantikan bawaan.""",
    "CAS508": """\
Opsi ``name_units`` adalah tabel yang dibaca dari atas ke bawah; entri pertama yang frasa
``starts``-nya mengawali nama (huruf besar-kecil, spasi dan tanda baca diabaikan; kata utuh) yang
menentukan: ``allow`` mencantumkan satu-satunya satuan yang sesuai, ``deny`` satuan yang
bertentangan dengan nama. Tabel bawaan:

========================================================= ================================
nama diawali                                               satuan
========================================================= ================================
Persentase, Prosentase, Proporsi                           hanya ``%``/``persen``/``percent``/``prosen``
Angka Harapan Hidup, Rata-rata Lama Sekolah,               hanya ``tahun``
Harapan Lama Sekolah
Jumlah, Banyaknya                                          bukan satuan persen
Tingkat, Indeks, Rasio                                     bukan satuan hitungan (dokumen, laporan,
                                                           orang, jiwa, unit, buah, kegiatan, ...)
========================================================= ================================

"Tingkat", "Indeks" dan "Rasio" hanya menolak satuan hitungan: "Tingkat Kemiskinan" dinyatakan dalam
``%``, tetapi "Tingkat kepuasan" dapat berupa ``indeks`` dan "Rasio Gini" berupa ``rasio``,
``indeks`` atau ``poin``. Satuan dibandingkan setelah huruf besar-kecil dan spasi dinormalkan. Tabel
yang diberikan pengguna menggantikan bawaan; entrinya berbentuk
``{"starts": [...], "allow": [...]}`` atau ``{"starts": [...], "deny": [...]}``. Indikator tanpa
satuan menjadi urusan CAS501.""",
    "CAS509": """\
Nama dibaca dengan tabel polaritas (modul :mod:`cascade.core.polarity`; huruf besar-kecil, spasi dan
tanda baca diabaikan, kata utuh): kata atau singkatan yang makin rendah makin baik (kemiskinan,
stunting, kematian, AKI, AKB, TPT, Gini, ...) terbaca ``negative``, kecuali ada kata pembalik yang
menyebut upaya melawannya atau jangkauannya ("Persentase penurunan angka kemiskinan", "Cakupan
penanganan stunting", "Persentase penduduk di atas garis kemiskinan"); kata atau singkatan yang
makin tinggi makin baik (harapan hidup, IPM, UHH, PDRB, IKM, ...) terbaca ``positive``. Yang
dilaporkan hanya ``positive`` yang *dinyatakan* pada nama yang terbaca negative, atau ``negative``
yang dinyatakan pada nama yang terbaca positive. Indikator tanpa ``polarity`` tidak dilaporkan:
aturan yang memerlukan polaritasnya membacanya dari nama (dan CAS514 memberi tahu bila polaritas itu
tidak dapat dibaca).

Opsi (daftar yang diberikan pengguna menggantikan bawaan; opsi yang sama dipakai setiap aturan yang
membaca polaritas dari nama: CAS403, CAS405, CAS406, CAS505, CAS512, CAS514):

- ``negative_words``: kemiskinan, miskin, pengangguran, stunting, kematian, gini, gizi buruk, kumuh,
  putus sekolah, kriminalitas, kecelakaan, buta huruf, inflasi, prevalensi, balita pendek, gizi
  kurang, wasting, kasus;
- ``reversing_words``: penurunan, menurunnya, turunnya, berkurangnya, pengurangan, penanganan,
  penanggulangan, pencegahan, pengentasan, cakupan, ditangani, tertangani, terlayani, menerima,
  mendapat, mendapatkan, bebas, diatas, di atas, keberhasilan, kesembuhan, direhabilitasi, penerima,
  memperoleh;
- ``positive_words``: harapan hidup, lama sekolah, pembangunan manusia, pertumbuhan ekonomi,
  kepuasan, capaian, akreditasi, melek huruf, partisipasi;
- ``abbreviations``: peta singkatan ke ``negative`` atau ``positive``; bawaannya AKI, AKB, AKABA,
  AKN, TPT, TB, TBC, DBD, KLB, RTLH, Gini negative; AHH, UHH, IPM, IPG, IDG, PDRB, IKM, SPM
  positive.""",
    "CAS510": """\
Teks yang kosong dianggap tidak ada. Dilaporkan pada ``key``.""",
    "CAS512": """\
Polaritasnya adalah yang dinyatakan, atau bila tidak ada, yang dibaca dari nama
(modul :mod:`cascade.core.polarity`; pesannya menyebutkan yang mana); polaritas ``stable`` dan yang
tidak diketahui dilewati (CAS514 melaporkan yang terakhir). Target indikator ``positive`` tidak
boleh berada di bawah baseline angkanya, target indikator ``negative`` tidak boleh di atasnya; nilai
yang sama tidak dianggap tertinggal (mempertahankan 100% adalah target). Rentang dihitung pada
batasnya yang paling tidak ambisius (``min`` untuk positive, ``max`` untuk negative), demikian pula
baseline; nilai berupa teks dan nilai kosong dilewati (CAS513 melaporkan angka yang ditulis sebagai
teks). Satu temuan per indikator, pada target terburuk (yang paling awal bila sama buruknya), yang
menyebut tahun dan nilai baseline serta berapa target yang tertinggal; ``final`` dilaporkan bila ia
tertinggal sementara tidak ada target tahunan yang tertinggal (indikator tujuan sering hanya
memiliki kondisi awal dan kondisi akhir).""",
    "CAS513": """\
Tabel nyata mencetak nilai beserta satuan atau catatannya: ``"87.2%"``, ``"93,65 PER 100.000"``,
``"3 RS"``, ``"15,50 - 16,50"``, ``"< 0,49"``, ``"kurang dari 49"``, ``"56,56 (2022)"``, ``"NA"``,
``"-"``. Bila dibaca sebagai teks, nilai-nilai itu menjadi target kualitatif, dan setiap aturan
angka melewatinya. Temuan ini memberikan ejaan yang tepat: ``87.2`` dengan ``unit: "%"`` (bagian
satuan dihilangkan bila indikatornya sudah memiliki satuan itu); ``{min: 15.5, max: 16.5}``; batas
satu sisi ``{max: 49}`` atau ``{min: 80}``; tahun dalam kurung sebagai tahun nilai itu; untuk ``NA``
dan ``-``, tanpa nilai: keluarkan tahun itu dari ``targets`` dan berikan ``justification`` (untuk
``final`` atau ``value`` baseline, hilangkan saja). Angka di dalam teks dibaca sebagaimana CAS103
membacanya (``93,65`` menjadi 93.65, ``100.000`` menjadi 100000). Teks yang tidak menyerupai angka
(``WTP``, ``Predikat A``, ``Tersedia``, ``BB``) adalah target kualitatif dan tidak dilaporkan.""",
    "CAS514": """\
Polaritas tidak diketahui bila ``polarity`` tidak ditulis dan namanya tidak memuat apa pun yang
dikenal tabel polaritas (modul :mod:`cascade.core.polarity`). Polaritas diperlukan bila baseline,
target dan final indikator memuat sedikitnya dua angka yang berbeda: saat itu CAS505
(path-against-polarity) dan CAS512 (target-behind-baseline) memiliki arah yang harus dinilai tetapi
tidak dapat menilainya. Target yang datar (100, 100, 100) tidak memerlukannya. Satu temuan info per
indikator, pada indikatornya.""",
    "CAS516": """\
Memeriksa setiap elemen dengan jenis-jenis tersebut yang memiliki ``budget`` dengan sedikitnya satu
jumlah di atas nol dan tanpa indikator. Untuk elemen itu, aturan ini menggantikan CAS304
missing-indicator (dilaporkan sekali). Bila ``justification`` ditulis, temuan ini menjadi CAS903.

Hal lain yang dapat diperiksa berkat anggaran (belum menjadi aturan): pagu pada tahun di luar
periode rencana; pagu kegiatan terhadap jumlah pagu sub kegiatannya; tahun yang memiliki pagu tetapi
tanpa target indikator elemennya (uang tanpa hasil yang terukur), dan sebaliknya; total pagu renstra
per tahun terhadap pendanaan indikatif RPJMD untuk program yang sama.""",
    "CAS601": """\
Memeriksa ``code`` setiap program, kegiatan dan sub_kegiatan, serta setiap entri ``bidang`` unit
organisasi (yang harus berbentuk ``U.BB``). Setiap bagian memiliki lebar tetap: urusan 1 digit,
bidang 2, program 2, digit kewenangan 1, kegiatan 2, sub kegiatan 4 (2 digit pada ekspor lama
diterima). Bila yang salah hanya pengisian nol di depan (zero padding), temuannya menyebutkan
perbaikannya; kasus yang dijumpai di lapangan, ``1.01.01.02.01.0001``, mengisi digit kewenangan
menjadi dua digit dan dilaporkan sebagai kasus itu (tulis ``1.01.01.2.01.0001``). Kode pada jenis
elemen lain adalah penomoran rencana itu sendiri dan tidak diperiksa.

Dua bentuk mendapat pesan tersendiri alih-alih perbaikan yang dikarang-karang:

- kode nomenklatur lama (Permendagri 13/2006, dipakai dalam rencana sampai 2020): urusan, organisasi
  dan program sebagai bagian dua digit, ``U.BB.OO.PP`` atau ``U.BB.OO.PP.KK`` (``1.02.01.32``,
  ``1.02.01.32.05``), atau dengan organisasi ditulis lengkap, ``U.BB.U.BB.OO.PP[.KK]``
  (``1.02.1.02.01.19``): "petakan ke nomenklatur Permendagri 90/2019"; tidak ada pemetaan yang
  mekanis. Kode lima bagian yang bagian keempatnya ``01`` atau ``02`` tetap termasuk kasus digit
  kewenangan berisi nol di depan di atas.
- kode 90/2019 yang dicetak dengan spasi sebagai pengganti titik (``1 02 01 2.02``): tulis
  ``1.02.01.2.02``.

Placeholder (``X.XX.01.2.10``) tetap dianggap kode yang salah bentuk.""",
    "CAS602": """\
Program berbentuk ``U.BB.PP``, kegiatan ``U.BB.PP.K.KK``, sub_kegiatan ``U.BB.PP.K.KK.SSSS``. Hanya
kode yang berbentuk benar yang dibandingkan (kode yang salah bentuk adalah CAS601).""",
    "CAS603": """\
Bagian keempat kode kegiatan atau sub_kegiatan menyatakan kewenangan siapa: ``1`` provinsi, ``2``
kabupaten/kota. Tingkat dokumen diambil dari kode daerahnya (``35`` provinsi, ``35.77`` kota);
dokumen rpjmn tidak memiliki daerah dan tidak diperiksa. Nama yang menyebut tingkat yang lain juga
dilaporkan: kasus yang dijumpai di lapangan memberi ``1.02.02.2.01`` (kegiatan kab/kota) label
"Kewenangan Daerah Provinsi" (dilaporkan pada namanya; kode yang bertentangan dengan dokumennya
dilaporkan lebih dulu dan tersendiri).""",
    "CAS604": """\
Kegiatan ``1.02.02.2.01`` termasuk program ``1.02.02``; sub_kegiatan ``1.02.02.2.01.0001`` termasuk
kegiatan ``1.02.02.2.01``. Hanya dibandingkan bila kedua kode berbentuk benar dan panjangnya sesuai
jenisnya (bila tidak, CAS601 atau CAS602 sudah melaporkannya), dan parent-nya berjenis tepat satu
tingkat di atasnya (bila tidak, CAS204).""",
    "CAS605": """\
Urusan 1 (wajib pelayanan dasar) memiliki bidang 01-06, urusan 2 (wajib non pelayanan dasar) 07-24,
urusan 3 (pilihan) 25-32; urusan 4 sampai 8 (pendukung, penunjang, pengawasan, kewilayahan,
pemerintahan umum) menomori unitnya sendiri dan rentangnya tidak diperiksa; 0 dan 9 bukan urusan.
Diperiksa pada kode elemen (sebagaimana dipilih CAS601) dan entri ``bidang`` unit organisasi, bila
berbentuk benar.""",
    "CAS701": """\
Tahun yang sudah lewat adalah tahun-tahun sampai dengan tahun acuan ("as of") dikurangi satu (opsi
``as_of``; ``as-of`` di konfigurasi, ``--as-of``; bawaannya tahun berjalan): tahun yang sedang
dilaporkan masih terbuka. Indikator yang sama sekali tanpa realisasi tidak dinilai (rencana yang
tidak melaporkan realisasi tidak mendapat temuan), kecuali bila sebuah tabel realisasi melaporkan
tahun itu: baris yang mencetak target tahun itu dan "n/a" untuk realisasinya (Inspektorat
Kabupaten Sampang, LKjIP 2019, Tabel 3.1: target 55%, realisasi n/a) adalah tahun yang dilaporkan
tanpa realisasi. Realisasi yang ditulis tidak tersedia (``n/a``, ``na``, ``n.a.``, ``-``, tanda
pisah: ``realized: {2022: n/a}``, seperti dicetak tabel LKjIP) juga bukan realisasi, bukan realisasi
berupa teks: tahun itu juga dilaporkan, termasuk untuk indikator tanpa realisasi lain, dan temuannya
ditempatkan pada ``n/a`` itu. Selain itu temuan ditempatkan pada target tahun itu.""",
    "CAS702": """\
Capaian sebagaimana dihitung modul :mod:`cascade.core.capaian`: realisasi / target x 100 untuk
indikator yang makin tinggi makin baik; untuk yang makin rendah makin baik, (2 - realisasi / target)
x 100 (opsi ``formula: lkjip``, praktik LKjIP) atau target / realisasi x 100 (``sipd``; per
indikator ``capaian_formula``). Kategori (opsi ``bounds``): sangat tinggi > 90, tinggi > 75, sedang
> 65, rendah > 50, sangat rendah <= 50. Temuan ditempatkan di tempat realisasi ditulis.""",
    "CAS703": """\
Indikator proporsi adalah indikator yang satuannya persen (``%``, ``persen``) atau, bila tanpa
satuan, yang namanya menyebut persentase, cakupan, proporsi atau rasio (opsi ``share_words``); nama
yang menyebut pertumbuhan atau perubahan (``pertumbuhan``, ``laju``...: opsi ``growth_words``) boleh
bernilai negatif dan tidak dibatasi 0-100. Menyimpang dari jalur: lebih dari ``factor`` (bawaan 50)
kali, atau kurang dari 1/factor kali, median angka positif indikator itu (target, target PK,
baseline, final dan realisasi; sedikitnya tiga angka), tanda titik desimal yang salah tempat atau
proporsi yang ditulis sebagai pecahan.""",
    "CAS704": """\
Indikator di bawah sebuah indikator adalah indikator yang menyebutnya dalam ``supports``, atau bila
tidak ada, indikator elemen-elemen yang di-cascade ke elemennya (``parent``, ``supports``). Untuk
setiap tahun ketika hasil (outcome) dan sedikitnya satu indikator di bawahnya memiliki capaian:
dilaporkan bila rata-rata capaian di bawah >= 100 dan capaian hasilnya di bawah ``tinggi`` (opsi
``short_of``), atau bila capaian hasilnya >= 100 dan setiap capaian di bawahnya kurang dari 100.
Temuan ditempatkan pada realisasi hasil itu.""",
    "CAS705": """\
Indikator cakupan: nama yang menyebut cakupan atau persentase (opsi ``words``) dengan polaritas
efektif positive (dinyatakan, atau dibaca dari nama); polaritas makin rendah makin baik dan yang
tidak diketahui tidak dinilai, karena proporsi sesuatu yang buruk (persentase balita stunting) tidak
bersifat kumulatif. Dibandingkan antara tahun-tahun berurutan yang keduanya memiliki realisasi
berupa angka. Temuan ditempatkan pada realisasi tahun yang lebih akhir.""",
    "CAS706": """\
Tabel LKjIP menyebut indikator dengan namanya sebagaimana tercetak, bukan dengan rujukan. Nama pada
sebuah baris dibandingkan dengan nama indikator rencana dengan mengabaikan huruf besar-kecil, spasi,
pergantian baris dan tanda baca; bila beberapa indikator memiliki nama itu, sasaran baris tersebut
(kolom ``Sasaran``, baris judul sasaran, atau ``sasaran:``) harus merupakan sasaran salah satunya
(atau elemen di atasnya). Dilaporkan pada sel indikator baris itu: nama yang tidak cocok dengan
indikator mana pun (dengan nama terdekat sebagai saran "mungkin maksud Anda"), nama yang dimiliki
beberapa indikator yang tidak dapat dibedakan oleh sasarannya, dan baris yang memberikan tahun yang
sama untuk satu indikator seperti baris sebelumnya. Baris seperti itu tidak memberikan nilai: nilai
tidak pernah ditempatkan pada indikator berdasarkan tebakan. Bila nama yang tercetak berbeda dari
nama dalam rencana, sebut indikatornya secara langsung: ``ref:`` pada baris itu, atau
``names: {"<printed name>": <ref>}`` di sidecar tabel itu.""",
    "CAS707": """\
Capaian dihitung ulang sebagaimana modul :mod:`cascade.core.capaian` menghitung setiap capaian:
dengan polaritas efektif indikator dan rumusnya (``capaian_formula``, atau bila tidak ada, opsi
``formula`` CAS702), dari target dan realisasi baris itu pada tahun itu (target rencana atau target
PK bila baris itu tidak mencetak target). Toleransi: setiap angka yang tercetak dianggap telah
dibulatkan sampai desimal yang dicetak (target dan realisasi dalam rentang setengah satuan desimal
terakhirnya, bilangan bulat dianggap tepat), dan capaian yang tercetak harus berada dalam rentang
capaian yang dimungkinkan angka-angka itu, plus-minus setengah satuan desimal terakhirnya sendiri
(paling banyak 2 desimal) ditambah 1% dari satuan itu. Jadi ``87,10`` di samping target ``162`` dan
realisasi ``186`` (t/r: 87,0968) lolos, sedangkan ``72,52`` di samping target ``0,64`` dan realisasi
``0,18`` tidak. Tabel yang membatasi capaian (pada 100 bila target tercapai, seperti dilakukan
sebagian pemda) lolos dengan opsi ``cap: 100``. Tidak ada yang dilaporkan bila capaian tidak dapat
dihitung karena angkanya tidak ada (tidak ada target, tidak ada realisasi). Bila polaritas indikator
tidak diketahui (tidak dinyatakan, dan namanya tidak menyebut apa pun), capaian yang tercetak tidak
dapat diperiksa, dan sebuah temuan (varian ``unchecked``) menyatakannya dan meminta polaritasnya:
LKjIP DP3AP2KB Kabupaten Lombok Tengah 2020 mencetak capaian 77,78 untuk "Persentase P2TP2A ...
yang aktif" dari target 69,23 dan realisasi 53,85, yang hanya dapat dipastikan dengan polaritas
yang dinyatakan. Capaian yang benar ke arah mana pun (100 untuk target yang tepat tercapai) tidak
memerlukan polaritas dan lolos. Temuan ditempatkan pada capaian yang tercetak.""",
    "CAS901": """\
Komentar ``# cascade: ignore[...]`` membungkam aturan yang disebutnya pada barisnya sendiri
(komentar di akhir baris) atau pada baris berikutnya yang tidak kosong dan bukan komentar (komentar
pada baris tersendiri); ``# cascade: ignore-file[...]`` membungkamnya di seluruh berkas;
``per-file-ignores`` di konfigurasi membungkamnya di berkas-berkas yang cocok dengan sebuah glob.
Setelah cacatnya diperbaiki, penekanan itu tertinggal dan akan diam-diam menyembunyikan cacat
berikutnya dari aturan itu yang tidak berhubungan, sehingga aturan yang disebut dalam penekanan yang
tidak membungkam apa pun dilaporkan, sekali untuk setiap aturan yang disebut. Aturan yang tidak
dijalankan (tidak dipilih melalui ``--select``/``--ignore``) tidak dinilai: aturan itu tidak mungkin
cocok dengan temuan. CAS001 yaml-syntax dan CAS005 file-limit tidak pernah ditekan (lihat CAS902),
sehingga prefiks seperti ``CAS0`` hanya dinilai dari aturan lain yang disebutnya.""",
    "CAS902": """\
Penekanan harus menyebut aturan yang dibungkamnya, dengan kode (``CAS302``), prefiks kode
(``CAS3``) atau nama (``orphan-indicator``), dipisahkan koma di dalam kurung siku:
``# cascade: ignore[orphan-indicator]``. Penekanan menyeluruh ``# cascade: ignore`` akan
menyembunyikan setiap cacat di masa depan pada baris itu, sehingga ditolak, demikian pula setiap
pemilih, atau daftar pemilih, yang mencakup semua aturan (``ALL``, ``CAS``, ``C``,
``CAS0, CAS1, ..., CAS7``): ``ignore-file[CAS]`` akan membungkam seluruh berkas. Semua aturan
berarti semua aturan yang dapat melaporkan rencana: aturan penekanan CAS9xx, yang melaporkan
komentarnya sendiri, tidak perlu disebut. Penekanan menyeluruh dapat dipecah ke beberapa komentar
dan tetap menyeluruh: bila komentar ``ignore-file`` sebuah berkas bersama-sama, atau bersama
komentar ``ignore`` yang mencakup satu baris, mencakup semua aturan, setiap komentar itu menjadi
CAS902 (``blanket-union``). Penekanan menyeluruh tidak membungkam apa pun. Ditolak pula: nama
aturan yang tidak ada (biasanya salah ketik,
yang jika tidak ditolak tidak membungkam apa pun sambil tampak seolah-olah membungkam), dan
penekanan yang hanya menyebut CAS001 yaml-syntax atau CAS005 file-limit. Kedua aturan itu tidak
pernah ditekan, baik oleh komentar maupun oleh ``per-file-ignores``, juga tidak melalui prefiks
seperti ``CAS0``: berkasnya tidak dapat dibaca, atau tidak dibaca, sehingga tidak ada yang tertulis
di dalamnya, termasuk komentar penekanan itu, yang dapat dipercaya, dan CAS001 yang dibungkam akan
menyembunyikan bahwa setiap pemeriksaan berkas itu dilewati. Teks setelah kurung siku adalah
alasannya, dan dianjurkan untuk ditulis.""",
    "CAS903": """\
Sebagian tautan memang sengaja tidak ada: indikator RPJPN yang sengaja tidak dibawa ke tingkat PN,
sub kegiatan pelayanan wajib (SPM) yang tidak melayani sasaran daerah mana pun, sasaran yang target
pegawainya baru ditetapkan tahun depan. Bila ``justification`` ditulis pada elemen, temuan
aturan-aturan tautan yang hilang pada elemen itu dan pada indikatornya (CAS205 wrong-tier-link,
CAS301 orphan-element, CAS302 orphan-indicator, CAS303 unsupported-element, CAS304
missing-indicator, CAS306 unlinked-staff-target, CAS307 shallow-cascade) berubah menjadi info ini,
yang membawa kode, aturan dan pesan aslinya beserta justification-nya. Memilih aturan ini saja akan
mencantumkan setiap justification yang sedang dipakai.""",
}

#: The "Basis:" paragraph of each rule in Bahasa Indonesia (the citations as written, the glosses
#: translated), shown under "Dasar:".
BASIS_ID: dict[str, str] = {
    "CAS001": "rencana yang tidak dapat dibaca tidak dapat dievaluasi; impor e-SAKIP menolaknya tanpa pesan.",
    "CAS002": "PermenPANRB 88/2021 meminta target yang terukur dan tidak bermakna ganda; kunci ganda membuat target bergantung pada perangkat yang membacanya.",
    "CAS003": "FORMAT.md (\"hanya YAML biasa\"); pertahanan terhadap bom alias di pipeline peninjauan.",
    "CAS004": "FORMAT.md (\"tanpa tag\"); pemuat tidak aman PyYAML punya riwayat eksekusi kode jarak jauh.",
    "CAS005": "YAML rencana diketik tangan dan diekspor dari lembar kerja; ekspor dalam Windows-1252 atau UTF-16 lazim dan harus dikonversi, bukan salah dibaca.",
    "CAS006": "kode Permendagri 90/2019 dan kode wilayah Kemendagri adalah teks dengan angka nol yang bermakna.",
    "CAS007": "Permendagri 86/2017 menetapkan tabelnya (T-C.27, tabel tujuan/sasaran RPJMD) tetapi tidak format angkanya; tabel pemda mencampur pemisah Indonesia dan Inggris, dan SIPD mengekspor teks.",
    "CAS008": "tabel Permendagri 86/2017 tidak memuat id dokumen, kode wilayah atau tautan RPJMD.",
    "CAS009": "tabel Permendagri 86/2017 tidak memuat id dokumen, wilayah atau tautan; tanpa sidecar cascade tidak dapat mengetahui rencana mana sebuah buku kerja.",
    "CAS101": "tabel Permendagri 86/2017 (setiap sasaran memiliki indikator, satuan, kondisi awal dan target); PermenPANRB 6/2022 (setiap SKP menyebut pegawainya).",
    "CAS102": "FORMAT.md (nama isian berbahasa Inggris dan tetap).",
    "CAS103": "FORMAT.md (\"angka tidak pernah ditebak dari teks yang bermakna ganda\"); PermenPANRB 88/2021 kriteria 2.5 (target yang terukur).",
    "CAS104": "FORMAT.md; Permendagri 86/2017 (tingkat elemen setiap rencana); UU 25/2004 (SPPN): RPJP 20 tahun, RPJMN/RPJMD dan renstra 5, RKP 1.",
    "CAS201": "FORMAT.md (id unik); rujukan ke id ganda bermakna ganda, sehingga setiap penelusuran lewat id itu bisa salah.",
    "CAS202": "PermenPANRB 89/2021 (cascading adalah rantai tautan bernama: tautan ke yang tidak ada bukanlah tautan).",
    "CAS203": "UU 25/2004 (SPPN) dan PermenPANRB 89/2021: cascading adalah hierarki dari rencana nasional sampai individu; hierarki tidak memiliki siklus.",
    "CAS204": "Permendagri 86/2017 (tabel RPJMD dan Renstra menyusun tujuan, sasaran, program, kegiatan, sub kegiatan dengan urutan itu); Perpres 12/2025 (PN > Program Prioritas > Kegiatan Prioritas > Proyek Prioritas); PermenPANRB 6/2022 (RHK mengintervensi RHK atasan).",
    "CAS205": "UU 25/2004 (SPPN: RPJMD mengacu pada RPJMN, Renstra pada RPJMD); Permendagri 86/2017 (Renstra mengikuti RPJMD daerahnya sendiri).",
    "CAS206": "UU 23/2014 dan Permendagri 86/2017: RPJMD kabupaten/kota selaras dengan RPJMD provinsinya sendiri; Renstra mengikuti RPJMD daerahnya sendiri.",
    "CAS207": "UU 25/2004 (RPJMD dan Renstra mencakup lima tahun); Permendagri 86/2017 (kondisi awal adalah kondisi pada awal periode, target per tahun periode).",
    "CAS208": "UU 25/2004 (SPPN); Permendagri 86/2017; Inmendagri 2/2025; PermenPANRB 6/2022.",
    "CAS301": "PermenPANRB 89/2021 (cascading dari sasaran strategis organisasi sampai setiap pegawai) dan penilaian rencana daerah oleh Bappenas (sasaran daerah harus dipetakan ke sasaran PN); kriteria SAKIP 2.8 (cascading di setiap tingkat).",
    "CAS302": "PermenPANRB 89/2021 (yang di-cascade adalah \"sasaran strategis, indikator kinerja, dan target kinerja\", bukan hanya nama sasaran); penilaian rencana daerah oleh Bappenas (setiap PN yang didukung memerlukan program dengan indikator yang relevan).",
    "CAS303": "penilaian rencana daerah oleh Bappenas (sasaran daerah harus dipetakan ke sasaran PN; setiap PN yang didukung memerlukan program dengan indikator yang relevan); PermenPANRB 89/2021 (indikator dan target ikut di-cascade, bukan hanya sasarannya).",
    "CAS304": "Permendagri 86/2017 (setiap baris tujuan, sasaran, program dan kegiatan memiliki indikatornya); Kepmendagri 050-5889/2021 (setiap sub kegiatan memiliki kinerja, indikator dan satuan); PermenPANRB 6/2022 (setiap RHK memiliki indikator dan target).",
    "CAS305": "PermenPANRB 89/2021 (kinerja di-cascade ke setiap unit organisasi); kriteria SAKIP 2.10 (setiap pegawai memiliki rencana kinerja).",
    "CAS306": "PermenPANRB 6/2022 (kepala OPD mengambil hasil SKP dari Perjanjian Kinerja; RHK setiap pegawai lain harus mengintervensi hasil atasannya).",
    "CAS307": "PermenPANRB 89/2021 (cascading \"sampai dengan individu pegawai\"); temuan lazim auditor tentang cascading yang berhenti sebelum eselon II atau staf; kriteria SAKIP 2.8.",
    "CAS401": "PermenPANRB 89/2021 (cascading menyelaraskan sasaran, indikator dan target dalam satu rantai); penilaian rencana daerah oleh Bappenas (sasaran daerah dipetakan ke sasaran nasional).",
    "CAS402": "PermenPANRB 89/2021 (cascading menurunkan indikator beserta targetnya); tabel Permendagri 86/2017 (satuan per indikator).",
    "CAS403": "praktik pemantauan (Tren Positif/Tren Negatif, sebagaimana sistem pemantauan turunan SIPD mendefinisikannya); PermenPANRB 89/2021 (cascading menjaga makna indikator).",
    "CAS404": "judul kolom Renstra/RKPD (\"Indikator Kinerja Program (outcome)\", \"Indikator Kinerja Kegiatan (output)\") dalam Permendagri 86/2017; Kepmendagri 050-5889/2021 (keluaran sub kegiatan); dampak (impact) untuk tujuan menurut praktik.",
    "CAS405": "penilaian rencana daerah oleh Kementerian PPN/Bappenas: target makro daerah dianggap selaras bila mencapai sedikitnya 90% target nasional; rasionya berupa opsi, karena angka itu praktik penilaian tersebut, bukan bunyi peraturan; untuk angka yang titik awal daerahnya jauh dari tingkat nasional, penurunan yang direncanakan adalah pembanding yang lebih adil (praktik).",
    "CAS406": "PermenPANRB 89/2021 (cascading menurunkan target: target bawah melayani target atas); penilaian rencana daerah oleh Bappenas (target daerah harus melayani target nasional).",
    "CAS407": "PermenPANRB 89/2021 (cascading mengikuti organisasi, unit demi unit sampai individu); PermenPANRB 6/2022 (RHK mengintervensi hasil atasan).",
    "CAS408": "crosscutting sebagai DAG antarmitra setingkat (praktik); kriteria evaluasi SAKIP 2.9 (crosscutting, PermenPANRB 88/2021).",
    "CAS409": "tabel Permendagri 86/2017 (indikator tujuan/sasaran dan kondisi akhirnya adalah satu set angka dalam satu rencana); praktik (\"kondisi akhir sama dengan ujung lintasan target\").",
    "CAS501": "tabel Permendagri 86/2017 (setiap indikator memiliki satuan); Kepmendagri 050-5889/2021 (setiap sub kegiatan memiliki kinerja, indikator dan satuan); PermenPANRB 88/2021 kriteria 2.5 (SMART).",
    "CAS502": "tabel Permendagri 86/2017 (kondisi kinerja pada awal periode); PermenPANRB 88/2021 kriteria 2.5 (SMART).",
    "CAS503": "tabel Permendagri 86/2017 (target kinerja per tahun); PermenPANRB 88/2021 (\"target untuk setiap tahun\").",
    "CAS504": "tabel Permendagri 86/2017 (kondisi kinerja pada akhir periode); praktik (\"kondisi akhir sama dengan ujung lintasan target\").",
    "CAS505": "praktik pemantauan (Tren Positif/Tren Negatif, sebagaimana sistem pemantauan turunan SIPD mendefinisikannya); PermenPANRB 88/2021 kriteria 2.5 (target yang terukur dan bermakna).",
    "CAS506": "tabel Permendagri 86/2017 (satuan sesuai dengan ukurannya); praktik (\"satuan yang salah untuk substansinya\" di antara temuan lazim auditor).",
    "CAS507": "PermenPANRB 88/2021 kriteria 2.5 (indikator yang berorientasi hasil); praktik (\"indikator proses pada tingkat outcome\").",
    "CAS508": "tabel Permendagri 86/2017 (satuan per indikator); praktik (\"satuan yang salah untuk substansinya\" di antara temuan lazim auditor).",
    "CAS509": "praktik pemantauan (Tren Negatif untuk stunting, kemiskinan, TPT, gini, AKI/AKB).",
    "CAS510": "lembar evaluasi PermenPANRB 88/2021 (IKU dengan definisi operasional dan sumber data).",
    "CAS511": "FORMAT.md (rentang {min, max}, \"7,0-8,0\" dalam RPJMN).",
    "CAS512": "tabel Permendagri 86/2017 (kondisi kinerja awal dan target per tahun: target bergerak dari kondisi awal ke kondisi akhir); PermenPANRB 88/2021 kriteria 2.5 (target yang bermakna).",
    "CAS513": "FORMAT.md (nilai target: angka, rentang atau teks kualitatif; keputusan 1, angka tidak pernah ditebak dari teks); tabel Permendagri 86/2017 (target dan satuan di kolom terpisah).",
    "CAS514": "praktik pemantauan (Tren Positif/Tren Negatif, sebagaimana sistem pemantauan turunan SIPD mendefinisikannya); FORMAT.md keputusan 3.",
    "CAS516": "Permendagri 86/2017, tabel T-C.27 (setiap baris program dan kegiatan memuat indikator kinerja, target dan pendanaan berdampingan); PP 12/2019 tentang pengelolaan keuangan daerah (anggaran terikat pada kinerja: anggaran berbasis kinerja); PermenPANRB 88/2021 (evaluasi SAKIP atas cascading dan efisiensi).",
    "CAS601": "Permendagri 90/2019 (klasifikasi, kodefikasi dan nomenklatur), diperbarui oleh Kepmendagri 050-5889/2021 dan sesudahnya.",
    "CAS602": "Permendagri 90/2019 (kode setiap tingkat memperpanjang kode tingkat di atasnya).",
    "CAS603": "Permendagri 90/2019 (lampiran per tingkat pemerintahan: digit 1 provinsi, 2 kabupaten/kota).",
    "CAS604": "Permendagri 90/2019 (setiap kode memperpanjang kode tingkat di atasnya).",
    "CAS605": "Permendagri 90/2019 (klasifikasi urusan dan bidang urusan).",
    "CAS701": "PermenPANRB 88/2021 (Pelaporan 2.3-2.6: realisasi terhadap target, terhadap tahun-tahun sebelumnya dan terhadap target jangka menengah); Permendagri 86/2017 (evaluasi hasil RKPD dan Renstra: realisasi per tahun periode).",
    "CAS702": "Permendagri 86/2017 (skala evaluasi capaian kinerja: sangat tinggi, tinggi, sedang, rendah, sangat rendah); PermenPANRB 8/2021 (capaian indikator yang makin rendah makin baik, (1 + (1 - R/T)) x 100%).",
    "CAS703": "PermenPANRB 88/2021 (data kinerja harus valid dan andal: keandalan data); Permendagri 86/2017 (pengendalian: verifikasi data realisasi).",
    "CAS704": "PermenPANRB 89/2021 (pohon kinerja: cascading outcome dan output adalah rantai sebab-akibat); PermenPANRB 88/2021 (Pelaporan: analisis penyebab keberhasilan dan kegagalan).",
    "CAS705": "Permendagri 86/2017 (pengendalian dan evaluasi: konsistensi realisasi antartahun); praktik pemantauan SIPD (realisasi di bawah tahun sebelumnya untuk indikator kumulatif).",
    "CAS706": "PermenPANRB 53/2014 dan 88/2021 (LKjIP mengukur indikator Perjanjian Kinerja dan Renstra/RPJMD: indikator yang sama, dengan nama yang sama); Permendagri 86/2017 (evaluasi hasil RPJMD dan Renstra, per indikator rencana).",
    "CAS707": "PermenPANRB 53/2014 dan 88/2021 (pengukuran kinerja: capaian = realisasi terhadap target; evaluasi memeriksa bahwa capaian yang dilaporkan akurat); PermenPANRB 8/2021 (capaian indikator yang makin rendah makin baik, (1 + (1 - R/T)) x 100%); Permendagri 86/2017 (evaluasi: rumus capaian yang sama untuk setiap indikator rencana).",
    "CAS901": "jejak peninjauan sebuah rencana (evaluasi SAKIP, PermenPANRB 88/2021) harus menunjukkan mengapa sebuah cacat diterima; pengecualian yang basi adalah klaim yang tidak diperiksa siapa pun.",
    "CAS902": "RULES.md (kode dan nama adalah kontrak yang dipakai pengguna); pengecualian harus menyebut apa yang dikecualikannya.",
    "CAS903": "Perpres 12/2025 (sebagian indikator RPJPN sengaja tidak berada di tingkat PN: tautan boleh melompati satu tingkat bila dibenarkan); keterlacakan ala LOBSTER, yang melaporkan tautan yang sengaja tidak ada sebagai dibenarkan, bukan dibungkam.",
}

#: The notes in parentheses after "Failing" / "Passing" (and a passing example given as a sentence),
#: by their English text.
EXAMPLE_NOTES_ID: dict[str, str] = {
    "cascade.lock says rpjmd:S1.I1 00000000aaaaaaaa, the target has since changed":
        "cascade.lock mencatat rpjmd:S1.I1 00000000aaaaaaaa, targetnya sudah berubah sejak itu",
    "the national 2024 target of Indeks Pembangunan Manusia is 75.54":
        "target nasional 2024 Indeks Pembangunan Manusia adalah 75.54",
    'jatim.rpjmd-2019:S2.I1 "Prevalensi Stunting" is negative':
        'jatim.rpjmd-2019:S2.I1 "Prevalensi Stunting" berpolaritas negatif',
    "a tujuan's kondisi akhir 96.27 % and its sasaran's last target 96.18 %":
        "kondisi akhir sebuah tujuan 96.27 % dan target terakhir sasarannya 96.18 %",
    "period 2020-2024": "periode 2020-2024",
    "in a document whose region is 35.77, Kota Madiun": "dalam dokumen yang wilayahnya 35.77, Kota Madiun",
    "as of 2024: 2022 has a target and no realisasi": "keadaan 2024: tahun 2022 memiliki target tanpa realisasi",
    "capaian 60, rendah": "capaian 60, rendah",
    "capaian 95, sangat tinggi": "capaian 95, sangat tinggi",
    "2023: the program met its target, the sasaran it supports fell short":
        "2023: program mencapai targetnya, sasaran yang didukungnya tidak tercapai",
    "the sasaran met too": "sasarannya juga tercapai",
    'the plan names the indicator "Prevalensi Penderita HIV terhadap Penduduk Beresiko"':
        'rencana menamai indikatornya "Prevalensi Penderita HIV terhadap Penduduk Beresiko"',
    "Kabupaten Manggarai Timur, LKjIP 2019, Tabel 3.8: Angka Kematian Balita, target/realisasi":
        "Kabupaten Manggarai Timur, LKjIP 2019, Tabel 3.8: Angka Kematian Balita, target/realisasi",
    "Angka Kematian Bayi of the same table": "Angka Kematian Bayi dari tabel yang sama",
    "reported as justified, not as CAS301": "dilaporkan sebagai dibenarkan, bukan sebagai CAS301",
    "nothing to justify": "tidak ada yang perlu dibenarkan",
    # examples given as a sentence ("Failing: a file saved as UTF-16 ...")
    "a file saved as UTF-16 or containing the byte 0xE9 from a Latin-1 export.":
        "berkas yang disimpan sebagai UTF-16 atau berisi byte 0xE9 dari ekspor Latin-1.",
    "the same file saved as UTF-8.": "berkas yang sama disimpan sebagai UTF-8.",
    "a target cell holding the text 2,500 in a table whose layout declares no locale.":
        "sel target berisi teks 2,500 dalam tabel yang layout-nya tidak menyatakan locale.",
    "the same table with locale: id in its sidecar (2,5), or the cell holding a number.":
        "tabel yang sama dengan locale: id pada sidecar-nya (2,5), atau sel yang berisi angka.",
    "renstra.xlsx with layout: rpjmd in its sidecar, whose header has no RPJMD columns.":
        "renstra.xlsx dengan layout: rpjmd pada sidecar-nya, yang judul kolomnya tidak memuat kolom RPJMD.",
    "renstra.xlsx with layout: renstra-tc27.": "renstra.xlsx dengan layout: renstra-tc27.",
    "renstra.xlsx alone in the folder.": "renstra.xlsx sendirian di foldernya.",
    "renstra.xlsx with renstra.cascade.yaml beside it.": "renstra.xlsx dengan renstra.cascade.yaml di sampingnya.",
    "the same link after cascade review --accept rpjmd:S1.I1.": "tautan yang sama setelah cascade review --accept rpjmd:S1.I1.",
}
