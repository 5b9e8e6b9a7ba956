"""retrieval/figures.py: figures read, normalised and matched across languages; what a question asks for. Pure: no store, no model."""

from __future__ import annotations

import pytest

from retrieval import figures
from retrieval.figures import extract_figures, figure_glosses, figures_match, unsupported_figures


@pytest.mark.parametrize(("a", "b"), [("CNY50 million", "五千万元"), ("RMB 50,000,000", "5000万元"),
                                      ("50 million yuan", "五千万元以下"), ("5%", "百分之五"),
                                      ("100,000", "十万人"), ("1 November 2021", "2021年11月1日"),
                                      ("15 working days", "十五个工作日"), ("children under 14", "不满十四周岁")])
def test_figures_normalise_across_languages(a, b):
    fa, fb = extract_figures(a), extract_figures(b)
    assert fa and fb and figures_match(fa[0], fb[0])


def test_changed_figures_are_caught():
    source = ["并处五千万元以下或者上一年度营业额百分之五以下罚款"]
    assert [f.text for f in unsupported_figures("up to 87% or CNY 50 million", source)] == ["87%"]
    assert not unsupported_figures("up to 5% or CNY 50 million", source)
    assert not extract_figures("Article 66 [1] 第六十六条 第二款")
    assert figure_glosses("处二百万元以上一千万元以下罚款") == [("二百万元以上一千万元以下", "CNY 2 million to 10 million")]


@pytest.mark.parametrize(("text", "figures"), [
    # a year that ends a sentence is a date, not the number of a section heading
    ("Released in September 2024, it came into effect on 1 January 2025. The Regulations apply.", ["1 January 2025"]),
    # headings, list markers and cross-references are not figures
    ("Compliance Strategies 4. Preparing for Audit > 4.1 Streamlining Annual Security Reviews", []),
    ("as provided in Article 3, Paragraph 2, of this Law", []),
    ("“5. Cross-border transfers” says fines reach 5 Million yuan", ["5 Million yuan"]),
    # a standard's code and a committee's number count nothing; a currency before its amount stays an amount
    ("TC260 released the Basic Security Requirements (TC260-003) and GB/T 35273-2020 applies", []),
    ("National Technical Committee 260 fined no one; the CAC fined it CNY8.02 billion", ["CNY8.02 billion"]),
    # a half of a threshold is a share; half a year is no share
    ("数量或者数额达到前款规定标准一半以上的", ["一半以上"]),
    ("acting on behalf of the company for half a year", []),
])
def test_labels_are_not_figures_and_dates_are(text, figures):
    assert [f.text for f in extract_figures(text)] == figures


@pytest.mark.parametrize("chinese, english", [
    ("本规定自公布之日起施行。", "It takes effect on the date of publication."),
    ("应当每年度对其网络数据处理活动开展风险评估", "must carry out a risk assessment annually"),
    ("每年至少进行一次检测评估", "at least once a year"),
    ("每两年开展一次合规审计", "an audit every two years"),
])
def test_relative_dates_and_frequencies_are_figures_in_both_languages(chinese, english):
    zh = [f for f in extract_figures(chinese) if f.kind in ("date", "frequency")]
    en = [f for f in extract_figures(english) if f.kind in ("date", "frequency")]
    assert zh and en and figures_match(zh[0], en[0])
    assert not unsupported_figures(english, [chinese])


def test_a_different_frequency_or_a_calendar_date_is_not_the_same_figure():
    assert unsupported_figures("once a year", ["每两年开展一次合规审计"])
    assert unsupported_figures("on the date of publication", ["本办法自2022年9月1日起施行。"])
    assert unsupported_figures("1 September 2022", ["本规定自公布之日起施行。"])


@pytest.mark.parametrize("question, wants", [
    ("How often must operators test their networks?", {"frequency"}),
    ("数据出境安全评估办法施行前已开展的活动，需要在多长时间内整改？", {"duration"}),
    ("How long after the Measures take effect must existing transfers be rectified?", {"duration"}),
    ("When does the Regulation take effect?", {"date"}),
    ("Under the SCC Measures, how soon after the contract takes effect must it be filed?", {"duration"}),
    ("What percentage of turnover can the fine reach?", {"percent"}),
    ("What turnover-based percentage fine can the CSL impose?", {"percent"}),
    ("关键信息基础设施运营者应当每年至少进行几次网络安全检测评估？", {"frequency"}),
    # "notify individuals" asks for no count; "more than 1 million users" does; when a duty falls due may be a period
    ("When must a personal information processor notify individuals after a data breach?", {"date", "duration"}),
    ("Where and by when do we file a signed China SCC?", {"date", "duration"}),
    ("When did the PIPL take effect?", {"date"}),
    ("Which duties apply when processing data of more than 1 million users?", {"count"}),
    ("What minimum age requires parental consent?", {"age"}),
    ("重要数据的处理者多久开展一次风险评估？", {"frequency"}),
    ("关基运营者至少多久要对关键信息基础设施做一次网络安全检测和风险评估？", {"frequency"}),
    ("整改完成后多久要一次性提交材料？", {"duration"}),  # 一次性 is at once, not how often
    # how much personal information is how many people's: the only scale the law sets
    ("How much personal information exported in a year triggers a CAC security assessment?", {"count"}),
    ("How much is the fine for leaking personal information?", {"amount"}),
    ("个人信息处理者违反个人信息保护法，情节严重的，最高可以罚多少？", {"amount"}),
    ("大型网络平台的注册用户数是多少？", {"count"}),
    # who approves wants a name, not the validity period the question mentions
    ("Who must approve extending an outbound security assessment's validity?", set()),
    ("What is the maximum detention under the Cybersecurity Law?", {"duration"}),
    # money that is not a fine, and units finer than hours
    ("What minimum salary must a personal information protection officer be paid?", {"amount"}),
    ("What is the VAT rate on cross-border data services?", {"percent"}),
    ("How many seconds may a splash-screen advertisement last?", {"duration"}),
    # the question word decides: the penalty only sets the scene; "how many times the gains" is a multiple
    ("After a public-security penalty, how long are they barred from key jobs?", {"duration"}),
    ("How many times the illegal gains can an intermediary be fined?", {"multiple"}),
    # a day in every year, not a date; a quantity of no named kind
    ("重要数据处理者的年度报告每年要在几月几日之前报送？", {"day-of-year"}),
    ("What is the minimum password length for CII systems?", {"quantity"}),
    # a when-clause that sets the scene; "what fine" decides over the users threshold the question mentions
    ("When the Measures took effect, how long did companies get to bring transfers into compliance?", {"duration"}),
    ("What fine applies to a platform with over one million users that lists abroad?", {"amount"}),
    # things counted by the piece (件, 份) are a count; what lasts longer is a duration
    ("网信办一共通过了多少件数据出境安全评估申报？", {"count"}),
    ("Which lasts longer: an assessment approval or a certification?", {"duration"}),
    ("个保法是全国人大常委会哪天表决通过的", {"date"}),
    # a word or a verb between the asking word and the kind: still the kind asked, the users only the scene
    ("What specific fine do the Measures set for a platform with 1.5 million users that lists overseas?", {"amount"}),
    ("Under the Measures, what is the fine for a platform with over 1 million users that lists abroad?", {"amount"}),
    ("By what calendar date each year must the report be submitted?", {"day-of-year"}),
    ("Which exact date did the Regulations take effect?", {"date"}),
    # "is there a time requirement" asks for the time, not yes or no
    ("注销备案有没有时间要求？", {"duration"}),
    # "when is X a Y" asks what makes it one, not a date; "when is the report due" still asks a date
    ("When is an online platform a 'large network platform' under the Regulations?", set()),
    ("When does a processor count as a large network platform?", set()),
    ("When is the annual report due?", {"date"}),
    # "when is a review required / triggered" asks the circumstances that bring it, not a date
    ("When is a security assessment required for exporting data?", set()),
    ("When is a cybersecurity review triggered?", set()),
    ("When was the review required to be completed?", {"date"}),
    # a percentage asked with the sign, in an aside or not
    ("What is the fine cap as a % of turnover under the PIPL?", {"percent"}),
    ("What fine cap (as a % of prior-year revenue) does the DSL set?", {"percent"}),
    # a due date is a date asked; each year's, a day of the year
    ("What is the due date for the filing?", {"date"}),
    ("The report is annual. What's the actual due date each year?", {"day-of-year"}),
    # a quantity is counted, as 数量 is
    ("Processors handling PI up to the quantity set by the CAC must appoint an officer. What is that quantity?", {"count"}),
])
def test_the_figure_a_question_wants(question, wants):
    from retrieval.figures import question_wants

    assert question_wants(question) == wants


@pytest.mark.parametrize("text, glosses", [
    ("累计向境外提供10万人以上、不满100万人个人信息", [("10万人以上", "100,000 individuals or more"),
                                                      ("不满100万人", "less than 1 million individuals")]),
    ("没有违法所得或者违法所得不足十万元的", [("不足十万元", "less than CNY 100,000")]),
    ("并处五千万元以下罚款", [("五千万元以下", "up to CNY 50 million")]),
    ("are to be fined between 100,000 and 1 million Yuan", [("100,000", "CNY 100,000"),
                                                            ("1 million Yuan", "CNY 1 million")]),
    ("The MLPS categorizes systems into five protection levels.", [("five protection levels",
                                                                    "5 protection levels")]),
    ("自上年1月1日起累计", [("1月1日", "1 January")]),
    # 不少于 is "not less than": the negation turns a strict upper bound into an inclusive lower one
    ("留存相关的网络日志不少于六个月", [("不少于六个月", "at least 6 months")]),
    ("不超过三十日", [("不超过三十日", "within 30 days")]),
    # and in English: "may not be more than" is at most, never "more than"
    ("if there are no illegal earnings, the fine may not be more than CNY1 million.",
     [("CNY1 million", "up to CNY 1 million")]),
    ("the fine shall not exceed CNY 500,000", [("CNY 500,000", "up to CNY 500,000")]),
    ("处采购金额一倍以上十倍以下罚款", [("一倍以上十倍以下", "1 to 10 times")]),
    ("应当立即采取补救措施，并按照规定及时告知用户", [("立即", "immediately"), ("及时", "promptly")]),
    ("not required under conditions in items 2 through 7 above", []),
    ("处理不满十四周岁未成年人个人信息的", [("不满十四周岁", "less than 14 years of age")]),
    ("one of the following; Specification V2.0", []),
])
def test_bounds_ranges_spelled_counts_and_calendar_days(text, glosses):
    """不满 (less than) is not 以下 (up to): a lawyer needs to know whether the figure itself is included."""
    assert figure_glosses(text) == glosses


def test_the_supreme_court_s_name_asks_no_maximum():
    from retrieval.query import analyse

    assert analyse("人脸识别民事案件的那个最高法司法解释，哪天施行的？", None).wants == {"date"}
    assert figures.question_wants("个保法最高罚多少？") == {"amount"}


def test_an_ordinal_s_digits_are_no_figure():
    # 第1841次会议 is the meeting's number: no part of it counts anything
    assert [f.kind for f in extract_figures("最高人民法院审判委员会第1841次会议通过")] == []


def test_a_calendar_day_is_not_a_duration_or_an_effective_date():
    day = extract_figures("自上年1月1日起")[0]
    assert day.kind == "day-of-year"
    assert unsupported_figures("1 day", ["自上年1月1日起"]) and unsupported_figures("1 January 2024", ["1月1日"])


@pytest.mark.parametrize("question, units", [
    ("个人信息泄露后必须在多少小时内报告？", {"hour", "minute"}),
    ("Within how many working days must the office decide?", {"day", "working-day", "week"}),
    ("How long is the assessment valid?", set()),
    ("停产后至少还要提供几年的安全维护？", {"year"}),  # six months of log retention is no number of years
])
def test_the_unit_a_duration_question_asks_in(question, units):
    from retrieval.figures import asked_units

    assert asked_units(question) == units


def test_what_a_figure_measures_is_read_from_its_clause():
    fine, detention, threshold = (extract_figures(t)[0] for t in (
        "拒不改正的，处一万元以上十万元以下罚款", "由公安机关没收违法所得，处五日以下拘留",
        "违法所得五千元以上的"))
    assert fine.sanction and detention.sanction and not threshold.sanction
    english = extract_figures("and impose a fine of not more than 50 million Yuan")
    assert english[0].sanction
    people, records, firms = (extract_figures(t)[0] for t in ("处理1000万人以上个人信息", "出售五十条以上的",
                                                               "两个以上的网络数据处理者"))
    assert (people.counts, records.counts, firms.counts) == ("people", "items", "entities")
    assert extract_figures("at least two police officers must be present")[0].counts == "people"


def test_two_questions_in_a_row_a_yes_or_no_lead_in_and_a_count_as_of_a_day():
    from retrieval.figures import as_of_day, asked_units
    from retrieval.query import split_asks
    first, second = split_asks("评估结果有效期多久？需要延长的，应在届满前多少个工作日内提出申请？")
    assert first == "评估结果有效期多久" and second.startswith("需要延长的")
    assert split_asks("被吊销许可证的公司的主管人员想继续做这行，可以吗？多长时间内不行？")[1] == ""
    assert as_of_day("How many services had completed filing as of 30 June 2024?") == 20240630
    assert as_of_day("截至2024年12月31日，共有302项服务完成备案") == 20241231
    assert "month" not in asked_units("应当在多少日内通知？")  # days asked: three months is another period


def test_largest_fine_is_the_top_of_the_highest_tier_a_text_imposes():
    from retrieval.figures import largest_fine

    dsl_46 = ("违反本法第三十一条规定，向境外提供重要数据的，由有关主管部门责令改正，给予警告，可以并处十万元以上一百万元以下罚款；"
              "情节严重的，处一百万元以上一千万元以下罚款")
    assert largest_fine(dsl_46) == 10_000_000
    assert largest_fine("数据处理者应当在二十四小时内报告。") == 0.0


def test_a_count_as_of_a_year_or_month_is_matched_by_any_day_in_it():
    from retrieval.figures import same_as_of

    assert same_as_of(20240000, 20241231) and same_as_of(20240600, 20240630) and same_as_of(20240630, 20240630)
    assert not same_as_of(20240000, 20250108) and not same_as_of(20240630, 20241231)


def test_a_multiple_is_asked_for_as_a_multiple_not_a_sum():
    from retrieval.figures import question_wants

    assert question_wants("What's the highest multiple of our illegal income that can be fined?") == {"multiple"}
    assert question_wants("违法所得几倍罚款？") == {"multiple"}
    assert question_wants("How much is the fine?") == {"amount"}


def test_the_end_of_a_year_is_its_last_day():
    from retrieval.figures import as_of_day

    assert as_of_day("How many had registered by the end of 2023?") == 20231231
    assert as_of_day("截至2024年底，共有多少家？") == 20241231
    assert as_of_day("as of 31 December 2024, 302 services") == 20241231


def test_a_count_as_of_a_month_named_in_english_is_that_month():
    from retrieval.figures import as_of_day, same_as_of

    assert as_of_day("How many services had registered as of June 2025?") == 20250600 == as_of_day("截至2025年6月")
    assert not same_as_of(as_of_day("as of June 2025"), as_of_day("as of 31 December 2024"))
    assert as_of_day("as of the new rules, may we transfer?") is None


@pytest.mark.parametrize("text", [
    "违反本法第六十六条规定的，处五千万元以下或者上一年度营业额百分之五以下罚款；情节严重的，处一百万元以上。",
    "自２０２１年１１月１日起施行，每年度至少开展一次风险评估，并在十五个工作日内报送。",  # full-width digits
    "处理一百万人以上个人信息的，应当立即采取补救措施，及时告知；年满十四周岁，违法所得一倍以上十倍以下。",
])
def test_a_text_without_latin_letters_or_digits_is_read_alike_by_the_chinese_readers_alone(text):
    gated = figures.read_figures(text, latin=bool(figures._LATIN.search(text)))
    assert gated == figures.read_figures(text, latin=True)
    assert gated  # each sample holds figures: the comparison is not between two empty readings


def test_the_year_a_count_is_given_for_and_not_a_law_named_by_its_year():
    from retrieval.figures import count_year

    assert count_year("How many lawsuits did procuratorates handle in 2024?") == 2024
    assert count_year("In 2023, procuratorial organs handled more than 6,300 lawsuits") == 2023
    assert count_year("2024年全年一共受理了多少件？") == 2024
    assert count_year("Under the 2024 provisions, how many people?") is None
    assert count_year("in 2024 provisions terms, how many?") is None


def test_a_count_over_a_span_is_given_for_every_year_of_it():
    from retrieval.figures import count_years

    assert count_years("113 cases between October 2023 and October 2024") == range(2023, 2025)
    assert count_years("2023年10月至2024年10月共受理113件") == range(2023, 2025)
    assert count_years("In 2023, procuratorial organs handled 6,300 lawsuits") == range(2023, 2024)
    assert count_years("a total of 113 cases") is None


def test_a_yes_or_no_comparison_asks_both_figures():
    assert figures.question_wants("Is the PIPL's top fine higher than the DSL's top fine for core data?") == {"amount"}
    assert not figures.yes_or_no("Is the PIPL's top fine higher than the DSL's?")
    assert figures.yes_or_no("Is a PIPIA required before the transfer?")


def test_a_text_in_force_on_publication_is_dated_by_its_record():
    from retrieval.figures import dated_publication, extract_figures, publication_day

    on_publication = next(f for f in extract_figures("第十四条 本规定自公布之日起施行。") if f.kind == "date")
    assert publication_day(on_publication, "2024-03-22") == 20240322
    assert publication_day(on_publication, "") is None  # no record day: none made up
    dated = next(f for f in extract_figures("本法自2021年9月1日起施行。") if f.kind == "date")
    assert publication_day(dated, "2021-09-01") is None  # a stated day needs no record
    assert dated_publication("2024-03-22", "zh") == "2024年3月22日"
    assert dated_publication("2024-03-22", "en") == "22 March 2024"
    assert dated_publication("2024", "en") == "" and publication_day(on_publication, "2024") is None  # no full day


def test_a_four_digit_year_is_a_calendar_year_not_a_duration():
    (year,) = extract_figures("中华人民共和国网络安全法（2025年修正）")
    assert year.kind == "date" and year.value == 20250000
    (term,) = extract_figures("应当至少保存3年")
    assert term.kind == "duration" and term.value == 3


def test_one_meaning_same_or_sole_is_no_count():
    assert extract_figures("多个受害人分别向同一人民法院起诉的") == []
    assert extract_figures("唯一一人") == []
    (one,) = extract_figures("处理一人的个人信息")
    assert one.kind == "count" and one.value == 1


@pytest.mark.parametrize("question, wants", [
    ("How is the criminal fine normally sized relative to the illegal gains?", {"multiple"}),
    ("What fine, in proportion to the unlawful income, can the court impose?", {"multiple"}),
    ("What is the fine for a serious PIPL violation relative to turnover?", {"amount"}),
])
def test_a_fine_relative_to_the_gains_asks_a_multiple(question, wants):
    from retrieval.figures import question_wants

    assert question_wants(question) == wants


@pytest.mark.parametrize("question", ["数安法下的重要数据目录一共分几大类？", "个保法规定的敏感个人信息有几大项？"])
def test_how_many_broad_classes_asks_a_count(question):
    from retrieval.figures import question_wants

    assert question_wants(question) == {"count"}


def test_a_yearly_frequency_keeps_the_count_it_sets():
    found = [f for f in extract_figures("运营者应当每年至少进行一次检测评估") if f.kind == "frequency"]
    assert [(f.text, f.value) for f in found] == [("每年至少进行一次", 1.0)]
    assert [f.text for f in extract_figures("每年报送") if f.kind == "frequency"] == ["每年"]
