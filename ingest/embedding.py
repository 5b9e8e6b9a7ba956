"""The interface every LexCite encoder implements: a LangChain Embeddings with e5's query/passage prefixes,
token counting for the chunker, and a model id the store records."""

from __future__ import annotations

import numpy as np
from langchain_core.embeddings import Embeddings


class LexCiteEmbeddings(Embeddings):
    """Adds what the chunker and the store need: a stable model id, dimension, token budget."""

    model_id: str
    dim: int
    max_tokens: int
    weights_sha256: str = ""  # digest of the exact weights, recorded in the store it builds
    # passages handed over per call by ingest: an encoder that sorts by length and pads wants a wide pool
    passage_pool: int = 32

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
