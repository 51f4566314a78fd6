"""Dates: days (with the part of the day), ranges, periods, quarters, months, years; when."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.facts import Fact
from quizgen.extract.rules.base import RuleBase, _date_shape, whole_ministry
from quizgen.models import QType
from quizgen.sentences import Sentence


class DateRules(RuleBase):
    # "khoảng 2h30 ngày 14-6", "Vào hồi 9h, ngày 3/10/2025", "4 giờ 8 phút ngày 24-6-2022": the
    # clock belongs to the date; a trainer asks for the moment, not the day alone.
    _CLOCK = (
        r"(?:[Vv]ào\s+)?(?:(?:lúc|hồi)\s+)?(?P<clock>(?:[Kk]hoảng\s+)?\d{1,2}\s*(?:h|giờ)"
        r"(?:\s*\d{1,2}(?:\s*phút|')?)?(?:\s+(?:sáng|trưa|chiều|tối|đêm))?),?\s+"
    )
    _DAY_RE = re.compile(
        rf"(?<![\w/])(?:{_CLOCK})?"
        r"(?P<tod>(?:[Rr]ạng sáng|[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm)\s+(?:ngày\s+|nay\s+(?P<br>\()?)?"
        r"|(?P<ngay>[Nn]gày)\s+)"
        r"(?P<date>\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{4})?|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)"
        r"(?(br)\))(?![\d/])"  # "Chiều nay (20/5)": the day of publication, in brackets
    )
    _RANGE_RE = re.compile(
        r"(?:[Tt]ừ\s+)?(?P<date>ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2})?\s+(?:đến|-)\s+ngày\s+\d{1,2}"
        r"\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)"
    )
    # "26 – 27/12", "ngày 9/5 - 12/5/2025", "từ 3 đến 5/6", "từ ngày 15-12-2025 đến 16-3-2026",
    # "từ ngày 8/4 đến hết ngày 12/4", "hai ngày 8 và 9-3": one fact, the whole range.
    _NUM_RANGE_RE = re.compile(
        r"(?<![\w/.\-])(?:(?:[Tt]rong\s+)?(?:các|hai|ba|những)\s+ngày\s+(?:từ\s+)?|"
        r"(?:[Tt]ừ|[Ss]áng|[Cc]hiều|[Tt]ối|[Cc]ác|[Hh]ai|[Bb]a)\s+)?(?P<ngay>[Nn]gày\s+)?(?P<date>"
        r"(?:\d{1,2}(?:[/.\-]\d{1,2}(?:[/.\-]\d{4})?)?\s*(?:-|–|(?:đến|tới)(?:\s+hết)?)"
        r"|\d{1,2}\s+và)"
        r"\s*(?:(?:hết\s+)?ngày\s+)?\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{4})?)(?![\d/])"
    )
    _QUARTER_RE = re.compile(
        r"(?<![\w/])[Qq]uý\s+(?P<date>(?:I{1,3}|IV|[1-4])(?:\s+năm\s+\d{4}|/\d{4})?)(?!\w)"
    )
    # "tháng 10/2020", "tháng 7-2016", "tháng 8.2017", "tháng 3 năm 2023", and a month on its own
    # ("Từ đầu tháng 7"), never a day's ("ngày 12 tháng 3": taken above) nor a count ("3 tháng").
    _MONTH_RE = re.compile(
        r"(?<![\w/])[Tt]háng\s+(?P<date>\d{1,2}(?:[/.\-]\d{4}|\s+năm\s+\d{4}|(?![\d/.\-]\d)(?!,\d)))"
        r"(?!\w)"
    )
    _YEAR_RE = re.compile(r"(?<![\w/])(?P<pre>(?:đến |từ |vào |trong )?)[Nn]ăm\s+(?P<date>\d{4})(?![\d\-])")
    # "Kế hoạch số 01/KH-BCĐ138/CP ngày 4-1-2021 của Ban Chỉ đạo 138 Trung ương về ...": the date
    # is the document's; the sentence around it ("Nhằm cụ thể hóa ...") is about something else.
    _DOCUMENT_BEFORE = re.compile(
        r"(?P<doc>(?<!\w)(?:Kế hoạch|Quyết định|Chỉ thị|Nghị quyết|Công điện|Thông tư|Nghị định|Công văn|"
        r"Hướng dẫn|Kết luận|Luật)\s+(?:số\s+)?\d[^\s,;]*),?\s+$"
    )
    _DOCUMENT_AFTER = re.compile(
        r"^\s+(?P<issuer>của\s+[^,;:()]+?)?(?P<about>\s*(?:về|V/v)\s+[^;:()]+?)?"
        r"(?=\s*(?:,\s+[A-ZĐ]|[;:().]|$)|\s*,?\s+(?:và\s+[A-ZĐ]|(?:đã|được|nhằm|để|cũng)\s))"
    )
    _PERIOD_RE = re.compile(
        r"(?P<word>giai đoạn|thời kỳ|nhiệm kỳ|từ năm)\s+(?P<date>\d{4}\s*(?:-|đến(?: năm)?)\s*\d{4})"
    )

    def _document_question(self, text: str, start: int, end: int) -> str:
        """ "Kế hoạch số 01/KH-BCĐ138/CP của Ban Chỉ đạo 138 Trung ương về ... được ban hành vào ngày
        nào?" when the date at ``start:end`` dates a numbered document, else ""."""
        doc = self._DOCUMENT_BEFORE.search(text[:start])
        if not doc or re.search(r"(?:ký|ban hành|phê duyệt)\s+$", text[: doc.start()]):
            return ""  # "X vừa ký Quyết định số ... ngày ...": the sentence's own clause asks it well
        after = self._DOCUMENT_AFTER.match(text[end:])
        issuer = (after.group("issuer") or "").strip() if after else ""
        about = (after.group("about") or "").strip() if after else ""
        if about and after is not None:
            about = whole_ministry(about, text[end + after.end() :])  # "Bộ Dân tộc | và Tôn giáo"
        if len(about.split()) > 20:
            about = ""  # a long subject is the sentence's, not the document's name
        parts = [doc.group("doc"), issuer, about]
        return " ".join(p for p in parts if p) + " được ban hành vào ngày nào?"

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
            answer = text[m.start("ngay") if m.group("ngay") else m.start("date") : m.end()]
            if not m.group("ngay") and re.search(r"ngày\s+(?:từ\s+)?$", text[m.start() : m.start("date")]):
                answer = "ngày " + answer  # "Trong hai ngày 8 và 9-3" -> "ngày 8 và 9-3"
            answer = answer[:1].lower() + answer[1:]
            leading = self._leading_adverbial(text, m.start(), m.end())
            inside = not text[m.end() :].lstrip().startswith(",")
            if m.group(0)[:3].casefold() == "từ " and inside:
                # "kéo dài từ ngày 15-12-2025 đến 16-3-2026": the question keeps both ends' words.
                qphrase = "từ ngày nào đến ngày nào"
            else:
                what = "những ngày nào" if " và " in answer else "thời gian nào"
                qphrase = ("vào " if leading else "") + what
            yield Fact(
                QType.WHEN, "date_range", answer, text[m.start() : m.end()], s, m.start(), m.end(),
                qphrase=qphrase, move_to_end=leading, shape="date_range:num", score=0.85,
            )  # fmt: skip
        for m in self._DAY_RE.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            date = m.group("date")
            tod = (m.group("tod") or "").strip()
            answer = f"ngày {date}" if m.group("ngay") else date
            part_of_day = bool(tod) and not m.group("ngay") and "nay" not in tod.split()
            clock = m.group("clock")
            if clock and re.search(r"\d\s*(?:h|giờ)\s*\d{0,2}\s*[-–]\s*$", text[: m.start("clock")]):
                continue  # "từ 20h00-24h00 ngày 31/12": the span's end alone is no time (fresh55)
            if clock:
                answer = text[m.start("clock") : m.end()]
                answer = answer[:1].lower() + answer[1:]
            elif part_of_day:
                # The whole time expression, part of the day included ("sáng 9.5", "chiều ngày 27/8").
                answer = text[m.start() : m.end()]
                answer = answer[:1].lower() + answer[1:]
            document = self._document_question(text, m.start(), m.end()) if m.group("ngay") else ""
            if document:
                yield Fact(
                    QType.WHEN, "date", answer, text[m.start() : m.end()], s, m.start(), m.end(),
                    template=document, shape=_date_shape(date), score=0.85,
                )  # fmt: skip
                continue
            leading = self._leading_adverbial(text, m.start(), m.end())
            qphrase = "ngày nào" if m.group("ngay") else f"{tod.split()[0].lower()} ngày nào"
            if part_of_day or clock:
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
                shape=_date_shape(date) + (":clock" if clock else ""),
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
                before = text[: m.start()]
                if kind == "month" and (before.count("“") > before.count("”") or before.count('"') % 2):
                    continue  # "Tháng cao điểm ... – tháng 9": part of a campaign's quoted name
                if kind == "month" and re.search(r"\d\s*$", before) and re.match(r"\s+ngày", text[m.end() :]):
                    continue  # "giảm 7 năm 3 tháng 5 ngày": a length of time, no month (fresh55)
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
