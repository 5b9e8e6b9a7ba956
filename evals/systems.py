"""The systems an evaluation compares, all behind one interface, on the same store and model:
LexCite, LexCite without reranking, dense only, BM25 only, and the tutorial LangChain pipeline."""

from __future__ import annotations

import time
from pathlib import Path

from evals.metrics import Retrieved, SystemOutput
from ingest.manifest import load_manifest, sha256_file
from retrieval.records import Passage
from retrieval.service import AnswerService, Options

RETRIEVE_DEPTH = 10


def _retrieved(passages: list[Passage]) -> list[Retrieved]:
    return [Retrieved(p.doc_id, p.text, p.translation_of) for p in passages]


class LexCiteSystem:
    def __init__(self, service: AnswerService, name: str = "lexcite", use_rerank: bool = True) -> None:
        self.service, self.name, self.use_rerank = service, name, use_rerank

    def run(self, question: str) -> SystemOutput:
        started = time.perf_counter()
        options = Options(use_rerank=self.use_rerank)
        answer = self.service.answer(question, options)
        latency = (time.perf_counter() - started) * 1000
        # retrieval metrics read the same ranked list the answer was composed from (no second search)
        stored = self.service.store.get(answer.ranked[:RETRIEVE_DEPTH])
        ranked = [Retrieved(stored[i][1]["doc_id"], stored[i][0], stored[i][1].get("translation_of", ""))
                  for i in answer.ranked[:RETRIEVE_DEPTH] if i in stored]
        cited = [Retrieved(c.doc_id, c.text) for c in answer.citations]
        return SystemOutput(answer.text, answer.abstained, ranked, cited, latency,
                            verified=answer.verified,
                            extra={"citations": [f"{c.title} — {c.locator}" for c in answer.citations],
                                   "warnings": answer.warnings})


class RetrieverOnlySystem:
    """A single retriever whose answer is its top passage (as a tutorial would show it)."""

    def __init__(self, service: AnswerService, mode: str) -> None:
        self.service, self.mode, self.name = service, mode, mode

    def run(self, question: str) -> SystemOutput:
        started = time.perf_counter()
        passages = self.service.retrieve(question, Options(mode=self.mode, use_rerank=False))[:RETRIEVE_DEPTH]
        latency = (time.perf_counter() - started) * 1000
        top = passages[:1]
        return SystemOutput(top[0].text if top else "", not top, _retrieved(passages), _retrieved(top), latency,
                            extra={"citations": [f"{p.title} — {p.locator}" for p in top]})


class NaiveLangChainSystem:
    """The tutorial pipeline: RecursiveCharacterTextSplitter(1000, 200), the same embedding model,
    Chroma similarity top-4 through langchain-chroma, answer = the top chunk."""

    name = "naive_langchain"
    collection_name = "naive_langchain"

    def __init__(self, service: AnswerService, corpus_root: Path, only: list[Path] | None = None) -> None:
        """``only``: index just these files or folders under ``corpus_root`` (the benchmark's quick subset)."""
        from langchain_chroma import Chroma

        self.service = service
        self.only = [p.resolve() for p in only] if only else None
        self.vectorstore = Chroma(collection_name=f"{self.collection_name}_{service.settings.embedder}",
                                  embedding_function=service.embedder, client=service.store.client,
                                  collection_metadata={"hnsw:space": "cosine"})
        if not self.vectorstore.get(limit=1, include=[])["ids"]:
            self._index(corpus_root)

    def _index(self, corpus_root: Path) -> None:
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        manifest = load_manifest()
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        texts, metadatas = [], []
        for entry in manifest.entries:
            path = corpus_root / entry.path
            if not path.is_file() or sha256_file(path) != entry.sha256:
                continue
            if self.only and not any(path.resolve() == p or p in path.resolve().parents for p in self.only):
                continue
            for piece in splitter.split_text(path.read_text(encoding="utf-8")):
                texts.append(piece)
                metadatas.append({"doc_id": entry.id, "title": entry.title, "source": entry.path})
        for start in range(0, len(texts), 64):
            self.vectorstore.add_texts(texts[start:start + 64], metadatas=metadatas[start:start + 64])

    def run(self, question: str) -> SystemOutput:
        started = time.perf_counter()
        docs = self.vectorstore.similarity_search(question, k=4)
        latency = (time.perf_counter() - started) * 1000
        deeper = self.vectorstore.similarity_search(question, k=RETRIEVE_DEPTH)
        retrieved = [Retrieved(d.metadata["doc_id"], d.page_content) for d in deeper]
        cited = [Retrieved(d.metadata["doc_id"], d.page_content) for d in docs]
        return SystemOutput(docs[0].page_content if docs else "", not docs, retrieved, cited, latency,
                            extra={"citations": [d.metadata["title"] for d in docs]})


def build_systems(service: AnswerService, corpus_root: Path | None, baselines: bool, suffix: str = "") -> list:
    systems: list = [LexCiteSystem(service)]
    if baselines:
        systems.append(LexCiteSystem(service, "lexcite_no_rerank", use_rerank=False))
        systems.append(RetrieverOnlySystem(service, "dense"))
        systems.append(RetrieverOnlySystem(service, "bm25"))
        if corpus_root is not None and corpus_root.is_dir():
            systems.append(NaiveLangChainSystem(service, corpus_root))
    for system in systems:
        system.name = system.name + suffix
    return systems
