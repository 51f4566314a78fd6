"""The awards family: the order, medal, title or commendation a unit or a person receives ("nhận
Huân chương Chiến công hạng Nhì", "đón nhận danh hiệu Anh hùng Lực lượng vũ trang nhân dân",
"trao Giấy khen của Giám đốc Công an tỉnh Gia Lai").

An award is asked only when the gazetteer lists its name (`awards`), so that its edges are known
and its options are of its own kind and form: another class of the same order and the same class
of another order ("Huân chương Chiến công hạng Nhì" -> "hạng Nhất", "Huân chương Bảo vệ Tổ quốc
hạng Nhì"), the titles of the same kind, the commendations of the other issuers. Nothing is asked
where the sentence gives two awards of one head: which one the question means is then unclear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.facts import Fact
from quizgen.gazetteer import Gazetteer, load_gazetteer
from quizgen.models import QType
from quizgen.normalize import fold_for_match, leading_name
from quizgen.sentences import Sentence

# A giving or a receiving before the award: a list of the awards a unit holds is no event.
_GIVEN = re.compile(
    r"(?i)(?<!\w)(?:trao|tặng|nhận|phong|khen thưởng|gắn|vinh dự|xét tặng|đề nghị tặng|quyết định tặng)(?!\w)"
)
_CLASS = re.compile(r"\s+hạng\s+(?P<cls>Nhất|Nhì|Ba|nhất|nhì|ba)(?!\w)")
_CLASSES = ("Nhất", "Nhì", "Ba")
_TITLE_LEAD = re.compile(r"(?i)(?<!\w)danh hiệu(?:\s+(?:cao quý|vinh dự))?\s+")
_COMMENDATION = re.compile(
    r"(?P<head>Bằng khen|Giấy khen) của (?P<issuer>Thủ tướng Chính phủ|Bộ trưởng Bộ Công an|"
    r"Chủ tịch (?P<council>UBND|Ủy ban nhân dân) (?P<level>tỉnh|thành phố|TP\.?)|"
    r"Giám đốc Công an (?P<level2>tỉnh|thành phố|TP\.?))"
    r"(?P<place>\s[A-ZĐ]\w*(?:\s[A-ZĐ]\w*){0,3})?"
)


def _once(text: str, head: str) -> bool:
    return len(re.findall(rf"(?i)(?<!\w){re.escape(head)}(?!\w)", text)) == 1


def _fact(sentence: Sentence, start: int, end: int, answer: str, qphrase: str, family: str) -> Fact:
    return Fact(
        QType.WHAT,
        "award",
        answer,
        sentence.text[start:end],
        sentence,
        start,
        end,
        qphrase=qphrase,
        shape=f"award:{family}",
        head=family,
        score=0.7,
    )


def award_facts(sentence: Sentence, gaz: Gazetteer | None = None) -> Iterator[Fact]:
    """ "What" facts for the awards a sentence says were given or received."""
    gaz = gaz or load_gazetteer()
    text = sentence.text
    awards = gaz.awards
    for head, family in (("Huân chương", "orders"), ("Huy chương", "medals")):
        for m in re.finditer(rf"(?<!\w){head}\s+", text):
            if not _once(text, head) or not _GIVEN.search(text[: m.start()]):
                continue
            name = leading_name(text[m.end() :], awards.get(family, ()))
            if name is None:
                continue
            end = m.end() + len(name)
            graded = _CLASS.match(text, end)
            if graded and fold_for_match(name) in {fold_for_match(n) for n in awards.get("classed", ())}:
                end = graded.end()
            answer = text[m.start() : end]
            yield _fact(sentence, m.start(), end, answer, f"{head.lower()} nào", family)
    for m in _TITLE_LEAD.finditer(text):
        if not _once(text, "danh hiệu") or not _GIVEN.search(text[: m.start()]):
            continue
        for family in ("heroes", "emulation"):
            name = leading_name(text[m.end() :], awards.get(family, ()))
            if name:
                lead = text[m.start() : m.end()].strip()
                qphrase = f"{lead[:1].lower()}{lead[1:]} nào"
                yield _fact(sentence, m.start(), m.end() + len(name), name, qphrase, family)
                break
    for m in _COMMENDATION.finditer(text):
        if not _once(text, m.group("head")) or not _GIVEN.search(text[: m.start()]):
            continue
        yield _fact(sentence, m.start(), m.end(), m.group(0), "hình thức khen thưởng nào", "commendations")


def award_options(answer: str, family: str, gaz: Gazetteer) -> tuple[list[str], list[str]]:
    """Awards of the answer's own kind, written in its form: the nearest (the same order's other
    classes, the same class of other orders), then the rest of its kind."""
    awards = gaz.awards
    if family in ("orders", "medals"):
        words = answer.split(" ", 2)
        lead, rest = " ".join(words[:2]), words[2]
        graded = _CLASS.search(rest)
        name = rest[: graded.start()] if graded else rest
        lower = name[:1].islower()
        if graded:
            cls = graded.group("cls")
            nearest = [
                f"{lead} {name} hạng {_cased(c, cls)}" for c in _CLASSES if c.casefold() != cls.casefold()
            ]
            classed = [n for n in awards.get("classed", ()) if n in awards.get(family, ())]
            return nearest, [
                f"{lead} {_cased_name(n, lower)} hạng {cls}" for n in classed if not _same(n, name)
            ]
        return [], [f"{lead} {_cased_name(n, lower)}" for n in awards.get(family, ()) if not _same(n, name)]
    if family == "heroes":
        # A hero's title among the other honorary title and the highest titles of emulation a
        # unit receives, in the answer's form ("Anh hùng LLVTND" beside "Anh hùng Lao động").
        return [
            n
            for n in awards.get("heroes", ())
            if not _same(n, answer) and not _abbreviates(answer, n) and not _abbreviates(n, answer)
        ], [*awards.get("collective", ())]
    if family == "emulation":
        return [], [n for n in awards.get("emulation", ()) if not _same(n, answer)]
    if family == "commendations":
        m = _COMMENDATION.fullmatch(answer)
        if not m:
            return [], []
        council = m.group("council") or "UBND"
        level = m.group("level") or m.group("level2") or "tỉnh"
        place = m.group("place") or ""
        forms = [
            "Bằng khen của Thủ tướng Chính phủ",
            "Bằng khen của Bộ trưởng Bộ Công an",
            f"Bằng khen của Chủ tịch {council} {level}{place}",
            f"Giấy khen của Giám đốc Công an {level}{place}",
        ]
        return [f for f in forms if not _same(f, answer)], []
    return [], []


def _abbreviates(short: str, name: str) -> bool:
    """ "Anh hùng LLVTND" is "Anh hùng Lực lượng vũ trang nhân dân" written short."""
    words = short.split()
    full = name.split()
    if len(words) < 2 or not words[-1].isupper():
        return False
    shared = len(words) - 1
    initials = "".join(w[0] for w in full[shared:]).upper()
    return full[:shared] == words[:shared] and initials == words[-1]


def _same(a: str, b: str) -> bool:
    return fold_for_match(a) == fold_for_match(b)


def _cased(cls: str, like: str) -> str:
    return cls.lower() if like[:1].islower() else cls


def _cased_name(name: str, lower: bool) -> str:
    """ "Bảo vệ Tổ quốc" as a text that writes its awards in lower case writes it ("bảo vệ tổ quốc");
    a person's name stays as it is ("Hồ Chí Minh")."""
    if not lower or name == "Hồ Chí Minh":
        return name
    return name.lower()
