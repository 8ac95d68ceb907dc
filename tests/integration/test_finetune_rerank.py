"""The re-ranker wired in: `eval movielens --rerank-*` on a toy split, and the app's ranking step.

Both run a random 2-layer Qwen2 (the builder of ``test_finetune_tiny``) and a random LoRA adapter
on it, so every forward pass takes milliseconds on a CPU.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("peft")

from chat_rec.eval.movielens import MASKS, format_table, load_split_catalog, rankings, run_movielens_eval  # noqa: E402
from chat_rec.eval.rerank import RerankSpec, evaluate_reranking, rerank_rankings  # noqa: E402
from chat_rec.finetune.prompting import LABELS  # noqa: E402
from tests.integration.test_finetune_tiny import build_tiny_model  # noqa: E402

N_ITEMS, N_USERS, PER_USER = 40, 30, 14


def _toy_movielens(folder: Path) -> Path:
    """A latest-small style folder: 40 films, 30 users with 14 timestamped ratings each."""
    rng = np.random.default_rng(1)
    folder.mkdir()
    movies = ["movieId,title,genres"] + [f"{i},Film number {i} ({1970 + i}),Drama|Comedy"
                                         for i in range(1, N_ITEMS + 1)]
    ratings = ["userId,movieId,rating,timestamp"]
    for user in range(1, N_USERS + 1):
        for t, item in enumerate(rng.choice(np.arange(1, N_ITEMS + 1), size=PER_USER, replace=False)):
            ratings.append(f"{user},{item},{rng.integers(1, 6)}.0,{1_000_000 + 100 * t}")
    (folder / "movies.csv").write_text("\n".join(movies) + "\n")
    (folder / "ratings.csv").write_text("\n".join(ratings) + "\n")
    return folder


def _tiny_adapter(model_dir: Path, out: Path) -> Path:
    """A random (non-zero) LoRA adapter on the tiny model, saved as `finetune sft` would."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(1)
    model = AutoModelForCausalLM.from_pretrained(model_dir)
    config = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], init_lora_weights=False)
    get_peft_model(model, config).save_pretrained(out)
    return out


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The toy MovieLens folder, a tiny model whose tokenizer was trained on its prompts, an adapter."""
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.finetune.prepare import prepare_sft

    root = tmp_path_factory.mktemp("rerank")
    data = _toy_movielens(root / "toy")
    ds = prepare_sft(load_catalog(data), window=4, max_examples=12, candidates=20, progress=False)
    texts = [m["content"] for row in ds for m in row["prompt"] + row["completion"]]
    texts += [f"Recommendation: {label}" for label in LABELS]  # every label gets its own token
    model = build_tiny_model(root / "model", texts * 3)
    return {"data": data, "model": model, "adapter": _tiny_adapter(model, root / "sft-toy")}


# ------------------------------------------------------------------ eval movielens --rerank-*
def test_rerank_rows_share_one_user_sample_and_permute_the_top_20(tiny: dict[str, Path]) -> None:
    spec = RerankSpec(adapters=(tiny["adapter"],), zero_shot=True, base=str(tiny["model"]),
                      retriever="EASE", users=8)
    result = run_movielens_eval(tiny["data"], models=["Pop"], progress=False, rerank=spec)
    rows = result["results"]
    assert list(rows) == ["Pop", "EASE", "EASE+Qwen zero-shot", "EASE+sft-toy"]
    assert result["rerank_users"] == 8 and result["rerank"]["users"] == 8
    for name in rows:
        assert set(rows[name]) == set(MASKS)
        for mask in MASKS:
            assert {"recall@10", "ndcg@10", "mrr@10", "recall@20", "ndcg@20_se"} <= set(rows[name][mask])
    for name in ("EASE+Qwen zero-shot", "EASE+sft-toy"):
        assert result["seconds"][f"{name} per user"] >= 0
        for mask in MASKS:  # the same 20 items for the same users, re-ordered: recall@20 cannot move
            assert rows[name][mask]["recall@20"] == rows["EASE"][mask]["recall@20"]
    table = format_table(result)
    assert "seeded sample of 8 users" in table and "EASE+Qwen zero-shot" in table
    json.dumps(result)


def test_rerank_rankings_reorders_only_the_head(tiny: dict[str, Path]) -> None:
    from chat_rec.eval.movielens import test_scores
    from chat_rec.finetune.rerank import Reranker

    split, catalog = load_split_catalog(tiny["data"])
    users = np.arange(6)
    recs = {mask: rankings(scores, split, "test", mask, users=users)
            for mask, (scores, _) in test_scores("Pop", split).items()}
    out = rerank_rankings(Reranker(tiny["model"], adapter=tiny["adapter"]), split, catalog, recs, users,
                          candidates=7, window=10, progress=False)
    for mask in MASKS:
        assert out[mask].shape == recs[mask].shape
        for before, after in zip(recs[mask], out[mask], strict=True):
            assert sorted(after[:7]) == sorted(before[:7]) and list(after[7:]) == list(before[7:])
    assert any(list(out[m][u]) != list(recs[m][u]) for m in MASKS for u in range(6))


def test_an_order_keeping_scorer_reproduces_the_retriever_row(tiny: dict[str, Path]) -> None:
    class Constant:
        def scores(self, history: list[str], candidates: list[object]) -> list[float]:
            assert len(candidates) == 20 and history
            return [0.0] * len(candidates)

    split, catalog = load_split_catalog(tiny["data"])
    spec = RerankSpec(zero_shot=True, retriever="EASE", users=5)
    users = spec.sample(split.n_users)
    assert users is not None and list(users) == list(RerankSpec(zero_shot=True, users=5).sample(split.n_users))
    rows, _, info = evaluate_reranking(spec, split, catalog, users, progress=False,
                                       load=lambda base, adapter, window: Constant())
    assert info["users"] == 5 and rows["EASE+Qwen zero-shot"] == {m: {k: v for k, v in rows["EASE"][m].items()
                                                                      if k != "lambda"} for m in MASKS}


def test_rerank_cli_json_and_clear_errors(tiny: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    from chat_rec.cli import main

    base = ["eval", "movielens", "--data", str(tiny["data"])]
    assert main([*base, "--rerank-zero-shot", "--rerank-base", str(tiny["model"]), "--rerank-retriever", "Pop",
                 "--rerank-users", "3", "--rerank-candidates", "5", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result["results"]) == {"Pop", "Pop+Qwen zero-shot"} and result["rerank_users"] == 3
    assert result["rerank"]["candidates"] == 5

    for extra, message in (
        (["--rerank-adapter", str(tiny["data"] / "missing")], "does not exist"),
        (["--rerank-adapter", str(tiny["data"])], "not a PEFT adapter"),
        (["--rerank-zero-shot", "--rerank-users", "0"], "at least 1"),
        (["--rerank-zero-shot", "--rerank-candidates", "21"], "between 2 and 20"),
        (["--rerank-users", "5"], "--rerank-zero-shot or --rerank-adapter"),
        (["--rerank-zero-shot", "--rerank-retriever", "GPT"], "Unknown retriever"),
    ):
        assert main([*base, *extra]) == 2
        assert message in capsys.readouterr().err


# ------------------------------------------------------------------ the app's ranking step
@pytest.fixture(scope="module")
def app_deps(catalog) -> SimpleNamespace:
    """What the rank node needs, over the real catalog with random item vectors (no Chroma)."""
    from chat_rec.config import Settings
    from chat_rec.conversation.deps import load_replies
    from chat_rec.ranking.hybrid import HybridRanker
    from chat_rec.understanding.resolver import TitleResolver
    from tests.unit.test_ranking import FakeIndex

    return SimpleNamespace(settings=Settings(top_k=5, rerank_candidates=5), catalog=catalog,
                           ranker=HybridRanker(catalog, FakeIndex.for_ids(catalog.ids)), reranker=None,
                           replies=lambda language: load_replies()["en"], item_vector=lambda item_id: None,
                           aspects=None, resolver=TitleResolver(catalog))


def _recommend(deps: SimpleNamespace) -> list[dict[str, object]]:
    from chat_rec.conversation import nodes

    state = {"profile_vector": deps.ranker.vectors[0].tolist(), "candidates": [],
             "constraints": {"liked_ids": [1, 2571, 1214], "exclude_ids": [1, 2571, 1214]}}
    chosen: list[dict[str, object]] = nodes.rank(state, SimpleNamespace(context=SimpleNamespace(deps=deps)))["chosen"]
    return chosen


def test_the_adapter_reorders_the_app_top_n(app_deps: SimpleNamespace, tiny: dict[str, Path],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from chat_rec.config import Settings
    from chat_rec.ranking.rerank import LazyReranker

    plain = [c["item_id"] for c in _recommend(app_deps)]
    monkeypatch.setenv("CHAT_REC_RERANK_ADAPTER", str(tiny["adapter"]))
    settings = Settings(top_k=5, rerank_candidates=5, rerank_base=str(tiny["model"]))
    assert settings.rerank_adapter == tiny["adapter"]
    lazy = LazyReranker(settings)
    chosen = _recommend(SimpleNamespace(**{**vars(app_deps), "settings": settings, "reranker": lazy}))
    ids = [c["item_id"] for c in chosen]
    assert len(ids) == 5 and sorted(ids) == sorted(plain) and all(i in app_deps.catalog for i in ids)
    assert all("rerank" in c["breakdown"] for c in chosen)
    assert lazy.get() is lazy.get()  # loaded once


def test_a_broken_adapter_keeps_the_hybrid_order(app_deps: SimpleNamespace, tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    from chat_rec.config import Settings
    from chat_rec.ranking.rerank import LazyReranker

    plain = _recommend(app_deps)
    settings = Settings(top_k=5, rerank_adapter=tmp_path / "no-adapter-here")
    lazy = LazyReranker(settings)
    with caplog.at_level("WARNING"):
        assert _recommend(SimpleNamespace(**{**vars(app_deps), "settings": settings, "reranker": lazy})) == plain
    assert "could not be loaded" in caplog.text and lazy.get() is None

    class Failing:
        def rerank(self, history: list[str], candidates: list[object]) -> list[object]:
            raise RuntimeError("out of memory")

    failing = SimpleNamespace(get=lambda: Failing())
    with caplog.at_level("WARNING"):
        assert _recommend(SimpleNamespace(**{**vars(app_deps), "reranker": failing})) == plain
    assert "Re-ranking failed" in caplog.text
