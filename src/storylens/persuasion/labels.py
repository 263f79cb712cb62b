"""Label sets of the shipped classifiers and the maps from each public data set onto them.

The technique label set is SemEval-2023 Task 3 subtask 3 (23 techniques) plus the three
UNLP-2025 techniques that have no SemEval counterpart (Euphoria, Cherry_Picking,
Fear_Uncertainty_Doubt). Every label of every data set maps onto it: exactly (one target) or
as a merged class (PTC-2020 "Whataboutism,Straw_Men,Red_Herring"), whose presence makes its
targets *unknown* for that text (left out of the loss) and whose absence makes them known
negatives. Targets a data set never annotated are unknown for all of its texts
(see ``observed``). Each data set is scored in its own label space (``to_source``).
"""

from __future__ import annotations

SEMEVAL2023_TECHNIQUES: tuple[str, ...] = (
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
# UNLP-2025 techniques without a SemEval-2023 counterpart (Telegram posts, ru/uk)
TECHNIQUES: tuple[str, ...] = (*SEMEVAL2023_TECHNIQUES, "Euphoria", "Cherry_Picking", "Fear_Uncertainty_Doubt")

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

SEMEVAL2023_MAP: dict[str, tuple[str, ...]] = {t: (t,) for t in SEMEVAL2023_TECHNIQUES}

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
    "fud": ("Fear_Uncertainty_Doubt",),  # UNLP's own notion: no single SemEval-2023 target
    "bandwagon": ("Appeal_to_Popularity",),
    "cliche": ("Conversation_Killer",),
    "whataboutism": ("Whataboutism",),
    "straw_man": ("Straw_Man",),
    "euphoria": ("Euphoria",),
    "cherry_picking": ("Cherry_Picking",),
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
    """Targets a data set annotated: those some source label maps onto, exactly or as one of a
    merged class (a text without the merged label is a known negative for all its targets)."""
    return frozenset(t for targets in label_map.values() for t in targets)


def to_source(predicted: set[str], label_map: dict[str, tuple[str, ...]]) -> set[str]:
    """Predicted targets → the data set's own labels (a merged label when any of its targets is
    predicted), so each data set is scored in its own label space."""
    return {label for label, targets in label_map.items() if targets and predicted & set(targets)}


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
