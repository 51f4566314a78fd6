"""Stage 2, extraction: find the facts worth asking about in each sentence.

Rules over the normalised text plus the gazetteer (ranks, titles, surnames,
organisation heads, places). Each rule yields a ``Fact``: the span it tests,
what replaces it in the question ("ai", "ngày nào", "bao nhiêu ..."), and the
shape of the answer so the distractor stage can find look-alikes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from quizgen.extract.facts import ArticleFacts, Fact
from quizgen.extract.stems import reporting_lead
from quizgen.gazetteer import Gazetteer, load_gazetteer
from quizgen.models import QType
from quizgen.normalize import fold_for_match
from quizgen.sentences import LOWER, UPPER, Sentence, article_sentences

CAPW = rf"[{UPPER}][{LOWER}]*"
NAMEW = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)*"
ACR = rf"[{UPPER}][{UPPER}0-9&.]*[{UPPER}0-9](?:\s[{UPPER}][a-z]+)?"
NUM_WORDS = {
    "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "mười hai": 12, "hai mươi": 20, "ba mươi": 30, "một trăm": 100, "hàng trăm": 100,
    "hàng nghìn": 1000, "hàng chục": 10,
}  # fmt: skip
_NUM_WORD_RE = "|".join(sorted((re.escape(w) for w in NUM_WORDS), key=len, reverse=True))
TIME_UNITS = ("ngày", "tuần", "tháng", "năm", "giờ", "phút")
# Words that end a noun phrase: prepositions, auxiliaries, conjunctions.
STOP_WORDS = {
    "của", "từ", "đến", "tại", "trong", "và", "với", "nhằm", "để", "đã", "được", "do", "cho",
    "là", "về", "thuộc", "ở", "sẽ", "đang", "bị", "thì", "mà", "nên", "vì", "khi", "theo",
    "trên", "dưới", "qua", "sau", "trước", "cùng", "có", "không", "các", "những", "này", "đó",
}  # fmt: skip
PROGRAMME_HEADS = (
    "Chương trình", "Kế hoạch", "Đề án", "Dự án", "Chiến lược", "Quyết định", "Nghị quyết",
    "Nghị định", "Chỉ thị", "Thông tư", "Luật", "Sáng kiến", "Hiệp định", "Bản ghi nhớ",
    "Công ước", "Kết luận",
)  # fmt: skip
# A sentence that continues a list of requests from the sentence before it.
CONTINUATION_RE = re.compile(
    r"^(?:Hỗ trợ|Tạo điều kiện|Ủng hộ|Tiếp tục|Giúp đỡ|Phối hợp|Đẩy mạnh|Tăng cường)\s"
)
# Organisations whose name carries a place ("Đại sứ quán Việt Nam tại Pháp").
_LOCATED_HEADS = {"Phái bộ", "Đại sứ quán", "Tổng Lãnh sự quán", "Văn phòng", "Cơ quan", "Phái đoàn"}
# Lower-case words inside a unit's name: "Công an tỉnh Nghệ An", "Công an thành phố Hà Nội".
_ADMIN_UNITS = {"tỉnh", "thành", "phố", "huyện", "quận", "xã", "thị", "trấn", "phường"}
# Words that never stand inside an organisation's name: where one appears, a clause has begun.
_NAME_BREAK_RE = re.compile(
    r"(?<!\w)(?:đã|đang|sẽ|được|phối hợp|cùng|với|tổ chức|tiếp|gặp|thăm|ký|là|nhằm|từ|thông qua)(?!\w)"
)
# Words that never stand inside a title: where one appears, a clause has begun.
_CLAUSE_WORD_RE = re.compile(r"(?<!\w)(?:đã|đang|sẽ|được|tiếp|gặp|cùng|với|và|cho|làm việc|hội đàm)(?!\w)")
UNIT_HEADS = ("Đơn vị", "Trung tâm", "Bệnh viện", "Đội", "Tổ công tác")
FOREIGN_STOP = {"Women", "Nations", "United", "Union", "Office", "Programme", "Fund", "Council",
                "Development", "Security", "Peace", "Police", "Agency", "Mission"}  # fmt: skip


def _ci(word: str) -> str:
    """A regex matching ``word`` with either case of its first letter."""
    first = word[0]
    return f"[{first.upper()}{first.lower()}]" + re.escape(word[1:])


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(_ci(w) for w in sorted(words, key=len, reverse=True))


class Extractor:
    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or load_gazetteer()
        g = self.gaz
        self.rank_re = re.compile(rf"(?<![{LOWER}{UPPER}])(?P<rank>{_alt(g.all_ranks)})\s+")
        self.title_re = re.compile(rf"(?<![{LOWER}{UPPER}])(?P<title>{_alt(g.titles)})(?![{LOWER}])")
        self.honorific_re = re.compile(rf"(?<![{LOWER}{UPPER}])(?P<hon>{_alt(g.honorifics)})\s+")
        self.prog_head_re = re.compile(rf"(?<![{LOWER}{UPPER}])(?P<head>{_alt(PROGRAMME_HEADS)})(?=\s)")
        self.unit_head_re = re.compile(rf"(?<![{LOWER}{UPPER}])(?P<head>{'|'.join(UNIT_HEADS)})\s")
        self.org_head_re = re.compile(
            rf"(?<![{LOWER}{UPPER}])(?P<head>{'|'.join(re.escape(h) for h in g.org_heads)})(?=\s)"
        )
        place_names = [n for names in g.places.values() for n in names] + list(g.countries)
        place_names += ["TPHCM", "TP.HCM", "TP. Hồ Chí Minh", "TP Hồ Chí Minh", "Thủ đô Hà Nội"]
        self.place_re = re.compile(
            r"(?P<prep>[Tt]ại|[Ởở])\s+(?P<place>"
            rf"(?:(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|TP\.?)\s+(?:{CAPW}\s?)+"
            rf"(?:,\s*(?:huyện|quận|tỉnh|thành phố|TP\.?)\s+(?:{CAPW}\s?)+)*)"
            rf"|(?:{'|'.join(re.escape(p) for p in sorted(place_names, key=len, reverse=True))})"
            rf"(?:\s\((?:{'|'.join(re.escape(c) for c in g.countries)})\))?)(?![{LOWER}])"
        )

    # -- names -------------------------------------------------------------
    def name_at(self, text: str, pos: int) -> tuple[int, str] | None:
        """A person's name starting at ``pos``: (end, kind) with kind 'vn' or 'foreign'."""
        if self.title_re.match(text, pos) or self.rank_re.match(text, pos):
            return None  # "Phó Tổng Thư ký": Phó is a surname too, but here it starts a title
        seq = []
        offset = pos
        for _ in range(4):
            m = re.match(rf"\s?({NAMEW}|[{UPPER}](?![{LOWER}{UPPER}]))", text[offset:])
            if not m:
                break
            seq.append((offset + m.start(1), offset + m.end(1), m.group(1)))
            offset += m.end()
        if not seq:
            return None
        if seq[0][2] in self.gaz.surnames and len(seq) >= 2:
            return seq[-1][1], "vn"
        foreign = []
        for start, end, word in seq:
            if any(ch in "ăâđêôơưĂÂĐÊÔƠƯ" for ch in word) or re.search("[\u0309\u0323]", _nfd(word)):
                break
            if word in FOREIGN_STOP or len(word) < 2:
                break
            foreign.append((start, end, word))
        if len(foreign) >= 2:
            return foreign[-1][1], "foreign"
        return None

    # -- the rules -----------------------------------------------------------
    def facts_for(self, sentences: list[Sentence], main_org: str | None) -> Iterator[Fact]:
        people: dict[str, dict[str, str]] = {}
        lead = ""
        for sentence in sentences:
            context = lead if CONTINUATION_RE.match(sentence.text) else ""
            for fact in self._sentence_facts(sentence, people, main_org):
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

    def _clause_start(self, text: str, pos: int) -> bool:
        """True when ``pos`` starts the sentence's main clause (after openers/adverbials)."""
        before = text[:pos]
        if not before.strip():
            return True
        return bool(re.fullmatch(r"(?:[^,;]{0,80},\s*){1,2}", before)) and not before.rstrip().endswith(
            ("của", "và")
        )

    def _people(self, s: Sentence, people: dict[str, dict[str, str]]) -> Iterator[Fact]:
        text = s.text
        seen_spans: list[tuple[int, int]] = []
        anchors: list[tuple[int, int, str, str]] = []  # (start, name_start, rank, honorific)
        for m in self.rank_re.finditer(text):
            anchors.append((m.start(), m.end(), m.group("rank"), ""))
        for m in self.honorific_re.finditer(text):
            anchors.append((m.start(), m.end(), "", m.group("hon")))
        for start, name_start, rank, _honorific in sorted(anchors):
            found = self.name_at(text, name_start)
            if found is None:
                continue
            name_end, kind = found
            name = text[name_start:name_end]
            mention_end = name_end
            title = ""
            app = re.match(r"\s*(,|[-\u2013])\s*", text[name_end:])
            if app:
                t_start = name_end + app.end()
                tm = self.title_re.match(text, t_start)
                if tm and app.group(1) != ",":
                    # "Đại tá X - Giám đốc Công an tỉnh Y chủ trì ...": no closing comma, so the title
                    # ends with its organisation's name.
                    t_end = self._org_end(text, tm.end())
                elif tm:
                    stop = re.search(
                        r",|;|\.(?:\s|$)|\s[-\u2013]\s"
                        r"|\s(?:đã|đang|sẽ|cho biết|khẳng định|nhấn mạnh|phát biểu)\s",
                        text[t_start:],
                    )
                    t_end = t_start + (stop.start() if stop else len(text) - t_start)
                if tm:
                    title = text[t_start:t_end].strip()
                    if len(title.split()) <= 16:
                        mention_end = t_end + (1 if t_end < len(text) and text[t_end] == "," else 0)
                    else:
                        title = ""
            seen_spans.append((start, mention_end))
            rank_cap = rank[:1].upper() + rank[1:] if rank else ""
            info = people.setdefault(name, {})
            first = not info
            if rank_cap:
                info.setdefault("rank", rank_cap)
            if title:
                info.setdefault("title", title)
            shape = f"person:{kind}"
            if self._clause_start(text, start):
                # The name with its rank when the text gives one ("Đại tá Vũ Văn Tấn"): the whole
                # constituent; an honorific ("ông", "bà") is not part of it.
                with_rank = text[start:name_end] if rank else name
                yield Fact(
                    QType.WHO,
                    "person",
                    with_rank[:1].upper() + with_rank[1:] if text[start:name_end] == with_rank else with_rank,
                    text[start:mention_end].rstrip(", "),
                    s,
                    start,
                    mention_end,
                    qphrase="ai",
                    shape=shape,
                    score=0.9 if first else 0.55,
                )
            if title and "title" in info and info["title"] == title:
                # The name alone: the rank here would answer the rank question, and the reverse.
                ref = name
                yield Fact(
                    QType.WHO,
                    "title_of",
                    title,
                    title,
                    s,
                    0,
                    0,
                    template=f"{ref} giữ chức vụ gì?",
                    shape="title",
                    head=title.split()[0],
                    score=0.85,
                )
            if rank_cap:
                ref = name
                yield Fact(
                    QType.WHO,
                    "rank_of",
                    rank_cap,
                    rank,
                    s,
                    0,
                    0,
                    template=f"{ref} có cấp bậc hàm gì?",
                    shape="rank",
                    score=0.8,
                )
        # "Phó Tổng Thư ký Liên hợp quốc (LHQ) phụ trách ... Jean-Pierre Lacroix": title, then name.
        for tm in self.title_re.finditer(text):
            if any(a <= tm.start() < b for a, b in seen_spans):
                continue
            window = text[tm.end() :]
            stop = re.search(r"[,;:.](?:\s|$)|\s[-\u2013]\s", window)
            limit = tm.end() + (stop.start() if stop else len(window))
            for wm in re.finditer(rf"(?<=\s)({NAMEW}|{CAPW})", text[tm.end() : limit]):
                pos = tm.end() + wm.start()
                found = self.name_at(text, pos)
                if found is None:
                    continue
                name_end, kind = found
                if name_end > limit:
                    continue
                title = text[tm.start() : pos].strip()
                name = text[pos:name_end]
                if len(title.split()) > 18 or _CLAUSE_WORD_RE.search(title):
                    break  # a verb between title and name: they belong to different people
                seen_spans.append((tm.start(), name_end))
                info = people.setdefault(name, {})
                first = not info
                info.setdefault("title", title)
                if first and len(title.split()) >= 2:
                    yield Fact(
                        QType.WHO,
                        "holder_of",
                        name,
                        name,
                        s,
                        0,
                        0,
                        template=f"Ai là {title}?",
                        shape=f"person:{kind}",
                        score=0.85,
                    )
                if self._clause_start(text, tm.start()):
                    yield Fact(
                        QType.WHO,
                        "person",
                        name,
                        text[tm.start() : name_end],
                        s,
                        tm.start(),
                        name_end,
                        qphrase="ai",
                        shape=f"person:{kind}",
                        score=0.7 if first else 0.5,
                    )
                break

    _DAY_RE = re.compile(
        r"(?P<tod>(?:[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm)\s+(?:(?:ngày|nay)\s+)?|(?P<ngay>[Nn]gày)\s+)"
        r"(?P<date>\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{4})?|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)"
        r"(?![\d/])"
    )
    _RANGE_RE = re.compile(
        r"(?:[Tt]ừ\s+)?(?P<date>ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2})?\s+(?:đến|-)\s+ngày\s+\d{1,2}"
        r"\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)"
    )
    # "26 – 27/12", "ngày 9/5 - 12/5/2025", "từ 3 đến 5/6": one fact, the whole range.
    _NUM_RANGE_RE = re.compile(
        r"(?:(?:[Tt]ừ|[Ss]áng|[Cc]hiều|[Tt]ối)\s+)?(?:[Nn]gày\s+)?(?P<date>\d{1,2}(?:[/.]\d{1,2}(?:[/.]\d{4})?)?"
        r"\s*(?:-|–|đến)"
        r"\s*(?:ngày\s+)?\d{1,2}[/.]\d{1,2}(?:[/.]\d{4})?)(?![\d/])"
    )
    _QUARTER_RE = re.compile(
        r"(?<![\w/])[Qq]uý\s+(?P<date>(?:I{1,3}|IV|[1-4])(?:\s+năm\s+\d{4}|/\d{4})?)(?!\w)"
    )
    _QUARTER_RE = re.compile(
        r"(?<![\w/])[Qq]uý\s+(?P<date>(?:I{1,3}|IV|[1-4])(?:\s+năm\s+\d{4}|/\d{4})?)(?!\w)"
    )
    _MONTH_RE = re.compile(r"(?<![\w/])[Tt]háng\s+(?P<date>\d{1,2}(?:/\d{4}|\s+năm\s+\d{4}))")
    _YEAR_RE = re.compile(r"(?<![\w/])(?P<pre>(?:đến |từ |vào |trong )?)[Nn]ăm\s+(?P<date>\d{4})(?![\d\-])")
    _PERIOD_RE = re.compile(
        r"(?P<word>giai đoạn|thời kỳ|nhiệm kỳ|từ năm)\s+(?P<date>\d{4}\s*(?:-|đến(?: năm)?)\s*\d{4})"
    )

    def _dates(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        taken: list[tuple[int, int]] = []
        for m in self._RANGE_RE.finditer(text):
            taken.append((m.start(), m.end()))
            leading = self._leading_adverbial(text, m.start(), m.end())
            yield Fact(
                QType.WHEN, "date_range", m.group("date"), text[m.start() : m.end()], s, m.start(), m.end(),
                qphrase=("vào " if leading else "") + "thời gian nào", move_to_end=leading,
                shape="date_range", score=0.85,
            )  # fmt: skip
        for m in self._NUM_RANGE_RE.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            answer = text[m.start("date") : m.end()]
            leading = self._leading_adverbial(text, m.start(), m.end())
            yield Fact(
                QType.WHEN, "date_range", answer, text[m.start() : m.end()], s, m.start(), m.end(),
                qphrase=("vào " if leading else "") + "thời gian nào", move_to_end=leading,
                shape="date_range:num", score=0.85,
            )  # fmt: skip
        for m in self._DAY_RE.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            date = m.group("date")
            tod = (m.group("tod") or "").strip()
            answer = f"ngày {date}" if m.group("ngay") else date
            part_of_day = bool(tod) and not m.group("ngay") and "nay" not in tod.split()
            if part_of_day:
                # The whole time expression, part of the day included ("sáng 9.5", "chiều ngày 27/8").
                answer = text[m.start() : m.end()]
                answer = answer[:1].lower() + answer[1:]
            leading = self._leading_adverbial(text, m.start(), m.end())
            qphrase = "ngày nào" if m.group("ngay") else f"{tod.split()[0].lower()} ngày nào"
            if part_of_day:
                qphrase = "thời gian nào"
            if leading:
                qphrase = "vào " + qphrase
            yield Fact(
                QType.WHEN,
                "date",
                answer,
                text[m.start() : m.end()],
                s,
                m.start(),
                m.end(),
                qphrase=qphrase,
                move_to_end=leading,
                shape=_date_shape(date),
                score=0.85,
            )
        for m in self._PERIOD_RE.finditer(text):
            taken.append((m.start(), m.end()))
            word = m.group("word")
            answer = re.sub(r"\s*-\s*", "-", m.group("date"))
            qword = "nào" if word != "từ năm" else "từ năm nào đến năm nào"
            start = m.start("date") if word != "từ năm" else m.start()
            yield Fact(
                QType.WHEN,
                "period",
                answer,
                m.group("date"),
                s,
                start,
                m.end(),
                qphrase=qword,
                shape="period",
                score=0.8,
            )
        for m in self._QUARTER_RE.finditer(text):
            taken.append((m.start(), m.end()))
            answer = f"quý {m.group('date')}"
            leading = self._leading_adverbial(text, m.start(), m.end())
            yield Fact(
                QType.WHEN, "quarter", answer, text[m.start() : m.end()], s, m.start(), m.end(),
                qphrase=("vào " if leading else "") + "thời điểm nào", move_to_end=leading,
                shape="quarter", score=0.7,
            )  # fmt: skip
        for regex, kind, qword in (
            (self._MONTH_RE, "month", "tháng nào"),
            (self._YEAR_RE, "year", "năm nào"),
        ):
            for m in regex.finditer(text):
                if any(a <= m.start("date") < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                date = m.group("date")
                start = m.start() + len(m.groupdict().get("pre") or "")
                leading = self._leading_adverbial(text, m.start(), m.end())
                answer = f"{'tháng' if kind == 'month' else 'năm'} {date}"
                yield Fact(
                    QType.WHEN,
                    kind,
                    answer,
                    text[start : m.end()],
                    s,
                    start,
                    m.end(),
                    qphrase=("vào " if leading else "") + qword,
                    move_to_end=leading,
                    shape=kind,
                    score=0.7,
                )

    @staticmethod
    def _leading_adverbial(text: str, start: int, end: int) -> bool:
        """A time or place set off by a comma before the main clause, possibly after another one
        ("Sáng 9-10, tại Hà Nội, Cục ..."): it moves to the end of the question."""
        before = text[:start]
        if before.strip() and not re.fullmatch(r"(?:[^,;]{1,40},\s*){1,2}", before):
            return False
        if any(len(part.split()) > 6 for part in before.split(",")):
            return False
        return text[end:].lstrip().startswith(",")

    def _programme_span(self, text: str, start: int, head: str) -> tuple[int, int] | None:
        """The end of a programme's name and the end of its name without a trailing period."""
        pos = start + len(head)
        m = re.match(r"\s+số\s+[\w/\-]+", text[pos:]) or re.match(r"\s+\d+[\w/\-]*", text[pos:])
        if m:
            end = pos + m.end()
            return end, end
        m = re.match(r'\s*"([^"]{3,120})"', text[pos:])
        if m:
            end = pos + m.end()
            return end, end
        words = list(re.finditer(r"\s*(phòng, chống|[^\s,;:()\"]+)(,?)", text[pos:]))
        end = pos
        capitalised = 0
        lowercase_run = 0
        topic = False
        i = 0
        while i < len(words):
            w = words[i]
            word = w.group(1)
            if word == "về" and not topic:
                items_end = self._topic_list(text, pos + w.end(1))
                if items_end is None:
                    break
                end = items_end
                topic = True
                break
            if word in STOP_WORDS or w.group(2) or re.fullmatch(r"\d[\d\-–]*", word):
                if w.group(2) and (word[:1].isupper() or lowercase_run < 4) and word not in STOP_WORDS:
                    end = pos + w.end(1)
                break
            if word[:1].isupper():
                capitalised += 1
                lowercase_run = 0
            else:
                lowercase_run += 1
                if capitalised == 0 and lowercase_run > 4:
                    break
                if capitalised and lowercase_run > 2:
                    break
            end = pos + w.end(1)
            i += 1
        if not capitalised and not topic:
            # "chương trình công tác năm 2025": a lower-case name needs its year to be a name.
            # It may name its owner: "Kế hoạch chuyển đổi số của lực lượng Công an nhân dân năm 2026".
            m = re.match(r"((?:\s+[^\s,;:()]+){0,10}?)\s+năm\s+\d{4}", text[pos:])
            if m and not any(w in STOP_WORDS - {"của"} for w in m.group(1).split()):
                end = pos + m.end()
                return end, end
            # ... or its period, which stays out of the name: "Chương trình phòng, chống mua bán người
            # giai đoạn 2021-2025" asks "chương trình nào giai đoạn 2021-2025".
            m = re.match(
                r"((?:\s+(?:phòng, chống|[^\s,;:()]+)){1,8}?)\s+giai đoạn\s+\d{4}\s*-\s*\d{4}", text[pos:]
            )
            if m and not any(w in STOP_WORDS for w in m.group(1).split()):
                end = pos + len(m.group(1))
                return end, end
            return None
        name_end = end
        m = re.match(rf"\s*\(({ACR}(?:\s{ACR})?)\)", text[end:])
        if m:
            end += m.end()
            name_end = end
        m = re.match(r"\s+(\d{4}\s*-\s*\d{4}|đến năm \d{4}|năm \d{4})(?![\d])", text[end:])
        if m:
            end += m.end()
        return end, name_end

    def _topic_list(self, text: str, pos: int) -> int | None:
        """End of "về A, B và C" (items of at most four words), or None."""
        m = re.match(r"\s+", text[pos:])
        if not m:
            return None
        i = pos + m.end()
        items = 0
        end = None
        while items < 4:
            im = re.match(
                r"([^\s,;:()\"]+(?:\s[^\s,;:()\"]+){0,3}?)(?=,\s|\s+và\s|\s*[;:.()\"]|\s+(?:"
                + "|".join(STOP_WORDS)
                + r"|giai|năm|nhằm)\s|\s*$)",
                text[i:],
            )
            if not im or any(w in STOP_WORDS for w in im.group(1).split()):
                break
            items += 1
            end = i + im.end(1)
            rest = text[end:]
            sep = re.match(r",\s+|\s+và\s+", rest)
            if not sep:
                break
            nxt = re.match(r"([^\s,;:()\"]+)", rest[sep.end() :])
            if not nxt or nxt.group(1) in STOP_WORDS or rest[sep.end() :][:1].isdigit():
                break
            if sep.group(0).strip() == "và":
                i = end + sep.end()
                last = re.match(
                    r"([^\s,;:()\"]+(?:\s[^\s,;:()\"]+){0,3}?)(?=,|\s*[;:.()\"]|\s+(?:"
                    + "|".join(STOP_WORDS)
                    + r"|giai|năm|nhằm)\s|\s*$|\s\()",
                    text[i:],
                )
                if last and not any(w in STOP_WORDS for w in last.group(1).split()):
                    end = i + last.end(1)
                break
            i = end + sep.end()
        if items <= 1:
            # One longer topic, up to the period or the clause's end: "Bản ghi nhớ về hợp tác đào tạo
            # sĩ quan cảnh sát gìn giữ hòa bình giai đoạn 2026-2028".
            start = pos + m.end()
            long = re.match(
                r"((?:[^\s,;:()\"]+\s){1,11}?[^\s,;:()\"]+)(?=\s+(?:giai đoạn|năm \d|đến năm)|\s*[(;.]|\s*$)",
                text[start:],
            )
            if long and not any(w in STOP_WORDS for w in long.group(1).split()):
                end = max(end or 0, start + long.end(1))
        return end

    def _programmes(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in self.prog_head_re.finditer(text):
            head = m.group("head")
            if re.match(r"\s+nghị sự", text[m.end() :]):
                continue
            span = self._programme_span(text, m.start(), head)
            if span is None:
                continue
            end, name_end = span
            start = m.start()
            quoted = start > 0 and text[start - 1] == '"' and text[end : end + 1] == '"'
            name = text[start:end].strip()
            if len(name.split()) <= len(head.split()):
                continue
            q_start, q_end = (start - 1, end + 1) if quoted else (start, end)
            head_l = head.lower()
            yield Fact(
                QType.WHICH_PROGRAMME,
                "programme",
                name,
                name,
                s,
                q_start,
                q_end,
                qphrase=f"{head_l} nào",
                shape=f"programme:{head[:1].upper()}{head[1:].lower()}",
                head=head[:1].upper() + head[1:],
                score=0.85,
            )
            if end != name_end:
                period = text[name_end:end].strip()
                core = text[start:name_end].strip()
                if re.fullmatch(r"\d{4}\s*-\s*\d{4}", period):
                    yield Fact(
                        QType.WHEN,
                        "period",
                        re.sub(r"\s*-\s*", "-", period),
                        period,
                        s,
                        0,
                        0,
                        template=f"{core} áp dụng cho giai đoạn nào?",
                        shape="period",
                        score=0.8,
                    )

    _COUNT_RE = re.compile(
        rf"(?<![\w/.,\-])(?P<num>(?:(?:hơn|gần|khoảng|trên|dưới|tới|hàng)\s+)?"
        rf"(?:\d{{1,3}}(?:[.,]\d{{3}})+|\d+(?:,\d+)?|(?:{_NUM_WORD_RE})))"
        rf"(?P<unit>\s?%|\s?(?:ha|km2|km|m2)(?![{LOWER}])|\s+(?:tỷ đồng|triệu đồng|USD|tấn))?"
        rf"(?=[\s,.;:)]|$)"
    )

    def _counts(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in self._COUNT_RE.finditer(text):
            raw = m.group("num")
            bare = re.sub(r"^(?:hơn|gần|khoảng|trên|dưới|tới|hàng)\s+", "", raw)
            if bare in NUM_WORDS and re.search(r"\d\s*$", text[: m.start()]):
                continue  # "10 năm": the word is the unit of the number before it, not a number
            before = text[: m.start()].rstrip()
            prev = before.split()[-1] if before.split() else ""
            if prev.lower() in (
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
            ) or prev.endswith(("/", "-")):
                continue
            if re.match(r"\d{4}$", bare) and 1900 <= int(bare) <= 2100:
                continue
            if re.match(r"[/\-.]\d", text[m.end() :]):
                continue
            unit = (m.group("unit") or "").strip()
            after = text[m.end() :]
            if unit:
                answer = text[m.start() : m.end()].strip()
                qp = "bao nhiêu phần trăm" if unit == "%" else f"bao nhiêu {unit}"
                yield Fact(
                    QType.HOW_MANY,
                    "measure",
                    answer,
                    answer,
                    s,
                    m.start(),
                    m.end(),
                    qphrase=qp,
                    shape=f"count:{unit}",
                    head=unit,
                    score=0.75,
                )
                continue
            nm = re.match(r"\s+((?:[^\s,.;:()\"]+)(?:\s+[^\s,.;:()\"]+){0,3})", after)
            if not nm:
                continue
            noun_words: list[str] = []
            for w in nm.group(1).split():
                # A counted noun may be a capitalised unit name ("63 Công an tỉnh"), never a number.
                if w in STOP_WORDS or w[:1].isdigit():
                    break
                noun_words.append(w)
            if not noun_words:
                continue
            if (
                bare in NUM_WORDS
                and bare == "năm"
                and noun_words[0] in ("nay", "qua", "tới", "ngoái", "trước", "sau", "học")
            ):
                continue
            if noun_words[0] in ("bên", "nước", "lần", "cách", "số", "trong", "phía"):
                continue  # "hai bên", "ba nước": not a count worth asking
            noun_end = m.end() + nm.start(1) + len(" ".join(noun_words))
            if noun_words[0] in TIME_UNITS:
                unit_word = noun_words[0]
                span_end = m.end() + nm.start(1) + len(unit_word)
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

    def _places(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in self.place_re.finditer(text):
            place = m.group("place").strip().rstrip(",")
            if fold_for_match(place) in ("việt nam",):
                continue
            if self._inside_org_name(text, m.start(), m.end()):
                continue  # "Phái bộ ... tại Nam Sudan": part of a name, not where something happened
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

    def _inside_org_name(self, text: str, pos: int, end: int) -> bool:
        """True when the place at [pos, end) is part of a name: "Phái bộ Liên hợp quốc tại Nam Sudan
        (UNMISS)", "Đại sứ quán Việt Nam tại Pháp" (but not "Trụ sở Liên hợp quốc ở New York")."""
        clause_start = max(text.rfind(",", 0, pos), text.rfind(";", 0, pos), 0)
        named = bool(re.match(rf"\s*\({ACR}\)", text[end:]))
        for head in self.org_head_re.finditer(text, clause_start, pos):
            if head.group("head") not in _LOCATED_HEADS and not named:
                continue
            between = text[head.start() : pos]
            if not _NAME_BREAK_RE.search(between) and len(between.split()) <= 8:
                return True
        return False

    def expand_acronym(self, text: str, paren_start: int, acronym: str) -> int | None:
        """Where the phrase that ``acronym`` abbreviates starts, matching initials backwards."""
        letters = [ch.lower() for ch in acronym if ch.isalpha()]
        if len(letters) < 2:
            return None
        words = list(re.finditer(r"[^\W\d_]+", text[:paren_start]))
        li = len(letters) - 1
        start = None
        for wm in reversed(words):
            word = wm.group(0)
            if li < 0:
                break
            initial = _nfd(word)[0].lower()
            initial = "đ" if word[:1].lower() == "đ" else initial
            target = letters[li]
            if initial == target or (target == "đ" and initial == "d"):
                li -= 1
                start = wm.start()
                continue
            if word.lower() in ("và", "của", "về", "cho", "the", "of", "and", "for") and start is not None:
                continue
            return None
        return start if li < 0 else None

    def _acronyms(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in re.finditer(rf"\((?P<acr>{ACR})\)", text):
            acr = m.group("acr")
            start = self.expand_acronym(text, m.start(), acr)
            if start is not None:
                if acr in self.gaz.common_acronyms:
                    continue  # "LHQ", "UBND": every officer knows them; reviewers reject these as trivial
                phrase = text[start : m.start()].strip().rstrip(",")
                score = 0.75
                yield Fact(
                    QType.ACRONYM,
                    "acronym",
                    phrase,
                    phrase,
                    s,
                    start,
                    m.start(),
                    template=f"Trong bài, {acr} là viết tắt của cụm từ nào?",
                    shape="acronym",
                    head=acr,
                    score=score,
                    cloze_ok=False,
                )
                continue
            # A brand acronym ("UN Women"): the full name starts at an organisation head word.
            # The name starts at the leftmost organisation head with no verb between it and the
            # acronym: "phối hợp cùng Quỹ Dân số Liên hợp quốc (UNFPA)" -> "Quỹ Dân số Liên hợp quốc".
            clause_start = max(text.rfind(";", 0, m.start()), 0)
            heads = [
                h for h in self.org_head_re.finditer(text, clause_start, m.start())
                if not _NAME_BREAK_RE.search(text[h.start() : m.start()])
            ]  # fmt: skip
            if not heads:
                continue
            h = heads[0]
            phrase = text[h.start() : m.start()].strip()
            if (re.search(r"[,;]", phrase) and not re.search(r"\svề\s", phrase)) or len(phrase.split()) > 16:
                continue
            if len(phrase.split()) < 2 or acr in self.gaz.common_acronyms:
                continue
            yield Fact(
                QType.ACRONYM,
                "brand",
                phrase,
                phrase,
                s,
                h.start(),
                m.end(),
                template=f"{acr} là tên viết tắt của {h.group('head').lower()} nào?",
                shape=f"org:{h.group('head')}",
                head=acr,
                score=0.7,
                cloze_ok=False,
            )
            head_l = h.group("head").lower()
            yield Fact(
                QType.ORG,
                "org",
                acr,
                acr,
                s,
                h.start(),
                m.end(),
                qphrase=f"{head_l} nào",
                shape=f"org:acronym:{h.group('head')}",
                head=h.group("head"),
                score=0.8,
            )

    _ORG_CONTEXT_RE = re.compile(
        r"(?:phối hợp (?:cùng|với)|hỗ trợ (?:tài chính |kỹ thuật )?(?:của|từ)|tài trợ (?:của|từ)|"
        r"sự hỗ trợ (?:tài chính |kỹ thuật )?(?:của|từ)|thông qua|do|với sự tham gia của|ký kết với)\s+"
    )

    def _orgs(self, s: Sentence, main_org: str | None) -> Iterator[Fact]:
        text = s.text
        for cm in self._ORG_CONTEXT_RE.finditer(text):
            pos = cm.end()
            h = self.org_head_re.match(text, pos)
            if not h:
                continue
            end = self._org_end(text, h.end())
            parts = [text[pos:end]]
            while True:
                nm = re.match(r"\s+và\s+", text[end:])
                if not nm:
                    break
                h2 = self.org_head_re.match(text, end + nm.end())
                if not h2:
                    break
                end2 = self._org_end(text, h2.end())
                parts.append(text[end + nm.end() : end2])
                end = end2
            if re.match(r"[^,;()]*\(", text[end:]):
                continue  # an organisation with an acronym: the acronym rule asks about it
            span = text[pos:end]
            head = h.group("head")
            if len(span.split()) <= len(head.split()) or (
                main_org and fold_for_match(span) == fold_for_match(main_org)
            ):
                continue
            plural = len(parts) > 1
            if head == "Chính phủ":
                qp = "chính phủ những nước nào" if plural else "chính phủ nước nào"
            else:
                qp = f"những {head.lower()} nào" if plural else f"{head.lower()} nào"
            yield Fact(
                QType.ORG,
                "org",
                span,
                span,
                s,
                pos,
                end,
                qphrase=qp,
                shape=f"org:{head}" + (":pair" if plural else ""),
                head=head,
                score=0.8,
            )

    _SUBJECT_VERB_RE = re.compile(
        r"\s+(?:đã\s+|sẽ\s+)?(?:tổ chức|phối hợp|ký|ban hành|triển khai|khai giảng|tiếp|chủ trì|công bố|"
        r"tổng kết|phát động|ra mắt)\b"
    )

    def _subject_org(self, s: Sentence, main_org: str | None) -> Iterator[Fact]:
        """The organisation doing the main clause's action: "Công an tỉnh Nghệ An tổ chức hội nghị"."""
        text = s.text
        opener = re.match(r"(?:[^,;]{1,40},\s*){0,2}", text)
        pos = opener.end() if opener else 0
        h = self.org_head_re.match(text, pos)
        if not h or not self._leading_adverbial_prefix(text[:pos]):
            return
        end = self._org_end(text, h.end())
        span = text[pos:end]
        head = h.group("head")
        if len(span.split()) <= len(head.split()) or not self._SUBJECT_VERB_RE.match(text, end):
            return
        if main_org and fold_for_match(span) == fold_for_match(main_org):
            return  # the article's own ministry: every reader knows it
        yield Fact(
            QType.ORG, "org", span, span, s, pos, end, qphrase=f"{head[:1].lower()}{head[1:]} nào",
            shape=f"org:{head}", head=head, score=0.75,
        )  # fmt: skip

    @staticmethod
    def _leading_adverbial_prefix(before: str) -> bool:
        return not before.strip() or all(len(part.split()) <= 6 for part in before.split(",") if part.strip())

    def _org_end(self, text: str, pos: int) -> int:
        for country in sorted(self.gaz.countries, key=len, reverse=True):
            if text.startswith(" " + country, pos) and not text[pos + len(country) + 1 :][:1].isalpha():
                return pos + len(country) + 1
        end = pos
        words = list(re.finditer(r"\s+([^\s,;:()\"]+)", text[pos:]))
        for i, wm in enumerate(words):
            word = wm.group(1)
            prev = words[i - 1].group(1) if i else ""
            nxt = words[i + 1].group(1) if i + 1 < len(words) else ""
            if (
                word[:1].isupper()
                or (word == "an" and prev == "Công")  # "Công an tỉnh Nghệ An"
                or (word in ("nhân", "dân") and end > pos)
                or (word in _ADMIN_UNITS and end > pos and (nxt[:1].isupper() or nxt in _ADMIN_UNITS))
                or (word in ("và", "-") and end > pos and nxt[:1].isupper())
            ):
                end = pos + wm.end()
                continue
            break
        pm = re.match(r"\s\((Bộ|Tổng cục|Cục) [^()]{2,40}\)", text[end:])
        if pm:
            end += pm.end()
        return end

    def _units(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in self.unit_head_re.finditer(text):
            head = m.group("head")
            words = []
            end = m.start() + len(head)
            for wm in re.finditer(r"\s+([^\s,;:()\"]+)", text[end:]):
                word = wm.group(1)
                if word in (
                    "nhằm",
                    "để",
                    "tại",
                    "trong",
                    "do",
                    "được",
                    "đã",
                    "sẽ",
                    "với",
                    "và",
                    "cho",
                    "của",
                ):
                    break
                words.append(word)
                end = m.start() + len(head) + wm.end()
                if len(words) >= 16:
                    break
            phrase = text[m.start() : end]
            has_number = re.search(r"số \d+$", phrase)
            if not words or (len(words) < 3 and not has_number):
                continue
            if not any(w[:1].isupper() for w in words) and not has_number and len(words) < 4:
                continue
            yield Fact(
                QType.WHAT,
                "unit",
                phrase,
                phrase,
                s,
                m.start(),
                end,
                qphrase=f"{head.lower()} nào",
                shape=f"unit:{head}" + (":numbered" if has_number else ""),
                head=head,
                score=0.75,
            )

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


def _nfd(word: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", word)


def _date_shape(date: str) -> str:
    if "tháng" in date:
        return "date:words" + (":y" if "năm" in date else "")
    sep = re.search(r"[/.\-]", date)
    parts = re.split(r"[/.\-]", date)
    return f"date:{sep.group(0) if sep else '/'}:{len(parts)}"


def main_ministry(text: str) -> str | None:
    """The ministry an article is about: the most mentioned "Bộ X" (expands a bare "Bộ")."""
    counts = Counter(re.findall(rf"Bộ (?:{CAPW})(?:\s{CAPW})?(?:\s(?:an|giao|phòng|vụ|pháp|tế))?", text))
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
