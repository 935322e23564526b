#!/usr/bin/env python3
"""Writes the fourteenth held-out split (tests/corpus/holdout14/holdout14.jsonl), written for issue 17
round 10 and run once as written. It is the traffic an LLM gateway actually carries from agents and
assistant apps, which no split had as such:

- coding-agent transcripts: tool calls and their results as the agent saw them (cat .env,
  cat ~/.aws/credentials, env/printenv, docker inspect, kubectl get secret -o yaml / -o jsonpath,
  aws sts get-session-token / assume-role, gcloud auth print-access-token, az account
  get-access-token, terraform output -json, git log -p / git show of a commit that added a secret,
  failing tests printing a database URI, stack traces, npm config list, pip config list,
  gh auth status -t, vault kv get, op item get, security find-generic-password -w);
- function-call and tool-use arguments and results as JSON strings (escaped quotes and \\n), MCP
  tool results, browser-agent page captures (form fields with their values, autofill), OCR of
  screenshots given to an agent;
- RAG prompts: retrieved chunks with their metadata headers (Confluence, SharePoint, Google Drive,
  Notion, Zendesk) carrying HR, payroll, legal, medical and customer records, in the nine languages
  (weighted to the eight non-English ones);
- system prompts that embed a customer's or a patient's record, memory/profile blocks of assistant
  apps, requests to summarize meeting transcripts.

Labeled by what may leave the company (credentials, cards, IBANs, national identifiers, a person's
contact details, health, pay and HR/legal records stay inside), not by what any rule catches.
Look-alikes are vendor: redacted tool output (****, <redacted>, (protected), <sensitive>), secret
references (${{ secrets.X }}, vault:, op://, arn:aws:secretsmanager:, secretKeyRef), documentation
sample data (AWS's EXAMPLE keys, Stripe's documented test key, 4242 cards, the sample IBAN of the
standard), public documentation chunks, placeholder keys, hashes, digests and IDs, statistics, code
that reads secrets from the environment, RAG chunks of public policies, IBANs failing mod-97.
Run: python3 tests/corpus/holdout14/generate_holdout14.py"""

import base64
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
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"

LANGS8 = ["de", "fr", "es", "it", "nl", "pt", "pl", "ja"]


class H14Values(WorldValues):
    IBAN_LENGTHS = dict(WorldValues.IBAN_LENGTHS, DE=(22, "n"), FR=(27, "n"), ES=(24, "n"))

    def hex(self, n):
        return self.s(n, HEXD)

    def b64bytes(self, n):
        return base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(n))).decode()

    def session_token(self):
        # STS session tokens start with IQoJb3JpZ2luX2Vj ("\x1e\x0f\x09origin_ec") and run ~600+ chars.
        return "IQoJb3JpZ2luX2Vj" + self.s(self.r.randint(300, 420), B64) + "=="

    def ya29(self):
        return "ya29." + self.s(self.r.randint(150, 200), URLSAFE)

    def azure_jwt(self):
        def b64u(obj):
            return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).rstrip(b"=").decode()
        head = b64u({"typ": "JWT", "alg": "RS256", "x5t": self.s(27, URLSAFE), "kid": self.s(27, URLSAFE)})
        body = b64u({"aud": "https://management.core.windows.net/", "iss": "https://sts.windows.net/%s/" % self.uuid(),
                     "iat": 1796000000 + self.r.randint(0, 99999), "oid": self.uuid(), "upn": "dev@contoso.onmicrosoft.com"})
        return head + "." + body + "." + self.s(342, URLSAFE)

    def gho(self):
        return "gho_" + self.s(36)

    def op_secret(self):
        return self.s(20, ALNUM + "-")

    def pg_url(self, user=None, host=None, db=None):
        return "postgresql://%s:%s@%s:5432/%s" % (
            user or self.pick(["app", "svc_orders", "billing_rw", "django"]), self.password().replace("@", "!"),
            host or self.pick(["db.prod.internal", "orders-db.c9x2kq.eu-west-1.rds.amazonaws.com",
                               "10.12.4.21", "pg-main.acme.lan"]),
            db or self.pick(["orders", "billing", "app_prod", "crm"]))

    def iban_de(self):
        return self.iban_cc("DE")

    def salary(self):
        return "%d.%03d" % (self.r.randint(38, 140), self.r.randint(0, 999))

    def addr(self, lang):
        n = self.r.randint(1, 140)
        return {
            "de": "%s %d, %05d %s" % (self.pick(["Lindenstraße", "Hauptstr.", "Am Mühlbach", "Goethestraße"]), n,
                                     self.r.randint(10000, 99999), self.pick(["Köln", "Leipzig", "Mainz", "Kassel"])),
            "fr": "%d %s, %05d %s" % (n, self.pick(["rue des Lilas", "avenue Jean Jaurès", "impasse du Moulin"]),
                                     self.r.randint(10000, 95999), self.pick(["Lyon", "Nantes", "Rennes", "Lille"])),
            "es": "C/ %s %d, %d.º %s, %05d %s" % (self.pick(["Alcalá", "Mayor", "de la Paz", "Colón"]), n,
                                                  self.r.randint(1, 8), self.pick("ABCD"),
                                                  self.r.randint(1000, 50999), self.pick(["Madrid", "Valencia", "Sevilla"])),
            "it": "Via %s %d, %05d %s" % (self.pick(["Garibaldi", "Roma", "dei Mille", "Mazzini"]), n,
                                         self.r.randint(10000, 98999), self.pick(["Torino", "Bologna", "Bari"])),
            "nl": "%s %d, %04d %s %s" % (self.pick(["Kerkstraat", "Molenweg", "Dorpsstraat"]), n,
                                        self.r.randint(1000, 9999), self.s(2, UPPER),
                                        self.pick(["Utrecht", "Zwolle", "Haarlem"])),
            "pt": "Rua %s, %d, %04d-%03d %s" % (self.pick(["das Flores", "de Santa Catarina", "Augusta"]), n,
                                               self.r.randint(1000, 9999), self.r.randint(0, 999),
                                               self.pick(["Lisboa", "Porto", "Braga"])),
            "pl": "ul. %s %d/%d, %02d-%03d %s" % (self.pick(["Długa", "Mickiewicza", "Polna"]), n,
                                                 self.r.randint(1, 60), self.r.randint(0, 99),
                                                 self.r.randint(0, 999), self.pick(["Kraków", "Gdańsk", "Poznań"])),
            "ja": "東京都%s%d-%d-%d" % (self.pick(["世田谷区桜丘", "杉並区阿佐谷北", "練馬区石神井町"]),
                                     self.r.randint(1, 6), self.r.randint(1, 30), self.r.randint(1, 20)),
            "en": "%d %s, %s" % (n, self.pick(["Maple Avenue", "Elm Street", "Harbour Road"]),
                                 self.pick(["Leeds LS6 2AB", "Austin, TX 78704", "Bristol BS7 8QT"])),
        }[lang]


V = H14Values(20261214)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout14-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def P(lang):
    return V.person(lang)


def js(s):
    """A string as a JSON string literal (escaped quotes and \\n), the way a tool result travels."""
    return json.dumps(s, ensure_ascii=False)


def ph(lang):
    return V.phone_eu({"ja": "jp", "en": "uk"}.get(lang, lang))


def email(person):
    return V.email(person if " " in person else None)


# ====================================================================== coding-agent transcripts
def agent_cases():
    # cat .env
    for stack in ["node", "django", "laravel"]:
        pw = V.password()
        if stack == "node":
            body = ("NODE_ENV=production\nPORT=3000\nDATABASE_URL=%s\nSTRIPE_SECRET_KEY=%s\nSENTRY_DSN="
                    "https://%s@o4506.ingest.sentry.io/4506\nJWT_SECRET=%s" % (V.pg_url(), V.stripe(), V.hex(32), V.hex(48)))
        elif stack == "django":
            body = ("DEBUG=False\nSECRET_KEY=%s\nDB_HOST=10.0.3.17\nDB_USER=django\nDB_PASSWORD=%s\n"
                    "EMAIL_HOST_PASSWORD=%s" % (V.django_secret(), pw, V.s(16, LOWER)))
        else:
            body = ("APP_NAME=Shop\nAPP_ENV=production\nAPP_KEY=%s\nDB_CONNECTION=mysql\nDB_PASSWORD=%s\n"
                    "MAIL_PASSWORD=%s\nAWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s"
                    % (V.laravel_key(), pw, V.s(12), V.aws_key_id(), V.aws_secret()))
        add("agent", "sensitive", "Assistant: I'll check which variables the app expects.\n\n<tool_call>bash\n$ cat .env"
            "\n</tool_call>\n<tool_result>\n%s\n</tool_result>\n\nThe app reads DATABASE settings from .env; next I'll "
            "look at config/database.*" % body, "agent cat .env (%s)" % stack, "credentials")
    # ~/.aws/credentials
    for i in range(2):
        prof = V.pick(["default", "prod-admin", "ci-deployer"])
        txt = ("[%s]\naws_access_key_id = %s\naws_secret_access_key = %s\nregion = eu-central-1"
               % (prof, V.aws_key_id(), V.aws_secret()))
        if i == 0:
            add("agent", "sensitive", "● Bash(cat ~/.aws/credentials)\n  ⎿ %s\n\n● The profile exists, so the "
                "NoCredentialProviders error comes from AWS_PROFILE not being exported in the Makefile."
                % txt.replace("\n", "\n    "), "claude-code style cat aws credentials", "aws_key")
        else:
            add("agent", "sensitive", "Agent-Protokoll (Cursor):\nTool: run_terminal_cmd\nInput: cat ~/.aws/credentials"
                "\nOutput:\n%s\n\nWarum schlägt `aws s3 ls` trotzdem mit ExpiredToken fehl?" % txt,
                "de cursor agent aws credentials", "aws_key")
    # env / printenv
    add("agent", "sensitive", "$ printenv | grep -i -E 'token|key|pass'\nGITHUB_TOKEN=%s\nOPENAI_API_KEY=%s\n"
        "PGPASSWORD=%s\nHOMEBREW_NO_ANALYTICS=1\n\nagent: GITHUB_TOKEN is set, so the 401 from the API is a scope "
        "problem, not a missing token." % (V.github_pat(), V.openai(), V.password()), "printenv grep", "credentials")
    add("agent", "sensitive", "tool_result (shell):\nHOSTNAME=runner-7f9c\nHOME=/home/runner\nCI=true\n"
        "NPM_TOKEN=%s\nSLACK_BOT_TOKEN=%s\nPATH=/usr/local/bin:/usr/bin\n\nExplain why the publish step still "
        "says ENEEDAUTH." % (V.npm(), V.slack_bot()), "env dump CI", "credentials")
    add("agent", "sensitive", "Ejecuté `env` dentro del contenedor como me pediste:\n```\nREDIS_URL=redis://:%s@redis-"
        "master:6379/0\nHUGGING_FACE_HUB_TOKEN=%s\nLANG=C.UTF-8\nPYTHONUNBUFFERED=1\n```\n¿Por qué el worker no "
        "encuentra el modelo?" % (V.s(24), V.hf()), "es env in container", "credentials")
    # docker inspect
    for i in range(2):
        envs = ['"POSTGRES_USER=orders"', '"POSTGRES_PASSWORD=%s"' % V.password(), '"PGDATA=/var/lib/postgresql/data"']
        if i == 1:
            envs = ['"MINIO_ROOT_USER=minioadmin"', '"MINIO_ROOT_PASSWORD=%s"' % V.s(20),
                    '"MINIO_BROWSER=on"']
        add("agent", "sensitive", "Result of `docker inspect %s --format '{{json .Config}}'`:\n"
            "{\"Hostname\":\"%s\",\"User\":\"\",\"Env\":[%s,\"PATH=/usr/local/sbin:/usr/local/bin\"],\"Cmd\":[\"%s\"],"
            "\"Image\":\"%s\",\"WorkingDir\":\"\"}\nWhy does the healthcheck fail?"
            % (V.pick(["pg", "minio-1"]), V.hex(12), ",".join(envs), V.pick(["postgres", "server"]),
               V.pick(["postgres:16", "minio/minio:latest"])), "docker inspect env", "password")
    # kubectl get secret -o yaml
    for i in range(2):
        user, pw = V.pick(["app", "grafana", "keycloak"]), V.password()
        data = "  username: %s\n  password: %s\n" % (base64.b64encode(user.encode()).decode(),
                                                     base64.b64encode(pw.encode()).decode())
        if i == 1:
            data = "  tls.key: %s\n  api-token: %s\n" % (
                base64.b64encode(V.pem_private_key("RSA ").encode()).decode()[:220],
                base64.b64encode(V.github_pat().encode()).decode())
        add("agent", "sensitive", "kubectl get secret %s -n prod -o yaml\napiVersion: v1\ndata:\n%skind: Secret\n"
            "metadata:\n  creationTimestamp: \"2026-11-02T09:14:55Z\"\n  name: %s\n  namespace: prod\ntype: Opaque\n\n"
            "the agent says the secret is mounted; check the key names match the deployment"
            % (V.pick(["db-creds", "app-secrets"]), data, V.pick(["db-creds", "app-secrets"])),
            "kubectl get secret yaml base64", "credentials")
    pw = V.password()
    add("agent", "sensitive", "$ kubectl get secret keycloak-admin -o jsonpath='{.data.password}' | base64 -d\n%s\n"
        "$ kubectl exec -it keycloak-0 -- /opt/keycloak/bin/kcadm.sh config credentials --server http://localhost:8080 "
        "--realm master --user admin\nLogging into http://localhost:8080 as user admin of realm master\nEnter password:"
        "\nInvalid user credentials [invalid_grant]\n\nwhy invalid?" % pw, "jsonpath decoded password", "password")
    add("agent", "sensitive", "Tool output:\n$ kubectl get secret registry-pull -o jsonpath='{.data.\\.dockerconfigjson}'"
        "\n%s\n\nCan you decode this and tell me which registry it is for?"
        % base64.b64encode(json.dumps({"auths": {"ghcr.io": {"auth": V.basic_auth("ci-bot", V.github_pat())}}}).encode()).decode(),
        "jsonpath dockerconfigjson b64", "credentials")
    # aws sts
    for kind in ["get-session-token", "assume-role"]:
        cred = {"AccessKeyId": "ASIA" + V.s(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), "SecretAccessKey": V.aws_secret(),
                "SessionToken": V.session_token(), "Expiration": "2026-12-07T19:22:41+00:00"}
        out = {"Credentials": cred}
        if kind == "assume-role":
            out["AssumedRoleUser"] = {"AssumedRoleId": "AROA" + V.s(17, UPPER + DIGITS) + ":deploy",
                                      "Arn": "arn:aws:sts::%s:assumed-role/Deployer/deploy" % V.s(12, DIGITS)}
        add("agent", "sensitive", "I ran `aws sts %s%s` and got:\n%s\nHow do I export these into my shell so terraform "
            "picks them up?" % (kind, " --role-arn arn:aws:iam::%s:role/Deployer --role-session-name deploy"
                                 % V.s(12, DIGITS) if kind == "assume-role" else " --serial-number arn:aws:iam::%s:mfa/"
                                 "dev --token-code %s" % (V.s(12, DIGITS), V.s(6, DIGITS)),
                                 json.dumps(out, indent=4)), "aws sts " + kind, "aws_key")
    # gcloud
    add("agent", "sensitive", "```\n$ gcloud auth print-access-token\n%s\n$ curl -H \"Authorization: Bearer $(gcloud "
        "auth print-access-token)\" https://storage.googleapis.com/storage/v1/b/my-bucket\n{\"error\": {\"code\": 403}}\n```"
        "\nwhy 403 if the token prints fine?" % V.ya29(), "gcloud print-access-token", "token")
    add("agent", "sensitive", "L'agent a lancé `gcloud auth application-default print-access-token` :\n%s\n"
        "Pourquoi la bibliothèque Python n'utilise-t-elle pas ce jeton ?" % V.ya29(), "fr gcloud adc token", "token")
    # az
    add("agent", "sensitive", "az account get-access-token --resource https://management.azure.com\n{\n  \"accessToken\": "
        "\"%s\",\n  \"expiresOn\": \"2026-12-07 10:41:03.000000\",\n  \"subscription\": \"%s\",\n  \"tenant\": \"%s\",\n"
        "  \"tokenType\": \"Bearer\"\n}\nuse it in the REST call below" % (V.azure_jwt(), V.uuid(), V.uuid()),
        "az get-access-token", "token")
    # terraform output -json
    for i in range(2):
        pw = V.password()
        out = {"db_endpoint": {"sensitive": False, "type": "string", "value": "orders.c9x2kq.eu-west-1.rds.amazonaws.com"},
               "db_password": {"sensitive": True, "type": "string", "value": pw}}
        if i == 1:
            out = {"sa_key": {"sensitive": True, "type": "string", "value": V.b64bytes(96)},
                   "bucket": {"sensitive": False, "type": "string", "value": "acme-exports"}}
        add("agent", "sensitive", "terraform output -json\n%s\nWrite a script that reads these outputs into a .tfvars "
            "for the next stack." % json.dumps(out, indent=2), "terraform output -json sensitive shown", "credentials")
    # git show / git log -p
    key = V.pick([V.stripe(), V.sendgrid(), V.openai()])
    add("agent", "sensitive", "$ git show 4f1c2e9\ncommit 4f1c2e9a7d1b0c55e2f8d9a3b6c7e1f0a2b3c4d5\nAuthor: dev <dev@"
        "users.noreply.github.com>\nDate:   Tue Nov 24 16:02:11 2026 +0100\n\n    wip: payments\n\ndiff --git a/config/"
        "payments.yml b/config/payments.yml\n--- a/config/payments.yml\n+++ b/config/payments.yml\n@@ -1,3 +1,4 @@\n "
        "provider: stripe\n+api_key: %s\n currency: eur\n\nIs it enough to revert this commit?" % key,
        "git show commit adding key", "api_key")
    add("agent", "sensitive", "git log -p -S PASSWORD -- settings/ | head -20\ncommit %s\n    add staging settings\n"
        "-DATABASES['default']['PASSWORD'] = os.environ['DB_PASSWORD']\n+DATABASES['default']['PASSWORD'] = '%s'\n\n"
        "Wie entferne ich das aus der Historie (git filter-repo)?" % (V.git_sha(), V.password()),
        "de git log -p password", "password")
    # failing tests printing DB URI
    uri = V.pg_url()
    add("agent", "sensitive", "FAILED tests/test_orders.py::test_checkout - sqlalchemy.exc.OperationalError: "
        "(psycopg2.OperationalError) connection to server at \"db.prod.internal\" (10.12.4.21), port 5432 failed: "
        "timeout expired\n(Background on this error at: https://sqlalche.me/e/20/e3q8)\nE   engine url: %s\n"
        "=========== 1 failed, 212 passed in 41.02s ===========\nwhy is the test hitting prod?" % uri,
        "pytest failure db uri", "password")
    add("agent", "sensitive", "    at Object.<anonymous> (/app/src/db.ts:14:9)\n    at Module._compile (node:internal/"
        "modules/cjs/loader:1256:14)\nMongoServerSelectionError: connect ECONNREFUSED 10.0.7.3:27017\n  connectionString: "
        "'mongodb+srv://orders_app:%s@cluster0.x7kqe.mongodb.net/orders?retryWrites=true'\n\nagent: the cluster "
        "rejects the IP, fix the allowlist?" % V.password().replace("@", "#"), "node stack trace mongo uri", "password")
    add("agent", "sensitive", "java.sql.SQLException: Access denied for user 'report'@'10.1.2.3' (using password: YES)\n"
        "\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:129)\n\tat com.acme.Report.main"
        "(Report.java:42)\nConfig dump: spring.datasource.url=jdbc:mysql://10.1.2.3:3306/rep spring.datasource.username="
        "report spring.datasource.password=%s\n\nwhy access denied?" % V.password(), "java stack trace config dump",
        "password")
    # npm config list / .npmrc
    add("agent", "sensitive", "$ cat ~/.npmrc\n@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken="
        "%s\nalways-auth=true\n\nWhy does `npm install` still get 401 for @acme packages?" % V.github_pat(),
        "npmrc auth token", "token")
    add("agent", "sensitive", "pip config list\nglobal.index-url='https://deploy:%s@nexus.acme.lan/repository/pypi/simple'"
        "\nglobal.trusted-host='nexus.acme.lan'\n\nWarum installiert pip trotzdem von pypi.org?" % V.password(),
        "pip config list with credentials in URL", "password")
    # gh auth status -t
    add("agent", "sensitive", "gh auth status -t\ngithub.com\n  ✓ Logged in to github.com account devkim (keyring)\n  - "
        "Active account: true\n  - Git operations protocol: https\n  - Token: %s\n  - Token scopes: 'gist', "
        "'read:org', 'repo', 'workflow'\n\nDoes this token have enough scope to push tags?" % V.gho(),
        "gh auth status -t", "token")
    # vault kv get
    add("agent", "sensitive", "vault kv get -mount=secret payments/prod\n======= Secret Path =======\nsecret/data/payments/"
        "prod\n\n======= Metadata =======\nKey                Value\n---                -----\ncreated_time       "
        "2026-10-30T08:11:02Z\nversion            7\n\n====== Data ======\nKey             Value\n---             -----\n"
        "adyen_api_key   AQE%s\nwebhook_hmac    %s\n\nrotate these: what's the order of steps?"
        % (V.s(60, ALNUM + "+"), V.hex(64).upper()), "vault kv get data", "credentials")
    # op item get
    add("agent", "sensitive", "op item get \"Prod DB\" --vault Ops\nID:          %s\nTitle:       Prod DB\nVault:       "
        "Ops\nCategory:    DATABASE\nFields:\n  type:        postgresql\n  server:      pg-main.acme.lan\n  port:        "
        "5432\n  database:    app_prod\n  username:    app_owner\n  password:    %s\n\nwrite me the psql command"
        % (V.s(26, LOWER + DIGITS), V.password()), "op item get fields", "password")
    add("agent", "sensitive", "$ security find-generic-password -s \"jenkins-api\" -w\n%s\n$ curl -u admin:$(security "
        "find-generic-password -s jenkins-api -w) https://jenkins.acme.lan/api/json\ncurl: (60) SSL certificate problem"
        "\n\nhow do I fix the SSL error?" % V.s(34, HEXD), "macOS keychain password printed", "token")
    # stack trace with Authorization header
    add("agent", "sensitive", "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.acme.io"
        "/v2/orders\nDEBUG:urllib3.connectionpool:send: b'GET /v2/orders HTTP/1.1\\r\\nHost: api.acme.io\\r\\n"
        "Authorization: Bearer %s\\r\\n\\r\\n'\n\nIs my token expired?" % V.jwt(), "debug log bearer jwt", "token")
    # Japanese narrative
    add("agent", "sensitive", "エージェントの実行ログです。\n```\n$ cat config/secrets.yml\nproduction:\n  "
        "secret_key_base: %s\n  smtp_password: %s\n```\nこの設定でデプロイして問題ないか確認してください。"
        % (V.rails_secret(), V.password()), "ja agent cat secrets.yml", "credentials")
    # Italian: cat ssh key
    add("agent", "sensitive", "L'agente ha eseguito `cat ~/.ssh/id_ed25519` per capire il problema:\n%s\n"
        "Perché ssh dice 'invalid format'?" % V.pem_private_key("OPENSSH "), "it cat ssh private key", "private_key")
    add("agent", "sensitive", "Tool call: read_file({\"path\": \"deploy/.env.production\"})\nResult:\nSUPABASE_URL="
        "https://xyzcompany.supabase.co\nSUPABASE_SERVICE_ROLE_KEY=%s\nNEXT_PUBLIC_SUPABASE_ANON_KEY=(public)\n\n"
        "O agente precisa mesmo da service role key no frontend?" % V.jwt(), "pt read_file service role key", "token")


def agent_lookalikes():
    add("agent", "vendor", "$ env | grep -i token\nGITHUB_TOKEN=****\nNPM_TOKEN=****\n(values masked by the CI runner)\n\n"
        "The job still says ENEEDAUTH. What else could be wrong?", "masked env", "masked")
    add("agent", "vendor", "kubectl get secret db-creds -o yaml (from `kubectl neat` with --redact)\napiVersion: v1\n"
        "data:\n  password: <redacted>\n  username: <redacted>\nkind: Secret\nmetadata:\n  name: db-creds\ntype: Opaque"
        "\n\nWhy does the pod not see the password key?", "redacted k8s secret", "masked")
    add("agent", "vendor", "$ npm config list\n; \"user\" config from /home/dev/.npmrc\n\n//registry.npmjs.org/:_authToken ="
        " (protected)\n@acme:registry = \"https://npm.pkg.github.com\"\n\n; node bin location = /usr/bin/node\n; "
        "cwd = /home/dev/app\n\nWhy is @acme not resolved?", "npm config list protected", "masked")
    add("agent", "vendor", "gh auth status\ngithub.com\n  ✓ Logged in to github.com account devkim (keyring)\n  - Active "
        "account: true\n  - Git operations protocol: https\n  - Token: gho_************************************\n  - "
        "Token scopes: 'gist', 'read:org', 'repo'\n\nWhy can't I create a workflow file?", "gh auth status masked",
        "masked")
    add("agent", "vendor", "terraform output\ndb_endpoint = \"orders.c9x2kq.eu-west-1.rds.amazonaws.com\"\ndb_password = "
        "<sensitive>\nvpc_id = \"vpc-0a1b2c3d4e5f67890\"\n\nHow do I pass db_endpoint to the next module?",
        "terraform output sensitive hidden", "masked")
    add("agent", "vendor", "aws sts get-caller-identity\n{\n    \"UserId\": \"AIDAJQABLZS4A3QDU576Q\",\n    \"Account\": "
        "\"123456789012\",\n    \"Arn\": \"arn:aws:iam::123456789012:user/dev\"\n}\nThis is the documentation account; "
        "which policy do I need for s3:ListBucket?", "sts caller identity docs", "aws_docs")
    add("agent", "vendor", "$ cat ~/.aws/credentials   # from the AWS CLI guide\n[default]\naws_access_key_id = "
        "AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\nExplain the "
        "difference between this file and ~/.aws/config.", "aws docs example credentials", "aws_docs")
    add("agent", "vendor", "GitHub Actions step:\n- name: Publish\n  run: npm publish\n  env:\n    NODE_AUTH_TOKEN: "
        "${{ secrets.NPM_TOKEN }}\n    OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n\nthe agent wants to add "
        "provenance; where does --provenance go?", "gha secrets refs", "secret_reference")
    add("agent", "vendor", "read_file(\"app/settings.py\") ->\nimport os\nDATABASES = {\"default\": {\"ENGINE\": "
        "\"django.db.backends.postgresql\", \"PASSWORD\": os.environ[\"DB_PASSWORD\"], \"HOST\": os.environ.get("
        "\"DB_HOST\", \"localhost\")}}\nSECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\n\nRefactor to django-environ.",
        "code reads env", "env_reference")
    add("agent", "vendor", "deployment.yaml excerpt:\n        env:\n        - name: DB_PASSWORD\n          valueFrom:\n"
        "            secretKeyRef:\n              name: db-creds\n              key: password\n        - name: API_KEY\n"
        "          value: \"vault:secret/data/payments#api_key\"\n\nthe bank-vaults webhook should inject it; why is the "
        "literal string showing up?", "secretKeyRef and vault ref", "secret_reference")
    add("agent", "vendor", "op run --env-file=.env -- npm start\n.env:\nDATABASE_URL=\"op://Ops/Prod DB/connection "
        "string\"\nSTRIPE_KEY=\"op://Ops/Stripe/credential\"\n\nop says 'could not resolve item'. Why?",
        "1password op refs", "secret_reference")
    add("agent", "vendor", "CloudFormation snippet:\nMasterUserPassword: '{{resolve:secretsmanager:arn:aws:secretsmanager:"
        "eu-west-1:123456789012:secret:prod/orders/db-AbC123:SecretString:password}}'\n\nIs the dynamic reference "
        "resolved at deploy time or at runtime?", "secretsmanager arn", "secret_reference")
    add("agent", "vendor", "$ docker inspect web --format '{{.Image}} {{.Config.Env}}'\nsha256:%s [PATH=/usr/local/bin "
        "NODE_VERSION=20.11.1 YARN_VERSION=1.22.19 PORT=8080]\n\nwhich base image is this?" % V.sha256(),
        "docker inspect no secrets", "hashes")
    add("agent", "vendor", "git log --oneline -5\n%s fix: retry on 503\n%s chore: bump axios to 1.7.4\n%s feat: orders "
        "export\n%s docs: README\n%s ci: cache pnpm store\n\nWrite release notes from these." %
        tuple(V.git_sha()[:7] for _ in range(5)), "git log oneline", "hashes")
    add("agent", "vendor", "FAILED tests/test_db.py::test_connect - OperationalError: could not connect to server at "
        "\"localhost\" (::1), port 5432 failed: Connection refused\n  engine url: postgresql://postgres:***@localhost:5432/"
        "test\n\nDo I need to start the compose service first?", "pytest masked url", "masked")
    add("agent", "vendor", "$ vault kv metadata get secret/payments/prod\n========== Metadata ==========\nKey              "
        "Value\n---              -----\ncreated_time     2026-10-30T08:11:02Z\ncurrent_version  7\nmax_versions     0\n\n"
        "How do I roll back to version 6?", "vault metadata only", "none")
    add("agent", "vendor", "Tool: run_terminal_cmd\nOutput:\n$ pip config list\nglobal.index-url='https://nexus.acme.lan/"
        "repository/pypi/simple'\nglobal.timeout='60'\n\nWarum dauert die Installation so lange?",
        "pip config list no credentials", "none")
    add("agent", "vendor", "npm ERR! code E401\nnpm ERR! Unable to authenticate, your authentication token seems to be "
        "invalid.\nnpm ERR! To correct this please try logging in again with:\nnpm ERR!     npm login\n\nnpm ERR! A "
        "complete log of this run can be found in: /home/dev/.npm/_logs/2026-12-07T08_01_12_331Z-debug-0.log",
        "npm error no token", "none")
    add("agent", "vendor", "Stripe quickstart says:\n```\ncurl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarj"
        "tT1zdp7dc:\n```\nThe agent copied this into our test. Is that key safe to keep in the repo?",
        "stripe documented test key", "stripe_docs")
    add("agent", "vendor", "the agent wrote this .env.example:\nOPENAI_API_KEY=sk-...\nDATABASE_URL=postgres://user:"
        "password@localhost:5432/app\nSTRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\nJWT_SECRET=changeme\n\nIs this a"
        " good template?", "env example placeholders", "placeholder")
    add("agent", "vendor", "$ sha256sum dist/*.tar.gz\n%s  dist/app-1.4.2.tar.gz\n%s  dist/app-1.4.2-linux.tar.gz\n"
        "Put these into the release notes table." % (V.sha256(), V.sha256()), "checksums", "hashes")
    add("agent", "vendor", "$ security find-generic-password -s jenkins-api\nkeychain: \"/Users/dev/Library/Keychains/"
        "login.keychain-db\"\nclass: \"genp\"\nattributes:\n    \"acct\"<blob>=\"admin\"\n    \"svce\"<blob>=\"jenkins-api\""
        "\n\n(-w not given, so no password printed) how do I read just the password in a script?",
        "keychain metadata only", "none")
    add("agent", "vendor", "Ejecuté `kubectl get secrets` y sale:\nNAME                  TYPE                             "
        "DATA   AGE\ndb-creds              Opaque                           2      41d\nregistry-pull         "
        "kubernetes.io/dockerconfigjson   1      41d\n¿Cómo sé qué pods usan db-creds?", "es kubectl list secrets",
        "none")
    add("agent", "vendor", "エージェントのログ:\n$ gcloud auth list\n  Credentialed Accounts\nACTIVE  ACCOUNT\n*       "
        "ci-runner@my-project.iam.gserviceaccount.com\n\nサービスアカウントの権限不足のエラーの直し方は？",
        "ja gcloud auth list", "none")


# ====================================================================== tool-use JSON, MCP, browser, OCR
def tool_cases():
    body = "DB_HOST=10.4.0.12\nDB_USER=shop\nDB_PASSWORD=%s\nMAILGUN_API_KEY=key-%s\n" % (V.password(), V.hex(32))
    add("toolcall", "sensitive", json.dumps({"role": "user", "content": [{"type": "tool_result", "tool_use_id":
        "toolu_01" + V.s(22), "content": body}]}), "anthropic tool_result json env", "credentials")
    add("toolcall", "sensitive", json.dumps({"role": "tool", "tool_call_id": "call_" + V.s(24), "content":
        json.dumps({"stdout": "aws_access_key_id = %s\naws_secret_access_key = %s\n" % (V.aws_key_id(), V.aws_secret()),
                    "exit_code": 0})}), "openai tool message nested json creds", "aws_key")
    p = P("de")
    add("toolcall", "sensitive", json.dumps({"type": "function", "function": {"name": "create_refund", "arguments":
        json.dumps({"customer_name": p, "iban": V.iban_cc("DE"), "amount_eur": 149.90, "reason": "Doppelte Abbuchung"},
                   ensure_ascii=False)}}, ensure_ascii=False), "function args iban", "iban")
    p = P("fr")
    add("toolcall", "sensitive", "{\"name\": \"lookup_customer\", \"arguments\": \"{\\\"email\\\": \\\"%s\\\"}\"}\n"
        "=> {\"result\": \"{\\\"nom\\\": \\\"%s\\\", \\\"tel\\\": \\\"%s\\\", \\\"nir\\\": \\\"%s\\\", \\\"adresse\\\": "
        "\\\"%s\\\"}\"}\nRésume la fiche client." % (email(p), p, ph("fr"), V.fr_nir(), V.addr("fr")),
        "fr function call escaped result", "national_id")
    p = P("es")
    add("toolcall", "sensitive", json.dumps({"jsonrpc": "2.0", "id": 14, "result": {"content": [{"type": "text", "text":
        "Cliente: %s\nDNI: %s\nTeléfono: %s\nTarjeta: %s\nÚltimo pedido: #%d" % (p, V.es_dni(), ph("es"), V.card(),
                                                                              V.r.randint(100000, 999999))}],
        "isError": False}}, ensure_ascii=False), "es MCP tool result customer", "card")
    p = P("nl")
    add("toolcall", "sensitive", json.dumps({"jsonrpc": "2.0", "id": 3, "result": {"content": [{"type": "text", "text":
        json.dumps({"patient": p, "bsn": V.nl_bsn(), "geboortedatum": V.dob("nl"), "diagnose": "diabetes type 1",
                    "medicatie": ["insuline aspart"]}, ensure_ascii=False)}]}}, ensure_ascii=False),
        "nl MCP EHR tool double-encoded", "health")
    add("toolcall", "sensitive", "MCP server `postgres` → tool `query` returned:\n[{\"id\":4412,\"full_name\":\"%s\","
        "\"ssn\":\"%s\",\"salary\":%d},{\"id\":4413,\"full_name\":\"%s\",\"ssn\":\"%s\",\"salary\":%d}]\n"
        "Make a markdown table of these." % (V.name(), V.ssn(), V.r.randint(60, 190) * 1000, V.name(), V.ssn(),
                                               V.r.randint(60, 190) * 1000), "MCP query ssn salary", "ssn")
    p = P("it")
    add("toolcall", "sensitive", "tool_use: browser.get_form_values(selector=\"#checkout\")\nresult: {\"nome\": \"%s\", "
        "\"email\": \"%s\", \"numero_carta\": \"%s\", \"scadenza\": \"09/29\", \"cvv\": \"%s\"}\nCompila il modulo e "
        "conferma l'ordine." % (p, email(p), V.card(sep=" "), V.s(3, DIGITS)), "it browser form card", "card")
    add("toolcall", "sensitive", "Page snapshot (accessibility tree) from the browser agent:\n- heading \"Sign in to Acme "
        "Admin\"\n- textbox \"Email\" value=\"ops-admin@acme-corp.com\"\n- textbox \"Password\" value=\"%s\"\n- "
        "button \"Sign in\"\n- text \"Invalid credentials\"\nWhat should I try next?" % V.password(),
        "browser a11y tree password value", "password")
    p = P("pt")
    add("toolcall", "sensitive", "Browser agent — autofill preview:\n  Nome completo: %s\n  Morada: %s\n  NIF: %s\n"
        "  Telemóvel: %s\n  IBAN: %s\nPreencher o formulário da seguradora com estes dados?" %
        (p, V.addr("pt"), V.pt_nif_personal(), ph("pt"), V.iban_cc("PT")), "pt autofill preview", "iban")
    p = P("pl")
    add("toolcall", "sensitive", "<page_capture url=\"https://portal.zus.pl/formularz\">\n<input name=\"imie_nazwisko\" "
        "value=\"%s\">\n<input name=\"pesel\" value=\"%s\">\n<input name=\"nr_rachunku\" value=\"%s\">\n"
        "</page_capture>\nCzy wszystkie pola są poprawnie wypełnione?" % (p, V.pl_pesel(), V.iban_cc("PL", grouped=False)[2:]),
        "pl page capture pesel nrb", "national_id")
    p = P("en")
    add("toolcall", "sensitive", "OCR of the screenshot the user attached (banking app):\nGood morning, %s\nCurrent "
        "account\nSort code 20-%s-%s   Account 4%s\nAvailable £2,341.18\n\nUser: why is this payment pending?" %
        (p.split()[0], V.s(2, DIGITS), V.s(2, DIGITS), V.s(7, DIGITS)), "ocr bank app sort code", "bank_account")
    add("toolcall", "sensitive", "Screenshot text (OCR):\nGitHub  ›  Settings  ›  Developer settings\nPersonal access "
        "tokens (classic)\nMake sure to copy your personal access token now. You won't be able to see it again!\n"
        "%s   Copy\n\nAgent: token created; storing it in the CI secret now." % V.github_pat(),
        "ocr github new token", "token")
    add("toolcall", "sensitive", "OCR (スクリーンショット):\n2段階認証 リカバリーコード\n%s\nこれらのコードは安全な場所に保管"
        "してください。\n\nこの画面の意味を説明して。" % "\n".join("%s-%s" % (V.s(5, LOWER + DIGITS), V.s(5, LOWER + DIGITS))
                                                   for _ in range(8)), "ja ocr recovery codes", "credentials")
    p = P("de")
    add("toolcall", "sensitive", "Bildschirmtext (OCR) aus dem HR-Portal:\nMitarbeiter: %s   Personalnr. 40%s\n"
        "Steuer-ID %s   SV-Nr. %s\nBrutto Nov. 2026: %s €\nBitte erkläre die Abzüge." %
        (p, V.s(4, DIGITS), V.de_tax_id(), "%s%s%s%s" % (V.s(2, DIGITS), V.s(6, DIGITS), p.split()[1][0].upper(),
                                                          V.s(3, DIGITS)), V.salary()), "de ocr hr portal", "national_id")
    add("toolcall", "sensitive", json.dumps({"tool": "send_email", "input": {"to": "billing@vendor-example.com", "body":
        "Hi,\nplease charge card %s (exp 11/28, CVC %s) for invoice 2291.\nThanks" % (V.card(), V.s(3, DIGITS))}}),
        "send_email arguments card", "card")


def tool_lookalikes():
    add("toolcall", "vendor", json.dumps({"role": "tool", "tool_call_id": "call_" + V.s(24), "content": json.dumps(
        {"stdout": "OPENAI_API_KEY=<redacted>\nDATABASE_URL=<redacted>\nLOG_LEVEL=debug\n", "exit_code": 0})}),
        "tool message redacted env", "masked")
    add("toolcall", "vendor", json.dumps({"type": "function", "function": {"name": "get_weather", "arguments":
        json.dumps({"city": "Lyon", "unit": "celsius"})}}), "weather function", "none")
    add("toolcall", "vendor", json.dumps({"jsonrpc": "2.0", "id": 9, "result": {"content": [{"type": "text", "text":
        "Found 3 issues: #4412 flaky test in orders, #4415 bump axios, #4420 docs typo"}]}}), "MCP github issues", "none")
    add("toolcall", "vendor", "tool_use: browser.get_form_values(selector=\"#checkout\")\nresult: {\"card\": \"•••• •••• "
        "•••• 4417\", \"expiry\": \"••/••\", \"name\": \"\"}\nThe saved card is masked. Ask the user to confirm?",
        "browser masked card", "masked")
    add("toolcall", "vendor", "Stripe test mode checkout filled by the agent: card 4242 4242 4242 4242, exp 12/34, CVC "
        "123, ZIP 42424. The payment intent says requires_action; what does that mean?", "stripe test card", "test_card")
    add("toolcall", "vendor", json.dumps({"name": "validate_iban", "arguments": json.dumps({"iban": V.iban_cc("DE", valid=False)}),
        "result": {"valid": False, "reason": "checksum mismatch"}}), "iban failing mod97 in validator call", "iban_invalid")
    add("toolcall", "vendor", "Zrzut ekranu (OCR): \"Wpisz numer IBAN w formacie PL00 0000 0000 0000 0000 0000 0000\" — "
        "co oznacza ten komunikat w formularzu?", "pl ocr format hint", "placeholder")
    add("toolcall", "vendor", "Page snapshot:\n- textbox \"Email\" value=\"\"\n- textbox \"Password\" value=\"\" "
        "(type=password)\n- checkbox \"Remember me\" checked=false\n- link \"Forgot password?\"\nFill in the login form "
        "with the credentials from the vault item `Acme Admin` (do not print them).", "empty login form", "none")
    add("toolcall", "vendor", json.dumps({"jsonrpc": "2.0", "id": 21, "result": {"content": [{"type": "text", "text":
        "trace_id=%s span_id=%s status=500 route=/v2/orders duration_ms=812" % (V.hex(32), V.hex(16))}]}}),
        "MCP trace ids", "hashes")
    add("toolcall", "vendor", "OCR of the screenshot: \"Docker Hub › Image tags › node:20-alpine › DIGEST sha256:%s "
        "› COMPRESSED SIZE 47.6 MB\" — which tag should we pin?" % V.sha256(), "ocr image digest", "hashes")
    add("toolcall", "vendor", "OCR de la captura: «Su número de pedido es 402-%s-%s. Llegará el jueves.» ¿Puedes "
        "redactar un aviso al cliente sin datos personales?" % (V.s(7, DIGITS), V.s(7, DIGITS)),
        "es ocr order number", "order_number")
    add("toolcall", "vendor", json.dumps({"tool": "search_docs", "input": {"query": "rotate api key"}, "output":
        "To rotate a key, open Settings > API keys, click Create new key, update your clients, then revoke the old key. "
        "Keys look like sk-... and are shown once."}), "search docs rotate key", "placeholder")


# ====================================================================== RAG
def rag_cases():
    # HR / payroll
    p = P("de")
    add("rag", "sensitive", "[Kontext 1]\nQuelle: Confluence › HR › Personalakten › %s\nZuletzt geändert: 2026-11-18 "
        "von hr-admin\n---\nGehaltsanpassung ab 01.01.2027: %s, Senior Engineer, Bruttojahresgehalt alt 78.000 €, "
        "neu 84.500 €. Begründung: Leistungsbeurteilung \"übertrifft\". IBAN für Auszahlung: %s\n---\n"
        "Frage: Wie hoch ist die Erhöhung in Prozent?" % (p, p, V.iban_cc("DE")), "de confluence salary iban", "iban")
    p = P("de")
    add("rag", "sensitive", "<document source=\"sharepoint://HR/Abmahnungen/2026\" title=\"Abmahnung %s\">\nSehr "
        "geehrte/r %s, hiermit mahnen wir Sie wegen wiederholten unentschuldigten Fehlens am 3., 9. und 17. November "
        "2026 ab. Im Wiederholungsfall müssen Sie mit einer Kündigung rechnen.\n</document>\nFasse das Schreiben in "
        "zwei Sätzen zusammen." % (p, p), "de sharepoint warning letter", "hr_record")
    p = P("fr")
    add("rag", "sensitive", "Extrait récupéré (Google Drive › RH › Arrêts maladie › 2026.xlsx, ligne 14)\n%s | NIR %s | "
        "arrêt du 04/11 au 29/11 | motif : dépression réactionnelle | subrogation : oui\n\nQuestion : combien de jours "
        "d'IJSS faut-il prévoir ?" % (p, V.fr_nir()), "fr drive sick leave nir", "health")
    p = P("fr")
    add("rag", "sensitive", "### Chunk 2/5 — Notion › Juridique › Contentieux prud'homal\nDemandeur : %s, né le %s, "
        "domicilié %s. Licencié le 12/09/2026 pour faute grave ; réclame 45 000 € de dommages-intérêts. Conciliation "
        "fixée au 15/01/2027.\n\nRédige une note de synthèse pour la direction." % (p, V.dob("fr"), V.addr("fr")),
        "fr notion labour dispute", "legal_record")
    p = P("es")
    add("rag", "sensitive", "Fragmento recuperado [zendesk ticket #%d]\nSolicitante: %s <%s>\nDNI: %s\nMensaje: "
        "\"Me han cobrado dos veces la cuota, devuélvanme el importe a la cuenta %s\"\n\nResponde al cliente en "
        "tono formal." % (V.r.randint(100000, 999999), p, email(p), V.es_dni(), V.iban_cc("ES")),
        "es zendesk dni iban", "iban")
    p = P("es")
    add("rag", "sensitive", "Contexto (SharePoint › RRHH › Nóminas › noviembre_2026.pdf, página 3):\nTrabajador: %s  "
        "NAF: 28/%s/%s  Categoría: Técnico II\nSalario base 2.140,00  Complemento 310,00  IRPF 14,2 %%  Líquido a "
        "percibir 2.011,37 €\n\n¿Está bien calculado el IRPF?" % (p, V.s(8, DIGITS), V.s(2, DIGITS)),
        "es payslip NAF", "payroll")
    p = P("it")
    add("rag", "sensitive", "[fonte: Google Drive / Amministrazione / Contratti dipendenti / %s.pdf]\nIl/La Sig./Sig.ra "
        "%s, codice fiscale %s, residente in %s, è assunto/a con contratto a tempo indeterminato, livello 5 CCNL "
        "Commercio, RAL 34.500 €.\n\nDomanda: quanti giorni di preavviso prevede il CCNL?" %
        (p, p, V.it_fiscal_code(), V.addr("it")), "it drive employment contract cf", "national_id")
    p = P("it")
    add("rag", "sensitive", "Contesto recuperato (Notion › Personale › Note colloqui)\n12/11 colloquio con %s: ha "
        "comunicato di essere in cura per un disturbo bipolare, chiede orario ridotto per tre mesi. Il medico "
        "competente ha dato parere favorevole.\n\nProponi una risposta all'email di %s." % (p, p.split()[0]),
        "it notion health of employee", "health")
    p = P("nl")
    add("rag", "sensitive", "Bron: SharePoint > P&O > Verzuimdossiers > %s.docx\nMedewerker %s (BSN %s) is sinds 2 "
        "oktober ziek gemeld; de bedrijfsarts adviseert re-integratie in het tweede spoor vanwege een hernia.\n\n"
        "Vraag: welke stappen schrijft de Wet verbetering poortwachter nu voor?" % (p, p, V.nl_bsn()),
        "nl sharepoint absence file bsn", "health")
    p = P("nl")
    add("rag", "sensitive", "Context [confluence/klantenservice/escalaties]: klant %s, klantnr. %d, tel. %s, "
        "IBAN %s, heeft drie keer gebeld over een dubbele incasso.\nSchrijf een excuusmail." %
        (p, V.r.randint(1000000, 9999999), ph("nl"), V.iban_cc("NL")), "nl confluence customer iban", "iban")
    p = P("pt")
    add("rag", "sensitive", "Documento recuperado — Google Drive › RH › Processos › %s\nA colaboradora %s (NIF %s, NISS "
        "%s) está de baixa médica desde 3 de novembro por gravidez de risco. Retoma prevista: março de 2027.\n\n"
        "Pergunta: como ajusto o plano de férias da equipa?" % (p, p, V.pt_nif_personal(), V.s(11, DIGITS)),
        "pt drive pregnancy leave", "health")
    p = P("pt")
    add("rag", "sensitive", "[chunk 1] Zendesk #%d — Cliente: %s, telemóvel %s, morada %s. Pedido: alterar o IBAN de "
        "débito para %s.\n[chunk 2] Política de débitos diretos: alterações entram em vigor no ciclo seguinte.\n\n"
        "Responde ao cliente." % (V.r.randint(10000, 99999), p, ph("pt"), V.addr("pt"), V.iban_cc("PT")),
        "pt zendesk iban change", "iban")
    p = P("pl")
    add("rag", "sensitive", "Źródło: Confluence › Kadry › Lista płac 11/2026\n| Pracownik | PESEL | Brutto | Netto |\n"
        "|---|---|---|---|\n| %s | %s | 9 800,00 | 7 102,34 |\n| %s | %s | 12 450,00 | 8 951,10 |\n\nPytanie: "
        "ile wynosi łączny koszt pracodawcy?" % (P("pl"), V.pl_pesel(), p, V.pl_pesel()), "pl confluence payroll pesel",
        "payroll")
    p = P("pl")
    add("rag", "sensitive", "Kontekst (Notion › Prawny › Ugody): Ugoda z %s (zam. %s) w sprawie mobbingu: pracodawca "
        "wypłaci 60 000 zł do 31.01.2027, strony zachowają poufność.\n\nStreść najważniejsze zobowiązania." %
        (p, V.addr("pl")), "pl notion settlement named", "legal_record")
    p = P("ja")
    add("rag", "sensitive", "【検索結果 1】出典: SharePoint / 人事部 / 健康診断結果 / 2026年度\n氏名: %s　社員番号: %s\n"
        "所見: 要精密検査（HbA1c 8.9%%、糖尿病の疑い）　産業医面談: 12月10日\n\n質問: 産業医面談の案内メールを作成して。"
        % (p, V.s(6, DIGITS)), "ja sharepoint health check result", "health")
    p = P("ja")
    add("rag", "sensitive", "<context source=\"confluence:給与/振込先\">\n%s　個人番号（マイナンバー）: %s\n振込先: "
        "三菱UFJ銀行 渋谷支店 普通 %s\n</context>\n年末調整の書類で足りないものは？" %
        (p, V.jp_my_number(), V.s(7, DIGITS)), "ja confluence my number bank", "national_id")
    p = P("en")
    add("rag", "sensitive", "Retrieved passage (Zendesk, ticket 88213, internal note):\nCustomer %s, DOB %s, NHS no. %s, "
        "called about her repeat prescription for sertraline; GP practice asked us to hold the delivery.\n\nDraft the "
        "callback script." % (p, V.dob("en"), V.nhs_number()), "en zendesk health nhs", "health")
    p = P("en")
    add("rag", "sensitive", "Source: Notion / People Ops / Performance / %s (restricted)\nPIP started 2026-10-01. "
        "Missed targets Q3; manager notes possible termination in January if no improvement. Salary frozen at "
        "$142,000.\n\nQ: summarize for the skip-level meeting." % p, "en notion PIP salary", "hr_record")
    p = P("de")
    add("rag", "sensitive", "Treffer 3 (Zendesk, Ticket #%d):\nKundin %s, Kundennummer K-%s, Tel. %s, neue Anschrift "
        "%s, bittet um Kündigung zum Monatsende.\n\nFormuliere die Kündigungsbestätigung." %
        (V.r.randint(100000, 999999), p, V.s(7, DIGITS), ph("de"), V.addr("de")), "de zendesk contact address", "contact")
    p = P("fr")
    add("rag", "sensitive", "Passage 4 — Confluence › Service client › Litiges\nM. %s, carte %s, conteste un débit de "
        "212,40 € du 02/12. Pièce jointe : relevé.\n\nPrépare la réponse type." % (p, V.card()),
        "fr confluence card dispute", "card")


def rag_lookalikes():
    add("rag", "vendor", "[Kontext 1] Quelle: Intranet › Richtlinien › Reisekosten (öffentlich)\nÜbernachtungen werden bis "
        "150 € pro Nacht erstattet; Bahnfahrten 2. Klasse, ab 4 Stunden 1. Klasse.\n\nFrage: Darf ich 1. Klasse nach "
        "München fahren (3,5 h)?", "de public travel policy", "public_policy")
    add("rag", "vendor", "Source : site public de l'entreprise › Politique de confidentialité\n« Nous conservons vos données "
        "pendant 3 ans après le dernier contact. Vous pouvez exercer vos droits auprès de notre DPO. »\n\nQuestion : "
        "cette durée est-elle conforme au RGPD ?", "fr public privacy policy", "public_policy")
    add("rag", "vendor", "Contexto (Confluence › RRHH › Política de bajas, pública para empleados): \"En caso de "
        "incapacidad temporal, el empleado debe enviar el parte de baja en 3 días.\"\n¿Qué pasa si lo envío el "
        "cuarto día?", "es public leave policy", "public_policy")
    add("rag", "vendor", "Fonte: Google Drive / HR / Statistiche assenteismo 2026.xlsx\nTasso di assenteismo medio: 4,1 %; "
        "reparto logistica 6,3 %; uffici 2,8 %. 12 dipendenti in malattia lunga (dati aggregati).\n\nCommenta il "
        "trend rispetto al 2025.", "it aggregated absence stats", "statistics")
    add("rag", "vendor", "Bron: Notion > Engineering > Onboarding\n1. Vraag toegang aan via het IT-portaal.\n2. Installeer "
        "de VPN-client.\n3. Wachtwoorden staan in de teamkluis (1Password), nooit in Slack.\n\nVat samen voor een "
        "nieuwe collega.", "nl onboarding no values", "none")
    add("rag", "vendor", "Fonte: SharePoint › Qualidade › Manual de procedimentos (público)\nO IBAN de exemplo da norma "
        "ISO 13616 é GB82 WEST 1234 5698 7654 32. Validar sempre os dígitos de controlo.\n\nExplica como se calcula o "
        "dígito de controlo.", "pt iso sample iban", "sample_iban")
    add("rag", "vendor", "Źródło: Confluence › Sprzedaż › Cennik 2027 (publiczny)\nPakiet Basic 49 zł/mies., Pro 129 zł, "
        "Enterprise — wycena indywidualna.\n\nNapisz krótki e-mail do klienta z cennikiem.", "pl public price list",
        "none")
    add("rag", "vendor", "【検索結果】出典: 社内ポータル / 就業規則（全社員公開）\n第32条 私傷病による欠勤が引き続き30日を超える"
        "ときは休職を命ずることがある。\n\n質問: 休職期間中の給与はどうなりますか？", "ja public work rules", "public_policy")
    add("rag", "vendor", "Retrieved passage (docs.stripe.com, public): \"Use test card numbers such as 4000 0566 5566 5556 "
        "(Visa debit) in test mode only.\"\nQ: which test card triggers 3-D Secure?", "stripe docs test card",
        "test_card")
    add("rag", "vendor", "[chunk 2] Zendesk macro \"Refund request\": Hi {{ticket.requester.first_name}}, we've refunded "
        "{{ticket.ticket_field_360012}} to your card ending {{card_last4}}.\nQ: make it friendlier.", "zendesk macro "
        "placeholders", "placeholder")
    add("rag", "vendor", "Kontext: Confluence › Datenschutz › Muster-Auskunftsersuchen\n\"Name: Max Mustermann, "
        "Anschrift: Musterstraße 1, 12345 Musterstadt, IBAN: DE00 1234 5678 9012 3456 78\"\nIst die Vorlage DSGVO-konform?",
        "de specimen template", "placeholder")
    add("rag", "vendor", "Extrait (Notion › Produit › Roadmap publique) : « Q1 2027 : export CSV, SSO SAML, mode sombre. »"
        "\nRédige un tweet d'annonce.", "fr public roadmap", "none")
    add("rag", "vendor", "Fragmento (web pública de la Seguridad Social): \"El número de la Seguridad Social (NUSS) consta "
        "de 12 dígitos: 2 de provincia, 8 de número y 2 de control.\" ¿Cómo se calculan los dígitos de control?",
        "es public doc NUSS format", "public_doc")
    add("rag", "vendor", "Passage (Google Drive / Engineering / Runbook DB rotation):\n1. Generate a new password in "
        "Vault: `vault kv put secret/db password=$(openssl rand -base64 24)`\n2. Restart the pods.\nQ: can this be "
        "done without downtime?", "runbook generates password no value", "none")
    add("rag", "vendor", "[Kontekst] Confluence › HR › Benchmark wynagrodzeń 2026: mediana dla Senior Developer w Krakowie "
        "18 500 zł brutto, P75 22 000 zł (dane rynkowe, bez danych osobowych).\nCzy nasza widełka jest konkurencyjna?",
        "pl salary benchmark", "statistics")
    add("rag", "vendor", "Contesto: Google Drive › Legal › Modello NDA (template)\n\"Le Informazioni Riservate includono "
        "qualsiasi dato tecnico o commerciale comunicato dalla Parte Divulgante...\"\nLa clausola è troppo ampia?",
        "it nda template", "ordinary_confidential")


# ====================================================================== system prompts, memory, meetings
def assistant_cases():
    p = P("de")
    add("sysprompt", "sensitive", "System: Du bist der Kundenservice-Assistent der Stadtwerke. Aktueller Kunde:\n"
        "Name: %s\nVertragskonto: 2%s\nAnschrift: %s\nBankverbindung: %s\nOffene Forderung: 312,40 €\n"
        "Antworte höflich und nenne die Bankdaten nicht.\nUser: Warum ist meine Abschlagszahlung gestiegen?" %
        (p, V.s(9, DIGITS), V.addr("de"), V.iban_cc("DE")), "de system prompt customer record", "iban")
    p = P("fr")
    add("sysprompt", "sensitive", "[system] Assistant de téléconsultation. Dossier patient : %s, né(e) le %s, n° sécu %s. "
        "Antécédents : asthme sévère, allergie à la pénicilline. Traitement : Symbicort.\n[user] J'ai encore de la "
        "fièvre, je peux reprendre de l'amoxicilline ?" % (p, V.dob("fr"), V.fr_nir()), "fr patient system prompt",
        "health")
    p = P("es")
    add("sysprompt", "sensitive", "{\"role\": \"system\", \"content\": \"Eres el asistente de la clínica dental. Paciente: "
        "%s, tel. %s, DNI %s. Historial: implante pieza 36 (2025), toma anticoagulantes (Sintrom).\"}\n{\"role\": "
        "\"user\", \"content\": \"¿Puedo hacerme una limpieza la semana que viene?\"}" % (p, ph("es"), V.es_dni()),
        "es system prompt json patient", "health")
    p = P("it")
    add("sysprompt", "sensitive", "SYSTEM PROMPT\nSei l'assistente della banca. Cliente autenticato: %s (CF %s), conto "
        "%s, saldo 4.218,77 €, carta di debito in scadenza 03/27.\nUSER: posso aumentare il limite del bancomat?" %
        (p, V.it_fiscal_code(), V.iban_cc("IT")), "it bank system prompt", "iban")
    p = P("ja")
    add("sysprompt", "sensitive", "システム: あなたは保険会社のサポートAIです。契約者情報: %s 様、生年月日 %s、電話 %s、"
        "住所 %s。既往歴: うつ病（2024年より通院）。\nユーザー: 保険金請求の書類は何が必要ですか？" %
        (p, V.dob("ja"), ph("ja"), V.addr("ja")), "ja system prompt insured health", "health")
    p = P("en")
    add("sysprompt", "sensitive", "<system>You are Acme Pharmacy's refill assistant. Patient record: %s, DOB %s, phone "
        "%s, allergies: sulfa. Active Rx: lithium carbonate 300 mg, quetiapine 100 mg.</system>\n<user>Can I pick up "
        "early because I'm travelling?</user>" % (p, V.dob("en"), V.phone("us")), "en pharmacy system prompt",
        "health")
    p = P("nl")
    add("sysprompt", "sensitive", "Systeeminstructie: je bent de HR-chatbot. Gegevens van de ingelogde medewerker: %s, "
        "personeelsnr. %s, BSN %s, salarisschaal 9 trede 6, IBAN %s.\nGebruiker: hoeveel vakantiegeld krijg ik in mei?"
        % (p, V.s(6, DIGITS), V.nl_bsn(), V.iban_cc("NL")), "nl hr chatbot system prompt", "national_id")
    # memory blocks
    p = P("en")
    add("memory", "sensitive", "## Memory (saved by the assistant)\n- User's name is %s, lives at %s\n- Has type 1 "
        "diabetes, uses an Omnipod pump\n- Wife: Sarah, phone %s\n- Prefers short answers\n\nUser: plan a 3-day "
        "hiking trip for me" % (p, V.addr("en"), V.phone("uk")), "en memory health address", "health")
    p = P("de")
    add("memory", "sensitive", "<user_profile>\nName: %s\nGeburtsdatum: %s\nKrankenkasse: TK, Versichertennr. %s%s\n"
        "Notizen: nimmt Sertralin, Therapie donnerstags\n</user_profile>\nErinnere mich an meine Termine diese Woche."
        % (p, V.dob("de"), V.pick(UPPER), V.s(9, DIGITS)), "de profile block health insurance", "health")
    p = P("pt")
    add("memory", "sensitive", "Memórias guardadas:\n• O utilizador chama-se %s e o NIF é %s\n• A conta do banco é %s\n• "
        "Está a tratar do divórcio com a advogada Dra. Costa\n\nPedido: ajuda-me a preencher o IRS." %
        (p, V.pt_nif_personal(), V.iban_cc("PT")), "pt memory nif iban", "iban")
    p = P("pl")
    add("memory", "sensitive", "[PAMIĘĆ ASYSTENTA]\n- Użytkownik: %s, tel. %s\n- Syn Kuba (8 lat) ma autyzm, terapia "
        "SI we wtorki\n- Adres: %s\n\nZaproponuj plan tygodnia." % (p, ph("pl"), V.addr("pl")), "pl memory child health",
        "health")
    p = P("fr")
    add("memory", "sensitive", "Mémoire de l'assistant :\n- s'appelle %s, e-mail perso %s, portable %s\n- travaille chez "
        "Decathlon, en télétravail le vendredi\n\nÉcris un mail à mon propriétaire pour la fuite d'eau." %
        (p, email(p), ph("fr")), "fr memory contact", "contact")
    # meeting transcript summaries
    p1, p2 = P("de"), P("de")
    add("meeting", "sensitive", "Fasse das Transkript zusammen:\n[00:02:11] %s: Kurz zu Personal: %s ist seit drei "
        "Wochen wegen Burnout krankgeschrieben, wir wissen nicht, wann sie zurückkommt.\n[00:02:40] %s: Dann "
        "verschieben wir den Release um zwei Wochen.\n[00:03:05] %s: Einverstanden." % (p1, p2, P("de"), p1),
        "de meeting burnout colleague", "health")
    p = P("es")
    add("meeting", "sensitive", "Resume esta transcripción (Teams, 03/12/2026):\nMarta Ruiz: Lo de %s: le vamos a despedir "
        "el viernes, la indemnización serán 33 días por año, unos 41.000 euros.\nJavier Gil: ¿Lo sabe ya?\nMarta Ruiz: "
        "No, nadie más debe saberlo todavía." % p, "es meeting dismissal named", "hr_record")
    add("meeting", "sensitive", "Summarize the call (Otter.ai export):\nSpeaker 1 (00:14:02): ok the wifi for the "
        "offsite, network Acme-Guest, password is %s\nSpeaker 2 (00:14:09): and the admin panel is admin / %s\n"
        "Speaker 1 (00:14:20): great, next topic, catering." % (V.password(), V.password()),
        "en meeting passwords spoken", "password")
    p = P("it")
    add("meeting", "sensitive", "Riassumi la riunione:\nAnna: Il cliente %s ci ha dato il suo numero di carta al telefono, "
        "%s, scadenza 08/28, per il rinnovo.\nLuca: Va bene, lo inserisco io nel gestionale.\nAnna: Poi cancella gli "
        "appunti." % (p, V.card(sep=" ")), "it meeting card dictated", "card")
    p = P("ja")
    add("meeting", "sensitive", "次の会議文字起こしを要約してください。\n田中: %sさんの件ですが、来月から育休ではなく、"
        "がんの治療で休職になります。\n佐藤: 本人の了承は取れていますか？\n田中: はい、ただし部内には伏せてください。" % p,
        "ja meeting cancer leave", "health")
    p = P("nl")
    add("meeting", "sensitive", "Vat dit gesprek samen (Zoom-transcript):\nSanne: %s heeft gisteren zijn "
        "ontslagbrief gekregen, hij krijgt een vaststellingsovereenkomst met 4 maandsalarissen.\nBram: Oké, ik "
        "regel de overdracht van zijn klanten." % p, "nl meeting settlement named", "hr_record")


def assistant_lookalikes():
    add("sysprompt", "vendor", "System: You are Acme's support assistant. Greet the customer as {{customer.first_name}}. "
        "Never ask for full card numbers; if needed, ask only for the last four digits. Escalate refunds above "
        "{{refund_limit}}.\nUser: how do I change my delivery address?", "support system prompt template", "placeholder")
    add("sysprompt", "vendor", "Systemprompt: Du bist ein Tutor für Mathematik der 8. Klasse. Erkläre Schritt für "
        "Schritt und verrate die Lösung nicht sofort.\nNutzer: Wie löse ich 3x + 5 = 20?", "de tutor system prompt",
        "none")
    add("sysprompt", "vendor", "Système : tu es l'assistant du service client. Exemple de fiche : Nom : Jean Dupont, "
        "Téléphone : 01 23 45 67 89, N° client : 000000. N'invente jamais de données.\nUtilisateur : comment suivre "
        "mon colis ?", "fr system prompt specimen", "placeholder")
    add("sysprompt", "vendor", "システム: あなたは社内ITヘルプデスクのアシスタントです。パスワードを聞き出してはいけません。"
        "パスワードのリセットは https://id.example.com から案内してください。\nユーザー: パスワードを忘れました。",
        "ja helpdesk system prompt", "none")
    add("memory", "vendor", "## Memory\n- Prefers metric units\n- Writes code in TypeScript and Go\n- Vegetarian, likes "
        "Thai food\n- Timezone Europe/Berlin\n\nUser: suggest a dinner recipe for tonight", "memory benign prefs",
        "none")
    add("memory", "vendor", "Memorie salvate: l'utente studia medicina al terzo anno, prepara l'esame di farmacologia, "
        "preferisce schemi riassuntivi.\nDomanda: spiegami il meccanismo d'azione del litio.", "it memory study "
        "medicine", "none")
    add("meeting", "vendor", "Resume la reunión:\nAna: El NPS del trimestre subió de 41 a 47.\nPablo: La tasa de "
        "abandono bajó al 3,2 %.\nAna: Publicamos el informe el lunes en la web.", "es meeting metrics", "statistics")
    add("meeting", "vendor", "Summarize the webinar transcript: \"Today we'll cover zero-trust networking: identity-aware "
        "proxies, device posture, and short-lived certificates. Questions at the end.\"", "en webinar public",
        "none")
    add("meeting", "vendor", "Podsumuj spotkanie zespołu: ustaliliśmy, że migracja na Postgres 16 będzie w styczniu, "
        "hasła do baz są w Vault (ścieżka secret/db/*), nikt nie wysyła ich na czacie.", "pl meeting vault mention",
        "secret_reference")
    add("meeting", "vendor", "Zusammenfassung bitte: Betriebsversammlung, Krankenstand im Werk 5,1 % (Vorjahr 5,8 %), "
        "neues Gesundheitsprogramm mit Rückenkursen ab Februar.", "de meeting aggregated sick rate", "statistics")
    add("sysprompt", "vendor", "{\"role\":\"system\",\"content\":\"You are a medical information assistant. Answer general "
        "questions about medications; do not diagnose. Always suggest seeing a doctor.\"},{\"role\":\"user\",\"content\":"
        "\"What are common side effects of sertraline?\"}", "general medication question", "none")
    add("memory", "vendor", "Geheugen: gebruiker werkt als verpleegkundige op de IC, wil uitleg over beademingsmodi; "
        "houdt van fietsen.\nVraag: wat is het verschil tussen PC en VC?", "nl memory nurse profession", "none")


# ====================================================================== more of each kind
def more_cases():
    add("agent", "sensitive", "$ docker compose config\nname: shop\nservices:\n  db:\n    environment:\n      "
        "MYSQL_DATABASE: shop\n      MYSQL_ROOT_PASSWORD: %s\n    image: mysql:8.4\n  web:\n    environment:\n      "
        "DATABASE_URL: mysql://root:%s@db:3306/shop\n\nwhy does web start before db is ready?" %
        ((lambda x: (x, x))(V.password())), "compose config resolved", "password")
    add("agent", "sensitive", "heroku config -a acme-api\n=== acme-api Config Vars\nDATABASE_URL: postgres://%s:%s@"
        "ec2-54-%d-%d-%d.eu-west-1.compute.amazonaws.com:5432/%s\nREDIS_URL:    rediss://:%s@ec2-34-%d-1-9.compute-1."
        "amazonaws.com:11459\n\nmigrate to Render: what changes?" % (V.s(14, LOWER), V.hex(64), V.r.randint(1, 250),
                                                                    V.r.randint(1, 250), V.r.randint(1, 250),
                                                                    V.s(14, LOWER), V.hex(64), V.r.randint(1, 250)),
        "heroku config vars", "password")
    add("agent", "sensitive", "cat ~/.docker/config.json\n{\n\t\"auths\": {\n\t\t\"registry.gitlab.com\": {\n\t\t\t"
        "\"auth\": \"%s\"\n\t\t}\n\t}\n}\nthe agent says docker login succeeded but pull fails" %
        V.basic_auth("deploy-token-12", V.gitlab()), "docker config auths", "credentials")
    add("agent", "sensitive", "Here is my kubeconfig the agent printed:\napiVersion: v1\nclusters:\n- cluster:\n    "
        "server: https://10.20.0.5:6443\n  name: prod\nusers:\n- name: admin\n  user:\n    token: %s\ncontexts:\n- "
        "context: {cluster: prod, user: admin}\n  name: prod\n\nwhy 'x509: certificate signed by unknown authority'?"
        % V.jwt(), "kubeconfig static token", "token")
    add("agent", "sensitive", "$ aws secretsmanager get-secret-value --secret-id prod/orders/db --query SecretString "
        "--output text\n{\"username\":\"orders_admin\",\"password\":\"%s\",\"engine\":\"postgres\",\"host\":\"orders.c9x2kq"
        ".eu-west-1.rds.amazonaws.com\",\"port\":5432}\n\nwrite a bash one-liner that connects with psql" % V.password(),
        "secretsmanager get-secret-value", "password")
    sa = {"type": "service_account", "project_id": "acme-data-prod", "private_key_id": V.hex(40),
          "private_key": V.pem_private_key(""), "client_email": "etl@acme-data-prod.iam.gserviceaccount.com"}
    add("agent", "sensitive", "Der Agent hat `cat sa-key.json` ausgeführt:\n%s\nWarum meldet BigQuery 'invalid_grant'?"
        % json.dumps(sa, indent=2), "de gcp sa key json", "private_key")
    add("agent", "sensitive", "CI log (set -x):\n+ mysqldump -h 10.0.2.9 -u backup -p%s --all-databases\n+ gzip -9\n"
        "mysqldump: Got error: 2013: Lost connection to server during query\n\nHow do I make the dump resumable?" %
        V.password().replace("$", "x"), "set -x mysqldump -p", "password")
    add("agent", "sensitive", "$ git remote -v\norigin\thttps://x-access-token:%s@github.com/acme/infra.git (fetch)\n"
        "origin\thttps://x-access-token:%s@github.com/acme/infra.git (push)\n\nwhy does push ask for a password now?" %
        ((lambda t: (t, t))("ghs_" + V.s(36))), "git remote token url", "token")
    add("agent", "sensitive", json.dumps({"type": "tool_use", "id": "toolu_" + V.s(24), "name": "bash", "input": {
        "command": "export STRIPE_API_KEY=%s && stripe listen --forward-to localhost:4242/webhook" % V.stripe()}}),
        "tool_use input export live key", "api_key")
    add("toolcall", "sensitive", json.dumps({"jsonrpc": "2.0", "id": 5, "result": {"content": [{"type": "text", "text":
        "# ~/.pgpass\ndb.prod.internal:5432:*:postgres:%s\nreplica.prod.internal:5432:*:repl:%s\n" %
        (V.password(), V.password())}]}}), "MCP read_file pgpass", "password")
    add("toolcall", "sensitive", "Browser capture of https://admin.acme-hr.com/employees?page=3:\n<tr><td>%s</td><td>"
        "%s</td><td>Payroll</td><td>$%d</td></tr>\n<tr><td>%s</td><td>%s</td><td>Sales</td><td>$%d</td></tr>\n"
        "Export this table to CSV." % (V.name(), V.ssn(), V.r.randint(60, 150) * 1000, V.name(), V.ssn(),
                                      V.r.randint(60, 150) * 1000), "browser html table ssn salary", "ssn")
    p = P("es")
    add("toolcall", "sensitive", "Texto OCR de la foto del DNI que subió el usuario:\nREINO DE ESPAÑA  DOCUMENTO NACIONAL "
        "DE IDENTIDAD\nAPELLIDOS %s\nNOMBRE %s\nDNI %s\nFECHA DE NACIMIENTO %s\n\nAgente: rellena el formulario de "
        "alta con estos datos." % (p.split()[1].upper(), p.split()[0].upper(), V.es_dni(), V.dob("es")),
        "es ocr DNI photo", "national_id")
    p = P("de")
    add("rag", "sensitive", "Quelle: Notion › Praxis › Arztbriefe › 2026-11\nPatient: %s, geb. %s\nDiagnosen: F33.1 "
        "rezidivierende depressive Störung, gegenwärtig mittelgradig; E66.0 Adipositas\nProcedere: Escitalopram 10 mg "
        "\n\nFrage: Formuliere den Brief für den Hausarzt kürzer." % (p, V.dob("de")), "de notion doctor letter",
        "health")
    p = P("ja")
    add("rag", "sensitive", "[retrieved] Zendesk チケット #%d\nお客様: %s 様\nカード番号: %s\n内容: 二重請求の返金依頼\n"
        "\n返信文を作ってください。" % (V.r.randint(10000, 99999), p, V.card()), "ja zendesk card", "card")
    p = P("nl")
    add("rag", "sensitive", "Context (SharePoint > Salarisadministratie > Loonbeslag): op het loon van %s wordt vanaf "
        "december € 412,00 per maand ingehouden op last van de deurwaarder; beslagvrije voet € 1.486,00.\n"
        "Vraag: hoe verwerk ik dit in de loonstrook?" % p, "nl garnishment named employee", "payroll")
    p = P("it")
    add("rag", "sensitive", "Frammento (Google Drive › Clinica › Referti): Paziente %s, CF %s. Esito RM encefalo: "
        "lesioni demielinizzanti compatibili con sclerosi multipla. Controllo neurologico tra 3 mesi.\n\nSpiega il "
        "referto in parole semplici." % (p, V.it_fiscal_code()), "it clinic report", "health")
    p = P("pt")
    add("rag", "sensitive", "Fonte: Confluence › Salários › Revisão 2027\n%s: vencimento base 2.350 € → 2.520 €; prémio "
        "de desempenho 1.800 €; IBAN %s.\nPergunta: qual é o aumento percentual?" % (p, V.iban_cc("PT")),
        "pt confluence salary review", "payroll")
    p = P("pl")
    add("sysprompt", "sensitive", "System: Jesteś asystentem przychodni. Pacjentka: %s, PESEL %s, tel. %s. Rozpoznanie: "
        "cukrzyca typu 2, nadciśnienie. Leki: metformina 1000 mg.\nUżytkownik: czy mogę przełożyć wizytę kontrolną?"
        % (p, V.pl_pesel(), ph("pl")), "pl clinic system prompt", "health")
    p = P("fr")
    add("meeting", "sensitive", "Résume la réunion RH :\nClaire : Pour %s, on lance la procédure de licenciement pour "
        "insuffisance professionnelle, entretien préalable le 14.\nMarc : Il est au courant de son arrêt pour "
        "dépression ? Ça complique.\nClaire : On en parle avec l'avocat." % p, "fr meeting dismissal health",
        "hr_record")
    p = P("pt")
    add("meeting", "sensitive", "Resume a chamada:\nRui: A %s pediu para trabalhar de casa porque está a fazer "
        "quimioterapia até fevereiro.\nInês: Aprovado, mas não comentem com a equipa." % p, "pt meeting chemotherapy",
        "health")
    p = P("es")
    add("memory", "sensitive", "Recuerdos del asistente:\n- Se llama %s, DNI %s\n- Tarjeta guardada para reservas: %s "
        "(caduca 10/27)\n- Viaja a Lisboa el 18 de diciembre\n\nUsuario: resérvame un hotel cerca de Alfama." %
        (p, V.es_dni(), V.card()), "es memory dni card", "card")
    p = P("ja")
    add("memory", "sensitive", "【アシスタントの記憶】\n・ユーザー名: %s\n・自宅: %s\n・携帯: %s\n・持病: てんかん（服薬中）\n"
        "\n質問: 来週の出張の持ち物リストを作って。" % (p, V.addr("ja"), ph("ja")), "ja memory epilepsy address",
        "health")


def more_lookalikes():
    add("agent", "vendor", "$ aws configure list\n      Name                    Value             Type    Location\n"
        "      ----                    -----             ----    --------\n   profile                <not set>"
        "             None    None\naccess_key     ****************QX7M shared-credentials-file\nsecret_key     "
        "****************9fKp shared-credentials-file\n    region             eu-west-1      config-file    "
        "~/.aws/config\n\nwhich profile is used?", "aws configure list masked", "masked")
    add("agent", "vendor", "$ wrangler secret list\n[\n  {\"name\": \"STRIPE_KEY\", \"type\": \"secret_text\"},\n  "
        "{\"name\": \"DB_URL\", \"type\": \"secret_text\"}\n]\nhow do I read one inside the worker?",
        "wrangler secret names", "none")
    add("agent", "vendor", "compose.yaml:\nservices:\n  db:\n    image: postgres:16\n    environment:\n      "
        "POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    "
        "file: ./secrets/db_password.txt\n\nis the file mounted read-only?", "compose secrets file", "secret_reference")
    add("agent", "vendor", "$ git remote -v\norigin\tgit@github.com:acme/infra.git (fetch)\norigin\tgit@github.com:acme/"
        "infra.git (push)\n\nswitch it to https?", "git remote plain", "none")
    add("agent", "vendor", "~/.kube/config (EKS):\nusers:\n- name: arn:aws:eks:eu-west-1:123456789012:cluster/prod\n  "
        "user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: "
        "[eks, get-token, --cluster-name, prod]\n\nwhy does kubectl hang?", "kubeconfig exec plugin", "none")
    add("agent", "vendor", "kubectl get sealedsecret db-creds -o yaml\napiVersion: bitnami.com/v1alpha1\nkind: "
        "SealedSecret\nspec:\n  encryptedData:\n    password: %s\n\nCan I commit this to git?" % V.sealed_blob()[:200],
        "sealed secret", "sealed_secret")
    add("agent", "vendor", "The jwt.io example token the agent used in a unit test:\neyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV"
        "_adQssw5c\nIs it fine to keep in the fixtures?", "jwt.io sample", "jwt_docs")
    add("agent", "vendor", "$ cat ~/.ssh/authorized_keys\n%s deploy@ci\n%s dev@laptop\n\nWhich key does the CI use?" %
        (V.ssh_public_key(), V.ssh_public_key()), "authorized_keys public", "public_key")
    add("agent", "vendor", "package-lock.json excerpt:\n\"node_modules/axios\": {\n  \"version\": \"1.7.4\",\n  "
        "\"resolved\": \"https://registry.npmjs.org/axios/-/axios-1.7.4.tgz\",\n  \"integrity\": \"%s\"\n}\nwhy does npm "
        "ci say EINTEGRITY?" % V.npm_integrity(), "npm integrity", "hashes")
    add("agent", "vendor", "pytest fixture written by the agent:\n@pytest.fixture\ndef card():\n    return {\"number\": "
        "\"4111 1111 1111 1111\", \"exp\": \"12/30\", \"cvc\": \"123\"}\nIs this test card accepted by Adyen's sandbox?",
        "test card fixture", "test_card")
    add("agent", "vendor", ".env.example\nDB_HOST=localhost\nDB_USER=\nDB_PASSWORD=\nREDIS_URL=redis://localhost:6379\n"
        "SENTRY_DSN=\n\nthe agent created this; add comments explaining each var", "env example empty", "placeholder")
    add("agent", "vendor", "$ uuidgen; uuidgen\n%s\n%s\nUse these as idempotency keys in the retry example." %
        (V.uuid().upper(), V.uuid().upper()), "uuids", "uuids")
    add("toolcall", "vendor", json.dumps({"type": "function", "function": {"name": "create_invoice", "arguments":
        json.dumps({"supplier": "Marchetti Forniture S.r.l.", "partita_iva": V.it_vat(), "importo": 1220.0,
                    "descrizione": "sedie ufficio"})}}), "function args company vat", "company_number")
    add("toolcall", "vendor", "Browser capture: product page\n<h1>Trail Runner 3</h1><span class=price>€129,95</span>"
        "<span>SKU 4062-118-77</span><button>In den Warenkorb</button>\nCompare with the competitor's price.",
        "product page", "sku")
    add("toolcall", "vendor", "OCR of the error dialog: \"The application was unable to start correctly (0xc000007b). "
        "Click OK to close the application.\" What causes this?", "ocr error dialog", "none")
    add("rag", "vendor", "Quelle: Wikipedia (de) › Diabetes mellitus Typ 1\n\"Der Typ-1-Diabetes ist eine "
        "Autoimmunerkrankung, bei der die insulinproduzierenden Betazellen zerstört werden.\"\nFrage: Erkläre das "
        "einem Zehnjährigen.", "de wikipedia diabetes", "public_doc")
    add("rag", "vendor", "【出典】プレスリリース（2026年11月20日公開）\n当社は新型センサー「KS-200」を12月1日より販売開始"
        "します。価格はオープン。\n\n要約して英訳して。", "ja public press release", "none")
    add("rag", "vendor", "Bron: werkenbij-site (openbaar) > Vacature Data Engineer\nSalaris: € 4.200 – € 5.800 bruto per "
        "maand, 30 vakantiedagen.\nVraag: schrijf een LinkedIn-post.", "nl public job ad", "statistics")
    add("rag", "vendor", "Extrait (Légifrance, décision anonymisée) : « M. X... a été licencié pour faute grave ; la "
        "cour retient l'absence de cause réelle et sérieuse. » Quelle est la portée de cet arrêt ?",
        "fr anonymized court decision", "public_doc")
    add("rag", "vendor", "Fonte: Portal das Finanças (FAQ pública): \"O NIF tem 9 dígitos, por exemplo 123456789; o "
        "último é um dígito de controlo.\" Como se valida?", "pt public faq nif example", "placeholder")
    add("rag", "vendor", "Fragmento (BOE, público): Real Decreto-ley 5/2023, artículo 2: permiso retribuido de cinco "
        "días por accidente o enfermedad grave de un familiar.\n¿Aplica a primos?", "es public law", "public_doc")
    add("sysprompt", "vendor", "System: You are the virtual receptionist of Acme GmbH. Our switchboard is +49 30 "
        "1234 5670 and opening hours are 9-17. Never give out employees' direct lines.\nUser: when are you open?",
        "company switchboard in system prompt", "company_phone")
    add("memory", "vendor", "Memoria: il cane dell'utente, Bello, ha l'epilessia e prende fenobarbital.\nDomanda: "
        "posso portarlo in montagna a 2000 m?", "it memory dog epilepsy", "animal_health")
    add("meeting", "vendor", "Summarize the retro: went well — faster CI (12 → 7 min); to improve — flaky e2e tests, "
        "unclear ownership of the billing service; actions — add CODEOWNERS, quarantine flaky tests.",
        "retro no personal data", "none")
    add("meeting", "vendor", "Riassumi: webinar pubblico sul GDPR, relatore avv. esterno, 240 partecipanti; temi: basi "
        "giuridiche, DPIA, data breach entro 72 ore.", "it public webinar", "none")


agent_cases()
agent_lookalikes()
tool_cases()
tool_lookalikes()
rag_cases()
rag_lookalikes()
assistant_cases()
assistant_lookalikes()
more_cases()
more_lookalikes()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout14.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
