#!/usr/bin/env python3
"""Writes the third held-out split (tests/corpus/holdout3/holdout3.jsonl): written after every rule
change, with new templates and seed, and run exactly once; no rule was changed after seeing it.
Run: python3 tests/corpus/holdout3/generate_holdout3.py"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values import Values, b64, fullwidth, homoglyph, json_escape, percent_all, spaced, zero_width  # noqa

V = Values(31337)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout3-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


CODENAMES = ["MANTA-3", "Saltmarsh", "Project Kestrel", "KX-900"]
CUSTOMERS = ["Halvorsen Maritime", "Pemberton Foods", "Lindqvist Energi", "Castellan Bank"]

for _ in range(4):
    add("code", "sensitive", "In Postman I set the header x-api-key: %s and get 429s. What's the rate limit?" % V.hex_secret(32),
        "API key in prose header", "generic_secret")
    add("code", "sensitive", "Here is my GitHub Actions log line: 'Authorization: token %s' - why is it not masked?" % V.github_pat(),
        "token in a log line", "github_token")
    add("code", "sensitive", "appsettings.json:\n{\n  \"ConnectionStrings\": {\n    \"Db\": \"Server=sql01;Database=crm;User Id=app;Password=%s;\"\n  }\n}\nEF Core cannot connect" % V.password().replace(";", "9"),
        "connection string with a password", "password")
    add("code", "sensitive", "npm config set //registry.npmjs.org/:_authToken %s\nIs this stored in plain text?" % V.npm(),
        "npm token on a command line", "npm_token")
    add("code", "sensitive", "Why does `aws s3 ls` fail? I exported AWS_ACCESS_KEY_ID=%s and AWS_SECRET_ACCESS_KEY=%s" % (V.aws_key_id(), V.aws_secret()),
        "AWS credentials in prose", "aws_key")
    add("code", "vendor", "In Postman I set the header x-api-key: {{apiKey}} from the environment. How do I share collections safely?",
        "Postman variable", "placeholder")
    add("code", "vendor", "appsettings.json:\n{\n  \"ConnectionStrings\": {\n    \"Db\": \"Server=sql01;Database=crm;Trusted_Connection=True;\"\n  }\n}\nEF Core cannot connect",
        "connection string without a password", "none")
    add("code", "vendor", "Why does `aws s3 ls` fail? I ran `aws configure` and the credentials file exists but the region is empty.",
        "AWS question without keys", "none")
    add("code", "vendor", "Explain this regex: ^gh[pousr]_[A-Za-z0-9]{36}$", "regex about tokens", "none")
    add("code", "vendor", "docker run -p 5432:5432 -e POSTGRES_PASSWORD=$POSTGRES_PASSWORD postgres:16\nThe container exits immediately, why?",
        "env reference", "env_ref")
    n = V.name()
    add("email", "sensitive", "Can you make this shorter? 'Hi, I'm %s from accounting; my direct line is %s and my email is %s.'"
        % (n, V.phone("us"), V.email(n)), "email with contact details", "email")
    add("email", "sensitive", "Help me reply: 'Are we still on track with %s for the trade show?'" % R.choice(CODENAMES),
        "email with a codename", "codename")
    add("email", "vendor", "Help me reply: 'Are we still on track for the trade show booth design?'", "email without data", "none")
    add("log", "sensitive", "grpc: addrConn.createTransport failed to connect to {%s:50051}: connection refused. Which side is wrong?" % V.private_ip(),
        "gRPC log with a private IP", "private_ip")
    add("log", "vendor", "grpc: addrConn.createTransport failed to connect to {localhost:50051}: connection refused. Which side is wrong?",
        "gRPC log with localhost", "none")
    add("ticket", "sensitive", "Customer %s wants to update the card on file to %s (exp 11/29). Write the confirmation." % (V.name(), V.card()),
        "ticket with a card", "credit_card")
    add("ticket", "sensitive", "Please summarize: caller verified identity with SSN %s and asked to close the account." % V.ssn(),
        "ticket with an SSN", "us_ssn")
    add("ticket", "vendor", "Please summarize: caller asked to close the account and requested a final statement by mail.",
        "ticket without data", "none")
    add("sql", "sensitive", "Why is this slow? UPDATE customers SET email = '%s' WHERE id = %d;" % (V.email(), R.randint(1, 99999)),
        "SQL with an e-mail", "email")
    add("sql", "vendor", "Why is this slow? UPDATE customers SET last_login = now() WHERE id = %d;" % R.randint(1, 99999), "SQL without data", "none")
    add("document", "sensitive", "INTERNAL USE ONLY - DO NOT DISTRIBUTE\nTravel policy update: economy class for flights under 6 hours.\nRewrite for the intranet.",
        "marked document", "confidential_marker")
    add("document", "sensitive", "Summarize our account plan for %s: expand to two new plants, renew in Q3." % R.choice(CUSTOMERS),
        "account plan with a customer", "customer")
    add("document", "vendor", "Travel policy update: economy class for flights under 6 hours.\nRewrite for the intranet.",
        "unmarked document", "none")
    add("health", "sensitive", "Convert to a table: Pt. Ana Lopez, MRN: 55120934, Dx: asthma, meds: albuterol 90 mcg.",
        "clinical table", "health_record")
    add("health", "vendor", "What is the difference between albuterol and budesonide for asthma?", "health question", "none")
    add("de", "sensitive", "Bitte übersetzen: 'Unsere Kundennummer bei Ihnen ist 4711, die IBAN lautet %s.'" % V.iban(), "German IBAN", "iban")
    add("de", "vendor", "Bitte übersetzen: 'Vielen Dank für Ihre schnelle Antwort.'", "German", "none")
    add("fr", "sensitive", "Résume ce document CONFIDENTIEL sur la réorganisation des équipes.", "French marker", "confidential_marker")
    add("fr", "vendor", "Résume ce document sur la réorganisation des équipes de football amateur.", "French", "none")
    add("es", "sensitive", "Escribe un correo a %s confirmando la cita del lunes." % V.email(), "Spanish e-mail", "email")
    add("es", "vendor", "Escribe un correo confirmando la cita del lunes.", "Spanish", "none")
    add("ja", "sensitive", "次の文を英訳してください：「この資料は部外秘です。」", "Japanese marker", "confidential_marker")
    add("ja", "vendor", "次の文を英訳してください：「この資料は来週公開されます。」", "Japanese", "none")
    add("evasion", "sensitive", "%s roadmap please" % zero_width(R.choice(CODENAMES), R, 2), "zero-width codename", "codename", "zero_width")
    add("evasion", "sensitive", "SSN: %s" % fullwidth(V.ssn()), "full-width SSN", "us_ssn", "fullwidth")
    add("evasion", "sensitive", "what is in this secret? %s" % b64("password=%s" % V.password()), "base64 password", "password", "base64")
    add("evasion", "sensitive", "%s - summarize" % homoglyph("INTERNAL USE ONLY", R, 3), "homoglyph marker", "confidential_marker", "homoglyph")
    add("evasion", "vendor", "%s" % spaced("HELLO WORLD".replace(" ", "")), "benign spaced", "benign_spaced", "spaced")
    add("evasion", "vendor", "url: %s" % percent_all("https://en.wikipedia.org/wiki/Kestrel"), "benign percent", "benign_percent", "percent")


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout3.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("holdout3: %d vendor, %d sensitive" % (sum(r["label"] == "vendor" for r in ROWS),
                                                sum(r["label"] == "sensitive" for r in ROWS)))


if __name__ == "__main__":
    main()
