"""Tests for ``python -m everycore bench``: a real quick run, and bad arguments."""

import json
import math
import os
import subprocess
import sys
from datetime import datetime

import pytest
from conftest import HAS_THREADPOOLCTL, PACKAGE_ROOT

from everycore.lab.cli import main
from everycore.lab.registry import BENCHMARKS, select
from everycore.lab.run import blas_threads_from_env, thread_counts
from everycore.pools import usable_cpus

CONV_CASES = ["(1,3,32,32)→16", "(1,3,64,64)→16", "(1,3,128,128)→16", "(1,64,56,56)→64"]


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "everycore", *args], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": PACKAGE_ROOT, **(env or {})},
                          timeout=300)


# ----------------------------------------------------------------- the schema, as the site reads it
# Mirrors parseResults in src/lab/results-import.ts: the fields the site requires, and their types.


def is_number(x, minimum=0.0):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) \
        and x >= minimum


def is_int(x, minimum):
    return isinstance(x, int) and not isinstance(x, bool) and x >= minimum


def check_env(env):
    assert isinstance(env["userAgent"], str) and env["userAgent"]
    assert is_int(env["hardwareConcurrency"], 1)
    assert env["crossOriginIsolated"] is False
    assert is_number(env["timerResolutionMs"]) and env["timerResolutionMs"] > 0
    assert env["wasm"] == {"simd": False, "threads": False, "relaxedSimd": False}
    assert isinstance(env["kernelIsa"], str) and env["kernelIsa"]
    assert isinstance(env["siteVersion"], str)
    datetime.fromisoformat(env["date"].replace("Z", "+00:00"))
    assert isinstance(env["quick"], bool)
    native = env["native"]
    assert native["cpuModel"] is None or isinstance(native["cpuModel"], str)
    for key in ("logicalCores", "physicalCores"):
        assert native[key] is None or is_int(native[key], 1)
    assert native["python"].startswith(("CPython ", "PyPy "))
    assert isinstance(native["numpy"], str)
    blas = native["blas"]
    assert isinstance(blas["name"], str)
    assert blas["version"] is None or isinstance(blas["version"], str)
    assert blas["threads"] is None or is_int(blas["threads"], 1)
    assert set(native["threadEnv"]) == {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                        "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
                                        "NUMEXPR_NUM_THREADS"}
    assert all(v is None or isinstance(v, str) for v in native["threadEnv"].values())


def check_result(r):
    for key in ("bench", "case", "variant"):
        assert isinstance(r[key], str) and r[key]
    assert all(is_number(v, -math.inf) for v in r["params"].values())
    assert is_int(r["threads"], 1)
    assert r["samples"] and all(is_number(s) and s > 0 for s in r["samples"])
    assert r["n"] == len(r["samples"])
    for key in ("median", "iqr", "min", "cv", "gflops"):
        assert is_number(r[key]), key
    assert r["median"] > 0 and r["gflops"] > 0
    assert r["min"] <= r["median"] and r["min"] == min(r["samples"])
    lo, hi = r["ci95"]
    assert is_number(lo) and is_number(hi) and lo <= r["median"] <= hi
    assert isinstance(r["noisy"], bool)
    c = r["correctness"]
    assert isinstance(c["ok"], bool) and is_number(c["maxError"]) and is_number(c["tolerance"])


def check_document(doc):
    assert set(doc) == {"schema", "env", "results", "claims", "skipped", "baselines"}
    assert doc["schema"] == "every-core/results/v1"
    assert doc["claims"] == []
    # Each named baseline was measured for its benchmark: the site refuses one that was not.
    measured = {(r["bench"], r["variant"]) for r in doc["results"]}
    assert all((bench, variant) in measured for bench, variant in doc["baselines"].items())
    check_env(doc["env"])
    for r in doc["results"]:
        check_result(r)
    for s in doc["skipped"]:
        assert isinstance(s["variant"], str) and isinstance(s["reason"], str) and s["reason"]


# ----------------------------------------------------------------- a real run


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory, conv_cython, cython_cache):
    out = tmp_path_factory.mktemp("bench") / "tmp.json"
    # The session's Cython build, so the run loads it instead of compiling again.
    proc = run_cli("bench", "--quick", "--filter", "conv2d-im2col", "--out", str(out),
                   env={"EVERYCORE_CYTHON_CACHE": str(cython_cache)})
    return proc, out


def test_quick_run_writes_the_sites_schema(quick_run):
    proc, out = quick_run
    assert proc.returncode == 0, proc.stderr
    assert f"Wrote {out}" in proc.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    check_document(doc)
    assert doc["env"]["quick"] is True
    assert doc["env"]["hardwareConcurrency"] == os.cpu_count()


def test_quick_run_measures_every_case_correctly(quick_run):
    doc = json.loads(quick_run[1].read_text(encoding="utf-8"))
    results = doc["results"]
    assert {r["bench"] for r in results} == {"conv2d-im2col"}   # the exact id alone
    assert doc["baselines"] == {"conv2d-im2col": "conv2d-f32-direct-python"}
    assert all(r["correctness"]["ok"] for r in results)
    assert all(r["n"] >= 5 for r in results)                     # quick: at least 5 samples

    numpy_rows = [(r["case"], r["threads"]) for r in results
                  if r["variant"] == "conv2d-f32-im2col-numpy"]
    native = doc["env"]["native"]
    ladder = thread_counts(os.cpu_count())   # 1, 2, 4… and all of them, as on the site
    threads = ladder if HAS_THREADPOOLCTL else \
        [blas_threads_from_env(native["threadEnv"]) or usable_cpus()]
    assert numpy_rows == [(case, t) for case in CONV_CASES for t in threads]

    # The compiled loops (the extras are installed here) run on every case: serial on one
    # thread, the prange version on the ladder of thread counts.
    compiled = [(r["variant"], r["case"], r["threads"]) for r in results
                if r["variant"].startswith(("conv2d-f32-direct-numba", "conv2d-f32-direct-cython"))]
    assert sorted(compiled) == sorted(
        [("conv2d-f32-direct-numba", case, 1) for case in CONV_CASES]
        + [("conv2d-f32-direct-numba-parallel", case, t) for case in CONV_CASES for t in ladder]
        + [("conv2d-f32-direct-cython", case, 1) for case in CONV_CASES])

    loops = [r["case"] for r in results if r["variant"] == "conv2d-f32-direct-python"]
    assert loops == CONV_CASES[:2]
    assert all(r["threads"] == 1 for r in results if r["variant"] == "conv2d-f32-direct-python")
    assert doc["skipped"] == [
        {"variant": "conv2d-f32-direct-python", "case": CONV_CASES[2],
         "reason": "pure-Python loops take seconds per call on this case; run without --quick"},
        {"variant": "conv2d-f32-direct-python", "case": CONV_CASES[3],
         "reason": "pure-Python loops take minutes on this case"},
    ]
    for r in results:
        p = r["params"]
        shape = f"({p['batch']},{p['channels']},{p['height']},{p['width']})"
        assert r["case"] == f"{shape}→{p['filters']}"


# ----------------------------------------------------------------- bad arguments


@pytest.mark.parametrize("args, named", [
    (["bench", "--threads", "0"], "--threads"),
    (["bench", "--threads", "two"], "--threads"),
    (["bench", "--threads", "257"], "--threads"),
    (["bench", "--filter", "no-such-bench"], "--filter"),
    (["bench", "--out", "/no/such/folder/r.json"], "--out"),
    (["bench", "--quik"], "--quik"),
    (["bench", "--format", "json,docx"], "--format"),
    ([], "COMMAND"),
    (["benchmark"], "benchmark"),
])
def test_bad_arguments_exit_non_zero_naming_them(capsys, args, named):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert named in capsys.readouterr().err


def test_more_threads_than_cpus_run_with_a_note(tmp_path, capsys):
    """Oversubscribed: allowed (a reader's machine may report fewer CPUs than it has), and said."""
    out = tmp_path / "r.json"
    assert main(["bench", "--filter", "inference-parallel", "--quick", "--threads",
                 str(usable_cpus() + 2), "--out", str(out)]) in (0, None)
    assert "oversubscribed" in capsys.readouterr().err
    doc = json.loads(out.read_text())
    assert max(r["threads"] for r in doc["results"]) == usable_cpus() + 2
    assert all(r["correctness"]["ok"] for r in doc["results"])


def test_every_format_is_written_beside_the_json_as_the_site_renders_it(tmp_path):
    from everycore.lab.formats import to_csv, to_latex, to_markdown

    out = tmp_path / "native.json"
    assert main(["bench", "--filter", "inference-parallel", "--quick", "--out", str(out),
                 "--format", "json,csv,md,tex"]) in (0, None)
    doc = json.loads(out.read_text())
    assert (tmp_path / "native.md").read_text() == to_markdown(doc)
    assert (tmp_path / "native.csv").read_text() == to_csv(doc)
    assert (tmp_path / "native.tex").read_text() == to_latex(doc)
    assert len((tmp_path / "native.csv").read_text().splitlines()) == 1 + len(doc["results"])


def test_bad_arguments_from_the_shell():
    proc = run_cli("bench", "--threads", "-3")
    assert proc.returncode == 2
    assert "argument --threads" in proc.stderr


# ----------------------------------------------------------------- list


def test_list_json_names_every_benchmark_with_its_cases_and_variants(capsys):
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [b["id"] for b in listed] == [b.id for b in BENCHMARKS]
    conv = next(b for b in listed if b["id"] == "conv2d-im2col")
    assert [c["label"] for c in conv["cases"]] == CONV_CASES
    assert conv["cases"][3]["params"]["channels"] == 64
    assert conv["seed"] == 20_261_123
    assert "conv2d-f32-im2col-numpy" in conv["variants"]
    assert conv["baseline"] == "conv2d-f32-direct-python"


def test_filter_selects_an_exact_id_alone_and_otherwise_every_id_containing_it():
    assert [b.id for b in select("gemm")] == ["gemm"]
    assert {b.id for b in select("gemm-")} == {b.id for b in BENCHMARKS if "gemm-" in b.id}
    assert len(select("gemm-")) >= 2
    assert {b.id for b in select("conv")} == {b.id for b in BENCHMARKS if "conv" in b.id}
    assert select(None) == list(BENCHMARKS)
    assert select("no-such") == []


def test_list_names_benchmarks_for_a_reader(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "conv2d-im2col: Convolution: direct loops vs im2col + GEMM" in out
    assert "  cases:    (1,3,32,32)→16, (1,3,64,64)→16" in out
