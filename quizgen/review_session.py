"""`quizgen review`: the interactive session, one question at a time.

Input comes from an ``ask`` function (a prompt and a pre-filled default in, a line
out) so the same session runs in a terminal, under typer's test runner with
scripted keys, and in tmux. Each decision is written to the bank before the next
question is shown: Ctrl-C or a closed terminal loses nothing already decided, and
the next session starts at the first undecided question.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from quizgen.bank import Bank
from quizgen.errors import NotFoundError, QuizgenError
from quizgen.models import QFormat, QType, Question, Status
from quizgen.review import REJECT_REASONS, InvalidEdit, decide, edit, edited_question

Ask = Callable[[str, str | None], str]
KEYS = "[a] duyệt  [e] sửa  [r] loại  [s] bỏ qua  [b] quay lại  [q] thoát  [?] trợ giúp"
HELP = (
    "a  duyệt câu hỏi như đang hiện\n"
    "e  sửa câu hỏi, đáp án, từng phương án nhiễu (Enter giữ nguyên), rồi duyệt\n"
    "r  loại câu hỏi, kèm lý do\n"
    "s  bỏ qua, để sau\n"
    "b  quay lại câu trước\n"
    "q  thoát (mọi quyết định đã được lưu)\n"
    "?  trợ giúp này"
)


@dataclass
class Summary:
    approved: int = 0
    edited: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    remaining: int = 0
    interrupted: bool = False


@dataclass(frozen=True)
class Item:
    article_id: str
    question_id: str


def review_queue(
    bank: Bank,
    article: str | None = None,
    qtype: QType | None = None,
    status: Status | None = None,
) -> list[Item]:
    """Questions to review, in bank order: undecided ones (draft, stale) unless a status is given."""
    wanted = (status,) if status is not None else (Status.DRAFT, Status.STALE)
    if article is not None and article not in bank.article_ids():
        raise NotFoundError(f"không có bài báo '{article}' trong ngân hàng câu hỏi {bank.root}.")
    return [
        Item(loc.article_id, loc.question.id)
        for loc in bank.iter_questions()
        if loc.question.status in wanted
        and (article is None or loc.article_id == article)
        and (qtype is None or loc.question.type == qtype)
    ]


def highlight(q: Question) -> str:
    """The evidence sentence as rich markup, the tested fact in bold yellow."""
    before, fact, after = q.evidence_parts()
    mark = f"[bold yellow]{escape(fact)}[/bold yellow]" if fact else ""
    return escape(before) + mark + escape(after)


class ReviewSession:
    def __init__(
        self,
        bank: Bank,
        reviewer: str,
        ask: Ask,
        console: Console,
        queue: list[Item],
    ):
        self.bank = bank
        self.reviewer = reviewer
        self.ask = ask
        self.console = console
        self.queue = queue
        self.summary = Summary()
        self.skipped: set[str] = set()

    def _load(self, item: Item) -> tuple[str, Question]:
        bank_file = self.bank.load(item.article_id)
        for q in bank_file.questions:
            if q.id == item.question_id:
                return bank_file.article.title, q
        raise NotFoundError(f"câu hỏi {item.question_id} không còn trong ngân hàng.")

    def show(self, index: int, title: str, q: Question) -> None:
        lines = [
            f"[dim]Bài:[/dim] {escape(title)}",
            f"[dim]Câu gốc:[/dim] {highlight(q)}",
            "",
            f"[bold]{escape(q.question)}[/bold]",
        ]
        if q.drafter:
            origin = " · ".join(x for x in (q.drafter, q.model, q.prompt_version) if x)
            lines.insert(2, f"[dim]Soạn bởi:[/dim] {escape(origin)}")
        if q.flag:
            lines.insert(2, f"[bold red]Cần kiểm tra:[/bold red] {escape(q.flag)}")
        if q.format == QFormat.MCQ and q.options:
            for letter, option in zip("ABCD", q.options, strict=False):
                mark = "  [green]✓ đáp án[/green]" if option == q.answer else ""
                lines.append(f"  {letter}. {escape(option)}{mark}")
        else:
            lines.append(f"  [green]Đáp án:[/green] {escape(q.answer)}")
        header = (
            f"{index + 1}/{len(self.queue)} · {q.id} · {q.type.value} · {q.format.value} · {q.status.value}"
        )
        self.console.print(Panel("\n".join(lines), title=header, title_align="left"))

    def run(self) -> Summary:
        index = 0
        try:
            while 0 <= index < len(self.queue):
                item = self.queue[index]
                try:
                    title, q = self._load(item)
                except NotFoundError as exc:
                    self.console.print(f"[red]{escape(exc.user_message())}[/red]")
                    index += 1
                    continue
                self.show(index, title, q)
                key = self.ask(KEYS, None).strip().lower()
                if key == "a":
                    if self._decide(q, Status.APPROVED):
                        self.summary.approved += 1
                        index += 1
                elif key == "r":
                    reason = self._reason()
                    if reason and self._decide(q, Status.REJECTED, reason):
                        self.summary.rejected[reason] += 1
                        index += 1
                elif key == "e":
                    outcome = self._edit(q)
                    if outcome == "edited":
                        self.summary.edited += 1
                    elif outcome == "approved":
                        self.summary.approved += 1
                    if outcome:
                        index += 1
                elif key == "s":
                    self.skipped.add(q.id)
                    index += 1
                elif key == "b":
                    index = max(0, index - 1)
                elif key == "q":
                    break
                elif key == "?":
                    self.console.print(HELP)
                else:
                    self.console.print(f"[red]Phím '{escape(key)}' không dùng được.[/red] {KEYS}")
        except EOFError:
            pass  # input closed (end of a script, terminal gone): like 'q'
        except KeyboardInterrupt:
            self.summary.interrupted = True
        return self._finish()

    def _decide(self, q: Question, status: Status, reason: str | None = None) -> bool:
        if q.status == status:
            self.console.print(f"(câu {q.id} đã ở trạng thái {status.value})")
            return True
        try:
            decide(self.bank, [q.id], status, self.reviewer, reason)
        except QuizgenError as exc:
            self.console.print(f"[red]{escape(exc.user_message())}[/red]")
            return False
        self.console.print(f"[green]Đã lưu[/green] {q.id}: {status.value}")  # on disk before it says so
        self.skipped.discard(q.id)
        return True

    def _reason(self) -> str | None:
        for number, reason in enumerate(REJECT_REASONS, 1):
            self.console.print(f"  {number}. {reason}")
        answer = self.ask("Lý do (số, hoặc gõ lý do khác; Enter để hủy)", None).strip()
        if not answer:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(REJECT_REASONS):
            return REJECT_REASONS[int(answer) - 1]
        return answer

    def _edit(self, q: Question) -> str | None:
        """'edited' (saved and approved), 'approved' (nothing changed), or None (cancelled)."""
        text, answer, distractors = q.question, q.answer, [o for o in (q.options or []) if o != q.answer]
        while True:
            text = self.ask("Câu hỏi", text)
            answer = self.ask("Đáp án", answer)
            distractors = [self.ask(f"Phương án nhiễu {i + 1}", d) for i, d in enumerate(distractors)]
            options = None
            if q.options is not None:
                wrong = iter(distractors)
                options = [answer if o == q.answer else next(wrong) for o in q.options]
            candidate = edited_question(q, text, answer, options)
            if candidate == q:
                self.console.print("(không có thay đổi)")
                return "approved" if self._decide(q, Status.APPROVED) else None
            try:
                edit(self.bank, q.id, self.reviewer, text=text, answer=answer, options=options, approve=True)
            except InvalidEdit as exc:
                for problem in exc.problems:
                    self.console.print(f"[red]- {escape(problem)}[/red]")
                again = self.ask("Chưa lưu. Enter để sửa lại, 'h' để hủy", None).strip().lower()
                if again == "h":
                    return None
                continue
            except QuizgenError as exc:
                self.console.print(f"[red]{escape(exc.user_message())}[/red]")
                return None
            self.console.print(f"[green]Đã lưu[/green] {q.id}: {Status.APPROVED.value} (đã sửa)")
            self.skipped.discard(q.id)
            return "edited"

    def _finish(self) -> Summary:
        remaining = 0
        for item in self.queue:
            try:
                _, q = self._load(item)
            except QuizgenError:
                continue
            if q.status in (Status.DRAFT, Status.STALE):
                remaining += 1
        self.summary.skipped = len(self.skipped)
        self.summary.remaining = remaining
        return self.summary
