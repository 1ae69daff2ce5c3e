"""Inter-reviewer agreement: Cohen's kappa per pair, Krippendorff's alpha overall.

Pure functions over ratings, so the figures can be checked by hand. Alpha uses the
coincidence-matrix form (Krippendorff, "Computing Krippendorff's Alpha-Reliability"):
alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck), with d the squared
nominal or ordinal distance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from workbench.core.values import Rubric

Distance = Callable[[str, str], float]


@dataclass(frozen=True)
class PairAgreement:
    first: str
    second: str
    claims: int  # rated by both
    observed: float  # share of those on which they agree
    kappa: float | None  # None when chance agreement is total (undefined)


@dataclass(frozen=True)
class Agreement:
    claims: int  # claims rated by two or more reviewers
    reviewers: tuple[str, ...]
    pairs: tuple[PairAgreement, ...]
    alpha_nominal: float | None
    alpha_ordinal: float | None
    ordinal_claims: int  # claims with two or more ratings on the rubric's scale


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa for two raters' ratings of the same items."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def nominal_distance(a: str, b: str) -> float:
    return 0.0 if a == b else 1.0


def ordinal_distance(order: Sequence[str], counts: Mapping[str, float]) -> Distance:
    """Krippendorff's ordinal metric: distance grows with the ratings between two values."""
    rank = {value: i for i, value in enumerate(order)}

    def distance(a: str, b: str) -> float:
        lo, hi = sorted((rank[a], rank[b]))
        between = sum(counts.get(order[g], 0.0) for g in range(lo, hi + 1))
        return (between - (counts.get(a, 0.0) + counts.get(b, 0.0)) / 2) ** 2

    return distance


def krippendorff_alpha(
    units: Sequence[Sequence[str]], metric: str = "nominal", order: Sequence[str] = ()
) -> float | None:
    """Alpha over units (each the ratings one claim received); None when undefined."""
    pairable = [list(u) for u in units if len(u) >= 2]
    coincidences: Counter[tuple[str, str]] = Counter()
    for values in pairable:
        m = len(values)
        for i, j in ((i, j) for i in range(m) for j in range(m) if i != j):
            coincidences[(values[i], values[j])] += 1 / (m - 1)
    totals: Counter[str] = Counter()
    for (c, _), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    if n <= 1:
        return None
    if metric == "ordinal":
        distance = ordinal_distance([v for v in order if v in totals], totals)
    else:
        distance = nominal_distance
    observed = sum(w * distance(c, k) for (c, k), w in coincidences.items())
    values = list(totals)
    expected = sum(totals[c] * totals[k] * distance(c, k) for c in values for k in values)
    if expected == 0:
        return None
    return 1 - (n - 1) * observed / expected


def measure(ratings: Mapping[str, Mapping[str, str]], scale: Sequence[str]) -> Agreement:
    """Agreement over ``{claim_id: {reviewer: rating}}``; ``scale`` orders ratings worst to best
    for the ordinal alpha (ratings off the scale are left out of it)."""
    rated = {cid: r for cid, r in ratings.items() if len(r) >= 2}
    reviewers = tuple(sorted({name for r in rated.values() for name in r}))
    pairs = []
    for a, b in combinations(reviewers, 2):
        both = [(r[a], r[b]) for r in rated.values() if a in r and b in r]
        if both:
            observed = sum(x == y for x, y in both) / len(both)
            pairs.append(PairAgreement(a, b, len(both), observed, cohen_kappa(both)))
    units = [list(r.values()) for r in rated.values()]
    on_scale = [[v for v in unit if v in scale] for unit in units]
    on_scale = [u for u in on_scale if len(u) >= 2]
    return Agreement(
        claims=len(rated),
        reviewers=reviewers,
        pairs=tuple(pairs),
        alpha_nominal=krippendorff_alpha(units, "nominal"),
        alpha_ordinal=krippendorff_alpha(on_scale, "ordinal", scale),
        ordinal_claims=len(on_scale),
    )


def scale_of(rubric: Rubric) -> list[str]:
    """The rubric's ratings on its ClaimReview scale, worst first."""
    rated = [v for v in rubric.verdicts if v.rating_value is not None]
    return [v.id for v in sorted(rated, key=lambda v: v.rating_value)]


def agreement_to_dict(result: Agreement) -> dict:
    return {
        "claims": result.claims,
        "reviewers": list(result.reviewers),
        "alpha_nominal": result.alpha_nominal,
        "alpha_ordinal": result.alpha_ordinal,
        "ordinal_claims": result.ordinal_claims,
        "pairs": [
            {
                "reviewers": [p.first, p.second],
                "claims": p.claims,
                "observed": p.observed,
                "kappa": p.kappa,
            }
            for p in result.pairs
        ],
    }


def agreement_text(result: Agreement) -> str:
    def fmt(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    if result.claims == 0:
        return "no claim has verdicts from two or more reviewers yet"
    lines = [
        f"{result.claims} claims rated by 2+ reviewers ({', '.join(result.reviewers)})",
        f"Krippendorff's alpha: nominal {fmt(result.alpha_nominal)}, "
        f"ordinal {fmt(result.alpha_ordinal)} (on {result.ordinal_claims} claims on the scale)",
    ]
    for p in result.pairs:
        lines.append(
            f"  {p.first} / {p.second}: {p.claims} claims, agree {p.observed:.0%}, "
            f"Cohen's kappa {fmt(p.kappa)}"
        )
    return "\n".join(lines)
