"""Stage 2, the rules: one module per fact family, over the normalised text and the gazetteer.

Each family yields ``Fact``s (the span a question tests, what replaces it in the question, the
answer's shape for the distractor stage). ``Extractor`` runs them all on each sentence; the
analysis-based families (``quizgen.extract.people``, ``quizgen.extract.orgs``) and the checks of
``quizgen.extract.article`` come after it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from quizgen.extract.facts import ArticleFacts, Fact
from quizgen.extract.rules.base import CAPW, CONTINUATION_RE, NUM_WORDS, RuleBase
from quizgen.extract.rules.dates import DateRules
from quizgen.extract.rules.lists import ListRules
from quizgen.extract.rules.numbers import NumberRules
from quizgen.extract.rules.orgs import OrgRules
from quizgen.extract.rules.people import ARMY, PeopleRules
from quizgen.extract.rules.places import PlaceRules
from quizgen.extract.rules.programmes import ProgrammeRules
from quizgen.extract.stems import reporting_lead
from quizgen.sentences import Sentence, article_sentences

__all__ = ["NUM_WORDS", "Extractor", "RuleBase", "main_ministry", "rule_facts"]


class Extractor(PeopleRules, DateRules, ProgrammeRules, NumberRules, PlaceRules, OrgRules, ListRules):
    # -- the rules -----------------------------------------------------------
    def facts_for(self, sentences: list[Sentence], main_org: str | None) -> Iterator[Fact]:
        people: dict[str, dict[str, str]] = {}
        # The article's ministry, or an army story that names no police at all ("Đội Công binh số 2
        # ... đời quân ngũ", fresh54's second reader): its officers hold "quân hàm".
        whole = " ".join(s.text for s in sentences)
        self.army = main_org == "Bộ Quốc phòng" or (
            ARMY.search(whole) is not None and re.search(r"(?i)công an|cảnh sát", whole) is None
        )
        lead = ""
        # An acronym is defined where it is first bracketed ("Phụ nữ, Hòa bình và An ninh (WPS)");
        # a later bracket ("Hội nghị Quốc tế về Phụ nữ, Hòa bình và An ninh (WPS)") names something
        # else that the acronym is part of, and read as a definition it gives a wrong answer.
        defined: dict[str, int] = {}
        for sentence in sentences:
            for m in re.finditer(r"\(([^()\s]{2,12})\)", sentence.text):
                defined.setdefault(m.group(1), sentence.index)
        for sentence in sentences:
            context = lead if CONTINUATION_RE.match(sentence.text) else ""
            for fact in self._sentence_facts(sentence, people, main_org):
                acronym = fact.head if fact.kind in ("acronym", "brand") else ""
                acronym = fact.answer if fact.shape.startswith("org:acronym") else acronym
                if acronym and defined.get(acronym, sentence.index) != sentence.index:
                    continue
                yield replace(fact, context=context) if context and not fact.template else fact
            lead = reporting_lead(sentence.text.split(";")[0]) or (lead if context else "")

    def _sentence_facts(
        self, sentence: Sentence, people: dict[str, dict[str, str]], main_org: str | None
    ) -> Iterator[Fact]:
        yield from self._people(sentence, people)
        yield from self._dates(sentence)
        yield from self._programmes(sentence)
        yield from self._counts(sentence)
        yield from self._places(sentence)
        yield from self._acronyms(sentence)
        yield from self._orgs(sentence, main_org)
        yield from self._subject_org(sentence, main_org)
        yield from self._units(sentence)
        yield from self._lists(sentence)
        yield from self._roles(sentence)


def main_ministry(text: str) -> str | None:
    """The ministry an article is about: the most mentioned "Bộ X" (expands a bare "Bộ")."""
    # "Bộ Tư lệnh", "Bộ Chính trị" are a command and the Politburo, not ministries.
    counts = Counter(
        re.findall(
            rf"Bộ {CAPW}(?!\w)(?:\s{CAPW}(?!\w))?(?:\s(?:an|giao|phòng|vụ|pháp|tế)(?!\w))?"
            r"(?!\s(?:lệnh|trị)\b)",
            text,
        )
    )
    cleaned: Counter[str] = Counter()
    for name, n in counts.items():
        cleaned[re.sub(r"\s+(Việt|Nam).*$", "", name)] += n
    if not cleaned:
        return None
    return cleaned.most_common(1)[0][0]


def rule_facts(
    article_id: str, paragraphs: tuple[str, ...], extractor: Extractor | None = None
) -> ArticleFacts:
    extractor = extractor or Extractor()
    sentences = article_sentences(paragraphs)
    ministry = main_ministry("\n".join(paragraphs))
    facts = tuple(extractor.facts_for(sentences, ministry))
    return ArticleFacts(article_id, facts, ministry)
