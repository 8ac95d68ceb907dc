"""Supervised fine-tuning data: sliding windows over each user's chronological watch history.

The split is the LlamaRec protocol of ``chat_rec.interactions.splits``: iterative 5-core filter,
items per user ordered by (timestamp, item id), last = test, second-last = validation. Training
windows come from the train part only (everything before the validation item), so no example
ever shows or asks for a held-out item.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from chat_rec.catalog.loaders import sha256_file
from chat_rec.catalog.models import Catalog, Item
from chat_rec.errors import DataFileError, InvalidInputError
from chat_rec.finetune.prompting import LABELS, TASK_NEXT, load_finetune_prompt, rank_task

if TYPE_CHECKING:
    from datasets import Dataset

Split = Literal["train", "validation", "test"]
Negatives = Literal["random", "retriever"]
MANIFEST = "manifest.json"
DATA_SUBDIR = "data"
FORMAT = "chat-rec-finetune-data/1"


@dataclass(frozen=True)
class UserSequence:
    """One user's items (raw ids) in protocol order; the last two are held out."""

    user_id: int
    items: np.ndarray

    @property
    def train(self) -> np.ndarray:
        """Everything before the validation item: the only part training may see."""
        return self.items[:-2]

    @property
    def validation_item(self) -> int:
        return int(self.items[-2])

    @property
    def test_item(self) -> int:
        return int(self.items[-1])


def user_sequences(catalog: Catalog, min_count: int = 5) -> list[UserSequence]:
    """Per-user chronological sequences of the LlamaRec split (users with >= 3 items)."""
    from chat_rec.interactions.splits import leave_last_out

    if len(catalog.ratings) == 0:
        raise DataFileError(f"The catalog {catalog.name!r} has no ratings, so there is no history "
                            "to learn from; use a MovieLens folder with a ratings file.")
    split = leave_last_out(catalog.ratings, min_count=min_count)
    out = []
    for user, seq in zip(split.user_ids, split.sequences, strict=True):
        if len(seq) >= 3:
            out.append(UserSequence(int(user), split.item_ids[seq].astype(np.int64)))
    return out


def catalog_item(catalog: Catalog, item_id: int) -> Item:
    """The catalog's item, or a stand-in titled "Movie <id>" for a rated id the catalog lacks."""
    return catalog.get(int(item_id)) or Item(int(item_id), f"Movie {int(item_id)}", None)


def item_label(catalog: Catalog, item_id: int) -> str:
    """How the prompts show an item: "Title (Year)"."""
    return catalog_item(catalog, item_id).label


def history_labels(catalog: Catalog, item_ids: Sequence[int] | np.ndarray, window: int = 10) -> list[str]:
    """The last ``window`` items as the prompts show them ("Title (Year)"), oldest first."""
    return [item_label(catalog, int(i)) for i in list(item_ids)[-window:]] if window > 0 else []


def _windows(seqs: list[UserSequence], split: Split, window: int,
             min_history: int) -> Iterator[tuple[int, list[int], int, int]]:
    """(user_id, history ids, target id, target position) for every example of a split."""
    for s in seqs:
        items = [int(i) for i in s.items]
        if split == "train":
            train = items[:-2]
            for t in range(max(min_history, 1), len(train)):
                yield s.user_id, train[t - window if t > window else 0:t], train[t], t
        else:
            t = len(items) - (2 if split == "validation" else 1)
            yield s.user_id, items[max(0, t - window):t], items[t], t


def prepare_sft(
    catalog: Catalog,
    window: int = 10,
    max_examples: int | None = None,
    split: Split = "train",
    *,
    min_history: int = 1,
    candidates: int = 0,
    negatives: Negatives = "random",
    seed: int = 0,
    progress: bool = True,
) -> Dataset:
    """Chat-format examples ``prompt`` (system + user) -> ``completion`` (assistant).

    ``split="train"`` gives sliding windows [A, B, C] -> D over the train part of every user;
    ``validation`` / ``test`` give one example per user whose target is the held-out item.
    ``candidates`` > 0 makes LlamaRec ranking examples instead: the target hidden among
    ``candidates - 1`` items the user never rated, answered by its letter. The other items are
    drawn at random (``negatives="random"``) or are the SLIT retriever's best-scored unrated items
    for that history (``"retriever"``: the hard candidates the re-ranker meets at inference, as in
    LlamaRec; SLIT is fitted on the train parts only).
    ``max_examples`` keeps a seeded random subset (in the original order).
    """
    from datasets import Dataset, DatasetInfo
    from tqdm.auto import tqdm

    if window < 1:
        raise InvalidInputError("The history window must be at least 1 item.")
    if split not in ("train", "validation", "test"):
        raise InvalidInputError(f"Unknown split {split!r}: use train, validation or test.")
    if not 0 <= candidates <= len(LABELS) or candidates == 1:
        raise InvalidInputError(f"Candidates must be 0 (free answer) or between 2 and {len(LABELS)}.")
    if negatives not in ("random", "retriever"):
        raise InvalidInputError(f"Unknown negatives {negatives!r}: use random or retriever.")
    prompt = load_finetune_prompt()
    seqs = user_sequences(catalog)
    rows = list(_windows(seqs, split, window, min_history))
    rng = np.random.default_rng(seed)
    if max_examples is not None and max_examples < len(rows):
        keep = np.sort(rng.choice(len(rows), size=max(max_examples, 0), replace=False))
        rows = [rows[i] for i in keep]
    pool = np.array(sorted({int(i) for s in seqs for i in s.items}), dtype=np.int64)
    label = {int(i): item_label(catalog, int(i)) for i in pool}
    seen = {s.user_id: set(s.items.tolist()) for s in seqs} if candidates else {}
    hard = (_retriever_negatives(seqs, rows, seen, candidates - 1, progress)
            if candidates and negatives == "retriever" else None)
    columns: dict[str, list[Any]] = {k: [] for k in ("prompt", "completion", "user_id", "target_id",
                                                     "history_ids", "position", "candidate_ids")}
    for n, (user, history, target, position) in enumerate(
            tqdm(rows, desc=f"SFT examples ({split})", disable=not progress)):
        labels = [label[i] for i in history]
        cand_ids: list[int] = []
        if candidates:
            cand_ids = list(hard[n]) if hard is not None else sample_items(rng, pool, seen[user], candidates - 1)
            cand_ids.insert(int(rng.integers(0, candidates)), target)
            messages = prompt.prompt(labels, rank_task([label[i] for i in cand_ids]))
            answer = LABELS[cand_ids.index(target)]
        else:
            messages = prompt.prompt(labels, TASK_NEXT)
            answer = label[target]
        columns["prompt"].append(messages)
        columns["completion"].append(prompt.completion(answer))
        columns["user_id"].append(user)
        columns["target_id"].append(target)
        columns["history_ids"].append(history)
        columns["position"].append(position)
        columns["candidate_ids"].append(cand_ids)
    params = {"window": window, "max_examples": max_examples, "split": split, "min_history": min_history,
              "candidates": candidates, "negatives": negatives if candidates else None,
              "seed": seed, "protocol": "llamarec-5core-leave-last-two"}
    meta = {"kind": "sft", "params": params,
            "catalog": {"name": catalog.name, "sources": dict(catalog.sources)}}
    return Dataset.from_dict(columns, info=DatasetInfo(description=json.dumps(meta)))


def _retriever_negatives(seqs: list[UserSequence], rows: list[tuple[int, list[int], int, int]],
                         seen: dict[int, set[int]], n: int, progress: bool) -> list[list[int]]:
    """Per row, the ``n`` unrated items SLIT scores highest after the user's items before the target."""
    from tqdm.auto import tqdm

    from chat_rec.interactions.slit import SLIT

    ids = np.array(sorted({int(i) for s in seqs for i in s.items}), dtype=np.int64)
    column = {int(i): c for c, i in enumerate(ids)}
    items = {s.user_id: np.array([column[int(i)] for i in s.items], dtype=np.int64) for s in seqs}
    model = SLIT().fit_sequences([items[s.user_id][:-2] for s in seqs], len(ids))
    out: list[list[int]] = []
    for begin in tqdm(range(0, len(rows), 512), desc="retriever candidates", disable=not progress):
        chunk = rows[begin:begin + 512]
        scores = model.score_sequences([items[user][:position] for user, _, _, position in chunk])
        for row, (user, _, _, _) in zip(scores, chunk, strict=True):
            row[[column[i] for i in seen[user]]] = -np.inf
            top = np.argsort(-row, kind="stable")[:n]
            out.append([int(i) for i in ids[top]])
    return out


def sample_items(rng: np.random.Generator, pool: np.ndarray, exclude: set[int], n: int) -> list[int]:
    """``n`` distinct items from ``pool`` that are not in ``exclude`` (rejection sampling)."""
    if len(pool) - len(exclude) < n:
        raise InvalidInputError("The catalog is too small for that many candidates.")
    out: list[int] = []
    while len(out) < n:
        item = int(pool[rng.integers(0, len(pool))])
        if item not in exclude and item not in out:
            out.append(item)
    return out


def dataset_meta(ds: Dataset) -> dict[str, Any]:
    """The parameters and catalog hashes recorded by ``prepare_sft`` / the pair builders."""
    try:
        return dict(json.loads(ds.info.description or "{}"))
    except json.JSONDecodeError:
        return {}


def save_dataset(ds: Dataset, out_dir: Path | str) -> Path:
    """Write ``out_dir/data`` (``save_to_disk``) and ``out_dir/manifest.json``; return the manifest.

    The manifest holds the SHA-256 of the catalog sources and of every saved file, one
    ``data_sha256`` over them, the parameters and the example count.
    """
    out = Path(out_dir)
    data = out / DATA_SUBDIR
    out.mkdir(parents=True, exist_ok=True)
    ds.save_to_disk(str(data))
    files = {str(p.relative_to(out)): sha256_file(p) for p in sorted(data.rglob("*")) if p.is_file()}
    meta = dataset_meta(ds)
    manifest = {
        "format": FORMAT,
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "kind": meta.get("kind", "unknown"),
        "n_examples": len(ds),
        "columns": list(ds.column_names),
        "params": meta.get("params", {}),
        "catalog": meta.get("catalog", {}),
        "files": files,
        "data_sha256": _combined(files),
    }
    path = out / MANIFEST
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path


def load_dataset_dir(folder: Path | str) -> tuple[Dataset, dict[str, Any]]:
    """Load a folder written by ``save_dataset`` after checking every file's SHA-256."""
    from datasets import load_from_disk

    root = Path(folder)
    path = root / MANIFEST
    if not path.is_file():
        raise DataFileError(f"{root} has no {MANIFEST}; create it with `chat-rec finetune prepare`.")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    for name, digest in manifest.get("files", {}).items():
        file = root / name
        if not file.is_file() or sha256_file(file) != digest:
            raise DataFileError(f"{file} is missing or changed since it was prepared; "
                                "run `chat-rec finetune prepare` again.")
    return load_from_disk(str(root / DATA_SUBDIR)), manifest


def _combined(files: dict[str, str]) -> str:
    payload = json.dumps(files, sort_keys=True).encode()
    return hashlib.sha256(payload).hexdigest()
