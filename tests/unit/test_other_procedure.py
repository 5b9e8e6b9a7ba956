"""Rule other_procedure: the word a question names a procedure by, and which of those the store uses in few
passages."""

from retrieval.procedures import procedure_qualifiers, rare_qualifiers


def test_the_word_before_a_procedure_names_it():
    assert procedure_qualifiers("ICP备案一般要多少个工作日能批下来？") == ("ICP",)
    assert procedure_qualifiers("外商投资安全审查办法规定，一般审查的期限是多少个工作日？") == ("外商投资",)
    assert procedure_qualifiers("How long does an ICP bei'an filing take in Henan?") == ("ICP",)


def test_the_fields_own_procedures_have_no_foreign_qualifier():
    assert procedure_qualifiers("数据出境安全评估申报后几天完成查验？") == ()
    assert procedure_qualifiers("个人信息保护影响评估报告保存多久？") == ()
    assert procedure_qualifiers("How long does the CAC security assessment take?") == ()


def test_a_procedure_used_as_a_verb_or_as_an_object_has_no_qualifier():
    assert procedure_qualifiers("截至2024年底，网信办一共备案了多少个生成式AI服务？") == ()
    assert procedure_qualifiers("应当在显著位置标明其备案编号") == ()


def test_a_word_cut_across_a_glossary_term_is_no_qualifier():
    # jieba cuts 网信办报 as 网信 + 办报
    assert procedure_qualifiers("敏感个人信息出境多少人以上就得去网信办报安全评估") == ()


def test_only_qualifiers_few_passages_use_are_kept():
    uses = {"ICP": 7, "外商投资": 40}
    assert rare_qualifiers("ICP备案要多久？", lambda q: uses.get(q, 0)) == ("ICP",)
    assert rare_qualifiers("外商投资安全审查要多久？", lambda q: uses.get(q, 0)) == ()
