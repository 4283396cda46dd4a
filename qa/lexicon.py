"""The metric lexicon and intent words, as data: template labels plus everyday words mapped to cell keys.

Question understanding (qa/understand.py) reads these tables; nothing here has logic beyond lookups, except that
the row labels of answers and sources are read from the template data (index/templates/*.json).
Keys follow the shared spec: tables 主动公开 / 申请 / 复议诉讼, rows like 三.三.2, columns like 复议.总计.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govqa.index.templates import load_templates

# ---- labels for answers and sources ------------------------------------------------------------------------

TABLE_NAMES: dict[str, str] = {"主动公开": "表二", "申请": "表三", "复议诉讼": "表四"}

# the 办理结果 groups of 表三 (三.三 …): the templates keep only their leaf rows, answers also name the group
_RESULT_GROUPS: dict[str, str] = {"三.三": "不予公开", "三.四": "无法提供", "三.五": "不予处理", "三.六": "其他处理"}
# answer wording the templates cannot give: a label too long for a source line or a sentence, a count's noun
_LABEL_WORDING: dict[str, str] = {
    "三.六.1": "其他处理 1.申请人无正当理由逾期不补正", "三.六.2": "其他处理 2.申请人逾期未缴纳费用",
}
_SHORT_WORDING: dict[str, str] = {
    "一": "新收政府信息公开申请", "二": "上年结转的申请",
    "三.六.1": "申请人无正当理由逾期不补正、行政机关不再处理", "三.六.2": "申请人逾期未按收费通知要求缴纳费用",
    "三.六.3": "其他处理中的其他情形", "三.七": "办理结果总计", "四": "结转下年度继续办理的申请",
}


def _plain(label: str) -> str:
    """A template label without its bracketed note: 部分公开（区分处理的，…） → 部分公开."""
    return re.sub(r"（[^）]*）$", "", label)


def _applications_label(key: str, label: str) -> str:
    """The printed form of a 表三 row with its numbering: 一、…, （二）部分公开, 不予公开 1.属于国家秘密."""
    if key in _LABEL_WORDING:
        return _LABEL_WORDING[key]
    parts = key.split(".")
    if len(parts) == 1:
        return f"{key}、{label}"
    if len(parts) == 2:
        return f"（{parts[1]}）{_plain(label)}"  # 三.二 → （二）
    return f"{_RESULT_GROUPS['.'.join(parts[:2])]} {parts[2]}.{label}"


def _row_wording() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """ROW_LABELS and ROW_SHORT from the template rows (both versions), plus the 办理结果 group headings."""
    labels: dict[str, dict[str, str]] = {}
    short: dict[str, str] = {}
    for template in load_templates().values():
        for name, table in template.tables.items():
            mine = labels.setdefault(name, {})
            for row in table.rows:
                if name == "申请":
                    mine[row.key] = _applications_label(row.key, row.label)
                    short[row.key] = _SHORT_WORDING.get(row.key) or _plain(row.label)
                else:
                    mine[row.key] = row.label
    for key, group in _RESULT_GROUPS.items():
        labels["申请"].setdefault(key, _applications_label(key, group))
        short.setdefault(key, group)
    return labels, short


# labels for answers and sources: the printed row label with its numbering (一、本年新收…, 不予公开 1.属于国家秘密);
# short names used inside answer sentences ("予以公开10件")
ROW_LABELS, ROW_SHORT = _row_wording()

COL_LABELS: dict[str, str] = {
    "复议.维持": "行政复议 结果维持", "复议.纠正": "行政复议 结果纠正", "复议.其他": "行政复议 其他结果",
    "复议.未审结": "行政复议 尚未审结", "复议.总计": "行政复议 总计",
    "直诉.维持": "未经复议直接起诉 结果维持", "直诉.纠正": "未经复议直接起诉 结果纠正",
    "直诉.其他": "未经复议直接起诉 其他结果", "直诉.未审结": "未经复议直接起诉 尚未审结",
    "直诉.总计": "未经复议直接起诉 总计",
    "复议后诉.维持": "复议后起诉 结果维持", "复议后诉.纠正": "复议后起诉 结果纠正",
    "复议后诉.其他": "复议后起诉 其他结果", "复议后诉.未审结": "复议后起诉 尚未审结",
    "复议后诉.总计": "复议后起诉 总计",
}

APPLICANT_COLS: tuple[str, ...] = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")

# the 2021 template renamed some keys; a query for one also accepts the other
EQUIVALENT: dict[str, tuple[str, ...]] = {
    "规范性文件": ("规范性文件", "行政规范性文件"),
    "本年新制作数量": ("本年新制作数量", "本年制发件数"),
    "对外公开总数量": ("对外公开总数量", "现行有效件数"),
    "处理决定数量": ("处理决定数量", "本年处理决定数量"),
}

# virtual columns: the sum of real ones (行政诉讼 = 直接起诉 + 复议后起诉)
COMPOSITE: dict[str, tuple[str, ...]] = {
    f"诉讼.{o}": (f"直诉.{o}", f"复议后诉.{o}") for o in ("维持", "纠正", "其他", "未审结", "总计")
}
# the template's 法人或其他组织 heading spans five applicant columns
ORGANISATIONS: tuple[str, ...] = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
COMPOSITE["法人或其他组织"] = ORGANISATIONS
COMPOSITE_LABELS: dict[str, str] = {
    "法人或其他组织": "法人或其他组织",
    "诉讼.维持": "行政诉讼 结果维持", "诉讼.纠正": "行政诉讼 结果纠正", "诉讼.其他": "行政诉讼 其他结果",
    "诉讼.未审结": "行政诉讼 尚未审结", "诉讼.总计": "行政诉讼",
}

# the carry-over rows said in plain words, in both directions (qa/understand.py tries them before the word list):
# 上一年没办完、结转过来的 / 从去年转过来的 / 上年遗留 → 二 (上年结转); 转到了下一年 / 留到明年办 / 年底还没办完 → 四
_PRIOR = r"(?:上一?年度?|去年|前一年|往年|以前年度)"
_UNDONE = r"(?:没有?|未|尚未|还没有?|仍未|仍然没有?)(?:办|处理|答复|结|完|处置)"
CARRY_IN = re.compile(
    _PRIOR + r"[^，,。？?；;！!]{0,8}?(?:结转|转过来|转来|转入|转到本年|遗留|留下|剩下|剩余|积压|带过来|延续)|"
    + _PRIOR + r"[^，,。？?；;！!]{0,8}?" + _UNDONE
    + r"|(?:从|由)" + _PRIOR + r"[^，,。？?]{0,4}?(?:转|带|结)|结转(?:过来|而来|来的)|转过来的|跨年(?:结转)?过来")
# 留到2025年再办: the year after the report's, named as where the applications went, is no report asked
CARRY_TO_YEAR = re.compile(r"(?:结转|转|留|顺延|延|推|拖|放)(?:到|至|入|进)了?(?:19|20)\d{2}\s*年度?"
                           r"|(?:到|至|等到)(?:19|20)\d{2}\s*年度?(?:初|以后|后)?(?:再|才|继续|接着)(?:办|处理|答复)")
CARRY_OUT = re.compile(
    CARRY_TO_YEAR.pattern + r"|(?:结转|转|留|顺延|延|推|拖|放)(?:到|至|入|进)?了?(?:下一?个?年度?|明年|来年|次年|第二年|新的一年)"
    r"|(?:年底|年末|年终|截至年底|到年底|当年)[^，,。？?；;]{0,6}?" + _UNDONE
    + r"|(?:下一?年度?|明年|次年|来年|第二年)[^，,。？?]{0,3}?(?:继续|接着|再|才)(?:办|处理|答复)")
# 2022年没办完、转到2023年接着办: both years named; which row depends on which of them is the report asked
CARRY_BETWEEN = re.compile(r"((?:19|20)\d{2})\s*年度?[^，,。？?]{0,6}?" + _UNDONE + r"[^。？?]{0,12}?"
                           r"(?:结转|转|留|顺延|延|推|带|拖)(?:到|至|入|进)了?((?:19|20)\d{2})\s*年度?")
# 没办完、要拖到下一年 / 还没处理完，留到明年: the undone part said before where it goes is one description of 四; an
# application not finished (还有几件申请没办完, 尚未办结的申请) is one the year passed on, whatever the question says of where
_UNFINISHED = r"(?:没有?|未|尚未|还没有?|仍未|仍然没有?)(?:办理?|处理|答复)(?:完毕?|结)"
CARRY_OUT = re.compile(_UNDONE + r"完?(?:结)?了?的?[、，,\s]*(?:要|得|需要?|只能|将|会|就|而|并|被)?" + r"(?:" + CARRY_OUT.pattern
                       + r")|" + CARRY_OUT.pattern + "|" + _UNFINISHED)
# a relative year inside a row's name or a comparison: 上一年项目数量 / 上一年有几个项目 / 跟上一年比 (qa/arith.py reads
# the comparison itself), not the report asked
PRIOR_ITEMS = re.compile(r"上一?年度?[^，,。？?；;]{0,10}?(?:项目|几项|多少项|项数)")
THAN_PRIOR = re.compile(r"[比较](?:上一?年度?|前一年|去年)|[跟和与同](?:上一?年度?|前一年|去年)(?:相?比|对比|比较)")

# applications handled (办理 / 处理 / 办结 / 答复, 每年办理的信息公开申请总数) are the outcomes' total 三.七; received
# ones (收到 / 新收 / 受理) are 一; 不予处理 / 区分处理 / 其他处理 are rows of their own
HANDLED_APPLICATIONS = re.compile(r"(?<!不予)(?<!区分)(?<!其他)(?:办理|处理|办结|答复)(?:了|过|完)?的?[^，。？?；收受]{0,8}?申请"
                                  r"|申请(?:的)?(?:办理|处理|办结)(?:了|的)?(?:总数|数量|总量|件数|量|多少|几)")
RECEIVED_APPLICATIONS = re.compile(r"收到|新收|受理|接到|收了|提出|提交")

# groups of rows answered as their leaf rows (不予公开 → 三.三.1 … 三.三.8)
GROUP_ROWS: frozenset[str] = frozenset({"三.三", "三.四", "三.五", "三.六"})  # 三.六 is split in 2021


# ---- the metric lexicon ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RowTerm:
    """Words that name a table row, and the column answered when the question names none (None = all)."""

    words: tuple[str, ...]
    table: str
    row: str
    default_col: str | None
    weight: int = 0  # added to the word length when two terms compete; generic words lose to specific ones


ROW_TERMS: tuple[RowTerm, ...] = (
    # 申请 table
    RowTerm(("本年新收", "新收", "收到", "收了", "接到", "受理", "申请数量", "申请量", "提出申请"),
            "申请", "一", "总计"),
    # 依申请公开 names the whole table as often as its first row: an outcome named beside it (予以公开) wins
    RowTerm(("依申请公开",), "申请", "一", "总计", weight=-5),
    RowTerm(("多少申请", "申请了多少", "几件申请", "几个申请", "申请多少", "多少件申请", "多少个申请", "申请公开", "申请"),
            "申请", "一", "总计", weight=-3),
    RowTerm(("上年结转", "上一年结转", "去年结转", "上年度结转", "从上年结转"), "申请", "二", "总计"),
    RowTerm(("结转下年", "结转到下年", "结转至下年", "下年度继续办理", "继续办理", "结转", "转入下一年"), "申请", "四", "总计"),
    RowTerm(("予以公开", "给予公开", "准予公开", "批准公开", "全部公开", "同意公开", "直接公开", "完全公开", "全公开"), "申请", "三.一", "总计"),
    # 区分处理: the template's own gloss of 部分公开; 只公开了一部分 / 公开了部分: the same outcome in plain words
    RowTerm(("部分公开", "区分处理", "部分予以公开", "公开了一部分", "公开一部分", "公开了部分", "只公开部分"),
            "申请", "三.二", "总计"),
    RowTerm(("不予公开", "不公开", "拒绝公开", "未予公开"), "申请", "三.三", "总计"),
    RowTerm(("国家秘密", "涉密"), "申请", "三.三.1", "总计"),
    RowTerm(("法律行政法规禁止", "法规禁止公开", "禁止公开"), "申请", "三.三.2", "总计"),
    RowTerm(("三安全一稳定",), "申请", "三.三.3", "总计"),
    RowTerm(("第三方合法权益", "第三方"), "申请", "三.三.4", "总计"),
    RowTerm(("内部事务",), "申请", "三.三.5", "总计"),
    RowTerm(("过程性信息", "过程性"), "申请", "三.三.6", "总计"),
    RowTerm(("行政执法案卷", "执法案卷"), "申请", "三.三.7", "总计"),
    RowTerm(("行政查询事项", "查询事项"), "申请", "三.三.8", "总计"),
    RowTerm(("无法提供", "没法提供", "提供不了", "不能提供", "没能提供", "未能提供"), "申请", "三.四", "总计"),
    RowTerm(("本机关不掌握", "不掌握", "没有掌握", "没有这个信息", "没有该信息", "没有相关信息", "信息不存在", "手里没有"),
            "申请", "三.四.1", "总计"),
    RowTerm(("没有现成信息", "另行制作", "无现成信息"), "申请", "三.四.2", "总计"),
    RowTerm(("补正后", "仍不明确", "内容不明确"), "申请", "三.四.3", "总计"),
    RowTerm(("不予处理", "不处理"), "申请", "三.五", "总计"),
    RowTerm(("信访举报投诉", "信访", "举报投诉", "投诉类"), "申请", "三.五.1", "总计"),
    RowTerm(("重复申请", "重复提交", "重复提出", "重复递交"), "申请", "三.五.2", "总计"),
    RowTerm(("公开出版物", "出版物"), "申请", "三.五.3", "总计"),
    RowTerm(("大量反复申请", "大量反复", "反复申请"), "申请", "三.五.4", "总计"),
    RowTerm(("确认或重新出具", "重新出具"), "申请", "三.五.5", "总计"),
    RowTerm(("其他处理",), "申请", "三.六", "总计"),
    # 2021 template: （六）其他处理 split into three rows
    RowTerm(("逾期不补正", "不补正", "无正当理由逾期"), "申请", "三.六.1", "总计"),
    RowTerm(("未按收费通知", "逾期未缴纳", "未缴纳费用", "未缴费", "不缴费"), "申请", "三.六.2", "总计"),
    RowTerm(("其他处理中的其他", "其他处理里的其他", "其他情形"), "申请", "三.六.3", "总计"),
    RowTerm(("办理结果总计", "办理结果", "办理了", "处理了多少申请", "答复了"), "申请", "三.七", "总计"),
    # 办结 / 处理完: a verb of finishing names the outcomes' total, also beside 依申请公开 (依申请公开办结了多少件: 依申请公开
    # weighs least of the named rows); beside 复议 it ties and the word said first wins (复议办结了几件 counts 复议 cases)
    RowTerm(("办结", "办理完", "处理完", "办完", "答复完"), "申请", "三.七", "总计"),
    # 主动公开 table
    RowTerm(("规章",), "主动公开", "规章", None),
    RowTerm(("规范性文件", "行政规范性文件"), "主动公开", "规范性文件", None),
    RowTerm(("行政许可", "许可"), "主动公开", "行政许可", "处理决定数量"),
    RowTerm(("其他对外管理服务事项", "对外管理服务"), "主动公开", "其他对外管理服务事项", "处理决定数量"),
    RowTerm(("行政处罚", "处罚", "罚款", "罚了"), "主动公开", "行政处罚", "处理决定数量"),
    RowTerm(("行政强制", "强制措施", "强制"), "主动公开", "行政强制", "处理决定数量"),
    RowTerm(("行政事业性收费", "事业性收费", "收费项目", "收费"), "主动公开", "行政事业性收费", None),
    RowTerm(("政府集中采购", "集中采购", "采购"), "主动公开", "政府集中采购", None),
    # 复议诉讼 table: the row is always 数量; the words pick the column group
    RowTerm(("复议后起诉", "复议后诉讼", "复议后又起诉", "复议后提起诉讼"), "复议诉讼", "数量", "复议后诉.总计"),
    RowTerm(("未经复议直接起诉", "直接起诉", "直接提起诉讼", "直诉"), "复议诉讼", "数量", "直诉.总计"),
    RowTerm(("行政复议", "复议"), "复议诉讼", "数量", "复议.总计"),
    RowTerm(("行政诉讼", "诉讼", "被告", "打官司", "官司", "被起诉", "起诉", "告上法庭", "告到法院", "告上法院", "法院"),
            "复议诉讼", "数量", "诉讼.总计"),
)

# rows described in everyday words rather than named (他们手上没有那个信息 → 三.四.1, 逾期不交费 → 三.六.2, 要重新汇总
# 加工的 → 三.四.2, 查封扣押 → 行政强制): qa/understand.py weighs a description's match as a word of its length beside
# the words above. The 申请 table's reason rows are described only when the question speaks of applications
# (APPLICATION_CONTEXT): 涉及个人隐私 or 保密 alone is no count of applications.
_NOT = r"(?:不|没有?|未|拒绝|拒不|迟迟不|逾期不|逾期未|逾期没有?)"
_ON_TIME = r"(?:按时|按期|及时|按要求|如期)?"
_HOLDER = r"(?:手上|手里|手头|手中|本机关|本单位|本部门|这个单位|这个部门|机关自己|单位自己)"
_THAT_INFO = (r"(?:这个|那个|这|那|该|此|这些|那些|这种|这方面|那方面|相关|对应|所要|要的|申请的|所申请|人家要|申请人要)的?(?:政府)?"
              r"(?:信息|资料|材料|文件|数据|东西)")
_DESCRIBED: dict[tuple[str, str], tuple[str, ...]] = {
    # 申请 · outcome groups
    # (这些申请都公开了吗 after a count asks about that count: 都 alone is no outcome)
    ("申请", "三.一"): (r"(?:全都|全部|完全|如数)(?:给|予以|被|同意)?(?:公开|提供)(?!申请)|(?:同意|答应|批准|准予)了?(?:公开|提供)",),
    ("申请", "三.二"): (r"(?:给|提供|公开)了?(?:一)?部分|只(?:给|公开|提供)了?(?:一些|一点|部分)",),
    # (a bare 没公开/未公开 is every outcome but 公开: the 未公开 group of qa/indicators.toml, counted by qa/arith.py)
    ("申请", "三.三"): (r"(?:(?<!有)没有|没(?!有)|未)(?:给|予以?|被)公开(?!申请)",
                    r"(?:不给|没给|不让|不准|不肯|不同意|没同意|没有同意|拒绝|拒不|没让)(?:予以?)?公开",),
    ("申请", "三.四"): (r"给不了|给不出|拿不出|提供不出|提供不了|(?:没法|无法|没办法|不能|没能)(?:给|提供|拿出)",),
    ("申请", "三.五"): (r"不(?:予|给)?受理|没有?受理|拒绝(?:受理|处理|办理)|不(?:予|给)(?:办理|处理)",),
    ("申请", "三.六"): (r"(?:不再|没再|不会再|不用再|无需再)(?:处理|办理|办|管|受理)",),
    # 不予公开 · its eight reasons
    ("申请", "三.三.1"): (r"(?:涉及|属于|是|因为|因)?(?:国家)?(?:秘密|机密|绝密)(?!审查)|涉密|保密(?:信息|事项|文件|规定|原因)",),
    ("申请", "三.三.2"): (r"(?:法律|法规|条例)[^，,。？?；]{0,6}?(?:禁止|不允许|不让|不准|不许|不得)",),
    ("申请", "三.三.3"): (r"(?:国家|公共|经济)安全|社会稳定|三安全|危及安全|(?:危害|危及|威胁|影响)[^，,。？?]{0,4}?(?:安全|稳定)",),
    ("申请", "三.三.4"): (r"第三方|(?:个人|他人|别人)的?隐私|他人|别人|隐私|商业秘密|(?:合法)?权益受损|损害[^，,。？?]{0,4}?权益",),
    ("申请", "三.三.5"): (r"内部(?:事务|管理|事项|的?事情?|信息|人事|流程|工作)|人事管理|后勤管理",),
    ("申请", "三.三.6"): (r"过程(?:性|中的?)|讨论记录|过程稿|磋商|请示报告|草稿|征求意见稿|还在(?:讨论|研究)|没有?定稿|未定稿",),
    ("申请", "三.三.7"): (r"执法案卷|案卷|卷宗|执法档案|办案材料|案件材料",),
    ("申请", "三.三.8"): (r"查询事项|(?:属于|算是?|是)[^，,。？?]{0,2}查询|(?:可以|应当|应该|能|得)(?:自己)?(?:去)?(?:查询|查档|查到)"
                       r"|档案查询|查询(?:渠道|途径|服务|系统)",),
    # 无法提供 · its three reasons
    ("申请", "三.四.1"): (_HOLDER + r"[^，,。？?；]{0,3}?(?:没有|没|无|不掌握|未掌握|没掌握|不持有|不保存|没保存)",
                       r"(?:没有|没|无|不掌握|未掌握|没掌握|找不到|查不到|查无|不存在)" + _THAT_INFO,
                       r"(?:信息|资料|文件|东西)(?:根本|压根|本来就|本身就)?(?:不存在|找不到|查不到|查无)|查无此|查无相关",
                       r"不(?:归|属于)(?:他们|本机关|本单位|自己|这个单位)(?:管|掌握|职责)|不是(?:他们|本机关|本单位|自己)(?:的|掌握|管)"),
    ("申请", "三.四.2"): (r"现成|另行制作|另外(?:制作|做|整理|汇总|统计|加工|生成)|(?:重新|专门|额外|需要|得要?)(?:制作|整理|汇总|统计|加工|生成|编制)"
                       r"|加工|汇总整理|统计分析",),
    ("申请", "三.四.3"): (r"(?:补正|补充|补齐|修改)(?:了|过)?(?:之后|以后|后)?[^，,。？?；]{0,6}?(?:仍|还|依然|依旧|也|仍然|还是)"
                       r"(?:不明确|不清楚?|说不清|看不懂|没说清|不明白|含糊)",
                       r"(?:说|写|讲|描述|表述|表达|内容|要求|诉求)(?:得)?(?:不清楚?|不明确|不明白|模糊|含糊)|没有?(?:说|写|讲)(?:清楚?|明白)",),
    # 不予处理 · its five reasons
    ("申请", "三.五.1"): (r"投诉|举报|信访|上访|反映问题",),
    ("申请", "三.五.2"): (r"重复|(?:同样|相同|一样|同一)的?(?:内容|事项|信息|问题|申请|事)[^，,。？?；]{0,6}?(?:再|又|多次|再次|重新)"
                       r"|(?:再|又)(?:申请|提|交)了?一(?:遍|次|回)",),
    ("申请", "三.五.3"): (r"出版物|图书|书籍|报纸|报刊|杂志|期刊|年鉴|已经?出版|公开出版|(?:书店|外面|市面上)[^，,。？?]{0,3}?(?:买|看)",),
    ("申请", "三.五.4"): (r"大量|频繁|三番五次|没完没了|一次又一次|接二连三|屡次|批量|(?:不停|反复)地?(?:申请|提|要)",),
    ("申请", "三.五.5"): (r"重新(?:出具|开具|开|出|盖章|给一份)|再(?:开|出具|出|给|要)一份|(?:确认|证明)[^，,。？?]{0,6}?(?:已经?|之前|以前|早先)"
                       r"(?:拿到|获取|获得|得到|给过)|(?:已经?|之前|早就?)(?:拿到|获取|获得|得到)(?:了|过)?的(?:信息|文件|材料)",),
    # 其他处理 · its three rows (2021)
    ("申请", "三.六.1"): (_NOT + _ON_TIME + r"(?:补正|补充|补齐|补交|补材料|补全|补足)",
                       r"(?:补正|补充材料|补材料)[^，,。？?]{0,3}?(?:逾期|超期|过期|超时)"
                       r"|(?:逾期|过期|超期|到期)了?(?:还|也|仍)?(?:不|没有?|未)补|(?:材料|资料)(?:一直|也|都|还|始终)?(?:没有?|不|未)补",),
    ("申请", "三.六.2"): (_NOT + _ON_TIME + r"(?:交|缴|付|支付|缴纳)(?:纳)?(?:费|钱|款|费用)",
                       r"(?:交|缴|付)(?:费|钱)[^，,。？?]{0,3}?(?:逾期|超期|过期|超时)|欠费|收费通知|信息处理费",
                       r"(?:费用?|钱)(?:一直|也|都|还|始终)?(?:没有?|不|未)(?:交|缴|付)"),
    # 主动公开 rows in plain words
    # (审批事项 is prose: 审批事项入驻省网 / 审批事项清单; 许可证 holds the word 许可 already)
    ("主动公开", "行政许可"): (r"审批决定|批准了(?:多少|几)|发(?:了|放)?(?:多少|几)(?:个|张|件)?(?:证照|执照)",),
    ("主动公开", "行政处罚"): (r"罚单|罚没|处罚决定|开罚",),
    ("主动公开", "行政强制"): (r"查封|扣押|冻结|强制执行",),
    ("主动公开", "行政事业性收费"): (r"收了?(?:多少|几)(?:项|个)?费",),
}
ROW_DESCRIPTIONS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (table, row, re.compile("|".join(patterns))) for (table, row), patterns in _DESCRIBED.items())
# a question that speaks of applications and their outcomes (the 申请 table's reason rows are described only then)
APPLICATION_CONTEXT = re.compile(r"申请|不予公开|无法提供|不予处理|其他处理|给不了|提供不了|没法提供")

# column words, per table, tried longest first
COL_TERMS: dict[str, tuple[tuple[str, str], ...]] = {
    "申请": (
        ("自然人", "自然人"), ("个人", "自然人"), ("公民", "自然人"), ("群众", "自然人"), ("老百姓", "自然人"),
        ("市民", "自然人"), ("居民", "自然人"), ("普通人", "自然人"),
        ("商业企业", "商业企业"), ("企业", "商业企业"), ("公司", "商业企业"),
        ("科研机构", "科研机构"), ("科研", "科研机构"),
        ("社会公益组织", "社会公益组织"), ("公益组织", "社会公益组织"), ("公益", "社会公益组织"),
        ("法律服务机构", "法律服务机构"), ("律师事务所", "法律服务机构"), ("律所", "法律服务机构"), ("律师", "法律服务机构"),
        ("其他组织", "其他"), ("其他申请人", "其他"), ("其他法人", "其他"),
        ("法人或其他组织", "法人或其他组织"), ("法人和其他组织", "法人或其他组织"), ("法人或者其他组织", "法人或其他组织"),
        ("法人", "法人或其他组织"),
    ),
    "主动公开": (
        ("本年新制作", "本年新制作数量"), ("新制作", "本年新制作数量"), ("制作", "本年新制作数量"),
        ("本年制发件数", "本年新制作数量"), ("制发件数", "本年新制作数量"), ("新制发", "本年新制作数量"), ("新发", "本年新制作数量"),
        ("印发", "本年新制作数量"), ("发布了", "本年新制作数量"),
        ("本年废止件数", "本年废止件数"), ("废止件数", "本年废止件数"), ("废止", "本年废止件数"), ("废除", "本年废止件数"),
        ("作废", "本年废止件数"), ("取消了", "本年废止件数"), ("宣布失效", "本年废止件数"), ("失效", "本年废止件数"),
        ("现行有效件数", "对外公开总数量"), ("仍然有效", "对外公开总数量"), ("还有效", "对外公开总数量"),
        ("有效的", "对外公开总数量"), ("继续有效", "对外公开总数量"), ("仍有效", "对外公开总数量"),
        ("制定", "本年新制作数量"), ("出台", "本年新制作数量"), ("制发", "本年新制作数量"),
        ("本年新公开", "本年新公开数量"), ("新公开", "本年新公开数量"),
        ("对外公开总数", "对外公开总数量"), ("对外公开", "对外公开总数量"), ("公开总数", "对外公开总数量"), ("总数量", "对外公开总数量"),
        ("现行有效", "对外公开总数量"), ("累计", "对外公开总数量"),
        # 公开的规章 with no 新 / 本年: all that is published (2019 对外公开总数量, 2021 现行有效件数), not this year's
        ("公开的", "对外公开总数量"),
        ("上一年项目", "上一年项目数量"), ("上一年", "上一年项目数量"), ("上年项目", "上一年项目数量"),
        ("比上一年", "本年增/减"), ("较上一年", "本年增/减"), ("比上年", "本年增/减"), ("较上年", "本年增/减"),
        ("比去年", "本年增/减"), ("较去年", "本年增/减"),
        # 跟上一年比 / 和去年相比: the printed change
        *((f"{w}{y}", "本年增/减") for w in "跟和与同" for y in ("上一年", "上年", "去年", "前一年")),
        ("增减", "本年增/减"), ("增/减", "本年增/减"), ("增加", "本年增/减"), ("减少", "本年增/减"), ("变化", "本年增/减"),
        ("处理决定", "处理决定数量"), ("决定数量", "处理决定数量"), ("决定数", "处理决定数量"), ("决定", "处理决定数量"),
        ("花了多少钱", "采购总金额"), ("多少钱", "采购总金额"), ("金额", "采购总金额"), ("花了", "采购总金额"),
        ("花费", "采购总金额"), ("资金", "采购总金额"), ("万元", "采购总金额"),
        ("收费金额", "本年收费金额"), ("金额", "本年收费金额"), ("多少钱", "本年收费金额"), ("收了多少", "本年收费金额"),
        ("万元", "本年收费金额"),
        ("采购项目", "采购项目数量"), ("几个项目", "采购项目数量"), ("多少个项目", "采购项目数量"),
        ("项目数", "采购项目数量"), ("多少项", "采购项目数量"),
    ),
    "复议诉讼": (
        ("维持", "维持"), ("纠正", "纠正"), ("败诉", "纠正"), ("撤销", "纠正"), ("确认违法", "纠正"), ("被改变", "纠正"),
        ("其他结果", "其他"),
        ("尚未审结", "未审结"), ("未审结", "未审结"), ("没审结", "未审结"),
    ),
}

# the outcome of a 复议 or a lawsuit in everyday words (机关赢了, 被改了, 撤诉了, 还没判), tried when no column word is said
COL_DESCRIPTIONS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "复议诉讼": tuple((re.compile(p), col) for p, col in (
        (r"没出结果|还没有?(?:判|结|审完|出结果|结案|定论|裁决|决定)|尚未(?:判|结案|审完|裁决)|还在(?:审|审理|办理|处理)"
         r"|审理中|正在审|在审|未结案|没结案|没审完|悬而未决", "未审结"),
        (r"输了|打输|输掉|判输|被改|改变了|(?:被|给)?撤销了?|判(?:机关)?(?:违法|败)|(?:认定|确认|判决?)(?:为)?违法|责令(?:重新|履行)"
         r"|没站得住|站不住", "纠正"),
        (r"赢了|打赢|胜诉|支持了?(?:机关|行政机关|被告|被申请人|原)|(?:原|原来)的?(?:决定|答复|行为|处理)?[^，,。？?]{0,4}?(?:被)?维持"
         r"|站得住", "维持"),
        (r"撤回|撤诉|终止|和解|调解|其他方式|以其他|别的结果", "其他"),
    )),
}
# 复议 first, then a lawsuit: the 复议后起诉 group, however it is worded (先申请复议、之后又告到法院)
REVIEW_THEN_SUIT = re.compile(r"复议.{0,10}?(?:后|之后|然后|再|又).{0,8}?(?:起诉|诉讼|告|法院|官司)")
# no 复议 first: the 直诉 group (未经复议直接就…提起行政诉讼, 没走复议就告到法院, 不经过复议直接起诉)
DIRECT_SUIT = re.compile(r"(?:未经|不经|没有?经过?|没走|不走|跳过|绕过)(?:行政)?复议"
                         r"|直接.{0,10}?(?:起诉|诉讼|告到|告上|法院|官司)")

# columns only valid for some rows of 主动公开
ROW_COLS: dict[str, tuple[str, ...]] = {
    "规章": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "本年废止件数"),
    "规范性文件": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "本年废止件数"),
    "行政许可": ("上一年项目数量", "本年增/减", "处理决定数量"),
    "其他对外管理服务事项": ("上一年项目数量", "本年增/减", "处理决定数量"),
    "行政处罚": ("上一年项目数量", "本年增/减", "处理决定数量"),
    "行政强制": ("上一年项目数量", "本年增/减", "处理决定数量"),
    "行政事业性收费": ("上一年项目数量", "本年增/减", "本年收费金额"),
    "政府集中采购": ("采购项目数量", "采购总金额"),
}

# a 主动公开 row printing a count beside an amount: the measure word said picks the column (多几个 / 有几项 / 的项目 →
# the count; 万元 / 金额 / 花了多少钱 → the amount); of two said, the last is the noun asked (采购项目的总金额: an amount)
MEASURE_COLS: dict[str, tuple[str, str]] = {"政府集中采购": ("采购项目数量", "采购总金额")}
COUNT_MEASURE = re.compile(r"项目|[几多少]个|[几多少]项|个数|数量|件数")
MONEY_MEASURE = re.compile(r"金额|万元|[几多少]万|钱|资金|花费|经费|预算")

# columns of 主动公开 that count items or decisions (个), not documents (件)
COUNTED_ITEMS: frozenset[str] = frozenset({"上一年项目数量", "本年增/减", "采购项目数量", "处理决定数量", "本年处理决定数量"})

# things said of applications that no row of the 申请 table counts: never answered with the total of 申请 row 一
# 信访/举报投诉 name the row 信访举报投诉类申请 only when the question speaks of applications: 接收处置的信访投诉事项
# are the agency's complaint handling, told in the prose
COMPLAINT_AS_APPLICATION = re.compile(r"申请|不予处理|投诉类")
# how an application came in: 网上提交的 / 信函寄来的 / 通过传真申请 / 当面来申请的 (the prose may say; no cell holds it)
CHANNELS: tuple[tuple[str, ...], ...] = (
    ("网上", "网络", "在线", "线上", "互联网", "网站申请", "网站提交"), ("信函", "来信", "写信", "邮寄", "寄来", "寄送", "信件", "邮递"),
    ("当面", "现场", "窗口", "当场", "上门"), ("传真",), ("电子邮件", "邮件", "电邮", "邮箱"), ("电话",),
)
_CHANNEL_WORD = "|".join(w for group in CHANNELS for w in group)
ASKED_CHANNEL = re.compile(r"(?:" + _CHANNEL_WORD + r")[^，,。？?；;]{0,4}?(?:申请|提交|提出|递交|寄|送来|交来|来的|交的|方式|渠道|途径|形式)"
                           r"|(?:申请|提交|递交)的?(?:方式|渠道|途径|形式)"
                           # 信函的呢 / 那通过邮寄的有多少 / 网上的占几件: a channel's count asked after the applications
                           r"|(?:" + "|".join(w for group in CHANNELS[:3] for w in group) + r")(?:来)?的?"
                           r"(?:呢|有几|有多少|是多少|多少件|几件|占)")
# a rate the reports state in prose and no cell gives (办结率100%, 按时答复率, 群众满意率, 知晓率): quoted, never a count
# 财政预决算信息公开率 / 重大决策公开比例 / 行政处罚信息公示率: a rate of another kind of information than 表三's applications
# (政府信息 / 申请 / 依申请公开信息 are theirs): the prose states it, the indicator 公开率 is no answer
OTHER_SUBJECT_RATE = re.compile(r"(?:(?<!政府)(?<!申请)(?<!公开)信息|预决算|预算|决算|决策|文件|政策|处罚|许可|清单|事项"
                                r"|项目|目录|提案|建议|公告|资金|数据|标准|办件|案件)(?:的)?(?:公开|公示|公布|发布)(?:的)?(?:率|比例|比率)"
                                # 应公开信息的主动公开率 / 主动公开率: proactive disclosure, never 表三's applications
                                r"|(?:应当?|应该)?主动(?:公开|公示|发布)[^，,。；;？?]{0,12}?(?:率|比例|比率)")
PROSE_RATE = re.compile(r"(?:办结|办理|办复|答复|回复|按时|按期|及时|满意|知晓|好评|解决|受理|反馈|响应|准确|上网|公示|解读|回应"
                        r"|整改|更新|覆盖|达标|完成|合格|到位|完整)(?:答复|办结|回复)?率|(?:满意|知晓|好评|响应)度"
                        r"|" + OTHER_SUBJECT_RATE.pattern)
# 办结了没有 / 办完了吗 / 是否已答复 / 都办结了吗: whether the things asked about were done (a yes/no lead)
_DONE_VERB = r"(办结|办完|办好|答复|回复|处理完|完成)"
ASKED_DONE = re.compile(r"(?:是否|有没有|有无)(?:已经?|都|均|全部|全都){0,2}" + _DONE_VERB
                        + r"|" + _DONE_VERB + r"(?:了)?(?:没有|没|吗|么|与否|了没)")
# 是不是都按时回复了 / 有没有超期的 / 是否在法定期限内办结: whether things were done on time, which no table cell says
# (表三 counts what was answered and what is carried over, never when): the prose's sentence answers
ASKED_ON_TIME = re.compile(r"(?:按期|按时|如期|准时|及时|限期内|期限内|时限内|规定时间内?|规定期限)[^，,。？?；;]{0,3}?"
                           r"(?:答复|回复|办结|办完|办理|处理|完成|反馈|答)"
                           r"|(?:答复|回复|办结|办理|处理|反馈)(?:得|的)?(?:都|很|是否|是不是)?(?:及时|按时|按期|准时|如期)"
                           r"|超期|逾期(?![不未]|缴|交)|超时|超过(?:法定)?(?:期限|时限)|过了?期限|拖延|延误")  # 逾期不交费: 表三's row
NOT_IN_TABLES = re.compile(r"驳回|撤回|延期|逾期答复|按时答复|按期答复|满意|网上申请|当面申请|信函申请|来信申请|电话申请"
                           r"|现场申请|答复时限|办理时限|几天|多少天|天数|(?<!每)(?<!每个)(?<!一个)工作日(?!算|计|来算|来计)")
# (平均每个工作日 / 按250个工作日算 divide a year's count: qa/arith_changes.py period_count, not a deadline)

# ---- units -------------------------------------------------------------------------------------------------


def unit_for(table: str, row: str, col: str) -> str:
    """The unit an answer prints after a value of this cell."""
    if col in ("采购总金额", "本年收费金额"):
        return "万元"
    if table == "主动公开" and col in COUNTED_ITEMS:
        return "个"  # 许可/处罚 items and decisions, 采购 projects are counted in 个; documents and cases in 件
    return "件"


# ---- intents -----------------------------------------------------------------------------------------------

RANK_DESC = re.compile(r"最多|最高|最大|排名|排序|排行|前[一二三四五六七八九十两\d]+|第一|领先|最活跃|谁多|哪个.{0,12}(?:更多|多(?!少))")
RANK_ASC = re.compile(r"最少|最低|最小|倒数|垫底")
SUM_WORDS = re.compile(r"合计|总共|一共|总和|加起来|共计|加总|汇总|总计是多少|全部加|加在一起|加到一起|合起来|相加|之和")
AVG_WORDS = re.compile(r"平均|均值|均数|人均|年均(?!增|减|下降|上升|变化|变动|涨|降)")
COMPARE_WORDS = re.compile(r"对比|比较|相比|比一比|哪个.{0,12}(?:多(?!少)|少|高|低|大|小)|谁.{0,12}(?:多(?!少)|少)|哪个更|更多|更少|差多少|差距|多还是少|少还是多|高还是低|区别|不同")
# asks for the difference (A比B多几件, 相差多少) rather than which one is higher (谁更多 → the higher value)
DIFF_WORDS = re.compile(r"比(?!较|一比).{0,24}?(?:多|少|增|减|高|低|上升|下降)|差多少|相差|差距|差额|差值|多出|少了多少|多了多少")
# asks the size of a difference, whatever names the two (谁多？多多少 / 哪年少？少几件 / 高出多少 / 相差几个): the
# value is the difference, not the larger figure; 最多多少 / 至少多少 / 几倍 are no difference
HOW_MUCH_MORE = re.compile(r"(?<![最至])(?:多出?|少|高出?|低|大|小|超出|差|相差|差了)了?(?:多少|几)(?![倍成]|十倍|百倍)"
                           r"|(?:差距|差额|差值|相差)(?:是|为|有)?(?:多大|多少|几)")
# a comparison with the year before (比上一年, 跟去年相比, 与上年度比): relative to the year named, not to the newest
THAN_LAST_YEAR = re.compile(r"(?:比|较|跟|和|与|同|相较于?|相比于?|对比)\s*(?:上一?年度?|去年|前一年)")
WITH_LAST_YEAR = re.compile(r"[跟和与同]\s*(上一?年度?|去年)(?:相?比|对比|比较)")
# 和公安局比呢 / 跟去年相比: a comparison with the thing named, in a follow-up
# 较2020年上升了几个百分点: a change against a year said with 较 (DIFF_WORDS reads 比)
THAN_EARLIER_CHANGE = re.compile(r"较\s*(?:(?:19|20)\d{2}\s*年|上一?年度?|去年).{0,12}?(?:多|少|增|减|高|低|上升|下降|提|降|变)")
WITH_CONTRAST = re.compile(r"[和跟与同][^，。？?！!]{1,20}?(?:相?比|对比|比较)")
# 谁收到的申请少 / 哪一年低: the smaller one is asked (the 少 of 多少 is none)
LESS_WORDS = re.compile(r"更少|较少|少一些|更低|较低|(?:谁|哪(?:个|一|家|年)?)[^，。？?！!]{0,12}?(?:(?<!多)少|低|小)")
# a part of the year: the statistical tables hold whole-year figures only
PERIOD_WORDS = re.compile(r"第?[一二三四五六七八九十\d]+季度|[上下]半年|(?<![\d年])[一二三四五六七八九十\d]{1,2}月份?(?!底|末|\d|[一二三]?十?[一二三四五六七八九十]日)")
ANY_WORDS = re.compile(r"哪些|哪几个|哪几家|有没有.{0,6}(?:机关|单位|部门)|是否有.{0,6}(?:机关|单位|部门)|哪个机关|哪个单位|哪个部门|谁收到过|收到过")
BREAKDOWN_WORDS = re.compile(r"各类|分别|构成|明细|各自|具体情况|哪几类|分类|详细|各项|各种|都有哪些|结构|各列|什么情况|情况如何|怎么样")
# 因各种原因无法提供: a cause said of the group, not a request to break it down
CAUSE_WORDS = re.compile(r"(?:各种|各类|种种)(?:各样的?)?(?:原因|理由|缘故)")
ALL_SCOPE = re.compile(r"所有|全部|各个?(?:机关|单位|部门|报告)|各机关|哪个|哪些|哪几|谁|这些|五个|每个|各地")
TOP_N = re.compile(r"前([一二三四五六七八九十两]|\d+)")

# stop words (index/dict/stopwords.txt) that still say what a count is of when a 多少 question has no other word (全年公开了多少条信息)
WEAK_TOPICS: frozenset[str] = frozenset({"公开", "信息", "政府信息", "主动公开", "政府信息公开"})

# a question about where (在什么地方办公, 办公地点在几楼) and the shape of a place in the text (…路 481 号 5 楼 501 室)
PLACE_QUESTION = re.compile(r"地址|地点|在哪(?![些个几种类项样])|哪里|哪儿|什么地方|什么位置|几楼|几层|所在地|怎么走")
# 领导小组办公室设在哪里 / 挂在哪个部门: a unit inside the body (设在局办公室), not a street address
# 成立领导小组是要避免什么问题 / 为了防止哪些情况: the purpose of a step, not the report's 存在的问题
AVOIDED_ASKED = re.compile(r"(?:避免|防止|杜绝|预防|防范|以免|以防)(?:出现|发生)?了?(?:什么|哪些|啥|哪种|哪类|哪样)(?:样的)?"
                           r"(问题|情况|现象|风险|隐患)")
UNIT_PLACEMENT = re.compile(r"(?:设在|设于|设置在|挂在|挂靠在?|放在|归口在?|隶属于?)(?:哪里|哪儿|哪个|哪一个|什么|哪)"
                            r"|在(?:哪个|哪一个|什么)(?:科室|处室|部门|机构|内设机构)")
PLACE_ANSWER = re.compile(r"[路街巷道]\s*\d+\s*号|\d+\s*[楼层]\s*\d*\s*[室号]?|\d+\s*室")

# a count asked as yes or no (有没有…的申请, 是否有…, 有…吗): the answer leads with 有 / 没有 before the figure
YES_NO_COUNT = re.compile(r"有没有|是否(?:有|收到|接到|存在|发生|出现)|有无|有没(?!有)|是不是有"
                          r"|(?:收到|接到|发生|出现)过?[^，,。？?；;]{0,20}?[吗么][？?]?\s*$|[有存]在?[^，,。？?；;]{0,30}?[吗么嘛][？?]?\s*$")
# 多少条信息 / 几条政府信息 / 信息有几条: items of information (the prose's 主动公开 counts), not applications
# 这个专区 / 该栏目 / 那个平台 / 此项工作 / 这些渠道: a thing the previous turn named, pointed at again
POINTED_BACK = re.compile(r"(?:这|那)(?:一(?!年)|个|些|项|类|种|条|块|款|套|份)|(?:该|此)(?!年|时|次)(?=[\u4e00-\u9fff])")
# 几个人负责 / 安排了多少个人专职 / 每个人: a count of staff the prose states, not the 自然人 column (个人); 多少个人申请
# and 几个人提出 still ask that column
PEOPLE_COUNT = re.compile(r"(?:几|多少|每|[一二两三四五六七八九十\d]+)个人(?![^，,。？?]{0,6}?(?:申请|提出|提交|来信|来函))")
# 主动公开的215条里，… / 在公开的信息中，… / 215条主动公开信息当中…: the whole said first (its count given), a part asked after
WITHIN_WHOLE = re.compile(r"(?:(\d+)\s*[条件项个篇份](?:[\u4e00-\u9fff]{0,8}?(?:信息|文件))?|信息|文件)"
                          r"(?:里面?|里头|当中|之中|中)[，,、]?")
INFO_ITEMS = re.compile(r"(?:多少|几)条(?:政府)?信息|信息(?:数|数量)?(?:有|是|共|一共|总共)?(?:多少|几)条")
# the words that make a count one of applications (表三): 申请, 件, 人次, 申请人
APPLICATION_UNIT = re.compile(r"(?<!依)申请|[多少几]件|人次|答复")
# 第一条里说… / 第二点中提到… / 第三项讲的: a follow-up about an item of the list just given (第二十条第（五）项 is a row)
ITEM_REF = re.compile(r"第(?:[一二三四五六七八九十]|\d{1,2})(?:条|点|项|个方面|方面|件事)(?:里面?|中|当中|上)?"
                      r"(?:具体|都|又|主要|还)?(?:说|讲|提到?|提及|写|介绍|讲到|说到|里|中|是(?:什么|啥))")
# 其中… / 这里面… / 这些申请当中…: a follow-up about a part of what was just counted (the same row, another column)
PART_OF = re.compile(r"^(?:那么?|这|请问|那在)?(?:其中|这其中|这里面|这里头|里面|里头|当中|这当中|这中间"
                     r"|(?:这些|它们)(?:申请|案件|信息)?(?:里面?|里头|中|当中|之中))")
# how 复议 / 诉讼 cases ended is asked (结果如何, 后来怎么处理的, 最终判了吗, 赢了没有, 有没有被驳回)
ASKS_OUTCOME = re.compile(r"结果|结局|结论|下场|收场|下文|后来|(?:最后|最终)(?:怎么|如何|咋|判|处理|是|呢)"
                          r"|(?:怎么|如何|咋)判|[咋怎]样了|后续|判[了得决]|裁定|怎么处理|如何处理|处理得?怎么样|怎么样了"
                          r"|结案|审结|赢|输|败诉|胜诉|驳回|撤诉|撤回|(?:维持|纠正|撤销|改判)[了过]?(?:吗|没有?)|了结|办得?怎么样|办理得?怎么样")
# 被纠正了吗 / 有没有被撤销 / 败诉了没有 (the agency lost: an outcome 纠正) and 赢了没有 / 胜诉了吗 / 维持了吗 (it won)
_YES_NO_TAIL = r"[了过]?(?:吗|么|没有?|与否|了没)"
ASKED_CORRECTED = re.compile(r"(?:是否|有没有|有无)[^，,。？?；;]{0,6}?(?:纠正|纠错|撤销|改判|败诉|输)"
                             r"|(?:纠正|纠错|撤销|改判|败诉|输)" + _YES_NO_TAIL)
ASKED_WON = re.compile(r"(?:是否|有没有|有无)[^，,。？?；;]{0,6}?(?:赢|胜诉|维持)|(?:赢|胜诉|维持)" + _YES_NO_TAIL)
# counting words that count the same things: 开了几次发布会 is answered by 举办发布会5场, 几名 by 12人
UNIT_GROUPS: tuple[frozenset[str], ...] = (frozenset("次场回"), frozenset("人名位"))


def same_unit(asked: str, said: str) -> bool:
    """Whether a count said in ``said`` answers a question asking in ``asked`` (the same word, or one of its group)."""
    return asked == said or any(asked in g and said in g for g in UNIT_GROUPS)


QUESTION_HOW_MANY = re.compile(r"多少|几[个件条次篇期场名项位家]?|数量|数目|总数|金额")
# 对不予公开的信息后续怎么管 / 对逾期未整改的单位是咋处理的 / 对…做了什么调整: what the agency did to a thing (a
# sentence of the prose), not how many of it a table counts; 复议/诉讼 outcomes stay with ASKS_OUTCOME
ASKS_TREATMENT = re.compile(r"对([^，,。？?；;]{2,30}?)(?:(?:是|都|又|后续|之后|以后|平时|一般)?(?:怎么|如何|咋|怎样)"
                            r"(?:样)?(?:管|处理|处置|办|对待|跟进|整改|监管|核查|复查|审查)"
                            r"|(?:做|作|采取|进行|开展)了?(?:什么|哪些|啥|何种|怎样的))")

# ---- the retrieval route -----------------------------------------------------------------------------------

# a question word also counts (partly) when the report says it this way
QUOTE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "年报": ("报告",), "网站": ("网",), "联系电话": ("电话",), "电话": ("电话/传真",), "公众号": ("微信",),
    "措施": ("做法", "举措"), "问题": ("不足", "差距"), "毛病": ("问题", "不足"), "不足": ("问题",), "短板": ("问题", "不足"),
    "漏洞": ("问题", "不足"), "改进": ("加强", "改进情况"),
    "管": ("负责", "主管", "管理"), "指定": ("确定", "明确", "安排", "配备"), "安排": ("指定", "配备", "确定"),
    "配备": ("指定", "安排", "配齐"),
}
REPORT_WORDS: tuple[str, ...] = ("年度报告", "年报", "本报告")

# everyday and official ways to say the same administrative thing: a question word matches any word of its group
# (or a word that holds a member, 访问量 ⊃ 访问). General vocabulary of the reports, not the answer of any question.
# a share asked by its name (占全部的比例 / 占比多少 / 占百分之几) is answered by the percentage itself (占26%): the
# sentence states the share without naming it, so a sentence holding a percentage holds these words
SHARE_WORDS = frozenset({"比例", "占比", "比重", "比率", "百分比", "百分之几", "百分之多少", "几成"})
PERCENTAGE = re.compile(r"\d\s*[%％]|百分之[\d一二三四五六七八九十百]|[一二三四五六七八九]成")


# places and things a question names that jieba cuts apart or glues to the next word (查阅点为群众 → 查阅/点为):
# kept whole on the question side (qa/words.py), as the keyword index keeps them (index/dict/terms.txt)
QUESTION_NOUNS: tuple[str, ...] = ("查阅点", "查询点", "服务点", "受理点", "便民服务点", "查阅室", "查阅场所", "公开栏")


# a system set up, said plainly (建了 / 建起) or officially (建立 / 健全): the official pair first
BUILT: tuple[str, ...] = ("建立", "健全", "建立健全", "建起", "建了", "建成")


SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("地址", "地点", "办公地点", "办公地址", "地方", "位置", "住址", "所在地"),
    ("发布", "发出", "发了", "印发", "公布", "推送", "发送", "刊发", "刊登", "登载"),
    ("访问", "浏览", "点击", "访问量", "浏览量", "点击量", "访客"),
    ("培训", "授课", "讲课", "上课", "学习班", "培训班", "轮训", "讲座", "培训会"),
    ("老师", "讲师", "主讲人", "授课人", "同志"),  # 请来讲课的老师是谁 ~ 邀请…副主任X同志授课: the person named
    ("微信", "公众号", "微信公众号"),
    ("粉丝", "关注人数", "关注量", "关注用户", "关注数", "订阅用户"),  # 多少粉丝: 关注人数达5.2万
    ("微博", "政务微博", "新浪微博"),
    ("方式", "形式", "途径", "渠道"),
    *CHANNELS[:3],  # how an application came in (网上 ~ 网络, 信函 ~ 邮寄, 当面 ~ 现场): the prose breaks counts down so
    ("提交", "提出", "递交", "报送"),
    ("制发", "下发", "印发", "出台", "制定", "颁布", "下达"),  # 下发了什么通知 ~ 制发了《关于…的通知》
    ("涉及", "遇到", "碰到", "遇有", "对于"),
    ("做客", "参加", "参与", "走进", "录制", "上节目"),  # 参加的是哪个栏目 ~ 做客问政之“X”  # 遇到个人隐私怎么处理 ~ 对于涉及个人隐私的信息
    ("网站", "门户网站", "网页", "官网", "政府网站"),
    ("电话", "联系方式", "联系电话", "热线", "座机"),
    ("邮箱", "电子邮箱", "电子邮件", "邮件"),
    ("答复", "回复", "解答", "回应", "答疑"),
    ("留言", "来信", "诉求", "咨询"),
    ("措施", "做法", "举措", "办法"),
    ("问题", "不足", "差距", "短板", "毛病", "漏洞", "缺点", "弱项"),  # 存在啥毛病 / 有哪些不足 ~ 存在问题。一是…
    ("宣传", "宣讲", "普及", "推广"),
    ("会议", "开会", "召开", "专题会"),
    ("出刊", "出版", "编印", "刊印"),
    ("负责", "担任", "牵头"),
    ("设在", "设于", "挂靠", "下设", "归口"),
    ("避免", "防止", "杜绝", "以免", "防范"),  # 要避免什么问题 ~ 防止…失管脱管  # 领导小组办公室设在哪 ~ 下设办公室，挂靠局办公室
    ("人员", "人手", "工作人员", "专干", "专职人员", "人员配备", "力量"),
    ("老百姓", "百姓", "群众", "公众", "受众", "社会公众", "市民"),  # 让老百姓看得懂 ~ 确保受众听得懂
    ("效果", "成效", "确保", "以便", "便于"),  # 想达到什么效果: the sentence says it as 确保… / 以便…
    ("目标", "目的", "确保", "以便", "便于", "力求", "力争"),  # 要达到什么目标 (not 取得了成效: what was achieved)
    ("审查", "审核", "把关", "审签", "审校", "签批"),  # 信息发布有哪些审核要求 ~ 发布审查制度
    ("审批", "签批", "报批"),  # 发布前的审批程序 ~ 逐级签批
    ("程序", "流程", "环节", "步骤", "手续"),
    ("一律", "全部", "全都", "一概", "全面"),  # 哪些事项必须全部公开 ~ A、B等事项一律公开
    BUILT,  # 建了哪些制度 / 建起什么机制 ~ 建立健全A制度  # 要走哪些步骤 ~ 办理流程 / 各环节
    # 哪年哪月开始运转的 ~ 自2019年8月机构改革以来 / 正式挂牌成立
    ("开始运转", "开始运行", "开始运作", "运作", "运转", "正式运行", "成立", "组建", "挂牌", "机构改革以来", "改革以来"),
    ("开始", "以来", "启动", "起步"),  # 从哪年开始 ~ 自2021年以来
    ("人", "名", "位", "同志"),  # 有几个人 ~ 由3名同志承办: people counted (the word 人 alone, not 人员)
    # 按时办结了吗 / 在法定期限内回复了吗: the sentence says 按期答复
    ("按期", "按时", "如期", "准时", "期限内", "时限内", "法定期限", "规定期限", "规定时限"),
    # 网站改了哪些地方 / 改了什么: the sentence says what was redesigned, merged or set in order
    ("调整", "改版", "改造", "改动", "变动", "变化", "修改", "改了", "重新设计", "整合", "优化", "升级", "规范设置", "迁移"),
)

# how reports title the parts of 总体情况 in other words: a question on one part finds the sub-heading said another way
# (监督保障 ~ （五）信息公开保障方面, 平台建设 ~ 平台载体建管)
PART_TOPICS: tuple[tuple[str, ...], ...] = (
    ("监督保障", "信息公开保障", "公开保障", "保障措施", "工作保障", "监督考核", "监督检查", "考核监督", "督查考核",
     "监督评议", "监督管理"),
    ("平台建设", "平台载体", "载体建设", "公开平台", "平台建管"),
    ("政府信息管理", "信息管理", "信息公开管理"),
    ("依申请公开", "申请公开"),
)

# wording that points at prose facts the standard tables do not hold: counts of posts, visits, trainings,
# channels, rates. A question with a table metric and one of these is checked against the prose too.
PROSE_CUES = re.compile(
    r"(?:多少|几)(?:条|篇|场|期|名|人次|位|本|份|倍|次)|多少倍|[比频]率|率是|率为|百分之|%"
    r"|微博|微信|公众号|网站|网页|热线|新媒体|培训|会议|开放日|电话|邮箱|地址|方式|途径|渠道|平台|栏目"
    r"|建议|提案|舆情|解读|发布会|经费|监督员|人员|群众|诉求|投诉举报"
)
MANNER_CUES = re.compile(r"方式|途径|渠道")  # asks how, which no number in a table answers
# 处罚决定都公开了吗 / 是否全部公示: whether things were published, which 表二 counts do not say (its rows count decisions)
PUBLISHED_CUES = re.compile(r"(?:都|全部|全都|是否|有没有)(?:已经?|已|予以|被)?(?:公开|公示|公布|挂网|上网)(?:了|过)?(?:吗|没有?|[？?]|$)")
# put into (the work made part of a plan, an assessment): everyday verbs for the report's 纳入/列入 (放进了哪些东西里 /
# 纳进了哪些工作 / 写进 / 列进); an alternation for a regular expression
PUT_INTO = r"纳入|列入|融入|归入|放入|写入|放进|纳进|列进|写进|放到|加进"
# a question about plans: a report for year Y states the plans for Y+1 (2021年要做好哪三篇文章 → the 2020 report)
PLAN_WORDS = re.compile(r"要做|将要|将会|计划|打算|下一步|明年|今后|来年|准备")
