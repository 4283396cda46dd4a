"""Who must approve before publishing (the approval chain: 经A、B和C审核后才能发布) is no division of work: a leading
group's sentence (局长任组长，分管领导任副组长，各股室负责人为成员) names roles but reviews nothing. Real SQLite; every
report and sentence here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.qa.answer import answer_question
from govqa.qa.scoped_lists import ROLES, scope_asked
from tests.qa.conftest import sentence_chunks, years_store
from tests.qa.test_rewordings23 import EveryRetriever

BODY = "青梧区林草局"
TEXT = {2021: ("青梧区林草局2021年政府信息公开工作年度报告\n"
               "一、总体情况\n"
               "根据工作需要，我局调整了政务公开工作领导小组，由局长任组长，分管领导任副组长，各股室负责人为成员，"
               "由办公室专人负责信息的收集和发布。\n"
               "凡对外公开的信息都经办公室信息员、业务股室负责人和分管领导严格审核后才能发布，涉密信息一律不公开。\n"
               "二、主动公开政府信息情况\n表略。\n"
               "青梧区林草局 2022年1月20日")}
CHAIN = ("办公室信息员", "业务股室负责人", "分管领导")


@pytest.fixture
def ask(tmp_path: Path, settings):
    store = years_store(tmp_path / "chain.db", agency=BODY, short="林草局", alias="青梧林草局", texts=TEXT, cells={},
                        prefix="c")
    retriever = EveryRetriever(sentence_chunks(TEXT, agency=BODY, short="林草局", prefix="c"))
    return lambda text: answer_question(text, store=store, retriever=retriever, conversation=None,
                                              settings=settings)


@pytest.mark.parametrize("question", [
    "青梧区林草局2021年要公开的信息得经过哪些人审核才能发布？",
    "青梧区林草局2021年信息发布前要哪些人审批",
    "青梧区林草局2021年公开信息需要哪几个人审",
    "青梧区林草局2021年对外公开的信息都是谁审核的",
    "青梧区林草局2021年信息公开前由哪些人把关？",
])
def test_the_approvers_are_the_chain_not_the_leading_group(ask, question: str) -> None:
    answer = ask(question)
    assert answer.found, answer
    for role in CHAIN:
        assert role in answer.text, (role, answer.text)
    assert "副组长" not in answer.text.split("）")[-1], answer.text  # the group's members are not listed


def test_a_review_ask_of_roles_keeps_its_verb() -> None:
    scope = scope_asked("信息发布要哪几个人审？")
    assert scope is not None and scope.kind == ROLES and scope.noun == "审"
    scope = scope_asked("局领导之间是怎么分工的")
    assert scope is not None and scope.kind == ROLES and not scope.noun
