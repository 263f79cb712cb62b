"""Label sets of the shipped classifiers and the maps from each public data set onto them.

The main technique label set is SemEval-2023 Task 3 subtask 3 (23 techniques). Other data
sets are mapped onto it where a label means the same thing. A source label that merges
several targets (PTC-2020 "Whataboutism,Straw_Men,Red_Herring") or matches none exactly
(UNLP-2025 "fud") makes those targets *unknown* for that text: they are left out of the
loss instead of being counted as negatives. Targets a data set never annotated are unknown
for all of its texts (see ``observed``).
"""

from __future__ import annotations

TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_Popularity",
    "Appeal_to_Values",
    "Appeal_to_Fear-Prejudice",
    "Flag_Waving",
    "Causal_Oversimplification",
    "False_Dilemma-No_Choice",
    "Consequential_Oversimplification",
    "Straw_Man",
    "Red_Herring",
    "Whataboutism",
    "Slogans",
    "Appeal_to_Time",
    "Conversation_Killer",
    "Loaded_Language",
    "Repetition",
    "Exaggeration-Minimisation",
    "Obfuscation-Vagueness-Confusion",
    "Name_Calling-Labeling",
    "Doubt",
    "Guilt_by_Association",
    "Appeal_to_Hypocrisy",
    "Questioning_the_Reputation",
)

FRAMES: tuple[str, ...] = (
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
)

GENRES: tuple[str, ...] = ("opinion", "reporting", "satire")

SEMEVAL_LANGUAGES: tuple[str, ...] = ("en", "fr", "ge", "it", "po", "ru")

# ---------------------------------------------------------------- dataset label maps
# value: a tuple of one target (exact match) or several targets (ambiguous: all unknown),
# or () for a label with no counterpart (ignored).

PTC2020_MAP: dict[str, tuple[str, ...]] = {
    "Appeal_to_Authority": ("Appeal_to_Authority",),
    "Appeal_to_fear-prejudice": ("Appeal_to_Fear-Prejudice",),
    "Bandwagon,Reductio_ad_hitlerum": ("Appeal_to_Popularity", "Guilt_by_Association"),
    "Black-and-White_Fallacy": ("False_Dilemma-No_Choice",),
    "Causal_Oversimplification": ("Causal_Oversimplification",),
    "Doubt": ("Doubt",),
    "Exaggeration,Minimisation": ("Exaggeration-Minimisation",),
    "Flag-Waving": ("Flag_Waving",),
    "Loaded_Language": ("Loaded_Language",),
    "Name_Calling,Labeling": ("Name_Calling-Labeling",),
    "Repetition": ("Repetition",),
    "Slogans": ("Slogans",),
    "Thought-terminating_Cliches": ("Conversation_Killer",),
    "Whataboutism,Straw_Men,Red_Herring": ("Whataboutism", "Straw_Man", "Red_Herring"),
}

UNLP2025_MAP: dict[str, tuple[str, ...]] = {
    "loaded_language": ("Loaded_Language",),
    "glittering_generalities": ("Appeal_to_Values",),
    "appeal_to_fear": ("Appeal_to_Fear-Prejudice",),
    "fud": ("Appeal_to_Fear-Prejudice", "Doubt"),  # fear, uncertainty, doubt: no single target
    "bandwagon": ("Appeal_to_Popularity",),
    "cliche": ("Conversation_Killer",),
    "whataboutism": ("Whataboutism",),
    "straw_man": ("Straw_Man",),
    "euphoria": (),  # no counterpart in SemEval-2023
    "cherry_picking": (),  # no counterpart in SemEval-2023
}

MEMES2021_MAP: dict[str, tuple[str, ...]] = {
    "Appeal to authority": ("Appeal_to_Authority",),
    "Appeal to fear/prejudice": ("Appeal_to_Fear-Prejudice",),
    "Bandwagon": ("Appeal_to_Popularity",),
    "Black-and-white Fallacy/Dictatorship": ("False_Dilemma-No_Choice",),
    "Causal Oversimplification": ("Causal_Oversimplification",),
    "Doubt": ("Doubt",),
    "Exaggeration/Minimisation": ("Exaggeration-Minimisation",),
    "Flag-waving": ("Flag_Waving",),
    "Glittering generalities (Virtue)": ("Appeal_to_Values",),
    "Loaded Language": ("Loaded_Language",),
    "Misrepresentation of Someone's Position (Straw Man)": ("Straw_Man",),
    "Name calling/Labeling": ("Name_Calling-Labeling",),
    "Obfuscation, Intentional vagueness, Confusion": ("Obfuscation-Vagueness-Confusion",),
    "Presenting Irrelevant Data (Red Herring)": ("Red_Herring",),
    "Reductio ad hitlerum": ("Guilt_by_Association",),
    "Repetition": ("Repetition",),
    "Slogans": ("Slogans",),
    "Smears": ("Questioning_the_Reputation",),
    "Thought-terminating cliché": ("Conversation_Killer",),
    "Whataboutism": ("Whataboutism",),
}


def observed(label_map: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """Targets a data set annotated: those some source label maps onto (exactly or ambiguously).

    UNLP-2025's "fud" makes Doubt a target only through an ambiguous label, so Doubt is
    never a known negative there either; that is handled by excluding targets reached only
    ambiguously.
    """
    exact = {targets[0] for targets in label_map.values() if len(targets) == 1}
    ambiguous = {t for targets in label_map.values() if len(targets) > 1 for t in targets}
    # A target reached only through an ambiguous label is known *negative* only where the
    # ambiguous label is absent; for PTC-2020 that holds (the merged classes were annotated),
    # for UNLP's "fud" (a different notion) it does not.
    return frozenset(exact | (ambiguous if label_map is PTC2020_MAP else set()))


def map_labels(
    source_labels: list[str] | set[str], label_map: dict[str, tuple[str, ...]]
) -> tuple[set[str], set[str]]:
    """Source labels → (positive targets, unknown targets) for one text."""
    positive: set[str] = set()
    unknown: set[str] = set()
    for label in source_labels:
        if label not in label_map:
            raise KeyError(f"unmapped label {label!r}")
        targets = label_map[label]
        if len(targets) == 1:
            positive.add(targets[0])
        else:
            unknown.update(targets)
    unknown -= positive
    return positive, unknown
