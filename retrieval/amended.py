"""Rules on a law's amendment. `amended_in_force`: "When does the amended Cybersecurity Law take effect?" asks when the amended text came
into force. The consolidated text keeps the law's first commencement article (本法自2017年6月1日起施行); the
amending decision states when the amendment applies (本决定自2026年1月1日起施行), and that is the answer.
`amendment_date`: "When was the CSL amended?" is answered by the amending decision's adoption and commencement;
`never_amended`: asked of a law the store holds no amendment of, the premise is wrong."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ingest.manifest import load_manifest
from retrieval.compose import Composition, abstain, citation_label
from retrieval.figures import english_figure, read_figures
from retrieval.laws import amended_laws
from retrieval.query import QueryAnalysis
from retrieval.records import Passage, TraceStep
from retrieval.rules.asks import version_marks
from retrieval.rules.registry import cues, enabled
from retrieval.sentences import Span, question_sentences, sentence_spans
from retrieval.verify import Claim

RULE = "amended_in_force"
# the decision's own commencement: 本决定自…起施行 ("This Decision shall come into force on…" in a translation)
_COMMENCES = re.compile(r"本决定自[^。；]{4,20}?起施行|This Decision shall (?:come into force|take effect)", re.I)


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], ...]:
    spec = cues()["rules"][RULE]
    return tuple(re.compile("|".join(words), re.I) for words in
                 (cues()["vocab"]["commencement"] + spec["applies_from"], spec["amended"], spec["adopted"],
                  spec["asks_date"]))


_CLAUSES = re.compile(r"[,，;；:：?？。]|(?<=[.!])\s|\band\b|以及|并且")


def _asking_sentences(question: str) -> str:
    """The sentences that ask (a question mark or a date asked); the others tell the scene ("our policy still
    cites the 2016 CSL", "I know the NPCSC passed amendments in 2025"), whose earlier text and adoption are not asked."""
    asks_date = _words()[3]
    return " ".join(s for s in question_sentences(question) if re.search(r"[?？]", s) or asks_date.search(s)) or question


def asks_amended_in_force(question: str) -> bool:
    """A commencement date asked of a law's amended text, and of no earlier text, nor its adoption as well."""
    in_force, amended, _, _ = _words()
    question = _asking_sentences(question)
    return bool(in_force.search(question) and amended.search(question)) and not version_marks(question)[0] \
        and not _adoption_asked(question)


def _adoption_asked(question: str) -> bool:
    """A clause asking the date a text was adopted ("on what date did the NPCSC pass the amendment decision")."""
    _, _, adopted, asks_date = _words()
    return any(adopted.search(clause) and asks_date.search(clause) for clause in _CLAUSES.split(question))


def asks_amended_in_force_of(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    from retrieval.query import analyse

    analysis = analyse(question)
    return analysis.wants == {"date"} and asks_amended_in_force(question) and bool(_decisions(analysis.laws))


def _decisions(laws: list[str]) -> list[str]:
    """The decisions in the store that amend a law the question names (or are named themselves)."""
    manifest = load_manifest()
    # "the 2016 CSL" named as the text a policy cites is the law the decision amends into its later text
    laws = laws + [entry.superseded_by for law in laws if (entry := manifest.by_id(law)) and entry.superseded_by]
    return [e.id for e in manifest.entries if amended_laws(e.id, manifest)
            and (e.id in laws or any(law in laws for law in amended_laws(e.id, manifest)))]


def amended_in_force(analysis: QueryAnalysis, chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """The amending decision's commencement sentence, quoted, when the question asks it; None otherwise."""
    if not enabled(RULE) or analysis.wants != {"date"} or not asks_amended_in_force(analysis.leading_ask) \
            or _adoption_asked(_asking_sentences(analysis.question)):
        return None  # both dates asked: rule amendment_date quotes the sentence stating both
    for decision in _decisions(analysis.laws):
        for passage in chunks_of(decision):
            for span in sentence_spans(passage.text):
                dates = [f for f in read_figures(span.text) if f.kind == "date"]
                if _COMMENCES.search(span.text) and len(dates) == 1:
                    return _answer(passage, span, dates[0], analysis.language)
    return None


def _answer(passage: Passage, span: Span, date, language: str) -> Composition:
    lead = date.text if language == "zh" else english_figure(date)
    label = citation_label(passage, span)
    quote = span.text.strip()
    note = ("修改后的文本自修改决定施行之日起适用；合并文本保留的是法律最初的施行日期。" if language == "zh" else
            "The amended text applies from the amending decision's commencement; the consolidated text keeps the "
            "law's original commencement date.")
    comp = Composition(text=f"{lead} [1].\n\n{label}: “{quote}” [1]\n\n{note}", cited=[passage], quotes=[span],
                       key_figure=lead)
    comp.claims = [Claim(lead, (1,)), Claim(quote, (1,))]
    comp.notes.append(note)
    comp.trace = [TraceStep(RULE, f"{label}: the amending decision's commencement", "answered")]
    return comp


NEVER_AMENDED = "never_amended"


@lru_cache(maxsize=1)
def _amendment_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = cues()["rules"][NEVER_AMENDED]
    return tuple(re.compile("|".join(spec[key]), re.I) for key in ("asks_date", "amendment"))  # type: ignore[return-value]


def asks_amendment_date(question: str) -> bool:
    """A clause asking when a law was amended ("When did the NPCSC amend the DSL in 2024", 数安法是哪一年修订的)."""
    asks_date, amended = _amendment_words()
    return any(asks_date.search(clause) and amended.search(clause) for clause in _CLAUSES.split(question))


def asks_never_amended_of(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    from retrieval.query import analyse

    analysis = analyse(question)
    return "date" in analysis.wants and asks_amendment_date(question) and bool(_unamended(analysis.laws))


def _unamended(laws: list[str]) -> list[str]:
    """The laws named (their original texts, not translations) of which the store holds no amendment: no decision
    amends them, no later text supersedes them in whole or in part, and they supersede none."""
    manifest = load_manifest()
    entries = [manifest.by_id(law) for law in laws]
    originals = [manifest.by_id(e.translation_of) if e is not None and e.translation_of else e for e in entries]
    originals = [e for e in originals if e is not None]
    if not originals or any(amended_laws(e.id, manifest) for e in originals):
        return []  # an amending decision named is the amendment asked about
    amended = {law for e in manifest.entries for law in amended_laws(e.id, manifest)} | \
        {e.id for e in manifest.entries if e.superseded_by or e.partly_superseded_by or e.status == "amended"} | \
        {e.superseded_by for e in manifest.entries if e.superseded_by}
    return [] if any(e.id in amended for e in originals) else list(dict.fromkeys(e.id for e in originals))


def never_amended(analysis: QueryAnalysis, chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """An abstention saying the store holds no amendment of the law, when the question asks when it was amended
    (a wrong premise: answering with the law's adoption or commencement date would give a date of another event)."""
    if not enabled(NEVER_AMENDED) or "date" not in analysis.wants or not asks_amendment_date(analysis.leading_ask):
        return None
    laws = _unamended(analysis.laws)
    if not laws:
        return None
    first = [chunks[0] for law in laws if (chunks := chunks_of(law))]
    names = [p.short or p.title for p in first] or laws
    if analysis.language == "zh":
        reason = f"语料库没有收录{'、'.join(names)}的任何修改或修正；现有文本是其最初通过的文本。"
    else:
        reason = f"The corpus holds no amendment of {', '.join(names)}; its text is the one first adopted."
    return abstain(first, reason, analysis, NEVER_AMENDED)


AMENDMENT_DATE = "amendment_date"
# the promulgation sentence: 《…决定》已由…于2025年10月28日通过，…自2026年1月1日起施行
_ADOPTED_ON = re.compile(r"于[^。；]{4,16}?通过|\badopted (?:at|on|by)\b", re.I)


def asks_amendment_date_of(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    from retrieval.query import analyse

    analysis = analyse(question)
    return _asks_amendment_date(analysis) and bool(_decisions(analysis.laws))


@lru_cache(maxsize=1)
def _event_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of other events than an amendment's adoption: when a text applies (the decision's own
    commencement answers that) and a draft's readings."""
    drafts = cues()["rules"][AMENDMENT_DATE]["draft_events"]
    return re.compile("|".join(cues()["vocab"]["commencement"]), re.I), re.compile("|".join(drafts), re.I)


@lru_cache(maxsize=1)
def _amending_verb() -> re.Pattern[str]:
    return re.compile("|".join(cues()["rules"][AMENDMENT_DATE]["amending_verb"]), re.I)


def _asks_when_amended(question: str) -> bool:
    """A clause asking when the law was amended, the verb said of the law ("When was the CSL amended?",
    网络安全法什么时候修改的): not "the amended law" or "the amendment", which name the text asked about."""
    asks_date, _ = _amendment_words()
    return any(asks_date.search(clause) and _amending_verb().search(clause) for clause in _CLAUSES.split(question))


def _asks_amendment_date(analysis: QueryAnalysis) -> bool:
    ask = analysis.leading_ask
    # when it applies asked with when it was adopted: the promulgation sentence states both
    applies, drafts = _event_words()
    return "date" in analysis.wants and not drafts.search(ask) and (
        _asks_when_amended(ask) and not applies.search(ask)
        or asks_amendment_date(ask) and _adoption_asked(analysis.question))


def amendment_date(analysis: QueryAnalysis, chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """When a law the store holds an amending decision of was amended: the decision's adoption date, with the
    date it takes effect when the same sentence states it (the consolidated text's own commencement article keeps
    the law's first date, the careless answer)."""
    if not enabled(AMENDMENT_DATE) or not _asks_amendment_date(analysis):
        return None
    for decision in _decisions(analysis.laws):
        for passage in chunks_of(decision):
            for span in sentence_spans(passage.text):
                dates = [f for f in read_figures(span.text) if f.kind == "date"]
                if _ADOPTED_ON.search(span.text) and dates:
                    return _adoption_answer(passage, span, dates, analysis.language)
    return None


def _adoption_answer(passage: Passage, span: Span, dates, language: str) -> Composition:
    commences, _ = _event_words()
    adopted, applies = dates[0], dates[1] if len(dates) > 1 and commences.search(span.text) else None
    if language == "zh":
        lead = f"{adopted.text}通过修改决定" + (f"，自{applies.text}起施行" if applies else "")
    else:
        lead = f"{english_figure(adopted)} (the amending decision adopted)" + \
            (f"; in force from {english_figure(applies)}" if applies else "")
    label = citation_label(passage, span)
    quote = span.text.strip()
    comp = Composition(text=f"{lead} [1].\n\n{label}: “{quote}” [1]", cited=[passage], quotes=[span],
                       key_figure=adopted.text if language == "zh" else english_figure(adopted))
    comp.claims = [Claim(lead, (1,)), Claim(quote, (1,))]
    comp.trace = [TraceStep(AMENDMENT_DATE, f"{label}: the amending decision's adoption", "answered")]
    return comp
