"""The review domain: rubrics, evidence, a claim's derived state, the queue, agreement, history.

Pure functions over events and values; no storage, no UI.
"""
