"""The conversation simulator's parts: people split by time, the leak guard, voices, scoring."""

from __future__ import annotations

import json
import math
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from chat_rec.catalog.models import Catalog, Item
from chat_rec.eval.sim_metrics import PersonLog, TurnLog, summarize
from chat_rec.eval.sim_people import LIKE, Person, Taste, build_people, holdout_catalog
from chat_rec.eval.sim_voice import RuleVoice, Utterance, _fields, load_templates
from chat_rec.eval.simulate import Conversation, SimConfig, Stated, _lists_log, check_constraints, sweep_configs


@pytest.fixture(scope="module")
def people(catalog: Catalog) -> list[Person]:
    return build_people(catalog, 40, seed=3)


def _person(liked: tuple[int, ...] = (1,), early: dict[int, float] | None = None) -> Person:
    taste = Taste({"Comedy": 0.8, "Drama": 0.2}, {"Horror": 1.0}, {"Comedy": 0.3, "Drama": 0.4, "Horror": 0.1},
                  1990, 2000, 1995, 1990, ("funny",))
    return Person(7, "en", early or {2: 5.0}, {i: 5.0 for i in liked}, liked, (), 2, "Comedy", "Horror", taste)


def test_people_split_each_history_by_time(catalog: Catalog, people: list[Person]) -> None:
    assert len(people) == 40
    r = catalog.ratings
    for p in people[:10]:
        rows = r.users == p.source_user
        when = dict(zip(r.items[rows].tolist(), r.timestamps[rows].tolist(), strict=True))
        assert max(when[i] for i in p.early) <= min(when[i] for i in p.hidden)
        assert not set(p.early) & set(p.hidden)
        assert p.liked and all(p.hidden[i] >= LIKE for i in p.liked)
        assert p.loved in p.early and p.loved not in p.liked
    assert build_people(catalog, 40, seed=3)[5].source_user == people[5].source_user  # reproducible


def test_holdout_catalog_forgets_the_hidden_ratings(catalog: Catalog, people: list[Person]) -> None:
    held = holdout_catalog(catalog, people)
    hidden = {(p.source_user, i) for p in people for i in p.hidden}
    pairs = set(zip(held.ratings.users.tolist(), held.ratings.items.tolist(), strict=True))
    assert not pairs & hidden
    assert len(held.ratings) == len(catalog.ratings) - len(hidden)
    item = next(iter(people[0].hidden))
    assert held.items[item].popularity < catalog.items[item].popularity


def test_leak_guard_drops_a_named_target(catalog: Catalog) -> None:
    from chat_rec.understanding.resolver import TitleResolver

    person = _person(liked=(1, 3114))  # Toy Story, Toy Story 2
    svc = SimpleNamespace(deps=SimpleNamespace(resolver=TitleResolver(catalog)))
    convo = Conversation(svc, person, SimConfig("t", 0.7), RuleVoice(catalog), np.random.default_rng(0),
                         None, "u")  # type: ignore[arg-type]
    convo._mention("I watched Toy Story 2 last week, something like that please")
    assert convo.leaked == {3114}
    assert person.targets(convo.leaked) == {1}
    log = _lists_log(person, [[3114, 5, 6], [1, 8]], convo.leaked)
    assert log.accepted_turn == 2  # the named target shown at turn 1 does not count


def test_voice_never_has_a_title_slot_outside_onboarding() -> None:
    for lang in load_templates().values():
        for template in lang["opening"] + [t for ts in lang["feedback"].values() for t in ts]:
            assert "title" not in _fields(template)


def test_rule_voice_speaks_from_attributes(catalog: Catalog, people: list[Person]) -> None:
    voice = RuleVoice(catalog)
    for p in build_people(catalog, 10_000, seed=0):  # every rater: some have no tags, one genre, no era
        rng = np.random.default_rng(p.source_user)
        assert voice.onboarding(p, rng).text and voice.opening(p, rng).text
    for p in people:
        rng = np.random.default_rng(p.source_user)
        u = voice.opening(p, rng)
        assert u.text and "{" not in u.text
        if u.year_min is not None:
            assert p.taste.year_lo is not None
        shown = [catalog.items[i] for i in list(catalog.items)[:5]]
        assert voice.feedback(p, shown, rng)
    es = [p for p in people if p.language == "es"]
    assert es, "some people speak Spanish"
    onboarding = voice.onboarding(es[0], np.random.default_rng(1)).text
    assert catalog.items[es[0].loved].title.split(" (")[0] in onboarding


def test_feedback_clauses_follow_the_difference() -> None:
    old = [Item(100 + n, f"Film {n}", 1950, ("Horror",)) for n in range(5)]
    cat = Catalog("t", {i.item_id: i for i in old})
    clauses = RuleVoice(cat).clauses(_person(), old)
    assert "too_old" in clauses and clauses["less"] == "horror" and clauses["more"] == "comedy"


def test_constraint_check_counts_each_kind() -> None:
    stated = Stated()
    stated.add(Utterance("no horror", avoid="Horror"))
    stated.add(Utterance("90s", year_min=1990, year_max=1999))
    items = [Item(1, "A", 1985, ("Horror",)), Item(2, "B", 1995, ("Comedy",))]
    direct = check_constraints(items, stated, True, {"excluded_genres": ["Horror"], "year_min": 1990})
    assert direct == {"stated_genre": 1, "stated_year_direct": 1, "stated_year_later": 0,
                      "understood_genre": 1, "understood_year": 1}
    later = check_constraints(items[1:], stated, False, None)
    assert sum(later.values()) == 0
    stated.add(Utterance("some horror after all", wants=("Horror",)))
    assert check_constraints(items[:1], stated, False, None)["stated_genre"] == 0


def test_summary_counts_failures_as_t_plus_one() -> None:
    def log(hits: list[bool], cos: list[float]) -> PersonLog:
        out = PersonLog(1)
        for hit, c in zip(hits, cos, strict=True):
            out.turns.append(TurnLog([9 if hit else 8], [9 if hit else 8], {9}, c, [0.1], c / 2))
        return out

    s = summarize([log([True], [0.5]), log([False, False, True], [0.1, 0.2, 0.3]),
                   log([False] * 5, [0.1, 0.2, 0.3, 0.4, 0.5])], turns=5)
    assert s["success@1"] == pytest.approx(1 / 3) and s["success@3"] == pytest.approx(2 / 3)
    assert s["success@5"] == pytest.approx(2 / 3)
    assert s["turns_to_accept"] == pytest.approx((1 + 3 + 6) / 3)
    assert [r["active"] for r in s["per_turn"]] == [3, 2, 2, 1, 1]
    assert s["per_turn"][4]["cosine"] == pytest.approx((0.5 + 0.3 + 0.5) / 3)  # carried after accepting
    assert s["per_turn"][0]["ndcg@5"] == pytest.approx(1 / 3)
    assert math.isclose(s["per_turn"][1]["cosine_full_length"], 0.2)
    assert s["per_turn"][4]["cosine_centered"] == pytest.approx((0.5 + 0.3 + 0.5) / 6)
    assert s["cosine_centered_rises_each_turn"] is True  # means .7/6, .9/6, 1.1/6, 1.2/6, 1.3/6
    # over the people still talking: the accepted person (.5) leaves after turn 1, so the average
    # falls at turn 2 (.7/6 -> .2/2 centered) though nobody's p moved away (survivorship)
    assert s["per_turn"][1]["cosine_active"] == pytest.approx(0.2)
    assert s["per_turn"][3]["cosine_centered_active"] == pytest.approx(0.2)
    assert s["cosine_centered_active_rises_each_turn"] is False


def test_sweep_is_one_factor_at_a_time() -> None:
    configs = sweep_configs([0.7, 0.5, 0.9], [True, False], ["words", "buttons"])
    assert [(c.alpha, c.onboarding, c.feedback) for c in configs] == [
        (0.7, True, "words"), (0.5, True, "words"), (0.9, True, "words"), (0.7, False, "words"),
        (0.7, True, "buttons")]
    assert len({c.key for c in configs}) == 5


class _FakeOpenAI(BaseHTTPRequestHandler):
    requests: list[dict[str, Any]] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _FakeOpenAI.requests.append({"path": self.path, "body": body})
        data = json.dumps({"choices": [{"message": {"role": "assistant", "content": "Something funny from the 90s."}}]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(data.encode())

    def log_message(self, *args: Any) -> None:
        pass


def test_openai_voice_sees_attributes_never_target_titles(catalog: Catalog) -> None:
    from chat_rec.eval.sim_llm import OpenAIVoice

    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeOpenAI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        person = _person(liked=(1, 3114))
        voice = OpenAIVoice(catalog, f"http://127.0.0.1:{server.server_address[1]}/v1", "sim")
        rng = np.random.default_rng(0)
        assert voice.opening(person, rng).text == "Something funny from the 90s."
        shown = [catalog.items[i] for i in (2571, 296)]
        assert voice.feedback(person, shown, rng) == "Something funny from the 90s."
    finally:
        server.shutdown()
        server.server_close()
    sent = json.dumps([r["body"] for r in _FakeOpenAI.requests])
    assert all(r["path"] == "/v1/chat/completions" for r in _FakeOpenAI.requests)
    assert "Comedy" in sent and "funny" in sent and "1990-2000" in sent
    assert "Toy Story" not in sent  # the hidden targets
    assert "Matrix" in sent  # the cards on screen may be seen



def test_cli_parses_the_sweep_and_refuses_a_bad_alpha() -> None:
    from chat_rec.cli import build_parser

    args = build_parser().parse_args(["eval", "simulate", "--data", "d", "--alpha", "0.7,0.5", "--feedback", "both"])
    assert args.alpha == [0.7, 0.5] and args.feedback == "both" and args.llm == "none" and args.turns == 5
    with pytest.raises(SystemExit):
        build_parser().parse_args(["eval", "simulate", "--data", "d", "--alpha", "1.5"])
