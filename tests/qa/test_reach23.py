"""Round-23 "how do I reach / where do I find" kinds: the office a report sends readers to (找哪个办公室, 受理机构),
a detail the report does not print (said so, with what it does print), the name of an account or hotline platform
(公众号叫什么, 便民热线平台是哪个), and where documents are read offline (线下哪里能看, 查阅点). Real SQLite; every
report, sentence and number here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.qa.answer import answer_question
from govqa.qa.contacts import asked_kinds, facts_of, sends_to_office
from tests.qa.conftest import FakeRetriever, years_store

AGENCY, SHORT = "青梧县文旅局", "文旅局"
PREFACE = ("前言\n本报告电子版可在青梧县人民政府门户网站（www.qingwu.gov.cn）下载。如对本报告有任何疑问，请与青梧县文旅局"
           "综合办公室联系（联系地址：青梧县溪桥路18号；邮编：361199；电话：0592-7712345）。\n")
BODY = ("一、总体情况\n全年主动公开政府信息86条。充分利用“青梧文旅”微信公众号和“青梧发布”政务微博推送政策信息，"
        "公众号全年发布信息312篇。\n"
        "定期向县档案馆、图书馆政府信息查阅点移送主动公开的政府信息，方便群众线下查阅。\n"
        "通过关联12345便民服务热线平台受理群众咨询诉求共205件，办结率100%。\n"
        "六、其他需要报告的事项\n本年度未收取信息处理费。\n青梧县文旅局\n2024年1月18日\n")
TEXT = PREFACE + BODY
OTHER = ("前言\n如对本报告有疑问，可联系青梧县应急局政务公开领导小组办公室（地址：青梧县岚山路3号，电话：0592-7719876）。\n"
         "一、总体情况\n略。\n")


@pytest.fixture
def ask(tmp_path: Path, settings):
    s = years_store(tmp_path / "reach23.db", agency=AGENCY, short=SHORT, texts={2023: TEXT}, cells={}, prefix="r")

    def _ask(text: str):
        return answer_question(text, store=s, retriever=FakeRetriever([]), conversation=None, settings=settings)
    return _ask


def test_the_office_to_contact_is_read_from_either_wording() -> None:
    assert [f.value for f in facts_of(TEXT, "联系部门")] == ["青梧县文旅局综合办公室"]
    assert [f.value for f in facts_of(OTHER, "联系部门")] == ["青梧县应急局政务公开领导小组办公室"]


@pytest.mark.parametrize("question", [
    "青梧县文旅局2023年信息公开找哪个办公室？", "对文旅局2023年的年报有疑问该联系哪个部门？", "文旅局依申请公开的受理机构是哪个？",
    "青梧县文旅局年报有问题问哪个科室？", "文旅局的受理单位是哪个？", "想申请文旅局的政府信息，应该向哪个办公室提出？",
    "文旅局2023年的联系部门是哪个？", "青梧县文旅局的信息公开归哪个部门管？",
])
def test_which_office_to_contact(ask, question: str) -> None:
    assert "联系部门" in asked_kinds(question), question
    answer = ask(question)
    assert answer.found and "青梧县文旅局综合办公室" in answer.text, (question, answer.text)
    assert answer.sources and TEXT[answer.sources[0].start:answer.sources[0].end] == answer.sources[0].text


@pytest.mark.parametrize("question", [
    "哪个部门公开的信息最多？", "各部门受理的申请有几件？", "哪个科室的人最多", "办公室主任是谁",
])
def test_no_office_question(question: str) -> None:
    assert "联系部门" not in asked_kinds(question), question


def test_who_does_the_work_stays_a_doer_question() -> None:
    assert sends_to_office("文旅局信息公开找哪个办公室？")
    assert not sends_to_office("文旅局信息公开由哪个科室负责？")  # the body's 办公室负责…, when the report says it


@pytest.mark.parametrize(("question", "missing"), [
    ("青梧县文旅局2023年的传真是多少？", "传真"), ("文旅局2023年传真号码", "传真"), ("文旅局2023年的邮箱是什么？", "邮箱"),
    ("文旅局2023年的办公时间是什么时候？", "办公时间"), ("文旅局2023年政府信息公开的受理时间？", "办公时间"),
    ("文旅局的工作时间？", "办公时间"),
])
def test_a_detail_not_printed_is_said_so_with_what_is_printed(ask, question: str, missing: str) -> None:
    answer = ask(question)
    assert not answer.found and f"没有载明{missing}" in answer.text, (question, answer.text)
    assert "0592-7712345" in answer.text and "361199" in answer.text  # what the report does print
    assert "0592-7719876" not in answer.text  # never a value of another report


@pytest.mark.parametrize("question", [
    "青梧县文旅局2023年的微信公众号是哪个？", "文旅局微信公众号的名字是什么？", "文旅局2023年用的公众号叫啥名字？",
    "文旅局的官方公众号是哪个？", "青梧县文旅局开了个什么名字的微信公众号？", "文旅局2023年的微信公众号是什么？",
])
def test_the_account_name(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and answer.text.startswith("名称为“青梧文旅”"), (question, answer.text)
    assert "青梧发布" not in answer.text.split("。")[0]  # the 微博 is no 公众号


@pytest.mark.parametrize("question", [
    "文旅局的政务微博名称是什么？", "青梧县文旅局2023年官方微博叫什么？", "文旅局的微博账号是哪个？",
])
def test_the_weibo_name(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and answer.text.startswith("名称为“青梧发布”"), (question, answer.text)


@pytest.mark.parametrize("question", [
    "青梧县文旅局2023年便民热线平台是哪个？", "文旅局2023年群众诉求通过什么热线平台？", "文旅局通过哪个平台受理群众诉求？",
    "文旅局的便民热线是哪个？",
])
def test_the_hotline_platform(ask, question: str) -> None:
    assert "电话" not in asked_kinds(question), question
    answer = ask(question)
    assert answer.found and "12345" in answer.text and "0592-7712345" not in answer.text, (question, answer.text)


@pytest.mark.parametrize("question", [
    "青梧县文旅局2023年线下哪里能查阅政府信息？", "文旅局的政府信息查阅点在哪里？", "文旅局主动公开的信息移送到哪里供查阅？",
    "文旅局2023年线下哪里可以看到年报？", "文旅局的信息纸质版去哪看？", "文旅局主动公开的信息会送到哪些查阅场所？",
    "文旅局除了网站还在哪里能看到公开的信息？",
])
def test_where_to_read_offline(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and "档案馆" in answer.text and "图书馆" in answer.text, (question, answer.text)


@pytest.mark.parametrize("question", [
    "青梧县文旅局2023年的年报在哪个网站上能查到？", "文旅局年度报告的网址是什么？", "文旅局2023年的网站链接是什么？",
    "文旅局的邮编是多少？", "文旅局2023年的邮政编码？",
])
def test_site_and_postcode(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and ("www.qingwu.gov.cn" in answer.text or "361199" in answer.text), (question, answer.text)


WRAPPED = ("一、总体情况\n办好主管主办的 2个政务新媒体\n （“青梧发布”微信公众号和“青梧\n\n政务”政务微博），专人负责日常运维。\n"
           "六、其他需要报告的事项\n无。\n青梧县应急局\n2024年1月20日\n"
           "（联系人：林晓岚；办公时间：工作日上午8:30—12:00；传真：0592-7718800）\n")


@pytest.mark.parametrize(("question", "said"), [
    ("青梧县应急局2023年政务微博叫什么？", "名称为“青梧政务”"),  # the name wrapped over a blank line, read whole
    ("应急局的微信公众号名字是啥？", "名称为“青梧发布”"),
    ("应急局的办公时间是什么时候？", "工作日上午8:30—12:00"),  # printed only in the closing lines, no year asked
    ("应急局的上班时间？", "工作日上午8:30—12:00"),
    ("应急局传真多少", "0592-7718800"),
])
def test_wrapped_names_and_closing_details(tmp_path: Path, settings, question: str, said: str) -> None:
    s = years_store(tmp_path / "wrap23.db", agency="青梧县应急局", short="应急局", texts={2022: "前言\n略。\n", 2023: WRAPPED},
                    cells={}, prefix="w")
    answer = answer_question(question, store=s, retriever=FakeRetriever([]), conversation=None, settings=settings)
    assert answer.found and said in answer.text.replace("\n", ""), (question, answer.text)
    assert "“青梧\n" not in answer.text
