"""The one 'account' prose fact (qa/reach.py): an account's name (公众号叫什么, 小程序是哪个), every account a report
runs (政务新媒体有哪些) and the hotline platform (便民热线平台是哪个), each led by the plain answer. Real SQLite;
every sentence here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.qa import reach
from govqa.qa.answer import answer_question
from govqa.qa.prose_facts import _kind_of
from tests.qa.conftest import FakeRetriever, years_store

_TEXT = ("一、总体情况\n办好主管主办的2个政务新媒体（“青梧之窗”微信公众号和“青梧快讯”抖音号），专人运维。\n"
         "依托“青梧办事”APP和小程序“青梧通”提供查询服务。开设微信公众号（青梧之窗）发布动态。\n"
         "依托“青梧之窗”公众号和12345便民服务热线受理群众诉求共88件。\n"
         "六、其他需要报告的事项\n无。\n")


@pytest.mark.parametrize(("question", "names"), [
    ("青梧区的APP叫什么？", ["青梧办事"]), ("青梧区客户端的名称是什么", ["青梧办事"]),
    ("青梧区用的是哪个小程序？", ["青梧通"]), ("青梧区小程序叫啥名字", ["青梧通"]),
    ("青梧区的抖音号是哪个？", ["青梧快讯"]),
])
def test_each_kind_of_account_gives_its_own_name(question: str, names: list[str]) -> None:
    kind = _kind_of(question)
    assert kind is not None and kind.name == "account", question
    span = reach.account_span(_TEXT, question)
    assert span is not None and reach.account_names(_TEXT[span[0]:span[1]], question) == names, question


def test_a_name_in_parentheses_after_its_kind() -> None:
    assert reach.account_names("开设微信公众号（青梧之窗）发布动态。", "公众号叫什么") == ["青梧之窗"]


@pytest.mark.parametrize("question", [
    "青梧区在哪个公众号上发布的？", "青梧区通过哪个公众号公开信息", "青梧区公众号发了什么内容？", "青梧区公众号有哪些功能",
])
def test_what_went_on_an_account_is_no_name_ask(question: str) -> None:
    kind = _kind_of(question)
    assert kind is None or kind.name != "account", question


@pytest.mark.parametrize("question", [
    "青梧区出台的公众号管理办法叫什么？", "青梧区公众号的管理制度叫啥", "青梧区微博运营的规定名称是什么",
    "青梧区出台的小程序管理细则叫什么名字", "青梧区关于新媒体的方案是什么",
])
def test_a_rule_about_an_account_is_no_name_ask(question: str) -> None:
    kind = _kind_of(question)
    assert kind is None or kind.name != "account", question


@pytest.mark.parametrize("question", ["青梧区的公众号叫什么", "青梧区政务微博名称是啥", "青梧区公众号是哪个"])
def test_the_account_itself_is_still_a_name_ask(question: str) -> None:
    kind = _kind_of(question)
    assert kind is not None and kind.name == "account", question


@pytest.fixture
def ask(tmp_path: Path, settings):
    s = years_store(tmp_path / "acc23.db", agency="青梧区人民政府", short="青梧区", texts={2023: _TEXT}, cells={}, prefix="a")

    def _ask(text: str):
        return answer_question(text, store=s, retriever=FakeRetriever([]), conversation=None, settings=settings)
    return _ask


@pytest.mark.parametrize("question", [
    "青梧区2023年主办了哪些政务新媒体？", "青梧区2023年有哪些新媒体？", "青梧区2023年的新媒体账号都有哪些？",
])
def test_every_account_is_led_with_its_kind(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and answer.text.startswith("“青梧之窗”微信公众号、“青梧快讯”抖音号"), (question, answer.text)
    assert "总体情况" not in answer.text, answer.text  # the heading above the sentence is no part of it


@pytest.mark.parametrize("question", ["青梧区2023年微信公众号的名字是啥？", "青梧区2023年公众号的名称叫什么"])
def test_one_kind_asked_is_led_by_its_name(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found and answer.text.startswith("名称为“青梧之窗”"), (question, answer.text)


def test_a_hotline_sentence_is_quoted_without_an_account_lead(ask) -> None:
    answer = ask("青梧区2023年便民热线平台是哪个？")
    assert answer.found and "12345" in answer.text and not answer.text.startswith("名称为"), answer.text
