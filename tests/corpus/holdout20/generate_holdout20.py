#!/usr/bin/env python3
"""Writes the twentieth held-out split (tests/corpus/holdout20/holdout20.jsonl), issue 17 round 16,
run once as written. Its style is travel, transport, logistics, insurance and hospitality back-office
systems, which no split had as such: what travel agents, airline and airport staff, dispatchers,
claims handlers, hotel and rental staff, customs brokers, couriers and travellers paste. GDS screens
(Amadeus and Sabre cryptic displays with SSR DOCS/FOID, OSI, contact elements and FOP), e-ticket
receipts, boarding-pass barcode strings, APIS manifests, frequent-flyer profiles, hotel PMS profiles
and folios, guest registration cards (Meldeschein, fiche de police, parte de viajeros, schedina
alloggiati, 宿泊者名簿), car-rental agreements, train and ferry bookings, taxi dispatch logs, parcel
manifests and driver notes, customs declarations and commercial invoices, bills of lading and air
waybills, fleet telematics and tachograph records, travel and motor insurance claims, lost-luggage
reports, visa-support letters, corporate travel-tool exports, rooming lists, cruise manifests and
travel agents' mail and chat, plus the credentials of the systems behind them. The human text is in
the nine languages, weighted to the eight non-English ones.
Labeled by what may leave the company: a named person's identifiers (passport, ID, licence, date of
birth with a name), contact, finance, legal or health data, a credential, are sensitive. Look-alikes
are vendor: record locators, e-ticket numbers, air waybill numbers with their mod-7 check digit,
ISO 6346 container numbers, VINs with check digits, IATA/ICAO codes, flight numbers and schedules,
loyalty, policy, claim and tracking numbers, companies' EORI and VAT numbers, HS codes, the IATA
standard's sample boarding pass, masked cards, fare rules, public timetables, blank forms, general
questions.
Run: python3 tests/corpus/holdout20/generate_holdout20.py"""

import json
import os
import string
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_world import WorldValues  # noqa

DIGITS = string.digits
UPPER = string.ascii_uppercase
ALNUM_U = UPPER + DIGITS

STREETS = {
    "de": (["Hauptstraße", "Bergstr.", "Am Anger", "Wilhelmstraße", "Gartenweg", "Marktplatz"],
           ["60311 Frankfurt am Main", "20095 Hamburg", "01067 Dresden", "90402 Nürnberg", "30159 Hannover"]),
    "fr": (["rue Victor-Hugo", "avenue de la République", "rue du Moulin", "allée des Peupliers", "quai Saint-Vincent"],
           ["33000 Bordeaux", "67000 Strasbourg", "06000 Nice", "35000 Rennes", "34000 Montpellier"]),
    "es": (["calle Serrano", "avda. Diagonal", "calle San Vicente", "paseo de Gracia", "calle Larios"],
           ["28001 Madrid", "08008 Barcelona", "29015 Málaga", "48001 Bilbao", "03001 Alicante"]),
    "it": (["via Mazzini", "corso Buenos Aires", "via Toledo", "piazza San Marco", "via Nazionale"],
           ["20124 Milano", "00185 Roma", "30124 Venezia", "50123 Firenze", "16121 Genova"]),
    "nl": (["Hoofdstraat", "Keizersgracht", "Stationsweg", "Oudegracht", "Molenstraat"],
           ["1017 AB Amsterdam", "5611 AB Eindhoven", "6811 AA Arnhem", "2311 EZ Leiden", "8011 AB Zwolle"]),
    "pt": (["Rua da Prata", "Avenida da Boavista", "Rua Direita", "Largo do Chiado", "Rua das Flores"],
           ["1100-420 Lisboa", "4100-130 Porto", "3810-193 Aveiro", "2750-311 Cascais", "9000-050 Funchal"]),
    "pl": (["ul. Grodzka", "ul. Świętojańska", "al. Niepodległości", "ul. Mickiewicza", "ul. Szeroka"],
           ["31-006 Kraków", "81-368 Gdynia", "61-001 Poznań", "20-001 Lublin", "40-001 Katowice"]),
    "ja": (["東京都千代田区丸の内1-9-1", "京都府京都市下京区烏丸通塩小路下ル", "北海道札幌市中央区北5条西2丁目",
            "愛知県名古屋市中村区名駅1-1-4"], [""]),
    "en": (["King Street", "Station Road", "Queens Road", "Park Avenue", "Elm Grove"],
           ["Glasgow G1 3SL", "Cardiff CF10 1EP", "Bath BA1 1SU", "Oxford OX1 2JD", "Brighton BN1 4GH"]),
}


class H20Values(WorldValues):
    IBAN_LENGTHS = dict(WorldValues.IBAN_LENGTHS, DE=(22, "n"), FR=(27, "n"), ES=(24, "n"), AT=(20, "n"))

    def mail(self, person, domain=None):
        tr = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "é": "e", "è": "e", "í": "i", "á": "a",
                            "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "ê": "e", "ł": "l", "ś": "s",
                            "ń": "n", "ż": "z", "ć": "c", "ã": "a", "É": "e", "Ł": "l", "ò": "o", "ß": "ss",
                            "ń": "n", "ó": "o", " ": ""})
        if not person.isascii() and " " not in person:
            local = self.pick(["haruka.mori", "t.ogawa", "ken_fujita", "a.kimura", "yamada.rie"])
        else:
            first, last = person.split(" ", 1)
            f, l = first.lower().translate(tr), last.lower().translate(tr)
            local = self.pick([f + "." + l, f[0] + l, f + str(self.r.randint(70, 99)), l + "_" + f])
        return local + "@" + (domain or self.pick(["gmail.com", "gmx.net", "web.de", "orange.fr", "sfr.fr",
                                                   "yahoo.es", "tiscali.it", "kpnmail.nl", "sapo.pt", "o2.pl",
                                                   "interia.pl", "ezweb.ne.jp", "outlook.com", "icloud.com"]))

    def phone(self, lang, international=None):
        return self.phone_eu({"en": "uk", "ja": "jp"}.get(lang, lang), international)

    def iban_for(self, lang, grouped=None):
        cc = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL",
              "ja": "DE", "en": "BE"}[lang]
        return self.iban_cc(cc, grouped=grouped)

    def national_id(self, lang):
        return {"de": lambda: self.de_tax_id(spaced=False), "fr": lambda: self.fr_nir(),
                "es": lambda: self.es_dni(nie=False), "it": self.it_fiscal_code, "nl": lambda: self.nl_bsn(),
                "pt": self.pt_nif_personal, "pl": lambda: self.pl_pesel(), "ja": lambda: self.jp_my_number(),
                "en": self.uk_nino}[lang]()

    def addr(self, lang):
        streets, towns = STREETS[lang]
        if lang == "ja":
            return self.pick(streets)
        n = str(self.r.randint(1, 160))
        if lang in ("fr", "en"):
            return "%s %s, %s" % (n, self.pick(streets), self.pick(towns))
        return "%s %s, %s" % (self.pick(streets), n, self.pick(towns))

    def passport(self, lang):
        return {"de": lambda: "C" + self.s(8, "CFGHJKLMNPRTVWXYZ0123456789"),
                "fr": lambda: self.s(2, DIGITS) + self.s(2, UPPER) + self.s(5, DIGITS),
                "es": lambda: self.s(3, UPPER) + self.s(6, DIGITS),
                "it": lambda: self.s(2, UPPER) + self.s(7, DIGITS),
                "nl": lambda: self.s(2, "BCDFGHJKLNPRSTVWXZ") + self.s(6, "BCDFGHJKLNPRSTVWXZ0123456789") + self.s(1, DIGITS),
                "pt": lambda: self.s(1, UPPER) + self.s(6, DIGITS),
                "pl": lambda: self.s(2, UPPER) + self.s(7, DIGITS),
                "ja": lambda: self.pick(["TK", "TR", "TZ", "MZ"]) + self.s(7, DIGITS),
                "en": lambda: self.s(9, DIGITS)}[lang]()

    def licence(self, lang):
        return {"de": lambda: self.s(1, UPPER) + self.s(3, DIGITS) + self.s(6, ALNUM_U) + self.s(1, DIGITS),
                "fr": lambda: self.s(2, DIGITS) + self.s(2, UPPER) + self.s(8, DIGITS),
                "es": lambda: self.es_dni(nie=False),
                "it": lambda: self.s(2, UPPER) + self.s(7, DIGITS) + self.s(1, UPPER),
                "nl": lambda: self.s(10, DIGITS),
                "pt": lambda: self.pick(["L", "P", "C"]) + "-" + self.s(6, DIGITS) + " " + self.s(1, DIGITS),
                "pl": lambda: "%05d/%02d/%04d" % (self.r.randint(0, 99999), self.r.randint(0, 99), self.r.randint(0, 9999)),
                "ja": lambda: self.s(12, DIGITS),
                "en": lambda: self.s(5, UPPER) + self.s(6, DIGITS) + self.s(2, UPPER) + self.s(1, DIGITS) + self.s(2, UPPER)}[lang]()

    def country3(self, lang):
        return {"de": "DEU", "fr": "FRA", "es": "ESP", "it": "ITA", "nl": "NLD", "pt": "PRT", "pl": "POL",
                "ja": "JPN", "en": "GBR"}[lang]

    def gds_date(self, y0=1950, y1=2004):
        b = self._birth(y0, y1)
        return b.strftime("%d%b%y").upper()

    def locator(self):
        return self.s(6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    def eticket(self):
        return self.pick(["220", "057", "074", "075", "125", "176", "235", "131", "080", "047"]) + self.s(10, DIGITS)

    def awb(self):
        serial = self.r.randint(1000000, 9999999)
        return "%s-%07d%d" % (self.pick(["020", "057", "074", "172", "618", "157", "176"]), serial, serial % 7)

    def container(self):
        vals, v = {}, 10
        for c in UPPER:
            if v % 11 == 0:
                v += 1
            vals[c] = v
            v += 1
        owner = self.pick(["MSKU", "MSCU", "CMAU", "HLXU", "TGHU", "OOLU", "CSQU", "EMCU"])
        digits = self.s(6, DIGITS)
        total = sum((vals[c] if c.isalpha() else int(c)) * 2 ** i for i, c in enumerate(owner + digits))
        return owner + digits + str(total % 11 % 10)

    def vin(self):
        tr = {c: v for c, v in zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2,
                                                                3, 4, 5, 6, 7, 8, 9])}
        w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
        chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        body = list(self.pick(["WVW", "WBA", "VF1", "ZFA", "SJN", "JTD", "TMB", "VSS"]) + self.s(14, chars))
        body[9] = self.pick("LMNPR")
        total = sum((int(c) if c.isdigit() else tr[c]) * k for c, k in zip(body, w))
        r = total % 11
        body[8] = "X" if r == 10 else str(r)
        return "".join(body)

    def ups(self):
        body = self.s(6, ALNUM_U) + self.pick(["01", "02", "03", "12", "13"]) + self.s(7, DIGITS)
        total = 0
        for i, c in enumerate(body):
            d = int(c) if c.isdigit() else (ord(c) - 63) % 10
            total += d * (2 if i % 2 == 1 else 1)
        return "1Z" + body + str((10 - total % 10) % 10)

    def day(self, lang, y0=2025, y1=2026):
        y, m, d = self.r.randint(y0, y1), self.r.randint(1, 12), self.r.randint(1, 28)
        if lang == "ja":
            return "%d年%d月%d日" % (y, m, d)
        if lang in ("de", "pl"):
            return "%02d.%02d.%d" % (d, m, y)
        if lang == "nl":
            return "%02d-%02d-%d" % (d, m, y)
        if lang == "en":
            return "%d %s %d" % (d, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                     "Dec"][m - 1], y)
        return "%02d/%02d/%d" % (d, m, y)

    def amount(self, lo=40, hi=3000):
        return "%d,%02d" % (self.r.randint(lo, hi), self.r.randint(0, 99))

    def exp(self):
        return "%02d/%02d" % (self.r.randint(1, 12), self.r.randint(27, 31))

    def fr_siren(self):
        body = self.pick("3456789") + self.s(7, DIGITS)
        for c in DIGITS:
            if self.luhn_ok(body + c):
                return body + c
        raise AssertionError

    def jp_corporate(self):
        base = self.s(12, DIGITS)
        total = sum(int(base[12 - n]) * (1 if n % 2 == 1 else 2) for n in range(1, 13))
        return str(9 - total % 9) + base


V = H20Values(20261207)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout20-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def P(lg):
    return V.person(lg)


def GDSNAME(lg):
    p = V.person(lg if lg != "ja" else "en")
    first, last = p.split(" ", 1)
    tr = str.maketrans("äöüéèíáóúñçêłśńżćãòÉŁ", "aoueeiaouncelsnzcaoEL")
    return last.translate(tr).upper().replace(" ", ""), first.translate(tr).upper()


def jd(obj, indent=None):
    return json.dumps(obj, indent=indent, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
def pnr():
    ln, fn = GDSNAME("de")
    add("pnr", "sensitive", "RP/FRAL12108/FRAL12108            AA/SU  %s\n  1.%s/%s MR\n  2  LH 400 Y 14MAR 6 FRAJFK HK1  1015 1250  *1A/E*\n"
        "  3 AP FRA +49 69 %s - REISEBUERO SONNENSCHEIN - A\n  4 APM %s\n  5 APE %s\n  6 TK OK10MAR/FRAL12108\n"
        "  7 SSR DOCS LH HK1 P/DEU/%s/DEU/%s/M/%s/%s/%s\n  8 FP CC%s%s/%s\n\nKunde will umbuchen auf den 16.03., "
        "was kostet das ungefähr? Bitte kurze Antwort für die Mail an ihn." % (
            V.locator(), ln, fn, V.s(7, DIGITS), V.phone("de", True), V.mail(fn.title() + " " + ln.title()),
            V.passport("de"), V.gds_date(), V.gds_date(2029, 2034), ln, fn, V.pick(["VI", "CA"]),
            V.card_digits(), V.exp().replace("/", "")), "amadeus pnr docs apm ape fp", "pnr_docs_card")
    ln, fn = GDSNAME("fr")
    add("pnr", "sensitive", "%s\n 1.1%s/%s MME\n 1 AF1234Y 22APR 3 CDGNCE HK1   0715  0850  /DCAF*%s /E\n"
        "TKT/TIME LIMIT\n  1.TAW/\nPHONES\n  1.PAR%s-M\nGENERAL FACTS\n  1.SSR FOID AF HK1/NI%s\n"
        "  2.SSR CTCE AF HK1/%s\nRECEIVED FROM - PAX\n\nPeux-tu m'expliquer ce que veut dire /DCAF dans cet affichage Sabre ?"
        % (V.locator(), ln, fn, V.locator(), V.phone("fr", False).replace(" ", ""), V.fr_nir(spaced=False),
           V.mail(fn.title() + " " + ln.title()).replace("@", "//").replace("_", "..")),
        "sabre *A with foid and ctce", "pnr_foid")
    ln, fn = GDSNAME("es")
    add("pnr", "sensitive", "--- RLR ---\nRP/MADIB08AA/MADIB08AA   GS/SU  %s\n  1.%s/%s MR\n  2  IB3166 Y 02MAY 5 MADLHR HK1\n"
        "  3 OSI IB CTCM %s\n  4 SSR DOCS IB HK1 P/ESP/%s/ESP/%s/M/%s/%s/%s\n  5 RM PAX DIABETICO INSULINODEPENDIENTE "
        "LLEVA JERINGAS EN CABINA\n\n¿Necesita algún SSR especial para llevar la insulina a bordo?" % (
            V.locator(), ln, fn, V.phone("es", True).replace(" ", ""), V.passport("es"), V.gds_date(),
            V.gds_date(2028, 2033), ln, fn), "amadeus osi ctcm docs diabetes", "pnr_docs_health")
    ln, fn = GDSNAME("it")
    add("pnr", "sensitive", "RT%s\n  1.%s/%s MRS\n  2  AZ 608 J 09JUN 1 FCOJFK HK1\n  3 SSR WCHC AZ HK1 PAX IN "
        "SEDIA A ROTELLE - AMPUTAZIONE ARTO INFERIORE\n  4 SSR MEDA AZ HK1 OSSIGENO 2L/MIN BPCO\n  5 APM %s\n\n"
        "Il MEDIF va mandato a Alitalia o ad ITA? Mi scrivi la mail all'ufficio medico?" % (
            V.locator(), ln, fn, V.phone("it")), "pnr wchc meda medical", "pnr_health")
    ln, fn = GDSNAME("nl")
    add("pnr", "sensitive", "*%s\n1.1%s/%s MR\n 1 KL 1001Y 18JUL 5 AMSLHR HK1\n3DOCS/P/NLD/%s/NLD/%s/M/%s/%s/%s\n"
        "9%s-H\n5H-FOP CC %s EXP %s CVV %s\n\nKun je dit omzetten naar een nette bevestigingsmail voor de klant?" % (
            V.locator(), ln, fn, V.passport("nl"), V.gds_date(), V.gds_date(2029, 2035), ln, fn,
            V.phone("nl", False).replace(" ", ""), V.card(sep=""), V.exp(), V.s(3, DIGITS)),
        "sabre 3docs fop cvv", "pnr_card")
    ln, fn = GDSNAME("pt")
    add("pnr", "sensitive", "Consegues ler isto? Veio do Galileo:\n%s/%s MR\n  1. TP  201 Y  23AUG LISEWR HK1\n"
        "SI.P1/SSRDOCSTPHK1/P/PRT/%s/PRT/%s/M/%s/%s/%s\nT.T*%s\nMT.%s\n\nQuero saber se o passaporte dele dá para "
        "os EUA com ESTA." % (ln, fn, V.passport("pt"), V.gds_date(), V.gds_date(2028, 2032), ln, fn,
                               V.phone("pt", False).replace(" ", ""), V.mail(fn.title() + " " + ln.title())),
        "galileo ssr docs", "pnr_docs")
    ln, fn = GDSNAME("pl")
    add("pnr", "sensitive", "RP/WAWLO28AA/WAWLO28AA  %s\n  1.%s/%s MR  2.%s/%s MSTR(CHD/%s)\n  3  LO 281 Y 12OCT "
        "WAWMUC HK2\n  4 APE %s\n  5 SSR DOCS LO HK1 I/POL/%s/POL/%s/M/%s/%s/%s/P1\n  6 FE PAX NONREF\n\nJak "
        "zmienić datę tylko dla dziecka?" % (V.locator(), ln, fn, ln, V.pick(["JAN", "KACPER"]), V.gds_date(2016, 2020),
                                               V.mail(fn.title() + " " + ln.title()), V.pl_dowod() if hasattr(V, "pl_dowod") else V.s(3, UPPER) + V.s(6, DIGITS),
                                               V.gds_date(), V.gds_date(2030, 2034), ln, fn),
        "pnr docs id card and child dob", "pnr_docs")
    add("pnr", "sensitive", "予約記録です。\n  1.TANAKA/HIROSHI MR\n  2  NH 203 Y 05NOV 3 HNDFRA HK1\n  3 SSR DOCS NH HK1 "
        "P/JPN/%s/JPN/%s/M/%s/TANAKA/HIROSHI\n  4 APM %s\n\nこの予約の復路を追加する手順を教えてください。" % (
            V.passport("ja"), V.gds_date(), V.gds_date(2029, 2034), V.phone("ja", True)), "ana pnr docs",
        "pnr_docs")
    # look-alikes
    add("pnr", "vendor", "HE SSR DOCS\nSSR DOCS YY HK1 P/GBR/123456789/GBR/12JUL64/M/23JAN30/SMITH/JOHN\nDOCUMENT TYPE "
        "P=PASSPORT I=ID CARD  ISSUING COUNTRY  DOC NUMBER  NATIONALITY  DATE OF BIRTH  GENDER  EXPIRY  SURNAME  "
        "FIRST NAME\n\nWhat does HK1 mean in that help example?", "gds help page example", "documentation")
    add("pnr", "vendor", "AN14MARFRAJFK\n** AMADEUS AVAILABILITY - AN ** JFK JOHN F KENNEDY INTL.NY.USUS   "
        "6 SA 14MAR 0000\n 1   LH 400  J9 C9 D9 Z9 P9 Y9 B9 M9 /FRA 1 JFK 1  1015    1250  E0/744\n 2   UA "
        "961  J9 C9 Y9 B9 /FRA 1 JFK 7  1120    1405  E0/77W\n\nWelcher Flug ist schneller und warum steht da E0?",
        "availability display", "schedule")
    add("pnr", "vendor", "FQDPARNYC/AAF/R,U\nFARES IN EUR\nLN FARE BASIS  OW  RT   B PEN  DATES/DAYS  AP MIN MAX  R\n"
        "01 YLOWFR       420,00 Y -  -     +        -  -   -   R\n02 KSAVFR     612,00 K +  -     14  SU  12M R\n\n"
        "Que signifie le + dans la colonne PEN ?", "fare display", "fare_rules")
    add("pnr", "vendor", "Booking reference %s, flight IB3170 MAD-BCN, 14:05, seat 23C. The app says 'changes "
                         "not permitted'. Is that normal for a Basic fare?" % V.locator(), "booking ref only",
        "booking_reference")
    add("pnr", "vendor", "RT%s\n  1.XXXXXXX/XXXX MR\n  2  LX 318 Y 21JAN 3 ZRHLHR HK1\n  3 SSR DOCS LX HK1 ////"
                         "XXXXXX//////\n  4 APE ***MASKED***\n\nWarum ist alles mit X überschrieben? Ist das der "
                         "DSGVO-Modus?" % V.locator(), "masked pnr", "masked")
    add("pnr", "vendor", "In Sabre, wat is het verschil tussen 3DOCS en 4DOCS? En moet ik voor een binnenlandse vlucht "
                         "in Spanje APIS invoeren?", "gds question (nl)", "question")


def eticket():
    p = P("de")
    add("eticket", "sensitive", "ELEKTRONISCHER FLUGSCHEIN / PASSENGER RECEIPT\nName: %s MR\nTicketnummer: %s\n"
        "Buchungscode: %s\nZahlung: CC %s  Gültig bis %s\nRechnungsadresse: %s\n\nDie Firma will die Rechnung auf "
        "sich ausgestellt haben. Wie formuliere ich das an die Airline?" % (
            p.upper(), V.eticket(), V.locator(), V.card(), V.exp(), V.addr("de")), "receipt with full card",
        "eticket_card")
    p = P("it")
    add("eticket", "sensitive", "Ricevuta biglietto elettronico\nPasseggero: %s\nDocumento: carta d'identità %s\n"
        "Data di nascita: %s\nBiglietto: %s\nTelefono: %s\n\nTraduci in inglese per il rimborso dell'assicurazione." % (
            p, V.s(2, UPPER) + V.s(5, DIGITS) + V.s(2, UPPER), V.dob("it"), V.eticket(), V.phone("it")),
        "receipt with id and dob", "eticket_id")
    p = P("es")
    add("eticket", "sensitive", "Recibo de billete electrónico\nPASAJERO: %s\nDNI: %s\nBILLETE: %s-%s\nFORMA DE PAGO: "
        "VI %s\nRESIDENTE CANARIO - DESCUENTO 75%% (certificado de empadronamiento verificado)\n\n¿Por qué me cobran "
        "la tasa otra vez?" % (p.upper(), V.es_dni(nie=False), V.eticket()[:3], V.eticket()[3:], V.card(sep="")),
        "receipt with dni and card", "eticket_card")
    add("eticket", "vendor", "PASSENGER RECEIPT\nPASSENGER: SMITH/JOHN MR\nTICKET NUMBER: 125 1234567890\nFORM OF "
        "PAYMENT: VI XXXXXXXXXXXX4242\nFARE: GBP 120.00  TAX: GB 13.00 UB 23.44\n\nThis is the sample receipt from our "
        "training deck. Explain the UB tax.", "training sample receipt masked", "masked")
    add("eticket", "vendor", "Mon billet %s n'apparaît pas dans l'appli Air France. Référence %s. Est-ce que je dois "
                             "rappeler le service client ou attendre ?" % (V.eticket(), V.locator()),
        "ticket number only (fr)", "ticket_number")
    add("eticket", "vendor", "Biletnummer %s, status kuponu: O (open), R (refunded)? Co oznacza 'E' w kolumnie "
                             "status w widoku TWD?" % V.eticket(), "coupon status question (pl)", "ticket_number")
    add("eticket", "vendor", "航空券番号 %s の払い戻しは、運賃規則上いくらの手数料がかかりますか？運賃種別はSAVER です。"
        % V.eticket(), "ticket refund question (ja)", "ticket_number")


def bcbp():
    add("bcbp", "vendor", "IATA Resolution 792 example:\nM1DESMARAIS/LUC       EABC123 YULFRAAC 0834 226F001A0025 100\n\n"
                          "Explain field by field what each part of this boarding pass string means.",
        "iata sample bcbp", "specimen")
    add("bcbp", "vendor", "Der Scanner am Gate liest nur das Format 'M1' ... 'E' + 7 Zeichen PNR. Welche Länge hat "
                          "das Pflichtfeld 'Date of Flight (Julian Date)' im BCBP?", "bcbp format question", "question")
    ln, fn = GDSNAME("fr")
    bc = "M1%-20sE%s CDGJFKAF 0006 %03dY034C0021 349>5180  %s" % ("%s/%s" % (ln, fn), V.locator(), R.randint(1, 365),
                                                                 "B1A      " + V.s(10, DIGITS))
    add("bcbp", "sensitive", "Voici le code-barres de ma carte d'embarquement : %s\nMon numéro de passeport pour "
        "l'ESTA : %s, né le %s.\nPourquoi l'ESTA est refusé alors que tout est correct ?" % (
            bc, V.passport("fr"), V.dob("fr")), "bcbp plus passport", "bcbp_passport")
    ln, fn = GDSNAME("de")
    add("bcbp", "sensitive", "scan_log gate B44:\n2026-03-02T06:41:12Z READ M1%s/%s EK7QTRZ FRADXBEK 0046 061Y017A0088 100\n"
        "2026-03-02T06:41:12Z DOCCHECK passport=%s nat=DEU dob=%s result=OK\n2026-03-02T06:41:14Z BOARDED\n\n"
        "Why is the DOCCHECK line logged at all, is that compliant?" % (ln, fn, V.passport("de"), V.gds_date()),
        "gate log with passport", "bcbp_passport")


def apis():
    rows = []
    for lg in ["de", "fr", "it", "es"]:
        ln, fn = GDSNAME(lg)
        rows.append("%s,%s,%s,%s,%s,%s,%s" % (ln, fn, V.pick("MF"), V.gds_date(), V.country3(lg), V.passport(lg),
                                             V.gds_date(2028, 2035)))
    add("apis", "sensitive", "APIS upload failed, file below:\nSURNAME,GIVEN,SEX,DOB,NATIONALITY,DOC_NO,DOC_EXP\n%s\n\n"
        "Error: 'invalid record 3'. What is wrong with row 3?" % "\n".join(rows), "apis csv", "apis")
    ln, fn = GDSNAME("nl")
    add("apis", "sensitive", "UNH+1+PAXLST:D:05B:UN:IATA'\nBGM+745'\nNAD+FL+++%s:%s'\nATT+2++M'\nDTM+329:%s'\n"
        "LOC+178+AMS'\nLOC+179+YYZ'\nNAT+2+NLD'\nDOC+P:110:111+%s'\nDTM+36:%s'\nLOC+91+NLD'\nUNT+12+1'\n\nWaarom "
        "weigert CBSA dit bericht? Staat de DTM goed?" % (ln, fn, V._birth().strftime("%y%m%d"), V.passport("nl"),
                                                         V._birth(2028, 2034).strftime("%y%m%d")),
        "paxlst one passenger", "apis")
    add("apis", "vendor", "APIS data elements (US CBP): full name, gender, date of birth, nationality, country of "
                          "residence, travel document type, number, expiry and issuing country, address while in the "
                          "US (not for crew).\n\nWhich of these are mandatory for an ESTA traveller?",
        "apis field list", "documentation")
    add("apis", "vendor", "SURNAME,GIVEN,SEX,DOB,NATIONALITY,DOC_NO,DOC_EXP\n<surname>,<given>,M|F,DDMMMYY,ISO3,"
                          "<doc>,DDMMMYY\n\nKannst du mir aus dieser Vorlage ein JSON-Schema machen?",
        "apis template", "placeholder")


def ffp():
    p = P("de")
    add("ffp", "sensitive", jd({"memberId": "992000" + V.s(9, DIGITS), "tier": "SEN", "name": {"first": p.split()[0],
                                "last": p.split()[1]}, "dateOfBirth": V._birth().isoformat(),
                                "passport": {"number": V.passport("de"), "country": "DEU"},
                                "mobile": V.phone("de", True), "email": V.mail(p),
                                "preferences": {"seat": "aisle", "meal": "DBML"}}, 2) +
        "\n\nExport aus dem Vielfliegerprofil – kannst du daraus eine Tabelle machen?", "ffp profile json",
        "ffp_profile")
    p = P("fr")
    add("ffp", "sensitive", "Profil Flying Blue\nNuméro : %s\nNom : %s\nDate de naissance : %s\nAdresse : %s\n"
        "Téléphone : %s\nCarte enregistrée : %s exp %s\n\nPourquoi mes miles du vol AF084 n'ont pas été crédités ?" % (
            V.s(10, DIGITS), p, V.dob("fr"), V.addr("fr"), V.phone("fr"), V.card(), V.exp()),
        "flying blue profile with card", "ffp_profile")
    p = P("ja")
    add("ffp", "sensitive", "マイレージ会員情報\n会員番号：%s\n氏名：%s\n生年月日：%s\n住所：%s\n電話：%s\nメール：%s\n\n"
        "この情報で特典航空券の予約ができますか？" % (V.s(10, DIGITS), p, V.dob("ja"), V.addr("ja"), V.phone("ja"),
                                          V.mail(p)), "mileage member profile (ja)", "ffp_profile")
    add("ffp", "vendor", "Mijn Flying Blue-nummer is %s en ik mis 2.400 Miles van vlucht KL1775. Hoe dien ik een "
                         "claim in?" % V.s(10, DIGITS), "ffp number only (nl)", "loyalty_number")
    add("ffp", "vendor", "Tarjeta Iberia Plus %s — nivel Oro. ¿Cuántos Avios necesito para un vuelo Madrid-Tenerife "
                         "en temporada baja?" % V.s(8, DIGITS), "loyalty number only (es)", "loyalty_number")
    add("ffp", "vendor", "Miles & More Karte %s: Was bringt mir der HON Circle-Status bei Umsteigen in München?" %
        V.loyalty_number(), "luhn loyalty number", "loyalty_number")


def hotel():
    p = P("de")
    add("hotel", "sensitive", "OPERA PMS - Profile\nName: %s, %s\nVIP: 2  Membership: %s\nAddress: %s\nPassport: %s  "
        "Nationality: DE  Birth date: %s\nPhone: %s\nCredit card on file: %s  Exp: %s\nNotes: Gast wünscht "
        "Zimmer weit weg vom Aufzug, Angststörung\n\nFasse das Profil für die Übergabe an die Nachtschicht zusammen."
        % (p.split()[1], p.split()[0], V.s(9, DIGITS), V.addr("de"), V.passport("de"), V.dob("de"),
           V.phone("de"), V.card(), V.exp()), "opera profile", "pms_profile")
    p = P("fr")
    add("hotel", "sensitive", jd({"Customer": {"FirstName": p.split()[0], "LastName": p.split()[1],
                                  "BirthDate": V._birth().isoformat(), "Email": V.mail(p),
                                  "Phone": V.phone("fr", True), "NationalityCode": "FR",
                                  "IdentityCard": {"Type": "IdentityCard", "Number": V.s(12, DIGITS)},
                                  "Notes": "allergie sévère aux arachides - EpiPen"}}, 2) +
        "\n\nRéponse de l'API Mews customers/getAll. Comment je filtre par nationalité ?", "mews customer json",
        "pms_profile")
    p = P("it")
    add("hotel", "sensitive", "FOLIO n. %d - Camera 314\nOspite: %s\nArrivo %s  Partenza %s\nMinibar 18,00\n"
        "Pernottamento 3 x 145,00\nCity tax 3 x 4,00\nPagamento: carta %s scad. %s\nCodice fiscale per fattura: %s\n\n"
        "Il cliente contesta il minibar. Scrivimi una risposta gentile." % (
            R.randint(10000, 99999), p, V.day("it"), V.day("it"), V.card(), V.exp(), V.it_fiscal_code()),
        "folio with card and cf", "folio")
    p = P("nl")
    add("hotel", "sensitive", "Protel gastprofiel export (csv)\nnaam;voornaam;geboortedatum;paspoort;telefoon;email\n"
        "%s;%s;%s;%s;%s;%s\n\nKan ik dit zomaar importeren in het nieuwe CRM?" % (
            p.split(" ", 1)[1], p.split()[0], V.dob("nl"), V.passport("nl"), V.phone("nl"), V.mail(p)),
        "protel csv export", "pms_profile")
    p = P("es")
    add("hotel", "sensitive", "Nota de recepción turno noche: el huésped de la 512, %s, tel. %s, se ha desmayado en "
        "el vestíbulo; dice que es epiléptico y que no tomó la medicación. Llamamos al 112 a las 02:40.\n\nRedacta el "
        "parte de incidencia para la dirección." % (p, V.phone("es")), "night incident health", "incident_health")
    add("hotel", "vendor", "FOLIO 88213 - Room 227\nGuest: [group] ACME GmbH Sales Kick-off\nArrival 12/03 Departure "
                           "15/03\nPayment: VISA ************1881\n\nWhy does the folio show the city tax twice?",
        "group folio masked", "masked")
    add("hotel", "vendor", "Rate plan BAR-FLEX: 189 EUR, BB, cancel until 18:00 on arrival day. Rate plan NRF: 159 EUR, "
                           "non-refundable. Traduci le condizioni in italiano per il sito.", "rate plans", "fare_rules")
    add("hotel", "vendor", "Opera: Wie exportiere ich nur die Spalten Zimmernummer, Zimmertyp und Status (OCC/VAC) in "
                           "eine CSV für das Housekeeping?", "pms question", "question")
    add("hotel", "vendor", "Reserva %s confirmada. Habitación doble superior, 2 noches, régimen AD, llegada 15:00. "
                           "¿Cómo pido una cuna para el bebé?" % V.s(10, DIGITS), "booking confirmation no pii",
        "booking_reference")


def checkin():
    p = P("de")
    add("checkin", "sensitive", "Meldeschein (§ 30 BMG)\nName: %s\nGeburtsdatum: %s\nStaatsangehörigkeit: deutsch\n"
        "Anschrift: %s\nAnreise: %s  Abreise: %s\nMitreisende: 1 Ehepartner, 2 Kinder\n\nMuss ich den Meldeschein "
        "ein Jahr aufbewahren?" % (p, V.dob("de"), V.addr("de"), V.day("de"), V.day("de")), "meldeschein",
        "registration_card")
    p = P("fr")
    add("checkin", "sensitive", "FICHE INDIVIDUELLE DE POLICE\nNom : %s   Prénom : %s\nDate et lieu de naissance : "
        "%s, Casablanca\nNationalité : marocaine\nPasseport n° %s\nDomicile habituel : %s\n\nOn doit la garder combien "
        "de temps à l'hôtel ?" % (p.split()[1].upper(), p.split()[0], V.dob("fr"), V.s(2, UPPER) + V.s(7, DIGITS),
                                  V.addr("fr")), "fiche de police", "registration_card")
    rows = []
    for _ in range(3):
        q = P("es")
        rows.append("%s;%s;%s;%s;%s" % (q, V.pick(["D", "P", "N"]), V.es_dni(), V.dob("es"), V.pick(["ESP", "ESP", "ARG"])))
    add("checkin", "sensitive", "Parte de viajeros - envío a SES.HOSPEDAJES\nnombre;tipo_doc;num_doc;fecha_nac;nac\n%s\n\n"
        "El fichero da error de validación en la fecha. ¿Qué formato quiere el Ministerio?" % "\n".join(rows),
        "parte de viajeros batch", "registration_card")
    p = P("it")
    add("checkin", "sensitive", "Schedina alloggiati web (tracciato record):\n16%s%-50s%s%s%s%s\n\nIl portale della "
        "Questura mi rifiuta la riga, mi aiuti a capire quale campo è sbagliato? Ospite: %s, carta d'identità %s, "
        "nata il %s." % (V.day("it").replace("/", ""), p.upper(), "2", V.dob("it").replace("/", ""), "100000100",
                         "IDENT", p, "CA" + V.s(5, DIGITS) + V.s(2, UPPER), V.dob("it")),
        "alloggiati web record", "registration_card")
    p = P("pt")
    add("checkin", "sensitive", "Boletim de alojamento (SIBA)\nNome: %s\nData de nascimento: %s\nNacionalidade: "
        "brasileira\nDocumento: passaporte %s\nPaís de residência: Brasil\n\nO SIBA pede o documento de quem tem "
        "cidadania portuguesa também?" % (p, V.dob("pt"), "F" + V.s(6, DIGITS)), "siba boletim", "registration_card")
    add("checkin", "sensitive", "宿泊者名簿\n氏名：%s\n国籍：ドイツ\n旅券番号：%s\n住所：%s\n電話番号：%s\n\n外国人宿泊客の旅券の"
        "写しは何年保存が必要ですか？" % ("Matthias Köhler", V.passport("de"), V.addr("de"), V.phone("de", True)),
        "shukuhakusha meibo passport", "registration_card")
    p = P("pl")
    add("checkin", "sensitive", "Karta meldunkowa gościa\nImię i nazwisko: %s\nPESEL: %s\nSeria i nr dowodu: %s\n"
        "Adres: %s\nTelefon: %s\n\nCzy hotel może w ogóle żądać numeru PESEL?" % (
            p, V.pl_pesel(), V.s(3, UPPER) + V.s(6, DIGITS), V.addr("pl"), V.phone("pl")), "karta meldunkowa",
        "registration_card")
    add("checkin", "vendor", "Meldeschein\nName: ____________  Vorname: ____________\nGeburtsdatum: ___________\n"
                             "Staatsangehörigkeit: ____________\nUnterschrift: ____________\n\nReicht das als Vorlage "
                             "nach BMG oder fehlt ein Feld?", "blank meldeschein", "blank_form")
    add("checkin", "vendor", "Real Decreto 933/2021: obliga a los establecimientos de hospedaje a comunicar los datos "
                             "de los viajeros. ¿Qué plazo hay para enviar el parte?", "law question (es)", "statute")
    add("checkin", "vendor", "旅館業法施行規則では、宿泊者名簿に氏名、住所、連絡先を記載し、日本国内に住所を有しない外国人の場合は"
                             "国籍及び旅券番号も記載することとされています。\n\n英語に翻訳してください。",
        "ryokan law text (ja)", "statute")
    add("checkin", "vendor", "Fiche de police : quels champs sont obligatoires pour un client français ? Mon logiciel "
                             "demande la date de naissance même pour eux.", "form question (fr)", "question")


def rental():
    p = P("de")
    add("rental", "sensitive", "MIETVERTRAG Nr. RA-%s\nMieter: %s, geb. %s\nFührerschein-Nr.: %s (Klasse B, seit "
        "2009)\nAnschrift: %s\nKaution: 500,00 EUR auf Karte %s, gültig %s\nFahrzeug: VW Golf, %s\n\nDer Kunde "
        "behauptet, der Kratzer war schon da. Wie antworte ich?" % (V.s(8, DIGITS), p, V.dob("de"), V.licence("de"),
                                                                     V.addr("de"), V.card(), V.exp(), V.vin()),
        "rental agreement licence card", "rental_agreement")
    p = P("fr")
    add("rental", "sensitive", "Contrat de location %s\nConducteur principal : %s\nPermis n° %s délivré le %s\nCaution "
        "préautorisée : 800 € sur %s\nTél. : %s\n\nLe client veut ajouter un second conducteur, quels documents "
        "demander ?" % (V.s(9, DIGITS), p, V.licence("fr"), V.day("fr", 2005, 2015), V.card(), V.phone("fr")),
        "contrat location permis", "rental_agreement")
    p = P("it")
    add("rental", "sensitive", "Verbale danni noleggio\nCliente: %s\nPatente: %s\nTarga: %s\nDescrizione: "
        "tamponamento in autostrada A1, il cliente riferisce dolore al collo, portato al pronto soccorso di Lodi "
        "(colpo di frusta)\nTelefono: %s\n\nScrivi il riassunto per l'assicurazione." % (
            p, V.licence("it"), V.s(2, UPPER) + V.s(3, DIGITS) + V.s(2, UPPER), V.phone("it")),
        "rental damage with injury", "rental_damage")
    p = P("en")
    add("rental", "sensitive", "Renter: %s\nDVLA licence: %s  DVLA check code: %s\nDOB: %s\nPenalty points: 6 (SP30 "
        "x2)\n\nOur policy says max 6 points. Can we rent him a premium car?" % (
            p, V.licence("en"), V.s(8, UPPER + DIGITS), V.dob("en")), "dvla licence points", "rental_agreement")
    add("rental", "vendor", "Flottenliste Q2\nKennz.;FIN;Modell;km\nF-AB 1234;%s;Golf 8;12.400\nF-AB 1235;%s;T-Roc;"
                            "8.210\nF-AB 1236;%s;Passat;33.870\n\nSortiere nach Kilometerstand." % (
                                V.vin(), V.vin(), V.vin()), "fleet vins", "vin")
    add("rental", "vendor", "Condiciones de alquiler: conductor mayor de 21 años, carnet con 2 años de antigüedad, "
                            "fianza de 300 € en tarjeta de crédito a nombre del conductor. ¿Aceptáis tarjetas de "
                            "débito?", "rental terms (es)", "fare_rules")
    add("rental", "vendor", "VIN %s – kun je decoderen welk merk en bouwjaar dit is?" % V.vin(), "vin decode (nl)",
        "vin")


def rail_ferry():
    p = P("es")
    add("rail", "sensitive", "Localizador Renfe %s\nViajero: %s\nDNI: %s\nTarjeta Dorada: sí\nTeléfono: %s\nTren AVE "
        "03162 Madrid-Sevilla, coche 5 plaza 8D\n\n¿Puedo cambiar el billete a otro día sin pagar?" % (
            V.s(6, ALNUM_U), p, V.es_dni(nie=False), V.phone("es")), "renfe booking with dni", "rail_booking")
    p, q = P("it"), P("it")
    add("rail", "sensitive", "Prenotazione traghetto Civitavecchia-Olbia\nPasseggeri:\n1. %s, nato il %s, C.I. %s\n"
        "2. %s, nata il %s, C.I. %s\nVeicolo: auto %s\nCabina interna, animale a bordo\n\nIl porto chiede i documenti "
        "anche per i minorenni?" % (p, V.dob("it"), "CA" + V.s(5, DIGITS) + V.s(2, UPPER), q, V.dob("it"),
                                      "CA" + V.s(5, DIGITS) + V.s(2, UPPER), V.s(2, UPPER) + V.s(3, DIGITS) + V.s(2, UPPER)),
        "ferry booking two passengers", "ferry_booking")
    p = P("pt")
    add("rail", "sensitive", "Reserva CP Alfa Pendular\nPassageiro: %s\nNIF: %s\nCartão Jovem: sim\nPagamento MB WAY: %s\n"
        "Lisboa Santa Apolónia -> Porto Campanhã\n\nA fatura saiu sem NIF. Como peço a correção?" % (
            p, V.pt_nif_personal(), V.phone("pt")), "cp booking nif", "rail_booking")
    add("rail", "vendor", "ICE 597 Hamburg-Altona 06:46 -> München Hbf 12:38, Gleis 10, Zugbindung aufgehoben. "
                          "Auftragsnummer %s. Gilt die Aufhebung auch für den Sparpreis?" % V.s(12, DIGITS),
        "db order number", "booking_reference")
    add("rail", "vendor", "Horaires TER Nice-Vintimille: 07:12, 07:42, 08:12, puis toutes les 30 minutes jusqu'à 21:12. "
                          "Fais-moi un tableau.", "timetable (fr)", "schedule")
    add("rail", "vendor", "Veerdienst Den Helder-Texel: elk uur op het hele uur, reserveringsnummer %s. Moet ik met de "
                          "auto een tijdslot reserveren?" % V.s(8, DIGITS), "ferry question (nl)", "booking_reference")


def dispatch():
    lines = []
    for _ in range(3):
        lines.append("%02d:%02d  #%d  %s  Abholung %s  Kunde %s Tel %s" % (
            R.randint(0, 23), R.randint(0, 59), R.randint(1000, 9999), V.pick(["Wagen 12", "Wagen 7", "Wagen 31"]),
            V.addr("de"), P("de"), V.phone("de")))
    add("dispatch", "sensitive", "Funkzentrale Nachtschicht:\n%s\n\nMach mir daraus eine Tabelle für die Abrechnung." %
        "\n".join(lines), "taxi dispatch log", "dispatch_log")
    p = P("pl")
    add("dispatch", "sensitive", "Zlecenie 4471: odbiór %s, pasażer %s, tel. %s, uwagi: osoba niewidoma z psem "
        "przewodnikiem, kurs na dializy do szpitala MSWiA, płatność NFZ\n\nNapisz SMS do kierowcy z tymi "
        "informacjami." % (V.addr("pl"), p, V.phone("pl")), "dispatch with health", "dispatch_health")
    p = P("nl")
    add("dispatch", "sensitive", jd({"ride_id": V.uuid(), "status": "completed", "rider": {"name": p,
                                     "phone": V.phone("nl", True)}, "pickup": V.addr("nl"),
                                     "dropoff": "Schiphol Plaza", "fare": "48.20 EUR"}) +
        "\n\nWaarom staat de rit nog op 'completed' als de klant zegt dat hij nooit is opgehaald?",
        "ride json with phone", "dispatch_log")
    add("dispatch", "vendor", "Dispatch-Log 07:00-08:00: Zone 3: 14 Fahrten, Ø Wartezeit 6 min; Zone 5: 9 Fahrten, "
                              "Ø 11 min; Fahrzeug T-22 Werkstatt. Wo sollten wir einen zusätzlichen Wagen stationieren?",
        "aggregate dispatch", "aggregate")
    add("dispatch", "vendor", "Corsa #88120 completata, auto 44, km 12,4, tariffa 2 notturna, importo 31,40 €. Perché la "
                              "tariffa notturna è scattata alle 21:55?", "ride no pii (it)", "booking_reference")


def courier():
    rows = []
    for lg in ["de", "de", "nl", "fr"]:
        q = P(lg)
        rows.append("%s,%s,\"%s\",%s,%s" % (V.ups() if lg != "nl" else "3S" + V.s(4, UPPER) + V.s(9, DIGITS), q,
                                             V.addr(lg), V.phone(lg), V.pick(["1,2", "0,8", "4,5"])))
    add("courier", "sensitive", "Manifest Tour 17 (Depot Hamburg-Billbrook)\ntracking,empfaenger,adresse,telefon,kg\n%s\n\n"
        "Sortiere die Stopps nach Postleitzahl." % "\n".join(rows), "parcel manifest", "parcel_manifest")
    p = P("fr")
    add("courier", "sensitive", "Note livreur : %s, %s, code porte 4B17, 3e étage gauche, appeler le %s, chien "
        "méchant, ne pas laisser chez la voisine (conflit).\n\nReformule ça proprement pour l'appli." % (
            p, V.addr("fr"), V.phone("fr")), "driver note", "driver_note")
    p = P("es")
    add("courier", "sensitive", "Correos - Aviso de llegada\nDestinatario: %s\nDNI: %s\nDirección: %s\nEnvío: %s\n"
        "Reembolso: 54,90 €\n\nNo estaba en casa, ¿puede recogerlo mi hermano con una autorización?" % (
            p, V.es_dni(nie=False), V.addr("es"), "PQ" + V.s(2, UPPER) + V.s(9, DIGITS) + "ES"), "aviso with dni",
        "parcel_notice")
    p = P("ja")
    add("courier", "sensitive", "ヤマト運輸 集荷依頼\nお届け先：%s 様\n住所：%s\n電話：%s\n品名：処方薬（抗がん剤）\n"
        "伝票番号：%s\n\nクール便で送れますか？" % (p, V.addr("ja"), V.phone("ja"), V.s(4, DIGITS) + "-" + V.s(4, DIGITS) + "-" + V.s(4, DIGITS)),
        "yamato pickup with drug", "parcel_notice")
    p = P("pl")
    add("courier", "sensitive", "Paczkomat: odbiorca %s, tel. %s, email %s, kod odbioru 482913\n\nKlient mówi, że nie "
        "dostał SMS. Co mam mu odpisać?" % (p, V.phone("pl"), V.mail(p)), "parcel locker contact", "parcel_notice")
    add("courier", "vendor", "Sendungen ohne Zustellung seit 3 Tagen:\n%s\n%s\n%s\nKannst du die Statuscodes erklären?"
        % (V.ups(), V.ups(), V.ups()), "ups numbers", "tracking_number")
    add("courier", "vendor", "Mijn pakket met trackingcode 3S%s%s staat al twee dagen op 'sorteercentrum'. Is dat "
                             "normaal bij PostNL?" % (V.s(4, UPPER), V.s(9, DIGITS)), "postnl tracking (nl)",
        "tracking_number")
    add("courier", "vendor", "DHL Express waybill %s, status: 'Customs status updated'. Was heißt das und muss ich etwas "
                             "tun?" % V.s(10, DIGITS), "dhl waybill (de)", "tracking_number")
    add("courier", "vendor", "お問い合わせ伝票番号 %s-%s-%s の荷物が「持戻」になっています。再配達はどう頼めばいいですか？" % (
        V.s(4, DIGITS), V.s(4, DIGITS), V.s(4, DIGITS)), "yamato tracking (ja)", "tracking_number")
    add("courier", "vendor", "Tour 12: 86 Stopps, 1.240 kg, PLZ-Bereich 22041-22159, Abfahrt 06:30. Wie viele Fahrer "
                             "brauche ich bei 12 Stopps pro Stunde?", "route stats", "aggregate")


def customs():
    p = P("de")
    add("customs", "sensitive", "Zollanmeldung (ATLAS) - Privatperson\nEmpfänger: %s\nAnschrift: %s\nSteuer-ID: %s\n"
        "Warenbeschreibung: Hörgeräte (HS 9021 40 00), Warenwert 2.380 USD, ärztliche Verordnung liegt bei\n\nMuss ich "
        "Einfuhrumsatzsteuer zahlen, wenn es ein Medizinprodukt ist?" % (p, V.addr("de"), V.de_tax_id(spaced=False)),
        "private import with steuer-id", "customs_private")
    p = P("fr")
    add("customs", "sensitive", "DAE / déclaration en douane - particulier\nDéclarant : %s\nNé le : %s\nPasseport : %s\n"
        "Montant en espèces transporté : 18 500 EUR (déclaration d'argent liquide)\nProvenance des fonds : vente d'un "
        "bien\nIBAN de réception : %s\n\nCorrige le français de la section 'origine des fonds'." % (
            p, V.dob("fr"), V.passport("fr"), V.iban_for("fr")), "cash declaration", "customs_private")
    p = P("it")
    add("customs", "sensitive", "Bolletta doganale import privato\nDestinatario: %s\nCodice fiscale: %s\nTelefono: %s\n"
        "Merce: farmaci per terapia oncologica (uso personale)\n\nLa dogana chiede la prescrizione medica, in che lingua "
        "deve essere?" % (p, V.it_fiscal_code(), V.phone("it")), "import drugs private", "customs_private")
    add("customs", "vendor", "COMMERCIAL INVOICE No. CI-2026-0417\nSeller: Müller Maschinenbau GmbH, EORI DE%s\n"
                             "Buyer: Tanaka Seiki K.K., 法人番号 %s\nIncoterms: DAP Yokohama\nHS 8459.61, CNC milling "
                             "machine, 1 pc, EUR 182,000\n\nCheck the invoice has everything Japan customs needs." % (
                                 V.s(7, DIGITS), V.jp_corporate()), "commercial invoice companies", "company_ids")
    add("customs", "vendor", "SAD Feld 33: 8471 30 00 – tragbare ADV-Maschinen. Welcher Zollsatz gilt und brauche ich "
                             "eine Präferenznachweis für Waren aus Vietnam?", "hs tariff question", "question")
    add("customs", "vendor", "Numéro EORI de notre société : FR%s00015. Notre transitaire demande aussi le SIREN %s. "
                             "Ce sont deux choses différentes ?" % (V.fr_siren(), V.fr_siren()), "company eori siren",
        "company_ids")
    add("customs", "vendor", "輸出申告書\n輸出者：株式会社サクラ精工（法人番号 %s）\n品名：工作機械部品\n統計品目番号：8466.93-000\n"
                             "仕向地：DEHAM\n\nインボイスとパッキングリストの違いを説明してください。" % V.jp_corporate(),
        "export declaration company (ja)", "company_ids")
    add("customs", "vendor", "DUA de importación: casilla 44 código N935 (factura comercial). ¿Qué códigos de documento "
                             "hay que poner para un certificado EUR.1?", "dua question (es)", "question")


def shipping_docs():
    add("shipping", "vendor", "BILL OF LADING No. MAEU%s\nShipper: Porto Têxteis, Lda (NIPC %s)\nConsignee: Hamburg "
                              "Fashion Import GmbH\nNotify: same as consignee\nContainer: %s / seal %s, 40'HC\n"
                              "Port of loading: Leixões  Port of discharge: Hamburg\n\nWas bedeutet 'shipped on board' "
                              "und warum ist das für das Akkreditiv wichtig?" % (
                                  V.s(9, DIGITS), V.pt_nipc(), V.container(), V.s(7, DIGITS)), "bill of lading",
        "container_number")
    add("shipping", "vendor", "AWB %s  FRA-ORD  12 pcs 480 kg  NATURE OF GOODS: SPARE PARTS\nHAWB: HX%s\n\nWhy does "
                              "the airline reject the AWB number as invalid? Is the check digit right?" % (
                                  V.awb(), V.s(7, DIGITS)), "awb check digit", "awb")
    add("shipping", "vendor", "Containers voor week 14: %s, %s, %s. Kun je controleren of de controlecijfers kloppen?" % (
        V.container(), V.container(), V.container()), "container list (nl)", "container_number")
    add("shipping", "vendor", "Lettera di vettura aerea %s, merce pericolosa UN3481 (batterie agli ioni di litio). "
                              "Serve la Shipper's Declaration?" % V.awb(), "awb dangerous goods (it)", "awb")
    p = P("pl")
    add("shipping", "sensitive", "List przewozowy - przeprowadzka (mienie przesiedleńcze)\nNadawca: %s, %s\nPaszport: "
        "%s\nTel.: %s\nOdbiorca: ten sam, adres w Toronto\nKontener: %s\n\nCzy do odprawy w Kanadzie potrzebuję "
        "listy B4?" % (p, V.addr("pl"), V.passport("pl"), V.phone("pl"), V.container()), "household move b/l",
        "household_move")
    add("shipping", "sensitive", "AWB %s  HUM - HUMAN REMAINS\nDeceased: %s, born %s\nCause of death (per certificate): "
        "myocardial infarction\nEmbalming certificate no. %s\nNext of kin: %s, %s\n\nTranslate the accompanying letter "
        "into Portuguese for the family." % (V.awb(), P("pt"), V.dob("pt"), V.s(6, DIGITS), P("pt"), V.phone("pt")),
        "human remains awb", "human_remains")


def telematics():
    p = P("de")
    add("telematics", "sensitive", "Fahrerkartenauswertung KW 11\nFahrer: %s\nFahrerkarte: DF%s%s\nGeburtsdatum: %s\n"
        "Verstöße: Lenkzeitüberschreitung 10h41 am Mi, Ruhezeit 8h12 am Do\nFührerschein-Nr.: %s\n\nFormuliere eine "
        "Abmahnung an den Fahrer." % (p, V.s(12, DIGITS), V.s(2, DIGITS), V.dob("de"), V.licence("de")),
        "tachograph card driver", "tachograph")
    p = P("es")
    add("telematics", "sensitive", "Informe de conducción (Webfleet)\nConductor: %s\nDNI: %s\nTarjeta tacógrafo: E%s\n"
        "Incidencias: 14 excesos de velocidad, 2 frenazos bruscos\nObservación RRHH: baja por lumbalgia del 3 al 17 "
        "de marzo\n\n¿Es procedente un despido disciplinario con esto?" % (p, V.es_dni(), V.s(15, ALNUM_U)),
        "driver report with sick leave", "tachograph")
    add("telematics", "sensitive", "samsara:\n  api_url: https://api.samsara.com\n  api_token: samsara_api_%s\n"
        "  org_id: %s\n\nWhy does my fleet sync return 401 since this morning?" % (V.s(30, UPPER + "abcdefghijklmnopqrstuvwxyz" + DIGITS),
                                                                                   V.s(6, DIGITS)),
        "samsara token", "credential")
    add("telematics", "sensitive", "Geotab MyGeotab Zugang für die Schnittstelle:\nServer: my.geotab.com\nDatenbank: "
        "spedition_nord\nBenutzer: api.export@spedition-nord.de\nPasswort: %s\n\nDer Export bricht nach 5000 "
        "Datensätzen ab." % V.password(), "geotab password", "credential")
    add("telematics", "vendor", "GPS-Log Fahrzeug LKW-07\n06:01 53.5511,9.9937 0 km/h\n06:15 53.5202,10.0410 48 km/h\n"
                                "06:32 53.4701,10.1922 82 km/h\n\nBerechne die Durchschnittsgeschwindigkeit.",
        "gps positions vehicle", "aggregate")
    add("telematics", "vendor", "Tachograaf: hoeveel uur mag een chauffeur per week rijden volgens EU 561/2006, en hoe "
                                "zit het met de dubbele week van 90 uur?", "tachograph rules (nl)", "question")


def claims():
    p = P("de")
    add("claims", "sensitive", "Schadenmeldung Kfz (FNOL)\nVersicherungsnehmer: %s\nVertrag: KH-%s\nUnfall am %s auf der "
        "A7, Auffahrunfall\nVerletzte: Beifahrerin (Ehefrau), Schleudertrauma, Rippenprellung, Krankenhaus Celle\n"
        "Auszahlung auf IBAN %s\n\nBitte fasse den Schaden für den Sachbearbeiter zusammen." % (
            p, V.s(9, DIGITS), V.day("de"), V.iban_for("de")), "motor fnol injury iban", "motor_claim")
    p = P("fr")
    add("claims", "sensitive", "Déclaration de sinistre assurance voyage\nAssuré : %s, né le %s\nContrat : %s\nMotif "
        "d'annulation : hospitalisation pour pancréatite aiguë du 2 au 9 mai (certificat du Dr Moreau joint)\nRIB : %s\n\n"
        "Rédige la lettre d'accompagnement." % (p, V.dob("fr"), V.s(10, DIGITS), V.iban_for("fr")),
        "travel insurance cancellation medical", "travel_claim")
    p = P("es")
    add("claims", "sensitive", "Nota del perito: el asegurado %s (NIF %s) presenta parte de lesiones del Hospital "
        "Clínico: fractura de radio distal, 45 días de baja. Versión contradictoria con la del otro conductor. "
        "Propuesta de indemnización: 6.800 €.\n\nResume la nota en tres frases." % (p, V.es_dni()),
        "adjuster note injury", "motor_claim")
    p = P("it")
    add("claims", "sensitive", "Denuncia di sinistro - polizza viaggio n. %s\nAssicurato: %s\nCodice fiscale: %s\n"
        "Evento: ricovero a Bangkok per dengue emorragica, spese mediche 4.200 USD\nIBAN per il rimborso: %s\n\nScrivi "
        "la mail per sollecitare il rimborso." % (V.s(8, DIGITS), p, V.it_fiscal_code(), V.iban_for("it")),
        "travel medical claim", "travel_claim")
    p = P("nl")
    add("claims", "sensitive", "Schadeaangifte reisverzekering\nNaam: %s\nGeboortedatum: %s\nPolisnummer: %s\n"
        "Gestolen: iPhone 15, camera, paspoort (nr. %s) in Barcelona, proces-verbaal Mossos d'Esquadra\n"
        "Rekening: %s\n\nHelp me de lijst met waardes netjes te maken." % (
            p, V.dob("nl"), V.s(9, DIGITS), V.passport("nl"), V.iban_for("nl")), "theft claim passport iban",
        "travel_claim")
    p = P("pt")
    add("claims", "sensitive", "Participação de sinistro automóvel\nTomador: %s\nNIF: %s\nCarta de condução: %s\n"
        "Terceiro: %s, tel. %s\nDescrição: colisão lateral em rotunda, sem feridos\n\nPreenche a Declaração Amigável "
        "com estes dados." % (p, V.pt_nif_personal(), V.licence("pt"), P("pt"), V.phone("pt")),
        "motor claim licence", "motor_claim")
    p = P("pl")
    add("claims", "sensitive", "Zgłoszenie szkody OC - likwidator: poszkodowany %s, PESEL %s, obrażenia: złamanie "
        "obojczyka, zwolnienie lekarskie L4 na 30 dni. Konto do wypłaty: %s\n\nNapisz decyzję o wypłacie zaliczki." % (
            p, V.pl_pesel(), V.iban_for("pl")), "oc claim injury", "motor_claim")
    p = P("ja")
    add("claims", "sensitive", "事故受付メモ\n契約者：%s\n証券番号：%s\n事故日：%s\n負傷者：同乗の長男（8歳）、頭部打撲で救急搬送\n"
        "連絡先：%s\n\n担当者向けに要約してください。" % (p, V.s(10, DIGITS), V.day("ja"), V.phone("ja")),
        "jp accident memo", "motor_claim")
    add("claims", "vendor", "Schadennummer %s, Vertrag %s: Status 'in Prüfung' seit 12 Tagen. Welche Fristen hat der "
                            "Versicherer nach VVG?" % (V.s(10, DIGITS), V.s(9, DIGITS)), "claim number only",
        "claim_number")
    add("claims", "vendor", "Polizza n. %s: la garanzia annullamento copre anche le malattie preesistenti? Leggo "
                            "l'art. 4.2 ma non è chiaro." % V.s(9, DIGITS), "policy question (it)", "policy_number")
    add("claims", "vendor", "Statistiques sinistres 2025 : 1 214 déclarations voyage, 38 % annulation, 27 % bagages, "
                            "délai moyen de règlement 21 jours. Fais un graphique en barres.", "claims stats",
        "aggregate")
    add("claims", "vendor", "Modelo de carta de reclamación a la aseguradora:\nD./Dña. [NOMBRE], con DNI [DNI], titular de "
                            "la póliza [Nº]...\n\n¿Puedes mejorar el tono?", "claim template (es)", "placeholder")


def pir():
    p = P("de")
    add("pir", "sensitive", "PIR FRALH%s\nName: %s\nTelefon: %s\nZustelladresse: %s\nInhalt: Insulinpen, Medikamente "
        "(Metformin), Laptop\nBeschreibung: schwarzer Samsonite, rotes Band\n\nDer Koffer ist seit 5 Tagen weg. "
        "Schreib eine dringliche Mail an die Airline." % (V.s(5, DIGITS), p, V.phone("de"), V.addr("de")),
        "pir with medication", "baggage")
    p = P("es")
    add("pir", "sensitive", "Parte de irregularidad de equipaje MADIB%s\nPasajero: %s\nDirección temporal: Hotel "
        "Miramar, hab. 402\nTeléfono: %s\nEmail: %s\n\n¿Cuánto me tienen que pagar por gastos de primera necesidad?" % (
            V.s(5, DIGITS), p, V.phone("es"), V.mail(p)), "pir contact", "baggage")
    add("pir", "vendor", "Meine Gepäckermittlungsnummer ist FRALH%s. WorldTracer sagt 'tracing in progress'. Wie lange "
                         "dauert so etwas normalerweise?" % V.s(5, DIGITS), "pir ref only", "booking_reference")
    add("pir", "vendor", "Convenzione di Montreal: il limite per bagaglio perso è 1.519 DSP. Quanto sono in euro oggi, "
                         "più o meno?", "montreal question (it)", "question")


def visa_letters():
    p = P("de")
    add("visa", "sensitive", "Einladungsschreiben / Letter of invitation\nWir laden Herrn %s, geb. %s, Reisepass Nr. %s, "
        "zur Messe nach Frankfurt ein. Die Kosten für Unterkunft und Reise übernimmt die Firma.\n\nÜbersetze das "
        "bitte ins Englische." % ("Rahul Sharma", V.dob("de"), "Z" + V.s(7, DIGITS)), "invitation letter passport",
        "visa_letter")
    p = P("fr")
    add("visa", "sensitive", "Attestation d'accueil - demande de visa\nJe soussigné(e) %s, demeurant %s, déclare "
        "héberger Mme Amina Diallo, née le %s, passeport n° %s, du 1er au 30 juillet.\n\nEst-ce que la mairie doit "
        "tamponner ce document ?" % (p, V.addr("fr"), V.dob("fr"), "A" + V.s(8, DIGITS)), "attestation d'accueil",
        "visa_letter")
    add("visa", "sensitive", "ビザ申請用 招へい理由書\n招へい人：株式会社北斗物流 代表取締役 %s\n被招へい人：NGUYEN THI HOA、"
        "旅券番号 %s、生年月日 1993年2月14日\n招へい目的：技術研修\n\n理由書をもう少し丁寧な日本語にしてください。" % (
            P("ja"), "C" + V.s(7, DIGITS)), "shouhei riyusho", "visa_letter")
    add("visa", "vendor", "Letter of invitation (template)\nWe hereby invite Mr/Ms [FULL NAME], born [DATE OF BIRTH], "
                          "passport no. [NUMBER], to attend ...\n\nMake it sound more formal.", "invitation template",
        "placeholder")
    add("visa", "vendor", "Welke documenten heb ik nodig voor een Schengenvisum voor mijn schoonmoeder uit Marokko? "
                          "Moet ik een garantverklaring tekenen?", "visa question (nl)", "question")
    add("visa", "vendor", "Ile kosztuje wiza do Indii dla obywatela Polski i czy e-Visa wystarczy na przylot do Goa?",
        "visa question (pl)", "question")


def corporate():
    rows = []
    for lg in ["de", "fr", "pl", "it"]:
        q = P(lg)
        rows.append("%s;%s;%s;%s;%s;%s" % (V.s(6, DIGITS), q, V.dob(lg), V.passport(lg), V.gds_date(2028, 2034),
                                          V.phone(lg, True)))
    add("corporate", "sensitive", "Export Reiseprofile (Concur) für den Wechsel zu Navan\npersonalnr;name;geburtsdatum;"
        "passnr;ablauf;mobil\n%s\n\nWelche Spalten braucht Navan beim Import?" % "\n".join(rows),
        "corporate travel profiles", "corporate_profiles")
    p = P("nl")
    add("corporate", "sensitive", "Van: travel@bedrijf.nl\nAan: reisbureau\nOnderwerp: boeking Singapore\n\nGraag een "
        "ticket voor %s (personeelsnr. 20417), paspoort %s geldig tot 2031, geboren %s. Kosten op creditcard %s "
        "exp %s.\n\nKun je deze mail inkorten?" % (p, V.passport("nl"), V.dob("nl"), V.card(), V.exp()),
        "booking request card passport", "corporate_booking")
    add("corporate", "vendor", "Reiserichtlinie 2026: Economy bis 6 Stunden Flugzeit, Business ab 6 Stunden; Hotels "
                               "max. 160 EUR/Nacht in Deutschland; Bahn 1. Klasse ab 3 Stunden. Fasse die Regeln in "
                               "fünf Stichpunkten zusammen.", "travel policy", "policy_text")
    add("corporate", "vendor", "Egencia report Q1: 412 trips, avg. advance booking 9.3 days, CO2 184 t, top route "
                               "AMS-LHR. Turn this into a slide summary.", "travel report aggregate", "aggregate")
    add("corporate", "vendor", "Notre outil de réservation (SAP Concur) affiche 'Profile incomplete: passport missing'. "
                               "Où l'employé saisit-il son passeport ?", "tool question (fr)", "question")


def rooming():
    rows = []
    for lg in ["it", "it", "es", "de"]:
        q = P(lg)
        rows.append("%s | %s | %s | %s" % (q, V.dob(lg), V.pick(["DBL", "TWN", "SGL"]),
                                          V.pick(["celiachia", "vegano", "allergia ai crostacei (anafilassi)", "-"])))
    add("rooming", "sensitive", "Rooming list gruppo 'Viaggio premio Dealer 2026'\nNome | Data di nascita | Camera | "
        "Note alimentari/mediche\n%s\n\nMandami la versione in inglese per l'hotel a Lisbona." % "\n".join(rows),
        "rooming list dob diet medical", "rooming_list")
    rows = []
    for _ in range(3):
        q = P("pt")
        rows.append("%s, CC %s, NIF %s" % (q, V.s(8, DIGITS) + " " + V.s(1, DIGITS) + " " + V.s(2, UPPER) + V.s(1, DIGITS),
                                          V.pt_nif_personal()))
    add("rooming", "sensitive", "Lista de quartos - excursão Fátima (autocarro 2)\n%s\n\nOrdena por apelido." %
        "\n".join(rows), "rooming list cc nif", "rooming_list")
    add("rooming", "vendor", "Rooming list summary: 42 DBL, 18 TWN, 6 SGL, 2 accessible rooms, arrival 14/05, "
                             "departure 18/05. Hotel asks for final names 21 days prior. When is that deadline?",
        "rooming counts", "aggregate")
    add("rooming", "vendor", "Zimmerliste Vorlage: Nachname | Vorname | Zimmertyp | Anreise | Abreise | Bemerkung\n"
                             "(bitte ausfüllen)\n\nKannst du die Spalten in Excel-Formeln umsetzen?",
        "rooming template", "placeholder")


def cruise():
    rows = []
    for lg in ["de", "en", "fr"]:
        ln, fn = GDSNAME(lg)
        rows.append("%s/%s  %s  %s  %s  cabin %d" % (ln, fn, V.gds_date(), V.country3(lg), V.passport(lg),
                                                    R.randint(8000, 9999)))
    add("cruise", "sensitive", "GUEST MANIFEST - embarkation Kiel\n%s\nMED NOTE cabin %d: dialysis patient, "
        "appointments booked in Oslo and Bergen\n\nCan you format this for the port authority as a table?" % (
            "\n".join(rows), R.randint(8000, 9999)), "cruise manifest med note", "cruise_manifest")
    add("cruise", "vendor", "Itinerario crucero: Barcelona (emb. 17:00) - Marsella - Génova - La Spezia - Civitavecchia - "
                            "Nápoles - Barcelona. ¿En qué puertos conviene contratar excursión?", "itinerary",
        "schedule")
    add("cruise", "vendor", "Crew manifest template (IMO FAL Form 5): family name, given names, rank, nationality, "
                            "date and place of birth, identity document. Which fields are optional in the EU "
                            "Maritime Single Window?", "fal form question", "documentation")


def agents():
    p = P("it")
    add("agents", "sensitive", "Ciao Marta, ecco i dati per il volo di mia madre: %s, nata il %s, passaporto %s, "
        "scadenza 2029. Ha la demenza iniziale, serve assistenza in aeroporto a Fiumicino. Paga con la mia carta %s "
        "scad %s cvv %s.\n\nRiscrivi la mail in modo più ordinato." % (
            p, V.dob("it"), V.passport("it"), V.card(), V.exp(), V.s(3, DIGITS)), "agent email mother",
        "agent_mail")
    p = P("pl")
    add("agents", "sensitive", "[WhatsApp] Biuro Podróży Słońce: Poproszę jeszcze numer dowodu i PESEL do "
        "ubezpieczenia\n[WhatsApp] %s: %s, PESEL %s, a żona %s\n\nPrzetłumacz rozmowę na angielski." % (
            p, V.s(3, UPPER) + V.s(6, DIGITS), V.pl_pesel(), V.pl_pesel()), "whatsapp pesel", "agent_chat")
    p = P("es")
    add("agents", "sensitive", "Chat web agencia:\nCliente: hola, quiero pagar la reserva %s\nAgente: puede darme la "
        "tarjeta?\nCliente: %s caduca %s\nCliente: el titular es %s\n\n¿Cómo debería haber respondido el agente "
        "según PCI?" % (V.locator(), V.card(sep=" "), V.exp(), p), "chat card pci", "agent_chat")
    p = P("fr")
    add("agents", "sensitive", "Bonjour, suite à notre appel : voyage de noces à Bali pour %s et son épouse, budget "
        "9 000 €. Pour l'assurance : son numéro de sécu %s. Elle est enceinte de 5 mois, il faut un certificat "
        "médical de non contre-indication.\n\nFais-moi une proposition d'itinéraire." % (p, V.fr_nir()),
        "agent mail honeymoon pregnancy", "agent_mail")
    p = P("de")
    add("agents", "sensitive", "Hallo Frau Berger, anbei die Daten für die Visaagentur: %s, Reisepass %s, ausgestellt "
        "%s, gültig bis %s, Geburtsort Leipzig. Handy: %s.\n\nBitte kürzen und höflich formulieren." % (
            p, V.passport("de"), V.day("de", 2018, 2022), V.day("de", 2028, 2032), V.phone("de")),
        "agent mail visa agency", "agent_mail")
    add("agents", "sensitive", "お客様対応メモ：%s様（生年月日 %s、携帯 %s）より、ツアー中に転倒し足首骨折との連絡。"
        "現地病院でギプス固定、帰国便は車椅子対応を希望。\n\n保険会社への報告文を作成してください。" % (
            P("ja"), V.dob("ja"), V.phone("ja")), "tour accident memo ja", "agent_mail")
    add("agents", "vendor", "Fare rules KLM economy light: changes not permitted, refunds not permitted, no-show: "
                            "taxes refundable on request. Explain this to a customer in simple Dutch.",
        "fare rules", "fare_rules")
    add("agents", "vendor", "Caro cliente, le confermiamo la prenotazione %s. Volo AZ 1776 Milano Linate - Napoli, "
                            "partenza 07:05. Check-in online da 48 ore prima. Cordiali saluti, Agenzia Viaggi Sole.\n\n"
                            "Traduci in inglese." % V.locator(), "confirmation no pii (it)", "booking_reference")
    add("agents", "vendor", "Cliente pergunta se precisa de visto para ir ao Japão com passaporte português por 10 "
                            "dias. Qual é a resposta correta?", "visa question (pt)", "question")
    add("agents", "vendor", "IATA-Codes: MUC, FRA, BER, HAM, DUS, CGN, STR. ICAO: EDDM, EDDF, EDDB. Mach mir eine "
                            "Zuordnungstabelle.", "iata icao codes", "codes")


def credentials():
    add("creds", "sensitive", "AMADEUS_CLIENT_ID=%s\nAMADEUS_CLIENT_SECRET=%s\nAMADEUS_HOSTNAME=production\n\nMi "
        "token scade ogni 30 minuti, come lo rinnovo in Node?" % (V.s(32, ALNUM_U + "abcdefghijklmnopqrstuvwxyz"),
                                                                   V.s(16, ALNUM_U + "abcdefghijklmnopqrstuvwxyz")),
        "amadeus self-service env", "credential")
    add("creds", "sensitive", "const duffel = new Duffel({ token: 'duffel_live_%s' })\n\nPourquoi offerRequests.create "
        "renvoie 422 ?" % V.s(43, ALNUM_U + "abcdefghijklmnopqrstuvwxyz"), "duffel live token", "credential")
    add("creds", "sensitive", "<SabreSession>\n  <Username>%s</Username>\n  <Password>%s</Password>\n  <PCC>%s</PCC>\n"
        "</SabreSession>\n\n¿Por qué SessionCreateRQ devuelve 'USG_AUTHORIZATION_FAILED'?" % (
            V.s(6, DIGITS), V.password(), V.s(4, ALNUM_U)), "sabre session xml", "credential")
    add("creds", "sensitive", "shippo.api_key = \"shippo_live_%s\"\nrate = shippo.Shipment.create(...)\n\nWaarom krijg "
        "ik alleen USPS-tarieven terug?" % V.s(40, "0123456789abcdef"), "shippo live key", "credential")
    add("creds", "sensitive", "ChannelManager (SiteMinder) SOAP Header:\n<wsse:Username>hotelmiramar_pms</wsse:Username>"
        "\n<wsse:Password>%s</wsse:Password>\n\nPrzy pushu stanów dostaje błąd 'Invalid credentials', dlaczego?" %
        V.password(), "siteminder wsse", "credential")
    add("creds", "sensitive", "OPERA DB: jdbc:oracle:thin:opera/%s@opera-db01.hotel.local:1521/OPERA\n\nWie kann ich "
        "mit DBeaver nur lesend verbinden?" % V.password(), "opera jdbc password", "credential")
    add("creds", "sensitive", "EASYPOST_API_KEY=EZAK%s\n\nラベル作成で 'carrier account not found' になります。" %
        V.s(54, "0123456789abcdef"), "easypost key", "credential")
    add("creds", "sensitive", "sftp manifest upload:\nhost: sftp.apis-gateway.example-airline.com\nuser: "
        "handling_fra\npassword: %s\n\nO cron falha com 'Permission denied (publickey,password)'." % V.password(),
        "sftp apis password", "credential")
    add("creds", "vendor", "AMADEUS_CLIENT_ID=${AMADEUS_CLIENT_ID}\nAMADEUS_CLIENT_SECRET=${AMADEUS_CLIENT_SECRET}\n"
                           "AMADEUS_HOSTNAME=test\n\nIs it fine to keep this .env.example in git?", "env references",
        "env_reference")
    add("creds", "vendor", "const duffel = new Duffel({ token: process.env.DUFFEL_ACCESS_TOKEN })\n\nWie paginiere ich "
                           "durch alle Orders?", "token from env", "env_reference")
    add("creds", "vendor", "<wsse:Username>{{ siteminder_user }}</wsse:Username>\n<wsse:Password>{{ vault('"
                           "siteminder/pass') }}</wsse:Password>\n\nIl template Jinja è corretto?",
        "template vault ref", "env_reference")
    add("creds", "vendor", "Mews Connector API demo environment: ClientToken and AccessToken are listed on the public "
                           "'Environments' page of the docs (demo hotel). Which one goes in the request body?",
        "demo tokens question", "documentation")


def short_chat():
    p = P("de")
    add("short", "sensitive", "pass von %s: %s, gültig bis 2031, geb. %s – reicht das für Thailand?" % (
        p, V.passport("de"), V.dob("de")), "short passport de", "passport")
    p = P("it")
    add("short", "sensitive", "ciao, il numero della patente di %s è %s, scade %s, lo inserisco io nel portale "
        "noleggio?" % (p, V.licence("it"), V.day("it", 2027, 2032)), "short licence it", "licence")
    p = P("nl")
    add("short", "sensitive", "klant %s belt: 06-%s, wil terugbellen over de schadeclaim, is boos" % (
        p, V.s(8, DIGITS)), "short phone nl", "contact")
    p = P("es")
    add("short", "sensitive", "pásame la reserva a nombre de %s, pasaporte %s, nacido %s y cobra con la visa %s" % (
        p, V.passport("es"), V.dob("es"), V.card(sep="")), "short passport card es", "passport_card")
    p = P("pt")
    add("short", "sensitive", "o passageiro %s teve um AVC no voo TP 1351, foi levado para o Hospital de Santa Maria. "
        "Contacto da filha: %s. Escreve o relatório." % (p, V.phone("pt")), "inflight medical pt", "health")
    p = P("pl")
    add("short", "sensitive", "kierowca %s, nr prawa jazdy %s, PESEL %s – wpisz do systemu flotowego" % (
        p, V.licence("pl"), V.pl_pesel()), "short licence pl", "licence")
    add("short", "sensitive", "%s様のパスポート番号 %s、有効期限 2030年3月、これでESTA申請して大丈夫？" % (
        P("ja"), V.passport("ja")), "short passport ja", "passport")
    p = P("fr")
    add("short", "sensitive", "client %s, carte %s exp %s, il veut payer le surclassement par téléphone, je fais "
        "comment ?" % (p, V.card(), V.exp()), "short card fr", "card")
    add("short", "vendor", "flug LH 1234 hat 2h verspätung, steht mir eine entschädigung nach EU 261 zu?",
        "eu261 question", "question")
    add("short", "vendor", "le numéro de vol AF 7712 c'est un vol opéré par HOP ? et le code IATA de l'aéroport de "
                           "Nantes c'est bien NTE ?", "flight codes", "codes")
    add("short", "vendor", "prenotazione %s, posto 14A, si può cambiare?" % V.locator(), "pnr seat it",
        "booking_reference")
    add("short", "vendor", "mój nr karty lojalnościowej Miles & Smiles %s – ile mil za WAW-IST?" % V.s(9, DIGITS),
        "loyalty pl", "loyalty_number")
    add("short", "vendor", "qual o código HS para azeite virgem extra em garrafas de 750 ml?", "hs question pt",
        "question")
    add("short", "vendor", "is een VIN-nummer persoonsgegevens volgens de AVG?", "vin gdpr question",
        "question")


def machine():
    ln, fn = GDSNAME("de")
    add("machine", "sensitive", "<Pax PaxID=\"PAX1\">\n  <PTC>ADT</PTC>\n  <Birthdate>%s</Birthdate>\n  <Individual>\n"
        "    <GivenName>%s</GivenName>\n    <Surname>%s</Surname>\n  </Individual>\n  <IdentityDoc>\n"
        "    <IdentityDocID>%s</IdentityDocID>\n    <IdentityDocTypeCode>PT</IdentityDocTypeCode>\n"
        "    <IssuingCountryCode>DE</IssuingCountryCode>\n  </IdentityDoc>\n  <ContactInfoRefID>CI1</ContactInfoRefID>\n"
        "</Pax>\n\nNDC OrderCreateRQ – warum meldet die Airline 'Invalid IdentityDoc'?" % (
            V._birth().isoformat(), fn.title(), ln.title(), V.passport("de")), "ndc pax xml", "ndc")
    add("machine", "vendor", "<Pax PaxID=\"PAX1\">\n  <PTC>ADT</PTC>\n  <Individual>\n    <GivenName>John</GivenName>\n"
                             "    <Surname>Doe</Surname>\n  </Individual>\n  <IdentityDoc>\n    <IdentityDocID>"
                             "XXXXXXXXX</IdentityDocID>\n  </IdentityDoc>\n</Pax>\n\nThis is from the IATA NDC "
                             "sample messages. What is PTC?", "ndc sample", "specimen")
    p = P("fr")
    add("machine", "sensitive", jd({"reservation": {"id": V.s(10, DIGITS), "hotel_id": V.s(6, DIGITS),
                                    "customer": {"first_name": p.split()[0], "last_name": p.split()[1],
                                                 "telephone": V.phone("fr", True), "email": V.mail(p)},
                                    "customer_cc": {"cc_number": V.card_digits(), "cc_expiration_date": V.exp(),
                                                    "cc_cvc": V.s(3, DIGITS), "cc_name": p.upper()}}}, 2) +
        "\n\nPayload du channel manager : comment je stocke la carte sans être hors PCI ?", "ota reservation card",
        "ota_reservation")
    add("machine", "vendor", jd({"reservation": {"id": "4705550000", "customer": {"first_name": "Test",
                                 "last_name": "Booking", "email": "noreply@example.com"},
                                 "customer_cc": {"cc_number": "4111111111111111", "cc_expiration_date": "12/30",
                                                 "cc_name": "TEST CARD"}}}, 2) +
        "\n\nDas ist die Testbuchung aus der Sandbox-Doku. Welche Felder sind Pflicht?", "ota sandbox test card",
        "test_card")
    add("machine", "vendor", "route_id,agency_id,route_short_name,route_long_name,route_type\nR1,BVG,M10,"
                             "Warschauer Str. - Hauptbahnhof,0\nR2,BVG,100,Zoologischer Garten - Alexanderplatz,3\n\n"
                             "Wie lade ich diese GTFS-Datei in pandas?", "gtfs routes", "schedule")
    p = P("nl")
    add("machine", "sensitive", "INSERT INTO huurcontract (klant, rijbewijs, iban, geboortedatum) VALUES ('%s', '%s', "
        "'%s', '%s');\n\nWaarom faalt deze insert met 'value too long for column rijbewijs'?" % (
            p, V.licence("nl"), V.iban_for("nl", grouped=False), V._birth().isoformat()), "sql insert rental",
        "sql")
    add("machine", "vendor", "CREATE TABLE huurcontract (klant varchar(80), rijbewijs varchar(10), iban varchar(34), "
                             "geboortedatum date);\n\nMoet ik rijbewijs versleutelen in Postgres?", "schema only",
        "schema")
    rows = []
    for _ in range(4):
        q = P("es")
        rows.append("%s\t%s\t%s\t%s" % (q, V.es_dni(), V.phone("es"), V.pick(["Tenerife Sur", "Lanzarote", "Fuerteventura"])))
    add("machine", "sensitive", "Traslados aeropuerto (copiado de Excel):\nNombre\tDNI\tMóvil\tAeropuerto\n%s\n\n"
        "Agrupa por aeropuerto." % "\n".join(rows), "transfer sheet", "sheet")
    add("machine", "vendor", "Aeropuerto\tLlegadas\tPax\nTenerife Sur\t38\t6.120\nLanzarote\t22\t3.410\nFuerteventura"
                             "\t17\t2.780\n\nCalcula la media de pasajeros por vuelo.", "airport aggregate sheet",
        "aggregate")


def ocr():
    p = P("it")
    ln, fn = p.split()[1].upper(), p.split()[0].upper()
    mrz = "P<ITA%s<<%s%s\n%s<ITA%s%s%s<<<<<<<<<<<<<<0" % (ln, fn, "<" * (39 - len(ln) - len(fn)), V.passport("it"),
                                                          V._birth().strftime("%y%m%d"), "7F",
                                                          V._birth(2029, 2033).strftime("%y%m%d") + "3")
    add("ocr", "sensitive", "Scansione passaporto dal check-in (OCR):\nREPUBBLICA ITALIANA  PASSAPORTO\nCognome %s  "
        "Nome %s\n%s\n\nIl software non legge la seconda riga. Cosa c'è che non va?" % (ln, fn, mrz),
        "passport ocr mrz", "mrz")
    add("ocr", "vendor", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n\n"
                         "This is the ICAO 9303 specimen. Walk me through the check digits.", "icao specimen mrz",
        "specimen")
    p = P("de")
    add("ocr", "sensitive", "OCR Führerschein (Rückseite unscharf):\n1. %s\n2. %s\n3. %s MÜNCHEN\n4a. %s  4c. "
        "Landratsamt\n5. %s\n9. AM/B/L\n\nKannst du die Felder in JSON übernehmen?" % (
            p.split()[1].upper(), p.split()[0], V.dob("de"), V.day("de", 2015, 2020), V.licence("de")),
        "licence ocr", "licence")
    p = P("fr")
    add("ocr", "sensitive", "[photo du constat amiable, texte reconnu]\nVéhicule A  Assuré : %s  Tél %s\nPermis "
        "n° %s\nBlessé(s) même léger(s) : OUI - passagère, douleur cervicale\nObservations : choc à l'arrière\n\n"
        "Aide-moi à remplir la partie B." % (p, V.phone("fr"), V.licence("fr")), "constat amiable ocr",
        "motor_claim")
    add("ocr", "vendor", "[OCR Gepäckanhänger]\nLH 0400  FRA ▶ JFK\n0220 LH 123456\nBAG 1/2  14MAR\n\nWas ist die "
                         "10-stellige Nummer auf dem Anhänger?", "bag tag ocr", "tracking_number")


def health_fit():
    p = P("de")
    add("health", "sensitive", "Ärztliche Flugtauglichkeitsbescheinigung\nPatient: %s, geb. %s\nDiagnose: Z.n. "
        "Herzinfarkt vor 3 Wochen, Stent\nFlugtauglich ab: %s, mit Begleitperson\nDr. med. %s\n\nReicht das der "
        "Lufthansa als MEDIF?" % (p, V.dob("de"), V.day("de"), P("de")), "fit to fly cert", "medical_certificate")
    p = P("pl")
    add("health", "sensitive", "Zaświadczenie lekarskie dla linii lotniczej: pacjentka %s, ur. %s, ciąża 31 tydzień, "
        "przebieg prawidłowy, brak przeciwwskazań do lotu.\n\nPrzetłumacz na angielski." % (p, V.dob("pl")),
        "pregnancy flight cert", "medical_certificate")
    p = P("nl")
    add("health", "sensitive", "Reisverzekering alarmcentrale, dossier %s: verzekerde %s (geb. %s) opgenomen in "
        "ziekenhuis in Antalya, diagnose longembolie, repatriëring per ambulancevlucht. Contact partner: %s.\n\n"
        "Vat samen voor de medisch adviseur." % (V.s(7, DIGITS), p, V.dob("nl"), V.phone("nl")),
        "assistance repatriation", "travel_claim")
    add("health", "vendor", "Welke vaccinaties zijn verplicht voor Tanzania en heb ik een gele-koortsbewijs nodig als "
                            "ik via Nairobi reis?", "vaccination question", "question")
    add("health", "vendor", "IATA Medical Manual: passengers with a myocardial infarction may fly 3 to 10 days after "
                            "an uncomplicated event. Summarize the table for cabin crew training.",
        "medical manual", "documentation")


def more_lookalikes():
    add("lookalike", "vendor", "Tessera EHIC: il numero di identificazione personale è il codice fiscale. Dove lo "
                               "trovo sulla tessera sanitaria?", "ehic question (it)", "question")
    add("lookalike", "vendor", "Mautbeleg Toll Collect, Kennzeichen HH-TX 481, Strecke A1 Bremen-Hamburg, 118 km, "
                               "Betrag 41,30 EUR. Wie buche ich das in DATEV?", "toll receipt company truck",
        "plate")
    add("lookalike", "vendor", "Numéro de TVA intracommunautaire de notre transporteur : FR%s%s. Comment vérifier "
                               "sur VIES ?" % (V.s(2, DIGITS), V.fr_siren()), "company vat fr", "company_ids")
    add("lookalike", "vendor", "Partita IVA dello spedizioniere %s, EORI IT%s. Sono lo stesso numero?" % (
        V.it_vat(), V.it_vat()), "piva eori it", "company_ids")
    add("lookalike", "vendor", "NIP przewoźnika %s, REGON %s – czy mogę to wpisać w CMR w polu 16?" % (
        V.pl_nip(), V.pl_regon()), "nip regon carrier", "company_ids")
    add("lookalike", "vendor", "sha256 of the APIS file: %s. The airline says the checksum does not match, what "
                               "could change the file in transit?" % V.sha256(), "checksum", "hash")
    add("lookalike", "vendor", "Booking.com Extranet: Gastname 'Guest 4821' (anonymisiert), E-Mail "
                               "gxyz1234@guest.booking.com. Wie erreiche ich den Gast?", "proxy email", "masked")
    add("lookalike", "vendor", "Carte bancaire enregistrée : **** **** **** 4417, exp **/**. Le client veut changer de "
                               "carte, que dois-je faire dans le PMS ?", "masked card fr", "masked")
    add("lookalike", "vendor", "Flight schedule W26: LH 1822 MUC-BCN 07:10-09:15 daily; LH 1826 MUC-BCN 13:35-15:40 "
                               "x6; EW 9580 STR-BCN 10:05-12:05 1234567. Convert to a table.", "schedule",
        "schedule")
    add("lookalike", "vendor", "Numer polisy %s, numer szkody %s – dlaczego ubezpieczyciel pyta o fakturę VAT za "
                               "holowanie?" % (V.s(12, DIGITS), V.s(8, DIGITS)), "policy claim numbers (pl)",
        "claim_number")
    add("lookalike", "vendor", "保険証券番号 %s、事故受付番号 %s です。ロードサービスの利用回数に制限はありますか？" % (
        V.s(10, DIGITS), V.s(8, DIGITS)), "jp policy numbers", "policy_number")
    add("lookalike", "vendor", "Cruise booking %s, cabin 9214, deck 9. Can I upgrade to a balcony on board?" %
        V.s(7, DIGITS), "cruise booking ref", "booking_reference")
    add("lookalike", "vendor", "Código de reserva Vueling %s. Quiero añadir una maleta facturada de 23 kg, ¿sale más "
                               "barato en la web o en el aeropuerto?" % V.locator(), "vueling ref",
        "booking_reference")
    add("lookalike", "vendor", "Mijn klantnummer bij Sixt is %s en ik wil mijn facturen als pdf. Waar vind ik die?" %
        V.s(9, DIGITS), "rental customer number", "loyalty_number")


def extra_sensitive():
    p = P("de")
    add("extra", "sensitive", "Apaleo Rückerstattung: Gast %s hat die Buchung storniert, Erstattung 312,00 EUR auf "
        "IBAN %s (Kontoinhaber abweichend: %s). Kannst du die Mail an die Buchhaltung schreiben?" % (
            p, V.iban_for("de"), P("de")), "refund iban", "refund_bank")
    p = P("it")
    add("extra", "sensitive", "Oggetti smarriti camera 208: confezione di Depakin 500 mg e referto neurologico "
        "intestato a %s. Recapito lasciato al check-in: %s, %s.\n\nScrivi all'ospite per la spedizione." % (
            p, V.phone("it"), V.mail(p)), "lost and found medication", "lost_found")
    add("extra", "sensitive", "レンタカー貸渡証\n借受人：%s\n国際運転免許証：発行国 ドイツ、番号 %s\n旅券番号：%s\n"
        "連絡先：%s\n\n英語で同じ内容の確認書を作ってください。" % (
            "Florian Becker", V.licence("de"), V.passport("de"), V.phone("de", True)), "jp rental idp",
        "rental_agreement")
    p = P("pt")
    add("extra", "sensitive", "Registo de motorista TVDE\nNome: %s\nCarta de condução: %s\nCertificado TVDE: %s\n"
        "IBAN para pagamentos: %s\nNIF: %s\n\nFalta algum documento para o IMT?" % (
            p, V.licence("pt"), V.s(5, DIGITS), V.iban_for("pt"), V.pt_nif_personal()), "tvde driver onboarding",
        "driver_onboarding")
    p = P("es")
    add("extra", "sensitive", "Indemnización por retraso de equipaje: 150 € a favor de %s, cuenta %s, referencia "
        "de expediente %s.\n\nRedacta la carta de pago." % (p, V.iban_for("es"), V.s(8, DIGITS)),
        "baggage delay payout", "refund_bank")
    p = P("it")
    add("extra", "sensitive", "Segnalazione incidente in hotel: la signora %s (tel. %s) è scivolata sul bordo "
        "piscina, trauma cranico lieve, trasportata al PS di Rimini. Testimone: %s.\n\nPrepara la comunicazione "
        "per la compagnia assicurativa RC." % (p, V.phone("it"), P("it")), "hotel slip injury", "incident_health")
    p = P("nl")
    add("extra", "sensitive", "Borg terugstorten camper: %s, IBAN %s, t.n.v. %s. Schade aan luifel 180 euro "
        "ingehouden.\n\nKun je de afrekening netjes opschrijven?" % (V.s(6, DIGITS), V.iban_for("nl"), p),
        "camper deposit refund", "refund_bank")
    rows = []
    for _ in range(3):
        q = P("en")
        rows.append("%s, %s, GBR, passport %s, exp %s" % (q, V.dob("en"), V.passport("en"), V.day("en", 2028, 2034)))
    add("extra", "sensitive", "Ferry passenger list Portsmouth-Caen, sailing 08:15:\n%s\n\nBrittany Ferries wants "
        "this as CSV. Can you convert it?" % "\n".join(rows), "ferry passenger list en", "ferry_booking")
    rows = []
    for _ in range(3):
        q = P("fr")
        rows.append("- %s, né le %s, passeport %s" % (q, V.dob("fr"), V.passport("fr")))
    add("extra", "sensitive", "Vol charter équipe U19 Lyon -> Zagreb\n%s\n\nMets la liste au format demandé par "
        "la compagnie (NOM/PRENOM)." % "\n".join(rows), "charter team list fr", "charter_list")
    p = P("de")
    add("extra", "sensitive", "Spa-Anamnesebogen\nGast: %s, Zimmer 118\nSchwanger: nein  Bluthochdruck: ja  "
        "Herzschrittmacher: ja\nMedikamente: Marcumar\nHandy: %s\n\nWelche Behandlungen dürfen wir ihr anbieten?" % (
            p, V.phone("de")), "spa health questionnaire", "health_form")
    p = P("es")
    add("extra", "sensitive", "Resumen solicitud visado Schengen\nSolicitante: %s\nPasaporte: %s\nFecha de "
        "nacimiento: %s\nEmpleador: Construcciones Nervión S.L., salario 2.150 €/mes\nCuenta: %s\n\n¿Falta algo "
        "para el consulado?" % (p, V.passport("es"), V.dob("es"), V.iban_for("es")), "schengen application",
        "visa_letter")
    p = P("pt")
    add("extra", "sensitive", "Contrato de arrendamento de curta duração (AL)\nProprietário: %s, NIF %s, IBAN %s\n"
        "Hóspede: %s, passaporte %s\n\nRevê a cláusula de caução." % (
            p, V.pt_nif_personal(), V.iban_for("pt"), P("de"), V.passport("de")), "holiday rental contract",
        "rental_contract")
    p = P("pl")
    add("extra", "sensitive", "Zgłoszenie PRM (asysta na lotnisku): pasażer %s, WCHC, stwardnienie rozsiane, "
        "opiekun %s tel. %s, lot LO 379 WAW-BRU.\n\nNapisz wiadomość do handlingu." % (
            p, P("pl"), V.phone("pl")), "prm request ms", "pnr_health")
    p = P("nl")
    add("extra", "sensitive", "Klacht chauffeur rit 5521: passagier %s (tel. %s) was agressief en dronken, politie "
        "ingeschakeld, proces-verbaal nr. PL%s.\n\nSchrijf een intern incidentrapport." % (
            p, V.phone("nl"), V.s(10, DIGITS)), "taxi incident police", "dispatch_log")
    add("extra", "sensitive", "ツアー緊急連絡先一覧\n添乗員 %s %s\n参加者 %s 緊急連絡先 %s（妻）\n参加者 %s 持病：糖尿病、"
        "インスリン使用\n\n英語に翻訳して現地ガイドに送ります。" % (
            P("ja"), V.phone("ja"), P("ja"), V.phone("ja"), P("ja")), "tour emergency list", "agent_mail")
    add("extra", "sensitive", "OHIP_CLIENT_ID=%s_Client\nOHIP_CLIENT_SECRET=%s\nOHIP_APP_KEY=%s\n\nOracle "
        "Hospitality token endpoint returns invalid_client, which value is wrong?" % (
            V.s(6, UPPER), V.s(36, ALNUM_U.lower() + "-"), V.uuid()), "ohip client secret", "credential")
    add("extra", "sensitive", "aftership:\n  api_key: asat_%s\n  webhook_secret: %s\n\nPor qué no llegan los "
        "webhooks de entrega?" % (V.s(32, "0123456789abcdef"), V.s(32, ALNUM_U)), "aftership key", "credential")
    add("extra", "sensitive", "curl -u %s:%s https://express.api.dhl.com/mydhlapi/shipments -d @shipment.json\n\n"
        "Dostaję 401, czy to problem z kontem testowym?" % ("apT" + V.s(10, ALNUM_U.lower()), V.s(16, ALNUM_U)),
        "dhl basic auth curl", "credential")
    add("extra", "sensitive", "BOOKING_ENGINE_STRIPE_KEY=sk_live_%s\n\nPerché i pagamenti 3DS falliscono solo con "
        "carte italiane?" % V.s(99, ALNUM_U + "abcdefghijklmnopqrstuvwxyz")[:99], "stripe live booking engine",
        "credential")
    add("extra", "sensitive", "TWILIO_ACCOUNT_SID=AC%s\nTWILIO_AUTH_TOKEN=%s\n# SMS an Fahrer bei neuer Tour\n\n"
        "Warum kommen die SMS in Polen nicht an?" % (V.s(32, "0123456789abcdef"), V.s(32, "0123456789abcdef")),
        "twilio auth token", "credential")


pnr()
eticket()
bcbp()
apis()
ffp()
hotel()
checkin()
rental()
rail_ferry()
dispatch()
courier()
customs()
shipping_docs()
telematics()
claims()
pir()
visa_letters()
corporate()
rooming()
cruise()
agents()
credentials()
short_chat()
machine()
ocr()
health_fit()
more_lookalikes()
extra_sensitive()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout20.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
