"""The relate stage: what the documents of a corpus say together.

:func:`relate_store` runs the cross-document steps in order, each reading what it needs from
the store and writing its result back (table ``relations``, ``document_relations`` and
``claim_group_members``), so that ``analysis.json``, the report, the web app and the CLI all
read one stored result:

1. **stories** — which event each document is about; documents whose main subject is another
   event are off-event, and the later steps look at the main story only where that matters;
2. **claim groups** — figures that count the same thing in the same scope, and their verdict;
3. **contested** — statements some voices assert and others deny;
4. **labels** — the words each source uses for the main actors and the event;
5. **timeline** — what happened when, across sources.

Entities are resolved across documents at the end of the annotate stage
(:func:`storylens.annotate.resolve_entities`, with :mod:`storylens.relate.entities`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from tqdm import tqdm

from storylens.doc import Annotations, Document
from storylens.memory import collection_paused, release
from storylens.parallel import batched
from storylens.relate import embeddings
from storylens.store import Store

BATCH = 64  # documents read from the store per query
STEPS: tuple[str, ...] = ("stories", "claim_groups", "contested", "labels", "timeline")


@dataclass
class CorpusView:
    """What relate steps read: the store, each document's source and date, and the main story.

    Holds only small per-document facts; documents and annotations are streamed from the store.
    """

    store: Store
    source: dict[str, str] = field(default_factory=dict)  # doc id -> source name (the outlet)
    published: dict[str, str | None] = field(default_factory=dict)  # doc id -> YYYY-MM-DD
    off_event: set[str] = field(default_factory=set)  # from the stories step (stored, or this run's)

    @classmethod
    def of(cls, store: Store) -> CorpusView:
        view = cls(store)
        for doc_id, source, published in store.db.execute(
                "SELECT id, source, published FROM documents WHERE status = 'clean' ORDER BY seq"):
            view.source[doc_id] = source or doc_id[:10]
            view.published[doc_id] = (published or "")[:10] or None
        view.off_event = {d for d in store.off_event_ids() if d in view.source}
        return view

    @property
    def ids(self) -> list[str]:
        return list(self.source)

    @property
    def main_ids(self) -> list[str]:
        """Documents of the main story (all documents before the stories step ran)."""
        return [d for d in self.source if d not in self.off_event]

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        for batch in batched(self.ids if ids is None else ids, BATCH):
            yield from self.store.load_documents(batch)

    def annotated(self, ids: Iterable[str] | None = None) -> Iterator[tuple[Document, Annotations]]:
        for batch in batched(self.ids if ids is None else ids, BATCH):
            docs = self.store.load_documents(batch)
            yield from zip(docs, self.store.load_annotations([doc.id for doc in docs]))

    def period(self, ids: Iterable[str] | None = None) -> tuple[str | None, str | None]:
        dates = sorted(d for d in (self.published[i] for i in (self.ids if ids is None else ids)) if d)
        return (dates[0], dates[-1]) if dates else (None, None)


@dataclass
class RelateSummary:
    found: dict[str, str] = field(default_factory=dict)  # step -> what it found, in words

    def lines(self) -> list[str]:
        return ["related: " + ", ".join(self.found[s] for s in STEPS if s in self.found)] if self.found else []


def relate_store(store: Store, steps: Iterable[str] = STEPS, progress: bool = True) -> RelateSummary:
    """Run the relate steps over everything stored and save their results in the store."""
    view = CorpusView.of(store)
    summary = RelateSummary()
    wanted = [s for s in STEPS if s in set(steps)]
    unknown = set(steps) - set(STEPS)
    if unknown:
        raise ValueError(f"unknown relate steps: {', '.join(sorted(unknown))}; choose from {', '.join(STEPS)}")
    bar = tqdm(wanted, desc="relating", unit="step", disable=not progress, delay=2, leave=False)
    for name in bar:
        bar.set_postfix_str(name)
        summary.found[name] = _STEPS[name](view)
        embeddings.clear_cache()  # a step's encodings serve that step; kept, they would grow with the corpus
        release()  # what a step built is stored: its pages go back, so the next step's peak does not add to it
    store.set_state("related", store.corpus_state())
    return summary


def _stories(view: CorpusView) -> str:
    from storylens.relate.stories import group_stories

    stories, doc_story, off_event, why = (group_stories(view.documents(), view.store.annotations) if view.ids
                                          else ([], {}, set(), {}))
    view.off_event = off_event
    view.store.save_relations("story", stories)
    view.store.save_document_relations({d: (doc_story.get(d), d in off_event, why.get(d, {})) for d in view.ids})
    return f"{len(stories)} stories ({len(off_event)} off-event documents)"


def _claim_groups(view: CorpusView) -> int:
    from storylens.relate.claims import aligned_claims, align, claim_key

    with collection_paused():  # a few objects per claim live until the step ends: memory.collection_paused
        groups = align(aligned_claims(view))
    members = ((g["id"], *claim_key(m)) for g in groups for m in g["members"])
    view.store.save_relations("claim_group", groups, label="measure", status="status", members=members)
    statuses = Counter(g["status"] for g in groups).most_common()
    detail = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in statuses) or "none"
    return f"{len(groups)} claim groups ({detail})"


def _contested(view: CorpusView) -> int:
    from storylens.relate.contested import find_contested

    ids = view.main_ids
    items = find_contested(view.documents(ids), view.store.annotations) if ids else []
    view.store.save_relations("contested", items)
    return f"{len(items)} contested statements"


def _labels(view: CorpusView) -> str:
    from storylens.relate.labels import actor_labels

    ids = view.main_ids
    items = actor_labels(_Reread(lambda: view.documents(ids)), entities=_StoredMentions(view.store, ids)) if ids else []
    for i, item in enumerate(items):
        item.setdefault("id", f"labels-{i + 1}")
    view.store.save_relations("actor_label", items)
    return f"labels for {len(items)} referents"


def _timeline(view: CorpusView) -> int:
    from storylens.relate.timeline import build_timeline, dated_sentences

    days = build_timeline(dated_sentences(view, view.main_ids), view.period(view.main_ids))
    for day in days:
        day.setdefault("id", day["date"])
    view.store.save_relations("timeline_day", days)
    return f"{len(days)} timeline days"


class _StoredMentions(Mapping[str, list[tuple[str, int, int, str]]]):
    """Document id → its resolved entity mentions ``(entity id, start, end, entity name)``, read from
    the store when asked rather than held for the whole main story."""

    def __init__(self, store: Store, ids: list[str]) -> None:
        self.store, self.ids = store, ids
        self.names = dict(store.db.execute("SELECT id, name FROM entities"))

    def _rows(self, ids: list[str]) -> dict[str, list[tuple[str, int, int, str]]]:
        found: dict[str, list[tuple[str, int, int, str]]] = {doc_id: [] for doc_id in ids}
        for doc_id, entity, start, end, text in self.store.db.execute(
                "SELECT doc_id, entity_id, start_char, end_char, text FROM entity_mentions WHERE entity_id IS NOT NULL"
                f" AND doc_id IN ({', '.join('?' * len(ids))}) ORDER BY doc_id, idx", ids):
            found[doc_id].append((entity, start, end, self.names.get(entity, text)))
        return found

    def __getitem__(self, doc_id: str) -> list[tuple[str, int, int, str]]:
        return self._rows([doc_id])[doc_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def values(self) -> Iterator[list[tuple[str, int, int, str]]]:  # type: ignore[override] - streamed, a batch per query
        for batch in batched(self.ids, BATCH):
            yield from self._rows(batch).values()


class _Reread:
    """Documents streamed from the store again on every pass (labels read the corpus in several passes)."""

    def __init__(self, stream: Callable[[], Iterator[Document]]) -> None:
        self.stream = stream

    def __iter__(self) -> Iterator[Document]:
        return self.stream()


_STEPS: dict[str, Callable[[CorpusView], str]] = {
    "stories": _stories, "claim_groups": _claim_groups, "contested": _contested,
    "labels": _labels, "timeline": _timeline,
}
