"""The site's "conv2d-layers" benchmark natively: every way this companion convolves, on six layers.

Same id, cases, seed and input as ``src/lab/benchmarks/conv2d-layers.ts``, and the same problem as
conv2d-im2col (input generator, reference, tolerance, FLOPs), whose variants it races again: the
nested Python loops, im2col + numpy's GEMM (BLAS threads at 1 and N), and the loops compiled by
Numba (one thread and N) and Cython where those are installed. Added here: the shifted-planes form
(``everycore.shifted_conv``), numpy's counterpart of the site's ``conv2d-f32-shifted-ts``.

The loops run only where a call takes seconds at most (the first layers): a deep layer's 115.6
million multiply-adds would take minutes in the interpreter. The site's WebAssembly kernels have
no native counterpart (numpy's BLAS stands in for them); its tfjs peer's is PyTorch's
``torch.nn.functional.conv2d`` where PyTorch is installed, on NCHW float32 tensors that share the
numpy inputs' memory. PyTorch picks the algorithm per layer (2.13, with MKL_VERBOSE and
ONEDNN_VERBOSE): im2col + MKL's SGEMM for the two smallest, oneDNN's AVX2/AVX-512 direct
convolution (inputs reordered to channel blocks of 8 or 16 and back, inside the call) for the rest.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace

from everycore.lab.benchmark import Case, Params, Variant
from everycore.lab.conv2d_im2col import CONV2D_IM2COL, ConvInput, conv_label, conv_params
from everycore.lab.optional_torch import torch_variant
from everycore.shifted_conv import conv2d_shifted


@contextmanager
def _shifted_numpy(p: Params, inp: ConvInput, threads: int):
    # einsum without optimize= sums over the channels in numpy's own loop, on one thread: no BLAS.
    yield lambda: conv2d_shifted(inp.x, inp.w, inp.b, p["stride"], p["padding"])


SHIFTED_NUMPY = Variant(id="conv2d-f32-shifted-numpy",
                        label="Shifted planes, one tap at a time (numpy)", prepare=_shifted_numpy)


def _conv2d_torch(p: Params, inp: ConvInput):
    import torch
    import torch.nn.functional as F
    x, w, b = (torch.from_numpy(a) for a in (inp.x, inp.w, inp.b))   # views: nothing copied
    return lambda: F.conv2d(x, w, b, stride=p["stride"], padding=p["padding"]).numpy()


CONV2D_TORCH = torch_variant(
    "conv2d-f32-torch",
    "torch.nn.functional.conv2d (PyTorch: oneDNN or MKL) on the NCHW inputs as tensors; "
    "the output, and any layout reorder, per call",
    _conv2d_torch)

# The syllabus's first layers, then three deeper layers of a ResNet-like network: the same 115.6
# million multiply-adds each, from a large image with few channels to a small one with many.
LAYERS = (conv_params(1, 3, 32, 16), conv_params(1, 3, 64, 16), conv_params(1, 3, 128, 16),
          conv_params(1, 64, 56, 64), conv_params(1, 128, 28, 128), conv_params(1, 256, 14, 256))

# conv2d-im2col's variants by id: the same kernels race here and in conv2d-separable.
CONV2D_IM2COL_VARIANTS = {v.id: v for v in CONV2D_IM2COL.variants}

CONV2D_LAYERS = replace(
    CONV2D_IM2COL,
    id="conv2d-layers",
    baseline="conv2d-f32-shifted-numpy",
    title="Convolution, every method: loops, shifted planes, im2col + BLAS, Numba, Cython",
    cases=tuple(Case(conv_label(p), p) for p in LAYERS),
    seed=20261201,
    variants=(
        CONV2D_IM2COL_VARIANTS["conv2d-f32-direct-python"],
        SHIFTED_NUMPY,
        CONV2D_IM2COL_VARIANTS["conv2d-f32-im2col-numpy"],
        CONV2D_IM2COL_VARIANTS["conv2d-f32-direct-numba"],
        CONV2D_IM2COL_VARIANTS["conv2d-f32-direct-numba-parallel"],
        CONV2D_IM2COL_VARIANTS["conv2d-f32-direct-cython"],
        CONV2D_TORCH,
    ),
)
