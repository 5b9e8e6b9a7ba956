"""Rule referred_elsewhere: a law that sends a breach to other laws sets no fine for it. No store, no model."""

from __future__ import annotations

from retrieval.compose import compose
from retrieval.query import analyse
from retrieval.records import Passage
from retrieval.referral import asks_fine_for_breach, referral_items, referred_elsewhere

REFERRING = ("第七十一条 有下列行为之一的，依照有关法律、行政法规的规定处理、处罚：\n\n"
             "（一）发布或者传输本法第十三条第二款和其他法律、行政法规禁止发布或者传输的信息的；\n\n"
             "（二）违反本法第二十四条第三款、第四十三条至第四十五条规定，侵害个人信息权益的；\n\n"
             "（三）违反本法第三十九条规定，关键信息基础设施的运营者在境外存储个人信息和重要数据的。")
FINING = ("第六十四条 网络运营者违反本法第二十六条第一款规定，未要求用户提供真实身份信息的，由有关主管部门责令改正；"
          "拒不改正或者情节严重的，处五万元以上五十万元以下罚款。")
DUTY = "第四十三条 网络运营者收集、使用个人信息，应当遵循合法、正当、必要的原则，公开收集、使用规则。"


def _passage(text: str, article: int) -> Passage:
    return Passage(chunk_id=f"csl-2025-{article}", doc_id="csl-2025", text=text, start=0, end=len(text),
                   locator=f"Art. {article}", title="网络安全法", source="", kind="statute", authority=1,
                   status="in-force", language="zh", article=article, short="CSL", score=1.0, fused=1.0)


def test_the_items_under_a_referring_chapeau_are_the_breaches_referred():
    items = referral_items(_passage(REFERRING, 71))
    assert len(items) == 3 and items[1].text.startswith("（二）违反本法第二十四条第三款")
    assert referral_items(_passage(FINING, 64)) == []


def test_a_breach_the_law_refers_away_is_not_answered_with_another_articles_fine():
    question = "2025年修正后的网安法，对网络运营者违法收集使用个人信息，网安法本身规定罚多少？"
    analysis = analyse(question, "bigram")
    assert asks_fine_for_breach(analysis)
    passages = [_passage(FINING, 64), _passage(DUTY, 43), _passage(REFERRING, 71)]
    answered = compose(passages, analysis, 5, 0.0, "bigram")
    assert not answered.abstained and "五万元" in answered.text  # the careless answer the rule stands in for
    referred = referred_elsewhere(answered, analysis, passages, "bigram", {}, 8.0)
    assert referred is not None and referred.abstained and "Art. 71" in referred.reason
    # a breach the fining article describes is its own: no referral stands in
    own = analyse("网安法2025年修正后，网络运营者未要求用户提供真实身份信息的，罚多少？", "bigram")
    answered = compose(passages, own, 5, 0.0, "bigram")
    assert not answered.abstained and referred_elsewhere(answered, own, passages, "bigram", {}, 8.0) is None


def test_the_rule_reads_only_fines_asked_for_a_breach_in_words():
    assert not asks_fine_for_breach(analyse("What fine range does Article 70 of the amended Cybersecurity Law provide?"))
    assert not asks_fine_for_breach(analyse("Under the Cybersecurity Law, how many days of detention can be imposed?"))
    assert not asks_fine_for_breach(analyse("What is the maximum fine under the Cybersecurity Law?"))
