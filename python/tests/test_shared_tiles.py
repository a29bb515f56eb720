from multiprocessing import shared_memory

import numpy as np
import pytest

from everycore import shared_tiles
from everycore.shared_tiles import (
    render_multiprocessing_array,
    render_pickled,
    render_shared_memory,
    row_bands,
    shade_rows,
)

SHAPE = (203, 131)  # not a multiple of the tile height


def reference(height, width):
    return shade_rows(0, height, width)


@pytest.mark.parametrize("render", [render_shared_memory, render_multiprocessing_array, render_pickled])
@pytest.mark.parametrize("tile_rows", [1, 64, 500])
def test_every_way_fills_the_same_image(render, tile_rows):
    got = render(*SHAPE, processes=2, tile_rows=tile_rows)
    assert got.dtype == np.float32 and got.shape == SHAPE
    np.testing.assert_array_equal(got, reference(*SHAPE))


def test_row_bands_cover_every_row_once():
    bands = row_bands(10, 4)
    assert bands == [(0, 4), (4, 8), (8, 10)]
    with pytest.raises(ValueError, match="tile_rows"):
        row_bands(10, 0)


@pytest.fixture
def created_blocks(monkeypatch):
    """Names of the shared-memory blocks render_shared_memory creates, in order."""
    names = []
    real = shared_memory.SharedMemory

    def recording(*args, **kwargs):
        shm = real(*args, **kwargs)
        if kwargs.get("create"):
            names.append(shm.name)
        return shm

    monkeypatch.setattr(shared_tiles.shared_memory, "SharedMemory", recording)
    return names


def assert_unlinked(name):
    with pytest.raises(FileNotFoundError):
        shared_memory.SharedMemory(name=name)  # gone: nothing leaked


def test_shared_memory_block_is_unlinked_afterwards(created_blocks):
    render_shared_memory(*SHAPE, processes=2, tile_rows=50)
    assert len(created_blocks) == 1
    assert_unlinked(created_blocks[0])


def test_shared_memory_block_is_unlinked_even_when_a_worker_fails(created_blocks):
    names = created_blocks
    with pytest.raises(ValueError):
        render_shared_memory(0, 10)  # rejected before any block exists
    with pytest.raises(Exception):
        render_shared_memory(8, 8, processes=0)  # Pool(0) fails after the block was created
    assert len(names) == 1
    assert_unlinked(names[0])
