"""Readings added in session 46, each measured on the blind sets: a crime named by a charge no stored passage
names, and a commencement asked as the day a text applies from (从哪天起适用)."""

from __future__ import annotations


def test_a_charge_is_read_up_to_its_crime_and_cut_after_the_words_before_it():
    from retrieval.unheld_crimes import charges_named

    assert charges_named("员工远程删库，涉嫌破坏计算机信息系统罪吗？") == ("破坏计算机信息系统罪",)
    # a charge may hold an earlier 罪 (犯罪活动罪), and one ending as 犯罪 or 入罪 does is no charge
    assert charges_named("帮助信息网络犯罪活动罪的入罪标准是什么？") == ("帮助信息网络犯罪活动罪",)
    assert charges_named("够得上侵犯公民个人信息罪的“情节严重”吗") == ("侵犯公民个人信息罪",)
    assert charges_named("这种行为会构成犯罪吗？") == ()
    assert charges_named("倒卖个人信息会被定什么罪？") == ()
    assert charges_named("这是数罪并罚吗？") == ()


def test_a_charge_a_stored_passage_names_is_held_in_any_shortening():
    from retrieval.unheld_crimes import unheld_charges

    stored = ["同时构成侵犯公民个人信息罪的，依照处罚较重的规定定罪处罚", "构成拒不履行信息网络安全管理义务罪"]
    assert unheld_charges("侵犯公民个人信息罪最高判几年？", stored) == ()
    assert unheld_charges("按侵犯个人信息罪判的话罚金多少", stored) == ()
    assert unheld_charges("帮助信息网络犯罪活动罪的入罪标准是什么？", stored) == ("帮助信息网络犯罪活动罪",)
    assert unheld_charges("群成员到多少人就构成非法利用信息网络罪？", stored) == ("非法利用信息网络罪",)
    # with no charge named, the stored texts are not read
    assert unheld_charges("网络日志留存多久？", iter(())) == ()


def test_the_day_a_text_applies_from_is_its_commencement():
    from retrieval.compose import EFFECTIVE_CUE

    assert EFFECTIVE_CUE.search("网安法2025年那次修改，新的罚则从哪天起适用？")
    assert EFFECTIVE_CUE.search("新规从什么时候开始执行？")
    assert not EFFECTIVE_CUE.search("这条规定适用于哪些企业？")


def test_which_route_a_transfer_takes_is_no_which_article_ask():
    from retrieval.rules.asks import asks_which_article
    from retrieval.transfer_ask import asks_transfer_route

    asked = "电商平台，非关基，今年要把约20万会员的普通个人信息传到香港，走哪条出境路径？"
    assert not asks_which_article(asked)
    assert asks_transfer_route(asked)
    assert asks_which_article("个人信息保护法哪一条规定了出境路径？")


def test_what_the_asker_has_in_hand_stops_pulling_without_being_set_aside():
    from retrieval.query import exclusions, without_exclusions

    asked = "Besides a security assessment, what filing do we need?"
    assert "security assessment" not in without_exclusions(asked)
    assert exclusions(asked) == ""  # a sentence naming both is still the answer
    assert "安全评估" not in without_exclusions("我们的产品有舆论属性，除了安全评估，还要办什么备案？")
    # a sentence adverb has nothing in hand
    assert without_exclusions("Besides, what filing do we need?") == "Besides, what filing do we need?"


def test_what_else_asks_the_rest_of_a_list_naming_what_is_in_hand():
    from retrieval.query import without_exclusions

    assert "procuratorate" in without_exclusions("And besides the procuratorate, who else can bring such a suit?")
    assert "检察院" in without_exclusions("除了检察院，还有谁可以提起公益诉讼？")


def test_besides_in_chinese_is_in_hand_before_an_ask_of_more_and_an_exclusion_before_a_sanction():
    from retrieval.query import exclusions, without_exclusions

    asked = "上线前除了常规合规之外还得走哪些程序？"
    assert "常规合规" not in without_exclusions(asked) and exclusions(asked) == ""
    # "除没收违法所得外，应当并处多少罚款": the sanction set aside is no figure of the answer
    assert "没收违法所得" in exclusions("违法所得3万元。除没收违法所得外，应当并处多少罚款？")
    # "除了国家网信办之外还有几个部门": the rest of a list that names it
    counted = "除了国家网信办之外还有几个部门参与？"
    assert "国家网信办" in without_exclusions(counted) and exclusions(counted) == ""


def test_the_words_only_a_scene_uses_are_the_scene_s():
    from retrieval.query import analyse

    read = analyse("We're a mobile game studio with 3 million players. How long must network logs be kept?", "bigram")
    assert "game" in read.scene_tokens and "studio" in read.scene_tokens
    assert not {"network", "logs"} & read.scene_tokens
    # every sentence asks: no scene
    assert analyse("How long must network logs be kept?", "bigram").scene_tokens == frozenset()


def test_a_sentence_naming_the_ask_beats_one_naming_the_scene():
    from retrieval.compose import _scene_weighted, _weighted_coverage

    idf = {"game": 5.0, "studio": 5.0, "logs": 5.0, "kept": 2.0}
    query = {"game", "studio", "logs", "kept"}
    weights = _scene_weighted(idf, frozenset({"game", "studio"}), 8.0)
    about_scene = frozenset({"game", "studio"})
    about_ask = frozenset({"logs", "kept"})
    assert _weighted_coverage(query, about_ask, weights, 8.0) > _weighted_coverage(query, about_scene, weights, 8.0)
    assert _weighted_coverage(query, about_ask, idf, 8.0) < _weighted_coverage(query, about_scene, idf, 8.0)


def test_a_term_asked_to_count_as_is_held_only_where_a_stored_passage_uses_it():
    from retrieval.counted_terms import counted_as_terms, unused_terms

    stored = "非法获取、出售或者提供公民个人信息，具有下列情形之一的，应当认定为“情节严重”"
    assert counted_as_terms("电信网络诈骗，诈骗数额达到多少算“数额特别巨大”？") == ("数额特别巨大",)
    assert unused_terms("诈骗数额达到多少算“数额特别巨大”？", lambda t: t in stored) == ("数额特别巨大",)
    assert unused_terms("卖到多少条就算“情节严重”？", lambda t: t in stored) == ()
    # a quoted name the question does not ask anything to count as is not read ("小智助手", 俗称"守门人")
    assert counted_as_terms("我们要给“小智助手”做上线合规，办法是哪天施行的？") == ()
