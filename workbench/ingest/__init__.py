"""From a path, URL or text to cleaned, split articles.

Decode, convert (Markdown, HTML), fetch, clean, split and derive stable ids.
"""
