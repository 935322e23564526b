"""More well-formed values for the held-out splits written for issue 17: European and Japanese
national identifiers with valid check digits (and near misses that fail them), phone numbers in
each country's national and international formats, digits dictated in words, obfuscated e-mail
addresses, people's names by language, ICD-10 codes, and the look-alikes that must not count.
Extends values.Values; each split passes its own seed."""

import base64
import string

from values import ALNUM, HEX, Values

DIGITS = string.digits

# Digits written as words, per language (what a dictating user or a speech-to-text tool writes).
NUMBER_WORDS = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "de": ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"],
    "fr": ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"],
    "es": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
    "it": ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"],
    "nl": ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"],
    "pt": ["zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove"],
    "pl": ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"],
    "ja": ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
}

# How "@" and "." of an e-mail address are spelled out, per language.
AT_WORDS = {
    "en": ["[at]", "(at)", " at ", " AT ", "{at}", " [at] ", " (at) "],
    "de": [" at ", " [at] ", "(at)", " ät "],
    "fr": [" arobase ", " [at] ", " at "],
    "es": [" arroba ", " [arroba] ", " at "],
    "it": [" chiocciola ", " at ", " [at] "],
    "nl": [" apenstaartje ", " at ", " [at] "],
    "pt": [" arroba ", " [at] "],
    "pl": [" małpa ", " at ", " [at] "],
    "ja": ["アットマーク", " at ", "＠"],
}
DOT_WORDS = {
    "en": ["[dot]", "(dot)", " dot ", " DOT ", "{dot}", " [dot] ", "."],
    "de": [" punkt ", " dot ", "."],
    "fr": [" point ", " dot ", "."],
    "es": [" punto ", " dot ", "."],
    "it": [" punto ", " dot ", "."],
    "nl": [" punt ", " dot ", "."],
    "pt": [" ponto ", " dot ", "."],
    "pl": [" kropka ", " dot ", "."],
    "ja": ["ドット", " dot ", "."],
}

NAMES = {
    "en": (["Oliver", "Amelia", "George", "Isla", "Harry", "Grace", "Jack", "Evie", "Sophie", "Liam"],
           ["Thompson", "Walker", "Hughes", "Clarke", "Bennett", "Wright", "Turner", "Harris", "Cooper"]),
    "de": (["Thomas", "Sabine", "Jürgen", "Anja", "Florian", "Katrin", "Matthias", "Julia", "Stefan"],
           ["Berger", "Hoffmann", "Schäfer", "Krüger", "Wagner", "Becker", "Zimmermann", "Vogel", "Köhler"]),
    "fr": (["Camille", "Julien", "Élodie", "Mathieu", "Céline", "Antoine", "Manon", "Nicolas", "Léa"],
           ["Lefèvre", "Girard", "Bonnet", "Mercier", "Fontaine", "Rousseau", "Chevalier", "Gauthier"]),
    "es": (["Laura", "Javier", "Lucía", "Alejandro", "Carmen", "Pablo", "Marta", "Sergio", "Elena"],
           ["Martínez", "Ruiz", "Navarro", "Jiménez", "Moreno", "Romero", "Alonso", "Torres", "Gil"]),
    "it": (["Giulia", "Marco", "Francesca", "Alessandro", "Chiara", "Luca", "Valentina", "Davide"],
           ["Rossi", "Bianchi", "Esposito", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"]),
    "nl": (["Daan", "Sanne", "Lars", "Femke", "Bram", "Lotte", "Jeroen", "Eline", "Ruben"],
           ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"]),
    "pt": (["João", "Ana", "Tiago", "Inês", "Rui", "Beatriz", "Miguel", "Mariana", "Pedro"],
           ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins"]),
    "pl": (["Anna", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Paweł", "Agnieszka", "Michał"],
           ["Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zielińska"]),
    "ja": (["翔太", "美咲", "大輔", "陽子", "健一", "由美", "拓也", "真由美"],
           ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村"]),
}

# ICD-10 codes with a German / English gloss, for clinical notes.
ICD10 = [("F32.1", "moderate depressive episode"), ("F43.0", "acute stress reaction"),
         ("F41.1", "generalized anxiety disorder"), ("C50.9", "breast cancer"),
         ("C34.1", "lung cancer, upper lobe"), ("E11.9", "type 2 diabetes"),
         ("F20.0", "paranoid schizophrenia"), ("F31.2", "bipolar disorder, manic with psychosis"),
         ("G35", "multiple sclerosis"), ("B20", "HIV disease"), ("F10.2", "alcohol dependence"),
         ("C18.7", "colon cancer"), ("O24.4", "gestational diabetes"), ("G40.9", "epilepsy"),
         ("F33.2", "recurrent severe depression"), ("C91.0", "acute lymphoblastic leukemia")]


class EuValues(Values):
    # ------------------------------------------------------------ national identifiers
    def fr_nir(self, valid=True, spaced=None):
        sex = self.pick("12")
        yy = "%02d" % self.r.randint(40, 99)
        mm = "%02d" % self.r.randint(1, 12)
        dept = "%02d" % self.r.choice([75, 69, 13, 33, 59, 31, 44, 67, 6, 92, 93, 94])
        commune = "%03d" % self.r.randint(1, 500)
        order = "%03d" % self.r.randint(1, 999)
        body = sex + yy + mm + dept + commune + order
        key = 97 - int(body) % 97
        if not valid:
            key = (key + self.r.randint(1, 50)) % 97 + 1
        key = "%02d" % key
        spaced = self.r.random() < 0.6 if spaced is None else spaced
        if spaced:
            return " ".join([sex, yy, mm, dept, commune, order, key])
        return body + key

    def de_tax_id(self, valid=True, spaced=None):
        while True:
            digits = [self.r.randint(1, 9)] + [self.r.randint(0, 9) for _ in range(9)]
            counts = [digits.count(d) for d in set(digits)]
            if sorted(counts, reverse=True)[0] in (2, 3) and sum(1 for c in counts if c > 1) == 1:
                break
        product = 10
        for d in digits:
            s = (d + product) % 10
            if s == 0:
                s = 10
            product = (s * 2) % 11
        check = 11 - product
        if check == 10:
            check = 0
        if not valid:
            check = (check + self.r.randint(1, 9)) % 10
        s = "".join(map(str, digits)) + str(check)
        spaced = self.r.random() < 0.4 if spaced is None else spaced
        return "%s %s %s %s" % (s[:2], s[2:5], s[5:8], s[8:]) if spaced else s

    def es_dni(self, valid=True, nie=None):
        letters = "TRWAGMYFPDXBNJZSQVHLCKE"
        nie = self.r.random() < 0.3 if nie is None else nie
        if nie:
            prefix = self.pick("XYZ")
            num = "%07d" % self.r.randint(0, 9999999)
            value = int(str("XYZ".index(prefix)) + num)
            letter = letters[value % 23]
            if not valid:
                letter = letters[(value + self.r.randint(1, 22)) % 23]
            return prefix + num + self.pick(["", "-"]) + letter
        num = "%08d" % self.r.randint(1000000, 99999999)
        letter = letters[int(num) % 23]
        if not valid:
            letter = letters[(int(num) + self.r.randint(1, 22)) % 23]
        return num + self.pick(["", "", "-"]) + letter

    def it_fiscal_code(self, valid=True):
        cons = "BCDFGHLMNPRSTVZ"
        months = "ABCDEHLMPRST"
        code = (self.s(3, cons) + self.s(3, cons) + "%02d" % self.r.randint(40, 99) +
                self.pick(months) + "%02d" % (self.r.randint(1, 28) + self.pick([0, 40])) +
                self.pick("ABCDEFGHLMZ") + "%03d" % self.r.randint(1, 999))
        odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25,
               24, 23]
        total = 0
        for i, ch in enumerate(code):
            v = int(ch) if ch.isdigit() else ord(ch) - 65
            total += odd[v] if i % 2 == 0 else v
        check = chr(65 + total % 26)
        if not valid:
            check = chr(65 + (total + self.r.randint(1, 25)) % 26)
        return code + check

    def nl_bsn(self, valid=True):
        while True:
            d = [self.r.randint(0, 9) for _ in range(8)]
            if d[0] == 0:
                continue
            total = sum(w * x for w, x in zip(range(9, 1, -1), d))
            last = total % 11
            if last <= 9:
                break
        if not valid:
            last = (last + self.r.randint(1, 9)) % 10
        s = "".join(map(str, d)) + str(last)
        return self.pick([s, s, s[:4] + "." + s[4:6] + "." + s[6:], s[:3] + " " + s[3:6] + " " + s[6:]])

    def uk_nino(self):
        first = self.pick("ABCEGHJKLMNOPRSTWXYZ")
        second = self.pick("ABCEGHJKLMNPRSTWXYZ")
        if first + second in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            second = "A"
        d = self.s(6, DIGITS)
        suffix = self.pick("ABCD")
        return self.pick(["%s%s%s%s" % (first, second, d, suffix),
                          "%s%s %s %s %s %s" % (first, second, d[:2], d[2:4], d[4:], suffix)])

    def nhs_number(self, valid=True):
        while True:
            d = [self.r.randint(0, 9) for _ in range(9)]
            total = sum(w * x for w, x in zip(range(10, 1, -1), d))
            check = 11 - total % 11
            if check == 11:
                check = 0
            if check != 10:
                break
        if not valid:
            check = (check + self.r.randint(1, 9)) % 10
        s = "".join(map(str, d)) + str(check)
        return self.pick([s[:3] + " " + s[3:6] + " " + s[6:], s[:3] + "-" + s[3:6] + "-" + s[6:], s])

    def jp_my_number(self, valid=True):
        d = [self.r.randint(0, 9) for _ in range(11)]
        total = 0
        for n in range(1, 12):
            p = d[11 - n]
            q = n + 1 if n <= 6 else n - 5
            total += p * q
        rem = total % 11
        check = 0 if rem <= 1 else 11 - rem
        if not valid:
            check = (check + self.r.randint(1, 9)) % 10
        s = "".join(map(str, d)) + str(check)
        return self.pick([s, s[:4] + " " + s[4:8] + " " + s[8:], s[:4] + "-" + s[4:8] + "-" + s[8:]])

    def pl_pesel(self, valid=True):
        yy = self.r.randint(40, 99)
        mm = self.r.randint(1, 12)
        dd = self.r.randint(1, 28)
        body = "%02d%02d%02d%04d" % (yy, mm, dd, self.r.randint(0, 9999))
        weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        check = (10 - sum(int(c) * w for c, w in zip(body, weights)) % 10) % 10
        if not valid:
            check = (check + self.r.randint(1, 9)) % 10
        return body + str(check)

    def pt_nif(self, valid=True):
        d = [self.pick([1, 2, 2, 2, 5, 9])] + [self.r.randint(0, 9) for _ in range(7)]
        total = sum(w * x for w, x in zip(range(9, 1, -1), d))
        check = 11 - total % 11
        if check >= 10:
            check = 0
        if not valid:
            check = (check + self.r.randint(1, 9)) % 10
        s = "".join(map(str, d)) + str(check)
        return self.pick([s, s, s[:3] + " " + s[3:6] + " " + s[6:]])

    # ------------------------------------------------------------ phones
    def phone_eu(self, region, international=None):
        d = lambda n: self.s(n, DIGITS)
        intl = self.r.random() < 0.4 if international is None else international
        if region == "de":
            area = self.pick(["30", "40", "89", "221", "69", "711", "151", "160", "171", "176"])
            sub = d(self.r.randint(6, 8))
            if intl:
                return self.pick(["+49 %s %s", "+49 (0)%s %s", "+49-%s-%s", "0049 %s %s"]) % (area, sub)
            return self.pick(["0%s %s", "0%s/%s", "0%s-%s", "(0%s) %s"]) % (area, sub)
        if region == "fr":
            first = self.pick("1234567")
            pairs = [d(2) for _ in range(4)]
            if intl:
                return self.pick(["+33 %s %s", "+33 (0)%s %s", "0033 %s %s"]) % (first, " ".join(pairs))
            sep = self.pick([" ", ".", "-", ""])
            return "0" + first + sep + sep.join(pairs)
        if region == "es":
            first = self.pick(["6", "7", "9"])
            body = first + d(8)
            if intl:
                return "+34 %s %s %s" % (body[:3], body[3:6], body[6:])
            return self.pick(["%s %s %s" % (body[:3], body[3:6], body[6:]),
                              "%s %s %s %s" % (body[:3], body[3:5], body[5:7], body[7:]), body])
        if region == "it":
            if self.r.random() < 0.6:
                body = "3" + self.pick(["2", "3", "4", "8", "9"]) + d(1) + d(7)
                if intl:
                    return "+39 %s %s" % (body[:3], body[3:])
                return self.pick(["%s %s" % (body[:3], body[3:]), "%s %s %s" % (body[:3], body[3:6], body[6:]),
                                  "%s-%s" % (body[:3], body[3:]), body])
            area = self.pick(["02", "06", "011", "055", "081", "051"])
            sub = d(self.r.randint(6, 8))
            return ("+39 %s %s" if intl else "%s %s") % (area, sub)
        if region == "nl":
            if self.r.random() < 0.6:
                body = d(8)
                if intl:
                    return self.pick(["+31 6 %s", "+31 (0)6 %s", "+316%s"]) % body
                return self.pick(["06-%s", "06 %s", "06%s"]) % body if self.r.random() < 0.7 else \
                    "06 %s %s %s %s" % (body[:2], body[2:4], body[4:6], body[6:])
            area = self.pick(["20", "10", "30", "70", "40"])
            return ("+31 %s %s" if intl else "0%s-%s") % (area, d(7))
        if region == "pt":
            body = self.pick(["91", "92", "93", "96", "21", "22"]) + d(7)
            if intl:
                return "+351 %s %s %s" % (body[:3], body[3:6], body[6:])
            return self.pick(["%s %s %s" % (body[:3], body[3:6], body[6:]), body])
        if region == "pl":
            body = self.pick(["5", "6", "7", "8"]) + d(8)
            if intl:
                return self.pick(["+48 %s %s %s", "+48 %s-%s-%s"]) % (body[:3], body[3:6], body[6:])
            return self.pick(["%s %s %s" % (body[:3], body[3:6], body[6:]), "%s-%s-%s" % (body[:3], body[3:6], body[6:]), body])
        if region == "jp":
            if self.r.random() < 0.5:
                mobile = self.pick(["090", "080", "070"])
                if intl:
                    return "+81 %s-%s-%s" % (mobile[1:], d(4), d(4))
                return self.pick(["%s-%s-%s", "%s %s %s", "%s(%s)%s"]) % (mobile, d(4), d(4))
            area = self.pick(["03", "06", "052", "045", "011"])
            rest = 10 - len(area)
            a = d(rest - 4)
            if intl:
                return "+81 %s-%s-%s" % (area[1:], a, d(4))
            return self.pick(["%s-%s-%s", "%s(%s)%s"]) % (area, a, d(4))
        if region == "uk":
            if self.r.random() < 0.5:
                body = "7" + d(9)
                return ("+44 %s %s" if intl else "0%s %s") % (body[:4], body[4:])
            return ("+44 20 %s %s" if intl else "020 %s %s") % (d(4), d(4))
        raise ValueError(region)

    # ------------------------------------------------------------ spelled out
    def dictate(self, digits, lang, sep=None):
        words = NUMBER_WORDS[lang]
        sep = sep if sep is not None else self.pick([" ", " ", ", ", "-", " - "])
        if lang == "ja":
            sep = self.pick(["", "、", " "])
        return sep.join(words[int(c)] if c.isdigit() else c for c in digits if c not in " -")

    def spaced_digits(self, digits, group=None):
        d = [c for c in digits if c.isdigit()]
        group = group or self.pick([0, 4, 4])
        if group == 0:
            return self.pick([" ", ", ", "-"]).join(d)
        chunks = [" ".join(d[i:i + group]) for i in range(0, len(d), group)]
        return self.pick([", ", " - ", "  ", " / "]).join(chunks)

    def obfuscated_email(self, name=None, lang="en"):
        email = self.email(name)
        local, domain = email.split("@")
        at = self.pick(AT_WORDS[lang])
        dot = self.pick(DOT_WORDS[lang])
        if dot == "." and at.strip() in ("at", "AT"):
            dot = self.pick(DOT_WORDS[lang][:-1])
        return local.replace(".", dot if self.r.random() < 0.3 else ".") + at + domain.replace(".", dot)

    def person(self, lang):
        first, last = NAMES[lang]
        if lang == "ja":
            return self.pick(last) + self.pick(first)
        return self.pick(first) + " " + self.pick(last)

    def icd10(self):
        return self.pick(ICD10)

    def dob(self, lang):
        y, m, d = self.r.randint(1940, 2004), self.r.randint(1, 12), self.r.randint(1, 28)
        if lang in ("de", "pl", "nl"):
            return "%02d.%02d.%04d" % (d, m, y) if lang != "nl" else "%02d-%02d-%04d" % (d, m, y)
        if lang in ("fr", "es", "it", "pt"):
            return "%02d/%02d/%04d" % (d, m, y)
        if lang == "ja":
            return "%04d年%d月%d日" % (y, m, d)
        return self.pick(["%04d-%02d-%02d" % (y, m, d), "%02d/%02d/%04d" % (m, d, y)])

    # ------------------------------------------------------------ secrets in other tools' files
    def django_secret(self):
        return "django-insecure-" + self.s(50, string.ascii_lowercase + DIGITS + "!@#$%^&*(-_=+)")

    def rails_secret(self):
        return self.s(128, HEX)

    def laravel_key(self):
        return "base64:" + base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(32))).decode()

    def basic_auth(self, user, password):
        return base64.b64encode(("%s:%s" % (user, password)).encode()).decode()

    def loyalty_number(self):
        """A Luhn-valid 16-digit number with a non-payment IIN (9xxx): loyalty, gift and store cards."""
        body = "9" + self.s(14, DIGITS)
        for check in DIGITS:
            if self.luhn_ok(body + check):
                s = body + check
                return self.pick([s, " ".join(s[i:i + 4] for i in range(0, 16, 4))])
        raise AssertionError

    def ssn_shaped_sku(self):
        return "%03d-%02d-%04d" % (self.r.randint(100, 899), self.r.randint(10, 99), self.r.randint(1000, 9999))

    def private_ip_version(self):
        """A firmware or build version that happens to read like a private IPv4 address."""
        return "10.%d.%d.%d" % (self.r.randint(0, 9), self.r.randint(0, 30), self.r.randint(1, 250))

    def pem_header_b64(self, kind=None):
        kind = kind or self.pick(["RSA ", "EC ", "", "OPENSSH "])
        header = "-----BEGIN %sPRIVATE KEY-----" % kind
        return base64.b64encode((header + self.pick(["", "\n"])).encode()).decode()

    def aes_key_hex(self, nbytes=None):
        return self.s(2 * (nbytes or self.pick([16, 24, 32])), HEX)

    def token_like(self, n):
        return self.s(n, ALNUM)

    # ------------------------------------------------------------ added for holdout7 (new methods only,
    # so the older splits' generators draw the same sequence as before)
    IBAN_LENGTHS = {"PL": (28, "n"), "PT": (25, "n"), "NL": (18, "nl"), "IT": (27, "it"), "BE": (16, "n")}

    def iban_cc(self, cc, valid=True, grouped=None):
        """An IBAN of a given country (Polish, Portuguese, Dutch, Italian, Belgian layouts)."""
        length, fmt = self.IBAN_LENGTHS[cc]
        n = length - 4
        if fmt == "nl":
            bban = self.s(4, string.ascii_uppercase) + self.s(n - 4, DIGITS)
        elif fmt == "it":
            bban = self.s(1, string.ascii_uppercase) + self.s(n - 1, DIGITS)
        else:
            bban = self.s(n, DIGITS)
        numeric = "".join(str(int(c, 36)) for c in bban + cc + "00")
        check = 98 - int(numeric) % 97
        if not valid:
            check = (check + self.r.randint(1, 90)) % 97 + 2
        iban = "%s%02d%s" % (cc, check, bban)
        grouped = self.r.random() < 0.6 if grouped is None else grouped
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if grouped else iban

    def it_vat(self):
        """Partita IVA: a company's public VAT number (11 digits, Luhn check)."""
        body = self.s(7, DIGITS) + "%03d" % self.r.randint(1, 100)
        for check in DIGITS:
            if self.luhn_ok(body + check):
                return body + check
        raise AssertionError

    def pl_nip(self, dashed=None):
        """NIP: a Polish company's public tax number (10 digits, weighted mod 11)."""
        weights = [6, 5, 7, 2, 3, 4, 5, 6, 7]
        while True:
            d = [self.r.randint(1, 9)] + [self.r.randint(0, 9) for _ in range(8)]
            check = sum(w * x for w, x in zip(weights, d)) % 11
            if check != 10:
                break
        s = "".join(map(str, d)) + str(check)
        dashed = self.r.random() < 0.5 if dashed is None else dashed
        return "%s-%s-%s-%s" % (s[:3], s[3:6], s[6:8], s[8:]) if dashed else s

    def pl_regon(self):
        weights = [8, 9, 2, 3, 4, 5, 6, 7]
        d = [self.r.randint(0, 9) for _ in range(8)]
        check = sum(w * x for w, x in zip(weights, d)) % 11 % 10
        return "".join(map(str, d)) + str(check)

    def _pt_mod11(self, first):
        d = [first] + [self.r.randint(0, 9) for _ in range(7)]
        total = sum(w * x for w, x in zip(range(9, 1, -1), d))
        check = 11 - total % 11
        if check >= 10:
            check = 0
        return "".join(map(str, d)) + str(check)

    def pt_nif_personal(self):
        """A person's NIF (first digit 1-3)."""
        return self._pt_mod11(self.pick([1, 2, 2, 3]))

    def pt_nipc(self):
        """A company's NIPC (first digit 5): the same check digit as a person's NIF, but public."""
        return self._pt_mod11(5)

    def ean13(self):
        body = self.pick(["80", "87", "590", "560", "45"]) + ""
        body += self.s(12 - len(body), DIGITS)
        total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
        return body + str((10 - total % 10) % 10)

    def sendgrid(self):
        return "SG." + self.s(22, ALNUM + "_-") + "." + self.s(43, ALNUM + "_-")

    def twilio_sid(self):
        return "AC" + self.s(32, HEX)

    def vault_token(self):
        return "hvs." + self.s(24, ALNUM + "_-")

    def shopify(self):
        return self.pick(["shpat_", "shpss_"]) + self.s(32, HEX)

    def pypi(self):
        return "pypi-AgEIcHlwaS5vcmc" + self.s(60, ALNUM + "_-")

    def azure_storage_key(self):
        return base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(64))).decode()

    def sealed_blob(self):
        """A Bitnami SealedSecret ciphertext: encrypted for the cluster, safe in a public repo."""
        return "AgB" + base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(180))).decode()

    def ssh_public_key(self):
        return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + self.s(43, ALNUM + "+/")

    def npm_integrity(self):
        return "sha512-" + base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(64))).decode()
