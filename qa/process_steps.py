"""The steps of a process a report states in one sentence, asked as a list (要过哪几道关 / 经过哪些环节 / 审核流程是什么
/ 要经过谁签字): the review chain (经办人初核、科室负责人把关、分管领导审批流程), a chain of clauses (由各科室采编把关，
办公室审核后报分管领导审定，最后由办公室统一报送), arrows (拟稿→审核→签发) or levels (实行科室、办公室、分管领导三级审核).

    >>> text = "信息发布前实行拟稿人自审、科室负责人复核、分管领导审签的流程。"
    >>> [text[a:b] for a, b in chain_steps(text, 0)]
    ['拟稿人自审', '科室负责人复核', '分管领导审签']
"""

from __future__ import annotations

import re

# a question asking the steps of a process (几道关 / 哪些环节 / 审核流程 / 经过谁签字 / 几级审核)
PROCESS_ASKED = re.compile(
    r"几道(?:关|程序|手续|审核)|(?:哪|分|要|经过|经)几个?步|哪些步|几个步骤|哪[几些][道个]?(?:关|关口)|(?:哪些|哪几个?|什么|啥|哪[两三四五])(?:样的)?(?:环节|流程|程序|步骤|关口)"
    r"|几级(?:审核|审查|把关|审批|审定|审签|签批|签发)|(?:审核|审批|审签|审查|把关|发布|报送)(?:的)?(?:流程|程序|步骤|环节)"
    r"|(?:经过|经|(?<=[要需得须])过)(?:哪些|谁|哪几)(?!渠道|方式|途径|平台|媒体|载体)|谁(?:来)?(?:签字|签发|签批|审核|审批|把关|审定|审签)"
    r"|(?:哪些|哪几个?|什么)(?:人|领导|部门|岗位|科室)[^，,。？?]{0,4}?(?:审核|审批|审定|审签|把关|签发|签批|签字|审查|核稿)"
    r"|(?:审核|审批|审定|把关|签发|审查)(?:人|的人|的)?(?:都|分别)?(?:是|有)(?:谁|哪些人|哪几个人|哪些部门)")
# the words of a step of review (初核 / 把关 / 审批 / 报送): a sentence with a chain of them states a process
STEP = re.compile(r"审核|审批|签批|审定|审签|审查|审阅|审读|把关|初核|初审|复核|复审|终审|核稿|核签|签发|报送|报批|会签|校对|送审")
# what marks a sentence as stating a process even with one step word (流程 / 三级审核 / 机制)
_MARK = re.compile(r"流程|程序|环节|[一二三四五两\d]级|[一二三四五两\d]道|机制|制度")
_CLAUSE = re.compile(r"[^，,；;。！？!?]+")
# where one step ends and the next starts (、 / → / 后报 / 再由 / 最后)
_CUT = re.compile(r"后?[、，,；;→＞>]|－>|-+>|—+>?|后(?=[报由再送经交提呈])|(?:然后|最后|最终|再由|再经|再报|再送)")
# the words before the first step (实行 / 严格遵循 / 经), cut off; 经办人 is a step's doer, no lead
_LEAD = re.compile(r".*(?:实行|执行|遵循|按照|落实|履行|坚持|实施|采取|采用|建立|严格|经过|经(?!办|济|费|营|验|常)|包括|包含|涵盖|含)")
_HEAD = re.compile(r"^(?:由|再|并|然后|最后|最终|经过|经(?!办|济|费|营|验|常)|先|后)+")
_TAIL = re.compile(r"(?:等)?\s*(?:的)?(?:[一二三四五六七八九十两\d]+\s*个?[级道步个项]?(?:审核|审查|把关|审批|程序|流程|环节|步骤)?"
                   r"|流程|机制|程序|制度|模式|环节|工作)+$")
# a chain of reviewers said before one shared verb (经A、B和C严格审批后 / 由A、B、C审定): the roles are the steps
ROLES_REVIEWED = re.compile(r"(?:经过?(?!办(?!公)|济|费|营|验|常)|由)[^，,；;。]{1,20}?、[^，,；;。]{1,30}?(?:" + STEP.pattern + ")")
_AND = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:以及|和|及(?!时|早))(?=[\u4e00-\u9fff]{2})")  # …站办所和主要领导
_SHARED_VERB = re.compile(r"(?:严格|逐级|层层|依次|分别|共同|统一|集体)?(?:" + STEP.pattern + ")")
# who does a step asked (哪些人 / 谁 / 哪几个部门): a step that names a doer answers, not an act (受理 / 答复)
PEOPLE_ASKED = re.compile(r"哪些人|哪几个人|什么人|哪些领导|哪些部门|哪几个?部门|哪几级|哪些岗位|谁")
DOER = re.compile(r"(?:人|人员|领导|负责人|专干|专员|科室|处室|股室|办公室|站所|站办所|部门|主任|局长|书记|小组|组|委员会|班子|科|处|股|室)$")
MIN_STEPS = 2
MAX_STEP = 30  # characters: a longer piece is a sentence, not one step


def process_asked(question: str) -> bool:
    """Whether a question asks the steps of a process (要过哪几道关 / 中间经过哪些环节 / 审核流程是怎样的)."""
    return PROCESS_ASKED.search(question) is not None


def chain_steps(said: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each step of the process one sentence states, two or more; [] when it states none: the clause
    whose 、-items each are a step (or that ends in 流程 / 三级审核) first, else the run of clauses that each say a step."""
    clauses = [c for c in _CLAUSE.finditer(said) if STEP.search(c.group(0))]
    for c in clauses:  # 经A、B和C审批后: the reviewers, each a step, before the verb they share
        roles = ROLES_REVIEWED.search(c.group(0))
        if roles is not None:
            steps = _roles(said, c.start() + roles.start(), c.start() + roles.end(), offset)
            if len(steps) >= MIN_STEPS:
                return steps
    for i, c in enumerate(clauses):
        words = c.group(0)
        if "、" in words or "→" in words or ">" in words:
            end = c.end()
            if words.endswith("后") and i + 1 < len(clauses) and clauses[i + 1].start() == end + 1:
                end = clauses[i + 1].end()  # 经科室初审、法规科复核后，报主要领导签发: the chain goes on
            steps = _steps(said, c.start(), end, offset)
            marked = _MARK.search(words) or sum(bool(STEP.search(said[a - offset:b - offset])) for a, b in steps) >= 2
            if len(steps) >= MIN_STEPS and marked:
                return steps
    runs: list[list[re.Match[str]]] = []
    for c in clauses:
        if runs and said[runs[-1][-1].end():c.start()] in ("，", ",", "；", ";"):
            runs[-1].append(c)
        else:
            runs.append([c])
    for run in sorted(runs, key=len, reverse=True):
        steps = _steps(said, run[0].start(), run[-1].end(), offset)
        if len(steps) >= MIN_STEPS + 1 and sum(bool(STEP.search(said[a - offset:b - offset])) for a, b in steps) >= 2:
            return steps
    return []


def process_marked(said: str) -> bool:
    """Whether a sentence states a process: two step words, or one with 流程 / 三级 / 机制, or reviewers before the
    verb they share (经A、B和C审批)."""
    return len(STEP.findall(said)) >= 2 or bool(STEP.search(said) and _MARK.search(said)) \
        or ROLES_REVIEWED.search(said) is not None


def doers(said: str, steps: list[tuple[int, int]], offset: int) -> int:
    """How many of the steps name who does them (保密专干 / 分管领导审签), not only the act (受理 / 答复)."""
    return sum(DOER.search(_SHARED_VERB.split(said[a - offset:b - offset])[0]) is not None for a, b in steps)


def _roles(said: str, start: int, end: int, offset: int) -> list[tuple[int, int]]:
    """The reviewers of 经A、B和C审批 between start and end: cut at 、 and 和, the lead (经 / 由) and shared verb off."""
    lead = re.match(r"(?:经过?|由)", said[start:end])
    pos = start + (lead.end() if lead else 0)
    verb = [m for m in _SHARED_VERB.finditer(said, pos, end)][-1]
    stop = verb.start()
    out, base = [], pos
    for m in [*re.finditer(r"、|" + _AND.pattern, said[base:stop]), None]:
        b = base + m.start() if m is not None else stop
        if b - pos > MAX_STEP:
            return []
        if b - pos >= 2:
            out.append((offset + pos, offset + b))
        pos = base + m.end() if m is not None else stop
    if any(STEP.search(said[a - offset:b - offset]) for a, b in out):
        return []  # 经科室初审、法规科复核后: each says its own step, no shared verb (chain_steps' clauses read it)
    return out


def _steps(said: str, start: int, end: int, offset: int) -> list[tuple[int, int]]:
    """The pieces between start and end cut at each step's end, their leads and tails trimmed."""
    lead = _LEAD.match(said, start, end)
    pos = lead.end() if lead is not None and lead.end() < end - 2 else start
    out = []
    for m in [*_CUT.finditer(said, pos, end), None]:
        stop = m.start() if m is not None else end
        piece = said[pos:stop]
        head = _HEAD.match(piece)
        a = pos + (head.end() if head else 0)
        tail = _TAIL.search(said[a:stop])
        b = a + tail.start() if tail is not None and tail.start() >= 2 else stop
        if b - a >= 2:
            if b - a > MAX_STEP:
                return []
            out.append((offset + a, offset + b))
        pos = m.end() if m is not None else end
    return out

