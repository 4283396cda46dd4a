"""What a question asks was done to a thing (对X怎么管 / 对X做了什么): the sentence naming X after 对 answers."""

from __future__ import annotations

import pytest

from govqa.core.types import Question
from govqa.qa.plan import routes_of
from govqa.qa.treated import names_treated, treated_thing

AGENCY = "东岚县文化和旅游局"


@pytest.mark.parametrize(("text", "thing"), [
    ("东岚县文旅局2020年对不予公开的政府信息后续怎么管？", "不予公开的政府信息"),
    ("对落实不到位的单位是咋处理的", "落实不到位的单位"),
    ("东岚县文旅局对自己的微信公众号做了什么调整", "微信公众号"),
    ("对本单位的政务微博采取了哪些措施？", "政务微博"),
    ("对逾期答复的申请如何处理", "逾期答复的申请"),
    ("对过期的政策文件一般怎样清理", ""),  # 清理 is no treatment verb asked: nothing extracted
    ("他们对群众的意见建议是怎么跟进的", "群众的意见建议"),
    ("对网站上的错别字进行了什么整改", "网站上的错别字"),
    ("东岚县文旅局2021年收到多少申请", ""),
])
def test_the_thing_treated_is_what_follows_dui(text: str, thing: str) -> None:
    assert treated_thing(text) == thing


def test_the_sentence_saying_dui_the_thing_is_recognised() -> None:
    thing = treated_thing("对自己的微信公众号做了什么调整")
    assert names_treated("今年对全局4个微信公众号予以整合，统一迁移到政务平台。", thing)
    assert not names_treated("微信公众号全年推送信息186条。", thing)  # names it, says nothing done to it
    assert not names_treated("对政府网站进行改版。", thing)
    assert names_treated("对公开不到位的科室予以通报。", treated_thing("对信息公开不到位的科室怎么处理"))


@pytest.mark.parametrize("text", [
    "东岚县文旅局2021年对自己的微信公众号做了什么调整？",
    "东岚县文旅局2021年对政务新媒体采取了哪些措施",
    "东岚县文旅局对不予公开的信息后续怎么管？",
])
def test_a_treatment_question_goes_to_the_prose_not_a_part_list(text: str) -> None:
    routes = routes_of(Question(text, agencies=(AGENCY,), years=(2021,), metric=None), [(AGENCY, 2021)])
    assert routes == ("prose",), text


@pytest.mark.parametrize("text", [
    "东岚县文旅局2021年是根据什么反馈的问题来整改的？",
    "东岚县文旅局2021年整改问题依据的是什么",
    "东岚县文旅局2021年是根据啥反馈来改的",  # (按照哪个意见: a named rule, the fact route)
    "东岚县文旅局2021年的整改基于何种评估",
    "东岚县文旅局2021年改进措施是凭啥定的",
])
def test_what_the_work_went_by_is_one_sentence_not_a_part_list(text: str) -> None:
    routes = routes_of(Question(text, agencies=(AGENCY,), years=(2021,), metric=None), [(AGENCY, 2021)])
    assert routes == ("prose",), text


def test_a_list_of_problems_or_measures_stays_a_list() -> None:
    for text in ("东岚县文旅局2021年存在哪些问题？", "东岚县文旅局2021年有哪些改进措施", "东岚县文旅局2021年针对哪些问题整改"):
        routes = routes_of(Question(text, agencies=(AGENCY,), years=(2021,), metric=None), [(AGENCY, 2021)])
        assert routes[0] == "list", text


def test_the_effect_wanted_for_the_public_is_said_with_its_own_words() -> None:
    from govqa.qa.overlap import synonyms

    # 想让老百姓达到什么效果 ~ 确保受众/群众…: the audience and the aim are said in the report's own words
    for word, said in (("老百姓", "受众"), ("老百姓", "群众"), ("百姓", "公众"), ("效果", "确保"), ("效果", "成效")):
        assert said in synonyms(word), (word, said)
