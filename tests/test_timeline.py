"""The timeline: real event descriptions under the right day, from several sources
(storylens.relate.timeline)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storylens.annotate.dates import find_dates
from storylens.doc import Annotations, Document, Sentence
from storylens.relate.timeline import build_timeline, dated_sentences, describes_event, scraped_prefix


def _document(doc_id: str, text: str, published: str, language: str = "en") -> Document:
    sentences = [Sentence(m.start(), m.end(), 0) for m in re.finditer(r"[^\n]+?(?:[.!?](?=\s|$)|$)", text)
                 if m.group().strip()]
    return Document(id=doc_id, origin=doc_id, format="txt", raw_text=text, text=text,
                    meta={"published": published, "language": language}, sentences=sentences)


@dataclass
class _View:
    """What dated_sentences reads of a corpus: documents with annotations, dates, sources."""

    docs: list[Document]
    published: dict[str, str] = field(default_factory=dict)
    source: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for doc in self.docs:
            self.published[doc.id] = doc.meta["published"]
            self.source[doc.id] = "outlet-" + doc.id

    def annotated(self, ids):
        for doc in self.docs:
            if doc.id in ids:
                yield doc, Annotations(dates=find_dates(doc))


def test_bylines_datelines_fragments_and_captions_are_not_descriptions() -> None:
    assert not describes_event("Ryanair (@Ryanair) 28 сентября 2018 г.")
    assert not describes_event("10 серпня.", [(0, 9)])
    assert not describes_event("Meanwhile, on Monday, U.S.")
    assert not describes_event("said the ministry, adding that nothing had changed at the plant since then.")
    assert not describes_event("FILE PHOTO: A woman walks past a destroyed bridge in the town of Utuado on Thursday.")
    assert not describes_event("By John Smith and Jane Doe, Reuters Staff, Kyiv Bureau, Monday.")
    # a piece of a longer quote, a sentence leaning on the one before
    assert not describes_event("If the storage is hit, the consequences could be the same as Chernobyl,\" the "
                               "worker warned in an interview on Tuesday.")
    assert not describes_event("Об этом в среду, 7 ноября, сообщил ее адвокат, передает агентство новостей.")
    assert not describes_event("Про це у вівторок повідомили в обласній адміністрації та в міністерстві.")
    # "the day before" opening a sentence counts from a day the text set earlier, not from the
    # publication date its date was resolved against
    assert not describes_event("Накануне профсоюз и авиакомпания подписали соглашение, подтвердил министр транспорта.")
    assert not describes_event("Напередодні профспілка та авіакомпанія підписали угоду, підтвердив міністр.")
    assert not describes_event("The day before, the union and the airline signed an agreement, the minister said.")
    assert describes_event("Люди перекрыли улицы после решения суда, который накануне оправдал фермера из Ровно.")
    assert describes_event("The worker told „Ukrainska Pravda“ on Tuesday that the plant had been shelled twice.")
    assert describes_event("Russian forces shelled the town near the plant on Thursday, officials said.")
    assert describes_event("У четвер російські війська обстріляли місто поблизу станції, повідомили в облраді.")
    assert describes_event("В четверг российские войска обстреляли город рядом со станцией, сообщили власти.")


def test_days_after_publication_period_bounds_and_time_stamps_are_not_entries() -> None:
    doc = _document("a", "14:00 08.11.2022 Source: the court freed the woman after eight years in prison.\n"
                         "Woman freed from prison 07.11.2022 According to her lawyer, a plane took her to the capital.\n"
                         "Fighting has gone on since July 18 around the plant and its cooling ponds.\n"
                         "Inspectors will visit the plant on Friday to assess the damage to the reactors.\n"
                         "On Monday, the plant was shelled again and two power lines were cut.",
                    "2022-11-08")
    items = dated_sentences(_View([doc]), ["a"])
    # 2022-11-08 is a Tuesday: "on Monday" is the day before; the time stamp, "since July 18" and
    # the coming Friday give nothing
    assert [(i["date"], i["text"][:9]) for i in items] == [("2022-11-07", "On Monday")]


def test_the_summary_is_the_informative_sentence_several_sources_share() -> None:
    day = "2022-08-05"
    items = [
        {"date": day, "doc": "a", "start": 0, "end": 60, "source": "A", "entities": 1,
         "text": "Officials spoke to reporters in Kyiv about the situation on Friday."},
        {"date": day, "doc": "b", "start": 10, "end": 120, "source": "B", "entities": 3,
         "text": "On Friday, shelling near the nuclear plant's electrical switchboard caused a power "
                 "shutdown and a fire, the IAEA said."},
        {"date": day, "doc": "c", "start": 0, "end": 100, "source": "C", "entities": 2,
         "text": "Shelling hit the nuclear plant on Friday, damaging the switchboard and causing a shutdown."},
        {"date": day, "doc": "d", "start": 0, "end": 100, "source": "D", "entities": 2,
         "text": "Shelling hit the nuclear plant on Friday, damaging the switchboard and causing a shutdown."},
        {"date": day, "doc": "e", "start": 0, "end": 20, "source": "E", "text": "Friday, August 5."},
    ]
    [entry] = build_timeline(items, ("2022-08-01", "2022-08-31"))
    assert entry["date"] == day
    assert "switchboard" in entry["summary"]
    assert entry["sources"] == ["A", "B", "C", "D"]  # E's dateline is no description
    texts = [e["text"] for e in entry["evidence"]]
    assert len(texts) == len(set(texts)) == 3  # the copy of one text counts once
    assert texts[-1].startswith("Officials spoke")
    # a day far outside the main story's period is left out
    assert build_timeline([dict(items[1], date="2019-01-01")], ("2022-08-01", "2022-08-31")) == []


def test_a_sentence_naming_no_one_or_glued_to_a_link_is_no_entry() -> None:
    day = "2023-05-02"
    named = {"date": day, "doc": "a", "start": 0, "end": 90, "source": "A", "entities": 2,
             "text": "On Tuesday the regional court in Lviv sentenced the former mayor to six years in prison."}
    # which bridge, the sentence before said: nothing here names it
    bare = {"date": day, "doc": "b", "start": 0, "end": 80, "source": "B", "entities": 0,
            "text": "The bridge was reopened to traffic on Tuesday at dawn, local time, according to the report."}
    assert [e["summary"] for e in build_timeline([named, bare], (day, day))] == [named["text"]]
    assert build_timeline([bare], (day, day)) == []
    # a scraped link's title glued to the real sentence is not shown as the day's description
    assert not describes_event("Read also: Court jails former mayor for bribery The court in Lviv on Tuesday "
                               "sentenced the former mayor to six years.")
    assert not describes_event("Читайте также: Суд приговорил бывшего мэра к шести годам Во вторник суд во "
                               "Львове вынес приговор бывшему мэру.")
    assert not describes_event("Читайте також: Суд засудив колишнього мера Суд у Львові у вівторок засудив "
                               "колишнього мера до шести років.")
    assert describes_event("The court in Lviv on Tuesday sentenced the former mayor to six years in prison.")


def test_near_copies_of_one_sentence_are_one_voice() -> None:
    from storylens.relate.timeline import _rank

    day = "2023-05-02"
    # four outlets print one wire sentence (a figure changed here and there); three others
    # describe the day in their own words
    wire = ("On Tuesday a regional tribunal sentenced the former governor Petrenko to twelve years for taking "
            "bribes from builders.")
    texts = {"A": wire, "B": wire.replace("twelve", "ten"), "C": wire.replace("twelve", "eleven"),
             "H": wire.replace("twelve", "nine"),
             "D": "Lviv city court acquitted the mayor of fraud charges, his lawyer told reporters after the hearing.",
             "E": "The mayor of Lviv walked free after the city court acquitted him of fraud, local media reported.",
             "F": "Supporters cheered outside the Lviv city court as the acquitted mayor left the hearing."}
    items = [{"date": day, "doc": k.lower(), "start": 0, "end": 90, "source": k, "entities": 2, "text": t}
             for k, t in texts.items()]
    [entry] = build_timeline(items, (day, day))
    assert entry["summary"] in (texts["D"], texts["E"], texts["F"])
    # counted as four voices, the copies would win
    assert _rank(items, 200, copy_share=1.0)[0]["source"] in "ABCH"


def test_a_day_one_source_gives_against_several_is_reconciled() -> None:
    """A source that dates the ruling a week early is outvoted by three that give the same
    description on the right day; a different event on a lone day stays."""
    ruling = "The Supreme Court acquitted the farm worker of blasphemy and overturned her death sentence."
    items = [{"date": "2021-03-10", "doc": d, "start": 0, "end": 90, "source": d.upper(), "entities": 1,
              "text": f"{opener} {ruling[4:]}"}
             for d, opener in (("a", "On Wednesday"), ("b", "Today"), ("c", "In a landmark ruling on Wednesday,"))]
    items.append({"date": "2021-03-03", "doc": "x", "start": 0, "end": 95, "source": "X", "entities": 1,
                  "text": f"On March 3 {ruling[4:]}"})
    items.append({"date": "2021-03-04", "doc": "y", "start": 0, "end": 95, "source": "Y", "entities": 1,
                  "text": "On March 4 the farm worker's husband asked several governments for asylum for the family."})
    days = build_timeline(items, ("2021-03-01", "2021-03-31"))
    assert [d["date"] for d in days] == ["2021-03-04", "2021-03-10"]
    assert days[1]["sources"] == ["A", "B", "C"]
    # with only two sources on the other day, a lone source's date is not overruled
    days = build_timeline([i for i in items if i["doc"] != "c"], ("2021-03-01", "2021-03-31"))
    assert [d["date"] for d in days] == ["2021-03-03", "2021-03-04", "2021-03-10"]


def test_a_busy_day_is_ranked_in_linear_time() -> None:
    """Support is weighed among a day's most informative candidates only: 4,000 sentences of one
    day rank in a fraction of the time every pair would take (about 10 s here), and what 400
    sources say alike still wins over five sources' longer sentences."""
    import time

    day = "2021-03-10"
    def name(k: int) -> str:  # a made-up place name per report, so that no two are copies
        return "".join("bdfgklmnprstvz"[k // 14 ** i % 14] + "aeiou"[k // 5 ** i % 5] for i in range(3)).title()

    items = [{"date": day, "doc": f"d{k}", "start": 0, "end": 80, "source": f"S{k % 400}", "entities": 1,
              "text": f"Officials in {name(k)} and {name(k + 4000)} said the water supply was restored after repairs."}
             for k in range(4000)]
    items += [{"date": day, "doc": f"w{k}", "start": 0, "end": 120, "source": f"W{k}", "entities": 3,
               "text": f"Engineers reopened the northern dam on the river after the flood, and {k} villages "
                       f"downstream were evacuated by the regional emergency service."} for k in range(5)]
    t = time.thread_time()
    [entry] = build_timeline(items, ("2021-03-01", "2021-03-31"))
    assert time.thread_time() - t < 5
    assert entry["summary"].startswith("Officials in")
    assert len(entry["sources"]) == 405


def test_a_time_stamp_and_byline_glued_before_a_sentence_are_cut_off() -> None:
    # the page's date line "7 May 2023" was cut off as a sentence of its own; what is left of it
    # (", 10:21 AGENCY") starts the next sentence, which is a real description without it
    text = ("7 May 2023, 10:21 NEWSWIRE The regional court in Lviv freed the former mayor on 6 May, "
            "his lawyer Olena Koval said.\n"
            "8 травня 2023, 09:05 АГЕНЦІЯ В Одесі 8 травня поліція затримала двох чоловіків, повідомив "
            "прокурор Петро Іваненко.")
    doc = _document("a", text, "2023-05-08")
    cuts = [0, text.index(", 10:21"), text.index("\n") + 1, text.index(", 09:05"), len(text)]
    doc.sentences = [Sentence(a, b, 0) for a, b in zip(cuts, cuts[1:])]  # as the splitter cut the page
    items = dated_sentences(_View([doc]), ["a"])
    by_day = {i["date"]: i for i in items}
    assert by_day["2023-05-06"]["text"].startswith("The regional court in Lviv freed")
    assert by_day["2023-05-08"]["text"].startswith("В Одесі 8 травня поліція")  # a one-letter word is no byline
    for day in ("2023-05-06", "2023-05-08"):
        item = by_day[day]
        assert text[item["start"]:item["end"]] == item["text"]
        assert describes_event(item["text"], item["dates"])
    assert scraped_prefix(", 10:21 AGENCY NATO said on Monday that the talks were over.") == len(", 10:21 AGENCY ")
    assert scraped_prefix("NATO said on Monday that the talks were over.") == 0
    assert scraped_prefix(", which the court heard on Monday.") == 0  # no time stamp: nothing is cut
