"""A chat's memory for follow-up questions: the last agencies, years, metric and intent.

    >>> chat = Conversation()
    >>> qa.ask("红寺堡区2020年收到多少申请？", conversation=chat)
    >>> qa.ask("那掌政镇呢？", conversation=chat)      # same metric and year, another agency
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from govqa.core.types import Answer, Question


@dataclass
class Conversation:
    """The questions and answers of one chat, newest last; ``last`` is what follow-ups build on."""

    turns: list[tuple[Question, Answer]] = field(default_factory=list)
    max_turns: int = 50

    @property
    def last(self) -> Question | None:
        """The previous question that named something (agencies, years or a metric), if any. A question the lexicon
        read as a table cell but a quote answered (占总制发信息的比例) is followed up as the prose question it was."""
        for question, answer in reversed(self.turns):
            if question.agencies or question.years or question.metric is not None:
                if question.metric is not None and answer.found and answer.route == "retrieval":
                    return replace(question, metric=None, intent="narrative")
                return question
        return None

    def remember(self, question: Question, answer: Answer) -> None:
        """Record one turn (the oldest turns are dropped beyond max_turns)."""
        self.turns.append((question, answer))
        del self.turns[: -self.max_turns]

    def reset(self) -> None:
        """Forget the chat."""
        self.turns.clear()
