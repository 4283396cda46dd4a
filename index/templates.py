"""The two versions of the annual-report template, loaded from the data files index/templates/*.json.

Each version lists, per standard table, its rows (canonical key, printed label, label variants, position,
columns), its columns (key, header words, unit), the anchors that locate the table in a report's text and the
勾稽关系 that must hold. No code branches on the version: the parser tries every version and keeps the one
that fits the labels actually printed.

    >>> sorted(load_templates())
    ['2019', '2021']
    >>> load_templates()["2019"].tables["申请"].row("三.三.2").label
    '其他法律行政法规禁止公开'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from govqa.core.errors import GovqaError


@dataclass(frozen=True)
class TemplateColumn:
    """One column: its canonical key, the header words that print it, its unit ("" for counts, "万元")."""

    key: str
    words: tuple[str, ...]
    unit: str = ""
    signed: bool = False  # a change (本年增/减) may be printed with a sign; a count or an amount never is


@dataclass(frozen=True)
class TemplateRow:
    """One row: canonical key, printed label and its variants, 1-based position, the columns it has."""

    key: str
    label: str
    aliases: tuple[str, ...]
    position: int
    cols: tuple[str, ...]
    optional: bool = False  # a row some reports leave out: no "missing" finding when it is absent

    @property
    def labels(self) -> tuple[str, ...]:
        """The label and its variants, label first."""
        return (self.label, *self.aliases) if self.label else self.aliases


@dataclass(frozen=True)
class Relation:
    """A 勾稽关系: target = sum(plus) - sum(minus), for every row (axis "row") or every column (axis "column")."""

    axis: str  # "row": keys are column keys, checked in every row; "column": keys are row keys
    target: str
    plus: tuple[str, ...]
    minus: tuple[str, ...]
    explain: str  # how the expected value is formed, for messages: 各项之和

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key the relation reads."""
        return (self.target, *self.plus, *self.minus)


@dataclass(frozen=True)
class TableTemplate:
    """One standard table in one template version."""

    name: str  # 主动公开 | 申请 | 复议诉讼
    title: str
    anchors: tuple[str, ...]  # text that starts the table's region
    end_anchors: tuple[str, ...]  # text that ends it
    header_words: tuple[str, ...]  # column headers only this version prints
    columns: tuple[TemplateColumn, ...]
    rows: tuple[TemplateRow, ...]
    relations: tuple[Relation, ...]
    # target ≥ sum(plus) - sum(minus): what a cut of run-together digits must keep (现行有效 ≥ 制发 − 废止)
    bounds: tuple[Relation, ...] = ()

    def row(self, key: str) -> TemplateRow:
        """The row with this key (KeyError naming the table if there is none)."""
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(f"table {self.name} has no row {key!r}")

    def column(self, key: str) -> TemplateColumn:
        """The column with this key (KeyError naming the table if there is none)."""
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"table {self.name} has no column {key!r}")


@dataclass(frozen=True)
class Template:
    """One template version: "2019" or "2021"."""

    version: str
    source: str  # the circular that defines it
    tables: dict[str, TableTemplate]


def _relations(items: list[dict]) -> tuple[Relation, ...]:
    return tuple(Relation(x["axis"], x["target"], tuple(x["plus"]), tuple(x.get("minus", ())), x["explain"])
                 for x in items)


def _table(name: str, data: dict, source: str) -> TableTemplate:
    try:
        return TableTemplate(
            name=name,
            title=data["title"],
            anchors=tuple(data["anchors"]),
            end_anchors=tuple(data["end_anchors"]),
            header_words=tuple(data.get("header_words", ())),
            columns=tuple(TemplateColumn(c["key"], tuple(c["words"]), c.get("unit", ""),
                                          bool(c.get("signed", False))) for c in data["columns"]),
            rows=tuple(
                TemplateRow(r["key"], r["label"], tuple(r.get("aliases", ())), int(r["position"]), tuple(r["cols"]),
                            bool(r.get("optional", False)))
                for r in data["rows"]
            ),
            relations=_relations(data.get("relations", ())),
            bounds=_relations(data.get("bounds", ())),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise GovqaError(f"template file {source}: table {name} is malformed ({exc!r})") from exc


@lru_cache(maxsize=1)
def load_templates() -> dict[str, Template]:
    """Every template version shipped in index/templates/, keyed by version, oldest first."""
    found: dict[str, Template] = {}
    folder = resources.files("govqa.index") / "templates"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise GovqaError(f"template file {entry.name}: not valid JSON ({exc})") from exc
        version = str(data["version"])
        tables = {name: _table(name, spec, entry.name) for name, spec in data["tables"].items()}
        found[version] = Template(version=version, source=str(data.get("source", "")), tables=tables)
    if not found:
        raise GovqaError("no template files found in index/templates/")
    return found


def all_relations(table: str) -> tuple[Relation, ...]:
    """The relations of a table over every template version, each once."""
    seen: dict[Relation, None] = {}
    for template in load_templates().values():
        if table in template.tables:
            for relation in template.tables[table].relations:
                seen.setdefault(relation, None)
    return tuple(seen)
