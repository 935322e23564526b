#!/usr/bin/env python3
"""Writes the second held-out split (tests/corpus/holdout2/holdout2.jsonl). Written after the
packs were tuned (including fixes prompted by the first held-out split), with new templates and
a new seed, and run once to report. Run: python3 tests/corpus/holdout2/generate_holdout2.py"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values import (Values, b64, fullwidth, homoglyph, html_entities, json_escape, percent_all,  # noqa
                    spaced, zero_width)

V = Values(99173)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout2-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


CODENAMES = ["Project Lodestar", "KX-900", "Halcyon", "Bluefin Orbit", "Nightjar"]
CUSTOMERS = ["Aurelian Mining", "Tamura Seiki", "Kessler Pharma", "Norddeich Versicherung", "Brightwater Logistics"]
HOSTS = ["sso.corp.globex.internal", "git.globex.lan", "reports.globex-intra.net", "elk.ops.corp.globex.internal"]

for _ in range(5):
    # code and config
    add("code", "sensitive", "# .env.production\nNODE_ENV=production\nSENTRY_DSN=https://public@sentry.io/1\nOPENAI_API_KEY=%s\nWhy does Next.js not see this var on the client?" % V.openai(),
        ".env with an OpenAI key", "openai_key")
    add("code", "sensitive", "kubectl create secret generic gh --from-literal=token=%s\nThe pod still gets 401 from the GitHub API." % V.github_pat(),
        "kubectl with a GitHub token", "github_token")
    add("code", "sensitive", "<settings><servers><server><id>nexus</id><username>deploy</username><password>%s</password></server></servers></settings>\nMaven says 401" % V.password().replace("<", "").replace("&", "9"),
        "Maven settings.xml with a password", "password")
    add("code", "sensitive", "import anthropic\nclient = anthropic.Anthropic(api_key=\"%s\")\nmsg = client.messages.create(model=\"claude-3-5-sonnet-latest\", max_tokens=512, messages=m)\nHow do I add a system prompt?" % V.anthropic(),
        "Anthropic key in code", "anthropic_key")
    add("code", "sensitive", "slack:\n  webhook_url: %s\n  channel: '#alerts'\nAlertmanager doesn't post, why?" % V.slack_webhook(),
        "Alertmanager config with a Slack webhook", "slack_webhook")
    add("code", "sensitive", "gcloud says my key is invalid: AIza%s - do I need to enable the Maps API?" % V.s(35),
        "Google API key in prose", "google_api_key")
    add("code", "sensitive", "PGPASSWORD='%s' psql -h db.reports.io -U analyst -d warehouse -c 'select 1'\nHow do I avoid the password prompt properly?" % V.password().replace("'", "9"),
        "PGPASSWORD in a shell command", "password")
    add("code", "vendor", "# .env.example\nNODE_ENV=production\nOPENAI_API_KEY=\nSTRIPE_SECRET_KEY=sk_live_...\nWhich of these must never be prefixed with NEXT_PUBLIC_?",
        ".env.example with empty values", "placeholder")
    add("code", "vendor", "kubectl create secret generic gh --from-literal=token=\"$GITHUB_TOKEN\"\nHow do I mount it as an env var?",
        "kubectl with an env reference", "env_ref")
    add("code", "vendor", "<server><id>nexus</id><username>${env.NEXUS_USER}</username><password>${env.NEXUS_PASSWORD}</password></server>\nIs env interpolation supported in settings.xml?",
        "Maven settings with env interpolation", "placeholder")
    add("code", "vendor", "const hash = crypto.createHash('sha256').update(body).digest('hex'); // e.g. %s\nIs hex or base64 better for signatures?" % V.sha256(),
        "hash in a comment", "hashes")
    add("code", "vendor", "Refactor this:\nfor (let i = 0; i < tokens.length; i++) { if (tokens[i].type === 'secret') redact(tokens[i]); }",
        "code about tokens", "code_clean")
    add("code", "vendor", "My Cargo.lock has checksum = \"%s\" for serde; why did it change?" % V.sha256(), "lockfile checksum", "hashes")
    # e-mail and chat
    n = V.name()
    add("email", "sensitive", "Rewrite more concisely:\n\nHello team,\nplease add %s (%s) to the vendor portal and give her admin rights.\nThanks" % (n, V.email(n)),
        "email with a colleague's address", "email")
    add("email", "sensitive", "Translate to Spanish: 'Our new pricing for %s goes live on the 1st; don't share it yet.'" % R.choice(CUSTOMERS),
        "email with a customer name", "customer")
    add("email", "sensitive", "Make this friendlier: 'The %s demo is cancelled. Do not forward.'" % R.choice(CODENAMES),
        "email with a codename", "codename")
    add("email", "vendor", "Make this friendlier: 'The quarterly all-hands is cancelled. New date to follow.'", "email without data", "none")
    add("email", "vendor", "Write a reply declining the meeting invitation politely, and suggest Thursday afternoon instead.", "generic email", "none")
    # logs
    add("log", "sensitive", "Apr 03 09:12:44 ip-%s kernel: [UFW BLOCK] IN=eth0 SRC=%s DST=%s PROTO=TCP DPT=22\nIs someone scanning us?"
        % (V.private_ip().replace(".", "-"), V.public_ip(), V.private_ip()), "firewall log with a private IP", "private_ip")
    add("log", "sensitive", "ERROR [payment-svc] charge failed for customer=%s card=%s reason=insufficient_funds\nHow do I make this log PCI compliant?"
        % (V.email(), V.card(sep="")), "log with an e-mail and a card", "credit_card")
    add("log", "vendor", "Apr 03 09:12:44 web kernel: [UFW BLOCK] IN=eth0 SRC=%s DST=%s PROTO=TCP DPT=22\nIs someone scanning us?"
        % (V.public_ip(), V.public_ip()), "firewall log with public IPs", "public_ip")
    add("log", "vendor", "npm ERR! code ERESOLVE\nnpm ERR! While resolving: app@1.4.2\nnpm ERR! Found: react@18.2.0\nHow do I fix the peer dependency conflict?",
        "npm error", "none")
    # tickets / SQL / documents
    add("ticket", "sensitive", "Chat transcript: 'Hi, my name is %s, my social security number is %s, I need my tax form.' Summarize the request."
        % (V.name(), V.ssn(" ")), "transcript with a spaced SSN", "us_ssn")
    add("ticket", "sensitive", "Refund to account %s please, customer %s called twice. Write the internal note." % (V.iban(), V.name()),
        "ticket with an IBAN", "iban")
    add("ticket", "vendor", "Customer asks why their card %s was rejected; the number fails validation. Explain Luhn briefly." % V.card(valid=False),
        "Luhn-failing number", "luhn_fail")
    add("sql", "sensitive", "SELECT name, phone FROM leads LIMIT 2;\n%s | %s\n%s | %s\nWrite a query to dedupe by phone (call list for sales)."
        % (V.name(), V.phone("us"), V.name(), V.phone("us")), "SQL output with phone numbers", "phone")
    add("sql", "vendor", "CREATE INDEX CONCURRENTLY idx_leads_phone ON leads (phone);\nDoes CONCURRENTLY lock the table?", "DDL", "none")
    add("document", "sensitive", "Draft an FAQ from these notes:\n- %s ships in October\n- price stays the same\n- support via the usual channels" % R.choice(CODENAMES),
        "notes with a codename", "codename")
    add("document", "sensitive", "Company Confidential\n\nQ4 hiring plan: 12 engineers, 3 PMs, freeze in sales.\nMake this a table.",
        "title-case marker line", "confidential_marker")
    add("document", "vendor", "Draft an FAQ from these notes:\n- the library opens at 9\n- new e-book service\n- volunteers wanted", "clean notes", "none")
    add("document", "vendor", "Summarize the GDPR's rules on confidentiality of processing (Art. 28 and 32) for engineers.", "legal summary", "ordinary_confidential")
    add("health", "sensitive", "Referral: Mr %s, date of birth %s, known diabetic, HbA1c 9.1%%, please review insulin dose." % (V.name(), V.date("eu")),
        "referral with DOB", "health_record")
    add("health", "vendor", "What lifestyle changes help lower HbA1c in people with type 2 diabetes?", "health question", "none")
    # languages
    add("de", "sensitive", "Bitte kürzen: 'Interne Zugangsdaten: Benutzer admin, Passwort %s – nicht weitergeben.'" % V.password(), "German password", "password")
    add("de", "vendor", "Wie beantrage ich einen neuen Personalausweis in Berlin?", "German question", "none")
    add("fr", "sensitive", "Corrige ce mail : « Bonjour, voici le numéro de carte du client : %s, merci de traiter le remboursement. »" % V.card(),
        "French card", "credit_card")
    add("fr", "vendor", "Corrige ce mail : « Bonjour, merci pour votre retour, je reviens vers vous demain. »", "French email", "none")
    add("es", "sensitive", "Traduce al inglés: «Documento de uso interno: plan de expansión a México para %s.»" % R.choice(CUSTOMERS),
        "Spanish marker", "confidential_marker")
    add("es", "vendor", "Traduce al inglés: «El museo abre de martes a domingo.»", "Spanish translation", "none")
    add("ja", "sensitive", "以下を要約してください：社外秘　%sの新価格は来月から適用。" % R.choice(CUSTOMERS), "Japanese marker", "confidential_marker")
    add("ja", "vendor", "以下を要約してください：図書館は来月から開館時間を延長します。", "Japanese summary", "none")
    # evasions
    add("evasion", "sensitive", "card %s pls refund" % fullwidth(V.card(sep="")), "full-width card", "credit_card", "fullwidth")
    add("evasion", "sensitive", "%s, status?" % zero_width(R.choice(CUSTOMERS), R, 3), "zero-width customer name", "customer", "zero_width")
    add("evasion", "sensitive", "Release plan for %s" % homoglyph(R.choice(["Halcyon", "Nightjar", "Project Lodestar"]), R, 3), "homoglyph codename", "codename", "homoglyph")
    add("evasion", "sensitive", "%s. Summarize." % spaced("CONFIDENTIAL", "."), "dotted-out marker", "confidential_marker", "spaced")
    add("evasion", "sensitive", "config blob: %s" % b64("{\"github_token\": \"%s\"}" % V.github_pat()), "base64 JSON with a token", "github_token", "base64")
    add("evasion", "sensitive", "%s" % json_escape("password: %s" % V.password()), "JSON-escaped password", "password", "json_escape")
    add("evasion", "sensitive", "next=%s" % percent_all("https://%s/login" % R.choice(HOSTS)), "percent-encoded internal URL", "internal_host", "percent")
    add("evasion", "vendor", "%s: write a caption" % fullwidth("HAPPY NEW YEAR 2026"), "full-width benign", "fullwidth_benign", "fullwidth")
    add("evasion", "vendor", "Decode: %s" % b64("The meeting moved to room 4B."), "benign base64", "benign_base64", "base64")
    add("evasion", "vendor", "%s" % json_escape("Summarize the plot of Hamlet"), "benign JSON escapes", "benign_json", "json_escape")


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout2.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("holdout2: %d vendor, %d sensitive" % (sum(r["label"] == "vendor" for r in ROWS),
                                                sum(r["label"] == "sensitive" for r in ROWS)))


if __name__ == "__main__":
    main()
