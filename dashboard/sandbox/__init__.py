"""Analysts' SQL in a cage of its own.

`policy` decides which statements may run (DuckDB's own parser, no regex guessing), `worker`
runs one query in a separate process under hard memory and output caps, and `runner` starts
workers from the dashboard with a wall-clock kill and a small concurrency gate. The package
itself imports nothing heavy, so the worker process starts quickly.
"""
