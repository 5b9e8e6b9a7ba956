"""Hybrid candidate search: dense (Chroma) + BM25 (bm25s) + direct article lookup, fused by
reciprocal rank fusion. Filters apply to every retriever alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ingest.embedder import LexCiteEmbeddings
from ingest.lexical import LexicalIndex
from ingest.numerals import int_to_chinese
from ingest.settings import Settings
from ingest.store import ChunkStore
from retrieval.figures import largest_fine
from retrieval.glossary import name_forms, names_in
from retrieval.laws import SECONDARY_KINDS, resolve_laws
from retrieval.query import DRAFT_CUE, QueryAnalysis
from retrieval.records import Passage
from retrieval.roles import counting_pattern, counts_unclassed, is_sanction
from retrieval.violations import SanctionMap, sanction_map

# a text's clause saying when it takes effect (本法自2021年9月1日起施行, 本规定自公布之日起施行, "shall enter into force
# on") or its record of adoption (2021年8月20日第十三届全国人民代表大会常务委员会第三十次会议通过, "adopted at the…")
_COMMENCEMENT = re.compile(r"本(?:法|条例|办法|规定|决定|解释|标准)自[^。；]{2,24}?起(?:施行|生效)|"
                           r"\b(?:shall|will) (?:enter|come) into (?:force|effect)\b|\bshall take effect\b|"
                           r"\d{4}年\d{1,2}月\d{1,2}日[^。；\n]{0,40}?会议(?:审议)?通过|\badopted at the\b", re.I)

MODES = ("hybrid", "dense", "bm25")


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    in_force_only: bool = False

    @classmethod
    def of(cls, kinds=None, doc_ids=None, languages=None, in_force_only=False) -> Filters:
        return cls(tuple(kinds or ()), tuple(doc_ids or ()), tuple(languages or ()), bool(in_force_only))

    @property
    def active(self) -> bool:
        return bool(self.kinds or self.doc_ids or self.languages or self.in_force_only)

    def where(self) -> dict | None:
        clauses: list[dict] = []
        if self.kinds:
            clauses.append({"kind": {"$in": list(self.kinds)}})
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.languages:
            clauses.append({"language": {"$in": list(self.languages)}})
        if self.in_force_only:
            clauses.append({"status": "in-force"})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def allows(self, meta: dict) -> bool:
        return ((not self.kinds or meta.get("kind") in self.kinds)
                and (not self.doc_ids or meta.get("doc_id") in self.doc_ids)
                and (not self.languages or meta.get("language") in self.languages)
                and (not self.in_force_only or meta.get("status") == "in-force"))


def _offsets(texts: list[str]) -> np.ndarray:
    """Where each text starts in the texts joined by one separator."""
    lengths = np.fromiter((len(text) + 1 for text in texts), dtype=np.int64, count=len(texts))
    return np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(texts) else np.zeros(0, dtype=np.int64)


def _rows_with(form: str, blob: str, offsets: np.ndarray) -> set[int]:
    """The rows whose text holds the form, found in the texts joined (``blob``, each starting at ``offsets``): one
    fast substring search, where testing 100k texts one by one took most of a second."""
    rows: set[int] = set()
    at = blob.find(form)
    while at >= 0:
        row = int(np.searchsorted(offsets, at, side="right")) - 1
        rows.add(row)
        at = blob.find(form, int(offsets[row + 1]) if row + 1 < len(offsets) else len(blob))
    return rows


class ChunkTable:
    """Row lookups over the lexical index's chunk table (id -> row, doc/article -> rows)."""

    def __init__(self, index: LexicalIndex) -> None:
        self.index = index
        self.row_of = {chunk_id: row for row, chunk_id in enumerate(index.ids)}
        self.by_article: dict[tuple[str, int], list[int]] = {}
        for row, meta in enumerate(index.metadatas):
            article = int(meta.get("article", -1))
            if article >= 0:
                self.by_article.setdefault((meta["doc_id"], article), []).append(row)

        self._naming: dict[str, np.ndarray] = {}
        self._joined: tuple[str, str, np.ndarray, np.ndarray] | None = None
        self._claiming: dict[str, list[str]] | None = None
        self._translating: dict[str, list[int]] | None = None
        self._sanctions: dict[str, SanctionMap] = {}
        self.rows_of_doc: dict[str, list[int]] = {}
        for row, meta in enumerate(index.metadatas):
            self.rows_of_doc.setdefault(meta.get("doc_id", ""), []).append(row)

    def copies_claiming(self, law: str, manifest) -> list[str]:
        """Documents outside the manifest whose title names ``law`` (copies that claim to be it). Read once per
        table: every answer asks it, and at 100k chunks reading every title each time took a second."""
        if self._claiming is None:
            self._claiming = {}
            for doc_id, rows in self.rows_of_doc.items():
                if manifest.by_id(doc_id) is None:
                    for named in resolve_laws(self.index.metadatas[rows[0]].get("title", ""), manifest):
                        self._claiming.setdefault(named, []).append(doc_id)
        return self._claiming.get(law, [])

    def sanctions_of(self, doc_id: str) -> SanctionMap:
        """Which duties the document's sanctions punish by number (read once per table and document)."""
        if doc_id not in self._sanctions:
            self._sanctions[doc_id] = sanction_map([self.index.texts[row] for row in self.rows_of_doc.get(doc_id, [])])
        return self._sanctions[doc_id]

    def rows_of_laws(self, laws, translations: bool = True) -> list[int]:
        """The rows of the laws' chunks (and of their translations'), in row order."""
        rows = [row for law in laws for row in self.rows_of_doc.get(law, [])]
        if translations:
            rows += [row for law in laws for row in self._rows_translating().get(law, [])]
        return sorted(set(rows))

    def _rows_translating(self) -> dict[str, list[int]]:
        if self._translating is None:
            self._translating = {}
            for row, meta in enumerate(self.index.metadatas):
                if original := meta.get("translation_of", ""):
                    self._translating.setdefault(original, []).append(row)
        return self._translating

    def passage(self, row: int) -> Passage:
        return Passage.from_store(self.index.ids[row], self.index.texts[row], self.index.metadatas[row])

    def rows_naming(self, name: str) -> np.ndarray:
        """1.0 for each chunk that names a name (CRM, CBDT, 交通银行) as written or through the glossary; remembered
        with this table, which lives as long as the store's generation."""
        if name not in self._naming:
            found = np.zeros(len(self.index.texts), dtype=np.float32)
            found[self._rows_holding(name)] = 1.0
            self._naming[name] = found
        return self._naming[name]

    def _rows_holding(self, name: str) -> list[int]:
        """The rows whose text holds a form of the name: each form found in all texts joined, the candidates
        confirmed one by one."""
        joined, lowered, starts, lowered_starts = self._joined_texts()
        rows: set[int] = set()
        for form in name_forms(name):
            for blob, offsets in ((joined, starts),) + (((lowered, lowered_starts),) if form.isascii() else ()):
                rows |= _rows_with(form, blob, offsets)
        return sorted(row for row in rows if names_in(name, self.index.texts[row]))

    def _joined_texts(self) -> tuple[str, str, np.ndarray, np.ndarray]:
        if self._joined is None:
            texts = self.index.texts
            lowered_texts = [text.lower() for text in texts]  # lower() may change a text's length: own offsets
            self._joined = ("\0".join(texts), "\0".join(lowered_texts), _offsets(texts), _offsets(lowered_texts))
        return self._joined

    def holds_name(self, name: str) -> bool:
        return bool(self.rows_naming(name).any())

    def uses(self, text: str) -> bool:
        """Whether any stored passage holds the text anywhere (Latin text in any case): a plain substring test,
        for the question's nouns of another field (rule foreign_subject)."""
        joined, lowered, *_ = self._joined_texts()
        return text.lower() in lowered if text.isascii() else text in joined

    def passages_using(self, text: str) -> int:
        """How many stored passages hold the text anywhere (Latin text in any case): one search of all texts
        joined, as for a name."""
        joined, lowered, starts, lowered_starts = self._joined_texts()
        if text.isascii():
            return len(_rows_with(text.lower(), lowered, lowered_starts))
        return len(_rows_with(text, joined, starts))

    def mask(self, filters: Filters) -> np.ndarray | None:
        if not filters.active:
            return None
        return np.array([1.0 if filters.allows(m) else 0.0 for m in self.index.metadatas], dtype=np.float32)


# the words a passage speaking of a draft uses (query.DRAFT_CUE reads the question's)
DRAFT_WORDS = ("draft", "草案", "征求意见稿")


class HybridSearcher:
    def __init__(self, store: ChunkStore, embedder: LexCiteEmbeddings, settings: Settings) -> None:
        self.store = store
        self.embedder = embedder
        self.settings = settings
        self._table: ChunkTable | None = None
        self._last_query: tuple[str, np.ndarray] | None = None

    def table(self) -> ChunkTable:
        index = self.store.lexical()
        if self._table is None or self._table.index is not index:
            self._table = ChunkTable(index)
        return self._table

    def query_vector(self, question: str) -> np.ndarray:
        """The question's vector, the one its search uses (encoded once)."""
        return self._encode(question)

    def _encode(self, question: str) -> np.ndarray:
        """The question's vector; a second search for the same question (the answerer widening a search past
        the laws it names) reuses it rather than encoding again."""
        last = self._last_query
        if last is None or last[0] != question:
            last = self._last_query = (question, self.embedder.encode_query(question))
        return last[1]

    def search(self, analysis: QueryAnalysis, filters: Filters, mode: str = "hybrid",
               query_vector: np.ndarray | None = None) -> list[Passage]:
        """Fused candidates, best first, with dense/bm25/fused scores filled in."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        table = self.table()
        n = self.settings.candidates
        rankings: list[list[str]] = []
        dense_scores: dict[str, float] = {}
        bm25_scores: dict[str, float] = {}
        reporting: set[str] = set()
        if mode in ("hybrid", "dense"):
            vector = query_vector if query_vector is not None else self._encode(analysis.question)
            dense = self.store.dense_search(vector, n, filters.where())
            dense_scores = dict(dense)
            rankings.append([i for i, _ in dense])
        if mode in ("hybrid", "bm25"):
            hits = table.index.search(analysis.tokens, n, table.mask(filters))
            bm25_scores = {table.index.ids[row]: score for row, score in hits}
            rankings.append([table.index.ids[row] for row, _ in hits])
        if mode == "hybrid":
            direct = self._direct_articles(analysis, filters, table)
            if direct:
                rankings.append(direct)
            scoped = self._within_named_laws(analysis, filters, table, n)
            if scoped:
                rankings.append(scoped)
            if reported := self._reported_counts(analysis, filters, vector):
                rankings.append(reported)
                reporting = set(reported)
            for naming in (self._naming_institutions(analysis, filters, table),
                           self._naming_names(analysis, filters, table),
                           self._highest_fines(analysis, filters, table),
                           self._telling_drafts(analysis, filters, table),
                           self._commencement_clauses(analysis, filters, table)):
                if naming:
                    rankings.append(naming)
        fused: dict[str, float] = {}
        for ranking in rankings:
            for rank, chunk_id in enumerate(ranking):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (self.settings.rrf_k + rank + 1)
        if mode == "hybrid" and "amount" in analysis.wants and analysis.sanctions_answer:
            for rank, chunk_id in enumerate(self._penalties_for_duties(fused, filters, table)):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (self.settings.rrf_k + rank + 1)
        self._add_originals(fused, table)
        passages = []
        for chunk_id, score in sorted(fused.items(), key=lambda kv: -kv[1]):
            row = table.row_of.get(chunk_id)
            if row is None:  # written after the sidecar was loaded; it joins at the next refresh
                continue
            passage = table.passage(row)
            passage.dense = dense_scores.get(chunk_id, 0.0)
            passage.bm25 = bm25_scores.get(chunk_id, 0.0)
            passage.fused = score
            passage.score = score
            passage.reports_count = chunk_id in reporting
            passages.append(passage)
        if mode == "hybrid" and dense_scores:
            self._fill_dense(passages, query_vector if query_vector is not None else vector)
        return passages

    def _reported_counts(self, analysis: QueryAnalysis, filters: Filters, vector: np.ndarray,
                         n: int = 4) -> list[str]:
        """A count asked for a day or a year ("截至2024年底…有多少个", "how many cases in 2022"): no statute states
        one, so the guides and articles nearest in meaning are candidates, in whichever language they are written
        (a Chinese question otherwise finds only the Chinese statutes' passages). So is a count of things of no
        class the statutes count (等保分几个级别: a guide's "five protection levels")."""
        unclassed = counts_unclassed(analysis) and not analysis.reported_count
        if not (analysis.reported_count or unclassed):
            return []
        kinds = tuple(k for k in SECONDARY_KINDS if not filters.kinds or k in filters.kinds)
        if not kinds:
            return []
        within = Filters(kinds, filters.doc_ids, filters.languages, filters.in_force_only)
        if unclassed:
            # the guides' chunks that count the thing ("five protection levels"), by the question's words and their
            # glossary translations (MLPS for 等保): a Chinese question's vector is nearest to guides' general
            # chapters, not to the one English sentence that counts it
            table = self.table()
            counting = counting_pattern(analysis.count_noun)
            if counting is None:
                return []
            allowed = np.array([1.0 if counting.search(text) else 0.0 for text in table.index.texts], dtype=np.float32)
            mask = table.mask(within)
            return [table.index.ids[row] for row, _ in
                    table.index.search(analysis.tokens, n, allowed * mask if mask is not None else allowed)]
        return [chunk_id for chunk_id, _ in self.store.dense_search(vector, n, within.where())]

    def _add_originals(self, fused: dict[str, float], table: ChunkTable) -> None:
        """A translated article found by the question brings its authoritative original along, at the
        same fused score, so the answer can cite the text that binds (and show the translation beside it)."""
        for chunk_id, score in list(fused.items()):
            row = table.row_of.get(chunk_id)
            if row is None:
                continue
            meta = table.index.metadatas[row]
            original, article = meta.get("translation_of", ""), int(meta.get("article", -1))
            if not original or article < 0:
                continue
            for other in table.by_article.get((original, article), []):
                other_id = table.index.ids[other]
                fused[other_id] = max(fused.get(other_id, 0.0), score)

    def _direct_articles(self, analysis: QueryAnalysis, filters: Filters, table: ChunkTable) -> list[str]:
        """Articles the question names ("PIPL Art. 66", "个人信息保护法第六十六条") go straight in."""
        ids: list[str] = []
        citing: list[str] = []
        for ref in analysis.articles:
            doc_ids = [ref.doc_id] if ref.doc_id else analysis.laws[:2]
            for doc_id in doc_ids:
                for row in table.by_article.get((doc_id, ref.article), []):
                    if filters.allows(table.index.metadatas[row]):
                        ids.append(table.index.ids[row])
                if "amount" in analysis.wants:
                    citing += self._articles_citing(doc_id, ref.article, filters, table)
        # "the fine for violating Article 13" is in the penalty article that cites Article 13
        return ids + [i for i in citing if i not in ids]

    @staticmethod
    def _naming_institutions(analysis: QueryAnalysis, filters: Filters, table: ChunkTable, n: int = 5) -> list[str]:
        """Chunks naming every bank or group the question names, as written or in the glossary's other language
        (交通银行 = Bank of Communications): a case is reported where its party is named."""
        if not analysis.institutions:
            return []
        rows = [row for row, text in enumerate(table.index.texts)
                if all(names_in(name, text) for name in analysis.institutions)
                and filters.allows(table.index.metadatas[row])]
        return [table.index.ids[row] for row in rows[:n]]

    @staticmethod
    def _naming_names(analysis: QueryAnalysis, filters: Filters, table: ChunkTable, n: int = 5) -> list[str]:
        """The store's best chunks (BM25 over the question) among those naming a short name the question uses
        (CRM, CBDT, MLPS): the top passages may not use it where the corpus does, in a guide or, through the
        glossary, in Chinese."""
        names = [name for name in analysis.acronyms if name in analysis.held_names]
        return HybridSearcher._best_naming(names, analysis, filters, table, n)

    @staticmethod
    def _telling_drafts(analysis: QueryAnalysis, filters: Filters, table: ChunkTable, n: int = 5) -> list[str]:
        """'What did the 2022 draft propose?': the store's best chunks among those speaking of a draft (a guide
        telling what it proposed), which the statute in force the question names would otherwise crowd out."""
        words = list(DRAFT_WORDS) if DRAFT_CUE.search(analysis.question) else []
        return HybridSearcher._best_naming(words, analysis, filters, table, n)

    @staticmethod
    def _best_naming(names: list[str], analysis: QueryAnalysis, filters: Filters, table: ChunkTable,
                     n: int) -> list[str]:
        """The store's best chunks (BM25 over the question) among those the filters allow that name any of the
        names, as written or through the glossary ([] for no names)."""
        if not names:
            return []
        allowed = np.maximum.reduce([table.rows_naming(name) for name in names])
        mask = table.mask(filters)
        if mask is not None:
            allowed = allowed * mask
        if not allowed.any():
            return []
        return [table.index.ids[row] for row, _ in table.index.search(analysis.tokens, n, allowed)]

    @staticmethod
    def _highest_fines(analysis: QueryAnalysis, filters: Filters, table: ChunkTable, n: int = 4) -> list[str]:
        """'The maximum fine under law X': the named laws' own sanction chunks, by the largest fine each states,
        so the highest tier competes however the question's words rank it."""
        if not (analysis.law_maximum and analysis.laws):
            return []
        largest: list[tuple[float, int]] = []
        for row in table.rows_of_laws(analysis.laws, translations=False):
            text = table.index.texts[row]
            if not is_sanction(text) or not filters.allows(table.index.metadatas[row]):
                continue
            if (fine := largest_fine(text)) > 0:
                largest.append((fine, int(row)))
        return [table.index.ids[row] for _, row in sorted(largest, reverse=True)[:n]]

    @staticmethod
    def _commencement_clauses(analysis: QueryAnalysis, filters: Filters, table: ChunkTable, n: int = 4) -> list[str]:
        """A date asked of a law the question names, and no article: the law's own clause saying when it takes
        effect ("本法自2021年9月1日起施行") is a candidate, whatever words the question shares with it ("数安法哪个先
        生效" shares none)."""
        if "date" not in analysis.wants or not analysis.laws or analysis.articles:
            return []
        rows = [row for row in table.rows_of_laws(analysis.laws)
                if _COMMENCEMENT.search(table.index.texts[row]) and filters.allows(table.index.metadatas[row])]
        return [table.index.ids[row] for row in rows[:n]]

    def _penalties_for_duties(self, fused: dict[str, float], filters: Filters, table: ChunkTable,
                              duties: int = 5) -> list[str]:
        """A fine is set in the liability chapter, by an article citing the duty breached (违反本条例第二十条…):
        for a question about a fine, the articles found that state a duty and no fine bring in the articles that
        punish breaking it ("the fine for failing to carry out impact assessments" finds the duty in Art. 20 and
        the fine in Art. 54)."""
        citing: list[str] = []
        for chunk_id, _ in sorted(fused.items(), key=lambda kv: -kv[1])[:duties]:
            row = table.row_of.get(chunk_id)
            if row is None:
                continue
            meta, text = table.index.metadatas[row], table.index.texts[row]
            article = int(meta.get("article", -1))
            if article < 0 or meta.get("translation_of") or is_sanction(text):
                continue
            citing += [i for i in self._articles_citing(meta["doc_id"], article, filters, table) if i not in citing]
        return citing

    @staticmethod
    def _articles_citing(doc_id: str, article: int, filters: Filters, table: ChunkTable) -> list[str]:
        """Chunks of the same law whose text cites 违反本法/本条例…第N条 (its penalty provisions)."""
        number = f"第{int_to_chinese(article)}条"
        pattern = re.compile(rf"违反本(?:法|条例|办法|规定)[^。；]*?{number}(?![一二三四五六七八九十百])")
        return [table.index.ids[row] for row in table.rows_of_doc.get(doc_id, [])
                if pattern.search(table.index.texts[row]) and filters.allows(table.index.metadatas[row])]

    def _within_named_laws(self, analysis: QueryAnalysis, filters: Filters, table: ChunkTable, n: int) -> list[str]:
        """BM25 over the laws the question names (and their translations) with the rest of the question:
        "When did the CII Regulations take effect?" finds 本条例自…起施行 among the CII articles."""
        if not analysis.laws or not analysis.scoped_tokens:
            return []
        allowed = np.zeros(len(table.index.ids), dtype=np.float32)
        allowed[table.rows_of_laws(analysis.laws)] = 1.0
        mask = table.mask(filters)
        if mask is not None:
            allowed *= mask
        if not allowed.any():
            return []
        return [table.index.ids[row] for row, _ in table.index.search(analysis.scoped_tokens, n, allowed)]

    def _fill_dense(self, passages: list[Passage], vector: np.ndarray) -> None:
        """BM25-only candidates have no cosine yet; the reranker needs one for every candidate."""
        missing = [p for p in passages if p.dense == 0.0]
        if not missing:
            return
        got = self.store.collection.get(ids=[p.chunk_id for p in missing], include=["embeddings"])
        vectors = {i: np.asarray(e, dtype=np.float32) for i, e in zip(got["ids"], got["embeddings"], strict=True)}
        for p in missing:
            if p.chunk_id in vectors:
                p.dense = float(vectors[p.chunk_id] @ vector)
