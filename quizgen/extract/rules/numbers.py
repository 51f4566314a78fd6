"""Numbers with their counted noun or unit; how many."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.facts import Fact
from quizgen.extract.rules.base import _NUM_WORD_RE, NUM_WORDS, STOP_WORDS, TIME_UNITS, RuleBase
from quizgen.models import QType
from quizgen.sentences import LOWER, Sentence

# "15 giờ ngày 21-1", "8 giờ 30 sáng": the hour of a moment, not a duration.
_CLOCK_AFTER = re.compile(r"\s*(?:\d{1,2}(?:\s*phút)?\s+)?(?:ngày|cùng ngày|hôm|sáng|trưa|chiều|tối|đêm)\b")
_CITATION_AFTER = re.compile(r"\s*(?:khoản|điểm|của|Luật|Bộ luật|Nghị|[,.;)]|$)")


# Counted nouns written as a pair of words joined by a comma; the second word, by the first.
_PAIRS = {
    "chiến sĩ": "cán bộ", "thành phố": "tỉnh", "công nhân viên": "cán bộ", "tổ dân phố": "xóm",
    "ổ nhóm": "đường dây", "đảng viên": "cán bộ", "thị trấn": "xã", "bằng khen": "kỷ niệm chương",
}  # fmt: skip
_PAIRED_NOUN = re.compile(rf",\s*(?P<second>{'|'.join(_PAIRS)})(?!\w)")


def _noun_after(after: str, most: int) -> tuple[int, list[str]]:
    """Where the counted noun after a number starts, and its words (at most ``most``): up to a stop
    word or a number. A capitalised unit name counts ("63 Công an tỉnh")."""
    nm = re.match(rf"\s+((?:[^\s,.;:()\"]+)(?:\s+[^\s,.;:()\"]+){{0,{most - 1}}})", after)
    if not nm:
        return 0, []
    words: list[str] = []
    for w in nm.group(1).split():
        if w in STOP_WORDS or w[:1].isdigit():
            break
        words.append(w)
    return nm.start(1), words


# Number words that begin another word: "ba lô" (backpack), "ba gác" (cart), "năm châu".
_WORD_NOT_NUMBER = re.compile(r"\s+(?:lô|gác|láp|châu|bốn biển)(?!\w)")


class NumberRules(RuleBase):
    # "tới" stays out of the answer: "có tới 56 người" stresses the number and "từ UBND tỉnh tới 148
    # điểm cầu" reaches it; neither changes it, and "tới" on every option read as padding (fresh19).
    _COUNT_RE = re.compile(
        rf"(?<![\w/.,\-])(?P<num>(?:(?:[Hh]ơn|[Gg]ần|[Kk]hoảng|[Tt]rên|[Dd]ưới|[Hh]àng)\s+)?"
        rf"(?:\d{{1,3}}(?:[.,]\d{{3}})+|\d+(?:,\d+)?|(?:{_NUM_WORD_RE})))"
        # "3 tỷ 240 triệu đồng": one sum; "240 triệu đồng" alone asked "3 tỷ bao nhiêu triệu" (fresh50).
        rf"(?P<unit>\s?%|\s?(?:ha|km2|km|m2|kg)(?![{LOWER}])|\s+tỷ\s+\d{{1,3}}\s+triệu(?:\s+đồng)?"
        rf"|\s+(?:tỷ đồng|triệu đồng|USD|tấn|gam))?"
        rf"(?=[\s,.;:)]|$)"
    )

    def _counts(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in self._COUNT_RE.finditer(text):
            raw = m.group("num")
            if re.match(r"\s+tỷ\s+\d", m.group("unit") or ""):
                continue  # matched whole so that its "240 triệu đồng" is not asked as a sum of its own
            bare = re.sub(r"^(?:hơn|gần|khoảng|trên|dưới|tới|hàng)\s+", "", raw, flags=re.IGNORECASE)
            if raw != bare and raw[:1].isupper():
                raw = raw[:1].lower() + raw[1:]  # "Hơn 200 đại biểu" opens the sentence: "hơn 200"
            if bare in NUM_WORDS and re.search(r"\d\s*$", text[: m.start()]):
                continue  # "10 năm": the word is the unit of the number before it, not a number
            if bare in NUM_WORDS and _WORD_NOT_NUMBER.match(text[m.end() :]):
                continue  # "mang theo một ba lô": a backpack, not three of anything (both readers)
            before = text[: m.start()].rstrip()
            prev = before.split()[-1] if before.split() else ""
            # "điều 2 xe" dispatches two vehicles; "Điều 2", "điều 5 khoản 1" cite a law.
            cites = prev == "Điều" or re.match(_CITATION_AFTER, text[m.end() :])
            if prev == "điều" and not cites:
                prev = ""
            if prev.lower() in (
                "hẻm",  # "hẻm 525 Tô Hiến Thành", "ngõ 12": an address, not a count
                "phòng",  # "phòng 8 Cục Cảnh sát hình sự", "đội 2": a unit's number, not a count
                "đội",
                "tổ",
                "ngõ",
                "ngách",
                "kiệt",
                "số",
                "ngày",
                "tháng",
                "năm",
                "lần",
                "khóa",
                "thứ",
                "án",
                "định",
                "quyết",
                "đoạn",
                "điều",
                "khoản",
                "nghị",
                "ngã",  # "ngã bảy Ô Chợ Dừa", "ngã tư": a crossroads' name, not a count
            ) or prev.endswith(("/", "-")):
                continue
            if len(prev) >= 2 and prev.isupper() and prev.isalpha():
                continue  # "BCĐ 138 tỉnh", "Ban Chỉ đạo 138": a body's number, not a count
            if re.search(r"(?i)(?:ban chỉ đạo|bcđ)\s*$", before):
                continue  # "Trưởng ban Chỉ đạo 138 tỉnh": the body's number (both fresh52 readers)
            if re.search(r"(?i)(?:quốc lộ|tỉnh lộ|huyện lộ|đường|đường tỉnh|QL|ĐT|km|Km|tuyến)\s*$", before):
                continue  # "trên quốc lộ 50 đoạn qua xã ...": a road's number, not a count
            if re.search(r"\d\s*\+\s*$", before):
                continue  # "tại Km 01+800": the metres of a chainage, not a count
            if re.match(r"\s*chỗ(?!\w)", text[m.end() :]) and re.search(
                r"(?i)(?:xe|ô tô|loại)\b[^,.]{0,40}$", before
            ):
                continue  # "ô tô con loại 04 chỗ": a vehicle's seats (both fresh40 readers: trivial)
            if re.search(
                r"(?:Bệnh viện|Quân y|Quân đội|Quân khu|Sư đoàn|Lữ đoàn|Trung đoàn|Tiểu đoàn)\s*$", before
            ):
                continue  # "Bệnh viện Quân y 175", "Sư đoàn 5": a unit's number is its name
            if re.search(r"(?i)lực lượng\s*$", before) and re.match(r"\s+[A-ZĐ]", text[m.end() :]):
                continue  # "Lực lượng 363 Công an TP Hồ Chí Minh": a force's name, not a head count
            if re.match(r"\d{4}$", bare) and 1900 <= int(bare) <= 2100:
                continue
            if re.search(r"\d\s*[–-]\s*$", before) or re.match(r"\s*[–-]\s*\d", text[m.end() :]):
                continue  # "rộng từ 20 – 24 m": one end of a range is no count
            if re.match(r"[/\-.]\d", text[m.end() :]):
                continue
            unit = (m.group("unit") or "").strip()
            after = text[m.end() :]
            if unit:
                answer = text[m.start() : m.end()].strip()
                if answer[:1].isupper():
                    answer = answer[:1].lower() + answer[1:]
                # The fact names what is measured ("khoảng 1,4 kg ma túy đá"); the answer is the amount.
                measured = _noun_after(after, 5)[1] if unit != "%" else []
                qp = "bao nhiêu phần trăm" if unit == "%" else f"bao nhiêu {unit}"
                yield Fact(
                    QType.HOW_MANY,
                    "measure",
                    answer,
                    " ".join([answer, *measured]),
                    s,
                    m.start(),
                    m.end(),
                    qphrase=qp,
                    shape=f"count:{unit}",
                    head=unit,
                    score=0.75,
                )
                continue
            noun_at, noun_words = _noun_after(after, 6)
            if not noun_words:
                continue
            if (
                bare in NUM_WORDS
                and bare == "năm"
                and noun_words[0] in ("nay", "qua", "tới", "ngoái", "trước", "sau", "học")
            ):
                continue
            if noun_words[0] in ("–", "-") or re.match(r"\s*[:–-]\s*\d", after):
                continue  # "Trung tâm ... nghiệp vụ 2 – Bộ Tư lệnh": a unit's number; "1:52:06" a clock
            if noun_words[0].lower() in ("bên", "nước", "lần", "cách", "số", "trong", "phía"):
                continue  # "hai bên", "ba nước": not a count worth asking
            noun_end = m.end() + noun_at + len(" ".join(noun_words))
            rest = text[m.end() + noun_at + len(noun_words[0]) :]
            clock = re.match(_CLOCK_AFTER, rest)
            if noun_words[0] in ("giờ", "phút") and (clock or prev.lower() in ("lúc", "hồi", "vào")):
                continue  # "khoảng 15 giờ ngày 21-1" is a moment, not a duration
            if noun_words[0] == "phút" and re.search(r"(?:\d\s*giờ|\d\s*h)\s*$", text[: m.start()]):
                continue  # "5 giờ 15 phút rạng sáng 19.8": the minutes of a moment (both fresh58 readers)
            if noun_words[0] in TIME_UNITS:
                unit_word = noun_words[0]
                span_end = m.end() + noun_at + len(unit_word)
                answer = text[m.start() : span_end]
                yield Fact(
                    QType.HOW_MANY,
                    "duration",
                    answer,
                    answer,
                    s,
                    m.start(),
                    span_end,
                    qphrase=f"bao nhiêu {unit_word}",
                    shape=f"count:{unit_word}",
                    head=unit_word,
                    score=0.75,
                )
                continue
            pair = _PAIRED_NOUN.match(text, noun_end)
            if pair and " ".join(noun_words).casefold().endswith(_PAIRS[pair.group("second")]):
                # "200 cán bộ, chiến sĩ", "34 tỉnh, thành phố": one counted noun, written as a pair.
                noun_words = [*noun_words, *pair.group(0).strip(", ").split()]
                noun_end = pair.end()
            noun = " ".join(noun_words)
            if re.match(r"\s*:", text[noun_end:]):
                continue  # "ba nội dung: A, B và C": the stem would list what it asks to count
            yield Fact(
                QType.HOW_MANY,
                "count",
                raw,
                text[m.start() : noun_end],
                s,
                m.start(),
                m.end(),
                qphrase="bao nhiêu",
                shape="count",
                head=noun,
                score=0.8,
            )
