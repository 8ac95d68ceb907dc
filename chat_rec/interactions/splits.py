"""Implicit-feedback matrices and the leave-last-out split of the LlamaRec protocol.

Every rating counts as one interaction (no threshold). Users and items with fewer than
``min_count`` interactions are dropped iteratively until both sides are stable; each user's
items are then ordered by (timestamp, item id). The last item is the test target and the
second-last the validation target.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import scipy.sparse as sp

from chat_rec.catalog.models import Ratings
from chat_rec.errors import DataFileError

Stage = Literal["validation", "test"]
"""validation: train on all but the last two, predict the second-last;
test: train on all but the last (validation item included), predict the last."""


def interaction_matrix(
    users: np.ndarray, items: np.ndarray, item_ids: np.ndarray | None = None
) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
    """A binary users x items CSR matrix; returns (matrix, user_ids, item_ids).

    ``item_ids`` fixes the column order (ids missing from it are dropped); by default the sorted
    distinct items. Rows follow the sorted distinct users.
    """
    users = np.asarray(users, dtype=np.int64)
    items = np.asarray(items, dtype=np.int64)
    if item_ids is None:
        item_ids = np.unique(items)
    item_ids = np.asarray(item_ids, dtype=np.int64)
    order = np.argsort(item_ids, kind="stable")
    pos = np.searchsorted(item_ids[order], items)
    pos = np.clip(pos, 0, max(len(item_ids) - 1, 0))
    known = (item_ids[order][pos] == items) if len(item_ids) else np.zeros(len(items), bool)
    cols = order[pos[known]]
    user_ids, rows = np.unique(users[known], return_inverse=True)
    data = np.ones(len(cols), dtype=np.float32)
    matrix = sp.csr_matrix((data, (rows, cols)), shape=(len(user_ids), len(item_ids)))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix, user_ids, item_ids


def k_core(users: np.ndarray, items: np.ndarray, min_count: int = 5) -> np.ndarray:
    """Boolean mask of interactions kept after iterative user/item >= min_count filtering."""
    keep = np.ones(len(users), dtype=bool)
    while True:
        _, u_inv, u_cnt = np.unique(users[keep], return_inverse=True, return_counts=True)
        _, i_inv, i_cnt = np.unique(items[keep], return_inverse=True, return_counts=True)
        ok = (u_cnt[u_inv] >= min_count) & (i_cnt[i_inv] >= min_count)
        if ok.all():
            return keep
        idx = np.flatnonzero(keep)
        keep[idx[~ok]] = False


@dataclass
class LeaveLastOut:
    """Per-user chronological sequences over a dense item index (columns = ``item_ids``)."""

    user_ids: np.ndarray
    item_ids: np.ndarray
    """Raw item ids in column order (sorted ascending, so column order breaks ties by id)."""
    sequences: list[np.ndarray]
    """For each user, column indices ordered by (timestamp, item id)."""
    note: str = ""

    @property
    def n_users(self) -> int:
        return len(self.user_ids)

    @property
    def n_items(self) -> int:
        return len(self.item_ids)

    @property
    def n_interactions(self) -> int:
        return int(sum(len(s) for s in self.sequences))

    def history(self, user: int, stage: Stage) -> np.ndarray:
        """The user's training items (column indices, chronological) for a stage."""
        seq = self.sequences[user]
        return seq[:-2] if stage == "validation" else seq[:-1]

    def target(self, user: int, stage: Stage) -> int:
        """The held-out item (column index) for a stage."""
        seq = self.sequences[user]
        return int(seq[-2] if stage == "validation" else seq[-1])

    def targets(self, stage: Stage) -> np.ndarray:
        return np.array([self.target(u, stage) for u in range(self.n_users)], dtype=np.int64)

    def train_matrix(self, stage: Stage) -> sp.csr_matrix:
        """Binary users x items matrix of every user's training history for a stage."""
        rows = [np.full(len(self.history(u, stage)), u) for u in range(self.n_users)]
        cols = [self.history(u, stage) for u in range(self.n_users)]
        r = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        c = np.concatenate(cols) if cols else np.zeros(0, np.int64)
        data = np.ones(len(r), dtype=np.float32)
        return sp.csr_matrix((data, (r, c)), shape=(self.n_users, self.n_items))

    def mask_matrix(self, stage: Stage, last: int | None) -> sp.csr_matrix:
        """Items that may not be recommended: the last ``last`` history items (None: all)."""
        rows, cols = [], []
        for u in range(self.n_users):
            hist = self.history(u, stage)
            hist = hist if last is None else hist[-last:]
            rows.append(np.full(len(hist), u))
            cols.append(hist)
        r, c = np.concatenate(rows), np.concatenate(cols)
        return sp.csr_matrix((np.ones(len(r), np.float32), (r, c)), shape=(self.n_users, self.n_items))


def leave_last_out(ratings: Ratings, min_count: int = 5) -> LeaveLastOut:
    """Build the LlamaRec split from explicit ratings (every rating is an interaction).

    Users with any rating lacking a timestamp are dropped first, and ``note`` says so
    (MovieLens 1M as rebuilt here has timestamps only for users 1-2999).
    """
    users, items, ts = ratings.users, ratings.items, ratings.timestamps
    note = ""
    missing = ts < 0
    if missing.any():
        if missing.all():
            raise DataFileError("The ratings have no timestamps, so no chronological split can be made.")
        bad_users = np.unique(users[missing])
        keep_u = ~np.isin(users, bad_users)
        note = (f"only users with timestamps kept: {len(np.unique(users[keep_u]))} of "
                f"{len(np.unique(users))} users ({int(keep_u.sum())} of {len(users)} ratings)")
        users, items, ts = users[keep_u], items[keep_u], ts[keep_u]
    keep = k_core(users, items, min_count)
    users, items, ts = users[keep], items[keep], ts[keep]
    if len(users) == 0:
        raise DataFileError(f"No user and item has at least {min_count} ratings; the split is empty.")
    item_ids, cols = np.unique(items, return_inverse=True)
    user_ids, rows = np.unique(users, return_inverse=True)
    order = np.lexsort((item_ids[cols], ts, rows))
    rows, cols = rows[order], cols[order]
    bounds = np.searchsorted(rows, np.arange(len(user_ids) + 1))
    sequences = [cols[bounds[u]:bounds[u + 1]].astype(np.int64) for u in range(len(user_ids))]
    return LeaveLastOut(user_ids=user_ids, item_ids=item_ids, sequences=sequences, note=note)
