"""The wording of arithmetic questions: shares (占多大比例), changes (比上一年多了多少, 增长了百分之几, 上升了几个
百分点), differences (相差多少), multiples (几倍) and per-period figures (平均每月); pure tests on text (qa/arith.py)."""

from __future__ import annotations

import re

from govqa.qa import lexicon as lx

SHARE_WORDS = re.compile(r"占[^，。？?；]{0,12}?(?:比例|比重|百分之|多少|几成|%)|比例|比率|百分比|占比|比重|所占|百分之(?:几|多少)|几成")
# 增长多少 with no counting word after it asks for a rate (增长了多少件 asks for the difference: DIFF_WORDS)
GROWTH_WORDS = re.compile(r"(?:增长|增加|上升|提高|下降|减少|降低|变化|变动|增减|升降|变了)(?:了|幅度)?(?:百分之|几成|多少个?百分点|几倍|多少倍)|"
                          r"增长率|增幅|增速|降幅|(?:增长|增加|上升|提高|下降|减少|降低|变化|变动|增减|升降)(?:率|幅度)|"
                          r"同比(?:增长|下降|变化)|增长了?(?:多少|几)(?![件个条项次份起宗万元])|"
                          r"(?:多出?|少|高出?|低|涨|跌)了?(?:百分之|几成)|"  # 多了百分之几, 多出百分之几
                          r"(?:增长|增加|上升|提高|下降|减少|降低|变化|变动|增减|升降|涨|跌)[^，。？?；]{0,10}?百分[比率]|"
                          r"百分[比率][^，。？?；]{0,6}?(?:增长|增加|上升|提高|下降|减少|降低|变化|变动)")  # 按百分比
PREVIOUS_YEAR = re.compile(r"[比较](?:上一?|前一)年度?|比去年|较去年|同比|[与和跟同](?:上一?|前一|去)年度?(?:相?比|对比|比较)")
THAN_YEAR = re.compile(r"(?:比|较|与|和|跟|同)\s*(?:19|20)\d{2}\s*年")  # 2023年较2021年
# the base of a change said explicitly (2022年比2024年, 较2021年, 相比于2021年); 2019年与2022年相比 names no base: the
# change runs from the earlier year to the later
BASE_YEAR = re.compile(r"(?:比|较|相较于?|相比于?|对比于?)\s*(?:19|20)\d{2}\s*年")
SPAN = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:到|至|—|-|~|～)\s*(?:19|20)\d{2}")  # 2021到2023年变化了多少: its ends
# 行政许可事项 / 项目 / 增减了多少项: the count of items (上一年项目数量, 本年增/减), not of decisions (处理决定数量)
ITEM_COUNT = re.compile(r"^(?!.*决定).*(?:事项|项目|[几多少]项)")
CHANGED = re.compile(r"(?:变化|变动|增减|升降|变)了?(?:多少|几)")  # a change with no direction said (变了多少): signed
_THAN_CHANGE = re.compile(r"(?:多|少|增加|增长|减少|下降|上升|降低|提高|高|低)了?(?:多少|几)")  # after 比2022年
CHANGE_WORDS = re.compile(r"多|少|增|减|升|降|高|低|变化|差")  # after 较去年: 较去年增加了多少
FALL_WORDS = re.compile(r"(?:下降|减少|降低|少|跌|(?<!高)低)了?(?:百分之|几|多少)|降幅|下降率|减少率")
RISE_WORDS = re.compile(r"(?:增长|增加|上升|提高|多|涨|高)了?(?:百分之|几|多少)|增幅|增长率")  # a rise asked: a fall is said
WHICH = re.compile(lx.COMPARE_WORDS.pattern + r"|谁更?(?:高|低|大|小)|哪(?:个|家|一)[^，。？?]{0,6}?更?(?:高|低)")
TIMES_WORDS = re.compile(r"(?:几|多少)倍")
WHICH_ONE = re.compile(r"哪(?:一|个)?(?:年|个|家|单位|机关|部门)|谁")  # 哪年多？多多少 / 哪一年少
_RATIO_WORDS = re.compile(r"比率|比例|比重|百分比|占比|之比|比值|的比(?=是|为)")  # 甲和乙的比是多少: a ratio
POINTS = re.compile(r"百分点")  # a change of a share or a rate, in points (上升了多少个百分点)
GAP_WORDS = re.compile(r"相差|差了?多少|差几|差距|差额|差值")  # A和B相差多少: a difference without 比


def asks_difference(text: str) -> bool:
    """Whether a text asks a difference (比…高多少, 相差多少, 比上一年变化了多少); 比例 / 比率 are no 比."""
    text = _RATIO_WORDS.sub("", text)
    return bool(lx.DIFF_WORDS.search(text) or GAP_WORDS.search(text) or lx.HOW_MUCH_MORE.search(text) or asks_change(text))


def asks_change(text: str) -> bool:
    """Whether a text asks how a figure changed from the year before (比上一年多了多少, 较去年增加了多少) or from a year
    it names (2023年较2021年变化了多少)."""
    m = PREVIOUS_YEAR.search(text)
    if m is None:
        than = THAN_YEAR.search(text)  # 2024年比2022年减少了多少: a direction said after 比+year is a change too
        if than is not None and _THAN_CHANGE.search(text, than.end()):
            return True
        span = SPAN.search(text)  # 2020年到2024年增加了多少: the change between the span's ends
        if span is not None and _THAN_CHANGE.search(text, span.end()):
            return True
        return bool((than or span) and CHANGED.search(text))
    return lx.DIFF_WORDS.search(text) is not None or CHANGE_WORDS.search(text, m.end()) is not None


# 平均每月 / 月均 / 每个月平均 / 平均一个月: a year's count spread over its months (or quarters); a report counts a year
# 平均每周 / 每个工作日 / 日均 / 平均一天 too: a year's count over its weeks, days or the working days the question gives
PER_PERIOD = re.compile(r"平均(?:下来|算下来|起来|到)?(?:每|一)个?(月|季度?|周|星期|礼拜|工作日|天|日)|"
                        r"每个?(月|季度?|周|星期|礼拜|工作日|天|日)的?平均|(月|季|周|日)度?(?:均|平均)")
WORKING_DAYS = re.compile(r"(\d{2,3})\s*个?(?:工作日|工作天)")  # 按250个工作日算: the count the question gives
EACH = re.compile(r"各|分别")
# a change spread over the years between the two ends: 年均增长率 / 年均增速 / 平均每年增长 / 复合增长率 (a rate: the
# compound one, (末 / 初)^(1 / 年数) − 1), 年均增加多少件 (a count: the difference / 年数)
ANNUAL = re.compile(r"年均|(?:平均|算下来)每(?:一|个)?年|每年平均|年平均|复合(?:年)?(?:增长|增速|增幅)|平均下来每年")  # 各占多少, 分别是多少: each figure on its own
