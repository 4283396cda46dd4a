"""The answer path reads top to bottom (issue 14): traced with sys.setprofile, the stages qa/answer.py calls come
in pipeline order — understand, then plan in one run, then the fetching modules; a refusal the plan decides reads
no cell and no passage; the table route's prose check plans, fetches and chooses once each, in that order; and
(traced at every depth) a table question and a refusal enter each answer module in one run, in pipeline order:
understand → plan → table_route.fetch_table → compose.table_reply, or understand → plan → wording.

Over the hand-typed real SQLite store (tests/qa/conftest.py) and a retriever that returns seed chunks."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import govqa.qa.answer as answer_module
from govqa.qa.answer import answer_question

ANSWER = answer_module.__file__  # as the interpreter names it (through govqa/'s link in a checkout)
QA = Path(ANSWER).parent
FETCHING = {"table_query", "table_route", "extract", "retrieve", "arith", "trend", "section_list", "contact_route", "figures",
            "indicators"}  # modules that read cells or passages


@contextmanager
def traced(keep: Callable[[FrameType], bool]) -> Iterator[list[tuple[str, str]]]:
    """(module, function) of every call into a qa/ module that `keep` accepts (its frame, caller in f_back), in order."""
    calls: list[tuple[str, str]] = []

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event != "call" or frame.f_back is None:
            return
        path = Path(frame.f_code.co_filename)
        if path.parent == QA and keep(frame):
            calls.append((path.stem, frame.f_code.co_name))

    sys.setprofile(profile)
    try:
        yield calls
    finally:
        sys.setprofile(None)


def stage_calls() -> AbstractContextManager[list[tuple[str, str]]]:
    """(module, function) of every qa/ function called directly from qa/answer.py, in call order."""
    return traced(lambda f: f.f_back is not None and f.f_back.f_code.co_filename == ANSWER
                  and Path(f.f_code.co_filename).name != "answer.py")


def runs(modules: list[str]) -> list[str]:
    """Consecutive repeats collapsed: [a, a, b, a] → [a, b, a]."""
    return [m for i, m in enumerate(modules) if i == 0 or modules[i - 1] != m]


def check_order(calls: list[tuple[str, str]]) -> list[str]:
    """Understand before plan, plan in one run, nothing fetched before the plan; returns the modules after it."""
    modules = [m for m, _ in calls]
    assert "understand" in modules and "plan" in modules
    assert runs(modules).count("plan") == 1, runs(modules)
    first_plan = modules.index("plan")
    assert modules.index("understand") < first_plan
    assert not FETCHING & set(modules[:first_plan]), modules[:first_plan]
    return modules[first_plan:]


def test_a_table_question_plans_then_fetches(mini_store, settings) -> None:
    with stage_calls() as calls:
        answer = answer_question("红寺堡区2020年收到多少政府信息公开申请？", store=mini_store, retriever=None,
                                 conversation=None, settings=settings)
    assert answer.found and answer.route == "table"
    assert "table_query" in check_order(calls)


def test_a_refusal_the_plan_decides_reads_nothing(mini_store, settings, zhangzheng_retriever) -> None:
    for text in ("红寺堡区2035年收到多少政府信息公开申请？", "红寺堡区2020年第13季度收到多少申请？",
                 "红寺堡区2018年收到多少政府信息公开申请？", "云州市气象局2020年收到多少政府信息公开申请？"):
        with stage_calls() as calls:
            answer = answer_question(text, store=mini_store, retriever=zhangzheng_retriever, conversation=None,
                                     settings=settings)
        assert answer.route == "refuse" and not answer.found, text
        after = check_order(calls)
        assert not FETCHING & set(after), (text, after)
    assert zhangzheng_retriever.calls == []


def test_the_prose_check_plans_fetches_and_chooses_once(mini_store, settings, zhangzheng_retriever) -> None:
    # 多少条 is a prose cue: the table answer is checked against a quote (none of 红寺堡区 in this retriever)
    with stage_calls() as calls:
        answer = answer_question("红寺堡区2020年收到多少条政府信息公开申请？", store=mini_store,
                                 retriever=zhangzheng_retriever, conversation=None, settings=settings)
    assert answer.found and answer.route == "table" and answer.value == 8
    check_order(calls)
    arbiter = [f for m, f in calls if m == "arbiter"]
    assert arbiter == ["plan_prose_check", "fetch_quote", "choose", "backed_by_prose"]


def test_the_prose_check_comes_around_one_fetch_and_one_compose(mini_store, settings, zhangzheng_retriever) -> None:
    with module_entries() as calls:
        answer = answer_question("红寺堡区2020年收到多少条政府信息公开申请？", store=mini_store,
                                 retriever=zhangzheng_retriever, conversation=None, settings=settings)
    assert answer.found and answer.value == 8
    assert assert_walks_once(calls) == ["understand", "plan", "table_route", "compose"]
    order = [f"{m}.{f}" for m, f in calls if m in ("arbiter", "table_route", "compose")]
    assert order == ["arbiter.plan_prose_check", "table_route.fetch_table", "compose.table_reply", "arbiter.fetch_quote",
                     "arbiter.choose", "arbiter.backed_by_prose"], order



STAGES = ("understand", "plan", "table_route", "compose", "wording")  # the answer modules, in pipeline order


def module_entries() -> AbstractContextManager[list[tuple[str, str]]]:
    """(module, function) of every call that enters a qa/ module from another module (at any depth), in order."""
    return traced(lambda f: f.f_back is not None and f.f_back.f_code.co_filename != f.f_code.co_filename)


def stage_entries(calls: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The entries into the answer modules, in call order."""
    return [(m, f) for m, f in calls if m in STAGES]


def assert_walks_once(calls: list[tuple[str, str]]) -> list[str]:
    """Each answer module entered in ONE contiguous run, the runs in pipeline order; returns the runs."""
    walked = runs([m for m, _ in stage_entries(calls)])
    assert len(walked) == len(set(walked)), stage_entries(calls)
    assert walked == sorted(walked, key=STAGES.index), stage_entries(calls)
    return walked


def test_a_table_question_walks_each_answer_module_once(mini_store, settings) -> None:
    # understand → plan → fetch (one call reads every cell) → compose (one call writes the whole answer)
    for text in ("红寺堡区2020年收到多少政府信息公开申请？", "各机关2020年行政许可处理决定数量合计多少？",
                 "红寺堡区2020年行政处罚处理决定数量是多少？"):
        with module_entries() as calls:
            answer = answer_question(text, store=mini_store, retriever=None, conversation=None, settings=settings)
        assert answer.found and answer.route == "table", text
        assert assert_walks_once(calls) == ["understand", "plan", "table_route", "compose"], text
        entered = stage_entries(calls)
        assert [f for m, f in entered if m == "table_route"] == ["fetch_table"], entered
        assert [f for m, f in entered if m == "compose"] == ["table_reply"], entered


def test_a_refusal_walks_understand_plan_wording_once(mini_store, settings, zhangzheng_retriever) -> None:
    for text in ("红寺堡区2035年收到多少政府信息公开申请？", "红寺堡区2018年收到多少政府信息公开申请？",
                 "云州市气象局2020年收到多少政府信息公开申请？"):
        with module_entries() as calls:
            answer = answer_question(text, store=mini_store, retriever=zhangzheng_retriever, conversation=None,
                                     settings=settings)
        assert answer.route == "refuse" and not answer.found, text
        assert assert_walks_once(calls) == ["understand", "plan", "wording"], (text, calls)
        assert len([m for m, _ in stage_entries(calls) if m == "wording"]) == 1, (text, calls)
        after_plan = [m for m, _ in calls][[m for m, _ in calls].index("plan"):]
        assert not FETCHING & set(after_plan), (text, calls)
