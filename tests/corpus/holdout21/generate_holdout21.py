#!/usr/bin/env python3
"""Writes the twenty-first held-out split (tests/corpus/holdout21/holdout21.jsonl), issue 17 round 17,
run once as written. Its style is spoken and transcribed text, which no split had as a whole: what
speech-to-text tools, meeting bots, call centres, dictation and subtitling produce and people then
paste into an assistant ("summarize this call", "write the minutes", "translate these subtitles",
"fill the CRM from this transcript"): Whisper JSON with segments and word timestamps (a value split
across segments or words), SRT and WebVTT files (a value broken across cues), Teams/Zoom/Meet/Otter/
Fireflies transcripts with speakers and times, call-centre QA transcripts with diarization, IVR logs
with DTMF digits, voicemail-to-text and SMS of voicemail, doctors' and lawyers' dictation with spoken
punctuation, court, police and insurance recorded statements, dispatch logs, ASR n-best JSON,
subtitles of internal training videos. Values are often spoken as words (digits and grouped numbers
in each language, spelling alphabets, e-mail addresses with the local words for "@" and "."), and
ASR mistakes. The human text is in the nine languages, weighted to the eight non-English ones.
Labeled by what may leave the company: a named person's identifiers, contact, finance, legal or
health data, a credential, are sensitive. Look-alikes are vendor: public talks, earnings calls and
webinars, order, ticket and tracking numbers read out, public hotline numbers, masked values read
back, cue numbers and timestamps, spoken versions and dates, booking references in a spelling
alphabet, general health talk, film subtitles, placeholders in training scripts, companies' numbers.
Run: python3 tests/corpus/holdout21/generate_holdout21.py"""

import json
import os
import string
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_world import WorldValues  # noqa

DIGITS = string.digits
UPPER = string.ascii_uppercase
ALNUM_U = UPPER + DIGITS
LANGS = ["de", "fr", "es", "it", "nl", "pt", "pl", "ja", "en"]

# ------------------------------------------------------------------ numbers as people say them
ONES = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen".split(),
    "de": "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
          "sechzehn siebzehn achtzehn neunzehn".split(),
    "fr": "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
          "dix-sept dix-huit dix-neuf".split(),
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis "
          "diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco "
          "veintiséis veintisiete veintiocho veintinueve".split(),
    "it": "zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici "
          "sedici diciassette diciotto diciannove".split(),
    "nl": "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien "
          "zeventien achttien negentien".split(),
    "pt": "zero um dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezasseis "
          "dezassete dezoito dezanove".split(),
    "pl": "zero jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście trzynaście "
          "czternaście piętnaście szesnaście siedemnaście osiemnaście dziewiętnaście".split(),
}
TENS = {
    "en": "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split(),
    "de": "_ _ zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split(),
    "fr": "_ _ vingt trente quarante cinquante soixante _ _ _".split(),
    "es": "_ _ _ treinta cuarenta cincuenta sesenta setenta ochenta noventa".split(),
    "it": "_ _ venti trenta quaranta cinquanta sessanta settanta ottanta novanta".split(),
    "nl": "_ _ twintig dertig veertig vijftig zestig zeventig tachtig negentig".split(),
    "pt": "_ _ vinte trinta quarenta cinquenta sessenta setenta oitenta noventa".split(),
    "pl": "_ _ dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt osiemdziesiąt "
          "dziewięćdziesiąt".split(),
}
KANA = ["ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ"]
KANJI = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]


def n2w(n, lang):
    """0..99 in words."""
    if lang == "ja":
        if n < 10:
            return KANJI[n]
        t, u = divmod(n, 10)
        return (KANJI[t] if t > 1 else "") + "十" + (KANJI[u] if u else "")
    o = ONES[lang]
    if n < len(o):
        return o[n]
    t, u = divmod(n, 10)
    if lang == "en":
        return TENS["en"][t] + ("-" + o[u] if u else "")
    if lang == "de":
        return (("ein" if u == 1 else o[u]) + "und" if u else "") + TENS["de"][t]
    if lang == "nl":
        if not u:
            return TENS["nl"][t]
        return o[u] + ("ën" if o[u].endswith("e") else "en") + TENS["nl"][t]
    if lang == "fr":
        if t in (7, 9):
            base = "soixante" if t == 7 else "quatre-vingt"
            rest = 10 + u
            return base + ("-" if not (t == 7 and u == 1) else " et ") + ONES["fr"][rest]
        if t == 8:
            return "quatre-vingt" + ("-" + o[u] if u else "s")
        return TENS["fr"][t] + (" et un" if u == 1 else ("-" + o[u] if u else ""))
    if lang == "es":
        return TENS["es"][t] + (" y " + o[u] if u else "")
    if lang == "it":
        tw = TENS["it"][t]
        if u in (1, 8):
            tw = tw[:-1]
        return tw + ({3: "tré"}.get(u, o[u]) if u else "")
    if lang == "pt":
        return TENS["pt"][t] + (" e " + o[u] if u else "")
    if lang == "pl":
        return TENS["pl"][t] + (" " + o[u] if u else "")
    raise ValueError(lang)


HUNDREDS = {
    "en": lambda h: ONES["en"][h] + " hundred",
    "de": lambda h: ("ein" if h == 1 else ONES["de"][h]) + "hundert",
    "fr": lambda h: ("" if h == 1 else ONES["fr"][h] + " ") + "cent",
    "es": lambda h: ["", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
                     "setecientos", "ochocientos", "novecientos"][h],
    "it": lambda h: ("" if h == 1 else ONES["it"][h]) + "cento",
    "nl": lambda h: ("" if h == 1 else ONES["nl"][h]) + "honderd",
    "pt": lambda h: ["", "cento", "duzentos", "trezentos", "quatrocentos", "quinhentos", "seiscentos",
                     "setecentos", "oitocentos", "novecentos"][h],
    "pl": lambda h: ["", "sto", "dwieście", "trzysta", "czterysta", "pięćset", "sześćset", "siedemset",
                     "osiemset", "dziewięćset"][h],
}


def n3w(n, lang):
    h, r = divmod(n, 100)
    if lang == "ja":
        return ((KANJI[h] if h > 1 else "") + "百" if h else "") + (n2w(r, "ja") if r else "")
    if not h:
        return n2w(r, lang)
    joiner = {"en": " ", "de": "", "fr": " ", "es": " ", "it": "", "nl": "", "pt": " e ", "pl": " "}[lang]
    if r == 0:
        return HUNDREDS[lang](h) if not (lang == "es" and h == 1) else "cien"
    return HUNDREDS[lang](h) + joiner + n2w(r, lang)


def digit_words(digits, lang, sep=" ", kana=False):
    out = []
    for c in digits:
        if not c.isdigit():
            continue
        d = int(c)
        if lang == "ja":
            out.append(KANA[d] if kana else KANJI[d])
        else:
            out.append(ONES[lang][d])
    return sep.join(out)


def pair_words(digits, lang, sep=" "):
    """A digit string read in pairs (French and Dutch phones), a lone leading zero read as a digit."""
    d = [c for c in digits if c.isdigit()]
    out, i = [], 0
    if len(d) % 2:
        out.append(ONES[lang][int(d[0])] if lang != "ja" else KANJI[int(d[0])])
        i = 1
    while i < len(d):
        a, b = d[i], d[i + 1]
        if a == "0":
            out.append(digit_words(a + b, lang))
        else:
            out.append(n2w(int(a + b), lang))
        i += 2
    return sep.join(out)


def group_words(groups, lang, sep=", "):
    """Groups of digits read as numbers where possible (four-digit groups as two pairs)."""
    out = []
    for g in groups:
        if len(g) == 4 and g[0] != "0" and g[2] != "0":
            out.append(n2w(int(g[:2]), lang) + " " + n2w(int(g[2:]), lang))
        elif len(g) == 3 and g[0] != "0":
            out.append(n3w(int(g), lang))
        elif len(g) == 2 and g[0] != "0":
            out.append(n2w(int(g), lang))
        else:
            out.append(digit_words(g, lang))
    return sep.join(out)


# Spelling alphabets.
SPELL = {
    "en": "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa "
          "Quebec Romeo Sierra Tango Uniform Victor Whiskey X-ray Yankee Zulu",
    "de": "Anton Berta Cäsar Dora Emil Friedrich Gustav Heinrich Ida Julius Kaufmann Ludwig Martha Nordpol Otto "
          "Paula Quelle Richard Samuel Theodor Ulrich Viktor Wilhelm Xanthippe Ypsilon Zacharias",
    "fr": "Anatole Berthe Célestin Désiré Eugène François Gaston Henri Irma Joseph Kléber Louis Marcel Nicolas "
          "Oscar Pierre Quintal Raoul Suzanne Thérèse Ursule Victor William Xavier Yvonne Zoé",
    "es": "Antonio Barcelona Carmen Dolores Enrique Francia Gerona Historia Inés José Kilo Lorenzo Madrid "
          "Navarra Oviedo París Querido Ramón Sábado Tarragona Ulises Valencia Washington Xilófono Yegua Zaragoza",
    "it": "Ancona Bologna Como Domodossola Empoli Firenze Genova Hotel Imola Jolly Kappa Livorno Milano Napoli "
          "Otranto Padova Quarto Roma Savona Torino Udine Venezia Washington Xeres Yacht Zara",
    "nl": "Anton Bernard Cornelis Dirk Eduard Ferdinand Gerard Hendrik Izaak Johan Karel Lodewijk Maria Nico "
          "Otto Pieter Quirinus Rudolf Simon Teunis Utrecht Victor Willem Xantippe Ypsilon Zaandam",
    "pt": "Aveiro Braga Coimbra Dafundo Évora Faro Guarda Horta Itália José Kodak Lisboa Maria Nazaré Ovar "
          "Porto Queluz Rossio Setúbal Tavira Unidade Vidago Waldemar Xavier York Zulmira",
    "pl": "Adam Bolesław Celina Dorota Ewa Franciszek Grażyna Henryk Irena Jadwiga Karol Ludwik Marian Natalia "
          "Olga Paweł Quebec Roman Stefan Tadeusz Urszula Violetta Wacław Xawery Ypsylon Zygmunt",
}
SPELL = {k: dict(zip(UPPER, v.split())) for k, v in SPELL.items()}
SPELL["ja"] = SPELL["en"]


def spell(word, lang, sep=" "):
    out = []
    for c in word.upper():
        if c in SPELL[lang]:
            out.append(SPELL[lang][c])
        elif c.isdigit():
            out.append(ONES.get(lang, ONES["en"])[int(c)] if lang != "ja" else KANA[int(c)])
        else:
            out.append(c)
    return sep.join(out)


AT = {"en": ["at"], "de": ["at", "Klammeraffe", "ät"], "fr": ["arobase", "at"], "es": ["arroba"],
      "it": ["chiocciola", "at"], "nl": ["apenstaartje", "at"], "pt": ["arroba"], "pl": ["małpa", "at"],
      "ja": ["アットマーク"]}
DOT = {"en": "dot", "de": "Punkt", "fr": "point", "es": "punto", "it": "punto", "nl": "punt", "pt": "ponto",
       "pl": "kropka", "ja": "ドット"}
UNDERSCORE = {"en": "underscore", "de": "Unterstrich", "fr": "tiret bas", "es": "guion bajo", "it": "trattino basso",
              "nl": "underscore", "pt": "underscore", "pl": "podkreślnik", "ja": "アンダーバー"}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}


def year_words(y, lang):
    hi, lo = divmod(y, 100)
    if lang == "en":
        return n2w(hi, "en") + " " + (n2w(lo, "en") if lo >= 10 else "oh " + n2w(lo, "en"))
    if lang == "de":
        return n2w(hi, "de") + "hundert" + (n2w(lo, "de") if lo else "")
    if lang == "nl":
        return n2w(hi, "nl") + "honderd" + (n2w(lo, "nl") if lo else "")
    if lang == "fr":
        return "mille neuf cent " + n2w(lo, "fr") if hi == 19 else "deux mille " + n2w(lo, "fr")
    if lang == "es":
        return ("mil novecientos " if hi == 19 else "dos mil ") + n2w(lo, "es")
    if lang == "it":
        return ("millenovecento" if hi == 19 else "duemila") + n2w(lo, "it")
    if lang == "pt":
        return ("mil novecentos e " if hi == 19 else "dois mil e ") + n2w(lo, "pt")
    if lang == "pl":
        return ("tysiąc dziewięćset " if hi == 19 else "dwa tysiące ") + n2w(lo, "pl")
    return "%d年" % y


def spoken_date(y, m, d, lang):
    if lang == "ja":
        return "%d年%d月%d日" % (y, m, d) if y > 1988 else "昭和%d年%d月%d日" % (y - 1925, m, d)
    if lang == "en":
        return "%s %s, %s" % (MONTHS["en"][m - 1], n2w(d, "en"), year_words(y, "en"))
    if lang == "de":
        ordn = {1: "ersten", 3: "dritten", 7: "siebten", 8: "achten"}.get(d) or n2w(d, "de") + ("ten" if d < 20 else "sten")
        return "%s %s %s" % (ordn, MONTHS["de"][m - 1], year_words(y, "de"))
    if lang in ("es", "pt"):
        return "%s de %s de %s" % (n2w(d, lang), MONTHS[lang][m - 1], year_words(y, lang))
    return "%s %s %s" % (n2w(d, lang), MONTHS[lang][m - 1], year_words(y, lang))


def spoken_email(local, domain, lang, at=None):
    at = at or V.pick(AT[lang])
    dot = DOT[lang]
    sp = lambda s: s.replace(".", " %s " % dot).replace("_", " %s " % UNDERSCORE[lang])
    return "%s %s %s" % (sp(local), at, sp(domain))


STREETS = {
    "de": (["Lindenstraße", "Schillerstraße", "Am Mühlbach", "Goethestraße", "Kirchweg"],
           ["50667 Köln", "04109 Leipzig", "79098 Freiburg", "28195 Bremen", "55116 Mainz"]),
    "fr": (["rue des Lilas", "boulevard Gambetta", "rue Pasteur", "chemin des Vignes", "rue de la Gare"],
           ["69003 Lyon", "31000 Toulouse", "44000 Nantes", "59000 Lille", "13006 Marseille"]),
    "es": (["calle Mayor", "avenida de América", "calle Alcalá", "calle del Carmen", "ronda de Segovia"],
           ["28013 Madrid", "46002 Valencia", "41001 Sevilla", "50001 Zaragoza", "15001 A Coruña"]),
    "it": (["via Garibaldi", "via Roma", "corso Vittorio Emanuele", "via dei Mille", "viale Monza"],
           ["10121 Torino", "40121 Bologna", "80133 Napoli", "35121 Padova", "90133 Palermo"]),
    "nl": (["Kerkstraat", "Dorpsstraat", "Lange Voorhout", "Nieuwstraat", "Parklaan"],
           ["3511 AB Utrecht", "9711 AB Groningen", "2511 AB Den Haag", "6211 AB Maastricht", "4811 AA Breda"]),
    "pt": (["Rua de Santa Catarina", "Avenida da Liberdade", "Rua Augusta", "Rua do Carmo", "Travessa do Fala-Só"],
           ["4000-447 Porto", "1250-096 Lisboa", "3000-150 Coimbra", "4700-320 Braga", "8000-123 Faro"]),
    "pl": (["ul. Długa", "ul. Piotrkowska", "ul. Floriańska", "al. Jerozolimskie", "ul. Kościuszki"],
           ["00-001 Warszawa", "90-001 Łódź", "50-001 Wrocław", "80-001 Gdańsk", "70-001 Szczecin"]),
    "ja": (["大阪府大阪市北区梅田3-1-1", "神奈川県横浜市西区みなとみらい2-3-5", "福岡県福岡市博多区博多駅前2-1-1",
            "宮城県仙台市青葉区中央1-2-3"], [""]),
    "en": (["Mill Lane", "Church Street", "Victoria Road", "Manor Way", "High Street"],
           ["Leeds LS1 4AP", "Bristol BS1 5TR", "York YO1 7HH", "Norwich NR2 1NH", "Exeter EX4 3SR"]),
}
MAIL_DOMAINS = {"de": ["gmx.de", "web.de", "t-online.de"], "fr": ["orange.fr", "free.fr", "laposte.net"],
                "es": ["gmail.com", "hotmail.es", "telefonica.net"], "it": ["libero.it", "alice.it", "virgilio.it"],
                "nl": ["ziggo.nl", "kpnmail.nl", "hotmail.nl"], "pt": ["sapo.pt", "gmail.com", "netcabo.pt"],
                "pl": ["wp.pl", "onet.pl", "interia.pl"], "ja": ["docomo.ne.jp", "yahoo.co.jp", "gmail.com"],
                "en": ["btinternet.com", "gmail.com", "outlook.com"]}
ROMAJI = ["sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto", "nakamura"]
TR = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "é": "e", "è": "e", "í": "i", "á": "a", "ó": "o", "ú": "u",
                    "ñ": "n", "ç": "c", "ê": "e", "ł": "l", "ś": "s", "ń": "n", "ż": "z", "ć": "c", "ã": "a",
                    "É": "e", "ò": "o", "ß": "ss", "ê": "e", "ô": "o", " ": ""})


class H21Values(WorldValues):
    IBAN_LENGTHS = dict(WorldValues.IBAN_LENGTHS, DE=(22, "n"), FR=(27, "n"), ES=(24, "n"), AT=(20, "n"),
                        GB=(22, "gb"))

    def iban_cc(self, cc, valid=True, grouped=None):
        if cc == "GB":
            bban = self.pick(["NWBK", "BARC", "LOYD", "MIDL"]) + self.s(14, DIGITS)
            numeric = "".join(str(int(c, 36)) for c in bban + "GB00")
            iban = "GB%02d%s" % (98 - int(numeric) % 97, bban)
            return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if grouped else iban
        return WorldValues.iban_cc(self, cc, valid, grouped)

    def local_mail(self, person, lang):
        if lang == "ja":
            return self.pick(ROMAJI) + self.pick([".", "_", ""]) + self.pick(["k", "y", "m", "t"]) + str(
                self.r.randint(1, 99)), self.pick(MAIL_DOMAINS["ja"])
        first, last = person.split(" ", 1)
        f, l = first.lower().translate(TR), last.lower().translate(TR)
        return self.pick([f + "." + l, f[0] + "." + l, f + "_" + l, l + f[0]]), self.pick(MAIL_DOMAINS[lang])

    def phone(self, lang, international=None):
        return self.phone_eu({"en": "uk", "ja": "jp"}.get(lang, lang), international)

    def mobile_digits(self, lang):
        """A national mobile number as bare digits (what is then read out)."""
        return {"de": lambda: "01" + self.pick(["51", "52", "60", "70", "71", "76", "77"]) + self.s(8, DIGITS),
                "fr": lambda: "0" + self.pick("67") + self.s(8, DIGITS),
                "es": lambda: self.pick("67") + self.s(8, DIGITS),
                "it": lambda: "3" + self.pick(["20", "28", "33", "35", "38", "40", "47", "49"]) + self.s(7, DIGITS),
                "nl": lambda: "06" + self.s(8, DIGITS),
                "pt": lambda: "9" + self.pick("1236") + self.s(7, DIGITS),
                "pl": lambda: self.pick("5678") + self.s(8, DIGITS),
                "ja": lambda: "0" + self.pick("789") + "0" + self.s(8, DIGITS),
                "en": lambda: "07" + self.pick("3456789") + self.s(8, DIGITS)}[lang]()

    def iban_for(self, lang, grouped=None):
        cc = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL",
              "ja": "DE", "en": "GB"}[lang]
        return self.iban_cc(cc, grouped=grouped)

    def national_id(self, lang):
        return {"de": lambda: self.de_tax_id(spaced=False), "fr": lambda: self.fr_nir(spaced=False),
                "es": lambda: self.es_dni(nie=False), "it": self.it_fiscal_code, "nl": lambda: self.nl_bsn(),
                "pt": self.pt_nif_personal, "pl": lambda: self.pl_pesel(), "ja": lambda: self.jp_my_number(),
                "en": self.uk_nino}[lang]()

    def street(self, lang):
        streets, towns = STREETS[lang]
        if lang == "ja":
            return self.pick(streets), ""
        return self.pick(streets), self.pick(towns)

    def birth(self):
        return self.r.randint(1942, 2003), self.r.randint(1, 12), self.r.randint(1, 28)

    def exp(self):
        return self.r.randint(1, 12), self.r.randint(27, 31)

    def day_ts(self):
        return "2026-%02d-%02dT%02d:%02d:%02d.%03dZ" % (self.r.randint(1, 11), self.r.randint(1, 28), self.r.randint(0, 23),
                                                       self.r.randint(0, 59), self.r.randint(0, 59), self.r.randint(0, 999))

    def fr_siren(self):
        body = self.pick("3456789") + self.s(7, DIGITS)
        for c in DIGITS:
            if self.luhn_ok(body + c):
                return body + c
        raise AssertionError

    def de_vat(self):
        return "DE" + self.s(9, DIGITS)


V = H21Values(20261208)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout21-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def P(lg):
    return V.person(lg)


def jd(obj, indent=None):
    return json.dumps(obj, indent=indent, ensure_ascii=False)


def hms(t, ms=True, comma=True):
    h, rem = divmod(int(t), 3600)
    m, s = divmod(rem, 60)
    if not ms:
        return "%02d:%02d:%02d" % (h, m, s)
    frac = int((t - int(t)) * 1000)
    return "%02d:%02d:%02d%s%03d" % (h, m, s, "," if comma else ".", frac)


def srt(lines, start=None):
    t = start if start is not None else R.randint(30, 900) + R.random()
    out = []
    for i, line in enumerate(lines, 1):
        d = 1.2 + R.random() * 2.5
        out.append("%d\n%s --> %s\n%s\n" % (i, hms(t), hms(t + d), line))
        t += d + R.random() * 0.4
    return "\n".join(out)


def vtt(cues, start=None):
    """cues: (speaker or None, text)."""
    t = start if start is not None else R.randint(10, 1500) + R.random()
    out = ["WEBVTT", ""]
    for spk, line in cues:
        d = 1.0 + R.random() * 3
        out.append("%s --> %s" % (hms(t, comma=False), hms(t + d, comma=False)))
        out.append(("<v %s>%s</v>" % (spk, line)) if spk else line)
        out.append("")
        t += d + R.random() * 0.3
    return "\n".join(out)


def whisper(segs, lang, words=False, with_text=True):
    t = R.randint(0, 400) + R.random()
    segments = []
    for i, s in enumerate(segs):
        d = 1.5 + len(s) / 14.0
        seg = {"id": i, "seek": int(t * 100) // 3000 * 3000, "start": round(t, 2), "end": round(t + d, 2),
               "text": " " + s, "avg_logprob": round(-0.1 - R.random() * 0.4, 3),
               "no_speech_prob": round(R.random() * 0.05, 4)}
        if words:
            ws, wt = [], t
            for w in s.split():
                wd = 0.18 + R.random() * 0.35
                ws.append({"word": " " + w, "start": round(wt, 2), "end": round(wt + wd, 2),
                           "probability": round(0.55 + R.random() * 0.44, 3)})
                wt += wd
            seg["words"] = ws
        segments.append(seg)
        t += d + R.random() * 0.6
    obj = {"text": " " + " ".join(segs), "segments": segments, "language": lang}
    if not with_text:
        del obj["text"]
    return obj


# ============================================================================ sensitive
def whisper_cases():
    # A card number split across two segments, said in digits (what Whisper writes for numbers).
    asks = {"de": "Fass das Kundengespräch in drei Sätzen zusammen:", "fr": "Résume cet appel client en trois phrases :",
            "es": "Resume esta llamada en tres frases:", "it": "Riassumi la chiamata in tre frasi:",
            "en": "Summarize this support call for the CRM note:"}
    lines = {
        "de": ["Ja, ich zahle mit Kreditkarte, die Nummer ist %s", "%s, gültig bis %s und die Prüfziffer %s."],
        "fr": ["Oui je paie par carte, le numéro c'est %s", "%s, expiration %s, cryptogramme %s."],
        "es": ["Vale, la tarjeta es la %s", "%s, caduca el %s y el código de seguridad %s."],
        "it": ["Sì, pago con la carta, il numero è %s", "%s, scadenza %s e il CVV %s."],
        "en": ["Sure, the card number is %s", "%s, expiry %s, and the security code is %s."],
    }
    for lg in ["de", "fr", "es", "it", "en"]:
        c = V.card_digits()
        g = [c[i:i + 4] for i in range(0, 16, 4)]
        cut = V.pick([2, 3])
        m, y = V.exp()
        segs = [{"de": "Guten Tag, Sie sprechen mit dem Kundenservice, was kann ich für Sie tun?",
                 "fr": "Bonjour, service client, que puis-je faire pour vous ?",
                 "es": "Buenas tardes, atención al cliente, ¿en qué puedo ayudarle?",
                 "it": "Buongiorno, servizio clienti, come posso aiutarla?",
                 "en": "Hi, thanks for calling, how can I help?"}[lg],
                lines[lg][0] % " ".join(g[:cut]), lines[lg][1] % (" ".join(g[cut:]), "%02d/%02d" % (m, y), V.s(3, DIGITS))]
        add("whisper", "sensitive", asks[lg] + "\n\n" + jd(whisper(segs, lg), 1), "whisper card split over segments",
            "card", "split_segments")
    # Values in words, one word per timestamp (word-level JSON).
    for lg in ["nl", "pt", "pl", "de"]:
        p = P(lg)
        mob = V.mobile_digits(lg)
        spoken = pair_words(mob, lg) if lg == "nl" else digit_words(mob, lg)
        said = {"nl": "u kunt mij terugbellen op %s mijn naam is %s",
                "pt": "pode ligar-me para o %s o meu nome é %s",
                "pl": "proszę oddzwonić pod numer %s nazywam się %s",
                "de": "rufen Sie mich bitte zurück unter %s mein Name ist %s"}[lg] % (spoken, p)
        words = said.split()
        half = len(words) // 2
        obj = whisper([" ".join(words[:half]), " ".join(words[half:])], lg, words=True, with_text=False)
        ask = {"nl": "Zet dit om naar een terugbelnotitie:", "pt": "Transforma isto numa nota de retorno de chamada:",
               "pl": "Zrób z tego notatkę do oddzwonienia:", "de": "Mach daraus eine Rückrufnotiz:"}[lg]
        add("whisper", "sensitive", ask + "\n" + jd(obj), "whisper word timestamps phone in words", "phone_words",
            "number_words")
    # Japanese: katakana digits in a faster-whisper dump.
    p = P("ja")
    mob = V.mobile_digits("ja")
    kana = "".join(KANA[int(c)] for c in mob).replace("ゼロ", V.pick(["ゼロ", "ゼロ", "マル"]))
    segs = ["はい、お電話ありがとうございます。", "%sと申します。携帯は%sです。" % (p, kana),
            "生年月日は%sです。" % spoken_date(*V.birth(), "ja")]
    add("whisper", "sensitive", "この通話の要点を箇条書きにして:\n" + "\n".join(
        "[%.2fs -> %.2fs] %s" % (i * 3.1, i * 3.1 + 2.9, s) for i, s in enumerate(segs)),
        "faster-whisper katakana digits", "phone_words", "number_words")


def subtitle_cases():
    # SRT of a recorded call (QA), IBAN broken across cues.
    for lg in ["de", "es", "it", "nl", "pl", "fr"]:
        p = P(lg)
        iban = V.iban_for(lg, grouped=True)
        parts = iban.split(" ")
        k = len(parts) // 2
        lines = {
            "de": ["Können Sie mir die IBAN für die Erstattung geben?", "Ja, Moment. %s" % " ".join(parts[:k]),
                   "%s. Kontoinhaber ist %s." % (" ".join(parts[k:]), p)],
            "es": ["¿Me da el IBAN para el reembolso?", "Sí, un momento. %s" % " ".join(parts[:k]),
                   "%s. El titular es %s." % (" ".join(parts[k:]), p)],
            "it": ["Mi detta l'IBAN per il rimborso?", "Sì, allora: %s" % " ".join(parts[:k]),
                   "%s, intestato a %s." % (" ".join(parts[k:]), p)],
            "nl": ["Mag ik het rekeningnummer voor de terugbetaling?", "Ja hoor. %s" % " ".join(parts[:k]),
                   "%s, op naam van %s." % (" ".join(parts[k:]), p)],
            "pl": ["Proszę podać numer konta do zwrotu.", "Dobrze. %s" % " ".join(parts[:k]),
                   "%s, właściciel %s." % (" ".join(parts[k:]), p)],
            "fr": ["Vous pouvez me donner votre IBAN pour le remboursement ?", "Oui. %s" % " ".join(parts[:k]),
                   "%s, au nom de %s." % (" ".join(parts[k:]), p)],
        }[lg]
        ask = {"de": "Übersetze die Untertitel ins Englische:", "es": "Traduce estos subtítulos al inglés:",
               "it": "Traduci questi sottotitoli in inglese:", "nl": "Vertaal deze ondertitels naar het Engels:",
               "pl": "Przetłumacz te napisy na angielski:", "fr": "Traduis ces sous-titres en anglais :"}[lg]
        add("subtitles", "sensitive", ask + "\n\n" + srt(lines), "srt iban across cues", "iban", "split_cues")
    # WebVTT (Teams) with a personal mobile split across cues and an address.
    for lg in ["fr", "pt", "ja", "de", "en"]:
        p = P(lg)
        mob = V.mobile_digits(lg)
        a, b = mob[:len(mob) // 2], mob[len(mob) // 2:]
        st, town = V.street(lg)
        n = V.r.randint(2, 90)
        cues = {
            "fr": [("Agent", "Je note votre portable ?"), (p, "Oui, c'est le %s" % " ".join(a[i:i + 2] for i in range(0, len(a), 2))),
                   (p, "%s. Et j'habite au %d %s, %s." % (" ".join(b[i:i + 2] for i in range(0, len(b), 2)), n, st, town))],
            "pt": [("Operador", "Qual é o seu contacto?"), (p, "É o %s" % a), (p, "%s. A morada é %s %d, %s." % (b, st, n, town))],
            "ja": [("オペレーター", "ご連絡先をお願いします。"), (p, "携帯が%sの" % a), (p, "%sです。住所は%sです。" % (b, st))],
            "de": [("Kundenberater", "Unter welcher Nummer erreiche ich Sie?"), (p, "Das ist %s" % a),
                   (p, "%s. Ich wohne in der %s %d in %s." % (b, st, n, town))],
            "en": [("Advisor", "What's the best number for you?"), (p, "It's %s" % a),
                   (p, "%s. Address is %d %s, %s." % (b, n, st, town))],
        }[lg]
        ask = {"fr": "Rédige le compte rendu de cet appel Teams :", "pt": "Escreve a ata desta chamada:",
               "ja": "このTeams通話の議事録を作ってください。", "de": "Schreib ein Protokoll zu dem Call:",
               "en": "Write up the call notes:"}[lg]
        add("subtitles", "sensitive", ask + "\n\n" + vtt(cues), "teams vtt phone split and address", "phone_address",
            "split_cues")


def meeting_cases():
    # Teams/Meet transcript: an employee's health or termination discussed by name.
    tpl = {
        "de": ("%s   0:%02d\nAlso zu %s: sie ist seit sechs Wochen krankgeschrieben, Burnout, die Diagnose hat sie uns "
               "selbst gesagt.\n%s   1:%02d\nDann planen wir das BEM-Gespräch und die Vertretung bis März.",
               "Schreib bitte das Protokoll der Führungsrunde."),
        "nl": ("%s   0:%02d\nOver %s: hij is in het re-integratietraject, hernia, arbo-arts zegt nog drie maanden.\n"
               "%s   1:%02d\nOké, dan verlengen we zijn contract niet, dat blijft wel tussen ons.",
               "Maak notulen van dit MT-overleg."),
        "es": ("%s   0:%02d\nSobre %s: está de baja por depresión desde enero, el informe lo tiene RRHH.\n"
               "%s   1:%02d\nVale, entonces le proponemos la salida pactada con veinte días por año.",
               "Haz el acta de la reunión."),
        "it": ("%s   0:%02d\nPer %s: è in malattia, ha avuto un infarto a novembre, rientra part-time.\n"
               "%s   1:%02d\nPerfetto, però la promozione la rimandiamo.",
               "Scrivi il verbale della riunione."),
        "fr": ("%s   0:%02d\nConcernant %s : elle est enceinte, elle ne l'a pas encore annoncé à l'équipe.\n"
               "%s   1:%02d\nOn décale donc sa mission à l'étranger.", "Fais le compte rendu du comité RH."),
        "pl": ("%s   0:%02d\nW sprawie %s: jest na zwolnieniu, leczenie onkologiczne, chemioterapia do lutego.\n"
               "%s   1:%02d\nDobrze, przygotujmy zastępstwo.", "Napisz protokół ze spotkania."),
    }
    for lg, (body, ask) in tpl.items():
        a, b, subj = P(lg), P(lg), P(lg)
        add("meeting", "sensitive", ask + "\n\n" + body % (a, V.r.randint(1, 59), subj, b, V.r.randint(1, 59)),
            "teams transcript employee health", "employee_health")
    # Zoom: passport and birth date spoken for a travel booking.
    for lg in ["es", "it", "nl", "en"]:
        p = P(lg)
        pp = V.s(2, UPPER) + V.s(7, DIGITS)
        y, m, d = V.birth()
        head = "[%s] %s" % (p, hms(V.r.randint(60, 2000), ms=False))
        said = {"es": "Mi pasaporte es %s, y nací el %s." % (spell(pp[:2], "es") + " " + digit_words(pp[2:], "es"), spoken_date(y, m, d, "es")),
                "it": "Il passaporto è %s, sono nata il %s." % (spell(pp[:2], "it") + " " + digit_words(pp[2:], "it"), spoken_date(y, m, d, "it")),
                "nl": "Mijn paspoortnummer is %s en ik ben geboren op %s." % (spell(pp[:2], "nl") + " " + digit_words(pp[2:], "nl"), spoken_date(y, m, d, "nl")),
                "en": "My passport number is %s and date of birth %s." % (spell(pp[:2], "en") + " " + digit_words(pp[2:], "en"), spoken_date(y, m, d, "en"))}[lg]
        ask = {"es": "Rellena la ficha del viajero con esta transcripción de Zoom:",
               "it": "Compila la scheda viaggiatore da questa trascrizione Zoom:",
               "nl": "Vul het reizigersprofiel in op basis van deze Zoom-transcriptie:",
               "en": "Fill in the traveller profile from this Zoom transcript:"}[lg]
        add("meeting", "sensitive", "%s\n\n%s\n%s" % (ask, head, said), "zoom passport spelled", "passport_words",
            "spelling_alphabet")
    # Otter/Fireflies: an e-mail address dictated with the local words, surname spelled.
    for lg in LANGS:
        p = P(lg)
        local, dom = V.local_mail(p, lg)
        last = p.split(" ")[-1].translate(TR) if lg != "ja" else local.split(".")[0].split("_")[0].rstrip("0123456789")
        mail = spoken_email(local, dom, lg)
        tool = V.pick(["Otter.ai", "Fireflies.ai", "Google Meet", "tl;dv"])
        said = {"de": "Schreiben Sie mir an %s, Nachname buchstabiert %s." % (mail, spell(last[:4], "de")),
                "fr": "Écrivez-moi à %s, je vous épelle le nom : %s." % (mail, spell(last[:4], "fr")),
                "es": "Mi correo es %s, el apellido se deletrea %s." % (mail, spell(last[:4], "es")),
                "it": "La mia mail è %s, il cognome è %s." % (mail, spell(last[:4], "it")),
                "nl": "Mijn mail is %s, achternaam spel ik %s." % (mail, spell(last[:4], "nl")),
                "pt": "O meu email é %s, o apelido soletra-se %s." % (mail, spell(last[:4], "pt")),
                "pl": "Mój mail to %s, nazwisko literuję %s." % (mail, spell(last[:4], "pl")),
                "ja": "メールは%sです。" % mail,
                "en": "Email me at %s, surname spelled %s." % (mail, spell(last[:4], "en"))}[lg]
        spk = {"ja": "話者2", "de": "Sprecher 2", "fr": "Intervenant 2", "es": "Hablante 2", "it": "Speaker 2",
               "nl": "Spreker 2", "pt": "Orador 2", "pl": "Mówca 2", "en": "Speaker 2"}[lg]
        ask = {"de": "Trag den Kontakt ins CRM ein (Name, E-Mail):", "fr": "Ajoute ce contact dans le CRM :",
               "es": "Da de alta este contacto en el CRM:", "it": "Inserisci il contatto nel CRM:",
               "nl": "Zet dit contact in het CRM:", "pt": "Cria este contacto no CRM:", "pl": "Dodaj ten kontakt do CRM:",
               "ja": "この連絡先をCRMに登録して。", "en": "Add this lead to the CRM:"}[lg]
        add("meeting", "sensitive", "%s\n\n%s export\n%s  %d:%02d\n%s\n\n%s  %d:%02d\n%s" % (
            ask, tool, spk.replace("2", "1"), V.r.randint(0, 9), V.r.randint(0, 59),
            {"ja": "ご連絡先を伺えますか。"}.get(lg, "OK."), spk, V.r.randint(10, 20), V.r.randint(0, 59), said + " " + p),
            "meeting bot email in words", "email_words", "at_words")
    # Fireflies summary with a named salary.
    for lg, t in [("de", "Action Items\n- %s: Gehalt ab 1.4. auf %s € brutto anheben (aktuell %s €)\n- Dienstwagen prüfen"),
                  ("fr", "Points d'action\n- %s : salaire porté à %s € bruts (aujourd'hui %s €)\n- prime exceptionnelle"),
                  ("en", "Action items\n- %s: raise base to £%s (currently £%s), keep quiet until letters go out")]:
        add("meeting", "sensitive", "Fireflies notes, tidy them up:\n\n" + t % (P(lg), "%d.%03d" % (V.r.randint(55, 98), V.r.randint(0, 999)),
                                                                              "%d.%03d" % (V.r.randint(45, 54), V.r.randint(0, 999))),
            "meeting bot salary", "salary")


def callcentre_cases():
    spk = {"de": ("Sprecher 1", "Sprecher 2"), "fr": ("CONSEILLER", "CLIENT"), "es": ("AGENTE", "CLIENTE"),
           "it": ("OPERATORE", "CLIENTE"), "nl": ("MEDEWERKER", "KLANT"), "pt": ("ASSISTENTE", "CLIENTE"),
           "pl": ("KONSULTANT", "KLIENT"), "ja": ("話者1", "話者2"), "en": ("AGENT", "CUSTOMER")}
    # Card read in grouped words.
    for lg in LANGS:
        c = V.card_digits()
        g = [c[i:i + 4] for i in range(0, 16, 4)]
        m, y = V.exp()
        if lg == "ja":
            spoken = "、".join("".join(KANA[int(x)] for x in grp) for grp in g)
            exp = "%s年%s月" % (2000 + y, m)
        else:
            spoken = group_words(g, lg) if V.r.random() < 0.6 else ", ".join(digit_words(x, lg) for x in g)
            exp = n2w(m, lg) + " " + n2w(y, lg)
        a, b = spk[lg]
        q = {"de": "Und die Kartennummer bitte?", "fr": "Et le numéro de la carte ?", "es": "¿Y el número de la tarjeta?",
             "it": "E il numero della carta?", "nl": "En het kaartnummer?", "pt": "E o número do cartão?",
             "pl": "A numer karty?", "ja": "カード番号をお願いします。", "en": "And the long number on the card?"}[lg]
        e = {"de": "Läuft ab %s.", "fr": "Elle expire %s.", "es": "Caduca %s.", "it": "Scade %s.", "nl": "Geldig tot %s.",
             "pt": "Validade %s.", "pl": "Ważna do %s.", "ja": "有効期限は%sです。", "en": "Expires %s."}[lg] % exp
        ask = {"de": "QA-Bewertung: Hat der Agent das Skript eingehalten?", "fr": "Évaluation qualité : le conseiller a-t-il suivi le script ?",
               "es": "Evaluación de calidad de la llamada, ¿cumplió el guion?", "it": "Valuta la qualità della chiamata secondo lo script.",
               "nl": "Beoordeel dit gesprek op het script.", "pt": "Avalia esta chamada segundo o guião.",
               "pl": "Oceń rozmowę pod kątem skryptu.", "ja": "この通話の品質評価をしてください。", "en": "QA score this call against the script."}[lg]
        add("callcentre", "sensitive", "%s\n\n%s: %s\n%s: %s\n%s: %s" % (ask, a, q, b, spoken + ("。" if lg == "ja" else "."), b, e),
            "call centre card in words", "card_words", "number_words")
    # National identifier read out.
    for lg in LANGS:
        a, b = spk[lg]
        p = P(lg)
        nid = V.national_id(lg)
        raw = nid.replace(" ", "").replace("-", "").replace(".", "")
        if lg == "it":
            spoken = spell(raw, "it")
            label = "il codice fiscale"
        elif lg == "es":
            spoken = digit_words(raw[:8], "es", ", ") + ", letra " + spell(raw[8:], "es")
            label = "el DNI"
        elif lg == "en":
            spoken = spell(raw[:2], "en") + ", " + group_words([raw[2:4], raw[4:6], raw[6:8]], "en") + ", " + spell(raw[8:], "en")
            label = "NI number"
        elif lg == "fr":
            spoken = digit_words(raw[:1], "fr") + ", " + pair_words(raw[1:5], "fr") + ", " + group_words([raw[5:7], raw[7:10], raw[10:13]], "fr") + ", clé " + n2w(int(raw[13:]), "fr")
            label = "numéro de sécu"
        elif lg == "ja":
            spoken = "".join(KANA[int(x)] for x in raw)
            label = "マイナンバー"
        else:
            spoken = digit_words(raw, lg, V.pick([" ", ", "]))
            label = {"de": "Steuer-ID", "nl": "BSN", "pt": "NIF", "pl": "PESEL"}[lg]
        said = {"de": "Meine %s ist %s.", "fr": "Mon %s c'est %s.", "es": "Sí, %s es %s.", "it": "Allora, %s è %s.",
                "nl": "Mijn %s is %s.", "pt": "O meu %s é %s.", "pl": "Mój %s to %s.", "ja": "%sは%sです。",
                "en": "My %s is %s."}[lg] % (label, spoken)
        ask = {"de": "Füll das Formular aus dem Gespräch aus:", "fr": "Remplis la fiche à partir de l'appel :",
               "es": "Completa la ficha con los datos de la llamada:", "it": "Compila l'anagrafica dalla chiamata:",
               "nl": "Vul het klantformulier in vanuit dit gesprek:", "pt": "Preenche a ficha com os dados da chamada:",
               "pl": "Uzupełnij kartotekę na podstawie rozmowy:", "ja": "通話から顧客票を埋めて。", "en": "Fill the form from this call:"}[lg]
        add("callcentre", "sensitive", "%s\n\n%s: %s\n%s: %s %s" % (ask, a, {"ja": "ご本人確認をお願いします。"}.get(lg, "..."), b,
                                                                  p + ("です。" if lg == "ja" else "."), said),
            "national id read out", "national_id_words", "number_words")
    # Password read out in a spelling alphabet.
    for lg in ["it", "pt", "pl", "nl", "de"]:
        a, b = spk[lg]
        pw = V.s(3, "abcdefghkmnpqrstuvwxyz").capitalize() + V.s(4, DIGITS) + V.pick("!#?")
        sym = {"!": {"it": "punto esclamativo", "pt": "ponto de exclamação", "pl": "wykrzyknik", "nl": "uitroepteken", "de": "Ausrufezeichen"},
               "#": {"it": "cancelletto", "pt": "cardinal", "pl": "krzyżyk", "nl": "hekje", "de": "Raute"},
               "?": {"it": "punto interrogativo", "pt": "ponto de interrogação", "pl": "znak zapytania", "nl": "vraagteken", "de": "Fragezeichen"}}
        cap = {"it": "maiuscola", "pt": "maiúscula", "pl": "wielka", "nl": "hoofdletter", "de": "groß"}[lg]
        spoken = "%s %s, %s, %s, %s" % (cap, spell(pw[0], lg), spell(pw[1:3], lg), digit_words(pw[3:7], lg), sym[pw[7]][lg])
        user = P(lg)
        line = {"it": "La password del portale è %s.", "pt": "A palavra-passe do portal é %s.",
                "pl": "Hasło do portalu to %s.", "nl": "Het wachtwoord van het portaal is %s.",
                "de": "Das Passwort fürs Portal ist %s."}[lg] % spoken
        ask = {"it": "Scrivi il ticket per l'helpdesk:", "pt": "Escreve o ticket para o suporte:", "pl": "Napisz zgłoszenie do helpdesku:",
               "nl": "Maak een ticket voor de helpdesk:", "de": "Mach daraus ein Helpdesk-Ticket:"}[lg]
        add("callcentre", "sensitive", "%s\n\n%s: ...\n%s: %s. %s" % (ask, a, b, user, line), "password read out spelled",
            "password_words", "spelling_alphabet")


def ivr_cases():
    for lg, ask in [("en", "Why did this IVR session fail at the payment step?"), ("de", "Warum bricht der IVR-Flow hier ab?"),
                    ("fr", "Pourquoi le SVI raccroche à l'étape paiement ?"), ("es", "¿Por qué falla el IVR en el paso de pago?")]:
        c = V.card_digits()
        m, y = V.exp()
        cli = V.phone(lg, True)
        log = ["%s call_id=%s ani=%s dnis=+%s" % (V.day_ts(), V.uuid(), cli.replace(" ", ""), V.s(11, DIGITS)),
               "%s node=main_menu dtmf=2" % V.day_ts(),
               "%s node=pay_card_number dtmf_collected=\"%s\" terminator=#" % (V.day_ts(), c),
               "%s node=pay_expiry dtmf_collected=\"%02d%02d\"" % (V.day_ts(), m, y),
               "%s node=pay_cvv dtmf_collected=\"%s\"" % (V.day_ts(), V.s(3, DIGITS)),
               "%s node=pay_auth result=DECLINED code=05" % V.day_ts()]
        add("ivr", "sensitive", ask + "\n\n" + "\n".join(log), "ivr dtmf card collected", "card")
    for lg, ask in [("it", "Perché la verifica dell'identità fallisce?"), ("pl", "Dlaczego weryfikacja w IVR nie przechodzi?")]:
        nid = V.national_id(lg)
        y, m, d = V.birth()
        log = ["%s session=%s step=verify_id dtmf=%s" % (V.day_ts(), V.s(10, DIGITS),
                                                        nid if lg == "pl" else V.s(8, DIGITS)),
               "%s session step=verify_dob dtmf=%02d%02d%04d" % (V.day_ts(), d, m, y),
               "%s step=asr_name result=\"%s\" conf=0.62" % (V.day_ts(), P(lg)),
               "%s step=verify result=NO_MATCH retries=3 -> transfer_agent" % V.day_ts()]
        add("ivr", "sensitive", ask + "\n\n" + "\n".join(log), "ivr identity dtmf", "national_id" if lg == "pl" else "dob_name")


def voicemail_cases():
    msgs = {
        "de": ("Hallo, hier ist %s, ich hatte letzte Woche die Knie-OP und die Wunde ist entzündet, bitte rufen Sie "
               "mich zurück unter %s. Danke.", "Fass die Sprachnachricht für die Praxis zusammen:"),
        "fr": ("Bonjour c'est %s, je vous appelle pour le dossier de surendettement, rappelez-moi au %s s'il vous "
               "plaît.", "Résume ce message vocal :"),
        "es": ("Hola, soy %s, llamo por lo de la hipoteca, que me han embargado la nómina, mi móvil es el %s.",
               "Resume el mensaje de voz:"),
        "it": ("Salve sono %s, la chiamo per i risultati della biopsia, mi può richiamare al %s? Grazie.",
               "Riassumi il messaggio in segreteria:"),
        "nl": ("Hoi, met %s, ik bel over mijn ontslag en de vaststellingsovereenkomst, bel me terug op %s.",
               "Vat de voicemail samen:"),
        "pt": ("Olá, fala %s, é sobre a consulta de psiquiatria da minha filha, ligue-me para o %s por favor.",
               "Resume a mensagem de voz:"),
        "pl": ("Dzień dobry, tu %s, dzwonię w sprawie zaległego czynszu i komornika, proszę o telefon %s.",
               "Streść wiadomość głosową:"),
        "ja": ("もしもし、%sです。先日の人間ドックで再検査と言われた件で、%sまで折り返しお願いします。",
               "この留守電を要約して。"),
        "en": ("Hi, it's %s, calling about my son's ADHD assessment, can you call me back on %s, thanks.",
               "Summarize this voicemail:"),
    }
    for lg, (msg, ask) in msgs.items():
        mob = V.mobile_digits(lg)
        style = V.r.random()
        if lg == "ja":
            spoken = "".join(KANA[int(x)] for x in mob)
        elif lg in ("fr", "nl"):
            spoken = pair_words(mob, lg)
        elif style < 0.5:
            spoken = digit_words(mob, lg)
        else:
            spoken = group_words([mob[:3], mob[3:6], mob[6:]], lg, " ")
        head = V.pick(["Voicemail transcript", "Visual Voicemail", "Transcription (beta)"])
        add("voicemail", "sensitive", "%s\n\n%s - %s:\n\"%s\"" % (ask, head, V.day_ts(), msg % (P(lg), spoken)),
            "voicemail number in words", "phone_words_health_or_finance", "number_words")
    # SMS of a voicemail from the carrier.
    for lg, t in [("de", "Neue Sprachnachricht von %s (%s): \"Hier ist %s, der Befund ist da, HbA1c bei neun, bitte melden.\""),
                  ("it", "Nuovo messaggio vocale da %s (%s): \"Ciao sono %s, il PIN della carta nuova è %s, non dirlo a nessuno.\""),
                  ("es", "Mensaje de voz de %s (%s): \"Soy %s, te paso la clave del wifi de casa: %s\""),
                  ("nl", "Nieuw voicemailbericht van %s (%s): \"Met %s, de pincode van de kluis is %s.\"")]:
        p = P(lg)
        phone = V.phone(lg)
        if t.count("%s") == 4:
            secret = V.s(4, DIGITS) if lg in ("it", "nl") else V.password()
            text = t % (p, phone, p.split(" ")[0], secret)
        else:
            text = t % (p, phone, p.split(" ")[0])
        add("voicemail", "sensitive", text + "\n\n" + {"de": "Was heißt HbA1c?", "it": "Rispondi in modo gentile.",
                                                       "es": "Cómo le contesto?", "nl": "Wat moet ik terugsturen?"}[lg],
            "sms of voicemail", "voicemail_sms")


def dictation_cases():
    punct = {"de": ("Komma", "Punkt", "neuer Absatz", "Doppelpunkt"), "fr": ("virgule", "point", "à la ligne", "deux points"),
             "es": ("coma", "punto", "punto y aparte", "dos puntos"), "it": ("virgola", "punto", "a capo", "due punti"),
             "nl": ("komma", "punt", "nieuwe alinea", "dubbele punt"), "pt": ("vírgula", "ponto", "parágrafo", "dois pontos"),
             "pl": ("przecinek", "kropka", "nowy akapit", "dwukropek"), "ja": ("てん", "まる", "改行", "コロン")}
    bodies = {
        "de": "Arztbrief für Patientin %s %s geboren am %s %s Diagnose %s Verdacht auf Mammakarzinom links %s "
              "Biopsie veranlasst %s %s Medikation %s Tamoxifen zwanzig Milligramm %s",
        "fr": "Compte rendu pour monsieur %s %s né le %s %s diagnostic %s syndrome d'apnée du sommeil sévère %s "
              "appareillage par PPC %s %s traitement %s aucun %s",
        "es": "Informe de alta del paciente %s %s nacido el %s %s diagnóstico %s cirrosis hepática alcohólica %s "
              "abstinencia recomendada %s %s tratamiento %s propranolol %s",
        "it": "Lettera di dimissione della signora %s %s nata il %s %s diagnosi %s ictus ischemico %s emiparesi destra %s "
              "%s terapia %s aspirina cento milligrammi %s",
        "nl": "Verwijsbrief voor mevrouw %s %s geboren %s %s diagnose %s bipolaire stoornis %s opname gewenst %s %s "
              "medicatie %s lithium %s",
        "pt": "Relatório do utente %s %s nascido a %s %s diagnóstico %s VIH positivo %s carga viral indetetável %s %s "
              "medicação %s terapêutica antirretroviral %s",
        "pl": "Karta informacyjna pacjentki %s %s urodzona %s %s rozpoznanie %s cukrzyca typu pierwszego %s "
              "kwasica ketonowa %s %s leczenie %s insulina %s",
        "ja": "診療情報提供書%s患者%s様%s生年月日%s%s診断%s統合失調症%s%s%s処方%sリスペリドン%s",
    }
    asks = {"de": "Mach aus dem Diktat einen sauberen Arztbrief:", "fr": "Mets en forme cette dictée :",
            "es": "Pasa el dictado a limpio:", "it": "Sistema questa dettatura:", "nl": "Werk dit dictaat netjes uit:",
            "pt": "Passa este ditado a limpo:", "pl": "Przepisz to dyktowanie na czysto:", "ja": "この音声入力を清書して。"}
    for lg, body in bodies.items():
        c, d, par, col = punct[lg]
        p = P(lg)
        y, m, dd = V.birth()
        if lg == "ja":
            text = body % (col, p, c, spoken_date(y, m, dd, "ja"), d, col, d, par, par, col, d)
        else:
            text = body % (p, c, spoken_date(y, m, dd, lg), c, col, d, d, par, col, d)
        add("dictation", "sensitive", asks[lg] + "\n\n" + text, "doctor dictation spoken punctuation", "health",
            "spoken_punctuation")
    legal = {
        "de": "Diktat Schriftsatz Komma Mandantin %s Komma wohnhaft %s %d Komma %s Punkt Die Mandantin wurde am Arbeitsplatz "
              "sexuell belästigt Punkt neuer Absatz Wir fordern Schadensersatz in Höhe von %s Euro Punkt",
        "fr": "Dictée conclusions virgule notre client %s virgule demeurant %d %s virgule %s point Il a été placé en garde "
              "à vue pour violences conjugales point à la ligne",
        "it": "Dettatura atto virgola il nostro assistito %s virgola residente in %s %d virgola %s punto È indagato per "
              "bancarotta fraudolenta punto a capo",
        "es": "Dictado escrito coma nuestra clienta %s coma con domicilio en %s %d coma %s punto Solicita el divorcio y la "
              "custodia de los dos menores punto y aparte",
    }
    for lg, t in legal.items():
        p = P(lg)
        st, town = V.street(lg)
        n = V.r.randint(1, 99)
        if lg == "fr":
            text = t % (p, n, st, town)
        elif lg == "de":
            text = t % (p, st, n, town, n3w(V.r.randint(101, 999), "de") + "tausend")
        else:
            text = t % (p, st, n, town)
        add("dictation", "sensitive", {"de": "Bitte als Schriftsatz formatieren:", "fr": "Mets cette dictée au propre :",
                                       "it": "Formatta la dettatura:", "es": "Pasa a limpio:"}[lg] + "\n\n" + text,
            "lawyer dictation", "legal", "spoken_punctuation")


def statement_cases():
    # Court, hearing, police and insurance recorded statements.
    cases = [
        ("de", "Protokoll der Hauptverhandlung, Amtsgericht\nVORSITZENDE: Bitte nennen Sie Ihre Personalien.\nZEUGE: %s, geboren am %s, "
               "wohnhaft %s %d, %s.\nVORSITZENDE: Sie sind mit dem Angeklagten nicht verwandt?\nZEUGE: Nein.",
         "Fasse die Aussage des Zeugen zusammen."),
        ("fr", "Audition libre, procès-verbal\nQ : Vos nom, prénom, date de naissance ?\nR : %s, né le %s, domicilié %d %s, %s.\n"
               "Q : Reconnaissez-vous les faits ?\nR : Oui, j'ai conduit après avoir bu.",
         "Rédige une synthèse de l'audition."),
        ("es", "Declaración grabada, atestado\nAGENTE: Nombre completo y fecha de nacimiento.\nDECLARANTE: %s, %s, vivo en %s %d, %s.\n"
               "AGENTE: ¿Conocía al agresor?\nDECLARANTE: Sí, es mi expareja.",
         "Resume la declaración para el juzgado."),
        ("it", "Verbale di sommarie informazioni\nD: Generalità?\nR: %s, nato il %s, residente in %s %d, %s.\nD: Cosa ha visto?\n"
               "R: Ho visto mio cognato spacciare davanti alla scuola.",
         "Riassumi il verbale."),
        ("nl", "Opname verhoor verzekeringsclaim\nSCHADEBEHANDELAAR: Uw naam en geboortedatum?\nVERZEKERDE: %s, %s, ik woon %s %d, %s.\n"
               "SCHADEBEHANDELAAR: En het letsel?\nVERZEKERDE: Whiplash en een gebroken sleutelbeen.",
         "Maak een samenvatting voor het claimdossier."),
        ("pt", "Depoimento gravado, sinistro automóvel\nPERITO: Nome e data de nascimento?\nSEGURADO: %s, %s, moro na %s %d, %s.\n"
               "PERITO: Estava a conduzir sob efeito de medicação?\nSEGURADO: Tomo antidepressivos, sim.",
         "Resume o depoimento."),
        ("pl", "Protokół przesłuchania świadka\nPROKURATOR: Proszę podać dane.\nŚWIADEK: %s, urodzony %s, zamieszkały %s %d, %s.\n"
               "PROKURATOR: Czy widział pan zdarzenie?\nŚWIADEK: Tak, sąsiad bił żonę.",
         "Streść zeznanie."),
        ("en", "Recorded statement, claim ref CL-%s\nADJUSTER: Can you state your full name and date of birth?\nCLAIMANT: %s, %s. I live at %d %s, %s.\n"
               "ADJUSTER: Any prior injuries?\nCLAIMANT: I had back surgery in 2019, L4-L5.",
         "Summarize the recorded statement for the file."),
    ]
    for lg, t, ask in cases:
        p = P(lg)
        y, m, d = V.birth()
        st, town = V.street(lg)
        n = V.r.randint(1, 120)
        date = spoken_date(y, m, d, lg) if V.r.random() < 0.5 else V.dob(lg)
        if lg == "fr":
            text = t % (p, date, n, st, town)
        elif lg == "en":
            text = t % (V.s(7, DIGITS), p, date, n, st, town)
        else:
            text = t % (p, date, st, n, town)
        add("statement", "sensitive", ask + "\n\n" + text, "recorded statement identity", "identity_legal_health")
    # Japanese hearing.
    p = P("ja")
    add("statement", "sensitive", "事情聴取の書き起こし\n警察官：お名前と生年月日を。\n%s：%sです。%s生まれです。\n警察官：ご住所は。\n"
        "%s：%sです。\n\nこれを供述調書の形式にまとめて。" % ("話者2", p, spoken_date(*V.birth(), "ja"), "話者2", V.street("ja")[0]),
        "japanese police statement", "identity")


def dispatch_cases():
    for lg, t, ask in [
        ("de", "ILS Leitstelle 14:%02d\nRTW 3/83-1 Alarm: Einsatzort %s %d, %s\nPatient: %s, %d J., Brustschmerz, Vorerkrankung Herzinfarkt, Marcumar\nRückruf Anrufer %s",
         "Mach daraus einen Einsatzbericht."),
        ("en", "CAD log 02:%02d\nMedic 12 dispatched to %d %s, %s\nPT: %s, %dYOM, OD suspected, known heroin user\nCaller callback %s",
         "Write the incident summary."),
        ("it", "Centrale 118 ore 09:%02d\nMSB Alfa 2 in %s %d, %s\nPaziente %s, %d anni, crisi epilettica, in terapia con Depakin\nRichiamata %s",
         "Scrivi il rapporto d'intervento."),
        ("es", "Registro 112 las 22:%02d\nSVB 4 a %s %d, %s\nPaciente %s, %d años, intento autolítico, ingesta de pastillas\nTeléfono de contacto %s",
         "Redacta el parte de intervención."),
    ]:
        p = P(lg)
        st, town = V.street(lg)
        n = V.r.randint(1, 150)
        if lg == "en":
            text = t % (V.r.randint(0, 59), n, st, town, p, V.r.randint(19, 70), V.phone(lg))
        else:
            text = t % (V.r.randint(0, 59), st, n, town, p, V.r.randint(19, 90), V.phone(lg))
        add("dispatch", "sensitive", ask + "\n\n" + text, "dispatch log patient", "health_address")


def asr_cases():
    for lg in ["en", "de", "fr", "nl"]:
        iban = V.iban_for(lg)
        raw = iban.replace(" ", "")
        alt = raw[:-3] + V.s(3, DIGITS)
        spoken = spell(raw[:2], lg) + " " + digit_words(raw[2:], lg)
        obj = {"request_id": V.uuid(), "locale": {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "nl": "nl-NL"}[lg],
               "nbest": [{"transcript": spoken, "confidence": 0.81},
                         {"transcript": raw, "confidence": 0.12},
                         {"transcript": alt, "confidence": 0.04}],
               "slot": "refund_iban", "caller_name": P(lg)}
        ask = {"en": "Which alternative should the bot pick and why?", "de": "Welche Hypothese sollte der Bot nehmen?",
               "fr": "Quelle hypothèse le bot doit-il retenir ?", "nl": "Welke hypothese moet de bot kiezen?"}[lg]
        add("asr", "sensitive", ask + "\n" + jd(obj, 2), "asr nbest iban", "iban_words", "number_words")
    # ASR mistakes: homophones in English, digits missing in German.
    hom = {"0": "oh", "1": "won", "2": "to", "3": "three", "4": "for", "5": "five", "6": "six", "7": "seven", "8": "ate", "9": "nine"}
    c = V.card_digits()
    spoken = " ".join(hom[x] if V.r.random() < 0.5 else x for x in c)
    add("asr", "sensitive", "The transcript came out garbled, can you reconstruct the card number?\n\nCUSTOMER (%s): ok it's %s expiry oh nine twenty eight"
        % (P("en"), spoken), "asr homophone card", "card_words", "asr_homophones")
    mob = V.mobile_digits("de")
    add("asr", "sensitive", "Die Spracherkennung hat Mist gebaut, was ist die richtige Nummer?\n\n%s: ... meine Handynummer ist %s ähm %s"
        % (P("de"), digit_words(mob[:5], "de"), digit_words(mob[5:], "de").replace("zwei", "zwo")), "asr hesitations",
        "phone_words", "number_words")
    y, m, d = V.birth()
    add("asr", "sensitive", "Corrige la transcription :\n\nPATIENTE : je m'appelle %s, je suis née le %s, j'ai un cancer du scène, pardon du sein, "
        "diagnostiqué en mars." % (P("fr"), spoken_date(y, m, d, "fr")), "asr homophone health", "health")


def training_cases():
    # Subtitles of internal training videos that show a real credential.
    pw = V.password()
    add("training", "sensitive", "Traduci i sottotitoli del video di formazione interno:\n\n" + srt([
        "Per accedere al gestionale usate l'utenza condivisa", "utente: magazzino, password: %s" % pw,
        "e mi raccomando, non la cambiate."]), "training video shared password", "password")
    key = V.aws_key_id()
    sec = V.aws_secret()
    add("training", "sensitive", "Translate these onboarding subtitles into Portuguese:\n\n" + vtt([
        (None, "Now paste the access key into the CLI."), (None, "It's %s" % key), (None, "and the secret is %s" % sec)]),
        "training video aws key", "aws_key")
    tok = V.github_pat()
    add("training", "sensitive", "Untertitel fürs Schulungsvideo korrigieren:\n\n" + srt([
        "Dann tragt ihr den Token ein, den ich euch hier zeige:", tok, "der hat Schreibrechte auf alle Repos."]),
        "training video github token", "github_token")
    psk = V.s(4, "abcdefghjkmnpqrstuvwxyz") + "-" + V.s(4, DIGITS) + "-" + V.s(4, "abcdefghjkmnpqrstuvwxyz")
    add("training", "sensitive", "Sous-titres de la vidéo d'accueil, corrige l'orthographe :\n\n" + srt([
        "Le Wi-Fi des bureaux s'appelle CORP-STAFF", "et le mot de passe c'est %s" % psk, "il change tous les trimestres."]),
        "training video wifi psk", "wifi_password")
    pw = V.password()
    add("training", "sensitive", "研修動画の字幕を英訳して。\n\n" + srt([
        "管理画面にはこのアカウントでログインします。", "ユーザー名 admin、パスワードは %s です。" % pw, "外部には絶対に共有しないでください。"]),
        "training video admin password ja", "password")


def hotline_cases():
    for lg, t, ask in [
        ("es", "ENFERMERA: Dígame su nombre y fecha de nacimiento.\nLLAMANTE: %s, %s.\nENFERMERA: ¿Qué le ocurre?\nLLAMANTE: Estoy embarazada de diez semanas y estoy sangrando.",
         "Clasifica la urgencia de esta llamada:"),
        ("it", "INFERMIERA: Nome e data di nascita?\nUTENTE: %s, %s.\nINFERMIERA: Sintomi?\nUTENTE: Sono sieropositivo e ho la febbre da cinque giorni.",
         "Classifica il triage della chiamata:"),
        ("pt", "ENFERMEIRO: Nome e data de nascimento?\nUTENTE: %s, %s.\nENFERMEIRO: O que se passa?\nUTENTE: Tomei vinte comprimidos de diazepam.",
         "Classifica a prioridade desta chamada SNS 24:"),
        ("pl", "PIELĘGNIARKA: Imię, nazwisko i data urodzenia?\nPACJENT: %s, %s.\nPIELĘGNIARKA: Co się dzieje?\nPACJENT: Mam depresję i myśli samobójcze.",
         "Oceń pilność zgłoszenia:"),
        ("ja", "看護師：お名前と生年月日をお願いします。\n相談者：%sです。%sです。\n看護師：どうされましたか。\n相談者：透析を受けているのですが、息苦しいです。",
         "この電話相談の緊急度を判定して。"),
    ]:
        y, m, d = V.birth()
        add("hotline", "sensitive", ask + "\n\n" + t % (P(lg), spoken_date(y, m, d, lg)), "nurse hotline health",
            "health")


# ============================================================================ look-alikes (vendor)
def public_talk_cases():
    calls = {
        "en": ("Operator: Good morning and welcome to the third quarter earnings call.\nCFO: Thank you. Revenue came in at "
               "four point two billion dollars, up eleven percent, and operating margin was twenty-three point five percent.\n"
               "Analyst (Morgan Stanley): Can you talk about the guidance for the fourth quarter?",
               "Summarize the key figures of this public earnings call."),
        "de": ("Moderator: Willkommen zur Telefonkonferenz zu den Halbjahreszahlen.\nFinanzvorstand: Der Umsatz stieg auf "
               "zwei Komma acht Milliarden Euro, das EBIT lag bei dreihundertzwölf Millionen.\nAnalystin: Wie sieht es mit dem Ausblick aus?",
               "Fasse die veröffentlichte Analystenkonferenz zusammen."),
        "fr": ("Opérateur : Bienvenue à la conférence sur les résultats annuels.\nDirecteur financier : Le chiffre d'affaires "
               "atteint quatre-vingt-douze millions d'euros, la marge brute quarante et un pour cent.\nAnalyste : Quid du dividende ?",
               "Fais une synthèse de cette conférence publique."),
        "ja": ("司会：それでは決算説明会を始めます。\nCFO：売上高は前年同期比十二パーセント増の三千四百億円となりました。\n"
               "アナリスト：来期の見通しについて教えてください。", "この決算説明会の要点をまとめて。"),
        "es": ("Operadora: Bienvenidos a la presentación de resultados.\nDirector financiero: Los ingresos crecieron un "
               "nueve por ciento hasta mil doscientos millones de euros.\nAnalista: ¿Y el apalancamiento?",
               "Resume la presentación de resultados (es pública)."),
    }
    for lg, (t, ask) in calls.items():
        add("public_talk", "vendor", ask + "\n\n" + t, "earnings call transcript", "public_earnings_call")
    talks = [
        ("it", "Webinar pubblico - trascrizione\nRELATORE: Per assistenza chiamate il numero verde ottocento, centoventitré, "
               "quattrocentocinquantasei, oppure scrivete a supporto chiocciola example punto com.\nMODERATRICE: Grazie, passiamo alle domande.",
         "Riassumi il webinar."),
        ("nl", "Webinar transcript\nSPREKER: Heeft u vragen, bel dan onze klantenservice op nul achthonderd, nul tweeëntwintig, "
               "tweeëntwintig, tweeëntwintig, of mail naar naam apenstaartje bedrijf punt nl.\nMODERATOR: Dank je.",
         "Maak een samenvatting voor de nieuwsbrief."),
        ("pt", "Transcrição do webinar\nORADORA: Para dúvidas liguem para a linha SNS vinte e quatro, o oito zero oito, "
               "dois quatro, dois quatro, dois quatro.\nMODERADOR: Obrigado.", "Resume o webinar."),
        ("pl", "Transkrypcja webinaru\nPRELEGENT: Infolinia ZUS to dwadzieścia dwa, sześćset sześćdziesiąt siedem, "
               "dziesięć, zero zero.\nMODERATOR: Dziękujemy.", "Streść webinar."),
        ("en", "Webinar transcript\nHOST: If you want the slides, email webinar at example dot com, or call our main line, "
               "that's the number on our website.\nGUEST: Thanks everyone.", "Turn this into a blog post."),
        ("de", "Konferenzvortrag (Aufzeichnung, öffentlich)\nREFERENT: Beispiel-Key in der Doku ist sk dash Punkt Punkt Punkt, "
               "also einfach ein Platzhalter, den echten holt ihr aus dem Vault.\nPUBLIKUM: Lacht.", "Schreib eine Zusammenfassung."),
        ("fr", "Conférence publique, transcription\nINTERVENANTE : Notre ligne d'écoute nationale, le trois neuf dix-neuf, "
               "est gratuite et anonyme.\nANIMATEUR : Merci.", "Résume pour le site."),
        ("es", "Transcripción de la charla TEDx\nPONENTE: Mi abuela decía que la salud es lo primero. Hoy hablaré de cómo "
               "dormimos siete horas de media en España.\nPÚBLICO: (aplausos)", "Resume la charla."),
    ]
    for lg, t, ask in talks:
        add("public_talk", "vendor", ask + "\n\n" + t, "public webinar or talk", "public_talk")


def orders_read_out_cases():
    for lg in LANGS:
        order = V.s(V.pick([8, 9, 10]), DIGITS)
        if lg == "ja":
            spoken = "".join(KANA[int(x)] for x in order)
        elif lg in ("fr", "nl"):
            spoken = pair_words(order, lg)
        else:
            spoken = digit_words(order, lg)
        a, b = {"de": ("AGENT", "KUNDE"), "fr": ("CONSEILLER", "CLIENT"), "es": ("AGENTE", "CLIENTE"),
                "it": ("OPERATORE", "CLIENTE"), "nl": ("MEDEWERKER", "KLANT"), "pt": ("ASSISTENTE", "CLIENTE"),
                "pl": ("KONSULTANT", "KLIENT"), "ja": ("話者1", "話者2"), "en": ("AGENT", "CUSTOMER")}[lg]
        q, ans, ask = {
            "de": ("Haben Sie die Bestellnummer?", "Ja, %s.", "Bewerte das Gespräch nach unserem QA-Bogen."),
            "fr": ("Vous avez le numéro de commande ?", "Oui, %s.", "Évalue l'appel selon la grille qualité."),
            "es": ("¿Tiene el número de pedido?", "Sí, el %s.", "Evalúa la llamada."),
            "it": ("Ha il numero d'ordine?", "Sì, %s.", "Valuta la chiamata."),
            "nl": ("Heeft u het ordernummer?", "Ja, %s.", "Beoordeel het gesprek."),
            "pt": ("Tem o número da encomenda?", "Sim, %s.", "Avalia a chamada."),
            "pl": ("Ma pan numer zamówienia?", "Tak, %s.", "Oceń rozmowę."),
            "ja": ("注文番号をお願いします。", "%sです。", "この通話を評価して。"),
            "en": ("Do you have the order number?", "Yeah, %s.", "Score this call."),
        }[lg]
        tail = {"de": "Das Paket kommt Donnerstag.", "fr": "Le colis arrive jeudi.", "es": "El paquete llega el jueves.",
                "it": "Il pacco arriva giovedì.", "nl": "Het pakket komt donderdag.", "pt": "A encomenda chega quinta.",
                "pl": "Paczka będzie w czwartek.", "ja": "木曜日に届きます。", "en": "It'll arrive Thursday."}[lg]
        add("order_read", "vendor", "%s\n\n%s: %s\n%s: %s\n%s: %s" % (ask, a, q, b, ans % spoken, a, tail),
            "order number read out", "order_number", "number_words")
    # Tickets, tracking numbers and booking references in spelling alphabets.
    for lg in ["de", "fr", "it", "es", "en", "pl"]:
        ref = V.s(6, "ABCDEFGHJKLMNPQRSTUVWXYZ")
        spoken = spell(ref, lg)
        t = {"de": "Ihr Buchungscode lautet %s, Flug am Dienstag um sieben Uhr zehn.",
             "fr": "Votre référence de réservation est %s, départ mardi à sept heures dix.",
             "it": "Il codice prenotazione è %s, partenza martedì alle sette e dieci.",
             "es": "Su localizador es %s, salida el martes a las siete y diez.",
             "en": "Your booking reference is %s, departing Tuesday at ten past seven.",
             "pl": "Kod rezerwacji to %s, wylot we wtorek o siódmej dziesięć."}[lg] % spoken
        add("order_read", "vendor", {"de": "Schreib das als Kurznachricht:", "fr": "Écris-le en SMS :", "it": "Scrivilo come SMS:",
                                     "es": "Ponlo en un SMS:", "en": "Make this a text message:", "pl": "Zrób z tego SMS:"}[lg]
            + "\n\n" + t, "booking ref spelled", "booking_reference", "spelling_alphabet")
    for lg in ["nl", "pt", "de"]:
        trk = "1Z" + V.s(16, ALNUM_U)
        t = {"nl": "MEDEWERKER: Uw trackingnummer is %s, ik spel: %s.", "pt": "ASSISTENTE: O número de seguimento é %s, soletro: %s.",
             "de": "AGENT: Die Sendungsnummer ist %s, ich buchstabiere: %s."}[lg] % (trk, spell(trk[:6], lg))
        add("order_read", "vendor", {"nl": "Wat zegt deze trackingcode?", "pt": "O que quer dizer este código?",
                                     "de": "Was bedeutet das 1Z am Anfang?"}[lg] + "\n\n" + t, "tracking number read", "tracking_number")
    for lg in ["it", "es"]:
        tk = V.s(7, DIGITS)
        t = {"it": "OPERATORE: Le apro il ticket numero %s, la richiamiamo entro quarantotto ore.",
             "es": "AGENTE: Le abro la incidencia número %s, le llamaremos en cuarenta y ocho horas."}[lg] % digit_words(tk, lg)
        add("order_read", "vendor", {"it": "Riassumi.", "es": "Resúmelo."}[lg] + "\n\n" + t, "ticket number read", "ticket_number",
            "number_words")


def masked_cases():
    for lg in ["de", "fr", "es", "it", "en", "pl", "nl", "pt"]:
        last4 = V.s(4, DIGITS)
        spoken = digit_words(last4, lg)
        agent = V.pick(NAMES_AGENTS[lg])
        t = {"de": "%s: Ich sehe die Karte, die auf %s endet. Soll ich die verwenden?\nKUNDE: Ja, genau die.",
             "fr": "%s : Je vois la carte se terminant par %s, on utilise celle-là ?\nCLIENT : Oui.",
             "es": "%s: Veo la tarjeta acabada en %s, ¿la usamos?\nCLIENTE: Sí, esa.",
             "it": "%s: Vedo la carta che termina con %s, usiamo quella?\nCLIENTE: Sì.",
             "en": "%s: I can see the card ending in %s, shall I use that one?\nCUSTOMER: Yes please.",
             "pl": "%s: Widzę kartę kończącą się na %s, czy jej użyć?\nKLIENT: Tak.",
             "nl": "%s: Ik zie de rekening eindigend op %s, klopt dat?\nKLANT: Ja.",
             "pt": "%s: Vejo o IBAN terminado em %s, confirma?\nCLIENTE: Confirmo."}[lg] % (agent, spoken)
        ask = {"de": "Ist der Agent DSGVO-konform vorgegangen?", "fr": "Le conseiller a-t-il respecté la procédure ?",
               "es": "¿Cumplió el agente el protocolo?", "it": "L'operatore ha rispettato la procedura?",
               "en": "Did the agent follow PCI guidance here?", "pl": "Czy konsultant postąpił zgodnie z procedurą?",
               "nl": "Heeft de medewerker het protocol gevolgd?", "pt": "O assistente cumpriu o procedimento?"}[lg]
        add("masked", "vendor", ask + "\n\n" + t, "masked value read back", "masked_last4", "number_words")
    add("masked", "vendor", "Explain what this IVR log says:\n\n" + "\n".join([
        "%s node=pay_card_number dtmf_collected=\"****\" masked=true len=16" % V.day_ts(),
        "%s node=pay_cvv dtmf_collected=\"***\" masked=true" % V.day_ts(),
        "%s node=pay_auth result=APPROVED token=tok_%s" % (V.day_ts(), V.s(24, "abcdefghijklmnopqrstuvwxyz0123456789"))]),
        "ivr masked dtmf", "masked_dtmf")
    add("masked", "vendor", "Le transcript est déjà anonymisé, fais le résumé :\n\nCONSEILLER : Votre IBAN ?\nCLIENT : [IBAN SUPPRIMÉ]\n"
        "CONSEILLER : Et votre date de naissance ?\nCLIENT : [DATE MASQUÉE]\nCONSEILLER : Parfait, le virement part demain.",
        "redacted transcript", "redacted")
    add("masked", "vendor", "Resume la llamada (transcripción ya seudonimizada):\n\nAGENTE: ¿Su DNI?\nCLIENTE: <DNI>\n"
        "AGENTE: ¿Teléfono?\nCLIENTE: <TELEFONO>\nAGENTE: Queda registrada la reclamación.", "pseudonymized transcript", "redacted")


NAMES_AGENTS = {"de": ["Agentin Lea", "Agent Tim"], "fr": ["CONSEILLÈRE Julie", "CONSEILLER Marc"], "es": ["AGENTE Ana", "AGENTE Luis"],
                "it": ["OPERATRICE Sara", "OPERATORE Gianni"], "en": ["AGENT Kim", "AGENT Sam"], "pl": ["KONSULTANTKA Ola", "KONSULTANT Kuba"],
                "nl": ["MEDEWERKER Bas", "MEDEWERKER Iris"], "pt": ["ASSISTENTE Rita", "ASSISTENTE Nuno"]}


def film_subtitle_cases():
    films = [
        ("en", ["Call me. 555-0147.", "That's not a real number, Jack.", "It is in this town."], "Translate these film subtitles into German:"),
        ("fr", ["- Ton numéro ?", "- Zéro un, vingt-trois, quarante-cinq, soixante-sept, quatre-vingt-neuf.", "- T'as inventé ça."],
         "Traduis ces sous-titres du film en espagnol :"),
        ("es", ["Inspector, el sospechoso vive en la calle Falsa, ciento veintitrés.", "Vamos para allá."],
         "Traduce los subtítulos de la película al inglés:"),
        ("de", ["Geheimnummer?", "Eins, zwei, drei, vier.", "Das ist die dümmste PIN der Welt."], "Übersetze die Filmuntertitel ins Französische:"),
        ("it", ["Dottore, quanto mi resta?", "Sei mesi, forse meno, signor Corleone."], "Traduci i sottotitoli del film in inglese:"),
        ("ja", ["俺の番号は…", "ゼロキューゼロ、イチニーサンヨン…", "ふざけるな。"], "この映画の字幕を英訳して。"),
    ]
    for lg, lines, ask in films:
        add("film", "vendor", ask + "\n\n" + srt(lines), "film subtitles fictional values", "film_subtitles")
    add("film", "vendor", "Fix the timing of cues 2 and 3, they overlap:\n\n" + "1\n00:01:02,000 --> 00:01:04,500\nPreviously on...\n\n"
        "2\n00:01:04,400 --> 00:01:07,900\nFour, eight, fifteen, sixteen, twenty-three, forty-two.\n\n3\n00:01:07,800 --> 00:01:09,000\n"
        "Enter the numbers.\n", "series subtitles famous numbers", "film_subtitles")
    add("film", "vendor", "Converti questo SRT in WebVTT:\n\n" + srt(["Capitolo tre.", "Il treno parte alle diciassette e quarantacinque.",
                                                                      "Binario nove e tre quarti."]), "subtitle conversion", "timestamps")


def standup_cases():
    ups = [
        ("en", "Dev standup, auto-transcript\nPRIYA: We shipped version two point fourteen point one yesterday, the hotfix is "
               "three point oh point two, release on March fourth.\nTOM: CI is green, build number forty-seven eighty-one.",
         "Write the standup summary."),
        ("de", "Daily, Transkript\nLENA: Wir sind auf Version vier Punkt zwei Punkt null, Release ist am zwölften März.\n"
               "JONAS: Ticket JIRA-vier-fünf-eins-zwei ist fertig.", "Fass das Daily zusammen."),
        ("nl", "Stand-up transcript\nSANNE: Release drie punt negen staat gepland voor tweeëntwintig april.\nBRAM: De build "
               "nummer achttienhonderd tweeënzestig faalde op de lint-stap.", "Maak een samenvatting."),
        ("pl", "Transkrypcja daily\nOLA: Wersja pięć kropka jeden wchodzi w piątek.\nKUBA: Poprawka do zgłoszenia numer "
               "trzysta dwanaście jest na review.", "Streść spotkanie."),
        ("ja", "朝会の文字起こし\n田中：バージョン三点二点一を金曜日にリリースします。\n佐藤：チケット番号四五六七は完了です。",
         "朝会の議事録をまとめて。"),
        ("fr", "Transcription du point d'équipe\nCAMILLE : La version deux point sept sort le quinze juin.\nNICOLAS : "
               "Le serveur de préprod redémarre à vingt-deux heures.", "Résume le point d'équipe."),
    ]
    for lg, t, ask in ups:
        add("standup", "vendor", ask + "\n\n" + t, "standup versions and dates", "versions_dates", "number_words")


def health_talk_cases():
    talks = [
        ("de", "Podcast 'Gesund leben', Folge 42\nMODERATORIN: Ab wann spricht man von Bluthochdruck?\nKARDIOLOGE: Ab "
               "hundertvierzig zu neunzig. Wichtig sind Bewegung, weniger Salz und bei Bedarf Medikamente.", "Mach Shownotes daraus."),
        ("fr", "Podcast santé\nANIMATEUR : Le diabète de type deux touche combien de Français ?\nMÉDECIN : Environ quatre "
               "millions, et beaucoup l'ignorent.", "Rédige le résumé de l'épisode."),
        ("es", "Transcripción del pódcast\nPRESENTADORA: ¿Qué hago si mi hijo tiene fiebre de treinta y nueve?\nPEDIATRA: "
               "Paracetamol según el peso y mucha agua; si dura más de tres días, al médico.", "Resume el episodio."),
        ("it", "Trascrizione radio\nCONDUTTORE: Come si riconosce un ictus?\nNEUROLOGA: Bocca storta, braccio debole, "
               "parola confusa: chiamate subito il centododici.", "Fai un riassunto."),
        ("pt", "Transcrição do podcast\nAPRESENTADOR: A depressão pós-parto é comum?\nPSIQUIATRA: Afeta cerca de uma "
               "em cada sete mães, e tem tratamento.", "Resume o episódio."),
        ("ja", "ラジオの書き起こし\n司会：花粉症の薬はいつから飲むべきですか。\n医師：飛散開始の二週間前からが目安です。",
         "要点をまとめて。"),
        ("nl", "Podcast transcript\nPRESENTATOR: Hoeveel mensen hebben migraine?\nNEUROLOOG: Ongeveer een op de zeven, "
               "vaker vrouwen dan mannen.", "Maak shownotes."),
        ("pl", "Transkrypcja audycji\nPROWADZĄCY: Jak często badać cholesterol?\nLEKARKA: Po czterdziestce co najmniej "
               "raz na pięć lat.", "Streść audycję."),
    ]
    for lg, t, ask in talks:
        add("health_talk", "vendor", ask + "\n\n" + t, "general health talk no person", "general_health")
    add("health_talk", "vendor", "Übersetze die Untertitel des Erste-Hilfe-Schulungsvideos:\n\n" + srt([
        "Bei einem Herzstillstand: dreißig Mal drücken,", "zweimal beatmen.", "Notruf eins eins zwei."]),
        "first aid training subtitles", "general_health")


def script_placeholder_cases():
    scripts = [
        ("en", "Call script v3 (training)\nAGENT: Can I take your email? \nCUSTOMER: [e.g. name at company dot com]\nAGENT: "
               "And a phone number? CUSTOMER: [e.g. zero seven seven zero zero, nine double zero, one two three]",
         "Make this training script friendlier."),
        ("de", "Gesprächsleitfaden (Schulung)\nAGENT: Wie lautet Ihre E-Mail?\nKUNDE: max Punkt mustermann at example Punkt com\n"
               "AGENT: Und Ihre IBAN? KUNDE: DE null null, dann Nullen ...", "Formuliere den Leitfaden höflicher."),
        ("fr", "Script de formation\nCONSEILLER : Votre adresse e-mail ?\nCLIENT : jean point dupont arobase exemple point fr\n"
               "CONSEILLER : Merci monsieur Dupont (données fictives pour l'exercice).", "Améliore le script."),
        ("es", "Guion de formación (datos ficticios)\nAGENTE: ¿Me dice su correo?\nCLIENTE: usuario arroba dominio punto com\n"
               "AGENTE: ¿Y el DNI? CLIENTE: uno dos tres cuatro cinco seis siete ocho, letra zeta.", "Mejora el guion."),
        ("it", "Copione per la formazione\nOPERATORE: Mi dà la mail?\nCLIENTE: nome punto cognome chiocciola esempio punto it\n"
               "OPERATORE: Perfetto, Mario Rossi.", "Rendi il copione più naturale."),
        ("nl", "Trainingsscript\nMEDEWERKER: Wat is uw e-mailadres?\nKLANT: naam apenstaartje voorbeeld punt nl\n"
               "MEDEWERKER: En uw BSN? KLANT: (noem hier een test-BSN)", "Maak het script vriendelijker."),
        ("pl", "Skrypt szkoleniowy\nKONSULTANT: Proszę o adres e-mail.\nKLIENT: imie kropka nazwisko małpa przyklad kropka pl\n"
               "KONSULTANT: Dziękuję, panie Janie Kowalski (dane przykładowe).", "Popraw skrypt."),
        ("ja", "研修用トークスクリプト\nオペレーター：メールアドレスをお願いします。\nお客様：（例）taro アットマーク example ドット jp\n"
               "オペレーター：山田太郎様ですね（架空の例）。", "このスクリプトを丁寧にして。"),
    ]
    for lg, t, ask in scripts:
        add("script", "vendor", ask + "\n\n" + t, "training script placeholders", "placeholder")


def ivr_menu_cases():
    for lg, ask in [("en", "Why do callers drop at node billing_menu?"), ("de", "Warum legen Anrufer im Menü auf?"),
                    ("fr", "Pourquoi les appelants raccrochent au menu ?"), ("nl", "Waarom haken bellers af?")]:
        log = ["%s call_id=%s ani=anonymous dnis=+%s" % (V.day_ts(), V.uuid(), V.s(11, DIGITS)),
               "%s node=language dtmf=%s" % (V.day_ts(), V.pick("12")),
               "%s node=main_menu dtmf=3" % V.day_ts(),
               "%s node=billing_menu dtmf=* (repeat)" % V.day_ts(),
               "%s node=billing_menu timeout=8000ms" % V.day_ts(),
               "%s hangup cause=NORMAL_CLEARING duration=%ds" % (V.day_ts(), V.r.randint(20, 200))]
        add("ivr_menu", "vendor", ask + "\n\n" + "\n".join(log), "ivr menu selections", "ivr_menu")
    add("ivr_menu", "vendor", "Stel het IVR-menu voor in het Engels op:\n\nWelkom bij de klantenservice. Voor vragen over uw "
        "factuur, toets één. Voor storingen, toets twee. Voor alle andere vragen, toets drie, of blijf aan de lijn.",
        "ivr prompt text", "ivr_menu")
    add("ivr_menu", "vendor", "Traduci il prompt del risponditore:\n\nPer conoscere il saldo premi uno. Per bloccare la carta premi "
        "due oppure chiama il numero verde ottocento, otto zero otto, otto zero otto. Per tornare al menu premi asterisco.",
        "ivr prompt text it", "ivr_menu")


def radio_public_cases():
    for lg, t, ask in [
        ("de", "Verkehrsfunk, Transkript\nSPRECHER: A sieben Richtung Hamburg zwischen Soltau-Ost und Bispingen acht Kilometer Stau "
               "nach einem Unfall, ein Fahrstreifen gesperrt.", "Schreib das als Meldung für die App."),
        ("fr", "Journal radio\nJOURNALISTE : Ce matin à Lyon, un incendie dans un entrepôt de la zone industrielle, aucun blessé, "
               "les pompiers sont sur place.", "Réécris en dépêche courte."),
        ("es", "Boletín de tráfico\nLOCUTORA: Retenciones de doce kilómetros en la A-6 sentido Madrid por un accidente "
               "a la altura de Las Rozas.", "Hazlo tuit."),
        ("it", "Radiocronaca\nCRONISTA: Al minuto ventitré, numero dieci, tiro da trenta metri, gol! Due a uno.", "Scrivi il riassunto della partita."),
        ("nl", "Weerbericht\nPRESENTATOR: Vandaag maximaal zeventien graden, windkracht vier uit het zuidwesten.", "Vat samen."),
        ("pl", "Serwis drogowy\nLEKTOR: Na A cztery między Katowicami a Gliwicami korek na dziesięć kilometrów.", "Skróć do SMS-a."),
        ("pt", "Boletim da rádio\nLOCUTOR: A linha de apoio Sinto Muito é o oitocentos, dois zero dois, seiscentos e sessenta e nove.",
         "Resume."),
        ("ja", "ラジオ交通情報\nアナウンサー：東名高速上り、厚木付近で事故のため十五キロの渋滞です。", "要約して。"),
    ]:
        add("radio", "vendor", ask + "\n\n" + t, "public radio", "public_broadcast")
    add("radio", "vendor", "Dispatch log, write the summary:\n\n02:14 Engine 7, Truck 3 to Route 9 northbound mile marker "
        "forty-two, two-vehicle MVA, no injuries reported.\n02:31 Engine 7 clear, road reopened.", "dispatch no person", "dispatch_no_person")
    add("radio", "vendor", "Mach einen Bericht:\n\nLeitstelle 03:12 HLF 1 zur Kreisstraße K 12, Baum auf Fahrbahn.\n03:40 Einsatzende, "
        "keine Verletzten.", "dispatch no person de", "dispatch_no_person")


def misc_vendor_cases():
    # Whisper JSON of a public lecture / podcast.
    for lg, segs, ask in [
        ("en", ["Welcome back to the show.", "Today we talk about the history of the Roman aqueducts,", "built over five hundred years."],
         "Make chapter markers from this Whisper output:"),
        ("de", ["Willkommen zur Vorlesung Thermodynamik.", "Der erste Hauptsatz lautet:", "Energie bleibt erhalten."],
         "Mach aus der Whisper-Ausgabe ein Skript:"),
        ("es", ["Hola a todos y bienvenidos al pódcast.", "Hoy hablamos de la receta de la paella valenciana,", "con arroz bomba y garrofón."],
         "Saca los capítulos:"),
        ("pl", ["Witajcie w kolejnym odcinku.", "Dziś o historii Gdańska", "i o stoczni w latach osiemdziesiątych."], "Zrób rozdziały:"),
    ]:
        add("whisper", "vendor", ask + "\n" + jd(whisper(segs, lg, words=V.r.random() < 0.5), 1), "whisper public content", "public_content")
    # ASR n-best of voice commands.
    add("asr", "vendor", "Which hypothesis should the assistant act on?\n" + jd({"nbest": [
        {"transcript": "turn on the living room lights", "confidence": 0.91},
        {"transcript": "turn on the living room light", "confidence": 0.06},
        {"transcript": "turn off the living room lights", "confidence": 0.02}], "locale": "en-US"}, 2), "asr voice command", "voice_command")
    add("asr", "vendor", "Welche Hypothese ist richtig?\n" + jd({"nbest": [
        {"transcript": "stell einen Timer auf zwölf Minuten", "confidence": 0.88},
        {"transcript": "stell einen Timer auf zwanzig Minuten", "confidence": 0.09}], "locale": "de-DE"}, 2), "asr timer", "voice_command")
    add("asr", "vendor", "Quelle hypothèse ? \n" + jd({"nbest": [
        {"transcript": "appelle le quinze", "confidence": 0.72}, {"transcript": "appelle le dix-huit", "confidence": 0.2}],
        "locale": "fr-FR"}, 2), "asr emergency number", "public_number")
    # Public hearings.
    add("statement", "vendor", "Summarize this public committee hearing (published on the parliament website):\n\nCHAIR: "
        "The committee will come to order. Minister, the budget for rail maintenance fell by twelve percent.\nMINISTER: That is correct, "
        "and we will restore it in the autumn statement.", "public hearing", "public_record")
    add("statement", "vendor", "Resume esta sesión pública del pleno municipal:\n\nALCALDESA: Se aprueba la modificación del "
        "presupuesto por diecisiete votos a favor y cuatro en contra.\nCONCEJAL: Pedimos que conste en acta nuestra oposición.",
        "public council session", "public_record")
    # Companies' numbers read out.
    add("company", "vendor", "Schreib die Rechnungsadresse sauber auf:\n\nAGENT: Unsere Umsatzsteuer-ID ist D E, %s, die "
        "Firma heißt Nordlicht Logistik GmbH, Hafenstraße eins, Hamburg." % digit_words(V.s(9, DIGITS), "de"),
        "company vat read", "company_vat", "number_words")
    add("company", "vendor", "Note le SIREN de la société :\n\nCOMPTABLE : Le SIREN c'est le %s, Boulangeries Réunies SAS." % V.fr_siren(),
        "company siren", "company_id")
    add("company", "vendor", "Zet dit in de offerte:\n\nVERKOPER: Ons KvK-nummer is %s, BTW NL %sB01." % (
        digit_words(V.s(8, DIGITS), "nl"), V.s(9, DIGITS)), "company kvk", "company_id", "number_words")
    add("company", "vendor", "Metti nell'intestazione:\n\nCOMMERCIALISTA: La partita IVA della società è %s, sede legale via "
        "Industria dodici, Brescia." % V.it_vat(), "company partita iva", "company_vat")
    # Internal all-hands, nothing personal.
    add("meeting", "vendor", "Write the all-hands recap:\n\n" + vtt([("CEO", "Great quarter, we grew twenty percent."),
                                                                        ("CEO", "The new office in Porto opens in May."),
                                                                        ("HR lead", "Reminder: benefits enrolment closes on the thirtieth.")]),
        "all hands generic", "generic_meeting")
    add("meeting", "vendor", "Fais le compte rendu :\n\nIntervenant 1  0:04\nOn valide la maquette de la page d'accueil.\n"
        "Intervenant 2  0:31\nEt le budget pub reste à vingt mille euros sur le trimestre.", "meeting generic fr", "generic_meeting")
    # Language lesson dialogues with fictional data.
    add("script", "vendor", "Übersetze den Dialog aus dem Lehrbuch (Lektion 3):\n\nA: Wie heißt du?\nB: Ich heiße Anna.\nA: Wie ist "
        "deine Telefonnummer?\nB: Null eins zwei drei, vier fünf sechs sieben.", "textbook dialogue", "textbook_placeholder")
    add("script", "vendor", "Traduci il dialogo del corso d'inglese:\n\nA: What's your email?\nB: It's student at example dot com.\n"
        "A: Thanks!", "textbook dialogue email", "placeholder")
    # Password hygiene and API keys talk with placeholders.
    add("public_talk", "vendor", "Resume el episodio sobre seguridad:\n\nPRESENTADOR: La contraseña más usada sigue siendo uno dos "
        "tres cuatro cinco seis, y la segunda, password.\nINVITADA: Usad un gestor de contraseñas y activad el doble factor.",
        "password hygiene podcast", "weak_password_example")
    add("public_talk", "vendor", "Fasse den Vortrag zusammen:\n\nREFERENTIN: Ein Token sieht so aus: g h p Unterstrich und dann "
        "sechsunddreißig Zeichen. Niemals ins Repo committen, sondern als Secret im CI hinterlegen.", "token format talk", "format_description")
    add("public_talk", "vendor", "Translate the subtitles of our public YouTube tutorial:\n\n" + srt([
        "Set the API key as an environment variable,", "OPENAI_API_KEY equals your key,", "never paste it into the code."]),
        "tutorial subtitles env var", "env_reference")
    add("ivr_menu", "vendor", "Explain the OTP flow in this call script:\n\nBOT: We have sent a six-digit code to the phone number "
        "ending in seven seven. Please read it out.\nCALLER: (reads code)\nBOT: Thank you, you are verified.", "otp script masked", "masked_last4")


whisper_cases()
subtitle_cases()
meeting_cases()
callcentre_cases()
ivr_cases()
voicemail_cases()
dictation_cases()
statement_cases()
dispatch_cases()
asr_cases()
training_cases()
hotline_cases()
public_talk_cases()
orders_read_out_cases()
masked_cases()
film_subtitle_cases()
standup_cases()
health_talk_cases()
script_placeholder_cases()
ivr_menu_cases()
radio_public_cases()
misc_vendor_cases()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout21.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
