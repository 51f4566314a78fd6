"""Data checks for the held-out split of real articles (no generator involved).

The held-out split is the part of the real-article set that the generator is never
tuned on. Each gold fact must quote its rewritten article exactly, so that recall
measured on it means something: the answer is a verbatim span of its evidence, and
the evidence is a verbatim sentence of the article.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

REAL = Path(__file__).resolve().parent / "data" / "real"
HELDOUT = REAL / "heldout"
GOLD = REAL / "gold-heldout.yaml"
SOURCES = REAL / "sources-heldout.yaml"

TYPES = {"who", "what", "when", "which_programme", "how_many", "where", "org", "acronym"}
GOLD_KEYS = {"article", "type", "question_vi", "answer", "evidence"}


def _gold() -> list[dict[str, Any]]:
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def _sources() -> list[dict[str, Any]]:
    data = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def _text(article: str) -> str:
    return (HELDOUT / f"{article}.txt").read_text(encoding="utf-8")


def _label(fact: dict[str, Any]) -> str:
    return f"{fact['article']}:{fact['type']}:{fact['answer'][:30]}"


GOLD_FACTS = _gold()


@pytest.mark.parametrize("fact", GOLD_FACTS, ids=_label)
def test_gold_fact_is_verbatim(fact: dict[str, Any]) -> None:
    assert set(fact) == GOLD_KEYS
    assert fact["type"] in TYPES
    text = _text(fact["article"])
    for key in ("question_vi", "answer", "evidence"):
        value = fact[key]
        assert isinstance(value, str) and value.strip() == value and value
        assert unicodedata.normalize("NFC", value) == value, f"{key} is not NFC"
    assert fact["evidence"] in text, "evidence is not verbatim in the article"
    assert fact["answer"] in fact["evidence"], "answer is not verbatim in its evidence"
    assert fact["answer"] in text


def test_rewritten_texts_are_nfc_utf8_and_all_have_gold() -> None:
    files = sorted(HELDOUT.glob("*.txt"))
    assert files, "no held-out articles"
    with_gold = {f["article"] for f in GOLD_FACTS}
    for path in files:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        assert unicodedata.normalize("NFC", text) == text, path.name
        assert "\ufeff" not in text and "\r" not in text, path.name
        assert path.stem in with_gold, f"{path.name} has no gold facts"
    assert with_gold <= {p.stem for p in files}, "gold names an unknown article"


def test_each_article_has_enough_facts_and_no_duplicates() -> None:
    counts: dict[str, int] = {}
    seen: set[tuple[str, str, str]] = set()
    for fact in GOLD_FACTS:
        counts[fact["article"]] = counts.get(fact["article"], 0) + 1
        key = (fact["article"], fact["type"], fact["answer"])
        assert key not in seen, f"duplicate gold fact {key}"
        seen.add(key)
    for article, n in counts.items():
        assert 5 <= n <= 14, f"{article} has {n} gold facts"


def test_sources_list_every_article_and_split() -> None:
    sources = _sources()
    kept = {s["id"] for s in sources if s["kept"]}
    assert kept == {p.stem for p in HELDOUT.glob("*.txt")}
    for s in sources:
        assert s["split"] == "heldout"
        assert s["url"].startswith("http")
        assert s["outlet"] and s["title"]
        if not s["kept"]:
            assert s.get("reason"), f"{s['id']} not kept but no reason"
    assert len({s["url"] for s in sources}) == len(sources)
    assert len({s["outlet"] for s in sources if s["kept"]}) >= 5
