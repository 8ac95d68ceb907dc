"""Titles a knowledgeable chat model proposes, grounded to the catalog and fused into the ranking.

Optional (issue #11, ``settings.llm_proposals``, off by default): the ranker knows co-ratings,
conversations and item text, while a large model also knows which films people recommend for
a request in words ("a feel-good comedy with Kevin Hart"). The model reads the last turns
(``prompts/propose.txt``) and lists films; each line is grounded with the title resolver
(``TitleResolver.resolve``: title and year), a line whose year is more than a year from the
grounded film's is dropped, and so is anything outside the catalog, so every recommendation
stays a catalog item. The grounded list is fused with the ranker's by weighted reciprocal rank
fusion (Cormack et al. 2009, ``RRF_K`` 60): films both lists rank high lead, and the filters in
force (exclusions, genres ruled out, years) hold for proposals as for the ranker's picks, because
proposals are scored by the same request.

A small CPU model knows too few films for this to help (docs/benchmarks.md); a CUDA 7B model or
an OpenAI-compatible endpoint (``CHAT_REC_LLM=openai``) is what it is for. Any failure of the model
leaves the ranker's list as it is.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from chat_rec.ranking.hybrid import HybridRanker, RankRequest, ScoredItem

log = logging.getLogger(__name__)

PROMPT = "propose"
RRF_K = 60
"""Reciprocal rank fusion's constant (the usual 60): a rank r counts 1 / (RRF_K + r)."""
PROPOSAL_TURNS = 6
"""The model reads the message and the five turns before it."""
DIALOGUE_CHARS = 2_000
"""At most this much of the conversation goes into the prompt (the most recent part)."""
TOKENS_PER_TITLE = 14
"""Output budget per asked title ("The Shawshank Redemption (1994)" is about 10 tokens)."""
YEAR_SLACK = 1
"""A proposed year may differ this much from the grounded film's (release years differ by country)."""

_NUMBERING = re.compile(r"^\s*(?:[-*•·]+|\d{1,2}\s*[.):-]|#\d+)?\s*")
_QUOTES = "\"'“”‘’*_`"
_YEAR = re.compile(r"\((\d{4})\)")
_TAIL = re.compile(r"\s+[-–—:]\s+.*$")


@dataclass
class Proposals:
    """What the model wrote and what of it names catalog films."""

    lines: list[str] = field(default_factory=list)
    """The titles as the model wrote them (numbering and quotes removed)."""
    ids: list[int] = field(default_factory=list)
    """Grounded catalog ids, in the model's order, without repeats."""
    ungrounded: list[str] = field(default_factory=list)
    """Lines that named no catalog film (unknown, or another year's namesake)."""
    error: str = ""
    """Why the model gave nothing, when it failed."""


def parse_titles(text: str, limit: int = 50) -> list[str]:
    """The reply's lines as titles: list markers, quotes and a trailing " - why" removed
    ("1. Heat (1995)", '- "Ronin" (1998) - a heist film' -> "Heat (1995)", "Ronin (1998)").
    """
    titles: list[str] = []
    for raw in str(text).splitlines():
        line = _NUMBERING.sub("", raw).strip()
        year = _YEAR.search(line)
        if year:  # what follows the year is commentary
            line = line[: year.end()]
        else:
            line = _TAIL.sub("", line)
        line = line.strip().strip(_QUOTES).strip()
        line = re.sub(r"[\"“”*_`]+(\s*\(\d{4}\))$", r"\1", line).strip(_QUOTES).strip()
        if line and len(line) <= 120 and not line.endswith(":"):
            titles.append(line)
        if len(titles) >= limit:
            break
    return titles


def ground(resolver: Any, titles: Sequence[str]) -> tuple[list[int], list[str]]:
    """Catalog ids for the titles (in order, no repeats) and the titles that named none.

    ``resolver.resolve`` matches title and year (exactly, then without the article, then by a
    close spelling); a stated year further than ``YEAR_SLACK`` from the film found means the
    model named a film the catalog does not hold (a remake, a namesake), and it is dropped.
    """
    ids: list[int] = []
    missed: list[str] = []
    for title in titles:
        item_id = resolver.resolve(title)
        stated = _YEAR.search(title)
        item = resolver.catalog.get(item_id) if item_id is not None else None
        if item is None or (stated and item.year is not None and abs(item.year - int(stated.group(1))) > YEAR_SLACK):
            missed.append(title)
        elif item_id not in ids:
            ids.append(int(item_id))
    return ids, missed


def dialogue_text(turns: Sequence[Mapping[str, str]], chars: int = DIALOGUE_CHARS) -> str:
    """The turns as "Person: …" / "Recommender: …" lines, the most recent ``chars`` characters."""
    lines = []
    for turn in turns:
        words = " ".join(str(turn.get("text") or "").split())
        if words:
            lines.append(f"{'Recommender' if turn.get('role') == 'assistant' else 'Person'}: {words}")
    text = "\n".join(lines)
    return text[-chars:]


def propose(llm: Any, resolver: Any, turns: Sequence[Mapping[str, str]], count: int) -> Proposals:
    """Ask ``llm`` for ``count`` films for the conversation ``turns`` and ground them; never raises."""
    from chat_rec.llm.calls import invoke_bounded
    from chat_rec.llm.prompts import load_prompt

    dialogue = dialogue_text(turns)
    if llm is None or count <= 0 or not dialogue:
        return Proposals()
    try:
        messages = load_prompt(PROMPT).format_messages(count=count, dialogue=dialogue)
        reply = invoke_bounded(llm, messages, max_tokens=count * TOKENS_PER_TITLE + 8)
    except Exception as error:  # noqa: BLE001 - a failed model leaves the ranking as it is
        log.warning("The chat model proposed no titles: %s", error)
        return Proposals(error=str(error) or type(error).__name__)
    lines = parse_titles(reply, limit=count * 2)
    ids, missed = ground(resolver, lines)
    return Proposals(lines=lines, ids=ids[:count], ungrounded=missed)


def fuse(ranker: HybridRanker, request: RankRequest, ranked: Sequence[ScoredItem], proposed: Sequence[int],
         weight: float = 1.0) -> list[ScoredItem]:
    """The first ``request.k`` of the ranker's list and the proposals by weighted reciprocal rank fusion.

    A proposal is kept only if the same request scores it (the filters and exclusions hold); a
    film in both lists adds both terms. Ties keep the ranker's order. Each item's breakdown gains
    ``proposed`` (its fused share from the model's list, 0 when not proposed).
    """
    if not proposed or weight <= 0:
        return list(ranked)
    allowed = ranker.rank(replace(request, k=len(proposed), diversity=0.0, candidate_ids=set(proposed)))
    scored = {s.item.item_id: s for s in allowed}
    fused: dict[int, float] = {}
    by_id: dict[int, ScoredItem] = {}
    for position, s in enumerate(ranked):
        fused[s.item.item_id] = 1.0 / (RRF_K + position + 1)
        by_id[s.item.item_id] = s
    share: dict[int, float] = {}
    for position, item_id in enumerate(i for i in proposed if i in scored):
        share[item_id] = weight / (RRF_K + position + 1)
        fused[item_id] = fused.get(item_id, 0.0) + share[item_id]
        by_id.setdefault(item_id, scored[item_id])
    order = sorted(fused, key=lambda i: -fused[i])  # stable: ranker order first among equals
    out = []
    for item_id in order[: request.k]:
        s = by_id[item_id]
        out.append(ScoredItem(s.item, s.score, {**s.breakdown, "proposed": round(share.get(item_id, 0.0), 6)}))
    return out
