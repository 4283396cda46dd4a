"""The fact route: facts a citizen asks that the prose states and no table cell holds, read from the report text.

    >>> fact_answer(question, refs=refs, report_text=texts).text
    '不收费。根据《…2023年政府信息公开工作年度报告》正文：“本机关依申请提供政府信息，不收取费用。”'

Kinds (each a question pattern and the sentence that answers it): where the report can be read (本报告在…网站公布),
its date (the 落款 under the signature), deadlines in 工作日 (作出之日起7个工作日内), fees (不收取费用 /
未收取信息处理费, with a yes/no lead), what the applications were about (主要涉及…方面) and the count of information
items the prose gives for 依申请公开 (依申请公开信息数1条, not 表三's applications). Round 15: the body the report is
addressed to (the line after its title), the web page's header time for when-put-online questions (the 落款 stays for
when-signed ones), who does an activity (委托第三方…: a fact, never the contact detail the question names) and what was
first or newly brought in (首次将…纳入). Round 17: whether things were done on time (是不是都按时回复了 / 有没有超期的:
the sentence saying 全部按期答复 / 逾期答复2件, with a yes/no lead in its words). A kind whose sentence the report
lacks hands on (None) to the route after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from govqa.core.types import Answer, Question, Source
from govqa.qa import compose as cp
from govqa.qa import lexicon as lx
from govqa.qa import named_facts as nf
from govqa.qa import reach, scoped_lists
from govqa.qa.prose_asks import WHERE_PUBLISHED, asks_manner
from govqa.qa.table_query import ReportRef

_DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_FEE_WORDS = r"交钱|交费|缴费|付费|要钱|花钱|收钱|收费|免费|收取[^，。？?]{0,4}费|处理费|费用"


@dataclass(frozen=True)
class Kind:
    """One kind of prose fact: the question words that ask it and the sentence words that state it."""

    name: str
    asks: re.Pattern[str]
    states: re.Pattern[str]


KINDS: tuple[Kind, ...] = (
    Kind("date",
         re.compile(r"落款|发布日期|发布时间|印发日期|成文日期|签发日期|发文日期"
                    # 最后署的日期是哪一天 / 末尾签的是哪天 / 报告上写的日期: the date under the signature
                    r"|(?:署|签署|署名|签)(?:的|了|着)?(?:日期|时间|是哪天|哪天|是哪一天|哪一天|是什么时候|什么时候)"
                    r"|(?:最后|末尾|结尾|文末|最下面|底部)[^？?。，,]{0,6}?(?:日期|时间|哪天|哪一天)"
                    r"|(?:年报|报告)[^？?。]{0,10}?(?:是|在|于)?(?:哪天|哪一天|什么时候|何时|几月几[号日]|什么日期|啥时候|多会儿|啥时间|什么时间)"
                    r"(?:在网上|在网站上?|到网上|上网)?(?:发布|印发|发出|公布|出来|出的|写的|写好|签|成文|发的|挂|上网|上线|放到?网|发到网|贴|登|公开)"
                    r"|(?:年报|报告)[^？?。]{0,10}?(?:挂|放|发|贴|登|公布|发布)(?:到|在|上)?(?:网上|网站|网)[^？?。]{0,4}?(?:的)?(?:时间|日期|时候|哪天)"
                    r"|(?:挂网|上网|公布|发布|上线)(?:的)?(?:时间|日期)"
                    r"|(?:发布|印发|公布|签发)(?:于|在|的)?(?:哪天|哪一天|什么时候|何时|几月几[号日]|什么日期|多会儿)"),
         re.compile(_DATE)),
    # 线下哪里能看 / 查阅点在哪 / 公众号叫什么 / 便民热线平台是哪个: a place or account, before the report's web site
    Kind("reading", reach.READING_ASKED, reach.READING_SAID),
    # 公众号叫什么 / 政务新媒体有哪些 / 便民热线平台是哪个: the accounts a sentence names in quotes beside their kind
    Kind("account", re.compile(f"{reach.ACCOUNT_ASKED.pattern}|{reach.HOTLINE_ASKED.pattern}"), re.compile(r"”|热线|平台")),
    Kind("where",
         re.compile(r"(?:年报|报告)[^？?。]{0,12}?(?:在|到|去|从|上)?(?:哪里|哪儿|哪(?=[能可看查找下])|什么地方|何处|哪个网站|什么网站|哪个网|哪个平台|哪些网站|哪些平台)"
                    r"(?=[^？?。，,]{0,6}?(?:看|查|找|下载|获取|公布|发布|挂|登|放|公开|刊)|[？?呢吗]|$)"
                    r"|(?:在|到|去|从)(?:哪里|哪儿|哪(?=[能可看查找下])|哪个网站|什么网站|什么地方)[^？?。]{0,6}?(?:看|查|找|下载|获取)[^？?。]{0,16}?(?:年报|报告)"
                    r"|(?:年报|报告)[^？?。]{0,8}?(?:发布|公布|发|挂|登|放|刊登|公开)在(?:哪|什么)"),
         re.compile(r"(?:本|该|此)?(?:年度)?(?:报告|年报)[^。]{0,40}?(?:网站|网|平台|门户|网址|http)[^。]{0,60}?"
                    r"(?:公布|发布|查阅|下载|刊登|刊载|登载|查看|获取|公开)"
                    r"|(?:可|可以|请)(?:在|到|登录)[^。]{0,40}?(?:网站|网|平台)[^。]{0,20}?(?:查阅|下载|查看|获取)[^。]{0,6}?(?:报告|年报)")),
    # 征地公告放在哪个网站公开 / 信息主动发在哪个网上: the sentence naming the site a kind of information went on
    Kind("site", WHERE_PUBLISHED, nf.SITE_SAID),
    Kind("deadline",
         re.compile(r"(?:多少|几)个?工作日|(?:多少|几)天(?:之内|以内|内)|多久(?:之内|以内|内)?(?:要|须|必须|应|会|得)?"
                    r"(?:公开|公布|公示|答复|回复|办结|作出)|(?:期限|时限)(?:是|为)?(?:多久|多长|多少|几)"),
         re.compile(r"\d+\s*个?(?:工作日|日|天)(?:之内|以内|内)")),
    Kind("on_time", lx.ASKED_ON_TIME, re.compile(r"按期|按时|如期|准时|及时|期限内|时限内|时间内|逾期|超期|超时|延期")),
    Kind("fee",
         re.compile(_FEE_WORDS),
         re.compile(r"信息处理费|信息公开处理费|收取费用|不收费|收取[^。，]{0,10}?费")),
    Kind("subject",
         re.compile(r"申请[^？?。]{0,14}?(?:主要|大多|多数|大部分|基本|一般|都)?[^？?。]{0,4}?"
                    r"(?:是?问|涉及|关于|集中)[^？?。]{0,6}?(?:哪方面|什么方面|哪些方面|哪个方面|什么内容|哪些内容|哪类|什么事|哪些事|啥|什么)"
                    r"|申请[^？?。]{0,10}?(?:内容|事项|领域)[^？?。]{0,4}?(?:是什么|有哪些|是哪些|都是啥)"
                    r"|申请的?(?:都|主要|大多|大部分|多半)?(?:是|为)?(?:些)?(?:什么|啥|哪些|哪方面|哪类|哪一类)"
                    r"(?!时候|时间|渠道|方式|途径|费|手续|材料|条件|流程|程序)"
                    r"|(?:什么|啥|哪些|哪方面|哪类|哪一类|哪个方面|什么样)(?:的)?(?:内容|方面|类型|领域|事项|信息)?的申请"
                    # 来申请的人多半想要什么信息 / 申请人大多想了解什么 / 申请公开的主要是哪类: what applicants usually want
                    r"|申请[^？?。]{0,14}?(?:主要|大多|大都|多数|大部分|多半|一般|基本|通常|往往)(?:都|也)?(?:是)?"
                    r"(?:想要|要|想知道|想了解|想查|想看|索取|问|是|关心|关注|在意)(?:些)?(?:的是)?"
                    r"(?:哪方面|什么方面|哪些方面|哪个方面|哪类|哪一类|什么|啥|哪些)"
                    r"(?!时候|时间|渠道|方式|途径|费|手续|材料|条件|流程|程序)"),
         re.compile(r"申请[^。]{0,40}?(?:主要涉及|主要集中|集中在|集中于|主要是关于|主要关于|内容涉及|内容为|涉及)")),
    Kind("why",
         re.compile(r"为什么|为何|为啥|咋(?:会|才|只)|什么原因|啥原因|何故|原因(?:是什么|是啥|何在|在哪)|怎么(?:会|才|只)"),
         re.compile(r"因为|由于|因(?!此|而|政府信息公开|依申请|申请)|鉴于|原因|机构改革|机构调整|(?:新|重新|正式)?(?:成立|组建|挂牌)|合并|撤并|受[^。，]{1,12}影响")),
    Kind("copy",
         re.compile(r"抄送|抄报|抄给"),
         re.compile(r"抄送")),
    Kind("issued",
         re.compile(r"(?:哪个|什么|哪家|哪一个)(?:单位|部门|机关|科室|机构)[^？?。]{0,6}?印发|印发(?:单位|部门|机关|机构)|(?:由|是)?谁印发"),
         re.compile(r"印发")),
    Kind("compiled",
         re.compile(r"(?:谁|哪个[\u4e00-\u9fff]{0,4}|什么[\u4e00-\u9fff]{0,3}|哪家)(?:来|负责)?(?:编制|编写|撰写|起草|编)的?"
                    r"|(?:编制|编写|撰写)(?:单位|部门|机关|人)"),
         re.compile(r"(?:本|该|此)?(?:年度)?(?:报告|年报)[^。]{0,30}?(?:编制|编写)|(?:编制|编写)[^。]{0,10}?(?:本|该|此)(?:年度)?(?:报告|年报)")),
    # 横版和竖版各拿来干什么用: what each version or kind of a thing is for, said of each in one sentence
    Kind("uses", nf.USES_ASKED, re.compile(r"用于|用来|用作|供")),
    # “依申请公开”栏目能干什么 / 公众号有什么功能 / 申请后在哪查办理进度: what one can do there
    Kind("offers", nf.OFFERS_ASKED, re.compile(r"可以|可|能|提供|方便")),
    # 从哪个入口递申请 / 网上申请在哪里提交: the column the report names (before channel: its ways are the fallback)
    Kind("entry", nf.ENTRY_ASKED, re.compile(r"栏目|模块|入口|通道|平台|系统|专区|渠道|方式|途径")),
    # 管公开的人调走了谁来接 / 人员变动怎么交接: the sentence on who carries the work on
    Kind("handover", nf.HANDOVER_ASKED, re.compile(r"后任|接任|接替|交接|移交|接手")),
    Kind("channel",
         re.compile(r"(?:申请|提交|递交)[^？?。]{0,8}?(?:渠道|途径|方式|通过什么|怎么|如何|怎样|哪里|哪儿|在哪|去哪|到哪)"
                    r"|(?:渠道|途径|方式)[^？?。]{0,4}?(?:申请|提交|递交)"
                    r"|(?:怎么|如何|怎样|通过什么|用什么方式|从哪|去哪里?|到哪里?|在哪里?)[^？?。]{0,6}?(?:申请|提交|递交)"
                    r"|(?:能|可以|可)(?:在|通过|用|走)?(?:网上|网络|线上|在线|邮寄|信函|写信|当面|现场|传真|电子邮件|邮件)[^？?。]{0,12}?(?:申请|提交|递交)"
                    r"|(?:网上|网络|线上|在线|邮寄|信函|写信|当面|现场|传真|电子邮件|邮件)[^？?。]{0,3}?(?:能|可以|可)(?:不能|不可以)?(?:申请|提交|递交)"),
         re.compile(r"渠道|方式|途径")),
    Kind("addressee",
         re.compile(r"(?:年报|报告)[^？?。]{0,16}?(?:呈|报|提交|递交|送|交|上报|呈报|报送|呈送)给?(?:了)?(?:谁|哪|什么)"
                    r"|(?:主送|呈报|报送|呈送)(?:单位|机关|对象|给谁|的是)"),
         re.compile(r"[：:]")),
    Kind("doer",
         re.compile(r"(?:交给|交由|委托|(?<![理缘事来自经])由|(?<![申邀提])请|(?<![转出])让|(?<![查寻])找|(?<![依倚])靠)(?:了|的|是)?(?:谁|哪个|哪家|哪一家|什么)(?:单位|部门|机构|公司|人|机关)?"
                    r"|(?:是)?谁(?:来|在)?(?:负责|做|搞|管|承担|实施|监测|运维|维护)"),
         re.compile(r"委托|交由|由|第三方")),
    Kind("added",
         re.compile(r"(?:首次|第一次|头一次|头一回|首度|新增|新开设|新开|增设|新设|新加|加进|加入|纳入|新上线|新推出)(?:了|进)?"
                    r"[^？?。]{0,8}?(?:什么|啥|哪个|哪项|哪一项|哪块)(?!些)|(?:什么|啥)新(?:内容|东西)"
                    # 纳入到了哪些东西里 / 列入到哪里 / 纳入哪些方面: what the work was put into, said in one sentence
                    r"|(?:" + lx.PUT_INTO + r")(?:了|进|到|进了|到了)?(?:哪些|哪里|哪儿|哪几|哪[个项些]?(?:方面|地方|东西|体系|范围))"),
         re.compile(r"首次|新增|增设|纳入|开设")),
    # 回复时给申请人开什么文书 / 回复申请用的是什么文件: the paper handed to the applicant (告知书), not a rule's name
    Kind("paper",
         re.compile(r"(?:答复|回复|告知|办理|办结|处理)[^？?。]{0,12}?(?:出具|开具|制发|发出|送达|使用|用|给|发|寄)(?:的|了|给)?"
                    r"(?:申请人)?(?:是)?(?:什么|哪种|哪类|啥|何种|哪些)(?:样的)?(?:文书|文件|书面材料|告知书|答复书)"
                    r"|(?:出具|开具|制发|送达)(?:的|了)?(?:是)?(?:什么|哪种|哪类|啥|何种|哪些)(?:样的)?(?:文书|文件|告知书|答复书)"),
         re.compile(r"告知书|答复书|文书|决定书")),
    Kind("rule", nf.RULE_ASKED, re.compile(r"《|”|制度|机制")),
    Kind("info_count",
         re.compile(r"依申请公开[^？?。]{0,4}?(?:的)?(?:政府)?信息(?:数|条数|的?数量)|依申请公开[^？?。]{0,6}?(?:多少|(?<![哪那这])几)条(?![^？?。]{0,4}(?:机制|制度|原则|要求|做法|措施))"),
         re.compile(r"依申请公开(?:的)?(?:政府)?信息(?:数|条数|数量)?(?:为|共|达|有)?\s*\d+\s*条")),
)
# a question that counts applications is no fee, date or subject question (多少件, 几件): the tables answer it
_COUNT = re.compile(r"多少件|(?<![那这])几件|多少个申请|多少份")  # 那几件是申请什么的: those, not a count
# how applications were handled or counted (申请是怎么处理的 / 网上申请了多少): no way of sending one in
# …or how the applications received came in (这些申请是通过什么方式提交的): 表三's or the prose's counts by channel
_NOT_CHANNEL = re.compile(r"处理|答复|办理|受理|结果|回复|审核|多少|几[件个条份]|比例|占|最多|最少|增|减|人数|变化|趋势|数量"
                          r"|环节|流程|步骤|收到|这些|那些|这几|那几|是(?:通过|以|用|从|走)")
_APPLY_WORD = re.compile(r"申请|递|提交|提出|申报")  # 哪个平台 asks an entry only for sending an application in
_SHORT_FOLLOWUP = re.compile(r"^(?:那|那么)?[^？?。]{0,16}?(?:呢|吗)?[？?]?(?:[^？?。]{0,6}[？?])?$")
# a follow-up saying a subject of its own (其中行政许可类的信息有几条 / 那主动公开了多少条) asks that, not the earlier fact
_OWN_SUBJECT = re.compile(r"其中|这里面|这当中|当中|公开|申请|信息|多少|几[件条个项次篇]|类")


# after a question on applications, 主要问的是哪方面 / 都想要啥信息 asks what those applications were about
_ABOUT_ASKED = re.compile(r"(?:问|要|想要|想知道|查|咨询|申请|打听)(?:的|了)?(?:都|主要|大多)?(?:是|为)?(?:些)?"
                          r"(?:哪方面|什么方面|哪些方面|哪个方面|什么内容|哪些内容|啥内容|啥信息|什么信息|哪些信息|哪类信息|啥|什么)"
                          r"(?!时候|时间|渠道|方式|途径)")
_APPLICATIONS = re.compile(r"申请")


def _asks_subject_after(q: Question) -> bool:
    """Whether q, a follow-up to a question on applications, asks what they were about (主要问的是哪方面的内容)."""
    return bool(q.followup and q.query and _APPLICATIONS.search(q.query) and _ABOUT_ASKED.search(q.text)
                and not _COUNT.search(q.text) and not asks_manner(q.text))  # 怎么处理涉及隐私的信息: a manner


def asked_kind(q: Question) -> Kind | None:
    """The prose-fact kind q asks (a short follow-up inherits the earlier question's kind), or None."""
    kind = _kind_of(q.text)
    if kind is None and _asks_subject_after(q):
        return next(k for k in KINDS if k.name == "subject")
    if kind is None and q.followup and q.query and _SHORT_FOLLOWUP.match(q.text.strip()) and not asks_manner(q.text):
        kind = _kind_of(q.query)  # 那河北科技厅2023年呢？收了没有？ after a fee question
    return kind


def with_context(q: Question, context: Question | None) -> Question:
    """q carrying the earlier question's prose-fact kind when it is a short 那…呢 follow-up naming none itself
    (那河北科技厅2023年呢？收了没有？ after a fee question), or asking what the applications an earlier question counted
    were about (主要问的是哪方面的内容？), else q unchanged."""
    if context is not None and q.followup and _kind_of(q.text) is None and _ABOUT_ASKED.search(q.text) \
            and _APPLICATIONS.search(context.query or context.text) and not _COUNT.search(q.text) \
            and not asks_manner(q.text):
        return replace(q, query=f"{q.text} {context.query or context.text}")
    if context is None or _kind_of(q.text) is not None or not _SHORT_FOLLOWUP.match(q.text.strip()) \
            or _OWN_SUBJECT.search(q.text):
        return q
    earlier = context.query or context.text
    if _kind_of(earlier) is None:
        return q
    return replace(q, followup=True, query=f"{q.text} {earlier}")


# 行政事业性收费 (表二's row), 逾期不交费 (表三's row), 免费赠阅的公报, 收费项目的清理: no fee for information asked
# 查阅点提供哪些免费服务 / 免费提供什么: the free things a sentence lists, not whether applying costs money
_NOT_FEE = re.compile(r"行政事业性|事业性收费|收费项目|逾期|不交费|未交费|赠阅|免费(?:赠|送|发)|公报|清理"
                      r"|(?:哪些|哪几|哪[两三四五]|什么|啥)[^？?。]{0,4}?免费|免费[^？?。]{0,6}?(?:哪些|哪几|哪[两三四五]|什么|啥)|免费(?:的)?[^？?。]{0,8}?(?:服务|项目|设施|设备|资料)")
_NOT_WHERE = re.compile(r"地址|电话|邮箱|邮编|传真")  # 地址在哪里: the contact route's detail
# 由谁任组长 / 副组长由谁担任: a role in a group the prose search quotes, not a doer of an activity
_NOT_DOER = re.compile(r"担任|组长|主任|负责人|成员|牵头人|分管")


def _asks_many(text: str) -> bool:
    """Whether a who/how question asks a list (谁负责什么: each role's task; 靠什么方式让群众知道: the means), not one doer."""
    scope = scoped_lists.scope_asked(text)
    return scope is not None and scope.kind in {scoped_lists.MEANS, scoped_lists.ROLES}


def _kind_of(text: str) -> Kind | None:
    for kind in KINDS:
        if not kind.asks.search(text) or (kind.name in {"fee", "subject", "date", "where"} and _COUNT.search(text)):
            continue
        if (kind.name == "fee" and _NOT_FEE.search(text)) or (kind.name in {"where", "site"} and _NOT_WHERE.search(text)) \
                or (kind.name in {"channel", "entry"} and _NOT_CHANNEL.search(text)) \
                or (kind.name == "entry" and not _APPLY_WORD.search(text)) or (kind.name == "rule" and _COUNT.search(text)) \
                or (kind.name == "doer" and (_NOT_DOER.search(text) or _asks_many(text))):
            continue
        return kind
    return None


def counts_items(q: Question) -> bool:
    """Whether the fact asked is a count the tables may also give (依申请公开信息数): the table route answers when the
    prose states none; a fee, date, deadline, subject or reason is never a table count."""
    kind = asked_kind(q)
    return kind is not None and kind.name == "info_count"


def recognise(q: Question) -> bool:
    """Whether q asks a prose fact of one of the KINDS about a named (or earlier) agency."""
    return asked_kind(q) is not None and bool(q.agencies)


def fact_answer(q: Question, *, refs: Sequence[ReportRef], report_text: Callable[[str], str]) -> Answer | None:
    """The answer quoting the sentence that states the asked fact in each report, or None when none states it."""
    kind = asked_kind(q)
    if kind is None or not refs:
        return None
    parts: list[str] = []
    sources: list[Source] = []
    for ref in refs[:3]:
        text = report_text(ref.id)
        span = _find(kind, text, f"{q.text} {q.query}")
        if span is None:
            continue
        spans = _with_other_fees(text, span) if kind.name == "fee" else [span]
        said = [re.sub(r"[\r\n]+|\*\*", "", text[a:b]).strip() for a, b in spans]
        lead = cp.fact_lead(kind.name, q.text + (q.query if q.query and _kind_of(q.text) is None else ""), said[0])
        parts.append(lead + cp.quoted(ref.agency, ref.year, None, cp.joined_quotes(said)))
        sources += [Source(report=ref.id, agency=ref.agency, year=ref.year, text=sentence, start=a, end=b)
                    for sentence, (a, b) in zip(said, spans, strict=True)]
    if not sources:
        return None
    return Answer(question=q.text, text="".join(parts), found=True, route="retrieval", sources=tuple(sources))


def _sentences(text: str, *, marks: str = "。！？；!?;") -> list[tuple[int, int]]:
    """(start, end) of each sentence: cut after the marks (。！？； by default) and at line breaks."""
    spans, start = [], 0
    for m in re.finditer(f"[{marks}]|\\n+", text):
        end = m.end() if m.group() not in "\n" and not m.group().startswith("\n") else m.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def published_on(text: str) -> str:
    """The site a report names for itself (本报告在“甲管委会”门户网站公布 → “甲管委会”门户网站), or ""."""
    where = next(k for k in KINDS if k.name == "where")
    span = _find(where, text, "")
    return nf.site_named(text[span[0]:span[1]]) if span is not None else ""


def _find(kind: Kind, text: str, question: str) -> tuple[int, int] | None:
    """The span of the sentence stating the fact of this kind, or None."""
    if kind.name == "date":  # put on the web: the page's header time; signed or written: the 落款
        page = nf.page_date_span(text) if _ON_WEB.search(question) and not _SIGNED.search(question) else None
        return page or _signature_date(text)
    if kind.name == "why":
        return _reason(kind, text, question)
    if kind.name in _NAMED_FINDERS:
        return _NAMED_FINDERS[kind.name](text, question)
    found = [(s, e) for s, e in _sentences(text) if kind.states.search(text[s:e])]
    if kind.name == "on_time":  # 是不是都按时回复了: a sentence that says when things were done (及时回应关切 does not)
        found = [(s, e) for s, e in found if "\t" not in text[s:e] and cp.says_when_done(text[s:e])]
    if not found:
        return None
    if kind.name == "fee":  # the sentence that says whether fees were charged, not one that names the rule only
        said = [(s, e) for s, e in found if re.search(r"未|不|无|没有|免|\d", text[s:e])]
        found = said or found
    if kind.name in {"deadline", "info_count", "subject", "paper", "on_time"}:  # several such sentences: the one the question's words fit
        words = {question[i:i + 2] for i in range(len(question) - 1)}
        return max(found, key=lambda p: (sum(w in text[p[0]:p[1]] for w in words), -p[0]))
    return found[0]


# the sentence sharing the words of the kind of information asked (征地公告) answers where it went; else (政府信息) the
# first sentence naming a site that information in general went on, no named kind in it
_NAMED_THING = re.compile(r"许可|处罚|强制|决定|文件|政策|公告|通知|目录|清单|数据|意见|方案|规划|计划|预算|决算|解读|公报|名单")
_NAMED_FINDERS: dict[str, Callable[[str, str], tuple[int, int] | None]] = {
    "rule": nf.rule_span,
    "uses": nf.uses_span,
    "channel": lambda text, _q: nf.channel_span(text),
    "entry": nf.entry_span,
    "offers": nf.offers_span,
    "handover": nf.handover_span,
    "copy": lambda text, _q: nf.copy_span(text),
    "issued": lambda text, _q: nf.issued_span(text),
    "addressee": lambda text, _q: nf.addressee_span(text),
    "doer": nf.doer_span,
    "reading": reach.reading_span,
    "account": reach.account_span,
    "added": nf.added_span,
    "site": lambda text, q: nf.site_span(text, q) or nf.general_site_span(text, _NAMED_THING)
    or nf.site_span(text, q, least=0),
}
_ON_WEB = re.compile(r"网|挂|上线|发布时间|发布日期|公布|贴出")
_SIGNED = re.compile(r"落款|写|签|署|成文|印发|最后|末尾|结尾|文末")


def asks_doer(q: Question) -> bool:
    """Whether q asks who does an activity (门户网站交给谁监测): a subject fact, never a contact detail it names."""
    kind = _kind_of(q.text)
    return kind is not None and kind.name == "doer" and bool(q.agencies)


# a sentence on fees for something else: 行政事业性收费 (表二), 收费项目 cleared, 逾期未缴纳 (表三's row)
_OTHER_FEE = re.compile(r"行政事业性|收费项目|收费标准|清理|逾期|缴纳费用")


def _with_other_fees(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The fee sentence found and every other sentence of the report on fees for information (不收取费用。但是，…
    收取信息处理费): the answer quotes them all, the one found first; one that follows right after it joins its quote."""
    fee = next(k for k in KINDS if k.name == "fee")
    spans = [span]
    for s, e in _sentences(text):
        if s < span[1] and e > span[0] or not fee.states.search(text[s:e]) or _OTHER_FEE.search(text[s:e]):
            continue
        last = spans[-1]
        if 0 <= s - last[1] <= 2 and not text[last[1]:s].strip():
            spans[-1] = (last[0], e)  # the next sentence: one quote
        else:
            spans.append((s, e))
    return spans


_STOP = re.compile(r"[\s？?，,。、“”]|^\d\d$|^\d?年|为什|什么|原因|怎么|多少|哪些|年报|报告|政府|信息|公开")
NEAR = 4  # a reason is stated within this many sentences of the fact it explains


def _reason(kind: Kind, text: str, question: str) -> tuple[int, int] | None:
    """The clause giving the reason for the fact the question (and the earlier one) asks about: the sentence sharing
    most words with the question is the fact; the nearest clause within NEAR sentences that states a cause explains it."""
    words = {question[i:i + 2] for i in range(len(question) - 1)} - {""}
    words = {w for w in words if not _STOP.search(w)}
    spans = _sentences(text, marks="。！？!?")  # a ；-list of contact details is one sentence here
    if not spans or not words:
        return None
    scores = [sum(w in text[s:e] for w in words) for s, e in spans]
    anchor = max(range(len(spans)), key=lambda i: (scores[i], -i))
    if scores[anchor] == 0:
        return None
    order = sorted(range(max(0, anchor - NEAR), min(len(spans), anchor + NEAR + 1)), key=lambda i: (abs(i - anchor), i < anchor))
    # 为啥要成立领导小组: the purpose said in the fact's own sentence (防止…, else 确保…) before any cause near it
    tests = (*_PURPOSES, kind.states) if _PURPOSE_ASKED.search(question) else (kind.states,)
    for states in tests:
        for i in order[:1] if states is not kind.states else order:
            s, e = spans[i]
            for m in re.finditer(r"[^，,]+", text[s:e]):
                if states.search(m.group()):
                    return s + m.start(), s + m.end()
    return None


_PURPOSE_ASKED = re.compile(r"(?:为什么|为何|为啥|干嘛|干什么)要")
_PURPOSES = (re.compile(r"防止|避免|杜绝|以免|以防|防范"), re.compile(r"确保|为了|以便|便于"))


def _signature_date(text: str) -> tuple[int, int] | None:
    """The 落款 date: the last full date that follows a body's name with no sentence break between (the signature),
    preferring the signature over a later 印发 line; the span runs from the name to the date."""
    closing = re.compile(r"(?:局|厅|委|政府|办公室|办公厅|委员会|中心|管委会|片区|街道|镇|乡|部)\s*(?:办公室)?\s*(" + _DATE + ")")
    found = [m for m in closing.finditer(text) if m.start(1) > len(text) // 2]
    signed = [m for m in found if not text[m.end(1):m.end(1) + 3].lstrip().startswith("印发")] or found
    if not signed:
        return None
    m = signed[-1]
    start = max(text.rfind(c, 0, m.start()) for c in "。；\n") + 1
    return start, m.end(1)
