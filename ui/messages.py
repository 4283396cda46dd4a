"""Plain Chinese for every error a user of the web app can see (govqa's own messages are written for the CLI)."""

from __future__ import annotations

import re

from govqa.core import errors
from govqa.core.types import Finding
from govqa.ui.labels import SEP, metric_label, table_label

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")

# most specific class first: ScannedPdf before UnreadableFile, AmbiguousReport before UnknownReport
ERROR_TEXT: tuple[tuple[type[errors.GovqaError], str], ...] = (
    (errors.UnknownAgency, "没有找到这个单位的年度报告。请检查单位名称，或到「年报库」上传它的年报。"),
    (errors.AmbiguousReport, "有不止一份年报符合，请写出完整的单位名称和年份。"),
    (errors.UnknownReport, "没有找到这份年报，它可能已被删除。"),
    (errors.ScannedPdf, "这个 PDF 是扫描件，没有文字层，需要先做文字识别（OCR）。"),
    (errors.UnreadableFile, "无法读取这个文件：它可能是空的、已损坏或格式不受支持。"),
    (errors.NoTables, "文件中没有找到年度报告的标准表格，它可能不是政府信息公开工作年度报告。"),
    (errors.MissingIdentity, "无法从报告中读出发布机关或年度，请在上传时填写。"),
    (errors.IndexModelMismatch, "检索索引与当前模型不一致，请管理员重建索引。"),
    (errors.ModelUnavailable, "检索模型暂不可用，目前只能回答表格中的数字问题。"),
    (errors.ConfigError, "服务配置有误，请联系管理员。"),
)
INTERNAL = "系统内部出错，请稍后再试；问题已记录在服务日志中。"


def is_chinese(text: str) -> bool:
    """True when ``text`` reads as Chinese: it has Chinese characters and no English words."""
    return bool(_CJK.search(text)) and not _LATIN_WORD.search(text)


def user_message(exc: BaseException) -> str:
    """What to tell the user about ``exc``, in Chinese: govqa's own message when it already is, else a plain one."""
    if isinstance(exc, errors.GovqaError) and is_chinese(str(exc)):
        return str(exc)
    for kind, text in ERROR_TEXT:
        if isinstance(exc, kind):
            return text
    return INTERNAL if not isinstance(exc, errors.GovqaError) else "无法完成这个请求，请换一种说法再试。"


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def finding_text(finding: Finding) -> str:
    """One parse or audit finding in plain Chinese, naming the table, row and column in words (not keys)."""
    where = SEP.join(x for x in (table_label(finding.table), metric_label(finding.table, finding.row, finding.col)) if x)
    message = finding.message
    if is_chinese(message) and finding.kind != "relation":
        return message
    if finding.kind == "relation":
        what = f"按勾稽关系应为 {_number(finding.expected)}，报告填报 {_number(finding.printed)}"
    elif finding.kind == "unit":
        what = f"填报的金额单位已换算为万元（{_number(finding.printed)} 万元）"
    elif finding.kind == "ambiguous":
        what = "这一行的数字连在一起，有不止一种拆分方式，只取了各种拆分都一致的数"
    elif finding.kind == "note":
        what = "有几行的数字连在一起，已按唯一符合勾稽关系的方式拆分"
    elif "could not be read" in message:
        what = "这张表无法读取，未取任何数值"
    elif finding.kind == "parse":
        what = "这一行的数字按唯一符合整张表勾稽关系的方式读取"
    elif "table not found" in message:
        what = "报告中没有找到这张表"
    elif "printed blank" in message or "no values" in message:
        what = "报告中这里印为空白，未取值（空白不计为 0）"
    else:
        what = "报告中没有找到这一行"
    return f"{where}：{what}"
