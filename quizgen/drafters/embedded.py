"""The embedded drafter: quizgen's own rules, offline (quizgen.generate.embedded_drafts)."""

from __future__ import annotations

from quizgen.drafters.base import DraftBatch
from quizgen.intake import Article


class EmbeddedDrafter:
    name = "embedded"

    @property
    def signature(self) -> str:
        from quizgen.generate import GENERATOR

        return GENERATOR

    def draft(self, articles: list[Article], changed: list[Article], max_per_article: int) -> DraftBatch:
        from quizgen.generate import embedded_drafts

        drafted = embedded_drafts(articles, changed, max_per_article)
        return DraftBatch(
            {
                article.id: [q.model_copy(update={"drafter": self.name}) for q in questions]
                for article, questions in zip(changed, drafted, strict=True)
            }
        )
