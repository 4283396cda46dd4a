"""``govqa ask``: plain text, --json, and questions on stdin (one JSON line each, --chat for follow-ups)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govqa.qa import service
from govqa.qa.cli import main
from tests.qa.conftest import FakeRetriever

pytestmark = pytest.mark.backend


@pytest.fixture
def patched(monkeypatch, mini_store):
    monkeypatch.setattr(service.GovQA, "store", mini_store)
    monkeypatch.setattr(service.GovQA, "retriever", FakeRetriever([]))


def test_ask_json(patched) -> None:
    result = CliRunner().invoke(main, ["ask", "--json", "自治区政府办公厅2020年收到多少申请"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"question", "answer", "found", "route", "value", "unit", "formula", "reason", "sources"}
    assert data["value"] == 4447 and data["route"] == "table" and data["reason"] is None
    total = [s for s in data["sources"] if s.get("col") == "总计"]
    assert total[0] == {"report": "aaaaaaaaaaa2", "agency": "宁夏回族自治区人民政府办公厅", "year": 2020,
                                  "table": "申请", "row": "一", "col": "总计",
                                  "text": "表三 一、本年新收政府信息公开申请数量 总计 = 4447"}


def test_ask_plain_prints_sources_and_refusal_exit_code(patched) -> None:
    ok = CliRunner().invoke(main, ["ask", "红寺堡区采购花了多少钱"])
    assert ok.exit_code == 0 and "18336.88万元" in ok.output and "[1]" in ok.output
    refused = CliRunner().invoke(main, ["ask", "红寺堡区2019年收到多少申请"])
    assert refused.exit_code == 1 and "2020年" in refused.output


def test_ask_json_refusal_carries_its_reason(patched) -> None:
    result = CliRunner().invoke(main, ["ask", "--json", "红寺堡区2019年收到多少申请"])
    data = json.loads(result.output)
    assert result.exit_code == 1 and (data["found"], data["reason"]) == (False, "no-year")


def test_stdin_lines_and_chat(patched) -> None:
    lines = "红寺堡区收到多少申请\n那自治区政府办公厅呢？\n"
    plain = CliRunner().invoke(main, ["ask"], input=lines)
    chat = CliRunner().invoke(main, ["ask", "--chat"], input=lines)
    first, second = (json.loads(x) for x in plain.output.splitlines())
    assert first["value"] == 8 and not second["found"]  # no conversation: "那…呢" alone asks nothing
    assert [json.loads(x)["value"] for x in chat.output.splitlines()] == [8, 4447]


def test_help() -> None:
    result = CliRunner().invoke(main, ["ask", "--help"])
    assert result.exit_code == 0 and "stdin" in result.output
