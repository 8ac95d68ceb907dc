"""What kind of film an item is, as a vector: the mean of its own terms' embeddings.

The index's item vectors embed "Title (year). Genres: .... Tags: ...", and for a film without tags the
title and the year outweigh the rest: The Others (2001) sits next to They (2002) and The One (2001),
and "I loved The Others" opened with the popular films of 2001. A film's terms (its tags, genres,
keywords and cast, ``aspects.item_terms``) are embedded once already, for the mood index; their
mean, each weighted by its inverse document frequency so a rare tag ("ghosts") says more than a
genre every fourth film has, describes the film alone. Its cosines rank The Others' kin (The Ring,
Stir of Echoes), Spirited Away's (the other Ghibli films) and The Godfather's (Goodfellas, Casino)
without any ratings or dialogues.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

if TYPE_CHECKING:
    from chat_rec.catalog.aspects import AspectIndex


def kind_vectors(aspects: AspectIndex) -> np.ndarray:
    """Unit vectors (index rows x embedding size) of each row's idf-weighted terms; zeros for a row without terms."""
    n = len(aspects.ids)
    dim = aspects.term_vectors.shape[1] if aspects.term_vectors.ndim == 2 else 0
    if not aspects.terms or n == 0:
        return np.zeros((n, dim), np.float32)
    rows = np.concatenate(aspects.postings)
    cols = np.concatenate([np.full(len(p), k, dtype=np.int64) for k, p in enumerate(aspects.postings)])
    idf = np.log(n / np.maximum(aspects.df, 1)).astype(np.float32)
    terms_of = sp.csr_matrix((idf[cols], (rows, cols)), shape=(n, len(aspects.terms)))
    kinds = np.asarray(terms_of @ aspects.term_vectors, dtype=np.float32)
    norms = np.linalg.norm(kinds, axis=1, keepdims=True)
    return np.divide(kinds, norms, where=norms > 0, out=np.zeros_like(kinds))
