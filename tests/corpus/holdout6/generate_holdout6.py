#!/usr/bin/env python3
"""Writes the sixth held-out split (tests/corpus/holdout6/holdout6.jsonl), written for issue 17 after
the hint-driven round of fixes (joined view, national identifiers, config credentials) and before
the next one, and run once as written. Style: issue trackers (Jira and GitHub issue comments with
their markup), Jupyter notebooks (cell JSON), spreadsheets exported as CSV/TSV, and OCR text of
scanned forms (broken lines, stray characters), in English, German, French, Spanish, Italian and
Japanese. Labeled by what a compliance officer would keep inside: credentials, card and bank
numbers, national identifiers, contact details of a person, health information about a named
person. Look-alikes are labeled vendor: placeholders, documented sample values, version strings,
part numbers, loyalty numbers, numbers that fail their check digit, general medical questions.
Run: python3 tests/corpus/holdout6/generate_holdout6.py"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_eu import EuValues, NUMBER_WORDS  # noqa

V = EuValues(20261206)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout6-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def jira(summary, body, comments):
    key = "%s-%d" % (R.choice(["OPS", "SUP", "HR", "PAY", "INFRA"]), R.randint(100, 9999))
    out = ["h2. %s: %s" % (key, summary), "*Reporter:* %s" % R.choice(["agent7", "helpdesk", "n.fischer"]),
           "", body]
    for who, text in comments:
        out += ["", "----", "*%s* commented:" % who, text]
    return "\n".join(out)


def gh_issue(title, body, comments):
    out = ["### %s" % title, "", body]
    for who, text in comments:
        out += ["", "**@%s** commented %d days ago" % (who, R.randint(1, 30)), "", text]
    return "\n".join(out)


def notebook(cells):
    """cells: [(kind, source)] -> an .ipynb excerpt (sources as line lists, as Jupyter saves them)."""
    nb = {"cells": [], "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4}
    for kind, source in cells:
        lines = source.split("\n")
        cell = {"cell_type": kind, "metadata": {},
                "source": [l + "\n" for l in lines[:-1]] + [lines[-1]]}
        if kind == "code":
            cell["outputs"] = []
            cell["execution_count"] = R.randint(1, 40)
        nb["cells"].append(cell)
    return json.dumps(nb, indent=1, ensure_ascii=False)


def csv(header, rows, sep=","):
    return "\n".join([sep.join(header)] + [sep.join(r) for r in rows])


def ocr(text):
    """Scanner noise: a few line breaks in odd places, doubled spaces, a stray '|' or '~'."""
    words = text.split(" ")
    out = []
    for w in words:
        out.append(w)
        x = R.random()
        if x < 0.08:
            out.append("\n")
        elif x < 0.12:
            out.append(" ")
    s = " ".join(out).replace(" \n ", "\n")
    if R.random() < 0.5:
        s = s.replace(":", " :", 1)
    return s + R.choice(["", "\n|", "\n~", "\n- 1 -"])


ASK = ["Can you summarize this?", "Please translate to English.", "What should I reply?",
       "Draft a follow-up.", "Clean up this text.", "Fix the formatting please."]

# ------------------------------------------------------------------ issue trackers (EN)
for i in range(10):
    pw = V.password()
    kind = i % 5
    if kind == 0:
        body = "Prod deploy fails on the DB migration step. Log:\n{code}\nFATAL: password authentication failed for user \"svc_app\"\n{code}"
        comment = "Tried again with the creds from the vault entry: {{PGPASSWORD=%s psql -h %s -U svc_app}} same error" % (pw, R.choice(["10.20.3.4", "pg.internal"]))
        add("tracker", "sensitive", jira("Migration fails", body, [("j.doe", comment)]), "password in a Jira comment", "password")
    elif kind == 1:
        tok = V.github_pat()
        body = "CI can't push tags since yesterday."
        comment = "Set the secret to a fresh PAT, `%s`, and re-ran; works now." % tok
        add("tracker", "sensitive", gh_issue("CI push broken", body, [("ops-bot", comment)]), "token in a GitHub issue", "github_token")
    elif kind == 2:
        key = V.aws_key_id()
        sec = V.aws_secret()
        body = "Backup job to S3 returns 403."
        comment = "Credentials in the job config:\n```\naws_access_key_id = %s\naws_secret_access_key = %s\n```" % (key, sec)
        add("tracker", "sensitive", gh_issue("S3 backup 403", body, [("lhughes", comment)]), "AWS pair in an issue", "aws_key")
    elif kind == 3:
        card = V.card()
        body = "Customer called, payment declined twice."
        comment = "Card on file is %s exp %02d/%02d, please check with the acquirer." % (card, R.randint(1, 12), R.randint(26, 30))
        add("tracker", "sensitive", jira("Payment declined", body, [("support2", comment)]), "card number in a ticket comment", "credit_card")
    else:
        iban = V.iban()
        body = "Refund requested for order %d." % R.randint(100000, 999999)
        comment = "Refund to account %s (holder %s)." % (iban, V.person("en"))
        add("tracker", "sensitive", jira("Refund", body, [("billing", comment)]), "IBAN in a ticket", "iban")

for i in range(10):
    kind = i % 5
    if kind == 0:
        body = "Docs say to set `API_KEY=<your key>` but the sample uses `sk-...`. Which is it?"
        add("tracker", "vendor", gh_issue("Docs unclear", body, [("maint", "Use your own key; never paste it here.")]), "placeholders", "placeholder")
    elif kind == 1:
        body = "Firmware %s bricks the unit after update from %s." % (V.private_ip_version(), V.private_ip_version())
        add("tracker", "vendor", jira("Firmware regression", body, [("qa", "Reproduced on build %s." % V.private_ip_version())]), "versions shaped like private IPs", "version")
    elif kind == 2:
        body = "Part number %s (SKU) is out of stock, replace with SKU %s." % (V.ssn_shaped_sku(), V.ssn_shaped_sku())
        add("tracker", "vendor", jira("Stock", body, []), "SKUs shaped like SSNs", "sku")
    elif kind == 3:
        body = "Commit %s broke the build; see run %s." % (V.git_sha(), V.uuid())
        add("tracker", "vendor", gh_issue("Build broken", body, [("ci", "Reverted in %s." % V.git_sha()[:12])]), "hashes and ids", "hashes")
    else:
        body = "Test card 4242 4242 4242 4242 works in sandbox but not 4000 0000 0000 0002."
        add("tracker", "vendor", gh_issue("Stripe test cards", body, []), "documented test cards", "test_card")

# ------------------------------------------------------------------ notebooks
for i in range(8):
    kind = i % 4
    if kind == 0:
        src = "import openai\nclient = openai.OpenAI(api_key=\"%s\")\nresp = client.models.list()" % V.openai()
        add("notebook", "sensitive", notebook([("markdown", "# Quick test"), ("code", src)]), "key in a notebook cell", "openai_key")
    elif kind == 1:
        src = "import pandas as pd\ndf = pd.read_sql(q, \"postgresql://analyst:%s@%s:5432/crm\")" % (V.password(), R.choice(["10.4.0.9", "warehouse.prod.net"]))
        add("notebook", "sensitive", notebook([("code", src)]), "DB URI with password in a notebook", "password")
    elif kind == 2:
        rows = ["%s,%s,%s" % (V.person("en"), V.ssn(), R.choice(["approved", "pending"])) for _ in range(3)]
        src = "df.head(3)\n# name,ssn,status\n# " + "\n# ".join(rows)
        add("notebook", "sensitive", notebook([("code", src)]), "SSNs in notebook output", "ssn")
    else:
        fkey = V.b64_secret(32).rstrip("=").replace("+", "-").replace("/", "_")[:43] + "="
        src = "from cryptography.fernet import Fernet\nFERNET_KEY = b\"%s\"\nf = Fernet(FERNET_KEY)" % fkey
        add("notebook", "sensitive", notebook([("code", src)]), "Fernet key in a notebook", "generic_secret")
for i in range(8):
    kind = i % 4
    if kind == 0:
        src = "import os\nclient = openai.OpenAI(api_key=os.environ[\"OPENAI_API_KEY\"])"
        add("notebook", "vendor", notebook([("code", src)]), "key from the environment", "env_reference")
    elif kind == 1:
        src = "df = pd.read_csv('sales_%d.csv')\ndf.groupby('region').sum()" % R.randint(2019, 2025)
        add("notebook", "vendor", notebook([("markdown", "## Sales by region"), ("code", src)]), "plain analysis", "none")
    elif kind == 2:
        src = "hash = hashlib.sha256(data).hexdigest()\nassert hash == \"%s\"" % V.sha256()
        add("notebook", "vendor", notebook([("code", src)]), "hash literal", "hashes")
    else:
        src = "# Diabetes dataset (sklearn), no personal data\nfrom sklearn.datasets import load_diabetes\nX, y = load_diabetes(return_X_y=True)"
        add("notebook", "vendor", notebook([("code", src)]), "public medical dataset", "medical_question")

# ------------------------------------------------------------------ spreadsheets (CSV/TSV)
for i in range(12):
    kind = i % 6
    lang = ["de", "fr", "es", "it", "en", "de"][kind]
    if kind == 0:
        rows = [[V.person("de"), V.de_tax_id(), "Berlin"] for _ in range(3)]
        add("sheet", "sensitive", csv(["Name", "Steuer-ID", "Ort"], rows, ";"), "German tax ids in a sheet", "de_tax_id")
    elif kind == 1:
        rows = [[V.person("fr"), V.fr_nir(), V.phone_eu("fr")] for _ in range(3)]
        add("sheet", "sensitive", csv(["nom", "n° sécu", "téléphone"], rows, ";"), "French NIR and phones", "fr_nir")
    elif kind == 2:
        rows = [[V.person("es"), V.es_dni(), V.phone_eu("es")] for _ in range(3)]
        add("sheet", "sensitive", csv(["nombre", "DNI", "móvil"], rows), "Spanish DNI and phones", "es_dni")
    elif kind == 3:
        rows = [[V.person("it"), V.it_fiscal_code(), V.phone_eu("it")] for _ in range(3)]
        add("sheet", "sensitive", csv(["nominativo", "codice fiscale", "cellulare"], rows, "\t"), "Italian fiscal codes", "it_fiscal_code")
    elif kind == 4:
        rows = [[V.person("en"), V.uk_nino(), V.nhs_number()] for _ in range(3)]
        add("sheet", "sensitive", csv(["employee", "NI number", "NHS no"], rows), "UK NINO and NHS numbers", "uk_nino")
    else:
        rows = [[V.person("de"), V.iban(), "%d,00" % R.randint(100, 5000)] for _ in range(3)]
        add("sheet", "sensitive", csv(["Empfänger", "IBAN", "Betrag"], rows, ";"), "payroll IBANs", "iban")
for i in range(12):
    kind = i % 6
    if kind == 0:
        rows = [["SKU-%d" % R.randint(1000, 9999), V.ssn_shaped_sku(), str(R.randint(1, 90))] for _ in range(4)]
        add("sheet", "vendor", csv(["item", "part no", "qty"], rows), "part numbers shaped like SSNs", "sku")
    elif kind == 1:
        rows = [[V.loyalty_number(), str(R.randint(0, 9000))] for _ in range(3)]
        add("sheet", "vendor", csv(["loyalty card", "points"], rows, ";"), "loyalty numbers (9xxx IIN)", "loyalty")
    elif kind == 2:
        rows = [[V.private_ip_version(), "%d-%02d-%02d" % (2025, R.randint(1, 12), R.randint(1, 28))] for _ in range(4)]
        add("sheet", "vendor", csv(["firmware", "released"], rows), "firmware versions", "version")
    elif kind == 3:
        rows = [[R.choice(["Nord", "Süd", "West"]), str(R.randint(10000, 99999)), "%d%%" % R.randint(1, 40)] for _ in range(4)]
        add("sheet", "vendor", csv(["Region", "Umsatz", "Wachstum"], rows, ";"), "sales figures", "none")
    elif kind == 4:
        rows = [[V.de_tax_id(valid=False), "ungültig"] for _ in range(3)]
        add("sheet", "vendor", csv(["Steuer-ID (Testdaten)", "Status"], rows, ";"), "tax ids failing the check digit", "check_fail")
    else:
        rows = [[R.choice(["ISO 9001", "ISO 27001", "EN 1090"]), "%d.%d" % (R.randint(1, 9), R.randint(0, 9))] for _ in range(3)]
        add("sheet", "vendor", csv(["Norm", "Version"], rows), "standards and versions", "none")

# ------------------------------------------------------------------ OCR of scanned forms
for i in range(12):
    kind = i % 6
    if kind == 0:
        p, d = V.person("de"), V.dob("de")
        icd, gloss = V.icd10()
        text = "Arbeitsunfähigkeitsbescheinigung Versicherter: %s geb. am %s Diagnose: %s %s arbeitsunfähig bis %02d.%02d." % (p, d, icd, gloss, R.randint(1, 28), R.randint(1, 12))
        add("ocr", "sensitive", ocr(text), "sick note with ICD-10 code", "health_record")
    elif kind == 1:
        p = V.person("fr")
        text = "CERTIFICAT MÉDICAL Je soussigné certifie avoir examiné %s, né le %s, atteint d'un %s, arrêt de travail de %d jours." % (p, V.dob("fr"), R.choice(["cancer du sein", "épisode dépressif sévère", "trouble bipolaire"]), R.randint(5, 30))
        add("ocr", "sensitive", ocr(text), "French medical certificate", "health_record")
    elif kind == 2:
        p = V.person("es")
        text = "INFORME CLÍNICO Paciente: %s Fecha de nacimiento: %s Diagnóstico: %s. Tratamiento: %s." % (p, V.dob("es"), R.choice(["esquizofrenia paranoide", "linfoma de Hodgkin", "diabetes tipo 2"]), R.choice(["quimioterapia", "olanzapina 10 mg", "metformina"]))
        add("ocr", "sensitive", ocr(text), "Spanish clinical report", "health_record")
    elif kind == 3:
        card = V.card()
        text = "AUTORISATION DE PRÉLÈVEMENT Titulaire: %s Carte n° %s Expire fin %02d/%d Signature:" % (V.person("fr"), card, R.randint(1, 12), R.randint(2026, 2030))
        add("ocr", "sensitive", ocr(text), "card in a scanned form", "credit_card")
    elif kind == 4:
        p = V.person("ja")
        text = "診断書 患者氏名：%s 生年月日：%s 病名：%s 上記の通り診断します。" % (p, V.dob("ja"), R.choice(["うつ病", "乳がん", "統合失調症", "双極性障害"]))
        add("ocr", "sensitive", ocr(text), "Japanese medical certificate", "health_record")
    else:
        text = "Modulo di adesione Cognome e nome: %s Codice fiscale: %s Telefono: %s" % (V.person("it"), V.it_fiscal_code(), V.phone_eu("it"))
        add("ocr", "sensitive", ocr(text), "Italian form with fiscal code", "it_fiscal_code")
for i in range(12):
    kind = i % 6
    if kind == 0:
        text = "Merkblatt: Was ist eine Arbeitsunfähigkeitsbescheinigung? Diagnosen werden nach ICD-10 verschlüsselt, z. B. F32 für depressive Episoden."
        add("ocr", "vendor", ocr(text), "general leaflet with an ICD code", "medical_question")
    elif kind == 1:
        text = "Fiche pratique : le cancer du sein touche une femme sur huit. Parlez-en à votre médecin."
        add("ocr", "vendor", ocr(text), "public health leaflet", "medical_question")
    elif kind == 2:
        text = "Folleto: la diabetes tipo 2 se puede prevenir con ejercicio. Consulte a su médico."
        add("ocr", "vendor", ocr(text), "public health leaflet", "medical_question")
    elif kind == 3:
        text = "BON DE LIVRAISON Réf. article %s Qté %d Version firmware %s" % (V.ssn_shaped_sku(), R.randint(1, 9), V.private_ip_version())
        add("ocr", "vendor", ocr(text), "delivery note with look-alikes", "sku")
    elif kind == 4:
        text = "取扱説明書 バージョン %s 型番 %s お問い合わせはサポートセンターまで。" % (V.private_ip_version(), V.ssn_shaped_sku())
        add("ocr", "vendor", ocr(text), "Japanese manual with version and model number", "version")
    else:
        text = "Carta fedeltà n. %s - accumula punti a ogni acquisto." % V.loyalty_number()
        add("ocr", "vendor", ocr(text), "loyalty card number", "loyalty")

# ------------------------------------------------------------------ spelled-out and split values in comments
for i in range(12):
    lang = ["en", "de", "fr", "es", "it", "ja"][i % 6]
    kind = i // 6
    if kind == 0:
        digits = V.card_digits()
        said = V.dictate(digits, lang)
        text = {"en": "Transcript of the call: the card number is %s.",
                "de": "Gesprächsnotiz: Kartennummer %s.",
                "fr": "Note d'appel : numéro de carte %s.",
                "es": "Nota de la llamada: número de tarjeta %s.",
                "it": "Nota della chiamata: numero di carta %s.",
                "ja": "通話メモ：カード番号は%sです。"}[lang] % said
        add("spelled", "sensitive", text, "card number dictated in words", "credit_card", "number_words")
    else:
        em = V.obfuscated_email(V.person("en") if lang != "ja" else None, lang)
        text = {"en": "Ticket update: customer asks us to write to %s instead.",
                "de": "Ticket: Die Kundin bittet um Antwort an %s.",
                "fr": "Ticket : le client demande une réponse à %s.",
                "es": "Ticket: el cliente pide respuesta a %s.",
                "it": "Ticket: il cliente chiede di scrivere a %s.",
                "ja": "チケット：お客様の連絡先は %s です。"}[lang] % em
        add("spelled", "sensitive", text, "e-mail address spelled out", "email", "at_dot_words")
for i in range(8):
    lang = ["en", "de", "fr", "es"][i % 4]
    kind = i // 4
    if kind == 0:
        text = {"en": "Step one, two, three: open the menu, pick a file, save.",
                "de": "Schritt eins, zwei, drei: Menü öffnen, Datei wählen, speichern.",
                "fr": "Un, deux, trois : ouvrez le menu, choisissez un fichier.",
                "es": "Uno, dos, tres: abra el menú y elija un archivo."}[lang]
        add("spelled", "vendor", text, "counting in words", "none")
    else:
        text = {"en": "Meet us at the office at 10, dot the i's and cross the t's.",
                "de": "Wir treffen uns at home office um 10 Uhr, Punkt.",
                "fr": "Rendez-vous à 10 h point final, at the office.",
                "es": "Nos vemos at the office a las 10 en punto."}[lang]
        add("spelled", "vendor", text, "'at' and 'dot' in ordinary text", "none")

# ------------------------------------------------------------------ health prose (tracker comments, named person)
for i in range(12):
    lang = ["en", "de", "fr", "es", "it", "ja"][i % 6]
    p = V.person(lang)
    text = {"en": "HR note: %s is on leave until May; she has been diagnosed with %s.",
            "de": "Hinweis: %s ist bis Mai krankgeschrieben, bei ihr wurde %s festgestellt.",
            "fr": "Info RH : %s est en arrêt maladie jusqu'en mai, on lui a diagnostiqué %s.",
            "es": "Nota de RRHH: %s está de baja hasta mayo; le han diagnosticado %s.",
            "it": "Nota HR: %s è in malattia fino a maggio, le è stata diagnosticata %s.",
            "ja": "人事メモ：%sさんは5月まで休職。%sと診断されました。"}[lang]
    dx = {"en": ["breast cancer", "severe depression", "schizophrenia", "leukemia"],
          "de": ["Brustkrebs", "eine schwere Depression", "Multiple Sklerose", "Leukämie"],
          "fr": ["un cancer du poumon", "une dépression sévère", "une sclérose en plaques", "une leucémie"],
          "es": ["cáncer de mama", "una depresión grave", "esclerosis múltiple", "leucemia"],
          "it": ["una leucemia", "una depressione grave", "la sclerosi multipla", "un tumore al seno"],
          "ja": ["乳がん", "うつ病", "統合失調症", "白血病"]}[lang]
    add("health", "sensitive", text % (p, R.choice(dx)), "health of a named employee", "health_record")
for i in range(8):
    lang = ["en", "de", "fr", "es"][i % 4]
    text = {"en": ["What are early signs of breast cancer?", "Summarize the 2024 WHO report on depression."],
            "de": ["Welche Symptome hat Multiple Sklerose?", "Erkläre den ICD-10-Code F43.0 allgemein."],
            "fr": ["Quels sont les traitements de la leucémie ?", "Résume l'article sur la schizophrénie."],
            "es": ["¿Cuáles son los síntomas de la diabetes tipo 2?", "Explica qué es la esclerosis múltiple."]}[lang][i // 4]
    add("health", "vendor", text, "general medical question", "medical_question")

# ------------------------------------------------------------------ phones in national formats (tracker comments)
for i in range(10):
    region = ["de", "fr", "es", "it", "nl", "pt", "pl", "jp", "uk", "de"][i]
    lang = {"de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl", "pt": "pt", "pl": "pl", "jp": "ja", "uk": "en"}[region]
    ph = V.phone_eu(region)
    text = {"de": "Rückruf erbeten: %s (%s), ab 14 Uhr.",
            "fr": "Rappel demandé : %s au %s.",
            "es": "Devolver llamada a %s: %s.",
            "it": "Richiamare %s al numero %s.",
            "nl": "Terugbellen: %s op %s.",
            "pt": "Ligar de volta a %s: %s.",
            "pl": "Oddzwonić do %s: %s.",
            "ja": "折り返し連絡：%s様 %s",
            "en": "Callback requested: %s on %s."}[lang] % (V.person(lang), ph)
    add("phone", "sensitive", text, "personal phone in a ticket", "phone")
for i in range(6):
    text = ["Release 2024.10.3 ships on 2025-03-01; build 4471-22-0913.",
            "Room 3.14, floor 2, extension tbd.",
            "Order #20261206-1187 shipped; tracking 1Z999AA10123456784.",
            "Version 10.0.19045.3803 of Windows is affected.",
            "ISBN 978-3-16-148410-0, 3. Auflage, 2019.",
            "Les horaires : 08 h 30 - 17 h 00, du lundi au vendredi."][i]
    add("phone", "vendor", text, "numbers that are not phones", "none")

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout6.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
