"""Argument types shared by the commands' parsers (imported while parsing: nothing heavy here)."""

from __future__ import annotations

import argparse

__all__ = ["positive"]


def positive(text: str) -> int:
    """An integer of 1 or more (``--jobs``, ``realign --top``); the usage error is translated with the others."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


positive.__name__ = "int"  # argparse names the type in "invalid int value: 'x'" (not "positive")
