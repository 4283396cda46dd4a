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


def plain(text: str) -> str:
    """The text without particles, the activity's 公开 masked (see the module docstring)."""
    return _ACTIVITY.sub(MASK, _PARTICLES.sub("", text))
