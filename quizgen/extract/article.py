"""One article in, its facts out: sentences, their analysis, the rules, then whole constituents.

The order is the reader's: a sentence that no question should come from (an upper-case heading,
a photo caption, a byline, the article's cut-off last sentence) is set aside first; every other
sentence is analysed once; the fact families propose facts; and a fact whose answer is not a whole
constituent of its sentence is widened to the word it cuts into or dropped.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from quizgen.extract.analysis import SentenceAnalysis, analyse
from quizgen.extract.awards import award_facts
from quizgen.extract.charges import charge_facts
from quizgen.extract.constituents import edge_problem, split_glued_title
from quizgen.extract.events import HEADLINE_KEY, PROVINCE_KEY, event_facts, event_names
from quizgen.extract.facts import ArticleFacts, Fact
from quizgen.extract.orgs import asked_by_post, cut_short, lower_tail, name_end, org_facts
from quizgen.extract.people import and_next_person, person_facts, rank_alternation
from quizgen.extract.places import BEFORE_A_COUNTRY, home_province, is_place, mentions_country, venue_facts
from quizgen.extract.quality import (
    a_pair,
    anchor_headline,
    name_cut_at_and,
    name_of,
    not_a_person,
    one_of_a_list,
    post_holder,
    press_date,
    residence,
    the_setting,
    year_not_asked,
)
from quizgen.extract.quotes import quoted_facts
from quizgen.extract.rules import Extractor, rule_facts
from quizgen.extract.rules.people import holder_question
from quizgen.gazetteer import Gazetteer, load_gazetteer
from quizgen.models import QType
from quizgen.normalize import fold_for_match, loose_key, word_re
from quizgen.sentences import LOWER, UPPER, Sentence, article_sentences

# "... - Ảnh 1.": a picture's alt text that repeats the headline, numbered by the page.
_CAPTION = re.compile(
    r"(?:^|[\s(])(?:Ảnh|Clip|Video|Nguồn|Đồ họa)\s*:|\(ảnh\b|^Ảnh\s|\s[-–]\s*Ảnh\s*\d+\.?(?=\n|$)",
    re.IGNORECASE,
)
# A byline or a page's time stamp: the reporters, the outlet, the hour it was posted.
_BYLINE = re.compile(
    r"\d{1,2}:\d{2}\s*(?:\(?GMT|$)|\)\s*[-–]\s*(?:Thứ (?:hai|ba|tư|năm|sáu|bảy)|Chủ nhật),?\s+(?:ngày\s+)?\d"
)
_END_PUNCT = (".", "!", "?", "…", '"', "”", ")", "'", ":")
# A photo's caption set as its own short paragraph: "Bộ trưởng Lương Tam Quang phát biểu tại buổi làm
# việc." under one picture and "Ngoại trưởng Penny Wong phát biểu tại buổi làm việc." under the next
# (readers rejected "ai phát biểu tại buổi làm việc?": both did).
_PHOTO_LINE = re.compile(
    r"^[^,\d]{3,80}?\s(?:phát biểu|chụp ảnh|trao|tặng|thăm|trò chuyện|chủ trì|dự|kiểm tra|làm việc|"
    r"hội đàm|tiếp|ký kết|ký)\b[^,\d]*\btại (?:buổi|lễ|hội nghị|hội thảo|cuộc|đại hội|lớp|phiên)\b"
    r"[^,\d]{0,60}\.?$"
)
# How many words beyond the answer a widened answer may gain before the fact is dropped instead.
_MAX_WIDENING = 2


@functools.cache
def _extractor() -> Extractor:
    return Extractor()


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


# A plan's own verbs: "Kế hoạch nêu rõ ...", "Kế hoạch yêu cầu ..." (not "Chương trình hành động").
_PLAN_SAYS = {
    "nêu", "nêu rõ", "đề ra", "xác định", "yêu cầu", "giao", "chỉ rõ", "nhấn mạnh", "được", "đã", "sẽ",
}  # fmt: skip
_POST_ENDS = re.compile(
    r"\s(?:làm|dẫn đầu|đã|sẽ|đang|cùng|và đoàn|chủ trì|phát biểu|dự|tham dự|đến|tới|tặng|trao)(?:\s|$)"
)


_COUNTRY_AFTER = re.compile(r",\s*([^\s,.;()]+(?:\s[^\s,.;()]+)?)")


@functools.cache
def _rank_degree() -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?:[Đđ]ồng chí|[Đđ]/c)\s+)?(?P<rank>{rank_alternation()}),?\s*"
        r"(?:PGS\.TS\.?|GS\.TS\.?|TS\.|ThS\.)\s*$"
    )


# Who issues a numbered document ("Nghị quyết số 12 của Bộ Chính trị").
_ISSUER = re.compile(
    r"\s+của\s+(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương(?: Đảng)?|Thủ tướng Chính phủ|Chính phủ|"
    r"Ủy ban Thường vụ Quốc hội|Quốc hội|Chủ tịch nước|Đảng ủy Công an Trung ương|Bộ trưởng Bộ Công an|"
    r"Bộ Công an|Bộ Quốc phòng|Ủy ban nhân dân tỉnh(?:\s+[A-ZĐ]\S*)+|UBND tỉnh(?:\s+[A-ZĐ]\S*)+)(?![\w])"
)
# How much of a cut-off last sentence must remain for its complete clauses to be asked from.
_MIN_COMPLETE_WORDS = 12
# A piece that opens a frame (a time, a purpose): what it frames is still to come.
_FRAME_PIECE = re.compile(
    r"(?i)(?:chỉ tính|tính từ|tính đến|từ|kể từ|khi|sau khi|trước khi|cho (?:tới|đến) khi|để|nhằm)\b"
)

# A time or a place that opens a sentence: alone before the cut, it frames a clause the page lost.
_LONE_FRAME = re.compile(r"(?i)(?:tại|ở|trong|vào|theo|nhân|ngày|sáng|chiều|tối|trưa|đêm|hồi|lúc)\b")


def complete_part(sentence: Sentence) -> Sentence:
    """The stored page ends mid-sentence: keep its clauses up to the last ";" (whole clauses of a
    long enumeration), so that their facts are still asked; the cut-off clause goes."""
    text = sentence.text.strip()
    if text.endswith(_END_PUNCT):
        return sentence
    cut = text.rfind(";")
    if cut < 0 or len(text[:cut].split()) < _MIN_COMPLETE_WORDS:
        # Else the clauses before the last comma; a last piece of a word or two ("…", chủ động)
        # is the start of a clause the page cut, not a clause.
        cut = text.rfind(", ")
        last_piece = text[text.rfind(",", 0, cut) + 1 : cut].strip()
        if len(last_piece.split()) < 3 or _FRAME_PIECE.match(last_piece):
            return sentence  # "..., chỉ tính từ tháng 10-2024 cho tới khi bị phát hiện": no clause yet
        if "," not in text[:cut] and _LONE_FRAME.match(last_piece):
            return sentence  # "Tại cuộc họp báo ... chiều 18/1, Thượng tá": a time or place, no clause
    if cut < 0 or len(text[:cut].split()) < _MIN_COMPLETE_WORDS:
        return sentence
    return replace(sentence, text=text[:cut])


def is_heading(text: str) -> bool:
    """An upper-case subheading ("KẾT QUẢ NỔI BẬT"), never a sentence to ask from."""
    letters = _letters(text)
    return len(letters) >= 6 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def unusable_reason(
    sentence: Sentence, analysis: SentenceAnalysis, last_index: int, paragraph_text: str
) -> str:
    """Why no question should come from ``sentence`` ("" when it can be used)."""
    text = sentence.text.strip()
    if is_heading(text):
        return "heading"
    if _CAPTION.search(text) or re.search(r"\((?:đứng|từ trái|từ phải|trái|phải|giữa)\b", text):
        return "caption"
    headline = sentence.index == 0 and sentence.paragraph == 0 and not text.endswith(_END_PUNCT)
    if headline and len(text.split()) <= 25:
        return "headline"  # the title line: a headline's wording, not a sentence
    lines = [line.strip() for line in paragraph_text.splitlines() if line.strip()]
    if len(lines) <= 2 and all(len(line.split()) <= 16 for line in lines) and _PHOTO_LINE.match(text):
        return "caption"
    if _BYLINE.search(text):
        return "byline"  # "Dương Tuấn, Sao Mai (Kênh truyền hình ANTV)-Thứ sáu, ngày 27/10/2017 19:47 GMT+7"
    words = [t for t in analysis.tokens if t.pos != "CH"]
    verbless = not any(t.pos == "V" for t in analysis.tokens)
    if verbless and (len(words) <= 7 or (len(words) <= 12 and not text.endswith(_END_PUNCT))):
        return "caption or byline"  # a name and a title under a photo, an author's name
    if sentence.index == last_index and not text.endswith(_END_PUNCT):
        return "cut off"
    return ""


@functools.cache
def _org_names() -> tuple[str, ...]:
    gaz = load_gazetteer()
    names = {n for group in gaz.orgs.values() for n in group}
    names |= {re.sub(r"\s*\([^)]*\)$", "", n) for n in names}
    return tuple(sorted(names, key=len, reverse=True))


# A head with one generic word is no name ("Phòng Cảnh sát, Cục Hoạt động hòa bình LHQ").
_GENERIC_ORG = {"phòng cảnh sát", "cục cảnh sát", "phòng an ninh", "cục an ninh", "bộ tư lệnh", "tổng cục"}
# "Cục Đào tạo | , bồi dưỡng cán bộ", "Phòng An ninh mạng | và phòng chống tội phạm ...": the name
# goes on in lower case after a comma or "và", so the answer is cut short.
_NAME_GOES_ON = re.compile(
    r"\s*(?:,|và)\s+(?:phòng|chống|bồi dưỡng|đào tạo|cứu|chữa|huấn luyện|quản lý|hỗ trợ|tìm kiếm)\b"
)


_GLUED_HOLDER = re.compile(rf"(?:[{UPPER}]\w*\s){{1,3}}[{UPPER}]\w*[-–](?=[{UPPER}])")


def whole_org_name(fact: Fact) -> Fact | None:
    """An organisation's answer that is its whole name: a listed name with a verb run on is cut
    back to it ("Tổng cục Cảnh sát | đánh giá cao sáng kiến"); a generic or cut-short one is None."""
    numbered = re.match(rf"(.*\bsố \d+)\s+[{LOWER}]", fact.answer) if fact.kind == "unit" else None
    if numbered:
        # "Tổ công tác số 6 | đi làm nhiệm vụ": a numbered unit's name ends at its number.
        name = numbered.group(1)
        end = fact.start + len(name) if fact.sentence.text.startswith(name, fact.start) else fact.end
        return replace(fact, answer=name, fact=name if fact.fact == fact.answer else fact.fact, end=end)
    if fact.type != QType.ORG or fact.kind not in ("org", "unit"):
        return fact
    if fold_for_match(fact.answer) in _GENERIC_ORG:
        return None
    trailing = re.match(rf"(.*?\s([{UPPER}]\S*(?:\s[{UPPER}]\S*)*))(?:\s[{LOWER}]\S*){{1,2}}$", fact.answer)
    if trailing and is_place(trailing.group(2)):
        # "Công an tỉnh Mondulkiri | trình báo": the segmenter glued the verb's first syllable to the
        # place that ends the name (one word "Mondulkiri trình"); "Công an tỉnh Đắk Nông | lập tức":
        # the adverb after it (fresh56).
        name = trailing.group(1)
        return replace(fact, answer=name, fact=name if fact.fact == fact.answer else fact.fact)
    text = fact.sentence.text
    at = text.find(fact.answer)
    if at >= 0 and _NAME_GOES_ON.match(text, at + len(fact.answer)):
        return None
    for name in _org_names():
        tail = fact.answer[len(name) :]
        if fact.answer.startswith(name) and re.match(rf"\s+[{LOWER}]", tail):
            new_fact = name if fact.fact == fact.answer else fact.fact.replace(fact.answer, name, 1)
            end = fact.start + len(name) if text.startswith(name, fact.start) else fact.end
            return replace(fact, answer=name, fact=new_fact, end=end)
    return fact


# The cyber-security department's second half, as outlets write it: "Phòng An ninh mạng | và Phòng
# chống tội phạm công nghệ cao", "... | và PCTP sử dụng công nghệ cao" (gold facts ask it whole).
_CYBER_TAIL = re.compile(r" và (?:[Pp]hòng,? chống tội phạm|PCTP) (?:sử dụng )?công nghệ cao")


def _gazetteer_name_at(text: str, at: int, answer: str) -> str | None:
    """The gazetteer's longer name of the body that ``answer`` (at ``at``) starts, if the text has it."""
    tail = _CYBER_TAIL.match(text, at + len(answer)) if answer.endswith("An ninh mạng") else None
    if tail:
        return text[at : tail.end()]
    for name in _org_names():
        if len(name) > len(answer) and name.startswith(answer + " ") and text.startswith(name, at):
            return name
    return None


# "Nguyễn T.", "Đỗ X.Đ.", "N.V.H.": a name the paper withheld, which options in full would give away.
_INITIALLED = re.compile(rf"(?<!\S)[{UPPER}]\.(?:[{UPPER}]\.?)*$")


def whole_constituent(fact: Fact, analysis: SentenceAnalysis) -> Fact | None:
    """``fact`` with an answer on constituent edges (widened by a word at most), or None."""
    text = analysis.text
    if fact.shape.endswith(":clock"):
        return fact  # "khoảng 2h30 ngày 14-6": the date grammar's edges, not the segmenter's "Vào khoảng"
    if fact.kind == "acronym":
        # "Cục Cảnh sát Phòng cháy ... cứu hộ (PCCC&CNCH)": the acronym's letters are the edges of
        # what it stands for, even where that is inside a longer name.
        return fact
    answer = split_glued_title(fact.answer) if fact.type == QType.WHO else fact.answer
    words = answer.split()
    if fact.type == QType.WHO and fact.shape.startswith("person") and len(words) > 2 and words[0].isupper():
        answer = " ".join(words[1:])  # "LHQ Jean-Pierre Lacroix": the acronym ends the title before it
    state = BEFORE_A_COUNTRY.search(text[: max(0, text.find(answer))])
    if fact.type == QType.WHO and fact.shape.startswith("person") and len(words) > 2 and state:
        answer = " ".join(words[1:])  # "Cộng hòa Mozambique Paulo Chachine": the country ends the title
    if answer != fact.answer:
        # "Nguyễn Xuân Phúc-Chủ tịch ...": the hyphen is the name's edge, though the segmenter
        # glues "Phúc-Chủ" into one word.
        return replace(fact, answer=answer, fact=answer if fact.fact == fact.answer else fact.fact)
    if fact.type == QType.WHO and fact.shape.startswith("person"):
        # "Đồng chí Thượng tướng, PGS.TS Trần Quốc Tỏ": the rank and degree before the name go
        # with it, or the stem reads "Đồng chí Thượng tướng, ai?".
        at = text.find(answer, max(0, fact.start - 40))
        lead = _rank_degree().search(text[:at]) if at > 0 else None
        if lead and lead.group("rank"):
            whole = text[lead.start() : at + len(answer)]
            return replace(fact, fact=whole, start=lead.start(), end=max(fact.end, at + len(answer)))
    parent_only = answer.endswith(", Bộ Công an") and answer.count(",") == 1
    if fact.type in (QType.ORG, QType.WHAT) and parent_only:
        # "Cục Đối ngoại, Bộ Công an": every option would need the ministry, or only the answer
        # carries it; the body's own name is the answer.
        short = answer.removesuffix(", Bộ Công an")
        return replace(fact, answer=short, fact=short if fact.fact == fact.answer else fact.fact)
    if fact.type == QType.WHERE:
        # "tại Bắc Kinh, Trung Quốc": the country after the city belongs to the answer.
        at = fact.sentence.text.find(answer, fact.start)
        country = _COUNTRY_AFTER.match(text, at + len(answer)) if at >= 0 else None
        if country and mentions_country(country.group(1)) and is_place(country.group(1)):
            placed = answer + country.group(0)
            return replace(fact, answer=placed, fact=placed, end=max(fact.end, at + len(placed)))
    if fact.kind == "programme" and fact.head == "Luật":
        # "Luật Bảo vệ dữ liệu | cá nhân": a listed law the text goes on with is taken whole (not a
        # listed programme: its period stays out of its name, asked "chương trình nào giai đoạn ...").
        at = text.find(answer, max(0, fact.start - 5))
        listed = next(
            (
                n
                for n in sorted(load_gazetteer().programmes.get(fact.head, ()), key=len, reverse=True)
                if len(n) > len(answer) and n.startswith(answer + " ") and at >= 0 and text.startswith(n, at)
            ),
            None,
        )
        if listed:
            new_fact = listed if fact.fact == fact.answer else fact.fact.replace(answer, listed, 1)
            return replace(fact, answer=listed, fact=new_fact, end=max(fact.end, at + len(listed)))
    if fact.kind == "programme":
        at = text.find(answer, max(0, fact.start - 5))
        after_head = [t for t in analysis.tokens if at >= 0 and t.start > at and t.end <= at + len(answer)]
        if after_head and after_head[0].text.casefold() in _PLAN_SAYS:
            return None  # "Kế hoạch nêu rõ Bộ Công an ...": the plan's verb, not its name
    if fact.kind == "programme" and re.search(r"\d\S*$", answer):
        # "Nghị quyết số 12 của Bộ Chính trị": a numbered document is named with its issuer.
        at = fact.sentence.text.find(answer, fact.start)
        issuer = _ISSUER.match(text, at + len(answer)) if at >= 0 else None
        if issuer:
            named = answer + issuer.group(0)
            new_fact = named if fact.fact == fact.answer else fact.fact.replace(answer, named, 1)
            return replace(fact, answer=named, fact=new_fact, end=max(fact.end, at + len(named)))
    if fact.kind == "title_of":
        # "Giám đốc Cơ quan X làm Trưởng đoàn": the post ends where a verb begins; "Phó Giám đốc Công
        # an tỉnh, Phó ...": a list of posts is cut to the first.
        cut = _POST_ENDS.search(answer) or and_next_person().search(answer)
        short = answer[: cut.start()] if cut else answer
        short = re.sub(r",\s*\S+$", "", short) if re.search(r",\s*\S+$", short) else short
        if short != answer:
            return replace(fact, answer=short.strip(" ,"), fact=short.strip(" ,"))
    starts = [m.start() for m in re.finditer(re.escape(answer), text)]
    if not starts:
        return fact  # a normalised form (capitalised rank, template): nothing in the text to cut
    # The occurrence inside the fact's own span first, then any other.
    starts.sort(key=lambda s: (not (fact.start <= s < max(fact.end, fact.start + 1)), s))
    if fact.type in (QType.ORG, QType.WHAT):
        # "Cục Cảnh sát | quản lý hành chính về trật tự xã hội": the gazetteer knows the whole name.
        for at in starts:
            full = _gazetteer_name_at(text, at, answer)
            if full:
                new_fact = full if fact.fact == fact.answer else fact.fact.replace(answer, full, 1)
                end = at + len(full)
                return replace(fact, answer=full, fact=new_fact, end=max(fact.end, end))
    if fact.type in (QType.ORG, QType.WHAT, QType.ACRONYM) and fact.kind in ("org", "unit", "brand"):
        # "Phòng Cảnh sát | quản lý hành chính về trật tự xã hội": the name's lower-case tail.
        at = starts[0]
        tokens = analysis.tokens
        end_i = next((i for i, t in enumerate(tokens) if t.start >= at + len(answer)), len(tokens))
        if end_i < len(tokens) and tokens[end_i - 1].end == at + len(answer):
            tail_i = end_i
            while True:  # lower-case tails and "và Thực thi pháp luật ..." in turn
                joined = tail_i < len(tokens) and tokens[tail_i].text in ("và", "-", "–")
                longer = lower_tail(tokens, name_end(tokens, tail_i, text, set()) if joined else tail_i)
                if longer <= tail_i:
                    break
                tail_i = longer
            if tail_i > end_i:
                whole = text[at : tokens[tail_i - 1].end]
                more = text[tokens[tail_i - 1].end :]
                bracket = re.match(r"\s*\([^()]{1,40}\)", more)
                glossed = bracket and all(w[:1].isupper() for w in bracket.group(0).strip("() ").split())
                if bracket and glossed and not is_place(bracket.group(0).strip("() ")):
                    whole += bracket.group(0)
                new_fact = whole if fact.fact == fact.answer else fact.fact.replace(answer, whole, 1)
                return replace(fact, answer=whole, fact=new_fact, end=max(fact.end, at + len(whole)))
    if fact.type in (QType.ORG, QType.WHAT) and answer.split()[-1][:1].isupper():
        # "Cục Hoạt động | hòa bình": a body's name that the text carries on in lower case.
        at = starts[0]
        following = [t for t in analysis.tokens if t.start >= at + len(answer)]
        if (
            following
            and following[0].start == at + len(answer) + 1
            and cut_short(analysis.tokens, analysis.tokens.index(following[0]))
        ):
            return None
    for at in starts:
        if edge_problem(analysis, at, at + len(answer)) is None:
            return fact
    at = starts[0]
    if edge_problem(analysis, at, at + len(answer)) == "'giữa A và B' cut before B":
        # "Bản ghi nhớ giữa Bộ Công an Việt Nam | và Cơ quan Vệ binh quốc gia Liên bang Nga": the
        # second party's whole name completes the answer.
        tail = re.match(r"\s+và\s+", text[at + len(answer) :])
        nxt = [i for i, t in enumerate(analysis.tokens) if tail and t.start == at + len(answer) + tail.end()]
        if nxt:
            end_i = name_end(analysis.tokens, nxt[0] + 1, text, set())
            full = text[at : analysis.tokens[end_i - 1].end]
            if edge_problem(analysis, at, at + len(full)) is None:
                new_fact = full if fact.fact == fact.answer else fact.fact.replace(answer, full, 1)
                return replace(fact, answer=full, fact=new_fact, end=max(fact.end, at + len(full)))
    s0, e0 = analysis.snap(at, at + len(answer))
    widened = text[s0:e0]
    extra = len(widened.split()) - len(answer.split())
    if fact.type == QType.WHO and fact.shape.startswith("person") and _capitalised_name(answer):
        # "Tô Lâm trao", "Hàn Quốc Lee Chul-sung": the segmenter glued a verb or a country to the
        # name; a name's edges are its capitals, and a word outside them is never part of it.
        return fact
    if (
        fact.kind == "count"
        and widened.startswith(answer + " ")
        and fact.head.startswith(widened[len(answer) :].strip() + " ")
    ):
        # "1.005 tổ | bảo vệ an ninh trật tự": the segmenter joined the number to the first word of
        # what is counted; widened, the stem would ask "bao nhiêu bảo vệ an ninh trật tự".
        return fact
    if edge_problem(analysis, s0, e0) is not None or extra > _MAX_WIDENING:
        return None
    if widened in fact.fact:
        new_fact = fact.fact  # the fact already holds the wider words ("Vào khoảng 2h30 ...")
    else:
        new_fact = widened if fact.fact == fact.answer else fact.fact.replace(answer, widened, 1)
    if fact.end > fact.start and not fact.template:
        return replace(fact, answer=widened, fact=new_fact, start=min(fact.start, s0), end=max(fact.end, e0))
    return replace(fact, answer=widened, fact=new_fact)


_YEAR_AFTER = re.compile(r"^\s*(?:\d{4}|nay|qua|tới|sau|trước|ngoái|học|thứ|đó)\b")


def _capitalised_name(answer: str) -> bool:
    words = name_of(answer).split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() for w in words)


# "Ban Chỉ đạo 138", "Vùng Cảnh sát biển 2", "khu vực 5": a number that ends a name, not a count.
_NAMED_BY_NUMBER = re.compile(
    r"(?<!\w)(?:Ban Chỉ đạo|Cảnh sát biển|Quân khu|Binh đoàn|Sư đoàn|Lữ đoàn|Trung đoàn|Hải đội|Cụm|Đồn|"
    r"Trạm|Chương trình|Đề án|Dự án|Chỉ thị|Kế hoạch|Nghị quyết|[Kk]hu vực|[Vv]ùng|[Ss]ố|[Đđ]ội|[Tt]ổ|"
    r"[Tt]iểu đoàn|[Đđ]ơn vị|[Qq]uận|[Pp]hường)\s+$"
)


# "và thay thế Quyết định số ...": what follows is repealed; its number and date are not worth asking.
_REPLACED = re.compile(
    r"(?i)\bthay thế\s+(?:cho\s+)?(?:các\s+)?(?:(?:quyết định|chỉ thị|kế hoạch|thông tư|nghị định)\b[^.]*)?$"
)
# Words after which "năm" counts (five) rather than names a year.
_FIVE_BEFORE = re.compile(r"(?i)(?:^|\s)(?:có|gồm|trên|với|bắt giữ|bắt|thêm|cử|và)\s+$")


def misread_number(fact: Fact) -> bool:
    """ "năm" read as five where it is the word for year ("năm 2024", "năm nay"); a number that is
    part of a name ("Ban Chỉ đạo 138") read as a count."""
    if fact.type != QType.HOW_MANY:
        return False
    at = fact.sentence.text.find(fact.answer, max(0, fact.start - 5))
    if at > 0 and re.fullmatch(r"\d+", fact.answer) and _NAMED_BY_NUMBER.search(fact.sentence.text[:at]):
        return True  # a bare number after a name's word: the counted noun would follow it
    if at >= 0 and re.match(r"\s+(?:Tết|tháng Chạp)\b", fact.sentence.text[at + len(fact.answer) :]):
        return True  # "Đúng 29 Tết", "23 tháng Chạp": a day of the lunar year, not a count
    m = re.search(r"(?<!\w)năm(?!\w)", fact.answer)
    if not m or re.search(r"\d", fact.answer[: m.start()]):
        return False
    at = fact.sentence.text.find(fact.answer)
    after = fact.sentence.text[at + m.end() :] if at >= 0 else ""
    five = _FIVE_BEFORE.search(fact.sentence.text[: fact.start])
    if fact.answer == "năm" and five and not _YEAR_AFTER.match(after):
        return False  # "Có năm đối tượng chủ chốt", "thi công trên năm tuyến": five, counting a noun
    return bool(_YEAR_AFTER.match(after)) or not re.search(r"\w", fact.answer[m.end() :])


# A province's post written without the province ("Đại tá Phan Huy Ngọc, Giám đốc Công an tỉnh"):
# the article's own province, which it names elsewhere.
_PROVINCE_POST = re.compile(r"^(?:Phó\s+)?[^\s,]+(?:\s+[^\s,]+){0,3}\s+(?:Công an|UBND|HĐND|Tỉnh ủy)\s+tỉnh$")


def _held_in_the_province(facts: list[Fact], province: str) -> list[Fact]:
    """ "Theo bài báo, ai là Giám đốc Công an tỉnh Hà Giang?" for a person the text gives with "Giám đốc
    Công an tỉnh": the holder asked by the post, its province named (the post alone was asked as
    "X giữ chức vụ gì?", and readers struck the bare "tỉnh": of which province?)."""
    holders = {fold_for_match(name_of(f.answer)) for f in facts if f.kind == "holder_of"}
    out = []
    for f in facts:
        # "Bí thư Đảng ủy, Giám đốc Công an tỉnh": the last of the posts is the one the province has.
        post = f.answer.split(", ")[-1]
        if f.kind != "title_of" or not _PROVINCE_POST.match(post):
            continue
        name = post_holder(f)
        person = next(
            (
                p
                for p in facts
                if p.kind == "person" and p.sentence.index == f.sentence.index and name_of(p.answer) == name
            ),
            None,
        )
        if person is None or fold_for_match(name) in holders:
            continue
        template = holder_question(f.sentence.text, f"{post} {province}")
        if template:
            holders.add(fold_for_match(name))
            out.append(
                replace(
                    person,
                    kind="holder_of",
                    fact=name,
                    start=0,
                    end=0,
                    template=template,
                    head=f"{post} {province}",
                    score=0.8,
                )
            )
    return out


def _post_changes_hands(fact: Fact, facts: list[Fact], sentences: list[Sentence]) -> bool:
    """True for "Theo bài báo, ai là Giám đốc Công an tỉnh Lạng Sơn?" (or "X giữ chức vụ gì?") when
    another sentence gives that post to someone else: the outgoing director and his successor
    (readers: a wrong key, the article gives the post to the newcomer)."""
    if fact.kind == "holder_of":
        post, holder = fact.head, name_of(fact.answer)
    elif fact.kind == "title_of":
        post, holder = fact.answer, post_holder(fact)
    else:
        return False
    if len(post.split()) < 3:
        return False
    # The article's people by name: a rank's or a post's answer is no name ("Thượng tá"), its
    # question names the person.
    named = {name_of(f.answer) for f in facts if f.kind in ("person", "holder_of")}
    named |= {post_holder(f) for f in facts if f.kind == "title_of"}
    named |= {f.template.split(" có ")[0] for f in facts if f.kind == "rank_of"}
    for s in sentences:
        if holder in s.text or post.casefold() not in s.text.casefold():
            continue
        for other in (n for n in named if n and n != holder and n in s.text):
            # "Thượng tá Vũ Thanh Tùng được điều động và bổ nhiệm giữ chức Giám đốc Công an tỉnh Lạng
            # Sơn": the post is given to another; an apposition ("X, Giám đốc ...") says who held it.
            # "X (quê quán ...), Phó Giám đốc ..., đã được bổ nhiệm giữ chức ...": a bracket and a
            # former post may stand between them.
            given = rf"{re.escape(other)}\s*(?:[^.;]{{0,100}}?\s)?(?:bổ nhiệm|giữ chức|nhận chức|đảm nhiệm)"
            # "bổ nhiệm đại tá X, Phó Giám đốc Công an tỉnh Phú Thọ, làm Giám đốc ...": the verb first.
            named_first = (
                rf"(?:bổ nhiệm|điều động)\s+(?:[^.;]{{0,20}}?\s)?{re.escape(other)}"
                r"[^.;]{0,80}?\s(?:làm|giữ chức)"
            )
            for pattern in (given, named_first):
                if re.search(
                    rf"{pattern}(?:\s+vụ)?\s+(?:làm\s+)?{re.escape(post)}(?!\w)", s.text, re.IGNORECASE
                ):
                    return True
    return False


# "kế hoạch số 293/KH-BCĐ": a numbered document, whatever its case.
_NUMBERED_LOWER = re.compile(r"\w+(?:\s\w+)?\s+(?:số\s+)?\d")


def extract_article(article_id: str, paragraphs: tuple[str, ...]) -> ArticleFacts:
    """Facts worth asking about in one article, each on whole constituents of a usable sentence."""
    sentences = [*article_sentences(paragraphs)]
    last = len(sentences) - 1
    if sentences and (whole := complete_part(sentences[-1])) is not sentences[-1]:
        sentences[-1] = whole
        last = -1  # what is left of the cut-off sentence is whole clauses
    analyses = tuple(analyse(s.text) for s in sentences)
    usable = {
        s.index for s in sentences if not unusable_reason(s, analyses[s.index], last, paragraphs[s.paragraph])
    }
    found = rule_facts(article_id, paragraphs, _extractor())
    facts: list[Fact] = []
    for fact in found.facts:
        if fact.sentence.index not in usable or misread_number(fact) or not_a_person(fact):
            continue
        own = sentences[fact.sentence.index]
        if own.text != fact.sentence.text:
            # The rules read the whole cut-off sentence: only facts in its complete clauses stay,
            # with the complete part as their sentence.
            if fact.end > len(own.text) or own.text.find(fact.answer) < 0:
                continue
            fact = replace(fact, sentence=own)
        if year_not_asked(fact, analyses[fact.sentence.index]) or residence(fact) or one_of_a_list(fact):
            continue
        if press_date(fact):
            continue
        if fact.type in (QType.WHEN, QType.WHICH_PROGRAMME) and _REPLACED.search(
            fact.sentence.text[: fact.start]
        ):
            continue  # "thay thế Quyết định số 6567/QĐ-UBND ngày 25/12/2012; ...": a repealed act's detail
        if fact.kind == "programme" and (";" in fact.answer or re.search(r"\ssố$", fact.answer)):
            continue  # "Luật PCCC&CNCH; Thông tư số": two documents run together, one cut off
        if (
            fact.type == QType.WHICH_PROGRAMME
            and fact.answer[:1].islower()
            and not _NUMBERED_LOWER.match(fact.answer)
        ):
            # "chương trình Nghị sự", "kỷ luật Quân đội", "kế hoạch tham gia hoạt động Gìn giữ ...": a
            # programme named in lower case is a kind or a cut name (27 labelled drafts, 27 rejected).
            continue
        if fact.kind == "programme" and re.match(r"(?i)luật pháp\b", fact.answer):
            continue  # "Ban Chính sách Luật pháp ...": law in general, not a law's name
        if fact.kind == "programme" and fact.answer.startswith("chiến lược"):
            continue  # "đối tác chiến lược toàn diện": a kind of partnership, not a strategy
        if fact.kind in ("unit", "org") and re.match(r"\S+ (?:trưởng|phó)\b", fact.answer):
            continue  # "Đội trưởng đội ...", "Cục phó ...": a post, not a unit
        kept = whole_constituent(fact, analyses[fact.sentence.index])
        glued = _GLUED_HOLDER.match(kept.answer) if kept is not None and kept.kind == "title_of" else None
        if kept is not None and glued:
            # "Đào Ngọc Sỹ-Giám thị Trại giam": the segmenter's word "Sỹ-Giám" took the holder's
            # name into his post (fresh55); the post starts after the hyphen.
            post = kept.answer[glued.end() :]
            kept = replace(kept, answer=post, fact=post)
        if kept is not None and kept.type == QType.WHEN and re.search(r"\d\s[A-ZĐ]\w*$", kept.answer):
            kept = None  # "ngày 6/7/2023 Phòng": the subject after a date is no part of it
        if kept is not None:
            facts.append(kept)
    # People the rules missed, found from the toolkit's proper nouns and the gazetteer's titles.
    for sentence in sentences:
        if sentence.index not in usable:
            continue
        known = {
            fold_for_match(name_of(f.answer))
            for f in facts
            # A post's holder asked by the post ("Ai là Bộ trưởng ...?") is not the name asked
            # where it stands ("Hội nghị do ai chủ trì?").
            if f.type == QType.WHO and f.sentence.index == sentence.index and f.kind != "holder_of"
        }
        for fact in person_facts(sentence, analyses[sentence.index], known):
            kept = whole_constituent(fact, analyses[sentence.index])
            if kept is not None and not not_a_person(kept):
                facts.append(kept)
        bodies = {
            fold_for_match(f.answer)
            for f in facts
            if f.sentence.index == sentence.index and f.type in (QType.ORG, QType.ACRONYM, QType.WHAT)
        }
        places = {
            fold_for_match(f.answer)
            for f in facts
            if f.sentence.index == sentence.index and f.type in (QType.WHERE, QType.ORG, QType.WHO)
        }
        for fact in venue_facts(sentence, analyses[sentence.index], places):
            facts.append(fact)
            bodies.add(fold_for_match(fact.answer))  # "tại Học viện ...": where, not which body
        named = {f.answer.casefold() for f in facts if f.sentence.index == sentence.index}
        for fact in event_facts(sentence, analyses[sentence.index], named):
            facts.append(fact)
        quoted = {fold_for_match(f.answer) for f in facts if f.sentence.index == sentence.index}
        for fact in charge_facts(sentence, quoted):
            facts.append(fact)  # before the quoted family: "tội “Cưỡng đoạt tài sản”" is a charge
        for fact in award_facts(sentence):
            facts.append(fact)
            quoted.add(fold_for_match(fact.answer))
        for fact in quoted_facts(sentence, quoted):
            facts.append(fact)  # the quotation marks are its edges
        people = {
            fold_for_match(w)
            for f in facts
            if f.sentence.index == sentence.index and f.type == QType.WHO
            for w in (name_of(f.answer),)
        }
        for fact in org_facts(sentence, analyses[sentence.index], bodies, people):
            kept = whole_constituent(fact, analyses[sentence.index])
            if kept is not None:
                facts.append(kept)
    facts = [fixed for f in facts if (fixed := whole_org_name(f)) is not None]
    facts = [f for f in facts if not _cuts_a_longer(f, facts) and not _runs_through_a_name(f, facts)]
    facts = [
        with_country(f) for f in facts if not about_famous(f) and not a_pair(f) and not name_cut_at_and(f)
    ]
    # A person's country, once found near one mention, holds for every mention in the article,
    # the mentions no question is asked from included (a caption: "Phó Cục trưởng ... Bộ Công an
    # Trung Quốc Hách Vân Hồng").
    country = {
        fold_for_match(name_of(f.answer)): f.shape
        for f in facts
        if f.shape.startswith("person:") and f.shape not in ("person:vn", "person:foreign")
    }
    for f in facts:
        name = name_of(f.answer)
        if f.shape in ("person:vn", "person:foreign") and fold_for_match(name) not in country:
            origin = _country_before(name, sentences)
            if origin and _could_be_from(name, origin, load_gazetteer()):
                country[fold_for_match(name)] = f"person:{origin}"
    facts = [
        replace(f, shape=country[fold_for_match(name_of(f.answer))])
        if f.shape in ("person:vn", "person:foreign") and fold_for_match(name_of(f.answer)) in country
        else f
        for f in facts
    ]
    province = home_province("\n".join(paragraphs))
    if province:
        facts += _held_in_the_province(facts, province)
    whole_text = "\n".join(paragraphs)
    facts = [
        f for f in facts if not _post_changes_hands(f, facts, sentences) and not the_setting(f, whole_text)
    ]
    people = {name_of(f.answer) for f in facts if f.type == QType.WHO and f.kind in ("person", "holder_of")}
    held = [fold_for_match(f.template) for f in facts if f.kind == "holder_of"]
    # A post that names one person is asked from its end ("Ai là Cục trưởng Cục Hậu cần?"): the
    # options are then people, not near-identical posts; the post's question goes.
    holders = {fold_for_match(name_of(f.answer)) for f in facts if f.kind == "holder_of"}
    facts = [f for f in facts if f.kind != "title_of" or fold_for_match(post_holder(f)) not in holders]
    facts = [asked for f in facts if (asked := asked_by_post(f, people, held)) is not None]
    # "Diệp Thế H.", "Nguyễn T. C.": a name the paper cut to initials is withheld; it is no answer.
    facts = [f for f in facts if f.type != QType.WHO or not _INITIALLED.search(f.answer)]
    facts = [f for f in facts if not _misspelled_name(f, facts, "\n".join(paragraphs))]
    names = event_names(analyses)
    headline = anchor_headline(paragraphs)
    if headline:
        names[HEADLINE_KEY] = headline
    if province:
        names[PROVINCE_KEY] = province
    events = tuple(sorted(names.items()))
    return ArticleFacts(article_id, tuple(facts), found.main_ministry, analyses, events)


def _misspelled_name(fact: Fact, facts: list[Fact], text: str) -> bool:
    """ "Vũ Thành Chương" once, in an article that writes "Vũ Thanh Chương" three times: the paper's
    slip would be the key, and readers mark it a wrong answer."""
    if fact.type != QType.WHO or not fact.shape.startswith("person"):
        return False
    name = name_of(fact.answer)
    key = loose_key(name)
    if len(name.split()) < 2:
        return False
    seen = len(word_re(name).findall(text))
    return any(
        other != name and loose_key(other) == key and len(word_re(other).findall(text)) > seen
        for other in {name_of(f.answer) for f in facts if f.type == QType.WHO}
    )


def _runs_through_a_name(fact: Fact, facts: list[Fact]) -> bool:
    """ "Cục Cảnh sát giao thông Đỗ Thanh Bình yêu cầu lực lượng ...": a body's answer that runs on
    through the person the sentence names after it, and past his verb."""
    if fact.type not in (QType.ORG, QType.WHAT, QType.WHICH_PROGRAMME):
        return False
    names = {
        name_of(f.answer)
        for f in facts
        if f.type == QType.WHO and f.sentence.index == fact.sentence.index and f.shape.startswith("person")
    }
    return any(len(n.split()) >= 2 and word_re(n).search(fact.answer[1:]) for n in names)


def _answer_span(fact: Fact) -> tuple[int, int] | None:
    at = fact.sentence.text.find(fact.answer, fact.start)
    at = at if at >= 0 else fact.sentence.text.find(fact.answer)
    return (at, at + len(fact.answer)) if at >= 0 else None


def _cuts_a_longer(fact: Fact, facts: list[Fact]) -> bool:
    """True when ``fact``'s answer and a longer answer of the same sentence overlap without one
    holding the other: "trụ sở Cục Gìn giữ" beside "Cục Gìn giữ hòa bình Việt Nam" ends inside a
    name (both readers rejected it), and the longer one is the constituent."""
    span = _answer_span(fact) if fact.type in (QType.WHERE, QType.WHICH_PROGRAMME) else None
    if span is None:
        return False  # a post's body and the post itself overlap by design
    for other in facts:
        if other is fact or other.sentence.index != fact.sentence.index:
            continue
        them = _answer_span(other)
        if them is None or them[1] - them[0] <= span[1] - span[0]:
            continue
        if span[0] < them[0] < span[1] < them[1] or them[0] < span[0] < them[1] < span[1]:
            return True
    return False


# What ends the stretch before a name that may hold its country: a new clause, another person
# joined on, or a verb ("Quốc hội Hàn Quốc Shin Jung Hoon đã được Đại tướng Lương Tam Quang tiếp":
# the country was the guest's).
_OTHER_CLAUSE = re.compile(r"[,;:]|\s(?:và|cùng|đã|được|với|tiếp|gặp|đón)\s")


def _country_before(name: str, sentences: list[Sentence]) -> str | None:
    """The country named in the title just before ``name`` in any sentence of the article."""
    gaz = load_gazetteer()
    for sentence in sentences:
        at = sentence.text.find(name)
        if at <= 0:
            continue
        window = _OTHER_CLAUSE.split(sentence.text[max(0, at - 80) : at])[-1]
        found = _countries_in(window, gaz)
        if found:
            return max(found, key=window.rfind)
    return None


def about_famous(fact: Fact) -> bool:
    """ "Tô Lâm có cấp bậc hàm gì?", "Ai là Bộ trưởng?" (Tô Lâm): every officer knows. Who
    chaired, received or signed is still worth asking of a leader (two gold writers asked it)."""
    gaz = load_gazetteer()
    if fact.kind in ("rank_of", "title_of"):
        asked = fact.template.removeprefix("Theo bài báo, ")
        name = re.split(r" có (?:cấp bậc|quân) hàm| giữ chức", asked)[0]
        return fold_for_match(name) in gaz.famous
    if fact.kind == "holder_of":
        return fold_for_match(name_of(fact.answer)) in gaz.famous
    return False


def with_country(fact: Fact) -> Fact:
    """A person of another country gets that country in the answer's shape, so that the options
    are people of the same country ("Thứ trưởng Bộ An ninh Quốc gia Trung Quốc Đường Triều")."""
    if fact.type != QType.WHO or not fact.shape.startswith("person:"):
        return fact
    text = fact.sentence.text
    at = text.find(name_of(fact.answer))
    if fact.fact != fact.answer:
        window = fact.fact  # the person's own title ("Thứ trưởng Bộ An ninh Quốc gia Trung Quốc")
    else:
        # Only the clause before the name: "..., Trương Hòa Bình tiếp ... Trung Quốc" is not Chinese.
        window = _OTHER_CLAUSE.split(text[max(0, at - 80) : at])[-1] if at >= 0 else fact.fact
    gaz = load_gazetteer()
    # The name itself says no country: "Hà Thị Nga" is not Russian ("Nga").
    window = window.replace(name_of(fact.answer), " ")
    found = [c for c in _countries_in(window, gaz) if _could_be_from(name_of(fact.answer), c, gaz)]
    if not found and at >= 0:
        # "Thượng tá Kẹo U Don, đại diện Bộ An ninh Lào tại Việt Nam": the title after the name.
        title = re.match(
            r",\s+((?:đại diện\s|[A-ZĐ])(?:(?!\s(?:và|cùng|với)\s)[^,;:])*)",
            text[at + len(name_of(fact.answer)) :],
        )
        if title and not _ACTS.search(title.group(1)):
            found = [
                c for c in _countries_in(title.group(1), gaz) if _could_be_from(name_of(fact.answer), c, gaz)
            ]
    if found:
        nearest = max(found, key=window.rfind)
        return replace(fact, shape=f"person:{nearest}")
    key = loose_key(name_of(fact.answer))  # "Quách Thành Côn", written "Quách Thanh Côn" elsewhere
    listed = [
        c for c, names in gaz.people.items() if c in gaz.countries and any(loose_key(n) == key for n in names)
    ]
    if listed:
        return replace(fact, shape=f"person:{listed[0]}")  # an official the gazetteer knows by country
    if re.match(r"(?i)ngài\s", fact.fact) or fact.shape == "person:foreign":
        # "do ngài Tiêu Chí Hiền ... làm Trưởng đoàn": "ngài" is for a foreign guest; the country
        # is the one the sentence names ("Đoàn đại biểu cấp cao Singapore").
        named = [
            c
            for c in gaz.countries
            if c != "Việt Nam"
            and c in text
            and c in gaz.people
            and _could_be_from(name_of(fact.answer), c, gaz)
        ]
        if named:
            before = [c for c in named if 0 <= text.find(c) < max(at, 0)]
            nearest = max(before, key=text.rfind) if before else min(named, key=text.find)
            return replace(fact, shape=f"person:{nearest}")
        return replace(fact, shape=_by_name_style(fact))
    if fact.shape == "person:foreign":
        return replace(fact, shape=_by_name_style(fact))
    return fact


# Verbs that make what follows a name the clause's own, not the person's title ("X tiếp ... Lào").
_ACTS = re.compile(r"(?<!\w)(?:tiếp|gặp|hội đàm|thăm|làm việc|chào|cảm ơn|trao|ký|dẫn đầu|cho biết)(?!\w)")


# Countries whose officials Vietnamese news names in Sino-Vietnamese ("Quách Thanh Côn", "Lý Hiển Long").
_SINITIC = frozenset({"Trung Quốc", "Singapore", "Đài Loan"})


def _could_be_from(name: str, country: str, gaz: Gazetteer) -> bool:
    """ "Trần Đại Quang" is no Australian, whatever country the clause before his name holds: a name
    with a Vietnamese surname and tone marks belongs to Việt Nam or to a country written that way."""
    words = name.split()
    vietnamese = bool(words) and words[0] in gaz.surnames and bool(_TONE_MARKED.search(name))
    return not vietnamese or country in _SINITIC


_TONE_MARKED = re.compile(r"[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵđ]", re.I)


def _countries_in(text: str, gaz: Gazetteer) -> list[str]:
    """The foreign countries whose officials the gazetteer lists, named in ``text`` as someone's own."""
    return [c for c in gaz.countries if c != "Việt Nam" and c in gaz.people and _names(text, c)]


def _names(text: str, country: str) -> bool:
    """``country`` named in ``text`` as a person's own, not as the place visited ("chuyến thăm
    Trung Quốc của Bộ trưởng Tô Lâm": Tô Lâm is not Chinese)."""
    # The mention nearest the name speaks for it: an earlier one may be another man's post.
    mentions = list(re.finditer(rf"(?<!\w){re.escape(country)}(?!\w)", text))
    return bool(mentions) and not _VISITED.search(text[: mentions[-1].start()])


_VISITED = re.compile(
    r"(?<!\w)(?:thăm|sang|tới|đến|tại|ở)"
    r"(?:\s+(?:chính thức|cấp Nhà nước|làm việc|và làm việc(?:\s+tại)?))?"
    r"(?:\s+(?:CHDCND|CHND|nước|Vương quốc))?\s+$"  # "Đại sứ Việt Nam tại CHDCND Lào" is Vietnamese
)


_SLAVIC = re.compile(r"(?:vich|ovna|evna)\b")  # a patronymic: Russian, Belarusian, Ukrainian


def _by_name_style(fact: Fact) -> str:
    """ "Kubrakov Ivan Vladimirovich" among Russian-style names, not among "David Carter": a name's
    style tells the options apart as much as its country."""
    return "person:Nga" if _SLAVIC.search(name_of(fact.answer)) else "person:foreign"
