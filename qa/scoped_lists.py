"""Items a question asks of one thing the report names (a scope), listed inside the sentence that names it: an
abbreviation's parts (“五公开”是哪五个 → 决策、执行、管理、服务、结果“五公开”), a slogan with its gaps (“谁…谁…”责任 →
“谁起草、谁负责，谁发布、谁把关”), an area or a platform (环境保护这块公开哪些信息 / 在某某网上公开了哪些信息 → the
enumeration in the sentence naming it, not the report's overall list of categories), and the forms or ways of one
activity (培训队伍用了哪些形式 → 采取“集中授课”、“以会代训”等多种形式).

    >>> scope = scope_asked("某局2020年报里说的“三公开”是哪三个？")
    >>> text = "全面推进决策、执行、结果“三公开”。"
    >>> [text[a:b] for a, b in scoped_items(text, scope).items]
    ['决策', '执行', '结果']

The question side is ``scope_asked``; the report side ``scoped_items``. The list route (qa/section_list.py) tries it
before a part's own lists; what it finds names no part of a section, so every item is cited on its own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from govqa.core.numbers import cn_number
from govqa.qa import lexicon as lx
from govqa.qa.named_parts import blank_names
from govqa.qa.passages import is_heading
from govqa.qa.process_steps import chain_steps, process_marked
from govqa.qa.sentence_names import MIN_NAMES, split_run

ABBREVIATION, SLOGAN, AREA, MEANS, RULES, ROLES = "简称", "提法", "范围", "方式", "机制", "分工"
_NUM = "一二两三四五六七八九十"
_OPEN, _CLOSE = "“「\"‘『", "”」\"’』"
_QUOTED = re.compile(f"[{_OPEN}]([^{_CLOSE}{_OPEN}]{{1,30}})[{_CLOSE}]")
_GAP = re.compile(r"…+|\.{3,}|。{3,}|……")
# what asks the parts or the words of a named thing: 是哪五个 / 指什么 / 包括哪些 / 具体是怎么说的 / 原话
_EXPAND_ASKED = re.compile(r"(?:是|指|包括|包含|分别|具体|都|有)[^，。？?]{0,6}?(?:哪|什么|啥|怎么说|怎样说|如何说|内容)"
                           r"|怎么(?:说|讲|表述|写)的?|原话|原文|具体(?:内容|说法|提法|表述)|指的是|是指")
# the work of disclosure itself (做好政府信息平台建设 / 推进政务公开): its forms are a part of the report (qa/parts.py)
_DISCLOSURE_WORK = re.compile(r"政府信息|政务公开|信息公开|政务信息|公开工作|平台建设")
_WORDING_ASKED = re.compile(r"怎么(?:说|讲|表述|写|提)的?|怎样(?:说|表述)|如何(?:表述|说)|原话|原文|具体(?:说法|提法|表述)")
_WORK_ASKED = re.compile(r"(?:做|干|搞|抓|开展|推进|落实)了?(?:些|一些)?(?:哪些|什么|啥|哪几)|(?:怎么|如何|怎样)(?:做|干|开展|推进|落实)")
# the work under a quoted heading word, asked as a noun (“周密细致”都指哪些做法 / 有哪些“强化”的措施): the part's items
_WORK_NOUN_ASKED = re.compile(r"(?:哪些|什么|啥|哪几[项条个种]?)[^，。？?]{0,6}?(?:做法|措施|举措|工作|事情?|动作)")
MAX_ABBREVIATION = 8  # characters of a numbered abbreviation (“四个一批” / “三个一”)
MAX_BARE_TERM = 4  # characters of an abbreviation without a number (“放管服”)
# a bare numbered abbreviation (五公开 / 三个一 / 两微一端) before what asks its parts
_BARE_ABBREVIATION = re.compile(f"((?:[{_NUM}]个?[\u4e00-\u9fff]{{1,3}}?){{1,2}})"
                                r"(?=(?:具体)?(?:是|指|包括|包含|分别|都)[^，。？?]{0,6}?(?:哪|什么|啥))")
# a slogan asked with its gaps unquoted: 谁…谁…的责任
_BARE_SLOGAN = re.compile(r"((?:[\u4e00-\u9fff](?:…+|\.{3,})){2,4})")  # one character a gap: 先…后… / 谁…谁…
# the forms or ways of an activity: 用了哪些形式 / 通过什么方式 / 采取了哪些办法 / 形式有哪些
_MEANS_WORDS = r"形式|方式|办法|方法|法子|招数|路子|手段|途径|渠道|载体"  # 措施 / 举措: a part of its own (qa/parts.py)
_MEANS_ASKED = re.compile(r"(?:用了?|通过了?|采取了?|采用了?|运用了?|借助了?|利用了?|以|靠)(?:哪些|哪几种?|什么|啥|哪[两三四五六七八九十]种)"
                          r"(?:样的)?(?:的)?(" + _MEANS_WORDS + r")"
                          r"|(?:的)?(" + _MEANS_WORDS + r")(?:主要)?(?:有|是|包括)(?:哪些|什么|啥|哪几种)")
# a purpose said after the means (用什么办法让老百姓知道 / 通过什么途径告诉群众): what the activity is for, not it
_PURPOSE = re.compile(r"^(?:来|去)?(?:让|使|叫|使得|告诉|告知|通知|向|给|帮)")
_AUDIENCE = re.compile(r"^(?:来|去)?(?:让|使|叫|使得|告诉|告知|通知|向|给|帮)?(?:广大|社会)?(?:老百姓|群众|公众|企业|市民|居民|村民"
                       r"|社会|大家|百姓|办事人|服务对象)?(?:们)?(?:都)?(?:知道|了解|知晓|熟悉|看到|明白|获知)?(?:了)?")
# a means asked without its word: 怎么让企业了解的 / 如何让群众知晓
_MEANS_HOW = re.compile(r"(?:怎么|怎样|如何|咋)(?:样)?(?:来|去)?(?:让|使|叫|使得)(?:广大)?(?:老百姓|群众|公众|企业|市民|居民|村民|社会|大家|百姓)"
                        r"(?:们)?(?:都)?(?:知道|了解|知晓|熟悉|看到|明白|获知)")
# the mechanisms, systems, principles or requirements one activity kept to (坚持了哪几条工作机制 / 遵循了哪些原则)
_RULE_WORDS = r"机制|制度|原则|要求|规矩|规范"
_RULE_VERBS = (r"坚持|建立|建起|健全|完善|形成|遵循|遵守|秉持|把握|落实|执行|实行|推行|制定|出台|明确|讲究|注重|强调|"
               r"依照|按照|依据|根据|本着|建")  # 建了哪些制度 ~ 建立 (after every two-character verb)
# 健全了哪些制度: the verb says which sentence (健全完善了A、B等制度), so it stays with the activity before it
_RULE_VERB = re.compile(r"(?:" + _RULE_VERBS + r")+")
_RULES_ASKED = re.compile(r"(?:" + _RULE_VERBS + r"|立|定|有|讲|按|照|依|守)?了?(?:的是|的)?"
                          r"(?:哪些|哪几[条项个种点]?|什么|啥|哪[两三四五六七八九十][条项个种点])(?:样的)?(?:的)?"
                          r"(?:工作|办理|管理|保障|长效|内部|审查|审核|发布|保密|把关){0,2}(" + _RULE_WORDS + r")"
                          r"|(?:的)?(" + _RULE_WORDS + r")(?:主要|都|一共)?(?:有|是|包括)(?:哪些|什么|啥|哪几[条项个种点]?)"
                          r"(?![个条项种点]?(?:环节|流程|步骤|程序|关口|方面|内容|形式|部分|块))")  # 机制有哪几个环节: its steps
# how the work was divided among its leaders and staff (局领导之间怎么分工 / 谁负责什么 / 责任怎么划分 / 组织架构)
_ROLES_ASKED = re.compile(r"(?:怎么|怎样|如何|咋)(?:样)?(?:进行)?(?:分工|划分|分配|分的工|安排分工)|分工(?:情况|安排)?(?:是)?(?:怎么|怎样|如何|咋|什么)"
                          r"|谁(?:来)?(?:负责|管|抓)(?:什么|啥|哪[些块])|各(?:自)?(?:负责|管|抓)(?:什么|啥|哪[些块])"
                          r"|分别(?:由谁|是谁)|(?:都|各)(?:是|由)?谁(?:来)?(?:审|签|把关|负责)"  # 三审都是谁审: each step's reviewer
                          r"|(?:哪些|哪几[个位级道]?)(?:人|领导|部门)(?:来)?(?:审|签|把关)|责任[^，。？?]{0,4}(?:怎么|怎样|如何)(?:划分|分|分配|落实)|组织架构|组织分工|责任分工|职责分工"
                          r"|领导[^，。？?]{0,6}(?:怎么|怎样|如何|咋)(?:样)?(?:抓|管|带头|负责)")
# a review asked of the roles (都是谁审 / 哪些人审批 / 谁来把关): the sentence answering it says a review too, so a
# leading group's members (组长、成员) are no reviewers
_REVIEW = re.compile(r"审|签|把关")
# who takes a share of the work in a report's sentence (主要领导亲自部署 / 分管领导具体负责 / 专人负责日常)
_ROLE = re.compile(r"主要领导|主要负责同志|主要负责人|一把手|党组书记|党委书记|(?:副)?局长|(?:副)?主任|(?:副)?组长|分管领导"
                   r"|分管负责同志|分管负责人|(?:部门|科室|处室|股室)负责人|分管(?:副)?(?:局长|主任)|班子成员|领导小组|领导班子|(?:各|相关|业务|责任)?(?:科室|股室|处室)"
                   r"|办公室|专人|专职人员|兼职人员|信息员|联络员|责任人|工作人员|各部门|各单位")
_PIECE = re.compile(r"[^，,；;、。！？!?]+")
_LEADER = re.compile(r"领导|一把手|书记|局长|主任|组长")
# an area or a platform the question narrows to: 环境保护这块 / 在某某网上 / 公众号里 / 在X方面
_AREA = re.compile(r"在[“「]?((?:(?!哪|什么|多少|做|方面|这)[^，,。？?\d“”「」]){2,16}?)[”」]?(?:这一?块|这一?方面|方面|领域|上|里|中|内)"
                   r"|(?:\d年度?|^|[，,])[“「]?((?:(?!哪|什么|多少|做|方面|这|了|主要|具体|几|个|年|在)[^，,。？?\d“”「」]){2,14}?)[”」]?"
                   r"(?:这一?块|这一?方面|方面|领域)")
# the area asks items (哪些信息 / 什么内容 / 发布了啥), not the work, measures or problems of it
_ITEMS_ASKED = re.compile(r"(?:哪些|哪几[类种个项]?|什么|啥)(?:样的)?(?:信息|内容|事项|东西|资料|数据|文件)"
                          r"|(?:公开|发布|发|推送|公示|公布|晒)了?(?:哪些|什么|啥)")
_NOT_ITEMS = re.compile(r"工作|措施|举措|问题|不足|成效|亮点|做法|多少|几[条件个篇次]")
# words every report says of its subject: no scope on their own
_GENERIC = re.compile(r"政府|信息|政务|公开|工作|年报|报告|本局|该局|我局|全年|今年|整体|总体|主动|依申请|申请")
_SAID_GAP = rf"[^{_OPEN}{_CLOSE}。；;]{{0,16}}?"
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")
# quoted phrases side by side, joined by nothing, 、, 和 or (，)以及: one list (“先审后发”“一事一审”，以及“同步解读”)
_QUOTED_ITEM = re.compile(r"“([^“”。；;]{2,40})”")
_QUOTED_RUN = re.compile(r"“[^“”。；;]{2,40}”(?:(?:[、，,]?(?:以及|和|及|与)|、)?“[^“”。；;]{2,40}”)+")
# words that lead an enumeration in its clause (将A、B / 重点突出A、B / 采取A、B等形式)
_LEAD = re.compile(r"将|把|对|就|重点突出|突出|重点|采取|采用|通过|利用|依托|借助|包括|涵盖|涉及|推进|推动|(?<!信息)(?<!政务)(?:公开|发布)|落实|坚持|实行|推行|建立健全|建立|健全"
                   r"|围绕|聚焦|做好|做到|加强|开展|开设|设置|更新|分别是|分别为|主要有|主要是|[：:]")
_TAIL_COUNT = re.compile(r"(?:共|等)(?:\d+|[两三四五六七八九十]+)(?:个|项|条|件|类|种)[^、]*$")
_OWN_BODY = re.compile(r"(?:我|本|全|该)(?:局|委|厅|办|区|县|市|镇|乡|单位|机关|部门|系统)(?:的)?")
# what may stand between an abbreviation and its parts after it: （A、B） / ，即A、B / 是指A、B / ：A、B
_AFTER_LEAD = re.compile(f"[{_CLOSE}]?(?:要求|工作|目标|原则|机制|模式|制度)?\\s*(?:[（(]|[，,]?\\s*(?:即|也就是|就是|是指|指|包括|包含|[：:]))")
MAX_RUN_LEAD = 12  # characters before the first 、 of a clause that continues a list begun in the clause before
NEXT_SENTENCES = 1  # an area named by one sentence may have its list in the next (纳入重点。重点突出A、B、C)
TITLE_REACH = 24  # characters before a sentence where a heading naming the term it spells out may stand
_PUBLISHED = re.compile(r"公开|发布|推送|公示|公布|发送|刊登|上传|更新")
_NEGATED = re.compile(r"未|没有|尚未|缺乏|缺少|不够")  # 未运用动画、音频等形式: forms not used
LEAD_REACH = 8  # characters before a list's first item that say what leads it
MIN_ACTIVITY = 2  # characters of an activity's own words (培训 / 宣传) for its forms to be asked


@dataclass(frozen=True)
class Scope:
    """The one named thing a question asks the items of, and how (its kind decides how the report is read)."""

    kind: str  # ABBREVIATION / SLOGAN / AREA / MEANS
    words: str  # 五公开 / 谁…谁… / 环境保护 / 培训政府采购队伍
    noun: str = ""  # MEANS: the word the forms are asked by (形式 / 方式); ROLES: the review verb asked (审 / 把关)
    count: int = 0  # ABBREVIATION: the number it says (五公开 → 5), 0 when none
    quoted: bool = False  # the question quotes it (“五公开”): a term of the report's, so a report without it lacks it


@dataclass(frozen=True)
class Scoped:
    """What one report says of a scope: the items, and the sentence that names the scope (items may be [] when the
    report names it without spelling it out)."""

    items: list[tuple[int, int]]
    sentence: tuple[int, int] | None


def scope_asked(question: str, agencies: Sequence[str] = ()) -> Scope | None:
    """The named thing a list question narrows to, or None: “五公开”是哪五个 → ABBREVIATION 五公开; “谁…谁…”责任具体是
    怎么说的 → SLOGAN; 环境保护这块公开哪些信息 → AREA 环境保护; 培训队伍用了哪些形式 → MEANS 培训队伍."""
    quoted = [m.group(1) for m in _QUOTED.finditer(question)]
    gapped = [q for q in quoted if _GAP.search(q)] or [m.group(1) for m in _BARE_SLOGAN.finditer(question)
                                                        if len(_GAP.split(m.group(1))) > 2]
    if gapped:
        return Scope(SLOGAN, gapped[0], quoted=bool(quoted))
    if quoted and _WORDING_ASKED.search(question):  # “一事一审”是怎么说的: the phrase as the report quotes it
        return Scope(SLOGAN, quoted[0], quoted=True)
    terms = [q for q in quoted if _abbreviation_like(q)]
    asked_rule = _RULES_ASKED.search(question)
    if terms and asked_rule is not None and not _MEANS_ASKED.search(question) \
            and not re.search(f"[{_CLOSE}]{{1}}(?:{_RULE_WORDS})", question):
        terms = []  # 办“一窗通办”，遵循什么原则: the principles it kept to, not the term's parts (“三公开”原则指什么 is)
    if terms and _EXPAND_ASKED.search(question) and not _WORK_ASKED.search(question) \
            and not (_WORK_NOUN_ASKED.search(question) and not _count_of(terms[0])):
        return Scope(ABBREVIATION, terms[0], count=_count_of(terms[0]), quoted=True)
    bare = _BARE_ABBREVIATION.search(question)
    if bare is not None and not _in_names(bare.group(1), agencies):
        return Scope(ABBREVIATION, bare.group(1), count=_count_of(bare.group(1)))
    if (roles := _ROLES_ASKED.search(question)) is not None:  # 班子成员各自分管哪一摊: the roles a sentence names, each with its task
        review = _REVIEW.search(roles.group(0))  # 三审都是谁审 / 要哪几个人审: the roles of reviewing, said in the sentence
        return Scope(ROLES, _activity(question[:roles.start()], agencies), noun=review.group(0) if review else "")
    rules = _RULES_ASKED.search(question)
    if rules is not None and not _MEANS_ASKED.search(question):
        activity = _activity(question[:rules.start()], agencies)  # 办依申请公开，坚持了哪几条机制 → 办依申请公开
        verb = _RULE_VERB.match(question, rules.start())
        if verb and activity and (done := _activity(question[:verb.end()], agencies)).startswith(activity):
            activity = done  # 在监督保障上健全了哪些制度 → 在监督保障上健全 (the verb in the same clause)
        if len(activity) >= MIN_ACTIVITY:
            return Scope(RULES, activity, noun=rules.group(1) or rules.group(2))
        return None
    means = _MEANS_ASKED.search(question) or _MEANS_HOW.search(question)
    if means is not None:
        activity = _activity(question[:means.start()], agencies)
        after = question[means.end():]
        if len(_GENERIC.sub("", activity)) < MIN_ACTIVITY:
            # 是通过哪些办法培训骨干的: the activity after the means; 告诉群众新政策的: the thing told, after its audience
            after = _AUDIENCE.sub("", after) if _PURPOSE.search(after) else re.sub(r"^(?:来|去|进行|开展)?", "", after)
            activity = _activity(after, agencies, last=False)
        if len(_GENERIC.sub("", activity)) >= MIN_ACTIVITY and not _DISCLOSURE_WORK.search(activity):
            return Scope(MEANS, activity, noun=means.re.groups and (means.group(1) or means.group(2)) or "办法")
        return None
    if _ITEMS_ASKED.search(question) and not _NOT_ITEMS.search(question):
        for m in _AREA.finditer(question):
            area = (m.group(1) or m.group(2)).strip(" 的")
            if len(_GENERIC.sub("", area)) >= MIN_NAMES and not _in_names(area, agencies):
                return Scope(AREA, area)
    return None


def _abbreviation_like(term: str) -> bool:
    """Whether a quoted term reads as an abbreviation to spell out (五公开 / 两微一端 / 放管服), not a part's title
    (“全面推进政务公开”) or a phrase."""
    return bool(re.search(f"[{_NUM}]", term)) and len(term) <= MAX_ABBREVIATION or len(term) <= MAX_BARE_TERM


def _count_of(term: str) -> int:
    """The number an abbreviation says when it says one only (五公开 → 5, 三个一 → 3; 两微一端 → 0)."""
    numbers = re.findall(f"[{_NUM}]+", term)
    return (cn_number(numbers[0]) or 0) if len(numbers) == 1 and term.startswith(numbers[0]) else 0


def _in_names(words: str, agencies: Sequence[str]) -> bool:
    return any(words in name for name in agencies)


def _activity(words: str, agencies: Sequence[str], *, last: bool = True) -> str:
    """The activity said before the means asked (the last run of the question's head after its year, agency and
    particles: 平潭某局2019年培训队伍 → 培训队伍), or after it (the first run: 培训骨干的呢 → 培训骨干)."""
    clauses = re.split(r"\d{4}\s*年度?|[，,]", words)
    for clause in reversed(clauses) if last else clauses[:1]:  # 出台重点政策的时候，是用什么办法: the clause before
        said = blank_names(clause, agencies)  # 西夏区民政局是
        said = re.sub(r"^的|^(?:那么?|那)?(?:他们|她们|它们|他|她|它|该局|该单位|这个局|这个单位|那边|这边)", " ", said.strip())
        said = re.sub(r"(?:报告里|年报里|报告中|年报中|里面|当中|的时候|时候|期间|过程中|之间|之中)"
                      r"|(?:是|都|主要|具体|又|还|在|对|时|中|上)$|的(?:呢|吗)?$|[呢吗啊]", " ", said)
        said = re.sub(r"(?:是|都|主要|具体|又|还|在|对|时|要|需要|得|应)\s*$", " ", said)
        runs = [r for r in re.split(r"[^\u4e00-\u9fff]+", said) if r]
        if runs and (not last or len(runs[-1]) >= MIN_ACTIVITY):  # 推某服务，按的哪条原则: 按 alone is no activity
            return runs[-1] if last else runs[0]
    return ""


def scoped_items(text: str, scope: Scope) -> Scoped:
    """The items one report's sentence on the scope lists (each (start, end)), with that sentence; no sentence
    (None) when the report never names the scope."""
    if scope.kind == SLOGAN:
        return _slogan(text, scope)
    if scope.kind == ABBREVIATION:
        return _abbreviation(text, scope)
    if scope.kind == MEANS:
        return _means(text, scope)
    if scope.kind == RULES:
        return _rules(text, scope)
    if scope.kind == ROLES:
        return _roles(text, scope)
    return _area(text, scope)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Each sentence of text: a line that breaks off mid-sentence (no end mark, no heading on either side) goes on
    over the line break, as PDF text wraps every ~28 characters (审查记 / 录台账 is one word)."""
    out: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        if out and _wrapped(text, *out[-1], m.start()):
            out[-1] = (out[-1][0], m.end())
        else:
            out.append((m.start(), m.end()))
    return out


def _wrapped(text: str, start: int, end: int, nxt: int) -> bool:
    """Whether the sentence start..end runs on at nxt: only line breaks between, it ends with no mark, and neither it
    nor the next line is a heading."""
    if text[end:nxt].strip() or text[end - 1:end] in "。！？!?：:" or is_heading(text[start:end]):
        return False
    line_end = text.find("\n", nxt)
    return not is_heading(text[nxt:line_end if line_end >= 0 else len(text)])


def _slogan(text: str, scope: Scope) -> Scoped:
    """The quoted phrases that fit the slogan's words with its gaps filled (谁…谁… → “谁起草、谁负责，…”)."""
    said = [p for p in re.split(_GAP.pattern + r"|[、，,]", scope.words) if p]
    pieces = [re.escape(p) for p in said]
    if not pieces:
        return Scoped([], None)
    fits = re.compile(_SAID_GAP.join(pieces))
    for s, e in _sentences(text):
        found = [(s + m.start(1), s + m.end(1)) for m in _QUOTED.finditer(text[s:e]) if fits.search(m.group(1))]
        if found:
            return Scoped(found, (s, e))
    prefix = os.path.commonprefix(said) if len(said) >= MIN_NAMES else ""
    for s, e in _sentences(text):  # unquoted: the clause that holds it, or the series it begins (全过程…，全方位…，)
        m = fits.search(text, s, e)
        if m is None:
            continue
        if prefix and _GAP.search(scope.words[-2:]):
            series = [(c.start(), c.end()) for c in re.finditer(r"[^，,、；;。]+", text[m.start():e])]
            run = [(m.start() + a, m.start() + b) for a, b in _leading(series, text[m.start():e], prefix)]
            if len(run) >= MIN_NAMES:
                return Scoped(run, (s, e))
        return Scoped([_clause_at(text, s, e, m.start())], (s, e))
    return Scoped([], None)


def _leading(pieces: list[tuple[int, int]], said: str, prefix: str) -> list[tuple[int, int]]:
    """The pieces in a row from the first that each begin with prefix (全过程…，全方位…，全流程…: the series)."""
    run = []
    for a, b in pieces:
        if not said[a:b].startswith(prefix):
            break
        run.append((a, b))
    return run


def said_anywhere(text: str, scope: Scope) -> bool:
    """Whether the report says any of the scope's own words (a piece of two characters or more, or a slogan's
    one-character pieces in order): a report that says none of them lacks the term."""
    said = [p for p in re.split(_GAP.pattern + r"|[、，,]", scope.words) if p]
    if any(len(p) >= MIN_NAMES and p in text for p in said):
        return True
    return all(len(p) < MIN_NAMES for p in said) and re.search(_SAID_GAP.join(map(re.escape, said)), text) is not None


def _clause_at(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """(start, end) of the clause of text[start:end] that holds offset at, cut at ， ； and 。."""
    for m in _CLAUSE.finditer(text, start, end):
        if m.start() <= at < m.end():
            return m.start(), m.end()
    return start, end


def _abbreviation(text: str, scope: Scope) -> Scoped:
    """An abbreviation's parts where the report spells it out: the 、-run right before it (A、B、C“三公开”) or after it
    (“三公开”（A、B、C） / “三公开”即A、B、C); the sentence naming it with no items when it does not."""
    first: tuple[int, int] | None = None
    term = re.escape(scope.words)
    found: list[Scoped] = []
    sentences = _sentences(text)
    for i, (s, e) in enumerate(sentences):
        for m in re.finditer(f"[{_OPEN}]?{term}", text[s:e]):
            at = s + m.start()
            first = first or (s, e)
            for spans in (_run_before(text, s, at), _run_after(text, s + m.end(), e)):
                if len(spans) >= MIN_NAMES and (not scope.count or len(spans) == scope.count):
                    found.append(Scoped(spans, (s, e)))
        if not found and first == (s, e):  # “三审”制度。由A审核后，B再审核，最后C审阅: the steps it stands for
            for a, b in sentences[i:i + 1 + NEXT_SENTENCES]:
                steps = chain_steps(text[a:b], a) if process_marked(text[a:b]) else []
                if len(steps) >= MIN_NAMES and (not scope.count or len(steps) == scope.count):
                    found.append(Scoped(steps, (a, b)))
                    break
    # spelled out in several places: the one under a heading that names the term (一是持续推进“五公开”。…) first
    found.sort(key=lambda f: not _titled(text, f.sentence[0] if f.sentence else 0, term))
    return found[0] if found else Scoped([], first)


def _titled(text: str, start: int, term: str) -> bool:
    """Whether the short sentence or heading right before offset start names the term (一是持续推进“五公开”。)."""
    return re.search(term + r"[^。！？!?\n]{0,4}[。！？!?\n]?\s*$", text[max(0, start - TITLE_REACH):start]) is not None


def _run_before(text: str, start: int, at: int) -> list[tuple[int, int]]:
    """The 、-run of the clause that ends right at offset at, after the last lead word before its first 、."""
    clause = _clause_at(text, start, at + 1, max(start, at - 1))
    run = text[clause[0]:at].rstrip("（(：: ")  # 微博、微信和客户端（“两微一端”）
    if "、" not in run or run[-1:] in _CLOSE:  # “谁负责”“一事一审”: another quoted phrase, no part of it
        return []
    return _cut_lead(run, clause[0])


def _run_after(text: str, at: int, end: int) -> list[tuple[int, int]]:
    """The 、-run after an abbreviation: in brackets after it, or after 即 / 是指 / ：."""
    lead = _AFTER_LEAD.match(text, at, end)
    if lead is None:
        return []
    stop = re.compile(r"[）)。；;]|[，,](?![^，,。；;）)]*、)").search(text, lead.end(), end)
    run = text[lead.end():stop.start() if stop else end]
    return split_run(run, lead.end()) if "、" in run or "和" in run else []


def _cut_lead(run: str, offset: int) -> list[tuple[int, int]]:
    """The items of a 、-run after the last lead word before its first 、 (全面推进决策、执行 → 决策, 执行)."""
    first = run.index("、")
    cuts = [m.end() for m in _LEAD.finditer(run[:first]) if first - m.end() >= MIN_NAMES]
    begin = cuts[-1] if cuts else 0
    tail = _TAIL_COUNT.search(run, run.rindex("、"))  # …、市政服务共3个目录: the count is no part of the item
    run = run[:tail.start()] if tail else run
    own = _OWN_BODY.match(run, begin)  # 推进我局决策、执行: the body is no part of the first item
    begin = own.end() if own and run.index("、") - own.end() >= MIN_NAMES else begin
    return split_run(run[begin:], offset + begin)


def _enumerations(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Each 、-list of one sentence, a list that runs on past a comma kept whole (将A、B，C、D等按时公开); quoted
    phrases side by side (落实“A、B”“C”，以及“D”等要求) are one list of whole phrases, their inner 、 no break."""
    plain = _plain_enumerations(text, start, end)
    out: list[list[tuple[int, int]]] = []
    for run in _QUOTED_RUN.finditer(text, start, end):
        a, b = run.span()
        if any(spans[0][0] < b and spans[-1][1] > b for spans in plain):
            continue  # “A”、“B”、C、D: a 、-list running on past the quotes is the list
        plain = [spans for spans in plain if not (spans[0][0] < b and spans[-1][1] > a)]  # cut at a quote's own 、
        out.append([(q.start(1), q.end(1)) for q in _QUOTED_ITEM.finditer(text, a, b)])
    return [*out, *plain]


def _plain_enumerations(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Each 、-list of one sentence, a list that runs on past a comma kept whole (将A、B，C、D等按时公开)."""
    out: list[list[tuple[int, int]]] = []
    clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(text, start, end)]
    current: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(clauses):
        words = text[a:b]
        if "、" not in words:
            if current:
                out.append(current)
            current = []
            continue
        goes_on = bool(current) and text[a - 1] in "，," and words.index("、") <= MAX_RUN_LEAD \
            and not _LEAD.search(words[:words.index("、")])
        if current and not goes_on:
            out.append(current)
            current = []
        spans = split_run(words, a) if goes_on else _cut_lead(words, a)
        current = [*current, *spans]
        ends_list = re.search(r"等(?![级待同于])", words) is not None
        if ends_list or i == len(clauses) - 1:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return [spans for spans in out if len(spans) >= MIN_NAMES]


def _area(text: str, scope: Scope) -> Scoped:
    """The enumeration in the sentence naming the area (or in the sentence right after one that names it without a
    list), the area not one of its items; no items when no such sentence lists any."""
    sentences = _sentences(text)
    short = re.sub(r"(?:领域|方面|工作|信息|网站|平台)$", "", scope.words)  # 环境保护领域 → 环境保护, not 政府网站 → 政府
    names = {scope.words, *([short] if len(_GENERIC.sub("", short)) >= MIN_NAMES else [])}
    first: tuple[int, int] | None = None
    for i, (s, e) in enumerate(sentences):
        said = [text.find(n, s, e) for n in names if len(n) >= MIN_NAMES]
        if not any(at >= 0 for at in said):
            continue
        first = first or (s, e)
        # 发布A、B；在某平台绑定发布C: a list in a clause (；) before the one naming the area is another channel's
        clause = text.rfind("；", s, min(at for at in said if at >= 0)) + 1
        for a, b in sentences[i:i + 1 + NEXT_SENTENCES]:
            lists = [spans for spans in _enumerations(text, a, b)
                     if not any(n in text[x:y] for x, y in spans for n in names if len(n) >= MIN_NAMES)
                     and not (a == s and spans[-1][1] <= clause)]
            marked = [spans for spans in lists if _marked(text, a, spans)]
            if marked:  # 通过公众号、视频号等平台，发布A、B等: what was published first, not where
                marked.sort(key=lambda spans: not _PUBLISHED.search(_lead_of(text, a, spans)))
                return Scoped(marked[0], (a, b))
    return Scoped([], first)


def _marked(text: str, start: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a run reads as a list of things: led by a lead word (将 / 重点突出 / 发布 / 分别是) or closed by 等; a
    clause like 根据自治区、市里的要求 is neither."""
    after = text[spans[-1][1]:spans[-1][1] + 2]
    return bool(_LEAD.search(_lead_of(text, start, spans)) or _PUBLISHED.search(_lead_of(text, start, spans))
                or after.lstrip("”」 ").startswith("等"))


def _lead_of(text: str, start: int, spans: list[tuple[int, int]]) -> str:
    """The few characters before a list's first item (its lead: 发布 / 通过 / 未运用)."""
    return text[max(start, spans[0][0] - LEAD_REACH):spans[0][0]]


def _means(text: str, scope: Scope) -> Scoped:
    """The enumeration said right before a means word (采取A、B等多种形式 / 通过A、B等方式) in the sentence that shares
    most of the activity's own words."""
    own = _GENERIC.sub(" ", scope.words)
    pairs = {own[i:i + 2] for i in range(len(own) - 1)} - {p for p in (own[i:i + 2] for i in range(len(own) - 1))
                                                              if " " in p}
    best: tuple[int, Scoped] = (0, Scoped([], None))
    for s, e in _sentences(text):
        said = text[s:e]
        shared = sum(p in said for p in pairs)
        if shared <= best[0]:
            continue
        lists = [spans for spans in _enumerations(text, s, e) if not _NEGATED.search(_lead_of(text, s, spans))
                 and (re.search(r"(?:通过|借助|依托|利用)[^，,。；;、]{0,3}$", _lead_of(text, s, spans))  # 通过A、B，提高知晓率
                      or re.match(r"(?:等)?(?:多种|多个|各种|[两三四五六七八九十]种)?(?:的)?(?:" + _MEANS_WORDS + ")",
                             text[spans[-1][1]:spans[-1][1] + 12].lstrip("”」 "))
                      or re.search(r"等[^，,。；;]{0,6}(?:" + _MEANS_WORDS + ")", text[spans[-1][1]:spans[-1][1] + 16]))]
        if lists:
            best = (shared, Scoped(lists[0], (s, e)))
    return best[1] if best[0] >= 1 else Scoped([], None)


def _pairs(words: str) -> set[str]:
    """The two-character runs of a scope's words, beyond the words every report says when it has any others."""
    own = {words[i:i + 2] for i in range(len(words) - 1)}
    kept = {p for p in own if not _GENERIC.search(p) and len(_GENERIC.sub("", p)) == len(p)}
    if re.search(r"建(?:起|了|成)?$", words):  # 监督保障方面建了哪些制度: the sentence says 建立健全
        kept |= set(lx.BUILT[:2])
    return kept or own


def _rules(text: str, scope: Scope) -> Scoped:
    """The enumeration said with the rule word in the sentence that shares most of the activity's words: the one that
    ends at it (“A、B”工作机制 / 健全A、B、C机制, the word cut from the last item) first, else the one right after it
    (完善工作机制，坚持A、B)."""
    pairs = _pairs(scope.words)
    headed = _headed_lines(text, scope, pairs)
    if headed.items:
        return headed
    told = _told(text, scope)
    if told.items:
        return told
    best: tuple[tuple[int, bool], Scoped] = ((0, False), Scoped([], None))
    for s, e in _sentences(text):
        shared = sum(p in text[s:e] for p in pairs)
        # as many of the activity's words: the sentence saying the rule word asked (制度, not 原则) first
        key = (shared, re.search(scope.noun, text[s:e]) is not None)
        if not shared or key <= best[0]:
            continue
        said = [s + m.start() for m in re.finditer(scope.noun, text[s:e])] \
            or [s + m.start() for m in re.finditer(_RULE_WORDS, text[s:e])]
        lists = _enumerations(text, s, e)
        before = [_cut_at(spans[:i + 1], at) for spans in lists for at in said for i, (a, b) in enumerate(spans)
                  if a < at <= b + LEAD_REACH and (i + 1 == len(spans) or at < spans[i + 1][0])]
        own = re.search(scope.noun, text[s:e]) is not None  # 有什么要求 read from “A，B”的原则 when 要求 is unsaid
        before += [spans for q in _QUOTED_RULE.finditer(text, s, e) if q.group(2) == scope.noun or not own
                   for spans in [_quote_pieces(text, q.start(1), q.end(1))]]
        after = [spans for spans in lists if any(0 <= spans[0][0] - at <= MAX_RUN_LEAD for at in said)]
        whole = [own_run for spans in lists if (own_run := _each_named(text, spans, scope.noun))]
        found = [spans for spans in (*whole, *before, *after) if len(spans) >= MIN_NAMES]
        if found:
            best = (key, Scoped(found[0], (s, e)))
    return best[1]


# whom the question says the requirements were made of (对各社区有什么要求 → 各社区)
_TOLD = re.compile(r"(?:对|向|给)([\u4e00-\u9fff]{2,8}?)(?:提出?|提了|有|下达|作出|布置|明确)?$")


def _told(text: str, scope: Scope) -> Scoped:
    """The clauses after the rule word said with whom it binds (要求各村要加强A，明确B): asked 对各社区有什么要求, the
    sentence that makes the requirement of them answers, each clause one item."""
    whom = _TOLD.search(scope.words)
    if whom is None:
        return Scoped([], None)
    said = re.compile(re.escape(scope.noun) + r"(?:了)?" + re.escape(whom.group(1)) + r"(?:要|必须|务必|应当|应|都要)?")
    for s, e in _sentences(text):
        m = said.search(text, s, e)
        if m is None:
            continue
        items = [(m.end() + c.start(), m.end() + c.end()) for c in _CLAUSE.finditer(text[m.end():e])
                 if len(c.group(0).strip()) >= MIN_NAMES]
        if items:
            return Scoped(items, (s, e))
    return Scoped([], None)


# one quoted phrase right before the rule word (按照“只跑一次，一窗受理”的原则): its clauses are the rules
_QUOTED_RULE = re.compile(f"[{_OPEN}]([^{_OPEN}{_CLOSE}。]{{4,60}})[{_CLOSE}](?:的|这一?|等)?({_RULE_WORDS})")
# a line standing alone as an item (依法依规 / 1、依法依规 / （一）依法依规): short, no sentence marks
_ITEM_LINE = re.compile(r"(?:\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十]、)?\s*"
                        r"([\u4e00-\u9fff“”]{2,12})\s*")
MAX_HEADING = 20  # characters of a heading line that names the rules (政务公开原则)


def _quote_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of one quoted phrase (“只跑一次窗口，提交一次材料” → two), cut at ， 、 and ；."""
    out = []
    for m in re.finditer(r"[^，,、；;]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        if b - a >= MIN_NAMES:
            out.append((a, b))
    return out if len(out) >= MIN_NAMES else []


def _headed_lines(text: str, scope: Scope, pairs: set[str]) -> Scoped:
    """Rules a report lists as lines under a heading that names them (政务公开原则 / then 依法依规, its explanation,
    真实有效, its explanation …, or 1、依法依规 / 2、真实有效): the short lines, each an item."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if text[m.start():m.end()].strip()]
    for i, (s, e) in enumerate(lines):
        head = text[s:e].strip()
        if len(head) > MAX_HEADING or re.search(r"[。，,；;]", head) or scope.noun not in head \
                or not any(p in head for p in pairs):
            continue
        items: list[tuple[int, int]] = []
        explained = False
        style = _numbered(text[lines[i + 1][0]:lines[i + 1][1]]) if i + 1 < len(lines) else ""
        for a, b in lines[i + 1:]:
            m = _ITEM_LINE.fullmatch(text, a, b)
            if m is not None and _numbered(text[a:b]) != style:
                break  # 1、A / 2、B / 六、其他: the next heading, numbered its own way
            if m is not None and (not items or explained or style):
                items.append((m.start(1), m.end(1)))
                explained = False
            elif m is None and items and not explained:
                explained = True  # the line explaining the item before it
            else:
                break
        if items and not explained and not style:
            items = items[:-1]  # the last short line explains nothing: it ends the list (a signature)
        if len(items) >= MIN_NAMES:
            return Scoped(items, (s, items[-1][1]))
    return Scoped([], None)


def _numbered(line: str) -> str:
    """How a line is numbered: "1" (1、 / 1.), "(" (（一） / (1)), "一" (一、), "" when it is not."""
    m = re.match(r"\s*(?:(\d{1,2}[、.．])|([（(][一二三四五六七八九十\d]{1,2}[）)])|([一二三四五六七八九十]、))", line)
    return "" if m is None else "1" if m.group(1) else "(" if m.group(2) else "一"


def _each_named(text: str, spans: list[tuple[int, int]], noun: str) -> list[tuple[int, int]]:
    """A run whose every item says the rule word itself (A制度、B制度和C制度): its items whole, the last one split at
    its 和/及/与 when both halves say the word; [] for a run sharing one word at its end (A、B、C机制)."""
    *head, (a, b) = spans
    if not noun or not head or not all(text[x:y].endswith(noun) for x, y in head):
        return []
    m = re.fullmatch(r"(.+?" + re.escape(noun) + r")(?:以及|和|及|与)(.+?" + re.escape(noun) + r")", text[a:b])
    if m:
        return [*head, (a, a + m.end(1)), (a + m.start(2), b)]
    return [*head, (a, b)] if text[a:b].endswith(noun) else []


def _cut_at(spans: list[tuple[int, int]], at: int) -> list[tuple[int, int]]:
    """The list with its last item ending before offset at (风险排查机制 → 风险排查), an item too short then dropped."""
    a, b = spans[-1]
    last = [(a, min(b, at))] if min(b, at) - a >= MIN_NAMES else []
    return [*spans[:-1], *last]


def _roles(text: str, scope: Scope) -> Scoped:
    """Each role a sentence names with its task (主要领导亲自部署、亲自督导 / 分管领导具体负责): the sentence naming a leader
    and most roles, sharing the activity's words on a tie."""
    pairs = _pairs(scope.words)
    best: tuple[tuple[int, int], Scoped] = ((0, 0), Scoped([], None))
    for s, e in _sentences(text):
        items: list[tuple[int, int]] = []
        for m in _PIECE.finditer(text, s, e):
            role = _ROLE.search(m.group(0))
            if role is not None and len(m.group(0)) - role.end() >= MIN_NAMES:
                items.append((m.start() + role.start(), m.end()))
            elif items and items[-1][1] == m.start() - 1 and text[items[-1][1]] == "、":  # 亲自部署、亲自督导: the same role's
                items[-1] = (items[-1][0], m.end())
        score = (len(items), sum(p in text[s:e] for p in pairs))
        if scope.noun and not _REVIEW.search(text, s, e):
            continue
        if len(items) >= MIN_NAMES and any(_LEADER.search(text[a:b]) for a, b in items) and score > best[0]:
            best = (score, Scoped(items, (s, e)))
    return best[1]


def lists_rules_or_roles(question: str) -> bool:
    """Whether a question asks the mechanisms one activity kept to or the division of its work (a list even when it
    names a table's topic: 依申请公开坚持了哪几条机制)."""
    scope = scope_asked(question)
    return scope is not None and scope.kind in {RULES, ROLES}


def lacked_when_unsaid(scope: Scope) -> bool:
    """Whether a report that never says the scope lacks the answer (a quoted term or slogan of the report's own), rather
    than another route possibly holding it (an area, an activity, an unquoted term)."""
    return scope.quoted and names_only(scope)


def names_only(scope: Scope) -> bool:
    """Whether the sentence that names the scope answers even without items (a term or slogan the report uses without
    spelling it out); an area or an activity named without a list is no answer."""
    return scope.kind in {ABBREVIATION, SLOGAN}


def scope_label(scope: Scope, *, spelled: bool = True) -> str:
    """What an answer calls the items of a scope (“五公开”所指的各项 / 培训队伍采用的形式)."""
    if not spelled:
        return f"报告提到“{scope.words}”，但没有逐项列出它指哪些"
    if scope.kind == ABBREVIATION:
        return f"“{scope.words}”所指的各项"
    if scope.kind == SLOGAN:
        return f"报告里“{scope.words}”的提法"
    if scope.kind == MEANS:
        return f"{scope.words}采用的{scope.noun}"
    if scope.kind == RULES:
        told = _TOLD.search(scope.words)  # 对各社区有什么要求: the requirements made of them, not kept to
        return f"{scope.words[:told.end(1)]}提出的{scope.noun}" if told else f"{scope.words}坚持的{scope.noun}"
    if scope.kind == ROLES:
        return f"{scope.words or '这项工作'}的分工"
    return f"“{scope.words}”方面列举的各项"
