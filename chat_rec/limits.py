"""Per-user limits that keep one user (or one script) from starving the others.

The message-length cap lives in ``chat_rec.service.clean_message``; conversation memory is bounded
by ``Settings.max_history_turns`` (``nodes.remember``) and model output by ``max_new_tokens`` and
``llm_timeout_s`` (``chat_rec.llm.registry``). This module adds the turn rate limit and a last
guard on what is shown: no sentence that echoes a prompt file or announces ignoring instructions.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable
from functools import lru_cache
from pathlib import Path

from chat_rec.config import PROMPTS_DIR
from chat_rec.errors import InvalidInputError

WINDOW_S = 60.0
"""The rate limit counts turns in a sliding window of this many seconds."""


class RateLimitError(InvalidInputError):
    """A user sent more turns per minute than the server allows."""


class TurnRateLimiter:
    """At most ``per_minute`` turns per user in any 60-second window; 0 or less turns it off.

    Thread-safe; keeps one small deque per active user and forgets users idle for a window.
    """

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = int(per_minute)
        self._clock = clock
        self._turns: dict[Hashable, deque[float]] = {}
        self._guard = threading.Lock()
        self._last_sweep = clock()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def check(self, key: Hashable) -> None:
        """Count one turn for ``key``, or raise RateLimitError saying how long to wait."""
        if not self.enabled:
            return
        now = self._clock()
        with self._guard:
            self._sweep(now)
            turns = self._turns.setdefault(key, deque())
            while turns and now - turns[0] >= WINDOW_S:
                turns.popleft()
            if len(turns) >= self.per_minute:
                wait = max(1, math.ceil(WINDOW_S - (now - turns[0])))
                raise RateLimitError(
                    f"You are sending messages too fast (limit: {self.per_minute} per minute). "
                    f"Please wait {wait} second{'s' if wait != 1 else ''} and try again."
                )
            turns.append(now)

    def _sweep(self, now: float) -> None:
        """Drop users idle for a whole window, so memory stays bounded by the active users."""
        if now - self._last_sweep < WINDOW_S:
            return
        self._last_sweep = now
        for key in [k for k, t in self._turns.items() if not t or now - t[-1] >= WINDOW_S]:
            del self._turns[key]

    def __len__(self) -> int:
        """Users currently tracked."""
        return len(self._turns)


# ---------------------------------------------------------------- output guard
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_COMPLIANCE = re.compile(
    r"\b(ignor\w*|disregard\w*|forget\w*)\b[^.!?\n]{0,30}\b(rules?|instructions?|prompts?|guidelines)\b"
    r"|\b(system|hidden|developer)\s+(prompt|message|instructions?)\b|\bdeveloper mode\b",
    re.I,
)
SHINGLE = 6
"""A run of this many words shared with a prompt file counts as an echo of the prompt."""


@lru_cache(maxsize=1)
def prompt_shingles(folder: Path = PROMPTS_DIR) -> frozenset[str]:
    """Every run of SHINGLE words in the static text of prompts/*.txt (placeholders left out)."""
    shingles: set[str] = set()
    for path in sorted(folder.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("###"):
            words = [w for w in _words(block) if "{" not in w and "}" not in w]
            shingles |= {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    return frozenset(shingles)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w{}'-]+", text.lower())


def echoes_prompt(text: str) -> bool:
    """Whether ``text`` repeats SHINGLE consecutive words of a prompt file."""
    words, shingles = _words(text), prompt_shingles()
    return any(" ".join(words[i:i + SHINGLE]) in shingles for i in range(len(words) - SHINGLE + 1))


def scrub_line(line: str) -> str:
    """The line without sentences that echo a prompt or announce ignoring instructions."""
    sentences = _SENTENCE.split(line)
    kept = [s for s in sentences if not (echoes_prompt(s) or _COMPLIANCE.search(s))]
    return line if len(kept) == len(sentences) else " ".join(kept)


def scrub_reply(text: str) -> str:
    """Line by line (so a streamed reply can be scrubbed as each line completes)."""
    return "\n".join(scrub_line(line) for line in text.split("\n"))
