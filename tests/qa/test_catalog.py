"""Agency names in questions: known ones are found; unknown ones are noticed; sentence words are not agencies."""

from __future__ import annotations

import pytest

from govqa.qa.catalog import Catalog

CATALOG = Catalog.from_rows([
    ("宁夏回族自治区人民政府办公厅", "自治区政府办公厅", ["自治区人民政府办公厅"], [2020]),
    ("银川市西夏区民政局", "西夏区民政局", [], [2020]),
    ("吴忠市红寺堡区人民政府", "红寺堡区", ["红寺堡"], [2020]),
])


@pytest.mark.parametrize(
    ("question", "known", "unknown"),
    [
        # words of the sentence that merely end in 区政府 / 办公厅 are no agency of their own
        ("西夏区民政局2020年在区政府网站上一共发了多少条信息？", ["银川市西夏区民政局"], []),
        ("自治区政府办公厅有多少件申请是因为办公厅手里没有这个信息？", ["宁夏回族自治区人民政府办公厅"], []),
        ("请问红寺堡区在区政府网站发布了多少信息", ["吴忠市红寺堡区人民政府"], []),
        # agencies the store does not hold are noticed, whole
        ("银川市金凤区人民政府2020年收到多少申请？", [], ["银川市金凤区人民政府"]),
        ("红寺堡区和金凤区财政局谁收到的申请多", ["吴忠市红寺堡区人民政府"], ["金凤区财政局"]),
        ("银川市住房和城乡建设局收到多少申请", [], ["银川市住房和城乡建设局"]),
        ("兴庆区民政局收到多少申请", [], ["兴庆区民政局"]),
    ],
)
def test_find_agencies(question: str, known: list[str], unknown: list[str]) -> None:
    assert CATALOG.find_agencies(question) == (known, unknown)


# ---- names that hold 年, 月, 和, 有, 都 …; names resembling a stored one; sentence phrases; odd stored names -------

STORED = Catalog.from_rows([
    ("河北省科学技术厅", "河北省科学技术厅", [], [2021]),
    ("上海市人民政府办公厅", "上海市政府办公厅", ["上海市政府办公厅"], [2022]),
    ("青禾市东湖区民政局", "东湖区民政局", [], [2022]),
    ("青禾市东湖区人民政府", "东湖区", ["东湖区人民政府", "东湖"], [2022]),
    ("平潭综合实验区海坛片区管理局", "海坛片区管理局", [], [2021]),
])


@pytest.mark.parametrize(("question", "unknown"), [
    # a name is read whole, whatever sentence words it holds
    ("邯郸市永年区2021年收到了几件申请", ["邯郸市永年区"]),
    ("东湖区月亮湾街道去年有多少行政复议", ["东湖区月亮湾街道"]),
    ("青禾县丰年镇行政诉讼有几起", ["青禾县丰年镇"]),
    ("沈阳市和平区人民政府的采购金额", ["沈阳市和平区人民政府"]),
    ("成都市都江堰市人民政府收到多少申请", ["成都市都江堰市人民政府"]),
    ("青禾市国有资产管理局收到多少申请", ["青禾市国有资产管理局"]),
    ("山东省工业和信息化厅处理了多少申请", ["山东省工业和信息化厅"]),
    # like a stored agency, but another body of the same district, or another province's 厅: named in full
    ("东湖区财政局收到多少申请", ["东湖区财政局"]),
    ("请问山西省科学技术厅收到多少申请", ["山西省科学技术厅"]),
    ("请列出山西省科学技术厅每年收到的申请", ["山西省科学技术厅"]),
    ("帮我统计山西省科学技术厅的申请", ["山西省科学技术厅"]),
    ("平潭综合实验区公安局2022年收到多少申请", ["平潭综合实验区公安局"]),
    # two unknown agencies joined by 和 are two names
    ("白沙镇和黄石镇哪个申请多", ["白沙镇", "黄石镇"]),
])
def test_unknown_agencies_are_named_in_full(question: str, unknown: list[str]) -> None:
    assert STORED.find_agencies(question) == ([], unknown)


@pytest.mark.parametrize(("question", "known"), [
    ("上海市人民政府办公厅2022年收到多少申请", ["上海市人民政府办公厅"]),
    ("河北省科学技术厅2021年行政复议几起", ["河北省科学技术厅"]),
    ("东湖区民政局和东湖区的申请各多少", ["青禾市东湖区民政局", "青禾市东湖区人民政府"]),
    ("海坛片区管理局有多少申请", ["平潭综合实验区海坛片区管理局"]),
])
def test_stored_agencies_are_found_by_their_names(question: str, known: list[str]) -> None:
    assert STORED.find_agencies(question) == (known, [])


@pytest.mark.parametrize("question", [
    "办理居住证的申请有多少", "申请公开居住证办理流程的有几件", "涉及社区养老服务的申请有多少件",
    "市区范围内的行政处罚有多少", "本年度有多少件申请是在网上提交的", "哪个机关今年收到的申请最多",
])
def test_sentence_phrases_are_not_agencies(question: str) -> None:
    assert STORED.find_agencies(question) == ([], [])


def test_a_stored_report_without_a_good_name_breaks_no_other_question() -> None:
    rows = [("", "", [], [2019]), ("平潭综合实验区某某局关于人民政府", "某某局关于人民政府", ["某某局关于"], [2021]),
            ("青禾市东湖区民政局", "东湖区民政局", [], [2022])]
    catalog = Catalog.from_rows(rows)
    assert "" not in catalog.agencies and "" not in catalog.variants
    assert catalog.find_agencies("东湖区民政局2022年收到多少申请") == (["青禾市东湖区民政局"], [])
    assert catalog.find_agencies("平潭综合实验区财政局2022年收到多少申请") == ([], ["平潭综合实验区财政局"])
    assert catalog.find_agencies("管理局收到多少申请") == ([], [])  # a bare body word is no agency's name


JOINED = Catalog.from_rows([
    ("青禾市东湖区水务与城乡建设局", "东湖区水务与城乡建设局", [], [2021]),
    ("青禾市东湖区石门镇人民政府", "石门镇", [], [2021]),
    ("江北省人民政府办公厅", "省政府办公厅", [], [2021]),
])


@pytest.mark.parametrize(("question", "known"), [
    # 和 and 与 join the same two words of a name
    ("东湖区水务和城乡建设局2021年做了哪些工作", ["青禾市东湖区水务与城乡建设局"]),
    # a verb of the sentence runs into the name: 主动公开, 想咨询, 办理
    ("石门镇主动公开政府信息多少条？", ["青禾市东湖区石门镇人民政府"]),
    ("想咨询石门镇政务公开办公室，电话打哪个？", ["青禾市东湖区石门镇人民政府"]),
    # the government whose office publishes the report
    ("想咨询江北省人民政府政务公开办，电话多少", ["江北省人民政府办公厅"]),
])
def test_sentence_verbs_and_joiners_do_not_break_a_name(question: str, known: list[str]) -> None:
    assert JOINED.find_agencies(question) == (known, [])


def test_a_phrase_with_a_verb_is_no_agency_of_its_own() -> None:
    known, unknown = JOINED.find_agencies("居住证办理青禾市需要哪些材料")
    assert known == [] and all("办理" not in name for name in unknown)


@pytest.mark.parametrize("question", ["帮忙看看石门镇2021年做了哪些工作", "麻烦帮我查下石门镇的电话", "你好，石门镇政府邮箱"])
def test_polite_openings_are_no_part_of_a_name(question: str) -> None:
    assert JOINED.find_agencies(question) == (["青禾市东湖区石门镇人民政府"], [])


def test_each_bureau_of_a_place_is_a_scope_and_a_ministry_is_an_agency() -> None:
    rows = [("青禾市东湖区水务局", "东湖区水务局", [], [2021]), ("青禾市东湖区文旅局", "东湖区文旅局", [], [2021]),
            ("江北省科学技术厅", "江北科技厅", [], [2021])]
    catalog = Catalog.from_rows(rows)
    assert catalog.find_agencies("2021年青禾市东湖区各局的申请哪家最多") == ([], [])  # 各局: every stored one there
    assert catalog.find_agencies("东湖区各单位里谁的处罚最多") == ([], [])
    assert catalog.find_agencies("工业和信息化部2021年收到多少申请") == ([], ["工业和信息化部"])
    assert catalog.find_agencies("教育部的电话") == ([], ["教育部"])
    assert catalog.find_agencies("部分公开的申请有几件，全部申请呢") == ([], [])


# ---- words that merely end like a name: a hall (大厅) is no 厅, the 区 of 区分 or the 市 of 市场 ends no place -----


@pytest.mark.parametrize(
    ("question", "known", "unknown"),
    [
        ("红寺堡区2020年有几个事项进驻了市政务服务大厅？", ["吴忠市红寺堡区人民政府"], []),
        ("西夏区民政局有多少业务接入了省网上办事大厅", ["银川市西夏区民政局"], []),
        ("那些申请里面区分了几种答复方式？", [], []),
        ("这其中市场主体提出的申请有多少", [], []),
        ("按所在省份区别统计的话呢", [], []),
        # a real unknown place is still noticed
        ("青山区住房保障局收到多少申请", [], ["青山区住房保障局"]),
    ],
)
def test_words_ending_like_a_name(question: str, known: list[str], unknown: list[str]) -> None:
    assert CATALOG.find_agencies(question) == (known, unknown)


SHORT_FORMS = Catalog.from_rows([
    ("海岚区交通与建设局", "交通与建设局", [], [2024]),
    ("海岚区市场监督管理局", "市场监督管理局", [], [2024]),
])


@pytest.mark.parametrize(
    ("question", "known", "unknown"),
    [
        # a place word after a noun (申请里, 案件中, 部门内) runs into the short form that follows it
        ("2024年各部门收到的申请里交建局占多少？", ["海岚区交通与建设局"], []),
        ("这些复议案件中市场监管局有几件", ["海岚区市场监督管理局"], []),
        ("几个部门内交建局的公开率高不高", ["海岚区交通与建设局"], []),
        # a name that starts with such a character and fits no stored agency is still unknown, whole
        ("里水镇人民政府收到多少申请", [], ["里水镇人民政府"]),
    ],
)
def test_a_place_word_before_a_short_form_is_no_part_of_it(question: str, known: list[str], unknown: list[str]) -> None:
    assert SHORT_FORMS.find_agencies(question) == (known, unknown)


LEADS = Catalog.from_rows([
    ("滨岚区交通与建设局", "交通与建设局", [], [2024]),
    ("滨岚区综合执法与应急管理局", "综合执法与应急管理局", [], [2023]),
    ("滨岚区经济发展局", "经济发展局", [], [2023]),
])


@pytest.mark.parametrize(
    ("question", "known", "unknown"),
    [
        # a preposition or verb said before a short form is no part of the name (qa/mentions.sentence_words)
        ("对执法应急局有诉求可以找哪个平台？", ["滨岚区综合执法与应急管理局"], []),
        ("想线下查阅交建局去年公开的信息去哪里", ["滨岚区交通与建设局"], []),
        ("如果对经发局的答复不服怎么办", ["滨岚区经济发展局"], []),
        ("针对交建局的投诉有几件", ["滨岚区交通与建设局"], []),
        ("网上查交建局的年报", ["滨岚区交通与建设局"], []),
        ("线下到执法应急局现场查阅可以吗", ["滨岚区综合执法与应急管理局"], []),
        ("对于经发局，公开了多少条信息", ["滨岚区经济发展局"], []),
        ("要是对交建局不满意，能投诉吗", ["滨岚区交通与建设局"], []),
        ("现场查阅经发局的资料要带什么", ["滨岚区经济发展局"], []),
        ("向执法应急局申请公开要多久答复", ["滨岚区综合执法与应急管理局"], []),
        # a place before the short form makes another body: still unknown, without the preposition
        ("海滨交建局收到多少申请", [], ["海滨交建局"]),
        ("对海滨交建局有诉求找谁", [], ["海滨交建局"]),
        ("对海淀区教育局有意见", [], ["海淀区教育局"]),
    ],
)
def test_sentence_words_before_a_short_form_are_no_part_of_it(question: str, known: list[str], unknown: list[str]) -> None:
    assert LEADS.find_agencies(question) == (known, unknown)


VERBS = Catalog.from_rows([
    ("滨岚区交通与建设局", "交通与建设局", [], [2024]),
    ("滨岚区青屿片区管理局", "青屿片区管理局", [], [2024]),
])


@pytest.mark.parametrize(
    ("question", "known", "unknown"),
    [
        # any verb before a short form (jieba's tags), not a list of them, ends the sentence before the name
        ("想下载交建局的年报去哪", ["滨岚区交通与建设局"], []),
        ("我想知道交建局公开了多少条", ["滨岚区交通与建设局"], []),
        ("关注交建局的公众号", ["滨岚区交通与建设局"], []),
        ("浏览交建局网站能看到吗", ["滨岚区交通与建设局"], []),
        ("搜交建局的年报", ["滨岚区交通与建设局"], []),
        ("打听交建局收到几件申请", ["滨岚区交通与建设局"], []),
        # a place's government by another governing word (片区政府 for 片区管理局), after a verb too
        ("青屿片区政府公开了多少条", ["滨岚区青屿片区管理局"], []),
        ("想知道青屿片区政府的年报", ["滨岚区青屿片区管理局"], []),
        ("青屿片区管委会收到几件申请", ["滨岚区青屿片区管理局"], []),
        # a place before the short form still makes another body; another place's government stays unknown
        ("海滨交建局收到多少申请", [], ["海滨交建局"]),
        ("想知道海滨交建局收到多少申请", [], ["海滨交建局"]),
        ("东屿片区政府公开了多少条", [], ["东屿片区政府"]),
    ],
)
def test_a_verb_before_a_short_form_is_no_part_of_it(question: str, known: list[str], unknown: list[str]) -> None:
    assert VERBS.find_agencies(question) == (known, unknown)
