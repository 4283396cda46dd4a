"""Named facts the prose states in one sentence, found for qa/prose_facts.py's kinds: the name of a rule or system the
report says it issued or follows (下发《…管理办法》 / 落实“三审三校”制度), the ways an application can be sent in
(开设了网络、信函、当面申请等渠道) and the closing lines (抄送：… / …办公室2022年1月7日印发).

    >>> text = "我局印发《青梧区林业局政务新媒体管理办法》，规范账号运维。全年发布信息80条。"
    >>> a, b = rule_span(text, "为了管好新媒体，出台了什么办法？")
    >>> text[a:b]
    '我局印发《青梧区林业局政务新媒体管理办法》，规范账号运维。'
    >>> rule_names(text[a:b], "为了管好新媒体，出台了什么办法？")
    ['《青梧区林业局政务新媒体管理办法》']
"""

from __future__ import annotations

import re

RULE_NOUN = r"(?:制度|办法|规定|方案|机制|规范|细则|规则|文件|意见|通知|清单|指引|指南|规程|条例|机制)"
_ISSUE = (r"(?:制定|出台|印发|下发|制发|下达|颁布|发布|发了|建立|执行|实行|施行|落实|推行|依据|根据|按照|遵循|依照|修订|修改|修正|完善|健全|更新|编制|编印|"
          r"编写|重新?编|改了|改过|修了|定了|出了|搞了|立了|建了|用的|用了|走的)")
# a rule or system asked by name: 印发过一个什么办法 / 实行哪种保密审查制度 / 依据哪个规定 / 用哪套制度 / 办法叫什么
RULE_ASKED = re.compile(
    _ISSUE + r"(?:了|的|过)?(?:是)?(?:个|一个|一项|一份|哪个|哪项|哪一项|哪份|哪一份|哪部|哪种|哪一种|哪类|哪套|哪一套|什么|啥|何种)(?:样的)?[\u4e00-\u9fff]{0,10}?"
    + RULE_NOUN
    + r"|(?:什么|啥|哪个|哪项|哪种|哪一?套|何种)[\u4e00-\u9fff]{1,6}?(?:制度|机制)"
    + r"|" + RULE_NOUN + r"(?:名称|名字)?(?:叫|名叫|是)(?:什么|啥)(?:名字)?|叫(?:什么|啥)(?:名字)?的?" + RULE_NOUN
    + r"|" + RULE_NOUN + r"是哪(?:个|项|一个|一项|种)\s*[？?。]?\s*$")  # 落实的审核制度是哪个: the rule named last
# a name said for a rule: a document title, a quoted system (“三审三校”制度) or a system's name (三级审核制度)
_NAMED = re.compile(r"《[^》]{2,60}》(?:[（(][^）)]{1,8}[）)])?"
                    r"|“[^”]{2,16}”(?:\s*(?:制度|机制|模式|原则|工作法)|(?=[^。，,]{0,14}?(?:制度|机制|模式|原则|工作法)))"
                    r"|“[^”]{1,14}?(?:制|制度|机制)”"  # a system named in its own quotes: 落实“三审制”
                    r"|(?:(?<=落实|执行|实行|建立|健全|推行|完善|实施|遵循|坚持)|(?<=(?:落实|执行|实行|建立|健全|推行|实施)了))"
                    r"(?!了|健全|完善)[\u4e00-\u9fff]{2,8}?(?:制度|机制)"  # 建立健全A制度: A制度, not 健全A制度
                    # the next systems of a run after one (建立健全A制度、B制度和C制度: 什么制度 asks all of them)
                    r"|(?<=(?:制度|机制)[、和及])[\u4e00-\u9fff]{2,8}?(?:制度|机制)"
                    # a document changed, named without 《》: 修订完善青梧区林业局政府信息公开指南
                    # (制定完善了青梧区林业局政务公开事项清单: the verb's 了 aside)
                    r"|(?:(?<=修订|修改|修正|完善|更新|编制|编印|重编|制定|出台|梳理)|(?<=(?:修订|修改|修正|完善|更新|编制|编印|重编|制定|出台|梳理)了))"
                    r"(?!修订|修改|修正|完善|更新|制定|了)[\u4e00-\u9fff]{2,30}?(?:指南|目录|办法|规定|细则|规范|清单|制度|手册)")
_CHANGE = re.compile(r"修订|修改|修正|完善|更新|重新?编|改了|改过|修了")  # a document changed, said either way
_MADE = re.compile(r"制定|编制|出台|建立|梳理|编印|编写|定了|出了|搞了|立了|建了")  # a document made, said either way
_AGENCY_LEAD = re.compile(r"[^\d？?，,。]{2,30}?(?=(?:19|20)\d{2}\s*年)")  # the agency a question opens with, before its year
_QUALIFIER = re.compile(r"(?:什么|啥|哪个|哪项|哪份|哪部|哪种|哪套|何种)(?:样的)?([\u4e00-\u9fff]{1,6}?)" + RULE_NOUN)
# the kind said between the verb's 的/了 and the noun asked by name (实行的保密审查制度叫什么 / 是哪个 → 保密审查)
_NAMED_KIND = re.compile(r"[的了]([^\W\d_的了]{1,4}?)" + RULE_NOUN + r"(?:的?名称|的?名字)?(?:(?:叫|名叫|是)(?:个)?(?:什么|啥)|是哪(?:个|项|一个|一项|种))")
_STOP = re.compile(r"[\s？?，,。、“”《》]|什么|哪个|哪些|为了|年报|报告|政府|信息|公开|制度|办法|规定|执行|什么|工作|专门|文件")
QUALIFIER_WEIGHT = 3  # every character of the asked kind (审校 → 三审三校) said by a name in the sentence
NOUN_WEIGHT = 2  # a name that is the noun asked (办法 → 《…管理办法》)
MIN_RULE_SCORE = 3
LEAD_REACH = 12  # characters before a name the question's words may lead into it over
TITLE_REACH = 200  # characters at the start of a report within which its title ends (…年度报告)

# the ways an application comes in, as the prose names them (网络、信函、当面申请等渠道)
_CHANNEL = re.compile(r"网络|网上|在线|互联网|门户网站|信函|邮寄|来信|写信|当面|现场|窗口|传真|电子邮件|电子邮箱|邮箱")
_CHANNEL_NOUN = re.compile(r"渠道|方式|途径|形式|提出|提交|受理")
_CHANNEL_LIST = re.compile(r"([^，,。；;：:]{0,24}?(?:、|和|及|或)[^，,。；;：:]{1,24}?)等?(?:多种)?(?:渠道|方式|途径|形式)")
_CHANNEL_LEAD = re.compile(r"^.*?(?:开设了?|开通了?|设立了?|设置了?|提供了?|畅通了?|通过|采取|采用|包括|可以|可)")
MAX_SENTENCE = 200  # characters: a longer run is a table's cells read as one line

_COPY = re.compile(r"抄送\s*[：:]\s*([^。\n]{2,80})")
_ISSUED = re.compile(r"([^\s。：:；;\n]{2,30})\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发")
# a line break ends a sentence (a table's cells are lines), except inside a title (《…本级行\n\n政机关…清单》)
_SENTENCE = re.compile(r"(?:[^。！？!?\n《]|《[^》。！？!?]{0,60}》|《)+[。！？!?]?")


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def _bigrams(question: str) -> set[str]:
    return {question[i:i + 2] for i in range(len(question) - 1)} - {""}


def _asked_kind(question: str) -> str:
    """The kind of rule asked (什么审校制度 → 审校; 信息审校用的什么制度 → 审校), or ""."""
    qualifier = _QUALIFIER.search(question)
    if qualifier:
        return qualifier.group(1).lstrip("的样个")
    named = _NAMED_KIND.search(question)
    if named and not _STOP.search(named.group(1)):
        return named.group(1)
    before = re.search(r"([\u4e00-\u9fff]{2})" + _ISSUE, question)
    return before.group(1) if before and not _STOP.search(before.group(1)) else ""


def rule_span(text: str, question: str) -> tuple[int, int] | None:
    """The sentence naming the rule or system the question asks (the one sharing most of its words, its kind's
    characters said by a name), or None when no sentence names one for it."""
    title_end = text.find("报告", 0, TITLE_REACH)
    title = text[:max(title_end, 0)]  # the agency and year the question also says: no tie to one sentence
    lead = _AGENCY_LEAD.match(question)  # 青梧区林业局2020年…: a report without its title up front says the name too
    title += lead.group() if lead else ""
    words = {w for w in _bigrams(question) if not _STOP.search(w) and not w.isdigit() and w not in title}
    kind = _asked_kind(question)
    noun = re.search(RULE_NOUN + r"(?=[^制办规方机细文意通清指条]*$)", question)
    best, best_score = None, 0
    for s, e in _sentences(text):
        said = text[s:e]
        names = [m.group() for m in _NAMED.finditer(said)]
        if not names or e - s > MAX_SENTENCE:
            continue
        score = sum(w in said for w in words)
        if kind:  # 审校 → “三审三校”; 审核 → “三审三校” by its 审
            score += QUALIFIER_WEIGHT * max(sum(c in name for c in set(kind)) for name in names)
        if noun and (noun.group() == "文件" or any(noun.group() in name for name in names)):  # 文件: any document
            score += NOUN_WEIGHT
        if _CHANGE.search(question) and _CHANGE.search(said) or _MADE.search(question) and _MADE.search(said):
            score += 1  # 更新了哪个文件 → 修订完善…指南; 编制了哪个清单 → 制定…清单
        if score > best_score:
            best, best_score = (s, e), score
    return best if best_score >= MIN_RULE_SCORE else None


def rule_names(sentence: str, question: str) -> list[str]:
    """The names of rules the sentence says, those of the asked noun (办法) first when any is."""
    kind = _asked_kind(question)
    # the name saying most of the asked kind (审批 → …审批制度), then the one the question's own words lead into
    # (信息发布落实“三审制” for 信息发布落实的是什么制度), then a name in its own marks (“三审制”) before a described one
    found = sorted(_NAMED.finditer(sentence), key=lambda m: (-sum(c in m.group() for c in set(kind)),
                                                             -_led_by(sentence, m.start(), question),
                                                             m.group()[:1] not in "“《"))
    names = list(dict.fromkeys(m.group().strip() for m in found))
    fit = [n for n in names if kind and any(c in n for c in kind)]
    noun = re.search(RULE_NOUN + r"(?=[^制办规方机细文意通清指条]*$)", question)
    fit = fit or [n for n in names if noun and noun.group() in n]
    return fit or names


def _led_by(sentence: str, at: int, question: str) -> int:
    """How many characters just before `at` the question also says in a row (0 when fewer than two)."""
    n = 0
    while n < min(at, LEAD_REACH) and sentence[at - n - 1:at] in question:
        n += 1
    return n if n >= 2 else 0


def channel_span(text: str) -> tuple[int, int] | None:
    """The sentence naming the most ways an application can be sent in (two at least), or None."""
    best, most = None, 1
    for s, e in _sentences(text):
        said = text[s:e]
        if e - s > MAX_SENTENCE or not _CHANNEL_NOUN.search(said) or "申请" not in said:
            continue
        said_ways = len(set(_CHANNEL.findall(said)))
        if said_ways > most:
            best, most = (s, e), said_ways
    return best


def channel_names(sentence: str) -> str:
    """The ways listed before 等渠道 / 等方式 (网络、信函、当面申请), or ""."""
    for m in _CHANNEL_LIST.finditer(sentence):
        listed = _CHANNEL_LEAD.sub("", m.group(1)).strip()
        if len(_CHANNEL.findall(listed)) >= 2:
            return listed
    return ""


_COMPILED_BY = re.compile(r"由([^。，,；;]{2,30}?)(?:负责|牵头|组织)?(?:编制|编写|起草)")


def compiled_by(sentence: str) -> str:
    """Who the sentence says compiled the report (本报告由X编制 → 由X编制), or ""."""
    m = _COMPILED_BY.search(sentence)
    return f"由{m.group(1)}编制" if m else ""


def copy_span(text: str) -> tuple[int, int] | None:
    """The 抄送 line near the end of the report, or None."""
    found = [m for m in _COPY.finditer(text) if m.start() > len(text) // 2]
    return (found[-1].start(), found[-1].end()) if found else None


def copied_to(line: str) -> str:
    """Who a 抄送 line names."""
    m = _COPY.search(line)
    return m.group(1).strip().rstrip("。") if m else ""


def issued_span(text: str) -> tuple[int, int] | None:
    """The 印发 line (…办公室2022年1月7日印发) near the end of the report, or None."""
    found = [m for m in _ISSUED.finditer(text) if m.start() > len(text) // 2]
    return (found[-1].start(), found[-1].end()) if found else None


def issued_by(line: str) -> str:
    """Who issued the report and when, from its 印发 line."""
    m = _ISSUED.search(line)
    return f"{m.group(1)}，{m.group(2)}印发" if m else ""


# the body a report is addressed to, on the line after its title (…年度报告 区管委会办公室：) or 致… / 报送…
_ADDRESSEE = re.compile(r"(?:报告|年报)\s*(?:致|报送|呈报|主送)?\s*[:：]?\s*"
                        r"([\u4e00-\u9fff]{2,24}?(?:办公室|办公厅|委员会|管委会|政府|局|厅|部|处|科|中心|组))\s*[：:]")
_PAGE_DATE = re.compile(r"(?:发布时间|发布日期|发文日期|日期|时间)\s*[：:]\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)")
HEADER_REACH = 400  # characters at the start of a crawled page within which its header (时间：…) stands


def addressee_span(text: str) -> tuple[int, int] | None:
    """The addressee after the report's title (…年度报告区管委会办公室：), or None."""
    m = _ADDRESSEE.search(text, 0, TITLE_REACH + 100)
    return (m.start(1), m.end()) if m else None


def addressed_to(line: str) -> str:
    """Who the addressee line names (区管委会办公室：→ 报送区管委会办公室), or ""."""
    m = re.match(r"\s*([\u4e00-\u9fff]{2,24}?)\s*[：:]", line)
    return f"报告呈报{m.group(1)}" if m else ""


# the site a report says it is published on: 在“甲管委会”门户网站公布 / 在甲局网站（http://…）发布 / 可登录甲政府网查阅
_SITE = re.compile(r"(?:在|到|登录|通过|于)\s*([“\"《]?[\u4e00-\u9fffA-Za-z0-9（）()]{1,30}?[”\"》]?\s*"
                   r"(?:门户网站|官方网站|网站|官网|信息网|政府网|平台|网)(?:上)?)(?=[^\u4e00-\u9fff]|公布|发布|公开|刊登|登载|查阅|下载|查看|获取|进行|予以)")


def site_named(sentence: str) -> str:
    """The site a sentence says the report is published on (“甲管委会”门户网站), or "" (本局网站: no name)."""
    m = _SITE.search(sentence)
    if m is None or re.match(r"[“\"《]?(?:本|该|此|我)", m.group(1)):
        return ""
    return m.group(1).removesuffix("上")


# a sentence naming the site a kind of information went on (在“甲网”上公布… / 在甲门户网站主动公开 / 发布在“甲”平台)
_SITE_NAME = (r"(?:[“\"《][^”\"》。]{2,20}[”\"》]\s*(?:门户网站|官方网站|网站|官网|平台|微信公众号|公众号|网)?"
              r"|[\u4e00-\u9fffA-Za-z]{2,14}?(?:门户网站|官方网站|网站|官网|平台|公众号|网))")
_PUBLISH = r"(?:公开|公布|发布|公示|刊登|登载|推送|上传|发)"
SITE_SAID = re.compile(rf"(?:在|到|于|通过|依托)\s*({_SITE_NAME})\s*(?:上|中|里)?[^。；;，,]{{0,12}}?{_PUBLISH}"
                        rf"|{_PUBLISH}(?:在|到|于|至)\s*({_SITE_NAME})")


def site_span(text: str, question: str, *, least: int = 1) -> tuple[int, int] | None:
    """The sentence naming the site the question's kind of information was published on (征地公告在“甲”门户网站主动
    公开), the one sharing most (at least `least`) of the question's words (the first on a tie), or None."""
    # the site's own kind words and the manner of publishing (主动, 及时) weigh nothing: the kind of information does
    asked = re.sub(r"门户网站|网站|网上|平台|门户|公众号|栏目|网|主动|及时|统一|集中|全部|都", " ", question)
    return _key_span(text, asked, SITE_SAID, least=least)


_REPORT_ITSELF = re.compile(r"(?:本|该|此)(?:年度)?(?:报告|年报)|年报")  # where the report itself is read: the where fact


def general_site_span(text: str, named: re.Pattern[str]) -> tuple[int, int] | None:
    """The first sentence naming a site that information in general went on (在“甲网”上公布政府信息): none of the named
    kinds of information (公告, 许可…) said in it, or None."""
    return next(((s, e) for s, e in _sentences(text) if e - s <= MAX_SENTENCE and SITE_SAID.search(text[s:e])
                 and not named.search(text[s:e]) and not _REPORT_ITSELF.search(text[s:e])), None)



def site_published(sentence: str) -> str:
    """The site a sentence says information was published on (“甲网” / 甲门户网站), or ""."""
    m = SITE_SAID.search(sentence)
    return (m.group(1) or m.group(2)).strip() if m else ""


def page_date_span(text: str) -> tuple[int, int] | None:
    """The publishing time in a crawled page's header (时间：2022-01-19), or None."""
    m = _PAGE_DATE.search(text, 0, HEADER_REACH)
    return (m.start(), m.end()) if m else None


# a doer named for an activity (委托第三方专业公司对门户网站进行监测 / 由办公室负责) and a thing first brought in
_DOER = re.compile(r"委托|交由|交给|由[^。，,；;]{2,20}?(?:负责|承担|牵头|开展|进行|实施)|聘请|第三方|外包|购买服务")
_ADDED = re.compile(r"首次|第一次|首个|首创|新增|增设|新设|新开设|开设|开通|纳入|列入|加入|增加了?|上线|推出|新建")
_KEY_STOP = re.compile(r"[\s？?，,。、“”《》0-9]|什么|哪个|哪些|谁|年报|报告|政府|信息|公开|年度|工作|是否|是交|交给|委托|负责"
                       r"|首次|第一|一次|新增|加进|加入|进了|纳入|的|了|是|做|由")


def _key_span(text: str, question: str, marker: re.Pattern[str], *, least: int) -> tuple[int, int] | None:
    """The sentence saying the marker that shares most of the question's words (the report's title words aside),
    at least `least` of them, or None."""
    title_end = text.find("报告", 0, TITLE_REACH)
    title = text[:max(title_end, 0)]
    words = {w for w in _bigrams(question) if not _KEY_STOP.search(w) and w not in title}
    best, best_score = None, least - 1
    for s, e in _sentences(text):
        said = text[s:e]
        if e - s > MAX_SENTENCE or not marker.search(said):
            continue
        score = sum(w in said for w in words)
        if score > best_score:
            best, best_score = (s, e), score
    return best


def doer_span(text: str, question: str) -> tuple[int, int] | None:
    """The sentence naming who does the activity the question names (委托第三方…进行监测), or None."""
    return _key_span(text, question, _DOER, least=2)


def added_span(text: str, question: str) -> tuple[int, int] | None:
    """The sentence on what was first or newly brought into the thing the question names (首次将…纳入公报), or None."""
    return _key_span(text, question, _ADDED, least=2)


# where on a site an application is sent in: a named column, module or entry (通过“依申请公开”子栏目提出申请)
_ENTRY_NOUN = r"(?:子栏目|栏目|专栏|模块|板块|版块|入口|通道|平台|系统|页面|专区)"
ENTRY_ASKED = re.compile(
    r"(?:从|在|去|到|点|进|走|通过|用)?(?:哪个|哪一个|什么|啥|哪)(?:网上|线上|在线)?" + _ENTRY_NOUN
    + r"|" + _ENTRY_NOUN + r"(?:在|是)?(?:哪里|哪儿|哪|什么|啥)"
    + r"|(?:网上|网站上?|线上|在线|网络上?|官网上?)[^？?。]{0,14}?(?:申请|递|提交|提出|申报)[^？?。]{0,10}?"
      r"(?:从哪|在哪|去哪|到哪|点哪|哪里|哪儿|进哪)"
    + r"|(?:从哪|在哪|去哪|到哪|点哪|进哪)[^？?。]{0,6}?(?:网上|网站|线上|在线)[^？?。]{0,6}?(?:申请|递|提交|提出)")
_ENTRY_SAID = re.compile(r"[“\"《「]([^”\"》」]{2,24})[”\"》」]\s*(" + _ENTRY_NOUN + ")")
_ENTRY_APPLY = re.compile(r"提出|提交|递交|填报|填写|在线申请|网上申请|申请")


def entry_span(text: str, question: str) -> tuple[int, int] | None:
    """The sentence naming the column or entry through which an application is sent in (通过“依申请公开”子栏目提出),
    else the sentence naming the ways to apply (channel_span), or None."""
    words = {w for w in _bigrams(question) if not _STOP.search(w)}
    best, best_score = None, 0
    for s, e in _sentences(text):
        said = text[s:e]
        if e - s > MAX_SENTENCE or "申请" not in said or not re.search(_ENTRY_NOUN, said):
            continue
        score = 2 * len(_ENTRY_SAID.findall(said)) + 2 * bool(re.search(r"提出|提交|递交|在线申请|网上申请", said)) \
            + sum(w in said for w in words)
        if score > best_score:
            best, best_score = (s, e), score
    return best if best is not None and best_score >= 3 else channel_span(text)


def entry_names(sentence: str) -> str:
    """The named columns up to where the sentence says an application is sent in (“政府信息公开”模块 →
    “依申请公开”子栏目), or ""."""
    said = list(_ENTRY_SAID.finditer(sentence))
    apply = next((m.start() for m in _ENTRY_APPLY.finditer(sentence)  # 提出申请, not the 申请 of “依申请公开”
                  if any(n.end() <= m.start() for n in said) and not any(n.start() <= m.start() < n.end() for n in said)),
                 len(sentence))
    names = [f"“{m.group(1)}”{m.group(2)}" for m in said if m.end() <= apply]
    return " → ".join(names[-2:])


# who takes the work over when the staff in charge leave (人员调离后，后任工作人员继续履行职责)
HANDOVER_ASKED = re.compile(
    r"(?<=[人员志部])[^？?。]{0,8}?(?:调走|调离|调动|调岗|离职|离岗|辞职|走了|换人|换岗|轮岗|退休|不在了?|变动|不干了?|休假|请假)[^？?。]{0,16}?"
    r"(?:谁|哪个|怎么办|怎么弄|如何|怎么处理|咋办|有人|没人)"
    r"|(?:交接|移交|接手|接替|接班|接任|顶岗|补位)[^？?。]{0,8}?(?:谁|怎么|如何|吗|哪|什么)"
    r"|(?:怎么|如何|怎样|咋)(?:做好|办理|进行)?(?:交接|移交|接手|接替)"
    r"|(?:谁|哪个人?|什么人)(?:来|去)?(?:接手|接替|接班|接任|接|顶上|补上|顶替)")
_HANDOVER_SAID = re.compile(r"后任|接任|接替|交接|移交|接手|顶岗|补位|AB角|A、B角|A/B角|调离|离岗|离职|轮岗")
_HANDOVER_CORE = re.compile(r"后任|接任|接替|交接|移交|接手|顶岗|补位|AB角|A、B角|A/B角")


def handover_span(text: str, question: str) -> tuple[int, int] | None:
    """The sentence saying who carries the work on when its staff leave (后任工作人员继续履行), or None."""
    words = {w for w in _bigrams(question) if not _KEY_STOP.search(w)}
    best, best_score = None, 0
    for s, e in _sentences(text):
        said = text[s:e]
        if e - s > MAX_SENTENCE * 2 or not _HANDOVER_CORE.search(said):
            continue
        score = 2 * len(set(_HANDOVER_SAID.findall(said))) + sum(w in said for w in words)
        if score > best_score:
            best, best_score = (s, e), score
    return best


def handover_clause(sentence: str) -> str:
    """The clause of the sentence saying who takes over (后任工作人员继续履行该岗位职务), or ""."""
    for clause in re.split(r"[，,；;。]", sentence):
        if _HANDOVER_CORE.search(clause):
            return clause.strip()
    return ""


# what a named column, platform or place offers (“依申请公开”子栏目能干什么 / 公众号有什么功能), and where an
# applicant follows an application's progress (申请后在哪查办理进度): the sentence saying what one can do there
_THING = r"(?:栏目|子栏目|专栏|模块|板块|版块|入口|通道|平台|系统|页面|专区|网站|官网|网|公众号|微博|小程序|客户端|APP|app|热线|查阅点|大厅|窗口|服务室|专窗|一体机|终端|设备)"
OFFERS_ASKED = re.compile(
    _THING + r"[”\"」]?[^？?。，,]{0,6}?(?:能|可以|可|能够|都能|还能)(?:用来|拿来)?(?:干|做|办|办理|查|查到|查询|查看|看到|看|实现|提供)"
    r"(?:些)?(?:什么|啥|哪些|些什么)(?!信息|内容|栏目|文件|数据|资料|政策|类)"  # 能查到哪些信息: a list, not an offer
    r"|" + _THING + r"[”\"」]?[^？?。，,]{0,6}?(?:有|具备|提供)(?:些)?(?:什么|哪些|啥)(?:功能|用途|用处|作用|服务)"
    r"|" + _THING + r"[”\"」]?[^？?。，,]{0,4}?(?:是)?(?:干什么|做什么|干啥|干嘛)(?:用)?的"
    r"|" + _THING + r"[”\"」]?[^？?。，,]{0,4}?的?(?:功能|用途|用处|作用)(?:是|有)(?:什么|哪些|啥)"
    r"|(?:在哪|去哪|从哪|哪里|哪儿|怎么|如何|怎样)(?:能|可以|可)?(?:查|看|查询|查看|了解|跟踪|知道)(?:到)?[^？?。]{0,10}?"
    r"(?:进度|处理情况|办理情况|办理结果|处理结果|进展|办到哪)")
_CAN = re.compile(r"(?:可以|可|能够|能|方便[^，。；;]{0,6}?|供[^，。；;]{0,6}?|提供|实现)")
_CAN_SURE = re.compile(r"(?:可以|能够|方便[^，。；;]{0,6}?|提供|供[^，。；;]{0,6}?)")
_PROGRESS = re.compile(r"进度|处理情况|办理情况|办理结果|处理结果|进展|办到哪")
_PROGRESS_SAID = ("处理情况", "办理情况", "办理进度", "办理结果", "处理结果", "进展", "进度")
_OFFER_STOP = re.compile(r"[\s？?，,。、“”《》0-9]|什么|哪些|哪里|哪儿|能|可以|干|功能|用途|作用|年报|报告|政府|信息|公开|年度")
OFFER_REACH = 80  # characters of what one can do there, said after the thing


def _run_at(sentence: str, question: str, stop: re.Pattern[str]) -> tuple[int, int]:
    """The length and end (in the sentence) of the longest run of the question found there, or (0, -1)."""
    best, at = 1, -1
    for i in range(len(question)):
        for j in range(i + best + 1, len(question) + 1):
            part = question[i:j]
            if stop.search(part) or sentence.find(part) < 0:
                break
            best, at = len(part), sentence.find(part) + len(part)
    return (best, at) if at >= 0 else (0, -1)


def offers_span(text: str, question: str) -> tuple[int, int] | None:
    """The sentence saying what one can do at the thing the question names (its longest shared run, a 可以… said
    after it), or for a progress question the sentence saying where an application's handling is followed; or None."""
    title_end = text.find("报告", 0, TITLE_REACH)
    title = text[:max(title_end, 0)]
    words = {w for w in _bigrams(question) if not _OFFER_STOP.search(w) and w not in title}
    progress = bool(_PROGRESS.search(question))
    best, best_score = None, 2
    for s, e in _sentences(text):
        said = text[s:e]
        if e - s > MAX_SENTENCE:
            continue
        run, at = _run_at(said, question, _OFFER_STOP)
        if at < 0 or not _CAN.search(said, 0 if progress else at):
            continue
        score = 2 * run + sum(w in said for w in words) + (6 if progress and any(p in said for p in _PROGRESS_SAID) else 0)
        if progress and not any(p in said for p in _PROGRESS_SAID):
            continue
        if score > best_score:
            best, best_score = (s, e), score
    return best


def offered(sentence: str, question: str) -> str:
    """What the sentence says one can do at the thing the question names (可以向本局提出申请，并查阅处理情况), or ""."""
    if _PROGRESS.search(question):  # 在哪查办理进度: where (the columns named) and the clause saying it
        clause = next((c for c in re.split(r"[，,；;。]", sentence) if any(p in c for p in _PROGRESS_SAID)), "")
        where = entry_names(sentence)
        return f"{where}：{clause.strip().removeprefix('并')}" if where and clause else clause.strip()
    _, at = _run_at(sentence, question, _OFFER_STOP)
    can = _CAN_SURE.search(sentence, max(at, 0)) or _CAN.search(sentence, max(at, 0))  # 提供… before 可触控's 可
    if can is None:
        return ""
    return re.split(r"[；;。]", sentence[can.start():can.start() + OFFER_REACH])[0].strip("，, ")


# what each of several versions or kinds of a thing is for (横版和竖版各拿来干什么用 / 两个版本的用途分别是什么)
_USE_Q = r"(?:是)?(?:拿来|用来|用于|用作|用)?(?:干什么|做什么|干啥|干嘛|做啥|什么用|啥用|有什么用|有啥用|何用|(?:用途|作用|用处)(?:是)?(?:什么|啥))"
USES_ASKED = re.compile(
    r"(?:各|分别|各自)(?:是)?(?:拿来|用来|用于|用作|用|能)?(?:干什么|做什么|干啥|干嘛|做啥|什么用|啥用|有什么用|有啥用|何用)"
    r"|(?:用途|作用|用处)(?:分别|各)(?:是)?(?:什么|啥|哪些)?"
    r"|(?:分别|各)(?:有)?(?:什么|啥|哪些|哪种)(?:用途|作用|用处)"
    r"|(?:分别|各)(?:用于|用在|用来|用作)(?:什么|啥|哪里|哪儿|何处|哪)"
    # 横版是干嘛的，竖版呢 / 横版拿来做什么？竖版用来干啥: one version's use asked, then the other's
    r"|" + _USE_Q + r"的?[，,？?\s]+(?:那|而)?[\u4e00-\u9fff]{1,10}?(?:呢|又是?" + _USE_Q
    + r"|(?:是|拿来|用来|用于|用作|能)?" + _USE_Q + r")"
    # one version asked alone (竖版是干啥用的 / 横版拿来干嘛): its use said beside the others'
    r"|(?<=[版本])(?:是|主要)?(?:拿来|用来)?(?:干什么|做什么|干啥|干嘛|做啥)(?:用)?|(?<=[版本])(?:是|有)?(?:什么|啥)用")
# a version said with its use (横版用于做册存档): the version's words, then the use up to the clause's end
_USE_SAID = re.compile(r"([\u4e00-\u9fff]{1,8}?)(?:主要|则|专门|可)?(?:用于|用来|用作|供)([^，,。；;）)]{2,30})")
_USE_STOP = re.compile(r"[\s？?，,。、“”]|什么|干嘛|干啥|用途|作用|用处|分别|各自|拿来|用来|用于")


def _uses(sentence: str, question: str) -> list[re.Match[str]]:
    """The uses a sentence says of versions the question names (横版用于…, 竖版用于… for 横版和竖版各…)."""
    named = [m for m in _USE_SAID.finditer(sentence) if m.group(1)[-2:] in question]
    # 两个版本的用途分别是什么: versions the question says only by their kind (版本 → 横版, 竖版)
    return named if len(named) >= 2 else [m for m in _USE_SAID.finditer(sentence) if m.group(1)[-1] in question]


def uses_span(text: str, question: str) -> tuple[int, int] | None:
    """The sentence saying what two or more of the versions the question names are each for, the one sharing most of
    its words, or None."""
    words = {w for w in _bigrams(question) if not _USE_STOP.search(w)}
    best, best_score = None, 0
    for s, e in _sentences(text):
        said = text[s:e]
        if e - s > MAX_SENTENCE * 2 or len({m.group(1)[-2:] for m in _uses(said, question)}) < 2:
            continue
        score = sum(w in said for w in words)
        if score > best_score:
            best, best_score = (s, e), score
    return best


def uses_said(sentence: str, question: str) -> str:
    """Each version's use as the sentence says it (横版用于做册存档；竖版用于网站上传), or ""."""
    return "；".join(m.group().strip() for m in _uses(sentence, question))
