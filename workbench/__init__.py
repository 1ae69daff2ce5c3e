"""workbench: a fact-check workbench for geopolitical claims."""

__version__ = "0.1.0"
