"""blur_region against the whole image blurred and cropped, on odd shapes and at every border."""

import numpy as np
import pytest

from everycore.im2col import conv2d_naive
from everycore.roi import blur_region, blur_whole_then_crop, halo_window

# (image height, width, k, box): interior, corners, edges, 1-pixel boxes, the whole image, k = 1,
# windows wider than the image, so the halo crosses one, two or all four borders.
CASES = [
    (13, 10, 5, (4, 3, 5, 4)),
    (13, 10, 5, (0, 0, 1, 1)),
    (13, 10, 5, (12, 9, 1, 1)),
    (13, 10, 5, (0, 3, 2, 4)),
    (13, 10, 5, (4, 0, 5, 2)),
    (13, 10, 5, (9, 6, 4, 4)),
    (13, 10, 5, (6, 8, 3, 1)),
    (13, 10, 5, (0, 0, 13, 10)),
    (7, 5, 1, (2, 1, 3, 3)),
    (7, 5, 1, (0, 0, 7, 5)),
    (6, 4, 9, (1, 1, 2, 2)),
    (1, 1, 3, (0, 0, 1, 1)),
    (1, 17, 7, (0, 5, 1, 6)),
    (64, 48, 25, (50, 13, 14, 21)),
]


def _operands(height, width, k, seed=0):
    rng = np.random.default_rng(seed)
    # Signed pixels and taps: a tap dropped, doubled or misplaced changes the result.
    return (rng.uniform(-1, 1, (height, width)).astype(np.float32),
            rng.uniform(-1, 1, k).astype(np.float32))


@pytest.mark.parametrize("height,width,k,box", CASES)
def test_equals_the_whole_blur_cropped_bit_for_bit(height, width, k, box):
    image, taps = _operands(height, width, k)
    region = blur_region(image, box, taps)
    assert region.shape == box[2:] and region.dtype == np.float32
    np.testing.assert_array_equal(region, blur_whole_then_crop(image, box, taps))


@pytest.mark.parametrize("height,width,k,box", CASES)
def test_matches_the_plain_loops_cropped(height, width, k, box):
    image, taps = _operands(height, width, k, seed=1)
    top, left, h, w = box
    r = (k - 1) // 2
    weights = np.outer(taps, taps).astype(np.float64)[None, None]
    want = conv2d_naive(image.astype(np.float64)[None, None], weights, None, 1, r)[0, 0]
    magnitude = conv2d_naive(np.abs(image).astype(np.float64)[None, None], np.abs(weights),
                             None, 1, r)[0, 0]
    crop = np.s_[top:top + h, left:left + w]
    # float32 sums of k products per pass: |error| ≤ about 2k·u·Σ|x||w| (u = 2^-24); allow twice.
    tolerance = 2 * (2 * k + 3) * 2.0 ** -24 * magnitude[crop]
    assert np.all(np.abs(blur_region(image, box, taps) - want[crop]) <= tolerance)


def test_reads_zeros_past_the_border_so_a_corner_of_a_flat_image_darkens():
    image = np.full((3, 3), 9.0)
    ones = np.ones(3)
    assert blur_region(image, (0, 0, 1, 1), ones)[0, 0] == 4 * 9
    assert blur_region(image, (1, 1, 1, 1), ones)[0, 0] == 9 * 9


def test_halo_window_copies_the_box_and_its_halo_with_zeros_outside():
    image = np.arange(1, 7).reshape(2, 3)
    np.testing.assert_array_equal(halo_window(image, (0, 1, 1, 1), 1),
                                  [[0, 0, 0], [1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(halo_window(image, (1, 2, 1, 1), 1),
                                  [[2, 3, 0], [5, 6, 0], [0, 0, 0]])


def test_accepts_8_bit_images_and_numpy_integers_in_the_box():
    image, taps = _operands(9, 11, 3)
    gray = np.round((image + 1) * 127).astype(np.uint8)
    box = tuple(np.int64(v) for v in (2, 3, 4, 5))
    np.testing.assert_array_equal(blur_region(gray, box, taps),
                                  blur_whole_then_crop(gray.astype(np.float32), box, taps))


@pytest.mark.parametrize("image,box,taps,message", [
    (np.zeros((4, 5)), (0, 0, 5, 1), np.ones(3), r"box .* leaves the 4×5 image"),
    (np.zeros((4, 5)), (-1, 0, 1, 1), np.ones(3), r"box .* leaves the 4×5 image"),
    (np.zeros((4, 5)), (1, 4, 1, 2), np.ones(3), r"box .* leaves the 4×5 image"),
    (np.zeros((4, 5)), (1, 1, 0, 2), np.ones(3), r"box is empty: height 0, width 2"),
    (np.zeros((4, 5)), (1, 1, 2), np.ones(3), r"box must be four integers"),
    (np.zeros((4, 5)), (1.0, 1, 2, 2), np.ones(3), r"box must be four integers"),
    (np.zeros((4, 5)), (0, 0, 1, 1), np.ones(4), r"taps must be .* odd number"),
    (np.zeros((4, 5)), (0, 0, 1, 1), np.ones((3, 3)), r"taps must be a 1-D array"),
    (np.zeros((2, 4, 5)), (0, 0, 1, 1), np.ones(3), r"image must be a non-empty 2-D array"),
    (np.zeros((0, 5)), (0, 0, 1, 1), np.ones(3), r"image must be a non-empty 2-D array"),
])
def test_bad_input_raises_a_value_error_naming_the_argument(image, box, taps, message):
    for blur in (blur_region, blur_whole_then_crop):
        with pytest.raises(ValueError, match=message):
            blur(image, box, taps)
