"""Rules that read the question alone: what kind of ask it is, and whether it is about the corpus at all.
Each is registered by name with its examples in cues.toml."""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.duties import asking_clause
from retrieval.figures import CHOICE_OF_TWO
from retrieval.glossary import load_glossary
from retrieval.laws import article_refs, resolve_laws, unknown_law_names
from retrieval.roles import acronyms
from retrieval.rules.registry import cues, enabled
from retrieval.sentences import question_sentences

_WORD = re.compile(r"[a-z][a-z0-9/\-]*")
_LATIN_WORD = re.compile(r"[a-z][a-z0-9]*")  # "facial-recognition" is two words of the field


@lru_cache(maxsize=1)
def _domain() -> tuple[frozenset[str], tuple[str, ...]]:
    """English words and Chinese terms that put a question inside the corpus' field: the domain list, and the
    glossary's terms of art (several English words, or three Chinese characters and more; single words like
    'days' or a city's name say nothing of the field)."""
    domain = cues()["domain"]
    english = {w.lower() for w in domain["en"]}
    phrases = {term for entry in load_glossary() for term in entry.en if len(term.split()) > 1}
    chinese = set(domain["zh"]) | {t for entry in load_glossary() for t in entry.zh if len(t) >= 3}
    return frozenset(english), tuple(sorted(phrases | chinese, key=len, reverse=True))


def domain_terms(question: str) -> list[str]:
    """The words of the question that belong to data-protection and cybersecurity law."""
    english, phrases = _domain()
    lowered = question.lower()
    found = [w for w in _WORD.findall(lowered) if w in english or w.rstrip("s") in english]
    found += [t for t in phrases if t in lowered]
    return found


@lru_cache(maxsize=1)
def _subject() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The field's subjects in English and in Chinese, and the parties whose cases the corpus tells (the glossary's
    parties, in both languages)."""
    spec = cues()["subject"]
    parties = tuple(name for entry in load_glossary() if entry.party for name in (*entry.en, *entry.zh))
    return frozenset(w.lower() for w in spec["en"]), tuple(spec["zh"]), parties


def subject_terms(question: str) -> list[str]:
    """The words of the question that name what the field is about (data, networks, a CV, an ID card, a party
    whose case the corpus tells), as against the legal frame every field shares (a fine, a deadline, a court)."""
    english, chinese, parties = _subject()
    lowered = question.lower()
    words = _LATIN_WORD.findall(lowered)
    in_context = [word for word, pattern in _subject_in_context().items() if pattern.search(lowered)]
    return [w for w in words if w in english or w.rstrip("s") in english] + in_context \
        + [t for t in chinese if t in question] + [name for name in parties if name in lowered]


@lru_cache(maxsize=1)
def _subject_in_context() -> dict[str, re.Pattern[str]]:
    """The English words that name a subject of the field only in the company their pattern reads ("scan my
    face", "personal data"; cues.toml [subject] en_in_context)."""
    return {word: re.compile(pattern) for word, pattern in cues()["subject"]["en_in_context"].items()}


def names_no_subject(question: str) -> bool:
    """Inside the field, if at all, only through its frame: no law, no article, no subject of the field named
    (rule foreign_subject then asks the store whether the question names a thing of another field)."""
    return weakly_on_topic(question) and not subject_terms(question)


def subjects_outside(question: str, absorbed: tuple[str, ...]) -> list[str]:
    """The question's subjects of the field outside the `absorbed` compounds, another field's things that a
    subject word only qualifies (政府信息)."""
    for compound in absorbed:
        question = question.replace(compound, "|")
    return subject_terms(question)


def off_topic(question: str) -> bool:
    """About nothing the corpus covers: no law named (held or not), no article, no word of the field."""
    return weakly_on_topic(question) and not domain_terms(question)


def weakly_on_topic(question: str) -> bool:
    """Whether only the words of the field (not a law's name or an article) say the question is about it: the
    questions the search may still find off-topic ("the penalty for a false start in the 100m")."""
    return not (resolve_laws(question) or unknown_law_names(question) or article_refs(question))


def _direction_words() -> dict[str, tuple[str, ...]]:
    spec = cues()["rules"]["comparison"]
    return {d: tuple(spec[d]) for d in ("higher", "longer", "lower", "shorter")}


# the English comparatives that ask which of two figures is the greater or the sooner ("which is punished harder")
EN_COMPARATIVES = (r"longer|shorter|higher|lower|greater|larger|bigger|smaller|earlier|later|stricter|heavier|sooner|faster|quicker|slower|"
                   r"steeper|tougher|harsher|severer|harder|more (?:severely|heavily|harshly)")
_EN_COMPARE = re.compile(r"\bwhich (?:[\w'-]+ ){0,3}?(?:is|one is|are|has|gives|sets|takes|of the two)\b|"
                         rf"\bwhich (?:[\w'-]+ ){{1,5}}?(?:{EN_COMPARATIVES}|more|less)\b|"
                         # "which took effect first": a verb of coming into force or being made, then "first"
                         r"\bwhich (?:one |law |rule |of (?:the|these) \w+ )?(?:took|takes|came|comes|entered|enters|was|"
                         r"were|became|started|starts)\b[^?,]{0,30}?\bfirst\b|\bis (?:the )?.{3,80}?\b"
                         r"(?:higher|lower|longer|shorter|greater|larger|smaller|more|less|earlier|later|stricter)"
                         r"\s+than\b|\bcompared? (?:to|with)\b|\bversus\b|\bvs\.?\b|\bbefore or after\b|"
                         # "does the DSL allow a bigger fine for X than the PIPL does for Y?"
                         r"^\s*(?:is|are|was|were|does|do|did|can|could|will|would)\b[^?]{0,80}?\b(?:higher|lower|longer|"
                         r"shorter|greater|larger|bigger|smaller|more|less|earlier|later|stricter|heavier)"
                         r"(?:\s+[\w'’-]+){0,8}?\s+than\b|"
                         r"\bhow do(?:es)?\b[^?]{0,80}\bdiffer\b|"
                         # "is it valid for longer under the 2022 Measures or under the 2024 Provisions?"
                         r"^\s*(?:is|are|was|were|does|do|did|can|could|will|would)\b[^?]{0,80}?" + CHOICE_OF_TWO.pattern + "|"
                         # "did it get longer or shorter": the two directions offered ask which
                         r"\b(?:longer|shorter|higher|lower|greater|smaller|earlier|later|stricter|looser)\s+or\s+"
                         r"(?:longer|shorter|higher|lower|greater|smaller|earlier|later|stricter|looser)\b|"
                         r"\bwhat(?:'s| is) the difference\b", re.I)
_EN_CHOICE = re.compile(rf"\b(?:{EN_COMPARATIVES}|more|less|faster|first|before or after|differ|difference)\b", re.I)
_ZH_COMPARE = re.compile(r"哪(?:个|一个|部|项|种|边)?[^，。？]{0,10}?(?:更|比较|较)|哪(?:个|一个|部|项)(?:更)?先|"
                         r"(?:之前|以前)还是(?:之后|以后)|早于还是晚于|哪(?:个|一个|部|项|种|边)的?(?:高|低|长|短|多|少|"
                         r"早|晚|大|小|严)|(?:(?<!对)比(?!例|如|较|率|照)|相比|比较)"
                         r"[^，。？]{1,30}?(?:更|还)?(?:高|低|长|短|多|少|早|晚|大|小|严)|"
                         # "跟个保法的顶格罚款比，是更重还是一样？": the comparative after a comma (更重, never 严重)
                         r"比[，,]\s*(?:是)?(?:更|较|还要?)(?:高|低|长|短|多|少|早|晚|大|小|严|重|轻)|"
                         r"谁(?:更|的.{0,6}更)|"
                         # "two texts differ how?": each one's figure, side by side
                         r"有(?:什么|何)(?:不同|区别|差别|变化)|区别(?:在哪|是什么)")


def asks_comparison(question: str) -> bool:
    """'Which is higher, X or Y?', 'Is X longer than Y?', 'X和Y哪个更高？'"""
    if _ZH_COMPARE.search(question) or _ASKS_SAME.search(question):
        return True
    return bool(_EN_COMPARE.search(question) and _EN_CHOICE.search(question))


def asks_same(question: str) -> bool:
    """'Is X kept for the same length of time as Y?', '两者一样长吗'."""
    return bool(_ASKS_SAME.search(question))


# "is X kept for the same length of time as Y?", "两者一样长吗": whether two figures are equal asks them compared
# ("as high as CNY 50 million" states a bound, "as long as we have consent" a condition: neither compares)
_ASKS_SAME = re.compile(r"\bthe same\b[^?.]{0,40}?\bas\b|"
                        r"(?:一样|相同|相等)(?:长|高|多|久)?(?:吗|么|嘛|不|？|\?)", re.I)


_QUESTION_END = re.compile(r"[?？]")


# "when did X take effect, and when did Y?": a second question joined by "and"
_AND_ASKS = re.compile(r"[,;]\s*and\s+(?:when|what|how|which|who|where)\b|"
                       # "which figure comes from the 2022 Measures and which from the 2024 Provisions?"
                       r"\band which (?:from|under|in)\b", re.I)


def asks_two_things(question: str) -> bool:
    """Two questions in one ("X规定是多久？Y改成了多久？", "When did X take effect, and when did Y?"): two parts that
    each end in a question mark, or a second question joined by "and". Answered side by side when each part
    names a law of its own."""
    parts = [part for part in _QUESTION_END.split(question) if len(part.strip()) >= 4]
    return len(parts) >= 2 and len(_QUESTION_END.findall(question)) >= 2 or bool(_AND_ASKS.search(question))


@lru_cache(maxsize=1)
def _version_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = cues()["rules"]["two_versions"]
    return tuple(re.compile("|".join(spec[side]), re.I) for side in ("earlier", "later"))  # type: ignore[return-value]


def version_marks(question: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where the question speaks of a law's earlier text (2016年版, "before the amendment") and of its later one
    (2025年修正后, "as amended")."""
    earlier, later = _version_words()
    return ([m.span() for m in earlier.finditer(question)], [m.span() for m in later.finditer(question)])


@lru_cache(maxsize=1)
def _change_words() -> re.Pattern[str]:
    return re.compile("|".join(cues()["rules"]["what_changed"]["words"]), re.I)


def asks_what_changed(question: str) -> bool:
    """'Did X change the validity? From what to what?', 原来是多久: the figure before a change and after it."""
    return bool(_change_words().search(question))


def asks_two_versions(question: str) -> bool:
    """'The CSL's fine before and after the 2025 amendment', 网安法2016年版和2025年修正版分别是多少: both texts of a law."""
    earlier, later = version_marks(question)
    return bool(earlier and later)


# a fine a court imposes on a conviction (罚金), not an authority's administrative fine (罚款)
_CRIMINAL = re.compile(r"\bcriminal\b|\bcrimes?\b|(?<!犯)罪|\bprosecut\w*|\bconvict\w*|\bcourt['’]?s? fine|\bsentenc\w*|罚金|刑事|判处|判刑|"
                       r"定罪|坐牢", re.I)
_NOT_CRIME = re.compile(r"(?:尚?不构成|未构成|不够|没到|未到|不到|够不上)犯罪|\bno crimes?\b|\bnon-?criminal\b|(?:没有|没|未|不)(?:被)?(?:判刑|定罪|判处)|\bnot (?:a )?crim\w*|"
                        r"\bshort of a crime\b|\bnot (?:been )?(?:convicted|prosecuted|sentenced)\b|"
                        # a question setting the court's fine beside an authority's asks both
                        r"\badministrative\b|行政处罚|治安处罚", re.I)
_FINE_WORD = re.compile(r"\bfine[sd]?\b|罚金|罚款|罚多少", re.I)
CRIMINAL_SANCTION = re.compile(r"罚金|判处|有期徒刑|拘役|刑事责任|\bcriminal\b|\bimprisonment\b|\bcourt\b", re.I)


def asks_criminal_fine(question: str) -> bool:
    """'What multiple of the illegal gains is the criminal fine?', 侵犯个人信息罪判处罚金多少: a court's fine on a
    conviction, which an authority's administrative fine does not answer (a question that also speaks of an
    administrative sanction, or says there was no conviction, is not only about the court's)."""
    return bool(_CRIMINAL.search(question) and _FINE_WORD.search(question)) and not _NOT_CRIME.search(question)


def comparison_direction(question: str) -> str:
    """'higher' or 'lower' (for amounts and counts), 'longer' or 'shorter' (for periods and dates)."""
    lowered = question.lower()
    for direction, words in _direction_words().items():
        english = [w for w in words if w.isascii()]
        if any(re.search(rf"\b{w}\b", lowered) for w in english):
            return direction
    for direction, words in _direction_words().items():
        if any(re.search(rf"(?:更|较|哪(?:个|一个|部|项)){w}", question) for w in words if not w.isascii()):
            return direction
    return "higher"


_MAXIMUM = re.compile(r"\b(?:max(?:imum)?|most|highest|largest|upper limit|ceiling|cap|top)\b|最高|最多|上限|最大|顶格|封顶|最狠|最重", re.I)
_FINE = re.compile(r"\b(?:fine[ds]?|penalt(?:y|ies)|be fined)\b|罚款|处罚|罚(?:多少|几|到|得)", re.I)
# a breach described ("for failing to…", "违反…的", "if it refuses…") or an article named makes it that breach's fine
_BREACH = re.compile(r"\b(?:if|when|whenever|after|because|without|unless)\b|\bfor\s+\w+ing\b|\b(?:fail\w*|refus\w+|"
                     r"violat(?:es|ed|ing)|breach(?:es|ed|ing)|leak\w*|hand\w* over|transferr?(?:ed|ing)|sell\w*|"
                     r"collect(?:s|ed|ing)|ignor\w+|neglect\w*|doesn't|don't|didn't|does not|do not|did not|never)\b|"
                     r"如果|若|因为?|未|拒|违反|导致|造成|泄露|没(?!收)|不履行|"
                     r"不(?:改|报|按|尽|做|落实|遵守|配合|提供|采取|设立|建立|执行|开展|进行|备案|申报|通知|告知|保存|留存)|"
                     # an act described (对窃取数据…的行为), not the law's wrongdoing at large (违法行为)
                     r"(?<!违法)(?:行为|情形)|窃取|非法获取|买卖|出售|篡改|"
                     # "违法收集、使用个人信息的": an unlawful act named by its verb
                     r"(?:违法|非法|擅自)(?:收集|使用|处理|提供|出售|传输|公开|存储|采集|利用)", re.I)


@lru_cache(maxsize=1)
def _ordinals() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = cues()["rules"]["ordinal_not_stated"]
    return re.compile("|".join(spec["asked"]), re.I), re.compile("|".join(spec["stated"]), re.I)


def asks_ordinal(question: str) -> bool:
    """Whether it asks which session adopted a text or which order number issued it (第几次会议, 令第几号)."""
    return bool(_ordinals()[0].search(question))


def states_ordinal(sentence: str) -> bool:
    """Whether a sentence states a session's or an order's number (第1841次会议, 国务院令第745号, "Order No. 16")."""
    return bool(_ordinals()[1].search(sentence))


def superlatives_read(question: str) -> str:
    """The question without the names of bodies that begin with a superlative: "依据最高人民法院…的解释…多少条以上"
    asks an item's threshold, not the highest of them."""
    for name in cues()["vocab"]["superlative_names"]:
        # 最高法定刑 is the highest statutory sentence, a superlative, not the court
        question = re.sub(re.escape(name) + "(?!定)", "", question)
    return question


def asks_law_maximum(question: str) -> bool:
    """'The maximum fine under law X', naming a law and no breach or article: the law's highest tier."""
    return bool(_MAXIMUM.search(superlatives_read(question)) and _FINE.search(question) and resolve_laws(question)
                and not article_refs(question) and not _BREACH.search(question))


# "what provisions say about consent" asks what they say; "which article says we need a DPO" asks which
_WHICH_ARTICLE = re.compile(r"\bwhich\s+(?:article|provision|clause)s?\b(?!\s+\d)|"
                            r"\bwhat\s+(?:article|provision|clause)s?\b(?!\s+(?:\d|say|says))|"
                            r"\bunder which article\b|\bin which article\b|哪一?条(?!(?!规定|规|法|款)[\u4e00-\u9fff]{0,4}?(?:路|途径|渠道|线|通道))|哪个条款|第几条|什么条款", re.I)


# "which PIPL article gives…": a law's short name between the asking word and the article
_WHICH_NAMED_ARTICLE = re.compile(r"\b[Ww]hich\s+[A-Z]{2,}\s+(?:[Aa]rticle|[Pp]rovision|[Cc]lause)s?\b(?!\s+\d)|"
                                  r"\b[Ww]hat\s+[A-Z]{2,}\s+(?:[Aa]rticle|[Pp]rovision|[Cc]lause)s?\b"
                                  r"(?!\s+(?:\d|say|says))")


def asks_which_article(question: str) -> bool:
    """'Which article of the PIPL provides…': the answer is an article number. So is an article the user guesses
    and asks to have confirmed ("是第五十五条吧？", "it's Article 55, right?": rule premise_article)."""
    return bool(_WHICH_ARTICLE.search(question) or _WHICH_NAMED_ARTICLE.search(question)) or \
        bool(guessed_articles(question))


def guessed_articles(question: str) -> list[tuple[int, int]]:
    """Where the question names an article as its own guess, asking to have it confirmed ("…的是第五十五条吧？",
    "是不是第56条", "that's Article 55 of the PIPL, right?"): the article is what is asked, not where to read."""
    if not enabled("premise_article"):
        return []
    return sorted({m.span(1) for pattern in _guess_patterns() for m in pattern.finditer(question)})


@lru_cache(maxsize=1)
def _guess_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.replace("ARTICLE", _ANY_ARTICLE), re.I)
                 for p in cues()["rules"]["premise_article"]["guesses"])


_ANY_ARTICLE = (r"((?:第[一二三四五六七八九十百零〇两\d]+条(?:第[一二三四五六七八九十百零〇两\d]+款)?)|"
                r"(?:Art(?:icle)?\.?\s*\d+(?:\s*\(\d+\))?))")


def _short_names(question: str) -> list[str]:
    """The question's acronyms that are not the name of a law (CAC, DPO, CRM; not PIPL)."""
    return [a for a in acronyms(question) if a.isupper() and not resolve_laws(a)]


def context_names(question: str) -> list[str]:
    """The names a question uses as its setting, not as what it asks about (rule context_name): the acronyms of a
    question that names a law the corpus holds ("our DPO", "the CAC", "CRM data" beside "under the PIPL"), and the
    names it tells as its setting (told_as_setting). The answer need not repeat them. A brand (DiDi) is setting
    only where told_as_setting says so; a foreign regime (GDPR) is checked before this rule is read."""
    return list(dict.fromkeys(law_setting_names(question) + told_as_setting(question)))


def law_setting_names(question: str) -> list[str]:
    """The acronyms of a question that names a law the corpus holds: that law's sentence answers without them."""
    return _short_names(question) if resolve_laws(question) else []


def told_as_setting(question: str) -> list[str]:
    """The names (laws' aside) the question tells as its setting, whatever it asks: those of the scene before the
    sentence that asks ("Our SCADA system changed. How long does the regulator have…?"); one of the field's own
    vocabulary (WeChat, GPS) in a question naming another subject of the field ("GPS location… consent"; "a WeChat
    shop's business licence" is about the shop); one saying which of a subject of the field is meant ("our
    CloudTrail logs")."""
    names, subjects = _named_things(question), subject_terms(question)
    scene = _told_before_the_ask(question, names)
    return [a for a in names if a in scene or names_a_subject_s_kind(question, a)
            or ((own := subject_terms(a)) and any(term not in own for term in subjects))]


def _named_things(question: str) -> list[str]:
    """The question's acronyms and brands that name no law."""
    return [a for a in acronyms(question) if not resolve_laws(a)]


def _told_before_the_ask(question: str, names: list[str]) -> list[str]:
    """Those of the names told only in the sentences before the one that asks ("We signed with our HubSpot
    reseller. How many working days…?")."""
    asking = asking_sentence(question)
    return [a for a in names if not _as_a_word(a).search(asking)]


def _as_a_word(name: str) -> re.Pattern[str]:
    """The name standing as a word of its own (CAC, not the CAC inside "CACs" or "PICAC")."""
    return re.compile(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])")


def names_a_subject_s_kind(question: str, name: str) -> bool:
    """Whether the name stands before a word naming a subject of the field, saying which of it ("our CloudTrail
    logs", "ANPR cameras"): the question is about the logs or the cameras, the name only says whose or which."""
    following = re.compile(rf"{_as_a_word(name).pattern}\s+([A-Za-z-]+)(\s+[A-Za-z-]+)?").search(question)
    if not following:
        return False
    word, next_word = following.group(1), following.group(2) or ""
    # a word that is the field's only in company is read with the next ("OAID personal information")
    if word.lower() in _subject_in_context():
        word += next_word
    return bool(subject_terms(word))


def asking_sentence(question: str) -> str:
    """The sentence that holds the question's ask; the ones before it tell the scene."""
    sentences = question_sentences(question)
    clause = asking_clause(question).strip()
    return next((s for s in sentences if clause and clause in s), sentences[-1] if sentences else question)


@lru_cache(maxsize=1)
def _designee_asks() -> re.Pattern[str]:
    return re.compile("|".join(cues()["rules"]["designees_unnamed"]["asks"]), re.I)


def asks_designees(question: str) -> bool:
    """"Which organisations has the CAC actually designated?", 具体是哪家机构被指定来做认证: whom a body has
    designated, which a statute (saying only who designates: 由国家网信部门确定的组织) never lists."""
    return bool(_designee_asks().search(question))
