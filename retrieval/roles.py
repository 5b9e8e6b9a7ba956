"""What a figure measures, read from the clause it stands in, against what the question asks a figure of.
A fine is not a fee, a salary, a tax or damages, and a detention is not a deadline: a question that asks for
one of those is not answered by the penalty clause that happens to hold the nearest amount."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from ingest.numerals import ENGLISH_NUMBER_WORDS, ENGLISH_SCALE
from retrieval.duties import asking_clause
from retrieval.glossary import name_forms, party_names
from retrieval.rules.registry import cues
from retrieval.sentences import CLAUSE_END, clause_start, sentences_asking

PLACES_PATH = Path(__file__).with_name("data") / "places.toml"

# the words that make a clause a sanction: its amounts are fines, its days are detention
_SANCTION_CLAUSE = re.compile(r"罚款|罚金|拘留|有期徒刑|没收|处分|依照[^，。；]{0,20}规定(?:处理、)?处罚|\bsanction(?:s|ed)\b|\bfine[sd]?\b|\bfining\b|penalt(?:y|ies)|detention|detained|"
                              r"imprison\w*|confiscat\w*", re.I)

# a question about sanctions: it names one, or the breach a sanction follows
_ASKS_SANCTION = re.compile(r"\bfine[sd]?\b|\bfining\b|penalt|sanction|punish|liab(?:le|ility|ilities)|detention|"
                            r"detain|prison|jail|\bsentence|confiscat|consequence|violat|breach|infring|\bfail(?:s|ed|"
                            r"ing|ure)?\b|refus|non-?complian|illegal|unlawful|contraven|offen[cs]e|crim(?:e|inal)|"
                            r"罚|拘留|刑|没收|违反|违法|未履行|不履行|未按|拒不|拒绝|后果|责任|犯罪", re.I)


def is_sanction(text: str) -> bool:
    """Whether a text imposes a sanction anywhere (a fine, detention, confiscation)."""
    return bool(_SANCTION_CLAUSE.search(text))


def in_sanction(text: str, start: int, end: int, before: int = 60, after: int = 30) -> bool:
    """Whether text[start:end] is what a sanction imposes: its clause names the sanction close by (处…罚款,
    处五日以下拘留, "a fine of not more than…")."""
    begin = max(clause_start(text, start), start - before)
    end_match = CLAUSE_END.search(text, end)
    finish = min(end_match.start() if end_match else len(text), end + after)
    return bool(_SANCTION_CLAUSE.search(text[begin:finish]))


# illegal content is a kind of information, not a breach the asker asks the sanction of ("训练语料里违法不良信息的比例")
_ILLEGAL_CONTENT = re.compile(r"违法(?:和|与|及|、)?不良信息|违法信息|\b(?:illegal|unlawful)(?: (?:and|or) harmful)? "
                              r"(?:content|information|material)\b", re.I)


def sanctions_answer(question: str) -> bool:
    """Whether a sanction's figure can answer the question: it asks about sanctions or the breaches they
    follow, and not for another kind of money (compensation for a breach is not the fine for it)."""
    if not _ASKS_SANCTION.search(_ILLEGAL_CONTENT.sub(" ", question)):
        return False
    return not money_roles(question) or bool(re.search(r"\bfine|penalt|罚|sanction|punish", question, re.I))


def _alike(words: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A role a question names and a sentence speaks of in the same words."""
    pattern = re.compile(words, re.I)
    return pattern, pattern


# what a question may name a figure as, and the words a sentence must use to be about the same thing: money other
# than a fine (an amount in a sentence about a fund's value is not the fee asked for), and periods named by what
# they are (a six-month grace period to remediate is not how long a contract may run)
_NAMED_ROLES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # price discrimination is an act, not money asked for
    "fee": (re.compile(r"\bfees?\b|\bcosts?\b|\bprices?\b(?![\s-]+(?:discriminat|gouging|fixing))|(?<!消)费", re.I),
            re.compile(r"\bfees?\b|\bcharg|\bcosts?\b|\bprices?\b|(?<!消)费|价格", re.I)),
    "salary": (re.compile(r"salar(?:y|ies)|\bwages?\b|\bpayroll\b|remuneration|工资|薪", re.I),
               re.compile(r"salar(?:y|ies)|\bwages?\b|\bpayroll\b|remuneration|工资|薪|报酬", re.I)),
    "tax": (re.compile(r"\btax(?:es|ed|ation)?\b|\bvat\b|税", re.I), re.compile(r"\btax|\bvat\b|税", re.I)),
    "capital": (re.compile(r"\bcapital\b|资本", re.I), re.compile(r"\bcapital\b|资本", re.I)),
    "compensation": (re.compile(r"compensation|\bdamages\b|赔偿", re.I), re.compile(r"compensat|\bdamages\b|赔偿", re.I)),
    # a loss a victim suffered (经济损失) is not the gains the offender made (违法所得)
    "loss": (re.compile(r"损失|\blo(?:ss|sses)\b", re.I), re.compile(r"损失|\blo(?:ss|sses)\b", re.I)),
    "spending": (re.compile(r"\bbudget|\bspen[dt]\b|\binvest(?:s|ed|ing|ments?)?\b|投入|预算", re.I),
                 re.compile(r"\bbudget|\bspen[dt]|\binvest(?:s|ed|ing|ments?)?\b|投入|预算|经费", re.I)),
    # "that approval lasts 2 years": how long a result holds, in plain words
    "validity": (re.compile(r"\bvalid(?:ity)?\b|\bexpir\w*|\b(?:approval|result|permit|licen[cs]e|certificate)s? "
                            r"(?:lasts?|is good for|holds? for)\b|有效期|有效", re.I),
                 re.compile(r"\bvalid(?:ity)?\b|\bexpir\w*|有效期|有效|届满", re.I)),
    # "keep transferring" is going on, not keeping something
    "retention": (re.compile(r"\bretain\w*|\bretention\b|\bkeep\b(?!\s+\w+ing\b)|\bkept\b|\bstored? for\b|"
                             r"\bpreserv(?:e|ed|ing)\b|保存|留存|保留", re.I),
                  re.compile(r"\bretain\w*|\bretention\b|\bkeep|\bkept\b|\bstor\w+|\bpreserv\w+|保存|留存|保留|存储", re.I)),
    "imprisonment": (re.compile(r"\bprison\b|imprison\w*|\bjail\b|\bsentenced\b|有期徒刑|徒刑|刑期|坐牢|判(?:处|刑)?(?:几|多少)年",
                                re.I),
                     re.compile(r"\bprison\b|imprison\w*|有期徒刑|拘役", re.I)),
    "detention": _alike(r"\bdetention\b|\bdetain\w*|拘留"),
    # how long someone is barred from a post or a licence: not the detention in the same article
    # "how long before we may apply for the licence again": the time one is barred from re-applying
    "ban": (re.compile(r"\bbar(?:s|red|ring)?\b(?!\s+(?:association|council|exam))|\bban(?:s|ned|ning)?\b|prohibited from|disqualif\w*|"
                       r"\b(?:allowed|permitted|able|eligible) to (?:re-?apply|apply (?:[\w'’]+ ){0,4}?again)\b|"
                       r"不得从事|不得担任|禁止|(?:多久|几年|多少年)[^，。？]{0,6}(?:才能|可以|能)重新申请", re.I),
            re.compile(r"\bbarred\b|\bban(?:s|ned|ning)?\b|prohibit\w*|disqualif\w*|不得(?:从事|担任|重新申请)|禁止", re.I)),
    # an employee's trial period, and the time limit to sue: a remediation period or a review period is neither
    "probation": _alike(r"probation\w*|trial period|试用期"),
    # "两年内未被发现的，不再给予行政处罚": the time after which a breach goes unpunished is a limitation too
    "limitation": (re.compile(r"limitation period|statute of limitations?|time limit (?:to|for) (?:sue|su(?:ing)|claim)|诉讼时效|"
                              r"追诉(?:时效|期)|追责(?:时效|期限)|处罚时效|不再(?:给予|予以)?(?:行政)?处罚|no longer (?:be )?(?:punish|penali[sz])",
                              re.I),
                   re.compile(r"limitation period|statute of limitations?|诉讼时效|时效", re.I)),
    # years of experience a post requires: not how long records are kept
    "experience": _alike(r"\bexperience\b|\bseniority\b|经验|工作年限|从业(?:年限|经历)|工作经历"),
    # the time to bring what was already going on into line with new rules: not how long an assessment holds
    "grace": (re.compile(r"\bgrace period\b|\btransition(?:al)? period\b|\b(?:rectification|remediation) period\b|"
                         r"\bbring\b[^?.]{0,40}?\binto (?:line|compliance)\b|整改期|过渡期|宽限期|完成整改", re.I),
              re.compile(r"\bgrace\b|\btransition|\brectif\w+|\bremediat\w+|\binto (?:line|compliance)\b|整改|过渡|宽限",
                         re.I)),
}
_MONEY = ("fee", "salary", "tax", "capital", "compensation", "spending")
_PERIODS = ("validity", "retention", "imprisonment", "detention", "ban", "probation", "limitation", "experience",
            "grace")


def _named(question: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if _NAMED_ROLES[name][0].search(question))


# what a retention question asks to be kept (将年度风险评估报告至少保存几年, "how long must access logs be kept"): a
# sentence keeping other things (处理情况记录…保存3年) does not say
_ZH_RETAINED = re.compile(r"(?:将|把)?([\u4e00-\u9fff]{2,16}?)的?(?:(?:按照?|依照?|根据)?(?:法律|法规|规定)(?:的)?|依法|"
                          r"(?:按照?|依照?|根据)《?[\u4e00-\u9fff]{0,14}?(?:法|条例|办法|规定)》?(?:的?规定)?|要求|至少|最少|最短|最多|最长|应当|应该|应|还要|要|需要|需|必须|须|还得|得|可以|能|可)*"
                          r"(?:保存|留存|保留)"
                          r"(?:多久|多长|几|多少|期限)")
# ("网络日志的保存期限": the 的 that joins the thing to its period is no part of it)
# "报告做完之后要留存多久": the time the keeping starts from is not what is kept
_ZH_AFTER_DONE = re.compile(r"(?:做完|做好|完成|写完|出具|形成|结束|提交)?(?:之后|以后|后)$")
# the kept words stop at a law or a place they are kept under ("keep PIPIA reports under PIPL for…": reports)
_EN_RETAINED = re.compile(r"\b(?:keep|retain|store|preserve)\s+(?:the\s+|their\s+|its\s+|our\s+|such\s+)?"
                          r"((?:(?!(?:under|in|per|according|pursuant|by)\b)[\w-]+\s+){0,3}?[\w-]+)"
                          r"(?:\s+(?:under|in|per|according to|pursuant to|by)\s+(?:the\s+)?[\w-]+)?\s+for\b|\bhow long (?:must|should|do|does|shall|are|is)\s+"
                          r"(?:the\s+|their\s+|its\s+|our\s+)?((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:be\s+)?"
                          r"(?:kept|retained|stored|preserved)\b", re.I)


# "how long must operators keep users' real-name identity information": the keeper comes first
_EN_KEEPER_FIRST = re.compile(r"\bhow (?:long|many (?:years|months|days)) (?:must|should|do|does|shall|can|may|will|would)\s+"
                              r"(?:[\w'-]+\s+){1,3}?"
                              r"(?:keep|retain|store|preserve)\s+(?:the\s+|their\s+|its\s+|our\s+|such\s+)?"
                              r"(?:[\w-]+['’]s?\s+)?((?:[\w-]+\s+){0,3}?[\w-]+)(?=\s+(?:under|for|after|in|by|according|"
                              r"per|pursuant|on)\b|\s*[?？,.;]|\s*$)", re.I)
_GENERIC_KEPT = frozenset({"it", "them", "this", "that", "data", "information"})


def _kept_phrase(question: str) -> tuple[str, bool]:
    """The words a retention question names as kept, as written, and whether they are Chinese ("" when it names
    none): what retained_thing and retains_data both read."""
    if m := _ZH_RETAINED.search(question):
        return m.group(1), True
    if m := _EN_RETAINED.search(question) or _EN_KEEPER_FIRST.search(question):
        return next((g for g in m.groups() if g), ""), False
    return "", False


def retained_thing(question: str) -> str:
    """What a retention question asks to be kept (报告, "log", "real-name"), or "": the head noun; when that says
    nothing ("information"), the word before it that the glossary knows ("real-name identity information")."""
    kept, chinese = _kept_phrase(question)
    if chinese:
        return (_ZH_AFTER_DONE.sub("", kept) or kept)[-2:]
    return _kept_name(kept.lower().split()) if kept else ""


# what a validity question asks to stay valid (认定结果的有效期, 评估结果有效期): a sentence about another thing's validity
# (数据出境安全评估的结果有效期为3年 for a CII identification) does not say
_ZH_VALIDATED = re.compile(r"([\u4e00-\u9fff]{2,8})有效期")
_ZH_VALID_HEAD = re.compile(r"(?:结果|证书|许可证?|合同|认证|认定|评估|备案|批准|决定|执照|资格|授权|同意)$")


# "how long is a PI protection certification valid", "the validity of the identification": the thing is named by
# its English head noun, which a Chinese sentence names by its own word (认证, 认定, 评估…)
_EN_VALIDATED = re.compile(r"\b(certification|certificate|identification|licen[cs]e)s?\b(?:(?! (?:is|are|was|were|be)\b)[^?.,;]){0,60}?\b(?:(?:is|are|be|stays?|"
                           r"remains?)\s+)?valid\b|\bvalidity\s+(?:period\s+)?of\s+(?:an?\s+|the\s+|our\s+|its\s+)?"
                           r"(?:[\w-]+\s+){0,4}?(certification|certificate|identification|licen[cs]e)s?\b", re.I)
# only heads that name one kind of thing: "that approval", "the filing" point back to whatever was approved or filed
_EN_VALID_HEADS = {"certification": "认证", "certificate": "证书", "identification": "认定", "licence": "许可",
                   "license": "许可"}


def validated_thing(question: str) -> tuple[str, ...]:
    """The words a sentence must hold to be about the validity asked (认定, 结果 for 认定结果的有效期), or (): what
    is valid, named by the head noun and the word that says whose it is. Only a head the corpus uses for things
    that stay valid counts; "它的有效期" or "the validity" names nothing. An English question names it by its head
    noun alone ("how long is a PI protection certification valid": 认证)."""
    m = _ZH_VALIDATED.search(question)
    if not m:
        english = _EN_VALIDATED.search(question)
        head = next((g for g in english.groups() if g), "") if english else ""
        return (_EN_VALID_HEADS[head.lower()],) if head else ()
    thing = re.split(r"[的之]", m.group(1).rstrip("的之"))[-1]
    if len(thing) < 4 or not _ZH_VALID_HEAD.search(thing):
        return ()
    return tuple(dict.fromkeys((thing[-4:-2], thing[-2:])))


# personal information itself, not a record or report about it ("customer personal data", 客户个人信息)
_DATA_KEPT = re.compile(r"(?:信息|数据|资料)$|\b(?:data|information|PI|details)$", re.I)
# a sentence keeping a document (…评估报告和处理情况记录应当至少保存三年, "logs shall be retained"): its period is the
# document's, not the data's
KEPT_DOCUMENT = re.compile(r"(?:报告|记录|日志|凭证|合同|台账|档案|文件|材料)(?:等)?[，,]?(?:应当|须|要)?(?:至少|不少于)?"
                           r"(?:保存|留存|保留)|"
                           r"\b(?:reports?|records?|logs?|documents?|files?)\b[^.;]{0,40}?\b(?:kept|retained|preserved|"
                           r"stored)\b", re.I)


def retains_data(question: str) -> bool:
    """Whether a retention question asks how long personal information itself may be kept ("how many years can we
    keep customer personal data?", 客户个人信息可以保存多久), not a record or report of it."""
    kept = _kept_phrase(question)[0].strip()
    return bool(kept) and bool(_DATA_KEPT.search(kept)) and not KEPT_DOCUMENT.search(f"{kept}保存")


def _kept_name(words: list[str]) -> str:
    head = words[-1] if words else ""
    if head not in _GENERIC_KEPT:
        return re.sub(r"s$", "", head)
    return next((w for w in reversed(words[:-1]) if w not in _GENERIC_KEPT and len(name_forms(w)) > 1), "")


def money_roles(question: str, scene_too: bool = False) -> tuple[str, ...]:
    """The kinds of money other than a fine the question asks about ("the registration fee", "income tax"), named
    in a sentence that asks (the scene's "HR files for global payroll" is not what "what are the headcount
    thresholds?" asks of), or, ``scene_too``, anywhere ("We pay a registration fee. How much is it?"); a loss only
    when the clause that asks is about it ("经济损失达到多少钱…", not "造成损失的，罚多少")."""
    return _named(question if scene_too else sentences_asking(question), _MONEY) + \
        _named(asking_clause(question), ("loss",))


def period_roles(question: str) -> tuple[str, ...]:
    """The periods the question names by what they are ("有效期", "how long are they barred"): those of the
    clause that asks, when it names one ("…got an administrative detention… How long is he barred…?" asks the
    ban, not the detention of its scene). A body's time to approve an extension asks no validity, though it names
    one (asks_processing_time)."""
    named = _named(asking_clause(question), _PERIODS) or _named(question, _PERIODS)
    return tuple(r for r in named if r != "validity") if asks_processing_time(question) else named


_CLAUSE_BREAK = re.compile(r"[，,；;。:：]")


def keeps_for(text: str, start: int) -> bool:
    """Whether the period starting at ``start`` is how long something is kept: its clause says keeping before it
    (留存相关的网络日志不少于六个月, "retain the logs for at least six months")."""
    before = text[max(0, start - 40):start]
    clause = _CLAUSE_BREAK.split(before)[-1]
    return bool(_NAMED_ROLES["retention"][1].search(clause))


def speaks_of(roles: tuple[str, ...], text: str) -> bool:
    """Whether a sentence is about every kind of money or period the question names."""
    return all(_NAMED_ROLES[name][1].search(text) for name in roles)


# what a count counts, in the words of a question ("how many employees") and of a source (10万人, "two police
# officers"): a count of people does not answer how many stars, nor a count of records how many users
_COUNTED = {
    "people": re.compile(r"individuals?|people|persons?|users?|subscribers?|minors?|children|employees?|staff|"
                         r"officers?|members?|customers?|consumers?|workers?|subjects|handlers|processors|holders|"
                         r"residents|citizens|patients|students|accounts|人|名|位|户|用户", re.I),
    "items": re.compile(r"records?|pieces?|items?|entries|cases?|条|项|件", re.I),
    "times": re.compile(r"times|occasions|次", re.I),
    "entities": re.compile(r"companies|entities|enterprises|platforms|organi[sz]ations|家", re.I),
    "kinds": re.compile(r"categories|types|kinds|classes|sorts|类|种", re.I),
}
# a list's items are its kinds: "几类" is answered by the count of a list's items (三项), "how many types" by 三种
_ALIKE = frozenset({"items", "kinds"})
# "几大类": the broad classes are classes
# the counted word is a plural, not an acronym ending in S ("how many MLPS protection levels": levels), or a plural
# without an s ("how many people triggers…": people, not "people triggers")
_ASKED_COUNT = re.compile(r"how many ((?:[a-z-]+ ){0,2}?(?:(?:people|children|staff|personnel)\b(?!['’]s)|"
                          r"(?-i:(?![A-Z]{2,}\b))[a-z-]+s\b))|(?:多少|几)个?大?([\u4e00-\u9fff]{1,3})", re.I)

# "the minimum number of data-protection items": what a number is asked of, as "how many" asks it
_NUMBER_OF = re.compile(r"\bnumber of ((?:[a-z-]+ ){0,2}?(?-i:(?![A-Z]{2,}\b))[a-z-]+s)\b", re.I)


def counted_class(noun: str) -> str:
    """The class of thing a noun counts, or "" for anything else."""
    noun = noun.strip().lower()
    if re.match(r"[\u4e00-\u9fff]{2,}", noun):
        return _zh_noun_class(noun) or counted_class(noun[0])
    return next((name for name, pattern in _COUNTED.items() if noun and pattern.fullmatch(noun.split()[-1])), "")


def counts_unclassed(analysis) -> bool:
    """Whether the question asks how many of a thing of no class the counts know (levels, services), not people,
    entities, days or records."""
    return "count" in analysis.wants and bool(analysis.count_noun) and not counted_class(analysis.count_noun)


def counting_pattern(count_noun: str) -> re.Pattern[str] | None:
    """A number then the English thing the noun counts ("five protection levels", "3 levels"), or None when the
    noun's English head is not known (a Chinese noun outside cues count_nouns_zh_en)."""
    head = _english_head(count_noun) if not count_noun.isascii() else _head_noun(count_noun)
    if not head:
        return None
    numbers = "|".join(sorted({*ENGLISH_NUMBER_WORDS, r"\d+"}, key=len, reverse=True))
    return re.compile(rf"\b(?:{numbers})\s+(?:[\w-]+\s+){{0,2}}?{re.escape(head)}s?\b", re.I)


def counts_differ(asked_noun: str, source_class: str) -> bool:
    """Whether a count of ``source_class`` fails to answer "how many <asked_noun>": a count of people does not
    say how many stars. A Chinese noun of no known class (多少万…) asks nothing the count could contradict."""
    if not asked_noun or not source_class:
        return False
    asked = counted_class(asked_noun)
    if not asked and re.match(r"[\u4e00-\u9fff]", asked_noun):
        return False
    return asked != source_class and not {asked, source_class} <= _ALIKE


# Words of a figure that say how many, not what is counted ("at least fifteen thousand").
_QUANTIFIERS = frozenset({"at", "least", "more", "than", "over", "under", "up", "to", "about", "and", "or", "fewer",
                          "less", "some", "around", "nearly", "almost"})


def _is_number_word(word: str) -> bool:
    word = word.lower()
    singular = word[:-1] if word.endswith("s") else word
    return (word in _QUANTIFIERS or word in ENGLISH_NUMBER_WORDS
            or singular in ENGLISH_NUMBER_WORDS or singular in ENGLISH_SCALE)


def _head_noun(phrase: str) -> str:
    """The word a noun phrase counts, singular: "levels of protection" -> "level", "key regulations" -> "regulation"."""
    words = phrase.lower().split(" of ")[0].split()
    word = words[-1] if words else ""
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") and len(word) > 3 else word


def _english_head(chinese_noun: str) -> str:
    """The English head a Chinese count noun counts (级别 -> level), read whole or as part of a longer noun."""
    table = cues()["vocab"]["count_nouns_zh_en"]
    return next((table[k] for k in sorted(table, key=len, reverse=True) if k in chinese_noun or chinese_noun in k), "")


def count_heads_differ(asked_noun: str, figure_text: str, source_class: str) -> bool:
    """Whether an English count names another thing than the one asked, when neither is a class the counts know
    (people, entities, days…): "Three Fundamental Laws" does not say how many protection levels there are."""
    if source_class:
        return False
    counted = [w for w in re.findall(r"[A-Za-z]+", figure_text) if not _is_number_word(w)]
    if not asked_noun.isascii():
        # 多少件 asks a count of things of a known class; a count of a named thing of none ("Three Fundamental
        # Laws") is another count, and so is one of another thing than the English the Chinese noun counts
        if counted and (english := _english_head(asked_noun)):
            return _head_noun(" ".join(counted)) != english
        return bool(counted) and bool(counted_class(asked_noun))
    return bool(counted) and not counted_class(asked_noun) and _head_noun(asked_noun) != _head_noun(" ".join(counted))


_NEXT_WORD = re.compile(r"\s*([A-Za-z-]+)")
_ZH_NEXT_NOUN = re.compile(r"(?:以上|以下|以内)?的?([\u4e00-\u9fff]{1,8})")
# the Chinese nouns of people and of entities (者 also ends an entity: 个人信息处理者 is a processor)
_ZH_PEOPLE_WORDS = "个人|用户|员工|成员|未成年人|自然人|人"
_ZH_ENTITY_WORDS = "企业|单位|机构|平台|部门|公司|组织"
_ZH_PEOPLE = re.compile(rf"^(?:{_ZH_PEOPLE_WORDS})")
_ZH_ENTITIES = re.compile(rf"者|{_ZH_ENTITY_WORDS}")


# a measure word for documents and cases (多少张罚单, 几起案件, 多少部法律) counts things, whatever noun follows
ZH_ITEM_MEASURES = r"(?:[张件份篇本宗例起]|部(?!门))"
_ZH_ITEM_MEASURE = re.compile(rf"^{ZH_ITEM_MEASURES}")


def _zh_noun_class(noun: str) -> str:
    """个人信息处理者 counts processors, not persons: the head of a Chinese noun is its end."""
    if _ZH_ITEM_MEASURE.match(noun):
        return "items"
    head = re.match(rf"[\u4e00-\u9fff]*?(?:者|{_ZH_ENTITY_WORDS})", noun)
    if head and not _ZH_PEOPLE.fullmatch(head.group(0)):
        return "entities"
    return "people" if _ZH_PEOPLE.search(noun) else "entities" if _ZH_ENTITIES.search(noun) else ""


# the noun a Chinese count follows (月活跃用户1000万以上, 注册用户5000万以上): what it counts when nothing after it says
_ZH_NOUN_BEFORE = re.compile(r"([\u4e00-\u9fff]{1,6})$")
_ZH_PEOPLE_END = re.compile(rf"(?:{_ZH_PEOPLE_WORDS})$")
_ZH_ENTITIES_END = re.compile(rf"(?:{_ZH_ENTITY_WORDS})$")


def source_count_class(figure_text: str, following: str, preceding: str = "") -> str:
    """What a count in a source counts: its own unit (10万人, "two police officers"), the word after it, or the
    Chinese noun right before it."""
    own = next((c for ch in figure_text if "\u4e00" <= ch <= "\u9fff" and (c := counted_class(ch))), "")
    if own:
        return own
    words = re.findall(r"[A-Za-z-]+", figure_text)
    if words:
        return counted_class(words[-1])
    if (m := _ZH_NEXT_NOUN.match(following)) and re.search(r"[\u4e00-\u9fff]", figure_text):
        # 两个以上的网络数据处理者: 个 counts anything; the noun after it says what
        return _zh_noun_class(m.group(1))
    m = _NEXT_WORD.match(following)
    if m and (after := counted_class(m.group(1))):
        return after
    before = _ZH_NOUN_BEFORE.search(preceding) if re.search(r"[\u4e00-\u9fff]", figure_text) else None
    return _zh_noun_end_class(before.group(1)) if before else ""


def _zh_noun_end_class(noun: str) -> str:
    """What the Chinese noun a text ends with counts: people (…月活跃用户) or entities (…平台), else ""."""
    return "people" if _ZH_PEOPLE_END.search(noun) else "entities" if _ZH_ENTITIES_END.search(noun) else ""


def asked_count_noun(question: str) -> str:
    """What "how many …" / 多少… counts, as written ("stars", "employees", "人"); "people" for a headcount or a
    user count asked ("at what headcount…": two processors deciding jointly are no headcount); "" if the
    question names none."""
    m = _ASKED_COUNT.search(question)
    if m:
        return m.group(1) or m.group(2) or ""
    if _HEADCOUNT.search(question):
        return "people"
    return m.group(1) if (m := _NUMBER_OF.search(question)) else ""


_HEADCOUNT = re.compile(r"\bhead\s?-?counts?\b|\buser[\s-]?counts?\b|\bnumber of (?:people|persons|individuals|users|"
                        r"data subjects)\b", re.I)


# ICP, MIIT, SAMR: an acronym names one thing (a licence, a ministry), as a brand written DiDi or WeChat names one
# company; a passage that never names it, in either language, is about something else. Currencies and the
# country are not such names.
# ICP; DiDi, WeChat; written against Chinese characters, letters only (ICP备案, not the K12 of 做K12教育App: a
# grade or model code glued to Chinese is the asker's scene more often than a name)
_ACRONYM = re.compile(r"(?<![\w-])(?:[A-Z][A-Z0-9]{2,}|[A-Z][a-z]+(?:[A-Z][a-z]+)+)(?![\w-])|"
                      r"(?<![A-Za-z0-9_-])[A-Z]{3,}(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[A-Z]{3,}(?![A-Za-z0-9_-])")
# currencies, the country, and words of the trade written like brands (SaaS is no brand: it has no second word)
_NOT_NAMES = frozenset({"PRC", "RMB", "CNY", "USD", "EUR", "FAQ", "AND", "THE", "DevOps", "FinTech", "RegTech",
                        "EdTech", "AdTech", "MarTech", "InsurTech", "LegalTech", "HealthTech", "JavaScript"})


# what the asker says it is or where it sits ("We're a bank designated as a CII operator", "We're in the Tianjin Pilot
# Free Trade Zone", 我们是…): scenery, not the subject the answering passage must name; nor an acronym glossing the
# words before it ("multi-level protection (MLPS)"), which name it already
_SCENERY = re.compile(r"\b(?:we|I)(?:'re| are| am|'m)\s+(?:an?|the|in|based|located|headquartered|designated|"
                      r"classified|one of)\b[^.;:?]*|\bour (?:company|firm|business|group|bank|app|"
                      r"platform) is\b[^.;:?]*|\b(?:designated|classified|recognised|recognized) as\b[^.;:?,]*|"
                      r"\bas an? [^.;:?,]*|(?:我们|我司|本公司|公司)(?:是|为|作为|属于)[^，。；：？]*|作为[^，。；：？]*", re.I)
_GLOSSED = re.compile(r"((?:[A-Za-z]+[\s-]+){1,5})[(（]([A-Z][A-Za-z]{1,9})[)）]")


def _spells(words: str, acronym: str) -> bool:
    """Whether the acronym is spelled by the initials of the words before it ("multi-level protection (MLPS)")."""
    initials = "".join(w[0] for w in re.split(r"[\s-]+", words.strip()) if w).upper()
    return any(initials[i:].startswith(acronym.upper()[:3]) for i in range(len(initials)))


def _outside_scenery(question: str) -> str:
    question = _GLOSSED.sub(lambda m: m.group(1) if _spells(m.group(1), m.group(2)) else m.group(0), question)
    return _SCENERY.sub(" ", question)


# a bank or a group named by its own name (中国银行, 交通银行, "Bank of China") is one institution: a passage that never
# names it, as written or through the glossary, is about another's case or none
_ZH_INSTITUTION = re.compile(r"((?:(?![的了对向给将把被因在和与及、，。？年月日号起个])[\u4e00-\u9fff]){2,4}?)(?:银行|集团|证券|保险|股份有限公司|有限公司)")
_GENERIC_PREFIX = re.compile(r"^(?:一家|某|该|本|我们|我司|这家|那家|这个|商业|城商|农商|外资|国有|民营|股份|互联网|大型|小型|"
                             r"上市|境外|境内|国内|国外|跨国|相关|其他|母|子|分|总|金融|科技|网络|数据|平台|酒店|电商|物流|汽车|医疗|教育|"
                             r"游戏|支付|零售|连锁|那|这)")
_EN_INSTITUTION = re.compile(r"\bBank of [A-Z][a-z]+(?: [A-Z][a-z]+)?\b|\b[A-Z][a-z]+(?: [A-Z][a-z]+)? "
                             r"(?:Bank|Group|Securities|Insurance)\b")
_EN_GENERIC = frozenset({"The", "A", "An", "Our", "Their", "Commercial", "Foreign", "Chinese", "State", "City", "Local",
                         "Rural", "Private", "Public", "Working", "Expert"})


def institution_names(question: str) -> list[str]:
    """The banks and groups a question names by their own names (中国银行, "Bank of China")."""
    question = _outside_scenery(question)
    found = [m.group(0) for m in _ZH_INSTITUTION.finditer(question) if not _GENERIC_PREFIX.match(m.group(1))]
    found += [m.group(0) for m in _EN_INSTITUTION.finditer(question) if m.group(0).split()[0] not in _EN_GENERIC]
    return list(dict.fromkeys(found + party_names(question)))


# a standard is named by its series and number (GB/T 35273, ISO/IEC 27701, JR/T 0171): the year of issue after it
# (GB/T 35273–2020, GB/T 35273-2017) names an edition, and the corpus may write it with another dash
_STANDARD = re.compile(r"(?<![A-Za-z0-9/])(GB(?:/[TZ])?|ISO(?:/IEC)?|IEC|[A-Z]{2}/T)\s*(\d{3,6})(?!\d)")


def acronyms(question: str) -> list[str]:
    """The short names a question uses (ICP, MIIT, DiDi) and the standards it names by number (GB/T 45574): each
    a name the answering passage must use too, and one the whole store lacks says the corpus cannot answer."""
    outside = _outside_scenery(question)
    standards = [f"{m.group(1)} {m.group(2)}" for m in _STANDARD.finditer(outside)]
    return list(dict.fromkeys([a for a in _ACRONYM.findall(outside) if a not in _NOT_NAMES] + standards))


# a court, exchange or local government is named by its place: the Beijing Internet Court's caseload is not the
# Guangzhou court's. Only a place that names an institution counts: "our Shanghai subsidiary" is scenery.
_EN_PLACED = re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:Internet Court|Intermediate (?:People's )?Court|"
                        r"Higher (?:People's )?Court|People's Court|Data Exchange|Municipal\b|Provincial\b|"
                        r"(?:Pilot )?Free Trade|FTZ\b|Cyberspace Administration|Procuratorate|Public Security Bureau)")
_ZH_PLACED = re.compile(r"((?:(?![的级地本该当所各其内去到向在于从时间省市])[\u4e00-\u9fff]){2,4}?)(?:市|省)?(?:互联网法院|中级人民法院|高级人民法院|数据交易所|自由贸易|自贸|"
                        r"网信办|人民政府|公安局|检察院)")
_NOT_PLACES = frozenset({"Supreme", "National", "State", "Chinese", "China", "Local", "The", "Provincial", "Municipal",
                         "City", "County", "Regional", "Central", "Competent", "Relevant", "最高", "国家", "地方"})


@lru_cache(maxsize=1)
def _chinese_places() -> frozenset[str]:
    with PLACES_PATH.open("rb") as handle:
        return frozenset(tomllib.load(handle)["zh"])


@lru_cache(maxsize=1)
def _english_places() -> dict[str, str]:
    with PLACES_PATH.open("rb") as handle:
        return dict(tomllib.load(handle).get("english", {}))


def places_named(question: str) -> tuple[str, ...]:
    """The places a question names, in either language, as English writes them in lower case ("在郑州做个网站"
    and "a website in Zhengzhou" both name "zhengzhou"): what a document's title says it is about."""
    lowered = question.lower()
    return tuple(dict.fromkeys(en.lower() for zh, en in _english_places().items()
                               if zh in question or re.search(rf"\b{re.escape(en.lower())}\b", lowered)))


def _place_ending(words: str) -> str:
    """The place the characters end with (我们北京 → 北京), or ''."""
    return next((words[i:] for i in range(len(words) - 1) if words[i:] in _chinese_places()), "")


def institution_places(question: str) -> list[str]:
    """The places the question names an institution by ("Guangzhou Internet Court", 广州互联网法院). A Chinese
    place must be one (retrieval/data/places.toml): the characters before 网信办 may be a verb (包括网信办)."""
    question = _outside_scenery(question)
    found = [m.group(1) for m in _EN_PLACED.finditer(question)]
    found += [place for m in _ZH_PLACED.finditer(question) if (place := _place_ending(m.group(1)))]
    return list(dict.fromkeys(p for p in found if p not in _NOT_PLACES and p.split()[0] not in _NOT_PLACES))


# a penalty article fines the entity and, in a later clause, the persons directly in charge: a question about one
# leads with its own figures ("the most a company can be fined" is not the managers' CNY 100,000 to 1 million)
_INDIVIDUALS = re.compile(r"主管人员|责任人员|负责人|高级管理人员|persons? directly in charge|directly responsible|person in charge|"
                          r"\bexecutives?\b|\bchairman\b|\bpresident\b|\bCEO\b|senior manage\w*|"
                          r"responsible (?:persons|individuals|managers|personnel)", re.I)
_ASKS_INDIVIDUALS = re.compile(r"\bmanagers?\b|(?:persons?|people) (?:directly )?in charge|responsible (?:persons?|individuals?|"
                               r"managers?|personnel|people)|\bpersonally\b|\bexecutives?\b|\bdirectors?\b|"
                               r"individuals? responsible|主管人员|责任人员|负责人|高管|副总|总经理|董事长|个人(?!信息)", re.I)
_ASKS_ENTITY = re.compile(r"\bcompan|\bentit|organi[sz]ation|\boperators?\b|\bprocessors?\b|\bhandlers?\b|"
                          r"\bplatforms?\b|\bproviders?\b|\bbusiness|单位|企业|公司|运营者|处理者|平台|提供者", re.I)


# "fined personally", 副总个人会被罚: a person, whatever company the clause also names
_PERSONALLY = re.compile(r"\bpersonally\b|\bin (?:his|her|their) own (?:name|capacity)\b|个人(?:会|将|要|被|可能|需要)", re.I)


def aimed_at_individuals(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is imposed on the persons in charge (对直接负责的主管人员…处…罚款)."""
    return bool(_INDIVIDUALS.search(text[clause_start(text, start):start]))


def audience(question: str) -> str:
    """Whom the question asks a figure for: "individuals", "entity", or "" (both, or neither said)."""
    asking = asking_clause(question)
    if _PERSONALLY.search(asking) or _ASKS_INDIVIDUALS.search(asking) and not _ASKS_ENTITY.search(asking):
        return "individuals"  # "A company violated…. What fine can be imposed on the managers personally?"
    individuals, entity = bool(_ASKS_INDIVIDUALS.search(question)), bool(_ASKS_ENTITY.search(question))
    return "individuals" if individuals and not entity else "" if individuals else "entity"


# a date asked as a due date ("by what date") is not answered by the date a count starts from (自当年1月1日起累计)
_ASKS_BY_DATE = re.compile(r"(?:之前|以前)(?!还是)|截止|截至|最晚|最迟|\b(?:by|before) (?:what|which) (?:date|day|month)|"
                           r"\bdeadline\b|\bno later than\b|\blatest\b", re.I)
_COUNTS_FROM = re.compile(r"(?:自|从)[^，。；,;]{0,4}$")
_EN_COUNTS_FROM = re.compile(r"\b(?:since|from|as of|starting(?: on| from)?)\s+(?:the\s+)?$", re.I)


def asks_by_date(question: str) -> bool:
    """Whether the question asks the date something is due by (每年几月几日之前, "by what date")."""
    return bool(_ASKS_BY_DATE.search(question))


# "how many days before listing must we file", "提前多少天": a lead time, which a period counted from an event
# (自收到材料之日起10个工作日内) does not give
_ASKS_LEAD = re.compile(r"(?:之?前|提前)[^，。？?]{0,8}?(?:多少|几)(?:个)?(?:工作日|日|天|周|月|小时)|"
                        r"\bhow (?:many|much|long)\b[^?？]*?\b(?:before|in advance|ahead of|prior to)\b|"
                        r"\bhow (?:far|long) (?:in advance|ahead)\b|\bhow early\b", re.I)
_LEAD = re.compile(r"提前|(?<![目之])前(?![款项述条两三])|\bbefore\b|\bin advance\b|\bprior to\b|\bahead\b", re.I)


# "how long before we can reapply": a wait until something is allowed again, not a lead time before an event
_ASKS_WAIT = re.compile(r"\bhow long (?:before|until)\s+(?:[\w'’-]+\s+){0,3}?(?:can|may|could|(?:is|are|be) "
                        r"(?:allowed|permitted|able|eligible))\b|"
                        r"\bhow long (?:before|until)\s+(?:[\w-]+\s+){0,3}?\w+['’](?:re|s) (?:allowed|permitted|able|eligible)\b",
                        re.I)


def asks_lead_time(question: str) -> bool:
    """Whether the question asks how long before an event something is due ("提前多少天", "how early")."""
    return bool(_ASKS_LEAD.search(question)) and not _ASKS_WAIT.search(question)


# "变更后多少天内申报", "within how many days after the change": a period that runs from an event, which a lead
# time before another event (届满60个工作日前) does not answer
_ASKS_AFTER = re.compile(r"(?:之?后|以后|起)[^，。？?]{0,6}?(?:多少|几)(?:个)?(?:工作日|日|天|周|月|小时)|"
                         r"\bwithin how (?:many|long)\b[^?？]*?\b(?:after|of|following)\b|"
                         r"\bhow (?:many|long)\b[^?？]*?\bafter\b", re.I)


def asks_after_event(question: str) -> bool:
    """Whether the question asks a period that runs from an event ("变更后多少天内", "how many days after")."""
    return bool(_ASKS_AFTER.search(question)) and not asks_lead_time(question)


def asks_processing_time(question: str) -> bool:
    """Whether the question asks how long a body takes to act on a request ("多久批下来", "how long does the CAC
    have to issue its decision"): its own time limit, never the validity its approval grants (rule
    applicant_period's "asks")."""
    return bool(_applicant_cues()["asks"].search(question))


def asks_whose_period(question: str) -> bool:
    """Rule applicant_period's question side: a body's time to act asked (asks_processing_time) or the applicant's
    own time to challenge (asks_challenge_time)."""
    return asks_processing_time(question) or asks_challenge_time(question)


def asks_challenge_time(question: str) -> bool:
    """Whether the question asks the applicant's own time to challenge a result ("多少个工作日内申请复审", "within
    how many days can we appeal"): a body's time to decide does not answer it (rule applicant_period, turned
    round)."""
    return bool(_applicant_cues()["challenges"].search(question))


@lru_cache(maxsize=1)
def _applicant_cues() -> dict[str, re.Pattern[str]]:
    spec = cues()["rules"]["applicant_period"]
    return {key: re.compile("|".join(spec[key]), re.I) for key in ("asks", "applies", "challenges")}


def applicant_period(text: str, end: int) -> bool:
    """Whether the period ending at ``end`` is the applicant's time to apply, file or object (…15个工作日内向国家网信
    部门申请复评, "within 15 working days, apply to…"): no body's time to decide."""
    return bool(_applicant_cues()["applies"].match(text[end:end + 40]))


def is_lead_time(text: str, start: int, end: int) -> bool:
    """Whether the period at text[start:end] is one before an event (届满60个工作日前, 提前30日, "30 days before")."""
    return bool(_LEAD.search(text[max(0, start - 6):start]) or _LEAD.search(text[end:end + 8]))


# "网络安全法2025年10月修改后", "the 2025 amendment", "as amended in 2025": a date before that year is not when
# the amendment was made or took effect (the consolidated text still says 本法自2017年6月1日起施行)
_AMENDED_IN = re.compile(r"(20\d\d)\s*年?[^，。？?]{0,6}?(?:修改|修正|修订)|(?:修改|修正|修订)[^，。？?]{0,4}?(20\d\d)|"
                         r"\b(20\d\d)\s+(?:amendments?|revisions?|revised|changes|amending)\b|\b(?:amended|revised)\s+(?:in\s+)?(20\d\d)\b|"
                         # "amended the Cybersecurity Law in October 2025"
                         r"\b(?:amended|revised)\b[^.?!;,]{0,40}?\bin\s+(?:[A-Z][a-z]+\s+)?(20\d\d)\b", re.I)
_ORIGINAL = re.compile(r"原(?:来|先)?(?:的)?(?:版本|文本|规定)|\boriginal\b|\bfirst (?:enacted|adopted)\b|\b2016\b", re.I)


# "the old (pre-2026) CSL", "as originally issued", 修改前的网络安全法: the earlier text, which a later one amends or
# partly overrides; the later text does not answer for it
# "the previous year's turnover" and "a 15-year-old" speak of time, not of a text
_EARLIER_TEXT = re.compile(r"\b(?:(?<!year )(?<!years )(?<!year-)(?:old|older)|original(?:ly)?|"
                           r"(?:previous|prior|former)(?![\s-]+(?:(?:fiscal|financial|calendar)\s+)?(?:year|month|quarter)s?\b)|"
                           r"pre-?(?:19|20)\d\d)\b|"
                           r"\bfirst (?:enacted|adopted|issued)\b|\bbefore (?:the |it was )?(?:20\d\d )?(?:amend|revis)\w*|"
                           r"旧版|原版|原来的|原先的|修改前|修正前|修订前", re.I)


def asks_earlier_text(question: str) -> bool:
    """Whether the question asks what an earlier text said ("the old CSL", "as originally issued")."""
    return bool(_EARLIER_TEXT.search(question))


# "2020年版的《网络安全审查办法》", "the 2020 version of the Measures": a text of that year, which another year's
# text does not stand in for
# "the 2020 version", "the first (2020) version", "the 2020 original text"
_VERSION = re.compile(r"(20\d\d|19\d\d)\s*年版|\b(20\d\d|19\d\d)[)）]?\s+(?:(?:original|first|old|earlier|initial)\s+)?"
                      r"(?:version|edition|text)\b|"
                      r"\b(?:version|edition|text) of (20\d\d|19\d\d)\b", re.I)


def version_year(question: str) -> int:
    """The year of the version of a text the question asks about (0 for none)."""
    m = _VERSION.search(question)
    return int(next(year for year in m.groups() if year)) if m else 0


def amended_in(question: str) -> int:
    """The year of the amendment a question asks about (0 for none, or when it asks about the original text)."""
    m = _AMENDED_IN.search(question)
    if not m or _ORIGINAL.search(question):
        return 0
    return int(next(year for year in m.groups() if year))


# "by how many working days can it be extended", "延长多少个工作日", "if it is extended, what is the maximum total time":
# the length of an extension, which only a clause extending by a stated time gives (可以延长15个工作日), not the
# time being extended (一般应当在90个工作日内完成)
_ASKS_EXTENSION = re.compile(
    r"\bby how (?:many|much|long)\b[^?？]*\bextend|\bextend\w*\b[^?？]{0,40}\bby how (?:many|much|long)\b|"
    r"\bhow (?:many|much|long)\b (?:is|are|can|could|may|will|would)\b[^?？]*\b(?:extension|extended)\b|"
    r"\bhow long (?:can|could|may|will|would|does|do)\b[^?？]{0,40}\bextend\b|"
    r"延长(?:多少|几|多久|多长)|\b(?:maximum|longest|max)\s+extension\b|\bextension (?:period|allowed)\b|"
    r"\bhow long (?:is|of) (?:an?|the) extension\b|延期(?:多少|几|多久|多长)|"
    r"(?:if|once|when)\b[^?？]*\bextended\b[^?？]*\b(?:maximum|total|at most|longest)\b|"
    # "which can run longer once extended": the lengths with their extensions compared
    r"\b(?:longer|longest|run to)\b[^?？]{0,20}\b(?:once|when|if|after being) extended\b|"
    r"延长(?:的)?(?:话|后)[^，。？]{0,10}(?:最长|总共|一共|最多)", re.I)
_PHRASE_END = re.compile(r"[，；;。！？!?]|,\s|\.(?:\s|$)")
_EXTENDS = re.compile(r"延长|延期|\bextend\w*|\bextension|\bprolong\w*", re.I)


def asks_extension(question: str) -> bool:
    """Whether the question asks how long an extension is (or the total with it)."""
    return bool(_ASKS_EXTENSION.search(question))


def extends_by(text: str, start: int, end: int) -> bool:
    """Whether the period at text[start:end] is what a clause extends by (可以延长15个工作日, "extended by 30 days")."""
    # the extending word comes first (延长15个工作日, "extended by 30 days"), or "extension" right after ("a
    # 30-day extension"): a period before it (有效期届满前60个工作日内…申请延长) is when to apply, not the extension
    begin = max((m.end() for m in _PHRASE_END.finditer(text, 0, start)), default=0)
    return bool(_EXTENDS.search(text[begin:start]) or re.match(r"[\s-]*extensions?\b", text[end:end + 14], re.I))


def counted_from(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is where a count starts (自当年1月1日起累计, "since 1 January"), not a
    date anything is due by."""
    before = text[max(0, start - 12):start]
    return bool(_COUNTS_FROM.search(before) and text[end:end + 2].lstrip().startswith("起")
                or _EN_COUNTS_FROM.search(before))
