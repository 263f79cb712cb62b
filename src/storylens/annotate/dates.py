"""Dates and times: find them in text and normalise them to ISO values.

``find_dates(doc)`` returns :class:`~storylens.doc.DateMention` spans in ``doc.text``;
``find_dates_in(text, anchor, language)`` does the same for any string.

How it works
------------
Hand-written patterns (English, Russian, Ukrainian, Kazakh, Romanian) propose candidates,
each already normalised; overlapping candidates are resolved longest-first; neighbours are
then joined ("Thursday, January 6th", "January 10, 18:05", "from January 2 to 10").
No third-party parser (``dateparser``) is used: every form we detect we can also normalise
ourselves, which keeps the finder fast and predictable. Speed comes from two things: the
patterns run on the lower-cased text (case-sensitive matching is several times faster), and
only in windows around trigger words (month and weekday names, relative words, digits) found in
one pass, so ordinary news runs at several hundred KB/s on one core (see docs/evaluation.md).

Values: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` in ``value``; a span
("this week", "January 2-5", "from 2015 to 2019", "the 1990s", "the third quarter") as
``lo``/``hi``. A vague expression we are sure is temporal but cannot place
("a few days ago" without an anchor) keeps ``value`` and ``lo``/``hi`` empty.

Anchoring rules (``anchored=True`` whenever one of them was used)
-----------------------------------------------------------------
* The anchor is the document's ``meta['published']`` (its calendar date as written, ISO or any
  full date such as "Mon, 10 Jan 2022 18:05 GMT"; the time zone is ignored). Without it, a full
  date in the first 300 characters (a dateline such as ``12.01.2022, 09:15``) is used; failing
  that, only a *year* is inferred: the latest year, not after today's, that the document states
  for a day, a month or a year ("January 6, 2022", "March 2019", "in 2019", "before 2022";
  decades and centuries do not count). News mostly looks back, so the latest stated year is the
  nearest plausible current year; it is wrong for texts that look ahead ("in 2023 they will").
  With a year only, weekdays and "yesterday" stay unplaced (no value) and a date without a
  year takes that year. With no year at all, a date without a year comes out as ``XXXX-MM-DD``.
* A day or month without a year takes the year (anchor year -1, 0 or +1) that puts it
  nearest the anchor, counting days after the anchor twice (reports look back): in a
  January article "December 30" is last December, "until January 19" is this January.
* A weekday ("on Wednesday", "в среду") is the most recent such day on or before the anchor;
  if its own clause (back to a comma) reads as future ("will", "scheduled", "set to", "expected",
  "будет" ...; ``lang/<code>/dates_tense.json``) it is the next such day after the anchor —
  unless it follows a verb of saying ("said Monday", «заявив у понеділок»): the day of saying is
  past, and in a Monday article "said Monday" is that Monday. "last Wednesday" is strictly before, "next Wednesday" and
  "this coming Wednesday" after. Before a date ("Thursday, January 6th") the date wins, and a
  guessed year is corrected to one where that date falls on that weekday.
* "yesterday" / "last night" are the day before the anchor; "this week" is the ISO week
  (Monday..Sunday) of the anchor, "last week" the one before; "this/last month/year" likewise;
  "N days/months/years ago" subtract from the anchor; beyond ten days, and for "N weeks ago",
  the count is a round one and gives a range around that day ("50 days ago" is not an event of
  that day); "a few months ago" is a range;
  "earlier this year" is ``YYYY-01-01``..anchor. "Two days later" / "a year earlier" count
  from an event in the story, not the anchor: found, left without a value.
* A time alone ("at 7:15 p.m.") takes the last day named earlier in its sentence, else the
  anchor's day.

False hits filtered out: numbers followed by counted nouns (people, troops, чел., тыс. ...)
or units, money ("$0.14"), decimals and ranges of decimals ("2.6-2.9"), ranks ("ranks 25"),
phone and card numbers (digit groups longer than a date), "Step 0"; the English words
"we", "sat", "sun", "may", "march" and the Romanian "mai", "luni" are dates only when the
grammar makes them one ("May 5", "in May", "Luni, 10 ianuarie").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from storylens import lang
from storylens.doc import DateMention, Document

__all__ = ["find_dates", "find_dates_in", "document_anchor", "to_timeml", "is_calendar_word"]

# --------------------------------------------------------------------------- vocabulary

_MONTH_FORMS: dict[int, list[str]] = {
    1: ["january", "jan", "январь", "января", "январе", "январю", "январём", "січень", "січня", "січні",
        "ianuarie", "ian", "қаңтар", "jänner"],
    2: ["february", "feb", "февраль", "февраля", "феврале", "февралю", "лютий", "лютого", "лютому",
        "februarie", "ақпан"],
    3: ["march", "mar", "март", "марта", "марте", "марту", "березень", "березня", "березні", "martie",
        "наурыз"],
    4: ["april", "apr", "апрель", "апреля", "апреле", "апрелю", "квітень", "квітня", "квітні",
        "aprilie", "сәуір"],
    5: ["may", "май", "мая", "мае", "маю", "травень", "травня", "травні", "mai", "мамыр"],
    6: ["june", "jun", "июнь", "июня", "июне", "июню", "червень", "червня", "червні", "iunie", "iun",
        "маусым"],
    7: ["july", "jul", "июль", "июля", "июле", "июлю", "липень", "липня", "липні", "iulie", "iul",
        "шілде"],
    8: ["august", "aug", "август", "августа", "августе", "августу", "серпень", "серпня", "серпні",
        "тамыз"],
    9: ["september", "sept", "sep", "сентябрь", "сентября", "сентябре", "сентябрю", "вересень",
        "вересня", "вересні", "septembrie", "қыркүйек"],
    10: ["october", "oct", "октябрь", "октября", "октябре", "октябрю", "жовтень", "жовтня", "жовтні",
         "octombrie", "қазан"],
    11: ["november", "nov", "ноябрь", "ноября", "ноябре", "ноябрю", "листопад", "листопада",
         "листопаді", "noiembrie", "noi", "қараша"],
    12: ["december", "dec", "декабрь", "декабря", "декабре", "декабрю", "грудень", "грудня", "грудні",
         "decembrie", "желтоқсан"],
}
_KAZAKH_MONTHS = {"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
                  "қазан", "қараша", "желтоқсан"}
_MONTH: dict[str, int] = {f: m for m, forms in _MONTH_FORMS.items() for f in forms}
# Kazakh months take case endings (қаңтарда, қаңтардың, қазанның, желтоқсанға ...).
_KK_SUFFIX = r"(?:ның|нің|дың|дің|тың|тің|да|де|та|те|нда|нде|ға|ге|қа|ке|на|не|дан|ден|тан|тен|нан|нен|ы|і|ын|ін)?"
_ABBREV = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ian", "iun", "iul",
           "noi"}
_MON = (
    r"(?P<{g}>(?:" + "|".join(sorted(_ABBREV, key=len, reverse=True)) + r")\.?(?!\w)"
    + r"|(?:" + "|".join(sorted((re.escape(f) for f in _MONTH if f not in _KAZAKH_MONTHS and f not in _ABBREV),
                               key=len, reverse=True))
    + r")(?!\w)|(?:" + "|".join(sorted(_KAZAKH_MONTHS, key=len, reverse=True)) + r")" + _KK_SUFFIX + r"(?!\w))"
)
# Month words that are also ordinary words: need a day number or a year beside them, and
# (English) a capital letter. Bare "May" then also needs a preposition ("in May").
_AMBIGUOUS_MONTH = {"may", "mar", "march", "mai", "noi", "sept", "dec", "jun", "jul", "ian", "iun", "iul",
                    "jan", "feb", "apr", "aug", "sep", "oct", "nov", "марта", "март", "марте", "наурыз",
                    "қазан"}
_CAPITAL_ONLY = {"may", "mar", "march"}

_WEEKDAYS: dict[str, int] = {}
for _i, _forms in enumerate([
    ["monday", "mon", "понедельник", "понеділок", "понеділка", "luni", "дүйсенбі"],
    ["tuesday", "tue", "tues", "вторник", "вівторок", "вівторка", "marți", "marti", "сейсенбі"],
    ["wednesday", "wed", "среда", "среду", "середа", "середу", "miercuri", "сәрсенбі"],
    ["thursday", "thu", "thur", "thurs", "четверг", "четвер", "четверга", "joi", "бейсенбі"],
    ["friday", "fri", "пятница", "пятницу", "пʼятниця", "п'ятниця", "п’ятниця", "пʼятницю", "п'ятницю",
     "п’ятницю", "vineri", "жұма"],
    ["saturday", "sat", "суббота", "субботу", "субота", "суботу", "sâmbătă", "sambata", "сенбі"],
    ["sunday", "sun", "воскресенье", "неділя", "неділю", "duminică", "duminica", "жексенбі"],
]):
    for _f in _forms:
        _WEEKDAYS[_f] = _i
# Only with a date right after them ("Sat, Jan 8", "Luni, 10 ianuarie"): otherwise words.
_WEEKDAY_NEEDS_DATE = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "luni"}
# Russian/Ukrainian weekday forms that are also common nouns ("среда" = environment): need a
# preposition (в среду, у середу).
_WEEKDAY_NEEDS_PREP = {"среда", "среду", "середа", "середу", "неділя", "неділю", "жұма"}
_KK_WD_SUFFIX = r"(?:де|да|ге|ға|ден|дан|нің|ның|күні)?"
_WD = (
    r"(?P<wd>(?:" + "|".join(sorted((re.escape(w) for w in _WEEKDAYS), key=len, reverse=True)) + r")"
    + r"(?:(?<=бі)" + _KK_WD_SUFFIX + r"|(?<=жұма)" + _KK_WD_SUFFIX + r")?\.?)(?!\w)"
)

_ORD = r"(?:st|nd|rd|th|-?го|-?е|-?ого|-?ое|-?і|-?ї|-?й|-?ші|-?шы|-?сі|-?сы|-?ы|-?і)?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_YEAR_WORD = (r"(?:[ \t\u00a0\u202f]*(?:г\.|гг\.|года|году|год|годом|г|р\.|року|році|рік|роком|р|жылғы|жылы|"
              r"жылдың|жыл|ж\.|an(?:ul|ului)?)(?!\w))")
_SP = r"[ \t\u00a0\u202f]+"  # spaces, never a line break
_OSP = r"[ \t\u00a0\u202f]*"
_DASH = r"[-–—‒]"

_COUNT_NOUN = re.compile(
    r"[ \t\u00a0]*(?:%|\$|€|£|(?:percent|per|people|persons?|troops|soldiers|servicemen|men|women|"
    r"children|kids|dead|killed|deaths|injured|wounded|protesters|demonstrators|detainees|victims|residents|"
    r"cars|vehicles|buses|units|bandits|militants|police|officers|members|workers|employees|households|"
    r"dollars|euros|tenge|rubles|roubles|hryvnia|lei|usd|eur|kzt|rub|km|miles|metres|meters|"
    r"tons|tonnes|barrels|litres|liters|votes|seats|cases|times|items|pages|words|points|shares|"
    r"thousand|million|billion|mln|bn|k|шт|км|грн|adam|persoane|oameni|mii|milioane|тыс|млн|млрд)(?!\w)"
    r"|kilomet|чел|человек|люд|военн|сотрудник|погиб|задерж|ранен|рубл|тенге|теңге|долл|гривен|голос|мың)",
    re.I,
)
_MONEY_BEFORE = re.compile(r"(?:[$€£₸₽¥#№]|\b(?:no|nr|ranks?|rank|ranked|number|step|page|p|pp|"
                           r"chapter|version|v|room|flight|route|article|ст|статья|статьи|пункт)\.?)\s*$", re.I)


@dataclass
class _Cand:
    start: int
    end: int
    kind: str  # date, month, year, range, weekday, day, time, period, vague
    value: str | None = None
    lo: str | None = None
    hi: str | None = None
    anchored: bool = False
    day: date | None = None  # resolved calendar day, for joining with a time
    md: tuple[int, int] | None = None  # month and day when the year was guessed (weekday can fix it)
    time: tuple[int, int] | None = None
    extra: dict = field(default_factory=dict)


class _Anchor:
    """The reference point: a full date, only a year, or nothing."""

    def __init__(self, day: date | None, year: int | None) -> None:
        self.day = day
        self.year = day.year if day else year

    def year_for(self, month: int, day: int | None = None) -> tuple[str, bool]:
        """Year for a month (and day) stated without one: (YYYY or XXXX, anchored?)."""
        if self.day is None:
            return (f"{self.year:04d}", True) if self.year else ("XXXX", False)
        a = self.day
        best, best_cost = a.year, None
        for y in (a.year - 1, a.year, a.year + 1):
            try:
                d = date(y, month, day or 15)
            except ValueError:
                continue
            diff = (d - a).days
            cost = diff * 2 if diff > 0 else -diff
            if best_cost is None or cost < best_cost:
                best, best_cost = y, cost
        return f"{best:04d}", True


# --------------------------------------------------------------------------- patterns

# Patterns run on the lower-cased text (case-sensitive matching is several times faster); the
# few checks that need capitals look at the original text through the match offsets.
_F = re.U

# "January 9th", "Jan. 5, 2022", "January 2-5", "January 2 to 10, 2022", "Nov. 6"
_RE_MDY = re.compile(
    r"(?<![\w.])" + _MON.format(g="mon") + _OSP + r"(?:the" + _SP + r")?(?P<d1>" + _DAY + r")" + _ORD
    + r"(?:" + _OSP + r"(?:" + _DASH + r"|to|through|until|till|and)" + _OSP + r"(?P<d2>" + _DAY + r")" + _ORD + r")?"
    + r"(?!\d|[.,:]\d|" + _OSP + r"(?:%|percent))"
    + r"(?:,?" + _OSP + r"(?P<y>" + _YEAR + r")(?!\d)" + _YEAR_WORD + r"?)?(?!\w)",
    _F,
)
# "9 January 2022", "10-го января", "5 січня 2022 р.", "2–5 ianuarie", "9th of January", "4-5 января"
_RE_DMY = re.compile(
    r"(?<![\w.,$€£/-])(?P<d1>" + _DAY + r")" + _ORD
    + r"(?:" + _OSP + r"(?:" + _DASH + r"|and|to|și|и|і|та|по|до|până\s+(?:la|pe))" + _OSP + r"(?P<d2>" + _DAY + r")" + _ORD + r")?"
    + _OSP + r"(?:of" + _SP + r"|de" + _SP + r")?" + _MON.format(g="mon")
    + r"(?:,?" + _OSP + r"(?P<y>" + _YEAR + r")(?!\d)" + _YEAR_WORD + r"?)?",
    _F,
)
# Kazakh: "2022 жылғы 5 қаңтарда", "2022 жылдың қаңтар айында"
_RE_KK = re.compile(
    r"(?<!\d)(?P<y>" + _YEAR + r")" + _OSP + r"(?:-?ж\.|-?жыл(?:ғы|ы|дың))" + _OSP + r"(?:(?P<d1>" + _DAY + r")" + _ORD + _OSP
    + r")?" + _MON.format(g="mon") + r"(?:" + _OSP + r"айы\w*)?",
    _F,
)
# "January 2022", "январь 2022 года", "в январе 2022 г.", "ianuarie 2022"
_RE_MY = re.compile(
    r"(?<![\w.])(?P<mod>(?:early|late|mid-?|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
    r"начале|конце|середине|начала|конца|середины|початку|кінці|середині|începutul|sfârșitul|mijlocul)\s+)?"
    + _MON.format(g="mon") + r",?" + _OSP + r"(?:of" + _SP + r")?(?P<y>" + _YEAR + r")(?!\d)" + _YEAR_WORD + r"?",
    _F,
)
# "in May", "since January", "в январе", "у січні", "în ianuarie", "early September", "қаңтарда"
_RE_PM = re.compile(
    r"(?<![\w.])(?P<prep>(?:in|since|until|till|by|during|from|through|throughout|before|after|early|late|mid-?|"
    r"last|next|this|of|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
    r"в|во|с|со|до|к|по|после|начале|конце|середине|у|з|із|від|після|на\s+початку|наприкінці|"
    r"în|din|până\s+în|pana\s+in|la|prin|luna|începutul|sfârșitul|mijlocul)" + _SP + r"(?:(?:early|late)" + _SP + r"|mid-)?|mid-)"
    + _MON.format(g="mon") + r"(?!" + _OSP + r"\d)",
    _F,
)
_RE_KK_MONTH_ALONE = re.compile(
    r"(?<!\w)(?P<mon>(?:" + "|".join(sorted(_KAZAKH_MONTHS, key=len, reverse=True)) + r")(?:да|де|та|те|нда|нде)"
    + r"|(?:" + "|".join(sorted(_KAZAKH_MONTHS, key=len, reverse=True)) + r")" + _OSP + r"айы\w*)(?!\w)",
    _F,
)
# 10.01.2022, 10/01/2022, 01/10/2022 (en: month first), 2022-01-10, 2022-01-10T18:05, 12.01.22
_RE_NUM = re.compile(
    r"(?<![\w.,/:-])(?:(?P<iy>" + _YEAR + r")-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
    r"(?:[t ](?P<ih>[01]\d|2[0-3]):(?P<imin>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)?)?"
    r"|(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<c>" + _YEAR + r"|\d\d)(?:" + _YEAR_WORD + r")?)"
    r"(?![\w]|[.,/:-]\d)",
    _F,
)
# years in year context: "in 2019", "since 1999", "в 2015 году", "2015 жылы", "from 2015 to 2019"
_YEAR_PREP = (r"(?:in|since|from|until|till|by|before|after|during|through|throughout|of|early|late|circa|c\.|"
              r"around|year|the\s+year|fiscal|в|во|с|со|до|к|после|с\s+начала|у|з|із|від|після|до|în|din|"
              r"până\s+în|anul|din\s+anul|între|between|for|both|the|a|an|its|his|her|their|our|your|that|this|"
              r"whose)")
_WEAK_YEAR_PREP = {"of", "for", "around", "by", "from", "between", "both", "the", "a", "an", "its", "his", "her",
                   "their", "our", "your", "that", "this", "whose"}
_RE_YEAR = re.compile(
    r"(?<![\w.])(?:(?P<prep>" + _YEAR_PREP + r")" + _SP + r"(?:the" + _SP + r"(?:years?" + _SP + r")?)?|(?P<mid>mid-))?"
    r"(?P<y>" + _YEAR + r")(?![\w.,]\d|\d)"
    r"(?:(?P<yw>" + _YEAR_WORD + r")|" + _OSP + r"(?:" + _DASH + r"|to|and|until|till|through|по|до|и|і|та|și|–)" + _OSP
    + r"(?P<y2>" + _YEAR + r"|\d\d)(?!\d)(?P<yw2>" + _YEAR_WORD + r")?)?(?!\w)",
    _F,
)
_RE_YEAR_NEXT = re.compile(
    r"(?:,|,?" + _SP + r"(?:and|or|и|или|і|та|або|și|sau))" + _SP + r"(?P<y>" + _YEAR + r")(?![\w.,]\d|\d|\w)", _F
)
_RE_DECADE = re.compile(
    r"(?<![\w])(?:the" + _SP + r")?(?:(?P<mod>early|late|mid)[- ]?)?(?P<c>1[5-9]|20)(?P<dd>\d)0(?:'s|s|-е|-х|-ті)(?!\w)",
    _F,
)
_RE_QUARTER = re.compile(
    r"(?<![\w])(?:the" + _SP + r")?(?:(?P<y1>" + _YEAR + r")" + _SP + r")?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
    r"[- ](?:fiscal[- ])?quarter(?:" + _SP + r"of" + _SP + r"(?:fiscal" + _SP + r")?(?P<y2>" + _YEAR + r")|"
    + _SP + r"(?P<y3>" + _YEAR + r"))?(?!\w)",
    _F,
)
# "December" alone (English, capitalised, unambiguous names only)
_RE_BARE_MONTH = re.compile(r"(?<![\w.])(?P<mon>January|February|April|June|July|September|October|November|December)(?!\w)")
# "January this year", "June last year", "5 января прошлого года", "у січні минулого року"
_MREL_K = {"this": 0, "last": -1, "next": 1, "the previous": -1, "the following": 1, "этого": 0, "текущего": 0,
           "прошлого": -1, "следующего": 1, "цього": 0, "поточного": 0, "минулого": -1, "наступного": 1}
_RE_MREL = re.compile(
    r"(?<![\w.])(?:(?P<d1>" + _DAY + r")" + _ORD + _OSP + r")?" + _MON.format(g="mon") + r",?" + _SP + r"(?:of" + _SP + r")?"
    r"(?P<rel>this|last|next|the\s+previous|the\s+following|этого|текущего|прошлого|следующего|цього|поточного|"
    r"минулого|наступного)" + _SP + r"(?:year|года|году|року)(?!\w)",
    _F,
)
_RE_CENTURY = re.compile(r"(?<![\w])(?:the" + _SP + r")?(?P<n>[12]?\d)(?:st|nd|rd|th)[ -]century(?!\w)", _F)
# seasons, only with a determiner or a year: "this summer", "last fall", "the winter of 2021", "summer 2022"
_SEASON = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_RE_SEASON = re.compile(
    r"(?<![\w])(?:(?P<pre>this\s+past|this|last|next|early|late|in\s+the|during\s+the|over\s+the|by\s+the|since\s+the|until\s+the)" + _SP
    + r"(?:(?:early|late)" + _SP + r")?)?(?P<s>spring|summer|fall|autumn|winter)(?:" + _SP + r"(?:of" + _SP + r")?(?P<y>"
    + _YEAR + r"))?(?!\w)"
)
_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

# weekdays, optionally with on/last/next/this/в/у and a part of the day
_RE_WEEKDAY = re.compile(
    r"(?<![\w])(?P<pre>(?:this\s+coming|coming|on|last|next|this|past|by|until|till|since|from|late|early|that|"
    r"в|во|на|к|до|с|со|у|з|по|в\s+ночь\s+на|в\s+ночь\s+с|минул(?:ого|ої|ий|у)|прошл(?:ый|ую|ое|ой|ым)|"
    r"наступн(?:ого|ої|ий|у)|следующ(?:ий|ую|ее|ей)|эт(?:от|у|ой)|ці(?:єї|й)|цього|de|pe|până|din|"
    r"өткен|келесі|осы)" + _SP + r")?"
    + _WD + r"(?P<part>" + _OSP + r"(?:morning|afternoon|evening|night|noon|вечером|утром|днём|днем|ночью|"
    r"ввечері|вранці|вночі|уранці|seara|dimineața|dimineata|noaptea|кеште|таңертең|түнде))?(?!\w)",
    _F,
)
_RE_KK_WD_SUFFIX = re.compile(_KK_WD_SUFFIX + "$")
_RE_DATE_AFTER = re.compile(r"\.?,?" + _OSP + r"(?:\d|" + _MON.format(g="x") + ")")
_RE_PEOPLE = re.compile(_OSP + r"(?:%|percent|per\s*cent|people|persons)", re.I)
_RE_DASH_GAP = re.compile(_OSP + _DASH + _OSP)
_RE_TO_GAP = re.compile(_OSP + r"(?:to|until|till|through|по|до)" + _OSP)

_N_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
            "thirty": 30, "couple": 2, "a couple of": 2, "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3,
            "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "десять": 10, "дві": 2, "чотири": 4, "п'ять": 5,
            "о": 1, "un": 1, "o": 1, "doi": 2, "două": 2, "trei": 3, "patru": 4, "cinci": 5, "zece": 10,
            "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "он": 10}
# "N days ago" names a day up to this N; beyond it (and "N weeks ago") the count is round.
_EXACT_DAYS_AGO = 10
_VAGUE_N = {"few", "a few", "several", "some", "many", "несколько", "кілька", "câteva", "cateva", "бірнеше"}
_NUM_ALT = (r"(?:\d{1,3}|a\s+couple\s+of|a\s+few|few|several|some|many|"
            + "|".join(sorted((re.escape(k) for k in _N_WORDS if " " not in k), key=len, reverse=True))
            + r"|несколько|кілька|câteva|cateva|бірнеше)")
_UNIT = {
    "day": "d", "days": "d", "week": "w", "weeks": "w", "month": "m", "months": "m", "year": "y", "years": "y",
    "день": "d", "дня": "d", "дней": "d", "сутки": "d", "суток": "d", "неделю": "w", "недели": "w",
    "недель": "w", "месяц": "m", "месяца": "m", "месяцев": "m", "год": "y", "года": "y", "лет": "y",
    "днів": "d", "дні": "d", "тиждень": "w", "тижні": "w", "тижнів": "w", "місяць": "m", "місяці": "m",
    "місяців": "m", "рік": "y", "роки": "y", "років": "y", "zi": "d", "zile": "d", "săptămână": "w",
    "săptămâni": "w", "lună": "m", "luni": "m", "an": "y", "ani": "y", "күн": "d", "апта": "w", "ай": "m",
    "жыл": "y",
}
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in _UNIT), key=len, reverse=True))
# "three days ago", "a week ago", "a few months ago", "два дня назад", "два дні тому", "acum trei zile",
# "2 years earlier"
_RE_AGO = re.compile(
    r"(?<![\w])(?:(?P<n>" + _NUM_ALT + r")" + _SP + r"(?P<u>" + _UNIT_ALT + r")" + _SP + r"(?P<dir>ago|earlier|later|назад|тому|бұрын)"
    r"|(?P<u1>неделю|год|месяц|тиждень|рік|місяць)" + _SP + r"(?P<dir1>назад|тому)"
    r"|acum" + _SP + r"(?P<n2>" + _NUM_ALT + r")" + _SP + r"(?P<u2>" + _UNIT_ALT + r"))(?!\w)",
    _F,
)

# one-word and phrase day references: (regex, day offset)
_DAYREL: list[tuple[str, int, str]] = [
    (r"the\s+day\s+before\s+yesterday|позавчера|позавчора|alaltăieri|алдыңғы\s+күні", -2, "day"),
    (r"the\s+day\s+after\s+tomorrow|послезавтра|післязавтра|poimâine|бүрсігүні", 2, "day"),
    (r"yesterday|вчера|вчора|учора|ieri|кеше|накануне|напередодні", -1, "day"),
    (r"last\s+night|late\s+last\s+night|прошлой\s+ночью|минулої\s+ночі|azi[- ]noapte|"
     r"aseară|кеше\s+түнде|кеше\s+кешке", -1, "day"),
    (r"today|tonight|this\s+(?:morning|afternoon|evening)|сегодня|сьогодні|нынче|azi|astăzi|astazi|"
     r"în\s+această\s+seară|бүгін|сегодня\s+утром|сегодня\s+вечером", 0, "day"),
    (r"tomorrow|завтра|mâine|ертең", 1, "day"),
]
_RE_DAYREL = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<r{i}>{p})" for i, (p, _, _) in enumerate(_DAYREL)) + r")(?!\w)", _F
)

# periods relative to the anchor: (regex, unit, offset)
_PERIODS: list[tuple[str, str, int]] = [
    (r"(?:earlier|later)\s+this\s+week|this\s+week|на\s+этой\s+неделе|за\s+эту\s+неделю|на\s+цьому\s+тижні|цього\s+тижня|"
     r"săptămâna\s+aceasta|săptămâna\s+asta|осы\s+аптада", "w", 0),
    (r"(?:late\s+)?last\s+week|the\s+previous\s+week|на\s+прошлой\s+неделе|на\s+минулому\s+тижні|"
     r"минулого\s+тижня|săptămâna\s+trecută|săptămâna\s+trecuta|өткен\s+аптада|өткен\s+апта", "w", -1),
    (r"next\s+week|на\s+следующей\s+неделе|наступного\s+тижня|săptămâna\s+viitoare|келесі\s+аптада", "w", 1),
    (r"(?:over\s+|at\s+|during\s+)?(?:the|this)\s+(?:past\s+)?weekend|в\s+(?:эти\s+|прошлые\s+)?выходные|"
     r"на\s+(?:цих\s+|минулих\s+)?вихідних|în\s+weekend", "we", 0),
    (r"(?:over\s+)?(?:this|the)\s+past\s+week|(?:over\s+|in\s+)?the\s+past\s+seven\s+days|за\s+(?:последнюю|прошедшую)\s+неделю|"
     r"за\s+минулий\s+тиждень", "7d", 0),
    (r"(?:earlier|later)\s+this\s+month|this\s+month|в\s+этом\s+месяце|цього\s+місяця|luna\s+aceasta|"
     r"luna\s+asta|осы\s+айда", "m", 0),
    (r"last\s+month|в\s+прошлом\s+месяце|минулого\s+місяця|luna\s+trecută|luna\s+trecuta|өткен\s+айда", "m", -1),
    (r"next\s+month|в\s+следующем\s+месяце|наступного\s+місяця|luna\s+viitoare|келесі\s+айда", "m", 1),
    (r"earlier\s+this\s+year|(?:в\s+)?начале\s+(?:этого|текущего)\s+года|на\s+початку\s+(?:цього|поточного)\s+року|"
     r"la\s+începutul\s+acestui\s+an", "ytd", 0),
    (r"this\s+year|(?:в\s+)?этом\s+году|(?:в\s+)?текущем\s+году|цього\s+року|(?:у|в)\s+цьому\s+році|"
     r"(?:у|в)\s+поточному\s+році|anul\s+acesta|anul\s+ăsta|(?:în\s+)?acest\s+an|биыл", "y", 0),
    (r"last\s+year|(?:в\s+)?прошлом\s+году|минулого\s+року|(?:у|в)\s+минулому\s+році|торік|"
     r"anul\s+trecut|былтыр|өткен\s+жылы", "y", -1),
    (r"next\s+year|(?:в\s+)?следующем\s+году|наступного\s+року|(?:у|в)\s+наступному\s+році|"
     r"anul\s+viitor|келесі\s+жылы", "y", 1),
]
_RE_PERIOD = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<p{i}>{p})" for i, (p, _, _) in enumerate(_PERIODS)) + r")(?!\w)", _F
)

# times: "18:05", "5 p.m.", "5:30pm", "noon", "в 18:05", "о 18:05", "сағат 18:05", "ora 18"
_RE_TIME = re.compile(
    r"(?<![\w:.,])(?:(?P<pre>at|by|until|till|around|about|from|after|before|в|во|к|до|около|о|об|близько|після|"
    r"la|ora|de\s+la|сағат)" + _SP + r")?"
    r"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d)|\.(?P<mi2>[0-5]\d)(?=" + _OSP + r"(?:a\.?m|p\.?m)))?" + _OSP
    + r"(?P<ap>a\.\s?m\.|p\.\s?m\.|a\.m\b|p\.m\b|am\b|pm\b)?(?:" + _OSP + r"(?P<tz>est|edt|cst|cdt|pst|pdt|gmt|utc|"
    r"msk|bst|cet|almt|по\s+местному\s+времени|по\s+московскому\s+времени|за\s+київським\s+часом))?"
    r"|(?P<word>noon|midnight|полдень|полночь|опівночі|полудня))(?![\w]|[.:]\d)",
    _F,
)
# "on the 5th", "by the 7th": a day of the anchor's month
_RE_ORDDAY = re.compile(r"(?<![\w])(?P<pre>on|by|since|until|till|from|before|after)" + _SP + r"the" + _SP
                        + r"(?P<d>" + _DAY + r")(?:st|nd|rd|th)(?!\w)(?!" + _SP + r"(?:of|century|anniversary|floor|day|time|try|attempt|place|"
                        r"round|page|line|grade|amendment|row|hole|inning|minute|lap|generation|year|week|month|"
                        r"edition|birthday|largest|biggest|most|best|worst|highest|lowest|person|team|member)\b)", _F)
_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|wo\s+n't|'ll|shall|going\s+to|scheduled|due\s+to|expected\s+to|plans?\s+to|planned|"
    r"is\s+to|are\s+to|set\s+to|upcoming|будет|будут|состоится|планиру\w*|намерен\w*|буде|будуть|відбудеться|"
    r"va|vor|urmează|болады)\b",
    re.I,
)


# --------------------------------------------------------------------------- triggers
# Scanning the whole text with every pattern is slow (long alternations tried at every
# position). One pass over the words finds the few places each family of patterns can match;
# the patterns then run only in windows around them.

_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
_WINDOW_BEFORE, _WINDOW_AFTER = 48, 64
_KK_MONTH_PREFIX = {k[:4] for k in _KAZAKH_MONTHS}
_KK_WD_PREFIX = {"дүйс", "сейс", "сәрс", "бейс", "жұма", "сенб", "жекс"}
_REL_WORDS = {
    "yesterday", "today", "tonight", "tomorrow", "night", "overnight", "morning", "afternoon", "evening", "week",
    "weekend", "month", "year", "ago", "earlier", "later", "past", "позавчера", "вчера", "вчора", "учора",
    "сегодня", "сьогодні", "нынче", "завтра", "послезавтра", "післязавтра", "накануне", "напередодні", "ночью",
    "ночі", "неделе", "неделю", "тижня", "тижні", "тиждень", "месяце", "місяця", "році", "году", "року",
    "торік", "назад", "тому", "начале", "початку", "выходные", "вихідних", "ieri", "azi", "astăzi", "astazi",
    "mâine", "maine", "aseară", "alaltăieri", "poimâine", "noapte", "săptămâna", "luna", "anul", "acum", "an",
    "începutul", "weekend", "seară", "кеше", "бүгін", "ертең", "алдыңғы", "бүрсігүні", "аптада", "апта",
    "айда", "жылы", "биыл", "былтыр", "бұрын",
}
_TIME_WORDS = {"noon", "midnight", "полдень", "полночь", "опівночі", "полудня"}
_MONTH_TRIGGER = set(_MONTH)
_WEEKDAY_TRIGGER = set(_WEEKDAYS) | {"ятниця", "ятницю"}


def is_calendar_word(word: str) -> bool:
    """Whether ``word`` names a month or a weekday in any language with date data ("Tuesday",
    «ноября»): capitalised like a name, but no part of one."""
    low = word.lower().rstrip(".")
    return low in _MONTH or low in _WEEKDAYS


def _lower(text: str) -> str:
    """``text`` lower-cased with its length kept (a few characters grow when lower-cased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _segments(text: str, low: str) -> dict[str, list[tuple[int, int]]]:
    hits: dict[str, list[tuple[int, int]]] = {k: [] for k in ("month", "num", "year", "quarter", "weekday", "rel",
                                                             "ordday", "time", "season")}
    n = len(text)
    # words: classify each distinct word once, then find its occurrences with str.find
    for w in set(_LETTERS.findall(low)):
        families = []
        if w in _MONTH_TRIGGER or w[:4] in _KK_MONTH_PREFIX:
            families.append("month")
        if w in _WEEKDAY_TRIGGER or w[:4] in _KK_WD_PREFIX:
            families.append("weekday")
        if w in _REL_WORDS:
            families.append("rel")
        if w == "quarter":
            families.append("quarter")
        elif w in _SEASON:
            families.append("season")
        elif w in _TIME_WORDS:
            families.append("time")
        if not families:
            continue
        size = len(w)
        i = low.find(w)
        while i >= 0:
            e = i + size
            if (i == 0 or not low[i - 1].isalpha()) and (e == n or not low[e].isalpha()):
                for f in families:
                    hits[f].append((i, e))
            i = low.find(w, e)
    for m in _DIGITS.finditer(text):
        s, e = m.span()
        size = e - s
        nxt = text[e:e + 1]
        if size == 4:
            hits["year"].append((s, e))
        if nxt and nxt in "./-" and text[e + 1:e + 2].isdigit():
            hits["num"].append((s, e))
            hits["time"].append((s, e))
        elif nxt == ":" or (nxt == " " and text[e + 1:e + 2] in ("a", "p", "A", "P")) or nxt in ("a", "p", "A", "P"):
            hits["time"].append((s, e))
        if size <= 2 and low[e:e + 2] in ("st", "nd", "rd", "th"):
            hits["ordday"].append((s, e))
    segs: dict[str, list[tuple[int, int]]] = {}
    for k, spans in hits.items():
        spans.sort()
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            lo, hi = max(0, s - _WINDOW_BEFORE), min(n, e + _WINDOW_AFTER)
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
            else:
                merged.append((lo, hi))
        # never cut a word at a window's end: the patterns' look-aheads would see a false end
        out = []
        for lo, hi in merged:
            while hi < n and text[hi - 1].isalnum() and text[hi].isalnum():
                hi += 1
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
        segs[k] = out
    return segs


def _scan(rx: re.Pattern, text: str, segs: list[tuple[int, int]]):
    for lo, hi in segs:
        yield from rx.finditer(text, lo, hi)


# --------------------------------------------------------------------------- helpers


def _month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    m = _MONTH.get(w)
    if m is None:
        for stem in _KAZAKH_MONTHS:
            if w.startswith(stem):
                return _MONTH[stem]
    return m


def _iso(d: date) -> str:
    return d.isoformat()


def _ok_month_word(word: str, *, with_number: bool, language: str | None) -> bool:
    """Filter month words that are also ordinary words ("may", "march", "mai")."""
    bare = word.rstrip(".")
    low = bare.lower()
    if low in _CAPITAL_ONLY and not bare[:1].isupper():
        return False
    if low in ("mai", "noi") and (language == "en" or not with_number):
        return False
    if low in _AMBIGUOUS_MONTH and not with_number:
        return False
    return True


def _mk_date(y: str, m: int, d: int) -> str | None:
    if y == "XXXX":
        if d > (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31):
            return None
        return f"XXXX-{m:02d}-{d:02d}"
    try:
        return date(int(y), m, d).isoformat()
    except ValueError:
        return None


def _to_date(value: str | None) -> date | None:
    if value and len(value) >= 10 and value[0] != "X":
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _year2(two: str, ref: int | None) -> int:
    y = int(two)
    century = (ref or 2000) // 100 * 100
    full = century + y
    if ref and full > ref + 20:
        full -= 100
    return full


def _count_follows(text: str, end: int) -> bool:
    return bool(_COUNT_NOUN.match(text, end, min(len(text), end + 16)))


def _money_before(text: str, start: int) -> bool:
    return bool(_MONEY_BEFORE.search(text, max(0, start - 12), start))


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _month_end(y: int, m: int) -> date:
    ny, nm = _add_months(y, m, 1)
    return date(ny, nm, 1) - timedelta(days=1)


def _clause_before(text: str, start: int) -> str:
    """The words of ``start``'s own clause before it (back to a sentence end, line, comma or
    semicolon: "Officials will meet on Monday, the minister said Monday" — the second Monday's
    clause has no "will")."""
    seg = text[max(0, start - 80):start]
    cut = max(seg.rfind(". "), seg.rfind("\n"), seg.rfind("! "), seg.rfind("? "), seg.rfind(", "), seg.rfind("; "))
    return seg[cut + 1:] if cut >= 0 else seg


@lru_cache(maxsize=None)
def _anaphoric_words() -> frozenset[str]:
    return frozenset(w.lower() for data in lang.merged("dates_tense").values() for w in data.get("anaphoric", []))


@lru_cache(maxsize=None)
def _anaphoric() -> re.Pattern | None:
    """A determiner (and a hyphenated modifier) right before a weekday that makes it a day of a
    week the text set earlier ("the post-storm Saturday", "that Monday"; ``dates_tense.json``)."""
    words = set(_anaphoric_words())
    if not words:
        return None
    bare = {w for w in words if w in ("the",)}  # "by the Tuesday" is a deadline: "the" needs a modifier
    others = sorted(map(re.escape, words - bare), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:(?:" + "|".join(others) + r")(?:\s+[^\W\d_]+-[\w-]+)?"
                      + "".join(rf"|{re.escape(w)}\s+[^\W\d_]+-[\w-]+" for w in sorted(bare)) + r")\s+$", re.I)


@lru_cache(maxsize=None)
def _tense_cues() -> tuple[re.Pattern | None, re.Pattern | None]:
    """Future cues and reporting verbs of every language (``lang/<code>/dates_tense.json``)."""
    words: dict[str, set[str]] = {"future": set(), "reporting": set()}
    for data in lang.merged("dates_tense").values():
        for kind, found in words.items():
            found.update(w.lower() for w in data.get(kind, []))

    def rx(found: set[str], tail: str) -> re.Pattern | None:
        if not found:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, found), key=len, reverse=True)) + r")" + tail,
                          re.I)

    # a reporting verb right before the weekday: "said Monday", "told reporters on Monday", «заявив у понеділок»
    return rx(words["future"], r"(?!\w)"), rx(words["reporting"], r"(?:\s+\w+){0,2}\s+(?:on|в|во|у)?\s*$")


_CLAUSE_END = re.compile(r"[.!?…](?=\s+[\"“«„'‘(]?[A-ZА-ЯЁІЇЄҐ]|\s*$)|[\n(;]")


def _anaphoric_weekday(text: str, start: int) -> bool:
    """Whether the weekday at ``start`` follows an anaphoric determiner in its own clause and no
    verb of saying ("the minister said Monday" is the day of saying)."""
    rx = _anaphoric()
    seg = _clause_before(text, start)
    _, reporting = _tense_cues()
    return bool(rx and rx.search(seg)) and not (reporting is not None and reporting.search(seg))


def _future_context(text: str, start: int, end: int | None = None) -> bool:
    """Whether the clause before ``start`` reads as future — unless a reporting verb stands
    right before it (the day of saying is past). A weekday that opens its sentence ("On Friday,
    the speaker plans to visit") is read with its main clause after it (up to ten words, a
    parenthesis or the sentence's end): the first of a reporting verb or a future cue decides."""
    seg = _clause_before(text, start)
    future, reporting = _tense_cues()
    if reporting is not None and reporting.search(seg):
        return False
    if _FUTURE_CUE.search(seg) or (future is not None and future.search(seg)):
        return True
    if end is None or re.search(r"\w", seg) and not re.fullmatch(r"\W*(?:on|в|во|у)?\W*", seg, re.I):
        return False
    # the weekday's own main clause: up to a sentence end (not an abbreviation's full stop, as in
    # "Paul Ryan, R-Wis., plans"), a parenthesis or a semicolon, ten words
    after = _CLAUSE_END.split(text[end:end + 120], maxsplit=1)[0]
    after = "".join(re.findall(r"\W*\w+", after)[:10])
    cues = [m.start() for rx in (_FUTURE_CUE, future) if rx is not None for m in [rx.search(after)] if m]
    said = [m.start() for m in re.finditer(r"(?<!\w)\w+", after) if reporting is not None
            and reporting.search(after[:m.end()] + " ")]
    return bool(cues) and (not said or min(cues) < min(said))


# --------------------------------------------------------------------------- candidate finders


def _explicit(text: str, low: str, anchor: _Anchor, language: str | None, out: list[_Cand], segs: dict) -> None:
    for rx in (_RE_MDY, _RE_DMY):
        for m in _scan(rx, low, segs["month"]):
            mon_word = text[m.start("mon"):m.end("mon")]
            month = _month_of(mon_word)
            if month is None or not _ok_month_word(mon_word, with_number=True, language=language):
                continue
            s, e = m.span()
            d1 = int(m.group("d1"))
            d2 = int(m.group("d2")) if m.group("d2") else None
            yg = m.group("y")
            if rx is _RE_DMY:
                if _money_before(text, s):
                    continue
            else:
                kazakh = any(mon_word.lower().startswith(k) for k in _KAZAKH_MONTHS)
                if re.match(r"[а-яіїєґ]", mon_word, re.I) and not kazakh:
                    continue
                if not yg and _count_follows(text, m.end("d2") if d2 else m.end("d1")):
                    continue
                if mon_word.lower().rstrip(".") in ("may", "march") and not yg and language not in (None, "en"):
                    continue
            if d2 is not None and d2 <= d1:
                continue
            if yg:
                y, anchored = yg, False
            else:
                y, anchored = anchor.year_for(month, d1)
            v1 = _mk_date(y, month, d1)
            if v1 is None:
                continue
            if d2 is not None:
                v2 = _mk_date(y, month, d2)
                if v2 is None:
                    continue
                out.append(_Cand(s, e, "range", lo=v1, hi=v2, anchored=anchored))
            else:
                out.append(_Cand(s, e, "date", value=v1, anchored=anchored, day=_to_date(v1),
                                 md=(month, d1) if anchored else None))
    for m in _scan(_RE_KK, low, segs["month"]):
        month = _month_of(m.group("mon"))
        if month is None:
            continue
        y = m.group("y")
        if m.group("d1"):
            v = _mk_date(y, month, int(m.group("d1")))
            if v:
                out.append(_Cand(m.start(), m.end(), "date", value=v, day=_to_date(v)))
        else:
            out.append(_Cand(m.start(), m.end(), "month", value=f"{y}-{month:02d}"))
    for m in _scan(_RE_MY, low, segs["month"]):
        mon_word = text[m.start("mon"):m.end("mon")]
        month = _month_of(mon_word)
        if month is None or not _ok_month_word(mon_word, with_number=True, language=language):
            continue
        if _RE_PEOPLE.match(text, m.end("y"), m.end("y") + 14):
            continue  # "in March 2000 people marched"
        out.append(_Cand(m.start(), m.end(), "month", value=f"{m.group('y')}-{month:02d}"))
    for m in _scan(_RE_PM, low, segs["month"]):
        mon_word = text[m.start("mon"):m.end("mon")]
        month = _month_of(mon_word)
        if month is None or mon_word.rstrip(".").lower() in _ABBREV or mon_word.lower() in ("mai", "noi"):
            continue
        if mon_word.lower() in _CAPITAL_ONLY and not mon_word[:1].isupper():
            continue
        weak_prep = m.group("prep").strip().lower() in ("la", "din", "of", "prin")
        if mon_word.lower() in ("mai", "march", "may") and weak_prep:
            continue
        prep = m.group("prep").strip().lower()
        # Keep modifiers that belong to the expression ("early September") in the span.
        s = m.start() if prep.split()[0] in ("early", "late", "mid", "mid-", "the", "last", "next", "this",
                                             "начале", "конце", "середине", "на", "наприкінці",
                                             "începutul", "sfârșitul", "mijlocul") else m.start("mon")
        y, anchored = anchor.year_for(month)
        if prep == "this" and anchor.year:
            y, anchored = f"{anchor.year:04d}", True
        elif prep.startswith("last") and anchor.day:
            y, anchored = str(anchor.day.year - (1 if month >= anchor.day.month else 0)), True
        elif prep.startswith("next") and anchor.day:
            y, anchored = str(anchor.day.year + (1 if month <= anchor.day.month else 0)), True
        out.append(_Cand(s, m.end(), "month", value=f"{y}-{month:02d}", anchored=anchored))
    for m in _scan(_RE_KK_MONTH_ALONE, low, segs["month"]):
        month = _month_of(m.group("mon"))
        if month is None or m.group("mon").lower().startswith(("қазан", "наурыз")) and "айы" not in m.group("mon"):
            continue
        y, anchored = anchor.year_for(month)
        out.append(_Cand(m.start(), m.end(), "month", value=f"{y}-{month:02d}", anchored=anchored))
    for m in _scan(_RE_BARE_MONTH, text, segs["month"]):
        month = _MONTH[m.group("mon").lower()]
        y, anchored = anchor.year_for(month)
        out.append(_Cand(m.start(), m.end(), "month", value=f"{y}-{month:02d}", anchored=anchored))
    for m in _scan(_RE_MREL, low, segs["month"]):
        month = _month_of(m.group("mon"))
        if month is None or not anchor.year:
            continue
        y = anchor.year + _MREL_K[re.sub(r"\s+", " ", m.group("rel").lower())]
        if m.group("d1"):
            v = _mk_date(str(y), month, int(m.group("d1")))
            if v:
                out.append(_Cand(m.start(), m.end(), "date", value=v, anchored=True, day=_to_date(v)))
        else:
            out.append(_Cand(m.start(), m.end(), "month", value=f"{y:04d}-{month:02d}", anchored=True))
    for m in _scan(_RE_SEASON, low, segs["season"]):
        pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
        if not pre and not m.group("y"):
            continue
        if not m.group("y") and low[m.end():m.end() + 4] == " of ":
            continue  # "in the fall of Kabul"
        first = _SEASON[m.group("s").lower()]
        if m.group("y"):
            y = int(m.group("y")) - (1 if first == 12 else 0)
            anchored = False
        elif anchor.year is None:
            out.append(_Cand(m.start(), m.end(), "vague"))
            continue
        else:
            anchored = True
            a = anchor.day or date(anchor.year, 7, 1)
            # the season's start in the anchor's year, December belonging to the winter that follows
            y = a.year - (1 if first == 12 and a.month < 3 else 0)
            start = date(y, first, 1)
            end = _month_end(*_add_months(y, first, 2))
            if pre in ("last", "this past"):
                while end >= a:
                    y -= 1
                    end = _month_end(*_add_months(y, first, 2))
            elif pre == "next":
                while start <= a:
                    y += 1
                    start = date(y, first, 1)
            elif pre != "this":
                y0, _ = anchor.year_for(first + 1 if first < 12 else 1)
                y = int(y0) - (1 if first == 12 else 0) if y0 != "XXXX" else y
        ly, lm = y, first
        hy, hm = _add_months(y, first, 2)
        out.append(_Cand(m.start(), m.end(), "range", lo=f"{ly:04d}-{lm:02d}", hi=f"{hy:04d}-{hm:02d}",
                         anchored=anchored))
    for m in _scan(_RE_NUM, low, segs["num"]):
        s, e = m.span()
        if _money_before(text, s):
            continue
        if m.group("iy"):
            v = _mk_date(m.group("iy"), int(m.group("im")), int(m.group("id")))
            if not v:
                continue
            t = (int(m.group("ih")), int(m.group("imin"))) if m.group("ih") else None
            val = f"{v}T{t[0]:02d}:{t[1]:02d}" if t else v
            out.append(_Cand(s, e, "date", value=val, day=_to_date(v), time=t))
            continue
        a, b, c, sep = int(m.group("a")), int(m.group("b")), m.group("c"), m.group("sep")
        if len(c) == 2:
            if len(m.group("a")) != 2 or len(m.group("b")) != 2:
                continue  # "2.6.19": too weak
            year = _year2(c, anchor.year)
        else:
            year = int(c)
        if sep == "/" and language in (None, "en") and a <= 12 and (b > 12 or language == "en"):
            month, day = a, b  # US order for English
        else:
            day, month = a, b
        v = _mk_date(str(year), month, day) if 1 <= month <= 12 else None
        if v:
            out.append(_Cand(s, e, "date", value=v, day=_to_date(v)))


def _years(text: str, low: str, anchor: _Anchor, out: list[_Cand], segs: dict) -> None:
    for m in _scan(_RE_YEAR, low, segs["year"]):
        prep, yw, y2 = m.group("prep") or m.group("mid"), m.group("yw"), m.group("y2")
        y = int(m.group("y"))
        s, e = m.span()
        if _money_before(text, m.start("y")) and not prep:
            continue
        if y2:
            y2i = int(y2) if len(y2) == 4 else (y // 100 * 100 + int(y2))
            if y2i <= y or y2i - y > 200:
                y2 = None
                e = m.end("y")
            elif not (prep or m.group("yw2")) and _count_follows(text, e):
                continue
            else:
                if not prep and (y < 1800 or not _RE_DASH_GAP.fullmatch(text, m.end("y"), m.start("y2"))):
                    if not _RE_TO_GAP.fullmatch(low, m.end("y"), m.start("y2")):
                        continue
                if prep:
                    sep = text[m.end("y"):m.start("y2")].strip().lower()
                    if sep in ("and", "и", "і", "та", "și") and prep.lower() not in ("between", "între"):
                        y2 = None  # "in 2015 and 2016": a list, each year found on its own
                        e = m.end("y")
                if y2:
                    out.append(_Cand(s, e, "range", lo=f"{y:04d}", hi=f"{y2i:04d}"))
                    continue
        if not y2:
            if not yw and not prep:
                continue
            if not yw and _count_follows(text, m.end("y")):
                continue
            if yw and yw.strip().lower().startswith("an") and not prep:
                # Romanian "an" after a number is "year" only in "anul 2019" order, not "2019 an"
                continue
            if prep and prep.lower() in _WEAK_YEAR_PREP and not yw:
                # weaker prepositions: require a plausible recent year and no count noun
                if not (1900 <= y <= 2099):
                    continue
            e = m.end("yw") if yw else m.end("y")
            if m.group("mid"):
                start = m.start("mid")
            elif prep and prep.lower() in ("early", "late", "fiscal"):
                start = m.start("prep")
            else:
                start = m.start("y")
            out.append(_Cand(start, e, "year", value=f"{y:04d}"))
    # lists: "in 2015 and 2016", "in 2014, 2016 or 2019"
    queue = [c for c in out if c.kind == "year" and not c.anchored]
    while queue:
        c = queue.pop()
        m = _RE_YEAR_NEXT.match(text, c.end)
        if m and not _count_follows(text, m.end()):
            n = _Cand(m.start("y"), m.end(), "year", value=m.group("y"))
            out.append(n)
            queue.append(n)
    for m in _scan(_RE_DECADE, low, segs["year"]):
        base = int(m.group("c")) * 100 + int(m.group("dd")) * 10
        lo, hi = base, base + 9
        mod = (m.group("mod") or "").lower()
        if mod == "early":
            hi = base + 3
        elif mod == "late":
            lo = base + 7
        elif mod == "mid":
            lo, hi = base + 3, base + 6
        out.append(_Cand(m.start(), m.end(), "range", lo=f"{lo:04d}", hi=f"{hi:04d}", extra={"decade": base // 10}))
    for m in _scan(_RE_CENTURY, low, segs["ordday"]):
        n = int(m.group("n"))
        if 1 <= n <= 21:
            out.append(_Cand(m.start(), m.end(), "range", lo=f"{(n - 1) * 100:04d}", hi=f"{(n - 1) * 100 + 99:04d}"))
    for m in _scan(_RE_QUARTER, low, segs["quarter"]):
        q = _Q[m.group("q").lower()]
        yg = m.group("y1") or m.group("y2") or m.group("y3")
        anchored = False
        if yg:
            y = int(yg)
        elif anchor.day:
            y = anchor.day.year
            if (q - 1) * 3 + 1 > anchor.day.month:
                y -= 1
            anchored = True
        elif anchor.year:
            y, anchored = anchor.year, True
        else:
            out.append(_Cand(m.start(), m.end(), "vague"))
            continue
        lo = date(y, (q - 1) * 3 + 1, 1)
        out.append(_Cand(m.start(), m.end(), "range", lo=_iso(lo), hi=_iso(_month_end(y, q * 3)), anchored=anchored,
                         extra={"quarter": f"{y}-Q{q}"}))


def _weekday_day(anchor: date, wd: int, direction: int) -> date:
    """Most recent ``wd`` on/before the anchor (direction -1; -2 strictly before) or next after (+1)."""
    if direction >= 0:
        delta = (wd - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=delta)
    delta = (anchor.weekday() - wd) % 7
    if direction == -2 and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def _weekdays(text: str, low: str, anchor: _Anchor, language: str | None, out: list[_Cand], segs: dict) -> None:
    for m in _scan(_RE_WEEKDAY, low, segs["weekday"]):
        word = text[m.start("wd"):m.end("wd")].rstrip(".")
        lw = word.lower()
        base = lw
        for k in (lw, _RE_KK_WD_SUFFIX.sub("", lw)):
            if k in _WEEKDAYS:
                base = k
                break
        if base not in _WEEKDAYS:
            continue
        wd = _WEEKDAYS[base]
        pre = (m.group("pre") or "").strip().lower()
        if base in _WEEKDAY_NEEDS_DATE:
            # only in front of a date: "Sat, Jan 8", "Luni, 10 ianuarie"
            nxt = text[m.end("wd"):m.end("wd") + 20]
            if not _RE_DATE_AFTER.match(nxt.lower()):
                continue
            if base in ("sat", "sun", "wed", "mon") and not word[:1].isupper():
                continue
        if base in _WEEKDAY_NEEDS_PREP and not pre:
            continue
        if pre in _anaphoric_words() or (not pre and _anaphoric_weekday(text, m.start("wd"))):
            continue  # "the post-storm Saturday": a day of a week the text set earlier
        if language == "en" and base in ("joi", "luni", "vineri", "marti"):
            continue
        if re.match(r"[а-яіїєґ]", word) and not pre and not word[:1].isupper() and base in ("среда", "середа"):
            continue
        s = m.start() if pre in ("last", "next", "this", "past", "coming", "this coming",
                                 "минулого", "минулої", "минулий", "минулу",
                                 "прошлый", "прошлую", "прошлое", "прошлой", "прошлым", "наступного",
                                 "наступної", "наступний", "наступну", "следующий", "следующую", "өткен",
                                 "келесі", "в ночь на", "в ночь с") else m.start("wd")
        e = m.end()
        extra = {"wd": wd, "needs_date": base in _WEEKDAY_NEEDS_DATE}
        if anchor.day is None:
            out.append(_Cand(s, e, "weekday", extra=extra))
            continue
        if pre.startswith(("last", "past", "минул", "прошл", "өткен")):
            direction = -2
        elif pre.startswith(("next", "наступн", "следующ", "келесі", "coming", "this coming")):
            direction = 1
        else:  # "on Wednesday", "this Wednesday": past unless the clause reads as future
            direction = 1 if _future_context(text, m.start(), m.end()) else -1
        d = _weekday_day(anchor.day, wd, direction)
        out.append(_Cand(s, e, "weekday", value=_iso(d), anchored=True, day=d, extra=extra))


def _relative(text: str, low: str, anchor: _Anchor, out: list[_Cand], segs: dict) -> None:
    a = anchor.day
    for m in _scan(_RE_DAYREL, low, segs["rel"]):
        i = int(m.lastgroup[1:])
        offset = _DAYREL[i][1]
        if a is None:
            out.append(_Cand(m.start(), m.end(), "vague"))
            continue
        d = a + timedelta(days=offset)
        out.append(_Cand(m.start(), m.end(), "day", value=_iso(d), anchored=True, day=d))
    for m in _scan(_RE_PERIOD, low, segs["rel"]):
        i = int(m.lastgroup[1:])
        _, unit, k = _PERIODS[i]
        s, e = m.span()
        if a is None:
            if unit == "y" and anchor.year:
                out.append(_Cand(s, e, "year", value=f"{anchor.year + k:04d}", anchored=True))
            else:
                out.append(_Cand(s, e, "vague"))
            continue
        if unit == "w":
            monday = a - timedelta(days=a.weekday()) + timedelta(weeks=k)
            out.append(_Cand(s, e, "range", lo=_iso(monday), hi=_iso(monday + timedelta(days=6)), anchored=True))
        elif unit == "we":
            sat = a - timedelta(days=(a.weekday() - 5) % 7)
            out.append(_Cand(s, e, "range", lo=_iso(sat), hi=_iso(sat + timedelta(days=1)), anchored=True))
        elif unit == "7d":
            out.append(_Cand(s, e, "range", lo=_iso(a - timedelta(days=7)), hi=_iso(a), anchored=True))
        elif unit == "m":
            y, mo = _add_months(a.year, a.month, k)
            out.append(_Cand(s, e, "month", value=f"{y:04d}-{mo:02d}", anchored=True))
        elif unit == "ytd":
            out.append(_Cand(s, e, "range", lo=f"{a.year:04d}-01-01", hi=_iso(a), anchored=True))
        else:
            out.append(_Cand(s, e, "year", value=f"{a.year + k:04d}", anchored=True))
    for m in _scan(_RE_AGO, low, segs["rel"]):
        n_word = (m.group("n") or m.group("n2") or "1").lower()
        unit = _UNIT[(m.group("u") or m.group("u1") or m.group("u2")).lower()]
        direction = (m.group("dir") or m.group("dir1") or "ago").lower()
        sign = 1 if direction == "later" else -1
        if direction in ("earlier", "later"):
            # "a day later", "two years earlier": counted from an event in the story, not from
            # the document's date: found, but left unplaced
            out.append(_Cand(m.start(), m.end(), "vague"))
            continue
        s, e = m.span()
        n_word = re.sub(r"\s+", " ", n_word)
        if n_word in _VAGUE_N or a is None:
            n = None
        else:
            n = int(n_word) if n_word.isdigit() else _N_WORDS.get(n_word)
        if n is None:
            if a is not None and n_word in _VAGUE_N:
                lo_n, hi_n = (2, 9) if n_word not in ("some", "many") else (2, 30)
                if unit == "d":
                    lo, hi = a + timedelta(days=sign * hi_n), a + timedelta(days=sign * lo_n)
                    out.append(_Cand(s, e, "range", lo=_iso(min(lo, hi)), hi=_iso(max(lo, hi)), anchored=True))
                elif unit == "w":
                    lo, hi = a + timedelta(weeks=sign * hi_n), a + timedelta(weeks=sign * lo_n)
                    out.append(_Cand(s, e, "range", lo=_iso(min(lo, hi)), hi=_iso(max(lo, hi)), anchored=True))
                elif unit == "m":
                    p = [_add_months(a.year, a.month, sign * x) for x in (hi_n, lo_n)]
                    p.sort()
                    out.append(_Cand(s, e, "range", lo=f"{p[0][0]:04d}-{p[0][1]:02d}", hi=f"{p[1][0]:04d}-{p[1][1]:02d}",
                                     anchored=True))
                else:
                    ys = sorted(a.year + sign * x for x in (hi_n, lo_n))
                    out.append(_Cand(s, e, "range", lo=f"{ys[0]:04d}", hi=f"{ys[1]:04d}", anchored=True))
            else:
                out.append(_Cand(s, e, "vague"))
            continue
        if unit == "d" and n <= _EXACT_DAYS_AGO:
            d = a + timedelta(days=sign * n)
            out.append(_Cand(s, e, "day", value=_iso(d), anchored=True, day=d))
        elif unit in ("d", "w"):
            # "50 days ago", "two weeks ago": a round count, not a day — a range around it
            days = n * (7 if unit == "w" else 1)
            d, spread = a + timedelta(days=sign * days), timedelta(days=max(1, days // 10) if unit == "d" else 3)
            out.append(_Cand(s, e, "range", lo=_iso(d - spread), hi=_iso(d + spread), anchored=True))
        elif unit == "m":
            y, mo = _add_months(a.year, a.month, sign * n)
            out.append(_Cand(s, e, "month", value=f"{y:04d}-{mo:02d}", anchored=True))
        else:
            out.append(_Cand(s, e, "year", value=f"{a.year + sign * n:04d}", anchored=True))
    for m in _scan(_RE_ORDDAY, low, segs["ordday"]):
        d = int(m.group("d"))
        if a is None:
            continue
        best = None
        for k in (-1, 0, 1):
            y, mo = _add_months(a.year, a.month, k)
            try:
                cand = date(y, mo, d)
            except ValueError:
                continue
            diff = (cand - a).days
            cost = diff * 2 if diff > 0 else -diff
            if best is None or cost < best[0]:
                best = (cost, cand)
        if best:
            out.append(_Cand(m.start("d") - 4, m.end(), "date", value=_iso(best[1]), anchored=True, day=best[1]))


def _times(text: str, low: str, out: list[_Cand], segs: dict) -> None:
    for m in _scan(_RE_TIME, low, segs["time"]):
        if m.group("word"):
            w = m.group("word").lower()
            h = 0 if w in ("midnight", "полночь", "опівночі") else 12
            out.append(_Cand(m.start(), m.end(), "time", time=(h, 0)))
            continue
        if m.group("h") is None:
            continue
        h = int(m.group("h"))
        mi = m.group("mi") or m.group("mi2")
        ap = (m.group("ap") or "").lower().replace(" ", "")
        pre = m.group("pre")
        if not mi and not ap:
            continue
        if not ap and not (pre or m.group("tz")):
            # bare "18:05": only when it sits next to a date (joined later), else a score or ratio
            if not re.match(r"\d\d?:\d\d$", m.group(0).strip()):
                continue
            out.append(_Cand(m.start("h"), m.end(), "time", time=(h, int(mi)), extra={"weak": True}))
            continue
        if ap:
            if h == 0 or h > 12:
                continue
            if ap.startswith("p") and h != 12:
                h += 12
            elif ap.startswith("a") and h == 12:
                h = 0
        s = m.start("h") if pre else m.start()
        out.append(_Cand(s, m.end(), "time", time=(h, int(mi) if mi else 0)))


# --------------------------------------------------------------------------- assembly

_GAP_JOIN = re.compile(r"^[ \t\u00a0,]*(?:(?:at|on|of|in|the|в|во|о|об|на|la|în|pe|,|\s)*)$", re.I)
_GAP_RANGE = re.compile(r"^\s*(?:[-–—]|to|through|until|till|and|по|до|и|і|та|și|până\s+(?:la|pe)|–)\s*$", re.I)
_RANGE_OPENER = re.compile(r"(?:from|between|с|со|з|від|із|de\s+la|din|între|între\s+ziua)\s*$", re.I)
_DATELIKE = {"date", "day", "weekday"}


def _select(cands: list[_Cand]) -> list[_Cand]:
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[_Cand] = []
    if not cands:
        return taken
    occupied = bytearray(max(c.end for c in cands) + 1)
    for c in cands:
        if c.end <= c.start or occupied.find(1, c.start, c.end) >= 0:
            continue
        taken.append(c)
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
    taken.sort(key=lambda c: c.start)
    return taken


def _with_time(c: _Cand, t: tuple[int, int]) -> None:
    if c.value and len(c.value) == 10:
        c.value = f"{c.value}T{t[0]:02d}:{t[1]:02d}"
    c.time = t


def _join(text: str, cands: list[_Cand], anchor: _Anchor) -> list[_Cand]:
    out: list[_Cand] = []
    for c in cands:
        if out:
            p = out[-1]
            gap = text[p.end:c.start]
            # weekday + date: "Thursday, January 6th", "Sat, Jan 8" — the date wins; a guessed
            # year is replaced by one that agrees with the weekday
            if p.kind == "weekday" and c.kind == "date" and len(gap) <= 3 and _GAP_JOIN.match(gap):
                if c.md and "wd" in p.extra:
                    y0 = int(c.value[:4]) if c.value and c.value[0] != "X" else None
                    if y0:
                        for y in (y0, y0 - 1, y0 + 1, y0 - 2, y0 + 2, y0 - 3, y0 + 3):
                            try:
                                dd = date(y, *c.md)
                            except ValueError:
                                continue
                            if dd.weekday() == p.extra["wd"]:
                                c.value, c.day = _iso(dd), dd
                                break
                c.start = p.start
                out[-1] = c
                continue
            if p.kind == "date" and c.kind == "weekday" and c.start - p.end <= 2 and text[p.end:c.start] in (", ", " "):
                # "January 5 (Wednesday)" is rare; leave as two
                pass
            # date/day/weekday + time ("January 10, 18:05", "yesterday at 5 p.m.") and the reverse
            if p.kind in _DATELIKE and c.kind == "time" and c.time and len(gap) <= 5 and _GAP_JOIN.match(gap):
                if p.value and len(p.value) == 10:
                    _with_time(p, c.time)
                p.end = c.end
                continue
            if p.kind == "time" and c.kind in _DATELIKE and p.time and len(gap) <= 5 and _GAP_JOIN.match(gap):
                if c.value and len(c.value) == 10:
                    _with_time(c, p.time)
                c.start = p.start
                out[-1] = c
                continue
            # ranges: "from January 2 to January 10", "between 2015 and 2019", "2 - 5 January 2022"
            if (p.kind in ("date", "month", "year") and c.kind == p.kind and p.value and c.value
                    and _GAP_RANGE.match(gap) and p.value < c.value):
                sep = gap.strip().lower()
                opener = _RANGE_OPENER.search(text, max(0, p.start - 12), p.start)
                if sep in ("-", "–", "—", "through") or opener and not (sep in ("and", "и", "і", "та", "și") and
                                                                      not opener.group(0).lower().startswith(("between", "între"))):
                    start = opener.start() if opener else p.start
                    out[-1] = _Cand(start, c.end, "range", lo=p.value, hi=c.value, anchored=p.anchored or c.anchored)
                    continue
        out.append(c)
    # a time on its own ("at 7:15 p.m.") belongs to the last day named earlier in its sentence,
    # else to the anchor's day
    last_day: _Cand | None = None
    result = []
    for c in out:
        if c.kind == "weekday" and c.extra.get("needs_date"):
            continue  # "Sun", "Sat", "Luni" not followed by a date: ordinary words
        if c.kind == "time":
            if c.extra.get("weak"):
                continue
            day = None
            if last_day is not None and not re.search(r"[.!?]\s|\n", text[last_day.end:c.start]):
                day = last_day.day
            elif anchor.day is not None:
                day = anchor.day
            if day is not None and c.time:
                c.value = f"{day.isoformat()}T{c.time[0]:02d}:{c.time[1]:02d}"
                c.anchored = True
        elif c.day is not None:
            last_day = c
        result.append(c)
    return result


_KEEP_DOT = _ABBREV | _WEEKDAY_NEEDS_DATE | {"г", "гг", "р", "ж", "m", "c"}


def find_dates_in(text: str, anchor: date | None = None, language: str | None = None, *,
                  year: int | None = None) -> list[DateMention]:
    """Date and time mentions in ``text``, offsets into ``text``.

    ``anchor`` is the date relative expressions are resolved against (a datetime counts by its
    date); ``year`` is used when only the year of the document is known; ``language`` (ISO 639-1,
    or None for "any") switches a few language-specific readings (US month/day order for "en").
    """
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    anc = _Anchor(anchor, year)
    cands: list[_Cand] = []
    low = _lower(text)
    segs = _segments(text, low)
    _explicit(text, low, anc, language, cands, segs)
    _years(text, low, anc, cands, segs)
    _weekdays(text, low, anc, language, cands, segs)
    _relative(text, low, anc, cands, segs)
    _times(text, low, cands, segs)
    chosen = _join(text, _select(cands), anc)
    result = []
    for c in chosen:
        s, e = c.start, c.end
        while e > s and text[e - 1] in " ,\t":
            e -= 1
        if e - s > 2 and text[e - 1] == "." and text[e - 2].isalpha():
            word = re.search(r"([^\W\d_]+)\.$", text[s:e])
            if word and word.group(1).lower() not in _KEEP_DOT:
                e -= 1
        if c.kind == "range":
            result.append(DateMention(s, e, text[s:e], lo=c.lo, hi=c.hi, anchored=c.anchored))
        else:
            result.append(DateMention(s, e, text[s:e], value=c.value, anchored=c.anchored))
    return result


# --------------------------------------------------------------------------- documents


def _parse_published(value: str | None) -> date | None:
    """The calendar date of a ``published`` field: ISO first, else any full date in it
    ("Mon, 10 Jan 2022 18:05 GMT", "10.01.2022")."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    for c in find_dates_in(value[:100], None, None):
        d = _to_date(c.value)
        if d:
            return d
    return None


def document_anchor(doc: Document) -> tuple[date | None, int | None]:
    """(anchor date, anchor year) for a document — see the module notes for the rules."""
    day = _parse_published(doc.meta.get("published"))
    if day:
        return day, day.year
    # a dateline at the top ("By ... | 12.01.2022, 09:15")
    for c in find_dates_in(doc.text[:300], None, doc.meta.get("language")):
        d = _to_date(c.value)
        if d and d.year <= date.today().year:
            return d, d.year
    # else only a year: the latest one the document states for a day, a month or a year
    # (not decades or centuries, not years after today)
    years = []
    for c in find_dates_in(doc.text, None, doc.meta.get("language")):
        for v in (c.value, c.lo if c.lo and len(c.lo) >= 7 else None, c.hi if c.hi and len(c.hi) >= 7 else None):
            if v and v[:4].isdigit():
                years.append(int(v[:4]))
    years = [y for y in years if 1900 <= y <= date.today().year]
    return None, max(years) if years else None


def find_dates(doc: Document) -> list[DateMention]:
    """Date mentions in ``doc.text``, resolved against the document's date (see module notes)."""
    anchor, year = document_anchor(doc)
    text = doc.text
    # run per stretch of passages in one language (language only changes a few readings)
    spans: list[tuple[int, int, str | None]] = []
    for p in doc.passages:
        lang = p.language or doc.meta.get("language")
        if spans and spans[-1][2] == lang:
            spans[-1] = (spans[-1][0], p.end, lang)
        else:
            spans.append((p.start, p.end, lang))
    if not spans:
        spans = [(0, len(text), doc.meta.get("language"))]
    else:
        # cover text outside passages too
        spans[0] = (0, spans[0][1], spans[0][2])
        spans[-1] = (spans[-1][0], len(text), spans[-1][2])
        for i in range(1, len(spans)):
            spans[i] = (spans[i - 1][1], spans[i][1], spans[i][2])
    out: list[DateMention] = []
    for s, e, lang in spans:
        for m in find_dates_in(text[s:e], anchor, lang, year=year):
            m.start += s
            m.end += s
            out.append(m)
    return out


# --------------------------------------------------------------------------- TimeML view


def to_timeml(m: DateMention) -> str | None:
    """The mention's value in TimeML (TIMEX3) style, for evaluation against TimeBank.

    A single value is kept (TimeML writes ``T17:00`` as well as ``T17``); a range becomes the
    smallest calendar unit holding both ends: ``YYYY-Www``, ``YYYY-MM``, ``YYYY-Qn``, ``YYYY``,
    a decade ``199`` or century ``19``.
    """
    if m.value:
        return m.value
    if not (m.lo and m.hi):
        return None
    lo, hi = m.lo, m.hi
    if len(lo) == 7 and len(hi) == 7:
        season = {("03", "05"): "SP", ("06", "08"): "SU", ("09", "11"): "FA", ("12", "02"): "WI"}.get((lo[5:], hi[5:]))
        if season:
            return f"{hi[:4] if season == 'WI' else lo[:4]}-{season}"
        return lo[:4] if lo[:4] == hi[:4] else None
    if len(lo) == 4 and len(hi) == 4:
        if lo[:3] == hi[:3]:
            return lo[:3]
        if lo[:2] == hi[:2]:
            return lo[:2]
        return None
    dlo, dhi = _to_date(lo), _to_date(hi)
    if dlo and dhi:
        if dlo == dhi:
            return lo
        if lo[5:] == "01-01" and lo[:4] == hi[:4] and dhi != _month_end(dhi.year, dhi.month):
            return lo[:4]  # "earlier this year": the year so far
        ilo, ihi = dlo.isocalendar(), dhi.isocalendar()
        if (ilo[0], ilo[1]) == (ihi[0], ihi[1]):
            return f"{ilo[0]:04d}-W{ilo[1]:02d}"
        if lo[:7] == hi[:7]:
            return lo[:7]
        if lo[:4] == hi[:4]:
            qlo, qhi = (dlo.month - 1) // 3, (dhi.month - 1) // 3
            if qlo == qhi:
                return f"{lo[:4]}-Q{qlo + 1}"
            return lo[:4]
    if lo[:4] == hi[:4]:
        return lo[:4]
    return None
