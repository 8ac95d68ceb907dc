"""The fine-tuning prompt (``prompts/finetune.txt``) rendered as chat messages.

Training examples, DPO pairs and the re-ranker all render through here, so the model is asked
at inference exactly the way it was taught.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chat_rec.errors import ConfigError

TASK_NEXT = "Recommend the one movie this user will watch next. Answer with its title and year."
"""Task of a free next-item example: the answer is a catalog label."""

TASK_RANK = ("Choose the movie this user will watch next from the candidates below and answer "
             "with its letter only.\nCandidates:\n{candidates}")
"""Task of a LlamaRec-style ranking example: the answer is a candidate's letter."""

LABELS = tuple("ABCDEFGHIJKLMNOPQRST")
"""Index labels of ranking candidates; at most 20 candidates."""

Message = dict[str, str]


@dataclass(frozen=True)
class FinetunePrompt:
    """The three sections of the prompt file as ``str.format`` templates."""

    system: str
    user: str
    assistant: str

    def prompt(self, history: Sequence[str], task: str) -> list[Message]:
        """System and user messages for a history of item labels (oldest first)."""
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": self.user.format(history=format_history(history), task=task)},
        ]

    def answer(self, recommendation: str, reasoning: str = "") -> str:
        """The assistant message: optional reasoning, then the recommendation."""
        if reasoning and not reasoning.endswith("\n"):
            reasoning = f"Reasoning: {reasoning}\n"
        return self.assistant.format(reasoning=reasoning, recommendation=recommendation)

    def completion(self, recommendation: str, reasoning: str = "") -> list[Message]:
        return [{"role": "assistant", "content": self.answer(recommendation, reasoning)}]

    @property
    def answer_prefix(self) -> str:
        """What the assistant writes before the recommendation ("Recommendation:")."""
        return self.answer("").rstrip()


def format_history(labels: Sequence[str]) -> str:
    """A numbered list, oldest first; a placeholder line for an empty history."""
    if not labels:
        return "(nothing watched yet)"
    return "\n".join(f"{i}. {label}" for i, label in enumerate(labels, 1))


def rank_task(candidate_labels: Sequence[str]) -> str:
    """The ranking task listing candidates as "A. Title (Year)" lines."""
    if len(candidate_labels) > len(LABELS):
        raise ConfigError(f"At most {len(LABELS)} candidates can be ranked at once.")
    lines = "\n".join(f"{LABELS[i]}. {label}" for i, label in enumerate(candidate_labels))
    return TASK_RANK.format(candidates=lines)


def load_finetune_prompt(name: str = "finetune") -> FinetunePrompt:
    """Read ``prompts/<name>.txt`` (system, user and assistant sections are all required)."""
    from chat_rec.llm.prompts import load_prompt

    template = load_prompt(name)
    sections: dict[str, str] = {}
    for message in template.messages:
        role = type(message).__name__.removesuffix("MessagePromptTemplate").lower()
        inner = getattr(message, "prompt", None)
        sections[{"human": "user", "ai": "assistant"}.get(role, role)] = getattr(inner, "template", "")
    missing = {"system", "user", "assistant"} - sections.keys()
    if missing:
        raise ConfigError(f"Prompt file {name}.txt lacks the section(s) {sorted(missing)}; "
                          "restore it from the repository.")
    prompt = FinetunePrompt(sections["system"], sections["user"], sections["assistant"])
    try:
        prompt.prompt(["x"], "t")
        prompt.answer("r")
    except (KeyError, IndexError) as error:
        raise ConfigError(f"Prompt file {name}.txt uses an unknown placeholder {error}; the user "
                          "section may use {history} and {task}, the assistant section "
                          "{reasoning} and {recommendation}.") from error
    return prompt
