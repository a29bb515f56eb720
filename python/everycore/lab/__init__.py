"""The native benchmark harness: the site's benchmarks, measured by CPython and numpy.

It mirrors ``src/lab`` of the site (same benchmark ids, cases, parameters, seeds, timing plans,
statistics and results schema), so a file written by ``python -m everycore bench`` can be
imported next to a browser run. Nothing here is shown on the site; the chapters show the
modules one level up.
"""
