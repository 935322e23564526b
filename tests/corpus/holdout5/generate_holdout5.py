#!/usr/bin/env python3
"""Writes the fifth held-out split (tests/corpus/holdout5/holdout5.jsonl), written for issue 17 before
its first round of fixes and run once as written. Style: team chat exports (Slack, Teams, Mattermost
JSON, IRC and Discord logs), shell history, and the configuration files of other tools (.pgpass,
.netrc, redis.conf, Django/Rails/Laravel/Flask settings, Docker config.json, kubeconfig, pip.conf,
wp-config.php, Ansible, Terraform, .my.cnf, .git-credentials, NuGet, Gradle, s3cmd, wpa_supplicant,
PowerShell), in English, Italian, Dutch, Portuguese and Polish, with some German, French, Spanish
and Japanese. Labeled by what a compliance officer would keep inside: credentials, personal and
national identifiers, contact details of a person, health information about a named person, the
organization's codenames, customers and hosts (policies/examples/globex.yaml). Look-alikes are
labeled vendor: placeholders, environment references, documented sample values, role addresses,
versions and part numbers shaped like personal data, general questions.
Run: python3 tests/corpus/holdout5/generate_holdout5.py"""

import base64
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_eu import EuValues, ICD10  # noqa

V = EuValues(20261205)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout5-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


USERS = ["marco.rossi", "jdevries", "ana.silva", "p.kowalski", "tbrennan", "sofia_r", "kenji",
         "lhughes", "m.jansen", "rui.costa", "agnieszka.n", "oliver.t", "giulia.b", "bram"]
FULL = ["Marco Rossi", "Jeroen de Vries", "Ana Silva", "Piotr Kowalski", "Tom Brennan",
        "Sofia Ricci", "Kenji Sato", "Lucy Hughes", "Maaike Jansen", "Rui Costa"]
HOSTS = ["db-primary.eu1.corp.globex.internal", "jenkins.build.corp.globex.internal",
         "vault.corp.globex.internal", "wiki.globex-intra.net", "kafka-03.corp.globex.internal"]
PUB_HOSTS = ["db.shopfront.io", "pg-prod.acme-retail.com", "10.0.12.7", "mysql.prod.fabrikam.net",
             "cache.northwind.dev"]


def ts():
    return "%02d:%02d" % (R.randint(7, 19), R.randint(0, 59))


def slack(msgs):
    """msgs: [(user, text)] -> one of several chat export renderings."""
    style = R.randint(0, 4)
    out = []
    if style == 0:  # Slack copy-paste
        for u, t in msgs:
            out.append("%s  %s %s\n%s" % (u, ts(), R.choice(["AM", "PM"]), t))
        return "\n".join(out)
    if style == 1:  # IRC-like log
        return "\n".join("[%s] <%s> %s" % (ts(), u, t) for u, t in msgs)
    if style == 2:  # Teams copy
        return "\n".join("[%02d/11/2026 %s] %s\n%s" % (R.randint(1, 28), ts(), u, t) for u, t in msgs)
    if style == 3:  # Mattermost / Slack JSON export lines
        return "\n".join(json.dumps({"type": "message", "user": u, "text": t,
                                     "ts": "17%08d.%06d" % (R.randint(0, 99999999), R.randint(0, 999999))},
                                    ensure_ascii=False) for u, t in msgs)
    return "\n".join("%s — Today at %s\n%s" % (u, ts(), t) for u, t in msgs)  # Discord


def ask():
    return R.choice(["", "\n\nSummarize this thread.", "\n\nwhat went wrong here?",
                     "\n\nTurn this into a short incident note.", "\n\nCan you reply for me?",
                     "\n\nRiassumi la conversazione.", "\n\nVat dit gesprek samen.",
                     "\n\nResume a conversa.", "\n\nPodsumuj tę rozmowę."])


def history(lines):
    start = R.randint(120, 1900)
    return "\n".join("%5d  %s" % (start + i, line) for i, line in enumerate(lines))


def u():
    return R.choice(USERS)


# ====================================================================== sensitive: chat exports
for _ in range(2):
    a, b = R.sample(USERS, 2)
    kid, sec = V.aws_key_id(), V.aws_secret()
    cut = R.randint(12, 28)
    add("slack", "sensitive", slack([(a, "prod deploy broke, which creds does the runner use?"),
                                     (b, "access key %s" % kid), (b, "secret is %s" % sec[:cut]),
                                     (b, sec[cut:]), (a, "ty")]) + ask(),
        "AWS secret pasted across two chat messages", "aws_key")
    card = V.card_digits()
    add("slack", "sensitive", slack([(a, "customer on the phone wants to pay by card"),
                                     (a, "number starts %s %s" % (card[:4], card[4:8])),
                                     (b, "and the rest?"),
                                     (a, "%s %s exp %02d/%02d" % (card[8:12], card[12:], R.randint(1, 12), R.randint(27, 31)))]) + ask(),
        "card number split across chat messages", "credit_card")
    add("slack", "sensitive", slack([(a, "the staging db password is %s" % V.password()), (b, "thx, in")]) + ask(),
        "password in chat", "password")
    add("slack", "sensitive", slack([(a, "bot token for the deploy notifier: %s" % V.slack_bot()), (b, ":+1:")]),
        "Slack token in a Slack export", "slack_token")
    add("slack", "sensitive", slack([(a, "who is on call tonight?"), (b, "%s, reach her at %s" % (R.choice(FULL), V.phone())) ]) + ask(),
        "on-call phone number", "phone")
    add("slack", "sensitive", slack([(a, "can you send me your personal email for the invite?"),
                                     (b, "sure, %s" % V.obfuscated_email())]) + ask(),
        "obfuscated personal e-mail", "email", "at_dot")
    add("slack", "sensitive", slack([(a, "refund goes to which account?"), (b, "iban %s" % V.iban().lower())]) + ask(),
        "lower-case IBAN", "iban")
    n = R.choice(FULL)
    cond = R.choice(["breast cancer", "a major depressive episode", "bipolar disorder", "type 1 diabetes",
                     "multiple sclerosis", "a burnout (F43.0 on the sick note)", "lymphoma"])
    add("slack", "sensitive", slack([(a, "fyi %s will be out until March, she was diagnosed with %s and starts treatment monday" % (n, cond)),
                                     (b, "oh no, I'll cover her tickets")]) + ask(),
        "health of a named colleague", "health_record")
    add("slack", "sensitive", slack([(a, "Nightjar cutover moved to Friday, %s still needs the new certs" % R.choice(HOSTS)),
                                     (b, "ok")]) + ask(),
        "codename and internal host", "codename")
    add("slack", "sensitive", slack([(a, "Pemberton Foods wants a 12% discount on the renewal, thoughts?"),
                                     (b, "max 8")]) + ask(), "customer negotiation", "customer")
    line = "$ export GITHUB_TOKEN=" + V.github_pat()
    width = R.randint(30, 50)
    wrapped = "\n".join(line[i:i + width] for i in range(0, len(line), width))
    add("slack", "sensitive", slack([(a, "```\n" + wrapped + "\n```"), (b, "that's a live token btw, rotate it")]),
        "token broken by a terminal wrap", "github_token")
    words = V.dictate(V.card_digits(), "en")
    add("slack", "sensitive", "Call transcript (auto):\nAgent: could you read me the long number on the card?\nCaller: " + words +
        "\nAgent: and the expiry?\nCaller: zero nine twenty eight" + ask(),
        "card number dictated in words", "credit_card", "spelled_digits")

# ====================================================================== sensitive: shell history
SHELL = [
    lambda: ["cd ~/deploy", "mysql -h %s -u admin -p'%s' shop" % (R.choice(PUB_HOSTS), V.password()), "exit"],
    lambda: ["redis-cli -h 10.0.%d.%d -a '%s' ping" % (R.randint(0, 9), R.randint(2, 250), V.password()), "redis-cli info memory"],
    lambda: ["curl -u admin:%s https://ci.shopfront.io/api/json" % V.password().replace("!", "x"), "curl -I https://shopfront.io"],
    lambda: ["sshpass -p '%s' ssh deploy@%s 'sudo systemctl restart app'" % (V.password(), R.choice(PUB_HOSTS))],
    lambda: ["docker login -u ci-bot -p %s registry.gitlab.com" % V.password(), "docker push registry.gitlab.com/acme/api:1.4"],
    lambda: ["kubectl create secret generic db-creds --from-literal=username=app --from-literal=password='%s'" % V.password(),
             "kubectl rollout restart deploy/api"],
    lambda: ["openssl enc -aes-256-cbc -K %s -iv %s -in backup.tar -out backup.enc" % (V.aes_key_hex(32), V.hex_secret(32))],
    lambda: ["vault kv put secret/payments stripe_key=%s" % V.stripe(), "vault kv get secret/payments"],
    lambda: ["echo '%s' | sudo -S systemctl restart nginx" % V.password(), "tail -f /var/log/nginx/error.log"],
    lambda: ["git clone https://jdoe:%s@github.com/acme/billing.git" % V.github_pat(), "cd billing && make"],
    lambda: ["export MONGO_URL='mongodb+srv://app:%s@cluster0.x1y2z.mongodb.net/prod'" % V.password().replace("@", "#"), "node worker.js"],
    lambda: ["az login --service-principal -u %s -p '%s' --tenant %s" % (V.uuid(), V.s(3) + "8Q~" + V.s(31), V.uuid())],
    lambda: ["htpasswd -bc /etc/nginx/.htpasswd admin '%s'" % V.password(), "nginx -s reload"],
    lambda: ["aws configure set aws_access_key_id %s" % V.aws_key_id(), "aws configure set aws_secret_access_key %s" % V.aws_secret(), "aws s3 ls"],
    lambda: ["npm config set //registry.npmjs.org/:_authToken %s" % V.npm(), "npm publish"],
    lambda: ["twine upload -u __token__ -p pypi-AgEIcHlwaS5vcmc%s dist/*" % V.s(60, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")],
    lambda: ["heroku config:set SENDGRID_API_KEY=SG.%s.%s -a shop-prod" % (V.s(22), V.s(43))],
    lambda: ["psql \"postgresql://etl:%s@%s:5432/warehouse\" -c 'select 1'" % (V.password().replace("@", "%40"), R.choice(PUB_HOSTS))],
    lambda: ["mongosh \"mongodb://admin:%s@10.1.%d.%d:27017/?authSource=admin\"" % (V.password().replace("@", "!"), R.randint(0, 9), R.randint(2, 250))],
    lambda: ["ldapsearch -x -D 'cn=admin,dc=acme,dc=io' -w '%s' -b 'dc=acme,dc=io'" % V.password()],
    lambda: ["smbclient //fs01/finance -U 'ACME\\\\svc_backup%%%s'" % V.password()],
    lambda: ["wget --user=deploy --password='%s' https://artifacts.shopfront.io/app.tgz" % V.password()],
]
for _ in range(2):
    for fn in SHELL:
        lines = fn()
        pre = R.sample(["ls -la", "git status", "cd /srv/app", "sudo apt update", "htop", "vim .env", "df -h"], 2)
        text = history(pre + lines)
        add("shell", "sensitive", R.choice(["my bash history from the incident:\n", "", "```\n$ history | tail\n"]) + text +
            R.choice(["", "\n```", "\nwhich of these should I worry about?", "\nwhy did the last one fail?"]),
            "credential on a command line in shell history", "password")

# ====================================================================== sensitive: config files
CONFIGS = [
    ("password", lambda: "~/.pgpass:\n%s:5432:orders:orders_app:%s\n*:*:*:replicator:%s\n\npsql still prompts for a password, why?" %
     (R.choice(PUB_HOSTS), V.password().replace(":", "-"), V.password().replace(":", "-"))),
    ("password", lambda: "~/.netrc\nmachine api.heroku.com\n  login ops@shopfront.io\n  password %s\nmachine git.heroku.com\n  login ops@shopfront.io\n  password %s\n\ngit push heroku fails with 401" %
     (V.uuid(), V.uuid())),
    ("password", lambda: "# redis.conf (prod)\nbind 0.0.0.0\nport 6379\nprotected-mode yes\nrequirepass %s\nmaxmemory 4gb\nmaxmemory-policy allkeys-lru\n\nIs this safe to expose?" % V.password()),
    ("password", lambda: "replicaof 10.0.4.%d 6379\nmasterauth %s\nreplica-read-only yes\n\nreplica says MASTERDOWN" % (R.randint(2, 250), V.password())),
    ("generic_secret", lambda: "settings.py\n\nDEBUG = False\nSECRET_KEY = '%s'\nALLOWED_HOSTS = ['shopfront.io']\n\nwhy do sessions break after deploy?" % V.django_secret()),
    ("generic_secret", lambda: "config/secrets.yml\nproduction:\n  secret_key_base: %s\n\nrails says ArgumentError: key must be 32 bytes" % V.rails_secret()),
    ("generic_secret", lambda: ".env\nAPP_NAME=Shopfront\nAPP_ENV=production\nAPP_KEY=%s\nDB_CONNECTION=mysql\nDB_PASSWORD=%s\n\nlaravel shows 'No application encryption key'" % (V.laravel_key(), V.password())),
    ("password", lambda: "~/.docker/config.json\n{\n  \"auths\": {\n    \"registry.shopfront.io\": {\n      \"auth\": \"%s\"\n    }\n  }\n}\n\ndocker pull says unauthorized" % V.basic_auth("ci", V.password())),
    ("generic_secret", lambda: "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://k8s.shopfront.io:6443\n  name: prod\nusers:\n- name: admin\n  user:\n    token: %s\n\nkubectl says Unauthorized" % V.jwt()),
    ("private_key", lambda: "users:\n- name: admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\n    client-key-data: %s\n\nwhich one is the key?" % base64.b64encode(V.pem_private_key("RSA ").encode()).decode()),
    ("password", lambda: "~/.config/pip/pip.conf\n[global]\nindex-url = https://ci:%s@pypi.shopfront.io/simple\ntimeout = 60\n\npip install hangs" % V.password().replace("@", "x").replace(":", "x")),
    ("password", lambda: "wp-config.php\ndefine( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', 'wp' );\ndefine( 'DB_PASSWORD', '%s' );\ndefine( 'AUTH_KEY', '%s' );\n\nwhite screen after update" % (V.password(), V.s(64, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#%&*+-<=>?@^_|~"))),
    ("password", lambda: "inventory.ini\n[web]\n10.0.1.%d ansible_user=deploy ansible_ssh_pass=%s ansible_become_pass=%s\n\nansible says permission denied" % (R.randint(2, 250), V.password(), V.password())),
    ("password", lambda: "group_vars/all.yml\nansible_user: deploy\nansible_become_password: \"%s\"\nmysql_root_password: %s\n" % (V.password(), V.password())),
    ("generic_secret", lambda: "terraform.tfvars\nregion = \"eu-west-1\"\ndb_password = \"%s\"\ndatadog_api_key = \"%s\"\n\nplan shows changes every time" % (V.password(), V.hex_secret(32))),
    ("password", lambda: "~/.my.cnf\n[client]\nuser=root\npassword=%s\nhost=%s\n\nmysql ignores this file" % (V.password(), R.choice(PUB_HOSTS))),
    ("password", lambda: "appsettings.Production.json\n{\n  \"ConnectionStrings\": {\n    \"Default\": \"Server=tcp:sql-prod.database.windows.net,1433;Initial Catalog=shop;User ID=shopapp;Password=%s;Encrypt=True;\"\n  }\n}" % V.password()),
    ("password", lambda: "spring.rabbitmq.host=rabbit.shopfront.io\nspring.rabbitmq.username=orders\nspring.rabbitmq.password=%s\n\nconsumer keeps reconnecting" % V.password()),
    ("password", lambda: "/etc/wpa_supplicant/wpa_supplicant.conf\nnetwork={\n    ssid=\"Acme-Office\"\n    psk=\"%s\"\n}\n\nthe pi won't join the network" % V.password()),
    ("github_token", lambda: "~/.git-credentials\nhttps://jdoe:%s@github.com\n\nhow do I make git use this only for one repo?" % V.github_pat()),
    ("password", lambda: "NuGet.Config\n<packageSourceCredentials>\n  <internal>\n    <add key=\"Username\" value=\"ci\" />\n    <add key=\"ClearTextPassword\" value=\"%s\" />\n  </internal>\n</packageSourceCredentials>" % V.password()),
    ("password", lambda: "gradle.properties\nsigning.keyId=%s\nsigning.password=%s\nossrhUsername=acme\nossrhPassword=%s\n\npublish fails at signing" % (V.hex_secret(8).upper(), V.password(), V.password())),
    ("aws_key", lambda: "~/.s3cfg\n[default]\naccess_key = %s\nsecret_key = %s\nhost_base = s3.amazonaws.com\n\ns3cmd ls gives 403" % (V.aws_key_id(), V.aws_secret())),
    ("password", lambda: "$cred = New-Object System.Management.Automation.PSCredential('ACME\\svc_sql', (ConvertTo-SecureString '%s' -AsPlainText -Force))\nInvoke-Sqlcmd -ServerInstance sql01 -Credential $cred" % V.password()),
    ("password", lambda: "$secpasswd = ConvertTo-SecureString \"%s\" -AsPlainText -Force\n$creds = New-Object PSCredential(\"admin\", $secpasswd)\n\nwhy does Enter-PSSession fail?" % V.password()),
    ("generic_secret", lambda: "from Crypto.Cipher import AES\n\nAES_KEY = bytes.fromhex(\"%s\")\ncipher = AES.new(AES_KEY, AES.MODE_GCM)\n\nis GCM the right mode here?" % V.aes_key_hex()),
    ("generic_secret", lambda: "const crypto = require('crypto');\nconst key = Buffer.from('%s', 'hex');\nconst iv = crypto.randomBytes(16);\n// decrypt fails with bad decrypt" % V.aes_key_hex(32)),
    ("generic_secret", lambda: "var hmacKey = []byte(\"%s\")\n\nfunc sign(b []byte) string { m := hmac.New(sha256.New, hmacKey); m.Write(b); return hex.EncodeToString(m.Sum(nil)) }" % V.s(40)),
    ("password", lambda: "amqp_url = \"amqp://orders:%s@rabbit.shopfront.io:5672/prod\"\n\ncelery can't connect" % V.password().replace("@", "!")),
    ("generic_secret", lambda: "app = Flask(__name__)\napp.secret_key = \"%s\"\n\nflash messages disappear" % V.s(32, "abcdef0123456789")),
    ("generic_secret", lambda: "jwt:\n  secret: %s\n  expiration: 86400\n\nspring says the key is too short" % V.b64_secret(48)),
    ("password", lambda: "~/.msmtprc\naccount default\nhost smtp.gmail.com\nport 587\nauth on\nuser %s\npassword %s\n" % (V.email(), V.s(16, "abcdefghijklmnopqrstuvwxyz"))),
    ("password", lambda: "/etc/shadow excerpt:\ndeploy:$6$%s$%s:19700:0:99999:7:::\n\nhow do I force a password change?" % (V.s(16), V.s(86, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./"))),
]
for _ in range(2):
    for content, fn in CONFIGS:
        add("config", "sensitive", fn(), "credential in another tool's config file", content)

# ====================================================================== sensitive: other languages
for _ in range(3):
    n_it, n_nl, n_pt, n_pl = V.person("it"), V.person("nl"), V.person("pt"), V.person("pl")
    add("it", "sensitive", slack([(u(), "mi mandi il codice fiscale per il contratto?"), (u(), "certo: %s" % V.it_fiscal_code())]) + ask(),
        "codice fiscale in chat", "national_id")
    add("it", "sensitive", "Ciao, sono %s, chiamami al %s quando puoi." % (n_it, V.phone_eu("it")), "Italian phone", "phone")
    add("it", "sensitive", "scrivimi pure a %s per i dettagli" % V.obfuscated_email(n_it, "it"), "obfuscated e-mail, Italian words", "email", "at_dot")
    add("it", "sensitive", "Aggiornamento: %s è in malattia fino a fine mese, le hanno diagnosticato un %s." %
        (n_it, R.choice(["carcinoma mammario", "disturbo bipolare", "linfoma di Hodgkin", "episodio depressivo maggiore"])),
        "health of a named colleague, Italian", "health_record")
    add("it", "sensitive", "la password del wifi dell'ufficio è %s, non girarla" % V.password(), "Italian password", "password")
    add("it", "sensitive", "Bonifico a %s, IBAN %s, causale fattura 2026/118" % (n_it, V.iban()), "Italian IBAN", "iban")
    add("nl", "sensitive", "Mijn BSN is %s, kun je het formulier voor me invullen?" % V.nl_bsn(), "Dutch BSN", "national_id")
    add("nl", "sensitive", "Bel me even op %s als de deploy klaar is." % V.phone_eu("nl"), "Dutch phone", "phone")
    add("nl", "sensitive", "Mail het naar %s aub" % V.obfuscated_email(n_nl, "nl"), "obfuscated e-mail, Dutch words", "email", "at_dot")
    add("nl", "sensitive", "%s is opgenomen in het ziekenhuis met %s, ze is voorlopig niet bereikbaar." %
        (n_nl, R.choice(["een zware depressie", "longkanker", "een hartinfarct", "een psychose"])),
        "health of a named colleague, Dutch", "health_record")
    add("nl", "sensitive", "het wachtwoord van de testserver is %s" % V.password(), "Dutch password", "password")
    add("pt", "sensitive", "O meu NIF é %s, podes emitir a fatura?" % V.pt_nif(), "Portuguese NIF", "national_id")
    add("pt", "sensitive", "Liga-me para o %s depois das 18h." % V.phone_eu("pt"), "Portuguese phone", "phone")
    add("pt", "sensitive", "o email pessoal dela é %s" % V.obfuscated_email(n_pt, "pt"), "obfuscated e-mail, Portuguese words", "email", "at_dot")
    add("pt", "sensitive", "O %s foi diagnosticado com %s e vai estar de baixa." %
        (n_pt, R.choice(["esquizofrenia", "cancro do pulmão", "diabetes tipo 1", "depressão grave"])),
        "health of a named colleague, Portuguese", "health_record")
    add("pt", "sensitive", "a senha do servidor de testes é %s" % V.password(), "Portuguese password", "password")
    add("pl", "sensitive", "PESEL: %s, proszę o uzupełnienie umowy." % V.pl_pesel(), "Polish PESEL", "national_id")
    add("pl", "sensitive", "Zadzwoń do mnie pod numer %s." % V.phone_eu("pl"), "Polish phone", "phone")
    add("pl", "sensitive", "mój prywatny mail: %s" % V.obfuscated_email(n_pl, "pl"), "obfuscated e-mail, Polish words", "email", "at_dot")
    add("pl", "sensitive", "%s jest na zwolnieniu, ma %s." % (n_pl, R.choice(["raka płuca i chemioterapię", "ciężką depresję", "stwardnienie rozsiane"])),
        "health of a named colleague, Polish", "health_record")
    add("pl", "sensitive", "hasło do bazy testowej: %s" % V.password(), "Polish password", "password")
    # other languages of the original five
    add("de", "sensitive", "Meine Steuer-ID ist %s, bitte für die Lohnabrechnung eintragen." % V.de_tax_id(), "German tax id", "national_id")
    add("de", "sensitive", "Ruf mich bitte unter %s zurück." % V.phone_eu("de", False), "German phone, national format", "phone")
    add("fr", "sensitive", "Mon numéro de sécu : %s" % V.fr_nir(), "French NIR", "national_id")
    add("fr", "sensitive", "Vous pouvez me joindre au %s." % V.phone_eu("fr", False), "French phone, national format", "phone")
    add("es", "sensitive", "Mi DNI es %s, ¿puedes rellenar el formulario?" % V.es_dni(), "Spanish DNI/NIE", "national_id")
    add("ja", "sensitive", "マイナンバーは%sです。年末調整の書類に記入してください。" % V.jp_my_number(), "Japanese My Number", "national_id")
    add("en", "sensitive", "my NI number is %s, can you check the payslip?" % V.uk_nino(), "UK NINO", "national_id")
    add("it", "sensitive", "il mio numero è " + V.dictate("3" + V.s(9, "0123456789"), "it") + ", scrivimi su whatsapp", "phone dictated in Italian words", "phone", "spelled_digits")

# ====================================================================== vendor
VENDOR_CHAT = [
    lambda: slack([(u(), "set SLACK_BOT_TOKEN=xoxb-... in your .env, never commit it"), (u(), "ok")]),
    lambda: slack([(u(), "I rotated the AWS keys, the new ones are in Vault under secret/aws/prod"), (u(), "great, thx")]),
    lambda: slack([(u(), "standup moved to 10:30"), (u(), "3 PRs merged, 2 still open, build #4412 green")]),
    lambda: slack([(u(), "upgraded the access points to firmware %s last night" % V.private_ip_version()), (u(), "any issues?"), (u(), "none so far")]),
    lambda: slack([(u(), "reorder SKU %s, we're out of the blue ones" % V.ssn_shaped_sku()), (u(), "done")]),
    lambda: slack([(u(), "customer gave us her loyalty card %s, points are missing since May" % V.loyalty_number()), (u(), "escalate to CRM team")]),
    lambda: slack([(u(), "is this a real key? %s" % V.pem_header_b64()), (u(), "no, that's just the base64 of the PEM header line, nothing after it")]),
    lambda: slack([(u(), "for support tickets write to support [at] shopfront [dot] io"), (u(), "noted")]),
    lambda: slack([(u(), "format is nome.cognome chiocciola azienda punto it"), (u(), "grazie")]),
    lambda: slack([(u(), "deploy of api v2.14.3 done, p95 at 180 ms"), (u(), ":tada:")]),
    lambda: slack([(u(), "who knows how to compute the IBAN check digits in SQL?"), (u(), "mod 97 on the rearranged string")]),
    lambda: slack([(u(), "countdown for the launch: ten nine eight seven six five four three two one"), (u(), "lol")]),
    lambda: slack([(u(), "ports 5432, 5433, 5434, 6379 need to be open from the VPN range"), (u(), "ticket filed")]),
    lambda: slack([(u(), "the hotline number on our public site is 0800 123 456, is that still right?"), (u(), "yes")]),
    lambda: slack([(u(), "password policy: 14 chars min, rotate every 90 days"), (u(), "and MFA mandatory")]),
    lambda: slack([(u(), "the PR adds `export DATABASE_URL=postgres://user:${DB_PASSWORD}@localhost/app` to the README"), (u(), "lgtm")]),
    lambda: slack([(u(), "took %s's notes from the diabetes awareness talk, slides are on the public site" % R.choice(["the speaker", "Dr. Gomez"])), (u(), "nice")]),
    lambda: slack([(u(), "merge request !%d fixes the timeout in %s" % (R.randint(100, 999), V.git_sha()[:10])), (u(), "approved")]),
]
for _ in range(3):
    for fn in VENDOR_CHAT:
        add("slack", "vendor", fn() + ask(), "team chat without anything to keep inside", "none")

VENDOR_SHELL = [
    lambda: ["mysql -h db.internal.example -u admin -p shop", "show databases;"],
    lambda: ["redis-cli -a \"$REDIS_PASSWORD\" ping", "redis-cli info"],
    lambda: ["echo \"$CI_REGISTRY_PASSWORD\" | docker login -u \"$CI_REGISTRY_USER\" --password-stdin registry.gitlab.com"],
    lambda: ["kubectl get secrets -n payments", "kubectl describe secret db-creds -n payments"],
    lambda: ["openssl rand -hex 32", "openssl rand -base64 24"],
    lambda: ["export AWS_PROFILE=prod", "aws sts get-caller-identity"],
    lambda: ["psql -h localhost -U postgres -d app", "\\dt"],
    lambda: ["ssh deploy@203.0.113.%d" % R.randint(2, 250), "sudo journalctl -u app -n 200"],
    lambda: ["git clone git@github.com:acme/billing.git", "git log --oneline | head"],
    lambda: ["htpasswd -c /etc/nginx/.htpasswd admin", "nginx -t"],
    lambda: ["vault kv get -field=password secret/db", "vault token lookup"],
    lambda: ["curl -u \"$JENKINS_USER:$JENKINS_TOKEN\" https://ci.example.com/api/json"],
    lambda: ["sha256sum release-%s.tar.gz" % V.s(6, "0123456789"), "gpg --verify release.tar.gz.sig"],
    lambda: ["kubectl create secret generic db-creds --from-env-file=.env.prod", "kubectl get pods"],
    lambda: ["pip install --index-url https://pypi.org/simple requests==2.32.3", "python -m pytest -q"],
]
for _ in range(2):
    for fn in VENDOR_SHELL:
        pre = R.sample(["ls -la", "git status", "cd /srv/app", "sudo apt update", "htop", "df -h"], 2)
        add("shell", "vendor", R.choice(["", "my shell history:\n", "```\n"]) + history(pre + fn()) + R.choice(["", "\nwhat does the last command do?", "\n```"]),
            "shell history without secrets", "none")

VENDOR_CONFIG = [
    lambda: "# redis.conf from the docs\nport 6379\n# requirepass foobared\nmaxmemory 2gb\n\nwhat does maxmemory-policy default to?",
    lambda: "requirepass ${REDIS_PASSWORD}\n\ndoes redis expand environment variables in its config?",
    lambda: "settings.py\nSECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\nDEBUG = False\n\nhow do I rotate the secret key safely?",
    lambda: "production:\n  secret_key_base: <%= ENV[\"SECRET_KEY_BASE\"] %>\n\nwhere does Rails read this from?",
    lambda: ".env.example\nAPP_KEY=\nDB_PASSWORD=\nMAIL_PASSWORD=null\n\nwhich of these must be set in prod?",
    lambda: "~/.docker/config.json\n{\n  \"credsStore\": \"desktop\",\n  \"auths\": {\"https://index.docker.io/v1/\": {}}\n}\nwhere are the credentials stored then?",
    lambda: "users:\n- name: eks-admin\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: [eks, get-token, --cluster-name, prod]\n\nhow does this get a token?",
    lambda: "[global]\nindex-url = https://pypi.org/simple\nextra-index-url = https://download.pytorch.org/whl/cu121\n\npip picks the wrong torch",
    lambda: "define( 'DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD') );\ndefine( 'AUTH_KEY', getenv('WP_AUTH_KEY') );\n\nis this OK in docker?",
    lambda: "ansible_become_pass: \"{{ vault_become_pass }}\"\nmysql_root_password: \"{{ vault_mysql_root }}\"\n\nhow do I encrypt the vault file?",
    lambda: "variable \"db_password\" {\n  type      = string\n  sensitive = true\n}\n\nhow do I pass this from CI?",
    lambda: "[client]\nuser=readonly\nhost=localhost\n\nhow do I add a socket path?",
    lambda: "$cred = Get-Credential\n$secure = Read-Host -AsSecureString 'Password'\n\nwhich one should a scheduled task use?",
    lambda: "key = get_random_bytes(32)\ncipher = AES.new(key, AES.MODE_GCM)\nnonce = cipher.nonce\n\nwhere do I store the key?",
    lambda: "AES_KEY = os.environ[\"AES_KEY\"].encode()\n\nhow long should an AES-256 key be in hex?",
    lambda: "machine github.com\n  login jdoe\n  password <personal access token>\n\nis .netrc still supported by git?",
    lambda: "*:*:*:postgres:<password>\n\nwhat is the field order in .pgpass?",
    lambda: "network={\n    ssid=\"Guest\"\n    key_mgmt=NONE\n}\n\nwhy does the pi ignore this?",
    lambda: "client-key-data: %s\n\nthis is only the header, right? nothing after it" % V.pem_header_b64(),
    lambda: "sha256 of the release: %s\netag: \"%s\"\nbuild-id: %s" % (V.sha256(), V.hex_secret(32), V.uuid()),
]
for _ in range(2):
    for fn in VENDOR_CONFIG:
        add("config", "vendor", fn(), "config with placeholders, references or no secrets", "placeholder")

for _ in range(2):
    add("it", "vendor", "Come si calcola il carattere di controllo del codice fiscale?", "Italian question", "none")
    add("it", "vendor", "Il nostro numero verde è 800 123 456, attivo dal lunedì al venerdì.", "public toll-free number", "none")
    add("it", "vendor", "Quali sono i sintomi del diabete di tipo 2 e come si cura?", "general health question, Italian", "none")
    add("it", "vendor", "Scrivi una mail di benvenuto per i nuovi colleghi del reparto vendite.", "Italian writing", "none")
    add("nl", "vendor", "Wat is een BSN en waar vind ik het op mijn paspoort?", "Dutch question", "none")
    add("nl", "vendor", "Hoe stel ik een sterk wachtwoord in voor mijn router?", "Dutch password question", "none")
    add("nl", "vendor", "Wat zijn de eerste tekenen van een depressie?", "general health question, Dutch", "none")
    add("pt", "vendor", "Como valido um NIF português em Python?", "Portuguese question", "none")
    add("pt", "vendor", "Qual é o melhor tratamento para a diabetes tipo 2?", "general health question, Portuguese", "none")
    add("pt", "vendor", "Escreve um email a pedir orçamento para 40 cadeiras de escritório.", "Portuguese writing", "none")
    add("pl", "vendor", "Jak działa suma kontrolna numeru PESEL?", "Polish question", "none")
    add("pl", "vendor", "Napisz ogłoszenie o pracę dla programisty C++.", "Polish writing", "none")
    add("pl", "vendor", "Jakie są objawy raka płuca?", "general health question, Polish", "none")
    add("de", "vendor", "Wie ist die Steuer-ID aufgebaut und wozu dient die Prüfziffer?", "German question", "none")
    add("fr", "vendor", "Quel est le format d'un numéro de sécurité sociale français ?", "French question", "none")
    add("es", "vendor", "¿Cómo se calcula la letra del DNI?", "Spanish question", "none")
    add("ja", "vendor", "マイナンバーの桁数とチェックデジットの計算方法を教えてください。", "Japanese question", "none")
    add("en", "vendor", "What does a UK National Insurance number look like, e.g. QQ 12 34 56 C?", "NINO format question with the official sample", "none")
    add("it", "vendor", "Test data: codice fiscale di esempio RSSMRA85T10A562S per il form.", "documented sample fiscal code", "none")
    add("nl", "vendor", "Ordernummer %s is verzonden, track & trace volgt." % V.s(10, "0123456789"), "Dutch order number", "none")


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout5.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("holdout5: %d vendor, %d sensitive" % (sum(r["label"] == "vendor" for r in ROWS),
                                                sum(r["label"] == "sensitive" for r in ROWS)))


if __name__ == "__main__":
    main()
