"""Shared test helpers."""

import faulthandler
import importlib.util
import os
import sys
from pathlib import Path

import pytest

# The slowest test here takes half a minute on an idle machine, two on one loaded six-fold (seen
# in CI); one that runs for five is hung. pytest-timeout (the "test" extra) then fails it with every
# thread's stack and the run goes on. Without the plugin, faulthandler prints the stacks and ends
# the run: a named failure either way, never a stall.
HANG_LIMIT_S = 300


def pytest_configure(config):
    if config.pluginmanager.hasplugin("timeout"):
        config.addinivalue_line("markers", "timeout: per-test limit (pytest-timeout)")
        if not config.getoption("timeout", None) and not config.getini("timeout"):
            config.option.timeout = HANG_LIMIT_S


@pytest.fixture(autouse=True)
def _hang_guard(request):
    if request.config.pluginmanager.hasplugin("timeout"):
        yield
        return
    faulthandler.dump_traceback_later(HANG_LIMIT_S, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()

# The optional extra these tests exercise both ways: its real path when it is installed (CI
# installs it), and its fallback by hiding it from the import system.
HAS_THREADPOOLCTL = importlib.util.find_spec("threadpoolctl") is not None
# PyTorch is not in the "all" extra (it is large): where it is missing, the torch variants are
# skipped with the reason and their tests say so; CI installs it, so there they run.
HAS_TORCH = importlib.util.find_spec("torch") is not None

# An optional extra that is not installed skips the tests that need it, with the pip command in the
# reason; CI sets EVERYCORE_REQUIRE_EXTRAS=1, and then a missing extra is an error, never a skip.
REQUIRE_EXTRAS = os.environ.get("EVERYCORE_REQUIRE_EXTRAS") == "1"


def need(module: str, extra: str):
    """``import module``, or skip the calling test (module) naming the extra that provides it."""
    if REQUIRE_EXTRAS:
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=f'needs the "{extra}" extra: pip install "./python[{extra}]"')


# python/: put on PYTHONPATH so subprocesses import this checkout's everycore, installed or not.
PACKAGE_ROOT = os.pathsep.join([str(Path(__file__).resolve().parents[1]),
                                os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)


@pytest.fixture
def without_threadpoolctl(monkeypatch):
    """Makes ``import threadpoolctl`` raise ImportError, as on a machine without it."""
    monkeypatch.setitem(sys.modules, "threadpoolctl", None)


@pytest.fixture(scope="session")
def cython_cache(tmp_path_factory):
    """A cache folder holding the Cython kernels, built once per test session from scratch."""
    return tmp_path_factory.mktemp("cython-cache")


@pytest.fixture(scope="session")
def conv_cython(cython_cache):
    """The compiled conv_cython module (the one Cython build of the session)."""
    from everycore.cython_build import load_conv_cython
    return load_conv_cython(cython_cache)
