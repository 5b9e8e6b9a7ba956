"""Ingest: files -> Documents -> Sections -> Chunks -> vectors -> the store.

Idempotent and incremental: chunk ids derive from the document id and content, so an unchanged
document writes nothing, a changed one gets its new chunks written before its stale ones are
deleted, and a run killed part-way is finished by running it again.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ingest.chunker import chunk_document
from ingest.embedder import LexCiteEmbeddings, get_embedder
from ingest.faults import checkpoint
from ingest.loaders import SUPPORTED_SUFFIXES, LoadError, load_file
from ingest.manifest import Manifest, load_manifest, sha256_file
from ingest.normalise import detect_language
from ingest.records import Document, DocumentMeta
from ingest.settings import Settings
from ingest.store import ChunkStore, chunk_metadata
from ingest.structure import annotate_chunks, find_structure

LONG_DOCUMENT_CHUNKS = 128  # a document with more chunks than this gets a progress bar of its own


@dataclass
class FileResult:
    path: str
    doc_id: str = ""
    status: str = ""  # added | updated | unchanged | skipped
    chunks: int = 0
    reason: str = ""


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)
    chunks_written: int = 0
    chunks_deleted: int = 0
    chunks_relabelled: int = 0  # unchanged text whose manifest metadata changed (e.g. now superseded)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def skipped(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "skipped"]

    @property
    def ingested(self) -> int:
        return self.count("added") + self.count("updated") + self.count("unchanged")

    @property
    def ok(self) -> bool:
        """Something was ingested and every file of a supported type was read (other types are only listed)."""
        return self.ingested > 0 and not any(f for f in self.skipped if not f.reason.startswith("unsupported type"))

    @property
    def chunks_per_s(self) -> float:
        return self.chunks_written / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        return (f"{len(self.files)} file(s): {self.count('added')} added, {self.count('updated')} updated, "
                f"{self.count('unchanged')} unchanged, {len(self.skipped)} skipped; "
                f"{self.chunks_written} chunk(s) written, {self.chunks_deleted} removed in {self.seconds:.1f} s "
                f"({self.chunks_per_s:.1f} chunks/s)")


def open_store(settings: Settings, embedder: LexCiteEmbeddings | None = None, create: bool = True) -> ChunkStore:
    embedder = embedder or get_embedder(settings.embedder)

    def equivalence(built_with: str, passages: list[str]) -> dict | None:
        from ingest.equivalence import check_against

        check = check_against(embedder, built_with, passages)
        return None if check is None else check.to_dict()

    return ChunkStore(settings, embedder.model_id, embedder.dim, create=create,
                      weights_sha256=lambda: embedder.weights_sha256, equivalence=equivalence)


def _ignore_patterns(settings: Settings, folder: Path) -> list[str]:
    patterns = list(settings.exclude)
    ignore_file = folder / ".lexciteignore"
    if ignore_file.is_file():
        patterns += [line.strip() for line in ignore_file.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#")]
    return patterns


def discover(paths: list[Path], settings: Settings) -> tuple[list[Path], list[FileResult]]:
    """Files to ingest, and the paths that were skipped: missing, or of a type LexCite cannot read (only files
    excluded on purpose, by `exclude` or .lexciteignore, and hidden files are passed over silently)."""
    files: list[Path] = []
    problems: list[FileResult] = []
    for path in paths:
        if path.is_dir():
            patterns = _ignore_patterns(settings, path)
            for candidate in sorted(path.rglob("*")):
                rel = candidate.relative_to(path).as_posix()
                if not candidate.is_file() or any(part.startswith(".") for part in candidate.relative_to(path).parts):
                    continue
                if any(fnmatch.fnmatch(candidate.name, p) or fnmatch.fnmatch(rel, p) for p in patterns):
                    continue
                if candidate.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(candidate)
                else:
                    problems.append(FileResult(str(candidate), status="skipped",
                                               reason=f"unsupported type {candidate.suffix.lower() or '(none)'}"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(FileResult(str(path), status="skipped", reason="no such file or folder"))
    return files, problems


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "doc"


INTERNAL_AUTHORITY = 4  # a user's own rules rank with the best guides, never at the blog tier (5)


def user_kind(path: Path, settings: Settings, kind: str | None = None) -> str:
    """'internal' for a user's own document (by --kind, or a path matching settings.internal_paths)."""
    if kind:
        return kind
    posix = path.resolve().as_posix()
    return "internal" if any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(path.as_posix(), p)
                             for p in settings.internal_paths) else "document"


def user_doc_id(path: Path) -> str:
    """A user's own document: a stable id per path, so an edited file replaces its old chunks."""
    path_hash = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:6]
    return f"{_slug(path.stem)}-{path_hash}"


def uploaded_file(doc_id: str, settings: Settings) -> Path | None:
    """The file kept in the store's uploads folder for an uploaded document, if any."""
    folder = settings.uploads_dir
    if not folder.is_dir():
        return None
    return next((p for p in sorted(folder.iterdir()) if p.is_file() and user_doc_id(p) == doc_id), None)


def describe(path: Path, digest: str, text: str, first_heading: str, settings: Settings, manifest: Manifest,
             warnings: list[str], kind: str | None = None) -> DocumentMeta:
    entry = manifest.by_sha256(digest)
    if entry is None:
        root = settings.corpus_root.resolve()
        try:
            rel = path.resolve().relative_to(root).as_posix()
        except ValueError:
            rel = None
        entry = next((e for e in manifest.entries if e.path == rel), None) if rel else None
        if entry is not None:
            warnings.append(f"{path}: content differs from the manifest's sha256 for {entry.id}; "
                            "ingested with the manifest's metadata")
    if entry is not None:
        return entry.to_meta()
    kind = user_kind(path, settings, kind)
    return DocumentMeta(doc_id=user_doc_id(path), title=first_heading or path.stem,
                        kind=kind, authority=INTERNAL_AUTHORITY if kind == "internal" else 5, status="in-force",
                        language=detect_language(text), source=path.name)


def ingest_paths(paths: list[Path], settings: Settings, *, store: ChunkStore | None = None,
                 embedder: LexCiteEmbeddings | None = None, progress: bool = True,
                 manifest: Manifest | None = None, display_names: dict[Path, str] | None = None,
                 kind: str | None = None) -> IngestReport:
    """kind: the kind of every document not in the manifest ('internal' for a user's own), else by path."""
    started = time.perf_counter()
    embedder = embedder or get_embedder(settings.embedder)
    store = store or open_store(settings, embedder)
    manifest = manifest or load_manifest(corpus_root=settings.corpus_root)
    report = IngestReport()
    files, problems = discover(paths, settings)
    report.files.extend(problems)
    seen_docs: dict[str, str] = {}
    bar = _progress(len(files), progress)
    try:
        for path in files:
            result = FileResult(str(path))
            report.files.append(result)
            try:
                _ingest_one(path, settings, store, embedder, manifest, result, report, seen_docs,
                            (display_names or {}).get(path), kind, progress=bar is not None)
            except LoadError as exc:
                result.status, result.reason = "skipped", str(exc)
            except OSError as exc:
                result.status, result.reason = "skipped", f"cannot read: {exc.strerror or exc}"
            if bar is not None:
                # the name a reader knows: an upload's own file name, a corpus document's id, never a hashed name
                bar.set_postfix_str(((display_names or {}).get(path) or result.doc_id or path.name)[:30])
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        if store.writing:
            store.bump_generation()  # a document interrupted by an exception still invalidates the sidecar
        report.seconds = time.perf_counter() - started
    store.lexical(max_age_s=0)  # bring the BM25 sidecar in step now, not on the first question
    checkpoint("after_bm25")
    return report


def _ingest_one(path, settings, store, embedder, manifest, result, report, seen_docs, display_name,
                kind=None, progress: bool = False) -> None:
    digest = sha256_file(path)
    loaded = load_file(path, int(settings.max_file_mb * 1e6), ocr=settings.ocr)
    meta = describe(path, digest, loaded.text, loaded.first_heading, settings, manifest, report.warnings, kind)
    if display_name:
        meta.source = display_name
        if not meta.in_manifest and not loaded.first_heading:
            meta.title = display_name
    result.doc_id = meta.doc_id
    if meta.doc_id in seen_docs:
        result.status, result.reason = "skipped", f"same document as {seen_docs[meta.doc_id]}"
        return
    seen_docs[meta.doc_id] = str(path)
    document = Document(meta=meta, text=loaded.text, sha256=digest, path=str(path), pages=loaded.pages)
    structure = find_structure(document.text, document.pages, loaded.headings, numbered=not meta.in_manifest)
    chunks = chunk_document(document, structure.sections, embedder.count_tokens, embedder.max_tokens,
                            settings.chunk_tokens, settings.chunk_overlap_tokens)
    annotate_chunks(chunks, document.text, structure.sections, document.pages)
    if not chunks:
        raise LoadError("no text to index after normalisation")
    if len(chunks) > settings.max_chunks_per_document:
        raise LoadError(f"{len(chunks)} chunks, over the limit of {settings.max_chunks_per_document} per document "
                        "(setting max_chunks_per_document); split the file or raise the limit")
    stored = store.metadata_for_document(meta.doc_id)
    existing = {i: m.get("doc_sha256", "") for i, m in stored.items()}
    new_ids = {c.chunk_id for c in chunks}
    missing = [c for c in chunks if c.chunk_id not in existing]
    stale = [i for i in existing if i not in new_ids]
    result.chunks = len(chunks)
    if not missing and not stale:
        # same text; the manifest may have changed what is known of it (a later text now supersedes it)
        relabel = [c for c in chunks if chunk_metadata(c, digest) != stored[c.chunk_id]]
        if relabel:
            store.begin_write()
            store.update_metadata(relabel, digest)
            store.bump_generation()  # the sidecar's copy of the labels is stale
        report.chunks_relabelled += len(relabel)
        result.status = "updated" if relabel else "unchanged"
        return
    result.status = "updated" if existing else "added"
    store.begin_write()
    checkpoint("before_vectors")
    # a long document gets its own bar of chunks, so the run visibly moves while it is embedded
    pool = embedder.passage_pool
    chunk_bar = _progress(len(missing), progress and len(missing) > LONG_DOCUMENT_CHUNKS, unit="chunk",
                          desc=path.name[:30], leave=False)
    for start in range(0, len(missing), pool):
        batch = missing[start:start + pool]
        vectors = embedder.encode_passages([c.embed_text for c in batch])
        store.upsert(batch, vectors, digest)
        report.chunks_written += len(batch)
        if chunk_bar is not None:
            chunk_bar.update(len(batch))
        checkpoint("mid_vectors")
    if chunk_bar is not None:
        chunk_bar.close()
    checkpoint("after_vectors")
    # stale chunks go only after every new chunk is in, so an interrupted run never loses a document
    store.delete_ids(stale)
    report.chunks_deleted += len(stale)
    checkpoint("after_stale")
    # the document is committed: a new generation tells every reader (and the next open) that the BM25
    # sidecar no longer matches; a process killed before this line leaves a sidecar whose ids disagree
    # with Chroma, which the next open repairs (ChunkStore.lexical)
    store.bump_generation()
    checkpoint("after_generation")


def remove_documents(doc_ids: list[str], settings: Settings, store: ChunkStore | None = None) -> dict[str, int]:
    store = store or open_store(settings, create=False)
    if store.exists:
        store.begin_write()
    removed = {doc_id: store.delete_document(doc_id) for doc_id in doc_ids}
    for doc_id in doc_ids:
        upload = uploaded_file(doc_id, settings)
        if upload is not None:
            upload.unlink(missing_ok=True)  # an uploaded document goes with the file kept for it
    if store.exists:
        store.bump_generation()
        store.lexical(max_age_s=0)
    return removed


def _progress(total: int, enabled: bool, unit: str = "doc", desc: str = "ingest", leave: bool = True):
    if not enabled or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, desc=desc, dynamic_ncols=True, leave=leave)
