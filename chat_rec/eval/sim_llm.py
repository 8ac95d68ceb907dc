"""An optional simulated person driven by a chat model behind an OpenAI-compatible endpoint.

It writes the opening request and the feedback sentences; everything else (onboarding answers,
clicks, accepting a target) stays rule-based. The prompt carries the hidden taste's attributes
(genres, era, tags) and the cards on screen, never a hidden target's title; the leak guard in
the runner still checks every sentence it writes.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any

import numpy as np

from chat_rec.catalog.models import Catalog, Item
from chat_rec.errors import ModelError
from chat_rec.eval.sim_people import Person
from chat_rec.eval.sim_voice import RuleVoice, Utterance
from chat_rec.llm.prompts import load_prompt

LANGUAGES = {"en": "English", "es": "Spanish"}
TASKS = {
    "opening": "Ask the recommender for a movie to watch tonight, describing what you feel like.",
    "feedback": ("None of these is quite it. React to the cards as this person would (what is off, "
                 "which one looks closest) and ask for better ones."),
}


def taste_words(person: Person) -> dict[str, str]:
    """The hidden taste as the prompt's attribute fields."""
    t = person.taste
    likes = ", ".join(t.top_genres(3)) or "no strong genre"
    dislikes = ", ".join(g for g, w in sorted(t.genre_dislike.items(), key=lambda kv: -kv[1])[:2] if w >= 0.3)
    era = f"{t.year_lo}-{t.year_hi}" if t.year_lo is not None and t.year_hi is not None else "any"
    return {"language": LANGUAGES.get(person.language, "English"), "likes": likes,
            "dislikes": dislikes or "nothing in particular", "era": era, "tags": ", ".join(t.tags) or "-"}


def build_messages(person: Person, task: str, shown: Sequence[Item] = ()) -> list[dict[str, str]]:
    """The chat messages for one sentence: ``task`` is "opening" or "feedback"."""
    cards = "; ".join(f"{n}. {it.label} ({', '.join(it.genres)})" for n, it in enumerate(shown, start=1)) or "none"
    values = taste_words(person) | {"task": TASKS[task], "cards": cards}
    roles = {"system": "system", "human": "user", "ai": "assistant"}
    return [{"role": roles.get(m.type, "user"), "content": str(m.content)}
            for m in load_prompt("simulator_user").format_messages(**values)]


class OpenAIVoice(RuleVoice):
    """Opening requests and feedback from ``POST {base_url}/chat/completions``."""

    def __init__(self, catalog: Catalog, base_url: str, model: str = "default", timeout_s: float = 60.0) -> None:
        super().__init__(catalog)
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model, self.timeout_s = model, timeout_s

    def complete(self, messages: list[dict[str, str]], seed: int) -> str:
        body = json.dumps({"model": self.model, "messages": messages, "temperature": 0.7, "seed": seed,
                           "max_tokens": 80}).encode()
        request = urllib.request.Request(self.url, body, {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:  # noqa: S310 - user's URL
                data: dict[str, Any] = json.load(response)
            text = str(data["choices"][0]["message"]["content"]).strip()
        except (urllib.error.URLError, OSError, KeyError, IndexError, ValueError) as exc:
            raise ModelError(f"The simulator endpoint {self.url} did not answer ({exc}); check --base-url.") from exc
        return " ".join(text.split())[:500] or "Show me something else."

    def opening(self, person: Person, rng: np.random.Generator) -> Utterance:
        return Utterance(self.complete(build_messages(person, "opening"), int(rng.integers(2**31))))

    def feedback(self, person: Person, shown: Sequence[Item], rng: np.random.Generator) -> str:
        return self.complete(build_messages(person, "feedback", shown), int(rng.integers(2**31)))
