"""Tests for everycore.pinning: the affinity set, what counts it, and what is refused."""

import os
import subprocess
import sys

import pytest
from conftest import PACKAGE_ROOT

from everycore import pinning
from everycore.pinning import NEEDS_LINUX, allowed_cpus, pin_to

linux_only = pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason=NEEDS_LINUX)


@linux_only
def test_pinning_to_one_cpu_is_what_usable_cpus_and_children_see():
    # In a fresh interpreter: pinning this test process would slow every test after it.
    code = ("import subprocess, sys\n"
            "from everycore.pinning import allowed_cpus, pin_to\n"
            "from everycore.pools import usable_cpus\n"
            "first = min(allowed_cpus())\n"
            "previous = pin_to({first})\n"
            "child = subprocess.run([sys.executable, '-c', 'import os; print(len(os.sched_getaffinity(0)))'],"
            " capture_output=True, text=True, check=True).stdout.strip()\n"
            "print(usable_cpus(), child, first in previous)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": PACKAGE_ROOT}).stdout.split()
    assert out == ["1", "1", "True"]


@linux_only
def test_cpus_outside_the_set_and_bad_sets_are_refused():
    outside = max(allowed_cpus()) + 1
    with pytest.raises(ValueError, match=rf"CPUs \[{outside}\] are not available"):
        pin_to({outside})
    for bad in (set(), {0.5}, {True}):
        with pytest.raises(ValueError, match="cpus must be a non-empty set"):
            pin_to(bad)


def test_without_affinity_the_error_says_why(monkeypatch):
    monkeypatch.delattr(pinning.os, "sched_setaffinity", raising=False)
    with pytest.raises(NotImplementedError, match="needs Linux"):
        pin_to({0})
