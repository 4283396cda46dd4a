"""Quoted answers: a quoted passage, a section's list of items, contact details."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from govqa.qa import lexicon as lx
from govqa.qa import named_facts as nf
from govqa.qa import reach
from govqa.qa.compose.labels import report_title
from govqa.qa.lists import starts_item
from govqa.qa.parts import Part
from govqa.qa.passages import Passage
from govqa.qa.sentence_names import noun_label


def quoted(agency: str, year: int | None, section: str | None, quote: str) -> str:
    """The sentence a quoted answer is said in: 根据《…》“section”部分：“quote” (the body when no section is known)."""
    where = f"“{section}”部分" if section else "正文"
    return f"根据{report_title(agency, year)}{where}：“{quote}”"


def items_lead(items: Sequence[str]) -> str:
    """The items a follow-up asked, said before the sentence that names them (经费保障、人员保障。)."""
    return f"{'、'.join(items)}。"


def joined_quotes(sentences: Sequence[str]) -> str:
    """Several sentences of one report quoted as one: apart in the text, they are joined by ……."""
    return "……".join(sentences)


# the quote says the things were done (已办结, 全部办结, 均已答复, 办结率100%), or not (尚未办结, 未答复)
_SAID_NOT_DONE = re.compile(r"(?:未|尚未|没有|没|仍未)(?:能|全部|完全)?(?:办结|办完|答复|回复|处理完|完成)")
_SAID_DONE = re.compile(r"(?:已经?|全部|均已?|都已?|按时|按期|依法)(?:予以)?(?:办结|办完|办理完毕|答复|回复|处理完毕|完成)"
                        r"|(?:办结|答复|回复|办理)率(?:为|达|达到)?\s*100\s*[%％]")


# the quote says when things were done: on time (全部按期答复, 均在法定期限内办结), none late (无逾期, 未出现超期), or some late
_DONE_WORDS = r"(?:予以)?(?:答复|回复|办结|办理|办完|处理|完成|反馈)(?:完毕)?"
_SAID_ON_TIME = re.compile(r"(?:全部|均已?|都已?|100\s*[%％]|一律)?(?:(?:在|于)(?:法定|规定)[^，。；,;]{0,4}?(?:期限|时限|时间)内?"
                           r"[^，。；,;]{0,4}?|按期|按时|如期|准时|及时)" + _DONE_WORDS)
_SAID_NONE_LATE = re.compile(r"(?:无|没有|未(?:出现|发生)?|不存在)(?:一件|任何)?(?:逾期|超期|超时|延期)")
_SAID_LATE = re.compile(r"(?<![无未没])(?:逾期|超期|超时|延期)" + _DONE_WORDS + r"?\d+件|(?:未能?|没有)(?:按期|按时|如期)" + _DONE_WORDS)
_ASKED_LATE = re.compile(r"超期|逾期|超时|超过(?:法定)?(?:期限|时限)|过了?期限|拖延|延误")


def says_when_done(sentence: str) -> bool:
    """Whether a sentence says things were done on time or late (全部按期答复 / 无逾期 / 逾期答复2件)."""
    return bool(_SAID_ON_TIME.search(sentence) or _SAID_NONE_LATE.search(sentence) or _SAID_LATE.search(sentence))


def on_time_lead(question: str, quote: str) -> str:
    """The plain answer a 按期答复了吗 / 有没有超期 question leads with, from the quote's own words (是，全部按期答复。 /
    没有，无逾期答复。), else '' (the quote does not say when)."""
    if not lx.ASKED_ON_TIME.search(question):
        return ""
    late = _SAID_LATE.search(quote)
    said = late or _SAID_ON_TIME.search(quote) or _SAID_NONE_LATE.search(quote)
    if said is None:
        return ""
    if _ASKED_LATE.search(question):  # 有没有超期的: yes when some were late
        return f"有，{said.group(0)}。" if late else f"没有，{said.group(0)}。"
    return f"没有全部按期，{said.group(0)}。" if late else f"是，{said.group(0)}。"


# 公开率达到100%了吗 / 办结率是不是100%: a rate asked with its value, yes or no
_ASKED_RATE_VALUE = re.compile(r"([\u4e00-\u9fff]{2}率)[^，。？?\d]{0,6}?(\d+(?:\.\d+)?)\s*[%％](?=[^，。？?]{0,4}(?:吗|么|没有?|与否))"
                               r"|(?:是不是|是否|有没有)[^，。？?\d]{0,8}?(\d+(?:\.\d+)?)\s*[%％]")
_SAID_RATE = re.compile(r"([\u4e00-\u9fff]{2}率)(?:为|达|达到|是)?\s*(\d+(?:\.\d+)?)\s*[%％]")


def rate_lead(question: str, quote: str) -> str:
    """The plain answer a 公开率达到100%了吗 question leads with from the rate the quote states, else ''."""
    asked = _ASKED_RATE_VALUE.search(question)
    said = _SAID_RATE.search(quote)
    if asked is None or said is None:
        return ""
    value = float(asked.group(2) or asked.group(3))
    reached = "达到" in question or "以上" in question
    yes = float(said.group(2)) >= value if reached else float(said.group(2)) == value
    return f"{'是' if yes else '不是'}，{said.group(0)}。"


def done_lead(question: str, quote: str) -> str:
    """The plain answer a 办结了没有 question leads with when the quote says it (是，已办结。 / 没有，尚未办结。), else ''."""
    if lead := on_time_lead(question, quote) or rate_lead(question, quote):
        return lead
    asked = lx.ASKED_DONE.search(question)
    if asked is None:
        return ""
    verb = next(g for g in asked.groups() if g)
    if _SAID_NOT_DONE.search(quote):
        return f"没有，尚未{verb}。"
    return f"是，已{verb}。" if _SAID_DONE.search(quote) else ""


def contact_not_printed(agency: str, year: int | None, kinds: Sequence[str], other_years: Sequence[int]) -> str:
    """The agency's report of that year (any, when None; and its other reports, when listed) prints none of the asked
    contact details."""
    where = report_title(agency, year) if year is not None else f"{agency}的年度报告"
    others = f"，该机关其他年度（{'、'.join(f'{y}年' for y in other_years)}）的报告也没有" if other_years else ""
    return f"{where}中没有载明{'、'.join(kinds)}{others}。"


def site_only(site: str) -> str:
    """What a report without a printed 网址 says of where it is published (它只写明在“…”门户网站公布), or ""."""
    return f"报告只写明本报告在{site}公布。" if site else ""


def contact_lead(title: str, *, newest: int | None = None, older: tuple[int | None, int | None] | None = None) -> str:
    """据《…》, noting the newest report read for a question without a year, or the older report that printed it."""
    if newest is not None:
        return f"据{title}（问题未写年份，按该机关最新的{newest}年报告）"
    if older is not None:
        return f"据{title}（{older[0]}年报告未载明，这是{older[1]}年报告所载）"
    return f"据{title}"


def contact_facts(lead: str, said: Sequence[tuple[str, Sequence[str]]], zone: str, quotes: str) -> str:
    """The contact details one report prints (kind：value、value；…) and the sentences quoted whole."""
    details = "；".join(f"{k}：{'、'.join(values)}" for k, values in said)
    return f"{lead}，{details}。原文（“{zone}”部分）：{quotes}"


def contact_printed_instead(said: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The contact details the report does print, after saying it lacks the asked one (报告载明的是…), or ""."""
    if not said:
        return ""
    return "报告载明的联系方式是：" + "；".join(f"{k}：{'、'.join(values)}" for k, values in said) + "。"


def contact_missing(kinds: Sequence[str]) -> str:
    """The asked details no report of the agency prints."""
    return f"报告中没有载明{'、'.join(kinds)}。"


def part_not_said(agency: str, year: int, name: str) -> str:
    """The plain sentence for a part (上年问题整改情况) the report's section does not hold."""
    return f"{report_title(agency, year)}中没有写{name}（报告未载明，不表示没有整改）。"


def list_lines(agency: str, year: int, part: Part, items: Sequence[Passage], shown: Sequence[Passage], *,
               said: str = "", one_sentence: bool = False) -> list[str]:
    """A section answer's lines for one report: the lead (how many items of what; the one asked for when ``shown``
    is a single item of ``items``; ``said``: the one sentence that names them all), then each shown item (一是… /
    1. carry their own mark, others a dot)."""
    summary = _list_summary(part, items)
    if one_sentence or part.noun and items and items[0].heading == noun_label(part.noun):  # names one sentence gives: how many, and the sentence they are quoted from
        summary = f"{items[0].heading}共{len(items)}项" + (f"（原文：“{said}”）：" if said else "：")
    if 0 < part.nth <= len(items):  # 第二条是什么: that one item, after how many there are
        summary = f"{summary.rstrip('：')}，第{part.nth}项是："
    lead = f"根据{report_title(agency, year)}“{shown[0].section}”部分，{summary}"
    return [lead, *(p.text if starts_item(p.text) else f"· {p.text}" for p in shown)]


def term_not_said(agency: str, year: int, term: str) -> str:
    """The plain sentence for a quoted term or slogan the report never uses."""
    return f"{report_title(agency, year)}中没有提到“{term}”，无法说明它指什么（报告未载明）。"


def named_sentence_lines(agency: str, year: int, label: str, sentence: Passage) -> list[str]:
    """The answer for a term the report names without spelling it out: what it lacks, then the sentence naming it."""
    return [f"根据{report_title(agency, year)}“{sentence.section}”部分，{label}。原文：“{sentence.text}”"]


def _list_summary(part: Part, items: Sequence[Passage]) -> str:
    """The one plain sentence that leads the list: how many items of what."""
    named = (part.topic or (part.words[0] if part.words else "")).strip("“”\"「」‘’")
    what = f"“{named}”方面的{part.name}" if named else part.name
    if part.facet and not part.words:  # 通过哪些形式: the forms, not the work
        what = f"“{named}”的{part.facet}" if named else f"公开{part.facet}"
    if part.words and items and all(part.words[0] in p.text for p in items):  # 组织领导到位… : the items named so
        return f"带“{part.words[0]}”的共{len(items)}项："
    if all(starts_item(p.text) for p in items):
        return f"{what}共{len(items)}项："
    return f"{what}如下："




def with_prose(table_text: str, quote_text: str) -> str:
    """A table answer with the report's own sentence stating the same figure after it: …（报告正文：…）."""
    return f"{table_text}（报告正文：{quote_text}）"


_FACT_DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_NEGATIVE_FEE = re.compile(r"(?:未|不|无|没有|免)[^。，]{0,6}?(?:收取|收费|产生|收)|(?:收取|收费)[^。]{0,10}?(?:为|共)?\s*0\s*元|无收取")


# the plain fact a named-fact sentence gives (qa/named_facts.py): the rule's name, the ways to apply, the 抄送 line
_NAMED_LEADS: dict[str, Callable[[str, str], str]] = {
    "rule": lambda sentence, question: "、".join(nf.rule_names(sentence, question)),
    "uses": nf.uses_said,
    "channel": lambda sentence, _q: f"可通过{ways}等渠道提交申请" if (ways := nf.channel_names(sentence)) else "",
    "entry": lambda sentence, _q: (f"入口：{names}" if (names := nf.entry_names(sentence))
                                   else f"可通过{ways}等渠道提交申请" if (ways := nf.channel_names(sentence)) else ""),
    "handover": lambda sentence, _q: nf.handover_clause(sentence),
    "offers": nf.offered,
    "copy": lambda sentence, _q: f"抄送{who}" if (who := nf.copied_to(sentence)) else "",
    "issued": lambda sentence, _q: nf.issued_by(sentence),
    "compiled": lambda sentence, _q: nf.compiled_by(sentence),
    "addressee": lambda sentence, _q: nf.addressed_to(sentence),
    "account": reach.account_lead,
    "where": lambda sentence, _q: f"在{site}发布" if (site := nf.site_named(sentence)) else "",
    "site": lambda sentence, _q: f"在{site}公开" if (site := nf.site_published(sentence)) else "",
}


def fact_lead(kind: str, question: str, sentence: str) -> str:
    """The plain answer before the quote: the yes/no of a fee, the date, the deadlines, the subject, the count."""
    if kind == "fee":
        if _NEGATIVE_FEE.search(sentence):
            return "不收费，" if re.search(r"要|需要|得|会|吗", question) and "没有" not in question else "没有收取，"
        return ""
    if kind == "date":
        date = re.search(_FACT_DATE, sentence)
        if date:
            return f"{date.group()}（报告末尾落款）。"
        page = re.search(r"(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}", sentence)
        return f"{page.group()}（网页所载发布时间）。" if page else ""
    if kind == "deadline":
        days = re.findall(r"\d+\s*个?工作日|\d+\s*(?:日|天)(?=之内|以内|内)", sentence)
        return f"{'；'.join(dict.fromkeys(days))}。" if days else ""
    if kind == "subject":
        m = re.search(r"(?:主要涉及|主要集中在|主要集中于|集中在|集中于|主要是关于|主要关于|内容涉及|内容为|涉及)([^。；，,]{1,40}?)(?:方面|等|领域|问题|[。；，,]|$)",
                      sentence)
        return f"主要涉及{m.group(1)}。" if m else ""
    if kind == "paper":  # 出具告知书: the paper the sentence names, said first
        paper = re.search(r"(?:出具|开具|制发|送达|发出)(?:了)?([\u4e00-\u9fff]{0,12}?(?:告知书|答复书|决定书|文书))", sentence)
        return f"出具{paper.group(1)}。" if paper else ""
    if kind == "why":
        said = re.search(r"因为|由于|因(?!此|而|政府信息公开|依申请|申请)|鉴于|原因", sentence)
        return "报告所说的原因：" if said else "报告没有直接写原因，与之相关的说明是："
    if kind in _NAMED_LEADS:
        named = _NAMED_LEADS[kind](sentence, question)
        return f"{named}。" if named else ""
    if kind == "on_time":
        return on_time_lead(question, sentence)
    if kind == "info_count":
        m = re.search(r"依申请公开(?:的)?(?:政府)?信息(?:数|条数|数量)?(?:为|共|达|有)?\s*(\d+)\s*条", sentence)
        return f"依申请公开信息{m.group(1)}条（正文所写的信息条数，不是表三的申请件数）。" if m else ""
    return ""
