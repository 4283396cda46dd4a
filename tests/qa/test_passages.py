"""qa/passages.py over the real 掌政镇 and 镇北堡镇 seed texts: whole sentences, headings as context, never quoted."""

from __future__ import annotations

from pathlib import Path

from govqa.core.types import Chunk
from govqa.qa.passages import passage_sentences, split_passages, widen

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
ZZ = (SEEDS / "001_c2bcf9dd95c89acf.txt").read_text(encoding="utf-8")
ZBB = (SEEDS / "000_9f89ab4fe0ea1170.txt").read_text(encoding="utf-8")


def _chunk(text: str, start: int, end: int, section: str) -> Chunk:
    return Chunk(id=f"x:{start}", report_id="x", agency="a", short_name="s", year=2020, section=section,
                 subheading="", start=start, end=end, text=text[start:end])


def test_headings_become_context_not_sentences() -> None:
    start = ZZ.index("五、存在的主要问题及改进情况")
    end = ZZ.index("六、其他需要报告的事项")
    passages = split_passages(ZZ, start, end, section="存在的主要问题及改进情况")
    texts = [p.text for p in passages]
    assert not any(t.startswith("五、") or t.startswith("(一)") or t.startswith("（二）") for t in texts)
    first = passages[0]
    assert first.text.startswith("1. 人员配备不到位") and first.heading == "(一) 存在问题"
    fix = next(p for p in passages if p.text.startswith("1. 加强人员培训教育"))
    assert fix.heading == "（二）改进情况" and fix.section == "存在的主要问题及改进情况"
    assert ZZ[fix.start:fix.end].startswith("1. 加强人员培训教育")


def test_a_chunk_cut_mid_sentence_is_widened_to_the_sentence_start() -> None:
    cut = ZBB.index("政民互动信息")  # the sentence began two wrapped lines earlier: "2020 年主动公开的 120 条…"
    chunk = _chunk(ZBB, cut, cut + 40, "总体情况")
    passages = passage_sentences(chunk, ZBB)
    hit = next(p for p in passages if "政民互动信息 18 条，均已答复" in p.text)
    assert hit.text.startswith("2020 年主动公开的 120 条政府信息") and hit.start < cut


def test_widen_adds_the_neighbour_sentence_but_not_across_a_heading() -> None:
    start = ZZ.index("如有疑问或意见建议")
    s, _e = widen(ZZ, start, start + 20)
    assert "本报告电子版可在兴庆区人民政府网站" in ZZ[s:start]
    heading = ZZ.index("五、存在的主要问题及改进情况")
    body = ZZ.index("1. 人员配备不到位", heading)
    s2, _ = widen(ZZ, heading, body + 30)
    assert s2 >= ZZ.rindex("\n", 0, heading) - 1  # the sentence before section 五 is not pulled in


def test_without_the_report_text_the_chunk_alone_is_used() -> None:
    start = ZZ.index("2020年，共收到政府信息公开申请3件")
    chunk = _chunk(ZZ, start, start + 60, "总体情况")
    [p, *_] = passage_sentences(chunk, "")
    assert p.start == start and p.text.startswith("2020年，共收到政府信息公开申请3件")
