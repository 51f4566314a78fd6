"""The command line: parse arguments, call one core function, report.

This is the only place that catches QuizgenError: it prints the message and
exits 1 (bad data) or 2 (bad usage). Heavy libraries are imported inside the
commands that need them so that `quizgen --help` starts fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from quizgen.errors import QuizgenError, UsageError

if TYPE_CHECKING:
    from quizgen.models import QFormat, QType


class _Group(TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuizgenError as exc:
            typer.echo(f"Lỗi: {exc.user_message()}", err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    cls=_Group,
    help="quizgen: soạn câu hỏi kiểm tra từ bài báo tiếng Việt cho các buổi tập huấn.\n\n"
    "Ví dụ: quizgen generate seeds/ && quizgen list --status draft",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
export_app = typer.Typer(
    cls=_Group, help="Xuất câu hỏi đã duyệt (json, pdf, anki, moodle, gift).", no_args_is_help=True
)
app.add_typer(export_app, name="export")

BankOpt = Annotated[Path, typer.Option("--bank", help="Thư mục ngân hàng câu hỏi.")]
DEFAULT_BANK = Path("question_bank")


def _bank(root: Path) -> Any:
    from quizgen.bank import Bank

    return Bank(root)


def _checked_bank(root: Path) -> Any:
    """The bank, after sending hand-edited approved questions back to review (with a warning)."""
    from quizgen.review import sync_hand_edits

    bank = _bank(root)
    for found in sync_hand_edits(bank):
        action = (
            "chuyển về 'stale' để duyệt lại."
            if found.saved
            else "được tính là 'stale' (ngân hàng chỉ cho đọc nên chưa ghi lại được)."
        )
        typer.echo(
            f"Cảnh báo: câu {found.question_id} ({found.article_id}.yaml) đã bị sửa sau khi duyệt; {action}",
            err=True,
        )
    return bank


AllowGiveawaysOpt = Annotated[
    bool,
    typer.Option(
        "--allow-giveaways",
        help="In cả những cặp câu mà đáp án câu này nằm trong câu hỏi hay phương án của câu kia.",
    ),
]

ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="Tệp cấu hình (mặc định: quizgen.toml cạnh thư mục ngân hàng)."),
]
ReviewerOpt = Annotated[
    str | None, typer.Option(help="Tên người duyệt (mặc định: git config user.name, rồi tên đăng nhập).")
]


@app.command()
def generate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Tệp hoặc thư mục bài báo (mặc định: seeds/).")
    ] = None,
    bank: BankOpt = DEFAULT_BANK,
    max_per_article: Annotated[int, typer.Option(help="Số câu nháp tối đa mỗi bài.")] = 20,
    drafter: Annotated[
        str,
        typer.Option(
            help="Bộ soạn: embedded (mặc định, ngoại tuyến), llm (máy chủ mô hình cấu hình trong "
            "quizgen.toml), both (gộp cả hai, bỏ trùng, xếp hạng)."
        ),
    ] = "embedded",
    config: ConfigOpt = None,
    min_score: Annotated[
        float,
        typer.Option(
            help="Chỉ giữ câu nháp có điểm dự đoán (xác suất được chấp nhận nguyên bản) từ mức này "
            "(0 = giữ tất cả; 0.3 giữ ít câu hơn nhưng tốt hơn, xem README)."
        ),
    ] = 0.0,
) -> None:
    """Soạn câu hỏi nháp từ bài báo và thêm vào ngân hàng câu hỏi.

    Ví dụ: quizgen generate seeds/ --bank question_bank

    Ít câu hơn, tốt hơn: quizgen generate seeds/ --min-score 0.3

    Soạn bằng mô hình ngôn ngữ (xem README): quizgen generate seeds/ --drafter llm --config quizgen.toml
    """
    from quizgen.drafters import make_drafter
    from quizgen.generate import generate as run

    chosen = make_drafter(drafter, bank, config, progress=True)
    articles = list(paths or [Path("seeds")])
    try:
        report = run(
            articles,
            _checked_bank(bank),
            max_per_article=max_per_article,
            drafter=chosen,
            min_score=min_score,
        )
    except KeyboardInterrupt:
        typer.echo(
            "Đã dừng (Ctrl-C). Không tệp nào bị ghi dở; câu trả lời đã nhận của mô hình được giữ lại: "
            "chạy lại lệnh để tiếp tục.",
            err=True,
        )
        raise typer.Exit(130) from None
    for a in report.articles:
        note = "" if a.encoding in ("utf-8", "") else f" (đọc bằng mã {a.encoding})"
        if a.unchanged:
            typer.echo(f"{a.article_id}: không đổi, giữ {a.kept} câu{note}")
        else:
            stale = f", {a.staled} câu thành 'stale'" if a.staled else ""
            typer.echo(f"{a.article_id}: thêm {a.added} câu nháp, giữ {a.kept} câu{stale}{note}")
    typer.echo(f"Tổng: thêm {report.added} câu nháp vào {bank}.")
    dropped = report.dropped
    if dropped:
        typer.echo(f"Câu nháp bị loại: {sum(dropped.values())}")
        for reason, n in dropped.items():
            typer.echo(f"  {n:>4}  {reason}")


@app.command("list")
def list_(
    bank: BankOpt = DEFAULT_BANK,
    status: Annotated[str, typer.Option(help="draft|approved|rejected|stale|all")] = "all",
    article: Annotated[list[str] | None, typer.Option(help="Chỉ bài này (lặp lại được).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In JSON.")] = False,
    flagged: Annotated[
        bool, typer.Option("--flagged", help="Chỉ câu bị gắn cờ sau lần chấm gần nhất (quizgen grade).")
    ] = False,
) -> None:
    """Liệt kê câu hỏi trong ngân hàng.

    Ví dụ: quizgen list --status draft --article 003_43f387c3d7b97b06
    """
    from quizgen.query import parse_status, question_record, select

    chosen = select(_checked_bank(bank), parse_status(status), tuple(article or ()))
    if flagged:
        _list_flagged(chosen, as_json)
        return
    if as_json:
        typer.echo(json.dumps([question_record(q) for q in chosen], ensure_ascii=False, indent=2))
        return
    for located in chosen:
        q = located.question
        typer.echo(f"{q.id}  {q.status.value:<8} {q.type.value:<15} {q.format.value:<12} {q.question}")
    typer.echo(f"({len(chosen)} câu)")


@app.command()
def show(
    question_id: Annotated[str, typer.Argument(help="Mã câu hỏi, ví dụ q-3f2a9c.")],
    bank: BankOpt = DEFAULT_BANK,
) -> None:
    """Hiện đầy đủ một câu hỏi.

    Ví dụ: quizgen show q-3f2a9c
    """
    from quizgen.bank import dump_yaml
    from quizgen.query import question_record

    located = _bank(bank).find(question_id)
    typer.echo(dump_yaml(question_record(located)).rstrip())
    _show_usage(located.question)


@app.command()
def stats(bank: BankOpt = DEFAULT_BANK, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Thống kê theo bài: nháp, duyệt nguyên bản, duyệt sau khi sửa, loại (theo lý do), stale.

    Ví dụ: quizgen stats
    """
    from quizgen.query import Counts, bank_stats

    result = bank_stats(_checked_bank(bank))
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return

    def line(name: str, c: Counts) -> str:
        return (
            f"{name:<28} {c.total:>6} {c.draft:>6} {c.approved_as_generated:>9} "
            f"{c.approved_edited:>8} {c.rejected:>6} {c.stale:>6}"
        )

    typer.echo(f"{'bài':<28} {'tổng':>6} {'nháp':>6} {'duyệt':>9} {'đã sửa':>8} {'loại':>6} {'stale':>6}")
    for name, counts in result.per_article.items():
        typer.echo(line(name, counts))
    typer.echo(line("TỔNG", result.total))
    for reason, n in sorted(result.total.rejected_by_reason.items()):
        typer.echo(f"  loại vì {reason}: {n}")


@app.command()
def review(
    bank: BankOpt = DEFAULT_BANK,
    article: Annotated[str | None, typer.Option(help="Chỉ bài này.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Chỉ loại này (who, when, ...).")] = None,
    status: Annotated[
        str | None, typer.Option(help="draft|stale|approved|rejected (mặc định: draft và stale).")
    ] = None,
    reviewer: ReviewerOpt = None,
) -> None:
    """Duyệt từng câu hỏi: a duyệt, e sửa, r loại, s bỏ qua, b quay lại, q thoát, ? trợ giúp.

    Mỗi quyết định được lưu ngay; chạy lại để tiếp tục từ câu chưa duyệt đầu tiên.

    Ví dụ: quizgen review --article 003_43f387c3d7b97b06 --reviewer "Nguyễn Văn A"
    """
    from rich.console import Console

    from quizgen.query import parse_status
    from quizgen.review import default_reviewer
    from quizgen.review_session import ReviewSession, review_queue

    qtype = _parse_type(type_)
    wanted = parse_status(status) if status else None
    if status == "all":
        raise UsageError("--status all không dùng cho review; chọn draft, stale, approved hoặc rejected.")
    store = _checked_bank(bank)
    queue = review_queue(store, article, qtype, wanted)
    if not queue:
        typer.echo("Không còn câu hỏi nào cần duyệt.")
        return
    store.require_writable()  # say so now, not after the trainer has read the first question
    console = Console(highlight=False, soft_wrap=False)

    def ask(prompt: str, default: str | None) -> str:
        shown = f"{prompt} [{default}]: " if default is not None else f"{prompt}: "
        line = input(shown)
        return default if default is not None and line == "" else line

    summary = ReviewSession(store, default_reviewer(reviewer), ask, console, queue).run()
    typer.echo("")
    typer.echo(
        f"Đã duyệt: {summary.approved}   Duyệt sau khi sửa: {summary.edited}   "
        f"Loại: {sum(summary.rejected.values())}   Bỏ qua: {summary.skipped}   Còn lại: {summary.remaining}"
    )
    for reason, n in sorted(summary.rejected.items()):
        typer.echo(f"  loại vì {reason}: {n}")
    if summary.interrupted:
        typer.echo("Đã dừng (Ctrl-C). Mọi quyết định trước đó đã được lưu.")
        raise typer.Exit(130)


@app.command()
def approve(
    ids: Annotated[list[str], typer.Argument(help="Mã các câu hỏi.")],
    bank: BankOpt = DEFAULT_BANK,
    reviewer: ReviewerOpt = None,
) -> None:
    """Duyệt các câu hỏi (nháp, stale hoặc đã loại). Mã sai thì không thay đổi gì.

    Ví dụ: quizgen approve q-3f2a9c q-81be07
    """
    from quizgen.models import Status
    from quizgen.review import decide, default_reviewer

    done = decide(_checked_bank(bank), ids, Status.APPROVED, default_reviewer(reviewer))
    typer.echo(f"Đã duyệt {len(done)} câu: {', '.join(q.id for q in done)}.")


@app.command()
def reject(
    ids: Annotated[list[str], typer.Argument(help="Mã các câu hỏi.")],
    reason: Annotated[str, typer.Option(help="Lý do loại, ví dụ 'sai dữ kiện', 'mơ hồ', 'quá dễ'.")],
    bank: BankOpt = DEFAULT_BANK,
    reviewer: ReviewerOpt = None,
) -> None:
    """Loại các câu hỏi, kèm lý do. Mã sai thì không thay đổi gì.

    Ví dụ: quizgen reject q-3f2a9c --reason "phương án nhiễu kém"
    """
    from quizgen.models import Status
    from quizgen.review import decide, default_reviewer

    done = decide(_checked_bank(bank), ids, Status.REJECTED, default_reviewer(reviewer), reason)
    typer.echo(f"Đã loại {len(done)} câu: {', '.join(q.id for q in done)}.")


@app.command("edit")
def edit_(
    question_id: Annotated[str, typer.Argument(help="Mã câu hỏi.")],
    question: Annotated[str | None, typer.Option("--question", help="Câu hỏi mới.")] = None,
    answer: Annotated[str | None, typer.Option(help="Đáp án mới.")] = None,
    option: Annotated[
        list[str] | None, typer.Option(help="Toàn bộ phương án (lặp lại), phải có đáp án.")
    ] = None,
    approve_: Annotated[bool, typer.Option("--approve", help="Duyệt luôn sau khi sửa.")] = False,
    bank: BankOpt = DEFAULT_BANK,
    reviewer: ReviewerOpt = None,
) -> None:
    """Sửa câu hỏi, đáp án hoặc phương án; kiểm tra như khi soạn trước khi lưu.

    Ví dụ: quizgen edit q-3f2a9c --question "Ai đã tiếp Phó Tổng Thư ký LHQ tại Hà Nội?" --approve
    """
    from quizgen.review import default_reviewer, edit

    saved = edit(
        _checked_bank(bank), question_id, default_reviewer(reviewer),
        text=question, answer=answer, options=option, approve=approve_,
    )  # fmt: skip
    typer.echo(f"Đã lưu {saved.id} ({saved.status.value}): {saved.question}")


def _parse_type(value: str | None) -> QType | None:
    from quizgen.models import QType

    if value is None:
        return None
    try:
        return QType(value)
    except ValueError:
        raise UsageError(
            f"loại '{value}' không hợp lệ; chọn một trong: {', '.join(t.value for t in QType)}."
        ) from None


@app.command()
def doctor(bank: BankOpt = DEFAULT_BANK, config: ConfigOpt = None) -> None:
    """Kiểm tra máy: Pango, phông chữ tiếng Việt, ngân hàng câu hỏi đọc được, máy chủ mô hình (nếu có).

    Ví dụ: quizgen doctor
    """
    from quizgen.doctor import run_checks

    checks = run_checks(bank)
    from quizgen.drafters.config import load_settings

    try:
        configured = load_settings(bank, config) is not None
    except QuizgenError:
        configured = True  # the llm checks below report what is wrong
    if configured:
        from quizgen.drafters.llm import doctor_checks

        checks += doctor_checks(bank, config)
    for check in checks:
        mark = "OK " if check.ok else "LỖI"
        fix = f" -> cách sửa: {check.fix}" if not check.ok and check.fix else ""
        typer.echo(f"[{mark}] {check.name}: {check.detail}{fix}")
    if not all(c.ok for c in checks):
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Tệp YAML các dữ kiện chuẩn.")],
    bank: BankOpt = DEFAULT_BANK,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Đo độ bao phủ dữ kiện chuẩn của ngân hàng câu hỏi và các kiểm tra tự động.

    Ví dụ: quizgen eval tests/data/gold/seed-gold.yaml
    """
    from quizgen.evaluation import evaluate

    r = evaluate(gold, _bank(bank))
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "recall": r.recall,
                    "found": r.found,
                    "total": r.total,
                    "by_type": {k: {"found": f, "total": t} for k, (f, t) in r.by_type.items()},
                    "missed": [m.model_dump(mode="json") for m in r.missed],
                    "drafts": r.drafts,
                    "pass_rate": r.pass_rate,
                    "drafts_per_fact": r.drafts_per_fact,
                    "problems": [{"id": i, "problem": p} for i, p in r.problems],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    typer.echo(f"Độ bao phủ: {r.found}/{r.total} = {r.recall:.1%}")
    for kind, (found, total) in r.by_type.items():
        typer.echo(f"  {kind:<16} {found}/{total}")
    for fact in r.missed:
        typer.echo(f"  thiếu [{fact.article}] {fact.type.value}: {fact.answer}")
    typer.echo(f"Câu hỏi đạt kiểm tra tự động: {r.drafts_passing}/{r.drafts} = {r.pass_rate:.1%}")
    typer.echo(f"Số câu trên mỗi dữ kiện chuẩn: {r.drafts_per_fact:.2f}")
    for qid, problem in r.problems:
        typer.echo(f"  {qid}: {problem}")


@export_app.command("json")
def export_json(
    out: Annotated[Path, typer.Argument(help="Tệp JSON sẽ ghi.")],
    bank: BankOpt = DEFAULT_BANK,
    status: Annotated[str, typer.Option(help="draft|approved|rejected|stale|all")] = "approved",
) -> None:
    """Xuất câu hỏi ra JSON (lược đồ quizgen.bank/1).

    Ví dụ: quizgen export json out/bank.json --status all
    """
    from quizgen.exporters.json_export import export_json as run
    from quizgen.query import parse_status

    n = run(_checked_bank(bank), out, parse_status(status))
    typer.echo(f"Đã ghi {n} câu hỏi vào {out}.")


@export_app.command("pdf")
def export_pdf(
    outdir: Annotated[Path, typer.Argument(help="Thư mục ghi quiz.pdf và answer-key.pdf.")],
    bank: BankOpt = DEFAULT_BANK,
    count: Annotated[int | None, typer.Option(help="Số câu (mặc định: mọi câu đã duyệt).")] = None,
    types: Annotated[str | None, typer.Option(help="Chỉ các loại này: who,when,...")] = None,
    article: Annotated[list[str] | None, typer.Option(help="Chỉ bài này (lặp lại được).")] = None,
    formats: Annotated[
        str | None, typer.Option(help="Chỉ các dạng này: mcq,true_false,cloze,short_answer")
    ] = None,
    versions: Annotated[int, typer.Option(help="Số đề (1-26): Đề A, B, C...")] = 1,
    seed: Annotated[int, typer.Option(help="Cùng seed, cùng đề.")] = 1,
    title: Annotated[str | None, typer.Option(help="Tiêu đề bài kiểm tra.")] = None,
    subtitle: Annotated[str | None, typer.Option(help="Dòng phụ: đơn vị, khóa học, ngày.")] = None,
    points: Annotated[bool, typer.Option("--points", help="Ghi điểm từng câu và tổng điểm.")] = False,
    total_points: Annotated[float, typer.Option(help="Tổng điểm khi dùng --points.")] = 10.0,
    with_articles: Annotated[
        bool, typer.Option("--with-articles", help="In bài báo làm tài liệu đọc trước câu hỏi.")
    ] = False,
    answer_sheet: Annotated[
        bool, typer.Option("--answer-sheet", help="Thêm phiếu trả lời tô ô cho mỗi đề.")
    ] = False,
    lang: Annotated[str, typer.Option(help="Ngôn ngữ nhãn: vi hoặc en.")] = "vi",
    allow_giveaways: AllowGiveawaysOpt = False,
    avoid_used_within: Annotated[
        int | None,
        typer.Option(
            "--avoid-used-within",
            metavar="DAYS",
            help="Ưu tiên câu chưa dùng trong DAYS ngày qua (theo kết quả đã chấm); "
            "câu đã dùng chỉ được thêm khi --count cần.",
        ),
    ] = None,
    skip_flagged: Annotated[
        bool, typer.Option("--skip-flagged", help="Bỏ câu bị gắn cờ sau lần chấm gần nhất.")
    ] = False,
    date: Annotated[
        str | None, typer.Option(help="Ngày kiểm tra YYYY-MM-DD ghi vào quiz.json (mặc định: hôm nay).")
    ] = None,
) -> None:
    """Xuất đề kiểm tra PDF (nhiều đề), đáp án và bản dành cho giảng viên.

    Ghi cả quiz.json (đề đã in, để chấm bằng quizgen grade).

    Ví dụ: quizgen export pdf out --count 20 --versions 4 --seed 7 --title "Kiểm tra GGHB" --answer-sheet
    """
    from quizgen.exporters.pdf import PdfOptions
    from quizgen.exporters.pdf import export_pdf as run
    options = PdfOptions(
        count=count,
        types=_parse_types(types),
        articles=tuple(article or ()),
        formats=_parse_formats(formats),
        versions=versions,
        seed=seed,
        title=title,
        subtitle=subtitle,
        points=points,
        total_points=total_points,
        with_articles=with_articles,
        lang=lang,
        answer_sheet=answer_sheet,
        allow_giveaways=allow_giveaways,
        avoid_used_within=avoid_used_within,
        skip_flagged=skip_flagged,
        date=_parse_date(date),
    )
    if avoid_used_within is not None and avoid_used_within < 0:
        raise UsageError("--avoid-used-within phải là số ngày không âm.")
    report = run(_checked_bank(bank), outdir, options)
    for warning in report.warnings:
        typer.echo(f"Lưu ý: {warning}", err=True)
    pages = ", ".join(f"Đề {k}: {v} trang" for k, v in report.pages.items() if k != "answer-key")
    typer.echo(
        f"Đã ghi {outdir / 'quiz.pdf'} ({report.questions} câu; {pages}) "
        f"và {outdir / 'answer-key.pdf'} ({report.pages['answer-key']} trang); "
        f"đề để chấm: {outdir / 'quiz.json'}."
    )


@export_app.command("anki")
def export_anki(
    out: Annotated[Path, typer.Argument(help="Tệp .apkg sẽ ghi.")],
    bank: BankOpt = DEFAULT_BANK,
    deck: Annotated[str, typer.Option(help="Tên bộ thẻ gốc; mỗi bài là một bộ con.")] = "Tập huấn",
    types: Annotated[
        str | None, typer.Option(help="Chỉ các loại này, cách nhau bằng dấu phẩy: who,when,...")
    ] = None,
    article: Annotated[list[str] | None, typer.Option(help="Chỉ bài này (lặp lại được).")] = None,
) -> None:
    """Xuất câu hỏi đã duyệt thành bộ thẻ Anki (.apkg) cho học viên ôn trên điện thoại.

    Nhập lại bộ thẻ mới vào Anki sẽ cập nhật thẻ cũ, giữ lịch sử ôn tập. Câu bị loại sau khi đã
    xuất mang thẻ quizgen::da-loai: trong Anki tìm tag:quizgen::da-loai rồi tạm ngưng (Suspend).

    Ví dụ: quizgen export anki out/deck.apkg --deck "Tập huấn GGHB" --types who,when
    """
    from quizgen.exporters.anki import export_anki as run

    report = run(_checked_bank(bank), out, deck, _parse_types(types), tuple(article or ()))
    retired = f", {report.retired} câu đã loại (gắn thẻ quizgen::da-loai)" if report.retired else ""
    typer.echo(f"Đã ghi {report.notes} thẻ trong {report.decks} bộ con vào {out}{retired}.")


# -- export moodle / export gift (online quizzes) --------------------------------------------

PenaltyOpt = Annotated[
    float,
    typer.Option(help="Phần điểm bị trừ mỗi lần làm lại trong Moodle, từ 0 đến 1 (mặc định 0)."),
]


def _parse_formats(value: str | None) -> tuple[QFormat, ...]:
    from quizgen.models import QFormat

    if not value:
        return ()
    try:
        return tuple(QFormat(f.strip()) for f in value.split(",") if f.strip())
    except ValueError:
        raise UsageError(
            f"dạng không hợp lệ trong '{value}'; chọn trong: mcq, true_false, cloze, short_answer."
        ) from None


def _lms_export(kind: str, out: Path, bank: Path, options: Any) -> None:
    from quizgen.exporters.gift import export_gift
    from quizgen.exporters.moodle import export_moodle

    run = export_moodle if kind == "moodle" else export_gift
    report = run(_checked_bank(bank), out, options)
    for note in report.notes:
        typer.echo(f"Lưu ý: {note}", err=True)
    kinds = ", ".join(f"{k}: {n}" for k, n in sorted(report.by_kind.items()))
    typer.echo(f"Đã ghi {report.questions} câu hỏi ({kinds}) trong {report.categories} danh mục vào {out}.")


def _lms_options(
    count: int | None, types: str | None, article: list[str] | None, formats: str | None,
    seed: int, penalty: float, allow_giveaways: bool,
) -> Any:  # fmt: skip
    from quizgen.exporters.lms import LmsOptions

    return LmsOptions(
        count=count, types=_parse_types(types), articles=tuple(article or ()),
        formats=_parse_formats(formats), seed=seed, penalty=penalty, allow_giveaways=allow_giveaways,
    )  # fmt: skip


CountOpt = Annotated[
    int | None, typer.Option(help="Chọn N câu cân bằng giữa các bài và loại (mặc định: mọi câu đã duyệt).")
]
TypesOpt = Annotated[str | None, typer.Option(help="Chỉ các loại này: who,when,...")]
ArticleOpt = Annotated[list[str] | None, typer.Option(help="Chỉ bài này (lặp lại được).")]
FormatsOpt = Annotated[str | None, typer.Option(help="Chỉ các dạng này: mcq,true_false,cloze,short_answer")]
SeedOpt = Annotated[int, typer.Option(help="Cùng seed, cùng bộ câu khi dùng --count.")]


@export_app.command("moodle")
def export_moodle_cmd(
    out: Annotated[Path, typer.Argument(help="Tệp .xml sẽ ghi.")],
    bank: BankOpt = DEFAULT_BANK,
    count: CountOpt = None,
    types: TypesOpt = None,
    article: ArticleOpt = None,
    formats: FormatsOpt = None,
    seed: SeedOpt = 1,
    penalty: PenaltyOpt = 0.0,
    allow_giveaways: AllowGiveawaysOpt = False,
) -> None:
    """Xuất câu hỏi đã duyệt ra Moodle XML (Ngân hàng câu hỏi → Nhập → Moodle XML).

    Mỗi bài một danh mục $course$/quizgen/<tên bài>; mã câu quizgen nằm trong ID number.

    Ví dụ: quizgen export moodle out/quiz.xml --count 20 --seed 7
    """
    options = _lms_options(count, types, article, formats, seed, penalty, allow_giveaways)
    _lms_export("moodle", out, bank, options)


@export_app.command("gift")
def export_gift_cmd(
    out: Annotated[Path, typer.Argument(help="Tệp .gift (hoặc .txt) sẽ ghi.")],
    bank: BankOpt = DEFAULT_BANK,
    count: CountOpt = None,
    types: TypesOpt = None,
    article: ArticleOpt = None,
    formats: FormatsOpt = None,
    seed: SeedOpt = 1,
    allow_giveaways: AllowGiveawaysOpt = False,
) -> None:
    """Xuất câu hỏi đã duyệt ra GIFT (Ngân hàng câu hỏi → Nhập → định dạng GIFT).

    Mỗi bài một danh mục $course$/quizgen/<tên bài>; mã câu quizgen nằm trong dòng chú thích // [id:...].

    Ví dụ: quizgen export gift out/quiz.gift --types who,when
    """
    _lms_export("gift", out, bank, _lms_options(count, types, article, formats, seed, 0.0, allow_giveaways))


# --- issue 12: sharing a bank in git ---------------------------------------------------------


@app.command("merge-driver")
def merge_driver(
    base: Annotated[Path, typer.Argument(help="%O: tệp ở tổ tiên chung.")],
    ours: Annotated[Path, typer.Argument(help="%A: tệp của nhánh hiện tại; kết quả được ghi vào đây.")],
    theirs: Annotated[Path, typer.Argument(help="%B: tệp của nhánh kia.")],
    name: Annotated[str | None, typer.Argument(help="%P: đường dẫn thật của tệp trong kho.")] = None,
) -> None:
    """Bộ gộp (merge driver) cho git: gộp tệp ngân hàng theo từng câu hỏi.

    Cài một lần trong kho: dòng `question_bank/*.yaml merge=quizgen` trong .gitattributes, và
    git config merge.quizgen.driver "quizgen merge-driver %O %A %B %P". Hai quyết định khác nhau
    trên cùng một câu: giữ cả hai trong lịch sử, câu chuyển về 'stale' để duyệt lại.

    Ví dụ: quizgen merge-driver base.yaml ours.yaml theirs.yaml question_bank/003_43f387c3d7b97b06.yaml
    """
    from quizgen.merge import merge_driver as run

    report = run(base, ours, theirs, name)
    label = name or ours
    if report.message:
        typer.echo(f"quizgen merge-driver {label}: {report.message}", err=True)
    for qid in report.disagreements:
        typer.echo(
            f"Cảnh báo: {label}: câu {qid} được hai nhánh quyết định khác nhau; giữ cả hai trong lịch sử "
            "và chuyển về 'stale' để duyệt lại.",
            err=True,
        )
    if not report.merged:
        raise typer.Exit(1)


def _parse_types(value: str | None) -> tuple[QType, ...]:
    if not value:
        return ()
    return tuple(t for t in (_parse_type(v.strip()) for v in value.split(",") if v.strip()) if t is not None)


# -- after the quiz: results sheet, grading, feedback into the bank (issue 10) --------------

results_app = typer.Typer(
    cls=_Group, help="Bảng nhập kết quả bài làm (để chấm bằng quizgen grade).", no_args_is_help=True
)
app.add_typer(results_app, name="results")


@results_app.command("template")
def results_template(
    quiz: Annotated[Path, typer.Argument(help="Tệp quiz.json do quizgen export pdf ghi.")],
    out: Annotated[Path, typer.Argument(help="Tệp .xlsx sẽ ghi.")],
    seats: Annotated[int, typer.Option(help="Số dòng (số báo danh) có sẵn.")] = 40,
) -> None:
    """Tạo bảng Excel để nhập bài làm: SBD, họ tên, đơn vị, đề, mỗi câu một cột (có danh sách chọn).

    Ví dụ: quizgen results template out/quiz.json ket-qua.xlsx --seats 35
    """
    from quizgen.manifest import read_manifest
    from quizgen.results import write_template

    manifest = read_manifest(quiz)
    write_template(manifest, out, seats)
    labels = ", ".join(v.label for v in manifest.versions)
    typer.echo(f"Đã ghi {out}: {seats} dòng, {manifest.question_count} câu, đề {labels}.")


@app.command("grade")
def grade_(
    quiz: Annotated[Path, typer.Argument(help="Tệp quiz.json do quizgen export pdf ghi.")],
    results: Annotated[Path, typer.Argument(help="Bảng kết quả (.xlsx hoặc .csv).")],
    out: Annotated[Path, typer.Option("--out", help="Thư mục ghi kết quả.")] = Path("results"),
    pass_mark: Annotated[float, typer.Option(help="Mức đạt, % tổng điểm.")] = 50.0,
    bank: BankOpt = DEFAULT_BANK,
    record: Annotated[
        bool, typer.Option("--record/--no-record", help="Ghi nhận kết quả vào từng câu trong ngân hàng.")
    ] = True,
) -> None:
    """Chấm bài: điểm từng học viên, thống kê từng câu (độ dễ, độ phân biệt, phương án), KR-20.

    Ghi scores.csv, items.csv, open-answers.csv và report.pdf vào --out, và ghi nhận lần dùng
    vào từng câu trong ngân hàng (chấm lại cùng kết quả không thay đổi gì).

    Ví dụ: quizgen grade out/quiz.json ket-qua.xlsx --out results/
    """
    from quizgen.grade_run import grade_files
    from quizgen.usage import SERIOUS_FLAGS, describe_flags

    report = grade_files(quiz, results, out, _bank(bank), pass_mark, record=record)
    for warning in report.warnings:
        typer.echo(f"Lưu ý: {warning}", err=True)
    s = report.result.summary
    kr20 = "không tính được" if s.kr20 is None else _vn(s.kr20)
    percent = f"{s.mean_percent:.1f}".replace(".", ",")
    typer.echo(
        f"{s.trainees} học viên, {s.items} câu: điểm trung bình {_vn(s.mean)}/{s.max_points:g} "
        f"({percent}%), độ lệch chuẩn {_vn(s.sd)}, đạt {s.passed}/{s.trainees}, KR-20 {kr20}."
    )
    for item in report.result.items:
        if any(f in SERIOUS_FLAGS for f in item.flags):
            typer.echo(f"  Câu {item.where} ({item.id}): {describe_flags(item.flags)}")
    unused = [i for i in report.result.items if i.flags == ("unused_distractor",)]
    if unused:
        typer.echo(f"  {len(unused)} câu khác có phương án nhiễu không ai chọn (xem items.csv, report.pdf).")
    if report.result.to_confirm:
        typer.echo(f"{len(report.result.to_confirm)} câu trả lời viết cần xác nhận (open-answers.csv).")
    typer.echo("Đã ghi: " + ", ".join(str(p) for p in report.written))
    if report.recorded is not None:
        typer.echo(
            f"Đã ghi nhận {report.recorded.recorded} câu vào {bank} "
            f"({report.recorded.changed_files} tệp thay đổi)."
        )


def _parse_date(value: str | None) -> str | None:
    import datetime

    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise UsageError(f"--date '{value}' không hợp lệ; viết dạng YYYY-MM-DD (2026-11-22).") from None


def _list_flagged(chosen: list[Any], as_json: bool) -> None:
    from quizgen.usage import describe_flags, latest_usage, serious_flags

    rows = [loc for loc in chosen if serious_flags(loc.question)]
    if as_json:
        out = []
        for loc in rows:
            last = latest_usage(loc.question)
            assert last is not None
            out.append({"id": loc.question.id, "article": loc.article_id, **last.model_dump(mode="json")})
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for loc in rows:
        q = loc.question
        last = latest_usage(q)
        assert last is not None
        flags = describe_flags(last.flags)
        typer.echo(f"{q.id}  {last.date}  p={_vn(last.facility)}  r={_vn(last.point_biserial)}  {flags}")
        typer.echo(f"          {q.question}")
    typer.echo(f"({len(rows)} câu bị gắn cờ)")


def _show_usage(question: Any) -> None:
    from quizgen.usage import describe_flags

    if not question.usage:
        return
    typer.echo("Các lần dùng:")
    for r in question.usage:
        flags = describe_flags(r.flags) or "không có cờ"
        typer.echo(
            f"  {r.date}  {r.title}: {r.trainees} học viên, độ dễ {_vn(r.facility)}, "
            f"D {_vn(r.discrimination)}, r {_vn(r.point_biserial)}; {flags}"
        )


def _vn(value: float | None) -> str:
    """Two decimals with a decimal comma; a dash where the figure is undefined."""
    return "–" if value is None else f"{value:.2f}".replace(".", ",")


def main() -> None:
    sys.exit(app(standalone_mode=True) or 0)
