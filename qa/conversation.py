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
        for i in range(len(self.turns) - 1, -1, -1):
            question, answer = self.turns[i]
            if question.agencies or question.years or question.metric is not None:
                if question.metric is not None and answer.found and answer.route == "retrieval" \
                        and not self._carried_table(i):
                    return replace(question, metric=None, intent="narrative")
                return question
        return None

    def _carried_table(self, i: int) -> bool:
        """Whether turn i is a follow-up that carried the table metric of the turn before (最后结果怎么样？ quoted
        the prose on the cases a table cell counted): the table stays the frame for the turns after it."""
        question = self.turns[i][0]
        if not question.followup or i == 0:
            return False
        before, answered = self.turns[i - 1]
        return before.metric == question.metric and answered.route == "table"

    def remember(self, question: Question, answer: Answer) -> None:
        """Record one turn (the oldest turns are dropped beyond max_turns)."""
        self.turns.append((question, answer))
        del self.turns[: -self.max_turns]

    def reset(self) -> None:
        """Forget the chat."""
        self.turns.clear()


def fork(conversation: Conversation | None) -> Conversation:
    """A chat of its own holding the conversation's turns so far (a turn's parts are read in one, the whole in another)."""
    return Conversation(list(conversation.turns) if conversation is not None else [])
