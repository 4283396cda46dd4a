"""Whether a question asks for things or a manner the prose states (哪几个平台, 哪方面的信息, 什么文书, 咋处理, 做了
哪些调整), not a count a table cell holds, although it names a table word (申请, 公开, 行政许可, 案件, 信息).

    >>> asks_prose("行政许可信息在哪几个平台上公示？")
    True
    >>> asks_prose("行政许可信息公示了多少条？")
    False

Ranking and comparing (哪个局最多, 哪年更多), trends (怎么变化), how cases ended (什么结果), reasons a table row
names (不予公开的理由有哪些) and counts (多少, 几件; 哪几个 is a which, not a count) stay with the table.
"""

from __future__ import annotations

import re

from govqa.qa import lexicon as lx

# a which/what word: 哪几个, 哪些, 哪一类, 什么, 啥, 何种, 怎样的
_WHAT = r"(?:哪(?:几|一)?(?:个|种|类|项|条|些|样|家|方面)?|什么|啥|何种|怎样的|哪方面)"
# the things such a word asks for that no table counts: places a thing is published, channels, forms, rules, documents,
# parts of a website, changes made; 原因/理由 (table rows of 不予公开), 结果 (outcomes) and 情况 are left out on purpose
_THING = (r"(?:平台|网站|网页|网|渠道|途径|方式|形式|载体|方面|领域|内容|事项|主题|要求|原则|标准|规范|规定|制度|机制"
          r"|措施|举措|做法|办法|文书|文件|通知|告知书|答复书|回执|栏目|专栏|专区|版块|板块|频道|模块|功能|页面|版面"
          r"|调整|改动|改进|改变|变动|优化|升级|改版|整合|合并|更新|流程|程序|环节|步骤|手段|系统|窗口|依据|职责|分工)")
_WHICH_THING = re.compile(rf"{_WHAT}[^，,。？?；;！!]{{0,8}}?{_THING}|哪方面|哪些方面|哪一?块"
                          # 行政处罚信息在哪里能查到 / 去哪儿看: the place a sentence names, not a count
                          r"|(?:在|到|去|从)?(?:哪里|哪儿|哪)(?:能|可以|可)?(?:查到|查询|查看|看到|找到|查|看|找|公示|公开|公布|发布)")
# 咋处理 / 怎么处理的 / 如何处置 / 怎样保护: the manner, said in a sentence
_MANNER = re.compile(r"(?:咋|怎么|如何|怎样)(?:样)?(?:来|去|进行)?(?:处理|处置|对待|保护|把关|审核|审查|管理|规避|屏蔽|避免|脱敏"
                     r"|办的|弄的|操作|落实|执行|保障|提交|递交|提出|交的|交上来|送来|寄来)")  # 怎么提交的: the way it came in
# 改了什么 / 升级了哪些 / 新上线了啥 / 合并了哪几个: what was done, the items named in a sentence
_DONE_WHAT = re.compile(rf"(?:调整|改动|修改|改造|改进|优化|升级|改版|上线|推出|开通|开设|新设|新增|增设|合并|整合|撤并|关停"
                        rf"|关闭|迁移|更换|规范)(?:了|过)?{_WHAT}")
# the table's own business: rank or compare (哪个最多, 哪家更多), a trend, how cases ended, a reason row, a state
_TABLE_SIDE = re.compile(r"最多|最少|最高|最低|更多|更少|多还是少|哪个多|哪个少|哪家多|排名|前[一二三四五六七八九十\d]+"
                         r"|变化|趋势|怎么变|(?:什么|啥|哪些|哪种)结果|结果(?:是|如何|怎么样|怎样)|原因|理由|情况|复议|诉讼|官司|起诉|被诉|应诉|被告|告到|告了")
# 发布前要守哪些审核规矩 / 遵循什么原则: standing rules a sentence quotes (“先审查后公开”), not the plans of section 五
_RULES = re.compile(rf"{_WHAT}[^，,。？?；;]{{0,6}}?(?:要求|原则|准则|规矩)")
# …unless the question names the problems, the measures or a time ahead (下一步要落实哪些要求: section 五's plans);
# 要落实 alone is the rule's own verb, not a plan
_NOT_RULES = re.compile(r"问题|不足|措施|举措|对策|改进|整改|下一步|下一?阶段|今后|明年|来年|新的?一年|接下来|未来|将来|以后|打算|计划")
# 系统做了哪些升级 / 网站进行了什么调整: the changes one sentence says, not the part's list of the year's work
_CHANGE_MADE = re.compile(r"(?:做|作|进行|搞)了?(?:哪些|什么|啥|哪几(?:方面|项|个)?的?|怎样的|何种)(?:调整|升级|改版|优化|改造|修改|改动|整合|合并)")
# 是不是都按时回复了 / 有没有逾期办结的 / 是不是都在期限内回复了: on time or not, said in the prose only
_ON_TIME = re.compile(r"(?:按期|按时|如期|准时|及时|逾期|超期|超时|(?:在|于)(?:法定|规定)?(?:期限|时限|时间)内)[^，,。？?]{0,4}?"
                      r"(?:答复|办结|回复|办理|处理|办完)")
# 行政处罚公示在什么网站上 / 在哪个网站公开行政许可信息: where a kind of information is published (a sentence), not
# the 网址 the report prints; the report itself (年报在哪个网站公布) stays the where-to-read fact
_PUBLISHED_THING = (r"(?:信息|许可|处罚|强制|结果|决定|文件|政策|公告|通知|目录|清单|数据|意见|方案|规划|计划|预算|决算|解读"
                    r"|公报|名单|动态|内容|资料)")
_SITE_ASKED = r"(?:哪个|哪一个|什么|哪些|哪几个?|哪家|啥)(?:网站|平台|网|门户网站|门户|公众号|新媒体)(?![^。？?]{0,4}栏目)"
_PUT = r"(?:公示|公开|公布|发布|发|放|挂|登|贴|上传|推送|晒|刊登|刊发)"
# 行政处罚公示在什么网站上 / 拆迁公告，是挂在哪个网站上的 / 信息主动公开在哪个网站 / 在哪个平台能看到政策文件
WHERE_PUBLISHED = re.compile(rf"{_PUBLISHED_THING}[^。？?]{{0,20}}?{_PUT}(?:在|到|于|上)?[^。？?]{{0,2}}?{_SITE_ASKED}"
                             rf"|{_PUBLISHED_THING}[^。？?]{{0,20}}?(?:在|到|上|于|通过){_SITE_ASKED}[^。？?]{{0,6}}?"
                             rf"(?:{_PUT}|查|看|找)"
                             rf"|(?:在|到|上|通过){_SITE_ASKED}[^，,。？?]{{0,6}}?(?:{_PUT}|查|看|找)[^，,。？?]{{0,8}}?"
                             rf"{_PUBLISHED_THING}")
_WHICH_COUNT = re.compile(r"哪几[个种类项条家]?|(?<=[那这])几[个种类项条件份篇家]?")  # 哪几个平台 / 那几条信息: which ones, not how many


def asks_prose(text: str) -> bool:
    """Whether the question asks which things, what kind or how (a sentence of the prose says it), or whether things
    were done on time (是不是都按时回复了: no cell says 按期), and no number."""
    if lx.QUESTION_HOW_MANY.search(_WHICH_COUNT.sub("哪些", text)):
        return False
    if _ON_TIME.search(text) and not lx.PROSE_RATE.search(text):
        return True
    if _TABLE_SIDE.search(text):
        return False
    return bool(_WHICH_THING.search(text) or _MANNER.search(text) or _DONE_WHAT.search(text))


def asks_rules(text: str) -> bool:
    """Whether the question asks which standing requirements or principles are followed (发布前要守哪些审核规矩), which
    one sentence quotes, rather than the measures planned for next year."""
    return _RULES.search(text) is not None and _NOT_RULES.search(text) is None


def asks_change_made(text: str) -> bool:
    """Whether the question asks what changes were made to a thing (系统做了哪些升级), which one sentence says."""
    return _CHANGE_MADE.search(text) is not None and not lx.QUESTION_HOW_MANY.search(_WHICH_COUNT.sub("哪些", text))


def asks_manner(text: str) -> bool:
    """Whether the question asks how a thing is handled (怎么处理涉及隐私的信息 / 如何保护隐私), not what it is about."""
    return _MANNER.search(text) is not None and _TABLE_SIDE.search(text) is None  # 被起诉的案子怎么处理的: outcomes


def asks_where_published(text: str) -> bool:
    """Whether the question asks on which site a kind of information is published (行政处罚公示在什么网站上), which a
    sentence names, not the report's printed 网址."""
    return WHERE_PUBLISHED.search(text) is not None and not re.search(r"年报|报告", text)
