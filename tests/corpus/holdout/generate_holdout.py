#!/usr/bin/env python3
"""Writes the held-out split (tests/corpus/holdout/holdout.jsonl): same label rules as the tuning
split, but written separately, with different templates, wording, file formats and seed, and
never looked at while tuning the packs. Run: python3 tests/corpus/holdout/generate_holdout.py"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values import (Values, b64, fullwidth, homoglyph, html_entities, json_escape, percent_all,  # noqa
                    spaced, zero_width)

V = Values(4242017)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    row = {"id": "holdout-%s-%03d" % (category, sum(1 for r in ROWS if r["category"] == category) + 1),
           "text": text, "label": label, "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


CODENAMES = ["MANTA-3", "Halcyon", "Project Kestrel", "Nightjar", "Bluefin Orbit", "Saltmarsh"]
CUSTOMERS = ["Halvorsen Maritime", "Castellan Bank", "Okonkwo Textiles", "Lindqvist Energi",
             "Marchetti Costruzioni", "Vandersloot Farms", "Pemberton Foods"]
HOSTS = ["ldap.corp.globex.internal", "metrics.us2.corp.globex.internal", "confluence.globex-intra.net",
         "ci.globex.lan"]

for _ in range(4):
    # ------------------------------------------------------------------ code, other languages/formats
    add("code", "sensitive", 'package main\n\nconst stripeKey = "%s"\n\nfunc main() { charge(stripeKey) }\n// go vet complains, why?' % V.stripe(),
        "Go constant with a Stripe key", "stripe_key")
    add("code", "sensitive", "# values-prod.yaml\nimage:\n  tag: 1.14.2\nenv:\n  OPENAI_API_KEY: %s\n  LOG_LEVEL: info\nHelm ignores my env block" % V.openai(),
        "Helm values with an OpenAI key", "openai_key")
    add("code", "sensitive", "FROM node:20-alpine\nENV NPM_TOKEN=%s\nRUN npm ci\nWhy is the image so large?" % V.npm(),
        "Dockerfile with an npm token", "npm_token")
    add("code", "sensitive", 'require "octokit"\nclient = Octokit::Client.new(access_token: "%s")\nputs client.user.login\nHow to handle rate limits?' % V.github_pat(),
        "Ruby with a GitHub token", "github_token")
    add("code", "sensitive", 'variable "db_password" {\n  default = "%s"\n}\nterraform warns about sensitive values' % V.password(),
        "Terraform default password", "password")
    add("code", "sensitive", "let client = reqwest::Client::new();\nlet res = client.get(url).header(\"x-api-key\", \"%s\").send().await?;\nHow do I add a timeout?" % V.hex_secret(40),
        "Rust with an API key header", "generic_secret")
    add("code", "sensitive", "HF_TOKEN=%s python train.py --push-to-hub\nThe upload stalls at 99%%" % V.hf(),
        "shell with a Hugging Face token", "hf_token")
    add("code", "sensitive", "ssh-keygen output I pasted into the wiki by mistake:\n%s\nHow do I rotate it?" % V.pem_private_key("EC "),
        "EC private key", "private_key")
    add("code", "vendor", 'package main\n\nvar stripeKey = os.Getenv("STRIPE_SECRET_KEY")\n\nfunc main() { charge(stripeKey) }\n// go vet complains, why?',
        "Go with an env lookup", "env_ref")
    add("code", "vendor", "# values.yaml\nenv:\n  OPENAI_API_KEY: \"\"   # set via --set or a Secret\n  LOG_LEVEL: info\nHow do I reference a Secret here?",
        "Helm values with an empty key", "placeholder")
    add("code", "vendor", "FROM node:20-alpine\nARG NPM_TOKEN\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc && npm ci\nIs ARG safe for tokens?",
        "Dockerfile with a build arg", "placeholder")
    add("code", "vendor", "git log --oneline\n%s fix flaky test\n%s bump deps\nHow do I squash these two?" % (V.git_sha()[:7], V.git_sha()[:7]),
        "git short SHAs", "hashes")
    add("code", "vendor", "The AWS docs use AKIAIOSFODNN7EXAMPLE as the sample key id. Where do real keys come from?",
        "AWS documentation key", "aws_docs")
    add("code", "vendor", 'Set `api_key: "<your-api-key>"` in config.yml and restart. Does the order of keys matter?',
        "placeholder in prose", "placeholder")
    add("code", "vendor", "checksum: sha512-%s\nnpm says EINTEGRITY, how do I clear the cache?" % V.b64_secret(48),
        "integrity hash", "hashes")
    add("code", "vendor", "docker pull nginx@sha256:%s\nHow do I pin images by digest in compose?" % V.sha256(),
        "image digest", "hashes")
    # ------------------------------------------------------------------ email
    n = V.name()
    add("email", "sensitive", "Make this sound warmer: 'Dear %s, your contract is attached. Questions to me at %s or +1 %d %d %04d.'"
        % (n, V.email(n), R.randint(201, 989), R.randint(200, 999), R.randint(0, 9999)), "email with contact details", "email")
    add("email", "sensitive", "Polish this internal note: 'Heads-up: %s is moving the go-live to Q2; keep this within the team.'" % R.choice(CODENAMES),
        "email with a codename", "codename")
    add("email", "sensitive", "Shorten: 'Hi, the renewal with %s is at risk because of the SLA credits. Let's discuss Monday.'" % R.choice(CUSTOMERS),
        "email with a customer name", "customer")
    add("email", "vendor", "Shorten: 'Hi, the renewal of our gym membership is due. Shall we switch to the yearly plan?'",
        "personal email without data", "none")
    add("email", "vendor", "Make this sound warmer: 'Dear applicant, thanks for your interest. We treat all applications as confidential and reply within two weeks.'",
        "ordinary 'confidential'", "ordinary_confidential")
    # ------------------------------------------------------------------ logs
    add("log", "sensitive", "2025/04/02 08:%02d:13 [error] 311#311: *9 upstream timed out (110: Connection timed out) while reading response header "
        "from upstream, client: %s, server: shop, upstream: \"http://%s:3000/api\"\nTune proxy_read_timeout?" % (R.randint(0, 59), V.public_ip(), V.private_ip()),
        "nginx error log with a private upstream", "private_ip")
    add("log", "sensitive", "DEBUG http.client send: b'POST /v1/charges HTTP/1.1\\r\\nAuthorization: Bearer %s\\r\\n'\nWhy is the body empty?" % V.stripe(),
        "debug log with a bearer key", "stripe_key")
    add("log", "vendor", "2025/04/02 08:%02d:13 [error] 311#311: *9 upstream timed out (110: Connection timed out) while reading response header "
        "from upstream, client: %s, server: shop, upstream: \"http://127.0.0.1:3000/api\"\nTune proxy_read_timeout?" % (R.randint(0, 59), V.public_ip()),
        "nginx error log with loopback", "public_ip")
    add("log", "vendor", "panic: runtime error: index out of range [5] with length 5\n\ngoroutine 1 [running]:\nmain.parse(0xc000012345, 0x5)\n\t/src/main.go:42 +0x1d\nWhat's wrong?",
        "Go panic", "none")
    # ------------------------------------------------------------------ tickets / CSV
    add("ticket", "sensitive", "name,email,card_last4,full_card\n%s,%s,%s,%s\nCan you turn this CSV into a Markdown table?"
        % (V.name(), V.email(), "1234", V.card(sep="")), "CSV with a full card number", "credit_card")
    add("ticket", "sensitive", "[Zendesk] Requester: %s | Phone: %s | Message: I can't access my account since yesterday. Draft a reply."
        % (V.name(), V.phone("uk")), "ticket with a phone number", "phone")
    add("ticket", "sensitive", "Applicant %s, SSN %s, requests a copy of the W-2. Write the cover note." % (V.name(), V.ssn()),
        "ticket with an SSN", "us_ssn")
    add("ticket", "vendor", "[Zendesk] Requester asks how to export invoices as PDF. Draft a reply with the three steps.",
        "ticket without data", "none")
    add("ticket", "vendor", "Customer quoted order number %d and tracking %s; write a delay apology." % (R.randint(10**11, 10**12), "1Z" + V.s(16, "0123456789ABCDEF")),
        "order and tracking numbers", "order_number")
    # ------------------------------------------------------------------ SQL
    add("sql", "sensitive", "COPY (SELECT name, iban FROM payees) TO STDOUT;\n%s\t%s\nWhy is the output tab-separated?" % (V.name(), V.iban()),
        "SQL output with an IBAN", "iban")
    add("sql", "sensitive", "INSERT INTO patients (mrn, name, dx) VALUES ('%d', '%s', 'F32.1 major depressive disorder');\nAdd an index on dx."
        % (R.randint(100000, 999999), V.name()), "SQL with patient data", "health_record")
    add("sql", "vendor", "ALTER TABLE payees ADD COLUMN iban_encrypted BYTEA;\nCREATE INDEX ON payees (created_at);\nIs a BRIN index better here?",
        "DDL", "none")
    add("sql", "vendor", "SELECT count(*) FILTER (WHERE status = 'failed') * 100.0 / count(*) AS fail_rate FROM payments;\nHow do I round this?",
        "aggregate", "none")
    # ------------------------------------------------------------------ documents
    add("document", "sensitive", "Meeting notes (board prep)\n- Revenue up 12%%\n- %s: hardware delays, new date TBD\n- Hiring freeze for Q3\n"
        "Turn these into an agenda." % R.choice(CODENAMES), "meeting notes with a codename", "codename")
    add("document", "sensitive", "ATTORNEY-CLIENT PRIVILEGED\nMemo re: settlement strategy. Our exposure is limited if we settle before discovery.\nSummarize.",
        "legal memo with a privilege marker", "confidential_marker")
    add("document", "sensitive", "Architecture notes: the gateway forwards to %s, which fans out to three workers.\nDraw this as a Mermaid diagram."
        % R.choice(HOSTS), "architecture notes with an internal host", "internal_host")
    add("document", "vendor", "Meeting notes (book club)\n- Next book: The Overstory\n- Host: Priya\n- Bring snacks\nTurn these into an invite.",
        "clean notes", "none")
    add("document", "vendor", "Summarize the main points of the EU AI Act for a non-technical audience, including what 'high-risk' means.",
        "public policy question", "none")
    add("document", "vendor", "Explain what 'attorney-client privilege' protects and when it is waived, with two examples.",
        "legal question", "ordinary_confidential")
    # ------------------------------------------------------------------ languages
    add("de", "sensitive", "Streng vertraulich: Umstrukturierung der Abteilung %s. Bitte in drei Sätzen zusammenfassen." % R.choice(["Vertrieb", "Einkauf"]),
        "German marker", "confidential_marker")
    add("de", "sensitive", "Hallo, hier meine Kreditkarte für die Buchung: %s, gültig bis 08/28. Kannst du die Mail umformulieren?" % V.card(),
        "German card", "credit_card")
    add("de", "vendor", "Schreibe eine kurze Absage für ein Vorstellungsgespräch, höflich und vertraulich formuliert.",
        "ordinary 'vertraulich'", "ordinary_confidential")
    add("fr", "sensitive", "Document interne – diffusion restreinte. Résume la stratégie de prix pour %s." % R.choice(CUSTOMERS),
        "French marker", "confidential_marker")
    add("fr", "sensitive", "Voici mon IBAN pour le remboursement : %s. Rédige un message poli." % V.iban(), "French IBAN", "iban")
    add("fr", "vendor", "Quelle est la différence entre un CDD et un CDI ? Réponds en cinq lignes.", "French question", "none")
    add("es", "sensitive", "Paciente: %s, diagnóstico de diabetes tipo 2, tratamiento con insulina. Redacta el informe de alta." % V.name(),
        "Spanish clinical note", "health_record")
    add("es", "sensitive", "Estrictamente confidencial: el plan de despidos del tercer trimestre. Resume los puntos clave.",
        "Spanish marker", "confidential_marker")
    add("es", "vendor", "Escribe una receta de tortilla de patatas para cuatro personas.", "Spanish recipe", "none")
    add("ja", "sensitive", "極秘：%sとの提携交渉の状況を箇条書きにしてください。" % R.choice(CUSTOMERS), "Japanese marker", "confidential_marker")
    add("ja", "sensitive", "ご連絡は電話 %s までお願いします、という文を丁寧に直してください。" % V.phone("jp"), "Japanese phone", "phone")
    add("ja", "vendor", "「機密性」「完全性」「可用性」の違いを説明してください。", "Japanese security question", "ordinary_confidential")
    add("ja", "vendor", "明日の会議は１０時から３０分です。リマインダーの文を作ってください。", "Japanese full-width digits", "fullwidth_benign")
    # ------------------------------------------------------------------ evasions
    add("evasion", "sensitive", "IBAN: %s — write the payment reminder." % fullwidth(V.iban(grouped=True)), "full-width IBAN", "iban", "fullwidth")
    add("evasion", "sensitive", "github token %s why 401" % zero_width(V.github_pat(), R, 5), "zero-width GitHub token", "github_token", "zero_width")
    add("evasion", "sensitive", "Write release notes for %s." % homoglyph("MANTA-3", R, 2), "homoglyph codename", "codename", "homoglyph")
    add("evasion", "sensitive", "%s: salary bands for 2026, format as a table" % spaced("INTERNAL USE ONLY".replace(" ", ""), " "),
        "spaced-out marker", "confidential_marker", "spaced")
    add("evasion", "sensitive", "Here is the env file as base64, what's wrong with it? %s" % b64("STRIPE_KEY=%s\nPORT=8080\n" % V.stripe()),
        "base64 env file with a Stripe key", "stripe_key", "base64")
    add("evasion", "sensitive", '{"msg": "%s"}' % json_escape("Contact %s" % V.email()), "JSON-escaped e-mail", "email", "json_escape")
    add("evasion", "sensitive", "callback=%s" % percent_all("http://%s/hook" % V.private_ip()), "percent-encoded private IP", "private_ip", "percent")
    add("evasion", "sensitive", "Email me: %s" % html_entities(V.email()), "HTML-entity e-mail", "email", "html_entity")
    add("evasion", "vendor", "%s, write a slogan" % fullwidth("SPRING FESTIVAL 2025"), "full-width benign", "fullwidth_benign", "fullwidth")
    add("evasion", "vendor", "What does this base64 say? %s" % b64("Meet me at the library at noon."), "benign base64", "benign_base64", "base64")
    add("evasion", "vendor", "Why is %s shown with a space in my terminal?" % zero_width("notebook", R, 4), "benign zero-width", "benign_zero_width", "zero_width")
    add("evasion", "vendor", "Print %s vertically in CSS." % spaced("WELCOME"), "benign spaced", "benign_spaced", "spaced")


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("holdout: %d vendor, %d sensitive" % (sum(r["label"] == "vendor" for r in ROWS),
                                               sum(r["label"] == "sensitive" for r in ROWS)))


if __name__ == "__main__":
    main()
