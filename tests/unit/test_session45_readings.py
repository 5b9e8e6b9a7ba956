"""Readings added in session 45, each measured on the blind sets: another law's article that no stored passage
cites, a date asked as "what's the effective date" beside a scene of taking effect, a comparison's aside asked in a
sentence of its own, a percentage asked in a compound noun."""

from __future__ import annotations


def test_an_article_of_a_law_the_corpus_lacks_is_read_with_its_law():
    from retrieval.unheld_articles import UnheldArticle, unheld_article_refs

    assert unheld_article_refs("What sentence does Article 111 of the Criminal Law carry?") == \
        [UnheldArticle("Criminal Law", 111, "Article 111 of the Criminal Law")]
    # the words before a name are cut at the last that cannot be part of it
    assert [r.law for r in unheld_article_refs("需要经决议吗？新公司法第一百八十二条怎么规定？")] == ["公司法"]
    assert [r.law for r in unheld_article_refs("根据中华人民共和国刑法第二百八十六条怎么处罚")] == ["刑法"]
    # laws the corpus holds, by any of their names, and short forms of their titles, are not such laws
    assert unheld_article_refs("个保法第六十六条的罚款上限是多少？") == []
    assert unheld_article_refs("What does Article 66 of the PIPL say about fines?") == []
    assert unheld_article_refs("审查办法第七条规定的门槛是多少？") == []
    assert unheld_article_refs("本法第五条规定了什么？") == []


def test_a_passage_cites_another_law_s_article_by_its_name_then_its_number():
    from retrieval.unheld_articles import UnheldArticle, cites, uncited

    interpretation = "应当认定为刑法第二百五十三条之一规定的“情节严重”"
    assert cites(UnheldArticle("刑法", 253, "刑法第二百五十三条"), interpretation)
    assert not cites(UnheldArticle("刑法", 111, "刑法第一百一十一条"), interpretation)
    # the glossary's Chinese name of an English one counts
    assert cites(UnheldArticle("Criminal Law", 253, "Article 253 of the Criminal Law"), interpretation)
    assert uncited("刑法第一百一十一条怎么规定？", [interpretation]) == ("刑法第一百一十一条",)
    assert uncited("刑法第二百五十三条之一怎么规定？", [interpretation]) == ()


def test_what_s_the_effective_date_asks_a_date_though_a_scene_tells_of_taking_effect():
    from retrieval.figures import question_wants

    assert question_wants("Opposing counsel cites the SPC facial recognition provisions; our side thinks they don't "
                          "reach conduct before the provisions took effect. What's the effective date?") == {"date"}
    assert question_wants("What is the fine, and what date did it take effect?") == {"amount", "date"}


def test_an_aside_asked_after_a_comparison_is_not_asked_of_each_side():
    from retrieval.compare import sides, without_asides

    question = ("Our memo says the result is good for 2 yrs under the 2022 Measures, but someone said the March 2024 "
                "Provisions changed the validity period. Which one is longer? Also whether we can apply to extend.")
    assert all("extend" not in side.question for side in sides(question))
    assert without_asides("个保法和数安法哪个罚款更高？另外能不能申请减免？") == "个保法和数安法哪个罚款更高？"
    # a second sentence asking a figure is no aside
    assert without_asides("Which is longer? Also, how many days is each?") == "Which is longer? Also, how many days is each?"


def test_a_percentage_asked_in_a_compound_noun_is_what_is_wanted_though_the_scene_names_a_fine():
    from retrieval.figures import question_wants

    assert question_wants("I read the fines were up to 5% of prior-year turnover. In the amendment adopted in 2025, "
                          "what's the turnover-percentage cap?") == {"percent"}
    assert question_wants("What's the fine for a 5% share sale?") == {"amount"}


def test_an_aside_asked_in_the_last_clause_of_a_comparison_is_not_asked_of_each_side():
    from retrieval.compare import without_asides

    assert without_asides("Did the 2024 provisions change that - which validity period is longer now, and is it "
                          "extendable?") == "Did the 2024 provisions change that - which validity period is longer now?"
    assert without_asides("个保法和数安法哪个罚款更高，能不能减免？") == "个保法和数安法哪个罚款更高？"
    assert without_asides("Which is longer, A or B, and how many days is each?") == \
        "Which is longer, A or B, and how many days is each?"


def test_one_chinese_character_of_the_glossary_inside_a_word_is_no_term_the_question_sets_aside():
    from retrieval.query import analyse

    assert analyse("团伙在倒卖行踪轨迹信息（不是内部员工干的），卖到多少条构成情节严重？", "jieba").excluded_terms == set()
    assert "行踪轨迹" in analyse("普通个人信息（不是行踪轨迹、财产信息）多少条构成情节严重？", "jieba").excluded_terms


def test_a_chinese_count_noun_is_compared_with_the_english_thing_a_guide_counts():
    from retrieval.roles import count_heads_differ

    assert count_heads_differ("级别", "Three Fundamental Laws", "")
    assert not count_heads_differ("级别", "five protection levels", "")
    assert not count_heads_differ("保护等级", "five protection levels", "")
    # a noun the table does not know still refuses a count of a named thing only when it has a class
    assert not count_heads_differ("个", "Three Fundamental Laws", "")


def test_a_short_name_means_its_full_term_and_the_full_term_s_translations():
    from retrieval.glossary import expand_query

    assert {"网络安全等级保护", "mlps"} <= set(expand_query("等保一共分几个级别？"))
    # a paraphrase only says which statutory words to search (上线: 提供服务), not their translations
    assert "提供服务" in expand_query("上线后几天内办？")
    assert not any(term.isascii() for term in expand_query("上线"))


def test_a_guide_counts_a_thing_with_a_number_before_its_english_head():
    from retrieval.roles import counting_pattern

    levels = counting_pattern("级别")
    assert levels.search("The MLPS categorizes systems into five protection levels")
    assert not levels.search("the Three Fundamental Laws")
    assert counting_pattern("protection levels").search("into 5 levels")
    assert counting_pattern("行业领域") is None  # a Chinese noun outside the table is looked for nowhere else


def test_a_count_of_things_of_no_class_is_looked_for_in_the_guides_too():
    from retrieval.query import analyse
    from retrieval.roles import counts_unclassed

    assert counts_unclassed(analyse("等保一共分几个级别？", "jieba"))
    assert counts_unclassed(analyse("How many protection levels does MLPS have?", "jieba"))
    assert not counts_unclassed(analyse("How many users trigger a cybersecurity review?", "jieba"))
    assert not counts_unclassed(analyse("What is the maximum fine under the PIPL?", "jieba"))
