"""Kinds studied in round 23, each tested on wordings of our own: a share of the applications 同意公开 (予以公开 alone,
not the pooled 公开率). Every sentence and figure here is our own."""

from __future__ import annotations

import pytest
from written_stores import Written, ask, assert_value, written_store
from written_stores import application_cells as _apply

from govqa.core.config import Settings
from govqa.index.store import Store
from govqa.qa.prose_facts import _kind_of

_CELLS = (_apply("一", 16, 自然人=16) + _apply("三.一", 6) + _apply("三.二", 2) + _apply("三.三.1", 4)
          + _apply("三.七", 16))


@pytest.fixture
def store(settings: Settings) -> Store:
    return written_store(settings.db_url, [Written("q24", "青梧市某某局", "青梧局", 2024, _CELLS, (), ("青梧",))])


@pytest.mark.parametrize("question", [
    "青梧局2024年的信息公开申请里，同意公开的占比是多少？", "青梧局2024年批准公开的申请占多少？",
    "青梧局2024年准予公开的比例是多少", "青梧局2024年依申请公开中同意公开的比例", "青梧局2024年同意公开的申请占了百分之几？",
    "青梧局2024年同意公开率是多少", "2024年青梧局收到的申请，准予公开的占几成？", "青梧局2024年予以公开的占比是多少？",
])
def test_a_share_agreed_to_disclose_is_of_full_disclosure_alone(store: Store, settings: Settings, question: str) -> None:
    answer = ask(store, settings, question)
    assert_value(answer, 37.5, "%")
    assert "部分公开" not in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "青梧局2024年公开的（含部分公开）占比是多少？", "青梧局2024年公开出去的申请占多少比例？", "青梧局2024年的公开率是多少？",
    "青梧局2024年予以公开和部分公开的申请占多少？", "青梧局2024年准予公开的（含部分公开）占比是多少？",
    "青梧局2024年的申请，批准公开的（部分公开也算上）占多少",
])
def test_disclosed_with_partial_stays_the_pooled_rate(store: Store, settings: Settings, question: str) -> None:
    assert_value(ask(store, settings, question), 50.0, "%")


# the accounts a report names: in quotes beside their kind, in parentheses, after 包括, over a line break
_ACCOUNTS_TEXT = ("我局将继续利用微信平台和政务微博等新媒体，及时发布权威信息。通过“青梧生态”微信公众号及微博。"
                  "办好主管主办的3个政务新媒体\n（“青梧发布”微信公众号、“青梧之声”政务微博和“青梧\n\n在线”抖音号），专人负责日常运维。"
                  "同时，通过“青梧生态”微信公众号公开工作动态133条。“青梧生态”微博公开动态301条。")


@pytest.mark.parametrize("question", [
    "青梧局2021年报里写的微信公众号是哪个？", "青梧局2021年的公众号名字是什么", "青梧局2021年公众号叫啥名字？",
    "青梧局2021年微信公众号的名字是什么？", "青梧局2021年年报提到了哪个公众号？", "叫什么名字的公众号？",
])
def test_an_account_name_is_the_first_sentence_naming_it(question: str) -> None:
    from govqa.qa import reach

    kind = _kind_of(question)
    assert kind is not None and kind.name == "account", question
    span = reach.account_span(_ACCOUNTS_TEXT, question)
    assert span is not None and _ACCOUNTS_TEXT[span[0]:span[1]] == "通过“青梧生态”微信公众号及微博。", question
    assert reach.accounts_said(_ACCOUNTS_TEXT[span[0]:span[1]], question) == "“青梧生态”微信公众号"


@pytest.mark.parametrize("question", [
    "青梧局主办的政务新媒体都有哪几个？", "青梧局2021年有哪些政务新媒体？", "青梧局的新媒体账号都有哪些？",
    "青梧局2021年的新媒体平台分别是什么？", "青梧局办了哪三个新媒体？", "青梧局2021年政务新媒体叫什么？",
])
def test_the_accounts_listed_are_their_names_with_kinds(question: str) -> None:
    from govqa.qa import reach

    kind = _kind_of(question)
    assert kind is not None and kind.name == "account", question
    span = reach.account_span(_ACCOUNTS_TEXT, question)
    assert span is not None
    assert reach.accounts_said(_ACCOUNTS_TEXT[span[0]:span[1]], question) == (
        "“青梧发布”微信公众号、“青梧之声”政务微博、“青梧在线”抖音号")


def test_a_weibo_name_is_of_the_weibo() -> None:
    from govqa.qa import reach

    question = "青梧局2021年的微博叫什么名字？"
    span = reach.account_span(_ACCOUNTS_TEXT, question)
    assert span is not None and reach.accounts_said(_ACCOUNTS_TEXT[span[0]:span[1]], question) == "“青梧之声”政务微博"


@pytest.mark.parametrize("question", [
    "青梧局2021年公众号全年推了几条信息？", "青梧局2021年公众号有什么功能？", "青梧局2021年在哪个公众号上公开的？",
])
def test_no_account_name_asked(question: str) -> None:
    kind = _kind_of(question)
    assert kind is None or kind.name != "account", question


# a count by channel the prose breaks applications down into (网络申请数9件，信函申请数27件), near another count said
# near a channel word (线上+线下…12345平台…3260件)
_CHANNEL_AGENCY = "青梧新区交通与建设局"
_CHANNEL_TEXT = {2024: (f"{_CHANNEL_AGENCY}2024年政府信息公开工作年度报告\n一、总体情况\n"
                        "（二）依申请公开方面。严格依法依规办理，全年我局依法办结政府信息公开申请36件，其中网络申请数9件，"
                        "信函申请数27件，申请内容主要涉及工程验收备案和物业管理等。\n"
                        "（六）强化“线上+线下”政务公开便民渠道方面。2024年，我局通过12345平台受理群众诉求累计3260件，"
                        "全部办结，办理率100%。\n"
                        f"{_CHANNEL_AGENCY} 2025年1月20日")}


@pytest.fixture
def ask_channel(tmp_path, settings: Settings):
    from govqa.qa.answer import answer_question
    from tests.qa.conftest import sentence_chunks, years_store
    from tests.qa.test_rewordings22 import OverlapRetriever

    store = years_store(tmp_path / "channel23.db", agency=_CHANNEL_AGENCY, short="交建局", texts=_CHANNEL_TEXT,
                        cells={}, prefix="j")
    retriever = OverlapRetriever(sentence_chunks(_CHANNEL_TEXT, agency=_CHANNEL_AGENCY, short="交建局", prefix="j"))

    def _ask(text: str, chat=None):
        return answer_question(text, store=store, retriever=retriever, conversation=chat, settings=settings)
    return _ask


@pytest.mark.parametrize(("follow", "count"), [
    ("其中走网络提交的是几件？", 9), ("网上申请的有多少件？", 9), ("其中网上的呢？", 9), ("在线提交的占几件", 9),
    ("信函的呢？", 27), ("那邮寄的呢？", 27), ("写信申请的有几件？", 27), ("其中信函寄来的多少件", 27),
])
def test_a_channel_count_after_the_applications(ask_channel, follow: str, count: int) -> None:
    from govqa.qa.conversation import Conversation

    chat = Conversation()
    ask_channel("交建局2024年政府信息公开申请总共办结多少件？", chat)
    answer = ask_channel(follow, chat)
    assert answer.found and answer.value == count and answer.unit == "件", answer.text
    assert "3260" not in answer.text, answer.text


@pytest.mark.parametrize(("question", "count"), [
    ("交建局2024年网上申请了几件？", 9), ("交建局2024年通过网络提交的申请有多少件", 9), ("2024年交建局线上申请的有几件", 9),
    ("交建局2024年通过信函申请的有多少件？", 27), ("2024年交建局写信申请的多少件？", 27), ("交建局2024年邮寄来的申请有几件", 27),
])
def test_a_channel_count_asked_directly(ask_channel, question: str, count: int) -> None:
    answer = ask_channel(question)
    assert answer.found and answer.value == count and answer.unit == "件", answer.text
    assert "3260" not in answer.text, answer.text


# a share the report states itself (同意公开6件，占比37.5%): quoted beside the share computed from the cells
_SHARE_AGENCY = "青梧市公安局"
_SHARE_TEXT = {2024: (f"{_SHARE_AGENCY}2024年政府信息公开工作年度报告\n一、总体情况\n"
                      "门户网站访问量较上年增长37.5%。全年共受理政府信息公开申请16件，其中，同意公开6件，占比37.5%；"
                      "区分处理后公开2件，占比12.5%；无法提供8件，占比50%。\n")}


@pytest.fixture
def ask_share(tmp_path, settings: Settings):
    from govqa.qa.answer import answer_question
    from tests.qa.conftest import years_store

    store = years_store(tmp_path / "share23.db", agency=_SHARE_AGENCY, short="青梧公安局", texts=_SHARE_TEXT,
                        cells={2024: _apply("一", 16, 自然人=16) + _apply("三.一", 6) + _apply("三.二", 2)
                               + _apply("三.四.1", 8) + _apply("三.七", 16)}, prefix="g")
    return lambda text: answer_question(text, store=store, retriever=None, conversation=None, settings=settings)


@pytest.mark.parametrize(("question", "value", "said"), [
    ("青梧公安局2024年同意公开的占比是多少？", 37.5, "同意公开6件，占比37.5%"),
    ("青梧公安局2024年准予公开的比例", 37.5, "同意公开6件，占比37.5%"),
    ("青梧公安局2024年部分公开的申请占多大比例？", 12.5, "区分处理后公开2件，占比12.5%"),
    ("青梧公安局2024年无法提供的比例是多少", 50.0, "无法提供8件，占比50%"),
])
def test_a_share_the_report_states_is_quoted_beside_the_cells(ask_share, question: str, value: float,
                                                                said: str) -> None:
    answer = ask_share(question)
    assert_value(answer, value, "%")
    quoted = [s for s in answer.sources if s.table is None]
    assert len(quoted) == 1 and quoted[0].text.endswith(said), answer.sources
    assert _SHARE_TEXT[2024][quoted[0].start:quoted[0].end] == quoted[0].text
    assert "访问量" not in answer.text


def test_a_share_the_report_does_not_state_is_the_cells_alone(ask_share) -> None:
    answer = ask_share("青梧公安局2024年公开率是多少？")  # 50%: stated only of 无法提供, another row
    assert_value(answer, 50.0, "%")
    assert all(s.table is not None for s in answer.sources), answer.sources


@pytest.mark.parametrize("question", [
    "青梧区2020年的清单横版是干嘛的，竖版呢？", "横版拿来做什么？竖版用来干啥", "清单横版用途是什么，竖版呢",
    "横版是做什么的？那竖版呢", "横版有啥用，竖版又是干嘛的",
])
def test_one_version_then_the_other_asks_their_uses(question: str) -> None:
    from govqa.qa import named_facts as nf

    kind = _kind_of(question)
    assert kind is not None and kind.name == "uses", question
    text = "编写机构职能清单（横版用于做册存档，竖版用于网站上传），集中公开23个部门的职能。"
    span = nf.uses_span(text, question)
    assert span is not None
    assert nf.uses_said(text[span[0]:span[1]], question) == "横版用于做册存档；竖版用于网站上传"


@pytest.mark.parametrize("question", ["公众号是干嘛的", "这个栏目是干什么的，怎么进"])
def test_one_thing_asked_is_no_pair_of_uses(question: str) -> None:
    kind = _kind_of(question)
    assert kind is None or kind.name != "uses", question


@pytest.mark.parametrize(("text", "items"), [
    ("引入第三方对网站全天候监测，实时反馈空白栏目、错别字等各种问题。", ["空白栏目", "错别字"]),
    ("组织专项检查，及时发现了链接失效、更新滞后和内容错误等问题。", ["链接失效", "更新滞后", "内容错误"]),
    ("坚持发现问题、解决问题、整改问题等做法。", ["发现问题", "解决问题", "整改问题"]),  # each item its own verb
])
def test_a_lead_verb_before_the_first_item_is_no_part_of_it(text: str, items: list[str]) -> None:
    from govqa.qa.enumerations import without_shared_lead
    from govqa.qa.sentence_names import split_run

    start = min(text.index(w) for w in ("实时反馈", "及时发现了", "发现问题") if w in text)
    run = text[start:text.index("等")]
    spans = without_shared_lead(text, split_run(run, start))
    assert [text[a:b] for a, b in spans] == items
