"""People: a rank or honorific and a name, a title before or after it; who, which post, which rank."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.analysis import analyse
from quizgen.extract.facts import Fact
from quizgen.extract.orgs import COMMA_IN_NAME, LISTED_IN_NAME, lower_tail
from quizgen.extract.places import BEFORE_A_COUNTRY, STATE_WORDS, is_place, mentions_country
from quizgen.extract.rules.base import _CLAUSE_WORD_RE, CAPW, NAMEW, RuleBase
from quizgen.models import QType
from quizgen.sentences import LOWER, UPPER, Sentence

# A post that ends with its province, then a lower-case clause: "Chủ tịch UBND tỉnh Hà Tĩnh ghi nhận".
# "... tỉnh Gia Lai nhiệm kỳ 2021-2026", "... khóa XIV" go on with the post.
_VERB_AFTER_PLACE = re.compile(
    rf"(.*(?:tỉnh|thành phố|TP\.?)\s+[{UPPER}]\w*(?:\s+[{UPPER}]\w*)*)"
    rf"\s+(?!nhiệm kỳ|khóa|khoá)[{LOWER}][^,]*$"
)

# An army officer's rank is his "quân hàm"; "cấp bậc hàm" is the police's word.
ARMY = re.compile(
    r"Bộ Quốc phòng|Quân đội|Quân khu|quân nhân|quân ngũ|Đội Công binh|Bệnh viện dã chiến|Tổng cục Hậu cần|"
    r"Cục Gìn giữ hòa bình Việt Nam|Bộ Tổng Tham mưu|Quân chủng|Binh chủng|Bộ đội Biên phòng|BĐBP"
)


# "Phó Viện trưởng Viện": the post's own word, then its body's head with nothing after it (not
# "Phó Chủ tịch UBND TP Hải Phòng", whose last word is a city's).
# "Giám đốc Bệnh viện" after the hospital's name: which hospital, the post does not say.
_BODY_CUT_OFF = re.compile(
    rf"(?<!\S)[{LOWER}]\S*\s(?:Viện|Học viện|Cục|Vụ|Phòng|Ban|Đội|Trung tâm|Bộ|Sở|Bệnh viện|Trường)$"
)
# "Bí thư Đảng ủy, Phó Giám đốc Bệnh viện Quân y 175": the party committee is the body the next post
# names; cut at the comma, the first post says nothing.
_SHARED_BODY = re.compile(r"(?<!\w)(?:Đảng ủy|Đảng bộ|Chi bộ|Ban Giám đốc)\s*$")


_BARE_LEVEL_AFTER = re.compile(rf"\s+(?:tỉnh|thành phố|huyện|quận|thị xã)(?=\s+[{LOWER}]|\s*[.,;:]|$)")
_BODY_HEAD_END = re.compile(r"(?<!\S)(?:Viện|Học viện|Cục|Vụ|Phòng|Ban|Trung tâm|Sở)\s*$")


def _with_lower_tail(text: str, end: int) -> int:
    """ "Trưởng phòng Kỹ | thuật hình sự": a post's body whose name carries on in lower case ends
    where that tail does (the word the capitals stopped inside, then its lower-case words)."""
    tokens = analyse(text).tokens
    inside = next((t for t in tokens if t.start < end < t.end), None)
    if inside is None and _BODY_HEAD_END.search(text[:end]):
        # "Phó Viện trưởng Viện | khoa học hình sự": a body's head with its name in lower case, up
        # to the comma or the "và" that ends the post.
        first = next((i for i, t in enumerate(tokens) if t.start >= end), len(tokens))
        j = first
        while j < len(tokens) and j - first < 5 and tokens[j].pos == "N" and tokens[j].text[:1].islower():
            j += 1
        return tokens[j - 1].end if j > first else end
    if inside is None:
        return end  # the capitals ended on a word's edge: the name is whole
    end = inside.end
    at = next((i for i, t in enumerate(tokens) if t.start >= end), None)
    # Only a noun goes on the name ("hình sự"); a verb ("phụ trách ...") is what the post covers.
    noun = at is not None and tokens[at].pos == "N"
    if at and noun and tokens[at - 1].end == end and (tail := lower_tail(tokens, at)) > at:
        end = tokens[tail - 1].end
    # "Chủ tịch Hội Phụ nữ | CATP": the unit's short name after the lower-case tail is the body's own
    # (readers: "Hội Phụ nữ of what?").
    unit = re.match(r"\s+[A-ZĐ]{2,6}(?=[\s,.;:]|$)", text[end:])
    return end + unit.end() if unit else end


# "Dự lễ khai giảng có ...", "Tham dự buổi làm việc có ...": a list of the guests at an event.
_ATTENDING = re.compile(
    r"^(?:Cùng\s+)?(?P<verb>[Tt]ới dự|[Đđ]ến dự|[Tt]ham dự|[Dd]ự|[Cc]ó mặt tại|[Tt]ham gia"
    r"|[Tt]iếp và làm việc với đoàn)"
    r"(?:\s+(?P<what>[^,;:]{3,60}?))?\s+(?:còn\s+)?(?:có|gồm)\s"
)
_EVENT_WORD = re.compile(
    r"(?i)^(?:buổi|lễ|hội nghị|hội thảo|hội thi|diễn đàn|lớp|khóa|cuộc|chương trình|phiên|tọa đàm|đại hội)\b"
)
# The first post of a title that one person holds in a body; a deputy or a member is one of several.
# One with a portfolio ("Phó Tổng Thư ký ... phụ trách gìn giữ hòa bình") or the standing one is unique.
_ONE_OF_SEVERAL = re.compile(
    r"(?i)^(?!.*(?:phụ trách|thường trực))"
    r"(?:Phó|Thứ trưởng|Ủy viên|thành viên|cán bộ|đại diện)\b"
)
_GIVES = re.compile(r"(?<!\w)(?:tặng|trao|phát biểu|khẳng định|nhấn mạnh|cho biết|chủ trì|dẫn đầu)(?!\w)")
# "Giám đốc Công an tỉnh", "Chủ tịch UBND tỉnh": which province, the title does not say.
_BARE_BODY_END = re.compile(r"(?:tỉnh|thành phố|huyện|quận|xã|phường|Học viện|Trường|Cục|Bộ|Sở|Công an)$")
_BODY_IN_TITLE = re.compile(
    r"(?<!\w)(?:Bộ|Cục|Tổng cục|Công an|Ủy ban|UBND|Học viện|Trường|Sở|Phòng|Vụ|Viện|Ban|Đại sứ quán|"
    r"Bộ Tư lệnh|Trung tâm|Đội|Tiểu đoàn|Trung đoàn|Hội|Phái bộ|Cơ quan)\s+\S"
)


def _names_country(title: str) -> bool:
    """ "Bộ Nội vụ Cộng hòa Mozambique", "... Trung Quốc", "... Liên hợp quốc": the post says which
    country or international body it is in."""
    named = re.search(rf"{STATE_WORDS}\s+[A-ZĐ]|Liên [Hh]ợp [Qq]uốc|LHQ|ASEAN|INTERPOL", title)
    return mentions_country(title) or named is not None


def holder_question(text: str, title: str) -> str | None:
    """ "Ai là Cục trưởng Cục Hậu cần dự lễ khai giảng?": the holder of a post that the text gives
    after a name, asked by the post and, when the sentence lists an event's guests, the event.
    A deputy's post names one of several people, so it is only asked with the event."""
    if len(title.split()) < 3 or not _BODY_IN_TITLE.search(title) or title.endswith(")"):
        return None
    if _BARE_BODY_END.search(title) or _CLAUSE_WORD_RE.search(title) or _GIVES.search(title):
        return None  # which province; or a clause ran on into the title ("... tặng Giấy khen")
    guests = _ATTENDING.match(text)
    what = (guests.group("what") or "") if guests else ""
    if not _EVENT_WORD.match(what):
        what = ""  # "Cùng tham dự trong đoàn Belarus còn có": not an event to name the guest by
    if not what and _ONE_OF_SEVERAL.match(title):
        return None
    context = f" {guests.group('verb').lower()} {what}" if guests and what else ""
    return f"Ai là {title}{context}?"


def _dash_in_place(text: str, at: int) -> bool:
    """ "Công an tỉnh Thừa Thiên | – Huế": the dash at ``at`` is inside a place's name."""
    dash = re.match(r"\s*[-\u2013]\s*(\S+)", text[at:])
    before = re.search(r"(\S+\s+\S+)\s*$", text[:at])
    if dash is None or before is None:
        return False
    return is_place(f"{before.group(1)} – {dash.group(1)}")


class PeopleRules(RuleBase):
    def _through_named_body(self, text: str, start: int, end: int) -> int:
        """``end``, or past it when the post's body goes on there: a name the gazetteer knows with
        "và" in it ("Thứ trưởng Bộ Thông tin | và Truyền thông"), or a state or region named after
        a lower-case word ("Phó Tư lệnh Cảnh sát | bang New South Wales"); fresh62, both readers:
        the post asked was cut inside its name."""
        across = self.gaz.body_across(text, end, start)  # "Trưởng phòng Cảnh sát thi hành án ..."
        if across is not None:
            return across
        state = re.match(rf"\s+(?:bang|tiểu bang)\s+[{UPPER}]\w*(?:\s+[{UPPER}]\w*)*", text[end:])
        return end + state.end() if state else end

    def _dash_in_body(self, text: str, at: int) -> bool:
        """ "Trưởng Ban Thi đua | – Khen thưởng Trung ương": the dash at ``at`` joins the two halves
        of a body's name; one that opens another post or a clause ("– Giám đốc ...", "– cho biết")
        ends the title."""
        dash = re.match(r"\s[-\u2013]\s+(?=[A-ZĐ])", text[at:])
        if (
            dash is None
            or self.title_re.match(text, at + dash.end())
            or self.rank_re.match(text, at + dash.end())
        ):
            return False
        if re.match(r"(?:Bộ|Tổng cục|Công an|UBND)\s", text[at + dash.end() :]):
            return False  # "Phó Cục trưởng Cục Tổ chức cán bộ – Bộ Công an": the parent, which options lack
        rest = re.match(r"[^,;.()\-\u2013]*", text[at + dash.end() :])
        words = rest.group(0).split() if rest else []
        return 0 < len(words) <= 4

    def _title_before(self, text: str, start: int) -> str:
        """ "Thứ trưởng Bộ Công an, | Trung tướng Nguyễn Văn Sơn": a post written before its holder's
        rank and name, after a list's colon, semicolon or "có"; "" when none is."""
        before = re.search(r",\s*$", text[:start])
        if not before:
            return ""
        head = text[: before.start()]
        cuts = [m.end() for m in re.finditer(r"[;:,]\s*|(?<!\w)(?:có|gồm|là|do|bởi|của|với)\s+", head)]
        piece = head[max(cuts, default=0) :].strip()
        tm = self.title_re.match(piece)
        if (
            not tm
            or _CLAUSE_WORD_RE.search(piece)
            or not 3 <= len(piece.split()) <= 14
            or re.search(r"(?:tỉnh|thành phố|huyện|quận|xã|phường)$", piece)
        ):
            return ""
        return piece

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
            dashed = False
            app = re.match(r"\s*(,|[-\u2013])\s*", text[name_end:])
            if app:
                t_start = name_end + app.end()
                tm = self.title_re.match(text, t_start)
                if tm and app.group(1) != ",":
                    # "Đại tá X - Giám đốc Công an tỉnh Y chủ trì ...": no closing comma, so the title
                    # ends with its organisation's name.
                    t_end = self._through_named_body(
                        text, t_start, _with_lower_tail(text, self._org_end(text, tm.end()))
                    )
                    # "X - Giám đốc Công an tỉnh phát biểu": the bare level word ends the post,
                    # which reads cut off without it.
                    bare = _BARE_LEVEL_AFTER.match(text, t_end)
                    t_end = bare.end() if bare else t_end
                    # "X – Phó Tổng Tham mưu trưởng QĐND Việt Nam, Ngài Shawn Stail ...": a comma
                    # ends the post all the same; the next guest follows it.
                    comma = re.search(r"[,;]", text[t_start:t_end])
                    t_end = t_start + comma.start() if comma else t_end
                elif tm:
                    stops = re.finditer(
                        r",|;|\.(?:\s|$)|\s[-\u2013]\s"
                        r"|\s(?:đã|đang|sẽ|cho biết|khẳng định|nhấn mạnh|phát biểu)\s"
                        # "Trưởng Công an thành phố Tuy Hòa (Phú Yên) | thông tin, ..." (fresh52)
                        r"|\s(?:thông tin|cho hay|thông báo)(?=\s*[,:])"
                        # "Cục trưởng Cục Gìn giữ hòa bình Việt Nam | bày tỏ vinh dự": no comma
                        # closed the post (both fresh48 readers: "ai là Cục trưởng ... bày tỏ").
                        r"|\s(?:bày tỏ|đánh giá cao|chúc mừng|nêu rõ|biểu dương|chia sẻ|gửi lời)\s"
                        r"|\s(?:làm|dẫn đầu|chủ trì|tham dự|giữ chức)(?=\s|[.,;:]|$)"
                        # "Thứ trưởng Bộ Công an | là người dẫn đầu đoàn" (fresh64, both readers)
                        r"|\slà\s+người(?!\w)"
                        # "... điều hành Công an Thành phố": the task given; "Ủy ban điều hành tỉnh" a name
                        r"|\sđiều hành(?=\s[A-ZĐ])"
                        # "... đã được Trung tướng X, Phó Tổng Tham mưu trưởng ... tiếp.": the verb
                        # after the post ends the sentence.
                        r"|\s(?:tiếp|đón|trao|thăm)(?=[.,;:]|$)"
                        # "Bộ trưởng ... tại Hội nghị ...": where the person was, not the post; "Đại
                        # sứ Việt Nam tại Hoa Kỳ" keeps its place.
                        r"|\stại\s(?=(?:[Hh]ội nghị|[Hh]ội thảo|[Đđ]ối thoại|[Dd]iễn đàn|buổi|[Ll]ễ|cuộc"
                        r"|phiên|sự kiện)\b)",
                        text[t_start:],
                    )
                    stops_here = [
                        m
                        for m in stops
                        if not LISTED_IN_NAME.match(text, t_start + m.start())
                        and not COMMA_IN_NAME.match(text, t_start + m.start())
                        and not _dash_in_place(text, t_start + m.start())
                        and not self._dash_in_body(text, t_start + m.start())
                    ]
                    stop = stops_here[0] if stops_here else None
                    if (
                        stop is not None
                        and stop.group(0) == ","
                        and (
                            t_start + stop.start() == tm.end()
                            or _SHARED_BODY.search(text[t_start : t_start + stop.start()])
                        )
                        and self.title_re.match(text, t_start + stop.end() + 1)
                    ):
                        # "bà Rita Mikbel, Chủ tịch, Tổng Giám đốc Tập đoàn Ericsson": two posts of
                        # one body; the first alone says nothing.
                        stop = stops_here[1] if len(stops_here) > 1 else None
                    t_end = t_start + (stop.start() if stop else len(text) - t_start)
                if tm:
                    title = text[t_start:t_end].strip()
                    # "Giám đốc Công an TP.HCM | và Đại tá Nguyễn Giang Nam – Phó Giám đốc": the next
                    # guest begins at "và" and a rank; a sentence's full stop is no part of a post.
                    ands = re.finditer(r"\s+và\s+", title)
                    joined = next((j for j in ands if self.rank_re.match(title + " ", j.end())), None)
                    if joined:
                        title = title[: joined.start()]
                    title = re.sub(r"(?<=[A-ZĐ]{2})\.$", "", title)
                    verb_after = _VERB_AFTER_PLACE.match(title)
                    if verb_after:
                        # "Ông X, Chủ tịch UBND tỉnh Hà Tĩnh | ghi nhận, biểu dương ...": the post ends
                        # with its province; the clause's verb is not part of it.
                        title = verb_after.group(1)
                    lead = len(text[t_start:t_end]) - len(text[t_start:t_end].lstrip())
                    t_end = min(t_end, t_start + lead + len(title))
                    if _BODY_CUT_OFF.search(title):
                        title = ""  # "Phó Viện trưởng Viện | khoa học hình sự": the body's name cut off
                    # "Trưởng Ban ... Thái Bình Dương | - Ấn Độ Dương": a dash may carry the title on.
                    dashed = re.match(r"\s*[-\u2013]\s*\S", text[t_end:]) is not None
                    if len(title.split()) <= 16:
                        mention_end = t_end + (1 if t_end < len(text) and text[t_end] == "," else 0)
                    else:
                        title = ""
            if not title and rank:
                title = self._title_before(text, start)
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
            # A foreign post without its country ("Bộ trưởng Bộ Nội vụ") names a Vietnamese one too.
            foreign_unnamed = kind != "vn" and not _names_country(title)
            held = (
                holder_question(text, title)
                if title and first and not dashed and not foreign_unnamed
                else None
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
            if held:
                yield Fact(
                    QType.WHO,
                    "holder_of",
                    rank_cap + text[start + len(rank) : name_end] if rank else name,
                    name,
                    s,
                    0,
                    0,
                    template=held,
                    shape=shape,
                    head=title,  # the post the question names
                    score=0.8,
                )
            if rank_cap:
                ref = name
                term = "quân hàm" if self.army or ARMY.search(text) else "cấp bậc hàm"
                yield Fact(
                    QType.WHO,
                    "rank_of",
                    rank_cap,
                    rank,
                    s,
                    0,
                    0,
                    template=f"{ref} có {term} gì?",
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
            past_place = 0
            for wm in re.finditer(rf"(?<=\s)({NAMEW}|{CAPW})", text[tm.end() : limit]):
                pos = tm.end() + wm.start()
                if pos < past_place:
                    continue
                if self.city_at(text, pos):
                    past_place = self.city_at(text, pos)  # "Chủ tịch UBND TP Hồ Chí Minh | Nguyễn ..."
                    continue
                found = self.name_at(text, pos)
                if found is None:
                    continue
                name_end, kind = found
                if name_end > limit:
                    continue
                if pos < past_place:
                    continue
                words = text[pos:name_end].split()
                before = re.search(r"(\S+)\s+$", text[:pos])
                state = BEFORE_A_COUNTRY.search(text[:pos])
                if state and len(words) >= 3:
                    # "Bộ Nội vụ Cộng hòa | Mozambique Paulo Chachine": the word after "Cộng hòa" is
                    # the country's name, the title's last word; the holder's name follows it.
                    past_place = pos + len(words[0]) + 1
                    continue
                if before and is_place(f"{before.group(1)} {words[0]}"):
                    # "Hội Liên hiệp phụ nữ Việt | Nam Phan Thị Quỳnh Như": the name starts inside a
                    # place the title ends with ("Việt Nam"); its holder is after it.
                    past_place = pos + len(words[0]) + 1
                    continue
                country = next((k for k in range(len(words), 0, -1) if is_place(" ".join(words[:k]))), 0)
                if country == len(words):
                    continue  # "Giám đốc Khu vực Châu Á-Thái Bình Dương": a region, no holder's name
                if country:
                    # "Bộ An ninh Nội địa Hoa Kỳ Matthew H.King": the country ends the title.
                    past_place = pos + len(" ".join(words[:country])) + 1
                    found = self.name_at(text, past_place)
                    if found is None or found[0] > limit:
                        continue
                    pos = past_place
                    name_end, kind = found
                # "Phó chủ tịch UBND ... Nguyễn Lê Quốc Toàn": the deputy's word, cased unlike the
                # gazetteer's "Phó Chủ tịch", is still the post's (fresh54's second reader: asked as
                # "ai là chủ tịch", it named the deputy as the chairman).
                deputy = re.search(r"(?<!\w)[Pp]hó\s+$", text[: tm.start()])
                title = text[deputy.start() if deputy else tm.start() : pos].strip()
                former = re.search(r"(?i)(?:nguyên|cựu)\s+$", text[: tm.start()])
                if former:
                    # "Nguyên Thủ tướng Nhật Bản Suga Yoshihide": a former holder; "Ai là Thủ tướng
                    # Nhật Bản?" would make the one in office (an option) the right answer.
                    title = f"{former.group(0).strip().lower()} {title}"
                name = text[pos:name_end]
                if len(title.split()) > 18 or _CLAUSE_WORD_RE.search(title):
                    break  # a verb between title and name: they belong to different people
                seen_spans.append((tm.start(), name_end))
                info = people.setdefault(name, {})
                first = not info
                info.setdefault("title", title)
                one_holder = not _ONE_OF_SEVERAL.match(title) and (kind == "vn" or _names_country(title))
                if first and len(title.split()) >= 2 and one_holder:
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
                        head=title,
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
