"""What a user does, written once and called by both faces (CLI and TUI).

Ingest an article, review actions, import and merge events.
"""
