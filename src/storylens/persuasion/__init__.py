"""Persuasion techniques, frames, genre and check-worthiness classifiers (offline, CPU).

    from storylens.persuasion import Classifiers
    clf = Classifiers.load()
    clf.techniques(["passage", ...], documents=[doc, ...]); clf.frames([doc]); clf.genre([doc])
    clf.checkworthiness([sentence, ...])  # calibrated probabilities

See docs/models.md for the data, label maps, scores and known weaknesses.
"""

from .labels import FRAMES, GENRES, TECHNIQUES
from .models import Classifiers, Head

__all__ = ["Classifiers", "Head", "TECHNIQUES", "FRAMES", "GENRES"]
