"""Who must act, what act, on which route: a deadline is someone's deadline for something. The office's days to
review a filing are not the processor's days to file it; a yearly report is not a yearly test; a security
assessment's validity is not a certificate's; a fine for breaching one article does not answer for another."""

from __future__ import annotations

import re

from ingest.numerals import chinese_to_int
from retrieval.sentences import SENTENCE_END, clause_around, clause_start

_ACTORS = {
    "authority": re.compile(r"成员单位|部门|机关|办公室|网信办|网信委|委员会|人民政府|法院|检察院|公安|\boffices?\b|administrations?\b|"
                            r"authorit(?:y|ies)|regulators?\b|departments?\b|ministry|bureau|\bCAC\b|government|"
                            r"agenc(?:y|ies)|\bcourts?\b|procuratorate|police|commission", re.I),
    "party": re.compile(r"处理者|运营者|提供者|当事人|企业|单位|平台|公司|经营者|接收方|备案人|申报人|我们|我司|我方|\bcompan(?:y|ies)\b|"
                        r"\bwe\b|\bour\b|operators?\b|processors?\b|handlers?\b|providers?\b|platforms?\b|"
                        r"business(?:es)?\b|\bfirms?\b|enterprises?\b|organi[sz]ations?\b|controllers?\b|vendors?\b|"
                        r"applicants?\b|recipients?\b|exporters?\b", re.I),
    "individual": re.compile(r"个人(?!信息)|本人|用户|监护人|近亲属|\bindividuals?\b|\busers?\b|data subjects?\b|"
                             r"\bparents?\b|guardians?\b", re.I),
}
# duties and permissions alike say who acts: "the processor may apply 60 working days before expiry" is the
# processor's time, not the office's
_EN_DUTY = re.compile(r"\b(?:must|should|shall|may|can|has to|have to|needs? to|(?:is|are) (?:required|obliged|allowed|"
                      r"permitted) to)\b", re.I)
_ZH_DUTY = re.compile(r"应当|应该|必须|须|需要|可以|(?<![对响供相])应(?![用急对])|要(?=在|于)|(?<=内|久)要|可(?=在|于|自)")
# the office's time, said with 内 or without it (网信办几个工作日给结果, 出备案结果)
_ZH_OFFICE_ACTS = re.compile(r"([\u4e00-\u9fff]{0,8}?(?:网信办|网信委|网信部门|主管部门|监管部门|办公室|机关))(?:要|会|需要|需|得)?"
                             r"(?:在?[^，。？?]{0,12}?(?:内|日|天|月))?(?:要|会|能|可以)?"
                             r"(?:审查|审核|审完|审结|审批|核查|查验|受理|作出|答复|办结|完成|批准|回复|"
                             r"出具|给出?|批|出(?=[^，。？?]{0,6}?(?:结果|决定|结论|通知|意见)))")
# "how many days does the provincial CAC take to review…": the office's own time, with no modal to say so
_EN_OFFICE_ACTS = re.compile(r"\b(?:does|do|did|will|would)\s+((?:the\s+)?(?:[\w-]+\s+){0,3}?(?:CAC|offices?|authorit(?:y|ies)|"
                             r"regulators?|departments?|administrations?|bureaus?|ministry|agenc(?:y|ies)|commissions?))"
                             r"\s+(?:take|need|have|get|spend)\b", re.I)
_INVERTED = re.compile(r"\s+(?:(we|our|you|us)|(it|they|he|she)|the|a|an|its|their|[A-Z]{2,})\b")
_NOUN_PHRASE_END = re.compile(r"\b(?:to|with|for|from|by|in|on|at|within|before|after|if|when|under|of)\b", re.I)
_AUXILIARY = re.compile(r"\b(?:does|do|did)\b", re.I)
_PIECE_BREAK = re.compile(r"[，,：:]")
_FIRST_PERSON = re.compile(r"我们|我司|我方|\bwe\b|\bour\b", re.I)
_THIRD_PERSON = re.compile(r"他们|她们|对方|\bthey\b", re.I)
_ARTICLE_LABEL = re.compile(r"^第[一二三四五六七八九十百零\d]+条\s*")


def _actors(text: str) -> list[tuple[int, str]]:
    """The actors named in a text, in order; a name inside a longer one (单位 in 成员单位) is not another actor."""
    found = [(m.start(), m.end(), name) for name, pattern in _ACTORS.items() for m in pattern.finditer(text)]
    return sorted((start, name) for start, end, name in found
                  if not any(a <= start and end <= b and (a, b) != (start, end) for a, b, _ in found))


def _subject(text: str, at: int) -> tuple[str, str]:
    """The actor a duty at ``at`` binds, and the words that name it, read back through its sentence: the nearest
    actor in the duty's own clause, else the first actor of an earlier clause that is not a condition (…的，) —
    “网信部门收到…材料后，材料齐全的，应当在三十个工作日内予以备案” binds the office."""
    start = clause_start(text, at)
    pieces: list[tuple[int, int]] = []
    end = at
    for m in reversed(list(_PIECE_BREAK.finditer(text, start, at))):
        pieces.append((m.end(), end))
        end = m.start()
    pieces.append((start, end))
    conditions: list[str] = []
    # “我们报告…以后，他们要…”: "they" are someone the asker named, not the asker
    others = bool(_THIRD_PERSON.search(text[pieces[0][0]:pieces[0][1]]))
    for n, (a, b) in enumerate(pieces):
        piece = text[a:b]
        if n and piece.rstrip().endswith("的"):
            conditions.append(piece)  # a condition names whom it is about, not who must act …
            continue
        actors = [(at, name) for at, name in _actors(piece) if not (n and others and _FIRST_PERSON.match(piece, at))]
        if actors:
            return (actors[-1][1] if n == 0 else actors[0][1]), piece
    # … unless nothing else names anyone: “审查办公室认为需要开展审查的，应当…” binds the office
    first = _actors(conditions[-1]) if conditions else []
    return (first[0][1], conditions[-1]) if first else ("", "")


# a body the question asks about ("找哪一级网信部门", "向哪个部门", "which authority do we file with") is where the
# asker goes, not who must act: "找哪一级网信部门、多少天内要交" asks the filer's days
_BODY_ASKED = re.compile(r"(?:找|向|去|到|给|报)?哪(?:一级|一个|个|些|级|家)的?[\u4e00-\u9fff]{0,8}?"
                         r"(?:部门|机关|机构|办公室|网信办)|\b(?:with|to)?\s*which\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:authorit(?:y|ies)|departments?|offices?|regulators?|agenc(?:y|ies)|bod(?:y|ies)|bureaus?)\b",
                         re.I)


def without_bodies_asked(question: str) -> str:
    """The question with the bodies it asks about blanked out, each character a space (offsets kept)."""
    return _BODY_ASKED.sub(lambda m: " " * len(m.group()), question)


def asked_duty(question: str) -> tuple[str, str]:
    """Who the question says must act ("must the office finish", "does a company have to", "当事人应在"), and the
    words naming them: ("authority" | "party" | "individual", phrase), or ("", "") when it names no one
    (“must incidents be reported”). A body it asks about is not who acts (without_bodies_asked)."""
    question = without_bodies_asked(question)
    if (acts := _EN_OFFICE_ACTS.search(question)) and (named := _actors(acts.group(1))):
        return named[0][1], acts.group(1)
    m = _EN_DUTY.search(question)
    if m:
        word = m.group(0).lower()
        if word in ("must", "should", "shall", "may", "can") and (inverted := _INVERTED.match(question, m.end())):
            # "must the office finish", "must we file", "must it report" (it: whoever the question named first)
            if inverted.group(1):
                return "party", inverted.group(1)
            if inverted.group(2):
                named = _actors(question[:m.start()])
                return (named[0][1], question[:m.start()]) if named else ("", "")
            phrase = question[m.end():m.end() + 60]
            stop = _NOUN_PHRASE_END.search(phrase)
            phrase = phrase[:stop.start()] if stop else phrase
            after = _actors(phrase)
            return (after[0][1], phrase) if after else ("", "")
        if word.startswith(("has", "have", "need")):
            aux = [a for a in _AUXILIARY.finditer(question, max(0, m.start() - 60), m.start())]
            if aux:
                phrase = question[aux[-1].end():m.start()]
                between = _actors(phrase)
                return (between[0][1], phrase) if between else ("", "")
        return _subject(question, m.start())
    m = _ZH_DUTY.search(question)
    if m:
        return _subject(question, m.start())
    # 省网信办审查备案材料的期限: an office doing what offices do names who acts, with no 应当 to say it
    if (acts := _ZH_OFFICE_ACTS.search(question)) and (named := _actors(acts.group(1))):
        return named[0][1], acts.group(1)
    return "", ""


# the level of government that acts: the provincial office's five days to check a filing are not the national
# office's seven days to accept it
_PROVINCIAL = re.compile(r"省级|省、自治区|\bprovincial\b|\bprovince\b|地市级|市级|\bmunicipal\b|\bcity-level\b", re.I)
_NATIONAL = re.compile(r"国家网信|国家.{0,6}部门|国家和|国务院|\bnational\b|\bstate council\b|\bCAC\b", re.I)


def authority_level(phrase: str) -> str:
    """"provincial", "national", or "" (neither said, or both: 国家和省、自治区、直辖市网信部门)."""
    provincial, national = bool(_PROVINCIAL.search(phrase)), bool(_NATIONAL.search(phrase))
    return "provincial" if provincial and not national else "national" if national and not provincial else ""


_WITH_APPROVAL = re.compile(r"(?:^|[，,\s])经[^，,。；]{1,24}(?:批准|同意|审批|核准|许可)")


def duty_at(text: str, start: int) -> tuple[str, str]:
    """Who must act within the figure at ``start``, and the words naming them: the subject of the nearest duty
    word before it in its sentence ("个人信息处理者应当在…10个工作日内"); a clause after ；that names no one goes on
    with the subject before it (“…应当…完成初步审查…；情况复杂的，可以延长15个工作日”); with no duty word, the actor
    the sentence opens with. ("", "") when none is said."""
    sentence_start = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    duties = sorted((m.start() for pattern in (_EN_DUTY, _ZH_DUTY) for m in pattern.finditer(text, sentence_start, start)),
                    reverse=True)
    found = next((found for at in duties if (found := _subject(text, at))[0]), ("", ""))
    if _WITH_APPROVAL.search(found[1]):
        # "经国家网信部门批准，可以延长…": the office approves; the one who may extend is the one who asked
        return "party", found[1]
    if found[0] or duties:
        return found
    # no duty word: a sentence that opens with its actor (“保护工作部门自收到报告之日起3个月内完成重新认定”) binds it
    opening = text[sentence_start:start].lstrip()
    opening = _ARTICLE_LABEL.sub("", opening)
    actors = _actors(opening[:12])
    if actors and not _PIECE_BREAK.search(opening[:actors[0][0]]):
        return actors[0][1], opening[:actors[0][0] + 8]
    return "", ""


def is_of_kind(subject: str, kind: str, law_names: str = "") -> bool:
    """Whether the words naming who must act name a kind of party (关键信息基础设施运营者): whole, or as its qualifier
    and its three-character head noun apart (关键信息基础设施的运营者). A bare head noun (运营者) is read with the names
    of its law, which say whose duties it sets: the CII Regulations' 运营者 are CII operators."""
    subject = subject.replace("的", "")
    if len(_ARTICLE_LABEL.sub("", subject).strip()) <= 4:
        subject = f"{subject} {law_names}"
    return kind in subject or kind[:-3] in subject and kind[-3:] in subject


# what is done at an interval or by a deadline: kinds of act one cannot stand in for another
_ACTIVITIES = {
    # how long an assessment's result stays valid (评估结果有效期) is no act of assessing; issuing the result is
    "assessment": re.compile(r"(?<!复)评估(?!(?:结果)?的?有效期)|(?<!re-)(?<!re)\bassess(?!ment results?(?: (?:is|are|remains?|"
                             r"stays?))? valid|ment(?: result)?['’]s validity)|(?<!re-)(?<!re)\bevaluat", re.I),
    # challenging a result (对评估结果有异议, "challenge the fail") is asking for it to be assessed again
    "reassessment": re.compile(r"复评|重新评估|复核|有异议|\bre-?assess|\bre-?review|\bre-?examin|\bre-?evaluat|"
                               r"\bchalleng(?:e|ing)\s+(?:it|the\s+(?:\w+\s+)?(?:result|outcome|decision|fail\w*))\b", re.I),
    "extension": re.compile(r"延长|延期|\bextend|\bextension|\bprolong", re.I),
    "testing": re.compile(r"检测|测评|测试|\btest", re.I),
    "audit": re.compile(r"审计|\baudit", re.I),
    # notifying an authority is reporting to it ("notify the CAC", 通知网信部门), as telling users is informing them
    # 报给主管部门 is said for reporting to an authority as much as for handing materials in (submission)
    "report": re.compile(r"报告|报给|\breport|\bnotif\w*\s+(?:the\s+)?(?:local\s+|provincial\s+|competent\s+)?(?:CAC|cyberspace|"
                         r"regulators?|authorit\w+|departments?|police|public security|MPS|MIIT|government)\b|"
                         r"(?:通知|告知)[^，。；？]{0,4}(?:网信|主管部门|监管部门|公安)", re.I),
    "training": re.compile(r"培训|\btrain", re.I),
    "drill": re.compile(r"演练|\bdrills?\b", re.I),
    "inspection": re.compile(r"检查|巡查|\binspect", re.I),
    # checking that an application's materials are complete (完备性查验) is a step of assessing or reviewing it
    # (_PART_OF), not re-assessing it, answering a request or deciding an extension
    "completeness": re.compile(r"完备性|查验|\bcompleteness\b", re.I),
    "backup": re.compile(r"备份|\bback ?up", re.I),
    "review": re.compile(r"审查|审核|(?<!re-)\breview", re.I),
    "filing": re.compile(r"备案|\bfil(?:e|es|ed|ing)\b|\bregist", re.I),
    # cancelling a filing when a service ends is not making it: 注销备案 has its own period (二十个工作日)
    "deregistration": re.compile(r"注销|\bderegist|\bde-regist|\bcancel\w*\s+(?:of\s+)?(?:(?:the|its|our|a)\s+)?(?:\w+\s+)?"
                                 r"(?:filing|registration)", re.I),
    # said loosely too: 补材料, 交上去, "hand in the documents"
    "submission": re.compile(r"提交|报送|报给|交给|补交|递交|补充材料|补(?:齐|全)?材料|交(?:上去|上来|过去)(?!之?后|以后)|"
                             r"\bsubmi|\bsupplement|\bhand(?:ed|ing|s)? (?:in|over)\b", re.I),
    # applying (申报) for an assessment or a review is not the authority's doing it: the 45 working days to finish
    # an assessment are not how soon after a change one must re-apply
    "application": re.compile(r"申报|\b(?:re-?)?appl(?:y|ies|ied|ying) for\b|\bre-?apply", re.I),
    # updating a filing when its details change (办理变更手续) is neither making it nor answering anyone
    "change": re.compile(r"变更手续|办理?变更|(?:备案|登记)?信息(?:发生)?变(?:更|了|化)|"
                         r"\b(?:update|amend|change)\w*\s+(?:(?:the|its|their|our)\s+)?"
                         r"(?:filing|registration|record)\b", re.I),
    # answering a person's request (to delete, to access, to correct) is not filing or reporting
    "response": re.compile(r"答复|回复|响应|反馈|处理[^，。；？]{0,12}?(?:请求|申请|投诉)|\brespond|\breply|\breplies|\bresponse|"
                           r"\b(?:answer|handl|process|deal\w* with|action)\w*\s+(?:(?:an?|the|their|his|her|our|a user['’]s)\s+)?"
                           r"(?:[\w'’-]+\s+){0,3}?(?:requests?|complaints?|quer(?:y|ies)|enquir\w+|inquir\w+)\b", re.I),
    # telling the people affected is not reporting to the authorities: the 24 hours to report a national-security
    # risk to the regulator are not the time to notify users of a breach
    "informing": re.compile(r"(?:通知|告知)[^，。；？]{0,6}(?:用户|个人|权利人|受影响|利害关系人|相关方)|"
                            r"\b(?:notify|notif\w+|inform\w*|tell)\b[^,.;?]{0,20}\b(?:users?|individuals?|data subjects|"
                            r"customers|persons|people|consumers|(?:interested|affected|concerned) parties|stakeholders)\b",
                            re.I),
    # putting a breach right by a deadline (限期整改) is not filing or reporting
    "rectification": re.compile(r"整改|\brectif|\bremediat", re.I),
    # moving a person's information to another service at their request (转移到, portability)
    "portability": re.compile(r"转移(?:到|至|给)|可携|\bportab|\bport(?:ed|ing)?\s+(?:their|his|her|its|the|my|our)\b",
                              re.I),
    # deciding whether to take a filing up is not deciding it: 7 days to accept an application are not the days
    # to reach a (re-)assessment's conclusion
    "acceptance": re.compile(r"(?<!不予)受理|确定(?:是否|要不要)需要|(?:决定|确定)(?:是否|要不要)(?:受理|立案|开展|启动|审)|"
                             r"\baccept(?:s|ed|ing|ance)?\b(?! (?:the|a|an) (?:result|conclusion))|"
                             r"\bwhether (?:a |the )?(?:review|assessment|filing|case)\b[^,.?]{0,20}?\b(?:needed|required|"
                             r"opened|accepted|started|launched)\b|\bwhether to (?:accept|open|start|launch|review|assess|conduct)\b|"
                             r"\bdecid\w* whether\b", re.I),
}
# kinds of assessment: a yearly risk assessment of important data is not a minors' impact assessment
_ASSESSMENTS = {
    "impact": re.compile(r"影响评估|impact assessment|\bPIPIA\b", re.I),
    "risk": re.compile(r"风险评估|risk assessment", re.I),
    "security": re.compile(r"安全评估|security assessment", re.I),
    "self": re.compile(r"自评估|自行评估|self-assess", re.I),
    # and of review: the preliminary review's fifteen extra days are not the special review procedure's
    "preliminary review": re.compile(r"初步审查|(?:preliminary|initial) (?:cybersecurity |security )?review", re.I),
    "special review": re.compile(r"特别审查|special (?:cybersecurity |security )?review|special (?:review )?procedure", re.I),
}
# the routes for sending personal information abroad: one route's figures do not answer another's
_ROUTES = {
    "assessment": re.compile(r"security assessment|assessment results?|安全评估|评估结果", re.I),
    "contract": re.compile(r"standard contract|\bSCCs?\b|标准合同", re.I),
    "certification": re.compile(r"certif\w*|认证", re.I),
}


def _named_in(table: dict[str, re.Pattern[str]], text: str) -> frozenset[str]:
    return frozenset(name for name, pattern in table.items() if pattern.search(text))


def activities(text: str) -> frozenset[str]:
    return _named_in(_ACTIVITIES, text)


# "within the 15 working days allowed" sets the scene; "within how many days" asks with its "how"
# a first-minute question may ask with its noun alone ("Cybersecurity review: deadline to hand in supplementary
# materials?")
_ASK_WORD = re.compile(r"多少|几|多久|多长|何时|什么时候|哪|\b(?:how|what|when|which)\b|\bwithin\b(?! the\b)|"
                       # "备案有没有时间要求？" asks a time with no asking word
                       r"(?:有没有|是否有|有无)[^，。？?]{0,4}?(?:时间|期限|时限)(?:要求|限制)?|"
                       r"\b(?:deadline|time limit)\b", re.I)
_ASK_BREAK = re.compile(r"[，,;；。:：?？!！]|\.(?:\s|$)")


def asking_clause(question: str) -> str:
    """The clause that asks (“…的，当事人应在多少个工作日内提交？”, "…, what fine range … for the directly responsible
    manager?"): the scene before it names whom and what it is about, not what is asked."""
    m = _ASK_WORD.search(question)
    if not m:
        return question
    return clause_around(question, m.start(), m.end(), _ASK_BREAK)


def asked_activities(question: str) -> frozenset[str]:
    """The acts the question asks a time for, read in the clause that asks (“网络安全审查办公室要求…的，当事人应当在多少
    个工作日内提交…”: a submission, not the review the office's name speaks of); the whole question if that clause
    names none, bodies' names left out (the review office's name says who asks, not what is to be done)."""
    question = _SINCE_ACCEPTED.sub(" ", question)
    return activities(asking_clause(question)) or activities(_BODY_NAME.sub(" ", question))


# a body named by what it does: 网络安全审查办公室 asks for the materials, it is not the review asked about
_BODY_NAME = re.compile(r"[\u4e00-\u9fff]{0,4}(?:审查|评估|检测|认证|备案)(?:办公室|工作机制|机构|中心)|"
                        r"\b(?:review|assessment|testing|certification|filing)\s+(?:office|bod(?:y|ies)|agenc(?:y|ies)|"
                        r"institutions?|cent(?:re|er)s?)\b", re.I)


# "after accepting the application", 受理后, 自受理之日起: where a time starts, not the act it is asked for
_SINCE_ACCEPTED = re.compile(r"\b(?:after|since|from|upon|once)\s+(?:\w+\s+){0,2}?accept\w*(?:\s+(?:the|our|its)\s+\w+)?|"
                             # "受理数据出境安全评估申报后": the object accepted may stand between
                             r"(?:自|从)?受理[^，。；？?]{0,14}?(?:之日起|后|以后|之后)", re.I)


_RUNS_FROM = re.compile(r"自[^，。；,;]*?起|\b(?:from|after) (?:the )?(?:date|day) (?:of|on which) [^,;.]*", re.I)


def activities_at(text: str, start: int, end: int) -> frozenset[str]:
    """The acts named where the figure stands: its own comma-piece ("特别审查程序一般应当在90个工作日内完成": a review,
    not the extension the next piece allows), and the next piece when the act comes after it
    ("…起10个工作日内，确定是否需要审查…")."""
    piece_start = max((m.end() for m in _PIECE_BREAK.finditer(text, 0, start)), default=0)
    piece_start = max(piece_start, clause_start(text, start))
    after = _PIECE_BREAK.search(text, end)
    piece_end = after.start() if after else len(text)
    # the event a period runs from (自收到报告之日起, 自向当事人发出书面通知之日起) is not what must be done within it
    named = activities(_RUNS_FROM.sub(" ", text[piece_start:piece_end]))
    tail = text[end:piece_end]
    if after and len(tail.strip(" 内以之前后")) < 2:
        following = _PIECE_BREAK.search(text, after.end())
        named |= activities(text[after.end():following.start() if following else len(text)])
    return named


def routes(text: str) -> frozenset[str]:
    return _named_in(_ROUTES, text)


def assessment_kinds(text: str) -> frozenset[str]:
    return _named_in(_ASSESSMENTS, text)


# an act no other stands in for when asked: deciding whether to take a matter up is not doing it (the ten days to
# decide whether a review is needed are not the thirty to finish the preliminary review, though both are "review"),
# and extending a result or a period is not carrying out the assessment (45 working days to assess say nothing of
# how long the CAC has to decide an extension)
_DECISIVE = frozenset({"acceptance", "deregistration", "reassessment", "extension"})


# a step that is part of a larger act: the check of an application's completeness answers a question about the
# assessment, review or filing it belongs to
_PART_OF = {"completeness": frozenset({"assessment", "review", "filing", "application", "submission", "inspection"})}


def _with_wholes(named: frozenset[str]) -> frozenset[str]:
    return named.union(*(_PART_OF.get(act, frozenset()) for act in named))


def lacks_decisive(asked: frozenset[str], named: frozenset[str]) -> bool:
    """Whether a source that names acts leaves out a decisive one the question asks about."""
    needed = asked & _DECISIVE
    return bool(needed) and bool(named) and not needed & named


def others_only(asked: frozenset[str], named: frozenset[str]) -> bool:
    """Whether a source names only other members of a set than those asked (a report where a test was asked); an
    act that is a step of another (_PART_OF) stands for it too."""
    return bool(asked) and bool(named) and not asked & _with_wholes(named)


# a penalty names the articles whose breach it punishes (违反本条例第二十条…规定): it does not answer a question about
# the breach of another article
_ZH_BREACH = re.compile(r"违反(?:了)?([^，。；？]{0,60})")
_EN_BREACH = re.compile(r"\b(?:violat\w*|breach\w*|contraven\w*)\s+(?:of\s+)?(?:the\s+provisions\s+of\s+)?"
                        r"(?:Article|Art\.)\s*(\d+)((?:\s*(?:,|and|or)\s*(?:Article\s*)?\d+)*)", re.I)
# "in breach of export control (Art. 25)": the breach told in words, its article in brackets after them
_EN_BREACH_ASIDE = re.compile(r"\b(?:violat\w*|breach\w*|contraven\w*)\s+(?:of\s+)?[^.;?()]{2,60}?"
                              r"\(\s*(?:Article|Art\.?)\s*(\d+)\s*\)", re.I)
_ZH_ARTICLE_NO = re.compile(r"第([零一二三四五六七八九十百\d]+)条")


# 第四十三条至第四十五条: every article of the range
_ZH_ARTICLE_RANGE = re.compile(r"第([零一二三四五六七八九十百\d]+)条至第([零一二三四五六七八九十百\d]+)条")


def _article_number(number: str) -> int | None:
    try:
        return int(number) if number.isdigit() else chinese_to_int(number)
    except ValueError:
        return None


def breached_articles(text: str) -> frozenset[int]:
    """The article numbers a text says were breached (违反本法第二十七条、第四十二条规定; 第四十三条至第四十五条 is three
    articles; "violates Article 20")."""
    numbers: set[int] = set()
    for m in _ZH_BREACH.finditer(text):
        numbers |= {n for number in _ZH_ARTICLE_NO.findall(m.group(1)) if (n := _article_number(number)) is not None}
        for first, last in _ZH_ARTICLE_RANGE.findall(m.group(1)):
            low, high = _article_number(first), _article_number(last)
            if low is not None and high is not None and 0 < high - low < 20:
                numbers.update(range(low, high + 1))
    for m in _EN_BREACH.finditer(text):
        numbers.update(int(n) for n in re.findall(r"\d+", m.group(1) + (m.group(2) or "")))
    numbers.update(int(m.group(1)) for m in _EN_BREACH_ASIDE.finditer(text))
    if not numbers and _BREACH_THIS.search(text):
        # "新增的第二十条…违反这一条的罚款": the one article the text names is the one said to be breached
        named = {n for number in _ZH_ARTICLE_NO.findall(text) if (n := _article_number(number)) is not None}
        named |= {int(n) for n in _EN_ARTICLE_NO.findall(text)}
        if len(named) == 1:
            numbers = named
    return frozenset(numbers)


# a breach of the article named before ("违反这一条", "breaching that article")
_BREACH_THIS = re.compile(r"违反(?:了)?(?:这一?条|该条|此条|本条|这条规定|该条规定)|"
                          r"\b(?:violat\w*|breach\w*|contraven\w*)\s+(?:of\s+)?(?:this|that|the said)\s+(?:article|provision)\b",
                          re.I)
_EN_ARTICLE_NO = re.compile(r"\b(?:Article|Art\.)\s*(\d+)", re.I)
