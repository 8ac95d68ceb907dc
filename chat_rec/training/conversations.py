"""``chat-rec train conversations``: the conversation model, its learned weights and its manifest.

Protocol (written into the manifest):

1. Training conversations: ``train_movie_sequences.jsonl`` minus every conversation id found in
   the ``exclude`` files (the ReDial dev split, ``kgsf_valid_data.jsonl``: 892 of its 901
   conversations are also training conversations) minus the validation conversations.
2. Validation: the full-text training dialogues (``train_dialogues_500.jsonl``), turned into
   CRS cases; the model fitted without them ranks them through the app's engine, and the signal
   weights are chosen there by coordinate ascent (``chat_rec.training.weights``), once per
   retrieval query window (``weights.QUERY_WINDOWS`` turns); the shortest window whose weights
   score within one standard error (paired, case by case) of the best window's is kept. Dev and
   test cases are never used. With a trained retriever in the models folder
   (``chat-rec train retriever``), the dialogues it trained on are left out of this validation.
2b. With ``--mix FILE`` (e.g. INSPIRED dev, another dialogue style): at that window, the weights
   and their style gates (``ranking/learned.py: GatedWeights``) are re-fitted on the validation
   cases plus FILE's cases, each group's objective weighing the same (``training/gating.py``);
   FILE is split into folds by a hash of the dialogue id and fitted once per fold with that fold
   left out, so FILE's reported score is cross-fitted (``eval crs`` ranks it fold by fold). The
   final weights are fitted on both groups whole. ReDial dev is never used.
3. The saved model is refitted on the training and validation conversations (dev still out)
   with the same hyper-parameters; ``weights.json`` holds the weights chosen in step 2.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chat_rec.interactions.conversation import ConversationModel
from chat_rec.training import redial
from chat_rec.training import weights as fitting

SEED = 0
"""Nothing here is random (EASE is closed form, the grid is exhaustive); kept for the manifest."""


@dataclass
class TrainConfig:
    """Inputs and hyper-parameters of one training run."""

    data: Path
    """Folder with the ReDial training files (``redial.SEQUENCES_FILE``, ``ID_MAP_FILE``, ``DIALOGUES_FILE``)."""
    out: Path
    exclude: Sequence[Path] = ()
    """JSONL files whose ``conversationId``s are dropped from training (dev splits)."""
    lambda_: float = 200.0
    unliked_weight: float = 0.5
    neighbours: int = 200
    fit_weights: bool = True
    validation_limit: int | None = None
    """Use only the first N validation cases (quick runs, tests)."""
    mix: Path | None = None
    """A CRS cases file of another dialogue style fitted with the validation cases, k-fold (step 2b)."""
    folds: int = 5
    extras: dict[str, Any] = field(default_factory=dict)


def default_excludes(data: Path) -> list[Path]:
    """The ReDial dev split beside the training folder (``../redial/kgsf_valid_data.jsonl``), when present."""
    dev = data.parent / "redial" / "kgsf_valid_data.jsonl"
    return [dev] if dev.is_file() else []


def train(config: TrainConfig, engine_factory: Callable[[ConversationModel], Any] | None = None,
          progress: bool = True, say: Callable[[str], None] = print) -> ConversationModel:
    """Run the protocol above and save model, manifest and weights under ``config.out``.

    ``engine_factory(model)`` builds the CRS engine that replays the validation cases with a
    model (the app's catalog, index and parser); None skips the weight fitting.
    """
    started = time.time()
    sequences_path = config.data / redial.SEQUENCES_FILE
    map_path = config.data / redial.ID_MAP_FILE
    dialogues_path = config.data / redial.DIALOGUES_FILE
    id_map = redial.read_id_map(map_path)
    dev_ids: set[str] = set()
    for path in config.exclude:
        dev_ids |= redial.conversation_ids(path)
    genres = redial.sequence_genres(sequences_path)
    has_dialogues = dialogues_path.is_file()
    dialogues = redial.read_dialogues(dialogues_path) if has_dialogues else []
    validation_ids = {str(d.get("conversationId")) for d in dialogues}
    params = {"lambda": config.lambda_, "unliked_weight": config.unliked_weight, "neighbours": config.neighbours}

    inputs = {str(p): redial.sha256(p) for p in (sequences_path, map_path, *config.exclude,
                                                   *([dialogues_path] if has_dialogues else []),
                                                   *([config.mix] if config.mix else []))}
    manifest: dict[str, Any] = {
        "model": "conversation item-item (EASE on conversations x movies)", "params": params, "seed": SEED,
        "inputs": inputs, "protocol": __doc__.split("Protocol (written into the manifest):")[1].strip(),
        "python": platform.python_version(), **config.extras,
    }
    weights_info: dict[str, Any] | None = None
    chosen = None
    gates: Any = None
    if config.fit_weights and engine_factory is not None and dialogues:
        convs, conv_ids, dropped = redial.read_sequences(sequences_path, id_map, dev_ids | validation_ids)
        say(f"fitting the validation model on {len(convs):,} conversations ({dropped:,} dev/validation dropped)")
        model = _fit(convs, config, [genres.get(c, []) for c in conv_ids])
        cases = redial.dialogue_cases(dialogues, id_map)
        engine = engine_factory(model)
        retriever = getattr(engine.ranker, "retriever", None)
        trained_on = retriever.trained_conversations if retriever is not None else set()
        if trained_on:  # the retriever learned from these dialogues: fit the weights on the rest only
            cases = [c for c in cases if str(c.get("dialog_id")) not in trained_on]
            say(f"validation: {len(cases):,} cases from dialogues the retriever did not train on")
        cases = cases[: config.validation_limit]
        chosen, objective, signals, windows = fitting.fit_with_window(engine, cases, progress=progress, say=say)
        base = windows["start"]
        table = fitting.ablations(signals, chosen)
        say(fitting.format_ablations(table))
        weights_info = {"protocol": "coordinate ascent on held-out training dialogues (see manifest); the query "
                                    "window is the shortest whose fitted weights score within one standard error "
                                    "of the best window's there",
                        "validation_cases": len(signals),
                        "retriever": None if retriever is None else {
                            "folder": str(retriever.folder), "dialogues_left_out": len(trained_on)},
                        "validation_targets": int(sum(len(s.targets) for s in signals)),
                        "objective": "novel recall@10 + recall@50 / 4", "objective_value": round(objective, 4),
                        "start_weights_validation": base, "query_windows": windows["windows"], "ablations": table}
        if config.mix is not None:
            chosen, gates = _fit_mix(config, engine, chosen, signals, weights_info, progress, say)
        manifest["validation"] = weights_info

    convs, ids, dropped = redial.read_sequences(sequences_path, id_map, dev_ids)
    say(f"fitting the conversation model on {len(convs):,} conversations ({dropped:,} dev conversations dropped)")
    model = _fit(convs, config, [genres.get(c, []) for c in ids])
    manifest |= {"conversations": len(convs), "dev_conversations_dropped": dropped,
                 "excluded_ids": len(dev_ids), "movies": model.n_items,
                 "nonzero_weights": int(model.weights.nnz), "seconds": round(time.time() - started, 1)}
    model.manifest = manifest
    model.save(config.out)
    if chosen is not None and weights_info is not None:
        from chat_rec.ranking.learned import write_weights

        write_weights(config.out, chosen, weights_info, gates.gates if gates else None,
                      gates.center if gates else None)
    return model


def _fit_mix(config: TrainConfig, engine: Any, chosen: Any, signals: Any, info: dict[str, Any], progress: bool,
             say: Callable[[str], None]) -> tuple[Any, Any]:
    """Step 2b: the weights and gates fitted on validation + the mix file; ``info`` gains the report."""
    from chat_rec.eval.crs_scoring import load_crs_cases
    from chat_rec.training import gating

    assert config.mix is not None
    cases = load_crs_cases(config.mix)
    final, report, section = gating.fit_mixed(engine, chosen, signals, cases, config.mix.name,
                                              redial.sha256(config.mix), config.folds, progress, say)
    from chat_rec.ranking.learned import WEIGHT_NAMES

    info |= {"validation_only_weights": {n: getattr(chosen, n) for n in WEIGHT_NAMES},
             "protocol": info["protocol"] + "; then weights and style gates re-fitted on validation + "
                         f"{config.mix.name} ({config.folds}-fold, cross-fitted), each group weighing the same",
             "mix": report, "cross_fit": section}
    return final.base, final


def _fit(convs: list[list[tuple[int, bool]]], config: TrainConfig,
         genres: list[list[str]] | None = None) -> ConversationModel:
    return ConversationModel.fit(convs, config.lambda_, config.unliked_weight, config.neighbours, genres)
