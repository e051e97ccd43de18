"""``python -m cascade``: the same as the ``cascade`` command."""

from .cli.commands import run

run()
