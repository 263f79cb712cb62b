"""Data containers shared by every stage of the pipeline.

Everything a later stage finds points back into a document's cleaned text by
character offsets (``start``/``end``, end exclusive), so a user can always check
a finding against the words it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

METADATA_FIELDS = ("title", "author", "source", "source_type", "url", "published", "language")


@dataclass
class RawDocument:
    """One document as a reader produced it, before cleaning.

    ``origin`` says where it came from (a path, or ``path#record`` inside a
    JSON/Telegram file); ``meta`` holds metadata the file format itself carried,
    ``manifest`` what the user's manifest says (it wins).
    """

    origin: str
    text: str
    format: str
    meta: dict[str, str] = field(default_factory=dict)
    manifest: dict[str, str] = field(default_factory=dict)


@dataclass
class Edit:
    """One change made by cleaning, enough to audit it and to undo it.

    ``start``/``end`` locate ``before`` in the text as it was *before this step*
    ran; ``after`` is what replaced it ("" for a removal).
    """

    step: str
    rule: str
    start: int
    end: int
    before: str
    after: str = ""

    @property
    def action(self) -> str:
        return "removed" if not self.after else "replaced"


@dataclass
class Passage:
    """A paragraph, heading, list item or comment of the cleaned text."""

    start: int
    end: int
    kind: str = "paragraph"
    language: str | None = None


@dataclass
class Sentence:
    start: int
    end: int
    passage: int


@dataclass
class Document:
    """A cleaned document: text, metadata, structure and the log of what cleaning did."""

    id: str
    origin: str
    format: str
    raw_text: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    meta_from: dict[str, str] = field(default_factory=dict)
    kind: str = "article"
    passages: list[Passage] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    log: list[Edit] = field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_similarity: float | None = None

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def set_meta(self, key: str, value: str | None, origin: str) -> None:
        """Set a metadata field unless a more trusted origin already set it.

        Trust order: manifest > file (HTML/JSON/Telegram fields) > text (header lines).
        """
        if not value:
            return
        rank = {"manifest": 3, "file": 2, "text": 1}
        if rank.get(self.meta_from.get(key, ""), 0) > rank[origin]:
            return
        self.meta[key] = value
        self.meta_from[key] = origin


# --- annotations: every one carries the character span in Document.text it was read from ---


@dataclass
class EntityMention:
    """A named entity in the text. ``label``: PER, ORG, LOC, GROUP (nationality, crowd), EVENT, MISC."""

    start: int
    end: int
    text: str
    label: str
    detector: str = ""  # which recogniser found it (spacy, natasha, rules, gazetteer)
    entity: str | None = None  # canonical entity id, set by resolution


@dataclass
class DateMention:
    """A date or time expression normalised to ISO: ``value`` (YYYY, YYYY-MM, YYYY-MM-DD, or
    YYYY-MM-DDTHH:MM) or a range ``lo``..``hi``; ``anchored`` when it was resolved against the
    document's date ("on Wednesday", "last night")."""

    start: int
    end: int
    text: str
    value: str | None = None
    lo: str | None = None
    hi: str | None = None
    anchored: bool = False


@dataclass
class Claim:
    """A quantity the text states about the world, with who it comes from.

    ``value`` for an exact figure, else ``lo``/``hi`` bounds (``more than 160`` → lo=160, hi=None;
    ``as many as 3,000`` → hi=3000); ``hedge`` is the words that made it a bound or approximation.
    ``by`` is the source the document attributes the figure to (None: the document's own voice),
    ``via`` the intermediary in a chain ("Sputnik report cited in the Guardian" → by Sputnik via Guardian),
    ``cue`` the attribution words ("according to", "said"). ``status``: retracted, disputed, unknown or None.

    ``kind`` says what sort of quantity it is (count, percent, money, measurement, age, duration, date,
    ratio): figures group only with figures of their kind. ``measure`` is what is counted and what happened
    to it, canonical across wordings and languages where the language data knows the words (killed,
    detained, "flights cancelled") and the counted noun itself otherwise; ``counted`` is that noun's lemma,
    ``subgroup`` a part of the population it is restricted to (children, security forces), ``subject`` whose
    age (or other attribute) an age figure gives. A date claim's ``as_of`` is the date it states.
    """

    start: int  # span of the number expression
    end: int
    sentence_start: int
    sentence_end: int
    text: str
    measure: str
    unit: str
    value: float | None = None
    lo: float | None = None
    hi: float | None = None
    hedge: str | None = None
    qualifier: str | None = None
    where: str | None = None
    as_of: str | None = None
    by: str | None = None
    via: str | None = None
    cue: str | None = None
    status: str | None = None
    kind: str = "count"
    counted: str | None = None
    subgroup: str | None = None
    subject: str | None = None


@dataclass
class Quote:
    """A direct quotation and, when the text says so, who spoke it."""

    start: int  # span of the quoted words, quotation marks excluded
    end: int
    text: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass
class Annotations:
    """Everything the annotate stage found in one document."""

    entities: list[EntityMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # passage index -> [(technique, score)], task ('frame'/'genre') -> [(label, score)],
    # sentence index -> check-worthiness
    techniques: dict[int, list[tuple[str, float]]] = field(default_factory=dict)
    labels: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    checkworthiness: dict[int, float] = field(default_factory=dict)
