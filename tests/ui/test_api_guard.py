"""The named API endpoints refuse bad arguments in Chinese and never show exception text; uploads are guarded.

A real GovQA (the five seeds, hash embeddings) is served by Gradio on 127.0.0.1 and driven with gradio_client.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from govqa.core.config import load_settings
from govqa.qa.staff import LOCAL, Staff, hash_password

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "红寺堡区2020年收到多少政府信息公开申请？"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Any]]:
    """(GovQA, gradio Client) over the seeds, served on loopback for the whole module."""
    from gradio_client import Client

    from govqa.qa.service import GovQA
    from govqa.ui.app import build_app, launch_app

    home = tmp_path_factory.mktemp("api-home")
    settings = load_settings({"GOVQA_HOME": str(home), "GOVQA_EMBED_BACKEND": "hash", "GOVQA_PROGRESS": "0"})
    qa = GovQA(settings)
    seeds = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
    assert qa.ingest(seeds).reports == 5
    demo = build_app(qa)
    url = launch_app(demo, settings, port=_free_port(), prevent_thread_lock=True)
    try:
        yield qa, Client(url, verbose=False)
    finally:
        demo.close()


def _refusal(client: Any, *args: Any, api_name: str) -> str:
    """The message a client gets for a refused call."""
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as info:
        client.predict(*args, api_name=api_name)
    return str(info.value)


def test_ask_answers_and_refuses_bad_arguments_in_chinese(served: tuple[Any, Any]) -> None:
    _, client = served
    answer = client.predict(QUESTION, [], api_name="/ask")
    assert answer["found"] is True and answer["value"] == 8
    message = _refusal(client, QUESTION, [1, 2, 3], api_name="/ask")
    assert "参数错误" in message and "对话历史中的问题必须是文字" in message and "strip" not in message
    assert "问题不能为空" in _refusal(client, "   ", [], api_name="/ask")
    assert "问题过长" in _refusal(client, "申" * 600, [], api_name="/ask")
    assert "最多 20 项" in _refusal(client, QUESTION, [QUESTION] * 21, api_name="/ask")


def test_compare_refuses_impossible_years_and_unknown_metrics(served: tuple[Any, Any]) -> None:
    _, client = served
    rows = client.predict("申请", "一", "总计", [], [2020], api_name="/compare")
    assert {r["short_name"]: r["value"] for r in rows}["红寺堡区"] == 8
    assert client.predict("申请", "一", "总计", [], ["2020"], api_name="/compare") == rows
    message = _refusal(client, "申请", "一", "总计", [], ["abc"], api_name="/compare")
    assert "年份必须是 2008 到" in message and "abc" in message and "invalid literal" not in message
    for year in (1999, date.today().year + 1, 99999999999999999999):
        assert "年份必须在 2008 到" in _refusal(client, "申请", "一", "总计", [], [year], api_name="/compare")
    assert "未知的表「没有」" in _refusal(client, "没有", "一", "总计", [], [], api_name="/compare")
    assert "没有列「合计」" in _refusal(client, "申请", "一", "合计", [], [], api_name="/compare")
    assert "单位列表（agencies）必须是列表" in _refusal(client, "申请", "一", "总计", "红寺堡区", [], api_name="/compare")


def test_a_bug_in_a_stage_reaches_the_client_as_a_chinese_note_only(served: tuple[Any, Any],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    qa, client = served

    def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("secret internal detail /srv/path")

    monkeypatch.setattr(qa, "ask", broken)
    message = _refusal(client, QUESTION, [], api_name="/ask")
    assert "内部错误" in message and "secret" not in message and "RuntimeError" not in message


def test_encrypted_pdf_upload_is_named_refused_deleted_and_logged(served: tuple[Any, Any], tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    from govqa.ui.upload import import_files

    qa, _ = served
    path = tmp_path / "加密年报.pdf"
    pdf = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("pw", ownerPassword="owner"))
    pdf.drawString(100, 700, "2021")
    pdf.save()
    message, table = import_files(qa, [str(path)], None, who="admin")
    assert message == "导入 1 个文件：0 个成功，1 个被拒绝。"
    note = table.values.tolist()[0][5]
    assert "PDF 已加密，需要密码才能打开" in note and "PdfminerException" not in note
    assert not list(qa.settings.uploads_dir.glob("*.pdf"))  # the refused copy is gone
    last = json.loads(qa.settings.change_log_path.read_text(encoding="utf-8").splitlines()[-1])
    assert last["who"] == "admin" and last["file"] == "加密年报.pdf" and last["status"] == "⚠ 拒绝" and last["time"]


def test_gradio_temp_copies_are_deleted_after_import(served: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    from govqa.ui.upload import import_files

    qa, _ = served
    temp = tmp_path / "gradio-tmp"
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(temp))
    copy = temp / "3f2a" / "notes.txt"
    copy.parent.mkdir(parents=True)
    copy.write_text("会议记录，没有表格。", encoding="utf-8")
    mine = tmp_path / "mine.txt"
    mine.write_text("会议记录，没有表格。", encoding="utf-8")
    import_files(qa, [str(copy), str(mine)], None, who=LOCAL)
    assert not copy.exists() and not copy.parent.exists() and temp.is_dir()
    assert mine.exists()  # a file outside Gradio's folder is the caller's, not deleted


def _component_ids(demo: Any) -> set[str]:
    return {b.elem_id for b in demo.blocks.values() if getattr(b, "elem_id", None)}


def test_upload_panel_follows_the_staff_settings(settings: Any, tmp_path: Path) -> None:
    from govqa.qa.service import GovQA
    from govqa.ui.app import build_app

    qa = GovQA(settings)
    public = build_app(qa, host="0.0.0.0")
    assert "govqa-upload" not in _component_ids(public) and "govqa-upload-off" in _component_ids(public)
    local = build_app(qa, host="127.0.0.1")
    assert "govqa-upload" in _component_ids(local) and "govqa-login" not in _component_ids(local)
    users = tmp_path / "users.txt"
    users.write_text(f"# staff\nwang:{hash_password('pw-wang', iterations=1000)}\n", encoding="utf-8")
    guarded = GovQA(load_settings({"GOVQA_HOME": str(settings.home), "GOVQA_USERS_FILE": str(users)}))
    staffed = build_app(guarded, host="0.0.0.0")
    ids = _component_ids(staffed)
    assert {"govqa-login", "govqa-upload"} <= ids
    assert Staff.of(guarded.settings, host="0.0.0.0").mode == "login"


def _event(demo: Any, name: str) -> Any:
    return next(f.fn for f in demo.fns.values() if f.name == name)


def test_staff_login_gates_the_import_event(settings: Any, tmp_path: Path) -> None:
    from govqa.qa.changelog import read_changes
    from govqa.qa.service import GovQA
    from govqa.ui.app import build_app

    guarded = GovQA(load_settings({"GOVQA_HOME": str(settings.home), "GOVQA_ADMIN_PASSWORD": "adm!n-pw",
                                   "GOVQA_EMBED_BACKEND": "hash"}))
    demo = build_app(guarded, host="0.0.0.0")
    login, do_import = _event(demo, "_login"), _event(demo, "_import")
    upload_box = next(b for b in demo.blocks.values() if getattr(b, "elem_id", None) == "govqa-upload").parent
    assert upload_box.visible is False  # shown only after a login
    who, message, *_ = login("admin", "wrong")
    assert who is None and "用户名或密码不正确" in message
    who, message, _, shown, *_ = login("admin", "adm!n-pw")
    assert who == "admin" and message == "已登录：admin" and shown["visible"] is True
    report = tmp_path / "兴庆区2021.txt"
    report.write_bytes((ROOT / "tests" / "fixtures" / "layouts" / "2021_format.txt").read_bytes())
    forged = do_import([str(report)], "", None, None)  # the event called without a login in the session
    assert forged[0] == "⚠ 请先登录。" and guarded.store.count_reports() == 0 and not read_changes(guarded.settings.change_log_path)
    assert "年份必须在 2008" in do_import([str(report)], "", 1990, "admin")[0]
    done = do_import([str(report)], "", None, "admin")
    assert done[0] == "导入 1 个文件：1 个成功，0 个被拒绝。" and guarded.store.count_reports() == 1
    [change] = read_changes(guarded.settings.change_log_path)
    assert change["who"] == "admin" and change["file"] == report.name and change["version"]
    assert done[2].values.tolist()[0][1] == "admin"  # the change log shown to staff
