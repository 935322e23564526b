#!/usr/bin/env python3
"""Writes the seventh held-out split (tests/corpus/holdout7/holdout7.jsonl), written for issue 17 after
the second round of fixes and before the third, and run once as written. Styles not used before:
e-mail threads with quoted replies and signatures, meeting minutes, voice-call transcripts with
dictated values, Kubernetes/Helm manifests and .env files of other stacks, CI logs (GitHub Actions,
GitLab), spreadsheet exports in Italian, Dutch, Portuguese and Polish, customer-support macros, HR
documents, hospital discharge letters in Italian, Dutch, Portuguese and Polish, and Japanese business
chat. Labeled by what may leave the company: credentials, card and bank numbers, personal national
identifiers, a person's contact details, a named person's health, pay or disciplinary record stay
inside. Look-alikes are vendor: masked and templated values, public keys and certificates, sealed
(encrypted) secrets, company registration and VAT numbers, product barcodes, order numbers,
e-mail disclaimers, leaflets and blank forms.
Run: python3 tests/corpus/holdout7/generate_holdout7.py"""

import base64
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_eu import EuValues  # noqa

V = EuValues(20261213)
R = V.r
ROWS = []
LANGS5 = ["en", "it", "nl", "pt", "pl"]


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout7-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


def date(lang):
    d, m, y = R.randint(1, 28), R.randint(1, 12), R.choice([2025, 2026])
    return {"en": "%d %s %d" % (d, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                    "Nov", "Dec"][m - 1], y)}.get(lang, "%02d/%02d/%d" % (d, m, y))


# ------------------------------------------------------------------ e-mail threads
WROTE = {"en": "On %s, %s wrote:", "it": "Il giorno %s %s ha scritto:", "nl": "Op %s schreef %s:",
         "pt": "Em %s, %s escreveu:", "pl": "W dniu %s %s napisał(a):"}
REGARDS = {"en": "Best regards,", "it": "Cordiali saluti,", "nl": "Met vriendelijke groet,",
           "pt": "Com os melhores cumprimentos,", "pl": "Pozdrawiam serdecznie,"}
TITLES = {"en": "Finance Operations", "it": "Ufficio Amministrazione", "nl": "Afdeling Inkoop",
          "pt": "Departamento Financeiro", "pl": "Dział Kadr"}
DISCLAIMER = {
    "en": "This e-mail and any attachments are confidential and intended solely for the addressee. If you received it in error, please notify the sender and delete it.",
    "it": "Questo messaggio e i suoi allegati sono riservati e destinati esclusivamente al destinatario. Se lo ha ricevuto per errore, la preghiamo di avvisare il mittente e di cancellarlo.",
    "nl": "Dit bericht is vertrouwelijk en uitsluitend bestemd voor de geadresseerde. Heeft u het per vergissing ontvangen, meld dit dan aan de afzender en verwijder het.",
    "pt": "Esta mensagem é confidencial e destina-se exclusivamente ao destinatário. Se a recebeu por engano, avise o remetente e apague-a.",
    "pl": "Ta wiadomość jest poufna i przeznaczona wyłącznie dla adresata. Jeśli otrzymali ją Państwo przez pomyłkę, prosimy o powiadomienie nadawcy i jej usunięcie.",
}
COMPANY_ID = {"en": lambda: "Registered in England and Wales, company no. %08d" % R.randint(1000000, 15000000),
              "it": lambda: "P.IVA %s - REA MI-%d" % (V.it_vat(), R.randint(100000, 2999999)),
              "nl": lambda: "KvK %08d - BTW NL%09dB01" % (R.randint(10000000, 99999999), R.randint(0, 999999999)),
              "pt": lambda: "NIPC %s - Capital social 50.000 EUR" % V.pt_nipc(),
              "pl": lambda: "NIP %s, REGON %s, KRS %010d" % (V.pl_nip(), V.pl_regon(), R.randint(1, 999999))}


def quote(text, depth=1):
    return "\n".join(("> " * depth).rstrip() + (" " + l if l else "") for l in text.split("\n"))


def thread(lang, reply, quoted, sender, signature_extra="", disclaimer=False, quoted2=None):
    sig = "%s\n%s\n%s\nGlobex %s" % (REGARDS[lang], sender, TITLES[lang], {"en": "Ltd", "it": "S.r.l.", "nl": "B.V.",
                                                                         "pt": "Lda.", "pl": "Sp. z o.o."}[lang])
    if signature_extra:
        sig += "\n" + signature_extra
    if disclaimer:
        sig += "\n\n" + DISCLAIMER[lang]
    other = V.person(lang)
    out = reply + "\n\n" + sig + "\n\n" + WROTE[lang] % (date(lang), other) + "\n" + quote(quoted)
    if quoted2:
        out += "\n>\n> " + WROTE[lang] % (date(lang), V.person(lang)) + "\n" + quote(quoted2, 2)
    return out


for i in range(12):
    lang = LANGS5[i % 5]
    me = V.person(lang)
    kind = i % 6
    if kind == 0:
        pw = V.password()
        reply = {"en": "Thanks, that worked.", "it": "Grazie, funziona.", "nl": "Dank, het werkt.",
                 "pt": "Obrigado, já funciona.", "pl": "Dzięki, działa."}[lang]
        q = {"en": "I reset your account. Temporary password: %s\nPlease change it at first login.",
             "it": "Ho reimpostato l'account. Password provvisoria: %s\nCambiala al primo accesso.",
             "nl": "Ik heb je account gereset. Tijdelijk wachtwoord: %s\nWijzig het bij de eerste keer inloggen.",
             "pt": "Repus a sua conta. Palavra-passe temporária: %s\nAltere-a no primeiro acesso.",
             "pl": "Zresetowałem konto. Hasło tymczasowe: %s\nZmień je przy pierwszym logowaniu."}[lang] % pw
        add("thread", "sensitive", thread(lang, reply, q, me), "temporary password in a quoted reply", "password")
    elif kind == 1:
        cc = {"en": "NL", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL"}[lang]
        iban = V.iban_cc(cc)
        reply = {"en": "Forwarding for payment.", "it": "Inoltro per il pagamento.", "nl": "Graag betalen.",
                 "pt": "Reencaminho para pagamento.", "pl": "Przekazuję do zapłaty."}[lang]
        q = {"en": "Please transfer my expense refund to %s (account holder %s).",
             "it": "Vi prego di accreditare il rimborso spese sul conto %s intestato a %s.",
             "nl": "Graag mijn onkostenvergoeding overmaken naar %s t.n.v. %s.",
             "pt": "Por favor transfiram o reembolso para o IBAN %s, titular %s.",
             "pl": "Proszę o przelew zwrotu kosztów na rachunek %s, właściciel %s."}[lang] % (iban, V.person(lang))
        add("thread", "sensitive", thread(lang, reply, q, me, disclaimer=True), "employee's IBAN in a quoted reply", "iban")
    elif kind == 2:
        region = {"en": "uk", "it": "it", "nl": "nl", "pt": "pt", "pl": "pl"}[lang]
        ph = V.phone_eu(region)
        label = {"en": "Mobile (private)", "it": "Cell. personale", "nl": "Mobiel (privé)", "pt": "Telemóvel pessoal",
                 "pl": "Tel. prywatny"}[lang]
        reply = {"en": "I'm off next week; for anything urgent call me directly.",
                 "it": "La prossima settimana sono in ferie; per urgenze chiamatemi direttamente.",
                 "nl": "Volgende week ben ik vrij; bel me direct als het dringend is.",
                 "pt": "Na próxima semana estou de férias; para urgências liguem-me diretamente.",
                 "pl": "W przyszłym tygodniu jestem na urlopie; w pilnych sprawach proszę dzwonić."}[lang]
        q = {"en": "Who covers the supplier calls?", "it": "Chi segue i fornitori?", "nl": "Wie belt de leveranciers?",
             "pt": "Quem trata dos fornecedores?", "pl": "Kto przejmuje rozmowy z dostawcami?"}[lang]
        add("thread", "sensitive", thread(lang, reply, q, me, signature_extra="%s: %s" % (label, ph)),
            "private mobile in a signature", "phone")
    elif kind == 3:
        ident = {"en": lambda: "NI number %s" % V.uk_nino(), "it": lambda: "codice fiscale %s" % V.it_fiscal_code(),
                 "nl": lambda: "BSN %s" % V.nl_bsn(), "pt": lambda: "NIF %s" % V.pt_nif_personal(),
                 "pl": lambda: "PESEL %s" % V.pl_pesel()}[lang]()
        new = V.person(lang)
        reply = {"en": "Adding payroll.", "it": "Aggiungo l'ufficio paghe.", "nl": "Salarisadministratie in cc.",
                 "pt": "Junto os recursos humanos.", "pl": "Dodaję dział płac."}[lang]
        q = {"en": "New starter %s, %s, joins on Monday. Please set up payroll.",
             "it": "Il nuovo assunto %s, %s, inizia lunedì. Potete registrarlo?",
             "nl": "Nieuwe collega %s, %s, begint maandag. Graag in de salarisadministratie zetten.",
             "pt": "O novo colaborador %s, %s, começa segunda-feira. Podem registá-lo?",
             "pl": "Nowy pracownik %s, %s, zaczyna w poniedziałek. Proszę o wpis do systemu płac."}[lang] % (new, ident)
        add("thread", "sensitive", thread(lang, reply, q, me, quoted2=q.split(".")[0] + "."), "national identifier of a new starter", "national_id")
    elif kind == 4:
        key = V.pick([V.sendgrid(), V.vault_token(), V.shopify(), V.github_pat()])
        reply = {"en": "Don't paste keys in mail! Rotating now.", "it": "Niente chiavi via mail! La ruoto subito.",
                 "nl": "Geen sleutels per mail! Ik roteer hem.", "pt": "Nada de chaves por e-mail! Vou rodá-la.",
                 "pl": "Nie wysyłajcie kluczy mailem! Już zmieniam."}[lang]
        q = "%s\n\nAPI_KEY=%s" % ({"en": "Here is the key for the staging job:", "it": "Ecco la chiave per il job di staging:",
                                    "nl": "Hier is de sleutel voor de staging-job:", "pt": "Aqui está a chave do job de staging:",
                                    "pl": "Oto klucz do zadania na stagingu:"}[lang], key)
        add("thread", "sensitive", thread(lang, reply, q, me), "API key in a quoted message", "api_key")
    else:
        who = V.person(lang)
        q = {"en": "%s won't make the workshop: she is in hospital after a heart attack.",
             "it": "%s non verrà al workshop: è ricoverata in ospedale per un infarto.",
             "nl": "%s komt niet naar de workshop: ze ligt in het ziekenhuis na een hartinfarct.",
             "pt": "%s não vem ao workshop: está internada no hospital após um enfarte.",
             "pl": "%s nie przyjedzie na warsztaty: jest w szpitalu po zawale serca."}[lang] % who
        reply = {"en": "Sorry to hear. I'll send flowers.", "it": "Mi dispiace. Mando dei fiori.",
                 "nl": "Wat naar. Ik stuur bloemen.", "pt": "Lamento. Vou enviar flores.",
                 "pl": "Przykro mi. Wyślę kwiaty."}[lang]
        add("thread", "sensitive", thread(lang, reply, q, me), "colleague's hospital stay in a quoted reply", "health_record")

for i in range(12):
    lang = LANGS5[i % 5]
    me = V.person(lang)
    kind = i % 4
    if kind == 0:
        reply = {"en": "Tuesday 10:00 works for me.", "it": "Martedì alle 10 va bene.", "nl": "Dinsdag 10 uur past.",
                 "pt": "Terça às 10h dá-me jeito.", "pl": "Wtorek o 10:00 mi pasuje."}[lang]
        q = {"en": "Can we move the review to next week?", "it": "Possiamo spostare la revisione?",
             "nl": "Kunnen we de review verzetten?", "pt": "Podemos adiar a revisão?",
             "pl": "Czy możemy przesunąć przegląd?"}[lang]
        add("thread", "vendor", thread(lang, reply, q, me, signature_extra=COMPANY_ID[lang](), disclaimer=True),
            "scheduling with a confidentiality disclaimer and company registration numbers", "ordinary_confidential")
    elif kind == 1:
        reply = {"en": "Reminder: IT will never ask for your password by e-mail. Report phishing to the service desk.",
                 "it": "Promemoria: l'IT non vi chiederà mai la password via e-mail. Segnalate il phishing all'help desk.",
                 "nl": "Let op: IT vraagt nooit per e-mail om je wachtwoord. Meld phishing bij de servicedesk.",
                 "pt": "Lembrete: a informática nunca pede a sua palavra-passe por e-mail. Reporte phishing ao suporte.",
                 "pl": "Przypomnienie: dział IT nigdy nie prosi o hasło mailem. Phishing zgłaszajcie do helpdesku."}[lang]
        q = {"en": "I got a mail asking for my password, is it real?", "it": "Mi è arrivata una mail che chiede la password, è vera?",
             "nl": "Ik kreeg een mail die om mijn wachtwoord vraagt, is die echt?", "pt": "Recebi um e-mail a pedir a palavra-passe, é verdadeiro?",
             "pl": "Dostałem maila z prośbą o hasło, czy to prawda?"}[lang]
        add("thread", "vendor", thread(lang, reply, q, me, signature_extra=COMPANY_ID[lang]()), "phishing warning about passwords", "none")
    elif kind == 2:
        inv = "%d/%d" % (R.randint(100, 9999), R.choice([2025, 2026]))
        reply = {"en": "Invoice %s paid today, order PO-%d.", "it": "Fattura n. %s pagata oggi, ordine PO-%d.",
                 "nl": "Factuur %s vandaag betaald, order PO-%d.", "pt": "Fatura %s paga hoje, encomenda PO-%d.",
                 "pl": "Faktura nr %s opłacona dziś, zamówienie PO-%d."}[lang] % (inv, R.randint(10000, 99999))
        q = {"en": "Could you confirm the payment date?", "it": "Potete confermare la data di pagamento?",
             "nl": "Kunnen jullie de betaaldatum bevestigen?", "pt": "Podem confirmar a data de pagamento?",
             "pl": "Czy mogą Państwo potwierdzić datę płatności?"}[lang]
        add("thread", "vendor", thread(lang, reply, q, me, signature_extra=COMPANY_ID[lang](), disclaimer=True),
            "invoice and order numbers, company ids in the signature", "company_id")
    else:
        reply = {"en": "The new build is 10.4.2.118, rollout on Friday.", "it": "La nuova build è la 10.4.2.118, rilascio venerdì.",
                 "nl": "De nieuwe build is 10.4.2.118, uitrol vrijdag.", "pt": "A nova build é a 10.4.2.118, instalação na sexta.",
                 "pl": "Nowy build to 10.4.2.118, wdrożenie w piątek."}[lang].replace("10.4.2.118", V.private_ip_version())
        q = {"en": "Which version fixes the crash?", "it": "Quale versione risolve il crash?",
             "nl": "Welke versie lost de crash op?", "pt": "Que versão corrige o crash?", "pl": "Która wersja naprawia awarię?"}[lang]
        add("thread", "vendor", thread(lang, reply, q, me, quoted2=q), "build number shaped like a private IP", "version")

# ------------------------------------------------------------------ meeting minutes
MIN_HEAD = {"en": "Minutes - weekly ops sync, %s\nPresent: %s, %s, %s\n",
            "it": "Verbale riunione settimanale del %s\nPresenti: %s, %s, %s\n",
            "nl": "Notulen werkoverleg %s\nAanwezig: %s, %s, %s\n",
            "pt": "Ata da reunião semanal de %s\nPresentes: %s, %s, %s\n",
            "pl": "Protokół ze spotkania zespołu, %s\nObecni: %s, %s, %s\n"}


def minutes(lang, items):
    head = MIN_HEAD[lang] % (date(lang), V.person(lang), V.person(lang), V.person(lang))
    return head + "\n".join("%d. %s" % (n + 1, it) for n, it in enumerate(items))


for i in range(10):
    lang = LANGS5[i % 5]
    kind = i // 5
    who = V.person(lang)
    filler = {"en": "Release train on track.", "it": "Il rilascio è nei tempi.", "nl": "Release ligt op schema.",
              "pt": "A release está dentro do prazo.", "pl": "Wydanie idzie zgodnie z planem."}[lang]
    if kind == 0:
        pw = V.password()
        item = {"en": "Staging DB: until the vault is fixed use user admin, password %s (owner: %s).",
                "it": "DB di staging: finché il vault non è sistemato usare utente admin, password %s (referente: %s).",
                "nl": "Staging-DB: tot de vault werkt gebruiker admin, wachtwoord %s (eigenaar: %s).",
                "pt": "BD de staging: até o cofre estar resolvido usar utilizador admin, senha %s (responsável: %s).",
                "pl": "Baza stagingowa: do naprawy sejfu używać konta admin, hasło %s (odpowiada: %s)."}[lang] % (pw, who)
        add("minutes", "sensitive", minutes(lang, [filler, item]), "password written into the minutes", "password")
    else:
        item = {"en": "HR: %s is on sick leave for burnout until further notice; tasks go to the team.",
                "it": "HR: %s è in malattia per esaurimento (burnout) fino a nuovo avviso; le attività passano al team.",
                "nl": "HR: %s zit thuis met een burn-out; taken worden verdeeld.",
                "pt": "RH: %s está de baixa por burnout até nova indicação; as tarefas passam para a equipa.",
                "pl": "Kadry: %s jest na zwolnieniu lekarskim z powodu wypalenia zawodowego; zadania przejmuje zespół."}[lang] % who
        add("minutes", "sensitive", minutes(lang, [item, filler]), "named colleague's sick leave and reason", "health_record")
for i in range(10):
    lang = LANGS5[i % 5]
    kind = i // 5
    if kind == 0:
        items = {"en": ["Password rotation policy: every 90 days, minimum 14 characters.", "Next sync in room 3.12."],
                 "it": ["Policy password: cambio ogni 90 giorni, almeno 14 caratteri.", "Prossima riunione in sala 3.12."],
                 "nl": ["Wachtwoordbeleid: elke 90 dagen wijzigen, minimaal 14 tekens.", "Volgend overleg in zaal 3.12."],
                 "pt": ["Política de senhas: mudar a cada 90 dias, mínimo 14 caracteres.", "Próxima reunião na sala 3.12."],
                 "pl": ["Polityka haseł: zmiana co 90 dni, minimum 14 znaków.", "Następne spotkanie w sali 3.12."]}[lang]
        add("minutes", "vendor", minutes(lang, items), "password policy, no password", "none")
    else:
        items = {"en": ["Ticket #%d closed, build %s deployed." % (R.randint(1000, 9999), V.private_ip_version()),
                        "Team lunch Friday, budget EUR 25 per head."],
                 "it": ["Ticket #%d chiuso, build %s in produzione." % (R.randint(1000, 9999), V.private_ip_version()),
                        "Pranzo di team venerdì, 25 euro a testa."],
                 "nl": ["Ticket #%d gesloten, build %s uitgerold." % (R.randint(1000, 9999), V.private_ip_version()),
                        "Teamlunch vrijdag, 25 euro p.p."],
                 "pt": ["Ticket #%d fechado, build %s em produção." % (R.randint(1000, 9999), V.private_ip_version()),
                        "Almoço de equipa na sexta, 25 euros por pessoa."],
                 "pl": ["Zgłoszenie #%d zamknięte, build %s wdrożony." % (R.randint(1000, 9999), V.private_ip_version()),
                        "Obiad zespołu w piątek, 25 zł na osobę."]}[lang]
        add("minutes", "vendor", minutes(lang, items), "ticket and build numbers", "version")

# ------------------------------------------------------------------ voice-call transcripts
ROLES = {"en": ("Agent", "Caller"), "it": ("Operatore", "Cliente"), "nl": ("Medewerker", "Klant"),
         "pt": ("Assistente", "Cliente"), "pl": ("Konsultant", "Klient")}


def transcript(lang, turns):
    a, c = ROLES[lang]
    t = R.randint(5, 60)
    out = []
    for who, text in turns:
        t += R.randint(3, 25)
        out.append("[00:%02d:%02d] %s: %s" % (t // 60, t % 60, a if who == "a" else c, text))
    return "\n".join(out)


for i in range(12):
    lang = LANGS5[i % 5]
    kind = i % 4
    if kind == 0:
        said = V.dictate(V.card_digits(), lang)
        turns = [("a", {"en": "Can you read me the long number on the card?", "it": "Mi legge il numero della carta?",
                        "nl": "Kunt u het kaartnummer voorlezen?", "pt": "Pode ler-me o número do cartão?",
                        "pl": "Proszę podać numer karty."}[lang]),
                 ("c", said),
                 ("a", {"en": "Thank you.", "it": "Grazie.", "nl": "Dank u.", "pt": "Obrigado.", "pl": "Dziękuję."}[lang])]
        add("call", "sensitive", transcript(lang, turns), "card number dictated in a call", "credit_card", "number_words")
    elif kind == 1:
        ident = {"en": V.nhs_number, "it": V.it_fiscal_code, "nl": V.nl_bsn, "pt": V.pt_nif_personal, "pl": V.pl_pesel}[lang]()
        said = V.dictate(ident, lang)
        ask = {"en": "For verification, your NHS number please?", "it": "Per verifica, il suo codice fiscale?",
               "nl": "Ter controle, uw BSN alstublieft?", "pt": "Para confirmar, o seu número de contribuinte?",
               "pl": "Do weryfikacji proszę podać PESEL."}[lang]
        add("call", "sensitive", transcript(lang, [("a", ask), ("c", said)]), "national identifier dictated", "national_id", "number_words")
    elif kind == 2:
        region = {"en": "uk", "it": "it", "nl": "nl", "pt": "pt", "pl": "pl"}[lang]
        said = V.dictate(V.phone_eu(region, international=False), lang)
        ask = {"en": "What's the best number to reach you?", "it": "A che numero la possiamo richiamare?",
               "nl": "Op welk nummer kunnen we u terugbellen?", "pt": "Para que número podemos ligar de volta?",
               "pl": "Pod jaki numer możemy oddzwonić?"}[lang]
        add("call", "sensitive", transcript(lang, [("a", ask), ("c", said)]), "callback number dictated", "phone", "number_words")
    else:
        cc = {"en": "NL", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL"}[lang]
        said = V.dictate(V.iban_cc(cc, grouped=False), lang)
        ask = {"en": "Which account should the refund go to?", "it": "Su quale IBAN facciamo il rimborso?",
               "nl": "Op welk rekeningnummer mogen we terugstorten?", "pt": "Para que IBAN fazemos o reembolso?",
               "pl": "Na jaki numer konta zwrócić pieniądze?"}[lang]
        add("call", "sensitive", transcript(lang, [("a", ask), ("c", said)]), "IBAN dictated", "iban", "number_words")
for i in range(10):
    lang = LANGS5[i % 5]
    kind = i // 5
    if kind == 0:
        said = V.dictate("%d" % R.randint(10000000, 99999999), lang)
        turns = [("a", {"en": "Your order number?", "it": "Il numero d'ordine?", "nl": "Uw ordernummer?",
                        "pt": "O número da encomenda?", "pl": "Numer zamówienia?"}[lang]),
                 ("c", said),
                 ("a", {"en": "It ships tomorrow.", "it": "Parte domani.", "nl": "Het wordt morgen verzonden.",
                        "pt": "Segue amanhã.", "pl": "Wyślemy jutro."}[lang])]
        add("call", "vendor", transcript(lang, turns), "order number dictated", "order_number", "number_words")
    else:
        turns = [("a", {"en": "Press one for billing, two for support.", "it": "Prema uno per l'amministrazione, due per l'assistenza.",
                        "nl": "Kies een voor facturen, twee voor support.", "pt": "Prima um para faturação, dois para suporte.",
                        "pl": "Wciśnij jeden dla faktur, dwa dla pomocy."}[lang]),
                 ("c", {"en": "Two.", "it": "Due.", "nl": "Twee.", "pt": "Dois.", "pl": "Dwa."}[lang]),
                 ("a", {"en": "Please never tell us your card PIN or password on the phone.",
                        "it": "Non ci comunichi mai il PIN o la password al telefono.",
                        "nl": "Geef nooit uw pincode of wachtwoord door aan de telefoon.",
                        "pt": "Nunca nos diga o PIN ou a palavra-passe ao telefone.",
                        "pl": "Nigdy nie podawaj PIN-u ani hasła przez telefon."}[lang])]
        add("call", "vendor", transcript(lang, turns), "IVR menu and a warning", "none")

# ------------------------------------------------------------------ Kubernetes / Helm / .env of other stacks
for i in range(14):
    kind = i % 7
    if kind == 0:
        pw = V.password()
        text = ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-db\n  namespace: %s\ntype: Opaque\nstringData:\n"
                "  DB_USER: app\n  DB_PASSWORD: %s\n" % (R.choice(["prod", "billing", "crm"]), pw))
        add("manifest", "sensitive", text, "Secret with stringData password", "password")
    elif kind == 1:
        pw = V.password()
        enc = base64.b64encode(pw.encode()).decode()
        text = ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: smtp-credentials\ntype: Opaque\ndata:\n"
                "  username: %s\n  password: %s\n" % (base64.b64encode(b"mailer").decode(), enc))
        add("manifest", "sensitive", text, "Secret with base64 data (decodes to a password)", "password", "base64")
    elif kind == 2:
        text = ("# values-prod.yaml\npostgresql:\n  auth:\n    username: crm\n    password: %s\n    database: crm\n"
                "redis:\n  auth:\n    enabled: true\n    password: %s\n" % (V.password(), V.password()))
        add("manifest", "sensitive", text, "Helm values with chart passwords", "password")
    elif kind == 3:
        text = ("# .env (Symfony)\nAPP_ENV=prod\nAPP_SECRET=%s\nMAILER_DSN=smtp://%s:%s@smtp.%s:587\n"
                % (V.hex_secret(32), R.choice(["postmaster", "noreply"]), V.password(), R.choice(["mailgun.org", "office365.com"])))
        add("manifest", "sensitive", text, "Symfony .env with APP_SECRET and a mailer DSN", "generic_secret")
    elif kind == 4:
        text = ("# .env.production (Node)\nNODE_ENV=production\nSENDGRID_API_KEY=%s\nTWILIO_ACCOUNT_SID=%s\nTWILIO_AUTH_TOKEN=%s\n"
                % (V.sendgrid(), V.twilio_sid(), V.hex_secret(32)))
        add("manifest", "sensitive", text, "SendGrid key and Twilio token in .env", "api_key")
    elif kind == 5:
        text = ("# docker-compose.override.yml\nservices:\n  app:\n    environment:\n      - VAULT_TOKEN=%s\n"
                "      - AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=%s;EndpointSuffix=core.windows.net\n"
                % (V.vault_token(), R.choice(["globexdocs", "crmexports"]), V.azure_storage_key()))
        add("manifest", "sensitive", text, "Vault token and Azure storage key in compose", "api_key")
    else:
        text = ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: worker-config\ndata:\n  DD_API_KEY: \"%s\"\n"
                "  SHOPIFY_ACCESS_TOKEN: \"%s\"\n  LOG_LEVEL: info\n" % (V.hex_secret(32), V.shopify()))
        add("manifest", "sensitive", text, "Datadog key and Shopify token in a ConfigMap", "api_key")
for i in range(12):
    kind = i % 6
    if kind == 0:
        text = ("env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: app-db\n        key: DB_PASSWORD\n"
                "  - name: SENDGRID_API_KEY\n    valueFrom:\n      secretKeyRef: {name: mail, key: api-key}\n")
        add("manifest", "vendor", text, "secretKeyRef references", "env_reference")
    elif kind == 1:
        text = ("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: app-db\nspec:\n  encryptedData:\n"
                "    DB_PASSWORD: %s\n" % V.sealed_blob())
        add("manifest", "vendor", text, "SealedSecret ciphertext (safe to commit)", "encrypted")
    elif kind == 2:
        text = ("# .env.example - copy to .env and fill in\nAPP_SECRET=\nSENDGRID_API_KEY=your-sendgrid-key\n"
                "DATABASE_URL=postgres://user:password@localhost:5432/app\nVAULT_TOKEN=<vault token>\n")
        add("manifest", "vendor", text, "placeholders in .env.example", "placeholder")
    elif kind == 3:
        text = ("spec:\n  template:\n    metadata:\n      annotations:\n        checksum/config: %s\n    spec:\n"
                "      containers:\n        - name: api\n          image: registry.example.io/api@sha256:%s\n"
                % (V.sha256(), V.sha256()))
        add("manifest", "vendor", text, "checksums and image digests", "hashes")
    elif kind == 4:
        text = ("#cloud-config\nusers:\n  - name: deploy\n    ssh_authorized_keys:\n      - %s deploy@ci\n"
                % V.ssh_public_key())
        add("manifest", "vendor", text, "SSH public key in cloud-init", "public_key")
    else:
        text = ("apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: app-db\nspec:\n"
                "  secretStoreRef: {name: vault, kind: ClusterSecretStore}\n  data:\n    - secretKey: DB_PASSWORD\n"
                "      remoteRef: {key: secret/data/prod/app-db, property: password}\n"
                "  # datadog: apiKey: {{ .Values.datadog.apiKey }}\n")
        add("manifest", "vendor", text, "ExternalSecret and a Helm template reference", "env_reference")

# ------------------------------------------------------------------ CI logs
def gha(lines):
    t = R.randint(0, 50)
    day = "2026-0%d-%02d" % (R.randint(1, 9), R.randint(1, 28))
    out = []
    for l in lines:
        t += R.randint(0, 3)
        out.append("%sT10:%02d:%02d.%07dZ %s" % (day, t % 60, R.randint(0, 59), R.randint(0, 9999999), l))
    return "\n".join(out)


def gitlab(lines):
    return "\n".join(["Running with gitlab-runner 17.%d.%d (%s)" % (R.randint(0, 5), R.randint(0, 3), V.git_sha()[:8]),
                      "  on docker-runner-%d %s, system ID: r_%s" % (R.randint(1, 9), V.git_sha()[:8], V.s(12)),
                      "Preparing the \"docker\" executor"] + lines + ["Cleaning up project directory and file based variables"])


for i in range(12):
    kind = i % 6
    if kind == 0:
        tok = V.github_pat()
        text = gha(["##[group]Run ./scripts/release.sh", "+ curl -sf -H 'Authorization: Bearer %s' https://api.github.com/repos/globex/app/releases" % tok,
                    "##[endgroup]", "Error: Process completed with exit code 22."])
        add("ci", "sensitive", text, "token echoed by set -x in Actions", "github_token")
    elif kind == 1:
        pw = V.password()
        text = gitlab(["$ docker login -u deploy -p %s registry.globex.io" % pw,
                       "WARNING! Using --password via the CLI is insecure. Use --password-stdin.", "Login Succeeded"])
        add("ci", "sensitive", text, "registry password in a GitLab job log", "password")
    elif kind == 2:
        tok = V.npm()
        text = gha(["Run npm config set //registry.npmjs.org/:_authToken %s" % tok, "Run npm publish --access public",
                    "npm notice Publishing to https://registry.npmjs.org/"])
        add("ci", "sensitive", text, "npm token in a workflow log", "npm_token")
    elif kind == 3:
        tok = V.gitlab()
        text = gitlab(["$ git clone https://oauth2:%s@gitlab.com/globex/infra.git" % tok, "Cloning into 'infra'...",
                       "$ terraform init"])
        add("ci", "sensitive", text, "GitLab token in a clone URL", "gitlab_token")
    elif kind == 4:
        text = gha(["Run terraform plan -no-color", "  + resource \"aws_db_instance\" \"main\" {",
                    "      + username = \"dbadmin\"", "      + password = \"%s\"" % V.password(),
                    "    }", "Plan: 1 to add, 0 to change, 0 to destroy."])
        add("ci", "sensitive", text, "password in a terraform plan output", "password")
    else:
        text = gha(["Run twine upload dist/*", "+ twine upload -u __token__ -p %s dist/*" % V.pypi(),
                    "Uploading distributions to https://upload.pypi.org/legacy/"])
        add("ci", "sensitive", text, "PyPI token in a log", "api_key")
for i in range(12):
    kind = i % 6
    if kind == 0:
        text = gha(["##[group]Run ./scripts/release.sh", "+ curl -sf -H 'Authorization: Bearer ***' https://api.github.com/repos/globex/app/releases",
                    "##[endgroup]"])
        add("ci", "vendor", text, "masked token", "masked")
    elif kind == 1:
        text = gitlab(["$ docker login -u $CI_REGISTRY_USER -p $CI_REGISTRY_PASSWORD $CI_REGISTRY",
                       "WARNING! Using --password via the CLI is insecure. Use --password-stdin.", "Login Succeeded",
                       "$ echo \"token is [MASKED]\""])
        add("ci", "vendor", text, "variables and [MASKED] values", "masked")
    elif kind == 2:
        text = gha(["Run actions/checkout@%s" % V.git_sha(), "Run actions/cache@%s" % V.git_sha(),
                    "Cache restored from key: Linux-node-%s" % V.sha256(), "Received 104857600 of 245366123 (42.7%), 99.9 MBs/sec"])
        add("ci", "vendor", text, "pinned action SHAs and cache keys", "hashes")
    elif kind == 3:
        text = gha(["Run npm ci", "npm http fetch GET 200 https://registry.npmjs.org/left-pad 12ms (cache hit)",
                    "  integrity: %s" % V.npm_integrity(), "added 812 packages in 9s"])
        add("ci", "vendor", text, "npm integrity hashes", "hashes")
    elif kind == 4:
        text = gitlab(["$ npm test", " PASS  src/auth/password.test.ts", "  ✓ rejects a wrong password (12 ms)",
                       "  ✓ locks the account after 5 failed logins (4 ms)", "Tests: 2 passed, 2 total"])
        add("ci", "vendor", text, "test names about passwords", "none")
    else:
        text = gha(["Run docker/build-push-action@v5", "#12 exporting manifest sha256:%s done" % V.sha256(),
                    "#12 pushing layers", "ImageID sha256:%s" % V.sha256()])
        add("ci", "vendor", text, "image digests", "hashes")

# ------------------------------------------------------------------ spreadsheet exports (IT/NL/PT/PL)
def sheet(header, rows, sep=";"):
    return "\n".join([sep.join(header)] + [sep.join(r) for r in rows])


for i in range(12):
    kind = i % 8
    if kind == 0:
        rows = [[V.person("it").split(" ")[1], V.person("it").split(" ")[0], V.it_fiscal_code(), V.iban_cc("IT")] for _ in range(3)]
        add("sheet", "sensitive", sheet(["Cognome", "Nome", "Codice Fiscale", "IBAN"], rows), "Italian payroll export", "it_fiscal_code")
    elif kind == 1:
        rows = [[V.person("nl"), V.nl_bsn(), V.dob("nl")] for _ in range(3)]
        add("sheet", "sensitive", sheet(["Naam", "BSN", "Geboortedatum"], rows), "Dutch BSN list", "nl_bsn")
    elif kind == 2:
        rows = [[V.person("pt"), V.pt_nif_personal(), V.phone_eu("pt")] for _ in range(3)]
        add("sheet", "sensitive", sheet(["Nome", "NIF", "Telemóvel"], rows), "Portuguese NIF and mobiles", "pt_nif")
    elif kind == 3:
        rows = [[V.person("pl"), V.pl_pesel(), V.phone_eu("pl")] for _ in range(3)]
        add("sheet", "sensitive", sheet(["Imię i nazwisko", "PESEL", "Telefon"], rows), "Polish PESEL and phones", "pl_pesel")
    elif kind == 4:
        rows = [[V.person("pl"), V.iban_cc("PL"), "%d,00" % R.randint(3000, 12000)] for _ in range(3)]
        add("sheet", "sensitive", sheet(["Pracownik", "Nr rachunku", "Kwota"], rows), "Polish payroll accounts", "iban")
    elif kind == 5:
        rows = [[V.person("nl"), V.iban_cc("NL"), "%d" % R.randint(1800, 6000)] for _ in range(3)]
        add("sheet", "sensitive", sheet(["Medewerker", "Rekeningnummer", "Bruto salaris"], rows, ","), "Dutch salaries and accounts", "iban")
    elif kind == 6:
        rows = [[V.person("pt"), V.iban_cc("PT"), "%d,%02d" % (R.randint(800, 4000), R.randint(0, 99))] for _ in range(3)]
        add("sheet", "sensitive", sheet(["Colaborador", "IBAN", "Vencimento"], rows), "Portuguese payroll", "iban")
    else:
        rows = [[V.person("it"), V.phone_eu("it"), V.email(V.person("it").replace("à", "a"))] for _ in range(3)]
        add("sheet", "sensitive", sheet(["Nominativo", "Cellulare", "Email personale"], rows, "\t"), "Italian contact list", "phone")
for i in range(12):
    kind = i % 6
    if kind == 0:
        rows = [[R.choice(["Alfa Forniture", "Beta Logistica", "Gamma Impianti"]) + " S.r.l.", V.it_vat(), R.choice(["Milano", "Torino", "Bologna"])] for _ in range(3)]
        add("sheet", "vendor", sheet(["Fornitore", "Partita IVA", "Città"], rows), "suppliers' VAT numbers (public)", "company_id")
    elif kind == 1:
        rows = [[R.choice(["Bakker Bouw B.V.", "Visser Transport B.V.", "De Boer Techniek"]), "%08d" % R.randint(10000000, 99999999),
                 "NL%09dB01" % R.randint(0, 999999999)] for _ in range(3)]
        add("sheet", "vendor", sheet(["Bedrijf", "KvK-nummer", "BTW-nummer"], rows), "Dutch company registrations", "company_id")
    elif kind == 2:
        rows = [[R.choice(["Silva & Filhos, Lda.", "Costa Têxteis, S.A.", "Martins Digital, Lda."]), V.pt_nipc(), R.choice(["Porto", "Braga", "Lisboa"])] for _ in range(3)]
        add("sheet", "vendor", sheet(["Empresa", "NIPC", "Concelho"], rows), "Portuguese company tax numbers", "company_id")
    elif kind == 3:
        rows = [[R.choice(["Kowalski Sp. z o.o.", "Nowak Logistyka S.A.", "Wiśniewski i Syn"]), V.pl_nip(), V.pl_regon()] for _ in range(3)]
        add("sheet", "vendor", sheet(["Kontrahent", "NIP", "REGON"], rows), "Polish company tax numbers", "company_id")
    elif kind == 4:
        rows = [[R.choice(["Pasta di semola 500g", "Olio EVO 1L", "Caffè 250g", "Koffie 500g"]), V.ean13(), "%d,%02d" % (R.randint(1, 9), R.randint(0, 99))] for _ in range(4)]
        add("sheet", "vendor", sheet(["Articolo", "EAN", "Prezzo"], rows), "product barcodes", "ean")
    else:
        rows = [[R.choice(["Mazowieckie", "Małopolskie", "Śląskie", "Pomorskie"]), "%d" % R.randint(1000000, 5500000), "%d,%d" % (R.randint(1, 30), R.randint(0, 9))] for _ in range(4)]
        add("sheet", "vendor", sheet(["Województwo", "Ludność", "Bezrobocie %"], rows), "public statistics", "none")

# ------------------------------------------------------------------ support macros
for i in range(8):
    lang = ["en", "it", "nl", "pt", "pl", "en", "it", "pl"][i]
    kind = i % 4
    name = V.person(lang)
    if kind == 0:
        cc = {"en": "NL", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL"}[lang]
        text = {"en": "Hi %s,\n\nwe have refunded EUR 49.90 to your account %s. It can take 3-5 working days.\n\nKind regards,\nSupport",
                "it": "Gentile %s,\n\nabbiamo rimborsato 49,90 EUR sul conto %s. L'accredito richiede 3-5 giorni lavorativi.\n\nCordiali saluti,\nAssistenza clienti",
                "nl": "Beste %s,\n\nwe hebben EUR 49,90 teruggestort op rekening %s.\n\nMet vriendelijke groet,\nKlantenservice",
                "pt": "Olá %s,\n\nreembolsámos 49,90 EUR na conta %s.\n\nCumprimentos,\nApoio ao cliente",
                "pl": "Dzień dobry %s,\n\nzwróciliśmy 49,90 EUR na rachunek %s.\n\nPozdrawiamy,\nObsługa klienta"}[lang] % (name, V.iban_cc(cc))
        add("macro", "sensitive", text, "filled refund macro with the customer's IBAN", "iban")
    elif kind == 1:
        text = {"en": "Hi %s, your account is unlocked. Temporary password: %s - you will be asked to change it.",
                "it": "Gentile %s, l'account è sbloccato. Password temporanea: %s - le verrà chiesto di cambiarla.",
                "nl": "Beste %s, je account is ontgrendeld. Tijdelijk wachtwoord: %s.",
                "pt": "Olá %s, a conta foi desbloqueada. Palavra-passe temporária: %s.",
                "pl": "Dzień dobry %s, konto odblokowane. Hasło tymczasowe: %s."}[lang] % (name, V.password())
        add("macro", "sensitive", text, "filled unlock macro with a password", "password")
    elif kind == 2:
        region = {"en": "uk", "it": "it", "nl": "nl", "pt": "pt", "pl": "pl"}[lang]
        text = {"en": "Internal note: customer %s asked us to call back on %s after 5 pm.",
                "it": "Nota interna: il cliente %s chiede di essere richiamato al %s dopo le 17.",
                "nl": "Interne notitie: klant %s wil teruggebeld worden op %s na 17 uur.",
                "pt": "Nota interna: o cliente %s pede para ligarmos para o %s depois das 17h.",
                "pl": "Notatka wewnętrzna: klient %s prosi o kontakt pod numerem %s po 17:00."}[lang] % (name, V.phone_eu(region))
        add("macro", "sensitive", text, "callback number in an internal note", "phone")
    else:
        text = {"en": "Hi %s, we cancelled the card ending %s and the new one %s arrives in 5 days.",
                "it": "Gentile %s, abbiamo bloccato la carta che termina con %s; la nuova carta %s arriverà in 5 giorni.",
                "nl": "Beste %s, de pas eindigend op %s is geblokkeerd; de nieuwe pas %s komt binnen 5 dagen.",
                "pt": "Olá %s, cancelámos o cartão terminado em %s; o novo cartão %s chega em 5 dias.",
                "pl": "Dzień dobry %s, zablokowaliśmy kartę kończącą się na %s; nowa karta %s dotrze w 5 dni."}[lang]
        card = V.card()
        add("macro", "sensitive", text % (name, "%04d" % R.randint(0, 9999), card), "full new card number in a reply", "credit_card")
for i in range(8):
    lang = ["en", "it", "nl", "pt", "pl", "en", "nl", "pt"][i]
    kind = i % 4
    if kind == 0:
        text = {"en": "Hi {{ticket.requester.first_name}},\n\nwe have refunded {{refund.amount}} to the card ending in {{card.last4}}.\n\n{{current_user.signature}}",
                "it": "Gentile {{ticket.requester.name}},\n\nabbiamo rimborsato {{importo}} sulla carta che termina con {{card.last4}}.",
                "nl": "Beste {{ticket.requester.first_name}},\n\nwe hebben {{bedrag}} teruggestort op rekening {{iban}}.",
                "pt": "Olá {{ticket.requester.first_name}},\n\nreembolsámos {{valor}} no IBAN {{iban}}.",
                "pl": "Dzień dobry {{ticket.requester.name}},\n\nzwróciliśmy {{kwota}} na rachunek {{iban}}."}[lang]
        add("macro", "vendor", text, "macro template with placeholders", "placeholder")
    elif kind == 1:
        text = {"en": "Macro: password reset. Send the customer the reset link from the admin panel. Never type a password into the ticket.",
                "it": "Macro: reset password. Inviare al cliente il link di reset dal pannello. Mai scrivere la password nel ticket.",
                "nl": "Macro: wachtwoord resetten. Stuur de klant de resetlink. Zet nooit een wachtwoord in het ticket.",
                "pt": "Macro: repor palavra-passe. Envie ao cliente o link de reposição. Nunca escreva a senha no ticket.",
                "pl": "Makro: reset hasła. Wyślij klientowi link do resetu. Nigdy nie wpisuj hasła w zgłoszeniu."}[lang]
        add("macro", "vendor", text, "instructions about passwords", "none")
    elif kind == 2:
        text = {"en": "Hi, your order %s shipped with tracking %s. Card ending 4242 was charged EUR %d." % (R.randint(10000000, 99999999), "1Z%s" % V.s(16, "0123456789ABCDEF"), R.randint(10, 300)),
                "it": "Ciao, l'ordine %d è stato spedito, tracking %s. Addebito sulla carta che termina con 4242." % (R.randint(10000000, 99999999), "1Z%s" % V.s(16, "0123456789ABCDEF")),
                "nl": "Hoi, bestelling %d is verzonden, track & trace 3S%s." % (R.randint(10000000, 99999999), V.s(13, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
                "pt": "Olá, a encomenda %d foi enviada, seguimento %s." % (R.randint(10000000, 99999999), "RR%09dPT" % R.randint(0, 999999999)),
                "pl": "Dzień dobry, zamówienie %d wysłane, numer przesyłki %s." % (R.randint(10000000, 99999999), "%024d" % R.randint(0, 10 ** 23))}[lang]
        add("macro", "vendor", text, "order and tracking numbers", "order_number")
    else:
        text = {"en": "Our support line is open Mon-Fri 9-17. Reply to this e-mail to reopen the ticket.",
                "it": "L'assistenza è attiva lun-ven 9-17. Risponda a questa e-mail per riaprire il ticket.",
                "nl": "Klantenservice is bereikbaar ma-vr 9-17 uur. Beantwoord deze mail om het ticket te heropenen.",
                "pt": "O apoio funciona de segunda a sexta, 9h-17h. Responda a este e-mail para reabrir o pedido.",
                "pl": "Infolinia działa pon.-pt. 9-17. Odpowiedz na tę wiadomość, aby ponownie otworzyć zgłoszenie."}[lang]
        add("macro", "vendor", text, "opening hours", "none")

# ------------------------------------------------------------------ HR documents
for i in range(10):
    lang = LANGS5[i % 5]
    kind = i // 5
    name = V.person(lang)
    if kind == 0:
        text = {"en": "CONTRACT OF EMPLOYMENT\nEmployee: %s, National Insurance number %s\nSalary: GBP %d,000 per annum, paid monthly into the account notified to payroll.",
                "it": "CONTRATTO DI LAVORO SUBORDINATO\nIl Lavoratore %s, codice fiscale %s, è assunto con qualifica di impiegato.\nRetribuzione annua lorda: EUR %d.000.",
                "nl": "ARBEIDSOVEREENKOMST\nWerknemer: %s, BSN %s\nBruto jaarsalaris: EUR %d.000, exclusief vakantiegeld.",
                "pt": "CONTRATO DE TRABALHO\nTrabalhador: %s, NIF %s\nRetribuição base anual: %d.000 EUR.",
                "pl": "UMOWA O PRACĘ\nPracownik: %s, PESEL %s\nWynagrodzenie: %d 000 zł brutto rocznie."}[lang]
        ident = {"en": V.uk_nino, "it": V.it_fiscal_code, "nl": V.nl_bsn, "pt": V.pt_nif_personal, "pl": V.pl_pesel}[lang]()
        add("hr", "sensitive", text % (name, ident, R.randint(28, 95)), "employment contract with identifier and salary", "national_id")
    else:
        text = {"en": "Salary review 2026 (HR only)\n%s: GBP %d,500 -> GBP %d,000, rating 'below expectations', final written warning on file.",
                "it": "Revisione retributiva 2026 (solo HR)\n%s: da %d.500 a %d.000 EUR lordi, valutazione 'insufficiente', richiamo scritto in archivio.",
                "nl": "Salarisherziening 2026 (alleen HR)\n%s: van EUR %d.500 naar EUR %d.000, beoordeling 'onvoldoende', officiële waarschuwing in dossier.",
                "pt": "Revisão salarial 2026 (só RH)\n%s: de %d.500 para %d.000 EUR, avaliação 'insuficiente', advertência escrita no processo.",
                "pl": "Przegląd wynagrodzeń 2026 (tylko HR)\n%s: z %d 500 na %d 000 zł, ocena 'poniżej oczekiwań', upomnienie pisemne w aktach."}[lang]
        a = R.randint(30, 70)
        add("hr", "sensitive", text % (name, a, a + 3), "named employee's salary and disciplinary record", "hr_record")
for i in range(10):
    lang = LANGS5[i % 5]
    kind = i // 5
    if kind == 0:
        text = {"en": "We're hiring: Senior Accountant, London. Salary GBP 55-65k, hybrid, 25 days holiday.",
                "it": "Cerchiamo: Contabile senior, Milano. RAL 40-48k, ibrido, buoni pasto.",
                "nl": "Vacature: senior boekhouder, Utrecht. Salaris EUR 4.200-5.300 per maand, hybride.",
                "pt": "Recrutamos: contabilista sénior, Porto. Salário 2.200-2.800 EUR, regime híbrido.",
                "pl": "Rekrutujemy: starszy księgowy, Kraków. Wynagrodzenie 12-15 tys. zł brutto, praca hybrydowa."}[lang]
        add("hr", "vendor", text, "job ad with a salary band", "none")
    else:
        text = {"en": "CONTRACT OF EMPLOYMENT (template)\nEmployee: [FULL NAME], National Insurance number [__ __ __ __ _]\nSalary: GBP [AMOUNT] per annum.",
                "it": "CONTRATTO DI LAVORO (fac-simile)\nIl Lavoratore [NOME COGNOME], codice fiscale [________________], è assunto con qualifica di [QUALIFICA].",
                "nl": "ARBEIDSOVEREENKOMST (model)\nWerknemer: [naam], BSN [.........]\nBruto jaarsalaris: EUR [bedrag].",
                "pt": "CONTRATO DE TRABALHO (minuta)\nTrabalhador: [NOME], NIF [_________]\nRetribuição base: [VALOR] EUR.",
                "pl": "UMOWA O PRACĘ (wzór)\nPracownik: [IMIĘ I NAZWISKO], PESEL [___________]\nWynagrodzenie: [KWOTA] zł brutto."}[lang]
        add("hr", "vendor", text, "blank contract template", "placeholder")

# ------------------------------------------------------------------ discharge letters (IT/NL/PT/PL)
DX = {"it": [("I21.0", "infarto miocardico acuto della parete anteriore"), ("F20.0", "schizofrenia paranoide"),
             ("C50.9", "carcinoma mammario"), ("J18.9", "polmonite")],
      "nl": [("I63.9", "herseninfarct"), ("F32.2", "ernstige depressieve episode"), ("C34.1", "longcarcinoom"),
             ("K35.8", "acute appendicitis")],
      "pt": [("J18.9", "pneumonia adquirida na comunidade"), ("F31.2", "perturbação bipolar"), ("C18.7", "adenocarcinoma do cólon"),
             ("I50.9", "insuficiência cardíaca")],
      "pl": [("I21.0", "zawał mięśnia sercowego"), ("F10.2", "zespół uzależnienia od alkoholu"), ("C61", "rak gruczołu krokowego"),
             ("E11.9", "cukrzyca typu 2")]}
for i in range(10):
    lang = ["it", "nl", "pt", "pl"][i % 4]
    name = V.person(lang)
    code, dx = R.choice(DX[lang])
    with_code = i % 2 == 0
    dxs = "%s (%s)" % (dx, code) if with_code else dx
    text = {"it": "LETTERA DI DIMISSIONE\nU.O. Cardiologia - Ospedale Maggiore\nPaziente: %s, nato/a il %s\nRicovero dal %s al %s\nDiagnosi di dimissione: %s\nTerapia domiciliare: ramipril 5 mg, controllo tra 30 giorni.",
            "nl": "ONTSLAGBRIEF\nAfdeling Interne Geneeskunde\nBetreft: %s, geb. %s\nOpname %s t/m %s\nOntslagdiagnose: %s\nBeleid: controle polikliniek over 6 weken.",
            "pt": "NOTA DE ALTA\nServiço de Medicina Interna\nUtente: %s, data de nascimento %s\nInternamento de %s a %s\nDiagnóstico principal: %s\nMedicação: ver receita em anexo.",
            "pl": "KARTA INFORMACYJNA LECZENIA SZPITALNEGO\nOddział Chorób Wewnętrznych\nPacjent: %s, ur. %s\nHospitalizacja od %s do %s\nRozpoznanie: %s\nZalecenia: kontrola w poradni za 4 tygodnie."}[lang]
    add("discharge", "sensitive", text % (name, V.dob(lang), date(lang), date(lang), dxs),
        "discharge letter of a named patient" + (" with ICD-10" if with_code else ""), "health_record")
for i in range(8):
    lang = ["it", "nl", "pt", "pl"][i % 4]
    kind = i // 4
    if kind == 0:
        text = {"it": "Dopo la dimissione: consigli per chi ha avuto un infarto. Riprenda l'attività fisica gradualmente e non interrompa la terapia senza parlarne con il medico.",
                "nl": "Na uw ontslag uit het ziekenhuis: na een herseninfarct is revalidatie belangrijk. Bespreek vragen met uw huisarts.",
                "pt": "Depois da alta: cuidados após uma pneumonia. Beba água e volte ao médico se a febre voltar.",
                "pl": "Po wypisie ze szpitala: zalecenia dla pacjentów po zawale serca. Regularnie przyjmuj leki."}[lang]
        add("discharge", "vendor", text, "patient leaflet", "medical_question")
    else:
        text = {"it": "LETTERA DI DIMISSIONE (modello)\nPaziente: ______________ nato/a il __/__/____\nDiagnosi di dimissione: ______________ (codice ICD-10: _____)",
                "nl": "ONTSLAGBRIEF (sjabloon)\nBetreft: <naam patiënt>, geb. <dd-mm-jjjj>\nOntslagdiagnose: <diagnose> (ICD-10 <code>)",
                "pt": "NOTA DE ALTA (modelo)\nUtente: [nome], data de nascimento [dd/mm/aaaa]\nDiagnóstico principal: [diagnóstico]",
                "pl": "KARTA INFORMACYJNA (wzór)\nPacjent: [imię i nazwisko], ur. [dd.mm.rrrr]\nRozpoznanie: [rozpoznanie, kod ICD-10]"}[lang]
        add("discharge", "vendor", text, "blank discharge template", "placeholder")

# ------------------------------------------------------------------ Japanese business chat
def jchat(lines):
    out = []
    h, m = R.randint(9, 17), R.randint(0, 50)
    for who, text in lines:
        m += R.randint(1, 5)
        out.append("[%d:%02d] %s: %s" % (h + m // 60, m % 60, who, text))
    return "\n".join(out)


for i in range(10):
    a, b = V.person("ja"), V.person("ja")
    kind = i % 5
    if kind == 0:
        mn = V.jp_my_number()
        lines = [(a, "年末調整の書類、マイナンバーの記載漏れがありました。"), (b, "失礼しました、%sです。" % mn)]
        add("jachat", "sensitive", jchat(lines), "My Number in chat", "jp_my_number")
    elif kind == 1:
        acct = "%07d" % R.randint(0, 9999999)
        lines = [(a, "立替経費の振込先を教えてください。"),
                 (b, "%s %s支店 普通 %s 名義 %s" % (R.choice(["三井住友銀行", "みずほ銀行", "三菱UFJ銀行"]), R.choice(["渋谷", "新宿", "梅田"]), acct, R.choice(["サトウ ショウタ", "スズキ ミサキ", "タナカ ケンイチ"])))]
        add("jachat", "sensitive", jchat(lines), "personal bank account in chat", "bank_account")
    elif kind == 2:
        lines = [(a, "検証サーバーのログイン情報お願いします"), (b, "ユーザー: admin / パスワード: %s" % V.password()), (a, "ありがとうございます！")]
        add("jachat", "sensitive", jchat(lines), "password in chat", "password")
    elif kind == 3:
        lines = [(a, "顧客の%s様から折り返し希望です。携帯は%sです。" % (V.person("ja"), V.phone_eu("jp", international=False))), (b, "承知しました。")]
        add("jachat", "sensitive", jchat(lines), "customer's mobile in chat", "phone")
    else:
        lines = [(a, "%sさん、今日はお休みですか？" % b.split()[0] if " " in b else "%sさん、今日はお休みですか？" % b),
                 (b, "すみません、%sと診断されて、しばらく休職することになりました。" % R.choice(["適応障害", "うつ病", "パニック障害", "がん"]))]
        add("jachat", "sensitive", jchat(lines), "own diagnosis in chat", "health_record")
for i in range(10):
    a, b = V.person("ja"), V.person("ja")
    kind = i % 5
    if kind == 0:
        lines = [(a, "明日の定例、第3会議室に変更です。"), (b, "了解です！")]
        add("jachat", "vendor", jchat(lines), "meeting room change", "none")
    elif kind == 1:
        lines = [(a, "型番 %s のファームウェア %s で不具合が出ています。" % (V.ssn_shaped_sku(), V.private_ip_version())), (b, "再現手順を共有してください。")]
        add("jachat", "vendor", jchat(lines), "model number and firmware version", "version")
    elif kind == 2:
        lines = [(a, "新オフィスの住所は〒150-0002 東京都渋谷区渋谷2-%d-%d です。" % (R.randint(1, 24), R.randint(1, 20))), (b, "名刺を更新します。")]
        add("jachat", "vendor", jchat(lines), "company office address", "none")
    elif kind == 3:
        lines = [(a, "注文番号 %d の納期、来週%s曜日になります。" % (R.randint(10000000, 99999999), R.choice(["月", "火", "水"]))), (b, "お客様に連絡します。")]
        add("jachat", "vendor", jchat(lines), "order number", "order_number")
    else:
        lines = [(a, "パスワードはチャットに書かないでください。パスワードマネージャーで共有をお願いします。"), (b, "承知しました、気をつけます。")]
        add("jachat", "vendor", jchat(lines), "password policy reminder", "none")

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout7.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
