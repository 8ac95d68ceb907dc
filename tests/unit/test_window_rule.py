"""The one-standard-error rule that picks the retrieval query window (training/weights.py)."""

from __future__ import annotations

import numpy as np

from chat_rec.training.weights import CaseSignals, case_objectives, objective, one_standard_error


def test_case_objectives_sum_to_the_objective() -> None:
    rng = np.random.default_rng(0)
    cases = [CaseSignals(np.arange(80), rng.random((80, 3)).astype(np.float32),
                         np.array(rng.choice(80, size=n, replace=False).tolist() + [-1]))
             for n in (1, 2, 3, 1)]
    w = np.array([1.0, 0.5, 0.25], np.float32)
    assert np.isclose(case_objectives(cases, w).sum(), objective(cases, w))


def test_a_gain_within_its_noise_keeps_the_simpler_option() -> None:
    rng = np.random.default_rng(1)
    simple = rng.random(400) / 400
    swings = np.where(np.arange(400) % 2 == 0, 0.01, -0.01)  # case-by-case differences that cancel out
    noisy_gain = simple + (0.0002 + swings) / 400  # a hair better in total, far inside its noise
    chosen, errors = one_standard_error([simple, noisy_gain])
    assert noisy_gain.sum() > simple.sum() and chosen == 0 and errors[1] == 0.0
    assert errors[0] > noisy_gain.sum() - simple.sum()


def test_a_clear_gain_takes_the_better_option() -> None:
    simple = np.full(400, 0.5 / 400)
    better = simple + 0.2 / 400  # every case gains: the difference has no noise
    chosen, errors = one_standard_error([simple, better, better * 0.999])
    assert chosen == 1 and np.isclose(errors[0], 0.0)
