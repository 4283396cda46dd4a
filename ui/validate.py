"""Checks on what API clients and form fields send, each failing with a Chinese message that says what to send.

The named endpoints (``/ask``, ``/compare``) and the upload fields run their arguments through these before any
stage sees them, so that a wrong type or an impossible value is refused by name instead of surfacing as an
exception deep inside.

    >>> years([2020, "2021"])
    [2020, 2021]
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

from govqa.core.errors import GovqaError, InvalidInput
from govqa.qa.plan import FIRST_REPORT_YEAR
from govqa.ui.metrics import MetricTable, find_row, find_table

MAX_QUESTION_CHARS = 500
MAX_HISTORY = 20
MAX_NAME_CHARS = 100
MAX_LIST = 200
T = TypeVar("T")


def last_year() -> int:
    """The latest year a report can cover: this year."""
    return date.today().year


def text(value: Any, what: str, *, limit: int = MAX_QUESTION_CHARS, required: bool = True) -> str:
    """A string argument, stripped; refused when it is not text, blank (if required) or longer than ``limit``."""
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(f"{what}必须是文字，收到的是 {type(value).__name__}。")
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"{what}不能为空。")
    if "\x00" in value:
        raise InvalidInput(f"{what}含有不可见的控制字符（NUL），请删除后重试。")
    if len(value) > limit:
        raise InvalidInput(f"{what}过长（{len(value)} 个字符，最多 {limit} 个）。")
    return value


def _items(value: Any, what: str, check: Callable[[Any], T], *, limit: int = MAX_LIST) -> list[T]:
    """A list argument (None: empty), each item passed through ``check``."""
    if value is None:
        return []
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise InvalidInput(f"{what}必须是列表，收到的是 {type(value).__name__}。")
    if len(value) > limit:
        raise InvalidInput(f"{what}最多 {limit} 项，收到 {len(value)} 项。")
    return [check(item) for item in value]


def question(value: Any) -> str:
    """The question of ``/ask``."""
    return text(value, "问题")


def history(value: Any) -> list[str]:
    """The earlier questions of a chat: a list of question strings."""
    return _items(value, "对话历史（history）", lambda q: text(q, "对话历史中的问题"), limit=MAX_HISTORY)


def year(value: Any, what: str = "年份") -> int:
    """A report year: an integer (or its digits as text) from 2008 to this year."""
    shown = str(value)[:20]
    if isinstance(value, bool):
        raise InvalidInput(f"{what}必须是整数，收到：{shown}。")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int):
        raise InvalidInput(f"{what}必须是 {FIRST_REPORT_YEAR} 到 {last_year()} 之间的整数，收到：{shown}。")
    if not FIRST_REPORT_YEAR <= value <= last_year():
        raise InvalidInput(f"{what}必须在 {FIRST_REPORT_YEAR} 到 {last_year()} 之间（政府信息公开年报自 "
                           f"{FIRST_REPORT_YEAR} 年起），收到：{shown}。")
    return value


def years(value: Any) -> list[int]:
    """A list of report years (None: every year)."""
    return _items(value, "年份列表（years）", year)


def agencies(value: Any) -> list[str]:
    """A list of agency names (None: every agency)."""
    return _items(value, "单位列表（agencies）", lambda a: text(a, "单位名称", limit=MAX_NAME_CHARS))


def optional_year(value: Any) -> int | None:
    """The year typed in a form field: blank means 'read it from the report'."""
    if value is None or value == 0 or (isinstance(value, str) and not value.strip()):  # a blank number field sends 0
        return None
    return year(value)


def metric(catalog: Sequence[MetricTable], table: Any, row: Any, col: Any) -> tuple[str, str, str]:
    """(table, row, column) keys of a template metric; unknown keys are refused with the known ones."""
    t, r, c = (text(v, w, limit=MAX_NAME_CHARS) for v, w in ((table, "表"), (row, "行"), (col, "列")))
    found_table = find_table(catalog, t)
    if found_table is None:
        raise InvalidInput(f"未知的表「{t}」，可用的表：{'、'.join(x.key for x in catalog)}。")
    found_row = find_row(catalog, t, r)
    if found_row is None:
        raise InvalidInput(f"表「{t}」没有行「{r}」，可用的行：{'、'.join(x.key for x in found_table.rows)}。")
    cols = [x.key for x in found_row.cols]
    if c not in cols:
        raise InvalidInput(f"表「{t}」行「{r}」没有列「{c}」，可用的列：{'、'.join(cols)}。")
    return t, r, c


INTERNAL_ERROR = "内部错误，请稍后重试；如果一直出现，请联系管理员查看服务日志。"


@contextmanager
def client_errors(log: Any, what: str) -> Iterator[None]:
    """Turn any failure inside an endpoint into a gr.Error with a Chinese message; never exception text of a bug."""
    import gradio as gr

    def error(message: str) -> gr.Error:
        return gr.Error(html.escape(message, quote=False), title="错误", print_exception=False)

    try:
        yield
    except InvalidInput as exc:
        raise error(f"参数错误：{exc}") from None
    except GovqaError as exc:
        raise error(f"无法完成：{exc}") from None
    except Exception:
        log.exception("%s failed", what)
        raise error(INTERNAL_ERROR) from None
