"""The agencies and years the store holds, and how a question names them (full names, short names, aliases).

    >>> catalog = Catalog.from_store(store)
    >>> catalog.find_agencies("自治区政府办公厅和红寺堡2020年…")
    (['宁夏回族自治区人民政府办公厅', '吴忠市红寺堡区人民政府'], [])
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from govqa.core.protocols import ReportStore
from govqa.index.agencies import places
from govqa.index.agency_names import GOV_SUFFIXES, has_sentence_words
from govqa.qa.mentions import names_in, sentence_words, trim_lead
from govqa.qa.shortnames import abbreviation_score, short_matches
from govqa.qa.words import tokens, without_lead_verb

GENERIC_BODIES = frozenset(GOV_SUFFIXES)

_PLACE_PREFIX = re.compile(r"^([\u4e00-\u9fff]{2,5}?(?:自治区|省|市|县|区))(?=[\u4e00-\u9fff]{2,})")
_LOCAL_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:镇|乡|区|县|街道)$")
_GENERIC_START = ("人民政府", "政府", "办公厅", "办公室")
# bodies whose name ends in neither 局/厅/委 nor a place word: 平潭海关, 海关总署, 某某市人民法院, 某某边检站,
# 某某消防救援支队, 某某台办
_OTHER_BODY = (r"海关(?:总署)?|人民法院|人民检察院|检察院|边防检查站|边检站|支队|大队|"
               r"(?:台港澳|台|侨|网信|外事|信访|金融|扶贫|编)办(?![理法事公])")
BARE_BODIES = frozenset({"海关", "海关总署"})  # named by its body word alone: 海关2021年收到几件申请
# the others need a name before them: alone (诉到人民法院, 由大队处理) they are words of the sentence
_BODY_WORDS = frozenset({"人民法院", "人民检察院", "检察院", "边防检查站", "边检站", "支队", "大队"})
# an agency-looking phrase: a place or an office name; used to notice agencies the store does not hold
_AGENCY_LIKE = re.compile(
    r"(?:[\u4e00-\u9fff]{2,8}?(?:自治区|省|市|县|区|镇|乡|街道))+"
    r"(?:[\u4e00-\u9fff]{0,10}?(?:人民政府|政府|办公厅|办公室|局|厅|委员会|管委会|办事处|中心|协会|委|" + _OTHER_BODY + "))?"
    r"|[\u4e00-\u9fff]{2,8}?(?:局|厅|委员会|协会|委)"
    r"|[\u4e00-\u9fff]{0,8}?(?:" + _OTHER_BODY + ")"
    r"|[\u4e00-\u9fff]{0,8}?(?:信息化|事务|运输|资源|环境|建设|保障|管理|技术|教育|财政|公安|民政|司法|水利|商务|旅游|农村)部"
    r"(?![分门署件])"  # a ministry (工业和信息化部, 教育部); never 部分 or 全部
)
_NOT_AGENCY = re.compile(
    r"^(?:自治区|地区|社区|辖区|专区|城区|市区|园区|小区|全区|本区|各区|全市|本市|各市|全县|本县|各县|乡镇|各镇|本镇|全镇|"
    r"哪个|哪些|哪一?个?|这个|那个|每个|各个|所有|全部|请问|对比|比较|一下|行政|政务|政府)"
)
# the ministries of the State Council: a national body no stored local report answers for (工业和信息化部 ≠ …厅)
_MINISTRY = re.compile(r"(?:外交|国防|教育|科学技术|科技|工业和信息化|工信|公安|国家安全|民政|司法|财政|人力资源和社会保障|人社"
                       r"|自然资源|生态环境|环保|住房和城乡建设|住建|交通运输|交通|水利|农业农村|农业|商务|文化和旅游|文旅|卫生健康"
                       r"|退役军人事务|应急管理)部(?![分门])")
# 平潭各局 / 河北两个厅: every (or a count of) body of a place
_COLLECTIVE = re.compile(r"(?:各(?:个|家)?|[两二三四五六七八九十几]+[个家])(?:局|厅|委|办|部门|单位|机关)?$")
_ALL_AFTER = re.compile(r"\s*(?:各|哪|所有|全部|每个|全[区市县省])")  # 平潭哪个局 / …各部门 / 海岚区全区: the place, then its bodies
_PLACE_BEFORE = re.compile(r"([\u4e00-\u9fff]{1,5}(?:自治区|省|市|县|区))$")
_LEVELS = frozenset("省市县区镇乡")
_REGION_END = re.compile(r"(?:省|市|区|县|自治区|州|盟|旗)$")
_LOCATIVE = ("在", "于", "到", "去")  # words that say where something happens: 在银川市办理
_REGION_LEAD = 4  # a place starts at most this far into a name (宁夏回族自治区…, 银川市西夏区…)
_JOINERS = frozenset("和与及跟同或")  # words that join a name to the sentence before it
_GENERIC_NAMES = frozenset({"办公厅", "办公室", "人民政府", "政府", "委员会"})


# places of a sentence, not of a government: 涉及社区, 全市城区
_AREA_END = re.compile(r"(?:社区|辖区|小区|城区|市区|景区|街区|全区|本区|各区|山区|灾区|矿区|牧区|老区|园区)$")
# rooms and halls end in 厅 like a department does: 网上办事大厅, 政务服务大厅, 展厅 are where things are done
_HALL_END = re.compile(r"(?:大厅|展厅|餐厅|客厅|门厅|前厅)$")
# a place character that opens a sentence word with the next one (里面区分…, 这个市场…, 哪些省份): no name ends there
_WORD_AFTER = re.compile(r"(?:区(?:分|别|域|间|块)|市(?:场|民|值|面|容)|省(?:份|略|钱|去|得|网)|县(?:城|域)"
                         r"|局(?:面|部|势|限)|委(?:托|屈|婉|员(?!会)))")


# a place word after a noun (申请里, 案件中, 部门内) runs into the name that follows it; dropped only when the rest is a
# stored agency's short form and the whole is none (里水镇 or 中山市 stay names)
_POSTPOSITIONS = frozenset("里中内")


def _candidate_names(match: str) -> list[str]:
    """The agency names inside an agency-like match (qa/mentions.py decides where the sentence ends)."""
    return [name for name in names_in(match)
            if (len(name) >= 3 or name in BARE_BODIES) and name not in _GENERIC_NAMES and name not in _BODY_WORDS and not _AREA_END.search(name) and not _HALL_END.search(name)
            and _AGENCY_LIKE.fullmatch(name)]


@dataclass(frozen=True)
class Mentions:
    """The agencies a text names: stored ones in order of mention, names the store does not hold, and short forms
    that fit several stored agencies (each with the agencies it fits)."""

    agencies: tuple[str, ...]
    unknown: tuple[str, ...] = ()
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class AgencyEntry:
    """One agency of the store: its names and the report years held."""

    agency: str
    short_name: str
    aliases: tuple[str, ...]
    years: tuple[int, ...]


_BY_STORE: weakref.WeakKeyDictionary[Any, tuple[int, Catalog]] = weakref.WeakKeyDictionary()


@dataclass(eq=False)
class Catalog:
    """Every stored agency with the name variants a user may type; variants shared by two agencies are dropped."""

    entries: list[AgencyEntry]
    variants: dict[str, str] = field(default_factory=dict)  # variant → full agency name

    def __post_init__(self) -> None:
        # a report stored with no agency name (older stores) belongs to no one a question can name
        self.entries = [e for e in self.entries if e.agency.strip()]
        owners: dict[str, set[str]] = {}
        for entry in self.entries:
            for name in name_variants(entry.agency, entry.short_name, entry.aliases):
                owners.setdefault(name, set()).add(entry.agency)
        full = {e.agency for e in self.entries}
        self.variants = {n: next(iter(a)) for n, a in owners.items() if len(a) == 1 or n in full}
        for e in self.entries:
            self.variants[e.agency] = e.agency

    @classmethod
    def from_store(cls, store: ReportStore) -> Catalog:
        """Build the catalog from ``store.agencies()`` (agency, short_name, aliases, years)."""
        return cls([AgencyEntry(a, s, tuple(al), tuple(y)) for a, s, al, y in store.agencies()])

    @classmethod
    def for_store(cls, store: ReportStore) -> Catalog:
        """The catalog of a store, built again only when the store changed (``store.version()``): per-question work
        must not grow with the number of agencies."""
        version = store.version() if hasattr(store, "version") else None
        cached = _BY_STORE.get(store) if version is not None else None
        if cached is not None and cached[0] == version:
            return cached[1]
        catalog = cls.from_store(store)
        if version is not None:
            _BY_STORE[store] = (version, catalog)
        return catalog

    def with_names(self, extra: Mapping[str, Sequence[str]]) -> Catalog:
        """This catalog with more names for stored agencies (the user's alias file: canonical → other names);
        itself when none of them concerns a stored agency."""
        added: dict[str, set[str]] = {}
        for canonical, others in extra.items():
            group = {canonical, *others}
            for e in self.entries:
                if e.agency in group:
                    added.setdefault(e.agency, set()).update(group - {e.agency})
        if not added:
            return self
        return Catalog([AgencyEntry(e.agency, e.short_name, tuple(sorted({*e.aliases, *added.get(e.agency, ())})), e.years)
                        for e in self.entries])

    @cached_property
    def name_words(self) -> tuple[str, ...]:
        """Every name variant and its jieba tokens: words that locate a report, not what a question asks."""
        return tuple(dict.fromkeys([*self.variants, *(w for name in self.variants for w in tokens(name))]))

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[Any]]) -> Catalog:
        """Build the catalog from (agency, short_name, aliases, years) tuples (tests, tools)."""
        return cls([AgencyEntry(a, s, tuple(al), tuple(y)) for a, s, al, y in rows])

    @property
    def agencies(self) -> list[str]:
        """Full names of every agency, in catalog order."""
        return [e.agency for e in self.entries]

    def entry(self, agency: str) -> AgencyEntry | None:
        """The entry of one full agency name."""
        return next((e for e in self.entries if e.agency == agency), None)

    def short(self, agency: str) -> str:
        """The short name of an agency; the full name when unknown or when another stored agency has the same short
        name (two zones' 公安局)."""
        e = self.entry(agency)
        if not e or not e.short_name or self._short_counts.get(e.short_name, 0) > 1:
            return agency
        return e.short_name

    @cached_property
    def _short_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in self.entries:
            counts[e.short_name] = counts.get(e.short_name, 0) + 1
        return counts

    def years_of(self, agency: str) -> tuple[int, ...]:
        """Report years held for one agency."""
        e = self.entry(agency)
        return e.years if e else ()

    @property
    def newest_year(self) -> int | None:
        """The newest report year in the store."""
        years = [y for e in self.entries for y in e.years]
        return max(years) if years else None

    def _longer_name(self, text: str, start: int, name: str) -> str:
        """The name of another body that a known name only begins (东湖区 → 东湖区财政局), or ''."""
        span = _AGENCY_LIKE.match(text, start)
        names = names_in(span.group(0)) if span else []
        first = names[0] if names else ""
        if len(first) > len(name) and first.startswith(name) and first not in self.variants and _name_ends(first) \
                and not _AREA_END.search(first) and not _HALL_END.search(first):
            return first
        return ""

    def _short_matches(self, candidate: str) -> tuple[str, ...]:
        """The stored agencies a candidate names as a short form, also without the words joining it to the sentence
        before (和东岚工信厅 → 东岚工信厅)."""
        for start in range(len(candidate) - 1):
            if start and candidate[start - 1] not in _JOINERS:
                break
            matches = short_matches(candidate[start:], self.agencies)
            if matches:
                return matches
        return ()

    def _located_in(self, candidate: str, before: str) -> bool:
        """Whether a candidate is a place said as a location (在银川市办理…) that begins several stored agencies' names:
        a scope of the question (qa/scope.py), not an agency missing from the store. A bare place asked about
        (海滨市收到多少申请) names its government, and stays unknown when the store lacks it."""
        if not _REGION_END.search(candidate) or not before.rstrip().endswith(_LOCATIVE):
            return False
        return sum(1 for a in self.agencies if 0 <= a.find(candidate) <= _REGION_LEAD) >= 2

    def find_agencies(self, text: str) -> tuple[list[str], list[str]]:
        """(known agencies named in text, in order of mention; agency-like names the store does not hold, or
        names several stored agencies fit)."""
        mentions = self.find_mentions(text)
        return list(mentions.agencies), [*mentions.unknown, *(name for name, _ in mentions.ambiguous)]

    def _shared_place(self, candidate: str, after: str) -> bool:
        """平潭各局, 平潭综合实验区(哪个局): a place several stored agencies share, asked about as a whole (qa/scope.py
        scopes the question to them), not a name the store lacks. A bare place with no 各/哪 names its government."""
        place = _COLLECTIVE.sub("", candidate)
        if place == candidate and not _ALL_AFTER.match(after):
            return False
        return len(place) >= 2 and sum(0 <= a.find(place) <= 4 for a in self.agencies) >= 2

    def _after_postposition(self, candidate: str) -> tuple[str, tuple[str, ...]] | None:
        """The stored short form after the last place word of a candidate (案件中市场监管局 → 市场监管局), if any."""
        for i in range(len(candidate) - 3, -1, -1):
            if candidate[i] in _POSTPOSITIONS and (matches := self._short_matches(candidate[i + 1:])):
                return candidate[i + 1:], matches
        return None

    def _after_sentence_words(self, candidate: str) -> tuple[str, tuple[str, ...]] | None:
        """The longest stored short form a candidate ends with when sentence words stand before it (对执法应急局,
        线下查阅交建局 → 交建局); a place before it (海滨交建局) makes another body's name, kept whole."""
        for i in range(1, len(candidate) - 2):
            if sentence_words(candidate[:i]) and (matches := self._short_matches(candidate[i:])):
                return candidate[i:], matches
        return None

    def find_mentions(self, text: str) -> Mentions:
        """The agencies text names: by a full name, a variant or alias first, else by a short form (交建局,
        河北工信厅, qa/shortnames.py); a short form several stored agencies fit equally is ambiguous."""
        taken = [False] * len(text)
        found: list[tuple[int, str]] = []
        unknown: list[str] = []
        for name in sorted(self.variants, key=len, reverse=True):
            if name not in text:  # most names are absent: skip compiling a pattern for them
                continue
            for m in re.finditer(re.escape(name), text):
                if any(taken[m.start():m.end()]):
                    continue
                agency = self.variants[name]
                before = _PLACE_BEFORE.search(text[max(0, m.start() - 8):m.start()])
                place = trim_lead(before.group(1)) if before else ""
                longer = self._longer_name(text, m.start(), name)
                if place and _PLACE_BEFORE.search(place) and not _within_agency(place, agency, self):
                    unknown.append(place + name)  # 兴庆区民政局 is not 西夏区民政局
                    span = range(m.start() - len(place), m.end())
                elif longer:
                    unknown.append(longer)  # 东湖区财政局 is not 东湖区 (its government)
                    span = range(m.start(), m.start() + len(longer))
                elif not place and _other_level(text[m.start() - 1:m.start()], name, agency):
                    unknown.append(text[m.start() - 1] + name)  # 市公安局 is not a zone's (区) 公安局
                    span = range(m.start() - 1, m.end())
                else:
                    found.append((m.start(), agency))
                    span = range(m.start(), m.end())
                for i in span:
                    taken[i] = True
        blanked = "".join("　" if t else ch for ch, t in zip(text, taken, strict=True))
        ambiguous: list[tuple[str, tuple[str, ...]]] = []
        for m in _AGENCY_LIKE.finditer(blanked):
            if _WORD_AFTER.match(blanked, m.end() - 1):
                continue  # 那里面区分处理: the 区 of 区分, not the end of a place
            for candidate in _candidate_names(m.group(0)):
                matches = self._short_matches(candidate)
                if not matches and (rest := self._after_postposition(candidate) or self._after_sentence_words(candidate)):
                    candidate, matches = rest  # 申请里交建局占多少 / 对交建局有诉求: the words before end the sentence
                if len(matches) == 1:
                    found.append((m.start() + m.group(0).find(candidate), matches[0]))
                elif matches and candidate not in (n for n, _ in ambiguous):
                    ambiguous.append((candidate, matches))
                elif not matches and candidate not in unknown and not _NOT_AGENCY.match(candidate) \
                        and not self._shared_place(candidate, blanked[m.start() + m.group(0).find(candidate) + len(candidate):]) \
                        and not self._located_in(candidate, blanked[:m.start() + m.group(0).find(candidate)]):
                    unknown.append(without_lead_verb(candidate))  # 知道海滨交建局: the body is 海滨交建局
        unknown += [m.group() for m in _MINISTRY.finditer(blanked) if m.group() not in unknown]
        ordered = tuple(dict.fromkeys(a for _, a in sorted(found)))
        return Mentions(agencies=ordered, unknown=tuple(unknown), ambiguous=tuple(ambiguous))


def _other_level(level: str, name: str, agency: str) -> bool:
    """True when a lone level word (省, 市, 县 …) before a body-only name places it elsewhere than agency's level."""
    return bool(level) and level in _LEVELS and not places(name)[0] and not abbreviation_score(level + name, agency)


def _name_ends(name: str) -> bool:
    return bool(re.search(r"(?:自治区|省|市|县|区|镇|乡|街道|人民政府|政府|办公厅|办公室|局|厅|委员会|管委会|办事处|中心|"
                          + _OTHER_BODY + r")$", name))


def _within_agency(place: str, agency: str, catalog: Catalog) -> bool:
    e = catalog.entry(agency)
    names = (agency, *(e.aliases if e else ()))
    return any(place in n or n.endswith(place) for n in names) or any(place.endswith(p) for p in _prefixes(agency))


def _prefixes(name: str) -> list[str]:
    out = []
    rest = name
    while (m := _PLACE_PREFIX.match(rest)) is not None:
        out.append(m.group(1))
        rest = rest[m.end():]
    return out


def name_variants(agency: str, short_name: str = "", aliases: Iterable[str] = ()) -> set[str]:
    """Names a user may type for an agency: 银川市西夏区镇北堡镇人民政府 → 西夏区镇北堡镇, 镇北堡镇, 镇北堡 …"""
    return set(_name_variants(agency, short_name, tuple(aliases)))


_GOV_OFFICE = re.compile(r"^(.{2,}?(?:人民政府|政府))(?:办公厅|办公室)$")
_JOIN_SWAP = str.maketrans({"与": "和", "和": "与"})


@lru_cache(maxsize=65536)
def _name_variants(agency: str, short_name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """name_variants, computed once per agency (the catalog is rebuilt for every question)."""
    out: set[str] = set()
    for base in {agency, short_name, *aliases}:
        base = base.strip()
        if len(base) < 2:
            continue
        forms = [base]
        office = _GOV_OFFICE.match(base)
        if office:  # the office of a government publishes the government's report: 宁夏…人民政府 names it too
            forms.append(office.group(1))
        rest = base
        while (m := _PLACE_PREFIX.match(rest)) is not None:
            prefix, rest = m.group(1), rest[m.end():]
            if prefix.endswith("自治区") and len(prefix) > 3:  # 宁夏回族自治区人民政府办公厅 → 自治区人民政府办公厅, 宁夏人民政府办公厅
                forms += ["自治区" + rest, prefix[:2] + rest, prefix[:2] + "自治区" + rest]
            forms.append(rest)
        for form in list(forms):
            if "人民政府" in form:
                forms.append(form.replace("人民政府", "政府"))
                forms.append(form.replace("人民政府办公厅", "办公厅"))  # 自治区办公厅
                if form.endswith("人民政府"):
                    forms.append(form[: -len("人民政府")])
        forms += [f.translate(_JOIN_SWAP) for f in forms if "与" in f or "和" in f]  # 资源与生态 = 资源和生态
        for form in list(forms):
            local = _LOCAL_SUFFIX.sub("", form)  # 红寺堡区 → 红寺堡, 镇北堡镇 → 镇北堡
            if local != form:
                forms.append(local)
        for form in forms:
            # a bare body word (管理局) or a garbled name's piece (…关于) would match other agencies' names
            if len(form) >= 2 and not form.startswith(_GENERIC_START) and form not in GENERIC_BODIES \
                    and not has_sentence_words(form):
                out.add(form)
    return frozenset(out)
