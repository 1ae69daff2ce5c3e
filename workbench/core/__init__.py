"""Values, errors, ids and paths every layer may use; imports nothing of workbench."""
