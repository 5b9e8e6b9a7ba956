"""Rules `rest_of_article` and `ask_by_ask`: the asks an answer leaves open, answered from the rest of the article
it quotes, or, failing that, each as a question of its own within the documents the answer cites.

"合同生效后多少天内要备案？备案除了合同本身还要交什么材料？" asks a period and a list. The sentence that answers the
first (SCC Measures Art. 7 ¶1, 10个工作日内) says nothing of the second, which the same article's next paragraph
answers (备案应当提交以下材料：（一）标准合同；（二）个人信息保护影响评估报告). Each ask of the question is read with the
statements told since the ask before it ("这个员工是在提供服务过程中拿到的，门槛会不会不一样？"); an ask the answer
does not speak to is answered by the sentence of the same article that uses most of the ask's words the answer does
not use, quoted after the answer, when it uses enough of them. Nothing else changes: the lead, its figures and their
check stay the first answer's. Rule ask_by_ask (retrieval/service.py) asks an open ask for a figure on its own when
the article has no such sentence; `open_figure_asks` and `speaks_to` are its reading."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ingest.lexical import tokenize
from retrieval.clauses import VERDICT
from retrieval.compose import Composition, citation_label
from retrieval.figures import extract_figures, figure_kinds, question_wants, yes_or_no
from retrieval.query import analyse
from retrieval.records import Passage, TraceStep
from retrieval.rules.registry import cues, enabled
from retrieval.sentences import Span, chapeaus, sentence_spans
from retrieval.verify import Claim

RULE = "rest_of_article"
_QUOTE_END = re.compile(r"” \[\d+\]")
MAX_ITEMS_QUOTED = 200  # a list introduced by the sentence found is quoted whole only when it is short
MIN_UNIT_CHARS = 12  # shorter is a heading or an annex's name, no answer


@lru_cache(maxsize=1)
def _spec() -> dict:
    spec = cues()["rules"][RULE]
    return {"asking": re.compile("|".join(spec["asking"]), re.I),
            "en_break": re.compile("|".join(spec["en_breaks"]), re.I),
            "not_quoted": re.compile("|".join(spec["not_quoted"]), re.I),
            "verdict": re.compile("|".join(spec["verdict"]), re.I), "least_words": int(spec["least_words"]),
            "commencement": re.compile("|".join(cues()["rules"]["ask_by_ask"]["commencement"]), re.I),
            "least": float(spec["least_share"]), "answered": float(spec["answered_share"]),
            "before_asked": re.compile("|".join(spec["before_commencement_asked"]), re.I),
            "before_stated": re.compile("|".join(spec["before_commencement_stated"]), re.I)}


def _chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def ask_segments(question: str) -> list[str]:
    """The question cut after each clause that asks, each ask with the statements told since the one before it
    (a statement after the last ask belongs to it)."""
    spec = _spec()
    parts = re.split(r"(?<=[？?。；;，,、!！])", question) if _chinese(question) else spec["en_break"].split(question)
    segments, pending = [], ""
    for part in (p for p in parts if p and p.strip()):
        pending = f"{pending}{part}" if _chinese(question) else f"{pending} {part}".strip()
        if spec["asking"].search(part):
            segments.append(pending.strip())
            pending = ""
    if pending and segments:
        segments[-1] = f"{segments[-1]} {pending}".strip()
    return segments


def asks_several(question: str) -> bool:
    """Whether the question asks two things or more (the rule's question side)."""
    return len(ask_segments(question)) >= 2


def _units(passage: Passage) -> list[tuple[Span, str]]:
    """The sentences of a passage, each with the text to quote for it: an item under its lead-in, a lead-in with the
    short list it introduces, any other sentence as it is. Not a fine's tier: which tier and party a fine is for is
    the answer's own reading, and another paragraph's fine quoted beside it would read as the answer's."""
    spans = sentence_spans(passage.text)
    leads = chapeaus(spans)
    out = []
    for span, lead in zip(spans, leads, strict=True):
        if _spec()["not_quoted"].search(span.text):
            continue
        if lead is not None:
            out.append((span, f"{lead.text} … {span.text}"))
            continue
        items = [s.text for s, of in zip(spans, leads, strict=True) if of is span]
        listed = f"{span.text}{''.join(items)}"
        if (items and len(listed) > MAX_ITEMS_QUOTED) or len(listed) < MIN_UNIT_CHARS:
            continue  # a lead-in says nothing without its items, a long list is no answer to quote, nor a heading
        out.append((span, listed))
    return out


def _article_passages(first: Passage, chunks_of: Callable[[str], list[Passage]]) -> list[Passage]:
    return sorted((p for p in chunks_of(first.doc_id) if p.article == first.article), key=lambda p: p.part)


def _share(words: set[str], text: str, idf: dict[str, float], tokenizer: str) -> float:
    """The share of the ask's words in the text's script, weighed by their rarity in the store, that the text uses
    (the glossary's English for a Chinese ask, or its Chinese for an English one, is no word a text of the other
    script could use)."""
    zh = _chinese(text)
    words = {w for w in words if _chinese(w) == zh}
    used = words & set(tokenize(text, tokenizer))
    return sum(idf.get(w, 0.0) for w in used) / (sum(idf.get(w, 0.0) for w in words) or 1.0)


def _quoted(span: Span, answer: str) -> bool:
    return span.text[:24] in answer  # a quote may be trimmed at its end


def _left_open(ask: str, answer: str, idf: dict[str, float], tokenizer: str) -> set[str]:
    """The words of an ask the answer does not use, when the answer leaves the ask open: it speaks to too little of
    it, and enough of it is left; empty when the ask is answered, asks too little, or asks which side wins ("哪个
    更长？", "which one applies now?": the answer's figures say)."""
    spec = _spec()
    if VERDICT.search(ask) or spec["verdict"].search(ask):
        return set()
    read = analyse(ask, tokenizer)
    words = set(read.content_tokens) | set(read.expansion_tokens)
    rest = words - set(tokenize(answer, tokenizer))
    # the answer's other quotes (another side's, another law's) may speak to it
    if _share(words, answer, idf, tokenizer) >= spec["answered"] or len(rest) < spec["least_words"]:
        return set()
    return rest


def with_rest_of_article(comp: Composition, question: str, chunks_of: Callable[[str], list[Passage]],
                         idf: dict[str, float], tokenizer: str) -> Composition:
    """The composition with each ask it leaves open answered by the unquoted sentence of the article it quotes first
    that uses most of what the answer left unsaid of the ask, when it uses enough of it."""
    if not enabled(RULE) or comp.abstained or comp.primary is None or comp.primary.passage.article is None:
        return comp
    asks = ask_segments(question)
    if len(asks) < 2:
        return comp
    units = [(p, span, text) for p in _article_passages(comp.primary.passage, chunks_of) for span, text in _units(p)]
    for ask in asks:
        if (before := _before_commencement(ask, units, comp.text)) is not None:
            comp = quoted_after(comp, *before, f"says what the text does to conduct before it took effect, asked in “{ask}”")
            continue
        if not (rest := _left_open(ask, comp.text, idf, tokenizer)):
            continue
        scored = [(_share(rest, unit[2], idf, tokenizer), unit) for unit in units if not _quoted(unit[1], comp.text)]
        most, unit = max(scored, key=lambda s: s[0], default=(0.0, None))
        if unit is None or most < _spec()["least"]:
            continue
        if question_wants(ask) and not yes_or_no(ask) and not extract_figures(unit[2]):
            continue  # an ask for a figure is not answered by a sentence stating none
        comp = quoted_after(comp, *unit, f"speaks to “{ask}”")
    return comp


def _before_commencement(ask: str, units: list[tuple[Passage, Span, str]],
                         answer: str) -> tuple[Passage, Span, str] | None:
    """"Do they cover conduct from before that date?", 那时候的行为能用这个规定来告吗: whether a text reaches what was
    done before it took effect is said by its commencement article's sentence on conduct before it (…发生在本规定施行前
    的，不适用本规定), whatever words the scene told it with."""
    spec = _spec()
    if not spec["before_asked"].search(ask):
        return None
    return next((unit for unit in units if spec["before_stated"].search(unit[2]) and not _quoted(unit[1], answer)),
                None)


def quoted_after(comp: Composition, passage: Passage, span: Span, text: str, why: str,
                 rule: str = RULE) -> Composition:
    """The composition with the sentence quoted after its last quote (before the notes on the sources), cited, and
    the rule that quoted it traced with why."""
    n = next((i for i, p in enumerate(comp.cited, start=1) if p.chunk_id == passage.chunk_id), 0)
    if not n:
        comp.cited = [*comp.cited, passage]
        n = len(comp.cited)
    label = citation_label(passage, span)
    ends = [m.end() for m in _QUOTE_END.finditer(comp.text)]
    at = ends[-1] if ends else len(comp.text)  # after the last quote, before the notes on the sources
    comp.text = f"{comp.text[:at]}\n\n{label}: “{text}” [{n}]{comp.text[at:]}"
    comp.claims = [*comp.claims, Claim(text, (n,))]
    comp.trace = [*comp.trace, TraceStep(rule, f"{label} {why}", "cited")]
    return comp


def _several_asks(question: str, rule: str) -> list[str]:
    """The question's asks when the rule is on and it asks two things or more; [] otherwise."""
    asks = ask_segments(question) if enabled(rule) else []
    return asks if len(asks) >= 2 else []


def open_figure_asks(question: str, answer: str, idf: dict[str, float], tokenizer: str,
                     stated: str = "") -> list[tuple[str, set[str]]]:
    """Rule ask_by_ask's reading: the asks of a question asking several that want a figure and that the answer
    leaves open, each with the words of it the answer does not use ("…how long does the office have to tell us
    whether it will review at all, and if it does, how long is the initial review?" answered with the initial
    review's 30 working days alone). An ask wanting a kind of figure the answer's lead (``stated``) states none of
    is open whatever words the answer shares with it ("what's the fine range now? And from which date does the new
    penalty regime apply?" answered with the fines alone)."""
    asks = _several_asks(question, "ask_by_ask")
    kinds = figure_kinds(stated)
    wanted = [ask for ask in asks if question_wants(ask) and not yes_or_no(ask)]
    return [(ask, rest) for ask in wanted
            if (rest := _left_open(ask, answer, idf, tokenizer) or _unstated(ask, kinds, answer, tokenizer))]


def commencement_asked(ask: str, stated: str) -> bool:
    """Whether an ask of its own (ending in a question mark) asks the date a text applies from, after a lead
    (``stated``) that states figures and no date: "what's the fine range now? And from which date does the new
    penalty regime apply?"; not a when-clause setting the scene, nor "and of which year?" of a turnover."""
    kinds = figure_kinds(stated)
    return bool(kinds) and "date" not in kinds and question_wants(ask) == {"date"} \
        and bool(re.search(r"[?？]\s*$", ask)) and bool(_spec()["commencement"].search(ask))


def _unstated(ask: str, kinds: set[str], answer: str, tokenizer: str) -> set[str]:
    """The words of an ask the answer does not use, when the answer's lead states a figure and none of the kinds
    the ask wants; empty otherwise."""
    if not kinds or question_wants(ask) & kinds:
        return set()
    read = analyse(ask, tokenizer)
    return (set(read.content_tokens) | set(read.expansion_tokens)) - set(tokenize(answer, tokenizer))


# a non-figure ask that names what it wants: a person or a body (who, 哪个部门), its level, a report to publish; not
# "what is it after the amendment?" (the first ask's figure again) nor "what else applies?" (anything at all)
_NAMING_ASK = re.compile(r"\bwho(?:m|se)?\b|\bwhich (?:[\w-]+ ){0,2}(?:bod(?:y|ies)|authorit(?:y|ies)|departments?|"
                         r"regulators?|agenc(?:y|ies)|levels?|courts?|organi[sz]ations?|ministr(?:y|ies)|offices?|"
                         r"reports?)\b|\bwhat (?:[\w-]+ ){0,2}reports?\b|谁|(?:哪(?:个|一|些|家)?|什么(?:样的?)?|何(?:种|等)?)(?:级|层级|部门|"
                         r"机关|机构|单位|法院|组织|报告|职责)", re.I)


def open_naming_asks(question: str, answer: str, idf: dict[str, float], tokenizer: str) -> list[tuple[str, set[str]]]:
    """Rule ask_by_ask_quote's reading: the asks of a question asking several that want no figure but name what
    they want (who else may sue, which level of regulator, which body approves) and that the answer leaves open,
    each with the words of it the answer does not use ("What was the number for 2023? And besides the
    procuratorate, who else can bring such a suit under PIPL?" answered with the count alone)."""
    asks = _several_asks(question, "ask_by_ask_quote")
    naming = [ask for ask in asks if _NAMING_ASK.search(ask) and not question_wants(ask) and not yes_or_no(ask)]
    return [(ask, rest) for ask in naming if (rest := _left_open(ask, answer, idf, tokenizer))]


def speaks_to(rest: set[str], sentence: str, idf: dict[str, float], tokenizer: str) -> bool:
    """Whether a sentence answering an open ask on its own uses enough of what the answer left unsaid of it."""
    return _share(rest, sentence, idf, tokenizer) >= _spec()["least"]
