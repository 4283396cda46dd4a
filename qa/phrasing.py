"""A question's wording made plain for matching arithmetic phrasing (indicators, shares): aspect and structural
particles dropped, and the name of the activity (信息公开申请) kept apart from the outcome 公开.

    >>> plain("收到的申请，最后公开了的比例是多少")
    '收到申请，最后公开比例是多少'

Users say one thing many ways: 公开的比例 / 公开了的比例 / 公开过的比例; 结转到下一年 / 结转到了下一年. Patterns and
aliases are matched against the plain form (and written in it), so a particle never decides whether they match.
"""

from __future__ import annotations

import re

# 了 as an aspect particle (not 了解); 的 everywhere; 过 after a verb of handling (结转过来, 公开过), not 通过 / 超过 /
# 过程性 (a row of the template)
_PARTICLES = re.compile(r"了(?!解)|的|(?<=[转办收提交开理议诉])过(?!程)")
# 信息公开申请 / 公开申请: the applications, not the outcome 公开 (予以公开申请 and 部分公开申请 are outcomes)
# 依申请公开 (the activity's name) too, unless a rate follows it (依申请公开率 is 公开率)
_ACTIVITY = re.compile(r"(?<![以分予不])公开(?=申请)|(?<=依申请)公开(?![率比])")
MASK = "◇◇"
# 出去 / 出来 after 公开 (公开出去的, 公开出来的申请) is the verb's direction: the outcome 公开, never the activity (it goes
# after the mask, so 公开出去的申请 stays an outcome)
_DIRECTION = re.compile(r"(?<=公开)出[去来]")


def plain(text: str) -> str:
    """The text without particles, the activity's 公开 masked (see the module docstring)."""
    return _DIRECTION.sub("", _ACTIVITY.sub(MASK, _PARTICLES.sub("", text)))


# a row named by the group it heads: “无法提供”这一类 / 不予公开这块 / 不予处理类别 / 其他处理这一项 is that row itself; the
# quotes and the group word go (这一部分 stays: 这一部分公开的 is no 部分公开)
_FRAMED = re.compile(r"[“”\"「」『』‘’]|(?:这|那)一?大?(?:类|项|块|种)(?:别|情况|结果)?|(?<=[^\s，,。？?；])类别?(?=的?(?:申请|情况)?"
                     r"(?:所占|占|比例|比率|比重|百分|几成|有|是))")


def unframed(text: str) -> str:
    """The text with a row's framing dropped (“无法提供”这一类的比率 → 无法提供的比率), so it reads as the row's name."""
    return _FRAMED.sub("", text)

