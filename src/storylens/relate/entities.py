"""One entity across spellings, scripts, languages and documents.

:func:`resolve` groups entity mentions from many documents into canonical entities. Every merge
is recorded in words in ``Entity.why``, so a user can see why two mentions were joined, and a
user alias file (:func:`load_aliases`) can force merges or forbid them.

Merges, in order (each one explained):

1. user aliases — a surface form the user maps to a canonical name;
2. gazetteer — two forms listed under one known entity ("ОДКБ" = "CSTO");
3. same key — equal after case/quote folding, possessive stripping, lemmatisation in the
   document's language (pymorphy3 for Russian and Ukrainian: Токаеву → Токаев, Бельгії → Бельгія)
   and transliteration (Тоқаев → tokayev, Tokaev ~ Tokayev, Kassym ~ Kasym);
4. same stem — the key without Slavic case endings (Londynie/Londyn, Trumpa/Trump);
5. acronym ↔ expansion — the initials of a name's content words (CSTO ↔ Collective Security Treaty
   Organisation, ОДКБ ↔ Организация Договора о коллективной безопасности), when only one expansion fits;
6. similar spelling — rapidfuzz ratio of the keys (or of the stems) ≥ ``ResolveSettings.similarity``,
   same label family and the same number of words;
7. name parts — a person's single name or shorter name ("Tokayev", "Jomart Tokayev") joins the one
   person whose full name contains it ("Kassym-Jomart Tokayev"); when several people share it, it
   joins the one named at least four times as often as the others, else it stays apart. A single
   word a model labelled ORG/LOC that is the surname of exactly one person joins that person.

A "never merge" list from the alias file is checked before every merge.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from storylens.annotate.gazetteer import CYRILLIC, Gazetteer, default_gazetteer, fold, key, lemma, translit
from storylens.doc import EntityMention
from storylens.lang import CYRILLIC_LANGUAGES
from storylens.relate.morphology import name_lemma

__all__ = ["Aliases", "Entity", "ResolveSettings", "load_aliases", "resolve"]


@dataclass
class Entity:
    """A canonical entity: its name, label, every surface form, every mention and why they were merged."""

    id: str
    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)  # (doc_id, start, end)
    why: list[str] = field(default_factory=list)

    @property
    def documents(self) -> set[str]:
        return {doc for doc, _, _ in self.mentions}


@dataclass
class Aliases:
    """User overrides: ``forced`` maps a folded surface form to a canonical name; ``never`` holds
    pairs of folded names that must stay apart."""

    forced: dict[str, str] = field(default_factory=dict)
    never: set[frozenset[str]] = field(default_factory=set)

    def add(self, alias: str, canonical: str) -> None:
        self.forced[fold(alias)] = canonical.strip()

    def forbid(self, *names: str) -> None:
        folded = [fold(n) for n in names]
        for i, a in enumerate(folded):
            for b in folded[i + 1 :]:
                self.never.add(frozenset((a, b)))


def load_aliases(path: str | Path) -> Aliases:
    """Read a user alias file.

    JSON: ``{"aliases": {"surface form": "Canonical Name", ...}, "never_merge": [["A", "B"], ...]}``
    (a plain ``{"surface": "canonical"}`` object works too; ``aliases`` may also map a canonical
    name to a list of surface forms).
    CSV: rows ``surface form,Canonical Name``; a row ``never,A,B[,C…]`` keeps those names apart.
    Lines starting with ``#`` are comments.
    """
    path = Path(path)
    result = Aliases()
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        data = json.loads(text)
        mapping = data.get("aliases", data) if isinstance(data, dict) else {}
        for a, b in mapping.items():
            if a in ("never_merge", "never"):
                continue
            if isinstance(b, list):  # canonical → [surface forms]
                for form in b:
                    result.add(form, a)
                result.add(a, a)
            else:
                result.add(a, b)
        for group in data.get("never_merge", data.get("never", [])) if isinstance(data, dict) else []:
            result.forbid(*group)
        return result
    for row in csv.reader(line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")):
        row = [c.strip() for c in row if c.strip()]
        if not row:
            continue
        if row[0].casefold() in ("never", "never_merge", "!never") and len(row) >= 3:
            result.forbid(*row[1:])
        elif len(row) >= 2 and row[0].casefold() not in ("alias", "surface"):
            result.add(row[0], row[1])
    return result


@dataclass
class ResolveSettings:
    similarity: float = 0.85  # rapidfuzz ratio (0..1) of keys for "similar spelling"
    min_key_for_fuzzy: int = 5  # shorter keys must match exactly
    use_gazetteer: bool = True
    gazetteer_path: str | None = None


_FAMILY = {"PER": "PER", "ORG": "ORGLOC", "LOC": "ORGLOC", "GROUP": "GROUP", "EVENT": "OTHER", "MISC": "OTHER"}
_FUNCTION_WORDS = {
    "of", "the", "for", "and", "on", "in", "at", "to", "a", "an", "de", "la", "du", "des", "et",
    "și", "si", "pentru", "a", "al", "din", "о", "об", "и", "по", "в", "во", "на", "для", "при",
    "з", "із", "та", "і", "й", "у", "про", "до", "туралы", "және", "w", "z", "i", "na", "do", "und", "der", "die",
}
_SPLIT = re.compile(r"[\s\-–/]+")


@dataclass
class _Node:
    """All mentions sharing one normalised form."""

    form: str  # the normalised display form (lemma for Cyrillic)
    key: str
    labels: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)
    objects: list[EntityMention] = field(default_factory=list)
    gaz: object = None
    forced: str | None = None
    why: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.labels.most_common(1)[0][0]

    @property
    def family(self) -> str:
        return _FAMILY.get(self.label, "OTHER")

    @property
    def words(self) -> list[str]:
        return [w for w in _SPLIT.split(self.stem) if w]

    @property
    def stem(self) -> str:
        return stem_key(self.key)


class _Merger:
    def __init__(self, nodes: list[_Node], aliases: Aliases):
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        self.members: dict[int, set[str]] = {i: {fold(s) for s in n.surfaces} | {fold(n.form)} for i, n in enumerate(nodes)}
        self.reasons: dict[int, list[str]] = defaultdict(list)
        for i, n in enumerate(nodes):
            self.reasons[i] = list(n.why)
        self.never = aliases.never

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def blocked(self, a: int, b: int) -> bool:
        if not self.never:
            return False
        ma, mb = self.members[self.find(a)], self.members[self.find(b)]
        return any(frozenset((x, y)) in self.never for x in ma for y in mb)

    def union(self, a: int, b: int, reason: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.blocked(ra, rb):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        self.reasons[ra] += self.reasons.pop(rb, []) + [reason]
        return True


# Case endings of Slavic languages in the transliterated key (Polish, Czech, Slovak, Slovene,
# Croatian, Bulgarian, Russian, Ukrainian): "londynie" → "londyn", "trumpova" → "trump".
_KEY_ENDINGS = sorted(
    ["ovymi", "ovych", "ovou", "ovej", "owie", "ovi", "owi", "iem", "ami", "ach", "ich", "ych", "ego", "emu",
     "ogo", "omu", "ova", "ove", "ovo", "ama", "ima", "om", "em", "ie", "ii", "ou", "ej", "im", "ym", "ov", "ow",
     "iu", "yu", "ya", "oy", "ey", "a", "u", "e", "i", "y", "o"],
    key=len, reverse=True,
)


def stem_key(k: str) -> str:
    """The key with each word's case ending removed (at least 3 letters stay)."""
    out = []
    for word in k.split(" "):
        for ending in _KEY_ENDINGS:
            if len(word) >= 4 and word.endswith(ending) and len(word) - len(ending) >= 3 and word[-len(ending)-1:-len(ending)] != "-":
                word = word[: -len(ending)]
                break
        out.append(word)
    return " ".join(out)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w.casefold() not in _FUNCTION_WORDS)


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 7 and all(c.isupper() for c in letters) and " " not in text.strip()


def resolve(
    mentions: list[tuple[str, EntityMention, str]],
    aliases: Aliases | None = None,
    settings: ResolveSettings | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Entity]:
    """Group (doc_id, mention, language) triples into entities; sets ``mention.entity`` to the entity id."""
    from rapidfuzz import fuzz

    settings = settings or ResolveSettings()
    aliases = aliases or Aliases()
    gaz = gazetteer or (default_gazetteer(settings.gazetteer_path) if settings.use_gazetteer else None)

    never_names = {name for pair in aliases.never for name in pair}
    # 1. nodes: one per normalised form
    nodes: list[_Node] = []
    index: dict[tuple[str, str], int] = {}
    for doc_id, m, language in mentions:
        surface = _clean_surface(m.text)
        if not surface:
            continue
        forced = aliases.forced.get(fold(surface))
        form = _dictionary_form(surface, m.label, language)
        k = key(form) or fold(surface)
        family = _FAMILY.get(m.label, "OTHER")
        if forced:
            node_key = ("forced", fold(forced))
        elif fold(surface) in never_names:  # kept on its own so the "never merge" list can apply
            node_key = ("never", fold(surface))
        else:
            node_key = (family if not _is_acronym(surface) else "ACR", k)
        if node_key not in index:
            index[node_key] = len(nodes)
            nodes.append(_Node(form=forced or form, key=k, forced=forced))
        node = nodes[index[node_key]]
        if surface not in node.surfaces and node.surfaces:
            first = next(iter(node.surfaces))
            node.why.append(f"'{surface}' = '{first}': " + (
                "user alias file" if forced else _why_pair(first, surface, lemma(first, m.label), form, k)))
        node.labels[m.label] += 1
        node.surfaces[surface] += 1
        node.mentions.append((doc_id, m.start, m.end))
        node.objects.append(m)
    if gaz is not None:
        for node in nodes:
            if node.forced:
                continue
            for surface, _ in node.surfaces.most_common():
                node.gaz = gaz.lookup(surface) or (gaz.lookup(node.form) if node.form != surface else None)
                if node.gaz is not None:
                    break

    merger = _Merger(nodes, aliases)

    def show(i: int) -> str:
        return nodes[i].surfaces.most_common(1)[0][0]

    # 2. user aliases
    by_forced: dict[str, int] = {}
    for i, node in enumerate(nodes):
        if node.forced:
            by_forced.setdefault(fold(node.forced), i)
    for i, node in enumerate(nodes):
        if node.forced:
            continue
        target = by_forced.get(fold(node.form)) if not node.forced else None
        if target is not None:
            merger.union(target, i, f"'{show(i)}' → '{nodes[target].forced}': user alias file")
    # 3. gazetteer
    by_entry: dict[int, int] = {}
    for i, node in enumerate(nodes):
        if node.gaz is None:
            continue
        first = by_entry.setdefault(id(node.gaz), i)
        if first != i:
            a, b = show(first), show(i)
            kind = "gazetteer acronym" if _is_acronym(a) or _is_acronym(b) else "gazetteer"
            merger.union(first, i, f"'{b}' = '{a}': {kind} ({node.gaz.name})")
    # 4. same key across label families / acronyms (a mislabelled mention of a known name)
    by_key: dict[str, int] = {}
    for i, node in enumerate(nodes):
        if node.forced:
            continue
        first = by_key.setdefault(node.key, i)
        if first != i and _compatible(nodes[first], node, strict=False):
            merger.union(first, i, f"'{show(i)}' = '{show(first)}': {_why_same(nodes[first], node)}")
    # 4b. same stem: case endings of Slavic languages (Londynie ~ London is left to step 6)
    by_stem: dict[tuple[str, str], int] = {}
    for i, node in enumerate(nodes):
        if node.forced or _is_acronym(show(i)) or len(node.stem) < 3:
            continue
        first = by_stem.setdefault((node.family, node.stem), i)
        if first != i:
            merger.union(first, i, f"'{show(i)}' = '{show(first)}': inflection (stem '{node.stem}')")
    # 5. acronym ↔ expansion
    expansions: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        words = [w for w in _SPLIT.split(node.form) if w]
        if len(words) >= 2 and node.family in ("ORGLOC", "OTHER"):
            ini = _initials(words)
            if len(ini) >= 2:
                expansions[ini.upper()].append(i)
                expansions[translit(ini).upper()].append(i)
    for i, node in enumerate(nodes):
        if not any(_is_acronym(s) for s in node.surfaces):
            continue
        acronym = next(s for s in node.surfaces if _is_acronym(s)).replace(".", "")
        targets = {merger.find(j) for j in expansions.get(acronym.upper(), [])}
        if len(targets) == 1:
            j = next(t for t in expansions[acronym.upper()] if merger.find(t) in targets)
            merger.union(j, i, f"'{show(i)}' = initials of '{show(j)}': acronym")
    # 6. similar spelling (blocked by first letter of the key)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        if len(node.key) >= settings.min_key_for_fuzzy and not node.forced:
            blocks[(node.family, node.key[:1])].append(i)
    for block in blocks.values():
        block.sort(key=lambda i: len(nodes[i].key))
        for x, i in enumerate(block):
            ki = nodes[i].key
            for j in block[x + 1 :]:
                kj = nodes[j].key
                if len(kj) > len(ki) * 1.3 + 1:
                    break
                if merger.find(i) == merger.find(j):
                    continue
                score = max(fuzz.ratio(ki, kj), fuzz.ratio(nodes[i].stem, nodes[j].stem)) / 100
                if score >= settings.similarity and _same_shape(nodes[i], nodes[j]):
                    kind = "transliteration variant" if bool(CYRILLIC.search(show(i))) != bool(CYRILLIC.search(show(j))) else "spelling variant"
                    merger.union(i, j, f"'{show(i)}' ~ '{show(j)}': {kind} (similarity {score:.2f})")
    # 7. name parts: a single name joins the one person whose full name contains it
    _merge_name_parts(nodes, merger, show)

    # 8. entities
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[merger.find(i)].append(i)
    entities: list[Entity] = []
    used_ids: Counter = Counter()
    for root, members in groups.items():
        entity = _entity(nodes, members, merger.reasons.get(root, []), never_names)
        base = entity.id
        used_ids[base] += 1
        if used_ids[base] > 1:
            entity.id = f"{base}-{used_ids[base]}"
        for i in members:
            for m in nodes[i].objects:
                m.entity = entity.id
        entities.append(entity)
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def _dictionary_form(surface: str, label: str, language: str) -> str:
    """A Cyrillic name's dictionary form in its document's language (Russian and Ukrainian:
    Бельгії → Бельгія, Бельгии → Бельгия, one key). A name in another Cyrillic-script language
    (bg, kk, …) is kept: its inflection is not Russian's (the Russian dictionary reads Bulgarian
    «България» as a case form of «Българий»), and step 4's Slavic endings join its forms.
    In a document of another script or none, the name's letters choose Russian or Ukrainian
    (``gazetteer.lemma``). Latin text is kept."""
    if not CYRILLIC.search(surface):
        return surface
    if language in CYRILLIC_LANGUAGES:
        return name_lemma(surface, language, label)
    return lemma(surface, label)


def _clean_surface(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" \t\"'«»„“”‘’()[]{},;:!?")
    if text.endswith(".") and not re.search(r"(?:^|\.)\w\.$", text):
        text = text.rstrip(".")
    text = re.sub(r"(?<=\w)['’]s?$", "", text)
    return text


def _compatible(a: _Node, b: _Node, strict: bool = True) -> bool:
    if a.family == b.family:
        return True
    if strict:
        return False
    # a known name mislabelled by a model ("Tokayev"/ORG) still joins its namesake, but a
    # nationality adjective (GROUP "Russian") never joins a place ("Russia")
    return "GROUP" not in (a.family, b.family)


def _same_shape(a: _Node, b: _Node) -> bool:
    """Fuzzy matches only between names with the same number of words (first-name swaps stay apart)."""
    return len(a.words) == len(b.words) and a.family == b.family


def _why_same(a: _Node, b: _Node) -> str:
    sa, sb = a.surfaces.most_common(1)[0][0], b.surfaces.most_common(1)[0][0]
    if fold(sa) == fold(sb):
        return "same name (case, quotes or possessive)"
    if bool(CYRILLIC.search(sa)) != bool(CYRILLIC.search(sb)):
        return f"transliteration (key '{a.key}')"
    if a.form != sa or b.form != sb:
        return f"inflection (dictionary form '{a.form if a.form != sa else b.form}')"
    return f"spelling variant (key '{a.key}')"


def _why_pair(a: str, b: str, form_a: str, form_b: str, k: str) -> str:
    """Why two surface forms share one key."""
    if fold(a) == fold(b):
        return "same name (case, quotes or possessive)"
    parts = []
    if form_a != a or form_b != b:
        parts.append(f"inflection (dictionary form '{form_b if form_b != b else form_a}')")
    if fold(form_a) != fold(form_b):
        cyr_a, cyr_b = bool(CYRILLIC.search(a)), bool(CYRILLIC.search(b))
        parts.append(f"transliteration (key '{k}')" if cyr_a != cyr_b or translit(fold(form_a)) != fold(form_a)
                     and translit(fold(form_a)) != translit(fold(form_b)) else f"spelling variant (key '{k}')")
    return ", ".join(parts) or f"same key '{k}'"


def _merge_name_parts(nodes: list[_Node], merger: _Merger, show) -> None:
    people = [i for i, n in enumerate(nodes) if n.family == "PER"]
    by_part: dict[str, set[int]] = defaultdict(set)  # word key → roots of multi-word people with that word
    for i in people:
        words = nodes[i].words
        if len(words) >= 2:
            for w in words:
                if len(w) >= 3:
                    by_part[w].add(i)
    # a shorter multi-word name inside a longer one (Jomart Tokayev ⊂ Kassym-Jomart Tokayev)
    for i in people:
        words = nodes[i].words
        if len(words) < 1:
            continue
        if len(words) == 1:
            candidates = by_part.get(words[0], set())
        else:
            sets = [by_part.get(w, set()) for w in words]
            candidates = set.intersection(*sets) - {i} if sets else set()
            candidates = {j for j in candidates if len(nodes[j].words) > len(words)}
        roots = {merger.find(j) for j in candidates}
        roots.discard(merger.find(i))
        if len(roots) == 1:
            j = max(candidates, key=lambda c: sum(nodes[c].surfaces.values()))
            if merger.find(j) != merger.find(i):
                merger.union(j, i, f"'{show(i)}' is part of '{show(j)}': the only person with that name")
        elif len(roots) > 1:
            # several people share it: join the one named far more often, else stay apart
            weight = Counter()
            for j in candidates:
                weight[merger.find(j)] += sum(nodes[j].surfaces.values())
            (top, n_top), (_, n_next) = weight.most_common(2)
            if n_top >= 4 * n_next and n_top >= 3:
                j = max((c for c in candidates if merger.find(c) == top), key=lambda c: sum(nodes[c].surfaces.values()))
                merger.union(j, i, f"'{show(i)}' is part of '{show(j)}': the person most often named so "
                                   f"({n_top} of {sum(weight.values())} mentions)")
    # a single word a model labelled ORG/LOC/MISC that is the surname of exactly one person
    # ("Abiyev"/ORG ↔ "Marat Abiyev"/PER) — unless it is a known place or organisation
    for i, node in enumerate(nodes):
        if node.family == "PER" or node.gaz is not None or node.forced or len(node.words) != 1:
            continue
        if any(_is_acronym(s) for s in node.surfaces) or len(node.key) < 4:
            continue
        candidates = {j for j in by_part.get(node.key, set()) if nodes[j].words[-1] == node.key}
        roots = {merger.find(j) for j in candidates}
        if len(roots) == 1:
            j = next(iter(candidates))
            merger.union(j, i, f"'{show(i)}' ({node.label}) is the surname of '{show(j)}': the only person with that name")


def _entity(nodes: list[_Node], members: list[int], why: list[str], never_names: set[str] = frozenset()) -> Entity:
    labels: Counter = Counter()
    surfaces: Counter = Counter()
    mentions: list[tuple[str, int, int]] = []
    gaz = None
    forced = None
    for i in members:
        labels.update(nodes[i].labels)
        surfaces.update(nodes[i].surfaces)
        mentions.extend(nodes[i].mentions)
        gaz = gaz or nodes[i].gaz
        forced = forced or nodes[i].forced
    label = gaz.label if gaz is not None and labels[gaz.label] * 3 >= sum(labels.values()) else labels.most_common(1)[0][0]
    if gaz is not None and any(fold(s) in never_names for s in surfaces) and not any(
        fold(s) == fold(gaz.name) for s in surfaces
    ):
        gaz = None  # kept apart from the known entity by the user: do not take its name
    if forced:
        name = forced
    elif gaz is not None:
        name = gaz.name
    else:
        name = max(
            surfaces,
            key=lambda s: (
                label == "PER" and len(s.split()) > 1,
                not CYRILLIC.search(s),
                not s.isupper() or len(surfaces) == 1,
                surfaces[s],
                len(s),
            ),
        )
    slug = re.sub(r"[^a-z0-9]+", "-", translit(fold(name))).strip("-")[:40] or "x"
    return Entity(
        id=f"{label}:{slug}",
        name=name,
        label=label,
        aliases=set(surfaces),
        mentions=sorted(mentions),
        why=list(dict.fromkeys(why)),
    )
