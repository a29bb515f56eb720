"""Tests for everycore.profiling: the cProfile report and the BLAS thread check."""

import re

import numpy as np
import pytest
from conftest import HAS_THREADPOOLCTL

from everycore.profiling import THREAD_ENV_VARS, check_numpy_threads, profile_function


def slow_inner_loop(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def quick_setup():
    return 3


def workload(n, offset=0):
    return slow_inner_loop(n) + quick_setup() + offset


def profiled_functions(report):
    """Function names of the report's rows ("…  test_profiling.py:12(slow_inner_loop)")."""
    return re.findall(r"\.py:\d+\((\w+)\)$", report, flags=re.MULTILINE)


def test_profile_function_returns_the_result_and_a_report_naming_the_hot_function(capsys):
    result, report = profile_function(workload, 200_000, offset=1)
    assert result == sum(i * i for i in range(200_000)) + 3 + 1
    assert capsys.readouterr().out == ""            # prints nothing unless asked
    assert "Ordered by: cumulative time" in report
    names = profiled_functions(report)
    assert "slow_inner_loop" in names and "workload" in names
    # Cumulative order: the caller first, then its expensive callee, before the cheap one.
    assert names.index("workload") < names.index("slow_inner_loop")
    assert names.index("slow_inner_loop") < names.index("quick_setup")


def test_profile_function_tottime_puts_the_hot_loop_first_and_honours_top():
    _, report = profile_function(workload, 200_000, top=1, sort="tottime")
    assert profiled_functions(report) == ["slow_inner_loop"]


def test_profile_function_prints_when_asked(capsys):
    _, report = profile_function(quick_setup, print_report=True)
    assert report in capsys.readouterr().out


def test_profile_function_lets_the_exception_through():
    with pytest.raises(ZeroDivisionError):
        profile_function(lambda: 1 / 0)


@pytest.mark.parametrize("options, message", [
    ({"top": 0}, "top"),
    ({"top": 2.5}, "top"),
    ({"top": True}, "top"),
    ({"sort": "speed"}, "sort must be one of"),
])
def test_profile_function_rejects_bad_options_by_name(options, message):
    with pytest.raises(ValueError, match=message):
        profile_function(quick_setup, **options)


def test_check_numpy_threads_reports_the_thread_variables(monkeypatch):
    for name in THREAD_ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")
    info = check_numpy_threads()
    assert set(info) == {"blas", "version", "threads", "env", "note"}
    assert set(info["env"]) == {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"}
    assert info["env"]["OPENBLAS_NUM_THREADS"] == "3"
    assert info["env"]["OMP_NUM_THREADS"] is None


def test_check_numpy_threads_asks_the_library_through_threadpoolctl():
    info = check_numpy_threads()
    if not HAS_THREADPOOLCTL:  # this machine can only give the fallback answer
        assert info["threads"] is None and "install threadpoolctl" in info["note"]
        return
    from threadpoolctl import threadpool_info

    blas = [p for p in threadpool_info() if p["user_api"] == "blas"][0]
    assert info["note"] is None
    assert info["blas"] == blas["internal_api"]
    assert info["version"] == blas["version"]
    assert isinstance(info["threads"], int) and info["threads"] == blas["num_threads"] >= 1


def test_check_numpy_threads_without_threadpoolctl_says_what_to_install(without_threadpoolctl):
    info = check_numpy_threads()
    assert info["threads"] is None
    assert "install threadpoolctl" in info["note"]
    # Name and version still come from numpy's own build record.
    build = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    assert info["blas"] == build["name"]
    assert info["version"] == build["version"]
