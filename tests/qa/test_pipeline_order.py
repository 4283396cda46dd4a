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

import pytest

import govqa.qa.answer as answer_module
from govqa.qa.answer import answer_question

ANSWER = answer_module.__file__  # as the interpreter names it (through govqa/'s link in a checkout)
QA = Path(ANSWER).parent


def qa_module(path: Path) -> str | None:
    """The qa/ module a code file is part of: its stem, or the subpackage's name (qa/compose/table.py is compose)."""
    if path.parent == QA:
        return path.stem
    return path.parent.name if path.parent.parent == QA else None
FETCHING = {"table_query", "table_route", "extract", "quote_choice", "retrieve", "arith", "trend", "section_list",
            "contact_route", "figures", "indicators"}  # modules that read cells or passages


@contextmanager
def traced(keep: Callable[[FrameType], bool]) -> Iterator[list[tuple[str, str]]]:
    """(module, function) of every call into a qa/ module that `keep` accepts (its frame, caller in f_back), in order."""
    calls: list[tuple[str, str]] = []

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event != "call" or frame.f_back is None:
            return
        module = qa_module(Path(frame.f_code.co_filename))
        if module is not None and keep(frame):
            calls.append((module, frame.f_code.co_name))

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
    """(module, function) of every call that enters a qa/ module from another module (at any depth; the files of
    qa/compose/ are one module), in order."""
    return traced(lambda f: f.f_back is not None
                  and qa_module(Path(f.f_back.f_code.co_filename)) != qa_module(Path(f.f_code.co_filename)))


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


# Every route walks the same way: understand → plan (which names the route, from the wording) → that route's fetch →
# compose (→ wording for notes). The route modules' own predicates (arith.recognise, contact_route.recognise,
# section_list.recognise, trend.is_trend) are called by the plan and count as planning.
ROUTE_STAGES = ("understand", "plan", "arith", "contact_route", "section_list", "extract", "trend", "table_route", "compose",
                "wording")
AGENCY = "东岚县文化和旅游局"
TEXT = ("东岚县文化和旅游局{year}年政府信息公开工作年度报告\n前言\n本报告由东岚县文化和旅游局编制。如对本报告有疑问，请与"
        "东岚县文化和旅游局办公室联系（联系地址：东岚县滨海大道 12 号；电 话：0591-7654321）。\n"
        "一、总体情况\n本年度围绕政策解读开展工作，通过新闻发布会解读政策文件6次，发布图文解读9篇。\n"
        "五、存在的主要问题及改进情况\n一是政策解读形式较为单一。二是信息更新不够及时。\n"
        "六、其他需要报告的事项\n无。\n")


@pytest.fixture
def donglan(tmp_path: Path):
    """A real SQLite store: one agency's reports of 2019–2021 (hand-written text, hand-typed cells)."""
    from govqa.core.types import Cell, ParsedReport, Report, TableResult
    from govqa.index.store import Store

    store = Store(f"sqlite:///{tmp_path / 'donglan.db'}")
    for year, new, opened, part, total in ((2019, 12, 6, 2, 12), (2020, 15, 9, 1, 15), (2021, 20, 10, 4, 20)):
        cells = tuple(Cell("申请", row, "总计", float(v), str(v))
                      for row, v in (("一", new), ("三.一", opened), ("三.二", part), ("三.七", total)))
        rid = f"donglan{year}ab"
        report = Report(id=rid, source=f"{rid}.txt", agency=AGENCY, short_name="东岚县文旅局", aliases=("东岚文旅局",),
                        year=year, template="2021", title=f"{AGENCY}{year}年政府信息公开工作年度报告",
                        content_hash=rid * 5, text=TEXT.format(year=year))
        store.save(ParsedReport(report, (), TableResult(cells, (), "2021"), ()))
    return store


@pytest.fixture
def donglan_retriever():
    """Chunks of the 总体情况 part of each year's report."""
    from govqa.core.types import Chunk
    from tests.qa.conftest import FakeRetriever

    chunks = []
    for year in (2021, 2020, 2019):
        text = TEXT.format(year=year)
        start = text.index("一、总体情况")
        end = text.index("五、")
        chunks.append(Chunk(id=f"d{year}:{start}", report_id=f"donglan{year}ab", agency=AGENCY, short_name="东岚县文旅局",
                            year=year, section="总体情况", subheading="", start=start, end=end, text=text[start:end]))
    return FakeRetriever(chunks)


@contextmanager
def entries_with_callers() -> Iterator[list[tuple[str, str, str]]]:
    """(module, function, calling module) of every call entering a qa/ module from another file, in order."""
    calls: list[tuple[str, str, str]] = []

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        back = frame.f_back
        if event != "call" or back is None or back.f_code.co_filename == frame.f_code.co_filename:
            return
        module = qa_module(Path(frame.f_code.co_filename))
        if module is not None:
            calls.append((module, frame.f_code.co_name, qa_module(Path(back.f_code.co_filename)) or ""))

    sys.setprofile(profile)
    try:
        yield calls
    finally:
        sys.setprofile(None)


def route_walk(calls: list[tuple[str, str, str]]) -> list[str]:
    """The route stages entered, in ONE contiguous run each and in pipeline order. A route module's wording knowledge
    read by understand or plan (its predicate, section_list.asked_part) is part of that stage."""
    entered = [(by if by in ("understand", "plan") else m, f) for m, f, by in calls if m in ROUTE_STAGES]
    walked = runs([m for m, _ in entered])
    assert len(walked) == len(set(walked)), entered
    assert walked == sorted(walked, key=ROUTE_STAGES.index), entered
    return walked


@pytest.mark.parametrize(("text", "route", "walk"), [
    ("东岚县文旅局2021年通过新闻发布会解读政策文件几次？", "retrieval", ["understand", "plan", "extract", "compose"]),
    ("东岚县文旅局2021年存在哪些问题？", "retrieval", ["understand", "plan", "section_list", "compose"]),
    ("东岚县文旅局的联系电话是多少？", "retrieval", ["understand", "plan", "contact_route", "compose"]),
    ("东岚县文旅局2019到2021年收到多少申请？", "table", ["understand", "plan", "trend", "compose"]),
    ("东岚县文旅局2021年的公开率是多少？", "table", ["understand", "plan", "arith", "compose"]),
])
def test_every_route_walks_each_answer_module_once(donglan, donglan_retriever, settings, text: str, route: str,
                                                   walk: list[str]) -> None:
    with entries_with_callers() as calls:
        answer = answer_question(text, store=donglan, retriever=donglan_retriever, conversation=None, settings=settings)
    assert answer.found and answer.route == route, (text, answer)
    assert route_walk(calls) == walk, (text, [c for c in calls if c[0] in ROUTE_STAGES])
