"""Why the system refused a file, in the reader's language.

The system's own text (``strerror``) is English whatever the planner reads; the common reasons are
given here in both languages, and any other falls back to the system's text.
"""

from __future__ import annotations

import errno

__all__ = ["os_reason"]

_OS_REASONS = {
    errno.ENOENT: {"en": "no such file or folder", "id": "berkas atau folder tidak ada"},
    errno.EACCES: {"en": "permission denied", "id": "tidak ada izin"},
    errno.EPERM: {"en": "operation not permitted", "id": "tindakan tidak diizinkan"},
    errno.EISDIR: {"en": "it is a folder", "id": "itu sebuah folder"},
    errno.ENOTDIR: {"en": "a part of the path is not a folder", "id": "bagian dari jalurnya bukan folder"},
    errno.ENOSPC: {"en": "no space left on the device", "id": "ruang penyimpanan penuh"},
    errno.EROFS: {"en": "read-only file system", "id": "sistem berkas hanya-baca"},
    errno.ELOOP: {"en": "too many levels of symbolic links", "id": "terlalu banyak tingkat tautan simbolik"},
    errno.ENAMETOOLONG: {"en": "the file name is too long", "id": "nama berkasnya terlalu panjang"},
    errno.EIO: {"en": "input/output error", "id": "galat masukan/keluaran"},
    errno.EMFILE: {"en": "too many open files", "id": "terlalu banyak berkas terbuka"},
    errno.EBUSY: {"en": "the device or resource is busy", "id": "perangkat atau sumber daya sedang sibuk"},
}


def os_reason(exc: OSError, lang: str, *, system_en: bool = False) -> str:
    """Why ``exc`` refused a file, in ``lang`` for the common cases, else the system's text.
    ``system_en``: English is the system's own text (as findings have always quoted it)."""
    known = _OS_REASONS.get(exc.errno or -1)
    if known is None or (system_en and lang == "en"):
        return exc.strerror or str(exc)
    return known.get(lang, known["en"])
