"""Lexical side of hybrid search: a tokenizer that works for Chinese and English, and a BM25 index
(bm25s) persisted beside the store together with the chunk table it was built from."""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
STOPWORDS = frozenset(
    "a an the of to in on for and or is are be by with as at from that this which what how much many "
    "does do did can could may might should shall will would under than any its it their there whose "
    "who whom when where why if not no".split()
)
ZH_STOP = frozenset("的了和或与及是在对为等")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    # cached: a store's vocabulary is small beside the words read, and stemming was a third of tokenizing
    for suffix in ("ies", "es", "s", "ed", "ing"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


@lru_cache(maxsize=1)
def jieba_module():
    """jieba, imported on first use (its dictionary takes about half a second to load) and quiet."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def tokenize(text: str, mode: str = "bigram") -> list[str]:
    """English words (lower-cased, lightly stemmed, stop words dropped) plus Chinese tokens:
    character bigrams and single characters (mode "bigram"), or jieba's search-mode words."""
    tokens = [_stem(word) for word in _WORD.findall(_CJK_RUN.sub(" ", text.lower())) if word not in STOPWORDS]
    for run in _CJK_RUN.findall(text):
        if mode == "jieba":
            tokens.extend(w for w in jieba_module().cut_for_search(run) if w.strip() and w not in ZH_STOP)
        else:
            # list comprehensions and map, not generators: tokenizing candidates is much of an answer at 100k chunks
            tokens.extend([c for c in run if c not in ZH_STOP])
            tokens.extend(map(str.__add__, run, run[1:]))
    return tokens


FITTED_PREFIX = "bm25s-"


@dataclass
class LexicalIndex:
    """BM25 over the chunk table; ``ids[i]`` is the chunk at row i."""

    ids: list[str]
    texts: list[str]
    metadatas: list[dict]
    generation: str
    tokenizer: str
    _bm25: object = None

    @classmethod
    def build(cls, ids, texts, metadatas, generation: str, tokenizer: str) -> LexicalIndex:
        index = cls(list(ids), list(texts), list(metadatas), generation, tokenizer)
        index._fit()
        return index

    def _fit(self) -> None:
        import bm25s

        self._bm25 = bm25s.BM25()
        corpus = [tokenize(f"{m.get('title', '')} {m.get('locator', '')} {t}", self.tokenizer)
                  for t, m in zip(self.texts, self.metadatas, strict=True)]
        if corpus:
            self._bm25.index(corpus, show_progress=False)
        self._vocab = getattr(self._bm25, "vocab_dict", {}) or {}
        # inverse document frequency of every token, for weighing which question terms matter
        df: dict[str, int] = {}
        for tokens in corpus:
            for token in set(tokens):
                df[token] = df.get(token, 0) + 1
        self._set_idf(df)

    def _set_idf(self, df: dict[str, int]) -> None:
        n = max(len(self.ids), 1)
        self.idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self.max_idf = math.log(1 + n)

    def _key(self) -> str:
        """Names the fitted index of exactly this chunk table."""
        digest = hashlib.sha256(f"{self.generation}|{self.tokenizer}|".encode())
        for chunk_id in self.ids:
            digest.update(chunk_id.encode() + b"\0")
        return digest.hexdigest()[:20]

    def _restore(self, folder: Path) -> bool:
        """The fitted BM25 saved beside the chunk table (tokenizing 100k chunks again takes a minute); False when
        it is missing, damaged or of another table."""
        import bm25s

        fitted = folder / f"{FITTED_PREFIX}{self._key()}"
        if not fitted.is_dir():
            return False
        try:
            bm25 = bm25s.BM25.load(str(fitted), show_progress=False)
        except (OSError, ValueError, KeyError, json.JSONDecodeError):
            return False
        if int(bm25.scores["num_docs"]) != len(self.ids) or not bm25.vocab_dict:
            return False
        self._bm25, self._vocab = bm25, bm25.vocab_dict
        # a token's document frequency is its column's count of stored scores (a BM25 score is > 0 wherever
        # the token occurs)
        per_column = np.diff(np.asarray(bm25.scores["indptr"]))
        self._set_idf({t: int(per_column[j]) for t, j in self._vocab.items() if j < len(per_column) and per_column[j]})
        return True

    def _save_fitted(self, folder: Path) -> None:
        """The fitted BM25 in a folder named by the table it indexes, renamed into place whole; older ones go."""
        name = f"{FITTED_PREFIX}{self._key()}"
        if self._bm25 is not None and self.ids and not (folder / name).is_dir():
            staging = Path(tempfile.mkdtemp(prefix=f"{name}.", suffix=".part", dir=folder))
            try:
                self._bm25.save(str(staging))
                os.rename(staging, folder / name)
            except OSError:
                shutil.rmtree(staging, ignore_errors=True)  # another writer put the same one in place first
        for old in folder.glob(f"{FITTED_PREFIX}*"):
            if old.name != name:
                shutil.rmtree(old, ignore_errors=True)

    def __len__(self) -> int:
        return len(self.ids)

    def search(self, tokens: list[str], k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(row, score) best first; rows with a zero in ``mask`` are excluded."""
        known = [t for t in tokens if t in self._vocab]
        if not known or not self.ids:
            return []
        k = min(k, len(self.ids))
        rows, scores = self._bm25.retrieve([known], k=k, show_progress=False, weight_mask=mask)
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if s > 0]

    def save(self, folder: Path) -> None:
        """Write the sidecar atomically: a temporary file with a unique name in the same folder, then
        ``os.replace``; a file lock keeps writers (other processes, other threads) one at a time."""
        from filelock import FileLock

        from ingest.faults import checkpoint

        folder.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"generation": self.generation, "tokenizer": self.tokenizer, "ids": self.ids,
                              "texts": self.texts, "metadatas": self.metadatas}, ensure_ascii=False)
        with FileLock(str(folder / "chunks.json.lock"), timeout=60):
            for litter in folder.glob("chunks.json.*.part"):  # left by a writer killed mid-save
                litter.unlink(missing_ok=True)
            fd, tmp = tempfile.mkstemp(prefix="chunks.json.", suffix=".part", dir=folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(payload)
                checkpoint("bm25_part_written")
                os.replace(tmp, folder / "chunks.json")
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self._save_fitted(folder)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex | None:
        """The saved index, or None when there is none or it is damaged (truncated, not JSON, or JSON of
        another shape): the caller rebuilds it from the store."""
        path = folder / "chunks.json"
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        if not _well_formed(data):
            return None
        index = cls(data["ids"], data["texts"], data["metadatas"], data["generation"], data["tokenizer"])
        if not index._restore(folder):
            index._fit()
        return index


def _well_formed(data: object) -> bool:
    if not isinstance(data, dict):
        return False
    ids, texts, metas = data.get("ids"), data.get("texts"), data.get("metadatas")
    if not (isinstance(ids, list) and isinstance(texts, list) and isinstance(metas, list)):
        return False
    if not (len(ids) == len(texts) == len(metas)):
        return False
    if not isinstance(data.get("generation"), str) or not isinstance(data.get("tokenizer"), str):
        return False
    return (all(isinstance(i, str) for i in ids) and all(isinstance(t, str) for t in texts)
            and all(isinstance(m, dict) and isinstance(m.get("doc_id"), str) for m in metas))
