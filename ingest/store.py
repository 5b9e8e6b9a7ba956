"""The chunk store: a Chroma collection (embedded or a server) plus the BM25 sidecar built from it.

The collection records the model that built it; opening it with another model is an error that
says how to rebuild, never a silent mix of vector spaces. Every write bumps a generation number
in the collection metadata, so any process holding a BM25 index can tell it is stale.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ingest.lexical import LexicalIndex
from ingest.records import Chunk
from ingest.settings import Settings

SCHEMA = "1"
log = logging.getLogger("lexcite.store")
BATCH = 256


class StoreError(RuntimeError):
    """A store problem a user can act on; str() says what to do."""


class ModelMismatchError(StoreError):
    pass


EQUIVALENCE_SAMPLE = 12  # the store's own passages the equivalence check encodes with both encoders
# (built_with model id, sample passages) -> the check's record ({"equivalent": bool, ...}) or None
EquivalenceChecker = Callable[[str, list[str]], "dict | None"]


def chunk_metadata(chunk: Chunk, doc_sha256: str) -> dict[str, Any]:
    meta = chunk.meta
    assert meta is not None
    return {
        "doc_id": chunk.doc_id,
        "doc_sha256": doc_sha256,
        "title": meta.title,
        "short": meta.short,
        "kind": meta.kind,
        "authority": int(meta.authority),
        "status": meta.status,
        "language": meta.language,
        "source": meta.source,
        "locator": chunk.locator,
        "start": chunk.start,
        "end": chunk.end,
        "article": chunk.article if chunk.article is not None else -1,
        "page": chunk.page if chunk.page is not None else -1,
        "part": chunk.part,
        "heading_path": " > ".join(chunk.heading_path),
        "translation_of": meta.translation_of,
        "effective": meta.effective,
        "section_marks": json.dumps(chunk.section_marks, ensure_ascii=False) if chunk.section_marks else "",
        "page_marks": json.dumps(chunk.page_marks) if chunk.page_marks else "",
    }


class ChunkStore:
    def __init__(self, settings: Settings, model_id: str, dim: int, create: bool = True,
                 weights_sha256: Callable[[], str] = str, equivalence: EquivalenceChecker | None = None) -> None:
        """``weights_sha256``: the encoder's weights digest, asked only when a collection is created;
        ``equivalence``: checks another encoder against this one, for reading a store it built."""
        self.settings = settings
        self.model_id = model_id
        self.dim = dim
        self.weights_sha256 = weights_sha256
        self._equivalence = equivalence
        self._create = create
        self._copy: Path | None = None  # a private copy of a read-only store, read instead of it
        self._client = self._connect()
        self._collection = self._open_collection(create)
        self._lexical: LexicalIndex | None = None
        self._checked_at = 0.0
        self._lock = threading.RLock()
        self.writing = False  # a write began (begin_write) and has not committed (bump_generation)

    # ------------------------------------------------------------------ connection
    def _connect(self):
        if self.settings.chroma_host:
            return connect(self.settings)
        chroma_dir = self.settings.store / "chroma"
        if chroma_dir.is_dir() and not _writable(chroma_dir):
            if self._create:
                raise StoreError(self._read_only_message())
            # Chroma writes to its database even to read; answer from a private copy instead
            self._copy = Path(tempfile.mkdtemp(prefix="lexcite-readonly-"))
            shutil.copytree(chroma_dir, self._copy / "chroma", copy_function=shutil.copyfile)
            for folder in [self._copy, *self._copy.rglob("*")]:
                folder.chmod(0o700 if folder.is_dir() else 0o600)
            atexit.register(shutil.rmtree, self._copy, ignore_errors=True)
            log.info("the store %s is read-only; reading a temporary copy at %s", chroma_dir, self._copy)
            return connect(self.settings, self._copy / "chroma")
        return connect(self.settings)

    def _read_only_message(self) -> str:
        return (f"the store {self.settings.describe_store()} is read-only (no write permission); reading works, "
                "writing needs a store you can write to: copy it or use another --store")

    def _require_writable(self) -> None:
        if self._copy is not None:
            raise StoreError(self._read_only_message())

    def _open_collection(self, create: bool):
        name = self.settings.collection
        try:
            collection = self._client.get_collection(name, embedding_function=None)
        except Exception:
            collection = None
        if collection is None:
            if not create:
                return None
            # our own vectors are always passed in: Chroma's default embedding function would
            # try to download a model
            collection = self._client.create_collection(
                name, embedding_function=None,
                configuration={"hnsw": {"space": "cosine", "ef_search": self.settings.hnsw_ef_search}},
                metadata={"lexcite_model": self.model_id, "lexcite_dim": self.dim, "lexcite_schema": SCHEMA,
                          "lexcite_generation": "0", "lexcite_weights_sha256": self.weights_sha256()},
            )
        self._search_widely(collection)
        built_with = (collection.metadata or {}).get("lexcite_model")
        if built_with and built_with != self.model_id:
            collection = self._check_equivalent(collection, built_with)
        return collection

    def _check_equivalent(self, collection, built_with: str):
        """Read a store built with another encoder only when the two are shown equivalent: a check recorded
        in the store, or one run now (and recorded when the store can be written)."""
        metadata = dict(collection.metadata or {})
        recorded = json.loads(metadata.get("lexcite_equivalent", "{}") or "{}")
        check = recorded.get(self.model_id)
        if check is None and self._equivalence is not None:
            sample = collection.get(limit=EQUIVALENCE_SAMPLE, include=["documents"])["documents"] or []
            check = self._equivalence(built_with, sample) if sample else None
            if check is not None:
                recorded[self.model_id] = check
                metadata["lexcite_equivalent"] = json.dumps(recorded, ensure_ascii=False)
                try:
                    collection.modify(metadata={k: v for k, v in metadata.items() if not k.startswith("hnsw:")})
                    collection = self._client.get_collection(self.settings.collection, embedding_function=None)
                except Exception:  # a read-only store: the check holds for this process, and runs again next time
                    pass
        if check is not None and check.get("equivalent"):
            return collection
        shown = ("" if check is None else f" (checked: lowest cosine {check.get('min_cosine')} < "
                 f"{check.get('threshold')})")
        raise ModelMismatchError(
            f"the store {self.settings.describe_store()} was built with the model '{built_with}', but the "
            f"settings ask for '{self.model_id}', and their vectors are not shown equivalent{shown}. Vectors of two "
            f"models cannot be mixed. Either set LEXCITE_EMBEDDER back, or rebuild: `lexcite ingest --rebuild` "
            f"(or use another --store)."
        )

    def equivalence_record(self) -> dict:
        """Checks recorded in the store: reading model id -> the check (min/mean cosine, when, result)."""
        if self._collection is None:
            return {}
        return json.loads((self._collection.metadata or {}).get("lexcite_equivalent", "{}") or "{}")

    def _search_widely(self, collection) -> None:
        """Stores made before ef_search was a setting (or with another value) get it on open."""
        try:
            current = (collection.configuration_json or {}).get("hnsw", {}).get("ef_search")
        except AttributeError:
            current = None
        if current is not None and current != self.settings.hnsw_ef_search and self._copy is None:
            collection.modify(configuration={"hnsw": {"ef_search": self.settings.hnsw_ef_search}})

    @property
    def exists(self) -> bool:
        return self._collection is not None

    @property
    def client(self):
        """The Chroma client the store talks through (embedded or a server): for collections kept beside the
        store's own, such as the evaluation's tutorial baseline."""
        return self._client

    @property
    def collection(self):
        if self._collection is None:
            raise StoreError(f"the store {self.settings.describe_store()} is empty: run `lexcite ingest` first")
        return self._collection

    # ------------------------------------------------------------------ reads
    def count(self) -> int:
        return self.collection.count() if self._collection is not None else 0

    def generation(self) -> str:
        return self._state()[0]

    def _state(self) -> tuple[str, bool]:
        """(generation, whether a write began and has not committed) read fresh from the collection."""
        if self._collection is None:
            return "none", False
        fresh = self._client.get_collection(self.settings.collection, embedding_function=None)
        metadata = fresh.metadata or {}
        return str(metadata.get("lexcite_generation", "0")), bool(metadata.get("lexcite_pending"))

    def ids_for_document(self, doc_id: str) -> dict[str, str]:
        """chunk id -> the document sha256 it was built from."""
        got = self.collection.get(where={"doc_id": doc_id}, include=["metadatas"])
        return {i: m.get("doc_sha256", "") for i, m in zip(got["ids"], got["metadatas"], strict=True)}

    def metadata_for_document(self, doc_id: str) -> dict[str, dict[str, Any]]:
        """chunk id -> its stored metadata."""
        got = self.collection.get(where={"doc_id": doc_id}, include=["metadatas"])
        return dict(zip(got["ids"], got["metadatas"], strict=True))
    def all_ids(self) -> list[str]:
        ids: list[str] = []
        total = self.count()
        for offset in range(0, total, 5000):
            ids.extend(self.collection.get(include=[], limit=5000, offset=offset)["ids"])
        return ids

    def all_chunks(self) -> tuple[list[str], list[str], list[dict]]:
        ids: list[str] = []
        texts: list[str] = []
        metas: list[dict] = []
        total = self.count()
        for offset in range(0, total, 2000):
            got = self.collection.get(include=["documents", "metadatas"], limit=2000, offset=offset)
            ids.extend(got["ids"])
            texts.extend(got["documents"])
            metas.extend(got["metadatas"])
        return ids, texts, metas

    def documents(self) -> dict[str, dict[str, Any]]:
        """doc id -> a summary (title, kind, language, status, chunks) read from chunk metadata."""
        index = self.lexical()
        docs: dict[str, dict[str, Any]] = {}
        for meta in index.metadatas:
            entry = docs.setdefault(meta["doc_id"], {
                "doc_id": meta["doc_id"], "title": meta.get("title", ""), "short": meta.get("short", ""),
                "kind": meta.get("kind", ""), "language": meta.get("language", ""),
                "status": meta.get("status", ""), "source": meta.get("source", ""), "chunks": 0})
            entry["chunks"] += 1
        return docs

    def dense_search(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        if self._collection is None:
            return []
        # Chroma returns fewer than n_results when the collection (or the filter) holds fewer: no count needed
        result = self.collection.query(query_embeddings=[vector.tolist()], n_results=k,
                                       where=where or None, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0], strict=True)]

    def get(self, ids: Sequence[str]) -> dict[str, tuple[str, dict]]:
        if not ids:
            return {}  # Chroma refuses an empty id list; an off-topic question searched nothing
        got = self.collection.get(ids=list(dict.fromkeys(ids)), include=["documents", "metadatas"])
        return {i: (t, m) for i, t, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)}

    # ------------------------------------------------------------------ writes
    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray, doc_sha256: str) -> None:
        self._require_writable()
        for start in range(0, len(chunks), BATCH):
            part = chunks[start:start + BATCH]
            self.collection.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=vectors[start:start + BATCH].tolist(),
                documents=[c.text for c in part],
                metadatas=[chunk_metadata(c, doc_sha256) for c in part],
            )

    def update_metadata(self, chunks: Sequence[Chunk], doc_sha256: str) -> None:
        """Rewrite the metadata of chunks whose text and vectors stay as they are."""
        for start in range(0, len(chunks), BATCH):
            part = chunks[start:start + BATCH]
            self.collection.update(ids=[c.chunk_id for c in part],
                                   metadatas=[chunk_metadata(c, doc_sha256) for c in part])

    def delete_ids(self, ids: Iterable[str]) -> None:
        self._require_writable()
        ids = list(ids)
        for start in range(0, len(ids), BATCH):
            self.collection.delete(ids=ids[start:start + BATCH])

    def delete_document(self, doc_id: str) -> int:
        ids = list(self.ids_for_document(doc_id))
        self.delete_ids(ids)
        return len(ids)

    def begin_write(self) -> None:
        """Mark the store as being written: a process killed before bump_generation leaves the mark, and
        the next open rebuilds the BM25 sidecar from Chroma instead of trusting it."""
        self._set_metadata(lexcite_pending=f"{os.getpid()}-{time.time():.3f}")
        self.writing = True

    def bump_generation(self) -> None:
        """Commit: a new generation (every reader's sidecar is now stale) and the write mark cleared."""
        self._set_metadata(lexcite_generation=f"{time.time():.6f}-{uuid.uuid4().hex[:8]}", lexcite_pending="")
        self.writing = False

    def _set_metadata(self, **values: str) -> None:
        self._require_writable()
        fresh = self._client.get_collection(self.settings.collection, embedding_function=None)
        metadata = {k: v for k, v in (fresh.metadata or {}).items() if not k.startswith("hnsw:")}
        metadata.update(values)
        self.collection.modify(metadata=metadata)
        self._collection = self._client.get_collection(self.settings.collection, embedding_function=None)

    def drop(self) -> None:
        """Delete the collection and its sidecar (used by --rebuild)."""
        try:
            self._client.delete_collection(self.settings.collection)
        except Exception:
            pass
        shutil.rmtree(self.settings.bm25_dir, ignore_errors=True)
        self._collection = None
        self._lexical = None

    # ------------------------------------------------------------------ lexical sidecar
    def lexical(self, max_age_s: float = 5.0) -> LexicalIndex:
        """The BM25 index, rebuilt from the collection when a write made it stale.

        A sidecar read from disk must match Chroma's generation, its chunk count, and no write may be left
        marked as begun (begin_write) and not committed; a missing or damaged sidecar is rebuilt silently,
        one that disagrees is rebuilt with a one-line note (a write killed between its vectors and its
        generation leaves such a sidecar), and the interrupted write is committed."""
        with self._lock:
            now = time.monotonic()
            if self._lexical is not None and now - self._checked_at < max_age_s:
                return self._lexical
            generation, pending = self._state()
            pending = pending and not self.writing  # this process's own write, still under way, is no crash
            self._checked_at = now
            if self._lexical is not None and self._lexical.generation == generation:
                return self._lexical
            tokenizer = self.settings.lexical_tokenizer
            index = LexicalIndex.load(self.settings.bm25_dir)
            if index is not None and (index.generation != generation or index.tokenizer != tokenizer):
                index = None  # stale after a write, or built with another tokenizer: not a repair
            if index is not None:
                problem = self._disagreement(index, pending)
                if problem:
                    log.warning("lexcite: repaired: %s; rebuilt the BM25 index from Chroma (%s)",
                                problem, self.settings.bm25_dir)
                    index = None
            if pending and self._copy is None:
                # the interrupted write is settled by this rebuild: commit it, so the next open trusts the sidecar
                self.bump_generation()
                generation = self.generation()
            if index is None:
                ids, texts, metas = self.all_chunks() if self._collection is not None else ([], [], [])
                index = LexicalIndex.build(ids, texts, metas, generation, tokenizer)
                if self.settings.chroma_host is None or self.settings.store.exists():
                    self._save_sidecar(index)
            self._lexical = index
            return index

    def _disagreement(self, index: LexicalIndex, pending: bool) -> str:
        """How the sidecar and Chroma disagree, or '' when they agree. A write mark left by a killed process,
        or a different number of chunks, is a disagreement; counting is cheap even at 100k chunks."""
        if self._collection is None:
            return "" if not index.ids else f"the BM25 index lists {len(index.ids)} chunk(s) of an empty store"
        count = self.count()
        if pending:
            return (f"a write to the store was interrupted (or is under way in another process) after the BM25 "
                    f"index was saved ({count} chunk(s) in Chroma, {len(index.ids)} in the BM25 index)")
        if count != len(index.ids):
            return f"the BM25 index and Chroma disagreed ({count} chunk(s) in Chroma, {len(index.ids)} in the BM25 index)"
        return ""

    def _save_sidecar(self, index: LexicalIndex) -> None:
        if self._copy is not None:
            return  # a read-only store: the index lives in memory for this process
        try:
            index.save(self.settings.bm25_dir)
        except OSError as exc:
            # a read-only store still answers: the index lives in memory for this process
            log.debug("BM25 sidecar not saved (%s)", exc)


# ---------------------------------------------------------------------------- store-level helpers
def connect(settings: Settings, path: Path | None = None):
    """A Chroma client for the settings: the server when chroma_host is set, else the embedded store."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        except Exception as exc:
            raise StoreError(f"cannot reach the Chroma server at {settings.chroma_host}:"
                             f"{settings.chroma_port} ({exc}); is `chroma run` started?") from exc
    if path is None:
        settings.store.mkdir(parents=True, exist_ok=True)
        path = settings.store / "chroma"
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def _writable(chroma_dir: Path) -> bool:
    database = chroma_dir / "chroma.sqlite3"
    return os.access(chroma_dir, os.W_OK) and (not database.exists() or os.access(database, os.W_OK))


def describe_existing(settings: Settings) -> tuple[int, str | None]:
    """(chunks, the model that built them) of the store, whichever model that was; (0, None) when empty."""
    if not settings.chroma_host and not (settings.store / "chroma").is_dir():
        return 0, None
    client = connect(settings)
    try:
        collection = client.get_collection(settings.collection, embedding_function=None)
    except Exception:
        return 0, None
    return collection.count(), (collection.metadata or {}).get("lexcite_model")


def drop_store(settings: Settings) -> None:
    """Delete the collection and its BM25 sidecar whatever model built them (`lexcite ingest --rebuild`)."""
    if settings.chroma_host or (settings.store / "chroma").is_dir():
        chroma_dir = settings.store / "chroma"
        if not settings.chroma_host and not _writable(chroma_dir):
            raise StoreError(f"the store {settings.describe_store()} is read-only (no write permission); "
                             "it cannot be rebuilt in place: use another --store")
        client = connect(settings)
        try:
            client.delete_collection(settings.collection)
        except Exception:
            pass  # no such collection: nothing to drop
    shutil.rmtree(settings.bm25_dir, ignore_errors=True)
