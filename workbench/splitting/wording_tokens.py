"""Token-level helpers of the stand-alone wording: runs, quotes, brackets, joining."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from spacy.tokens import Span, Token

from workbench.splitting.lexicon import (
    CLOSING_QUOTES,
    EDGE_PUNCT,
    ENCLOSING_PAIRS,
    END_MARKS,
    OMISSION_MARKS,
    OPENING_QUOTES,
    QUOTE_MARKS,
    REPLACEABLE,
    SUBJECT_DEPS,
)
from workbench.splitting.tokens import (
    skip_discourse_marker,
)


def subject_words(subject: Span) -> list[Token]:
    """The words of a subject phrase to copy: without relative clauses and edge punctuation,
    keeping the comma that closes an apposition ("X's minister, Tomas Reyk,")."""
    root = subject.root
    dropped: set[int] = set()
    for child in root.children:
        if child.dep_ in {"relcl", "acl"}:
            dropped.update(t.i for t in child.subtree)
    words = [t for t in subject if t.i not in dropped and not t.is_space]
    stripped: list[Token] = []
    while words and words[-1].text in EDGE_PUNCT:
        stripped.append(words.pop())
    commas = [t for t in stripped if t.text == ","]
    if commas and sum(t.text == "," for t in words) % 2 == 1:
        words.append(commas[-1])
    return words


def _runs(tokens: Sequence[Token]) -> list[list[Token]]:
    """Split tokens into runs of neighbours in the Doc."""
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and runs[-1][-1].i + 1 == token.i:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


#: the marks a removed frame leaves at either side of its gap
GAP_MARKS = EDGE_PUNCT | QUOTE_MARKS


def close_gaps(tokens: Sequence[Token], keep: Collection[int] = ()) -> list[Token]:
    """Drop commas, dashes and quotation marks left at either side of a gap where a frame was
    removed ('"The plan," she said, "will fail"'), but those in ``keep`` (the comma closing
    a phrase put before the frame)."""
    runs = _runs(tokens)
    for k, run in enumerate(runs):
        if k > 0:
            while run and run[0].text in GAP_MARKS:
                run.pop(0)
        if k + 1 < len(runs):
            while run and run[-1].text in GAP_MARKS and run[-1].i not in keep:
                run.pop()
    return [t for run in runs for t in run]


def _lstrip(tokens: list[Token], marks: Collection[str]) -> list[Token]:
    """Drop leading tokens whose text is one of ``marks``."""
    while tokens and tokens[0].text in marks:
        tokens = tokens[1:]
    return tokens


def _rstrip(tokens: list[Token], marks: Collection[str]) -> list[Token]:
    """Drop trailing tokens whose text is one of ``marks``."""
    while tokens and tokens[-1].text in marks:
        tokens = tokens[:-1]
    return tokens


def _encloses(tokens: Sequence[Token]) -> bool:
    """True when the first and last tokens are one pair of marks enclosing all the rest."""
    first, last = tokens[0].text, tokens[-1].text
    inner = [t.text for t in tokens[1:-1]]
    return (
        first in ENCLOSING_PAIRS
        and last == ENCLOSING_PAIRS[first]
        and first not in inner
        and last not in inner
    )


def _unpaired_opening(tokens: Sequence[Token]) -> bool:
    """True when the first token is an opening quotation mark that is never closed."""
    first = tokens[0].text
    return first in OPENING_QUOTES and ENCLOSING_PAIRS.get(first, first) not in [
        t.text for t in tokens[1:]
    ]


def _unpaired_closing(tokens: Sequence[Token]) -> bool:
    """True when the last token is a closing quotation mark that was never opened."""
    last = tokens[-1].text
    return last in CLOSING_QUOTES and not any(
        ENCLOSING_PAIRS.get(t.text) == last for t in tokens[:-1] if t.text in ENCLOSING_PAIRS
    )


def _closed_before_end(tokens: Sequence[Token]) -> bool:
    """True when a quotation mark opened in an earlier sentence closes right before the end
    mark: the last sentence of a quotation, '… all the mourning families".'."""
    return tokens[-1].text in END_MARKS and _unpaired_closing(tokens[:-1])


def _unquote_once(tokens: list[Token]) -> list[Token] | None:
    """The tokens without one enclosing pair or one unpaired quotation mark at an edge, or
    None when there is none to drop."""
    if _encloses(tokens):
        return tokens[1:-1]  # one quotation, nothing else
    if _unpaired_opening(tokens):
        return tokens[1:]
    if _unpaired_closing(tokens):
        return tokens[:-1]
    return None


def _drop_unpaired_parens(tokens: list[Token]) -> list[Token]:
    """Drop a parenthesis at either edge whose partner is missing."""
    texts = [t.text for t in tokens]
    if tokens and texts[0] == "(" and ")" not in texts:
        tokens = tokens[1:]
    if tokens and texts[-1] == ")" and "(" not in texts:
        tokens = tokens[:-1]
    return tokens


def strip_quotes(tokens: list[Token]) -> list[Token]:
    """Drop edge punctuation, enclosing quotation marks and quotation marks left unpaired."""
    tokens = _lstrip(tokens, EDGE_PUNCT | END_MARKS)
    tokens = _rstrip(_without_omissions(tokens), EDGE_PUNCT)
    for _ in range(3):
        if len(tokens) < 2:
            break
        unquoted = _unquote_once(tokens)
        if unquoted is None:
            break
        tokens = _lstrip(_rstrip(unquoted, EDGE_PUNCT), EDGE_PUNCT)
    tokens = _drop_unpaired_parens(tokens)
    if len(tokens) > 2 and tokens[-1].text in CLOSING_QUOTES and tokens[-2].text in EDGE_PUNCT:
        tokens = [*tokens[:-2], tokens[-1]]  # "… audacity,”" → "… audacity”"
    if len(tokens) > 2 and _closed_before_end(tokens):
        tokens = [*tokens[:-2], tokens[-1]]
    return tokens


def _without_omissions(tokens: list[Token]) -> list[Token]:
    """The tokens without a mark of words left out ("[…]") at either edge: a gap in a
    quotation is no word of its claim."""
    for phrase in OMISSION_MARKS:
        n = len(phrase)
        if len(tokens) > n and tuple(t.text for t in tokens[-n:]) == phrase:
            tokens = tokens[:-n]
        if len(tokens) > n and tuple(t.text for t in tokens[:n]) == phrase:
            tokens = tokens[n:]
    return tokens


def join_tokens(
    tokens: Sequence[Token], replace: Mapping[int, str], insert: Mapping[int, str]
) -> str:
    parts: list[str] = []
    for k, token in enumerate(tokens):
        parts.append(replace.get(token.i, token.text))
        if token.i in insert:
            parts.append(" " + insert[token.i])
        if k + 1 < len(tokens):
            following = tokens[k + 1]
            if following.i == token.i + 1:
                parts.append(token.whitespace_)
            elif following.text not in EDGE_PUNCT | END_MARKS | CLOSING_QUOTES:
                parts.append(" ")
    return "".join(parts).strip()


def end_mark(span: Span) -> str:
    """The sentence's own end mark: "." unless the span's sentence ends with "?" or "!"."""
    doc = span.doc
    end = span.end
    if doc.has_annotation("SENT_START"):
        end = doc[span.end - 1].sent.end
    for token in reversed(doc[span.start : end]):
        if token.is_space or token.text in CLOSING_QUOTES:
            continue
        return token.text if token.text in {"?", "!"} else "."
    return "."


def verbatim(tokens: Sequence[Token]) -> bool:
    """True when no wording rule can apply: the span reads as a sentence already."""
    if len(tokens) < 2 or tokens[-1].text not in END_MARKS:
        return False
    first = tokens[0]
    if not first.is_title and not first.is_digit and not first.is_upper:
        return False
    if first.pos_ == "CCONJ" or first.dep_ == "mark" or skip_discourse_marker(tokens[:6]):
        return False
    if _closed_before_end(tokens):
        return False
    return not any(t.lower_ in REPLACEABLE and t.dep_ in SUBJECT_DEPS for t in tokens)
