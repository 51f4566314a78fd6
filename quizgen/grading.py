"""Stage: grading. Scores per trainee and classical item statistics, from quiz.json and the answers.

Pure and typed: no files, no typer. Every version's answers are mapped back to the bank id
of each question (and each printed letter to the option text), so a question's statistics
pool every version. Statistics follow classical test theory:

- facility p: share of trainees who got the question right (a blank counts as wrong);
- discrimination index D: p in the upper 27% minus p in the lower 27% by total score;
- point-biserial r: correlation of the question with the rest of the test (total minus this
  question, so a question does not correlate with itself; with few questions the uncorrected
  figure flatters every question);
- KR-20 reliability: k/(k-1) * (1 - sum(p*q) / var(total)), population variance.

Flags need a cohort of at least MIN_COHORT trainees: below that, one trainee moves p by more
than 0.1 and the flags would be noise that then steers `export pdf --skip-flagged`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from quizgen.manifest import ManifestItem, QuizManifest
from quizgen.normalize import fold_for_match

GROUP_SHARE = 0.27
MIN_COHORT = 10
TOO_EASY = 0.9
TOO_HARD = 0.2
LOW_DISCRIMINATION = 0.1

BLANK = -1
WRITTEN = -2  # a written answer (cloze, short answer): no option index
SPOILED = -3  # several bubbles filled, or unreadable: wrong, not blank
SPOILED_MARK = "*"


@dataclass(frozen=True)
class Response:
    """One trainee's row: choice answers already checked and given as the printed letter."""

    seat: str
    name: str
    unit: str
    version: str
    answers: tuple[str, ...]  # by question number; "" = blank
    row: int = 0


@dataclass(frozen=True)
class TraineeScore:
    seat: str
    name: str
    unit: str
    version: str
    correct: int
    blank: int
    points: float
    percent: float
    passed: bool
    rank: int


@dataclass(frozen=True)
class OptionStat:
    label: str  # letter in the first version that printed the question
    text: str
    count: int
    upper: int
    lower: int
    is_key: bool


@dataclass(frozen=True)
class ItemStat:
    id: str
    format: str
    numbers: tuple[tuple[str, int], ...]  # (version, number) wherever it was printed
    key: str  # option text or written answer
    trainees: int
    facility: float
    discrimination: float | None
    point_biserial: float | None
    blanks: int
    options: tuple[OptionStat, ...]
    flags: tuple[str, ...]

    @property
    def where(self) -> str:
        return ", ".join(f"{v}-{n}" for v, n in self.numbers)


@dataclass(frozen=True)
class ToConfirm:
    """A written answer that was not typed exactly as the key: the trainer should look at it."""

    seat: str
    name: str
    version: str
    number: int
    id: str
    given: str
    expected: str
    counted_correct: bool


@dataclass(frozen=True)
class QuizSummary:
    trainees: int
    items: int
    max_points: float
    mean: float
    sd: float
    median: float
    minimum: float
    maximum: float
    mean_percent: float
    passed: int
    kr20: float | None


@dataclass(frozen=True)
class GradeResult:
    title: str
    date: str
    quiz: str
    pass_mark: float
    trainees: tuple[TraineeScore, ...]  # in sheet order
    items: tuple[ItemStat, ...]  # in the first version's order
    summary: QuizSummary
    to_confirm: tuple[ToConfirm, ...]
    percents: tuple[float, ...]


@dataclass(frozen=True)
class ItemArrays:
    """Per-question statistics as arrays (length k); NaN where undefined."""

    facility: npt.NDArray[np.float64]
    discrimination: npt.NDArray[np.float64]
    point_biserial: npt.NDArray[np.float64]
    upper: npt.NDArray[np.intp]
    lower: npt.NDArray[np.intp]


def group_size(n: int) -> int:
    return max(1, round(GROUP_SHARE * n)) if n else 0


def item_statistics(correct: npt.NDArray[np.bool_]) -> ItemArrays:
    """Facility, upper-lower index and corrected point-biserial for a trainees x questions matrix."""
    x = correct.astype(np.float64)
    n = x.shape[0]
    total = x.sum(axis=1)
    facility = x.mean(axis=0) if n else np.full(x.shape[1], np.nan)
    g = group_size(n)
    # Highest totals first; ties keep sheet order, so the same sheet gives the same groups.
    order = np.argsort(-total, kind="stable")
    upper, lower = order[:g], order[n - g :]
    discrimination = x[upper].mean(axis=0) - x[lower].mean(axis=0) if g else np.full(x.shape[1], np.nan)
    if n == 0:
        return ItemArrays(facility, discrimination, np.full(x.shape[1], np.nan), upper, lower)
    rest = total[:, None] - x
    xm = x - x.mean(axis=0)
    rm = rest - rest.mean(axis=0)
    denom = np.sqrt((xm * xm).sum(axis=0) * (rm * rm).sum(axis=0))
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(denom > 0, (xm * rm).sum(axis=0) / np.where(denom > 0, denom, 1.0), np.nan)
    return ItemArrays(facility, discrimination, r, upper, lower)


def kr20(correct: npt.NDArray[np.bool_]) -> float | None:
    x = correct.astype(np.float64)
    n, k = x.shape
    if n < 2 or k < 2:
        return None
    p = x.mean(axis=0)
    var = x.sum(axis=1).var()
    if var == 0:
        return None
    return float(k / (k - 1) * (1 - (p * (1 - p)).sum() / var))


def competition_ranks(points: npt.NDArray[np.float64]) -> list[int]:
    """1, 2, 2, 4: equal scores share a rank and the next rank skips."""
    rounded = np.round(points, 6)
    ascending = np.sort(rounded)
    greater = len(rounded) - np.searchsorted(ascending, rounded, side="right")
    return [int(g) + 1 for g in greater]


def _fold(text: str) -> str:
    return " ".join(fold_for_match(text).split())


def _letter_key(letter: str) -> str:
    return letter.strip().upper()


@dataclass
class _Item:
    """Where one bank question sits in each version, and its options in a fixed order."""

    id: str
    format: str
    first: ManifestItem
    texts: list[str]
    numbers: list[tuple[str, int]]


def _items(manifest: QuizManifest) -> tuple[list[_Item], dict[str, list[tuple[int, int, dict[str, int]]]]]:
    """The questions in report order, and per version: (number index, item index, letter -> option)."""
    items: dict[str, _Item] = {}
    layout: dict[str, list[tuple[int, int, dict[str, int]]]] = {}
    for version in manifest.versions:
        for m in version.questions:
            if m.id not in items:
                texts = list((m.options or {}).values())
                items[m.id] = _Item(m.id, m.format, m, texts, [])
            items[m.id].numbers.append((version.label, m.number))
    order = list(items)
    for version in manifest.versions:
        entries = []
        for m in version.questions:
            item = items[m.id]
            lut = {}
            for letter, text in (m.options or {}).items():
                if text not in item.texts:
                    item.texts.append(text)
                lut[_letter_key(letter)] = item.texts.index(text)
            entries.append((m.number - 1, order.index(m.id), lut))
        layout[version.label] = entries
    return [items[i] for i in order], layout


def grade(manifest: QuizManifest, responses: Sequence[Response], pass_mark: float = 50.0) -> GradeResult:
    """Score every trainee and compute each question's statistics. ``pass_mark`` is a percent."""
    items, layout = _items(manifest)
    n, k = len(responses), len(items)
    choice = np.full((n, k), BLANK, dtype=np.intp)
    correct = np.zeros((n, k), dtype=bool)
    points = np.zeros((n, k), dtype=np.float64)
    to_confirm: list[ToConfirm] = []
    by_version: dict[str, list[int]] = {}
    for row, response in enumerate(responses):
        by_version.setdefault(response.version, []).append(row)
    for label, rows in by_version.items():
        version = manifest.version(label)
        assert version is not None, f"unchecked version {label}"
        width = len(version.questions)
        block = [(r.answers + ("",) * width)[:width] for r in (responses[i] for i in rows)]
        # Few distinct cell values (A-D, blank...): decode each once, then map the whole column by index.
        uniq, inverse = np.unique(np.array(block, dtype=str).reshape(len(rows), width), return_inverse=True)
        inverse = inverse.reshape(len(rows), width)
        row_idx = np.array(rows, dtype=np.intp)
        for (col, j, lut), m in zip(layout[label], version.questions, strict=True):
            if m.is_choice:
                lut_full = {**lut, "": BLANK, SPOILED_MARK: SPOILED}
                table = np.array([lut_full.get(_letter_key(str(u)), BLANK) for u in uniq], dtype=np.intp)
                codes = table[inverse[:, col]]
                key = lut[_letter_key(m.correct)]
                choice[row_idx, j] = codes
                hit = codes == key
            else:
                keys = {_fold(a) for a in (m.correct, *m.accept)}
                exact = {m.correct.strip(), *(a.strip() for a in m.accept)}
                hit = np.zeros(len(rows), dtype=bool)
                for t, given in enumerate(uniq[inverse[:, col]]):
                    text = str(given).strip()
                    if not text:
                        continue
                    choice[rows[t], j] = WRITTEN
                    ok = _fold(text) in keys
                    hit[t] = ok
                    if text not in exact:
                        r = responses[rows[t]]
                        to_confirm.append(
                            ToConfirm(r.seat, r.name, label, m.number, m.id, text, m.correct, ok)
                        )
            correct[row_idx, j] = hit
            points[row_idx, j] = np.where(hit, m.points, 0.0)
    stats = item_statistics(correct)
    blanks = (choice == BLANK).sum(axis=0)
    max_points = manifest.max_points
    earned = points.sum(axis=1)
    percent = earned / max_points * 100 if max_points else np.zeros(n)
    ranks = competition_ranks(earned)
    right_count = correct.sum(axis=1)
    blank_count = (choice == BLANK).sum(axis=1)
    trainees = tuple(
        TraineeScore(
            seat=r.seat,
            name=r.name,
            unit=r.unit,
            version=r.version,
            correct=int(right_count[i]),
            blank=int(blank_count[i]),
            points=round(float(earned[i]), 4),
            percent=round(float(percent[i]), 2),
            passed=bool(percent[i] >= pass_mark - 1e-9),
            rank=ranks[i],
        )
        for i, r in enumerate(responses)
    )
    item_stats = tuple(_item_stat(items[j], j, choice, stats, int(blanks[j]), n) for j in range(k))
    summary = QuizSummary(
        trainees=n,
        items=k,
        max_points=max_points,
        mean=_r(earned.mean()) if n else 0.0,
        sd=_r(earned.std()) if n else 0.0,
        median=_r(np.median(earned)) if n else 0.0,
        minimum=_r(earned.min()) if n else 0.0,
        maximum=_r(earned.max()) if n else 0.0,
        mean_percent=_r(percent.mean()) if n else 0.0,
        passed=sum(t.passed for t in trainees),
        kr20=None if (value := kr20(correct)) is None else _r(value),
    )
    return GradeResult(
        title=manifest.title,
        date=manifest.date,
        quiz=manifest.hash,
        pass_mark=pass_mark,
        trainees=trainees,
        items=item_stats,
        summary=summary,
        to_confirm=tuple(to_confirm),
        percents=tuple(float(p) for p in percent),
    )


def _r(value: float | np.floating[npt.NBitBase]) -> float:
    return round(float(value), 4)


def _opt(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 4)


def _item_stat(
    item: _Item, j: int, choice: npt.NDArray[np.intp], stats: ItemArrays, blanks: int, n: int
) -> ItemStat:
    col = choice[:, j]
    options: list[OptionStat] = []
    first = item.first
    key_text = (first.options or {}).get(first.correct, first.correct)
    if item.texts:
        counts = np.bincount(col[col >= 0], minlength=len(item.texts))
        upper_col, lower_col = col[stats.upper], col[stats.lower]
        up = np.bincount(upper_col[upper_col >= 0], minlength=len(item.texts))
        low = np.bincount(lower_col[lower_col >= 0], minlength=len(item.texts))
        letters = {text: letter for letter, text in (first.options or {}).items()}
        for t, text in enumerate(item.texts):
            options.append(
                OptionStat(
                    letters.get(text, "?"), text, int(counts[t]), int(up[t]), int(low[t]), text == key_text
                )
            )
    facility = float(stats.facility[j])
    disc = _opt(float(stats.discrimination[j]))
    rpb = _opt(float(stats.point_biserial[j]))
    return ItemStat(
        id=item.id,
        format=item.format,
        numbers=tuple(item.numbers),
        key=key_text,
        trainees=n,
        facility=round(facility, 4),
        discrimination=disc,
        point_biserial=rpb,
        blanks=blanks,
        options=tuple(options),
        flags=tuple(item_flags(facility, disc, rpb, options, item.format, n)),
    )


def item_flags(
    facility: float,
    discrimination: float | None,
    point_biserial: float | None,
    options: Sequence[OptionStat],
    fmt: str,
    n: int,
) -> list[str]:
    """Names of the problems a trainer should look at (labels in quizgen.usage.FLAG_LABELS)."""
    if n < MIN_COHORT:
        return []
    flags = []
    if facility > TOO_EASY:
        flags.append("too_easy")
    if facility < TOO_HARD:
        flags.append("too_hard")
    # Point-biserial is the steadier of the two; D stands in where r is undefined.
    measure = point_biserial if point_biserial is not None else discrimination
    if measure is not None and 0.0 < facility < 1.0:
        if measure < 0:
            flags.append("negative_discrimination")
        elif measure < LOW_DISCRIMINATION:
            flags.append("low_discrimination")
    if fmt == "mcq" and any(o.count == 0 and not o.is_key for o in options):
        flags.append("unused_distractor")
    key = next((o for o in options if o.is_key), None)
    # The top group prefers a distractor to the key, and that distractor separates top from bottom
    # better than the key does. On a merely hard question the guessers spread over the distractors,
    # but they are mostly in the bottom group, so the key still separates better.
    if key is not None and any(
        not o.is_key and o.upper > key.upper and o.upper - o.lower > max(0, key.upper - key.lower)
        for o in options
    ):
        flags.append("likely_key_error")
    return flags
