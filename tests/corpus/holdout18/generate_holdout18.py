#!/usr/bin/env python3
"""Writes the eighteenth held-out split (tests/corpus/holdout18/holdout18.jsonl), issue 17 round 14,
run once as written. Its style is data and machine-learning work, which no split had as such: what
analysts, data scientists and ML engineers paste. Query results as consoles print them (psql aligned
and \\x expanded, mysql boxes, sqlite3 .mode line, ClickHouse Pretty), BigQuery/Snowflake/Athena
result JSON and CSV downloads, pandas prints (DataFrame, info(), head().to_dict(), sample()), R
tibbles and str(), polars and Spark show() tables, Stata and SPSS output, Excel formulas and pivot
tables, BI exports (Tableau, Power BI, Looker, Metabase question JSON), log analytics (Splunk,
Kibana Discover CSV, Datadog, Loki), dbt and Airflow logs and connections (airflow connections
export, profiles.yml, Great Expectations failures with sample rows), LLM datasets (fine-tuning JSONL,
eval sets, RLHF preference pairs, Label Studio and Prodigy tasks, LangSmith/Langfuse traces,
embedding metadata with chunk text), MLflow/W&B configs, HF_TOKEN, kaggle.json, DVC remotes,
vector-database clients. The human text is in the nine languages, weighted to the eight non-English
ones.
Labeled by what may leave the company: a credential, a private key, a named person's contact,
finance, identifier or health data (also inside a dataset row or a fine-tuning example) are
sensitive. Look-alikes are vendor: schemas and column lists without rows, data dictionaries,
masked, hashed or pseudonymized identifiers, k-anonymized and aggregate tables, public data sets
(Titanic, Iris, penguins, census tables), synthetic data that says so, documentation examples and
placeholders, configs reading secrets from the environment, model cards, benchmark numbers,
companies' registration numbers, general questions.
Run: python3 tests/corpus/holdout18/generate_holdout18.py"""

import base64
import hashlib
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

LANGS = ["de", "fr", "es", "it", "nl", "pt", "pl", "ja", "en"]


class H18Values(WorldValues):
    IBAN_LENGTHS = dict(WorldValues.IBAN_LENGTHS, DE=(22, "n"), FR=(27, "n"), ES=(24, "n"), AT=(20, "n"))

    def hex(self, n):
        return self.s(n, HEXD)

    def mail(self, person, domain=None):
        tr = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "é": "e", "è": "e", "í": "i", "á": "a",
                            "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "ê": "e", "ł": "l", "ś": "s",
                            "ń": "n", "ż": "z", "ć": "c", "ã": "a", "É": "e", "Ł": "l", "ò": "o", " ": ""})
        if not person.isascii() and " " not in person:
            local = self.pick(["yuki.tanaka", "s.sato", "kenji_ito", "m.suzuki", "takahashi.yumi", "nakamura.h"])
        else:
            first, last = person.split(" ", 1)
            f, l = first.lower().translate(tr), last.lower().translate(tr)
            local = self.pick([f + "." + l, f[0] + l, f + str(self.r.randint(70, 99)), l + "." + f])
        return local + "@" + (domain or self.pick(["gmail.com", "gmx.de", "web.de", "orange.fr", "free.fr",
                                                   "hotmail.es", "libero.it", "ziggo.nl", "sapo.pt", "wp.pl",
                                                   "onet.pl", "docomo.ne.jp", "yahoo.co.jp", "outlook.com",
                                                   "icloud.com", "t-online.de", "laposte.net", "proton.me"]))

    def phone(self, lang, international=None):
        region = {"en": "uk", "ja": "jp"}.get(lang, lang)
        return self.phone_eu(region, international)

    def iban_for(self, lang, grouped=None):
        cc = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL",
              "ja": "DE", "en": "BE"}[lang]
        return self.iban_cc(cc, grouped=grouped)

    def national_id(self, lang):
        return {"de": lambda: self.de_tax_id(spaced=False), "fr": lambda: self.fr_nir(spaced=False),
                "es": lambda: self.es_dni(), "it": self.it_fiscal_code, "nl": lambda: self.nl_bsn(),
                "pt": self.pt_nif_personal, "pl": lambda: self.pl_pesel(), "ja": lambda: self.jp_my_number(),
                "en": self.uk_nino}[lang]()

    def day(self, y0=2025, y1=2026):
        return "%d-%02d-%02d" % (self.r.randint(y0, y1), self.r.randint(1, 12), self.r.randint(1, 28))

    def ts(self):
        return "%s %02d:%02d:%02d" % (self.day(2026, 2026), self.r.randint(0, 23), self.r.randint(0, 59),
                                      self.r.randint(0, 59))

    def wandb_key(self):
        return self.s(40, HEXD)

    def kaggle_key(self):
        return self.s(32, HEXD)

    def databricks(self):
        return "dapi" + self.s(32, HEXD)

    def langsmith(self):
        return "lsv2_pt_" + self.s(32, HEXD) + "_" + self.s(10, HEXD)

    def langfuse_secret(self):
        return "sk-lf-" + self.uuid()

    def langfuse_public(self):
        return "pk-lf-" + self.uuid()

    def pinecone(self):
        return "pcsk_" + self.s(6, ALNUM) + "_" + self.s(60, ALNUM)

    def sha_email(self):
        return hashlib.sha256(self.s(12, LOWER).encode()).hexdigest()


V = H18Values(20261218)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout18-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def P(lg):
    return V.person(lg)


def jd(obj, indent=None):
    return json.dumps(obj, indent=indent, ensure_ascii=False)


def cycle(n, langs=None):
    langs = langs or LANGS[:-1]
    start = R.randint(0, len(langs) - 1)
    return [langs[(start + i) % len(langs)] for i in range(n)]


ASK = {
    "de": {"dup": "Warum bekomme ich hier doppelte Zeilen?", "agg": "Wie fasse ich das pro Monat zusammen?",
           "plot": "Wie mache ich daraus ein Balkendiagramm?", "clean": "Wie bereinige ich die Spalte?",
           "err": "Was bedeutet dieser Fehler?", "expl": "Kannst du mir die Ausgabe erklären?",
           "sql": "Schreib mir eine Abfrage, die das nach Stadt gruppiert.", "fix": "Wie behebe ich das?",
           "sum": "Fass das bitte kurz zusammen.", "ok": "Passt das Format für das Training?"},
    "fr": {"dup": "Pourquoi j'ai des lignes en double ?", "agg": "Comment agréger ça par mois ?",
           "plot": "Comment en faire un graphique en barres ?", "clean": "Comment nettoyer cette colonne ?",
           "err": "Que veut dire cette erreur ?", "expl": "Tu peux m'expliquer cette sortie ?",
           "sql": "Écris-moi une requête qui regroupe par ville.", "fix": "Comment je corrige ça ?",
           "sum": "Tu peux résumer ça ?", "ok": "Le format est bon pour le fine-tuning ?"},
    "es": {"dup": "¿Por qué me salen filas duplicadas?", "agg": "¿Cómo lo agrego por mes?",
           "plot": "¿Cómo hago un gráfico de barras con esto?", "clean": "¿Cómo limpio esta columna?",
           "err": "¿Qué significa este error?", "expl": "¿Me explicas esta salida?",
           "sql": "Escríbeme una consulta que agrupe por ciudad.", "fix": "¿Cómo lo arreglo?",
           "sum": "¿Me haces un resumen?", "ok": "¿Está bien el formato para el fine-tuning?"},
    "it": {"dup": "Perché ottengo righe duplicate?", "agg": "Come lo aggrego per mese?",
           "plot": "Come ne faccio un grafico a barre?", "clean": "Come pulisco questa colonna?",
           "err": "Cosa significa questo errore?", "expl": "Mi spieghi questo output?",
           "sql": "Scrivimi una query che raggruppi per città.", "fix": "Come lo sistemo?",
           "sum": "Me lo riassumi?", "ok": "Il formato va bene per il fine-tuning?"},
    "nl": {"dup": "Waarom krijg ik dubbele rijen?", "agg": "Hoe tel ik dit op per maand?",
           "plot": "Hoe maak ik hier een staafdiagram van?", "clean": "Hoe schoon ik deze kolom op?",
           "err": "Wat betekent deze fout?", "expl": "Kun je deze output uitleggen?",
           "sql": "Schrijf een query die groepeert per stad.", "fix": "Hoe los ik dit op?",
           "sum": "Kun je dit samenvatten?", "ok": "Is dit formaat goed voor fine-tuning?"},
    "pt": {"dup": "Porque é que me aparecem linhas duplicadas?", "agg": "Como agrego isto por mês?",
           "plot": "Como faço um gráfico de barras com isto?", "clean": "Como limpo esta coluna?",
           "err": "O que quer dizer este erro?", "expl": "Podes explicar-me este resultado?",
           "sql": "Escreve uma query que agrupe por cidade.", "fix": "Como resolvo isto?",
           "sum": "Podes resumir isto?", "ok": "O formato está bom para fine-tuning?"},
    "pl": {"dup": "Dlaczego dostaję zduplikowane wiersze?", "agg": "Jak to zagregować po miesiącach?",
           "plot": "Jak zrobić z tego wykres słupkowy?", "clean": "Jak wyczyścić tę kolumnę?",
           "err": "Co oznacza ten błąd?", "expl": "Możesz wyjaśnić ten wynik?",
           "sql": "Napisz zapytanie, które grupuje po mieście.", "fix": "Jak to naprawić?",
           "sum": "Streść to proszę.", "ok": "Czy ten format jest dobry do fine-tuningu?"},
    "ja": {"dup": "なぜ重複した行が出るのですか？", "agg": "月ごとに集計するには？", "plot": "棒グラフにするには？",
           "clean": "この列をきれいにするには？", "err": "このエラーの意味は？", "expl": "この出力を説明してください。",
           "sql": "都市ごとに集計するクエリを書いてください。", "fix": "どう直せばいいですか？", "sum": "要約してください。",
           "ok": "ファインチューニング用の形式として問題ないですか？"},
    "en": {"dup": "Why am I getting duplicate rows?", "agg": "How do I aggregate this by month?",
           "plot": "How do I turn this into a bar chart?", "clean": "How do I clean up this column?",
           "err": "What does this error mean?", "expl": "Can you explain this output?",
           "sql": "Write me a query that groups this by city.", "fix": "How do I fix this?",
           "sum": "Can you summarize this?", "ok": "Is this format fine for fine-tuning?"},
}


def ask(lg, key=None):
    return ASK[lg][key or R.choice(list(ASK[lg]))]


CITY = {"de": ["Berlin", "Köln", "Leipzig", "Hamburg"], "fr": ["Lyon", "Lille", "Nantes", "Paris"],
        "es": ["Sevilla", "Valencia", "Bilbao", "Madrid"], "it": ["Torino", "Bologna", "Napoli", "Milano"],
        "nl": ["Utrecht", "Groningen", "Eindhoven", "Rotterdam"], "pt": ["Porto", "Braga", "Lisboa", "Coimbra"],
        "pl": ["Kraków", "Gdańsk", "Wrocław", "Poznań"], "ja": ["東京", "大阪", "札幌", "福岡"],
        "en": ["Leeds", "Bristol", "London", "Glasgow"]}

COND = {
    "de": ["Typ-2-Diabetes", "Depression", "Multiple Sklerose", "Brustkrebs", "HIV-positiv", "Epilepsie"],
    "fr": ["diabète de type 2", "dépression sévère", "sclérose en plaques", "cancer du sein", "VIH positif",
           "épilepsie"],
    "es": ["diabetes tipo 2", "depresión mayor", "esclerosis múltiple", "cáncer de mama", "VIH positivo",
           "epilepsia"],
    "it": ["diabete di tipo 2", "depressione maggiore", "sclerosi multipla", "tumore al seno", "HIV positivo",
           "epilessia"],
    "nl": ["diabetes type 2", "depressie", "multiple sclerose", "borstkanker", "hiv-positief", "epilepsie"],
    "pt": ["diabetes tipo 2", "depressão grave", "esclerose múltipla", "cancro da mama", "VIH positivo",
           "epilepsia"],
    "pl": ["cukrzyca typu 2", "depresja", "stwardnienie rozsiane", "rak piersi", "zakażenie HIV", "padaczka"],
    "ja": ["2型糖尿病", "うつ病", "多発性硬化症", "乳がん", "HIV陽性", "てんかん"],
    "en": ["type 2 diabetes", "major depression", "multiple sclerosis", "breast cancer", "HIV positive",
           "epilepsy"],
}


def people(lg, n):
    return [P(lg) for _ in range(n)]


# ------------------------------------------------------------------------------------ SQL consoles
def psql_aligned(header, rows):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(header)]
    out = [" " + " | ".join(str(h).center(w) for h, w in zip(header, widths))]
    out.append("-" + "-+-".join("-" * w for w in widths) + "-")
    for r in rows:
        out.append(" " + " | ".join(str(v).ljust(w) for v, w in zip(r, widths)))
    out.append("(%d row%s)" % (len(rows), "" if len(rows) == 1 else "s"))
    return "\n".join(out)


def psql_expanded(header, rows):
    w = max(len(h) for h in header)
    out = []
    for i, r in enumerate(rows, 1):
        out.append("-[ RECORD %d ]%s" % (i, "-" * (w + 8)))
        for h, v in zip(header, r):
            out.append("%s | %s" % (h.ljust(w), v))
    return "\n".join(out)


def mysql_box(header, rows):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(header)]
    sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [sep, "| " + " | ".join(str(h).ljust(w) for h, w in zip(header, widths)) + " |", sep]
    for r in rows:
        out.append("| " + " | ".join(str(v).ljust(w) for v, w in zip(r, widths)) + " |")
    out.append(sep)
    out.append("%d rows in set (0.%02d sec)" % (len(rows), R.randint(0, 99)))
    return "\n".join(out)


def sqlite_line(header, rows):
    w = max(len(h) for h in header)
    return "\n\n".join("\n".join("%s = %s" % (h.rjust(w), v) for h, v in zip(header, r)) for r in rows)


def clickhouse_pretty(header, rows):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(header)]
    top = "┏━" + "━┳━".join("━" * w for w in widths) + "━┓"
    head = "┃ " + " ┃ ".join(str(h).ljust(w) for h, w in zip(header, widths)) + " ┃"
    mid = "┡━" + "━╇━".join("━" * w for w in widths) + "━┩"
    body = ["│ " + " │ ".join(str(v).ljust(w) for v, w in zip(r, widths)) + " │" for r in rows]
    bot = "└─" + "─┴─".join("─" * w for w in widths) + "─┘"
    return "\n".join([top, head, mid] + body + [bot])


def spark_show(header, rows):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(header)]
    sep = "+" + "+".join("-" * w for w in widths) + "+"
    out = [sep, "|" + "|".join(str(h).rjust(w) for h, w in zip(header, widths)) + "|", sep]
    for r in rows:
        out.append("|" + "|".join(str(v).rjust(w) for v, w in zip(r, widths)) + "|")
    out.append(sep)
    return "\n".join(out)


def pandas_print(header, rows):
    cols = [""] + list(header)
    data = [[str(i)] + [str(v) for v in r] for i, r in enumerate(rows)]
    widths = [max(len(c), *(len(d[i]) for d in data)) for i, c in enumerate(cols)]
    out = ["  ".join(c.rjust(w) for c, w in zip(cols, widths))]
    for d in data:
        out.append("  ".join(v.rjust(w) for v, w in zip(d, widths)))
    return "\n".join(out)


def polars_print(header, types, rows):
    widths = [max(len(str(h)), len(t) + 2, *(len(str(r[i])) + 2 for r in rows)) for i, (h, t) in
              enumerate(zip(header, types))]
    out = ["shape: (%d, %d)" % (len(rows), len(header))]
    out.append("┌" + "┬".join("─" * (w + 2) for w in widths) + "┐")
    out.append("│ " + " ┆ ".join(str(h).ljust(w) for h, w in zip(header, widths)) + " │")
    out.append("│ " + " ┆ ".join(("---").ljust(w) for w in widths) + " │")
    out.append("│ " + " ┆ ".join(t.ljust(w) for t, w in zip(types, widths)) + " │")
    out.append("╞" + "╪".join("═" * (w + 2) for w in widths) + "╡")
    for r in rows:
        out.append("│ " + " ┆ ".join(('"%s"' % v if isinstance(v, str) else str(v)).ljust(w)
                                       for v, w in zip(r, widths)) + " │")
    out.append("└" + "┴".join("─" * (w + 2) for w in widths) + "┘")
    return "\n".join(out)


def console_tables():
    # customers with e-mail and phone, in four console formats
    fmts = [("psql", psql_aligned), ("psql-x", psql_expanded), ("mysql", mysql_box), ("sqlite-line", sqlite_line),
            ("clickhouse", clickhouse_pretty), ("psql", psql_aligned), ("mysql", mysql_box)]
    for (fname, fmt), lg in zip(fmts, cycle(len(fmts))):
        ps = people(lg, R.randint(2, 3))
        header = R.choice([["id", "name", "email", "phone", "city"], ["customer_id", "full_name", "email",
                                                                        "mobile", "created_at"]])
        rows = []
        for p in ps:
            last = R.choice(CITY[lg]) if header[-1] == "city" else V.day()
            rows.append([R.randint(1000, 99999), p, V.mail(p), V.phone(lg), last])
        q = "SELECT %s FROM customers WHERE created_at > '2026-01-01' LIMIT %d;" % (", ".join(header), len(rows))
        add("sqlconsole", "sensitive", q + "\n" + fmt(header, rows) + "\n\n" + ask(lg),
            "%s customers with email and phone (%s)" % (fname, lg), "email,phone")
    # bank accounts of members / employees
    for (fname, fmt), lg in zip([("psql-x", psql_expanded), ("mysql", mysql_box), ("clickhouse", clickhouse_pretty),
                                 ("sqlite-line", sqlite_line)], cycle(4)):
        ps = people(lg, 2)
        header = ["member_no", "holder", "iban", "mandate_ref", "amount_eur"]
        rows = [["M-%05d" % R.randint(1, 99999), p, V.iban_for(lg, grouped=R.random() < 0.4),
                 "SEPA-%06d" % R.randint(1, 999999), "%d.%02d" % (R.randint(5, 90), R.randint(0, 99))] for p in ps]
        add("sqlconsole", "sensitive", fmt(header, rows) + "\n\n" + ask(lg, R.choice(["agg", "expl", "sql"])),
            "%s direct-debit mandates with IBAN (%s)" % (fname, lg), "iban")
    # national identifiers
    for (fname, fmt), lg in zip([("psql", psql_aligned), ("mysql", mysql_box), ("psql-x", psql_expanded),
                                 ("clickhouse", clickhouse_pretty), ("sqlite-line", sqlite_line)],
                                ["fr", "it", "pl", "nl", "es"]):
        ps = people(lg, 2)
        idcol = {"de": "steuer_id", "fr": "nir", "es": "dni", "it": "codice_fiscale", "nl": "bsn",
                 "pt": "nif", "pl": "pesel", "ja": "my_number", "en": "nino"}[lg]
        header = ["employee_id", "name", idcol, "birth_date", "department"]
        rows = [["E%04d" % R.randint(1, 9999), p, V.national_id(lg), V.dob(lg).replace("/", "-"),
                 R.choice(["Finance", "Ops", "Sales", "IT"])] for p in ps]
        add("sqlconsole", "sensitive", fmt(header, rows) + "\n\n" + ask(lg), "%s employees with %s (%s)" % (
            fname, idcol, lg), "national_id")
    # health rows
    for (fname, fmt), lg in zip([("psql", psql_aligned), ("mysql", mysql_box), ("psql-x", psql_expanded)],
                                ["de", "pt", "ja"]):
        ps = people(lg, 2)
        header = ["patient_id", "patient_name", "dob", "diagnosis", "icd10"]
        rows = []
        for p in ps:
            code, _ = V.icd10()
            rows.append(["P-%06d" % R.randint(1, 999999), p, V.dob(lg), R.choice(COND[lg]), code])
        add("sqlconsole", "sensitive", fmt(header, rows) + "\n\n" + ask(lg), "%s patients with diagnosis (%s)" % (
            fname, lg), "health")
    # cards in a payments table
    lg = "es"
    ps = people(lg, 2)
    rows = [[R.randint(10 ** 6, 10 ** 7), p, V.card(sep=""), "%02d/%02d" % (R.randint(1, 12), R.randint(27, 31))]
            for p in ps]
    add("sqlconsole", "sensitive", mysql_box(["order_id", "cardholder", "pan", "exp"], rows) +
        "\n\nEsto sale de la tabla vieja de pagos. ¿Cómo migro esto a tokens?", "mysql payment rows with PAN", "card")
    # password in psql connection/error
    pw = V.password()
    add("sqlconsole", "sensitive", "$ psql \"postgresql://analytics:%s@warehouse-prod.%s.eu-west-1.rds.amazonaws.com:5432/"
        "dwh?sslmode=require\"\npsql: error: connection to server failed: FATAL:  no pg_hba.conf entry for host "
        "\"%s\"\n\nWarum geht die Verbindung vom Notebook-Server nicht?" % (pw, V.s(12, LOWER + DIGITS), V.public_ip()),
        "psql uri with password", "password")
    # vendor: psql \d describing the table
    add("sqlconsole", "vendor", "dwh=> \\d customers\n                     Table \"public.customers\"\n   Column    |   Type"
        "                   | Nullable \n-------------+--------------------------+----------\n customer_id | bigint"
        "                   | not null\n full_name   | text                     | \n email       | text"
        "                     | \n phone       | text                     | \n iban        | character varying(34)"
        "    | \n created_at  | timestamp with time zone | not null\nIndexes:\n    \"customers_pkey\" PRIMARY KEY, btree "
        "(customer_id)\n\nWelche Spalten sollte ich für DSGVO pseudonymisieren?", "psql describe without rows", "schema")
    add("sqlconsole", "vendor", mysql_box(["country", "customers", "avg_basket_eur"], [["FR", 18234, "54.20"], ["BE", 4120,
        "49.85"], ["CH", 2211, "71.03"]]) + "\n\nComment ajouter le pourcentage de chaque pays ?",
        "mysql aggregate by country", "aggregate")
    add("sqlconsole", "vendor", psql_aligned(["customer_id", "email_sha256", "phone_masked", "city"],
                                             [[R.randint(1000, 99999), V.sha_email(), "+49 1** *** **%02d" % R.randint(0, 99),
                                               "Berlin"] for _ in range(3)]) +
        "\n\nSind die Daten so ausreichend pseudonymisiert für das Analytics-Team?", "hashed emails masked phones",
        "hashed")
    add("sqlconsole", "vendor", sqlite_line(["PassengerId", "Survived", "Pclass", "Name", "Sex", "Age"],
                                            [[1, 0, 3, "Braund, Mr. Owen Harris", "male", 22],
                                             [2, 1, 1, "Cumings, Mrs. John Bradley (Florence Briggs Thayer)", "female",
                                              38]]) +
        "\n\nsqlite z Titanicem z Kaggle. Jak policzyć przeżywalność według klasy?", "titanic public dataset",
        "public_dataset")
    add("sqlconsole", "vendor", clickhouse_pretty(["toStartOfHour(ts)", "count()", "uniq(user_id)"],
                                                  [["2026-11-02 10:00:00", 48211, 9120],
                                                   ["2026-11-02 11:00:00", 51877, 9874]]) +
        "\n\nClickHouse: uniq vs uniqExact, welk verschil verwacht ik hier?", "clickhouse hourly counts", "aggregate")
    add("sqlconsole", "vendor", "EXPLAIN ANALYZE SELECT c.customer_id, sum(o.total) FROM customers c JOIN orders o USING "
        "(customer_id) GROUP BY 1;\n HashAggregate  (cost=48211.10..48711.10 rows=50000 width=40) (actual time=812.4.."
        "845.9 rows=48820 loops=1)\n   ->  Hash Join  (cost=1542.00..41932.36 rows=1255748 width=14)\n\n"
        "Perché la query è lenta? Serve un indice su orders.customer_id?", "explain analyze plan", "plan")
    add("sqlconsole", "vendor", mysql_box(["id", "name", "email", "phone"],
                                          [[1, "Max Mustermann", "max.mustermann@example.com", "+49 30 123456"],
                                           [2, "Erika Musterfrau", "erika@example.org", "+49 30 654321"]]) +
        "\n\nDas ist unsere Seed-Datei für die Entwicklungsdatenbank (Musterdaten). Wie lade ich sie mit Flyway?",
        "seed data with placeholder names and example domains", "placeholder")


# ------------------------------------------------------------------------------------ dataframes
def dataframes():
    # pandas print with names, email, salary
    for lg in cycle(3):
        ps = people(lg, 3)
        rows = [[p, V.mail(p), R.randint(38, 120) * 1000, R.choice(CITY[lg])] for p in ps]
        add("dataframe", "sensitive", ">>> df[['name', 'email', 'salary', 'city']].head(3)\n" +
            pandas_print(["name", "email", "salary", "city"], rows) + "\n\n" + ask(lg, R.choice(["agg", "plot", "clean"])),
            "pandas print with employee emails and salaries (%s)" % lg, "email,salary")
    # head().to_dict()
    for lg in cycle(3):
        ps = people(lg, 2)
        d = {"name": {i: p for i, p in enumerate(ps)}, "telefono" if lg in ("es", "it") else "phone":
             {i: V.phone(lg) for i in range(2)}, "iban": {i: V.iban_for(lg, grouped=False) for i in range(2)}}
        add("dataframe", "sensitive", "df.head(2).to_dict()\n" + repr(d) + "\n\n" + ask(lg, R.choice(["expl", "clean", "fix"])),
            "pandas to_dict with phones and IBANs (%s)" % lg, "phone,iban")
    # df.sample() with patients
    for lg in ["fr", "nl", "it"]:
        ps = people(lg, 3)
        rows = [[p, V.dob(lg), R.choice(COND[lg]), R.choice(["oui", "ja", "sì"])] for p in ps]
        hdr = {"fr": ["nom", "date_naissance", "diagnostic", "suivi"], "nl": ["naam", "geboortedatum", "diagnose", "controle"],
               "it": ["nome", "data_nascita", "diagnosi", "follow_up"]}[lg]
        add("dataframe", "sensitive", "In [12]: patients.sample(3, random_state=0)\nOut[12]:\n" + pandas_print(hdr, rows) +
            "\n\n" + ask(lg, R.choice(["agg", "plot"])), "pandas sample of patients (%s)" % lg, "health")
    # R tibble
    for lg in ["es", "pt"]:
        ps = people(lg, 3)
        lines = ["# A tibble: 3 × 4", "  nombre              dni         telefono        saldo" if lg == "es" else
                 "  nome                nif         telemovel       saldo", "  <chr>               <chr>       <chr>           <dbl>"]
        for i, p in enumerate(ps, 1):
            lines.append("%d %-19s %-11s %-15s %s" % (i, p, V.national_id(lg), V.phone(lg, False),
                                                       "%d.%d" % (R.randint(100, 9000), R.randint(0, 9))))
        add("dataframe", "sensitive", "\n".join(lines) + "\n\n" + ask(lg, R.choice(["clean", "agg"])),
            "R tibble with national id and phone (%s)" % lg, "national_id,phone")
    # R str()
    lg = "de"
    ps = people(lg, 3)
    add("dataframe", "sensitive", "> str(kunden)\n'data.frame':\t3 obs. of  4 variables:\n $ name : chr  %s\n $ email: chr  %s\n"
        " $ plz  : int  10115 50667 04109\n $ umsatz: num  1204 88.5 431\n\nWie wandle ich plz in einen Faktor um?" % (
            " ".join('"%s"' % p for p in ps), " ".join('"%s"' % V.mail(p) for p in ps)), "R str with emails", "email")
    # polars
    lg = "pl"
    ps = people(lg, 2)
    add("dataframe", "sensitive", polars_print(["imie_nazwisko", "pesel", "wynagrodzenie"], ["str", "str", "i64"],
                                               [[p, V.pl_pesel(), R.randint(6000, 19000)] for p in ps]) +
        "\n\nJak w polars zrobić group_by po dziale, skoro nie ma tej kolumny?", "polars with pesel and salary", "national_id,salary")
    # Spark show
    for lg in ["it", "de"]:
        ps = people(lg, 3)
        rows = [[p, V.mail(p), V.card(sep=""), "%d.%02d" % (R.randint(10, 900), R.randint(0, 99))] for p in ps]
        add("dataframe", "sensitive", "spark.table(\"raw.payments\").select(\"holder\",\"email\",\"card_number\",\"amount\")"
            ".show(3, truncate=False)\n" + spark_show(["holder", "email", "card_number", "amount"], rows) + "\n\n" +
            ask(lg, R.choice(["dup", "fix"])), "spark show with card numbers (%s)" % lg, "card,email")
    # Stata list
    lg = "en"
    ps = people(lg, 3)
    lines = [". list name nhs_no age dx in 1/3", "", "     +----------------------------------------------------+",
             "     | name               nhs_no         age   dx            |",
             "     |----------------------------------------------------|"]
    for i, p in enumerate(ps, 1):
        lines.append("  %d. | %-18s %-14s %-5d %-13s |" % (i, p, V.nhs_number(), R.randint(30, 80),
                                                        R.choice(["COPD", "T2DM", "CKD 3", "AF"])))
    lines.append("     +----------------------------------------------------+")
    add("dataframe", "sensitive", "\n".join(lines) + "\n\nHow do I tabulate dx by age band in Stata?",
        "stata list of patients with NHS numbers", "health,national_id")
    # SPSS
    lg = "nl"
    ps = people(lg, 2)
    add("dataframe", "sensitive", "LIST VARIABLES=naam bsn leeftijd diagnose /CASES=FROM 1 TO 2.\n\nnaam                bsn"
        "        leeftijd diagnose\n\n%-19s %-10s %d       %s\n%-19s %-10s %d       %s\n\nNumber of cases read:  2    Number"
        " of cases listed:  2\n\nHoe maak ik in SPSS een kruistabel van diagnose per leeftijdsgroep?" % (
            ps[0], V.nl_bsn(), R.randint(20, 80), R.choice(COND[lg]), ps[1], V.nl_bsn(), R.randint(20, 80),
            R.choice(COND[lg])), "spss list with bsn and diagnosis", "health,national_id")
    # vendor dataframes
    add("dataframe", "vendor", "<class 'pandas.core.frame.DataFrame'>\nRangeIndex: 48211 entries, 0 to 48210\nData columns "
        "(total 6 columns):\n #   Column      Non-Null Count  Dtype         \n---  ------      --------------  -----  "
        "       \n 0   kunde_id    48211 non-null  int64         \n 1   name        48190 non-null  object        \n 2   "
        "email       47022 non-null  object        \n 3   iban        45110 non-null  object        \n 4   "
        "geburtsdatum 48211 non-null  datetime64[ns]\n 5   umsatz      48211 non-null  float64       \ndtypes: "
        "datetime64[ns](1), float64(1), int64(1), object(3)\nmemory usage: 2.2+ MB\n\nWarum fehlen bei email so viele "
        "Werte?", "df.info without rows", "schema")
    add("dataframe", "vendor", ">>> df.describe()\n              age        income     tenure\ncount  48211.000000  4.821100e+04  "
        "48211.000000\nmean      41.28       5.12e+04      6.81\nstd       12.90       2.33e+04      4.02\nmin       "
        "18.00       0.00e+00      0.00\nmax       89.00       9.80e+05     31.00\n\nL'income a l'air asymétrique, je le "
        "passe en log ?", "describe statistics", "aggregate")
    add("dataframe", "vendor", ">>> import seaborn as sns\n>>> sns.load_dataset('penguins').head(3)\n  species     island  "
        "bill_length_mm  bill_depth_mm  flipper_length_mm  body_mass_g     sex\n0  Adelie  Torgersen            39.1"
        "           18.7              181.0       3750.0    Male\n1  Adelie  Torgersen            39.5           17.4"
        "              186.0       3800.0  Female\n2  Adelie  Torgersen            40.3           18.0              195.0"
        "       3250.0  Female\n\n¿Cómo imputo los valores que faltan de sex?", "penguins public dataset", "public_dataset")
    add("dataframe", "vendor", "> head(iris, 3)\n  Sepal.Length Sepal.Width Petal.Length Petal.Width Species\n1          5.1"
        "         3.5          1.4         0.2  setosa\n2          4.9         3.0          1.4         0.2  setosa\n3"
        "          4.7         3.2          1.3         0.2  setosa\n\nCome faccio un k-means con 3 cluster in R?",
        "iris", "public_dataset")
    rows = [[V.uuid()[:8], "%s***@%s" % (R.choice(LOWER), R.choice(["gmail.com", "web.de"])), "DE** **** **** **** **%02d" %
             R.randint(0, 99), R.randint(20, 70)] for _ in range(3)]
    add("dataframe", "vendor", pandas_print(["pseudo_id", "email_masked", "iban_masked", "age"], rows) +
        "\n\nDit is de gemaskeerde extractie voor de externe analist. Welke kolommen kunnen nog herleidbaar zijn?",
        "masked extract", "masked")
    add("dataframe", "vendor", "from faker import Faker\nfake = Faker('it_IT')\nFaker.seed(0)\ndf = pd.DataFrame([{'nome': "
        "fake.name(), 'email': fake.email(), 'iban': fake.iban()} for _ in range(1000)])\n\nDati sintetici per i test: "
        "come li salvo in parquet partizionati?", "faker code without values", "synthetic")
    add("dataframe", "vendor", "# SYNTHETIC DATA (generated with Faker, seed=42) — not real people\n" +
        pandas_print(["name", "email", "phone"], [["Ryan Gallagher", "ryan.gallagher@example.net", "555-0143"],
                                                  ["Dana Whitfield", "dwhitfield@example.com", "555-0178"]]) +
        "\n\nCan you write pytest fixtures from these rows?", "faker data marked synthetic", "synthetic")
    add("dataframe", "vendor", polars_print(["region", "n", "median_wage"], ["str", "u32", "f64"],
                                            [["Mazowieckie", 412, 8120.5], ["Małopolskie", 388, 7340.0]]) +
        "\n\nCzy przy n < 10 powinienem ukrywać komórki (k-anonimowość)?", "aggregate by region", "aggregate")
    add("dataframe", "vendor", spark_show(["age_band", "postcode3", "count"], [["30-39", "101", 14], ["40-49", "104", 22],
                                                                              ["50-59", "120", 11]]) +
        "\n\nk=10 で k-匿名化した集計です。この粒度で外部に出しても大丈夫ですか？", "k-anonymized counts", "aggregate")
    add("dataframe", "vendor", ". summarize wage hours tenure\n\n    Variable |        Obs        Mean    Std. dev.       Min"
        "        Max\n-------------+---------------------------------------------------------\n        wage |      2,246"
        "    7.766949    5.755523   1.004952   40.74659\n\nDas ist der nlsw88-Datensatz aus Stata. Wie interpretiere "
        "ich die Standardabweichung?", "stata sample dataset summary", "public_dataset")


# ------------------------------------------------------------------------------------ warehouses
def warehouses():
    for lg in cycle(3):
        ps = people(lg, 2)
        rows = [{"user_id": str(R.randint(10 ** 6, 10 ** 7)), "email": V.mail(p), "full_name": p,
                 "phone_number": V.phone(lg, True)} for p in ps]
        add("warehouse", "sensitive", "BigQuery → Save results → JSON\n" + jd(rows, 2) + "\n\n" + ask(lg),
            "bigquery json result with contacts (%s)" % lg, "email,phone")
    for lg in cycle(2):
        ps = people(lg, 3)
        lines = ['"CUSTOMER_NAME","IBAN","BIC","LAST_PAYMENT"']
        for p in ps:
            lines.append('"%s","%s","%s","%s"' % (p, V.iban_for(lg, grouped=False), V.s(4, UPPER) + "DE" + V.s(2, UPPER),
                                                  V.day()))
        add("warehouse", "sensitive", "Snowflake worksheet → Download results (CSV)\n" + "\n".join(lines) + "\n\n" +
            ask(lg, R.choice(["clean", "dup"])), "snowflake csv with IBANs (%s)" % lg, "iban")
    lg = "fr"
    ps = people(lg, 2)
    add("warehouse", "sensitive", '"nom","nir","mutuelle","date_soins","acte"\n' + "\n".join(
        '"%s","%s","%s","%s","%s"' % (p, V.fr_nir(spaced=False), R.choice(["MGEN", "Harmonie", "Malakoff"]), V.day(),
                                      R.choice(["consultation psychiatrie", "chimiothérapie", "dialyse"])) for p in ps) +
        "\n\nRésultat Athena (CSV). Comment je calcule le coût moyen par acte ?", "athena csv with NIR and care", "health,national_id")
    # credentials for warehouses
    pw = V.password()
    add("warehouse", "sensitive", "import snowflake.connector\nconn = snowflake.connector.connect(\n    user='SVC_ANALYTICS',"
        "\n    password='%s',\n    account='%s-%s',\n    warehouse='ANALYTICS_WH',\n    database='RAW',\n)\n\n"
        "Ich bekomme 250001: Could not connect. Ist der Account-Name falsch?" % (pw, V.s(7, UPPER), V.s(7, UPPER)),
        "snowflake connector with password", "password")
    add("warehouse", "sensitive", jd({"type": "service_account", "project_id": "dwh-prod-%s" % V.s(4, DIGITS),
                                      "private_key_id": V.hex(40), "private_key": V.pem_private_key("") + "\n",
                                      "client_email": "looker-bq@dwh-prod.iam.gserviceaccount.com",
                                      "client_id": V.s(21, DIGITS)}, 2) +
        "\n\nQuesto è il json del service account per BigQuery, dove lo metto in Metabase?", "bigquery service account key",
        "private_key")
    add("warehouse", "sensitive", "[athena]\naws_access_key_id = %s\naws_secret_access_key = %s\nregion = eu-central-1\n"
        "s3_staging_dir = s3://athena-results-%s/\n\npyathena leest dit profiel niet. Waarom?" % (
            V.aws_key_id(), V.aws_secret(), V.s(6, LOWER)), "athena aws credentials", "aws_key")
    add("warehouse", "sensitive", "databricks configure --token\nDatabricks Host: https://adb-%s.%d.azuredatabricks.net\n"
        "Token: %s\n\n¿Por qué databricks-cli dice 'Invalid access token'?" % (V.s(16, DIGITS), R.randint(1, 19),
                                                                             V.databricks()), "databricks token", "token")
    # vendor
    add("warehouse", "vendor", jd([{"name": "customer_id", "type": "INTEGER", "mode": "REQUIRED"},
                                   {"name": "email", "type": "STRING", "mode": "NULLABLE", "policyTags": {"names": [
                                       "projects/dwh/locations/eu/taxonomies/1/policyTags/2"]}},
                                   {"name": "iban", "type": "STRING", "mode": "NULLABLE"}], 2) +
        "\n\nbq show --schema: come applico la policy tag anche a iban?", "bigquery schema", "schema")
    add("warehouse", "vendor", "import snowflake.connector, os\nconn = snowflake.connector.connect(\n    user=os.environ['SNOWFLAKE_USER'],"
        "\n    private_key_file=os.environ['SNOWFLAKE_KEY_PATH'],\n    account=os.environ['SNOWFLAKE_ACCOUNT'],\n)\n\n"
        "Est-ce la bonne façon d'utiliser l'authentification par paire de clés ?", "snowflake from env", "env_reference")
    add("warehouse", "vendor", '"year","state","population","median_household_income"\n"2023","Texas","30503301","75780"\n'
        '"2023","Ohio","11785935","69680"\n\nDados do US Census (ACS). Como calculo o crescimento anual?',
        "census public table", "public_dataset")
    add("warehouse", "vendor", "SELECT * FROM `bigquery-public-data.new_york_taxi_trips.tlc_yellow_trips_2022` LIMIT 5\n\n"
        "Die Abfrage scannt 40 GB. Wie mache ich sie billiger?", "public dataset query", "public_dataset")
    add("warehouse", "vendor", '"supplier","vat_id","country","open_invoices"\n"%s S.r.l.","IT%s","IT","3"\n"%s Sp. z o.o.",'
        '"PL%s","PL","1"\n"%s Lda","PT%s","PT","2"\n\nQuali fornitori hanno più fatture aperte?' % (
            V.s(6, UPPER).capitalize(), V.it_vat(), V.s(6, UPPER).capitalize(), V.pl_nip(False),
            V.s(6, UPPER).capitalize(), V.pt_nipc()), "supplier VAT numbers", "company_id")


# ------------------------------------------------------------------------------------ BI
def bi_exports():
    lg = "de"
    ps = people(lg, 3)
    add("bi", "sensitive", "Power BI → Daten exportieren (zusammengefasst)\nMitarbeiter,Abteilung,Bruttogehalt,Bonus\n" +
        "\n".join("%s,%s,%d,%d" % (p, R.choice(["Vertrieb", "IT", "HR"]), R.randint(48, 110) * 1000, R.randint(2, 15) * 500)
                  for p in ps) + "\n\nWie zeige ich das als Matrix mit Summen pro Abteilung?", "power bi salaries", "salary")
    lg = "es"
    ps = people(lg, 2)
    q = {"name": "Clientes morosos", "dataset_query": {"type": "native", "native": {"query": "select nombre, email, iban, deuda "
                                                                                         "from clientes where deuda > 0"}},
         "result_metadata": [{"name": "nombre"}, {"name": "email"}, {"name": "iban"}, {"name": "deuda"}],
         "data": {"rows": [[p, V.mail(p), V.iban_for(lg, grouped=False), R.randint(100, 5000)] for p in ps]}}
    add("bi", "sensitive", jd(q, 2) + "\n\nEsto es la respuesta de la API de Metabase. ¿Cómo la programo como alerta?",
        "metabase question json with rows", "email,iban")
    pw = V.password()
    add("bi", "sensitive", "<datasource caption='DWH' inline='true' name='federated.%s' version='18.1'>\n  <connection class="
        "'postgres' dbname='dwh' odbc-native-protocol='yes' port='5432' server='dwh.%s.eu-central-1.rds.amazonaws.com' "
        "username='tableau_ro' password='%s' sslmode='require' />\n</datasource>\n\nTableau-Workbook (.twb). Warum fragt "
        "Tableau Server trotzdem nach dem Passwort?" % (V.s(28, LOWER + DIGITS), V.s(12, LOWER + DIGITS), pw),
        "tableau twb with password", "password")
    lg = "it"
    ps = people(lg, 3)
    lines = ["\tA\tB\tC\tD", "1\tCliente\tCodice fiscale\tTelefono\tRata"]
    for i, p in enumerate(ps, 2):
        lines.append("%d\t%s\t%s\t%s\t%d" % (i, p, V.it_fiscal_code(), V.phone(lg, False), R.randint(200, 900)))
    lines.append("5\tTotale\t\t\t=SOMMA(D2:D4)")
    add("bi", "sensitive", "\n".join(lines) + "\n\nCome faccio un CERCA.VERT sul codice fiscale da un altro foglio?",
        "excel sheet with codice fiscale", "national_id,phone")
    lg = "pl"
    ps = people(lg, 2)
    add("bi", "sensitive", "=WYSZUKAJ.PIONOWO(A2;Pracownicy!A:F;6;FAŁSZ)\n\nPracownicy!A1:F3\nNazwisko i imię | PESEL | "
        "Stanowisko | Data zatr. | Konto | Pensja\n%s | %s | analityk | 2021-03-01 | %s | 9800\n%s | %s | księgowa | "
        "2019-10-15 | %s | 8700\n\nDlaczego formuła zwraca #N/D?" % (ps[0], V.pl_pesel(), V.iban_for(lg), ps[1],
                                                                   V.pl_pesel(), V.iban_for(lg)),
        "excel lookup with pesel and account", "national_id,iban")
    lg = "nl"
    ps = people(lg, 2)
    add("bi", "sensitive", "Looker → Download → CSV (Explore: ziekteverzuim)\nMedewerker,Afdeling,Verzuimdagen,Reden\n" +
        "\n".join("%s,%s,%d,%s" % (p, R.choice(["Magazijn", "Klantenservice"]), R.randint(5, 60),
                                   R.choice(["burn-out", "hernia", "zwangerschap", "depressie"])) for p in ps) +
        "\n\nKun je het verzuimpercentage per afdeling berekenen?", "looker sick leave per employee", "health")
    lg = "ja"
    ps = people(lg, 2)
    add("bi", "sensitive", "社員名,メールアドレス,携帯電話,評価\n" + "\n".join("%s,%s,%s,%s" % (p, V.mail(p), V.phone(lg),
                                                                         R.choice(["A", "B", "C"])) for p in ps) +
        "\n\nTableau のダッシュボードからエクスポートしました。評価ごとの人数をピボットにしてください。",
        "tableau export with employee contacts", "email,phone")
    # vendor
    add("bi", "vendor", "Rijlabels\tSom van Omzet\tAantal van Order\nNoord\t1.204.551\t8.412\nOost\t988.120\t7.001\nZuid\t"
        "1.450.009\t9.870\nEindtotaal\t3.642.680\t25.283\n\nHoe voeg ik een berekend veld 'gemiddelde orderwaarde' toe?",
        "pivot table totals", "aggregate")
    add("bi", "vendor", "=SI.ERREUR(RECHERCHEV($A2;Clients!$A:$F;5;FAUX);\"inconnu\")\n\nLa formule marche sur la ligne 2 mais "
        "pas quand je la tire vers le bas. Pourquoi ?", "excel formula only", "formula")
    add("bi", "vendor", jd({"name": "Revenue by week", "dataset_query": {"type": "query", "query": {"source-table": 12,
                                                                                                    "aggregation": [["sum", [
                                                                                                        "field", 88, None]]],
                                                                                                    "breakout": [["field", 91,
                                                                                                                  {"temporal-unit": "week"}]]}},
                            "display": "line"}, 2) + "\n\n¿Cómo cambio esto a por mes en la API de Metabase?",
        "metabase question without rows", "no_personal_data")
    add("bi", "vendor", "view: customers {\n  sql_table_name: analytics.dim_customers ;;\n  dimension: email {\n    sql: "
        "${TABLE}.email ;;\n    html: {{ rendered_value | truncate: 3 }}*** ;;\n  }\n  dimension: iban { hidden: yes }\n}\n\n"
        "Looker LookML: is dit genoeg om e-mails te maskeren in dashboards?", "lookml masking", "schema")
    add("bi", "vendor", "Power BI Desktop: 'The credentials provided for the SQL source are invalid. (Source at dwh.database."
        "windows.net;analytics.)'\n\nIch habe das Passwort gerade in Azure geändert. Wo aktualisiere ich es?",
        "power bi error without password", "question")


# ------------------------------------------------------------------------------------ log analytics
def log_analytics():
    lg = "de"
    tok = V.jwt()
    add("logsearch", "sensitive", "index=web sourcetype=access_combined status=401\n\n_time\thost\turi\tAuthorization\n%s\tweb-03\t"
        "/api/v2/orders\tBearer %s\n\nSplunk: warum sind alle 401 obwohl das Token gültig aussieht?" % (V.ts(), tok),
        "splunk result with bearer token", "token")
    lg = "fr"
    ps = people(lg, 2)
    add("logsearch", "sensitive", '"@timestamp","user.email","client.ip","message"\n' + "\n".join(
        '"%s","%s","%s","Password reset requested"' % (V.ts(), V.mail(p), V.public_ip()) for p in ps) +
        "\n\nExport CSV de Kibana Discover. Ces demandes de réinitialisation sont-elles une attaque ?",
        "kibana csv with user emails", "email")
    pw = V.password()
    add("logsearch", "sensitive", "$ logcli query '{app=\"etl\"} |= \"jdbc\"' --limit 3\n%s {app=\"etl\"} Connecting to "
        "jdbc:postgresql://pg-reporting.%s.rds.amazonaws.com:5432/sales?user=etl_loader&password=%s\n\nLoki: wie filtere "
        "ich solche Zeilen künftig heraus?" % (V.ts(), V.s(10, LOWER), pw), "loki line with jdbc password", "password")
    lg = "es"
    p = P(lg)
    add("logsearch", "sensitive", jd({"status": "error", "service": "checkout", "message": "payment declined",
                                      "attributes": {"customer": {"name": p, "email": V.mail(p)},
                                                     "card": {"number": V.card(sep=""), "cvv": "%03d" % R.randint(0, 999)}}},
                                     2) + "\n\nEsto sale de Datadog Logs. ¿Cómo creo un pipeline que lo enmascare?",
        "datadog log with card", "card")
    lg = "it"
    add("logsearch", "sensitive", "source=\"airflow\" \"Variable\"\n%s [2026-11-02, 03:00:01 UTC] {base.py:73} INFO - Using "
        "connection ID 'slack_alerts' for task execution.\n%s INFO - Posting to %s\n\nSplunk: perché il webhook compare nei "
        "log?" % (V.ts(), V.ts(), V.slack_webhook()), "splunk with slack webhook", "webhook")
    # vendor
    add("logsearch", "vendor", "index=web status>=500 | timechart span=1h count by host\n\n_time\tweb-01\tweb-02\tweb-03\n"
        "2026-11-02 10:00\t12\t9\t31\n2026-11-02 11:00\t8\t11\t44\n\nWaarom heeft web-03 veel meer fouten?",
        "splunk timechart", "aggregate")
    add("logsearch", "vendor", '"@timestamp","user.id","event.action","authorization"\n"%s","u_%s","login","Bearer [REDACTED]"\n'
        '"%s","u_%s","login","Bearer [REDACTED]"\n\nKibana : pourquoi le champ authorization est masqué ?' % (
            V.ts(), V.hex(10), V.ts(), V.hex(10)), "kibana redacted", "masked")
    add("logsearch", "vendor", "avg:trace.http.request.duration{service:checkout,env:prod} by {resource_name}.rollup(avg, 300)"
        "\n\n¿Por qué la p99 de /api/pay sube cada noche a las 03:00?", "datadog metric query", "metric")
    add("logsearch", "vendor", "sum by (status) (count_over_time({app=\"etl\"} | json | status=~\"5..\" [5m]))\n\nLoki: "
        "questa query è corretta per contare gli errori per stato?", "logql query", "query")


# ------------------------------------------------------------------------------------ pipelines
def pipelines():
    pw = V.password()
    add("pipeline", "sensitive", jd({"dwh_postgres": {"conn_type": "postgres", "description": "", "login": "airflow_etl",
                                                      "password": pw, "host": "dwh.%s.eu-west-1.rds.amazonaws.com" % V.s(10, LOWER),
                                                      "port": 5432, "schema": "analytics", "extra": ""}}, 4) +
        "\n\nairflow connections export conns.json — wie importiere ich das in die neue Instanz?",
        "airflow connections export json", "password")
    pw = V.password()
    add("pipeline", "sensitive", "$ airflow connections export - --file-format env\nAIRFLOW_CONN_MSSQL_CRM=mssql://crm_reader:%s@"
        "crm-db.%s.westeurope.cloudapp.azure.com:1433/CRM\nAIRFLOW_CONN_AWS_DEFAULT=aws://%s:%s@\n\nVoor Helm: hoe zet ik dit "
        "om naar een Kubernetes Secret?" % (V.basic_auth("x", pw)[:14], V.s(8, LOWER), V.aws_key_id(),
                                             V.aws_secret().replace("/", "%2F").replace("+", "%2B")),
        "airflow connections env export", "password,aws_key")
    pw = V.password()
    add("pipeline", "sensitive", "# ~/.dbt/profiles.yml\nanalytics:\n  target: prod\n  outputs:\n    prod:\n      type: postgres\n"
        "      host: dwh.%s.eu-central-1.rds.amazonaws.com\n      user: dbt_prod\n      password: %s\n      port: 5432\n"
        "      dbname: analytics\n      schema: marts\n      threads: 8\n\ndbt debug dice 'Connection test: ERROR'. "
        "¿Qué falta?" % (V.s(10, LOWER), pw), "dbt profiles.yml with password", "password")
    add("pipeline", "sensitive", "my_snowflake:\n  outputs:\n    dev:\n      type: snowflake\n      account: %s.eu-central-1\n"
        "      user: %s\n      password: \"%s\"\n      role: TRANSFORMER\n      warehouse: DBT_WH\n      database: ANALYTICS\n"
        "  target: dev\n\nPorque é que o dbt não encontra o role?" % (V.s(7, LOWER), P("pt").split()[0].upper(), V.password()),
        "dbt snowflake profile with password", "password")
    lg = "it"
    ps = people(lg, 3)
    add("pipeline", "sensitive", "Validation failed: expect_column_values_to_match_regex(column='email', regex='^[^@]+@[^@]+\\\\."
        "[a-z]+$')\n  unexpected_percent: 0.12\n  partial_unexpected_list: %s\n\nGreat Expectations: come escludo questi "
        "valori dal batch?" % jd([V.mail(p).replace("@", " @") for p in ps] + [V.mail(P(lg))]),
        "great expectations failing emails", "email")
    lg = "de"
    ps = people(lg, 3)
    add("pipeline", "sensitive", "expect_column_values_to_be_unique(column='iban') FAILED\npartial_unexpected_counts:\n" +
        "\n".join("  - value: %s\n    count: 2" % V.iban_for(lg, grouped=False) for _ in ps) +
        "\n\nWoher kommen die doppelten IBANs in der Kundentabelle?", "great expectations duplicate ibans", "iban")
    lg = "pl"
    p = P(lg)
    add("pipeline", "sensitive", "%s  Database Error in model stg_pacjenci (models/staging/stg_pacjenci.sql)\n  invalid input "
        "syntax for type date: \"%s\"\n  CONTEXT: row: pesel=%s, nazwisko=%s, rozpoznanie=%s\n\nJak obsłużyć ten zły format "
        "daty w dbt?" % (V.ts()[11:], "31.02.1987", V.pl_pesel(), p.split()[1], R.choice(COND[lg])),
        "dbt error with patient row", "health,national_id")
    pw = V.password()
    add("pipeline", "sensitive", "[2026-11-03, 02:00:14 UTC] {subprocess.py:93} INFO - + mysqldump -h db-crm.%s.rds.amazonaws.com "
        "-u backup -p'%s' crm customers\n[2026-11-03, 02:00:15 UTC] {subprocess.py:93} INFO - mysqldump: [Warning] Using a "
        "password on the command line interface can be insecure.\n\nAirflow BashOperator: come evito che la password "
        "finisca nel log?" % (V.s(10, LOWER), pw), "airflow log with mysqldump password", "password")
    # vendor
    add("pipeline", "vendor", "analytics:\n  target: prod\n  outputs:\n    prod:\n      type: postgres\n      host: \"{{ env_var('DBT_HOST') }}\"\n"
        "      user: \"{{ env_var('DBT_USER') }}\"\n      password: \"{{ env_var('DBT_PASSWORD') }}\"\n      port: 5432\n"
        "      dbname: analytics\n      schema: marts\n\nIst das so sicher für CI?", "dbt profile with env_var", "env_reference")
    add("pipeline", "vendor", "airflow connections add 'my_prod_db' --conn-uri 'postgresql://login:password@host:5432/schema'\n\n"
        "Dans la doc Airflow, c'est ce format ; je remplace quoi exactement ?", "airflow docs example uri", "placeholder")
    add("pipeline", "vendor", "version: 2\nmodels:\n  - name: dim_customers\n    description: One row per customer\n    columns:\n"
        "      - name: customer_id\n        tests: [unique, not_null]\n      - name: email\n        description: Hashed "
        "(sha256) e-mail address\n        meta:\n          contains_pii: true\n      - name: iban\n        meta: {contains_pii: "
        "true, masking_policy: mask_iban}\n\nCómo genero documentación con estos meta?", "dbt schema yml", "schema")
    add("pipeline", "vendor", "expect_column_values_to_not_be_null(column='phone') FAILED\n  unexpected_count: 1204\n  "
        "unexpected_percent: 2.41\n  partial_unexpected_list: [null, null, null]\n\nGreat Expectations: posso impostare "
        "mostly=0.95?", "great expectations null counts", "aggregate")
    add("pipeline", "vendor", "%s | 14:02:11  Completed successfully\n14:02:11  Done. PASS=142 WARN=3 ERROR=0 SKIP=0 TOTAL=145\n\n"
        "dbt build: wat betekenen de 3 warnings bij source freshness?" % V.day(), "dbt summary", "log")
    add("pipeline", "vendor", "AIRFLOW_CONN_DWH='{\"conn_type\": \"postgres\", \"login\": \"etl\", \"password\": "
        "\"{{ var.value.dwh_password }}\", \"host\": \"dwh\"}'\n\nCzy Airflow renderuje szablon Jinja w polu password?",
        "airflow connection with template reference", "reference")


# ------------------------------------------------------------------------------------ LLM datasets
SUPPORT = {
    "de": ("Hallo, hier ist %s. Meine Lastschrift ist zweimal abgebucht worden, IBAN %s. Rückruf bitte unter %s.",
           "Danke, Frau/Herr %s, ich veranlasse die Erstattung der doppelten Abbuchung."),
    "fr": ("Bonjour, %s à l'appareil. On m'a prélevé deux fois sur le compte %s. Rappelez-moi au %s svp.",
           "Merci %s, je lance le remboursement du double prélèvement."),
    "es": ("Hola, soy %s. Me han cobrado dos veces en la cuenta %s. Llamadme al %s.",
           "Gracias, %s, tramito ahora el reembolso del cargo duplicado."),
    "it": ("Buongiorno, sono %s. Mi avete addebitato due volte sul conto %s. Richiamatemi al %s.",
           "Grazie %s, avvio subito il rimborso dell'addebito doppio."),
    "nl": ("Hoi, met %s. Er is twee keer afgeschreven van rekening %s. Bel me terug op %s.",
           "Dank u, %s, ik zet de terugboeking van de dubbele afschrijving in gang."),
    "pt": ("Olá, é %s. Debitaram duas vezes na conta %s. Liguem-me para o %s.",
           "Obrigado, %s, vou tratar do reembolso do débito duplicado."),
    "pl": ("Dzień dobry, tu %s. Pobrano dwa razy z konta %s. Proszę oddzwonić na %s.",
           "Dziękuję, %s, zlecam zwrot podwójnego obciążenia."),
    "ja": ("%sです。口座 %s から二重に引き落とされました。%s に折り返しお願いします。",
           "%s様、二重引き落とし分の返金手続きをいたします。"),
    "en": ("Hi, this is %s. You charged my account %s twice. Call me back on %s.",
           "Thanks %s, I'm refunding the duplicate charge now."),
}


def llm_datasets():
    # fine-tuning JSONL with real conversations
    for lg in cycle(6):
        lines = []
        for _ in range(2):
            p = P(lg)
            u, a = SUPPORT[lg]
            lines.append(jd({"messages": [{"role": "system", "content": "You are Nordbank's support assistant."},
                                          {"role": "user", "content": u % (p, V.iban_for(lg), V.phone(lg))},
                                          {"role": "assistant", "content": a % p.split()[-1]}]}))
        add("llmdata", "sensitive", "\n".join(lines) + "\n\n" + ask(lg, "ok"),
            "fine-tuning jsonl with customer conversations (%s)" % lg, "iban,phone")
    # fine-tuning with health
    for lg in ["de", "es", "ja"]:
        p = P(lg)
        cond = R.choice(COND[lg])
        user = {"de": "Patientin %s, geb. %s, Befund: %s. Bitte Arztbrief formulieren.",
                "es": "Paciente %s, nacida el %s, diagnóstico: %s. Redacta el informe de alta.",
                "ja": "患者 %s（生年月日 %s）、診断：%s。紹介状を作成してください。"}[lg] % (p, V.dob(lg), cond)
        add("llmdata", "sensitive", jd({"messages": [{"role": "user", "content": user},
                                                     {"role": "assistant", "content": "..."}]}) + "\n\n" + ask(lg, "ok"),
            "fine-tuning example with patient (%s)" % lg, "health")
    # eval set from real tickets
    for lg in ["fr", "it", "pl"]:
        p = P(lg)
        add("llmdata", "sensitive", jd({"id": "eval-%04d" % R.randint(1, 9999), "input": {
            "fr": "Client %s (%s) : ma carte %s a été débitée deux fois.",
            "it": "Cliente %s (%s): la carta %s è stata addebitata due volte.",
            "pl": "Klient %s (%s): karta %s została obciążona dwa razy."}[lg] % (p, V.mail(p), V.card()),
            "expected_category": "billing_duplicate"}) + "\n\n" + {
            "fr": "Eval set tiré des vrais tickets. Tu peux proposer d'autres catégories ?",
            "it": "Set di valutazione preso dai ticket reali. Mi proponi altre categorie?",
            "pl": "Zestaw ewaluacyjny z prawdziwych zgłoszeń. Zaproponujesz inne kategorie?"}[lg],
            "eval set with card number (%s)" % lg, "card,email")
    # RLHF preference pairs
    for lg in ["nl", "pt"]:
        p = P(lg)
        prompt = {"nl": "Schrijf een herinnering aan %s (BSN %s) over de openstaande eigen bijdrage." % (p, V.nl_bsn()),
                  "pt": "Escreve um lembrete para %s (NIF %s) sobre a dívida às Finanças." % (p, V.pt_nif_personal())}[lg]
        add("llmdata", "sensitive", jd({"prompt": prompt, "chosen": "Beste/Caro %s, ..." % p.split()[0],
                                        "rejected": "Hey, pay up."}, 2) + "\n\n" + ask(lg, "ok"),
            "rlhf pair with national id (%s)" % lg, "national_id")
    # Label Studio task
    for lg in ["de", "es"]:
        p = P(lg)
        text = {"de": "Von: %s <%s>\nIch bin seit dem 3. wegen %s krankgeschrieben, die AU kommt per Post." % (
            p, V.mail(p), R.choice(COND[lg])),
            "es": "De: %s <%s>\nEstoy de baja desde el lunes por %s, os mando el parte." % (p, V.mail(p), R.choice(COND[lg]))}[lg]
        add("llmdata", "sensitive", jd([{"id": R.randint(1, 9999), "data": {"text": text}, "annotations": [],
                                         "predictions": []}], 2) + "\n\n" + {
            "de": "Label-Studio-Import: welches Labeling-Config brauche ich für NER?",
            "es": "Importación de Label Studio: ¿qué config de etiquetado uso para NER?"}[lg],
            "label studio task with sick-leave email (%s)" % lg, "health,email")
    # Prodigy
    lg = "it"
    p = P(lg)
    add("llmdata", "sensitive", jd({"text": "Salve, sono %s, codice fiscale %s, vorrei disdire il contratto." % (
        p, V.it_fiscal_code()), "spans": [], "_input_hash": R.randint(-2 ** 31, 2 ** 31), "answer": "accept"}) +
        "\n\nProdigy db-out: come conto le risposte accept?", "prodigy task with codice fiscale", "national_id")
    # LangSmith / Langfuse traces
    lg = "fr"
    p = P(lg)
    add("llmdata", "sensitive", jd({"run_type": "llm", "name": "ChatOpenAI", "inputs": {"messages": [[{"type": "human",
                                                                                                      "content": "Je m'appelle %s, mon numéro de sécu est %s, je veux savoir si ma demande d'invalidité avance." % (
                                                                                                          p, V.fr_nir())}]]},
                                    "outputs": {"generations": [[{"text": "Bonjour..."}]]}}, 2) +
        "\n\nTrace exportée de LangSmith. Pourquoi la latence est de 9 s ?", "langsmith trace with NIR", "national_id")
    add("llmdata", "sensitive", "import os\nos.environ[\"LANGCHAIN_TRACING_V2\"] = \"true\"\nos.environ[\"LANGCHAIN_API_KEY\"] = "
        "\"%s\"\nos.environ[\"OPENAI_API_KEY\"] = \"%s\"\n\nWarum erscheinen keine Traces im Projekt?" % (
            V.langsmith(), V.openai()), "langsmith and openai keys", "api_key")
    add("llmdata", "sensitive", "from langfuse import Langfuse\nlangfuse = Langfuse(\n  public_key=\"%s\",\n  secret_key=\"%s\",\n"
        "  host=\"https://cloud.langfuse.com\"\n)\n\n¿Por qué da 401 al hacer flush?" % (V.langfuse_public(),
                                                                                    V.langfuse_secret()),
        "langfuse keys", "api_key")
    lg = "nl"
    p = P(lg)
    add("llmdata", "sensitive", jd({"trace": {"name": "hr-assistant", "userId": V.mail(p)}, "observations": [
        {"type": "GENERATION", "input": "Wat is het salaris van %s en waarom was zij in oktober ziek?" % p,
         "output": "%s verdient € %d bruto per maand; verzuim okt.: %s." % (p, R.randint(3200, 7900),
                                                                           R.choice(COND[lg]))}]}, 2) +
        "\n\nLangfuse-export: wie kan dit zien in ons project?", "langfuse trace with salary and health", "salary,health")
    # embeddings metadata with chunk text
    lg = "pt"
    p = P(lg)
    add("llmdata", "sensitive", jd({"id": "chunk-%s" % V.hex(8), "values": [round(R.uniform(-1, 1), 4) for _ in range(6)] +
                                    ["..."], "metadata": {"source": "rh/processos/%s.pdf" % p.split()[-1].lower(),
                                                          "text": "Processo disciplinar de %s (NIF %s, IBAN %s): faltas "
                                                                  "injustificadas em outubro." % (
                                                                      p, V.pt_nif_personal(), V.iban_for(lg))}}, 2) +
        "\n\nPinecone fetch. O metadata.text está a ser truncado?", "embedding metadata with HR record", "iban,national_id")
    lg = "ja"
    p = P(lg)
    add("llmdata", "sensitive", jd({"ids": [["doc-%d" % R.randint(1, 999)]], "documents": [[
        "%s 様　マイナンバー：%s　住所：東京都世田谷区…　扶養控除申告書" % (p, V.jp_my_number())]],
        "distances": [[0.21]]}, 2, ) + "\n\nChroma の query 結果です。距離の意味を教えてください。",
        "chroma result with my number", "national_id")
    # vendor llm datasets
    add("llmdata", "vendor", "\n".join(jd({"messages": [{"role": "user", "content": q}, {"role": "assistant", "content": a}]})
                                       for q, a in [("Wie viel ist 17 * 23?", "391"),
                                                    ("Nenne drei Primzahlen über 100.", "101, 103, 107")]) +
        "\n\nReicht das als Format für die OpenAI-Fine-Tuning-API?", "fine-tuning without personal data", "no_personal_data")
    add("llmdata", "vendor", jd({"messages": [{"role": "user", "content": "Hola, soy [NOMBRE]. Me cobraron dos veces en la cuenta "
                                                                          "[IBAN]. Llamadme al [TELÉFONO]."},
                                              {"role": "assistant", "content": "Gracias, [NOMBRE], tramito el reembolso."}]}) +
        "\n\nYa anonimizamos los datos con Presidio. ¿Se puede subir así?", "fine-tuning with placeholders", "placeholder")
    add("llmdata", "vendor", jd({"prompt": "Écris un haïku sur l'automne.", "chosen": "Feuilles rousses / ...",
                                 "rejected": "L'automne est une saison."}) + "\n\nC'est une paire de préférences correcte pour DPO ?",
        "rlhf pair without personal data", "no_personal_data")
    add("llmdata", "vendor", "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"PERSON\"/>\n    <Label value="
        "\"IBAN\"/>\n    <Label value=\"PHONE\"/>\n    <Label value=\"HEALTH\"/>\n  </Labels>\n  <Text name=\"text\" value="
        "\"$text\"/>\n</View>\n\nLabel Studio: come aggiungo una scelta 'nessun dato personale'?", "label config", "schema")
    add("llmdata", "vendor", "Annotatierichtlinie v3\n1. Markiere Personennamen als PERSON (auch Vornamen allein).\n2. "
        "IBANs als IBAN, auch mit Leerzeichen.\n3. Diagnosen nur, wenn sie einer Person zugeordnet sind (Label HEALTH).\n"
        "4. Firmen und Behörden sind KEIN PERSON.\n\nKannst du Beispiele für Grenzfälle ergänzen?", "annotation guideline",
        "guideline")
    add("llmdata", "vendor", jd({"question": "Natalia has 48 clips in April and half as many in May. How many in total?",
                                 "answer": "72"}) + "\n\nCzy GSM8K jest na licencji, która pozwala trenować?",
        "gsm8k public example", "public_dataset")
    add("llmdata", "vendor", jd({"run_type": "chain", "name": "RetrievalQA", "inputs": {"query": "Wat is het retourbeleid?"},
                                 "outputs": {"result": "Binnen 30 dagen retourneren."}, "total_tokens": 812,
                                 "latency": 2.41}, 2) + "\n\nWaarom duurt de retriever zo lang?", "langsmith trace benign",
        "no_personal_data")
    add("llmdata", "vendor", "import os\nfrom langfuse import Langfuse\nlangfuse = Langfuse()  # reads LANGFUSE_PUBLIC_KEY, "
        "LANGFUSE_SECRET_KEY, LANGFUSE_HOST\n\nEst-ce qu'il faut aussi définir LANGFUSE_RELEASE ?", "langfuse from env",
        "env_reference")
    add("llmdata", "vendor", jd({"id": "chunk-%s" % V.hex(8), "metadata": {"source": "handbook/travel-policy.md",
                                                                           "text": "Bahn 2. Klasse, ab 4 h Fahrzeit 1. "
                                                                                   "Klasse; Hotels bis 120 € pro Nacht."}}, 2)
        + "\n\nQdrant: warum finde ich den Chunk nicht mit der Frage nach Hotelkosten?", "chunk of public policy",
        "no_personal_data")
    add("llmdata", "vendor", jd({"id": "syn-0041", "synthetic": True, "generator": "gpt-4o, persona seed 7",
                                 "messages": [{"role": "user", "content": "Hi, I'm Jordan Example, my account ending 0000 was "
                                                                          "charged twice."}]}) +
        "\n\nThese are synthetic support chats we generated. Any obvious bias?", "synthetic conversations marked",
        "synthetic")
    add("llmdata", "vendor", "Schemat zbioru: {\"messages\": [{\"role\": \"system\"|\"user\"|\"assistant\", \"content\": str}]}; "
        "maks. 4096 tokenów; pole \"weight\" opcjonalne.\n\nJak policzyć tokeny przed wysłaniem?", "dataset schema",
        "schema")


# ------------------------------------------------------------------------------------ MLOps
def mlops():
    add("mlops", "sensitive", '{\n  "username": "%s",\n  "key": "%s"\n}\n\n~/.kaggle/kaggle.json — o kaggle CLI diz 401 Unauthorized. '
        'A chave está errada?' % (P("pt").split()[0].lower() + V.s(3, DIGITS), V.kaggle_key()), "kaggle.json", "api_key")
    add("mlops", "sensitive", "!pip install -q transformers\nimport os\nos.environ['HF_TOKEN'] = '%s'\nfrom transformers import "
        "AutoModelForCausalLM\nmodel = AutoModelForCausalLM.from_pretrained('meta-llama/Llama-3.1-8B')\n\nTrotz Token "
        "kommt 'gated repo'. Warum?" % V.hf(), "notebook with HF_TOKEN", "api_key")
    add("mlops", "sensitive", "$ huggingface-cli login --token %s --add-to-git-credential\n\n¿Por qué luego git push al "
        "Space pide contraseña?" % V.hf(), "hf cli login token", "api_key")
    add("mlops", "sensitive", "machine api.wandb.ai\n  login user\n  password %s\n\nW&B: il file .netrc è giusto? wandb "
        "login continua a chiedere la chiave." % V.wandb_key(), "wandb netrc", "api_key")
    add("mlops", "sensitive", "wandb:\n  project: churn-model\n  entity: data-team\nenv:\n  WANDB_API_KEY: %s\n  "
        "MLFLOW_TRACKING_URI: https://mlflow.%s.io\n  MLFLOW_TRACKING_PASSWORD: %s\n\nKan ik deze config in de repo "
        "zetten?" % (V.wandb_key(), V.s(6, LOWER), V.password()), "training config with wandb and mlflow secrets",
        "api_key,password")
    add("mlops", "sensitive", "mlflow.log_params({'lr': 3e-4, 'epochs': 5, 's3_key': '%s', 's3_secret': '%s'})\n\nW MLflow "
        "UI widać te parametry. Jak je usunąć z runa?" % (V.aws_key_id(), V.aws_secret()),
        "mlflow params with aws keys", "aws_key")
    add("mlops", "sensitive", "['remote \"storage\"']\n    url = s3://ml-datasets-%s/dvc\n    access_key_id = %s\n    "
        "secret_access_key = %s\n\n.dvc/config — dvc push geeft AccessDenied. Waarom?" % (
            V.s(5, LOWER), V.aws_key_id(), V.aws_secret()), "dvc config with s3 keys", "aws_key")
    add("mlops", "sensitive", "from pinecone import Pinecone\npc = Pinecone(api_key=\"%s\")\nindex = pc.Index(\"support-docs\")\n\n"
        "Pinecone の upsert が遅いのはなぜ？" % V.pinecone(), "pinecone key", "api_key")
    add("mlops", "sensitive", "import openai\nclient = openai.OpenAI(api_key=\"%s\")\nbatch = client.batches.create(input_file_id="
        "\"file-%s\", endpoint=\"/v1/chat/completions\", completion_window=\"24h\")\n\nComment suivre l'avancement du batch "
        "d'évaluation ?" % (V.openai(), V.s(24, ALNUM)), "openai key in eval batch script", "api_key")
    add("mlops", "sensitive", "comet_ml.init(api_key=\"%s\", project_name=\"ner-de\")\n\nComet zeigt keine Metriken an. "
        "Fehlt experiment.end()?" % V.s(25, ALNUM), "comet api key", "api_key")
    # vendor mlops
    add("mlops", "vendor", '{\n  "username": "<your-kaggle-username>",\n  "key": "<your-api-key>"\n}\n\n¿Dónde pongo el '
        'kaggle.json en Windows?', "kaggle template", "placeholder")
    add("mlops", "vendor", "from huggingface_hub import login\nimport os\nlogin(token=os.environ[\"HF_TOKEN\"])\n\nReicht das in "
        "GitHub Actions, wenn HF_TOKEN als Secret gesetzt ist?", "hf token from env", "env_reference")
    add("mlops", "vendor", "---\nlicense: apache-2.0\nlanguage: [it]\ndatasets: [wikiann]\nmetrics: [f1]\n---\n# bert-base-"
        "italian-ner\nF1 su WikiANN-it: 0.912 (PER 0.94, LOC 0.92, ORG 0.86).\n\nMi aiuti a completare la sezione "
        "'Limitazioni' della model card?", "model card", "model_card")
    add("mlops", "vendor", "| Model | MMLU | GSM8K | HumanEval |\n|---|---|---|---|\n| ours-7b | 63.2 | 58.9 | 41.5 |\n| "
        "baseline-7b | 61.0 | 52.3 | 37.8 |\n\nCzy różnica na MMLU jest istotna statystycznie?", "benchmark table",
        "benchmark")
    add("mlops", "vendor", "mlflow.log_params({'lr': 3e-4, 'batch_size': 32, 'max_len': 512, 'seed': 42})\nmlflow.log_metric"
        "('val_f1', 0.874)\n\nComment comparer deux runs dans l'UI ?", "mlflow params benign", "no_personal_data")
    add("mlops", "vendor", "wandb: Currently logged in as: data-team (use `wandb login --relogin` to force relogin)\nwandb: "
        "Tracking run with wandb version 0.18.5\nwandb: Run data is saved locally in ./wandb/run-20261102_101544-%s\n\n"
        "Waarom staat de run niet onder het juiste project?" % V.s(8, LOWER + DIGITS), "wandb log lines", "log")
    add("mlops", "vendor", "# Dataset card: customer-churn-eu (internal)\n- 48,211 rows, one per customer, 2024-2026\n- "
        "Columns: tenure, plan, monthly_spend, country, churned\n- Personal data removed: names, e-mails, IBANs dropped; "
        "customer_id replaced by a salted hash\n\nWhat else should the card say about bias?", "dataset card without rows",
        "dataset_card")
    add("mlops", "vendor", "['remote \"storage\"']\n    url = s3://ml-datasets/dvc\n    credentialpath = ~/.aws/credentials\n"
        "    profile = ml\n\nDVC lê o perfil 'ml' corretamente assim?", "dvc config with profile", "env_reference")
    add("mlops", "vendor", "Training loss 2.31 → 1.08 after 3 epochs, eval loss flat at 1.42 since epoch 2. LR 2e-5, warmup "
        "500, batch 16.\n\n¿Es sobreajuste? ¿Bajo el learning rate?", "training numbers", "metric")


# ------------------------------------------------------------------------------------ notebooks and misc
def notebooks():
    lg = "de"
    ps = people(lg, 2)
    cell = {"cell_type": "code", "execution_count": 7, "source": ["kunden[kunden.churn_score > 0.8][['name','email','telefon']]"],
            "outputs": [{"output_type": "execute_result", "data": {"text/plain": [
                "                 name                     email          telefon\n",
                "%d  %s  %s  %s\n" % (R.randint(10, 999), ps[0], V.mail(ps[0]), V.phone(lg)),
                "%d  %s  %s  %s" % (R.randint(10, 999), ps[1], V.mail(ps[1]), V.phone(lg))]}}]}
    add("notebook", "sensitive", jd(cell, 1) + "\n\nKannst du die Zelle so umschreiben, dass sie eine CSV für das "
        "Vertriebsteam exportiert?", "ipynb cell output with contacts", "email,phone")
    lg = "fr"
    add("notebook", "sensitive", "In [3]: engine = create_engine(\"mysql+pymysql://ds_user:%s@db-ventes.%s.eu-west-3.rds."
        "amazonaws.com/ventes\")\nIn [4]: pd.read_sql('select count(*) from commandes', engine)\nOut[4]:\n   count(*)\n0"
        "    1204551\n\nComment je mets ça dans un .env ?" % (V.password(), V.s(10, LOWER)), "notebook with db password",
        "password")
    lg = "es"
    p = P(lg)
    dni = V.es_dni(nie=False)
    add("notebook", "sensitive", "df.loc[df.dni == '%s'].T\n                       4821\nnombre          %s\ndni             %s\n"
        "telefono        %s\nscore_riesgo    0.91\nimpago          True\n\n¿Por qué este cliente tiene un score tan alto?" % (
            dni, p, dni, V.phone(lg)), "notebook transpose of one customer", "national_id,phone")
    lg = "ja"
    p = P(lg)
    add("notebook", "sensitive", "[1] df[df['氏名'] == '%s']\n   氏名    生年月日      病名      主治医\n12  %s  %s  %s  山田\n\n"
        "この患者の通院間隔を計算するコードを書いてください。" % (p, p, V.dob(lg), R.choice(COND[lg])),
        "jupyter patient row", "health")
    # vendor notebooks
    add("notebook", "vendor", "In [5]: df.groupby('plan')['churned'].mean()\nOut[5]:\nplan\nbasic      0.214\npremium    0.071"
        "\npro        0.118\nName: churned, dtype: float64\n\nMi scrivi due frasi per il management?", "groupby means",
        "aggregate")
    add("notebook", "vendor", "In [2]: from sklearn.datasets import fetch_california_housing\nIn [3]: X, y = fetch_california_"
        "housing(return_X_y=True, as_frame=True)\nIn [4]: X.shape\nOut[4]: (20640, 8)\n\nWelk model raad je aan als "
        "baseline?", "sklearn public dataset", "public_dataset")
    add("notebook", "vendor", "ValueError: could not convert string to float: 'DE89 3704 0044 0532 0130 00'\n\nIk lees een CSV "
        "met pd.read_csv(..., dtype=float). Die waarde is het voorbeeld-IBAN uit de documentatie. Hoe sla ik die kolom "
        "over?", "iso sample iban in error", "sample")


# ------------------------------------------------------------------------------------ questions
def questions():
    qs = [
        ("de", "Wie pseudonymisiere ich E-Mail-Adressen in BigQuery so, dass Joins noch funktionieren? Reicht SHA-256 mit Salt?"),
        ("fr", "Quelle différence entre k-anonymat et confidentialité différentielle pour publier des statistiques de santé ?"),
        ("es", "¿Cómo calculo la retención por cohortes en SQL si tengo una tabla de pedidos con fecha y cliente?"),
        ("it", "Qual è il modo migliore per dividere train/test quando ho più righe per lo stesso paziente?"),
        ("nl", "Hoe kan ik in pandas een kolom met IBANs valideren (mod 97) zonder externe library?"),
        ("pt", "Vale a pena usar Parquet em vez de CSV para 20 milhões de linhas? E como particiono por data?"),
        ("pl", "Jak w Airflow przekazywać hasła do połączeń, żeby nie trafiały do logów zadań?"),
        ("ja", "LangSmith のトレースから個人情報を除外する設定はありますか？"),
        ("en", "What is a good way to detect PII in a fine-tuning dataset before uploading it?"),
        ("de", "Was bedeutet 'partial_unexpected_list' in Great Expectations und kann man es abschalten?"),
    ]
    for lg, q in qs:
        add("question", "vendor", q, "general question (%s)" % lg, "question")


# ------------------------------------------------------------------------------------ more
def more_cases():
    lg = "pl"
    ps = people(lg, 3)
    add("sqlconsole", "sensitive", mysql_box(["id", "login", "haslo", "email"], [[R.randint(1, 999), p.split()[0].lower() +
                                                                                  str(R.randint(1, 99)), V.password(),
                                                                                  V.mail(p)] for p in ps]) +
        "\n\nStara tabela użytkowników z hasłami jawnym tekstem. Jak je zahashować bcryptem w migracji?",
        "mysql users with plaintext passwords", "password,email")
    lg = "de"
    ps = people(lg, 2)
    add("dataframe", "sensitive", pandas_print(["vorname_nachname", "steuer_id", "geburtsdatum", "kirchensteuer"],
                                               [[p, V.de_tax_id(spaced=False), V.dob(lg), R.choice(["rk", "ev", "--"])]
                                                for p in ps]) + "\n\nWie filtere ich alle mit Kirchensteuer?",
        "pandas with steuer-id", "national_id")
    lg = "ja"
    ps = people(lg, 3)
    add("dataframe", "sensitive", spark_show(["name", "tel", "plan"], [[p, V.phone(lg, False), R.choice(["basic", "pro"])]
                                                                      for p in ps]) +
        "\n\nSpark の show() で日本語の列幅がずれるのはなぜですか？", "spark show japanese names phones", "phone")
    add("logsearch", "sensitive", '"@timestamp","url.original","http.response.status_code"\n"%s","/v1/export?format=csv&api_key=%s",'
        '"200"\n\nKibana: ¿quién está llamando a la exportación con esta clave?' % (V.ts(), V.s(40, ALNUM)),
        "kibana csv with api key in url", "api_key")
    lg = "pl"
    p = P(lg)
    add("llmdata", "sensitive", jd({"text": "Dzień dobry, nazywam się %s, mój numer to %s, proszę o kontakt w sprawie "
                                            "reklamacji." % (p, V.phone(lg)), "spans": [{"start": 28, "end": 28 + len(p),
                                                                                        "label": "PER"}]}) +
        "\n\nProdigy: czy spany się zgadzają?", "prodigy with phone", "phone")
    lg = "it"
    ps = people(lg, 2)
    add("bi", "sensitive", "Dipendente\tIBAN accredito\tNetto nov.\n" + "\n".join("%s\t%s\t%d,%02d" % (
        p, V.iban_for(lg), R.randint(1400, 3200), R.randint(0, 99)) for p in ps) +
        "\n\nTabella pivot dal gestionale paghe: come aggiungo il totale?", "payroll pivot with IBAN", "iban,salary")

    # vendor look-alikes
    add("sqlconsole", "vendor", psql_aligned(["order_id", "sku", "qty", "total_eur", "status"],
                                             [[R.randint(10 ** 6, 10 ** 7), "SKU-%05d" % R.randint(1, 99999), R.randint(1, 5),
                                               "%d.%02d" % (R.randint(5, 300), R.randint(0, 99)), R.choice(["paid", "shipped"])]
                                              for _ in range(4)]) + "\n\n" + ask("es", "agg"),
        "orders without people", "no_personal_data")
    add("sqlconsole", "vendor", mysql_box(["company", "vat_id", "segment"], [["%s GmbH" % V.s(7, UPPER).capitalize(), "PL%s" %
                                                                               V.pl_nip(False), "B2B"],
                                                                              ["%s SpA" % V.s(7, UPPER).capitalize(), "IT%s" %
                                                                               V.it_vat(), "B2B"]]) +
        "\n\nJak zwalidować NIP i partita IVA w SQL?", "company vat ids", "company_id")
    add("sqlconsole", "vendor", "SELECT * FROM information_schema.columns WHERE table_name = 'patients';\n" +
        psql_aligned(["column_name", "data_type", "is_nullable"], [["patient_id", "bigint", "NO"], ["name", "text", "YES"],
                                                                   ["diagnosis_code", "text", "YES"],
                                                                   ["insurance_no", "text", "YES"]]) +
        "\n\nQuelles colonnes dois-je chiffrer au repos ?", "information schema", "schema")
    add("sqlconsole", "vendor", "CREATE MASKING POLICY email_mask AS (val string) RETURNS string ->\n  CASE WHEN CURRENT_ROLE() "
        "IN ('PII_READER') THEN val\n  ELSE REGEXP_REPLACE(val, '.+@', '*****@') END;\n\nSnowflake: wie hänge ich die "
        "Policy an alle email-Spalten?", "snowflake masking policy", "sql")
    add("sqlconsole", "vendor", clickhouse_pretty(["query_kind", "count()", "avg(query_duration_ms)"],
                                                  [["Select", 120411, 84], ["Insert", 8812, 12]]) +
        "\n\nsystem.query_log: waarom zijn de selects zo traag vergeleken met vorige week?", "clickhouse query log agg",
        "aggregate")
    add("dataframe", "vendor", pandas_print(["user_id", "sessions", "avg_duration_s", "country"],
                                            [[V.uuid(), R.randint(1, 80), R.randint(20, 900), R.choice(["DE", "FR", "IT"])]
                                             for _ in range(3)]) + "\n\n" + ask("it", "plot"),
        "uuid user ids with counts", "uuid")
    add("dataframe", "vendor", "# Generated with Faker('nl_NL') for unit tests - fictitious accounts\n" +
        pandas_print(["naam", "iban"], [["Testpersoon Een", V.iban_cc("NL", grouped=False)],
                                        ["Testpersoon Twee", V.iban_cc("NL", grouped=False)]]) +
        "\n\nHoe zorg ik dat Faker steeds dezelfde IBANs geeft?", "faker ibans marked fictitious", "synthetic")
    add("dataframe", "vendor", "> library(gapminder)\n> gapminder %>% filter(year == 2007) %>% head(3)\n# A tibble: 3 × 6\n"
        "  country     continent  year lifeExp      pop gdpPercap\n  <fct>       <fct>     <int>   <dbl>    <int>     <dbl>\n"
        "1 Afghanistan Asia       2007    43.8 31889923      975.\n2 Albania     Europe     2007    76.4  3600523     5937.\n"
        "3 Algeria     Africa     2007    72.3 33333216     6223.\n\nComo faço um gráfico de bolhas com ggplot?",
        "gapminder", "public_dataset")
    add("dataframe", "vendor", "> head(mtcars, 3)\n               mpg cyl disp  hp drat    wt  qsec vs am gear carb\nMazda RX4"
        "     21.0   6  160 110 3.90 2.620 16.46  0  1    4    4\nMazda RX4 Wag 21.0   6  160 110 3.90 2.875 17.02  0  1    4"
        "    4\nDatsun 710    22.8   4  108  93 3.85 2.320 18.61  1  1    4    1\n\nJak dopasować regresję mpg ~ wt?",
        "mtcars", "public_dataset")
    add("dataframe", "vendor", "PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare\n3,1,3,\"Heikkinen, Miss. Laina\","
        "female,26,0,0,STON/O2. 3101282,7.925\n4,1,1,\"Futrelle, Mrs. Jacques Heath (Lily May Peel)\",female,35,1,0,113803,"
        "53.1\n\nTitanic-Daten von Kaggle: wie kodiere ich Sex und Pclass für eine logistische Regression?",
        "titanic csv", "public_dataset")
    add("dataframe", "vendor", "OLS Regression Results\nDep. Variable:   log_wage   R-squared:   0.312\n                 coef"
        "    std err      t      P>|t|\nconst           1.2041     0.041   29.37    0.000\neduc            0.0812     "
        "0.003   27.10    0.000\nexper           0.0190     0.002    9.51    0.000\n\n¿Cómo interpreto el coeficiente de "
        "educ?", "statsmodels summary", "aggregate")
    add("warehouse", "vendor", jd({"kind": "bigquery#queryResponse", "schema": {"fields": [{"name": "country", "type": "STRING"},
                                                                                           {"name": "users", "type": "INTEGER"}]},
                                   "rows": [{"f": [{"v": "PT"}, {"v": "18231"}]}, {"f": [{"v": "ES"}, {"v": "40112"}]}],
                                   "totalBytesProcessed": "1048576"}, 2) +
        "\n\nComo converto esta resposta da API em DataFrame?", "bigquery api response aggregate", "aggregate")
    add("warehouse", "vendor", "snowsql -a <account_identifier> -u <user_name> --authenticator externalbrowser\n\nDocumentazione "
        "Snowflake: funziona anche con Okta?", "snowsql placeholders", "placeholder")
    add("bi", "vendor", "Umsatz YTD = CALCULATE(SUM(Sales[Amount]), DATESYTD('Date'[Date]))\n\nPower BI: warum ist das Ergebnis "
        "im Januar leer?", "dax measure", "formula")
    add("bi", "vendor", "Grand total by sales rep (initials only): A.K. 412k, M.P. 398k, J.S. 301k\n\nJe fais un classement "
        "pour la réunion, tu peux le reformuler ?", "sales by initials", "aggregate")
    add("logsearch", "vendor", '"trace_id","span_id","service","duration_ms"\n"%s","%s","api","812"\n"%s","%s","db","640"\n\n'
        'Jaeger/Kibana: hoe lees ik deze trace?' % (V.hex(32), V.hex(16), V.hex(32), V.hex(16)), "trace ids", "hashes")
    add("pipeline", "vendor", "$ airflow connections get dwh_postgres\nid | conn_id      | conn_type | host | schema    | login | "
        "password | port\n===+==============+===========+======+===========+=======+==========+=====\n12 | dwh_postgres | "
        "postgres  | dwh  | analytics | etl   | ***      | 5432\n\nPerché la password è mostrata come ***?",
        "airflow masked password", "masked")
    add("pipeline", "vendor", jd({"expectation_suite_name": "customers.warning", "expectations": [
        {"expectation_type": "expect_column_values_to_match_regex", "kwargs": {"column": "iban", "regex": "^[A-Z]{2}[0-9]{2}"
                                                                                                       "[A-Z0-9]{11,30}$"}},
        {"expectation_type": "expect_column_values_to_not_be_null", "kwargs": {"column": "email", "mostly": 0.95}}]}, 2) +
        "\n\n¿Cómo añado una expectativa para el formato de teléfono?", "gx suite without rows", "schema")
    add("llmdata", "vendor", jd({"data": {"text": "La Banca centrale europea ha lasciato invariati i tassi al 4%."},
                                 "annotations": [{"result": [{"value": {"start": 3, "end": 26, "labels": ["ORG"]}}]}]}) +
        "\n\nLabel Studio export: è corretto etichettare 'Banca centrale europea' come ORG?", "label studio public news",
        "no_personal_data")
    add("llmdata", "vendor", jd({"id": "chunk-%s" % V.hex(8), "metadata": {"source": "wikipedia/Marie_Curie",
                                                                           "text": "Marie Curie died in 1934 of aplastic "
                                                                                   "anaemia, probably caused by radiation."}},
                                2) + "\n\nWhy does the retriever rank this chunk first for 'radiation sickness'?",
        "public wikipedia chunk", "public")
    add("llmdata", "vendor", jd({"model": "ours-7b", "task": "xnli_fr", "acc": 0.781, "acc_stderr": 0.006, "n": 5010}) +
        "\n\nRésultat lm-eval-harness : c'est bon par rapport à Mistral 7B ?", "eval harness result", "benchmark")
    add("mlops", "vendor", "WANDB_API_KEY=<your-api-key>\nHF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\n.env.example im Repo: "
        "reicht das als Vorlage für neue Teammitglieder?", "env example placeholders", "placeholder")
    add("mlops", "vendor", "mlflow models list\nName: churn-classifier  Latest: 14  Stage: Production  Run: %s\n\n"
        "Como faço rollback para a versão 13?" % V.hex(32), "mlflow registry listing", "hashes")
    add("mlops", "vendor", "sha256:%s  model.safetensors\nsha256:%s  tokenizer.json\n\nチェックサムの検証方法を教えてください。" % (
        V.sha256(), V.sha256()), "checksums", "hashes")
    add("notebook", "vendor", "In [9]: df['email'].str.split('@').str[1].value_counts().head(3)\nOut[9]:\ngmail.com      18211\n"
        "outlook.com     9120\nweb.de          4411\nName: email, dtype: int64\n\nDomini più frequenti: come li grafico?",
        "email domain counts", "aggregate")
    add("notebook", "vendor", "KeyError: 'iban'\n---> 12 df['iban'] = df['iban'].str.replace(' ', '')\n\nDie Spalte heißt im "
        "Export anders. Wie liste ich alle Spaltennamen?", "key error", "error")
    add("question", "vendor", "Je dois entraîner un modèle de détection d'entités sur des courriels clients. Quel outil "
                              "d'annotation choisir entre Label Studio, Prodigy et doccano ?", "general question (fr)", "question")
    add("question", "vendor", "¿Qué columnas de una tabla de pacientes se consideran datos sensibles según el RGPD?",
        "general question (es)", "question")
    add("question", "vendor", "Hoe bereken ik een gewogen gemiddelde in een draaitabel in Excel?", "general question (nl)",
        "question")


console_tables()
dataframes()
warehouses()
bi_exports()
log_analytics()
pipelines()
llm_datasets()
mlops()
notebooks()
questions()
more_cases()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout18.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
