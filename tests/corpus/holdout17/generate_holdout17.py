#!/usr/bin/env python3
"""Writes the seventeenth held-out split (tests/corpus/holdout17/holdout17.jsonl), issue 17 round 13,
run once as written. Its style is what end users and app developers paste from desktop, mobile and
personal tools, which no split had as such: password-manager and browser exports (Chrome, Firefox,
Edge, Bitwarden, 1Password, KeePass, LastPass, Apple Passwords), FileZilla, WinSCP, PuTTY,
mRemoteNG, MobaXterm, DBeaver, DataGrip, HeidiSQL and TablePlus connection settings, mail clients'
account settings, mobile app configs (Info.plist, GoogleService-Info.plist, google-services.json,
AndroidManifest, gradle signingConfigs, local.properties, keystore.properties, fastlane, App Store
Connect keys, Expo, Firebase admin keys, React Native .env, Flutter --dart-define), browser
extension manifests, Electron app configs, game and launcher configs (Steam Guard, Minecraft,
Discord bots), home automation (Home Assistant, Node-RED, ESPHome, Tasmota, Zigbee2MQTT), personal
finance exports (bank app CSVs, PayPal, Revolut, N26, crypto exchange keys, seed phrases in several
BIP-39 word lists), contacts exports (Google Contacts CSV, Android contacts2.db), Apple Health and
Google Fit exports, fitness and cycle-tracker exports, smartwatch ECG notes, settings screenshots as
OCR text, Notion/Obsidian/Keep notes, Anki decks and a parent's notes on a child's condition. The
human text is in the nine languages, weighted to the eight non-English ones.
Labeled by what may leave the company: a credential, a private key, a seed phrase, a named person's
contact, finance or health data are sensitive. Look-alikes are vendor: exports with placeholder,
masked or empty passwords, vendor sample configs, Firebase web config (its apiKey is public by
design: it ships in every page and app that uses Firebase and is restricted by security rules, not
by secrecy), public app and bundle ids, OAuth client ids without a secret, the BIP-39 word list
itself and documentation mnemonics, configs reading secrets from elsewhere (!secret, env), workout
data with no person, statistics, general questions and templates.
Run: python3 tests/corpus/holdout17/generate_holdout17.py"""

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

LANGS = ["de", "fr", "es", "it", "nl", "pt", "pl", "ja", "en"]

# Seed-phrase words of the BIP-39 lists (a phrase is 12 or 24 of a list's 2048 words).
BIP39 = {
    "en": ("dash daughter dawn debate decade december decide decline decorate decrease deer defense define "
           "degree delay deliver demand denial dentist depart depend deposit depth deputy derive describe "
           "desert design desk detail detect develop device devote diagram dial diamond diary diesel diet "
           "differ digital dignity dilemma dinner dinosaur direct dirt disagree discover disease dish dismiss "
           "display distance divert divide dizzy doctor document dog doll dolphin domain donate donkey donor "
           "door dose double dove draft dragon drama drastic draw dream dress drift drill drink drip drive "
           "drop drum dry duck dune dust duty dwarf dynamic eager eagle early earn earth easily east easy echo "
           "ecology economy edge edit educate effort egg eight either elbow elder electric elegant element "
           "elephant elevator elite else embark embody embrace emerge emotion employ empower empty enable end "
           "endless endorse enemy energy enforce engage engine enhance enjoy enlist enough enrich enroll ensure "
           "enter entire entry envelope episode equal equip era erase erode erosion error erupt escape essay "
           "essence estate eternal ethics evidence evil evoke evolve exact example excess exchange excite "
           "exclude excuse execute exercise exhaust exhibit exile exist exit exotic expand expect expire "
           "explain expose express extend extra eye fabric face faculty fade faint faith fall false fame "
           "family famous fan fancy fantasy farm fashion fat fatal father fatigue fault favorite feature "
           "february federal fee feed feel female fence festival fetch fever few fiber fiction field figure "
           "file film filter final find fine finger finish fire firm first fiscal fish fit fitness fix flag "
           "flame flash flat flavor flee flight flip float flock floor flower fluid flush fly foam focus fog "
           "foil fold follow food foot force forest forget fork fortune forum forward fossil foster found fox "
           "fragile frame frequent fresh friend fringe frog front frost frown frozen fruit fuel fun funny "
           "furnace fury future gadget gain galaxy gallery game gap garage garbage garden garlic garment gas "
           "gasp gate gather gauge gaze general genius genre gentle genuine gesture ghost giant gift giggle "
           "ginger giraffe girl give glad glance glare glass glide glimpse globe gloom glory glove glow glue "
           "goat goddess gold good goose gorilla gospel gossip govern gown grab grace grain grant grape grass "
           "gravity great green grid grief grit grocery group grow grunt guard guess guide guilt guitar gun "
           "gym habit hair half hammer hamster hand happy harbor hard harsh harvest hat have hawk hazard head "
           "health heart heavy hedgehog height hello helmet help hen hero hidden high hill hint hip hire "
           "history hobby hockey hold hole holiday hollow home honey hood hope horn horror horse hospital host "
           "hotel hour hover hub huge human humble humor hundred hungry hunt hurdle hurry hurt husband hybrid").split(),
    "es": ("ábaco abdomen abeja abierto abogado abono aborto abrazo abrir abuelo abuso acabar academia acceso "
           "acción aceite acelga acento aceptar ácido aclarar acné acoger acoso activo acto actriz actuar "
           "acudir acuerdo acusar adicto admitir adoptar adorno aduana adulto aéreo afectar afición afinar "
           "afirmar ágil agitar agonía agosto agotar agregar agrio agua agudo águila aguja ahogo ahorro aire "
           "aislar ajedrez ajeno ajuste alacrán alambre alarma alba álbum alcalde aldea alegre alejar alerta "
           "aleta alfiler alga algodón aliado aliento alivio alma almeja almíbar altar alteza altivo alto "
           "altura alumno alzar amable amante amapola amargo amasar ámbar ámbito ameno amigo amistad amor "
           "amparo amplio ancho anciano ancla andar andén anemia ángulo anillo ánimo anís anotar antena "
           "antiguo antojo anual anular anuncio añadir añejo año apagar aparato apetito apio aplicar apodo "
           "aporte apoyo aprender aprobar apuesta apuro arado araña arar árbitro árbol arbusto archivo arco").split(),
    "fr": ("abaisser abandon abdiquer abeille abolir aborder aboutir aboyer abrasif abreuver abriter abroger "
           "abrupt absence absolu absurde abusif abyssal académie acajou acarien accabler accepter acclamer "
           "accolade accroche accuser acerbe achat acheter aciduler acier acompte acquérir acronyme acteur "
           "actif actuel adepte adéquat adhésif adjectif adjuger admettre admirer adopter adorer adoucir "
           "adresse adroit adulte adverbe aérer aéronef affaire affecter affiche affreux affubler agacer "
           "agencer agile agiter agrafer agréable agrume aider aiguille ailier aimable aisance ajouter ajuster "
           "alarmer alchimie alerte algèbre algue aliéner aliment alléger alliage allouer allumer alourdir "
           "alpaga altesse alvéole").split(),
    "it": ("abaco abbaglio abbinato abete abisso abolire abrasivo abrogato accadere accenno accusato acetone "
           "achille acido acqua acre acrilico acrobata acuto adagio addebito addome adeguato aderire adipe "
           "adottare adulare affabile affetto affisso affranto aforisma afoso africano agave agente agevole "
           "aggancio agire agitare agonismo agricolo agrumeto aguzzo alabarda alato albatro alberato albo "
           "albume alce alcolico alettone alfa algebra aliante alibi alimento").split(),
    "ja": ("あいこくしん あいさつ あいだ あおぞら あかちゃん あきる あけがた あける あこがれる あさい あさひ あしあと "
           "あじわう あずかる あずき あそぶ あたえる あたためる あたりまえ あたる あつい あつかう あっしゅく あつまり "
           "あつめる あてな あてはまる あひる あぶら あぶる あふれる あまい あまど あまやかす あまり あみもの "
           "あめりか あやまる あゆむ あらいぐま あらし あらすじ あらためる あらゆる あらわす ありがとう あわせる "
           "あわてる あんい あんがい あんこ あんぜん あんてい あんない あんまり").split(),
}
# The first words of the English list in its published order (a word list, not a wallet's phrase).
BIP39_HEAD = ("abandon ability able about above absent absorb abstract absurd abuse access accident account "
              "accuse achieve acid acoustic acquire across act action actor actress actual").split()


class H17Values(WorldValues):
    IBAN_LENGTHS = dict(WorldValues.IBAN_LENGTHS, DE=(22, "n"), FR=(27, "n"), ES=(24, "n"), AT=(20, "n"))

    def hex(self, n, upper=False):
        return self.s(n, HEXD.upper() if upper else HEXD)

    def b64bytes(self, n):
        return base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(n))).decode()

    def mail(self, person, domain=None):
        tr = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "é": "e", "è": "e", "í": "i", "á": "a",
                            "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "ê": "e", "ł": "l", "ś": "s",
                            "ń": "n", "ż": "z", "ć": "c", "ã": "a", "É": "e", "Ł": "l", " ": ""})
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

    def seed(self, lang="en", n=12):
        return (" " if lang != "ja" else "\u3000").join(self.pick(BIP39[lang]) for _ in range(n))

    def eth_address(self):
        return "0x" + self.s(40, "0123456789abcdefABCDEF")

    def btc_address(self):
        return "bc1q" + self.s(38, "qpzry9x8gf2tvdw0s3jn54khce6mua7l")

    def google_client_secret(self):
        return "GOCSPX-" + self.s(28, ALNUM + "-_")

    def google_client_id(self):
        return "%s-%s.apps.googleusercontent.com" % (self.s(12, DIGITS), self.s(32, LOWER + DIGITS))

    def discord_token(self):
        uid = str(self.r.randint(10 ** 17, 10 ** 19 - 1))
        return base64.b64encode(uid.encode()).decode().rstrip("=") + "." + self.s(6, ALNUM + "-_") + "." + \
            self.s(38, ALNUM + "-_")

    def binance(self):
        return self.s(64, ALNUM)

    def kraken_private(self):
        return self.b64bytes(64)

    def p8_key(self):
        body = "MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg" + self.s(44, B64) + "oAoGCCqGSM49AwEHoUQDQgAE" + \
            self.s(88, B64)
        return "-----BEGIN PRIVATE KEY-----\n" + "\n".join(body[i:i + 64] for i in range(0, len(body), 64)) + \
            "\n-----END PRIVATE KEY-----"

    def ha_token(self):
        return self.jwt()

    def totp_secret(self):
        return self.s(32, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    def firebase_app_id(self, platform="android"):
        return "1:%s:%s:%s" % (self.s(12, DIGITS), platform, self.s(16, HEXD))

    def ts(self):
        return "2026-%02d-%02d %02d:%02d:%02d" % (self.r.randint(1, 11), self.r.randint(1, 28),
                                                 self.r.randint(0, 23), self.r.randint(0, 59),
                                                 self.r.randint(0, 59))

    def day(self):
        return "2026-%02d-%02d" % (self.r.randint(1, 11), self.r.randint(1, 28))


V = H17Values(20261217)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout17-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def lang():
    return R.choice(LANGS[:-1]) if R.random() < 0.85 else "en"


def P(lg):
    return V.person(lg)


def jd(obj, indent=None):
    return json.dumps(obj, indent=indent, ensure_ascii=False)


ASK = {
    "de": {"imp": "Wie importiere ich diese Datei in einen anderen Passwortmanager?",
           "err": "Warum kommt beim Start immer ein Fehler?", "expl": "Was bedeuten diese Felder?",
           "conv": "Kannst du das in eine saubere Tabelle umwandeln?", "dup": "Wie finde ich die doppelten Einträge?",
           "safe": "Ist die Konfiguration so in Ordnung?", "sum": "Fass das bitte kurz zusammen.",
           "tr": "Übersetz das bitte ins Englische."},
    "fr": {"imp": "Comment importer ce fichier dans un autre gestionnaire de mots de passe ?",
           "err": "Pourquoi j'ai une erreur au démarrage ?", "expl": "Que veulent dire ces champs ?",
           "conv": "Tu peux me mettre ça dans un tableau propre ?", "dup": "Comment repérer les doublons ?",
           "safe": "Est-ce que cette config est correcte ?", "sum": "Tu peux résumer ça ?",
           "tr": "Traduis ça en anglais stp."},
    "es": {"imp": "¿Cómo importo este archivo en otro gestor de contraseñas?",
           "err": "¿Por qué me sale un error al arrancar?", "expl": "¿Qué significan estos campos?",
           "conv": "¿Me lo pasas a una tabla limpia?", "dup": "¿Cómo encuentro las entradas duplicadas?",
           "safe": "¿Está bien esta configuración?", "sum": "¿Me haces un resumen?",
           "tr": "Tradúcelo al inglés, porfa."},
    "it": {"imp": "Come importo questo file in un altro password manager?",
           "err": "Perché all'avvio mi dà errore?", "expl": "Cosa significano questi campi?",
           "conv": "Me lo trasformi in una tabella pulita?", "dup": "Come trovo le voci doppie?",
           "safe": "Questa configurazione va bene?", "sum": "Me lo riassumi?", "tr": "Traducilo in inglese per favore."},
    "nl": {"imp": "Hoe importeer ik dit bestand in een andere wachtwoordmanager?",
           "err": "Waarom krijg ik bij het opstarten een fout?", "expl": "Wat betekenen deze velden?",
           "conv": "Kun je dit in een nette tabel zetten?", "dup": "Hoe vind ik de dubbele items?",
           "safe": "Is deze configuratie zo goed?", "sum": "Kun je dit samenvatten?", "tr": "Vertaal dit naar het Engels aub."},
    "pt": {"imp": "Como importo este ficheiro noutro gestor de palavras-passe?",
           "err": "Porque é que dá erro ao arrancar?", "expl": "O que significam estes campos?",
           "conv": "Podes pôr isto numa tabela limpa?", "dup": "Como encontro as entradas duplicadas?",
           "safe": "Esta configuração está bem?", "sum": "Podes resumir isto?", "tr": "Traduz isto para inglês, por favor."},
    "pl": {"imp": "Jak zaimportować ten plik do innego menedżera haseł?",
           "err": "Dlaczego przy starcie wyskakuje błąd?", "expl": "Co oznaczają te pola?",
           "conv": "Możesz to przerobić na porządną tabelę?", "dup": "Jak znaleźć zduplikowane wpisy?",
           "safe": "Czy ta konfiguracja jest OK?", "sum": "Streść to proszę.", "tr": "Przetłumacz to na angielski."},
    "ja": {"imp": "このファイルを別のパスワードマネージャーに取り込むには？", "err": "起動するとエラーになるのはなぜ？",
           "expl": "この項目の意味を教えてください。", "conv": "きれいな表に直してもらえますか？",
           "dup": "重複している項目を探す方法は？", "safe": "この設定で問題ないですか？", "sum": "要約してください。",
           "tr": "英語に訳してください。"},
    "en": {"imp": "How do I import this into another password manager?", "err": "Why does it fail on startup?",
           "expl": "What do these fields mean?", "conv": "Can you turn this into a clean table?",
           "dup": "How do I find the duplicates?", "safe": "Is this config fine?", "sum": "Can you summarize this?",
           "tr": "Please translate this into English."},
}


def ask(lg, key):
    return ASK[lg][key]


SITES = ["https://accounts.google.com", "https://www.amazon.de", "https://www.netflix.com", "https://login.live.com",
         "https://www.paypal.com", "https://www.ing.nl", "https://www.leboncoin.fr", "https://www.idealista.com",
         "https://www.allegro.pl", "https://www.rakuten.co.jp", "https://www.subito.it", "https://www.olx.pt",
         "https://www.dkb.de", "https://github.com", "https://www.spotify.com", "https://www.booking.com"]


def site():
    return R.choice(SITES)


# ---------------------------------------------------------------------------------------------- exports
def password_exports():
    # Chrome / Edge: name,url,username,password,note
    for lg in ["de", "pl", "it"]:
        p = P(lg)
        rows = ["name,url,username,password,note"]
        for _ in range(R.randint(2, 4)):
            s = site()
            rows.append("%s,%s/,%s,%s," % (s.split("//")[1], s, V.mail(p), V.password()))
        add("pwexport", "sensitive", "\n".join(rows) + "\n\n" + ask(lg, "imp"),
            "chrome passwords csv with real passwords (%s)" % lg, "password")
    # Firefox logins CSV
    lg = "fr"
    p = P(lg)
    rows = ['"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed",'
            '"timePasswordChanged"']
    for _ in range(3):
        s = site()
        rows.append('"%s","%s","%s",,"%s","{%s}","%d","%d","%d"' % (s, V.mail(p), V.password(), s, V.uuid(),
                                                                    1700000000000 + R.randint(0, 10 ** 10),
                                                                    1700000000000 + R.randint(0, 10 ** 10),
                                                                    1700000000000 + R.randint(0, 10 ** 10)))
    add("pwexport", "sensitive", "\n".join(rows) + "\n\nPourquoi Bitwarden refuse ce CSV exporté de Firefox ?",
        "firefox logins csv", "password")
    # Bitwarden JSON (unencrypted export)
    for lg in ["nl", "es"]:
        p = P(lg)
        items = []
        for _ in range(2):
            s = site()
            items.append({"id": V.uuid(), "organizationId": None, "folderId": None, "type": 1, "reprompt": 0,
                          "name": s.split("//")[1].split(".")[1].capitalize(), "notes": None, "favorite": False,
                          "login": {"uris": [{"match": None, "uri": s}], "username": V.mail(p),
                                    "password": V.password(), "totp": R.choice([None, V.totp_secret()])},
                          "collectionIds": None})
        add("pwexport", "sensitive", jd({"encrypted": False, "folders": [], "items": items}, 2) + "\n\n" +
            ask(lg, "conv"), "bitwarden unencrypted json export (%s)" % lg, "password,totp")
    # 1Password CSV
    lg = "pt"
    p = P(lg)
    rows = ["Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes"]
    rows.append("Gmail,https://mail.google.com,%s,%s,otpauth://totp/Google:%s?secret=%s&issuer=Google,false,false,,"
                % (V.mail(p, "gmail.com"), V.password(), V.mail(p, "gmail.com"), V.totp_secret()))
    rows.append("Finanças,https://www.portaldasfinancas.gov.pt,%s,%s,,true,false,impostos," % (V.pt_nif_personal(),
                                                                                             V.password()))
    add("pwexport", "sensitive", "\n".join(rows) + "\n\n" + ask(lg, "dup"), "1password csv with totp secret", "password,totp")
    # KeePass 2 XML
    lg = "de"
    p = P(lg)
    pw = V.password()
    add("pwexport", "sensitive", "<Entry>\n\t<UUID>%s</UUID>\n\t<String>\n\t\t<Key>Notes</Key>\n\t\t<Value>PIN Girokarte: %04d"
        "</Value>\n\t</String>\n\t<String>\n\t\t<Key>Password</Key>\n\t\t<Value ProtectInMemory=\"True\">%s</Value>\n\t"
        "</String>\n\t<String>\n\t\t<Key>Title</Key>\n\t\t<Value>Sparkasse Online-Banking</Value>\n\t</String>\n\t<String>"
        "\n\t\t<Key>UserName</Key>\n\t\t<Value>%s</Value>\n\t</String>\n</Entry>\n\nDas kommt aus KeePass (XML-Export "
        "unverschlüsselt). Warum zeigt KeePassXC die Notiz nicht an?" % (V.b64bytes(16), R.randint(0, 9999), pw,
                                                                    p.split()[1].lower() + str(R.randint(10, 99))),
        "keepass xml entry with password and card pin", "password,pin")
    # KeePass CSV
    lg = "ja"
    rows = ['"Account","Login Name","Password","Web Site","Comments"']
    for t in ["楽天", "ゆうちょダイレクト", "会社VPN"]:
        rows.append('"%s","%s","%s","%s",""' % (t, V.s(8, LOWER) + str(R.randint(1, 99)), V.password(), site()))
    add("pwexport", "sensitive", "\n".join(rows) + "\n\n" + ask(lg, "conv"), "keepass csv (ja)", "password")
    # LastPass CSV
    lg = "es"
    p = P(lg)
    rows = ["url,username,password,totp,extra,name,grouping,fav"]
    rows.append("https://www.bbva.es,%s,%s,,,BBVA,Banca,1" % (V.es_dni(), V.password()))
    rows.append("http://sn,,,,\"NoteType:Credit Card\nName on Card:%s\nNumber:%s\nSecurity Code:%03d\nExpiration Date:"
                "June,2029\",Visa,Tarjetas,0" % (p, V.card(sep=""), R.randint(100, 999)))
    add("pwexport", "sensitive", "\n".join(rows) + "\n\n¿Por qué la nota segura de la tarjeta sale partida en varias líneas?",
        "lastpass csv with secure note of a card", "password,card")
    # Apple Passwords CSV
    lg = "it"
    p = P(lg)
    rows = ["Title,URL,Username,Password,Notes,OTPAuth"]
    rows.append("subito.it (%s),https://www.subito.it/,%s,%s,," % (V.mail(p), V.mail(p), V.password()))
    rows.append("Wi-Fi casa,,,%s,rete FRITZ!Box 7530," % V.s(20, LOWER + DIGITS))
    add("pwexport", "sensitive", "\n".join(rows) + "\n\nHo esportato da Password di Apple, " + ask(lg, "dup").lower(),
        "apple passwords csv", "password")
    # Edge with a single row, Polish question, no header
    lg = "pl"
    p = P(lg)
    add("pwexport", "sensitive", "allegro.pl,https://allegro.pl/logowanie,%s,%s,\n\nTo jedna linia z eksportu Edge, "
        "czemu import w Firefoxie jej nie łapie?" % (V.mail(p), V.password()), "edge single csv line", "password")

    # Look-alikes
    add("pwexport", "vendor", "name,url,username,password,note\nexample.com,https://example.com/,user@example.com,"
        "<password>,\nexample.org,https://example.org/,jane.doe@example.org,********,\n\nDas ist die Vorlage aus der "
        "Hilfe-Seite. Welche Spalten sind Pflicht?", "chrome csv template with placeholders", "placeholder")
    add("pwexport", "vendor", '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated",'
        '"timeLastUsed","timePasswordChanged"\n\nLe fichier n\'a que cette ligne d\'en-tête, l\'export a-t-il échoué ?',
        "firefox csv header only", "empty")
    add("pwexport", "vendor", jd({"encrypted": True, "passwordProtected": True, "salt": V.b64bytes(16),
                                  "kdfType": 0, "kdfIterations": 600000,
                                  "encKeyValidation_DO_NOT_EDIT": "2." + V.b64bytes(16) + "|" + V.b64bytes(48) + "|" +
                                  V.b64bytes(32),
                                  "data": "2." + V.b64bytes(16) + "|" + V.b64bytes(120) + "|" + V.b64bytes(32)}, 2) +
        "\n\nIs dit exportbestand veilig om in de cloud te bewaren?", "bitwarden password-protected export", "encrypted")
    add("pwexport", "vendor", "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\nNetflix,https://www.netflix.com,"
        "(hidden),••••••••,,false,false,streaming,\nSpotify,https://www.spotify.com,(hidden),••••••••,,false,false,streaming,\n\n"
        "Porque é que o 1Password mostra só pontos na exportação de ecrã?", "1password list with masked values", "masked")
    add("pwexport", "vendor", "<Entry>\n\t<String><Key>Title</Key><Value>Router</Value></String>\n\t<String><Key>UserName</Key>"
        "<Value>admin</Value></String>\n\t<String><Key>Password</Key><Value ProtectInMemory=\"True\" /></String>\n</Entry>\n\n"
        "Warum ist das Passwortfeld leer?", "keepass entry with empty password", "empty")
    add("pwexport", "vendor", "url,username,password,totp,extra,name,grouping,fav\n\n¿LastPass exporta las notas seguras en la "
        "columna extra? Solo veo la cabecera.", "lastpass header only", "empty")
    add("pwexport", "vendor", "Passwort-Bericht (Chrome Passwortcheck)\n- 3 Passwörter wurden in Datenlecks gefunden\n"
        "- 7 Passwörter werden mehrfach verwendet\n- 12 schwache Passwörter\n\nWie gehe ich das am besten an?",
        "password checkup summary", "statistics")
    add("pwexport", "vendor", "Jaki menedżer haseł polecasz dla rodziny: Bitwarden, 1Password czy KeePassXC? Ważne jest "
        "dla mnie współdzielenie haseł i eksport do CSV.", "general question about password managers", "question")
    add("pwexport", "vendor", "Chrome の「パスワードをエクスポート」で出した CSV の列は name,url,username,password,note "
        "の順ですか？Edge と同じ形式でしょうか。", "question about csv columns (ja)", "question")


def ssh_ftp_clients():
    # FileZilla sitemanager.xml with base64 password
    for lg in ["de", "fr", "it"]:
        pw = V.password()
        host = R.choice(["ftp.", "sftp.", ""]) + V.s(6, LOWER) + R.choice([".de", ".fr", ".it", ".com"])
        add("sshclient", "sensitive", '<?xml version="1.0" encoding="UTF-8"?>\n<FileZilla3 version="3.66.4" platform="windows">\n'
            '\t<Servers>\n\t\t<Server>\n\t\t\t<Host>%s</Host>\n\t\t\t<Port>%d</Port>\n\t\t\t<Protocol>%d</Protocol>\n'
            '\t\t\t<Type>0</Type>\n\t\t\t<User>%s</User>\n\t\t\t<Pass encoding="base64">%s</Pass>\n\t\t\t<Logontype>1'
            '</Logontype>\n\t\t\t<Name>Webspace</Name>\n\t\t</Server>\n\t</Servers>\n</FileZilla3>\n\n%s' % (
                host, R.choice([21, 22]), R.choice([0, 1]), V.s(7, LOWER) + str(R.randint(1, 9)),
                base64.b64encode(pw.encode()).decode(), ask(lg, "err")),
            "filezilla sitemanager with base64 password (%s)" % lg, "password", "base64")
    pw = V.password()
    add("sshclient", "sensitive", "<RecentServers>\n\t<Server>\n\t\t<Host>%s</Host>\n\t\t<Port>21</Port>\n\t\t<User>web%d</User>\n"
        "\t\t<Pass encoding=\"base64\">%s</Pass>\n\t</Server>\n</RecentServers>\n\nrecentservers.xml van mijn oude laptop, "
        "kan ik die zo kopiëren?" % (V.public_ip(), R.randint(100, 999), base64.b64encode(pw.encode()).decode()),
        "filezilla recentservers with password", "password", "base64")
    # WinSCP.ini
    add("sshclient", "sensitive", "[Sessions\\%s@%s]\nHostName=%s\nUserName=%s\nPassword=%s\nFSProtocol=2\n\n"
        "¿Por qué WinSCP no recuerda la sesión al copiar el ini a otro PC?" % (
            "deploy", "tienda-vps", V.public_ip(), "deploy", "A35C" + V.hex(92, True)),
        "winscp ini with stored (reversible) password", "password")
    # PuTTY reg with proxy password
    add("sshclient", "sensitive", "Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\"
        "nas-thuis]\n\"HostName\"=\"%s\"\n\"PortNumber\"=dword:00000016\n\"ProxyMethod\"=dword:00000003\n\"ProxyHost\"=\"proxy.%s.nl\"\n"
        "\"ProxyUsername\"=\"%s\"\n\"ProxyPassword\"=\"%s\"\n\nWaarom maakt PuTTY geen verbinding via de proxy?" % (
            V.public_ip(), V.s(6, LOWER), V.s(6, LOWER), V.password()), "putty reg with proxy password", "password")
    # mRemoteNG
    add("sshclient", "sensitive", '<?xml version="1.0" encoding="utf-8"?>\n<mrng:Connections xmlns:mrng="http://mremoteng.org" '
        'Name="Connections" Export="false" EncryptionEngine="AES" BlockCipherMode="GCM" KdfIterations="1000" '
        'FullFileEncryption="false" Protected="%s" ConfVersion="2.6">\n    <Node Name="DC01" Type="Connection" '
        'Username="Administrator" Domain="HOME" Password="%s" Hostname="192.168.1.10" Protocol="RDP" Port="3389" />\n'
        '</mrng:Connections>\n\nmRemoteNG mówi, że plik jest uszkodzony. Co jest nie tak?' % (V.b64bytes(64), V.b64bytes(48)),
        "mremoteng confcons with encrypted (default key) password", "password")
    # MobaXterm ini
    add("sshclient", "sensitive", "[Passwords]\nssh22:root@%s=%s\nrdp3389:admin@192.168.178.20=%s\n\n[Bookmarks]\n"
        "SubRep=\nImgNum=42\n\nMobaXterm.ini van mijn werkplek. Hoe zet ik dit over naar de portable versie?" % (
            V.public_ip(), "_@" + V.b64bytes(24), "_@" + V.b64bytes(24)),
        "mobaxterm ini with stored passwords", "password")
    # DBeaver decrypted credentials-config.json
    add("sshclient", "sensitive", "$ openssl aes-128-cbc -d -K babb4a9f774ab853c96c2d653dfe544a -iv 00000000000000000000000000000000 "
        "-in credentials-config.json | dd bs=1 skip=16 2>/dev/null\n" + jd({"postgres-jdbc-18c0a2e1b7f-5e1a": {"#connection": {
            "user": "shop_admin", "password": V.password()}}}) + "\n\nJe récupère mes accès DBeaver, comment les remettre dans "
        "la nouvelle install ?", "dbeaver credentials decrypted", "password")
    # HeidiSQL export
    add("sshclient", "sensitive", "Servers\\Produktion\\Host<|||>1<|||>%s\nServers\\Produktion\\User<|||>1<|||>root\n"
        "Servers\\Produktion\\Password<|||>1<|||>%s\nServers\\Produktion\\Port<|||>1<|||>3306\n\nHeidiSQL-Einstellungen "
        "exportiert. Was ist das Format beim Passwort?" % (V.public_ip(), V.hex(30, True) + "7"),
        "heidisql settings export with encoded password", "password")
    # TablePlus / DataGrip with password in URL
    add("sshclient", "sensitive", "mysql://admin:%s@%s:3306/wordpress?statusColor=686B6F&env=production&name=blog&tLSMode=0\n\n"
        "Este link de TablePlus abre a ligação, mas dá Access denied. Porquê?" % (V.password().replace("@", "!"), V.public_ip()),
        "tableplus connection url with password", "password")
    # Thunderbird account screenshot / mutt
    lg = "it"
    p = P(lg)
    add("sshclient", "sensitive", "set imap_user = \"%s\"\nset imap_pass = \"%s\"\nset smtp_url = \"smtps://%s@smtp.libero.it:465/\"\n"
        "set folder = \"imaps://imapmail.libero.it:993\"\n\nmutt non invia: SASL authentication failed. Cosa sbaglio?" % (
            V.mail(p, "libero.it"), V.password(), V.mail(p, "libero.it").replace("@", "%40")),
        "muttrc with imap password", "password,email")
    add("sshclient", "sensitive", "account personal\nhost smtp.gmail.com\nport 587\nfrom %s\nuser %s\npassword %s\n\n"
        "msmtp: authentication failed (method PLAIN). Co jest źle?" % (
            (V.mail(P("pl"), "gmail.com"),) * 2 +
            (" ".join(V.s(4, LOWER) for _ in range(4)),)), "msmtprc with gmail app password", "password")

    # Look-alikes
    add("sshclient", "vendor", "<Server>\n\t<Host>ftp.example.com</Host>\n\t<Port>21</Port>\n\t<Protocol>0</Protocol>\n\t<User>"
        "anonymous</User>\n\t<Logontype>0</Logontype>\n</Server>\n\nAnonymes FTP geht, aber keine Dateiliste. Passiv-Modus?",
        "filezilla anonymous site", "no_secret")
    add("sshclient", "vendor", "<Server>\n\t<Host>sftp.%s.fr</Host>\n\t<Port>22</Port>\n\t<Protocol>1</Protocol>\n\t<User>deploy</User>\n"
        "\t<Logontype>5</Logontype>\n\t<Keyfile>C:\\Users\\me\\.ssh\\id_ed25519.ppk</Keyfile>\n</Server>\n\nComment forcer "
        "FileZilla à utiliser la clé au lieu de demander un mot de passe ?" % V.s(6, LOWER), "filezilla with keyfile path",
        "key_path")
    add("sshclient", "vendor", "Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\"
        "raspi]\n\"HostName\"=\"raspberrypi.local\"\n\"PortNumber\"=dword:00000016\n\"UserName\"=\"pi\"\n\"TerminalType\"=\"xterm\"\n"
        "\"FontHeight\"=dword:0000000c\n\nCome copio queste sessioni PuTTY su un altro PC?", "putty session without secrets",
        "no_secret")
    add("sshclient", "vendor", jd({"folders": {}, "connections": {"postgres-jdbc-18c0a2e1b7f-5e1a": {
        "provider": "postgresql", "driver": "postgres-jdbc", "name": "local dev", "save-password": False,
        "configuration": {"host": "localhost", "port": "5432", "database": "app_dev", "url":
                          "jdbc:postgresql://localhost:5432/app_dev", "type": "dev", "auth-model": "native"}}}}, 2) +
        "\n\nDBeaver data-sources.json: waarom vraagt hij elke keer om het wachtwoord?", "dbeaver data-sources without password",
        "no_secret")
    add("sshclient", "vendor", '<dataSource source="LOCAL" name="shop@localhost" uuid="%s">\n  <driver-ref>postgresql</driver-ref>\n'
        '  <jdbc-driver>org.postgresql.Driver</jdbc-driver>\n  <jdbc-url>jdbc:postgresql://localhost:5432/shop</jdbc-url>\n'
        '  <user-name>postgres</user-name>\n  <password-storage>KEEPASS</password-storage>\n</dataSource>\n\n'
        'DataGrip: ¿dónde guarda la contraseña si pone KEEPASS?' % V.uuid(), "datagrip datasource with keepass storage", "no_secret")
    add("sshclient", "vendor", 'user_pref("mail.server.server2.hostname", "imap.gmail.com");\nuser_pref("mail.server.server2.port", '
        '993);\nuser_pref("mail.server.server2.socketType", 3);\nuser_pref("mail.server.server2.authMethod", 10);\n'
        'user_pref("mail.smtpserver.smtp1.hostname", "smtp.gmail.com");\n\nThunderbird: che cosa vuol dire authMethod 10?',
        "thunderbird prefs without user or password", "no_secret")
    add("sshclient", "vendor", "[Sessions\\Default%20Settings]\nFSProtocol=2\nPingType=2\nPingInterval=30\n\n[Configuration\\Interface]"
        "\nStorage=1\nMasterPassword=0\n\nCzy WinSCP bez hasła głównego trzyma hasła w tym pliku?", "winscp ini without sessions",
        "no_secret")
    add("sshclient", "vendor", "IMAP: imap.mail.me.com  Port 993  SSL\nSMTP: smtp.mail.me.com  Port 587  STARTTLS\nBenutzername: "
        "dein Apple-ID-Name (ohne @icloud.com)\nPasswort: app-spezifisches Passwort\n\nSind das die richtigen Einstellungen "
        "für iCloud Mail in Outlook?", "icloud mail settings without values", "docs")


def mobile_configs():
    # gradle signingConfigs
    for lg in ["de", "pl", "es"]:
        add("mobile", "sensitive", "android {\n    signingConfigs {\n        release {\n            storeFile file(\"../keystore/"
            "release.jks\")\n            storePassword \"%s\"\n            keyAlias \"upload\"\n            keyPassword \"%s\"\n"
            "        }\n    }\n    buildTypes { release { signingConfig signingConfigs.release } }\n}\n\n%s" % (
                V.password(), V.password(), ask(lg, "err")), "gradle signingConfigs with passwords (%s)" % lg, "password")
    add("mobile", "sensitive", "storePassword=%s\nkeyPassword=%s\nkeyAlias=upload\nstoreFile=/Users/%s/keys/upload-keystore.jks\n\n"
        "Flutter-Doku sagt key.properties nicht einchecken. Reicht .gitignore?" % (V.password(), V.password(), V.s(5, LOWER)),
        "key.properties flutter", "password")
    add("mobile", "sensitive", "sdk.dir=/Users/%s/Library/Android/sdk\nMAPS_API_KEY=%s\nRELEASE_STORE_PASSWORD=%s\n\n"
        "local.properties: il build CI non trova MAPS_API_KEY, come lo passo?" % (V.s(6, LOWER), V.google(), V.password()),
        "local.properties with key and store password", "password,api_key")
    add("mobile", "sensitive", "FASTLANE_USER=%s\nFASTLANE_PASSWORD=%s\nMATCH_PASSWORD=%s\nFASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD=%s\n\n"
        "fastlane match falla con \"Couldn't decrypt the repo\", ¿qué hago?" % (
            V.mail(P("es"), "icloud.com"), V.password(), V.password(), "-".join(V.s(4, LOWER) for _ in range(4))),
        "fastlane .env", "password")
    add("mobile", "sensitive", "git_url(\"https://github.com/%s/certificates\")\nstorage_mode(\"git\")\ntype(\"appstore\")\n"
        "git_basic_authorization(\"%s\")\n\nMatchfile — waarom vraagt match toch om een wachtwoord?" % (
            V.s(7, LOWER), base64.b64encode(("%s:%s" % (V.s(7, LOWER), V.github_pat())).encode()).decode()),
        "matchfile basic auth with github token", "token", "base64")
    add("mobile", "sensitive", "AuthKey_%s.p8\n%s\n\nApp Store Connect API のキーです。fastlane の api_key.json に"
        "どう書けばいいですか？" % (V.s(10, UPPER + DIGITS), V.p8_key()), "app store connect p8 key", "private_key")
    add("mobile", "sensitive", jd({"key_id": V.s(10, UPPER + DIGITS), "issuer_id": V.uuid(), "key": V.p8_key(),
                                   "in_house": False}, 2) + "\n\nfastlane pilot: Authentication credentials are missing "
        "or invalid. O que falta?", "fastlane api key json", "private_key")
    add("mobile", "sensitive", jd({"type": "service_account", "project_id": "minha-app-%d" % R.randint(1000, 9999),
                                   "private_key_id": V.hex(40),
                                   "private_key": "-----BEGIN PRIVATE KEY-----\n" + "\n".join(V.b64bytes(48) for _ in range(6)) +
                                   "\n-----END PRIVATE KEY-----\n",
                                   "client_email": "firebase-adminsdk-%s@minha-app.iam.gserviceaccount.com" % V.s(5, LOWER),
                                   "client_id": V.s(21, DIGITS), "token_uri": "https://oauth2.googleapis.com/token"}, 2)
        .replace("\\\\n", "\\n") + "\n\nO Firebase Admin diz invalid_grant. Porquê?", "firebase admin sdk json", "private_key")
    add("mobile", "sensitive", jd({"cli": {"version": ">= 12.0.0"}, "build": {"production": {"env": {
        "SENTRY_AUTH_TOKEN": "sntrys_" + V.b64bytes(60).replace("+", "A").replace("/", "B").rstrip("="),
        "REVENUECAT_SECRET": "sk_" + V.s(26, ALNUM)}}}}, 2) + "\n\neas build non trova le variabili: meglio eas secret?",
        "eas.json with secrets in env", "token")
    add("mobile", "sensitive", "API_URL=https://api.%s.app\nSTRIPE_SECRET_KEY=%s\nSUPABASE_SERVICE_ROLE_KEY=%s\n\n"
        "react-native-config: ¿estas variables acaban dentro del APK?" % (V.s(6, LOWER), V.stripe(), V.jwt()),
        "react native .env with secret keys", "api_key")
    add("mobile", "sensitive", "flutter build apk --release --dart-define=API_BASE=https://api.%s.io --dart-define=OPENAI_API_KEY=%s "
        "--dart-define=SENTRY_DSN=https://%s@o%d.ingest.sentry.io/%d\n\nJak odczytać te wartości w Dart?" % (
            V.s(6, LOWER), V.openai(), V.hex(32), R.randint(100000, 999999), R.randint(1000000, 9999999)),
        "flutter dart-define with api key", "api_key")
    add("mobile", "sensitive", "<key>CFBundleIdentifier</key>\n<string>com.%s.fotobox</string>\n<key>AWSSecretAccessKey</key>\n"
        "<string>%s</string>\n<key>AWSAccessKeyId</key>\n<string>%s</string>\n\nInfo.plist: warum findet das SDK die "
        "Schlüssel nicht?" % (V.s(6, LOWER), V.aws_secret(), V.aws_key_id()), "info.plist with aws keys", "api_key")
    add("mobile", "sensitive", '<meta-data\n    android:name="com.onesignal.RestApiKey"\n    android:value="os_v2_app_%s" />\n'
        '<meta-data\n    android:name="com.onesignal.AppId"\n    android:value="%s" />\n\nAndroidManifest: est-ce grave '
        'si la REST key est dans le manifest ?' % (V.s(100, LOWER + DIGITS), V.uuid()), "manifest meta-data with rest api key",
        "api_key")

    # Look-alikes
    add("mobile", "vendor", jd({"project_info": {"project_number": "123456789000", "project_id": "mydemoapp",
                                                 "storage_bucket": "mydemoapp.appspot.com"},
                                "client": [{"client_info": {"mobilesdk_app_id": "1:123456789000:android:f1bf012572b04063",
                                                            "android_client_info": {"package_name": "com.google.firebase.example"}},
                                            "api_key": [{"current_key": "<YOUR_API_KEY>"}]}]}, 2) +
        "\n\nDas ist die Beispieldatei aus der Doku. Wo kommt meine echte google-services.json hin?",
        "google sample google-services.json with placeholder", "sample")
    add("mobile", "vendor", "const firebaseConfig = {\n  apiKey: \"%s\",\n  authDomain: \"%s-web.firebaseapp.com\",\n  projectId: "
        "\"%s-web\",\n  storageBucket: \"%s-web.appspot.com\",\n  messagingSenderId: \"%s\",\n  appId: \"%s\"\n};\n\n"
        "Sur le site on voit cette config dans le JS public. Les règles Firestore suffisent-elles à protéger ?" % (
            V.google(), "lecoin", "lecoin", "lecoin", V.s(12, DIGITS), V.firebase_app_id("web")),
        "firebase web config (public by design)", "public_config")
    add("mobile", "vendor", "<key>CFBundleIdentifier</key>\n<string>com.%s.recetas</string>\n<key>CFBundleURLTypes</key>\n<array>\n"
        "  <dict><key>CFBundleURLSchemes</key><array><string>recetas</string><string>fb%s</string></array></dict>\n</array>\n"
        "<key>FacebookAppID</key>\n<string>%s</string>\n<key>NSCameraUsageDescription</key>\n<string>Para fotografiar tus "
        "platos</string>\n\n¿Por qué no se abre el login de Facebook?" % (V.s(6, LOWER), "1%s" % V.s(14, DIGITS),
                                                                        "1%s" % V.s(14, DIGITS)),
        "info.plist with bundle id and facebook app id", "public_ids")
    add("mobile", "vendor", '<manifest xmlns:android="http://schemas.android.com/apk/res/android">\n  <uses-permission android:name='
        '"android.permission.INTERNET" />\n  <uses-permission android:name="android.permission.CAMERA" />\n  <application '
        'android:label="@string/app_name">\n    <meta-data android:name="com.google.android.geo.API_KEY" android:value='
        '"${MAPS_API_KEY}" />\n  </application>\n</manifest>\n\nWaarom wordt ${MAPS_API_KEY} niet vervangen?',
        "manifest with placeholder from gradle", "placeholder")
    add("mobile", "vendor", "android {\n    signingConfigs {\n        release {\n            storeFile file(System.getenv(\"KEYSTORE_PATH\"))"
        "\n            storePassword System.getenv(\"KEYSTORE_PASSWORD\")\n            keyAlias System.getenv(\"KEY_ALIAS\")\n"
        "            keyPassword System.getenv(\"KEY_PASSWORD\")\n        }\n    }\n}\n\nCzy tak jest bezpiecznie na CI?",
        "signingConfigs reading env", "env_reference")
    add("mobile", "vendor", "storePassword=<store password>\nkeyPassword=<key password>\nkeyAlias=upload\nstoreFile=<keystore-file-"
        "location>\n\nIs this the key.properties format from the Flutter docs?", "key.properties template", "placeholder")
    add("mobile", "vendor", "app_identifier(\"com.%s.wetter\")\nteam_id(\"%s\")\nitc_team_id(\"%d\")\n\nAppfile: come trovo il mio "
        "itc_team_id?" % (V.s(6, LOWER), V.s(10, UPPER + DIGITS), R.randint(100000000, 999999999)),
        "fastlane appfile ids only", "public_ids")
    add("mobile", "vendor", "lane :beta do\n  increment_build_number\n  build_app(scheme: \"Wetter\")\n  upload_to_testflight(api_key_path: "
        "\"fastlane/api_key.json\")\nend\n\nFastfile: kann ich changelog aus git übernehmen?", "fastfile without secrets",
        "no_secret")
    add("mobile", "vendor", jd({"cli": {"version": ">= 12.0.0", "appVersionSource": "remote"}, "build": {
        "development": {"developmentClient": True, "distribution": "internal"},
        "production": {"autoIncrement": True, "env": {"APP_VARIANT": "production"}}},
        "submit": {"production": {"ios": {"ascAppId": "%d" % R.randint(1000000000, 9999999999)}}}}, 2) +
        "\n\neas.json: ¿para qué sirve appVersionSource remote?", "eas.json profiles without secrets", "public_ids")
    add("mobile", "vendor", "flutter run --dart-define=API_BASE=https://api.staging.example.com --dart-define=FLAVOR=staging\n\n"
        "Kann ich mehrere dart-define in einer Datei sammeln?", "dart-define without secrets", "no_secret")
    add("mobile", "vendor", "<key>API_KEY</key>\n<string>YOUR_API_KEY</string>\n<key>GCM_SENDER_ID</key>\n<string>123456789012</string>\n"
        "<key>BUNDLE_ID</key>\n<string>com.example.quickstart</string>\n<key>PROJECT_ID</key>\n<string>quickstart-ios</string>\n\n"
        "GoogleService-Info.plist の例です。本物はどこでダウンロード？", "googleservice-info plist sample", "sample")
    add("mobile", "vendor", "API_URL=https://api.example.com\nSTRIPE_PUBLISHABLE_KEY=pk_test_%s\nSENTRY_DSN=\n\n"
        ".env.example do projeto RN: o pk_test pode ir para o repositório?" % V.s(24), ".env.example publishable test key",
        "publishable_key")


def extensions_electron():
    add("appconfig", "sensitive", "// background.js (Chrome extension)\nconst CLIENT_ID = \"%s\";\nconst CLIENT_SECRET = \"%s\";\n"
        "chrome.identity.launchWebAuthFlow({url: authUrl, interactive: true}, cb);\n\nDe token exchange geeft invalid_client. "
        "Waarom?" % (V.google_client_id(), V.google_client_secret()), "extension with google oauth client secret", "client_secret")
    add("appconfig", "sensitive", jd({"installed": {"client_id": V.google_client_id(), "project_id": "tagebuch-sync",
                                                    "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                                                    "token_uri": "https://oauth2.googleapis.com/token",
                                                    "client_secret": V.google_client_secret(),
                                                    "redirect_uris": ["http://localhost"]}}) +
        "\n\nclient_secret.json meiner Electron-App — darf der in den Installer?", "google client_secret.json", "client_secret")
    add("appconfig", "sensitive", jd({"windowBounds": {"width": 1280, "height": 800}, "theme": "dark",
                                      "auth": {"refresh_token": "1//0" + V.s(98, ALNUM + "-_"),
                                               "access_token": "ya29." + V.s(150, ALNUM + "-_"),
                                               "email": V.mail(P("fr"), "gmail.com")}}, 2) +
        "\n\nconfig.json d'une app Electron (electron-store). Pourquoi le token expire ?", "electron-store with oauth tokens",
        "token,email")
    add("appconfig", "sensitive", "appId: com.%s.notes\nproductName: Notas\npublish:\n  provider: github\n  owner: %s\n  repo: notas\n"
        "  token: %s\n\nelectron-builder: ¿se publica la release sin GH_TOKEN en el entorno?" % (
            V.s(6, LOWER), V.s(7, LOWER), V.github_pat()), "electron-builder with github token", "token")
    # Look-alikes
    add("appconfig", "vendor", jd({"manifest_version": 3, "name": "Tab Notizen", "version": "1.4.2",
                                   "permissions": ["identity", "storage"],
                                   "oauth2": {"client_id": V.google_client_id(),
                                              "scopes": ["https://www.googleapis.com/auth/drive.file"]},
                                   "key": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + V.s(300, B64) + "IDAQAB"}, 2) +
        "\n\nmanifest.json: warum bekomme ich bad client id?", "extension manifest with client id and public key",
        "public_ids")
    add("appconfig", "vendor", jd({"windowBounds": {"width": 1440, "height": 900, "x": 80, "y": 40}, "theme": "system",
                                   "spellcheck": ["it-IT", "en-US"], "autoUpdate": True, "lastOpened": "2026-11-30"}, 2) +
        "\n\nQuesto è il config.json di Obsidian/Electron: cosa succede se cancello windowBounds?", "electron config no secrets",
        "no_secret")


def games():
    token = V.discord_token()
    add("games", "sensitive", "import discord\n\nintents = discord.Intents.default()\nintents.message_content = True\nclient = "
        "discord.Client(intents=intents)\n\n@client.event\nasync def on_message(m):\n    if m.content.startswith('!ping'):\n"
        "        await m.channel.send('pong')\n\nclient.run('%s')\n\nmein bot antwortet nicht, wieso??" % token,
        "discord bot token in bot.py", "token")
    add("games", "sensitive", "const { Client, GatewayIntentBits } = require('discord.js');\nconst client = new Client({ intents: "
        "[GatewayIntentBits.Guilds] });\nclient.login(\"%s\");\n\nDisallowedIntents, co to znaczy?" % V.discord_token(),
        "discord.js token", "token")
    add("games", "sensitive", "enable-rcon=true\nrcon.port=25575\nrcon.password=%s\nserver-port=25565\nmotd=Server di Luca\n"
        "white-list=true\n\nserver.properties: mcrcon non si connette da fuori, perché?" % V.password(),
        "minecraft server.properties rcon password", "password")
    add("games", "sensitive", jd({"shared_secret": V.b64bytes(20), "serial_number": str(R.randint(10 ** 18, 10 ** 19)),
                                  "revocation_code": "R%05d" % R.randint(0, 99999),
                                  "uri": "otpauth://totp/Steam:%s?secret=%s&issuer=Steam" % (V.s(8, LOWER), V.totp_secret()),
                                  "account_name": V.s(8, LOWER), "identity_secret": V.b64bytes(20),
                                  "device_id": "android:" + V.uuid()}, 2) +
        "\n\nmaFile aus Steam Desktop Authenticator. Wie bekomme ich das in die Steam-App zurück?",
        "steam guard mafile with shared secret", "totp,secret")
    add("games", "sensitive", "Steam Guard 恢复代码：R%05d\n账号：%s\n密码：%s\n\nSteamアカウントを取り返したいです。この情報で"
        "サポートに何を書けばいい？" % (R.randint(0, 99999), V.s(9, LOWER), V.password()),
        "steam recovery code and password (ja with cn labels)", "password")
    # Look-alikes
    add("games", "vendor", "import os\nimport discord\n\nclient = discord.Client(intents=discord.Intents.default())\n"
        "client.run(os.environ[\"DISCORD_TOKEN\"])\n\nComment héberger ce bot gratuitement ?", "discord bot reading env",
        "env_reference")
    add("games", "vendor", "enable-rcon=false\nrcon.port=25575\nrcon.password=\nserver-port=25565\nmax-players=20\ndifficulty=normal\n"
        "view-distance=10\n\nserver.properties: ¿cómo subo el view-distance sin lag?", "server.properties default empty rcon",
        "empty")
    add("games", "vendor", '"AppState"\n{\n\t"appid"\t\t"730"\n\t"name"\t\t"Counter-Strike 2"\n\t"StateFlags"\t\t"4"\n'
        '\t"installdir"\t\t"Counter-Strike Global Offensive"\n\t"SizeOnDisk"\t\t"%d"\n\t"buildid"\t\t"%d"\n}\n\n'
        'appmanifest_730.acf — hoe verplaats ik de game naar een andere schijf?' % (R.randint(10 ** 10, 4 * 10 ** 10),
                                                                                   R.randint(10 ** 7, 2 * 10 ** 7)),
        "steam appmanifest", "public_ids")
    add("games", "vendor", "[{\"uuid\": \"%s\", \"name\": \"Steve\"}, {\"uuid\": \"%s\", \"name\": \"Alex\"}]\n\n"
        "whitelist.json — perché i giocatori non entrano?" % (V.uuid(), V.uuid()), "minecraft whitelist default names",
        "public_ids")


def home_automation():
    add("homeauto", "sensitive", "# secrets.yaml\nwifi_ssid: \"FRITZ!Box 7590 XY\"\nwifi_password: \"%s\"\nmqtt_password: \"%s\"\n"
        "openweathermap_api_key: %s\n\nHome Assistant zeigt 'Secret not defined' – was fehlt?" % (
            V.s(20, DIGITS), V.password(), V.hex(32)), "home assistant secrets.yaml", "password,api_key")
    add("homeauto", "sensitive", "rest_command:\n  shelly_off:\n    url: \"http://192.168.1.40/relay/0?turn=off\"\nsensor:\n  - platform: rest\n"
        "    resource: http://homeassistant.local:8123/api/states/sensor.energia\n    headers:\n      Authorization: \"Bearer %s\"\n\n"
        "Perché il sensore resta unknown?" % V.ha_token(), "home assistant long-lived token", "token")
    add("homeauto", "sensitive", jd({"%s.%s" % (V.hex(8), V.hex(6)): {"user": "mqtt", "password": V.password()},
                                     "%s.%s" % (V.hex(8), V.hex(6)): {"token": V.s(40, ALNUM)}}, 4) +
        "\n\nflows_cred.json in mijn Node-RED map is niet versleuteld. Hoe zet ik credentialSecret?",
        "node-red flows_cred plaintext", "password,token")
    add("homeauto", "sensitive", "esphome:\n  name: sonoff-salon\nwifi:\n  ssid: \"MOVISTAR_%s\"\n  password: \"%s\"\napi:\n  encryption:\n"
        "    key: \"%s\"\nota:\n  - platform: esphome\n    password: \"%s\"\n\n¿Por qué Home Assistant no encuentra el "
        "dispositivo?" % (V.s(4, UPPER + DIGITS), V.s(20, ALNUM), V.b64bytes(32), V.hex(32)),
        "esphome yaml with wifi, api key, ota", "password,key")
    add("homeauto", "sensitive", "Backlog SSID1 %s; Password1 %s; MqttHost 192.168.1.5; MqttUser dves; MqttPassword %s; Topic "
        "gniazdko_kuchnia\n\nTasmota nie łączy się z MQTT po tej komendzie. Co poprawić?" % (
            "UPC%d" % R.randint(1000000, 9999999), V.password(), V.password()), "tasmota backlog with passwords", "password")
    add("homeauto", "sensitive", "advanced:\n  pan_id: %d\n  ext_pan_id: [%s]\n  network_key: [%s]\n  channel: 25\nmqtt:\n  server: "
        "mqtt://192.168.1.5\n  user: z2m\n  password: %s\n\nzigbee2mqtt の configuration.yaml です。チャンネルを変えたい。" % (
            R.randint(1000, 65000), ", ".join(str(R.randint(0, 255)) for _ in range(8)),
            ", ".join(str(R.randint(0, 255)) for _ in range(16)), V.password()),
        "zigbee2mqtt network key and mqtt password", "key,password")
    add("homeauto", "sensitive", "Router-Aufkleber:\nWLAN-Name (SSID): FRITZ!Box 7530 %s\nWLAN-Netzwerkschlüssel: %s\nFRITZ!Box-"
        "Kennwort: %s\n\nKannst du mir die Einstellungen für den Repeater erklären?" % (
            V.s(2, UPPER), " ".join(V.s(4, DIGITS) for _ in range(5)), V.s(4, LOWER) + str(R.randint(1000, 9999))),
        "router sticker wifi key", "password")
    # Look-alikes
    add("homeauto", "vendor", "wifi:\n  ssid: !secret wifi_ssid\n  password: !secret wifi_password\napi:\n  encryption:\n    key: "
        "!secret api_key\nota:\n  - platform: esphome\n    password: !secret ota_password\n\nESPHome: il dispositivo va in "
        "safe mode, perché?", "esphome with !secret references", "secret_reference")
    add("homeauto", "vendor", "advanced:\n  network_key: GENERATE\n  pan_id: GENERATE\n  ext_pan_id: GENERATE\nserial:\n  port: "
        "/dev/ttyUSB0\n  adapter: ember\n\nWat doet GENERATE precies bij de eerste start?", "z2m generate network key",
        "placeholder")
    add("homeauto", "vendor", "homeassistant:\n  name: Casa\n  unit_system: metric\n  time_zone: Europe/Lisbon\nhttp:\n  use_x_forwarded_for: "
        "true\n  trusted_proxies:\n    - 172.30.33.0/24\nmqtt_password: !secret mqtt_password\n\nO proxy devolve 400 Bad Request. "
        "Falta algo?", "home assistant configuration with !secret", "secret_reference")
    add("homeauto", "vendor", jd([{"id": V.hex(16), "type": "mqtt-broker", "name": "local", "broker": "192.168.1.5", "port": "1883",
                                   "credentials": {}}, {"id": V.hex(16), "type": "inject", "name": "alle 7:00",
                                                        "crontab": "00 07 * * *"}], 2) +
        "\n\nflows.json (ohne _cred). Warum verbindet der Broker-Knoten nicht?", "node-red flows without creds", "no_secret")
    add("homeauto", "vendor", "Backlog SSID1 <ssid>; Password1 <password>; MqttHost <broker_ip>; MqttUser <user>; MqttPassword "
        "<password>\n\nTasmota docs example — can I send this over the serial console?", "tasmota backlog placeholders",
        "placeholder")
    add("homeauto", "vendor", "Durchschnittlicher Stromverbrauch im Oktober: 8,4 kWh/Tag\nWärmepumpe: 41 %\nHerd: 12 %\n"
        "Standby: 6 %\n\nIst das für 4 Personen normal?", "energy statistics", "statistics")


def finance():
    # Bank app CSV of a named person
    lg = "de"
    p = P(lg)
    ib = V.iban_for("de", grouped=False)
    rows = ['"Kontoinhaber:";"%s"' % p, '"IBAN:";"%s"' % ib, "",
            '"Buchungsdatum";"Empfänger";"Verwendungszweck";"Betrag (EUR)"']
    for who, what in [("Stadtwerke München", "Abschlag Strom"), ("Dr. med. Hofmann", "Rechnung Psychotherapie"),
                      ("REWE", "Kartenzahlung")]:
        rows.append('"%s";"%s";"%s";"-%d,%02d"' % (V.day(), who, what, R.randint(10, 300), R.randint(0, 99)))
    add("finance", "sensitive", "\n".join(rows) + "\n\nKannst du meine Ausgaben nach Kategorien sortieren?",
        "bank app csv with holder and iban (de)", "iban,name")
    lg = "nl"
    p = P(lg)
    rows = ['"Date","Payee","Account number","Transaction type","Payment reference","Amount (EUR)"']
    for _ in range(3):
        rows.append('"%s","%s","%s","Outgoing Transfer","%s","-%d.%02d"' % (V.day(), P("nl"), V.iban_for("nl", grouped=False),
                                                                          R.choice(["huur december", "terugbetaling",
                                                                                    "verjaardag cadeau"]),
                                                                          R.randint(10, 900), R.randint(0, 99)))
    add("finance", "sensitive", "\n".join(rows) + "\n\nN26-export van mijn rekening. " + ask(lg, "sum"),
        "n26 csv with payees and ibans", "iban,name")
    lg = "fr"
    p = P(lg)
    add("finance", "sensitive", "Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\n"
        "TRANSFER,Current,%s,%s,To %s,-250.00,0.00,EUR,COMPLETED,%d.12\nCARD_PAYMENT,Current,%s,%s,Pharmacie du Centre,-38.40,"
        "0.00,EUR,COMPLETED,%d.72\n\nRelevé Revolut de ma mère (%s, IBAN %s). Tu peux calculer ce qu'elle dépense par mois ?" % (
            V.day(), V.day(), P("fr"), R.randint(100, 5000), V.day(), V.day(), R.randint(100, 5000), p,
            V.iban_for("fr")), "revolut statement of a named person", "iban,name")
    lg = "es"
    p = P(lg)
    add("finance", "sensitive", '"Fecha","Nombre","Tipo","Estado","Divisa","Bruto","Comisión","Neto","Correo electrónico del remitente",'
        '"Correo electrónico del destinatario"\n"%s","%s","Pago en sitio web","Completado","EUR","-59,90","0,00","-59,90","%s",'
        '"ventas@tienda-ejemplo.es"\n\n¿Cómo saco de aquí solo las compras de noviembre?' % (V.day(), p, V.mail(p)),
        "paypal csv with name and email", "email,name")
    lg = "it"
    p = P(lg)
    add("finance", "sensitive", "Estratto conto — Intestatario: %s\nIBAN: %s\nSaldo al 30/11: 2.341,18 EUR\n30/11 Bonifico da "
        "INPS pensione invalidità +612,40\n28/11 Farmacia Comunale -84,20\n\nMi aiuti a capire se il bonifico INPS è giusto?" % (
            p, V.iban_for("it")), "italian statement ocr with holder and iban", "iban,health")
    lg = "pl"
    p = P(lg)
    add("finance", "sensitive", "Potwierdzenie przelewu\nNadawca: %s\nRachunek nadawcy: %s\nOdbiorca: Wspólnota Mieszkaniowa\n"
        "Kwota: 450,00 PLN\nTytuł: czynsz 11/2026\n\nTo zrzut z aplikacji mBanku. Napisz maila do administratora, że zapłaciłam." % (
            p, V.iban_cc("PL", grouped=True)), "transfer confirmation ocr (pl)", "iban,name")
    # Crypto
    add("finance", "sensitive", "BINANCE_API_KEY=%s\nBINANCE_API_SECRET=%s\n\nMein Trading-Bot bekommt -2015 Invalid API-key. "
        "Was bedeutet das?" % (V.binance(), V.binance()), "binance api key and secret", "api_key")
    add("finance", "sensitive", "kraken = ccxt.kraken({\n    'apiKey': '%s',\n    'secret': '%s',\n})\nprint(kraken.fetch_balance())"
        "\n\nEAPI:Invalid nonce — come lo risolvo?" % (V.b64bytes(42), V.kraken_private()), "kraken key in ccxt", "api_key")
    add("finance", "sensitive", "Coinbase API key\nname: organizations/%s/apiKeys/%s\nprivateKey: %s\n\nO script em Python dá "
        "401. O formato da chave está certo?" % (V.uuid(), V.uuid(), V.pem_private_key("EC ", escaped=True)),
        "coinbase cdp key with private key", "private_key")
    for lg, seedlang, n in [("es", "es", 12), ("fr", "fr", 24), ("it", "it", 12), ("ja", "ja", 12), ("de", "en", 24),
                            ("nl", "en", 12), ("pt", "en", 12)]:
        s = V.seed(seedlang, n)
        intro = {"es": "Mis 12 palabras de recuperación: %s\n¿Puedo importarlas en MetaMask o solo en Trust Wallet?",
                 "fr": "Phrase de récupération Ledger (24 mots) :\n%s\nJe dois la retaper sur mon nouveau Ledger, quel ordre ?",
                 "it": "Frase segreta del wallet di mio padre: %s\nÈ mancato, come recuperiamo i fondi?",
                 "ja": "ウォレットの復元フレーズ：%s\nこの順番で合っているか確認してもらえますか？",
                 "de": "Seed für mein Trezor (bitte nicht verlieren):\n%s\nKannst du daraus eine Tabelle 1-24 machen?",
                 "nl": "notitie uit mijn telefoon:\n\nwallet backup\n%s\n\nis dit genoeg om mijn wallet terug te zetten?",
                 "pt": "# carteira\n```\nmnemonic = \"%s\"\nwallet = Wallet.from_mnemonic(mnemonic)\n```\nDá erro de checksum, "
                       "porquê?"}[lg]
        add("finance", "sensitive", intro % s, "seed phrase in %s word list (%s)" % (seedlang, lg), "seed_phrase")
    # Look-alikes
    add("finance", "vendor", '"Buchungsdatum";"Empfänger";"Verwendungszweck";"Betrag (EUR)"\n"Summe Lebensmittel";"";"";"-412,30"\n'
        '"Summe Miete";"";"";"-980,00"\n"Summe Freizeit";"";"";"-156,45"\n\nIst mein Budget realistisch?',
        "bank category totals without person", "statistics")
    add("finance", "vendor", "Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\n\n"
        "Welke kolom gebruik ik om Revolut in YNAB te importeren?", "revolut csv header", "empty")
    add("finance", "vendor", "Mnemonic test vector (BIP-39): abandon abandon abandon abandon abandon abandon abandon abandon "
        "abandon abandon abandon about\nSeed: 5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc19a5ac40b389cd370"
        "d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4\n\nWhy does my implementation give a different seed with passphrase TREZOR?",
        "bip39 test vector", "docs")
    add("finance", "vendor", "Wortliste (BIP-39, Englisch), Zeilen 1-24:\n" + "\n".join("%04d %s" % (i + 1, w) for i, w in
                                                                                      enumerate(BIP39_HEAD)) +
        "\n\nWarum sind es genau 2048 Wörter?", "bip39 word list head", "wordlist")
    add("finance", "vendor", "Trezor emulator: load_device --mnemonic \"all all all all all all all all all all all all\" --pin 1234\n\n"
        "Pourquoi les tests utilisent ce mnémonique ?", "trezor test mnemonic", "docs")
    add("finance", "vendor", "Mijn publieke adres: %s\nTx: %s\n\nWaarom staat de transactie nog op pending?" % (
        V.eth_address(), "0x" + V.hex(64)), "public address and tx hash", "public_ids")
    add("finance", "vendor", "BINANCE_API_KEY=your_api_key_here\nBINANCE_API_SECRET=your_api_secret_here\n\n.env.example für den "
        "Bot – reicht das so für die Doku?", "binance env placeholders", "placeholder")
    add("finance", "vendor", jd({"symbol": "BTCEUR", "priceChangePercent": "-1.82", "lastPrice": "81234.55", "volume": "1843.27"}, 2) +
        "\n\n¿Cómo interpreto esta respuesta del ticker 24h?", "public market data", "public_data")
    add("finance", "vendor", "Estratto conto — Intestatario: Mario Rossi\nIBAN: IT60 X054 2811 1010 0000 0123 456\n(modello di "
        "esempio della banca)\n\nCome si legge la colonna valuta?", "sample statement with documentation iban", "sample")
    add("finance", "vendor", "Wie viel sollte man mit 30 Jahren monatlich für die Rente zurücklegen? Ich verdiene netto etwa 2.800 €.",
        "general finance question", "question")
    add("finance", "vendor", "Seed phrase security: quantas palavras deve ter? 12 ou 24? E é seguro guardá-la num gestor de "
        "palavras-passe?", "general question about seed phrases", "question")
    add("finance", "vendor", "PayPal-Gebühren 2026: 2,49 % + 0,35 € pro Transaktion für Waren und Dienstleistungen. Lohnt sich "
        "das für meinen Etsy-Shop bei 15 € Durchschnittsbestellung?", "fee question", "question")


def contacts():
    for lg in ["de", "es", "pl"]:
        rows = ["Name,Given Name,Family Name,Birthday,Notes,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value"]
        for _ in range(3):
            p = P(lg)
            rows.append("%s,%s,%s,%s,,* Home,%s,Mobile,%s" % (p, p.split()[0], p.split(" ", 1)[1],
                                                             "%04d-%02d-%02d" % (R.randint(1950, 2005), R.randint(1, 12),
                                                                                 R.randint(1, 28)),
                                                             V.mail(p), V.phone(lg)))
        add("contacts", "sensitive", "\n".join(rows) + "\n\n" + ask(lg, "dup"), "google contacts csv (%s)" % lg,
            "email,phone,dob")
    lg = "pt"
    rows = ["sqlite> SELECT raw_contact_id, mimetype, data1 FROM view_data WHERE mimetype LIKE '%phone%' OR mimetype LIKE '%email%';"]
    for i in range(3):
        p = P(lg)
        rows.append("%d|vnd.android.cursor.item/name|%s" % (i + 1, p))
        rows.append("%d|vnd.android.cursor.item/phone_v2|%s" % (i + 1, V.phone(lg)))
    add("contacts", "sensitive", "\n".join(rows) + "\n\nRecuperei o contacts2.db do telemóvel antigo. Como exporto para vCard?",
        "android contacts2.db dump", "phone,name")
    lg = "ja"
    p = P(lg)
    add("contacts", "sensitive", "名前,ふりがな,電話番号,メール,住所\n%s,%s,%s,%s,東京都世田谷区桜新町2-%d-3\n\niPhone に"
        "取り込むための形式に直してください。" % (p, "さとう みさき", V.phone("ja"), V.mail(p), R.randint(1, 30)),
        "japanese contacts csv", "phone,address")
    lg = "it"
    p = P(lg)
    add("contacts", "sensitive", "First Name,Last Name,Mobile Phone,E-mail Address,Home Street,Home City,Notes\n%s,%s,%s,%s,"
        "Via Garibaldi %d,Bologna,nonna - chiamare dopo le 18\n\nContatti esportati da Outlook, " % (
            p.split()[0], p.split(" ", 1)[1], V.phone("it"), V.mail(p), R.randint(1, 90)) + ask(lg, "conv").lower(),
        "outlook contacts csv", "phone,email,address")
    lg = "fr"
    p = P(lg)
    add("contacts", "sensitive", "Capture d'écran (texte reconnu) :\n%s\nmobile  %s\ndomicile  %s\n%s\nAnniversaire  %s\n\nPeux-tu "
        "me rédiger un message d'anniversaire pour elle ?" % (p, V.phone("fr", False), V.phone("fr", False), V.mail(p),
                                                               V.dob("fr")), "contact card screenshot ocr", "phone,email")
    # Look-alikes
    add("contacts", "vendor", "Name,Given Name,Family Name,Birthday,Notes,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,"
        "Phone 1 - Value\n\nWelche Spalten braucht Google Contacts mindestens für den Import?", "google contacts header",
        "empty")
    add("contacts", "vendor", "Name,Phone 1 - Value,Notes\nPizzeria Da Michele,+39 081 553 9204,Forcella\nFarmacia Comunale,"
        "051 219 3456,turno notturno\nNumero unico emergenze,112,\n\nSono numeri pubblici di attività: " + ask("it", "conv").lower(),
        "businesses' public numbers", "public_data")
    add("contacts", "vendor", "sqlite> .schema data\nCREATE TABLE data (_id INTEGER PRIMARY KEY AUTOINCREMENT,package_id INTEGER "
        "REFERENCES package(_id),mimetype_id INTEGER REFERENCES mimetype(_id) NOT NULL,raw_contact_id INTEGER REFERENCES "
        "raw_contacts(_id) NOT NULL,data1 TEXT,data2 TEXT,data3 TEXT);\n\nWhich column holds the phone number?",
        "contacts2.db schema", "schema")
    add("contacts", "vendor", "First Name,Last Name,Mobile Phone,E-mail Address\nJan,Jansen,+31 6 00000000,jan.jansen@example.com\n"
        "\nDit is het voorbeeldbestand. Waarom faalt de import bij het telefoonnummer?", "contacts sample with example values",
        "sample")
    add("contacts", "vendor", "Wie viele Kontakte kann ich maximal in Google Contacts speichern, und zählt die Signal-App die "
        "synchronisierten mit?", "contacts general question", "question")


HEALTH_PARENT = {
    "de": "Notizen zu {name} ({age} J.)\n- Diagnose Epilepsie (Absencen) seit März, Neurologin Dr. Keller\n- Levetiracetam "
          "2x250 mg, Anfallstagebuch: 3 Absencen diese Woche\n- Kita informiert, Notfallmedikament Buccolam im Rucksack\n\n"
          "Kannst du daraus eine Info für die neue Erzieherin machen?",
    "fr": "Suivi de {name} ({age} ans)\n- TDAH diagnostiqué en CE1, Ritaline LP 20 mg le matin\n- PAI signé avec l'école, "
          "orthophonie le mardi\n- crises de colère en baisse depuis octobre\n\nTu peux m'aider à écrire un mot pour la maîtresse ?",
    "es": "Diario de {name} ({age} años): diabetes tipo 1 desde los 6. Glucemia esta mañana 312 mg/dl, le puse 4 unidades de "
          "NovoRapid. Hipoglucemia en el cole el jueves.\n\n¿Cómo se lo explico al nuevo profesor de educación física?",
    "it": "Note su {name}, {age} anni — autismo livello 1 (diagnosi NPI 2024), logopedia 2 volte a settimana, insegnante di "
          "sostegno 12 ore. Crisi sensoriali in mensa.\n\nMi aiuti a scrivere una mail alla preside?",
    "pl": "{name} ({age} l.) — astma oskrzelowa + alergia na orzechy (wstrząs anafilaktyczny w 2025). Epipen w plecaku, Symbicort "
          "rano i wieczorem.\n\nNapisz krótką notatkę dla wychowawczyni na wycieczkę.",
    "nl": "Logboek {name} ({age} jr): diagnose coeliakie bevestigd na biopt, glutenvrij sinds september. Groeicurve nog onder P3, "
          "controle kinderarts in januari.\n\nKun je een briefje voor het kamp schrijven?",
}
HEALTH_NOTE_PERSON = {
    "de": "Therapie-Notizen (Obsidian) – {name}\nSitzung 14: Panikattacken seltener, Sertralin 50 mg seit 6 Wochen.\nThema: "
          "Trennung, Schlafprobleme.\n\nFass mir die letzten Sitzungen zusammen.",
    "fr": "Carnet (Notion) — {name}\nRDV gastro 12/11 : maladie de Crohn confirmée, début Humira. Prochaine coloscopie en mars.\n\n"
          "Fais-moi un planning des injections.",
    "es": "Nota de voz transcrita: Soy {name}. Ayer me confirmaron el VIH, empiezo el tratamiento el lunes. No se lo he dicho a "
          "nadie del trabajo.\n\nAyúdame a redactar un mensaje para pedir dos días libres sin dar detalles.",
    "pt": "Notas do Keep — consulta da {name}\nPsiquiatra: perturbação bipolar tipo II, lítio 400 mg; análises ao lítio em 2 semanas.\n\n"
          "Organiza isto numa lista de tarefas.",
    "ja": "メモ（{name}）\n乳がんステージII。来週から抗がん剤治療。職場には休職を相談予定。\n\nこの内容で上司へのメールを書いてください。",
}


def health():
    for lg, tmpl in HEALTH_PARENT.items():
        add("health", "sensitive", tmpl.format(name=P(lg).split()[0], age=R.randint(5, 14)),
            "parent's notes on a child's condition (%s)" % lg, "health,child")
    for lg, tmpl in HEALTH_NOTE_PERSON.items():
        add("health", "sensitive", tmpl.format(name=P(lg)), "personal health note of a named person (%s)" % lg, "health")
    # Apple Health export
    p = P("de")
    add("health", "sensitive", '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="de_DE">\n <ExportDate value="2026-11-30 '
        '21:04:11 +0100"/>\n <Me HKCharacteristicTypeIdentifierDateOfBirth="%04d-%02d-%02d" HKCharacteristicTypeIdentifierBiological'
        'Sex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeABNegative"/>\n <Record type="HKCategory'
        'TypeIdentifierPregnancyTestResult" sourceName="Clue" value="HKCategoryValuePregnancyTestResultPositive" startDate="%s"/>\n'
        ' <Record type="HKQuantityTypeIdentifierBloodGlucose" unit="mg/dL" value="%d" startDate="%s"/>\n</HealthData>\n\n'
        'Das ist der Health-Export meiner Frau %s. Kannst du die Werte in eine Tabelle bringen?' % (
            R.randint(1980, 1998), R.randint(1, 12), R.randint(1, 28), V.ts(), R.randint(140, 220), V.ts(), p),
        "apple health export with named person", "health")
    p = P("nl")
    add("health", "sensitive", "Apple Watch ECG — %s, geb. %s\nClassificatie: Boezemfibrilleren\nGemiddelde hartslag: %d BPM\n"
        "Symptomen: Hartkloppingen, Duizeligheid\n\nMoet ik hiermee naar de huisarts? Schrijf een berichtje voor de praktijk."
        % (p, V.dob("nl"), R.randint(95, 140)), "smartwatch ecg pdf text with name", "health")
    p = P("fr")
    add("health", "sensitive", "Export Clue — %s\nDate,Règles,Douleur,Humeur,Test\n%s,abondant,crampes,anxieuse,\n%s,,,,"
        "test de grossesse positif\n%s,,nausées,fatiguée,\n\nPeux-tu me dire à combien de semaines je suis ?" % (
            p, V.day(), V.day(), V.day()), "cycle tracker export with name and pregnancy", "health")
    p = P("es")
    add("health", "sensitive", "Google Fit (Takeout) — cuenta %s\nFecha,Peso (kg),Frecuencia cardiaca en reposo,Notas\n%s,%d.4,%d,"
        "empiezo Ozempic por obesidad\n%s,%d.1,%d,\n\nHazme un gráfico de la evolución del peso." % (
            V.mail(p, "gmail.com"), V.day(), R.randint(95, 130), R.randint(60, 90), V.day(), R.randint(90, 125),
            R.randint(60, 90)), "google fit export with account and medication", "health,email")
    add("health", "sensitive", "Front;Back;Tags\nBett 4, Herr %s (72);NSTEMI, Z.n. PCI, Heparin-Perfusor, Kalium 3,1;Station7\n"
        "Bett 6, Frau %s;COPD GOLD 3, 2 l O2, Rauchstopp-Gespräch;Station7\n\nAnki-Deck von meiner Station. Kannst du die "
        "Karten kürzer formulieren?" % (P("de").split()[1], P("de").split()[1]), "anki deck about ward patients", "health")
    add("health", "sensitive", "Pasted from Notion — Mum (%s), appointments\n- Oncology 3 Dec: second cycle of FOLFOX for bowel "
        "cancer\n- GP: blood pressure meds changed to amlodipine 5 mg\n- NHS number %s\n\nTurn this into a checklist for "
        "my brother." % (P("en"), V.nhs_number()), "notion note with parent's cancer treatment and nhs number", "health,id")
    # Look-alikes
    add("health", "vendor", '<Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" unit="count" value="%d" '
        'startDate="%s"/>\n<Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" unit="count" value="%d" '
        'startDate="%s"/>\n\nWie summiere ich die Schritte pro Tag mit Python?' % (R.randint(200, 3000), V.ts(),
                                                                                  R.randint(200, 3000), V.ts()),
        "step count records without person", "fitness_data")
    add("health", "vendor", "activity_type,start_time,distance_km,duration,avg_hr\nRun,%s,10.02,00:52:11,152\nRide,%s,42.7,01:31:40,"
        "138\n\nStrava-Export: come calcolo il passo medio?" % (V.ts(), V.ts()), "workout data with no person", "fitness_data")
    add("health", "vendor", "Qu'est-ce que la fibrillation auriculaire et est-ce que l'ECG de l'Apple Watch est fiable pour la "
        "détecter ?", "general medical question", "question")
    add("health", "vendor", "Front;Back;Tags\nWirkmechanismus Metformin;Hemmt hepatische Glukoneogenese;Pharma\nNebenwirkung ACE-"
        "Hemmer;Reizhusten;Pharma\n\nKannst du mir 10 weitere Karten zur Pharmakologie machen?", "anki pharmacology deck",
        "education")
    add("health", "vendor", "Plantilla de diario de glucemia\nFecha | Hora | Glucemia (mg/dl) | Insulina (u) | Notas\n____ | ____ | "
        "____ | ____ | ____\n\n¿Me la haces en formato de tabla para imprimir?", "glucose diary template", "template")
    add("health", "vendor", "W Polsce na cukrzycę typu 1 choruje ok. 200 tys. osób; u dzieci zachorowalność rośnie o ok. 3-5 % "
        "rocznie.\n\nZ jakiego źródła mogą pochodzić te dane?", "health statistics", "statistics")
    add("health", "vendor", "アプリの生理日予測はどうやって計算していますか？周期が不規則だと精度は下がりますか？",
        "question about cycle prediction", "question")
    add("health", "vendor", "Mijn hond Max (9) heeft epilepsie en krijgt fenobarbital. Hoe houd ik een aanvalsdagboek bij?",
        "dog's condition", "animal")


def ocr_screens():
    add("ocr", "sensitive", "9:41 ▼◢ 87%%\n< Wi-Fi\nMeine_Wohnung_5G\nPasswort  %s\nAutomatisch verbinden  ●\nIP-Adresse 192.168.178.34\n\n"
        "Das ist ein Screenshot vom Handy. Wie teile ich das WLAN per QR-Code?" % V.s(16, ALNUM),
        "wifi settings screenshot with password", "password")
    add("ocr", "sensitive", "Mots de passe\n< Retour    leboncoin.fr    Modifier\nNom d'utilisateur\n%s\nMot de passe\n%s\nCode de "
        "validation\n%d %d\nSites web\nleboncoin.fr\n\nJe n'arrive plus à me connecter, tu vois un problème ?" % (
            V.mail(P("fr")), V.password(), R.randint(100, 999), R.randint(100, 999)),
        "apple passwords detail screenshot", "password,email")
    add("ocr", "sensitive", "Códigos de respaldo de Google\nCuenta: %s\n1. %s %s   2. %s %s\n3. %s %s   4. %s %s\n5. %s %s   6. %s %s\n"
        "Cada código solo se puede usar una vez.\n\n¿Dónde los guardo de forma segura?" % tuple(
            [V.mail(P("es"), "gmail.com")] + [V.s(4, DIGITS) for _ in range(12)]),
        "google backup codes screenshot", "recovery_codes")
    add("ocr", "sensitive", "Account e-mail\nServer posta in arrivo: imaps.aruba.it  Porta: 993\nNome utente: %s\nPassword: %s\n"
        "Server posta in uscita: smtps.aruba.it  Porta: 465\n\nSchermata delle impostazioni su Android. Perché non scarica le mail?" % (
            V.mail(P("it"), "studio%s.it" % V.s(4, LOWER)), V.password()), "mail account settings screenshot", "password")
    add("ocr", "sensitive", "ING  ≡\nBetaalrekening\n%s\n%s\n€ 3.412,77\nAf  Albert Heijn 1234  -€ 54,10\nBij  Salaris %s  +€ 2.950,00\n\n"
        "Kun je uitleggen waarom mijn saldo afwijkt van gisteren?" % (P("nl"), V.iban_cc("NL", grouped=True), "Globex BV"),
        "bank app screenshot with holder and iban", "iban,name")
    add("ocr", "sensitive", "mBank\nKarta wirtualna\n%s\nWażna do 09/29  CVC %03d\n%s\n\nCzemu płatność w sklepie jest odrzucana?" % (
        V.card(sep=" "), R.randint(100, 999), P("pl").upper()), "virtual card screenshot", "card")
    add("ocr", "sensitive", "設定 > ルーター管理\n管理者ユーザー名 admin\n管理者パスワード %s\nSSID: aterm-%s-g\n暗号化キー %s\n\n"
        "スクショの文字起こしです。中継器の設定方法を教えて。" % (V.password(), V.hex(6), V.s(13, LOWER + DIGITS)),
        "router admin page screenshot (ja)", "password")
    # Look-alikes
    add("ocr", "vendor", "9:41\n< Wi-Fi\nMeine_Wohnung_5G\nPasswort  ••••••••••\nAutomatisch verbinden  ●\nDatenschutz  Private "
        "WLAN-Adresse\n\nWarum verbindet sich das iPhone nicht automatisch?", "wifi screenshot with masked password", "masked")
    add("ocr", "vendor", "Impostazioni account\nNome utente: mario.rossi@example.com\nPassword: ••••••••\nServer: imap.example.com\n\n"
        "È la schermata di esempio del manuale. La porta 143 va bene?", "manual screenshot sample", "sample")
    add("ocr", "vendor", "Ajustes > General > Información\nNombre: iPhone\nVersión de iOS: 18.1\nModelo: iPhone 15\nCapacidad: 128 GB\n"
        "Disponible: 12,4 GB\n\n¿Cómo libero espacio?", "about phone without identifiers", "device_info")
    add("ocr", "vendor", "Configurações de privacidade\nLocalização: Ativada\nRastreamento de apps: Desativado\nAnálises: Não partilhar\n"
        "\nEstas definições são suficientes?", "privacy settings screenshot", "settings")
    add("ocr", "vendor", "Two-factor authentication is on\nBackup codes: 10 remaining (generated 2026-03-04)\nAuthenticator app: "
        "configured\n\nShould I regenerate the codes?", "2fa status screen without codes", "status")


def notes():
    add("notes", "sensitive", "## Haushalt (Obsidian)\n- WLAN Oma: %s\n- PIN EC-Karte Papa: %04d\n- Netflix: %s / %s\n\n"
        "Mach daraus bitte eine übersichtliche Tabelle." % (V.s(12, ALNUM), R.randint(0, 9999), V.mail(P("de")), V.password()),
        "obsidian household note with pins and passwords", "password,pin")
    add("notes", "sensitive", "Notion — Administratif\nNuméro fiscal : %s %s %s %s %s\nNIR : %s\nMot de passe impots.gouv : %s\n\n"
        "Range ça dans une checklist pour la déclaration." % tuple(
            [V.s(2, DIGITS)] * 0 + [V.s(2, DIGITS), V.s(2, DIGITS), V.s(3, DIGITS), V.s(3, DIGITS), V.s(3, DIGITS)] +
            [V.fr_nir(), V.password()]), "notion admin note with tax ids and password", "password,id")
    add("notes", "sensitive", jd({"color": "DEFAULT", "isTrashed": False, "isPinned": True, "title": "Datos piso",
                                  "textContent": "Contrato alquiler: %s, DNI %s\nIBAN fianza: %s\nCódigo alarma: %04d" % (
                                      P("es"), V.es_dni(), V.iban_for("es"), R.randint(0, 9999))}, 2) +
        "\n\nEsto es de Google Keep (Takeout). " + ask("es", "sum"), "google keep note with dni and iban", "id,iban")
    add("notes", "sensitive", "Appunti — dati per il CAF\nCodice fiscale: %s\nSPID: %s / %s\nTessera sanitaria scade 2028\n\n"
        "Mi prepari una mail per il commercialista con questi dati?" % (V.it_fiscal_code(), V.mail(P("it")), V.password()),
        "italian notes with codice fiscale and spid password", "id,password")
    add("notes", "sensitive", "Notatki — sprawy urzędowe\nPESEL: %s\nHasło do ePUAP: %s\nNr konta do zwrotu: %s\n\nUłóż to w "
        "listę rzeczy do zrobienia." % (V.pl_pesel(), V.password(), V.iban_cc("PL", grouped=True)),
        "polish notes with pesel and password", "id,password,iban")
    add("notes", "sensitive", "Nota (Apple Notas)\nCartão de Cidadão — NIF %s\nSenha Portal das Finanças: %s\nNISS: %s\n\n"
        "Traduz para inglês para o meu contabilista." % (V.pt_nif_personal(), V.password(), V.s(11, DIGITS)),
        "portuguese notes with nif and password", "id,password")
    # Look-alikes
    add("notes", "vendor", "## Haushalt (Obsidian)\n- WLAN: siehe Aufkleber am Router\n- Müllabfuhr: Di Restmüll, Fr Papier\n"
        "- Heizung entlüften im Oktober\n\nMach daraus bitte eine Tabelle.", "household note without secrets", "no_secret")
    add("notes", "vendor", "Template Notion — Suivi des abonnements\n| Service | Prix | Renouvellement | Identifiant |\n|---|---|---|---|\n"
        "| Netflix | 13,49 € | 12/01 | (dans le gestionnaire) |\n\nTu peux ajouter une colonne pour le moyen de paiement ?",
        "notion template", "template")
    add("notes", "vendor", "Lijst voor de verhuizing: adreswijziging gemeente, energie overzetten, nieuwe parkeervergunning, "
        "internet aanvragen, post doorsturen.\n\nWat ben ik vergeten?", "moving checklist", "no_secret")
    add("notes", "vendor", "勉強ノート：パスワードは12文字以上、使い回し禁止、二要素認証を有効にする。パスワードマネージャーは"
        "Bitwarden か 1Password。\n\n要点をまとめてください。", "study note about password hygiene", "education")
    add("notes", "vendor", "Sample Obsidian vault: 'Meeting notes template'\n---\ndate: {{date}}\nattendees:\n---\n## Agenda\n## "
        "Decisions\n## Action items\n\nHow do I make the date fill in automatically?", "obsidian template", "template")


def more_lookalikes():
    """Added before the first run, to bring the vendor share up: more look-alikes of each family, and three
    more sensitive cases in the less covered languages."""
    lg = "pt"
    p = P(lg)
    add("pwexport", "sensitive", "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
        "Bancos,1,login,Millennium,,,0,https://ind.millenniumbcp.pt,%s,%s,\nSocial,,login,Instagram,,,0,https://instagram.com,"
        "%s,%s,\n\nExportei do Bitwarden em CSV. " % (V.s(8, DIGITS), V.password(), V.mail(p), V.password()) + ask(lg, "dup"),
        "bitwarden csv export (pt)", "password")
    add("mobile", "sensitive", jd({"expo": {"name": "Ricette", "slug": "ricette", "version": "1.2.0",
                                            "ios": {"bundleIdentifier": "it.%s.ricette" % V.s(5, LOWER)},
                                            "extra": {"openaiKey": V.openai(), "eas": {"projectId": V.uuid()}}}}, 2) +
        "\n\napp.json di Expo: leggo la chiave con Constants.expoConfig.extra, va bene così?",
        "expo app.json with openai key in extra", "api_key")
    add("homeauto", "sensitive", "mqtt:\n  broker: 192.168.1.20\n  username: casa\n  password: \"%s\"\ncamera:\n  - platform: generic\n"
        "    still_image_url: http://admin:%s@192.168.1.64/ISAPI/Streaming/channels/101/picture\n\nA câmara não aparece no "
        "Home Assistant. O que está errado?" % (V.password(), V.s(10, ALNUM)), "home assistant inline mqtt and camera passwords",
        "password")

    add("pwexport", "vendor", "name,url,username,password,note\nAmazon,https://www.amazon.de/,[entfernt],[entfernt],\nDKB,"
        "https://www.dkb.de/,[entfernt],[entfernt],\n\nIch habe Benutzer und Passwörter vor dem Einfügen entfernt. Warum "
        "erkennt Bitwarden die Spalten nicht?", "chrome csv with removed values", "masked")
    add("pwexport", "vendor", "<Entry>\n\t<String><Key>Title</Key><Value>Mail (Kopie)</Value></String>\n\t<String><Key>UserName"
        "</Key><Value>{REF:U@I:%s}</Value></String>\n\t<String><Key>Password</Key><Value ProtectInMemory=\"True\">{REF:P@I:%s}"
        "</Value></String>\n</Entry>\n\nKeePass: wat is dat {REF:...} in plaats van het wachtwoord?" % (
            V.hex(32, True), V.hex(32, True)), "keepass field references", "reference")
    add("pwexport", "vendor", "Come fa Chrome a cifrare le password salvate su Windows? Ho letto di DPAPI e di \"Local State\" "
        "con encrypted_key, ma non capisco se un altro utente del PC può leggerle.", "question on chrome encryption",
        "question")
    add("sshclient", "vendor", "<Server>\n\t<Host>ftp.%s.de</Host>\n\t<Port>21</Port>\n\t<User>kunde</User>\n\t<Pass encoding="
        "\"crypt\" pubkey=\"%s\">%s</Pass>\n\t<Logontype>1</Logontype>\n</Server>\n\nFileZilla mit Master-Passwort: "
        "kann ich die Datei auf einen neuen PC kopieren?" % (V.s(6, LOWER), V.s(96, ALNUM), V.s(120, ALNUM)),
        "filezilla pass encrypted with master password", "encrypted")
    add("sshclient", "vendor", "<Node Name=\"NAS\" Type=\"Connection\" Username=\"admin\" Domain=\"\" Password=\"\" Hostname="
        "\"nas.local\" Protocol=\"SSH2\" Port=\"22\" />\n\nmRemoteNG vraagt steeds het wachtwoord. Waar sla ik het op?",
        "mremoteng node with empty password", "empty")
    add("sshclient", "vendor", "Qual è la differenza tra Logontype 1 (normale) e 3 (chiedi password) in FileZilla? E dove "
        "salva FileZilla la password se uso il tipo normale?", "filezilla question", "question")
    add("mobile", "vendor", '<meta-data\n    android:name="com.google.android.gms.ads.APPLICATION_ID"\n    android:value='
        '"ca-app-pub-3940256099942544~3347511713"/>\n\nZ testowym ID AdMob reklamy się wyświetlają, z moim nie. Dlaczego?',
        "admob sample app id", "sample")
    add("mobile", "vendor", jd({"key_id": V.s(10, UPPER + DIGITS), "issuer_id": V.uuid(), "key_filepath": "./fastlane/AuthKey.p8",
                                "duration": 1200, "in_house": False}, 2) +
        "\n\nDie api_key.json verweist nur auf die .p8-Datei. Kann die ins Repo?", "asc api key json with path only",
        "key_path")
    add("mobile", "vendor", jd({"type": "service_account", "project_id": "your-project-id", "private_key_id": "<KEY_ID>",
                                "private_key": "-----BEGIN PRIVATE KEY-----\n<YOUR_PRIVATE_KEY>\n-----END PRIVATE KEY-----\n",
                                "client_email": "firebase-adminsdk-xxxxx@your-project-id.iam.gserviceaccount.com"}, 2) +
        "\n\nPlantilla de la documentación: ¿qué campos relleno con mi cuenta de servicio?",
        "firebase admin json template", "placeholder")
    add("mobile", "vendor", "Qu'est-ce que MATCH_PASSWORD dans fastlane match, et faut-il le mettre dans les secrets du CI "
        "plutôt que dans le .env ?", "fastlane question", "question")
    add("games", "vendor", "client.run('YOUR_BOT_TOKEN_HERE')\n\nTutorial says to paste the token here — where do I get it in the "
        "Developer Portal?", "discord token placeholder", "placeholder")
    add("games", "vendor", "Steam Guard Mobile Authenticator: wie funktioniert der Wiederherstellungscode (R-Code) und was passiert, "
        "wenn ich ihn verliere?", "steam guard question", "question")
    add("homeauto", "vendor", "# secrets.yaml (Vorlage)\nwifi_ssid: \"<dein WLAN-Name>\"\nwifi_password: \"<dein WLAN-Passwort>\"\n"
        "mqtt_password: \"<mqtt-passwort>\"\n\nMuss die Datei im selben Ordner wie configuration.yaml liegen?",
        "secrets.yaml template", "placeholder")
    add("finance", "vendor", "Revolut — Kontoauszug\nIBAN: LT** **** **** **** %s\nSaldo: 1.204,55 €\n\nWarum ist die IBAN "
        "litauisch, wenn ich in Deutschland wohne?" % V.s(4, DIGITS), "masked iban in statement", "masked")
    add("finance", "vendor", "Karta •••• %s  Visa\nOstatnia transakcja: Biedronka  -23,40 zł\n\nJak zastrzec kartę w aplikacji?" %
        V.s(4, DIGITS), "masked card in app", "masked")
    add("contacts", "vendor", "Name,Group Membership\nMama,* myContacts ::: Familie\nPapa,* myContacts ::: Familie\nZahnarzt,"
        "* myContacts\n\nWarum fehlen bei allen die Telefonnummern nach dem Import?", "contacts without contact data",
        "no_personal_data")
    add("health", "vendor", '<!DOCTYPE HealthData [\n<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout)*)>\n'
        '<!ATTLIST Me\n  HKCharacteristicTypeIdentifierDateOfBirth CDATA #REQUIRED\n  HKCharacteristicTypeIdentifierBiologicalSex '
        'CDATA #REQUIRED>\n]>\n\nApple Health export.xml DTD: welk element bevat de workouts?', "apple health dtd", "schema")
    add("health", "vendor", "Plan de entrenamiento 10K (8 semanas)\nSemana 1: 3 x 20 min trote suave\nSemana 2: 3 x 25 min + "
        "4 progresivos\n...\n¿Lo adaptas a 4 días por semana?", "training plan without person", "fitness_data")
    add("ocr", "vendor", "Google-account\nBeveiliging\nWachtwoord  Laatst gewijzigd: 3 mrt.\nVerificatie in 2 stappen  Aan\n"
        "Back-upcodes  10 codes beschikbaar\n\nMoet ik nieuwe back-upcodes aanmaken?", "security page without values",
        "status")
    add("notes", "vendor", "Nota: \"password\" in Keep = lista di password usate in passato? No, è solo il titolo della nota con i "
        "consigli del corso: frasi lunghe, niente date di nascita, un gestore di password.\n\nRiassumi i consigli.",
        "note about password advice", "education")
    add("appconfig", "vendor", "appId: com.%s.notes\nproductName: Notas\npublish:\n  provider: github\n  owner: %s\n  repo: notas\n"
        "  releaseType: draft\n\nelectron-builder lee GH_TOKEN del entorno, ¿verdad?" % (V.s(6, LOWER), V.s(7, LOWER)),
        "electron-builder without token", "env_reference")
    add("appconfig", "vendor", "Czy client_id OAuth w manifest.json rozszerzenia Chrome jest tajny? W dokumentacji piszą, że "
        "client_secret nie jest potrzebny dla chrome.identity.getAuthToken.", "oauth question", "question")



password_exports()
ssh_ftp_clients()
mobile_configs()
extensions_electron()
games()
home_automation()
finance()
contacts()
health()
ocr_screens()
notes()
more_lookalikes()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout17.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
