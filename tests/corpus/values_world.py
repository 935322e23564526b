"""Well-formed values of countries outside Europe for the held-out splits of issue 17 (written for
holdout9): Chinese resident ID (GB 11643 check) and unified social credit code of companies, Korean
resident registration number and business registration number, Brazilian CPF and CNPJ, Hungarian
TAJ, tax id and company tax number, Indian Aadhaar (Verhoeff) and PAN/GSTIN, Mexican CURP and RFC
(with their check digits) and CLABE, Israeli ID, Emirates ID, and the phones and IBANs of these
countries. Each look-alike a company or a random number would give is here too. Extends
values_eu.EuValues; each split passes its own seed."""

import datetime
import string

from values_eu import EuValues

DIGITS = string.digits
UPPER = string.ascii_uppercase

# Verhoeff tables (dihedral group D5), as used by Aadhaar.
_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
       [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
       [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
       [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_ok(digits):
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def verhoeff_check(body):
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


class WorldValues(EuValues):
    def _birth(self, y0=1950, y1=2004):
        return datetime.date(self.r.randint(y0, y1), self.r.randint(1, 12), self.r.randint(1, 28))

    # ------------------------------------------------------------ China
    CN_REGIONS = ["110101", "110105", "310104", "310115", "440106", "440305", "330106", "510107", "420111",
                  "320102", "370202", "610113"]

    def cn_resident_id(self, valid=True):
        b = self._birth()
        body = self.pick(self.CN_REGIONS) + b.strftime("%Y%m%d") + "%03d" % self.r.randint(1, 999)
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        c = "10X98765432"[sum(int(a) * x for a, x in zip(body, w)) % 11]
        if not valid:
            c = self.pick([x for x in "0123456789" if x != c])
        return body + c

    def cn_uscc(self):
        """统一社会信用代码: a company's public 18-character code with a mod-31 check character."""
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        body = "91" + self.pick(self.CN_REGIONS) + self.s(9, "0123456789ABCDEFGHJKLMNPQRTUWXY"[:31])
        w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        c = (31 - sum(alphabet.index(a) * x for a, x in zip(body, w)) % 31) % 31
        return body + alphabet[c]

    def cn_mobile(self):
        n = "1" + self.pick("3456789") + self.s(9, DIGITS)
        return self.pick(["%s %s %s" % (n[:3], n[3:7], n[7:]), n, "+86 %s %s %s" % (n[:3], n[3:7], n[7:]),
                          "+86-%s-%s-%s" % (n[:3], n[3:7], n[7:])])

    # ------------------------------------------------------------ Korea
    def kr_rrn(self):
        while True:
            b = self._birth(1950, 2005)
            g = self.pick([1, 2]) if b.year < 2000 else self.pick([3, 4])
            body = b.strftime("%y%m%d") + str(g) + self.s(5, DIGITS)
            w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
            c = (11 - sum(int(a) * x for a, x in zip(body, w)) % 11) % 10
            s = body + str(c)
            return self.pick(["%s-%s" % (s[:6], s[6:]), "%s-%s" % (s[:6], s[6:]), s])

    def kr_brn(self):
        """사업자등록번호: a business's public registration number, with its check digit."""
        d = [self.r.randint(1, 9)] + [self.r.randint(0, 9) for _ in range(8)]
        w = [1, 3, 7, 1, 3, 7, 1, 3, 5]
        total = sum(a * x for a, x in zip(d, w)) + (d[8] * 5) // 10
        s = "".join(map(str, d)) + str((10 - total % 10) % 10)
        return "%s-%s-%s" % (s[:3], s[3:5], s[5:])

    def kr_mobile(self):
        a, b = self.s(4, DIGITS), self.s(4, DIGITS)
        return self.pick(["010-%s-%s" % (a, b), "010 %s %s" % (a, b), "+82 10-%s-%s" % (a, b), "+82-10-%s-%s" % (a, b)])

    # ------------------------------------------------------------ Brazil
    def br_cpf(self, formatted=None):
        d = [self.r.randint(0, 9) for _ in range(9)]
        for n in (10, 11):
            r = sum(a * x for a, x in zip(d, range(n, 1, -1))) * 10 % 11
            d.append(0 if r == 10 else r)
        s = "".join(map(str, d))
        formatted = self.r.random() < 0.8 if formatted is None else formatted
        return "%s.%s.%s-%s" % (s[:3], s[3:6], s[6:9], s[9:]) if formatted else s

    def br_cnpj(self):
        d = [self.r.randint(0, 9) for _ in range(8)] + [0, 0, 0, 1]
        for w in ([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]):
            r = sum(a * x for a, x in zip(d, w)) % 11
            d.append(0 if r < 2 else 11 - r)
        s = "".join(map(str, d))
        return "%s.%s.%s/%s-%s" % (s[:2], s[2:5], s[5:8], s[8:12], s[12:])

    def br_phone(self):
        ddd = self.pick(["11", "21", "31", "41", "51", "61", "71", "81", "85"])
        a, b = "9" + self.s(4, DIGITS), self.s(4, DIGITS)
        return self.pick(["(%s) %s-%s" % (ddd, a, b), "+55 %s %s-%s" % (ddd, a, b), "+55 (%s) %s-%s" % (ddd, a, b),
                          "%s %s%s" % (ddd, a, b)])

    # ------------------------------------------------------------ Hungary
    def hu_taj(self, spaced=None):
        d = [self.r.randint(0, 9) for _ in range(8)]
        c = sum(a * (3 if i % 2 == 0 else 7) for i, a in enumerate(d)) % 10
        s = "".join(map(str, d)) + str(c)
        spaced = self.r.random() < 0.7 if spaced is None else spaced
        return self.pick(["%s %s %s" % (s[:3], s[3:6], s[6:]), "%s-%s-%s" % (s[:3], s[3:6], s[6:])]) if spaced else s

    def hu_tax_id(self):
        """Adóazonosító jel: 8, days since 1867-01-01, three digits, a mod-11 check."""
        while True:
            days = (self._birth() - datetime.date(1867, 1, 1)).days
            body = "8%05d%03d" % (days, self.r.randint(0, 999))
            c = sum(int(a) * (i + 1) for i, a in enumerate(body)) % 11
            if c < 10:
                return body + str(c)

    def hu_company_tax(self):
        """Adószám: a company's public tax number xxxxxxxx-y-zz (the first eight with a check digit)."""
        d = [self.r.randint(1, 9)] + [self.r.randint(0, 9) for _ in range(6)]
        c = (10 - sum(a * x for a, x in zip(d, [9, 7, 3, 1, 9, 7, 3])) % 10) % 10
        return "%s%d-%d-%02d" % ("".join(map(str, d)), c, self.r.randint(1, 5), self.pick([2, 3, 7, 9, 13, 41, 42, 44]))

    def hu_phone(self):
        area = self.pick(["20", "30", "70", "1"])
        if area == "1":
            a, b = self.s(3, DIGITS), self.s(4, DIGITS)
            return self.pick(["+36 1 %s %s" % (a, b), "06-1-%s-%s" % (a, b), "(06 1) %s %s" % (a, b)])
        a, b = self.s(3, DIGITS), self.s(4, DIGITS)
        return self.pick(["+36 %s %s %s" % (area, a, b), "06 %s %s %s" % (area, a, b), "06-%s/%s-%s" % (area, a, b),
                          "+36-%s-%s-%s" % (area, a, b)])

    # ------------------------------------------------------------ India
    def in_aadhaar(self, valid=True, spaced=None):
        body = str(self.r.randint(2, 9)) + self.s(10, DIGITS)
        c = verhoeff_check(body)
        if not valid:
            c = self.pick([x for x in DIGITS if x != c])
        s = body + c
        spaced = self.r.random() < 0.7 if spaced is None else spaced
        return "%s %s %s" % (s[:4], s[4:8], s[8:]) if spaced else s

    def in_twelve_digits_not_aadhaar(self):
        while True:
            s = str(self.r.randint(2, 9)) + self.s(11, DIGITS)
            if not verhoeff_ok(s):
                return s

    def in_pan(self, holder="P"):
        return self.s(3, UPPER) + holder + self.s(1, UPPER) + self.s(4, DIGITS) + self.s(1, UPPER)

    def in_gstin(self):
        alphabet = DIGITS + UPPER
        body = "%02d" % self.r.randint(1, 37) + self.in_pan("C") + str(self.r.randint(1, 9)) + "Z"
        total = 0
        for i, ch in enumerate(body):
            p = alphabet.index(ch) * (2 if i % 2 else 1)
            total += p // 36 + p % 36
        return body + alphabet[(36 - total % 36) % 36]

    def in_phone(self):
        n = self.pick("6789") + self.s(9, DIGITS)
        return self.pick(["+91 %s %s" % (n[:5], n[5:]), "+91-%s" % n, "0%s %s" % (n[:5], n[5:]), "+91 %s" % n])

    # ------------------------------------------------------------ Mexico
    MX_STATES = ["AS", "BC", "CC", "CL", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN", "NL", "OC", "PL",
                 "QT", "SP", "SL", "SR", "TC", "VZ", "YN", "ZS"]
    CONSONANTS = "BCDFGHJKLMNPQRSTVWXZ"

    def mx_curp(self):
        b = self._birth(1950, 2004)
        body = (self.s(1, UPPER) + self.pick("AEIOU") + self.s(2, UPPER) + b.strftime("%y%m%d") + self.pick("HM") +
                self.pick(self.MX_STATES) + self.s(3, self.CONSONANTS) + (self.s(1, DIGITS) if b.year < 2000 else self.s(1, UPPER)))
        alphabet = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
        total = sum(alphabet.index(ch) * (18 - i) for i, ch in enumerate(body))
        return body + str((10 - total % 10) % 10)

    def _rfc_check(self, body12):
        alphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"
        total = sum(alphabet.index(ch) * (13 - i) for i, ch in enumerate(body12))
        r = total % 11
        c = 0 if r == 0 else 11 - r
        return "A" if c == 10 else str(c)

    def mx_rfc_person(self):
        b = self._birth(1950, 2002)
        body = self.s(1, UPPER) + self.pick("AEIOU") + self.s(2, UPPER) + b.strftime("%y%m%d") + self.s(2, UPPER + DIGITS)
        return body + self._rfc_check(body)

    def mx_rfc_company(self):
        body = self.s(3, UPPER) + self._birth(1980, 2020).strftime("%y%m%d") + self.s(2, UPPER + DIGITS)
        return body + self._rfc_check(" " + body)

    def mx_clabe(self):
        body = self.pick(["002", "012", "014", "021", "072"]) + self.s(14, DIGITS)
        w = [3, 7, 1] * 6
        c = (10 - sum(int(a) * x % 10 for a, x in zip(body, w)) % 10) % 10
        return body + str(c)

    def mx_phone(self):
        a, b = self.s(4, DIGITS), self.s(4, DIGITS)
        area = self.pick(["55", "33", "81"])
        return self.pick(["+52 %s %s %s" % (area, a, b), "+52 1 %s %s %s" % (area, a, b), "%s %s %s" % (area, a, b),
                          "(%s) %s-%s" % (area, a, b)])

    # ------------------------------------------------------------ Israel, Gulf
    def il_id(self):
        d = [self.r.randint(0, 9) for _ in range(8)]
        total = 0
        for i, a in enumerate(d):
            v = a * (1 if i % 2 == 0 else 2)
            total += v - 9 if v > 9 else v
        return "".join(map(str, d)) + str((10 - total % 10) % 10)

    def il_phone(self):
        a, b = self.s(3, DIGITS), self.s(4, DIGITS)
        p = self.pick("0234578")
        return self.pick(["05%s-%s-%s" % (p, a, b), "+972-5%s-%s-%s" % (p, a, b), "+972 5%s %s %s" % (p, a, b)])

    def ae_emirates_id(self):
        body = "784" + str(self._birth(1960, 2004).year) + self.s(7, DIGITS)
        for c in DIGITS:
            if self.luhn_ok(body + c):
                s = body + c
                return "%s-%s-%s-%s" % (s[:3], s[3:7], s[7:14], s[14:])

    def gulf_phone(self, cc):
        a, b = self.s(3, DIGITS), self.s(4, DIGITS)
        p = self.pick("0245")
        if cc == "SA":
            return self.pick(["+966 5%s %s %s" % (p, a, b), "05%s %s %s" % (p, a, b), "+966-5%s-%s-%s" % (p, a, b)])
        return self.pick(["+971 5%s %s %s" % (p, a, b), "05%s %s %s" % (p, a, b)])

    IBANW = {"HU": (28, "n"), "IL": (23, "n"), "AE": (23, "n"), "SA": (24, "n"), "BR": (29, "br")}

    def iban_world(self, cc, valid=True, grouped=None):
        length, fmt = self.IBANW[cc]
        n = length - 4
        bban = self.s(n - 2, DIGITS) + self.pick(UPPER[:4]) + "1" if fmt == "br" else self.s(n, DIGITS)
        numeric = "".join(str(int(c, 36)) for c in bban + cc + "00")
        check = 98 - int(numeric) % 97
        if not valid:
            check = (check + self.r.randint(1, 90)) % 97 + 2
        iban = "%s%02d%s" % (cc, check, bban)
        grouped = self.r.random() < 0.6 if grouped is None else grouped
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if grouped else iban
