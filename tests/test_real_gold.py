"""The real-article development set (tests/data/real) is consistent with itself.

Every gold fact must be checkable against the committed text: its answer and its evidence
sentence are verbatim spans of the rewritten article, in NFC, and every article has a source
entry (URL, outlet, split). A gold fact that drifts from its text would silently lower or
raise every recall figure measured on the set.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from quizgen.evaluation import load_gold
from tests.conftest import ROOT

REAL = ROOT / "tests" / "data" / "real"
# Each split keeps its texts in the folder named after it: gold-tune.yaml -> tune/.
SPLITS = (
    "tune", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9",
    "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18",
    "fresh19",
    "fresh20",
    "fresh21",
    "fresh22",
    "fresh23",
    "fresh24",
    "fresh25",
    "fresh26",
    "fresh27",
    "fresh28",
    "fresh29",
    "fresh30",
    "fresh31",
    "fresh32",
    "fresh33",
    "fresh34",
    "fresh35",
    "fresh36",
    "fresh37",
    "fresh38",
    "fresh39",
    "fresh40",
    "fresh41",
    "fresh42",
    "fresh43",
    "fresh44",
    "fresh45",
    "fresh46",
    "fresh47",
    "fresh48",
    "fresh49",
    "fresh50",
    "fresh51",
    "fresh52",
    "fresh53",
    "fresh54",
    "fresh55",
    "fresh56",
    "fresh57",
    "fresh58",
    "fresh59",
    "fresh60",
    "fresh61",
    "fresh62",
    "fresh63",
    "fresh64",
    "fresh65",
    "fresh66",
    "fresh67",
    "fresh68",
    "fresh69",
    "fresh70",
    "fresh71",
)  # fmt: skip
GOLD_FILES = [REAL / f"gold-{split}.yaml" for split in SPLITS]
TEXTS = sorted(p for split in SPLITS for p in (REAL / split).glob("*.txt"))
SOURCE_FILES = sorted(REAL.glob("sources*.yaml"))


def _sources() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for path in SOURCE_FILES:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(loaded, list), path
        entries.extend(loaded)
    return entries


def _text_path(gold_path: Path, article: str) -> Path:
    return REAL / gold_path.stem.removeprefix("gold-") / f"{article}.txt"


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_answers_and_evidence_are_verbatim_in_the_rewritten_text(gold_path: Path) -> None:
    facts = load_gold(gold_path)
    assert facts, gold_path
    problems = []
    for n, fact in enumerate(facts):
        path = _text_path(gold_path, fact.article)
        if not path.exists():
            problems.append(f"#{n} {fact.article}: no rewritten text")
            continue
        text = path.read_text(encoding="utf-8")
        if fact.evidence not in text:
            problems.append(f"#{n} {fact.article}: evidence not in text: {fact.evidence[:60]}")
        if fact.answer not in fact.evidence:
            problems.append(f"#{n} {fact.article}: answer not in evidence: {fact.answer}")
        if fact.answer != fact.answer.strip() or not fact.answer:
            problems.append(f"#{n} {fact.article}: answer has edge spaces or is empty")
        for field in (fact.answer, fact.evidence, fact.question_vi or ""):
            if unicodedata.normalize("NFC", field) != field:
                problems.append(f"#{n} {fact.article}: not NFC: {field[:40]}")
    assert not problems, "\n".join(problems)


def test_no_fact_is_listed_twice() -> None:
    seen: set[tuple[str, str, str]] = set()
    for gold_path in GOLD_FILES:
        for fact in load_gold(gold_path):
            key = (fact.article, fact.type.value, fact.answer)
            assert key not in seen, key
            seen.add(key)


def test_rewritten_texts_are_nfc_utf8_and_each_has_gold_facts() -> None:
    with_gold = {fact.article for path in GOLD_FILES for fact in load_gold(path)}
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, path.name
        assert "\r" not in text, path.name
        assert path.stem in with_gold, f"{path.name} has no gold facts"


def test_every_article_has_a_source_entry() -> None:
    entries = _sources()
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "duplicate ids in sources"
    urls = [e["url"] for e in entries]
    assert len(urls) == len(set(urls)), "the same article is listed twice"
    by_id = {e["id"]: e for e in entries}
    for path in TEXTS:
        entry = by_id.get(path.stem)
        assert entry is not None, f"{path.name} has no entry in sources"
        assert entry["kept"] is True, path.name
        assert entry["url"].startswith("http"), path.name
        assert entry["outlet"] and entry["title"] and entry["split"], path.name
    for entry in entries:
        if not entry["kept"]:
            assert entry.get("reason"), f"{entry['id']}: dropped without a reason"
            assert all(p.stem != entry["id"] for p in TEXTS), entry["id"]
