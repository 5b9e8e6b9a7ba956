"""The BM25 sidecar: concurrent writers never fail, and a sidecar of the wrong shape reads as none (issue 19,
cases 5 and 6)."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from ingest.lexical import LexicalIndex


def _index(n: int, generation: str = "g1") -> LexicalIndex:
    ids = [f"c{i}" for i in range(n)]
    texts = [f"第{i}条 个人信息处理者 fine of {i} yuan" for i in range(n)]
    metas = [{"doc_id": "d", "title": "t", "locator": f"Art. {i}"} for i in range(n)]
    return LexicalIndex.build(ids, texts, metas, generation, "bigram")


def _save_many(folder: str, worker: int, times: int) -> int:
    index = _index(30 + worker, generation=f"g{worker}")
    failures = 0
    for _ in range(times):
        try:
            index.save(Path(folder))
        except Exception:
            failures += 1
    return failures


def test_concurrent_saves_from_several_processes_never_fail(tmp_path):
    with multiprocessing.get_context("spawn").Pool(5) as pool:
        failures = pool.starmap(_save_many, [(str(tmp_path), w, 30) for w in range(5)])
    assert failures == [0] * 5
    loaded = LexicalIndex.load(tmp_path)
    assert loaded is not None and len(loaded) in {30 + w for w in range(5)}
    assert not list(tmp_path.glob("*.part")), "temporary files left behind"


@pytest.mark.parametrize("content", ["{}", "[]", '{"ids": [], "texts": []}', "null",
                                     '{"ids": ["a"], "texts": [], "metadatas": [], "generation": "g", "tokenizer": "b"}',
                                     '{"ids": 1, "texts": 2, "metadatas": 3, "generation": "g", "tokenizer": "b"}',
                                     '{"ids": ["a"], "texts": ["x"], "metadatas": [{}], "generation": "g", '
                                     '"tokenizer": "bigram"}'])
def test_a_sidecar_of_the_wrong_shape_reads_as_none(tmp_path, content):
    (tmp_path / "chunks.json").write_text(content, encoding="utf-8")
    assert LexicalIndex.load(tmp_path) is None


def test_a_saved_sidecar_round_trips(tmp_path):
    _index(5).save(tmp_path)
    loaded = LexicalIndex.load(tmp_path)
    assert loaded is not None and loaded.ids == [f"c{i}" for i in range(5)] and loaded.generation == "g1"
    assert json.loads((tmp_path / "chunks.json").read_text(encoding="utf-8"))["tokenizer"] == "bigram"


def test_a_saved_index_is_read_back_fitted_not_tokenized_again(tmp_path):
    """Tokenizing 100k chunks again takes a minute: the fitted BM25 is saved beside the chunk table and read
    back, with the same document frequencies and the same search results as a fresh fit."""
    built = _index(40)
    built.save(tmp_path)
    fitted = list(tmp_path.glob("bm25s-*"))
    assert len(fitted) == 1 and fitted[0].is_dir()
    loaded = LexicalIndex.load(tmp_path)
    assert loaded is not None and loaded._restore(tmp_path)
    assert loaded.idf == pytest.approx(built.idf) and loaded.max_idf == built.max_idf
    query = ["fine", "处理", "理者"]
    assert loaded.search(query, 5) == built.search(query, 5)
    # another table saved in its place: the older fitted index goes, and a damaged one is fitted afresh
    _index(41, generation="g2").save(tmp_path)
    (only,) = tmp_path.glob("bm25s-*")
    for part in only.iterdir():
        part.write_bytes(b"damaged")
    again = LexicalIndex.load(tmp_path)
    assert again is not None and len(again) == 41 and again.search(query, 3)
