"""Paritrana Desktop: offline scoring for the Paritrana Award interviews."""

__version__ = "0.1.0"
