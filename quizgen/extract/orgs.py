"""The organisations family, from the analysis: a body's whole name, as the text gives it.

A name starts at a head word of the gazetteer ("Cục", "Bộ", "Công an tỉnh", "Trung tâm", ...) and
runs over the toolkit's words while they are capitalised, or lower-case nouns that a capitalised
word follows inside the name ("Cơ quan Vệ binh quốc gia Liên bang Nga", "Công an tỉnh Thanh
Hóa"), across "và" or a dash when a capitalised word follows ("Trung tâm Hợp tác An ninh và
Thực thi pháp luật Mê Công - Lan Thương"), with its parent body after a comma ("Cục Đối ngoại,
Bộ Công an"). The rules' organisation facts come first; this family adds the bodies they missed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import replace

from quizgen.extract.analysis import SentenceAnalysis, Token
from quizgen.extract.facts import Fact
from quizgen.extract.places import inside_a_place, is_place
from quizgen.gazetteer import Gazetteer, load_gazetteer
from quizgen.models import QType
from quizgen.normalize import fold_for_match
from quizgen.sentences import LOWER, UPPER, Sentence

# Heads that name a body of their own (not "Đoàn", "Hội" alone, which are mostly events).
_HEADS = (
    "Bộ", "Cục", "Tổng cục", "Vụ", "Viện", "Học viện", "Trường", "Sở", "Công an tỉnh", "Công an thành phố",
    "Công an huyện", "Công an quận", "Phòng", "Ủy ban", "Ban", "Văn phòng", "Phái bộ", "Cơ quan", "Trung tâm",
    "Bộ Tư lệnh", "Đại sứ quán", "Tổ chức", "Quỹ", "Bệnh viện", "Tòa án", "Viện kiểm sát", "Đồn Biên phòng",
    "Trung đoàn", "VKSND", "TAND", "UBND", "Ủy ban nhân dân", "Viện Kiểm sát nhân dân", "Tòa án nhân dân",
    "Trạm", "Đội", "Tiểu đoàn", "Công an TP", "Công an thị xã", "Công an phường", "Công an xã",
    "Công an",  # only before a place: "Công an Nghệ An", "Công an TP.Tây Ninh" (_LOCAL_POLICE)
)  # fmt: skip
_SECOND_BODY = {
    "Bộ", "Cục", "Công", "Ủy", "UBND", "Sở", "Phòng", "Vụ", "Viện", "Học", "Trường", "Bệnh", "Cơ",
    "Trung", "Tổng", "Ban", "Văn", "Đại", "Tổ", "Quỹ", "Chính", "Tòa", "Phái", "Giám", "Thứ", "Chủ",
    "Phó", "Ông", "Bà", "Đồng", "Đội", "Đơn", "Tiểu", "Lữ", "Sư",
    "Thiếu", "Thượng",  # "Học viện ANND | và Thiếu tướng ...": the next person's rank (fresh52 readers)
}  # fmt: skip
# A name that ends on its head's second word is cut short ("Văn phòng Cơ quan | phòng, chống ..."),
# unless that word ends a place ("UBND TP Hải Phòng", read as cut until fresh30's gold asked it).
_GENERIC_END = re.compile(r"(?<!\S)(?:Cơ quan|Văn phòng|Trung tâm|Bộ|Cục|Ban|Phòng|Viện|Tổ chức)$")
# The police of a place written without its level ("Công an Nghệ An") or with the level abbreviated
# ("Công an TP.Tây Ninh", "Công an H.Tân Hiệp", "Công an TPHCM"), as most outlets write it: the
# question word keeps the level, which the options then share (distractors' "org:Công an*" shapes).
_LOCAL_POLICE = re.compile(r"(?P<level>TP\.?|H\.|Q\.|TX\.)\s?[A-ZĐ]")  # "TPHCM": "TP" before "H"
_LOCAL_LEVELS = {
    "TP": ("Công an TP", "công an thành phố nào"), "H.": ("Công an huyện", "công an huyện nào"),
    "Q.": ("Công an quận", "công an quận nào"), "TX.": ("Công an thị xã", "công an thị xã nào"),
}  # fmt: skip
_TIME_WORDS = {"sáng", "chiều", "tối", "trưa", "đêm", "ngày", "hôm", "lúc"}
_NOUNISH = {"N", "Np", "Nc", "Nu", "A", "M", "Ny", "Nb"}
_QPHRASE = {
    "Công an tỉnh": "công an tỉnh nào", "Công an thành phố": "công an thành phố nào",
    "VKSND": "viện kiểm sát nào", "TAND": "tòa án nào", "UBND": "ủy ban nhân dân nào", "Trạm": "trạm nào",
    "Viện Kiểm sát nhân dân": "viện kiểm sát nào", "Tòa án nhân dân": "tòa án nào",
    "Ủy ban nhân dân": "ủy ban nhân dân nào", "Công an TP": "công an thành phố nào",
    "Công an thị xã": "công an thị xã nào", "Công an phường": "công an phường nào",
    "Công an xã": "công an xã nào",
}  # fmt: skip


@functools.cache
def body_head_re() -> re.Pattern[str]:
    heads = sorted(_HEADS, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(h) for h in heads)})(?=\s)")


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


# Words of a name the toolkit may split ("Ban Chỉ" + "huy"): the second half belongs to the name.
_SPLIT_WORDS = frozenset({("chỉ", "huy"), ("chỉ", "đạo"), ("tư", "lệnh"), ("tham", "mưu")})


def _holder_s_name(tok: Token, before: Token) -> bool:
    """ "UBND Đặc khu Phú Quốc | Nguyễn Lê Quốc Toàn": a Vietnamese full name after a body's name is
    its officer's, whom no rule named (a deputy); a school keeps the person it is named after."""
    words = tok.text.split()
    gaz = load_gazetteer()
    return (
        tok.pos == "Np"
        and len(words) >= 3
        and words[0] in gaz.surnames
        and not inside_a_place(tok.text)  # "Công an TP. | Hồ Chí Minh": the city's name
        and fold_for_match(tok.text) not in gaz.historical | gaz.famous  # "Học viện ... Hồ Chí Minh"
        and before.text not in ("THPT", "THCS", "PTTH", "Trường")
    )


def name_end(tokens: tuple[Token, ...], i: int, text: str, people: set[str]) -> int:
    """Index after the last word of the name whose head ends before token ``i``."""
    end = i
    j = i
    while j < len(tokens):
        tok = tokens[j]
        if fold_for_match(tok.text) in people or (j > 0 and _holder_s_name(tok, tokens[j - 1])):
            break  # "Bộ An ninh Quốc gia Trung Quốc | Đường Triều": a person's name begins
        if tok.start - tokens[j - 1].end > 1 if j > 0 else False:
            break
        if _cap(tok) and tok.pos in _NOUNISH | {"V", "Np"}:
            j += 1
            end = j
            if is_place(tok.text):
                break  # "Bộ Nội vụ Singapore", "... Trung Quốc": the country closes the name
            continue
        joined = j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper()
        two_places = joined and j > 0 and is_place(tokens[j - 1].text) and is_place(tokens[j + 1].text)
        if tok.text == "và" and two_places:
            break  # "Công an tỉnh Sơn La | và Hưng Yên": two provinces' police, the second one elided
        if tok.text == "," and COMMA_IN_NAME.match(text, tok.start) and j + 1 < len(tokens):
            # "Phòng Học sinh, | sinh viên": the comma is the name's own, and so is what follows it.
            j += 1
            while j < len(tokens) and tokens[j].text[:1].islower() and tokens[j].pos in _NOUNISH | {"V"}:
                j += 1
                end = j
            continue
        if j > 0 and (tokens[j - 1].text.split()[-1].casefold(), tok.text.casefold()) in _SPLIT_WORDS:
            j += 1  # "Ban Chỉ | huy": the toolkit split one word of the name in two
            end = j
            continue
        if (
            tok.text in ("và", "&", "-", "–") and joined
        ):  # "và 14 cán bộ": a count, not the name's second part
            if tok.text == "và" and tokens[j + 1].text.split()[0] in _SECOND_BODY:
                break  # "Bộ Công an và Bộ Quốc phòng", "... và Giám đốc X": a second name
            j += 1
            continue
        if tok.text.casefold() in _TIME_WORDS or tok.text.casefold() in ("cùng", "với"):
            break  # "Học viện Cảnh sát | sáng 27/11", "Phòng CSGT | cùng 30 Đội": the name has ended
        if tok.pos in _NOUNISH and tok.text[:1].islower():
            # A lower-case word stays inside only when a capitalised word of the name follows.
            k = j
            # "Bộ Tư lệnh Cảnh sát biển | cùng Cục Hải quan": a joining word ends the name even
            # where the toolkit tags it a noun.
            while (
                k < len(tokens)
                and tokens[k].pos in _NOUNISH
                and tokens[k].text[:1].islower()
                and tokens[k].text.casefold() not in ("cùng", "với", "và")
            ):
                k += 1
            if k < len(tokens) and _cap(tokens[k]) and tokens[k].pos in _NOUNISH | {"Np"} and k - j <= 3:
                j = k
                continue
        break
    return end


# Capitalised words after which an official name carries on in lower case ("Phòng Cảnh sát |
# quản lý hành chính về trật tự xã hội", "Phòng Tội phạm | có tổ chức, xuyên quốc gia").
_DESCRIPTIVE = {
    "cảnh sát", "an ninh", "tội phạm", "thường trực", "hoạt động", "quản lý", "phòng", "chống",
    "phòng chống", "hợp tác", "điều tra", "tham mưu", "kỹ thuật", "xây dựng", "bảo vệ", "huấn luyện",
    "đào tạo", "gìn giữ", "liên hợp quốc", "công an", "chính trị", "hậu cần", "pháp chế", "tổ chức",
}  # fmt: skip
# Words that end a name's lower-case tail: the sentence's own verb, tense or preposition begins.
_TAIL_STOP = {
    "đã", "đang", "sẽ", "vừa", "cũng", "được", "bị", "là", "tại", "với", "cho", "của", "do", "để",
    "khi", "nhằm", "theo", "trong", "từ", "đến", "chủ trì", "phối hợp", "tiếp", "ký", "trao", "dự",
    "làm", "gồm", "thuộc", "và", "cùng", "có", "nói", "cho biết", "đề nghị", "tham dự", "tổ chức",
    "triển khai", "thực hiện", "nhận", "đón", "gửi", "ở", "trên", "dưới", "sau", "trước", "này", "đó",
    *_TIME_WORDS, "vào",
}  # fmt: skip
_MAX_TAIL = 10
_ADMIN_LEVELS = ("tỉnh", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn", "thành phố")


def lower_tail(tokens: tuple[Token, ...], end_i: int) -> int:
    """Index after the lower-case tail that completes the name ending before token ``end_i``
    (``end_i`` itself when there is none): "... về gìn giữ hòa bình Liên hợp quốc", "... quản lý
    hành chính về trật tự xã hội", "Tội phạm có tổ chức, xuyên quốc gia"."""
    if end_i == 0 or end_i >= len(tokens) or not tokens[end_i].text[:1].islower():
        return end_i
    last = fold_for_match(tokens[end_i - 1].text)
    first = fold_for_match(tokens[end_i].text)
    pair = [fold_for_match(t.text) for t in tokens[end_i : end_i + 2]]
    if (last, pair) in (("ma túy", ["và", "tội phạm"]), ("tội phạm", ["và", "ma túy"])):
        # "Phòng Phòng chống ma túy | và tội phạm", "Văn phòng Thường trực phòng, chống tội phạm | và
        # ma túy": one body's name
        return end_i + 2
    if last == "công an" and first in _ADMIN_LEVELS:
        # "Phòng Cảnh sát giao thông Công an tỉnh | kiểm tra chiếc xe": the article's own province,
        # left unnamed; what follows is the clause, not the name (both fresh44 readers).
        return end_i + 1
    if first != "về" and last not in _DESCRIPTIVE:
        return end_i
    following = fold_for_match(tokens[end_i + 1].text) if end_i + 1 < len(tokens) else ""
    if first == "về" and (following in ("việc", "chủ đề", "vấn đề") or is_place(tokens[end_i - 1].text)):
        return end_i  # "quyết định của Giám đốc Công an tỉnh Bắc Giang | về việc ...": the document's subject
    j = end_i
    end = end_i
    while j < len(tokens) and j - end_i < _MAX_TAIL:
        tok = tokens[j]
        word = fold_for_match(tok.text)
        if tok.start - tokens[j - 1].end > 1 and tok.text not in (",",):
            break
        if word == "có" and j + 1 < len(tokens) and fold_for_match(tokens[j + 1].text) == "tổ chức":
            j += 2  # "tội phạm có tổ chức": a kind of crime, not "has organised"
            end = j
            continue
        after = fold_for_match(tokens[j + 1].text) if j + 1 < len(tokens) else ""
        listed = after in ("xuyên", "chữa cháy", "chống", "cứu hộ") or (
            # "tội phạm về tham nhũng, kinh tế, buôn lậu, môi trường": the crimes a department is named by
            after in _CRIME_FIELDS and fold_for_match(tokens[j - 1].text) in _CRIME_FIELDS
        )
        if tok.text == "," and listed:
            j += 1  # "có tổ chức, xuyên quốc gia", "phòng cháy, chữa cháy": one list inside the name
            continue
        if word in _TAIL_STOP and word != "về":
            break
        if tok.text[:1].isupper() and tok.text.split()[0] in _SECOND_BODY:
            break  # "... về trật tự xã hội | Công an tỉnh Hà Tĩnh": the parent body begins
        manner = tok.pos == "V" and j + 1 < len(tokens) and tokens[j + 1].pos == "A"
        if manner:
            break  # "... thủ đô | huấn luyện nghiêm khắc": a verb with its manner is the clause's
        if tok.pos in ("N", "V", "A", "M", "Np", "Nc") or word == "về":
            j += 1
            if word != "về":
                end = j
            continue
        break
    return end


_CRIME_FIELDS = ("tham nhũng", "kinh tế", "buôn lậu", "môi trường", "chức vụ", "ma túy")


def cut_short(tokens: tuple[Token, ...], end_i: int) -> bool:
    """True when the name's next word carries the name on in lower case ("Cục Hoạt động | hòa
    bình", "Học viện Chính trị Công an | nhân dân")."""
    if end_i >= len(tokens):
        return False
    if end_i > 0 and is_place(tokens[end_i - 1].text):
        return False  # closed by its province or country: "Công an tỉnh Tây Ninh | thông tin"
    nxt = tokens[end_i]
    if not nxt.text[:1].islower():
        return False
    # A verb next ("Công an tỉnh Nghệ An | tổ chức hội nghị") is the name's clause, not its tail,
    # unless a comma closes it at once ("Cục Hoạt động | hòa bình, Ban Thư ký ...").
    after = tokens[end_i + 1] if end_i + 1 < len(tokens) else None
    closed = after is None or after.text in (",", ";", ")", ".")
    return nxt.pos in ("N", "A", "Nc", "M", "Np") or (nxt.pos == "V" and closed)


# A comma inside a fixed phrase of a name, which ends no post: "Văn phòng Thường trực phòng, chống tội
# phạm và ma túy", "phòng cháy, chữa cháy và cứu nạn, cứu hộ", "tội phạm về tham nhũng, kinh tế, buôn
# lậu, môi trường" (readers struck "Phó Chánh Văn phòng Thường trực phòng" as cut off).
COMMA_IN_NAME = re.compile(
    r",\s+(?:chống|chữa cháy|cứu hộ)(?!\w)"
    r"|(?<=tham nhũng),\s+(?=kinh tế|buôn lậu|môi trường|chức vụ)"
    r"|(?<=kinh tế),\s+(?=buôn lậu|môi trường|chức vụ)"
    r"|(?<=buôn lậu),\s+(?=môi trường)"
    r"|(?<=[Hh]ọc sinh),\s+(?=sinh viên)"  # "Phòng Học sinh, sinh viên" (fresh50)
)


# The rest of a name that lists its fields: "Cục Khoa học | , Chiến lược và Lịch sử Công an" (not
# "..., Giám đốc Công an tỉnh A và ...": a post, whose second word is capitalised).
LISTED_IN_NAME = re.compile(
    rf",\s+[{UPPER}]\w*(?:\s+[{LOWER}]\w*)?\s+và(?:\s+[{UPPER}]\w*(?:\s+[{LOWER}]\w*)?)+"
)


def org_facts(
    sentence: Sentence, analysis: SentenceAnalysis, known: set[str], people: set[str]
) -> Iterator[Fact]:
    """ "Which body" facts for whole organisation names the rules did not ask about (``known``:
    folded bodies already asked; ``people``: folded names of the sentence's people)."""
    text = analysis.text
    tokens = analysis.tokens
    gaz = load_gazetteer()
    for m in body_head_re().finditer(text):
        head = m.group(0)
        after = [i for i, t in enumerate(tokens) if t.start >= m.end()]
        if not after or m.start() not in analysis.starts or m.end() not in analysis.ends:
            continue  # "Bộ trưởng", "Cục trưởng": the head is part of a post's word
        i = after[0]
        before = [t for t in tokens if t.end <= m.start()]
        if before and before[-1].text.casefold() in ("các", "những", "mọi"):
            continue  # "các Phái bộ GGHB": bodies of a kind, not one body
        if not _cap(tokens[i]):
            continue  # "Cục trưởng", "Bộ trưởng": a post, not a body
        shape_head, qphrase = head, _QPHRASE.get(head, f"{head.lower()} nào")
        if head == "Công an":
            local = _local_police(text[tokens[i].start : tokens[i].start + 24], tokens[i].text, gaz)
            if local is None:
                continue  # "Công an Trung ương", "Công an Lào": no local police of a Vietnamese place
            shape_head, qphrase = local
        end_i = name_end(tokens, i, text, people)
        if end_i == i:
            continue
        end_i = lower_tail(tokens, end_i)
        if tokens[i].text in ("Phó", "Trưởng") or cut_short(tokens, end_i):
            continue  # "Cục Phó ...": a post; "Phòng Cảnh sát | quản lý hành chính ...": cut short
        end = tokens[end_i - 1].end
        # "(UN Women)", "(C06, Bộ Công an)": the acronym and parent in brackets belong to the name.
        bracket = re.match(r"\s*\([^()]{1,40}\)", text[end:])
        if bracket and all(w[:1].isupper() for w in re.split(r"[\s,]+", bracket.group(0).strip("() ")) if w):
            end += bracket.end()
        listed = LISTED_IN_NAME.match(text, end)
        if listed:
            end = listed.end()  # "Cục Khoa học, Chiến lược và Lịch sử Công an": one body's name
        # "..., Bộ Công an": the ministry is the parent; "..., Bộ Tư lệnh Cảnh sát cơ động" is a body
        # of its own, whose lower-case words this pattern would cut ("..., Bộ Tư").
        parent = re.match(r",\s*(Bộ(?!\s+Tư\s+lệnh)(?:\s+[A-ZĐ][^\s,.;()]*)+)", text[end:])
        if parent and not re.match(r"\s*(?:và)\b", text[end + parent.end() :]):
            end += parent.end()
        name = text[m.start() : end].strip()
        generic = _GENERIC_END.search(name) is not None and not is_place(" ".join(name.split()[-2:]))
        if generic or fold_for_match(name).startswith("bộ công an"):
            continue  # cut short, or the ministry every trainee serves in
        if len(name.split()) <= len(head.split()) + 0 or fold_for_match(name) in known:
            continue
        # The same body said again, or with more after it ("Cục CSGT (C08)"); a department is no
        # repeat of the police it belongs to ("Phòng Cảnh sát giao thông Công an tỉnh Vĩnh Phúc").
        if any(
            fold_for_match(name) in k or (k in fold_for_match(name) and not _its_parent(k, name))
            for k in known
        ):
            continue
        if fold_for_match(name) in {fold_for_match(c) for c in gaz.countries} or is_place(name):
            continue  # "Phòng Thành Cảng": a Chinese port, not a department (fresh65, both readers)
        known.add(fold_for_match(name))
        yield Fact(
            QType.ORG,
            "org",
            name,
            name,
            sentence,
            m.start(),
            end,
            qphrase=qphrase,
            shape=f"org:{shape_head}",
            head=shape_head,
            score=0.6,
        )


def _local_police(ahead: str, word: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """The head and question word for "Công an" before ``word`` (``ahead``: the text from it on):
    an abbreviated level's ("TP.Tây Ninh" -> the city police's), a Vietnamese province's or
    city's bare name's; None for anything else."""
    abbreviated = _LOCAL_POLICE.match(ahead)
    if abbreviated:
        level = abbreviated.group("level")
        return _LOCAL_LEVELS["TP" if level.startswith("TP") else level]
    kind = gaz.place_kind(word)
    if kind in ("provinces", "former_provinces"):
        return "Công an", "công an tỉnh nào"
    if kind == "cities":
        return "Công an", "công an thành phố nào"
    return None


def _its_parent(known: str, name: str) -> bool:
    """ "công an tỉnh vĩnh phúc" at the end of "Phòng Cảnh sát giao thông Công an tỉnh Vĩnh Phúc": the
    police or ministry the department belongs to, not the department said again."""
    folded = fold_for_match(name)
    return folded.endswith(known) and folded != known and known.startswith(("công an ", "bộ ", "ubnd "))


@functools.cache
def _post_before_re() -> re.Pattern[str]:
    posts = sorted(load_gazetteer().titles, key=len, reverse=True)
    return re.compile(
        rf"\s*(?:,|[-\u2013])\s*(?P<former>nguyên\s+)?(?P<post>{'|'.join(re.escape(p) for p in posts)})\s+$",
        re.IGNORECASE,
    )


def asked_by_post(fact: Fact, names: set[str], held: list[str]) -> Fact | None:
    """A body named in a person's post, asked through the post: "Theo bài báo, Khưu Thanh Triều
    là Tiểu đoàn trưởng tiểu đoàn nào?" rather than the sentence with the body's name blanked
    ("Thượng tá Khưu Thanh Triều – Tiểu đoàn trưởng tiểu đoàn nào, Bộ tư lệnh ... cũng được ...").
    Readers accepted questions written from a person's parts (rank 92%, post 63% of judged drafts)
    far more often than a body blanked in its sentence (28%), which strands the apposition.
    ``names``: the article's people, without their ranks;
    ``held``: the folded questions that already ask a post's holder ("ai là cuc truong cuc ..."),
    whose body is then not asked again from the other end (None)."""
    if fact.kind not in ("org", "unit") or fact.template or not fact.qphrase.endswith(" nào"):
        return fact
    # "Bộ Tư lệnh Cảnh sát cơ động, Bộ Công an": the parent ministry is not what the post names.
    own = re.sub(r",\s*Bộ\s.*$", "", fact.answer)
    body = fold_for_match(own)
    text = fact.sentence.text
    before = text[: fact.start]
    for name in sorted(names, key=len, reverse=True):
        at = before.rfind(name)
        if at < 0 or (at > 0 and before[at - 1].isalpha()):
            continue
        post = _post_before_re().fullmatch(before, at + len(name))
        if post is None:
            continue
        if any(re.search(rf"(?<!\w){re.escape(body)}(?!\w)", q) for q in held):
            return None  # "Ai là Cục trưởng Cục Hậu cần?" asks it already
        verb = "từng là" if post.group("former") else "là"
        title = post.group("post")
        template = f"Theo bài báo, {name} {verb} {title} {fact.qphrase}?"
        return replace(fact, answer=own, fact=own, template=template, cloze_ok=False, move_to_end=False)
    return fact
