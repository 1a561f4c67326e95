"""Benchmarks of the course (``make bench``); figures are written to ``benchmarks/results/``."""
