"""`quizgen grade`'s report.pdf: scores and which questions worked, in the quiz's style.

The figures are drawn with matplotlib as SVG with their text kept as text
(``svg.fonttype = none``) in the quiz's font, and placed inline in the HTML, so
WeasyPrint sets them with the same embedded font as the rest of the page and a
reader can search them. matplotlib is imported only here, by `grade`, so that
`quizgen --help` stays fast.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from quizgen.errors import EnvironmentProblem
from quizgen.grading import (
    LOW_DISCRIMINATION,
    MIN_COHORT,
    TOO_EASY,
    TOO_HARD,
    GradeResult,
    ItemStat,
    TraineeScore,
)
from quizgen.resources import templates_dir
from quizgen.usage import FLAG_LABELS, SERIOUS_FLAGS

# A printed list longer than this is not read; scores.csv and open-answers.csv hold every row.
MAX_ROWS = 400
KEY_COLOUR = "#1f4e79"
OTHER_COLOUR = "#b7c9dd"
WARN_COLOUR = "#c0392b"
FLAG_ADVICE = {
    "too_easy": "gần như ai cũng đúng: câu không phân loại được; làm khó hơn hoặc chỉ dùng để ôn tập.",
    "too_hard": "rất ít người đúng: xem lại câu hỏi, đáp án và nội dung đã dạy.",
    "negative_discrimination": "người điểm thấp đúng nhiều hơn người điểm cao: câu mơ hồ hoặc sai đáp án?",
    "low_discrimination": "câu gần như không phân biệt người nắm bài với người chưa nắm.",
    "unused_distractor": "có phương án nhiễu không ai chọn: thay bằng phương án hợp lý hơn.",
    "likely_key_error": "nhóm điểm cao chọn một phương án nhiễu nhiều hơn đáp án: kiểm tra lại đáp án.",
}


@dataclass(frozen=True)
class SummaryRow:
    label: str
    value: str


@dataclass(frozen=True)
class ItemRow:
    number: int
    where: str
    stem: str
    key: str
    facility: str
    discrimination: str
    point_biserial: str
    blanks: int
    flags: str
    flagged: bool


@dataclass(frozen=True)
class Attention:
    number: int
    stem: str
    advice: tuple[str, ...]


@dataclass(frozen=True)
class OptionLine:
    letter: str
    text: str
    count: int
    is_key: bool


@dataclass(frozen=True)
class OptionChart:
    number: int
    stem: str
    svg: Markup
    options: tuple[OptionLine, ...]


@dataclass(frozen=True)
class TraineeRow:
    rank: int
    seat: str
    name: str
    unit: str
    version: str
    points: str
    percent: str
    passed: bool


@dataclass(frozen=True)
class UnitRow:
    unit: str
    trainees: int
    mean: str
    mean_percent: str
    passed: str


@dataclass(frozen=True)
class ConfirmRow:
    seat: str
    name: str
    where: str
    given: str
    expected: str
    counted: bool


@dataclass(frozen=True)
class ReportContext:
    font: str
    title: str
    date: str
    quiz: str
    pass_mark: str
    summary: tuple[SummaryRow, ...]
    histogram: Markup
    scatter: Markup
    items: tuple[ItemRow, ...]
    attention: tuple[Attention, ...]
    charts: tuple[OptionChart, ...]
    trainees: tuple[TraineeRow, ...]
    units: tuple[UnitRow, ...]  # empty when everyone is from one unit (or none was typed)
    confirm: tuple[ConfirmRow, ...]
    trainees_left: int  # rows not printed (see scores.csv)
    confirm_left: int
    small_cohort: bool
    min_cohort: int


def num(value: float | None, digits: int = 2) -> str:
    """Vietnamese decimal comma; a dash where a statistic is undefined."""
    if value is None:
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",")


def _short(text: str, limit: int = 150) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- figures -------------------------------------------------------------------------------


def _pyplot(font: str) -> Any:
    try:
        import matplotlib
    except ImportError:
        raise EnvironmentProblem(
            "quizgen grade vẽ biểu đồ bằng matplotlib nhưng máy chưa có; cài bằng: "
            "pip install 'quizgen[grade]' (hoặc pip install matplotlib), rồi chạy lại."
        ) from None
    matplotlib.use("svg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",  # text stays text: WeasyPrint sets it in the embedded quiz font
            "svg.hashsalt": "quizgen",  # stable ids: the same results give the same report
            "font.family": [font, "serif"],
            "font.size": 9,
            "axes.unicode_minus": False,  # U+2212 is not in Noto Serif: it would come from another font
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def _svg(fig: Any, plt: Any, prefix: str, tight: bool = True) -> Markup:
    buf = io.StringIO()
    # A tight box costs a second drawing pass: the many small option charts set their margins instead.
    fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight" if tight else None)
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    # Every figure is inline in one HTML page: its ids (clip paths, glyphs) get the figure's prefix,
    # since two figures with the same axes box would otherwise both define "p1a2b3c4".
    text = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", text)
    text = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', text)
    return Markup(text)  # matplotlib's own output, with our labels escaped by it


def histogram_svg(plt: Any, percents: tuple[float, ...], pass_mark: float) -> Markup:
    fig, ax = plt.subplots(figsize=(6.3, 1.7))
    bins = list(range(0, 101, 10))
    counts, _, patches = ax.hist(
        [min(p, 99.999) for p in percents], bins=bins, color=OTHER_COLOUR, edgecolor=KEY_COLOUR
    )
    for patch, left in zip(patches, bins, strict=False):
        if left >= pass_mark:
            patch.set_facecolor(KEY_COLOUR)
    ax.axvline(pass_mark, color=WARN_COLOUR, linestyle="--", linewidth=1)
    top = max(counts) if len(counts) else 1
    label = f"mức đạt {num(pass_mark, 0)}%"
    ax.text(pass_mark - 1, top * 0.97, label, color=WARN_COLOUR, va="top", ha="right")
    ax.set_xlim(0, 100)
    ax.set_xticks(bins)
    ax.set_xlabel("Điểm (% tổng điểm)")
    ax.set_ylabel("Số học viên")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return _svg(fig, plt, "hist")


def scatter_svg(plt: Any, items: tuple[ItemStat, ...], numbers: list[int]) -> Markup:
    fig, ax = plt.subplots(figsize=(6.3, 2.7))
    ax.axvspan(0, TOO_HARD, color="#f6dcd8", linewidth=0)
    ax.axvspan(TOO_EASY, 1, color="#f6dcd8", linewidth=0)
    ax.axhspan(-1, LOW_DISCRIMINATION, color="#fbeee0", linewidth=0)
    ax.axhline(0, color="#888888", linewidth=0.6)
    ys = []
    # Questions on the same spot share one label ("7, 21") instead of printing over each other.
    spots: dict[tuple[float, float], list[str]] = {}
    for item, n in zip(items, numbers, strict=True):
        y = item.point_biserial if item.point_biserial is not None else 0.0
        ys.append(y)
        colour = WARN_COLOUR if any(f in SERIOUS_FLAGS for f in item.flags) else KEY_COLOUR
        ax.plot(item.facility, y, "o", color=colour, markersize=4)
        spots.setdefault((round(item.facility, 2), round(y, 2)), []).append(str(n))
    for (x, y), labels in spots.items():
        ax.annotate(", ".join(labels), (x, y), xytext=(3, 2), textcoords="offset points", fontsize=7)
    low = min([*ys, -0.2])
    ax.set_xlim(0, 1)
    ax.set_ylim(max(-1.0, low - 0.05), 1)
    from matplotlib.ticker import FuncFormatter

    comma = FuncFormatter(lambda value, _: f"{value:.1f}".replace(".", ","))  # Vietnamese decimal comma
    ax.xaxis.set_major_formatter(comma)
    ax.yaxis.set_major_formatter(comma)
    ax.set_xlabel("Độ dễ p (tỉ lệ trả lời đúng)")
    ax.set_ylabel("Độ phân biệt r (điểm-nhị phân)")
    ax.text(0.01, 0.98, "quá khó", transform=ax.transAxes, va="top", color=WARN_COLOUR, fontsize=7.5)
    ax.text(
        0.99, 0.98, "quá dễ", transform=ax.transAxes, va="top", ha="right", color=WARN_COLOUR, fontsize=7.5
    )
    ax.text(
        0.5, LOW_DISCRIMINATION - 0.02, "phân biệt kém", ha="center", va="top", color="#9a6a2f", fontsize=7.5
    )
    return _svg(fig, plt, "pr")


def option_svg(plt: Any, item: ItemStat, prefix: str = "opt") -> Markup:
    """Bars labelled by letter only (the texts are listed beside it), so every chart has one scale."""
    labels = [o.label for o in item.options] + ["Trống"]
    counts = [o.count for o in item.options] + [item.blanks]
    colours = [KEY_COLOUR if o.is_key else OTHER_COLOUR for o in item.options] + ["#dddddd"]
    fig, ax = plt.subplots(figsize=(2.1, 0.2 * len(labels) + 0.2))
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, counts, color=colours, height=0.7)
    ax.set_yticks(positions)
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    for pos, count in zip(positions, counts, strict=True):
        ax.text(count, pos, f" {count}", va="center", fontsize=8)
    ax.set_xlim(0, max([*counts, 1]) * 1.2)
    height = 0.2 * len(labels) + 0.2
    fig.subplots_adjust(left=0.2, right=0.98, top=1 - 0.06 / height, bottom=0.06 / height)
    return _svg(fig, plt, prefix, tight=False)


# -- context and rendering -----------------------------------------------------------------


def report_context(result: GradeResult, font: str, stems: dict[str, str]) -> ReportContext:
    plt = _pyplot(font)
    s = result.summary
    numbers = [item.numbers[0][1] for item in result.items]
    summary = [
        SummaryRow("Số học viên", str(s.trainees)),
        SummaryRow("Số câu hỏi", str(s.items)),
        SummaryRow("Điểm trung bình", f"{num(s.mean)} / {num(s.max_points, 0)} ({num(s.mean_percent, 1)}%)"),
        SummaryRow("Độ lệch chuẩn", num(s.sd)),
        SummaryRow("Trung vị", num(s.median)),
        SummaryRow("Thấp nhất – cao nhất", f"{num(s.minimum)} – {num(s.maximum)}"),
        SummaryRow(
            f"Đạt (từ {num(result.pass_mark, 0)}%)",
            f"{s.passed}/{s.trainees} ({num(100 * s.passed / s.trainees if s.trainees else 0, 0)}%)",
        ),
        SummaryRow(
            "Độ tin cậy KR-20", "không tính được" if s.kr20 is None else num(s.kr20) + _kr20_note(s.kr20)
        ),
    ]
    items = []
    attention = []
    charts = []
    for item, n in zip(result.items, numbers, strict=True):
        stem = stems.get(item.id, item.id)
        items.append(
            ItemRow(
                number=n,
                where=item.where,
                stem=_short(stem, 90),
                key=_short(item.key, 40),
                facility=num(item.facility),
                discrimination=num(item.discrimination),
                point_biserial=num(item.point_biserial),
                blanks=item.blanks,
                flags=", ".join(FLAG_LABELS.get(f, f) for f in item.flags),
                flagged=any(f in SERIOUS_FLAGS for f in item.flags),
            )
        )
        if any(f in SERIOUS_FLAGS for f in item.flags):
            attention.append(Attention(n, stem, tuple(advice(item, f) for f in item.flags)))
        if item.options:
            lines = tuple(OptionLine(o.label, o.text, o.count, o.is_key) for o in item.options)
            charts.append(OptionChart(n, _short(stem, 130), option_svg(plt, item, f"q{n}"), lines))
    ranked = sorted(result.trainees, key=lambda t: (t.rank, t.seat))
    return ReportContext(
        font=font,
        title=result.title,
        date=result.date,
        quiz=result.quiz,
        pass_mark=num(result.pass_mark, 0),
        summary=tuple(summary),
        histogram=histogram_svg(plt, result.percents, result.pass_mark),
        scatter=scatter_svg(plt, result.items, numbers),
        items=tuple(items),
        attention=tuple(attention),
        charts=tuple(charts),
        trainees=tuple(
            TraineeRow(t.rank, t.seat, t.name, t.unit, t.version, num(t.points), num(t.percent, 1), t.passed)
            for t in ranked[:MAX_ROWS]
        ),
        units=unit_rows(result),
        confirm=tuple(
            ConfirmRow(c.seat, c.name, f"{c.version}-{c.number}", c.given, c.expected, c.counted_correct)
            for c in result.to_confirm[:MAX_ROWS]
        ),
        trainees_left=max(0, len(ranked) - MAX_ROWS),
        confirm_left=max(0, len(result.to_confirm) - MAX_ROWS),
        small_cohort=s.trainees < MIN_COHORT,
        min_cohort=MIN_COHORT,
    )


def advice(item: ItemStat, flag: str) -> str:
    """What a flag means for this question, naming the options involved (letters as in version A)."""
    text = FLAG_ADVICE.get(flag, flag)
    key = next((o for o in item.options if o.is_key), None)
    if flag == "likely_key_error" and key is not None:
        rivals = [o for o in item.options if not o.is_key and o.upper > key.upper]
        named = ", ".join(f"{o.label}. {_short(o.text, 60)} ({o.upper} người)" for o in rivals)
        return (
            f"nhóm 27% điểm cao chọn {named} nhiều hơn đáp án {key.label} ({key.upper} người): "
            "kiểm tra lại đáp án."
        )
    if flag == "unused_distractor":
        unused = ", ".join(o.label for o in item.options if o.count == 0 and not o.is_key)
        return f"phương án nhiễu {unused} không ai chọn: thay bằng phương án hợp lý hơn."
    return text


def unit_rows(result: GradeResult) -> tuple[UnitRow, ...]:
    """Mean score and pass rate per unit, units in the order they first appear on the sheet."""
    groups: dict[str, list[TraineeScore]] = {}
    for t in result.trainees:
        groups.setdefault(t.unit or "(không ghi đơn vị)", []).append(t)
    if len(groups) < 2:
        return ()
    rows = []
    for unit, members in groups.items():
        n = len(members)
        passed = sum(t.passed for t in members)
        rows.append(
            UnitRow(
                unit,
                n,
                num(sum(t.points for t in members) / n),
                num(sum(t.percent for t in members) / n, 1),
                f"{passed}/{n}",
            )
        )
    return tuple(rows)


def _kr20_note(value: float | None) -> str:
    if value is None:
        return " (không tính được)"
    if value >= 0.8:
        return " (tốt)"
    if value >= 0.7:
        return " (chấp nhận được cho bài kiểm tra lớp học)"
    return " (thấp: đề ngắn, hoặc các câu chưa cùng đo một năng lực)"


def render_report_html(ctx: ReportContext) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,  # names and answers typed by people, question text from articles
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report/report.html.j2").render(c=ctx)


def render_report_pdf(ctx: ReportContext) -> bytes:
    from quizgen.exporters.pdf import render_pdf_bytes

    pdf, _ = render_pdf_bytes(render_report_html(ctx))
    return pdf
