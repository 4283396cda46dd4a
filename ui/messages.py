"""Plain Chinese for every error a user of the web app can see (govqa's own messages are written for the CLI)."""

from __future__ import annotations

import re

from qa import errors

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
