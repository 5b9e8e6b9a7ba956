"""The answering service: the one code path behind `lexcite ask`, `batch`, `eval` and the chat UI."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ingest.embedder import LexCiteEmbeddings, get_embedder
from ingest.manifest import load_manifest
from ingest.pipeline import IngestReport, ingest_paths, open_store
from ingest.settings import Settings
from ingest.store import ChunkStore, StoreError
from retrieval import notes
from retrieval.about_law import about_law
from retrieval.amended import amended_in_force, amendment_date, never_amended
from retrieval.article_range import no_such_article
from retrieval.companions import (
    with_amending_item,
    with_later_restatement,
    with_original_text,
    with_other_version,
)
from retrieval.compare import changed_sides_of, join, one_source, party_sides, sides, under_laws
from retrieval.compared_in_text import with_compared_in_text
from retrieval.compose import (
    STATUTE_AUTHORITY,
    Composition,
    abstain,
    compose,
    foreign_regimes,
    joined,
    own_words_fit,
    states_all,
    text_fit,
)
from retrieval.counted_terms import unused_terms
from retrieval.decide import decide, off_topic_chance, screen
from retrieval.definitions import defined_term
from retrieval.echo import echoed_figure
from retrieval.enumeration import asks_list_count, document_units, listed_bodies, listed_by_lead, listed_count
from retrieval.figures import (
    EN_ON_PUBLICATION,
    ZH_ON_PUBLICATION,
    dated_publication,
    extract_figures,
    figure_kinds,
)
from retrieval.followup import FOLLOW_UP_RULE, read_in_context
from retrieval.glossary import glossary_pairs
from retrieval.internal import count_not_stated, prefer_by_question
from retrieval.laws import law_names, resolve_laws, strip_law_names, with_versions
from retrieval.nouns import absorbing_compounds, foreign_nouns
from retrieval.open_asks import (
    commencement_asked,
    open_figure_asks,
    open_naming_asks,
    speaks_to,
    with_rest_of_article,
)
from retrieval.parties import party_provision
from retrieval.procedures import rare_acts, rare_qualifiers
from retrieval.query import QueryAnalysis, analyse, without_exclusions
from retrieval.records import Answer, Citation, LinkedText, Passage, TraceStep
from retrieval.register.build import build_register, store_units
from retrieval.register.match import match_answer
from retrieval.renumber import renumbered_article, renumbered_by_content
from retrieval.rerank import plain_fusion, rerank, settle_figure_type
from retrieval.rules.asks import (
    asks_comparison,
    guessed_articles,
    subject_terms,
    subjects_outside,
    weakly_on_topic,
)
from retrieval.rules.registry import disabled, enabled
from retrieval.search import Filters, HybridSearcher
from retrieval.side_by_side import both_sides
from retrieval.spelling import respelt, unshortened
from retrieval.topic import load_topic_model, unseen_shares
from retrieval.transfer_ask import transfer_route
from retrieval.unheld_articles import uncited
from retrieval.unheld_crimes import unheld_charges
from retrieval.verify import unsupported
from retrieval.violations import duties_named


class QuestionError(ValueError):
    """A question we refuse, with the reason to show the user."""


class EmptyStoreError(StoreError):
    pass


@dataclass
class Options:
    k: int | None = None
    kinds: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    in_force_only: bool = False
    mode: str = "hybrid"  # hybrid | dense | bm25 (baselines use the others)
    use_rerank: bool = True
    use_llm: bool | None = None  # None: as settings say
    without: tuple[str, ...] = ()  # named rules switched off (`--without`), to measure what each is worth
    # the topic model's probability to read the question with, instead of the shipped model's: training a new
    # model reads each answer as the new model would doubt it
    off_topic_chance: float | None = None

    def searches(self, doc_id: str) -> bool:
        """Whether the document is among those searched (all, unless the user named some)."""
        return not self.doc_ids or doc_id in self.doc_ids


RANKED_DEPTH = 10  # ranked chunk ids an Answer keeps (Answer.ranked)
# the rules that answer only of a law or a glossary term the question names
_OF_NAMED_SUBJECT = (document_units, about_law, defined_term, renumbered_article, amended_in_force, amendment_date)

STATUS_LABELS = {"draft": "draft, not in force", "amended": "superseded by a later amended text",
                 "repealed": "repealed"}


class AnswerService:
    def __init__(self, settings: Settings | None = None, embedder: LexCiteEmbeddings | None = None,
                 store: ChunkStore | None = None) -> None:
        self.settings = settings or Settings()
        self.embedder = embedder or get_embedder(self.settings.embedder)
        self.store = store or open_store(self.settings, self.embedder, create=False)
        self.searcher = HybridSearcher(self.store, self.embedder, self.settings)
        self.manifest = load_manifest(corpus_root=self.settings.corpus_root)
        self._llm = None
        self._ready = False
        # the store's chunk texts, lowered once, and each glossary term's share of them (see _concept_share)
        self._concept_texts: tuple[list[str], list[str], dict[frozenset[str], float]] | None = None

    # ------------------------------------------------------------------ questions
    def check_question(self, question: str) -> str:
        if question is None or not str(question).strip():
            raise QuestionError("The question is empty.")
        question = str(question).strip()
        if len(question) > self.settings.max_question_chars:
            raise QuestionError(f"The question is {len(question)} characters long; the limit is "
                                f"{self.settings.max_question_chars}. Shorten it or split it into several.")
        return question

    def ensure_ready(self) -> None:
        if self._ready:
            return
        if not self.store.exists or self.store.count() == 0:
            # another process may have ingested since we opened the store
            self.store = open_store(self.settings, self.embedder, create=False)
            self.searcher = HybridSearcher(self.store, self.embedder, self.settings)
            if not self.store.exists or self.store.count() == 0:
                raise EmptyStoreError(f"The store {self.settings.describe_store()} is empty: run `lexcite ingest` first.")
        # once chunks are there, a count per question buys nothing: removals and re-ingests are seen
        # through the store's generation, which the searcher checks
        self._ready = True

    def retrieve(self, question: str, options: Options | None = None,
                 analysis: QueryAnalysis | None = None) -> list[Passage]:
        options = options or Options()
        self.ensure_ready()
        analysis = analysis or analyse(question, self.settings.lexical_tokenizer)
        filters = Filters.of(options.kinds, options.doc_ids, options.languages, options.in_force_only)
        candidates = self.searcher.search(analysis, filters, options.mode)
        if options.use_rerank and options.mode == "hybrid":
            ranked = rerank(candidates, analysis, self.settings.rerank, self.settings.lexical_tokenizer)
            return prefer_by_question(ranked, analysis)
        return plain_fusion(candidates) if options.mode == "hybrid" else candidates

    def answer(self, question: str, options: Options | None = None, **kwargs) -> Answer:
        options = options or Options(**kwargs)
        with disabled(options.without):
            return self._answer(question, options)

    def _answer(self, question: str, options: Options) -> Answer:
        timings: dict[str, float] = {}
        started = time.perf_counter()
        asked = question = self.check_question(question)
        self.ensure_ready()
        question, shortened = unshortened(question)
        question, respellings = respelt(question, self.searcher.table().uses)
        analysis = self._read_against_store(analyse(question, self.settings.lexical_tokenizer))
        timings["analyse_ms"] = (time.perf_counter() - started) * 1000
        confidence, feats, ranked = 0.0, {}, []
        analysis, comp = self._screen(analysis, options.off_topic_chance)
        if comp is None and (joined_sides := self._answer_sides(question, sides(question), options, analysis)):
            (comp, ranked), confidence = joined_sides, 1.0
        if comp is None:
            t = time.perf_counter()
            passages = self.retrieve(question, options, analysis)
            ranked = [p.chunk_id for p in passages[:RANKED_DEPTH]]
            timings["retrieve_ms"] = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            comp = self._compose(question, analysis, passages, options)
            if options.use_rerank:
                settle_figure_type(comp.cited + ([comp.primary.passage] if comp.primary else []), analysis,
                                   self.settings.rerank)
            comp = echoed_figure(comp, analysis)
            comp, confidence, feats = decide(comp, analysis, passages, scoped=bool(options.doc_ids)) \
                if options.use_rerank else (comp, 1.0, {})
            comp = with_compared_in_text(comp, question, passages)
            if not analysis.laws and comp.primary is not None and not comp.abstained and (changed := self._answer_sides(
                    question, changed_sides_of(question, comp.primary.passage.doc_id), options, analysis)):
                (comp, ranked), confidence, feats = changed, 1.0, {}
            if _refused_by(comp, "named_party") and enabled("each_party") and (each := self._answer_sides(
                    question, party_sides(question), options, analysis)) and not each[0].abstained:
                # no one sentence names every party asked of: each party's own case answers for it
                (comp, ranked), confidence, feats = each, 1.0, {}
                comp.trace.insert(0, TraceStep("each_party", "each party named asked on its own", "read"))
            timings["compose_ms"] = (time.perf_counter() - t) * 1000
        comp = self._open_asks(question, analysis, comp, options)
        comp = with_amending_item(comp, self._chunks_of, analysis.language)
        comp = with_other_version(comp, self._chunks_of, analysis.language, options.searches)
        comp = with_later_restatement(comp, self._chunks_of, analysis.language, options.searches)
        comp = with_original_text(comp, self._chunks_of, analysis.language, options.searches)
        answer = self._finish(question, analysis, comp)
        for rule, fixes in (("spelling", respellings), ("shorthand", shortened)):
            if fixes:
                answer.question, answer.read_as = asked, question
                answer.trace.insert(0, TraceStep(rule, ", ".join(f"{a} → {b}" for a, b in fixes), "read"))
        self._honest_notes(answer, options)
        self._match_register(answer)
        answer.confidence = round(confidence, 4)
        answer.features = {name: round(value, 4) for name, value in feats.items()}
        answer.confident = not answer.abstained
        answer.ranked = ranked
        timings["total_ms"] = (time.perf_counter() - started) * 1000
        answer.timings = {name: round(value, 2) for name, value in timings.items()}
        return answer

    def _open_asks(self, question: str, analysis: QueryAnalysis, comp: Composition, options: Options) -> Composition:
        """The asks the answer leaves open: from the rest of the article it quotes (rule rest_of_article), else each
        asking a figure as a question of its own within the documents the answer cites (rule ask_by_ask), or each
        naming what it wants (who, which body) within those and the laws it names (rule ask_by_ask_quote), joined
        after the first when it passes its own checks and its sentence speaks to the ask; not an article asked for
        ("原来是第几条？" asked alone loses which text it asks of)."""
        idf, tokenizer = self.searcher.table().index.idf, self.settings.lexical_tokenizer
        comp = with_rest_of_article(comp, question, self._chunks_of, idf, tokenizer)
        if comp.abstained or comp.primary is None or not options.use_rerank:
            return comp
        asks = [(ask, rest, True) for ask, rest in open_figure_asks(question, comp.text, idf, tokenizer,
                                                                       comp.key_figure)] + \
            [(ask, rest, False) for ask, rest in open_naming_asks(question, comp.text, idf, tokenizer)]
        for ask, rest, figure in asks:
            if (sub := self._open_ask(ask, rest, figure, analysis, comp, options)) is not None:
                sub.trace.insert(0, TraceStep("ask_by_ask" if figure else "ask_by_ask_quote",
                                              f"“{ask}” asked on its own", "read"))
                comp = joined(comp, sub)
        return comp

    def _open_ask(self, ask: str, rest: set[str], figure: bool, analysis: QueryAnalysis, comp: Composition,
                  options: Options) -> Composition | None:
        """One open ask answered on its own within the documents the answer cites (and, an ask naming no figure,
        those of the laws it names), or None when that answer fails its own checks or its sentence does not speak
        to what the answer left unsaid of the ask."""
        idf, tokenizer = self.searcher.table().index.idf, self.settings.lexical_tokenizer
        asked = ask if resolve_laws(ask) or not analysis.laws else under_laws(ask, analysis.laws)
        own = () if figure else tuple(sorted(with_versions(resolve_laws(ask))))
        within = replace(options, doc_ids=tuple(dict.fromkeys([*(p.doc_id for p in comp.cited), *own])))
        read = self._read_against_store(analyse(asked, tokenizer))
        passages = self.retrieve(asked, within, read)
        sub, _, _ = decide(self._compose(asked, read, passages, within), read, passages, scoped=True)
        if read.which_article or sub.abstained or (figure and not sub.key_figure) or (not figure and sub.key_figure) \
                or (sub.primary is not None and _quotes_again(sub.primary, comp)) \
                or (figure and _states_already(comp, sub.key_figure)):
            return None
        # a sure answer to the ask alone is no evidence it answers the ask: its sentence must speak to it, or be
        # the date a text applies from, asked as an ask of its own after a lead stating no date ("what's the fine
        # range now? And from which date does the new penalty regime apply?")
        if figure and commencement_asked(ask, comp.key_figure) and "date" in figure_kinds(sub.key_figure):
            return sub
        return sub if sub.primary is not None and speaks_to(rest, sub.primary.span.text, idf, tokenizer) else None

    def _answer_sides(self, question: str, parts: list, options: Options,
                      analysis: QueryAnalysis) -> tuple[Composition, list[str]] | None:
        """The two sides answered each on its own and joined, with the passages each was composed from; None when
        there are no sides, both were answered from one sentence, or a side is unanswered for want of reading (the
        question is then answered as one). Rule side_without_figure: a comparison, or a figure asked of each law
        named, whose side has no figure where it was looked for is refused: the other side's figure alone is the
        careless answer ("the deep synthesis and algorithm provisions' maximum fines" when the first sets none)."""
        answered = [(side, *self._one_side(side, options, analysis)) for side in parts]
        if not answered or one_source([(side, side_comp) for side, side_comp, *_ in answered]):
            return None
        comp = join(question, [(side, side_comp, asked) for side, side_comp, asked, _ in answered], analysis)
        if comp.abstained:
            silent = [(side, asked) for side, side_comp, asked, _ in answered if _law_silent(side_comp)]
            if _told_by_question(question, [asked for _, asked in silent]):
                return None  # "11号令写的是2年，后来改成多久了": the side found silent is the one the question tells
            # a figure asked of each of two laws or more, not several asks of one law (its clauses, answered as
            # one question when a clause leans on another: "…as a % of turnover, what's the fixed-amount alternative")
            laws = [side.law for side, *_ in answered]
            asks_each = (all(laws) and len(set(laws)) > 1) or asks_comparison(question)
            if silent and asks_each and enabled("side_without_figure"):
                comp.trace.append(TraceStep("side_without_figure", ", ".join(side.name for side, _ in silent),
                                            "abstained"))
                return comp, []
            return None
        # each side's best passages, alternating, are what the comparison was composed from
        ranked = list(dict.fromkeys(p.chunk_id for pair in zip(*(found[:RANKED_DEPTH // 2] for *_, found in answered),
                                                                strict=False) for p in pair))
        return comp, ranked

    def _read_against_store(self, analysis: QueryAnalysis) -> QueryAnalysis:
        """What the store knows of the question's words: its short names (CRM, CBDT) that the store uses somewhere,
        as written or through the glossary, the share of its words no passage uses, and the duties it names by
        article that its law's sanctions punish (rule duty_named)."""
        table = self.searcher.table()
        unseen = unseen_shares(analysis.topic_tokens, table.index.idf, analysis.glossary_tokens)
        return replace(analysis, unseen=unseen, breached=analysis.breached | duties_named(analysis, table.sanctions_of),
                       held_names=frozenset(a for a in analysis.acronyms if table.holds_name(a)),
                       procedures=rare_qualifiers(analysis.question, table.passages_using),
                       rare_acts=rare_acts(analysis.question, table.passages_using) if enabled("act_not_stated") else (),
                       uncited_articles=uncited(analysis.question, table.index.texts) if enabled("unheld_article") else (),
                       unheld_charges=unheld_charges(analysis.question, table.index.texts) if enabled("unheld_crime") else (),
                       unused_terms=unused_terms(analysis.question, table.uses) if enabled("unused_term") else ())

    def _screen(self, analysis: QueryAnalysis, given: float | None = None) -> tuple[QueryAnalysis, Composition | None]:
        """The off-topic screen, through the learned topic model when it was learned in this encoder's space
        (the question's vector is the one the search then uses); the analysis comes back with the model's
        probability (or the one given), which the confidence reads too, and with what a question naming no
        subject of the field names that the store never uses (rule foreign_subject; only the question as asked is
        screened, so its comparison's sides are not read for it)."""
        analysis = replace(analysis, foreign=self._foreign_nouns(analysis.question))
        topic = load_topic_model()
        if topic is None or not topic.applies_to(self.embedder.model_id):
            return analysis, screen(analysis)
        chance = given if given is not None else \
            off_topic_chance(analysis, self.searcher.query_vector(analysis.question), topic)
        analysis = replace(analysis, off_topic_chance=chance)
        return analysis, screen(analysis, topic)

    def _foreign_nouns(self, question: str) -> tuple[str, ...]:
        # a regime of another country (GDPR) is the field's subject, answered by rule foreign_regime
        if not weakly_on_topic(question) or foreign_regimes(question):
            return ()
        uses = self.searcher.table().uses
        absorbed = absorbing_compounds(question, uses) if subject_terms(question) else ()
        if subjects_outside(question, absorbed):
            return ()
        return tuple(dict.fromkeys(absorbed + foreign_nouns(question, uses)))

    def _chunks_of(self, doc_id: str) -> list[Passage]:
        table = self.searcher.table()
        return [table.passage(row) for row in table.rows_of_doc.get(doc_id, [])]

    def _one_side(self, side, options: Options, whole: QueryAnalysis) -> tuple[Composition, QueryAnalysis,
                                                                                list[Passage]]:
        """One side of a comparison, answered as a question of its own about its own law (one figure, for a side
        of two texts of one law: the question's other ask is the other text's), and held to the confidence every
        answer is, with the topic model's doubt of the whole question."""
        analysis = self._read_against_store(analyse(side.question, self.settings.lexical_tokenizer))
        analysis = replace(analysis, off_topic_chance=whole.off_topic_chance)
        if side.one_ask:
            analysis = replace(analysis, follow_up=None)
        passages = self.retrieve(side.question, options, analysis)
        comp = self._compose(side.question, analysis, passages, options)
        if options.use_rerank:
            # a side's few words are no question of their own for the topic model (the whole question was screened)
            comp, _, _ = decide(comp, analysis, passages, scoped=True)
        return comp, analysis, passages

    def _ruled(self, passages: list[Passage], analysis: QueryAnalysis) -> Composition | None:
        """An answer one of the counting or reading rules computes (a list's items, a document's units, a
        definition, a renumbered article, the bodies of a mechanism), or None when none applies."""
        if (listed := listed_count(passages, analysis)) is not None:
            return listed
        if (routed := transfer_route(analysis, lambda: store_units(self.store), self._chunks_of)) is not None:
            return routed
        if asks_list_count(analysis) and (listed := self._listed_by_lead(passages, analysis)) is not None:
            return listed
        for rule in (no_such_article, document_units, about_law, defined_term, renumbered_article, amended_in_force,
                     amendment_date, never_amended, party_provision):
            # in turn: each reads the store
            if (computed := rule(analysis, self._chunks_of)) is not None:
                computed.of_named_subject = rule in _OF_NAMED_SUBJECT
                return computed
        return renumbered_by_content(analysis, passages, self._chunks_of) or listed_bodies(passages, analysis)

    def _with_second_ask(self, ruled: Composition, analysis: QueryAnalysis, options: Options) -> Composition:
        """A rule answers the first ask; "数安法一共有多少条？最后一条从哪天起施行？" asks a second, answered as a
        question of its own (of the law the first names) and joined after it. Unanswered, the first stands."""
        second = analysis.follow_up
        if second is None or ruled.abstained:
            return ruled
        comp = self._compose(second.question, second, self.retrieve(second.question, options, second), options)
        if comp.abstained or not comp.key_figure or _states_already(ruled, comp.key_figure):
            return ruled  # "哪天通过？哪天施行？" answered by a sentence stating both: the second adds nothing
        return joined(ruled, comp)

    def _compose(self, question: str, analysis: QueryAnalysis, passages: list[Passage], options: Options) -> Composition:
        """The extractive answer (or the LLM's, when asked for), searching the whole corpus when the law the question
        names is silent: "under the PIPL, how many…" may be answered by the rules that implement it."""
        k = options.k or self.settings.top_k
        use_llm = self.settings.llm.provider != "none" if options.use_llm is None else options.use_llm
        if use_llm:
            from retrieval.llm import generate

            return generate(self._chat_model(), question, passages[:k], analysis)
        if (ruled := self._ruled(passages, analysis)) is not None:
            return self._with_second_ask(ruled, analysis, options)
        table = self.searcher.table()

        def composed(some: list[Passage], asked: QueryAnalysis = analysis, silent: str = "") -> Composition:
            return compose(some, asked, k, self.settings.abstain_threshold, self.settings.lexical_tokenizer,
                           table.index.idf, table.index.max_idf, named_silent=silent,
                           implements=None if silent else self._implements, sanctions=table.sanctions_of)

        comp = composed(passages)
        # a sanction is the law's own: another rule's fine is never what the law it names imposes
        if comp.named_law_silent and analysis.laws and not analysis.law_itself and not analysis.sanctions_answer \
                and options.use_rerank and options.mode == "hybrid":
            broad = analysis.without_named_laws()
            wider = composed(self.retrieve(question, options, broad), broad, ", ".join(law_names(analysis.laws)))
            # a rule made under the law answers for it only on the question's subject, and well supported: its
            # passage must carry the question's terms, not only share a figure's kind
            if not wider.abstained and self._implements(wider.cited[0], analysis.laws) and \
                    self._on_subject(wider.cited[0], analysis) and wider.support >= self.settings.other_rule_support:
                wider.trace.insert(0, TraceStep("named_law_silent", comp.reason, "read"))
                comp = wider
        # the user's own documents beside the law, and no count they do not state: retrieval/internal.py
        comp = both_sides(comp, passages, analysis, composed)
        if enabled("count_not_stated") and (reason := count_not_stated(comp, analysis, passages)):
            comp = abstain(comp.cited, reason, analysis, "count_not_stated")
        # a count said to be of a list was read off the lists before composing; any other count is, failing one
        if comp.abstained and not asks_list_count(analysis) and \
                (listed := self._listed_by_lead(passages, analysis)) is not None:
            listed.trace = comp.trace + listed.trace
            comp = listed
        return comp

    def _listed_by_lead(self, passages: list[Passage], analysis: QueryAnalysis) -> Composition | None:
        index = self.searcher.table().index
        tokenizer = self.settings.lexical_tokenizer
        return listed_by_lead(passages, analysis,
                              lambda text: (text_fit(text, analysis, tokenizer, index.idf, index.max_idf),
                                            own_words_fit(text, analysis, tokenizer, index.idf, index.max_idf)),
                              lambda passage: passage.authority <= STATUTE_AUTHORITY)

    def answer_in_context(self, question: str, context: list[str] | tuple[str, ...] = (),
                          options: Options | None = None) -> Answer:
        """Answer a question asked after the questions in `context` (oldest first): a follow-up that leaves out
        its law, party or subject inherits them (retrieval/followup.py). The answer keeps the user's own words
        as its question and says in `read_as` how it was read."""
        reading = read_in_context(self.check_question(question), list(context))
        answer = self.answer(reading.text, options)
        if reading.follows_up:
            answer.question, answer.read_as = reading.question, reading.read_as
            answer.trace.insert(0, TraceStep(FOLLOW_UP_RULE, f"inherited {', '.join(reading.inherited)} from the "
                                                             f"conversation: {reading.text}", "read"))
        return answer

    def _on_subject(self, passage: Passage, analysis: QueryAnalysis) -> bool:
        """A rule made under a law answers for it only on the question's subject: the rarest of the question's
        glossary terms of art (个人信息保护负责人 in "…before it must appoint a personal information protection officer")
        is in the passage, in either language. The cross-border thresholds are no answer to that question."""
        concepts: dict[str, set[str]] = {}
        for term, translation in glossary_pairs(without_exclusions(strip_law_names(analysis.question))):
            # terms of art ("standard contract", 个人信息保护负责人), not single words a glossary maps loosely
            if len(term.split()) >= 2 or len(term) >= 4 and not term.isascii():
                concepts.setdefault(term.lower(), {term.lower()}).add(translation.lower())
        if not concepts:
            return True
        rarest = min((frozenset(forms) for forms in concepts.values()), key=self._concept_share)
        body = passage.full_text.lower()
        return any(form in body for form in rarest)

    def _concept_share(self, forms: frozenset[str]) -> float:
        """The share of stored chunks that use a term in any of its forms; remembered until the store changes."""
        texts = self.searcher.table().index.texts
        if self._concept_texts is None or self._concept_texts[0] is not texts:
            self._concept_texts = (texts, [t.lower() for t in texts], {})
        _, lowered, shares = self._concept_texts
        if forms not in shares:
            shares[forms] = sum(any(f in t for f in forms) for t in lowered) / max(len(lowered), 1)
        return shares[forms]

    def _implements(self, passage: Passage, laws: list[str]) -> bool:
        """Rules made under the laws named can speak where those laws are silent: a regulation or departmental
        rule whose Article 1 names one of them as its basis (根据《中华人民共和国个人信息保护法》…制定本办法).
        Another statute, or a rule made under other laws, cannot."""
        if passage.doc_id in laws or passage.translation_of in laws or passage.authority > STATUTE_AUTHORITY:
            return False
        table = self.searcher.table()
        basis = " ".join(table.index.texts[row] for row in table.by_article.get((passage.doc_id, 1), []))
        return any(doc_id in laws for doc_id in resolve_laws(basis))

    # ------------------------------------------------------------------ building the record
    def _finish(self, question: str, analysis: QueryAnalysis, comp: Composition) -> Answer:
        if comp.abstained:
            closest = [self._citation(n, p, None) for n, p in enumerate(comp.cited, start=1)]
            return Answer(question=question, text=comp.text, abstained=True, verified=False, citations=[],
                          warnings=[comp.reason] if comp.reason else [], question_type=analysis.question_type,
                          language=analysis.language, closest=closest, trace=list(comp.trace), confident=False)
        citations = [self._citation(n, p, comp.quotes[n - 1] if n - 1 < len(comp.quotes) else None)
                     for n, p in enumerate(comp.cited, start=1)]
        # a text in force on publication is dated by its record, which every citation of it shows
        cited_texts = {c.n: _with_record_day(c.text, p) for c, p in zip(citations, comp.cited, strict=False)}
        missing = unsupported(comp.claims, cited_texts)
        warnings = list(comp.notes)
        if missing:
            names = ", ".join(dict.fromkeys(f.text for f in missing))
            warnings.insert(0, f"Not verified: the figure(s) {names} could not be found in the cited passages.")
        return Answer(question=question, text=comp.text, abstained=False, verified=not missing,
                      citations=citations, warnings=warnings, key_figure=comp.key_figure,
                      unsupported_figures=[f.text for f in missing], question_type=analysis.question_type,
                      language=analysis.language, trace=list(comp.trace),
                      figures=list(comp.stated))

    def _honest_notes(self, answer: Answer, options: Options) -> None:
        """Say when a filter, not the corpus, left statutes out, and when a non-official copy of the cited
        law states another figure (retrieval/notes.py); the composed answer itself is not changed."""
        notes.filter_note(answer, options.kinds)
        notes.guess_note(answer, [answer.question[a:b] for a, b in guessed_articles(answer.question)])
        table = self.searcher.table()
        filters = Filters.of(options.kinds, options.doc_ids, options.languages, options.in_force_only)
        rows = [r for r in notes.disagreeing_copies(answer, table, self.manifest)
                if filters.allows(table.index.metadatas[r])]
        notes.note_disagreement(answer, [self._citation(0, table.passage(r), None) for r in rows])

    def _match_register(self, answer: Answer) -> None:
        """The figures the answer states, found among the register's records of the sentences it cites: one
        reading of the law for answers and the register (retrieval/register/match.py)."""
        if answer.abstained or not answer.figures:
            return
        original_of = {e.id: e.translation_of for e in self.manifest.entries if e.translation_of}
        found = match_answer(answer, build_register(self.store, self.manifest), original_of)
        answer.register, answer.register_unread = list(found.records), list(found.unread)
        if found.covered:
            read = "; ".join(f"{r.locator} {r.kind} {r.party or '-'} {r.tier or '-'}" for r in found.records)
            unread = f"; not read by the register: {', '.join(found.unread)}" if found.unread else ""
            answer.trace.append(TraceStep("register_match", (read or "no record") + unread, "read"))

    def _citation(self, n: int, passage: Passage, span) -> Citation:
        from retrieval.compose import citation_label

        label = citation_label(passage, span)
        locator = label[len(passage.short or passage.title):].strip()  # '' when the title is all there is
        quote = span.text if span is not None else ""
        entry = self.manifest.by_id(passage.doc_id)
        status_label = STATUS_LABELS.get(passage.status, "")
        if entry is not None and entry.superseded_by and passage.status != "in-force":
            status_label = f"superseded by {entry.superseded_by}" + (f" from {entry.superseded_on}"
                                                                     if entry.superseded_on else "")
        elif entry is not None and entry.partly_superseded_by:
            status_label = f"in force; partly superseded by {entry.partly_superseded_by} where inconsistent"
        return Citation(
            n=n, doc_id=passage.doc_id, source=passage.source, title=passage.title, locator=locator,
            text=passage.text, start=passage.start, end=passage.end, kind=passage.kind,
            authority=passage.authority, status=passage.status, score=round(passage.score, 4),
            language=passage.language, quote=quote,
            quote_start=passage.start + span.start if span is not None else -1,
            quote_end=passage.start + span.end if span is not None else -1,
            effective=passage.effective, status_label=status_label, linked=self._linked(passage),
        )

    def _linked(self, passage: Passage) -> LinkedText | None:
        """The same article in the other language, when the corpus holds both texts."""
        if passage.article is None:
            return None
        table = self.searcher.table()
        if passage.translation_of:
            targets = [passage.translation_of]
        else:
            targets = [e.id for e in self.manifest.translations_of(passage.doc_id)]
        for doc_id in targets:
            rows = table.by_article.get((doc_id, passage.article), [])
            if rows:
                other = table.passage(rows[0])
                return LinkedText(doc_id=other.doc_id, title=other.title, locator=other.locator,
                                  language=other.language, text="\n\n".join(table.passage(r).text for r in rows))
        return None

    def _chat_model(self):
        if self._llm is None:
            from retrieval.llm import chat_model_from_settings

            self._llm = chat_model_from_settings(self.settings.llm)
        return self._llm

    # ------------------------------------------------------------------ store operations for the UI/CLI
    def ingest(self, paths: list[Path], progress: bool = False, display_names=None) -> IngestReport:
        from ingest.pipeline import open_store as _open

        if not self.store.exists:
            self.store = _open(self.settings, self.embedder, create=True)
            self.searcher = HybridSearcher(self.store, self.embedder, self.settings)
        report = ingest_paths(paths, self.settings, store=self.store, embedder=self.embedder, progress=progress,
                              display_names=display_names)
        return report

    def stats(self) -> dict:
        return store_stats(self.store, self.settings, self.embedder)


def store_stats(store: ChunkStore, settings: Settings, embedder: LexCiteEmbeddings) -> dict:
    docs = store.documents() if store.exists else {}
    by_kind: dict[str, dict[str, int]] = {}
    by_language: dict[str, dict[str, int]] = {}
    for d in docs.values():
        for table, key in ((by_kind, d["kind"]), (by_language, d["language"])):
            row = table.setdefault(key, {"documents": 0, "chunks": 0})
            row["documents"] += 1
            row["chunks"] += d["chunks"]
    return {
        "documents": len(docs),
        "chunks": sum(d["chunks"] for d in docs.values()),
        "by_kind": by_kind,
        "by_language": by_language,
        "model": embedder.model_id,
        "store": settings.describe_store(),
        "collection": settings.collection,
        "document_list": sorted(docs.values(), key=lambda d: d["doc_id"]),
    }


def _with_record_day(text: str, passage: Passage) -> str:
    zh, en = (dated_publication(passage.effective, language) for language in ("zh", "en"))
    if zh and (ZH_ON_PUBLICATION.search(text) or EN_ON_PUBLICATION.search(text)):
        return f"{text} ({zh}; {en})"
    return text


def _quotes_again(pick, comp: Composition) -> bool:
    """Whether a sentence is one the answer quotes already (its start in the text, or the same sentence chosen)."""
    first = comp.primary
    return pick.span.text[:24] in comp.text or (first is not None and pick.passage.chunk_id == first.passage.chunk_id
                                                and pick.span.start == first.span.start)


# a side refused because what it asks has no figure where it was looked for: its own search found none of the kind,
# its sanction sets none, its text leaves it open, or the corpus holds no text of its law
# a side refused for want of confidence is one the corpus was not found to answer either
_SILENT_RULES = frozenset({"no_figure_of_kind", "breach_without_figure", "figure_left_open", "unknown_law",
                           "foreign_regime", "confidence", "quote_confidence"})


def _told_by_question(question: str, silent: list[QueryAnalysis]) -> bool:
    """Whether the question itself states a figure of the kind each silent side asks: that side is told, not
    asked, and the question is answered as one."""
    told = figure_kinds(question)
    return bool(silent) and all(asked.wants & told for asked in silent)


def _law_silent(comp: Composition) -> bool:
    return comp.abstained and any(step.rule in _SILENT_RULES for step in comp.trace if step.effect == "abstained")


@lru_cache(maxsize=4)
def _default_service(settings_key: str) -> AnswerService:
    return AnswerService(Settings())


def answer(question: str, **options) -> Answer:
    """answer(question, k=5, kinds=[...], doc_ids=[...], in_force_only=True) -> Answer"""
    return _default_service("default").answer(question, Options(**options))


__all__ = ["AnswerService", "Options", "QuestionError", "EmptyStoreError", "answer", "abstain"]


def _states_already(comp: Composition, figure_text: str) -> bool:
    """Whether the answer's lead already states every figure of ``figure_text``."""
    figures = extract_figures(figure_text)
    return bool(figures) and states_all(figures, comp.text.split("\n\n")[0])


def _refused_by(comp: Composition, rule: str) -> bool:
    return comp.abstained and bool(comp.trace) and comp.trace[-1].rule == rule
