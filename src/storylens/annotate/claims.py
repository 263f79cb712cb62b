"""Numeric claims: every sentence that states a quantity about the world, as a structured :class:`Claim`.

For each number that :mod:`~storylens.annotate.numbers` reads in a sentence, the extractor

1. drops what is not a quantity claim (years, dates, times, list markers ``[1]``, labels ``Step 0``,
   ranks, durations ``30 years``, numbers inside URLs, handles and names like ``COVID-19``, vague
   plurals ``thousands of``), and folds currency conversions ``($0.14)`` and sub-groups
   ``including two children`` into the claim they belong to as its ``qualifier``;
2. finds the counted thing (:data:`UNITS`: people, troops, security forces, %, EUR, KZT/l…) right after
   the number, or a currency sign before it;
3. picks the **measure** from :data:`MEASURES` (documented and extensible: add an entry, with trigger
   patterns per language, the units it may count and its default unit): a trigger right before the
   number ("detained 508") wins, then a counted noun that names the measure ("164 погибших"), then the
   nearest trigger after and before the number within its stretch of the sentence, then what the unit
   implies (tenge per litre → price). A number with neither a measure nor a unit is not a claim; one
   with a unit but no measure is measure ``other``;
4. reads the **attribution** ("according to X", "X said/reported…", "по данным X", "X сообщило"), with
   chains ("X report cited in Y" → by X via Y), pronouns and sentence-initial "They/It/He" resolved to the
   previous sentence's source, and an institution that is the subject of the sentence ("The courts
   brought…") as the source when no reporting cue is present;
5. reads ``as_of`` ("as of January 9th", "on the morning of January 10", "по состоянию на 10 января",
   "by Thursday") resolved with the year of ``meta['published']`` (or the latest year the document
   mentions), ``where`` ("in Almaty", "в Алматы"), and ``status`` (retracted/disputed/unknown on explicit
   cues in the sentence or the next two).

Pure regular expressions: no models, fast (see ``docs/claims.md`` for speed and limits).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from storylens.annotate.numbers import _DIGITS_RE, NumberMention, find_numbers
from storylens.doc import Claim, Document

# ---------------------------------------------------------------------------------------------------
# Measures. Each entry: description; units it may count (None: any unit); default unit when the number
# has no counted noun; triggers per language (regular expressions, case-insensitive, matched anywhere in
# the sentence); nouns per language: counted nouns right after the number that themselves say the
# measure ("164 dead", "164 погибших"). "strong" nouns beat verbs elsewhere in the sentence, "weak" nouns
# ("20,000 bandits", "3,000 troops") are used only when no trigger is found.
# To add a measure, add an entry (or call register_measure); order matters only for ties.
# ---------------------------------------------------------------------------------------------------

PEOPLE = ("people", "security forces", "troops")
# Measures for which an institution that is the subject of the sentence ("The courts brought 2000 people to
# justice") is taken as the source of the figure when the sentence has no reporting cue.
AGENT_MEASURES = {"detained", "prosecuted", "penalized"}

MEASURES: dict[str, dict] = {
    "killed": {
        "description": "people killed or dead (death toll, fatalities)",
        "units": PEOPLE, "default_unit": "people",
        "triggers": {
            "en": [r"\bkill(?:ed|ing)\b", r"\bdied\b", r"\bmurder(?:ed|s|ing)?\b", r"\bshot dead\b", r"\bdead\b", r"\bdeaths?\b", r"\bdeath toll\b",
                   r"\blost their lives\b", r"\bperished\b", r"\bfatalit(?:y|ies)\b", r"\bcasualt(?:y|ies)\b",
                   r"\btoll\b", r"\beliminated\b", r"\bneutrali[sz]ed\b"],
            "ru": [r"\bпогиб\w*", r"\bубит\w*", r"\bубил\w*", r"\bжертв\w*", r"\bгибел\w*", r"\bсмерт\w*",
                   r"\bскончал\w*", r"\bумерл\w*", r"\bуничтожен\w*", r"\bликвидирова\w*"],
        },
        "strong_nouns": {"en": [r"dead", r"deaths", r"fatalities", r"victims", r"casualties"],
                         "ru": [r"погибш\w*", r"убит\w*", r"жертв\w*", r"умерш\w*"]},
    },
    "injured": {
        "description": "people injured or wounded",
        "units": PEOPLE, "default_unit": "people",
        "triggers": {"en": [r"\binjur(?:ed|ies|y)\b", r"\bwounded\b", r"\bhurt\b", r"\bhospitali[sz]ed\b"],
                     "ru": [r"\bранен\w*", r"\bпострадал\w*", r"\bпострадавш\w*", r"\bтравм\w*", r"\bгоспитализ\w*"]},
        "strong_nouns": {"en": [r"wounded", r"injured"], "ru": [r"ранен\w*", r"пострадавш\w*"]},
    },
    "detained": {
        "description": "people detained or arrested (detentions, arrests, in custody)",
        "units": PEOPLE, "default_unit": "people",
        "triggers": {
            "en": [r"\bdetain(?:ed|ing|ees?)?\b", r"\bdetentions?\b", r"\barrest(?:ed|s|ing)?\b",
                   r"\bin custody\b", r"(?<=\d )held\b", r"\bheld (?=in custody|by (?:the )?(?:police|authorities|security)|"
                   r"incommunicado|without charge)", r"\brounded up\b", r"\bapprehended\b", r"\bjailed\b"],
            "ru": [r"\bзадерж\w*", r"\bарест\w*", r"\bпод стражей\b", r"\bзадержани\w*"],
        },
        "strong_nouns": {"en": [r"detainees", r"arrests", r"detentions"], "ru": [r"задержанн\w*", r"арестованн\w*"]},
    },
    "prosecuted": {
        "description": "people prosecuted, charged, brought to justice, convicted",
        "units": ("people",), "default_unit": "people",
        "triggers": {
            "en": [r"\bto justice\b", r"\bprosecut\w*", r"\bcharged\b", r"\bindicted\b", r"\bconvicted\b",
                   r"\bsentenced\b", r"\bcriminal (?:cases?|charges)\b", r"\bto account\b", r"\b(?:to|on) trial\b"],
            "ru": [r"к (?:уголовной |административной )?ответственности\b", r"\bпод суд\b", r"\bосужд\w*", r"\bуголовн\w* дел\w*",
                   r"\bобвинени\w*", r"\bпригов\w*"],
        },
    },
    "penalized": {
        "description": "people fined or warned (administrative penalties short of detention)",
        "units": ("people",), "default_unit": "people",
        "triggers": {"en": [r"\bfined\b", r"\bissued (?:an? )?(?:official )?warnings? to\b", r"\bpenali[sz]ed\b"],
                     "ru": [r"\bоштраф\w*", r"\bвынесен\w* предупрежден\w*", r"\bпредупреждени\w* получил\w*"]},
    },
    "troops": {
        "description": "troops, soldiers or security personnel deployed or present (size of a force)",
        "units": ("troops", "security forces"), "default_unit": "troops", "implied_by_unit": True,
        "triggers": {
            "en": [r"\bdeploy\w*", r"\btroops\b", r"\bsoldiers\b", r"\bcontingent\b", r"\bforces?\b(?! of)",
                   r"\bpeacekeep\w*", r"\bparatroop\w*"],
            "ru": [r"\bвоеннослужащ\w*", r"\bвойск\w*", r"\bконтингент\w*", r"\bмиротвор\w*", r"\bсил[аыу]?\b",
                   r"\bдесантник\w*"],
        },
        "weak_nouns": {"en": [r"troops", r"soldiers", r"servicemen", r"personnel", r"paratroopers", r"peacekeepers"],
                       "ru": [r"военнослужащ\w*", r"солдат\w*", r"десантник\w*", r"миротворц\w*"]},
    },
    "participants": {
        "description": "people taking part in a protest, rally or gathering",
        "units": ("people",), "default_unit": "people",
        "triggers": {
            "en": [r"\bparticipat\w*", r"\b(?:took|taken|take|taking) part\b(?! in (?:the |an )?(?:attack|assault|fight))",
                   r"\brall(?:y|ies|ied)\b", r"\bprotest(?:s|ed|ing)?\b", r"\bdemonstrat(?:ion|ions|ed)\b",
                   r"\bgathered\b", r"\bmarched\b", r"\battended\b", r"\btook to the streets\b", r"\bturned out\b"],
            "ru": [r"\bучаст\w*", r"\bмитинг\w*", r"\bпротест\w*", r"\bвышл\w* на улиц\w*", r"\bсобрал\w*",
                   r"\bдемонстрац\w*"],
        },
        "weak_nouns": {"en": [r"protesters", r"protestors", r"demonstrators", r"participants", r"marchers"],
                       "ru": [r"протестующ\w*", r"митингующ\w*", r"участник\w*", r"демонстрант\w*"]},
    },
    "attackers": {
        "description": "people said to have attacked (bandits, militants, terrorists, gunmen)",
        "units": ("people",), "default_unit": "people",
        "triggers": {"en": [r"\battack(?:ed|ing)\b", r"\b(?:took|taken|take) part in (?:the |an )?(?:attack|assault)\b",
                            r"\bstormed\b", r"\bassault(?:ed|ing)\b"],
                     "ru": [r"\bатаков\w*", r"\bнапал\w*", r"\bнападени\w*", r"\bштурмов\w*"]},
        "weak_nouns": {"en": [r"bandits", r"militants", r"terrorists", r"attackers", r"gunmen", r"insurgents"],
                       "ru": [r"бандит\w*", r"боевик\w*", r"террорист\w*"]},
    },
    "businesses_attacked": {
        "description": "businesses, shops or banks attacked, looted or damaged",
        "units": ("businesses",), "default_unit": None,
        "triggers": {"en": [r"\battack\w*", r"\blooted\b", r"\bransacked\b", r"\brobbed\b", r"\bdamaged\b",
                            r"\bvandali[sz]ed\b", r"\bburn(?:ed|t)\b", r"\bsmashed\b"],
                     "ru": [r"\bразгром\w*", r"\bразграбл\w*", r"\bатаков\w*", r"\bпострада\w*", r"\bповрежд\w*",
                            r"\bсожж\w*"]},
    },
    "vehicles_destroyed": {
        "description": "vehicles destroyed, burnt or damaged",
        "units": ("vehicles",), "default_unit": None,
        "triggers": {"en": [r"\bdestroy\w*", r"\bburn(?:ed|t)\b", r"\btorched\b", r"\bdamaged\b", r"\bset (?:on )?fire\b"],
                     "ru": [r"\bуничтож\w*", r"\bсожж\w*", r"\bсгорел\w*", r"\bповрежд\w*"]},
    },
    "price": {
        "description": "a price or tariff (fuel, food, services), in a currency, usually per unit",
        "units": None, "default_unit": None, "unit_kinds": ("currency",),
        "triggers": {"en": [r"\bprices?\b", r"\bcosts?\b", r"\btariffs?\b", r"\bfares?\b", r"\bper (?:liter|litre)\b"],
                     "ru": [r"\bцен\w*", r"\bстоимост\w*", r"\bподорожа\w*", r"\bтариф\w*", r"\bза литр\b"]},
    },
    "damage": {
        "description": "damage or losses in money",
        "units": None, "default_unit": None, "unit_kinds": ("currency",),
        "triggers": {"en": [r"\bdamages?\b", r"\blosses\b", r"\bloss\b", r"\bdestruction\b"],
                     "ru": [r"\bущерб\w*", r"\bубыт\w*", r"\bпотер\w*"]},
    },
    "vote_share": {
        "description": "share of the vote for a candidate or option, in %",
        "units": ("%",), "default_unit": None,
        "triggers": {"en": [r"\bvot(?:e|es|ed|ers|ing)\b", r"\bballots?\b", r"\belect\w*"],
                     "ru": [r"\bголос\w*", r"\bизбирател\w*", r"\bвыбор\w*"]},
    },
    "turnout": {
        "description": "voter turnout, in %",
        "units": ("%",), "default_unit": None,
        "triggers": {"en": [r"\bturnout\b"], "ru": [r"\bявк\w*"]},
    },
    "population": {
        "description": "number of inhabitants of a place",
        "units": ("people",), "default_unit": "people",
        "triggers": {"en": [r"\bpopulation\b", r"\binhabitants\b", r"\b(?:city|country|nation|town) of\b"],
                     "ru": [r"\bнаселени\w*", r"\bжител\w*"]},
    },
    "fertility_rate": {
        "description": "births per woman",
        "units": ("births per woman",), "default_unit": "births per woman", "implied_by_unit": True,
        "triggers": {"en": [r"\bfertility\b", r"\bbirth ?rate\b"], "ru": [r"\bрождаемост\w*", r"\bфертильност\w*"]},
    },
    "other": {
        "description": "any other quantity about the world (the unit says what is counted)",
        "units": None, "default_unit": None, "triggers": {},
    },
}

# Counted things right after the number (or a currency sign before it). Order: most specific first.
UNITS: list[tuple[str, list[str]]] = [
    ("births per woman", [r"births? per woman", r"children per woman", r"детей на (?:одну )?женщину"]),
    ("security forces", [r"members? of (?:the )?(?:security|law[- ]enforcement) (?:forces|services|agencies)",
                         r"security (?:forces|officers|officials|personnel|servicemen)", r"law[- ]enforcement officers",
                         r"police ?(?:officers|men)", r"policemen", r"police", r"officers",
                         r"сотрудник\w* (?:силовых структур|правоохранительных органов|полиции|органов внутренних дел|МВД|КНБ)",
                         r"силовик\w*", r"полицейск\w*"]),
    ("troops", [r"troops", r"soldiers", r"servicemen", r"service ?members", r"military personnel", r"personnel",
                r"paratroopers", r"peacekeepers", r"marines", r"военнослужащ\w*", r"солдат\w*", r"десантник\w*",
                r"миротворц\w*", r"бойц\w*"]),
    ("businesses", [r"businesses", r"shops", r"stores", r"banks", r"companies", r"enterprises", r"outlets",
                    r"магазин\w*", r"банк\w*", r"предприяти\w*"]),
    ("vehicles", [r"vehicles", r"cars", r"buses", r"trucks", r"автомобил\w*", r"машин\w*", r"автобус\w*",
                  r"транспортн\w* средств\w*"]),
    ("buildings", [r"buildings", r"houses", r"homes", r"здани\w*", r"домов"]),
    ("cases", [r"(?:criminal )?cases", r"(?:уголовн\w*|административн\w*) дел\w*"]),
    ("km", [r"kilomet(?:er|re)s?", r"km", r"километр\w*", r"км"]),
    ("m", [r"met(?:er|re)s", r"метр\w*"]),
    ("mi", [r"miles"]),
    ("t", [r"tonnes", r"tons", r"тонн\w*"]),
    ("weapons", [r"weapons", r"firearms", r"guns", r"rifles", r"единиц\w* оружия", r"стволов"]),
    ("people", [r"people", r"persons?", r"individuals", r"civilians", r"residents", r"citizens", r"protesters",
                r"protestors", r"demonstrators", r"participants", r"detainees", r"rioters", r"bandits", r"militants",
                r"terrorists", r"looters", r"attackers", r"gunmen", r"insurgents", r"children", r"men", r"women",
                r"victims", r"voters", r"activists", r"journalists", r"students", r"workers", r"migrants",
                r"refugees", r"dead", r"wounded", r"injured", r"casualties", r"fatalities", r"deaths", r"arrests",
                r"человек\w*", r"чел\.?", r"люд\w*", r"граждан\w*", r"жител\w*", r"участник\w*", r"протестующ\w*",
                r"митингующ\w*", r"задержанн\w*", r"арестованн\w*", r"погибш\w*", r"убит\w*", r"ранен\w*",
                r"пострадавш\w*", r"бандит\w*", r"боевик\w*", r"террорист\w*", r"мародер\w*", r"мародёр\w*",
                r"детей", r"ребен\w*", r"ребён\w*", r"жертв\w*", r"заключенн\w*", r"умерш\w*"]),
    ("%", [r"%", r"percent", r"per cent", r"pct", r"процент\w*", r"проц\.", r"п\.\s?п\."]),
    ("KZT", [r"tenge", r"тенге", r"₸"]),
    ("EUR", [r"euros?", r"евро", r"€"]),
    ("USD", [r"dollars?", r"долл\w*", r"US\$", r"\$"]),
    ("RUB", [r"rubles?", r"roubles?", r"рубл\w*", r"руб\."]),
    ("GBP", [r"pounds? sterling", r"pounds", r"£"]),
    ("UAH", [r"hryvnias?", r"гривен\w*", r"гривн\w*"]),
]
CURRENCIES = {"KZT", "EUR", "USD", "RUB", "GBP", "UAH"}
_PREFIX_CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "₸": "KZT",
                    "KZT": "KZT", "₽": "RUB", "RUB": "RUB"}
_PER_UNIT = re.compile(r"^\s*(?:per|a|/|за|за один)\s*(liter|litre|l|литр\w*|gallon|barrel|bbl|баррел\w*|kg|кг|"
                       r"килограмм\w*|ton|tonne|тонн\w*|cubic met(?:er|re)s?|куб\w*(?: метр\w*)?|kWh|кВт.ч)\b",
                       re.IGNORECASE)
_PER_CANON = {"liter": "l", "litre": "l", "l": "l", "литр": "l", "gallon": "gal", "barrel": "bbl", "bbl": "bbl",
              "баррел": "bbl", "kg": "kg", "кг": "kg", "килограмм": "kg", "ton": "t", "tonne": "t", "тонн": "t"}

# ---------------------------------------------------------------------------------------------------
# Things that are not quantity claims
# ---------------------------------------------------------------------------------------------------

_MONTHS_EN = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
_MONTHS_EN.update({m[:3]: i for m, i in list(_MONTHS_EN.items())})
_MONTHS_EN["sept"] = 9
_MONTHS_RU = {m: i + 1 for i, m in enumerate(
    ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"])}
_MON_EN = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|" \
          r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_MON_RU = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DATE_RE = re.compile(
    rf"\b(?P<m1>{_MON_EN})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON_EN})(?:,?\s+(?P<y2>\d{{4}})\b)?"
    rf"|\b(?P<d3>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+(?P<m3>{_MON_RU})(?:\s+(?P<y3>\d{{4}})(?:\s*(?:г\.|года|году)?))?"
    rf"|\b(?P<m4>{_MON_EN}|январ[ьея]|феврал[ьея]|март[ае]?|апрел[ьея]|ма[йея]|июн[ьея]|июл[ьея]|август[ае]?|"
    rf"сентябр[ьея]|октябр[ьея]|ноябр[ьея]|декабр[ьея])\s+(?P<y4>\d{{4}})\b"
    r"|\b(?P<d5>\d{1,2})[./](?P<mo5>\d{1,2})[./](?P<y5>\d{2,4})\b"
    r"|\b(?P<y6>\d{4})-(?P<mo6>\d{2})-(?P<d6>\d{2})\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b",
    re.IGNORECASE,
)
_URLISH = re.compile(r"https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|org|net|ru|kz|ua|me|io|example|uk)/\S*|[@#][\w/]+",
                     re.IGNORECASE)
_LABEL_BEFORE = re.compile(
    r"(?:^|\W)(?:step|day|chapter|page|pages|part|section|article|item|point|paragraph|version|episode|season|level|"
    r"phase|stage|no\.|nr\.|number|#|ranks?|ranked|ranking|room|flight|route|highway|line|tier|grade|class|"
    r"category|figure|fig\.|table|vol\.|volume|issue|act|clause|aged|age|ages|возрасте|шаг|день|глава|стр\.|часть|статья|статьи|пункт|№|"
    r"номер|место|месте|группа)\s*[\"“«]?$",
    re.IGNORECASE,
)
_DURATION_AFTER = re.compile(
    r"^[\s-]*(?:(?:more|or so|odd)\s+)?(?:years?|decades?|months?|weeks?|days?|hours?|minutes?|seconds?|centur(?:y|ies)|"
    r"nights?|лет|год\w*|месяц\w*|недел\w*|дн(?:я|ей)|день|сут\w*|час\w*|минут\w*|секунд\w*|век\w*|десятилети\w*)(?![\w])",
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th|s|-?(?:й|го|е|я|м|х|ый|ой|ая|ое)\b)", re.IGNORECASE)
_SUBCOUNT_BEFORE = re.compile(
    r"(?:\bincluding|\bincl\.|\bof which|\bof whom|\bamong them|\bamong whom|\bamong those|\bиз них|\bв том числе|"
    r"\bв т\.\s?ч\.|\bсреди них)[\s:,]*$|\(\s*$",
    re.IGNORECASE,
)
_CHANGE_BY = re.compile(r"(?:rose|grew|increased|jumped|fell|dropped|declined|decreased|went up|went down|"
                        r"вырос\w*|увеличил\w*|сократил\w*|снизил\w*|уменьшил\w*)\s+(?:\w+\s+)?(?:by|на)\s*$",
                        re.IGNORECASE)
_CHANGE_VERB = re.compile(r"\b(?:rose|rise|rising|risen|grew|increas\w*|jump\w*|doubl\w*|hike\w*|raised|went up|fell|"
                          r"dropped|decreas\w*|cut|подорожа\w*|вырос\w*|повыс\w*|подня\w*|увелич\w*|снизил\w*|"
                          r"подешев\w*)\b", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------------
# Attribution
# ---------------------------------------------------------------------------------------------------

_ACCORDING = re.compile(
    r"(?:^|\W)(according to|citing|as reported by|по данным|по словам|по сведениям|по информации|по оценкам|"
    r"по подсчетам|по подсчётам|как сообщил[аои]?|как сообщает|как сообщают|как заявил[аои]?|со ссылкой на)\s+",
    re.IGNORECASE,
)
_REPORT_VERBS = (
    r"said|says|say|reported|reports|stated|estimated|estimates|announced|announces|claimed|claims|confirmed|confirms|"
    r"told(?: \w+)?|wrote|writes|noted|notes|added|insisted|declared|spoke of|tweeted|believes|counted|"
    r"put (?:the |initial |its |their )?(?:number|figure|toll|death toll|count|damage|losses|cost|total)|"
    r"сообщил[аои]?|сообщает|сообщают|заявил[аои]?|заявляет|заявляют|говорил[аои]?|говорит|говорят|сказал[аои]?|"
    r"опубликовал[аои]?|называл[аои]?|назвал[аои]?|называет|подтвердил[аои]?|отметил[аои]?|уточнил[аои]?|"
    r"пишет|написал[аои]?|объявил[аои]?|оценил[аои]?|насчитал[аои]?"
)
_VERB_CUE = re.compile(rf"(?<![\w-])({_REPORT_VERBS})(?![\w-])", re.IGNORECASE)
_INVERTED_CUE = re.compile(r"[,;]\s*(said|says|states|stated|writes|wrote|reported|reports|added|noted|"
                           r"сообщил[аои]?|заявил[аои]?|пишет)\s+([^,;.]{2,80}?)\s*[.!]?\s*$", re.IGNORECASE)
_TRAILING_REPORTER = re.compile(r",\s*((?:[\w’'.-]+\s+){0,6}?[\w’'.-]+)\s+(reported|said|reports|says|сообщил[аои]?|"
                                r"сообщает|пишет)\s*[.!]?\s*$", re.IGNORECASE)
_CHAIN = re.compile(r"\s+(?:cited|quoted|reported|carried|published|picked up)\s+(?:in|by)\s+|\s+via\s+|,\s*as reported by\s+"
                    r"|\s+в пересказе\s+|,?\s+(?:цитируем\w*|процитированн\w*)\s+", re.IGNORECASE)
_NP_END = re.compile(r"[,.;:!?()\[\]\"“”«»]|\s(?:that|which|who|when|while|and said|—|–)\s|\s-\s|$")
_BY_COUNT = re.compile(r"\bby\s+(?:the\s+)?((?:[\w’'-]+\s+){0,5}?[\w-]+)(?:’s|'s)\s+(?:own\s+)?(?:count|tally|figures|"
                       r"estimates?|data)\b|\bby the (?:count|tally|estimate) of\s+([^,.;]{2,60})", re.IGNORECASE)
_DET_BEFORE = re.compile(r"\b(?:a|an|the|initial|official|their|its)\s+$", re.IGNORECASE)  # "an estimated 329"
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|это)\s+$", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "он", "она", "они", "оно", "we", "i", "мы", "я"}
_STARTS_PRONOUN = re.compile(r"^[\W_]*(they|it|he|she|они|оно|он|она)\b", re.IGNORECASE)
_DETERMINERS = {"the", "a", "an", "another", "many", "some", "several", "most", "all", "both", "his", "her", "its",
                "their", "our", "this", "these", "those", "that"}
_NP_STOP = {  # words that end a subject when scanning back from the verb
    "in", "on", "at", "over", "during", "after", "before", "with", "for", "from", "by", "to", "into", "under",
    "since", "until", "as", "because", "while", "when", "where", "which", "who", "whom", "that", "than", "and",
    "but", "or", "if", "though", "although", "then", "so", "however", "meanwhile", "is", "was", "were", "are", "be",
    "been", "it", "there", "here", "also", "not", "no", "last", "next", "speech", "address", "statement",
    "в", "во", "на", "с", "со", "по", "за", "о", "об", "к", "у", "из", "от", "до", "при", "после", "что", "как",
    "который", "которая", "которые", "когда", "где", "но", "а", "накануне", "ранее", "сегодня", "вчера", "позже",
    "затем", "выходные", "утром", "вечером", "ночью", "однако", "тогда", "уже", "также",
}
_NP_SKIP = {  # adverbs and auxiliaries between a subject and its verb
    "have", "has", "had", "also", "separately", "then", "now", "only", "previously", "already", "officially",
    "himself", "herself", "themselves", "itself", "reportedly", "later", "earlier", "again", "repeatedly", "first",
    "initially", "publicly", "openly", "subsequently", "прямо", "также", "уже", "ранее", "официально", "сам", "сами",
    "сама", "само", "тогда", "позже", "впервые", "отдельно", "вновь", "снова", "и",
}
_INSTITUTION = re.compile(
    r"\b(?:courts?|police|ministry|ministries|government|authorities|officials?|committee|office|prosecutors?|"
    r"army|military|service|agency|department|commission|council|parliament|president|spokesman|spokeswoman|"
    r"spokesperson|media|outlets?|agencies|sources|observers|experts|analysts|countries|newspaper|channel|"
    r"суды?|суд\w*|полици\w*|министерств\w*|МВД|КНБ|власт\w*|прокуратур\w*|ведомств\w*|минобороны|минздрав\w*|"
    r"минюст\w*|правительств\w*|комитет\w*|служб\w*|агентств\w*|лица|СМИ|президент\w*|пресс-служб\w*)\b",
    re.IGNORECASE,
)
_SPREAD_BY = re.compile(r"\b(?:picked up|spread|carried|republished|circulated)(?: and (?:spread|picked up|circulated|"
                        r"carried))?\s+by\s+(?:the\s+)?([^,.;]{2,80})|распространил[аои]?\s+([^,.;]{2,80})",
                        re.IGNORECASE)

_RETRACTED = re.compile(
    r"\b(?:deleted|disappeared|removed|withdrawn|retracted|taken down|was gone|is gone|published by mistake|"
    r"published in error|by mistake)\b|удален\w*|удалён\w*|исчез\w*|отозван\w*|по ошибке|техническ\w* ошибк\w*",
    re.IGNORECASE,
)
_RETRACT_REFERS = re.compile(r"\b(?:post|figure|number|report|data|toll|count|it|message|tweet|publication)\b|"
                             r"публикаци\w*|цифр\w*|данн\w*|сообщени\w*|пост\w*|запис\w*|^\W*(?:but|however|soon|"
                             r"однако|но|вскоре)\b", re.IGNORECASE)
_DISPUTED = re.compile(
    r"\b(?:figures?|numbers?|toll|count|data|claims?|estimates?)\b[^.]{0,40}?\b(?:disputed|contested|denied|questioned|"
    r"inaccurate|wrong|false|exaggerated|inflated)\b|\b(?:disputed|denied|questioned|contested|rejected)\s+(?:the\s+)?"
    r"(?:official\s+)?(?:figures?|numbers?|toll|count)\b|(?:цифр|данн|числ)\w*[^.]{0,40}?(?:оспарива\w*|опроверг\w*|"
    r"недостоверн\w*|завышен\w*|занижен\w*)",
    re.IGNORECASE,
)
_UNKNOWN = re.compile(r"\b(?:unconfirmed|unverified|could not be (?:independently )?(?:verified|confirmed)|"
                      r"cannot be (?:independently )?verified)\b|не подтвержден\w*|не удалось проверить|не подтверждён\w*",
                      re.IGNORECASE)

_AS_OF_CUE = re.compile(
    r"(?:\bas (?:of|at)|\bby|\bon|\bon the (?:morning|evening|night|afternoon) of|\bat the (?:end|start) of|"
    r"по состоянию на|\bна утро|\bутром|\bвечером|\bна|\bк)\s*$",
    re.IGNORECASE,
)
_WEEKDAY_CUE = re.compile(r"\b(?:as of|by|on)\s+(?:the\s+)?(?:morning\s+of\s+)?(monday|tuesday|wednesday|thursday|friday|"
                          r"saturday|sunday)\b", re.IGNORECASE)
_PLACE_EN = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?P<p>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
    r"(?:(?:’s|'s)\s+(?:[a-z]+\s+){0,3}?(?:city|region|capital|town|province|oblast|district)\s+of\s+"
    r"(?P<q>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))?"
)
_PLACE_RU = re.compile(r"\bв\s+(?:г\.\s*|городе\s+|области\s+|регионе\s+)?(?P<p>[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)*)")
_NOT_PLACES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
               "Twitter", "Telegram", "Instagram", "Facebook", "The", "This", "That", "It", "A", "An",
               "Guardian", "Reuters", "Sputnik", "Понедельник", "Сегодня", "Интернет"}
_ABBREV_END = re.compile(r"(?:\b(?:ок|г|т\.е|т\.ч|чел|тыс|млн|млрд|руб|approx|ca|No|vs|св|ср|прим)\.)\s*$", re.IGNORECASE)
_ALWAYS_JOIN = re.compile(r"(?:\b(?:ок|г|approx|ca|No|около)\.?)\s*$", re.IGNORECASE)


@dataclass
class Attribution:
    """Who a sentence says a figure comes from."""

    by: str | None
    via: str | None = None
    cue: str | None = None
    pronoun: bool = False


# ---------------------------------------------------------------------------------------------------
# Compiled tables (rebuilt when MEASURES or UNITS change)
# ---------------------------------------------------------------------------------------------------

_CACHE: dict[str, object] = {}


def register_measure(name: str, description: str, triggers: dict[str, list[str]], units=None, default_unit=None,
                     strong_nouns=None, weak_nouns=None, before: str | None = "other") -> None:
    """Add a measure (inserted before ``before``, so ``other`` stays last)."""
    entry = {"description": description, "units": tuple(units) if units else None, "default_unit": default_unit,
             "triggers": triggers}
    if strong_nouns:
        entry["strong_nouns"] = strong_nouns
    if weak_nouns:
        entry["weak_nouns"] = weak_nouns
    items = [(k, v) for k, v in MEASURES.items() if k != name]
    index = next((i for i, (k, _) in enumerate(items) if k == before), len(items))
    items.insert(index, (name, entry))
    MEASURES.clear()
    MEASURES.update(items)


def _tables():
    key = (tuple((k, id(v), sum(len(t) for t in v.get("triggers", {}).values())) for k, v in MEASURES.items()),
           tuple((u, len(p)) for u, p in UNITS))
    if _CACHE.get("key") == key:
        return _CACHE["tables"]
    triggers = []
    strong, weak = [], []
    for name, spec in MEASURES.items():
        pats = [p for lang in spec.get("triggers", {}).values() for p in lang]
        if pats:
            triggers.append((name, re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)))
        for kind, out in (("strong_nouns", strong), ("weak_nouns", weak)):
            nouns = [p for lang in spec.get(kind, {}).values() for p in lang]
            if nouns:
                out.append((name, re.compile(r"^(?:" + "|".join(nouns) + r")(?![\w])", re.IGNORECASE)))
    unit_res = [(unit, re.compile(r"^(?:" + "|".join(pats) + r")(?![\w])", re.IGNORECASE)) for unit, pats in UNITS]
    all_units = "|".join(p for _, pats in UNITS for p in pats)
    unit_after = re.compile(
        r"^[\s*_\"“«]*(?:(?P<skip>(?:(?!(?:in|of|and|or|the|a|an|to|for|were|was|had|have|has|been|be|are|is|from|at|on|"
        r"by|with|who|that|which|as|than|more|less|per|и|в|на|с|по|из|за|от|до|о|к|у|не|были|был|была|было)\b)"
        r"[\w’'-]+\s+){0,2}?))(?P<unit>" + all_units + r")(?![\w])",
        re.IGNORECASE,
    )
    tables = {"triggers": triggers, "strong": strong, "weak": weak, "units": unit_res, "unit_after": unit_after}
    _CACHE["key"], _CACHE["tables"] = key, tables
    return tables


# ---------------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------------


@dataclass
class _Cand:
    m: NumberMention
    unit: str | None = None
    unit_end: int = 0  # end of the counted noun (sentence-relative)
    unit_noun: str = ""
    subcount: bool = False
    conversion: bool = False
    change: str | None = None


def sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """Sentences, with those split after an abbreviation ("ок." / "г." / "5 тыс.") joined again."""
    spans: list[tuple[int, int]] = []
    text = doc.text
    for s in doc.sentences:
        if spans:
            p_start, p_end = spans[-1]
            prev = text[p_start:p_end]
            nxt = text[s.start:s.end].lstrip()
            gap = text[p_end:s.start]
            if "\n\n" not in gap and (_ALWAYS_JOIN.search(prev) or (
                    _ABBREV_END.search(prev) and nxt[:1] and (nxt[0].isdigit() or nxt[0].islower()))):
                spans[-1] = (p_start, s.end)
                continue
        spans.append((s.start, s.end))
    if not spans and text.strip():
        spans.append((0, len(text)))
    return spans


def extract_claims(doc: Document) -> list[Claim]:
    """Every numeric claim in ``doc``, in text order."""
    tables = _tables()
    text = doc.text
    spans = sentence_spans(doc)
    year_info = _year_info(doc)
    claims: list[Claim] = []
    memo: dict[int, Attribution | None] = {}

    def attribution_of(index: int, depth: int = 0) -> Attribution | None:
        if index < 0:
            return None
        if index not in memo:
            a, b = spans[index]
            prev = (lambda: attribution_of(index - 1, depth + 1)) if depth < 3 else (lambda: None)
            memo[index] = _attribution(text[a:b], prev)
        return memo[index]

    cand_memo: dict[int, list[_Cand]] = {}

    def candidates_of(index: int) -> list[_Cand]:
        if index not in cand_memo:
            a, b = spans[index]
            cand_memo[index] = _candidates(text[a:b], tables)
        return cand_memo[index]

    for index, (s_start, s_end) in enumerate(spans):
        cands = candidates_of(index)
        if cands:
            sent = text[s_start:s_end]
            attr = attribution_of(index)
            following = [(text[spans[k][0]:spans[k][1]], bool(candidates_of(k)))
                         for k in range(index + 1, min(index + 3, len(spans)))]
            claims += _claims_of_sentence(sent, s_start, s_end, cands, attr, following, year_info, tables)
    return claims


def _candidates(sent: str, tables) -> list[_Cand]:
    mentions = find_numbers(sent)
    if not mentions:
        return []
    dates = _date_spans(sent, mentions)
    urls = [(m.start(), m.end()) for m in _URLISH.finditer(sent)] if ("/" in sent or "@" in sent or "#" in sent
                                                                      or "www" in sent) else []
    out: list[_Cand] = []
    for m in mentions:
        if _excluded(sent, m, dates, urls):
            continue
        cand = _Cand(m)
        _read_unit(sent, cand, tables)
        if _is_year(m, cand):
            continue
        before = sent[max(0, m.start - 60):m.start]
        if out and _SUBCOUNT_BEFORE.search(before[-30:]):
            cand.subcount = True
        if m.currency_prefix or (cand.unit in CURRENCIES):
            prev = out[-1] if out else None
            if (prev and (prev.unit or "").split("/")[0] in CURRENCIES and re.search(r"\(\s*(?:US\$|\$|€|£|≈|~)?\s*$", before)
                    and re.match(r"^\s*\)", sent[m.end:] if not cand.unit_end else sent[max(m.end, cand.unit_end):])):
                cand.conversion = True
        if _CHANGE_BY.search(sent[max(0, m.num_start - 50):m.num_start]):
            cand.change = "change by"
        out.append(cand)
    return out


def _date_spans(sent: str, mentions: list[NumberMention]) -> list[tuple[int, int]]:
    """Dates and times around the numbers (a small window each: much faster than the whole sentence)."""
    spans: set[tuple[int, int]] = set()
    for m in mentions:
        if m.words:
            continue
        lo = max(0, m.num_start - 24)
        while lo > 0 and sent[lo - 1].isalnum():
            lo -= 1
        hi = min(len(sent), m.num_end + 24)
        while hi < len(sent) and sent[hi].isalnum():
            hi += 1
        for d in DATE_RE.finditer(sent, lo, hi):
            spans.add((d.start(), d.end()))
    return sorted(spans)


def _excluded(sent: str, m: NumberMention, dates, urls) -> bool:
    a, b = m.num_start, m.num_end
    for lo, hi in dates:
        if lo <= a < hi or lo < b <= hi:
            return True
    for lo, hi in urls:
        if lo <= a < hi:
            return True
    prev = sent[a - 1] if a > 0 else " "
    prev2 = sent[a - 2] if a > 1 else " "
    if prev.isalnum() or prev in "/_#@\\" or (prev in "-." and (prev2.isalnum())) or (prev == "." and prev2 == "."):
        return True
    after = sent[b:b + 8]
    if after[:1] and (after[0].isalpha() and not m.words):
        if not re.match(r"^(?:k|m|bn|тыс|млн|млрд)\b", after, re.IGNORECASE):
            return True
    if after[:1] in ("\ufe0f", "\u20e3"):
        return True
    if not m.words and _ORDINAL_AFTER.match(after) and after[:1] not in " ":
        return True
    if re.match(r"^\s*(?:times|раза?|раз)\b", after, re.IGNORECASE):
        return True  # ratios: "three times", "в два раза"
    if re.match(r"^-[^\W\d_]", after) and not re.match(r"^-(?:plus|strong)\b", after, re.IGNORECASE):
        return True  # "3-D", "30-year-old", "15-ти", "five-time"
    if prev == "[" and after[:1] == "]":
        return True
    if _LABEL_BEFORE.search(sent[max(0, m.start - 14):m.start]):
        return True
    if _DURATION_AFTER.match(sent[m.end:m.end + 20]):
        return True
    if m.words and re.match(r"^\s+of\b", sent[m.end:], re.IGNORECASE) and m.figure == 1:
        return True
    if m.words and m.figure == 1 and not re.match(r"^\s+(?:person|people|man|woman|child|человек)\b", sent[m.end:], re.I):
        return True  # "one" is almost never a figure ("one of the", "one day")
    if m.start == 0 and re.match(r"^\s*[.)]\s*$", sent[m.end:]):
        return True  # "1." list marker
    if not m.words and after[:1] == ")" and (a == 0 or prev in " \n\t") and not m.hedge and not m.currency_prefix:
        return True  # "1) first point"
    if prev == "." and prev2 in " (":
        return True  # ".40 caliber"
    if re.match(r"^\s*(?:-?\s*)?(?:calibers?|calibres?|mm|call|hang-?up|area code|hotline|model|series|jersey|"
                r"номер\w*|калибр\w*|мм)\b", after, re.IGNORECASE):
        return True
    if re.search(r"[A-ZА-ЯЁ][a-zа-яё]+,\s*$", sent[max(0, a - 40):a]) and re.match(r"^\s*[,)]", after) and not m.hedge:
        return True  # an age after a name: "Eric Joering, 39,"
    if re.search(r"(?:^|\s)[A-ZА-ЯЁ]{2,}\s$", sent[max(0, a - 12):a]) and not m.hedge:
        return True  # a code or label: "AL 300", "EXPO 2017", "MH 17"
    if m.is_range and not m.words and re.fullmatch(r"\d{4}\s?[-–—]\s?\d{2,4}", m.raw.strip()):
        return True  # years "1378-1417", "2021-22"
    return False


def _is_year(m: NumberMention, cand: _Cand) -> bool:
    if m.words or m.has_scale or m.is_range or m.hedge_kind or cand.unit:
        return False
    raw = m.raw.strip()
    return bool(re.fullmatch(r"\d{4}", raw)) and 1000 <= (m.figure or 0) <= 2100


def _read_unit(sent: str, cand: _Cand, tables) -> None:
    m = cand.m
    rest = sent[m.end:m.end + 80]
    um = tables["unit_after"].match(rest)
    if um and (not um.group("skip") or um.group("unit").lower() not in ("%",)):
        noun = um.group("unit")
        for unit, rx in tables["units"]:
            if rx.match(noun):
                cand.unit = unit
                break
        cand.unit_end = m.end + um.end()
        cand.unit_noun = noun
    if m.currency_prefix and not cand.unit:
        cand.unit = _PREFIX_CURRENCY.get(m.currency_prefix.replace(" ", ""), "USD")
        cand.unit_end = m.end
    if cand.unit in CURRENCIES:
        per = _PER_UNIT.match(sent[cand.unit_end:cand.unit_end + 40])
        if per:
            key = per.group(1).lower()
            canon = next((v for k, v in _PER_CANON.items() if key.startswith(k)), key)
            cand.unit = f"{cand.unit}/{canon}"
            cand.unit_end += per.end()


def _unit_ok(measure: str, unit: str | None) -> bool:
    spec = MEASURES[measure]
    if unit is None:
        return spec.get("default_unit") is not None or bool(spec.get("unit_kinds")) is False
    if spec.get("unit_kinds") == ("currency",):
        return unit.split("/")[0] in CURRENCIES
    units = spec.get("units")
    return units is None or unit in units


def _pick_measure(sent: str, cand: _Cand, seg_lo: int, seg_hi: int, hits, tables) -> str | None:
    m = cand.m
    unit = cand.unit
    # 1. a trigger right before the number: "detained 508", "Погибли 16", "damage at about 175 million"
    for name, a, b in hits:
        if b <= m.start and b >= seg_lo - 40 and _unit_ok(name, unit):
            gap = sent[b:m.start]
            if re.fullmatch(r"[\s*\"“«]*(?:(?:to|at|of|on|the|a|total of|about|о|об|на|в)\s+)*[\s*\"“«]*", gap, re.I):
                return name
    noun_text = sent[cand.unit_end - len(cand.unit_noun):cand.unit_end] if cand.unit_noun else ""
    # 2. a counted noun that names the measure: "164 dead", "164 погибших"
    if noun_text:
        for name, rx in tables["strong"]:
            if rx.match(noun_text) and _unit_ok(name, unit):
                return name
    # 3. nearest trigger after the number, then before it, within the number's stretch of the sentence
    after_from = max(m.end, cand.unit_end)
    # a bare number (no counted noun) takes a measure only from a trigger close by
    reach = 10**6 if unit else 40
    after = [(a - m.end, name) for name, a, b in hits
             if a >= after_from and a < seg_hi and a - after_from <= reach and _unit_ok(name, unit)]
    if after:
        return min(after)[1]
    before = [(m.start - b, name) for name, a, b in hits
              if b <= m.start and a >= seg_lo and m.start - b <= reach and _unit_ok(name, unit)]
    if before:
        return min(before)[1]
    # 4. a counted noun that suggests the measure: "20,000 bandits", "2,500 personnel"
    if noun_text:
        for name, rx in tables["weak"]:
            if rx.match(noun_text) and _unit_ok(name, unit):
                return name
    # 5. what the unit implies
    if unit:
        if unit.split("/")[0] in CURRENCIES and ("/" in unit or _CHANGE_VERB.search(sent)):
            return "price"
        for name, spec in MEASURES.items():
            if spec.get("implied_by_unit") and unit in (spec.get("units") or ()):
                return name
        return "other"
    return None


def _claims_of_sentence(sent, s_start, s_end, cands, attr, following, year_info, tables) -> list[Claim]:
    hits = []
    for name, rx in tables["triggers"]:
        for t in rx.finditer(sent):
            hits.append((name, t.start(), t.end()))
    hits.sort(key=lambda h: h[1])
    starts = [h[1] for h in hits]
    boundaries = [c.m for c in cands if not c.subcount and not c.conversion]
    position = {id(b): i for i, b in enumerate(boundaries)}
    as_of = _as_of(sent, year_info)
    spread = _spread_by(following)
    status_of = _status_reader(sent, following)
    out: list[Claim] = []
    parent: Claim | None = None
    from_unit: str | None = None
    for cand in cands:
        m = cand.m
        status = status_of(m.end)
        if cand.conversion:
            if out:
                shown = (m.currency_prefix or "") + sent[m.start:max(m.end, cand.unit_end)].strip()
                out[-1].qualifier = _join(out[-1].qualifier, "≈ " + shown)
            continue
        if cand.subcount and parent is not None:
            local = sent[m.end:]
            local = local[: re.search(r"[,;)]|$", local).start()]
            where = _place(local)
            note = sent[m.start:m.end + len(local)].strip().rstrip(").!?").strip()
            lead = _SUBCOUNT_BEFORE.search(sent[max(0, m.start - 30):m.start])
            lead_text = lead.group(0).strip(" (:,") if lead else ""
            parent.qualifier = _join(parent.qualifier, f"{lead_text} {note}".strip())
            if where:
                if parent.where and _place_same(parent.where, where):
                    parent.where = None  # "164, of whom 103 in Almaty": the place belongs to the part only
                claim = _make(sent, s_start, s_end, m, parent.measure, cand.unit or parent.unit, attr, as_of, status)
                claim.where = where
                claim.qualifier = f"of {parent.text}"
                claim.by, claim.via, claim.cue = parent.by, parent.via, parent.cue
                out.append(claim)
            continue
        idx = position.get(id(m), -1)
        seg_lo = boundaries[idx - 1].end if idx > 0 else 0
        seg_hi = boundaries[idx + 1].start if 0 <= idx < len(boundaries) - 1 else len(sent)
        before_text = sent[max(0, m.start - 20):m.start]
        # "from 60 tenge per liter … to 120 tenge": the "to" figure takes the per-unit of the "from" figure
        unit = cand.unit
        pair = None
        if re.search(r"(?:\bfrom|\bс|\bот)\s*$", before_text, re.IGNORECASE):
            from_unit = unit
            pair = "change: from"
        elif re.search(r"(?:\bto|\bдо)\s*$", before_text, re.IGNORECASE) and from_unit is not None:
            if unit and from_unit and "/" in from_unit and "/" not in unit and from_unit.startswith(unit):
                cand.unit = unit = from_unit
            elif unit is None:
                cand.unit = unit = from_unit
            pair = "change: to"
        near = hits[bisect_left(starts, seg_lo - 60):bisect_right(starts, seg_hi)]
        measure = _pick_measure(sent, cand, seg_lo, seg_hi, near, tables)
        if measure is None:
            continue
        if unit is None:
            unit = MEASURES[measure].get("default_unit")
            if unit is None:
                continue
        split = m.is_range and m.hedge and m.hedge.lower() in ("from", "с", "со", "от") and (
            (unit or "").split("/")[0] in CURRENCIES or _CHANGE_VERB.search(sent))
        if split:  # "rose from 60 to 120 tenge": two figures, before and after the change
            atoms = list(_DIGITS_RE.finditer(sent, m.num_start, m.num_end))
            for atom, label in zip((atoms[0], atoms[-1]), ("change: from", "change: to")):
                sub = NumberMention(atom.start(), atom.end(), atom.start(), atom.end(), atom.group(0),
                                    value=m.lo if label.endswith("from") else m.hi)
                claim = _make(sent, s_start, s_end, sub, measure, unit, attr, as_of, status)
                claim.qualifier = label
                out.append(claim)
            parent = out[-1]
            continue
        claim = _make(sent, s_start, s_end, m, measure, unit, attr, as_of, status)
        if pair:
            claim.qualifier = pair
        if cand.change:
            # "выросло почти на 3 тыс.": a change, not a total; kept out of the measure so that it is never
            # compared with totals, the measure it changes is named in the qualifier
            claim.qualifier = _join(claim.qualifier, f"change of {measure} by" if measure != "other" else "change by")
            claim.measure = "other"
        seg_after = sent[max(m.end, cand.unit_end):seg_hi]
        claim.where = _place(seg_after[: _clause_end(seg_after)])
        out.append(claim)
        parent = claim
    if spread:
        for claim in out:
            if claim.by and not claim.via and claim.by.lower() not in spread.lower():
                claim.via = spread
    return out


def _place_same(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or a.startswith(b[:5]) or b.startswith(a[:5])


def _spread_by(following: list[tuple[str, bool]]) -> str | None:
    """An intermediary named right after the figure: "The figure was picked up and spread by … Sputnik"."""
    for nxt, has_numbers in following[:2]:
        m = _SPREAD_BY.search(nxt)
        if m:
            return _clean_source(m.group(1) or m.group(2))
        if has_numbers:
            break
    return None


def _clause_end(s: str) -> int:
    m = re.search(r"[;()]|,\s*(?:according|as |while|but|where|which|who|and the)|\s(?:according to|по данным|cited)\b", s)
    return m.start() if m else len(s)


def _make(sent, s_start, s_end, m: NumberMention, measure, unit, attr, as_of, status) -> Claim:
    claim = Claim(
        start=s_start + m.start, end=s_start + m.end, sentence_start=s_start, sentence_end=s_end,
        text=sent[m.start:m.end], measure=measure, unit=unit, value=m.value, lo=m.lo, hi=m.hi,
        hedge=m.hedge if m.hedge_kind or m.is_range else None, as_of=as_of, status=status,
    )
    if m.is_range and m.hedge and m.hedge.lower() in ("from", "between", "с", "со", "от"):
        claim.hedge = None
    if attr is not None and attr.by and (attr.cue != "agent" or measure in AGENT_MEASURES):
        claim.by, claim.via, claim.cue = attr.by, attr.via, attr.cue
    return claim


def _join(a: str | None, b: str) -> str:
    return b if not a else f"{a}; {b}"


def _place(segment: str) -> str | None:
    for m in _PLACE_EN.finditer(segment):
        place = m.group("q") or m.group("p")
        if place.split()[0] in _NOT_PLACES:
            continue
        return place.rstrip("’'")
    for m in _PLACE_RU.finditer(segment):
        place = m.group("p")
        if place.split()[0] in _NOT_PLACES or re.fullmatch(_MON_RU, place.lower()):
            continue
        return place
    return None


def _status_reader(sent: str, following: list[tuple[str, bool]]):
    """The status of each figure of a sentence, as a function of the figure's end (each pattern runs once).

    retracted / disputed / unknown. A retraction cue counts in the claim's sentence after the figure
    ("… saw 164 quoted and then read that the ministry deleted it"), or in one of the next two sentences
    when it refers to a post/figure/number or opens with But/However/Soon ("But soon the post disappeared");
    the look-ahead stops at a sentence with figures of its own.
    """
    cues = [m.start() for m in _RETRACTED.finditer(sent)]
    later = None
    for nxt, has_numbers in following[:2]:
        if _RETRACTED.search(nxt) and _RETRACT_REFERS.search(nxt):
            later = "retracted"
            break
        if has_numbers:
            break
    other = "disputed" if _DISPUTED.search(sent) else "unknown" if _UNKNOWN.search(sent) else None

    def status(pos: int) -> str | None:
        if any(c >= pos for c in cues):
            return "retracted"
        return later or other

    return status


# --- attribution ---------------------------------------------------------------------------------------


def find_attribution(sentence: str) -> Attribution | None:
    """Who ``sentence`` says its figures (or words) come from, without context. Pronoun sources come
    back with ``pronoun=True`` for the caller to resolve."""
    via = None
    m = _ACCORDING.search(sentence)
    if m:
        cue = m.group(1)
        rest = sentence[m.end():]
        np = _np_after(rest)
        if cue.lower() == "со ссылкой на":
            subj = _verb_attribution(sentence[: m.start() + 1])
            via = subj.by if subj else None
        if np:
            by, chain_via = _split_chain(np)
            by = _clean_source(by)
            if by:
                return Attribution(by=by, via=_clean_source(chain_via) if chain_via else via, cue=cue.lower(),
                                   pronoun=by.lower() in _PRONOUNS)
    attr = _verb_attribution(sentence)
    if attr is not None:
        return attr
    m = _BY_COUNT.search(sentence)
    if m:
        by = _clean_source(m.group(1) or m.group(2))
        if by:
            return Attribution(by=by, cue="count")
    inv = _INVERTED_CUE.search(sentence)
    if inv:
        by = _clean_source(inv.group(2))
        if by and len(by.split()) <= 8:
            return Attribution(by=by, cue=inv.group(1).lower())
    return None


def _verb_attribution(sentence: str) -> Attribution | None:
    for n, v in enumerate(_VERB_CUE.finditer(sentence)):
        if n >= 12:
            break
        region = sentence[max(0, v.start() - 240):v.start()]
        if _PASSIVE_BEFORE.search(region[-20:]) or _DET_BEFORE.search(region[-20:]):
            continue
        subject = _subject_before(region)
        if not subject:
            continue
        pronoun = subject.lower() in _PRONOUNS
        if not pronoun and not (_INSTITUTION.search(subject) or re.search(r"[A-ZА-ЯЁ]", subject)):
            continue
        via = None
        tail = _TRAILING_REPORTER.search(sentence[v.end():])
        if tail and tail.group(2).lower() in ("reported", "reports", "сообщил", "сообщило", "сообщает", "пишет"):
            via = _clean_source(tail.group(1))
        return Attribution(by=_clean_source(subject), via=via, cue=v.group(1).lower(), pronoun=pronoun)
    return None


def _attribution(sent: str, previous) -> Attribution | None:
    """``previous``: a function giving the previous sentence's attribution (computed only when needed)."""
    attr = find_attribution(sent)
    if attr is not None and attr.pronoun:
        prev = previous()
        if prev is not None and prev.by and not prev.pronoun:
            return Attribution(by=prev.by, via=prev.via, cue=attr.cue)
        return Attribution(by=None, cue=attr.cue)
    if attr is None and _STARTS_PRONOUN.match(sent):
        prev = previous()
        if prev is not None and prev.by:
            return Attribution(by=prev.by, via=prev.via, cue=prev.cue)
    if attr is None:
        agent = _agent(sent)
        if agent:
            return Attribution(by=agent, cue="agent")
    return attr


def _agent(sent: str) -> str | None:
    """An institution that is the subject of the sentence ("The courts brought 2000 people to justice")."""
    m = re.match(r"^[\W_]*(?:the\s+)?((?:[\w’'-]+\s+){0,4}?(?:courts?|police|ministry|government|authorities|officials|"
                 r"committee|office|prosecutors?|army|military|agency|department|commission|council|суды?|полиция|"
                 r"министерство|МВД|КНБ|власти|прокуратура|ведомство|минобороны)"
                 r"(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*)?)\s+[a-zа-яё]", sent, re.IGNORECASE)
    if not m:
        return None
    words = m.group(1).split()
    if any(w.lower() in _NP_STOP for w in words):
        return None
    return _clean_source(m.group(1))


def _np_after(rest: str) -> str | None:
    end = _NP_END.search(rest)
    np = rest[: end.start()] if end else rest
    # an appositive name right after: "the mayor, Yerlan Saparov,"
    tail = rest[len(np):]
    app = re.match(r"^,\s*((?:[A-ZА-ЯЁ][\w’'-]+\s*){1,4}),", tail)
    if app and np.strip() and np.strip()[0].islower():
        np = app.group(1)
    return np.strip() or None


def _split_chain(np: str) -> tuple[str, str | None]:
    m = _CHAIN.search(np)
    if m:
        return np[: m.start()], np[m.end():]
    return np, None


def _subject_before(region: str) -> str | None:
    # drop parentheticals: ", including the U.S.,", ", meanwhile,", "(KNB)"
    region = re.sub(r"\([^()]*\)", " ", region)
    region = re.sub(r",\s*(?:including|such as|like|meanwhile|however|in turn|for example|too|also|in a statement|"
                    r"on \w+|earlier|later|today|yesterday|in turn|однако|между тем|в свою очередь)\b[^,]*,", " ", region,
                    flags=re.IGNORECASE)
    region = region.rstrip()
    # appositive before the verb: "Ivan Petrov, the mayor's spokesman, said"
    app = re.search(r"^(.*?[\w.])\s*,\s*(?:the|a|an)\s[^,]{1,60},\s*$", region)
    if app and re.search(r"[A-ZА-ЯЁ]", app.group(1)[-40:]):
        region = app.group(1)
    else:  # "Dr Aliya Serikova, a historian at Leeds University wrote"
        app = re.search(r"^(.*?[A-ZА-ЯЁ][\w’'.-]*(?:\s+[A-ZА-ЯЁ][\w’'.-]*)+)\s*,\s*(?:a|an|the)\s[^,]{1,80}$", region)
        if app:
            region = app.group(1)
    region = region.rstrip(" ,")
    tokens = region.split()
    words: list[str] = []
    i = len(tokens) - 1
    while i >= 0 and tokens[i].lower().strip("*_") in _NP_SKIP and len(tokens) - i <= 3:
        i -= 1
    while i >= 0 and len(words) < 10:
        tok = tokens[i]
        bare = tok.strip("*_\"“”«»'’").lower()
        if not bare or re.search(r"[,;:!?]$", tok) or tok.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|Mr\.|Dr\.|Ms\.|Mrs\.", tok):
            break
        if bare in _NP_STOP or re.search(r"\d", bare):
            break
        if bare in _PRONOUNS:
            if not words:
                words.append(tok)
            break
        words.append(tok)
        if bare in _DETERMINERS and not (i > 0 and tokens[i - 1].lower() == "of"):
            break
        i -= 1
    if not words:
        return None
    subject = " ".join(reversed(words))
    return subject


def _clean_source(np: str | None) -> str | None:
    if not np:
        return None
    s = re.sub(r"[*_]+", "", np)
    s = re.sub(r"^[^\w]+", "", s).strip(" ,.;:\"“”«»'")
    for _ in range(3):
        s = re.sub(r"^(?:a|an|the|another|one|this|that|its|their|his|her)\s+", "", s, flags=re.IGNORECASE)
        s = re.sub(r"^(?:(?:latest|new|recent|official|initial|preliminary|separate|later|earlier|first|updated|"
                   r"fresh|last)\s+)*(?:report|statement|data|figures|estimates?|count|tally|numbers|information|"
                   r"announcement|post|release|press release|reports|sources?)\s+(?:by|from|of|issued by|released by|"
                   r"published by)\s+", "", s, flags=re.IGNORECASE)
    s = re.sub(r"\s+(?:report|statement|data|figures|estimates|count|post|announcement)$", "", s, flags=re.IGNORECASE)
    s = s.strip(" ,.;:\"“”«»'")
    if not s or len(s.split()) > 12:
        return None
    return s


# --- dates ----------------------------------------------------------------------------------------------


def _year_info(doc: Document) -> tuple[int | None, date | None]:
    published = doc.meta.get("published") or ""
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", published)
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d.year, d
        except ValueError:
            pass
    m = re.search(r"\b(19\d\d|20\d\d)\b", published)
    if m:
        return int(m.group(1)), None
    years = [int(y) for y in re.findall(r"(?<![\d/.-])(19[9]\d|20\d\d)(?![\d/])", doc.text)]
    return (max(years) if years else None), None


def _month_of(name: str) -> int | None:
    n = name.lower().rstrip(".")
    if n in _MONTHS_EN:
        return _MONTHS_EN[n]
    for stem, i in _MONTHS_RU.items():
        if n.startswith(stem) and (stem != "ма" or n in ("мая", "май", "мае")) and (stem != "март" or n.startswith("март")):
            return i
    return None


def _as_of(sent: str, year_info) -> str | None:
    year, published = year_info
    for m in DATE_RE.finditer(sent):
        if not _AS_OF_CUE.search(sent[max(0, m.start() - 30):m.start()]):
            continue
        g = m.groupdict()
        day = g.get("d1") or g.get("d2") or g.get("d3")
        mon = g.get("m1") or g.get("m2") or g.get("m3")
        y = g.get("y1") or g.get("y2") or g.get("y3")
        if not (day and mon):
            continue
        month = _month_of(mon)
        if month is None:
            continue
        yy = int(y) if y else year
        if yy is None:
            return None
        if not y and published is not None and month > published.month + 2:
            yy -= 1  # "December 30" in a January article
        try:
            return date(yy, month, int(day)).isoformat()
        except ValueError:
            return None
    w = _WEEKDAY_CUE.search(sent)
    if w and published is not None:
        target = _WEEKDAYS.index(w.group(1).lower())
        delta = (published.weekday() - target) % 7
        return (published - timedelta(days=delta)).isoformat()
    return None
