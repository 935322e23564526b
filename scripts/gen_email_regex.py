#!/usr/bin/env python3
"""Prints the regex of pii.email and pii.email-bulk (policies/packs/pii.yaml).

RE2 has no look-around, so "an e-mail address whose local part is not a role word and whose domain
is not a placeholder" is written as a trie that spells out everything else: at each letter of an
excluded word the text may end (a prefix of it), go on with another character (a different word),
or follow the word; at a word's last letter it must go on. The lists below are what the rule
leaves out; edit them and paste the output into both rules.
Run: python3 scripts/gen_email_regex.py"""

# Local parts that name a function or a template, not a person.
ROLE_LOCALS = [
    # English
    "abuse", "admin", "billing", "careers", "contact", "donotreply", "do-not-reply", "feedback",
    "hello", "help", "hostmaster", "hr", "info", "jobs", "legal", "mailer-daemon", "marketing",
    "media", "newsletter", "no-reply", "noreply", "notifications", "office", "partners",
    "postmaster", "press", "privacy", "reply", "sales", "security", "service", "support", "team",
    "webmaster",
    # German, French, Spanish, Italian, Dutch, Portuguese, Polish
    "kontakt", "vertrieb", "datenschutz", "bewerbung", "rechnung", "contatto", "contatti",
    "ufficio", "assistenza", "vendite", "amministrazione", "contacto", "ventas", "soporte",
    "facturacion", "contato", "suporte", "vendas", "atendimento", "biuro", "sprzedaz", "pomoc",
    "klantenservice", "verkoop", "facturation", "recrutement", "emploi",
    # placeholders in examples and form hints
    "name", "yourname", "your.name", "you", "user", "username", "someone", "first.last",
    "firstname.lastname", "firstname", "lastname", "john.doe", "jane.doe", "johndoe", "janedoe",
    "max.mustermann", "erika.mustermann", "vorname.nachname", "prenom.nom", "nombre.apellido",
    "nome.cognome", "voornaam.achternaam", "imie.nazwisko", "nome.sobrenome", "fulano",
    "utente", "usuario", "utilisateur", "benutzer", "gebruiker",
    # mailing systems' senders
    "news", "alerts", "bounce", "bounces", "notification", "no_reply",
]

# Local parts that name a function also when a separator and more follow: a sending system's
# addresses carry a purpose or a tag (noreply-dmarc-support@, bounces+12345@, notifications-eu@).
ROLE_PREFIXES = ["noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "bounce", "bounces",
                 "mailer-daemon", "notifications", "notification"]
PREFIX_SEPARATORS = "-+._"

# Domain labels (right before the TLD) of placeholder domains.
PLACEHOLDER_DOMAINS = [
    "bar", "company", "domain", "email", "example", "foo", "mydomain", "sample", "somewhere",
    "test", "website", "yourcompany", "yourdomain", "yoursite",
    "azienda", "empresa", "entreprise", "firma", "bedrijf", "dominio", "domaine", "dominium",
    "tuodominio", "tuaazienda", "tudominio", "tuempresa", "suaempresa", "seudominio",
    "votredomaine", "votreentreprise", "ihrefirma", "ihredomain", "mijnbedrijf", "twojafirma",
    "mailserver", "provider", "anbieter",
    # "example" in the packs' languages, as localized manuals, courses and call scripts write it
    "exemple", "ejemplo", "esempio", "beispiel", "voorbeeld", "exemplo", "przyklad",
    # machine identities, not people: Google Cloud service accounts (name@project.iam.gserviceaccount.com)
    "gserviceaccount",
]

TLDS = ("com|org|net|edu|gov|mil|int|info|biz|io|co|ai|app|dev|me|tech|cloud|email|online|site|"
        "xyz|eu|de|fr|es|it|nl|be|ch|at|uk|ie|se|no|dk|fi|pl|pt|cz|gr|hu|ro|tr|ru|ua|us|ca|mx|br|"
        "ar|cl|au|nz|jp|cn|kr|in|sg|hk|tw|za|il|ae|internal|local|corp|lan")


def char_class(chars, alphabet):
    """A character class of `alphabet` without `chars`: ranges of digits and letters, then the
    symbols ('-' last, where it needs no escape)."""
    keep = [c for c in alphabet if c not in chars]
    alnum = [c for c in keep if c.isalnum()]
    out, i = [], 0
    while i < len(alnum):
        j = i
        while j + 1 < len(alnum) and ord(alnum[j + 1]) == ord(alnum[j]) + 1:
            j += 1
        out.append(alnum[i] if j == i else alnum[i] + alnum[j] if j == i + 1 else alnum[i] + "-" + alnum[j])
        i = j + 1
    symbols = [c for c in keep if not c.isalnum()]
    symbols.sort(key=lambda c: c == "-")
    return "[" + "".join(out) + "".join(symbols) + "]"


def complement(words, alphabet, tail, first_alphabet=None, prefixes=()):
    """A regex for the strings over alphabet (one or more characters; the first one from
    first_alphabet) that are not in words, nor one of prefixes followed by a separator and more."""
    trie = {}
    for w in list(words) + list(prefixes):
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}
    for w in prefixes:
        node = trie
        for c in w:
            node = node[c]
        node["*"] = {}  # a separator after the word leads nowhere

    def node_regex(node, at_root):
        alts = []
        if not at_root and "" not in node:
            alts.append("")  # a prefix of an excluded word is a word of its own
        children = sorted(c for c in node if c and c != "*")
        excluded = children + ([c for c in PREFIX_SEPARATORS if c not in children] if "*" in node else [])
        other = char_class(excluded, first_alphabet if at_root and first_alphabet else alphabet)
        alts.append(other + tail)
        for c in children:
            child = node[c]
            alts.append(escape(c) + node_regex(child, False))
        if not at_root and "" in node and len(alts) == 2 and not children:
            return "(?:" + other + tail + ")"
        return "(?:" + "|".join(alts) + ")"

    return node_regex(trie, True)


def escape(c):
    return "\\" + c if c in ".+%-" and c != "-" else c


def main():
    local_alphabet = "0123456789abcdefghijklmnopqrstuvwxyz%+._-"
    local = complement(ROLE_LOCALS, local_alphabet, "[a-z0-9._%+-]*",
                       "0123456789abcdefghijklmnopqrstuvwxyz", ROLE_PREFIXES)
    domain = complement(PLACEHOLDER_DOMAINS, "0123456789abcdefghijklmnopqrstuvwxyz-", "[a-z0-9-]*")
    # The address is group 1; what comes before it must not be part of a local part, so that
    # "john.doe@..." is not read from its "doe", nor a '/': the user part of a URL
    # (https://<key>@o123.ingest.sentry.io/4, https://user@host/path) is no e-mail address.
    print("(?i)(?:^|[^a-z0-9._%+/-])(" + local + "@(?:[a-z0-9-]{1,63}\\.)*" + domain + "\\.(?:" + TLDS +
          "))\\b")


if __name__ == "__main__":
    main()
