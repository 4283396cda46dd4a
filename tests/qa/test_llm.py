"""qa/llm.py: the optional LLM may only rephrase; a new number sends us back to the extractive text.

The chat model is langchain-core's FakeListChatModel (the one fake allowed); the answer and its source are
the 行政许可 row of 红寺堡区's 2020 report (tests/fixtures/seeds/003_…: 889 | +1196 | 6269).
"""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel

from govqa.core.config import load_settings
from govqa.core.errors import ConfigError
from govqa.core.types import Answer, Source
from govqa.qa.llm import ChatModelLLM, get_llm, load_prompt, maybe_rewrite, ungrounded_numbers

SOURCE = Source(report="0442bf09cc97", agency="吴忠市红寺堡区人民政府", year=2020, text="表二 行政许可 处理决定数量 = 6269",
                table="主动公开", row="行政许可", col="处理决定数量")
ANSWER = Answer(question="红寺堡区2020年行政许可处理决定数量是多少？", text="红寺堡区2020年行政许可处理决定数量：6269。",
                found=True, route="table", value=6269.0, sources=(SOURCE,))


class RecordingModel(FakeListChatModel):
    """FakeListChatModel that also keeps the prompts it was sent."""

    prompts: list[str] = []

    def invoke(self, input, config=None, **kwargs):  # type: ignore[no-untyped-def, override]
        self.prompts.append(str(input))
        return super().invoke(input, config, **kwargs)


def _llm(*replies: str) -> tuple[ChatModelLLM, RecordingModel]:
    model = RecordingModel(responses=list(replies), prompts=[])
    return ChatModelLLM(model), model


def test_prompt_is_packaged_with_placeholders() -> None:
    template = load_prompt()
    for slot in ("{question}", "{answer}", "{passages}"):
        assert slot in template


def test_rewrite_kept_when_every_number_is_sourced(settings) -> None:
    llm, model = _llm("根据红寺堡区2020年年报，行政许可的处理决定数量为6269件。")
    out = maybe_rewrite(ANSWER, settings, llm=llm)
    assert out.text == "根据红寺堡区2020年年报，行政许可的处理决定数量为6269件。"
    assert out.sources == ANSWER.sources and out.value == 6269.0 and out.route == "table"
    # the prompt carried the question, the extractive answer and the source passage
    assert "红寺堡区2020年行政许可处理决定数量是多少" in model.prompts[0]
    assert "表二 行政许可 处理决定数量 = 6269" in model.prompts[0]


def test_rewrite_with_invented_number_falls_back(settings, caplog: pytest.LogCaptureFixture) -> None:
    llm, _ = _llm("红寺堡区2020年行政许可处理决定6269件，比上年增加1196件，增幅约19%。")
    with caplog.at_level(logging.WARNING, logger="govqa.qa.llm"):
        out = maybe_rewrite(ANSWER, settings, llm=llm)
    assert out == ANSWER  # 1196 and 19 are in no source of this answer
    assert "1196" in caplog.text and "19" in caplog.text


def test_rewrite_changing_a_digit_falls_back(settings) -> None:
    llm, _ = _llm("红寺堡区2020年行政许可处理决定数量为6296件。")
    assert maybe_rewrite(ANSWER, settings, llm=llm).text == ANSWER.text


def test_refusals_and_failures_are_not_rewritten(settings) -> None:
    refusal = Answer(question="贺兰县2020年收到多少申请？", text="没有找到贺兰县的报告。", found=False, route="refuse")
    llm, model = _llm("随便说点什么")
    assert maybe_rewrite(refusal, settings, llm=llm) == refusal
    assert model.prompts == []  # not even asked
    # a model that fails (here: a fake with no reply left) leaves the extractive answer in place
    broken = ChatModelLLM(GenericFakeChatModel(messages=iter([])))
    assert maybe_rewrite(ANSWER, settings, llm=broken) == ANSWER


def test_llm_none_is_the_default_and_a_no_op(settings) -> None:
    assert settings.llm == "none"
    assert get_llm(settings) is None
    assert maybe_rewrite(ANSWER, settings) is ANSWER


def test_unknown_or_incomplete_backend_fails_clearly(settings) -> None:
    with pytest.raises(ConfigError, match="none, openai"):
        get_llm(replace(settings, llm="claude"))
    with pytest.raises(ConfigError, match="llm_model|langchain-openai"):
        get_llm(load_settings(llm="openai"))


def test_ungrounded_numbers_compares_whole_numbers() -> None:
    assert ungrounded_numbers("采购总金额40.940万元，共3项", ["政府集中采购 3 40.94 万元"]) == []
    assert ungrounded_numbers("共收到申请4447件", ["本年新收 44"]) == ["4447"]
