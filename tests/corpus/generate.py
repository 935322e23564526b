#!/usr/bin/env python3
"""Writes the tuning split of the labeled corpus (tests/corpus/tuning/*.jsonl).

Each line: {"id", "text", "label": "vendor"|"sensitive", "category", "note"} plus optional
"evasion" (the obfuscation applied) and "content" (what makes it sensitive, or the look-alike).
"sensitive" means the prompt may not go to an external vendor as is under
policies/examples/globex.yaml (any handling other than vendor: redact, internal or block).
Run: python3 tests/corpus/generate.py  (deterministic; the output is committed)."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from values import (Values, b64, fullwidth, homoglyph, html_entities, json_escape, percent,  # noqa
                    percent_all, spaced, zero_width)

V = Values(20261101)
R = V.r
OUT = {}


def add(category, label, text, note, content, evasion=None):
    rows = OUT.setdefault(category if category in FILES else "misc", [])
    row = {"id": "%s-%03d" % (category, len(rows) + 1), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    rows.append(row)


FILES = ["code", "email", "log", "ticket", "sql", "document", "health", "de", "fr", "es", "ja",
         "evasion", "chat"]

CODENAMES = ["Project Kestrel", "Halcyon", "MANTA-3", "Nightjar", "Project Lodestar", "Saltmarsh"]
CUSTOMERS = ["Brightwater Logistics", "Kessler Pharma", "Norddeich Versicherung",
             "Halvorsen Maritime", "Pemberton Foods", "Castellan Bank", "Aurelian Mining",
             "Tamura Seiki"]
HOSTS = ["grafana.corp.globex.internal", "jenkins.build.corp.globex.internal",
         "db-primary.eu1.corp.globex.internal", "wiki.globex-intra.net", "vault.corp.globex.internal",
         "kafka-03.corp.globex.internal"]
PUBLIC_COS = ["Stripe", "Shopify", "Airbus", "Siemens", "Toyota", "Netflix", "Spotify", "Zalando"]

# ====================================================================== code
SECRET_SNIPPETS = [
    ("aws_key", lambda: 'import boto3\n\ns3 = boto3.client(\n    "s3",\n    aws_access_key_id="%s",\n'
     '    aws_secret_access_key="%s",\n)\nprint(s3.list_buckets())\n\nWhy do I get AccessDenied?'
     % (V.aws_key_id(), V.aws_secret())),
    ("aws_key", lambda: "[default]\naws_access_key_id = %s\naws_secret_access_key = %s\nregion = eu-west-1\n\n"
     "Is this ~/.aws/credentials file formatted correctly?" % (V.aws_key_id(), V.aws_secret())),
    ("github_token", lambda: "name: release\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n"
     "      GH_TOKEN: %s\n    steps:\n      - uses: actions/checkout@v4\n\nThe workflow fails with 403, why?"
     % V.github_pat()),
    ("github_token", lambda: "git remote set-url origin https://%s@github.com/acme/payments.git\n"
     "git push fails with 'Permission denied', what am I doing wrong?" % V.github_fine_grained()),
    ("gitlab_token", lambda: 'curl --header "PRIVATE-TOKEN: %s" "https://gitlab.com/api/v4/projects?owned=true"\n'
     "How do I paginate this?" % V.gitlab()),
    ("slack_token", lambda: 'from slack_sdk import WebClient\nclient = WebClient(token="%s")\n'
     'client.chat_postMessage(channel="#deploys", text="done")\n# why is channel_not_found raised?'
     % V.slack_bot()),
    ("slack_webhook", lambda: 'const res = await fetch("%s", {\n  method: "POST",\n  body: JSON.stringify({ text: msg }),\n});\n'
     "// returns 400 invalid_payload - what's wrong with the body?" % V.slack_webhook()),
    ("stripe_key", lambda: 'const stripe = require("stripe")("%s");\nconst session = await stripe.checkout.sessions.create({ mode: "payment" });\n'
     "Why does this throw 'No such price'?" % V.stripe()),
    ("openai_key", lambda: 'from openai import OpenAI\nclient = OpenAI(api_key="%s")\n'
     'resp = client.chat.completions.create(model="gpt-4o", messages=msgs)\nHow do I stream this?'
     % V.openai()),
    ("anthropic_key", lambda: "export ANTHROPIC_API_KEY=%s\npython agent.py --model claude-sonnet\n"
     "Getting 'overloaded_error', should I retry?" % V.anthropic()),
    ("google_api_key", lambda: 'const firebaseConfig = {\n  apiKey: "%s",\n  authDomain: "shop-prod.firebaseapp.com",\n'
     '  projectId: "shop-prod",\n};\nHow do I restrict this key?' % V.google()),
    ("npm_token", lambda: "//registry.npmjs.org/:_authToken=%s\n@acme:registry=https://npm.pkg.github.com\n"
     "npm publish says E401, is my .npmrc wrong?" % V.npm()),
    ("hf_token", lambda: 'from huggingface_hub import login\nlogin(token="%s")\nmodel = AutoModel.from_pretrained("meta-llama/Llama-3-8B")\n'
     "Why is the download so slow?" % V.hf()),
    ("private_key", lambda: "I generated this key for the deploy user, why does ssh say 'invalid format'?\n\n%s"
     % V.pem_private_key("OPENSSH ")),
    ("private_key", lambda: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\nstringData:\n  tls.key: |\n    "
     + V.pem_private_key("RSA ").replace("\n", "\n    ") + "\nWhy does the ingress ignore this secret?"),
    ("jwt", lambda: "curl -H 'Authorization: Bearer %s' https://api.shop-prod.io/v2/orders\nThe API says token expired but exp is in the future?"
     % V.jwt()),
    ("password", lambda: 'DATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n'
     '        "NAME": "orders",\n        "USER": "orders_app",\n        "PASSWORD": "%s",\n        "HOST": "db.shop-prod.io",\n'
     "    }\n}\nMigrations hang, any idea?" % V.password()),
    ("password", lambda: "spring.datasource.url=jdbc:postgresql://db.shop-prod.io:5432/app\nspring.datasource.username=app\n"
     "spring.datasource.password=%s\nHikari pool times out after 30s, how do I tune it?" % V.password()),
    ("password", lambda: "DATABASE_URL=postgresql://app_user:%s@db.shop-prod.io:5432/billing\n"
     "Prisma can't reach the database, what should I check?" % V.password().replace("@", "#")),
    ("generic_secret", lambda: 'JWT_SECRET="%s"\nSESSION_TTL=3600\nWhy are users logged out after a deploy?'
     % V.b64_secret(32)),
    ("generic_secret", lambda: 'app.config["SECRET_KEY"] = "%s"\nFlask sessions are not persisted, why?'
     % V.hex_secret(48)),
    ("generic_secret", lambda: "resource \"datadog_monitor\" \"cpu\" {}\nprovider \"datadog\" {\n  api_key = \"%s\"\n"
     "  app_key = \"%s\"\n}\nterraform plan shows 403" % (V.hex_secret(32), V.hex_secret(40))),
    ("generic_secret", lambda: '{\n  "client_id": "web-portal",\n  "client_secret": "%s",\n  "redirect_uri": "https://portal.shop-prod.io/cb"\n}\n'
     "OAuth returns invalid_client, help" % V.s(40)),
]

PLACEHOLDER_SNIPPETS = [
    ("aws_docs", lambda: 'import boto3\n\ns3 = boto3.client(\n    "s3",\n    aws_access_key_id="AKIAIOSFODNN7EXAMPLE",\n'
     '    aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",\n)\nIs this how the docs set credentials?'),
    ("env_ref", lambda: 'import os, boto3\ns3 = boto3.client("s3",\n    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],\n'
     '    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])\nHow do I add retries?'),
    ("placeholder", lambda: "env:\n  GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n"
     "steps:\n  - run: npm publish\nWhy does publish need id-token: write?"),
    ("placeholder", lambda: 'client = OpenAI(api_key="sk-...")  # replace with your key\nHow do I set a timeout?'),
    ("placeholder", lambda: "export OPENAI_API_KEY=<YOUR_KEY>\nexport ANTHROPIC_API_KEY=<YOUR_KEY>\nWhich one does LangChain read first?"),
    ("placeholder", lambda: 'const stripe = require("stripe")(process.env.STRIPE_SECRET_KEY);\n'
     "Should the webhook secret also come from env?"),
    ("placeholder", lambda: "SLACK_BOT_TOKEN=xoxb-your-bot-token\nSLACK_SIGNING_SECRET=your-signing-secret\n"
     "Bolt says 'An API error occurred: invalid_auth'"),
    ("placeholder", lambda: 'DATABASES = {"default": {"USER": "app", "PASSWORD": os.getenv("DB_PASSWORD"), "HOST": "localhost"}}\n'
     "How do I use a connection pool?"),
    ("placeholder", lambda: "api_key: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nendpoint: https://api.example.com\nIs YAML the right format here?"),
    ("placeholder", lambda: "curl -H \"Authorization: Bearer $TOKEN\" https://api.github.com/user/repos\nHow do I list only private repos?"),
    ("placeholder", lambda: 'huggingface-cli login --token "$HF_TOKEN"\n# token looks like hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nWhere is the token cached?'),
    ("placeholder", lambda: "The key file must begin with -----BEGIN OPENSSH PRIVATE KEY----- and end with -----END OPENSSH PRIVATE KEY-----. Mine starts with ssh-rsa, why?"),
    ("public_key", lambda: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s deploy@build\nWhere do I put this public key on the server?" % V.s(43)),
    ("hashes", lambda: "commit %s\nAuthor: dev <dev@example.com>\n\n    fix: retry on 503\n\nsha256: %s\nHow do I cherry-pick this onto release/2.4?"
     % (V.git_sha(), V.sha256())),
    ("uuids", lambda: 'INSERT INTO jobs (id, tenant_id, status) VALUES (\'%s\', \'%s\', \'queued\');\nWhy does this violate the FK?'
     % (V.uuid(), V.uuid())),
    ("code_clean", lambda: "def chunk(xs, n):\n    for i in range(0, len(xs), n):\n        yield xs[i:i + n]\n\n"
     "max_tokens = 4096\ntoken_budget = max_tokens - 512\nCan you make chunk() work on generators?"),
    ("code_clean", lambda: 'tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")\nencoded = tokenizer(texts, padding=True, truncation=True, max_length=512)\n'
     "Why is the attention mask all ones?"),
    ("code_clean", lambda: "func (s *Server) handle(w http.ResponseWriter, r *http.Request) {\n\ttoken := r.Header.Get(\"Authorization\")\n"
     "\tif token == \"\" {\n\t\thttp.Error(w, \"unauthorized\", 401)\n\t\treturn\n\t}\n}\nIs it safe to compare tokens like this?"),
    ("code_clean", lambda: "password = request.form['password']\nif not check_password_hash(user.password_hash, password):\n    abort(401)\n"
     "How do I add rate limiting to this login view?"),
    ("code_clean", lambda: "const SECRET_KEY = process.env.SECRET_KEY ?? crypto.randomBytes(32).toString('hex');\n"
     "Is generating a fallback secret at startup a bad idea?"),
    ("stripe_test", lambda: 'stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"\n# test card 4242 4242 4242 4242\nHow do I simulate a declined payment?'),
    ("jwt_docs", lambda: "Decode this sample from jwt.io: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
]


def gen_code():
    for _ in range(3):
        for content, fn in SECRET_SNIPPETS:
            add("code", "sensitive", fn(), "code or config with an embedded credential", content)
    for _ in range(3):
        for content, fn in PLACEHOLDER_SNIPPETS:
            add("code", "vendor", fn(), "code with placeholders, env references or look-alikes", content)
    for _ in range(6):
        add("code", "sensitive", "// Copyright %d Globex Corporation. All rights reserved.\npackage billing\n\n"
            "func Round(x float64) float64 { return math.Round(x*100) / 100 }\nAdd table-driven tests." % R.randint(2015, 2025),
            "proprietary source header", "proprietary_source")
        add("code", "sensitive", "import { invoice } from '@globex-internal/billing-sdk';\nconst total = invoice.sum(lines);\n"
            "Convert this to TypeScript strict mode.", "internal package scope", "internal_source")
        add("code", "vendor", "// Copyright %d The Kubernetes Authors.\n// Licensed under the Apache License, Version 2.0\n"
            "package util\nExplain what this license header allows." % R.randint(2015, 2025), "OSS header", "oss_header")
        add("code", "vendor", "import { debounce } from 'lodash-es';\nconst onResize = debounce(() => layout(), 150);\n"
            "Why does this fire twice in React strict mode?", "clean code", "code_clean")


# ====================================================================== email
EMAIL_OPENERS = ["Can you rewrite this email to sound more professional?",
                 "Please make this message shorter and friendlier:",
                 "Fix the grammar in this email before I send it:",
                 "Translate this email into plain English and keep the tone polite:"]


def gen_email():
    for _ in range(14):
        n = V.name()
        add("email", "sensitive", "%s\n\nHi %s,\n\nthanks for the call. Please send the signed form to %s "
            "by Friday so we can finish onboarding.\n\nBest,\nTom" % (R.choice(EMAIL_OPENERS), n.split()[0], V.email(n)),
            "email to rewrite with a personal e-mail address", "email")
        add("email", "sensitive", "%s\n\nHello,\nyou can reach me on my mobile %s after 5pm, or call the office.\n"
            "Regards, %s" % (R.choice(EMAIL_OPENERS), V.phone(R.choice(["us", "uk", "intl"])), V.name()),
            "email with a phone number", "phone")
        add("email", "sensitive", "%s\n\nTeam, the %s numbers look good, but let's not mention %s outside this thread "
            "until the board signs off.\nThanks" % (R.choice(EMAIL_OPENERS), R.choice(["Q3", "Q4", "H1"]), R.choice(CODENAMES)),
            "email mentioning an unreleased codename", "codename")
        add("email", "sensitive", "%s\n\nSubject: CONFIDENTIAL - revised pricing for %s\n\nHi all, attached is the "
            "revised offer. Please review before Thursday." % (R.choice(EMAIL_OPENERS), R.choice(CUSTOMERS)),
            "email with a marker and a customer name", "confidential_marker")
        add("email", "sensitive", "%s\n\nDear %s,\nplease transfer the deposit to IBAN %s, reference INV-%d.\n"
            "Kind regards" % (R.choice(EMAIL_OPENERS), V.name(), V.iban(), R.randint(1000, 9999)),
            "email with a bank account", "iban")
        add("email", "vendor", "%s\n\nHi everyone,\nthe offsite moves to the 14th because the venue double-booked. "
            "Lunch is still on us. Let me know about dietary needs by Monday.\nCheers, %s"
            % (R.choice(EMAIL_OPENERS), V.pick(V.FIRST)), "email without personal data", "none")
        add("email", "vendor", "%s\n\nHi %s,\nsorry for the delay on the report. I'll keep your feedback confidential, "
            "of course, and share a revised draft next week.\nBest" % (R.choice(EMAIL_OPENERS), V.pick(V.FIRST)),
            "ordinary use of 'confidential'", "ordinary_confidential")
        add("email", "vendor", "%s\n\nHello,\nfor questions about your order, write to support@example.com or visit our "
            "help center. Our confidentiality agreement template is attached for your review.\nThanks"
            % R.choice(EMAIL_OPENERS), "reserved example domain, ordinary 'confidentiality'", "example_email")
        add("email", "vendor", "%s\n\nHi %s, great meeting you at the %s conference! I'd love to follow up on "
            "your talk about observability. Are you free for coffee next week?" % (
                R.choice(EMAIL_OPENERS), V.pick(V.FIRST), R.choice(["KubeCon", "PyCon", "re:Invent", "QCon"])),
            "networking email", "none")


# ====================================================================== logs
def java_trace(extra):
    return ("2025-03-%02d 14:%02d:%02d.%03d ERROR [http-nio-8080-exec-%d] o.a.c.c.C.[.[localhost].[/] - Servlet.service() threw exception\n"
            "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.\n"
            "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n"
            "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)\n%s"
            "\tat org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:159)\n"
            "Why does the pool run out?" % (R.randint(1, 28), R.randint(0, 59), R.randint(0, 59), R.randint(0, 999),
                                            R.randint(1, 40), extra))


def gen_log():
    for _ in range(12):
        ip = V.private_ip()
        add("log", "sensitive", java_trace("Caused by: java.net.ConnectException: Connection refused (%s:5432)\n" % ip),
            "stack trace with a private IP", "private_ip")
        add("log", "sensitive", '%s - - [12/Mar/2025:10:%02d:11 +0000] "GET /api/v1/export?user=%s HTTP/1.1" 500 512 "-" "curl/8.4.0"\n'
            "What does this 500 mean?" % (V.public_ip(), R.randint(0, 59), V.email()), "access log with a customer e-mail", "email")
        add("log", "sensitive", "level=error ts=2025-03-12T10:11:%02dZ caller=client.go:88 msg=\"request failed\" url=\"https://api.shop-prod.io/v1?"
            "access_token=%s\" status=401\nWhy 401?" % (R.randint(0, 59), V.github_pat()), "log with a token in a URL", "github_token")
        add("log", "sensitive", "Mar 12 10:11:%02d web-02 sshd[2231]: Accepted publickey for deploy from %s port 51844 ssh2\n"
            "Mar 12 10:11:%02d web-02 sudo: deploy : TTY=pts/0 ; PWD=/srv/app ; COMMAND=/bin/systemctl restart app\nIs this login suspicious?"
            % (R.randint(0, 59), V.private_ip(), R.randint(0, 59)), "auth log with a private IP", "private_ip")
        add("log", "sensitive", "WARN  [kafka-producer] Failed to send to %s:9092: TimeoutException after 3 retries\n"
            "How should I configure delivery.timeout.ms?" % R.choice(HOSTS), "log naming an internal host", "internal_host")
        add("log", "vendor", java_trace("Caused by: java.net.ConnectException: Connection refused (localhost:5432)\n"),
            "stack trace without sensitive data", "none")
        add("log", "vendor", '%s - - [12/Mar/2025:10:%02d:11 +0000] "GET /static/app.%s.js HTTP/2.0" 404 153 "-" "Mozilla/5.0"\n'
            "Why are my hashed assets 404 after deploy?" % (V.public_ip(), R.randint(0, 59), V.s(8, "0123456789abcdef")),
            "access log with a public IP and a hash", "public_ip")
        add("log", "vendor", "2025-03-12T10:11:%02d.%03dZ INFO request_id=%s trace_id=%s span_id=%s duration_ms=%d status=200\n"
            "How do I correlate this with the upstream span?" % (R.randint(0, 59), R.randint(0, 999), V.uuid(), V.s(32, "0123456789abcdef"),
                                                               V.s(16, "0123456789abcdef"), R.randint(3, 900)),
            "structured log with UUIDs and trace ids", "uuids")
        add("log", "vendor", "Traceback (most recent call last):\n  File \"/app/worker.py\", line %d, in run\n    result = fetch(url, timeout=10)\n"
            "  File \"/usr/lib/python3.11/urllib/request.py\", line 1348, in do_open\n    raise URLError(err)\nurllib.error.URLError: <urlopen error [Errno 111] Connection refused>\n"
            "How do I retry with backoff?" % R.randint(10, 400), "python traceback", "none")
        add("log", "vendor", "kubelet: Pod default/api-%s-%s failed liveness probe: Get \"http://127.0.0.1:8080/healthz\": dial tcp 127.0.0.1:8080: connect: connection refused\n"
            "Events: Back-off restarting failed container (restartCount=%d)\nWhat's the fix?" % (V.s(9, "0123456789abcdef"), V.s(5), R.randint(3, 40)),
            "k8s events with loopback", "none")


# ====================================================================== tickets
def gen_ticket():
    for _ in range(12):
        n = V.name()
        add("ticket", "sensitive", "Ticket #%d - Refund request\nCustomer %s says she was charged twice on card %s "
            "(exp %02d/%02d). Please draft a reply apologizing and confirming the refund."
            % (R.randint(10000, 99999), n, V.card(), R.randint(1, 12), R.randint(26, 30)), "support ticket with a card number", "credit_card")
        add("ticket", "sensitive", "Ticket #%d: Customer can't log into the benefits portal. Name: %s, SSN: %s, DOB %s. "
            "Summarize the issue for tier 2." % (R.randint(10000, 99999), n, V.ssn(), V.date("us")), "ticket with an SSN", "us_ssn")
        add("ticket", "sensitive", "Support case %d\nFrom: %s <%s>\nPhone: %s\nIssue: the mobile app crashes on login since the last update. "
            "Please write a short reply." % (R.randint(100000, 999999), n, V.email(n), V.phone()), "ticket with contact details", "email")
        add("ticket", "sensitive", "Escalation from %s (enterprise tier): their nightly export to %s fails. Draft a status update."
            % (R.choice(CUSTOMERS), R.choice(HOSTS)), "ticket naming a customer and an internal host", "customer")
        add("ticket", "sensitive", "Ticket #%d: The user pasted their credentials in chat: username jsmith, password %s. "
            "How should support respond?" % (R.randint(10000, 99999), V.password()), "ticket with a password", "password")
        add("ticket", "vendor", "Ticket #%d - Customer reports the export button is greyed out on Safari 17. Steps: open report, "
            "click Export. Expected: CSV download. Please draft a reply asking for a screen recording." % R.randint(10000, 99999),
            "ticket without personal data", "none")
        add("ticket", "vendor", "Ticket #%d: Payment failed with error card_declined for order %d. The customer tried twice. "
            "Write a friendly reply suggesting another payment method." % (R.randint(10000, 99999), R.randint(10**9, 10**10)),
            "ticket with an order number", "order_number")
        add("ticket", "vendor", "Ticket #%d: customer typed card number %s and got 'invalid card'. Explain why a number can fail the checksum."
            % (R.randint(10000, 99999), V.card(valid=False)), "number failing Luhn", "luhn_fail")
        add("ticket", "vendor", "Customer asks whether their chat transcripts are kept confidential and how long we retain them. "
            "Draft an answer based on a 30-day retention policy.", "ordinary 'confidential'", "ordinary_confidential")
        add("ticket", "vendor", "Bug %d: VPN client cannot reach 8.8.8.8 after connecting, but 1.1.1.1 works. DNS over HTTPS is enabled. "
            "What should I check?" % R.randint(1000, 9999), "public IPs", "public_ip")


# ====================================================================== SQL
def gen_sql():
    for _ in range(10):
        rows = ",\n".join("  ('%s', '%s', '%s')" % (n, V.email(n), V.phone("us")) for n in [V.name() for _ in range(3)])
        add("sql", "sensitive", "INSERT INTO customers (full_name, email, phone) VALUES\n%s;\nWhy does this fail with a unique violation?" % rows,
            "INSERT with customer contact data", "email")
        add("sql", "sensitive", "SELECT * FROM employees WHERE ssn = '%s';\n-- returns 0 rows, but the employee exists. Why?" % V.ssn(),
            "query with an SSN literal", "us_ssn")
        add("sql", "sensitive", "id | name | card_number | amount\n---+------+-------------+-------\n%d | %s | %s | %d.00\n%d | %s | %s | %d.50\n"
            "Write a query that masks the card column." % (R.randint(1, 99), V.name(), V.card(sep=""), R.randint(10, 900),
                                                            R.randint(100, 200), V.name(), V.card(sep=""), R.randint(10, 900)),
            "query result with card numbers", "credit_card")
        add("sql", "sensitive", "UPDATE vendors SET iban = '%s' WHERE vendor_id = %d;\nIs this safe inside a transaction?"
            % (V.iban(grouped=False), R.randint(100, 999)), "UPDATE with an IBAN", "iban")
        add("sql", "vendor", "CREATE TABLE customers (\n  id BIGSERIAL PRIMARY KEY,\n  full_name TEXT NOT NULL,\n  email CITEXT UNIQUE NOT NULL,\n"
            "  ssn_hash BYTEA,\n  created_at TIMESTAMPTZ DEFAULT now()\n);\nShould email be CITEXT or lower() in an index?",
            "DDL without data", "none")
        add("sql", "vendor", "SELECT date_trunc('month', created_at) AS m, count(*), sum(amount)\nFROM orders WHERE status = 'paid'\n"
            "GROUP BY 1 ORDER BY 1;\nHow do I include months with zero orders?", "aggregate query", "none")
        add("sql", "vendor", "SELECT id, email FROM users WHERE email = $1 AND tenant_id = $2;\n-- called with ('%s', %d)\nWhy is this doing a seq scan?"
            % ("alice@example.com", R.randint(1, 50)), "parameterized query with an example.com address", "example_email")
        add("sql", "vendor", "EXPLAIN ANALYZE SELECT * FROM events WHERE id = '%s';\nIndex Scan using events_pkey  (cost=0.43..8.45 rows=1) (actual time=0.031..0.032 rows=1 loops=1)\n"
            "Is 0.03 ms expected?" % V.uuid(), "explain with a UUID", "uuids")


# ====================================================================== documents
FILLER = [
    "The platform team will consolidate the three deployment pipelines into one over the next two quarters.",
    "Each service keeps its own on-call rotation, but incidents are coordinated through a single channel.",
    "We measured a median latency of 120 ms at the edge and 340 ms end to end under normal load.",
    "Costs grew mostly because of cross-region data transfer, which we can reduce with regional caches.",
    "The migration plan keeps the old API available for six months after the new one ships.",
    "Customer interviews showed that onboarding takes too long, especially for teams with SSO.",
    "Documentation will move to the public developer portal so that partners can find it.",
    "We propose to retire the legacy batch jobs once the streaming pipeline has run for a full quarter.",
    "Hiring focuses on two senior engineers for the data platform and one designer.",
    "Risks include vendor lock-in, the learning curve of the new tooling, and the holiday freeze.",
]


def long_doc(insert=None, paras=6):
    body = []
    for i in range(paras):
        body.append(" ".join(R.sample(FILLER, 4)))
        if insert and i == paras // 2:
            body.append(insert)
    return "\n\n".join(body)


def gen_document():
    for _ in range(10):
        add("document", "sensitive", "Summarize this strategy memo in five bullets:\n\n" +
            long_doc("The %s beta starts in May with two pilot customers." % R.choice(CODENAMES)),
            "long memo with a codename in the middle", "codename")
        add("document", "sensitive", "INTERNAL USE ONLY\n\n" + long_doc() + "\n\nPlease turn this into a slide outline.",
            "long memo with a header marker", "confidential_marker")
        add("document", "sensitive", "Proofread this:\n\n" + long_doc("Runbooks live at https://%s/runbooks." % R.choice(HOSTS)),
            "long document with an internal URL", "internal_host")
        add("document", "sensitive", "Extract action items:\n\n" + long_doc("Action: renew the %s contract before it lapses; %s owns it."
                                                                         % (R.choice(CUSTOMERS), V.pick(V.FIRST))),
            "long document naming a customer", "customer")
        add("document", "sensitive", long_doc() + "\n\nThis document is proprietary and confidential. Do not distribute.\n\nShorten it by half.",
            "long document with a footer marker", "confidential_marker")
        add("document", "vendor", "Summarize this strategy memo in five bullets:\n\n" + long_doc(), "long clean memo", "none")
        add("document", "vendor", "Rewrite the following policy for clarity:\n\n" + long_doc(
            "Employees must keep customer information confidential and report suspected breaches within 24 hours."),
            "policy text with ordinary 'confidential'", "ordinary_confidential")
        add("document", "vendor", "Edit this blog post:\n\n" + long_doc(
            "Like a kestrel hovering over a field, a good SRE watches the dashboards without intervening too early."),
            "blog post with an ordinary word near a codename", "homonym")
        add("document", "vendor", "Translate into German:\n\n" + long_doc(
            "Our partners %s and %s already use the public API." % tuple(R.sample(PUBLIC_COS, 2))),
            "document naming public companies", "none")


# ====================================================================== health
def gen_health():
    conds = ["type 2 diabetes (E11.9)", "major depressive disorder", "stage II breast carcinoma", "COPD exacerbation",
             "community-acquired pneumonia", "atrial fibrillation on warfarin", "HIV, on antiretroviral therapy"]
    for _ in range(10):
        add("health", "sensitive", "Rewrite this discharge note in plain language for the family:\nPatient: %s, MRN %d. "
            "Admitted with %s; discharged on day 4 with metformin 500 mg twice daily." % (V.name(), R.randint(1000000, 9999999), R.choice(conds)),
            "clinical note with a name and an MRN", "health_record")
        add("health", "sensitive", "Summarize for the referral letter: DOB %s, diagnosed with %s in 2021, currently in therapy. "
            "Last HbA1c 7.9%%." % (V.date(R.choice(["iso", "us"])), R.choice(conds)), "DOB with a diagnosis", "health_record")
        add("health", "vendor", "What is the usual starting dose of metformin for type 2 diabetes, and when do you add a second drug?",
            "medical question without identifiers", "none")
        add("health", "vendor", "Design a database schema for a clinic: patients, appointments, diagnoses (ICD-10 codes), prescriptions. "
            "Include indexes for lookups by patient id.", "schema design about health data", "none")
        add("health", "vendor", "Explain the difference between %s and a similar condition in simple words for a patient leaflet."
            % R.choice(conds).split(" (")[0], "patient education", "none")


# ====================================================================== languages
def gen_de():
    for _ in range(8):
        add("de", "sensitive", "Bitte formuliere diese Mail höflicher:\n\nHallo %s, meine Handynummer ist %s, ruf mich bitte heute noch an."
            % (V.pick(V.FIRST), V.phone("de")), "German e-mail with a phone number", "phone")
        add("de", "sensitive", "VERTRAULICH – nur für den internen Gebrauch\n\nDie Preiserhöhung für %s tritt zum 1. Juli in Kraft. Fasse das zusammen."
            % R.choice(CUSTOMERS), "German marker", "confidential_marker")
        add("de", "sensitive", "Überweisung bitte an IBAN %s, Verwendungszweck Rechnung %d. Schreib eine freundliche Zahlungserinnerung."
            % (V.iban(), R.randint(1000, 9999)), "German text with an IBAN", "iban")
        add("de", "sensitive", "Das WLAN-Passwort lautet %s – formuliere eine Nachricht an die Gäste." % V.password(),
            "German password", "password")
        add("de", "vendor", "Bitte behandle meine Anfrage vertraulich: Wie schreibe ich ein gutes Anschreiben für eine Stelle als Data Engineer?",
            "ordinary 'vertraulich'", "ordinary_confidential")
        add("de", "vendor", "Erkläre mir den Unterschied zwischen einer GmbH und einer UG in drei Sätzen.", "German question", "none")
        add("de", "vendor", "Fasse den folgenden Absatz zusammen: Die Stadt plant, bis 2030 alle Busse auf Elektroantrieb umzustellen. "
            "Die Kosten liegen bei rund %d Millionen Euro." % R.randint(20, 300), "German news text", "none")


def gen_fr():
    for _ in range(8):
        add("fr", "sensitive", "Peux-tu reformuler ce mail ? « Bonjour, vous pouvez me joindre au %s ou par mail à %s. »"
            % (V.phone("fr"), V.email()), "French e-mail with contact details", "phone")
        add("fr", "sensitive", "CONFIDENTIEL – usage interne uniquement.\nLe lancement de %s est prévu pour septembre. Résume ce paragraphe."
            % R.choice(CODENAMES), "French marker and codename", "confidential_marker")
        add("fr", "sensitive", "Le mot de passe du serveur est %s, rédige un message pour l'équipe." % V.password(), "French password", "password")
        add("fr", "vendor", "Vos données restent confidentielles : rédige une phrase rassurante pour notre page d'accueil.",
            "ordinary 'confidentielles'", "ordinary_confidential")
        add("fr", "vendor", "Explique-moi comment fonctionne un prêt immobilier à taux fixe en France.", "French question", "none")
        add("fr", "vendor", "Traduis en anglais : « La réunion est déplacée à jeudi 14 h, salle 3. »", "French translation", "none")


def gen_es():
    for _ in range(8):
        add("es", "sensitive", "Reescribe este correo: «Hola %s, mi número de móvil es %s, llámame mañana.»"
            % (V.pick(V.FIRST), V.phone("es")), "Spanish e-mail with a phone number", "phone")
        add("es", "sensitive", "CONFIDENCIAL. Solo para uso interno.\nEl contrato con %s se renueva en marzo. Haz un resumen."
            % R.choice(CUSTOMERS), "Spanish marker", "confidential_marker")
        add("es", "sensitive", "Cliente: %s, tarjeta %s, caducidad %02d/%02d. Redacta una respuesta a su reclamación."
            % (V.name(), V.card(), R.randint(1, 12), R.randint(26, 30)), "Spanish ticket with a card", "credit_card")
        add("es", "vendor", "Mantén tu contraseña confidencial: escribe un consejo breve de seguridad para empleados.",
            "ordinary 'confidencial'", "ordinary_confidential")
        add("es", "vendor", "¿Cuál es la diferencia entre 'ser' y 'estar'? Dame cinco ejemplos.", "Spanish question", "none")
        add("es", "vendor", "Resume: el ayuntamiento abrirá %d nuevas bibliotecas antes de 2027." % R.randint(2, 9), "Spanish text", "none")


def gen_ja():
    for _ in range(8):
        add("ja", "sensitive", "このメールを丁寧に書き直してください：「%s様、折り返しは携帯 %s までお願いします。」"
            % (V.pick(["田中", "佐藤", "鈴木", "高橋"]), V.phone("jp")), "Japanese e-mail with a phone number", "phone")
        add("ja", "sensitive", "【社外秘】%sの価格改定について、要点を3行でまとめてください。" % R.choice(CUSTOMERS),
            "Japanese marker", "confidential_marker")
        add("ja", "sensitive", "本資料は機密扱いです。次期製品%sのロードマップを要約してください。" % R.choice(CODENAMES),
            "Japanese marker and codename", "confidential_marker")
        add("ja", "sensitive", "サーバーのパスワードは%sです。チーム向けの案内文を書いてください。" % V.password(), "Japanese password", "password")
        add("ja", "vendor", "機密保持契約（NDA）とは何か、簡単に説明してください。", "question about NDAs", "ordinary_confidential")
        add("ja", "vendor", "２０２５年４月１日から新しい勤務制度が始まります。社員向けのお知らせ文を作成してください。",
            "Japanese text with full-width digits", "fullwidth_benign")
        add("ja", "vendor", "日本の四季について、小学生向けに短い作文を書いてください。", "Japanese question", "none")


# ====================================================================== evasions
def gen_evasion():
    for _ in range(6):
        add("evasion", "sensitive", "Customer card: %s, please draft the refund note." % fullwidth(V.card(sep=" ")),
            "full-width digits in a card number", "credit_card", "fullwidth")
        add("evasion", "sensitive", "%s - board deck, summarize slide 3" % fullwidth("CONFIDENTIAL"),
            "full-width marker", "confidential_marker", "fullwidth")
        add("evasion", "sensitive", "SSN %s on the application, write the approval letter." % fullwidth(V.ssn()),
            "full-width SSN", "us_ssn", "fullwidth")
        add("evasion", "sensitive", "aws_access_key_id=%s" % zero_width(V.aws_key_id(), R, 4), "zero-width chars in an AWS key", "aws_key", "zero_width")
        add("evasion", "sensitive", "export OPENAI_API_KEY=%s" % zero_width(V.openai(), R, 7), "zero-width chars in an API key", "openai_key", "zero_width")
        add("evasion", "sensitive", "Status update on %s for the steering committee, please." % zero_width(R.choice(CODENAMES), R, 3),
            "zero-width chars inside a codename", "codename", "zero_width")
        add("evasion", "sensitive", "%s: merger term sheet, make it shorter" % zero_width("CONFIDENTIAL", R, 4),
            "zero-width chars inside a marker", "confidential_marker", "zero_width")
        add("evasion", "sensitive", "Draft the launch FAQ for %s." % homoglyph(R.choice(["Nightjar", "Halcyon", "Saltmarsh", "Project Kestrel"]), R, 2),
            "Cyrillic homoglyphs in a codename", "codename", "homoglyph")
        add("evasion", "sensitive", "%s - do not forward. Summarize the reorg." % homoglyph("CONFIDENTIAL", R, 3),
            "Cyrillic homoglyphs in a marker", "confidential_marker", "homoglyph")
        add("evasion", "sensitive", "Send the invoice to %s today." % homoglyph(R.choice(CUSTOMERS), R, 2),
            "Cyrillic homoglyphs in a customer name", "customer", "homoglyph")
        add("evasion", "sensitive", "%s roadmap: rewrite as a press-ready summary" % spaced(R.choice(["HALCYON", "NIGHTJAR", "SALTMARSH"])),
            "spaced-out codename", "codename", "spaced")
        add("evasion", "sensitive", "%s\n\nQ3 forecast attached, make a chart description." % spaced("CONFIDENTIAL"),
            "spaced-out marker", "confidential_marker", "spaced")
        add("evasion", "sensitive", "apiVersion: v1\nkind: Secret\ndata:\n  credentials: %s\nWhy is the pod not picking this up?"
            % b64("aws_access_key_id=%s\naws_secret_access_key=%s\n" % (V.aws_key_id(), V.aws_secret())),
            "base64-encoded AWS credentials", "aws_key", "base64")
        add("evasion", "sensitive", "Decode and fix this config: %s" % b64("DATABASE_URL=postgres://app:%s@db.shop-prod.io/app" % V.password().replace("@", "!")),
            "base64-encoded database URL with a password", "password", "base64")
        add("evasion", "sensitive", "Authorization: Basic %s\nWhy does the API return 401?" % b64("svc-billing:%s" % V.password()),
            "basic auth header", "password", "base64")
        add("evasion", "sensitive", '{"note": "%s"}\nParse this JSON and tell me what the note says.' % json_escape("Project Kestrel launch slipped"),
            "JSON \\u escapes hiding a codename", "codename", "json_escape")
        add("evasion", "sensitive", '{"card": "%s"} - why does my validator reject this?' % json_escape(V.card(sep="")),
            "JSON \\u escapes hiding a card number", "credit_card", "json_escape")
        add("evasion", "sensitive", "https://login.shop-prod.io/cb?redirect_uri=%s&state=xyz\nWhy does the OAuth flow loop?"
            % percent_all("https://%s/oauth/callback" % R.choice(HOSTS)), "percent-encoded internal host", "internal_host", "percent")
        add("evasion", "sensitive", "POST body: name=%s&email=%s&plan=pro\nWhy is the signup rejected?"
            % (percent(V.name()), percent(V.email())), "percent-encoded e-mail", "email", "percent")
        add("evasion", "sensitive", "<p>Contact: %s</p> render this HTML as Markdown" % html_entities(V.email()),
            "HTML entities hiding an e-mail", "email", "html_entity")
        # look-alikes of evasions that must stay vendor
        add("evasion", "vendor", "%s を英語に翻訳してください。" % fullwidth("Welcome to Tokyo 2025"),
            "full-width benign text", "fullwidth_benign", "fullwidth")
        add("evasion", "vendor", "Order total: %s円, delivery %s. Write a thank-you note." % (fullwidth(str(R.randint(1000, 99999))), fullwidth("3/14")),
            "full-width benign numbers", "fullwidth_benign", "fullwidth")
        add("evasion", "vendor", "Decode this base64 and explain it: %s" % b64("Hello, world! The quick brown fox jumps over the lazy dog."),
            "benign base64", "benign_base64", "base64")
        add("evasion", "vendor", "apiVersion: v1\nkind: ConfigMap\nbinaryData:\n  banner: %s\nWhy is binaryData needed?" % b64("Welcome to the staging cluster.\n"),
            "benign base64 config", "benign_base64", "base64")
        add("evasion", "vendor", "https://www.google.com/search?q=%s\nWhy is the query encoded like this?" % percent_all("how to bake sourdough bread"),
            "benign percent-encoding", "benign_percent", "percent")
        add("evasion", "vendor", '{"title": "%s"} is what the API returns; how do I decode it in JavaScript?' % json_escape("Café au lait recipe"),
            "benign JSON escapes", "benign_json", "json_escape")
        add("evasion", "vendor", "Make a poster that says %s in big letters." % spaced("SUMMER SALE".replace(" ", "")),
            "benign spaced letters", "benign_spaced", "spaced")
        add("evasion", "vendor", "Why does my editor show %s as two words?" % zero_width("Helloworld", R, 5),
            "benign zero-width", "benign_zero_width", "zero_width")
        add("evasion", "vendor", "The word %s uses a Cyrillic letter; how do I detect that in Python?" % homoglyph("Paypal", R, 1),
            "benign homoglyph question", "benign_homoglyph", "homoglyph")


def gen_chat():
    for _ in range(10):
        add("chat", "vendor", R.choice([
            "Write a haiku about autumn rain in Kyoto.",
            "Explain the CAP theorem to a junior developer with an example.",
            "What are good interview questions for a product manager role?",
            "Give me a 3-day itinerary for Lisbon on a budget.",
            "How do I keep my password confidential when sharing a laptop?",
            "What's the difference between TCP and UDP? Use a table.",
            "Draft a confidentiality agreement template for a freelance photographer.",
            "Is 192.0.2.1 a private IP address? What about 8.8.4.4?",
            "Generate 5 fake UUIDs for my test fixtures.",
            "Explain what an AWS access key id looks like and how to rotate it.",
        ]), "ordinary chat", "none")
        add("chat", "sensitive", R.choice([
            "My password is %s, is it strong enough?" % V.password(),
            "Here's my GitHub token %s - why can't it push?" % V.github_pat(),
            "Our VPN gateway is 10.%d.%d.1, how do I add a split-tunnel route?" % (R.randint(0, 255), R.randint(0, 255)),
            "Can you check my SSN %s is formatted right for the W-4?" % V.ssn(),
            "Write a toast for the %s launch party." % R.choice(CODENAMES),
            "Reply to %s telling them the demo moved to Friday." % V.email(),
        ]), "chat with a sensitive value", "mixed")


# ====================================================================== hand-written hard cases
# Single realistic prompts in both directions, written one by one (not from templates) to cover
# shapes the templates above do not: prose, mixed content, look-alikes next to trigger words.
HARD = [
    ("sensitive", "secret", "Hey, can you check why this fails? I set STRIPE_SECRET_KEY=sk_live_51HqLmN2eZvKYlo2CQx8r7TbV3pWs9Yd and the webhook still says unauthorized."),
    ("sensitive", "secret", "Our Jenkins job prints this in the console: [INFO] Using token glpat-Hx7pQ2mZr9LsVb4Nk8Tw for clone. Is that a problem?"),
    ("sensitive", "secret", "I accidentally committed .env with AZURE_STORAGE=DefaultEndpointsProtocol=https;AccountName=prodlogs;AccountKey=q8Vt3Lm9Xc2Rz7Pw1Kb5Nd4Hf6Jg0Sy8Ue3Ta9Oi2Wl7Mn5Bv1Cx4Zq6Er3Ty8Ui==;EndpointSuffix=core.windows.net - how do I purge it from git history?"),
    ("sensitive", "secret", "My api key is 9c1e7f3a5b2d4e6f8a0b1c2d3e4f5a6b and it returns 403 on every call, any idea?"),
    ("sensitive", "secret", "Here's the service account JSON: {\"type\": \"service_account\", \"project_id\": \"shop-prod\", \"private_key_id\": \"4f1c2b9e8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\n-----END PRIVATE KEY-----\\n\"}"),
    ("sensitive", "secret", "mysql -h db.shop-prod.io -u admin -p'Gr33n!Tea#2024' orders -e 'show tables' gives access denied"),
    ("sensitive", "secret", "redis-cli -u redis://default:Zr8#kLq2Vm9x@cache.shop-prod.io:6379 ping hangs, why?"),
    ("sensitive", "pii", "Please format this as a table: Jane Miller, jane.miller@hotmail.com, +1 312 555 0147; Omar Said, omar.said@gmail.com, +44 7700 900123"),
    ("sensitive", "pii", "Customer called about card ending 4467, full number 4916 3385 0608 2832, says it was charged twice."),
    ("sensitive", "pii", "Write a polite reminder to Mr. Keller that his payment to DE75 5121 0800 1245 1261 99 is overdue."),
    ("sensitive", "pii", "Employee record: name Dana Whitfield, SSN 412-38-5526, start date 2023-02-01. Draft a welcome letter."),
    ("sensitive", "pii", "The VPN drops when I connect to 172.20.14.9 from home, what should I tell IT?"),
    ("sensitive", "health", "Patient John Carter (MRN 7734120) was seen for chest pain; troponin negative, discharged on aspirin 81 mg. Write a summary for his GP."),
    ("sensitive", "health", "Summarize: 45-year-old female, DOB 03/14/1979, diagnosed with generalized anxiety disorder, started sertraline 50 mg."),
    ("sensitive", "marker", "Can you turn this into bullet points? 'Confidential: the Q2 layoffs will affect 8% of staff, announcement on June 3.'"),
    ("sensitive", "marker", "Please proofread this memo. Header: PROPRIETARY AND CONFIDENTIAL - NOT FOR DISTRIBUTION. Body: pricing tiers for 2026 are attached."),
    ("sensitive", "org", "Write unit tests for the function below.\n# Globex Proprietary - do not copy\ndef margin(cost, price):\n    return (price - cost) / price"),
    ("sensitive", "org", "Our staging API is at https://api.staging.corp.globex.internal/v2, why does curl say SSL certificate problem?"),
    ("sensitive", "org", "Prepare talking points for the Castellan Bank QBR next week."),
    ("sensitive", "org", "The nightjar roadmap slipped a quarter; draft a note to the steering committee."),
    ("sensitive", "org", "Onboarding checklist for GX-104233: laptop, badge, VPN."),
    ("sensitive", "secret", "axios.defaults.headers.common['X-Auth-Token'] = 'c7f1e9a3b5d24f6e8a0c1b3d5e7f9a2b';\nWhy is the header missing on preflight?"),
    ("sensitive", "secret", "resource \"aws_db_instance\" \"main\" {\n  username = \"admin\"\n  password = \"Qv7#pL2m!xR9\"\n}\nWhy does plan show a diff every time?"),
    ("sensitive", "secret", "variable \"api_token\" {\n  default = \"tk_8f2b6d0a4c9e1f3b5d7a9c0e2f4b6d8a\"\n}"),
    ("sensitive", "health", "INSERT INTO encounters (patient_id, dob, diagnosis) VALUES (88213, '1957-09-30', 'C34.90 lung cancer');\nWhy is the insert slow?"),
    ("vendor", "health", "INSERT INTO encounters (patient_id, dob, diagnosis) VALUES (:patient_id, :dob, :diagnosis);\nHow do I batch this in SQLAlchemy?"),
    ("vendor", "secret", "variable \"api_token\" {\n  type      = string\n  sensitive = true\n}\nHow do I pass it from CI?"),
    ("sensitive", "pii", "Shorten my signature: 'Dana Whitfield | Senior Buyer | Brightpath Supply | 312-555-0187 | dana.whitfield@brightpath-supply.com'"),
    ("sensitive", "pii", "Make this voicemail script friendlier: 'Hi, this is Marco, call me back at (646) 555-0143 when you can.'"),
    ("vendor", "pii", "Write a regex that validates e-mail addresses like first.last@company.com and user+tag@domain.com."),
    ("vendor", "pii", "Our form shows the placeholder you@yourcompany.com; suggest a friendlier one."),
    ("vendor", "pii", "Semantic versions like 10.4.2 and build ids like 2024-555-0132-77: how should I sort them?"),
    ("vendor", "secret", "What's the difference between an AWS access key id and a secret access key, and how long are they?"),
    ("vendor", "secret", "In the docs they use AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY. Can I use those to test boto3 locally with moto?"),
    ("vendor", "secret", "Write a regex that matches GitHub tokens like ghp_ followed by 36 alphanumeric characters."),
    ("vendor", "secret", "Why does `openssl rand -hex 32` give me 64 characters instead of 32?"),
    ("vendor", "secret", "export DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev\nIs it ok to keep this in docker-compose for local development?"),
    ("vendor", "secret", "Set api_key = \"YOUR_API_KEY_HERE\" in settings.py and restart the server. Why is it still unauthorized?"),
    ("vendor", "secret", "const token = localStorage.getItem('access_token'); // is this safe against XSS?"),
    ("vendor", "secret", "Password policy: at least 12 characters, one digit, one symbol. Write the validation function in Go."),
    ("vendor", "secret", "git show 3f9c2a1b8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b --stat shows a huge diff, how do I find the large files?"),
    ("vendor", "secret", "The integrity field is sha512-2Yk9gQ3x1JY0bGZqZ8Wl3z1m7vN4tFh2U7cP0xR9sL5dE8kA6jH3wB1oT4yV7nM2qS5fG8iD0cX3zR6pL9uK1A== - is npm verifying it?"),
    ("vendor", "pii", "What's the format of a US social security number and which ranges are never issued?"),
    ("vendor", "pii", "Generate a regex for IBANs and explain the mod-97 check with DE00 0000 0000 0000 0000 00 as a placeholder."),
    ("vendor", "pii", "Our office router is 192.168.1.0/24 per the diagram; what does /24 mean?"),
    ("vendor", "pii", "Our public status page is hosted at 104.18.32.7; why does traceroute stop at hop 9?"),
    ("vendor", "pii", "For support, customers can email help@brightpath.io or call our hotline; write an FAQ entry about refunds."),
    ("vendor", "pii", "Convert 1712345678901 milliseconds since epoch to a date."),
    ("vendor", "pii", "The ISBN is 978-0-13-468599-1; format a citation in APA style."),
    ("vendor", "pii", "Tracking number 1Z999AA10123456784 shows 'label created' for 5 days. Write a complaint."),
    ("vendor", "pii", "Call the function with 3 retries and a 250 ms backoff; what number of attempts is reasonable?"),
    ("vendor", "health", "What are the side effects of sertraline 50 mg, and how long until it works?"),
    ("vendor", "health", "Create a FHIR search query that finds all Condition resources with ICD-10 code E11.9."),
    ("vendor", "health", "Write a SQL query that counts patients per diagnosis code in the encounters table."),
    ("vendor", "marker", "How do I add a 'Confidential' watermark to every page of a Word document?"),
    ("vendor", "marker", "We take the confidentiality of your data seriously. Rewrite this sentence to sound less corporate."),
    ("vendor", "marker", "Explain what 'proprietary software' means compared to open source."),
    ("vendor", "marker", "My manager asked me to keep the surprise party confidential. Any ideas for the cake?"),
    # design section 4: keywords are literal, so an ordinary use of a codename still counts
    ("sensitive", "org", "Is the halcyon period in Greek myth connected to kingfishers? Just curious about the etymology of 'halcyon days'."),
    ("vendor", "org", "Which birds of prey hover like a kestrel?"),
    ("vendor", "org", "Write a short story about a salt marsh at dawn."),
    ("vendor", "org", "Globex Corporation from The Simpsons: summarize the episode 'You Only Move Twice'."),
]


def gen_hard():
    for label, content, text in HARD:
        add("chat", label, text, "hand-written hard case", content)


def main():
    for gen in [gen_code, gen_email, gen_log, gen_ticket, gen_sql, gen_document, gen_health, gen_de, gen_fr,
                gen_es, gen_ja, gen_evasion, gen_chat, gen_hard]:
        gen()
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tuning")
    os.makedirs(out_dir, exist_ok=True)
    total = {"vendor": 0, "sensitive": 0}
    for category, rows in OUT.items():
        with open(os.path.join(out_dir, category + ".jsonl"), "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                total[row["label"]] += 1
    print("tuning: %d vendor, %d sensitive" % (total["vendor"], total["sensitive"]))


if __name__ == "__main__":
    main()
