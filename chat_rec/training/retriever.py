"""``chat-rec train retriever``: a dialogue-trained query encoder for the catalog index.

The retriever reads the retrieval query the app builds (``ranking/query.py``: the last turns,
most recent first) and embeds it into the space of the catalog index's item vectors, so the
Chroma index built with the stock embedder stays as it is: only the query side is fine-tuned.

Protocol (written into the manifest):

1. Pairs: every recommender run of the full-text ReDial *training* dialogues
   (``train_dialogues_500.jsonl``; ``@id`` mentions replaced by titles, ``redial.dialogue_cases``)
   gives (query window before the run -> each novel suggested movie with a MovieLens id in the
   catalog); the positive document is the item's catalog text (``Item.document``, what the index
   embeds). Conversations found in the ``exclude`` files (dev splits) are dropped.
2. Split by conversation: a fixed ``validation_share`` of the conversations (chosen by a hash of
   the conversation id) is held out; the ranking weights fitted later with this retriever are
   fitted on those held-out dialogues only (``training/conversations.py``).
3. Training: sentence-transformers' trainer fine-tunes a copy of the stock embedder as the
   query encoder; the documents are the index's fixed item vectors, and the loss is
   MultipleNegativesRankingLoss's softmax with every catalog item as a negative (``catalog_loss``).
   Seed fixed, bounded by ``max_minutes``; the encoder is saved as a sentence-transformers folder.
4. Validation: recall@10/50 over the whole catalog of the held-out pairs' targets (movies named
   earlier in the dialogue left out), stock query embedding vs the fine-tuned one.
"""

from __future__ import annotations

import hashlib
import json
import platform
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.ranking.query import dialogue_query, query_window
from chat_rec.ranking.retriever import MANIFEST_FILE
from chat_rec.training import redial

SEED = 0
QUERY_TOKENS = 128
"""The query window is at most ``TEXT_CHARS`` (500) characters: about 110-130 word pieces."""


@dataclass
class RetrieverConfig:
    """Inputs and hyper-parameters of one retriever training run."""

    data: Path
    """Folder with ``train_dialogues_500.jsonl`` and ``movies_merged.csv``."""
    out: Path
    exclude: Sequence[Path] = ()
    query_turns: int = 4
    """The query window the pairs are built with (the app's, ``weights.json``, was 4 when trained)."""
    validation_share: float = 0.2
    epochs: int = 3
    batch_size: int = 32
    learning_rate: float = 1e-4
    train_layers: int = 2
    """Only the top this many transformer layers learn (the rest and the word embeddings stay):
    the backward pass costs a third, so more epochs fit the time budget on 2 cores."""
    max_minutes: float = 15.0
    """Training stops after this much wall time (the steps done are recorded)."""
    seed: int = SEED
    limit: int | None = None
    """Use only the first N dialogues (quick runs, tests)."""
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pair:
    """One training example: the retrieval query, the target's catalog text and ids."""

    conversation: str
    query: str
    target: int
    document: str
    mentioned: tuple[int, ...]


def held_out(conversation_id: str, share: float) -> bool:
    """Whether a conversation falls in the validation slice (a stable hash, not the order of the file)."""
    digest = hashlib.sha256(f"retriever-split:{conversation_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < share


def build_pairs(cases: Sequence[Mapping[str, Any]], catalog: Any, query_turns: int) -> list[Pair]:
    """(query window -> novel in-catalog target) pairs from CRS-schema cases, as the app builds its query."""
    pairs = []
    for case in cases:
        turns = list(case["turns"])
        users = [n for n, t in enumerate(turns) if t.get("role") == "user"]
        if not users:
            continue
        last = users[-1]
        text = str(turns[last].get("text") or "")
        query = dialogue_query(query_window(turns[:last], text, query_turns))
        if not query.strip():
            continue
        mentioned = tuple(int(m["movielens_id"]) for m in case.get("mentioned", ()) if m.get("movielens_id"))
        for t in case["targets"]:
            mid = t.get("movielens_id")
            if mid is None or t.get("repeated") or (item := catalog.get(int(mid))) is None:
                continue
            pairs.append(Pair(str(case["dialog_id"]), query, int(mid), item.document(), mentioned))
    return pairs


def split_pairs(config: RetrieverConfig, catalog: Any) -> tuple[list[Pair], list[Pair], dict[str, Any]]:
    """Training and validation pairs, and what went into them (for the manifest)."""
    dialogues_path = config.data / redial.DIALOGUES_FILE
    map_path = config.data / redial.ID_MAP_FILE
    dialogues = redial.read_dialogues(dialogues_path)[: config.limit]
    dev: set[str] = set()
    for path in config.exclude:
        dev |= redial.conversation_ids(path)
    kept = [d for d in dialogues if str(d.get("conversationId")) not in dev]
    cases = redial.dialogue_cases(kept, redial.read_id_map(map_path))
    pairs = build_pairs(cases, catalog, config.query_turns)
    train = [p for p in pairs if not held_out(p.conversation, config.validation_share)]
    valid = [p for p in pairs if held_out(p.conversation, config.validation_share)]
    info = {
        "inputs": {str(p): redial.sha256(p) for p in (dialogues_path, map_path, *config.exclude)},
        "dialogues": len(dialogues), "dev_dialogues_dropped": len(dialogues) - len(kept),
        "train_conversations": sorted({p.conversation for p in train}),
        "validation_conversations": sorted({p.conversation for p in valid}),
        "train_pairs": len(train), "validation_pairs": len(valid),
    }
    return train, valid, info


def recall(query_vectors: np.ndarray, pairs: Sequence[Pair], index: Any, ks: Sequence[int] = (10, 50)
           ) -> dict[str, float]:
    """Recall@k of each pair's target among the whole catalog by cosine (earlier mentions left out)."""
    if not pairs:
        return {f"recall@{k}": 0.0 for k in ks}
    scores = query_vectors @ np.asarray(index.vectors, np.float32).T
    hits = dict.fromkeys(ks, 0)
    for row, pair in enumerate(pairs):
        s = scores[row]
        for m in pair.mentioned:
            if (r := index.row_of.get(m)) is not None and m != pair.target:
                s[r] = -np.inf
        target = s[index.row_of[pair.target]]
        rank = int(np.count_nonzero(s > target))
        for k in ks:
            hits[k] += rank < k
    return {f"recall@{k}": round(hits[k] / len(pairs), 4) for k in ks}


def catalog_loss(model: Any, item_vectors: np.ndarray, scale: float = 20.0) -> Any:
    """Cross-entropy of each query over every catalog item's fixed vector (the target's row is the label).

    MultipleNegativesRankingLoss with the in-batch negatives widened to the whole catalog: the
    documents are the index's own vectors, so only the query side learns and the index stays valid.
    """
    import torch

    class CatalogSoftmaxLoss(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model
            self.scale = scale
            self.register_buffer("items", torch.from_numpy(np.ascontiguousarray(item_vectors, np.float32)))

        def forward(self, sentence_features: Any, labels: Any) -> Any:
            query = self.model(sentence_features[0])["sentence_embedding"]
            query = torch.nn.functional.normalize(query, dim=-1)
            items: torch.Tensor = self.items  # type: ignore[assignment]
            return torch.nn.functional.cross_entropy(self.scale * query @ items.T, labels.long())

    return CatalogSoftmaxLoss()


def freeze_lower_layers(model: Any, top: int) -> int:
    """Let only the top ``top`` numbered layers learn (all of them when ``top`` <= 0); returns trainable tensors."""
    import re

    named = list(model.named_parameters())
    depth = 1 + max((int(m.group(1)) for n, _ in named if (m := re.search(r"layer\.(\d+)\.", n))), default=-1)
    count = 0
    for name, param in named:
        found = re.search(r"layer\.(\d+)\.", name)
        param.requires_grad_(top <= 0 or (found is not None and int(found.group(1)) >= depth - top))
        count += int(param.requires_grad)
    return count


def train(config: RetrieverConfig, catalog: Any, index: Any, progress: bool = True,
          say: Callable[[str], None] = print) -> dict[str, Any]:
    """Run the protocol above; write the query encoder and ``manifest.json`` under ``config.out``."""
    import torch
    from datasets import Dataset
    from sentence_transformers import SentenceTransformerTrainer, SentenceTransformerTrainingArguments
    from sentence_transformers.training_args import BatchSamplers
    from transformers import TrainerCallback

    started = time.time()
    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)
    train_pairs, valid_pairs, info = split_pairs(config, catalog)
    say(f"retriever pairs: {len(train_pairs):,} training, {len(valid_pairs):,} validation "
        f"({len(info['train_conversations'])} / {len(info['validation_conversations'])} conversations)")
    stock = index.embedder
    before = recall(stock.encode([p.query for p in valid_pairs]), valid_pairs, index)
    say(f"validation before (stock query embedding): {before}")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(stock.path, device="cpu", local_files_only=True)
    model.max_seq_length = QUERY_TOKENS
    trainable = freeze_lower_layers(model, config.train_layers)
    data = Dataset.from_dict({"query": [p.query for p in train_pairs],
                              "label": [int(index.row_of[p.target]) for p in train_pairs]})
    deadline = started + config.max_minutes * 60

    class Budget(TrainerCallback):  # type: ignore[misc]
        """Stop training when the wall-time budget is spent."""

        def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> Any:
            if time.time() > deadline:
                control.should_training_stop = True
            return control

    config.out.mkdir(parents=True, exist_ok=True)
    args = SentenceTransformerTrainingArguments(
        output_dir=str(config.out / "_trainer"), num_train_epochs=config.epochs,
        per_device_train_batch_size=config.batch_size, learning_rate=config.learning_rate, warmup_steps=0.1,
        seed=config.seed, batch_sampler=BatchSamplers.BATCH_SAMPLER, save_strategy="no", report_to=[],
        logging_steps=10, disable_tqdm=not progress, use_cpu=not torch.cuda.is_available(),
        dataloader_num_workers=0,
    )
    trainer = SentenceTransformerTrainer(model=model, args=args, train_dataset=data,
                                         loss=catalog_loss(model, index.vectors), callbacks=[Budget()])
    result = trainer.train()
    seconds = round(time.time() - started, 1)
    model.save(str(config.out))
    after = recall(model.encode([p.query for p in valid_pairs], normalize_embeddings=True,
                                      convert_to_numpy=True).astype(np.float32), valid_pairs, index)
    say(f"validation after (fine-tuned query encoder): {after}")
    manifest = {
        "model": "dialogue-trained query encoder (fine-tuned copy of the stock embedder; documents: the index vectors)",
        "base_model": stock.name, "document_embedder": stock.name,
        "protocol": __doc__.split("Protocol (written into the manifest):")[1].strip(),
        "config": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(config).items()
                   if k not in ("exclude", "extras")} | {"exclude": [str(p) for p in config.exclude]},
        "seed": config.seed, "steps": int(result.global_step), "trainable_tensors": trainable,
        "planned_steps": int(trainer.state.max_steps), "train_loss": round(float(result.training_loss), 4),
        "validation": {"stock": before, "fine_tuned": after}, "seconds": seconds,
        "python": platform.python_version(), **info, **config.extras,
    }
    (config.out / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    _remove_tree(config.out / "_trainer")
    return manifest


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
