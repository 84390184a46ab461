"""Benchmarks: run as modules (python -m tests.benchmarks.<name>), never collected as tests."""
