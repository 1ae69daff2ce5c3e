"""The review TUI (Textual). Imported only by `workbench review`; core never imports it."""
