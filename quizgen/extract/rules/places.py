"""Places after "tại"/"ở" from the gazetteer and administrative units; where."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.facts import Fact
from quizgen.extract.rules.base import RuleBase
from quizgen.models import QType
from quizgen.normalize import fold_for_match
from quizgen.sentences import Sentence


class PlaceRules(RuleBase):
    def _places(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in self.place_re.finditer(text):
            place = m.group("place").strip().rstrip(",")
            if fold_for_match(place) in ("việt nam",):
                continue
            if self._inside_org_name(text, m.start(), m.end()):
                continue  # "Phái bộ ... tại Nam Sudan": part of a name, not where something happened
            before = text[: m.start()].rstrip().split()
            if before and (before[-1][:1].isupper() or text[: m.start()].rstrip().endswith("Liên hợp quốc")):
                continue  # "Trụ sở Liên hợp quốc ở New York": where a body sits, not where it happened
            leading = self._leading_adverbial(text, m.start(), m.end())
            kind = self.gaz.place_kind(re.sub(r"\s\(.*\)$", "", place)) or "admin"
            yield Fact(
                QType.WHERE,
                "place",
                place,
                place,
                s,
                m.start(),
                m.end(),
                qphrase=("ở đâu" if leading else f"{m.group('prep').lower()} đâu"),
                move_to_end=leading,
                shape=f"place:{kind}",
                score=0.7,
            )
