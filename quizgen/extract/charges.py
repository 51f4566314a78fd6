"""The charges family: the offence a suspect is prosecuted for ("khởi tố bị can ... về tội
“Cưỡng đoạt tài sản”", "truy tố bị can Nguyễn Văn Tuấn về tội Mua bán người").

An offence is a name of the Penal Code. Quotation marks give its edges when the text has them;
otherwise the gazetteer's list of offences does, and an offence it does not list is not asked
(its end cannot be told from the words after it). The question asks "về tội gì"; the options are
the same family's other offences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.facts import Fact
from quizgen.gazetteer import Gazetteer, load_gazetteer
from quizgen.models import QType
from quizgen.normalize import fold_for_match, leading_name
from quizgen.sentences import Sentence

# "về tội Mua bán người"; "về hành vi Vi phạm quy định về khai thác ...", "làm rõ hành vi cho vay lãi
# nặng ...": an act named by the offence's own words.
# "vì tội đánh bạc" (a sentence served) reads the same way.
_ABOUT = re.compile(r"(?<!\w)(?:về|làm rõ|vì) (?P<charge>(?P<head>tội|hành vi)\s+)")
# A charge is a fact of a case: a prosecution, an arrest, a wanted notice or a trial names it, not
# a warning about a kind of crime ("cảnh báo về tội phạm lừa đảo").
_CASE = re.compile(
    r"(?i)khởi tố|truy tố|tạm giam|tạm giữ|xét xử|tuyên phạt|cáo trạng|bị can|bị cáo|truy nã|"
    r"(?<!\w)bắt(?:\s+(?:giữ|khẩn cấp|quả tang))?(?!\w)|kết án|án treo|phạt tù|đầu thú"
)
# Where an unquoted offence's name may end: the sentence's end, a mark, or a word that opens what
# comes after the act (where, when, with whom).
_NAME_ENDS = re.compile(
    r"\s*(?:$|[,.;:()“\"”–-]|(?:tại|ở|theo|vào|và|cùng|với|nhằm|để|xảy ra|trên|khi|do|đối với|"
    r"qua|từ|trong|thì|nên|sau)(?!\w))"
)
_NEXT_CHARGE = re.compile(r"\s*(?:,|;|và|cùng)\s*(?:(?:tội|hành vi)\s+)?(?P<rest>.*)", re.DOTALL)
_QUOTED = re.compile(r"[“\"](?P<name>[^”\"]{3,120})[”\"]")


def _family(name: str, gaz: Gazetteer) -> str | None:
    key = fold_for_match(name)
    return next((k for k, names in gaz.charges.items() if any(fold_for_match(n) == key for n in names)), None)


def charge_facts(sentence: Sentence, known: set[str], gaz: Gazetteer | None = None) -> Iterator[Fact]:
    """ "What" facts for the offence a case is about."""
    gaz = gaz or load_gazetteer()
    text = sentence.text
    for m in _ABOUT.finditer(text):
        if not _CASE.search(text[: m.start()]):
            continue
        rest = text[m.end() :]
        quoted = _QUOTED.match(rest)
        name = (
            quoted.group("name").strip()
            if quoted
            else leading_name(rest, (n for names in gaz.charges.values() for n in names))
        )
        if not name:
            continue
        end = m.end() + (quoted.end() if quoted else len(name))
        after = text[end:]
        if not quoted and not _NAME_ENDS.match(after):
            continue  # "về hành vi vận chuyển trái phép chất ma túy | tổng hợp": a longer act
        # "về tội “đánh bạc” (8 trường hợp) và tội “gây rối ...”", "về hành vi cố ý gây thương tích
        # và gây rối trật tự công cộng": several charges, one of them is not the answer.
        nxt = _NEXT_CHARGE.match(re.sub(r"^\s*\([^()]*\)", "", after))
        if nxt and (
            re.match(r"[“\"A-ZĐ]", nxt.group("rest"))
            or leading_name(nxt.group("rest"), (n for names in gaz.charges.values() for n in names))
        ):
            continue
        family = _family(name, gaz)
        if family is None or fold_for_match(name) in known:
            continue
        known.add(fold_for_match(name))
        yield Fact(
            QType.WHAT,
            "charge",
            name,
            text[m.start("charge") : end],
            sentence,
            m.start("charge"),
            end,
            qphrase=f"{m.group('head')} gì",
            shape=f"charge:{family}",
            head=m.group("head"),
            score=0.7,
        )
