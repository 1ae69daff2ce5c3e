"""The seed article the workbench was conceived from (../shared/seeds, not part of the
project): what issue "Splitter II" asks the splitter to show on it. Skipped without
../shared. Only short phrases of the article are named here, never its sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.spacy_support import needs_model

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_852e370b7402b906.txt"

pytestmark = [
    needs_model,
    pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is absent"),
]


@pytest.fixture(scope="module")
def claims():
    from workbench.ingest.articles import prepare
    from workbench.ingest.read import read_path

    (item,) = prepare(read_path(SEED))
    return item.claims


def test_the_hosting_fact_and_the_analysts_label_are_separate_claims(claims) -> None:
    hosting = [c for c in claims if "is hosting" in c.claim and c.speaker is None]
    assert hosting and all("Upheaval" not in c.claim for c in hosting)
    assert hosting[0].kind == "fact"
    label = [c for c in claims if "Axis of Upheaval" in c.claim]
    assert [(c.speaker, c.kind) for c in label] == [("analysts", "opinion")]


def test_the_aggressors_label_is_a_claim_of_its_own(claims) -> None:
    (label,) = [c for c in claims if "aggressors" in c.claim]
    assert label.claim.endswith("are the two aggressors in the Ukraine war.")
    assert label.kind == "opinion"


def test_the_professors_quote_is_two_claims_by_him(claims) -> None:
    his = [c for c in claims if c.speaker and "Kawashima" in c.speaker]
    assert len(his) == 2
    assert any("overtaking" in c.claim for c in his)


def test_the_presidents_model_of_relations_is_his_opinion(claims) -> None:
    (model,) = [c for c in claims if "interstate relations" in c.claim]
    assert model.kind == "opinion"
    assert model.speaker is not None and "Xi" in model.speaker


def test_chinas_neutrality_ranks_in_the_top_third(claims) -> None:
    (neutral,) = [c for c in claims if "neutral in the Ukraine war" in c.claim]
    assert (neutral.speaker, neutral.kind) == ("China", "fact")
    ranked = sorted(claims, key=lambda c: -c.checkworthiness)
    assert ranked.index(neutral) < len(claims) / 3
