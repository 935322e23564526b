#!/usr/bin/env python3
"""Writes the tenth held-out split (tests/corpus/holdout10/holdout10.jsonl), written for issue 17 after
the fifth round of fixes and before the sixth, and run once as written. Back to the nine languages of
the hidden corpora (English, German, French, Spanish, Italian, Dutch, Portuguese, Polish, Japanese),
with content kinds and templates no earlier split used: passports, driving licences and health
insurance numbers of those countries (Krankenversichertennummer, carte Vitale, NUSS, tessera
sanitaria, NISS and número de utente, Cartão de Cidadão, dowód osobisty, 健康保険証 記号・番号,
運転免許証, 基礎年金番号) and the machine-readable zone of a passport; bank accounts in their pre-IBAN
national formats (Kontonummer/BLZ, RIB, CCC, NIB, NRB, sort code, ABI/CAB); payroll lines of named
employees; secrets inside URLs (query parameters, OAuth fragments, user:password@host, SAS
signatures, webhook URLs); Windows registry exports, PowerShell profiles and Windows commands;
notebook cells with their outputs; spreadsheets with header rows in the nine languages; OCR text
with layout noise; chat exports (Teams, Slack, WhatsApp) with numbers dictated as the local
language's number words (French pairs, German and Dutch inverted tens, Spanish and Polish
hundreds, Japanese katakana digits); Kubernetes, Helm and compose manifests with credentials in
args, initContainers, annotations and healthchecks; shell history of database, cloud and
encryption tools; placeholders and masked values in those languages.
Labeled by what may leave the company: credentials, personal bank accounts and cards, personal
identity, passport, licence and insurance numbers, a person's contact details, a named person's
health or pay stay inside. Look-alikes are vendor: published specimen documents (ICAO's and the
German passport specimens), company numbers with valid check digits (Portuguese NISS of
companies, Japanese 法人番号), SKUs, order, tracking and version numbers of the same shapes,
collective-agreement pay tables and job-ad salary bands, masked and templated values, env-var
references, prompts for a password instead of a password.
Run: python3 tests/corpus/holdout10/generate_holdout10.py"""

import base64
import json
import os
import string
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_world import WorldValues  # noqa

DIGITS = string.digits
UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
HEXD = "0123456789abcdef"
ALNUM = string.ascii_letters + DIGITS


def mrz_check(s):
    w = [7, 3, 1]
    total = 0
    for i, c in enumerate(s):
        v = 0 if c == "<" else int(c) if c.isdigit() else ord(c) - 55
        total += v * w[i % 3]
    return str(total % 10)


class DocValues(WorldValues):
    """Identity, licence, insurance and bank-account numbers of the nine languages' countries."""

    def de_kvnr(self, valid=True):
        letter = self.pick(UPPER)
        body = self.s(8, DIGITS)
        digits = "%02d" % (ord(letter) - 64) + body
        total = 0
        for i, c in enumerate(digits):
            p = int(c) * (1 if i % 2 == 0 else 2)
            total += p // 10 + p % 10
        check = total % 10
        if not valid:
            check = (check + self.r.randint(1, 9)) % 10
        return letter + body + str(check)

    def de_passport(self):
        alpha = "0123456789CFGHJKLMNPRTVWXYZ"
        return self.pick("CFGHJK") + self.s(8, alpha)

    def de_licence(self):
        return self.pick(UPPER) + self.s(3, DIGITS) + self.s(6, UPPER + DIGITS) + self.s(1, DIGITS)

    def fr_passport(self):
        return "%02d%s%05d" % (self.r.randint(10, 24), self.s(2, UPPER), self.r.randint(0, 99999))

    def fr_permis(self):
        return self.s(12, DIGITS)

    def es_nuss(self, valid=True):
        prov = "%02d" % self.r.choice([8, 28, 41, 46, 29, 48, 3, 30, 50, 15])
        num = "%08d" % self.r.randint(10000000, 99999999)
        check = int(prov + num) % 97
        if not valid:
            check = (check + self.r.randint(1, 90)) % 97
        s = prov + num + "%02d" % check
        return self.pick([s, "%s %s %s" % (s[:2], s[2:10], s[10:]), "%s/%s/%s" % (s[:2], s[2:10], s[10:]),
                          "%s/%s-%s" % (s[:2], s[2:10], s[10:])])

    def es_passport(self):
        return self.s(3, UPPER) + self.s(6, DIGITS)

    def it_tessera(self):
        body = "80380" + self.s(14, DIGITS)
        for c in DIGITS:
            if self.luhn_ok(body + c):
                return body + c

    def it_passport(self):
        return self.s(2, UPPER) + self.s(7, DIGITS)

    def it_patente(self):
        return "U1" + self.s(1, UPPER) + self.s(6, DIGITS) + self.s(1, UPPER)

    def nl_passport(self):
        alpha = UPPER.replace("O", "")
        return self.s(2, alpha) + self.s(6, alpha + DIGITS) + self.s(1, DIGITS)

    def nl_rijbewijs(self):
        return self.pick("45") + self.s(9, DIGITS)

    def pt_niss(self, person=True):
        weights = [29, 23, 19, 17, 13, 11, 7, 5, 3, 2]
        d = [1 if person else 2] + [self.r.randint(0, 9) for _ in range(9)]
        check = 9 - sum(a * b for a, b in zip(weights, d)) % 10
        return "".join(map(str, d)) + str(check)

    def pt_utente(self):
        return self.pick("12") + self.s(8, DIGITS)

    def pt_cc(self):
        """Cartão de Cidadão document number: civil id, its check digit, version letters, check."""
        civil = self.s(8, DIGITS)
        w = [9, 8, 7, 6, 5, 4, 3, 2]
        c1 = (11 - sum(int(a) * b for a, b in zip(civil, w)) % 11) % 11 % 10
        ver = self.pick(["ZZ", "ZY", "ZX"])
        num = civil + str(c1) + ver
        for last in DIGITS:
            s = num + last
            total = 0
            for i, ch in enumerate(reversed(s)):
                v = int(ch) if ch.isdigit() else ord(ch) - 55
                if i % 2 == 1:
                    v *= 2
                    if v >= 10:
                        v -= 9
                total += v
            if total % 10 == 0:
                return "%s %s %s%s" % (civil, c1, ver, last)

    def pl_dowod(self):
        w = [7, 3, 1, 9, 7, 3, 1, 7, 3]
        letters = self.s(3, UPPER)
        digits = self.s(5, DIGITS)
        vals = [ord(c) - 55 for c in letters] + [0] + [int(c) for c in digits]
        check = sum(a * b for a, b in zip(vals, w)) % 10
        return letters + str(check) + digits

    def pl_passport(self):
        return self.s(2, UPPER) + self.s(7, DIGITS)

    def uk_passport(self):
        return self.s(9, DIGITS)

    def uk_licence(self, surname, first, middle=""):
        y, m, d = self.r.randint(1950, 2000), self.r.randint(1, 12), self.r.randint(1, 28)
        sur = (surname.upper().replace(" ", "") + "99999")[:5]
        mm = m + self.pick([0, 50])
        init = (first[0] + (middle[:1] or "9")).upper()
        return "%s%d%02d%02d%d%s%d%s" % (sur, (y // 10) % 10, mm, d, y % 10, init, self.r.randint(0, 9), self.s(2, UPPER))

    def jp_kenpo(self):
        return "%d" % self.r.randint(1000, 99999999), "%d" % self.r.randint(1, 9999999)

    def jp_licence(self):
        return self.s(12, DIGITS)

    def jp_pension(self):
        return "%04d-%06d" % (self.r.randint(1000, 9999), self.r.randint(0, 999999))

    def jp_passport(self):
        return self.pick(["TK", "TR", "TZ", "MU", "TS"]) + self.s(7, DIGITS)

    def jp_corporate(self):
        body = self.s(12, DIGITS)
        total = sum(int(c) * (1 if i % 2 == 0 else 2) for i, c in enumerate(reversed(body)))
        return str(9 - total % 9) + body

    # pre-IBAN accounts
    def de_account(self):
        return self.s(10, DIGITS), "%s %s %s" % (self.pick(["100", "200", "370", "500", "600", "700"]), self.s(3, DIGITS), self.s(2, DIGITS))

    def fr_rib(self):
        banque, guichet, compte = self.s(5, DIGITS), self.s(5, DIGITS), self.s(11, DIGITS)
        key = 97 - (89 * int(banque) + 15 * int(guichet) + 3 * int(compte)) % 97
        return banque, guichet, compte, "%02d" % key

    def es_ccc(self):
        ent, ofi, cta = self.pick(["2100", "0049", "0182", "2038", "0081"]), self.s(4, DIGITS), self.s(10, DIGITS)
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

        def dc(s):
            v = 11 - sum(int(a) * b for a, b in zip(s, w)) % 11
            return 0 if v == 11 else 1 if v == 10 else v
        return "%s %s %d%d %s" % (ent, ofi, dc("00" + ent + ofi), dc(cta), cta)

    def pt_nib(self):
        body = self.pick(["0035", "0007", "0033", "0010", "0036"]) + self.s(4, DIGITS) + self.s(11, DIGITS)
        check = 98 - int(body + "00") % 97
        s = body + "%02d" % check
        return "%s %s %s %s" % (s[:4], s[4:8], s[8:19], s[19:])

    def pl_nrb(self):
        iban = self.iban_cc("PL", grouped=False)
        s = iban[2:]
        return "%s %s" % (s[:2], " ".join(s[i:i + 4] for i in range(2, 26, 4)))

    def uk_sort_account(self):
        return "%02d-%02d-%02d" % (self.r.randint(10, 99), self.r.randint(0, 99), self.r.randint(0, 99)), self.s(8, DIGITS)

    def nl_old_account(self):
        while True:
            d = [self.r.randint(1, 9)] + [self.r.randint(0, 9) for _ in range(8)]
            if sum(a * b for a, b in zip(range(9, 0, -1), d)) % 11 == 0:
                s = "".join(map(str, d))
                return "%s.%s.%s.%s" % (s[:2], s[2:4], s[4:6], s[6:])

    def azure_client_secret(self):
        return self.s(3, ALNUM) + "8Q~" + self.s(34, ALNUM + "_-.~")

    def google_oauth(self):
        return "ya29.a0" + self.s(150, ALNUM + "_-")


V = DocValues(20261207)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout10-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def P(lang):
    return V.person(lang)


def dob(lang):
    return V.dob(lang)


# ------------------------------------------------------------------ number words beyond single digits
FR_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
            "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def fr_num(n):
    if n < 20:
        return FR_UNITS[n]
    if n < 70:
        t, u = divmod(n, 10)
        return FR_TENS[t] + ("" if u == 0 else " et un" if u == 1 else "-" + FR_UNITS[u])
    if n < 80:
        return "soixante" + (" et onze" if n == 71 else "-" + FR_UNITS[n - 60])
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + FR_UNITS[n - 80]


DE_UNITS = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
            "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"]
DE_TENS = {2: "zwanzig", 3: "dreißig", 4: "vierzig", 5: "fünfzig", 6: "sechzig", 7: "siebzig", 8: "achtzig", 9: "neunzig"}


def de_num(n):
    if n < 20:
        return DE_UNITS[n]
    t, u = divmod(n, 10)
    if u == 0:
        return DE_TENS[t]
    return ("ein" if u == 1 else DE_UNITS[u]) + "und" + DE_TENS[t]


NL_UNITS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
            "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
NL_TENS = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig", 6: "zestig", 7: "zeventig", 8: "tachtig", 9: "negentig"}


def nl_num(n):
    if n < 20:
        return NL_UNITS[n]
    t, u = divmod(n, 10)
    if u == 0:
        return NL_TENS[t]
    unit = NL_UNITS[u]
    return unit + ("ën" if unit.endswith("e") else "en") + NL_TENS[t]


ES_UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
            "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno",
            "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve"]
ES_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
ES_HUND = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos", 5: "quinientos", 6: "seiscientos",
           7: "setecientos", 8: "ochocientos", 9: "novecientos"}


def es_num(n):
    if n < 30:
        return ES_UNITS[n]
    if n < 100:
        t, u = divmod(n, 10)
        return ES_TENS[t] + ("" if u == 0 else " y " + ES_UNITS[u])
    h, rest = divmod(n, 100)
    if rest == 0:
        return "cien" if h == 1 else ES_HUND[h]
    return ES_HUND[h] + " " + es_num(rest)


IT_UNITS = ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici", "dodici",
            "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove"]
IT_TENS = {2: "venti", 3: "trenta", 4: "quaranta", 5: "cinquanta", 6: "sessanta", 7: "settanta", 8: "ottanta", 9: "novanta"}


def it_num(n):
    if n < 20:
        return IT_UNITS[n]
    t, u = divmod(n, 10)
    tens = IT_TENS[t]
    if u in (1, 8):
        tens = tens[:-1]
    return tens + ("" if u == 0 else "tré" if u == 3 else IT_UNITS[u])


PL_UNITS = ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć", "dziesięć",
            "jedenaście", "dwanaście", "trzynaście", "czternaście", "piętnaście", "szesnaście", "siedemnaście",
            "osiemnaście", "dziewiętnaście"]
PL_TENS = {2: "dwadzieścia", 3: "trzydzieści", 4: "czterdzieści", 5: "pięćdziesiąt", 6: "sześćdziesiąt",
           7: "siedemdziesiąt", 8: "osiemdziesiąt", 9: "dziewięćdziesiąt"}
PL_HUND = {1: "sto", 2: "dwieście", 3: "trzysta", 4: "czterysta", 5: "pięćset", 6: "sześćset", 7: "siedemset",
           8: "osiemset", 9: "dziewięćset"}


def pl_num(n):
    if n < 20:
        return PL_UNITS[n]
    if n < 100:
        t, u = divmod(n, 10)
        return PL_TENS[t] + ("" if u == 0 else " " + PL_UNITS[u])
    h, rest = divmod(n, 100)
    return PL_HUND[h] + ("" if rest == 0 else " " + pl_num(rest))


PT_UNITS = ["zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze",
            "treze", "catorze", "quinze", "dezasseis", "dezassete", "dezoito", "dezanove"]
PT_TENS = {2: "vinte", 3: "trinta", 4: "quarenta", 5: "cinquenta", 6: "sessenta", 7: "setenta", 8: "oitenta", 9: "noventa"}


def pt_num(n):
    if n < 20:
        return PT_UNITS[n]
    t, u = divmod(n, 10)
    return PT_TENS[t] + ("" if u == 0 else " e " + PT_UNITS[u])


def say(group, num, zero):
    """A digit group as a caller says it: its leading zeros one by one ("cero ocho"), then the
    rest as one number."""
    k = len(group) - len(group.lstrip("0"))
    words = [zero] * k
    if group[k:]:
        words.append(num(int(group[k:])))
    return " ".join(words)


JA_KATA = ["ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ"]


def groups(digits, sizes):
    out, i = [], 0
    for n in sizes:
        out.append(digits[i:i + n])
        i += n
    return out


# ------------------------------------------------------------------ identity, licence and insurance documents
def iddoc_cases():
    # German
    name = P("de")
    add("iddoc", "sensitive", "Hallo Frau Krüger,\nfür die Anmeldung bei der Krankenkasse brauche ich noch Ihre Daten: %s, geb. %s, Krankenversichertennummer %s (TK).\nDanke!" % (name, dob("de"), V.de_kvnr()), "de health insurance number of a new hire", "national_id")
    add("iddoc", "sensitive", "Reisekosten: Für das Visum nach Indien bitte die Passnummer von %s eintragen: %s, gültig bis %02d.%02d.%d." % (P("de"), V.de_passport(), R.randint(1, 28), R.randint(1, 12), R.randint(2027, 2035)), "de passport number of an employee", "passport")
    add("iddoc", "sensitive", "Fuhrparkverwaltung: Führerscheinkontrolle Q2\n%s, Führerscheinnummer %s, Klassen B, BE – geprüft am %02d.%02d.2026" % (P("de"), V.de_licence(), R.randint(1, 28), R.randint(1, 6)), "de driving licence number", "driver_licence")
    # French
    name = P("fr")
    nir = V.fr_nir(spaced=True)
    add("iddoc", "sensitive", "Bonjour, pour le remboursement de %s, voici le numéro de carte Vitale : %s. Merci de transmettre à la mutuelle." % (name, nir), "fr carte Vitale number of an employee", "national_id")
    add("iddoc", "sensitive", "Déplacement à Montréal : passeport de %s n° %s, délivré le %02d/%02d/%d à la préfecture de Lyon." % (P("fr"), V.fr_passport(), R.randint(1, 28), R.randint(1, 12), R.randint(2017, 2025)), "fr passport number", "passport")
    add("iddoc", "sensitive", "Location de véhicule – conducteur : %s, permis de conduire n° %s, obtenu en %d." % (P("fr"), V.fr_permis(), R.randint(1990, 2020)), "fr driving licence number", "driver_licence")
    # Spanish
    add("iddoc", "sensitive", "Hola, te paso los datos de alta de %s: número de afiliación a la Seguridad Social (NUSS) %s, DNI %s." % (P("es"), V.es_nuss(), V.es_dni()), "es NUSS and DNI of a new hire", "national_id")
    add("iddoc", "sensitive", "Para la reserva del vuelo a Bogotá necesito el pasaporte de %s: %s, caduca en %d." % (P("es"), V.es_passport(), R.randint(2027, 2035)), "es passport number", "passport")
    add("iddoc", "sensitive", "Parte de accidente: conductor %s, nº afiliación SS %s, teléfono %s." % (P("es"), V.es_nuss(), V.phone_eu("es")), "es accident report with NUSS", "national_id")
    # Italian
    add("iddoc", "sensitive", "Ciao, per la pratica dell'assicurazione servono i dati della tessera sanitaria di %s: codice fiscale %s, numero identificativo tessera %s." % (P("it"), V.it_fiscal_code(), V.it_tessera()), "it tessera sanitaria of an employee", "national_id")
    add("iddoc", "sensitive", "Trasferta a Tokyo: passaporto di %s n. %s, rilasciato dalla Questura di Milano." % (P("it"), V.it_passport()), "it passport number", "passport")
    add("iddoc", "sensitive", "Noleggio auto aziendale – %s, patente n. %s, categoria B, scadenza %d." % (P("it"), V.it_patente(), R.randint(2027, 2036)), "it driving licence number", "driver_licence")
    # Dutch
    add("iddoc", "sensitive", "Voor de huurovereenkomst van %s: paspoortnummer %s, BSN %s. Graag kopie in het dossier." % (P("nl"), V.nl_passport(), V.nl_bsn()), "nl passport and BSN", "passport")
    add("iddoc", "sensitive", "Wagenparkbeheer: rijbewijsnummer van %s is %s (categorie B), geldig tot %d." % (P("nl"), V.nl_rijbewijs(), R.randint(2027, 2036)), "nl driving licence number", "driver_licence")
    # Portuguese
    add("iddoc", "sensitive", "Bom dia, seguem os dados do novo colaborador %s para a Segurança Social: NISS %s, n.º de utente do SNS %s." % (P("pt"), V.pt_niss(), V.pt_utente()), "pt NISS and SNS number", "national_id")
    add("iddoc", "sensitive", "Cartão de Cidadão de %s: n.º %s, válido até %02d/%02d/%d. Necessário para o contrato." % (P("pt"), V.pt_cc(), R.randint(1, 28), R.randint(1, 12), R.randint(2027, 2035)), "pt Cartão de Cidadão number", "national_id")
    # Polish
    add("iddoc", "sensitive", "Dzień dobry, dane do umowy zlecenia: %s, PESEL %s, seria i numer dowodu osobistego %s." % (P("pl"), V.pl_pesel(), V.pl_dowod()), "pl PESEL and ID card number", "national_id")
    add("iddoc", "sensitive", "Wyjazd służbowy do Londynu – paszport %s: %s, ważny do %d r." % (P("pl"), V.pl_passport(), R.randint(2027, 2035)), "pl passport number", "passport")
    # English (UK)
    first, last = R.choice(["Oliver", "Amelia", "George", "Isla"]), R.choice(["Thompson", "Walker", "Hughes", "Clarke"])
    add("iddoc", "sensitive", "Right-to-work check for %s %s: UK passport number %s, expiry %02d/%02d/%d. Copy saved to the HR drive." % (first, last, V.uk_passport(), R.randint(1, 28), R.randint(1, 12), R.randint(2027, 2035)), "uk passport number", "passport")
    add("iddoc", "sensitive", "Pool car booking: driver %s %s, driving licence no. %s, no endorsements." % (first, last, V.uk_licence(last, first)), "uk driving licence number", "driver_licence")
    # Japanese
    add("iddoc", "sensitive", "海外出張の手配をお願いします。%sさんのパスポート番号は %s、有効期限は%d年%d月です。" % (P("ja"), V.jp_passport(), R.randint(2027, 2035), R.randint(1, 12)), "ja passport number", "passport")
    add("iddoc", "sensitive", "社用車の利用申請：%s　運転免許証番号 第%s号　有効期限 令和%d年%d月%d日" % (P("ja"), V.jp_licence(), R.randint(8, 12), R.randint(1, 12), R.randint(1, 28)), "ja driving licence number", "driver_licence")
    # vendor look-alikes
    add("iddoc", "vendor", "Muster-Reisepass der Bundesdruckerei: Name MUSTERMANN, Vorname ERIKA, Passnummer C01X00T47, geboren 12.08.1964 in BERLIN. Das Bild zeigt die Sicherheitsmerkmale.", "German specimen passport (published)", "specimen")
    add("iddoc", "vendor", "Wie ist die Krankenversichertennummer aufgebaut? Ein Buchstabe, acht Ziffern und eine Prüfziffer, z. B. A123456780 aus der Spezifikation des GKV-Spitzenverbands.", "KVNR format explained with the spec's example", "specimen")
    add("iddoc", "vendor", "Artikel %s%s – Passhülle aus Leder, schwarz, für Reisepässe bis 125 × 88 mm. Lieferzeit 3 Tage." % (R.choice("CFGH"), V.s(8, DIGITS)), "passport-shaped article number", "sku")
    add("iddoc", "vendor", "Formulaire de demande de passeport : nom ______, prénom ______, n° de passeport précédent : __ __ _____, date de naissance __/__/____.", "fr blank passport form", "placeholder")
    add("iddoc", "vendor", "Su pedido %s%s ha sido enviado. Número de seguimiento: %s. Tiempo de entrega 48 h." % (V.s(3, UPPER), V.s(6, DIGITS), V.s(12, DIGITS)), "es order number shaped like a passport", "order_number")
    add("iddoc", "vendor", "Il numero identificativo della tessera sanitaria è di 20 cifre e inizia con 80380; lo trovi sul retro della tessera, sotto il codice fiscale.", "it explanation without a value", "none")
    add("iddoc", "vendor", "Paspoort aanvragen: neem een pasfoto mee, je oude paspoort en betaal € 84,45. Het nieuwe paspoortnummer staat op de personaliapagina.", "nl passport procedure", "none")
    add("iddoc", "vendor", "Pedido de Cartão de Cidadão: o número do documento tem o formato 00000000 0 ZZ0; o exemplo do manual é 00000000 0 ZZ4.", "pt CC format with the manual's zero example", "specimen")
    add("iddoc", "vendor", "Wersja oprogramowania czytnika dowodów: ABC 2.14.7, numer seryjny urządzenia SN%s." % V.s(9, DIGITS), "pl reader software version and serial", "version")
    add("iddoc", "vendor", "パスポートの申請には、戸籍謄本と写真が必要です。申請書の旅券番号欄は更新の場合のみ記入してください。", "ja passport application procedure", "none")
    add("iddoc", "vendor", "Our UPS tracking number is 1Z%s and the DHL waybill %s; both parcels contain passport covers (SKU PC-%s)." % (V.s(16, UPPER + DIGITS), V.s(10, DIGITS), V.s(5, DIGITS)), "tracking numbers", "order_number")


# ------------------------------------------------------------------ passport MRZ and OCR'd cards
def mrz_td3(cc, surname, given, number, nat, birth, sex, expiry):
    line1 = ("P<" + cc + surname.upper().replace(" ", "<") + "<<" + given.upper().replace(" ", "<") + "<" * 44)[:44]
    num = (number + "<" * 9)[:9]
    opt = "<" * 14
    body = num + mrz_check(num) + nat + birth + mrz_check(birth) + sex + expiry + mrz_check(expiry) + opt + mrz_check(opt)
    comp = num + mrz_check(num) + birth + mrz_check(birth) + expiry + mrz_check(expiry) + opt + mrz_check(opt)
    return line1, body + mrz_check(comp)


def ocr_noise(text):
    """Typical OCR damage: doubled spaces, a stray '|' column rule, a label split over two lines."""
    lines = text.split("\n")
    out = []
    for ln in lines:
        if R.random() < 0.3:
            ln = ln.replace(" ", "  ", 1)
        if R.random() < 0.2:
            ln = ln + " |"
        out.append(ln)
    return "\n".join(out)


def ocr_cases():
    birth = "%02d%02d%02d" % (R.randint(60, 99), R.randint(1, 12), R.randint(1, 28))
    exp = "%02d%02d%02d" % (R.randint(27, 34), R.randint(1, 12), R.randint(1, 28))
    sur, giv = R.choice(["SCHAEFER", "HOFFMANN", "KRUEGER"]), R.choice(["ANJA", "FLORIAN", "KATRIN"])
    l1, l2 = mrz_td3("D<<", sur, giv, V.de_passport(), "D<<", birth, R.choice("MF"), exp)
    add("ocr", "sensitive", "REISEPASS / PASSPORT / PASSEPORT\nBUNDESREPUBLIK DEUTSCHLAND\nName / Surname\n%s\nVornamen / Given names\n%s\n\n%s\n%s" % (sur, giv, l1, l2), "OCR of a German passport data page with the MRZ", "passport")
    l1, l2 = mrz_td3("ESP", "MORENO<GIL", "LUCIA", V.es_passport(), "ESP", birth, "F", exp)
    add("ocr", "sensitive", "Texto extraído del escaneo (cliente pide check-in online):\n%s\n%s" % (l1, l2), "MRZ alone of a Spanish passport", "passport")
    nir = V.fr_nir(spaced=True)
    add("ocr", "sensitive", ocr_noise("carte\nVitale\n\n%s\n%s\n\nN° %s\nDate de délivrance 0%d/20%d" % (R.choice(["CAMILLE", "JULIEN", "MANON"]), R.choice(["GIRARD", "BONNET", "MERCIER"]), nir, R.randint(1, 9), R.randint(10, 24))), "OCR of a carte Vitale", "national_id")
    add("ocr", "sensitive", ocr_noise("Elektronische Gesundheitskarte\nAOK Bayern       Versichertennummer\n%s          %s\n%s            gültig bis %02d/%d" % (P("de"), V.de_kvnr(), dob("de"), R.randint(1, 12), R.randint(27, 31))), "OCR of a German health card, label and value in columns", "national_id")
    add("ocr", "sensitive", ocr_noise("TARJETA SANITARIA INDIVIDUAL\nSERVICIO MADRILEÑO DE SALUD\n%s\nCIP  MDRG%s\nN.º SS %s" % (P("es").upper(), V.s(12, DIGITS), V.es_nuss())), "OCR of a Spanish health card", "national_id")
    add("ocr", "sensitive", ocr_noise("RZECZPOSPOLITA POLSKA\nDOWÓD OSOBISTY\nNazwisko      %s\nImiona        %s\nNumer PESEL   %s\nNumer dowodu  %s" % (R.choice(["NOWAK", "WÓJCIK", "KOWALSKI"]), R.choice(["ANNA", "PIOTR", "TOMASZ"]), V.pl_pesel(), V.pl_dowod())), "OCR of a Polish ID card", "national_id")
    pay = "LOHN-/GEHALTSABRECHNUNG   März 2026\nPers.-Nr. %d    %s\nSteuer-ID %s   StKl 1\nGesamtbrutto        %d,%02d\nNetto               %d,%02d\nÜberweisung an  %s" % (R.randint(1000, 9999), P("de"), V.de_tax_id(spaced=False), R.randint(3500, 7000), R.randint(0, 99), R.randint(2200, 4200), R.randint(0, 99), V.iban(grouped=True))
    add("ocr", "sensitive", ocr_noise(pay).replace("0", "O", 1), "OCR'd payslip with an O/0 confusion", "salary")
    add("ocr", "sensitive", ocr_noise("CARTÃO DE CIDADÃO\nApelido(s)  %s\nNome(s)  %s\nN.º Documento  %s\nNIF %s   N.º Utente %s   NISS %s" % (R.choice(["SILVA", "COSTA", "MARTINS"]), R.choice(["ANA", "RUI", "INÊS"]), V.pt_cc(), V.pt_nif_personal(), V.pt_utente(), V.pt_niss())), "OCR of the back of a Cartão de Cidadão", "national_id")
    # vendor
    add("ocr", "vendor", "ICAO Doc 9303 Part 4, Appendix A (example of a TD3 MRZ):\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", "ICAO's published specimen MRZ", "specimen")
    add("ocr", "vendor", ocr_noise("KASSENBON  Filiale 0412\n2x Kaffee        5,80\n1x Croissant     2,40\nSUMME EUR        8,20\nKarte  ************%s\nTrace-Nr. %06d   Terminal %s" % (V.s(4, DIGITS), R.randint(0, 999999), V.s(8, DIGITS))), "OCR'd receipt with a masked card", "masked")
    add("ocr", "vendor", ocr_noise("DHL Paket\nSendungsnummer\n%s %s %s\nGewicht 2,4 kg\nAbsender: Versandlager Nord GmbH" % (V.s(4, DIGITS), V.s(4, DIGITS), V.s(4, DIGITS))), "OCR'd parcel label", "order_number")
    add("ocr", "vendor", ocr_noise("ETIQUETTE PRODUIT\nRéf. %s-%s\nLot  L%s\nEAN  %s\nFabriqué en France" % (V.s(3, UPPER), V.s(5, DIGITS), V.s(6, DIGITS), V.ean13())), "OCR'd product label", "ean")
    add("ocr", "vendor", "MUSTER\nPERSONALAUSWEIS\nName MUSTERMANN\nVornamen ERIKA\nGeburtstag 12.08.1983\nAusweisnummer T22000129\n(Abbildung: Muster des Bundesministeriums des Innern)", "German ID card specimen", "specimen")
    add("ocr", "vendor", ocr_noise("FACTURA Nº F-2026-%04d\nCliente: Talleres Ruiz S.L.   CIF B%s\nBase imponible   1.240,00\nIVA 21%%           260,40\nTotal            1.500,40" % (R.randint(1, 9999), V.s(8, DIGITS))), "OCR'd company invoice", "company_id")


# ------------------------------------------------------------------ pre-IBAN national bank accounts
def bank_cases():
    kto, blz = V.de_account()
    add("bank", "sensitive", "Hallo Buchhaltung, bitte die Erstattung der Reisekosten an %s überweisen: Kontonummer %s, BLZ %s (Sparkasse)." % (P("de"), kto, blz), "de account and bank code of an employee", "bank_account")
    b, g, c, k = V.fr_rib()
    add("bank", "sensitive", "RIB de %s pour le virement du salaire :\nCode banque %s  Code guichet %s  N° de compte %s  Clé RIB %s" % (P("fr"), b, g, c, k), "fr RIB of an employee", "bank_account")
    b, g, c, k = V.fr_rib()
    add("bank", "sensitive", "Relevé d'identité bancaire — Titulaire : %s — %s %s %s %s — Domiciliation : LCL Paris Opéra" % (P("fr"), b, g, c, k), "fr RIB one line", "bank_account")
    add("bank", "sensitive", "Domiciliación de la nómina de %s: cuenta %s (CCC)." % (P("es"), V.es_ccc()), "es CCC of an employee", "bank_account")
    add("bank", "sensitive", "Per il rimborso a %s: ABI %s, CAB %s, c/c n. %s presso Intesa Sanpaolo." % (P("it"), V.s(5, DIGITS), V.s(5, DIGITS), V.s(12, DIGITS)), "it ABI/CAB/account of a person", "bank_account")
    add("bank", "sensitive", "Oud rekeningnummer van %s (van vóór IBAN): %s, graag omzetten voor de salarisadministratie." % (P("nl"), V.nl_old_account()), "nl old account number", "bank_account")
    add("bank", "sensitive", "Pagamento do reembolso a %s para o NIB %s (Caixa Geral de Depósitos)." % (P("pt"), V.pt_nib()), "pt NIB of a person", "bank_account")
    add("bank", "sensitive", "Proszę przelać zwrot kosztów dla %s na rachunek %s (mBank)." % (P("pl"), V.pl_nrb()), "pl NRB (IBAN without PL) of a person", "bank_account")
    sc, acc = V.uk_sort_account()
    add("bank", "sensitive", "Hi payroll, %s's new bank details: sort code %s, account number %s, Barclays." % (P("en"), sc, acc), "uk sort code and account of an employee", "bank_account")
    add("bank", "sensitive", "振込先の変更：%s様\n三菱UFJ銀行 新宿支店（店番%s）\n普通預金 口座番号%s" % (P("ja"), V.s(3, DIGITS), V.s(7, DIGITS)), "ja personal bank account", "bank_account")
    # vendor
    add("bank", "vendor", "Die Bankleitzahl %s gehört zur Deutschen Bank in Berlin; BIC DEUTDEBBXXX. Bitte im Stammdatenblatt ergänzen." % V.de_account()[1], "bank code and BIC alone (public)", "none")
    add("bank", "vendor", "Comment calcule-t-on la clé RIB ? Clé = 97 − ((89 × banque + 15 × guichet + 3 × compte) mod 97). Exemple du cours : banque 12345, guichet 67890.", "RIB key formula with a course example", "none")
    add("bank", "vendor", "Nº de pedido %s%s, referencia de envío %s. El importe se cargará en su cuenta habitual." % (V.s(4, DIGITS), V.s(4, DIGITS), V.s(20, DIGITS)), "es 20-digit shipment reference", "order_number")
    add("bank", "vendor", "Sort code lookup: 20-00-00 is Barclays' head office clearing code; use the bank's checker before adding a new payee.", "uk public sort code", "none")
    add("bank", "vendor", "Numer referencyjny przelewu: %s, tytuł: faktura FV/%d/2026, kwota 1 230,00 zł." % (V.s(26, DIGITS), R.randint(1, 999)), "pl 26-digit transfer reference", "order_number")
    add("bank", "vendor", "Kontonummer und BLZ? Seit 2014 gilt nur noch die IBAN; die alte Kontonummer steckt in den letzten zehn Stellen.", "de explanation without a value", "none")
    add("bank", "vendor", "お振込先：株式会社グローバル商事　みずほ銀行 本店 当座 口座番号は請求書に記載しております。", "ja company account mentioned without number", "none")
    add("bank", "vendor", "Dados para pagamento da fatura: Empresa Lusotech, Lda., NIPC %s, referência MB %s %s %s." % (V.pt_nipc(), V.s(3, DIGITS), V.s(3, DIGITS), V.s(3, DIGITS)), "pt company NIPC and Multibanco reference", "company_id")


# ------------------------------------------------------------------ payroll lines of named employees
def payroll_cases():
    add("payroll", "sensitive", "Gehaltsanpassung zum 1.4.: %s (Team Vertrieb) von %d.000 € auf %d.000 € brutto im Jahr, Bonus %d %%. Bitte vertraulich behandeln." % (P("de"), R.randint(52, 70), R.randint(71, 85), R.randint(5, 20)), "de salary change of a named employee", "salary")
    add("payroll", "sensitive", "Bulletin de paie – mars 2026\nSalarié : %s\nSalaire de base : %d,%02d €\nNet à payer avant impôt : %d,%02d €" % (P("fr"), R.randint(2800, 5200), R.randint(0, 99), R.randint(2100, 4000), R.randint(0, 99)), "fr payslip of a named employee", "salary")
    add("payroll", "sensitive", "Nómina de %s – febrero: salario base %d,%02d €, complemento %d €, IRPF %d %%, líquido a percibir %d,%02d €." % (P("es"), R.randint(1800, 4000), R.randint(0, 99), R.randint(100, 600), R.randint(12, 30), R.randint(1500, 3300), R.randint(0, 99)), "es payslip line", "salary")
    add("payroll", "sensitive", "Busta paga di %s (matricola %d): retribuzione lorda %d,%02d €, netto in busta %d,%02d €, superminimo %d €." % (P("it"), R.randint(1000, 9999), R.randint(2200, 4800), R.randint(0, 99), R.randint(1600, 3200), R.randint(0, 99), R.randint(100, 500)), "it payslip line", "salary")
    add("payroll", "sensitive", "Loonstrook %s – periode 03: bruto maandsalaris € %d,%02d, loonheffing € %d,%02d, netto € %d,%02d." % (P("nl"), R.randint(3000, 6000), R.randint(0, 99), R.randint(600, 1500), R.randint(0, 99), R.randint(2200, 4200), R.randint(0, 99)), "nl payslip line", "salary")
    add("payroll", "sensitive", "Recibo de vencimento de %s: vencimento base %d,%02d €, subsídio de refeição %d,%02d €, líquido %d,%02d €." % (P("pt"), R.randint(1100, 3000), R.randint(0, 99), R.randint(100, 200), R.randint(0, 99), R.randint(900, 2400), R.randint(0, 99)), "pt payslip line", "salary")
    add("payroll", "sensitive", "Lista płac – kwiecień\n%s: wynagrodzenie zasadnicze %d zł brutto, premia %d zł, do wypłaty %d,%02d zł" % (P("pl"), R.randint(6000, 14000), R.randint(500, 3000), R.randint(4500, 10000), R.randint(0, 99)), "pl payroll line", "salary")
    add("payroll", "sensitive", "Comp review: %s – current base £%d,000, proposed £%d,000 (+%d%%), equity refresh 1,200 RSUs. Not to be shared outside the panel." % (P("en"), R.randint(60, 80), R.randint(81, 95), R.randint(5, 15), ), "uk comp review of a named employee", "salary")
    add("payroll", "sensitive", "給与明細（2026年3月分）\n氏名：%s\n基本給 %d,000円　時間外手当 %d,%03d円\n差引支給額 %d,%03d円" % (P("ja"), R.randint(250, 480), R.randint(10, 90), R.randint(0, 999), R.randint(200, 400), R.randint(0, 999)), "ja payslip", "salary")
    add("payroll", "sensitive", "Personalnr;Name;Bruttogehalt;Netto\n%d;%s;%d,00;%d,%02d\n%d;%s;%d,00;%d,%02d" % (R.randint(1000, 9999), P("de"), R.randint(3500, 7000), R.randint(2200, 4200), R.randint(0, 99), R.randint(1000, 9999), P("de"), R.randint(3500, 7000), R.randint(2200, 4200), R.randint(0, 99)), "de payroll export rows", "salary")
    # vendor
    add("payroll", "vendor", "TVöD-Entgelttabelle 2026 (Bund): E9a Stufe 1 %d,%02d €, Stufe 2 %d,%02d €, Stufe 3 %d,%02d €." % (R.randint(3300, 3500), R.randint(0, 99), R.randint(3500, 3700), R.randint(0, 99), R.randint(3700, 3900), R.randint(0, 99)), "de public collective pay table", "none")
    add("payroll", "vendor", "Offre d'emploi : Développeur backend (H/F), CDI, Lyon, salaire 45 000 – 55 000 € brut annuel selon expérience.", "fr job ad salary band", "none")
    add("payroll", "vendor", "Coste total de personal del departamento en el primer trimestre: %d.%03d €, un %d %% más que en 2025." % (R.randint(300, 900), R.randint(0, 999), R.randint(2, 9)), "es aggregated payroll cost", "none")
    add("payroll", "vendor", "Come si calcola il netto in busta paga partendo da 35.000 € di RAL? Mi servono le aliquote IRPEF 2026.", "it payroll question without a person", "none")
    add("payroll", "vendor", "Het minimumloon per 1 januari 2026 is € %d,%02d bruto per maand bij een 40-urige werkweek." % (R.randint(2100, 2300), R.randint(0, 99)), "nl public minimum wage", "none")
    add("payroll", "vendor", "Muster-Gehaltsabrechnung (Vorlage)\nMitarbeiter: Max Mustermann\nBruttogehalt: 0.000,00 €\nNetto: 0.000,00 €", "de payslip template with the placeholder name", "placeholder")
    add("payroll", "vendor", "Bulletin de paie : comment lire la ligne « CSG déductible » ? Elle est calculée sur 98,25 % du salaire brut.", "fr payslip question", "none")
    add("payroll", "vendor", "賃金構造基本統計調査によると、情報通信業の平均月給は約%d万円です。" % R.randint(35, 45), "ja public wage statistics", "none")


# ------------------------------------------------------------------ secrets inside URLs
def url_cases():
    add("url", "sensitive", "Das Widget lädt nicht, die Konsole zeigt:\nGET https://api.%s/v1/forecast?city=Lyon&units=metric&api_key=%s 401" % (R.choice(["meteosource.io", "weatherstack.net"]), V.s(32, HEXD)), "api_key in a query string", "api_key")
    add("url", "sensitive", "After login the browser lands on\nhttps://app.%s/oauth/callback#access_token=%s&token_type=Bearer&expires_in=3599&scope=openid%%20email\nbut the SPA shows a blank page. Why?" % (R.choice(["brightpath.io", "fabrikam.net"]), V.google_oauth()), "OAuth implicit-flow fragment with an access token", "access_token")
    user = R.choice(["deploy", "ci-bot", "release"])
    add("url", "sensitive", "git remote -v\norigin  https://%s:%s@github.com/%s/billing-service.git (fetch)\norigin  https://%s:%s@github.com/%s/billing-service.git (push)" % (user, V.github_pat(), "acme-corp", user, V.github_pat(), "acme-corp"), "git remote with a token as password", "api_key")
    add("url", "sensitive", "Grafana datasource:\n  url: https://admin:%s@metrics.%s:3000/api/datasources" % (V.password(), R.choice(["acme.net", "fabrikam.net"])), "basic auth inside a URL", "password")
    add("url", "sensitive", "Upload klappt nur mit dieser URL:\nhttps://%sstore.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=rwdlac&se=2026-12-31T23:59:59Z&st=2026-01-01T00:00:00Z&spr=https&sig=%s%%3D" % (R.choice(["acme", "contoso"]), urllib.parse.quote(base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode()[:-1], safe="")), "Azure SAS URL with its signature", "api_key")
    add("url", "sensitive", "Benachrichtigung an den Kanal geht über\nhttps://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (R.choice(["acme", "contoso"]), V.uuid(), V.uuid(), V.s(32, HEXD), V.uuid()), "Teams incoming webhook URL", "webhook")
    add("url", "sensitive", "El bot publica en Discord con https://discord.com/api/webhooks/%d/%s" % (R.randint(10 ** 17, 10 ** 18), V.s(68, ALNUM + "_-")), "Discord webhook URL", "webhook")
    add("url", "sensitive", "Il link di reset che arriva al cliente è https://shop.%s/reset?email=%s&token=%s — è normale che contenga l'e-mail?" % (R.choice(["example-shop.it", "negozio-verde.it"]), urllib.parse.quote(V.email(P("it"))), V.s(40, HEXD)), "reset link with a customer's e-mail and token", "email")
    add("url", "sensitive", "nginx access log:\n%s - - [07/Dec/2026:09:12:01 +0100] \"GET /api/export?format=csv&access_token=%s HTTP/1.1\" 200 48213" % (V.public_ip(), V.s(40, ALNUM)), "access_token in a logged request line", "access_token")
    add("url", "sensitive", "amqps://orders:%s@rabbit-prod.%s:5671/%%2Forders" % (V.password(), R.choice(["acme.net", "fabrikam.net"])), "AMQP URL with password", "password")
    # vendor
    add("url", "vendor", "Beispiel aus der Doku: https://api.openweathermap.org/data/2.5/weather?q=Berlin&appid={API key}", "docs URL with a placeholder", "placeholder")
    add("url", "vendor", "Redirect URI to register: https://app.example.com/oauth/callback — the provider appends #access_token=...&token_type=Bearer after login.", "OAuth docs with an elided token", "placeholder")
    add("url", "vendor", "Im Tutorial steht: curl \"https://api.example.com/v1/items?api_key=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" – wo bekomme ich den echten Schlüssel?", "de tutorial with an x-ed key", "placeholder")
    add("url", "vendor", "git clone https://${GIT_USER}:${GIT_TOKEN}@gitlab.com/acme/infra.git", "URL with env-var credentials", "env_ref")
    add("url", "vendor", "Formato: https://usuario:contraseña@servidor:puerto/ruta — sustituya usuario y contraseña por los suyos.", "es URL template", "placeholder")
    add("url", "vendor", "https://www.%s/products/lampe-%d?utm_source=newsletter&utm_medium=email&utm_campaign=spring26&ref=%s" % (R.choice(["ikea.com", "otto.de"]), R.randint(100, 999), V.s(8, HEXD)), "tracking parameters", "none")
    add("url", "vendor", "SAS-URL im Ticket (gekürzt): https://acme.blob.core.windows.net/public/logo.png?sv=2022-11-02&sp=r&sig=REDACTED", "redacted SAS signature", "masked")
    add("url", "vendor", "https://github.com/%s/releases/download/v%d.%d.%d/tool-linux-amd64.tar.gz?sha256=%s" % (R.choice(["cli/cli", "grafana/k6"]), R.randint(1, 3), R.randint(0, 30), R.randint(0, 9), V.sha256()), "download URL with a checksum", "hashes")


# ------------------------------------------------------------------ Windows registry, PowerShell, cmd
def windows_cases():
    add("windows", "sensitive", "Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]\n\"AutoAdminLogon\"=\"1\"\n\"DefaultUserName\"=\"kiosk\"\n\"DefaultDomainName\"=\"CORP\"\n\"DefaultPassword\"=\"%s\"" % V.password(), "registry auto-logon password", "password")
    add("windows", "sensitive", "Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\Acme\\SyncClient]\n\"ServerUrl\"=\"https://sync.acme-cloud.com\"\n\"ApiKey\"=\"%s\"\n\"PollSeconds\"=dword:0000003c" % V.s(40, ALNUM), "API key in a registry export", "api_key")
    add("windows", "sensitive", "# Microsoft.PowerShell_profile.ps1\nSet-Alias k kubectl\n$env:OPENAI_API_KEY = \"%s\"\n$env:EDITOR = \"code\"" % V.openai(), "API key in a PowerShell profile", "api_key")
    add("windows", "sensitive", "[Environment]::SetEnvironmentVariable(\"AZURE_CLIENT_SECRET\", \"%s\", \"User\")" % V.azure_client_secret(), "Azure client secret set via .NET", "api_key")
    add("windows", "sensitive", "C:\\> cmdkey /add:fs01.corp.local /user:CORP\\svc_backup /pass:%s\nCMDKEY: Credential added successfully." % V.password(), "cmdkey with a password", "password")
    add("windows", "sensitive", "net use Z: \\\\nas02\\finanzen /user:CORP\\m.weber %s /persistent:yes" % V.password(), "net use with a password", "password")
    add("windows", "sensitive", "$headers = @{ \"X-Api-Key\" = \"%s\"; \"Accept\" = \"application/json\" }\nInvoke-RestMethod -Uri https://api.%s/v2/tickets -Headers $headers" % (V.s(36, ALNUM), R.choice(["freshdesk.com", "zendesk.com"])), "API key in a PowerShell hashtable", "api_key")
    add("windows", "sensitive", "<AutoLogon>\n  <Password>\n    <Value>%s</Value>\n    <PlainText>true</PlainText>\n  </Password>\n  <Enabled>true</Enabled>\n  <Username>Administrator</Username>\n</AutoLogon>" % V.password(), "unattend.xml auto-logon password", "password")
    add("windows", "sensitive", "setx DB_CONN \"Server=sql01;Database=Lager;User Id=lager_app;Password=%s;\"" % V.password(), "setx with a connection string", "password")
    # vendor
    add("windows", "vendor", "Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]\n\"AutoAdminLogon\"=\"0\"\n\"DefaultUserName\"=\"\"\n\"DefaultPassword\"=\"\"", "registry with empty auto-logon values", "none")
    add("windows", "vendor", "$cred = Get-Credential -UserName 'CORP\\svc_backup' -Message 'Passwort eingeben'\nNew-PSDrive -Name Z -PSProvider FileSystem -Root \\\\nas02\\backup -Credential $cred", "PowerShell prompting for a password", "none")
    add("windows", "vendor", "C:\\> cmdkey /list\n\nCurrently stored credentials:\n\n    Target: Domain:target=fs01.corp.local\n    Type: Domain Password\n    User: CORP\\svc_backup", "cmdkey list output", "none")
    add("windows", "vendor", "$env:OPENAI_API_KEY = (Get-Secret -Name OpenAI -AsPlainText)\n$env:Path += \";C:\\tools\\bin\"", "key read from a secret store", "env_ref")
    add("windows", "vendor", "Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\\Agent]\n\"InstallPath\"=\"C:\\\\Program Files\\\\Acme\\\\Agent\"\n\"Version\"=\"%d.%d.%d\"\n\"InstanceId\"=\"{%s}\"" % (R.randint(1, 9), R.randint(0, 20), R.randint(0, 999), V.uuid().upper()), "registry export with a GUID", "uuids")
    add("windows", "vendor", "# PowerShell-Profil\n$env:OPENAI_API_KEY = \"<hier deinen Schlüssel eintragen>\"\nSet-Alias k kubectl", "de profile with a placeholder key", "placeholder")
    add("windows", "vendor", "net use Z: \\\\nas02\\public /user:CORP\\%%USERNAME%% * /persistent:no", "net use prompting (*) for the password", "none")


# ------------------------------------------------------------------ notebooks with outputs
def nb(cells):
    out = []
    for i, c in enumerate(cells):
        kind = c[0]
        if kind == "md":
            out.append({"cell_type": "markdown", "metadata": {}, "source": c[1].splitlines(True)})
        else:
            cell = {"cell_type": "code", "execution_count": i + 1, "metadata": {}, "source": c[1].splitlines(True), "outputs": []}
            if len(c) > 2:
                cell["outputs"].append({"name": "stdout", "output_type": "stream", "text": c[2].splitlines(True)})
            out.append(cell)
    return json.dumps({"cells": out, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}}, "nbformat": 4, "nbformat_minor": 5}, indent=1, ensure_ascii=False)


def notebook_cases():
    rows = "\n".join("%d  %-18s %-32s %s" % (i, P("de"), V.email(), V.iban()) for i in range(3))
    add("notebook", "sensitive", nb([("md", "## Kundenanalyse Q1"), ("code", "df = pd.read_csv('kunden.csv')\nprint(df[['name', 'email', 'iban']].head(3))", "   name               email                            iban\n" + rows)]), "notebook output with customer IBANs", "iban")
    add("notebook", "sensitive", nb([("code", "import os\nfor k, v in os.environ.items():\n    print(k, '=', v)", "HOME = /home/jovyan\nAWS_ACCESS_KEY_ID = %s\nAWS_SECRET_ACCESS_KEY = %s\nPATH = /opt/conda/bin:/usr/bin" % (V.aws_key_id(), V.aws_secret()))]), "notebook output dumping the environment", "api_key")
    add("notebook", "sensitive", nb([("md", "# Analyse des réadmissions"), ("code", "patients.loc[patients.readmis, ['nom', 'naissance', 'diagnostic']]", "      nom               naissance    diagnostic\n12   %s   %s   schizophrénie paranoïde\n47   %s   %s   trouble bipolaire" % (P("fr"), dob("fr"), P("fr"), dob("fr")))]), "fr notebook output with patients' diagnoses", "health_record")
    add("notebook", "sensitive", nb([("code", "client = anthropic.Anthropic(api_key=\"%s\")\nmsg = client.messages.create(model=\"claude-sonnet-4\", max_tokens=50, messages=[{\"role\": \"user\", \"content\": \"hola\"}])\nprint(msg.content[0].text)" % V.anthropic(), "¡Hola! ¿En qué puedo ayudarte?")]), "notebook cell with an API key", "api_key")
    add("notebook", "sensitive", nb([("code", "conn = psycopg2.connect(host='10.20.0.15', dbname='hr', user='analyst', password='%s')\npd.read_sql('select count(*) from dipendenti', conn)" % V.password(), "   count\n0    412")]), "notebook with a DB password", "password")
    add("notebook", "sensitive", nb([("code", "print(df.loc[df.afdeling == 'Sales', ['naam', 'bsn', 'salaris']])", "    naam               bsn         salaris\n3   %s   %s   %d\n9   %s   %s   %d" % (P("nl"), V.nl_bsn(), R.randint(3000, 6000), P("nl"), V.nl_bsn(), R.randint(3000, 6000)))]), "nl notebook output with BSNs and salaries", "national_id")
    # vendor
    add("notebook", "vendor", nb([("code", "from sklearn.datasets import load_iris\ndf = load_iris(as_frame=True).frame\ndf.head(3)", "   sepal length (cm)  sepal width (cm)  petal length (cm)  petal width (cm)  target\n0                5.1               3.5                1.4               0.2       0\n1                4.9               3.0                1.4               0.2       0\n2                4.7               3.2                1.3               0.2       0")]), "iris notebook", "none")
    add("notebook", "vendor", nb([("code", "import getpass\npwd = getpass.getpass('Passwort: ')", "Passwort: ········")]), "notebook prompting for a password", "masked")
    add("notebook", "vendor", nb([("code", "client = OpenAI(api_key=os.environ[\"OPENAI_API_KEY\"])\nprint(client.models.list().data[0].id)", "gpt-4o-mini")]), "notebook reading the key from the environment", "env_ref")
    add("notebook", "vendor", nb([("code", "hashlib.sha256(b'pedido-%d').hexdigest()" % R.randint(1000, 9999), "'%s'" % V.sha256())]), "notebook output with a hash", "hashes")
    add("notebook", "vendor", nb([("md", "## Vendite per regione"), ("code", "df.groupby('regione').fatturato.sum()", "regione\nLombardia    1240000\nLazio         980500\nVeneto        771200")]), "it aggregated sales", "none")


# ------------------------------------------------------------------ spreadsheets with local header rows
def sheet_cases():
    def rows(header, fn, n=3, sep=";"):
        return "\n".join([header] + [sep.join(fn()) for _ in range(n)])
    add("sheet", "sensitive", rows("Personalnr;Nachname;Vorname;Krankenkasse;KV-Nummer", lambda: [str(R.randint(1000, 9999))] + P("de").split(" ", 1)[::-1] + [R.choice(["TK", "AOK", "Barmer", "DAK"]), V.de_kvnr()]), "de sheet with health insurance numbers", "national_id")
    add("sheet", "sensitive", rows("Apellidos;Nombre;DNI;Nº Seguridad Social", lambda: P("es").split(" ", 1)[::-1] + [V.es_dni(), V.es_nuss()]), "es sheet with DNI and NUSS", "national_id")
    add("sheet", "sensitive", rows("Cognome\tNome\tCodice fiscale\tN. tessera sanitaria", lambda: P("it").split(" ", 1)[::-1] + [V.it_fiscal_code(), V.it_tessera()], sep="\t"), "it TSV with tessera sanitaria", "national_id")
    add("sheet", "sensitive", rows("Nome;NISS;N.º utente SNS", lambda: [P("pt"), V.pt_niss(), V.pt_utente()]), "pt sheet with NISS and SNS numbers", "national_id")
    add("sheet", "sensitive", rows("Nazwisko i imię;Nr dowodu;Nr paszportu", lambda: [P("pl"), V.pl_dowod(), V.pl_passport()]), "pl sheet with ID card and passport numbers", "passport")
    add("sheet", "sensitive", rows("Achternaam,Voornaam,Paspoortnummer,Geldig tot", lambda: P("nl").split(" ", 1)[::-1] + [V.nl_passport(), "%02d-%02d-%d" % (R.randint(1, 28), R.randint(1, 12), R.randint(2027, 2034))], sep=","), "nl sheet with passport numbers", "passport")
    add("sheet", "sensitive", rows("Nom;Prénom;N° de sécurité sociale;Salaire brut", lambda: P("fr").split(" ", 1)[::-1] + [V.fr_nir(spaced=False), "%d" % R.randint(30000, 70000)]), "fr sheet with NIR and salaries", "national_id")
    add("sheet", "sensitive", rows("氏名,個人番号,基礎年金番号", lambda: [P("ja"), V.jp_my_number(), V.jp_pension()], sep=","), "ja sheet with My Number and pension numbers", "national_id")
    add("sheet", "sensitive", rows("Employee;Sort code;Account no.;Net pay", lambda: [P("en")] + list(V.uk_sort_account()) + ["%d.%02d" % (R.randint(1800, 4500), R.randint(0, 99))]), "uk payroll sheet with bank details", "bank_account")
    # vendor
    add("sheet", "vendor", rows("Artikelnummer;Bezeichnung;Bestand;Lagerplatz", lambda: ["%s%s" % (R.choice("CFGH"), V.s(8, DIGITS)), R.choice(["Kabelbinder", "Schraube M6", "Dübel 8mm"]), str(R.randint(0, 900)), "R%02d-%02d" % (R.randint(1, 20), R.randint(1, 40))]), "de stock list with 9-character article numbers", "sku")
    add("sheet", "vendor", rows("Referencia;Descripción;Pedido;Seguimiento", lambda: ["%s%s" % (V.s(3, UPPER), V.s(6, DIGITS)), R.choice(["Silla", "Mesa", "Lámpara"]), V.s(8, DIGITS), V.s(12, DIGITS)]), "es order list with passport-shaped references", "order_number")
    add("sheet", "vendor", rows("Fascia;RAL min;RAL max", lambda: [R.choice(["Junior", "Middle", "Senior"]), "%d000" % R.randint(25, 40), "%d000" % R.randint(41, 70)]), "it salary bands", "none")
    add("sheet", "vendor", rows("Empresa;NISS;Setor", lambda: [R.choice(["Lusotech Lda", "Atlântico SA", "Porto Digital Lda"]), V.pt_niss(person=False), R.choice(["TI", "Logística", "Comércio"])]), "pt companies' NISS", "company_id")
    add("sheet", "vendor", rows("法人名,法人番号,所在地", lambda: [R.choice(["株式会社サンライズ", "東都物産株式会社", "合同会社ミライ"]), V.jp_corporate(), R.choice(["東京都港区", "大阪市北区", "福岡市中央区"])], sep=","), "ja corporate numbers (public)", "company_id")
    add("sheet", "vendor", rows("Wersja;Data wydania;Zmiany", lambda: ["%d.%d.%d" % (R.randint(1, 9), R.randint(0, 30), R.randint(0, 300)), "2026-%02d-%02d" % (R.randint(1, 12), R.randint(1, 28)), R.choice(["poprawki", "nowy raport", "wydajność"])]), "pl release list", "version")


# ------------------------------------------------------------------ chat exports with local number words
def chat_cases():
    d = "0" + R.choice("67") + V.s(8, DIGITS)
    pairs = [d[i:i + 2] for i in range(0, 10, 2)]
    said = ", ".join(fr_num(int(p)) if p[0] != "0" else "zéro " + FR_UNITS[int(p[1])] for p in pairs)
    add("chat", "sensitive", "[09:14] Camille Girard: tu peux rappeler %s ? elle attend ton appel\n[09:15] Camille Girard: son portable c'est %s\n[09:15] Julien Bonnet: ok je note" % (P("fr"), said), "fr phone dictated in pair words (Teams)", "phone", "spelled")
    d = "01" + R.choice("567") + V.s(8, DIGITS)
    said = "null eins " + DE_UNITS[int(d[2])] + " " + " ".join(say(d[i:i + 2], de_num, "null") for i in range(3, 11, 2))
    add("chat", "sensitive", "[10.03.26, 08:41:12] Jonas: Frau %s bittet um Rückruf\n[10.03.26, 08:41:30] Jonas: Handy: %s\n[10.03.26, 08:42:02] Lea: mach ich" % (P("de").split()[1], said), "de phone in inverted tens (WhatsApp)", "phone", "spelled")
    d = R.choice("67") + V.s(8, DIGITS)
    said = ", ".join(say(g, es_num, "cero") for g in groups(d, [3, 2, 2, 2]))
    add("chat", "sensitive", "Marta Ruiz  11:02\nel cliente %s pide que le llamen al %s\nSergio Gil  11:03\nvale, lo llamo después de comer" % (P("es"), said), "es phone in number words (Slack)", "phone", "spelled")
    d = "3" + R.choice("2348") + V.s(8, DIGITS)
    said = " ".join([IT_UNITS[int(c)] for c in d[:3]] + [say(d[i:i + 2], it_num, "zero") for i in range(3, 9, 2)] + [IT_UNITS[int(d[9])]])
    add("chat", "sensitive", "12/03/26, 17:20 - Luca: il numero della signora %s è %s\n12/03/26, 17:21 - Giulia: grazie, la richiamo domani" % (P("it").split()[1], said), "it mobile in mixed words (WhatsApp)", "phone", "spelled")
    d = "06" + V.s(8, DIGITS)
    said = "nul zes, " + ", ".join(say(d[i:i + 2], nl_num, "nul") for i in range(2, 10, 2))
    add("chat", "sensitive", "[14:02] Sanne de Boer: %s wil teruggebeld worden op %s\n[14:03] Daan Jansen: top, ik bel haar" % (P("nl"), said), "nl mobile in pair words (Teams)", "phone", "spelled")
    d = R.choice("5678") + V.s(8, DIGITS)
    said = ", ".join(say(g, pl_num, "zero") for g in groups(d, [3, 3, 3]))
    add("chat", "sensitive", "[15.03.2026 10:12] Paweł: pan %s prosi o telefon, numer %s\n[15.03.2026 10:13] Anna: ok" % (P("pl").split()[1], said), "pl phone in hundreds words", "phone", "spelled")
    d = "9" + R.choice("1236") + V.s(7, DIGITS)
    said = " ".join(say(g, pt_num, "zero") if len(g) == 2 else PT_UNITS[int(g)] for g in [d[0], d[1:3], d[3:5], d[5:7], d[7:9]])
    add("chat", "sensitive", "[16:20] Rui: a D. %s pediu para ligarmos para o %s\n[16:21] Inês: trato eu disso" % (P("pt").split()[1], said), "pt mobile in number words", "phone", "spelled")
    d = "090" + V.s(8, DIGITS)
    said = "".join(JA_KATA[int(c)] for c in d[:3]) + "、" + "".join(JA_KATA[int(c)] for c in d[3:7]) + "、" + "".join(JA_KATA[int(c)] for c in d[7:])
    add("chat", "sensitive", "%s 10:05\n%sさんの携帯は%sです。折り返しお願いします。\n%s 10:06\n了解です" % (P("ja"), P("ja"), said, P("ja")), "ja mobile in katakana digits", "phone", "spelled")
    iban = V.iban_cc("NL", grouped=False)
    said = " ".join(iban[:2]) + " " + say(iban[2:4], nl_num, "nul") + " " + " ".join(iban[4:8]) + " " + " ".join(say(iban[i:i + 2], nl_num, "nul") for i in range(8, 18, 2))
    add("chat", "sensitive", "[11:40] Femke: voor de terugbetaling, mijn rekening is %s\n[11:41] Bram: genoteerd" % said, "nl IBAN dictated with pair words", "iban", "spelled")
    card = V.card_digits()
    while len(card) != 16:
        card = V.card_digits()
    said = ", ".join(" ".join(say(g[j:j + 2], de_num, "null") for j in (0, 2)) for g in groups(card, [4, 4, 4, 4]))
    add("chat", "sensitive", "[10.03.26, 19:02:11] Mama: hier die Kreditkartennummer für die Buchung: %s, gültig bis %s %s\n[10.03.26, 19:03:40] Stefan: danke!" % (said, de_num(R.randint(1, 12)), de_num(R.randint(27, 31))), "de card in pair words (WhatsApp)", "credit_card", "spelled")
    # vendor
    add("chat", "vendor", "[09:20] Camille Girard: on a vendu quarante-deux unités hier et soixante-dix-huit ce matin\n[09:21] Julien Bonnet: super, on vise quatre-vingt-dix d'ici vendredi", "fr quantities in words", "none")
    add("chat", "vendor", "[10.03.26, 12:01:10] Jonas: Treffen um vierzehn Uhr dreißig in Raum zweiundvierzig?\n[10.03.26, 12:01:55] Lea: passt", "de time and room in words", "none")
    add("chat", "vendor", "Marta Ruiz  13:10\nel pedido trescientos doce ya salió, son cuarenta y cinco cajas\nSergio Gil  13:11\nperfecto", "es order quantities", "order_number")
    add("chat", "vendor", "12/03/26, 18:00 - Luca: la versione nuova è la tre punto dodici\n12/03/26, 18:01 - Giulia: ok aggiorno stasera", "it version in words", "version")
    add("chat", "vendor", "[14:30] Sanne de Boer: het ticketnummer is vijfenveertig twaalf, zie Jira\n[14:31] Daan Jansen: dank", "nl ticket number in words", "order_number")
    add("chat", "vendor", "%s 15:00\n会議はサンジュウゴ分遅れます。会議室はニ〇一です。" % P("ja"), "ja meeting note with numbers", "none")
    add("chat", "vendor", "[15.03.2026 12:00] Paweł: zamówiliśmy trzysta dwadzieścia sztuk, dostawa za czternaście dni", "pl quantities in words", "none")


# ------------------------------------------------------------------ Kubernetes, Helm and compose
def manifest_cases():
    add("manifest", "sensitive", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ledger-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.acme.io/ledger-api:2.4.1\n          args:\n            - --listen=:8080\n            - --db-password=%s\n            - --log-level=info" % V.password(), "password in container args", "password")
    add("manifest", "sensitive", "      initContainers:\n        - name: migrate\n          image: mysql:8.4\n          command: [\"sh\", \"-c\", \"mysql -h mysql-primary -u root -p%s shop < /sql/init.sql\"]" % V.password(), "mysql -p password in an initContainer", "password")
    add("manifest", "sensitive", "metadata:\n  name: reports\n  annotations:\n    prometheus.io/scrape: \"true\"\n    acme.io/metrics-bearer-token: \"%s\"" % V.s(48, ALNUM), "bearer token in an annotation", "api_key")
    add("manifest", "sensitive", "services:\n  db:\n    image: mariadb:11\n    healthcheck:\n      test: [\"CMD\", \"mysqladmin\", \"ping\", \"-h\", \"localhost\", \"-uroot\", \"-p%s\"]\n      interval: 10s" % V.password(), "mysqladmin password in a compose healthcheck", "password")
    add("manifest", "sensitive", "services:\n  cache:\n    image: redis:7\n    command: [\"redis-server\", \"--requirepass\", \"%s\", \"--appendonly\", \"yes\"]" % V.password(), "redis password in a compose command", "password")
    add("manifest", "sensitive", "          env:\n            - name: SMTP_USER\n              value: mailer@acme-shop.de\n            - name: SMTP_PASS\n              value: \"%s\"" % V.password(), "SMTP password as an env literal", "password")
    add("manifest", "sensitive", "ingress:\n  annotations:\n    nginx.ingress.kubernetes.io/auth-type: basic\n    nginx.ingress.kubernetes.io/configuration-snippet: |\n      proxy_set_header Authorization \"Basic %s\";" % base64.b64encode(("admin:%s" % V.password()).encode()).decode(), "Basic credentials in an ingress snippet", "password", "base64")
    add("manifest", "sensitive", "# values-prod.yaml\nkeycloak:\n  auth:\n    adminUser: admin\n    adminPassword: \"%s\"\nexternalDatabase:\n  host: pg-prod\n  user: keycloak" % V.password(), "Helm values admin password", "password")
    # vendor
    add("manifest", "vendor", "          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: ledger-db\n                  key: password\n          args: [\"--db-password=$(DB_PASSWORD)\"]", "password from a secret reference", "env_ref")
    add("manifest", "vendor", "metadata:\n  annotations:\n    checksum/config: %s\n    deployment.kubernetes.io/revision: \"%d\"" % (V.sha256(), R.randint(2, 40)), "checksum annotation", "hashes")
    add("manifest", "vendor", "services:\n  db:\n    image: mariadb:11\n    environment:\n      MARIADB_ROOT_PASSWORD_FILE: /run/secrets/db_root\n    healthcheck:\n      test: [\"CMD\", \"healthcheck.sh\", \"--connect\", \"--innodb_initialized\"]\nsecrets:\n  db_root:\n    file: ./secrets/db_root.txt", "compose with a secrets file", "env_ref")
    add("manifest", "vendor", "keycloak:\n  auth:\n    adminUser: admin\n    existingSecret: keycloak-admin\n    passwordSecretKey: admin-password", "Helm values with an existing secret", "env_ref")
    add("manifest", "vendor", "      initContainers:\n        - name: wait-for-db\n          image: busybox:1.36\n          command: ['sh', '-c', 'until nc -z mysql-primary 3306; do sleep 2; done']", "initContainer without credentials", "none")
    add("manifest", "vendor", "          args:\n            - --db-password-file=/etc/ledger/secrets/db-password\n            - --api-key-file=/etc/ledger/secrets/api-key", "args pointing at secret files", "env_ref")
    add("manifest", "vendor", "# values.yaml (Standardwerte)\nadminPassword: \"\"  # leer lassen: das Chart erzeugt ein zufälliges Passwort", "de Helm default with an empty password", "placeholder")


# ------------------------------------------------------------------ shell history
def shell_cases():
    def hist(cmds):
        start = R.randint(400, 1800)
        return "\n".join("%5d  %s" % (start + i, c) for i, c in enumerate(cmds))
    add("shell", "sensitive", hist(["cd /srv/shop", "mysql -h db01 -u root -p%s shop -e 'select count(*) from orders'" % V.password(), "exit"]), "mysql -p password", "password")
    add("shell", "sensitive", hist(["az login --service-principal -u %s -p %s --tenant %s" % (V.uuid(), V.azure_client_secret(), V.uuid()), "az aks get-credentials -g prod -n aks-prod"]), "az login with a client secret", "api_key")
    add("shell", "sensitive", hist(["aws configure set aws_access_key_id %s" % V.aws_key_id(), "aws configure set aws_secret_access_key %s" % V.aws_secret(), "aws s3 ls"]), "aws configure set with keys", "api_key")
    add("shell", "sensitive", hist(["openssl enc -aes-256-cbc -salt -pbkdf2 -in kunden.sql -out kunden.sql.enc -pass pass:%s" % V.password(), "rm kunden.sql"]), "openssl -pass pass:", "password")
    add("shell", "sensitive", hist(["openssl pkcs12 -export -in cert.pem -inkey key.pem -out client.p12 -passout pass:%s" % V.password()]), "openssl -passout pass:", "password")
    add("shell", "sensitive", hist(["redis-cli -h cache-prod -a '%s' --no-auth-warning info memory" % V.password()]), "redis-cli -a password", "password")
    add("shell", "sensitive", hist(["sqlcmd -S sql01.corp.local -U sa -P '%s' -Q \"SELECT name FROM sys.databases\"" % V.password()]), "sqlcmd -P password", "password")
    add("shell", "sensitive", hist(["htpasswd -b -c /etc/nginx/.htpasswd admin '%s'" % V.password(), "systemctl reload nginx"]), "htpasswd -b password", "password")
    add("shell", "sensitive", hist(["7z a -p%s -mhe=on lohn_2026.7z lohn/" % V.password(), "ls -la"]), "7z archive password", "password")
    add("shell", "sensitive", hist(["smbclient //nas01/buchhaltung -U backup%%%s -c 'ls'" % V.password()]), "smbclient user%password", "password")
    add("shell", "sensitive", hist(["ldapsearch -x -H ldaps://ldap.corp.local -D 'cn=admin,dc=corp,dc=local' -w '%s' '(uid=jdoe)'" % V.password()]), "ldapsearch -w password", "password")
    add("shell", "sensitive", hist(["export PGPASSWORD='%s'" % V.password(), "pg_dump -h pg-prod -U app crm > crm.sql"]), "export PGPASSWORD", "password")
    # vendor
    add("shell", "vendor", hist(["mysql -h db01 -u root -p shop", "mysqldump --defaults-extra-file=~/.my.cnf shop > shop.sql"]), "mysql prompting for the password", "none")
    add("shell", "vendor", hist(["openssl enc -aes-256-cbc -pbkdf2 -in backup.tar -out backup.tar.enc -pass env:BACKUP_PASS", "openssl enc -d -aes-256-cbc -pbkdf2 -in backup.tar.enc -pass file:/run/secrets/backup"]), "openssl reading the password from env/file", "env_ref")
    add("shell", "vendor", hist(["echo \"$REGISTRY_TOKEN\" | docker login ghcr.io -u ci-bot --password-stdin", "docker push ghcr.io/acme/api:1.9.2"]), "docker login from stdin", "env_ref")
    add("shell", "vendor", "$ aws configure list\n      Name                    Value             Type    Location\n      ----                    -----             ----    --------\n   profile                <not set>             None    None\naccess_key     ****************%s shared-credentials-file\nsecret_key     ****************%s shared-credentials-file\n    region                eu-central-1      config-file    ~/.aws/config" % (V.s(4, UPPER + DIGITS), V.s(4, ALNUM)), "aws configure list (masked)", "masked")
    add("shell", "vendor", hist(["mysql --login-path=prod shop -e 'show tables'", "sqlcmd -S sql01.corp.local -E -Q \"SELECT @@VERSION\""]), "mysql login path and sqlcmd integrated auth", "none")
    add("shell", "vendor", hist(["gcloud auth activate-service-account --key-file=/secure/sa-ci.json", "gcloud config set project acme-prod"]), "gcloud with a key file path", "none")
    add("shell", "vendor", hist(["az login --use-device-code", "az account set --subscription %s" % V.uuid()]), "az device-code login", "uuids")
    add("shell", "vendor", hist(["redis-cli -h cache-prod --askpass info memory", "psql \"host=pg-prod user=app dbname=crm\""]), "redis-cli --askpass and psql without password", "none")


# ------------------------------------------------------------------ Japanese forms
def ja_cases():
    add("jaform", "sensitive", "給与所得者の扶養控除等（異動）申告書\n氏名 %s\n個人番号 %s\n生年月日 %s\n住所 東京都世田谷区桜新町%d-%d-%d" % (P("ja"), V.jp_my_number(), dob("ja"), R.randint(1, 3), R.randint(1, 30), R.randint(1, 20)), "ja tax form with My Number", "national_id")
    k, b = V.jp_kenpo()
    add("jaform", "sensitive", "健康保険被保険者証\n記号 %s　番号 %s\n氏名 %s\n生年月日 %s\n保険者番号 %s" % (k, b, P("ja"), dob("ja"), "06" + V.s(6, DIGITS)), "ja health insurance card", "national_id")
    k, b = V.jp_kenpo()
    add("jaform", "sensitive", "お疲れ様です。%sさんの保険証の記号番号は 記号%s 番号%s です。医療費の立替精算に使います。" % (P("ja"), k, b), "ja insurance card number in a message", "national_id")
    add("jaform", "sensitive", "口座振込依頼書\n氏名 %s\n銀行名 みずほ銀行　支店名 渋谷支店\n預金種目 普通　口座番号 %s\n口座名義 %s" % (P("ja"), V.s(7, DIGITS), R.choice(["ヤマダ タロウ", "サトウ ミサキ", "タナカ ケンイチ"])), "ja direct-deposit form", "bank_account")
    add("jaform", "sensitive", "年金手続きのため、%sさんの基礎年金番号（%s）を人事システムに登録してください。" % (P("ja"), V.jp_pension()), "ja pension number", "national_id")
    add("jaform", "sensitive", "【個人情報】%s様（%s生）の携帯番号は%s、メールは%sです。" % (P("ja"), dob("ja"), V.phone_eu("jp", international=False), V.email()), "ja customer contact details", "phone")
    add("jaform", "sensitive", "%sさんが先週からうつ病で休職しています。診断書は人事部で保管しています。" % P("ja"), "ja colleague's diagnosis", "health_record")
    # vendor
    add("jaform", "vendor", "請求書\n株式会社サンライズ御中\n法人番号 %s\n請求番号 INV-2026-%04d\nご請求金額 ¥%d,000" % (V.jp_corporate(), R.randint(1, 9999), R.randint(10, 900)), "ja invoice with a corporate number", "company_id")
    add("jaform", "vendor", "扶養控除等申告書\n氏名 ＿＿＿＿＿＿\n個人番号 □□□□ □□□□ □□□□\n生年月日 ＿＿年＿＿月＿＿日", "ja blank form", "placeholder")
    add("jaform", "vendor", "保険証の記号・番号は、個人情報保護のためマスキング（記号＊＊＊＊ 番号＊＊）してから提出してください。", "ja masked insurance instructions", "masked")
    add("jaform", "vendor", "〒150-0002 東京都渋谷区渋谷2-%d-%d　TEL 03-5%s-%s（代表）株式会社ミライ" % (R.randint(1, 20), R.randint(1, 20), V.s(3, DIGITS), V.s(4, DIGITS)), "ja company address and main number", "company_phone")
    add("jaform", "vendor", "運転免許証番号（12桁）の入力欄：第＿＿＿＿＿＿＿＿＿＿＿＿号　※番号は本人確認後に人事部が記入します", "ja blank licence field", "placeholder")
    add("jaform", "vendor", "製品型番 %s-%s、シリアル番号 %s、ファームウェア %d.%d.%d" % (V.s(2, UPPER), V.s(4, DIGITS), V.s(12, DIGITS), R.randint(1, 5), R.randint(0, 20), R.randint(0, 99)), "ja model and serial numbers", "sku")


# ------------------------------------------------------------------ placeholders and real values in the nine languages
def placeholder_cases():
    add("placeholder", "sensitive", "Acceso al panel de la tienda:\nusuario: admin_tienda\ncontraseña: %s" % V.password(), "es real password", "password")
    add("placeholder", "sensitive", "Zugang zum Router im Lager: Benutzer admin, Kennwort %s — bitte nicht weitergeben." % V.password(), "de real password (Kennwort)", "password")
    add("placeholder", "sensitive", "Identifiants du Wi-Fi invités pour le salon : réseau ACME-Event, clé WPA %s" % V.password(), "fr real Wi-Fi key", "password")
    add("placeholder", "sensitive", "Credenziali del gestionale: utente m.rossi, parola d'ordine %s" % V.password(), "it real password", "password")
    add("placeholder", "sensitive", "Inloggegevens testomgeving klant: gebruiker beheer, wachtwoord %s" % V.password(), "nl real password", "password")
    add("placeholder", "sensitive", "Acesso ao servidor FTP: utilizador ftp_loja, palavra-passe %s" % V.password(), "pt real password (palavra-passe)", "password")
    add("placeholder", "sensitive", "Dane do logowania do panelu: login k.nowak, hasło %s" % V.password(), "pl real password", "password")
    add("placeholder", "sensitive", "共有アカウント：ID shared_admin　パスワード %s（他部署には共有しないでください）" % V.password(), "ja real password", "password")
    add("placeholder", "vendor", "Acceso al panel de la tienda:\nusuario: <tu usuario>\ncontraseña: <tu contraseña>", "es placeholders", "placeholder")
    add("placeholder", "vendor", "Zugang zum Router: Benutzer admin, Passwort: ******** (steht im Passwortmanager)", "de masked password", "masked")
    add("placeholder", "vendor", "Identifiants : utilisateur [votre identifiant], mot de passe : [masqué]", "fr placeholder", "placeholder")
    add("placeholder", "vendor", "Credenziali: utente mario.rossi, password: vedi 1Password (vault IT)", "it password reference", "placeholder")
    add("placeholder", "vendor", "Wachtwoord: •••••••• — vraag het nieuwe wachtwoord op bij de servicedesk.", "nl masked password", "masked")
    add("placeholder", "vendor", "Utilizador: <o seu e-mail>\nPalavra-passe: <a sua palavra-passe>", "pt placeholders", "placeholder")
    add("placeholder", "vendor", "Hasło: ******** (zmień przy pierwszym logowaniu)", "pl masked password", "masked")
    add("placeholder", "vendor", "パスワード：＊＊＊＊＊＊＊＊（初回ログイン時に変更してください）", "ja masked password", "masked")
    add("placeholder", "vendor", "Passnummer: XXXXXXXXX, IBAN: DE00 0000 0000 0000 0000 00, Steuer-ID: 00 000 000 000", "de zero-filled form values", "placeholder")


iddoc_cases()
ocr_cases()
bank_cases()
payroll_cases()
url_cases()
windows_cases()
notebook_cases()
sheet_cases()
chat_cases()
manifest_cases()
shell_cases()
ja_cases()
placeholder_cases()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout10.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
