"""Unit tests of the web UI's logic, over a small stand-in for GovQA (no model, no server)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from govqa.core.errors import UnknownAgency, UnknownReport
from govqa.core.types import Answer, Cell, Finding, Identity, Report, Source
from govqa.ui import chat, compare, reports, upload
from govqa.ui.metrics import MetricCol, MetricRow, MetricTable

SEED_003 = Path(__file__).parents[1] / "fixtures" / "seeds" / "003_0442bf09cc97cf09.txt"
TEXT = "一、总体情况\n2020年，红寺堡区共收到政府信息公开申请19件，全部按时办结。\n五、存在的主要问题及改进情况\n公开不够及时。"

CATALOG = (
    MetricTable("主动公开", "主动公开政府信息情况", (
        MetricRow("规章", "规章", (MetricCol("本年新制作数量", "本年新制作数量"), MetricCol("对外公开总数量", "对外公开总数量"))),
        MetricRow("政府集中采购", "政府集中采购", (MetricCol("采购总金额", "采购总金额", "万元"),)),
    )),
    MetricTable("申请", "收到和处理政府信息公开申请情况", (
        MetricRow("一", "本年新收政府信息公开申请数量", (MetricCol("自然人", "自然人"), MetricCol("总计", "总计"))),
        MetricRow("三.七", "总计", (MetricCol("自然人", "自然人"), MetricCol("总计", "总计"))),
    )),
)


def _report(rid: str, agency: str, short: str, year: int) -> Report:
    return Report(id=rid, source=f"{rid}.txt", agency=agency, short_name=short, aliases=(), year=year,
                  template="2019", title=f"{short}{year}年报", content_hash=rid * 5, text=TEXT)


@dataclass
class FakeStore:
    """Just the Store reads the UI uses."""

    items: list[Report] = field(default_factory=lambda: [_report("aaa111", "吴忠市红寺堡区人民政府", "红寺堡区", 2020),
                                                         _report("bbb222", "银川市西夏区镇北堡镇人民政府", "镇北堡镇", 2020)])
    cell_rows: list[Cell] = field(default_factory=lambda: [Cell("申请", "一", "总计", 19.0, "19"),
                                                           Cell("申请", "三.七", "总计", 0.0, "0"),
                                                           Cell("主动公开", "政府集中采购", "采购总金额", 40.94, "40.94 万元")])
    finding_rows: list[Finding] = field(default_factory=lambda: [Finding("relation", "申请", "三.七", "总计",
                                                                         "申请 三.七 总计: 应为 19（各项之和），实际填报 0", 19.0, 0.0)])

    def reports(self) -> list[Report]:
        return self.items

    def get_report(self, ref: str) -> Report:
        for r in self.items:
            if r.id == ref:
                return r
        raise UnknownReport(f"no report {ref!r}")

    def cells(self, *, report_id: str | None = None, **_: Any) -> list[Cell]:
        return self.cell_rows if report_id == "aaa111" else []

    def findings(self, report_id: str | None = None) -> list[Finding]:
        return self.finding_rows if report_id == "aaa111" else []

    def count_cells(self, report_id: str | None = None) -> int:
        return len(self.cells(report_id=report_id))

    def count_findings(self, report_id: str | None = None) -> int:
        return len(self.findings(report_id))


class FakeQA:
    """A stand-in for GovQA: canned answers, a canned comparison, a recording ingest."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.store = FakeStore()
        self.asked: list[tuple[str, Any]] = []
        self.ingested: list[Path] = []

    def ask(self, question: str, *, conversation: Any = None) -> Answer:
        self.asked.append((question, conversation))
        if "火星" in question:
            raise UnknownAgency("火星区: no ingested report belongs to this agency")
        passage = "共收到政府信息公开申请19件"
        start = TEXT.index(passage)
        return Answer(question=question, text="红寺堡区2020年收到政府信息公开申请19件。", found=True, route="table", value=19.0,
                      unit="件", sources=(Source("aaa111", "吴忠市红寺堡区人民政府", 2020, "表二 一 总计 = 19", table="申请",
                                                 row="一", col="总计"),
                                          Source("aaa111", "吴忠市红寺堡区人民政府", 2020, passage,
                                                 section="总体情况", start=start, end=start + len(passage))))

    def compare(self, table: str, row: str, col: str, *, agencies: Any = (), years: Any = ()) -> list[dict[str, Any]]:
        rows = [
            {"report": "aaa111", "agency": "吴忠市红寺堡区人民政府", "short_name": "红寺堡区", "year": 2020, "value": 19.0, "raw": "19", "broken": True},
            {"report": "bbb222", "agency": "银川市西夏区镇北堡镇人民政府", "short_name": "镇北堡镇", "year": 2020, "value": 3.0, "raw": "3", "broken": False},
        ]
        return [r for r in rows if not agencies or r["agency"] in agencies]

    def ingest(self, paths: list[Path], **_: Any) -> Any:
        self.ingested.extend(paths)
        path = paths[0]
        if "notes" in path.name:
            result = SimpleNamespace(path=path, status="refused", report_id=None, cells=0, findings=0,
                                     error=f"{path.name}: no standard tables found (主动公开/申请/复议诉讼); is this an annual report?", note=None)
        else:
            result = SimpleNamespace(path=path, status="added", report_id="ccc333", cells=198, findings=1, error=None, note=None)
        return SimpleNamespace(files=[result])


@pytest.fixture
def qa(settings: Any) -> FakeQA:
    return FakeQA(settings)


# --- chat -------------------------------------------------------------------------------------------------------

def test_render_answer_has_cell_table_sources_and_marked_context(qa: FakeQA) -> None:
    answer = qa.ask("红寺堡区2020年收到多少政府信息公开申请？")
    page = chat.render_answer(answer, chat.report_text_lookup(qa))  # type: ignore[arg-type]
    # the lead sentence first, then a compact table with human labels, never the keys 一 / 申请
    assert page.startswith('<p class="govqa-lead">红寺堡区2020年收到政府信息公开申请19件。</p>')
    assert '<table class="govqa-cells">' in page
    assert '<td>新收政府信息公开申请 · 总计</td><td class="govqa-num">19</td>' in page
    assert "<td>一</td>" not in page and "行 一" not in page
    assert "<summary>来源（2）</summary>" in page
    assert "<mark>表二 一 总计 = 19</mark>" in page
    # the passage is marked inside the report text around it
    assert "2020年，红寺堡区<mark>共收到政府信息公开申请19件</mark>，全部按时办结。" in page
    assert "依据：表格数据" in page


def test_quote_without_offsets_and_escaping() -> None:
    src = Source("r1", "某局", 2020, "<b>x</b>")
    assert chat.quote_with_context(None, src) == "<mark>&lt;b&gt;x&lt;/b&gt;</mark>"


def test_quote_is_one_line_so_the_html_block_survives_markdown() -> None:
    text = "总体情况\n\n2020 年，镇北堡镇政府信息公开工作，虽然取得了一定\n\n的进步，但仍存在一些不足。"
    start = text.index("虽然")
    src = Source("r1", "镇北堡镇", 2020, "", section="存在的主要问题及改进情况", start=start, end=len(text))
    assert chat.quote_with_context(text, src) == "总体情况2020 年，镇北堡镇政府信息公开工作，<mark>虽然取得了一定的进步，但仍存在一些不足。</mark>"


def test_stream_pieces_grow_to_the_whole_text() -> None:
    pieces = list(chat.stream_pieces("红寺堡区收到申请19件。", steps=4))
    assert pieces[-1] == "红寺堡区收到申请19件。"
    assert all(b.startswith(a) and len(b) > len(a) for a, b in zip(pieces, pieces[1:], strict=False))
    assert 2 <= len(pieces) <= 4
    assert list(chat.stream_pieces("")) == []


def test_respond_streams_then_shows_sources_and_keeps_the_conversation(qa: FakeQA) -> None:
    conv = object()
    steps = list(chat.respond(qa, "红寺堡区2020年收到多少申请？", [], conv))  # type: ignore[arg-type]
    histories = [h for h, _, _ in steps]
    assert histories[0][-1]["content"] == chat.TYPING  # a visible typing state before any text
    assert "govqa-cursor" in histories[1][-1]["content"]  # the text arrives with a cursor while it streams
    assert len(steps) >= 3  # placeholder, at least one partial piece, the final message
    final = histories[-1]
    assert [m["role"] for m in final] == ["user", "assistant"]
    assert "<details" in final[-1]["content"]
    assert all(c is conv for _, c, _ in steps)
    list(chat.respond(qa, "那2019年呢？", final, conv))  # type: ignore[arg-type]
    assert [c for _, c in qa.asked] == [conv, conv]  # the follow-up went through the same Conversation


def test_respond_shows_errors_and_ignores_blank(qa: FakeQA) -> None:
    *_, (history, _, _) = chat.respond(qa, "火星区2020年收到多少申请？", [], object())  # type: ignore[arg-type]
    assert history[-1]["content"].startswith("⚠ 没有找到这个单位的年度报告")  # Chinese, not the CLI's English
    blank = list(chat.respond(qa, "   ", [], "c"))  # type: ignore[arg-type]
    assert blank == [([], "c", "")] and len(qa.asked) == 1
    *_, (history, _, _) = chat.respond(qa, "申" * 100_000, [], "c")  # type: ignore[arg-type]
    assert history[-1]["content"] == "⚠ 问题过长（100000 个字符，最多 500 个）。" and len(history[0]["content"]) < 100
    assert len(qa.asked) == 1  # never reached the answer path


# --- compare ----------------------------------------------------------------------------------------------------

def test_metric_choices_follow_the_catalog() -> None:
    assert compare.table_choices(CATALOG) == [("主动公开政府信息情况", "主动公开"), ("收到和处理政府信息公开申请情况", "申请")]
    assert compare.row_choices(CATALOG, "申请") == [("一、本年新收政府信息公开申请数量", "一"), ("（七）总计", "三.七")]
    assert compare.col_choices(CATALOG, "主动公开", "政府集中采购") == [("采购总金额（万元）", "采购总金额")]
    review = MetricTable("复议诉讼", "政府信息公开行政复议、行政诉讼情况",
                         (MetricRow("数量", "数量", (MetricCol("复议.维持", "复议.维持"),)),))
    assert compare.row_choices([review], "复议诉讼") == [("案件数量", "数量")]
    assert compare.col_choices([review], "复议诉讼", "数量") == [("行政复议 · 结果维持", "复议.维持")]
    assert compare.col_choices(CATALOG, "申请", "没有这行") == []


def test_run_compare_table_chart_csv_and_broken_mark(qa: FakeQA) -> None:
    message, frame, bars, csv = compare.run_compare(qa, CATALOG, "申请", "一", "总计", [], [], "数值从低到高")  # type: ignore[arg-type]
    assert message == "「收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 总计」：2 份报告，其中 1 份报告 ⚠ 勾稽关系异常。"
    assert list(frame["单位"]) == ["镇北堡镇", "红寺堡区"]
    assert list(frame["勾稽关系"]) == ["正常", "⚠ 勾稽关系异常"]
    assert list(bars["单位"]) == ["镇北堡镇（3）", "红寺堡区（19） ⚠"] and list(bars["数值"]) == [3.0, 19.0]
    text = Path(csv).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "单位,年份,数值,填报原文,勾稽关系,报告编号"
    assert "红寺堡区,2020,19,19,⚠ 勾稽关系异常,aaa111" in text  # whole numbers stay whole in the CSV
    assert Path(csv).resolve().is_relative_to(qa.settings.home.resolve())


def test_run_compare_filters_and_empty(qa: FakeQA) -> None:
    _, frame, _, _ = compare.run_compare(qa, CATALOG, "申请", "一", "总计", ["银川市西夏区镇北堡镇人民政府"], ["2020"], "数值从高到低")  # type: ignore[arg-type]
    assert list(frame["单位"]) == ["镇北堡镇"]
    qa.store.items.append(_report("ccc333", "某某县财政局", "某某县财政局", 2021))
    message, *_ = compare.run_compare(qa, CATALOG, "申请", "一", "总计", [], [], "数值从高到低")  # type: ignore[arg-type]
    assert "以下 1 份报告没有这项数据（不计为 0）：某某县财政局 2021。" in message  # listed, not dropped
    message, frame, bars, csv = compare.run_compare(qa, CATALOG, "申请", "一", "总计", ["没有的单位"], [], "数值从高到低")  # type: ignore[arg-type]
    assert message.startswith("没有找到") and frame.empty and bars is None and csv is None
    assert compare.run_compare(qa, CATALOG, "申请", "", "总计", [], [], "x")[0] == "请选择表、行和列。"  # type: ignore[arg-type]


def test_chart_labels_carry_the_year_when_years_differ() -> None:
    rows = [{"short_name": "红寺堡区", "year": 2020, "value": 19.0}, {"short_name": "红寺堡区", "year": 2021, "value": 7.0}]
    assert list(compare.chart_frame(compare.compare_frame(rows))["单位"]) == ["红寺堡区 2020（19）", "红寺堡区 2021（7）"]


def test_example_questions_come_from_the_store_uploads_first() -> None:
    store = FakeStore()
    asks = chat.example_questions(store.items)
    assert asks[0] == "红寺堡区2020年收到多少政府信息公开申请？" and "镇北堡镇2020年收到多少政府信息公开申请？" in asks
    assert "哪个单位2020年收到的政府信息公开申请最多？" in asks
    store.items.append(_report("ccc333", "某某县财政局", "某某县财政局", 2021))
    fresh = chat.example_questions(store.items, first=["某某县财政局"])
    assert fresh[0] == "某某县财政局2021年收到多少政府信息公开申请？"
    assert chat.example_questions([]) == []


def test_stop_marks_an_unfinished_answer_and_reload_rebuilds_the_context(qa: FakeQA) -> None:
    history = [{"role": "user", "content": "红寺堡区&lt;2020&gt;"}, {"role": "assistant", "content": chat.TYPING}]
    assert chat.stopped(history)[-1]["content"] == chat.STOPPED
    assert chat.user_questions(history) == ["红寺堡区<2020>"]
    conv = chat.restored_conversation(qa, history)  # type: ignore[arg-type]
    assert qa.asked == [("红寺堡区<2020>", conv)]


def test_error_messages_are_chinese() -> None:
    from govqa.core.errors import NoTables
    from govqa.ui.messages import is_chinese, user_message

    assert is_chinese(user_message(NoTables("x.txt: no standard tables found")))
    assert is_chinese(user_message(RuntimeError("boom")))
    assert user_message(UnknownAgency("没有“火星区”的年度报告。")) == "没有“火星区”的年度报告。"


def test_findings_read_chinese_with_human_labels() -> None:
    from govqa.ui.messages import finding_text, is_chinese

    blank = Finding("missing", "申请", "三.一", "总计", "申请 三.一 总计: the cell is printed blank; no value taken (a blank is not 0)")
    assert finding_text(blank) == "收到和处理政府信息公开申请情况 · 予以公开 · 总计：报告中这里印为空白，未取值（空白不计为 0）"
    split = Finding("ambiguous", "申请", "三.二", "", "申请 三.二: printed '1 23' for 7 columns; 2 readings fit")
    assert is_chinese(finding_text(split)) and "三.二" not in finding_text(split)


def test_cell_table_leads_with_the_total_and_folds_zeros() -> None:
    printed = {"自然人": "4441", "商业企业": "6", "科研机构": "0", "其他": "0", "总计": "4447"}
    cells = [Source("r1", "某某厅", 2020, f"表三 一、本年新收政府信息公开申请数量 {c} = {v}", table="申请", row="一", col=c)
             for c, v in printed.items()]
    page = chat.cell_table_html(cells)
    rows = page.split("<tbody>")[1].split("</tr>")
    assert "新收政府信息公开申请 · 总计</td><td class=\"govqa-num\">4447" in rows[0]
    assert "其余 2 项（科研机构、其他）" in page and page.count("<tr>") == 5  # head + 3 numbers + the folded zeros


def test_labels_are_human() -> None:
    from govqa.ui.labels import metric_label

    assert metric_label("复议诉讼", "数量", "复议.维持") == "行政复议 · 结果维持"
    assert metric_label("申请", "三.一", "总计") == "予以公开 · 总计"


# --- reports ----------------------------------------------------------------------------------------------------

def test_report_listing_and_one_report(qa: FakeQA) -> None:
    frame = reports.report_frame(qa)  # type: ignore[arg-type]
    assert frame.values.tolist()[0] == ["aaa111", "吴忠市红寺堡区人民政府", 2020, "2019", 3, 1, "aaa111.txt"]
    assert reports.report_choices(qa)[1] == ("镇北堡镇 2020（bbb222）", "bbb222")  # type: ignore[arg-type]
    summary, grids, issues, text = reports.show_report(qa, CATALOG, "aaa111")  # type: ignore[arg-type]
    assert "**吴忠市红寺堡区人民政府** · 2020年 · 模板 2019 · 3 个单元格 · 1 个问题" in summary
    assert "<th>三.七 总计</th><td class=\"govqa-bad\">0</td>" in grids  # the broken cell is marked
    assert "<td>40.94 万元</td>" in grids
    assert issues.values.tolist() == [["勾稽关系", "收到和处理政府信息公开申请情况", "办理结果总计", "总计",
                                       "收到和处理政府信息公开申请情况 · 办理结果总计 · 总计：按勾稽关系应为 19，报告填报 0"]]
    assert text == TEXT
    assert reports.show_report(qa, CATALOG, "zzz")[0] == "⚠ no report 'zzz'"  # type: ignore[arg-type]


def test_import_files_reports_each_file(qa: FakeQA, tmp_path: Path) -> None:
    good = tmp_path / "红寺堡区 2020.txt"
    good.write_bytes(SEED_003.read_bytes())
    notes = tmp_path / "notes.txt"
    notes.write_text("会议记录", encoding="utf-8")
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ")
    seen: list[tuple[Any, str]] = []
    message, table = upload.import_files(qa, [str(good), str(notes), str(exe)], lambda p, desc: seen.append((p, desc)), who="admin")  # type: ignore[arg-type]
    assert message == "导入 3 个文件：1 个成功，2 个被拒绝。"
    rows = table.values.tolist()
    assert rows[0][:5] == ["红寺堡区 2020.txt", "新增", "ccc333", 198, 1]
    assert rows[1][1] == "⚠ 拒绝" and "no standard tables found" in rows[1][5]
    assert rows[2][1] == "⚠ 拒绝" and "unsupported file type .exe" in rows[2][5]
    assert [p.name for p in qa.ingested] == ["红寺堡区_2020.txt", "notes.txt"]
    assert all(p.parent == qa.settings.uploads_dir.resolve() for p in qa.ingested)
    assert seen[0] == ((0, 3), "导入 红寺堡区 2020.txt") and seen[-1] == ((3, 3), "完成")
    assert upload.import_files(qa, None, who="admin")[0] == "请先选择要上传的文件。"  # type: ignore[arg-type]


def test_upload_fields_give_agency_and_year(qa: FakeQA, tmp_path: Path) -> None:
    given: list[Any] = []
    original = qa.ingest

    def ingest(paths: list[Path], **kwargs: Any) -> Any:
        given.append(kwargs.get("given"))
        return original(paths)

    qa.ingest = ingest  # type: ignore[method-assign]
    path = tmp_path / "report.txt"
    path.write_bytes(SEED_003.read_bytes())
    upload.import_files(qa, [str(path)], None, given=upload.given_identity(" 某某县财政局 ", 2021.0), who="admin")  # type: ignore[arg-type]
    assert given == [Identity(agency="某某县财政局", year=2021)]
    assert upload.given_identity("", None) == Identity()


def test_page_is_rewritten_chinese_before_gradio_starts() -> None:
    import asyncio

    from govqa.ui.zh_page import ChinesePage, rewrite_page

    page = b'<!doctype html>\n<html\n\tlang="en"\n><head><meta charset="utf-8" /><script type="module" src="x.js"></script>'
    out = rewrite_page(page, b"<script>zh()</script>")
    assert b'lang="zh-CN"' in out and out.index(b"zh()") < out.index(b"x.js")

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(page)).encode())]})
        await send({"type": "http.response.body", "body": page})

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(ChinesePage(app, b"<script>zh()</script>")({"type": "http", "method": "GET", "path": "/"}, None, send))
    body = sent[1]["body"]
    assert b'lang="zh-CN"' in body and dict(sent[0]["headers"])[b"content-length"] == str(len(body)).encode()
    sent.clear()
    asyncio.run(ChinesePage(app, b"<script>zh()</script>")({"type": "http", "method": "GET", "path": "/config"}, None, send))
    assert sent[1]["body"] == page  # only the page itself is rewritten


def test_the_saved_chat_key_survives_a_restart(tmp_path: Path) -> None:
    first = chat.browser_secret(tmp_path / "home")
    assert first and len(first) >= 16
    assert chat.browser_secret(tmp_path / "home") == first  # a new server process reads the same key
    assert (tmp_path / "home" / chat.SECRET_FILE).stat().st_mode & 0o777 == 0o600
    assert chat.browser_secret(tmp_path / "other") != first
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert chat.browser_secret(blocked) is None  # no home to keep it in: a key for this start only
