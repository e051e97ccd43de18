"""``python -m cascade``: the same as the ``cascade`` command."""

from .cli import run

run()
