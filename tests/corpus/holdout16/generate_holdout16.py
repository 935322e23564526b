#!/usr/bin/env python3
"""Writes the sixteenth held-out split (tests/corpus/holdout16/holdout16.jsonl), issue 17 round 12, run
once as written. Its style is network, telecom and infrastructure devices and the people who run
them, which no split had as such: Cisco IOS/NX-OS/ASA running-configs, Juniper set and curly
configs, Arista, MikroTik RouterOS exports, FortiGate, Palo Alto XML, pfSense/OPNsense config.xml,
Ubiquiti, OpenWrt UCI; Wi-Fi (hostapd, wpa_supplicant, NetworkManager, Wi-Fi QR strings, home router
web UIs); VPNs (WireGuard, OpenVPN with inline keys and auth-user-pass, strongSwan ipsec.secrets and
swanctl, IPsec PSKs); AAA (RADIUS clients.conf, FreeRADIUS users, TACACS+ keys); routing (BGP and
OSPF neighbor passwords, SNMP communities and SNMPv3 keys); automation (NetBox exports, Ansible
network inventories, Netmiko/NAPALM/Nornir, Terraform for network providers); ISP and telecom
provisioning (PPPoE accounts of named subscribers with addresses and phones, SIP accounts in sip.conf
and pjsip.conf, SIM IMSI/ICCID/Ki/OPc, MSISDNs of named customers, number porting); the LAN (DHCP
leases and ARP tables naming people's devices, IP cameras and NVR RTSP URLs, printers, NAS and UPS
settings, BMC/iLO/iDRAC/IPMI); captures as tshark text (HTTP Basic, FTP, SMTP AUTH, SNMP, RADIUS);
syslog of network gear; tickets, handover notes and chats of network teams. The human text is in the
nine languages, weighted to the eight non-English ones. Labeled by what may leave the company: device
credentials and their reversible or crackable hashes, PSKs, private keys, SIM secrets, named
subscribers' contact details, private addresses and the overlay's internal hosts stay inside.
Look-alikes are vendor: configs with secrets removed or masked or read from elsewhere, vendor
documentation examples (type 7 of a demo word, the documented type 5 hash), RFC 5737/3849
documentation addresses, public BGP/ASN/whois data, MAC addresses, serial numbers, firmware versions,
public keys and certificate fingerprints, guest Wi-Fi notices, SNMP `public`, checksums, and general
how-to questions.
Run: python3 tests/corpus/holdout16/generate_holdout16.py"""

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
HEXU = "0123456789ABCDEF"
ALNUM = string.ascii_letters + DIGITS
CRYPT = "./" + DIGITS + string.ascii_uppercase + string.ascii_lowercase

LANGS = ["de", "fr", "es", "it", "nl", "pt", "pl", "ja", "en"]

# Cisco's type 7 translation table (public; the "encryption" is a Vigenère over this string).
XLAT = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87"


class H16Values(WorldValues):
    def hexs(self, n, upper=False):
        return self.s(n, HEXU if upper else HEXD)

    def type7(self, plain, seed=None):
        seed = self.r.randint(0, 15) if seed is None else seed
        out = "%02d" % seed
        for i, ch in enumerate(plain):
            out += "%02X" % (ord(ch) ^ ord(XLAT[(seed + i) % len(XLAT)]))
        return out

    def md5crypt(self):
        return "$1$" + self.s(4, CRYPT) + "$" + self.s(22, CRYPT)

    def type8(self):
        return "$8$" + self.s(14, CRYPT) + "$" + self.s(43, CRYPT)

    def type9(self):
        return "$9$" + self.s(14, CRYPT) + "$" + self.s(43, CRYPT)

    def sha512crypt(self):
        return "$6$" + self.s(16, CRYPT) + "$" + self.s(86, CRYPT)

    def junos9(self):
        return "$9$" + self.s(self.r.randint(18, 40), ALNUM + "./-")

    def forti_enc(self):
        return "ENC " + base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(self.r.randint(60, 90)))).decode()

    def wg_key(self):
        return base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(32))).decode()

    def psk(self):
        kind = self.r.randint(0, 3)
        if kind == 0:
            return self.password()
        if kind == 1:
            return self.s(self.r.randint(14, 24), ALNUM)
        if kind == 2:
            words = ["Blauwal", "kolibri", "Ventisca", "girasole", "Dachboden", "mirtilo", "zeglarz", "tramonto",
                     "Sternwarte", "cerezo", "Leuchtturm", "papoila"]
            return self.pick(words) + self.pick(["-", "_", ""]) + self.pick(words).lower() + str(self.r.randint(10, 99))
        return self.s(8, ALNUM) + self.pick("!#%&*@") + self.s(8, ALNUM)

    def community(self):
        return self.pick(["n0c", "mon", "ro", "rw", "snmp", "obs"]) + self.pick(["-", "_", ""]) + self.s(8, ALNUM) + \
            self.pick(["", "!", "#", "9"])

    def mac(self, sep=":"):
        return sep.join(self.hexs(2) for _ in range(6))

    def mac_cisco(self):
        return ".".join(self.hexs(4) for _ in range(3))

    def serial(self):
        return self.pick(["FTX", "FOC", "FDO", "JAE", "SAL"]) + self.s(4, DIGITS) + self.s(4, UPPER + DIGITS)

    def doc_ip(self):
        return self.pick(["192.0.2.", "198.51.100.", "203.0.113."]) + str(self.r.randint(1, 254))

    def doc_ip6(self):
        return "2001:db8:%x::%x" % (self.r.randint(1, 0xffff), self.r.randint(1, 0xff))

    def priv_ip(self):
        return self.pick(["10.%d.%d.%d" % (self.r.randint(0, 254), self.r.randint(0, 254), self.r.randint(1, 254)),
                          "192.168.%d.%d" % (self.r.randint(0, 254), self.r.randint(1, 254)),
                          "172.%d.%d.%d" % (self.r.randint(16, 31), self.r.randint(0, 254), self.r.randint(1, 254))])

    def pub_ip(self):
        return self.public_ip()

    def luhn_complete(self, body):
        for c in DIGITS:
            if self.luhn_ok(body + c):
                return body + c
        raise AssertionError

    def iccid(self, cc="49"):
        return self.luhn_complete("89" + cc + self.s(15, DIGITS))

    def imsi(self, mccmnc):
        return mccmnc + self.s(15 - len(mccmnc), DIGITS)

    def ki(self):
        return self.hexs(32, upper=True)

    def host(self):
        role = self.pick(["core-sw%02d" % self.r.randint(1, 9), "radius01", "tacacs", "nms", "netbox", "librenms",
                          "fw-edge-%d" % self.r.randint(1, 4), "oob-console", "wlc01", "syslog-ng", "ipam"])
        return role + "." + self.pick(["corp.globex.internal", "globex-intra.net", "globex.lan"])

    def phone(self, lg):
        region = {"en": "uk", "ja": "jp"}.get(lg, lg)
        return self.phone_eu(region)

    def mail(self, person):
        tr = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "é": "e", "è": "e", "í": "i", "á": "a", "ó": "o",
                            "ú": "u", "ñ": "n", "ç": "c", "ê": "e", "ł": "l", "ś": "s", "ń": "n", "ż": "z", "ć": "c",
                            "ã": "a", "É": "e", "Ł": "l", "ô": "o", " ": ""})
        if not person.isascii() and " " not in person:
            local = self.pick(["yuki.tanaka", "s.sato", "kenji_ito", "m.suzuki"])
        else:
            first, last = person.split(" ", 1)
            local = first.lower().translate(tr) + "." + last.lower().translate(tr).replace(" ", "")
        return local + "@" + self.pick(["gmail.com", "gmx.de", "orange.fr", "hotmail.es", "libero.it", "ziggo.nl",
                                        "sapo.pt", "wp.pl", "yahoo.co.jp", "outlook.com"])


V = H16Values(20261216)
R = V.r
ROWS = []

ADDR = {
    "de": ["Lindenstraße %d", "Am Mühlbach %d", "Bahnhofstr. %d"], "fr": ["%d rue des Lilas", "%d avenue Foch"],
    "es": ["Calle Mayor %d, 3º B", "C/ Alcalá %d, 2º izq."], "it": ["Via Garibaldi %d", "Viale dei Mille %d"],
    "nl": ["Dorpsstraat %d", "Prinsengracht %d-II"], "pt": ["Rua das Flores %d", "Avenida da Liberdade %d, 3.º Esq."],
    "pl": ["ul. Długa %d/4", "ul. Kwiatowa %d m. 12"], "ja": ["中央区銀座4-%d-1", "北区梅田1-%d-8"],
    "en": ["%d Station Road", "%d Mill Lane"],
}
CITY = {
    "de": [("80331", "München"), ("50667", "Köln")], "fr": [("69003", "Lyon"), ("33000", "Bordeaux")],
    "es": [("28013", "Madrid"), ("41001", "Sevilla")], "it": [("20121", "Milano"), ("40121", "Bologna")],
    "nl": [("3511 LK", "Utrecht"), ("2511 BT", "Den Haag")], "pt": [("4050-262", "Porto"), ("1250-096", "Lisboa")],
    "pl": [("31-042", "Kraków"), ("80-831", "Gdańsk")], "ja": [("104-0061", "東京都"), ("530-0001", "大阪府大阪市")],
    "en": [("M1 1AE", "Manchester"), ("LS1 4DY", "Leeds")],
}
MCCMNC = {"de": "26202", "fr": "20801", "es": "21407", "it": "22210", "nl": "20408", "pt": "26806", "pl": "26003",
          "ja": "44010", "en": "23415"}
ICC_CC = {"de": "49", "fr": "33", "es": "34", "it": "39", "nl": "31", "pt": "351", "pl": "48", "ja": "81", "en": "44"}


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout16-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def lang():
    return R.choice(LANGS[:-1]) if R.random() < 0.85 else "en"


def P(lg):
    return V.person(lg)


def addr(lg):
    street = R.choice(ADDR[lg]) % R.randint(2, 180)
    z, c = R.choice(CITY[lg])
    return street, z, c


ASK = {
    "de": {"why": "Warum kommt der Tunnel nicht hoch?", "explain": "Kannst du mir erklären, was diese Konfiguration macht?",
           "convert": "Bitte in die Syntax des anderen Herstellers übersetzen.", "err": "Wo ist der Fehler?",
           "sum": "Fass das bitte für die Übergabe an die Nachtschicht zusammen.", "sec": "Ist das so sicher genug?"},
    "fr": {"why": "Pourquoi le tunnel ne monte pas ?", "explain": "Tu peux m'expliquer ce que fait cette config ?",
           "convert": "Traduis-la dans la syntaxe de l'autre constructeur stp.", "err": "Où est l'erreur ?",
           "sum": "Résume ça pour la passation à l'équipe de nuit.", "sec": "Est-ce suffisamment sécurisé ?"},
    "es": {"why": "¿Por qué no levanta el túnel?", "explain": "¿Me explicas qué hace esta configuración?",
           "convert": "Pásala a la sintaxis del otro fabricante, por favor.", "err": "¿Dónde está el fallo?",
           "sum": "Resúmelo para el relevo del turno de noche.", "sec": "¿Es lo bastante seguro?"},
    "it": {"why": "Perché il tunnel non sale?", "explain": "Mi spieghi cosa fa questa configurazione?",
           "convert": "Convertila nella sintassi dell'altro vendor, per favore.", "err": "Dov'è l'errore?",
           "sum": "Riassumi per il passaggio di consegne al turno di notte.", "sec": "È abbastanza sicuro così?"},
    "nl": {"why": "Waarom komt de tunnel niet op?", "explain": "Kun je uitleggen wat deze config doet?",
           "convert": "Zet het om naar de syntax van de andere leverancier aub.", "err": "Waar zit de fout?",
           "sum": "Vat dit samen voor de overdracht aan de nachtdienst.", "sec": "Is dit veilig genoeg?"},
    "pt": {"why": "Porque é que o túnel não sobe?", "explain": "Podes explicar o que esta configuração faz?",
           "convert": "Converte para a sintaxe do outro fabricante, por favor.", "err": "Onde está o erro?",
           "sum": "Resume isto para a passagem de turno da noite.", "sec": "Isto está seguro o suficiente?"},
    "pl": {"why": "Dlaczego tunel się nie zestawia?", "explain": "Możesz wyjaśnić, co robi ta konfiguracja?",
           "convert": "Przepisz to na składnię drugiego producenta.", "err": "Gdzie jest błąd?",
           "sum": "Streść to do przekazania zmiany nocnej.", "sec": "Czy to jest wystarczająco bezpieczne?"},
    "ja": {"why": "トンネルが確立しない理由は？", "explain": "この設定が何をしているか説明してください。",
           "convert": "他社製品の書式に変換してください。", "err": "どこが間違っていますか？",
           "sum": "夜勤への引き継ぎ用に要約してください。", "sec": "これで十分に安全ですか？"},
    "en": {"why": "Why won't the tunnel come up?", "explain": "Can you explain what this config does?",
           "convert": "Please convert this to the other vendor's syntax.", "err": "Where is the mistake?",
           "sum": "Summarize this for the night shift handover.", "sec": "Is this secure enough?"},
}


def ask(lg, what=None):
    return ASK[lg][what or R.choice(list(ASK[lg]))]


def ip():
    """An address for a sensitive case: mostly public or documentation, sometimes private."""
    x = R.random()
    if x < 0.2:
        return V.priv_ip()
    if x < 0.6:
        return V.doc_ip()
    return V.pub_ip()


# ---------------------------------------------------------------------------------------------- cisco
def cisco_cases():
    for lg in ["de", "es", "pl"]:
        pw = V.password()
        add("cisco", "sensitive", "hostname %s\n!\nenable secret 9 %s\n!\nusername netops privilege 15 password 7 %s\n"
            "username backup privilege 5 secret 5 %s\n!\ninterface GigabitEthernet0/1\n ip address %s 255.255.255.252\n"
            "!\nline vty 0 4\n login local\n transport input ssh\n\n%s" % (
                R.choice(["rtr-muc-01", "edge-mad-2", "br-waw-07"]), V.type9(), V.type7(pw), V.md5crypt(), ip(),
                ask(lg, "explain")), "ios running-config with type 7 and type 5/9 hashes (%s)" % lg, "device_password")
    lg = "fr"
    add("cisco", "sensitive", "snmp-server community %s RO 10\nsnmp-server community %s RW 20\nsnmp-server location "
        "Salle serveurs Lyon\nsnmp-server host %s version 2c %s\n\nLibreNMS ne voit plus le routeur depuis le changement, "
        "une idée ?" % ((c := V.community()), V.community(), V.doc_ip(), c), "ios snmp v2c custom communities", "snmp_community")
    lg = "it"
    add("cisco", "sensitive", "tacacs-server host %s key 7 %s\ntacacs server ISE-2\n address ipv4 %s\n key %s\n"
        "aaa new-model\naaa authentication login default group tacacs+ local\n\n%s" % (
            V.doc_ip(), V.type7(V.psk()), V.doc_ip(), V.psk(), ask(lg, "err")), "ios tacacs keys (it)", "shared_secret")
    lg = "nl"
    add("cisco", "sensitive", "crypto isakmp policy 10\n encr aes 256\n authentication pre-share\n group 14\n"
        "crypto isakmp key %s address %s\n!\ncrypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac\n\n%s" % (
            V.psk(), V.pub_ip(), ask(lg, "why")), "ios isakmp pre-shared key", "psk")
    lg = "pt"
    add("cisco", "sensitive", "key chain OSPF-KEYS\n key 1\n  key-string %s\n  cryptographic-algorithm hmac-sha-256\n"
        "!\ninterface Vlan20\n ip ospf authentication key-chain OSPF-KEYS\n\n%s" % (V.psk(), ask(lg, "explain")),
        "ios key chain key-string", "routing_key")
    lg = "ja"
    add("cisco", "sensitive", "ASA Version 9.16(4)\n!\nhostname fw-tokyo\nenable password %s encrypted\npasswd %s encrypted\n"
        "names\n!\ntunnel-group %s ipsec-attributes\n ikev1 pre-shared-key %s\n\nASAのこの設定を新しいFTDに移行したいです。"
        % (V.s(16, ALNUM + "./"), V.s(16, ALNUM + "./"), V.pub_ip(), V.psk()), "asa enable hash and tunnel-group psk (ja)",
        "psk,device_password")
    lg = "es"
    add("cisco", "sensitive", "feature tacacs+\nusername admin password 5 %s role network-admin\nusername noc password 5 %s "
        "role network-operator\nradius-server host %s key 7 \"%s\" authentication accounting\n\nEs un Nexus 9300. %s" % (
            V.sha512crypt(), V.md5crypt(), V.doc_ip(), V.type7(V.psk()), ask(lg, "sec")), "nx-os users and radius key",
        "device_password")
    lg = "de"
    add("cisco", "sensitive", "Hallo zusammen,\n\nbeim Switch im 3. OG (Raum 3.14) komme ich nicht mehr rein. Laut Doku ist "
        "das Enable-Passwort \"%s\", aber das geht nicht. Konsolenkabel liegt im Schrank.\n\nWie mache ich einen "
        "Password-Recovery auf einem Catalyst 9200?" % V.password(), "ticket prose with enable password", "device_password")
    lg = "pl"
    add("cisco", "sensitive", "R1#show running-config | include username|secret\nusername admin privilege 15 secret 8 %s\n"
        "username serwis password 0 %s\nenable secret 8 %s\n\nCzy hasło typu 0 da się zaszyfrować bez wpisywania go "
        "ponownie?" % (V.type8(), V.password(), V.type8()), "show run include with cleartext password 0", "device_password")
    lg = "fr"
    add("cisco", "sensitive", "wlan CORP-WIFI 1 CORP-WIFI\n security wpa psk set-key ascii 0 %s\n no security wpa akm dot1x\n"
        " security wpa akm psk\n no shutdown\n\nLes clients Android refusent de se connecter à ce SSID, pourquoi ?" %
        V.psk(), "wlc 9800 wpa psk", "wifi_psk")
    lg = "en"
    add("cisco", "sensitive", "router bgp 65010\n neighbor %s remote-as 64512\n neighbor %s password 7 %s\n neighbor %s "
        "remote-as 3320\n neighbor %s password %s\n\nThe session with the transit flaps every 90 s, what should I check?" % (
            (a := V.pub_ip()), a, V.type7(V.psk()), (b := V.pub_ip()), b, V.psk()), "bgp neighbor passwords", "routing_key")
    # look-alikes
    add("cisco", "vendor", "hostname rtr-lab\n!\nenable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0\nusername cisco password 7 "
        "0822455D0A16\n!\n\nThis is the example from Cisco's configuration guide. What do the 5 and the 7 mean?",
        "cisco documentation example hashes", "documentation")
    add("cisco", "vendor", "hostname sw-acc-%02d\n!\nenable secret 9 <removed>\nusername admin privilege 15 secret 9 <removed>\n"
        "snmp-server community <removed> RO\ntacacs-server key 7 <removed>\n!\ninterface range Gi1/0/1-48\n switchport mode "
        "access\n switchport access vlan 20\n spanning-tree portfast\n\nWarum lernt der Port keine MAC-Adressen?" %
        R.randint(1, 40), "sanitized running-config", "redacted")
    add("cisco", "vendor", "snmp-server community public RO\nsnmp-server location Lab bench 2\nsnmp-server contact noc\n\n"
        "¿Por qué no debería dejar la comunidad public en producción?", "snmp public community", "public_default")
    add("cisco", "vendor", "Switch#show version\nCisco IOS XE Software, Version 17.09.04a\ncisco C9300-48P (X86) processor with "
        "1419044K/6147K bytes of memory.\nProcessor board ID %s\nBase Ethernet MAC Address : %s\nModel Number : "
        "C9300-48P\nSystem Serial Number : %s\n\nCette version est-elle touchée par la CVE-2023-20198 ?" % (
            V.serial(), V.mac(), V.serial()), "show version with serials and mac", "serial_mac")
    add("cisco", "vendor", "interface GigabitEthernet0/0\n ip address 198.51.100.1 255.255.255.0\n ipv6 address "
        "2001:DB8:ACAD:1::1/64\n no shutdown\n!\nip route 0.0.0.0 0.0.0.0 203.0.113.254\n\nEsercizio del corso CCNA: "
        "perché il ping IPv6 non funziona?", "ccna lab with documentation addresses", "doc_addresses")
    add("cisco", "vendor", "Mi chiedo come funziona il tipo 7 di Cisco: è vero che si decifra in un secondo? Qual è la "
        "differenza con i tipi 8 e 9 (PBKDF2 e scrypt)?", "general question about type 7", "general")
    add("cisco", "vendor", "Router(config)# username <name> privilege 15 algorithm-type scrypt secret <password>\n"
        "Router(config)# enable algorithm-type scrypt secret <password>\n\nKlopt deze syntax voor IOS XE 17?",
        "command reference with placeholders", "placeholder")
    add("cisco", "vendor", "ASA# show crypto isakmp sa\nIKEv1 SAs:\n   Active SA: 1\n1   IKE Peer: 203.0.113.9\n    "
        "Type    : L2L             Role    : initiator\n    Rekey   : no              State   : MM_ACTIVE\n\n"
        "MM_ACTIVE significa que a fase 1 está bem?", "isakmp sa state", "state_output")


# ---------------------------------------------------------------------------------------------- juniper & arista
def juniper_cases():
    lg = "de"
    add("juniper", "sensitive", "set system root-authentication encrypted-password \"%s\"\nset system login user ops class "
        "super-user authentication encrypted-password \"%s\"\nset system services ssh root-login deny\n\n%s" % (
            V.sha512crypt(), V.sha512crypt(), ask(lg, "sec")), "junos set root encrypted-password", "device_password")
    lg = "nl"
    add("juniper", "sensitive", "protocols {\n    bgp {\n        group TRANSIT {\n            neighbor %s {\n"
        "                authentication-key \"%s\"; ## SECRET-DATA\n                peer-as 1299;\n            }\n"
        "        }\n    }\n}\n\n%s" % (V.pub_ip(), V.junos9(), ask(lg, "explain")), "junos curly bgp authentication-key",
        "routing_key")
    lg = "it"
    add("juniper", "sensitive", "set snmp v3 usm local-engine user monitor authentication-sha authentication-password %s\n"
        "set snmp v3 usm local-engine user monitor privacy-aes128 privacy-password %s\n\nL'SNMPv3 restituisce "
        "'wrong digest', cosa controllo?" % (V.psk(), V.psk()), "junos snmpv3 cleartext auth/priv", "snmp_v3")
    lg = "es"
    add("juniper", "sensitive", "set security ike policy IKE-POL mode main\nset security ike policy IKE-POL "
        "pre-shared-key ascii-text \"%s\"\nset security ike gateway GW-SEDE ike-policy IKE-POL\nset security ike gateway "
        "GW-SEDE address %s\n\n%s" % (V.junos9(), V.pub_ip(), ask(lg, "why")), "srx ike psk $9$", "psk")
    lg = "ja"
    add("juniper", "sensitive", "user admin {\n    uid 2001;\n    class super-user;\n    authentication {\n"
        "        encrypted-password \"%s\"; ## SECRET-DATA\n        ssh-ed25519 \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s "
        "admin@jump\";\n    }\n}\n\nこのユーザーを別の機器にコピーするには？" % (V.sha512crypt(), V.s(43, ALNUM + "+/")),
        "junos curly login with hash", "device_password")
    lg = "pl"
    add("juniper", "sensitive", "! Arista EOS\nusername admin privilege 15 role network-admin secret sha512 %s\n"
        "management api http-commands\n   protocol https\n   no shutdown\n!\nrouter bgp 65100\n   neighbor %s password 7 %s\n\n"
        "%s" % (V.sha512crypt(), V.doc_ip(), V.s(24, ALNUM + "+/") + "==", ask(lg, "explain")), "arista eos secrets", "device_password")
    lg = "fr"
    add("juniper", "vendor", "set system root-authentication encrypted-password \"$6$...\"  ## remplacer par votre hash\n"
        "set system services netconf ssh\nset system syslog host 192.0.2.50 any notice\n\nEst-ce que NETCONF sur SSH "
        "suffit pour Ansible ?", "junos template with placeholder hash", "placeholder")
    add("juniper", "vendor", "show bgp summary\nGroups: 2 Peers: 3 Down peers: 0\nPeer                     AS      InPkt     "
        "OutPkt    OutQ   Flaps Last Up/Dwn State\n203.0.113.1           64496     120431     118220       0       0 "
        "5w2d3h Establ\n2001:db8::1           64511      99120      97001       0       1 3w0d1h Establ\n\nWarum steht bei "
        "einem Peer Flaps 1?", "bgp summary with documentation peers", "doc_addresses")
    add("juniper", "vendor", "authentication-key \"$9$...\"; ## SECRET-DATA\n\nO Junos esconde isto em 'show configuration' "
        "sem 'display unhide'? Como funciona o SECRET-DATA?", "junos secret-data question with elided value", "placeholder")


# ---------------------------------------------------------------------------------------------- firewalls & SOHO
def firewall_cases():
    lg = "de"
    add("firewall", "sensitive", "# /export hide-sensitive=no\n# RouterOS 7.14.3\n/interface pppoe-client\nadd "
        "interface=ether1 name=pppoe-out1 user=%s password=%s\n/interface wireless security-profiles\nset [ find "
        "default=yes ] authentication-types=wpa2-psk mode=dynamic-keys wpa2-pre-shared-key=%s\n\n%s" % (
            "h%s@t-online.de" % V.s(10, DIGITS), V.s(8, DIGITS), V.psk(), ask(lg, "err")),
        "mikrotik export with pppoe and wifi key", "isp_credential,wifi_psk")
    lg = "pl"
    add("firewall", "sensitive", "/user add name=serwis group=full password=%s\n/ip service set api-ssl disabled=no\n"
        "/snmp community set [ find default=yes ] name=%s\n\nCzy taki eksport mogę wrzucić do repo?" % (
            V.password(), V.community()), "routeros user and community", "device_password,snmp_community")
    lg = "fr"
    add("firewall", "sensitive", "config system admin\n    edit \"admin\"\n        set accprofile \"super_admin\"\n"
        "        set vdom \"root\"\n        set password ENC SH2%s\n    next\nend\nconfig vpn ipsec phase1-interface\n"
        "    edit \"to-siege\"\n        set remote-gw %s\n        set psksecret ENC %s\n    next\nend\n\n%s" % (
            V.s(60, ALNUM + "+/"), V.pub_ip(), base64.b64encode(bytes(R.getrandbits(8) for _ in range(72))).decode(),
            ask(lg, "why")), "fortigate admin hash and psksecret ENC", "psk,device_password")
    lg = "es"
    add("firewall", "sensitive", "config user local\n    edit \"vpn.%s\"\n        set type password\n        set passwd %s\n"
        "    next\nend\n\n%s" % (P(lg).split()[0].lower(), V.password(), ask(lg, "sec")),
        "fortigate local user cleartext passwd", "vpn_credential")
    lg = "it"
    add("firewall", "sensitive", "<entry name=\"ike-gw-milano\">\n  <authentication>\n    <pre-shared-key>\n"
        "      <key>-AQ==%s=</key>\n    </pre-shared-key>\n  </authentication>\n  <peer-address><ip>%s</ip></peer-address>\n"
        "</entry>\n\n%s" % (V.s(40, ALNUM + "+/"), V.pub_ip(), ask(lg, "explain")), "palo alto xml ike gateway key", "psk")
    lg = "nl"
    add("firewall", "sensitive", "<users>\n  <entry name=\"admin\">\n    <phash>%s</phash>\n    <permissions><role-based>"
        "<superuser>yes</superuser></role-based></permissions>\n  </entry>\n</users>\n\n%s" % (V.md5crypt(), ask(lg, "sec")),
        "palo alto admin phash", "device_password")
    lg = "pt"
    add("firewall", "sensitive", "<openvpn>\n  <openvpn-server>\n    <vpnid>1</vpnid>\n    <mode>server_tls_user</mode>\n"
        "    <tls>%s</tls>\n  </openvpn-server>\n</openvpn>\n<user>\n  <name>tecnico</name>\n  <bcrypt-hash>%s</bcrypt-hash>\n"
        "</user>\n\nÉ um config.xml do pfSense. %s" % (base64.b64encode(("-----BEGIN OpenVPN Static key V1-----\n" +
                                                                            "\n".join(V.hexs(32) for _ in range(16)) +
                                                                            "\n-----END OpenVPN Static key V1-----\n").encode()).decode(),
                                                       "$2y$10$" + V.s(53, ALNUM + "./"), ask(lg, "err")),
        "pfsense config.xml tls key base64 and bcrypt", "vpn_key,device_password")
    lg = "de"
    add("firewall", "sensitive", "<ipsec>\n  <preSharedKeys>\n    <preSharedKey uuid=\"%s\">\n      <ident>%s</ident>\n"
        "      <Key>%s</Key>\n      <keyType>PSK</keyType>\n    </preSharedKey>\n  </preSharedKeys>\n</ipsec>\n\n"
        "Aus der OPNsense-Sicherung. %s" % (V.uuid(), V.pub_ip(), V.psk(), ask(lg, "why")), "opnsense psk xml", "psk")
    lg = "ja"
    add("firewall", "sensitive", "{\n  \"mgmt\": {\"x_ssh_username\": \"ubnt-admin\", \"x_ssh_password\": \"%s\"},\n  "
        "\"wlan\": [{\"name\": \"Office-5G\", \"security\": \"wpapsk\", \"x_passphrase\": \"%s\"}]\n}\n\nUniFiの設定バックアップの"
        "一部です。%s" % (V.password(), V.psk(), ask(lg, "explain")), "unifi json with ssh password and passphrase",
        "device_password,wifi_psk")
    lg = "it"
    add("firewall", "sensitive", "config wifi-iface 'default_radio0'\n\toption device 'radio0'\n\toption network 'lan'\n"
        "\toption mode 'ap'\n\toption ssid 'Casa_%s'\n\toption encryption 'psk2'\n\toption key '%s'\n\n"
        "Ho OpenWrt sul router di casa, come aggiungo una rete ospiti separata?" % (P(lg).split()[1], V.psk()),
        "openwrt uci wireless key", "wifi_psk")
    # look-alikes
    add("firewall", "vendor", "config system admin\n    edit \"admin\"\n        set password ENC <hidden>\n    next\nend\n"
        "config vpn ipsec phase1-interface\n    edit \"to-dc\"\n        set remote-gw 203.0.113.20\n        set psksecret "
        "ENC <hidden>\n    next\nend\n\n¿Qué significa <hidden> en un backup de FortiGate?", "fortigate backup with hidden values",
        "redacted")
    add("firewall", "vendor", "# /export hide-sensitive\n/interface pppoe-client\nadd interface=ether1 name=pppoe-out1 "
        "user=\"\"\n/ip firewall filter\nadd action=drop chain=input in-interface=pppoe-out1 connection-state=invalid\n\n"
        "Fehlt da eine Regel für ICMP?", "routeros export hide-sensitive", "redacted")
    add("firewall", "vendor", "<entry name=\"allow-web\">\n  <from><member>trust</member></from>\n  <to><member>untrust</member>"
        "</to>\n  <source><member>any</member></source>\n  <application><member>web-browsing</member><member>ssl</member>"
        "</application>\n  <action>allow</action>\n</entry>\n\nCzy ta reguła jest zbyt szeroka?", "palo alto security rule",
        "plain_config")
    add("firewall", "vendor", "FortiOS v7.4.3 build2573 (GA)\nSerial-Number: FGT60F%s\nBIOS version: 05000008\n"
        "Hostname: FGT-Filiale\nSHA256 checksum of image: %s\n\nIs 7.4.3 still supported?" % (V.s(8, UPPER + DIGITS),
                                                                                          V.hexs(64)),
        "fortigate status with serial and checksum", "serial_checksum")
    add("firewall", "vendor", "config wifi-iface 'guest'\n\toption ssid 'Gaeste-WLAN'\n\toption encryption 'none'\n"
        "\toption isolate '1'\n\toption network 'guest'\n\nWie leite ich das offene Gäste-WLAN auf ein Captive Portal um?",
        "openwrt open guest wifi", "public_wifi")


# ---------------------------------------------------------------------------------------------- wifi
def wifi_cases():
    lg = "nl"
    add("wifi", "sensitive", "interface=wlan0\ndriver=nl80211\nssid=Kantoor-%s\nhw_mode=g\nchannel=6\nwpa=2\n"
        "wpa_key_mgmt=WPA-PSK\nwpa_passphrase=%s\nrsn_pairwise=CCMP\n\nIk draai hostapd op een Raspberry Pi, waarom "
        "zien clients het netwerk niet?" % (V.s(3, UPPER), V.psk()), "hostapd.conf passphrase", "wifi_psk")
    lg = "pl"
    add("wifi", "sensitive", "network={\n    ssid=\"Biuro_Krakow\"\n    psk=\"%s\"\n    key_mgmt=WPA-PSK\n}\nnetwork={\n"
        "    ssid=\"eduroam\"\n    key_mgmt=WPA-EAP\n    eap=PEAP\n    identity=\"%s@uj.edu.pl\"\n    password=\"%s\"\n"
        "    phase2=\"auth=MSCHAPV2\"\n}\n\nDlaczego eduroam się nie łączy?" % (
            V.psk(), V.s(8, LOWER), V.password()), "wpa_supplicant psk and eap password", "wifi_psk,user_credential")
    lg = "fr"
    add("wifi", "sensitive", "WIFI:T:WPA;S:Livebox-%s;P:%s;;\n\nJ'ai généré ce QR code pour les invités de la maison, il "
        "ne marche pas sur iPhone. Le format est bon ?" % (V.hexs(4, upper=True), V.psk()), "wifi qr string with password",
        "wifi_psk")
    lg = "es"
    add("wifi", "sensitive", "[wifi]\nmode=infrastructure\nssid=MOVISTAR_%s\n\n[wifi-security]\nkey-mgmt=wpa-psk\npsk=%s\n\n"
        "[ipv4]\nmethod=auto\n\nEs el fichero de NetworkManager del portátil de mi hija, ¿por qué se desconecta cada rato?" % (
            V.hexs(4, upper=True), V.s(20, ALNUM)), "networkmanager keyfile psk", "wifi_psk")
    lg = "de"
    add("wifi", "sensitive", "FRITZ!Box 7590 – WLAN > Sicherheit\nVerschlüsselung: WPA2 + WPA3\nWLAN-Netzwerkschlüssel: %s\n"
        "Name des WLAN-Funknetzes (SSID): FRITZ!Box 7590 KL\n\nSoll ich auf reines WPA3 umstellen? Der alte Drucker kann "
        "das nicht." % " ".join(V.s(4, DIGITS) for _ in range(5)), "fritzbox wlan key as shown", "wifi_psk")
    lg = "pt"
    add("wifi", "sensitive", "Olá! Para o Wi-Fi do escritório novo: rede \"Escritorio-%s\", senha %s . A impressora está "
        "no IP %s.\n\nPodes reescrever isto de forma mais profissional para enviar à equipa?" % (
            R.choice(["Porto", "Braga"]), V.psk(), V.priv_ip()), "wifi password in a team message", "wifi_psk")
    lg = "ja"
    add("wifi", "sensitive", "来客用ではなく社員用のWi-Fiです。\nSSID: GX-STAFF\nパスワード: %s\n\nこの案内文を英語に翻訳して" %
        V.psk(), "staff wifi password in japanese notice", "wifi_psk")
    lg = "it"
    add("wifi", "sensitive", "Profilo WLAN esportato:\n<WLANProfile>\n <name>Ufficio</name>\n <MSM><security>\n"
        "  <authEncryption><authentication>WPA2PSK</authentication><encryption>AES</encryption></authEncryption>\n"
        "  <sharedKey><keyType>passPhrase</keyType><protected>false</protected><keyMaterial>%s</keyMaterial></sharedKey>\n"
        " </security></MSM>\n</WLANProfile>\n\nCome lo importo con netsh su altri PC?" % V.psk(), "windows wlan profile keyMaterial",
        "wifi_psk")
    # look-alikes
    add("wifi", "vendor", "WLAN für Gäste: \"Hotel-Lindenhof-Guest\" – kein Passwort, bitte im Browser die Nutzungsbedingungen "
        "akzeptieren.\n\nFormuliere das freundlicher für die Zimmerkarte.", "guest wifi notice without password", "public_wifi")
    add("wifi", "vendor", "WIFI:T:WPA;S:<SSID>;P:<PASSWORD>;H:false;;\n\nWhat do the fields of this QR format mean and how do I "
        "escape a semicolon in the password?", "wifi qr format with placeholders", "placeholder")
    add("wifi", "vendor", "interface=wlan0\nssid=TestAP\nwpa=2\nwpa_key_mgmt=WPA-PSK\nwpa_passphrase=${WIFI_PASSPHRASE}\n"
        "rsn_pairwise=CCMP\n\nIl valore arriva da systemd EnvironmentFile: hostapd lo espande?", "hostapd with env reference",
        "secret_reference")
    add("wifi", "vendor", "<sharedKey><keyType>passPhrase</keyType><protected>true</protected><keyMaterial>01000000D08C9DDF0115D1118C7A"
        "00C04FC297EB01000000</keyMaterial></sharedKey>\n\nQuando protected è true, la chiave è cifrata con DPAPI?",
        "dpapi protected key material truncated", "protected")
    add("wifi", "vendor", "Zasięg Wi-Fi w magazynie jest słaby: RSSI -78 dBm przy regałach, kanał 36/80 MHz, 14 AP Aruba 515. "
        "Ile punktów dostępowych powinniśmy dodać?", "wifi survey question", "general")
    add("wifi", "vendor", "network={\n    ssid=\"Lab\"\n    psk=\"********\"\n}\n\nWaarom geeft wpa_cli 'CTRL-EVENT-SSID-TEMP-"
        "DISABLED reason=WRONG_KEY'?", "masked psk", "masked")


# ---------------------------------------------------------------------------------------------- vpn
def vpn_cases():
    for lg in ["de", "ja", "es"]:
        add("vpn", "sensitive", "[Interface]\nPrivateKey = %s\nAddress = %s/32\nDNS = 1.1.1.1\n\n[Peer]\nPublicKey = %s\n"
            "PresharedKey = %s\nEndpoint = %s:51820\nAllowedIPs = 0.0.0.0/0\n\n%s" % (
                V.wg_key(), ip(), V.wg_key(), V.wg_key(), V.pub_ip(), ask(lg, "why")),
            "wireguard client config (%s)" % lg, "vpn_key")
    lg = "fr"
    add("vpn", "sensitive", "[Interface]\nPrivateKey = %s\nListenPort = 51820\n\nMa config WireGuard ne démarre pas : « Key is "
        "not the correct length or format ». Elle fait 44 caractères pourtant." % V.wg_key(),
        "wireguard private key alone", "vpn_key")
    lg = "it"
    add("vpn", "sensitive", "client\ndev tun\nproto udp\nremote %s 1194\nauth-user-pass\n<ca>\n-----BEGIN CERTIFICATE-----\n%s\n"
        "-----END CERTIFICATE-----\n</ca>\n<key>\n%s\n</key>\n\n%s" % (
            V.pub_ip(), base64.b64encode(bytes(R.getrandbits(8) for _ in range(48))).decode(), V.pem_private_key("", False),
            ask(lg, "why")), "ovpn with inline key", "vpn_key")
    lg = "nl"
    add("vpn", "sensitive", "<tls-auth>\n-----BEGIN OpenVPN Static key V1-----\n%s\n-----END OpenVPN Static key V1-----\n"
        "</tls-auth>\nkey-direction 1\n\nMoet key-direction aan beide kanten anders zijn?" % "\n".join(V.hexs(32) for _ in range(16)),
        "ovpn tls-auth static key", "vpn_key")
    lg = "pl"
    add("vpn", "sensitive", "$ cat /etc/openvpn/client/login.txt\n%s\n%s\n$ sudo openvpn --config biuro.ovpn --auth-user-pass "
        "/etc/openvpn/client/login.txt\nAUTH: Received control message: AUTH_FAILED\n\nCo jest nie tak?" % (
            V.mail(P(lg)), V.password()), "openvpn auth-user-pass file", "vpn_credential")
    lg = "pt"
    add("vpn", "sensitive", "# /etc/ipsec.secrets\n%s %s : PSK \"%s\"\n: RSA moon.key\ncarol : EAP \"%s\"\n\n%s" % (
        V.pub_ip(), V.pub_ip(), V.psk(), V.password(), ask(lg, "explain")), "strongswan ipsec.secrets", "psk")
    lg = "de"
    add("vpn", "sensitive", "secrets {\n    ike-filiale {\n        id = filiale-hamburg\n        secret = 0s%s\n    }\n}\n"
        "connections {\n    filiale { remote_addrs = %s }\n}\n\n%s" % (
            base64.b64encode(bytes(R.getrandbits(8) for _ in range(24))).decode(), V.pub_ip(), ask(lg, "why")),
        "swanctl.conf secret base64", "psk")
    lg = "es"
    add("vpn", "sensitive", "Buenas, para la VPN con el proveedor nos han pasado:\nPeer: %s\nIKEv2, AES256/SHA256/DH14\n"
        "Clave precompartida: %s\n\n¿Cómo lo configuro en un FortiGate?" % (V.pub_ip(), V.psk()),
        "psk in prose from a partner", "psk")
    lg = "en"
    add("vpn", "sensitive", "ipsec.conf on the branch:\nconn hq\n  left=%%defaultroute\n  right=%s\n  authby=secret\n"
        "  auto=start\n\nand the key is %s (same on both ends). Why is the IKE_SA_INIT dropped?" % (V.pub_ip(), V.psk()),
        "psk in prose after config", "psk")
    # look-alikes
    add("vpn", "vendor", "[Interface]\nPrivateKey = <contents of /etc/wireguard/privatekey>\nAddress = 192.0.2.1/24\n\n"
        "[Peer]\nPublicKey = <peer public key>\nAllowedIPs = 192.0.2.2/32\n\nWas ist der Unterschied zwischen AllowedIPs "
        "und Routen?", "wireguard template", "placeholder")
    add("vpn", "vendor", "$ wg show\ninterface: wg0\n  public key: %s\n  private key: (hidden)\n  listening port: 51820\n\n"
        "peer: %s\n  endpoint: 203.0.113.44:51820\n  latest handshake: 1 minute, 12 seconds ago\n  transfer: 1.21 GiB received, "
        "220.41 MiB sent\n\nC'est normal que le handshake soit si ancien ?" % (V.wg_key(), V.wg_key()),
        "wg show with public keys", "public_key")
    add("vpn", "vendor", "<tls-crypt>\n# paste the key generated with: openvpn --genkey tls-crypt ta.key\n</tls-crypt>\n\n"
        "¿Conviene usar tls-crypt-v2 en lugar de tls-crypt?", "ovpn empty tls-crypt block", "placeholder")
    add("vpn", "vendor", "SHA256 Fingerprint=4B:1F:%s\nSubject: CN=vpn.example.net\nIssuer: C=US, O=Let's Encrypt, CN=R11\n"
        "Not After : Mar  3 12:00:00 2027 GMT\n\nIl certificato del portale VPN va rinnovato?" % ":".join(
            V.hexs(2, upper=True) for _ in range(30)), "certificate fingerprint", "fingerprint")
    add("vpn", "vendor", "conn %default\n  ikelifetime=60m\n  keylife=20m\n  rekeymargin=3m\n  keyingtries=1\n  keyexchange=ikev2\n"
        "  authby=secret\n\nJakie są zalecane czasy rekey dla IKEv2?", "ipsec.conf defaults", "plain_config")


# ---------------------------------------------------------------------------------------------- aaa & routing
def aaa_cases():
    lg = "fr"
    add("aaa", "sensitive", "client switchs-batiment-b {\n    ipaddr = %s/24\n    secret = %s\n    shortname = sw-b\n"
        "    nas_type = cisco\n}\n\n%s" % (V.doc_ip().rsplit(".", 1)[0] + ".0", V.psk(), ask(lg, "explain")),
        "freeradius clients.conf secret", "shared_secret")
    lg = "de"
    p = P(lg)
    add("aaa", "sensitive", "\"%s\"  Cleartext-Password := \"%s\"\n        Reply-Message := \"Hallo %%{User-Name}\",\n"
        "        Framed-IP-Address = %s\n\nWarum bekommt der Nutzer Access-Reject?" % (
            p.split()[0][0].lower() + p.split()[1].lower(), V.password(), ip()), "freeradius users file", "user_credential")
    lg = "ja"
    add("aaa", "sensitive", "radius server ISE-01\n address ipv4 %s auth-port 1812 acct-port 1813\n key %s\n\nISEで認証が"
        "タイムアウトします。%s" % (V.doc_ip(), V.psk(), ask(lg, "err")), "ios radius server key", "shared_secret")
    lg = "it"
    add("aaa", "sensitive", "snmp-server group MON v3 priv\nsnmp-server user nms MON v3 auth sha %s priv aes 128 %s\n\n"
        "Zabbix non riesce a fare poll, dice authentication failure." % (V.psk(), V.psk()), "snmpv3 user keys", "snmp_v3")
    lg = "nl"
    add("aaa", "sensitive", "router ospf 1\n area 0 authentication message-digest\n!\ninterface Gi0/0/1\n ip ospf "
        "message-digest-key 1 md5 %s\n\nDe buren blijven in INIT hangen, waarom?" % V.psk(), "ospf md5 key", "routing_key")
    lg = "pt"
    add("aaa", "sensitive", "tacacs {\n    server %s {\n        secret \"%s\";\n    }\n}\n# Juniper: set system tacplus-server "
        "%s secret \"%s\"\n\n%s" % (V.doc_ip(), V.psk(), V.doc_ip(), V.junos9(), ask(lg, "convert")),
        "tacacs secrets", "shared_secret")
    # look-alikes
    add("aaa", "vendor", "client localhost {\n    ipaddr = 127.0.0.1\n    secret = testing123\n}\n\nIs testing123 only the "
        "FreeRADIUS default for tests, and how do I change it safely?", "freeradius default testing123", "documentation")
    add("aaa", "vendor", "AS3320   DTAG Deutsche Telekom AG, DE\nroute:          193.158.0.0/15\norigin:         AS3320\n"
        "mnt-by:         DTAG-RR\nsource:         RIPE\n\nWarum sehe ich diese Route zweimal im Looking Glass?",
        "public whois route object", "public_bgp")
    add("aaa", "vendor", "snmpwalk -v3 -l authPriv -u <user> -a SHA -A <authpass> -x AES -X <privpass> 192.0.2.10 sysDescr\n\n"
        "¿Qué diferencia hay entre authNoPriv y authPriv?", "snmpv3 command with placeholders", "placeholder")
    add("aaa", "vendor", "router bgp 64500\n bgp log-neighbor-changes\n neighbor 2001:db8:1::2 remote-as 64501\n address-family "
        "ipv6 unicast\n  neighbor 2001:db8:1::2 activate\n\nRFC 3849 docs prefix, lab only. Why is the session idle?",
        "ipv6 bgp with documentation prefix", "doc_addresses")
    add("aaa", "vendor", "AS-Path: 64496 3356 15169\nPrefix: 8.8.8.0/24\nCommunities: 3356:3 3356:22 3356:86 3356:575\n\n"
        "Co oznaczają te community Lumen?", "public bgp route with communities", "public_bgp")


# ---------------------------------------------------------------------------------------------- automation
def automation_cases():
    lg = "de"
    add("automation", "sensitive", "all:\n  children:\n    ios:\n      hosts:\n        sw-ham-01: {ansible_host: %s}\n"
        "        sw-ham-02: {ansible_host: %s}\n      vars:\n        ansible_network_os: cisco.ios.ios\n"
        "        ansible_connection: ansible.netcommon.network_cli\n        ansible_user: netadmin\n"
        "        ansible_password: %s\n        ansible_become_password: %s\n\n%s" % (
            V.doc_ip(), V.doc_ip(), V.password(), V.password(), ask(lg, "err")), "ansible network inventory passwords",
        "device_password")
    lg = "es"
    add("automation", "sensitive", "from netmiko import ConnectHandler\n\nsw = {\n    'device_type': 'cisco_ios',\n"
        "    'host': '%s',\n    'username': 'automatizacion',\n    'password': '%s',\n    'secret': '%s',\n}\n"
        "with ConnectHandler(**sw) as c:\n    c.enable()\n    print(c.send_command('show ip int brief'))\n\n"
        "Me da 'Pattern not detected', ¿qué hago?" % (V.doc_ip(), V.password(), V.password()), "netmiko dict with password",
        "device_password")
    lg = "it"
    add("automation", "sensitive", "import napalm\ndriver = napalm.get_network_driver('junos')\ndev = driver('%s', 'automation', "
        "'%s', optional_args={'port': 830})\ndev.open()\nprint(dev.get_facts())\n\nCome gestisco il timeout di NETCONF?" % (
            V.host(), V.password()), "napalm driver with password and internal host", "device_password,internal_host")
    lg = "nl"
    add("automation", "sensitive", "# nornir defaults.yaml\nusername: nornir\npassword: %s\nconnection_options:\n  scrapli:\n"
        "    extras:\n      auth_strict_key: false\n\n%s" % (V.password(), ask(lg, "sec")), "nornir defaults password",
        "device_password")
    lg = "fr"
    add("automation", "sensitive", "provider \"panos\" {\n  hostname = \"%s\"\n  api_key  = \"LUFRPT1%s=\"\n}\n\nresource "
        "\"panos_address_object\" \"srv\" {\n  name  = \"srv-web\"\n  value = \"198.51.100.10\"\n}\n\n%s" % (
            V.doc_ip(), V.s(60, ALNUM + "+/"), ask(lg, "err")), "terraform panos api key", "api_key")
    lg = "pl"
    add("automation", "sensitive", "provider \"routeros\" {\n  hosturl  = \"https://%s\"\n  username = \"terraform\"\n"
        "  password = \"%s\"\n  insecure = true\n}\n\nJak przenieść hasło do zmiennej środowiskowej?" % (V.pub_ip(), V.password()),
        "terraform routeros password", "device_password")
    lg = "ja"
    add("automation", "sensitive", "name,status,site,primary_ip,platform,comments\nfw-osaka-01,active,OSA1,%s/24,fortios,"
        "\"admin / %s (初期設定から未変更)\"\nsw-osaka-02,active,OSA1,%s/24,ios,\n\nNetBoxからのエクスポートです。コメント欄を"
        "整理してください。" % (V.priv_ip(), V.password(), V.priv_ip()), "netbox csv with password in comments", "device_password")
    lg = "pt"
    add("automation", "sensitive", "{\n  \"name\": \"cpe-cliente-4471\",\n  \"custom_fields\": {\n    \"pppoe_user\": \"%s@fibra\",\n"
        "    \"pppoe_password\": \"%s\",\n    \"cliente\": \"%s\",\n    \"morada\": \"%s, %s %s\"\n  }\n}\n\n"
        "É uma resposta da API do NetBox. Como filtro por custom_fields?" % ((lambda p, a: (p.split()[0].lower() + V.s(4, DIGITS), V.s(10, ALNUM), p,
                                                                             a[0], a[1], a[2]))(P("pt"), addr("pt"))),
        "netbox custom fields of a subscriber cpe", "isp_credential,address")
    # look-alikes
    add("automation", "vendor", "all:\n  vars:\n    ansible_user: \"{{ vault_net_user }}\"\n    ansible_password: \"{{ "
        "vault_net_password }}\"\n    ansible_network_os: arista.eos.eos\n  hosts:\n    leaf01: {ansible_host: 192.0.2.11}\n\n"
        "Waar zet ik het vault-bestand het best neer?", "ansible inventory with vault references", "secret_reference")
    add("automation", "vendor", "import os\nfrom netmiko import ConnectHandler\ndev = {'device_type': 'arista_eos', 'host': "
        "os.environ['SW_HOST'], 'username': os.environ['SW_USER'], 'password': os.environ['SW_PASS']}\n\nIst das besser als "
        "die Werte im Skript?", "netmiko from environment", "secret_reference")
    add("automation", "vendor", "id,name,status,site,serial,asset_tag\n%d,leaf-01,active,FRA1,%s,GX-%05d\n%d,leaf-02,active,"
        "FRA1,%s,GX-%05d\n\n¿Cómo importo esto en NetBox sin duplicar los números de serie?" % (
            R.randint(100, 999), V.serial(), R.randint(1, 99999), R.randint(100, 999), V.serial(), R.randint(1, 99999)),
        "netbox device csv with serials", "serial_mac")
    add("automation", "vendor", "provider \"junos\" {\n  ip       = var.router_ip\n  username = var.username\n  sshkey   = "
        "file(\"~/.ssh/id_ed25519\")\n}\n\nPerché Terraform non trova la chiave?", "terraform provider with variables",
        "secret_reference")
    add("automation", "vendor", "Quelle est la différence entre NAPALM, Netmiko et Nornir ? Lequel choisir pour 300 switchs "
        "Aruba et Cisco ?", "general automation question", "general")


# ---------------------------------------------------------------------------------------------- telecom / ISP
def telecom_cases():
    for lg in ["de", "fr", "it", "pl"]:
        p = P(lg)
        st, z, c = addr(lg)
        label_user = {"de": "Zugangskennung", "fr": "Identifiant de connexion", "it": "Username PPPoE", "pl": "Login PPPoE"}[lg]
        label_pw = {"de": "Persönliches Kennwort", "fr": "Mot de passe", "it": "Password", "pl": "Hasło"}[lg]
        label_cust = {"de": "Kunde", "fr": "Abonné", "it": "Cliente", "pl": "Abonent"}[lg]
        tel = {"de": "Telefon", "fr": "Tél.", "it": "Tel.", "pl": "Tel."}[lg]
        q = {"de": "Kannst du daraus eine freundliche Willkommensmail machen?",
             "fr": "Rédige un mail de bienvenue à partir de cette fiche.",
             "it": "Scrivi una mail di benvenuto al cliente con questi dati.",
             "pl": "Napisz na tej podstawie e-mail powitalny do klienta."}[lg]
        add("telecom", "sensitive", "%s: %s\n%s, %s %s\n%s: %s\n%s: %s\n%s: %s\nVLAN: 7, Profil: FTTH 500/100\n\n%s" % (
            label_cust, p, st, z, c, tel, V.phone(lg), label_user, "%s%s@isp-%s.net" % (p.split()[0][0].lower(), V.s(8, DIGITS), lg),
            label_pw, V.s(R.randint(8, 12), ALNUM), q), "isp provisioning sheet of a named subscriber (%s)" % lg,
            "isp_credential,name,address,phone")
    lg = "es"
    add("telecom", "sensitive", "[%s]\ntype=friend\nhost=dynamic\nsecret=%s\ncontext=oficina\ncallerid=\"Recepción\" <%d>\n\n"
        "Asterisk dice 'Wrong password' al registrar el teléfono Yealink." % (R.randint(200, 299), V.password(), R.randint(200, 299)),
        "sip.conf secret", "sip_credential")
    lg = "nl"
    add("telecom", "sensitive", "[%d]\ntype=auth\nauth_type=userpass\nusername=%d\npassword=%s\n\n[%d]\ntype=aor\nmax_contacts=2\n\n"
        "%s" % ((e := R.randint(100, 199)), e, V.password(), e, ask(lg, "err")), "pjsip auth section", "sip_credential")
    lg = "ja"
    p = P(lg)
    add("telecom", "sensitive", "契約者: %s 様\nMSISDN: %s\nICCID: %s\nIMSI: %s\nプラン: データ20GB\n\nこのお客様への開通案内メールを"
        "作成してください。" % (p, "+81 90-%s-%s" % (V.s(4, DIGITS), V.s(4, DIGITS)), V.iccid("81"), V.imsi(MCCMNC["ja"])),
        "sim activation record of a named customer (ja)", "name,phone,sim")
    lg = "de"
    add("telecom", "sensitive", "IMSI,ICCID,Ki,OPc,PIN1,PUK1\n%s,%s,%s,%s,%s,%s\n%s,%s,%s,%s,%s,%s\n\nDas ist die Output-Datei "
        "vom SIM-Hersteller für unser privates 5G-Campusnetz. Wie importiere ich sie in Open5GS?" % (
            V.imsi("00101"), V.iccid(), V.ki(), V.ki(), V.s(4, DIGITS), V.s(8, DIGITS),
            V.imsi("00101"), V.iccid(), V.ki(), V.ki(), V.s(4, DIGITS), V.s(8, DIGITS)), "sim output file with Ki and OPc",
        "sim_secret")
    lg = "fr"
    add("telecom", "sensitive", "$ open5gs-dbctl add %s %s %s\n\nJ'ajoute l'abonné de test mais l'UE reste en 'Authentication "
        "failure (MAC failure)'." % (V.imsi("99970"), V.ki(), V.ki()), "open5gs add subscriber with K and OPc", "sim_secret")
    lg = "it"
    p = P(lg)
    add("telecom", "sensitive", "Richiesta portabilità (MNP)\nIntestatario: %s\nNumero da portare: %s\nSeriale SIM (ICCID): %s\n"
        "Codice fiscale: %s\n\nControlla se mancano dati prima di inviare all'operatore." % (
            p, V.phone("it"), V.iccid("39"), V.it_fiscal_code()), "number porting request", "name,phone,national_id")
    lg = "pt"
    p = P(lg)
    st, z, c = addr(lg)
    add("telecom", "sensitive", "Ticket #%d – Sem serviço de fibra\nCliente: %s\nMorada: %s, %s %s\nContacto: %s\nONT: "
        "%s, sinal -29.8 dBm\n\nO cliente está furioso. Ajuda-me a responder." % (R.randint(100000, 999999), p, st, z, c,
                                                                                 V.phone(lg), V.serial()),
        "fiber outage ticket of a named customer", "name,address,phone")
    lg = "pl"
    p = P(lg)
    add("telecom", "sensitive", "Zgłoszenie: klient %s (tel. %s) twierdzi, że router od nas ma domyślne hasło admin. Na miejscu "
        "ustawiłem nowe hasło panelu: %s i przekazałem mu je ustnie.\n\nPopraw stylistycznie notatkę z wizyty." % (
            p, V.phone(lg), V.password()), "technician visit note with name, phone and new password", "name,phone,device_password")
    lg = "en"
    add("telecom", "sensitive", "RADIUS Access-Request\n  User-Name = \"%s@broadband\"\n  User-Password = \"%s\"\n"
        "  NAS-IP-Address = %s\n  Calling-Station-Id = \"%s\"\n\nWhy does the BNG reject this subscriber?" % (
            V.s(10, DIGITS), V.s(10, ALNUM), V.doc_ip(), V.mac("-").upper()), "radius debug with user-password",
        "isp_credential")
    lg = "es"
    add("telecom", "sensitive", "Datos de la línea:\nTitular: %s\nDNI: %s\nTeléfono fijo: %s\nUsuario VoIP: %s / contraseña "
        "%s\n\n¿Cómo configuro esto en una Fritz!Box?" % (P(lg), V.es_dni(), V.phone("es"), V.s(9, DIGITS), V.password()),
        "voip line data with DNI", "national_id,sip_credential")
    # look-alikes
    add("telecom", "vendor", "IMSI: 001010123456789\nKi: 465B5CE8B199B49FAA5F0A2EE238A6BC\nOPc: E8ED289DEBA952E4283B54E88E6183CA\n\n"
        "Das sind die Testwerte aus 3GPP TS 35.208 (Testset 1). Stimmt die Berechnung von OPc aus OP?",
        "3gpp test set values", "documentation")
    add("telecom", "vendor", "[general]\ncontext=public\nallowguest=no\nudpbindaddr=0.0.0.0\n\n[template-phone](!)\ntype=friend\n"
        "host=dynamic\nsecret=CHANGE_ME\n\nL'ereditarietà dei template funziona anche in pjsip?",
        "sip.conf template with CHANGE_ME", "placeholder")
    add("telecom", "vendor", "MCC 262, MNC 01 = Telekom Deutschland; MNC 02 = Vodafone; MNC 03 = Telefónica (O2)\n\n"
        "Welche MNC-Werte gibt es in den Niederlanden?", "public mcc/mnc table", "public_data")
    add("telecom", "vendor", "Estamos a planear a migração de 40 mil clientes de PPPoE para IPoE com DHCP option 82. Quais os "
        "riscos e como comunicar aos clientes?", "general isp question", "general")
    add("telecom", "vendor", "Numer alarmowy 112, informacja 118 913, infolinia operatora 800 100 100 (bezpłatna).\n\n"
        "Przetłumacz na angielski do ulotki.", "public service numbers", "public_data")
    add("telecom", "vendor", "ONT status: Online, Rx power -19.2 dBm, Tx power 2.1 dBm, Serial: HWTC%s, Firmware "
        "V5R020C10S115\n\nQuesti livelli di potenza ottica sono nella norma?" % V.s(8, HEXU), "ont status with serial",
        "serial_mac")


# ---------------------------------------------------------------------------------------------- lan & devices
def lan_cases():
    lg = "fr"
    names = [P(lg).split()[0] for _ in range(3)]
    add("lan", "sensitive", "lease 192.168.1.%d {\n  starts 3 2026/11/25 08:12:01;\n  hardware ethernet %s;\n  client-hostname "
        "\"iPhone-de-%s\";\n}\nlease 192.168.1.%d {\n  hardware ethernet %s;\n  client-hostname \"Galaxy-%s\";\n}\n\n"
        "Quel appareil occupe le plus de bande passante ?" % (R.randint(10, 99), V.mac(), names[0], R.randint(100, 199), V.mac(),
                                                              names[1]), "dhcp leases naming people's phones", "private_ip,name")
    lg = "nl"
    add("lan", "sensitive", "? (%s) at %s [ether] on eth0\n? (%s) at %s [ether] on eth0\nlaptop-%s.lan (%s) at %s [ether] on "
        "eth0\n\n%s" % (V.priv_ip(), V.mac(), V.priv_ip(), V.mac(), P(lg).split()[0].lower(), V.priv_ip(), V.mac(),
                       ask(lg, "explain")), "arp table", "private_ip")
    lg = "de"
    add("lan", "sensitive", "ffmpeg -rtsp_transport tcp -i \"rtsp://admin:%s@%s:554/Streaming/Channels/101\" -c copy "
        "eingang.mp4\n\nDie Aufnahme bricht nach 30 Sekunden ab, wieso?" % (V.password(), V.pub_ip()),
        "rtsp url with camera credentials", "device_password")
    lg = "es"
    add("lan", "sensitive", "Cámaras del almacén (NVR Dahua):\nCAM01 rtsp://%s:554/cam/realmonitor?channel=1&subtype=0  "
        "usuario: admin  clave: %s\nCAM02 mismo usuario y clave\n\nHazme una tabla para el manual del vigilante." % (
            V.pub_ip(), V.password()), "camera list with password", "device_password")
    lg = "it"
    add("lan", "sensitive", "$ ipmitool -I lanplus -H %s -U ADMIN -P %s chassis power status\nError: Unable to establish "
        "IPMI v2 / RMCP+ session\n\n%s" % (V.doc_ip(), V.password(), ask(lg, "err")), "ipmitool -P", "device_password")
    lg = "pl"
    add("lan", "sensitive", "racadm -r %s -u root -p %s set iDRAC.NIC.DNSRacName srv-db-07\nracadm -r %s -u root -p %s "
        "serveraction powercycle\n\nCzy da się to zrobić dla 20 serwerów naraz?" % ((h := V.doc_ip()), (pw := V.password()), h, pw),
        "racadm with password", "device_password")
    lg = "ja"
    add("lan", "sensitive", "iLO 5 のログイン情報（ラベル裏面）\nUser: Administrator\nPassword: %s\nDNS名: ILO%s\n\n"
        "この情報を資産台帳に載せてもよいですか？" % (V.s(8, UPPER + DIGITS), V.serial()), "ilo default password label",
        "device_password")
    lg = "pt"
    add("lan", "sensitive", "Impressora do 2.º piso (Ricoh IM C3000): painel web em http://%s, utilizador admin, palavra-passe "
        "%s. Scan to folder: \\\\nas01\\digitalizacoes com o utilizador scanner / %s\n\n%s" % (
            V.doc_ip(), V.password(), V.password(), ask(lg, "sum")), "printer and smb credentials", "device_password")
    lg = "nl"
    add("lan", "sensitive", "[global]\n   workgroup = KANTOOR\n[backup]\n   path = /volume1/backup\n\n$ smbclient //%s/backup "
        "-U backup%%%s\n\nSynology geeft NT_STATUS_ACCESS_DENIED, wat mis ik?" % (V.doc_ip(), V.password()),
        "smbclient user%password to nas", "device_password")
    lg = "de"
    add("lan", "sensitive", "APC Network Management Card – Benutzer\nSuper User: apc / %s\nSNMPv1 Access Community: %s (Read)\n"
        "Hostname: usv-%s\n\n%s" % (V.password(), V.community(), V.host(), ask(lg, "sec")), "ups nmc credentials and internal host",
        "device_password,internal_host")
    lg = "en"
    add("lan", "sensitive", "Handover: the lab BMCs are still on factory creds, ADMIN/%s for the Supermicros (sticker) and "
        "root/calvin for the old Dells. Jump host is %s.\n\n%s" % (V.s(10, UPPER), V.host(), ask(lg, "sum")),
        "handover with bmc creds and internal host", "device_password,internal_host")
    # look-alikes
    add("lan", "vendor", "ffmpeg -i \"rtsp://192.0.2.10:554/stream1\" -vf fps=1 frame_%04d.jpg\n\nWie extrahiere ich nur jede "
        "zehnte Sekunde ein Bild?", "rtsp url without credentials, doc address", "doc_addresses")
    add("lan", "vendor", "Dell iDRAC default: root / calvin. HPE iLO: random password on the pull tab. Supermicro (since 2020): "
        "unique password on a label.\n\nPourquoi les fabricants ont-ils abandonné les mots de passe par défaut ?",
        "public vendor defaults knowledge", "documentation")
    add("lan", "vendor", "$ ipmitool -I lanplus -H <bmc-ip> -U <user> -E sdr list\n# -E reads the password from IPMI_PASSWORD\n\n"
        "¿Es más seguro -E que -P?", "ipmitool with -E", "secret_reference")
    add("lan", "vendor", "Interface: eth0  MAC: %s  Vendor: Hikvision  Firmware: V5.7.3 build 220112\nONVIF: enabled, port 80\n\n"
        "Questa versione del firmware ha vulnerabilità note?" % V.mac(), "camera info with mac and firmware", "serial_mac")
    add("lan", "vendor", "Warum zeigt `arp -a` bei mir mehrere Einträge mit derselben MAC-Adresse, und ist das ein Hinweis auf "
        "ARP-Spoofing?", "general arp question", "general")
    add("lan", "vendor", "Printer status: Toner K 12 %%, C 44 %%, M 51 %%, Y 38 %%\nPage count: %d\nSerial: %s\nFirmware: "
        "2.3.1\n\nQuanto costa in media una pagina a colori?" % (R.randint(10000, 99999), V.s(10, UPPER + DIGITS)),
        "printer status page", "serial_mac")


# ---------------------------------------------------------------------------------------------- captures & logs
def capture_cases():
    lg = "de"
    creds = base64.b64encode(("admin:" + V.password()).encode()).decode()
    add("capture", "sensitive", "Frame 412: 438 bytes on wire\nInternet Protocol Version 4, Src: %s, Dst: %s\nHypertext "
        "Transfer Protocol\n    GET /cgi-bin/status HTTP/1.1\\r\\n\n    Authorization: Basic %s\\r\\n\n        Credentials: "
        "admin:...\n\nWarum antwortet das Gerät mit 401, obwohl die Daten stimmen?" % (V.doc_ip(), V.doc_ip(), creds),
        "tshark http basic auth", "basic_auth")
    lg = "fr"
    add("capture", "sensitive", "$ tshark -r ftp.pcap -Y ftp.request -T fields -e ftp.request.command -e ftp.request.arg\n"
        "USER\tsauvegarde\nPASS\t%s\nTYPE\tI\nSTOR\tswitch-conf.tar\n\n%s" % (V.password(), ask(lg, "explain")),
        "tshark ftp user/pass", "user_credential")
    lg = "es"
    up = base64.b64encode(("\0" + "alertas@" + "empresa-demo.es" + "\0" + V.password()).encode()).decode()
    add("capture", "sensitive", "S: 220 smtp.empresa-demo.es ESMTP\nC: EHLO switch-core\nS: 250-AUTH PLAIN LOGIN\nC: AUTH PLAIN "
        "%s\nS: 535 5.7.8 Authentication credentials invalid\n\nEl switch no puede enviar alertas por correo, ¿por qué?" % up,
        "smtp auth plain in capture", "basic_auth")
    lg = "it"
    add("capture", "sensitive", "Simple Network Management Protocol\n    version: v2c (1)\n    community: %s\n    data: get-request "
        "(0)\n        1.3.6.1.2.1.1.5.0\n\nPerché il device non risponde a questa get?" % V.community(),
        "snmp capture with community", "snmp_community")
    lg = "pl"
    add("capture", "sensitive", "Nov 24 03:14:07 sw-core-1 %%SYS-5-CONFIG_I: Configured from console by admin on vty0 (%s)\n"
        "Nov 24 03:14:09 sw-core-1 %%PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:username backup privilege 15 "
        "password 0 %s\n\n%s" % (V.doc_ip(), V.password(), ask(lg, "explain")), "syslog archive logging with password",
        "device_password")
    lg = "nl"
    add("capture", "sensitive", "<134>Nov 26 11:02:44 fw01 sshd[2211]: Accepted password for beheer from %s port 51122 ssh2\n"
        "<134>Nov 26 11:02:51 fw01 sudo: beheer : TTY=pts/0 ; PWD=/home/beheer ; USER=root ; COMMAND=/usr/bin/htpasswd -b "
        "/etc/nginx/.htpasswd monitor %s\n\n%s" % (V.pub_ip(), V.password(), ask(lg, "explain")),
        "syslog with htpasswd -b password", "user_credential")
    # look-alikes
    add("capture", "vendor", "Nov 24 03:14:07 sw-core-1 %%LINK-3-UPDOWN: Interface GigabitEthernet1/0/24, changed state to down\n"
        "Nov 24 03:14:08 sw-core-1 %%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/24, changed state to down\n"
        "Nov 24 03:14:37 sw-core-1 %%LINK-3-UPDOWN: Interface GigabitEthernet1/0/24, changed state to up\n\n"
        "Flapping port – kabel of NIC?", "link flap syslog", "plain_log")
    add("capture", "vendor", "Frame 9: 74 bytes on wire\nInternet Protocol Version 4, Src: 203.0.113.5, Dst: 198.51.100.80\n"
        "Transmission Control Protocol, Src Port: 51544, Dst Port: 443, Flags: [SYN]\n\nPor que vejo SYN sem SYN-ACK?",
        "tcp syn capture with documentation addresses", "doc_addresses")
    add("capture", "vendor", "%SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: admin] [Source: 203.0.113.77] [localport: 22] "
        "[Reason: Login Authentication Failed] at 02:11:09 UTC\n\nこれは総当たり攻撃ですか？", "failed login syslog",
        "plain_log")
    add("capture", "vendor", "Authorization: Basic <base64(user:password)>\n\nJak tshark pokazuje dekodowane Credentials i czy "
        "da się to wyłączyć w eksporcie?", "basic auth placeholder", "placeholder")


# ---------------------------------------------------------------------------------------------- tickets & chat of network teams
def ticket_cases():
    lg = "fr"
    p = P(lg)
    add("ticket", "sensitive", "Passation astreinte réseau – %s\n- Le lien MPLS de Bordeaux est retombé à 02h10, ticket ouvert "
        "chez l'opérateur.\n- Accès console du routeur : via %s, compte secours « noc » / %s\n- Rien d'autre.\n\n%s" % (
            p, V.host(), V.password(), ask(lg, "sum")), "on-call handover with console creds", "device_password,internal_host")
    lg = "de"
    add("ticket", "sensitive", "Kommentar von %s:\nHabe den Core-Switch neu gestartet. Das neue SNMP-Community-String ist jetzt "
        "%s, bitte in LibreNMS nachziehen.\n\nFormuliere daraus eine Change-Notiz." % (P(lg), V.community()),
        "ticket comment with new community", "snmp_community")
    lg = "es"
    add("ticket", "sensitive", "Hola, soy el técnico de la sede de Sevilla. El proveedor de fibra nos ha dejado el router con "
        "usuario 1234 y contraseña %s para entrar en la web del equipo. ¿Lo cambio o lo dejo así?" % V.s(12, ALNUM),
        "branch technician chat with router password", "device_password")
    lg = "it"
    add("ticket", "sensitive", "Switch#show running-config\nBuilding configuration...\n!\nhostname SW-MI-PIANO2\n!\nenable password "
        "%s\n!\nline con 0\n password %s\n login\n\nLo switch l'ha configurato un fornitore esterno anni fa. %s" % (
            V.password(), V.password(), ask(lg, "sec")), "show run with cleartext enable and line passwords", "device_password")
    lg = "nl"
    add("ticket", "sensitive", "Storing bij klant %s (%s): modem herstart steeds. Wifi-code op de sticker: %s. Klant vraagt of "
        "we langs kunnen komen op %s.\n\n%s" % (P(lg), V.phone(lg), V.psk(), "%s, %s %s" % addr(lg), ask(lg, "sum")),
        "isp ticket with customer, phone, address, wifi key", "name,phone,address,wifi_psk")
    lg = "pl"
    add("ticket", "sensitive", "Notatka z przekazania:\n- VPN do oddziału w Gdańsku: klucz PSK zmieniony na %s (stary już nie "
        "działa)\n- firmware FortiGate 7.2.8 -> 7.4.3 zaplanowany na sobotę\n\n%s" % (V.psk(), ask(lg, "sum")),
        "handover note with new psk", "psk")
    lg = "ja"
    add("ticket", "sensitive", "【障害報告】本社コアスイッチ\n対応者: %s\n原因: 設定ミス\n復旧手順: console接続後、enable "
        "パスワード「%s」で特権モードへ\n\n%s" % (P(lg), V.password(), ask(lg, "sum")), "incident report with enable password",
        "device_password")
    lg = "pt"
    add("ticket", "sensitive", "show tech-support\n------------------ show running-config ------------------\nusername admin "
        "privilege 15 password 7 %s\nsnmp-server community %s RO\nntp server %s\n\n%s" % (
            V.type7(V.password()), V.community(), V.pub_ip(), ask(lg, "explain")), "show tech excerpt", "device_password,snmp_community")
    lg = "en"
    add("ticket", "sensitive", "Change CHG%d: migrate the syslog target to %s, then restart rsyslog on all edge routers.\n"
        "Rollback: point back to 198.51.100.7.\n\nWrite the CAB summary." % (R.randint(10000, 99999), V.host()),
        "change with overlay internal host", "internal_host")
    lg = "de"
    add("ticket", "sensitive", "Kunde %s meldet: Router-Login geht nicht. Kennung laut Auftragsbestätigung: Anschlusskennung "
        "%s, Zugangsnummer %s, Mitbenutzersuffix 0001, persönliches Kennwort %s.\n\nWas soll ich ihm antworten?" % (
            P(lg), V.s(12, DIGITS), V.s(12, DIGITS), V.s(8, DIGITS)), "dsl access data in ticket", "isp_credential,name")
    # look-alikes
    add("ticket", "vendor", "Wartungsfenster Samstag 22:00–02:00: Firmware-Update der Core-Switches (C9500, 17.9.4a -> 17.12.3). "
        "Erwartete Unterbrechung pro Switch 8 Minuten, Rollback per install rollback.\n\nSchreib eine Mail an alle Standorte.",
        "maintenance notice", "plain_text")
    add("ticket", "vendor", "Ticket: il link verso il datacenter perde pacchetti (2 %%), traceroute mostra la perdita al terzo "
        "hop 203.0.113.17 (provider). MTR allegato. Come lo spiego al provider?", "packet loss ticket with doc address",
        "doc_addresses")
    add("ticket", "vendor", "Passation : changé la community SNMP sur tous les switchs (nouvelle valeur dans le coffre KeePass, "
        "entrée « SNMP prod »). Penser à mettre à jour LibreNMS.\n\n%s" % ask("fr", "sum"), "handover pointing to password safe",
        "secret_reference")
    add("ticket", "vendor", "Nota de cambio: se rotaron las claves PSK de las 12 VPN de sucursales; las nuevas están en Vault "
        "(secret/network/vpn/<sede>). Ninguna clave en este ticket.\n\nResume para el informe mensual.",
        "change note with vault reference", "secret_reference")
    add("ticket", "vendor", "Overdracht: switch in kast B3 heeft een defecte voeding (PSU2), RMA aangevraagd bij de leverancier "
        "(case %d). Serienummer %s.\n\n%s" % (R.randint(690000000, 699999999), V.serial(), ask("nl", "sum")),
        "handover with rma and serial", "serial_mac")


# ---------------------------------------------------------------------------------------------- more look-alikes
def lookalike_cases():
    add("lookalike", "vendor", "username admin password 7 %s\n\nDas ist aus dem Packet-Tracer-Übungsblatt der Berufsschule, das "
        "Passwort soll laut Aufgabe \"cisco\" sein. Stimmt der Typ-7-Wert?" % V.type7("cisco"), "type 7 of a demo word", "documentation")
    add("lookalike", "vendor", "MD5 (c9300-universalk9.17.09.04a.SPA.bin) = %s\nSHA512 laut Cisco-Portal: %s\n\nStimmen die "
        "Prüfsummen überein?" % (V.hexs(32), V.hexs(128)), "firmware checksums", "checksum")
    add("lookalike", "vendor", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s netops@jump\n\nComment déployer cette clé publique sur "
        "100 switchs Aruba ?" % V.s(43, ALNUM + "+/"), "ssh public key", "public_key")
    add("lookalike", "vendor", "aut-num: AS64496\nas-name: EXAMPLE-NET\nimport: from AS64497 accept ANY\nexport: to AS64497 "
        "announce AS64496\nsource: RIPE\n\n¿Cómo se escribe la política RPSL para dos proveedores?", "rpsl with documentation asn",
        "public_bgp")
    add("lookalike", "vendor", "Bogons da filtrare: 0.0.0.0/8, 10.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16, "
        "172.16.0.0/12, 192.0.2.0/24, 192.168.0.0/16, 198.18.0.0/15, 198.51.100.0/24, 203.0.113.0/24, 224.0.0.0/3\n\n"
        "La lista è completa?", "bogon prefix list", "public_data")
    add("lookalike", "vendor", "OUI lookup: %s -> Ubiquiti Inc.\nOUI lookup: %s -> Cisco Systems, Inc\n\nWie finde ich heraus, welche "
        "Geräte im Netz von welchem Hersteller sind?" % (V.mac()[:8].upper(), V.mac()[:8].upper()), "oui lookup", "serial_mac")
    add("lookalike", "vendor", "Nasz dostawca internetu podaje: IPv4 stały 203.0.113.66/29, brama 203.0.113.65, DNS 9.9.9.9 i "
        "149.112.112.112. Jak to ustawić na MikroTiku?", "static documentation addresses from isp", "doc_addresses")
    add("lookalike", "vendor", "$ show interfaces ge-0/0/0 | match \"Physical|Current address|Input rate\"\nPhysical interface: "
        "ge-0/0/0, Enabled, Physical link is Up\n  Current address: %s, Hardware address: %s\n  Input rate     : 812 "
        "bps (1 pps)\n\nHoe reset ik deze tellers?" % (V.mac(), V.mac()), "junos interface with macs", "serial_mac")
    add("lookalike", "vendor", "Scrivi una guida passo-passo per configurare un AP TP-Link come rete ospiti con password WPA2 "
        "diversa da quella principale, senza usare password reali negli esempi.", "general wifi guide request", "general")
    add("lookalike", "vendor", "Nmap scan report for 198.51.100.23\nPORT    STATE SERVICE VERSION\n22/tcp  open  ssh     "
        "OpenSSH 9.6\n161/udp open  snmp    SNMPv1 server; net-snmp SNMPv3 server (public)\n\nSNMP aberto para a internet é "
        "grave?", "nmap with public community mention", "public_default")
    add("lookalike", "vendor", "SHA1 fingerprint of the RADIUS server certificate: %s\nValid: 2026-01-10 – 2028-01-10\n\nファーム"
        "ウェアの更新後に証明書の検証が失敗します。" % ":".join(V.hexs(2, upper=True) for _ in range(20)),
        "radius cert fingerprint", "fingerprint")
    add("lookalike", "vendor", "Ki, OPc, K, OP – was ist bei einer SIM-Karte was, und warum darf der Ki die Karte nie verlassen?",
        "general sim question", "general")
    add("lookalike", "vendor", "crypto isakmp key ******** address 203.0.113.2\ntunnel-group 203.0.113.2 ipsec-attributes\n "
        "ikev1 pre-shared-key *****\n\nEl show run esconde las claves, ¿cómo las veo?", "masked psks in show run", "masked")
    add("lookalike", "vendor", "pppoe_user=<login do cliente>\npppoe_pass=<senha>\nvlan=<vlan da operadora>\n\nEste modelo de "
        "ficha de instalação faz sentido?", "pppoe template", "placeholder")
    add("lookalike", "vendor", "Switch uptime report Q4: 312 switches, median uptime 94 days, 7 with uptime > 3 years "
        "(firmware EOL). Make a slide with three bullet points.", "uptime statistics", "statistics")
    add("lookalike", "vendor", "„Gibt es einen Unterschied zwischen WPA2-Personal und WPA3-SAE beim Offline-Wörterbuchangriff?“ "
        "– Frage aus der IT-Sicherheitsschulung, bitte eine Musterantwort.", "training question", "general")


# ---------------------------------------------------------------------------------------------- more vendors and protocols
def more_cases():
    lg = "de"
    add("devices", "sensitive", "#\naaa\n local-user admin password irreversible-cipher $1c$%s$\n local-user admin "
        "privilege level 15\n local-user admin service-type ssh\n#\nsnmp-agent community read cipher %%^%%#%s%%^%%#\n#\n\n"
        "Huawei S5735 – %s" % (V.s(40, ALNUM + "!<>`"), V.s(40, ALNUM + "!<>`"), ask(lg, "explain")),
        "huawei vrp cipher values", "device_password,snmp_community")
    lg = "fr"
    add("devices", "sensitive", "password manager user-name \"admin\" plaintext \"%s\"\npassword operator user-name \"support\" "
        "plaintext \"%s\"\n\nC'est un Aruba 2930F. Comment passer ces mots de passe en sha1 ?" % (V.password(), V.password()),
        "aruba switch plaintext passwords", "device_password")
    lg = "es"
    add("devices", "sensitive", "cellular 0/1/0 lte profile create 1 %s authentication chap username %s password %s\n"
        "interface Cellular0/1/0\n ip address negotiated\n\n%s" % (
            R.choice(["internet.empresa", "m2m.movil"]), "gx" + V.s(6, DIGITS), V.s(10, ALNUM), ask(lg, "err")),
        "lte apn chap credentials", "isp_credential")
    lg = "it"
    add("devices", "sensitive", "# /etc/snmp/snmpd.conf\ncreateUser monitor SHA \"%s\" AES \"%s\"\nrouser monitor priv\n"
        "sysLocation Sala CED Bologna\n\n%s" % (V.psk(), V.psk(), ask(lg, "sec")), "net-snmp createUser", "snmp_v3")
    lg = "nl"
    add("devices", "sensitive", "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n"
        "    priority 150\n    authentication {\n        auth_type PASS\n        auth_pass %s\n    }\n    virtual_ipaddress { %s }\n}\n\n"
        "Beide nodes worden MASTER, waarom?" % (V.s(8, ALNUM), V.doc_ip()), "keepalived auth_pass", "shared_secret")
    lg = "pt"
    add("devices", "sensitive", "interface Vlan10\n standby 1 ip %s\n standby 1 priority 110\n standby 1 authentication md5 "
        "key-string %s\n\nO HSRP fica em Active nos dois switches." % (V.doc_ip(), V.psk()), "hsrp md5 key-string", "routing_key")
    lg = "ja"
    p = P(lg)
    add("devices", "sensitive", "お客様: %s 様（%s）\neSIM アクティベーションコード: LPA:1$rsp.example-mno.jp$%s\n\nこのお客様にeSIMの"
        "設定手順を案内するメールを書いてください。" % (p, "+81 80-%s-%s" % (V.s(4, DIGITS), V.s(4, DIGITS)),
                                                  "-".join(V.s(4, UPPER + DIGITS) for _ in range(4))),
        "esim activation code of a named customer", "name,phone,sim")
    lg = "pl"
    add("devices", "sensitive", "InternetGatewayDevice.ManagementServer.URL = https://acs.%s.pl:7547\n"
        "InternetGatewayDevice.ManagementServer.Username = cpe-%s\nInternetGatewayDevice.ManagementServer.Password = %s\n"
        "InternetGatewayDevice.ManagementServer.ConnectionRequestPassword = %s\n\nCPE nie łączy się z ACS, co sprawdzić?" % (
            R.choice(["operator-demo", "siec-miejska"]), V.s(8, DIGITS), V.s(12, ALNUM), V.s(12, ALNUM)),
        "tr-069 management server passwords", "isp_credential")
    # look-alikes
    add("devices", "vendor", "<HUAWEI>display version\nHuawei Versatile Routing Platform Software\nVRP (R) software, Version "
        "5.170 (S5735 V200R022C00SPC500)\nHUAWEI S5735-L48T4X-A1 Routing Switch uptime is 212 days, 3 hours\n\nEst-ce une "
        "version LTS ?", "huawei display version", "version")
    add("devices", "vendor", "Device ID        Local Intrf     Holdtme    Capability  Platform  Port ID\nsw-acc-03        Gig 1/0/47"
        "      142             S I   C9200L-48 Gig 1/0/1\nap-lobby         Gig 1/0/12      120             T     AIR-AP2802 "
        "Gig 0\n\nWie bekomme ich daraus ein Netzdiagramm?", "cdp neighbors", "plain_output")
    add("devices", "vendor", "snmp-server user <user> <group> v3 auth sha <auth-password> priv aes 128 <priv-password>\n\n"
        "Quale lunghezza minima consigliate per le password SNMPv3?", "snmpv3 syntax with placeholders", "placeholder")
    add("devices", "vendor", "traceroute to 198.51.100.10\n 1  203.0.113.1  0.512 ms\n 2  ae-3.r21.frnkge13.de.bb.gin.ntt.net "
        "(129.250.2.82)  1.9 ms\n 3  be3187.ccr41.fra03.atlas.cogentco.com (154.54.36.13)  2.4 ms\n 4  * * *\n\n"
        "¿Dónde se pierde el tráfico?", "traceroute through public carriers", "public_data")
    add("devices", "vendor", "$ORIGIN example.org.\n@    IN SOA ns1.example.org. hostmaster.example.org. (2026112501 7200 3600 "
        "1209600 3600)\n     IN NS  ns1.example.org.\nns1  IN A   192.0.2.53\nwww  IN AAAA 2001:db8::80\n\nIs the SOA refresh too "
        "low?", "dns zone with documentation data", "doc_addresses")
    add("devices", "vendor", "VLAN-Plan Standort Nord:\n10 Clients 198.51.100.0/25\n20 VoIP 198.51.100.128/26\n30 Drucker "
        "198.51.100.192/27\n99 Management 203.0.113.0/28\n\nIst /27 für 40 Drucker zu klein?", "vlan plan with documentation subnets",
        "doc_addresses")
    add("devices", "vendor", "[ ID] Interval           Transfer     Bitrate         Retr\n[  5]   0.00-10.00  sec  1.09 GBytes   "
        "938 Mbits/sec    12             sender\n[  5]   0.00-10.00  sec  1.09 GBytes   936 Mbits/sec                  receiver\n\n"
        "Waarom haal ik geen 10 Gbit/s?", "iperf3 output", "plain_output")
    add("devices", "vendor", "FAQ client : « Où trouver le mot de passe Wi-Fi de ma box ? » Réponse : sur l'étiquette collée "
        "sous la box, ligne « Clé de sécurité ». Reformule en plus court pour le SMS.", "isp faq without value", "general")
    add("devices", "vendor", "Release notes RouterOS 7.16: *) wifi - improved roaming; *) bgp - fixed crash with large "
        "communities; *) system - SHA256 of routeros-7.16-arm64.npk: %s\n\nVale a pena atualizar?" % V.hexs(64),
        "release notes with checksum", "checksum")
    add("devices", "vendor", "/system resource print\n                   uptime: 6w3d11h2m\n                  version: 7.14.3 "
        "(stable)\n               cpu-load: 14%%\n            free-memory: 812.4MiB\n           board-name: CCR2004-16G-2S+\n\n"
        "Czy 14%% CPU przy 2 Gbit/s to dużo?", "routeros resource print", "plain_output")
    add("devices", "vendor", "Gateway of last resort is 203.0.113.1 to network 0.0.0.0\nS*    0.0.0.0/0 [1/0] via 203.0.113.1\n"
        "C     198.51.100.0/24 is directly connected, GigabitEthernet0/1\nO     192.0.2.0/24 [110/2] via 198.51.100.2\n\n"
        "ルーティングテーブルの読み方を教えてください。", "routing table with documentation addresses", "doc_addresses")
    add("devices", "vendor", "eSIM: what is an LPA string (LPA:1$SM-DP+ address$matching ID), and can a matching ID be reused "
        "after the profile was deleted?", "general esim question", "general")
    add("devices", "vendor", "Die Sicherheitsrichtlinie sagt: Gerätepasswörter mindestens 16 Zeichen, Typ 9 (scrypt), keine "
        "Typ-7-Passwörter, SNMPv3 authPriv. Mach daraus eine Checkliste für Audits.", "policy text", "policy")


cisco_cases()
juniper_cases()
firewall_cases()
wifi_cases()
vpn_cases()
aaa_cases()
automation_cases()
telecom_cases()
lan_cases()
capture_cases()
ticket_cases()
lookalike_cases()
more_cases()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout16.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
