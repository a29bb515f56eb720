"""Every Core: the Python companion of the site.

Each module holds the code one chapter shows, runnable on its own and covered by the tests in
``python/tests``. Import what you need from the submodules, e.g.
``from everycore.im2col import conv2d_im2col``. ``python -m everycore bench`` runs the site's
benchmarks natively and writes results the site can import (see everycore/lab).
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
