"""Items a report lists inside one sentence, found without a topic table: the question asks for the items of
something (送到哪些地方 / 更新了哪几方面的政策文件 / 394条信息都放在哪些栏目里), and the sentence that shares most of its
words and holds an enumeration (A、B和C等 / 《A》《B》 / 其中A类x条、B类y条) gives them.

    >>> text = "年报在网站公布，并报送档案馆、图书馆和市民大厅供群众查阅。"
    >>> ask = items_asked("年报还送到哪些地方供群众查阅？")
    >>> [text[a:b] for a, b in best_items(text, 0, len(text), ask)]
    ['档案馆', '图书馆', '市民大厅']

A number the question states (394条) pins the sentence that states it as the whole before its parts. The fallback of
qa/sentence_names.py's topics; a count (多少 / 几件) and the work, problems or measures of a section are not asked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govqa.qa.process_steps import PEOPLE_ASKED, PROCESS_ASKED, chain_steps, doers, process_asked, process_marked
from govqa.qa.sentence_names import MIN_NAMES, counted_items, split_run
from govqa.qa.words import tokens

# a word asking for several items: 哪些 / 哪几种 / 哪三个 / 都有什么 (a bare 什么 asks one thing as often as many)
# (是什么 / 制发了什么通知 ask one thing as often as many)
_ASK = re.compile(r"哪些|哪几|哪[两三四五六七八九十][个项种类条]?|(?:都|还|主要)?(?:有|包括|包含)(?:些)?(?:什么|啥)"
                  r"|(?<=围绕|聚焦|紧扣|紧贴|紧盯)了?(?:些)?(?:什么|啥)"
                  # 更新完善过什么信息 / 健全了啥制度: a verb done to several things of a plural kind (公开了什么规定 names
                  # one document, 《…规定》)
                  r"|(?<=[\u4e00-\u9fff]{2}[了过])(?:些)?(?:什么|啥)(?=信息|内容|制度|机制|措施|事项|举措)")
# 哪几种 / 哪些类 asks kinds of the noun said before it (发的信息主要是哪几种): its verb and noun
_CLASSIFIERS = frozenset({"", "种", "类", "样", "类别", "种类", "类型"})
_KIND_OF = re.compile(r"([\u4e00-\u9fff])的([\u4e00-\u9fff]{2,4}?)(?:主要|都|一般|大多|大致)?(?:是|有|包括|分为?)?$")
# the verbs of what a piece of work centred on: one said in the question ties a list led by any of them
FOCUS_VERBS = ("围绕", "聚焦", "紧扣", "紧贴", "紧盯", "瞄准", "着眼", "针对")
_COUNT_ASKED = re.compile(r"多少|(?<!哪)几[个件条次篇项]|数量|总数|最多|最少|最高|最低|排名|排前")
# 哪些机关收到过申请: which agencies, the catalog's and the tables' question; 哪些单位参加了培训 lists the report's own
_AGENCY_NOUN = re.compile(r"机关|部门|单位|政府|区县|县区|乡镇|街道|[局委办厅]$")
_TOOK_PART = re.compile(r"参加|参与|出席|配合|联合|协同|列席")
_EACH = re.compile(r"各|分别|每")
# a change or a comparison asked (与去年相比有什么增减 / 有哪些变化): figures, not items listed in a sentence
_CHANGE_ASKED = re.compile(r"增减|变化|变动|增长|增加|减少|下降|上升|区别|不同|差别|差异|相比|同比|环比|比上一?年|较上一?年|比去年|较去年")
_NUMBER = re.compile(r"(\d+)\s*([条件项个篇])")
# characters that carry no content of what is asked (question words, particles, measure words)
_BLANK = re.compile(r"[^\u4e00-\u9fff]|哪|些|几|什么|啥|呢|吗|的|了|过|都|还|也|又|主要|一共|共|个|项|种|类|方面|里|中|上|"
                    r"(?<=\d)年|说|想|找|请问|我们|他们|这个|那个|该|其|老百姓"
                    # a preposition before whom or what for (为群众提供 / 给企业提供): 为 of 作为/因为/行为 stays
                    r"|(?<![作认成因行以称])为(?![止主例])|(?<![供补配交发])给")
# words every report says: they count for little (信息公开 is the subject of all of them)
_COMMON = frozenset({"信息", "公开", "政府", "政务", "工作", "年报", "报告", "全年", "情况", "开展", "进行", "群众"})
_COMMON_WORDS = re.compile("|".join(sorted(_COMMON)))
# the words before a list that end its lead (涉及 / 包括 / 开设了 / 报送 / ：)
_LEAD = (r"用于|用在|花在|涉及|包括|做到|包含|涵盖|覆盖|集中在|集中于|主要有|主要为|分别为|分别是|分为|围绕|通过|依托|利用|借助|报送|送至|送到|放在|"
         r"组织|邀请|安排|会同|设置|开设|设立|开通|更新|修订|完善|制定|出台|印发|发布|公开|建立|编制|梳理|公布|有|为|是|了|[：:]")
_LEAD_VERB = re.compile(_LEAD)
_CLAUSE = re.compile(r"[^，,；;。！？!?]+")
_SENTENCE = re.compile(r"[^。！？!?]+")
_TITLES = re.compile(r"《[^《》]{2,40}》")
_QUOTES = re.compile(r"“[^“”。；;]{2,40}”")  # a quoted rule may hold its own 、 and ，（“谁起草、谁把关，谁发布、谁负责”）
_TITLE_GAP = re.compile(r"[、，,和及与\s]*|[，,]?以及")
_TAIL_COUNT = re.compile(r"(?:共|等)?(?:\d+(?:\.\d+)?余?|[两三四五六七八九十]+)(?:条|件|项|个|篇|种|类|次|场|家)[^、]*$")
# the noun after the asking word (哪几方面的政策文件 → 政策文件 / 哪些地方供群众查阅 → 地方)
_NOT_NOUN = "供用给在里是有都被到让来去作可以呢吗的上中了"
_VERB_START = "修完制发公开设更印出建报送参负进组包涉放看查解搞必需应要"  # 制度修订了 / 事项必须: a verb or modal after the noun
_NOUN = re.compile(r"(?:[个项种条大])?(?:样的|方面的?|类的?)?((?:(?![" + _NOT_NOUN + r"])[\u4e00-\u9fff]){1,2}"
                   r"(?:(?![" + _NOT_NOUN + _VERB_START + r"])[\u4e00-\u9fff]){0,2})")
_ACTION = re.compile(r"进行|开展|实施|实行|组织|做了|作了|加以|予以|给予")  # what is done to the things asked
_NOUN_NONE = re.compile(r"(?:[个项种条大])?(?:样的)?(?:方面的?|类的?)?()")
_SKIP = re.compile(r"(?:\s|等|[（(][^）)]*[）)])*")  # what may stand between the last item and the words after it
_NOUN_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:主要|都|还|分别|一共|共)?(?:有|是|包括|包含)?(?:了)?$")
_IN = re.compile(r"中[，,：:]")  # 在主动公开的90条政府信息中，A类信息10条；B类信息5条: the whole, then its counted parts
NOUN_WEIGHT = 3.0  # the asked noun said in or right after the items (…信息、…信息 / …等渠道): they are the things asked
_NOUN_MARK = {"类别": "类", "种类": "类", "类型": "类", "栏目": "栏", "专栏": "栏"}  # 哪些类别 → A类信息12条
NOUN_REACH = 6  # characters after the last item where the noun may stand
VERB_WEIGHT = 2.0  # the question's verb right before the first item (修订完善《A》《B》 / 列明A、B)
VERB_REACH = 4  # characters before the first item where the verb may end
WHOLE_WEIGHT = 0.5  # the question's words anywhere in the sentence
NEAR_WEIGHT = 2.0  # the question's words in the clause that holds the list
PIN_WEIGHT = 3.0  # the sentence states the number asked, before its parts: enough on its own
MAX_ITEM = 30  # characters: a longer piece is a sentence or a table's row, not one item
_GLUED = re.compile(r"\d{5,}")  # a table's cells read as one line (2000002): no item
MIN_SCORE = 3.0  # a list must match this much of the question to be its answer
COMMON_WEIGHT = 0.3
OUTRANK = 4.0  # how much better than a topic's own list an enumeration must match the question to replace it
DOER_WEIGHT = 4.0  # every step naming who does it, when a process is asked by who (经过哪些人审批)
PROCESS_WEIGHT = MIN_SCORE  # a process asked (几道关 / 哪些环节) and a sentence stating one: enough on its own
STEP_WEIGHT = 0.5  # each step of a stated process, up to MAX_STEP_BONUS of them: a longer list is no better answer
MAX_STEP_BONUS = 3
LISTED_PENALTY = 1.0  # a list said before a process word loses a tie to a chain of steps the sentence states
LEAD_REACH = 12  # characters before a list's first item that name what it is of (投诉举报受理、…)
# a process word right after a list (…、回复工作机制 / …等10个环节 / …三道程序)
_PROCESS_AFTER = re.compile(r"(?:等)?\s*(?:[\d一二三四五六七八九十两]+\s*[个道项步级])?(?:的)?(?:工作|办理|审核|审批)?"
                            r"(?:机制|流程|环节|程序|步骤|关口|制度)")
_PROCESS_END = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:工作|办理)?(?:机制|流程|环节|程序|步骤)$")


_QUOTED_WORD = re.compile(r"[“「‘]([^”」’]{1,6})[”」’]")  # 信息公开“专人”负责哪些: the word every item repeats
QUOTED_WEIGHT = MIN_SCORE + NOUN_WEIGHT  # every item says the quoted word (专人负责、专人审核、专人发布): enough alone


@dataclass(frozen=True)
class ItemsAsk:
    """What a question asks the items of: its content words (before and after the asking word), its verb, and a
    number that pins the sentence (394条)."""

    before: tuple[str, ...]  # the runs of content words before the asking word
    after: tuple[str, ...]  # the runs after the asked noun (供群众查阅): where the list ends
    noun: str = ""  # the thing asked (地方 / 政策文件 / 申请渠道)
    verb: str = ""
    number: str = ""  # 394条 → "394"
    process: bool = False  # the steps of a process asked (要过哪几道关 / 经过哪些环节): a chain of steps answers
    people: bool = False  # …asked by who does them (经过哪些人审批 / 谁把关): a chain of doers answers before acts
    quoted: tuple[str, ...] = ()  # a word the question quotes (“专人”负责哪些): items each saying it answer


# a leading clause that sets when (建统一的发布流程时， / 在整改过程中，): what it names is the setting, not the ask
_CONTEXT_CLAUSE = re.compile(r"^[^，,。？?]*?(?:时|时候|期间|过程中)[，,]")


def items_asked(question: str) -> ItemsAsk | None:
    """What a question asks the items of (送到哪些地方 → verb 送), or None: it asks no items, or a count (多少件)."""
    process = process_asked(_CONTEXT_CLAUSE.sub("", question))  # 建发布流程时，共享了什么: no steps asked
    m = _ASK.search(question) or (PROCESS_ASKED.search(question) if process else None)
    if m is None or _COUNT_ASKED.search(question) and not _EACH.search(question) or _CHANGE_ASKED.search(question):
        return None
    number = _NUMBER.search(question)
    head = question[:m.start()]
    noun = _NOUN.match(question, m.end())
    if noun and _ACTION.match(noun.group(1)):  # 对哪些内容开展自查: 进行 begins what is done to them, no noun
        noun = _NOUN_NONE.match(question, m.end())
    rest = question[noun.end():] if noun else question[m.end():]
    said = noun.group(1) if noun else ""
    before = None if said or re.search(r"[\u4e00-\u9fff]", rest) else _NOUN_BEFORE.search(head)
    if before is not None:  # 申请渠道有哪些 / 修订完善的制度都有什么: the noun before the asking word, the verb before it
        said = before.group(1).lstrip("的")
    verb = _verb_of(head[:before.start()] if before is not None else head, question)
    if _USE_ASKED.search(head):  # 经费主要用在 / 花在哪些地方: what money went to, said 用于A、B
        verb = USE_VERB
    focus = next((v for v in FOCUS_VERBS if re.search(v + r"了?些?$", head)), "")
    kind = _KIND_OF.search(head)
    if said in _CLASSIFIERS and kind is not None:  # 网站上发的信息主要是哪几种: kinds of 信息, sent by 发
        said, verb = kind.group(2), kind.group(1)
    if focus:  # 解读都围绕什么: the verb of centring on, no noun before it
        said, verb = noun.group(1) if noun else "", focus
    if noun and _AGENCY_NOUN.match(said) and not verb and not _TOOK_PART.search(rest):
        return None
    return ItemsAsk(before=_runs(head), after=_runs(rest), noun=said, verb=verb,
                    number=number.group(1) if number else "", process=process,
                    people=process and PEOPLE_ASKED.search(question) is not None,
                    quoted=tuple(q.group(1) for q in _QUOTED_WORD.finditer(question)))


USE_VERB = "用于"
_USE_ASKED = re.compile(r"(?:用于|用在|用到|花在|花到|投在|投向)(?:了|的|都|主要)*$")
_USE_SAID = ("用于", "用在", "用到", "花在", "投向", "投入")


def _verb_of(head: str, whole: str = "") -> str:
    """The last one or two characters of what a question says before its noun, particles and adverbs cut off."""
    words = re.sub(r"(?:了|过|的|到|在|出|是|有|都|还|主要|些)+$", "", head)
    m = re.search(r"(?:(?![还都也又再就才共说年把将被对给向要])[\u4e00-\u9fff]){1,2}$", words)  # 主要用 → 用
    if m and len(m.group(0)) == 2 and whole and _one_character_word(whole, m.end() - 1):
        return m.group(0)[-1]  # 开放日请了 → 请: a one-character verb after a noun, not the noun's last character
    return m.group(0) if m else ""


def _one_character_word(whole: str, at: int) -> bool:
    """Whether the question's words cut the character at `at` as a word of its own (开放日/请/了, not 修订/完善)."""
    pos = 0
    for token in tokens(whole):
        pos = whole.find(token, pos)
        if pos == at:
            return len(token) == 1
        pos += len(token)
    return False


def _runs(words: str) -> tuple[str, ...]:
    """The runs of a question's content words (question words and particles cut out), two characters or more."""
    return tuple(run for run in _BLANK.split(words) if len(run) >= MIN_NAMES)


def best_items(text: str, start: int, end: int, ask: ItemsAsk) -> list[tuple[int, int]]:
    """(start, end) of each item of the enumeration between start and end that best matches what is asked; [] when
    none matches clearly (a pinned number not stated, no tie to the question's shape, or too few of its words)."""
    ranked = [(score, spans) for score, tied, spans in scored_lists(text, start, end, ask) if tied]
    best = max(ranked, key=lambda r: r[0], default=(0.0, []))
    return without_shared_lead(text, best[1]) if best[0] >= MIN_SCORE else []


# a verb (with its adverb) said once before the first item and shared by all (实时反馈僵尸栏目、严重错误等问题): no
# part of the first item's name; a list whose items each start with such a verb (发现问题、整改问题) keeps them
_SHARED_LEAD = re.compile(r"(?:实时|及时|全面|主动|集中|认真|重点|逐一|定期|随时|第一时间)?"
                          r"(?:反馈|发现|存在|出现|排查|查找|查出|检查出|监测出|暴露出?|反映出?|指出|梳理出?|聚焦|解决|整改|纠正"
                          r"|清理|处理|回应|解答|监测|检查|整治)(?:了|出)?")


def without_shared_lead(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The items with a lead verb said before the first only (实时反馈 of 实时反馈僵尸栏目、严重错误) left out of it."""
    if len(spans) < MIN_NAMES:
        return spans
    (a, b), rest = spans[0], spans[1:]
    lead = _SHARED_LEAD.match(text, a, b)
    if lead is None or b - lead.end() < MIN_NAMES or any(_SHARED_LEAD.match(text, x, y) for x, y in rest):
        return spans
    return [(lead.end(), b), *rest]


def echoed_items(text: str, ask: ItemsAsk) -> list[tuple[int, int]]:
    """The enumeration the question echoes word for word: the noun asked right after its items and the question's words
    after that noun going on there (在“A”“B”平台公示 for 在哪些平台上公示); [] when none does."""
    echoed = [(score, spans) for score, tied, spans in scored_lists(text, 0, len(text), ask)
              if tied and ask.after and _noun_said(text, spans, ask.noun)[1] and _goes_on(text, spans[-1][1], ask.after)]
    best = max(echoed, key=lambda r: r[0], default=(0.0, []))
    return [*best[1], *_parallel(text, best[1][-1][1], ask)] if best[0] >= MIN_SCORE else []


def _parallel(text: str, end: int, ask: ItemsAsk) -> list[tuple[int, int]]:
    """The names the next clauses of the same sentence add in the same words (…平台公示A，在B平台公示C: B平台)."""
    out = []
    sentence = _SENTENCE.match(text, end)
    for c in _CLAUSE.finditer(text, end, sentence.end() if sentence else end):
        m = re.match(r"[，,；;]?(?:并|同时|还|也)?(?:在|于|通过|依托|向)([^，,。；;“”]{2,20}?" + re.escape(ask.noun) + ")",
                     text[c.start():c.end()])
        if m is not None and c.start() > end and _goes_on(text, c.start() + m.end(), ask.after):
            out.append((c.start() + m.start(1), c.start() + m.end(1)))
    return out


def outranking(text: str, spans: list[tuple[int, int]], ask: ItemsAsk) -> list[tuple[int, int]]:
    """The enumeration tied to the question that matches it clearly better (by OUTRANK) than the list a topic's own
    sentence gave (spans), or []: 门户网站上发的信息主要是哪几种 reads 发布A、B等各类信息, not the first sentence on 主动公开."""
    ranked = scored_lists(text, 0, len(text), ask)
    start, end = sentence_span(text, spans[0][0])
    own = max((score for score, _, found in ranked if found[0][0] < end and found[-1][1] > start), default=0.0)
    best = max(((score, found) for score, tied, found in ranked if tied and not start <= found[0][0] < end),
               key=lambda r: r[0], default=(0.0, []))
    return best[1] if best[0] >= max(2 * MIN_SCORE, own + OUTRANK) else []


TOPIC_SAID = 3.0  # how much of the question's own topic (第三方…监测网站) the sentence of such a list must say
_PART_WORDS = re.compile(r"存在|问题|不足|短板|薄弱|差距|改进|措施|整改")


def topic_items(text: str, ask: ItemsAsk, *, outside: tuple[int, int]) -> list[tuple[int, int]]:
    """The items of an enumeration the asked noun follows (僵尸栏目、严重错误等各种问题 for 哪些问题) in a sentence saying
    the topic the question names (第三方盯着网站和新媒体), outside the report's own part of that name (存在的问题): a
    question on the problems of one activity is not asked the report's problems; [] when no sentence says both."""
    runs = tuple(r for r in (*ask.before, *ask.after) if not _PART_WORDS.search(r))
    ranked = []
    for score, tied, spans in scored_lists(text, 0, len(text), ask):
        if not tied or outside[0] <= spans[0][0] < outside[1] or not _noun_said(text, spans, ask.noun)[1]:
            continue
        start, end = sentence_span(text, spans[0][0])
        if _score(text[start:end], runs) >= TOPIC_SAID:
            ranked.append((score, spans))
    best = max(ranked, key=lambda r: r[0], default=(0.0, []))
    return without_shared_lead(text, best[1]) if best[0] >= MIN_SCORE else []


def sentence_span(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the sentence holding offset at."""
    m = _SENTENCE.search(text, max(text.rfind(mark, 0, at) for mark in "。！？!?") + 1)
    return (m.start(), m.end()) if m else (at, at)


def scored_lists(text: str, start: int, end: int, ask: ItemsAsk) -> list[tuple[float, bool, list[tuple[int, int]]]]:
    """Each enumeration between start and end with its score against what is asked and whether its shape ties it to
    the question: the number stated, the noun asked said by every item or right after them, a verb of two characters
    right before them, or the question's words going on right after them (…农办参加 / …（专区）供群众查阅)."""
    out = []
    words = (*ask.before, *ask.after)
    quoted: list[tuple[float, bool, list[tuple[int, int]]]] = []
    for s in _SENTENCE.finditer(text, start, end):
        said = s.group(0)
        if ask.number and not re.search(rf"(?<![\d.]){ask.number}\s*[条件项个篇]", said):
            continue
        whole = _score(said, words)
        if ask.quoted:  # “专人”负责哪些: a list whose every item says the quoted word is the one asked, before any other
            quoted.extend((QUOTED_WEIGHT + WHOLE_WEIGHT * whole, True, spans) for _, _, spans in _candidates(said, s.start(), ask)
                          if len(spans) >= MIN_NAMES and all(_says_beyond(text[a:b], ask.quoted) for a, b in spans))
        if ask.process:  # the steps of a process asked: only a sentence stating one answers
            chain = chain_steps(said, s.start()) if process_marked(said) else []
            for steps in _process_lists(said, s.start(), ask):
                done_by = DOER_WEIGHT * doers(said, steps, s.start()) / len(steps) if ask.people else 0.0
                done_by -= LISTED_PENALTY if steps != chain else 0.0  # a list before 机制, not a chain of steps
                # the words around the steps (投诉举报受理、核查、回复机制) weigh more than a longer list elsewhere
                near = _score(text[max(s.start(), steps[0][0] - LEAD_REACH):steps[-1][1] + NOUN_REACH], words)
                out.append((PROCESS_WEIGHT + WHOLE_WEIGHT * whole + NEAR_WEIGHT * near
                            + STEP_WEIGHT * min(len(steps), MAX_STEP_BONUS) + done_by, True, steps))
            continue
        for a, b, spans in _candidates(said, s.start(), ask):
            near = _score(text[a:b], words)  # the clause that holds the list weighs more than a long sentence
            (noun, named), verb = _noun_said(text, spans, ask.noun), _verb_led(text, a, spans, ask)
            score = WHOLE_WEIGHT * whole + NEAR_WEIGHT * near + (PIN_WEIGHT if ask.number else 0.0) + noun \
                + (VERB_WEIGHT if verb else 0.0)
            tied = bool(ask.number or named or len(verb) >= MIN_NAMES
                        or _goes_on(text, spans[-1][1], ask.after)
                        or len(spans) == MIN_NAMES and "、" not in text[spans[0][0]:spans[-1][1]]
                        and _PAIR_LEAD.search(text, spans[0][0] - 2, spans[0][0]) is not None
                        and _goes_on(text, spans[-1][1], _pair_words(ask)))  # 对A和B进行常态化自查
            if all(any(text[a:b].strip("“”") in run for run in words) for a, b in spans):
                tied = False  # 在“A”“B”栏目里发布哪些信息: the names the question says itself are no answer
            out.append((score, tied, spans))
    return quoted or out


def _says_beyond(item: str, quoted: tuple[str, ...]) -> bool:
    """Whether an item says a quoted word and more (专人审核 for “专人”; not “规划信息” itself, the question's own name)."""
    return any(w in item and item.strip("“”「」") != w for w in quoted)


def _process_lists(said: str, offset: int, ask: ItemsAsk) -> list[list[tuple[int, int]]]:
    """The step lists of one sentence: the chain of steps it states, and each enumeration said right before a process
    word (受理、核查、回复工作机制 / A、B、C三个环节)."""
    steps = chain_steps(said, offset) if process_marked(said) else []
    out = [steps] if steps else []
    for _, _, spans in _candidates(said, offset, ask):
        a, b = spans[-1]
        own = _PROCESS_END.search(said[a - offset:b - offset])  # …、回复工作机制: the process word ends the last item
        if own is not None:
            spans = [*spans[:-1], (a, a + own.start())]
        rest = _SKIP.match(said, spans[-1][1] - offset)
        after = said[rest.end() if rest else spans[-1][1] - offset:][:NOUN_REACH + 2]
        if own is None and _PROCESS_AFTER.match(after):  # …、回复工作 | 机制: the process word's own head
            a, b = spans[-1]
            spans = [*spans[:-1], (a, b - 2 if re.search(r"[\u4e00-\u9fff]{2}(?:工作|办理)$", said[a - offset:b - offset]) else b)]
        overlaps = any(a < y and x < b for a, b in spans for x, y in steps)  # the chain read again: the chain answers
        if (own is not None or _PROCESS_AFTER.match(after)) and not overlaps:
            out.append(spans)
    return out


def _noun_said(text: str, spans: list[tuple[int, int]], noun: str) -> tuple[float, bool]:
    """How much the asked noun is said with the items: NOUN_WEIGHT right after them (…等渠道), else that weight shared
    by the items that say it; and whether its last word (类别 → 类) is said right after them or by every item."""
    if not noun:
        return 0.0, False
    tail = _NOUN_MARK.get(noun[-2:], noun[-2:])
    words = {noun[:2], tail}
    skip = _SKIP.match(text, spans[-1][1])  # …采购合同等采购项目信息: 等 and an aside before the noun
    after = skip.end() if skip else spans[-1][1]
    if tail in text[spans[-1][1]:spans[-1][1] + NOUN_REACH] or tail in text[after:after + NOUN_REACH]:
        return NOUN_WEIGHT, True
    said = [any(w in text[a:b] for w in words) for a, b in spans]
    return NOUN_WEIGHT * sum(said) / len(spans), all(tail in text[a:b] for a, b in spans)


def _verb_led(text: str, start: int, spans: list[tuple[int, int]], ask: ItemsAsk) -> str:
    """The question's verb when it stands right before the first item, or, when it says none before the asking word,
    a lead verb it says after it (哪些制度修订了 / 修订《A》《B》); "" when none does."""
    lead = text[max(start, spans[0][0] - VERB_REACH - len(ask.verb)):spans[0][0]]
    if ask.verb:  # a question that says its own verb before the asking word is tied by that verb only
        if ask.verb in FOCUS_VERBS:  # 聚焦哪些热点 / 围绕A、B等: one verb of centring on ties another
            return next((v for v in FOCUS_VERBS if v in lead), "")
        if ask.verb == USE_VERB:  # 花在哪些地方 / 主要用于A、B
            return next((v for v in _USE_SAID if v in lead), "")
        if len(ask.verb) == 1:  # 开放日请了哪些人 → 邀请A、B: the word the one-character verb ends, right before them
            said_verb = re.search(r"[\u4e00-\u9fff]" + re.escape(ask.verb) + r"了?$", lead)
            if said_verb:
                return said_verb.group(0).rstrip("了")
        return ask.verb if ask.verb in lead else ""
    said = [m.group(0) for m in _LEAD_VERB.finditer(lead) if len(m.group(0)) >= MIN_NAMES and m.group(0) not in _COMMON]
    return next((v for v in said if any(v in run for run in ask.after)), "")


def _goes_on(text: str, end: int, after: tuple[str, ...]) -> bool:
    """Whether the question's words after its noun go on right after the last item (an aside, 等 and spaces skipped:
    …（专区）供查阅 for 供群众查阅); a common word (信息) is no such tie."""
    rest = _SKIP.match(text, end)
    ahead = re.sub(r"\s+", "", text[rest.end() if rest else end:end + NOUN_REACH * 4])[:NOUN_REACH]
    runs = [p for run in after for p in _COMMON_WORDS.split(run)]  # 信息公开作为重点 → 作为重点: no 息公 across words
    return any(run[i:i + 2] in ahead for run in runs for i in range(len(run) - 1))


def _score(said: str, runs: tuple[str, ...]) -> float:
    """How much of the question's content a passage says: each longest piece of a question run found in it counts
    one for each two characters (a common word for little), so 申请信息公开 counts 申请, 信息 and 公开, not five pairs."""
    score = 0.0
    for run in runs:
        i = 0
        while i < len(run) - 1:
            j = next((j for j in range(len(run), i + 1, -1) if run[i:j] in said), i)
            if j - i >= MIN_NAMES:
                piece = run[i:j]
                score += sum(COMMON_WEIGHT if piece[k:k + 2] in _COMMON else len(piece[k:k + 2]) / 2
                             for k in range(0, len(piece), 2))
                i = j
            else:
                i += 1
    return score


def _candidates(said: str, offset: int, ask: ItemsAsk) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Each enumeration in one sentence: (start, end) of the words around it and the spans of its items."""
    out = []
    counted = counted_items(said, offset) or _counted_after_whole(said, offset)
    if counted:
        out.append((counted[0][0] - 12, counted[-1][1], counted))
    titles = list(_TITLES.finditer(said))
    out.extend(_groups(titles, said, offset))
    out.extend(_groups(list(_QUOTES.finditer(said)), said, offset))  # 在“信用中国”“信用福建”平台公示
    for c in _CLAUSE.finditer(said):
        clause = c.group(0)
        if "、" not in clause and (_pair_words(ask) or len(ask.verb) >= MIN_NAMES):
            pair = _pair_items(clause, offset + c.start(), ask)
            if pair:
                out.append((offset + c.start(), offset + c.end(), pair))
        if "、" not in clause or all(_quoted_at(said, c.start() + i) for i, ch in enumerate(clause) if ch == "、"):
            continue  # “谁起草、谁把关”: the 、 of a quoted phrase joins no list
        spans = _run_items(clause, offset + c.start(), ask)
        if len(spans) >= MIN_NAMES:
            out.append((offset + c.start(), offset + c.end(), spans))
    also = _verb_and_also(said, offset, ask)
    if also:
        out.append((also[0][0] - VERB_REACH - len(ask.verb), also[-1][1], also))
    if ask.number:
        out = [(a, b, spans) for a, b, spans in out if _whole_first(said, offset, spans, ask.number)]
        out = [(a, b, _without_whole(said, offset, spans, ask.number)) for a, b, spans in out]
    return [(max(a, offset), b, spans) for a, b, spans in out if len(spans) >= MIN_NAMES]


# what may stand between the verb and its object (完善了我局的…): a particle and the body's own name
_OBJECT_LEAD = re.compile(r"(?:了|好)?(?:(?:我|本|该)(?:局|委|厅|办|区|县|市|镇|乡|单位|机关|部门)(?:的)?)?")
_ALSO_LEAD = re.compile(r"\s*(?:以及|还有)")


def _verb_and_also(said: str, offset: int, ask: ItemsAsk) -> list[tuple[int, int]]:
    """The question's verb's object in one clause and each next clause led by 以及 (实时更新A，以及B的流程: A, B): items
    joined past a comma, no 、 between them; [] when the verb has no such run."""
    if len(ask.verb) < MIN_NAMES:
        return []
    clauses = list(_CLAUSE.finditer(said))
    for n, c in enumerate(clauses[:-1]):
        at = c.group(0).rfind(ask.verb)
        if at < 0:
            continue
        lead = _OBJECT_LEAD.match(said, c.start() + at + len(ask.verb))
        items = [(lead.end() if lead else c.start() + at + len(ask.verb), c.end())]
        for d in clauses[n + 1:]:
            m = _ALSO_LEAD.match(d.group(0))
            if m is None:
                break
            items.append((d.start() + m.end(), d.end()))
        if len(items) >= MIN_NAMES and all(b - a >= MIN_NAMES for a, b in items):
            return [(offset + a, offset + b) for a, b in items]
    return []


_PAIR_LEAD = re.compile(r"对|将|把|就|针对|围绕|[：:]")
MAX_PAIR_ITEM = 12  # characters of one item of a pair joined by 和 (更新频率和信息内容)


def _pair_items(clause: str, offset: int, ask: ItemsAsk) -> list[tuple[int, int]]:
    """Two items joined by 和 / 及 / 与 / 以及 (no 、), led by 对 / 将 / 把 / 就, right before the question's own words
    after its asking word (对A和B进行常态化自查 for 对哪些方面进行常态化自查); [] when the clause goes on otherwise or
    the question names them itself."""
    led = _verb_pair(clause, offset, ask)
    if led:
        return led
    pieces = [run[i:i + 2] for run in _pair_words(ask) for i in range(len(run) - 1)]
    for join in re.finditer(r"以及|和|及(?!时|早)|与", clause):
        found = [clause.find(p, join.end() + MIN_NAMES) for p in pieces]
        at = min((f for f in found if f >= 0), default=-1)
        if at - join.end() < MIN_NAMES or at - join.end() > MAX_PAIR_ITEM:
            continue
        cuts = [m.end() for m in _PAIR_LEAD.finditer(clause, 0, join.start()) if join.start() - m.end() >= MIN_NAMES]
        if not cuts or join.start() - cuts[-1] > MAX_PAIR_ITEM:
            continue  # 六是强化A和完善B制度: two pieces of work, no pair of things led by 对 / 将
        first = clause[cuts[-1]:join.start()]
        second = re.sub(r"(?:进行|开展|实施|加以|予以|等|的)+$", "", clause[join.end():at])
        named = [run for run in (*ask.before, *ask.after) if first.strip("“”") in run or second.strip("“”") in run]
        if len(second) >= MIN_NAMES and not named:  # 在“A”和“B”栏目 asked of A and B: the question's own names
            return [(offset + cuts[-1], offset + join.start()), (offset + join.end(), offset + join.end() + len(second))]
    return []


def _verb_pair(clause: str, offset: int, ask: ItemsAsk) -> list[tuple[int, int]]:
    """Two items of one kind (the same last word) joined by 和 / 及 / 与 right after the question's own verb, to the
    clause's end (加强经费保障和人员保障 for 加强了哪两块); [] when the clause holds no such pair (围绕A工作和B关切)."""
    if len(ask.verb) < MIN_NAMES:
        return []
    m = re.search(re.escape(ask.verb) + r"了?((?:(?!以及|和|及|与)[\u4e00-\u9fff]){2,12})(?:以及|和|及(?!时|早)|与)"
                  r"([\u4e00-\u9fff]{2,12})$", clause)
    if m is None or m.group(1)[-2:] != m.group(2)[-2:]:  # 经费保障和人员保障: a pair of one kind, not two aims
        return []
    return [(offset + m.start(1), offset + m.end(1)), (offset + m.start(2), offset + m.end(2))]


def _pair_words(ask: ItemsAsk) -> tuple[str, ...]:
    """The question's words a pair's second item stands right before: those after its asking word (对哪些内容开展自查 →
    进行自查), else the last run before it (常态化自查哪些方面 → 常态化自查)."""
    return ask.after or ask.before[-1:]


def _quoted_at(said: str, at: int) -> bool:
    """Whether offset at of the sentence lies inside a “…” quote."""
    return said.count("“", 0, at) > said.count("”", 0, at)


def _groups(marks: list[re.Match[str]], said: str, offset: int) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Each run of two or more titles or quoted names standing side by side (《A》《B》 / “A”“B”、“C”)."""
    out = []
    group: list[re.Match[str]] = []
    for t in [*marks, None]:
        if t is not None and group and _TITLE_GAP.fullmatch(said, group[-1].end(), t.start()):
            group.append(t)
            continue
        if len(group) >= MIN_NAMES:  # the words around them: a few before, the rest of the clause after
            clause_end = _CLAUSE.match(said, group[-1].end())
            out.append((offset + group[0].start() - 12, offset + (clause_end.end() if clause_end else group[-1].end()),
                        [(offset + g.start(), offset + g.end()) for g in group]))
        group = [t] if t is not None else []
    return out


def _counted_after_whole(said: str, offset: int) -> list[tuple[int, int]]:
    """A counted list led by 在…N条…中， (no 其中): its parts after the whole."""
    m = _IN.search(said)
    return counted_items(":" + said[m.end():], offset + m.end() - 1) if m else []


def _run_items(clause: str, offset: int, ask: ItemsAsk) -> list[tuple[int, int]]:
    """The items of a run joined by 、 in one clause: after the last lead word (or the question's verb) before the first
    、, up to 等, a count, an aside, or the question's words said after the items."""
    first = clause.index("、")
    own = len(ask.verb) >= MIN_NAMES  # one character (发) may begin a longer lead (发布): the lead words end that
    lead = r"(?:" + _LEAD + (r"|" + re.escape(ask.verb) if own else "") + r")"
    later = clause[first + 1:].split("、")
    cuts = [m.end() for m in re.finditer(lead, clause[:first]) if first - m.end() >= MIN_NAMES
            and not (len(m.group(0)) == 1 and all(m.group(0) in piece for piece in later))]  # 栏目有更新、内容有审核
    begin = cuts[-1] if cuts else 0
    if begin and clause[begin - 1] in "做达" and clause[begin:begin + 1] == "到" and first - begin > MIN_NAMES:
        begin += 1  # 要求做 | 到A、B: the verb's own 到 (the question's verb read as 求做)
    stop = len(clause)
    last = clause.rfind("、")
    earlier = clause[begin:last] + ask.noun  # a word the items share (网上申请、当面申请) ends none of them
    for w in (run[i:i + 2] for run in (*ask.before, *ask.after) for i in range(len(run) - 1)):
        at = clause.find(w, last)
        marked = "等" in clause[at:] and "等" not in clause[last:at]  # …惠企政策等: 等 ends the list, not 政策
        named = any(clause[last + 1:at].strip() in run for run in (*ask.before, *ask.after))  # …、政务公开专区: its own name
        if at - last > MIN_NAMES and w not in earlier and not marked and not named:  # 各乡镇农办参加业务培训: the item ends where the question goes on
            stop = min(stop, at)
    run = clause[begin:stop]
    aside = re.search(r"[（(][^）)]*[）)]", run[run.rfind("、"):])  # …市民大厅（政务公开专区）供群众查阅: ends with its aside
    if aside is not None:
        run = run[:run.rfind("、") + aside.end()]
    tail = _TAIL_COUNT.search(run[run.rfind("、"):])
    if tail is not None:
        run = run[:run.rfind("、") + tail.start()]
    spans = _without_asked_words(clause, offset, split_run(run, offset + begin), ask)
    pieces = [clause[a - offset:b - offset] for a, b in spans]
    return [] if any(len(p) > MAX_ITEM or _GLUED.search(p) for p in pieces) else spans


def _without_asked_words(clause: str, offset: int, spans: list[tuple[int, int]], ask: ItemsAsk) -> list[tuple[int, int]]:
    """The items with the question's own words cut from the head of the first (投诉举报受理 asked of the 投诉举报
    mechanism → 受理): what the question names is the thing, not a part of its first item; a head the other items
    share too (采购意向、采购公告) stays."""
    if len(spans) < MIN_NAMES or not ask.process:  # a process named by the question (栏目有更新 keeps its 栏目)
        return spans
    a, b = spans[0]
    first = clause[a - offset:b - offset]
    cut = max((n for n in range(MIN_NAMES, len(first) - MIN_NAMES + 1)
               if any(first[:n] in run for run in (*ask.before, *ask.after))), default=0)
    shared = any(first[:cut] in clause[x - offset:y - offset] for x, y in spans[1:])  # 采购意向、采购公告: a shared head
    return [(a + cut, b), *spans[1:]] if cut and not shared and _COMMON_WORDS.fullmatch(first[:cut]) is None else spans


def _whole_first(said: str, offset: int, spans: list[tuple[int, int]], number: str) -> bool:
    """Whether the sentence states the asked number before its first item (the whole, then its parts)."""
    m = re.search(rf"(?<![\d.]){number}\s*[条件项个篇]", said)
    return m is not None and offset + m.end() <= spans[0][0]


def _without_whole(said: str, offset: int, spans: list[tuple[int, int]], number: str) -> list[tuple[int, int]]:
    """The items without one that restates the whole (全文电子化的信息共90条 among the parts of 90条)."""
    whole = re.compile(rf"(?<![\d.]){number}\s*[条件项个篇]$")
    return [(a, b) for a, b in spans if not whole.search(said[a - offset:b - offset])]
