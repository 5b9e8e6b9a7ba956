"""Readings added in session 39, each with examples it must pass and must not fire on (no store needed)."""


def test_a_standard_is_a_name_by_series_and_number_not_by_its_edition_year():
    from retrieval.roles import acronyms

    assert acronyms("When does GB/T 45574-2025 take effect?") == ["GB/T 45574"]
    assert acronyms("GB/T35273-2020规定了什么？") == ["GB/T 35273"]
    assert "ISO/IEC 27701" in acronyms("Does ISO/IEC 27701 certification satisfy the PIPL?")
    # a fine, a date or an article number is no standard
    assert acronyms("Is the fine under PIPL Art. 66 up to CNY 50 million or 5% of 2023 turnover?") == ["PIPL"]
    assert acronyms("第66条规定的罚款是多少？2021年11月1日施行") == []


def test_a_number_that_names_a_thing_asks_no_quantity():
    from retrieval.figures import question_wants

    assert question_wants("What's the standard number of the national guide on de-identification?") == set()
    assert question_wants("这个标准的标准号是多少？") == set()
    assert question_wants("What is the document number of the CAC notice?") == set()
    # a number of things, or a figure beside the name, is still asked
    assert "count" in question_wants("What is the number of users that triggers a filing?")
    assert "duration" in question_wants("备案号公示后多少个工作日内生效？")
