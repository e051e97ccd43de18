"""``cascade server``: the language server for editors (LSP over stdio; needs the ``lsp`` extra)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

_MISSING = {
    "en": "cascade server needs the optional extra: pip install -e \".[lsp]\" (pygls)",
    "id": "cascade server memerlukan paket tambahan: pip install -e \".[lsp]\" (pygls)",
}


def add_server_parser(sub: Any) -> None:
    p = sub.add_parser("server", help="run the language server for editors (LSP over stdio; needs the lsp extra) / server bahasa untuk editor")
    p.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default, and the only transport)")
    p.add_argument("--lang", choices=("en", "id"), help="language of diagnostics (default: the workspace's config, else id)")


def run_server(args: argparse.Namespace, err: TextIO) -> int:
    try:
        from ..lsp import server
    except ImportError:
        err.write(_MISSING[args.lang or "id"] + "\n")  # the workspace's config is not read without the extra
        return 2
    if args.lang:
        server.server.forced_lang = args.lang
    return server.main()
