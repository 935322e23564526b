#!/usr/bin/env python3
"""Writes the eighth held-out split (tests/corpus/holdout8/holdout8.jsonl), written for issue 17 after
the third round of fixes and before the fourth, and run once as written. Styles and languages not
used before: Swedish, Danish, Norwegian and Finnish text; Czech, Romanian, Greek and Turkish text
(national identifiers with their check digits, IBANs, phones, health notes); source-code diffs and
code-review comments; JSON log lines of cloud platforms (AWS CloudTrail, GCP Cloud Logging, Azure
activity logs); SQL dumps of customer tables; WhatsApp chat exports; PDF-to-text output of invoices
and payslips; markdown wiki pages; base64 and percent-encoded payloads inside other formats.
Labeled by what may leave the company: credentials, card and bank numbers of people, personal
national identifiers, a person's contact details, a named person's health or pay stay inside.
Look-alikes are vendor: company registration and VAT numbers (with valid check digits), masked,
redacted and templated values, documentation keys, product and order numbers, leaflets, blank forms.
Run: python3 tests/corpus/holdout8/generate_holdout8.py"""

import base64
import json
import os
import string
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_eu import EuValues  # noqa

DIGITS = string.digits
UPPER = string.ascii_uppercase


class NordicValues(EuValues):
    """Identifiers of the Nordic, Czech, Romanian, Greek and Turkish systems, with valid checks."""

    def _dmy(self, y0=1950, y1=2003):
        return self.r.randint(1, 28), self.r.randint(1, 12), self.r.randint(y0, y1)

    def se_personnummer(self):
        d, m, y = self._dmy()
        while True:
            body = "%02d%02d%02d%03d" % (y % 100, m, d, self.r.randint(1, 999))
            for c in DIGITS:
                if self.luhn_ok(body + c):
                    s = body + c
                    return self.pick(["%s-%s" % (s[:6], s[6:]), "%d%s-%s" % (y // 100, s[:6], s[6:]),
                                      "%d%s" % (y // 100, s)])

    def se_orgnr(self):
        while True:
            body = self.pick(["55", "556", "559", "802", "716"]) + self.s(9, DIGITS)
            body = body[:9]
            if int(body[2]) < 2:
                continue
            for c in DIGITS:
                if self.luhn_ok(body + c):
                    s = body + c
                    return "%s-%s" % (s[:6], s[6:])

    def dk_cpr(self):
        while True:
            d, m, y = self._dmy()
            body = "%02d%02d%02d%03d" % (d, m, y % 100, self.r.randint(0, 999))
            w = [4, 3, 2, 7, 6, 5, 4, 3, 2]
            r = sum(int(a) * b for a, b in zip(body, w)) % 11
            c = (11 - r) % 11
            if c == 10:
                continue
            s = body + str(c)
            return self.pick(["%s-%s" % (s[:6], s[6:]), s])

    def dk_cvr(self):
        while True:
            body = str(self.r.randint(1, 9)) + self.s(6, DIGITS)
            w = [2, 7, 6, 5, 4, 3, 2]
            c = (11 - sum(int(a) * b for a, b in zip(body, w)) % 11) % 11
            if c < 10:
                return body + str(c)

    def fi_hetu(self):
        d, m, y = self._dmy(1950, 2005)
        sep = "-" if y < 2000 else "A"
        n = "%03d" % self.r.randint(2, 899)
        num = int("%02d%02d%02d%s" % (d, m, y % 100, n))
        return "%02d%02d%02d%s%s%s" % (d, m, y % 100, sep, n, "0123456789ABCDEFHJKLMNPRSTUVWXY"[num % 31])

    def fi_ytunnus(self):
        while True:
            body = self.s(7, DIGITS)
            r = sum(int(a) * b for a, b in zip(body, [7, 9, 10, 5, 8, 4, 2])) % 11
            if r == 1:
                continue
            return "%s-%d" % (body, 0 if r == 0 else 11 - r)

    def no_fnr(self):
        while True:
            d, m, y = self._dmy()
            b = "%02d%02d%02d%03d" % (d, m, y % 100, self.r.randint(0, 499))
            k1 = 11 - sum(int(a) * w for a, w in zip(b, [3, 7, 6, 1, 8, 9, 4, 5, 2])) % 11
            k1 = 0 if k1 == 11 else k1
            if k1 == 10:
                continue
            b += str(k1)
            k2 = 11 - sum(int(a) * w for a, w in zip(b, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11
            k2 = 0 if k2 == 11 else k2
            if k2 == 10:
                continue
            b += str(k2)
            return self.pick([b, b[:6] + " " + b[6:]])

    def no_orgnr(self):
        while True:
            body = self.pick(["8", "9"]) + self.s(7, DIGITS)
            c = 11 - sum(int(a) * w for a, w in zip(body, [3, 2, 7, 6, 5, 4, 3, 2])) % 11
            c = 0 if c == 11 else c
            if c < 10:
                s = body + str(c)
                return self.pick([s, "%s %s %s" % (s[:3], s[3:6], s[6:])])

    def cz_rodne_cislo(self):
        while True:
            d, m, y = self._dmy(1954, 2003)
            m += self.pick([0, 50])
            body = "%02d%02d%02d%03d" % (y % 100, m, d, self.r.randint(0, 999))
            c = int(body) % 11
            if c == 10:
                continue
            return "%s/%s%d" % (body[:6], body[6:], c)

    def cz_ico(self):
        while True:
            body = self.s(7, DIGITS)
            r = sum(int(a) * w for a, w in zip(body, [8, 7, 6, 5, 4, 3, 2])) % 11
            c = (11 - r) % 10
            return body + str(c)

    def ro_cnp(self):
        d, m, y = self._dmy(1950, 1999)
        body = "%d%02d%02d%02d%02d%03d" % (self.pick([1, 2]), y % 100, m, d, self.r.randint(1, 46),
                                          self.r.randint(1, 999))
        c = sum(int(a) * int(w) for a, w in zip(body, "279146358279")) % 11
        return body + str(1 if c == 10 else c)

    def ro_cui(self):
        body = str(self.r.randint(1000000, 49999999))
        key = "753217532"[-len(body):]
        c = sum(int(a) * int(w) for a, w in zip(body, key)) * 10 % 11
        return body + str(0 if c == 10 else c)

    def gr_amka(self):
        d, m, y = self._dmy()
        body = "%02d%02d%02d%04d" % (d, m, y % 100, self.r.randint(0, 9999))
        for c in DIGITS:
            if self.luhn_ok(body + c):
                return body + c

    def gr_afm_company(self):
        while True:
            body = self.pick(["09", "08", "99", "80"]) + self.s(6, DIGITS)
            c = sum(int(a) * 2 ** (8 - i) for i, a in enumerate(body)) % 11 % 10
            return body + str(c)

    def tr_tckn(self):
        d = [self.r.randint(1, 9)] + [self.r.randint(0, 9) for _ in range(8)]
        d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
        d11 = (sum(d) + d10) % 10
        return "".join(map(str, d + [d10, d11]))

    def tr_vkn(self):
        d = [self.r.randint(0, 9) for _ in range(9)]
        total = 0
        for i, x in enumerate(d):
            t = (x + 9 - i) % 10
            v = (t * 2 ** (9 - i)) % 9
            if t != 0 and v == 0:
                v = 9
            total += v
        return "".join(map(str, d)) + str((10 - total % 10) % 10)

    IBAN8 = {"SE": (24, "n"), "DK": (18, "n"), "NO": (15, "n"), "FI": (18, "n"), "CZ": (24, "n"),
             "RO": (24, "ro"), "GR": (27, "n"), "TR": (26, "tr")}

    def iban8(self, cc, valid=True, grouped=None):
        length, fmt = self.IBAN8[cc]
        n = length - 4
        if fmt == "ro":
            bban = self.s(4, UPPER) + self.s(n - 4, DIGITS)
        elif fmt == "tr":
            bban = self.s(5, DIGITS) + "0" + self.s(n - 6, DIGITS)
        else:
            bban = self.s(n, DIGITS)
        numeric = "".join(str(int(c, 36)) for c in bban + cc + "00")
        check = 98 - int(numeric) % 97
        if not valid:
            check = (check + self.r.randint(1, 90)) % 97 + 2
        iban = "%s%02d%s" % (cc, check, bban)
        grouped = self.r.random() < 0.6 if grouped is None else grouped
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if grouped else iban

    def phone8(self, cc, intl=None):
        d = lambda n: self.s(n, DIGITS)
        intl = self.r.random() < 0.5 if intl is None else intl
        nat = {"SE": lambda: "07%s-%s %s %s" % (self.pick("02369"), d(3), d(2), d(2)),
               "DK": lambda: "%d%s %s %s %s" % (self.r.randint(2, 9), d(1), d(2), d(2), d(2)),
               "NO": lambda: "%d%s %s %s" % (self.pick([4, 9]), d(2), d(2), d(3)),
               "FI": lambda: "04%s %s %s" % (self.pick("0456"), d(3), d(4)),
               "CZ": lambda: "%d%s %s %s" % (self.pick([6, 7]), d(2), d(3), d(3)),
               "RO": lambda: "07%s %s %s" % (d(2), d(3), d(3)),
               "GR": lambda: "69%s %s %s" % (d(1), d(3), d(4)),
               "TR": lambda: "05%s %s %s %s" % (d(2), d(3), d(2), d(2))}[cc]()
        if not intl:
            return nat
        code = {"SE": "46", "DK": "45", "NO": "47", "FI": "358", "CZ": "420", "RO": "40", "GR": "30",
                "TR": "90"}[cc]
        if nat.startswith("0"):
            nat = nat[1:]
        return "+%s %s" % (code, nat.replace("-", " "))


V = NordicValues(20261220)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout8-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


NAMES8 = {
    "sv": (["Erik", "Anna", "Lars", "Karin", "Johan", "Elin", "Nils", "Maja"], ["Andersson", "Johansson", "Lindqvist", "Nyström", "Bergström", "Holm"]),
    "da": (["Mads", "Sofie", "Rasmus", "Mette", "Frederik", "Ida", "Søren"], ["Nielsen", "Jensen", "Hansen", "Pedersen", "Christensen", "Sørensen"]),
    "no": (["Ola", "Ingrid", "Magnus", "Kari", "Henrik", "Silje", "Bjørn"], ["Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen"]),
    "fi": (["Mikko", "Aino", "Juha", "Laura", "Antti", "Sanna", "Ville"], ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Laine", "Heikkinen"]),
    "cs": (["Jan", "Petra", "Tomáš", "Lucie", "Martin", "Tereza", "Jiří"], ["Novák", "Svobodová", "Dvořák", "Černá", "Procházka", "Kučerová"]),
    "ro": (["Andrei", "Ioana", "Mihai", "Elena", "Alexandru", "Maria", "Cristian"], ["Popescu", "Ionescu", "Dumitru", "Stan", "Constantinescu", "Georgescu"]),
    "el": (["Γιώργος", "Μαρία", "Νίκος", "Ελένη", "Δημήτρης", "Κατερίνα"], ["Παπαδόπουλος", "Παπαδοπούλου", "Νικολάου", "Γεωργίου", "Οικονόμου"]),
    "tr": (["Mehmet", "Ayşe", "Mustafa", "Fatma", "Emre", "Zeynep", "Burak"], ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk"]),
}


def person(lang):
    f, l = NAMES8[lang]
    return R.choice(f) + " " + R.choice(l)


def dmy(sep="."):
    return "%02d%s%02d%s%d" % (R.randint(1, 28), sep, R.randint(1, 12), sep, R.choice([2025, 2026]))


# ------------------------------------------------------------------ Nordic (sv/da/no/fi)
NORDIC = ["sv", "da", "no", "fi"]
CC = {"sv": "SE", "da": "DK", "no": "NO", "fi": "FI", "cs": "CZ", "ro": "RO", "el": "GR", "tr": "TR"}


def national_id(lang):
    return {"sv": V.se_personnummer, "da": V.dk_cpr, "no": V.no_fnr, "fi": V.fi_hetu, "cs": V.cz_rodne_cislo,
            "ro": V.ro_cnp, "el": V.gr_amka, "tr": V.tr_tckn}[lang]()


ID_TEXT = {
    "sv": "Hej! Jag har fyllt i anställningsblanketten för %s. Personnummer: %s. Kan du lägga in det i lönesystemet?",
    "da": "Hej, her er oplysningerne til lønsedlen for %s: CPR-nr. %s. Husk at oprette vedkommende i lønsystemet.",
    "no": "Ny ansatt: %s, fødselsnummer %s. Kan du registrere henne i lønnssystemet før fredag?",
    "fi": "Uuden työntekijän tiedot: %s, henkilötunnus %s. Lisäätkö hänet palkanlaskentaan?",
    "cs": "Dobrý den, posílám údaje nového zaměstnance: %s, rodné číslo %s. Prosím o založení v mzdovém systému.",
    "ro": "Bună ziua, datele noului angajat: %s, CNP %s. Vă rog să-l introduceți în sistemul de salarizare.",
    "el": "Καλησπέρα, στοιχεία νέου υπαλλήλου: %s, ΑΜΚΑ %s. Παρακαλώ καταχωρίστε τον στη μισθοδοσία.",
    "tr": "Merhaba, yeni çalışanın bilgileri: %s, T.C. Kimlik No: %s. Bordro sistemine ekler misiniz?",
}
IBAN_TEXT = {
    "sv": "Lönen för %s ska betalas till kontot %s från och med nästa månad.",
    "da": "%s har fået ny bankkonto, lønnen skal fremover overføres til %s.",
    "no": "Utlegget til %s refunderes til konto %s.",
    "fi": "%s pyysi, että kulukorvaus maksetaan tilille %s.",
    "cs": "Mzdu pro %s prosím posílejte na účet %s.",
    "ro": "Salariul pentru %s se virează în contul %s.",
    "el": "Η μισθοδοσία του/της %s να κατατίθεται στον λογαριασμό %s.",
    "tr": "%s maaşının yatırılacağı hesap: %s",
}
PHONE_TEXT = {
    "sv": "Kunden %s vill bli uppringd i eftermiddag på %s angående fakturan.",
    "da": "Ring venligst tilbage til %s på %s vedrørende reklamationen.",
    "no": "%s ba om å bli ringt opp på %s om leveransen.",
    "fi": "Asiakas %s pyytää soittoa numeroon %s huomenna.",
    "cs": "Zákazník %s prosí o zavolání zpět na číslo %s.",
    "ro": "Clientul %s vrea să fie sunat înapoi la %s.",
    "el": "Ο πελάτης %s ζήτησε να τον καλέσουμε στο %s.",
    "tr": "Müşteri %s, %s numarasından geri aranmak istiyor.",
}
HEALTH_TEXT = {
    "sv": "Till chefen: %s är sjukskriven på heltid i sex veckor för utmattningssyndrom enligt läkarintyget.",
    "da": "Til HR: %s er sygemeldt med en depression og forventer at være væk resten af måneden.",
    "no": "%s er sykmeldt etter en hjerteoperasjon og har fått diagnosen hjertesvikt.",
    "fi": "%s on sairauslomalla masennuksen vuoksi, lääkärintodistus on toimitettu esihenkilölle.",
    "cs": "%s je v pracovní neschopnosti, lékař mu diagnostikoval rakovinu tlustého střeva.",
    "ro": "Colega noastră %s este în concediu medical, a fost diagnosticată cu cancer de sân.",
    "el": "Ο συνάδελφος %s είναι σε αναρρωτική άδεια, διαγνώστηκε με κατάθλιψη.",
    "tr": "%s raporlu, doktor kendisine panik bozukluk teşhisi koydu; iki hafta işe gelmeyecek.",
}
COMPANY_TEXT = {
    "sv": lambda: "Faktura från Nordkraft AB, organisationsnummer %s, momsregistreringsnummer SE%s01. Betalningsvillkor 30 dagar." % ((lambda o: (o, o.replace("-", "")))(V.se_orgnr())),
    "da": lambda: (lambda c: "Leverandør: Havbryg ApS, CVR-nr. %s, momsnummer DK%s. Ordren leveres uge 12." % (c, c))(V.dk_cvr()),
    "no": lambda: (lambda o: "Fjordtech AS, org.nr. %s MVA, Storgata 12, 0155 Oslo. Kundeservice åpen 8-16." % o)(V.no_orgnr()),
    "fi": lambda: (lambda y: "Toimittaja: Saimaan Puu Oy, Y-tunnus %s, ALV-numero FI%s." % (y, y.replace("-", "")))(V.fi_ytunnus()),
    "cs": lambda: (lambda i: "Dodavatel: Vltava Systems s.r.o., IČO %s, DIČ CZ%s, zapsaná v obchodním rejstříku." % (i, i))(V.cz_ico()),
    "ro": lambda: (lambda c: "Furnizor: Carpați Soft SRL, CUI RO%s, Nr. Reg. Com. J40/%d/2019." % (c, R.randint(1000, 19999)))(V.ro_cui()),
    "el": lambda: (lambda a: "Προμηθευτής: Αιγαίο Λογισμικό Α.Ε., ΑΦΜ %s, ΔΟΥ ΦΑΕ Αθηνών." % a)(V.gr_afm_company()),
    "tr": lambda: (lambda v: "Satıcı: Anadolu Yazılım A.Ş., Vergi Dairesi: Kozyatağı, Vergi No: %s, Mersis No: 0%s0001%d" % (v, v[:9], R.randint(10, 99)))(V.tr_vkn()),
}
LEAFLET_TEXT = {
    "sv": "Utmattningssyndrom: vanliga symtom är trötthet, sömnproblem och koncentrationssvårigheter. Prata med vårdcentralen om du känner igen dig.",
    "da": "Depression kan behandles. Kontakt din egen læge, hvis du har været nedtrykt i mere end to uger.",
    "no": "Hjertesvikt: slik kan du leve godt med sykdommen. Råd om kosthold, trening og medisiner.",
    "fi": "Masennus on yleinen sairaus. Hoitona käytetään lääkkeitä ja psykoterapiaa.",
    "cs": "Rakovina tlustého střeva: prevence a screening. Od 50 let máte nárok na test okultního krvácení.",
    "ro": "Cancerul de sân: autoexaminarea lunară și mamografia pot salva vieți.",
    "el": "Η κατάθλιψη αντιμετωπίζεται. Μιλήστε με τον γιατρό σας αν νιώθετε θλίψη για πάνω από δύο εβδομάδες.",
    "tr": "Panik bozukluk nedir? Belirtiler, tedavi seçenekleri ve ne zaman doktora başvurmalı.",
}
TEMPLATE_TEXT = {
    "sv": "ANSTÄLLNINGSBLANKETT\nNamn: ____________\nPersonnummer: ÅÅÅÅMMDD-XXXX\nClearing- och kontonummer: ____________",
    "da": "PERSONALEBLANKET\nNavn: [navn]\nCPR-nr.: DDMMÅÅ-XXXX\nReg.nr. og kontonr.: [konto]",
    "no": "PERSONALSKJEMA\nNavn: <navn>\nFødselsnummer (11 siffer): ___________\nKontonummer: ____.__._____",
    "fi": "HENKILÖTIETOLOMAKE\nNimi: __________\nHenkilötunnus: PPKKVV-XXXX\nTilinumero (IBAN): FI__ ____ ____ ____ __",
    "cs": "OSOBNÍ DOTAZNÍK\nJméno a příjmení: ________\nRodné číslo: ______/____\nČíslo účtu: ________",
    "ro": "FIȘĂ ANGAJAT\nNume și prenume: __________\nCNP: _____________\nIBAN: RO__ ____ ____ ____ ____ ____",
    "el": "ΑΙΤΗΣΗ ΠΡΟΣΛΗΨΗΣ\nΟνοματεπώνυμο: ________\nΑΜΚΑ: ___________\nIBAN: GR__ ____ ____ ____ ____ ____ ___",
    "tr": "PERSONEL BİLGİ FORMU\nAdı Soyadı: ________\nT.C. Kimlik No: ___________\nIBAN: TR__ ____ ____ ____ ____ ____ __",
}

for lang in NORDIC + ["cs", "ro", "el", "tr"]:
    cat = "nordic" if lang in NORDIC else "cee"
    add(cat, "sensitive", ID_TEXT[lang] % (person(lang), national_id(lang)), "%s national identifier of an employee" % lang, "national_id")
    add(cat, "sensitive", ID_TEXT[lang] % (person(lang), national_id(lang)), "%s national identifier of an employee" % lang, "national_id")
    add(cat, "sensitive", IBAN_TEXT[lang] % (person(lang), V.iban8(CC[lang])), "%s personal IBAN" % lang, "iban")
    add(cat, "sensitive", PHONE_TEXT[lang] % (person(lang), V.phone8(CC[lang])), "%s customer's phone" % lang, "phone")
    add(cat, "sensitive", HEALTH_TEXT[lang] % person(lang), "%s named person's diagnosis" % lang, "health_record")
    add(cat, "vendor", COMPANY_TEXT[lang](), "%s company registration / VAT numbers" % lang, "company_id")
    add(cat, "vendor", COMPANY_TEXT[lang](), "%s company registration / VAT numbers" % lang, "company_id")
    add(cat, "vendor", LEAFLET_TEXT[lang], "%s health leaflet" % lang, "medical_question")
    add(cat, "vendor", TEMPLATE_TEXT[lang], "%s blank personnel form" % lang, "placeholder")
    add(cat, "vendor", {"sv": "Kvartalsrapport: omsättningen ökade med %d %% och rörelsemarginalen var %d,%d %%.",
                        "da": "Kvartalsrapport: omsætningen steg %d %%, overskudsgraden var %d,%d %%.",
                        "no": "Kvartalsrapport: omsetningen økte med %d %%, driftsmarginen var %d,%d %%.",
                        "fi": "Osavuosikatsaus: liikevaihto kasvoi %d %% ja liikevoittoprosentti oli %d,%d %%.",
                        "cs": "Čtvrtletní zpráva: tržby vzrostly o %d %%, provozní marže byla %d,%d %%.",
                        "ro": "Raport trimestrial: cifra de afaceri a crescut cu %d %%, marja operațională %d,%d %%.",
                        "el": "Τριμηνιαία έκθεση: ο κύκλος εργασιών αυξήθηκε κατά %d %%, περιθώριο %d,%d %%.",
                        "tr": "Çeyrek raporu: ciro %%%d arttı, faaliyet marjı %%%d,%d oldu."}[lang] % (R.randint(2, 19), R.randint(3, 15), R.randint(0, 9)),
        "%s public quarterly figures" % lang, "none")

# ------------------------------------------------------------------ code diffs and review comments
for i in range(8):
    kind = i % 4
    if kind == 0:
        text = "diff --git a/config/settings.py b/config/settings.py\n--- a/config/settings.py\n+++ b/config/settings.py\n@@ -12,7 +12,7 @@\n DEBUG = False\n-STRIPE_API_KEY = os.environ[\"STRIPE_API_KEY\"]\n+STRIPE_API_KEY = \"%s\"  # TODO revert before merge\n ALLOWED_HOSTS = [\"*\"]" % V.stripe()
        add("diff", "sensitive", text, "diff hard-codes a live key", "api_key")
    elif kind == 1:
        text = "@@ -3,6 +3,9 @@ import { Client } from \"pg\";\n const client = new Client({\n   host: \"db.internal\",\n+  user: \"reporting\",\n+  password: \"%s\",\n+  database: \"sales\",\n });" % V.password()
        add("diff", "sensitive", text, "diff adds a database password", "password")
    elif kind == 2:
        text = "**Review comment** on `deploy/aws.tf` line 41:\n> access_key = \"%s\"\n> secret_key = \"%s\"\n\nPlease don't commit these, move them to the CI secrets store and rotate the pair." % (V.aws_key_id(), V.aws_secret())
        add("diff", "sensitive", text, "review comment quoting committed AWS keys", "aws_key")
    else:
        text = "```suggestion\n-    token := \"%s\"\n+    token := os.Getenv(\"GITHUB_TOKEN\")\n```\nLGTM once the hard-coded PAT is gone (and revoked)." % V.github_pat()
        add("diff", "sensitive", text, "suggestion removes a token still shown in the diff", "github_token")
for i in range(8):
    kind = i % 4
    if kind == 0:
        text = "diff --git a/.env.example b/.env.example\n@@ -1,3 +1,4 @@\n DATABASE_URL=postgres://user:password@localhost:5432/app\n+STRIPE_API_KEY=sk_test_your_key_here\n+SENTRY_DSN=\n"
        add("diff", "vendor", text, "example env file with placeholders", "placeholder")
    elif kind == 1:
        text = "@@ -20,7 +20,7 @@ def verify(sig: str) -> bool:\n-    return hmac.compare_digest(sig, compute(secret))\n+    return hmac.compare_digest(sig.encode(), compute(secret).encode())\n\nReview: nice catch, `secret` comes from `settings.WEBHOOK_SECRET` so nothing leaks here."
        add("diff", "vendor", text, "code review about secret handling without a value", "none")
    elif kind == 2:
        text = "diff --git a/go.sum b/go.sum\n+github.com/aws/aws-sdk-go-v2 v1.30.3 h1:%s=\n+github.com/aws/aws-sdk-go-v2 v1.30.3/go.mod h1:%s=\nCommit %s bumps the AWS SDK." % (base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode()[:43], base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode()[:43], V.git_sha())
        add("diff", "vendor", text, "go.sum hashes and commit sha", "hashes")
    else:
        text = "**Review comment** on `README.md`:\n> export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n> export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\nThese are AWS's documentation keys, fine to keep in the quick-start."
        add("diff", "vendor", text, "AWS documentation keys in review", "aws_docs")

# ------------------------------------------------------------------ cloud JSON logs
def ts():
    return "2026-%02d-%02dT%02d:%02d:%02dZ" % (R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))


for i in range(8):
    kind = i % 4
    if kind == 0:
        rec = {"eventVersion": "1.09", "eventTime": ts(), "eventSource": "rds.amazonaws.com", "eventName": "CreateDBInstance",
               "awsRegion": "eu-north-1", "sourceIPAddress": V.public_ip(),
               "requestParameters": {"dBInstanceIdentifier": "billing-prod", "engine": "postgres", "masterUsername": "billing_admin",
                                     "masterUserPassword": V.password()}}
        add("cloudlog", "sensitive", json.dumps(rec), "CloudTrail event with a master password in the request", "password")
    elif kind == 1:
        rec = {"insertId": V.s(12, string.ascii_lowercase + DIGITS), "timestamp": ts(), "severity": "INFO",
               "httpRequest": {"requestMethod": "POST", "requestUrl": "https://api.internal.example/v1/sync", "status": 200},
               "jsonPayload": {"message": "outbound call", "headers": {"authorization": "Bearer " + V.openai()}},
               "resource": {"type": "cloud_run_revision", "labels": {"service_name": "sync"}}}
        add("cloudlog", "sensitive", json.dumps(rec), "GCP log entry with a bearer token", "api_key")
    elif kind == 2:
        acct = "st" + V.s(10, string.ascii_lowercase + DIGITS)
        rec = {"time": ts(), "resourceId": "/SUBSCRIPTIONS/%s/RESOURCEGROUPS/PROD/PROVIDERS/MICROSOFT.WEB/SITES/ORDERS" % V.uuid().upper(),
               "operationName": "Microsoft.Web/sites/config/write", "category": "Administrative", "resultType": "Success",
               "properties": {"requestbody": "{\"properties\":{\"AzureWebJobsStorage\":\"DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=%s;EndpointSuffix=core.windows.net\"}}" % (acct, V.azure_storage_key())}}
        add("cloudlog", "sensitive", json.dumps(rec), "Azure activity log with a storage connection string", "connection_string")
    else:
        name = V.name()
        rec = {"timestamp": ts(), "level": "error", "logger": "checkout", "message": "payment declined",
               "customer": {"name": name, "email": V.email(name), "card": V.card(sep="")}}
        add("cloudlog", "sensitive", json.dumps(rec), "app log in Cloud Logging with a customer's card", "card")
for i in range(8):
    kind = i % 4
    if kind == 0:
        rec = {"eventVersion": "1.09", "userIdentity": {"type": "IAMUser", "principalId": "AIDA" + V.s(17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
               "arn": "arn:aws:iam::%012d:user/ci-deployer" % R.randint(10 ** 11, 10 ** 12 - 1), "accessKeyId": "AKIAIOSFODNN7EXAMPLE"},
               "eventTime": ts(), "eventSource": "s3.amazonaws.com", "eventName": "PutObject", "sourceIPAddress": V.public_ip(),
               "requestParameters": {"bucketName": "build-artifacts", "key": "releases/app-%d.tar.gz" % R.randint(100, 999)}}
        add("cloudlog", "vendor", json.dumps(rec), "CloudTrail event with the documentation key id", "aws_docs")
    elif kind == 1:
        rec = {"eventTime": ts(), "eventSource": "iam.amazonaws.com", "eventName": "CreateLoginProfile",
               "requestParameters": {"userName": "jdoe", "password": "HIDDEN_DUE_TO_SECURITY_REASONS", "passwordResetRequired": True},
               "responseElements": {"loginProfile": {"userName": "jdoe", "createDate": "Mar 3, 2026 9:14:02 AM", "passwordResetRequired": True}}}
        add("cloudlog", "vendor", json.dumps(rec), "CloudTrail with the password hidden by AWS", "masked")
    elif kind == 2:
        rec = {"insertId": V.s(12, string.ascii_lowercase + DIGITS), "severity": "WARNING", "timestamp": ts(),
               "textPayload": "Container memory usage at %d%% of limit; trace %s" % (R.randint(80, 99), V.uuid()),
               "resource": {"type": "k8s_container", "labels": {"cluster_name": "prod-eu", "namespace_name": "payments"}}}
        add("cloudlog", "vendor", json.dumps(rec), "GCP resource warning", "none")
    else:
        rec = {"time": ts(), "operationName": "Microsoft.KeyVault/vaults/secrets/write", "resultType": "Success",
               "identity": {"claim": {"appid": V.uuid()}}, "properties": {"id": "https://kv-prod.vault.azure.net/secrets/db-password/%s" % V.hex_secret(32), "clientInfo": "azure-cli/2.61.0"}}
        add("cloudlog", "vendor", json.dumps(rec), "Azure Key Vault write: secret name and version id only", "hashes")

# ------------------------------------------------------------------ SQL dumps
for i in range(8):
    kind = i % 4
    rows = []
    if kind == 0:
        for _ in range(3):
            n = V.name()
            rows.append("(%d,'%s','%s','%s')" % (R.randint(1000, 9999), n, V.email(n), V.phone(R.choice(["us", "uk", "de"]))))
        text = "-- MySQL dump 10.13\n--\n-- Dumping data for table `customers`\n--\nLOCK TABLES `customers` WRITE;\nINSERT INTO `customers` VALUES %s;\nUNLOCK TABLES;" % ",".join(rows)
        add("sqldump", "sensitive", text, "customer rows with e-mail and phone", "email")
    elif kind == 1:
        for _ in range(2):
            rows.append("%d\t%s\t%s\t%02d/%d" % (R.randint(1, 999), V.name(), V.card(sep=""), R.randint(1, 12), R.randint(27, 31)))
        text = "--\n-- PostgreSQL database dump\n--\nCOPY public.payment_methods (id, holder, pan, expiry) FROM stdin;\n%s\n\\.\n" % "\n".join(rows)
        add("sqldump", "sensitive", text, "COPY block with card numbers", "card")
    elif kind == 2:
        lang = R.choice(["sv", "da", "no", "fi"])
        for _ in range(2):
            rows.append("('%s','%s','%s')" % (person(lang), national_id(lang), V.iban8(CC[lang], grouped=False)))
        text = "INSERT INTO employees (full_name, national_id, iban) VALUES\n%s;" % ",\n".join(rows)
        add("sqldump", "sensitive", text, "employee rows with national ids and IBANs", "national_id")
    else:
        text = "INSERT INTO api_credentials (service, client_id, client_secret) VALUES ('sendgrid', 'mailer', '%s'), ('twilio', '%s', '%s');" % (V.sendgrid(), V.twilio_sid(), V.hex_secret(32))
        add("sqldump", "sensitive", text, "credentials table dump", "api_key")
for i in range(8):
    kind = i % 4
    if kind == 0:
        text = "CREATE TABLE `customers` (\n  `id` int NOT NULL AUTO_INCREMENT,\n  `name` varchar(120) NOT NULL,\n  `email` varchar(255) NOT NULL,\n  `phone` varchar(32) DEFAULT NULL,\n  `card_last4` char(4) DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;"
        add("sqldump", "vendor", text, "schema only", "none")
    elif kind == 1:
        rows = ",".join("(%d,'%s',%d.%02d,'%s')" % (R.randint(1, 999), R.choice(["Desk lamp", "Office chair", "Monitor arm", "USB-C hub"]), R.randint(9, 300), R.randint(0, 99), V.ean13()) for _ in range(3))
        text = "INSERT INTO `products` (`id`,`title`,`price`,`ean`) VALUES %s;" % rows
        add("sqldump", "vendor", text, "product rows with EAN barcodes", "ean")
    elif kind == 2:
        rows = ",".join("('%s','%s')" % (c, n) for c, n in [("SE", "Sweden"), ("DK", "Denmark"), ("NO", "Norway"), ("FI", "Finland"), ("CZ", "Czechia")])
        text = "INSERT INTO countries (iso2, name) VALUES %s;\nINSERT INTO currencies (code, minor_units) VALUES ('SEK',2),('DKK',2),('NOK',2),('CZK',2);" % rows
        add("sqldump", "vendor", text, "reference data", "none")
    else:
        rows = ",".join("(%d,'%s','****%s','%s@example.com')" % (R.randint(1, 999), V.uuid(), V.s(4, DIGITS), R.choice(["user1", "user2", "test"])) for _ in range(3))
        text = "-- anonymized dump for staging\nINSERT INTO customers (id, external_ref, card_masked, email) VALUES %s;" % rows
        add("sqldump", "vendor", text, "anonymized rows: masked cards, example.com", "masked")

# ------------------------------------------------------------------ WhatsApp exports
def wa(lines, lang="en"):
    d = "%02d/%02d/2026" % (R.randint(1, 28), R.randint(1, 12))
    h, m = R.randint(8, 20), R.randint(0, 40)
    out = []
    for who, text in lines:
        m += R.randint(1, 6)
        out.append("%s, %02d:%02d - %s: %s" % (d, h + m // 60, m % 60, who, text))
    return "\n".join(out)


for i in range(10):
    kind = i % 5
    a, b = V.name().split()[0], V.name().split()[0]
    if kind == 0:
        add("whatsapp", "sensitive", wa([(a, "can you pay the venue deposit? my card is maxed"), (b, "sure send me yours"), (a, "%s exp %02d/%d cvv %d" % (V.card(), R.randint(1, 12), R.randint(27, 30), R.randint(100, 999)))]), "card in WhatsApp export", "card")
    elif kind == 1:
        lang = R.choice(["sv", "da", "no", "fi"])
        add("whatsapp", "sensitive", wa([(a, {"sv": "Vad är ditt personnummer till försäkringen?", "da": "Hvad er dit CPR-nummer til forsikringen?", "no": "Hva er fødselsnummeret ditt til forsikringen?", "fi": "Mikä on henkilötunnuksesi vakuutusta varten?"}[lang]), (b, national_id(lang))]), "national id as a bare chat reply", "national_id")
    elif kind == 2:
        add("whatsapp", "sensitive", wa([(a, "wifi at the office?"), (b, "network Globex-Staff, password %s" % V.password()), (a, "thx")]), "office wifi password", "password")
    elif kind == 3:
        add("whatsapp", "sensitive", wa([(a, "How's your dad?"), (b, "%s's still in hospital, the biopsy confirmed pancreatic cancer, chemo starts next week" % R.choice(["He", "Dad"])), (a, "I'm so sorry")]), "family member's diagnosis", "health_record")
    else:
        n = V.name()
        add("whatsapp", "sensitive", wa([(a, "who's the contact at the supplier?"), (b, "%s, mobile %s" % (n, V.phone8(R.choice(["SE", "DK", "NO", "FI"]), intl=True)))]), "a person's mobile number", "phone")
for i in range(10):
    kind = i % 5
    a, b = V.name().split()[0], V.name().split()[0]
    lines = [[(a, "running 10 min late, start without me"), (b, "ok 👍")],
             [(a, "<Media omitted>"), (b, "this is the new logo? love it")],
             [(a, "the password for the shared drive is in 1Password, don't paste it here"), (b, "got it")],
             [(a, "flight SK%d lands at %02d:%02d" % (R.randint(400, 1999), R.randint(6, 22), R.randint(0, 59))), (b, "I'll pick you up")],
             [(a, "Messages and calls are end-to-end encrypted. No one outside of this chat can read them."), (b, "order #%d shipped" % R.randint(100000, 999999))]][kind]
    add("whatsapp", "vendor", wa(lines), "ordinary chat", "none")

# ------------------------------------------------------------------ PDF-to-text invoices and payslips
for i in range(8):
    lang = ["sv", "da", "no", "fi"][i % 4] if i < 4 else ["cs", "ro", "el", "tr"][i % 4]
    n = person(lang)
    gross = R.randint(28, 75) * 1000
    label = {"sv": ("LÖNESPECIFIKATION", "Anställd", "Personnr", "Bruttolön", "Utbetalas till konto"),
             "da": ("LØNSEDDEL", "Medarbejder", "CPR-nr.", "Bruttoløn", "Udbetales til konto"),
             "no": ("LØNNSSLIPP", "Ansatt", "Fødselsnr.", "Bruttolønn", "Utbetales til konto"),
             "fi": ("PALKKALASKELMA", "Työntekijä", "Hetu", "Bruttopalkka", "Maksetaan tilille"),
             "cs": ("VÝPLATNÍ PÁSKA", "Zaměstnanec", "Rodné číslo", "Hrubá mzda", "Výplata na účet"),
             "ro": ("FLUTURAȘ DE SALARIU", "Angajat", "CNP", "Salariu brut", "Plata în contul"),
             "el": ("ΕΚΚΑΘΑΡΙΣΤΙΚΟ ΜΙΣΘΟΔΟΣΙΑΣ", "Εργαζόμενος", "ΑΜΚΑ", "Μικτές αποδοχές", "Πίστωση στον λογαριασμό"),
             "tr": ("ÜCRET BORDROSU", "Personel", "TCKN", "Brüt ücret", "Ödeme hesabı")}[lang]
    text = "%s\n\n%s: %s      %s: %s\nPeriod 2026-%02d\n\n%s          %d,00\nSkatt/Tax         -%d,00\n\n%s: %s\n\nPage 1 of 1" % (
        label[0], label[1], n, label[2], national_id(lang), R.randint(1, 12), label[3], gross, gross // 3, label[4], V.iban8(CC[lang]))
    add("pdftext", "sensitive", text, "%s payslip as extracted text" % lang, "payslip")
for i in range(8):
    lang = ["sv", "da", "no", "fi", "cs", "ro", "el", "tr"][i]
    text = "INVOICE / %s\n\nInvoice no. %d          Date %s\nOrder ref. PO-%d\n\n%s\n\nQty  Description                 Amount\n%d    Consulting hours            %d,00\n1    Travel                       %d,00\n\nTotal excl. VAT                   %d,00\n\nPage 1 of 1" % (
        {"sv": "FAKTURA", "da": "FAKTURA", "no": "FAKTURA", "fi": "LASKU", "cs": "FAKTURA", "ro": "FACTURĂ", "el": "ΤΙΜΟΛΟΓΙΟ", "tr": "FATURA"}[lang],
        R.randint(10000, 99999), dmy(), R.randint(1000, 9999), COMPANY_TEXT[lang](), R.randint(2, 40), R.randint(1000, 9000), R.randint(100, 900), R.randint(10000, 90000))
    add("pdftext", "vendor", text, "%s supplier invoice as extracted text" % lang, "company_id")

# ------------------------------------------------------------------ markdown wiki pages
for i in range(6):
    kind = i % 3
    if kind == 0:
        text = "# Staging environment\n\n| Service | URL | User | Password |\n|---|---|---|---|\n| Grafana | https://grafana.stg.corp | admin | `%s` |\n| RabbitMQ | https://mq.stg.corp | guest-ops | `%s` |\n\n> Ask #platform before changing anything." % (V.password(), V.password())
        add("wiki", "sensitive", text, "wiki table of passwords", "password")
    elif kind == 1:
        text = "## On-call handbook\n\n### Escalation\n1. Primary: **%s**, mobile %s\n2. Secondary: **%s**, mobile %s\n\n_Last edited by ops-bot_" % (V.name(), V.phone(R.choice(["us", "uk"])), V.name(), V.phone8(R.choice(["SE", "FI", "CZ", "RO"])))
        add("wiki", "sensitive", text, "personal mobiles in an on-call page", "phone")
    else:
        text = "## Deploy key\n\nThe deploy job uses this key (rotate yearly):\n\n```\n%s\n```" % V.pem_private_key()
        add("wiki", "sensitive", text, "private key on a wiki page", "private_key")
for i in range(6):
    kind = i % 3
    if kind == 0:
        text = "# Getting access to staging\n\n1. Request the `staging-ro` group in the IAM portal.\n2. Your password is synced from SSO; never share it.\n3. API keys are issued per team via Vault: `vault read secret/teams/<team>/api-key`."
        add("wiki", "vendor", text, "access how-to without values", "none")
    elif kind == 1:
        text = "## On-call handbook\n\n### Escalation\n1. Page the primary via PagerDuty (`/pd trigger`).\n2. If no ack in 10 min, call the NOC switchboard listed on the intranet.\n\n| Severity | Response |\n|---|---|\n| SEV1 | 15 min |\n| SEV2 | 1 h |"
        add("wiki", "vendor", text, "on-call page without personal contacts", "none")
    else:
        text = "## Configuration\n\n```yaml\ndatabase:\n  host: db.internal\n  user: app\n  password: ${DB_PASSWORD}\napi_key: <YOUR_API_KEY>\n```"
        add("wiki", "vendor", text, "config sample with placeholders", "placeholder")

# ------------------------------------------------------------------ encoded payloads inside other formats
for i in range(8):
    kind = i % 4
    if kind == 0:
        inner = json.dumps({"customer": V.name(), "card": V.card(sep=""), "amount": R.randint(10, 900)})
        text = json.dumps({"Type": "Notification", "MessageId": V.uuid(), "TopicArn": "arn:aws:sns:eu-north-1:%012d:orders" % R.randint(10 ** 11, 10 ** 12 - 1),
                           "Message": base64.b64encode(inner.encode()).decode()})
        add("encoded", "sensitive", text, "SNS notification with a base64 payload holding a card", "card", "base64")
    elif kind == 1:
        q = urllib.parse.urlencode({"username": "svc-export", "password": V.password(), "grant_type": "password"})
        text = "%s - - [%s] \"POST /oauth/token?%s HTTP/1.1\" 200 512" % (V.public_ip(), "12/Mar/2026:10:%02d:%02d +0000" % (R.randint(0, 59), R.randint(0, 59)), q)
        add("encoded", "sensitive", text, "access log with a password in a percent-encoded query", "password", "percent")
    elif kind == 2:
        lang = R.choice(["sv", "da", "no", "fi", "cs", "ro"])
        inner = "name=%s&national_id=%s&iban=%s" % (person(lang), national_id(lang), V.iban8(CC[lang], grouped=False))
        text = "<webhook>\n  <event>employee.created</event>\n  <data encoding=\"base64\">%s</data>\n</webhook>" % base64.b64encode(inner.encode()).decode()
        add("encoded", "sensitive", text, "XML webhook with base64 form data holding id and IBAN", "national_id", "base64")
    else:
        dsn = "postgresql://admin:%s@db.prod.internal:5432/crm" % V.password()
        text = "env:\n  - name: DATABASE_URL_B64\n    value: %s" % base64.b64encode(dsn.encode()).decode()
        add("encoded", "sensitive", text, "manifest env with a base64 connection string", "connection_string", "base64")
for i in range(8):
    kind = i % 4
    if kind == 0:
        inner = json.dumps({"order": R.randint(10000, 99999), "status": "shipped", "carrier": "PostNord"})
        text = json.dumps({"Type": "Notification", "MessageId": V.uuid(), "Message": base64.b64encode(inner.encode()).decode()})
        add("encoded", "vendor", text, "SNS notification with a benign base64 payload", "none", "base64")
    elif kind == 1:
        q = urllib.parse.urlencode({"q": "reset password link not working", "lang": R.choice(["sv", "da", "fi"]), "page": R.randint(1, 5)})
        text = "%s - - [12/Mar/2026:10:%02d:%02d +0000] \"GET /help/search?%s HTTP/1.1\" 200 2048" % (V.public_ip(), R.randint(0, 59), R.randint(0, 59), q)
        add("encoded", "vendor", text, "access log with a percent-encoded search query", "none", "percent")
    elif kind == 2:
        text = "<webhook>\n  <event>build.finished</event>\n  <data encoding=\"base64\">%s</data>\n</webhook>" % base64.b64encode(("build=%d&status=green&duration=%ds" % (R.randint(100, 999), R.randint(30, 900))).encode()).decode()
        add("encoded", "vendor", text, "XML webhook with a benign base64 body", "none", "base64")
    else:
        text = "env:\n  - name: APP_CONFIG_B64\n    value: %s" % base64.b64encode(b"log_level: info\nfeature_flags:\n  new_checkout: true\n").decode()
        add("encoded", "vendor", text, "manifest env with base64 of a benign config", "none", "base64")

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout8.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
