"""Enumerated items and roles ("với vai trò là ..."); what."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.facts import Fact
from quizgen.extract.rules.base import _NUM_WORD_RE, NUM_WORDS, RuleBase
from quizgen.models import QType
from quizgen.sentences import Sentence


class ListRules(RuleBase):
    _LIST_RE = re.compile(
        rf"(?P<num>\d+|{_NUM_WORD_RE})\s+(?P<noun>[^\s:,;]+(?:\s[^\s:,;]+){{0,3}}):\s+(?P<items>[^;:]+?)(?:\.|;|$)"
    )

    def _lists(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in self._LIST_RE.finditer(text):
            items_text = m.group("items")
            # "phòng, chống ..." is one expression: its comma separates no items.
            parts = [
                p.replace("\x00", ", ")
                for p in re.split(r",\s+", items_text.replace("phòng, chống", "phòng\x00chống"))
            ]
            last_split = re.split(r"\s+và\s+", parts[-1])
            if len(last_split) >= 2:
                parts = [*parts[:-1], " và ".join(last_split[:-1]), last_split[-1]]
            expected = int(m.group("num")) if m.group("num").isdigit() else NUM_WORDS.get(m.group("num"))
            if expected is None or len(parts) != expected or expected < 2:
                continue
            last = parts[-1].strip()
            last_start = m.start("items") + items_text.rfind(last)
            noun = m.group("noun").split()
            head_noun = " ".join(noun[:2]) if len(noun) >= 2 else noun[0]
            yield Fact(
                QType.WHAT,
                "list_item",
                last,
                last,
                s,
                last_start,
                last_start + len(last),
                qphrase=f"{head_noun} nào",
                shape="topic",
                head=head_noun,
                score=0.75,
            )

    _ROLE_RE = re.compile(
        r"(?P<lead>[Vv]ới vai trò(?: là)?|theo hình thức|[Ll]à)\s+(?P<x>[^,;.]{6,120}?)(?=,|;|\.|$| nhằm)"
    )

    def _roles(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in self._ROLE_RE.finditer(text):
            lead = m.group("lead")
            if lead.lower() == "là":
                continue
            x = m.group("x").strip()
            if len(x.split()) < 2:
                continue
            is_role = "vai trò" in lead
            leading = is_role and self._leading_adverbial(text, m.start(), m.end())
            if leading:
                yield Fact(
                    QType.WHAT,
                    "role",
                    x,
                    x,
                    s,
                    m.start(),
                    m.end(),
                    qphrase="với vai trò là gì",
                    move_to_end=True,
                    shape="phrase:role",
                    score=0.6,
                )
                continue
            yield Fact(
                QType.WHAT,
                "role" if is_role else "form",
                x,
                x,
                s,
                m.start("x"),
                m.end("x"),
                qphrase="gì" if is_role else "nào",
                shape="phrase:role" if is_role else "phrase:form",
                score=0.6,
            )
