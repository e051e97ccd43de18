"""Benchmark helpers for cascade: a synthetic workspace generator and a PyYAML baseline.

Nothing here imports :mod:`cascade`; the generator is pure standard library.
"""
