"""Agency names in questions: known ones are found; unknown ones are noticed; sentence words are not agencies."""

from __future__ import annotations

import pytest

from qa.catalog import Catalog

CATALOG = Catalog.from_rows([
    ("宁夏回族自治区人民政府办公厅", "自治区政府办公厅", ["自治区人民政府办公厅"], [2020]),
    ("银川市西夏区民政局", "西夏区民政局", [], [2020]),
    ("吴忠市红寺堡区人民政府", "红寺堡区", ["红寺堡"], [2020]),
])


@pytest.mark.parametrize(
    ("question", "known", "unknown"),
    [
        # words of the sentence that merely end in 区政府 / 办公厅 are no agency of their own
        ("西夏区民政局2020年在区政府网站上一共发了多少条信息？", ["银川市西夏区民政局"], []),
        ("自治区政府办公厅有多少件申请是因为办公厅手里没有这个信息？", ["宁夏回族自治区人民政府办公厅"], []),
        ("请问红寺堡区在区政府网站发布了多少信息", ["吴忠市红寺堡区人民政府"], []),
        # agencies the store does not hold are noticed, whole
        ("银川市金凤区人民政府2020年收到多少申请？", [], ["银川市金凤区人民政府"]),
        ("红寺堡区和金凤区财政局谁收到的申请多", ["吴忠市红寺堡区人民政府"], ["金凤区财政局"]),
        ("银川市住房和城乡建设局收到多少申请", [], ["银川市住房和城乡建设局"]),
        ("兴庆区民政局收到多少申请", [], ["兴庆区民政局"]),
    ],
)
def test_find_agencies(question: str, known: list[str], unknown: list[str]) -> None:
    assert CATALOG.find_agencies(question) == (known, unknown)
