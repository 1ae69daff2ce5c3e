"""Markdown articles to plain text: front matter (title, outlet, url, date) and a body with
the markup taken out, paragraphs kept. A reader for articles, not a renderer: links keep
their words, images and code fences their nothing."""

from __future__ import annotations

import re

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


_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE_RE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE_RE = re.compile(r"^ {0,3}(?:```|~~~)")
_LIST_RE = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE_RE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_REFDEF_RE = re.compile(r"^ {0,3}\[[^\[\]]{1,500}\]:[ \t]*\S+.*$")
_IMAGE_RE = re.compile(r"!\[[^\[\]]{0,500}\](?:\([^()]{0,2000}\)|\[[^\[\]]{0,500}\])")
_LINK_RE = re.compile(
    r"\[([^\[\]]{1,500})\]\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:[ \t]+\"[^\"]{0,500}\")?\)"
)
_REFLINK_RE = re.compile(r"\[([^\[\]]{1,500})\]\[[^\[\]]{0,500}\]")
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_EM_STAR_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER_RE = re.compile(r"(?<![\w_])_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?![\w_])")
_STRIKE_RE = re.compile(r"~~(?=\S)(.{1,300}?)(?<=\S)~~")
_CODE_RE = re.compile(r"`{1,3}([^`]{1,300})`{1,3}")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def _inline_markdown(line: str) -> str:
    line = _IMAGE_RE.sub("", line)
    line = _LINK_RE.sub(r"\1", line)
    line = _REFLINK_RE.sub(r"\1", line)
    line = _AUTOLINK_RE.sub(r"\1", line)
    line = _CODE_RE.sub(r"\1", line)
    line = _STRONG_RE.sub(r"\2", line)
    line = _EM_STAR_RE.sub(r"\1", line)
    line = _EM_UNDER_RE.sub(r"\1", line)
    line = _STRIKE_RE.sub(r"\1", line)
    return _ESCAPE_RE.sub(r"\1", line)


def _strip_comments(text: str) -> str:
    """Remove ``<!-- ... -->`` comments (an unclosed one runs to the end)."""
    parts: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        parts.append(text[pos:start])
        end = text.find("-->", start + 4)
        pos = len(text) if end < 0 else end + 3
    parts.append(text[pos:])
    return "".join(parts)


def markdown_to_text(body: str) -> tuple[str, str | None]:
    """Turn Markdown into plain prose; return (text, first level-1 heading or None).

    Paragraph lines are joined with spaces, headings and list items become their own
    paragraphs, and link/emphasis syntax is reduced to its text. The first ``# Heading``
    (if it opens the document) is removed from the text and returned separately.
    """
    body = _strip_comments(body)
    paragraphs: list[str] = []
    current: list[str] = []
    heading: str | None = None
    seen_content = False
    in_fence = False

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    lines = body.split("\n")
    for raw in lines:
        if _FENCE_RE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if raw.strip():
                paragraphs.append(raw.strip())
            continue
        line = _QUOTE_RE.sub("", raw)
        if not line.strip():
            flush()
            continue
        if _REFDEF_RE.match(line):
            continue
        if current and _SETEXT_RE.match(line):
            # the previous lines were a setext heading; the underline goes
            flush()
            seen_content = True
            continue
        if _RULE_RE.match(line):
            flush()
            continue
        h = _HEADING_RE.match(line)
        if h:
            flush()
            content = _inline_markdown(line[h.end() :].strip().rstrip("#").strip())
            if content:
                if not seen_content and heading is None and len(h.group(1)) == 1:
                    heading = content
                else:
                    paragraphs.append(content)
            seen_content = True
            continue
        seen_content = True
        item = _LIST_RE.match(line)
        if item and current and item.group(0).strip()[0].isdigit():
            # only an ordered list starting at 1 may interrupt a paragraph
            item = None if item.group(0).strip()[:-1] != "1" else item
        if item:
            flush()
            current.append(_inline_markdown(line[item.end() :].strip()))
            continue
        current.append(_inline_markdown(line.strip()))
    flush()
    text = "\n\n".join(p for p in (re.sub(r"[ \t]+", " ", p).strip() for p in paragraphs) if p)
    return text, heading
