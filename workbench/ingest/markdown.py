"""Markdown articles to plain text: front matter (title, outlet, url, date) and a body with
the markup taken out, paragraphs kept. A reader for articles, not a renderer: links keep
their words, images and raw HTML nothing. The Markdown itself is parsed by markdown-it-py."""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

_FRONT_KEYS = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "source": "outlet",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "published": "published",
    "date": "published",
}


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` front matter block into (fields, body).

    Our own reader, not mdit-py-plugins' front matter: the plugin only finds the block and
    leaves its YAML to a YAML library we do not otherwise need, for four flat keys.

    Only simple ``key: value`` lines are understood; recognised keys are mapped to
    Document field names (title, outlet, url, published). Without a closed block the
    text is returned unchanged.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, text
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if not sep:
            continue
        field = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        if field and value and field not in fields:
            fields[field] = value
    return fields, "\n".join(lines[end + 1 :])


@functools.cache
def _parser() -> MarkdownIt:
    # CommonMark with tables and strikethrough; raw HTML is recognised so that it is dropped
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _inline_text(token: Token) -> str:
    """The words of an inline token: link and emphasis text kept, images and HTML dropped."""
    words: list[str] = []
    for child in token.children or ():
        if child.type == "image":
            continue  # its alt text is not the article's
        if child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
    return "".join(words)


def markdown_to_text(body: str) -> tuple[str, str | None]:
    """Turn Markdown into plain prose; return (text, first level-1 heading or None).

    Parsed as CommonMark by markdown-it-py. Each paragraph, heading, list item, table row
    and line of code is a paragraph of the text; link and emphasis syntax is reduced to its
    words; images, raw HTML and comments are dropped. The first ``# Heading`` (if it opens
    the document) is removed from the text and returned separately.
    """
    paragraphs: list[str] = []
    heading: str | None = None
    level = 0
    row: list[str] | None = None
    for token in _parser().parse(body):
        if token.type == "heading_open":
            level = int(token.tag[1])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            paragraphs.append(" | ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            text = _inline_text(token).strip()
            if row is not None:
                row.append(text)
            elif level == 1 and heading is None and not paragraphs and text:
                heading = text
            elif text:
                paragraphs.append(text)
            level = 0
        elif token.type in ("fence", "code_block"):
            paragraphs.extend(line.strip() for line in token.content.split("\n") if line.strip())
    text = "\n\n".join(p for p in (re.sub(r"\s+", " ", p).strip() for p in paragraphs) if p)
    return text, heading
