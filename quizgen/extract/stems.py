"""Stage 3, question building: turn a fact into a stem that stands on its own.

Vietnamese keeps the question word where the answer stood, so most stems are
the evidence sentence with the fact replaced by its question phrase. Then the
stem is trimmed to the clause that carries the fact: discourse openers go,
trailing subordinate clauses go, a bare "Bộ" becomes the ministry the article
is about, and a leading time or place adverbial moves to the end.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from quizgen.extract.analysis import SentenceAnalysis, Token, analyse
from quizgen.extract.constituents import POST_HEAD
from quizgen.extract.events import BARE_REFERENCE, HEADLINE_KEY, PROVINCE_KEY
from quizgen.extract.events import resolve as resolve_event
from quizgen.extract.facts import LEADING_OPENERS, RELEASE_FRAME, Fact
from quizgen.extract.orgs import COMMA_IN_NAME, LISTED_IN_NAME, body_head_re, lower_tail, name_end
from quizgen.extract.people import AGE_AND_HOME, and_next_person, rank_alternation
from quizgen.extract.places import is_place, name_province
from quizgen.extract.rules.base import NUM_WORDS
from quizgen.gazetteer import load_gazetteer
from quizgen.normalize import fold_for_match, unglue, word_re
from quizgen.sentences import LOWER, UPPER, strip_dateline

BLANK = "_____"
_TRAILING_CLAUSES = re.compile(
    r",\s*(?:nhằm|đánh dấu|thể hiện|góp phần|trong đó|đồng thời|cũng như|bao gồm|qua đó|"
    r"từ đó|với mục tiêu|để)\s.*$|\s+nhằm\s.*$"
)
_REPORTING_VERBS = re.compile(r"\s(?:đề nghị|đề xuất|yêu cầu|cho biết|khẳng định|nhấn mạnh|mong muốn)\s")


_OBJECT_BEFORE_VERB = (
    r"((?:\S+\s+){0,14}?)(?=(?:tiếp tục|hỗ trợ|ủng hộ|tạo điều kiện|quan tâm|xem xét|sớm|"
    r"thúc đẩy|phối hợp|cho phép|giúp|tăng cường|đẩy mạnh)\b)"
)


def reporting_lead(clause: str) -> str:
    """'Thứ trưởng X đề nghị Phó Tổng Thư ký Y' from the first clause of a list sentence."""
    m = _REPORTING_VERBS.search(clause)
    if not m:
        return ""
    rest = clause[m.end() :]
    obj = re.match(_OBJECT_BEFORE_VERB, rest)
    end = m.end() + (len(obj.group(1).rstrip()) if obj else 0)
    return LEADING_OPENERS.sub("", clause[:end].strip())


def _part(analysis: SentenceAnalysis, start: int, end: int) -> SentenceAnalysis:
    """The analysis of ``analysis.text[start:end]``, from the whole sentence's (no new toolkit run)."""
    inside = [t for t in analysis.tokens if start <= t.start and t.end <= end]
    tokens = tuple(Token(t.text, t.pos, t.start - start, t.end - start) for t in inside)
    return SentenceAnalysis(analysis.text[start:end], tokens)


def _clause_window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The ';'-separated clause holding [start, end), with the reporting lead if it needs one."""
    bounds = [0] + [m.end() for m in re.finditer(r";\s*", text)] + [len(text) + 2]
    for i in range(len(bounds) - 1):
        c_start, c_end = bounds[i], bounds[i + 1]
        if c_start <= start < c_end:
            clause_end = min(len(text), c_end)
            clause = text[c_start:clause_end].rstrip("; ")
            if i == 0:
                return clause, start - c_start, end - c_start
            first = text[: bounds[1]].rstrip("; ")
            lead = reporting_lead(first)
            if not lead and _ACTION_START.match(clause[:1].upper() + clause[1:]):
                # "...; lực lượng đã điều tra 811 vụ; phát hiện 132 vụ ...": the clauses share the
                # subject of the nearest one that names it.
                whole = analyse(text)  # cached: the sentence was analysed once
                earlier = [_part(whole, bounds[k], bounds[k + 1]) for k in range(i)]
                lead = next((x for c in reversed(earlier) if (x := subject_of(c))), "") or ""
            scope = "" if _OWN_SCOPE.search(clause) else _first_clause_scope(first)
            if scope:
                # "...; hơn 4.400 giấy phép lái xe bị trừ điểm": the period the first clause set
                # ("trong 4 ngày nghỉ lễ 2/9") holds for the clauses after it; without it the figure
                # has no period (both readers struck "Bao nhiêu giấy phép lái xe bị trừ điểm?").
                lead = f"{scope}, {lead}" if lead else f"{scope},"
            if lead:
                joined = f"{lead} {clause}"
                shift = len(lead) + 1 - c_start
                return joined, start + shift, end + shift
            return clause, start - c_start, end - c_start
    return text, start, end


# A period or place that opens a sentence and scopes all its clauses ("Trong 4 ngày nghỉ lễ 2/9",
# "Năm 2023", "Từ đầu năm đến nay", "Tại Hà Nội"); not the day of a report ("Sáng 3/9, C08 thông tin").
_SCOPE_PIECE = re.compile(r"(?i)^(?:trong|từ|năm|qua|tính đến|tính từ|riêng|tại|ở)(?!\w)")
# A clause with a period of its own keeps it alone.
_OWN_SCOPE = re.compile(r"(?i)(?<!\w)(?:trong|từ|năm|tháng|qua|tính đến|tại)\s+\S")


def _first_clause_scope(first: str) -> str:
    opener = LEADING_OPENERS.match(first)
    rest = first[opener.end() :] if opener else first
    pieces: list[str] = []
    for piece in rest.split(","):
        piece = piece.strip()
        if not _SCOPE_PIECE.match(piece) or word_count(piece) > 10 or "bao nhiêu" in piece:
            break
        pieces.append(piece)
    if not pieces or len(pieces) == len(rest.split(",")):
        return ""  # all scope and no clause: not an opener
    scope = ", ".join(pieces)
    return scope[:1].upper() + scope[1:]


# "Được biết, ...": the writer's aside; alone on a quiz it reads as a slip ("Riêng ..." stays: it
# scopes what follows, "Riêng Quảng Nam, ...").
# "Nổi bật là 3 cán bộ nữ ...", "Điển hình, đầu năm 2021, ...": the article's way into an example,
# which a stem on its own does not need (both readers: unnatural as a question).
_ASIDE_OPENER = re.compile(r"^(?:Được biết|Nổi bật là|Điển hình(?: là)?)\s*,?\s+(?=\S)")
_QUESTION_WORDS = re.compile(r"(?<!\w)(?:nào|ai|bao nhiêu|đâu|gì|_____)(?!\w)")


_RELEASED_BY = re.compile(RELEASE_FRAME)


# "Một số kết quả nổi bật: qua Cửa khẩu ...": a list's lead-in, not part of the fact (fresh57).
_LEAD_IN = re.compile(
    r"^(?:(?:Một số|Các|Những)\s+)?(?:kết quả|thành tích|nội dung|điểm|hoạt động|số liệu)"
    r"(?:\s+[^\s:,?]+){0,3}\s*:\s+(?=\S)"
)


# "Số liệu do ... báo cáo tại hội nghị cho thấy: trong giai đoạn ...": a report's frame before the
# figures it gives; "... báo cáo tại hội nghị cho thấy?": the frame left with nothing after it
# (both fresh58 readers).
_REPORT_FRAME = re.compile(
    r"^(?:Số liệu|Báo cáo|Kết quả|Thống kê)\b[^:?]{0,260}?(?:cho thấy|nêu rõ|cho biết):\s+(?=\S)"
)
_FRAME_LEFT = re.compile(r"\s+(?:cho thấy|nêu rõ)\s*(?=\?$|$)")


def _finish(stem: str, ministry: str | None, question: bool = True) -> str:
    opener = (
        LEADING_OPENERS.match(stem.strip())
        or _ASIDE_OPENER.match(stem.strip())
        or _LEAD_IN.match(stem.strip())
        or _REPORT_FRAME.match(stem.strip())
    )
    if opener and not _QUESTION_WORDS.search(opener.group(0)):  # never drop the question itself
        stem = stem.strip()[opener.end() :]
    stem = _FRAME_LEFT.sub("", stem)
    if ministry:
        # Only a "Bộ" standing alone ("40 lãnh đạo của Bộ", "Bộ đã ..."), never "Bộ trưởng", "Bộ đội".
        # "Trung đoàn CSCĐ Trung Bộ đã ...": after a capitalised word "Bộ" ends a region's name.
        stem = re.sub(
            r"(?<!\w)(?P<before>\S+\s+)?Bộ(?=\s+(?:của|đã|đang|sẽ|được|và|cũng|có|là|nhằm|trong|tại|với|cho)\b|[,.?]|$)",
            lambda m: (
                m.group(0)
                if m.start() > 0 and (m.group("before") or "")[:1].isupper()
                else f"{m.group('before') or ''}{ministry}"
            ),
            stem,
        )
    # "Quảng TrịTrong gần 12 tháng, ...": a dateline glued to the sentence is read before unglue
    # parts the two (fresh63, both readers: "Quảng Trị Trong bao nhiêu tháng").
    stem = re.sub(r"\s+", " ", unglue(strip_dateline(stem))).strip().rstrip(".,;:?/ ")  # "buôn lậu./": debris
    # "do ai, và ông X", "và ai, đồng chủ trì": the comma closed the apposition the answer took.
    stem = re.sub(r"(?<!\w)(ai|nào),\s+(?=(?:và|cùng|đồng|đã|sẽ|đang|làm|chủ trì|ký)(?!\w))", r"\1 ", stem)
    # "bổ nhiệm ai, giữ chức ...": the same for the post an appointee takes; not after "ủy ban nào",
    # whose comma closes a former post and keeps it apart from the new one.
    stem = re.sub(r"(?<!\w)ai,\s+(?=(?:giữ chức|về nhận|đảm nhiệm)(?!\w))", "ai ", stem)
    # "bắt giữ ai, khi người này đang vận chuyển ...": the age and home the comma closed went with the
    # answer; the time clause is the arrest's own, which a cut at the comma would lose.
    stem = re.sub(r"(?<![Tt]heo )(?<!\w)ai,\s+(?=(?:khi|lúc)\s)", "ai ", stem)
    stem = stem[:1].upper() + stem[1:]
    return stem + ("?" if question else ".")


def _trim_after(after: str) -> str:
    """Drop trailing subordinate clauses, unless a reporting verb makes them what is reported."""
    if _REPORTING_VERBS.search(" " + after):
        # After "nhấn mạnh", "cho biết"... the rest is what was said: keep an inner aside
        # (", trong đó có X,") and cut only the commentary that follows it.
        return re.sub(r",\s*(?:đánh dấu|thể hiện|góp phần|qua đó|từ đó|trong đó (?!có\s))\s*.*$", "", after)
    return _TRAILING_CLAUSES.sub("", after)


def build_stem(fact: Fact, ministry: str | None) -> str:
    """The mcq/short-answer stem for ``fact``."""
    if fact.template:
        return _finish(fact.template, ministry)
    text, start, end = _clause_window(fact.sentence.text, fact.start, fact.end)
    if fact.context:
        text = f"{fact.context} {text[:1].lower()}{text[1:]}"
        start += len(fact.context) + 1
        end += len(fact.context) + 1
    if fact.move_to_end:
        rest = text[:start] + text[end:].lstrip(" ,")
        rest = _trim_after(rest)
        return _finish(f"{rest.rstrip(' ./…')} {fact.qphrase}", ministry)  # "lớn.../": page debris
    before, after = text[:start], text[end:]
    # "thành lập văn phòng nào (Văn phòng Thường trực)?": a bracket after the asked span glosses
    # the answer (its short name, acronym or country) and would give it away.
    after = re.sub(r"^\s*\([^()]{1,60}\)", "", after)
    after = _trim_after(after)
    # "lên tới bao nhiêu kg, gồm 1 kg ... cùng 2.000 viên nặng 1,09 kg?": the parts add up to the total.
    after = re.sub(r"^,\s*gồm\s.*$", "", after)
    # "phối hợp cùng X (UN Women), đã tổ chức": the comma closed X's apposition; with X gone it dangles.
    after = re.sub(r"^,\s+(?=(?:đã|đang|sẽ|vừa|cùng|tổ chức)\s)", " ", after)
    stem = f"{before}{fact.qphrase}{after}"
    return _finish(stem, ministry)


def build_statement(fact: Fact, replacement: str, ministry: str | None) -> str | None:
    """The fact's clause as a statement, with ``replacement`` in the fact's place (true/false)."""
    if fact.template:
        return None
    text, start, end = _clause_window(fact.sentence.text, fact.start, fact.end)
    original = text[start:end]
    if fact.fact not in original:
        return None
    piece = original.replace(fact.fact, replacement, 1)
    after = _trim_after(text[end:])
    return _finish(f"{text[:start]}{piece}{after}", ministry, question=False)


def build_cloze(fact: Fact, ministry: str | None) -> str | None:
    """The fact's clause with the answer blanked."""
    if not fact.cloze_ok or fact.template:
        return None
    text, start, end = _clause_window(fact.sentence.text, fact.start, fact.end)
    original = text[start:end]
    if fact.answer not in original:
        return None
    piece = original.replace(fact.answer, BLANK, 1)
    after = _trim_after(text[end:])
    return _finish(f"{text[:start]}{piece}{after}", ministry, question=False)


# --- finishing: the stem a trainer would print ------------------------------------------------

# Syllables. Readers want what the fact happened in: in blind paired tests stems cut at 38 were
# accepted 51% against 32% cut at 30 (pair38), at 45 64% against 51% at 38 (pair45). The cuts that
# mend a stem rather than shorten it (a leading purpose, a list after the asked item) run whatever
# its length.
MAX_STEM_WORDS = 45
HARD_MAX_STEM_WORDS = 50
# A stem that no cut brings within HARD_MAX_STEM_WORDS is still asked up to this length: one long
# clause ("Công an TPHCM nhận được công điện ... về việc tiếp nhận bao nhiêu công dân ...?") reads
# as a question, and judges accepted stems of 40 to 44 words as often as of 25 to 29 (40% and 39%).
LONGEST_STEM_WORDS = 55
# Event nouns that "này"/"trên" point back to; resolved by anchoring the stem in the article.
_EVENT_NOUNS = (
    r"sự kiện|hội nghị|hội thảo|khóa tập huấn|khóa học|khóa|lớp tập huấn|lớp học|lớp|chương trình|buổi lễ|"
    r"lễ|buổi làm việc|buổi tiếp|cuộc gặp|chuyến thăm|chuyến công tác|kế hoạch|đề án|dự án|hoạt động|"
    r"đợt|cuộc thi|diễn đàn|đoàn|giải|phong trào|chiến dịch|quyết định|văn bản|hiệp định|"
    r"thỏa thuận|bản ghi nhớ|tọa đàm|hội nghị trực tuyến"
)
# "trên" points back only where no place follows it: "hoạt động trên địa bàn" is a place.
_EVENT_DEMONSTRATIVE = re.compile(
    rf"(?i)(?<!\w)({_EVENT_NOUNS})\s+(?:này|nói trên|đó|trên(?=\s*(?:[,.;:?!)]|$)|\s+(?:đã|đang|sẽ|được|là|"
    r"có|của|diễn ra|với|nhằm|tại|vào|do)(?!\w)))(?!\w)"
)
_BARE_DEMONSTRATIVE = re.compile(r"(?i)^(?:đây|đó|điều này|việc này|như vậy)\s")
# "ở đây" and "chúng" (the suspects) point back as "này" does: "lực lượng đang làm nhiệm vụ ở đây",
# "chúng chuyển sang chở vàng thuê" (both readers: nothing to point to).
_OTHER_DEMONSTRATIVE = re.compile(
    r"(?i)(?<!\w)(?:này|(?:nói|nêu|kể) trên|ở đây|chúng(?!\s+(?:ta|tôi|mình)))(?!\w)"
)
# "do hai đơn vị trên phối hợp tổ chức": the bodies a sentence before named (both fresh66 readers);
# unlike "các đối tượng nêu trên" below, the stem does not read without the pointer.
_ABOVE_REFERENCE = re.compile(
    r"(?<!\w)(?:hai|ba|các|những|\d+)\s+(?:đơn vị|cơ quan|tổ chức|bên|lực lượng|tỉnh|nước)\s+trên"
    r"(?=\s*[,.?;]|\s+(?:phối hợp|đã|cùng|tổ chức|và|đều)(?!\w))"
)
# "bắt giữ các đối tượng nêu trên": the people or goods the article listed before; the stem reads
# as well without the pointer (readers: "'nêu trên' dangling").
_LISTED_ABOVE = re.compile(
    r"(?<=\w)(?P<noun>\s(?:các |những |\d+ )?(?:đối tượng|bị can|nghi phạm|nạn nhân|người|vụ việc|vụ án|"
    r"hành vi|số tiền|số hàng|hàng hóa|tang vật|phương tiện|sản phẩm))\s(?:nói|nêu|kể) trên(?!\w)"
)
# "Vì những lỗi này, tài xế T. nhận mức phạt ...", "Với vi phạm này, ...", "Cũng liên quan đến loại tội
# phạm này, PC02 đã triệt phá ...": an opening frame that points back at the sentence before; the
# clause after it says the fact on its own.
_BACK_FRAME = re.compile(
    r"^(?:Cũng\s+)?(?:[Vv]ì|[Vv]ới|Do|Từ|Qua|Sau|[Ll]iên quan (?:đến|tới)|Đối với)\s+(?:những\s+|các\s+)?"
    r"[^,?]{1,30}?\s+này,\s+(?=\S)"
)
_THIS_PROVINCE = re.compile(r"(?<!\w)tỉnh này(?!\w)")
_ANCHOR = "Theo bài báo, "
_TIME_ASKED_INSIDE = re.compile(
    r",\s*((?:vào )?(?:(?:sáng|chiều|tối) )?(?:thời gian|những ngày|ngày|thời điểm|tháng|năm) nào),\s+(?=\w)"
)
# Appositive title left behind where a name became "ai": "Ai, Giám đốc Công an tỉnh X khẳng định".
_LEFT_APPOSITION = re.compile(
    # "và phòng, chống ..." is the body's name going on, not the end of the title.
    rf"(?<!\w)([Aa]i)\s*[,–-]?\s+(?=[{UPPER}])[^,?]{{2,90}}?"
    rf"(?:\s*[,–-](?!\s*(?:chống|chữa cháy|cứu hộ)(?!\w))\s*|\s+(?=(?:đã|đang|sẽ|cho biết|"
    r"khẳng định|nhấn mạnh|phát biểu|chủ trì|trao|tiếp|dự|chỉ đạo|đề nghị|yêu cầu)\b))"
)
_ORG_WORD = re.compile(
    r"(?<!\w)(?:Bộ|Cục|Công an|Ủy ban|UBND|Học viện|Sở|Phòng|Vụ|Viện|Ban|Đại sứ quán)(?!\w)(?!\s+trưởng)"
)
_OFFICE_KINDS = ("holder_of", "title_of", "rank_of")
# A short stem about someone's part in an event that it does not name.
_AT_AN_EVENT = re.compile(
    rf"(?i)^(?!.*(?<!\w)(?:{_EVENT_NOUNS}|tại|buổi)(?!\w))"
    r".*(?<!\w)(?:phát biểu|chủ trì|chỉ đạo|khai mạc|bế mạc|dự)(?!\w)[^?]*\?$"
)

# "Ai đồng chủ trì?", "Ai đến dự?": a question word and a verb or two, and no name of what.
_UNPLACED_WHO = re.compile(rf"^Ai(?:\s+[{LOWER}][^\s?]*){{1,5}}\?$")


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


# A road or its stretch: "trên tuyến ...", "đoạn qua ...", "Km 12".
_ROAD = r"(?:đoạn (?:qua|thuộc|đi qua)|km\s?\d|trên (?:tuyến|đường|đoạn|quốc lộ|tỉnh lộ|cao tốc))"
_ADVERBIAL_START = re.compile(
    r"(?i)^(?:ngày|sáng|chiều|tối|trưa|đêm|tại|trong|sau|trước|theo|về|từ|kể từ|vào|qua|năm|tháng|thời gian|"
    r"hiện nay|đồng thời|ngoài ra|bên cạnh đó|nhân dịp|nhân chuyến|nhân kỷ niệm|khi|nếu|để|nhằm|bên lề|"
    r"trong khuôn khổ|suốt|lúc|"
    # "đoạn qua bản Tó Khò, xã Mù Cả, tỉnh Lai Châu, tổ công tác ... bắt quả tang": where on a road.
    rf"{_ROAD}|"
    # "3 năm trở lại đây, hoạt động của tội phạm ... có diễn biến phức tạp": a period, not a subject.
    r"(?:\d+|bao nhiêu|mấy)\s+(?:năm|tháng|tuần)\s+(?:trở lại đây|gần đây|qua))\b"
)
# A clause that only reports ("Phòng Cảnh sát ... thông báo"): the event is in what it reports.
_ONLY_REPORTS = re.compile(
    r"(?i)(?:thông báo|cho biết|khẳng định|nhấn mạnh|chia sẻ|nói|phát biểu|cho thấy|nhận định)\s*[,:]?"
    r"(?:\s*(?:thời gian|năm|tháng)\s+(?:qua|tới)\s*,?)?\s*$"
)


# A comma that separates pieces of a sentence; not the one in "phòng, chống" (a fixed pair), nor
# the one inside a body's name: "Ban ... và công tác Gia đình, Trẻ em CATP".
# "17 huyện, thị xã, thành phố": levels listed after one count are one noun, not two pieces
# (fresh57: "bao nhiêu huyện?" for 17 districts, towns and cities together).
_PIECE_SPLIT = re.compile(
    r"(?<=[;:])\s+|(?<!phòng,)(?<!Phòng,)(?<!tổ chức,)(?<=,)\s+(?![Tt]rẻ em\b)"
    r"(?!(?:thị xã|thành phố|thị trấn|quận|huyện|phường|xã)(?:,|\s+và\s|\s*[?.]|$))"
)


_LIST_TAIL = re.compile(r"^(?:[^\s,]+\s){0,3}?[^\s,]+(?:,|\s(?:và|hoặc)\s)")


# A department ("Cục Đối ngoại") and, after a comma, the ministry or police it belongs to.
_DEPARTMENT = (
    rf"(?:Cục|Vụ|Phòng|Văn phòng|Viện|Học viện|Trường|Tổng cục|Ban|Trung tâm|Bộ Tư lệnh|Bệnh viện)"
    rf"\s+[{UPPER}][^\s,]*(?:\s+[^\s,]+){{0,5}},"
)
_PARENT = rf"(?:Bộ|Tổng cục|Công an|UBND|Ủy ban nhân dân)\s+[{UPPER}]"
_PARENT_AFTER_BODY = re.compile(rf"^{_DEPARTMENT}\s+{_PARENT}")
# "Cục Đối ngoại, | Bộ Công an đã ...", and inside a longer piece, "Hội thảo ... do Cục Đối ngoại, |
# Bộ Công an cùng UN Women tổ chức": the department and its ministry are one name.
_BODY_AT_END = re.compile(rf"(?<!\w){_DEPARTMENT}$")
_PARENT_START = re.compile(rf"^{_PARENT}")


_PROVINCE_AFTER_PLACE = re.compile(
    rf"(?:huyện|quận|thị xã|thành phố|TP\.?|xã|phường)\s+(?:[{UPPER}]\S*(?:\s[{UPPER}]\S*)*|nào),$"
)  # "công an huyện nào, | tỉnh Lạng Sơn vẫn đang ...": the asked district, with its province


def _opens_with_province(piece: str) -> bool:
    words = re.sub(r"^(?:tỉnh|thành phố|TP\.?)\s+(?=[A-ZĐ])", "", piece).split()
    return any(is_place(" ".join(words[:k])) for k in (3, 2, 1) if len(words) > k)


# "Cục Cảnh sát phòng cháy, | chữa cháy và cứu nạn, | cứu hộ", "Ngày Toàn dân phòng cháy, | chữa
# cháy": inside a body's or a day's name the pair is the name's, which no stem may cut.
_FIRE_NAME_END = re.compile(r"(?:Cảnh sát|Toàn dân) phòng cháy(?:, chữa cháy và cứu nạn)?,$")


def _pieces(body: str, sentence: SentenceAnalysis | None = None) -> list[tuple[str, bool]]:
    """Comma-separated pieces of ``body``, each with whether the toolkit finds a verb in it.

    A piece copied from the fact's sentence reads its verbs off the sentence's analysis (done
    once); only a piece the stem builder wrote itself is analysed on its own.
    """
    raw: list[str] = []
    for piece in _PIECE_SPLIT.split(body):
        # "(C06, Bộ Công an)": a comma inside brackets or quotes separates nothing.
        if raw and (raw[-1].count("(") > raw[-1].count(")") or raw[-1].count('"') % 2 == 1):
            raw[-1] = f"{raw[-1]} {piece}"
        else:
            raw.append(piece)
    for i in range(len(raw) - 1, 0, -1):
        if _PROVINCE_AFTER_PLACE.search(raw[i - 1]) and _opens_with_province(raw[i]):
            # "Công an huyện Ngọc Hồi, | Kon Tum cho biết": the province ends the district's name.
            raw[i - 1 : i + 1] = [f"{raw[i - 1]} {raw[i]}"]
        elif _BODY_AT_END.search(raw[i - 1]) and _PARENT_START.match(raw[i]):
            raw[i - 1 : i + 1] = [f"{raw[i - 1]} {raw[i]}"]
    merged: list[str] = []
    for piece in raw:
        joined = f"{merged[-1]} {piece}" if merged else ""
        at = len(merged[-1]) - 1 if merged else 0
        # "phụ nữ, hòa bình và an ninh": a list's items are one piece, not clauses.
        # Not "phòng cháy, | chữa cháy" in running text: an activity's pair, which a long stem may cut.
        inside = COMMA_IN_NAME.match(joined, at) and (
            not re.match(r"(?:chữa cháy|cứu hộ)(?!\w)", piece) or _FIRE_NAME_END.search(merged[-1])
        )
        if merged and (LISTED_IN_NAME.match(joined, at) or inside):
            merged[-1] = joined  # "vấn đề Phụ nữ, | Hòa bình và An ninh": one name, even with "ai" before
        elif merged and _PARENT_AFTER_BODY.match(piece):
            merged.append(piece)  # "..., Cục Đối ngoại, Bộ Công an đã": a name, not a list's tail
        elif (
            merged
            and _LIST_TAIL.match(piece)
            and not _QUESTION_WORDS.search(merged[-1])
            # "trong chuyến thăm và làm việc tại Lào": an adverbial, not a list's next item
            and not re.match(r"(?:trong|tại|ở|theo|sau|trước|khi|nhằm|để)\s", piece)
        ):
            merged[-1] = f"{merged[-1]} {piece}"
        elif merged and _verb_pair(merged[-1], piece, sentence):
            merged[-1] = f"{merged[-1]} {piece}"  # "đã kiểm tra, | xử lý 680 trường hợp": one object
        else:
            merged.append(piece)
    return [(piece, _has_verb(piece, sentence)) for piece in merged]


def _edge_verb(piece: str, sentence: SentenceAnalysis | None, last: bool) -> bool:
    """Whether ``piece`` (copied from ``sentence``) ends (``last``) or starts with a verb."""
    core = piece.strip(" ,;:?.")
    # Only the edge's words are looked up: the rest of a piece may hold the question word in the
    # answer's place ("có bao nhiêu thành viên với các hoạt động nghi vấn mua").
    words = core.split()
    core = " ".join(words[-3:] if last else words[:3])
    at = -1
    if sentence is not None and core:
        # At the comma the piece was cut at: "bán" is the one of ", bán," not of "Group mua bán data".
        cut = rf"{re.escape(core)}(?=\s*[,;:])" if last else rf"(?<=[,;:]\s){re.escape(core)}"
        for pattern in (re.escape(core), cut):
            found = [m.start() for m in re.finditer(pattern, sentence.text)]
            if len(found) == 1:  # a phrase said twice: which one, unknown
                at = found[0]
                break
    if sentence is None or at < 0:
        return False
    inside = [t for t in sentence.tokens if t.start >= at and t.end <= at + len(core)]
    if not inside:
        return False
    edge = inside[-1] if last else inside[0]
    return edge.pos == "V" and edge.text[:1].islower()


def _verb_pair(before: str, piece: str, sentence: SentenceAnalysis | None) -> bool:
    """ "lực lượng CSGT đã kiểm tra, xử lý 680 trường hợp": two verbs over a comma share the object
    after the second; cut between them, the first is left without it."""
    return (
        piece[:1].islower()
        and word_count(piece) <= 10  # a long second clause is a clause of its own, cut if need be
        and not _ADVERBIAL_START.match(piece)
        and _edge_verb(before, sentence, last=True)
        and _edge_verb(piece, sentence, last=False)
    )


@functools.lru_cache(maxsize=4096)
def _body_spans(sentence: SentenceAnalysis) -> tuple[tuple[int, int], ...]:
    """Where the sentence names a body: "điều tra" in "Cục Cảnh sát điều tra tội phạm về ma túy" is
    part of the name, not the clause's verb."""
    tokens = sentence.tokens
    spans = []
    for m in body_head_re().finditer(sentence.text):
        i = next((k for k, t in enumerate(tokens) if t.start >= m.end()), None)
        if i is None or m.start() not in sentence.starts or not tokens[i].text[:1].isupper():
            continue
        end_i = lower_tail(tokens, name_end(tokens, i, sentence.text, set()))
        if end_i > i:
            spans.append((m.start(), tokens[end_i - 1].end))
    for k, t in enumerate(tokens[:-1]):
        # "Trưởng phòng Cảnh sát điều tra tội phạm về ma túy": the chief's title holds the body's
        # head in lower case, so the name after it is read from the next word on.
        if _CHIEF_OF.fullmatch(t.text) and tokens[k + 1].text[:1].isupper():
            end_i = lower_tail(tokens, name_end(tokens, k + 1, sentence.text, set()))
            if end_i > k + 1:
                spans.append((t.start, tokens[end_i - 1].end))
    return tuple(spans)


_CHIEF_OF = re.compile(r"(?:Phó\s+)?[Tt]rưởng\s+(?:phòng|ban|khoa|trạm)")


def _verbs(sentence: SentenceAnalysis) -> list[Token]:
    """The sentence's lower-case verbs, less the tagger's slips inside a capitalised name ("Chủ
    tịch" split after a hyphen, "tịch" tagged a verb) and the verbs inside a body's name."""
    out = []
    bodies = _body_spans(sentence)
    for i, t in enumerate(sentence.tokens):
        if t.pos != "V" or not t.text[:1].islower():
            continue
        if any(a < t.start and t.end <= b for a, b in bodies):
            continue
        prev = sentence.tokens[i - 1] if i else None
        if prev is not None and prev.text[:1].isupper() and " " not in t.text and t.start - prev.end <= 1:
            continue
        if _listed_noun(sentence.tokens, i):
            continue
        out.append(t)
    return out


def _listed_noun(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether the verb at ``i`` stands alone between commas in a run of nouns ("lãnh đạo, chỉ
    huy, cán bộ, chiến sỹ"): an item of the list, not the clause's verb."""
    if i < 2 or i + 2 >= len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if before.text != "," or after.text not in (",", "và"):
        return False
    return tokens[i - 2].pos in ("N", "Nc") and tokens[i + 2].pos in ("N", "Nc")


def _has_verb(piece: str, sentence: SentenceAnalysis | None) -> bool:
    core = piece.strip(" ,;:?.")
    if sentence is not None and core:
        at = sentence.text.find(core)
        if at >= 0:
            end = at + len(core)
            return any(t.start >= at and t.end <= end for t in _verbs(sentence))
        # A piece the stem builder changed ("ai" in place of a name): the sentence's verbs that
        # it still holds, word for word.
        return any(word_re(t.text).search(core) for t in _verbs(sentence))
    return any(t.pos == "V" for t in analyse(core).tokens) if core else False


# A piece that continues the clause before it: lower case, and no conjunction opening a new clause.
_GOES_ON = re.compile(
    rf"^(?!(?:dù|mặc dù|nhưng|song|tuy|khi|nếu|vì|bởi|do|trong đó|đồng thời)(?!\w))[{LOWER}]"
)


def _agent_only(piece: str, sentence: SentenceAnalysis | None) -> bool:
    """Whether ``piece`` ends in a passive's agent without its verb ("đã được Công an các huyện"),
    which a later comma-separated piece holds."""
    # "bị can", "bị cáo", "bị hại": nouns, not a passive's marker.
    passive = re.search(r"(?<!\w)(?:được|bị(?!\s+(?:can|cáo|hại)(?!\w)))\s+(?=\S)(.*)$", piece)
    if passive is None or sentence is None:
        return False
    # Any verb the tagger saw counts here, even one read as part of a name ("Bộ trưởng Công an
    # tặng bằng khen"): a piece is held back only when plainly verbless.
    return not any(
        t.pos == "V" and t.text[:1].islower() and word_re(t.text).search(passive.group(1))
        for t in sentence.tokens
    )


# A period that opens the sentence: "Trong 4 ngày nghỉ lễ 2/9", "Năm 2019", "Từ đầu năm đến nay".
_PERIOD_PIECE = re.compile(
    r"(?i)^(?:trong|năm|từ|qua|tính đến|tính từ)\s+(?=[^,]*(?:\d|năm|tháng|quý|ngày|tuần|nay))[^,]{2,60},?$"
)


# "do ngài Samdech Krolahom Sar Kheng, Phó Thủ tướng, ... dẫn đầu": an agent named by "do" whose
# verb stands after its titles. Cut with the titles, the verb leaves "do ngài X?" with nothing done.
_AGENT_NAMED = re.compile(
    rf"(?<!\w)do\s+(?:(?:ngài|ông|bà|đồng chí)\s+)?[{UPPER}][\w'-]*(?:\s+[{UPPER}][\w.'-]*)+"
)
_LEAD_WORDS = r"dẫn đầu|làm [Tt]rưởng đoàn"
_AGENT_VERB = re.compile(rf"(?<!\w)(?:{_LEAD_WORDS}|cầm đầu|chủ trì|đứng đầu|điều khiển|cầm lái)(?!\w)")
_AGENT_ENDS = re.compile(r"\s*(?:\?|,|ở đâu|vào |tại |trong )")


_SAME_DAY = re.compile(r"(?i)(?<!\w)(sáng|chiều|tối|trưa|đêm)\s+cùng ngày(?!\w)")
_OPENING_DAY = re.compile(r"^\W*[Nn]gày\s+(\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?),")


def _resolve_same_day(stem: str, source: str) -> str:
    """ "Ngày 27.12, X cho hay, sáng cùng ngày, ...": with the report's day cut from the stem,
    "sáng cùng ngày" points at nothing; it becomes "sáng 27.12" (both fresh40 readers)."""
    day = _OPENING_DAY.match(strip_dateline(source))
    m = _SAME_DAY.search(stem)
    if day is None or m is None or day.group(1) in stem:
        return stem
    return f"{stem[: m.start()]}{m.group(1)} {day.group(1)}{stem[m.end() :]}"


def _restore_agent_verb(stem: str, source: str) -> str:
    """ "... do ngài X?" back to "... do ngài X dẫn đầu?" when the sentence gives the verb after
    X's titles, with nothing between but those titles (no other clause, no second "do")."""
    for m in reversed([*_AGENT_NAMED.finditer(stem)]):
        if not _AGENT_ENDS.match(stem, m.end()):
            continue
        at = source.find(m.group(0))
        if at < 0:
            continue
        verb = _AGENT_VERB.search(source, at + len(m.group(0)))
        if verb is None:
            continue
        between = source[at + len(m.group(0)) : verb.start()]
        if len(between.split()) > 25 or re.search(r"(?<!\w)(?:do|đã|đang|sẽ|vừa|và)(?!\w)|[.;?]", between):
            continue
        rest = stem[m.end() :]
        titles = re.match(r",[^,?]*\?$", rest)
        if titles and titles.group(0)[1:].rstrip("?").strip() in between:
            rest = "?"  # "do ngài X, Phó Thủ tướng?": the cut left a title, which the verb now closes
        stem = f"{stem[: m.end()]} {verb.group(0)}{rest}"
    return stem


# "..., tỉnh Vân Nam (Trung Quốc) trao trả": a list item may be a place named by its kind.
_ADMIN_WORD = r"(?:tỉnh|huyện|thành phố|quận|thị xã|xã|phường)"
_PLACE_FIRST = re.compile(rf"{_ADMIN_WORD}\s+[{UPPER}]")  # "tỉnh Cà Mau đã ghi nhận ...", "tỉnh Vân Nam ..."
_PASSIVE_CUT = re.compile(rf"(?<!\w)được\s+[^?,]*[{UPPER}][^?]*\?$")


def _restore_passive_verb(stem: str, source: str) -> str:
    """ "... được đại diện lãnh đạo Bộ Công an, Tỉnh ủy?" back to "... được đại diện lãnh đạo Bộ
    Công an, Tỉnh ủy, UBND tỉnh Điện Biên trao thưởng?": the cut at a comma inside the list of those
    who acted took their verb with it (both readers: "trao thưởng" is lost)."""
    m = _PASSIVE_CUT.search(stem)
    if m is None or _QUESTION_WORDS.search(m.group(0)):
        return stem
    tail = m.group(0)[:-1]
    at = source.find(tail)
    if at < 0:
        return stem
    after = at + len(tail)
    rest = re.match(
        rf"((?:,\s+(?:{_ADMIN_WORD}\s+)?[{UPPER}][^,.;]*?)*)\s+((?:[{LOWER}]+\s?){{1,3}}?)"
        rf"(?=\s+(?:vì|để|nhằm|về|do|trong|vào|tại|từ|ngày|hôm)\s|[,.;]|$)",
        source[after:],
    )
    if rest is None or not rest.group(1):
        return stem  # the verb was not cut, or the agents are not a list of names
    start, end = after + rest.start(2), after + rest.end(2)
    if not any(t.pos == "V" and start <= t.start < end for t in analyse(source).tokens):
        return stem
    return f"{stem[:-1]}{rest.group(0)}?"


# The last item of a list: "HĐND các cấp nhiệm kỳ 2026-2031 và Tết Nguyên đán Bính Ngọ 2026".
_LIST_END = re.compile(r"^(?:và\s|[^,]{0,60}\svà\s[^,]{0,60}$)")


def _list_goes_on(pieces: list[tuple[str, bool]], start: int) -> bool:
    """Items from ``start`` that end in a list's last ("..., | Lễ kỷ niệm ... | và Tết ..."). An item may
    look like a verb to the tagger ("kỷ niệm", "bầu cử", "kỳ thi") but carries no tense."""
    for piece, verb in pieces[start:]:
        if verb and (_TENSE.search(piece) or word_count(piece) > 16):
            return False
        if _LIST_END.match(piece):
            return True
    return False


def _trim_to_clause(stem: str, limit: int = MAX_STEM_WORDS, sentence: SentenceAnalysis | None = None) -> str:
    """The main clause's head and the piece holding the question word, within ``limit`` words.

    Comma-separated pieces: the first piece with a verb that is not a leading time or place
    adverbial (the subject and verb), the piece with the question word, then the pieces nearest
    to it (left first: list items and commentary after the fact go first). Verbless pieces before
    the head (a speaker's titles) are left out.
    """
    if word_count(stem) <= limit:
        return stem
    body = stem.rstrip("?.")
    end_mark = stem[len(body) :] or "?"
    pieces = _pieces(body, sentence)
    target = next((i for i, (p, _) in enumerate(pieces) if _QUESTION_WORDS.search(p)), None)
    if target is None:
        return stem
    keep = {target}
    total = word_count(pieces[target][0])
    head = next(
        (
            i
            for i, (p, verb) in enumerate(pieces[:target])
            if verb
            and not _ADVERBIAL_START.match(p)
            and not _LED_BY_END.search(p)
            and not _ADDRESS_START.match(p)
            # "Theo Thượng tá X, | Phó Trưởng Phòng An ninh mạng và phòng, chống tội phạm sử dụng
            # công nghệ cao, | ...": a source's post, whatever verb its body's name holds.
            and not (i > 0 and re.match(POST_HEAD, p) and re.match(r"Theo\s", pieces[i - 1][0]))
        ),
        None,
    )
    start = _list_start(pieces, target, sentence) if head is None and pieces[target][1] else target
    if start < target:
        # The question's own clause, its subject listed over commas before it: one piece.
        pieces[start : target + 1] = [(" ".join(p for p, _ in pieces[start : target + 1]), True)]
        target = start
        keep = {target}
        total = word_count(pieces[target][0])
    if head is not None:
        subjected = with_subject(pieces, head, sentence)
        if subjected != pieces[head][0] and head != target:
            # The subject's piece replaces the apposition-led head: "X, Thống lĩnh ..., đã dự lễ".
            pieces[head] = (subjected, True)
    led_by = any(_GROUP_SUBJECT.match(p) for p, _ in pieces[:target])
    apposed = led_by and pieces[target][0][:1].isupper()
    # "..., dẫn đầu, đã làm việc"; "Nhật là đối tượng ..., bị Công an huyện ... truy nã": a passive too
    bare = re.match(r"(?:đã|đang|sẽ|vừa|bị)\s", pieces[target][0]) is not None
    # "Đoàn ... do Đại tướng X, | Ủy viên ..., | Bộ trưởng ... dẫn đầu đã hội đàm với ... do ai dẫn đầu":
    # a head too long to keep beside the question piece leaves it opening on a title; its subject
    # takes the title's place instead.
    too_long = head is not None and total + word_count(pieces[head][0]) > HARD_MAX_STEM_WORDS
    if (head is None or (too_long and apposed)) and pieces[target][1] and (apposed or bare):
        # "..., đoàn ... do X, Ủy viên ..., Thứ trưởng ... dẫn đầu đã làm việc với ai": the question's
        # own piece is the head, opened by an apposition its subject must replace.
        subjected = with_subject(pieces, target, sentence)
        if subjected != pieces[target][0]:
            pieces[target] = (subjected, True)
            total = word_count(subjected)
            head = target  # what stood between the subject and its verb is left out
    if head is not None and total + word_count(pieces[head][0]) <= HARD_MAX_STEM_WORDS:
        keep.add(head)  # without its subject and verb the question piece means nothing
        total += word_count(pieces[head][0])
    if head is not None and head not in keep and _PLACE_FIRST.match(pieces[target][0]) is not None:
        # "..., | tỉnh Vân Nam trao trả vào thời gian nào": the place names the last body of the
        # clause before; without it "Tỉnh Vân Nam trao trả" reads as the doer and loses the object.
        return stem
    first_allowed = head if head is not None else 0
    if head is None and pieces[target][1] and _PLACE_FIRST.match(pieces[target][0]):
        # "Công an tỉnh Cà Mau, | kể từ đầu năm tới nay, | tỉnh Cà Mau đã ghi nhận bao nhiêu ...":
        # the question's clause has its own subject; only the adverbials right before it belong.
        first_allowed = target
        while first_allowed > 0 and _ADVERBIAL_START.match(pieces[first_allowed - 1][0]):
            first_allowed -= 1
    # "Đoàn ... do X, Thứ trưởng ... làm Trưởng đoàn đã thăm, làm việc từ ngày nào": a question piece
    # that opens in lower case goes on from the piece before it, so what stands between it and the
    # head stays as long as the stem can be asked at all.
    continued = head is not None and pieces[target][0][:1].islower()
    # "bao nhiêu cơ sở ... đã được Công an các huyện, | thành phố và Phòng ... kiểm tra": a passive
    # whose agent runs past the comma has its verb in a later piece, which the stem needs.
    agent_only = _agent_only(pieces[target][0], sentence)
    # "Sau vụ cháy ... vào thời gian nào, | TP Hồ Chí Minh đã khẩn trương rà soát ...": a question
    # asked inside a leading adverbial needs the main clause that follows it.
    needs_main = head is None and _ADVERBIAL_START.match(pieces[target][0]) is not None
    # "Sau bao nhiêu tháng ..., | trong đợt nghỉ phép ..., | các sĩ quan ... đã kể": a second
    # adverbial is no main clause, even with a verb of its own ("nghỉ").
    verb_at = (
        next(
            (
                j
                for j in range(target + 1, len(pieces))
                if pieces[j][1] and not (needs_main and _ADVERBIAL_START.match(pieces[j][0]))
            ),
            None,
        )
        if agent_only or needs_main
        else None
    )
    # Left of the question piece first, then right; each side stops at the first piece that does
    # not fit, so what is kept runs on from the question piece.
    left_cut = False
    skipped: set[int] = set()
    for side in (range(target - 1, first_allowed - 1, -1), range(target + 1, len(pieces))):
        for i in side:
            if i in keep:
                continue
            n = word_count(pieces[i][0])
            between = continued and head is not None and head < i < target
            bound = (
                HARD_MAX_STEM_WORDS if between or (verb_at is not None and target < i <= verb_at) else limit
            )
            if (
                needs_main
                and verb_at is not None
                and i < target
                and total + n + word_count(pieces[verb_at][0]) > HARD_MAX_STEM_WORDS
            ):
                left_cut = True
                break  # the main clause after the question goes before the adverbials left of it
            if (
                needs_main
                and verb_at is not None
                and target < i < verb_at
                and _ADVERBIAL_START.match(pieces[i][0])
                and total + n + word_count(pieces[verb_at][0]) > HARD_MAX_STEM_WORDS
            ):
                # A second adverbial gives way to the main clause after it ("Sau bao nhiêu tháng
                # ..., | các sĩ quan ... đã kể ...", without "trong đợt nghỉ phép ...").
                skipped.add(i)
                continue
            if total + n > bound:
                left_cut = left_cut or i < target
                break
            if left_cut and i > target and not _GOES_ON.match(pieces[i][0]):
                # With the left side cut, only the question clause's own continuation ("đã thăm, |
                # làm việc từ ngày ...") follows; a new item ("384 lượt ...") or clause ("dù ...") not.
                break
            keep.add(i)
            total += n
    last = max(keep)
    # A list cut short is dropped only after "<thing> nào," in a clause's object ("phục vụ đại hội
    # nào,"): after "ai," come the person's titles, after "bao nhiêu X," the rest of a tally, each
    # fine to cut at any item; an adverbial ("Từ đầu năm nào, | X sang Campuchia") or a frame ("xét
    # đề nghị của bộ nào, | Thủ tướng ... giao") goes on with its clause, not a list.
    opening = re.split(r"[:;]\s+", pieces[target][0])[-1]  # "Kết quả ... xác định: Từ đầu năm nào,"
    in_clause = (head is not None or pieces[target][1]) and not _ADVERBIAL_START.match(opening)
    while (
        in_clause
        and re.search(r"(?<!\w)nào,?$", pieces[target][0])
        and last > target
        and last + 1 < len(pieces)
        and last + 1 not in keep
        and word_count(pieces[last][0]) <= 8
        and not _ranked_name().match(pieces[last][0])
        and (not pieces[last][1] or _list_goes_on(pieces, last + 1))
    ):
        # "phục vụ đại hội nào, | bầu cử Quốc hội khóa XVI, | HĐND ... và Tết ...": a list cut after
        # its second item reads as if that item were asked too; the list goes with what follows.
        keep.discard(last)
        last = max(keep)
    if needs_main and verb_at is not None and verb_at not in keep:
        return stem  # the adverbial alone, its clause cut away: the length check decides on the whole
    if head is not None and any(_BARE_BACK_REFERENCE.search(pieces[i][0]) for i in keep):
        # "Riêng tại TP HCM, | Phòng CSGT Công an thành phố ...": the city is only in the scope.
        scope = next((i for i in range(head) if _AT_WORDS.search(pieces[i][0])), None)
        if scope is not None and total + word_count(pieces[scope][0]) <= HARD_MAX_STEM_WORDS:
            keep.add(scope)
            total += word_count(pieces[scope][0])
    if head is not None and head in keep and head != target and not any(i < head for i in keep):
        # "Trong 4 ngày nghỉ lễ 2/9, | lực lượng CSGT ... tước quyền ... bao nhiêu trường hợp": a
        # figure without the period it was counted over cannot be checked (readers' "no period").
        period = next((i for i in range(head) if _PERIOD_PIECE.match(pieces[i][0])), None)
        if period is not None and total + word_count(pieces[period][0]) <= HARD_MAX_STEM_WORDS:
            keep.add(period)
            total += word_count(pieces[period][0])
    # "Lê Xuân Chung, | sinh năm 1982 ... cùng Phạm Bá Quyền, | sinh năm 1990 ...": a piece that
    # brings in another party, cut from between, gives one person the other's facts; "điều động, |
    # bổ nhiệm đại tá Vũ Hồng Văn, | Giám đốc ... giữ chức vụ gì": one that names a person loses who
    # the clause is about.
    cut = [
        i
        for i in range(min(keep), max(keep))
        if i not in keep
        and (
            pieces[i][1]
            or _ANOTHER_PARTY.search(pieces[i][0])
            or _ranked_name(any_case=True).search(pieces[i][0])
        )
    ]
    if cut:
        # A clause with its own verb cut from between the kept pieces splices two clauses into
        # one that the article never wrote ("Công an tỉnh đã phát hiện, | trong đó xử phạt ... 41
        # trường hợp, yêu cầu nộp ..."): readers' first complaint on every split. The pieces run
        # on whole when they fit a stem. Too long for one, a cut modifier ("cứu hộ huy động nhiều
        # lực lượng") may still go; a cut clause (its own tense or subject) leaves the sentence to
        # the length check.
        whole = set(range(min(keep), max(keep) + 1))
        if sum(word_count(pieces[i][0]) for i in whole) <= LONGEST_STEM_WORDS:
            keep = whole
        elif any(
            _TENSE.search(pieces[i][0]) or pieces[i][0][:1].isupper() or _ANOTHER_PARTY.search(pieces[i][0])
            for i in cut
            if i not in skipped
        ):
            return stem
    # "Tính đến tháng 11 năm 2024, | Tính đến tháng 11 năm 2024 lực lượng ...": the head's subject
    # may already carry the period piece before it.
    said = {i: pieces[i][0].rstrip(", ") for i in keep}
    keep = {i for i in keep if i == target or not any(j != i and said[i] in pieces[j][0] for j in keep)}
    last = max(keep)
    if last > target and pieces[last][0].endswith(":") and last + 1 < len(pieces):
        keep.discard(last)  # "..., thuộc các lĩnh vực:" with its list cut away says nothing
    if not any(pieces[i][1] for i in keep):
        return stem  # no verb left: a fragment; the length check decides on the whole
    if left_cut and target - 1 not in keep and _list_item_before(pieces, target):
        return stem  # "cán bộ, | chiến sỹ lực lượng ... đã tham gia": the subject is the whole list
    kept = " ".join(pieces[i][0] for i in sorted(keep)).strip()
    kept = re.sub(r"[,;:]\s*$", "", kept)
    return kept[:1].upper() + kept[1:] + end_mark


_ANOTHER_PARTY = re.compile(rf"(?<!\w)cùng(?: với)?\s+[{UPPER}]")


def _list_item_before(pieces: list[tuple[str, bool]], target: int) -> bool:
    """Whether the question piece opens as the last item of a list of nouns cut away before it."""
    if target == 0 or not pieces[target][0][:1].islower() or _ADVERBIAL_START.match(pieces[target][0]):
        return False
    before, verb = pieces[target - 1]
    items = before.rstrip(", ").split(", ")  # a list's items were merged into one piece
    # Two short lower-case items ("chỉ huy, cán bộ"), not the place "Nam Sudan" ending an adverbial.
    return (
        not verb
        and all(
            word_count(item) <= 3 and item[:1].islower() and not _ADVERBIAL_START.match(item)
            for item in items[-2:]
        )
        and len(items) >= 2
    )


# A road or its stretch before who acted ("trên tuyến đường tránh TP Thanh Hóa (đoạn qua ...),").
_LEADING_ROAD = re.compile(
    rf"(?i)^{_ROAD}"
    r"(?:[^,()?]|\([^()]*\))*,\s+"
)
# Why, before who did what ("Nhằm thúc đẩy quan hệ ..., Đoàn ... đã thăm ...").
_LEADING_PURPOSE = re.compile(r"^(?:Nhằm|Để|Với mục tiêu|Hướng tới|Với mục đích)\s[^,?]*,\s*")
# "Dịp này, ...", "Nhân dịp này, ...": an opener pointing at the article's event; the stem
# stands without it.
_LEADING_OCCASION = re.compile(
    r"^(?:Nhân\s+)?(?:[Dd]ịp|[Ll]úc|[Kk]hi|[Tt]ại buổi|[Tt]ại sự kiện) (?:này|đó),\s*"
)
# After an asked count, what was going on when it was counted (a clause of its own).
_TRAILING_WHILE = re.compile(
    r"(?P<keep>(?<!\w)bao nhiêu(?!\w)(?:[^,?()]|\([^()]*\))*?)\s*,?\s+(?:khi|lúc)\s[^?]*(?=[?.]$)"
)
# After the question word: a purpose or consequence that adds nothing to what is asked.
_TRAILING_PURPOSE = re.compile(
    r"(?P<keep>(?<!\w)(?:nào|ai|bao nhiêu|đâu|gì|_____)(?!\w)[^,?]*?)\s*,?\s+"
    r"(?:nhằm|(?<!dùng )để|với mục tiêu|qua đó|góp phần|nhằm mục tiêu)\s[^?]*(?=[?.]$)"
)  # "cây nỏ dùng để sử dụng ma túy": what a thing is used for is part of what it is
# "phối hợp với Cơ quan X (USAID)" between a subject and its verb: a partner, not the fact.
# Not "với sự phối hợp của": there "phối hợp" is a noun, and the phrase goes whole (_HELPED_BY).
_PARTNER = re.compile(r"(?<!\bsự)\s(?:phối hợp|phối hợp với|phối hợp cùng|cùng với)\s")
# The time or place asked at the end of a stem, which a trailing phrase is cut before.
_ASKED_LAST = (
    r"\s+(?:(?:vào\s+)?(?:(?:sáng|trưa|chiều|tối|đêm)\s+)?(?:(?:ngày|thời gian|thời điểm|tháng|năm|dịp)\s+nào"
    r"|khi nào)|(?:ở|tại)\s+(?:đâu|nơi nào))\?$"
)
# ", với sự phối hợp của Tập đoàn bảo mật Kaspersky": who helped, said in passing.
_HELPED_BY = re.compile(
    r",?\s+với sự (?:phối hợp|tham dự|hỗ trợ|giúp đỡ|chứng kiến|đồng hành|tài trợ)(?:\s+của)?"
    rf"\s[^,?]+?(?=\s*,|{_ASKED_LAST}|[?.]$)"
)


def _without_helpers(stem: str) -> str:
    """The stem without ", với sự tham dự của ...": to the end when what follows its comma is more of
    the list (names and titles, no verb), to that comma when a clause follows; kept when what follows
    asks ("với sự phối hợp của cán bộ Phòng X, công an tỉnh nào?")."""
    m = _HELPED_BY.search(stem)
    if not m or _QUESTION_WORDS.search(m.group(0)):
        return stem
    rest = stem[m.end() :]
    last = re.search(rf"{_ASKED_LAST}|[?.]$", rest)
    tail = rest[: last.start()] if last else rest
    if tail.strip(", ") and _QUESTION_WORDS.search(tail):
        return stem
    if tail.strip(", ") and not any(t.pos == "V" for t in analyse(tail.strip(", ")).tokens):
        return stem[: m.start()] + rest[len(tail) :]  # the list of guests runs to the end
    return stem[: m.start()] + rest


def _act_before_road(stem: str, sentence: SentenceAnalysis | None) -> str:
    """ "Trên tuyến đường tránh TP Thanh Hóa (đoạn qua xã Đông Tân), Phòng Cảnh sát ... bắt quả tang
    ... vào thời gian nào?": the stem opens on who acted (session 35 readers: not on a road); the
    road follows the act when the stem has room for it."""
    road = _LEADING_ROAD.match(stem)
    if road is None or not _has_verb(stem[road.end() :], sentence):
        return stem
    asked = _ASKED_AT_END.search(stem)
    if asked is None:
        return stem
    clause = stem[road.end() : asked.start()].rstrip(", ")
    where = road.group(0).rstrip(", ")
    kept = clause
    # The road with its gloss, or without it ("(đoạn qua xã Đông Tân)"), or not at all.
    for said in (where, re.sub(r"\s*\([^()]*\)", "", where)):
        moved = f"{clause} {said[:1].lower()}{said[1:]}"
        if word_count(moved) + word_count(asked.group(0)) <= MAX_STEM_WORDS:
            kept = moved
            break
    return kept[:1].upper() + kept[1:] + stem[asked.start() :]


def _shorten(stem: str, sentence: SentenceAnalysis | None = None, keep_place: bool = False) -> str:
    """Shorter without changing what is asked: trailing purposes, a partner clause, acronyms,
    a theme's title, glosses in brackets and the place (unless the place is asked)."""
    stem = _TRAILING_PURPOSE.sub(lambda m: m.group("keep"), stem)
    if word_count(stem) > MAX_STEM_WORDS:
        # "đã chặn bắt bao nhiêu đối tượng | khi nhóm này đang tìm cách đi sâu vào nội địa?": what
        # was going on at the time, after what is asked.
        stem = _TRAILING_WHILE.sub(
            lambda m: (
                m.group("keep")
                if not _QUESTION_WORDS.search(m.group(0)[len(m.group("keep")) :])
                else m.group(0)
            ),
            stem,
        )
    if word_count(stem) > MAX_STEM_WORDS:
        stem = _without_helpers(stem)
    organiser = _ORGANISED_BY.search(stem)
    if (
        word_count(stem) > MAX_STEM_WORDS
        and organiser
        and _QUESTION_WORDS.search(stem.replace(organiser.group(0), " "))
        and not _QUESTION_WORDS.search(organiser.group(0))
    ):
        stem = stem[: organiser.start()] + stem[organiser.end() :]
    if word_count(stem) > MAX_STEM_WORDS:
        stem = _BASED_AT.sub("", stem)
    if word_count(stem) > MAX_STEM_WORDS:
        # ", được Chính phủ hai nước ủy quyền,", ", thừa lệnh Chủ tịch nước,": on whose behalf, said
        # in passing; who did what stays.
        stem = _without_mandate(stem)
    if word_count(stem) > MAX_STEM_WORDS:
        # "Thao Chống Lâu (54 tuổi, trú tại bản Kéo Té, ...)": who the person is, not what is asked.
        stem = _PERSONAL_DETAILS.sub(lambda m: m.group(0) if _QUESTION_WORDS.search(m.group(0)) else "", stem)
    if word_count(stem) > MAX_STEM_WORDS:
        stem = _drop_partner(stem, sentence)
    if word_count(stem) > MAX_STEM_WORDS:
        # "(USAID)" after a full name: the name says it.
        stem = re.sub(r"\s\([A-ZĐ][A-Za-zĐ0-9&.\- ]{1,14}\)", "", stem)
    if word_count(stem) > MAX_STEM_WORDS:
        # 'tổ chức Hội thảo quốc tế với chủ đề "..."': the event is named without its theme.
        stem = _THEME.sub("", stem)
    if word_count(stem) > MAX_STEM_WORDS:
        # "(Cộng hòa Nam Sudan)", "(GGHB LHQ)": a gloss the question does not need.
        # "Chiều ngày (3/3)": a date in brackets is the day itself ("Chiều ngày, ai ...": a reader).
        stem = re.sub(r"(?<![Nn]gày)\s\((?![^()]*\b(?:nào|ai|bao nhiêu)\b)[^()]{1,40}\)", "", stem)
    if word_count(stem) > MAX_STEM_WORDS and not keep_place:
        stem = _without_place(stem)
    return stem


# The comma that closed the age goes with it when the clause goes on in lower case ("Bùi Đức Kiên, 28
# tuổi, cũng bị ..." -> "Bùi Đức Kiên cũng bị ...": fresh62's reader, five times, "stray comma").
_AGE_AND_HOME = re.compile(rf"{AGE_AND_HOME}(?:,(?=\s+[{LOWER}]))?")
_MANDATE = re.compile(
    r",\s*(?:được\s+[^,?]{2,50}?\s+ủy quyền|thừa (?:ủy quyền|lệnh)\s+(?:của\s+)?[^,?]{2,60}?),"
)
# A person or body just before (their name, a bracket after it, or "ai" asking for it), in a piece
# that is not a time or a place ("Ngày 21/11 tại London, được ... ủy quyền, Bộ trưởng ...").
_NAME_BEFORE = re.compile(
    rf"(?:^|,)(?!\s*(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Tt]ại|[Ởở]|[Hh]ồi|[Ll]úc|[Vv]ào)\s)"
    rf"[^,]*(?:[{UPPER}][{LOWER}]*|\)|(?<!\w)ai)$"
)


def _without_mandate(stem: str) -> str:
    """ "Ngày 21/11 tại London, được Chính phủ hai nước ủy quyền, Bộ trưởng ..." -> "Ngày 21/11 tại
    London, Bộ trưởng ...": on whose behalf, said in passing. After a name both commas go when the
    clause's verb follows ("Tô Lâm, thừa ủy quyền ..., trao" -> "Tô Lâm trao"); after a time or a
    place one stays ("sáng 27.12, ai đã trao")."""

    def cut(m: re.Match[str]) -> str:
        if _QUESTION_WORDS.search(m.group(0)):
            return m.group(0)
        named = _NAME_BEFORE.search(stem[: m.start()]) is not None
        verb_next = re.match(rf"\s+[{LOWER}]", stem[m.end() :]) is not None
        return "" if named and verb_next else ","

    return _MANDATE.sub(cut, stem)


# A person's age, birth year and home in brackets after the name.
_PERSONAL_DETAILS = re.compile(r"\s*\((?:\d{1,3} tuổi|SN\s*\d{4}|sinh năm \d{4})[^()]*\)")


# "... chương trình huấn luyện năm 2023 do Công an tỉnh tổ chức?": who organised the event the
# question only names; asked of the participants, the organiser can go.
# "do Trung tâm huấn luyện, Cục An ninh mạng ..., Bộ Công an chủ trì vào ngày nào?": the
# organiser's name may hold commas; the time asked at the end stays.
_ORGANISED_BY = re.compile(
    rf",?\s+do\s+(?:[{UPPER}]\w*|các|lực lượng)(?:,?\s+[^\s,?]+){{0,24}}?\s+(?:đồng\s+|phối hợp\s+)?"
    rf"(?:tổ chức|chủ trì)(?=[?.]$|{_ASKED_LAST})"
)
_THEME = re.compile(
    r",?\s+(?:với|có)\s+(?:chủ đề|khẩu hiệu|thông điệp)(?:\s+là)?\s*:?\s*[\"“][^\"”]{3,200}[\"”]"
)
_ADMIN = r"(?:huyện|tỉnh|thành phố|TP\.?|xã|phường|quận|thị xã|Thủ đô)"
_CAPS = rf"(?P<caps>[{UPPER}]\w*(?:\s+[{UPPER}]\w*)*)"
_AT_WORDS = re.compile(rf"\s+(?:tại|ở)\s+(?P<admin>{_ADMIN}\s+)?{_CAPS}")
_SECOND_PLACE = re.compile(rf",\s*{_ADMIN}\s+{_CAPS}")


# ", đóng quân tại huyện Long Thành, tỉnh Đồng Nai,": where a unit is based, said in passing.
_BASED_AT = re.compile(
    rf",\s*(?:đóng quân|có trụ sở|đóng tại|đặt trụ sở)\s(?:tại\s|ở\s)?[^,]{{2,50}}"
    rf"(?:,\s*(?:tỉnh|thành phố|TP\.?)\s[{UPPER}]\w*(?:\s[{UPPER}]\w*)*)?(?:,|(?=\s(?:đã|đang|sẽ|vừa)\s))"
)
_ASKED_AT_END = re.compile(_ASKED_LAST)
# Where a verb's object runs on into who it is for, with whom, where or why.
_OBJECT_TAIL = re.compile(
    # "kéo theo rơ moóc": "theo" after "kéo" is the verb's own ("tow"), not a preposition.
    r"\s(?:(?:dành\s+)?cho|của|với|cùng|tại|ở|trên|nhằm|để|(?<!kéo\s)theo|trong|nhân dịp|thuộc)\s"
)
# A predicate still to come in what would be cut: the verb found first was not the main one.
_PREDICATE_AHEAD = re.compile(r"(?<!\w)(?:đã|đang|sẽ|vừa|được|bị)(?!\w)")


_WHILE_CLAUSE = re.compile(r",?\s(?:khi|lúc)\s")


def _listed_before(subject: str) -> bool:
    """ "Tổ công tác ..., Cục ..., Phòng ... và Đồn biên phòng Tuyên Bình": one subject listed over
    commas, every item a body or a unit."""
    items = [i.strip() for i in subject.split(",")]
    return _LIST_END_BEFORE_VERB.search(items[-1]) is not None and all(
        _LISTED_ITEM.match(i) for i in items if i
    )


def _short_object(stem: str, sentence: SentenceAnalysis | None) -> str:
    """ "X đã tổ chức bế giảng khóa huấn luyện đầu khóa cho sinh viên ... năm học 2022-2023 vào
    ngày nào?": the time (or place) of the act, asked of the act without who it was for ("X đã tổ
    chức bế giảng khóa huấn luyện đầu khóa vào ngày nào?"). Runs after ``_shorten``, which has
    already taken out where the unit is based."""
    asked = _ASKED_AT_END.search(stem)
    if asked is None or word_count(stem) <= MAX_STEM_WORDS or sentence is None:
        return stem
    head = stem[: asked.start()]
    if _ADVERBIAL_START.match(head):
        return stem  # "Sau khi X hoàn thành ...", "Nhân dịp ...": the act is not the main clause
    found = (word_re(t.text).search(head) for t in _verbs(sentence))
    verb = next((m for m in found if m), None)
    if verb is None or ("," in head[: verb.start()] and not _listed_before(head[: verb.start()])):
        return stem  # the subject is not one plain phrase (or one list) before its verb
    # The verb and at least three words of what was done stay: "tổ chức bế giảng khóa huấn luyện".
    words = list(re.finditer(r"\S+", head[verb.end() :]))
    if len(words) < 4:
        return stem
    while_doing = _WHILE_CLAUSE.search(head, verb.end() + words[2].end())
    if while_doing and word_count(head[: while_doing.start()]) >= 6:
        # "... đã chặn bắt 10 đối tượng | khi nhóm này đang tìm cách đi sâu vào nội địa": what the
        # others were doing is a clause of its own, not what the act was.
        return head[: while_doing.start()].rstrip(",; ") + stem[asked.start() :]
    # "năm học 2022-2023": the tagger's verb inside a school year is no act.
    acts = [t.text for t in _verbs(sentence) if t.text != "năm học"]
    for cut in _OBJECT_TAIL.finditer(head, verb.end() + words[2].end()):
        kept, dropped = head[: cut.start()], head[cut.start() :]
        if word_count(kept) < 6 or "," in kept[verb.end() :]:
            return stem  # "chủ trì, phối hợp": a list of acts, not one act and its object
        if _PREDICATE_AHEAD.search(dropped) or _QUESTION_WORDS.search(dropped):
            return stem  # "gồm ba sĩ quan ... đã về đến": the verb found first is not the main one
        if any(word_re(a).search(dropped) for a in acts):
            continue  # "A cùng B tổ chức ...": the act is in what would go
        if (kept.count('"') + kept.count("“") + kept.count("”")) % 2:
            return stem  # the cut would fall inside a quoted title
        return kept.rstrip(",; ") + stem[asked.start() :]
    return stem


def _without_place(stem: str) -> str:
    """ "tổ chức tại huyện Tiên Du, tỉnh Bắc Ninh Lễ ra quân": where it was held, when that is not
    asked, goes; the place ends where the gazetteer's name does (or at a comma after "huyện X")."""
    for m in _AT_WORDS.finditer(stem):
        words = m.group("caps").split()
        k = next((k for k in range(min(len(words), 4), 0, -1) if is_place(" ".join(words[:k]))), 0)
        if not k and m.group("admin") and stem[m.end() : m.end() + 1] == ",":
            k = len(words)
        if not k:
            continue
        if re.search(r"(?i)(?<!\w)(?:trú|ngụ|quê|sinh sống)\s*$", stem[: m.start()]):
            continue  # "Nguyễn Thị Tiên, trú tại xã X": where she lives, said only with its place
        end = m.start("caps") + len(" ".join(words[:k]))
        while second := _SECOND_PLACE.match(stem, end):
            more = second.group("caps").split()
            j = next((j for j in range(min(len(more), 4), 0, -1) if is_place(" ".join(more[:j]))), 0)
            # "tại TP Bavet, tỉnh Svay Rieng rồi ...": a foreign province the gazetteer does not know
            # is still named by its level word; left behind it would dangle.
            j = j or len(more)
            end = second.start("caps") + len(" ".join(more[:j]))
        if re.match(rf"\s+và\s+(?:tại\s+|ở\s+)?[{UPPER}]", stem[end:]):
            # "hai phái bộ tại Nam Sudan và Cộng hòa Trung Phi": one of two places; without it the
            # other would read as the missions' second party.
            continue
        # ", tại Quảng Ninh, Đồn ...": the commas that set the place off go with it.
        shorter = re.sub(r",\s*,", ",", stem[: m.start()] + stem[end:])
        if re.match(r"^\w+(?:\s\w+)?,", shorter) and not re.match(r"^\w+(?:\s\w+)?,", stem):
            return stem  # "Riêng tại TP HCM, ...": the place is the scope; "Riêng," alone says nothing
        if _BARE_BACK_REFERENCE.search(shorter):
            return stem  # "Phòng CSGT Công an thành phố": which city, only the place said
        return shorter
    return stem


# "Công an thành phố", "UBND tỉnh" with no name after them: the place the stem names elsewhere.
_BARE_BACK_REFERENCE = re.compile(
    r"(?:Công an|UBND|Ủy ban nhân dân|Tỉnh ủy|Thành ủy)\s(?:tỉnh|thành phố|huyện|quận)(?!\s[A-ZĐ])"
)


def _drop_partner(stem: str, sentence: SentenceAnalysis | None = None) -> str:
    """ "A phối hợp với B (B') tổ chức ...": "A tổ chức ..."; the partner is not what is asked."""
    m = _PARTNER.search(stem)
    if not m:
        return stem
    # The partner's name ends at its "(acronym)," when it has one (a verb inside the name, as in
    # "... và trao quyền cho phụ nữ (UN Women)", belongs to it), else at the first lower-case
    # verb (a capitalised "Phát triển" belongs to the name).
    bracket = re.compile(r"\)\s*,?\s*").search(stem, m.end())
    if bracket and "(" in stem[m.end() : bracket.start()]:
        cut = bracket.end()
        # "(UN Women) Việt Nam tổ chức": capitalised words after the bracket are still the partner's.
        tail = re.match(rf"(?:[{UPPER}]\w*(?:(?<=Công) an)?\s+)+", stem[cut:])  # "Bộ Công an"
        if tail:
            cut += tail.end()
        # "(UNDP) và Bảo tàng Phụ nữ Việt Nam tổ chức": a second partner after "và" goes too.
        if re.match(rf"và\s+[{UPPER}]", stem[cut:]):
            verb = _first_lower_verb(stem, cut, sentence)
            cut = verb if verb > cut else cut
    else:
        verb = _first_lower_verb(stem, m.end(), sentence)
        if verb < 0:
            return stem
        cut = verb
    removed = stem[m.start() : cut]
    if re.match(r"(?i)(?:\S+\s+){0,2}nào(?!\w)|ai(?!\w)", stem[cut:]):
        return stem  # "phối hợp với tổ chức nào": the partner is what is asked
    if _QUESTION_WORDS.search(removed) or len(removed.split()) > 24:
        return stem
    return stem[: m.start()].rstrip(", ") + " " + stem[cut:]


# Verbs that units are named after ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"):
# inside a name, not the clause's verb.
_NAME_VERBS = {
    "phòng", "chống", "cháy", "chữa cháy", "cứu nạn", "cứu hộ", "quản lý", "điều tra", "bảo vệ", "hỗ trợ",
    "đào tạo", "bồi dưỡng", "thi hành", "tham mưu", "phòng chống", "chữa", "giữ", "gìn giữ", "thực thi",
    "cứu", "ma túy",  # the tagger reads "ma túy" as a verb now and then
    "lệnh",  # "Phó Tổng Tư lệnh": the tagger splits the post and reads its last syllable as a verb
}  # fmt: skip


# The question phrase of a "when" or "where" stem, left out when looking for the event it asks about.
_TIME_OR_PLACE_ASKED = re.compile(
    r"(?i)(?:vào |trong |từ )?(?:(?:sáng|chiều|tối|trưa) )?"
    r"(?:thời gian|ngày|năm|tháng|thời điểm|giờ|những ngày|khoảng thời gian) nào"
    r"(?: đến (?:ngày |tháng |năm )?nào)?"
    r"|(?:ở|tại|đến|sang|tới) (?:đâu|nước nào)"
)
# A body's name, whose lower-case words are part of it: "Cục Cảnh sát điều tra tội phạm về ma túy",
# "Trưởng Cơ quan huấn luyện tích hợp".
_BODY_BEFORE = re.compile(
    r"(?:Cục|Phòng|Cơ quan|Trung tâm|Viện|Học viện|Ban|Văn phòng|Tổng cục|Bộ Tư lệnh|Đội|Trường|Trưởng|"
    r"Giám đốc|Cục trưởng|Phó)(?:\s+[^\s,;:.()]+){0,5}\s*$"
)
_JOINS_A_CLAUSE = re.compile(r"(?<!\w)(?:đã|đang|sẽ|vừa|được|cùng|và|với|của|cho)(?!\w)")


# Verbs that say where a thing lies or by what means, not that anything happened: "Trên QL46C
# đoạn thuộc xã Thanh Thủy vào thời gian nào?", "Cuối tháng nào, thông qua công tác điều tra?".
_NO_EVENT_VERBS = {"thuộc", "nằm", "ủy quyền"}


def names_an_event(stem: str) -> bool:
    """Whether a "when"/"where" stem says what happened: a clause verb outside a body's name.

    "Cục Cảnh sát điều tra tội phạm về ma túy vào thời gian nào?" has a verb only inside the
    name; asked so, it has no event, and readers reject it every time."""
    core = _TIME_OR_PLACE_ASKED.sub(" ", stem)
    tokens = analyse(core).tokens
    for i, t in enumerate(tokens):
        if not _clause_verb(t) or t.text.casefold() in _NO_EVENT_VERBS:
            continue
        if t.text.casefold() == "thông qua" and (i == 0 or tokens[i - 1].text == ","):
            continue  # ", thông qua công tác điều tra": by what means; "Quốc hội đã thông qua": adopted
        if i > 0 and tokens[i - 1].text.casefold() == "sự":
            continue  # "Được sự ủy quyền của Chủ tịch nước": a noun made of a verb
        body = _BODY_BEFORE.search(core[: t.start])
        if body and not _JOINS_A_CLAUSE.search(body.group(0)):
            head = body.group(0).split()[:2]
            if all(w[:1].isupper() or w in ("sát", "an") for w in head):
                continue
        return True
    return False


def _clause_verb(t: Token) -> bool:
    return t.pos == "V" and t.text[:1].islower() and t.text.casefold() not in _NAME_VERBS


# Bodies whose name goes on in lower case after a capital ("Ban Chấp hành Trung ương", "Ban Tổ
# chức"): the tagger may cut the word in two and read its second half as a verb.
_NAME_WORDS = {"chấp hành", "tổ chức", "chỉ đạo", "kiểm tra", "tuyên giáo", "dân vận", "điều hành"}


def _inside_a_name(text: str, start: int) -> bool:
    before = text[:start].split()[-1:]
    return (
        bool(before)
        and before[0][:1].isupper()
        and f"{before[0]} {text[start:].split()[0]}".lower() in _NAME_WORDS
    )


def _first_lower_verb(stem: str, after: int, sentence: SentenceAnalysis | None) -> int:
    """Offset in ``stem`` of the first lower-case verb after ``after`` (-1 if none)."""
    rest = stem[after:]
    if sentence is not None:
        at = sentence.text.find(rest.rstrip("?. ")[:40]) if rest.strip() else -1
        if at >= 0:
            for t in sentence.tokens:
                if t.start >= at and _clause_verb(t) and not _inside_a_name(sentence.text, t.start):
                    # Where the sentence puts it: the same word earlier in the stem is another one.
                    mapped = after + (t.start - at)
                    return mapped if stem.startswith(t.text, mapped) else stem.find(t.text, after)
            return -1
        for t in sentence.tokens:
            if _clause_verb(t):
                hit = word_re(t.text).search(stem, after)
                if hit:
                    return hit.start()
        return -1
    analysis = analyse(stem)
    verb = next((t for t in analysis.tokens if t.start > after and _clause_verb(t)), None)
    return verb.start if verb else -1


def _drop_apposition_after_ai(stem: str, sentence: SentenceAnalysis | None) -> str:
    """ "có ai, Cục Phó Cục Đào tạo, Bộ Công an?" -> "có ai?"; "do ai, Cục trưởng C06 dẫn đầu"
    -> "do ai dẫn đầu": the titles of the person asked about, up to the clause's verb."""
    m = re.search(r"(?<!\w)([Aa]i),\s+", stem)
    if not m or not stem[m.end() : m.end() + 1].isupper():
        return stem
    rest = stem[m.end() :]
    verb = _first_lower_verb(rest, 0, sentence)
    close = rest.find(")", verb)
    if verb >= 0 and rest[:verb].count("(") > rest[:verb].count(")") and close >= 0:
        # "(nguyên là Đội trưởng ...)": a verb inside brackets is the apposition's own.
        verb = _first_lower_verb(rest, close + 1, sentence)
    # Pieces of the apposition: capitalised, comma-separated, up to the verb or the end.
    cut = verb if verb >= 0 else len(rest.rstrip("?."))
    other = and_next_person().search(rest)
    if (
        other
        and other.start() > cut
        and all(p.strip()[:1].isupper() for p in rest[: other.start()].split(","))
    ):
        # "là ai, Tổ trưởng ..., Trưởng Ban Chỉ đạo ... tham gia GGHB LHQ và ngài Jean-Pierre Lacroix":
        # the titles run to the next person; the verb inside them is the body's name's.
        cut = other.start()
    if re.match(rf"^[{LOWER}][^,{UPPER}]*,\s+[{UPPER}][^,]*\?$", rest[cut:]):
        return stem  # "Cục Đào tạo, bồi dưỡng cán bộ, Ban Tổ chức Trung ương?": the "verb" is the name's
    apposition = re.sub(r"\s*\([^()]*\)", "", rest[:cut])
    if any(p and not p[:1].isupper() for p in (x.strip() for x in apposition.split(","))):
        return stem  # a lower-case piece: the text goes on, not a title
    return stem[: m.start(1) + 2] + (" " + rest[cut:].lstrip() if verb >= 0 else rest[cut:])


# A "này" that only ties the clause to the last one: "Với tinh thần này, ...", "nhân dịp này",
# "đợt kiểm tra lần này", "theo cách này". Without it the question still says what happened; the
# other "này" (a thing named before: "số ma túy này") leave the stem pointing at nothing.
_SOFT_LEAD = re.compile(
    r"^(?:Với tinh thần|Trước thực tế|Trước tình hình|Từ thực tế|Nhân dịp|Trong dịp|Với cách làm|"
    r"Trên cơ sở|Theo hướng|(?:Với|Trong|Qua|Sau|Suốt) (?:đợt|lần|thời gian)) này,\s*|^Tại đây,\s*"
)
# "phát hiện 2 phòng nghỉ tại đây đang chứa ...": the place the last sentence named, which the stem
# cannot (a reader: "tại đây" points nowhere); the question stands without it.
_SOFT_INSIDE = re.compile(
    # "ở đợt này có 44 phạm nhân": the preposition goes with its pointer ("Ở có bao nhiêu" read
    # as a fragment to both readers).
    r"(?:^|,?\s+)(?:(?:[Ởở]|[Tt]rong|[Vv]ào|[Ss]uốt)\s+)?"
    r"(?:nhân dịp này|theo cách này|trong đợt này|lần này|đợt này|tại đây)(?=[\s,?])"
)


# "Lô ngà voi này được đưa từ đâu ...?", "Số ma túy này ...": the article's own haul, the one it
# is about; the stem reads the same without the pointer.
_GOODS_POINTER = re.compile(rf"^((?:Lô|Số|Toàn bộ số|Chuyến) [{LOWER}]+(?: [{LOWER}]+){{0,3}}?) này(?=\s)")


def _without_soft_demonstratives(stem: str) -> str:
    bare = _GOODS_POINTER.sub(r"\1", stem)
    bare = _SOFT_LEAD.sub("", bare)
    bare = _SOFT_INSIDE.sub("", bare)
    bare = re.sub(r"\s{2,}", " ", bare).strip()
    return bare[:1].upper() + bare[1:] if bare != stem else stem


_BRACKETED_TIME = re.compile(
    r"\s*\(((?:vào |từ |tức )?(?:(?:sáng|chiều|tối) )?(?:thời gian|ngày|tháng|năm|thời điểm)(?: nào)"
    r"(?: đến (?:ngày|tháng|năm) nào)?)\)"
)


def _bracketed_question_said_plainly(stem: str, answer: str) -> str:
    """ "Hội nghị ... kéo dài 2 ngày (thời gian nào)?" -> "... kéo dài 2 ngày vào thời gian nào?",
    "sau chuyến thăm Trung Quốc của Tổng Bí thư (tháng nào)" -> "... vào tháng nào": a bracket that
    glossed the time holds only the question, said as the sentence would. An anniversary's span of
    years ("19/8/2005-19/8/2025") stays unasked: the stem's "80 năm" gives it."""
    figure = re.search(r"\s*\((?!trong đó|trong số|gồm|bao gồm)([^()\d]*\w\s+bao nhiêu[^()\d]*)\)", stem)
    if figure:
        # "91,55 tấn đường cát (trị giá ước tính bao nhiêu tỷ đồng) cùng nhiều xe cộ": said between
        # commas, as a trainer would write it.
        rest = stem[figure.end() :].lstrip()
        joiner = "" if rest.startswith(("?", ",")) else ", "
        return f"{stem[: figure.start()]}, {figure.group(1)}{joiner}{rest}"
    time = _BRACKETED_TIME.search(stem)
    if not time or len(re.findall(r"(?:19|20)\d{2}", answer)) > 1:
        return stem
    asked = time.group(1).removeprefix("tức ")
    lead = "" if asked.startswith(("vào ", "từ ")) else "vào "
    before = stem[: time.start()]
    if _RELATIVE_TIME.fullmatch(before):
        # "Gần 8 năm trước (tháng nào), Việt Nam ...": counted from the day it was written; the
        # question asks the month itself.
        return f"{lead[:1].upper()}{lead[1:]}{asked}{stem[time.end() :]}"
    return f"{before} {lead}{asked}{stem[time.end() :]}"


_RELATIVE_TIME = re.compile(r"(?:Gần|Hơn|Khoảng|Sau)?\s*\S+ (?:năm|tháng|ngày) (?:trước|sau đó|sau)")


# "Tối qua (4/4)": yesterday as the day it was written, which a quiz printed later cannot keep.
# "Chiều nay (ngày 4.10)", "Sáng nay 04/1", "chiều qua 26/1": today and yesterday likewise.
_YESTERDAY = re.compile(
    r"(?i)(?<!\w)(?:(?P<part>sáng|trưa|chiều|tối|đêm|rạng sáng)|hôm)\s+(?:qua|nay)\s*"
    r"(?:\((?:ngày\s+)?(?P<day>\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?)\)"
    r"|(?:ngày\s+)?(?P<bare>\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?)(?![\d/.-]))"
)
# "(thứ sáu từ trái sang)", "(ngoài cùng bên phải)": where a person stands in a photo.
_IN_THE_PHOTO = re.compile(r"\s*\((?:[^()]{0,25}\s)?(?:từ (?:trái|phải) sang|bên (?:trái|phải)|đứng giữa)\)")


_UNIT_OF_A_POLICE = re.compile(
    r"(?<!\w)(?<!của )(?P<unit>(?:[Pp]hòng|[Đđ]ội|[Cc]ục|[Tt]rung tâm|[Bb]an) nào)(?P<comma>,?)\s+"
    r"(?P<police>Công an (?:(?:tỉnh|thành phố|TP|quận|huyện)\s|TP\.\s?)[A-ZĐ][^\s,?]*(?:\s[A-ZĐ][^\s,?]*)*"
    # "phòng nào, Công an tỉnh lập nhóm ...": the article's own province, named later (name_province).
    r"|Công an tỉnh(?=\s[a-zđ]))"
    r"(?P<close>,\s*)?"
    r"(?P<listed>(?<!,\s)\svà\s)?"
)


def _unit_of_a_police(stem: str) -> str:
    """ "phòng nào, Công an tỉnh Bắc Kạn, đã ..." -> "phòng nào của Công an tỉnh Bắc Kạn đã ..."."""

    def joined(m: re.Match[str]) -> str:
        if m.group("listed"):
            return m.group(0)  # "cùng cục nào, Công an TP HCM và các địa phương": a list, not a parent
        close = " " if m.group("comma") and m.group("close") else (m.group("close") or "")
        return f"{m.group('unit')} của {m.group('police')}{close}"

    # "Mô hình bao gồm: phòng nào, Công an tỉnh ...": the list's lead is no part of what the unit did.
    stem = re.sub(r"^[^:?,]{0,40}\s(?:bao gồm|gồm)\s*:\s+(?=\w+ nào,)", "", stem)
    stem = stem[:1].upper() + stem[1:]
    return _UNIT_OF_A_POLICE.sub(joined, stem)


def _said_without_the_page(stem: str) -> str:
    """The stem without what only the page it was printed on makes sense of."""

    def dated(m: re.Match[str]) -> str:
        lead = (m.group("part") or "ngày").lower()
        return (
            f"{lead[:1].upper() + lead[1:] if m.start() == 0 else lead} {m.group('day') or m.group('bare')}"
        )

    stem = _YESTERDAY.sub(dated, stem)
    return _IN_THE_PHOTO.sub("", stem)


def _without_open_bracket(stem: str) -> str:
    """ "... triệu tập bao nhiêu đối tượng (Thái Bình 6?" -> "... bao nhiêu đối tượng?": a bracket the
    cut left open, after the question word, goes with what it held (both readers struck it)."""
    body = stem.rstrip("?. ")
    at = body.rfind("(")
    if at < 0 or ")" in body[at:] or not _QUESTION_WORDS.search(body[:at]):
        return stem
    return body[:at].rstrip(" ,;:") + "?"


@functools.cache
def _ranked_name(any_case: bool = False) -> re.Pattern[str]:
    """A rank and a name; ``any_case`` also takes a rank in lower case inside a clause ("bổ nhiệm
    đại tá Vũ Hồng Văn")."""
    ranks = f"(?i:{rank_alternation()})" if any_case else f"(?:{rank_alternation()})"
    return re.compile(rf"(?<!\w){ranks}\s+[{UPPER}][{LOWER}]*\s+[{UPPER}]")


def _drop_leading_titles(stem: str, sentence: SentenceAnalysis | None = None) -> str:
    """ "Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an, ai chủ trì ...": titles whose name became "ai"."""
    m = re.search(r"(?:^|,\s)(ai\s)", stem)
    if not m or m.start(1) == 0:
        return stem
    before = stem[: m.start(1)]
    agent = list(re.finditer(r"(?<!\w)(?:do|bởi)\s", before))
    if agent and agent[-1].start() > 0:
        # "Hội nghị do Giám đốc Công an tỉnh, ai chủ trì?": the titles after "do" go, the event stays.
        titles = _pieces(before[agent[-1].end() :].rstrip(", "), sentence)
        if titles and not any(verb for _, verb in titles):
            return before[: agent[-1].end()] + stem[m.start(1) :]
    pieces = _pieces(before.rstrip(", "), sentence)
    if _ranked_name().search(before):
        # "Tổ công tác ... gồm Đại tá Lê Quốc Huy, ai và Trung tá ...": a list of people, not titles.
        return stem
    if pieces and not any(verb for _, verb in pieces) and not _ADVERBIAL_START.match(before):
        rest = stem[m.start(1) :]
        return rest[:1].upper() + rest[1:]
    return stem


def _main_clause(stem: str, sentence: SentenceAnalysis | None = None) -> str | None:
    """The first comma piece with a verb that is not a leading adverbial: who did what."""
    pieces = _pieces(stem.rstrip("?."), sentence)
    for i, (piece, verb) in enumerate(pieces):
        if _LED_BY_END.search(piece) and i + 1 < len(pieces):
            continue  # "..., do X, Cục trưởng C06 dẫn đầu, đã làm việc": the leader's phrase, not the clause
        if verb and not _ADVERBIAL_START.match(piece) and not _QUESTION_WORDS.search(piece):
            if _ONLY_REPORTS.search(piece):
                return None  # "X thông báo, từ ngày nào?": what was reported is not asked here
            ends = (
                j for j in range(i + 1, len(pieces)) if pieces[j][1] and _list_start(pieces, j, sentence) <= i
            )
            end = next(ends, None)
            if end is not None:
                # "ba đơn vị gồm Ban Cơ yếu Chính phủ, | Hội đồng ... và Học viện ... đã cùng tổ chức":
                # the verb found first ("gồm") opens a subject listed on to the clause's own verb.
                return " ".join(p for p, _ in pieces[i : end + 1]).rstrip(",;: ")
            clause = with_subject(pieces, i, sentence).rstrip(",;: ")
            if _agent_only(clause, sentence):
                return None  # "X đã được Ủy viên Bộ Chính trị, | Thủ tướng ... tiếp": the verb is further on
            return clause
    return None


_TENSE = re.compile(r"(?<!\w)(?:đã|đang|sẽ|vừa|cũng|được|bị)(?!\w)")


# After "Ai", the tail of a post whose head went with the name ("Phó Chánh Văn phòng thường trực
# Bộ Công an ...", "Điều phối viên thường trú ...", "Phó Thủ tướng kiêm Bộ trưởng ..."), a bracketed
# post, or the second verb of a pair whose first went with the name ("X dự và chỉ đạo").
_POST_TAIL_AFTER_AI = re.compile(rf"^Ai (?:thường trực|thường trú|kiêm|công tác|\(|và [{LOWER}])")


# Openers of a frame around the clause (time, source, means, occasion), beyond _ADVERBIAL_START's.
_FRAME_START = re.compile(
    r"(?i)^(?:thông qua|khoảng|cuối|đầu|giữa|hôm|lúc|hồi|với|cùng|đến|nhân|ở|chiều nay|sáng nay|"
    r"bước đầu|chỉ tính|tính từ|tính đến)(?!\w)"
)


# A reporting verb and what follows it to the question mark: the reported content.
_REPORTED_TAIL = re.compile(
    r"(?:nhấn mạnh|cho biết|khẳng định|cho hay|chia sẻ|thông tin)\s*[,:]\s*([^?,:]*)\?$"
)
# "ai" left between commas or at the end after a comma or a passive "được": an apposition or the
# verb after the name was cut away (0 of 14 judged drafts accepted).
_BROKEN_AI = re.compile(r", ai,|, ai\?$|\b(?:được|bởi) ai\?$|\bnữ ai\b")
_ASKED_ITEM = re.compile(r"(?:^|, )([^,?]{0,40}?\b(?:nào|bao nhiêu)\b[^,?]{0,40}), ")


# "..., công an xã nào, ...": a body asked by its kind between commas.
_BODY_ASKED = re.compile(
    r", ((?:công an(?: xã| phường| thị trấn| huyện| quận| thị xã| thành phố| tỉnh)?|đồn biên phòng|"
    r"phòng|cục|bộ|sở|trạm|đội|ban|ủy ban nhân dân(?: \w+)?) nào)(?=, |\?$)"
)


def _asked_among_named_bodies(stem: str) -> bool:
    """ "Tổ công tác liên ngành gồm Hải quan cửa khẩu Mộc Bài, công an xã nào, Đồn Biên phòng ...",
    "... gồm 90 người thuộc Phòng ..., Điện lực Hội An, công an phường nào?": a listed body asked
    among named ones, of other kinds, so that the same-head test below does not see the list."""
    m = _BODY_ASKED.search(stem)
    if m is None:
        return False
    before = stem[: m.start()].split(", ")
    after = stem[m.end() :].removeprefix(", ").rstrip("?").strip()

    def named(item: str) -> bool:  # "Cục ...", "... Hải quan cửa khẩu quốc tế Mộc Bài": a name
        words = item.split()
        return bool(words) and (words[0][:1].isupper() or words[-1][:1].isupper())

    listing = re.search(r"(?<!\w)gồm(?!\w)", stem[: m.start()]) or (len(before) >= 2 and named(before[-2]))
    return bool(listing) and named(before[-1]) and (not after or after[:1].isupper())


def _one_of_a_listing(stem: str) -> bool:
    """The question phrase is one item of a comma list beside an item of the same head ("Bộ Nội vụ,
    bộ nào, ...", "Lê Xuân Chung, sinh năm nào ... cùng Phạm Bá Quyền, sinh năm 1990"): the stem
    reads as the list with a hole, not as a question."""
    if _asked_among_named_bodies(stem):
        return True
    m = _ASKED_ITEM.search(stem)
    if not m or not m.group(1).split():
        return False
    head = m.group(1).split()[0].casefold()
    if head in ("ai", "bao"):
        return False
    near = stem[: m.start()].split(", ")[-2:] + stem[m.end() :].split(", ")[:2]
    return any(item.strip().casefold().startswith(head + " ") for item in near)


def _no_main_clause(stem: str, sentence: SentenceAnalysis) -> bool:
    """True when every piece with a verb is a frame ("Theo C04, cuối năm nào, thông qua nắm tình
    hình ..., địa bàn trọng điểm?", "Chiều 24/8, trong khuôn khổ chuyến thăm ... thời gian nào,
    Đại tướng Tô Lâm?"): the clause that said what happened was cut away."""
    clauses: list[bool] = []
    verbs: list[bool] = []
    last = False
    for piece, verb in _pieces(stem.rstrip("?. "), sentence):
        frame = _ADVERBIAL_START.match(piece) or _FRAME_START.match(piece)
        rest = piece[frame.end() :] if frame else piece
        # Either reading finds the verb: the sentence's tagging in context, or the piece's own when
        # the stem builder rewrote it ("do ai chủ trì"). A frame's opener ("thông qua") is no verb.
        verb = _has_verb(rest, sentence) or any(t.pos == "V" for t in analyse(rest.strip()).tokens)
        if not frame:
            clauses.append(verb)
        verbs.append(verb)
        last = verb
    if not clauses:
        # "Theo Thứ trưởng Phạm Thế Tùng, kể từ năm nào đến nay?": frames only, and no verb in any.
        return not any(verbs)
    return not any(clauses) and not last


def _noun_after_ai(stem: str) -> bool:
    if _POST_TAIL_AFTER_AI.match(stem):
        return True
    after = next((t for t in analyse(stem).tokens if t.start >= 3), None)
    return after is not None and after.pos in ("N", "Nc") and after.text[:1].islower()


_LED_BY_END = re.compile(r"(?:dẫn đầu|làm trưởng đoàn)\s*,?$")
_LEADS = re.compile(rf"(?:{_LEAD_WORDS})(?!\w)")
# "..., đoàn đại biểu cấp cao Bộ Công an do X,": a delegation led by someone is a subject after a comma.
_GROUP_SUBJECT = re.compile(rf"(?:[Đđ]oàn|[Ll]ực lượng|[Tt]ổ công tác)\s.*\sdo\s[{UPPER}]")


def _title_only(piece: str) -> bool:
    """ "Ủy viên Trung ương Đảng,": a post in apposition between a name and its verb is no subject."""
    text = piece.strip(" ,")
    return "," not in text and any(text.startswith(t + " ") for t in (*load_gazetteer().titles, "Ủy viên"))


# "9 đối tượng, | thường trú tại các tỉnh ..., | đã bị ... bắt giữ": where the subject lives is said in
# passing; its verb is no clause's.
_ADDRESS_START = re.compile(r"(?:thường trú|tạm trú|trú|ngụ|quê|sinh năm|cùng trú|cùng ngụ)(?!\w)")
# "9 đối tượng, thường trú tại ..., đã bị ... bắt giữ": a subject that opens with its count.
_COUNTED_SUBJECT = re.compile(r"\d+\s+(?!giờ|h\b|ngày|tháng|năm|phút|tuổi)[^\W\d]")


_OWN_SUBJECT = re.compile(
    r"(?:(?:các|những)\s+)?(?:công an|lực lượng|cơ quan|cảnh sát|bộ đội|tổ công tác|đối tượng|người dân)"
    r"(?:\s+[^\s,]+){0,3}\s*$"
)


# Words a listed subject's item may open with in lower case: "trinh sát Phòng Cảnh sát Môi trường,
# Công an tỉnh Lâm Đồng và Công an huyện Đức Trọng kiểm tra".
_LISTED_ITEM = re.compile(
    rf"(?:[{UPPER}]|(?:trinh sát|tổ|đội|lực lượng|công an|cán bộ|đại diện|lãnh đạo|phòng|cơ quan)\s"
    # "ba đơn vị gồm Ban Cơ yếu Chính phủ, | Hội đồng ... và Học viện ... đã cùng tổ chức" (fresh62).
    rf"|(?:[^\s,]+\s+){{1,3}}gồm\s+[{UPPER}])"
)
_LIST_END_BEFORE_VERB = re.compile(r"\s(?:và|cùng)\s")


def _list_start(pieces: list[tuple[str, bool]], i: int, sentence: SentenceAnalysis | None) -> int:
    """The first piece of a subject listed over commas that piece ``i`` ends, or ``i``: in "A, B và
    C đã chặn bắt ..." the verb's piece holds only the list's last items (fresh60: both readers
    struck "Phòng nghiệp vụ ... và Đồn biên phòng Tuyên Bình đã chặn bắt" for the units before)."""
    piece = pieces[i][0]
    verbs = _verbs(sentence) if sentence is not None else []
    tense = _TENSE.search(piece)
    starts = [m.start() for m in (tense,) if m] + [
        m.start() for t in verbs for m in [word_re(t.text).search(piece)] if m and m.start() > 0
    ]
    at = min(starts, default=-1)
    if at <= 0 or not _LISTED_ITEM.match(piece) or not _LIST_END_BEFORE_VERB.search(piece[:at]):
        return i
    j = i
    while j > 0:
        prev = pieces[j - 1][0]
        item = (
            _LISTED_ITEM.match(prev)
            and not (_ADVERBIAL_START.match(prev) or _FRAME_START.match(prev))
            and not re.search(r"[()]", prev)
            and word_count(prev) <= 12
            and prev.rstrip().endswith(",")
        )
        if not item:
            break
        j -= 1
    return j


def with_subject(pieces: list[tuple[str, bool]], i: int, sentence: SentenceAnalysis | None) -> str:
    """Piece ``i`` (the first with a verb) with its subject when an apposition took its place.

    "Chủ tịch nước Nguyễn Xuân Phúc-Chủ tịch Hội đồng ..., Thống lĩnh các lực lượng vũ trang nhân
    dân đã dự lễ": the verb's piece starts with the subject's last title, so the subject (the
    first piece, verbless) replaces it: "Chủ tịch nước Nguyễn Xuân Phúc-... đã dự lễ". "Đoàn công
    tác của C06, do X dẫn đầu, đã làm việc với ...": a piece that starts with its verb gets the
    subject in front of it.
    """
    piece = pieces[i][0]
    start = _list_start(pieces, i, sentence)
    if start < i:
        return " ".join(p for p, _ in pieces[start : i + 1])
    if i > 0 and _ADVERBIAL_START.match(pieces[i - 1][0]) and _PLACE_FIRST.match(piece):
        return piece  # "kể từ đầu năm tới nay, | tỉnh Cà Mau đã ghi nhận ...": the province is who
    if i > 0 and piece[:1].islower():
        prev, prev_verb = pieces[i - 1]
        listed = not prev_verb and prev[:1].islower() and word_count(prev) <= 6
        if listed and not _ADVERBIAL_START.match(prev):
            # "công an các đơn vị, địa phương đồng loạt ra quân": a subject listed over a comma.
            return f"{prev.rstrip(',; ')}, {piece}"
    subject = next(
        (
            p.rstrip(",;: ")
            for p, verb in pieces[:i]
            # "Đoàn đại biểu ... do Đại tướng X,": the toolkit may tag "đại biểu" a verb.
            if (not verb or _GROUP_SUBJECT.match(p))
            and (p[:1].isupper() or _GROUP_SUBJECT.match(p) or _COUNTED_SUBJECT.match(p))
            and not _ADVERBIAL_START.match(p)
            and not re.match(r"(?:Riêng|Còn|Đối với|Ở)\s", p)  # "Riêng tại TP HCM": a scope, not who
            and word_count(p) >= 2
            and not (_title_only(p) and not _names_someone(p, sentence))
        ),
        None,
    )
    if subject is None:
        return piece
    verbs = _verbs(sentence) if sentence is not None else []
    tense = _TENSE.search(piece)
    starts = [m.start() for m in (tense,) if m] + [
        m.start() for t in verbs for m in [word_re(t.text).search(piece)] if m
    ]
    at = min(starts, default=-1)
    if at > 0 and _OWN_SUBJECT.match(piece[:at]):
        return piece  # "Khám xét tại chỗ, | công an thu giữ ...": the piece names who acted
    if at == 0 or (at > 0 and piece[:1].islower()):
        return f"{subject} {piece}"  # "đã làm việc với ...": the subject goes before it
    if (
        at > 0
        and piece[:1].isupper()
        and not re.search(r"[,;]", piece[:at])
        and (
            not _names_someone(piece[:at], sentence)
            # "Đoàn ... do Đại tướng X, | Bộ trưởng Bộ Công an Việt Nam dẫn đầu đã ...": the
            # leader's titles before "dẫn đầu", though a country's name is among them.
            or (_GROUP_SUBJECT.match(subject) is not None and _LEADS.match(piece, at) is not None)
        )
    ):
        led = _LED_BY_END.search(piece[:at].rstrip())
        if led and " do " in subject:
            # "đoàn ... do X | (Thứ trưởng ...) dẫn đầu đã ...": the leader's verb stays with the subject.
            return f"{subject} {led.group(0).rstrip(' ,')} {piece[at:]}"
        return f"{subject} {piece[at:]}"  # the apposition before the verb gives way to the subject
    return piece


def _names_someone(text: str, sentence: SentenceAnalysis | None) -> bool:
    """ "Phó Thủ tướng ... Trương Hòa Bình": a title with the name is the subject, not an apposition."""
    if sentence is None:
        return True
    at = sentence.text.find(text.strip())
    if at < 0:
        return True
    end = at + len(text.strip())
    return any(t.pos == "Np" and at <= t.start and t.end <= end for t in sentence.tokens)


# "Ai Phó Chủ nhiệm ...", "ai – kỹ thuật viên ...": a name's apposition left after "ai".
_AI_APPOSITION = re.compile(rf"(?<!\w)[Aa]i\s*[,–-]?\s+[{UPPER}]")
_AI_DASH = re.compile(r"(?<!\w)[Aa]i\s+[–-]\s")
# "cựu giám đốc Công an tỉnh Đồng Nai – ai bị kỷ luật": the name after a post's dash became "ai".
_DASH_AI = re.compile(rf"\s[–-]\s+ai\s+[{LOWER}]")
_FRAGMENT_START = re.compile(
    r"^(?:Và|Do|Nhưng|Hoặc|Cùng(?!\s+(?:tham dự|dự|có mặt|tham gia)\s)|Còn|[Nn]ơi|Mà|Song|Gồm|Bao gồm)[\s:]"
    r"|^(?:Thời gian|Ngày|Năm|Tháng) nào,"
    # "Với sự tham gia của bao nhiêu đội thi ...?": who took part, with no clause saying in what.
    r"|^Với sự (?:tham gia|tham dự|có mặt|chứng kiến|phối hợp|hỗ trợ|giúp đỡ)\b[^,]*\?$"
)


# "đã tổ chức tại huyện Tiên Du (vào thời gian nào)?": the place, but not what was held there.
_HELD_AT_NOTHING = re.compile(
    r"\btổ chức\s+(?:tại|ở)\s+(?:(?!nào|ai\b|bao nhiêu|gì|đâu)[^?]){2,40}?(?:\s+vào [^?]{0,25})?\?$"
)
_NOTHING_REPORTED = re.compile(
    r"(?i)(?:cho biết|thông tin|thông báo|cho hay|vừa phát hiện|đã phát hiện)\s*(?:vào [^?]{0,25})?\?$"
)


# "Đồn Biên phòng ... đã phát hiện ở đâu?": a verb that needs its object, then the question.
_VERB_THEN_QUESTION = re.compile(
    r"(?<!\w)(?:phát hiện|bắt giữ|thu giữ|tổ chức|ký kết|ký|trao|tiếp|triệt phá|khởi tố|chủ trì)\s+"
    r"(?:ở đâu|tại đâu|vào (?:ngày|thời gian|thời điểm|tháng|năm) nào)\?$"
)


@functools.cache
def _office_heads() -> tuple[str, ...]:
    gaz = load_gazetteer()
    return tuple(fold_for_match(h) for h in (*gaz.all_ranks, *gaz.titles, *gaz.honorifics, "Phu nhân"))


def _opens_with_office(text: str) -> bool:
    """ "Thứ trưởng Bộ An ninh ...", "Đại úy Nguyễn Lan Anh", "Phu nhân": someone, not a post's tail."""
    folded = fold_for_match(text)
    return any(folded.startswith(h + " ") or folded == h for h in _office_heads())


def malformed(stem: str, question: bool = True) -> str | None:
    """Why the stem is not a well-formed question (a few words), or None."""
    if question and not _QUESTION_WORDS.search(stem[:1].lower() + stem[1:]):
        return "no question word"
    if re.search(
        r"(?:\scó (?:các |những )?ai|:\s*ai)\?$|(?<!\w)gồm\s*:?\s*ai(?:,\s|\s+(?:được|đã|đang|sẽ|cùng)\s)",
        stem,
    ):
        # "Dự lễ khai giảng có ai?", "... gồm đồng chí: ai?", "tổ công tác ... gồm ai được tập huấn?"
        return "one of several people present"
    if re.match(r"(?i)(?:tới|đến|về|cùng|tham)\s+dự[^?]{0,60}?\scó\s+(?:đồng chí\s+)?ai(?!\w)", stem):
        # "Tới dự buổi khai mạc có ai giáo dục Quốc phòng – an ninh tỉnh?": a guest among several,
        # with what is left of his posts after the cut (both fresh66 readers).
        return "one of several people present"
    if question and _asked_among_named_bodies(stem):
        return "one body of a list"
    if re.search(r"(?i)(?<!\w)(?:hai|ba|bốn|năm|\d+)\s+ai(?!\w)", stem):
        # "chúc mừng hai ai và Nguyễn Văn Long": one of a counted pair (both fresh45 readers).
        return "one of a counted pair or group"
    if re.search(rf"(?<!\w)ai\s+(?:tỉnh|thành phố|huyện|quận|xã|phường)\s+[{UPPER}]", stem):
        # "Đoàn ... gồm ai tỉnh Quảng Tây?": the person's post cut out, its province left behind
        # (both fresh46 readers).
        return "a place left after 'ai'"
    if re.search(r"(?i)kỷ niệm\s+(?:bao nhiêu|mấy)\s+năm\?$", stem):
        # "buổi gặp mặt kỷ niệm bao nhiêu năm?": which anniversary is cut away (it marked two).
        return "the anniversary is not named"
    if (
        _AI_APPOSITION.search(stem)
        or _AI_DASH.search(stem)
        or re.match(r"Ai,\s", stem)
        or _DASH_AI.search(stem)
    ):
        return "an apposition left after 'ai'"
    if _FRAGMENT_START.match(stem) or re.match(r"[^,?]{1,25}\s,\s+(?:các|những)\s", stem):
        return "starts as a fragment"  # "TP.HCM , các trục cao tốc ...": a list's middle
    asked = _QUESTION_WORDS.findall(stem[:1].lower() + stem[1:])
    if len(asked) > 1 and not re.search(r"(?<!\w)từ [^?]*nào đến [^?]*nào", stem):
        # "ngày nào Khoa dùng điện thoại vào ứng dụng nào?": the text's own "ngày nào" (every day)
        # reads as a second question (both fresh48 readers).
        return "two question words"
    if re.search(r":\s*(?:kể từ khi|từ khi|sau khi|khi)\s[^,:?]*\?$", stem):
        # "Bộ trưởng ... nêu rõ: kể từ khi hai nước nâng quan hệ ... vào tháng nào?": a "since"
        # clause alone after the colon, its main clause cut away (both fresh48 readers).
        return "a subordinate clause alone after the colon"
    unquoted = re.sub(r'"[^"]*"|“[^”]*”', "", stem)
    if re.search(r"(?<!\w)(?:tôi|chúng tôi|bọn em|chúng em|bọn tôi|nó)(?!\w)", unquoted):
        # "khi em và D. đang gặt lúa thì nó gọi điện rủ em đi": a speaker's pronouns, out of the
        # quotation that said who they are (both fresh48 readers).
        return "a speaker's pronoun"
    if stem.count('"') % 2 or stem.count("“") != stem.count("”"):
        # 'D. nhớ lại: "Bọn em ở đó được bao nhiêu ngày, đợi đến đêm?': a quotation cut open, its
        # "em" and "ở đó" the speaker's (both fresh48 readers).
        return "a quotation cut open"
    if word_count(stem) < 4:
        return "too short to say what is asked"
    if re.search(r"(?<!\w)(?:đã|đang|sẽ|vừa|được|bị)\?$", stem):
        return "the act is cut off after its tense"  # "Từ mở đường, ... đội nào đã?": did what?
    if re.search(
        r"(?<!\w)(?:nhấn mạnh|cho biết|khẳng định|chia sẻ|nói|phát biểu|bày tỏ|cho rằng)"
        r"\s+như\s+(?:vậy|thế)(?!\w)",
        stem,
    ):
        return "what was said is not in the stem"  # "Ai đã nhấn mạnh như vậy ...?": said what?
    if re.search(
        r"(?<!\w)(?:nhấn mạnh|cho biết|khẳng định|chia sẻ|nói|thông tin)\s*,?\s+"
        r"(?:từ|kể từ|trong|sau|tính đến)\s[^,?]*(?:đến nay|tới nay|vừa qua|qua|tới)\?$",
        stem,
    ):
        return "what was said is cut after its time"  # "Ai cho biết từ khi ... năm 2014 đến nay?": what then?
    if re.search(r"(?<!\w)có ai,?\s+(?:các|những|lãnh đạo|đại diện|cán bộ)(?!\w)", stem):
        return "the first of those present asked"  # "Cùng dự lễ có ai lãnh đạo Trung tâm ...?"
    if re.search(r"(?i)(?:^|(?<!\w)do\s+)ai\s+(?:làm\s+)?đồng chủ trì", stem) and not re.search(
        r"(?i)phía|bên", stem
    ):
        return "one of two co-chairs"  # "Hội nghị do ai đồng chủ trì?": which side, the stem does not say
    if re.search(r"\([^()]*(?<!\w)(?:nào|ai|bao nhiêu|đâu)(?!\w)[^()]*\)", stem):
        # "(39 tuổi, ở đâu, TP.Đà Nẵng)": a home asked inside the driver's details.
        return "the question word inside brackets"
    if re.search(rf"(?<!\w)đâu\s+và\s+(?:tại\s+|ở\s+)?(?:\w+\s+)?[{UPPER}0-9]", stem):
        return "one of several places"  # "tại đâu và ấp 4, xã Vĩnh Châu B": which of the two?
    if re.search(r"(?<!\w)như\s*:\s*[^?]*bao nhiêu", stem):
        return "one item of a list of goods"  # "... như: vỏ bao bì bột giặt hiệu Omo bao nhiêu kg?"
    between = re.search(rf"(?<!\w)giữa\s+([{UPPER}][^,?]*)\?$", stem)
    if between and not re.search(r"(?<!\w)(?:và|với|nào|đâu|ai|bao nhiêu|gì|hai)(?!\w)", between.group(1)):
        return "'giữa' cut before its second party"  # "... phối hợp giữa Phòng Cảnh sát Hình sự?"
    if re.search(r"(?:nào|ai|bao nhiêu|đâu)\s*\([^)]*\)\?$", stem):
        return "a bracket after the question word"  # "tầm nhìn đến năm nào (Đề án 06)?"
    named = re.search(rf"[{UPPER}]", stem[1:]) or re.search(r"(?i)(?<!\w)ai(?!\w)", stem)
    if word_count(stem) <= 6 and not named:
        return "nothing says whose or which"  # "Dự kiến triển khai ngày nào?"
    if _HELD_AT_NOTHING.search(stem):
        return "what was held is missing"  # "Cục nào đã tổ chức tại huyện Tiên Du?"
    if _NOTHING_REPORTED.search(stem):
        return "what was reported is missing"  # "Ngày 12-2, cục nào cho biết?"
    cut = _VERB_THEN_QUESTION.search(stem)
    if cut and "được" in stem[: cut.start()].split()[-16:]:
        cut = None  # "Hội nghị ... đã được Công an tỉnh tổ chức vào thời gian nào?": the passive has it
        # (its agent may be long: "đã được Đại tướng X, Bộ trưởng Bộ Công an tiếp")
    if re.search(r"\s\?$", stem) or cut:
        return "cut before its object"  # "..., Ban Chỉ huy BĐBP tỉnh Quảng Trị chủ trì ?"
    if re.search(r",\s+(?:[^\s,]+\s+){0,2}(?:nào|ai)\?$", stem):
        return "the asked one's clause is cut off"  # "..., thông qua công tác nắm tình hình, phòng nào?"
    three_capitals = rf"(?<!\w)nào\s+[{UPPER}]\w*\s+[{UPPER}]\w*\s+[{UPPER}]"
    holder_next = rf"(?:trưởng|Giám đốc|Chủ tịch)\s+\w+\s+nào\s+[{UPPER}]\w*\s+[{UPPER}]"
    if re.search(three_capitals, stem) or re.search(holder_next, stem):
        return "a post's body asked before its holder's name"  # "Phó Chủ tịch UBND nào Bùi Xuân Cường"
    if re.match(r"(?i)(?:tôi|chúng tôi)\s", stem) or re.search(r"(?<![\w\"“])(?:tôi|chúng tôi)(?!\w)", stem):
        return "a witness's own words"  # "Tôi tiếp nhận ...", "Có lẽ tôi may mắn ...": who is "tôi"?
    if re.match(r"(?i)theo ai(?!,)", stem):
        return "'theo ai' without the reported clause"
    if re.search(r"(?i)(?<!\w)ai\s*(?:,|và)\s+(?:ông|bà|ngài)\s", stem):
        # "Ai và bà Catherine Rossi sẽ ...". Not "ai và Đại úy Nguyễn Lan Anh": readers accepted two
        # of the three drafts asked beside an officer with his rank (tried: dev lost them).
        return "one of several people named together"
    if re.search(
        r"(?i)(?<!\w)(?:hai|ba|bốn|năm|\d+)\s+(?:cá nhân|người|đồng chí|sĩ quan|sỹ quan)\s+là\s+ai\?", stem
    ):
        return "one of several people named together"  # "... và hai cá nhân là ai?": one answer for two
    joined = re.search(rf"(?<!\w)[Aa]i và ([{UPPER}]\w* [{LOWER}][^?]*)", stem)
    if joined and not _opens_with_office(joined.group(1)):
        return "a title cut around 'ai'"  # "ai và Bảo vệ biên giới Australia?": a post's tail
    if _LEADER_THEN_TIME.search(stem):
        return "what the leader did is cut away"  # "Đoàn ... do Trung tướng Nguyễn Duy Ngọc vào ngày nào?"
    if re.search(r"(?<!\w)(?:gồm|bao gồm|như|là|của|với|và|cho)\s*:?\?$", stem):
        return "ends on a word that needs what follows"  # "... đến từ năm quốc gia gồm?"
    if " | " in stem:
        return "page debris"  # "07/09/2017 | – Khóa đào tạo ...": a time line glued to the text
    if stem.count("(") != stem.count(")") or re.search(r",\s*\?$", stem):
        return "a bracket or a clause cut in half"  # "Tỉnh Hưng Yên) là bao nhiêu ...", "... Kỳ,?"
    return None


_REPORTED_WHEN = re.compile(
    r"^(?:Theo bài báo, )?[^,?]{0,70}?(?:,\s[^,?]{1,25}?)?"  # "Công an huyện X, Kon Tum"
    r"\s(?:cho biết|thông tin|thông báo|cho hay|nhắc lại)(?:,|\s)"
)
_LEADER_THEN_TIME = re.compile(
    rf"(?<!\w)do\s+(?:(?:[{UPPER}][^\s,?]*|tướng|tá|úy)\s+)+(?:vào\s+)?(?:thời gian|ngày|thời điểm)\s+nào\?$"
)
_BARE_TIME_QUESTION = re.compile(
    rf"(?<!\w)(?!(?:vào|trong|từ|đến|tới|lúc|khi|là|sáng|chiều|tối|trưa|đêm|hôm|cho|của|đầu|cuối|giữa|những|các|mấy|cùng|mỗi)\s)"
    rf"([{LOWER}]+)\s+((?:thời gian|thời điểm|ngày) nào\?)$"
)
_LEADING_TIME_QUESTION = re.compile(
    # "Lúc thời gian nào vừa qua,": "vừa qua" went with the date the question replaced.
    # "Vào khoảng 11h30p ngày nào,": a clock time the answer left out stays with the asked day.
    r"(?i)^(?P<q>(?:vào |hồi |lúc )?(?:khoảng )?(?:\d{1,2}\s?(?:h|giờ)(?:\s?\d{1,2}(?:p|')?)?\s)?"
    r"(?:(?:sáng|chiều|tối|trưa|đêm|rạng sáng) )?(?:thời gian|ngày|năm|tháng|thời điểm) nào)"
    r"(?:\s+(?:vừa qua|vừa rồi))?,"
    r"\s+(?P<rest>.+)$"
)


# A sentence that starts with its verb ("Phát hiện và bắt giữ 396 vụ ..."): in a run of results
# the subject is the one the sentences before it named.
_ACTION_START = re.compile(
    r"^(?:Phát hiện|Bắt giữ|Bắt quả tang|Triệt phá|Tăng cường|Khám xét|Điều tra|Làm rõ|Xử lý|Thu giữ|"
    r"Khởi tố|Giải cứu|Tiếp nhận|Xử phạt|Kiểm tra|Tuyên truyền|Huy động|Tạm giữ|Vận động|Truy bắt|"
    r"Lập biên bản|Đấu tranh|Ngăn chặn|Trao|Cử|Đã|Tước|Thu hồi|Bắt)(?!\w)"
)
# Who acts in police news: a force, a body, a unit ("lực lượng Công an tỉnh", "Bộ đội Biên phòng").
_AGENT = re.compile(
    r"(?i)^(?:lực lượng|công an|cơ quan|bộ đội|biên phòng|cảnh sát|csgt|bộ|cục|phòng|đội|ban|sở|viện|"
    r"học viện|tổ công tác|đơn vị|đoàn|hội|ủy ban|ubnd|trung tâm|đồn|trạm|các đơn vị|các lực lượng)(?!\w)"
)
_SUBJECT_ENDS = {"đã", "đang", "sẽ", "vừa", "được", "cũng", "bị", "tiếp tục", "luôn", "đều"}


def subject_of(analysis: SentenceAnalysis) -> str | None:
    """The subject of ``analysis``'s main clause ("lực lượng Công an tỉnh" of "Năm 2019, lực lượng
    Công an tỉnh đã điều tra ..."), or None when it starts with its verb or has none to lend."""
    text = analysis.text
    start = 0
    for piece in re.finditer(r"[^,;:]+", text):
        said = piece.group(0).strip()
        if _ADVERBIAL_START.match(said) or LEADING_OPENERS.fullmatch(f"{said}, "):
            continue  # "Cụ thể, trong 4 ngày ..., lực lượng CSGT ... đã": the subject is after both
        start = piece.start() + len(piece.group(0)) - len(piece.group(0).lstrip())
        break
    words = [t for t in analysis.tokens if t.start >= start]
    if not words or words[0].pos not in ("N", "Np", "Nc", "Ny"):
        return None
    for i, t in enumerate(words):
        if t.text in (",", ";", ":", "(", '"') or t.pos == "CH":
            return None  # an apposition or a list: not a plain subject to lend
        if t.pos == "V" or t.text.casefold() in _SUBJECT_ENDS:
            subject = text[start : t.start].strip()
            agent = _AGENT.match(subject) is not None and not re.search(r"\d", subject)
            # "lực lượng", "cơ quan" alone say no more than the verbless stem did.
            agent = agent and subject.casefold() not in ("lực lượng", "cơ quan", "đơn vị", "các lực lượng")
            return subject if 1 <= i <= 10 and agent else None
    return None


# "Hội đã tổ chức ...", "Trong năm 2021, đơn vị đã điều tra ...": a body the article named before,
# which a quiz has not got (readers: "'Hội' unresolved out of context").
_BARE_BODY = re.compile(
    r"^(?P<lead>(?:[^,?]{1,60},\s+)?)(?P<word>[Đđ]ơn vị|Hội|Đồn|Trường|Học viện)\s+"
    # "Đồn lập tổ công tác ...": the station the article named before (both fresh51 readers).
    r"(?=(?:đã|đang|sẽ|vừa|cũng|tiếp tục|lập|thành lập|phối hợp|triển khai|tổ chức)\s)"
)


def _bare_body_named(stem: str, earlier: tuple[SentenceAnalysis, ...]) -> str:
    """ "Hội đã tổ chức 121 đợt ..." -> "Hội Phụ nữ Công an tỉnh Gia Lai đã tổ chức 121 đợt ...": the
    body named as the subject of the nearest sentence before that has one of the right kind."""
    m = _BARE_BODY.match(stem)
    if not m or re.search(rf"[{UPPER}]\w*\s+[{UPPER}]", m.group("lead")):
        return stem  # "Cơ quan CSĐT Công an tỉnh X thông tin, đơn vị đã ...": named in the stem
    word = m.group("word")
    named = word in ("Hội", "Đồn", "Trường", "Học viện")  # its own kind of body, not any unit
    for analysis in reversed(earlier):
        subject = subject_of(analysis)
        if not subject or not subject[:1].isupper() or len(subject.split()) < 3:
            continue
        if named != subject.startswith(("Hội ", "Đồn ", "Trường ", "Học viện ")) or (
            named and not subject.startswith(word + " ")
        ):
            continue
        return f"{m.group('lead')}{subject}{stem[m.end('word') :]}"
    return stem


# "đường dây này", "nhóm nói trên": the ring the article introduced before, by the words it used.
_RING_POINTER = re.compile(
    r"(?<!\w)(?:đường dây|nhóm|băng nhóm|ổ nhóm)\s+(?:này|trên|nói trên|nêu trên)(?!\w)"
)
_RING_INTRODUCED = re.compile(
    r"(?<!\w)(?:một|1|thuộc)\s+(?P<ring>(?:đường dây|băng nhóm|ổ nhóm|nhóm)\s+(?![0-9])"
    r"(?:[^\s,.;:()\"“]+\s+){0,7}?"
    r"[^\s,.;:()\"“]+)(?=\s*[,.;:(]|\s+(?:do|gồm|có|tại|ở|trên địa bàn|và|với|từ năm|hoạt động|dưới)(?!\w)|$)"
)


def _ring_named(stem: str, earlier: tuple[SentenceAnalysis, ...]) -> str:
    """ "Công an xác định kẻ cầm đầu đường dây này là ai?" -> "... đường dây lừa đảo xuyên quốc gia
    là ai?": the ring as the article first introduced it ("triệt phá một đường dây lừa đảo xuyên
    quốc gia", "10 người thuộc đường dây đánh bạc qua mạng"); unchanged when no sentence before
    introduces one."""
    pointer = _RING_POINTER.search(stem)
    if pointer is None:
        return stem
    for analysis in earlier:
        ring = _RING_INTRODUCED.search(analysis.text)
        if ring and len(ring.group("ring").split()) >= 3:
            return stem[: pointer.start()] + ring.group("ring") + stem[pointer.end() :]
    return stem


# An adverb before a sentence's verb, kept after the lent subject: "Bước đầu bắt giữ 2 đối tượng".
_OPENER_BEFORE_ACTION = re.compile(r"^(Bước đầu|Sau đó|Tiếp đó|Đồng thời|Cùng ngày|Ngay sau đó),?\s+")


_THIS_MONTH = re.compile(r"^Trong tháng,\s")
_COMPARED = re.compile(r"^So với (?:năm (?P<year>\d{4})|cùng kỳ(?: năm trước)?),\s")
_A_MONTH = re.compile(r"(?<!\w)tháng (\d{1,2}/\d{4}|\d{1,2} năm \d{4})")
_A_YEAR = re.compile(r"(?<!\w)năm (\d{4})(?!\d)")
_A_PLACE_FIRST = re.compile(r"^(?:Tại|Ở)\s+([^,]{2,40}),")


def with_scope(stem: str, prior: tuple[SentenceAnalysis, ...], headline: str) -> str:
    """ "Trong tháng, toàn tỉnh xảy ra ...", "So với năm 2018, số vụ TNGT giảm ...": figures whose
    month, year or place the sentence before gave. Out of the article the question needs them:
    "Trong tháng 12/2025, ...", "Năm 2019, tại BR-VT, so với năm 2018, ..."."""
    before = [p.text for p in reversed(prior)]
    if _THIS_MONTH.match(stem):
        month = next((m.group(1) for t in [*before, headline] for m in [_A_MONTH.search(t)] if m), None)
        return f"Trong tháng {month}, {stem[len('Trong tháng, ') :]}" if month else stem
    compared = _COMPARED.match(stem)
    if not compared:
        return stem
    against = compared.group("year")
    year = next(
        (y for t in before for y in _A_YEAR.findall(t) if y != against and (not against or y > against)), None
    )
    if year is None:
        return stem
    place = next((m.group(1) for t in before[:1] for m in [_A_PLACE_FIRST.match(t)] if m), None)
    nation = before and re.search(r"(?i)(?<!\w)(?:trên )?(?:toàn quốc|cả nước)(?!\w)", before[0])
    scope = (
        f"Năm {year}, tại {place}" if place else f"Năm {year}, trên toàn quốc" if nation else f"Năm {year}"
    )
    return f"{scope}, {stem[:1].lower()}{stem[1:]}"


def lend_subject(stem: str, prior: tuple[SentenceAnalysis, ...]) -> str:
    """ "Phát hiện bao nhiêu vụ ...?" -> "Lực lượng Công an tỉnh phát hiện bao nhiêu vụ ...?"."""
    opener = _OPENER_BEFORE_ACTION.match(stem)
    rest = stem[opener.end() :] if opener else stem
    rest = rest[:1].upper() + rest[1:]
    if not _ACTION_START.match(rest):
        return stem
    # "Bước đầu bắt giữ ..." -> "Phòng Cảnh sát hình sự ... bước đầu bắt giữ ...".
    adverb = f"{opener.group(1).lower()} " if opener else ""
    for analysis in reversed(prior):
        subject = subject_of(analysis)
        if subject:
            return f"{subject[:1].upper()}{subject[1:]} {adverb}{rest[:1].lower()}{rest[1:]}"
        if not _ACTION_START.match(analysis.text.strip()):
            break  # a sentence with neither: the run of results has ended
    return stem


# "tại đâu Hội nghị trao đổi, phối hợp bảo đảm an ninh, trật tự ...": an event's name may hold commas.
_WHERE_INSIDE = re.compile(
    r"^(?P<head>.+?)\s+(?:tại|ở) đâu\s+(?P<obj>[^,?]{3,}|(?:Hội|Lễ|Lớp|Khóa|Cuộc)\s(?:[^?\s]+\s?){1,19})\?$"
)
_WHERE_FIRST = re.compile(
    r"^Tại đâu\s+(?P<tense>(?:đã|sẽ|đang)\s+)?(?P<verb>diễn ra|khai mạc|tổ chức)\s+(?P<obj>[^?]{3,})\?$"
)


def _where_last(stem: str) -> str:
    """ "Bộ Công an đã tổ chức tại đâu Hội nghị ...?" -> "Bộ Công an đã tổ chức Hội nghị ... ở đâu?":
    the place asked after the thing done, as a trainer would say it."""
    m = _WHERE_INSIDE.match(stem.strip())
    if m:
        return f"{m.group('head')} {m.group('obj')} ở đâu?"
    m = _WHERE_FIRST.match(stem.strip())
    if m:
        obj = m.group("obj")
        return f"{obj[:1].upper()}{obj[1:]} {m.group('tense') or ''}{m.group('verb')} ở đâu?"
    return stem


# A connective that ties the sentence to the one before it ("Đồng thời cử ...", "Trong số đó, ..."):
# alone on a quiz it points at nothing, and the clause after it stands without it.
_BARE_CONNECTIVE = re.compile(
    r"^(?:Đồng thời|Trong số đó|Trong đó|Ngoài ra|Bên cạnh đó|Theo đó|(?:Kể )?[Tt]ừ khi)\s*,?\s+"
)
# A purpose or framing clause that opens the sentence ("Nhằm ...", "Để ...", "Triển khai Quyết
# định ...", "Bên lề chuyến thăm ...", "Khi nắm được thông tin ..."): the question must be asked in
# the main clause after it, or the stem is that clause alone, with no one doing anything.
_OPENING_PURPOSE = re.compile(r"^(?:Nhằm|Để)\s")
_OPENING_FRAME = re.compile(
    r"^(?:Triển khai|Thực hiện|Bên lề|Bên cạnh|Nằm trong|Khi|Hưởng ứng|Căn cứ|Chấp hành|Quán triệt|"
    r"Cụ thể hóa|Ngay khi|Ngay sau khi|Chưa đầy)\s"
)


def _without_connective(
    stem: str, prior: tuple[SentenceAnalysis, ...], sentence: SentenceAnalysis
) -> str | None:
    """``stem`` without its opening connective; None when what is left has no subject to lend."""
    connective = _BARE_CONNECTIVE.match(stem)
    if not connective:
        return stem
    rest = stem[connective.end() :]
    rest = rest[:1].upper() + rest[1:]
    lent = lend_subject(rest, prior)
    if lent != rest:
        return lent
    first = _first_word(rest, sentence)
    tense = re.match(r"(?i)(?:đã|đang|sẽ|vừa|được)\s", rest)
    verb = _ACTION_START.match(rest) or (first is not None and first.pos == "V")
    if tense or (verb and not _QUESTION_WORDS.match(rest.lower())):
        return None  # "Tổng kết phong trào ... năm nào?": whose act, the stem no longer says
    return rest


def _orphan_connective(stem: str, sentence: SentenceAnalysis) -> bool:
    """ "Đồng thời phát hiện bao nhiêu đối tượng ...?", "Trong đó có 35 học viên quốc tế và bao
    nhiêu ...?": cut to its last clause, the stem opens with a word tying it to the clause before,
    and no subject of its own follows (no subject could be lent from the sentences before)."""
    if re.match(r"^(?:Trong số đó|Trong đó)\s*,?\s", stem):
        return True  # "trong đó" counts or picks out of what the cut clause named
    if re.match(r"^(?:Nhất là|Đặc biệt là|Nhất)\s", stem):
        return True  # "Nhất là sau chuyến thăm ...": the clause it stresses was cut away
    if re.match(r"^(?:Tiêu biểu|Điển hình)(?:\s+là|\s*:)\s", stem):
        return True  # "Tiêu biểu là cuộc Hội nghị ...": one example of what the sentence before said
    if re.match(r"^(?:Nên|Vì thế nên|Cho nên|Mà)\s", stem):
        return True  # "Nên đã nhanh chóng ngăn ...": the reason it follows from was cut away
    opener = _BARE_CONNECTIVE.match(stem) or _OPENER_BEFORE_ACTION.match(stem)
    if not opener or stem.startswith(("Bước đầu", "Cùng ngày")):
        return False  # "Bước đầu xác định, ...", "Cùng ngày, ...": a frame, what follows has its subject
    rest = stem[opener.end() :]
    if _ACTION_START.match(rest[:1].upper() + rest[1:]) or re.match(r"(?i)(?:đã|đang|sẽ|vừa|cùng)\s", rest):
        return True
    first = _first_word(rest, sentence)
    return first is not None and first.pos == "V" and first.text.casefold() not in _VERB_FIRST_OK


def _purpose_only(stem: str, sentence: SentenceAnalysis) -> bool:
    """ "Để tiếp tục giữ vững an ninh, ..., an toàn Tết nào?": the asked word is in the opening
    purpose, and no main clause ("..., Công an tỉnh đã ...") follows it; "Khi nắm được thông tin bao
    nhiêu phụ nữ ...?": the asked word is in the opening frame."""
    asked = _QUESTION_WORDS.search(stem)
    if _OPENING_FRAME.match(stem):
        # A frame ends at its comma ("Khi kết thúc khóa huấn luyện, bao nhiêu phần trăm ..."); what
        # follows must be a clause ("Bên cạnh việc ..., trong 2 ngày nào?" has lost its subject).
        if asked is None:
            return False
        if "," not in stem or asked.start() < stem.index(","):
            return True
        rest = stem[stem.index(",") + 1 :]
        return not _has_verb(rest, sentence) and not any(t.pos == "V" for t in analyse(rest).tokens)
    if not _OPENING_PURPOSE.match(stem):
        return False
    main = re.search(rf",\s+[{UPPER}]", stem)
    return asked is not None and (main is None or asked.start() < main.start())


# Verbs a sentence may open with and still say who or what is meant: "Có bao nhiêu đại biểu tham
# dự?", "Tham dự hội nghị có ...", "Theo kế hoạch, ...", "Tổng cộng bao nhiêu bánh heroin ...".
_VERB_FIRST_OK = {
    "có", "theo", "tham dự", "tham gia", "tính", "tổng cộng", "dự", "đến dự", "được biết", "đại diện",
}  # fmt: skip


def _first_word(stem: str, sentence: SentenceAnalysis) -> Token | None:
    """The stem's first word as the toolkit read it in its sentence (a stem is the sentence's own
    words; analysing each stem again would cost a toolkit run per draft), else on its own."""
    folded = stem.casefold()
    same = [t for t in sentence.tokens if folded.startswith(t.text.casefold() + " ")]
    if same:
        word = max(same, key=lambda t: len(t.text))
        before = sentence.text[: word.start].rstrip()
        if before and (before[-1].isalnum() or before[-1] == ","):
            # Inside its sentence a capital is a name's ("Học viện Cảnh sát", "Trung đoàn ..."),
            # whatever tag the toolkit gave it.
            return Token(word.text, "Np", word.start, word.end) if word.text[:1].isupper() else word
    tokens = analyse(stem[:1].lower() + stem[1:]).tokens  # the tagger reads a capital as a name
    return tokens[0] if tokens else None


def _no_subject(stem: str, sentence: SentenceAnalysis) -> bool:
    """ "Ban hành chương trình nào là ...?", "Kéo dài thời gian công tác đối với ...?": the clause
    asked opens with its verb and no one does it (no subject after a comma either)."""
    if _ADVERBIAL_START.match(stem):
        return False  # "Kể từ ngày nào, ...", "Qua bao nhiêu ngày học tập, học viên ...": a time first
    asked = _QUESTION_WORDS.search(stem)
    if re.match(r"(?:Bao gồm|Gồm)\s", stem):
        return True  # "Gồm Cao Bằng 155 chiến sĩ, Bắc Kạn bao nhiêu chiến sĩ?": what is made up, cut away
    if asked is None or re.search(r"\scó\s", stem[: asked.start()]):
        return False  # "Đón tiếp đoàn có ai ...": what opens the clause is its subject
    comma = stem.find(",")
    if comma >= 0 and asked.start() > comma:
        return False
    first = _first_word(stem, sentence)
    if (
        first is not None
        and first.text.casefold() == "có"
        and sentence.text[: first.start].rstrip().endswith(",")
    ):
        # "..., có tổng số tiền giao dịch lên tới ...": "có" after a comma is the earlier
        # subject's verb, not "there are".
        return True
    if first is None or first.pos != "V" or first.text.casefold() in _VERB_FIRST_OK:
        return False
    after = stem[len(first.text) :].split()
    # "Hợp tác giữa Bộ Công an Việt Nam với bộ nào ...": the verb names the subject; "Báo cáo của
    # Tổng thư ký cho thấy ...", "Cầm đầu đường dây này là ai": a verb used as a noun is the subject.
    if after and after[0].casefold() == "của":
        return False
    if re.search(r"\slà\s+(?:ai|gì)\?$", stem):
        return False
    return not (after and after[0].casefold() == "giữa")


# "dự thảo kế hoạch hành động của Bộ Công an, đóng vai trò hỗ trợ cho ...": a clause that describes
# the noun phrase just before its comma; that phrase is its subject.
_DESCRIBING = re.compile(r"^(?:Đóng vai trò|Giữ vai trò|Là nơi|Là đơn vị)\s")
_PHRASE_TAGS = {"N", "Np", "Nc", "Nu", "M", "A", "Ny", "Nb"}


def _described_before(stem: str, sentence: SentenceAnalysis) -> str | None:
    """``stem`` with the noun phrase it describes as its subject, or None."""
    if not _DESCRIBING.match(stem):
        return None
    opening = " ".join(stem.split(" ")[:3])
    at = sentence.text.find(", " + opening[:1].lower() + opening[1:])
    if at < 0:
        return None
    before = [t for t in sentence.tokens if t.end <= at]
    i = len(before)
    while i > 0:
        t = before[i - 1]
        inside = 1 < i < len(before) and before[i - 2].pos == "N" and before[i].pos in ("N", "E")
        if t.pos in _PHRASE_TAGS or t.text == "của" or (t.pos == "V" and inside):
            i -= 1
            continue
        break
    words = before[i:]
    if not words or words[0].pos not in ("N", "Nc") or not 2 <= len(words) <= 12:
        return None
    subject = sentence.text[words[0].start : words[-1].end]
    return f"{subject[:1].upper()}{subject[1:]} {stem[:1].lower()}{stem[1:]}"


# "Ngày 12/8 tại đâu, Cục Gìn giữ hòa bình Việt Nam đã tiếp nhận ...?": the place asked where the
# text put it, between the time and the clause, reads unnatural (both readers); asked at the end.
_WHERE_AFTER_TIME = re.compile(
    r"^(?P<time>(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Sáng nay|Chiều nay|Tối nay)(?:\s+(?:ngày\s+)?[\d/.\-]+)?)"
    r",?\s+tại đâu,\s+(?P<rest>[^?]*?[^?\s.])\s*\?$"
)
# "Phòng CSĐT ... cùng Đội kiểm soát ..., Cục Hải quan ..., đồn Biên phòng ... và Đội CSGT số 1 (...)
# đã phát hiện ...": the partners of a joint operation, listed before its verb.
_PARTNERS = re.compile(
    # "vào khoảng 11h cùng ngày, ở bục ...": "cùng ngày" is a time, not a partner.
    r"(?<=\S)\s+cùng\s+(?!ngày|lúc|thời điểm|thời gian|năm|tháng|đêm|buổi|dịp|chiều|sáng|tối|trưa)(?:với\s+)?"
    r"(?P<partners>[^?]+?)"
    r"(?=\s+(?:đã|vừa|đang|sẽ|tiến hành|kịp thời|bất ngờ|phát hiện|bắt giữ|triệt phá|truy xét)\s)"
)


# "..., tại khu vực thuộc địa phận dốc Chuối, xã Châu Kim, huyện Quế Phong, Phòng ...": the scene's
# address before the subject, piece by lower-case piece.
# Only a piece of its own after a time ("Khoảng 12 giờ ngày 19/1, tại ..."), that names a place.
_LEAD_SCENE = re.compile(
    r"(?<=,\s)tại\s+(?:khu vực|địa bàn|địa phận|Km|km|quốc lộ|tỉnh lộ|đường|xã|phường|thôn|ấp|bản|"
    rf"huyện|quận|thị xã|thị trấn|tuyến)\b[^,?]*(?:,\s+[{LOWER}][^,?]*)*,\s+(?=[{UPPER}])"
)
_ASKED = re.compile(r"(?<!\w)(?:nào|ai|bao nhiêu|đâu)(?!\w)")


def _partners_in_short(stem: str, answer: str) -> str:
    """An over-long stem with the partners of a joint operation said in short ("cùng các đơn vị")
    and the scene's address before its subject left out: the stem asks what was done, not who
    helped nor the address. A part that holds the answer or the question word stays."""
    m = _PARTNERS.search(stem)
    if m and word_count(m.group("partners")) >= 8 and answer not in m.group("partners"):
        listed = re.search(r",|\svà\s", m.group("partners"))
        if listed and not _ASKED.search(m.group("partners")):
            stem = stem[: m.start("partners")] + "các đơn vị" + stem[m.end("partners") :]
    if word_count(stem) <= LONGEST_STEM_WORDS:
        return stem
    scene = _LEAD_SCENE.search(stem)
    quoted = re.search(r"[\"“:]", stem[: scene.start()]) if scene else None
    if scene and not quoted and answer not in scene.group(0) and not _ASKED.search(scene.group(0)):
        stem = stem[: scene.start()] + stem[scene.end() :]
    return stem


@functools.cache
def _partner_then_subject() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)với ai, (?:{rank_alternation()}) [{UPPER}]")


_SPAN_AND_LENGTH = re.compile(
    r"(?<!\w)từ\s+([^()?]{2,40}?)\s+đến\s+([^()?]{2,40}?)\s+là\s+([^()?]{2,25}?)\)?\?$"
)


# "10 bánh bánh heroin": the page's slip, a counted noun typed twice (both fresh44 readers).
_DOUBLED_UNIT = re.compile(r"((?:\d|bao nhiêu)\s+)([^\W\d]+)\s+\2(?!\w)")


# One counted item of a list: "38 điện thoại di động", "92 bánh (552.000 viên MTTH)", "11 cá nhân"
# (up to a word that goes on with the whole list: "của", "được" ...).
_LIST_STOP = r"(?:của|được|đã|đang|tại|với|trong|cho|để|từ|do|vì|khi|là|và|trị|có|về|ở|cùng)"
# The counted noun, and a gloss in brackets after it.
_ITEM_NOUN = rf"(?:\s+(?!{_LIST_STOP}(?!\w))[{LOWER}][{LOWER}\-]*){{1,5}}(?:\s\([^()]{{1,40}}\))?"
# Counts in words as the extractor reads them; "năm" (five, or a year) would take "năm 2024" as one.
_COUNT_WORD = "|".join(sorted((re.escape(w) for w in NUM_WORDS if w != "năm"), key=len, reverse=True))
# "129 cây nỏ dùng để sử dụng ma túy": an item may say what it is for.
_ITEM_USE = rf"(?:\s+để(?:\s+[{LOWER}]+){{1,4}})?"
_COUNTED_ITEM = rf"(?:(?:hơn|gần|khoảng|trên)\s+)?(?:\d[\d.,]*|{_COUNT_WORD}){_ITEM_NOUN}{_ITEM_USE}"
_ASKED_COUNT = re.compile(rf"bao nhiêu{_ITEM_NOUN}")
_ITEM_BEFORE = re.compile(rf"(?<=\s)({_COUNTED_ITEM})(?:,\s+|\s+và\s+)$")
_ITEM_AFTER = re.compile(rf"^(?:,\s+|\s+và\s+)({_COUNTED_ITEM})(?=[,?]|\s+(?:và|của|cùng)\s)")
# "... và nhiều vật chứng liên quan": the list's uncounted last item, which goes with the others.
_REST_AFTER = re.compile(rf"^\s+và\s+(?:nhiều|các)(?:\s+[{LOWER}]+){{1,5}}(?=\?)")
# "tờ bạc mệnh giá | 500.000 đồng": a count that is the noun's own measure, not a list's item.
_MEASURE_BEFORE = re.compile(r"(?<!\w)(?:giá|trị giá|mệnh giá|tổng|số)\s*$")


def _alone_in_its_list(stem: str) -> str:
    """ "Tang vật thu giữ gồm 92 bánh, bao nhiêu xe máy, 6 điện thoại di động và nhiều vật chứng
    khác?" -> "Tang vật thu giữ gồm bao nhiêu xe máy?": the other counts of the list are answers of
    their own that the stem would print (both readers: ask the one item)."""
    asked = _ASKED_COUNT.search(stem)
    if not asked:
        return stem
    start, end = asked.start(), asked.end()
    head, tail = stem[:start], stem[end:]
    removed = False
    # "Sáng 28/4, 20 tập thể, bao nhiêu cá nhân": the comma before the first item is the clause's.
    while before := _ITEM_BEFORE.search(head):
        if _MEASURE_BEFORE.search(head[: before.start(1)]):
            return stem
        head = head[: before.start(1)]
        removed = True
    while after := _ITEM_AFTER.match(tail):
        tail = tail[after.end() :]
        removed = True
    if removed and (rest := _REST_AFTER.match(tail)):
        tail = tail[rest.end() :]
    return f"{head}{stem[start:end]}{tail}" if removed else stem


_ALL_OF_COUNT = re.compile(r"(?i)(?<!\w)cả\s+(?=bao nhiêu(?!\w))")
_EACH_OF_COUNT = re.compile(r"(bao nhiêu(?!\s+phần trăm)(?:\s+[^\s,?]+){0,4}?)\s+đều(?!\w)")


_PARTICIPLE_LEAD = re.compile(r"^Được (?P<lead>[^,?]+), (?P<main>[A-ZĐ][^?]*)\?$")


def _participle_lead_asked(stem: str) -> str:
    """ "Được Quốc hội ban hành ngày 29/11/2024 và có hiệu lực từ ngày nào, Luật PCCC và CNCH có 8
    chương, 55 điều?" -> "Luật PCCC và CNCH được Quốc hội ban hành ... có hiệu lực từ ngày nào?":
    the asked part is said of the main clause's subject; what the main clause adds is another fact
    (both readers: the leftover clause reads as a template)."""
    m = _PARTICIPLE_LEAD.match(stem)
    if not m or not _QUESTION_WORDS.search(m.group("lead")) or _QUESTION_WORDS.search(m.group("main")):
        return stem
    main = m.group("main")
    verb = _first_lower_verb(main, 0, None)
    subject = main[:verb].strip() if verb > 0 else ""
    if not subject or word_count(subject) > 10 or "," in subject:
        return stem
    return f"{subject} được {m.group('lead')}?"


# "... trang thiết bị để quyết liệt?": the clause was cut inside its purpose ("quyết liệt, đồng bộ
# thực hiện ..."), whose words read as its whole (fresh49's readers: cut off); "..., cho thấy Đảng?"
# of "cho thấy Đảng, Nhà nước ... coi trọng" likewise.
_CUT_TAIL = re.compile(r"(?<!dùng)(?<!nhằm),?\s+(để|cho thấy|thể hiện)\s+([^\s?,]+(?:\s+[^\s?,]+)?)\?$")


def _without_cut_tail(stem: str, source: str) -> str:
    tail = _CUT_TAIL.search(stem)
    if tail and (
        tail.group(1) == "cho thấy"  # what it shows is a clause, never one or two words
        or re.search(rf"(?<!\w){tail.group(1)} {re.escape(tail.group(2))},", source)
    ):
        return stem[: tail.start()] + "?"
    return stem


def finish_stem(
    stem: str,
    fact: Fact,
    first_sentence: bool = False,
    question: bool = True,
    events: dict[str, str] | None = None,
    prior: tuple[SentenceAnalysis, ...] = (),
    earlier: tuple[SentenceAnalysis, ...] = (),
) -> str | None:
    """The printed stem for ``fact`` (datelines out, one clause, anchored), or None to drop it.

    ``prior``: the analyses of the sentences just before the fact's, to lend a subject; ``earlier``:
    all the article's sentences before it, to name a body the stem calls "Hội" or "đơn vị"."""
    sentence = analyse(fact.sentence.text)  # done once per sentence, cached
    stem = _DOUBLED_UNIT.sub(r"\1\2", strip_dateline(stem).strip())
    purpose = _LEADING_PURPOSE.match(stem)
    if question and purpose and not _QUESTION_WORDS.search(purpose.group(0)):
        # "Nhằm thúc đẩy quan hệ ..., Đoàn ... đã thăm, làm việc ...": why the visit was made is no
        # part of the fact asked, however long the stem.
        rest = stem[purpose.end() :]
        stem = rest[:1].upper() + rest[1:]
    if question:
        # "bắt giữ Nguyễn Anh Tuấn, 29 tuổi, trú tại khu 4, ..., khi ...": the age and home between
        # commas would be cut as clauses of their own, taking the arrest with them; the comma that
        # closed them goes too, so that the time clause stays the arrest's.
        stem = _AGE_AND_HOME.sub(lambda m: m.group(0) if _QUESTION_WORDS.search(m.group(0)) else "", stem)
    if question and fact.type.value == "who" and _partner_then_subject().search(stem):
        # "trong cuộc hội đàm với ai, Thiếu tướng Lee Sang Sik – Cảnh sát trưởng ... cho biết": the
        # officer after the comma is the clause's subject, whom the apposition rules would cut away
        # as the asked person's titles, leaving "hội đàm với ai cho biết".
        return None
    if question and not fact.template:
        if _purpose_only(stem, sentence):
            return None
        bare = _without_connective(stem, prior, sentence)
        if bare is None:
            return None
        # Without a connective the subject was already lent, or there was none to lend.
        stem = lend_subject(stem, prior) if bare == stem else bare
        titled = events or {}
        stem = with_scope(stem, prior, f"{titled.get(HEADLINE_KEY, '')} {titled.get('*', '')}")
    if question:
        stem = _participle_lead_asked(stem)
    leading = _LEADING_TIME_QUESTION.match(stem)
    if leading and fact.qphrase:
        # "(GLO)- Chiều 12-8, tại Hà Nội, X dự lễ": the dateline hid the leading time from the
        # rules; the time is asked at the end, as for any leading adverbial.
        asked = re.sub(r"(?i)^(?:vào|hồi|lúc) ", "", leading.group("q"))
        asked = asked[:1].lower() + asked[1:]  # "Ngày nào vừa qua, X ..." ends "X ... vào ngày nào?"
        stem = f"{leading.group('rest').rstrip('?. ')} vào {asked}?"
        fact = replace(fact, move_to_end=True)
    if fact.type.value == "when" and fact.move_to_end:
        stem = _act_before_road(stem, sentence)
    asked_inside = _TIME_ASKED_INSIDE.search(stem) if fact.type.value == "when" else None
    if asked_inside:
        # "X cho biết, thời gian nào, lực lượng CSGT sẽ ra quân?": the time is asked at the end.
        after = stem[asked_inside.end() :]
        first_comma = after.find(", ")
        while first_comma >= 0 and _agent_only(after[:first_comma], sentence):
            first_comma = after.find(", ", first_comma + 2)  # "X được một người ..., lai lịch giao"
        if first_comma >= 0 and word_count(after[:first_comma]) >= 4:
            after = after[:first_comma]  # the asked event's clause, not what follows it
        rest = (stem[: asked_inside.start()] + ", " + after).rstrip("?. ")
        stem = f"{rest} vào {asked_inside.group(1).removeprefix('vào ')}?"
    if fact.type.value == "where":
        stem = _where_last(stem)
    stem = _drop_apposition_after_ai(stem, sentence)
    # "Chủ trì buổi lễ là ai-Phó Giám đốc Công an tỉnh, Thủ trưởng ...?": the posts glued on after
    # the answer close the stem; "là ai" asks it.
    # Not "là ai, ... và Đại tá X": a second holder the stem must keep.
    stem = re.sub(rf"(?<!\w)(là ai)\s*[,–-]\s*{POST_HEAD}(?:(?!\s(?:và|cùng)\s)[^?])*\?$", r"\1?", stem)
    stem = _LEFT_APPOSITION.sub(r"\1 ", stem)
    stem = re.sub(r"(?<!\w)([Aa]i)\s+(?:[^\s,–-]+\s+)?[–-]\s+", r"\1 ", stem)  # "Ai (phòng) – đã trao"
    stem = _LEADING_OCCASION.sub("", stem)
    # "Ban nào cũng đã phát hiện ...", "Ai cũng đến dự": after the question word "cũng" reads as
    # "every"; the source's "also" has nothing to refer to in a quiz.
    stem = re.sub(r"(?<!\w)(nào|[Aa]i) cũng (?=\w)", r"\1 ", stem)
    # "Đại hội cũng bầu ...", "Chủ tịch ... cũng chia sẻ": the also points to a sentence the quiz
    # does not print (readers: a leftover "cũng"); "cũng như" joins two things and stays.
    stem = re.sub(r"(?<=\w) cũng (?!như(?!\w))(?=\w)", " ", stem)
    # "quán triệt phương châm: nào?": the colon introduced the quote the question replaced.
    stem = re.sub(r"\s*:\s+(nào|gì)(?=\?$)", r" \1", stem)
    # "tổng trị giá ... là: bao nhiêu đồng?", "tang vật ... gồm: bao nhiêu xe ô tô?"
    stem = re.sub(r"(?<!\w)(là|gồm)\s*:\s+(bao nhiêu)(?!\w)", r"\1 \2", stem)
    listed = re.search(r"(?<!\w)(?:bao nhiêu|nào|ai)(?!\w)[^:]*,?\s+gồm\s*:\s+([^?]*)\?$", stem)
    if listed and not _TENSE.search(listed.group(1)):
        # "... học bao nhiêu chuyên đề, gồm: Bồi dưỡng chính trị, pháp luật?": the list after the asked
        # count is cut where the stem ends, and read as if it were the whole. A list that runs into
        # the clause's verb ("gồm: Công an quận ... đã được ... điều động") stays.
        stem = re.sub(r",?\s+gồm\s*:\s+[^?]*\?$", "?", stem)
    # "trong 2 ngày 14 và 15-12" asked as "trong 2 những ngày nào": the count goes with the days.
    stem = re.sub(r"(?<!\w)(?:\d+|hai|ba|bốn|năm) (những ngày nào)", r"\1", stem)
    stem = re.sub(r"(?<!\w)([Tt]rong) (?:\d{1,2}|hai|ba|bốn|năm) (thời gian nào)", r"\1 \2", stem)
    # "do đồng chí ai làm Tổ trưởng": the honorific belonged to the name the question replaced.
    # "Xe do tài xế ai cầm lái": so did a role word written before the name.
    stem = re.sub(
        r"(?<!\w)(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|[Nn]gài|tài xế|lái xe|đối tượng|nghi phạm|bị can)"
        r"(?: tân)? ([Aa]i)(?!\w)",
        r"\1",
        stem,
    )
    stem = re.sub(r"(?<!\w)([Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa) nay(?=\s+\d)", r"\1", stem)  # "Sáng nay 21/12"
    # "Chiều nay (27/10)", "Hôm nay (7/12/2021)": "nay" is the day of publication; the date says it.
    stem = re.sub(
        r"(?<!\w)([Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa) nay \((\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)\)",
        r"\1 \2",
        stem,
    )
    stem = re.sub(r"(?<!\w)[Hh]ôm nay \((\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)\)", r"Ngày \1", stem)
    # "làm rõ bao nhiêu vụ/1.540 đối tượng": the pair's second count is another fact, and printed
    # beside the asked one it reads as a ratio.
    stem = re.sub(r"(bao nhiêu\s+\w+)/\s?\d[\d.,]*\s+(?:đối tượng|người|bị can|vụ|trường hợp)", r"\1", stem)
    # "... (giảm bao nhiêu vụ so với năm 2018)?": the question said in brackets is said plainly.
    stem = re.sub(r"\s*\(([^()]*\bbao nhiêu\b[^()]*)\)\s*(?=\?$)", r", \1", stem)
    glued = re.search(rf"(?<=[{LOWER}])\.(?=[{UPPER}][{LOWER}])", stem)
    if glued and _QUESTION_WORDS.search(stem[: glued.start()]):
        stem = stem[: glued.start()] + "?"  # "... hội nghị nào.Thời gian qua": the next sentence glued on
    if stem.count('"') % 2 == 1 and stem.startswith('"'):
        stem = stem[1:]  # the quotation opened the sentence and closes past the asked clause
    stem = re.sub(r"\s+", " ", stem).strip()
    # "Phái bộ ... đã diễn ra lễ trao Huy chương": an event takes place, a body holds it.
    # "Sáng 13/6, đã diễn ra hội thảo" has no body before it and stays.
    stem = re.sub(
        r"((?:\)|(?<!\w)nào|(?<!\w)[A-ZĐ]\w*)\s+(?:đã\s+)?)diễn ra "
        r"(?=(?:lễ|buổi|hội nghị|hội thảo|lớp|cuộc)(?!\w))",
        lambda m: (
            m.group(0)  # "tại tỉnh Hà Nam đã diễn ra hội thảo": a place before it, not a body
            if re.search(r"(?i)(?<!\w)(?:tại|ở)\s+(?:\S+\s+){0,4}$", stem[: m.start(1)] + " ")
            else f"{m.group(1)}tổ chức "
        ),
        stem,
    )
    stem = stem[:1].upper() + stem[1:]
    # "chủ trì buổi trao thưởng thời gian nào?": a time asked after a noun or a verb takes "vào".
    stem = _BARE_TIME_QUESTION.sub(r"\1 vào \2", stem)
    if word_count(stem) > MAX_STEM_WORDS:
        stem = _shorten(stem, sentence, keep_place=fact.type.value == "where")
    if (
        question
        and fact.move_to_end
        and fact.type.value in ("when", "where")
        and word_count(stem) > MAX_STEM_WORDS
    ):
        stem = _short_object(stem, sentence)
    if question and fact.move_to_end and fact.qphrase and word_count(stem) > MAX_STEM_WORDS:
        # "X did Y, ..., Z did W vào ngày nào?": the time or place of the main event, asked of
        # its main clause alone.
        qphrase = fact.qphrase if fact.qphrase.startswith(("vào", "ở", "tại")) else f"vào {fact.qphrase}"
        # Read without the question moved to its end, the last piece is the sentence's own words:
        # its verbs are the analysis's, and it is no longer passed over as the asked piece (the
        # subject named in it, "Đại tướng Lương Tam Quang đã có buổi tiếp ...", comes first).
        asked_at = stem.rfind(f" {qphrase}?")
        head = _main_clause(stem[:asked_at] if asked_at > 0 else stem, sentence)
        if head and word_count(head) >= 4:
            stem = f"{head} {qphrase}?" if fact.type.value == "when" else f"{head} {fact.qphrase}?"
            if word_count(stem) > MAX_STEM_WORDS:
                stem = _short_object(stem, sentence)  # the main clause's own object may run on
    stem = _FRAME_LEFT.sub("", _trim_to_clause(stem, sentence=sentence))
    listed = _ASKED_THEN_LIST.search(stem) if question else None
    if listed and _list_goes_on([(p, bool(_TENSE.search(p))) for p in listed.group(2).split(", ")], 0):
        # "phục vụ hội nghị nào, | bầu cử Hội đồng nhân dân các cấp, Lễ kỷ niệm ... và Tết ...?": the
        # list after the asked item reads as if its items were asked too; it goes, whatever the length.
        stem = stem[: listed.end(1)] + "?"
    stem = _restore_agent_verb(stem, fact.sentence.text)
    stem = _restore_passive_verb(stem, fact.sentence.text)
    stem = _resolve_same_day(stem, fact.sentence.text)
    stem = _drop_leading_titles(stem, sentence)
    if question and not fact.template and _purpose_only(stem, sentence):
        return None  # cut to one clause, the stem may now open with the frame it asks inside
    if question and not fact.template:
        # "X vừa khám phá ..., bước đầu bắt giữ ... bao nhiêu nạn nhân?" cut to its last clause:
        # that clause's subject is the sentence's own.
        stem = lend_subject(stem, (*prior, sentence))
        if _orphan_connective(stem, sentence):
            return None  # "Đồng thời phát hiện ...", "Trong đó có ...": tied to a clause cut away
        if _no_subject(stem, sentence):
            described = _described_before(stem, sentence)
            if described is None:
                return None
            stem = described
        stem = _bare_body_named(stem, earlier)
    stem = _without_open_bracket(stem)
    stem = _bracketed_question_said_plainly(stem, fact.answer)
    stem = _said_without_the_page(stem)
    # "phòng nào, Công an tỉnh Bắc Kạn, ...": the department of that police, as a reader would ask it.
    stem = _unit_of_a_police(stem)
    if question and not fact.template:
        # "..., ai – Ủy viên ..., Bí thư Tỉnh ủy Hà Giang đã chúc mừng": the cut took the first title
        # and left the second between "ai" and its verb.
        stem = _LEFT_APPOSITION.sub(r"\1 ", stem)
    stem = _WHERE_AFTER_TIME.sub(r"\g<time>, \g<rest> ở đâu?", stem)
    if word_count(stem) > LONGEST_STEM_WORDS:
        # A last resort before the stem is dropped, not a step of `_shorten`: run from 30 words
        # there, it rewrote accepted stems ("Bộ trưởng Bộ Công an cùng các đơn vị đã đồng chủ trì"
        # for a co-chair, "Hội LHPN Việt Nam cùng các đơn vị" for UN Women); 10 accepted drafts of
        # the dev splits were lost.
        stem = _partners_in_short(stem, fact.answer)
    if word_count(stem) > LONGEST_STEM_WORDS:
        return None
    if _BARE_DEMONSTRATIVE.match(stem):
        return None  # "Đây là ..." points at something the stem does not name
    stem = _without_cut_tail(stem, fact.sentence.text)
    source = _RELEASED_BY.match(strip_dateline(fact.sentence.text))
    if source and not stem.startswith("Theo "):
        # "Theo thông tin Cục Hải quan tỉnh Quảng Trị đưa ra ngày 18/12, lực lượng của đơn vị đã
        # bắt ...": without the frame, "đơn vị" is the body that released the story.
        stem = re.sub(
            r"(?:(?<=của )|(?<=thuộc ))đơn vị(?: này)?(?!\w)", source.group("source"), stem, count=1
        )
    stem = _tidied(stem)
    if question and not first_sentence and _LEFT_OVER_REFERENCE.match(stem):
        return None  # "Người còn lại là ai ...", "Cả ba sa lưới ...": who, the sentence before said
    if malformed(stem, question):
        return None
    # The stem is analysed on its own only when the sentence's verbs are not in it (a toolkit call).
    verbless = not _has_verb(stem, sentence) and not any(
        t.pos == "V" and not _listed_noun(own, i)
        for own in (analyse(stem).tokens,)
        for i, t in enumerate(own)
    )
    if question and not fact.template and verbless:
        return None  # no verb: "Hội Phụ nữ Việt Nam, bộ nào, Tổng Công ty Mobifone cùng 500 hội viên?"
    if question and not fact.template and _no_main_clause(stem, sentence):
        return None
    if question and fact.type.value in ("when", "where") and not names_an_event(stem):
        return None
    if (
        question
        and fact.type.value == "when"
        and re.match(rf"(?i)\s*{re.escape(fact.answer)}\s*,\s*theo\s", fact.sentence.text)
    ):
        # "Ngày 12/9, theo Ban Chỉ huy BĐBP tỉnh Lào Cai, Ban chuyên án đã bắt giữ ...": the day the
        # source spoke, not the day of the arrest (4/9), which both readers said the stem claims.
        return None
    if question and fact.type.value == "when" and fact.move_to_end and _REPORTED_WHEN.match(stem):
        # "Ngày 21/3, Công an huyện X cho biết đơn vị vừa triệt phá ...": the day is the report's,
        # and asked at the end it reads as the raid's (both readers rejected it).
        return None
    anchored = False
    stem = _without_soft_demonstratives(stem)
    if _EVENT_DEMONSTRATIVE.search(stem):
        # "Khóa tập huấn này": the article's own event, named when the headline or lead names it
        # ("Lớp này là lớp đầu tiên" -> "Lớp bồi dưỡng cán bộ Công an chính quy năm 2019 là ...").
        bare = _EVENT_DEMONSTRATIVE.sub(lambda m: m.group(1), stem)
        named = resolve_event(bare, events) if events else bare
        if named != bare and word_count(named) <= HARD_MAX_STEM_WORDS:
            stem = named
        else:
            stem = bare
            anchored = True
    stem = _BACK_FRAME.sub("", stem)
    if events and events.get(PROVINCE_KEY):
        # "lực lượng chức năng tỉnh này": the article's own province, which it names most.
        stem = _THIS_PROVINCE.sub(f"tỉnh {events[PROVINCE_KEY]}", stem)
    stem = _LISTED_ABOVE.sub(r"\g<noun>", stem)
    stem = _ring_named(stem, earlier)
    if (_OTHER_DEMONSTRATIVE.search(stem) or _ABOVE_REFERENCE.search(stem)) and not first_sentence:
        return None
    if events:
        named = resolve_event(stem, events)  # "Hội nghị do ai chủ trì?": which conference?
        if named != stem and word_count(named) <= HARD_MAX_STEM_WORDS:
            stem = named
        elif events.get("*") and (attended := _ATTENDED_BARE.match(stem)):
            # "Về dự có 160 đại biểu ...", "Cùng dự còn có ai ...": attending the article's event,
            # which a quiz must name (both fresh55 readers: "về dự" what?).
            # The event's whole name, or without its theme when that is too long ("Hội thảo cấp quốc
            # gia | bàn về chủ đề “...”"; fresh62, both readers: "Tham dự" what?).
            whole = events["*"]
            for name in (whole, _EVENT_THEME.sub("", whole)):
                lowered = name[:1].lower() + name[1:] if not name.split()[1][:1].isupper() else name
                named = f"{attended.group(0)} {lowered}{stem[attended.end() :]}"
                if word_count(named) <= HARD_MAX_STEM_WORDS:
                    stem = named
                    break
        elif events.get("*") and _AT_AN_EVENT.search(stem) and word_count(stem) <= 8:
            # "Ai đến dự và phát biểu chỉ đạo?": at the article's event, which the stem must say.
            name = events["*"]
            lowered = name[:1].lower() + name[1:] if not name.split()[1][:1].isupper() else name
            stem = f"{stem.rstrip('?').rstrip()} tại {lowered}?"
        elif question and _in_the_headline(stem, fact, events.get(HEADLINE_KEY)):
            # "Buổi lễ diễn ra vào thời gian nào?" when the article names its ceremony only by
            # what happened ("Tiểu đoàn CSĐN số 2 nhận Huân chương ..."): the headline says which.
            stem = _under_headline(stem, events[HEADLINE_KEY])
            anchored = False
    if question and not fact.template and _BROKEN_AI.search(stem):
        return None  # "Sáng 20/9, ai, trưởng Đoàn ...?", "... đã được ai?": the name's slot, not a question
    if question and not fact.template and _one_of_a_listing(stem):
        return None  # "Bộ Nội vụ, bộ nào, Tổng Công ty Mobifone": one item of a list (0 of 13 accepted)
    if question and not fact.template and _UNPLACED_WHO.match(stem):
        return None  # "Ai đồng chủ trì?": chaired what, the stem does not say
    if question and re.search(r":\s*(?:vào\s+)?(?:ngày|tháng|năm|thời gian|thời điểm)\s+nào\?$", stem):
        return None  # "Kết quả điều tra xác định: tháng nào?": what was found is left out
    if question and stem.startswith("Ai ") and _noun_after_ai(stem):
        return None  # "Ai cơ quan Thường trực ...", "Ai tỉnh trao ...": a post's tail left after the name
    reported = _REPORTED_TAIL.search(stem)
    if question and reported and word_count(reported.group(1)) < 8:
        return None  # "Cục trưởng ... nhấn mạnh, suốt bao nhiêu năm qua?": what was said was cut away
    if question and _DANGLING_BEFORE_ASKED.search(stem):
        return None  # "Tổ công tác liên ngành gồm vào thời gian nào?": the list after "gồm" was cut
    if question and re.search(r"(?:năm|tháng|ngày) nào\s*[–-]\s*\d|\d\s*[–-]\s*(?:năm|tháng|ngày) nào", stem):
        return None  # "từ năm nào – 2023": one end of a span (both readers rejected it)
    span = _SPAN_AND_LENGTH.search(stem)
    if question and span and any(_QUESTION_WORDS.search(g) for g in span.groups()):
        # "(từ 22 giờ 30 ngày 3-6 đến thời gian nào là hơn 7 giờ)": the start, the end and the length
        # are each the others' sum; both readers rejected all three asked that way.
        return None
    if question and re.search(
        r"(?<!\w)ai (?:đã |cũng )?(?:nhấn mạnh|cho biết|khẳng định|cho hay|chia sẻ|nói)\?$", stem
    ):
        return None  # "Về phía CATP Đà Nẵng, ai nhấn mạnh?": what was said is cut off (the page ends there)
    said = re.search(r"(?:^|, )[Tt]heo ai, (.+)\?$", stem)
    if said and (
        word_count(said.group(1)) < 8
        or not any(t.pos == "V" for t in analyse(said.group(1)).tokens)
        # "Theo ai, trước buổi làm việc với CATP Đà Nẵng?": only the frame of what was said is left
        or ("," not in said.group(1) and _ADVERBIAL_START.match(said.group(1)) is not None)
    ):
        return None  # "Theo ai, công tác giáo dục, đào tạo?": what was said was cut away
    if fact.kind in _OFFICE_KINDS:
        title = fact.template.removeprefix("Ai là ").rstrip("?")
        if fact.kind == "holder_of" and len(title.split()) < 4 and not _ORG_WORD.search(title):
            return None  # "Ai là Thứ trưởng?", "Ai là Chủ tịch nước?": depends on when it is read
        anchored = True
    # "Cả bao nhiêu đối tượng ...", "cả bao nhiêu công dân đều có sức khỏe tốt": "cả ... đều" says
    # "all of them" and reads as no question (1 of 20 labelled drafts accepted as it stood).
    stem = _ALL_OF_COUNT.sub("", stem)
    stem = _EACH_OF_COUNT.sub(r"\1", stem)
    # "trong thời gian thời gian nào": the span's own word was kept before the asked one.
    stem = re.sub(r"(?<!\w)(thời gian|giai đoạn|thời điểm) \1(?= nào)", r"\1", stem)
    stem = re.sub(r"(?<!\w)(lớp|tầng|khóa) bao nhiêu(?!\w)", r"\1 mấy", stem)  # "học xong lớp mấy"
    if question and fact.type.value == "how_many":
        stem = _alone_in_its_list(stem)
    if question and fact.type.value == "when":
        stem = _event_happens(stem)
    if "," not in stem:
        # "Dù tổ công tác đã ... ném bao nhiêu quả khói nổ cay?": the "though" clause's main clause
        # was cut away; without the conjunction the clause asks plainly (both readers: a fragment).
        stem = _CONCESSIVE_LEAD.sub("", stem)
    stem = re.sub(r"^[\s,;:.–-]+", "", stem)  # ", trong tổng số ...": what opened it was cut away (fresh55)
    stem = stem[:1].upper() + stem[1:]
    stem = _caption_said(stem)
    if events:
        stem = name_province(stem, events.get(PROVINCE_KEY), fact.answer)
    article_title = (events or {}).get(HEADLINE_KEY)
    person = _PERSON_PRONOUN.match(stem) if question and not fact.template else None
    antecedent = None
    if person:
        own = _person_in_sentence(fact.sentence.text, person.group(1), fact.start)
        # "Về phía Campuchia, trưởng đoàn là Trung tướng Tien Sophonrnvong; ông là ...": the clause
        # before names him, not the sentence before (both fresh67 readers: the wrong man's post).
        antecedent = own if own is not None else _person_before(prior, person.group(1))
    if person and antecedent and not word_re(antecedent).search(fact.answer):
        # "Anh cùng đồng đội đã trải qua ... bao nhiêu tháng?": the one person the sentence before
        # names (both fresh54 readers: "Anh" points at nothing on a quiz).
        stem = f"{antecedent} {stem[person.end() :]}"
    if question and not fact.template and fact.sentence.index > 0 and _PRONOUN_SUBJECT.match(stem):
        # "Ông được điều động ...", "Đơn vị đã triệt phá ...", "Chương trình đã tổ chức 46 khóa":
        # who or which the text said in an earlier sentence; the headline says it, or nothing does.
        if not article_title or word_count(stem) + word_count(article_title) + 3 > HARD_MAX_STEM_WORDS:
            return None
        if _headline_tells(fact, article_title):
            return None  # "Tiếp nhận 15 công dân ...": the headline would give the count away
        return _under_headline(stem, article_title)
    if question and article_title and not anchored and _unanchored(stem, fact, article_title):
        # "Cả bao nhiêu người đã tử vong?", "Các nạn nhân được đưa đi cấp cứu vào thời gian nào?":
        # no name, place or date says which case; readers asked for it ("which fire? add the place").
        stem = _under_headline(stem, article_title)
    if anchored and not stem.startswith("Theo "):  # "Theo bài báo, theo các quyết định, ..." says it twice
        stem = _ANCHOR + stem[:1].lower() + stem[1:] if not _starts_with_name(stem) else _ANCHOR + stem
    return _where_last(stem) if fact.type.value == "where" else stem


# An event's theme after its kind ("Hội thảo cấp quốc gia | bàn về chủ đề “...”").
_EVENT_THEME = re.compile(r"\s+(?:bàn về|về|với)?\s*(?:chủ đề|với chủ đề)\s*:?\s*[\"“].*$")
# "<thing> nào," and a list to the stem's end that ends in "và"/"hoặc" and its last item.
_ASKED_THEN_LIST = re.compile(rf"(?<!\w)([{LOWER}]+ nào),\s+((?:[^?,]+,\s+)+[^?,]+\s(?:và|hoặc)\s[^?,]+)\?$")
# "Về dự", "Cùng dự": attending, with the event left unsaid before "có" or "còn có".
_ATTENDED_BARE = re.compile(r"^(?:Về|Cùng|Đến|Tới|Tham) dự(?= (?:có|còn có)(?!\w))")
# A word that needs what follows it, then the asked time or place: what it introduced was cut away.
_DANGLING_BEFORE_ASKED = re.compile(rf"(?<!\w)(?:gồm|gồm có|bao gồm|là|của|với|cùng|như|và){_ASKED_LAST}")
# An event's name and the asked time with no verb between: no "đã", "được", "tổ chức", "diễn ra".
_EVENT_THEN_TIME = re.compile(
    r"^(?P<event>(?:Lễ|Hội nghị|Hội thi|Hội thảo|Vòng (?:chung kết|sơ loại|loại)|Cuộc|Buổi|Đại hội|"
    r"Tọa đàm|Diễn tập|Phiên|Kỳ họp|Chuyến thăm|Liên hoan|Giải) \w+(?P<rest>[^?]*?)) "
    r"(?P<asked>vào (?:thời gian|ngày|tháng|năm|sáng|chiều|tối|dịp)(?: \w+)? nào\?)$"
)
_EVENT_VERB = re.compile(
    r"(?<!\w)(?:đã|được|sẽ|đang|vừa|do|diễn ra|tổ chức|khai mạc|bế mạc|bế giảng|khai giảng|kéo dài|là|"
    r"có|bắt đầu|kết thúc|tiến hành|dự kiến)(?!\w)"
)


def _event_happens(stem: str) -> str:
    """ "Vòng chung kết Hội thi ... vào ngày nào?" -> "... diễn ra vào ngày nào?": an event's name
    asked alone, its verb cut away (fresh44 and fresh49 readers: "which happened when?"). A comma
    inside goes on the name only where a list goes on ("trật tự an toàn giao thông, trật tự xã hội")."""
    m = _EVENT_THEN_TIME.match(stem)
    if not m or _EVENT_VERB.search(m.group("rest")):
        return stem
    part = m.group("event")
    for comma in re.finditer(r", (\S+)", part):
        if comma.group(1) not in part[: comma.start()].split():
            return stem  # "Hội nghị tổng kết, các đại biểu thảo luận": a clause of its own
    return f"{part} diễn ra {m.group('asked')}"


@functools.cache
def _caption() -> re.Pattern[str]:
    return re.compile(
        rf"^(?P<who>(?:(?:{rank_alternation()})\s+)?[{UPPER}][\w]*(?:\s+[{UPPER}][\w]*){{1,4}}),\s+"
        rf"(?P<post>{POST_HEAD}[^?]*?)\s+"
        r"(?P<ask>(?:công an|bộ|cục|sở|phòng)\s+(?:tỉnh\s+|thành phố\s+)?nào)\?$"
    )


def _caption_said(stem: str) -> str:
    """ "Thượng tá X, Phó Trưởng phòng ... công an tỉnh nào?" -> "Thượng tá X là Phó Trưởng phòng ... của
    công an tỉnh nào?": a photo caption (a name and its post) has no verb to ask with (both fresh48
    readers: "needs 'là ... của'")."""
    m = _caption().match(stem)
    if m is None or re.search(r"(?<!\w)(?:đã|đang|sẽ|là)(?!\w)", m.group("post")):
        return stem
    return f"{m.group('who')} là {m.group('post')} của {m.group('ask')}?"


_CONCESSIVE_LEAD = re.compile(r"^(?:Mặc dù|Mặc dầu|Dù cho|Dù|Dẫu|Tuy(?! nhiên))\s+(?=\S)")


# A stem's first word that starts a body's or a post's name: its capital stays after "Theo bài ...,".
_NAME_HEAD = re.compile(
    r"^(?:Công an|Chủ tịch|Văn phòng|Bộ|Cục|Phòng|Đội|Trung tâm|Học viện|Ủy ban|UBND|Sở|Ban|Tổng|Thủ tướng|"
    r"Phó|Giám đốc|Tư lệnh|Chính phủ|Hội|Liên hợp quốc|Thượng tướng|Trung tướng|Thiếu tướng|Đại tướng|"
    r"Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Việt Nam|[A-ZĐ]{2,})(?!\w)"
)


def _under_headline(stem: str, headline: str) -> str:
    """ "Theo bài “<headline>”, <stem>": the stem's first letter stays capital only for a name, a
    body or a post ("Công an tỉnh ...", "P. nhận được ..."), not for "Tổng số", "Đơn vị", "Có"."""
    capital = _starts_with_name(stem) or (bool(_NAME_HEAD.match(stem)) and not stem.startswith("Tổng số"))
    capital = capital or re.match(r"[A-ZĐ]\.\s", stem) is not None  # "P. nhận được cuộc gọi": an initial
    return f"Theo bài “{headline}”, {stem if capital else stem[:1].lower() + stem[1:]}"


_PRONOUN_SUBJECT = re.compile(rf"(?:Ông|Bà|Anh|Chị|Đơn vị|Chương trình)\s+(?=[{LOWER}])(?!ai\b)")
_PERSON_PRONOUN = re.compile(rf"(Ông|Bà|Anh|Chị)\s+(?=[{LOWER}])(?!ai\b)")


# "Người còn lại", "Người thứ nhất", "Cả ba", "Số được tiêu hủy": the people or things counted off
# in the sentence before (both readers of fresh68 and fresh69).
_LEFT_OVER_REFERENCE = re.compile(
    r"(?:Người còn lại|Người thứ (?:nhất|hai|ba)|Cả (?:hai|ba|bốn|năm)(?! bên)|Số (?:được|bị|này))\s"
)


def _tidied(stem: str) -> str:
    """Words the cut left pointing at nothing (fresh68 and fresh69 readers): "Khoảng 15 giờ ngày
    25-1 trước đó, ..." -> "Khoảng 15 giờ ngày 25-1, ..."; "cùng ngày nào" -> "ngày nào"; "Cũng trong
    ngày nào, X?" -> "X vào ngày nào?"; "chuyên án 117Q –?" -> "chuyên án 117Q?"; "gồm tất bao
    nhiêu" -> "gồm tất cả bao nhiêu"."""
    stem = re.sub(r"(?<=\w) trước đó(?=,)", "", stem)
    stem = re.sub(r"(?<!\w)cùng (ngày|thời gian) nào(?!\w)", r"\1 nào", stem)
    also = re.match(r"Cũng (?:trong|vào) (ngày|thời gian) nào,\s+(.+)\?$", stem)
    if also:
        rest = also.group(2)
        stem = f"{rest[:1].upper()}{rest[1:]} vào {also.group(1)} nào?"
    stem = re.sub(r"\s+[–-]\s*\?$", "?", stem)
    return re.sub(r"(?<!\w)tất bao nhiêu(?!\w)", "tất cả bao nhiêu", stem)


def _person_in_sentence(text: str, pronoun: str, before: int) -> str | None:
    """The person the sentence itself names before its own "ông"/"bà" (with the rank that opens the
    name), "" when it names someone no rank marks (no one to put in), None when it names no one."""
    at = text.casefold().rfind(f" {pronoun.casefold()} ", 0, before)
    if at < 0:
        return None
    head = text[:at]
    ranks = "|".join(sorted((re.escape(r) for r in load_gazetteer().all_ranks), key=len, reverse=True))
    named = [*re.finditer(rf"(?i:{ranks})\s+(?:[{UPPER}][^\s,;.()]*\s?)+", head)]
    surnames = "|".join(re.escape(s) for s in load_gazetteer().surnames)
    named += [*re.finditer(rf"(?<!\w)(?:{surnames})(?:\s[{UPPER}][{LOWER}]*){{1,3}}(?!\w)", head)]
    if named:
        return max(named, key=lambda m: m.start()).group(0).strip()
    return "" if re.search(rf"(?<!^)(?<![.;:]\s)[{UPPER}]\w*\s[{UPPER}]\w*\s[{UPPER}]\w*", head) else None


def _person_before(prior: tuple[SentenceAnalysis, ...], pronoun: str) -> str | None:
    """The one person the sentence before names (with the rank before the name), that "ông"/"anh"
    (no "Thị" in the name) or "bà"/"chị" (a "Thị" in it) can stand for; None for none or several."""
    if not prior:
        return None
    gaz = load_gazetteer()
    tokens = prior[-1].tokens
    found: dict[str, str] = {}
    for k, tok in enumerate(tokens):
        words = tok.text.split()
        if tok.pos != "Np" or len(words) < 2 or words[0] not in gaz.surnames or is_place(tok.text):
            continue
        before = tokens[k - 1].text if k else ""
        rank = before[:1].upper() + before[1:] + " " if before.casefold() in _rank_words() else ""
        found.setdefault(tok.text, rank + tok.text)
    if len(found) != 1:
        return None
    name = next(iter(found))
    woman = "Thị" in name.split()
    return next(iter(found.values())) if woman == (pronoun in ("Bà", "Chị")) else None


@functools.cache
def _rank_words() -> frozenset[str]:
    return frozenset(r.casefold() for r in load_gazetteer().all_ranks)


_GENERIC_HEAD = re.compile(
    r"(?:Lễ|Hội nghị|Hội thảo|Đại hội|Lớp|Khóa|Buổi|Chuyên án|Ban chuyên án|Đoàn công tác|Tổ công tác)"
    rf"(?:\s+[{LOWER}]\S*)*\??$"
)


def _unanchored(stem: str, fact: Fact, headline: str) -> bool:
    """A stem about a figure, a time or a person with nothing that says which case or event: no
    capitalised word after its first, no number; the headline would say it, and does not give the
    answer away."""
    if fact.template or stem.startswith("Theo bài") or fact.sentence.index == 0:
        return False
    if fact.type.value not in ("how_many", "when", "who"):
        return False
    words = stem.rstrip("?").split()
    # "Ai phát biểu tại Lễ khai giảng?": a capital that only heads a common event's name says
    # which event no more than "lễ" would (both readers: which ceremony?).
    named = [
        w
        for i, w in enumerate(words[1:], 1)
        if w[:1].isupper() and not _GENERIC_HEAD.match(" ".join(words[i:]))
    ]
    if named or re.search(r"\d", stem):
        return False
    if word_count(stem) > 20 or word_count(stem) + word_count(headline) + 3 > HARD_MAX_STEM_WORDS:
        return False  # a long stem says enough of what happened without a name
    return not _headline_tells(fact, headline)


def _headline_tells(fact: Fact, headline: str) -> bool:
    """The headline holds the answer: its name, or its number."""
    numbers = re.findall(r"\d+(?:[.,]\d+)*", fact.answer)
    return fold_for_match(_asked_name(fact)) in fold_for_match(headline) or any(
        re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d.,])", headline) for n in numbers
    )


def _asked_name(fact: Fact) -> str:
    """What a headline would print of the answer: a person's name without the rank before it."""
    words = fact.answer.split()
    return " ".join(words[-3:]) if fact.type.value == "who" else fact.answer


def _in_the_headline(stem: str, fact: Fact, headline: str | None) -> bool:
    """True when ``stem`` points at the article's event or incident by a bare noun that only the
    headline names, and the stem with the headline in front still reads as one question."""
    if not headline or fact.sentence.index == 0 or stem.startswith("Theo bài"):
        return False
    if word_count(stem) + word_count(headline) + 3 > HARD_MAX_STEM_WORDS:
        return False
    # "bao nhiêu chuyên án", "những vụ án": counted or general, not the article's own.
    counted = re.compile(r"(?i)(?:bao nhiêu|nhiều|những|mỗi|một số|\d[\d.,]*)\s+$")
    return any(not counted.search(stem[: m.start()]) for m in BARE_REFERENCE.finditer(stem))


def _starts_with_name(stem: str) -> bool:
    """Keep the capital of a name or title at the start ("Theo bài báo, Bộ Công an ...")."""
    words = stem.split()
    return len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper()


# -- a stem that prints another draft's answer ----------------------------------------------

# A time or place said beside the clause, not inside it: "Ngày 27-5, ", "Chiều 29/6, tại Hà Nội, ",
# "Tại Hà Nội, ", ", ngày 3/5," or "... vào ngày 3/5?". Taken out, the clause still stands.
_ADJUNCT_HEAD = (
    r"(?:(?:[Vv]ào|[Tt]ừ|[Tt]rong|[Kk]hoảng|[Ll]úc|[Hh]ồi|[Tt]ính đến|[Đđ]ến|[Tt]ại|[Ởở])\s+)?"
    r"(?:[Rr]ạng sáng|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Nn]gày|[Hh]ôm|[Tt]háng|[Nn]ăm"
    r"|[Đđ]ầu|[Cc]uối|[Gg]iữa"
    r"|\d{1,2}(?:[/.\-]\d{1,2}|h|\s+giờ)"
    rf"|(?<=[Tt]ại\s)[{UPPER}]|(?<=[Ởở]\s)[{UPPER}]|(?<=[Tt]ại\s)(?:tỉnh|thành phố|TP|huyện|xã|trụ sở)\s)"
)
# The only lower-case words an adjunct of time or place is made of; any other ("đã diễn ra",
# "đối tượng") means the comma closes a clause, not an adjunct.
_ADJUNCT_WORDS = frozenset(
    re.split(
        r"\s+",
        "vào từ trong khoảng lúc hồi tính đến tại ở rạng sáng chiều tối trưa đêm sớm muộn ngày hôm qua nay "
        "tháng năm giờ phút đầu cuối giữa và theo tỉnh thành phố tp huyện xã phường quận thị trụ sở cùng",
    )
)
_LEAD_ADJUNCT = re.compile(rf"^(?P<adjunct>{_ADJUNCT_HEAD}[^,?]{{0,50}}?),\s+(?P<rest>\S.*)$")
_INNER_ADJUNCT = re.compile(rf",\s+(?P<adjunct>{_ADJUNCT_HEAD}[^,?]{{0,50}}?),(?=\s)")
_OPENER = re.compile(r"(?:Sau|Trước|Trong|Theo|Tại|Từ|Khi|Để|Với|Qua|Nhân|Trên|Ở)\s")
_LAST_ADJUNCT = re.compile(
    r"\s+(?P<adjunct>(?:vào|lúc|trong|từ|tại)\s+"
    r"(?:(?:rạng sáng|sáng|chiều|tối|trưa|đêm|ngày|hôm|tháng|năm)\s+)?[^,?]{1,40}?)(?=\?$)"
)


def _only_time_or_place(adjunct: str) -> bool:
    words = re.findall(r"[^\s\-–]+", adjunct)
    return all(
        w[:1].isupper() or any(c.isdigit() for c in w) or w.casefold() in _ADJUNCT_WORDS for w in words
    )


def without_answer(stem: str, answer: str) -> str | None:
    """``stem`` with the time or place adjunct that prints ``answer`` taken out, or None when the
    answer is inside the clause itself. Two drafts of one sentence, one asking its date, gave
    each other away on a paper: "Ngày 27-5, công an huyện nào ..." beside "... vào ngày nào?"
    (readers struck the second of each such pair; dropping either lost a gold fact)."""
    key = fold_for_match(answer)
    if not key:
        return None

    def holds(adjunct: str) -> bool:
        return bool(word_re(key).search(fold_for_match(adjunct))) and _only_time_or_place(adjunct)

    found = None
    m = _LEAD_ADJUNCT.match(stem)
    if m and holds(m.group("adjunct")) and not _QUESTION_WORDS.search(m.group("adjunct")):
        rest = m.group("rest")
        while (again := _LEAD_ADJUNCT.match(rest)) and not _QUESTION_WORDS.search(again.group("adjunct")):
            rest = again.group("rest")  # "Chiều 29/6, tại Hà Nội, ...": the place goes with its time
        found = rest[:1].upper() + rest[1:]
    for pattern in (_INNER_ADJUNCT, _LAST_ADJUNCT):
        for m in pattern.finditer(stem):
            if found is None and holds(m.group("adjunct")) and not _QUESTION_WORDS.search(m.group("adjunct")):
                # "Chiều 29/6, tại Hà Nội, Bộ ...", "Sau thời gian điều tra, ngày 26/1, Phòng ...": what
                # opened the sentence keeps its comma.
                lead = re.fullmatch(rf"{_ADJUNCT_HEAD}[^,?]{{0,50}}", stem[: m.start()]) or _OPENER.match(
                    stem
                )
                found = stem[: m.start()] + ("," if lead else "") + stem[m.end() :]
    if found is None:
        # "Công an tỉnh Nghệ An đã phối hợp với Cục Đối ngoại tổ chức ... vào ngày nào?" beside "... phối
        # hợp với cục nào ...": the partner goes, the act stays ("đã tổ chức").
        partner = re.search(
            rf"\s+(?:phối hợp (?:với|cùng)|cùng với)\s+{re.escape(answer)}(?=\s+[{LOWER}])", stem
        )
        if partner:
            found = stem[: partner.start()] + stem[partner.end() :]
    # What is left must still say what happened: "Ai đã chủ trì hội nghị?" alone is not a question.
    return found if found is not None and word_count(found) >= _MIN_UNLEAKED_WORDS else None


_MIN_UNLEAKED_WORDS = 7
