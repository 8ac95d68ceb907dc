"""`chat-rec eval simulate`: whole conversations with simulated people who have hidden tastes.

Protocol (docs/benchmarks.md has the long form):

* People come from MovieLens histories (``sim_people``): early ratings are what they say when
  onboarded, later ratings are the hidden taste. The app runs on the catalog without the hidden
  ratings, each person is a fresh user of a real ``ChatService`` (graph, SQLite, embedder,
  index, ranker).
* Onboarding (when on): the person answers the first question with a loved early title, maybe a
  favourite genre and a genre to avoid. The picks that close onboarding are not scored.
* Turn 1 is the list answering the opening request. At each turn the person accepts and stops
  if any card seen is a liked target. Otherwise they react: "seen it" on cards they rated
  between 2 and 4, one 👍 / 👎 click on the card they rated most strongly (>= 4 or <= 2), then
  (``words``) one sentence from the difference between the picks and their taste, or
  (``buttons``) a 👍 / 👎 on the unrated card that fits best / worst when nothing was rated.
  The list answering the reaction is turn t+1; a list a click showed meanwhile is seen at t+1.
* Leak guard: every sentence goes through the app's title resolver; a target it finds is no
  longer counted for that person.
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from chat_rec.errors import InvalidInputError
from chat_rec.eval.sim_metrics import PersonLog, TurnLog, summarize
from chat_rec.eval.sim_people import DISLIKE, LIKE, Person, build_people, holdout_catalog
from chat_rec.eval.sim_voice import RuleVoice, Utterance, Voice

if TYPE_CHECKING:
    from chat_rec.catalog.models import Item
    from chat_rec.results import TurnResult
    from chat_rec.service import ChatService

Feedback = Literal["words", "buttons"]
LLM_CHOICES = ("none", "scripted", "default")
PAGE = 5
"""Cards per list (the app's top_k)."""


@dataclass(frozen=True)
class SimConfig:
    """One conversational setting to simulate."""

    name: str
    alpha: float
    onboarding: bool = True
    feedback: Feedback = "words"
    key: int = 0
    """Short number in the simulated users' names (names allow 40 plain characters)."""


def sweep_configs(alphas: Sequence[float], onboarding: Sequence[bool], feedback: Sequence[Feedback]) -> list[SimConfig]:
    """One factor at a time around the first value of each: the main run, then each variation."""
    main = SimConfig(_label(alphas[0], onboarding[0], feedback[0]), alphas[0], onboarding[0], feedback[0])
    configs = [main]
    for a in alphas[1:]:
        configs.append(SimConfig(_label(a, main.onboarding, main.feedback), a, main.onboarding, main.feedback,
                                 len(configs)))
    for on in onboarding[1:]:
        configs.append(SimConfig(_label(main.alpha, on, main.feedback), main.alpha, on, main.feedback,
                                 len(configs)))
    for fb in feedback[1:]:
        configs.append(SimConfig(_label(main.alpha, main.onboarding, fb), main.alpha, main.onboarding, fb,
                                 len(configs)))
    return configs


def _label(alpha: float, onboarding: bool, feedback: str) -> str:
    return f"alpha={alpha:g} onboarding={'on' if onboarding else 'off'} {feedback}"


class Stated:
    """What the person has ruled out so far, and which list answered the year range."""

    def __init__(self) -> None:
        self.avoid: set[str] = set()
        self.year: tuple[int | None, int | None] | None = None

    def add(self, u: Utterance) -> None:
        self.avoid -= set(u.wants)  # "no sci-fi", then "sci-fi with robots": the latest word counts
        if u.avoid:
            self.avoid.add(u.avoid)
        if u.year_min is not None or u.year_max is not None:
            self.year = (u.year_min, u.year_max)


def _outside(item: Item, lo: int | None, hi: int | None) -> bool:
    if item.year is None:
        return False
    return (lo is not None and item.year < lo) or (hi is not None and item.year > hi)


def check_constraints(items: Sequence[Item], stated: Stated, direct_answer: bool,
                      understood: dict[str, Any] | None) -> dict[str, int]:
    """Picks breaking a constraint, by kind.

    ``stated_genre``: a genre the person ruled out (any later list); ``stated_year_direct``: outside
    the year range they asked for, in the list answering that message; ``stated_year_later``: in
    later lists (the app keeps a range until a new one is stated); ``understood_*``: against the
    constraints the app itself recorded.
    """
    out = {"stated_genre": 0, "stated_year_direct": 0, "stated_year_later": 0,
           "understood_genre": 0, "understood_year": 0}
    c = understood or {}
    excluded = set(c.get("excluded_genres") or ())
    for item in items:
        genres = set(item.genres)
        out["stated_genre"] += bool(genres & stated.avoid)
        if stated.year is not None and _outside(item, *stated.year):
            out["stated_year_direct" if direct_answer else "stated_year_later"] += 1
        out["understood_genre"] += bool(genres & excluded)
        out["understood_year"] += _outside(item, c.get("year_min"), c.get("year_max"))
    return out


class Conversation:
    """One person talking to one service under one configuration."""

    def __init__(self, service: ChatService, person: Person, config: SimConfig, voice: Voice,
                 rng: np.random.Generator, centroid: np.ndarray | None, user: str) -> None:
        self.svc, self.person, self.config, self.voice, self.rng = service, person, config, voice, rng
        self.centroid, self.user = centroid, user
        self.mean_dir = None if centroid is None else mean_direction(service)
        self.log = PersonLog(person.source_user, person.language)
        self.leaked: set[int] = set()
        self.stated = Stated()
        self.calls: list[float] = []
        self.shown: list[int] = []
        """The cards on screen (the last list the app showed)."""
        self.extra: list[int] = []
        """Cards a click showed while reacting (seen at the next turn)."""

    # ------------------------------------------------------------------ talking
    def _timed(self, call: Callable[[], TurnResult]) -> TurnResult:
        started = time.perf_counter()
        result = call()
        self.calls.append(time.perf_counter() - started)
        if result.stage == "error":
            self.log.errors.append(result.reply)
        return result

    def _mention(self, text: str) -> None:
        """The leak guard: a target named in the person's own words is not counted."""
        found = {m.item_id for m in self.svc.deps.resolver.find_in_text(text)}
        named = found & set(self.person.liked)
        self.leaked |= named
        self.log.leaked = sorted(self.leaked)

    def say(self, text: str, direct_year: bool = False) -> TurnResult:
        self._mention(text)
        self.log.utterances.append(text)
        result = self._timed(lambda: self.svc.send_sync(self.user, text))
        self._saw(result, direct_year)
        return result

    def click(self, item_id: int, kind: str) -> TurnResult:
        self.log.utterances.append(f"[{kind}:{item_id}]")
        if kind == "seen":
            return self._timed(lambda: self.svc.mark_seen(self.user, item_id))
        result = self._timed(lambda: self.svc.feedback(self.user, item_id, like=kind == "like"))
        self._saw(result, False)
        if result.items:
            self.extra = [i.item_id for i in result.items]
        return result

    def _saw(self, result: TurnResult, direct_year: bool) -> None:
        if not result.items:
            return
        items = [it for i in result.items if (it := self.svc.deps.catalog.get(i.item_id)) is not None]
        found = check_constraints(items, self.stated, direct_year, result.trace.get("constraints"))  # type: ignore[arg-type]
        for kind, count in found.items():
            self.log.violations[kind] = self.log.violations.get(kind, 0) + count
        self.shown = [i.item_id for i in result.items]

    def _ask(self, u: Utterance, direct_year: bool = False) -> TurnResult:
        result = self.say(u.text, direct_year)
        if not result.items and result.stage != "error":  # a question or an acknowledgement: ask for picks
            result = self.say(self.voice.again(self.person, self.rng), direct_year)
        return result

    # ------------------------------------------------------------------ the run
    def _profile_cosines(self) -> tuple[float | None, float | None]:
        """cos(p_t, taste centroid), raw and with the catalog's mean direction removed from both."""
        info = self.svc.deps.repo.find_user(self.user)
        if info is None or self.centroid is None:
            return None, None
        p = self.svc.deps.repo.load(info.id).vector
        if p is None:
            return None, None
        raw = _cos(np.asarray(p, np.float64), self.centroid)
        if self.mean_dir is None:
            return raw, None
        return raw, _cos(_off(p, self.mean_dir), _off(self.centroid, self.mean_dir))

    def onboard(self, answer: Utterance) -> None:
        """Answer the first onboarding question; skip any question still asked."""
        self._timed(lambda: self.svc.start(self.user))
        self.stated.add(answer)
        result = self._ask(answer)
        for _ in range(3):
            if result.stage != "onboarding":
                break
            result = self.say("skip")

    def run(self, turns: int, onboarding: Utterance | None, opening: Utterance) -> PersonLog:
        if onboarding is not None:
            self.onboard(onboarding)
        self.calls = []
        self.stated.add(opening)
        self._ask(opening, direct_year=True)
        for t in range(1, turns + 1):
            self._record()
            if self.log.turns[-1].accepted or t == turns:
                break
            self.react()
        return self.log

    def _record(self) -> None:
        targets = self.person.targets(self.leaked)
        seen = list(dict.fromkeys(self.extra + self.shown))
        raw, centered = self._profile_cosines()
        self.log.turns.append(TurnLog(list(self.shown), seen, targets, raw, self.calls, centered))
        self.calls, self.extra = [], []

    def react(self) -> None:
        """Clicks on the cards the person has rated, then a sentence (words) or a judged click (buttons)."""
        catalog = self.svc.deps.catalog
        on_screen = list(self.shown)
        rated = [(i, r) for i in on_screen if (r := self.person.rating(i)) is not None]
        strong = [(abs(r - 3.0), r >= LIKE, -pos, i) for pos, (i, r) in enumerate(rated) if r >= LIKE or r <= DISLIKE]
        clicked = max(strong)[3] if strong else None
        for i, _ in rated:
            if i != clicked:
                self.click(i, "seen")
        if clicked is not None:
            self.click(clicked, "like" if (self.person.rating(clicked) or 0) >= LIKE else "dislike")
        items = [it for i in self.shown if (it := catalog.get(i)) is not None]
        if self.config.feedback == "words":
            self._ask(Utterance(self.voice.feedback(self.person, items, self.rng)))
        elif clicked is None and items:
            fits = [(self.person.taste.fit(it.genres, it.year, it.tags), -pos, it.item_id)
                    for pos, it in enumerate(items)]
            best, worst = max(fits), min(fits)
            if best[0] >= 0.1:
                self.click(best[2], "like")
            else:
                self.click(worst[2], "dislike")


def taste_centroid(service: ChatService, person: Person) -> np.ndarray | None:
    """Unit mean of the liked targets' item vectors: where p should move."""
    vecs = [v for i in person.liked if (v := service.deps.item_vector(i)) is not None]
    if not vecs:
        return None
    mean = np.mean(np.asarray(vecs, dtype=np.float64), axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else None


def mean_direction(service: ChatService) -> np.ndarray | None:
    """Unit mean of every catalog item vector: the direction all movies share.

    Sentence embeddings are anisotropic: the catalog's mean alone has cosine ~.88 to a taste
    centroid (a mean of ~17 liked movies), a single liked movie ~.69. A raw cosine therefore
    mostly measures how "averaged" p is; with this direction removed from both vectors it
    measures where p points among movies.
    """
    shared = service.deps.shared_direction  # computed once per loaded index
    return None if shared is None else np.asarray(shared, dtype=np.float64)


def _off(v: np.ndarray, direction: np.ndarray) -> np.ndarray:
    """``v`` without its component along the unit ``direction``."""
    v = np.asarray(v, dtype=np.float64)
    return v - float(v @ direction) * direction


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-12))


def _rng(seed: int, person: Person) -> np.random.Generator:
    """One stream per (seed, person): every configuration hears the same opening."""
    return np.random.default_rng([seed, person.source_user])


def _progress(items: Sequence[Any], show: bool, desc: str) -> Iterable[Any]:
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="person", file=sys.stderr)


def run_config(service: ChatService, people: Sequence[Person], config: SimConfig, turns: int, seed: int,
               voice: Voice, progress: bool = True) -> list[PersonLog]:
    """Every person through one configuration, each a fresh user."""
    svc = service.variant(alpha=config.alpha)
    logs = []
    for person in _progress(people, progress, config.name):
        rng = _rng(seed, person)
        onboarding = voice.onboarding(person, rng)
        opening = voice.opening(person, rng)
        user = f"sim-{config.key}-{person.source_user}"
        convo = Conversation(svc, person, config, voice, rng, taste_centroid(svc, person), user)
        logs.append(convo.run(turns, onboarding if config.onboarding else None, opening))
    return logs


def _lists_log(person: Person, lists: Sequence[Sequence[int]], leaked: set[int]) -> PersonLog:
    """A baseline's lists scored like a conversation: stop at the first list with a target."""
    log = PersonLog(person.source_user, person.language, leaked=sorted(leaked))
    targets = person.targets(leaked)
    for items in lists:
        log.turns.append(TurnLog(list(items), list(items), targets))
        if log.turns[-1].accepted:
            break
    return log


def run_baselines(service: ChatService, people: Sequence[Person], config: SimConfig, turns: int, seed: int,
                  voice: Voice, page_sizes: Sequence[int], progress: bool = True) -> dict[str, list[PersonLog]]:
    """The same ranker without conversation, and popularity, for the same people.

    ``no_conversation_static``: the top 5 answering the opening request (after the same
    onboarding), shown again every turn. ``no_conversation_paged_m``: the same single ranking,
    the next m items each turn (m = 5, and the conversation's mean cards seen per turn).
    ``popularity_paged_5``: most-rated items passing the stated filters, 5 new ones per turn.
    """
    depth = max(page_sizes) * turns
    svc = service.variant(alpha=config.alpha)
    # the deep ranking's first page is the conversation's first answer: the genre floor holds per page
    deep = service.variant(alpha=config.alpha, top_k=depth, genre_floor_page=service.deps.settings.top_k)
    catalog = service.deps.catalog
    popular = sorted(catalog.ids, key=lambda i: (-catalog.items[i].popularity, i))
    out: dict[str, list[PersonLog]] = {"no_conversation_static": [], "popularity_paged_5": []}
    out.update({f"no_conversation_paged_{m}": [] for m in page_sizes})
    for person in _progress(people, progress, "baselines"):
        rng = _rng(seed, person)
        onboarding = voice.onboarding(person, rng)
        opening = voice.opening(person, rng)
        convo = Conversation(svc, person, config, voice, rng, None, f"sim-baseline-{person.source_user}")
        if config.onboarding:
            convo.onboard(onboarding)  # with 5 picks, as in the conversation
        convo.svc = deep
        convo.stated.add(opening)
        convo._ask(opening, direct_year=True)
        ranking = list(convo.shown)
        leaked = set(convo.leaked)
        out["no_conversation_static"].append(_lists_log(person, [ranking[:PAGE]] * turns, leaked))
        for m in page_sizes:
            pages = [ranking[m * t: m * (t + 1)] for t in range(turns)]
            out[f"no_conversation_paged_{m}"].append(_lists_log(person, pages, leaked))
        stated, loved = convo.stated, person.loved
        allowed = (i for i in popular if i != loved and not set(catalog.items[i].genres) & stated.avoid
                   and not (stated.year and _outside(catalog.items[i], *stated.year)))
        top = [i for _, i in zip(range(PAGE * turns), allowed, strict=False)]
        pages = [top[PAGE * t: PAGE * (t + 1)] for t in range(turns)]
        out["popularity_paged_5"].append(_lists_log(person, pages, leaked))
    return out


def run_simulation(data_dir: Path | str, users: int, turns: int, llm: str = "none", seed: int = 0,
                   alphas: Sequence[float] | None = None, onboarding: Sequence[bool] = (True,),
                   feedback: Sequence[Feedback] = ("words",), settings: Any = None, voice: Voice | None = None,
                   simulator: str = "rule", progress: bool = True) -> dict[str, Any]:
    """Build the people and the service, run every configuration and the baselines, score them.

    Profiles and conversation checkpoints go to a temporary home removed afterwards, so a run
    never resumes an earlier run's users and never fills the configured profile store.
    """
    from chat_rec.config import get_settings

    if users < 1 or turns < 1:
        raise InvalidInputError("--users and --turns must be at least 1.")
    if llm not in LLM_CHOICES:
        raise InvalidInputError(f"Unknown --llm {llm!r}: use one of {', '.join(LLM_CHOICES)}.")
    settings = settings or get_settings()
    with tempfile.TemporaryDirectory(prefix="chat-rec-sim-") as home:
        # Every person must be a fresh user: profiles and checkpoints live in a throwaway home
        # (the index and converted models are reused from the configured places).
        update: dict[str, Any] = {"catalog_dir": Path(data_dir), "rate_limit_per_minute": 0, "home": Path(home),
                                  "database_url": None, "index_dir": settings.chroma_dir,
                                  "models_root": settings.models_dir}
        if llm != "default":
            update["llm"] = llm
        return _simulate(settings.model_copy(update=update), users, turns, llm, seed, alphas, onboarding,
                         feedback, voice, simulator, progress)


def _simulate(settings: Any, users: int, turns: int, llm: str, seed: int, alphas: Sequence[float] | None,
              onboarding: Sequence[bool], feedback: Sequence[Feedback], voice: Voice | None, simulator: str,
              progress: bool) -> dict[str, Any]:
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.service import ChatService

    settings.ensure_home()
    alphas = list(alphas or [settings.alpha])
    catalog = load_catalog(settings.catalog_dir, settings.overviews_csv, progress=progress)
    people = build_people(catalog, users, seed)
    if not people:
        raise InvalidInputError(f"No rater in {settings.catalog_dir} has enough early and later ratings to simulate.")
    started = time.perf_counter()
    service = ChatService.create(settings, progress=progress, catalog=holdout_catalog(catalog, people))
    voice = voice or RuleVoice(service.deps.catalog)
    configs = sweep_configs(alphas, list(onboarding), list(feedback))
    result: dict[str, Any] = {
        "catalog": catalog.name, "people": len(people), "turns": turns, "seed": seed, "llm": llm,
        "simulator": simulator, "spanish_share": sum(p.language == "es" for p in people) / len(people),
        "mean_targets": float(np.mean([len(p.liked) for p in people])), "configs": {}, "baselines": {},
    }
    main_logs: list[PersonLog] = []
    for config in configs:
        logs = run_config(service, people, config, turns, seed, voice, progress)
        main_logs = main_logs or logs
        result["configs"][config.name] = summarize(logs, turns)
    cards = result["configs"][configs[0].name]["cards_seen_per_turn"]
    pages = sorted({PAGE, max(PAGE, int(math.ceil(cards)))})
    for name, logs in run_baselines(service, people, configs[0], turns, seed, voice, pages, progress).items():
        result["baselines"][name] = summarize(logs, turns)
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["examples"] = [{"user": log.source_user, "language": log.language, "said": log.utterances[:8],
                           "accepted_turn": log.accepted_turn} for log in main_logs[:3]]
    return result
