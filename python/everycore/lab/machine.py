"""Where a native run happened: the ``env`` of a results file, with its ``native`` details."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import datetime, timezone

import numpy as np

from everycore import __version__
from everycore.lab.timing import timer_resolution_ms


def parse_cpuinfo(text: str) -> tuple[str | None, int | None]:
    """CPU model and physical core count from Linux's /proc/cpuinfo text.

    x86 names the model in "model name" and numbers cores by (physical id, core id); ARM boards
    say "Model" or "Hardware" and give no core ids, so the count is then unknown (None).
    """
    model = None
    cores: set[tuple[str, str]] = set()
    package = "0"
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            continue
        key, value = key.strip(), value.strip()
        if key in ("model name", "Model", "Hardware", "cpu model") and model is None and value:
            model = value
        elif key == "physical id":
            package = value
        elif key == "core id":
            cores.add((package, value))
    return model, (len(cores) or None)


def _sysctl(name: str) -> str | None:
    try:
        out = subprocess.run(["sysctl", "-n", name], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return (out.stdout.strip() or None) if out.returncode == 0 else None


def cpu_model_and_cores() -> tuple[str | None, int | None]:
    """Best effort: /proc/cpuinfo on Linux, sysctl on macOS, platform.processor() elsewhere."""
    system = platform.system()
    if system == "Linux":
        try:
            with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
                return parse_cpuinfo(f.read())
        except OSError:
            pass
    elif system == "Darwin":
        physical = _sysctl("hw.physicalcpu")
        cores = int(physical) if physical and physical.isdigit() else None
        return _sysctl("machdep.cpu.brand_string"), cores
    return platform.processor() or None, None


def capture_env(*, quick: bool, blas: dict) -> dict:
    """EnvV1 for a native run. ``blas`` is what profiling.check_numpy_threads() returned."""
    model, physical = cpu_model_and_cores()
    python = f"{platform.python_implementation()} {platform.python_version()}"
    blas_name = blas["blas"] or "unknown"
    return {
        "userAgent": f"{python} / numpy {np.__version__} / {platform.platform()}",
        "hardwareConcurrency": os.cpu_count() or 1,
        "crossOriginIsolated": False,
        "timerResolutionMs": timer_resolution_ms(),
        "wasm": {"simd": False, "threads": False, "relaxedSimd": False},
        "kernelIsa": blas_name,
        "siteVersion": __version__,
        "date": datetime.now(timezone.utc).isoformat(timespec="milliseconds")
                .replace("+00:00", "Z"),
        "quick": quick,
        "native": {
            "cpuModel": model,
            "logicalCores": os.cpu_count(),
            "physicalCores": physical,
            "python": python,
            "numpy": np.__version__,
            "blas": {"name": blas_name, "version": blas["version"], "threads": blas["threads"]},
            "threadEnv": dict(blas["env"]),
        },
    }
