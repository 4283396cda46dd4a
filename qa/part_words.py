"""The words a list question names the parts of a report's work by, as data: what the body did in the year (举措,
几件事, 做法, 亮点, 成效 …: the parts of 总体情况) and the cues that turn such a list to what it will do or improve
(下一步, 改进, 整改, 针对这些问题 …: the measures of section 五).

    >>> asks_work_done("2021年信息公开重点抓了哪几件事？"), plans_asked("2021年信息公开重点抓了哪几件事？")
    (True, False)
    >>> plans_asked("针对这些问题有哪些举措？")
    True

A neutral noun (举措, 措施, 办法, 事) is the work done unless a plan cue says otherwise; the question side that picks
the part is qa/section_list.py, the report side qa/parts.py.
"""

from __future__ import annotations

import re

from govqa.qa.parts import FUTURE, PROBLEM_WORDS

# nouns of what was done in the year: a list of them is the work's parts (举措 and 措施 also name plans, see below)
DONE_NOUNS = ("工作", "事情", "事儿", "事", "实事", "大事", "举措", "措施", "做法", "办法", "方法", "法子", "手段", "招数", "招",
              "动作", "行动", "任务", "努力", "重点", "亮点", "特色", "成效", "成绩", "成果", "经验", "进展", "创新")
# …of these the part a question narrows to by a sub-heading that names it (（三）工作亮点), else the whole work
FOCUS_NOUNS = ("亮点", "成效", "特色", "创新", "经验")
# a done noun ends the words of the thing asked (事 of 哪几件事, not of 事项; 工作 of 哪些工作, not of 工作人员 / 工作动态):
# nothing follows it but a particle, a verb of the question, a joining word or the verb the work served (哪些方法推进公开)
_AFTER_NOUN = ("呢", "吗", "啊", "呀", "嘛", "有", "是", "都", "包括", "包含", "主要", "分别", "具体", "又", "了", "的", "和",
               "及", "与", "来", "去", "推进", "推动", "做好", "开展", "加强", "提升", "落实", "保障", "确保", "促进", "实现")
_NOUN_END = r"(?:(?![\u4e00-\u9fff])|(?=" + "|".join(_AFTER_NOUN) + r"))"
# verbs of doing the work said right before the list word (抓了什么 / 干了啥 / 搞了哪些)
DONE_VERBS = ("做", "干", "搞", "抓", "办", "忙", "忙活")
# a plan, an improvement or an answer to the problems: the list is section 五's measures, not the year's work
PLAN_CUES = ("改进", "整改", "对策", "改善", "提出", "提了")
_PROBLEM = r"(?:问题|不足|短板|差距|薄弱|困难)"
_AIMED_AT_PROBLEMS = (r"(?:针对|解决|对于|对|就)[^，,。？?]{0,12}" + _PROBLEM  # 为解决这些问题 / 对存在的不足
                      + r"|(?:这些|上述|以上|前述|这几个|那些)" + _PROBLEM)  # 这些问题: the problems just told
# the future said beyond qa/parts.py's FUTURE (下一步, 今后, 明年, 打算 …): a time word (以后 only as one: not 收到申请以后),
# or an intention before a verb of doing (将采取 / 还要抓 / 需要做 / 应采取 / 拟从哪几方面); 主要 / 重要 / 回应 hold none
FUTURE_TIMES = ("未来", "接下来", "往后", "将来", "下步", "(?:以后|后续)(?=还|要|将|打算|准备|有|会|怎么|如何|的)")
INTENT_WORDS = ("将", "拟", "需要", "还需", "(?<![主重必纪概摘简只首提需纲])要", "(?<![回响适对相供反答效感呼])应(?:该|当)?")
INTENT_VERBS = ("采取", "做", "抓", "干", "搞", "加强", "推进", "推动", "落实", "改", "完善", "提升", "出台", "推出", "从",
                "怎么", "怎样", "如何")
_FUTURE_SAID = re.compile("|".join(FUTURE_TIMES) + "|(?:" + "|".join(INTENT_WORDS) + ")(?:会|要|继续|进一步|重点|着力)?"
                          "(?:" + "|".join(INTENT_VERBS) + ")|" + FUTURE)

# what still falls short, asked by what it needs (哪些需要加强的地方 / 还有哪些不够的 / 哪些环节有待提高 / 哪里做得不到位):
# the problems said in section 五, not its measures, unless the question also says the future (下一步要加强哪些)
_SHORT_VERBS = r"(?:加强|改进|提高|提升|完善|改善|加把劲|努力|补强|弥补|改正|改)"
_NEEDS = r"(?:需要|需|有待|亟待|亟需|急需|仍需|还需|还要|还得|应该|应当|值得)"
_SHORT_PLACE = r"(?:地方|方面|环节|问题|短板|之处|点|处|的)"
_WEAK_SPOTS = re.compile(
    _NEEDS + r"(?:进一步|继续|再)?" + _SHORT_VERBS + r"的?" + _SHORT_PLACE
    + r"|(?:哪些|哪几个?|什么|啥|哪)(?:地方|方面|环节|点|块|里|儿)[^，,。？?]{0,4}?" + _NEEDS + r"(?:进一步|继续|再)?"
    + _SHORT_VERBS
    + r"|(?:哪些|哪几个?|什么|啥|哪里|哪儿)[^，,。？?]{0,6}?(?:做得|干得|搞得)?(?:还)?(?:不够|不足|不到位|不太好|不好|欠缺|薄弱)"
    + r"|薄弱(?:环节|点|之处)|短板|不足之处|美中不足|做得?不够|还不够")
# …said as a time or a plan (下一步 / 明年 / 打算 / 将从): FUTURE's 要加强 is the need itself here, not a plan
# …or what answers the shortfall (针对短板采取了哪些措施 / 薄弱环节怎么补): the measures
_ANSWERED = re.compile(r"措施|举措|对策|整改|办法|怎么|如何|怎样|补齐|补上|补强|解决|针对")
_PLAN_TIMES = re.compile(r"下一步|下一?阶段|下一?年度?|新的?一年|明年|来年|今后|准备|打算|计划|努力方向|工作安排|"
                         + "|".join(FUTURE_TIMES) + r"|将(?:要|会)?(?:采取|从|怎么|如何|在)")

_LIST = r"(?:哪些|哪几|哪[两三四五六七八九十]|什么|啥|(?<![如任为几])何种?|几)"
_AFTER_LIST = r"[^，,。？?；;！!]{0,6}?"  # 哪几项重要的 / 哪些方面的 / 什么样的好: words between the list word and the noun
DONE_NOUN = r"(?:" + "|".join(sorted(DONE_NOUNS, key=len, reverse=True)) + r")" + _NOUN_END
# a list of done things asked by a list word: 哪几项举措 / 举措有哪些 / 抓了什么 / 干了啥
_LISTED = re.compile(
    _LIST + _AFTER_LIST + DONE_NOUN
    + r"|" + DONE_NOUN + r"(?:主要|都|分别|具体|又)?(?:有|是|包括|包含)(?:哪些|哪几|什么|啥)"
    + r"|(?:" + "|".join(DONE_VERBS) + r")(?:了|过)?(?:一?些|点)?(?:哪些|什么|啥)(?=[？?呢吗啊呀。！!]|$)")
_WORK_ASKED = re.compile(
    _LISTED.pattern + r"|(?:" + "|".join(FOCUS_NOUNS) + r")"
    # 主要做法 / 工作情况 / 总体情况, 做了些什么 / 做了哪几, 怎么做的: the work itself, whatever noun follows
    + r"|主要做法|工作情况|总体情况|(?:做|干|搞)了?一?些?(?:哪些|什么|啥|哪[两三四五六七八九十几])"
    + r"|(?:怎么|怎样|如何)(?:做|干|开展)的")
_PLANNED = re.compile("|".join(PLAN_CUES) + "|" + _AIMED_AT_PROBLEMS + "|" + _FUTURE_SAID.pattern)
_FOCUS = re.compile("|".join(FOCUS_NOUNS))


def asks_work_done(question: str) -> bool:
    """Whether a list question asks what the body did (哪几项举措 / 重点抓了哪几件事 / 有哪些特色做法 / 干了啥)."""
    return _WORK_ASKED.search(question) is not None


def lists_done(question: str) -> bool:
    """Whether a question asks a list of done things by a list word (有什么好办法 / 举措有哪些 / 抓了什么)."""
    return _LISTED.search(question) is not None


def future_asked(question: str) -> bool:
    """Whether a question asks what will be done (下一步 / 未来 / 接下来 / 将采取 / 还要抓), not what was."""
    return _FUTURE_SAID.search(question) is not None


def plans_asked(question: str) -> bool:
    """Whether a question about measures asks what will be done or improved (下一步 / 将采取 / 改进 / 整改 / 针对这些问题
    / 提出了), or names the problems they answer (存在的问题及措施), rather than what was done in the year."""
    return _PLANNED.search(question) is not None or PROBLEM_WORDS.search(question) is not None


def weak_spots_asked(question: str) -> bool:
    """Whether a question asks what still falls short (哪些需要加强的地方 / 哪里还不够 / 薄弱环节), not a plan for it."""
    return _WEAK_SPOTS.search(question) is not None and _PLAN_TIMES.search(question) is None \
        and _ANSWERED.search(question) is None


def focus_of(question: str) -> str:
    """The focus noun a work question narrows to (有哪些亮点 → 亮点), or ""."""
    m = _FOCUS.search(question)
    return m.group(0) if m else ""
