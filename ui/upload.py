"""The upload part of the 年报库 tab: staff login, importing files (new reports and new versions) and the change log.

Who may change data is decided by qa/staff.py: with accounts configured a staff member logs in here (the login
lives in the session's server-side state, which a client cannot set); with none, uploads are open only on a
loopback server and off elsewhere. Every import is logged (qa/changelog.py); refused files and Gradio's temp
copies are deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
import pandas as pd

from govqa.core.errors import GovqaError
from govqa.core.types import Identity
from govqa.qa.changelog import read_changes, record_change
from govqa.qa.staff import LOCAL, Staff
from govqa.ui import validate
from govqa.ui.uploads import save_upload, upload_suffixes

if TYPE_CHECKING:
    from govqa.qa.service import GovQA

log = logging.getLogger(__name__)

RESULT_COLUMNS = ["文件", "结果", "报告编号", "单元格数", "问题数", "说明"]
CHANGE_COLUMNS = ["时间（UTC）", "操作人", "操作", "文件", "结果", "版本", "说明"]
STATUS = {"added": "新增", "replaced": "新版本已启用（旧版保留）", "inactive": "新版本已保存（未启用，原版本继续使用）",
          "unchanged": "已存在，未改变", "refused": "⚠ 拒绝"}
ACTIONS = {"upload": "上传", "ingest": "命令行导入", "activate": "启用版本", "delete": "删除版本"}
OFF_NOTE = ("上传已关闭：本服务器没有配置工作人员账号（环境变量 GOVQA_ADMIN_PASSWORD 或 GOVQA_USERS_FILE），"
            "且不只在本机（127.0.0.1）上提供服务。公众可以查询和对比，不能更改年报。")
LOGIN_NOTE = "上传、替换年报需要工作人员登录。"


def given_identity(agency: Any, year: Any) -> Identity:
    """The agency and year typed in the upload fields (blank: read them from each report); bad values refused."""
    name = validate.text(agency, "发布机关", limit=validate.MAX_NAME_CHARS, required=False)
    return Identity(agency=name or None, year=validate.optional_year(year))


def _drop_temp_copy(src: Path) -> None:
    """Delete Gradio's own copy of an upload (and its folder when empty); files elsewhere are left alone."""
    folder = Path(gr.utils.get_upload_folder()).resolve()
    try:
        path = src.resolve()
        if folder in path.parents:
            path.unlink(missing_ok=True)
            if path.parent != folder and not any(path.parent.iterdir()):
                path.parent.rmdir()
    except OSError as exc:
        log.warning("could not delete the temp copy %s: %s", src, exc)


def _ours(saved: Path | None, before: set[str]) -> Path | None:
    """The saved copy when this upload created it (so deleting it on refusal loses nothing), else None."""
    return saved if saved is not None and saved.name not in before else None


def _import_one(qa: GovQA, src: Path, given: Identity | None) -> tuple[list[list[Any]], Path | None]:
    """Save and ingest one file; (result rows, the saved copy when it is to be deleted again)."""
    settings = qa.settings
    saved: Path | None = None
    folder = settings.uploads_dir
    before = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    try:
        saved = save_upload(src, src.name, settings=settings)
        existed = saved.name in before  # the same bytes were uploaded before: that copy is not ours to delete
        summary = qa.ingest([saved], given=given)
    except GovqaError as exc:
        return [[src.name, STATUS["refused"], "", 0, 0, str(exc)]], _ours(saved, before)
    except Exception:  # one broken file must not stop the others; the log has the traceback
        log.exception("upload of %s failed", src.name)
        return [[src.name, STATUS["refused"], "", 0, 0, validate.INTERNAL_ERROR]], _ours(saved, before)
    rows = [[src.name, STATUS.get(r.status, r.status), r.report_id or "", r.cells, r.findings, r.error or r.note or ""]
            for r in summary.files]
    refused = all(r.status == "refused" for r in summary.files)
    return rows, saved if refused and not existed else None


def import_files(qa: GovQA, files: Sequence[str | Path] | None, progress: Any = None, given: Identity | None = None,
                 *, who: str) -> tuple[str, pd.DataFrame]:
    """Copy uploaded files into the uploads folder and ingest them one by one; one result line per file.

    Each file's outcome is written to the change log under ``who``; a refused file is deleted from the uploads
    folder, and Gradio's temp copy of every file is deleted.
    """
    files = list(files or ())
    if not files:
        return "请先选择要上传的文件。", pd.DataFrame(columns=RESULT_COLUMNS)
    results: list[list[Any]] = []
    for i, raw in enumerate(files):
        src = Path(raw)
        if progress is not None:
            progress((i, len(files)), desc=f"导入 {src.name}")
        rows, drop = _import_one(qa, src, given)
        results.extend(rows)
        for row in rows:
            record_change(qa.settings.change_log_path, who=who, action="upload", file=src.name, status=row[1], version=row[2] or None,
                          note=row[5] or None, agency=given.agency if given else None, year=given.year if given else None)
        if drop is not None:
            drop.unlink(missing_ok=True)
        _drop_temp_copy(src)
    if progress is not None:
        progress((len(files), len(files)), desc="完成")
    refused = sum(1 for r in results if r[1] == STATUS["refused"])
    message = f"导入 {len(results)} 个文件：{len(results) - refused} 个成功，{refused} 个被拒绝。"
    return message, pd.DataFrame(results, columns=RESULT_COLUMNS)


def changes_frame(qa: GovQA) -> pd.DataFrame:
    """The change log, newest first, for staff."""
    rows = [[c.get("time"), c.get("who"), ACTIONS.get(str(c.get("action")), c.get("action")), c.get("file"),
             c.get("status"), c.get("version") or "", c.get("note") or ""] for c in reversed(read_changes(qa.settings.change_log_path))]
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


Wire = Callable[[list[Any], Callable[[], tuple[Any, ...]]], None]


def build_upload_panel(qa: GovQA, staff: Staff) -> Wire:
    """Lay out login, upload and change log (as ``staff.mode`` allows); returns ``wire(outputs, refresh)``, to be
    called once the components that change after an import (``outputs``, new values from ``refresh()``) exist."""
    settings = qa.settings
    if staff.mode == "off":
        gr.Markdown(OFF_NOTE, elem_id="govqa-upload-off")
        return lambda outputs, refresh: None
    who = gr.State(LOCAL if staff.mode == "local" else None)
    with gr.Accordion("上传新年报（工作人员）", open=True):
        if staff.mode == "login":
            with gr.Group(visible=True) as login_box:
                gr.Markdown(LOGIN_NOTE)
                with gr.Row():
                    user_in = gr.Textbox(label="用户名", value="admin", elem_id="govqa-login-user")
                    password_in = gr.Textbox(label="密码", type="password", elem_id="govqa-login-password")
                login_btn = gr.Button("登录", elem_id="govqa-login")
            login_msg = gr.Markdown(elem_id="govqa-login-message")
        with gr.Group(visible=staff.mode == "local") as upload_box:
            upload = gr.File(file_count="multiple", file_types=list(upload_suffixes()),
                             label=f"选择文件（txt / html / pdf / docx，可多选，每个不超过 {settings.max_file_mb:g} MB）",
                             elem_id="govqa-upload")
            with gr.Row():
                agency_in = gr.Textbox(label="发布机关（报告中读不出时填写全称，可留空）", elem_id="govqa-upload-agency")
                # no minimum/maximum here: Gradio would refuse a blank field (sent as 0) in English before our
                # check; validate.optional_year says what is allowed, in Chinese
                year_in = gr.Number(value=None, label=f"年份（读不出时填写 {validate.FIRST_REPORT_YEAR}–{validate.last_year()}，可留空）",
                                    precision=0, elem_id="govqa-upload-year")
            go = gr.Button("导入", variant="primary", elem_id="govqa-import")
            upload_msg = gr.Markdown(elem_id="govqa-upload-message")
            results = gr.Dataframe(headers=RESULT_COLUMNS, interactive=False, label="导入结果", elem_id="govqa-upload-results")
            changes = gr.Dataframe(changes_frame(qa) if staff.mode == "local" else None, headers=CHANGE_COLUMNS,
                                   interactive=False, label="更改记录（谁、何时、哪个文件、哪个版本）", wrap=True,
                                   elem_id="govqa-changes")

    if staff.mode == "login":
        def _login(name: str, password: str) -> tuple[Any, ...]:
            account = staff.login(name, password)
            if account is None:
                log.warning("failed staff login for %r", (name or "")[:40])
                return None, "⚠ 用户名或密码不正确。", gr.update(), gr.update(visible=False), gr.update(), ""
            log.info("staff login: %s", account)
            return (account, f"已登录：{account}", gr.update(visible=False), gr.update(visible=True),
                    changes_frame(qa), "")

        login_btn.click(_login, inputs=[user_in, password_in],
                        outputs=[who, login_msg, login_box, upload_box, changes, password_in], api_visibility="private")

    def wire(outputs: list[Any], refresh: Callable[[], tuple[Any, ...]]) -> None:
        def _import(files: list[str] | None, agency: str | None, year: float | None, account: str | None,
                    progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:
            if account is None:  # the event exists for logged-in sessions only; a forged call ends here
                for f in files or ():
                    _drop_temp_copy(Path(f))
                return ("⚠ 请先登录。", gr.update(), gr.update(), None, *(gr.update() for _ in outputs))
            try:
                given = given_identity(agency, year)
            except GovqaError as exc:
                return (f"⚠ {exc}", gr.update(), gr.update(), gr.update(), *(gr.update() for _ in outputs))
            message, table = import_files(qa, files, progress, given=given, who=account)
            return (message, table, changes_frame(qa), None, *refresh())

        go.click(_import, inputs=[upload, agency_in, year_in, who], outputs=[upload_msg, results, changes, upload, *outputs],
                 api_visibility="private")

    return wire
