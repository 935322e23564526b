#!/usr/bin/env python3
"""Writes the fourth held-out split (tests/corpus/holdout4/holdout4.jsonl): free-form prompts
written after the last rule change, labeled by what may leave the company (not by what the rules
are known to catch), and run once to report. Run: python3 tests/corpus/holdout4/generate_holdout4.py"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values import Values, b64, fullwidth, homoglyph, json_escape, percent_all, spaced, zero_width  # noqa

V = Values(555001)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout4-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


for _ in range(3):
    n = V.name()
    # --- sensitive
    add("code", "sensitive", "quick q - is it bad that our README has `export GITLAB_TOKEN=%s` in the setup section?" % V.gitlab(), "token in README", "gitlab_token")
    add("code", "sensitive", "```python\nopenai.api_key = '%s'\n```\nconvert this to the v1 client" % V.openai(), "OpenAI key in a code block", "openai_key")
    add("code", "sensitive", "I get SignatureDoesNotMatch with key %s / %s - does the secret need URL encoding?" % (V.aws_key_id(), V.aws_secret()), "AWS pair in prose", "aws_key")
    add("code", "sensitive", "hf login keeps failing with %s, is the token revoked?" % V.hf(), "HF token in prose", "hf_token")
    add("code", "sensitive", "TWILIO_AUTH_TOKEN=%s\nTWILIO_ACCOUNT_SID=AC%s\nSMS sends fail with 20003" % (V.hex_secret(32), V.hex_secret(32)), "Twilio credentials", "generic_secret")
    add("code", "sensitive", "client_secret=%s&grant_type=client_credentials - Azure returns AADSTS7000215" % (V.s(3) + "8Q~" + V.s(31, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~")), "Azure client secret in a form body", "generic_secret")
    add("email", "sensitive", "pls polish: 'hey %s, the wire went to %s yesterday, can you confirm receipt?'" % (n.split()[0], V.iban()), "email with an IBAN", "iban")
    add("email", "sensitive", "Draft a reply to %s <%s> saying we'll ship the replacement Monday." % (n, V.email(n)), "reply with a named address", "email")
    add("ticket", "sensitive", "Caller gave card %s, CVV on file, asked to split payment. Write the agent notes." % V.card(), "card in agent notes", "credit_card")
    add("ticket", "sensitive", "member says her SSN %s was entered wrong on the 1099, draft the correction request" % V.ssn(), "SSN in a ticket", "us_ssn")
    add("log", "sensitive", "curl: (7) Failed to connect to %s port 8443 after 3002 ms: Couldn't connect to server\nfirewall or proxy?" % V.private_ip(), "curl error with a private IP", "private_ip")
    add("log", "sensitive", "Sentry event: user.email=%s user.ip_address=%s message='payment timeout'\nGroup these events by cause" % (V.email(), V.public_ip()), "error event with an e-mail", "email")
    add("document", "sensitive", "Board update (draft, CONFIDENTIAL)\nRevenue: flat. Churn: up 2 pts. Ask: approve the %s budget.\nTighten the wording." % R.choice(["Halcyon", "Nightjar", "MANTA-3"]), "board update", "confidential_marker")
    add("document", "sensitive", "Rewrite for the partner portal: 'Our integration with %s went live last week.'" % R.choice(["Kessler Pharma", "Tamura Seiki", "Castellan Bank"]), "customer reference", "customer")
    add("health", "sensitive", "Simplify for the patient: 'MRN %d: HbA1c 8.2%%, increase metformin to 1000 mg bid, recheck in 3 months.'" % R.randint(1000000, 9999999), "clinical instruction with MRN", "health_record")
    add("de", "sensitive", "Kannst du das höflicher formulieren? 'Ihre Kreditkarte %s wurde abgelehnt.'" % V.card(), "German card", "credit_card")
    add("fr", "sensitive", "Réécris : « Merci de rappeler Mme Dubois au %s avant midi. »" % V.phone("fr"), "French phone", "phone")
    add("es", "sensitive", "Corrige: «Mi contraseña del correo es %s y no puedo entrar»" % V.password(), "Spanish password", "password")
    add("ja", "sensitive", "英訳して：「取扱注意：%sとの契約条件」" % R.choice(["Aurelian Mining", "Pemberton Foods"]), "Japanese marker", "confidential_marker")
    add("evasion", "sensitive", "the key is %s (split so the scanner doesn't eat it)" % zero_width(V.stripe(), R, 6), "zero-width Stripe key", "stripe_key", "zero_width")
    add("evasion", "sensitive", "here's the secret yaml: data:\n  password: %s" % b64(V.password()), "base64 k8s secret value", "password", "base64")
    add("evasion", "sensitive", "%s - who should attend the kickoff?" % homoglyph("Project Kestrel", R, 3), "homoglyph codename", "codename", "homoglyph")
    add("evasion", "sensitive", "phone: %s" % fullwidth(V.phone("intl")), "full-width phone", "phone", "fullwidth")
    # --- vendor
    add("code", "vendor", "quick q - is it bad practice to put `export GITLAB_TOKEN=...` in a README setup section?", "placeholder token", "placeholder")
    add("code", "vendor", "```python\nopenai.api_key = os.environ['OPENAI_API_KEY']\n```\nconvert this to the v1 client", "env reference", "env_ref")
    add("code", "vendor", "I get SignatureDoesNotMatch on presigned URLs - does the secret need URL encoding?", "AWS question", "none")
    add("code", "vendor", "What's the format of a Twilio Account SID and how is it different from an auth token?", "token format question", "none")
    add("code", "vendor", "Generate a random 32-byte secret in Node and explain why base64url is better for URLs.", "secret generation question", "none")
    add("code", "vendor", "Why does this test fail? assert hash_password('hunter2') != 'hunter2'", "test with a well-known toy password", "placeholder")
    add("email", "vendor", "pls polish: 'hey team, the wire for the conference sponsorship went out yesterday, can someone confirm?'", "email without data", "none")
    add("email", "vendor", "Draft a reply saying we'll ship the replacement Monday and apologize for the delay.", "generic reply", "none")
    add("ticket", "vendor", "Caller asked whether we store CVVs. Write the agent notes explaining we never do.", "PCI question", "none")
    add("ticket", "vendor", "Member asks how to correct a wrong SSN on a 1099; list the steps without collecting the number.", "SSN process question", "none")
    add("log", "vendor", "curl: (6) Could not resolve host: api.example.com\nDNS or proxy?", "curl error with example.com", "none")
    add("log", "vendor", "Sentry event: release=%s environment=production message='payment timeout' count=%d\nGroup these events by cause" % (V.git_sha()[:12], R.randint(3, 900)), "error event without user data", "hashes")
    add("document", "vendor", "Board game night update: Catan on Friday, bring snacks. Tighten the wording.", "clean note", "none")
    add("document", "vendor", "Rewrite for our blog: 'Our integration with Slack and Jira went live last week.'", "public integrations", "none")
    add("health", "vendor", "Explain what an HbA1c of 8.2% means and typical next steps, in plain language.", "health question", "none")
    add("de", "vendor", "Kannst du das höflicher formulieren? 'Ihre Zahlung konnte leider nicht verarbeitet werden.'", "German", "none")
    add("fr", "vendor", "Réécris : « Merci de rappeler le service client avant midi. »", "French", "none")
    add("es", "vendor", "Corrige: «No puedo entrar a mi correo, ¿cómo restablezco la contraseña?»", "Spanish password question", "none")
    add("ja", "vendor", "英訳して：「取扱説明書は同梱されています」", "Japanese manual note", "none")
    add("evasion", "vendor", "write %s in a fancy font" % fullwidth("hello"), "benign full-width", "fullwidth_benign", "fullwidth")
    add("evasion", "vendor", "what's this? %s" % b64("just a test string for the encoder"), "benign base64", "benign_base64", "base64")
    add("evasion", "vendor", "%s" % percent_all("what is a kestrel"), "benign percent", "benign_percent", "percent")


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout4.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("holdout4: %d vendor, %d sensitive" % (sum(r["label"] == "vendor" for r in ROWS),
                                                sum(r["label"] == "sensitive" for r in ROWS)))


if __name__ == "__main__":
    main()
