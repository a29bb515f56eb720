import numpy as np
import pytest

from everycore.vectorize import compare_loops_and_numpy, conv2d_loops, conv2d_vectorized


@pytest.mark.parametrize("h,w,kh,kw", [(1, 1, 1, 1), (7, 5, 3, 3), (9, 13, 5, 2), (11, 4, 4, 4), (6, 17, 1, 5)])
def test_loops_and_numpy_agree_on_odd_shapes(h, w, kh, kw):
    rng = np.random.default_rng(h * 100 + w)
    image, kernel = rng.standard_normal((h, w)), rng.standard_normal((kh, kw))
    vectorized = conv2d_vectorized(image, kernel)
    assert vectorized.shape == (h - kh + 1, w - kw + 1)
    # Same float64 products, summed in a different order: agreement to a few ulps.
    np.testing.assert_allclose(conv2d_loops(image.tolist(), kernel.tolist()), vectorized, rtol=1e-12, atol=1e-12)


def test_matches_an_independent_definition():
    image = np.arange(20.0).reshape(4, 5)
    kernel = np.array([[0.0, 1.0], [2.0, 0.0]])
    expected = [[image[y, x + 1] + 2 * image[y + 1, x] for x in range(4)] for y in range(3)]
    np.testing.assert_array_equal(conv2d_vectorized(image, kernel), expected)


@pytest.mark.parametrize("image,kernel", [(np.ones((3, 3)), np.ones((4, 1))), (np.ones(5), np.ones((1, 1))), (np.ones((3, 3)), np.ones((0, 1)))])
def test_bad_shapes_are_named(image, kernel):
    with pytest.raises(ValueError, match="kernel|2D"):
        conv2d_vectorized(image, kernel)


def test_compare_reports_both_timings():
    r = compare_loops_and_numpy(size=24, k=3, repeats=1)
    assert r["loops_s"] > 0 and r["numpy_s"] > 0
    assert r["speedup"] == pytest.approx(r["loops_s"] / r["numpy_s"])
