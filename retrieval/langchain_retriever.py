"""LexCite's hybrid, reranked retrieval as a LangChain retriever, for use in users' own chains."""

from __future__ import annotations

from dataclasses import asdict

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from retrieval.service import AnswerService, Options


class LexCiteRetriever(BaseRetriever):
    """``LexCiteRetriever(service=AnswerService(), k=5, in_force_only=True).invoke("question")``"""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    service: AnswerService
    k: int = 5
    kinds: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    in_force_only: bool = False

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        options = Options(k=self.k, kinds=self.kinds, doc_ids=self.doc_ids, languages=self.languages,
                          in_force_only=self.in_force_only)
        passages = self.service.retrieve(query, options)[: self.k]
        docs = []
        for p in passages:
            meta = {k: v for k, v in asdict(p).items() if k not in ("text", "features")}
            meta["features"] = dict(p.features)
            docs.append(Document(page_content=p.text, metadata=meta, id=p.chunk_id))
        return docs
