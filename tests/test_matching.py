"""Claim matching: paraphrases match; negations, other numbers and other speakers do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.spacy_support import needs_model
from workbench.cli.main import cli
from workbench.core.values import ClaimDraft, Cleaned, Document
from workbench.ingest.articles import make_article, make_claims
from workbench.matching import THRESHOLD, compatible, link_article, score_many, signature
from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.usecases import actions

PARAPHRASES = [
    ("Ruritania has shipped 40,000 tonnes of grain to Freedonia.",
     "40,000 tonnes of grain were shipped by Ruritania to Freedonia."),
    ("Freedonia imported 38 per cent of its wheat from Osterlich in 2025.",
     "In 2025, Freedonia imported 38% of its wheat from Osterlich."),
    ("The pact will supply 1.2 million tonnes of wheat each year.",
     "The pact will supply 1,200,000 tonnes of wheat every year."),
    ("President Halvard arrived in Port Selene on Friday for talks.",
     "On Friday President Halvard arrived in Port Selene for talks."),
    ("The parliament approved the budget by 212 votes to 40.",
     "The budget was approved by the parliament by 212 votes to 40."),
]  # fmt: skip
DIFFERENT = [
    ("Ruritania has shipped 40,000 tonnes of grain to Freedonia.",
     "Ruritania has shipped 4,000 tonnes of grain to Freedonia."),
    ("Ruritania shipped grain to Freedonia in March.",
     "Ruritania did not ship grain to Freedonia in March."),
    ("Ruritania has never shipped weapons to Freedonia.",
     "Ruritania has shipped weapons to Freedonia."),
    ("Freedonia imported 38 per cent of its wheat from Osterlich in 2025.",
     "Freedonia imported 38 per cent of its wheat from Osterlich in 2024."),
    ("The talks will take place in Port Selene on Friday.",
     "The Osterlich army crossed the river at dawn."),
    ("Turnout in Lenz was 1,234,567 voters.", "Turnout in Lenz was 1,234,571 voters."),
    ("The fund holds 3,141,592,653 crowns.", "The fund holds 3.141592654 billion crowns."),
]  # fmt: skip

# (a claim, the same wording with an opposite word, the contrast that tells them apart)
OPPOSITES = [
    ("The Lenz council plans to add two hundred more wardens for the harbour.",
     "The Lenz council plans to cut two hundred wardens from the harbour.", "direction"),
    ("Ruritania's exports rose by 5 per cent in 2024.",
     "Ruritania's exports fell by 5 per cent in 2024.", "direction"),
    ("Unemployment in Freedonia increased to 7 per cent last year.",
     "Unemployment in Freedonia decreased to 7 per cent last year.", "direction"),
    ("The ruling party won the election in Osterlich in 2021.",
     "The ruling party lost the election in Osterlich in 2021.", "outcome"),
    ("The minister supports the ban on fishing near Lenz.",
     "The minister opposes the ban on fishing near Lenz.", "position"),
    ("The bill was passed by the senate on Tuesday.",
     "The bill was blocked by the senate on Tuesday.", "position"),
    ("Inflation in Karsovia is the highest in the region.",
     "Inflation in Karsovia is the lowest in the region.", "extent"),
    ("At least 300 people were killed in the flood.",
     "At most 300 people were killed in the flood.", "extent"),
    ("More than 40,000 people attended the rally in Lenz.",
     "Fewer than 40,000 people attended the rally in Lenz.", "comparison"),
    ("The majority of Freedonians oppose the war.",
     "A minority of Freedonians oppose the war.", "share"),
    ("Ruritania imports most of its gas from Osterlich.",
     "Ruritania exports most of its gas to Osterlich.", "trade"),
    ("The vaccine is safe for children, the agency said.",
     "The vaccine is unsafe for children, the agency said.", "safety"),
    ("The government spent $5 billion on defence in 2023.",
     "The government spent €5 billion on defence in 2023.", "currency"),
    ("Ruritania built 500 kilometres of railway in 2024.",
     "Ruritania built 500 miles of railway in 2024.", "unit of length"),
    ("Support for the plan rose 5 per cent in May.",
     "Support for the plan rose 5 points in May.", "percent or points"),
    ("Freedonia joined the customs union in 2019.",
     "Freedonia left the customs union in 2019.", "membership"),
    ("The pipeline carries 500,000 barrels per day.",
     "The pipeline carries 500,000 barrels per year.", "period"),
    ("All schools in Lenz were closed on Monday.",
     "Some schools in Lenz were closed on Monday.", "scope"),
    ("Fuel prices have been rising since 2019.",
     "Fuel prices have been rising until 2019.", "since or until"),
    ("More than 300 protesters were arrested in Lenz on Friday.",
     "More than 300 protesters were released in Lenz on Friday.", "custody"),
    ("The army captured the town of Lenz in March.",
     "The army lost the town of Lenz in March.", "control"),
    ("The Lenz rights council praised the ruling on Thursday.",
     "The Lenz rights council criticised the ruling on Thursday.", "position"),
    ("The ministry offered a reward of 20,000 crowns for the stolen map.",
     "The ministry withdrew a reward of 20,000 crowns for the stolen map.", "offer"),
    ("The film gathered over eight million views in two days.",
     "The film gathered under eight million views in two days.", "comparison"),
    ("Rescue work in Lenz resumed on Wednesday.", "Rescue work in Lenz halted on Wednesday.",
     "beginning or end"),
    ("In May, the Lenz bank lowered its growth forecast for 2026 to 1 per cent.",
     "In May, the Lenz bank raised its growth forecast for 2026 to 1 per cent.",
     "direction"),
    ("Ruritania's grain exports doubled in 2024.", "Ruritania's grain exports tripled in 2024.",
     "multiple"),
    ("Ruritania will increase sanctions on Osterlich.",
     "Ruritania will ease sanctions on Osterlich.", "direction"),
    ("Officials said 5.7 million barrels of daily output had been disrupted.",
     "Officials said 5.7 million barrels of daily output had been restored.", "disruption"),
    ("At least 40 people were killed in the attack in Lenz.",
     "At least 40 people were injured in the attack in Lenz.", "casualties"),
    ("Ruritania withdrew its ambassador from Osterlich in 2023.",
     "Ruritania sent its ambassador to Osterlich in 2023.", "deployment"),
    ("The attacks triggered major fires at the Lenz refinery.",
     "The attacks triggered minor fires at the Lenz refinery.", "severity"),
    ("In Lenz, eleven men have been charged with the robbery.",
     "In Lenz, eleven men have been acquitted of the robbery.", "accusation"),
    ("Ruritania shipped 40,000 tonnes of grain to Freedonia.",
     "Ruritania shipped 40,000 barrels of grain to Freedonia.", "unit of amount"),
    ("Osterlich fired missiles at Lenz on Sunday.", "Osterlich fired drones at Lenz on Sunday.",
     "weapon"),
    ("The Lenz bill passed the lower house on Tuesday.",
     "The Lenz bill passed the upper house on Tuesday.", "chamber"),
    ("54 nations have signed the Lenz trade agreement.",
     "54 nations have ratified the Lenz trade agreement.", "treaty stage"),
    ("Ruritanian troops will be leaving Lenz.", "Ruritanian troops will be staying in Lenz.",
     "presence"),
    ("Police said forty prisoners escaped from the Lenz jail on Sunday.",
     "Police said forty prisoners were captured near the Lenz jail on Sunday.", "escape"),
    ("The licence of Radio Lenz expired on Monday.",
     "The licence of Radio Lenz was renewed on Monday.", "validity"),
    ("The council will withdraw the Lenz parking bill.",
     "The council will pass the Lenz parking bill.", "position"),
    ("Ruritanian banks will invest in Osterlich.", "Ruritanian banks will pull out of Osterlich.",
     "investment"),
    ("The Lenz militia is largely made up of farmers.",
     "The Lenz militia is partly made up of farmers.", "scope"),
    ("Lenz cut the grain ration in half.", "Lenz cut the grain ration by a quarter.",
     "fraction"),
    ("Most of the grain went to Freedonia.", "All of the grain went to Freedonia.", "scope"),
    ("Osterlich troops entered Lenz on Sunday.", "Osterlich troops withdrew from Lenz on Sunday.",
     "entry"),
    ("Police said three gunmen were killed in Lenz on Monday.",
     "Police said three gunmen were arrested in Lenz on Monday.", "fate"),
    ("Lenz holds 20,000 refugees, down from 35,000 in 2024.",
     "Lenz holds 20,000 refugees, up from 35,000 in 2024.", "direction"),
    ("The mayor credited the unions with ending the Lenz strike.",
     "The mayor blamed the unions for ending the Lenz strike.", "credit"),
    ("Ruritania asked Freedonia to waive the envoy's immunity in Lenz.",
     "Ruritania asked Freedonia to uphold the envoy's immunity in Lenz.", "waiver"),
    ("Mayor Vos said she went to bed at midnight and Halvard was ahead in Lenz.",
     "Mayor Vos said she went to bed at midnight and Halvard was behind in Lenz.", "standing"),
    ("The Lenz papers covered the ceasefire in a positive light.",
     "The Lenz papers covered the ceasefire in a negative light.", "valence"),
    ("Senator Vos voted for four of the five Lenz harbour budgets.",
     "Senator Vos voted against four of the five Lenz harbour budgets.", "for or against"),
    ("The tenants of the Lenz tower moved in the day before the blast.",
     "The tenants of the Lenz tower moved out the day before the blast.", "in or out"),
    ("His rivals in Lenz are being put in jail.",
     "His rivals in Lenz are being released from jail.", "custody"),
    ("Right here in Lenz, the council has laid off 350 teachers.",
     "Right here in Lenz, the council has hired 350 teachers.", "employment"),
    ("The Lenz harbour bill was defeated by one vote in the council.",
     "The Lenz harbour bill won by one vote in the council.", "outcome"),
    ("For 40 years, the Lenz platform called for a harbour toll.",
     "For 40 years, the Lenz platform opposed a harbour toll.", "position"),
]  # fmt: skip
SAME_SIDE = [
    ("Mayor Vos disclosed her tax returns to the people of Lenz.",
     "Mayor Vos released her tax returns to the people of Lenz."),
    ("On Thursday, Mayor Vos called for council action on the Lenz fires.",
     "On Thursday, Mayor Vos urged council action on the Lenz fires."),
    ("His rivals in Lenz are being put in jail.", "His rivals in Lenz are being jailed."),
    ("Ruritania's exports increased by 5 per cent in 2024.",
     "Ruritania's exports were raised by 5 per cent in 2024."),
    ("The government spent $5 billion on defence in 2023.",
     "The government spent 5 billion dollars on defence in 2023."),
    ("Prices rose in Lenz in 2024 while wages fell.",  # both sides: the contrast says nothing
     "In 2024 prices in Lenz rose while wages fell."),
]  # fmt: skip


def score(a: str, b: str, sa: str | None = None, sb: str | None = None) -> float:
    return float(score_many([signature(a, sa)], [signature(b, sb)])[0, 0])


@pytest.mark.parametrize(("a", "b"), PARAPHRASES)
def test_paraphrases_match(a: str, b: str) -> None:
    assert score(a, b) >= THRESHOLD


@pytest.mark.parametrize(("a", "b", "contrast"), OPPOSITES)
def test_a_claim_with_an_opposite_word_is_never_a_match(a: str, b: str, contrast: str) -> None:
    from workbench.matching import differences

    assert contrast in differences(signature(a), signature(b))
    assert score(a, b) < THRESHOLD


BARE = "Osterlich shot down the passenger jet near Lenz."
HEDGED = [
    "Osterlich allegedly shot down the passenger jet near Lenz.",
    "Osterlich reportedly shot down the passenger jet near Lenz.",
    "Osterlich may have shot down the passenger jet near Lenz.",
    "Osterlich probably shot down the passenger jet near Lenz.",
    "Osterlich is suspected of shooting down the passenger jet near Lenz.",
    "Osterlich tried to shoot down the passenger jet near Lenz.",
    "Osterlich threatened to shoot down the passenger jet near Lenz.",
    "Osterlich could shoot down the passenger jet near Lenz.",
    "Osterlich should shoot down the passenger jet near Lenz.",
]


@pytest.mark.parametrize("hedged", HEDGED)
def test_a_hedge_on_one_side_only_is_never_a_match(hedged: str) -> None:
    """An allegation, a possibility, an attempt or a threat is not the deed."""
    from workbench.matching import differences

    assert "hedge" in differences(signature(BARE), signature(hedged))
    assert score(BARE, hedged) < THRESHOLD


def test_adding_to_something_is_a_change_by_an_amount_not_a_level() -> None:
    assert signature("The Lenz toll rose to the level of the Karsovian one.").level is True
    assert signature("The Lenz toll added to the dockers' workloads in the spring.").level is None
    assert (
        score(
            "The struggle to keep the Lenz harbour open added to the dockers' workloads.",
            "The struggle to keep the Lenz harbour open increased the dockers' workloads.",
        )
        >= THRESHOLD
    )


def test_a_typeset_apostrophe_negates_as_a_typed_one_does() -> None:
    """News text sets "don’t" with a curly apostrophe; it denies as "don't" does."""
    from workbench.matching import differences

    typeset = "Lenz dockers don’t load grain on Sundays."
    assert score(typeset, "Lenz dockers do not load grain on Sundays.") >= THRESHOLD
    assert "negation" in differences(
        signature(typeset), signature("Lenz dockers load grain on Sundays.")
    )
    assert score(typeset, "Lenz dockers load grain on Sundays.") < THRESHOLD


def test_applying_to_join_is_not_joining() -> None:
    joined, applied = (
        "Freedonia joined the Lenz pact in April 2023.",
        "Freedonia applied to join the Lenz pact in April 2023.",
    )
    from workbench.matching import differences

    assert "hedge" in differences(signature(joined), signature(applied))
    assert score(joined, applied) < THRESHOLD


def test_two_claims_hedged_alike_still_match() -> None:
    assert (
        score(HEDGED[0], "Near Lenz, Osterlich allegedly shot down the passenger jet.") >= THRESHOLD
    )
    # "whether" alone is no hedge: the referendum was held
    assert (
        score(
            "In 2016 Ruritania held a referendum on whether to leave the customs union.",
            "Ruritania held a referendum in 2016 on leaving the customs union.",
        )
        >= THRESHOLD
    )


@pytest.mark.parametrize(
    "change",
    ["Unemployment in Lenz fell by 4 per cent in March.",
     "Unemployment in Lenz fell 4 per cent in March."],
)  # fmt: skip
def test_a_level_reached_is_not_a_change_by_as_much(change: str) -> None:
    from workbench.matching import differences

    level = "Unemployment in Lenz fell to 4 per cent in March."
    assert "level or change" in differences(signature(level), signature(change))
    assert score(level, change) < THRESHOLD
    assert score(level, "Unemployment in Lenz dropped to 4 per cent in March.") >= THRESHOLD
    assert score(change, "Unemployment in Lenz fell by 4 per cent in March.") >= THRESHOLD


SWAPPED_NUMBERS = [
    ("About 52% of voters in Lenz chose to leave and 48% to stay.",
     "About 52% of voters in Lenz chose to stay and 48% to leave."),
    ("The Ruritanian army lost 300 tanks and 40 aircraft in 2022.",
     "The Ruritanian army lost 40 tanks and 300 aircraft in 2022."),
    ("Turnout in Lenz was 72% in 2016, against 66% in 2015.",
     "Turnout in Lenz was 66% in 2016, against 72% in 2015."),
]  # fmt: skip
REORDERED_NUMBERS = [
    ("About 52% of voters in Lenz chose to leave and 48% to stay.",
     "48% of voters in Lenz chose to stay and about 52% to leave."),
    ("The Ruritanian army lost 300 tanks and 40 aircraft in 2022.",
     "In 2022 the Ruritanian army lost 40 aircraft and 300 tanks."),
    ("Turnout in Lenz was 72% in 2016, against 66% in 2015.",
     "In 2016 turnout in Lenz was 72%, against 66% in 2015."),
]  # fmt: skip


REVERSED_COMPARISONS = [
    ("Ruritania's army is larger than Freedonia's.",
     "Freedonia's army is larger than Ruritania's."),
    ("Osterlich chose talks rather than war.", "Osterlich chose war rather than talks."),
    ("The Lenz region grew faster than the capital in 2024.",
     "The capital grew faster than the Lenz region in 2024."),
]  # fmt: skip


OWNERS_SWAPPED = [
    ("Ruritania is Freedonia's biggest donor.", "Freedonia is Ruritania's biggest donor."),
    ("Osterlich is the largest trading partner of Ruritania.",
     "Ruritania is the largest trading partner of Osterlich."),
]  # fmt: skip
OWNERS_KEPT = [
    ("Ruritania is Freedonia's biggest donor.", "Freedonia's biggest donor is Ruritania."),
    ("Osterlich is the largest trading partner of Ruritania.",
     "Ruritania's largest trading partner is Osterlich."),
]  # fmt: skip


NAMES_SWAPPED = [
    ("The treaty would have allowed Ruritania to extradite suspects from Freedonia.",
     "The treaty would have allowed Freedonia to extradite suspects from Ruritania."),
    ("The convoy left Lenz for Port Selene on Monday.",
     "The convoy left Port Selene for Lenz on Monday."),
]  # fmt: skip
WORDS_SWAPPED = [
    ("Two journalists were injured in Lenz after being attacked by protesters.",
     "Two protesters were injured in Lenz after being attacked by journalists."),
]  # fmt: skip
NAMES_LISTED = [
    ("Ruritania, Freedonia and Osterlich signed the Lenz accord on Monday.",
     "Osterlich, Freedonia and Ruritania signed the Lenz accord on Monday."),
    ("China and Russia signed the Lenz accord on Monday.",
     "Russia and China signed the Lenz accord on Monday."),
    ("Osterlich named both the farmers and the miners as partners.",
     "Osterlich named both the miners and the farmers as partners."),
]  # fmt: skip


TRADED = (
    [(a, b, "numbers swapped") for a, b in SWAPPED_NUMBERS]
    + [(a, b, "comparison reversed") for a, b in REVERSED_COMPARISONS]
    + [(a, b, "possessor swapped") for a, b in OWNERS_SWAPPED]
    + [(a, b, "names swapped") for a, b in NAMES_SWAPPED]
    + [(a, b, "words swapped") for a, b in WORDS_SWAPPED]
)
KEPT_IN_PLACE = REORDERED_NUMBERS + OWNERS_KEPT + NAMES_LISTED + [
    ("Ruritania's army is larger than Freedonia's.",
     "Ruritania has a larger army than Freedonia."),
    ("More than 40 people died in the floods in Lenz.",
     "In Lenz, more than 40 people died in the floods."),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b", "traded"), TRADED)
def test_numbers_or_names_that_trade_places_are_never_a_match(a: str, b: str, traded: str) -> None:
    """The same numbers for other things, a comparison the other way round, what belongs
    to the other name: every word agrees, the claim does not."""
    from workbench.matching import differences

    assert traded in differences(signature(a), signature(b))
    assert score(a, b) < THRESHOLD


@pytest.mark.parametrize(("a", "b"), KEPT_IN_PLACE)
def test_numbers_and_names_that_keep_their_places_still_match(a: str, b: str) -> None:
    assert score(a, b) >= THRESHOLD


def test_a_stored_claim_is_compared_by_where_its_numbers_stand(tmp_path: Path) -> None:
    """Through ingest and ``workbench match``, as a user meets it: the swapped claim is not
    linked to the earlier one and is shown as related, differing in "numbers swapped"."""
    a, b = SWAPPED_NUMBERS[1]
    db = str(tmp_path / "n.db")
    (tmp_path / "first.txt").write_text(a)
    (tmp_path / "second.txt").write_text(f"{b}\n\n{REORDERED_NUMBERS[1][1]}")
    runner = CliRunner()
    for name in ("first.txt", "second.txt"):
        result = runner.invoke(cli, ["ingest", str(tmp_path / name), "--db", db])
        assert result.exit_code == 0, result.output
    out = runner.invoke(cli, ["claims", "--db", db, "--format", "json"])
    claims = {c["text"]: c for c in json.loads(out.output)}
    assert claims[b]["matches"] == []
    (found,) = claims[REORDERED_NUMBERS[1][1]]["matches"]
    assert found["claim_id"] == claims[a]["id"]
    out = runner.invoke(cli, ["match", b, "--db", db, "--format", "json"])
    (row,) = [r for r in json.loads(out.output) if r["claim"] == a]
    assert row["match"] is False and row["differs"] == ["numbers swapped"]
    assert not any(agreed.startswith("numbers") for agreed in row["agrees"])


@pytest.mark.parametrize(("a", "b"), SAME_SIDE)
def test_words_on_the_same_side_of_a_contrast_still_match(a: str, b: str) -> None:
    assert score(a, b) >= THRESHOLD


def test_a_word_on_two_sides_of_one_contrast_is_refused() -> None:
    from workbench.matching.vocabulary import _contrasts

    with pytest.raises(ValueError, match="'rose' is on two sides"):
        _contrasts(["direction: rose climbed | fell rose"], {})


def test_a_list_of_owners_in_another_order_is_not_a_swap_of_owners() -> None:
    from workbench.matching import differences

    a = "Ruritania has expanded trade with the ports of Osterlich, Freedonia and Lenz."
    b = "Ruritania has expanded trade with the ports of Lenz, Osterlich and Freedonia."
    assert differences(signature(a), signature(b)) == []
    swapped = "Lenz has expanded trade with the ports of Osterlich, Freedonia and Ruritania."
    assert "possessor swapped" in differences(signature(a), signature(swapped))


def test_a_continent_is_not_the_country_its_adjective_names() -> None:
    latin = signature("Lenz is the largest Latin American port.")
    assert "united" not in latin.text
    assert (
        score("Lenz is the largest Latin American port.", "Lenz is the largest American port.")
        < THRESHOLD
    )


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_negations_numbers_and_other_claims_do_not(a: str, b: str) -> None:
    assert score(a, b) < THRESHOLD


def test_speakers_must_agree_when_both_are_named() -> None:
    claim = "The deal is a provocation dressed up as charity."
    assert score(claim, claim, "Karl Brandt", "Irena Vos") == 0
    assert score(claim, claim, "Karl Brandt", "Mr Karl Brandt") >= THRESHOLD
    assert score(claim, claim, "Karl Brandt", None) >= THRESHOLD
    assert not compatible(signature(claim, "analysts"), signature(claim, "the ministry"))
    # titles without a name are one office each: the end of one is not the other
    assert score(claim, claim, "the Vice President", "the President") == 0
    assert score(claim, claim, "deputy minister", "minister") == 0
    assert score(claim, claim, "the Prime Minister", "Prime Minister") >= THRESHOLD
    # titles that name different offices are two people, whatever the end of the name
    assert score(claim, claim, "King Aldous", "Crown Prince Edmund Aldous") == 0
    assert score(claim, claim, "Lenz's governor", "Lenz's mayor") == 0
    assert score(claim, claim, "Sen. Vos", "Senator Irena Vos") >= THRESHOLD
    assert score(claim, claim, "President Vos", "Mr Vos") >= THRESHOLD


def article_with(text: str, title: str, speakers: dict[int, str] | None = None):
    article = make_article(Document(text=text, source=f"{title}.txt", title=title), Cleaned(text))
    drafts, start = [], 0
    for i, para in enumerate(text.split("\n\n")):
        start = text.index(para, start)
        drafts.append(
            ClaimDraft(
                text=para, claim=para, start=start, end=start + len(para), kind="fact",
                speaker=(speakers or {}).get(i),
            )
        )  # fmt: skip
        start += len(para)
    return article, make_claims(article, drafts)


FIRST = (
    "Ruritania has shipped 40,000 tonnes of grain to Freedonia.\n\n"
    "Osterlich closed its border crossings on Monday."
)
SECOND = (
    "40,000 tonnes of grain were shipped by Ruritania to Freedonia.\n\n"
    "Ruritania has shipped 4,000 tonnes of grain to Freedonia.\n\n"
    "Freedonia's harvest fell by a third this year.\n\n"
    "Freedonia's harvest fell by a third this year, officials confirmed."
)


@pytest.fixture
def matched_db(tmp_path: Path) -> Path:
    db = tmp_path / "m.db"
    rubric = load_rubric("default")
    with Store(db) as store:
        a1, c1 = article_with(FIRST, "first")
        store.add_article(a1, c1, "alice", link=link_article)
        actions.record_verdict(
            store, c1[0].id, "false", rubric, "alice",
            [actions.SourceInput("https://port.example.org/log", title="Port log")],
            note="Only 4,000 tonnes left port.",
        )  # fmt: skip
        a2, c2 = article_with(SECOND, "second")
        result = store.add_article(a2, c2, "bob", link=link_article)
        assert (result.matched, result.duplicates) == (1, 1)
    return db


def test_ingest_stores_matches_with_their_verdict(matched_db: Path) -> None:
    out = CliRunner().invoke(cli, ["claims", "--db", str(matched_db), "--format", "json"])
    claims = {c["text"]: c for c in json.loads(out.output)}
    first = claims["Ruritania has shipped 40,000 tonnes of grain to Freedonia."]
    paraphrase = claims["40,000 tonnes of grain were shipped by Ruritania to Freedonia."]
    (found,) = paraphrase["matches"]
    assert found["claim_id"] == first["id"] and found["verdict"] == "false"
    assert found["score"] >= THRESHOLD
    assert claims["Ruritania has shipped 4,000 tonnes of grain to Freedonia."]["matches"] == []


def test_repeat_within_an_article_is_linked_not_reviewed_twice(matched_db: Path) -> None:
    with Store(matched_db) as store:
        claims = {c.text: c for c in store.claims()}
    first = claims["Freedonia's harvest fell by a third this year."]
    repeat = claims["Freedonia's harvest fell by a third this year, officials confirmed."]
    assert repeat.duplicate_of == first.id and repeat.status == "duplicate"
    assert first.status == "unreviewed"
    out = CliRunner().invoke(cli, ["claims", "--db", str(matched_db), "--status", "unreviewed",
                                   "--format", "json"])  # fmt: skip
    assert repeat.id not in out.output


def test_adopting_a_match_copies_rating_and_sources(matched_db: Path) -> None:
    with Store(matched_db) as store:
        paraphrase = next(c for c in store.claims() if c.text.startswith("40,000 tonnes"))
        actions.adopt_match(store, paraphrase.id, "carol")
        claim = store.claim(paraphrase.id)
        (verdict,) = claim.verdicts
        assert (verdict.reviewer, verdict.rating) == ("carol", "false")
        assert [s.url for s in verdict.sources] == ["https://port.example.org/log"]
        assert verdict.note.startswith("Adopted from earlier claim")
        unmatched = next(c for c in store.claims() if c.text.startswith("Osterlich"))
        with pytest.raises(actions.ActionError, match="matches no earlier claim"):
            actions.adopt_match(store, unmatched.id, "carol")


def test_match_command(matched_db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(
        cli, ["match", "Ruritania shipped 40,000 tonnes of grain to Freedonia", "--db",
              str(matched_db), "--format", "json"],
    )  # fmt: skip
    rows = json.loads(out.output)
    assert rows[0]["match"] is True and rows[0]["verdict"] == "false"
    assert all(r["score"] >= rows[-1]["score"] for r in rows)
    wrong = [r for r in rows if r["claim"].startswith("Ruritania has shipped 4,000")]
    assert not any(r["match"] for r in wrong)
    table = runner.invoke(cli, ["match", "closed border crossings Osterlich", "--db",
                                str(matched_db), "--limit", "1"]).output  # fmt: skip
    assert "Osterlich closed its border crossings on Monday." in table


def test_matches_travel_with_an_export_import(matched_db: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    runner = CliRunner()
    runner.invoke(cli, ["export", "--format", "json", "-o", str(report), "--db", str(matched_db)])
    other = tmp_path / "other.db"
    assert runner.invoke(cli, ["import", str(report), "--db", str(other)]).exit_code == 0
    with Store(other) as store:
        claims = {c.id: c for c in store.claims()}
    with Store(matched_db) as store:
        for c in store.claims():
            if c.id in claims:
                assert claims[c.id].status == c.status


async def test_the_review_session_shows_the_earlier_claim_it_matches(matched_db: Path) -> None:
    from tests.test_tui import loaded
    from workbench.tui.app import ReviewApp
    from workbench.tui.widgets.claim_list import ClaimQueue
    from workbench.tui.widgets.details import ClaimDetails

    with Store(matched_db) as store:
        paraphrase = next(c for c in store.claims() if c.text.startswith("40,000 tonnes"))
    app = ReviewApp(
        matched_db, "carol", load_rubric("default"), offer_sample=False, filter_name="all"
    )
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        queue = app.query_one(ClaimQueue)
        while queue.current is not None and queue.current.id != paraphrase.id:
            await pilot.press("j")
            await pilot.pause()
        details = str(app.query_one(ClaimDetails).text)
    earlier = details.split("Matches earlier claims", 1)[1]
    assert "Ruritania has shipped 40,000 tonnes of grain to Freedonia." in earlier
    assert "in “first”" in earlier  # the earlier claim's article
    assert "verdict: False" in earlier
    assert "source: Port log" in earlier
    assert "m adopts this verdict and its sources" in earlier


def test_match_says_why_a_claim_matches_or_not(matched_db: Path) -> None:
    table = CliRunner().invoke(
        cli, ["match", "Ruritania shipped 40,000 tonnes of grain to Freedonia", "--db",
              str(matched_db)],
    ).output  # fmt: skip
    assert " match " in table.splitlines()[0]
    assert "agrees on: numbers 40000" in table
    opposite = CliRunner().invoke(
        cli, ["match", "Osterlich opened its border crossings on Monday.", "--db",
              str(matched_db)],
    ).output  # fmt: skip
    assert " match " not in opposite and "differs in: opening or closing" in opposite


def test_a_paraphrase_is_found_among_hundreds_of_claims_with_the_same_numbers(
    tmp_path: Path,
) -> None:
    """More than 100 claims share the numbers, so the candidates come from the words
    indexed with those numbers, not from the whole block."""
    import itertools

    from workbench.matching import lookup, search_terms

    syllables = ["ka", "lo", "ven", "tur", "mis", "do", "ral", "shen"]
    cargo = ["".join(p) for p in itertools.product(syllables, repeat=3)][:150]
    filler = "\n\n".join(
        f"The port of {name.title()} handled 40,000 tonnes of {name}ite last year."
        for name in cargo
    )
    with Store(tmp_path / "block.db") as store:
        store.add_article(*article_with(filler, "ports"), "alice")
        target_article, target = article_with(FIRST, "first")
        store.add_article(target_article, target, "alice")
        numkey = signature(target[0].claim).numkey
        in_block = store.db.conn.execute(
            "SELECT count(*) FROM claims WHERE numkey = ?", (numkey,)
        ).fetchone()[0]
        assert in_block == 151

        paraphrase = signature("40,000 tonnes of grain were shipped by Ruritania to Freedonia.")
        assert [cid for cid, _ in lookup(store, paraphrase)] == [target[0].id]
        other_words = signature("Osterlich paved 40,000 kilometres of mountain road.")
        assert store.match_candidates(other_words.numkey, search_terms(other_words)) == []
        other_number = signature("Ruritania has shipped 4,000 tonnes of grain to Freedonia.")
        assert lookup(store, other_number) == []
        # a claim like the filler is found among them by its own words
        one = signature("Last year 40,000 tonnes of kalovenite went through the port of Kaloven.")
        found = store.match_candidates(one.numkey, search_terms(one))
        kaloven = next(p for p in filler.split("\n\n") if "Kaloven " in p)
        assert [text for _, text in found] == [signature(kaloven).text]


def test_lines_of_figures_are_not_repeats_of_each_other_but_a_repeated_line_is() -> None:
    class NoEarlierClaims:
        def match_candidates(self, *args: object, **kwargs: object) -> list:
            return []

    lines = [f"The northern depot received {n} tonnes of seed in April." for n in (40, 45, 50)]
    lines += [
        "The northern depot did not receive 40 tonnes of seed in April.",
        "The northern depot received 45 tonnes of seed in April, officials said.",
    ]
    _, claims = article_with("\n\n".join(lines), "depots")
    found = link_article(NoEarlierClaims(), "depots", claims)
    assert found["duplicates"] == {claims[4].id: claims[1].id}


def test_more_candidates_than_can_be_scored_keep_the_best_worded(tmp_path: Path) -> None:
    """Past the limit the candidates are the ones the index ranks best, not the first
    stored: the same claim stored last is still among them."""
    from workbench.matching import search_terms

    crowd = "\n\n".join(
        f"Freedonia sold barrels of oil to Ruritania before the winter, {word} reported."
        for word in ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel")
    )
    with Store(tmp_path / "crowd.db") as store:
        store.add_article(*article_with(crowd, "crowd"), "alice")
        last_article, last = article_with(
            "Freedonia sold barrels of oil to Ruritania before the winter.", "last"
        )
        store.add_article(last_article, last, "alice")
        sig = signature(last[0].claim)
        assert len(store.match_candidates(sig.numkey, search_terms(sig), limit=100)) == 9
        found = store.match_candidates(sig.numkey, search_terms(sig), limit=3)
        assert len(found) == 3
        assert last[0].id in [cid for cid, _ in found]


def test_words_that_only_occur_together_count_as_one_when_candidates_crowd(
    tmp_path: Path,
) -> None:
    """Hundreds of claims share the phrase "barrels of oil": its two words count as one
    thing shared, not two rare words, and the same claim stored among them is still found."""
    from itertools import product

    from workbench.matching import search_terms
    from workbench.matching.signature import number_key

    places = ["Ruritania", "Freedonia", "Osterlich", "Genovia", "Latveria", "Borduria"]
    verbs = ["sold", "shipped", "sent", "moved", "pledged"]
    goods = ["barrels of oil", "tonnes of coal", "bales of wool"]
    when = ["this week", "last year", "by rail", "before the summit"]
    crowd = [
        f"{a} {v} {g} to {b} {w}."
        for a, b, v, g, w in product(places, places, verbs, goods, when)
        if a != b
    ]
    with Store(tmp_path / "crowd.db") as store:
        for start in range(0, len(crowd), 100):
            text = "\n\n".join(crowd[start : start + 100])
            store.add_article(*article_with(text, f"c{start}"), "a")
        query = signature("Borduria sold barrels of oil to Freedonia this week.")
        found = store.match_candidates(query.numkey, search_terms(query), limit=100)
        assert 0 < len(found) <= 100
        assert query.text in [text for _, text in found]  # the same claim, stored among them
        key = number_key("")
        together = store._shared.together  # what the index was asked
        assert together[(key + "barrel", key + "oil")][0] is True
        assert not any(ok for (a, b), (ok, _) in together.items() if "oil" not in a + b)


@pytest.mark.parametrize("n", range(1, 7))
def test_the_candidate_query_finds_claims_missing_at_most_one_rare_word(n: int) -> None:
    """Checked by FTS5 itself against every combination of six words."""
    import itertools
    import sqlite3

    from workbench.store.match_reads import _all_but_one

    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
    rows = [" ".join(c) for r in range(1, 7) for c in itertools.combinations(words, r)]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(words)")
    conn.executemany("INSERT INTO t (words) VALUES (?)", [(r,) for r in [*rows, "golf"]])
    query = _all_but_one("words", words[:n])
    found = {r for (r,) in conn.execute("SELECT words FROM t WHERE t MATCH ?", (query,))}
    needed = n - 1 if n >= 3 else n  # two of three, three of four …; both of two
    assert found == {r for r in rows if len(set(r.split()) & set(words[:n])) >= needed}


def test_a_contrast_list_with_a_word_on_two_sides_or_two_groups_of_one_name_is_refused() -> None:
    """Two groups of one name would pool their sides: 'jailed' and 'escaped' would be one
    side, and a claim holding both would say nothing in either."""
    from workbench.matching.vocabulary import _contrasts

    with pytest.raises(ValueError, match="two sides"):
        _contrasts(["custody: arrested freed | freed"], {})
    with pytest.raises(ValueError, match="two contrasts are named 'custody'"):
        _contrasts(["custody: arrested | freed", "custody: escaped | captured"], {})


def test_a_word_given_two_forms_is_refused() -> None:
    """'telephone = phone' and a later 'telephone = call' would silently keep the second,
    and "phone conversation" / "telephone conversation" would stop matching."""
    from workbench.matching.vocabulary import _forms

    assert _forms(["phoned = called", "telephone  =  phone"]) == {
        "phoned": "called",
        "telephone": "phone",
    }
    with pytest.raises(ValueError, match="'telephone' is given two forms"):
        _forms(["telephone = phone", "telephone = call"])


def test_a_decimal_written_without_its_leading_zero_is_a_number() -> None:
    """ "$.50" was no number at all, so "$.50" and "$.60" were worded alike."""
    from workbench.matching.signature import compared_numbers

    assert compared_numbers("a toll of $.50, up .5 percent, from 2.75") == ["0.5", "0.5", "2.75"]


def test_every_form_of_a_listed_verb_is_compared_as_one() -> None:
    """The stemmer leaves "approving" as "approv", unlike the listed "approved" ("approve"):
    a claim in the progressive would not be worded like one in the past."""
    from workbench.matching.signature import compared_form

    for forms in (
        ("approve", "approved", "approves", "approving"),
        ("arrive", "arrived", "arrives", "arriving"),
        ("remove", "removed", "removes", "removing"),
        ("release", "released", "releasing", "disclosing"),
    ):
        assert len({compared_form(form) for form in forms}) == 1, forms


@needs_model
def test_keys_read_at_split_time_are_the_ones_a_rebuild_reads(tmp_path: Path) -> None:
    from workbench.ingest.articles import prepare

    text = (
        "Ruritania shipped forty thousand tonnes of grain to Freedonia on Monday.\n\n"
        "Minister Halvard Brandt said the border would reopen in March, and the "
        "counter-protesters did not leave the bridge."
    )
    (item,) = prepare([Document(text=text, source="keys.txt")])
    assert all(c.match_keys is not None for c in item.claims)
    columns = "id, numkey, match_text, numbered_terms"
    with Store(tmp_path / "k.db") as store:
        store.add_article(item.article, item.claims, "tester")
        stored = store.db.conn.execute(f"SELECT {columns} FROM claims ORDER BY id").fetchall()
        assert stored == [
            (c.id, c.match_keys.numkey, c.match_keys.match_text, c.match_keys.numbered_terms)
            for c in sorted(item.claims, key=lambda c: c.id)
        ]
        store.rebuild()
        assert store.db.conn.execute(f"SELECT {columns} FROM claims ORDER BY id").fetchall() == (
            stored
        )
