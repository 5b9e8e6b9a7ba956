"""What a question asks: its language, type, the figure kinds it wants, the laws and articles it
names, and the search terms in both languages (glossary expansion)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest.lexical import tokenize
from ingest.manifest import load_manifest
from ingest.normalise import detect_language
from retrieval.classes import RULE as CLASS_RULE
from retrieval.classes import classified_term
from retrieval.duties import (
    asked_activities,
    asked_duty,
    asking_clause,
    assessment_kinds,
    authority_level,
    breached_articles,
    routes,
)
from retrieval.figures import (
    ASKS_WHICH_DATE,
    TIME_UNITS_EN,
    as_of_day,
    asked_units,
    count_year,
    extract_figures,
    question_wants,
    stated_months,
    yes_or_no,
)
from retrieval.glossary import glossary_pairs
from retrieval.laws import (
    SECONDARY_KINDS,
    ArticleRef,
    amending_decisions,
    article_refs,
    background_laws,
    earlier_versions,
    law_spans,
    law_titles,
    resolve_laws,
    split_title_laws,
    strip_law_names,
    unknown_law_names,
)
from retrieval.occasions import RULE as OCCASION_RULE
from retrieval.occasions import occasion
from retrieval.roles import (
    acronyms,
    amended_in,
    asked_count_noun,
    asks_after_event,
    asks_by_date,
    asks_challenge_time,
    asks_earlier_text,
    asks_extension,
    asks_lead_time,
    asks_processing_time,
    audience,
    institution_names,
    institution_places,
    money_roles,
    period_roles,
    places_named,
    retained_thing,
    retains_data,
    sanctions_answer,
    validated_thing,
    version_year,
)
from retrieval.rules.asks import (
    asking_sentence,
    asks_comparison,
    asks_criminal_fine,
    asks_law_maximum,
    asks_which_article,
    guessed_articles,
)
from retrieval.rules.registry import enabled
from retrieval.sentences import sentences_asking

QUESTION_TYPES = ("penalty", "threshold", "deadline", "date", "authority", "procedure")

_TYPE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("penalty", re.compile(r"\b(fine[ds]?|penalt(?:y|ies)|sanction|punish\w*|liabilit(?:y|ies)|confiscat\w*|"
                           r"imprison\w*|criminal)\b|罚款|处罚|罚金|没收|法律责任|有期徒刑|拘役", re.I)),
    ("deadline", re.compile(r"\b(within|deadline|how long|how many (?:working )?(?:days|hours|months|years)|"
                            r"time limit|period|valid(?:ity)?|expire\w*|retain\w*|retention)\b|期限|以内|之日起|"
                            r"多久|多长时间|工作日|有效期|保存", re.I)),
    ("date", re.compile(r"\b(when|what date|which date|effective|take[s]? effect|came into force|in force since|"
                        r"enter(?:ed)? into force|promulgat\w*|adopted)\b|何时|什么时候|施行|生效|哪一天|日期", re.I)),
    ("threshold", re.compile(r"\b(how many|threshold|more than|at least|fewer than|less than|below|above|"
                             r"exceed\w*|number of|million (?:individuals|people|users)|volume)\b|多少人|"
                             r"以上|以下|超过|不满|累计|数量|门槛", re.I)),
    ("authority", re.compile(r"\b(which article|what article|who|which (?:authority|department|body|agency|regulator)|"
                             r"competent|responsible for)\b|哪一条|哪条|哪个部门|由谁|主管部门|负责", re.I)),
]


_ARTICLE_WORDS = re.compile(r"\b(?:articles?|art\.?)\s*\d+(?:\(\d+\))?|第[零一二三四五六七八九十百千\d]+[条款项]", re.I)
# words that ask rather than describe: they say nothing about whether a passage is on topic
QUESTION_WORDS_TEXT = (
    "what whats when which who how much many long often maximum minimum most least under according china chinese "
    "law laws rule rules regulation regulations provision provisions measure measures say set require required "
    "must need company companies 多少 什么 哪些 哪个 是否 规定 最高 最低 怎么 何时 多久"
)
QUESTION_WORDS = frozenset(tokenize(QUESTION_WORDS_TEXT))
# "(not location, credit or property data)", "other than sensitive data", "不包括敏感个人信息": what the question
# sets aside must not pull the answer towards the very provision it excludes
# (an example that says what was not done — "(e.g., not cutting off sellers…)" — describes the breach; it sets
# nothing aside)
_NEGATED = re.compile(r"[(（](?!\s*(?:e\.\s?g\.?|eg\b|for example|for instance|such as|例如|比如|譬如))[^)）]{0,20}?(?:\bnot\b|excluding|except|other than|apart from|非|不是|并非|不属于|不包括|不涉及|"
                      r"不含|不包含|除)[^)）]*[)）]|"
                      r"\b(?:other than|excluding|except for|apart from)\b[^,;.?()]*|(?:不包括|除了?)[^，；。？]*?(?:以外|之外|外)(?![，,]?\s*还)|"
                      # "a leak with no national-security or public-interest impact": the consequences it rules out
                      r"\bno\s+[\w\s-]{0,40}?\b(?:impact|implications?|risks?|effects?|harm)\b|"
                      r"不涉及[^，；。？]{1,20}?(?:的|，|。|？|$)|"
                      # "an ordinary leak, nothing to do with national security", 跟国家安全没关系: set aside in words
                      # ("collects information unrelated to its services", 与其提供的服务无关: the breach, not set aside)
                      r"\bnothing to do with\b[^,;.?()]*|"
                      r"\b(?:does not|doesn't|do not|don't)\s+(?:involve|concern|touch on)\b[^,;.?()]*|"
                      r"(?:和|跟)[^，；。？和跟与]{1,12}?(?:没关系|没有关系|不沾边)",
                      re.I)
# what the asker says it is not ("we are not a CII operator", （不是关键信息基础设施运营者）, 没有被认定为重要数据处理者):
# a duty binding that kind of party is not theirs
_NOT_WHO = re.compile(r"(?:\b(?:we are|we're|it is|it's|is|are)\s+|[-–—,;:(]\s*)(?:[a-z]+ly\s+)?not\s+(?:a|an)\s+"
                      r"([^,;.?()]{2,40})|"
                      r"\bnon-([A-Z][A-Za-z]{1,10}(?: operators?)?)\b|"
                      r"[(（]?\s*(?:不是|并非|不属于|没有被认定为|未被认定为|并未被认定为|尚未被认定为)([^，；。？)）]{2,24})", re.I)
_ANY_ACTOR = re.compile(r"^(?:运营者|处理者|提供者|经营者|平台|企业|单位|个人)$")
# "an ordinary network operator", 一般网络运营者: the statutes' plain operator, as against a CII operator
_ORDINARY_OPERATOR = re.compile(r"(?:一般|普通)的?网络运营者|\b(?:ordinary|general|regular|normal)\s+network\s+operators?\b",
                                re.I)

# "a network operator that refuses to fix…", no word of critical infrastructure: the plain operator too
_PLAIN_OPERATOR = re.compile(r"网络运营者|\bnetwork operators?\b", re.I)
_CII_WORD = re.compile(r"关键信息基础设施|关基|\bCIIOs?\b|\bCII\b|critical information infrastructure", re.I)


def not_who(question: str) -> frozenset[str]:
    """The kinds of party the question says the asker is not, in the statutes' words without 的
    (关键信息基础设施运营者, 重要数据处理者)."""
    found: set[str] = set()
    for m in _NOT_WHO.finditer(question):
        if m.group(3):
            # "（不是个人）" says who is fined (the audience), not a kind of party whose duties these are not
            kind = m.group(3).strip().replace("的", "")
            found.update([] if _ANY_ACTOR.match(kind) else [kind])
        else:
            found.update(t.replace("的", "") for _, t in glossary_pairs(m.group(1) or m.group(2))
                         if re.search(r"[\u4e00-\u9fff]{4,}", t) and not _ANY_ACTOR.match(t))
    if _ORDINARY_OPERATOR.search(question) or (_PLAIN_OPERATOR.search(question) and not _CII_WORD.search(question)):
        found.add("关键信息基础设施")
    return frozenset(found)


def not_who_spans(question: str) -> list[str]:
    """The words in which the question says what the asker is not ("We're not a CIIO"): the names in them set
    the scene, and the answering passage need not repeat them."""
    return [m.group(0) for m in _NOT_WHO.finditer(question)]


# "…valid, and how early can we apply to extend it?", "…，以及多少天内…": a second question joined to the first
_SECOND_ASK = re.compile(r"[,;，；]\s*(?:and|while|plus|versus|vs\.?|as against)\s+(?=(?:(?:under|in|per|according to)\b[^,?]{0,40}?,?\s)?"
                         # "…, and on what date did they take effect?", "…, and from when do they apply?"
                         r"(?:(?:on|from|as of|at|since)\s+)?(?:how|what|when|which|within|by when|by how|is|are|does|do|can|must)\b)|"
                         # "…, and if we later shut the service down, how long do we have to deregister?"
                         r"[,;]\s*and\s+(?=(?:if|when|once|after|where)\b[^?]*?,?\s+(?:how|what|when|which|within|by when)\b)|[，；](?:以及|并且|另外|同时|还有|又|那|而)(?=[^，；。？]*(?:多少|几|多久|多长|何时|什么时候|哪))|"
                         # "有效期多久？需要延长的，应在…多少个工作日内提出申请？": two questions in a row
                         # "个保法是哪天通过、哪天施行的？", "When was it adopted and when did it take effect?"
                         r"[，,、]\s*(?=(?:哪(?:天|一天|年|日)|何时|什么时候)[^，、。？]{1,10}[的？?])|\s+and\s+(?=when\s+(?:did|was|is|does|will)\b)|"
                         r"[?？]\s*(?=\S)", re.I)


# a law named to compare with ("和个保法一样", "like the PIPL", "as under the GDPR"): not the law asked about
_COMPARED = re.compile(r"(?:和|跟|与|同)([^，。？、]{1,20}?)(?:一样|相同|类似|相比|拉齐|看齐|对齐|一致|接轨)|像([^，。？、]{1,20}?)(?:一样|那样)|"
                       r"\b(?:like|unlike|as (?:under|in)|compared (?:with|to)|similar to|same(?:\s+[\w%.-]+){0,3}?\s+as)\s+(?:the\s+)?"
                       r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})", re.I)
# a text the question says is in force is its final one too ("the Audit Measures that took effect in May 2025")
_FINAL = re.compile(r"\bfinal(?:i[sz]ed)?\b|\bofficial (?:version|text)\b|正式(?:版|稿|发布|施行|文本)|最终|"
                    r"\b(?:that|which)\s+(?:took|came|(?:have|has)\s+(?:taken|come))\s+(?:effect|into\s+force)\b|"
                    r"\b(?:now|currently)\s+in\s+(?:force|effect)\b|已(?:经)?(?:正式)?(?:施行|生效)的", re.I)
# a draft of the rules, not the user's own drafts ("draft IPO docs", "our draft contract", "the draft privacy policy")
DRAFT_CUE = re.compile(r"\bdraft\b(?!\s+(?:[\w-]+\s+)?(?:IPO|listing|prospectus(?:es)?|contracts?|agreements?|docs?|"
                       r"documents?|emails?|letters?|reports?|polic(?:y|ies)|notices?|plans?|responses?|replies|"
                       r"submissions?|applications?|forms?|filings?|declarations?)\b)|草案|征求意见稿", re.I)
# "the DSL itself", and a duty said to be the law's own ("how often does the DSL require…", 数安法要求…): the rules
# made under it do not answer what the law itself requires
_ITSELF = re.compile(r"\b(?:itself|themselves)\b|本身|自身|"
                     r"\b(?:does|do|did)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,5}\s+(?:require|mandate)\b|"
                     r"(?:法|条例)(?:明确)?要求(?!的)")


def split_asks(question: str) -> tuple[str, str]:
    """The question, and its second ask when it joins two that each ask for a figure or an article ("" otherwise):
    "数安法哪一条禁止…？如果没批就给了，单位最高罚多少？" asks the article, then the fine."""
    m = _SECOND_ASK.search(question)
    if not m:
        return question, ""
    first, second = question[:m.start()], question[m.end():]
    second = _completed(first, second)
    # "…可以吗？多长时间内不行？" asks one figure: the yes-or-no half leads up to it
    both = all((question_wants(half) or asks_which_article(half)) and not yes_or_no(half) for half in (first, second))
    if not both and _inherits_kind(first, second):
        both = True  # "what fine can the company get, and what's the range for the managers?": a fine too
    return (first, second) if both else (question, "")


# a second ask that names no kind of figure ("what's the range for…", "and what about…") asks the first's kind
_BARE_ASK = re.compile(r"^\s*(?:what(?:'s| is| are)?|how much|and what|what about|how about)\b", re.I)


def _inherits_kind(first: str, second: str) -> bool:
    return bool(question_wants(first)) and not yes_or_no(first) and not question_wants(second) \
        and bool(_BARE_ASK.match(second))


# "…多少条就构成“情节严重”？如果是姓名、电话这类普通信息呢？": a second ask that names only what it is about
_ELLIPTICAL = re.compile(r"^\s*(?:那么?)?(?:如果|要是|假如|若|换成)?(?:是|对于|对)?(?P<subject>[^？?。]{2,30}?)(?:的话)?呢\s*[？?]?\s*$")
_ASK_CLAUSE = re.compile(r"(?:多少|几|多久|多长|何时|什么时候|哪)[^？?]*")


# "…how many working days after launch…, and how many after shutting it down?": the second "how many" leaves out
# the unit the first named
_ELIDED_UNIT = re.compile(r"^(\s*(?:and\s+)?how many)(?=\s+(?:after|before|for|if|when|once|under|in|to|from|until|by|"
                          r"since|following|upon|on)\b)", re.I)
_FIRST_UNIT = re.compile(rf"\bhow many\s+((?:working |business |calendar )?{TIME_UNITS_EN})\b", re.I)


def _completed(first: str, second: str) -> str:
    """An elliptical second ask asks what the first asked, of its own subject: the subject, then the first ask's
    asking clause ("姓名、电话这类普通信息，多少条就构成…“情节严重”？"); a bare "how many after…" asks in the
    first's unit."""
    if (bare := _ELIDED_UNIT.match(second)) and (unit := _FIRST_UNIT.search(first)):
        return f"{bare.group(1)} {unit.group(1)}{second[bare.end():]}"
    ellipsis, clause = _ELLIPTICAL.match(second), _ASK_CLAUSE.search(asking_sentence(first))
    if ellipsis is None or clause is None or question_wants(second):
        return second
    return f"{ellipsis.group('subject')}，{clause.group(0)}？"


def _one_character(phrase: str) -> bool:
    return len(phrase) == 1 and "\u4e00" <= phrase <= "\u9fff"


def without_exclusions(question: str) -> str:
    # a tier the question sets aside ("not a 'grave' case") stays: its words find the article that states both
    # tiers in one sentence (DSL Art. 46), and the tier is set aside when its figures are read
    return " ".join(_IN_HAND.sub(" ", _NEGATED.sub(" ", question)).split())


# "Besides a security assessment, what filing do we need?", 除了安全评估，还要办什么备案: what the asker already has
# in hand is not what is asked, yet no exclusion either: the provision asked often names both (…开展安全评估，并…履行
# 算法备案手续), so its words only stop pulling the answer towards sentences about it. "Besides the procuratorate, who
# else can sue?" asks the rest of a list that names it: there it points to the answer and stays
_IN_HAND = re.compile(r"\b(?:besides|in addition to)\b(?![^?]*?\b(?:who|what|which|anyone|anybody|anything)\s+else\b)[^,;.?()]+|"
                      r"除了?[^，；。？]{1,20}?(?:以外|之外|外)?(?=[，,]?\s*还(?!有(?:谁|哪|几|多少|什么人|其他)|可以找谁))", re.I)


# "the regulator does not treat the case as 'grave'", 情节不严重: the serious tier is what it sets aside
_NOT_SERIOUS = re.compile(r"\b(?:not|isn't|wasn't|aren't|never)\b(?:\s+[\w'’]+){0,5}?\s+['‘\"“]?(?:grave|serious|severe)\b|"
                          r"情节(?:也|并|尚)?不(?:算|属于)?严重|不属于情节严重|(?:并非|未达到)情节严重", re.I)


# "（不是个人）", "(not the individuals)": the negation says whose fine is asked (the audience), and the word
# would set aside every clause naming 个人信息
_AUDIENCE_ONLY = re.compile(r"^[(（]\s*(?:not|非|不是|并非)\s*(?:the\s+)?(?:个人|单位|公司|企业|individuals?|persons?|"
                            r"managers?|compan(?:y|ies)|entit(?:y|ies)|organi[sz]ations?)\s*[)）]$", re.I)


def exclusions(question: str) -> str:
    negated = [m.group(0) for m in _NEGATED.finditer(question) if not _AUDIENCE_ONLY.match(m.group(0))]
    if _NOT_SERIOUS.search(question):
        negated.append("情节严重")
    return " ".join(negated)


@dataclass
class QueryAnalysis:
    question: str
    language: str
    question_type: str
    wants: set[str]
    laws: list[str]
    articles: list[ArticleRef]
    expansion: list[str]
    tokens: list[str] = field(default_factory=list)
    content_tokens: set[str] = field(default_factory=set)  # tokens of the question itself (no expansion)
    expansion_tokens: set[str] = field(default_factory=set)
    topic_tokens: set[str] = field(default_factory=set)  # the question without law names and article numbers
    glossary_tokens: set[str] = field(default_factory=set)  # question tokens the glossary could translate
    # the question without the laws it names, in both languages: searched within those laws, where their
    # names match every passage and would drown the words that say what is asked
    scoped_tokens: list[str] = field(default_factory=list)
    scoped_content: set[str] = field(default_factory=set)  # its own-language part
    scoped_expansion: set[str] = field(default_factory=set)  # its glossary translation
    background_laws: set[str] = field(default_factory=set)  # named laws another named document is about
    # tokens every language writes alike (2022, PIPL, CAC): they match across languages without a glossary
    neutral_tokens: set[str] = field(default_factory=set)
    # the tokens (own and translated) only its scene uses, not the sentences that ask ("We're a game studio with 3M
    # MAU. What route applies?"): sentence scoring weighs them less (compose.SCENE_WEIGHT)
    scene_tokens: frozenset[str] = frozenset()
    excluded_terms: set[str] = field(default_factory=set)  # what the question sets aside, in both languages
    ordinary: bool = False  # it asks of ordinary information ("普通个人信息"): a list's residual item answers
    duration_units: set[str] = field(default_factory=set)  # the units a duration may be in ("how many hours")
    sanctions_answer: bool = True  # whether a fine's or a detention's figure can answer it
    money_roles: tuple[str, ...] = ()  # money other than a fine it asks about ("fee", "tax"): the answer must name it
    count_noun: str = ""  # what "how many …" counts, as written
    named_places: tuple[str, ...] = ()  # places it names, in English lower case: a document titled by one is about it
    unknown_laws: list[str] = field(default_factory=list)  # laws it names that the corpus does not hold
    period_roles: tuple[str, ...] = ()  # the period it names by what it is ("validity"): the answer must name it
    retained: str = ""  # of a retention period, what is kept (报告, "log"): the answer must keep the same thing
    retains_data: bool = False  # it asks how long personal information itself is kept: a document's period is not it
    validated: tuple[str, ...] = ()  # of a validity, what stays valid (认定, 结果): the answer must be about it
    classified: str = ""  # the defined class a threshold is asked to make something (重要数据): answered by a definition
    acronyms: list[str] = field(default_factory=list)  # ICP, MIIT: names the answering passage must use too
    held_names: frozenset[str] = frozenset()  # of those, the ones the store uses somewhere (set by the searcher)
    # the words it names a procedure by (ICP备案) that few stored passages use (set by the service): the answering
    # passage must name them
    procedures: tuple[str, ...] = ()
    # the acts asked that few stored passages state (管辖, jurisdiction): rule act_not_stated
    rare_acts: tuple[tuple[str, ...], ...] = ()
    # the articles it names of laws the corpus does not hold that no stored passage cites (set by the service):
    # rule unheld_article
    uncited_articles: tuple[str, ...] = ()
    # the charges it names (帮助信息网络犯罪活动罪) that no stored passage names (set by the service): rule unheld_crime
    unheld_charges: tuple[str, ...] = ()
    # the quoted terms it asks something to count as (算“数额特别巨大”) that no stored passage uses (set by the
    # service): rule unused_term
    unused_terms: tuple[str, ...] = ()
    # shares of its Latin words and of its Chinese characters no stored passage uses (set by the service)
    unseen: tuple[float, float] = (0.0, 0.0)
    # with no subject of the field named, the things it names that no stored passage or glossary entry uses
    # (set by the service): positive evidence that it is about another field
    foreign: tuple[str, ...] = ()
    criminal: bool = False  # asks a court's fine on a conviction (罚金), not an authority's (罚款)
    off_topic_chance: float = 0.0  # the learned topic model's probability that it is outside the field (service)
    law_maximum: bool = False  # "the maximum fine under law X", no breach named: that law's highest tier
    which_article: bool = False  # "which article provides…": the answer is an article number
    institutions: list[str] = field(default_factory=list)  # 中国银行, "Bank of China": the answering sentence's too
    places: list[str] = field(default_factory=list)  # Guangzhou (Internet Court): the answering sentence's place
    law_itself: bool = False  # "the DSL itself", "本身": only the named law's own text may answer
    bearer: str = ""  # who it says must act ("authority", "party", "individual"): a deadline is someone's
    bearer_level: str = ""  # of an authority: "provincial" or "national"
    activities: frozenset[str] = frozenset()  # the acts it asks about ("assessment", "report")
    routes: frozenset[str] = frozenset()  # the transfer routes it names (assessment, standard contract, certification)
    assessments: frozenset[str] = frozenset()  # the kinds of assessment it names (impact, risk, security, self)
    by_date: bool = False  # it asks the date something is due by, not the date a count starts from
    version_year: int = 0  # the year of the version of a text it asks about ("2020年版"): another year's does not answer
    amended_in: int = 0  # the year of the amendment it asks about: an earlier date is not the amendment's
    extension: bool = False  # it asks how long an extension is: only a clause extending by a stated time answers
    lead_time: bool = False  # it asks how long before an event ("提前多少天"), not how long after one
    after_event: bool = False  # it asks how long after an event ("变更后多少天内"), not how long before one
    processing_time: bool = False  # it asks how long a body takes to act ("多久批下来"): no validity answers
    challenge_time: bool = False  # it asks the applicant's time to challenge ("多少个工作日内申请复审")
    audience: str = ""  # whom it asks a figure for: "individuals" (the managers), "entity", or "" (both)
    final_text: bool = False  # it asks what the final (not the draft) text says
    occasion: str = ""  # the occasion of the act it asks about: "first" (首次认定) or "repeat" (重新认定), or ""
    breached: frozenset[int] = frozenset()  # the articles it says were breached (违反了…第二十四条)
    not_who: frozenset[str] = frozenset()  # the kinds of party it says the asker is not (关键信息基础设施运营者)
    as_of: float | None = None  # the day it asks a count or total for ("as of 30 June 2024")
    # the periods its scene already states ("已经在15个工作日内申请了复评"): the answer is another period
    given_periods: tuple[tuple[float, str], ...] = ()
    # the months of the dates it states ("the decision adopted in October 2025: when does it take effect?"), which
    # a sentence stating another date does not answer with
    given_months: frozenset[int] = frozenset()
    # the periods an extension ask says are extended ("by how many days can the 90-day review be extended?")
    extended_periods: tuple[float, ...] = ()
    earlier_text: bool = False  # it asks what an earlier text said: the later one that amends it does not answer
    follow_up: QueryAnalysis | None = None  # a second ask ("…, and how early can we apply to extend it?")
    first_ask: str = ""  # when there is a second ask, the words of the first ("on what date was it adopted")

    @property
    def reported_count(self) -> bool:
        """It asks a count for a day or a year (截至2024年底…有多少个, "how many cases in 2022"): a fact no statute
        states, which guides and articles report."""
        return "count" in self.wants and bool(self.as_of or count_year(self.question))

    @property
    def leading_ask(self) -> str:
        """The words of the ask that leads: the first of two asks, else the whole question."""
        return self.first_ask or self.question

    def law_of(self, ref: ArticleRef) -> str | None:
        """The law an article the question names belongs to: its own, or else the first law the question names."""
        return ref.doc_id or (self.laws[0] if self.laws else None)

    def without_named_laws(self) -> QueryAnalysis:
        """The same question searched across the whole corpus, as if it named no law."""
        return replace(self, laws=[], articles=[], scoped_tokens=[], scoped_content=set(), scoped_expansion=set(),
                       background_laws=set())


def classify(question: str, wants: set[str]) -> str:
    for name, pattern in _TYPE_CUES:
        if pattern.search(question):
            if name == "threshold" and "amount" in wants and "count" not in wants:
                return "penalty"
            if name == "date" and wants and "date" not in wants:
                continue  # 施行, 生效 setting the scene ("合同生效以后…多少天内") of a question asking another figure
            return name
    if "amount" in wants:
        return "penalty"
    if "count" in wants:
        return "threshold"
    if "duration" in wants:
        return "deadline"
    if "date" in wants:
        return "date"
    return "procedure"


# What the first of two asks decides for the whole question: which figure answers first ("how long is it valid"
# wants years even when the second asks in working days), and the words that choose the sentence answering first
# (the second ask's "初步审查…完成" would choose its own sentence for both).
_FIRST_ASK_DECIDES = (
    "wants", "question_type", "duration_units", "count_noun", "money_roles", "period_roles", "retained", "validated",
    "classified", "bearer", "bearer_level", "activities", "by_date", "lead_time", "after_event", "processing_time", "challenge_time",
    "extension", "audience", "which_article", "law_maximum", "occasion", "content_tokens", "expansion_tokens",
)


def analyse(question: str, tokenizer: str = "bigram") -> QueryAnalysis:
    analysis = _analyse(question, tokenizer)
    first, second = split_asks(question)
    if second:
        # the whole question is searched; its first ask decides what answers first
        asked = _analyse(first, tokenizer)
        first_readings = {name: getattr(asked, name) for name in _FIRST_ASK_DECIDES}
        analysis = replace(analysis, **first_readings, first_ask=first,
                           follow_up=_second_ask(first, second, tokenizer, analysis.laws))
    return analysis


def _second_ask(first: str, second: str, tokenizer: str, laws: list[str]) -> QueryAnalysis:
    """The second ask; one naming no law asks of the laws the question named ("when was PIPL passed, and when did
    it take effect?"). One asking a fine is read with the scene the question set before its first ask ("The
    regulator treats the case as serious. What can the company be fined, and what the managers?"): the tier the
    scene sets holds for both."""
    follow = _analyse(second, tokenizer)
    inherited = question_wants(first) if _inherits_kind(first, second) else set()
    asking = asking_sentence(first).strip()
    at = first.rfind(asking) if asking else -1
    if "amount" in (inherited or follow.wants) and at > 0 and first[:at].strip():
        follow = _analyse(f"{first[:at].strip()} {second}", tokenizer)
    if inherited:
        follow = replace(follow, wants=inherited)
    return follow if follow.laws else replace(follow, laws=list(laws))


def given_periods(question: str) -> tuple[tuple[float, str], ...]:
    """The periods the question states outside the clause that asks: what the asker has done or knows ("we
    applied within the 15 working days; how long does the office have?"), which do not answer it. A question
    that asks whether a stated period holds ("is it 30 days?") is a yes-or-no one and keeps them; so does a
    comparison ("Order 11 said 2 years: which validity is longer now?"), whose stated period is one of its sides."""
    if yes_or_no(question) or _ASKS_WHICH_SOURCE.search(question) or asks_comparison(question):
        return ()
    clause = asking_clause(question)
    scene = question.replace(clause, " ") if clause and clause != question else ""
    return tuple((f.value, f.unit) for f in extract_figures(scene)
                 if f.kind == "duration" and not _offered(scene, f.start, f.end))


# "one memo says two years, another says three: which figure comes from the 2022 Measures?": the periods stated are
# what is asked about
_ASKS_WHICH_SOURCE = re.compile(r"\bwhich (?:figure|number|period|one|value)s? (?:comes?|came|is|are|was) (?:from|in|under)\b|"
                                r"哪个(?:数字|说法|期限)?(?:出自|来自)|"
                                # "the Measures say 2 years but I keep hearing 3: which is it now?"
                                r"\bwhich (?:one )?is (?:it|right|correct|true)\b|\bwhich (?:figure|number|period|one) is "
                                r"(?:right|correct|true)\b|(?:到底|究竟)(?:是)?哪个|哪个(?:说法)?(?:才)?(?:是)?(?:对|正确)", re.I)
# a period offered as one of the answers ("到底是2年还是3年", "2 years as in the 2022 Measures, or longer now?"):
# asked about, not stated
_OPTION_AFTER = re.compile(r"[^。？?；;]{0,60}?(?:还是|或是|\bor\b)", re.I)
_OPTION_BEFORE = re.compile(r"(?:还是|或是|\bor\b)\s*$", re.I)


def _offered(text: str, start: int, end: int) -> bool:
    return bool(_OPTION_AFTER.match(text, end) or _OPTION_BEFORE.search(text[max(0, start - 6):start]))


# "普通个人信息", "ordinary personal information": what a list's residual item covers ("第三项、第四项规定以外的…")
# ordinary information named by its plain kinds too: 普通的姓名手机号, "ordinary names and phone numbers"
_ORDINARY = re.compile(r"(?:普通|一般|其他|其它)(?:的)?(?:公民)?(?:个人信息|姓名|手机号|电话|联系方式|通讯录)|"
                       r"\b(?:ordinary|general|other|regular|normal|everyday|plain)\s+(?:personal\s+(?:information|data)|"
                       r"PI|names?|(?:mobile|phone|contact) (?:numbers|details))\b", re.I)


def asks_ordinary(question: str) -> bool:
    """Rule residual_item: the question asks of ordinary information, which an enumerated list's residual item
    (…规定以外的公民个人信息五千条以上) covers, not the items it names."""
    return enabled("residual_item") and bool(_ORDINARY.search(question)) and not _SET_AGAINST.search(question)


# a comparison sets ordinary information beside a named kind: each side is asked on its own
_SET_AGAINST = re.compile(r"\bversus\b|\bvs\.?|\bcompared (?:with|to)\b|\bagainst\b|相比|比较|对比|分别|各自|、", re.I)


def extended_periods(question: str) -> tuple[float, ...]:
    """Rule extended_period: the lengths of the periods an extension ask names ("by how many working days can the
    90-day period be extended?"). Only a sentence stating such a period says how long that period may be extended:
    the 15 days an initial 30-day review may run over are the careless answer. A yes-or-no ask names none."""
    if not enabled("extended_period") or yes_or_no(question) or not asks_extension(question):
        return ()
    return tuple(sorted({f.value for f in extract_figures(question) if f.kind == "duration"}))


def extends_stated_period(question: str) -> bool:
    """The predicate of rule extended_period (cues.toml `fires`): its examples name a period to be extended."""
    return bool(extended_periods(question))


def _asked_laws(question: str, laws: list[str]) -> list[str]:
    """The laws the asking sentence names, when it names any: "I read the CSL amendment aligned fines with the
    PIPL. What % can a CII operator be fined under the amended CSL?" asks the CSL; the PIPL is the reader's scene.
    A guide named anywhere stays: it says where to look."""
    sentence = asking_sentence(question)
    if len(laws) < 2 or sentence.strip() == question.strip():
        return laws
    asked = set(resolve_laws(sentence))
    if not asked:
        return laws
    guides = {e.id for e in load_manifest().entries if e.kind in SECONDARY_KINDS}
    return [law for law in laws if law in asked or law in guides]



_EN_ARTICLE_OWNER = re.compile(r"\b(?:which|what)\s+((?:[A-Z][\w'’-]*\s+){1,5})(?:article|provision|clause)s?\b|"
                               r"\b(?:which|what)\s+(?:article|provision|clause)\s+(?:of|in)\s+(?:the\s+)?"
                               r"((?:[A-Z][\w'’-]*\s*){1,6})", re.I)
_ZH_WHICH_ARTICLE = re.compile(r"哪一?条|第几条")


def _article_owner(question: str) -> set[str]:
    """The law an article is asked of ("which DSL article", "which article of the PIPL", 数安法哪一条): the
    other laws named set the scene."""
    if m := _EN_ARTICLE_OWNER.search(question):
        return set(resolve_laws(m.group(1) or m.group(2)))
    if m := _ZH_WHICH_ARTICLE.search(question):
        before = [question[start:end] for start, end, _ in law_spans(question) if 0 <= m.start() - end <= 8]
        return set(resolve_laws(before[-1])) if before else set()
    return set()


def _laws_asked_of(question: str, wants: set[str]) -> list[str]:
    """The laws the question asks about: named, less those it only compares with, in the version it asks for."""
    laws = resolve_laws(question) or split_title_laws(question)
    compared = {law for m in _COMPARED.finditer(question) for law in resolve_laws(next(g for g in m.groups() if g))}
    if compared and any(law not in compared for law in laws):
        laws = [law for law in laws if law not in compared]  # "听说和个保法一样是5%？": the PIPL is not asked about
    laws = _asked_laws(question, laws)
    if len(laws) > 1 and (owned := [law for law in laws if law in _article_owner(question)]):
        laws = owned  # "which DSL article fines breaches of the outbound rules": the DSL is asked
    if asks_earlier_text(question):
        laws = earlier_versions(laws)
    if "date" in wants and (year := amended_in(question)):
        laws += amending_decisions(laws, year)
    elif "date" in wants and _LAW_ADOPTED.search(question) and not _AMENDED.search(question):
        # "when was the CSL adopted": the text first adopted says so (the consolidated text does not)
        laws = list(dict.fromkeys(earlier_versions(laws) + laws))
    return laws


_LAW_ADOPTED = re.compile(r"(?<![没未不])通过(?!评估|审查|认证|安全评估|检测)|\badopt(?:ed|ion)?\b|\bpassed\b|\benact\w*", re.I)
_AMENDED = re.compile(r"修正|修改|修订|\bamend\w*|\brevis\w*", re.I)


def _scoped(laws: list[str], topic: str, tokenizer: str) -> tuple[list[str], list[str]]:
    """The question's own tokens and its translations' within the laws it names: what a law's own name says
    (CII → 关键信息基础设施 in the CII Regulations) is said by every article, and tells none apart."""
    if not laws:
        return [], []
    titles = [title.lower() for title in law_titles(laws)]
    topic_expansion = " ".join(dict.fromkeys(translation for _, translation in glossary_pairs(topic)
                                             if not any(translation.lower() in title for title in titles)))
    return ([t for t in tokenize(topic, tokenizer) if t not in QUESTION_WORDS],
            [t for t in tokenize(topic_expansion, tokenizer) if t not in QUESTION_WORDS])


def _without_guesses(question: str) -> str:
    """The question with the articles it names only as the user's guess blanked (rule premise_article): those are
    what is asked, not where to read."""
    for start, end in reversed(guessed_articles(question)):
        question = question[:start] + " " * (end - start) + question[end:]
    return question


def _analyse(question: str, tokenizer: str) -> QueryAnalysis:
    language = detect_language(question)
    wants = set(question_wants(question))
    if enabled("which_article") and asks_which_article(question):
        # 第几条 asks an article's number: neither a quantity nor the period its scene mentions (“无期限”)
        wants = set()
    laws = _laws_asked_of(question, wants)
    articles = article_refs(_without_guesses(question))
    asked = without_exclusions(question)
    pairs = glossary_pairs(asked)
    expansion = list(dict.fromkeys(translation for _, translation in pairs))
    own = tokenize(asked, tokenizer)
    extra = tokenize(" ".join(expansion), tokenizer)
    unnamed = strip_law_names(asked)  # what is asked, without the laws it is asked of
    topic = _ARTICLE_WORDS.sub(" ", unnamed)
    scoped_own, scoped_extra = _scoped(laws, topic, tokenizer)
    set_aside = exclusions(question)
    # a glossary term of one Chinese character (内 "within") found inside a word of what is set aside (内部员工) is
    # no term of it
    excluded = {phrase.lower() for pair in glossary_pairs(set_aside) if not any(_one_character(p) for p in pair)
                for phrase in pair} if set_aside else set()
    return QueryAnalysis(
        question=question,
        language=language,
        question_type=classify(question, wants),
        wants=wants,
        laws=laws,
        articles=articles,
        expansion=expansion,
        tokens=own + extra,
        content_tokens=set(own),
        expansion_tokens=set(extra),
        topic_tokens=set(tokenize(topic, tokenizer)) - QUESTION_WORDS,
        glossary_tokens=set(tokenize(" ".join(term for term, _ in pairs), tokenizer)),
        scoped_tokens=scoped_own + scoped_extra,
        scoped_content=set(scoped_own),
        scoped_expansion=set(scoped_extra),
        background_laws=background_laws(laws),
        excluded_terms=excluded,
        ordinary=asks_ordinary(question),
        unknown_laws=unknown_law_names(question),
        law_itself=bool(laws) and bool(_ITSELF.search(question)),
        earlier_text=asks_earlier_text(question),
        acronyms=acronyms(unnamed),
        places=institution_places(unnamed),
        named_places=places_named(question),
        institutions=institution_names(unnamed),
        neutral_tokens={t for t in own if re.fullmatch(r"\d[\d.,]*" if language == "en" else r"[a-z0-9.,']+", t)}
        - QUESTION_WORDS,
        scene_tokens=_scene_tokens(question, set(own) | set(extra), tokenizer),
        **_what_is_asked(question, asked, wants),
    )


def _scene_tokens(question: str, tokens: set[str], tokenizer: str) -> frozenset[str]:
    """The question's tokens that only the sentences without a question mark use; none when every sentence asks
    or none does."""
    asking = sentences_asking(question)
    if asking == question or len(asking) == len(question.strip()):
        return frozenset()
    asked = without_exclusions(asking)
    asking_tokens = set(tokenize(asked, tokenizer)) | set(
        tokenize(" ".join(translation for _, translation in glossary_pairs(asked)), tokenizer))
    return frozenset(tokens - asking_tokens)


# the kinds a sum of money may be asked as (a rate of tax, a fee, a quantity of unnamed kind)
_MONEY_ASKS = frozenset({"amount", "percent", "multiple", "quantity"})


def _what_is_asked(question: str, asked: str, wants: set[str]) -> dict:
    """The reading of the ask itself: the roles of the figure asked, who acts and what they do, which tier, text
    and day; the fields of QueryAnalysis that say which sentence can answer."""
    bearer, bearer_words = asked_duty(asked)
    return dict(
        duration_units=asked_units(question) if "duration" in wants else set(),
        sanctions_answer=sanctions_answer(asked),
        # money the scene names is asked of only by an ask of money ("We pay a fee. How much is it?")
        money_roles=money_roles(asked) or (money_roles(asked, scene_too=True)
                                           if not wants or wants & _MONEY_ASKS else ()),
        count_noun=asked_count_noun(asked) if "count" in wants else "",
        period_roles=period_roles(asked) if "duration" in wants else (),
        processing_time=asks_processing_time(asked),
        challenge_time=asks_challenge_time(asked),
        given_periods=given_periods(question) if "duration" in wants else (),
        given_months=stated_months(question) if "date" in wants and ASKS_WHICH_DATE.search(question) else frozenset(),
        retained=retained_thing(asked),
        retains_data=retains_data(asked),
        validated=validated_thing(asked),
        classified=classified_term(asked) if wants and enabled(CLASS_RULE) else "",
        criminal=enabled("criminal_fine") and asks_criminal_fine(question),
        law_maximum=enabled("law_maximum") and "amount" in wants and asks_law_maximum(question),
        which_article=enabled("which_article") and asks_which_article(question),
        bearer=bearer,
        bearer_level=authority_level(bearer_words),
        activities=asked_activities(asked),
        routes=routes(asked),
        assessments=assessment_kinds(asked),
        by_date=asks_by_date(asked),
        lead_time=asks_lead_time(asked),
        after_event=asks_after_event(asked),
        extension=asks_extension(asked),
        extended_periods=extended_periods(question) if "duration" in wants else (),
        amended_in=amended_in(asked),
        version_year=version_year(asked),
        audience=audience(asked),
        breached=breached_articles(asked),
        not_who=not_who(question),
        as_of=as_of_day(asked),
        final_text=bool(_FINAL.search(asked)) and not DRAFT_CUE.search(asked),
        occasion=occasion(asked) if wants and enabled(OCCASION_RULE) else "",
    )
