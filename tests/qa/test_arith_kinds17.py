"""Arithmetic kinds of round 17 (issue 15), over a real SQLite store written for these tests (numbers of our own):
a share of the published applications said with the group's own words (公开出去的（含部分公开）, 算上部分公开); an
indicator pooled over agencies joined by 加上 / 连同 / 算上; every figure of a question asking three (新收多少？其中
部分公开几件、无法提供几件)."""

from __future__ import annotations

import pytest
from written_stores import Written, application_cells, ask, review_cells, written_store

from govqa.core.config import Settings
from govqa.core.types import Answer, Cell
from govqa.index.store import Store


def _report(new: int, granted: int, partial: int, unheld: int, ignored: int) -> list[Cell]:
    """表三 of one year: new applications all handled (三.七 = 一), 三.四.1 本机关不掌握, 三.五.1 不予处理."""
    return (application_cells("一", new) + application_cells("二", 0) + application_cells("三.一", granted)
            + application_cells("三.二", partial) + application_cells("三.四.1", unheld)
            + application_cells("三.五.1", ignored) + application_cells("三.七", new) + application_cells("四", 0))


FOREST, WATER = "云川市林业局", "云川市交通与建设局"


@pytest.fixture
def store(settings: Settings) -> Store:
    # 林业局 新收 / 予以公开 / 部分公开 / 不掌握 / 不予处理: 2021 10/4/1/3/2, 2022 12/5/2/3/2, 2023 15/6/3/4/2,
    # 2024 20/8/4/5/3; 交通与建设局 (交建局, a short form the catalogue reads) 2023 5/1/1/3/0, 2024 9/2/1/4/2
    rows = {2021: (10, 4, 1, 3, 2), 2022: (12, 5, 2, 3, 2), 2023: (15, 6, 3, 4, 2), 2024: (20, 8, 4, 5, 3)}
    water = {2023: (5, 1, 1, 3, 0), 2024: (9, 2, 1, 4, 2)}
    return written_store(settings.db_url, [
        *(Written(f"ly{y}", FOREST, "林业局", y, _report(*v) + review_cells(), aliases=("林业局",)) for y, v in rows.items()),
        *(Written(f"jj{y}", WATER, "交通与建设局", y, _report(*v) + review_cells()) for y, v in water.items()),
    ])


def _value(answer: Answer, expected: float, unit: str) -> None:
    assert answer.found, answer.text
    assert answer.unit == unit and answer.value == pytest.approx(expected), answer.text


PUBLISHED_SHARE = [
    "林业局2023年的依申请公开，公开出去的（含部分公开）占了多少？",
    "林业局2023年收到的申请里，公开出去的（包括部分公开）占多少",
    "林业局2023年申请中公开出来的（连同部分公开）占比是多少",
    "林业局2023年算上部分公开，公开出去的申请占几成",
    "林业局2023年的申请，含部分公开在内，公开了的占百分之几",
    "林业局2023年的申请，同意公开的（部分公开也算）占多少",
    "林业局2023年的申请，公开的包括部分公开，占了多少",
    "林业局2023年公开出去的申请（加上部分公开的）占了多少比例",
    "林业局2023年的申请，给公开了的连同部分公开的一共占百分之几",
    "林业局2023年依申请公开中，最后公开出去的（含部分公开）比例是多少",
]


@pytest.mark.parametrize("text", PUBLISHED_SHARE)
def test_the_published_group_said_with_partial_is_the_disclosure_rate(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    _value(answer, 60.0, "%")  # (6 + 3) / 15, never 部分公开's 3 / 15 alone
    assert "予以公开 6" in (answer.formula or "") and "部分公开 3" in (answer.formula or ""), answer.formula


POOLED_RATE = [
    "2024年林业局加上交建局，依申请公开合起来的公开率是多少？",
    "2024年林业局加交建局合在一起算，公开率多少",
    "2024年林业局连同交建局，两家合计的公开率是多少",
    "2024年林业局和交建局加起来的公开率",
    "林业局、交建局2024年合起来算，公开率是多少",
    "把2024年交建局算上林业局，整体公开率是多少",
    "2024年林业局跟交建局两家一共的公开率是多少",
    "2024年林业局加上交建局，总的公开率是多少？",
]


@pytest.mark.parametrize("text", POOLED_RATE)
def test_an_indicator_pooled_over_two_agencies(store: Store, settings: Settings, text: str) -> None:
    answer = ask(store, settings, text)
    _value(answer, 51.7, "%")  # (8 + 4 + 2 + 1) / (20 + 9) = 15 / 29, never one agency's rate nor their mean


THREE_FIGURES = [
    ("林业局2023年新收多少申请？其中部分公开几件、因本机关不掌握而无法提供几件？", ("15件", "3件", "4件")),
    ("林业局2023年新收了多少申请，其中部分公开的有几件，本机关不掌握的有几件？", ("15件", "3件", "4件")),
    ("林业局2023年收到多少申请？当中予以公开多少件、部分公开多少件？", ("15件", "6件", "3件")),
    ("林业局2023年新收申请几件？部分公开几件？不予处理几件？", ("15件", "3件", "2件")),
    ("林业局2023年新收多少申请，部分公开和本机关不掌握的各几件？", ("15件", "3件", "4件")),
    ("林业局2023年的申请：新收多少、其中部分公开多少、不予处理多少？", ("15件", "3件", "2件")),
]


@pytest.mark.parametrize(("text", "said"), THREE_FIGURES)
def test_every_figure_asked_is_answered(store: Store, settings: Settings, text: str, said: tuple[str, ...]) -> None:
    answer = ask(store, settings, text)
    assert answer.found, answer.text
    for figure in said:
        assert figure in answer.text, (figure, answer.text)
    assert len(answer.sources) >= len(said), answer.sources
