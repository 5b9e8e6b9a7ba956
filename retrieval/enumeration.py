"""Rule `listed_count`: a count the law states by listing. "How many lawful bases does PIPL Article 13 list?" is
answered by the number of the named article's enumerated items (（一）…（七）, or 1. … 7. in a translation), which
no sentence of the article states as a figure. Rule `listed_by_lead` answers the same count when no article is
named, from the article whose words introducing its list (履行下列职责：) say what the question counts."""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval.compose import Composition, citation_label
from retrieval.laws import amended_laws, article_refs, originals
from retrieval.lists import list_lead, listed_items
from retrieval.query import QueryAnalysis
from retrieval.records import Passage, TraceStep
from retrieval.rules.registry import enabled
from retrieval.sentences import Span, question_sentences, sentence_spans
from retrieval.verify import Claim

# the words that name a list's items wherever they stand, and what a list holds when "how many" counts it
_ITEM_WORDS = r"items?|grounds|bases|circumstances|conditions|categories|situations|cases"
_HELD_IN_LISTS = (r"documents|materials|types|kinds|duties|obligations|rights|requirements|principles|matters|elements|"
                  r"factors|scenarios|routes|ways|mechanisms|channels|paths|options|steps|activities|purposes|exceptions|"
                  r"exemptions|criteria")
# the question asks what an article lists, not a number it states ("how many days…" is not this)
ASKS_LISTED = re.compile(rf"\b(?:lists?|listed|enumerat\w*|sets? out|set forth|provides?|names?|contains?|recogni[sz]es?|"
                         rf"{_ITEM_WORDS})\b|"
                         # what a list holds, when it is what "how many" counts ("how many documents do we submit");
                         # a scene's "extra duties" is no list asked for
                         rf"\bhow many\s+(?:[\w-]+\s+){{0,2}}?(?:{_HELD_IN_LISTS})\b|"
                         r"列(?:举|明|出|了)|(?:几|多少)(?:项|种|类|个情形|种情形|种情况|份|样|个方面|方面)|哪几", re.I)
RULE = "listed_count"


def asks_listed_count(analysis: QueryAnalysis) -> bool:
    return analysis.wants == {"count"} and len(analysis.articles) == 1 and bool(ASKS_LISTED.search(analysis.question))


def asks_listed_count_of(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    from retrieval.query import analyse

    return asks_listed_count(analyse(question))


def listed_count(passages: list[Passage], analysis: QueryAnalysis) -> Composition | None:
    """The answer from the named article's own list, or None when no retrieved passage of it lists items."""
    if not enabled(RULE) or not asks_listed_count(analysis):
        return None
    ref = analysis.articles[0]
    laws = [ref.doc_id] if ref.doc_id else analysis.laws
    by_doc: dict[str, list[Passage]] = {}
    for p in passages:
        if p.article == ref.article and (p.doc_id in laws or p.translation_of in laws):
            by_doc.setdefault(p.doc_id, []).append(p)
    # the law's own text before a translation; an article split into parts counts only when every part
    # up to the last one retrieved is there (the overlap between parts repeats an item, never adds one)
    for doc_id in sorted(by_doc, key=lambda d: bool(by_doc[d][0].translation_of)):
        parts = sorted({p.part: p for p in by_doc[doc_id]}.values(), key=lambda p: p.part)
        if [p.part for p in parts] != list(range(len(parts))):
            continue
        count = listed_items("\n".join(p.text for p in parts))
        if count:
            return _answer(parts[0], count, analysis)
    return None


LEAD_RULE = "listed_by_lead"
LEAD_DEPTH = 8  # passages searched for the list
LEAD_FIT = 0.3  # the least share of the question the list's lead must speak to
CLEAR_FIT, CLEAR_LEAD = 0.2, 1.5  # or less, when no other list's lead comes near it


# the question says the count is of a list ("列举了几种", "一共列了几种", "how many … does X list"): the list is read
# before any sentence stating a number, which would be another number
_ASKS_LIST_COUNT = re.compile(r"列(?:举|明|出)?了?(?:几|多少)|一共列|\b(?:does|do|did)\b[^?]{0,80}\b(?:list|enumerate|set out)\b|"
                              r"\bhow many\b[^?]{0,60}\b(?:listed|enumerated)\b", re.I)


def asks_list_count(analysis: QueryAnalysis) -> bool:
    return asks_count_by_lead(analysis) and bool(_ASKS_LIST_COUNT.search(analysis.question))


# articles are a document's units, never a list's items
_COUNTS_ARTICLES = re.compile(r"\bhow many\s+(?:[\w-]+\s+)?articles\b|(?:多少|几)条(?![^，。？]{0,6}(?:信息|记录|数据))", re.I)


# what a list holds: "how many <one of these>" may be a list's count; "how many cards must they provide" is not
_LIST_NOUNS = re.compile(rf"{_ITEM_WORDS}|{_HELD_IN_LISTS}|things|measures|contents|circumstance", re.I)
_HOW_MANY = re.compile(r"\bhow many\s+((?:[\w-]+\s+){0,3}[\w-]+)", re.I)
_LISTS = re.compile(r"\b(?:lists?|listed|enumerat\w*|sets? out|set forth)\b", re.I)  # a list named: its items counted
# "how many of them", "how many are there": no thing named after "how many"
_NOTHING_NAMED = re.compile(r"(?:of|are|is|does|do|did|has|have|can|must|may|will|should)\b", re.I)


def asks_count_by_lead(analysis: QueryAnalysis) -> bool:
    return analysis.wants == {"count"} and not analysis.articles and bool(ASKS_LISTED.search(analysis.question)) \
        and not _COUNTS_ARTICLES.search(analysis.question) and not _counts_other_things(analysis.question)


def _counts_other_things(question: str) -> bool:
    """"How many cards do they have to provide": what is counted is named, it is nothing a list holds, and no
    list is named (a verb such as "provide" then says nothing of a list)."""
    m = _HOW_MANY.search(question)
    if m is None or _LISTS.search(question) or _NOTHING_NAMED.match(m.group(1)):
        return False
    return not any(_LIST_NOUNS.fullmatch(word) for word in m.group(1).split())


def asks_count_by_lead_of(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    from retrieval.query import analyse

    return asks_count_by_lead(analyse(question))


def _fits_as_lead(best: float, runner_up: float) -> bool:
    """Whether the best-fitting lead names the list asked: it fits LEAD_FIT of the question, or, of a question in
    other words (写几项内容 for 包括下列事项), CLEAR_FIT and CLEAR_LEAD times as much as the next list's lead."""
    return best >= LEAD_FIT or (best >= CLEAR_FIT and best >= CLEAR_LEAD * runner_up)


def listed_by_lead(passages: list[Passage], analysis: QueryAnalysis, fit: Callable[[str], tuple[float, float]],
                   statute: Callable[[Passage], bool]) -> Composition | None:
    """A count of items asked with no article named, when no sentence states it: the statute passage among the
    first retrieved (of the law named, if one is) whose list is introduced by the words that best fit the
    question, if they fit at least LEAD_FIT of it. ``fit`` gives the share of the question a lead speaks to and
    the share of the question's own words (not its translations) it holds: two leads that both hold the term
    translated (影响评估) are told apart by the question's own words (事前, 情形)."""
    if not enabled(LEAD_RULE) or not asks_count_by_lead(analysis):
        return None
    lists = []
    for passage in passages[:LEAD_DEPTH]:
        in_law = not analysis.laws or passage.doc_id in analysis.laws or passage.translation_of in analysis.laws
        if count := listed_items(passage.text) if in_law and statute(passage) else 0:
            lists.append((fit(list_lead(passage.text)), passage, count))
    lists.sort(key=lambda item: item[0], reverse=True)
    if not lists or not _fits_as_lead(lists[0][0][0], lists[1][0][0] if len(lists) > 1 else 0.0):
        return None
    (score, _), passage, count = lists[0]
    comp = _answer(passage, count, analysis)
    comp.trace = [TraceStep(LEAD_RULE, f"{citation_label(passage, sentence_spans(passage.text)[0])} lists {count} "
                                       f"items after words that fit {score:.0%} of the question", "answered")]
    return comp


def _answer(passage: Passage, count: int, analysis: QueryAnalysis) -> Composition:
    chapeau = sentence_spans(passage.text)[0]
    lead = f"{count}项" if analysis.language == "zh" else f"{count} items"
    label = citation_label(passage, chapeau)
    return _counted(passage, chapeau, lead, f"{label}: “{chapeau.text.strip()}” … ({count} items follow)",
                    f"Counted: {label} lists {count} items; the number is the count of its list, not a figure the "
                    f"text states.", TraceStep(RULE, f"{label} enumerates {count} items", "answered"))


def _counted(passage: Passage, span: Span, lead: str, quote: str, note: str, step: TraceStep) -> Composition:
    """An answer that is a count made, not a figure read: the count, the quote it was counted from, and a note
    saying so."""
    comp = Composition(text=f"{lead} [1].\n\n{quote} [1]", cited=[passage], quotes=[span], key_figure=lead)
    comp.claims = [Claim(span.text, (1,))]
    comp.notes.append(note)
    comp.text += "\n\n" + note
    comp.trace.append(step)
    return comp


# Rule `document_units`: "How many articles does the PIPL have?", "修改决定一共有几项修改？" is answered by the
# numbering of the named document's own units (its articles, or a decision's items 一、…十四、), read from the
# chunks the store holds of it; no sentence states it.
DOCUMENT_RULE = "document_units"
ASKS_UNITS = re.compile(r"\bhow many\s+(?:numbered\s+|separate\s+)?(?:amendment\s+)?(?:articles|items|amendments)\b"
                        # "items of location data" are records; "articles of the PIPL" are its units
                        r"(?!\s+(?:of|under)\s+(?!the\b|this\b|that\b|its\b))|"
                        # a bare 几项 after another noun (职责一共有几项) counts a list's items, not the document's
                        r"(?:(?:一共|总共|共)?有?(?:多少|几)(?:条|项(?:修改|修正))|"
                        # the decision's items however it is said to have them (一共有, 一共改了, 里共作了)
                        r"决定[^，,。？?\d]{0,6}?(?:多少|几)项)\s*[？?]?\s*$", re.I)
_ITEM_LOCATOR = re.compile(r"^Item (\d+)$")
# a part of the document (its annex, the template contract it attaches): the document's own numbering is not its count
_PART_OF_DOCUMENT = re.compile(r"\b(?:annex(?:es|ed)?|appendix|appendices|attachments?|attached|template|model contract)\b|"
                               r"附件|附录|范本|模板|示范文本", re.I)


def asks_document_units(analysis: QueryAnalysis) -> bool:
    counted = bool(analysis.wants) and analysis.wants <= {"count", "quantity"}  # 多少项修改 reads as a quantity
    counting = _units_asking_sentences(analysis.first_ask or analysis.question)
    return counted and bool(counting) and not article_refs(counting) and bool(_counted_document(analysis)) and \
        not _PART_OF_DOCUMENT.search(analysis.question)


def _units_asking_sentences(question: str) -> str:
    """The sentences that ask the count of units: an article named in another sentence ("…共作出多少项修改？其中新增
    作为第二十条的条文…") is the second ask's, and leaves the count a count of the whole document."""
    return " ".join(s for s in question_sentences(question) if ASKS_UNITS.search(s))


# "how many items / amendments" counts the amending decision's items; "how many articles", the law's
_ASKS_ITEMS = re.compile(r"\b(?:items|amendments)\b|项", re.I)


def _counted_document(analysis: QueryAnalysis) -> str:
    """The one document whose units are counted: "after the 2025 amendment, how many articles does the CSL have"
    names the amending decision only to date the law's text, whose articles are counted ("" when not one)."""
    named = originals(analysis.laws)
    if len(named) == 2:
        decision = [law for law in named if amended_laws(law)]
        if len(decision) == 1 and set(named) - set(decision) <= set(amended_laws(decision[0])):
            asks_items = bool(_ASKS_ITEMS.search(analysis.first_ask or analysis.question))
            named = decision if asks_items else [law for law in named if law not in decision]
    return named[0] if len(named) == 1 else ""


def asks_document_units_of(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    from retrieval.query import analyse

    return asks_document_units(analyse(question))


def unit_number(passage: Passage) -> int:
    """The article (or a decision's item) a chunk belongs to; 0 for a preamble or a part of no unit."""
    if passage.article is not None and passage.article > 0:
        return passage.article
    m = _ITEM_LOCATOR.match(passage.locator)
    return int(m.group(1)) if m else 0


def document_units(analysis: QueryAnalysis, chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """The count of the named document's units when they run 1…N with none missing; None otherwise."""
    if not enabled(DOCUMENT_RULE) or not asks_document_units(analysis):
        return None
    chunks = chunks_of(_counted_document(analysis))
    numbers = {unit_number(p) for p in chunks} - {0}
    if not numbers or numbers != set(range(1, max(numbers) + 1)):
        return None
    count = max(numbers)
    last = min((p for p in chunks if unit_number(p) == count), key=lambda p: p.part)  # the last unit's first part
    unit = "articles" if last.article is not None and last.article > 0 else "items"
    lead = f"{count}{'条' if unit == 'articles' else '项'}" if analysis.language == "zh" else f"{count} {unit}"
    span = sentence_spans(last.text)[0]
    label = citation_label(last, span)
    return _counted(last, span, lead, f"{label}: “{span.text.strip()}”",
                    f"Counted: {last.short or last.title} has {count} {unit}, numbered 1 to {count}; the last is "
                    f"quoted. The number is the count of its {unit}, not a figure the text states.",
                    TraceStep(DOCUMENT_RULE, f"{label}: units 1…{count}", "answered"))


# Rule `listed_bodies`: "网络安全审查工作机制由几个部门组成？" is answered by counting the bodies a sentence lists
# (国家互联网信息办公室会同A、B、…、M建立…): the lead body and the ones it acts with, said to be counted.
BODIES_RULE = "listed_bodies"
ASKS_BODIES = re.compile(r"(?:几|多少)(?:个|家)?(?:部门|机构|单位|部委)|\bhow many\s+(?:\w+\s+){0,2}?(?:departments|"
                         r"authorities|agencies|ministries|bodies|regulators|members)\b", re.I)
_BODY = r"[\u4e00-\u9fff]{2,24}?(?:部|局|委员会|办公室|银行|署|院|总局|管理局|办)"
_TWO_BODIES = re.compile(rf"{_BODY}(?:和|及|以及){_BODY}")
_BODY_LIST = re.compile(rf"(?P<lead>{_BODY})会同(?P<members>{_BODY}(?:、{_BODY})+(?:(?:和|及|以及){_BODY})?)")


def asks_listed_bodies(question: str) -> bool:
    return bool(ASKS_BODIES.search(question))


def listed_bodies(passages: list[Passage], analysis: QueryAnalysis, depth: int = 3) -> Composition | None:
    """The count of the bodies the best passages list as acting together, or None when none lists them."""
    if not enabled(BODIES_RULE) or not asks_listed_bodies(analysis.question):
        return None
    for passage in passages[:depth]:
        for span in sentence_spans(passage.text):
            if m := _BODY_LIST.search(span.text):
                members = m["members"].split("、")
                # "…、A和B" ends with two bodies; 中华人民共和国 or 发展和改革委员会 is one
                others = len(members) + bool(_TWO_BODIES.fullmatch(members[-1]))
                return _bodies_answer(passage, span, m["lead"], others, analysis.language)
    return None


def _bodies_answer(passage: Passage, span: Span, lead_body: str, others: int, language: str) -> Composition:
    total = others + 1
    lead = (f"{total}个部门（{lead_body}会同另外{others}个部门）" if language == "zh"
            else f"{total} bodies ({lead_body} and {others} others)")
    label = citation_label(passage, span)
    return _counted(passage, span, lead, f"{label}: “{span.text.strip()}”",
                    f"Counted: {label} names {lead_body} and the {others} bodies it acts with; the number is the count "
                    f"of that list, not a figure the text states.",
                    TraceStep(BODIES_RULE, f"{label} lists {lead_body} and {others} others", "answered"))
