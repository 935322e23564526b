"""Random but well-formed values for the labeled corpus: credentials in their vendors' formats,
card numbers that pass Luhn, SSNs in issued ranges, IBANs with valid check digits, and the
look-alikes that must not count (documentation keys, placeholders, hashes, public addresses).
Shared by generate.py (tuning split) and holdout/generate_holdout.py; each passes its own seed."""

import base64
import json
import random
import string

ALNUM = string.ascii_letters + string.digits
UPPER_B32 = string.ascii_uppercase + "234567"
HEX = "0123456789abcdef"


class Values:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def s(self, n, alphabet=ALNUM):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def pick(self, items):
        return self.r.choice(items)

    # ---------------------------------------------------------------- credentials
    def aws_key_id(self):
        return self.pick(["AKIA", "AKIA", "ASIA"]) + self.s(16, UPPER_B32)

    def aws_secret(self):
        while True:
            v = self.s(40, ALNUM + "/+")
            if any(c.isdigit() for c in v):
                return v

    def github_pat(self):
        return self.pick(["ghp_", "ghp_", "gho_", "ghs_", "ghu_"]) + self.s(36)

    def github_fine_grained(self):
        return "github_pat_" + self.s(22) + "_" + self.s(59)

    def gitlab(self):
        return "glpat-" + self.s(20, ALNUM + "_-")

    def slack_bot(self):
        return "xoxb-%s-%s-%s" % (self.s(12, string.digits), self.s(13, string.digits), self.s(24))

    def slack_user(self):
        return "xoxp-%s-%s-%s-%s" % (self.s(12, string.digits), self.s(12, string.digits),
                                     self.s(13, string.digits), self.s(32, HEX))

    def slack_webhook(self):
        return "https://hooks.slack.com/services/T%s/B%s/%s" % (
            self.s(8, string.ascii_uppercase + string.digits),
            self.s(10, string.ascii_uppercase + string.digits), self.s(24))

    def stripe(self):
        return self.pick(["sk_live_", "sk_live_", "rk_live_"]) + self.s(self.pick([24, 34, 99]))

    def openai(self):
        kind = self.r.randint(0, 2)
        if kind == 0:
            return "sk-proj-" + self.s(20, ALNUM + "_-") + "T3BlbkFJ" + self.s(20, ALNUM + "_-")
        if kind == 1:
            return "sk-" + self.s(48)
        return "sk-proj-" + self.s(self.pick([48, 64, 156]), ALNUM + "_-")

    def anthropic(self):
        return "sk-ant-api03-" + self.s(93, ALNUM + "_-") + "AA"

    def google(self):
        return "AIza" + self.s(35, ALNUM + "_-")

    def npm(self):
        return "npm_" + self.s(36)

    def hf(self):
        return "hf_" + self.s(34)

    def jwt(self):
        def b64u(obj):
            raw = json.dumps(obj, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
        header = b64u({"alg": self.pick(["HS256", "RS256", "ES256"]), "typ": "JWT"})
        payload = b64u({"sub": self.s(12, HEX), "exp": self.r.randint(1700000000, 1800000000),
                        "role": self.pick(["admin", "user", "service"])})
        sig = base64.urlsafe_b64encode(bytes(self.r.getrandbits(8) for _ in range(32)))
        return header + "." + payload + "." + sig.rstrip(b"=").decode()

    def pem_private_key(self, kind=None, escaped=False):
        kind = kind or self.pick(["RSA ", "EC ", "", "OPENSSH ", "ENCRYPTED "])
        lines = [base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(48))).decode()
                 for _ in range(self.r.randint(3, 8))]
        nl = "\\n" if escaped else "\n"
        return ("-----BEGIN %sPRIVATE KEY-----" % kind + nl + nl.join(lines) + nl +
                "-----END %sPRIVATE KEY-----" % kind)

    def password(self):
        words = ["Winter", "Falcon", "Summer", "Harbor", "Maple", "Orbit", "Cobalt", "Tiger",
                 "Sonne", "Soleil", "Luna", "Sakura"]
        kind = self.r.randint(0, 2)
        if kind == 0:
            return self.pick(words) + str(self.r.randint(10, 2030)) + self.pick("!#$%&*?@")
        if kind == 1:
            return self.s(self.r.randint(10, 16), ALNUM + "!#%&*@^")
        return self.pick(words).lower() + self.pick(["-", "_", "."]) + self.s(6, ALNUM) + \
            str(self.r.randint(0, 9))

    def hex_secret(self, n=32):
        return self.s(n, HEX)

    def b64_secret(self, nbytes=32):
        return base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(nbytes))).decode()

    # ---------------------------------------------------------------- look-alikes
    def uuid(self):
        h = self.s(32, HEX)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], self.pick("89ab"), h[17:20], h[20:32])

    def git_sha(self):
        return self.s(40, HEX)

    def sha256(self):
        return self.s(64, HEX)

    def public_ip(self):
        while True:
            a = self.r.randint(1, 223)
            if a in (10, 127, 169, 172, 192, 100):
                continue
            return "%d.%d.%d.%d" % (a, self.r.randint(0, 255), self.r.randint(0, 255),
                                    self.r.randint(1, 254))

    # ---------------------------------------------------------------- personal data
    @staticmethod
    def luhn_ok(digits):
        total = 0
        for i, ch in enumerate(reversed(digits)):
            d = int(ch)
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        return total % 10 == 0

    def card_digits(self, valid=True):
        prefix, length = self.pick([("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16),
                                    ("6011", 16), ("37", 15), ("34", 15)])
        body = prefix + self.s(length - len(prefix) - 1, string.digits)
        for check in "0123456789":
            if self.luhn_ok(body + check) == valid:
                return body + check
        raise AssertionError

    def card(self, valid=True, sep=None):
        d = self.card_digits(valid)
        sep = self.pick([" ", "-", ""]) if sep is None else sep
        if len(d) == 15:
            return sep.join([d[:4], d[4:10], d[10:]])
        return sep.join(d[i:i + 4] for i in range(0, 16, 4))

    def ssn(self, sep="-"):
        while True:
            area = self.r.randint(1, 899)
            if area != 666:
                break
        return "%03d%s%02d%s%04d" % (area, sep, self.r.randint(1, 99), sep, self.r.randint(1, 9999))

    IBAN_FORMATS = {"DE": (22, "n"), "FR": (27, "n"), "ES": (24, "n"), "GB": (22, "gb"),
                    "NL": (18, "nl"), "IT": (27, "it"), "AT": (20, "n"), "CH": (21, "n")}

    def iban(self, valid=True, grouped=None):
        cc = self.pick(list(self.IBAN_FORMATS))
        length, fmt = self.IBAN_FORMATS[cc]
        n = length - 4
        if fmt == "gb":
            bban = self.s(4, string.ascii_uppercase) + self.s(n - 4, string.digits)
        elif fmt == "nl":
            bban = self.s(4, string.ascii_uppercase) + self.s(n - 4, string.digits)
        elif fmt == "it":
            bban = self.s(1, string.ascii_uppercase) + self.s(n - 1, string.digits)
        else:
            bban = self.s(n, string.digits)
        numeric = "".join(str(int(c, 36)) for c in bban + cc + "00")
        check = 98 - int(numeric) % 97
        if not valid:
            check = (check + self.r.randint(1, 90)) % 97 + 2
            if check == 98 - int(numeric) % 97:
                check = (check % 97) + 1
        iban = "%s%02d%s" % (cc, check, bban)
        grouped = self.r.random() < 0.6 if grouped is None else grouped
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if grouped else iban

    FIRST = ["Maria", "James", "Aisha", "Lukas", "Chloé", "Javier", "Yuki", "Priya", "Tom", "Sofia",
             "Hannah", "Mohammed", "Elena", "Kenji", "Olivia", "Mateo", "Ingrid", "Noah", "Fatima",
             "Pierre", "Lucía", "Jonas", "Emily", "Haruto"]
    LAST = ["Gonzalez", "Okafor", "Schneider", "Dubois", "Tanaka", "Patel", "Nguyen", "Kowalski",
            "Müller", "Rossi", "Johansson", "García", "Smith", "Brennan", "Fischer", "Moreau",
            "Sato", "Haddad", "Lindgren", "Fernández", "Walsh", "Novak"]
    DOMAINS = ["gmail.com", "outlook.com", "yahoo.co.jp", "web.de", "orange.fr", "telefonica.es",
               "brightpath.io", "northwind-traders.com", "contoso-health.org", "fabrikam.net",
               "hey.com", "proton.me", "gmx.de", "free.fr"]

    def name(self):
        return self.pick(self.FIRST) + " " + self.pick(self.LAST)

    def email(self, name=None):
        name = name or self.name()
        first, last = name.split(" ", 1)
        ascii_map = str.maketrans("éüíáó", "euiao")
        first, last = first.lower().translate(ascii_map), last.lower().translate(ascii_map)
        local = self.pick([first + "." + last, first[0] + last, first + "_" + last[:3],
                           last + str(self.r.randint(1, 99))])
        return local + "@" + self.pick(self.DOMAINS)

    def phone(self, region=None):
        region = region or self.pick(["us", "uk", "de", "fr", "es", "jp", "intl"])
        d = lambda n: self.s(n, string.digits)
        if region == "us":
            return self.pick(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s"]) % (
                str(self.r.randint(201, 989)), d(3), d(4))
        if region == "uk":
            return "+44 %s %s %s" % (self.pick(["20", "161", "7700"]), d(4), d(4))
        if region == "de":
            return self.pick(["+49 30 %s", "030 %s", "0171 %s"]) % d(7)
        if region == "fr":
            return "0%d %s %s %s %s" % (self.r.randint(1, 7), d(2), d(2), d(2), d(2))
        if region == "es":
            return "+34 6%s %s %s" % (d(2), d(3), d(3))
        if region == "jp":
            return self.pick(["03-%s-%s", "090-%s-%s"]) % (d(4), d(4))
        return "+1 %d %s %s" % (self.r.randint(201, 989), d(3), d(4))

    def private_ip(self):
        kind = self.r.randint(0, 2)
        o = lambda: self.r.randint(1, 254)
        if kind == 0:
            return "10.%d.%d.%d" % (self.r.randint(0, 255), self.r.randint(0, 255), o())
        if kind == 1:
            return "172.%d.%d.%d" % (self.r.randint(16, 31), self.r.randint(0, 255), o())
        return "192.168.%d.%d" % (self.r.randint(0, 255), o())

    def date(self, style="iso"):
        y, m, dd = self.r.randint(1935, 2005), self.r.randint(1, 12), self.r.randint(1, 28)
        if style == "iso":
            return "%04d-%02d-%02d" % (y, m, dd)
        if style == "us":
            return "%02d/%02d/%04d" % (m, dd, y)
        return "%02d.%02d.%04d" % (dd, m, y)


# ---------------------------------------------------------------- evasion transforms
ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
            "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "X": "Х", "T": "Т", "H": "Н",
            "K": "К", "M": "М", "B": "В", "I": "І"}


def fullwidth(text):
    out = []
    for ch in text:
        if "!" <= ch <= "~":
            out.append(chr(ord(ch) + 0xFEE0))
        elif ch == " ":
            out.append("\u3000")
        else:
            out.append(ch)
    return "".join(out)


def zero_width(text, rng, every=3):
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if i % every == every - 1 and i + 1 < len(text):
            out.append(rng.choice(ZW))
    return "".join(out)


def homoglyph(text, rng, count=2):
    idx = [i for i, ch in enumerate(text) if ch in CYRILLIC]
    rng.shuffle(idx)
    chars = list(text)
    for i in idx[:max(1, count)]:
        chars[i] = CYRILLIC[chars[i]]
    return "".join(chars)


def spaced(text, sep=" "):
    return sep.join(text)


def json_escape(text):
    return "".join("\\u%04x" % ord(ch) if ch.isalnum() else ch for ch in text)


def percent(text):
    return "".join(ch if ch.isalnum() and ord(ch) < 128 and ch not in "" else "%%%02X" % ord(ch)
                   if ord(ch) < 128 else ch for ch in text)


def percent_all(text):
    return "".join("%%%02X" % b for b in text.encode())


def b64(text):
    return base64.b64encode(text.encode()).decode()


def html_entities(text):
    return "".join("&#%d;" % ord(ch) if ch.isalnum() or ch in "@." else ch for ch in text)
