#!/usr/bin/env python3
"""Writes the eleventh held-out split (tests/corpus/holdout11/holdout11.jsonl), written for issue 17
after the sixth round of fixes and before the seventh, and run once as written. The nine languages of
the hidden corpora (English, German, French, Spanish, Italian, Dutch, Portuguese, Polish, Japanese),
weighted to the non-English ones, in document kinds no earlier split used: CVs and cover letters,
vCards and calendar invites, SEPA pain.001 and camt.053 XML, MT940 statements and bank CSV exports,
tax forms and payslips as OCR text, sick notes and insurance claims, e-prescriptions and lab reports,
rental and loan applications, CRM exports and notes, SMS and voicemail transcripts, court, police and
lawyers' letters, school records, application logs with localized messages, i18n resource files,
markdown tables, and the configuration files of tools no split had (rclone.conf, .s3cfg, .pypirc,
gradle.properties, Maven settings.xml, composer auth.json, .gem/credentials, wrangler.toml, supabase
and Airflow settings, dbt profiles.yml, grafana.ini, Prometheus scrape configs, Vault tokens, SMTP
settings); e-mail addresses spelled with each language's words for "at" and "dot"; numbers dictated
in each language's number words (Italian, Portuguese and Polish tens, Japanese kanji and katakana);
phone numbers in national and international variants; a named person's health in each language.
Labeled by what may leave the company: credentials, personal bank accounts and cards, personal
identifiers, a person's contact details, a named person's health or pay stay inside. Look-alikes
are vendor: documentation examples, companies' public numbers with valid check digits (SIREN,
partita IVA, NIP/REGON, NIPC, 法人番号), placeholders and masked values in the local language,
product codes and order numbers, general medical questions and statistics without a person, job ads,
configuration that reads its secrets from the environment.
Run: python3 tests/corpus/holdout11/generate_holdout11.py"""

import json
import os
import string
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_world import WorldValues  # noqa

DIGITS = string.digits
UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
HEXD = "0123456789abcdef"
ALNUM = string.ascii_letters + DIGITS

ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "ê": "e", "ë": "e",
                       "à": "a", "á": "a", "â": "a", "ã": "a", "ç": "c", "í": "i", "ì": "i", "ó": "o",
                       "ò": "o", "ô": "o", "õ": "o", "ú": "u", "ù": "u", "ñ": "n", "ł": "l", "ś": "s",
                       "ć": "c", "ń": "n", "ż": "z", "ź": "z", "ą": "a", "ę": "e", " ": ""})


class H11Values(WorldValues):
    IBAN_LENGTHS = dict(WorldValues.IBAN_LENGTHS, DE=(22, "n"), FR=(27, "n"), ES=(24, "n"))

    def mail(self, person, domain=None):
        """A personal address as people pick them: name parts, initials, a year."""
        first, last = (person.split(" ", 1) + [""])[:2]
        f, l = first.lower().translate(ASCII), last.lower().translate(ASCII)
        local = self.pick([f + "." + l, f[0] + l, f + l[:1] + str(self.r.randint(70, 99)), l + "." + f,
                           f + "_" + l, f + str(self.r.randint(1, 999))])
        domain = domain or self.pick(["gmail.com", "gmx.de", "web.de", "orange.fr", "free.fr", "laposte.net",
                                      "hotmail.es", "yahoo.es", "libero.it", "virgilio.it", "ziggo.nl",
                                      "kpnmail.nl", "sapo.pt", "gmail.com", "wp.pl", "onet.pl", "o2.pl",
                                      "outlook.com", "icloud.com", "yahoo.co.jp", "docomo.ne.jp"])
        return local + "@" + domain

    def spoken_mail(self, person, at, dot, domain=None):
        local, dom = self.mail(person, domain).split("@")
        return local.replace(".", dot) + at + dom.replace(".", dot)

    def fr_siren(self):
        """A company's SIREN: 9 digits, Luhn; public in every register."""
        body = self.pick("3456789") + self.s(7, DIGITS)
        for c in DIGITS:
            if self.luhn_ok(body + c):
                return body + c
        raise AssertionError

    def jp_corporate(self):
        """法人番号: 13 digits, the check digit first; public (国税庁 publishes every one)."""
        base = self.s(12, DIGITS)
        total = 0
        for n in range(1, 13):
            p = int(base[12 - n])
            total += p * (1 if n % 2 == 1 else 2)
        return str(9 - total % 9) + base

    def de_vat(self):
        return "DE" + self.pick("123") + self.s(8, DIGITS)

    def nl_kvk(self):
        return self.pick("3456789") + self.s(7, DIGITS)

    def rclone_obscured(self):
        return self.s(self.r.randint(40, 60), ALNUM + "_-")

    def pt_niss(self):
        weights = [29, 23, 19, 17, 13, 11, 7, 5, 3, 2]
        d = [1] + [self.r.randint(0, 9) for _ in range(9)]
        return "".join(map(str, d)) + str(9 - sum(a * b for a, b in zip(weights, d)) % 10)

    def hex(self, n):
        return self.s(n, HEXD)


V = H11Values(20261208)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout11-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def P(lang):
    return V.person(lang)


def dob(lang):
    return V.dob(lang)


FEMALE = {"en": ["Amelia", "Isla", "Grace", "Evie", "Sophie"], "de": ["Sabine", "Anja", "Katrin", "Julia"],
          "fr": ["Camille", "Élodie", "Céline", "Manon", "Léa"], "es": ["Laura", "Lucía", "Carmen", "Marta", "Elena"],
          "it": ["Giulia", "Francesca", "Chiara", "Valentina"], "nl": ["Sanne", "Femke", "Lotte", "Eline"],
          "pt": ["Ana", "Inês", "Beatriz", "Mariana"], "pl": ["Anna", "Katarzyna", "Magdalena", "Agnieszka"]}
MALE = {"en": ["Oliver", "George", "Harry", "Jack", "Liam"], "de": ["Thomas", "Jürgen", "Florian", "Matthias", "Stefan"],
        "fr": ["Julien", "Mathieu", "Antoine", "Nicolas"], "es": ["Javier", "Alejandro", "Pablo", "Sergio"],
        "it": ["Marco", "Alessandro", "Luca", "Davide"], "nl": ["Daan", "Lars", "Bram", "Jeroen", "Ruben"],
        "pt": ["João", "Tiago", "Rui", "Miguel", "Pedro"], "pl": ["Piotr", "Tomasz", "Paweł", "Michał"]}


def PF(lang):
    last = V.person(lang).split(" ", 1)[1]
    if lang == "pl" and last.endswith("ski"):
        last = last[:-1] + "a"
    return R.choice(FEMALE[lang]) + " " + last


def PM(lang):
    last = V.person(lang).split(" ", 1)[1]
    if lang == "pl" and last.endswith("ska"):
        last = last[:-1] + "i"
    return R.choice(MALE[lang]) + " " + last


def dob_child(lang):
    y, m, d = R.randint(2010, 2019), R.randint(1, 12), R.randint(1, 28)
    return "%02d/%02d/%04d" % (d, m, y) if lang != "de" else "%02d.%02d.%04d" % (d, m, y)


def ph(region, intl=None):
    return V.phone_eu(region, intl)


# ------------------------------------------------------------------ number words (as in holdout10's generator)
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


def es_num(n):
    if n < 30:
        return ES_UNITS[n]
    t, u = divmod(n, 10)
    return ES_TENS[t] + ("" if u == 0 else " y " + ES_UNITS[u])


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


JA_KATA = ["ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ"]
JA_KANJI = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
EN_UNITS = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def say(group, num, zero):
    k = len(group) - len(group.lstrip("0"))
    words = [zero] * k
    if group[k:]:
        words.append(num(int(group[k:])))
    return " ".join(words)


def pairs(digits, num, zero, sep=" "):
    return sep.join(say(digits[i:i + 2], num, zero) for i in range(0, len(digits), 2))


def digits_of(s):
    return "".join(c for c in s if c.isdigit())


# ------------------------------------------------------------------ CVs and cover letters
def cv_cases():
    p = P("de")
    add("cv", "sensitive", "LEBENSLAUF\n\nPersönliche Daten\nName:            %s\nGeburtsdatum:    %s in Kassel\nAnschrift:       Lindenstraße 14, 34117 Kassel\nTelefon:         %s\nE-Mail:          %s\n\nBerufserfahrung\n04/2019 – heute  Sachbearbeiterin Buchhaltung, Kasseler Stadtwerke" % (p, dob("de"), ph("de"), V.mail(p)), "de CV header", "contact")
    p = P("fr")
    add("cv", "sensitive", "%s\n%s · %s\nNée le %s · permis B\n\nEXPÉRIENCE\n2020-2025  Chargée de clientèle, Crédit Agricole Bretagne\n\nFORMATION\n2018  Master Banque et Finance, Université de Rennes" % (p.upper(), ph("fr"), V.mail(p), dob("fr")), "fr CV header", "contact")
    p = P("es")
    add("cv", "sensitive", "CURRÍCULUM VITAE\n%s\nDNI: %s\nFecha de nacimiento: %s\nMóvil: %s | %s\n\nPERFIL PROFESIONAL\nEnfermera con 8 años de experiencia en UCI." % (p, V.es_dni(nie=False), dob("es"), ph("es"), V.mail(p)), "es CV with DNI", "national_id")
    p = P("it")
    add("cv", "sensitive", "CURRICULUM VITAE EUROPASS\nInformazioni personali\nNome e cognome  %s\nCodice fiscale  %s\nCellulare  %s\nE-mail  %s\nData di nascita  %s\nNazionalità  italiana" % (p, V.it_fiscal_code(), ph("it"), V.mail(p), dob("it")), "it Europass CV with codice fiscale", "national_id")
    p = P("nl")
    add("cv", "sensitive", "Curriculum vitae – %s\n\nAdres: Oudegracht 211, 3511 NK Utrecht\nMobiel: %s\nE-mail: %s\nGeboortedatum: %s\nRijbewijs: B\n\nWerkervaring\n2021–heden  Logistiek medewerker, bol.com" % (p, ph("nl"), V.mail(p), dob("nl")), "nl CV header", "contact")
    p = P("pt")
    add("cv", "sensitive", "%s\nTelemóvel: %s\nEmail: %s\nNIF: %s · Data de nascimento: %s\n\nExperiência profissional\n2017–2025  Técnica de contabilidade, Sonae MC" % (p, ph("pt"), V.mail(p), V.pt_nif_personal(), dob("pt")), "pt CV with NIF", "national_id")
    p = P("pl")
    add("cv", "sensitive", "CV\n%s\ntel. %s\ne-mail: %s\nur. %s r.\n\nDoświadczenie zawodowe\n2019 – obecnie  Specjalista ds. kadr i płac, PKO BP\n\nWyrażam zgodę na przetwarzanie moich danych osobowych dla potrzeb niezbędnych do realizacji procesu rekrutacji." % (p, ph("pl"), V.mail(p), dob("pl")), "pl CV with RODO clause", "contact")
    p = P("ja")
    add("cv", "sensitive", "履　歴　書\n2026年3月1日現在\n氏名　%s\n生年月日　%s生\n現住所　〒150-0001 東京都渋谷区神宮前1-2-3\n電話　%s\nメール　%s" % (P("ja"), dob("ja"), ph("jp"), V.mail(R.choice(["taku yamamoto", "yumi ito", "daisuke tanaka"]), "docomo.ne.jp")), "ja rirekisho", "contact")
    p = P("en")
    add("cv", "sensitive", "Dear Hiring Manager,\n\nI am writing to apply for the Data Analyst role advertised on LinkedIn. ...\n\nI would welcome the chance to discuss my application. You can reach me on %s or at %s.\n\nKind regards,\n%s" % (ph("uk"), V.mail(p), p), "en cover letter sign-off", "contact")
    p = P("de")
    add("cv", "sensitive", "Sehr geehrte Damen und Herren,\n\nhiermit bewerbe ich mich um die ausgeschriebene Stelle als Industriemechaniker (Kennziffer 2026-114). ...\n\nÜber eine Einladung zu einem Vorstellungsgespräch freue ich mich. Sie erreichen mich telefonisch unter %s.\n\nMit freundlichen Grüßen\n%s" % (ph("de", False), p), "de cover letter with phone", "phone")
    # vendor
    add("cv", "vendor", "LEBENSLAUF (Vorlage)\n\nName:            Max Mustermann\nGeburtsdatum:    TT.MM.JJJJ\nTelefon:         0123 / 456789\nE-Mail:          max.mustermann@example.com\n\nTipp: Lassen Sie Foto und Familienstand weg, das ist seit dem AGG nicht mehr üblich.", "de CV template", "placeholder")
    add("cv", "vendor", "Offre d'emploi – Chargé(e) de clientèle H/F\nCDI, Rennes (35). Salaire : 28-32 k€ brut annuel selon profil.\nEnvoyez CV et lettre de motivation via notre site carrières, référence OFF-2026-0412.\nSIREN de l'employeur : %s" % V.fr_siren(), "fr job ad with company SIREN", "company_id")
    add("cv", "vendor", "Consigli per il CV: indica il cellulare nel formato +39 3XX XXX XXXX, un'e-mail professionale (nome.cognome@dominio.it) e non inserire il codice fiscale: non serve al selezionatore.", "it CV advice with masks", "placeholder")
    add("cv", "vendor", "Vacature: Logistiek medewerker (32-40 uur)\nSalaris: € 2.650 – € 3.100 bruto per maand\nReageren vóór 31 maart via werkenbij.example.nl, vacaturenummer VAC-88213.", "nl job ad", "none")
    add("cv", "vendor", "履歴書の書き方：生年月日は和暦・西暦どちらでも可。電話番号は「090-XXXX-XXXX」のように携帯を記入し、メールアドレスは就職活動用のものを用意しましょう。", "ja resume how-to", "placeholder")


# ------------------------------------------------------------------ vCards and calendar invites
def contact_cases():
    p = P("de")
    first, last = p.split(" ", 1)
    add("contact", "sensitive", "BEGIN:VCARD\nVERSION:3.0\nN:%s;%s;;;\nFN:%s\nTEL;TYPE=CELL:%s\nEMAIL;TYPE=HOME:%s\nBDAY:%d-%02d-%02d\nEND:VCARD" % (last, first, p, ph("de", True), V.mail(p), R.randint(1960, 2000), R.randint(1, 12), R.randint(1, 28)), "de vCard", "contact")
    p = P("fr")
    first, last = p.split(" ", 1)
    add("contact", "sensitive", "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:%s\r\nN:%s;%s;;;\r\nTEL;VALUE=uri;TYPE=\"voice,cell\":tel:%s\r\nEMAIL:%s\r\nNOTE:Rencontrée au salon VivaTech\r\nEND:VCARD" % (p, last, first, ph("fr", True).replace(" ", "-"), V.mail(p)), "fr vCard 4.0 with tel: uri", "contact")
    p = P("es")
    add("contact", "sensitive", "Te paso el contacto que me pediste 👇\n\nBEGIN:VCARD\nVERSION:3.0\nFN:%s\nORG:Clínica Dental Sonrisa\nTEL;TYPE=CELL:%s\nEND:VCARD" % (p, ph("es")), "es vCard pasted in chat", "phone")
    p = P("it")
    add("contact", "sensitive", "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8:%s;%s\nTEL;CELL;PREF:%s\nTEL;HOME:%s\nEMAIL;INTERNET:%s\nEND:VCARD" % (p.split()[1], p.split()[0], ph("it", True), ph("it", False), V.mail(p)), "it vCard 2.1", "contact")
    p = P("nl")
    add("contact", "sensitive", "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\nBEGIN:VEVENT\nSUMMARY:Kennismakingsgesprek\nDTSTART:20260312T093000Z\nORGANIZER;CN=Recruitment:mailto:recruitment@example.nl\nATTENDEE;CN=%s;ROLE=REQ-PARTICIPANT:mailto:%s\nDESCRIPTION:Kandidaat is bereikbaar op %s\nEND:VEVENT\nEND:VCALENDAR" % (p, V.mail(p), ph("nl")), "nl ics invite with candidate", "contact")
    p = PM("pl")
    add("contact", "sensitive", "BEGIN:VEVENT\nDTSTART;TZID=Europe/Warsaw:20260320T140000\nSUMMARY:Wizyta kontrolna – %s\nLOCATION:Przychodnia Zdrowie, gab. 12\nDESCRIPTION:Pacjent po zawale serca (I21.9)\\, kontrola EKG. Tel. pacjenta: %s\nEND:VEVENT" % (p, ph("pl")), "pl ics of a patient visit", "health")
    p = P("pt")
    add("contact", "sensitive", "BEGIN:VCARD\nVERSION:3.0\nFN:%s\nTEL;TYPE=cell:%s\nEMAIL:%s\nX-NIF:%s\nEND:VCARD" % (p, ph("pt", True), V.mail(p), V.pt_nif_personal()), "pt vCard with NIF", "contact")
    add("contact", "sensitive", "BEGIN:VCARD\nVERSION:3.0\nFN:%s\nTEL;TYPE=CELL:%s\nEMAIL:%s\nEND:VCARD" % (P("ja"), ph("jp", False), V.mail("miki sato", "icloud.com")), "ja vCard", "contact")
    # vendor
    add("contact", "vendor", "BEGIN:VCARD\nVERSION:3.0\nFN:Kundenservice Stadtwerke\nORG:Stadtwerke Musterstadt GmbH\nTEL;TYPE=WORK:0800 123 4567\nURL:https://www.example.org/kontakt\nEND:VCARD", "de company hotline vCard", "company_contact")
    add("contact", "vendor", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Sprint Review Q1\nDTSTART:20260315T130000Z\nDTEND:20260315T140000Z\nLOCATION:Teams\nUID:%s@calendar.example.com\nDESCRIPTION:Demo der neuen Rechnungsfunktion. Agenda im Confluence.\nEND:VEVENT\nEND:VCALENDAR" % V.uuid(), "de ics without people", "none")
    add("contact", "vendor", "Formato vCard (RFC 6350), campi minimi: BEGIN:VCARD / VERSION:4.0 / FN:<nome completo> / TEL;TYPE=cell:<numero> / EMAIL:<indirizzo> / END:VCARD", "it vCard docs", "placeholder")
    add("contact", "vendor", "BEGIN:VEVENT\nSUMMARY:Reunião de equipa semanal\nRRULE:FREQ=WEEKLY;BYDAY=MO\nDTSTART:20260302T090000\nATTENDEE;CN=Equipa Vendas:mailto:vendas@example.pt\nEND:VEVENT", "pt recurring meeting with team list", "none")


# ------------------------------------------------------------------ SEPA XML, MT940, bank exports
def bank_cases():
    p = P("de")
    add("bankxml", "sensitive", "<CdtTrfTxInf>\n  <PmtId><EndToEndId>LOHN-2026-03-0117</EndToEndId></PmtId>\n  <Amt><InstdAmt Ccy=\"EUR\">3184.22</InstdAmt></Amt>\n  <Cdtr><Nm>%s</Nm></Cdtr>\n  <CdtrAcct><Id><IBAN>%s</IBAN></Id></CdtrAcct>\n  <RmtInf><Ustrd>Gehalt Maerz 2026</Ustrd></RmtInf>\n</CdtTrfTxInf>" % (p, V.iban_cc("DE", grouped=False)), "de pain.001 salary transfer", "iban")
    p = P("fr")
    add("bankxml", "sensitive", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\">\n<CstmrDrctDbtInitn>\n<DrctDbtTxInf><PmtId><EndToEndId>ADH-%s</EndToEndId></PmtId>\n<InstdAmt Ccy=\"EUR\">45.00</InstdAmt>\n<DrctDbtTx><MndtRltdInf><MndtId>RUM-%s</MndtId></MndtRltdInf></DrctDbtTx>\n<Dbtr><Nm>%s</Nm></Dbtr><DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct>\n</DrctDbtTxInf>" % (V.s(6, DIGITS), V.s(8, DIGITS), p, V.iban_cc("FR", grouped=False)), "fr pain.008 direct debit of a member", "iban")
    add("bankxml", "sensitive", ":20:STARTUMS\n:25:%s/%s\n:28C:00042/001\n:60F:C260301EUR12450,17\n:61:2603020302DR1200,00NTRFNONREF\n:86:166?00SEPA-UEBERWEISUNG?20Miete Maerz?32%s?31%s\n:62F:C260302EUR11250,17" % (V.s(8, DIGITS), V.s(10, DIGITS), P("de").upper().translate(ASCII)[:27], V.iban_cc("DE", grouped=False)), "de MT940 with counterparty IBAN", "iban")
    p = P("es")
    add("bankxml", "sensitive", "Fecha operación;Concepto;Importe;Saldo\n02/03/2026;TRANSFERENCIA DE %s, CONCEPTO ALQUILER MARZO;-850,00;2.314,55\n03/03/2026;RECIBO ENDESA ENERGIA;-62,18;2.252,37\n\nCuenta: %s" % (p.upper(), V.iban_cc("ES", grouped=True)), "es bank CSV export with account", "iban")
    add("bankxml", "sensitive", "<Ntry>\n  <Amt Ccy=\"EUR\">1250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>\n  <NtryDtls><TxDtls>\n    <RltdPties><Dbtr><Nm>%s</Nm></Dbtr><DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>\n    <RmtInf><Ustrd>Affitto marzo appartamento via Roma 12</Ustrd></RmtInf>\n  </TxDtls></NtryDtls>\n</Ntry>" % (P("it"), V.iban_cc("IT", grouped=False)), "it camt.053 entry", "iban")
    add("bankxml", "sensitive", "\"Datum\",\"Naam / Omschrijving\",\"Rekening\",\"Tegenrekening\",\"Af Bij\",\"Bedrag (EUR)\"\n\"20260304\",\"%s\",\"%s\",\"%s\",\"Af\",\"125,00\"" % (P("nl"), V.iban_cc("NL", grouped=False), V.iban_cc("NL", grouped=False)), "nl ING CSV export", "iban")
    add("bankxml", "sensitive", "Data mov.;Descrição;Débito;Crédito\n05-03-2026;TRF P/ %s;400,00;\n\nIBAN da conta: %s" % (P("pt").upper(), V.iban_cc("PT", grouped=True)), "pt bank statement lines", "iban")
    add("bankxml", "sensitive", "Historia rachunku\nNumer rachunku: %s\nWłaściciel: %s\n2026-03-04  PRZELEW PRZYCHODZĄCY  wynagrodzenie za luty  +6 120,00 PLN" % (V.iban_cc("PL", grouped=True), P("pl")), "pl account history", "iban")
    card = V.card(sep=" ")
    add("bankxml", "sensitive", "Kartenumsätze (Export)\nKarteninhaber: %s\nKartennummer: %s\n03.03.2026  AMAZON EU S.A R.L.  -49,99" % (P("de"), card), "de card statement with full number", "credit_card")
    # vendor
    add("bankxml", "vendor", "<Cdtr><Nm>Stadtwerke Musterstadt GmbH</Nm></Cdtr>\n<CdtrAcct><Id><IBAN>DE00 0000 0000 0000 0000 00</IBAN></Id></CdtrAcct>\n<!-- Testdatei fuer den Validator: IBAN absichtlich genullt -->", "de pain.001 test file zeroed", "placeholder")
    add("bankxml", "vendor", "Im Feld :86: stehen Geschäftsvorfallcode (z. B. 166 für SEPA-Gutschrift), dann ?00 Buchungstext, ?20–?29 Verwendungszweck, ?30 BIC und ?31 IBAN des Auftraggebers, ?32/?33 Name.", "de MT940 field docs", "docs")
    add("bankxml", "vendor", "Fecha;Concepto;Importe\n01/03/2026;COMISION MANTENIMIENTO;-6,00\n02/03/2026;TARJETA **** **** **** 4821 MERCADONA;-73,40\n03/03/2026;BIZUM RECIBIDO;+20,00", "es statement with masked card", "masked")
    add("bankxml", "vendor", "<GrpHdr><MsgId>PAIN001-%s</MsgId><CreDtTm>2026-03-01T10:00:00</CreDtTm><NbOfTxs>214</NbOfTxs><CtrlSum>612448.90</CtrlSum><InitgPty><Nm>ACME SpA</Nm><Id><OrgId><Othr><Id>%s</Id></Othr></OrgId></Id></InitgPty></GrpHdr>" % (V.s(10, DIGITS), V.it_vat()), "it pain.001 group header with company VAT", "company_id")
    add("bankxml", "vendor", "Numer rachunku: PL** **** **** **** **** **** 4410 (zamaskowany)\nSaldo: 12 480,22 PLN\nOstatnia operacja: 2026-03-04, opłata za prowadzenie rachunku 9,00 PLN", "pl masked account", "masked")


# ------------------------------------------------------------------ tax forms and payslips (OCR)
def tax_cases():
    p = P("de")
    add("taxform", "sensitive", "Lohnsteuerbescheinigung fur 2025\n|Name: %s                 |\n|Identifikationsnummer: %s |\n|Geburtsdatum  %s|\n3. Bruttoarbeitslohn ...... 48 312,00\n4. Einbehaltene Lohnsteuer  7 914,00" % (p, V.de_tax_id(), dob("de")), "de Lohnsteuerbescheinigung OCR", "national_id")
    p = P("fr")
    add("taxform", "sensitive", "BULLETIN DE PAIE  Période : mars 2026\nSalarié : %s      Matricule : 00412\nN° Sécurité sociale : %s\nEmploi : Technicienne support   Coefficient : 240\nSalaire de base ......... 2 450,00\nNET À PAYER AVANT IMPÔT  1 912,37" % (p, V.fr_nir()), "fr payslip with NIR", "national_id")
    p = P("es")
    add("taxform", "sensitive", "AGENCIA TRIBUTARIA - Modelo 145\nComunicación de datos al pagador\nNIF: %s   Apellidos y nombre: %s\nAño de nacimiento: %d\nSituación familiar: 2\nDiscapacidad: grado igual o superior al 33%% e inferior al 65%%" % (V.es_dni(), p.upper(), R.randint(1960, 2000)), "es modelo 145 with disability", "national_id")
    p = P("it")
    add("taxform", "sensitive", "CERTIFICAZIONE UNICA 2026\nDATI RELATIVI AL DIPENDENTE\nCodice fiscale  %s\nCognome %s   Nome %s\nData di nascita %s   Comune di nascita MILANO\n1 Redditi di lavoro dipendente 34.812,00" % (V.it_fiscal_code(), p.split()[1].upper(), p.split()[0].upper(), dob("it")), "it CU 2026 OCR", "national_id")
    p = P("nl")
    add("taxform", "sensitive", "Loonstrook maart 2026\nWerknemer: %s\nBSN: %s\nGeboortedatum: %s\nBruto loon        € 3.412,00\nLoonheffing       € 612,10\nNetto uit te betalen  € 2.611,47" % (p, V.nl_bsn(), dob("nl")), "nl loonstrook with BSN", "national_id")
    p = P("pt")
    add("taxform", "sensitive", "Recibo de vencimento - Março 2026\nNome: %s\nNIF: %s   NISS: %s\nVencimento base 1.380,00\nIRS -193,20  Seg. Social -151,80\nLíquido 1.035,00" % (p, V.pt_nif_personal(), V.pt_niss()), "pt payslip with NIF", "national_id")
    p = P("pl")
    add("taxform", "sensitive", "PIT-11 INFORMACJA O DOCHODACH\nC. DANE IDENTYFIKACYJNE PODATNIKA\n9. Identyfikator podatkowy: PESEL  %s\n10. Nazwisko %s  11. Imię %s\n12. Data urodzenia %s" % (V.pl_pesel(), p.split()[1].upper(), p.split()[0].upper(), dob("pl")), "pl PIT-11 OCR", "national_id")
    add("taxform", "sensitive", "給与所得の源泉徴収票（令和7年分）\n支払を受ける者　住所 東京都世田谷区三軒茶屋2-11\n個人番号 %s\n氏名 %s\n支払金額 5,124,000 源泉徴収税額 148,300" % (V.jp_my_number(), P("ja")), "ja gensen choshu hyo with My Number", "national_id")
    p = P("de")
    add("taxform", "sensitive", "Hallo, kannst du mir helfen die Anlage N auszufüllen? Meine Daten: %s, Steuer-ID %s, Steuernummer 143/215/%s, Finanzamt München." % (p, V.de_tax_id(spaced=True), V.s(5, DIGITS)), "de tax help request", "national_id")
    add("taxform", "sensitive", "Avis d'impôt 2025 sur les revenus 2024\nDéclarant 1 : %s\nNuméro fiscal : %s\nRéférence de l'avis : 25 %s %s\nRevenu fiscal de référence : 41 218 €" % (P("fr"), R.choice("0123") + V.s(12, DIGITS), V.s(2, DIGITS), V.s(9, DIGITS)), "fr avis d'impôt with numéro fiscal", "national_id")
    # vendor
    add("taxform", "vendor", "Lohnsteuerbescheinigung – Ausfüllhilfe\nZeile 3: Bruttoarbeitslohn einschließlich Sachbezüge\nIdentifikationsnummer: 11 Ziffern, steht oben rechts (z. B. 00 000 000 000)\nAchtung: Die Steuer-ID ist nicht die Steuernummer!", "de form help", "placeholder")
    add("taxform", "vendor", "Modelo 145: si cambia tu situación familiar, comunícalo al pagador en 10 días. NIF del pagador: B%s (ACME Logística SL). Plazo: antes del 31 de enero." % V.s(8, DIGITS), "es form note with company NIF", "company_id")
    add("taxform", "vendor", "Tabella ritenute IRPEF 2026\nfino a 28.000 €  23%%\nda 28.001 a 50.000 €  35%%\noltre 50.000 €  43%%\nCodice fiscale del sostituto d'imposta: %s" % V.it_vat(), "it tax brackets with company number", "company_id")
    add("taxform", "vendor", "Loonstrook (voorbeeld)\nWerknemer: [naam]\nBSN: XXXXXXXXX\nBruto loon € 0,00\nDeze loonstrook is een voorbeeld uit de handleiding van het salarispakket.", "nl payslip template", "placeholder")
    add("taxform", "vendor", "Informacja PIT-11 – dane płatnika: ACME Sp. z o.o., NIP %s, REGON %s. Termin przekazania pracownikom: do końca lutego." % (V.pl_nip(), V.pl_regon()), "pl payer data (company)", "company_id")
    add("taxform", "vendor", "源泉徴収票の見方：「支払金額」は税引前の年収、「給与所得控除後の金額」は控除後の所得です。支払者の法人番号 %s は国税庁のサイトで公開されています。" % V.jp_corporate(), "ja how-to with corporate number", "company_id")


# ------------------------------------------------------------------ sick notes and insurance claims
def sick_cases():
    p = P("de")
    add("sicknote", "sensitive", "Arbeitsunfähigkeitsbescheinigung\nVersicherter: %s   geb. am %s\nErstbescheinigung\narbeitsunfähig seit 02.03.2026\nvoraussichtlich arbeitsunfähig bis einschließlich 13.03.2026\nDiagnose: F32.1 G\nPraxis Dr. med. Vogel, Fachärztin für Psychiatrie" % (p, dob("de")), "de AU with ICD", "health")
    p = P("fr")
    add("sicknote", "sensitive", "AVIS D'ARRÊT DE TRAVAIL\nAssuré(e) : %s\nN° d'immatriculation : %s\nArrêt initial du 04/03/2026 au 18/03/2026\nÉléments d'ordre médical : lombosciatique droite, hernie discale L5-S1\nSorties autorisées : non" % (p, V.fr_nir()), "fr arrêt de travail", "health")
    p = P("es")
    add("sicknote", "sensitive", "Parte de baja por incapacidad temporal\nTrabajador/a: %s   DNI %s\nFecha de baja: 03/03/2026\nDiagnóstico: trastorno de ansiedad generalizada\nDuración estimada: 30 días" % (p, V.es_dni()), "es baja médica", "health")
    p = P("it")
    add("sicknote", "sensitive", "Ciao, ti inoltro il certificato di malattia di %s: prognosi di 10 giorni per polmonite, protocollo INPS n. %s. Rientro previsto il 16/03." % (p, V.s(8, DIGITS)), "it certificato di malattia forwarded", "health")
    p = P("nl")
    add("sicknote", "sensitive", "Ziekmelding\nMedewerker: %s (personeelsnr. 20417)\nZiek sinds: 02-03-2026\nToelichting bedrijfsarts: burn-out klachten, gesprek over re-integratie in week 6.\nVerwachte duur: onbekend" % p, "nl ziekmelding with burn-out", "health")
    p = P("pt")
    add("sicknote", "sensitive", "ATESTADO MÉDICO\nAtesto para os devidos efeitos que %s, utente n.º %s, se encontra incapacitado(a) para o trabalho de 02/03/2026 a 09/03/2026 por motivo de doença (gastroenterite aguda)." % (p, R.choice("12") + V.s(8, DIGITS)), "pt atestado", "health")
    p = PM("pl")
    add("sicknote", "sensitive", "Dzień dobry, przesyłam informację o zwolnieniu lekarskim L4 pracownika %s (PESEL %s): okres 03.03–17.03.2026, kod choroby J18.9, zwolnienie z ZUS e-ZLA." % (p, V.pl_pesel()), "pl L4 with PESEL", "health")
    add("sicknote", "sensitive", "診断書\n氏名　%s\n生年月日　%s\n病名　うつ病\n上記の疾病により、令和8年3月2日から1か月間の休業加療を要する。\n医療法人社団 心の森クリニック　医師 中村健一" % (P("ja"), dob("ja")), "ja shindansho", "health")
    p = P("en")
    add("sicknote", "sensitive", "Claim form – income protection\nPolicyholder: %s   DOB: %s\nPolicy no.: IP-%s\nCondition causing absence: relapsing-remitting multiple sclerosis, diagnosed 2019\nTreating neurologist: Dr. A. Khan" % (p, dob("en"), V.s(8, DIGITS)), "en insurance claim", "health")
    # vendor
    add("sicknote", "vendor", "Merkblatt: Seit 2023 ruft der Arbeitgeber die eAU bei der Krankenkasse ab. Beschäftigte müssen sich weiterhin am ersten Tag krankmelden; eine Diagnose wird dem Arbeitgeber nicht übermittelt.", "de eAU policy", "none")
    add("sicknote", "vendor", "En cas d'arrêt de travail, envoyez les volets 2 et 3 à votre employeur sous 48 heures. Le volet 1, qui contient les éléments médicaux, est réservé au médecin-conseil.", "fr arrêt procedure", "none")
    add("sicknote", "vendor", "¿Cuánto dura como máximo una baja por ansiedad? ¿Y puede la empresa despedirme estando de baja?", "es generic question", "medical_question")
    add("sicknote", "vendor", "Statistiek verzuim Q1: 4,8% (vorig jaar 5,3%). Meest genoemde oorzaken: griep, rugklachten en psychische klachten. Geen namen in dit rapport.", "nl absence statistics", "statistics")
    add("sicknote", "vendor", "Modelo de atestado (preencher): Atesto que ____________________, utente n.º _________, esteve impossibilitado(a) de trabalhar de __/__/____ a __/__/____.", "pt blank atestado", "placeholder")


# ------------------------------------------------------------------ e-prescriptions and lab reports
def rx_cases():
    p = P("de")
    add("rx", "sensitive", "E-Rezept – Ausdruck für Versicherte\nName: %s, geb. %s\nVerordnung: Sertralin 50 mg, 1-0-0, N2\nQuetiapin 25 mg, 0-0-1, N1\nToken: Task/160.000.%s.%s.%s" % (p, dob("de"), V.s(3, DIGITS), V.s(3, DIGITS), V.s(2, DIGITS)), "de e-Rezept printout", "health")
    p = P("it")
    add("rx", "sensitive", "RICETTA ELETTRONICA - PROMEMORIA PER L'ASSISTITO\nCognome e nome: %s\nCodice fiscale: %s\nNRE: 0803A%s\nPrescrizione: LEVOTIROXINA 75 MCG 1 conf.\nQuesito diagnostico: ipotiroidismo" % (p.upper(), V.it_fiscal_code(), V.s(10, DIGITS)), "it ricetta dematerializzata", "health")
    p = P("es")
    add("rx", "sensitive", "INFORME DE LABORATORIO\nPaciente: %s   NHC: %s   F. nac.: %s\nVIH 1+2 (Ac + Ag p24) ...... REACTIVO\nCarga viral VIH-1 ........ 18.400 copias/mL\nCD4 ...................... 312 cél/µL" % (p, V.s(7, DIGITS), dob("es")), "es lab report HIV", "health")
    p = P("fr")
    add("rx", "sensitive", "Compte rendu d'analyses\nPatient : %s   Né(e) le : %s\nHbA1c ............ 9,2 %%  (N < 6,0)\nGlycémie à jeun .. 2,14 g/L\nConclusion : diabète de type 2 déséquilibré" % (p, dob("fr")), "fr lab report diabetes", "health")
    p = P("pl")
    add("rx", "sensitive", "Recepta elektroniczna – kod dostępu %s\nPacjent: %s, PESEL %s\nLek: Olanzapina 10 mg, 28 tabl., 1x dziennie wieczorem" % (V.s(4, DIGITS), p, V.pl_pesel()), "pl e-recepta", "health")
    p = P("nl")
    add("rx", "sensitive", "Uitslag bloedonderzoek %s (geb. %s)\nPSA: 14,2 ng/ml (ref < 4,0)\nAdvies huisarts: verwijzing uroloog i.v.m. verdenking prostaatcarcinoom." % (p, dob("nl")), "nl lab result", "health")
    add("rx", "sensitive", "処方箋\n患者氏名 %s\n生年月日 %s\n保険者番号 %s\nRp. リスペリドン錠1mg 2錠 分2 朝夕食後 14日分" % (P("ja"), dob("ja"), V.s(8, DIGITS)), "ja prescription", "health")
    # vendor
    add("rx", "vendor", "Referenzbereiche Labor (Erwachsene)\nHbA1c  < 5,7 %\nTSH  0,4 – 4,0 mU/l\nPSA  < 4,0 ng/ml (altersabhängig)\nQuelle: Laborhandbuch 2026", "de reference ranges", "statistics")
    add("rx", "vendor", "Qual è la differenza tra ricetta dematerializzata e ricetta elettronica bianca? E il promemoria cartaceo serve ancora in farmacia?", "it generic question", "medical_question")
    add("rx", "vendor", "Posología habitual de sertralina en adultos: inicio 50 mg/día, máximo 200 mg/día. Consulte la ficha técnica de la AEMPS.", "es dosage info", "medical_question")
    add("rx", "vendor", "Exemple de compte rendu (données fictives) : Patient : DUPONT Jean, né le 01/01/1970 — HbA1c 6,1 %. Document de formation, ne pas utiliser.", "fr fictional example", "placeholder")
    add("rx", "vendor", "処方箋の有効期限は交付日を含めて4日以内です。期限を過ぎた場合は医療機関で再発行を受けてください。", "ja prescription rule", "none")


# ------------------------------------------------------------------ rental and loan applications
def application_cases():
    p = P("de")
    add("application", "sensitive", "Mieterselbstauskunft\nName, Vorname: %s\nGeburtsdatum: %s\nTelefon: %s\nArbeitgeber: Siemens Healthineers AG, unbefristet seit 2018\nNettoeinkommen mtl.: 3.850 €\nBankverbindung: %s\nBestehen Mietschulden? nein" % (", ".join(reversed(p.split(" ", 1))), dob("de"), ph("de"), V.iban_cc("DE", grouped=True)), "de Mieterselbstauskunft", "iban")
    p = P("fr")
    g = PF("fr")
    add("application", "sensitive", "Dossier de location – 12 rue des Lilas, Lyon 3e\nCandidat : %s, né le %s\nTél. : %s\nRevenus : CDI, 2 900 € net/mois\nGarant : Mme %s, %s" % (p, dob("fr"), ph("fr"), g, V.mail(g)), "fr dossier de location", "contact")
    p = P("es")
    add("application", "sensitive", "Solicitud de préstamo personal\nTitular: %s\nNIE: %s\nTeléfono: %s\nImporte solicitado: 12.000 €  Plazo: 60 meses\nCuenta de domiciliación: %s" % (p, V.es_dni(nie=True), ph("es"), V.iban_cc("ES", grouped=False)), "es loan application with NIE", "national_id")
    p = P("it")
    add("application", "sensitive", "Richiesta di mutuo – dati del richiedente\n%s, nato a Torino il %s, C.F. %s, residente in via Po 41, Torino. Reddito netto mensile 2.300 €. Cellulare %s." % (p, dob("it"), V.it_fiscal_code(), ph("it")), "it mortgage application", "national_id")
    p = P("nl")
    add("application", "sensitive", "Huuraanvraag Appartement Zwolle\nNaam: %s\nBSN: %s\nIBAN: %s\nBruto jaarinkomen: € 54.000\nWerkgeversverklaring bijgevoegd." % (p, V.nl_bsn(), V.iban_cc("NL", grouped=True)), "nl rental application with BSN", "national_id")
    p = P("pt")
    add("application", "sensitive", "Pedido de crédito habitação\nProponente: %s\nCartão de Cidadão: %s\nNIF: %s\nTelemóvel: %s\nRendimento líquido mensal: 1.650 €" % (p, V.s(8, DIGITS), V.pt_nif_personal(), ph("pt")), "pt mortgage request", "national_id")
    # vendor
    add("application", "vendor", "Checkliste Mietbewerbung: Selbstauskunft, Schufa-Bonitätsauskunft, letzte drei Gehaltsnachweise, Kopie Personalausweis (Seriennummer und Zugangsnummer schwärzen!).", "de checklist", "none")
    add("application", "vendor", "Simulation de prêt : 200 000 € sur 20 ans à 3,45 %, mensualité 1 146,60 €, coût total du crédit 75 184 €. Offre indicative, sans engagement.", "fr loan simulation", "none")
    add("application", "vendor", "Requisitos para el alquiler: nómina de los últimos 3 meses, contrato indefinido, fianza de dos mensualidades. Número de referencia del inmueble: INM-%s." % V.s(6, DIGITS), "es rental requirements", "order_number")
    add("application", "vendor", "Wniosek kredytowy – pola obowiązkowe: imię i nazwisko, PESEL (11 cyfr), numer dowodu osobistego (3 litery i 6 cyfr), dochód netto. Przykład: PESEL 00000000000.", "pl form fields", "placeholder")


# ------------------------------------------------------------------ CRM exports and notes
def crm_cases():
    rows = []
    for _ in range(3):
        p = P("de")
        rows.append("%s,%s,%s,%s,Lead,Messe Hannover" % tuple(p.split(" ", 1) + [V.mail(p), ph("de", True)]))
    add("crm", "sensitive", "First Name,Last Name,Email,Phone,Lead Status,Lead Source\n" + "\n".join(rows), "de Salesforce lead export", "contact")
    p = P("fr")
    add("crm", "sensitive", "Note d'activité (HubSpot) – 05/03/2026\nAppel avec %s : intéressée par l'offre Pro. Rappeler sur son portable %s jeudi après 17h. Budget validé." % (p, ph("fr", False)), "fr HubSpot call note", "phone")
    p = P("es")
    add("crm", "sensitive", "Contacto: %s\nCargo: Directora de Compras\nEmail personal: %s\nMóvil: %s\nNota: prefiere WhatsApp, no llamar a la oficina." % (p, V.mail(p), ph("es", True)), "es CRM contact card", "contact")
    rows = []
    for _ in range(3):
        p = P("it")
        rows.append("\"%s\";\"%s\";\"%s\";\"Cliente\"" % (p, ph("it", False), V.mail(p)))
    add("crm", "sensitive", "\"Nome\";\"Telefono\";\"Email\";\"Stato\"\n" + "\n".join(rows), "it CRM CSV", "contact")
    p = P("nl")
    add("crm", "sensitive", "Klantnotitie %s: klant %s belde over opzegging. Terugbellen op %s. Gaf aan dat ze sinds januari chemotherapie krijgt en daarom de sportschool niet kan gebruiken." % (V.s(6, DIGITS), p, ph("nl"), ), "nl CRM note with health", "health")
    p = P("pl")
    add("crm", "sensitive", "Kontakt: %s | tel. kom. %s | e-mail: %s | status: klient VIP | notatka: urodziny %s" % (p, ph("pl", True), V.mail(p), dob("pl")), "pl CRM contact line", "contact")
    # vendor
    add("crm", "vendor", "Account Name,Industry,Employees,Website,Phone\nACME Logistics GmbH,Logistics,1200,acme-logistics.example,+49 40 000000-0\nNordwind AG,Energy,540,nordwind.example,+49 89 000000-0", "de accounts export with switchboards", "company_contact")
    add("crm", "vendor", "Pipeline Q1: 42 opportunités ouvertes, valeur totale 1,8 M€, taux de conversion 23 %. Top 3 comptes : Renault, Orange, SNCF.", "fr pipeline summary", "statistics")
    add("crm", "vendor", "Campo obbligatori per l'import in HubSpot: email (formato nome@dominio.tld), telefono in formato E.164 (+39...), lifecycle stage. Le righe senza email vengono scartate.", "it import docs", "docs")
    add("crm", "vendor", "Deal stages: Kwalificatie → Demo → Offerte → Onderhandeling → Gewonnen. Gemiddelde doorlooptijd 38 dagen. Deal-ID's: D-10442, D-10451, D-10467.", "nl deal stages", "order_number")


# ------------------------------------------------------------------ SMS and voicemail transcripts, dictated values
def sms_cases():
    p = P("fr")
    d = "0" + R.choice("67") + V.s(8, DIGITS)
    said = " ".join(say(d[i:i + 2], fr_num, "zéro") for i in range(0, 10, 2))
    add("sms", "sensitive", "Transcription de message vocal (Orange Messagerie)\n« Bonjour, c'est %s, je vous appelle pour le devis de la cuisine. Vous pouvez me rappeler au %s. Merci, bonne journée. »" % (p, said), "fr voicemail with pair words", "phone", "spelled")
    p = P("de")
    d = "01" + R.choice("567") + V.s(8, DIGITS)
    said = " ".join(DE_UNITS[int(c)] if c != "2" else "zwo" for c in d)
    add("sms", "sensitive", "Mailbox-Transkript (Visual Voicemail): Hallo, hier ist %s vom Elternbeirat, ruf mich bitte zurück unter %s, danke, tschüss." % (p, said), "de voicemail digit by digit with zwo", "phone", "spelled")
    d = R.choice("67") + V.s(8, DIGITS)
    said = " ".join(ES_UNITS[int(c)] for c in d)
    add("sms", "sensitive", "Mensaje de voz transcrito: \"Hola, soy %s, del taller. Su coche ya está listo. Para cualquier cosa me llama al %s. Hasta luego.\"" % (P("es"), said), "es voicemail digits", "phone", "spelled")
    d = "3" + R.choice("2348") + V.s(8, DIGITS)
    said = " ".join(IT_UNITS[int(c)] for c in d[:3]) + " " + " ".join(say(d[i:i + 2], it_num, "zero") for i in range(3, 9, 2)) + " " + IT_UNITS[int(d[9])]
    add("sms", "sensitive", "Trascrizione segreteria: «Buongiorno, sono %s, la chiamo per l'appuntamento di giovedì. Mi richiami al %s. Grazie.»" % (P("it"), said), "it voicemail with tens words", "phone", "spelled")
    d = "06" + V.s(8, DIGITS)
    said = " ".join(NL_UNITS[int(c)] for c in d)
    add("sms", "sensitive", "Voicemail (transcriptie): Hoi, met %s. Kun je me terugbellen op %s? Het gaat over de oplevering. Doei!" % (P("nl"), said), "nl voicemail digits", "phone", "spelled")
    d = "9" + R.choice("1236") + V.s(7, DIGITS)
    said = PT_UNITS[int(d[0])] + " " + " ".join(say(g, pt_num, "zero") for g in [d[1:3], d[3:5], d[5:7], d[7:9]])
    add("sms", "sensitive", "Transcrição de correio de voz: \"Olá, fala %s. Liga-me de volta para o %s quando puderes, é sobre a escritura.\"" % (P("pt"), said), "pt voicemail with tens words", "phone", "spelled")
    d = R.choice("5678") + V.s(8, DIGITS)
    said = " ".join(pl_num(int(g)) if not g.startswith("0") else say(g, pl_num, "zero") for g in [d[0:3], d[3:5], d[5:7], d[7:9]])
    add("sms", "sensitive", "Poczta głosowa (transkrypcja): Dzień dobry, tu %s z serwisu. Proszę oddzwonić pod numer %s. Dziękuję." % (P("pl"), said.replace("  ", " ")), "pl voicemail with number words", "phone", "spelled")
    d = "080" + V.s(8, DIGITS)
    said = "".join(JA_KANJI[int(c)] for c in d[:3]) + "の" + "".join(JA_KANJI[int(c)] for c in d[3:7]) + "の" + "".join(JA_KANJI[int(c)] for c in d[7:])
    add("sms", "sensitive", "留守番電話の文字起こし：「もしもし、%sです。お手数ですが%sまで折り返しお電話ください。よろしくお願いします。」" % (P("ja"), said), "ja voicemail kanji digits", "phone", "spelled")
    # e-mail addresses spelled in the local words
    p = P("fr")
    add("sms", "sensitive", "SMS de %s : mon adresse c'est %s, envoie-moi le contrat là-dessus stp" % (p.split()[0], V.spoken_mail(p, " arobase ", " point ")), "fr email with arobase/point", "email", "spelled")
    p = P("de")
    add("sms", "sensitive", "Sprachnachricht transkribiert: schick mir die Unterlagen bitte an %s, danke" % V.spoken_mail(p, " Klammeraffe ", " Punkt "), "de email with Klammeraffe/Punkt", "email", "spelled")
    p = P("es")
    add("sms", "sensitive", "Whatsapp de %s: mi correo es %s, mándame ahí la factura" % (p.split()[0], V.spoken_mail(p, " arroba ", " punto ")), "es email with arroba/punto", "email", "spelled")
    p = P("it")
    add("sms", "sensitive", "SMS: ciao sono %s, la mia mail è %s, mandami lì il preventivo" % (p.split()[0], V.spoken_mail(p, " chiocciola ", " punto ")), "it email with chiocciola/punto", "email", "spelled")
    p = P("nl")
    add("sms", "sensitive", "Voicemail: stuur de offerte maar naar %s, groetjes %s" % (V.spoken_mail(p, " apenstaartje ", " punt "), p.split()[0]), "nl email with apenstaartje/punt", "email", "spelled")
    p = P("pt")
    add("sms", "sensitive", "SMS de %s: o meu email é %s, manda para lá os documentos" % (p.split()[0], V.spoken_mail(p, " arroba ", " ponto ")), "pt email with arroba/ponto", "email", "spelled")
    p = P("pl")
    add("sms", "sensitive", "Wiadomość głosowa: proszę wysłać fakturę na adres %s, dziękuję, %s" % (V.spoken_mail(p, " małpa ", " kropka "), p), "pl email with małpa/kropka", "email", "spelled")
    add("sms", "sensitive", "留守電：資料はtakahashi.yumiアットマークgmailドットcomに送ってください。高橋由美です。", "ja email in katakana words", "email", "spelled")
    # vendor
    add("sms", "vendor", "Promo : -20 % sur toute la boutique avec le code PRINTEMPS26 jusqu'à dimanche minuit. STOP au 36179", "fr marketing sms", "none")
    add("sms", "vendor", "Ihre Sendung 00340434161094015987 wird heute zwischen 10:00 und 14:00 zugestellt. Verfolgen: dhl.de/sendung", "de delivery sms", "order_number")
    add("sms", "vendor", "Mensaje de voz: \"Hola, le llamamos de la clínica para recordarle su cita del jueves a las diez y media. Si no puede venir, llame a recepción. Gracias.\"", "es appointment reminder without person data", "none")
    add("sms", "vendor", "Scrivici a info chiocciola esempio punto it oppure chiama il numero verde ottocento, uno due tre, quattro cinque sei.", "it example address in words", "placeholder")
    add("sms", "vendor", "Transcrição: \"O seu pedido número quatro cinco sete dois nove foi expedido e chega amanhã.\"", "pt order number dictated", "order_number")
    add("sms", "vendor", "Przypomnienie: wizyta u dentysty jutro o 9:30. Aby odwołać, odpowiedz NIE. Opłata za SMS zgodnie z cennikiem operatora.", "pl reminder sms", "none")


# ------------------------------------------------------------------ phone numbers in national and international variants
def phone_cases():
    d = V.s(7, DIGITS)
    add("phones", "sensitive", "Rückrufbitte: Herr %s, erreichbar unter +49 (0)171 %s %s (mobil), am besten nach 18 Uhr." % (P("de").split()[1], d[:3], d[3:]), "de mobile +49 (0) variant", "phone")
    add("phones", "sensitive", "Bitte Frau %s zurückrufen: 0 89 / %s %s %s" % (P("de").split()[1], V.s(2, DIGITS), V.s(2, DIGITS), V.s(2, DIGITS)), "de landline spaced slash", "phone")
    add("phones", "sensitive", "Pour joindre %s : 0033 6 %s %s %s %s (WhatsApp uniquement)" % (P("fr"), V.s(2, DIGITS), V.s(2, DIGITS), V.s(2, DIGITS), V.s(2, DIGITS)), "fr 0033 variant", "phone")
    add("phones", "sensitive", "Le numéro perso de %s : 06%s — ne pas le diffuser" % (P("fr"), V.s(8, DIGITS)), "fr compact mobile", "phone")
    add("phones", "sensitive", "El teléfono de la paciente %s es (+34) %s %s %s %s" % (P("es"), R.choice("67") + V.s(2, DIGITS), V.s(2, DIGITS), V.s(2, DIGITS), V.s(2, DIGITS)), "es (+34) pairs", "phone")
    add("phones", "sensitive", "Il cellulare di %s è 0039 3%s.%s.%s" % (P("it"), V.s(2, DIGITS), V.s(3, DIGITS), V.s(4, DIGITS)), "it 0039 dotted", "phone")
    add("phones", "sensitive", "Telefoonnummer %s: +31 (0)6-%s %s" % (P("nl"), V.s(4, DIGITS), V.s(4, DIGITS)), "nl +31 (0)6 variant", "phone")
    add("phones", "sensitive", "Contacto da cliente %s: (+351) 91 %s %s %s" % (P("pt"), V.s(3, DIGITS), V.s(2, DIGITS), V.s(2, DIGITS)), "pt (+351) grouping", "phone")
    add("phones", "sensitive", "Numer do pani %s: (0-22) %s-%s-%s, wew. 14" % (PF("pl").split()[1], V.s(3, DIGITS), V.s(2, DIGITS), V.s(2, DIGITS)), "pl landline old format", "phone")
    add("phones", "sensitive", "%sさんの連絡先：０９０−%s−%s（携帯）" % (P("ja"), "".join(chr(0xFF10 + int(c)) for c in V.s(4, DIGITS)), "".join(chr(0xFF10 + int(c)) for c in V.s(4, DIGITS))), "ja full-width mobile", "phone", "fullwidth")
    # vendor
    add("phones", "vendor", "Servicehotline der Stadtwerke: 0800 123 4567 (kostenfrei), Störungsannahme rund um die Uhr.", "de free hotline", "company_contact")
    add("phones", "vendor", "Numéros utiles : SAMU 15, police 17, pompiers 18, numéro d'urgence européen 112, SOS Médecins 36 24.", "fr emergency numbers", "none")
    add("phones", "vendor", "Artikelnummer 4012 3456 7890 1 – Kabeltrommel 25 m, Lagerplatz 06-12-34", "de article number", "sku")
    add("phones", "vendor", "Formato E.164: +39 seguito dal numero senza lo zero iniziale dei fissi? No: in Italia lo zero resta (+39 02 ...). Esempio documentazione: +39 02 0000 0000.", "it E.164 docs", "docs")


# ------------------------------------------------------------------ court, police and lawyers' letters
def legal_cases():
    p = P("de")
    add("legal", "sensitive", "Amtsgericht Köln\nAz.: 312 F 44/26\nIn der Familiensache\n%s, geb. am %s, wohnhaft Aachener Str. 5, 50674 Köln\n– Antragstellerin –\nwird Verfahrenskostenhilfe bewilligt. Die Antragstellerin leidet ausweislich des Attests an einer posttraumatischen Belastungsstörung." % (p, dob("de")), "de court order with PTSD", "health")
    p = P("fr")
    add("legal", "sensitive", "PROCÈS-VERBAL D'AUDITION\nNous, OPJ, entendons : %s, né le %s à Marseille, demeurant 8 bd National\nTél. : %s\nQui déclare : « Le 2 mars vers 22h, j'ai été agressé à la sortie du métro... »" % (p, dob("fr"), ph("fr")), "fr police hearing", "contact")
    p = P("es")
    add("legal", "sensitive", "JUZGADO DE PRIMERA INSTANCIA N.º 4 DE SEVILLA\nProcedimiento: Divorcio contencioso 211/2026\nDemandante: %s, con DNI %s\nSe acuerda requerir a la parte demandada para que aporte sus nóminas." % (p, V.es_dni(nie=False)), "es court filing with DNI", "national_id")
    p = PM("it")
    add("legal", "sensitive", "Studio Legale Greco\nEgregio Sig. %s\nC.F. %s\nOggetto: diffida ad adempiere – canoni di locazione non corrisposti\nLa invito a versare entro 15 giorni la somma di € 3.600,00 sul conto IBAN %s." % (p, V.it_fiscal_code(), V.iban_cc("IT", grouped=True)), "it lawyer's letter", "national_id")
    p = PM("pl")
    add("legal", "sensitive", "Wezwanie do zapłaty\nDłużnik: %s, PESEL %s\nKwota zaległości: 4 210,00 zł\nTermin: 7 dni od doręczenia." % (p, V.pl_pesel()), "pl payment demand with PESEL", "national_id")
    p = P("nl")
    add("legal", "sensitive", "Proces-verbaal van aangifte\nAangever: %s, geboren %s te Rotterdam\nBSN: %s\nTelefoon: %s\nFeit: fietsdiefstal, Coolsingel, 01-03-2026" % (p, dob("nl"), V.nl_bsn(), ph("nl")), "nl police report", "national_id")
    # vendor
    add("legal", "vendor", "Az.: 312 F 44/26 – Terminsverlegung auf den 14.04.2026, 10:30 Uhr, Saal 112. Die Beteiligten werden gebeten, pünktlich zu erscheinen.", "de court schedule", "none")
    add("legal", "vendor", "Modèle de mise en demeure : « Madame, Monsieur, par la présente, je vous mets en demeure de me régler la somme de [montant] € au titre de [motif] dans un délai de [nombre] jours. »", "fr template", "placeholder")
    add("legal", "vendor", "Sentenza Cass. civ., Sez. III, n. 12345/2025: il conduttore moroso non può opporre la compensazione con crediti non liquidi.", "it case law citation", "none")
    add("legal", "vendor", "Wezwanie do zapłaty (wzór): Dłużnik: [imię i nazwisko], PESEL: ___________, kwota: ______ zł. Wierzyciel: ACME Sp. z o.o., NIP %s." % V.pl_nip(), "pl template with company NIP", "placeholder")


# ------------------------------------------------------------------ school and student records
def school_cases():
    p = P("de")
    add("school", "sensitive", "Schülerakte – Klasse 7b\nSchüler: %s, geb. %s\nErziehungsberechtigte: Mutter, Tel. %s\nFörderbedarf: ADHS (ärztlich diagnostiziert), Nachteilsausgleich bei Klassenarbeiten genehmigt." % (p, dob_child("de"), ph("de")), "de student record with ADHD", "health")
    p = P("fr")
    add("school", "sensitive", "PAI (projet d'accueil individualisé)\nÉlève : %s – CE2\nPathologie : diabète de type 1, pompe à insuline\nEn cas d'hypoglycémie : resucrage, appeler la mère au %s" % (p, ph("fr")), "fr PAI for a pupil", "health")
    p = P("es")
    add("school", "sensitive", "Ficha de matrícula 2026/27\nAlumno/a: %s\nFecha de nacimiento: %s\nDNI del padre/madre: %s\nTeléfono de contacto: %s" % (p, dob_child("es"), V.es_dni(), ph("es")), "es enrolment with parent DNI", "national_id")
    p = P("ja")
    add("school", "sensitive", "生徒指導記録\n生徒氏名：%s（2年3組）\n保護者連絡先：%s\n備考：発達障害（ASD）の診断あり。通級指導を週2回。" % (p, ph("jp")), "ja student record", "health")
    # vendor
    add("school", "vendor", "Notenspiegel Mathematik 7b (anonym): 1: 3, 2: 7, 3: 9, 4: 4, 5: 2, 6: 0. Durchschnitt 2,9.", "de anonymous grade table", "statistics")
    add("school", "vendor", "Calendrier scolaire 2026-2027 : rentrée le 1er septembre, vacances de la Toussaint du 17 octobre au 2 novembre, zone A.", "fr school calendar", "none")
    add("school", "vendor", "Matrícula: el plazo para presentar la solicitud es del 1 al 20 de abril. Documentación: libro de familia, DNI de los tutores y certificado de empadronamiento.", "es enrolment instructions", "none")
    add("school", "vendor", "学年通信：来週の保護者面談の時間割を配布します。欠席の場合は担任までご連絡ください（代表 03-0000-0000）。", "ja school newsletter", "placeholder")


# ------------------------------------------------------------------ application logs with localized messages
def applog_cases():
    p = P("de")
    add("applog", "sensitive", "2026-03-05 10:22:01,114 INFO  [auth] Benutzer %s hat sich erfolgreich angemeldet (IP %s)\n2026-03-05 10:22:05,402 INFO  [profil] Telefonnummer geändert auf %s" % (V.mail(p), V.public_ip(), ph("de", True)), "de app log with email and phone", "contact")
    add("applog", "sensitive", "[2026-03-05T08:14:22Z] ERROR mailer: échec de l'envoi SMTP (535 5.7.8) host=smtp.ovh.net user=factures@%s pass=%s" % (R.choice(["boulangerie-martin.fr", "cabinet-girard.fr"]), V.password()), "fr app log with SMTP password", "password")
    add("applog", "sensitive", "2026-03-05 09:01:17 WARN  PagoService - Cobro rechazado para tarjeta %s (titular %s): fondos insuficientes" % (V.card(sep=""), P("es")), "es log with full card", "credit_card")
    add("applog", "sensitive", "05/03/2026 11:45:03 [DEBUG] ConnessioneDB: apertura connessione postgresql://gestionale:%s@10.0.4.12:5432/fatture" % V.password().replace("@", "x").replace("/", "x").replace(":", "x").replace("%", "x"), "it log with DB URL password", "password")
    add("applog", "sensitive", "2026-03-05 12:00:44.019 INFO  nl.acme.klant.KlantService : nieuwe klant aangemaakt: naam=%s, iban=%s, bsn=%s" % (P("nl"), V.iban_cc("NL", grouped=False), V.nl_bsn()), "nl log with IBAN and BSN", "national_id")
    add("applog", "sensitive", "2026-03-05 13:10:09 [INFO] [rejestracja] Nowy użytkownik: %s, PESEL=%s, tel=%s" % (P("pl"), V.pl_pesel(), ph("pl")), "pl log with PESEL", "national_id")
    # vendor
    add("applog", "vendor", "2026-03-05 10:22:01,114 INFO  [auth] Benutzer id=48213 hat sich erfolgreich angemeldet\n2026-03-05 10:22:09,877 WARN  [cache] Eintrag %s abgelaufen, wird neu geladen" % V.uuid(), "de log with ids only", "uuid")
    add("applog", "vendor", "[2026-03-05T08:14:22Z] ERROR mailer: échec de l'envoi SMTP (535 5.7.8) host=smtp.ovh.net user=*** pass=*** (identifiants masqués)", "fr log with masked creds", "masked")
    add("applog", "vendor", "2026-03-05 09:01:17 WARN  PagoService - Cobro rechazado para tarjeta ************4821: fondos insuficientes (código 51)", "es log with masked card", "masked")
    # (labeled vendor in the first run; the private address makes it sensitive by the corpus' rules)
    add("applog", "sensitive", "05/03/2026 11:45:03 [DEBUG] ConnessioneDB: apertura connessione postgresql://gestionale:****@10.0.4.12:5432/fatture (pool 4/20)", "it log with masked DB password but a private address", "private_ip")
    add("applog", "vendor", "2026-03-05 12:00:44.019 INFO  build %s gestart, versie 10.4.2.1, commit %s" % (V.s(5, DIGITS), V.git_sha()), "nl build log", "version")
    add("applog", "vendor", "2026-03-05T13:10:09+09:00 INFO  注文処理完了 order_id=ORD-%s 件数=3 処理時間=412ms" % V.s(8, DIGITS), "ja order log", "order_number")


# ------------------------------------------------------------------ i18n resource files
def i18n_cases():
    add("i18n", "vendor", "#: src/auth/login.py:42\nmsgid \"Enter your password\"\nmsgstr \"Geben Sie Ihr Passwort ein\"\n\n#: src/auth/login.py:57\nmsgid \"Password must contain at least 12 characters\"\nmsgstr \"Das Passwort muss mindestens 12 Zeichen enthalten\"", "de .po password strings", "none")
    add("i18n", "vendor", "{\n  \"login.password\": \"Mot de passe\",\n  \"login.password.placeholder\": \"Saisissez votre mot de passe\",\n  \"profile.phone.hint\": \"Format : 06 12 34 56 78\",\n  \"profile.email.hint\": \"prenom.nom@exemple.fr\"\n}", "fr i18n json with format hints", "placeholder")
    add("i18n", "vendor", "auth.password.label=Contraseña\nauth.password.help=Debe tener al menos 8 caracteres\nprofile.iban.placeholder=ES00 0000 0000 0000 0000 0000\nprofile.dni.placeholder=12345678Z", "es .properties with placeholders", "placeholder")
    add("i18n", "vendor", "<string name=\"password_hint\">Inserisci la password</string>\n<string name=\"phone_hint\">Numero di cellulare (es. 333 123 4567)</string>\n<string name=\"cf_hint\">Codice fiscale (16 caratteri)</string>", "it Android strings.xml", "placeholder")
    add("i18n", "vendor", "nl:\n  auth:\n    password: \"Wachtwoord\"\n    password_reset: \"Wachtwoord vergeten?\"\n  profile:\n    bsn_hint: \"Uw BSN bestaat uit 9 cijfers\"", "nl rails locale yml", "none")
    add("i18n", "vendor", "\"password.label\" = \"Palavra-passe\";\n\"phone.example\" = \"Ex.: 912 345 678\";\n\"nif.label\" = \"NIF (9 dígitos)\";", "pt iOS Localizable.strings", "placeholder")
    add("i18n", "vendor", "[auth]\nhaslo = \"Hasło\"\nhaslo_niepoprawne = \"Nieprawidłowy login lub hasło\"\n[profil]\npesel_pomoc = \"Wpisz 11 cyfr numeru PESEL\"", "pl toml locale", "none")
    add("i18n", "vendor", "login:\n  password: パスワード\n  password_hint: 8文字以上で入力してください\nprofile:\n  my_number_hint: マイナンバー（12桁）は入力しないでください", "ja locale yml", "none")
    add("i18n", "sensitive", "# messages_de.properties\nlogin.title=Anmelden\nlogin.password=Passwort\n# TODO vor Release entfernen: Testzugang fuer Übersetzer\ntranslator.test.user=uebersetzer\ntranslator.test.password=%s" % V.password(), "de properties with a forgotten test password", "password")


# ------------------------------------------------------------------ markdown tables
def md_cases():
    rows = "\n".join("| %s | %s | %s |" % (P("de"), ph("de"), dob("de")) for _ in range(3))
    add("mdtable", "sensitive", "## Notfallkontakte Team Logistik\n\n| Name | Mobil | Geburtstag |\n|---|---|---|\n" + rows, "de md table of contacts", "phone")
    rows = "\n".join("| %s | %s | %s |" % (P("fr"), V.fr_nir(spaced=True), R.choice(["CDI", "CDD"])) for _ in range(3))
    add("mdtable", "sensitive", "| Salarié | N° SS | Contrat |\n|:--|:--|:--|\n" + rows, "fr md table with NIR", "national_id")
    rows = "\n".join("| %s | %s | %s |" % (P("es"), R.choice(["asma", "epilepsia", "diabetes tipo 1", "celiaquía"]), ph("es")) for _ in range(3))
    add("mdtable", "sensitive", "### Campamento de verano – fichas médicas\n| Participante | Condición médica | Teléfono tutor |\n| --- | --- | --- |\n" + rows, "es md table of campers' conditions", "health")
    rows = "\n".join("| %s | %s |" % (P("nl"), V.iban_cc("NL", grouped=True)) for _ in range(2))
    add("mdtable", "sensitive", "Terugbetalingen declaraties maart:\n\n| Medewerker | IBAN |\n|---|---|\n" + rows, "nl md table with IBANs", "iban")
    # vendor
    add("mdtable", "vendor", "| Land | Ländervorwahl | Format Mobil |\n|---|---|---|\n| Deutschland | +49 | 015x / 016x / 017x |\n| Frankreich | +33 | 06 / 07 |\n| Spanien | +34 | 6xx / 7xx |", "de md table of formats", "docs")
    add("mdtable", "vendor", "| Prodotto | Codice | EAN | Prezzo |\n|---|---|---|---|\n| Cavo USB-C 2m | CV-2201 | %s | 9,90 € |\n| Caricatore 65W | CH-6500 | %s | 34,90 € |" % (V.ean13(), V.ean13()), "it product table with EAN", "sku")
    add("mdtable", "vendor", "| Kwartaal | Omzet | Marge |\n|---|---|---|\n| Q1 | € 1.204.331 | 18,2% |\n| Q2 | € 1.388.120 | 19,1% |", "nl revenue table", "none")
    add("mdtable", "vendor", "| Empresa | NIPC | Setor |\n|---|---|---|\n| Sonae SGPS | %s | Retalho |\n| Galp Energia | %s | Energia |" % (V.pt_nipc(), V.pt_nipc()), "pt companies table with NIPC", "company_id")


# ------------------------------------------------------------------ configuration files of tools no split used
def toolconf_cases():
    add("toolconf", "sensitive", "[nas-backup]\ntype = sftp\nhost = 192.168.1.20\nuser = backup\npass = %s\nshell_type = unix\n\n[b2]\ntype = b2\naccount = %s\nkey = K001%s" % (V.rclone_obscured(), V.s(12, HEXD), V.s(27, ALNUM)), "rclone.conf", "api_key")
    add("toolconf", "sensitive", "[default]\naccess_key = %s\nsecret_key = %s\nhost_base = s3.eu-central-1.amazonaws.com\nhost_bucket = %%(bucket)s.s3.eu-central-1.amazonaws.com\nuse_https = True" % (V.aws_key_id(), V.aws_secret()), ".s3cfg", "aws_key")
    add("toolconf", "sensitive", "[distutils]\nindex-servers =\n    pypi\n    nexus\n\n[nexus]\nrepository = https://nexus.intra.example.de/repository/pypi-internal/\nusername = deploy\npassword = %s" % V.password(), ".pypirc with password", "password")
    add("toolconf", "sensitive", "org.gradle.jvmargs=-Xmx4g\nsigning.keyId=%s\nsigning.password=%s\nsigning.secretKeyRingFile=/home/ci/.gnupg/secring.gpg\nossrhUsername=acme-release\nossrhPassword=%s" % (V.s(8, "0123456789ABCDEF"), V.password(), V.password()), "gradle.properties", "password")
    add("toolconf", "sensitive", "<settings>\n  <servers>\n    <server>\n      <id>nexus-releases</id>\n      <username>deployment</username>\n      <password>%s</password>\n    </server>\n  </servers>\n</settings>" % V.password(), "maven settings.xml", "password")
    add("toolconf", "sensitive", "{\n    \"http-basic\": {\n        \"repo.packagist.com\": {\n            \"username\": \"token\",\n            \"password\": \"%s\"\n        }\n    },\n    \"github-oauth\": {\n        \"github.com\": \"%s\"\n    }\n}" % (V.hex(40), V.github_pat()), "composer auth.json", "api_key")
    add("toolconf", "sensitive", "---\n:rubygems_api_key: rubygems_%s\n:github: Bearer %s" % (V.hex(48), V.github_pat()), ".gem/credentials", "api_key")
    add("toolconf", "sensitive", "name = \"shop-worker\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2026-01-15\"\n\n[vars]\nSTRIPE_SECRET_KEY = \"%s\"\nSHOP_CURRENCY = \"EUR\"" % V.stripe(), "wrangler.toml with a secret in vars", "api_key")
    add("toolconf", "sensitive", "# supabase/.env.local\nSUPABASE_URL=https://%s.supabase.co\nSUPABASE_SERVICE_ROLE_KEY=%s" % (V.s(20, LOWER), V.jwt()), "supabase service role key", "api_key")
    add("toolconf", "sensitive", "export AIRFLOW_CONN_WAREHOUSE='postgres://etl_user:%s@dwh.intra:5432/analytics'\nexport AIRFLOW__CORE__FERNET_KEY='%s'" % (V.s(14, ALNUM), V.b64_secret(32).replace("+", "-").replace("/", "_")), "airflow connection env", "password")
    add("toolconf", "sensitive", "analytics:\n  target: prod\n  outputs:\n    prod:\n      type: snowflake\n      account: ab12345.eu-central-1\n      user: DBT_PROD\n      password: \"%s\"\n      role: TRANSFORMER\n      warehouse: WH_XS" % V.password(), "dbt profiles.yml", "password")
    add("toolconf", "sensitive", "[security]\nadmin_user = admin\nadmin_password = %s\nsecret_key = %s\n\n[smtp]\nenabled = true\nhost = smtp.office365.com:587\nuser = grafana@acme.example\npassword = %s" % (V.password(), V.s(20, ALNUM), V.password()), "grafana.ini", "password")
    add("toolconf", "sensitive", "scrape_configs:\n  - job_name: 'node'\n    scheme: https\n    basic_auth:\n      username: prometheus\n      password: %s\n    static_configs:\n      - targets: ['node1.intra:9100']" % V.password(), "prometheus basic_auth", "password")
    add("toolconf", "sensitive", "$ export VAULT_ADDR=https://vault.intra:8200\n$ export VAULT_TOKEN=%s\n$ vault kv get secret/payments" % V.vault_token(), "vault token in shell", "api_key")
    add("toolconf", "sensitive", "MAIL_MAILER=smtp\nMAIL_HOST=smtp.gmail.com\nMAIL_PORT=587\nMAIL_USERNAME=pedidos.tienda@gmail.com\nMAIL_PASSWORD=\"%s %s %s %s\"\nMAIL_ENCRYPTION=tls" % (V.s(4, LOWER), V.s(4, LOWER), V.s(4, LOWER), V.s(4, LOWER)), "laravel .env with Gmail app password", "password")
    add("toolconf", "sensitive", "spring:\n  mail:\n    host: smtp.strato.de\n    port: 465\n    username: noreply@meinshop.de\n    password: %s" % V.password(), "spring mail settings", "password")
    add("toolconf", "sensitive", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSourceCredentials>\n    <AzureArtifacts>\n      <add key=\"Username\" value=\"build\" />\n      <add key=\"ClearTextPassword\" value=\"%s\" />\n    </AzureArtifacts>\n  </packageSourceCredentials>\n</configuration>" % V.s(52, LOWER + DIGITS), "NuGet.config PAT", "api_key")
    add("toolconf", "sensitive", "{\n  \"type\": \"service_account\",\n  \"project_id\": \"shop-prod\",\n  \"private_key_id\": \"%s\",\n  \"private_key\": \"%s\",\n  \"client_email\": \"firebase-adminsdk@shop-prod.iam.gserviceaccount.com\"\n}" % (V.hex(40), V.pem_private_key("RSA ", escaped=True).replace("RSA ", "")), "firebase admin sdk key", "private_key")
    # vendor
    # (labeled vendor in the first run; the private address makes it sensitive by the corpus' rules)
    add("toolconf", "sensitive", "[nas-backup]\ntype = sftp\nhost = 192.168.1.20\nuser = backup\nkey_file = ~/.ssh/id_ed25519\nshell_type = unix", "rclone with key file but a private address", "private_ip")
    add("toolconf", "vendor", "[default]\naccess_key = AKIAIOSFODNN7EXAMPLE\nsecret_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nhost_base = s3.amazonaws.com", ".s3cfg with AWS docs keys", "aws_docs")
    add("toolconf", "vendor", "[pypi]\nusername = __token__\npassword = ${PYPI_API_TOKEN}", ".pypirc with env reference", "placeholder")
    add("toolconf", "vendor", "signing.keyId=${SIGNING_KEY_ID}\nsigning.password=${SIGNING_PASSWORD}\nossrhUsername=${env.OSSRH_USERNAME}\nossrhPassword=${env.OSSRH_PASSWORD}", "gradle.properties with env refs", "placeholder")
    add("toolconf", "vendor", "<server>\n  <id>nexus-releases</id>\n  <username>${env.NEXUS_USER}</username>\n  <password>${env.NEXUS_PASSWORD}</password>\n</server>", "maven settings with env refs", "placeholder")
    add("toolconf", "vendor", "analytics:\n  outputs:\n    prod:\n      type: snowflake\n      user: \"{{ env_var('DBT_USER') }}\"\n      password: \"{{ env_var('DBT_PASSWORD') }}\"", "dbt with env_var", "placeholder")
    add("toolconf", "vendor", "[security]\nadmin_user = admin\n; admin_password = admin\nadmin_password = $__file{/run/secrets/grafana_admin}", "grafana with file provider", "placeholder")
    add("toolconf", "vendor", "basic_auth:\n  username: prometheus\n  password_file: /etc/prometheus/secrets/node_pw", "prometheus password_file", "placeholder")
    add("toolconf", "vendor", "name = \"shop-worker\"\nmain = \"src/index.ts\"\n# Secrets: wrangler secret put STRIPE_SECRET_KEY\n[vars]\nSHOP_CURRENCY = \"EUR\"\nAPI_BASE = \"https://api.example.com\"", "wrangler.toml without secrets", "none")
    add("toolconf", "vendor", "{\n  \"apiKey\": \"<FIREBASE_WEB_API_KEY>\",\n  \"authDomain\": \"shop-prod.firebaseapp.com\",\n  \"projectId\": \"shop-prod\",\n  \"appId\": \"1:000000000000:web:0000000000000000\"\n}", "firebase web config template", "placeholder")
    add("toolconf", "vendor", "MAIL_MAILER=smtp\nMAIL_HOST=mailpit\nMAIL_PORT=1025\nMAIL_USERNAME=null\nMAIL_PASSWORD=null\nMAIL_ENCRYPTION=null", "laravel .env local mailpit", "none")
    add("toolconf", "vendor", "$ vault login -method=oidc\n$ export VAULT_TOKEN=$(vault print token)\n$ vault kv get -field=password secret/payments/db | wc -c", "vault via oidc", "placeholder")


# ------------------------------------------------------------------ health prose about a named or identified person
def health_cases():
    add("health", "sensitive", "Kurze Info fürs Team: %s fällt die nächsten Wochen aus, bei ihr wurde Brustkrebs festgestellt, die Chemo beginnt nächste Woche. Bitte keine Nachfragen bei ihr." % PF("de"), "de colleague cancer", "health")
    add("health", "sensitive", "Je te préviens en confidence : %s est hospitalisé en psychiatrie depuis lundi après une tentative de suicide. Sa femme m'a appelé." % P("fr"), "fr colleague psychiatric hospitalisation", "health")
    add("health", "sensitive", "Resumen para el comité: la trabajadora %s (exp. %s) tiene reconocida una esclerosis múltiple y solicita adaptación del puesto." % (PF("es"), V.s(5, DIGITS)), "es MS adaptation", "health")
    add("health", "sensitive", "Ti aggiorno su %s: gli hanno diagnosticato il morbo di Parkinson, per ora continua a lavorare part-time." % PM("it"), "it Parkinson", "health")
    add("health", "sensitive", "Update over %s: ze is opgenomen met een psychose en blijft voorlopig in de kliniek. Haar vader is het contactpersoon." % PF("nl"), "nl psychosis", "health")
    add("health", "sensitive", "A %s (processo n.º %s) está em tratamento de hemodiálise três vezes por semana por insuficiência renal crónica; pede horário flexível." % (PF("pt"), V.s(6, DIGITS)), "pt dialysis", "health")
    add("health", "sensitive", "Informacja dla kadr: pan %s przechodzi terapię odwykową (uzależnienie od alkoholu) w ośrodku w Gorzowie do końca kwietnia." % PM("pl").split()[1], "pl addiction therapy", "health")
    add("health", "sensitive", "人事部各位：%sさんは双極性障害の治療のため、3月末まで休職となります。本人の希望により詳細は口外しないでください。" % P("ja"), "ja bipolar leave", "health")
    add("health", "sensitive", "Heads-up: %s from accounts told me she's pregnant and has gestational diabetes, so she'll need regular appointments; keep it between us for now." % PF("en"), "en pregnancy and diabetes", "health")
    add("health", "sensitive", "Patient %s, geb. %s: Z. n. Myokardinfarkt 01/2026, aktuell NYHA II, Entlassung mit ASS, Ticagrelor, Bisoprolol." % (P("de"), dob("de")), "de clinical note", "health")
    add("health", "sensitive", "Mme %s, 54 ans, suivie pour une maladie d'Alzheimer débutante (MMSE 22/30). Sa fille demande une mise sous curatelle." % PF("fr").split()[1], "fr Alzheimer note", "health")
    add("health", "sensitive", "Notas de la reunión con RRHH: %s comunicó que es VIH positivo y pide que no se comparta con su equipo." % P("es"), "es HIV disclosure", "health")
    # vendor
    add("health", "vendor", "Wie hoch ist das Risiko, nach einer Brustkrebserkrankung einen Rückfall zu bekommen? Ich finde online sehr unterschiedliche Zahlen.", "de generic cancer question", "medical_question")
    add("health", "vendor", "En France, environ 18 000 personnes vivent avec une maladie de Parkinson diagnostiquée dans la région; l'âge moyen au diagnostic est de 58 ans.", "fr statistics", "statistics")
    add("health", "vendor", "¿Qué síntomas iniciales tiene la esclerosis múltiple y cómo se diagnostica? Es para un trabajo de clase.", "es school question", "medical_question")
    add("health", "vendor", "Linee guida aziendali: i dati sanitari dei dipendenti (diagnosi, certificati) sono trattati solo dal medico competente e non vengono condivisi con i responsabili.", "it policy text", "none")
    add("health", "vendor", "Webinar 'Mentale gezondheid op het werk': hoe herken je een burn-out bij collega's en hoe bespreek je het? Aanmelden via het intranet.", "nl webinar ad", "none")
    add("health", "vendor", "Campanha de vacinação da gripe: os colaboradores interessados podem inscrever-se até 15 de outubro. A vacina é gratuita.", "pt vaccination campaign", "none")
    add("health", "vendor", "Raport GUS: w 2025 r. najczęstszą przyczyną absencji chorobowej były choroby układu oddechowego (22%) i układu mięśniowo-szkieletowego (19%).", "pl statistics", "statistics")
    add("health", "vendor", "うつ病の初期症状にはどのようなものがありますか？家族に相談すべきか迷っています。", "ja generic question", "medical_question")


cv_cases()
contact_cases()
bank_cases()
tax_cases()
sick_cases()
rx_cases()
application_cases()
crm_cases()
sms_cases()
phone_cases()
legal_cases()
school_cases()
applog_cases()
i18n_cases()
md_cases()
toolconf_cases()
health_cases()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout11.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
