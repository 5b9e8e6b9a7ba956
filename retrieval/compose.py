"""Compose an answer from the retrieved text itself: pick the sentence that answers, lead with its
key figure (in the question's language, next to the verbatim quote it came from), cite it, and
cite the other passages that state the same figure — statutes before guides."""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial

from ingest.lexical import tokenize
from ingest.manifest import load_manifest
from ingest.numerals import int_to_chinese
from retrieval.classes import states_class
from retrieval.drafts import asks_a_draft, draft_described
from retrieval.duties import (
    activities_at,
    assessment_kinds,
    authority_level,
    breached_articles,
    duty_at,
    is_of_kind,
    lacks_decisive,
    others_only,
    routes,
)
from retrieval.figures import (
    ON_PUBLICATION,
    QUANTITY_KINDS,
    Figure,
    as_of_day,
    asked_unit,
    count_year,
    count_years,
    dated_publication,
    extract_figures,
    figures_match,
    glossed_figures,
    largest_fine,
    publication_day,
    same_as_of,
    stated_months,
    yes_or_no,
)
from retrieval.glossary import abbreviations, expand_query, name_forms, names_in, scheme_names
from retrieval.internal import own_label, secondary_note
from retrieval.laws import (
    EN_ARTICLE,
    ZH_ARTICLE,
    amended_laws,
    amends,
    article_refs,
    law_names,
    law_spans,
    law_titles,
    mentions_law,
    resolve_laws,
    strip_law_names,
    with_versions,
)
from retrieval.lists import listed_items
from retrieval.locate import quote_locator
from retrieval.occasions import other_occasion
from retrieval.query import DRAFT_CUE, QUESTION_WORDS, QueryAnalysis, not_who_spans
from retrieval.reasons import in_chinese
from retrieval.records import Passage, TraceStep
from retrieval.rerank import coverage
from retrieval.roles import (
    KEPT_DOCUMENT,
    aimed_at_individuals,
    applicant_period,
    count_heads_differ,
    counted_from,
    counts_differ,
    extends_by,
    is_lead_time,
    keeps_for,
    speaks_of,
)
from retrieval.rules.asks import (
    CRIMINAL_SANCTION,
    asking_sentence,
    asks_designees,
    asks_ordinal,
    asks_which_article,
    law_setting_names,
    states_ordinal,
    superlatives_read,
    told_as_setting,
)
from retrieval.rules.choice import open_choice, speaks_to
from retrieval.rules.registry import cues, enabled
from retrieval.sentences import (
    Span,
    chapeaus,
    clause_around,
    clause_start,
    paragraphs,
    question_sentences,
    sentence_spans,
)
from retrieval.verify import Claim
from retrieval.violations import SANCTION_WORDS, SanctionMap, breach_of, duty_articles, without_consequences

SENTENCE_POOL = 6  # passages whose sentences compete to answer
MAX_QUOTE = 260
STATUTE_AUTHORITY = 3  # authority ranks up to this are statutes, regulations, rules, interpretations

SUPERLATIVE_MAX = re.compile(r"\b(max(?:imum)?|most|highest|largest|biggest|greatest|upper limit|ceiling|cap|up to how much|"
                             r"top (?:tier|fine|penalty|amount|level|band))\b|最高|最多|上限|"
                             r"最大|顶格", re.I)
MONEY_KINDS = frozenset({"amount", "percent", "multiple"})
SUPERLATIVE_MIN = re.compile(r"\b(min(?:imum)?|least|lowest|smallest|at least how)\b|最低|最少|下限", re.I)
CONTEXT_WEIGHT = 0.5  # how much an article's first sentence speaks for its later ones
SCENE_WEIGHT = 0.5  # how much a word only the question's scene uses counts towards a sentence's coverage
BREACH_FLOOR = 0.15  # below this, the question describes no breach the sanctions found could be told apart by
BREACH_SHARE = 0.6  # a sanction answers only for a breach matching the question this close to the best match
SUPPORT_FRACTION = 0.7  # a supporting passage's sentence must score this close to the answer's
FOLLOW_UP_COVERAGE = 0.2  # how much of a second ask the sentence answering it must speak to

NOT_FOUND = "The corpus does not answer this."
NOT_FOUND_ZH = "语料库中没有找到答案。"
# Regimes outside the mainland's law (cues.toml [rules.foreign_regime]): a question about one is answered only if
# a passage names it. Their own laws and regulators always name a regime; Hong Kong, Macau and Taiwan are regimes of
# their own wherever they are named (a Hong Kong listing is not the "国外上市" the review measures speak of)
_REGIMES = cues()["rules"]["foreign_regime"]
FOREIGN_REGIMES = re.compile(
    # bounded by what is not a Latin letter or digit: "新加坡PDPA" names the PDPA (a Chinese character is a \w too)
    r"(?<![A-Za-z0-9])(" + "|".join(map(re.escape, _REGIMES["latin"])) + r")(?![A-Za-z0-9])|"
    + "|".join(map(re.escape, _REGIMES["chinese"])))
# a country names a regime when the question speaks of its law (cues.toml [rules.foreign_regime] countries)
_COUNTRY = "|".join(_REGIMES["countries"])
_LAW_WORD = "|".join(_REGIMES["law_words"])
_LAW_WORD_ZH = "|".join(_REGIMES["law_words_zh"])
_NOT_BETWEEN_ZH = "|".join(_REGIMES["not_between_zh"])
FOREIGN_LAW = re.compile(
    rf"\b({_COUNTRY})(?:'s)?\s+(?:\w+\s+){{0,3}}?(?:{_LAW_WORD})\b|\bunder\s+(?:the\s+)?({_COUNTRY})\b|"
    rf"(?<![A-Za-z])({_COUNTRY})(?:的)?(?:(?!{_NOT_BETWEEN_ZH})[^，。？、\s]){{0,8}}?(?:{_LAW_WORD_ZH})", re.I)


# "a GDPR-style portability right", GDPR式的, "a revenue-based cap like GDPR", 类似GDPR的: the regime only
# describes what is asked of the mainland's law
_AS_A_STYLE = re.compile(r"[-\s]?(?:style|like|type|esque)\b|式的?|风格", re.I)
_LIKE_BEFORE = re.compile(r"(?:\blike|\bsimilar to|\bakin to|\bas in|类似于?|像)\s*(?:the\s+)?$", re.I)


def foreign_regimes(question: str) -> list[str]:
    """The regimes outside the mainland's law a question asks about, as it names them (not one it names as a
    style, or as a likeness beside a law the corpus holds: "a GDPR-style right", "PIPL's cap, like GDPR's?" ask
    about the mainland's; "72 hours like GDPR?" asks whether the GDPR's figure holds)."""
    likened = bool(resolve_laws(question))  # "like GDPR" beside a law held likens; alone it asks the GDPR's figure
    names = {m.group(0) for m in FOREIGN_REGIMES.finditer(question) if not _AS_A_STYLE.match(question, m.end())
             and not (likened and _LIKE_BEFORE.search(question[:m.start()]))}
    names |= {next(name for name in m.groups() if name) for m in FOREIGN_LAW.finditer(question)}
    return sorted(names)


@dataclass
class Pick:
    passage: Passage
    span: Span
    score: float
    figures: list[Figure]
    chapeau: Span | None = None  # the lead-in an enumerated item is read under
    coverage: float = 0.0  # how much of what the question asks the sentence speaks to
    lead: str = ""  # the first sentence of its article, which later sentences speak under


@dataclass
class Composition:
    text: str = ""
    claims: list[Claim] = field(default_factory=list)
    cited: list[Passage] = field(default_factory=list)
    quotes: list[Span] = field(default_factory=list)
    key_figure: str = ""
    abstained: bool = False
    reason: str = ""
    # abstained because the named law states nothing of the kind asked (no such figure, no body named): the
    # rules made under it may
    named_law_silent: bool = False
    notes: list[str] = field(default_factory=list)
    support: float = 0.0
    trace: list[TraceStep] = field(default_factory=list)  # the named rules that decided, in order
    primary: Pick | None = None  # the sentence chosen to answer (its features feed the confidence)
    stated: list[str] = field(default_factory=list)  # the figures the answer's lead states (each verified)
    # computed by a rule from a glossary term or a law the question names (its definition, the law itself, its
    # articles): the question is about the field by that name, whatever a topic model doubts
    of_named_subject: bool = False


def citation_label(passage: Passage, span: Span | None = None) -> str:
    name = passage.short or passage.title
    locator = quote_locator(passage, span.start, span.end) if span is not None else passage.locator
    if span is not None and passage.article is not None and passage.part == 0 and len(paragraphs(passage.text)) > 1:
        locator = f"{locator} ¶{span.paragraph}"
    locator = _below_title(locator, passage)
    return f"{name} {locator}".strip() if locator else name


def _below_title(locator: str, passage: Passage) -> str:
    """A heading path that starts with the document's own title ('Our policy > Retention' in 'Our policy') would
    name the document twice in its label."""
    for name in filter(None, (passage.title, passage.short)):
        if locator == name:
            return ""
        if locator.startswith(name + " > "):
            return locator[len(name) + 3:]
    return locator


def _article_label(passage: Passage, language: str = "en") -> str:
    """The article a passage belongs to, named in the authoritative text's name and in the question's language
    ("PIPL Article 53" for the English translation's Art. 53, 《中华人民共和国个人信息保护法》第五十三条): the
    article asked for is the law's, whichever text was quoted; the quote's own label still gives "Art. 53 ¶2"."""
    manifest = load_manifest()
    original = manifest.by_id(passage.translation_of or passage.doc_id)
    if language == "zh" and original and original.title_zh and passage.article is not None:
        title = original.title_zh if original.title_zh.startswith("《") else f"《{original.title_zh}》"
        return f"{title}第{int_to_chinese(passage.article)}条"
    named = replace(passage, short=original.short) if original and original.short else passage
    if passage.article is not None and passage.locator == f"Art. {passage.article}":
        # the article asked is named in full, as a lawyer writes it ("GenAI Measures Article 12"); the quote's own
        # label below still gives "Art. 12"
        return f"{named.short or named.title} Article {passage.article}"
    return citation_label(named)


def _trim(text: str, wanted: set[str], words: frozenset[str] = frozenset()) -> str:
    """Long sentences keep their first clause and the clauses holding the wanted figure, or, for an answer that
    quotes and states no figure, the clauses using the question's ``words`` (the quote is the answer: "…and the
    provincial cyberspace administration offices that implement CAC policies" must not fall to the ellipsis)."""
    if len(text) <= MAX_QUOTE:
        return text
    # a comma inside a number (10,000) is not a clause boundary
    clauses = re.split(r"(?<=[；;，])|(?<=,)(?=\s)", text)
    keep = [0] + [i for i, c in enumerate(clauses) if any(f.kind in wanted for f in extract_figures(c))
                  or _uses_words(c, words)]
    if len(keep) == 1:
        return text[:MAX_QUOTE].rstrip() + "…"
    out, last = [], -1
    for i in sorted(set(keep)):
        if last >= 0 and i != last + 1:
            out.append("…")
        out.append(clauses[i])
        last = i
    if last != len(clauses) - 1:
        out.append("…")
    return "".join(out)


def _uses_words(clause: str, words: frozenset[str]) -> bool:
    """Whether a clause uses two of the question's words (as written or stemmed, so as substrings: a lone shared
    character or word is any clause's)."""
    lowered = clause.lower()
    return sum(word in lowered for word in words) >= 2


def _superseding(pool: list[Passage], rest: list[Passage], analysis: QueryAnalysis) -> list[Passage]:
    """The best-ranked passage of each text that partly supersedes one in the pool and has none there itself: the
    later text governs where the two differ (rule later_text_governs), so its sentence must compete (the 2024
    provisions' 不满10万人 exemption, ranked 10th behind the 2023 standard contract measures' 10万人 it replaced).
    Not for a text the question names, nor when it asks for the earlier text: it asks what that text says."""
    manifest = load_manifest()
    later = {entry.partly_superseded_by for p in pool if (entry := manifest.by_id(p.doc_id)) is not None
             and entry.partly_superseded_by and p.doc_id not in analysis.laws} - {p.doc_id for p in pool}
    if not later or analysis.earlier_text or not enabled("later_text_governs"):
        return []
    best_of: dict[str, Passage] = {}
    for p in rest:
        best_of.setdefault(p.doc_id, p)
    return [best_of[doc_id] for doc_id in sorted(later) if doc_id in best_of]


def sentence_pool(passages: list[Passage], analysis: QueryAnalysis) -> list[Passage]:
    """The passages whose sentences compete: the first SENTENCE_POOL, the later text of one they hold that it partly
    supersedes, and, for a question asking which body acts, the best match for its words (BM25) when it ranks below
    them (the article naming 时段、时长、消费上限 and 牵头 that a question about who sets the limits uses word for word,
    ranked 16th on a vector drawn to the articles about the limits themselves: the body that acts is rarely what a
    passage's vector is about)."""
    pool = passages[:SENTENCE_POOL]
    pool += _superseding(pool, passages[SENTENCE_POOL:], analysis)
    pooled = {id(p) for p in pool}
    rest = [p for p in passages[SENTENCE_POOL:] if p.features and id(p) not in pooled]
    if not rest or not pool or analysis.wants or not WHICH_BODY.search(analysis.question):
        return pool
    best = max(rest, key=lambda p: p.bm25)
    return [*pool, best] if best.bm25 > max(p.bm25 for p in pool) else pool


# "**Promulgation Date:** 2023-7-10": the one line of a translation's front matter that states a fact of the law
_DATED_LINE = re.compile(r"\b(?:promulgation|issue|issuance|publication|effective)\s+date\b|\bdate of (?:issue|promulgation)\b",
                         re.I)


def _stating_sentences(passage: Passage) -> list[Span]:
    """The sentences of a passage that may answer: a translation's front matter (its title, the translators' note)
    states nothing of the law but the date it gives the law."""
    spans = sentence_spans(passage.text)
    if passage.translation_of and passage.article is None:
        return [s for s in spans if _DATED_LINE.search(s.text)]
    return [s for s in spans if not _PAGE_CHROME.fullmatch(s.text.strip())]


# a web page's own furniture ("Takes 2 min.", "5 min read", "Updated 3 days ago"): its figure is no answer
_PAGE_CHROME = re.compile("|".join(cues()["vocab"]["page_chrome"]), re.I)


def _score_sentences(passages: list[Passage], analysis: QueryAnalysis, tokenizer: str,
                     idf: dict[str, float] | None = None, unknown_idf: float = 8.0) -> list[Pick]:
    """Sentences of the top passages, scored by the passage's rank, how much of the question's rarer terms
    (IDF-weighted, so 有效期 outweighs 罚款) they carry in either language, the figure type asked for, and cues."""
    picks: list[Pick] = []
    top = max((p.score for p in passages), default=1.0) or 1.0
    weights = _coverage_weights(idf, analysis, unknown_idf)
    for passage in sentence_pool(passages, analysis):
        spans = _stating_sentences(passage)
        if not spans:
            continue
        prior = max(passage.score, 0.0) / top
        # within a law the question names, its name says nothing about which sentence answers; within a
        # guide the question names, the laws it names say which of the guide's sentences is meant
        scoped = _scoped(passage, analysis)
        # later sentences of an article speak of what its first one names: "有舆论属性…的算法推荐服务提供者应当…；
        # …终止服务的，应当在二十个工作日内办理注销备案" answers a question about that provider's deregistration
        context = f"{spans[0].text} " if spans else ""
        for span, chapeau in zip(spans, chapeaus(spans), strict=True):
            own_text = read_item(span, chapeau)
            tokens = frozenset(tokenize(own_text, tokenizer))
            cov = _sentence_coverage(tokens, analysis, scoped, weights, unknown_idf)
            if span is not spans[0]:
                # what the first sentence names counts at half weight: enough for a later sentence that adds the
                # question's own words (注销) to beat the first, not for one that adds nothing
                in_context = frozenset(tokenize(context + own_text, tokenizer))
                cov += CONTEXT_WEIGHT * (_sentence_coverage(in_context, analysis, scoped, weights, unknown_idf) - cov)
            figures = [f for f in extract_figures(span.text) if _fits(f, span.text, analysis, passage.doc_id)]
            fig_hit = 1.0 if analysis.wants and _wanted(figures, analysis) else 0.0
            # a heading, or a question a FAQ asks ("How are cross-border transfers regulated?"), answers nothing
            heading_only = 1.0 if (len(span.text) < 25 and not figures) or span.text.rstrip().endswith(("?", "？")) \
                else 0.0
            set_aside = _set_aside(span.text, analysis)
            # the glossary's statutory terms (违法所得 for "illegal gains") in the sentence itself, not only in
            # the chapeau it shares with its sibling items
            own_terms = sum(term in span.text for term in analysis.expansion) / len(analysis.expansion) \
                if analysis.expansion and chapeau is not None else 0.0
            score = (1.2 * prior + 1.0 * cov + 0.7 * fig_hit - 0.8 * heading_only - set_aside + 0.3 * own_terms
                     + _cue_bonus(span.text, figures, passage, analysis))
            picks.append(Pick(passage, span, score, figures, chapeau, cov, context))
    _favour_extreme(picks, analysis)
    return sorted(picks, key=lambda p: -p.score)


def _scoped(passage: Passage, analysis: QueryAnalysis) -> bool:
    return bool(passage.doc_id in analysis.laws and analysis.scoped_tokens and passage.authority <= STATUTE_AUTHORITY)


def _article_texts(passages: list[Passage]) -> dict[tuple[str, int], str]:
    """The text retrieved of each article, by (doc id, article number)."""
    articles: dict[tuple[str, int], str] = {}
    for passage in passages:
        if passage.article is not None:
            key = (passage.doc_id, passage.article)
            articles[key] = f"{articles.get(key, '')} {passage.text}"
    return articles


def _breach_fit(picks: list[Pick], articles: dict[tuple[str, int], str], analysis: QueryAnalysis, tokenizer: str,
                idf: dict[str, float] | None, unknown_idf: float, words: dict[int, frozenset[str]]) -> dict[int, float]:
    """How much of the breach the question describes each sanction sentence follows (by id of the pick): read
    from its condition (see violations.breach_of), with the text of the duty articles it says were breached when
    those were retrieved as well (不履行本法第三十条规定的… reads as DSL Art. 30's duty to assess important data's
    risks). The words for sanctions and their tiers (罚款, 直接负责的主管人员, 情节严重) say what is asked of the
    breach, not which breach it is, and count for none. `words` receives each breach's words."""
    fit: dict[int, float] = {}
    for pick in picks:
        breach = breach_of(pick.span, read_item(pick.span, pick.chapeau), pick.passage.text, pick.lead)
        if not breach:
            continue
        duties = " ".join(articles.get((pick.passage.doc_id, n), "") for n in duty_articles(breach))
        tokens = frozenset(tokenize(f"{breach} {duties}", tokenizer))
        fit[id(pick)] = _fit_to_breach(tokens, pick.passage, analysis, tokenizer, idf, unknown_idf)
        words[id(pick)] = tokens
    _chapeaus_follow_their_items(picks, fit, words)
    return fit


def _fit_to_breach(tokens: frozenset[str], passage: Passage, analysis: QueryAnalysis, tokenizer: str,
                   idf: dict[str, float] | None, unknown_idf: float, left_out: frozenset[str] = frozenset()) -> float:
    """How much of the breach the question describes a text's words speak of, the words of sanctions (and any
    words `left_out`) not counted."""
    asked = frozenset(tokenize(SANCTION_WORDS.sub(" ", analysis.question), tokenizer)) - left_out
    sanction_terms = frozenset(tokenize(" ".join(t for t in analysis.expansion if SANCTION_WORDS.search(t)), tokenizer))
    own, translated = ((analysis.scoped_content, analysis.scoped_expansion) if _scoped(passage, analysis)
                       else (analysis.content_tokens, analysis.expansion_tokens))
    translated = (translated - sanction_terms - left_out) | (analysis.neutral_tokens & asked)
    return max(_weighted_coverage(own & asked, tokens, idf or {}, unknown_idf),
               _weighted_coverage(translated, tokens, idf or {}, unknown_idf))


def _chapeaus_follow_their_items(picks: list[Pick], fit: dict[int, float], words: dict[int, frozenset[str]]) -> None:
    """"运营者有下列情形之一的，…处10万元以上100万元以下罚款：（八）未…每年至少进行一次…检测评估" fines each item's
    breach: the sentence stating the fine follows the breach as well as its best-fitting item does, in its words."""
    heads = {(p.passage.chunk_id, p.span.start): p for p in picks if p.chapeau is None}
    for item in picks:
        if item.chapeau is None or id(item) not in fit:
            continue
        head = heads.get((item.passage.chunk_id, item.chapeau.start))
        if head is not None and id(head) in fit and fit[id(item)] > fit[id(head)]:
            fit[id(head)] = fit[id(item)]
            words[id(head)] = words[id(head)] | words[id(item)]


def _sentence_coverage(tokens: frozenset[str], analysis: QueryAnalysis, scoped: bool,
                       weights: Mapping[str, float] | None, unknown_idf: float) -> float:
    """``weights``: the question's _coverage_weights, worked out once for all the sentences scored against it."""
    if not weights:
        return max(coverage(analysis.content_tokens, tokens), coverage(analysis.expansion_tokens, tokens))
    own, translated = ((analysis.scoped_content, analysis.scoped_expansion) if scoped
                       else (analysis.content_tokens, analysis.expansion_tokens))
    return max(_weighted_coverage(own, tokens, weights, unknown_idf),
               _weighted_coverage(translated | analysis.neutral_tokens, tokens, weights, unknown_idf))


def _coverage_weights(idf: dict[str, float] | None, analysis: QueryAnalysis, unknown: float) \
        -> Mapping[str, float] | None:
    """The weights a sentence's coverage of the question is counted with: none without an IDF (plain coverage)."""
    return _scene_weighted(idf, analysis.scene_tokens, unknown) if idf else idf


def _scene_weighted(idf: dict[str, float], scene: frozenset[str], unknown: float) -> Mapping[str, float]:
    """The IDF weights with the words only the question's scene uses weighing SCENE_WEIGHT as much: a scene ("our
    short-video app is launching a face-swap template") tells which provision applies less than the ask does."""
    if not scene or SCENE_WEIGHT == 1.0:
        return idf
    return ChainMap({t: idf.get(t, unknown) * SCENE_WEIGHT for t in scene}, idf)


RESIDUAL_CUE = re.compile(r"以外|之外|\bother than\b|\bexcept\b|\bexcluding\b", re.I)


# an item of a list that covers what its other items do not ("第三项、第四项规定以外的公民个人信息")
RESIDUAL_ITEM = re.compile(r"(?:项|款)(?:规定)?(?:以外|之外)的|\bother than (?:those|the (?:information|data|items)) "
                           r"(?:in|under|listed|referred)", re.I)


# "关键信息基础设施运营者以外的数据处理者", "processors other than CII operators": the term set aside, named to say
# the sentence is about everyone else, which is what a question setting it aside ("we're not a CIIO") asks
_OTHER_THAN = re.compile(r"[\u4e00-\u9fffa-z]{2,12}?(?:运营者|者|单位|企业)?(?:以外|之外)的?|"
                         r"\b(?:other than|except|excluding)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}")


def _without_others(text: str, terms: set[str]) -> str:
    """The text with the phrases naming a term set aside only to speak of everyone else (…运营者以外的) blanked."""
    return _OTHER_THAN.sub(lambda m: " " if any(t in m.group(0) for t in terms) else m.group(0), text)


def _set_aside(text: str, analysis: QueryAnalysis) -> float:
    """"(not location, credit or property data)": the item about those is not the one asked for, and the
    residual item ("第三项、第四项规定以外的…") is."""
    if not analysis.excluded_terms:
        # "普通个人信息多少条": the list's residual item (第三项、第四项规定以外的…) is the one asked for
        return -0.3 if analysis.ordinary and RESIDUAL_ITEM.search(text) else 0.0
    lowered = _without_others(text.lower(), analysis.excluded_terms)
    if any(term in lowered for term in analysis.excluded_terms):
        # a sentence that is the set-aside tier from its start ("有前款规定的违法行为，情节严重的，…") answers nothing
        # asked; one that states the tier after another (…；情节严重的，处…) still holds the tier asked
        first = min((f.start for f in extract_figures(text)), default=len(text))
        return 1.0 if any(term in lowered[:first] for term in analysis.excluded_terms) else 0.5
    return -0.3 if RESIDUAL_CUE.search(text) else 0.0


def _cue_bonus(text: str, figures: list[Figure], passage: Passage, analysis: QueryAnalysis) -> float:
    """Small, general preferences: an effective date is stated with 施行/take effect; a count of people is
    a count of 人/users; a law the question names speaks before other statutes."""
    bonus = 0.0
    if "date" in analysis.wants and any(f.kind == "date" for f in figures):
        asks_adoption = _asks_adoption(analysis.leading_ask)
        # a law's commencement answers when it took effect, not by when a duty under it falls due
        asks_due_date = _asks_when_to_act(analysis.question) and not EFFECTIVE_CUE.search(analysis.question)
        if EFFECTIVE_CUE.search(text) and not asks_adoption and not asks_due_date:
            bonus += 0.6
        elif ADOPTION_CUE.search(text) and asks_adoption:
            bonus += 0.6
    if "duration" in analysis.wants and VALIDITY_CUE.search(analysis.question):
        # "how long is it valid" asks for the term itself (有效期为3年), not a deadline counted from its end
        if any(f.kind == "duration" and VALIDITY_TERM.search(text[max(0, f.start - 14):f.start]) for f in figures):
            bonus += 0.5
    counts = [f for f in figures if f.kind == "count"]
    if "count" in analysis.wants and counts:
        if PEOPLE_CUE.search(analysis.question) and any(re.search(r"人|用户|individual|people|person|user", f.text + text[f.end:f.end + 12]) for f in counts):
            bonus += 0.4
        if ITEMS_CUE.search(analysis.question) and any("条" in f.text for f in counts):
            bonus += 0.4
    if analysis.laws:
        # the source the question names speaks first, be it a statute or a guide ("据中伦的实务指南…")
        named = _in_named_law(passage, analysis)
        background = passage.doc_id in analysis.background_laws or passage.translation_of in analysis.background_laws
        if named:
            bonus += 0.2 if background else 0.5
        elif passage.authority <= STATUTE_AUTHORITY:
            bonus -= 0.3
    return bonus


def _later_rule_first(picks: list[Pick], analysis: QueryAnalysis) -> list[Pick]:
    """The later text governs where it and an earlier one disagree: when the best sentence comes from a text a
    later one partly supersedes (the 2022 outbound assessment measures, overridden by the 2024 cross-border
    provisions) and the later text restates the same provision (有效期为2年 -> 有效期为3年), the later one answers."""
    primary = picks[0]
    entry = load_manifest().by_id(primary.passage.doc_id)
    if entry is None or not entry.partly_superseded_by or analysis.earlier_text or not enabled("later_text_governs"):
        return picks  # "as originally issued": the earlier text's own figure answers
    for pick in picks[1:]:
        if pick.passage.doc_id == entry.partly_superseded_by and _restated_by(primary, pick) and \
                (not analysis.wants or _wanted(pick.figures, analysis)):
            return _first(picks, pick)
    return picks


def _restated_by(earlier: Pick, later: Pick) -> bool:
    """Whether the later sentence restates the earlier: alike but for figures and article numbers, by themselves or,
    for two list items, each under its chapeau (申报数据出境安全评估 under either text's list of conditions)."""
    spec = cues()["rules"]["later_text_governs"]
    return _restates(earlier.span.text, later.span.text, spec["sentence_overlap"]) or (
        earlier.chapeau is not None and later.chapeau is not None
        and _restates(read_item(earlier.span, earlier.chapeau), read_item(later.span, later.chapeau), spec["item_overlap"]))


_LABELS_AND_FIGURES = re.compile(r"第[一二三四五六七八九十百零\d]+条|[\d一二三四五六七八九十百千万亿.,]+")


def _restates(a: str, b: str, overlap: float = 0.6) -> bool:
    """Two sentences that say the same thing but for their figures and article numbers."""
    return restatement_share(a, b) >= overlap


def restatement_share(a: str, b: str) -> float:
    """How alike two sentences are but for their figures and article numbers (the share of character pairs)."""
    def grams(text: str) -> set[str]:
        bare = re.sub(r"\s+", "", _LABELS_AND_FIGURES.sub("", text.lower()))
        return {bare[i:i + 2] for i in range(len(bare) - 1)}

    ga, gb = grams(a), grams(b)
    return len(ga & gb) / len(ga | gb) if ga and gb else 0.0


def _body_text(passage: Passage) -> str:
    """What a passage says, with the names it goes by: its title, headings and text, and its document's names (the
    CII Regulations name CII in their own title, which their articles do not repeat)."""
    return f"{passage.full_text} {' '.join(law_titles([passage.doc_id]))}"


def _naming_first(picks: list[Pick], names_it: Callable[[Pick], bool], analysis: QueryAnalysis) -> list[Pick]:
    """The picks with the best one that names what must be named (and answers, when a figure is asked) first."""
    naming = next((p for p in picks if names_it(p) and (not analysis.wants or _answers(p, analysis))), None)
    return _first(picks, naming)


def _first(picks: list[Pick], pick: Pick | None) -> list[Pick]:
    """The picks with ``pick`` moved before the rest; as they were when it is None."""
    return [pick, *(p for p in picks if p is not pick)] if pick is not None else picks


def _scoring_near(picks: list[Pick], fits: Callable[[Pick], bool]) -> Pick | None:
    """The first of the five picks after the top one that fits and scores near it, or None."""
    return next((p for p in picks[1:6] if fits(p) and p.score >= SUPPORT_FRACTION * picks[0].score), None)


def _sentence_text(pick: Pick) -> str:
    return f"{pick.passage.title} {pick.passage.heading_path} {pick.lead} {pick.span.text}"


# what every deadline says: units and bounds are no sign that a passage is about what was asked
_UNIT_WORDS = re.compile(r"(?:个)?(?:工作日|日|天|小时|月|年|周|分钟|秒)|以内|之内|内|以上|以下|(?:working |calendar )?"
                         r"(?:days?|hours?|months?|years?|weeks?|minutes?|seconds?)|within|more than|less than", re.I)


def _nothing_shared(passage: Passage, body_text: str, analysis: QueryAnalysis) -> bool:
    """Whether a passage in the other language than the question's, from no law the question names, holds none of
    the question's terms of art in translation: then only the embedding says it is on topic ("a cookie banner"
    finds the cybersecurity review's ninety days through 日 alone), and that is not enough to answer."""
    if passage.language == analysis.language or passage.doc_id in analysis.laws \
            or passage.translation_of in analysis.laws:
        return False
    body = body_text.lower()
    return not any(term.lower() in body for term in analysis.expansion if not _UNIT_WORDS.fullmatch(term))


def _outside_named_laws(passage: Passage, analysis: QueryAnalysis) -> str:
    """The laws a question asks about, by name, when the passage chosen to answer is neither one of them nor
    speaks of them (nor, when it asks what the law itself says, even then): "how many hours does the PIPL give…"
    is not answered by another regulation's 24 hours."""
    if not analysis.laws or passage.doc_id in analysis.laws or passage.translation_of in analysis.laws:
        return ""
    spoken = resolve_laws(passage.full_text)
    # "does the PIPL itself require…": a guide or a regulation speaking of the law is not the law's own text
    if any(doc_id in analysis.laws for doc_id in spoken) and not analysis.law_itself:
        return ""
    return ", ".join(law_names(analysis.laws)) or ", ".join(analysis.laws)


def _favour_extreme(picks: list[Pick], analysis: QueryAnalysis) -> None:
    """"What is the most…" asks for the top of the scale: within each passage, the sentence with the
    largest figure of the wanted kind is the answer (and the smallest for "at least / minimum")."""
    if analysis.law_maximum:  # however the question words the top ("the cap", 上限)
        _favour_highest_tier(picks, analysis)
    read = superlatives_read(analysis.question)
    wants_max = bool(SUPERLATIVE_MAX.search(read))
    wants_min = bool(SUPERLATIVE_MIN.search(read)) and not wants_max
    if not (wants_max or wants_min) or not analysis.wants:
        return
    by_passage: dict[str, list[tuple[float, Pick]]] = {}
    for pick in picks:
        values = [f.value for f in pick.figures if f.kind in analysis.wants]
        if values:
            by_passage.setdefault(pick.passage.chunk_id, []).append(
                (max(values) if wants_max else -min(values), pick))
    for group in by_passage.values():
        best = max(v for v, _ in group)
        for value, pick in group:
            if value == best and len(group) > 1:
                pick.score += 0.35


LAW_MAXIMUM_BONUS = 1.0  # enough to lead over a first-tier sentence that shares more of the question's words


def _highest_fines_first(passages: list[Passage], analysis: QueryAnalysis, n: int = 2) -> list[Passage]:
    """'The maximum fine under the DSL': the named law's passages stating its largest fines join the sentence
    pool, however the question's few words ranked them."""
    named = sorted((p for p in passages if _in_named_law(p, analysis)
                    and largest_fine(p.text) > 0), key=lambda p: largest_fine(p.text), reverse=True)[:n]
    return named + [p for p in passages if p not in named]


def _favour_highest_tier(picks: list[Pick], analysis: QueryAnalysis) -> None:
    """'The maximum fine under the DSL': across the named law's own sanction sentences (original and translation
    alike), the one stating the largest fine is the law's highest tier."""
    named = [p for p in picks if _in_named_law(p.passage, analysis)]
    amounts = {id(p): max((f.value for f in p.figures if f.kind == "amount" and f.sanction), default=0.0)
               for p in named}
    top = max(amounts.values(), default=0.0)
    if top <= 0:
        return
    for pick in named:
        if amounts[id(pick)] == top:
            pick.score += LAW_MAXIMUM_BONUS


FINE_ASKED = re.compile(r"\bfine[ds]?\b|\bpenalt(?:y|ies)\b|罚款|罚金|处罚|罚则", re.I)


def _accepts(figure: Figure, analysis: QueryAnalysis, companions: bool = False) -> bool:
    """Whether a figure answers what the question asks. A fine set as a multiple (违法所得一倍以上十倍以下) answers
    an amount question; "when must…" / "how soon" with no unit named is answered by 立即 (immediately);
    ``companions``: percentages travel with amounts in the lead ("CNY 50 million or 5% of turnover")."""
    kinds = set(analysis.wants)
    if "amount" in kinds:
        kinds |= {"multiple", "percent"} if companions else {"multiple"}
    if ("date" in kinds or HOW_SOON.search(analysis.question)) and not analysis.duration_units and \
            _asks_when_to_act(analysis.question) \
            and not (EFFECTIVE_CUE.search(analysis.question) or _asks_adoption(analysis.leading_ask)):
        # "by when must we apply?" is answered by "within 15 working days of receiving the result" too
        kinds |= {"timing", "duration"}
    if "quantity" in kinds:
        kinds |= QUANTITY_KINDS
    if figure.kind not in kinds or figure.sanction and not analysis.sanctions_answer:
        return False
    if figure.kind == "multiple" and "multiple" not in analysis.wants and not figure.sanction:
        return False  # "how much money is a major loss": a threshold's 十倍以上 is no sum of money
    if figure.kind == "count" and (counts_differ(analysis.count_noun, figure.counts)
                                   or count_heads_differ(analysis.count_noun, figure.text, figure.counts)):
        return False  # a count of police officers does not say how many stars, nor three laws how many levels
    if figure.kind == "multiple" and "multiple" in analysis.wants and not figure.sanction and \
            FINE_ASKED.search(analysis.question):
        return False  # "what multiple of the gains is the fine": a threshold's 十倍以上 is no fine
    if figure.kind == "date" and figure.unit == "date" and figure.value and figure.value % 10000 == 0 \
            and not ASKS_YEAR.search(analysis.question):
        return False  # "when was the amendment adopted" asks a day: the year in a title （2025年修正） is not it
    units = analysis.duration_units
    return not (figure.kind == "duration" and units and figure.unit not in units)


# a question a year alone answers ("which year", 哪一年)
ASKS_YEAR = re.compile(r"\b(?:which|what) year\b|\bin what year\b|\byear\b|哪一?年|几几年|多少年|年份", re.I)
_TIMED = frozenset({"duration", "date", "day-of-year", "frequency", "timing"})
# a date followed by what happened to a text on it (2022年7月7日公布的《…》, "promulgated on…")
_LAW_EVENT_AFTER = re.compile(r"\s*(?:第[^，。；]{2,30}?会议)?\s*(?:公布|发布|颁布|通过|印发|修正|修订|起?施行)|,?\s*(?:promulgated|published|adopted|issued)\b",
                              re.I)


_AMENDMENT_WORDS = re.compile(r"修正|修改|修订|\bamend\w*|\brevis\w*|\bdecision\b|决定", re.I)


def _amendment_for_the_law(doc_id: str, question: str) -> bool:
    """An amending decision's passage, for a question asking when the law itself was adopted or passed."""
    if not doc_id or not ASKS_ADOPTION.search(question) or _AMENDMENT_WORDS.search(question):
        return False
    return bool(_amended(doc_id))


def _a_stated_date(figure: Figure, text: str, given: frozenset[int]) -> bool:
    """A date in a month the question states, in a sentence that states a date of another month: the question
    told the one and asks the other."""
    return bool(given) and figure.value // 100 in given and bool(stated_months(text) - given)


# "the Measures … came into effect on 1 June 2023": English says what happened on the day before it
_LAW_EVENT_BEFORE = re.compile(r"(?:(?:came|come|comes|entered|enters|went|goes) into (?:effect|force)|took effect|"
                               r"(?:became|becomes|effective)(?: effective)?|(?:were|was) (?:promulgated|published|"
                               r"adopted|issued|released))(?: on| from| as of)?\s*$", re.I)


def _a_law_s_own_date(text: str, start: int, end: int) -> bool:
    return bool(_LAW_EVENT_AFTER.match(text, end) or _LAW_EVENT_BEFORE.search(text[max(0, start - 40):start]))


def _other_partys_period(figure: Figure, text: str, analysis: QueryAnalysis) -> bool:
    """Rule applicant_period, both ways: "多长时间给出复评结果" is not answered by the 15 working days in which the
    applicant may apply for it, and "多少个工作日内申请复审" not by the 90 working days a special review takes."""
    if not enabled("applicant_period") or not (analysis.processing_time or analysis.challenge_time):
        return False
    applicants = applicant_period(text, figure.end)
    return applicants if analysis.processing_time else not applicants


def _fits(figure: Figure, text: str, analysis: QueryAnalysis, doc_id: str = "") -> bool:
    """Whether a figure is the one of whom and what the question asks: a deadline binds the party the question
    says must act (the office's ten days to decide are not the applicant's days to reply), a yearly act is the
    act asked about (a yearly report is not a yearly test), and a date a count starts from is no due date."""
    if figure.kind in ("amount", "multiple") and analysis.audience == "individuals" and analysis.sanctions_answer \
            and not aimed_at_individuals(text, figure.start):
        return False  # the company's fine does not say what its executives were fined
    if figure.kind in _TIMED and not figure.sanction:
        if analysis.bearer or analysis.bearer_level or analysis.not_who:
            bound, subject = duty_at(text, figure.start)
            if analysis.bearer and bound and bound != analysis.bearer:
                return False
            if analysis.bearer_level and (level := authority_level(subject)) and level != analysis.bearer_level:
                return False  # the national office's seven days are not the provincial office's
            if analysis.not_who and subject:
                names = " ".join(law_titles([doc_id]))
                if any(is_of_kind(subject, kind, names) for kind in analysis.not_who):
                    return False  # "(不是关键信息基础设施运营者)": the CII operator's yearly test is not ours
        if analysis.activities:
            acts = activities_at(text, figure.start, figure.end)
            if others_only(analysis.activities, acts) or lacks_decisive(analysis.activities, acts):
                return False
        if analysis.extension and figure.kind == "duration" and not extends_by(text, figure.start, figure.end):
            return False  # the 90 days a review takes are not how long it may be extended by
        if analysis.extended_periods and figure.kind == "duration" and not _states_period(text, analysis):
            return False  # the initial review's 15 more days are not how long the 90-day review may run over
        if figure.kind == "duration" and _asks_time_to_act(analysis) and keeps_for(text, figure.start):
            return False  # "多久内要做等保备案": six months of keeping logs are no time to file in
        if analysis.lead_time and figure.kind == "duration" and not is_lead_time(text, figure.start, figure.end):
            return False  # ten days after the filing arrives is not how long before listing it must be made
        if analysis.after_event and figure.kind == "duration" and is_lead_time(text, figure.start, figure.end):
            return False  # 60 working days before expiry is not how soon after a change one must re-apply
    if figure.kind == "duration" and analysis.processing_time and (
            VALIDITY_TERM.search(text[max(0, figure.start - 12):figure.start])
            or is_lead_time(text, figure.start, figure.end)):
        return False  # "how long does the CAC take to approve an extension?": not the 3 years it extends by, nor
        # the 60 working days before expiry the applicant must apply in
    if figure.kind == "duration" and _other_partys_period(figure, text, analysis):
        return False
    if figure.kind == "duration" and figure.sanction and _TIME_TO_ACT.search(analysis.question) \
            and not {"detention", "imprisonment", "ban"} & set(analysis.period_roles):
        return False  # "罚款决定下来后，多少天内要交": a detention's five to fifteen days are no time to act in
    if figure.kind == "duration" and (figure.value, figure.unit) in analysis.given_periods:
        return False  # "we applied within the 15 working days; how long does the office have?": not those 15
    if figure.kind == "date" and _a_law_s_own_date(text, figure.start, figure.end) \
            and (OBLIGATION_CUE.search(analysis.question) or analysis.activities) \
            and not (EFFECTIVE_CUE.search(analysis.question) or ADOPTION_CUE.search(analysis.question)):
        return False  # "by when must we apply", "年度报告什么时候交": the day a law was published is no due date
    if figure.kind == "date" and _a_stated_date(figure, text, analysis.given_months):
        return False  # "the decision adopted in October 2025: when does it take effect?": not the day it was adopted
    if figure.kind == "date" and _amendment_for_the_law(doc_id, analysis.question):
        return False  # "when was the CSL adopted": the day its 2025 amending decision was adopted is not that day
    if figure.kind == "date" and _commences_only(text, figure) and _asks_adoption(analysis.leading_ask):
        return False  # "哪一天…通过的": the day a text takes effect (本条例自…起施行) is not the day it was adopted
    if figure.kind == "date" and analysis.amended_in and figure.value < analysis.amended_in * 10000:
        return False  # the consolidated text's 本法自2017年6月1日起施行 is not when the 2025 amendment took effect
    return not (figure.kind in ("date", "day-of-year") and analysis.by_date
                and counted_from(text, figure.start, figure.end))


def _states_period(text: str, analysis: QueryAnalysis) -> bool:
    return any(f.kind == "duration" and f.value in analysis.extended_periods for f in extract_figures(text))


def _wanted(figures: list[Figure], analysis: QueryAnalysis) -> list[Figure]:
    return [f for f in figures if _accepts(f, analysis)]


def _answers(pick: Pick, analysis: QueryAnalysis) -> bool:
    """The sentence states a figure of the kind asked, about the money or period asked (a fee, not a fund's
    value; a validity, not a grace period), of the kind of assessment asked, on the transfer route asked, and
    from a final text when the question asks for the final one."""
    read = read_item(pick.span, pick.chapeau)
    if analysis.final_text and (pick.passage.status == "draft" or DRAFT_CUE.search(read)):
        return False  # "under the final Measures…": the draft's figure is not the answer
    if enabled("draft_not_in_force") and "date" in analysis.wants and asks_commencement(analysis.question) \
            and DRAFT_CUE.search(read) \
            and not EFFECTIVE_CUE.search(read):
        return False  # "when did the certification measures take effect?": the day a draft was released is not it
    wanted = _wanted(pick.figures, analysis)
    if not wanted:
        return False
    fines_only = all(f.sanction for f in wanted)
    if fines_only and _punishes_another_breach(pick, read, analysis):
        return False
    if analysis.criminal and not (any(f.sanction for f in wanted) and CRIMINAL_SANCTION.search(read)):
        return False  # an authority's administrative fine, or the gains that make a crime, is no court's fine
    if fines_only and analysis.not_who and (breach := breach_of(pick.span, read, pick.passage.text, pick.lead)) \
            and any(is_of_kind(without_consequences(breach), kind) for kind in analysis.not_who):
        return False  # "(non-CII) operator": the CII operator's fine is not ours
    if analysis.as_of and (stated_day := as_of_day(read)) and not same_as_of(analysis.as_of, stated_day):
        return False  # a count "as of 31 December 2024" does not say how many there were on 30 June
    if analysis.wants & {"count", "quantity"} and (asked_year := count_year(analysis.question)) \
            and (stated_years := count_years(read)) and asked_year not in stated_years:
        return False  # how many cases "in 2023" does not say how many there were in 2024
    if "retention" in analysis.period_roles and analysis.retained and not names_in(analysis.retained, read.lower()):
        return False  # keeping processing records three years says nothing of how long reports are kept
    if "retention" in analysis.period_roles and analysis.retains_data and KEPT_DOCUMENT.search(read):
        return False  # an impact assessment report's three years are not how long the personal data may be kept
    if analysis.classified and not states_class(read, analysis.classified):
        return False  # rule class_by_definition: ten million people under a duty do not make data important
    if other_occasion(analysis.occasion, read):
        return False  # rule first_or_repeat: three months to re-identify CII say nothing of the first identification
    if "validity" in analysis.period_roles and analysis.validated and _HAN.search(read) \
            and not all(word in read for word in analysis.validated):
        return False  # an outbound assessment's three years says nothing of how long a CII identification holds
    return speaks_of(analysis.money_roles + analysis.period_roles, read) \
        and not others_only(analysis.assessments, assessment_kinds(read)) \
        and (fines_only or _on_route(pick, read, analysis))


def _in_named_law(passage: Passage, analysis: QueryAnalysis) -> bool:
    return passage.doc_id in analysis.laws or passage.translation_of in analysis.laws


def _article_key(passage: Passage) -> tuple[str, int | None]:
    return passage.translation_of or passage.doc_id, passage.article


def _weak_anchor(pick: Pick, anchors: dict[str, Pick], fit: dict[int, float]) -> bool:
    """Whether the sentence's own law text tells no breach apart (its best match is below the floor)."""
    anchor = anchors.get(pick.passage.doc_id)
    return anchor is None or fit[id(anchor)] < BREACH_FLOOR


def _another_breach(pick: Pick, anchors: dict[str, Pick], fit: dict[int, float],
                    contrast: Callable[[Pick, Pick], tuple[float, float]], analysis: QueryAnalysis) -> bool:
    """Whether the sentence's fines follow another breach than the one the question describes, which another
    sanction of the same law matches far better (selling uncertified equipment is not using unreviewed products)."""
    if id(pick) not in fit or _weak_anchor(pick, anchors, fit) or analysis.breached & _duties_breached(pick):
        return False  # the sanction citing the article said to be breached follows that breach, whatever its words
    anchor = anchors[pick.passage.doc_id]
    if not _refers_elsewhere(anchor):
        farther = fit[id(pick)] < BREACH_SHARE * fit[id(anchor)]
    else:
        farther = _farther_than_referral(pick, anchor, fit, contrast)
    return farther and all(f.sanction for f in _wanted(pick.figures, analysis))


def _farther_than_referral(pick: Pick, anchor: Pick, fit: dict[int, float],
                           contrast: Callable[[Pick, Pick], tuple[float, float]]) -> bool:
    """A sanction with a figure loses to one referring the breach to other laws when it fits the breach a fair
    way less, or, in another article, when the words only one of the two holds point to the referral: "关基运营者
    把个人信息存到境外" shares the CII operator with Art. 61's duties, and only Art. 71's item holds 个人信息 and 境外."""
    share = cues()["rules"]["breach_without_figure"]["referral_share"]
    if fit[id(pick)] < share * fit[id(anchor)]:
        return True
    if _article_key(pick.passage) == _article_key(anchor.passage):
        return False
    own, anchors_own = contrast(pick, anchor)
    return own < share * anchors_own


# a sanction that sends the breach to other laws (依照有关法律、行政法规的规定处罚): it sets no figure of its own
REFERRAL = re.compile(r"依照(?:有关|其他有关)?法律、(?:行政)?法规的规定(?:处理、)?处(?:罚|理)|依法追究法律责任|"
                      r"in accordance with (?:the )?(?:provisions of )?(?:the )?(?:relevant|other) laws and "
                      r"(?:administrative )?regulations", re.I)


def _refers_elsewhere(anchor: Pick) -> bool:
    """Whether the best-fitting sanction refers its breach to other laws and states no sanction figure: another
    sanction of the law then answers only when it fits the breach nearly as well."""
    return bool(REFERRAL.search(read_item(anchor.span, anchor.chapeau))) and not any(f.sanction for f in anchor.figures)


def _punishes_another_breach(pick: Pick, read: str, analysis: QueryAnalysis) -> bool:
    """Whether the sentence fines the breach of other articles of the law than the one the question says was
    breached (违反本条例第二十条… where it asks about 第二十四条)."""
    if not analysis.breached or not {pick.passage.doc_id, pick.passage.translation_of} & set(analysis.laws):
        return False
    # "单位有前款行为的…" punishes the breach its paragraph before names
    cited = breached_articles(read) or _duties_breached(pick)
    return bool(cited) and not cited & analysis.breached


def _on_route(pick: Pick, read: str, analysis: QueryAnalysis) -> bool:
    """Whether the sentence is about a transfer route the question names (security assessment, standard
    contract, certification): the route it names, else the one its article's first sentence or its passage names.
    A security assessment's two-year validity is not a certificate's, nor the cybersecurity review office's thirty
    days the time to review a standard contract's filing. Fines are exempt: the article that fines a transfer
    breach need not name the route breached."""
    if not analysis.routes:
        return True
    passage = pick.passage
    named = routes(read) or routes(pick.lead) or routes(passage.full_text)
    return bool(named & analysis.routes)


def read_item(span: Span, chapeau: Span | None) -> str:
    """A sentence as it is read: an enumerated item under its chapeau (its conditions, the consequence it
    triggers)."""
    return span.text if chapeau is None else f"{chapeau.text} {span.text}"


def _same_provision(first: Passage, other: Passage) -> bool:
    """Whether two passages may state one provision: a text and its translation, or an amending decision and the
    law it amends (修改决定 item 5 rewrites CSL Art. 61; the law as amended states it as in force)."""
    if first.translation_of == other.doc_id or other.translation_of == first.doc_id:
        return True
    laws = {first.translation_of or first.doc_id, other.translation_of or other.doc_id}
    return any(law in laws for doc in laws for law in _amended(doc))


@lru_cache(maxsize=256)
def _amended(doc_id: str) -> tuple[str, ...]:
    return tuple(amended_laws(doc_id))


def _supporting(primary: Pick, picks: list[Pick], analysis: QueryAnalysis, limit: int) -> list[Pick]:
    """Other passages stating the same key figure (or, with no figure asked, nearly as good a sentence)."""
    key = _wanted(primary.figures, analysis)
    chosen: list[Pick] = []
    seen = {primary.passage.chunk_id}
    for pick in picks:
        if len(chosen) >= limit:
            break
        if pick.passage.chunk_id in seen:
            continue
        same_text = _same_provision(primary.passage, pick.passage)
        close = pick.score >= SUPPORT_FRACTION * primary.score
        if key:
            # the same provision states every key figure: a translation/original, or a guide restating it
            ok = all(any(figures_match(a, b) for b in pick.figures) for a in key) and (close or same_text)
        else:
            ok = pick.score >= 0.9 * primary.score and pick.passage.doc_id != primary.passage.doc_id
        if ok:
            chosen.append(pick)
            seen.add(pick.passage.chunk_id)
    return chosen


# a quantity the text leaves open, or to another body to set
# a time given as "at once" (立即, 及时, promptly) is no number of hours or days
_AT_ONCE = r"立即|及时|\bimmediately\b|\bpromptly\b|\bwithout delay\b|\bin a timely (?:manner|fashion)\b"
# "regularly" (定期) is no interval: PIPL Art. 54's audits are 定期, and another text's yearly audit is not the PIPL's
_REGULARLY = r"定期(?!存款)|\bregularly\b|\bon a regular basis\b"
UNQUANTIFIED = re.compile(r"一定期限|一定数量|一定比例|一定规模|规定(?:的)?数量|规定(?:的)?期限|规定(?:的)?(?:特定种类、)?规模|a certain (?:period|number|amount|time)|"
                          r"(?:number|period|threshold|amount) (?:specified|prescribed|set) by|" + _AT_ONCE + "|" + _REGULARLY,
                          re.I)


# left to another body to set ("国家网信部门规定数量"), not to discretion ("一定期限")
DELEGATED = re.compile(r"规定(?:的)?(?:数量|期限|标准|(?:特定种类、)?规模)|(?:specified|prescribed|set) by", re.I)


def _open_clause(text: str, question: str = "") -> str:
    """The clause that leaves the quantity open ("…并可以决定禁止其在一定期限内担任…"), not the whole article; of
    several (立即采取处置措施，…及时告知用户并向有关主管部门报告), the one sharing most with the question."""
    clauses = []
    for m in UNQUANTIFIED.finditer(text):
        start = max(text.rfind(mark, 0, m.start()) for mark in "，；,;。") + 1
        ends = [i for i in (text.find(mark, m.end()) for mark in "，；,;。") if i >= 0]
        clauses.append((start, min(ends) + 1 if ends else len(text)))
    start, end = max(clauses, key=lambda c: (_shared(text[c[0]:c[1]], question), -c[0]))
    return f"{'…' if start > 0 else ''}{text[start:end].strip()}{'…' if end < len(text) else ''}"


def _shared(clause: str, question: str) -> int:
    """How many of the question's character pairs (and English words) a clause holds."""
    pairs = {question[i:i + 2] for i in range(len(question) - 1)} | set(re.findall(r"[a-z]{3,}", question.lower()))
    lowered = clause.lower()
    return sum(1 for pair in pairs if pair in lowered)


def _is_named_article(passage: Passage, analysis: QueryAnalysis) -> bool:
    """Whether the passage is an article the question names (个保法第五十二条, "PIPL Art. 52")."""
    return passage.article is not None and any(
        ref.article == passage.article and analysis.law_of(ref) in (passage.doc_id, passage.translation_of)
        for ref in analysis.articles)


def _named_article_open(picks: list[Pick], analysis: QueryAnalysis) -> Pick | None:
    """A sentence of an article the question names that leaves the quantity open ("规定数量", "一定期限")."""
    return next((p for p in picks if _is_named_article(p.passage, analysis)
                 and any(_OPEN_KINDS[kind] & analysis.wants for kind in _open_quantities(p.span.text))), None)


def _cites_named_article(pick: Pick, analysis: QueryAnalysis) -> bool:
    """"处理1000万人以上个人信息的，还应当遵守本条例第三十条、第三十二条…": a sentence that applies the articles the
    question names to those over its figure is what "how many people… must follow Art. 30 and 32" asks."""
    named = {ref.article for ref in analysis.articles}
    return bool(named & {ref.article for ref in article_refs(pick.span.text)})


# what a quantity left open measures: a period (一定期限), a number (规定数量), a share (一定比例), an amount
_OPEN_KINDS = {"period": {"duration"}, "number": {"count", "quantity"}, "share": {"percent"}, "amount": {"amount"},
               "interval": {"frequency"}}
_OPEN_WORDS = {"period": re.compile(r"期限|period|time|" + _AT_ONCE, re.I), "number": re.compile(r"数量|规模|number|threshold", re.I),
               "share": re.compile(r"比例"), "amount": re.compile(r"amount", re.I), "interval": re.compile(_REGULARLY, re.I)}


def _open_quantities(text: str) -> set[str]:
    return {kind for m in UNQUANTIFIED.finditer(text) for kind, words in _OPEN_WORDS.items() if words.search(m.group(0))}


def _unquantified(picks: list[Pick], analysis: QueryAnalysis) -> Pick | None:
    """Among the best sentences, one of the law the question names that speaks of the quantity asked only as
    "a certain period" / "the number the CAC sets"."""
    if not analysis.laws:
        return None  # without a law named, "a certain period" somewhere nearby says nothing about the question
    best = max((p.coverage for p in picks), default=0.0)
    for pick in picks:
        # "禁止其在一定期限内担任…" leaves a period open, not the amount asked
        if _in_named_law(pick.passage, analysis) and pick.coverage >= 0.5 * best \
                and any(_OPEN_KINDS[kind] & analysis.wants for kind in _open_quantities(pick.span.text)) \
                and not _punishes_another_breach(pick, read_item(pick.span, pick.chapeau), analysis):
            return pick
    return None


def _follow_up(passages: list[Passage], analysis: QueryAnalysis, primary: Pick, tokenizer: str,
               idf: dict[str, float] | None, unknown_idf: float) -> Pick | None:
    """The sentence answering a question's second ask, from the passages found for the whole question, stating a
    figure of the kind the second ask wants (the same sentence may hold both: “…30个工作日内完成初步审查…；情况复杂的，
    可以延长15个工作日”)."""
    second = analysis.follow_up
    picks = [p for p in _score_sentences(passages, second, tokenizer, idf, unknown_idf) if _answers(p, second)]
    # the law the question named answers its second ask too, when it states such a figure
    picks = [p for p in picks if _in_named_law(p.passage, second)] or picks
    # a figure of the kind asked in a sentence about something else ("In 2024, the rules … were made clearer") is
    # no answer to "when can we apply to extend it?"; the passage that answered the first ask is on the subject
    if not picks or picks[0].coverage < FOLLOW_UP_COVERAGE and picks[0].passage.chunk_id != primary.passage.chunk_id \
            and not _dates_the_event_asked(picks[0], second) and not _sanctions_the_article(picks[0], primary):
        return None
    return picks[0]


def _sanctions_the_article(pick: Pick, primary: Pick) -> bool:
    """"数安法哪一条禁止…？没批就给了，罚多少？": the sentence punishing the breach of the article the first ask
    found (违反本法第三十六条规定…) answers the second, whatever words it shares with it."""
    law, article = _article_key(primary.passage)
    return bool(article) and _article_key(pick.passage)[0] == law and article in duty_articles(pick.span.text)


def _dates_the_event_asked(pick: Pick, asked: QueryAnalysis) -> bool:
    """"…and when did it take effect?" shares no word with "This Law shall enter into force on…", yet a sentence of
    the law asked about that dates the event asked (taking effect, adoption) answers it."""
    if "date" not in asked.wants or not asked.laws or not _in_named_law(pick.passage, asked):
        return False
    cue = ADOPTION_CUE if _asks_adoption(asked.leading_ask) else EFFECTIVE_CUE
    return bool(cue.search(asked.question) and cue.search(pick.span.text))


def _the_count_asked(glosses: list[tuple[str, str]], text: str, analysis: QueryAnalysis) -> list[tuple[str, str]]:
    """"How many generative AI services had registered?": "302 generative AI services had been registered…; 105
    services that integrate third-party interfaces were also registered" is answered by the count written
    before the noun the question counts, when one is."""
    noun = analysis.count_noun.lower().split()
    if len(glosses) < 2 or not noun:
        return glosses
    named = [g for g in glosses if (at := text.find(g[0])) >= 0
             and text[at + len(g[0]):at + len(g[0]) + 60].lower().split()[:len(noun)] == noun]
    return named or glosses


def _with_publication_day(gloss: tuple[str, str, tuple[Figure, ...]],
                           passage: Passage) -> tuple[str, str, tuple[Figure, ...]]:
    """"自公布之日起施行" says when by an event: the day of it, from the text's own record, is what was asked."""
    surface, english, figures = gloss
    if not figures or publication_day(figures[-1], passage.effective) is None:
        return gloss
    return (f"{surface}（{dated_publication(passage.effective, 'zh')}）",
            f"{english} ({dated_publication(passage.effective, 'en')})", figures)


def _lead(pick: Pick, analysis: QueryAnalysis) -> str:
    wanted = _wanted(pick.figures, analysis)
    if not wanted:
        return ""
    accepted = [(surface, english, figures) for surface, english, figures in glossed_figures(pick.span.text)
                if any(_accepts(f, analysis, companions=True) and _fits(f, pick.span.text, analysis, pick.passage.doc_id)
                       for f in figures)]
    if len(accepted) > 1 and analysis.sanctions_answer:
        # "违法所得不足十万元的，处十万元以上一百万元以下罚款": the amount before 的 is the condition, not the fine
        fines = [g for g in accepted if not pick.span.text.startswith("的", g[2][-1].end)]
        accepted = fines or accepted
    if analysis.excluded_terms:
        # "情节严重的，处一百万元以上…" where the question says the case is not serious: the tier it set aside
        kept = [g for g in accepted
                if not any(term in pick.span.text[clause_start(pick.span.text, g[2][0].start):g[2][0].start].lower()
                           for term in analysis.excluded_terms)]
        accepted = kept or accepted
    whom = analysis.audience
    if whom:
        # the entity's fine and the managers' fine share a sentence: lead with the one the question is about
        own = [g for g in accepted if aimed_at_individuals(pick.span.text, g[2][0].start) == (whom == "individuals")]
        accepted = own or accepted
    text = pick.span.text
    accepted = [_with_publication_day(gloss, pick.passage) for gloss in accepted]
    glosses = [(surface, english + _base_of(figures[-1], text)) for surface, english, figures in accepted]
    if not glosses:
        return ""
    glosses = _the_count_asked(_the_date_asked(glosses, text, analysis), text, analysis)
    if analysis.language == "zh":
        parts = list(dict.fromkeys(surface for surface, _ in glosses))
        return "；".join(parts)
    lead, previous_end, previous = "", -1, ""
    for surface, english in dict.fromkeys(glosses):
        at = text.find(surface)
        if lead:
            # 五千万元以下或者上一年度营业额百分之五以下: one fine, either figure ("up to CNY 50 million or 5%…")
            gap = text[previous_end:at] if 0 <= previous_end <= at else ""
            if len(gap) <= 16 and _ALTERNATIVE.search(gap):
                bound = next((b for b in ("up to ", "within ", "at least ") if previous.startswith(b)), "")
                lead += " or " + (english[len(bound):] if bound and english.startswith(bound) else english)
            else:
                lead += "; " + english
        else:
            lead = english
        previous_end, previous = (at + len(surface) if at >= 0 else -1), english
    return lead[:1].upper() + lead[1:]


_ALTERNATIVE = re.compile(r"或者|\bor\b", re.I)
_TURNOVER_BEFORE = re.compile(r"(上一?年度)?营业额$")
_TURNOVER_AFTER = re.compile(r"\s+of\s+((?:the\s+)?(?:previous\s+year's\s+|annual\s+|last\s+year's\s+)?(?:revenue|turnover))",
                             re.I)


def _base_of(figure: Figure, text: str) -> str:
    """What a percentage is a share of: "5%" alone tells a lawyer nothing; "5% of the previous year's turnover"
    does (上一年度营业额百分之五, "5% of annual revenue")."""
    if figure.kind != "percent":
        return ""
    if m := _TURNOVER_BEFORE.search(text[max(0, figure.start - 8):figure.start]):
        return " of the previous year's turnover" if m.group(1) else " of turnover"
    if m := _TURNOVER_AFTER.match(text, figure.end):
        return f" of {m.group(1)}"
    return ""


def _asks_adoption(question: str) -> bool:
    """Whether the date asked is the adoption's. The sentence that asks decides: "数安法是哪天开始施行的？我只记得是
    2021年6月通过的" asks when it took effect, and the adoption the scene recalls is not the ask."""
    asking = asking_sentence(question)
    if EFFECTIVE_CUE.search(asking) and not ASKS_ADOPTION.search(asking):
        return False
    return bool(ASKS_ADOPTION.search(question))


def _commences_only(text: str, figure: Figure) -> bool:
    """Whether the date is where the text takes effect (自…起施行, "shall enter into force on"), adoption unsaid."""
    around = _around(text, figure.start, figure.end)
    return bool(EFFECTIVE_CUE.search(around)) and not ADOPTION_CUE.search(around)


def _around(text: str, start: int, end: int) -> str:
    """Where the words saying what happened on a date stand: just before it or just after (…于2025年10月28日通过,
    自2026年1月1日起施行)."""
    # English spends two or three times the letters on the same words ("came into effect on")
    latin = not re.search(r"[\u4e00-\u9fff]", text[max(0, start - 16):start])
    return text[max(0, start - (32 if latin else 16)):end + (16 if latin else 8)]


def _the_date_asked(glosses: list[tuple[str, str]], text: str, analysis: QueryAnalysis) -> list[tuple[str, str]]:
    """"通过…于2025年10月28日通过…自2026年1月1日起施行" states two dates; a question about taking effect wants the
    one next to 施行 / take effect, a question about adoption the one next to 通过 / adopted."""
    if analysis.wants != {"date"} or len(glosses) < 2:
        return glosses
    cue = ADOPTION_CUE if _asks_adoption(analysis.leading_ask) else EFFECTIVE_CUE
    near = [(surface, english) for surface, english in glosses
            if (at := text.find(surface)) >= 0 and cue.search(_around(text, at, at + len(surface)))]
    return near[:1] or glosses


# "how long does the department have" asks for a period; "how soon must…" is fairly answered by "immediately"
HOW_SOON = re.compile(r"how soon|how quickly|by when|多快", re.I)
OBLIGATION_CUE = re.compile(r"\b(?:must|shall|should|required|have to|has to|need to|needs to|obliged)\b|应当|必须|须|需要|"
                            r"(?<![需主重只])要(?![求素点])",
                            re.I)
_CLAUSE_BREAK = re.compile(r"[，,。？?；;！!]")
# "which ministry exactly?", 哪一级、哪个部门: a question about which body, answered only by a sentence naming one
WHICH_BODY = re.compile(r"(?:哪家|哪一家|哪个|哪一个|哪些|哪一级|哪级|什么)(?:部门|机构|机关|单位|部委|政府|认证机构|监管)|哪一级|"
                        r"\bwhich (?:[\w-]+ ){0,2}?(?:ministry|ministries|department|departments|body|bodies|authority|authorities|agency|"
                        r"agencies|regulators?|institutions?|organi[sz]ations?|level)\b|\bwho (?:approves|decides|issues|"
                        r"certifies|regulates|enforces|handles|supervises)\b", re.I)
SPECIFIC_BODY = re.compile("|".join(cues()["vocab"]["bodies"]), re.I)
_BODY_NOUNS_EN = r"(?:bod(?:y|ies)|organi[sz]ations?|institutions?|agenc(?:y|ies))"


def _of_kind(word: str) -> str:
    """A body named by what it does: 认证机构, 评估组织; "certification body", "testing institutions"."""
    return rf"{word}(?:机构|组织)" if not word.isascii() else rf"\b{word}\s+{_BODY_NOUNS_EN}"


def body_kinds_asked(question: str) -> list[tuple[str, ...]]:
    """The kinds of body a which-body ask names by what the body does (哪家认证机构, "which certification body"),
    each in both languages (cues [rules.names_no_body] kinds)."""
    return [tuple(kind) for kind in cues()["rules"]["names_no_body"]["kinds"]
            if any(re.search(_of_kind(word), question, re.I) for word in kind)]


def _act_words(word: str) -> str:
    return re.escape(word) if not word.isascii() else rf"\b{re.escape(word)}"


def body_acts_asked(question: str) -> list[tuple[str, ...]]:
    """The acts a which-body ask asks the body of, read in the clause holding the ask ("…, which body do those rules
    have to be filed with?", "可以向哪个机关申请复核？"): filing, approving, a re-review (cues [rules.names_no_body]
    acts); an act told in the scene before it is not asked."""
    m = WHICH_BODY.search(question)
    if not m:
        return []
    clause = clause_around(question, m.start(), m.end(), _CLAUSE_BREAK)
    return [tuple(act) for act in cues()["rules"]["names_no_body"]["acts"]
            if any(re.search(_act_words(word), clause, re.I) for word in act)]


def states_act(sentence: str, acts: list[tuple[str, ...]]) -> bool:
    """Whether a sentence states each act asked (备案 for "filed with", 复评 for 复核)."""
    return all(any(re.search(_act_words(word), sentence, re.I) for word in act) for act in acts)


def names_body(sentence: str, kinds: list[tuple[str, ...]]) -> bool:
    """Whether a sentence names a particular body, and, of a kind asked, a body of that kind (a 认证机构 for
    "which certification body": the CAC receiving a filing is no certifier)."""
    if not kinds:
        return bool(SPECIFIC_BODY.search(sentence))
    return all(any(re.search(_of_kind(word), sentence, re.I) for word in kind) for kind in kinds)


# "when can we apply to extend it?": when to act, answered by a time limit as much as by a date
WHEN_TO_ACT = re.compile(r"\bwhen (?:can|may|could|should|do|does|shall) (?:we|I|you|they|it|the \w+)\b|什么时候(?:可以|能|要|该)|"
                         r"何时(?:可以|能|要|应)", re.I)


# the time an act must be done in: "多久内要做", "within how many days", "by when must we", "when do we have to"
_TIME_TO_ACT = re.compile(r"\bwithin\b|\bdeadline\b|\bby when\b|\bdue\b|(?:多久|多长时间|几天|多少天|多少日|几个?月|(?:多少|几)个?工作日)(?:以|之)?内",
                          re.I)


def _asks_time_to_act(analysis: QueryAnalysis) -> bool:
    """An act asked a time to be done in, not how long anything is kept (the question names no period's kind)."""
    return bool(analysis.activities) and not (analysis.period_roles or analysis.retained) and \
        bool(_TIME_TO_ACT.search(analysis.question) or WHEN_TO_ACT.search(analysis.question))


def _asks_when_to_act(question: str) -> bool:
    """Whether it asks when a duty falls due or when one may act ("must we", "when can we apply")."""
    return bool(OBLIGATION_CUE.search(question) or WHEN_TO_ACT.search(question))


OWN_COMMENCEMENT = re.compile(r"^\s*(?:第[一二三四五六七八九十百零]+条\s*)?本(?:法|决定|办法|规定|条例|解释|措施|细则)自|"
                              r"^\s*(?:Article \d+\s*[:：.]?\s*)?(?:This|These) (?:Law|Decision|Measures|Provisions|"
                              r"Regulations|Interpretation) (?:shall )?(?:take|enter|come)", re.I)
# 本法自…起施行, "came into force", "start applying": the commencement words of cues.toml's [vocab]
EFFECTIVE_CUE = re.compile("|".join(cues()["vocab"]["commencement"]), re.I)


def asks_commencement(question: str) -> bool:
    """The question asks when a text took or takes effect, and not of a draft (rule draft_not_in_force)."""
    return bool(EFFECTIVE_CUE.search(question)) and not DRAFT_CUE.search(question) and \
        bool(_WHEN.search(question))


_WHEN = re.compile(r"\bwhen\b|\bwhat (?:date|day)\b|\bwhich (?:date|day)\b|哪天|哪一天|什么时候|何时|日期|几号", re.I)


ADOPTION_CUE = re.compile(r"通过|公布|发布|颁布|印发|adopted|promulgat|passed|issued|published|released|enacted", re.I)
# "哪一天通过的" asks when a law was adopted; "我们没通过" (we did not pass the assessment) does not
ASKS_ADOPTION = re.compile(r"(?<![没未不])通过(?!评估|审查|认证|安全评估|检测)|公布|\badopt(?:ed)?\b|promulgat|\bpassed\b|issued",
                           re.I)
# a "fixed fine" is one figure; a ceiling or a range answers a different question
FIXED_CUE = re.compile(r"\b(?:fixed|flat)(?:[- ]rate)?\s+(?:fines?|penalt(?:y|ies)|amounts?|sums?|fees?)\b|固定(?:的)?(?:罚款|金额|数额)",
                       re.I)
# asks how long something stays valid, not a deadline counted from its expiry (有效期届满前多少个工作日)
VALIDITY_CUE = re.compile(r"how long\b.*\b(?:valid|last)|valid for how long|\bgood for\b|valid(?:ity)?(?: period)?\b[^?]*\b(?:how long|longer|shorter)|"
                          r"\b(?:longer|shorter)\b[^?]*\bvalid|"
                          # "which text's validity is longer": each side's validity, compared
                          r"有效期[^？?。；]{0,40}?(?:多[久长]|几年|更[长短]|较[长短])", re.I)
VALIDITY_TERM = re.compile(r"有效期(?:为|是|限为)?\s*$|valid(?:ity)?(?: period)?(?: is| of| for)?\s*$|remains? valid for\s*$",
                           re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")
PEOPLE_CUE = re.compile(r"\b(?:people|persons|individuals|users|subscribers|minors|employees)\b|多少人|人数|用户", re.I)
ITEMS_CUE = re.compile(r"\b(?:pieces|items|records|entries)\b|多少条", re.I)


def text_fit(text: str, analysis: QueryAnalysis, tokenizer: str, idf: dict[str, float], unknown: float) -> float:
    """How much of the question (its rarer terms weigh most, in either language) a piece of text speaks to."""
    return _sentence_coverage(frozenset(tokenize(text, tokenizer)), analysis, False,
                              _coverage_weights(idf, analysis, unknown), unknown)


def own_words_fit(text: str, analysis: QueryAnalysis, tokenizer: str, idf: dict[str, float], unknown: float) -> float:
    """How much of the question's own words (not their glossary translations) a piece of text holds."""
    return _weighted_coverage(analysis.content_tokens, frozenset(tokenize(text, tokenizer)), idf, unknown)


def _weighted_coverage(query: set[str], passage: frozenset[str], idf: Mapping[str, float], unknown: float) -> float:
    total = sum(idf.get(t, unknown) for t in query)
    return sum(idf.get(t, unknown) for t in query if t in passage) / total if total else 0.0


def topical_support(passage: Passage, analysis: QueryAnalysis, tokenizer: str, idf: dict[str, float],
                    unknown: float) -> float:
    """How much of what the question is about (its rare terms weigh most) the passage speaks to. Across
    languages only the glossary's translations can carry a term over, so the share of the question the
    glossary could translate caps that route."""
    tokens = frozenset(tokenize(passage.full_text, tokenizer))
    own = _weighted_coverage(analysis.topic_tokens, tokens, idf, unknown)
    translated = _weighted_coverage(analysis.topic_tokens, frozenset(analysis.glossary_tokens), idf, unknown)
    cross = _weighted_coverage(analysis.expansion_tokens, tokens, idf, unknown) * translated
    return max(own, cross)


def abstain(passages: list[Passage], reason: str, analysis: QueryAnalysis, rule: str = "no_answer") -> Composition:
    """An abstention saying why; a Chinese question is told why in Chinese when the catalogue has the reason's form
    (retrieval/reasons.py), and the English reason stays in the trace and the answer's notes."""
    said = (in_chinese(reason) or reason) if analysis.language == "zh" else reason
    base = NOT_FOUND_ZH if analysis.language == "zh" else NOT_FOUND
    return Composition(text=f"{base} {said}".strip(), abstained=True, reason=reason, cited=passages[:3],
                       trace=[TraceStep(rule, reason, "abstained")])


@dataclass
class _Ask:
    """What every stage of one composition reads: the candidates, the question and the scoring tables."""

    passages: list[Passage]
    analysis: QueryAnalysis
    k: int
    threshold: float
    tokenizer: str
    idf: dict[str, float] | None
    unknown_idf: float
    named_silent: str
    implements: Callable[[Passage, list[str]], bool] | None
    sanctions: Callable[[str], SanctionMap] | None = None
    # the second ask's sentence per first sentence (follow_up_for); the pick is kept with it so its id stays its own
    _follows: dict[int, tuple[Pick, Pick | None]] = field(default_factory=dict, repr=False)

    def support_of(self, passage: Passage) -> float:
        """How much of the question the passage speaks to (topical_support with this composition's tables)."""
        return topical_support(passage, self.analysis, self.tokenizer, self.idf or {}, self.unknown_idf)

    def abstain(self, reason: str, rule: str, first: Passage | None = None) -> Composition:
        passages = self.passages if first is None else [first, *[p for p in self.passages if p is not first]]
        return abstain(passages, reason, self.analysis, rule)

    def follow_up_for(self, primary: Pick) -> Pick | None:
        """The sentence answering the second ask beside this one (_follow_up), read once per sentence: rule
        asks_apart and the composer both ask it of the first pick."""
        if id(primary) not in self._follows:
            self._follows[id(primary)] = (primary, _follow_up(self.passages, self.analysis, primary, self.tokenizer,
                                                              self.idf, self.unknown_idf))
        return self._follows[id(primary)][1]


def compose(passages: list[Passage], analysis: QueryAnalysis, k: int, threshold: float, tokenizer: str,
            idf: dict[str, float] | None = None, unknown_idf: float = 8.0, named_silent: str = "",
            implements: Callable[[Passage, list[str]], bool] | None = None,
            sanctions: Callable[[str], SanctionMap] | None = None) -> Composition:
    """``named_silent``: the laws the question named, when their own text was searched and is silent (the
    passages come from a search of the whole corpus); the answer then says so. ``implements(passage, laws)``:
    whether the passage's text is made under those laws (only such rules may answer for a silent law).
    ``sanctions(doc_id)``: which duties the document's sanctions punish by number (rule duty_unsanctioned).

    The stages, each of which may abstain: candidates first (_candidates), sentences scored, figures of the kind
    asked for the breach described (_with_figures), the order of what answers (_reordered), what the chosen
    sentence must name, settle or be (_names_checked, _choice_checked, _text_checked), and the answer built (_built)."""
    ask = _Ask(passages, analysis, k, threshold, tokenizer, idf, unknown_idf, named_silent, implements, sanctions)
    if (early := _candidates(ask)) is not None:
        return early
    picks = _score_sentences(ask.passages, analysis, tokenizer, idf, unknown_idf)
    for stage in (_with_figures, _reordered):
        picks = stage(ask, picks)
        if isinstance(picks, Composition):
            return picks
    picks = _asks_apart(ask, _own_commencement(picks, analysis))
    primary = picks[0]
    for check in (_names_checked, _choice_checked, _text_checked, _set_aside_checked):
        if (refusal := check(ask, primary)) is not None:
            return refusal
    elsewhere = named_silent or _outside_named_laws(primary.passage, analysis)
    if (refusal := _elsewhere_checked(ask, primary, elsewhere) or _fixed_checked(ask, primary)) is not None:
        return refusal
    support = ask.support_of(primary.passage)
    if support < threshold and enabled("low_support"):
        comp = ask.abstain("The closest passages do not state it.", "low_support")
        comp.support = support
        return comp
    if (silent := _silent_lead(ask, primary, support) or _unsanctioned_duty_on_point(ask, primary, support)) is not None:
        return silent
    return _built(ask, primary, picks, support, elsewhere)


def _own_commencement(picks: list[Pick], analysis: QueryAnalysis) -> list[Pick]:
    """The day a text takes effect is cited from its own commencement clause (本决定自2026年1月1日起施行) when a
    sentence of the same text states it there too: an order promulgating it (…现予公布，自…起施行) only repeats it.
    The answer stays the same date."""
    first = picks[0]
    if analysis.wants != {"date"} or _asks_adoption(analysis.leading_ask) or OWN_COMMENCEMENT.search(first.span.text):
        return picks
    text = first.span.text
    # the day the answer gives: the one said to take effect, not the day of adoption beside it
    days = {f.value for f in first.figures if f.kind == "date" and EFFECTIVE_CUE.search(_around(text, f.start, f.end))}
    own = next((p for p in picks[1:] if days and p.passage.doc_id == first.passage.doc_id
                and OWN_COMMENCEMENT.search(p.span.text) and days & {f.value for f in p.figures if f.kind == "date"}),
               None)
    if own is None:
        return picks
    # it takes the repeating sentence's place, score and all, so that it is also cited first
    return [replace(own, score=max(own.score, first.score)), *(p for p in picks if p is not own)]


def _asks_apart(ask: _Ask, picks: list[Pick]) -> list[Pick]:
    """Rule asks_apart: "省网信办查材料齐不齐要几个工作日？国家网信办受理以后多少个工作日内要评估完？" Two asks of one
    procedure, where the sentence found first for the first ask is also the second ask's, gives both the same
    figure, and speaks to more of the second: it is the second ask's answer, and the first ask takes the best other
    sentence of the same text stating a figure of the kind it wants, rather than one sentence answering both and the
    first ask left unanswered."""
    analysis = ask.analysis
    if not enabled("asks_apart") or analysis.follow_up is None or len(picks) < 2 \
            or yes_or_no(asking_sentence(analysis.first_ask)) or _asks_again(analysis.follow_up.question):
        # "is a filing mandatory, and what's the threshold?", "哪部先施行？各自的施行日期是哪天？": one figure answers both
        return picks
    first = picks[0]
    follow = ask.follow_up_for(first)
    if follow is None or follow.passage.chunk_id != first.passage.chunk_id or follow.span.text != first.span.text \
            or follow.coverage <= first.coverage or _lead(first, analysis) != _lead(follow, analysis.follow_up):
        return picks  # one sentence stating a figure for each ask ("30个工作日内…；情况复杂的，可以延长15个工作日") answers both
    # of the same text: two asks of one procedure are answered from the rule that sets it
    other = next((p for p in picks[1:] if p.span.text != first.span.text and p.coverage > 0
                  and p.passage.doc_id == first.passage.doc_id and _wanted(p.figures, analysis)), None)
    if other is None:
        return picks
    return [other, *(p for p in picks if p is not other)]


def _asks_again(second_ask: str) -> bool:
    """Whether a second ask asks the first again of each thing it named (各自, "each"), not something new."""
    return any(re.search(rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w), second_ask, re.I)
               for w in cues()["rules"]["asks_apart"]["restating"])


def _unsanctioned_duty_on_point(ask: _Ask, primary: Pick, support: float) -> Composition | None:
    """Rule unsanctioned_duty_on_point: "按算法推荐管理规定，平台用算法搞大数据杀熟，最高罚多少？" Art. 21 (no unfair price
    discrimination) speaks to the question far more than Art. 31, whose fine punishes the articles it lists, Art. 21
    not among them. When a duty of the answering law that none of its sanctions names by number speaks to more of the
    question, by the margin in cues.toml, than the answer and every sanction or cited duty of that law found beside
    it, the law sets no figure for that breach."""
    analysis = ask.analysis
    if not enabled("unsanctioned_duty_on_point") or ask.sanctions is None or not analysis.sanctions_answer \
            or analysis.breached:
        return None
    rule = cues()["rules"]["unsanctioned_duty_on_point"]
    law = primary.passage.translation_of or primary.passage.doc_id
    cited = ask.sanctions(law).cited
    near = [p for p in ask.passages[:rule["depth"]] if p.doc_id == law]
    if not cited or not near:
        return None
    fit = {id(p): ask.support_of(p) for p in near}
    duties = [p for p in near if _is_duty(p) and p.article not in cited]
    if not duties:
        return None
    duty = max(duties, key=lambda p: fit[id(p)])
    rivals = [fit[id(p)] for p in near if p not in duties] + [support]
    if fit[id(duty)] - max(rivals) < rule["margin"]:
        return None
    return ask.abstain(f"{citation_label(duty)} speaks most to the question ({fit[id(duty)]:.0%} of it), and no sanction "
                       f"of {_law_name(law, duty.title)} names it among the articles it punishes; "
                       f"{citation_label(primary.passage, primary.span)} fines other breaches.",
                       "unsanctioned_duty_on_point", duty)


def _silent_lead(ask: _Ask, primary: Pick, support: float) -> Composition | None:
    """Rule silent_lead: "境外处理者指定了代表，要在多少日内把代表信息报给网信部门？" PIPL Art. 53, found first, speaks
    to it and sets no time; a standard contract's ten-day filing, found lower, speaks to far less of it. When the
    first passage speaks to more of the question than the answering one by the margin in cues.toml (the lowest
    that refuses no right answer on the worked blind sets) and states no figure of the kind asked, the provision on
    point is silent, and another provision's figure is the careless answer. A fine is asked of the sanction, never
    of the duty found first (the duty sets none), and is not read so."""
    analysis = ask.analysis
    lead = ask.passages[0]
    if not enabled("silent_lead") or not analysis.wants or analysis.sanctions_answer or lead is primary.passage \
            or _same_provision(lead, primary.passage) or lead.authority > STATUTE_AUTHORITY \
            or any(f.kind in analysis.wants for f in extract_figures(lead.text)) \
            or _commencement_of_named_text(analysis, primary):
        return None
    lead_support = ask.support_of(lead)
    rule = cues()["rules"]["silent_lead"]
    # a guide's figure stands on a statute only where the statute states one: the margin it must lose by is
    # smaller, unless the question asks what that guide says
    secondary = primary.passage.authority > STATUTE_AUTHORITY and primary.passage.doc_id not in analysis.laws
    margin = rule["secondary_margin"] if secondary else rule["margin"]
    if lead_support - support < margin:
        return None
    return ask.abstain(f"{citation_label(lead)} speaks most to the question ({lead_support:.0%} of it) and states no "
                       f"figure of the kind asked ({_kinds_asked(analysis)}); "
                       f"{citation_label(primary.passage, primary.span)} states one but speaks to {support:.0%}.",
                       "silent_lead", lead)


def _commencement_of_named_text(analysis: QueryAnalysis, primary: Pick) -> bool:
    """"管AI换脸的那个《深度合成管理规定》是什么时候生效的？": the day a named text takes effect is stated in its own
    commencement clause, which speaks to none of what the question says the text is about; that it speaks to
    less of the question than a provision on the text's subject says nothing against it."""
    return analysis.wants == {"date"} and primary.passage.doc_id in analysis.laws \
        and bool(OWN_COMMENCEMENT.search(primary.span.text)) and bool(EFFECTIVE_CUE.search(analysis.question))


def _candidates(ask: _Ask) -> Composition | None:
    """Nothing retrieved, or a foreign regime no passage names, abstains; the passages that must compete are
    put where the sentence pool sees them."""
    analysis = ask.analysis
    if not ask.passages:
        return abstain([], "Nothing relevant was retrieved.", analysis, "nothing_retrieved")
    foreign = foreign_regimes(analysis.question) if enabled("foreign_regime") else []
    if foreign and not any(name.lower() in p.full_text.lower()
                           for p in ask.passages[:SENTENCE_POOL] for name in foreign):
        return ask.abstain(f"It holds no text on {', '.join(foreign)}.", "foreign_regime")  # before any figure
    if analysis.law_maximum:
        ask.passages = _highest_fines_first(ask.passages, analysis)
    elif analysis.sanctions_answer:
        ask.passages = _sanctions_of_duties_found(ask.passages)
    if analysis.institutions:
        # the passages naming the bank or group asked about compete to answer, however low a guide ranks
        naming = [p for p in ask.passages if all(names_in(i, p.full_text) for i in analysis.institutions)]
        ask.passages = naming + [p for p in ask.passages if p not in naming]
    return None


def _sanctions_of_duties_found(passages: list[Passage]) -> list[Passage]:
    """A duty article among the first passages states no sanction; the article of its law that sanctions its
    breach (违反本法第四十三条至第四十五条规定…的，依照有关法律…处罚) does, however low it ranked. It takes the duty's
    place among the passages whose sentences compete (the duty's text still says what the breach is)."""
    pool = passages[:SENTENCE_POOL]
    duties = {(p.doc_id, p.article) for p in pool if _is_duty(p)}
    citing = [p for p in passages[SENTENCE_POOL:] if p.article and duties
              and any((p.doc_id, n) in duties for n in duty_articles(p.text))]
    if not citing:
        return passages
    kept = [p for p in pool if (p.doc_id, p.article) not in duties]
    return kept + citing + [p for p in passages if p not in kept and p not in citing]


def _is_duty(passage: Passage) -> bool:
    """An article that states a duty and no sanction (no word of one, no fine or other sanction figure)."""
    return bool(passage.article) and not SANCTION_WORDS.search(passage.text) \
        and not any(f.sanction for f in extract_figures(passage.text))


def _breach_anchors(ask: _Ask, picks: list[Pick]) \
        -> tuple[dict[str, Pick], dict[int, float], Callable[[Pick, Pick], tuple[float, float]]]:
    """The sanction of each law whose breach is the question's, compared within the law (its sentences are in
    one language and one drafting style); how well each sanction sentence fits the breach described; and how a
    sanction and its anchor fit over the words only one of the two holds (read only for a referral's rivals)."""
    analysis = ask.analysis
    words: dict[int, frozenset[str]] = {}
    # "the maximum fine under the DSL" describes no breach: every tier of the law competes on its amount
    fit = _breach_fit(picks, _article_texts(ask.passages), analysis, ask.tokenizer, ask.idf, ask.unknown_idf, words) \
        if analysis.sanctions_answer and not analysis.law_maximum else {}
    anchors: dict[str, Pick] = {}
    for pick in picks:
        best = anchors.get(pick.passage.doc_id)
        if id(pick) in fit and (best is None or fit[id(pick)] > fit[id(best)]):
            anchors[pick.passage.doc_id] = pick
    for doc_id, anchor in anchors.items():
        anchors[doc_id] = _referral_on_point(anchor, picks, fit, words, ask) or anchor
    return anchors, fit, partial(_contrast, words=words, ask=ask)


def _referral_on_point(anchor: Pick, picks: list[Pick], fit: dict[int, float], words: dict[int, frozenset[str]],
                       ask: _Ask) -> Pick | None:
    """A sanction of another article referring its breach to other laws that fits nearly as well as the best
    fitting one, and better in the words only one of the two holds: "关基运营者把个人信息存在境外" fits CSL Art. 61's
    CII duties as well as Art. 71's item on data stored abroad through the operator alone."""
    if _refers_elsewhere(anchor):
        return None
    share = cues()["rules"]["breach_without_figure"]["referral_share"]
    rivals = [p for p in picks if id(p) in words and p.passage.doc_id == anchor.passage.doc_id
              and _article_key(p.passage) != _article_key(anchor.passage) and _refers_elsewhere(p)
              and fit[id(p)] >= share * fit[id(anchor)]]
    for rival in sorted(rivals, key=lambda p: -fit[id(p)]):
        anchors_own, own = _contrast(anchor, rival, words, ask)
        if anchors_own < share * own:
            return rival
    return None


def _contrast(pick: Pick, anchor: Pick, words: dict[int, frozenset[str]], ask: _Ask) -> tuple[float, float]:
    """The fit of a sanction's breach and of its anchor's over the question's words that only one of them holds:
    the words both share (the party fined, 关键信息基础设施的运营者, spelt in ten bigrams) cannot tell the
    two breaches apart, however much of the question they make up."""
    shared = words[id(pick)] & words[id(anchor)]
    return tuple(_fit_to_breach(words[id(p)], p.passage, ask.analysis, ask.tokenizer, ask.idf, ask.unknown_idf, shared)
                 for p in (pick, anchor))  # type: ignore[return-value]


def _with_figures(ask: _Ask, picks: list[Pick]) -> list[Pick] | Composition:
    """When a figure is asked: the sentences stating one of the kind asked, for the breach described, first;
    an abstention naming the sanction that states none, or the article that leaves the figure open."""
    analysis = ask.analysis
    if not analysis.wants:
        return picks
    with_figure = [p for p in picks if _answers(p, analysis)]
    anchors, fit, contrast = _breach_anchors(ask, picks)
    # an article found to punish another breach in one language does so in the other (an English question
    # tells the translation's sentences apart better than the original's)
    unsanctioned = None if (duty := _duty_found(ask, picks)) else _duty_unsanctioned(ask)
    duty = duty or unsanctioned
    other_breach = [p for p in with_figure if _another_breach(p, anchors, fit, contrast, analysis) or _fines_another_duty(p, duty)]
    other_articles = {_article_key(p.passage) for p in other_breach}
    matched = [p for p in with_figure if p not in other_breach
               and not (_article_key(p.passage) in other_articles and _weak_anchor(p, anchors, fit))]
    named = [p for p in with_figure if _in_named_law(p.passage, analysis)]
    if named and not any(_in_named_law(p.passage, analysis) for p in matched):
        # the law the question names sanctions the breach described and sets no such figure for it: another
        # law's figure for its own breaches is no answer
        matched = []
    if with_figure and not matched and not enabled("breach_without_figure"):
        matched = with_figure
    if with_figure and not matched and unsanctioned is not None:
        top = ask.passages[0]
        return ask.abstain(f"{citation_label(top)} states the duty, and no sanction of "
                           f"{_law_name(top.doc_id, top.title)} names it: its sanctions that set a figure each "
                           f"name the articles they punish.", "duty_unsanctioned", top)
    if with_figure and not matched:
        candidates = [a for a in anchors.values() if not named or _in_named_law(a.passage, analysis)]
        anchor = max(candidates or anchors.values(), key=lambda a: fit[id(a)])
        how = "refers the breach described to other laws and sets no figure of its own" if _refers_elsewhere(anchor) \
            else f"sanctions the breach described and states no figure of the kind asked ({_kinds_asked(analysis)}) for it"
        return ask.abstain(f"{citation_label(anchor.passage, anchor.span)} {how}: "
                           f"“{_trim(read_item(anchor.span, anchor.chapeau), analysis.wants)}”",
                           "breach_without_figure", anchor.passage)
    named_open = _named_article_open(picks, analysis)
    if named_open is not None and not any(_is_named_article(p.passage, analysis) for p in matched) \
            and not (matched and _cites_named_article(matched[0], analysis)):
        # "个保法第五十二条说'达到国家网信部门规定数量'…这个数量是多少": the article asked about leaves it open;
        # a count from another article ("两个以上") is no answer
        matched = []
    if not matched:
        return _no_figure(ask, named_open or _unquantified(picks, analysis)) or picks
    if (own_open := _named_law_leaves_open(picks, matched, analysis)) is not None:
        return _no_figure(ask, own_open)
    return matched + [p for p in picks if not _answers(p, analysis)]


def _named_law_leaves_open(picks: list[Pick], matched: list[Pick], analysis: QueryAnalysis) -> Pick | None:
    """Rule figure_left_open, where only another text states a figure: "根据数据安全法，发生数据安全事件后几个小时内
    必须报告？" The DSL speaks to it and sets no number (立即…及时…报告); a regulation's 24 hours for a narrower case
    is not what the DSL requires. A number the law leaves to another body to set (规定数量) is not left open: the
    rules that body made may state it."""
    if not analysis.laws or any(_in_named_law(p.passage, analysis) for p in matched):
        return None
    vague = _unquantified(picks, analysis)
    return vague if vague is not None and not DELEGATED.search(vague.span.text) else None


def _duty_found(ask: _Ask, picks: list[Pick]) -> tuple[str, int] | None:
    """Rule duty_cited: the question names no article, and the passage found first is a duty of the law (CSL
    Art. 39: CII data stays in China) that a sanction found cites by number (违反本法第三十九条规定，…在境外存储…):
    that duty is the one breached."""
    analysis = ask.analysis
    if not enabled("duty_cited") or analysis.breached or not analysis.sanctions_answer or not ask.passages:
        return None
    top = ask.passages[0]
    if not _is_duty(top):
        return None
    duty = _article_key(top)
    cited = any(_article_key(p.passage)[0] == duty[0] and duty[1] in _duties_breached(p) for p in picks)
    return duty if cited else None


def _duty_unsanctioned(ask: _Ask) -> tuple[str, int] | None:
    """Rule duty_unsanctioned: the question names no article, and the passage found first is a duty of a law
    (NDSMR Art. 44: a large platform's yearly social-responsibility report) that none of the law's sanctions
    names, where every sanction of that law that sets a figure names the articles it punishes: the law sets no
    figure for that breach, and the fine for the duties it lists is the careless answer."""
    analysis = ask.analysis
    if not enabled("duty_unsanctioned") or ask.sanctions is None or analysis.breached \
            or not analysis.sanctions_answer or not ask.passages:
        return None
    top = ask.passages[0]
    if not _is_duty(top) or top.translation_of:
        return None
    return _article_key(top) if ask.sanctions(top.doc_id).leaves_unsanctioned(top.article) else None


def _law_name(doc_id: str, title: str) -> str:
    return (law_names([doc_id]) or [title])[0]


def _duties_breached(pick: Pick) -> frozenset[int]:
    return duty_articles(breach_of(pick.span, read_item(pick.span, pick.chapeau), pick.passage.text, pick.lead) or
                         pick.span.text)


def _fines_another_duty(pick: Pick, duty: tuple[str, int] | None) -> bool:
    """A fine of the same law for breaching other articles, none of them the duty found (rule duty_cited)."""
    if duty is None or _article_key(pick.passage)[0] != duty[0]:
        return False
    cited = _duties_breached(pick)
    return bool(cited) and duty[1] not in cited


def _kinds_asked(analysis: QueryAnalysis) -> str:
    return ", ".join(sorted(analysis.money_roles + analysis.period_roles) or sorted(analysis.wants))


def _no_figure(ask: _Ask, vague: Pick | None) -> Composition | None:
    """No sentence states a figure of the kind asked. Where the law speaks to the point and leaves the number
    open ("禁止其在一定期限内担任…"), that is the answer to give, not another instrument's figure for its own
    breaches; where the number is another body's to set ("达到国家网信部门规定数量"), the rules it made may state it."""
    analysis = ask.analysis
    if vague is not None and not enabled("figure_left_open"):
        vague = None
    if vague is None:
        if not enabled("no_figure_of_kind"):
            return None
        kinds = _kinds_asked(analysis)
        if analysis.duration_units:
            kinds = kinds.replace("duration", f"duration in {asked_unit(analysis.question)}s")
        of_class = f" that defines or classifies {analysis.classified}" if analysis.classified else \
            f" for the {analysis.occasion} occasion asked" if analysis.occasion else ""
        comp = ask.abstain(f"No retrieved passage{of_class} states a figure of the kind asked for ({kinds}).",
                           "no_figure_of_kind")
        if analysis.classified:  # the trace says which rule set the figures found aside
            comp.trace.insert(0, TraceStep("class_by_definition", f"asked what makes something {analysis.classified}: "
                                           "only a sentence defining or classifying it answers", "read"))
        if analysis.occasion:
            comp.trace.insert(0, TraceStep("first_or_repeat", f"asked about the {analysis.occasion} occasion: a "
                                           "figure for the other one does not answer", "read"))
        comp.named_law_silent = True
        return comp
    delegated = bool(DELEGATED.search(vague.span.text))
    comp = ask.abstain(f"{citation_label(vague.passage, vague.span)} "
                       f"{'leaves the figure to be set elsewhere' if delegated else 'sets no figure for this'}: "
                       f"“{_open_clause(vague.span.text, analysis.question)}”", "figure_left_open", vague.passage)
    comp.named_law_silent = delegated
    return comp


ASKED_DEPTH = 6  # the picks the asking sentence chooses among
ASKED_MARGIN = 0.1  # by how much more of the asking sentence a later pick must speak to


def _scene_apart(analysis: QueryAnalysis) -> str:
    """The asking sentence of a question asking which article or which body, when a scene is told before it ("");
    a which-body question is read as a which-article one: "我们准备去纳斯达克IPO…那个网络安全审查办公室设在哪个部门？"
    asks where the office sits, not what the IPO filing needs."""
    sentence = asking_sentence(analysis.question)
    asks_provision = analysis.which_article or (not analysis.wants and bool(WHICH_BODY.search(sentence)))
    return sentence if asks_provision and sentence.strip() != analysis.question.strip() else ""


def _asked_article_first(picks: list[Pick], ask: _Ask) -> list[Pick]:
    """Rule asked_article: "A user wants us to port her data to a competitor's app. Which PIPL article gives her
    that portability right?" The scene's words (app) find the article on apps; the asking sentence's words
    (portability) name the provision. Among the first picks, the article sentence speaking most to the asking
    sentence (in either language) answers, when it speaks to clearly more of it than the first."""
    analysis = ask.analysis
    sentence = _scene_apart(analysis)
    if not enabled("asked_article") or not sentence or not ask.idf:
        return picks
    asked = strip_law_names(sentence)
    own = set(tokenize(asked, ask.tokenizer)) - QUESTION_WORDS
    translated = set(tokenize(" ".join(expand_query(asked)), ask.tokenizer))

    def fit(pick: Pick) -> float:
        tokens = frozenset(tokenize(read_item(pick.span, pick.chapeau), ask.tokenizer))
        return max(_weighted_coverage(own, tokens, ask.idf, ask.unknown_idf),
                   _weighted_coverage(translated, tokens, ask.idf, ask.unknown_idf))

    best = max((p for p in picks[:ASKED_DEPTH] if p.passage.article is not None), key=fit, default=None)
    if best is None or best is picks[0] or fit(best) < fit(picks[0]) + ASKED_MARGIN:
        return picks
    return _first(picks, best)


# the tier a question says its case is in, and the words a sanction's condition states that tier with
_TIERS = ((re.compile(r"\b(?:especially|particularly|extremely) (?:serious|grave)|情节特别严重", re.I), "特别严重"),
          (re.compile(r"\bserious(?:ly)?\b|\bgrave(?:ly)?\b|\bsevere(?:ly)?\b|情节严重|严重(?:违反|违法|失职)", re.I),
           "严重"),
          (re.compile(r"拒不改正|拒不整改|不改正|\brefus\w* to (?:correct|rectify)|\bfail\w* to (?:correct|rectify)|"
                      r"\bdoes(?:n't| not) (?:correct|rectify)", re.I), "拒不改正"))


def _asked_tier_first(picks: list[Pick], analysis: QueryAnalysis) -> list[Pick]:
    """"If we seriously fail our Art. 20 duties, what's the maximum fine?": of an article's sanction sentences, the
    one whose condition states the tier the question describes (违反…规定，情节严重的，…) answers, not the first
    tier beside it, when it scores near it."""
    if not picks or not analysis.sanctions_answer or "严重" in " ".join(analysis.excluded_terms):
        return picks
    marker = next((word for pattern, word in _TIERS if pattern.search(analysis.question)), "")
    top = picks[0]
    if not marker or marker in read_item(top.span, top.chapeau):
        return picks  # the sentence states the tier (first, or after another: …；拒不改正的，处…)
    return _near_first(picks, lambda p: _article_key(p.passage) == _article_key(top.passage)
                       and marker in read_item(p.span, p.chapeau), analysis)


def _near_first(picks: list[Pick], fits: Callable[[Pick], bool], analysis: QueryAnalysis) -> list[Pick]:
    """The picks with the first of the next five that fits, states a figure of the kind asked and scores near the
    top one moved before it; the picks as they were when none does."""
    return _first(picks, _scoring_near(picks, lambda p: fits(p) and any(f.kind in analysis.wants for f in p.figures)))


# a sentence that lifts a duty rather than imposes it (免予申报…, "is exempt from"): it shares every word of the duty
_EXEMPTS = re.compile(r"免予|免于|无需|不需要|不必|\bexempt|\bneed not\b|\bnot required\b", re.I)


# a question asking what may be done without the duty ("below how many can we send without an assessment?")
_SPARED = re.compile(r"\bwithout\b|\bno need\b|\bdon'?t (?:need|have)\b|不用|不必|可以不|用不着|"
                     r"(?:可以|能|可)免(?:予|于|除)?(?:申报|办理|评估|备案|签|走|做)", re.I)


def _lifts_duty(pick: Pick) -> bool:
    """Whether the sentence, read under its chapeau, exempts from a duty (免予申报…) rather than imposes it."""
    return bool(_EXEMPTS.search(read_item(pick.span, pick.chapeau)))


def _asks_spared(question: str) -> bool:
    """Whether the question asks about being spared a duty (exempt, without, 不用, 可以免申报)."""
    return bool(_EXEMPTS.search(question) or _SPARED.search(question))


def _duty_not_exemption_first(picks: list[Pick], analysis: QueryAnalysis) -> list[Pick]:
    """"从今年1月1日起累计提供多少人就必须申报安全评估？" asks when the duty applies: the sentence imposing it
    (应当…申报…100万人以上) answers, not the one exempting from it (免予申报…不满10万人), which shares its words."""
    if not picks or _asks_spared(analysis.question) or not _lifts_duty(picks[0]):
        return picks
    return _near_first(picks, lambda p: not _lifts_duty(p), analysis)


def _exemption_asked_first(picks: list[Pick], analysis: QueryAnalysis) -> list[Pick]:
    """"多少人以内可以不用走安全评估、标准合同或认证？" asks up to where the duty is lifted: the sentence exempting
    from it (免予申报…不满10万人) answers, not the next tier's duty (10万人以上…应当订立标准合同), which states the
    same bound. Only a count asked: a fine for acting without a duty is the sanction's."""
    if not picks or not enabled("exemption_asked") or analysis.sanctions_answer \
            or not analysis.wants & {"count", "quantity"} or not _asks_spared(analysis.question) \
            or _lifts_duty(picks[0]):
        return picks
    return _near_first(picks, _lifts_duty, analysis)


def _duty_or_its_sanction_first(picks: list[Pick], analysis: QueryAnalysis) -> list[Pick]:
    """"Which article…" of a duty and of its sanction: the penalty for breaching a duty restates it (违反本法第三十六条
    规定，…的), so a question asking no fine is answered by the duty's own article, when it was retrieved; one asking
    the penalty (罚则在第几条, "which article sets the penalties for…") by the sanction citing the duty found first."""
    top = picks[0]
    if not FINE_ASKED.search(analysis.question):
        if len(duties := duty_articles(top.span.text)) == 1:
            doc, (number,) = top.passage.doc_id, tuple(duties)
            return _naming_first(picks, lambda p: p.passage.doc_id == doc and p.passage.article == number, analysis)
        return _duty_near_its_sanction_first(picks)
    if not _is_duty(top.passage):
        return picks
    duty = _article_key(top.passage)
    return _naming_first(picks, lambda p: _article_key(p.passage)[0] == duty[0] and duty[1] in _duties_breached(p),
                         analysis)


# the stages of a review procedure: a question naming one asks that stage's time ("a security assessment" is the
# setting of most transfer questions, and the sentence answering them need not repeat it)
_STAGES = frozenset({"preliminary review", "special review"})


def _asked_stage_first(picks: list[Pick], analysis: QueryAnalysis) -> list[Pick]:
    """"How long does a special cybersecurity review take?": of the sentences answering, one naming the stage of
    the review asked (特别审查程序…90个工作日) before one naming none (the member units' 15 days to reply)."""
    stages = analysis.assessments & _STAGES
    if not stages or stages & assessment_kinds(read_item(picks[0].span, picks[0].chapeau)):
        return picks
    return _naming_first(picks, lambda p: bool(stages & assessment_kinds(read_item(p.span, p.chapeau))), analysis)


def _article_speaking_most_first(picks: list[Pick], ask: _Ask) -> list[Pick]:
    """"Which PIPL article requires an overseas company … to appoint a representative?": a sentence of another
    article can score as high on shared words (境外, 名称, 联系方式 in Art. 39); of the sentences scoring near the
    first, the one whose article speaks to clearly most of the question (Art. 53, 46% against 6%) names it."""
    spec, top = cues()["rules"]["which_article"], picks[0]
    near = [p for p in picks[1:6] if p.score >= spec["near"] * top.score and p.passage.article is not None]
    if not near:
        return picks
    support = {id(p): ask.support_of(p.passage) for p in [top, *near]}  # each reads the whole article: once
    best = max(near, key=lambda p: support[id(p)])
    if support[id(best)] < max(spec["support_lead"] * support[id(top)], spec["support_floor"]):
        return picks
    return _first(picks, best)


# "which PIPL article lists the ways to send PI abroad?", 哪一条列举了…: the article asked enumerates them
_ASKS_LIST = re.compile(r"\b(?:lists?|enumerat\w*|sets? out)\b|列(?:举|明|出)", re.I)


def _listing_article_first(picks: list[Pick], analysis: QueryAnalysis) -> list[Pick]:
    """"Which article lists …": of a top sentence whose article lists nothing and one of its law scoring near it
    whose article has a list (Art. 38's 应当具备下列条件之一：（一）…), the listing article is the one asked."""
    top = picks[0]
    if not _ASKS_LIST.search(analysis.question) or listed_items(top.passage.text):
        return picks
    return _first(picks, _scoring_near(picks, lambda p: p.passage.doc_id == top.passage.doc_id
                                       and p.passage.article is not None and listed_items(p.passage.text) > 0))


def _duty_near_its_sanction_first(picks: list[Pick]) -> list[Pick]:
    """"Which PIPL article says we need a DPO?": a sanction (a sentence stating a penalty) naming the duty's words in
    passing (禁止其…担任…个人信息保护负责人) is no article that provides it; a duty article of the same law scoring near
    it is."""
    top = picks[0]
    # an item of a penalty's list (运营者有下列情形之一的，…处10万元以上…罚款：（二）未…每年至少进行一次…) is a sanction too
    in_sanction = top.chapeau is not None and bool(SANCTION_WORDS.search(top.chapeau.text))
    if _is_duty(top.passage) or not (any(f.sanction for f in top.figures) or in_sanction):
        return picks  # a sentence that states no penalty ("…to be responsible for…") is no sanction
    return _first(picks, _scoring_near(picks, lambda p: _is_duty(p.passage) and p.passage.doc_id == top.passage.doc_id))


def _reordered(ask: _Ask, picks: list[Pick]) -> list[Pick] | Composition:
    """Which sentence answers first: a later rule over the one it restates, then the sentence naming the brand,
    the short name, the bank or the body the question names."""
    analysis = ask.analysis
    picks = _later_rule_first(picks, analysis)
    picks = _asked_article_first(picks, ask)
    picks = _asked_tier_first(picks, analysis)
    picks = _duty_not_exemption_first(picks, analysis)
    picks = _exemption_asked_first(picks, analysis)
    picks = _asked_stage_first(picks, analysis)
    if enabled("draft_text") and DRAFT_CUE.search(analysis.question) and not _speaks_of_a_draft(picks[0]):
        # "what did the 2022 draft propose?": a guide telling what the draft proposed answers, not the text in force
        picks = _naming_first(picks, _speaks_of_a_draft, analysis)
    if analysis.which_article and picks[0].passage.article is None:
        # "which article…" is answered by an article: a title or preamble, however close its words, names none
        picks = _naming_first(picks, lambda p: p.passage.article is not None, analysis)
    if analysis.which_article:
        picks = _duty_or_its_sanction_first(picks, analysis)
        picks = _article_speaking_most_first(picks, ask)
        picks = _listing_article_first(picks, analysis)
    brands = [a for a in analysis.acronyms if not a.isupper()]
    if brands and not all(b in _body_text(picks[0].passage) for b in brands):
        # "the CAC's 2022 fine on DiDi under the CSL, DSL and PIPL": the statutes come first, the guide that names
        # DiDi answers; a brand is matched as written, never through a translation
        picks = _naming_first(picks, lambda p: all(b in _body_text(p.passage) for b in brands), analysis)
    setting = _setting_names(analysis, picks[0].passage)
    # a short name told in the scene before a which-article or which-body ask ("…去纳斯达克IPO。…设在哪个部门？") is the
    # scene's, not what the answer must name
    scene_told = analysis.question.replace(asked, "") if (asked := _scene_apart(analysis)) else ""
    held = [a for a in analysis.acronyms if a.isupper() and a in analysis.held_names and a not in setting
            and a not in scene_told]
    if held and enabled("unknown_name") and not all(names_in(a, _body_text(picks[0].passage)) for a in held):
        # "CRM", "CBDT", "MLPS": the store names it (in a guide, or through the glossary in Chinese), and its
        # passages were searched; the best sentence among them answers
        picks = _naming_first(picks, lambda p: all(names_in(a, _body_text(p.passage)) for a in held), analysis)
    if analysis.institutions and not all(names_in(i, _sentence_text(picks[0])) for i in analysis.institutions):
        # "2024年6月交通银行…罚了多少钱": the sentence reporting that bank's case answers, not the statute's range
        picks = _naming_first(picks, lambda p: all(names_in(i, _sentence_text(p)) for i in analysis.institutions),
                              analysis)
    return _body_checked(ask, picks)


def _body_checked(ask: _Ask, picks: list[Pick]) -> list[Pick] | Composition:
    """A which-body ask is answered by a sentence naming a particular body (rule names_no_body), and an ask whom a
    body has designated by no statute, which says only who designates (rule designees_unnamed)."""
    analysis = ask.analysis
    if not analysis.wants and enabled("designees_unnamed") and asks_designees(analysis.question) \
            and picks[0].passage.authority <= STATUTE_AUTHORITY:
        comp = ask.abstain(f"The closest passage says who designates, not whom: “{_trim(picks[0].span.text, set())}”",
                           "designees_unnamed")
        comp.named_law_silent = True
        return comp
    # (the kinds of body asked are read only of a which-body ask: every other question skips them)
    if not analysis.wants and WHICH_BODY.search(analysis.question) and \
            not names_body(picks[0].span.text, kinds := body_kinds_asked(analysis.question)):
        # "which ministry exactly?": "主管机关" (the competent authority) names none; a sentence nearly as good that
        # names the body answers (NDSMR Art. 26's 设区的市级网信部门 where PIPL Art. 53 says only 履行…职责的部门)
        naming = next((p for p in picks[1:] if names_body(p.span.text, kinds)
                       and p.score >= SUPPORT_FRACTION * picks[0].score), None)
        if naming is not None:
            return _first(picks, naming)
        if enabled("names_no_body"):
            comp = ask.abstain(f"The closest passage names no particular body: "
                               f"“{_trim(picks[0].span.text, set())}”", "names_no_body")
            comp.named_law_silent = True
            return comp
    return _ordinal_checked(ask, _stating_the_act_first(picks, analysis))


def _ordinal_checked(ask: _Ask, picks: list[Pick]) -> list[Pick] | Composition:
    """An ask of which session adopted a text or which order number issued it, and of no figure, is answered by a
    sentence stating one (第1841次会议): one nearly as good leads, and with none the answer says so (rule
    ordinal_not_stated) instead of quoting a first article as if it told the session."""
    if ask.analysis.wants or not enabled("ordinal_not_stated") or not asks_ordinal(ask.analysis.question):
        return picks
    if states_ordinal(picks[0].span.text):
        return picks
    if (stating := _scoring_near(picks, lambda p: states_ordinal(p.span.text))) is not None:
        return _first(picks, stating)
    return ask.abstain(f"The closest passage states no session or order number: “{_trim(picks[0].span.text, set())}”",
                       "ordinal_not_stated")


def _stating_the_act_first(picks: list[Pick], analysis: QueryAnalysis) -> list[Pick]:
    """"Which body are the rules filed with?": the sentence nearly as good naming the body they are filed with
    (报…备案) before the one naming the body the results are reported to."""
    acts = body_acts_asked(analysis.question) if not analysis.wants and enabled("names_no_body") else []
    if not acts or states_act(picks[0].span.text, acts):
        return picks
    kinds = body_kinds_asked(analysis.question)
    return _first(picks, _scoring_near(picks, lambda p: names_body(p.span.text, kinds) and states_act(p.span.text, acts)))


def _setting_names(analysis: QueryAnalysis, passage: Passage) -> set[str]:
    """The question's names that only set the scene (rule context_name): those the corpus never uses that the
    question tells as its setting, and, when the passage is the text of a law the question names, its other
    acronyms: that law's sentence answers without repeating them."""
    if not enabled("context_name"):
        return set()
    # a name the corpus never uses, told as the setting, is no evidence either way; one it uses (CII, DiDi) is
    scene = {a for a in told_as_setting(analysis.question) if a not in analysis.held_names}
    scene |= {a for a in analysis.acronyms if any(a in said for said in not_who_spans(analysis.question))}
    if not analysis.laws or (passage.doc_id not in analysis.laws and passage.translation_of not in analysis.laws):
        return scene
    return scene | set(law_setting_names(analysis.question))


def _body_of_document(name: str, passage: Passage, passages: list[Passage]) -> bool:
    """A regulator's short name (CAC, MIIT) is the setting of a whole rule, not of each sentence: "how long do we
    have to cancel a CAC algorithm filing" is answered by an article that says only 注销备案, in provisions whose
    other articles name 网信部门."""
    forms = name_forms(name)[1:]
    return any(SPECIFIC_BODY.search(form) for form in forms) and \
        any(p.doc_id == passage.doc_id and names_in(name, _body_text(p)) for p in passages)


def must_be_named(name: str) -> bool:
    """Whether an answer that does not name a name the store holds is no answer. A brand must be named (a statute's
    range is not what DiDi was fined); a short name (CII, SCC, CIIO) was searched for, the passages naming it came
    first, and that the best answer does not repeat it is no evidence that the corpus does not answer (on the
    held-out sets this refused 5 answerable questions and caught no near miss another rule did not)."""
    return not name.isupper()


def _names_checked(ask: _Ask, primary: Pick) -> Composition | None:
    """The chosen sentence must be about what the question names: its foreign regime, its short names (a name
    the whole store and the glossary lack is positive evidence that the corpus does not answer), its places and
    institutions, and the laws it names that the corpus does not hold."""
    analysis = ask.analysis
    if analysis.uncited_articles and enabled("unheld_article"):
        return ask.abstain(f"It holds no text of {', '.join(analysis.uncited_articles)}, and no stored passage cites "
                           f"it.", "unheld_article")
    if analysis.unheld_charges and enabled("unheld_crime"):
        return ask.abstain(f"No stored passage names the charge {', '.join(analysis.unheld_charges)}.", "unheld_crime")
    if analysis.unused_terms and enabled("unused_term"):
        return ask.abstain(f"No stored passage uses the term {', '.join(analysis.unused_terms)}.", "unused_term")
    body_text = _body_text(primary.passage)
    foreign = foreign_regimes(analysis.question) if enabled("foreign_regime") else []
    if foreign and not any(name.lower() in body_text.lower() for name in foreign):
        return ask.abstain(f"It holds no text on {', '.join(foreign)}.", "foreign_regime")
    if enabled("nothing_shared") and _nothing_shared(primary.passage, body_text, analysis):
        return ask.abstain("The closest passages share none of the question's terms in either language.",
                           "nothing_shared")
    # a penalty names the duty it enforces by its number (不履行本法第二十三条…): the duty article's words name it too
    cited = _article_texts(ask.passages)
    breach = breach_of(primary.span, read_item(primary.span, primary.chapeau), primary.passage.text, primary.lead)
    duty_text = " ".join(cited.get((primary.passage.doc_id, n), "") for n in duty_articles(breach or primary.span.text))
    setting = _setting_names(analysis, primary.passage)
    # a regulator is the setting of the rule answering, not of another instrument answering for a law named
    rule_named = not ask.named_silent and (not analysis.laws or _in_named_law(primary.passage, analysis))
    unnamed = [a for a in analysis.acronyms if a not in setting and not names_in(a, f"{body_text} {duty_text}")
               and not (rule_named and _body_of_document(a, primary.passage, ask.passages))]
    if enabled("unknown_name") and (unheld := [a for a in unnamed if a not in analysis.held_names]):
        return ask.abstain(f"The corpus never mentions {', '.join(unheld)}.", "unknown_name")
    unnamed = [a for a in unnamed if must_be_named(a)]
    # a guide's passage may name several courts or cases: the sentence that answers, or its heading, names the place
    # or the institution
    unnamed += [name for name in analysis.places + analysis.institutions if not names_in(name, _sentence_text(primary))]
    # a scheme asked about by its short name (等保三级), and by no law that sets it, is one the answering passage
    # speaks of, in either language ("the CSL's MLPS duties" are the CSL's: its articles answer)
    unnamed += [short for short, full in scheme_names(analysis.question)
                if not analysis.laws and not names_in(full, f"{body_text} {duty_text}")]
    if unnamed and enabled("named_party"):
        return ask.abstain(f"The closest passages never mention {', '.join(unnamed)}.", "named_party")
    # names_in reads a short form through the glossary (标合 is named by 标准合同); a users' paraphrase (上线 for
    # 提供服务) is named by the statutory words it stands for, and by their translations, too
    other_procedure = [name for name in analysis.procedures if not names_in(name, body_text)
                       and ((full := abbreviations().get(name)) is None or not names_in(full, body_text))]
    if other_procedure and enabled("other_procedure"):
        return ask.abstain(f"The closest passages never mention {', '.join(other_procedure)}.", "other_procedure")
    unstated = [act[0] for act in analysis.rare_acts if not states_act(body_text, [act])]
    if unstated and enabled("act_not_stated"):
        return ask.abstain(f"The closest passages never speak of {', '.join(unstated)}.", "act_not_stated")
    unheld_laws = [name for name in analysis.unknown_laws
                   if not mentions_law(name, body_text) or _of_another_law(primary, name)]
    if unheld_laws and enabled("unknown_law"):
        return ask.abstain(f"It holds no text of {', '.join(unheld_laws)}; the closest passages are about other "
                           f"rules.", "unknown_law")
    return None


def _of_another_law(primary: Pick, name: str) -> bool:
    """A guide's passage may speak of a law the corpus lacks in one sentence and answer from another that names a
    law it holds ("the Measures for the Standard Contracts … came into effect on 1 June 2023"): that sentence is
    about the other law, not the one asked, even after a lead that names the one asked (its draft's release)."""
    if law_spans(primary.span.text) and not mentions_law(name, primary.span.text):
        return True
    sentence = f"{primary.lead} {primary.span.text}"
    return not mentions_law(name, sentence) and bool(law_spans(sentence))


def _choice_checked(ask: _Ask, primary: Pick) -> Composition | None:
    """A question offering two readings (rule open_choice) is settled only by a passage, or its translation,
    that names one of them."""
    choice = open_choice(ask.analysis.question) if enabled("open_choice") else None
    if choice is None:
        return None
    article = primary.passage.article
    texts = [_body_text(p) for p in ask.passages if p is primary.passage or article is not None and
             p.article == article and primary.passage.doc_id in (p.doc_id, p.translation_of)]
    if speaks_to(choice, " ".join(texts)):
        return None
    return ask.abstain(f"The closest passage does not say whether it is {choice.first} or {choice.second}: "
                       f"“{_trim(primary.span.text, set())}”", "open_choice")


# an amending decision's item that adds a provision (七、增加一条，作为第六十三条：…)
_ADDS = re.compile(r"^\s*[一二三四五六七八九十百]+、\s*(?:增加|增设|新增)")


def _asks_of_a_held_text(analysis: QueryAnalysis) -> bool:
    """Whether the question names a statute or regulation the corpus holds (the law as it stands is asked), not
    only a guide or a document it lacks (MIIT's guidelines, known to the corpus only as a guide's draft)."""
    manifest = load_manifest()
    return any((entry := manifest.by_id(law)) is not None and entry.kind != "guide" for law in analysis.laws)


def _speaks_of_a_draft(pick: Pick) -> bool:
    """A draft's own text, or a guide's sentence telling what a draft proposed."""
    return pick.passage.status == "draft" or pick.passage.article is None and \
        draft_described(pick.span.text, _sentence_before(pick))


def _sentence_before(primary: Pick) -> str:
    """The sentence before the chosen one in its paragraph ("" when it opens it)."""
    before = [s for s in sentence_spans(primary.passage.text)
              if s.end <= primary.span.start and s.paragraph == primary.span.paragraph]
    return before[-1].text if before else ""


def _text_checked(ask: _Ask, primary: Pick) -> Composition | None:
    """The chosen sentence must come from the kind of text asked: a draft, the version of the year named."""
    analysis = ask.analysis
    body = _body_text(primary.passage).lower()
    if enabled("draft_text") and DRAFT_CUE.search(analysis.question) and primary.passage.status != "draft" \
            and not DRAFT_CUE.search(body):
        return ask.abstain("It holds no draft text of that kind.", "draft_text")
    if enabled("draft_described") and primary.passage.article is None and _asks_of_a_held_text(analysis) \
            and not asks_a_draft(analysis.question) and draft_described(primary.span.text, _sentence_before(primary)):
        return ask.abstain(f"{citation_label(primary.passage, primary.span)} tells what a draft proposed, not what "
                           f"the text in force says: “{_trim(primary.span.text, analysis.wants)}”", "draft_described")
    if analysis.version_year and enabled("version_year") and _in_named_law(primary.passage, analysis) and \
            (entry := load_manifest().by_id(primary.passage.doc_id)) is not None and entry.promulgated and \
            str(analysis.version_year) not in (entry.promulgated[:4], entry.effective[:4]) and \
            not _year_of_another_law(analysis):
        return ask.abstain(f"It holds the {entry.promulgated[:4]} text of {entry.short or entry.title}, not the "
                           f"{analysis.version_year} one.", "version_year")
    if enabled("version_year") and (year := _amendment_not_held(analysis)):
        # "数安法2025年修正后…": a law the corpus holds in one text, asked of an amendment it does not hold
        return ask.abstain(f"It holds no {year} amendment of {', '.join(law_names(analysis.laws))}.", "version_year")
    if analysis.earlier_text and enabled("added_later") and amends(primary.passage.doc_id) and \
            _ADDS.match(primary.passage.text):
        # "what did the 2016 CSL fine for…?": a provision the amendment added was not in the earlier text
        return ask.abstain(f"The earlier text has no such provision: {citation_label(primary.passage)} added it: "
                           f"“{_trim(primary.span.text, set())}”", "added_later")
    if analysis.which_article and (named := figures_named(analysis.question)):
        if not states_all(named, _body_text(primary.passage)):
            # "which article of the DSL sets the 5%-of-turnover fine?": an article without that figure is not it
            return ask.abstain(f"No article found states {', '.join(f.text for f in named)}; the closest is "
                               f"{citation_label(primary.passage, primary.span)}.", "which_article")
    if analysis.which_article and enabled("which_article") and primary.passage.article is None and \
            not (EN_ARTICLE.search(primary.span.text) or ZH_ARTICLE.search(primary.span.text)):
        # a guide's sentence that cites no article ("the 48-hour period under the vulnerability regulations") says
        # what a rule is, not which article provides it
        return ask.abstain(f"No passage found names the article; the closest, "
                           f"{citation_label(primary.passage, primary.span)}, cites none.", "which_article")
    return None


def _amendment_not_held(analysis: QueryAnalysis) -> int:
    """The year of an amendment the question asks of the laws it names, when none of their texts in the corpus
    (nor a decision amending them) dates from it; 0 otherwise."""
    year = analysis.amended_in
    if not year or not analysis.laws:
        return 0
    manifest = load_manifest()
    held = {(entry.promulgated[:4], entry.effective[:4]) for doc_id in with_versions(analysis.laws, manifest)
            if (entry := manifest.by_id(doc_id)) is not None}
    return 0 if any(str(year) in dates for dates in held) else year


def _year_of_another_law(analysis: QueryAnalysis) -> bool:
    """"Which article of the amended CSL says operators must follow the PIPL, and what number did it have in the
    2016 text?": the year is that of a text the corpus holds of one of the laws named (the 2016 CSL)."""
    manifest = load_manifest()
    year = str(analysis.version_year)
    return any((entry := manifest.by_id(doc_id)) is not None and year in (entry.promulgated[:4], entry.effective[:4])
               for doc_id in with_versions(analysis.laws, manifest))  # a decision's law, and its other texts


# what a which-article question names that no article states: its law's year, the 一条 of 哪一条, and articles
# counted (新增了一条关于…的规定: an article, not a figure in it)
_NOT_SOUGHT = re.compile(r"哪一?条|第几条|(?:19|20)\d\d\s*年?(?:版|修正|修改|修订)?|\b(?:19|20)\d\d\b|"
                         r"(?<![第\d])[一二两三四五六七八九十\d]+\s*(?:条|款)(?![以\d])")


def figures_named(question: str) -> list[Figure]:
    """The figures a question names as what it looks for (5%, 72 hours), not its law's year or the 一条 of 哪一条,
    nor the 一 of 一家 (a company, not a count); of a question asking which article, those of the sentence that
    asks it, and of the one before when it points back to it ("Which article says that?"): the scene further back
    ("an HR SaaS with 600k employees. Our DPO wants to cite the provision on… Which article is that?") is the asker's
    own, not what the article states."""
    sentences = question_sentences(question)
    at = next((i for i, s in enumerate(sentences) if asks_which_article(s)), None)
    if at is None:
        sought = question
    elif _POINTS_BACK.search(sentences[at]):
        sought = " ".join(sentences[max(0, at - 1):at + 1])
    else:
        sought = sentences[at]
    return [f for f in extract_figures(_NOT_SOUGHT.sub(" ", strip_law_names(sought)))
            if f.kind in ("amount", "percent", "multiple", "duration", "count", "age")
            and not _INDEFINITE_ONE.fullmatch(f.text)]


_POINTS_BACK = re.compile(r"\b(?:that|this|these|those|it|such)\b|这|该|此|上述|前述", re.I)
_INDEFINITE_ONE = re.compile(r"一[家个位名款种套项部]")


def states_all(figures: list[Figure], text: str) -> bool:
    """Whether the text states every one of the figures (an article said to set them must)."""
    held = extract_figures(text)
    return all(any(figures_match(f, g) for g in held) for f in figures)


def _set_aside_checked(ask: _Ask, primary: Pick) -> Composition | None:
    """Rule set_aside_figure: the figure found is stated only for the case the question sets aside ("不涉及国家安全和
    公共利益" asked, "涉及危害国家安全、公共利益的，…24小时内报告" found): the law states none for the case asked."""
    analysis = ask.analysis
    wanted = _wanted(primary.figures, analysis) if analysis.excluded_terms and analysis.wants else []
    if not wanted or not enabled("set_aside_figure"):
        return None
    text = primary.span.text
    if not all(_governed_by(text, figure.start, analysis.excluded_terms) for figure in wanted):
        return None
    return ask.abstain(f"{citation_label(primary.passage, primary.span)} states {wanted[0].text} only for the case "
                       f"the question sets aside: “{_trim(text, analysis.wants)}”", "set_aside_figure")


def _governed_by(text: str, at: int, terms: set[str]) -> bool:
    """Whether the condition of the clause that leads to the figure at ``at`` (from the last 。/；, up to its last
    …的，) names a term set aside, other than to say it is about everyone else (关键信息基础设施运营者以外的). What
    the clause goes on to impose (给予警告，没收违法所得，可以并处…) is no condition: "除警告和没收违法所得外" sets
    aside sanctions, not the case."""
    clause = re.split(r"[。；;]", text[:at])[-1].lower()
    if re.search(r"[\u4e00-\u9fff]", clause):
        clause = clause[:clause.rfind("的，") + 1] if "的，" in clause else ""
    return any(term in _without_others(clause, terms) for term in terms)


def _fixed_checked(ask: _Ask, primary: Pick) -> Composition | None:
    """A fixed sum asked where the law sets only a range or a ceiling; "the biggest fixed fine amount" asks the top
    of the scale, which a ceiling states."""
    question = superlatives_read(ask.analysis.question)
    if not enabled("fixed_figure") or SUPERLATIVE_MAX.search(question):
        return None
    key = _wanted(primary.figures, ask.analysis)
    if FIXED_CUE.search(question) and key and all(f.bound for f in key):
        return ask.abstain("It states no fixed figure for this; the closest passages set only limits or ranges.",
                           "fixed_figure")
    # the fines of the party asked: the managers' (对直接负责的主管人员…处…) or the unit's
    of_persons = ask.analysis.audience == "individuals"
    fines = [f for f in primary.figures if f.kind in MONEY_KINDS and f.sanction
             and aimed_at_individuals(primary.span.text, f.start) == of_persons]
    if SUPERLATIVE_MIN.search(question) and ask.analysis.sanctions_answer and fines \
            and all(f.bound == "max" for f in fines):
        # "what is the lowest fine the regulator must impose?": 五千万元以下 sets a ceiling and no floor
        return ask.abstain(f"{citation_label(primary.passage, primary.span)} sets only a ceiling for this, no "
                           f"minimum: “{_trim(primary.span.text, ask.analysis.wants)}”", "fixed_figure")
    return None


def _elsewhere_checked(ask: _Ask, primary: Pick, elsewhere: str) -> Composition | None:
    """A guide talking about other rules, or another law, is no answer to a question about this law."""
    passage = primary.passage
    if elsewhere and enabled("outside_named_law") and (
            passage.authority > STATUTE_AUTHORITY or not ask.named_silent and ask.implements is not None
            and (ask.analysis.law_itself or not ask.implements(passage, ask.analysis.laws))):
        return ask.abstain(f"No passage of {elsewhere} states it; the closest passage "
                           f"({passage.short or passage.title}) is about other rules.", "outside_named_law")
    return None


def _built(ask: _Ask, primary: Pick, picks: list[Pick], support: float, elsewhere: str) -> Composition:
    """The answer: the key figure, the quotes that state it (statutes first, an authoritative original before its
    translation), a second ask's figure, and the notes on where it comes from."""
    analysis = ask.analysis
    supporting = _supporting(primary, picks[1:], analysis, max(0, ask.k - 1))
    if not analysis.wants and WHICH_BODY.search(analysis.question):
        supporting = [p for p in supporting if SPECIFIC_BODY.search(p.span.text)]  # none that names no body leads
    # a which-article answer names the chosen sentence's article, and quotes it first whatever its language; of
    # texts alike, the chosen sentence leads however the others scored (a rule chose it over them)
    statute_first = sorted([primary, *supporting], key=lambda p: (p.passage.authority > STATUTE_AUTHORITY,
                                                                  p.passage.authority,
                                                                  analysis.which_article and p is not primary,
                                                                  bool(p.passage.translation_of), p is not primary,
                                                                  -p.score))
    # a sentence reporting the case of the bank or group the question names (_names_checked saw to it) answers a
    # question about something the corpus holds, however little of its wording the passage shares
    comp = Composition(support=support, primary=primary, of_named_subject=bool(analysis.institutions))
    comp.trace.append(TraceStep("sentence_scorer", f"{citation_label(primary.passage, primary.span)}: score "
                                f"{primary.score:.2f}, coverage {primary.coverage:.2f}, support {support:.2f}", "kept"))
    if analysis.law_maximum:
        comp.trace.append(TraceStep("law_maximum", "the named law's highest fine leads", "scored"))
    comp.cited = [p.passage for p in statute_first]
    comp.quotes = [p.span for p in statute_first]
    lead = _lead(statute_first[0], analysis) or _lead(primary, analysis)
    parts = _lead_and_quotes(comp, statute_first, lead, analysis)
    follow = ask.follow_up_for(primary) if analysis.follow_up else None
    if follow is not None and (second := _lead(follow, analysis.follow_up)) and second.lower() not in lead.lower():
        _add_second_ask(comp, parts, follow, second, bool(comp.key_figure), len(statute_first), analysis)
    # the note speaks of [1]: a quote of the named law itself put first is no occasion for it
    _add_notes(comp, statute_first, "" if _in_named_law(statute_first[0].passage, analysis) else elsewhere)
    comp.text = "\n\n".join(parts + comp.notes)
    return comp


def _stated_by_text(lead: str) -> list[str]:
    """The figures a lead states that its quotes hold: the day in brackets after "on the date of publication" is
    the text's record's (shown in its citation), not a figure of the sentence."""
    figures = extract_figures(lead)
    return [f.text for n, f in enumerate(figures)
            if not (n and figures[n - 1].unit == ON_PUBLICATION and f.start - figures[n - 1].end <= 3)]


def _lead_and_quotes(comp: Composition, statute_first: list[Pick], lead: str, analysis: QueryAnalysis) -> list[str]:
    parts: list[str] = []
    if lead:
        comp.key_figure = lead
        parts.append(f"{lead} [1].")
        comp.claims.append(Claim(lead, (1,)))
        comp.stated = _stated_by_text(lead)
    elif analysis.which_article and statute_first[0].passage.article is not None:
        # "which article provides…" is answered by the article, named before its words
        comp.key_figure = _article_label(statute_first[0].passage, analysis.language)
        parts.append(f"{comp.key_figure} [1].")
        comp.trace.append(TraceStep("which_article", comp.key_figure, "kept"))
    # an answer stating no figure is its quote: the clauses using the question's words are kept whole
    words = frozenset() if analysis.wants else \
        frozenset(w for w in analysis.content_tokens | analysis.expansion_tokens if len(w) >= 2 and not w.isdigit())
    for n, pick in enumerate(statute_first[:2], start=1):
        quote = _trim(pick.span.text, analysis.wants, words)
        if pick.chapeau is not None:
            # "（二）…确需向境外提供员工个人信息的；" says nothing until its chapeau says what the item triggers
            quote = f"{_trim(pick.chapeau.text, analysis.wants)} … {quote}"
        label = own_label(pick.passage, citation_label(pick.passage, pick.span))
        parts.append(f"{label}: “{quote}” [{n}]")
        comp.claims.append(Claim(quote, (n,)))
    if len(statute_first) > 2:
        also = ", ".join(f"{citation_label(p.passage, p.span)} [{n}]" for n, p in enumerate(statute_first[2:], start=3))
        # the same figure stated elsewhere; without a figure, only passages found beside it ("see also")
        said = "Also stated in" if lead else "See also"
        parts.append(f"{said} {also}." if analysis.language != "zh" else f"另见 {also}。")
    return parts


def _add_second_ask(comp: Composition, parts: list[str], follow: Pick, second: str, has_lead: bool, cited: int,
                    analysis: QueryAnalysis) -> None:
    """"How long is it valid, and how early can we apply to extend it?" asks two figures."""
    n = cited + 1
    comp.cited.append(follow.passage)
    comp.quotes.append(follow.span)
    joined = second[:1].lower() + second[1:] if analysis.language == "en" else second
    comp.key_figure = f"{comp.key_figure}; {joined}" if comp.key_figure else second
    if has_lead:
        parts[0] = f"{parts[0]} {second} [{n}]."
    else:
        parts.insert(0, f"{second} [{n}].")
    comp.claims.append(Claim(second, (n,)))
    comp.stated += [f.text for f in extract_figures(second)]
    quote = _trim(follow.span.text, analysis.follow_up.wants)
    parts.insert(len(parts) - (cited > 2), f"{citation_label(follow.passage, follow.span)}: “{quote}” [{n}]")
    comp.claims.append(Claim(quote, (n,)))


def joined(first: Composition, second: Composition) -> Composition:
    """Two answers to the two asks of one question, the second's citations numbered after the first's."""
    shift = len(first.cited)

    def renumbered(text: str) -> str:
        return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + shift}]", text)

    out = Composition(text=f"{first.text}\n\n{renumbered(second.text)}", cited=first.cited + second.cited,
                      quotes=first.quotes + second.quotes,
                      key_figure="; ".join(f for f in (first.key_figure, second.key_figure) if f),
                      support=min(first.support, second.support) if first.primary else second.support,
                      trace=first.trace + second.trace, primary=first.primary or second.primary,
                      stated=first.stated + second.stated)
    out.claims = first.claims + [Claim(c.text, tuple(n + shift for n in c.cites)) for c in second.claims]
    return out


def _add_notes(comp: Composition, statute_first: list[Pick], elsewhere: str) -> None:
    if elsewhere:
        # "under the PIPL…" is often answered by the rules that implement it: say so rather than pretend
        comp.notes.append(f"{elsewhere} itself does not state this; [1] is from "
                          f"{statute_first[0].passage.title}.")
    if all(p.passage.authority > STATUTE_AUTHORITY for p in statute_first):
        comp.notes.append(secondary_note(statute_first))
    for n, p in enumerate(statute_first, start=1):
        if p.passage.status != "in-force":
            comp.notes.append(f"[{n}] is from a text that is {p.passage.status}; check the current text.")
        elif (entry := load_manifest().by_id(p.passage.doc_id)) is not None and entry.partly_superseded_by:
            later = load_manifest().by_id(entry.partly_superseded_by)
            comp.notes.append(f"[{n}] is from a text partly superseded by "
                              f"{later.title if later else entry.partly_superseded_by} where the two differ.")
