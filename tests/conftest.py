"""Shared test set-up: Qt renders offscreen, so the suite runs with no display."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
