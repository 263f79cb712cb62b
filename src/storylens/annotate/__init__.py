"""Annotation: what each cleaned document says, as spans of its text.

One component per module (entities, dates, claims, quotes; persuasion lives in
:mod:`storylens.persuasion`), run in order by :class:`Annotator`. Components load their
models on first use, so a run that skips one never pays for it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from tqdm import tqdm

from storylens.config import AnnotateSettings
from storylens.doc import Annotations, Document
from storylens.memory import release
from storylens.parallel import Workers, worker_cached


class AnnotateError(RuntimeError):
    """An annotator cannot run at all; the message says what to do."""


class Annotator:
    """Runs the configured annotation components over batches of documents."""

    def __init__(self, settings: AnnotateSettings | None = None):
        self.settings = settings or AnnotateSettings()
        unknown = set(self.settings.components) - {"entities", "dates", "claims", "quotes", "persuasion"}
        if unknown:
            raise ValueError(f"unknown annotators: {', '.join(sorted(unknown))}")
        self._parser = None
        self._entities = None
        self._classifiers = None

    @property
    def parser(self):
        """One linguistic pass per document, shared by entities and claims (a parse only when claims need it)."""
        if self._parser is None:
            from storylens.annotate.entities import EntitySettings

            settings = EntitySettings(spacy_pipeline=self.settings.spacy_pipeline)
            from storylens.annotate.syntax import Parser

            self._parser = Parser(settings.syntax(parse="claims" in self.settings.components))
        return self._parser

    @property
    def entities(self):
        if self._entities is None:
            from storylens.annotate.entities import EntityRecognizer, EntitySettings

            self._entities = EntityRecognizer(EntitySettings(spacy_pipeline=self.settings.spacy_pipeline), self.parser)
        return self._entities

    @property
    def classifiers(self):
        if self._classifiers is None:
            from storylens.persuasion import Classifiers

            try:
                self._classifiers = Classifiers.load()
            except FileNotFoundError as exc:
                raise AnnotateError(f"classifier weights are missing ({exc}); reinstall storylens, "
                                    "or run without the 'persuasion' annotator") from None
        return self._classifiers

    def __call__(self, docs: list[Document]) -> list[Annotations]:
        wanted = set(self.settings.components)
        results = [Annotations() for _ in docs]
        parses = self.parser.parse_many(docs) if wanted & {"entities", "claims"} else [None] * len(docs)
        if "entities" in wanted:
            for ann, mentions in zip(results, self.entities.find_many(docs, parses)):
                ann.entities = mentions
        per_document = [(name, attr, func) for name, (attr, func) in _per_document_components().items()
                        if name in wanted]
        for doc, ann, parse in zip(docs, results, parses):
            for name, attr, func in per_document:
                if name == "claims":  # claims read the shared parse and the other annotators' results
                    setattr(ann, attr, func(doc, parse, ann.entities if "entities" in wanted else None,
                                            ann.dates if "dates" in wanted else None))
                else:
                    setattr(ann, attr, func(doc))
        if "persuasion" in wanted:
            self._persuasion(docs, results)
        return results

    def _persuasion(self, docs: list[Document], results: list[Annotations]) -> None:
        """Techniques per passage (with its document as context; a long passage in windows of
        sentences), frames and genre per document, check-worthiness per sentence: calibrated
        probabilities; a technique or frame only from its tuned threshold and
        ``settings.persuasion.min_probability``."""
        clf, floor = self.classifiers, self.settings.persuasion.min_probability
        passages = [(d, i, doc.text[p.start:p.end], p.language or doc.meta.get("language"))
                    for d, doc in enumerate(docs) for i, p in enumerate(doc.passages)]
        contexts = [docs[d].text for d, _, _, _ in passages]
        scores = clf.techniques([t for _, _, t, _ in passages], contexts, floor, [lang for *_, lang in passages])
        for (d, i, _, _), scored in zip(passages, scores):
            if scored:
                results[d].techniques[i] = [(label, float(score)) for label, score in scored]
        texts = [doc.text for doc in docs]
        for ann, frames, genre in zip(results, clf.frames(texts, floor), clf.genre(texts)):
            ann.labels["frame"] = [(label, float(score)) for label, score in frames]
            ann.labels["genre"] = [(genre[0], float(genre[1]))]
        sentences = [(d, i, doc.text[s.start:s.end]) for d, doc in enumerate(docs) for i, s in enumerate(doc.sentences)]
        for (d, i, _), score in zip(sentences, clf.checkworthiness([t for _, _, t in sentences])):
            results[d].checkworthiness[i] = float(score)


def _per_document_components() -> dict[str, tuple[str, Callable[..., list]]]:
    """Components that read one document at a time, in the order they run: name -> (attribute, function)."""
    from storylens.annotate.claims import extract_claims
    from storylens.annotate.dates import find_dates
    from storylens.annotate.quotes import extract_quotes

    return {"dates": ("dates", find_dates), "claims": ("claims", extract_claims), "quotes": ("quotes", extract_quotes)}


@dataclass
class AnnotateSummary:
    annotated: int = 0
    entities: int = 0
    claims: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    # Worker processes that annotated, and how often models were loaded among them (once each).
    processes: set[int] = field(default_factory=set)
    model_loads: int = 0

    def lines(self) -> list[str]:
        out = [f"annotated {self.annotated} documents; {self.entities} entities across the corpus, "
               f"{self.claims} numeric claims"]
        return out + [f"  not annotated {origin}: {reason}" for origin, reason in self.failed]


Annotated = tuple[str, str, Annotations | None, str | None]  # doc id, origin, annotations, why not


def annotate_store(store, settings: AnnotateSettings | None = None, progress: bool = True,
                   on_document: Callable[[str], None] | None = None,
                   workers: Workers | None = None) -> AnnotateSummary:
    """Annotate every stored document not yet annotated, then resolve entities corpus-wide.

    Batches run on ``workers`` (default: one process per core), each loading its models once;
    this process stores each batch's annotations in one transaction.
    """
    settings = settings or AnnotateSettings()
    Annotator(settings)  # unknown components fail here, before any work is sent out
    if workers is None:
        with Workers() as own:
            return annotate_store(store, settings, progress, on_document, own)
    pending = store.unannotated()
    summary = AnnotateSummary()
    batches = (store.load_documents(ids) for ids in store.unannotated_batches(workers.settings.batch_size))
    bar = tqdm(total=pending, desc="annotating", unit="doc", disable=not progress, delay=2, leave=False)
    for pid, loads, results in workers.map(partial(_annotate_batch, settings=settings), batches, pending):
        summary.processes.add(pid)
        summary.model_loads += loads
        with store.transaction():
            for doc_id, origin, ann, reason in results:
                if ann is None:
                    summary.failed.append((origin, reason))
                    store.record_skip(origin, reason)
                else:
                    store.save_annotations(doc_id, ann)
                    summary.annotated += 1
        if on_document:
            for doc_id, _, ann, _ in results:
                if ann is not None:
                    on_document(doc_id)
        bar.update(len(results))
    bar.close()
    if "entities" in settings.components:
        summary.entities = resolve_entities(store, settings.aliases)
    summary.claims = store.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    return summary


def _annotate_batch(docs: list[Document], settings: AnnotateSettings) -> tuple[int, int, list[Annotated]]:
    """Runs in a worker: annotate a batch with this process's models, loaded on its first batch.

    When the batch fails, it is annotated document by document, so one bad document only skips
    itself. Returns the process id and how many times models were loaded here for this batch.
    The batch's parses are freed by then and their pages go back to the system (:func:`release`
    without a collection): glibc would keep them, and the process's resident memory would creep up
    batch after batch (30–50 MB of free pages held on one core at 1,000 documents; docs/evaluation.md).
    """
    loaded = []
    annotator = worker_cached(("annotator", repr(settings)), lambda: loaded.append(1) or Annotator(settings))
    try:
        out = [(d.id, d.origin, a, None) for d, a in zip(docs, annotator(docs))]
        release(collect=False)
        return os.getpid(), len(loaded), out
    except AnnotateError:
        raise
    except Exception:  # noqa: BLE001 - find the culprit below
        pass
    out: list[Annotated] = []
    for doc in docs:
        try:
            out.append((doc.id, doc.origin, annotator([doc])[0], None))
        except AnnotateError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            out.append((doc.id, doc.origin, None, f"could not annotate ({type(exc).__name__}: {exc}); please report it"))
    release(collect=False)
    return os.getpid(), len(loaded), out


def resolve_entities(store, aliases_path: str | None = None) -> int:
    """Group every stored mention into canonical entities (all documents, all languages).

    Resolution reads a mention's words, label and language only, so every mention with the same
    three resolves alike: each such *form* is one shared mention object here, the stored mentions
    are streamed in reading order and never held, and the store points each mention at its form's
    entity. Memory follows the distinct forms, not the mentions (a few per cent of them).
    """
    from storylens.doc import EntityMention
    from storylens.relate.entities import load_aliases, resolve

    aliases = load_aliases(aliases_path) if aliases_path else None
    forms: dict[tuple[str, str, str], EntityMention] = {}

    def mentions() -> Iterator[tuple[str, EntityMention, str]]:
        for text, label, detector, language in store.db.execute(
                "SELECT m.text, m.label, m.detector, COALESCE(d.language, '') FROM entity_mentions m"
                " JOIN documents d ON d.id = m.doc_id ORDER BY d.seq, m.idx"):
            form = forms.get((text, label, language))
            if form is None:
                form = forms[(text, label, language)] = EntityMention(0, 0, text, label, detector)
            yield "", form, language

    entities = resolve(mentions(), aliases)
    store.set_entities(
        [{"id": e.id, "name": e.name, "label": e.label, "aliases": e.aliases, "why": e.why} for e in entities],
        {key: form.entity for key, form in forms.items() if form.entity},
    )
    return len(entities)
