"""The people family, from the analysis: a person is a proper-noun word (underthesea's ``Np``)
that a rank, a title or an honorific introduces ("Đại tướng Zolotov Victor Vasilyevich",
"Thứ trưởng Bộ An ninh Quốc gia Trung Quốc Đường Triều", "bà Jacqueline O'Neill").

The toolkit finds the name's edges (one word for "Trương Hòa Bình", "Jacqueline O'Neill"); the
gazetteer says which words before it are a rank, a title or an honorific. Names the rules already
ask about are left to them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from quizgen.extract.analysis import SentenceAnalysis, Token
from quizgen.extract.facts import Fact
from quizgen.extract.places import is_place, mentions_country
from quizgen.gazetteer import Gazetteer, load_gazetteer
from quizgen.models import QType
from quizgen.normalize import fold_for_match
from quizgen.sentences import LOWER, UPPER, Sentence


@functools.cache
def rank_alternation() -> str:
    """The gazetteer's ranks as one regex alternation, longest first ("Thượng tướng" before "tướng")."""
    return "|".join(re.escape(r) for r in sorted(load_gazetteer().all_ranks, key=len, reverse=True))


@functools.cache
def and_next_person() -> re.Pattern[str]:
    """ "Giám đốc Công an tỉnh Lâm Đồng | và Trung tướng Lor Sô Kha", "... | và ngài Jean-Pierre
    Lacroix": a second person begins."""
    return re.compile(rf"\s+và\s+(?:ông|bà|ngài|đồng chí|{rank_alternation()})\s", re.IGNORECASE)


_VIETNAMESE_MARKS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
# Vietnamese given names written without a mark ("Lan Anh", "Minh Long"): a name made only of these
# is Vietnamese though it carries no diacritic and its surname is left out.
_UNMARKED_GIVEN = frozenset({
    "Anh", "Lan", "Minh", "Nam", "Long", "Linh", "Trang", "Nga", "Hoa", "Mai", "Thanh", "Tam", "Tan",
    "Phong", "Quang", "Giang", "Hoang", "Vinh", "Ninh", "Trung", "Hung", "Dung", "Tuan", "Khanh", "Hanh",
    "Phuong", "Huong", "Thu", "Ha", "Yen", "Van", "Kim", "Xuan", "Hong", "Son",
})  # fmt: skip
_APPOSITION = re.compile(r"\s*(?:,|–|-)\s+(?P<title>[^,–;()]+?)(?=\s*(?:,|–|;|\.$|$))")
_VERB_IN_TITLE = re.compile(
    r"\s(?:làm|dẫn đầu|đã|sẽ|đang|vừa|cùng|chủ trì|phát biểu|cho biết|nhấn mạnh)(?!\w)"
    # "Cục Cảnh sát PCCC và CNCH", "Cục Công tác Đảng và công tác chính trị": a "và" inside the
    # body's name; cut there, the stem read "ai và CNCH" (both readers: broken).
    r"|\svà(?!\w)(?!\s+(?:[A-ZĐ]{2,}(?![\w.])|công tác chính trị|cứu nạn))"
    # "... đã được Trung tướng X, Phó Tổng Tham mưu trưởng ... tiếp.": the sentence's last verb.
    r"|\s(?:tiếp|đón|trao|thăm)(?=\s*(?:[.,;:]|$))"
)
# An address as a suspect's is written: "trú tại xã Nghi Phú, TP Vinh", "ngụ phường 5, quận 8".
# A piece led by an administrative word, or a bare place name that no lower-case word follows
# ("..., huyện Tân Hưng, | Cảnh sát thu giữ": "Cảnh" starts the next clause, not a place).
_PLACE_PIECE = (
    r"(?:(?:(?:xã|phường|huyện|quận|thị xã|thị trấn|TP\.?|thành phố|tỉnh|thôn|bản|xóm|tổ dân phố|ấp|"
    r"khu phố|khu|tổ)\s+)"
    rf"[{UPPER}0-9][\w.]*(?:\s+[{UPPER}0-9][\w.]*)*"
    rf"|(?>[{UPPER}][\w.]*(?:\s+[{UPPER}0-9][\w.]*)*)(?!\s+[{LOWER}]))"
)
_ADDRESS = rf",?\s*(?:thường trú|trú|ngụ|ở)(?:\s+tại)?\s+{_PLACE_PIECE}(?:,\s*{_PLACE_PIECE})*"
# "Nguyễn Anh Tuấn, 29 tuổi, trú tại khu 4, phường Móng Cái 1, Quảng Ninh": the age and the home
# said between commas, not in brackets; who the person is, not what is asked of them.
AGE_AND_HOME = rf",\s*\d{{1,3}}\s*tuổi(?:{_ADDRESS})?(?=\s*[,.;]|$)"
# What follows a private person's name: an age or a birth year in brackets, closed, and the
# address after it; the stem asks "ai" without them.
# "(biệt hiệu là "Thắng Sơn", 50 tuổi, ...)": a nickname may come before the age; "(SN 12/3/1992,
# tại ...)": a birth date. ", sinh năm 1974, trú tại ...": the birth year between commas.
_PRIVATE_AFTER = re.compile(
    rf"\s*\((?:[^()]{{0,40}}?,\s*)?(?:\d{{1,3}}\s*tuổi|SN\s*\d{{1,4}}|sinh năm\s*\d{{4}})[^()]{{0,80}}\)"
    rf"(?:{_ADDRESS})?|{_ADDRESS}|{AGE_AND_HOME}"
    rf"|,\s*(?:sinh năm|SN)\s*\d{{4}}(?:{_ADDRESS}(?:\s*\([^()]{{0,80}}\))?)?"
    # The address ends where the clause does, not before its district ("xã Hợp Thành, | huyện
    # Cao Lộc cùng ...": the rest would be left in the stem).
    r"(?=\s*[,.;](?!\s*(?:xã|phường|huyện|quận|thị xã|thị trấn|tỉnh|thành phố|TP|trú|ngụ|thường trú)\s)|$)"
)
# The part a private person plays in the case, said before the name.
_CAST = {"đối tượng", "bị can", "bị cáo", "nghi phạm", "nghi can", "nạn nhân", "chị", "anh", "cháu"}
_CAST_DESCRIBED = re.compile(
    rf"(?<!\w)(?:đối tượng|bị can|nghi phạm|nghi can)\s+"
    rf"(?:(?:bị\s+)?truy nã(?:\s+[{LOWER}]+){{0,4}}|cầm đầu|chủ mưu)\s+$"
)
_ACADEMIC = {"pgs.ts", "gs.ts", "pgs.ts.", "gs.ts.", "ts.", "ts", "ths.", "ths", "pgs", "gs"}
_HONORIFICS = {"ông", "bà", "ngài", "đồng chí", "đ/c"}


def _name_runs(tokens: tuple[Token, ...]) -> Iterator[tuple[int, int]]:
    """Index ranges [i, j) of adjacent capitalised proper-noun words."""
    i = 0
    while i < len(tokens):
        if tokens[i].proper and tokens[i].text[:1].isupper():
            j = i + 1
            while j < len(tokens) and tokens[j].proper and tokens[j].text[:1].isupper():
                if tokens[j].start - tokens[j - 1].end > 1:
                    break
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def _kind(name: str, gaz: Gazetteer) -> str | None:
    words = name.split()
    if len(words) < 2 or len(words) > 6:
        return None
    if not all(w[:1].isupper() for w in words):
        return None  # "Quốc phòng": a capitalised common noun, not a person's name
    if is_place(name) or mentions_country(name):
        return None
    if words[0] in gaz.surnames or (len(words) <= 3 and all(w in _UNMARKED_GIVEN for w in words)):
        return "vn"
    if not _VIETNAMESE_MARKS.search(name.casefold()) or "-" in name or "'" in name:
        return "foreign"
    if 2 * sum(not _VIETNAMESE_SYLLABLE.fullmatch(w.casefold()) for w in words) > len(words):
        # "Lázaro Alberto Álvarez Casas": marked, but most of its words are no Vietnamese syllable
        # (fresh64: a Cuban minister among Vietnamese officials, both readers); "Ksor Phước" is.
        return "foreign"
    return "vn" if len(words) <= 4 else None


_VIETNAMESE_VOWELS = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
# One Vietnamese syllable: an initial consonant (cluster), its vowels, a final consonant.
_VIETNAMESE_SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{_VIETNAMESE_VOWELS}]{{1,3}}(?:ng|nh|ch|[cmnpt])?"
)


def _asked_private(
    text: str, tokens: tuple[Token, ...], i: int, aged: re.Match[str] | None, cast: bool
) -> bool:
    """A private person worth a question: the object of what was done ("bắt quả tang X (29 tuổi)",
    "do X cầm đầu"), not a caption's subject ("Đối tượng X làm việc tại cơ quan công an"), one name
    of a list ("gồm: A (32 tuổi), B, C và D") nor a name an apposition after it still describes."""
    first = i - 1 if cast else i
    if first == 0 or not tokens[first - 1].text[:1].islower():
        return False
    if tokens[first - 1].text.casefold() in ("các", "những", "hai", "ba", "bốn", "năm", "gồm"):
        return False  # "nơi ở của các đối tượng A, B; C": one of several
    if re.match(r"\s+[A-ZĐ]", text[tokens[i].end :]):
        return False  # "Tẩn Lèng | Mẩy": the toolkit cut the name short
    start = tokens[first].start
    end = aged.end() if aged else tokens[i].end
    if re.search(r"(?:,|\svà)\s*$", text[:start]) or re.search(
        r"gồm(?!\w)", text[max(0, start - 120) : start]
    ):
        return False
    return not re.match(r"\s*(?:[,;]\s*|\s+và\s+)[A-ZĐ]|\s*[–-]\s", text[end:])


def person_facts(
    sentence: Sentence, analysis: SentenceAnalysis, known: set[str], gaz: Gazetteer | None = None
) -> Iterator[Fact]:
    """ "Who" facts for titled people the rules did not find (``known``: folded names found)."""
    gaz = gaz or load_gazetteer()
    text = analysis.text
    tokens = analysis.tokens
    ranks = {fold_for_match(r) for r in gaz.all_ranks}
    titles = [fold_for_match(t) for t in gaz.titles]
    bodies = set(gaz.un_bodies) | set(gaz.law_partners)
    for i, j in _name_runs(tokens):
        # "Trung Quốc Đường Triều": a country or place before the name belongs to the title.
        # "TP Hồ Chí Minh Nguyễn Thành Phong": a city named without its "Thành phố" as well.
        while j - i > 1 and (
            is_place(tokens[i].text)
            or is_place(f"Thành phố {tokens[i].text}")
            or tokens[i].text.isupper()
            or tokens[i].text.upper() in bodies
        ):
            # "LHQ Jean-Pierre Lacroix", "Tổng Thư ký Interpol Jurgen Stock": an acronym before
            # the name belongs to the title, however it is cased.
            i += 1
        academic = None
        while j - i > 1 and fold_for_match(tokens[i].text) in _ACADEMIC:
            academic = i  # "PGS.TS Phạm Công Nguyên": the degree is not part of the name
            i += 1
        name = text[tokens[i].start : tokens[j - 1].end]
        name_end_at = tokens[j - 1].end
        # "Nguyễn Xuân Phúc-Chủ tịch ...": a title glued on by a hyphen ends the name; a hyphen
        # inside a foreign name ("Ahmed Naser Al-Raisi", "Jean-Pierre") does not.
        glued = next(
            (
                m
                for m in re.finditer(r"-(?=[A-ZĐ])", name)
                if any(fold_for_match(text[tokens[i].start + m.end() :]).startswith(t) for t in titles)
            ),
            None,
        )
        if glued:
            name = name[: glued.start()]
            name_end_at = tokens[i].start + glued.start()
        kind = _kind(name, gaz)
        if kind is None or fold_for_match(name) in known:
            continue
        # Walk left over the capitalised words of a title and its organisation ("Phó Thủ tướng
        # Thường trực Chính phủ", where the toolkit tags "Thường trực" a verb).
        k = i
        while k > 0 and tokens[k - 1].text[:1].isupper() and tokens[k - 1].pos != "CH":
            if tokens[k].start - tokens[k - 1].end > 1:
                break
            k -= 1
        # The title starts at the leftmost word that begins one ("Trụ sở Chính phủ | Thứ trưởng Bộ
        # An ninh Quốc gia Trung Quốc Đường Triều": the place before it is not part of it).
        first_title = next(
            (
                m
                for m in range(k, i)
                if any(fold_for_match(text[tokens[m].start : tokens[i].start]).startswith(t) for t in titles)
            ),
            None,
        )
        before = tokens[i - 1] if i > 0 else None
        rank = before is not None and fold_for_match(before.text) in ranks
        titled = first_title is not None
        k = first_title if first_title is not None else i
        if rank and first_title is None:
            k = i - 1  # the rank is asked with the name: "do ai dẫn đầu", not "do Đại tá ai"
        honoured = before is not None and fold_for_match(before.text) in _HONORIFICS | _ACADEMIC
        # A suspect or a victim: "bắt quả tang Xa Văn Tiến (29 tuổi, xã Đắk Kan)", "bị can Nguyễn
        # Văn A". Gold writers ask who was arrested; the age and address go with the name.
        # "Phan Thị Hồng Nh": a name the paper cut short to hide it is no answer.
        hidden = re.search(r"\s(?:Nh|Th|Ng|Tr|Ch|Ph|Kh|[A-ZĐ])\.?$", name) is not None
        aged = _PRIVATE_AFTER.match(text, name_end_at) if not glued and not hidden else None
        if aged and kind != "vn" and not aged.group(0).lstrip().startswith("("):
            aged = None  # a foreigner's age is written in brackets ("Turets-Afuda Kseniia (SN ...)")
        if aged and not aged.group(0).lstrip().startswith("(") and name.split()[0] not in gaz.surnames:
            aged = None  # "đường cát Ngọc Duyên ở ấp 4": a shop's name and its address, not a person
        cast = before is not None and kind == "vn" and fold_for_match(before.text) in _CAST
        if (
            (aged or cast)
            and not (rank or titled or honoured)
            and not _asked_private(text, tokens, i, aged, cast)
        ):
            continue
        if not (rank or titled or honoured or aged or cast):
            continue
        start = tokens[i - 1].start if (honoured or cast) and before else tokens[k].start
        answer = f"{before.text[:1].upper()}{before.text[1:]} {name}" if rank and before else name
        if academic is not None:
            # "Đại tá, PGS.TS Phạm Công Nguyên": the rank before the degree goes with the name.
            ranked = (
                academic >= 2
                and tokens[academic - 1].text == ","
                and (fold_for_match(tokens[academic - 2].text) in ranks)
            )
            start = tokens[academic - 2].start if ranked else tokens[academic].start
            answer = text[start:name_end_at] if ranked else name
        known.add(fold_for_match(name))
        end = aged.end() if aged else name_end_at
        if aged and not aged.group(0).lstrip().startswith("(") and re.match(rf",\s+[{LOWER}]", text[end:]):
            # "do Nguyễn Văn Thọ, 21 tuổi, cầm đầu": the comma that closed the age goes with it, or
            # the stem reads "do ai, cầm đầu" (fresh63, both readers).
            end += 1
        # "Đại tướng Tô Lâm, Bộ trưởng Bộ Công an Việt Nam, và ...": the title after the name goes
        # with it, or the stem reads "ai, Bộ trưởng ..., " and names the answer's post.
        after = _APPOSITION.match(text, end) if not glued else None
        if after and any(fold_for_match(after.group("title")).startswith(t) for t in titles):
            verb = next(
                (
                    v
                    for v in _VERB_IN_TITLE.finditer(after.group("title"))
                    if gaz.body_across(after.group("title"), v.start()) is None
                ),
                None,
            )
            end = after.start("title") + verb.start() if verb else after.end("title")
        # "bắt được đối tượng truy nã đặc biệt nguy hiểm | X": the cast, described, then the name;
        # "... nguy hiểm ai?" is not Vietnamese, "... nguy hiểm nào?" is.
        described = not cast and _CAST_DESCRIBED.search(text[:start]) is not None
        yield Fact(
            QType.WHO,
            "person",
            answer,
            text[start:end],
            sentence,
            start,
            end,
            qphrase="nào" if described else "ai",
            shape=f"person:{kind}",
            score=0.6,
        )
