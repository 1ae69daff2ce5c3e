"""Boilerplate removal: every bundled rule, the sample article, rule files and a property."""

from __future__ import annotations

import dataclasses
import os
import re
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.errors import InputError
from workbench.core.values import Dropped
from workbench.ingest.clean import Rules, clean, load_rules, split_paragraphs
from workbench.ingest.read import read_sources

FIXTURES = Path(__file__).parent / "fixtures"
NEWS = "Ruritania shipped 40,000 tonnes of grain to Freedonia in March."
NEWS2 = "Osterlich said it would review its trade ties."


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("WORKBENCH_BOILERPLATE", raising=False)


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Rules:
    """The bundled rules only (module-scoped fixtures run before conftest's isolation)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        mp.delenv("XDG_CONFIG_HOME", raising=False)
        mp.delenv("WORKBENCH_BOILERPLATE", raising=False)
        return load_rules()


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n") if text else []


# -- every bundled rule -----------------------------------------------------------------------

# (rule, input, expected kept text, expected dropped text)
RULE_CASES = [
    # paragraph scope: the whole appeal paragraph goes
    (
        "donation-appeal",
        "Your support helps us to tell the story. Support Now",
        "",
        "Your support helps us to tell the story. Support Now",
    ),
    (
        "donation-appeal",
        "Foreign news is costly. Your donation allows us to keep reporters in the field. "
        "Please make a monthly contribution.",
        "",
        None,
    ),
    ("donation-appeal", "Support us today from just £1.", "", None),
    ("donation-appeal", "Make a contribution today and keep our reporting free.", "", None),
    ("subscription-appeal", "Subscribe today for unlimited access to our journalism.", "", None),
    ("cookie-notice", "We use cookies to improve your experience. Accept all cookies", "", None),
    # inline scope: the span goes, the news stays
    (
        "image-caption",
        f"open image in gallery Two ministers meet in Port Selene ( Meridian Pictures )\n\n{NEWS}",
        NEWS,
        "open image in gallery Two ministers meet in Port Selene ( Meridian Pictures )",
    ),
    (
        "image-caption-label",
        f"{NEWS} Image caption: The port at Selene Bay in 2025.",
        NEWS,
        "Image caption: The port at Selene Bay in 2025.",
    ),
    (
        "photo-credit",
        f"Photo: Jane Roe/Reuters\n\n{NEWS} (Photo: Meridian Pictures)",
        NEWS,
        "Photo: Jane Roe/Reuters",
    ),
    ("read-more", f"{NEWS} Read more", NEWS, "Read more"),
    (
        "read-more",
        f"{NEWS}\nRead More: Osterlich recalls its ambassador",
        NEWS,
        "Read More: Osterlich recalls its ambassador",
    ),
    ("share-this", f"{NEWS} Share this article", NEWS, "Share this article"),
    (
        "share-buttons",
        f"Facebook Twitter Email WhatsApp\n\n{NEWS}",
        NEWS,
        "Facebook Twitter Email WhatsApp",
    ),
    (
        "newsletter-signup",
        f"{NEWS} Sign up to our free World Briefing newsletter for the day's top stories.",
        NEWS,
        "Sign up to our free World Briefing newsletter for the day's top stories.",
    ),
    ("advertisement", f"{NEWS}\nAdvertisement\n{NEWS2}", f"{NEWS}\n\n{NEWS2}", "Advertisement"),
    (
        "advertisement",
        f"{NEWS} Story continues below advertisement {NEWS2}",
        f"{NEWS}\n\n{NEWS2}",
        "Story continues below advertisement",
    ),
    (
        "paywall",
        f"{NEWS} Subscribe to continue reading. Already a subscriber? Log in",
        NEWS,
        "Subscribe to continue reading.",
    ),
    ("paywall", f"This article is for subscribers only.\n\n{NEWS}", NEWS, None),
    (
        "click-here",
        f"{NEWS} Click here to get our daily alerts.",
        NEWS,
        "Click here to get our daily alerts.",
    ),
    ("byline", f"By our diplomatic editor\n\n{NEWS}", NEWS, "By our diplomatic editor"),
    ("byline", f"By Irena Vos and Tomas Reyk in Selene Bay\n\n{NEWS}", NEWS, None),
    (
        "caption-with-credit",
        f"{NEWS}\nDockers at the Lenz quay. Image: Irena Vos (flickr).\n{NEWS2}",
        f"{NEWS}\n\n{NEWS2}",
        "Dockers at the Lenz quay. Image: Irena Vos (flickr).",
    ),
    ("dateline", f"Friday, March 6, 2026\n\n{NEWS}", NEWS, "Friday, March 6, 2026"),
    ("dateline", f"6 March 2026\n\n{NEWS}", NEWS, None),
    (
        "legend-swatch",
        f"{NEWS}\n██ Held by Osterlich\n██ Held by Ruritania\n{NEWS2}",
        f"{NEWS}\n\n{NEWS2}",
        "██ Held by Osterlich",
    ),
    (
        "inbox-signup",
        f"{NEWS} Get our weekly digest in your inbox every Friday.",
        NEWS,
        "Get our weekly digest in your inbox every Friday.",
    ),
]


@pytest.mark.parametrize(
    ("rule", "text", "kept", "dropped"), RULE_CASES, ids=[c[0] for c in RULE_CASES]
)
def test_rule(rules: Rules, rule: str, text: str, kept: str, dropped: str | None) -> None:
    result = clean(text, rules)
    assert result.text == kept
    assert result.dropped, "nothing was dropped"
    assert rule in {d.rule for d in result.dropped}
    if dropped is not None:
        assert Dropped(dropped, rule) in result.dropped


def test_every_bundled_rule_is_tested(rules: Rules) -> None:
    assert set(rules.names) == {c[0] for c in RULE_CASES}
    assert all(r.description for r in rules.rules)


@pytest.mark.parametrize(
    "text",
    [
        "The donation of 40 ambulances was announced on Monday.",
        "Russia will make a contribution to the reconstruction fund, the minister said.",
        "“Your support means everything to us,” Ms Vos told Mr Halvard.",
        '"Support us today, not tomorrow," the protesters chanted outside the embassy.',
        "The union will support us now, the minister said.",
        "Freedonia hopes to become a member of the customs union by 2027.",
        "Inspectors were given unlimited access to the site for a week.",
        "People read more newspapers in 2025 than in 2024.",
        "Advertisement spending in Ruritania rose by 4 per cent.",
        "Facebook, Twitter and WhatsApp were blocked in the region on Sunday.",
        "Officials used a photo of the port to argue that the site was ready.",
        "The ministry said users who click here to register were misled.",
        "Countries that sign up to the treaty will share grain data.",
        "Freedonia's Cookie Policy Act was passed in 2024, officials said.",
        "By Tuesday, the port of Selene Bay had reopened.",
        "By then Ruritania had withdrawn its ambassador.",
        "By our count, 40 ships were waiting outside the harbour.",
        "The ministry said it would get the figures to every inbox in the region.",
        "On Friday, March 6, 2026, the port of Selene Bay reopened.",
        "The talks were set for 6 March 2026, the ministry said.",
        "Photo identification will be required at the border from 2026.",
        "The image: a port closed for a month, its cranes idle.",
    ],
)
def test_news_is_kept(rules: Rules, text: str) -> None:
    assert clean(text, rules) == clean(text, Rules())
    assert clean(text, rules).text == text


# -- the sample article -----------------------------------------------------------------------


def test_sample_article(rules: Rules) -> None:
    resource = resources.files("workbench").joinpath("data", "sample_article.md")
    with resources.as_file(resource) as path:
        (doc,) = read_sources([str(path)])
    source_paragraphs = doc.text.split("\n\n")
    result = clean(doc.text, rules)

    assert [d.rule for d in result.dropped] == [
        "donation-appeal",
        "image-caption",
        "newsletter-signup",
        "share-this",
    ]
    appeal, caption, newsletter, share = (d.text for d in result.dropped)
    assert appeal == source_paragraphs[0]
    assert caption.startswith("open image in gallery") and caption.endswith("( Meridian Pictures )")
    assert newsletter.startswith("Sign up to our free") and newsletter.endswith("top stories.")
    assert share == "Share this article"

    news = [p for p in source_paragraphs if p not in (appeal, caption, source_paragraphs[-1])]
    assert len(news) == 10
    assert paragraphs(result.text) == news


def test_sample_article_is_stable(rules: Rules) -> None:
    text = resources.files("workbench").joinpath("data", "sample_article.md").read_text("utf-8")
    once = clean(text, rules).text
    assert clean(once, rules).text == once


# -- paragraph handling -------------------------------------------------------------------------


def test_glued_caption_is_cut_and_split(rules: Rules) -> None:
    text = (
        "The two countries agreed to deepen their cooperation. open image in gallery Two men "
        "shake hands in Paris ( AFP ) “We are partners now,” Ms Vos said."
    )
    result = clean(text, rules)
    assert paragraphs(result.text) == [
        "The two countries agreed to deepen their cooperation.",
        "“We are partners now,” Ms Vos said.",
    ]
    assert result.dropped == (
        Dropped("open image in gallery Two men shake hands in Paris ( AFP )", "image-caption"),
    )


def test_caption_with_parentheses_inside(rules: Rules) -> None:
    text = f"open image in gallery Mr Halvard (left) greets Ms Vos ( Meridian Pictures ) {NEWS}"
    result = clean(text, rules)
    assert result.text == NEWS
    assert result.dropped[0].text.endswith("( Meridian Pictures )")


def test_cut_mid_sentence_rejoins(rules: Rules) -> None:
    result = clean("The minister said Read more that the talks would go on.", rules)
    assert result.text == "The minister said that the talks would go on."
    assert result.dropped == (Dropped("Read more", "read-more"),)


def test_appeal_glued_with_read_more_at_both_ends(rules: Rules) -> None:
    appeal = (
        "Your support helps us to tell the story Read more Support Now From trade to climate, "
        "our correspondents are on the ground. Reporting from war zones is expensive. "
        "Your donation allows us to keep sending reporters. Your support makes all the "
        "difference. Read more"
    )
    result = clean(f"{appeal}\n\n{NEWS}", rules)
    assert result.text == NEWS
    assert result.dropped == (Dropped(appeal, "donation-appeal"),)


def test_mixed_paragraph_with_one_appeal_sentence_is_kept(rules: Rules) -> None:
    text = f"{NEWS} {NEWS2} Your support helps us report from Freedonia."
    assert clean(text, rules).text == text


def test_dropped_in_document_order(rules: Rules) -> None:
    text = (
        f"Advertisement\n\n{NEWS} Read more\n\nSupport us today.\n\n"
        f"{NEWS2} open image in gallery A port ( AFP )"
    )
    result = clean(text, rules)
    assert [d.rule for d in result.dropped] == [
        "advertisement",
        "read-more",
        "donation-appeal",
        "image-caption",
    ]
    assert paragraphs(result.text) == [NEWS, NEWS2]


def test_whitespace_collapsed_within_lines() -> None:
    text = "  Ruritania\t\tshipped   grain. \n   Freedonia   paid.  \r\n \t \n\n\n  Next   one.  "
    assert split_paragraphs(text) == ["Ruritania shipped grain.\nFreedonia paid.", "Next one."]
    assert clean(text, Rules()).text == "Ruritania shipped grain.\nFreedonia paid.\n\nNext one."


def test_empty_text(rules: Rules) -> None:
    assert clean("", rules).text == ""
    assert clean(" \n\n \n", rules).dropped == ()


def test_default_rules_are_loaded() -> None:
    result = clean(f"{NEWS} Read more")
    assert result.text == NEWS
    assert result.dropped == (Dropped("Read more", "read-more"),)


# -- rule files --------------------------------------------------------------------------------


def test_rules_are_frozen(rules: Rules) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.rules = ()  # type: ignore[misc]
    assert all(r.scope in ("paragraph", "inline") for r in rules.rules)
    assert all(isinstance(r.pattern, re.Pattern) for r in rules.rules)
    assert all(r.pattern.flags & re.IGNORECASE for r in rules.rules)


def test_user_rules_via_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text(
        '[[rule]]\nname = "wire-tag"\nscope = "inline"\npattern = "\\\\(Wire\\\\)"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(
        "WORKBENCH_BOILERPLATE",
        os.pathsep.join([str(FIXTURES / "clean_user_rules.toml"), str(other)]),
    )
    rules = load_rules()
    assert "ledger-promo" in rules.names and "wire-tag" in rules.names
    assert "click-here" not in rules.names  # switched off by the user file
    assert {"donation-appeal", "image-caption", "read-more"} <= set(rules.names)

    text = f"{NEWS} Listen to the Ledger podcast every Friday. (Wire) Click here to vote."
    result = clean(text, rules)
    assert result.text == f"{NEWS}\n\nClick here to vote."
    assert [d.rule for d in result.dropped] == ["ledger-promo", "wire-tag"]


def test_user_rules_in_home_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    home = tmp_path / "home"
    config = home / ".config" / "workbench" / "boilerplate.toml"
    config.parent.mkdir(parents=True)
    config.write_text(
        '[[rule]]\nname = "read-more"\nscope = "inline"\npattern = "Keep reading"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("HOME", str(home))
    rules = load_rules()
    assert rules.names.count("read-more") == 1
    result = clean(f"{NEWS} Keep reading", rules)
    assert result.text == NEWS and result.dropped == (Dropped("Keep reading", "read-more"),)
    assert clean(f"{NEWS} Read more", rules).dropped == ()  # the user rule replaced it


def test_extra_rule_files(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[rule]]\nname = "promo"\nscope = "paragraph"\npattern = "^Try our app"\n'
        'description = "App promotion"\n',
        encoding="utf-8",
    )
    rules = load_rules([extra])
    assert rules.names[-1] == "promo"
    assert clean(f"Try our app for free.\n\n{NEWS}", rules).text == NEWS


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('[[rule]]\nname = "x"\npattern = "a\nscope = "inline"\n', r"bad TOML: .*line 3"),
        (
            '[[rule]]\nname = "broken-paren"\nscope = "inline"\npattern = "(unclosed"\n',
            r"rule 'broken-paren' has an invalid pattern: missing \), unterminated subpattern",
        ),
        ('[[rule]]\nname = "x"\nscope = "page"\npattern = "a"\n', r"rule 'x' has scope 'page'"),
        ('[[rule]]\nname = "x"\nscope = "inline"\n', r"rule 'x' needs a non-empty string"),
        ('[[rule]]\nscope = "inline"\npattern = "a"\n', r"rule #1 needs a non-empty string 'name'"),
        (
            '[[rule]]\nname = "x"\nscope = "inline"\npattern = "a"\nflags = "i"\n',
            r"rule 'x' has unknown key 'flags'",
        ),
        (
            '[[rule]]\nname = "x"\nscope = "inline"\npattern = "a*"\n',
            r"rule 'x' has a pattern that matches empty text",
        ),
        (
            '[[rule]]\nname = "x"\nscope = "inline"\npattern = "a"\n' * 2,
            r"rule 'x' is defined twice",
        ),
        ('[[rules]]\nname = "x"\n', r"unknown top-level key 'rules'"),
    ],
    ids=["toml", "regex", "scope", "pattern", "name", "key", "empty-match", "twice", "top-level"],
)
def test_malformed_rules_file(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "boilerplate.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_rules([path])
    message = str(info.value)
    assert message.startswith(f"invalid boilerplate rules in {path}: ")
    assert re.search(problem, message), message
    assert "\n" not in message


def test_missing_rules_file_in_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WORKBENCH_BOILERPLATE", str(tmp_path / "nope.toml"))
    with pytest.raises(InputError, match=r"no such boilerplate rules file: .*nope\.toml"):
        load_rules()


def test_empty_environment_entries_ignored(monkeypatch: pytest.MonkeyPatch, rules: Rules) -> None:
    monkeypatch.setenv("WORKBENCH_BOILERPLATE", os.pathsep)
    assert load_rules().names == rules.names


# -- property ----------------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "Read more",
        "Support Now",
        "Your support helps us",
        "open image in gallery",
        "( AFP )",
        "(",
        ")",
        "Share this article",
        "Facebook Twitter Email",
        "Advertisement",
        "Sign up to our newsletter",
        "Subscribe to continue reading",
        "“",
        "”",
        '"',
        ". ",
        "\n",
        "\n\n",
        " ",
        "\t",
        "Ruritania",
        "said",
        "grain",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join),
)


def _squash(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


@given(text=TEXTS)
@settings(max_examples=300, deadline=None)
def test_clean_never_invents_text(rules: Rules, text: str) -> None:
    result = clean(text, rules)
    flat = " ".join(text.split())
    for paragraph in paragraphs(result.text):
        assert paragraph and paragraph == paragraph.strip()
        assert "\n\n" not in paragraph
        # every kept paragraph is made of the input's text, in order
        assert _is_subsequence(_squash(paragraph), _squash(text))
        # and, line by line, pieces of the whitespace-collapsed input
        for line in paragraph.split("\n"):
            assert all(part in flat for part in line.split(" "))
    for dropped in result.dropped:
        assert dropped.text and dropped.rule in rules.names
    # nothing is lost without a record: kept + dropped account for every non-space char
    accounted = len(_squash(result.text)) + sum(len(_squash(d.text)) for d in result.dropped)
    assert accounted == len(_squash(text))


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_clean_without_rules_only_reflows(text: str) -> None:
    flat = " ".join(text.split())
    result = clean(text, Rules())
    assert result.dropped == ()
    for paragraph in paragraphs(result.text):
        assert " ".join(paragraph.split()) in flat
