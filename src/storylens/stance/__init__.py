"""Who asserts and who denies: the stance of a passage towards a claim, and claim checking.

    from storylens.stance import Side, shipped
    label, probs = shipped().stance(Side.of([claim]), Side.of(sentences, lang="ru"))

Labels are FNC-1's: ``agree``, ``disagree``, ``discuss`` (reports it without taking a side),
``unrelated``. The model (:mod:`storylens.stance.model`, weights in ``weights/stance.npz``) is a
small network over multilingual encoder, word-overlap, cue and number features
(:mod:`storylens.stance.features`), trained on FNC-1 by :mod:`storylens.stance.train`.
:mod:`storylens.stance.check` checks a user's claim against a store. See docs/stance.md.
"""

from storylens.stance.features import Side
from storylens.stance.model import StanceModel, shipped

__all__ = ["Side", "StanceModel", "shipped"]
