#!/usr/bin/env python3
"""Writes the twelfth held-out split (tests/corpus/holdout12/holdout12.jsonl), written for issue 17
after the seventh round of fixes and before the eighth, and run once as written. Prompts as people
actually type them to an assistant ("translate this", "summarize", "rewrite more politely", "fix my
script", "what does this error mean", "fill in this form", "reply to this customer") around pasted or
written content, in informal and degraded writing no split had: no diacritics (phone or US keyboard),
all lower case or ALL CAPS, typos and letter swaps in the label words, chat abbreviations (pw, pwd,
tel, tlf, tfno, cel, nr, n°, dob, iban:) and emoji, OCR confusions inside scanned values (O for 0, l
or I for 1, S for 5, B for 8), and voice-typed text (numbers partly in words, punctuation spelled, no
line breaks). The nine languages of the hidden corpora, weighted to the eight non-English ones.
Content kinds no split had: travel bookings and check-in, insurance claims, rentals, parents'
messages to schools, veterinary records, recruiting and reference checks, complaints with order
numbers, bank disputes and chargebacks, tax advisor chats, pharmacy questions, neighbour and landlord
disputes, dating and classified ads, gaming account recovery, crypto wallets, home routers and Wi-Fi,
smart-home configs, CI of other systems (CircleCI, Jenkinsfile, Bitbucket Pipelines, Azure DevOps,
Drone), systemd units, crontab lines, Makefiles, Vagrantfiles and Procfiles.
Labeled by what may leave the company: credentials and seed phrases, personal bank accounts and
cards, personal identifiers and passports, a person's contact details, a named person's health, a
private address. Look-alikes are vendor: the same forms with placeholders or masked values, fake
samples, statistics and general questions in chat style, companies' public numbers, order, booking
and tracking numbers, frequent-flyer numbers, animal health, a fictional character's illness, public
wallet addresses, configuration that reads its secrets from elsewhere.
Run: python3 tests/corpus/holdout12/generate_holdout12.py"""

import json
import os
import string
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_eu import NUMBER_WORDS  # noqa
from values_world import WorldValues  # noqa

DIGITS = string.digits
UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
HEXD = "0123456789abcdef"
ALNUM = string.ascii_letters + DIGITS

# A few words of the BIP-39 English list (a seed phrase is 12 or 24 of the 2048).
BIP39 = ("abandon ability able about absorb abstract acid acoustic across actor adapt address adjust "
         "advance aerobic afford agent alarm album alcohol alley almost alpha already amazing anchor "
         "angle animal answer antique anxiety apart apology appear arch arctic arena argue armor army "
         "arrow artist ask aspect assault asset athlete atom auction august autumn avocado awake axis "
         "baby bacon badge bamboo banana barrel basic basket battle beach bean beauty become before "
         "begin behave believe bench benefit best betray bicycle bird birth bitter blade blanket blast "
         "bless blossom blue blur board boat body boil bonus book border boring borrow boss bottom "
         "bounce brave bread brick bridge brief bright broccoli bronze brother brush bubble budget "
         "buffalo build bullet bundle burden burst butter cabin cable cactus cage camera canal candy "
         "canvas capital captain carbon cargo carpet castle casual catalog catch cattle cause ceiling "
         "cement census cereal chalk champion chaos chapter charge chase cheap check cheese cherry "
         "chicken chief chimney choice chunk circle citizen claim clap clarify claw clay clever cliff "
         "climb clinic clock cloud clown cluster coach coconut coffee coil column comfort company "
         "coral corn cotton couch country cousin cradle craft crane crash crater crazy cream credit "
         "cricket crisp crouch crowd cruise crystal cube culture cupboard curtain cushion cycle").split()


class H12Values(WorldValues):
    IBAN_LENGTHS = dict(WorldValues.IBAN_LENGTHS, DE=(22, "n"), FR=(27, "n"), ES=(24, "n"))

    def mail(self, person, domain=None):
        first, last = (person.split(" ", 1) + [""])[:2]
        f, l = nd(first).lower().replace(" ", ""), nd(last).lower().replace(" ", "")
        local = self.pick([f + "." + l, f[0] + l, f + l[:1] + str(self.r.randint(70, 99)), l + "." + f,
                           f + "_" + l, f + str(self.r.randint(1, 999))])
        domain = domain or self.pick(["gmail.com", "gmx.de", "web.de", "orange.fr", "free.fr", "hotmail.es",
                                      "libero.it", "ziggo.nl", "sapo.pt", "wp.pl", "onet.pl", "outlook.com",
                                      "icloud.com", "yahoo.co.jp"])
        return local + "@" + domain

    def passport(self, lang):
        """Passport numbers in each country's layout (no check digit outside the MRZ)."""
        if lang == "de":
            return self.s(1, "CFGHJK") + self.s(8, "CFGHJKLMNPRTVWXYZ0123456789")
        if lang == "fr":
            return self.s(2, DIGITS) + self.s(2, UPPER) + self.s(5, DIGITS)
        if lang == "es":
            return self.s(3, UPPER) + self.s(6, DIGITS)
        if lang in ("it", "pl", "ja"):
            return self.s(2, UPPER) + self.s(7, DIGITS)
        if lang == "nl":
            return self.s(2, "ABCDEFGHIJKLMNPRSTUVWXYZ") + self.s(6, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789") + self.s(1, DIGITS)
        if lang == "pt":
            return self.s(1, UPPER) + self.s(6, DIGITS)
        return self.s(9, DIGITS)

    def seed(self, n=12):
        return " ".join(self.pick(BIP39) for _ in range(n))

    def eth_address(self):
        return "0x" + self.s(40, "0123456789abcdefABCDEF")

    def btc_address(self):
        return "bc1q" + self.s(38, "qpzry9x8gf2tvdw0s3jn54khce6mua7l")

    def hex(self, n):
        return self.s(n, HEXD)

    def wifi_key(self):
        return self.pick([self.s(16, ALNUM), self.s(20, LOWER + DIGITS), self.password()])

    def order_no(self):
        return self.pick(["%03d-%07d-%07d" % (self.r.randint(300, 499), self.r.randint(0, 9999999),
                                              self.r.randint(0, 9999999)),
                          "#" + self.s(8, DIGITS), "BE" + self.s(8, DIGITS), "ORD-" + self.s(6, DIGITS)])

    def tracking(self):
        return self.pick(["1Z" + self.s(16, UPPER + DIGITS), "JJD" + self.s(18, DIGITS),
                          self.s(2, UPPER) + self.s(9, DIGITS) + "DE"])

    def booking_ref(self):
        return self.s(6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    def ffn(self):
        return self.pick(["9920 " + self.s(4, DIGITS) + " " + self.s(4, DIGITS) + " " + self.s(3, DIGITS),
                          "AF" + self.s(10, DIGITS), "IB " + self.s(8, DIGITS), self.s(9, DIGITS)])


V = H12Values(20261207)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout12-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content, "evasion": evasion}
    ROWS.append(row)


def nd(text):
    """As typed without diacritics: a phone's or a US keyboard's text."""
    text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


OCR = {"0": "O", "1": "l", "5": "S", "8": "B"}


def ocr(value, count=2):
    """A scanned value: a few digits read as the letters they look like."""
    idx = [i for i, c in enumerate(value) if c in OCR]
    R.shuffle(idx)
    chars = list(value)
    for i in idx[:count]:
        chars[i] = OCR[chars[i]] if chars[i] != "1" else R.choice("lI")
    return "".join(chars)


def said(digits, lang, share=0.6):
    """Digits as dictation software writes them: partly number words, partly digits."""
    words = NUMBER_WORDS[lang]
    out = []
    for c in digits:
        if c.isdigit():
            out.append(nd(words[int(c)]) if R.random() < share and lang != "ja" else c)
    return " ".join(out)


def P(lang):
    return V.person(lang)


FEMALE = {"de": ["Sabine", "Anja", "Katrin", "Julia"], "fr": ["Camille", "Élodie", "Céline", "Léa"],
          "es": ["Laura", "Lucía", "Carmen", "Marta"], "it": ["Giulia", "Francesca", "Chiara"],
          "nl": ["Sanne", "Femke", "Lotte", "Eline"], "pt": ["Ana", "Inês", "Beatriz", "Mariana"],
          "pl": ["Anna", "Katarzyna", "Magdalena", "Agnieszka"]}


def PF(lang):
    last = V.person(lang).split(" ", 1)[1]
    if lang == "pl" and last.endswith("ski"):
        last = last[:-1] + "a"
    return R.choice(FEMALE[lang]) + " " + last


def ph(region, intl=None):
    return V.phone_eu(region, intl)


def dob(lang):
    return V.dob(lang)


def child_dob(lang):
    y, m, d = R.randint(2012, 2020), R.randint(1, 12), R.randint(1, 28)
    return "%02d.%02d.%04d" % (d, m, y) if lang in ("de", "pl") else "%02d/%02d/%04d" % (d, m, y)


# ------------------------------------------------------------------ travel bookings and check-in
def travel_cases():
    p = P("de")
    add("travel", "sensitive", nd("kannst du mir das formular fuer den online check in ausfuellen? name %s, reisepass nr %s, gueltig bis 03/2031, geburtsdatum %s, staatsangehoerigkeit deutsch" % (p, V.passport("de"), dob("de"))).lower(), "de check-in passport, no diacritics, lower case", "passport", "nodiac+lower")
    p = P("fr")
    add("travel", "sensitive", "TRADUIS EN ANGLAIS STP POUR L'AGENCE : NOM %s NE LE %s PASSEPORT N° %s TEL %s" % (nd(p).upper(), dob("fr"), V.passport("fr"), ph("fr")), "fr passport for agency, caps no diacritics", "passport", "caps+nodiac")
    p = P("es")
    add("travel", "sensitive", "hola me ayudas a escribir un mail al hotel? reserva a nombre de %s, llegamos tarde el viernes, mi tfno es %s y el pasaporte %s por si lo piden 🙏" % (nd(p), ph("es"), V.passport("es")), "es hotel mail with tfno and passport", "passport", "abbrev+emoji")
    p = P("it")
    add("travel", "sensitive", "riassumi x favore: prenotazione volo per %s, passaporto %s, cel %s, data nascita %s, bagaglio 23kg" % (nd(p), V.passport("it"), ph("it"), dob("it")), "it flight booking summary", "passport", "abbrev+nodiac")
    p = P("nl")
    add("travel", "sensitive", "kun je dit netjes maken voor de incheckbalie: naam %s geb %s paspoortnr %s mob %s" % (p, dob("nl"), V.passport("nl"), ph("nl")), "nl check-in with abbreviations", "passport", "abbrev")
    p = P("pt")
    add("travel", "sensitive", "traduz isto para ingles por favor: passageiro %s, passaporte n %s, data de nascimento %s, contacto %s" % (nd(p), V.passport("pt"), dob("pt"), ph("pt")), "pt passenger without diacritics", "passport", "nodiac")
    p = P("pl")
    add("travel", "sensitive", "popraw mi ten mail do biura podrozy prosze: rezerwacja dla %s, nr paszportu %s, pesel %s, tel %s dzieki!!" % (nd(p), V.passport("pl"), V.pl_pesel(), ph("pl")), "pl travel agency with PESEL", "national_id", "nodiac")
    add("travel", "sensitive", "pasupooto bangou %s, namae %s, seinengappi %s. kore wo eigo no check-in form ni irete kudasai" % (V.passport("ja"), "Tanaka Yui", "1988/04/12"), "ja romaji passport for check-in form", "passport", "romaji")
    add("travel", "sensitive", "Scanned my passport page for the visa form, OCR gave me this, can you clean it up? PASSPORT NO: %s SURNAME: %s GIVEN NAMES: %s DATE OF BIRTH: %s" % (ocr(V.passport("fr"), 1), "HUGHES", "GRACE", "l4 MAR 199O"), "en OCR passport page", "passport", "ocr")
    p = P("de")
    add("travel", "sensitive", "schreib an den mietwagen verleih dass die kaution von meiner kreditkarte %s abgebucht werden soll, karteninhaber %s" % (V.card(sep=" "), nd(p)), "de rental car deposit card", "card", "nodiac+lower")
    # vendor
    add("travel", "vendor", "kannst du mir sagen warum meine meilen nicht gutgeschrieben wurden? vielfliegernummer %s, flug LH%s am 12.03, buchungscode %s" % (V.ffn(), V.s(4, DIGITS), V.booking_ref()), "de frequent flyer and booking code", "loyalty", "nodiac+lower")
    add("travel", "vendor", "REMPLIS LE FORMULAIRE EXEMPLE : NOM : DUPONT JEAN, PASSEPORT N° : XXXXXXXXX, NE LE : JJ/MM/AAAA", "fr form with placeholders caps", "placeholder", "caps+nodiac")
    add("travel", "vendor", "cuantos dias antes tengo que renovar el pasaporte para viajar a eeuu? caduca en mayo y el vuelo es en abril", "es general passport question", "question", "nodiac+lower")
    add("travel", "vendor", "riassumi: volo AZ%s Roma-Tokyo, codice prenotazione %s, posto 23C, bagaglio da stiva 1 pz ✈️" % (V.s(3, DIGITS), V.booking_ref()), "it booking summary without identifiers", "booking", "emoji")
    add("travel", "vendor", "hoe lang duurt het om een paspoort aan te vragen bij de gemeente? en wat kost het in 2026", "nl general passport question", "question", "lower")
    add("travel", "vendor", "tlumacz: numer rezerwacji %s, lot LO%s, odprawa online od 24h przed wylotem" % (V.booking_ref(), V.s(3, DIGITS)), "pl booking number", "booking", "nodiac")


# ------------------------------------------------------------------ insurance claims
def insurance_cases():
    p = P("de")
    add("insurance", "sensitive", "formulier mal bitte die schadenmeldung fuer die hausrat versicherung, versicherungsnehmer %s, geb %s, iban %s, schaden: fahrrad gestohlen" % (nd(p), dob("de"), V.iban_cc("DE", grouped=True)), "de household claim with IBAN", "iban", "nodiac+lower")
    p = P("fr")
    add("insurance", "sensitive", "resume pour la mutuelle svp : mon fils %s a ete hospitalise pour une appendicite, numero de secu %s, je joins la facture" % (nd(p), V.fr_nir(spaced=True)), "fr mutual insurance claim with NIR", "national_id", "nodiac")
    p = P("es")
    add("insurance", "sensitive", "ESCRIBE UNA RECLAMACION AL SEGURO DEL COCHE: ASEGURADA %s DNI %s TELEFONO %s EL OTRO CONDUCTOR SE DIO A LA FUGA" % (nd(p).upper(), V.es_dni(), ph("es")), "es car insurance claim caps", "national_id", "caps+nodiac")
    p = P("it")
    add("insurance", "sensitive", "mi aiuti a scrivere la denuncia di sinistro? io sono %s cod. fiscale %s, il mio iban per il rimborso e %s" % (nd(p), V.it_fiscal_code(), V.iban_cc("IT")), "it claim with cod. fiscale", "national_id", "abbrev+nodiac")
    p = P("nl")
    add("insurance", "sensitive", "herschrijf beleefder: ik wacht nu 6 weken op de uitbetaling van mijn claim!!! mijn bsn is %s en rekeningnr %s 😡" % (V.nl_bsn(), V.iban_cc("NL")), "nl angry claim with BSN", "national_id", "emoji")
    p = PF("pt")
    add("insurance", "sensitive", "resume: sinistro do seguro de saude, segurada %s, nif %s, fez cirurgia ao joelho (rotura do menisco) no hospital da luz" % (nd(p), V.pt_nif_personal()), "pt health insurance with NIF", "national_id", "nodiac")
    add("insurance", "sensitive", "ocr of my insurance card came out weird can you fix it: MEMBER %s  SSN %s  GROUP 0042" % ("HARRIS OLIVER", ocr(V.ssn(), 2)), "en OCR insurance card with SSN", "national_id", "ocr+caps")
    # vendor
    add("insurance", "vendor", "was bedeutet selbstbeteiligung bei der kfz versicherung? lohnt sich 500 euro sb oder lieber 300", "de general question", "question", "nodiac+lower")
    add("insurance", "vendor", "traduis : numero de contrat %s, numero de sinistre %s, date du sinistre 02/11" % ("CT" + V.s(8, DIGITS), "SIN-" + V.s(7, DIGITS)), "fr contract and claim numbers", "order", "nodiac")
    add("insurance", "vendor", "modelo de reclamacion: Asegurado: [NOMBRE], DNI: [00000000X], IBAN: ES00 0000 0000 0000 0000 0000", "es template with placeholders", "placeholder", "none")
    add("insurance", "vendor", "quanto costa in media un'assicurazione sanitaria integrativa in italia? dati istat se li hai", "it statistics question", "statistics", "lower")


# ------------------------------------------------------------------ rental and real estate
def rental_cases():
    p = P("de")
    add("rental", "sensitive", "mach daraus eine freundliche mail an den vermieter: hallo herr %s die kaution bitte auf mein konto %s ueberweisen danke, mob %s" % (p.split()[1], V.iban_cc("DE"), ph("de")), "de deposit to tenant's IBAN", "iban", "nodiac+abbrev")
    p = P("fr")
    add("rental", "sensitive", "dossier de location a verifier stp: locataire %s, ne le %s, tel %s, mail %s, salaire net 2300" % (nd(p), dob("fr"), ph("fr"), V.mail(p)), "fr rental file", "contact", "nodiac")
    p = P("es")
    add("rental", "sensitive", "contesta a este inquilino: hola soy %s del piso de la calle mayor 3, el casero no me devuelve la fianza, mi numero de telefono es %s y mi nie %s" % (nd(p), ph("es"), V.es_dni(nie=True)), "es tenant with NIE", "national_id", "nodiac")
    p = P("it")
    add("rental", "sensitive", "CORREGGI LA MAIL PER L'AGENZIA: SONO %s, INTERESSATO ALL'APPARTAMENTO IN VIA ROMA, CELL %s, EMAIL %s" % (nd(p).upper(), ph("it"), V.mail(p).upper()), "it agency mail all caps", "contact", "caps+nodiac")
    p = P("pl")
    add("rental", "sensitive", "przetlumacz na angielski umowe najmu: najemca %s, pesel %s, nr dowodu %s, tel %s" % (nd(p), V.pl_pesel(), V.s(3, UPPER) + V.s(6, DIGITS), ph("pl")), "pl rental contract", "national_id", "nodiac")
    add("rental", "sensitive", "voice note to text, clean it up: hi this is %s about the flat viewing tomorrow my number is %s comma call me after five full stop" % ("Liam Walker", said("07" + V.s(9, DIGITS), "en")), "en dictated number", "phone", "voice")
    p = P("pt")
    add("rental", "sensitive", "escreve ao senhorio mais educado: o esquentador avariou outra vez e ninguem aparece, liguem para %s ou %s, %s" % (ph("pt"), V.mail(p), nd(p)), "pt landlord with phone and mail", "contact", "nodiac")
    # vendor
    add("rental", "vendor", "wie hoch darf die mieterhoehung in muenchen maximal sein? mietpreisbremse gilt doch oder", "de general rent question", "question", "nodiac+lower")
    add("rental", "vendor", "annonce a reformuler: T3 lumineux 68m2, 1150 euros CC, dispo 1er mars, contactez l'agence au 01 00 00 00 00", "fr ad with placeholder number", "placeholder", "nodiac")
    add("rental", "vendor", "TRADUCI: APPARTAMENTO 80 MQ, 3 LOCALI, CLASSE ENERGETICA B, 950 EURO AL MESE, RIF. ANNUNCIO %s" % V.s(6, DIGITS), "it ad reference caps", "order", "caps")
    add("rental", "vendor", "hoeveel huurtoeslag krijg je ongeveer bij een huur van 800 euro? gewoon een schatting", "nl general question", "question", "lower")


# ------------------------------------------------------------------ parents' messages to schools
def school_cases():
    c = PF("de")
    add("school", "sensitive", "bitte hoeflicher formulieren: %s kommt diese woche nicht, sie hat epilepsie und hatte gestern wieder einen anfall, sie muss ihre medikamente nehmen" % nd(c), "de parent child epilepsy", "health", "nodiac+lower")
    c = P("fr")
    add("school", "sensitive", "corrige les fautes stp: bonjour madame, mon fils %s est diabetique type 1, il doit faire son insuline a 12h, merci de le laisser aller a l'infirmerie. tel %s" % (nd(c), ph("fr")), "fr parent child diabetes", "health", "nodiac")
    c = PF("es")
    add("school", "sensitive", "traduce al ingles para el colegio: mi hija %s tiene TDAH diagnosticado y toma metilfenidato, por favor no le den azucar. mama de %s, cel %s" % (nd(c), c.split()[0], ph("es")), "es ADHD child", "health", "nodiac+abbrev")
    c = P("it")
    add("school", "sensitive", "SCRIVI ALLA MAESTRA: %s HA LA CELIACHIA E UN'ALLERGIA GRAVE ALLE NOCCIOLINE, IN CASO DI REAZIONE USARE L'EPIPEN E CHIAMARE IL %s" % (nd(c).upper(), ph("it")), "it allergy caps", "health", "caps")
    c = PF("nl")
    add("school", "sensitive", "kun je dit korter maken: %s is sinds vorige week in behandeling bij de kinderpsychiater voor een angststoornis, ze mist daarom de toetsen. groet, de moeder, tel %s" % (c, ph("nl")), "nl anxiety treatment", "health", "abbrev")
    c = PF("pt")
    add("school", "sensitive", "melhora este texto: a %s nasceu a %s e tem autismo, precisa de apoio na hora do almoco. o meu numero e %s" % (nd(c), child_dob("pt"), ph("pt")), "pt autism child", "health", "nodiac")
    c = P("pl")
    add("school", "sensitive", "popraw prosze: %s ma astme i w czwartek nie moze cwiczyc na wf, ma inhalator w plecaku. tel do mnie %s" % (nd(c), ph("pl")), "pl asthma child", "health", "nodiac")
    # vendor
    add("school", "vendor", "wie schreibe ich eine entschuldigung fuer die schule wenn mein kind krank war? nur ein muster ohne namen bitte", "de template request", "question", "nodiac+lower")
    add("school", "vendor", "combien d'enfants ont un PAI pour allergie alimentaire en france ? c'est pour un expose", "fr statistics", "statistics", "nodiac")
    add("school", "vendor", "rewrite: reminder!! school trip on friday, kids need packed lunch and sunscreen ☀️ pickup 4pm at the gate", "en school trip note", "none", "emoji")


# ------------------------------------------------------------------ veterinary records (animal health)
def vet_cases():
    add("vet", "vendor", "uebersetz den befund vom tierarzt bitte: hund bello, labrador, 7 jahre, diagnose hueftdysplasie beidseitig, therapie meloxicam 1x taeglich", "de dog diagnosis", "animal", "nodiac+lower")
    add("vet", "vendor", "mon chat minou a une insuffisance renale chronique, le veto dit stade 2. c'est grave? combien de temps il lui reste", "fr cat kidney failure", "animal", "nodiac")
    add("vet", "vendor", "RESUME: PERRA 'LUNA', 4 AÑOS, LEISHMANIOSIS POSITIVA, TRATAMIENTO CON ALOPURINOL, CONTROL EN 3 MESES", "es dog leishmaniasis caps", "animal", "caps")
    add("vet", "vendor", "il mio gatto ha il diabete e deve fare l'insulina due volte al giorno, come faccio quando vado in vacanza?", "it cat diabetes", "animal", "lower")
    add("vet", "vendor", "vertaal: paard 'storm', chipnummer %s, kreupel rechtsvoor, röntgenfoto's volgen" % V.s(15, DIGITS), "nl horse with chip number", "animal", "none")
    add("vet", "sensitive", "escreve a confirmacao da consulta: cao rex, vacina da raiva, dona %s, telemovel %s, email %s" % (nd(PF("pt")), ph("pt"), V.mail(P("pt"))), "pt vet appointment with owner's contact", "contact", "nodiac")
    add("vet", "sensitive", "przepisz ladnie: kot filemon, kastracja 14.03, wlasciciel %s, tel %s, platnosc karta" % (nd(P("pl")), ph("pl")), "pl vet with owner's phone", "phone", "nodiac")


# ------------------------------------------------------------------ recruiting and reference checks
def recruiting_cases():
    p = P("de")
    add("recruiting", "sensitive", "fass die referenz zusammen: %s war 3 jahre bei uns, fachlich top, aber war 2024 lange wegen burnout krankgeschrieben, ansonsten zuverlaessig" % p, "de reference with burnout", "health", "nodiac+lower")
    p = P("fr")
    add("recruiting", "sensitive", "reformule pour le client: candidat %s, ne le %s, tel %s, pretentions 48k, dispo immediatement" % (nd(p), dob("fr"), ph("fr")), "fr candidate summary", "contact", "nodiac")
    p = P("es")
    add("recruiting", "sensitive", "resumeme el cv: %s, tlf %s, email %s, 10 anos de experiencia en logistica" % (nd(p), ph("es"), V.mail(p)), "es CV summary with tlf", "contact", "abbrev+nodiac")
    p = P("it")
    add("recruiting", "sensitive", "scrivi un feedback negativo gentile per %s, il colloquio e andato male, ci ha detto che e in cura per una depressione e non se la sente di viaggiare" % nd(p), "it candidate depression", "health", "nodiac")
    p = P("nl")
    add("recruiting", "sensitive", "maak een nette samenvatting van de referentiecheck: %s, vorige werkgever zegt dat hij 2x een officiele waarschuwing kreeg, tel referent %s" % (p, ph("nl")), "nl reference with warnings and phone", "contact", "nodiac")
    add("recruiting", "sensitive", "rirekisho no naiyou wo eigo ni shite: shimei %s, denwa %s, meeru %s" % ("Sato Haruto", ph("jp"), "haruto.sato" + V.s(2, DIGITS) + "@docomo.ne.jp"), "ja romaji CV contact", "contact", "romaji")
    p = PF("pl")
    add("recruiting", "sensitive", "PRZETLUMACZ NA ANGIELSKI: KANDYDATKA %s, DATA URODZENIA %s, TEL %s, ZNAJOMOSC JEZYKA NIEMIECKIEGO B2" % (nd(p).upper(), dob("pl"), ph("pl")), "pl candidate caps", "contact", "caps+nodiac")
    # vendor
    add("recruiting", "vendor", "schreib eine stellenanzeige fuer eine buchhalterin (m/w/d), teilzeit 30h, bewerbungen an jobs@firma.example", "de job ad", "none", "nodiac+lower")
    add("recruiting", "vendor", "quelles questions poser lors d'une prise de references ? donne moi une liste courte", "fr general question", "question", "nodiac")
    add("recruiting", "vendor", "plantilla de oferta: Candidato: <nombre>, Telefono: <xxx xxx xxx>, Salario: <importe>", "es template", "placeholder", "nodiac")
    add("recruiting", "vendor", "quanti candidati in media si presentano per un posto da sviluppatore a milano? hai dei numeri", "it statistics question", "statistics", "lower")


# ------------------------------------------------------------------ customer complaints
def complaint_cases():
    add("complaint", "vendor", "antworte dem kunden freundlich: bestellung %s ist seit 2 wochen nicht da, sendungsnummer %s laut dhl zugestellt aber nix angekommen 😤" % (V.order_no(), V.tracking()), "de complaint with order and tracking", "order", "nodiac+emoji")
    add("complaint", "vendor", "REPONDS AU CLIENT : COMMANDE N° %s, ARTICLE DEFECTUEUX, REMBOURSEMENT SOUS 14 JOURS" % V.order_no(), "fr order number caps", "order", "caps+nodiac")
    add("complaint", "vendor", "contesta a esta queja: pedido nº %s llego roto, la caja estaba aplastada, quiero otro" % V.order_no(), "es broken delivery", "order", "abbrev+nodiac")
    add("complaint", "vendor", "rispondi al cliente: ordine nr %s, tracking %s, il corriere dice destinatario assente" % (V.order_no(), V.tracking()), "it tracking", "order", "abbrev")
    add("complaint", "vendor", "klant klaagt: bestelnr %s, verkeerde maat geleverd, wil ruilen. schrijf een kort antwoord" % V.order_no(), "nl wrong size", "order", "abbrev")
    add("complaint", "vendor", "odpisz klientowi grzecznie: zamowienie nr %s, zwrot przyjety, pieniadze wroca w ciagu 5 dni roboczych" % V.order_no(), "pl return", "order", "nodiac")
    p = P("de")
    add("complaint", "sensitive", "antworte dem kunden: %s, bestellung %s, moechte die rueckerstattung auf iban %s statt auf die karte" % (nd(p), V.order_no(), V.iban_cc("DE", grouped=True)), "de refund to IBAN", "iban", "nodiac+lower")
    p = P("fr")
    add("complaint", "sensitive", "reponds poliment a cette cliente enervee: %s, commande %s, elle veut etre rappelee au %s, c'est la 3e fois!!!" % (nd(p), V.order_no(), ph("fr")), "fr callback number", "phone", "nodiac")
    p = P("pt")
    add("complaint", "sensitive", "responde a reclamacao: cliente %s, encomenda %s, nif para a fatura %s, morada rua das flores 12" % (nd(p), V.order_no(), V.pt_nif_personal()), "pt complaint with NIF", "national_id", "nodiac")
    p = P("es")
    add("complaint", "sensitive", "texto de voz, ponlo bien: soy %s el pedido no ha llegado mi telefono es %s punto gracias" % (nd(p), said(V.phone_eu("es", False).replace(" ", ""), "es")), "es dictated phone", "phone", "voice")
    add("complaint", "sensitive", "pls reply to this customer: card charged twice!! last order was on card %s, name on card %s, pls refund one of them" % (V.card(sep="-"), "Amelia Turner"), "en complaint with card number", "card", "abbrev")


# ------------------------------------------------------------------ bank disputes and chargebacks
def bank_cases():
    p = P("de")
    add("bank", "sensitive", "hilf mir bei der reklamation an die bank: abbuchung von 89,99 die ich nicht kenne, kartennr %s, konto %s, %s" % (V.card(sep=" "), V.iban_cc("DE"), nd(p)), "de chargeback with card", "card", "nodiac+lower")
    p = P("fr")
    add("bank", "sensitive", "REDIGE UNE CONTESTATION DE PRELEVEMENT : TITULAIRE %s IBAN %s MONTANT 49,90 EUR" % (nd(p).upper(), V.iban_cc("FR", grouped=True)), "fr direct-debit dispute caps", "iban", "caps+nodiac")
    p = P("es")
    add("bank", "sensitive", "escaneado del extracto, corrigelo: TITULAR %s IBAN %s" % (nd(p).upper(), ocr(V.iban_cc("ES", grouped=True), 2)), "es OCR statement IBAN", "iban", "ocr")
    p = P("it")
    add("bank", "sensitive", "mi scrivi il disconoscimento per la banca? carta n° %s, addebito non autorizzato del 03/11, sono %s" % (V.card(sep=""), nd(p)), "it card dispute", "card", "abbrev+nodiac")
    p = P("nl")
    add("bank", "sensitive", "ingesproken, maak er een nette mail van: mijn rekeningnummer is %s en de betaling van vijftig euro is twee keer afgeschreven punt groet %s" % (" ".join(V.iban_cc("NL", grouped=True).split()), p), "nl dictated IBAN", "iban", "voice")
    p = P("pl")
    add("bank", "sensitive", "napisz reklamacje do banku: nr karty %s, transakcja z 05.11 na 1200 zl nie byla moja, %s, tel %s" % (V.card(sep=" "), nd(p), ph("pl")), "pl card complaint", "card", "nodiac")
    p = P("pt")
    add("bank", "sensitive", "ajuda me a contestar: iban %s, debito direto nao autorizado, titular %s" % (ocr(V.iban_cc("PT"), 1), nd(p)), "pt debit dispute scanned IBAN", "iban", "ocr+nodiac")
    # vendor
    add("bank", "vendor", "wie lange hab ich zeit eine lastschrift zurueckzugeben? 8 wochen oder?", "de general question", "question", "nodiac+lower")
    add("bank", "vendor", "traduis: la carte se termine par **** **** **** 4821, le litige porte sur 120 euros", "fr masked card", "masked", "nodiac")
    add("bank", "vendor", "IBAN DI ESEMPIO PER IL MANUALE: IT00 X000 0000 0000 0000 0000 000 (NON USARE)", "it sample IBAN caps", "placeholder", "caps")


# ------------------------------------------------------------------ tax advisor chats
def tax_cases():
    p = P("de")
    add("tax", "sensitive", "schreib meiner steuerberaterin: steuer id %s, steuernr %s, ich hab die belege fuer 2025 hochgeladen lg %s" % (V.de_tax_id(spaced=False), V.s(3, DIGITS) + "/" + V.s(3, DIGITS) + "/" + V.s(5, DIGITS), nd(p)), "de tax advisor with Steuer-ID", "national_id", "abbrev+nodiac")
    p = P("fr")
    add("tax", "sensitive", "corrige : numero fiscal %s, revenu fiscal de reference 31 200, je suis %s, ma declaration a ete rejetee" % ("0" + V.s(12, DIGITS), nd(p)), "fr numero fiscal", "national_id", "nodiac")
    p = P("it")
    add("tax", "sensitive", "riassumi per il commercialista: 730 di %s, cf %s, spese mediche 2300 euro per la terapia oncologica" % (nd(p), V.it_fiscal_code()), "it 730 with cf and cancer therapy", "national_id", "abbrev")
    p = P("es")
    add("tax", "sensitive", "pregunta al gestor: mi nif es %s, me ha llegado una paralela de hacienda del 2024, que hago" % V.es_dni(), "es NIF to advisor", "national_id", "nodiac")
    p = P("nl")
    add("tax", "sensitive", "VERTAAL NAAR HET ENGELS: BELASTINGAANGIFTE 2025 VAN %s, BSN %s, TERUGGAAF EUR 812" % (p.upper(), V.nl_bsn()), "nl tax return caps", "national_id", "caps")
    p = P("pt")
    add("tax", "sensitive", "audio transcrito, arruma: o meu nif e %s e o iban para o reembolso e %s ponto obrigado" % (said(V.pt_nif_personal(), "pt", 0.5), V.iban_cc("PT")), "pt dictated NIF and IBAN", "national_id", "voice")
    # vendor
    add("tax", "vendor", "kann ich das arbeitszimmer absetzen wenn ich nur 2 tage homeoffice hab? kurze antwort pls", "de general tax question", "question", "nodiac+lower")
    add("tax", "vendor", "quel est le plafond du PER en 2026 ? et c'est deductible a 100 % ?", "fr general question", "question", "nodiac")
    add("tax", "vendor", "traduci la fattura: %s S.r.l., P.IVA %s, importo 1.220,00 euro iva inclusa" % ("Tecnoservizi", V.it_vat()), "it company VAT number", "company_id", "none")
    add("tax", "vendor", "ile wynosi kwota wolna od podatku w 2026? i czy dalej 12% w pierwszym progu", "pl general tax question", "question", "nodiac+lower")


# ------------------------------------------------------------------ pharmacy questions
def pharmacy_cases():
    p = P("de")
    add("pharmacy", "sensitive", "frag die apotheke fuer mich: rezept fuer %s geb %s, sertralin 100mg, die krankenkasse sagt nicht lieferbar, gibts ein generikum" % (nd(p), dob("de")), "de prescription for named person", "health", "nodiac+lower")
    p = PF("fr")
    add("pharmacy", "sensitive", "ecris au pharmacien: ma mere %s, %s ans, prend du levothyrox et de la metformine, elle a oublie sa carte vitale, son numero de secu %s" % (nd(p), R.randint(60, 85), V.fr_nir()), "fr mother medication with NIR", "health", "nodiac")
    p = P("es")
    add("pharmacy", "sensitive", "RECETA DE %s: TRATAMIENTO ANTIRRETROVIRAL, VIH, RECOGER EN FARMACIA HOSPITALARIA. TRADUCELO AL INGLES" % nd(p).upper(), "es HIV prescription caps", "health", "caps+nodiac")
    p = P("it")
    add("pharmacy", "sensitive", "mi serve un messaggio per la farmacia: %s deve ritirare il litio per il disturbo bipolare, ricetta n %s, tel %s" % (nd(p), V.s(15, DIGITS), ph("it")), "it lithium bipolar", "health", "nodiac")
    p = P("pl")
    add("pharmacy", "sensitive", "napisz do apteki: recepta dla %s, pesel %s, insulina, odbior jutro" % (nd(p), V.pl_pesel()), "pl prescription PESEL", "national_id", "nodiac")
    add("pharmacy", "sensitive", "yakkyoku ni okuru bun wo teinei ni shite: %s, shohousen ni kouutsuyaku, utsubyou no chiryou chuu desu" % "Suzuki Kenta", "ja romaji depression prescription", "health", "romaji")
    # vendor
    add("pharmacy", "vendor", "kann man ibuprofen und paracetamol zusammen nehmen? wie viele stunden abstand", "de general question", "question", "nodiac+lower")
    add("pharmacy", "vendor", "c'est quoi la difference entre doliprane et dafalgan? meme molecule non?", "fr general question", "question", "nodiac")
    add("pharmacy", "vendor", "HAY GENERICO DEL OMEPRAZOL DE 40MG? CUANTO CUESTA SIN RECETA", "es general caps", "question", "caps+nodiac")
    add("pharmacy", "vendor", "hoeveel mensen in nederland gebruiken antidepressiva? cbs cijfers graag", "nl statistics", "statistics", "lower")
    add("pharmacy", "vendor", "bula do medicamento: tomar 1 comprimido de 8 em 8 horas. traduz para ingles", "pt leaflet", "none", "nodiac")


# ------------------------------------------------------------------ neighbour and landlord disputes
def neighbour_cases():
    p = P("de")
    add("neighbour", "sensitive", "formulier das hoeflicher an die hausverwaltung: der nachbar %s aus dem 2. stock ist wieder betrunken rumgelaufen, er ist alkoholiker und seit der entzugsklinik wirds nicht besser" % nd(p), "de neighbour alcoholism", "health", "nodiac+lower")
    p = P("fr")
    add("neighbour", "sensitive", "mail au syndic a corriger: je suis %s, appartement 14, les travaux du voisin font du bruit jusqu'a 23h. joignable au %s" % (nd(p), ph("fr")), "fr syndic with phone", "phone", "nodiac")
    p = P("it")
    add("neighbour", "sensitive", "LETTERA ALL'AMMINISTRATORE: SONO %s, INTERNO 5, LE INFILTRAZIONI DAL TETTO CONTINUANO. CELL %s, MAIL %s" % (nd(p).upper(), ph("it"), V.mail(p)), "it caps letter", "contact", "caps")
    p = P("nl")
    add("neighbour", "sensitive", "maak dit minder boos: de buurvrouw %s belt steeds de politie op ons, ze heeft schizofrenie volgens de woningcorporatie 🙄" % p, "nl neighbour schizophrenia", "health", "emoji")
    add("neighbour", "vendor", "darf mein vermieter einfach in die wohnung wenn ich nicht da bin? kurze antwort", "de general question", "question", "nodiac+lower")
    add("neighbour", "vendor", "quelles sont les heures de tapage nocturne en france ? c'est 22h ?", "fr general question", "question", "nodiac")
    add("neighbour", "vendor", "escribe una nota para el portal: se ruega no dejar bicicletas en la entrada. la comunidad 🚲", "es community note", "none", "emoji")
    add("neighbour", "vendor", "napisz pismo do spoldzielni w sprawie halasu, bez danych osobowych, ogolny wzor", "pl template request", "question", "nodiac")


# ------------------------------------------------------------------ dating apps and classified ads
def dating_cases():
    add("dating", "sensitive", "mach die nachricht witziger: hey du, hab dein profil gesehen 😊 lust auf nen kaffee? schreib mir auf whatsapp %s" % ph("de"), "de dating whatsapp", "phone", "emoji+lower")
    add("dating", "sensitive", "reformule ca pour leboncoin: vends velo enfant 40 euros, appelez moi au %s apres 18h, %s" % (ph("fr"), nd(P("fr")).split()[0]), "fr classified ad phone", "phone", "nodiac")
    add("dating", "sensitive", "MEJORA EL ANUNCIO: SE ALQUILA PLAZA DE GARAJE, 60 EUROS, LLAMAR AL %s (PREGUNTAR POR %s)" % (ph("es"), nd(P("es")).split()[0].upper()), "es garage ad caps", "phone", "caps+nodiac")
    add("dating", "sensitive", "traduci in inglese: ciao sono %s, 34 anni, ti lascio il mio numero %s, scrivimi 😘" % (nd(P("it")).split()[0], said(V.phone_eu("it", False).replace(" ", "").replace("-", ""), "it", 0.4)), "it dating number partly in words", "phone", "voice+emoji")
    add("dating", "sensitive", "marktplaats advertentie herschrijven: bank te koop, ophalen in utrecht, bel %s of mail %s" % (ph("nl"), V.mail(P("nl"))), "nl marketplace ad", "contact", "lower")
    add("dating", "sensitive", "popraw ogloszenie: sprzedam iphone 13, stan idealny, tel %s, %s" % (ph("pl"), nd(P("pl")).split()[0]), "pl ad phone", "phone", "nodiac")
    add("dating", "vendor", "was schreibt man als erste nachricht auf tinder? nicht zu cringe bitte 😅", "de general chat", "question", "emoji+lower")
    add("dating", "vendor", "ameliore l'annonce: canape 3 places, 150 euros, a venir chercher, contact par la messagerie du site uniquement", "fr ad without contact", "none", "nodiac")
    add("dating", "vendor", "anuncio: vendo bici, tlf: 6XX XXX XXX, preguntar por la tarde", "es ad masked", "masked", "abbrev")
    add("dating", "vendor", "vertaal: gratis af te halen, kinderstoel, reageren via de app 🙂", "nl free ad", "none", "emoji")


# ------------------------------------------------------------------ gaming and Discord account recovery
def gaming_cases():
    add("gaming", "sensitive", "hilfe mein steam account wurde gehackt, schreib mir eine nachricht an den support. login war %s pw %s, email %s" % ("dark" + V.s(4, LOWER) + V.s(2, DIGITS), V.password(), V.mail(P("de"))), "de steam with pw", "password", "abbrev+lower")
    add("gaming", "sensitive", "ecris au support discord stp, j'arrive plus a me connecter, mon mdp c'etait %s et mon mail %s" % (V.password(), V.mail(P("fr"))), "fr discord mdp", "password", "abbrev+nodiac")
    add("gaming", "sensitive", "TRADUCE AL INGLES PARA EPIC GAMES: MI CUENTA ES %s Y LA CONTRASENA ERA %s, ME LA CAMBIARON" % (V.s(8, LOWER).upper() + V.s(2, DIGITS), V.password()), "es epic caps password", "password", "caps+nodiac")
    add("gaming", "sensitive", "scrivi al supporto di playstation: account %s, passwrod %s, hanno cambiato la mail di recupero" % ("gamer_" + V.s(5, LOWER), V.password()), "it typo passwrod", "password", "typo")
    add("gaming", "sensitive", "help my discord bot token leaked?? is this bad: %s.%s.%s" % (V.s(26, ALNUM), V.s(6, ALNUM + "_-"), V.s(38, ALNUM + "_-")), "en discord bot token", "api_key", "lower")
    add("gaming", "sensitive", "napisz do supportu riot: nick %s, haslo %s, 2fa nie dziala" % ("xX" + V.s(6, LOWER) + "Xx", V.password()), "pl riot haslo", "password", "nodiac")
    add("gaming", "vendor", "wie aktiviere ich 2fa bei steam? schritt fuer schritt bitte", "de general question", "question", "nodiac+lower")
    add("gaming", "vendor", "mon pseudo c'est %s sur fortnite, ecris une bio drole pour mon profil 😂" % ("Kr4ken" + V.s(3, DIGITS)), "fr gamer tag", "none", "emoji+nodiac")
    add("gaming", "vendor", "scrivi al supporto: il mio account e stato bannato per errore, id partita %s, ho gia cambiato la password" % V.s(10, DIGITS), "it match id", "order", "nodiac")
    add("gaming", "vendor", "schrijf een klacht: mijn skins zijn weg na de update, ordernummer %s, mijn wachtwoord heb ik al gereset" % V.order_no(), "nl skins complaint", "order", "lower")


# ------------------------------------------------------------------ crypto wallets
def crypto_cases():
    add("crypto", "sensitive", "ich hab meine wallet auf dem neuen handy wiederherstellen wollen und es geht nicht, stimmt die seed phrase so? %s" % V.seed(12), "de seed phrase", "seed", "lower")
    add("crypto", "sensitive", "MA METAMASK NE MARCHE PLUS, VOICI MA PHRASE DE RECUPERATION : %s" % V.seed(12).upper(), "fr recovery phrase caps", "seed", "caps")
    add("crypto", "sensitive", "por que da error este script? from web3 import Web3\nw3 = Web3(Web3.HTTPProvider(RPC))\nacct = w3.eth.account.from_key('0x%s')" % V.hex(64), "es private key in script", "private_key", "none")
    add("crypto", "sensitive", "controlla se le 24 parole sono giuste x favore: %s" % V.seed(24), "it 24-word mnemonic", "seed", "abbrev")
    add("crypto", "sensitive", "wat betekent deze fout? Error: invalid mnemonic\nconst wallet = ethers.Wallet.fromPhrase(\"%s\")" % V.seed(12), "nl mnemonic in code", "seed", "none")
    add("crypto", "sensitive", "ajuda, o exchange pede isto para verificar: chave privada %s. devo mandar?" % V.hex(64), "pt private key hex", "private_key", "nodiac")
    add("crypto", "vendor", "kannst du pruefen ob das eine gueltige eth adresse ist? %s" % V.eth_address(), "de public ETH address", "public_address", "nodiac+lower")
    add("crypto", "vendor", "traduis : pour recevoir le paiement envoyez les BTC a l'adresse %s (reseau bitcoin uniquement)" % V.btc_address(), "fr public BTC address", "public_address", "nodiac")
    add("crypto", "vendor", "que es una seed phrase y por que nunca hay que compartirla? explicalo facil", "es general question", "question", "nodiac")
    add("crypto", "vendor", "spiega questa transazione: tx hash 0x%s, gas 21000, stato: success" % V.hex(64), "it tx hash", "hash", "none")
    add("crypto", "vendor", "example in the docs: mnemonic = \"test test test test test test test test test test test junk\" (hardhat default)", "en hardhat default mnemonic", "docs", "lower")
    add("crypto", "vendor", "ile kosztuje przelew btc teraz? oplaty sa chyba wysokie", "pl general question", "question", "nodiac+lower")


# ------------------------------------------------------------------ home routers and Wi-Fi
def wifi_cases():
    add("wifi", "sensitive", "schreib eine notiz fuer die gaeste: wlan name %s, wlan passwort %s, bitte nicht weitergeben 😉" % ("FRITZ!Box 7590 " + V.s(2, UPPER), V.wifi_key()), "de guest wifi note", "password", "nodiac+emoji")
    add("wifi", "sensitive", "pourquoi mon wpa_supplicant.conf marche pas?\nnetwork={\n ssid=\"Livebox-%s\"\n psk=\"%s\"\n}" % (V.s(4, "0123456789ABCDEF"), V.wifi_key()), "fr wpa_supplicant psk", "password", "nodiac")
    add("wifi", "sensitive", "TRADUCE LA ETIQUETA DEL ROUTER: SSID MOVISTAR_%s CLAVE WPA2 %s" % (V.s(4, "0123456789ABCDEF"), V.s(20, UPPER + DIGITS)), "es router label caps", "password", "caps")
    add("wifi", "sensitive", "il router non si collega, config: wan pppoe user %s pass %s, gateway 192.168.1.1" % (V.s(8, LOWER) + "@tim.it", V.password()), "it pppoe credentials", "password", "abbrev")
    add("wifi", "sensitive", "wifi wachtwoord staat op de sticker maar werkt niet, klopt dit formaat? wpa key: %s" % V.s(16, LOWER + DIGITS), "nl wpa key", "password", "lower")
    add("wifi", "vendor", "wie aendere ich das wlan passwort bei der fritzbox? schritt fuer schritt", "de general question", "question", "nodiac+lower")
    add("wifi", "vendor", "explique moi la difference entre wpa2 et wpa3, c'est vraiment plus sur ?", "fr general question", "question", "nodiac")
    add("wifi", "vendor", "etiqueta de ejemplo del manual: SSID: MiRed-XXXX, Clave: ********", "es masked label", "masked", "nodiac")
    add("wifi", "vendor", "qual e o melhor canal wifi para 5ghz? tenho muitos vizinhos", "pt general question", "question", "nodiac+lower")


# ------------------------------------------------------------------ smart home and IoT configs
def iot_cases():
    add("iot", "sensitive", "mein home assistant startet nicht, was ist falsch?\n# secrets.yaml\nwifi_ssid: Zuhause\nwifi_password: %s\nmqtt_password: %s" % (V.password(), V.password()), "de home assistant secrets.yaml", "password", "lower")
    add("iot", "sensitive", "esphome me da error al compilar:\nwifi:\n  ssid: \"Casa\"\n  password: \"%s\"\napi:\n  encryption:\n    key: \"%s\"" % (V.password(), V.b64_secret(32)), "es esphome config", "password", "none")
    add("iot", "sensitive", "perche tasmota non si connette al broker? MqttHost broker.local; MqttUser casa; MqttPassword %s" % V.password(), "it tasmota mqtt", "password", "none")
    add("iot", "sensitive", "zigbee2mqtt log zegt not authorized, config:\nmqtt:\n  server: mqtt://broker.thuis:1883\n  user: z2m\n  password: %s" % V.password(), "nl zigbee2mqtt", "password", "none")
    add("iot", "vendor", "home assistant secrets.yaml beispiel:\nwifi_password: !secret wifi_password\nmqtt_password: \"<dein-passwort>\"", "de placeholder secrets", "placeholder", "none")
    add("iot", "vendor", "quelle ampoule connectee marche avec zigbee et alexa ? budget 20 euros", "fr general question", "question", "nodiac")
    add("iot", "vendor", "esphome:\n  name: sensor-cocina\nwifi:\n  ssid: !secret wifi_ssid\n  password: !secret wifi_password\n# por que no compila?", "es esphome with !secret", "placeholder", "none")


# ------------------------------------------------------------------ CI of other systems
def ci_cases():
    add("ci", "sensitive", "warum schlaegt der circleci job fehl?\nversion: 2.1\njobs:\n  deploy:\n    docker:\n      - image: cimg/node:20.11\n    environment:\n      NPM_TOKEN: npm_%s\n      DEPLOY_PASS: %s" % (V.s(36, ALNUM), V.password()), "de circleci env secrets", "api_key", "lower")
    add("ci", "sensitive", "pourquoi ce Jenkinsfile plante ?\npipeline {\n  agent any\n  environment {\n    DB_PASSWORD = '%s'\n  }\n  stages { stage('Build') { steps { sh 'make' } } }\n}" % V.password(), "fr Jenkinsfile password", "password", "nodiac")
    add("ci", "sensitive", "corrige mi bitbucket-pipelines.yml:\npipelines:\n  default:\n    - step:\n        script:\n          - export AWS_ACCESS_KEY_ID=%s\n          - export AWS_SECRET_ACCESS_KEY=%s\n          - aws s3 sync dist s3://web" % (V.aws_key_id(), V.aws_secret()), "es bitbucket aws keys", "aws_key", "nodiac")
    add("ci", "sensitive", "azure devops pipeline da errore, aiutami:\nvariables:\n  sqlPassword: '%s'\nsteps:\n- script: sqlcmd -S db -U sa -P $(sqlPassword)" % V.password(), "it azure devops variable", "password", "none")
    add("ci", "sensitive", "drone build faalt:\nsteps:\n- name: publish\n  image: plugins/docker\n  settings:\n    username: deploy\n    password: %s" % V.password(), "nl drone settings", "password", "none")
    add("ci", "sensitive", "PQ O JENKINS NAO AUTENTICA? withCredentials nao uso, esta assim: sh 'curl -u admin:%s https://nexus.interno/repo'" % V.password(), "pt jenkins curl -u caps", "password", "caps+nodiac")
    add("ci", "sensitive", "dlaczego gitlab runner nie startuje? config.toml:\n[[runners]]\n  url = \"https://gitlab.firma.pl\"\n  token = \"glrt-%s\"" % V.s(20, ALNUM + "_-"), "pl runner token", "api_key", "nodiac")
    add("ci", "vendor", "circleci config:\njobs:\n  deploy:\n    steps:\n      - run: npm publish\n    # NPM_TOKEN kommt aus dem context 'npm-publish'\nworkflows:\n  main:\n    jobs: [{deploy: {context: npm-publish}}]", "de circleci with context", "placeholder", "lower")
    add("ci", "vendor", "pipeline {\n  environment { DB_PASSWORD = credentials('db-pass') }\n  stages { stage('Test') { steps { sh 'mvn test' } } }\n}\n// pourquoi credentials() renvoie null ?", "fr jenkins credentials()", "placeholder", "nodiac")
    add("ci", "vendor", "script:\n  - export AWS_ACCESS_KEY_ID=$AWS_ACCESS_KEY_ID\n  - aws s3 sync dist s3://web\n# bitbucket: las variables estan en repository variables, esta bien asi?", "es bitbucket env refs", "placeholder", "nodiac")
    add("ci", "vendor", "variables:\n- group: prod-secrets\nsteps:\n- script: sqlcmd -S db -U sa -P $(sqlPassword)\n# il gruppo e collegato a key vault", "it azure variable group", "placeholder", "none")
    add("ci", "vendor", "settings:\n  password:\n    from_secret: docker_password\n# drone: is from_secret veilig genoeg?", "nl drone from_secret", "placeholder", "lower")


# ------------------------------------------------------------------ systemd, cron, Makefiles, Vagrantfiles, Procfiles
def unit_cases():
    add("unitfile", "sensitive", "warum startet der dienst nicht?\n[Service]\nExecStart=/opt/app/bin/server\nEnvironment=DB_PASSWORD=%s\nEnvironment=PORT=8080" % V.password(), "de systemd Environment password", "password", "lower")
    add("unitfile", "sensitive", "le cron ne tourne pas, pourquoi ?\n0 3 * * * PGPASSWORD=%s pg_dump -h db.interne -U backup prod > /backup/prod.sql" % V.password(), "fr crontab PGPASSWORD", "password", "nodiac")
    add("unitfile", "sensitive", "arregla este Makefile:\ndeploy:\n\tdocker login -u ci -p %s registry.empresa.es\n\tdocker push registry.empresa.es/app" % V.password(), "es Makefile docker login", "password", "nodiac")
    add("unitfile", "sensitive", "vagrant up si blocca, ecco il Vagrantfile:\nVagrant.configure(\"2\") do |config|\n  config.vm.box = \"ubuntu/jammy64\"\n  config.ssh.password = \"%s\"\nend" % V.password(), "it Vagrantfile ssh password", "password", "none")
    add("unitfile", "sensitive", "Procfile werkt niet op heroku:\nweb: STRIPE_KEY=%s gunicorn app:app" % V.stripe(), "nl Procfile stripe key", "api_key", "none")
    add("unitfile", "sensitive", "[Unit]\nDescription=bot\n[Service]\nEnvironment=\"TELEGRAM_TOKEN=%s:%s\"\nExecStart=/usr/bin/python3 bot.py\n# por que o servico reinicia sempre?" % (V.s(10, DIGITS), V.s(35, ALNUM + "_-")), "pt systemd telegram token", "api_key", "nodiac")
    add("unitfile", "sensitive", "crontab -l pokazuje to, czemu nie dziala?\n*/5 * * * * curl -s https://%s:%s@api.firma.pl/ping" % ("monitor", V.password()), "pl crontab url credentials", "password", "nodiac")
    add("unitfile", "vendor", "[Service]\nExecStart=/opt/app/bin/server\nEnvironmentFile=/etc/app/secrets.env\n# warum liest der dienst die datei nicht?", "de systemd EnvironmentFile", "placeholder", "lower")
    add("unitfile", "vendor", "0 3 * * * /usr/local/bin/backup.sh >> /var/log/backup.log 2>&1\nc'est quoi le 2>&1 ?", "fr crontab question", "none", "nodiac")
    add("unitfile", "vendor", "deploy:\n\techo $$REGISTRY_PASSWORD | docker login -u ci --password-stdin registry.empresa.es\n# funciona el $$ en make?", "es Makefile stdin password", "placeholder", "nodiac")
    add("unitfile", "vendor", "web: gunicorn app:app --workers 3\nworker: celery -A tasks worker\n// wat doet de worker regel?", "nl Procfile", "none", "lower")
    add("unitfile", "vendor", "config.vm.network \"forwarded_port\", guest: 80, host: 8080\n# ile pamieci dac maszynie vagranta?", "pl Vagrantfile no secrets", "none", "nodiac")


# ------------------------------------------------------------------ fiction and chatter (look-alikes)
def fiction_cases():
    add("fiction", "vendor", "schreib das kapitel weiter: kommissarin lena voss erfaehrt beim arzt, dass sie leukaemie hat. sie sagt es niemandem, nicht mal ihrem partner. (mein roman)", "de novel character leukemia", "fiction", "nodiac+lower")
    add("fiction", "vendor", "pour ma nouvelle : le heros, Marius, apprend qu'il est seropositif en 1987 et cache la nouvelle a sa famille. ameliore le dialogue", "fr story HIV fiction", "fiction", "nodiac")
    add("fiction", "vendor", "continua mi cuento: la bruja Morgana tenia una enfermedad que la hacia olvidar todo, el alzheimer de las hadas ✨", "es fairy tale", "fiction", "emoji+nodiac")
    add("fiction", "vendor", "nella mia fanfiction il protagonista soffre di depressione dopo la guerra dei draghi, rendi la scena piu cupa", "it fanfiction depression", "fiction", "nodiac")
    add("fiction", "vendor", "schrijf een gedicht over een robot die kanker krijgt, voor een kinderboek", "nl poem robot", "fiction", "lower")
    add("chatter", "vendor", "ich bin so muede heute lol, kannst du mir 3 ideen fuers abendessen geben? 🍝", "de chatter", "none", "emoji+nodiac+lower")
    add("chatter", "vendor", "JE SUIS EN RETARD AU BOULOT, ECRIS UN SMS A MON CHEF QUE LE TRAIN EST BLOQUE", "fr chatter caps", "none", "caps+nodiac")
    add("chatter", "vendor", "tengo un resfriado normal y mañana tengo examen, como me concentro mejor? jaja", "es own cold chatter", "question", "lower")
    add("chatter", "vendor", "reescribe: oi pessoal! churrasco no sabado as 13h, tragam bebidas 🍻", "pt party invite", "none", "emoji")
    add("chatter", "vendor", "kyou wa tsukareta kara, karee no kantan na reshipi oshiete", "ja romaji chatter", "none", "romaji")


# ------------------------------------------------------------------ Japanese typed in half-width katakana or mixed scripts
def ja_cases():
    add("japanese", "sensitive", "この予約確認メールを英語にして：ｵｷｬｸｻﾏ ﾀﾅｶ ﾕｲ ｻﾏ ﾃﾞﾝﾜ %s ﾊﾟｽﾎﾟｰﾄ %s" % (ph("jp", False), V.passport("ja")), "ja half-width katakana booking", "passport", "halfwidth")
    add("japanese", "sensitive", "ﾏｲﾅﾝﾊﾞｰ %s を書類に書くけど、この形式で合ってる？" % V.jp_my_number(), "ja half-width my number", "national_id", "halfwidth")
    add("japanese", "sensitive", "上司に送るメール、もう少し丁寧に直して。「佐藤さんはうつびょうで来月まで休職です。本人には内緒で」", "ja depression in hiragana", "health", "kana")
    add("japanese", "sensitive", "wifi no pasuwaado wo wasureta, router no label ni kaitearu kore de atteru? PASS: %s" % V.s(13, UPPER + DIGITS), "ja romaji wifi label", "password", "romaji+caps")
    add("japanese", "vendor", "ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞの更新ってどこでできる？", "ja general question half-width", "question", "halfwidth")
    add("japanese", "vendor", "犬のポチが糖尿病って言われた。インスリンの打ち方を教えて", "ja dog diabetes", "animal", "none")


travel_cases()
insurance_cases()
rental_cases()
school_cases()
vet_cases()
recruiting_cases()
complaint_cases()
bank_cases()
tax_cases()
pharmacy_cases()
neighbour_cases()
dating_cases()
gaming_cases()
crypto_cases()
wifi_cases()
iot_cases()
ci_cases()
unit_cases()
fiction_cases()
ja_cases()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout12.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
