#!/usr/bin/env python3
"""Writes the fifteenth held-out split (tests/corpus/holdout15/holdout15.jsonl), issue 17 round 11, run
once as written. Its style is business systems' machine formats, which no split had as such:
webhook and API payloads of payment, commerce, CRM, support, messaging and HR systems (Stripe,
Shopify, Adyen, Mollie, Klarna, Salesforce, HubSpot, Zendesk, Twilio, SendGrid, Personio, SAP
SuccessFactors, Workday) in JSON and XML; raw MIME e-mail as exported (.eml) with quoted-printable
and base64 parts, HTML bodies with entities and forwarded chains; syslog/journald, Windows Event Log
XML, auditd, Apache/IIS access logs and application JSON logs; SOAP with WS-Security, SAML
assertions, LDIF exports, GraphQL, protobuf text format, gRPC metadata and OpenAPI examples; EDI
(X12 837/835/810/850, EDIFACT INVOIC/PAXLST, SWIFT MT103); database and BI exports (Elasticsearch
hits, MongoDB shell output, Redis MONITOR, Avro/Parquet dumps, SpreadsheetML). The human fields
(names, notes, addresses, health notes) are in the nine languages, weighted to the eight non-English
ones. Labeled by what may leave the company: credentials, cards, IBANs, identifiers, a person's
contact details, health and passport data, and the overlay's hosts and customers stay inside.
Look-alikes are vendor: test-mode keys and documentation payloads, masked fields, tokenized card
references, hashed e-mails, companies' registration and VAT numbers with valid check digits, GTINs,
tracking numbers, message ids, public schemas with no rows, placeholders.
Run: python3 tests/corpus/holdout15/generate_holdout15.py"""

import base64
import hashlib
import json
import os
import quopri
import string
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_world import WorldValues  # noqa

DIGITS = string.digits
UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
HEXD = "0123456789abcdef"
ALNUM = string.ascii_letters + DIGITS

LANGS = ["de", "fr", "es", "it", "nl", "pt", "pl", "ja", "en"]
EU = ["de", "fr", "es", "it", "nl", "pt", "pl"]


class H15Values(WorldValues):
    IBAN_LENGTHS = dict(WorldValues.IBAN_LENGTHS, DE=(22, "n"), FR=(27, "n"), ES=(24, "n"), AT=(20, "n"))

    def hex(self, n):
        return self.s(n, HEXD)

    def whsec(self):
        return "whsec_" + self.s(32, ALNUM)

    def hubspot_pat(self):
        u = self.uuid()
        return "pat-" + self.pick(["eu1", "na1"]) + "-" + u

    def adyen_key(self):
        return "AQE" + self.s(3, ALNUM) + "mfx" + self.s(90, ALNUM + "+/") + "=="

    def mollie_live(self):
        return "live_" + self.s(30, ALNUM)

    def klarna_secret(self):
        return "klarna_live_api_" + self.s(40, ALNUM + "-_")

    def twilio_auth(self):
        return self.hex(32)

    def personio_secret(self):
        return "papi-" + self.s(8, HEXD) + "-" + self.s(4, HEXD) + "-" + self.s(4, HEXD) + "-" + \
            self.s(4, HEXD) + "-" + self.s(12, HEXD)

    def zendesk_token(self):
        return self.s(40, ALNUM)

    def sf_session(self):
        return "00D" + self.s(12, ALNUM) + "!" + self.s(96, ALNUM + ".")

    def bcrypt(self):
        return "$2b$12$" + self.s(53, ALNUM + "./")

    def object_id(self):
        return self.hex(24)

    def mail(self, person, domain=None):
        tr = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "é": "e", "è": "e", "í": "i", "á": "a",
                            "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "ê": "e", "ł": "l", "ś": "s",
                            "ń": "n", "ó": "o", "ż": "z", "ć": "c", "ã": "a", "É": "e", "Ł": "l", " ": ""})
        if not person.isascii() and " " not in person:
            local = self.pick(["yuki.tanaka", "s.sato", "kenji_ito", "m.suzuki", "takahashi.yumi"])
        else:
            first, last = person.split(" ", 1)
            f, l = first.lower().translate(tr), last.lower().translate(tr)
            local = self.pick([f + "." + l, f[0] + l, f + str(self.r.randint(70, 99)), l + "." + f])
        return local + "@" + (domain or self.pick(["gmail.com", "gmx.de", "web.de", "orange.fr", "free.fr",
                                                   "hotmail.es", "libero.it", "ziggo.nl", "sapo.pt", "wp.pl",
                                                   "onet.pl", "docomo.ne.jp", "yahoo.co.jp", "outlook.com",
                                                   "icloud.com", "t-online.de", "laposte.net"]))

    def phone(self, lang):
        region = {"en": "uk", "ja": "jp"}.get(lang, lang)
        return self.phone_eu(region)

    def nat_id(self, lang):
        """A person's national identifier and its local label."""
        if lang == "de":
            return "Steuer-ID", self.de_tax_id()
        if lang == "fr":
            return "NIR", self.fr_nir()
        if lang == "es":
            return "DNI", self.es_dni()
        if lang == "it":
            return "codice fiscale", self.it_fiscal_code()
        if lang == "nl":
            return "BSN", self.nl_bsn()
        if lang == "pt":
            return "NIF", self.pt_nif_personal()
        if lang == "pl":
            return "PESEL", self.pl_pesel()
        if lang == "ja":
            return "マイナンバー", self.jp_my_number()
        return "NINO", self.uk_nino()

    def iban_for(self, lang):
        cc = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL",
              "ja": "DE", "en": "BE"}[lang]
        return self.iban_cc(cc, grouped=self.r.random() < 0.4)

    def passport(self):
        return self.pick(["C", "F", "X", "Y", "A", "P"]) + self.s(2, UPPER + DIGITS) + self.s(6, DIGITS)

    def de_vat(self):
        """A German USt-IdNr (DE + 9 digits, ISO 7064 MOD 11,10): a company's public number."""
        d = [self.r.randint(1, 9)] + [self.r.randint(0, 9) for _ in range(7)]
        p = 10
        for x in d:
            s = (x + p) % 10 or 10
            p = (2 * s) % 11
        check = (11 - p) % 10
        return "DE" + "".join(map(str, d)) + str(check)

    def fr_siren(self):
        body = [self.r.randint(1, 9)] + [self.r.randint(0, 9) for _ in range(7)]
        for c in DIGITS:
            s = "".join(map(str, body)) + c
            if self.luhn_ok(s):
                return s
        raise AssertionError

    def fr_vat(self):
        siren = self.fr_siren()
        key = (12 + 3 * (int(siren) % 97)) % 97
        return "FR%02d%s" % (key, siren)

    def nl_vat(self):
        while True:
            d = [self.r.randint(0, 9) for _ in range(8)]
            total = sum(w * x for w, x in zip(range(9, 1, -1), d)) % 11
            if total <= 9:
                return "NL" + "".join(map(str, d)) + str(total) + "B01"

    def es_cif(self):
        letter = self.pick("ABB")
        d = self.s(7, DIGITS)
        even = sum(int(d[i]) for i in (1, 3, 5))
        odd = sum(sum(divmod(2 * int(d[i]), 10)) for i in (0, 2, 4, 6))
        control = (10 - (even + odd) % 10) % 10
        return letter + d + str(control)

    def gtin(self):
        return self.ean13()

    def ups(self):
        return "1Z" + self.s(6, UPPER + DIGITS) + self.s(10, DIGITS)

    def dhl(self):
        return self.s(10, DIGITS)

    def msgid(self, domain="mail.gmail.com"):
        return "<CA%s%s@%s>" % (self.s(10, ALNUM), self.s(28, ALNUM + "+_-="), domain)

    def ts(self):
        return "2026-%02d-%02dT%02d:%02d:%02d" % (self.r.randint(1, 11), self.r.randint(1, 28),
                                                 self.r.randint(0, 23), self.r.randint(0, 59),
                                                 self.r.randint(0, 59))

    def host(self):
        role = self.pick(["db-prod-%02d" % self.r.randint(1, 40), "vault", "ldap", "sap-erp", "jenkins-ci",
                          "kafka-%02d" % self.r.randint(1, 12), "payments-api", "crm-sync", "dc01", "fs02"])
        return role + "." + self.pick(["corp.globex.internal", "globex-intra.net", "globex.lan"])


V = H15Values(20261215)
R = V.r
ROWS = []

CUSTOMERS = ["Brightwater Logistics", "Kessler Pharma", "Norddeich Versicherung", "Halvorsen Maritime",
             "Pemberton Foods", "Castellan Bank", "Tamura Seiki", "Marchetti Costruzioni"]

ADDR = {
    "de": ["Lindenstraße %d", "Am Mühlbach %d", "Goethestr. %d"], "fr": ["%d rue des Lilas", "%d avenue Jean Jaurès",
                                                                       "%d bis rue Victor Hugo"],
    "es": ["Calle Mayor %d, 3º B", "Avda. de la Constitución %d", "C/ Alcalá %d, 2º izq."],
    "it": ["Via Garibaldi %d", "Corso Vittorio Emanuele %d", "Viale dei Mille %d"],
    "nl": ["Keizersgracht %d", "Dorpsstraat %d", "Prinsengracht %d-II"],
    "pt": ["Rua das Flores %d", "Avenida da Liberdade %d, 3.º Esq.", "Travessa do Carmo %d"],
    "pl": ["ul. Długa %d/4", "ul. Kwiatowa %d m. 12", "al. Jerozolimskie %d"],
    "ja": ["桜新町2-%d-3", "中央区銀座4-%d-1 ハイツ銀座302", "北区梅田1-%d-8"], "en": ["%d Baker Street", "%d Station Road"],
}
CITY = {
    "de": [("80331", "München"), ("50667", "Köln"), ("20095", "Hamburg")],
    "fr": [("69003", "Lyon"), ("33000", "Bordeaux"), ("75011", "Paris")],
    "es": [("28013", "Madrid"), ("08008", "Barcelona"), ("41001", "Sevilla")],
    "it": [("20121", "Milano"), ("00184", "Roma"), ("40121", "Bologna")],
    "nl": [("1015 CW", "Amsterdam"), ("3511 LK", "Utrecht"), ("2511 BT", "Den Haag")],
    "pt": [("4050-262", "Porto"), ("1250-096", "Lisboa"), ("3000-150", "Coimbra")],
    "pl": [("00-238", "Warszawa"), ("31-042", "Kraków"), ("80-831", "Gdańsk")],
    "ja": [("154-0015", "東京都世田谷区"), ("104-0061", "東京都"), ("530-0001", "大阪府大阪市")],
    "en": [("NW1 6XE", "London"), ("M1 1AE", "Manchester")],
}
COUNTRY = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL", "ja": "JP", "en": "GB"}

# Delivery notes a customer types into a shop's checkout, per language.
DELIVERY_NOTE = {
    "de": "Bitte beim Nachbarn im 2. OG abgeben, Klingel defekt",
    "fr": "Merci de laisser le colis chez la gardienne, code porte 4821B",
    "es": "Dejar en conserjería si no estoy, gracias",
    "it": "Citofonare Bianchi, scala B, terzo piano",
    "nl": "Graag bij de buren op nummer 14 afgeven",
    "pt": "Deixar na portaria, por favor",
    "pl": "Proszę zostawić w paczkomacie, nie dzwonić domofonem",
    "ja": "不在の場合は宅配ボックスへお願いします",
    "en": "Leave behind the blue gate please",
}
# A note that tells a person's health, as HR or a shop's support writes it, per language.
HEALTH_NOTE = {
    "de": "Krankmeldung bis 14.03., Diagnose laut AU: mittelgradige depressive Episode",
    "fr": "Arrêt maladie prolongé – suivi pour un cancer du sein, reprise à temps partiel envisagée",
    "es": "Baja médica por trastorno de ansiedad generalizada, revisión con la mutua el día 12",
    "it": "Malattia: in cura per un disturbo bipolare, certificato INPS allegato",
    "nl": "Ziekmelding: burn-out, bedrijfsarts adviseert re-integratie vanaf week 10",
    "pt": "Baixa médica por depressão; acompanhamento psiquiátrico semanal",
    "pl": "Zwolnienie lekarskie L4 – leczenie onkologiczne (chłoniak), powrót nieznany",
    "ja": "うつ病のため休職中。主治医の診断書あり、復職面談は来月予定",
    "en": "Signed off with severe depression, occupational health referral booked",
}
# Pharmacy and medical-supply orders: a customer's condition shows in an order note.
ORDER_HEALTH_NOTE = {
    "de": "Insulin-Pens bitte gekühlt senden, ich bin Typ-1-Diabetikerin",
    "fr": "Traitement antirétroviral VIH, merci d'un emballage discret",
    "es": "Es para mi tratamiento de quimioterapia, urgente por favor",
    "it": "Sono in terapia per epilessia, serve entro venerdì",
    "nl": "Voor mijn insulinepomp (diabetes type 1), graag vóór zaterdag",
    "pt": "Medicação para a minha esclerose múltipla, entregar só a mim",
    "pl": "Leki na schizofrenię dla syna, proszę dyskretnie",
    "ja": "てんかんの薬です。急ぎでお願いします",
}
# An ordinary note with nothing personal in it.
PLAIN_NOTE = {
    "de": "Lieferung an die Warenannahme, Rampe 3", "fr": "Livraison sur quai, créneau 8h-12h",
    "es": "Entrega en muelle 2, horario de 8 a 14", "it": "Consegna al magazzino, rampa 4",
    "nl": "Levering aan dock 5, tussen 7 en 15 uur", "pt": "Entrega no armazém, cais 1",
    "pl": "Dostawa na rampę nr 2, godz. 7-15", "ja": "倉庫受付へ納品してください", "en": "Deliver to dock 4",
}


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout15-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def lang():
    return R.choice(LANGS[:-1]) if R.random() < 0.85 else "en"


def eu():
    return R.choice(EU)


def P(lg):
    return V.person(lg)


def addr(lg):
    street = R.choice(ADDR[lg]) % R.randint(2, 180)
    z, c = R.choice(CITY[lg])
    return street, z, c


def amount():
    return R.randint(1200, 48000)


def jd(obj, indent=None, ascii_=False):
    return json.dumps(obj, indent=indent, ensure_ascii=ascii_)


def ask(lg, what):
    q = {
        "de": {"parse": "Warum schlägt das Parsen dieses Payloads fehl?", "map": "Wie mappe ich diese Felder auf unser Schema?",
               "explain": "Was bedeutet dieser Eintrag?", "fix": "Kannst du mir helfen, den Fehler zu finden?"},
        "fr": {"parse": "Pourquoi le parsing de ce payload échoue-t-il ?", "map": "Comment mapper ces champs vers notre modèle ?",
               "explain": "Que signifie cette entrée ?", "fix": "Peux-tu m'aider à trouver l'erreur ?"},
        "es": {"parse": "¿Por qué falla el parseo de este payload?", "map": "¿Cómo mapeo estos campos a nuestro esquema?",
               "explain": "¿Qué significa esta entrada?", "fix": "¿Me ayudas a encontrar el error?"},
        "it": {"parse": "Perché il parsing di questo payload fallisce?", "map": "Come mappo questi campi sul nostro schema?",
               "explain": "Cosa significa questa voce?", "fix": "Mi aiuti a trovare l'errore?"},
        "nl": {"parse": "Waarom faalt het parsen van deze payload?", "map": "Hoe map ik deze velden op ons schema?",
               "explain": "Wat betekent deze regel?", "fix": "Kun je me helpen de fout te vinden?"},
        "pt": {"parse": "Porque é que o parsing deste payload falha?", "map": "Como mapeio estes campos para o nosso esquema?",
               "explain": "O que significa esta entrada?", "fix": "Podes ajudar-me a encontrar o erro?"},
        "pl": {"parse": "Dlaczego parsowanie tego payloadu się nie udaje?", "map": "Jak zmapować te pola na nasz schemat?",
               "explain": "Co oznacza ten wpis?", "fix": "Pomożesz mi znaleźć błąd?"},
        "ja": {"parse": "このペイロードのパースが失敗する理由は？", "map": "このフィールドを社内スキーマにどうマッピングすればいいですか？",
               "explain": "このエントリは何を意味しますか？", "fix": "エラーの原因を探すのを手伝ってください。"},
        "en": {"parse": "Why does parsing this payload fail?", "map": "How do I map these fields to our schema?",
               "explain": "What does this entry mean?", "fix": "Can you help me find the bug?"},
    }
    return q[lg][what]


# ---------------------------------------------------------------------------------------------- webhooks
def webhook_cases():
    # Shopify orders/create with a customer's contact details and address.
    for lg in ["it", "pl", "ja", "nl"]:
        p = P(lg)
        st, z, c = addr(lg)
        first, last = (p[:2], p[2:]) if lg == "ja" else p.split(" ", 1)
        body = {"id": 5481230000000 + R.randint(1, 999999), "name": "#%d" % R.randint(1001, 9999),
                "email": V.mail(p), "created_at": V.ts() + "+01:00", "currency": "EUR" if lg != "ja" else "JPY",
                "total_price": "%d.%02d" % (R.randint(20, 400), R.randint(0, 99)),
                "note": DELIVERY_NOTE[lg],
                "shipping_address": {"first_name": first, "last_name": last, "address1": st, "zip": z,
                                     "city": c, "country_code": COUNTRY[lg], "phone": V.phone(lg)},
                "line_items": [{"sku": "TSH-%d-BLK-M" % R.randint(100, 999), "quantity": 1,
                                "barcode": V.gtin()}]}
        add("webhook", "sensitive", "X-Shopify-Topic: orders/create\nX-Shopify-Shop-Domain: tienda-demo.myshopify.com\n\n" +
            jd(body, 2) + "\n\n" + ask(lg, "map"), "shopify order webhook, customer contact and address (%s)" % lg,
            "email,phone,address")
    # Shopify pharmacy shop: order note reveals the buyer's condition, name and address but no e-mail.
    for lg in ["de", "es", "pt"]:
        p = P(lg)
        st, z, c = addr(lg)
        body = {"order_number": R.randint(10000, 99999), "customer": {"first_name": p.split()[0],
                                                                     "last_name": p.split(" ", 1)[1]},
                "note": ORDER_HEALTH_NOTE[lg], "shipping_address": {"address1": st, "zip": z, "city": c},
                "line_items": [{"title": "Kühltasche / cool bag", "sku": "CB-%d" % R.randint(100, 999)}]}
        add("webhook", "sensitive", "Webhook orders/paid:\n" + jd(body) + "\n" + ask(lg, "parse"),
            "shopify order note with the buyer's condition (%s)" % lg, "health,name,address")
    # Stripe: a live secret key in a copied request; a webhook signing secret in config.
    sk = V.stripe()
    add("webhook", "sensitive", "curl https://api.stripe.com/v1/refunds \\\n  -u %s: \\\n  -d payment_intent=pi_%s \\\n"
        "  -d reason=requested_by_customer\n\nrefund kommt nicht an, Antwort ist 200 – wieso?" % (sk, V.s(24)),
        "stripe live key in curl -u", "stripe_key")
    wh = V.whsec()
    add("webhook", "sensitive", "# webhooks/stripe.py\nendpoint_secret = '%s'\nevent = stripe.Webhook.construct_event(\n"
        "    payload, request.headers['Stripe-Signature'], endpoint_secret)\n\nSignatureVerificationError en producción, "
        "¿qué puede ser?" % wh, "stripe webhook signing secret", "webhook_secret")
    # Stripe event with a customer's name, e-mail and phone (live mode).
    lg = "fr"
    p = P(lg)
    ev = {"id": "evt_" + V.s(24), "object": "event", "livemode": True, "type": "customer.updated",
          "data": {"object": {"id": "cus_" + V.s(14), "object": "customer", "email": V.mail(p), "name": p,
                              "phone": V.phone(lg), "invoice_settings": {"default_payment_method": "pm_" + V.s(24)},
                              "address": {"line1": addr(lg)[0], "postal_code": addr(lg)[1], "city": "Lyon",
                                          "country": "FR"}}}}
    add("webhook", "sensitive", jd(ev, 2) + "\n\nPourquoi mon handler reçoit deux fois cet événement ?",
        "stripe customer.updated live with contact", "email,phone")
    # Adyen notification: SEPA direct debit with the shopper's IBAN and name.
    lg = "nl"
    p = P(lg)
    ib = V.iban_cc("NL", grouped=False)
    ad = {"live": "true", "notificationItems": [{"NotificationRequestItem": {
        "additionalData": {"bankAccount.iban": ib, "bankAccount.ownerName": p, "shopperEmail": V.mail(p)},
        "amount": {"currency": "EUR", "value": R.randint(1000, 90000)}, "eventCode": "AUTHORISATION",
        "merchantAccountCode": "GlobexNL", "merchantReference": "ORD-%d" % R.randint(100000, 999999),
        "paymentMethod": "sepadirectdebit", "pspReference": V.s(16, DIGITS), "success": "true"}}]}
    add("webhook", "sensitive", "Adyen stuurt dit, maar onze parser ziet 'live' als string:\n" + jd(ad, 2),
        "adyen notification with shopper IBAN", "iban")
    # Adyen API key in a config.
    add("webhook", "sensitive", "adyen:\n  environment: LIVE\n  merchantAccount: GlobexES\n  apiKey: \"%s\"\n"
        "  liveEndpointUrlPrefix: 1797a841fbb37ca7-GlobexES\n\n¿Por qué da 401 en live si en test funciona?" % V.adyen_key(),
        "adyen live api key in yaml", "api_key")
    # Mollie: live API key in PHP; payment with consumer IBAN.
    add("webhook", "sensitive", "<?php\n$mollie = new \\Mollie\\Api\\MollieApiClient();\n$mollie->setApiKey(\"%s\");\n"
        "$payment = $mollie->payments->get($_POST[\"id\"]);\n// webhook geeft 422, waarom?" % V.mollie_live(),
        "mollie live key in php", "api_key")
    lg = "de"
    p = P(lg)
    mo = {"resource": "payment", "id": "tr_" + V.s(10), "mode": "live", "status": "paid",
          "amount": {"value": "%d.00" % R.randint(20, 900), "currency": "EUR"}, "method": "banktransfer",
          "details": {"consumerName": p, "consumerAccount": V.iban_cc("DE", grouped=False), "consumerBic": "COBADEFFXXX"}}
    add("webhook", "sensitive", "GET /v2/payments liefert:\n" + jd(mo, 2) + "\nWie komme ich an das Verwendungszweck-Feld?",
        "mollie payment with consumer account", "iban")
    # Klarna order: billing address with date of birth and national id (Klarna asks for it in some countries).
    lg = "es"
    p = P(lg)
    st, z, c = addr(lg)
    kl = {"order_id": V.uuid(), "status": "AUTHORIZED", "purchase_country": "ES",
          "billing_address": {"given_name": p.split()[0], "family_name": p.split(" ", 1)[1], "email": V.mail(p),
                              "street_address": st, "postal_code": z, "city": c, "phone": V.phone("es")},
          "customer": {"date_of_birth": "%04d-%02d-%02d" % (R.randint(1950, 2000), R.randint(1, 12), R.randint(1, 28)),
                       "national_identification_number": V.es_dni()}}
    add("webhook", "sensitive", jd(kl) + "\n¿Cómo valido que el DNI coincide con el del pedido?",
        "klarna order with dob and DNI", "national_id,email")
    # Klarna credentials.
    add("webhook", "sensitive", "KLARNA_USERNAME=K%d_%s\nKLARNA_PASSWORD=%s\nKLARNA_REGION=eu\n\nnaprawić 401 przy "
        "tworzeniu sesji?" % (R.randint(100000, 999999), V.hex(12), V.klarna_secret()),
        "klarna live api credentials in env", "api_key")

    # Look-alikes: Stripe documentation payloads, test keys, tokenized card references.
    add("webhook", "vendor", jd({"id": "evt_1NG8Du2eZvKYlo2CUI79vXWy", "object": "event", "livemode": False,
                                 "type": "payment_intent.succeeded",
                                 "data": {"object": {"id": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "amount": 2000,
                                                     "currency": "usd", "payment_method": "pm_1MtwBwLkdIwHu7ixBqzCSsY7",
                                                     "payment_method_details": {"card": {"brand": "visa", "last4": "4242",
                                                                                         "exp_month": 8, "exp_year": 2027}},
                                                     "receipt_email": None}}}, 2) +
        "\nWhich field do I read to get the card brand?", "stripe sample event, test mode, last4", "tokenized_card")
    add("webhook", "vendor", "const stripe = Stripe('pk_test_TYooMQauvdEDq54NiTphI7jx');\nconst { paymentMethod } = "
        "await stripe.createPaymentMethod({ type: 'card', card: cardElement });\n// pm_ ids come back fine, "
        "pourquoi confirmCardPayment échoue ?", "stripe documentation publishable test key", "test_key")
    add("webhook", "vendor", "stripe trigger checkout.session.completed\n-> Trigger succeeded! Check dashboard for event "
        "details.\n  customer: cus_%s (test)\n  payment_method: pm_card_visa\n  card: •••• 4242, exp 12/34\n\n"
        "Il webhook locale non riceve nulla, stripe listen --forward-to localhost:4242/webhook è attivo."
        % V.s(14), "stripe cli test trigger", "tokenized_card")
    add("webhook", "vendor", "X-Shopify-Hmac-Sha256: %s\nX-Shopify-Topic: products/update\n\n" % V.b64_secret(32) +
        jd({"id": 632910392, "title": "IPod Nano - 8GB", "vendor": "Apple", "variants": [
            {"sku": "IPOD2008PINK", "barcode": V.gtin(), "price": "199.00", "inventory_quantity": 10}]}, 2) +
        "\nDe HMAC-verificatie faalt, gebruik ik de raw body?", "shopify product webhook with hmac signature",
        "signature,gtin")
    add("webhook", "vendor", jd({"live": "false", "notificationItems": [{"NotificationRequestItem": {
        "additionalData": {"cardSummary": "1111", "expiryDate": "03/2030", "shopperReference": "YOUR_SHOPPER_REFERENCE",
                           "recurring.recurringDetailReference": "8416%s" % V.s(12, DIGITS)},
        "amount": {"currency": "EUR", "value": 1000}, "eventCode": "AUTHORISATION", "merchantAccountCode": "YOUR_MERCHANT_ACCOUNT",
        "merchantReference": "YOUR_REFERENCE", "pspReference": "QFQTPCQ8HXSKGK82", "success": "true"}}]}, 2) +
        "\nEjemplo de la documentación de Adyen: ¿qué es recurringDetailReference?", "adyen documentation sample",
        "documentation_payload")
    add("webhook", "vendor", "$mollie->setApiKey(\"test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM\");\n// uit de Mollie quickstart;"
        " werkt het ook met orders API?", "mollie documentation test key", "test_key")


# ---------------------------------------------------------------------------------------------- CRM, support
def crm_cases():
    # Salesforce REST query result with contacts.
    lg = "de"
    recs = []
    for _ in range(2):
        p = P(lg)
        recs.append({"attributes": {"type": "Contact", "url": "/services/data/v59.0/sobjects/Contact/003" + V.s(15)},
                     "Id": "003" + V.s(15), "Name": p, "Email": V.mail(p), "MobilePhone": V.phone(lg),
                     "Account": {"Name": R.choice(CUSTOMERS)}})
    add("crm", "sensitive", jd({"totalSize": 2, "done": True, "records": recs}, 2) +
        "\nWie bekomme ich nur die Kontakte ohne Opt-in?", "salesforce soql result with contacts", "email,phone")
    # Salesforce session id in a copied header.
    add("crm", "sensitive", "POST /services/data/v59.0/composite/sobjects HTTP/1.1\nHost: globex.my.salesforce.com\n"
        "Authorization: Bearer %s\nContent-Type: application/json\n\nINVALID_FIELD sur Account.Region__c, une idée ?"
        % V.sf_session(), "salesforce access token in header", "token")
    # Salesforce XML (Outbound Message, SOAP) with a lead's data.
    lg = "it"
    p = P(lg)
    add("crm", "sensitive", """<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>00D5g000004%s</OrganizationId>
   <Notification>
    <Id>04l5g00000%s</Id>
    <sObject xsi:type="sf:Lead" xmlns:sf="urn:sobject.enterprise.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
     <sf:FirstName>%s</sf:FirstName>
     <sf:LastName>%s</sf:LastName>
     <sf:Email>%s</sf:Email>
     <sf:Phone>%s</sf:Phone>
     <sf:Codice_Fiscale__c>%s</sf:Codice_Fiscale__c>
    </sObject>
   </Notification>
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>
Il nostro endpoint risponde 500, come deve essere l'ACK?""" % (V.s(4, UPPER), V.s(8, ALNUM), p.split()[0], p.split()[1],
                                                           V.mail(p), V.phone(lg), V.it_fiscal_code()),
        "salesforce outbound message lead with codice fiscale", "national_id,email")
    # HubSpot private app token; contact search response.
    add("crm", "sensitive", "import requests\nHUBSPOT_TOKEN = \"%s\"\nr = requests.post(\"https://api.hubapi.com/crm/v3/"
        "objects/contacts/search\", headers={\"Authorization\": f\"Bearer {HUBSPOT_TOKEN}\"}, json=body)\n"
        "# 429 na 100 calls, hoe throttle ik dit?" % V.hubspot_pat(), "hubspot private app token", "token")
    lg = "pt"
    p = P(lg)
    add("crm", "sensitive", jd({"results": [{"id": str(R.randint(10 ** 10, 10 ** 11)), "properties": {
        "firstname": p.split()[0], "lastname": p.split()[1], "email": V.mail(p), "phone": V.phone(lg),
        "lifecyclestage": "customer", "hs_object_id": str(R.randint(10 ** 10, 10 ** 11)),
        "notas_internas": "Cliente pediu para não ligar depois das 18h; NIF %s para a fatura" % V.pt_nif_personal()},
        "createdAt": V.ts() + "Z"}]}, 2) + "\nComo faço para exportar só estas propriedades?",
        "hubspot contact search result with NIF in a note", "email,phone,national_id")
    # Zendesk ticket with an attachment of a customer's ID card number and a health complaint.
    lg = "fr"
    p = P(lg)
    add("crm", "sensitive", jd({"ticket": {"id": R.randint(100000, 999999), "subject": "Remboursement lunettes",
                                           "requester": {"name": p, "email": V.mail(p)},
                                           "description": "Bonjour, je vous joins ma carte Vitale (n° %s) pour le "
                                                          "remboursement. Merci." % V.fr_nir(),
                                           "tags": ["remboursement", "optique"], "priority": "normal"}}, 2) +
        "\nRésume ce ticket pour l'équipe N2.", "zendesk ticket with NIR", "national_id,email")
    # Zendesk API token as basic auth.
    add("crm", "sensitive", "curl https://globex.zendesk.com/api/v2/tickets.json \\\n  -u agent.support@globex.com/token:%s"
        "\n\n¿por qué devuelve solo 100 tickets?" % V.zendesk_token(), "zendesk api token", "token")
    # Zendesk satisfaction comment in Japanese with a phone number.
    p = P("ja")
    add("crm", "sensitive", jd({"satisfaction_rating": {"score": "bad", "comment": "電話がつながりません。%sまで折り返し"
                                                                                     "お願いします。%s" % (V.phone("ja"), p)}}) +
        "\nこのコメントを英訳して", "zendesk rating with callback number", "phone")
    # Look-alikes: HubSpot schema (no rows), Salesforce describe result, Zendesk macro with placeholders.
    add("crm", "vendor", jd({"name": "contacts", "properties": [
        {"name": "email", "type": "string", "fieldType": "text"}, {"name": "phone", "type": "string", "fieldType": "phonenumber"},
        {"name": "steuer_id", "type": "string", "fieldType": "text", "label": "Steuer-ID"}]}, 2) +
        "\nKann ich das Feld steuer_id verschlüsselt speichern?", "hubspot property schema without values", "schema")
    add("crm", "vendor", "Zendesk macro (FR):\nBonjour {{ticket.requester.first_name}},\nMerci de nous envoyer votre "
        "numéro de commande (format CMD-XXXXXX) et l'IBAN du compte à rembourser (FR76 XXXX XXXX ...).\n"
        "Cordialement,\n{{current_user.name}}\n\nPeux-tu rendre ce texte plus chaleureux ?", "zendesk macro placeholders",
        "placeholder")
    add("crm", "vendor", jd({"sobject": "Account", "records": [
        {"Name": "Siemens AG", "VAT__c": V.de_vat(), "BillingCity": "München", "Phone": "+49 89 636 00"},
        {"Name": "Renault SA", "VAT__c": V.fr_vat(), "BillingCity": "Boulogne-Billancourt"}]}, 2) +
        "\nDedupe these accounts by VAT number.", "salesforce accounts of public companies with VAT ids", "company_vat")


# ---------------------------------------------------------------------------------------------- HR systems
def hr_cases():
    # Personio employee with IBAN, tax id, absence type.
    for lg in ["de", "nl", "pl"]:
        p = P(lg)
        lab, nid = V.nat_id(lg)
        emp = {"type": "Employee", "attributes": {
            "first_name": {"label": "First name", "value": p.split()[0]},
            "last_name": {"label": "Last name", "value": p.split(" ", 1)[1]},
            "email": {"label": "Email", "value": p.split()[0].lower() + "@globex.com"},
            "dynamic_%d" % R.randint(100000, 999999): {"label": lab, "value": nid},
            "dynamic_%d" % R.randint(100000, 999999): {"label": "IBAN", "value": V.iban_for(lg)},
            "fix_salary": {"label": "Fix salary", "value": amount()}}}
        add("hr", "sensitive", "GET /v1/company/employees/%d\n" % R.randint(1000000, 9999999) + jd(emp, 2) +
            "\n" + ask(lg, "map"), "personio employee with national id and IBAN (%s)" % lg, "national_id,iban")
    # Personio absence with sick-leave note.
    for lg in ["es", "fr", "ja"]:
        p = P(lg)
        ab = {"type": "TimeOffPeriod", "attributes": {"employee": {"attributes": {"first_name": {"value": p.split()[0] if lg != "ja" else p[2:]},
                                                                                  "last_name": {"value": p.split(" ", 1)[-1] if lg != "ja" else p[:2]}}},
                                                      "time_off_type": {"attributes": {"name": {"es": "Baja por enfermedad", "fr": "Arrêt maladie",
                                                                                                "ja": "病気休職"}[lg]}},
                                                      "start_date": "2026-10-%02d" % R.randint(1, 28), "comment": HEALTH_NOTE[lg]}}
        add("hr", "sensitive", jd(ab, 2) + "\n" + ask(lg, "explain"), "personio absence with diagnosis (%s)" % lg, "health")
    # Personio API client secret.
    add("hr", "sensitive", "PERSONIO_CLIENT_ID=%s\nPERSONIO_CLIENT_SECRET=%s\n\nIl token scade dopo un giorno, come lo "
        "rinnovo automaticamente?" % (V.personio_secret(), V.personio_secret()), "personio api credentials", "api_key")
    # SuccessFactors OData with basic auth and an employee's national id.
    u = "sfapi@globexC%d" % R.randint(10, 99)
    add("hr", "sensitive", "GET https://api12.sapsf.eu/odata/v2/PerPersonal?$filter=personIdExternal eq '%d'\n"
        "Authorization: Basic %s\n\nRisposta: 403, ma in Postman funziona." % (R.randint(10000, 99999),
                                                                              V.basic_auth(u, V.password())),
        "successfactors basic auth header", "basic_auth")
    lg = "it"
    p = P(lg)
    add("hr", "sensitive", """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">
 <entry>
  <content type="application/xml">
   <m:properties>
    <d:personIdExternal>%d</d:personIdExternal>
    <d:country>ITA</d:country>
    <d:nationalIdCardType>CF</d:nationalIdCardType>
    <d:nationalId>%s</d:nationalId>
    <d:isPrimary m:type="Edm.Boolean">true</d:isPrimary>
   </m:properties>
  </content>
 </entry>
</feed>
%s""" % (R.randint(10000, 99999), V.it_fiscal_code(), "Come converto questo feed Atom in JSON?"),
        "successfactors PerNationalId entry", "national_id")
    # Workday: worker with home address, private phone, date of birth, bank account.
    lg = "pt"
    p = P(lg)
    st, z, c = addr(lg)
    add("hr", "sensitive", """<wd:Worker xmlns:wd="urn:com.workday/bsvc">
  <wd:Worker_Data>
    <wd:Worker_ID>%d</wd:Worker_ID>
    <wd:Personal_Data>
      <wd:Name_Data><wd:Legal_Name_Data><wd:Name_Detail_Data wd:Formatted_Name="%s"/></wd:Legal_Name_Data></wd:Name_Data>
      <wd:Birth_Date>%04d-%02d-%02d</wd:Birth_Date>
      <wd:Contact_Data>
        <wd:Address_Data wd:Formatted_Address="%s&#xa;%s %s"/>
        <wd:Phone_Data wd:Formatted_Phone="%s"/>
      </wd:Contact_Data>
    </wd:Personal_Data>
    <wd:Payment_Election_Data><wd:Account_Number>%s</wd:Account_Number></wd:Payment_Election_Data>
  </wd:Worker_Data>
</wd:Worker>
Como extraio a morada com XPath?""" % (R.randint(20000, 29999), p, R.randint(1960, 2000), R.randint(1, 12), R.randint(1, 28),
                                      st, z, c, V.phone(lg), V.iban_for(lg)),
        "workday Get_Workers response", "iban,phone,address")
    # Workday ISU password in an integration config.
    add("hr", "sensitive", "workday:\n  tenant: globex_prod\n  isu_user: ISU_Payroll_Integration\n  isu_password: \"%s\"\n"
        "  wsdl: https://wd3-impl-services1.workday.com/ccx/service/globex_prod/Human_Resources/v42.0\n\n"
        "Onze integratie faalt sinds de upgrade naar v42." % V.password(), "workday ISU password", "password")
    # Look-alikes: Personio attribute list (no values), Workday WSDL fragment, salary bands.
    add("hr", "vendor", jd({"success": True, "data": [
        {"key": "dynamic_1146702", "label": "Steuer-ID", "type": "standard", "universal_id": "tax_id"},
        {"key": "dynamic_1146703", "label": "IBAN", "type": "standard", "universal_id": "iban"},
        {"key": "dynamic_1146704", "label": "Krankenkasse", "type": "list"}]}, 2) +
        "\nWelche Attribute brauche ich für die Lohnexport-Schnittstelle?", "personio attribute definitions", "schema")
    add("hr", "vendor", """<xsd:complexType name="Personal_Information_DataType">
  <xsd:sequence>
    <xsd:element name="Birth_Date" type="xsd:date" minOccurs="0"/>
    <xsd:element name="National_ID_Data" type="wd:National_ID_DataType" minOccurs="0" maxOccurs="unbounded"/>
    <xsd:element name="Disability_Status_Data" type="wd:Disability_Status_DataType" minOccurs="0"/>
  </xsd:sequence>
</xsd:complexType>
Explique-moi ce type du WSDL Workday.""", "workday wsdl type without values", "schema")
    add("hr", "vendor", jd({"job_profile": "Software Engineer II", "grade": "P3", "location": "Warszawa",
                            "salary_band": {"min": 16000, "mid": 19500, "max": 23000, "currency": "PLN"},
                            "headcount": 14}, 2) + "\nCzy te widełki są konkurencyjne?",
        "salary band of a grade, no person", "statistics")


# ---------------------------------------------------------------------------------------------- messaging APIs
def messaging_cases():
    # Twilio inbound SMS webhook (form-encoded) with sender number and body.
    lg = "es"
    frm = "+34" + "6" + V.s(8, DIGITS)
    add("messaging", "sensitive", "POST /sms/inbound\nContent-Type: application/x-www-form-urlencoded\n\n"
        "ToCountry=ES&SmsSid=SM%s&AccountSid=AC%s&From=%%2B%s&Body=Hola%%2C+soy+%s%%2C+mi+pedido+no+ha+llegado"
        "&To=%%2B34911234000&NumMedia=0\n\n¿Cómo decodifico el body?" % (V.hex(32), V.hex(32), frm[1:],
                                                                         P(lg).replace(" ", "+")),
        "twilio inbound sms with sender number", "phone")
    # Twilio auth token in code.
    add("messaging", "sensitive", "from twilio.rest import Client\naccount_sid = \"AC%s\"\nauth_token = \"%s\"\n"
        "client = Client(account_sid, auth_token)\nmsg = client.messages.create(to=to, from_=\"+4930123456\", body=text)\n"
        "# 21608 error, warum?" % (V.hex(32), V.twilio_auth()), "twilio auth token", "token")
    # Twilio message log export (CSV) with recipients' numbers and OTP text.
    rows = ["Sid,From,To,Body,Status,SentDate"]
    for _ in range(3):
        rows.append("SM%s,+3197010203040,%s,\"Je verificatiecode is %s\",delivered,%s" %
                    (V.hex(32), "+316" + V.s(8, DIGITS), V.s(6, DIGITS), V.ts()))
    add("messaging", "sensitive", "\n".join(rows) + "\nWaarom zijn de kosten per bericht zo verschillend?",
        "twilio message log with recipients", "phone")
    # SendGrid event webhook with recipients' e-mails.
    evs = [{"email": V.mail(P(l)), "timestamp": 1764000000 + R.randint(1, 99999), "event": e,
            "sg_message_id": V.s(22, ALNUM) + ".filter0001p1las1-" + V.s(5, DIGITS)}
           for l, e in [("fr", "bounce"), ("it", "dropped"), ("de", "spamreport")]]
    add("messaging", "sensitive", jd(evs, 2) + "\nComment traiter les bounces automatiquement ?",
        "sendgrid event webhook with recipients", "email")
    # SendGrid API key in a .env.
    add("messaging", "sensitive", "MAIL_MAILER=smtp\nMAIL_HOST=smtp.sendgrid.net\nMAIL_PORT=587\nMAIL_USERNAME=apikey\n"
        "MAIL_PASSWORD=%s\nMAIL_FROM_ADDRESS=noreply@globex.com\n\nLaravel dice 'Expected response code 250 but got 535'"
        % V.sendgrid(), "sendgrid key as smtp password", "api_key")
    # Look-alikes: Twilio docs sample with test credentials and magic numbers, SendGrid template with placeholders.
    add("messaging", "vendor", "curl -X POST https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Messages.json \\\n"
        "  --data-urlencode \"From=+15005550006\" \\\n  --data-urlencode \"Body=Hello\" \\\n  --data-urlencode "
        "\"To=+15005550009\" \\\n  -u $TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN\n\nQuais são os números mágicos de teste?",
        "twilio docs with magic test numbers and env vars", "test_values")
    add("messaging", "vendor", jd({"personalizations": [{"to": [{"email": "{{customer.email}}"}],
                                                         "dynamic_template_data": {"first_name": "{{customer.first_name}}",
                                                                                   "order_id": "{{order.id}}"}}],
                                   "from": {"email": "noreply@example.com"}, "template_id": "d-" + V.hex(32)}, 2) +
        "\nDlaczego zmienne nie są podstawiane?", "sendgrid template placeholders", "placeholder")
    add("messaging", "vendor", jd([{"email": "example@test.com", "timestamp": 1513299569, "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>",
                                    "event": "processed", "category": "cat facts", "sg_event_id": "sg_event_id",
                                    "sg_message_id": "sg_message_id"}], 2) + "\nSample from SendGrid's docs: is smtp-id unique?",
        "sendgrid documentation event", "documentation_payload")


# ---------------------------------------------------------------------------------------------- MIME e-mail
def qp(text):
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def b64lines(text):
    raw = base64.b64encode(text.encode("utf-8")).decode()
    return "\n".join(raw[i:i + 76] for i in range(0, len(raw), 76))


def mime_headers(frm, to, subject, lg, extra=""):
    return ("Return-Path: <%s>\nReceived: from mail-ed1-f54.google.com (mail-ed1-f54.google.com [209.85.208.54])\n"
            "\tby mx1.globex.com with ESMTPS id %s\nDate: Mon, %d Nov 2026 09:%02d:11 +0100\nFrom: %s\nTo: %s\n"
            "Subject: %s\nMessage-ID: %s\nMIME-Version: 1.0\n%s" % (frm.split("<")[-1].rstrip(">"), V.s(10, ALNUM),
                                                                   R.randint(2, 28), R.randint(0, 59), frm, to, subject,
                                                                   V.msgid(), extra))


def mime_cases():
    # Quoted-printable body with an IBAN and a name, soft breaks and =C3=A9.
    bodies = {
        "fr": "Bonjour,\n\nSuite à notre échange, voici mes coordonnées bancaires pour le remboursement de la caution : "
              "IBAN {iban}, titulaire {name}. Je reste joignable au {phone}.\n\nBien à vous,\n{name}",
        "de": "Sehr geehrte Damen und Herren,\n\nbitte überweisen Sie die Erstattung auf mein Konto, IBAN {iban} "
              "(Kontoinhaber: {name}). Rückfragen gern unter {phone}.\n\nMit freundlichen Grüßen\n{name}",
        "it": "Buongiorno,\n\nvi chiedo il rimborso della cauzione sul conto IBAN {iban} intestato a {name}. Per "
              "qualsiasi cosa sono raggiungibile al {phone}.\n\nCordiali saluti,\n{name}",
        "pt": "Bom dia,\n\nsolicito a devolução da caução para a conta com o IBAN {iban}, titular {name}. Podem "
              "contactar-me pelo {phone}.\n\nCumprimentos,\n{name}",
    }
    for lg, tpl in bodies.items():
        p = P(lg)
        body = tpl.format(iban=V.iban_for(lg), name=p, phone=V.phone(lg))
        text = mime_headers("%s <%s>" % (p, V.mail(p)), "service@globex.com", "=?UTF-8?Q?Remboursement?=", lg,
                            "Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n") + qp(body)
        add("mime", "sensitive", text + "\n\n" + {"fr": "Peux-tu extraire l'IBAN de cet e-mail brut ?",
                                                  "de": "Kannst du aus dieser .eml die Bankdaten extrahieren?",
                                                  "it": "Estrai i dati bancari da questo .eml",
                                                  "pt": "Extrai os dados bancários deste .eml"}[lg],
            "raw eml quoted-printable with IBAN (%s)" % lg, "iban,phone,email", "quoted_printable")
    # Base64 text part with a passport number for a travel booking.
    for lg in ["es", "nl"]:
        p = P(lg)
        body = {"es": "Hola,\nos paso los datos para la reserva del vuelo:\nNombre: {name}\nPasaporte: {pp}\n"
                      "Fecha de nacimiento: {dob}\nCaducidad: 2031-05-14\nGracias",
                "nl": "Hoi,\nhierbij mijn gegevens voor de vlucht:\nNaam: {name}\nPaspoortnummer: {pp}\n"
                      "Geboortedatum: {dob}\nGeldig tot: 2030-09-02\nGroet"}[lg].format(name=p, pp=V.passport(), dob=V.dob(lg))
        boundary = "000000000000" + V.hex(16)
        text = mime_headers("%s <%s>" % (p, V.mail(p)), "travel@globex.com", "Reserva / boeking", lg,
                            "Content-Type: multipart/alternative; boundary=\"%s\"\n\n--%s\nContent-Type: text/plain; "
                            "charset=\"UTF-8\"\nContent-Transfer-Encoding: base64\n\n" % (boundary, boundary)) + \
            b64lines(body) + "\n--%s--\n" % boundary
        add("mime", "sensitive", text + "\n" + ask(lg, "explain"), "raw eml with base64 part holding passport data (%s)" % lg,
            "passport", "base64")
    # HTML body with entities: e-mail address written with &#64;, accents as entities, phone.
    lg = "fr"
    p = P(lg)
    m = V.mail(p).replace("@", "&#64;")
    html = ("<html><body><p>Bonjour,</p><p>Je suis pass&eacute;e &agrave; l&#39;agence hier. Vous pouvez me "
            "r&eacute;pondre sur <a href=\"mailto:%s\">%s</a> ou au %s.</p><p>%s</p></body></html>" %
            (m, m, V.phone(lg).replace(" ", "&nbsp;"), p))
    add("mime", "sensitive", mime_headers("%s <%s>" % (p, V.mail(p)), "agence@globex.com", "Rendez-vous", lg,
                                          "Content-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: 7bit\n\n") +
        html + "\n\nTransforme ce HTML en texte brut.", "html mail with entity-encoded address", "email,phone", "html_entities")
    # Forwarded chain: a colleague forwards a customer's message with a card number in it.
    lg = "it"
    p = P(lg)
    inner = ("---------- Forwarded message ---------\nDa: %s <%s>\nDate: ven 20 nov 2026 alle ore 18:02\nSubject: "
             "pagamento\nTo: <ordini@globex.com>\n\nSalve, il pagamento online non va, vi lascio i dati della carta: %s "
             "scad. 08/28, CVV %s. Addebitate pure." % (p, V.mail(p), V.card(), V.s(3, DIGITS)))
    add("mime", "sensitive", mime_headers("Marco Interno <marco@globex.com>", "pagamenti@globex.com", "Fwd: pagamento", lg,
                                          "Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n") +
        qp("Potete gestirlo voi?\n\n" + inner) + "\n\nRispondi al cliente spiegando che non accettiamo carte via mail.",
        "forwarded chain with card data in QP", "card", "quoted_printable")
    # Japanese ISO-2022-JP is rare now; UTF-8 base64 with a health note.
    p = P("ja")
    body = "人事部 御中\n\n%sです。医師から適応障害と診断され、診断書を添付します。来週から休職させてください。\n連絡先：%s" % (p, V.phone("ja"))
    add("mime", "sensitive", mime_headers("%s <%s>" % (p, V.mail(p)), "jinji@globex.co.jp", "=?UTF-8?B?%s?=" %
                                          base64.b64encode("休職のご相談".encode()).decode(), "ja",
                                          "Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64\n\n") +
        b64lines(body) + "\n\nこのメールの返信文を丁寧に書いて", "japanese mail base64 with diagnosis", "health,phone", "base64")
    # Password reset mail containing a temporary password in QP.
    lg = "pl"
    pw = V.password()
    add("mime", "sensitive", mime_headers("IT Helpdesk <helpdesk@globex.com>", "anna.nowak@globex.com", "Nowe hasło", lg,
                                          "Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n") +
        qp("Dzień dobry,\n\nTwoje konto zostało odblokowane. Login: a.nowak, tymczasowe hasło: %s\nProsimy o zmianę "
           "hasła przy pierwszym logowaniu.\n\nZespół IT" % pw) + "\n\nPopraw ten szablon maila.",
        "helpdesk mail with temporary password in QP", "password", "quoted_printable")
    # Look-alikes: newsletter with QP and tracking, DMARC report, bounce with only message ids, signature.
    add("mime", "vendor", mime_headers("Globex News <news@globex.com>", "undisclosed-recipients:;", "Novedades de noviembre", "es",
                                       "Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n") +
        qp("¡Hola!\n\nEste mes lanzamos la nueva versión de la app con modo oscuro y exportación a PDF. Más información "
           "en https://www.globex.com/novedades?utm_source=newsletter&utm_medium=email&utm_campaign=nov26\n\nPara darte de "
           "baja pulsa aquí.") + "\n\n¿Por qué se ven los =C3=A1 en Outlook?", "newsletter QP with utm links", "newsletter",
        "quoted_printable")
    add("mime", "vendor", "From: MAILER-DAEMON@mx1.globex.com\nSubject: Undelivered Mail Returned to Sender\nContent-Type: "
        "message/delivery-status\n\nReporting-MTA: dns; mx1.globex.com\nX-Postfix-Queue-ID: 4F2A1C0%s\nArrival-Date: Tue, "
        "24 Nov 2026 10:12:01 +0100\n\nFinal-Recipient: rfc822; postmaster@example.org\nAction: failed\nStatus: 5.1.1\n"
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown\nOriginal-Message-ID: %s\n\nWas heißt 5.1.1 genau?" %
        (V.s(3, "0123456789ABCDEF"), V.msgid()), "bounce to example.org with message ids", "message_id")
    add("mime", "vendor", "<?xml version=\"1.0\"?>\n<feedback><report_metadata><org_name>google.com</org_name>"
        "<email>noreply-dmarc-support@google.com</email><report_id>%s</report_id></report_metadata><record><row>"
        "<source_ip>%s</source_ip><count>42</count><policy_evaluated><disposition>none</disposition><dkim>pass</dkim>"
        "<spf>fail</spf></policy_evaluated></row><identifiers><header_from>globex.com</header_from></identifiers>"
        "</record></feedback>\nWaarom faalt SPF hier maar DKIM niet?" % (V.s(20, DIGITS), V.public_ip()),
        "dmarc aggregate report", "report")
    add("mime", "vendor", "Content-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n" +
        qp("<p>Cordialement,</p><p><b>Service Client Globex</b><br>Tél. standard : 01 23 45 67 89<br>"
           "<a href=\"mailto:contact@globex.com\">contact@globex.com</a></p>") + "\nPourquoi la signature casse-t-elle ?",
        "company signature with switchboard placeholder number", "company_contact", "quoted_printable")


# ---------------------------------------------------------------------------------------------- logs
def syslog_cases():
    h = "web-%02d" % R.randint(1, 20)
    pw = V.password()
    add("syslog", "sensitive", "Nov 24 03:12:44 %s sudo:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; "
        "COMMAND=/usr/bin/mysql -u root -p%s -e 'SHOW PROCESSLIST'\nNov 24 03:12:45 %s sudo: pam_unix(sudo:session): "
        "session closed for user root\n\nWarum taucht das im Audit auf?" % (h, pw, h), "sudo log with mysql -p password",
        "password")
    add("syslog", "sensitive", "Nov 25 11:02:17 bastion sshd[21877]: Failed password for invalid user %s from %s port "
        "51422 ssh2\nNov 25 11:02:19 bastion sshd[21877]: Accepted password for jkowalski from %s port 51422 ssh2\n\n"
        "Czy ktoś próbuje się włamać?" % (V.password(), V.public_ip(), V.public_ip()),
        "sshd log with a password typed into the user field", "password")
    # journald JSON with a DSN containing credentials and an internal host.
    add("syslog", "sensitive", jd({"__REALTIME_TIMESTAMP": str(1764000000000000 + R.randint(0, 10 ** 9)),
                                   "_SYSTEMD_UNIT": "billing-worker.service", "PRIORITY": "3",
                                   "MESSAGE": "sqlalchemy.exc.OperationalError: could not connect to "
                                              "postgresql://billing:%s@%s:5432/billing" % (V.password(), V.host())}) +
        "\nDe service start niet meer op na de reboot.", "journald json with dsn", "password,internal_host")
    # Postfix log lines with customers' addresses.
    lines = []
    for l in ["de", "fr", "it"]:
        qid = V.s(10, "0123456789ABCDEF")
        lines.append("Nov 26 08:%02d:%02d mx1 postfix/smtp[%d]: %s: to=<%s>, relay=mx.%s[%s]:25, delay=1.2, "
                     "status=sent (250 2.0.0 OK)" % (R.randint(0, 59), R.randint(0, 59), R.randint(1000, 9999), qid,
                                                     V.mail(P(l)), R.choice(["gmx.net", "orange.fr", "libero.it"]), V.public_ip()))
    add("syslog", "sensitive", "\n".join(lines) + "\n\nCómo cuento los envíos por dominio con awk?",
        "postfix log with recipients", "email")
    # syslog RFC 5424 with structured data containing a bearer token.
    add("syslog", "sensitive", "<134>1 2026-11-27T10:22:31.004Z api-gw-2 kong 1 - [req@32473 method=\"GET\" path=\"/v1/orders\" "
        "authorization=\"Bearer %s\"] upstream timeout\n\nCome nascondo l'header nei log di Kong?" % V.jwt(),
        "rfc5424 structured data with bearer jwt", "token")
    # Kernel/auth log with internal hosts only (overlay).
    add("syslog", "sensitive", "Nov 28 02:00:01 %s CRON[9912]: (backup) CMD (/opt/backup/run.sh --target %s)\n"
        "Nov 28 02:14:55 %s run.sh[9913]: rsync error: some files could not be transferred (code 23)" %
        (V.host(), V.host(), V.host()), "cron log naming internal hosts", "internal_host")
    # Look-alikes.
    add("syslog", "vendor", "Nov 24 03:12:44 web-01 sshd[1022]: Accepted publickey for deploy from 198.51.100.23 port 40022 "
        "ssh2: ED25519 SHA256:%s\nNov 24 03:12:44 web-01 systemd-logind[612]: New session 88 of user deploy.\n\n"
        "What does the SHA256 fingerprint identify?" % V.s(43, ALNUM + "+/"), "sshd publickey log, documentation ip",
        "fingerprint")
    add("syslog", "vendor", "Nov 24 03:12:44 web-01 sudo:   deploy : TTY=pts/0 ; PWD=/srv/app ; USER=root ; "
        "COMMAND=/usr/bin/systemctl restart nginx\nNov 24 03:12:45 web-01 nginx[2211]: nginx: [warn] \"ssl_stapling\" "
        "ignored, issuer certificate not found\n\nIst die Warnung schlimm?", "sudo restart and nginx warning", "plain_log")
    add("syslog", "vendor", jd({"MESSAGE": "Started Daily apt download activities.", "_SYSTEMD_UNIT": "apt-daily.service",
                                "_HOSTNAME": "ip-172-31-12-4", "_BOOT_ID": V.hex(32), "_MACHINE_ID": V.hex(32)}) +
        "\nPosso disattivare questo timer?", "journald entry with boot and machine ids", "ids")


def winevent_cases():
    def ev(eid, data, computer="WS-%04d.contoso.local" % R.randint(1, 9999)):
        d = "\n".join("    <Data Name=\"%s\">%s</Data>" % kv for kv in data)
        return ("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\n  <System>\n    <Provider "
                "Name=\"Microsoft-Windows-Security-Auditing\" Guid=\"{54849625-5478-4994-a5ba-3e3b0328c30d}\"/>\n"
                "    <EventID>%d</EventID>\n    <TimeCreated SystemTime=\"%s.%07dZ\"/>\n    <Computer>%s</Computer>\n"
                "  </System>\n  <EventData>\n%s\n  </EventData>\n</Event>" % (eid, V.ts(), R.randint(0, 9999999), computer, d))
    pw = V.password()
    add("winevent", "sensitive", ev(4688, [("SubjectUserName", "svc_backup"), ("NewProcessName", "C:\\Windows\\System32\\net.exe"),
                                           ("CommandLine", "net use \\\\fs01\\finance /user:CONTOSO\\svc_backup %s /persistent:no" % pw)]) +
        "\nSentinel alarmiert bei diesem Event, warum?", "4688 with net use password", "password")
    add("winevent", "sensitive", ev(4688, [("SubjectUserName", "adm.kowalski"),
                                           ("CommandLine", "schtasks /Create /TN Sync /TR C:\\sync.cmd /SC DAILY /RU CONTOSO\\svc_sync /RP %s"
                                            % V.password())]) + "\nCo robi ta komenda?", "4688 with schtasks /RP", "password")
    add("winevent", "sensitive", ev(4104, [("MessageNumber", "1"), ("ScriptBlockText",
                                                                    "$pw = ConvertTo-SecureString '%s' -AsPlainText -Force; "
                                                                    "$cred = New-Object PSCredential('CONTOSO\\\\adm_ops', $pw)" % V.password())]) +
        "\n¿Es esto un indicio de ataque?", "powershell 4104 with plaintext password", "password")
    add("winevent", "sensitive", ev(4625, [("TargetUserName", "m.rossi"), ("WorkstationName", "LT-ROSSI"),
                                           ("IpAddress", "10.20.%d.%d" % (R.randint(0, 255), R.randint(1, 254)))],
                                    computer=V.host()) + "\nQuante volte ha sbagliato password l'utente?",
        "4625 on an internal host", "internal_host")
    # Look-alikes: 4624 on a lab machine, 4720 with placeholder names in docs, application event.
    add("winevent", "vendor", ev(4624, [("TargetUserName", "SYSTEM"), ("LogonType", "5"), ("LogonProcessName", "Advapi  "),
                                        ("IpAddress", "-")]) + "\nWhat is logon type 5?", "4624 system service logon", "plain_log")
    add("winevent", "vendor", ev(4688, [("SubjectUserName", "jdoe"), ("CommandLine", "net use Z: \\\\server\\share /user:DOMAIN\\user *")]) +
        "\nLe mot de passe est demandé interactivement (*), c'est bien ça ?", "net use with prompted password", "placeholder")
    add("winevent", "vendor", "<Event><System><Provider Name=\"Application Error\"/><EventID>1000</EventID><Level>2</Level>"
        "</System><EventData><Data>OUTLOOK.EXE</Data><Data>16.0.17928.20114</Data><Data>ntdll.dll</Data><Data>c0000374</Data>"
        "</EventData></Event>\nWat betekent c0000374?", "application crash event", "plain_log")


def auditd_cases():
    pw = V.password()
    add("auditd", "sensitive", "type=EXECVE msg=audit(1764061123.402:8812): argc=5 a0=\"psql\" a1=\"-h\" a2=\"%s\" a3=\"-U\" "
        "a4=\"postgres\"\ntype=EXECVE msg=audit(1764061130.118:8813): argc=4 a0=\"mysqladmin\" a1=\"-uroot\" a2=\"-p%s\" "
        "a3=\"status\"\n\nWelche Regel hat das geloggt?" % (V.host(), pw), "auditd execve with -p password", "password")
    cmd = "curl -u admin:%s https://%s/api/backup" % (V.password(), "10.0.%d.%d" % (R.randint(0, 255), R.randint(1, 254)))
    add("auditd", "sensitive", "type=PROCTITLE msg=audit(1764062001.552:9120): proctitle=%s\ntype=SYSCALL "
        "msg=audit(1764062001.552:9120): arch=c000003e syscall=59 success=yes exit=0 comm=\"curl\" exe=\"/usr/bin/curl\"\n\n"
        "Comment décoder proctitle ?" % cmd.encode().hex().upper(), "auditd proctitle hex with curl -u", "password", "hex")
    add("auditd", "sensitive", "type=USER_CMD msg=audit(1764063000.100:9201): pid=4410 uid=1000 auid=1000 ses=3 "
        "msg='cwd=\"/home/ops\" cmd=\"htpasswd -b /etc/nginx/.htpasswd jan %s\" terminal=pts/1 res=success'\n\nIs dit veilig?"
        % V.password(), "auditd user_cmd with htpasswd -b", "password")
    add("auditd", "vendor", "type=EXECVE msg=audit(1764061123.402:8812): argc=3 a0=\"systemctl\" a1=\"restart\" a2=\"sshd\"\n"
        "type=PROCTITLE msg=audit(1764061123.402:8812): proctitle=73797374656D63746C0072657374617274007373686400\n\n"
        "Come decodifico proctitle?", "auditd systemctl restart", "plain_log")
    add("auditd", "vendor", "-a always,exit -F arch=b64 -S execve -k exec_log\n-w /etc/shadow -p wa -k shadow_changes\n"
        "-w /etc/sudoers -p wa -k sudoers\n\n¿Estas reglas cubren CIS 4.1.3?", "auditd rules file", "config")


def accesslog_cases():
    ip = V.public_ip()
    add("accesslog", "sensitive", '%s - - [24/Nov/2026:10:14:02 +0100] "GET /api/login?username=%s&password=%s HTTP/1.1" 200 '
        '512 "-" "okhttp/4.12.0"\n\nWarum steht das Passwort im Log?' % (ip, "t.berger", V.password().replace("#", "%23")),
        "apache log with password in query", "password")
    add("accesslog", "sensitive", '%s - - [24/Nov/2026:10:15:40 +0100] "GET /v2/export.csv?api_key=%s&from=2026-01-01 HTTP/1.1" 200 '
        '88412 "-" "python-requests/2.32.3"\n\nPourquoi cet export est-il si lent ?' % (ip, V.hex(40)),
        "apache log with api_key in query", "api_key")
    add("accesslog", "sensitive", "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method "
        "cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status\n2026-11-24 09:01:12 10.1.2.3 GET "
        "/owa/auth.owa user=CONTOSO%%5Cp.silva&pwd=%s 443 - %s Mozilla/5.0 302\n\nO que significa o 302 aqui?"
        % (V.password(), ip), "iis log with pwd in query", "password")
    add("accesslog", "sensitive", '%s - - [25/Nov/2026:18:22:09 +0000] "GET /reset?email=%s&token=%s HTTP/2.0" 200 1200\n'
        '%s - - [25/Nov/2026:18:22:31 +0000] "POST /reset HTTP/2.0" 302 0\n\nIs the reset flow working?' %
        (ip, V.mail(P("nl")).replace("@", "%40"), V.s(40, ALNUM), ip), "access log with email and reset token",
        "email,token")
    add("accesslog", "sensitive", '%s - - [26/Nov/2026:07:12:55 +0100] "GET /sso/callback?code=%s&state=%s HTTP/1.1" 302 - '
        '"https://login.microsoftonline.com/" "Mozilla/5.0"\n%s - - [26/Nov/2026:07:12:56 +0100] "GET /dashboard?access_token=%s '
        'HTTP/1.1" 200 18223\n\nPerché il token finisce nell\'URL?' % (ip, V.s(60, ALNUM + "-_."), V.hex(16), ip, V.jwt()),
        "access log with access_token in url", "token")
    # Look-alikes.
    add("accesslog", "vendor", '%s - - [24/Nov/2026:10:14:02 +0100] "GET /search?q=laufschuhe+herren&utm_source=newsletter'
        '&utm_campaign=bf26&gclid=%s HTTP/1.1" 200 14231 "-" "Mozilla/5.0"\n\nWie filtere ich Bots raus?' % (ip, V.s(32, ALNUM + "_-")),
        "access log with utm and gclid", "tracking")
    add("accesslog", "vendor", '%s - - [24/Nov/2026:10:14:09 +0100] "GET /static/js/app.%s.js HTTP/1.1" 304 0\n'
        '%s - - [24/Nov/2026:10:14:09 +0100] "GET /api/products/%s HTTP/1.1" 200 3312\n\n¿Por qué tantos 304?' %
        (ip, V.hex(8), ip, V.gtin()), "static assets and product gtin", "gtin")
    add("accesslog", "vendor", '%s - - [24/Nov/2026:10:16:00 +0100] "GET /api/login?username=&password=[FILTERED] HTTP/1.1" 400 '
        '90\n\nZ jakiego powodu 400?' % ip, "filtered password in log", "masked")
    add("accesslog", "vendor", '%s - - [24/Nov/2026:10:17:12 +0100] "GET /track?carrier=ups&number=%s HTTP/1.1" 200 4412\n'
        '%s - - [24/Nov/2026:10:17:15 +0100] "GET /track?carrier=dhl&number=%s HTTP/1.1" 200 4398\n\n配送追跡APIのログです。'
        'エラー率を出して' % (ip, V.ups(), ip, V.dhl()), "tracking numbers in access log", "tracking_number")


def applog_cases():
    for lg in ["de", "es", "pl", "it"]:
        p = P(lg)
        log = {"ts": V.ts() + "Z", "level": "error", "logger": "checkout.payment", "msg": "payment declined",
               "ctx": {"order": "ORD-%d" % R.randint(100000, 999999), "customer": {"id": R.randint(10000, 99999), "name": p,
                                                                                   "email": V.mail(p), "phone": V.phone(lg)},
                       "psp": {"code": "05", "reason": "do_not_honor"}}}
        add("applog", "sensitive", jd(log) + "\n" + ask(lg, "fix"), "json app log with nested customer (%s)" % lg,
            "email,phone")
    log = {"time": V.ts(), "level": "DEBUG", "msg": "outgoing request", "http": {"method": "POST",
                                                                                 "url": "https://api.payment-provider.example/v1/charges",
                                                                                 "body": {"card": {"number": V.card(sep=""), "exp": "09/29", "cvc": V.s(3, DIGITS)}}}}
    add("applog", "sensitive", jd(log) + "\nDebug-Logging in Prod – was muss ich abschalten?", "debug log with full card",
        "card")
    log = {"@timestamp": V.ts() + "Z", "log.level": "warn", "message": "retrying upstream", "http.request.headers":
           {"authorization": "Bearer " + V.jwt(), "x-request-id": V.uuid()}, "service.name": "orders"}
    add("applog", "sensitive", jd(log) + "\nHoe voorkom ik dat headers gelogd worden?", "ecs log with bearer token", "token")
    p = P("fr")
    log = {"level": 30, "time": 1764070000000, "pid": 18, "hostname": "api-7d9f", "req": {"id": 41, "method": "POST",
                                                                                       "url": "/v1/patients"},
           "patient": {"nom": p, "nir": V.fr_nir(), "motif": "suivi diabète de type 2"}, "msg": "patient created"}
    add("applog", "sensitive", jd(log) + "\nComment masquer le champ nir avec pino redact ?", "pino log with NIR and condition",
        "national_id,health")
    # Look-alikes.
    add("applog", "vendor", jd({"ts": V.ts() + "Z", "level": "info", "msg": "payment captured", "customer": {"id": 48213,
                                                                                                         "email_sha256": hashlib.sha256(b"someone@example.org").hexdigest()},
                                "card": {"brand": "mastercard", "last4": V.s(4, DIGITS), "fingerprint": V.s(16, ALNUM)},
                                "payment_method": "pm_" + V.s(24)}) + "\nIs this log line GDPR-safe?",
        "hashed email and last4", "hashed_email,last4")
    add("applog", "vendor", jd({"ts": V.ts() + "Z", "level": "error", "msg": "validation failed", "errors": [
        {"field": "iban", "code": "invalid_checksum", "value": "DE** **** **** **** **** 12"},
        {"field": "email", "code": "required", "value": None}]}) + "\nWarum schlägt die Validierung fehl?",
        "masked iban in validation error", "masked")
    add("applog", "vendor", jd({"level": "info", "msg": "shipment created", "shipment": {"carrier": "DHL", "tracking": V.dhl(),
                                                                                          "gtin": V.gtin(), "weight_kg": 2.4}}) +
        "\nQuanto tempo ci mette DHL di solito?", "shipment log", "tracking_number")


# ---------------------------------------------------------------------------------------------- SOAP, SAML, LDIF
def soap_cases():
    for lg in ["de", "es", "nl"]:
        u = R.choice(["svc_erp", "b2b_gateway", "ws_client"])
        add("soap", "sensitive", """<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
  <soapenv:Header>
    <wsse:Security soapenv:mustUnderstand="1">
      <wsse:UsernameToken>
        <wsse:Username>%s</wsse:Username>
        <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">%s</wsse:Password>
      </wsse:UsernameToken>
    </wsse:Security>
  </soapenv:Header>
  <soapenv:Body><ns:GetOrderStatus xmlns:ns="urn:globex:orders"><ns:OrderId>%d</ns:OrderId></ns:GetOrderStatus></soapenv:Body>
</soapenv:Envelope>
%s""" % (u, V.password(), R.randint(100000, 999999), ask(lg, "fix")), "ws-security passwordtext (%s)" % lg, "password")
    lg = "it"
    p = P(lg)
    add("soap", "sensitive", """<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">
 <soap:Body>
  <AperturaConto xmlns="http://banca.example/onboarding">
   <Cliente><Nome>%s</Nome><CodiceFiscale>%s</CodiceFiscale><DataNascita>%s</DataNascita><Cellulare>%s</Cellulare></Cliente>
   <IBANAccredito>%s</IBANAccredito>
  </AperturaConto>
 </soap:Body>
</soap:Envelope>
La risposta è un soap:Fault con 'Invalid element', cosa manca?""" % (p, V.it_fiscal_code(), V.dob(lg), V.phone(lg), V.iban_for(lg)),
        "soap onboarding request with codice fiscale and IBAN", "national_id,iban")
    add("soap", "vendor", """<wsse:UsernameToken wsu:Id="UsernameToken-1">
  <wsse:Username>${USERNAME}</wsse:Username>
  <wsse:Password Type="...#PasswordText">${PASSWORD}</wsse:Password>
</wsse:UsernameToken>
SoapUI sustituye las propiedades, pero el servidor dice 'FailedAuthentication'.""", "ws-security placeholders", "placeholder")
    add("soap", "vendor", """<wsdl:operation name="GetCustomer">
  <wsdl:input message="tns:GetCustomerRequest"/>
  <wsdl:output message="tns:GetCustomerResponse"/>
</wsdl:operation>
<xs:element name="GetCustomerResponse"><xs:complexType><xs:sequence>
  <xs:element name="Email" type="xs:string"/><xs:element name="TaxId" type="xs:string"/>
</xs:sequence></xs:complexType></xs:element>
Generate a C# client for this WSDL.""", "wsdl without values", "schema")
    add("soap", "vendor", """<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
 <soapenv:Body>
  <ns:checkVat xmlns:ns="urn:ec.europa.eu:taxud:vies:services:checkVat:types">
   <ns:countryCode>%s</ns:countryCode><ns:vatNumber>%s</ns:vatNumber>
  </ns:checkVat>
 </soapenv:Body>
</soapenv:Envelope>
VIES antwortet mit MS_UNAVAILABLE, wie oft darf ich erneut anfragen?""" % ((lambda v: (v[:2], v[2:]))(V.de_vat())),
        "vies checkVat request with a company VAT id", "company_vat")


def saml_cases():
    for lg in ["fr", "de", "pl"]:
        p = P(lg)
        add("saml", "sensitive", """<saml2:AttributeStatement>
  <saml2:Attribute Name="urn:oid:0.9.2342.19200300.100.1.3" FriendlyName="mail"><saml2:AttributeValue>%s</saml2:AttributeValue></saml2:Attribute>
  <saml2:Attribute Name="urn:oid:2.5.4.42" FriendlyName="givenName"><saml2:AttributeValue>%s</saml2:AttributeValue></saml2:Attribute>
  <saml2:Attribute Name="urn:oid:2.16.840.1.113730.3.1.3" FriendlyName="employeeNumber"><saml2:AttributeValue>%d</saml2:AttributeValue></saml2:Attribute>
  <saml2:Attribute Name="mobile"><saml2:AttributeValue>%s</saml2:AttributeValue></saml2:Attribute>
</saml2:AttributeStatement>
%s""" % (V.mail(p), p.split()[0], R.randint(10000, 99999), V.phone(lg), ask(lg, "map")),
            "saml attributes with private mail and mobile (%s)" % lg, "email,phone")
    lg = "es"
    p = P(lg)
    add("saml", "sensitive", """<saml:Assertion ID="_%s" IssueInstant="%sZ" Version="2.0">
 <saml:Issuer>https://pasarela.clave.gob.es</saml:Issuer>
 <saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">ES/ES/%s</saml:NameID></saml:Subject>
 <saml:AttributeStatement>
  <saml:Attribute Name="http://eidas.europa.eu/attributes/naturalperson/CurrentFamilyName"><saml:AttributeValue>%s</saml:AttributeValue></saml:Attribute>
  <saml:Attribute Name="http://eidas.europa.eu/attributes/naturalperson/DateOfBirth"><saml:AttributeValue>%04d-%02d-%02d</saml:AttributeValue></saml:Attribute>
 </saml:AttributeStatement>
</saml:Assertion>
¿Por qué nuestro SP rechaza la aserción de Cl@ve?""" % (V.hex(32), V.ts(), V.es_dni(), p.split(" ", 1)[1], R.randint(1950, 2000),
                                                        R.randint(1, 12), R.randint(1, 28)),
        "eidas assertion with DNI as NameID", "national_id")
    add("saml", "sensitive", "SAMLResponse=%s\n\nDecode this and tell me why the signature fails." %
        base64.b64encode(("<samlp:Response><saml:Assertion><saml:Subject><saml:NameID>%s</saml:NameID></saml:Subject>"
                          "<saml:AttributeStatement><saml:Attribute Name=\"phone\"><saml:AttributeValue>%s</saml:AttributeValue>"
                          "</saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>" %
                          (V.mail(P("it")), V.phone("it"))).encode()).decode(), "base64 SAMLResponse with email and phone",
        "email,phone", "base64")
    # Look-alikes: metadata with a public certificate, AuthnRequest.
    add("saml", "vendor", """<md:EntityDescriptor entityID="https://sso.globex.com/saml/metadata" xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">
 <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
  <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>MIIC%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
  <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sso.globex.com/saml/sso"/>
 </md:IDPSSODescriptor>
</md:EntityDescriptor>
Hoe importeer ik deze metadata in Keycloak?""" % V.s(300, ALNUM + "+/"), "idp metadata with public cert", "public_cert")
    add("saml", "vendor", """<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_%s" Version="2.0" IssueInstant="%sZ" AssertionConsumerServiceURL="https://app.example.com/acs">
 <saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://app.example.com</saml:Issuer>
 <samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress" AllowCreate="true"/>
</samlp:AuthnRequest>
Czy muszę podpisywać AuthnRequest?""" % (V.hex(32), V.ts()), "saml authn request", "protocol")


def ldif_cases():
    for lg in ["de", "nl", "pt"]:
        p = P(lg)
        uid = p.split()[0][0].lower() + p.split()[-1].lower().replace("ü", "ue").replace("ö", "oe")
        add("ldif", "sensitive", "dn: uid=%s,ou=people,dc=globex,dc=com\nobjectClass: inetOrgPerson\nuid: %s\ncn: %s\n"
            "mail: %s@globex.com\nuserPassword:: %s\n\n%s" % (uid, uid, p, uid,
                                                              base64.b64encode(("{SSHA}" + base64.b64encode(bytes(R.getrandbits(8) for _ in range(24))).decode()).encode()).decode(),
                                                              ask(lg, "explain")),
            "ldif export with userPassword hash (%s)" % lg, "password_hash")
    add("ldif", "sensitive", "dn: cn=svc-jenkins,ou=service,dc=globex,dc=com\nobjectClass: simpleSecurityObject\n"
        "objectClass: organizationalRole\ncn: svc-jenkins\nuserPassword: %s\n\nldapadd sagt 'invalid syntax'." % V.password(),
        "ldif with plaintext userPassword", "password")
    lg = "fr"
    p = P(lg)
    st, z, c = addr(lg)
    add("ldif", "sensitive", "dn: uid=%s,ou=staff,dc=globex,dc=fr\ncn: %s\nhomePostalAddress: %s$%s %s\nhomePhone: %s\n"
        "employeeNumber: %d\n\nComment importer ça dans Azure AD ?" % (p.split()[1].lower(), p, st, z, c, V.phone(lg),
                                                                       R.randint(1000, 9999)),
        "ldif with home address and home phone", "phone,address")
    add("ldif", "vendor", "attributetype ( 1.3.6.1.4.1.99999.1.1 NAME 'globexCostCenter'\n  DESC 'Cost center code'\n"
        "  EQUALITY caseIgnoreMatch\n  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )\n\nHow do I load this schema "
        "into OpenLDAP cn=config?", "ldap schema definition", "schema")
    add("ldif", "vendor", "dn: ou=groups,dc=example,dc=com\nobjectClass: organizationalUnit\nou: groups\n\ndn: cn=developers,"
        "ou=groups,dc=example,dc=com\nobjectClass: groupOfNames\ncn: developers\nmember: uid=jdoe,ou=people,dc=example,dc=com"
        "\n\n¿Cómo añado miembros con ldapmodify?", "ldif groups from docs", "directory_structure")


# ---------------------------------------------------------------------------------------------- GraphQL, protobuf, gRPC, OpenAPI
def api_cases():
    lg = "ja"
    p = P(lg)
    add("api", "sensitive", jd({"data": {"customers": {"edges": [{"node": {"id": "gid://shopify/Customer/%d" % R.randint(10 ** 12, 10 ** 13),
                                                                         "displayName": p, "email": V.mail(p),
                                                                         "phone": "+81" + V.s(10, DIGITS)}}]}}}, 2) +
        "\nこのGraphQLレスポンスをCSVにしたい", "shopify graphql response with customer", "email,phone")
    add("api", "sensitive", "curl -X POST https://globex-eu.myshopify.com/admin/api/2025-07/graphql.json \\\n  -H "
        "'X-Shopify-Access-Token: %s' \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"query\":\"{ shop { name } }\"}'\n\n"
        "Errore 'Access denied for orders field', che scope serve?" % V.shopify(), "shopify admin token in curl", "token")
    lg = "de"
    p = P(lg)
    add("api", "sensitive", "mutation UpdateEmployee {\n  updateEmployee(id: \"%d\", input: {\n    name: \"%s\"\n    "
        "iban: \"%s\"\n    taxId: \"%s\"\n  }) { id updatedAt }\n}\n\nWarum bekomme ich 'Variable $input of type ... '?" %
        (R.randint(100, 999), p, V.iban_for(lg), V.de_tax_id()), "graphql mutation with IBAN and Steuer-ID", "iban,national_id")
    add("api", "sensitive", "# grpcurl call from the runbook\ngrpcurl -H 'authorization: Bearer %s' \\\n  -d '{\"order_id\": "
        "\"%d\"}' %s:443 orders.v1.OrderService/GetOrder\n\nFailed to dial target host, ¿firewall?" % (V.jwt(),
                                                                                                       R.randint(10 ** 5, 10 ** 6), V.host()),
        "grpcurl with bearer and internal host", "token,internal_host")
    lg = "pl"
    p = P(lg)
    add("api", "sensitive", "# protobuf text format dump\ncustomer {\n  full_name: \"%s\"\n  pesel: \"%s\"\n  contact {\n    "
        "email: \"%s\"\n  }\n}\nloan_amount: %d\n\nJak to przekonwertować do JSON?" % (p, V.pl_pesel(), V.mail(p), amount()),
        "protobuf text with PESEL", "national_id,email")
    add("api", "sensitive", "metadata:\n  :authority: payments.internal:50051\n  content-type: application/grpc\n  "
        "x-api-key: %s\n  grpc-timeout: 5S\nstatus: UNAVAILABLE\n\nWhy does the channel keep reconnecting?" % V.s(40, ALNUM),
        "grpc metadata with api key", "api_key")
    lg = "nl"
    p = P(lg)
    add("api", "sensitive", "components:\n  examples:\n    EmployeeExample:\n      value:\n        id: %d\n        name: %s\n"
        "        bsn: \"%s\"\n        email: %s\n\n(ik heb een echte response uit prod als voorbeeld geplakt) Is deze "
        "OpenAPI-spec geldig?" % (R.randint(100, 999), p, V.nl_bsn(), V.mail(p)), "openapi example pasted from production",
        "national_id,email")
    # Look-alikes.
    add("api", "vendor", "type Customer {\n  id: ID!\n  email: String\n  phone: String\n  iban: String @sensitive\n}\n"
        "type Query { customer(id: ID!): Customer }\n\n¿Cómo implemento la directiva @sensitive en Apollo?",
        "graphql sdl", "schema")
    add("api", "vendor", "syntax = \"proto3\";\npackage payments.v1;\nmessage Card {\n  string token = 1;   // tok_ reference, "
        "never the PAN\n  string last4 = 2;\n  string brand = 3;\n}\n\nWhat field numbers should I reserve?", "proto definition",
        "schema")
    add("api", "vendor", "paths:\n  /customers:\n    post:\n      requestBody:\n        content:\n          application/json:\n"
        "            example:\n              email: jane.doe@example.com\n              phone: \"+1 555 0100\"\n"
        "              iban: DE89 3704 0044 0532 0130 00\n\nValidate this OpenAPI snippet.", "openapi example with documentation values",
        "documentation_payload")
    add("api", "vendor", "grpcurl -H \"authorization: Bearer ${TOKEN}\" -d '{\"sku\": \"%s\"}' api.example.com:443 "
        "catalog.v1.Catalog/GetProduct\n\nComment lister les services avec la réflexion ?" % V.gtin(), "grpcurl with env token",
        "placeholder")
    add("api", "vendor", jd({"data": {"products": {"nodes": [{"title": "Kaffeebecher 300 ml", "barcode": V.gtin(),
                                                             "vendor": "Globex Home"}, {"title": "Thermoskanne", "barcode": V.gtin(),
                                                                                         "vendor": "Globex Home"}]}}}, 2) +
        "\nWie paginiere ich das mit cursor?", "graphql product response", "gtin")


# ---------------------------------------------------------------------------------------------- EDI
def x12_name(lg):
    p = P(lg)
    if lg == "ja":
        return "TANAKA", "YUKI", p
    first, last = p.split(" ", 1)
    return last.upper(), first.upper(), p


def edi_cases():
    # 837 professional claims with patient names and ICD-10.
    for lg in ["en", "es", "de"]:
        last, first, _ = x12_name(lg)
        code, gloss = V.icd10()
        add("edi", "sensitive", "ISA*00*          *00*          *ZZ*GLOBEXCLINIC   *ZZ*CLEARINGHS     *261124*1030*^*00501*%09d*0*P*:~\n"
            "GS*HC*GLOBEXCLINIC*CLEARINGHS*20261124*1030*1*X*005010X222A1~\nST*837*0001*005010X222A1~\n"
            "NM1*IL*1*%s*%s****MI*W%s~\nDMG*D8*%04d%02d%02d*%s~\nCLM*PT%d*%d.00***11:B:1*Y*A*Y*Y~\nHI*ABK:%s~\n"
            "SV1*HC:99214*%d.00*UN*1***1~\nSE*8*0001~\n\nThe clearinghouse rejects this 837P, what's wrong with the HI segment?"
            % (R.randint(1, 999999999), last, first, V.s(9, DIGITS), R.randint(1950, 2000), R.randint(1, 12), R.randint(1, 28),
               R.choice("MF"), R.randint(1000, 9999), R.randint(100, 900), code.replace(".", ""), R.randint(100, 400)),
            "x12 837 claim with patient and ICD-10 (%s)" % gloss, "health")
    # 835 remittance with patient names.
    last, first, _ = x12_name("it")
    add("edi", "sensitive", "ST*835*0001~\nBPR*I*%d.50*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20261124~\n"
        "CLP*PT%d*1*%d.00*%d.50*25.00*12*%s~\nNM1*QC*1*%s*%s****MI*%s~\nSVC*HC:90837*150.00*112.50**1~\nCAS*PR*2*25.00~\n"
        "SE*7*0001~\nCome riconcilio questo 835 con le fatture?" % (R.randint(100, 900), R.randint(1000, 9999),
                                                                     R.randint(150, 400), R.randint(100, 300), V.s(14, DIGITS),
                                                                     last, first, V.s(10, DIGITS)),
        "x12 835 remittance for psychotherapy with patient name", "health")
    # 850 drop-ship to a consumer with name, home address and phone.
    lg = "fr"
    last, first, p = x12_name(lg)
    st, z, c = addr(lg)
    add("edi", "sensitive", "ST*850*0001~\nBEG*00*DS*PO%d**20261124~\nN1*ST*%s %s~\nN3*%s~\nN4*%s*%s*FR~\nPER*IC*%s*TE*%s*EM*%s~\n"
        "PO1*1*1*EA*49.90**UP*%s~\nSE*8*0001~\n\nNotre EDI rejette le PER, quel qualifiant utiliser ?" %
        (R.randint(10000, 99999), first, last, st.upper(), c.upper(), z, p, V.phone(lg), V.mail(p), V.gtin()),
        "x12 850 drop-ship to a consumer", "address,phone,email")
    # EDIFACT PAXLST with passport data.
    segs = ["UNB+UNOA:4+GLOBEXAIR+USCSAPIS+261124:0930+%d'" % R.randint(1000, 9999), "UNH+1+PAXLST:D:02B:UN:IATA'",
            "BGM+745'", "TDT+20+GX%d'" % R.randint(100, 999)]
    for lg in ["pt", "pl"]:
        last, first, _ = x12_name(lg)
        segs += ["NAD+FL+++%s:%s'" % (last, first), "ATT+2++%s'" % R.choice("MF"),
                 "DTM+329:%02d%02d%02d'" % (R.randint(50, 99), R.randint(1, 12), R.randint(1, 28)),
                 "NAT+2+%s'" % {"pt": "PRT", "pl": "POL"}[lg], "DOC+P:110:111+%s'" % V.passport(),
                 "DTM+36:%02d%02d%02d'" % (R.randint(27, 34), R.randint(1, 12), R.randint(1, 28))]
    segs += ["UNT+%d+1'" % (len(segs) - 1), "UNZ+1+%d'" % R.randint(1000, 9999)]
    add("edi", "sensitive", "\n".join(segs) + "\n\nO APIS rejeita a mensagem, é o segmento DOC?", "edifact paxlst with passports",
        "passport")
    # SWIFT MT103 with private ordering customer and beneficiary.
    lg = "de"
    p1, p2 = P("de"), P("es")
    add("edi", "sensitive", "{1:F01COBADEFFAXXX0000000000}{2:I103CAIXESBBXXXXN}{4:\n:20:REF%d\n:23B:CRED\n:32A:261125EUR%d,00\n"
        ":50K:/%s\n%s\n%s\n%s %s\n:59:/%s\n%s\nMADRID\n:70:MIETE NOVEMBER\n:71A:SHA\n-}\n\nWarum kommt die Zahlung als "
        "MT103 statt SEPA?" % (R.randint(10 ** 8, 10 ** 9), R.randint(500, 3000), V.iban_cc("DE"), p1.upper(),
                               addr("de")[0].upper(), addr("de")[1], "MUENCHEN", V.iban_cc("ES", grouped=False), p2.upper()),
        "mt103 between two private persons", "iban,name")
    # Look-alikes: company-to-company invoices and POs, schedules.
    add("edi", "vendor", "UNH+1+INVOIC:D:96A:UN:EAN008'\nBGM+380+INV%d+9'\nDTM+137:20261124:102'\nNAD+SU+4012345000009::9++"
        "Globex Supplies GmbH+Industriestr. 5+Hamburg++20095+DE'\nRFF+VA:%s'\nNAD+BY+5412345000013::9++Retail Partner NV'\n"
        "RFF+VA:%s'\nLIN+1++%s:SRV'\nQTY+47:120'\nMOA+203:1440.00'\nUNT+11+1'\n\nWelches Segment trägt die Steuer?" %
        (R.randint(10000, 99999), V.de_vat(), V.nl_vat(), V.gtin()), "edifact invoic between companies with VAT ids",
        "company_vat,gtin")
    add("edi", "vendor", "ST*810*0001~\nBIG*20261124*INV%d*20261101*PO%d~\nN1*RE*GLOBEX SUPPLIES INC*92*%d~\nN1*BY*ACME RETAIL*92*"
        "%d~\nIT1*1*24*EA*12.50**UP*%s~\nTDS*30000~\nSE*7*0001~\n\nExplain the IT1 segment." %
        (R.randint(10000, 99999), R.randint(10000, 99999), R.randint(1000, 9999), R.randint(1000, 9999), V.gtin()),
        "x12 810 between companies", "gtin")
    add("edi", "vendor", "ST*856*0001~\nBSN*00*SHP%d*20261124*1200~\nHL*1**S~\nTD5**2*UPSN~\nREF*CN*%s~\nN1*ST*ACME DC 4*92*0042~\n"
        "HL*2*1*I~\nLIN**UP*%s~\nSN1**48*EA~\nSE*10*0001~\n\n¿Dónde va el número de seguimiento?" %
        (R.randint(10000, 99999), V.ups(), V.gtin()), "x12 856 to a distribution center", "tracking_number")
    add("edi", "vendor", "{1:F01GLBXDEFFAXXX0000000000}{2:I103BNPAFRPPXXXXN}{4:\n:20:INV-2026-%d\n:32A:261125EUR%d,00\n"
        ":50K:/%s\nGLOBEX SUPPLIES GMBH\nHAMBURG\n:59:/FR7630006000011234567890189\nACME RETAIL SA\n:70:INVOICE %d\n:71A:OUR\n-}\n\n"
        "Is field 71A OUR or SHA better for supplier payments?" % (R.randint(1000, 9999), R.randint(10000, 90000),
                                                                    "DE89370400440532013000", R.randint(1000, 9999)),
        "mt103 between companies with documentation IBANs", "documentation_iban")


# ---------------------------------------------------------------------------------------------- database and BI exports
def dbexport_cases():
    # Elasticsearch hits.
    for lg in ["es", "it", "fr"]:
        hits = []
        for _ in range(2):
            p = P(lg)
            hits.append({"_index": "customers-2026.11", "_id": V.s(20, ALNUM + "-_"), "_score": round(R.random() * 9, 4),
                         "_source": {"nombre" if lg == "es" else "nome" if lg == "it" else "nom": p, "email": V.mail(p),
                                     "telefono" if lg != "fr" else "telephone": V.phone(lg), "segment": "gold"}})
        add("dbexport", "sensitive", jd({"took": R.randint(2, 90), "timed_out": False, "hits": {"total": {"value": 2, "relation": "eq"},
                                                                                             "hits": hits}}, 2) + "\n" + ask(lg, "fix"),
            "elasticsearch hits with customers (%s)" % lg, "email,phone")
    # MongoDB shell output.
    lg = "de"
    p = P(lg)
    add("dbexport", "sensitive", "globex> db.users.find({ email: /%s/ }).limit(1)\n[\n  {\n    _id: ObjectId('%s'),\n    "
        "email: '%s',\n    passwordHash: '%s',\n    createdAt: ISODate('%s.000Z'),\n    roles: [ 'customer' ]\n  }\n]\n\n"
        "Warum ist die Abfrage so langsam?" % (p.split()[1].lower()[:4], V.object_id(), V.mail(p), V.bcrypt(), V.ts()),
        "mongosh output with email and bcrypt hash", "email,password_hash")
    lg = "pt"
    p = P(lg)
    add("dbexport", "sensitive", "rs0:PRIMARY> db.pacientes.findOne()\n{\n\t\"_id\" : ObjectId(\"%s\"),\n\t\"nome\" : \"%s\",\n"
        "\t\"nif\" : \"%s\",\n\t\"diagnostico\" : \"%s\",\n\t\"admitido\" : ISODate(\"%s.000Z\")\n}\n\nComo crio um índice em nif?"
        % (V.object_id(), p, V.pt_nif_personal(), R.choice(["esclerose múltipla", "depressão major", "VIH"]), V.ts()),
        "mongo shell patient document", "health,national_id")
    # Redis MONITOR.
    add("dbexport", "sensitive", "1764071234.123456 [0 10.0.3.17:51234] \"AUTH\" \"default\" \"%s\"\n1764071234.124001 [0 "
        "10.0.3.17:51234] \"GET\" \"feature:flags\"\n1764071234.130222 [0 10.0.3.17:51234] \"EXPIRE\" \"ratelimit:api\" \"60\"\n\n"
        "Qué cliente está generando tanto tráfico?" % V.password(), "redis monitor with AUTH password", "password")
    p = P("nl")
    add("dbexport", "sensitive", "1764072000.551002 [1 10.0.4.2:40012] \"SET\" \"sess:%s\" \"{\\\"uid\\\":%d,\\\"email\\\":\\\"%s\\\","
        "\\\"phone\\\":\\\"%s\\\"}\" \"EX\" \"3600\"\n\nWaarom verlopen sessies te vroeg?" % (V.hex(32), R.randint(1000, 9999),
                                                                                        V.mail(p), V.phone("nl")),
        "redis monitor session with email", "email,phone")
    # Avro dump (avro-tools tojson) with rows.
    rows = []
    for _ in range(2):
        p = P("pl")
        rows.append(jd({"employee_id": R.randint(1000, 9999), "full_name": p, "pesel": V.pl_pesel(), "iban": V.iban_cc("PL", grouped=False)}))
    add("dbexport", "sensitive", "$ avro-tools tojson part-00000.avro | head -2\n" + "\n".join(rows) +
        "\n\nDlaczego pole iban jest stringiem a nie bytes?", "avro tojson rows with PESEL and IBAN", "national_id,iban")
    # parquet head with rows.
    rows = ["$ parquet-tools head -n 3 payroll_2026_10.parquet"]
    for _ in range(3):
        p = P("fr")
        rows += ["nom = %s" % p, "nir = %s" % V.fr_nir(), "salaire_brut = %d" % amount(), ""]
    add("dbexport", "sensitive", "\n".join(rows) + "Le fichier fait 2 Go, comment le lire par morceaux en pandas ?",
        "parquet head with NIR and salaries", "national_id")
    # SpreadsheetML (Excel 2003 XML).
    cells = []
    for _ in range(2):
        p = P("es")
        cells.append("   <Row><Cell><Data ss:Type=\"String\">%s</Data></Cell><Cell><Data ss:Type=\"String\">%s</Data></Cell>"
                     "<Cell><Data ss:Type=\"String\">%s</Data></Cell></Row>" % (p, V.es_dni(), V.iban_cc("ES")))
    add("dbexport", "sensitive", "<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
        "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n <Worksheet ss:Name=\"Nóminas\">\n  <Table>\n   <Row><Cell>"
        "<Data ss:Type=\"String\">Empleado</Data></Cell><Cell><Data ss:Type=\"String\">DNI</Data></Cell><Cell><Data "
        "ss:Type=\"String\">IBAN</Data></Cell></Row>\n" + "\n".join(cells) + "\n  </Table>\n </Worksheet>\n</Workbook>\n"
        "¿Cómo lo abro con openpyxl?", "spreadsheetml payroll with DNI and IBAN", "national_id,iban")
    # Japanese BI export CSV.
    rows = ["顧客ID,氏名,電話番号,メール"]
    for _ in range(3):
        p = P("ja")
        rows.append("%d,%s,%s,%s" % (R.randint(10000, 99999), p, V.phone("ja"), V.mail(p)))
    add("dbexport", "sensitive", "\n".join(rows) + "\nこのエクスポートの重複を削除するSQLを書いて", "japanese bi export",
        "phone,email")
    # Look-alikes.
    add("dbexport", "vendor", "$ parquet-tools schema payroll_2026_10.parquet\nmessage spark_schema {\n  optional binary nom (STRING);\n"
        "  optional binary nir (STRING);\n  optional int64 salaire_brut;\n}\n\nComment partitionner par mois ?",
        "parquet schema without rows", "schema")
    add("dbexport", "vendor", jd({"type": "record", "name": "Employee", "namespace": "com.globex.hr", "fields": [
        {"name": "employee_id", "type": "int"}, {"name": "pesel", "type": ["null", "string"], "default": None},
        {"name": "iban", "type": ["null", "string"], "default": None}]}, 2) + "\nIs adding a field with a default backward compatible?",
        "avro schema without rows", "schema")
    add("dbexport", "vendor", "globex> db.products.find().limit(2)\n[\n  { _id: ObjectId('%s'), sku: 'MUG-300-WHT', gtin: '%s', "
        "price: Decimal128('7.90'), updatedAt: ISODate('%s.000Z') },\n  { _id: ObjectId('%s'), sku: 'MUG-300-BLK', gtin: '%s', "
        "price: Decimal128('7.90'), updatedAt: ISODate('%s.000Z') }\n]\n\nWie mache ich ein Bulk-Update der Preise?" %
        (V.object_id(), V.gtin(), V.ts(), V.object_id(), V.gtin(), V.ts()), "mongosh products", "gtin")
    add("dbexport", "vendor", "1764071234.123456 [0 unix:/run/redis/redis.sock] \"GET\" \"product:%s\"\n1764071234.124001 [0 unix:/run/redis/redis.sock] "
        "\"INCR\" \"stats:pageviews:2026-11-25\"\n1764071234.124300 [0 unix:/run/redis/redis.sock] \"AUTH\" \"(redacted)\"\n\n"
        "Posso usare MONITOR in produzione?" % V.gtin(), "redis monitor with redacted auth", "masked")
    add("dbexport", "vendor", jd({"took": 4, "hits": {"total": {"value": 2}, "hits": [
        {"_index": "orders-2026.11", "_source": {"order_id": "ORD-%d" % R.randint(100000, 999999), "status": "shipped",
                                                 "tracking": V.ups(), "email_hash": hashlib.sha256(V.hex(8).encode()).hexdigest()}},
        {"_index": "orders-2026.11", "_source": {"order_id": "ORD-%d" % R.randint(100000, 999999), "status": "pending",
                                                 "tracking": None, "email_hash": hashlib.sha256(V.hex(8).encode()).hexdigest()}}]}}, 2) +
        "\nCzy mogę agregować po statusie?", "elasticsearch orders with hashed emails", "hashed_email")
    add("dbexport", "vendor", "<Row><Cell><Data ss:Type=\"String\">Land</Data></Cell><Cell><Data ss:Type=\"String\">Umsatz Q3</Data>"
        "</Cell></Row>\n<Row><Cell><Data ss:Type=\"String\">DE</Data></Cell><Cell><Data ss:Type=\"Number\">1240000</Data></Cell></Row>\n"
        "<Row><Cell><Data ss:Type=\"String\">FR</Data></Cell><Cell><Data ss:Type=\"Number\">880500</Data></Cell></Row>\n\n"
        "Mach daraus eine Markdown-Tabelle.", "spreadsheetml revenue by country", "statistics")


# ---------------------------------------------------------------------------------------------- more look-alikes
def lookalike_cases():
    add("lookalike", "vendor", jd({"supplier": "Marchés Réunis SAS", "siren": V.fr_siren(), "tva": V.fr_vat(),
                                   "iban_masked": "FR76 **** **** **** **** ***8 189"}, 2) + "\nLe numéro de TVA est-il cohérent avec le SIREN ?",
        "french company siren and vat", "company_vat")
    add("lookalike", "vendor", "<cac:PartyTaxScheme><cbc:CompanyID>%s</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>"
        "</cac:PartyTaxScheme>\n<cac:PartyLegalEntity><cbc:RegistrationName>Construcciones Ibéricas SL</cbc:RegistrationName>"
        "<cbc:CompanyID>%s</cbc:CompanyID></cac:PartyLegalEntity>\n\n¿Es válida esta factura UBL para FACe?" %
        ("ES" + V.es_cif(), V.es_cif()), "ubl invoice with company CIF", "company_vat")
    add("lookalike", "vendor", "partita_iva;ragione_sociale;pec\n%s;Marchetti Srl;amministrazione@pec.marchetti-srl.it\n%s;Ferri & Figli "
        "Snc;info@pec.ferriefigli.it\n\nCome verifico le partite IVA in blocco?" % (V.it_vat(), V.it_vat()),
        "italian companies' VAT and PEC", "company_vat")
    add("lookalike", "vendor", "NIP: %s\nREGON: %s\nKRS: 0000%s\nSpółka: Globex Polska sp. z o.o.\n\nCzy te numery trzeba "
        "podawać na fakturze?" % (V.pl_nip(), V.pl_regon(), V.s(6, DIGITS)), "polish company numbers", "company_vat")
    add("lookalike", "vendor", jd({"gtin": V.gtin(), "mpn": "KX-%d" % R.randint(1000, 9999), "brand": "Globex",
                                   "title": "Wasserkocher 1,7 l", "price": {"value": "39.99", "currency": "EUR"}}, 2) +
        "\nGoogle Merchant meldet 'ungültige GTIN', warum?", "product feed with gtin", "gtin")
    add("lookalike", "vendor", "Message-ID: %s\nIn-Reply-To: %s\nReferences: %s\nX-Mailer: Microsoft Outlook 16.0\n\nHow does "
        "threading use these headers?" % (V.msgid(), V.msgid(), V.msgid()), "message ids only", "message_id")
    add("lookalike", "vendor", jd({"object": "payment_method", "id": "pm_" + V.s(24), "type": "card", "card": {"brand": "amex",
                                                                                                             "last4": V.s(4, DIGITS), "exp_month": 11,
                                                                                                             "exp_year": 2029, "fingerprint": V.s(16, ALNUM)},
                                   "customer": "cus_" + V.s(14), "livemode": True}, 2) +
        "\nPuis-je stocker le fingerprint pour détecter les doublons ?", "stripe live payment method, tokenized",
        "tokenized_card")
    add("lookalike", "vendor", "tok_visa, tok_mastercard, tok_amex, tok_chargeDeclined, pm_card_visa_debit\n\n"
        "Welche Test-Tokens simulieren 3-D Secure?", "stripe test tokens", "test_values")
    add("lookalike", "vendor", "Tracking: %s (UPS), %s (DHL Express), 3SPOST%s (PostNL)\nBestelling: #%d\n\nWaarom is UPS zo traag "
        "deze week?" % (V.ups(), V.dhl(), V.s(9, DIGITS), R.randint(1000, 9999)), "tracking numbers", "tracking_number")
    add("lookalike", "vendor", "email_sha256,first_seen,orders\n%s,2025-03-02,4\n%s,2026-01-11,1\n%s,2024-10-30,9\n\n"
        "Serve per il custom audience di Meta: formato corretto?" % (hashlib.sha256(V.hex(6).encode()).hexdigest(),
                                                                   hashlib.sha256(V.hex(6).encode()).hexdigest(),
                                                                   hashlib.sha256(V.hex(6).encode()).hexdigest()),
        "hashed email audience file", "hashed_email")
    add("lookalike", "vendor", "Card number: 4000 0025 0000 3155 (requires authentication), 4000 0000 0000 9995 (insufficient funds), "
        "5555 5555 5555 4444\n\nWhich of Stripe's test cards triggers 3DS2?", "stripe documented test cards", "test_card")
    add("lookalike", "vendor", "IBAN: DE** **** **** **** **12 34\nKontoinhaber: M. S****\nMandatsreferenz: MD-%d\n\nDarf ich "
        "das so im Kundenportal anzeigen?" % R.randint(100000, 999999), "masked IBAN and name", "masked")
    add("lookalike", "vendor", "注文番号: %d-%d\nJANコード: %s\n配送伝票番号: %s\n\nこの注文の配送状況を確認する文面を作って" %
        (R.randint(100, 999), R.randint(1000000, 9999999), V.gtin(), V.s(12, DIGITS)), "japanese order with JAN and slip number",
        "gtin,tracking_number")
    add("lookalike", "vendor", "A Luhn check on '4532 0151 1283 0367' fails (sum 69), so our form rejects it; is the Luhn code "
        "below right?\n\ndef luhn(n): ...", "card failing luhn", "luhn_fail")
    add("lookalike", "vendor", "Estadísticas del trimestre: 18.420 pedidos, 2,3 % devoluciones, ticket medio 64,10 €, 312 tickets "
        "de soporte (tiempo medio 4 h). Resume en tres frases.", "statistics", "statistics")
    add("lookalike", "vendor", "Wie sollte ein Webhook-Endpunkt für Zahlungsanbieter aufgebaut sein (Signaturprüfung, Idempotenz, "
        "Retries)? Bitte mit Beispiel in Go.", "general question", "general")


# ---------------------------------------------------------------------------------------------- ordinary machine text
def ordinary_cases():
    """Look-alikes in each format: what these systems emit when nothing personal or secret is in it."""
    add("webhook", "vendor", "X-Shopify-Topic: orders/create\nX-Shopify-Test: true\n\n" + jd({
        "id": 820982911946154508, "email": "jon@example.com", "name": "#9999", "test": True,
        "shipping_address": {"first_name": "Steve", "last_name": "Shipper", "address1": "123 Shipping Street",
                             "city": "Shippington", "zip": "40003", "country_code": "US", "phone": "555-555-SHIP"},
        "line_items": [{"sku": "SKU2006-001", "title": "Aviator sunglasses", "price": "89.99"}]}, 2) +
        "\nDas ist die Testbenachrichtigung aus dem Shopify-Admin, wieso fehlt customer?", "shopify admin test notification",
        "documentation_payload")
    add("webhook", "vendor", "STRIPE_SECRET_KEY=sk_test_%s\nSTRIPE_PUBLISHABLE_KEY=pk_test_%s\n\nEn modo test todo "
        "funciona; ¿qué cambia al pasar a live?" % (V.s(24), V.s(24)), "stripe test-mode keys", "test_key")
    add("crm", "vendor", jd([{"objectId": R.randint(10 ** 8, 10 ** 9), "propertyName": "lifecyclestage", "propertyValue": "customer",
                              "changeSource": "CRM_UI", "eventId": R.randint(10 ** 8, 10 ** 9), "subscriptionId": R.randint(1000, 9999),
                              "portalId": R.randint(10 ** 6, 10 ** 7), "appId": R.randint(10 ** 5, 10 ** 6), "occurredAt": 1764070000000,
                              "subscriptionType": "contact.propertyChange", "attemptNumber": 0}], 2) +
        "\nComo garanto idempotência com eventId?", "hubspot webhook without personal values", "ids")
    add("crm", "vendor", jd({"ticket": {"id": R.randint(10000, 99999), "subject": "Firmware 4.2.1 – Bluetooth bricht ab",
                                        "description": "Nach dem Update auf 4.2.1 verliert das Headset alle 10 Minuten die "
                                                       "Verbindung. Modell KX-H%d, Seriennummer auf der Verpackung." % R.randint(100, 999),
                                        "tags": ["firmware", "bluetooth"], "status": "open"}}, 2) +
        "\nFasse das Problem für die Entwicklung zusammen.", "zendesk ticket about a product", "product_issue")
    add("hr", "vendor", jd({"data": [{"id": 1, "attributes": {"name": "Urlaub", "category": "paid_vacation"}},
                                     {"id": 2, "attributes": {"name": "Krankheit", "category": "sick_leave"}},
                                     {"id": 3, "attributes": {"name": "Elternzeit", "category": "parental_leave"}}]}, 2) +
        "\nWie lege ich einen neuen Abwesenheitstyp per API an?", "personio absence types", "schema")
    add("hr", "vendor", "<wd:Organization_Data><wd:Organization_Name>Finance EMEA</wd:Organization_Name><wd:Organization_Code>"
        "CC-4410</wd:Organization_Code><wd:Headcount>37</wd:Headcount></wd:Organization_Data>\nDe quelle API vient ce bloc ?",
        "workday organization without persons", "org_data")
    add("messaging", "vendor", "Error 21608: The number is unverified. Trial accounts cannot send messages to unverified numbers.\n"
        "Error 30007: Message filtered (carrier violation).\n\nCome evito il 30007 con i messaggi promozionali?",
        "twilio error codes", "docs")
    add("mime", "vendor", "Auto-Submitted: auto-replied\nSubject: Automatische Antwort: Lieferung KW 48\nContent-Type: text/plain; "
        "charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n" + qp("Vielen Dank für Ihre Nachricht. Ich bin bis "
        "einschließlich 04.12. nicht im Büro. In dringenden Fällen wenden Sie sich bitte an unseren Vertrieb.") +
        "\n\nWie filtere ich Abwesenheitsnotizen in unserem Ticketsystem aus?", "out-of-office auto reply in QP",
        "auto_reply", "quoted_printable")
    add("mime", "vendor", "Content-Type: text/calendar; method=REQUEST; charset=\"UTF-8\"\n\nBEGIN:VCALENDAR\nBEGIN:VEVENT\n"
        "UID:%s\nDTSTART:20261201T090000Z\nSUMMARY:Revisión trimestral de proveedores\nLOCATION:Sala Atlántico\nEND:VEVENT\n"
        "END:VCALENDAR\n\n¿Por qué Outlook no muestra la invitación?" % V.uuid(), "calendar invite without people",
        "calendar")
    add("syslog", "vendor", "2026-11-25 04:12:09,114 fail2ban.actions [812]: NOTICE  [sshd] Ban %s\n2026-11-25 04:22:09,301 "
        "fail2ban.actions [812]: NOTICE  [sshd] Unban %s\n\nIst bantime = 10m zu kurz?" % (V.public_ip(), V.public_ip()),
        "fail2ban bans of public ips", "plain_log")
    add("syslog", "vendor", "Nov 26 00:00:01 web-02 logrotate[31022]: error: skipping \"/var/log/nginx/access.log\" because parent "
        "directory has insecure permissions (It's world writable or writable by group which is not \"root\")\n\n"
        "Hoe los ik dit op?", "logrotate error", "plain_log")
    add("winevent", "vendor", "<Event><System><Provider Name=\"Service Control Manager\"/><EventID>7036</EventID></System>"
        "<EventData><Data Name=\"param1\">Windows Update</Data><Data Name=\"param2\">running</Data></EventData></Event>\n"
        "Czy to zdarzenie jest istotne?", "service state event", "plain_log")
    add("accesslog", "vendor", '127.0.0.1 - - [24/Nov/2026:10:00:00 +0100] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.30"\n'
        '127.0.0.1 - - [24/Nov/2026:10:00:10 +0100] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.30"\n\n'
        "Kann ich die Probes aus dem Log filtern?", "health probes", "plain_log")
    add("applog", "vendor", jd({"ts": V.ts() + "Z", "level": "info", "msg": "login ok", "user_id": R.randint(1000, 9999),
                                "credentials": {"username": "***", "password": "***"}, "mfa": "totp"}) +
        "\nLe masquage des credentials suffit-il ?", "masked credentials in log", "masked")
    add("soap", "vendor", "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Unmarshalling Error: cvc-complex-type.2.4.a: "
        "Invalid content was found starting with element 'ns:Amount'</faultstring></soap:Fault>\n\nQué elemento falta?",
        "soap fault", "error")
    add("saml", "vendor", "<saml:Subject><saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:transient\">_%s"
        "</saml:NameID></saml:Subject>\n<saml:AttributeStatement><saml:Attribute Name=\"eduPersonAffiliation\">"
        "<saml:AttributeValue>staff</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>\n\nWat is een transient "
        "NameID?" % V.hex(32), "saml with transient id and affiliation only", "pseudonymous")
    add("ldif", "vendor", "dn: cn=config\nchangetype: modify\nreplace: olcLogLevel\nolcLogLevel: stats\n\nQual è il livello di log "
        "consigliato?", "ldif config change", "config")
    add("api", "vendor", "components:\n  securitySchemes:\n    bearerAuth:\n      type: http\n      scheme: bearer\n      "
        "bearerFormat: JWT\n    apiKeyHeader:\n      type: apiKey\n      in: header\n      name: X-API-Key\n\nJak wymusić "
        "oba schematy naraz?", "openapi security schemes", "schema")
    add("api", "vendor", "$ grpcurl -plaintext localhost:50051 grpc.health.v1.Health/Check\n{\n  \"status\": \"SERVING\"\n}\n\n"
        "ヘルスチェックの結果の意味は？", "grpc health check", "plain_log")
    add("edi", "vendor", "ST*997*0001~\nAK1*PO*%d~\nAK2*850*0001~\nAK5*A~\nAK9*A*1*1*1~\nSE*6*0001~\n\nWhat does AK5*A mean?" %
        R.randint(100, 999), "x12 997 acknowledgment", "ack")
    add("edi", "vendor", "UNH+1+IFTSTA:D:01B:UN'\nBGM+23+ST%d+9'\nCNI+1+%s'\nSTS+1+21'\nLOC+14+DEHAM'\nUNT+6+1'\n\n"
        "Statuscode 21 bedeutet?" % (R.randint(1000, 9999), V.dhl()), "edifact status message with consignment number",
        "tracking_number")
    add("dbexport", "vendor", "# Keyspace\ndb0:keys=18231,expires=17002,avg_ttl=3512210\n# Memory\nused_memory_human:1.42G\n"
        "maxmemory_policy:allkeys-lru\n\nIs allkeys-lru right for a session cache?", "redis info", "stats")
    add("dbexport", "vendor", jd({"cluster_name": "logs-prod", "status": "yellow", "number_of_nodes": 3,
                                  "unassigned_shards": 4, "active_shards_percent_as_number": 92.3}, 2) +
        "\nPourquoi le cluster est-il jaune ?", "elasticsearch cluster health", "stats")


webhook_cases()
crm_cases()
hr_cases()
messaging_cases()
mime_cases()
syslog_cases()
winevent_cases()
auditd_cases()
accesslog_cases()
applog_cases()
soap_cases()
saml_cases()
ldif_cases()
api_cases()
edi_cases()
dbexport_cases()
lookalike_cases()
ordinary_cases()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout15.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
