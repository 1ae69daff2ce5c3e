"""Offline work on the learned models: the labelled data sets, fitting, and evaluation.

Nothing here runs when an article is split; the shipped models are read by
:mod:`workbench.splitting.models`. Training needs scikit-learn (``pip install
'workbench[train]'``).

Modules: ``datasets`` (the labelled files), ``metrics`` (precision, recall, F1, confusion
matrix), ``train`` (fitting), ``evaluate`` (a shipped model on a labelled file).
"""
