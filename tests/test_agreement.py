"""Agreement figures against values computed by hand (worked in the comments)."""

from __future__ import annotations

import pytest

from workbench.review.agreement import cohen_kappa, krippendorff_alpha, measure


def test_cohen_kappa_by_hand() -> None:
    # 10 claims; a and b agree on 8 (po = 0.8); each says T half the time (pe = 0.5)
    # kappa = (0.8 - 0.5) / (1 - 0.5) = 0.6
    a = ["T", "T", "T", "T", "T", "F", "F", "F", "F", "F"]
    b = ["T", "T", "T", "T", "F", "F", "F", "F", "F", "T"]
    assert cohen_kappa(list(zip(a, b, strict=True))) == pytest.approx(0.6)
    assert cohen_kappa([("T", "T"), ("T", "T")]) is None  # chance agreement is total
    assert cohen_kappa([]) is None


def test_alpha_nominal_two_coders_by_hand() -> None:
    # units (a,a) (a,b) (b,b) (b,b): o_aa=2, o_ab=o_ba=1, o_bb=4; n_a=3, n_b=5, n=8
    # alpha = 1 - (n-1) * (o_ab + o_ba) / (2 * n_a * n_b) = 1 - 7*2/30 = 0.5333
    units = [["a", "a"], ["a", "b"], ["b", "b"], ["b", "b"]]
    assert krippendorff_alpha(units) == pytest.approx(16 / 30)


def test_alpha_ordinal_and_nominal_by_hand() -> None:
    # units (1,1) (1,2) (3,3): n_1=3, n_2=1, n_3=2, n=6; o_12 = o_21 = 1
    # ordinal d(1,2) = ((3+1) - (3+1)/2)^2 = 4; d(1,3) = (6 - 2.5)^2 = 12.25; d(2,3) = 1.5^2
    # expected = 2 * (3*1*4 + 3*2*12.25 + 1*2*2.25) = 180; observed = 2 * 4 = 8
    # alpha = 1 - 5 * 8 / 180 = 0.7778;   nominal: 1 - 5 * 2 / (2 * (3 + 6 + 2)) = 0.5455
    units = [["1", "1"], ["1", "2"], ["3", "3"]]
    assert krippendorff_alpha(units, "ordinal", ["1", "2", "3"]) == pytest.approx(1 - 40 / 180)
    assert krippendorff_alpha(units) == pytest.approx(1 - 10 / 22)


def test_alpha_textbook_example_with_missing_values() -> None:
    # Krippendorff's reliability-data example: 4 observers, 12 units, missing values;
    # nominal alpha is 0.743 in his worked computation.
    observers = [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ]
    rows = [o.split() for o in observers]
    units = [[r[u] for r in rows if r[u] != "."] for u in range(12)]
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=0.0005)


def test_measure_over_claims() -> None:
    ratings = {
        "c1": {"alice": "false", "bob": "false"},
        "c2": {"alice": "accurate", "bob": "misleading"},
        "c3": {"alice": "accurate", "bob": "accurate", "carol": "accurate"},
        "c4": {"alice": "false"},  # one reviewer: not counted
    }
    result = measure(ratings, ["false", "misleading", "mostly-accurate", "accurate"])
    assert result.claims == 3 and result.reviewers == ("alice", "bob", "carol")
    ab = result.pairs[0]
    assert (ab.first, ab.second, ab.claims, ab.observed) == (
        "alice",
        "bob",
        3,
        pytest.approx(2 / 3),
    )
    assert result.alpha_nominal is not None and result.alpha_ordinal is not None
    assert result.alpha_ordinal > result.alpha_nominal  # misleading is close to accurate
