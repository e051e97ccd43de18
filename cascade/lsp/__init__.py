"""The language server (``cascade server``): :mod:`cascade.lsp.features` (what it knows, plain Python)
and :mod:`cascade.lsp.server` (the protocol, with pygls from the ``lsp`` extra). See docs/editor.md."""
