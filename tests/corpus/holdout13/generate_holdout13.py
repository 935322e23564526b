#!/usr/bin/env python3
"""Writes the thirteenth held-out split (tests/corpus/holdout13/holdout13.jsonl), written for issue 17
after round 7 and before round 9, and run once as written. It aims at the shape of the first hidden
corpus (five languages: English, German, French, Spanish, Japanese; the default pack plus the
organization overlay policies/examples/globex.yaml) with content no earlier split had: professional
work product. Contracts and NDAs, board and M&A memos, press releases before release, RFP answers,
incident post-mortems, architecture decision records, runbooks, on-call handovers, audit findings,
source code in languages no split used (Kotlin, Swift, C#, PHP, Elixir, Scala, Dart, Lua, R, MATLAB,
COBOL/JCL, VBA, Apex), infrastructure as code no split used (Pulumi, CloudFormation, Serverless,
Packer, Bicep, Nomad, Consul, Salt), data-science artefacts (dbt models, SQL, pandas output), customer
success notes and QBR decks, investor updates, slide speaker notes, translation memories (TMX) and
glossaries, Japanese 稟議書 and 議事録, German Betriebsrat protocols, French comptes rendus, Spanish
actas. The overlay's values appear in new forms: codenames inflected, compounded, translated around
("le projet ...", "Projekt ..."), quoted with 「」 or glued to Japanese; customers in possessive and
shortened forms; internal hosts inside URLs, JDBC strings, ssh configs, kube contexts, log lines and
Markdown links; markers in headers, footers, PDF-to-text watermarks and e-mail subject tags.
Labeled by what may leave the company: credentials, cards, IBANs, identifiers, a person's contact
details and health, private addresses, and the overlay's codenames, hosts, markers, customers and
employee ids stay inside. Look-alikes are vendor: codename homonyms the overlay does not list as
such (a kestrel, bluefin tuna, a manta ray, a lodestar), press releases after release, open-source
license headers, public companies not on the customer list, example.com hosts, public addresses,
documentation keys, masked values, statistics, template clauses ("Confidential Information" as a
defined term), configuration that reads its secrets from a vault or the environment.
Run: python3 tests/corpus/holdout13/generate_holdout13.py"""

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


class H13Values(WorldValues):
    IBAN_LENGTHS = dict(WorldValues.IBAN_LENGTHS, DE=(22, "n"), FR=(27, "n"), ES=(24, "n"))

    def hex(self, n):
        return self.s(n, HEXD)

    def emp(self):
        return "GX-%06d" % self.r.randint(100000, 999999)

    def host(self, role=None):
        role = role or self.pick(["db-prod-%02d" % self.r.randint(1, 40), "pg-replica-%d" % self.r.randint(1, 9),
                                  "vault", "grafana.eu1", "jenkins-ci", "ldap", "kafka-%02d" % self.r.randint(1, 12),
                                  "bastion", "sap-erp", "jira", "wiki", "build%02d" % self.r.randint(1, 20),
                                  "redis-cache-%d" % self.r.randint(1, 6), "payments-api"])
        return role + "." + self.pick(["corp.globex.internal", "globex-intra.net", "globex.lan",
                                       "corp.globex.internal"])

    def consul_gossip(self):
        import base64
        return base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(32))).decode()

    def mail(self, person, domain=None):
        tr = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "é": "e", "è": "e", "í": "i", "á": "a",
                            "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "ê": "e", " ": ""})
        first, last = person.split(" ", 1)
        local = self.pick([first.lower().translate(tr) + "." + last.lower().translate(tr),
                           first[0].lower() + last.lower().translate(tr),
                           first.lower().translate(tr) + str(self.r.randint(70, 99))])
        return local + "@" + (domain or self.pick(["gmail.com", "gmx.de", "web.de", "orange.fr", "free.fr",
                                                   "hotmail.es", "yahoo.es", "outlook.com", "icloud.com"]))


V = H13Values(20261213)
R = V.r
ROWS = []

CODENAMES = ["Project Kestrel", "Halcyon", "MANTA-3", "Nightjar", "Project Lodestar", "Saltmarsh",
             "Bluefin Orbit", "KX-900"]
# Codenames that are a single word, so they can be inflected, compounded and glued.
BARE = ["Halcyon", "Nightjar", "Saltmarsh"]
CUSTOMERS = ["Brightwater Logistics", "Kessler Pharma", "Norddeich Versicherung", "Halvorsen Maritime",
             "Pemberton Foods", "Castellan Bank", "Aurelian Mining", "Tamura Seiki", "Vandersloot Farms",
             "Okonkwo Textiles", "Lindqvist Energi", "Marchetti Costruzioni"]
# Public companies that are on no customer list (look-alikes).
PUBLIC_COS = ["Siemens", "Airbus", "Telefónica", "Toyota", "Nestlé", "Unilever", "BASF", "Renault", "Iberdrola",
              "Sony", "Danone", "Inditex"]


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout13-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def cn():
    return R.choice(CODENAMES)


def bare():
    return R.choice(BARE)


def cust():
    return R.choice(CUSTOMERS)


def pub():
    return R.choice(PUBLIC_COS)


def P(lang):
    return V.person(lang)


def pw():
    return V.password()


def money():
    return "%d,%d" % (R.randint(2, 480), R.randint(1, 9))


def pubip():
    return V.public_ip()


# ---------------------------------------------------------------------------------------------- contracts
def contract_cases():
    c = cust()
    add("contract", "sensitive", "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Agreement is entered into as of March 3, 2027 "
        "between Globex Corporation (\"Globex\") and %s (\"Recipient\").\n\n2. Purpose. The parties wish to evaluate a "
        "joint logistics pilot. Please tighten clause 2 and make the term three years." % c,
        "en nda naming a customer in the recitals", "customer")
    b = bare()
    add("contract", "sensitive", "Anlage 2 zum Dienstleistungsvertrag\n§ 4 Leistungsumfang\n(1) Der Auftragnehmer "
        "unterstützt das %s-Team bei der Migration der Bestandsdaten bis zum 30.06.\n(2) Die Abnahme erfolgt durch die "
        "Projektleitung des %s-Projekts.\n\nBitte formuliere § 4 Abs. 2 klarer." % (b, b),
        "de contract annex with compounded codename", "codename")
    add("contract", "sensitive", "STRENG VERTRAULICH\n\nLetter of Intent\nzwischen der Globex GmbH und der %s AG\n\n"
        "Die Parteien beabsichtigen, bis Ende Q2 einen Kaufvertrag über 51 %% der Anteile zu schließen. Übersetze den "
        "Absatz ins Englische." % R.choice(["Hanseatic Robotics", "Weserbahn Systems", "Alpenglas"]),
        "de letter of intent with marker header", "confidential_marker")
    add("contract", "sensitive", "ACCORD DE CONFIDENTIALITÉ — DIFFUSION RESTREINTE\n\nArticle 3 – Les informations "
        "échangées dans le cadre du projet %s restent la propriété de Globex. Peux-tu raccourcir l'article 3 ?"
        % R.choice(["Nightjar", "Halcyon", "Saltmarsh"]), "fr nda article with codename and marker", "codename")
    add("contract", "sensitive", "Contrato marco de servicios — Cláusula 7.2: El Cliente (%s, en adelante «el "
        "Cliente») abonará las facturas en un plazo de 60 días. Propón una redacción más favorable para Globex."
        % R.choice(["Castellan Bank", "Marchetti Costruzioni", "Aurelian Mining"]),
        "es framework contract naming the customer", "customer")
    add("contract", "sensitive", "秘密保持契約書（案）\n\n第5条（目的外使用の禁止）乙は、本件「%s」に関して開示された"
        "情報を本目的以外に使用してはならない。\n\n→ 第5条をもう少し柔らかい表現にしてください。" % bare(),
        "ja nda with codename in 「」", "codename")
    add("contract", "sensitive", "Could you check clause 9 of the supply agreement? It says Globex will ship the "
        "KX-900 units to %s's Rotterdam site by week 14 and pay liquidated damages of 0.5%% per week of delay."
        % R.choice(["Halvorsen Maritime", "Vandersloot Farms", "Brightwater Logistics"]),
        "en supply agreement possessive customer and part codename", "customer")
    add("contract", "sensitive", "Acuerdo de confidencialidad\n\nCONFIDENCIAL – SOLO USO INTERNO\n\nCláusula 4: la "
        "duración será de cinco años. ¿Es habitual en España?", "es nda header marker variant", "confidential_marker")
    # look-alikes
    add("contract", "vendor", "Draft a standard mutual NDA. Clause 1 should define \"Confidential Information\" as "
        "any non-public information disclosed by either party, and clause 6 should exclude information that is "
        "already public.", "en nda template: defined term", "ordinary_confidential")
    add("contract", "vendor", "Was ist der Unterschied zwischen einer Vertraulichkeitsvereinbarung und einem "
        "Geheimhaltungsvertrag nach deutschem Recht? Muss eine Vertragsstrafe vereinbart werden?",
        "de legal question", "ordinary_confidential")
    add("contract", "vendor", "Modèle de clause : « Chaque partie s'engage à garder confidentielles les "
        "informations reçues pendant une durée de cinq ans. » Est-ce suffisant en droit français ?",
        "fr template clause", "ordinary_confidential")
    add("contract", "vendor", "¿Qué cláusulas debe incluir un contrato de prestación de servicios con %s como "
        "proveedor de energía? Es un ejemplo para un curso." % R.choice(["Iberdrola", "Endesa", "Repsol"]),
        "es course question, public company", "none")


# ---------------------------------------------------------------------------------------------- board / M&A
def board_cases():
    add("board", "sensitive", "Board memo — Project Lodestar\nRecommendation: approve a non-binding offer of EUR "
        "%d m for the target, subject to confirmatory diligence. Rewrite the recommendation in plain English."
        % R.randint(80, 400), "en m&a memo with codename", "codename")
    add("board", "sensitive", "Vorlage für die Aufsichtsratssitzung am 12.03.\nTOP 4: Stand des Lodestar-Projekts "
        "(Übernahme, Signing geplant im April). Bitte eine kurze Zusammenfassung auf Englisch.",
        "de supervisory board, German compound of two-word codename", "codename")
    add("board", "sensitive", "Note au conseil d'administration\nObjet : acquisition envisagée – projet Kestrel\nLe "
        "comité stratégique recommande de poursuivre les négociations exclusives. Reformule cette note en trois "
        "points clés.", "fr board note, codename in French word order", "codename")
    add("board", "sensitive", "Memorándum para el consejo: la due diligence del proyecto Lodestar ha identificado "
        "riesgos fiscales de 3,2 M€. Resume los riesgos en una tabla.",
        "es board memo codename Spanish word order", "codename")
    add("board", "sensitive", "取締役会資料\n議題3：ナイトジャー（Nightjar）案件の進捗\n買収価格の上限を再確認する。\n"
        "この議題の要約を英語で作成してください。", "ja board material codename in parentheses", "codename")
    add("board", "sensitive", "Subject: [CONFIDENTIAL] Board pre-read: synergy case\n\nTeam, the synergy case "
        "assumes 14% cost savings in year two. Can you sanity-check the maths below?\nRevenue base: 1.2bn; savings: "
        "168m.", "en subject tag marker", "confidential_marker")
    add("board", "sensitive", "Protokollentwurf Vorstand: Die Kündigung des Rahmenvertrags mit der Norddeich "
        "Versicherung wird zum 31.12. wirksam; der Vertrieb informiert den Kunden nächste Woche. Bitte glätten.",
        "de board minutes with customer", "customer")
    # look-alikes
    add("board", "vendor", "What should a board memo recommending an acquisition typically contain? Give me a "
        "one-page outline with headings.", "en generic question", "none")
    add("board", "vendor", "Resume en tres frases la fusión anunciada públicamente ayer entre %s y un competidor; "
        "aquí está el comunicado oficial de la CNMV." % R.choice(["Iberdrola", "Telefónica", "Inditex"]),
        "es public announcement", "none")
    add("board", "vendor", "Der Turmfalke (englisch: kestrel) brütet auch in Städten. Schreib einen kurzen Absatz "
        "für die Vereinszeitung des NABU.", "de bird homonym, not the two-word codename", "homonym")


# ---------------------------------------------------------------------------------------------- press release drafts
def press_cases():
    add("press", "sensitive", "EMBARGOED UNTIL 09:00 CET, 14 APRIL — DRAFT v3\n\nGlobex unveils Bluefin Orbit, its "
        "first satellite-linked fleet tracker\n\nPolish the headline and the first paragraph.",
        "en embargoed press release with codename", "codename")
    add("press", "sensitive", "PRESSEMITTEILUNG – SPERRFRIST: 02.05., 10:00 Uhr – ENTWURF\n\nGlobex und %s "
        "schließen strategische Partnerschaft. Bitte kürzen auf 120 Wörter." % R.choice(
            ["Kessler Pharma", "Norddeich Versicherung", "Lindqvist Energi"]),
        "de embargoed release naming customer", "customer")
    add("press", "sensitive", "COMMUNIQUÉ DE PRESSE — PROJET — NE PAS DIFFUSER AVANT LE 20 MAI\nGlobex lance "
        "MANTA-3, sa nouvelle plateforme de maintenance prédictive. Corrige les fautes.",
        "fr draft release with marker and codename", "codename")
    add("press", "sensitive", "Borrador de nota de prensa (no publicar): Globex presentará Saltmarsh en el MWC. "
        "Hazlo más atractivo para medios tecnológicos.", "es draft release codename", "codename")
    add("press", "sensitive", "【社外秘】プレスリリース案（解禁日：6月3日）\nGlobex、新製品を発表。\n見出しをもっと短く"
        "してください。", "ja press draft with marker", "confidential_marker")
    add("press", "sensitive", "Draft quote for the release, please make it sound less stiff: \"Working with Castellan "
        "Bank's treasury team showed us what real-time settlement can do,\" said the Globex CTO.",
        "en release quote with customer possessive", "customer")
    # look-alikes
    add("press", "vendor", "Here is our press release from last Tuesday (already on globex.com and the wire): "
        "\"Globex opens a new office in Lisbon.\" Write three social posts about it.",
        "en published release", "none")
    add("press", "vendor", "Communiqué publié le 4 mars par %s : résultats annuels en hausse de 6 %%. Fais-en un "
        "résumé pour la revue de presse." % R.choice(["Renault", "Danone", "Airbus"]), "fr public company release",
        "none")
    add("press", "vendor", "Schreib eine Pressemitteilung über die Sichtung eines Mantarochens (manta ray) vor der "
        "Küste der Azoren für das Meeresmuseum.", "de manta ray homonym", "homonym")
    add("press", "vendor", "ニュースリリースの一般的な構成（見出し、リード文、本文、会社概要、問い合わせ先）を教えて"
        "ください。", "ja generic how-to", "none")


# ---------------------------------------------------------------------------------------------- RFP answers
def rfp_cases():
    add("rfp", "sensitive", "RFP response — section 4.3 Reference customers\nGlobex currently runs the same "
        "platform for %s (since 2021) and %s. Make this section more persuasive." % (cust(), cust()),
        "en rfp with customer references", "customer")
    add("rfp", "sensitive", "Antwort auf Ausschreibung, Kapitel 6 Betrieb: Das Monitoring läuft über "
        "https://%s/d/rfp-sla und wird vom NOC rund um die Uhr überwacht. Bitte sprachlich verbessern."
        % V.host("grafana.eu1"), "de rfp answer with internal url", "internal_host")
    add("rfp", "sensitive", "Réponse à l'appel d'offres – Annexe technique : la passerelle est joignable en interne "
        "sur %s (VLAN 40). Traduire en anglais." % V.private_ip(), "fr rfp with private ip", "private_ip")
    add("rfp", "sensitive", "Respuesta a la licitación, apartado 2.1: persona de contacto %s, teléfono %s, correo %s. "
        "Revisa el estilo." % (lambda p: (p, V.phone_eu("es"), V.mail(p)))(P("es")),
        "es rfp with contact person's details", "contact")
    add("rfp", "sensitive", "RFI回答書 3.2 導入実績\n当社は既に%sの本社工場にて同システムを稼働中です（2022年〜）。"
        "この文章を英訳してください。" % R.choice(["Tamura Seiki", "Okonkwo Textiles"]),
        "ja rfi with customer in Latin script", "customer")
    add("rfp", "sensitive", "Security questionnaire, Q17 'Describe key management': our API gateway signs requests "
        "with the key below, rotated yearly. Reword the answer.\n\nsigning_key: %s" % V.hex(64),
        "en questionnaire with a signing key", "generic_secret")
    # look-alikes
    add("rfp", "vendor", "Write a generic answer to the RFP question 'Describe your approach to ISO 27001 "
        "certification' for a mid-size software vendor.", "en generic rfp", "none")
    add("rfp", "vendor", "Ausschreibungstext: Die Plattform muss unter https://portal.example.com erreichbar sein "
        "und eine Verfügbarkeit von 99,9 % haben. Welche Nachweise sollten wir anfordern?",
        "de example.com host", "example_host")
    add("rfp", "vendor", "Liste des références publiques de %s sur leur site : trois clients du secteur bancaire. "
        "Comment présenter nos propres références de façon comparable ?" % pub(), "fr public company",
        "none")


# ---------------------------------------------------------------------------------------------- post-mortems
def postmortem_cases():
    add("postmortem", "sensitive", "# Post-mortem: checkout outage 2027-02-11\n\n## Timeline\n- 09:14 UTC "
        "`%s` ran out of connections (max_connections=500)\n- 09:31 failover to replica\n\n## Root cause\nA "
        "retry storm from the mobile app. Turn this into an executive summary." % V.host("pg-replica-2"),
        "en post-mortem with internal host", "internal_host")
    add("postmortem", "sensitive", "Incident review INC-%d: the leaked credential was an AWS key pair committed to a "
        "public gist:\nAWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\nIt was revoked after 40 minutes. Draft the "
        "'lessons learned' section." % (R.randint(1000, 9999), V.aws_key_id(), V.aws_secret()),
        "en incident review quoting the leaked key", "aws_key")
    add("postmortem", "sensitive", "Störungsbericht (Postmortem)\nBetroffen: Zahlungsdienst, Knoten %s und %s\n"
        "Ursache: abgelaufenes Zertifikat auf dem Load Balancer.\nBitte in gutes Englisch übertragen."
        % (V.private_ip(), V.private_ip()), "de post-mortem with private ips", "private_ip")
    add("postmortem", "sensitive", "Retour d'expérience incident du 3 mars : la base %s a été saturée par un job "
        "batch. Action : limiter le pool à 50 connexions. Rédige la synthèse pour la direction."
        % ("jdbc:postgresql://%s:5432/billing" % V.host("db-prod-07")), "fr rex with jdbc internal host",
        "internal_host")
    add("postmortem", "sensitive", "Informe post-incidente: el token del bot de Slack (%s) apareció en los logs de "
        "depuración durante dos días. Redacta las medidas correctivas." % V.slack_bot(),
        "es post-incident with slack token", "slack_token")
    add("postmortem", "sensitive", "障害報告書（ポストモーテム）\n発生日時：3月8日 02:10\n影響範囲：%s 上のバッチ処理"
        "\n原因：ディスクフル\n再発防止策を3つ提案してください。" % V.host("build07"),
        "ja post-mortem with internal host", "internal_host")
    add("postmortem", "sensitive", "Log excerpt for the post-mortem, please explain what happened:\n"
        "2027-03-02T04:11:09Z level=error msg=\"upstream timeout\" upstream=http://%s:8080/v1/charge "
        "latency_ms=30000\n2027-03-02T04:11:10Z level=warn msg=\"circuit open\"" % V.host("payments-api"),
        "en log line with internal url", "internal_host")
    # look-alikes
    add("postmortem", "vendor", "Write a blameless post-mortem template with sections for timeline, impact, root "
        "cause, contributing factors and action items.", "en template", "none")
    add("postmortem", "vendor", "Cloudflare's public post-mortem says the outage was caused by a regex in a WAF rule. "
        "Explain catastrophic backtracking with an example.", "en public post-mortem", "none")
    add("postmortem", "vendor", "Informe: el servicio respondió desde %s (IP pública del proveedor CDN) con latencias "
        "de 800 ms. ¿Cómo interpreto un traceroute?" % pubip(), "es public ip", "public_ip")
    add("postmortem", "vendor", "In the post-mortem the key is shown masked: AKIA************WXYZ. Is it okay to "
        "keep the last four characters visible in reports?", "en masked key", "masked")


# ---------------------------------------------------------------------------------------------- ADRs
def adr_cases():
    add("adr", "sensitive", "# ADR-0042: Move session store to Redis\n\nStatus: accepted\n\n## Context\nThe Halcyon "
        "checkout keeps sessions in Postgres. \n\n## Decision\nUse Redis 7 on `%s`.\n\nReview the consequences "
        "section." % V.host("redis-cache-3"), "en adr with codename and host", "codename")
    add("adr", "sensitive", "ADR 17 – Authentifizierung gegenüber dem Altsystem\nEntscheidung: Basic Auth mit dem "
        "Dienstkonto svc_legacy / %s, bis OAuth verfügbar ist.\nBitte Konsequenzen ergänzen." % pw(),
        "de adr with service account password", "password")
    add("adr", "sensitive", "ADR-009 : choix du broker\nContexte : le projet Nightjar doit absorber 20 000 "
        "messages/s.\nDécision : Kafka sur les nœuds %s. Complète la section « Alternatives »."
        % V.host("kafka-03"), "fr adr with codename and host", "codename")
    add("adr", "sensitive", "ADR-021: Gestión de secretos\nContexto: hoy la clave de Stripe está en el repositorio "
        "(STRIPE_SECRET_KEY=%s).\nDecisión: migrar a Vault. Redacta las consecuencias." % V.stripe(),
        "es adr quoting a live stripe key", "stripe_key")
    add("adr", "sensitive", "アーキテクチャ決定記録 ADR-005\n背景：MANTA-3のデータ基盤を刷新する。\n決定：BigQueryを採用"
        "。\n代替案の比較表を作ってください。", "ja adr with codename", "codename")
    # look-alikes
    add("adr", "vendor", "# ADR-0007: Use PostgreSQL\n\nStatus: accepted\nContext: we need transactions.\nDecision: "
        "PostgreSQL 16 at db.example.com.\nIs this ADR too short?", "en adr without sensitive content",
        "example_host")
    add("adr", "vendor", "Entscheidung: Secrets werden aus Vault gelesen (`vault kv get -field=password "
        "secret/app/db`), nie im Repository abgelegt. Passt das als ADR-Abschnitt?", "de vault reference",
        "env_ref")
    add("adr", "vendor", "What is the Michael Nygard ADR format and how does it compare to MADR?", "en generic",
        "none")
    add("adr", "vendor", "ADR : nous suivons le guide « Bluefin tuna » de pêche durable pour la cantine ? Non, "
        "blague : explique-moi ce qu'est un Architecture Decision Record.", "fr bluefin homonym", "homonym")


# ---------------------------------------------------------------------------------------------- runbooks
def runbook_cases():
    add("runbook", "sensitive", "## Runbook: rotate the replication user\n\n1. `ssh ops@%s`\n2. `psql -U postgres "
        "-c \"ALTER USER replicator PASSWORD '%s';\"`\n3. Update the standby's primary_conninfo.\n\nAdd a rollback "
        "step." % (V.host("bastion"), pw()), "en runbook with password and host", "password")
    add("runbook", "sensitive", "Runbook Notfallzugang\nFalls LDAP ausfällt: lokaler Admin `breakglass`, Passwort "
        "im Tresor Nr. 3 – aktuell: %s\nBitte als nummerierte Liste formatieren." % pw(),
        "de runbook with break-glass password", "password")
    add("runbook", "sensitive", "Procédure d'exploitation – redémarrage du cluster\n```\nHost prod-bastion\n  "
        "HostName %s\n  User exploit\n  IdentityFile ~/.ssh/id_globex\n```\nAjoute une étape de vérification."
        % V.host("bastion"), "fr runbook ssh config with internal host", "internal_host")
    add("runbook", "sensitive", "Manual de operación: para conectar al clúster usa `kubectl config use-context "
        "admin@k8s-prod.globex.lan` y después `kubectl -n pagos rollout restart deploy/api`. ¿Qué pasos faltan?",
        "es runbook kube context internal host", "internal_host")
    add("runbook", "sensitive", "運用手順書\n1. VPN接続後、%s にSSHでログイン\n2. `systemctl restart batch`\n"
        "手順をもっと分かりやすく書き直してください。" % V.private_ip(), "ja runbook private ip", "private_ip")
    add("runbook", "sensitive", "Runbook step 4 (please proofread):\nExport the token before running the "
        "deploy script:\n    export GITHUB_TOKEN=%s\n    ./deploy.sh --env prod" % V.github_pat(),
        "en runbook with github token", "github_token")
    # look-alikes
    add("runbook", "vendor", "Runbook step: `export GITHUB_TOKEN=$(op read op://ci/github/token)` then run "
        "`./deploy.sh`. Is reading from 1Password like this safe in CI?", "en secret from a manager", "env_ref")
    add("runbook", "vendor", "Schreib ein Runbook für das Neustarten eines nginx-Servers unter Ubuntu (systemctl, "
        "Logs prüfen, Konfiguration testen mit nginx -t).", "de generic", "none")
    add("runbook", "vendor", "ssh config example from the OpenSSH manual:\nHost example\n  HostName example.com\n"
        "  User alice\n  Port 2222\nWhat does ProxyJump add?", "en docs host", "example_host")


# ---------------------------------------------------------------------------------------------- on-call handovers
def handover_cases():
    add("handover", "sensitive", "On-call handover (Mon→Tue)\n- kafka lag on %s still high, watching\n- "
        "ticket for Pemberton Foods' EDI failures open, their ops contact is waiting\n- nothing else\nTurn into "
        "a tidy Slack post." % V.host("kafka-05"), "en handover with host and customer", "internal_host")
    add("handover", "sensitive", "Übergabe Rufbereitschaft: Kollege %s (%s) ist ab Mittwoch krankgeschrieben, "
        "Bandscheibenvorfall, OP nächste Woche. Vertretung übernimmt Team B. Bitte freundlicher formulieren."
        % (P("de"), V.emp()), "de handover with a colleague's health", "health")
    add("handover", "sensitive", "Passation d'astreinte : si l'alerte disque revient sur %s, appeler %s au %s "
        "(portable perso). Mets ça au propre." % (V.host("sap-erp"), P("fr"), V.phone_eu("fr")),
        "fr handover with personal mobile", "phone")
    add("handover", "sensitive", "Relevo de guardia: la contraseña temporal del usuario root de la base de réplica "
        "es %s, cambiarla el lunes. Redáctalo como correo formal." % pw(), "es handover with password", "password")
    add("handover", "sensitive", "引き継ぎメモ\n・%s のバックアップ失敗（未解決）\n・田中さん、来週から入院のため不在"
        "（胃がんの手術）\n丁寧な文章にしてください。" % V.host("sap-erp"),
        "ja handover with host and colleague's health", "internal_host")
    # look-alikes
    add("handover", "vendor", "On-call handover template: what should the outgoing engineer always mention "
        "(open incidents, silenced alerts, risky deploys)?", "en generic", "none")
    add("handover", "vendor", "Übergabe: Dashboard zeigt 99,95 % Verfügbarkeit im Februar, 3 Incidents der Stufe "
        "P3, MTTR 42 Minuten. Formuliere einen Satz für den Monatsbericht.", "de statistics", "statistics")
    add("handover", "vendor", "Passation : l'alerte vient du résolveur public 1.1.1.1 qui a répondu lentement "
        "pendant 5 minutes. Faut-il changer de résolveur ?", "fr public ip", "public_ip")


# ---------------------------------------------------------------------------------------------- audit findings
def audit_cases():
    add("audit", "sensitive", "Internal audit finding IA-27-04 (high): shared admin account on the SAP system; the "
        "password '%s' was found on a sticky note. Write the management response." % pw(),
        "en audit finding quoting a password", "password")
    add("audit", "sensitive", "Prüfungsfeststellung Nr. 12 (Revision): Für Mitarbeiter %s wurde die Kreditkarte "
        "%s ohne Genehmigung für private Zwecke genutzt. Formuliere eine neutrale Feststellung."
        % (V.emp(), V.card(sep=" ")), "de audit with employee id and card", "credit_card")
    add("audit", "sensitive", "Constat d'audit – SI : le serveur %s expose un partage SMB sans authentification. "
        "Recommandation ? Rédige le constat en style rapport." % V.private_ip(), "fr audit private ip",
        "private_ip")
    add("audit", "sensitive", "Hallazgo de auditoría 5: la nómina de %s (DNI %s) se abonó en una cuenta %s que no "
        "corresponde al empleado. Redacta la recomendación." % (P("es"), V.es_dni(), V.iban_cc("ES")),
        "es audit with dni and iban", "national_id")
    add("audit", "sensitive", "監査指摘事項\n指摘3：顧客マスタに%sの与信限度額が承認なしで変更されていた。\n改善提案を"
        "書いてください。" % R.choice(["Tamura Seiki", "Kessler Pharma"]), "ja audit with customer", "customer")
    add("audit", "sensitive", "Audit footer check, does this page look right?\n\nAccess review Q1 – 14 dormant "
        "accounts found, 3 with admin rights.\n\nGlobex Internal Only · Page 4 of 19", "en footer marker",
        "confidential_marker")
    # look-alikes
    add("audit", "vendor", "What is the difference between a finding, an observation and a recommendation in an "
        "ISO 27001 internal audit?", "en generic", "none")
    add("audit", "vendor", "Hallazgo: el 12 % de las cuentas de usuario no tenían MFA activado; en 2026 era el "
        "19 %. Redacta una frase para el informe anual.", "es statistics", "statistics")
    add("audit", "vendor", "Audit sample: card numbers in the log were masked as 4111 **** **** 1111 and "
        "5500 **** **** 0004. Does this meet PCI DSS requirement 3.4?", "en masked cards", "masked")


# ---------------------------------------------------------------------------------------------- source code
def code_cases():
    add("code", "sensitive", "// Kotlin, why does this crash on Android 14?\nobject ApiConfig {\n    const val "
        "BASE_URL = \"https://api.vendor.io\"\n    const val API_KEY = \"%s\"\n}" % V.stripe(),
        "kotlin const with live stripe key", "stripe_key")
    add("code", "sensitive", "Swift: the request fails with 401.\n```swift\nvar req = URLRequest(url: url)\n"
        "req.setValue(\"Bearer %s\", forHTTPHeaderField: \"Authorization\")\n```" % V.openai(),
        "swift bearer openai key", "openai_key")
    add("code", "sensitive", "C#: why is the pool exhausted?\nvar cs = \"Server=%s;Database=Billing;User Id=sa;"
        "Password=%s;\";\nusing var conn = new SqlConnection(cs);" % (V.host("db-prod-11"), pw()),
        "csharp connection string", "password")
    add("code", "sensitive", "<?php\n// config/mail.php\nreturn [\n    'host' => 'smtp.mailgun.org',\n    "
        "'username' => 'postmaster@mg.globex.de',\n    'password' => '%s',\n];\nRefactor to use env()."
        % pw(), "php array password", "password")
    add("code", "sensitive", "Elixir config, is this the right place?\n```elixir\nconfig :billing, BillingWeb."
        "Endpoint,\n  secret_key_base: \"%s\"\n```" % V.s(64, ALNUM + "+/"), "elixir secret_key_base",
        "generic_secret")
    add("code", "sensitive", "Scala: help me add retries\n```scala\nval db = Database.forURL(\n  \"jdbc:mysql://"
        "%s:3306/orders\",\n  user = \"orders\", password = \"%s\")\n```" % (V.host("db-prod-04"), pw()),
        "scala jdbc url and password", "password")
    add("code", "sensitive", "Dart/Flutter:\nconst googleMapsKey = '%s';\nWhy does the map stay grey?"
        % V.google(), "dart google api key", "google_api_key")
    add("code", "sensitive", "-- Lua (OpenResty) auth check, simplify please\nlocal secret = \"%s\"\nif ngx.var."
        "http_x_api_key ~= secret then return ngx.exit(401) end" % V.hex(40), "lua hex secret", "generic_secret")
    add("code", "sensitive", "# R script for the churn model\nSys.setenv(OPENAI_API_KEY = \"%s\")\nlibrary(dplyr)\n"
        "Why does httr2 say unauthorized?" % V.openai(), "r setenv openai key", "openai_key")
    add("code", "sensitive", "%% MATLAB: upload results\nurl = 'https://api.vendor.io/upload';\ntoken = '%s';\n"
        "opts = weboptions('HeaderFields', {'Authorization', ['Bearer ' token]});" % V.github_pat(),
        "matlab github token", "github_token")
    add("code", "sensitive", "       IDENTIFICATION DIVISION.\n       PROGRAM-ID. PAYRUN.\n      * Globex "
        "Proprietary - payroll batch\n       WORKING-STORAGE SECTION.\n       01 WS-RATE PIC 9(3)V99.\nExplain "
        "what this COBOL program does.", "cobol header marker", "confidential_marker")
    add("code", "sensitive", "//PAYJOB  JOB (ACCT),'NIGHTLY',CLASS=A\n//STEP1  EXEC PGM=IKJEFT01\n//SYSTSIN DD *\n"
        "  LOGON USERID(GXBATCH) PASSWORD(%s)\n/*\nWhy does this JCL get RC=12?" % V.s(8, UPPER + DIGITS),
        "jcl password", "password")
    add("code", "sensitive", "VBA macro, make it faster:\nSub LoadData()\n  Dim cn As Object\n  Set cn = "
        "CreateObject(\"ADODB.Connection\")\n  cn.Open \"Provider=SQLOLEDB;Data Source=%s;User ID=report;"
        "Password=%s;\"\nEnd Sub" % (V.private_ip(), pw()), "vba ado password", "password")
    add("code", "sensitive", "Apex callout failing:\nHttpRequest req = new HttpRequest();\nreq.setHeader("
        "'Authorization', 'Bearer %s');\nreq.setEndpoint('https://hooks.slack.com/services/%s');"
        % (V.slack_bot(), "T%s/B%s/%s" % (V.s(8, UPPER + DIGITS), V.s(8, UPPER + DIGITS), V.s(24))),
        "apex slack token", "slack_token")
    add("code", "sensitive", "/*\n * Copyright (c) 2026 Globex Corporation. All rights reserved.\n */\npackage "
        "com.globex.halcyon.pricing\nfun surcharge(w: Double) = w * 0.17\nTranslate this Kotlin to Swift.",
        "kotlin globex header", "proprietary_source")
    # look-alikes
    add("code", "vendor", "/*\n * Licensed under the Apache License, Version 2.0 (the \"License\");\n * you may "
        "not use this file except in compliance with the License.\n */\nfun main() = println(\"hi\")\nWhat does "
        "this header require of me?", "kotlin apache header", "oss_header")
    add("code", "vendor", "<?php\nreturn ['password' => env('DB_PASSWORD'), 'host' => env('DB_HOST', "
        "'127.0.0.1')];\nIs env() cached in production?", "php env reference", "env_ref")
    add("code", "vendor", "Swift: let apiKey = ProcessInfo.processInfo.environment[\"API_KEY\"] ?? \"\"\nHow do I "
        "set this in an Xcode scheme?", "swift env", "env_ref")
    add("code", "vendor", "C#: var cs = \"Server=localhost;Database=Test;Trusted_Connection=True;\"; why does "
        "EF Core not find my migrations?", "csharp trusted connection", "none")
    add("code", "vendor", "R: summary(lm(mpg ~ wt, data = mtcars)) prints R-squared 0.7528. What does the "
        "F-statistic mean?", "r statistics", "statistics")
    add("code", "vendor", "MATLAB: x = linspace(0, 2*pi, 100); plot(x, sin(x)); how do I label the axes?",
        "matlab plain", "code_clean")
    add("code", "vendor", "Stripe's docs show `sk_test_4eC39HqLyjWDarjtT1zdp7dc` in Kotlin samples. Can I use it "
        "for my unit tests?", "kotlin stripe docs key", "stripe_test")


# ---------------------------------------------------------------------------------------------- infrastructure as code
def iac_cases():
    add("iac", "sensitive", "Pulumi (TypeScript):\nconst db = new aws.rds.Instance(\"orders\", {\n  engine: "
        "\"postgres\",\n  username: \"orders_admin\",\n  password: \"%s\",\n});\nWhy does preview show a "
        "replacement?" % pw(), "pulumi password literal", "password")
    add("iac", "sensitive", "CloudFormation:\n  OrdersDB:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      "
        "MasterUsername: admin\n      MasterUserPassword: %s\n      DBInstanceClass: db.t3.medium\nLint this."
        % pw(), "cloudformation master password", "password")
    add("iac", "sensitive", "serverless.yml\nprovider:\n  name: aws\n  environment:\n    SENDGRID_API_KEY: %s\n"
        "    STAGE: prod\nWhy is the env var empty in the Lambda?" % V.sendgrid(), "serverless sendgrid key",
        "api_key")
    add("iac", "sensitive", "Packer template, the build hangs at SSH:\n{\n  \"builders\": [{\n    \"type\": "
        "\"vsphere-iso\",\n    \"ssh_username\": \"packer\",\n    \"ssh_password\": \"%s\"\n  }]\n}" % pw(),
        "packer ssh password", "password")
    add("iac", "sensitive", "Bicep:\nparam adminUsername string = 'azureadmin'\nparam adminPassword string = "
        "'%s'\nresource vm 'Microsoft.Compute/virtualMachines@2023-03-01' = { ... }\nWhy does what-if warn me?"
        % pw(), "bicep password default", "password")
    add("iac", "sensitive", "Nomad job:\njob \"billing\" {\n  group \"api\" {\n    task \"server\" {\n      env {\n"
        "        DATABASE_URL = \"postgres://billing:%s@%s:5432/billing\"\n      }\n    }\n  }\n}\nAdd a health "
        "check." % (pw().replace("@", "#"), V.host("db-prod-02")), "nomad env database url", "password")
    add("iac", "sensitive", "consul.hcl\ndatacenter = \"fra1\"\nencrypt = \"%s\"\nacl {\n  enabled = true\n}\n"
        "Is the gossip config right?" % V.consul_gossip(), "consul gossip key", "generic_secret")
    add("iac", "sensitive", "Salt pillar (pillar/db.sls):\nmysql:\n  server:\n    root_password: '%s'\n  "
        "host: %s\nHow do I encrypt this with GPG?" % (pw(), V.private_ip()), "salt pillar password",
        "password")
    add("iac", "sensitive", "Terraform-ähnlich, aber Pulumi-Config: `pulumi config set aws:region eu-central-1` "
        "und in Pulumi.prod.yaml steht\n  orders:dbPassword: %s\nWarum ist das nicht verschlüsselt?" % pw(),
        "pulumi stack yaml plaintext", "password")
    # look-alikes
    add("iac", "vendor", "CloudFormation:\n  MasterUserPassword: '{{resolve:secretsmanager:prod/orders:SecretString:"
        "password}}'\nIs dynamic referencing supported in nested stacks?", "cfn dynamic reference", "env_ref")
    add("iac", "vendor", "Bicep:\n@secure()\nparam adminPassword string\nHow do I pass it from a Key Vault "
        "reference in the parameters file?", "bicep secure param no default", "env_ref")
    add("iac", "vendor", "Pulumi: const pw = config.requireSecret(\"dbPassword\"); then password: pw. Does Pulumi "
        "mask it in logs?", "pulumi requireSecret", "env_ref")
    add("iac", "vendor", "Nomad template:\ntemplate {\n  data = <<EOH\n{{ with secret \"kv/data/billing\" }}"
        "DB_PASS={{ .Data.data.password }}{{ end }}\nEOH\n}\nIs this re-rendered on rotation?",
        "nomad vault template", "env_ref")
    add("iac", "vendor", "serverless.yml: environment:\n  STRIPE_KEY: ${ssm:/billing/stripe-key}\nCan I use "
        "SecureString parameters here?", "serverless ssm reference", "env_ref")


# ---------------------------------------------------------------------------------------------- data science
def datasci_cases():
    c = cust()
    add("datasci", "sensitive", "-- models/marts/fct_revenue_by_customer.sql (dbt)\nselect customer_name, "
        "sum(amount) as revenue\nfrom {{ ref('stg_invoices') }}\nwhere customer_name in ('%s', '%s')\ngroup by 1\n"
        "Why does dbt test fail on uniqueness?" % (c, cust()), "dbt model with customer names", "customer")
    add("datasci", "sensitive", "pandas output, help me interpret the churn risk:\n"
        "   customer               arr_eur  churn_p\n0  %s   1240000     0.71\n1  %s    860000     0.12"
        % (cust(), cust()), "pandas dataframe with customers", "customer")
    rows = "\n".join("%-18s %s  %s" % (P("de"), V.de_tax_id(), V.dob("de")) for _ in range(3))
    add("datasci", "sensitive", "df.head() der Lohnabrechnungstabelle, warum sind die Typen object?\n"
        "name               steuer_id    geburtsdatum\n" + rows, "pandas head with tax ids", "national_id")
    add("datasci", "sensitive", "SELECT email, card_number FROM payments LIMIT 2;\n email | card_number\n %s | %s\n"
        " %s | %s\nWhy is card_number stored as text?" % (V.mail(P("en")), V.card(sep=""), V.mail(P("en")),
                                                       V.card(sep="")),
        "sql output with cards and e-mails", "credit_card")
    add("datasci", "sensitive", "dbt profiles pour l'entrepôt :\nglobex:\n  outputs:\n    prod:\n      type: "
        "snowflake\n      account: gx12345.eu-west-1\n      user: DBT_PROD\n      password: \"%s\"\nPourquoi la "
        "connexion échoue ?" % pw(), "fr dbt profile password", "password")
    add("datasci", "sensitive", "Notebook-Ausgabe:\n>>> df[df.diagnose.notna()][['mitarbeiter', 'diagnose']]\n"
        "   mitarbeiter          diagnose\n12  %s      F32.1 mittelgradige depressive Episode\nWie filtere ich "
        "das besser?" % P("de"), "de dataframe with employee diagnosis", "health_record")
    add("datasci", "sensitive", "顧客別売上（SQL結果）\n顧客名 | 売上\n%s | 1,240万円\n%s | 980万円\nグラフ化の方法を"
        "教えてください。" % (R.choice(["Tamura Seiki", "Halvorsen Maritime"]), R.choice(["Kessler Pharma",
                                                                                     "Okonkwo Textiles"])),
        "ja sql result with customers", "customer")
    # look-alikes
    add("datasci", "vendor", "pandas: df.describe() gives mean 42.3, std 12.1, min 18, max 67 for the age column "
        "of a public survey. How do I plot a histogram?", "statistics", "statistics")
    add("datasci", "vendor", "dbt model:\nselect customer_id, sum(amount) as revenue from {{ ref('stg_orders') }} "
        "group by 1\nHow do I add a not_null test in schema.yml?", "dbt without names", "code_clean")
    add("datasci", "vendor", "Ejemplo de Kaggle: el dataset 'Online Retail' tiene clientes como 'WHITE HANGING "
        "HEART' (productos) y CustomerID 17850. ¿Cómo agrupo por país?", "es public dataset", "none")
    add("datasci", "vendor", "SQL: SELECT company, market_cap FROM public_companies WHERE company IN ('%s', '%s'); "
        "the values come from Yahoo Finance. How do I join on ticker?" % (pub(), pub()), "public companies",
        "none")


# ---------------------------------------------------------------------------------------------- customer success
def csm_cases():
    add("csm", "sensitive", "QBR deck – %s – Q1\nSlide 3: Adoption 78%% (target 85%%)\nSlide 4: Risks: champion "
        "leaving, renewal in August\nWrite the executive summary slide." % cust(), "en qbr deck customer",
        "customer")
    add("csm", "sensitive", "Kundennotiz (CSM): Brightwaters IT-Leiter %s ist unzufrieden mit den Ladezeiten, "
        "Eskalation an Produkt. Telefon: %s. Bitte als E-Mail an das Team formulieren." % (P("de"),
                                                                                         V.phone_eu("de")),
        "de csm note with shortened customer and phone", "phone")
    add("csm", "sensitive", "Compte rendu de la réunion client chez Kessler Pharma : renouvellement signé pour 3 "
        "ans, remise de 12 %. Reformule pour le CRM.", "fr customer meeting", "customer")
    add("csm", "sensitive", "Notas de Customer Success: el contacto de Castellan es %s (%s); pide un descuento "
        "antes de renovar. Redacta la respuesta." % (lambda p: (p, V.mail(p)))(P("es")),
        "es csm note with contact email", "email")
    add("csm", "sensitive", "QBR資料（Tamura Seiki様）\n・稼働率 99.2%\n・次期提案：KX-900の追加導入\n"
        "エグゼクティブサマリーを作ってください。", "ja qbr with customer and codename", "customer")
    add("csm", "sensitive", "Health score export, explain the red ones:\naccount,score,owner\nOkonkwo Textiles,41,%s\n"
        "Aurelian Mining,38,%s" % (V.emp(), V.emp()), "csv with customers and employee ids", "customer")
    # look-alikes
    add("csm", "vendor", "What goes into a good QBR deck for a SaaS customer? Give me a ten-slide outline.",
        "en generic", "none")
    add("csm", "vendor", "Kundenreferenz von der öffentlichen Website: \"%s nutzt unsere Lösung seit 2019.\" Mach "
        "daraus einen LinkedIn-Post." % pub(), "de public reference", "none")
    add("csm", "vendor", "Plantilla de nota de cliente: [Cliente], [Contacto], [Próximos pasos]. ¿Qué campos "
        "añadirías?", "es template", "placeholder")


# ---------------------------------------------------------------------------------------------- investor updates
def investor_cases():
    add("investor", "sensitive", "Investor update — February (do not forward)\nARR $%.1fm, burn $%dk/month. Big "
        "news: pilot signed with Aurelian Mining. Make the tone more upbeat." % (R.uniform(5, 30), R.randint(300, 900)),
        "en investor update with customer", "customer")
    add("investor", "sensitive", "Investoren-Update März – NUR FÜR DEN INTERNEN GEBRAUCH\nUmsatz +18 %, Runway 22 "
        "Monate. Bitte auf Englisch.", "de investor update marker caps", "confidential_marker")
    add("investor", "sensitive", "Lettre aux actionnaires (brouillon, confidentiel) : le lancement de Bluefin Orbit "
        "est repoussé au T3. Corrige le style.", "fr shareholder letter with codename", "codename")
    add("investor", "sensitive", "Informe a inversores: la transferencia de la ronda llegará a la cuenta %s. ¿Cómo lo "
        "explico en inglés?" % V.iban_cc("ES"), "es investor note with iban", "iban")
    add("investor", "sensitive", "投資家向けアップデート（関係者限り）\n売上：前年比+24%\n次期製品「Saltmarsh」は"
        "予定通り。\n英訳をお願いします。", "ja investor update codename", "codename")
    # look-alikes
    add("investor", "vendor", "Our investor update is public on our blog: ARR grew 40% last year. Write a tweet "
        "thread about it.", "en public update", "none")
    add("investor", "vendor", "Was sollte ein monatliches Investoren-Update eines Startups enthalten? Bitte eine "
        "Gliederung.", "de generic", "none")
    add("investor", "vendor", "Rapport annuel public de %s : chiffre d'affaires 41 Md€. Calcule la marge "
        "opérationnelle si l'EBIT est de 3,2 Md€." % pub(), "fr public figures", "statistics")


# ---------------------------------------------------------------------------------------------- slide speaker notes
def slides_cases():
    add("slides", "sensitive", "Slide 7 – Roadmap\nSpeaker notes: Mention that Nightjar's beta goes to three "
        "design partners in May; do NOT mention pricing yet.\nShorten the notes to 40 words.",
        "en speaker notes codename possessive", "codename")
    add("slides", "sensitive", "Folie 12 – Sprechernotizen: Hier erwähnen, dass die Halcyon-Plattform bei %s "
        "live ist. Bitte kürzer." % cust(), "de speaker notes compound codename", "codename")
    add("slides", "sensitive", "Diapositive 5 — notes de l'orateur : « Le pilote avec Lindqvist Energi démarre en "
        "juin. » Traduis en anglais.", "fr speaker notes customer", "customer")
    add("slides", "sensitive", "Texto extraído del PDF de la presentación:\nHoja de ruta 2027\nC O N F I D E N C I A "
        "L\nFase 1: integración\nFase 2: lanzamiento\nResume las fases.", "es pdf watermark spaced",
        "confidential_marker", "spaced")
    add("slides", "sensitive", "スライド9 発表者ノート：「MANTA-3」の価格は未発表なので口頭のみで説明。\n"
        "このノートを短くしてください。", "ja speaker notes codename", "codename")
    add("slides", "sensitive", "Page 3 of the deck as extracted text:\nGlobex Confidential\nMarket sizing\nTAM "
        "12bn, SAM 2.1bn\nGlobex Confidential\nWhat's a good chart for this?", "en pdf header/footer marker",
        "confidential_marker")
    # look-alikes
    add("slides", "vendor", "Speaker notes for a talk on bird migration: the nightingale and the kestrel both "
        "migrate... make it fun for kids.", "en bird homonym", "homonym")
    add("slides", "vendor", "Folie 2: Der Leitstern (lodestar) unserer Strategie ist Kundennähe. Klingt das zu "
        "pathetisch?", "de lodestar ordinary", "homonym")
    add("slides", "vendor", "Notes de présentation : « Nos valeurs : confiance, confidentialité des données de nos "
        "clients, simplicité. » Améliore la formulation.", "fr confidentiality as a value", "ordinary_confidential")


# ---------------------------------------------------------------------------------------------- translation memories
def tmx_cases():
    add("tmx", "sensitive", "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"en\"><seg>Project Lodestar launch "
        "checklist</seg></tuv>\n<tuv xml:lang=\"de\"><seg>Startcheckliste für Projekt Lodestar</seg></tuv></tu>\n"
        "</body></tmx>\nFix the German segment.", "tmx with codename", "codename")
    add("tmx", "sensitive", "<tu><tuv xml:lang=\"fr\"><seg>Document interne – ne pas diffuser</seg></tuv><tuv "
        "xml:lang=\"es\"><seg>Documento interno – no difundir</seg></tuv></tu>\nIs the Spanish right?",
        "tmx with marker segment", "confidential_marker")
    add("tmx", "sensitive", "Glossar (DE–EN) für das Nightjar-Handbuch:\nAbrechnungslauf = billing run\n"
        "Stammdaten = master data\nBitte alphabetisch sortieren.", "de glossary with codename compound",
        "codename")
    add("tmx", "sensitive", "Glosario de cliente: términos preferidos por Marchetti Costruzioni en sus contratos:\n"
        "cantiere = obra\ncollaudo = recepción\n¿Falta algo?", "es glossary with customer", "customer")
    add("tmx", "sensitive", "用語集（社外秘）\nHalcyon → ハルシオン\n請求 → billing\n表記ゆれをチェックしてください。",
        "ja glossary with marker", "confidential_marker")
    # look-alikes
    add("tmx", "vendor", "<tu><tuv xml:lang=\"en\"><seg>Your password must be at least 12 characters.</seg></tuv>"
        "<tuv xml:lang=\"de\"><seg>Ihr Passwort muss mindestens 12 Zeichen lang sein.</seg></tuv></tu>\nCheck the "
        "German.", "tmx ui string", "none")
    add("tmx", "vendor", "Glossaire : confidential = confidentiel ; internal = interne ; release = version. Ajoute "
        "dix termes courants du support client.", "fr glossary ordinary words", "ordinary_confidential")
    add("tmx", "vendor", "TMX-Datei mit <seg>Contact us at support@example.com</seg> – wie importiere ich sie in "
        "Trados?", "de example address", "example_email")


# ---------------------------------------------------------------------------------------------- 稟議書 / 議事録
def ringi_cases():
    add("ringi", "sensitive", "稟議書\n件名：Nightjarプロジェクト向けサーバー増設の件\n金額：1,200万円\n"
        "理由：負荷試験で性能不足が判明したため。\nこの稟議書の理由欄を分かりやすくしてください。",
        "ja ringi codename glued to katakana", "codename")
    add("ringi", "sensitive", "稟議書\n申請者：%s（社員番号 %s）\n件名：出張費精算\n振込先：みずほ銀行 普通 %s\n"
        "文面を整えてください。" % (P("ja"), V.emp(), V.s(7, DIGITS)), "ja ringi with bank account and emp id",
        "bank_account")
    add("ringi", "sensitive", "議事録（部外秘）\n日時：4月2日\n出席：営業部、開発部\n決定事項：価格改定を5月に実施\n"
        "英語に翻訳してください。", "ja minutes with marker", "confidential_marker")
    add("ringi", "sensitive", "議事録\n1. %s様との契約更新について：値引き率8%%で合意。\n2. 次回定例は来週。\n"
        "要点を3行でまとめてください。" % R.choice(["Tamura Seiki", "Kessler Pharma", "Castellan Bank"]),
        "ja minutes with customer", "customer")
    add("ringi", "sensitive", "議事録\n・%sさん（開発二課）は来週から休職（うつ病の診断）、業務は鈴木さんが引き継ぐ。\n"
        "丁寧な表現に直してください。" % P("ja"), "ja minutes with colleague's diagnosis", "health")
    add("ringi", "sensitive", "稟議：検証環境（%s）へのアクセス権付与\n接続先：%s\nご確認ください。" % (
        V.private_ip(), V.host("jira")), "ja ringi with private ip and host", "private_ip")
    # look-alikes
    add("ringi", "vendor", "稟議書の一般的な書き方（件名、目的、金額、効果、添付資料）を教えてください。",
        "ja generic", "none")
    add("ringi", "vendor", "議事録のテンプレートを作ってください。項目：日時、場所、出席者、議題、決定事項、宿題。",
        "ja template", "placeholder")
    add("ringi", "vendor", "機密保持契約と秘密保持契約は同じ意味ですか？", "ja ordinary nda question",
        "ordinary_confidential")


# ---------------------------------------------------------------------------------------------- Betriebsrat
def betriebsrat_cases():
    add("betriebsrat", "sensitive", "Protokoll der Betriebsratssitzung vom 05.03.\nTOP 3: Anhörung zur ordentlichen "
        "Kündigung von Herrn %s (Personalnr. %s) wegen wiederholter Fehlzeiten; der Betriebsrat widerspricht.\n"
        "Bitte sprachlich glätten." % (P("de"), V.emp()), "de works council dismissal hearing", "hr_record")
    add("betriebsrat", "sensitive", "Betriebsrat – Niederschrift (nicht öffentlich)\nTOP 2: BEM-Gespräch mit Frau %s "
        "nach sechs Wochen Arbeitsunfähigkeit (Depression). Maßnahmen: stufenweise Wiedereingliederung.\n"
        "Formuliere neutraler." % P("de"), "de BEM protocol with diagnosis", "health")
    add("betriebsrat", "sensitive", "Betriebsvereinbarung (Entwurf) zur Einführung des Halcyon-Systems: §2 "
        "Leistungs- und Verhaltenskontrolle ist ausgeschlossen. Bitte prüfen, ob §2 klar genug ist.",
        "de works agreement with codename compound", "codename")
    add("betriebsrat", "sensitive", "Protokoll BR-Sitzung, TOP 5: Versetzung von %s nach Hamburg; Kontakt der "
        "Kollegin privat: %s, %s. Bitte Protokoll kürzen." % (lambda p: (p, V.mail(p), V.phone_eu("de")))(P("de")),
        "de protocol with private contact", "email")
    # look-alikes
    add("betriebsrat", "vendor", "Welche Mitbestimmungsrechte hat der Betriebsrat nach § 87 BetrVG bei der "
        "Einführung von Software?", "de legal question", "none")
    add("betriebsrat", "vendor", "Musterprotokoll einer Betriebsratssitzung: Tagesordnung, Beschlussfähigkeit, "
        "Abstimmungsergebnis (x Ja / y Nein). Bitte ergänzen.", "de template", "placeholder")
    add("betriebsrat", "vendor", "Statistik: In 2026 fanden 14 Betriebsratssitzungen statt, 3 Einigungsstellen, "
        "durchschnittlich 2,1 Stunden. Schreib einen Satz für den Jahresbericht.", "de statistics",
        "statistics")


# ---------------------------------------------------------------------------------------------- comptes rendus
def compterendu_cases():
    add("compterendu", "sensitive", "Compte rendu du comité de direction du 7 mars\n1. Point sur le projet Kestrel : "
        "retard de six semaines.\n2. Budget 2027.\nRédige une version courte.", "fr minutes codename French order",
        "codename")
    add("compterendu", "sensitive", "Compte rendu d'entretien annuel — %s, matricule %s\nObjectifs non atteints, "
        "avertissement écrit versé au dossier. Reformule avec bienveillance." % (P("fr"), V.emp()),
        "fr annual review with warning", "hr_record")
    add("compterendu", "sensitive", "CR réunion d'équipe : %s est en arrêt maladie depuis le 3 mars (burn-out), "
        "retour prévu en mai. Réorganiser les astreintes. Mets en forme." % P("fr"),
        "fr team minutes with burnout", "health")
    add("compterendu", "sensitive", "Compte rendu de visite chez Halvorsen Maritime — DIFFUSION LIMITÉE\nLe client "
        "souhaite étendre le contrat à deux navires. Synthétise.", "fr visit report customer", "customer")
    add("compterendu", "sensitive", "Compte rendu technique : les sauvegardes de %s échouent, voir "
        "[le tableau de bord](https://%s/d/backup). Rédige la conclusion." % (V.host("sap-erp"), V.host("grafana.eu1")),
        "fr minutes with markdown link internal host", "internal_host")
    # look-alikes
    add("compterendu", "vendor", "Comment rédiger un compte rendu de réunion efficace ? Donne un modèle avec les "
        "rubriques habituelles.", "fr generic", "none")
    add("compterendu", "vendor", "Compte rendu de la sortie ornithologique : nous avons observé un faucon "
        "crécerelle (kestrel en anglais) et deux hérons. Corrige l'orthographe.", "fr bird homonym",
        "homonym")
    add("compterendu", "vendor", "CR : la documentation publique indique l'adresse de test 203.0.113.10 et le "
        "domaine example.org. Faut-il les remplacer dans le guide ?", "fr documentation addresses",
        "public_ip")


# ---------------------------------------------------------------------------------------------- actas
def acta_cases():
    add("acta", "sensitive", "ACTA DE LA REUNIÓN DEL COMITÉ DE DIRECCIÓN\nPunto 2: se aprueba el presupuesto del "
        "proyecto Nightjar (1,4 M€).\nRedacta el acta en formato formal.", "es minutes codename",
        "codename")
    add("acta", "sensitive", "Acta de la junta: se acuerda abonar la indemnización a %s, con NIE %s, en la cuenta "
        "%s. Revisa la redacción." % (P("es"), V.es_dni(nie=True), V.iban_cc("ES")),
        "es minutes with nie and iban", "national_id")
    add("acta", "sensitive", "Acta del comité de seguridad: se detectó acceso no autorizado desde %s al servidor "
        "%s. Resume las acciones." % (V.private_ip(), V.host("ldap")), "es security minutes", "private_ip")
    add("acta", "sensitive", "Acta de reunión con cliente — Castellan Bank\nAsistentes: dirección de TI del "
        "cliente y Globex.\nAcuerdos: ampliar el piloto. Pásalo a inglés.", "es customer meeting minutes",
        "customer")
    add("acta", "sensitive", "Acta del comité de empresa: la trabajadora %s solicita adaptación de puesto por su "
        "tratamiento de quimioterapia. Se aprueba. Redacta el acuerdo." % P("es"),
        "es works council with chemotherapy", "health")
    add("acta", "sensitive", "Asunto: [INTERNAL] acta revisada del comité\nAdjunto el acta con los cambios "
        "solicitados. ¿Puedes mejorar el resumen?", "es subject tag internal", "confidential_marker")
    # look-alikes
    add("acta", "vendor", "¿Qué requisitos legales tiene el acta de una junta general de una sociedad limitada "
        "en España?", "es legal question", "none")
    add("acta", "vendor", "Acta de la asociación de pescadores: captura de atún rojo (bluefin tuna) dentro de la "
        "cuota ICCAT. Redacta el punto 3.", "es bluefin homonym", "homonym")
    add("acta", "vendor", "Plantilla de acta: Fecha: ___ Asistentes: ___ Acuerdos: ___ . ¿Qué más debería "
        "incluir?", "es template", "placeholder")


# ---------------------------------------------------------------------------------------------- more look-alikes
def lookalike_cases():
    add("code", "vendor", "<?php\n/*\n * This program is free software: you can redistribute it and/or modify it under the "
        "terms of the GNU General Public License as published by the Free Software Foundation, version 3.\n */\n"
        "Can I use this file in a closed-source plugin?", "php gpl header", "oss_header")
    add("code", "vendor", "# Elixir, SPDX-License-Identifier: MIT\n# Copyright (c) 2021 José Valim and contributors\n"
        "defmodule Demo do\n  def hello, do: :world\nend\nWhat does the SPDX line mean?", "elixir mit header",
        "oss_header")
    add("code", "vendor", "Dart: const apiKey = 'YOUR_API_KEY_HERE'; // replace before running\nHow do I load it "
        "from --dart-define instead?", "dart placeholder", "placeholder")
    add("code", "vendor", "Scala test fixture from the AWS SDK docs:\nval creds = AwsBasicCredentials.create("
        "\"AKIAIOSFODNN7EXAMPLE\", \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\")\nIs this fine in a unit test?",
        "scala aws docs keys", "aws_docs")
    add("code", "vendor", "VBA: Range(\"A1\").Value = \"Total\"\nRange(\"B1\").Formula = \"=SUM(B2:B100)\"\nHow do I "
        "loop over all sheets?", "vba plain", "code_clean")
    add("code", "vendor", "COBOL: what is the difference between COMP-3 and DISPLAY numeric fields, with an example "
        "PIC S9(7)V99?", "cobol question", "none")
    add("iac", "vendor", "Packer HCL:\nsource \"amazon-ebs\" \"ubuntu\" {\n  ssh_username = \"ubuntu\"\n  ssh_password = "
        "var.ssh_password\n}\nvariable \"ssh_password\" { sensitive = true }\nIs `sensitive` enough?",
        "packer variable reference", "env_ref")
    add("iac", "vendor", "Salt pillar with GPG:\nmysql:\n  root_password: |\n    -----BEGIN PGP MESSAGE-----\n    "
        "hQEMA%s\n    -----END PGP MESSAGE-----\nWhy does the renderer fail?" % V.s(40, ALNUM + "+/"),
        "salt gpg-encrypted pillar", "encrypted")
    add("iac", "vendor", "consul.hcl: encrypt = \"\" is read from CONSUL_ENCRYPT at startup via -encrypt flag. Is it "
        "possible to rotate the gossip key without downtime?", "consul empty", "env_ref")
    add("postmortem", "vendor", "Post-mortem draft: traffic from 198.51.100.23 and 203.0.113.77 (documentation "
        "ranges used in this example) overloaded the API. Explain rate limiting by IP.", "en doc ips",
        "public_ip")
    add("postmortem", "vendor", "Evidence hashes for the report: sha256 %s and %s. How do I verify them on "
        "Windows?" % (V.sha256(), V.sha256()), "en hashes", "hashes")
    add("handover", "vendor", "Handover: the service listens on 127.0.0.1:8080 and localhost:9090 only, nothing "
        "exposed. Does that match the defaults of Spring Boot actuator?", "en loopback", "none")
    add("contract", "vendor", "秘密保持契約書のひな形（甲・乙）を作ってください。有効期間は3年、損害賠償条項を含めて。",
        "ja nda template", "ordinary_confidential")
    add("contract", "vendor", "Mustervertrag: \"Vertrauliche Informationen im Sinne dieser Vereinbarung sind alle "
        "Informationen, die als vertraulich gekennzeichnet sind.\" Ist die Definition zu eng?",
        "de template definition", "ordinary_confidential")
    add("datasci", "vendor", "pandas: df['order_id'] holds UUIDs like %s and %s. Should I convert them to the uuid "
        "dtype?" % (V.uuid(), V.uuid()), "uuids", "uuids")
    add("rfp", "vendor", "Licitación pública publicada en la Plataforma de Contratación del Estado: suministro de "
        "portátiles para el Ministerio, presupuesto 1,2 M€. ¿Cómo estructuro la oferta técnica?",
        "es public tender", "none")
    add("csm", "vendor", "カスタマーサクセスのKPI（NRR、チャーン率、オンボーディング完了率）の一般的な目安を教えてください。",
        "ja generic", "none")
    add("board", "vendor", "取締役会議事録の法定記載事項は何ですか？会社法の条文も教えてください。", "ja legal question",
        "none")
    add("investor", "vendor", "¿Qué métricas SaaS suelen pedir los inversores en una ronda Serie A (ARR, NRR, CAC, "
        "payback)?", "es generic", "none")
    add("compterendu", "vendor", "CR atelier produit : la pièce MANTA-32 et la référence KX-9000 du catalogue public "
        "sont en rupture. Rédige un message aux revendeurs.", "fr part numbers near codenames", "sku")
    add("acta", "vendor", "Acta de la junta general de accionistas de %s publicada en la CNMV: se aprueba un "
        "dividendo de 0,45 € por acción. Resume los acuerdos." % R.choice(["Iberdrola", "Inditex", "Telefónica"]),
        "es public company minutes", "none")
    add("tmx", "vendor", "用語集：confidential＝機密、internal＝社内、release＝リリース。表記ルールとしておかしい点は"
        "ありますか？", "ja glossary ordinary words", "ordinary_confidential")
    add("betriebsrat", "vendor", "Betriebsrat fragt: Artikelnummer GX-10423 (Schutzhandschuhe) ist ausverkauft. "
        "Alternative vorschlagen?", "de short gx part number", "sku")
    add("audit", "vendor", "Audit evidence: the firewall rule allows 0.0.0.0/0 on port 443 to the public load "
        "balancer. Is that a finding?", "en any-address", "none")


contract_cases()
board_cases()
press_cases()
rfp_cases()
postmortem_cases()
adr_cases()
runbook_cases()
handover_cases()
audit_cases()
code_cases()
iac_cases()
datasci_cases()
csm_cases()
investor_cases()
slides_cases()
tmx_cases()
ringi_cases()
betriebsrat_cases()
compterendu_cases()
acta_cases()
lookalike_cases()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout13.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
