#!/usr/bin/env python3
"""Writes the nineteenth held-out split (tests/corpus/holdout19/holdout19.jsonl), issue 17 round 15,
run once as written. Its style is citizens and the state, which no split had as such: what clerks,
caseworkers, lawyers, teachers, social workers and citizens paste from public administration,
courts, police, schools and social services. Residence permits and visas, naturalisation files,
asylum interviews, civil-status records, court filings and judgments, police reports and witness
statements, traffic fines and vehicle registration, notarial deeds and land registry extracts,
tax-office letters and objections, benefit claims, pension statements, youth-office case notes,
school reports and individual education plans, university transcripts, e-government portal
messages, municipal registration, electoral-roll extracts, public-records requests, legal aid,
probation notes and council minutes. The human text is in the nine languages, weighted to the eight
non-English ones.
Labeled by what may leave the company: a named person's identifiers, contact, finance, legal or
health data, a credential, are sensitive. Look-alikes are vendor: case and file numbers, statute
citations, published judgments with anonymised parties, blank forms and instructions, specimen
documents with the issuing authority's published sample data, public company registers, aggregate
statistics, council minutes about public matters, general legal questions, templates.
Run: python3 tests/corpus/holdout19/generate_holdout19.py"""

import json
import os
import string
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_world import WorldValues  # noqa

DIGITS = string.digits
UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
ALNUM = string.ascii_letters + DIGITS

LANGS = ["de", "fr", "es", "it", "nl", "pt", "pl", "ja", "en"]

STREETS = {
    "de": (["Lindenstraße", "Bahnhofstr.", "Am Mühlbach", "Goethestraße", "Kirchweg", "Schillerplatz"],
           ["10115 Berlin", "80331 München", "50667 Köln", "04109 Leipzig", "28195 Bremen", "70173 Stuttgart"]),
    "fr": (["rue des Lilas", "avenue Jean-Jaurès", "boulevard Voltaire", "impasse des Tilleuls", "rue Pasteur"],
           ["75011 Paris", "69003 Lyon", "13006 Marseille", "31000 Toulouse", "44000 Nantes", "59000 Lille"]),
    "es": (["calle Mayor", "avda. de la Constitución", "calle de Alcalá", "plaza del Pilar", "calle Real"],
           ["28014 Madrid", "08012 Barcelona", "41004 Sevilla", "46001 Valencia", "50003 Zaragoza"]),
    "it": (["via Garibaldi", "corso Vittorio Emanuele", "via Roma", "piazza Dante", "viale dei Mille"],
           ["20121 Milano", "00184 Roma", "10121 Torino", "80134 Napoli", "40126 Bologna"]),
    "nl": (["Kerkstraat", "Prinsengracht", "Dorpsweg", "Lange Voorhout", "Marktplein"],
           ["1015 CJ Amsterdam", "3011 AD Rotterdam", "2514 JK Den Haag", "3511 LX Utrecht", "9711 EA Groningen"]),
    "pt": (["Rua Augusta", "Av. da Liberdade", "Rua de Santa Catarina", "Travessa do Carmo", "Rua do Ouro"],
           ["1100-048 Lisboa", "4000-443 Porto", "3000-150 Coimbra", "8000-123 Faro", "4700-321 Braga"]),
    "pl": (["ul. Marszałkowska", "ul. Długa", "al. Jerozolimskie", "ul. Piotrkowska", "ul. Floriańska"],
           ["00-624 Warszawa", "31-019 Kraków", "90-001 Łódź", "80-831 Gdańsk", "50-001 Wrocław"]),
    "ja": (["東京都新宿区西新宿2-8-1", "大阪府大阪市北区梅田1-3-1", "神奈川県横浜市中区本町6-50", "福岡県福岡市中央区天神1-8-1"], [""]),
    "en": (["Baker Street", "High Street", "Church Lane", "Victoria Road", "Mill Lane"],
           ["London NW1 6XE", "Manchester M1 2AB", "Leeds LS1 4DY", "Bristol BS1 5TR", "York YO1 7HH"]),
}


class H19Values(WorldValues):
    IBAN_LENGTHS = dict(WorldValues.IBAN_LENGTHS, DE=(22, "n"), FR=(27, "n"), ES=(24, "n"), AT=(20, "n"))

    def mail(self, person, domain=None):
        tr = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "é": "e", "è": "e", "í": "i", "á": "a",
                            "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "ê": "e", "ł": "l", "ś": "s",
                            "ń": "n", "ż": "z", "ć": "c", "ã": "a", "É": "e", "Ł": "l", "ò": "o", " ": ""})
        if not person.isascii() and " " not in person:
            local = self.pick(["yuki.tanaka", "s.sato", "kenji_ito", "m.suzuki", "takahashi.yumi", "nakamura.h"])
        else:
            first, last = person.split(" ", 1)
            f, l = first.lower().translate(tr), last.lower().translate(tr)
            local = self.pick([f + "." + l, f[0] + l, f + str(self.r.randint(70, 99)), l + "." + f])
        return local + "@" + (domain or self.pick(["gmail.com", "gmx.de", "web.de", "orange.fr", "free.fr",
                                                   "hotmail.es", "libero.it", "ziggo.nl", "sapo.pt", "wp.pl",
                                                   "onet.pl", "docomo.ne.jp", "yahoo.co.jp", "outlook.com",
                                                   "icloud.com", "t-online.de", "laposte.net", "proton.me"]))

    def phone(self, lang, international=None):
        region = {"en": "uk", "ja": "jp"}.get(lang, lang)
        return self.phone_eu(region, international)

    def iban_for(self, lang, grouped=None):
        cc = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL",
              "ja": "DE", "en": "BE"}[lang]
        return self.iban_cc(cc, grouped=grouped)

    def national_id(self, lang):
        return {"de": lambda: self.de_tax_id(spaced=self.r.random() < 0.4), "fr": lambda: self.fr_nir(),
                "es": lambda: self.es_dni(), "it": self.it_fiscal_code, "nl": lambda: self.nl_bsn(),
                "pt": self.pt_nif_personal, "pl": lambda: self.pl_pesel(), "ja": lambda: self.jp_my_number(),
                "en": self.uk_nino}[lang]()

    def addr(self, lang):
        streets, towns = STREETS[lang]
        if lang == "ja":
            return self.pick(streets)
        n = str(self.r.randint(1, 140))
        st = self.pick(streets)
        if lang in ("fr", "en"):
            return "%s %s, %s" % (n, st, self.pick(towns))
        return "%s %s, %s" % (st, n, self.pick(towns))

    def de_rvnr(self):
        """Rentenversicherungsnummer: area, birth date, surname initial, serial, check digit."""
        b = self._birth(1955, 2000)
        letter = self.pick("ABDGHKLMNRSTW")
        area = self.pick(["12", "13", "15", "24", "28", "42", "53", "65"])
        serial = "%02d" % self.r.randint(0, 49)
        digits = area + b.strftime("%d%m%y") + "%02d" % (ord(letter) - 64) + serial
        w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
        total = sum(sum(int(x) for x in str(int(d) * k)) for d, k in zip(digits, w))
        check = total % 10
        return "%s %s %s %s%d" % (area, b.strftime("%d%m%y"), letter, serial, check)

    def de_kvnr(self):
        letter = self.pick(UPPER)
        body = self.s(8, DIGITS)
        digits = "%02d" % (ord(letter) - 64) + body
        total = 0
        for i, c in enumerate(digits):
            p = int(c) * (1 if i % 2 == 0 else 2)
            total += p // 10 + p % 10
        return letter + body + str(total % 10)

    def de_doc_no(self):
        return self.pick("CFGHJKLMNPRTVWXYZ") + self.s(8, "0123456789CFGHJKLMNPRTVWXYZ")

    def residence_card(self, lang):
        if lang == "ja":
            return self.s(2, UPPER) + self.s(8, DIGITS) + self.s(2, UPPER)
        if lang == "fr":
            return self.s(10, DIGITS)  # numéro étranger (AGDREF)
        if lang == "nl":
            return self.s(10, DIGITS)  # V-nummer
        if lang == "it":
            return self.s(1, UPPER) + self.s(8, DIGITS)
        if lang == "pl":
            return "R" + self.s(2, UPPER) + self.s(7, DIGITS)
        if lang == "es":
            return self.es_dni(nie=True)
        if lang == "pt":
            return self.s(9, DIGITS)
        return self.de_doc_no()

    def plate(self, lang):
        return {"de": lambda: "%s-%s %d" % (self.pick(["B", "M", "K", "HH", "S", "L"]), self.s(2, UPPER), self.r.randint(10, 9999)),
                "fr": lambda: "%s-%03d-%s" % (self.s(2, UPPER), self.r.randint(1, 999), self.s(2, UPPER)),
                "es": lambda: "%04d %s" % (self.r.randint(0, 9999), self.s(3, "BCDFGHJKLMNPRSTVWXYZ")),
                "it": lambda: "%s%03d%s" % (self.s(2, UPPER), self.r.randint(0, 999), self.s(2, UPPER)),
                "nl": lambda: "%s-%03d-%s" % (self.s(2, UPPER), self.r.randint(0, 999), self.s(1, UPPER)),
                "pt": lambda: "%s-%02d-%s" % (self.s(2, UPPER), self.r.randint(0, 99), self.s(2, UPPER)),
                "pl": lambda: "W%s %05d" % (self.s(1, UPPER), self.r.randint(0, 99999)),
                "ja": lambda: "品川 300 さ %02d-%02d" % (self.r.randint(10, 99), self.r.randint(10, 99)),
                "en": lambda: "%s%02d %s" % (self.s(2, UPPER), self.r.randint(10, 99), self.s(3, UPPER))}[lang]()

    def es_nuss(self):
        prov = "%02d" % self.r.choice([8, 28, 41, 46, 29, 48])
        num = "%08d" % self.r.randint(10000000, 99999999)
        return "%s/%s/%02d" % (prov, num, int(prov + num) % 97)

    def pt_niss(self):
        weights = [29, 23, 19, 17, 13, 11, 7, 5, 3, 2]
        d = [1] + [self.r.randint(0, 9) for _ in range(9)]
        return "".join(map(str, d)) + str(9 - sum(a * b for a, b in zip(weights, d)) % 10)

    def pl_dowod(self):
        w = [7, 3, 1, 9, 7, 3, 1, 7, 3]
        letters = self.s(3, UPPER)
        digits = self.s(5, DIGITS)
        vals = [ord(c) - 55 for c in letters] + [0] + [int(c) for c in digits]
        return letters + str(sum(a * b for a, b in zip(vals, w)) % 10) + digits

    def fr_siren(self):
        body = self.pick("3456789") + self.s(7, DIGITS)
        for c in DIGITS:
            if self.luhn_ok(body + c):
                return body + c
        raise AssertionError

    def jp_corporate(self):
        base = self.s(12, DIGITS)
        total = 0
        for n in range(1, 13):
            total += int(base[12 - n]) * (1 if n % 2 == 1 else 2)
        return str(9 - total % 9) + base

    def day(self, lang, y0=2024, y1=2026):
        y, m, d = self.r.randint(y0, y1), self.r.randint(1, 12), self.r.randint(1, 28)
        if lang == "ja":
            return "%d年%d月%d日" % (y, m, d)
        if lang in ("de", "pl"):
            return "%02d.%02d.%d" % (d, m, y)
        if lang == "nl":
            return "%02d-%02d-%d" % (d, m, y)
        if lang == "en":
            return "%d/%02d/%d" % (d, m, y)
        return "%02d/%02d/%d" % (d, m, y)

    def amount(self, lo=50, hi=4000):
        return "%d,%02d" % (self.r.randint(lo, hi), self.r.randint(0, 99))


V = H19Values(20261219)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout19-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def P(lg):
    return V.person(lg)


def jd(obj, indent=None):
    return json.dumps(obj, indent=indent, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
def permits():
    p = P("de")
    add("permit", "sensitive", "Antrag auf Verlängerung des Aufenthaltstitels\nName: %s\nGeburtsdatum: %s\n"
        "Staatsangehörigkeit: türkisch\nNr. des Aufenthaltstitels: %s\nAnschrift: %s\nTelefon: %s\n\n"
        "Kannst du mir ein Anschreiben an die Ausländerbehörde formulieren, dass ich den Termin verschieben muss?"
        % (p, V.dob("de"), V.de_doc_no(), V.addr("de"), V.phone("de")), "aufenthaltstitel application",
        "residence_permit")
    p = P("fr")
    add("permit", "sensitive", "Bonjour, voici mon récépissé :\nRÉCÉPISSÉ DE DEMANDE DE CARTE DE SÉJOUR\nNom : %s\n"
        "N° étranger : %s\nNé(e) le : %s à Tunis\nAdresse : %s\nValable jusqu'au %s\n\nEst-ce que je peux voyager "
        "en Espagne avec ce document ?" % (p.split()[1].upper() + " " + p.split()[0], V.residence_card("fr"),
                                            V.dob("fr"), V.addr("fr"), V.day("fr")), "titre de sejour recepisse",
        "residence_permit")
    p = P("it")
    add("permit", "sensitive", "Questura di %s - Ufficio Immigrazione\nRicevuta di presentazione dell'istanza di "
        "rinnovo del permesso di soggiorno\nRichiedente: %s, C.F. %s\nPermesso n. %s, motivo: lavoro subordinato\n"
        "Recapito: %s\n\nMi aiuti a capire cosa significa 'in lavorazione' sul portale?" % (
            V.pick(["Milano", "Roma", "Torino"]), p, V.it_fiscal_code(), V.residence_card("it"), V.phone("it")),
        "permesso di soggiorno receipt", "residence_permit")
    p = P("nl")
    add("permit", "sensitive", "IND - Ontvangstbevestiging aanvraag verblijfsvergunning\nV-nummer: %s\nNaam: %s\n"
        "Geboortedatum: %s\nBSN: %s\nVerblijfsdoel: verblijf bij partner\n\nKun je deze brief vertalen naar het "
        "Engels voor mijn vrouw?" % (V.residence_card("nl"), p, V.dob("nl"), V.nl_bsn()), "ind verblijfsvergunning",
        "residence_permit")
    p = P("pt")
    add("permit", "sensitive", "AIMA - Pedido de autorização de residência (art. 88.º)\nRequerente: %s\n"
        "Passaporte: BR%s\nNIF: %s  NISS: %s\nMorada: %s\nEmail: %s\n\nO meu processo está parado há 8 meses. "
        "Escreve uma reclamação formal?" % (p, V.s(6, DIGITS), V.pt_nif_personal(), V.pt_niss(), V.addr("pt"),
                                           V.mail(p)), "autorizacao de residencia", "residence_permit")
    p = P("pl")
    add("permit", "sensitive", "Wniosek o udzielenie zezwolenia na pobyt czasowy - karta pobytu\nImię i nazwisko: %s\n"
        "Nr karty pobytu: %s\nPESEL: %s\nAdres zamieszkania: %s\nTel.: %s\n\nCzy mogę pracować w czasie oczekiwania "
        "na decyzję wojewody?" % (P("pl"), V.residence_card("pl"), V.pl_pesel(), V.addr("pl"), V.phone("pl")),
        "karta pobytu application", "residence_permit")
    p = P("ja")
    add("permit", "sensitive", "在留期間更新許可申請書\n氏名：%s\n在留カード番号：%s\n生年月日：1991年4月12日\n"
        "住居地：%s\n電話番号：%s\n\n入管に提出する理由書を日本語で書いてください。" % (
            "NGUYEN VAN AN", V.residence_card("ja"), V.addr("ja"), V.phone("ja")), "zairyu card renewal",
        "residence_permit")
    p = P("es")
    add("permit", "sensitive", "Cita previa extranjería confirmada.\nNIE: %s\nNombre: %s\nTrámite: tarjeta de "
        "residencia de familiar de ciudadano UE\nJustificante: %s\n\n¿Qué documentos tengo que llevar?" % (
            V.es_dni(nie=True), p, V.s(16, UPPER + DIGITS)), "cita extranjeria nie", "residence_permit")
    add("permit", "sensitive", "Visa application - UK Standard Visitor\nApplicant: %s\nPassport no.: %s\n"
        "Date of birth: %s\nPrevious refusal: yes, 2023, paragraph V 4.2 (insufficient funds)\nSponsor: brother, "
        "%s, %s\n\nHelp me explain the earlier refusal in the additional information box."
        % (P("en"), V.s(9, DIGITS), V.dob("en"), P("en"), V.addr("en")), "uk visa refusal history", "visa")
    # look-alikes
    add("permit", "vendor", "Antrag auf Erteilung eines Aufenthaltstitels\nName: ______________________\n"
        "Geburtsdatum: __.__.____\nNr. des Passes: ______________\nAnschrift: ________________________\n\n"
        "Welche Felder sind Pflicht, wenn ich zum ersten Mal einen Antrag stelle?", "blank form", "blank_form")
    add("permit", "vendor", "Article L. 423-23 du CESEDA : la carte de séjour temporaire portant la mention « vie "
        "privée et familiale » est délivrée à l'étranger qui ...\n\nQuelle différence avec l'article L. 435-1 pour "
        "une admission exceptionnelle au séjour ?", "statute citation", "statute")
    add("permit", "vendor", "Il permesso di soggiorno elettronico (PSE) riporta: numero del documento (9 caratteri), "
        "cognome, nome, luogo e data di nascita, tipo di permesso, note. Sul retro è presente il codice fiscale.\n\n"
        "Come si legge la zona a lettura ottica?", "form instructions", "form_instructions")
    add("permit", "vendor", "在留カードの番号は、英字2桁＋数字8桁＋英字2桁の12桁です（例：AB12345678CD）。\n\n"
                            "この番号が失効しているかどうか確認する方法はありますか？", "zairyu format example", "specimen")


def civil_status():
    p = P("de")
    add("civil", "sensitive", "Standesamt %s - Geburtsurkunde\nName des Kindes: %s\nGeburtstag: %s\nGeburtsort: "
        "%s\nMutter: %s, geb. %s\nVater: %s\nRegister-Nr. G %d/2025\n\nBitte ins Englische übersetzen, wir brauchen "
        "es für die Botschaft." % (V.pick(["Mitte", "Pankow", "Altona"]), p, V.dob("de"), V.pick(["Berlin", "Hamburg"]),
                                   P("de"), V.pick(["Schulz", "Lang", "Wolf"]), P("de"), V.r.randint(100, 4000)),
        "geburtsurkunde", "civil_status")
    add("civil", "sensitive", "EXTRAIT D'ACTE DE DÉCÈS\nLe %s est décédé(e) %s, né(e) le %s, domicilié(e) %s.\n"
        "Cause déclarée par le médecin : insuffisance cardiaque, diabète de type 2.\nNIR du défunt : %s\n\nJe dois "
        "prévenir la caisse de retraite, tu peux rédiger le courrier ?" % (V.day("fr"), P("fr"), V.dob("fr"),
                                                                          V.addr("fr"), V.fr_nir()),
        "acte de deces with cause", "civil_status")
    p, q = P("es"), P("es")
    add("civil", "sensitive", "Registro Civil - Certificado literal de matrimonio\nContrayentes: %s (DNI %s) y %s (DNI "
        "%s)\nFecha: %s\nRégimen económico: separación de bienes\nInscripción: tomo %d, página %d\n\n¿Lo necesito "
        "apostillado para Italia?" % (p, V.es_dni(), q, V.es_dni(), V.day("es"), V.r.randint(10, 300),
                                      V.r.randint(1, 400)), "certificado matrimonio", "civil_status")
    p = P("it")
    add("civil", "sensitive", "Comune di %s - Ufficio di Stato Civile\nEstratto dell'atto di nascita di %s, nato/a il "
        "%s, codice fiscale %s, figlio/a di %s.\nAnnotazioni: riconoscimento paterno tardivo (%s).\n\nPuoi "
        "spiegarmi cosa vuol dire questa annotazione?" % (V.pick(["Bologna", "Bari", "Genova"]), p, V.dob("it"),
                                                          V.it_fiscal_code(), P("it"), V.day("it")),
        "estratto di nascita", "civil_status")
    add("civil", "sensitive", "戸籍謄本（全部事項証明）\n本籍：%s\n筆頭者氏名：%s\n戸籍に記録されている者：%s（長女）\n"
        "生年月日：平成%d年%d月%d日\n身分事項：養子縁組 令和%d年%d月%d日\n\nこの内容を英訳してください。"
        % (V.addr("ja"), P("ja"), P("ja"), V.r.randint(1, 30), V.r.randint(1, 12), V.r.randint(1, 28),
           V.r.randint(1, 6), V.r.randint(1, 12), V.r.randint(1, 28)), "koseki with adoption", "civil_status")
    p = P("nl")
    add("civil", "sensitive", "Uittreksel BRP\nGeslachtsnaam: %s  Voornamen: %s\nBSN: %s\nGeboren: %s te Utrecht\n"
        "Burgerlijke staat: gescheiden\nAdres: %s\n\nMoet ik dit meesturen met mijn huurcontract?" % (
            p.split(" ", 1)[1], p.split(" ", 1)[0], V.nl_bsn(), V.dob("nl"), V.addr("nl")), "brp uittreksel",
        "civil_status")
    add("civil", "vendor", "Auszug aus dem Geburtenregister (Muster)\nName: Erika Mustermann\nGeburtstag: 12.08.1964\n"
        "Geburtsort: Berlin\nRegister-Nr.: G 0000/1964\n\nWofür braucht man bei der Eheschließung eine beglaubigte "
        "Abschrift?", "mustermann specimen", "specimen")
    add("civil", "vendor", "Délivrance d'un acte de naissance : la demande se fait à la mairie du lieu de naissance "
        "ou en ligne sur service-public.fr. Pour une personne née à l'étranger, s'adresser au SCEC à Nantes.\n\n"
        "Combien de temps faut-il en général ?", "general procedure", "question")
    add("civil", "vendor", "INE - Movimiento Natural de la Población 2024: nacimientos 322.034 (-0,4 %), defunciones "
        "433.547, matrimonios 168.491. Edad media a la maternidad: 32,6 años.\n\nHazme un resumen de tres líneas.",
        "birth statistics", "aggregate")
    add("civil", "vendor", "Stan cywilny - odpis zupełny aktu urodzenia: kto może o niego wystąpić? Czy mój "
                           "narzeczony może pobrać mój odpis bez pełnomocnictwa?", "general question (pl)", "question")


def court():
    p, q = P("de"), P("de")
    add("court", "sensitive", "Amtsgericht %s\nAz.: %d C %d/25\nIn dem Rechtsstreit\n%s, %s, - Klägerin -\n"
        "gegen\n%s, %s, - Beklagter -\nwegen Mietzahlung (Rückstand %s EUR)\n\nKannst du mir die Klageerwiderung "
        "kürzen?" % (V.pick(["Charlottenburg", "Köln", "Leipzig"]), V.r.randint(1, 40), V.r.randint(100, 999), p,
                     V.addr("de"), q, V.addr("de"), V.amount(1200, 9000)), "klageschrift parties", "court_parties")
    add("court", "sensitive", "TRIBUNAL JUDICIAIRE DE %s - JAF\nRG n° 25/%05d\nDemanderesse : Mme %s, née le %s, "
        "demeurant %s\nDéfendeur : M. %s\nObjet : fixation de la résidence des enfants, violences conjugales "
        "alléguées (main courante du %s)\n\nAide-moi à préparer les conclusions." % (
            V.pick(["LYON", "NANTES", "LILLE"]), V.r.randint(1, 99999), P("fr"), V.dob("fr"), V.addr("fr"), P("fr"),
            V.day("fr")), "jaf family case", "court_parties")
    add("court", "sensitive", "JUZGADO DE PRIMERA INSTANCIA N.º %d DE %s\nProcedimiento: divorcio contencioso %d/2025\n"
        "Demandante: %s, DNI %s\nDemandado: %s\nPensión de alimentos propuesta: %s € mensuales a la cuenta %s\n\n"
        "¿Es razonable esa cantidad para dos hijos?" % (
            V.r.randint(1, 90), V.pick(["MADRID", "VALENCIA"]), V.r.randint(10, 999), P("es"), V.es_dni(), P("es"),
            V.r.randint(250, 900), V.iban_for("es")), "divorcio pension iban", "court_parties")
    add("court", "sensitive", "TRIBUNALE DI %s - Sezione lavoro\nR.G. n. %d/2025\nRicorrente: %s (C.F. %s), "
        "rappresentato dall'avv. %s\nResistente: %s S.r.l.\nOggetto: licenziamento durante il periodo di comporto, "
        "il ricorrente è in cura per disturbo depressivo maggiore.\n\nRiassumi i motivi del ricorso."
        % (V.pick(["MILANO", "ROMA"]), V.r.randint(1000, 9999), P("it"), V.it_fiscal_code(), P("it"),
           V.pick(["Alfa", "Brixia", "Delta"])), "ricorso lavoro with health", "court_parties")
    add("court", "sensitive", "Rechtbank %s, sector kanton\nzaaknummer: %d / CV EXPL %s\nEiser: %s, wonende te %s\n"
        "Gedaagde: %s, geboren %s, BSN %s\nVordering: ontruiming wegens huurachterstand\n\nWat betekent 'verstek "
        "verlenen'?" % (V.pick(["Amsterdam", "Rotterdam"]), V.r.randint(10000000, 99999999), V.s(2, DIGITS),
                        "Stichting Woonstad", V.pick(["Rotterdam", "Schiedam"]), P("nl"), V.dob("nl"), V.nl_bsn()),
        "dagvaarding tenant bsn", "court_parties")
    add("court", "sensitive", "Sąd Rejonowy dla %s\nSygn. akt II K %d/25\nOskarżony: %s, s. Jana, ur. %s, PESEL %s\n"
        "zam. %s\noskarżony o czyn z art. 178a § 1 k.k. (1,2 promila)\n\nNapisz wniosek o dobrowolne poddanie się "
        "karze." % (V.pick(["Warszawy-Mokotowa", "Krakowa-Podgórza"]), V.r.randint(100, 999), P("pl"), V.dob("pl"),
                    V.pl_pesel(), V.addr("pl")), "akt oskarzenia drunk driving", "court_parties")
    add("court", "sensitive", "Tribunal Judicial da Comarca de %s\nProcesso n.º %d/25.%sT8LSB\nAutor: %s, NIF %s, "
        "residente em %s\nRéu: %s\nPedido: regulação das responsabilidades parentais; o menor sofre de autismo "
        "(PEA nível 2).\n\nResume a petição em linguagem simples." % (
            V.pick(["Lisboa", "Porto"]), V.r.randint(1000, 9999), V.s(1, DIGITS), P("pt"), V.pt_nif_personal(),
            V.addr("pt"), P("pt")), "regulacao parental autism", "court_parties")
    add("court", "sensitive", "訴状\n原告　%s\n住所　%s\n電話　%s\n被告　%s\n請求の趣旨　被告は原告に対し金%d万円を支払え\n"
        "請求の原因　交通事故による頸椎捻挫の治療費及び慰謝料\n\nこの訴状の誤字を直してください。" % (
            P("ja"), V.addr("ja"), V.phone("ja"), P("ja"), V.r.randint(50, 500)), "sojo traffic injury",
        "court_parties")
    add("court", "sensitive", "IN THE COUNTY COURT AT %s\nClaim No. K%s%d\nBetween %s (Claimant) of %s and %s "
        "(Defendant)\nThe Claimant's bank statements (account %s, sort code %02d-%02d-%02d) are exhibited as AB1.\n\n"
        "Draft a short witness statement template around this." % (
            V.pick(["BRISTOL", "LEEDS"]), V.s(2, DIGITS), V.r.randint(1000, 9999), P("en"), V.addr("en"), P("en"),
            V.s(8, DIGITS), V.r.randint(10, 99), V.r.randint(0, 99), V.r.randint(0, 99)), "county court bank",
        "court_parties")
    # look-alikes
    add("court", "vendor", "BGH, Urteil vom 12.07.2023 - VIII ZR 111/22: Der Kläger (K.) mietete von der Beklagten "
        "eine Wohnung in B. ... Die Revision der Beklagten hat keinen Erfolg.\n\nWas ist die Kernaussage zur "
        "Schönheitsreparaturklausel?", "anonymised bgh judgment", "anonymised_judgment")
    add("court", "vendor", "Cass. civ. 1re, 15 mars 2023, n° 21-20.345 : M. X... fait grief à l'arrêt de rejeter sa "
        "demande de prestation compensatoire ...\n\nQuelle est la portée de cet arrêt ?", "anonymised cass judgment",
        "anonymised_judgment")
    add("court", "vendor", "Corte di Cassazione, Sez. Lavoro, ord. n. 12345/2024: il ricorrente, dipendente di una "
        "società di logistica, lamentava ... La Corte rigetta il ricorso.\n\nQuali sono i precedenti citati?",
        "anonymised cassazione", "anonymised_judgment")
    add("court", "vendor", "ECLI:NL:HR:2024:1234 - De Hoge Raad oordeelt dat [eiseres] niet-ontvankelijk is in haar "
        "beroep tegen [verweerder] ...\n\nLeg in twee zinnen uit waarom.", "ecli anonymised", "anonymised_judgment")
    add("court", "vendor", "Sygn. akt III CZP 12/24 - uchwała składu siedmiu sędziów SN w sprawie frankowiczów.\n\n"
                           "Jakie ma znaczenie dla spraw w toku?", "case number only", "case_number")
    add("court", "vendor", "令和5年(ワ)第12345号 損害賠償請求事件\n判決要旨：原告の請求を棄却する。\n\n"
                           "この事件番号の「ワ」は何を意味しますか？", "jiken bango", "case_number")
    add("court", "vendor", "Juzgado de lo Social n.º 3 de Bilbao, autos 456/2024, NIG 48020 44 4 2024 0001234.\n\n"
                           "¿Qué significa cada bloque del NIG?", "nig number", "case_number")


def police():
    p = P("de")
    add("police", "sensitive", "Polizeipräsidium %s - Strafanzeige\nVorgangsnummer: %s\nAnzeigeerstatter/in: %s, "
        "geb. %s, wohnhaft %s, Tel. %s\nSachverhalt: Am %s wurde mir im Bus das Portemonnaie gestohlen "
        "(EC-Karte, Personalausweis Nr. %s).\n\nWie sperre ich jetzt am schnellsten alles?" % (
            V.pick(["München", "Frankfurt"]), "%d/%07d" % (V.r.randint(2024, 2026), V.r.randint(0, 9999999)), p,
            V.dob("de"), V.addr("de"), V.phone("de"), V.day("de"), V.de_doc_no()), "strafanzeige diebstahl",
        "police_report")
    add("police", "sensitive", "PROCÈS-VERBAL D'AUDITION DE TÉMOIN\nL'an 2025, le %s, devant nous OPJ ...\n"
        "Se présente : %s, né le %s, %s, tél. %s\nDéclare : « J'ai vu l'homme frapper la victime avec une bouteille "
        "devant le bar. »\n\nMets cette déposition au propre." % (V.day("fr"), P("fr"), V.dob("fr"), V.addr("fr"),
                                                                 V.phone("fr")), "pv audition temoin", "witness")
    add("police", "sensitive", "ATESTADO POLICIAL n.º %d/25 - Policía Local de %s\nImplicado: %s, DNI %s, permiso "
        "de conducir B\nTasa de alcoholemia: 0,72 mg/l en aire espirado\nVehículo: %s\n\n¿Qué pena me puede caer?"
        % (V.r.randint(100, 9999), V.pick(["Málaga", "Murcia"]), P("es"), V.es_dni(), V.plate("es")),
        "atestado alcoholemia", "police_report")
    add("police", "sensitive", "Verbale di sommarie informazioni testimoniali\nPersona informata sui fatti: %s, nata a "
        "Napoli il %s, residente in %s, cellulare %s\nRiferisce che il vicino di casa, %s, la minaccia da mesi.\n\n"
        "Traduci in inglese per l'avvocato." % (P("it"), V.dob("it"), V.addr("it"), V.phone("it", False), P("it")),
        "sommarie informazioni", "witness")
    add("police", "sensitive", "Proces-verbaal van aangifte\nAangever: %s, geboren %s, BSN %s\nAdres: %s\n"
        "Feit: huiselijk geweld door ex-partner %s; letsel: kneuzingen, gezien door huisarts.\n\nHelp me een "
        "verzoek voor een straatverbod op te stellen." % (P("nl"), V.dob("nl"), V.nl_bsn(), V.addr("nl"), P("nl")),
        "aangifte huiselijk geweld", "police_report")
    add("police", "sensitive", "Auto de notícia - PSP\nOfendido: %s, CC %s, tel. %s\nSuspeito: %s, %d anos, "
        "residente em %s\nOcorrência: furto em residência.\n\nPreciso de fazer queixa também à seguradora, ajudas?"
        % (P("pt"), V.s(8, DIGITS) + " " + V.s(1, DIGITS) + " ZZ" + V.s(1, DIGITS), V.phone("pt"), P("pt"),
           V.r.randint(19, 60), V.addr("pt")), "auto de noticia", "police_report")
    add("police", "sensitive", "Protokół przesłuchania świadka\nŚwiadek: %s, PESEL %s, zam. %s\nPouczony o "
        "odpowiedzialności karnej zeznaje: sprawca miał tatuaż na szyi ...\n\nPopraw interpunkcję."
        % (P("pl"), V.pl_pesel(), V.addr("pl")), "protokol przesluchania", "witness")
    add("police", "sensitive", "被害届\n届出人 住所 %s\n氏名 %s（%d歳） 電話 %s\n被害の年月日時 令和7年%d月%d日午後9時頃\n"
        "被害の模様 駐輪場で自転車（防犯登録番号 %s）を盗まれた。\n\nこれを英語に訳して保険会社に送りたいです。" % (
            V.addr("ja"), P("ja"), V.r.randint(18, 70), V.phone("ja"), V.r.randint(1, 12), V.r.randint(1, 28),
            V.s(8, DIGITS)), "higaitodoke", "police_report")
    add("police", "vendor", "Polizeiliche Kriminalstatistik 2024: 5,84 Mio. Straftaten (-1,7 %), Aufklärungsquote "
        "58,0 %. Wohnungseinbruchdiebstahl: 78.436 Fälle.\n\nMach daraus eine Tabelle.", "pks statistics",
        "aggregate")
    add("police", "vendor", "Modèle de dépôt de plainte :\nJe soussigné(e) [NOM Prénom], né(e) le [date] à [lieu], "
        "demeurant [adresse], porte plainte contre X pour [infraction] ...\n\nC'est bien formulé ?",
        "plainte template", "placeholder")
    add("police", "vendor", "Comunicado de la Guardia Civil: detenidos tres varones de 24, 31 y 45 años en Algeciras "
        "por tráfico de hachís; se intervinieron 2.300 kg.\n\nResume la noticia.", "press release anonymised",
        "public")


def traffic():
    add("traffic", "sensitive", "Anhörungsbogen - Verwarnungsgeld\nBetroffene/r: %s, %s\nKennzeichen: %s\n"
        "Tatvorwurf: Überschreitung der zulässigen Höchstgeschwindigkeit um 23 km/h, %s, A9\nAktenzeichen: %s\n\n"
        "Ich war nicht der Fahrer - wie fülle ich den Bogen aus, ohne meinen Bruder zu belasten?" % (
            P("de"), V.addr("de"), V.plate("de"), V.day("de"), "%d.%d.%d" % (V.r.randint(100, 999), V.r.randint(100000, 999999), V.r.randint(1, 9))),
        "anhorungsbogen", "traffic_fine")
    add("traffic", "sensitive", "AVIS DE CONTRAVENTION - ANTAI\nN° d'avis : %s\nTitulaire du certificat "
        "d'immatriculation : %s, %s\nVéhicule : %s\nMontant : 135 €\n\nJe veux désigner mon fils %s (permis n° %s), "
        "peux-tu m'aider ?" % (V.s(10, DIGITS), P("fr"), V.addr("fr"), V.plate("fr"), P("fr"), V.s(12, DIGITS)),
        "antai designation", "traffic_fine")
    add("traffic", "sensitive", "Comune di %s - Polizia Locale\nVerbale di accertamento n. %d/V/2025\nTrasgressore: "
        "%s, patente n. U1%s%s%s\nVeicolo targato %s\nSanzione: € 173,00, decurtazione 3 punti\n\nCome faccio "
        "ricorso al Giudice di Pace?" % (V.pick(["Firenze", "Verona"]), V.r.randint(1000, 99999), P("it"),
                                          V.s(1, UPPER), V.s(6, DIGITS), V.s(1, UPPER), V.plate("it")),
        "verbale multa", "traffic_fine")
    add("traffic", "sensitive", "Mandato de pagamento ANSR - contraordenação n.º %d\nArguido: %s, NIF %s, carta de "
        "condução %s\nMatrícula %s\nCoima: 120 €. IBAN para pagamento do arguido (reembolso): %s\n\nPosso pagar em "
        "prestações?" % (V.r.randint(10 ** 8, 10 ** 9), P("pt"), V.pt_nif_personal(), "L-" + V.s(7, DIGITS),
                         V.plate("pt"), V.iban_for("pt")), "ansr coima", "traffic_fine")
    add("traffic", "sensitive", "Kentekenbewijs deel 1B\nTenaamstelling: %s\nAdres: %s\nKenteken: %s\n"
        "Rijbewijsnummer: %s\n\nMijn vader is overleden, hoe zet ik de auto op mijn naam?" % (
            P("nl"), V.addr("nl"), V.plate("nl"), V.pick("45") + V.s(9, DIGITS)), "kentekenbewijs", "vehicle")
    add("traffic", "sensitive", "Mandat karny nr %s\nUkarany: %s, PESEL %s, nr prawa jazdy %s/%s/%s\nWykroczenie: "
        "przekroczenie prędkości o 31 km/h, pojazd %s\nGrzywna: 800 zł, 10 pkt karnych\n\nCzy mogę odmówić "
        "przyjęcia mandatu?" % (V.s(2, UPPER) + V.s(7, DIGITS), P("pl"), V.pl_pesel(), V.s(5, DIGITS),
                                V.s(2, DIGITS), V.s(4, DIGITS), V.plate("pl")), "mandat karny", "traffic_fine")
    add("traffic", "sensitive", "交通反則告知書（青切符）\n氏名 %s\n運転免許証番号 第%s号\n車両番号 %s\n違反 速度超過 25km/h\n"
        "反則金 18,000円\n\n支払期限を過ぎたらどうなりますか？" % (P("ja"), V.s(12, DIGITS), V.plate("ja")),
        "aokippu", "traffic_fine")
    add("traffic", "vendor", "Bußgeldkatalog 2025: Geschwindigkeitsüberschreitung innerorts 21-25 km/h: 115 EUR, 1 "
        "Punkt. Außerorts 21-25 km/h: 100 EUR, 1 Punkt.\n\nAb wann droht ein Fahrverbot?", "bussgeldkatalog",
        "public")
    add("traffic", "vendor", "DGT - cómo consultar los puntos del carné: accede a la sede electrónica con Cl@ve o "
        "certificado digital, apartado 'Mis puntos'.\n\n¿Se puede hacer sin Cl@ve?", "dgt howto", "question")
    add("traffic", "vendor", "Kenteken %s - RDW open data: merk Volkswagen, handelsbenaming Golf, datum eerste "
        "toelating 2019, APK vervaldatum 2026.\n\nIs dit een betrouwbaar occasion-model?" % V.plate("nl"),
        "rdw open data plate", "public")


def notary():
    p, q = P("de"), P("de")
    add("notary", "sensitive", "UR-Nr. %d/2025\nKaufvertrag über Wohnungseigentum\nVerkäufer: %s, geb. %s, "
        "ausgewiesen durch Personalausweis\nKäufer: %s, Steuer-ID %s\nKaufpreis: %s EUR, zahlbar auf das "
        "Notaranderkonto ... sowie Restbetrag auf das Konto des Verkäufers %s\n\nErklär mir die Auflassungsvormerkung."
        % (V.r.randint(100, 3000), p, V.dob("de"), q, V.de_tax_id(), "%d.000" % V.r.randint(180, 900),
           V.iban_for("de", grouped=True)), "kaufvertrag wohnung", "notarial_deed")
    add("notary", "sensitive", "ACTE DE NOTORIÉTÉ - Succession de %s, décédé le %s\nHéritiers : %s (fille), %s "
        "(fils), né le %s\nActif : compte courant n° %s (%s €), appartement %s\n\nExplique-moi le partage en "
        "termes simples." % (P("fr"), V.day("fr"), P("fr"), P("fr"), V.dob("fr"), V.iban_for("fr"),
                             V.amount(1000, 90000), V.addr("fr")), "acte de notoriete succession",
        "notarial_deed")
    add("notary", "sensitive", "ESCRITURA DE PODER GENERAL\nAnte mí, notario de %s, comparece %s, mayor de edad, "
        "con DNI %s y domicilio en %s, y otorga poder a favor de %s, con NIE %s, para vender la finca registral "
        "n.º %d.\n\n¿Este poder sirve también para firmar la hipoteca?" % (
            V.pick(["Madrid", "Sevilla"]), P("es"), V.es_dni(), V.addr("es"), P("es"), V.es_dni(nie=True),
            V.r.randint(1000, 99999)), "poder notarial", "notarial_deed")
    add("notary", "sensitive", "Atto di compravendita - Repertorio n. %d, Raccolta n. %d\nParte venditrice: %s, "
        "C.F. %s\nParte acquirente: %s, C.F. %s\nPrezzo: € %s, pagato mediante bonifico dal conto IBAN %s\n\n"
        "Quali imposte pago come prima casa?" % (V.r.randint(10000, 99999), V.r.randint(1000, 9999), P("it"),
                                                 V.it_fiscal_code(), P("it"), V.it_fiscal_code(),
                                                 "%d.000,00" % V.r.randint(90, 600), V.iban_for("it")),
        "rogito compravendita", "notarial_deed")
    add("notary", "sensitive", "Uittreksel Kadaster - eigendomsinformatie\nPerceel: Amsterdam K 4521\nEigenaar: %s, "
        "geboren %s\nHypotheek: ING Bank N.V., inschrijving Hyp4 %d/%d, bedrag € %s\n\nWat betekent deze "
        "inschrijving?" % (P("nl"), V.dob("nl"), V.r.randint(10000, 90000), V.r.randint(1, 200),
                           "%d.000" % V.r.randint(150, 700)), "kadaster owner mortgage", "land_registry")
    add("notary", "sensitive", "Księga wieczysta nr WA1M/%08d/%d\nDział II - własność: %s, PESEL %s, oraz %s\n"
        "Dział IV - hipoteka umowna 420 000 zł na rzecz banku\n\nCzy mogę sprzedać swój udział bez zgody byłego "
        "męża?" % (V.r.randint(0, 99999999), V.r.randint(0, 9), P("pl"), V.pl_pesel(), P("pl")),
        "ksiega wieczysta owners", "land_registry")
    add("notary", "sensitive", "Certidão permanente predial - ficha %d/2019\nAquisição a favor de %s, NIF %s, casado "
        "com %s no regime de comunhão de adquiridos\nPenhora: Autoridade Tributária, processo executivo n.º %d\n\n"
        "O que é esta penhora?" % (V.r.randint(100, 9999), P("pt"), V.pt_nif_personal(), P("pt"),
                                   V.r.randint(10 ** 9, 10 ** 10)), "certidao predial penhora", "land_registry")
    add("notary", "vendor", "Grundbuch von Musterstadt, Blatt 0000 (Muster)\nAbteilung I: Eigentümer Max "
        "Mustermann\nAbteilung III: Grundschuld 100.000 EUR\n\nWas steht normalerweise in Abteilung II?",
        "grundbuch specimen", "specimen")
    add("notary", "vendor", "Modelo de escritura de compraventa:\nCOMPARECEN: De una parte, D./D.ª [NOMBRE], "
        "con DNI [NÚMERO] ... PRECIO: [IMPORTE] euros, que se abonan mediante transferencia a la cuenta "
        "ES00 0000 0000 0000 0000 0000.\n\n¿Falta alguna cláusula importante?", "escritura template", "placeholder")
    add("notary", "vendor", "Art. 1350 c.c.: devono farsi per atto pubblico o per scrittura privata, sotto pena di "
        "nullità, i contratti che trasferiscono la proprietà di beni immobili ...\n\nUn preliminare via e-mail è "
        "valido?", "codice civile", "statute")
    add("notary", "vendor", "不動産登記事項証明書の見方：甲区には所有権に関する事項、乙区には抵当権など所有権以外の"
                            "権利が記録されます。\n\n乙区が空欄なら抵当権はないという理解で合っていますか？",
        "touki general", "question")


def tax():
    add("tax", "sensitive", "Finanzamt %s\nSteuernummer: %d/%03d/%05d\nSteuer-ID: %s\nBescheid für 2024 über "
        "Einkommensteuer\nFestgesetzt: %s EUR, Nachzahlung bis %s\nHerrn %s, %s\n\nHilf mir einen Einspruch "
        "wegen der nicht berücksichtigten Krankheitskosten (Psychotherapie) zu schreiben." % (
            V.pick(["Köln-Süd", "München III", "Hamburg-Nord"]), V.r.randint(10, 99), V.r.randint(0, 999),
            V.r.randint(0, 99999), V.de_tax_id(), V.amount(500, 8000), V.day("de"), P("de"), V.addr("de")),
        "steuerbescheid einspruch", "tax")
    add("tax", "sensitive", "Objet : réclamation - avis d'impôt 2025\nNuméro fiscal : %s\nRéférence de l'avis : %s\n"
        "Contribuable : %s, %s\nJe conteste la majoration de 10 %% car j'étais hospitalisé du %s au %s.\n\n"
        "Améliore ce courrier." % (V.pick("0123") + V.s(12, DIGITS), V.s(2, DIGITS) + " " + V.s(2, DIGITS) + " "
                                  + V.s(7, DIGITS) + " " + V.s(2, DIGITS), P("fr"), V.addr("fr"), V.day("fr"),
                                  V.day("fr")), "reclamation impot", "tax")
    add("tax", "sensitive", "Agencia Tributaria - Requerimiento\nNIF: %s  Titular: %s\nEjercicio: 2024, modelo 100\n"
        "Se detectan rendimientos del trabajo no declarados de %s € (pagador: %s)\n\n¿Cómo respondo por la sede "
        "electrónica?" % (V.es_dni(), P("es"), V.amount(1000, 20000), P("es")), "requerimiento aeat", "tax")
    add("tax", "sensitive", "Agenzia delle Entrate - Avviso bonario n. %s\nContribuente: %s, codice fiscale %s\n"
        "Mod. 730/2025, importo dovuto € %s, rimborso su IBAN %s\n\nPosso rateizzare?" % (
            V.s(10, DIGITS), P("it"), V.it_fiscal_code(), V.amount(200, 5000), V.iban_for("it")),
        "avviso bonario", "tax")
    add("tax", "sensitive", "Belastingdienst - Voorlopige aanslag inkomstenbelasting 2025\nBSN/fiscaal nummer: %s\n"
        "Naam: %s\nTe betalen: € %s in 11 termijnen. Rekeningnummer voor teruggaaf: %s\n\nKan ik bezwaar maken "
        "tegen de box 3-berekening?" % (V.nl_bsn(), P("nl"), V.amount(300, 9000), V.iban_for("nl", grouped=True)),
        "voorlopige aanslag", "tax")
    add("tax", "sensitive", "Portal das Finanças - Nota de liquidação IRS 2024\nSujeito passivo A: %s, NIF %s\n"
        "Sujeito passivo B: %s, NIF %s\nReembolso: %s € para o IBAN %s\n\nPorque é que o reembolso é menor que "
        "no ano passado?" % (P("pt"), V.pt_nif_personal(), P("pt"), V.pt_nif_personal(), V.amount(100, 3000),
                             V.iban_for("pt")), "nota de liquidacao irs", "tax")
    add("tax", "sensitive", "PIT-37 za 2024\nPodatnik: %s, PESEL %s\nAdres: %s\nPrzychód: %s zł, zaliczki: %s zł\n"
        "Ulga na dzieci: 2, ulga rehabilitacyjna (syn - orzeczenie o niepełnosprawności)\n\nSprawdź, czy dobrze "
        "policzyłem zwrot." % (P("pl"), V.pl_pesel(), V.addr("pl"), V.amount(40000, 150000), V.amount(3000, 12000)),
        "pit-37", "tax")
    add("tax", "sensitive", "令和6年分 確定申告書B\n氏名 %s\n個人番号 %s\n住所 %s\n医療費控除 %s円（妻の不妊治療）\n"
        "還付金の振込先 %s銀行 %s支店 普通 %s\n\n医療費控除の計算が合っているか見てください。" % (
            P("ja"), V.jp_my_number(), V.addr("ja"), "{:,}".format(V.r.randint(100000, 900000)),
            V.pick(["みずほ", "三井住友", "ゆうちょ"]), V.pick(["新宿", "渋谷", "梅田"]), V.s(7, DIGITS)),
        "kakutei shinkoku", "tax")
    add("tax", "vendor", "§ 32a EStG - Einkommensteuertarif 2025: Grundfreibetrag 12.096 EUR; Eingangssteuersatz 14 %; "
        "Spitzensteuersatz 42 % ab 68.481 EUR.\n\nWie hoch ist mein Grenzsteuersatz bei 55.000 EUR?",
        "estg tariff", "statute")
    add("tax", "vendor", "Numéro fiscal (SPI) : 13 chiffres, commence par 0, 1, 2 ou 3. Il figure en haut à gauche "
        "de la première page de votre déclaration, sous la mention « N° fiscal ».\n\nEt le numéro d'accès en ligne ?",
        "format description", "form_instructions")
    add("tax", "vendor", "Impresa: %s S.p.A. - partita IVA %s, REA MI-%d, capitale sociale € 1.200.000 i.v.\n\n"
        "Puoi scrivere la dicitura corretta per la fattura elettronica?" % (V.pick(["Lombarda Impianti", "Adriatica Trasporti"]),
                                                                            V.it_vat(), V.r.randint(100000, 999999)),
        "company vat", "company_number")
    add("tax", "vendor", "Dados da empresa: %s, Lda. - NIPC %s, CAE 62010, sede no Porto.\n\nComo registo esta "
        "empresa no e-fatura como fornecedor?" % (V.pick(["Atlântico Software", "Douro Consultores"]), V.pt_nipc()),
        "company nipc", "company_number")


def benefits():
    p = P("de")
    add("benefit", "sensitive", "Jobcenter %s - Bescheid über Bürgergeld\nBG-Nummer: %s\nKundennummer: %s\n"
        "Mitglieder der Bedarfsgemeinschaft: %s (geb. %s), Kinder Lena (7), Jonas (4)\nMonatlicher Anspruch: %s EUR, "
        "Überweisung auf %s\n\nWarum wurden die Heizkosten gekürzt?" % (
            V.pick(["Berlin Neukölln", "Dortmund", "Essen"]), "%05dBG%07d" % (V.r.randint(10000, 99999), V.r.randint(0, 9999999)),
            "%03dD%06d" % (V.r.randint(100, 999), V.r.randint(0, 999999)), p, V.dob("de"), V.amount(900, 2200),
            V.iban_for("de")), "buergergeld bescheid", "benefit")
    add("benefit", "sensitive", "CAF - Attestation de paiement\nAllocataire : %s\nN° allocataire : %s\n"
        "NIR : %s\nRSA socle + prime d'activité : %s €\nAAH (taux d'incapacité 80 %%)\n\nJ'ai besoin de cette "
        "attestation en anglais pour mon bailleur." % (P("fr"), V.s(7, DIGITS), V.fr_nir(), V.amount(400, 1400)),
        "caf attestation aah", "benefit")
    add("benefit", "sensitive", "INPS - Domanda di Assegno di inclusione\nRichiedente: %s\nCodice fiscale: %s\n"
        "ISEE: € %s\nComponente disabile: sì (figlio, invalidità 100%%)\nIBAN per l'accredito: %s\nTel: %s\n\n"
        "Perché la domanda è in stato 'respinta'?" % (P("it"), V.it_fiscal_code(), V.amount(2000, 9000),
                                                      V.iban_for("it"), V.phone("it")), "inps adi", "benefit")
    add("benefit", "sensitive", "UWV - Beslissing WW-uitkering\nNaam: %s\nBSN: %s\nUitkering: € %s bruto per maand "
        "vanaf %s, duur 14 maanden\nBetaling op rekening %s\n\nMoet ik sollicitaties bijhouden?" % (
            P("nl"), V.nl_bsn(), V.amount(1200, 3500), V.day("nl"), V.iban_for("nl")), "uwv ww", "benefit")
    add("benefit", "sensitive", "Segurança Social Direta - Subsídio de desemprego\nBeneficiário: %s\nNISS: %s\n"
        "Valor diário: %s €\nIBAN: %s\nMotivo da cessação: despedimento coletivo\n\nQuando recebo o primeiro "
        "pagamento?" % (P("pt"), V.pt_niss(), V.amount(20, 60), V.iban_for("pt")), "seguranca social desemprego",
        "benefit")
    add("benefit", "sensitive", "ZUS - decyzja w sprawie zasiłku chorobowego\nUbezpieczona: %s, PESEL %s\nOkres "
        "niezdolności do pracy: %s - %s (ciąża zagrożona, O20.0)\nKwota: %s zł, konto %s\n\nCzy mogę się "
        "odwołać od obniżenia do 80%%?" % (P("pl"), V.pl_pesel(), V.day("pl"), V.day("pl"), V.amount(1000, 6000),
                                          V.iban_for("pl")), "zus zasilek chorobowy", "benefit")
    add("benefit", "sensitive", "生活保護決定通知書\n世帯主 %s 様\n住所 %s\nケース番号 %s\n保護の種類 生活扶助・住宅扶助・医療扶助\n"
        "支給額 月額%s円\n\n就労したら保護費がどうなるか教えてください。" % (
            P("ja"), V.addr("ja"), V.s(6, DIGITS), "{:,}".format(V.r.randint(80000, 180000))),
        "seikatsu hogo", "benefit")
    add("benefit", "sensitive", "Solicitud del Ingreso Mínimo Vital\nSolicitante: %s, DNI %s, NUSS %s\nUnidad de "
        "convivencia: 3 miembros, uno con discapacidad del 65 %%\nCuenta: %s\n\n¿Cuánto tardan en resolver?" % (
            P("es"), V.es_dni(), V.es_nuss(), V.iban_for("es")), "ingreso minimo vital", "benefit")
    add("benefit", "sensitive", "Universal Credit journal\nName: %s\nNational Insurance number: %s\nMessage from my "
        "work coach: 'Your sanction for missing the appointment on %s will apply from the next assessment period.'"
        "\n\nHelp me write a reply explaining I was in hospital that day." % (P("en"), V.uk_nino(), V.day("en")),
        "universal credit sanction", "benefit")
    add("benefit", "vendor", "Regelbedarfsstufen Bürgergeld 2025: Stufe 1 (Alleinstehende) 563 EUR, Stufe 2 "
        "(Partner) 506 EUR, Kinder 6-13 Jahre 390 EUR.\n\nWie viel bekommt eine Familie mit zwei Kindern?",
        "regelbedarf", "public")
    add("benefit", "vendor", "CAF : le numéro allocataire est composé de 7 chiffres et figure sur tous vos courriers. "
        "Ne le communiquez jamais par téléphone à un inconnu.\n\nComment le retrouver si j'ai perdu mes courriers ?",
        "format hint", "form_instructions")
    add("benefit", "vendor", "INPS, Osservatorio sul Reddito di cittadinanza: a dicembre 2023 i nuclei percettori "
        "erano 1.042.103, importo medio € 549,77.\n\nFammi un grafico per regione.", "inps statistics", "aggregate")
    add("benefit", "vendor", "ZUS: wniosek o zasiłek chorobowy składa się na formularzu Z-3 (pracownik) lub Z-3a "
        "(przedsiębiorca). Pola: imię, nazwisko, PESEL, okres niezdolności...\n\nKtóry formularz dla umowy "
        "zlecenia?", "form question", "form_instructions")


def pensions():
    add("pension", "sensitive", "Deutsche Rentenversicherung - Renteninformation\nVersicherungsnummer: %s\n%s, %s\n"
        "Ihre bisher erreichte Rentenanwartschaft: %s EUR monatlich\nKindererziehungszeiten: 2 Kinder\n\nWas "
        "bedeutet die Lücke 2011-2013 im Versicherungsverlauf?" % (V.de_rvnr(), P("de"), V.addr("de"),
                                                                   V.amount(600, 2400)), "renteninformation",
        "pension")
    add("pension", "sensitive", "Relevé de carrière - Assurance retraite\nAssuré(e) : %s\nN° de sécurité sociale : "
        "%s\nTrimestres validés : 148, dont 12 au titre de l'invalidité (catégorie 2)\n\nÀ quel âge puis-je partir "
        "à taux plein ?" % (P("fr"), V.fr_nir(spaced=True)), "releve de carriere", "pension")
    add("pension", "sensitive", "ねんきん定期便\n基礎年金番号 %04d-%06d\n氏名 %s 様\n加入期間 合計 %d月\n老齢基礎年金 年額%s円\n\n"
        "未納期間があるか確認したいです。" % (V.r.randint(1000, 9999), V.r.randint(0, 999999), P("ja"),
                                      V.r.randint(200, 480), "{:,}".format(V.r.randint(400000, 800000))),
        "nenkin teikibin", "pension")
    add("pension", "sensitive", "Estratto conto contributivo INPS\nAssicurato: %s - %s\nSettimane utili: %d\n"
        "Periodi di malattia indennizzata: 2019 (87 gg)\n\nPosso andare in pensione con Quota 103?" % (
            P("it"), V.it_fiscal_code(), V.r.randint(1500, 2100)), "estratto contributivo", "pension")
    add("pension", "sensitive", "Mijnpensioenoverzicht.nl - export\nNaam: %s\nGeboortedatum: %s\nBSN: %s\n"
        "AOW vanaf 67 jaar en 3 maanden: € %s bruto/mnd\nPensioen ABP: € %s\n\nKlopt het dat mijn partner minder "
        "AOW krijgt?" % (P("nl"), V.dob("nl"), V.nl_bsn(), V.amount(1300, 1600), V.amount(200, 1500)),
        "pensioenoverzicht", "pension")
    add("pension", "vendor", "Rentenwert ab 1. Juli 2025: 40,79 EUR je Entgeltpunkt. Regelaltersgrenze für Jahrgang "
        "1964: 67 Jahre.\n\nWie viele Entgeltpunkte bekommt man bei Durchschnittsverdienst?", "rentenwert",
        "public")
    add("pension", "vendor", "Simulatore pensione INPS: inserire età, anni di contributi e retribuzione media. "
        "Esempio: 62 anni, 41 di contributi -> Quota 103.\n\nIl simulatore considera il riscatto della laurea?",
        "simulator question", "question")


def youth():
    add("youth", "sensitive", "Jugendamt %s - Aktenvermerk Hausbesuch\nFamilie %s, %s\nKind: %s, geb. %s\n"
        "Beobachtung: Kind wirkte verängstigt, Hämatome am Oberarm; Mutter berichtet von Alkoholkonsum des "
        "Partners.\nNächster Schritt: Gefährdungseinschätzung nach § 8a SGB VIII\n\nFormuliere den Vermerk "
        "sachlicher." % (V.pick(["Mitte", "Nürnberg", "Bochum"]), V.pick(["Krüger", "Wagner", "Vogel"]),
                         V.addr("de"), P("de"), V.dob("de")), "jugendamt 8a", "child_protection")
    add("youth", "sensitive", "Information préoccupante - ASE %s\nMineur : %s, né le %s, scolarisé au collège "
        "Jean-Moulin\nParents : %s et %s, %s\nFaits : absentéisme, propos suicidaires rapportés par l'infirmière "
        "scolaire.\n\nAide-moi à rédiger la transmission au CRIP." % (
            V.pick(["Seine-Saint-Denis", "Nord"]), P("fr"), V.dob("fr"), P("fr"), P("fr"), V.addr("fr")),
        "information preoccupante", "child_protection")
    add("youth", "sensitive", "Servizi Sociali del Comune di %s - relazione per il Tribunale per i Minorenni\n"
        "Minore: %s (C.F. %s)\nMadre: %s, in carico al SerD per dipendenza da oppiacei\n\nRendi più chiara la "
        "parte sulle visite protette." % (V.pick(["Palermo", "Torino"]), P("it"), V.it_fiscal_code(), P("it")),
        "relazione minori serd", "child_protection")
    add("youth", "sensitive", "Veilig Thuis - melding\nKind: %s, geboren %s, BSN %s\nSchool: basisschool De "
        "Regenboog, groep 6\nZorg: kind komt regelmatig zonder ontbijt, vertelt dat vader hem slaat.\n\nWelke "
        "stappen zet Veilig Thuis nu?" % (P("nl"), V.dob("nl"), V.nl_bsn()), "veilig thuis melding",
        "child_protection")
    add("youth", "sensitive", "CPCJ de %s - processo de promoção e proteção\nCriança: %s, %d anos\nEncarregada de "
        "educação: %s, tel. %s\nMedida: apoio junto dos pais; a mãe tem diagnóstico de esquizofrenia.\n\nResume "
        "para a reunião da comissão." % (V.pick(["Amadora", "Sintra"]), P("pt"), V.r.randint(3, 15), P("pt"),
                                         V.phone("pt")), "cpcj processo", "child_protection")
    add("youth", "sensitive", "児童相談所 ケース記録\n児童氏名 %s（%d歳）\n保護者 %s（母） 電話 %s\n主訴 ネグレクト疑い、"
        "体重減少。一時保護を検討。\n\n記録を簡潔にまとめてください。" % (P("ja"), V.r.randint(2, 14), P("ja"),
                                                   V.phone("ja")), "jidou soudanjo", "child_protection")
    add("youth", "vendor", "§ 8a SGB VIII - Schutzauftrag bei Kindeswohlgefährdung: Werden dem Jugendamt gewichtige "
        "Anhaltspunkte für die Gefährdung des Wohls eines Kindes bekannt ...\n\nWas sind 'gewichtige "
        "Anhaltspunkte' in der Praxis?", "sgb viii statute", "statute")
    add("youth", "vendor", "Fallvignette für die Fortbildung: Die 9-jährige 'Mia' (Name geändert) kommt häufig ohne "
        "Frühstück in die Schule ...\n\nWelche Fragen sollten die Teilnehmenden diskutieren?",
        "training vignette fictional", "fictional")


def school():
    add("school", "sensitive", "Förderplan Schuljahr 2025/26\nSchüler: %s, Klasse 4b, geb. %s\nDiagnose: ADHS "
        "(F90.0), Lese-Rechtschreib-Störung laut Gutachten des SPZ\nNachteilsausgleich: 25 %% Zeitverlängerung\n"
        "Eltern: %s, Tel. %s\n\nFormuliere Förderziele für Deutsch." % (P("de"), V.dob("de"), P("de"),
                                                                         V.phone("de")), "foerderplan adhs",
        "school_health")
    add("school", "sensitive", "PAP - Plan d'accompagnement personnalisé\nÉlève : %s, 5e B\nTroubles : dyspraxie, "
        "dyscalculie (bilan orthophonique du %s)\nResponsable légal : %s, %s\n\nPeux-tu reformuler les "
        "aménagements pour les enseignants ?" % (P("fr"), V.day("fr"), P("fr"), V.mail(P("fr"))), "pap dys",
        "school_health")
    add("school", "sensitive", "PDP - Piano didattico personalizzato\nAlunno: %s, classe 2ª B\nDiagnosi: DSA - "
        "dislessia e disortografia (ASL, codice F81.0)\nGenitore: %s, cell. %s\n\nSuggerisci misure "
        "dispensative per inglese." % (P("it"), P("it"), V.phone("it", False)), "pdp dsa", "school_health")
    add("school", "sensitive", "Informe psicopedagógico - EOEP\nAlumno: %s, 3.º de Primaria\nFecha de nacimiento: %s\n"
        "Dictamen: necesidades educativas especiales por TEA; requiere apoyo de PT y AL\nMadre: %s, DNI %s\n\n"
        "Resúmelo para el tutor." % (P("es"), V.dob("es"), P("es"), V.es_dni()), "informe psicopedagogico tea",
        "school_health")
    add("school", "sensitive", "Ontwikkelingsperspectiefplan (OPP)\nLeerling: %s, groep 7\nDiagnose: autisme en "
        "angststoornis (rapport GGZ)\nOuders: %s, %s\n\nSchrijf de uitstroombestemming begrijpelijker op voor de "
        "ouders." % (P("nl"), P("nl"), V.mail(P("nl"))), "opp autisme", "school_health")
    add("school", "sensitive", "Zeugnis - Klasse 9\n%s, geb. %s\nVersetzung gefährdet. Fehltage: 38 (davon 30 "
        "unentschuldigt)\nBemerkung: Nach dem Tod des Vaters im Frühjahr zeigte %s deutliche Leistungseinbrüche.\n"
        "\nKannst du die Bemerkung einfühlsamer formulieren?" % (P("de"), V.dob("de"), "er"),
        "zeugnis bemerkung", "school_record")
    add("school", "sensitive", "Orzeczenie o potrzebie kształcenia specjalnego nr %d/2025\nPoradnia "
        "Psychologiczno-Pedagogiczna nr 4\nUczeń: %s, PESEL %s\nNiepełnosprawność: słabowidzenie\n\nJak "
        "przygotować IPET na podstawie tego orzeczenia?" % (V.r.randint(100, 999), P("pl"), V.pl_pesel()),
        "orzeczenie ppp", "school_health")
    add("school", "sensitive", "個別の教育支援計画\n児童氏名 %s（小学3年）\n障害の状況 自閉スペクトラム症、聴覚過敏\n"
        "保護者 %s　連絡先 %s\n\n合理的配慮の欄を具体的に書いてください。" % (P("ja"), P("ja"), V.phone("ja")),
        "kyoiku shien keikaku", "school_health")
    add("school", "sensitive", "Pupil referral - Education, Health and Care needs assessment\nChild: %s, Year 5, DOB %s\n"
        "Needs: cerebral palsy, uses a wheelchair; emotional dysregulation\nParent: %s, %s\n\nDraft section B "
        "(special educational needs) from these notes." % (P("en"), V.dob("en"), P("en"), V.phone("en")),
        "ehcp request", "school_health")
    add("school", "vendor", "KMK-Empfehlung: Nachteilsausgleich bei Lese-Rechtschreib-Schwierigkeiten kann u. a. "
        "Zeitverlängerung, größere Schrift und Vorlesen der Aufgaben umfassen.\n\nGilt das auch für das Abitur?",
        "kmk recommendation", "public")
    add("school", "vendor", "Modèle de PAP (Éduscol) :\nÉlève : ..............  Classe : ......\nAménagements : [ ] "
        "photocopies agrandies [ ] temps majoré ...\n\nComment remplir la partie « bilan » ?", "blank pap",
        "blank_form")
    add("school", "vendor", "Rapporto INVALSI 2025: il 39 % degli studenti di terza media non raggiunge il livello "
        "base in matematica; divario Nord-Sud di 18 punti.\n\nSpiega i dati in modo semplice.", "invalsi",
        "aggregate")
    add("school", "vendor", "Ik ben leerkracht groep 5. Hoe schrijf ik een handelingsplan voor een leerling met "
        "dyslexie? Geef een opzet met kopjes.", "general question (nl)", "question")


def university():
    p = P("de")
    add("university", "sensitive", "Notenspiegel / Transcript of Records\nName: %s\nMatrikelnummer: %s\nGeburtsdatum: "
        "%s\nStudiengang: B.Sc. Informatik\nAnalysis I: 3,7  Lineare Algebra: 5,0 (nicht bestanden, 3. Versuch)\n"
        "Härtefallantrag wegen Depression genehmigt\n\nÜbersetze das ins Englische." % (
            p, V.s(7, DIGITS), V.dob("de")), "transcript with hardship", "student_record")
    add("university", "sensitive", "Parcoursup - dossier candidat n° %s\nCandidat : %s, né le %s\nINE : %s\n"
        "Adresse : %s\nBoursier échelon 6\n\nAide-moi pour la lettre de motivation en licence de droit." % (
            V.s(7, DIGITS), P("fr"), V.dob("fr"), V.s(10, DIGITS) + V.s(1, UPPER), V.addr("fr")),
        "parcoursup dossier", "student_record")
    add("university", "sensitive", "Certificado académico personal\nEstudiante: %s  DNI: %s\nExpediente: %s\n"
        "Grado en Enfermería - nota media 7,42\nMatrícula de honor: Farmacología\nBeca MEC, cuenta %s\n\n"
        "¿Cómo calculo la nota media sobre 4?" % (P("es"), V.es_dni(), V.s(6, DIGITS), V.iban_for("es")),
        "certificado academico", "student_record")
    add("university", "sensitive", "Libretto universitario - carriera\nStudente: %s, matricola %s, C.F. %s\n"
        "Esami sostenuti: 14/20, media 26,8\nTasse: esonero per ISEE inferiore a € 22.000\n\nScrivimi una mail "
        "alla segreteria per il piano di studi." % (P("it"), V.s(6, DIGITS), V.it_fiscal_code()),
        "libretto universitario", "student_record")
    add("university", "sensitive", "Studielink / DUO - Studiefinanciering\nNaam: %s\nBSN: %s\nStudentnummer: %s\n"
        "Lening: € %s per maand, rekening %s\n\nMoet ik de lening terugbetalen als ik stop?" % (
            P("nl"), V.nl_bsn(), V.s(7, DIGITS), V.amount(200, 1100), V.iban_for("nl")), "duo studiefinanciering",
        "student_record")
    add("university", "sensitive", "Rekrutacja - karta kandydata\nKandydat: %s\nPESEL: %s\nWynik matury: matematika "
        "rozszerzona 86%%, język angielski 92%%\nE-mail: %s, tel. %s\n\nNapisz odwołanie od decyzji o "
        "nieprzyjęciu." % (P("pl"), V.pl_pesel(), V.mail(P("pl")), V.phone("pl")), "karta kandydata",
        "student_record")
    add("university", "vendor", "Transcript of Records (Muster)\nName: Max Mustermann\nMatrikelnummer: 0000000\n"
        "Modul | ECTS | Note\nAnalysis I | 9 | 1,0\n\nWie rechne ich deutsche Noten in das amerikanische GPA um?",
        "transcript template", "specimen")
    add("university", "vendor", "Notas de corte 2025 - Universidad Complutense: Medicina 13,542; Enfermería 12,180; "
        "Derecho 10,914.\n\nOrdénalas de mayor a menor y compáralas con 2024.", "notas de corte", "aggregate")
    add("university", "vendor", "大学の成績証明書を英訳するとき、「優」「良」「可」はどう訳すのが一般的ですか？",
        "general question (ja)", "question")


def egov():
    add("egov", "sensitive", "ELSTER - Nachricht vom Finanzamt\nBetreff: Rückfrage zur Einkommensteuererklärung 2024\n"
        "Sehr geehrte Frau %s,\nbitte reichen Sie die Nachweise zu den außergewöhnlichen Belastungen (Pflegegrad 3 "
        "Ihrer Mutter) ein. Steuernummer %d/%03d/%05d, IdNr %s.\n\nWas genau soll ich einreichen?" % (
            P("de").split()[1], V.r.randint(10, 99), V.r.randint(0, 999), V.r.randint(0, 99999), V.de_tax_id()),
        "elster message", "egov")
    add("egov", "sensitive", "FranceConnect - données transmises au service\ngiven_name: %s\nfamily_name: %s\n"
        "birthdate: %s\nbirthplace: 75056\nemail: %s\npreferred_username: \nsub: %s\n\nPourquoi le service "
        "reçoit mon lieu de naissance ?" % (P("fr").split()[0], P("fr").split()[1], V.day("fr", 1960, 2000),
                                           V.mail(P("fr")), V.s(64, "0123456789abcdef") + "v1"),
        "franceconnect claims", "egov")
    add("egov", "sensitive", "PEC ricevuta da protocollo@pec.comune.%s.it\nOggetto: Notifica verbale - sig.ra %s, "
        "C.F. %s\nIn allegato il verbale n. %d relativo alla violazione dell'art. 7 C.d.S.\n\nCome rispondo con "
        "la mia PEC?" % (V.pick(["milano", "roma", "torino"]), P("it"), V.it_fiscal_code(), V.r.randint(1000, 99999)),
        "pec notifica", "egov")
    add("egov", "sensitive", "MijnOverheid - Berichtenbox\nVan: CAK\nAan: %s (BSN %s)\nOnderwerp: Eigen bijdrage Wmo "
        "- u ontvangt huishoudelijke hulp vanwege uw COPD\nBedrag: € 21,80 per periode, automatische incasso van "
        "%s\n\nKan ik de eigen bijdrage laten verlagen?" % (P("nl"), V.nl_bsn(), V.iban_for("nl")),
        "mijnoverheid wmo", "egov")
    add("egov", "sensitive", "ePUAP - Urzędowe Poświadczenie Odbioru\nNadawca: Urząd Miasta %s\nAdresat: %s, "
        "PESEL %s\nDokument: decyzja o przyznaniu dodatku mieszkaniowego, kwota %s zł\n\nCo oznacza 'UPO'?" % (
            V.pick(["Poznania", "Lublina"]), P("pl"), V.pl_pesel(), V.amount(100, 800)), "epuap upo", "egov")
    add("egov", "sensitive", "gov.pt / ePortugal - Chave Móvel Digital\nNome: %s\nNIC: %s\nTelemóvel associado: %s\n"
        "Código de ativação: %s\n\nO código não funciona, o que faço?" % (P("pt"), V.s(8, DIGITS), V.phone("pt", True),
                                                                         V.s(6, DIGITS)), "cmd activation",
        "egov")
    add("egov", "sensitive", "マイナポータル - 医療費通知情報\n氏名 %s\n医療機関 %sメンタルクリニック 受診日 %s 点数 %d\n"
        "薬剤情報 レクサプロ錠10mg\n\nこれを確定申告に使う方法を教えて。" % (P("ja"), V.pick(["新宿", "渋谷"]),
                                                        V.day("ja"), V.r.randint(300, 900)),
        "mynaportal iryo", "egov")
    add("egov", "sensitive", "Cl@ve PIN - notificación DEHú\nTitular: %s, NIF %s\nEmisor: Seguridad Social\n"
        "Asunto: Resolución de incapacidad permanente total (lumbalgia crónica, hernia discal L4-L5)\n\n"
        "Explícame la resolución." % (P("es"), V.es_dni()), "dehu incapacidad", "egov")
    add("egov", "sensitive", "BundID Postfach export\nLoginname: %s\nPasswort: %s\nHinterlegte E-Mail: %s\n\n"
        "Meine Mutter hat mir ihre Zugangsdaten gegeben, kannst du mir zeigen wie ich den Wohngeldantrag für sie "
        "stelle?" % (V.mail(P("de")).split("@")[0], V.password(), V.mail(P("de"))), "bundid credentials",
        "credential")
    add("egov", "vendor", "ELSTER Zertifikatsdatei: Endung .pfx, wird per Post mit Aktivierungs-ID und per E-Mail "
        "mit Aktivierungscode zugestellt. Das Passwort legen Sie selbst fest.\n\nWas tun, wenn das Zertifikat "
        "abgelaufen ist?", "elster howto", "question")
    add("egov", "vendor", "SPID - livelli di sicurezza: livello 1 (username e password), livello 2 (OTP), livello 3 "
        "(smart card).\n\nPer l'INPS serve il livello 2?", "spid levels", "question")
    add("egov", "vendor", "DigiD - testomgeving (pre-productie), gebruikersnaam: test_burger_01, wachtwoord: "
        "<uit de testdocumentatie van Logius>\n\nHoe koppel ik onze gemeenteapp aan de DigiD-testomgeving?",
        "digid test placeholder", "placeholder")


def registration():
    add("registration", "sensitive", "Anmeldebestätigung nach § 24 BMG\nFamilienname: %s  Vorname: %s\nGeburtsdatum: "
        "%s  Geburtsort: Kiew\nNeue Wohnung: %s (Hauptwohnung)\nSteuer-ID wird zugeschickt.\nReligion: rk\n\n"
        "Brauche ich das für das Bankkonto?" % (P("de").split()[1], P("de").split()[0], V.dob("de"), V.addr("de")),
        "anmeldebestaetigung", "registration")
    add("registration", "sensitive", "Volante de empadronamiento - Ayuntamiento de %s\nNombre: %s\nNIE: %s\n"
        "Domicilio: %s\nFecha de alta: %s\nConvive con: %s (DNI %s)\n\n¿Sirve para el arraigo social?" % (
            V.pick(["Madrid", "Barcelona"]), P("es"), V.es_dni(nie=True), V.addr("es"), V.day("es"), P("es"),
            V.es_dni()), "empadronamiento", "registration")
    add("registration", "sensitive", "Comune di %s - Dichiarazione di residenza\nDichiarante: %s, nato il %s, C.F. %s\n"
        "Nuovo indirizzo: %s\nComponenti della famiglia: 3\nRecapito: %s, %s\n\nQuanto tempo ha il vigile per il "
        "controllo?" % (V.pick(["Padova", "Parma"]), P("it"), V.dob("it"), V.it_fiscal_code(), V.addr("it"),
                        V.phone("it"), V.mail(P("it"))), "dichiarazione residenza", "registration")
    add("registration", "sensitive", "住民票の写し\n住所 %s\n世帯主 %s\n氏名 %s 生年月日 %s 続柄 妻\n個人番号 %s\n\n"
        "これを英語に翻訳して大使館に提出したいです。" % (V.addr("ja"), P("ja"), P("ja"), V.dob("ja"), V.jp_my_number()),
        "juminhyo", "registration")
    add("registration", "sensitive", "Zameldowanie na pobyt stały - potwierdzenie\nOsoba: %s\nPESEL: %s\nAdres: %s\n"
        "Seria i numer dowodu osobistego: %s\n\nCzy muszę się wymeldować z poprzedniego adresu?" % (
            P("pl"), V.pl_pesel(), V.addr("pl"), V.pl_dowod()), "zameldowanie", "registration")
    add("registration", "vendor", "Anmeldung einer Wohnung - Formular\nFamilienname: ______\nVorname: ______\n"
        "Geburtsdatum: ______\nWohnungsgeberbestätigung beigefügt: [ ] ja [ ] nein\n\nMuss der Vermieter die "
        "Wohnungsgeberbestätigung unterschreiben?", "blank anmeldung", "blank_form")
    add("registration", "vendor", "Padrón municipal de Madrid a 1 de enero de 2025: 3.460.491 habitantes; nacidos en "
        "el extranjero: 24,1 %.\n\nHaz un gráfico por distritos.", "padron statistics", "aggregate")


def elections():
    add("election", "sensitive", "Wählerverzeichnis Wahlbezirk %d - Auszug\nLfd. Nr. | Name | Geburtsdatum | Anschrift\n"
        "%d | %s | %s | %s\n%d | %s | %s | %s\n\nWie prüfe ich, ob jemand doppelt eingetragen ist?" % (
            V.r.randint(1, 300), V.r.randint(1, 900), P("de"), V.dob("de"), V.addr("de"), V.r.randint(1, 900), P("de"),
            V.dob("de"), V.addr("de")), "waehlerverzeichnis", "electoral_roll")
    add("election", "sensitive", "Liste électorale - extrait\nBureau %d\n%s | née le %s | %s\n%s | né le %s | %s\n"
        "%s | née le %s | %s\n\nCombien d'électeurs ont plus de 60 ans dans cet extrait ?" % (
            V.r.randint(1, 40), P("fr"), V.dob("fr"), V.addr("fr"), P("fr"), V.dob("fr"), V.addr("fr"), P("fr"),
            V.dob("fr"), V.addr("fr")), "liste electorale", "electoral_roll")
    add("election", "sensitive", "Rejestr wyborców - wniosek o dopisanie\nWnioskodawca: %s\nPESEL: %s\n"
        "Adres stałego zamieszkania: %s\nTel.: %s\n\nSprawdź, czy wniosek jest kompletny." % (
            P("pl"), V.pl_pesel(), V.addr("pl"), V.phone("pl")), "rejestr wyborcow", "electoral_roll")
    add("election", "vendor", "Bundestagswahl 2025, Wahlkreis 75: Wahlberechtigte 218.432, Wähler 176.110 (80,6 %), "
        "Erststimmen: CDU 31,2 %, SPD 22,4 %, Grüne 18,9 %.\n\nMach daraus einen kurzen Bericht.",
        "election results", "aggregate")
    add("election", "vendor", "Verkiezingen: de kandidatenlijst van lijst 3 bevat 50 namen, met op 1 de lijsttrekker. "
        "Kandidaten mogen hun woonplaats laten vermelden in plaats van hun adres.\n\nWaarom is dat zo geregeld?",
        "candidate list rule", "question")


def foia():
    add("foia", "sensitive", "Antwort auf Ihre IFG-Anfrage\nAnlage 1 (ungeschwärzt versandt!):\nBeschwerdeführer: %s, "
        "%s, Tel. %s\nBeschwerde über Lärm der Gaststätte; der Beschwerdeführer leidet nach eigener Angabe an "
        "Tinnitus.\n\nWir haben vergessen zu schwärzen - wie formuliere ich die Entschuldigung an den Betroffenen?"
        % (P("de"), V.addr("de"), V.phone("de")), "ifg unredacted annex", "foia_leak")
    add("foia", "sensitive", "Verzoek Woo - bijlage 4 (nog te lakken)\nMail van %s <%s> aan de wethouder: 'Mijn zoon "
        "(BSN %s) krijgt nog steeds geen jeugdzorg, hij is opgenomen geweest.'\n\nWelke passages moeten we lakken "
        "op grond van artikel 5.1?" % (P("nl"), V.mail(P("nl")), V.nl_bsn()), "woo annex to redact", "foia_leak")
    add("foia", "sensitive", "Solicitud de acceso a información pública - Portal de Transparencia\nSolicitante: %s\n"
        "DNI: %s\nCorreo: %s\nTeléfono: %s\nInformación solicitada: contratos menores de limpieza 2024\n\n"
        "¿Está bien redactada?" % (P("es"), V.es_dni(), V.mail(P("es")), V.phone("es")),
        "transparencia request with requester", "contact")
    add("foia", "vendor", "Antwort des Bundesministeriums auf eine IFG-Anfrage (FragDenStaat): Der Vertrag mit der "
        "Beratungsfirma umfasst 1,2 Mio. EUR. Namen von Mitarbeitenden wurden nach § 5 IFG geschwärzt: [...].\n\n"
        "Darf das Ministerium die Namen schwärzen?", "published ifg answer redacted", "redacted")
    add("foia", "vendor", "Accès aux documents administratifs (CADA), avis n° 20231234 du 7 septembre 2023 : la "
        "commune de X... doit communiquer les délibérations du conseil municipal.\n\nRésume l'avis.",
        "cada avis", "anonymised_judgment")
    add("foia", "vendor", "Richiesta di accesso civico generalizzato (FOIA) - modello:\nIl/la sottoscritto/a "
        "[nome e cognome], nato/a a [luogo] il [data], residente in [indirizzo], chiede ...\n\nVa bene così?",
        "foia template", "placeholder")


def legal_aid():
    add("legalaid", "sensitive", "Erklärung über die persönlichen und wirtschaftlichen Verhältnisse (PKH)\n%s, %s\n"
        "Nettoeinkommen: %s EUR, Miete: %s EUR\nGirokonto %s, Kontostand -312,50 EUR\nUnterhaltspflichten: "
        "zwei Kinder\n\nIst das für die Prozesskostenhilfe vollständig?" % (
            P("de"), V.addr("de"), V.amount(900, 2100), V.amount(400, 900), V.iban_for("de")),
        "pkh erklaerung", "legal_aid")
    add("legalaid", "sensitive", "Demande d'aide juridictionnelle - Cerfa 16146\nDemandeur : %s, né le %s\n"
        "Revenu fiscal de référence : %s €\nNuméro fiscal : %s\nProcédure : divorce, avocat Me %s\n\nSuis-je "
        "éligible à l'aide totale ?" % (P("fr"), V.dob("fr"), V.amount(5000, 15000), V.pick("0123") + V.s(12, DIGITS),
                                       P("fr")), "aide juridictionnelle", "legal_aid")
    add("legalaid", "sensitive", "Gratuito patrocinio - istanza\nIstante: %s, C.F. %s\nReddito imponibile 2024: "
        "€ %s\nProcedimento penale n. %d/25 R.G.N.R. per lesioni personali\n\nControlla la dichiarazione "
        "sostitutiva." % (P("it"), V.it_fiscal_code(), V.amount(5000, 12000), V.r.randint(1000, 9999)),
        "gratuito patrocinio", "legal_aid")
    add("legalaid", "sensitive", "Toevoeging Raad voor Rechtsbijstand\nRechtzoekende: %s, BSN %s\nZaak: ontslag op "
        "staande voet wegens vermeende diefstal\nAdvocaat: mr. %s\n\nWat is de eigen bijdrage bij mijn inkomen?"
        % (P("nl"), V.nl_bsn(), P("nl")), "toevoeging", "legal_aid")
    add("legalaid", "vendor", "Prozesskostenhilfe: Freibeträge ab 01.01.2025 - Partei 619 EUR, Ehegatte 619 EUR, "
        "Erwerbstätigenfreibetrag 282 EUR.\n\nWie berechnet sich die Ratenhöhe?", "pkh freibetraege", "public")
    add("legalaid", "vendor", "¿Quién tiene derecho a la asistencia jurídica gratuita en España? ¿Cuenta el "
        "patrimonio además de los ingresos?", "general question (es)", "question")


def probation():
    add("probation", "sensitive", "Bewährungshilfe - Bericht an das Landgericht\nProband: %s, geb. %s\nVerurteilung: "
        "Körperverletzung, 1 Jahr 6 Monate auf Bewährung\nAuflagen: Anti-Gewalt-Training, Suchtberatung "
        "(Kokain)\nDerzeitige Anschrift: %s\n\nFormuliere einen positiven, aber ehrlichen Verlauf." % (
            P("de"), V.dob("de"), V.addr("de")), "bewaehrungsbericht", "probation")
    add("probation", "sensitive", "SPIP - rapport de fin de mesure\nPersonne placée sous main de justice : %s, écrou "
        "n° %d\nDate de naissance : %s\nObligation de soins respectée (suivi CSAPA pour alcool)\n\nCorrige "
        "l'orthographe." % (P("fr"), V.r.randint(10000, 99999), V.dob("fr")), "spip rapport", "probation")
    add("probation", "sensitive", "Reclassering - adviesrapport\nBetrokkene: %s, geboren %s, BSN %s\nDelict: "
        "woninginbraak, recidive\nRisico: middelengebruik (cannabis), schulden € 14.000\n\nMaak er een "
        "samenvatting van voor de zitting." % (P("nl"), V.dob("nl"), V.nl_bsn()), "reclassering advies",
        "probation")
    add("probation", "sensitive", "Kuratorska notatka służbowa\nDozorowany: %s, PESEL %s\nOkres próby do %s\n"
        "Podczas wizyty domowej stwierdzono, że skazany nie podjął leczenia odwykowego.\n\nJak napisać wniosek "
        "o odwieszenie kary?" % (P("pl"), V.pl_pesel(), V.day("pl")), "kurator notatka", "probation")
    add("probation", "sensitive", "Relatório social - DGRSP\nArguido: %s, %d anos, CC %s\nSituação: "
        "desempregado, vive com a mãe em %s; antecedentes de violência doméstica\n\nResume em meia página."
        % (P("pt"), V.r.randint(20, 60), V.s(8, DIGITS), V.addr("pt")), "relatorio social", "probation")
    add("probation", "vendor", "Statistik Strafvollzug 31.03.2025: 44.232 Gefangene, davon 5,9 % Frauen; "
        "Belegungsquote 83 %.\n\nWie hat sich das seit 2015 entwickelt?", "prison stats", "aggregate")


def council():
    add("council", "vendor", "Niederschrift der Sitzung des Gemeinderats vom 14.05.2025\nTOP 3: Bebauungsplan "
        "'Am Sportplatz' - Beschluss: 14 Ja, 3 Nein, 1 Enthaltung.\nTOP 4: Sanierung der Grundschule, Kosten "
        "2,4 Mio. EUR.\n\nFasse das für das Amtsblatt zusammen.", "gemeinderat minutes public", "public")
    add("council", "vendor", "Compte rendu du conseil municipal du 3 juin 2025 - Présents : M. le Maire, Mmes et MM. "
        "les adjoints ... Délibération n° 2025-041 : tarifs de la cantine scolaire (3,20 € le repas).\n\nRédige "
        "un post pour le site de la mairie.", "conseil municipal public", "public")
    add("council", "vendor", "Verbale del Consiglio comunale n. 12/2025: approvato il bilancio di previsione con 17 voti "
        "favorevoli; il consigliere Bianchi (opposizione) ha chiesto chiarimenti sulle tariffe TARI.\n\nScrivi un "
        "comunicato stampa.", "consiglio comunale public", "public")
    add("council", "vendor", "Besluitenlijst gemeenteraad 20 maart 2025: motie 'Meer groen in de wijk' aangenomen; "
        "amendement over parkeertarieven verworpen.\n\nMaak hier een nieuwsbericht van.", "raad besluitenlijst",
        "public")
    add("council", "vendor", "Protokół z sesji Rady Miasta nr XIV/2025: przyjęto uchwałę w sprawie budżetu "
        "obywatelskiego (pula 12 mln zł).\n\nStreść w trzech punktach.", "rada miasta public", "public")
    add("council", "vendor", "市議会定例会 会議録（抜粋）\n議長 ただいまから本日の会議を開きます。\n○○議員 子育て支援策について"
                             "質問します。\n\n要点を3つにまとめてください。", "gikai minutes", "public")
    add("council", "sensitive", "Niederschrift nichtöffentlicher Teil - Sozialausschuss\nTOP 7: Antrag auf Erlass "
        "der Kita-Gebühren, Familie %s, %s; Vater seit März arbeitslos, Mutter in stationärer psychiatrischer "
        "Behandlung.\nBeschluss: Erlass für 6 Monate\n\nFormuliere den Bescheid an die Familie." % (
            V.pick(["Krüger", "Becker", "Köhler"]), V.addr("de")), "nichtoeffentlich family", "council_private")
    add("council", "sensitive", "Junta de Gobierno Local - punto 5 (reservado): expediente disciplinario al "
        "funcionario %s, DNI %s, por ausencias injustificadas relacionadas con su adicción al juego.\n\n"
        "Redacta la propuesta de resolución." % (P("es"), V.es_dni()), "junta reservado disciplinary",
        "council_private")


def asylum():
    add("asylum", "sensitive", "BAMF - Niederschrift Anhörung\nAZ: %s-%s\nAntragsteller: %s, geb. %s in Herat\n"
        "F: Warum haben Sie Ihr Land verlassen?\nA: Mein Bruder wurde von den Taliban getötet, ich wurde "
        "gefoltert, die Narben am Rücken ...\n\nBitte übersetze die Anhörung ins Dari-nahe Englisch für die "
        "Anwältin." % (V.s(7, DIGITS), V.s(3, DIGITS), "Ahmad Rahimi", V.dob("de")), "bamf anhoerung", "asylum")
    add("asylum", "sensitive", "OFPRA - récit de vie\nNom : %s\nNuméro OFPRA : %s\nJ'ai été arrêtée à Kinshasa en "
        "2023 pour mon orientation sexuelle, détenue trois semaines ...\n\nAide-moi à rendre le récit plus clair "
        "pour l'entretien." % ("Grace MBUYI", V.s(10, DIGITS)), "ofpra recit", "asylum")
    add("asylum", "sensitive", "Commissione territoriale - verbale di audizione\nRichiedente: %s, CUI %s\nNazionalità: "
        "nigeriana\nDichiara di essere vittima di tratta e di aver contratto l'HIV durante il viaggio in Libia.\n\n"
        "Prepara una memoria per il ricorso." % ("Blessing OKAFOR", V.s(7, UPPER + DIGITS)),
        "audizione commissione", "asylum")
    add("asylum", "vendor", "Schutzquote des BAMF im Jahr 2024: 44,4 %; Hauptherkunftsländer Syrien, Afghanistan, "
        "Türkei.\n\nErkläre den Unterschied zwischen bereinigter und unbereinigter Schutzquote.", "bamf stats",
        "aggregate")
    add("asylum", "vendor", "Preguntas frecuentes de una entrevista de asilo: motivos de la huida, ruta, documentos, "
        "familiares en el país. ¿Cómo me preparo sin memorizar un texto?", "general question (es)", "question")


def specimens():
    add("specimen", "vendor", "Personalausweis (Muster) - Bundesdruckerei\nName: MUSTERMANN\nVorname: ERIKA\n"
        "Geburtstag: 12.08.1983  Staatsangehörigkeit: DEUTSCH\nAusweisnummer: T22000129\nIDD<<T220001293<<<<<<<<<"
        "<<<<<<\n\nWie ist die Prüfziffer in der MRZ berechnet?", "de specimen id", "specimen")
    add("specimen", "vendor", "DNI de ejemplo publicado por la Policía Nacional:\nApellidos: ESPAÑOLA ESPAÑOLA\n"
        "Nombre: CARMEN\nDNI: 99999999R\n\n¿Cómo se calcula la letra del DNI?", "es specimen dni", "specimen")
    add("specimen", "vendor", "Paspoort specimen (Rijksoverheid): naam De Bruijn, voornamen Willeke Liselotte, BSN "
        "999999990, documentnummer SPECI2014\n\nWat betekent het BSN 999999990 in testomgevingen?",
        "nl specimen passport", "specimen")
    add("specimen", "vendor", "Exemple de carte nationale d'identité (modèle 2021) publié par l'ANTS : nom MARTIN, "
        "prénoms Maëlys-Gaëlle Marie, numéro X4RTBPFW4.\n\nOù se trouve le numéro de document sur la nouvelle "
        "carte ?", "fr specimen cni", "specimen")
    add("specimen", "vendor", "Przykładowy dowód osobisty (wzór MSWiA): imię JAN, nazwisko KOWALSKI, seria i numer "
        "ZZC108201, PESEL 00000000000\n\nGdzie jest numer CAN na nowym dowodzie?", "pl specimen", "specimen")
    add("specimen", "vendor", "マイナンバーカード（見本）\n氏名 番号 花子\n住所 東京都千代田区霞が関2-1-2\n個人番号 "
                              "123456789012\n\nこの見本のように番号を隠すシールはどこでもらえますか？",
        "jp specimen my number", "specimen")


def short_chat():
    """Chat-style one-liners mixing a value and a question."""
    add("chat", "sensitive", "mi codice fiscale è %s e il portale INPS dice 'utente non abilitato', che faccio?" %
        V.it_fiscal_code(), "inps login question", "national_id")
    add("chat", "sensitive", "hallo, meine Steuer-ID ist %s, mein Sohn (8) braucht eine eigene - wo beantrage ich "
        "die?" % V.de_tax_id(spaced=True), "steuer-id chat", "national_id")
    add("chat", "sensitive", "Bonjour, je suis %s, mon NIR %s, la CPAM ne rembourse plus mes séances de kiné "
        "depuis mon ALD, pourquoi ?" % (P("fr"), V.fr_nir()), "cpam ald chat", "national_id")
    add("chat", "sensitive", "mijn BSN is %s en de gemeente zegt dat ik niet ingeschreven sta, wat nu?" % V.nl_bsn(),
        "bsn chat", "national_id")
    add("chat", "sensitive", "o meu NIF é %s e a AT diz que tenho uma dívida de IUC de 2019, como contesto?" %
        V.pt_nif_personal(), "nif chat", "national_id")
    add("chat", "sensitive", "mój PESEL %s, dostałem pismo z sądu o zapłatę 3400 zł, a nigdy nie brałem pożyczki" %
        V.pl_pesel(), "pesel chat court", "national_id")
    add("chat", "sensitive", "mi NIE es %s y me han denegado el arraigo, ¿puedo recurrir?" % V.es_dni(nie=True),
        "nie chat", "national_id")
    add("chat", "sensitive", "マイナンバー %s を会社に出す必要がありますか？" % V.jp_my_number(), "my number chat",
        "national_id")
    add("chat", "sensitive", "my NI number is %s, HMRC says I owe £1,240 from a job I never had. how do I dispute it?"
        % V.uk_nino(), "nino chat", "national_id")
    add("chat", "vendor", "Was ist der Unterschied zwischen Steuernummer und Steuer-ID?", "question de", "question")
    add("chat", "vendor", "¿El NIE caduca si no renuevo la tarjeta de residencia?", "question es", "question")
    add("chat", "vendor", "C'est quoi la différence entre le numéro fiscal et le numéro de sécurité sociale ?",
        "question fr", "question")
    add("chat", "vendor", "Il codice fiscale di un neonato lo rilascia l'ospedale o il Comune?", "question it",
        "question")
    add("chat", "vendor", "Hoe vraag ik een DigiD aan voor mijn kind van 14?", "question nl", "question")
    add("chat", "vendor", "Jak zastrzec PESEL w aplikacji mObywatel?", "question pl", "question")
    add("chat", "vendor", "在留カードを紛失した場合、何日以内に再交付申請が必要ですか？", "question ja", "question")
    add("chat", "vendor", "Posso pedir o Cartão de Cidadão do meu filho online?", "question pt", "question")


def more():
    """Further single templates, mixed kinds."""
    add("mixed", "sensitive", "Vollmacht\nHiermit bevollmächtige ich, %s, geb. %s, wohnhaft %s, Personalausweis-Nr. "
        "%s, meine Tochter %s, mich in allen Angelegenheiten gegenüber der Pflegekasse (Pflegegrad 4, Demenz) zu "
        "vertreten.\n\nIst diese Vollmacht ausreichend?" % (P("de"), V.dob("de"), V.addr("de"), V.de_doc_no(),
                                                            P("de")), "vollmacht pflege", "power_of_attorney")
    add("mixed", "sensitive", "Procura speciale\nIo sottoscritto %s, nato il %s, C.F. %s, conferisco procura a %s per "
        "riscuotere la mia pensione presso Poste Italiane (libretto n. %s)\n\nÈ necessaria l'autentica della firma?"
        % (P("it"), V.dob("it"), V.it_fiscal_code(), P("it"), V.s(12, DIGITS)), "procura pensione",
        "power_of_attorney")
    add("mixed", "sensitive", "Requerimento - Câmara Municipal de %s\n%s, portador do CC n.º %s, NIF %s, residente "
        "em %s, telemóvel %s, vem requerer a V. Ex.ª a emissão de licença de ocupação da via pública.\n\nFalta "
        "alguma coisa?" % (V.pick(["Braga", "Aveiro"]), P("pt"), V.s(8, DIGITS), V.pt_nif_personal(), V.addr("pt"),
                           V.phone("pt")), "requerimento camara", "identity_contact")
    add("mixed", "sensitive", "Skarga do WSA\nSkarżący: %s, PESEL %s, zam. %s\nna decyzję SKO w sprawie odmowy "
        "przyznania świadczenia pielęgnacyjnego (opieka nad matką po udarze)\n\nSprawdź uzasadnienie." % (
            P("pl"), V.pl_pesel(), V.addr("pl")), "skarga wsa", "court_parties")
    add("mixed", "sensitive", "Bezwaarschrift\nAan het college van B&W van %s\nIk, %s, %s, BSN %s, maak bezwaar tegen "
        "de beslissing om mijn bijstandsuitkering terug te vorderen (€ %s).\n\nMaak dit formeler." % (
            V.pick(["Utrecht", "Eindhoven"]), P("nl"), V.addr("nl"), V.nl_bsn(), V.amount(1000, 9000)),
        "bezwaarschrift bijstand", "benefit")
    add("mixed", "sensitive", "Recurso de alzada\nD.ª %s, con DNI %s, domicilio a efectos de notificaciones en %s y "
        "correo %s, interpone recurso contra la resolución de la Consejería que deniega la prestación por "
        "dependencia (grado II).\n\n¿Qué plazo tengo?" % (P("es"), V.es_dni(), V.addr("es"), V.mail(P("es"))),
        "recurso alzada dependencia", "benefit")
    add("mixed", "sensitive", "Lettre à la préfecture\n%s\n%s\nTél. : %s\nObjet : demande de naturalisation - dossier "
        "n° %s\nMadame, Monsieur, je vous prie de trouver ci-joint mon casier judiciaire (bulletin n° 3, néant) "
        "et mes avis d'imposition.\n\nTu peux relire ?" % (P("fr"), V.addr("fr"), V.phone("fr"),
                                                          "%s-%s" % (V.s(4, DIGITS), V.s(6, DIGITS))),
        "naturalisation letter", "identity_contact")
    add("mixed", "sensitive", "Einbürgerungsantrag - Anlage Lebenslauf\n%s, geb. %s in Aleppo, %s\nE-Mail: %s\n"
        "Aufenthaltstitel seit 2017, Nr. %s\nStrafregister: ein eingestelltes Verfahren (2019)\n\nFormuliere den "
        "Lebenslauf flüssiger." % (P("de"), V.dob("de"), V.addr("de"), V.mail(P("de")), V.de_doc_no()),
        "einbuergerung lebenslauf", "identity_contact")
    add("mixed", "sensitive", "公判調書\n被告人 %s（昭和%d年%d月%d日生）\n本籍 %s\n罪名 窃盗\n前科 2犯\n\nこれを英語で要約"
        "してください。" % (P("ja"), V.r.randint(30, 63), V.r.randint(1, 12), V.r.randint(1, 28), V.addr("ja")),
        "koohan chousho", "court_parties")
    add("mixed", "sensitive", "Reply from council tenancy team:\nDear %s,\nRe: your housing benefit claim (ref HB/%s)\n"
        "We note from your GP letter that you are being treated for PTSD. Your rent account %s shows arrears of "
        "£%d.\n\nHelp me write back asking for a payment plan." % (P("en"), V.s(7, DIGITS), V.s(8, DIGITS),
                                                                   V.r.randint(300, 3000)),
        "housing benefit health", "benefit")
    add("mixed", "vendor", "Aktenzeichen, Geschäftszeichen, Vorgangsnummer - was gehört in die Betreffzeile, wenn ich "
        "dem Amtsgericht schreibe? Beispiel: 12 C 345/25.", "aktenzeichen question", "case_number")
    add("mixed", "vendor", "Kanton- en rolnummers: zaaknummer 10234567 / CV EXPL 24-1234, rolzitting 12 maart.\n\n"
        "Wat moet ik meenemen naar de rolzitting?", "rolnummer only", "case_number")
    add("mixed", "vendor", "Handelsregister B des Amtsgerichts München, HRB %d: %s GmbH, Geschäftsführer laut Register, "
        "Stammkapital 25.000 EUR, USt-IdNr. DE%s.\n\nWas muss ins Impressum?" % (
            V.r.randint(100000, 299999), V.pick(["Alpen Solar", "Isartal Logistik"]), V.s(9, DIGITS)),
        "handelsregister company", "company_number")
    add("mixed", "vendor", "Entreprise %s SAS - SIREN %s, RCS Lyon, capital 50 000 €.\n\nComment vérifier sur "
        "l'annuaire des entreprises si elle est toujours active ?" % (V.pick(["Rhône Énergies", "Bellecour Conseil"]),
                                                                     V.fr_siren()), "siren company", "company_number")
    add("mixed", "vendor", "法人番号 %s（株式会社サンプル商事）を国税庁の法人番号公表サイトで確認しました。\n\n"
                           "インボイス登録番号との関係を教えてください。" % V.jp_corporate(), "hojin bangou",
        "company_number")
    add("mixed", "vendor", "Vorlage: Widerspruch gegen Bescheid vom [Datum], "
        "Aktenzeichen [Az.], Name [Vorname Nachname], Anschrift [Straße, PLZ Ort], IBAN [DE.. .... ....]\n\n"
        "Schreib mir daraus einen allgemeinen Mustertext.", "widerspruch template", "placeholder")
    add("mixed", "vendor", "Wyrok WSA w Warszawie z 12.03.2024, sygn. akt I SA/Wa 2345/23: skarżąca (A.B.) "
        "zakwestionowała decyzję organu podatkowego ...\n\nJakie są główne tezy?", "anonymised wsa",
        "anonymised_judgment")
    add("mixed", "vendor", "Acórdão do STJ de 14/02/2024, processo 123/20.0T8LSB.L1.S1: o autor AA intentou ação "
        "contra a ré BB ...\n\nQual foi a decisão?", "anonymised acordao", "anonymised_judgment")
    add("mixed", "vendor", "IBAN für Gebühren der Stadtkasse Musterstadt (öffentlich auf der Website): "
        "DE12 5001 0517 0648 4898 90, Verwendungszweck: Kassenzeichen\n\nMuss ich das Kassenzeichen immer "
        "angeben?", "public authority iban", "public_account")
    add("mixed", "vendor", "Dati aperti: numero di permessi di soggiorno rilasciati nel 2024 per regione (ISTAT): "
        "Lombardia 78.112, Lazio 41.230, Emilia-Romagna 38.004.\n\nFammi la percentuale sul totale.",
        "istat permits", "aggregate")
    add("mixed", "vendor", "Dear Sir/Madam,\nRe: Subject Access Request under Article 15 UK GDPR\nPlease provide "
        "copies of all personal data you hold about me, [full name], [address], reference [account number].\n\n"
        "Is this template enough?", "sar template", "placeholder")
    add("mixed", "vendor", "Tribunal de Justiça: como se calcula o prazo de 30 dias para contestar? Conta-se o "
        "fim de semana?", "general question (pt)", "question")
    add("mixed", "vendor", "Vademecum anagrafe: per il cambio di residenza servono documento d'identità, codice "
        "fiscale e, per i cittadini extra UE, il permesso di soggiorno.\n\nServe anche il contratto d'affitto?",
        "anagrafe info", "question")
    add("mixed", "vendor", "Nota informativa - protocollo n. 2025/0012345 del 12/05/2025, class. 6.3, fascicolo "
        "2025-6.3.12\n\nCosa indica la classificazione 6.3 nel titolario?", "protocol numbers", "case_number")


def lookalikes():
    """Further look-alikes: masked, sample, public and format-only values."""
    add("lookalike", "vendor", "Einkommensteuerbescheid 2024 (Auszug, geschwärzt)\nIdNr: 12 *** *** 789\nFestgesetzt: "
        "Einkommensteuer 4.812,00 EUR\nErstattung auf Konto DE** **** **** **** **34 56\n\nWarum ist der "
        "Solidaritätszuschlag 0?", "masked bescheid", "masked")
    add("lookalike", "vendor", "Le code fiscal italien de l'exemple officiel, RSSMRA80A01H501U (Mario Rossi, né à Rome "
        "le 1er janvier 1980), se construit comment ? Explique chaque bloc.", "cf textbook example",
        "documentation_example")
    add("lookalike", "vendor", "Formato del NIE: letra X, Y o Z, siete dígitos y una letra de control (por ejemplo "
        "X1234567L). La letra se calcula igual que la del DNI.\n\n¿Y los NIE antiguos con ocho dígitos?",
        "nie format example", "documentation_example")
    add("lookalike", "vendor", "PESEL - budowa numeru na przykładzie z podręcznika: 44051401359 (urodzony 14 maja "
        "1944, mężczyzna).\n\nJak działa cyfra kontrolna?", "pesel textbook", "documentation_example")
    add("lookalike", "vendor", "Voor onze testomgeving gebruiken we de fictieve BSN's uit de RvIG-testset "
        "(bijvoorbeeld 999990019). Klopt het dat die nooit aan echte burgers worden uitgegeven?",
        "test bsn", "documentation_example")
    add("lookalike", "vendor", "Junta de Freguesia de %s - NIPC %s, IBAN de pagamento de taxas publicado no "
        "site.\n\nComo faço a transferência com referência multibanco?" % (V.pick(["Arroios", "Campanhã"]),
                                                                            V.pt_nipc()), "public nipc", "company_number")
    add("lookalike", "vendor", "Terminrolle Landgericht Köln, Saal 112, 14.10.2025\n09:30  3 O 123/24  %s GmbH ./. %s AG "
        "(Werklohn)\n10:15  3 O 88/25  Stadtwerke ./. Energie-Contracting GmbH\n\nKann ich als Zuschauer "
        "einfach hingehen?" % (V.pick(["Rheinbau", "Domblick"]), V.pick(["Westfalia Bau", "Kölner Anlagen"])),
        "court roll companies", "public")
    add("lookalike", "vendor", "Woo-besluit (gepubliceerd)\nBijlage 2: e-mail van [5.1.2e] aan [5.1.2e], onderwerp: "
        "planning fietsbrug. '... de kosten vallen 12% hoger uit ...'\n\nWat betekent de code 5.1.2e?",
        "woo lakken codes", "redacted")
    add("lookalike", "vendor", "BIP - ogłoszenie o wyniku postępowania: wybrano ofertę firmy %s Sp. z o.o., NIP %s, "
        "REGON %s, cena 1 240 000 zł brutto.\n\nStreść ogłoszenie." % (V.pick(["Budimex-Trans", "Mazowsze Drogi"]),
                                                                     V.pl_nip(), V.pl_regon()), "bip tender",
        "company_number")
    add("lookalike", "vendor", "Stellenausschreibung: Sachbearbeitung (m/w/d) in der Ausländerbehörde, EG 9b TVöD, "
        "Bearbeitung von Anträgen auf Aufenthaltstitel und Einbürgerung. Bewerbung bis 30.11. an die "
        "Personalabteilung.\n\nFormuliere die Anzeige attraktiver.", "job ad authority", "job_ad")
    add("lookalike", "vendor", "Kindergeldnummer: sie hat das Format 123FK456789 (drei Ziffern, 'FK', sechs Ziffern) "
        "und steht auf jedem Schreiben der Familienkasse.\n\nIst das dasselbe wie die Steuer-ID des Kindes?",
        "kindergeld format", "form_instructions")
    add("lookalike", "vendor", "Numéro RG : les deux premiers chiffres donnent l'année d'enregistrement, puis un "
        "numéro d'ordre, par exemple 24/01234. Le numéro Portalis est différent.\n\nOù trouver le numéro "
        "Portalis sur une convocation ?", "rg format", "case_number")
    add("lookalike", "vendor", "BOE - Resolución de la lista de admitidos (oposiciones, Cuerpo de Gestión):\n"
        "DNI ***4567** - admitido\nDNI ***8812** - excluido (causa 2: falta de pago)\nDNI ***0934** - admitido\n\n"
        "¿Por qué publican el DNI así?", "boe masked dni", "masked")
    add("lookalike", "vendor", "§ 3 StVO Abs. 3: Die zulässige Höchstgeschwindigkeit beträgt auch unter günstigsten "
        "Umständen innerhalb geschlossener Ortschaften für alle Kraftfahrzeuge 50 km/h.\n\nGilt das auch für "
        "Fahrräder?", "stvo", "statute")
    add("lookalike", "vendor", "Elternbrief der Grundschule: Liebe Eltern, am 12.11. findet der Elternsprechtag statt. "
        "Bitte tragen Sie sich in die Liste ein. Bei Krankheit Ihres Kindes informieren Sie bitte bis 8 Uhr das "
        "Sekretariat.\n\nÜbersetze ins Türkische.", "elternbrief generic", "no_personal_data")
    add("lookalike", "vendor", "Numero di telaio di esempio dalla guida della Motorizzazione: ZFA31200000123456.\n\n"
        "Cosa indicano le prime tre lettere del VIN?", "vin example", "documentation_example")
    add("lookalike", "vendor", "住民票の写し等交付申請書\n請求者 氏名＿＿＿＿ 住所＿＿＿＿＿＿＿＿\n必要な方の氏名＿＿＿＿\n"
                               "マイナンバーの記載 □要 □不要\n\n代理人が請求する場合、委任状は必要ですか？",
        "blank juminhyo form", "blank_form")
    add("lookalike", "vendor", "Segurança Social - estatísticas: em 2024 havia 2 164 000 pensionistas de velhice; "
        "valor médio da pensão 560 €.\n\nCompara com Espanha.", "pt pension stats", "aggregate")
    add("lookalike", "vendor", "FranceConnect - environnement d'intégration : utilisez l'identité de test fournie dans "
        "la documentation (login « test », mot de passe « 123 »), fournisseur d'identité « démonstration ».\n\n"
        "Notre redirection échoue avec « invalid_redirect_uri », pourquoi ?", "fc sandbox doc",
        "documentation_example")
    add("lookalike", "vendor", "Casus voor de cursus sociaal werk (fictief): 'Sandra, 34, alleenstaande moeder van "
        "twee, heeft schulden bij de Belastingdienst en voelt zich somber.'\n\nWelke interventies passen hier?",
        "fictional case vignette", "fictional")
    add("lookalike", "vendor", "Polizeimeldung Nr. 1234: Ein 34-jähriger Mann wurde gestern Abend in Neukölln bei "
        "einem Streit leicht verletzt. Die Polizei sucht Zeugen (Tel. 110).\n\nSchreib einen kurzen Tweet "
        "dazu.", "police press anonymised", "public")
    add("lookalike", "vendor", "Regolamento comunale per l'assegnazione degli alloggi ERP, art. 7: il punteggio è "
        "attribuito in base all'ISEE, alla presenza di disabili nel nucleo e allo sfratto esecutivo.\n\n"
        "Spiegami come si calcola.", "regolamento erp", "statute")
    add("lookalike", "vendor", "Modelo de requerimento à Câmara:\n[Nome completo], portador do CC n.º [número], NIF "
        "[número], residente em [morada], vem requerer ...\n\nComo termino o requerimento de forma correta?",
        "requerimento template", "placeholder")
    add("lookalike", "vendor", "在留資格別 在留外国人数（令和6年末）永住者 918,116人、技能実習 456,595人、"
                               "技術・人文知識・国際業務 418,706人\n\nグラフにしてください。", "zairyu statistics",
        "aggregate")


permits()
civil_status()
court()
police()
traffic()
notary()
tax()
benefits()
pensions()
youth()
school()
university()
egov()
registration()
elections()
foia()
legal_aid()
probation()
council()
asylum()
specimens()
short_chat()
more()
lookalikes()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout19.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
