"""Builds everycore's Cython kernels (conv_cython.pyx) on first use and imports them.

An installed package usually ships compiled extensions; this companion compiles on demand
instead, so ``pip install ./python`` needs no compiler and the Cython chapter's code is the
``.pyx`` you can read and edit. The build goes into a cache folder, one subfolder per source
version and Python, so it happens once per machine (a few seconds) and again only after an edit.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
import sysconfig
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType

__all__ = ["CythonBuildError", "load_conv_cython", "default_cache_dir"]

SOURCE = Path(__file__).with_name("conv_cython.pyx")
MODULE = SOURCE.stem
CACHE_ENV = "EVERYCORE_CYTHON_CACHE"


class CythonBuildError(ImportError):
    """Cython or a working C compiler is missing: the compiled kernels cannot be built here.
    An ImportError, so ``except ImportError`` treats it like any missing optional extra."""


def default_cache_dir() -> Path:
    """$EVERYCORE_CYTHON_CACHE, else ~/.cache/everycore/cython (XDG_CACHE_HOME honoured)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "everycore" / "cython"


def _build_dir(cache_dir: Path) -> Path:
    """One folder per source text and Python ABI: an edit or another Python rebuilds."""
    key = hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:16]
    abi = sysconfig.get_config_var("SOABI") or sys.implementation.cache_tag
    return cache_dir / f"{MODULE}-{key}-{abi}"


# [start:cython_build]
def _compile(target: Path) -> None:
    """Cython turns the .pyx into C; setuptools runs the C compiler as ``pip install`` would."""
    try:
        from Cython.Build import cythonize
    except ImportError:
        raise CythonBuildError(
            "the Cython kernels need Cython: pip install cython (or pip install \"./python[all]\")"
        ) from None
    try:
        from setuptools import Distribution, Extension
    except ImportError:   # Python 3.12+ virtual environments come without it
        raise CythonBuildError(
            "the Cython kernels need setuptools to build: pip install setuptools "
            "(or pip install \"./python[cython]\")"
        ) from None
    from setuptools.errors import CCompilerError, CompileError, ExecError, LinkError, PlatformError

    # -ffp-contract=off: no fused multiply-add, so C rounds every step as numpy does and the
    # results match numpy's bit for bit (gcc and clang contract a*b+c by default where they can).
    # -fno-math-errno, -fno-trapping-math: nobody reads errno or FP traps here; without them gcc
    # keeps sqrtf and the conversions scalar and does not vectorise the loops. Values unchanged.
    flags = [] if sys.platform == "win32" else [
        "-O3", "-ffp-contract=off", "-fno-math-errno", "-fno-trapping-math"]
    extension = Extension(MODULE, [str(SOURCE)], extra_compile_args=flags)
    # Built in a private folder, then moved into place in one step: a process that loads the
    # cache while another builds sees either no module or a whole one.
    with tempfile.TemporaryDirectory(dir=target.parent) as temp:
        try:
            modules = cythonize([extension], build_dir=temp, quiet=True)
            command = Distribution({"ext_modules": modules}).get_command_obj("build_ext")
            command.build_lib = command.build_temp = temp
            command.ensure_finalized()
            command.run()
            os.replace(Path(temp) / target.name, target)
        except (CCompilerError, CompileError, ExecError, LinkError, PlatformError) as error:
            raise CythonBuildError(
                f"could not compile {SOURCE.name}: {error}. The Cython kernels need a C compiler "
                "(gcc or clang on Linux and macOS, Microsoft C++ Build Tools on Windows)"
            ) from error
# [end:cython_build]


@cache
def load_conv_cython(cache_dir: Path | None = None) -> ModuleType:
    """The compiled conv_cython module, built into ``cache_dir`` first if it is not there yet.

    Raises CythonBuildError (an ImportError) naming what is missing: Cython or a C compiler.
    """
    build_dir = _build_dir(Path(cache_dir) if cache_dir is not None else default_cache_dir())
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    built = build_dir / f"{MODULE}{suffix}"
    if not built.exists():
        build_dir.mkdir(parents=True, exist_ok=True)
        _compile(built)
    spec = importlib.util.spec_from_file_location(MODULE, built)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
