"""Comparisons: "Which is higher, the PIPL's maximum fine or the DSL's?" asks two figures, each cited, and which
is higher. The question is answered once per side (the other side's name taken out), and the two answers are
joined with the comparison stated."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from ingest.manifest import Manifest, load_manifest
from retrieval.clauses import asked_clauses, clause_question
from retrieval.compose import Composition, abstain, citation_label
from retrieval.figures import (
    ON_PUBLICATION,
    figure_kinds,
    publication_day,
    question_wants,
    yes_or_no,
)
from retrieval.glossary import names_in
from retrieval.laws import (
    SECONDARY_KINDS,
    amended_laws,
    closest_law,
    law_names,
    law_spans,
    originals,
    resolve_laws,
    strip_law_names,
    text_pair,
    with_versions,
)
from retrieval.query import QueryAnalysis, analyse, split_asks
from retrieval.records import TraceStep
from retrieval.renumber import asks_renumbered
from retrieval.roles import asks_extension, institution_names
from retrieval.rules.asks import (
    EN_COMPARATIVES,
    asks_comparison,
    asks_same,
    asks_two_things,
    asks_two_versions,
    asks_what_changed,
    comparison_direction,
    version_marks,
)
from retrieval.rules.registry import cues, enabled
from retrieval.sentences import question_sentences
from retrieval.verify import Claim

_ARTICLE_AFTER = re.compile(r"['’]?s?\s*(?:Article|Art\.?)\s*\d+|\s*第[一二三四五六七八九十百零\d]+条", re.I)


@dataclass(frozen=True)
class Side:
    law: str  # doc id of the law this side asks about ("" for a side named by what it is, see option_sides)
    question: str  # the question with the other side's law taken out
    label: str = ""  # what the answer calls this side, when it is not a law
    # a side of two texts of one law: the question's other ask is the other text's, not a second ask of this one
    one_ask: bool = False

    @property
    def name(self) -> str:
        return self.label or law_names([self.law])[0]

    def name_in(self, language: str) -> str:
        """The name a sentence in ``language`` calls this side by: a law in Chinese by its own title, in 《》."""
        entry = load_manifest().by_id(self.law) if language == "zh" and self.law and not self.label else None
        if entry is None or not entry.title_zh:
            return self.name
        return entry.title_zh if entry.title_zh.startswith("《") else f"《{entry.title_zh}》"


# "Which is longer: A or B?", "A和B哪个更长？": two options, each named by what it is rather than by a law's title
# the comparatives an option question or a closing comparison asks with
_COMPARATIVE = EN_COMPARATIVES
_EN_OPTIONS = re.compile(rf"^(?P<lead>.*?)\b(?:{_COMPARATIVE})\b(?P<noun>[^:,—–]*)(?:[:,]|\s[—–])\s*(?P<a>.+?),?\s+or\s+"
                         r"(?P<b>[^?？,]+?)\s*(?:,[^?？]*)?(?:[?？](?:\s+[^?？]{0,40}[.?？]?)?)?\s*$", re.I)
# what a comparative qualifies ("the bigger maximum fine", "the higher top fine for the company in the worst tier"):
# a few words, no clause ("longer on paper once…")
_NOUN_COMPARED = re.compile(r"^(?!(?:on|in|at|than|once|when|for|to|of|under|after|before|if|by|with)\b)"
                            r"[A-Za-z'’-]+(?:\s+[A-Za-z'’-]+){0,9}$", re.I)
# what comes before the asking word ("Under the DSL, which carries the bigger…") is where each option is asked
_ASKING_WORD = re.compile(r"\b(?:which|what)\b.*$", re.I)
# "Cybersecurity review: initial review or special procedure, which takes longer?": the options first, then the ask;
# a topic before a colon is what both options are of
_EN_OPTIONS_FIRST = re.compile(rf"^(?:(?P<topic>[^:?]{{3,60}}?)\s*:\s*)?(?P<a>[^:?,—–]{{3,}}?),?\s+or\s+(?P<b>[^:?,—–]{{3,}}?)"
                               rf"\s*(?:,|—|–|\s-)\s*which\b[^?]*?\b(?:{_COMPARATIVE})\b[^?]*\?\s*$", re.I)
# (what is compared may stand between them and the ask: "A和B，法定期限哪个更长？")
_ZH_OPTIONS = re.compile(r"(?:^|[，,：:])(?P<a>[^，,。？：:]{4,}?)[，,]?(?:和|与|跟|还是)(?P<b>[^，,。？：:]{4,}?)"
                         r"(?:[，,](?P<noun>[^，,。？：:哪]{1,6}?))?[，,]?(?:哪(?:个|一个|项|种)|谁)")
# "算法备案的变更和注销，哪个期限更长？": a short second option leans on the first's noun (算法备案的注销)
_ZH_SHORT_SECOND = re.compile(r"(?:^|[，,：:])(?P<a>[^，,。？：:]{2,}的)(?P<a2>[^，,。？：:的]{2,4}?)(?:和|与|跟|还是)"
                              r"(?P<b>[^，,。？：:的]{2,3}?)[，,]?(?:哪(?:个|一个|项|种)|谁)")
# "网络日志和影响评估报告的保存期限一样吗？": two things, what is asked of both, and whether it is the same
_ZH_SAME = re.compile(r"(?:^|[，,：:])(?P<a>[^，,。？：:]{2,}?)(?:和|与|跟)(?P<b>[^，,。？：:的]{2,}?)的"
                      r"(?P<noun>[^，,。？：:的]{2,8}?)(?:是否|是不是)?(?:一样|相同|相等)")
# the words with which a clause asks a figure of each of two things (分别要求至少保存多久, 分别达到多少条)
_ZH_ASKS_FIGURE = r"(?:多少|多久|多长|几|什么时候|哪天)[^，,。？]{0,10}"
# two options, then what is asked of each, then the comparison: "A和B，法律分别要求至少保存多久？哪个更长？"
_ZH_PAIR_ASKED = re.compile(r"(?:^|[，,：:])(?P<a>[^，,。？：:、]{2,}?)[，,]?(?:和|与|跟)(?P<b>[^，,。？：:]{2,}?)(?:[，,]|(?=分别|各自))"
                            rf"(?P<ask>[^，,。？]{{2,30}}?{_ZH_ASKS_FIGURE})[？?]\s*(?:哪|谁)")
_EACH_WORD = re.compile(r"分别|各自|各")
# two things set apart by a comma from what is asked of each ("非法出售行踪轨迹信息，和出售…其他一般个人信息，分别达到
# 多少条？", "行踪轨迹类信息和一般的个人信息，“情节严重”的条数门槛分别是多少？"), no comparison after; without the comma
# ("公司和直接负责的主管人员分别罚多少") one provision answers both
# ("倒卖酒店入住记录和倒卖普通的姓名手机号，按两高的司法解释，分别要多少条…", the rules asked of in a clause between)
_ZH_PAIR_EACH = re.compile(r"(?:^|[，,：:])(?P<a>[^，,。？：:、]{2,}?)[，,]?(?:和|与|跟)(?P<b>[^，,。？：:]{2,}?)[，,]"
                           r"(?:(?P<by>(?:按|按照|根据|依据|依照|在)[^，,。？分各]{2,30}?)[，,])?"
                           rf"(?P<ask>[^，,。？分各]{{0,16}}?(?:分别|各自)[^，,。？]{{0,30}}?{_ZH_ASKS_FIGURE})[？?]")


def _pair_sides(m: re.Match[str], scene: str = "") -> list[Side]:
    ask = _EACH_WORD.sub("", m["ask"])
    by = f"{by}，" if (by := m.groupdict().get("by")) else ""
    return [Side("", f"{scene}{by}{option.strip()}{ask}？", option.strip()) for option in (m["a"], m["b"])]


def _zh_pair_each_sides(question: str) -> list[Side]:
    """Each of two things set apart and asked each, with the scene before them (the law, the breach)."""
    return _pair_sides(m, question[:m.start("a")]) if (m := _ZH_PAIR_EACH.search(question)) else []
# an option that starts with a preposition leans on the other's noun ("the fine for companies or for managers")
_LEANING = re.compile(r"^(?:for|of|to|by|in|on|at|with|from|对|给|向)\b", re.I)
_SIDE_ASKS = {"en": {"longer": "How long is {}?", "shorter": "How long is {}?", "higher": "What is {}?",
                     "lower": "What is {}?", "earlier": "When is {}?", "later": "When is {}?"},
              "zh": {"longer": "{}是多久？", "shorter": "{}是多久？", "higher": "{}是多少？", "lower": "{}是多少？",
                     "earlier": "{}是什么时候？", "later": "{}是什么时候？"}}


# "How did the CAC's fine on DiDi compare in size with the fine it imposed on CNKI?": each side asked what it is
_EN_COMPARED_WITH = re.compile(r"^\s*how\s+(?:did|does|do|is|was|were|are)\s+(?P<a>[^?]{4,}?)\s+compare(?:\s+in\s+\w+)?\s+"
                               r"(?:with|to|against)\s+(?P<b>[^?]{4,}?)\s*\?", re.I)


def _compared_with_sides(question: str) -> list[Side]:
    compared = _EN_COMPARED_WITH.search(question)
    return [Side("", f"What was {compared[g].strip()}?", compared[g].strip()) for g in ("a", "b")] if compared else []


# "How long does the office have for the preliminary review, compared with the special review procedure?": the
# thing the first clause asks about, and the one set beside it
_EN_CLAUSE_COMPARED = re.compile(r"^\s*(?P<first>(?:how|what)\b[^?,]*?)"
                                 r",?\s+(?:as\s+)?compared\s+(?:with|to)\s+(?P<b>[^?,]{3,80}?)\s*\?", re.I)
_THING_AFTER = re.compile(r"\b(?:for|of|under|in|on|by)\s+", re.I)


def _clause_compared_sides(question: str) -> list[Side]:
    """Each of the two things set side by side asked the first clause's question: the thing is the last phrase after
    for/of/under/in/on/by that names no law ("the fine for a CIIO under the CSL, compared with a regular operator":
    a CIIO), and the other thing takes its place."""
    if not (m := _EN_CLAUSE_COMPARED.search(question)):
        return []
    first, other = m["first"].strip(), m["b"].strip()
    marks = list(_THING_AFTER.finditer(first))
    ends = [mark.start() for mark in marks[1:]] + [len(first)]
    things = [(mark.end(), mark.end() + len(first[mark.end():end].rstrip())) for mark, end in zip(marks, ends, strict=True)]
    things = [(a, b) for a, b in things if b - a >= 3 and not resolve_laws(first[a:b])]
    if not things:
        return []
    a, b = things[-1]
    asked = [first, f"{first[:a]}{other}{first[b:]}"]
    return [Side("", f"{text}?", label) for text, label in zip(asked, (first[a:b].strip(), other), strict=True)]


def _asked_then_compared(question: str) -> list[Side]:
    """"网络日志要留多久？影响评估报告又要留多久？哪个更长？": two sentences each asking a figure, then one asking
    only which is more; each asking sentence is a side, asked as written (with what was said before it)."""
    sentences = [part.strip() for part in question_sentences(question)]
    if len(sentences) < 3 or question_wants(sentences[-1]) or not asks_comparison(sentences[-1]):
        return []
    asking = [at for at, sentence in enumerate(sentences[:-1]) if question_wants(sentence)]
    if len(asking) != 2:
        return []
    scene = " ".join(sentences[:asking[0]])
    return [Side("", f"{scene} {sentences[at]}".strip(), _side_label(sentences[at])) for at in asking]


def _laws_asked_of(question: str) -> int:
    """How many laws the question's asking sentences name: a law named only in the scene before them ("a client
    shipped data without going through the outbound rules. If it is serious, what fine…") is where the story
    happened, not a law each ask is put to."""
    sentences = question_sentences(question)
    asking = " ".join(s for s in sentences if question_wants(s) or re.search(r"[?？]\s*$", s)) or question
    return len({law for law in resolve_laws(asking) if not (entry := load_manifest().by_id(law)) or
                not entry.translation_of})


def _side_label(sentence: str) -> str:
    """What a side is called in the answer: the thing its asking sentence asks about, without the scene before a
    colon or the asking words ("网络日志按网安法至少要留多久" is 网络日志; "How long must network logs be kept" network
    logs), or the sentence when nothing is left."""
    asked = re.split(r"[：:]", sentence)[-1].rstrip("?？ ").strip()
    spec = cues()["rules"]["comparison"]
    if re.search(r"[\u4e00-\u9fff]", asked):
        cut = re.search("|".join(map(re.escape, spec["label_ends_zh"])), asked[2:])
        thing = asked[:cut.start() + 2] if cut else ""
    else:
        thing = re.sub(spec["label_asking_en"], "", asked, flags=re.I).strip()
        thing = re.sub(spec["label_tail_en"], "", thing, flags=re.I).strip()
    return thing if len(thing) >= 2 else asked


def party_sides(question: str) -> list[Side]:
    """Rule each_party: two or more parties named by their own names ("how much was DiDi fined, and CNKI?",
    滴滴和知网分别被罚了多少): each party's figure asked as a question of its own, the others' names left out, so
    that the sentence reporting one party's case answers for it ([] when fewer than two are named)."""
    names: list[str] = []
    for name in institution_names(question):
        if not any(names_in(name, other) or names_in(other, name) for other in names):
            names.append(name)
    if len(names) < 2:
        return []
    return [Side("", _without_names(question, [other for other in names if other != name]), name, one_ask=True)
            for name in names]


def asks_each_party(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    return len(party_sides(question)) >= 2


def _without_names(question: str, names: list[str]) -> str:
    """The question with the names left out, with the word joining each to the next ("DiDi and CNKI", 滴滴和知网)."""
    for name in names:
        escaped, gap = re.escape(name), " " if name.isascii() else ""
        for form in (rf"{escaped}\s*(?:\band\b|和|与|及|、)\s*", rf"\s*(?:\band\b|和|与|及|、)\s*{escaped}", escaped):
            question, found = re.subn(form, gap, question, count=1)
            if found:
                break
    return " ".join(question.split()) if question.isascii() else question


def option_sides(question: str) -> list[Side]:
    """The two options of a comparison that names no two laws, each asked as a question of its own."""
    language = "zh" if re.search(r"[\u4e00-\u9fff]", question) else "en"
    if language == "en" and (versus := _versus_sides(question)):
        return versus
    m = (_ZH_OPTIONS if language == "zh" else _EN_OPTIONS).search(question)
    if not m and language == "en" and (first_m := _EN_OPTIONS_FIRST.search(question)):
        topic = (first_m["topic"] or "").strip()
        return _options(question, first_m, *(f"{topic} {first_m[g].strip()}".strip() for g in ("a", "b")), language)
    if not m and language == "zh" and (short := _ZH_SHORT_SECOND.search(question)):
        return _options(question, short, short["a"] + short["a2"], short["a"] + short["b"], language)
    if not m and language == "zh" and (m := _ZH_NUMBERED.search(question)):
        return _numbered_options(question, m)
    if not m and language == "zh" and (m := _ZH_SAME.search(question)):
        return [Side("", _same_asked(option.strip(), m["noun"]), option.strip()) for option in (m["a"], m["b"])]
    if not m and language == "zh" and (m := _ZH_PAIR_ASKED.search(question)):
        # "网络日志和影响评估报告，分别要求至少保存多久？哪个更长？": each option asked what the clause between asks,
        # with the scene before them (网数条例里的“大型网络平台”，注册用户和月活分别要到多少？)
        return _pair_sides(m, question[:m.start("a")])
    if not m:
        return []
    first, second = m["a"], m["b"]
    if language == "en":
        # "A (that endangers X or Y), or B": a comma before "or" says where the options part, not the first "or"
        options = re.split(r"[?？]", question[m.start("a"):])[0]
        if ", or " in options:
            first, _, second = options.rpartition(", or ")
    if any(_LEANING.match(option.strip()) for option in (first, second)):
        return []
    if language == "zh" and comparison_direction(question) in ("higher", "lower") and \
            resolve_laws(_opening(question, m)):
        # "按数据安全法，A的，和B的，哪个罚款上限更高？": each situation's fine under the law the opening names
        return _situations(question, m, first, second)
    return _options(question, m, first, second, language)


# "A versus B: what are the top-tier fines, and which is steeper?": two options set against each other, then the ask
_EN_VERSUS = re.compile(r"^(?P<lead>(?:under|in|per|according to)\b[^,:]{2,60},\s*)?(?P<a>[^:?]{6,}?)\s+(?:versus|vs\.?)\s+"
                        r"(?P<b>[^:?]{6,}?)\s*[:—–]\s*(?P<ask>[^?]{6,}?)(?:,?\s+and\s+which\b[^?]*)?\?", re.I)


# "Standard deadline: A vs B, which is longer?": what is compared named first (or not), then the options, then
# only which one is asked
_EN_VERSUS_WHICH = re.compile(r"^(?:(?P<topic>[^:?]{3,40}?)\s*:\s*)?(?P<a>[^:?,]{4,}?)\s+(?:versus|vs\.?)\s+"
                              r"(?P<b>[^:?,]{4,}?)\s*[,:—–]\s*which\b[^?]*\?\s*$", re.I)


def _versus_which_sides(question: str) -> list[Side]:
    """Each option asked for what the question compares: its period when it asks which is longer or shorter."""
    m = _EN_VERSUS_WHICH.search(question)
    if not m:
        return []
    how = "How long is" if comparison_direction(question) in ("longer", "shorter") else "What is"
    topic = (m["topic"] or "").strip()
    topic = topic[:1].lower() + topic[1:] if topic[1:2].islower() else topic
    return [Side("", f"{how} the {topic} of {option}?" if topic else f"{how} {option}?", option)
            for option in (m["a"].strip(), m["b"].strip())]


# "serious cases: max fine for A vs B?": the ask first, then the two options it is asked of, the last thing said
_EN_ASK_THEN_VERSUS = re.compile(r"^(?P<ask>[^?]*?\b(?:for|of)\s+)(?P<a>[^?]{6,}?)\s+(?:versus|vs\.?)\s+"
                                 r"(?P<b>[^?]{6,}?)\s*\?\s*$", re.I)


def _ask_then_versus_sides(question: str) -> list[Side]:
    """Each option asked what the words before it ask ("max for sending data abroad?", "max for handing data to a
    foreign court?"); none when those words ask no figure or an option starts with a preposition of its own."""
    m = _EN_ASK_THEN_VERSUS.search(question)
    if not m or not question_wants(m["ask"]) or any(_LEANING.match(m[g]) for g in ("a", "b")):
        return []
    return [Side("", f"{m['ask']}{m[g].strip()}?", m[g].strip()) for g in ("a", "b")]


def _versus_sides(question: str) -> list[Side]:
    """Each option asked what the question asks after the colon, with the law named before the options; "each" in
    the ask stands for the option ("up to what multiple can each be fined")."""
    m = _EN_VERSUS.search(question)
    if not m:
        return _versus_which_sides(question) or _ask_then_versus_sides(question)
    lead, ask = (m["lead"] or "").strip(), m["ask"].strip()
    asked = []
    for option in (m["a"].strip(), m["b"].strip()):
        text = re.sub(r"\beach\b", option, ask, count=1) if re.search(r"\beach\b", ask) else f"{ask} for {option}"
        asked.append(Side("", f"{lead} {text}?".strip(), option))
    return asked


# "有两个情形比较一下罚款上限：一是A；二是B。哪个上限更高？": two situations told one by one
_ZH_NUMBERED = re.compile(r"一是(?P<a>[^；;。？]{4,}?)[；;，,]\s*二是(?P<b>[^；;。？]{4,}?)[。；;？?]")
_ZH_COMPARED_NOUN = re.compile(r"比较一下([^：:，,。]{1,8})|哪(?:个|一个|种)(?:的)?([^，,。？更]{1,6})更")


def _numbered_options(question: str, m: re.Match[str]) -> list[Side]:
    """Each situation asked with what the question compares (罚款上限) and the law its opening clause names."""
    return _situations(question, m, m["a"], m["b"])


def _opening(question: str, m: re.Match[str]) -> str:
    """The clause before the options: "按数据安全法，A的，和B的，哪个…" opens with the law they are asked under."""
    return re.split(r"[，,：:]", question[:m.start()])[0]


def _situations(question: str, m: re.Match[str], first: str, second: str) -> list[Side]:
    opening = _opening(question, m)
    scene = f"{opening}，" if resolve_laws(opening) else _told_after(question[m.end():])
    noun = next((g for n in _ZH_COMPARED_NOUN.finditer(question) for g in n.groups() if g), "罚款")
    return [Side("", f"{scene}{option.strip()}，{noun}是多少？", option.strip()) for option in (first, second)]


def _told_after(rest: str) -> str:
    """The clauses after the options and before the ask, when they name the law the options are asked under
    ("一是A；二是B。按数安法，在没到“情节严重”的情况下，哪个罚款上限更高？": 按数安法，在没到“情节严重”的情况下，)."""
    told = []
    for clause in re.split(r"[，,]", rest.lstrip("。；;？? ")):
        if _ASKING_ZH.search(clause) or re.search(r"[。？?]", clause):
            break
        told.append(clause.strip())
    return "".join(f"{clause}，" for clause in told if clause) if resolve_laws("".join(told)) else ""


_ASKING_ZH = re.compile(r"哪|多少|几|多久|多长")


def _options(question: str, m: re.Match[str], first: str, second: str, language: str) -> list[Side]:
    direction = comparison_direction(question)
    asked = _SIDE_ASKS[language].get(direction, _SIDE_ASKS[language]["higher"])
    if direction in ("longer", "shorter") and asks_extension(question):
        # "which can run longer once extended": each side's length with its extension, which only a clause
        # extending by a stated time gives
        asked = "If extended, how long can {} run at most?" if language == "en" else "{}延长后最长多久？"
    noun = (m.groupdict().get("noun") or "").strip()
    if noun and language == "zh":
        asked = asked.replace("{}", f"{{}}的{noun}", 1)  # "A和B，法定期限哪个更长？": A的法定期限是多久？
    if noun and language == "en" and _NOUN_COMPARED.match(noun):
        # "which carries the bigger maximum fine: A or B?" asks each option's maximum fine, where the question is
        asked = f"{_ASKING_WORD.sub('', m['lead']).strip()} what is the {noun} for {{}}?".strip()
        asked = asked[0].upper() + asked[1:]
    elif language == "en" and (each := _FOR_EACH.search(question)):
        # "DSL: which is punished harder — A or B? Give me the top fine for each.": what is asked of each option is
        # said after them, and the law before them
        laws = resolve_laws(m["lead"])
        scene = f"Under the {law_names(laws[:1])[0]}, what" if laws else "What"
        asked = f"{scene} is the {each['noun'].strip()} for {{}}?"
    return [Side("", asked.format(option.strip()), option.strip()) for option in (first, second)]


# "give me the top fine for each": what a comparison that names no figure asks of each of its options
_FOR_EACH = re.compile(r"\bthe\s+(?P<noun>(?:(?:top|maximum|max|highest|biggest|longest|shortest|statutory)\s+)?"
                       r"(?:fine|penalty|period|deadline|time limit|fine cap|cap)s?)\s+(?:for|of|under)\s+(?:each|both)\b",
                       re.I)


def _beside_pattern() -> re.Pattern[str]:
    """The words that set one figure of two named laws side by side (cues.toml, rules.comparison.beside)."""
    words = cues()["rules"]["comparison"]["beside"]
    return re.compile("|".join(rf"\b{re.escape(w)}(?=\W|$)" if w.isascii() else re.escape(w) for w in words), re.I)


_SET_BESIDE = _beside_pattern()


def sets_beside(question: str) -> bool:
    """Whether the question sets one figure beside another ("compared with", "versus", 相比, 分别)."""
    return bool(_SET_BESIDE.search(question))


def one_source(parts: list[tuple[Side, Composition]]) -> bool:
    """Whether two options were answered from the same sentence: then they were not told apart, and the question
    is answered as one."""
    primaries = [comp.primary for _, comp in parts]
    return all(p is not None for p in primaries) and all(not side.law for side, _ in parts) and \
        len({(p.passage.chunk_id, p.span.start) for p in primaries}) == 1


def sides(question: str) -> list[Side]:
    """The two sides of a comparison between two laws the question names, or between two options it names; or
    of two questions in one, each naming its own law; failing these, each clause that asks a figure of its own
    ([] when it is none of these). Each side is asked without the question's asides."""
    return [replace(side, question=without_asides(side.question))
            for side in _told_sides(question) or clause_sides(question)]


@lru_cache(maxsize=1)
def _aside() -> re.Pattern[str]:
    return re.compile(cues()["rules"]["comparison"]["aside_ask"], re.I)


def without_asides(question: str) -> str:
    """The question without a sentence after the first that asks aside, yes or no and no figure ("Also whether
    we can apply to extend."): searched with each side, it finds the passage on extending, not the figure compared."""
    sentences = question_sentences(question)
    kept = [s for i, s in enumerate(sentences) if i == 0 or not (_aside().search(s.strip()) and not question_wants(s))]
    kept = [_without_aside_clause(s) for s in kept]
    return " ".join(kept) if kept != sentences else question


@lru_cache(maxsize=1)
def _aside_clause() -> re.Pattern[str]:
    return re.compile(cues()["rules"]["comparison"]["aside_clause"], re.I)


def _without_aside_clause(sentence: str) -> str:
    """A sentence without its last clause when that asks aside ("…which validity period is longer now, and is it
    extendable?"), the question mark kept."""
    m = _aside_clause().search(sentence)
    if m is None or question_wants(m.group()) or not sentence[:m.start()].strip():
        return sentence
    return sentence[:m.start()] + ("？" if m.group().rstrip().endswith("？") else "?")


def clause_sides(question: str) -> list[Side]:
    """Rule several_asks (retrieval/clauses.py): three or more clauses each asking a figure, or two that the reading
    of two asks in one (split_asks) does not part; each clause a side, of the law it names alone."""
    if not enabled("several_asks"):
        return []
    scene, asks = asked_clauses(question)
    if len(asks) < 3 and split_asks(question)[1]:
        return []  # two asks the question's own reading already answers one after the other
    return _of_the_one_law(_item_sides(asks, lambda clause: clause_question(scene, clause), least=2))


def _of_the_one_law(sides_: list[Side]) -> list[Side]:
    """"When was the amendment to the CSL adopted, when does it take effect, and when did the original law take
    effect?": the one law a clause names is the law the clauses naming none ask about."""
    named = {side.law for side in sides_ if side.law}
    if len(named) != 1:
        return sides_
    law = named.pop()
    entry = load_manifest().by_id(law)
    if entry is None:
        return sides_
    return [side if side.law else Side(law, _under(side.question, entry), side.label, one_ask=True) for side in sides_]


def under_laws(question: str, laws: list[str]) -> str:
    """The question asked of the first of the laws given (a clause naming none asks of the question's law)."""
    entry = load_manifest().by_id(laws[0]) if laws else None
    return _under(question, entry) if entry is not None else question


def _under(question: str, entry) -> str:
    if re.search(r"[\u4e00-\u9fff]", question) and entry.title_zh:
        return f"《{entry.title_zh}》：{question}"
    return f"Under the {entry.short or entry.title}: {question}"


def _told_sides(question: str) -> list[Side]:
    if changed := changed_sides(question):
        return changed
    if listed := listed_sides(question):
        return listed
    if enabled("comparison") and asks_comparison(question):
        return _options_of_own_law(question) or _law_sides(question) or version_sides(question) or \
            option_sides(question) or _clause_compared_sides(question) or _asked_then_compared(question)
    if enabled("two_asks") and asks_two_things(question):
        return (_law_sides(question) if _laws_asked_of(question) >= 2 else []) or version_sides(question)
    if enabled("comparison") and _SET_BESIDE.search(question):
        # "how long is it valid under the 2024 provisions, compared with the original 2022 Measures?": one figure
        # asked of two laws, each answered from its own text; "A versus B: what can each be fined?", of two options
        return _law_sides(question) or version_sides(question) or _versus_sides(question) or \
            _compared_with_sides(question) or _clause_compared_sides(question) or _zh_pair_each_sides(question)
    if enabled("comparison") and question_wants(question) and not yes_or_no(question) and _laws_joined(question):
        # "What are the top fines under the PIPL and the DSL?": a figure asked of two laws named together is asked
        # of each (answered as one when both sides come from one passage, or either is unanswered); a law named
        # in the scene ("PIPL Art. 38 lets us transfer…; under the Provisions, how long…") is no side
        return _law_sides(question)
    return version_sides(question)


# what an option names beside its law: words of three letters or more that are no filler ("under the")
_THING_WORDS = re.compile(r"\b(?!(?:the|under|our|their|its|for|and|with|from|version|text|original|amended|new|old)\b)"
                          r"[a-z]{3,}\b")
_OPTION_WORDS = 12  # an option longer than this is a clause the reading ran on into, not a thing named


def _options_of_own_law(question: str) -> list[Side]:
    """Two options each naming its own law ("which must we keep longer — our PIPIA reports under the PIPL, or network
    logs under the CSL?"): each option is a side, of its law; taking the laws out of the question would leave both
    things in each side."""
    if re.search(r"[\u4e00-\u9fff]", question):
        return []  # a Chinese name taken out leaves the thing asked whole (…的有效期，A和B哪个更长)
    options = option_sides(question)
    laws = [originals(resolve_laws(side.name)) for side in options]
    if len(options) != 2 or any(len(found) != 1 or len(side.name.split()) > _OPTION_WORDS
                                for found, side in zip(laws, options, strict=True)) \
            or laws[1][0] in with_versions(laws[0]):
        return []
    things = [_THING_WORDS.findall(strip_law_names(side.name).lower()) for side in options]
    if not all(things) or set(things[0]) == set(things[1]):
        return []  # "the 2022 Measures or the 2024 Provisions": two laws asked one thing, not two things
    return [replace(side, law=found[0]) for side, found in zip(options, laws, strict=True)]


# what may stand between two laws named together: "the PIPL and the DSL", "PIPL's and DSL's", 个保法和数安法, "the 2022
# Measures and the 2024 Provisions" (the year dates the second name)
_JOINED = re.compile(r"^(?:['’]s)?\s*(?:,\s*)?(?:and|or|&|as well as|和|与|及|以及|跟|、|，|,)\s*(?:(?:under|in)\s+)?(?:the\s+)?"
                     r"(?:(?:19|20)\d\d\s*年?的?\s*)?$",
                     re.I)


def _laws_joined(question: str) -> bool:
    spans = sorted({(a, b) for a, b, _ in law_spans(question, load_manifest())})
    return len(spans) == 2 and bool(_JOINED.match(question[spans[0][1]:spans[1][0]]))


# "材料交上去以后，省级网信部门完备性查验、国家网信部门决定是否受理、以及国家网信部门完成评估，各自的法定时限是多少？":
# steps listed with the enumeration comma, then one figure asked of each
_EACH = re.compile(r"[，,]?(?:分别|各自|各)(?:的)?(?P<ask>[^，,。？]{0,12}?(?:多少|多久|多长|几|什么时候|哪天)[^，,。？]*)[？?]?\s*"
                   r"(?:哪(?:个|一个|种|项)?[^，,。？]{0,8}[？?]?\s*)?$")
_CLAUSE_START = re.compile(r".*[，,：:。]")
_ITEM_BREAK = re.compile(r"、(?:以及|和|及)?|以及")


def listed_sides(question: str) -> list[Side]:
    """Rule listed_asks: three or more steps, things or laws listed (with 、 before 各自/分别, or after "each …:" in
    English) and one figure asked of each; each is asked as a question of its own, with the scene set before the
    list. (Two joined by 和 are answered as one question, which names both.)"""
    if not enabled("listed_asks"):
        return []
    return _zh_listed(question) or _en_listed(question)


def _zh_listed(question: str) -> list[Side]:
    each = _EACH.search(question)
    if not each:
        return []
    head = question[:each.start()]
    opening = _CLAUSE_START.match(head)
    scene, listed = (head[:opening.end()], head[opening.end():]) if opening else ("", head)
    if (those := _THOSE.match(listed)) is not None:
        return _those_listed(scene, listed[those.end():], each["ask"])
    if (step := _EACH_STEP.match(listed)) is not None and (steps := _FROM_TO.search(scene)) is not None:
        # "从A、B、C，到D，每一步的时限分别是多少": each step from the first to the last, asked what every one is
        setting = scene[:steps.start()]
        items = [item.strip() for item in _ITEM_BREAK.split(steps["items"])] + [steps["last"].strip()]
        return _item_sides(items, lambda item: f"{setting}{item}的{step['noun']}{each['ask'].strip()}？".replace("的的", "的"))
    if (joined := _JOINED_CLAUSE.match(listed)) and (before := _CLAUSE_START.match(scene[:-1])) is not None:
        # "…审查的强制申报门槛，以及…条例里…的人数门槛，分别是多少": two clauses, each a thing asked
        first = scene[before.end():-1]
        scene = scene[:before.end()]
        return _item_sides([first, listed[joined.end():]], lambda item: f"{scene}{item}{each['ask'].strip()}？",
                           least=2)
    rules = _THESE_RULES.search(listed)
    if rules:
        listed = listed[:rules.start()]
    items = [item.strip() for item in _ITEM_BREAK.split(listed)]
    if len(items) == 2 and (last := re.split(r"和|及|与", items[1], maxsplit=1)) and len(last) == 2:
        items = [items[0], *last]  # "A、B和C": the last two joined by 和
    if rules:
        items = [_named_rule(item, rules["kind"]) for item in items]
    noun = ""
    if "的" in items[-1] and len(tail := items[-1].rsplit("的", 1)[1]) <= 6:
        items[-1], noun = items[-1].rsplit("的", 1)[0], tail  # "…和完成评估的期限": the noun is every item's
    return _item_sides(items, lambda item: f"{scene}{item}的{noun}{each['ask'].strip()}？".replace("的的", "的"))


# "How long does each stage of a cybersecurity review take — deciding whether to review, the initial review, …?"
_EN_EACH = re.compile(r"^(?P<ask>[^—:–?]*\beach\b[^—:–?]*?)\s*[—:–]\s*(?P<items>[^?]+?)\s*\??\s*$", re.I)


# "…: how long does each stage take, from deciding whether to review, through the preliminary review and the
# replies, to a special review?": the stages from the first to the last, after the ask
_EN_EACH_FROM = re.compile(r"^(?P<scene>(?:[^?]*[:;]\s*)?)(?P<ask>[^:;?]*\beach\s+\w+[^,?]*?),\s*from\s+(?P<items>[^?]+?)"
                           r"\s*\?\s*$", re.I)
# "how many records make a case 'serious' for (a) whereabouts…, (b) accommodation…, and (c) other…?"
_EN_LETTERED = re.compile(r"^(?P<ask>[^?]+?)\s*\(a\)\s*(?P<items>[^?]+?\(b\)[^?]+?)\s*\?\s*$", re.I)


def _en_listed(question: str) -> list[Side]:
    if m := _EN_EACH.match(question):
        items = [i.strip() for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+", m["items"]) if i.strip()]
        # the item takes the place of "each stage" in the ask, so that the clause that asks names it
        return _item_sides(items, lambda item: _in_place_of_each(m["ask"], item))
    if m := _EN_EACH_FROM.match(question):
        # "whether to review" is one stage: only a comma before "through" or "to" parts two
        items = [i.strip() for i in re.split(r",\s*(?:through|to|then|and)\s+|\s+and\s+|,\s*", m["items"]) if i.strip()]
        return _item_sides(items, lambda item: f"{m['scene']}{_in_place_of_each(m['ask'], item)}".strip())
    if m := _EN_LETTERED.match(question):
        items = [re.sub(r",?\s*(?:and|or)?\s*$", "", i).strip() for i in re.split(r"\([b-h]\)", m["items"])]
        return _item_sides([i for i in items if i], lambda item: f"{m['ask'].strip()} {item}?", least=2)
    return []


def _in_place_of_each(ask: str, item: str) -> str:
    return re.sub(r"\beach\s+\w+", lambda _: item, ask.strip(), count=1) + "?"


_JOINED_CLAUSE = re.compile(r"^(?:以及|还有|另外|同时)")
# "…，和…，这两种情况对单位的罚款上限分别是多少": the cases told in the clauses before are the things asked of
_THOSE = re.compile(r"^(?:这|上述|以上)?(?:两|二|三|几)(?:种|个|类|项)(?:情况|情形|行为|违法行为|做法)?下?|^(?:两者|二者|三者)")
_CONJUNCTION = re.compile(r"^(?:和|与|跟|以及|及|还有|或者|或)")


def _those_listed(scene: str, noun: str, ask: str) -> list[Side]:
    """The clauses before "这两种情况…分别", back from the last, while each opens with a conjunction, and the one
    before those: each a case; the clauses before them are the scene."""
    clauses = [c for c in re.split(r"[，,；;]", scene) if c.strip()]
    end = len(clauses)
    start = end - 1
    while start > 0 and _CONJUNCTION.match(clauses[start].strip()):
        start -= 1
    cases = [_CONJUNCTION.sub("", c.strip()) for c in clauses[start:end]]
    setting = "，".join(clauses[:start])
    if len(cases) == 1 and "、" in cases[0]:
        # "流程：A、B、最后C，这几个环节的时限分别是多少": the steps are listed in one clause, after what they are steps of
        before, listed = re.split(r"[：:]", cases[0], maxsplit=1) if re.search(r"[：:]", cases[0]) else ("", cases[0])
        setting = "，".join(filter(None, [setting, before.strip()]))
        cases = [_IN_TURN.sub("", item.strip()) for item in _ITEM_BREAK.split(listed) if item.strip()]
        noun = _STEP_WORD.sub("", noun.strip())
    return _item_sides(cases, lambda case: "，".join(filter(None, [setting, case, f"{noun.strip()}{ask.strip()}？"])),
                       least=2)


# "这几个环节的时限": what is asked of each step is the time limit, not the step
_STEP_WORD = re.compile(r"^(?:环节|步骤|阶段|程序)的?")
# "首先…、然后…、最后…": the order words say when a step comes, not what it is
_IN_TURN = re.compile(r"^(?:首先|先|然后|再|接着|之后|最后|最终)")


# "每一步的时限", "各个环节的期限": what is asked of every step the clause before lists "从A、B，到C"
_EACH_STEP = re.compile(r"^(?:每一?(?:步|个环节|个阶段|个步骤|个程序)|各(?:个)?(?:环节|阶段|步骤|程序))的?(?P<noun>[^，,。？]{0,6})$")
_FROM_TO = re.compile(r"从(?P<items>[^。？]+?)[，,]?(?:再)?到(?P<last>[^，,。？]+)[，,]?$")
# "算法推荐、深度合成、生成式AI这三部规定各自…": the items are rules, each named by its subject alone
_THESE_RULES = re.compile(r"(?:这|上述|以上)?[两二三四五六七八九几]部(?P<kind>规定|办法|条例|法规|法律|规章)?$")


def _named_rule(item: str, kind: str | None) -> str:
    """The item with the word for a rule's kind that makes it name one law (深度合成 -> 深度合成规定), else as it is."""
    if _one_law(resolve_laws(item)):
        return item
    return next((f"{item}{word}" for word in dict.fromkeys([kind or "规定", "规定", "办法", "条例"])
                 if _one_law(resolve_laws(f"{item}{word}"))), item)


def _one_law(found: list[str]) -> list[str]:
    """The laws named, translations folded into their originals ([] for none, two or more for several)."""
    return originals(found, keep_lone=True)


def _item_sides(items: list[str], asked: Callable[[str], str], least: int = 3) -> list[Side]:
    """A side per item, of the law it names when every item names one law of its own."""
    if len(items) < least or any(len(item) < 2 for item in items):
        return []
    laws = [_one_law(resolve_laws(item)) for item in items]
    if least > 2 and any(laws) and (not all(len(found) == 1 for found in laws)
                                    or len({found[0] for found in laws}) != len(items)):
        return []  # a list of laws mixed with other things, or one law twice: no list of sides
    laws = [found if len(found) == 1 else [] for found in laws]  # a clause naming two laws is asked of neither
    return [Side(found[0] if found else "", asked(item), "" if found else item, one_ask=True)
            for item, found in zip(items, laws, strict=True)]


def changed_sides(question: str) -> list[Side]:
    """Rule what_changed: "Did the 2024 Provisions change how long an assessment stays valid? From what to what?"
    names one law that replaces another in part; the text it replaced and the law itself are the two sides, each
    asked the question under its own title."""
    if not enabled("what_changed") or not asks_what_changed(question):
        return []
    manifest = load_manifest()
    spans = [(a, b, doc_id) for a, b, doc_id in law_spans(question, manifest)
             if (entry := manifest.by_id(doc_id)) is not None and not entry.translation_of]
    named = list(dict.fromkeys(doc_id for _, _, doc_id in spans))
    if len(named) != 1:
        return []
    pair = _changed_pair(named[0], question, manifest)
    if pair is None:
        return []
    zh = bool(re.search(r"[\u4e00-\u9fff]", question))
    return [Side(law, _rewritten(question, [(_dated_from(question, a), b, _title_in(manifest.by_id(law), zh))
                                            for a, b, _ in spans]), one_ask=True)
            for law in pair]


def changed_sides_of(question: str, doc_id: str) -> list[Side]:
    """Rule what_changed for a question that names no law ("结果有效期以前是几年、现在是几年？"): the text its
    answer came from and the text it replaced in part, or the text that replaced it in part ("valid longer under
    the 2022 or the 2024 rules?" answered from the 2022 Measures), are the two sides, each asked the question under
    its own title."""
    if not enabled("what_changed") or not asks_what_changed(question):
        return []
    manifest = load_manifest()
    pair = _changed_pair(doc_id, question, manifest)
    if pair is None:
        return []
    zh = bool(re.search(r"[\u4e00-\u9fff]", question))
    return [Side(law, f"{question} ({_title_in(manifest.by_id(law), zh)})", one_ask=True) for law in pair]


def _changed_pair(doc_id: str, question: str, manifest: Manifest) -> tuple[str, str] | None:
    """The earlier and the later text of a change around one text: of several texts it replaced in part, the one
    whose title shares most words with the question; or, when it is the earlier text ("has the 2022 Measures'
    validity changed?"), the text that replaced it in part. None when neither is held."""
    earlier = closest_law([e for e in manifest.entries if e.partly_superseded_by == doc_id], question)
    entry = manifest.by_id(doc_id)
    pair = (earlier, doc_id) if earlier else (doc_id, entry.partly_superseded_by if entry else "")
    return pair if all(pair) and manifest.by_id(pair[1]) is not None else None


# "the March 2024 Provisions": the date goes with the name it dates, not with the text it replaced
_DATE_BEFORE = re.compile(r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December)\s+)?(?:19|20)\d\d\s*年?(?:\d{1,2}月)?(?:的)?\s*$", re.I)


def _dated_from(question: str, start: int) -> int:
    m = _DATE_BEFORE.search(question[:start])
    return m.start() if m else start


def version_sides(question: str) -> list[Side]:
    """The two texts of one law the question asks about (rule two_versions): each side is the question with the
    words of either version taken out and the law named by that version's own title."""
    if not enabled("two_versions") or not asks_two_versions(question) or asks_renumbered(question):
        return []  # the later number of an earlier article is one answer (rule renumbered_article), not two
    manifest = load_manifest()
    # "before vs after the 2025 CSL amendment" names the amending decision: the sides are the texts it amended
    # the span rewritten names either text (or the decision that made the later): the other is its other side
    named = next(((start, end, *pair) for start, end, doc_id in law_spans(question, manifest)
                  for law in [doc_id, *amended_laws(doc_id, manifest)]
                  if (pair := text_pair(law, manifest)) and law in pair), None)
    if named is None:
        return []
    start, end, earlier_text, current = named
    marks = _merged([span for group in version_marks(question) for span in group])
    # "the 2016 Cybersecurity Law": a version's words within or across the law's name go with the name the side
    # writes in their place
    within = [(a, b) for a, b in marks if a < end and b > start]
    start, end = min([start, *(a for a, _ in within)]), max([end, *(b for _, b in within)])
    marks = [span for span in marks if span not in within]
    zh = bool(re.search(r"[\u4e00-\u9fff]", question))
    out = []
    for version in (earlier_text, current):
        entry = manifest.by_id(version)
        title = _title_in(entry, zh)
        out.append(Side(version, _rewritten(question, [(start, end, title)] + [(a, b, " ") for a, b in marks]),
                        entry.short or entry.title, one_ask=True))
    return out


def _title_in(entry, zh: bool) -> str:
    """A law's name as a side's question writes it: its Chinese title in a Chinese question, else its short name."""
    return entry.title_zh if zh and entry.title_zh else entry.short or entry.title


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _rewritten(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with each span replaced, later spans first; a span overlapping one already replaced is skipped."""
    done: list[tuple[int, int]] = []
    for start, end, new in sorted(edits, key=lambda e: (-e[0], e[1])):
        if any(start < b and end > a for a, b in done):
            continue
        text = f"{text[:start]}{new}{text[end:]}"
        done.append((start, end))
    return " ".join(text.split())


def _law_sides(question: str) -> list[Side]:
    manifest = load_manifest()
    # a guide the question names is where a comparison was read, not a side of it
    # "after the October 2025 amendment" says which text of the law is asked, not a second law asked about
    marks = [span for group in version_marks(question) for span in group]
    spans = [(a, b, doc_id) for a, b, doc_id in law_spans(question, manifest)
             if ((entry := manifest.by_id(doc_id)) is None or entry.kind not in SECONDARY_KINDS)
             and not any(start <= a and b <= end for start, end in marks)]
    laws = list(dict.fromkeys(doc_id for _, _, doc_id in spans))
    if len(laws) != 2:
        return []
    if own := _own_asks(question, laws, spans) or _beside_halves(question, spans) or _each_asked_halves(question, spans):
        return own
    out = []
    for law in laws:
        text = question
        for start, end, doc_id in sorted(spans, reverse=True):
            if doc_id != law:
                start, end = _whole_title(text, start, end)
                start = _dated_from(text, start)  # "2024年的《规定》": the year dates the other side's name
                # "the original 2016 Cybersecurity Law": the version's word goes with the name it dates
                start, end = _with_marks(text, start, end, marks)
                # "the DSL Article 45 tier": the other side's article goes with its name
                tail = _ARTICLE_AFTER.match(text[end:])
                text = f"{text[:start]} {text[end + (tail.end() if tail else 0):]}"
            elif resolve_laws(text[start:end], manifest)[:1] != [law]:
                # a name the other side's told apart ("2024年新规" beside "2022年的办法"): the law's own title
                entry = manifest.by_id(law)
                title = entry.title_zh if re.search(r"[\u4e00-\u9fff]", question) and entry.title_zh else entry.short
                text = f"{text[:start]}{title}{text[end:]}"
        out.append(Side(law, _asks_own_figure(_asks_own_date(" ".join(text.split())))))
    return out


# "数据安全法和个保法，哪个先生效？": each side asks its own date ("…什么时候生效"), not which of one is first
_WHICH_FIRST = re.compile(r"哪(?:个|一个|部|一部)?(?:更)?(?:先|早)(?=生效|施行|实施|通过|出台|发布|公布)")
# "Which came first: the deep synthesis rules or the genAI measures?": each side asks when it took effect (or, for
# "was adopted first", when it was adopted)
_EN_WHICH_FIRST = re.compile(r"\bwhich(?: one| law| text| of (?:the|these|them)(?: two)?)?\s+(?P<verb>came(?: out| into "
                             r"(?:force|effect))?|took effect|went into effect|was (?:adopted|passed|issued|published|"
                             r"promulgated|enacted))\s+(?:first|earlier|sooner)\b", re.I)


def _asks_own_date(side: str) -> str:
    """A side of "which came first" asking its own date: 哪个先生效 → 什么时候生效, "which came first" → "when did it
    take effect", "which was adopted first" → "when was adopted" (the law's name follows)."""
    side = _WHICH_FIRST.sub("什么时候", side)
    return _EN_WHICH_FIRST.sub(lambda m: f"when {m['verb']}" if m["verb"].startswith("was ")
                               else "when did it take effect", side)


# "…的最高罚款一样吗？": a side asks its own figure, not whether it is the same as the other's
_ASKS_SAME_ZH = re.compile(r"(?:是否|是不是)?(?:一样|相同|相等)(?:吗|么|嘛)?(?=[？?]|$)")
_PERIOD_NOUN = re.compile(r"期限|时限|时间|期间|有效期|多久|保存|留存")


def _asks_own_figure(side: str) -> str:
    """A side of "are they the same?" asking its own figure: 一样吗 → 是多少 (是多久 of a period)."""
    return _ASKS_SAME_ZH.sub("是多久" if _PERIOD_NOUN.search(side) else "是多少", side)


def _same_asked(option: str, noun: str) -> str:
    """What a side of "A和B的期限一样吗" asks: its noun's length (是多久) or its amount (是多少)."""
    return f"{option}的{noun}{'是多久' if _PERIOD_NOUN.search(noun) else '是多少'}？"


def _with_marks(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> tuple[int, int]:
    """A name's span with the version marks that touch it (only spaces between)."""
    for a, b in sorted(marks):
        if b <= start and not text[b:start].strip():
            start = a
        elif a >= end and not text[end:a].strip():
            end = b
    return start, end


_CLOSING_COMPARISON = re.compile(rf"(?<=[?？.。])\s*(?:which|what|who)\b[^?？.。]*\b(?:{_COMPARATIVE})\b[^?？.。]*[?？.。]?\s*$"
                                 r"|(?<=[?？。])\s*哪(?:个|一个|项|种)?[^?？。]*更[^?？。]*[?？。]?\s*$", re.I)
_HALF_ASKS = re.compile(r"\b(?:how|what|when|which)\b|多少|多久|多长|几|哪", re.I)


def _beside_halves(question: str, spans: list[tuple[int, int, str]]) -> list[Side]:
    """"How long must logs be kept under the CSL, compared with how long the NDSMR requires records to be kept?":
    each half of a comparison asks its own figure of its own law; each is a side of its own."""
    m = _SET_BESIDE.search(question)
    if m is None:
        return []
    first, second = question[:m.start()], question[m.end():]
    named = [{doc_id for a, _, doc_id in spans if (a < m.start()) == in_first} for in_first in (True, False)]
    # "… under A versus B? Which is longer?": the closing comparison is no ask of the second half's own
    if [len(n) for n in named] != [1, 1] or named[0] == named[1] or \
            not all(_HALF_ASKS.search(half) for half in (first, _CLOSING_COMPARISON.sub("", second))):
        return []
    second = second.strip(" ,，").rstrip("?？")
    return [Side(next(iter(named[0])), f"{first.strip(' ,，')}?", one_ask=True),
            Side(next(iter(named[1])), f"{second[0].upper()}{second[1:]}?", one_ask=True)]


# "Must PIPIA reports be kept under the PIPL for the same time as the NDSMR keeps records? How long is each?": a body
# setting a thing of one law beside a thing of another, then one ask of each
_SAME_AS = re.compile(rf"\bthe same\b[^?]{{0,40}}?\bas\b|\b(?:{_COMPARATIVE}) than\b", re.I)
_CLOSING_EACH = re.compile(r"(?<=[?？])\s*(?P<ask>[^?？]*\b(?:each|both)\b[^?？]*)[?？]\s*$", re.I)


def _each_asked_halves(question: str, spans: list[tuple[int, int, str]]) -> list[Side]:
    """Each half of the body, with its own thing and its own law, asked what the closing ask asks of each."""
    closing = _CLOSING_EACH.search(question)
    if closing is None or not question_wants(closing["ask"]):
        return []
    body = question[:closing.start()]
    if (m := _SAME_AS.search(body)) is None:
        return []
    named = [{doc_id for a, _, doc_id in spans if a < m.start()},
             {doc_id for a, _, doc_id in spans if m.end() <= a < closing.start()}]
    if [len(n) for n in named] != [1, 1] or named[0] == named[1]:
        return []
    ask = re.sub(r"\b(?:each|both)\b", "it", closing["ask"], flags=re.I).strip()
    return [Side(next(iter(n)), f"{half.strip(' ,?？')}? {ask}?", one_ask=True)
            for n, half in zip(named, (body[:m.start()], body[m.end():]), strict=True)]


OWN_SUBJECT_TOKENS = 20  # the words (bigrams) a second ask needs to say what it asks of without the first


def _own_asks(question: str, laws: list[str], spans: list[tuple[int, int, str]]) -> list[Side]:
    """Two asks in one question, each naming one of the two laws ("个保法下PIA报告至少留多久？网数条例里处理记录又至少
    留多久？"): each side is its own ask, not the whole question less the other law's name."""
    first, second = split_asks(question)
    if not second or len(analyse(second).topic_tokens) < OWN_SUBJECT_TOKENS:
        return []  # "2024年新规改成了多久？" leans on the first ask's subject
    cut = len(first)
    named = [{doc_id for a, _, doc_id in spans if (a < cut) == in_first} for in_first in (True, False)]
    if [len(n) for n in named] != [1, 1] or named[0] == named[1]:
        return []
    return [Side(next(iter(n)), ask.strip(), one_ask=True) for n, ask in zip(named, (first, second), strict=True)]


def _whole_title(text: str, start: int, end: int) -> tuple[int, int]:
    """A law's name found inside book-title marks goes with the whole title: 《关于办理侵犯公民个人信息刑事案件…的解释》
    taken out in part would leave a title the corpus does not hold."""
    opening, closing = text.rfind("《", 0, start + 1), text.find("》", max(end - 1, 0))
    if opening != -1 and closing != -1 and "》" not in text[opening:start] and "《" not in text[end:closing]:
        return opening, closing + 1
    return start, end


def _value(comp: Composition, analysis: QueryAnalysis) -> tuple[float, str] | None:
    """The side's largest figure of the kinds asked, with what it measures: only figures of one measure compare
    (CNY 8.02 billion is not "higher" than one to ten times a purchase)."""
    primary = comp.primary
    if primary is None:
        return None
    # of the kinds asked, those the side's lead states (CSL Art. 67's one to ten times, not the fine on the persons
    # responsible beside it in the sentence); any kind asked when it states none
    kinds = analysis.wants & (figure_kinds(comp.key_figure) or analysis.wants)
    # "自公布之日起施行" is dated by the text's record, not earlier than every date
    values = [(f.value * _DAYS.get(f.unit, 1.0), "duration") if f.kind == "duration" else
              (publication_day(f, primary.passage.effective), "date") if f.unit == ON_PUBLICATION else
              (f.value, "date" if f.kind == "date" else f"{f.kind} {f.unit}")
              for f in primary.figures if f.kind in kinds]
    values = [(v, measure) for v, measure in values if v is not None]
    return max(values) if values else None


def _comparable(values: list[tuple[float, str] | None]) -> list[float | None]:
    """The two sides' values when they measure the same thing; otherwise none to compare."""
    measures = {v[1] for v in values if v is not None}
    return [v[0] if v is not None and len(measures) == 1 else None for v in values]


# periods compared in calendar days: three years is longer than thirty working days (a working week is five days)
_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "working-day": 7 / 5, "week": 7.0, "month": 365 / 12,
         "year": 365.0}


def _verdict(names: list[str], values: list[float | None], question: str, language: str,
             laws: bool = True, dates: bool = False, periods: bool = False) -> str:
    if None in values or values[0] == values[1]:
        same = values[0] is not None and values[0] == values[1]
        if not same:
            return ""
        if dates:  # "which took effect first?": neither, they share the day
            return "两者是同一天。" if language == "zh" else "Both fall on the same day."
        return "两者相同。" if language == "zh" else "Both are the same."
    direction = comparison_direction(question)
    if periods and direction == "higher":  # "how do they differ?" of two periods: the longer one is said
        direction = "longer"
    larger = 0 if values[0] > values[1] else 1
    pick = larger if direction in ("higher", "longer") else 1 - larger
    word = {"higher": ("higher", "更高"), "lower": ("lower", "更低"), "longer": ("longer", "更长"),
            "shorter": ("shorter", "更短")}[direction]
    if dates:  # of two dates the smaller is the earlier
        word = ("later", "更晚") if direction in ("higher", "longer") else ("earlier", "更早")
    if not laws:  # two things named by what they are: "the initial review is shorter", not "the review's"
        said = f"{names[pick]}{word[1]}。" if language == "zh" else f"{names[pick][:1].upper()}{names[pick][1:]} is {word[0]}."
    else:
        owner = f"{names[pick]}'" if names[pick].endswith("s") else f"{names[pick]}'s"
        said = f"{names[pick]}的{word[1]}。" if language == "zh" else f"{owner} is {word[0]}."
    if asks_same(question):  # "are they the same?": no, and which is more
        said = f"不相同：{said}" if language == "zh" else f"Not the same: {said}"
    return said


def join(question: str, parts: list[tuple[Side, Composition, QueryAnalysis]], analysis: QueryAnalysis) -> Composition:
    """One answer from the two sides: each side's figure and quote with its citation, then the comparison."""
    missing = [side for side, comp, _ in parts if comp.abstained or not comp.key_figure]
    if missing:
        names = ", ".join(side.name for side in missing)
        reasons = " ".join(comp.reason for _, comp, _ in parts if comp.abstained)
        return abstain([p for _, comp, _ in parts for p in comp.cited][:3],
                       f"No figure of the kind asked was found for {names}. {reasons}".strip(), analysis,
                       "comparison")
    out = Composition(support=min(comp.support for _, comp, _ in parts), primary=parts[0][1].primary)
    names = [side.name_in(analysis.language) for side, _, _ in parts]  # a Chinese question's sides by their own titles
    lines = []
    for n, ((_, comp, _), name) in enumerate(zip(parts, names, strict=True), start=1):
        out.cited.append(comp.cited[0])
        out.quotes.append(comp.quotes[0])
        out.claims.append(Claim(comp.key_figure, (n,)))
        out.stated += comp.stated
        quote = comp.quotes[0].text
        out.claims.append(Claim(quote, (n,)))
        lines.append(f"{name}: {comp.key_figure} [{n}] — {citation_label(comp.cited[0], comp.quotes[0])}: "
                     f"“{quote}” [{n}]")
        out.trace += comp.trace
    # two questions in one ask both figures, not which is higher
    verdict = _verdict([side.name_in(analysis.language) for side, _, _ in parts],
                       _comparable([_value(comp, a) for _, comp, a in parts]), question, analysis.language,
                       laws=all(side.law and not side.label for side, _, _ in parts),
                       dates=all(a.wants == {"date"} for _, _, a in parts) or analysis.wants == {"date"},
                       periods=analysis.wants == {"duration"} or all(a.wants == {"duration"} for _, _, a in parts)) \
        if asks_comparison(question) else ""
    out.key_figure = "; ".join(f"{name}: {comp.key_figure}" for name, (_, comp, _) in zip(names, parts, strict=True))
    out.text = "\n\n".join([*([verdict] if verdict else []), *lines])
    out.trace.append(TraceStep("comparison", verdict or "two figures, not comparable", "kept"))
    return out
