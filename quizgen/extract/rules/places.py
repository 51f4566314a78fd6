"""Places after "tại"/"ở" from the gazetteer and administrative units; where."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.facts import Fact
from quizgen.extract.rules.base import RuleBase
from quizgen.models import QType
from quizgen.normalize import fold_for_match
from quizgen.sentences import Sentence

# Movement before "sang/tới/đến/lên X": where someone was sent, taken or went ("đưa ... sang Campuchia",
# "cử 3 sĩ quan sang Nam Sudan", "lên đường tới Abyei").
_MOVED = re.compile(
    r"(?:đưa|đi|cử|lên đường|xuất cảnh|vượt biên|trốn|di chuyển|chở|bán|triển khai|điều động|xuất quân|"
    r"đưa tiếp|đi tiếp|dẫn|dụ dỗ|lừa|đón|sang)\b"
)


# Where goods or people came from: "đưa từ Angola về Việt Nam", "mua từ Lào với giá ...", "đi từ
# Campuchia sang Việt Nam", "chuyển tiếp từ Malaysia về Sân bay quốc tế Nội Bài".
_CAME_FROM = re.compile(
    r"(?:đưa|đi|mua|nhập|nhập cảnh|vận chuyển|chuyển|chuyển tiếp|chở|xuất phát|bay|trở về|về nước|mang|"
    r"buôn lậu|trốn)\b"
)


class PlaceRules(RuleBase):
    def _destinations(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in self.destination_re.finditer(text):
            place = m.group("place")
            if fold_for_match(place) == "việt nam" or self._inside_org_name(text, m.start(), m.end()):
                continue
            before = text[: m.start()].split()
            prep = m.group("prep")
            if not (_CAME_FROM if prep == "từ" else _MOVED).search(" ".join(before[-8:])):
                continue
            if prep == "từ" and re.match(r"\s*(?:đến|tới)\s", text[m.end() :]):
                continue  # "từ Hà Nội đến TP HCM": a stretch, asked by neither end
            kind = self.gaz.place_kind(re.sub(r"\s\(.*\)$", "", place)) or "admin"
            yield Fact(
                QType.WHERE,
                "destination",
                place,
                place,
                s,
                m.start(),
                m.end(),
                qphrase=f"{prep} {'nước nào' if kind == 'countries' else 'đâu'}",
                shape=f"place:{kind}",
                score=0.7,
            )

    def _places(self, s: Sentence) -> Iterator[Fact]:
        yield from self._destinations(s)
        text = s.text
        for m in self.place_re.finditer(text):
            place = m.group("place").strip().rstrip(",")
            if fold_for_match(place) in ("việt nam",):
                continue
            if self._inside_org_name(text, m.start(), m.end()):
                continue  # "Phái bộ ... tại Nam Sudan": part of a name, not where something happened
            before = text[: m.start()].rstrip().split()
            ordinal = (
                len(before) > 1 and re.fullmatch(r"[IVXL]+", before[-1]) and before[-2] in ("thứ", "khóa")
            )
            named = before and before[-1][:1].isupper() and not ordinal  # "lần thứ XI tại ...": no name
            if named or text[: m.start()].rstrip().endswith("Liên hợp quốc"):
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
