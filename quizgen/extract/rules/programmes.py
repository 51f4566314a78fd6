"""Programmes, plans, decisions and resolutions by their head word; which programme."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.events import ORDINAL
from quizgen.extract.facts import Fact
from quizgen.extract.rules.base import ACR, STOP_WORDS, RuleBase, whole_ministry
from quizgen.models import QType
from quizgen.sentences import UPPER, Sentence

# "Chỉ thị số 01/CT-TTg ngày 03 tháng 01 năm 2023 (của Thủ tướng Chính phủ) về tăng cường ...": a
# numbered document with its date, its issuer and its subject; asked by those, not by the clause
# around it, which in a directive is a list of duties ("..., đặc biệt là Chỉ thị số ...").
# A document's date as written after its number: "03 tháng 01 năm 2023", "14/02/2024", "4-1-2021".
_DOCUMENT_DATE = r"\d{1,2}(?:\s+tháng\s+|[/.\-])\d{1,2}(?:(?:\s+năm\s+|[/.\-])\d{4})?"
_DATED_DOCUMENT = re.compile(
    rf"^\s+ngày\s+(?P<date>{_DOCUMENT_DATE})"
    r"(?:\s+của\s+(?P<issuer>[^,;:()]+?))?\s+(?P<intro>về|ban hành|phê duyệt)\s+(?P<about>[^;:()]+?)"
    r"(?=\s*[;:(.]|\s*,\s+(?:[A-ZĐ]|nhằm|để|đồng thời)|\s+(?:và\s+[A-ZĐ]|nhằm\s|để\s)|$)"
)
_NUMBERED = re.compile(r"(?<!năm)\s(?:số\s+)?\d[\w/\-]*$")  # "... năm 2025" is a year, no number


def dated_document_question(name: str, head: str, after: str) -> str:
    """ "Thủ tướng Chính phủ ban hành chỉ thị nào ngày 03 tháng 01 năm 2023 về ...?" for a numbered
    document followed by its date and subject, else ""."""
    m = _DATED_DOCUMENT.match(after)
    if not m or not _NUMBERED.search(name) or not 3 <= len(m.group("about").split()) <= 20:
        return ""
    issuer = (m.group("issuer") or "").strip()
    kind = head.lower()
    intro, about = m.group("intro"), whole_ministry(m.group("about").strip(), after[m.end() :])
    # "ban hành chỉ thị nào về ...", but "ký quyết định nào ban hành Kế hoạch ...": one "ban hành".
    verb = "ban hành" if intro == "về" else "ký"
    if issuer and len(issuer.split()) <= 8:
        return f"{issuer[:1].upper()}{issuer[1:]} {verb} {kind} nào ngày {m.group('date')} {intro} {about}?"
    return f"{kind[:1].upper()}{kind[1:]} nào được ban hành ngày {m.group('date')} {intro} {about}?"


# "Kế hoạch số 01/KH-BCĐ138/CP ngày 4-1-2021 của Ban Chỉ đạo 138 Trung ương về ...": the body that
# issued a numbered document. The Party's and the Government's own (Bộ Chính trị, Chính phủ, Thủ
# tướng) are left out: the document's number already says them ("NQ/TW", "NĐ-CP", "QĐ-TTg").
_ISSUER = re.compile(
    rf"^\s+(?:ngày\s+{_DOCUMENT_DATE}\s+)?của\s+"
    r"(?P<issuer>(?:Ban Chỉ đạo|Ủy ban nhân dân|UBND|Bộ|Cục|Tổng cục|Công an|Ban|Sở|Hội đồng)\s"
    r"(?:[^,;:()]|,\s(?=chống))+?)"
    r"(?=\s+(?:về|ban hành|phê duyệt|quy định|hướng dẫn|triển khai|nhằm|để|đã|và\s+[A-ZĐ])\s"
    r"|\s*(?:,(?!\s*chống)|[;:(.])|$)"
)
_NOT_ISSUERS = re.compile(r"^(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương)")


def issuer_fact(name: str, after: str, s: Sentence) -> Fact | None:
    """ "Kế hoạch số 01/KH-BCĐ138/CP do cơ quan nào ban hành?" for a numbered document and the body
    named after it, else None."""
    m = _ISSUER.match(after)
    if not m or not _NUMBERED.search(name) or _NOT_ISSUERS.match(m.group("issuer")):
        return None
    issuer = m.group("issuer").strip()
    head = next(h for h in ("Ban Chỉ đạo", "Ủy ban", "UBND", "Tổng cục", "Hội đồng", "Bộ", "Cục", "Công an",
                            "Ban", "Sở") if issuer.startswith(h))  # fmt: skip
    named = re.search(rf"[\d{UPPER}]", issuer[len(head) :].replace("Ủy ban nhân dân", ""))
    if not 2 <= len(issuer.split()) <= 14 or not (named or "chống" in issuer):
        return None  # "Ủy ban nhân dân tỉnh": which province's, the text said before
    return Fact(
        QType.ORG, "issuer", issuer, issuer, s, 0, 0,
        template=f"{name} do cơ quan nào ban hành?", shape=f"org:{head}", head=head, score=0.75,
    )  # fmt: skip


# "Chương trình Di cư an toàn và bình đẳng do Liên minh châu Âu tài trợ": a name of two qualities,
# the second in lower case after "và", up to what says who runs or funds it.
_LOWER_WORD = r"[^\s,;:()\"A-ZĐ]\S*"
_QUALITIES_PAIR = re.compile(
    rf"(\s+[{UPPER}]\S*(?:\s+{_LOWER_WORD}){{0,4}}\s+và\s+{_LOWER_WORD}(?:\s+{_LOWER_WORD})?)"
    r"(?=\s+(?:do|của|được)\s)"
)


# "Nghị định 105/2025/NĐ – CP", "Thông tư số 36/2025/TT – BCA": the issuer's code after a spaced
# dash ends the number; cut before it, the answer was "Nghị định 105/2025/NĐ" and the stem read
# "nghị định nào – CP của Chính phủ" (both readers).
_SPACED_CODE_END = r"(?:(?:(?<=/[A-ZĐ]{2})|(?<=/[A-ZĐ]{3}))\s*[–-]\s*[A-ZĐ]{2,5}(?![\w/]))?"

_NAMED_BY_QUALITIES = frozenset({"chương trình", "dự án", "đề án", "sáng kiến", "chiến lược"})


class ProgrammeRules(RuleBase):
    def _programme_span(self, text: str, start: int, head: str) -> tuple[int, int] | None:
        """The end of a programme's name and the end of its name without a trailing period."""
        pos = start + len(head)
        m = re.match(rf"\s+số\s+[\w/\-]+{_SPACED_CODE_END}", text[pos:]) or re.match(
            rf"\s+\d+[\w/\-]*{_SPACED_CODE_END}", text[pos:]
        )
        if m:
            end = pos + m.end()
            return end, end
        m = re.match(r'\s*"([^"]{3,120})"', text[pos:])
        if m:
            end = pos + m.end()
            return end, end
        pair = _QUALITIES_PAIR.match(text, pos) if head.lower() in _NAMED_BY_QUALITIES else None
        if pair:
            return pair.end(1), pair.end(1)
        words = list(re.finditer(r"\s*(phòng, chống|[^\s,;:()\"]+)(,?)", text[pos:]))
        end = pos
        capitalised = 0
        lowercase_run = 0
        topic = False
        i = 0
        while i < len(words):
            w = words[i]
            word = w.group(1)
            ordinal = ORDINAL.match(text, pos + w.start(1))
            if ordinal and capitalised:
                # "Đại hội khỏe “Vì an ninh Tổ quốc” lần thứ IX": the ordinal tells this one from
                # the last, and ends the name.
                end = ordinal.end()
                break
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
            if head.lower() == "luật" and text[: m.start()].lower().endswith(("pháp ", "dự ")):
                continue  # "phổ biến pháp luật Công an nhân dân": the law in general, not one law
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
            dated = dated_document_question(name, head, text[q_end:])
            issuer = issuer_fact(name, text[q_end:], s)
            if issuer is not None:
                yield issuer
            yield Fact(
                QType.WHICH_PROGRAMME,
                "programme",
                name,
                name,
                s,
                0 if dated else q_start,
                0 if dated else q_end,
                template=dated,
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
