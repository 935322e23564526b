#!/usr/bin/env python3
"""Writes the ninth held-out split (tests/corpus/holdout9/holdout9.jsonl), written for issue 17 after
the fourth round of fixes and before the fifth, and run once as written. Styles and languages not
used before: Chinese, Korean, Brazilian Portuguese, Hungarian, Indian English, Mexican Spanish,
Hebrew and Arabic text (national identifiers with their check digits, phones, IBANs/CLABE, health
notes); HL7 v2 and FHIR JSON health messages; HAR entries, Postman collections and copied-as-curl
requests; JDBC/ADO.NET/ODBC connection strings; Java .properties and Spring YAML; crash reports and
Sentry events with environment dumps; browser console logs; Terraform state; GCP service-account
JSON; LaTeX and RTF documents; voice-assistant transcripts; customer-support chat widgets; Excel CSV
exports with a BOM and semicolons.
Labeled by what may leave the company: credentials, card and bank numbers of people, personal
national identifiers, a person's contact details, a named person's health, Globex's codenames,
internal hosts and markers stay inside. Look-alikes are vendor: company numbers with valid check
digits (统一社会信用代码, 사업자등록번호, CNPJ, adószám, GSTIN, RFC of companies, Israeli company
numbers), random 12-digit references failing Verhoeff, placeholders, redacted and encrypted values,
documentation keys, public addresses, hashes, order and tracking numbers, leaflets, blank forms.
Run: python3 tests/corpus/holdout9/generate_holdout9.py"""

import base64
import json
import os
import string
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from values_world import WorldValues, verhoeff_ok  # noqa

DIGITS = string.digits
HEXD = "0123456789abcdef"

V = WorldValues(20261206)
R = V.r
ROWS = []


def add(category, label, text, note, content, evasion=None):
    n = sum(1 for r in ROWS if r["category"] == category) + 1
    row = {"id": "holdout9-%s-%03d" % (category, n), "text": text, "label": label,
           "category": category, "note": note, "content": content}
    if evasion:
        row["evasion"] = evasion
    ROWS.append(row)


NAMES9 = {
    "zh": (["伟", "芳", "娜", "敏", "静", "磊", "洋", "婷"], ["王", "李", "张", "刘", "陈", "杨", "黄", "赵"]),
    "ko": (["민준", "서연", "지호", "하은", "도윤", "수빈", "현우"], ["김", "이", "박", "최", "정", "강", "윤"]),
    "pt": (["Lucas", "Juliana", "Rafael", "Camila", "Gustavo", "Fernanda", "Thiago"], ["da Silva", "Souza", "Oliveira", "Lima", "Carvalho", "Ribeiro", "Almeida"]),
    "hu": (["Bence", "Eszter", "Máté", "Zsófia", "Gábor", "Katalin", "László"], ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss"]),
    "in": (["Rahul", "Priya", "Arjun", "Ananya", "Vikram", "Sneha", "Rohan"], ["Sharma", "Iyer", "Reddy", "Patel", "Nair", "Gupta", "Banerjee"]),
    "mx": (["José Luis", "Guadalupe", "Juan Carlos", "María Fernanda", "Alejandro", "Ximena"], ["Hernández López", "García Ramírez", "Martínez Cruz", "González Flores", "Sánchez Reyes"]),
    "he": (["יוסי", "מיכל", "אבי", "נועה", "דני", "שירה"], ["כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם"]),
    "ar": (["محمد", "فاطمة", "أحمد", "نورة", "خالد", "مريم"], ["العتيبي", "الزهراني", "الشامسي", "القحطاني", "المنصوري"]),
}


def person(lang):
    f, l = NAMES9[lang]
    if lang in ("zh", "ko"):
        return R.choice(l) + R.choice(f)
    return R.choice(f) + " " + R.choice(l)


# ------------------------------------------------------------------ languages
def lang_cases():
    # Chinese
    add("zh", "sensitive", "您好，新员工%s的入职资料：居民身份证号码 %s，麻烦录入人事系统。" % (person("zh"), V.cn_resident_id()), "zh resident ID of an employee", "national_id")
    add("zh", "sensitive", "姓名 %s\n性别 女  民族 汉\n出生 %d年%d月%d日\n住址 上海市徐汇区漕溪北路%d号\n公民身份号码 %s" % (person("zh"), R.randint(1960, 2000), R.randint(1, 12), R.randint(1, 28), R.randint(10, 999), V.cn_resident_id()), "OCR text of an ID card", "national_id")
    add("zh", "sensitive", "客户%s要求明天下午回电，手机：%s，关于退款的事。" % (person("zh"), V.cn_mobile()), "zh customer's mobile", "phone")
    add("zh", "sensitive", "跟大家说一下，%s上周确诊了乳腺癌，正在住院化疗，这个月都请病假。" % person("zh"), "zh colleague's diagnosis", "health_record")
    add("zh", "sensitive", "%s的工资卡号是 %s（中国银行），请财务这个月打到这张卡上。" % (person("zh"), V.card(sep=" ") if R.random() < 0.3 else "6217 8560 %s" % luhn_tail("62178560", 19)), "zh personal bank card", "card")
    add("zh", "vendor", "供应商：上海星河信息科技有限公司，统一社会信用代码：%s，发票类型：增值税专用发票。" % V.cn_uscc(), "zh company credit code", "company_id")
    add("zh", "vendor", "开票信息\n名称：北京云帆数据服务有限公司\n纳税人识别号：%s\n地址：北京市海淀区中关村大街%d号" % (V.cn_uscc(), R.randint(1, 99)), "zh invoice details of a company", "company_id")
    add("zh", "vendor", "您的订单 %s 已发货，顺丰快递单号 SF%s，预计两天内送达。" % (order18(), V.s(13, DIGITS)), "zh order and tracking numbers", "order_number")
    add("zh", "vendor", "乳腺癌早期筛查：40岁以上女性建议每年做一次乳腺超声检查，有家族史的应咨询医生。", "zh health leaflet", "medical_question")
    add("zh", "vendor", "入职登记表\n姓名：__________\n公民身份号码：__________________\n联系电话：___________\n紧急联系人：__________", "zh blank form", "placeholder")
    # Korean
    add("ko", "sensitive", "신규 입사자 %s 님의 주민등록번호는 %s 입니다. 급여 시스템에 등록 부탁드립니다." % (person("ko"), V.kr_rrn()), "ko RRN of an employee", "national_id")
    add("ko", "sensitive", "성명: %s\n주민등록번호: %s\n주소: 서울특별시 강남구 테헤란로 %d\n연락처: %s" % (person("ko"), V.kr_rrn(), R.randint(1, 500), V.kr_mobile()), "ko personnel record", "national_id")
    add("ko", "sensitive", "고객 %s 님이 %s 번으로 회신 전화를 요청하셨습니다." % (person("ko"), V.kr_mobile()), "ko customer's mobile", "phone")
    add("ko", "sensitive", "팀장님, %s 대리가 우울증 진단을 받아서 2주간 병가를 냈습니다." % person("ko"), "ko colleague's diagnosis", "health_record")
    add("ko", "vendor", "공급자 등록번호 %s, 상호 (주)한빛소프트, 업태 서비스, 종목 소프트웨어 개발" % V.kr_brn(), "ko business registration number", "company_id")
    add("ko", "vendor", "세금계산서 발행: 사업자등록번호 %s, 상호 주식회사 누리테크, 공급가액 %d원" % (V.kr_brn(), R.randint(100, 9000) * 1000), "ko tax invoice of a company", "company_id")
    add("ko", "vendor", "우울증은 치료할 수 있는 질환입니다. 2주 이상 우울감이 계속되면 전문의와 상담하세요.", "ko health leaflet", "medical_question")
    add("ko", "vendor", "입사 서류 양식\n성명: ________\n주민등록번호: ______-_______\n휴대폰: 010-____-____", "ko blank form", "placeholder")
    # Brazilian Portuguese
    add("ptbr", "sensitive", "Oi, segue o cadastro do novo colaborador %s, CPF %s, para incluir na folha de pagamento de março." % (person("pt"), V.br_cpf()), "pt-BR CPF of an employee", "national_id")
    add("ptbr", "sensitive", "NOTA FISCAL DE SERVIÇO ELETRÔNICA\nTomador: %s\nCPF: %s\nValor: R$ %d,00" % (person("pt"), V.br_cpf(), R.randint(100, 5000)), "pt-BR invoice to a person", "national_id")
    add("ptbr", "sensitive", "Pode fazer o Pix para o %s? A chave é o CPF dele: %s" % (person("pt"), V.br_cpf(formatted=False)), "pt-BR Pix key that is a CPF", "national_id")
    add("ptbr", "sensitive", "A cliente %s pediu retorno no celular %s ainda hoje, sobre a troca do produto." % (person("pt"), V.br_phone()), "pt-BR customer's mobile", "phone")
    add("ptbr", "sensitive", "Pessoal, a %s está afastada pelo INSS, foi diagnosticada com depressão grave e só volta em maio." % person("pt"), "pt-BR colleague's diagnosis", "health_record")
    add("ptbr", "vendor", "Fornecedor: Alfa Tecnologia Ltda., CNPJ %s, Inscrição Estadual isenta. Prazo de entrega 10 dias úteis." % V.br_cnpj(), "pt-BR company CNPJ", "company_id")
    add("ptbr", "vendor", "Emitente: Comercial Boa Vista S.A. - CNPJ: %s - Av. Paulista, %d - São Paulo/SP" % (V.br_cnpj(), R.randint(100, 2000)), "pt-BR company on an invoice", "company_id")
    add("ptbr", "vendor", "Seu pedido nº %d foi enviado. Código de rastreio: %s%sBR" % (R.randint(100000, 999999), V.s(2, string.ascii_uppercase), V.s(9, DIGITS)), "pt-BR order and tracking", "order_number")
    add("ptbr", "vendor", "Depressão tem tratamento. Procure a Unidade Básica de Saúde mais próxima se a tristeza durar mais de duas semanas.", "pt-BR health leaflet", "medical_question")
    add("ptbr", "vendor", "FICHA DE ADMISSÃO\nNome: ______________\nCPF: ___.___.___-__\nCelular: (__) _____-____", "pt-BR blank form", "placeholder")
    # Hungarian
    add("hu", "sensitive", "Az új kolléga, %s adatai: TAJ-szám: %s. Kérem, rögzítsétek a bérszámfejtésben." % (person("hu"), V.hu_taj()), "hu TAJ of an employee", "national_id")
    add("hu", "sensitive", "%s adóazonosító jele: %s, a munkaszerződés mellékletéhez." % (person("hu"), V.hu_tax_id()), "hu personal tax id", "national_id")
    add("hu", "sensitive", "%s ügyfél visszahívást kér a %s számon a számlával kapcsolatban." % (person("hu"), V.hu_phone()), "hu customer's phone", "phone")
    add("hu", "sensitive", "%s fizetését ezentúl a %s számlaszámra kéri utalni." % (person("hu"), V.iban_world("HU")), "hu personal IBAN", "iban")
    add("hu", "sensitive", "Tájékoztatlak, hogy %s táppénzen van, depressziót diagnosztizáltak nála, egy hónapig nem lesz bent." % person("hu"), "hu colleague's diagnosis", "health_record")
    add("hu", "vendor", "Szállító: Duna Informatika Kft., adószám: %s, cégjegyzékszám: 01-09-%06d." % (V.hu_company_tax(), R.randint(100000, 999999)), "hu company tax number", "company_id")
    add("hu", "vendor", "Számla kiállítója: Tisza Logisztika Zrt., adószám %s, fizetési határidő 15 nap." % V.hu_company_tax(), "hu company tax number on an invoice", "company_id")
    add("hu", "vendor", "A depresszió kezelhető betegség. Ha két hétnél tovább tart a lehangoltság, forduljon háziorvosához.", "hu health leaflet", "medical_question")
    add("hu", "vendor", "BELÉPÉSI ADATLAP\nNév: ____________\nTAJ szám: ___ ___ ___\nAdóazonosító jel: __________", "hu blank form", "placeholder")
    # Indian English
    aad = V.in_aadhaar()
    add("enin", "sensitive", "Please update the KYC for %s: Aadhaar %s, PAN %s. Customer visited the Andheri branch today." % (person("in"), aad, V.in_pan()), "Aadhaar and PAN of a customer", "national_id")
    add("enin", "sensitive", "e-KYC response\nName: %s\nAadhaar No.: %s\nDOB: %02d-%02d-%d\nGender: F" % (person("in"), V.in_aadhaar(), R.randint(1, 28), R.randint(1, 12), R.randint(1960, 2000)), "e-KYC record with Aadhaar", "national_id")
    add("enin", "sensitive", "Kindly process Form 16 for %s, PAN: %s, assessment year 2026-27, TDS as per attached." % (person("in"), V.in_pan()), "a person's PAN", "national_id")
    add("enin", "sensitive", "Customer %s has requested a callback on %s regarding the pending EMI." % (person("in"), V.in_phone()), "Indian customer's mobile", "phone")
    add("enin", "sensitive", "FYI %s from accounts has been admitted to the hospital, diagnosed with tuberculosis, will be on leave for a month." % person("in"), "Indian colleague's diagnosis", "health_record")
    add("enin", "vendor", "TAX INVOICE\nSunrise Traders Pvt Ltd\nGSTIN: %s\nHSN 8471  Qty 4  Taxable value Rs. %d\nCGST 9%%  SGST 9%%" % (V.in_gstin(), R.randint(10000, 90000)), "company GSTIN", "company_id")
    add("enin", "vendor", "UPI payment successful. UPI Ref No. %s, paid to Sharma General Store, Rs. %d." % (V.in_twelve_digits_not_aadhaar(), R.randint(50, 3000)), "12-digit UPI reference failing Verhoeff", "order_number")
    add("enin", "vendor", "Your order %s is out for delivery. AWB %s." % (V.in_twelve_digits_not_aadhaar(), V.in_twelve_digits_not_aadhaar()), "12-digit order number", "order_number")
    add("enin", "vendor", "Dengue season advisory: use mosquito nets, avoid stagnant water, and see a doctor if fever lasts more than two days.", "Indian health advisory", "medical_question")
    add("enin", "vendor", "KYC FORM\nName: ______________\nAadhaar No.: XXXX XXXX %s\nPAN: __________" % V.s(4, DIGITS), "masked Aadhaar on a form", "masked")
    # Mexican Spanish
    add("esmx", "sensitive", "Buen día, le comparto los datos del nuevo empleado %s: CURP %s, RFC %s, para el alta en nómina." % (person("mx"), V.mx_curp(), V.mx_rfc_person()), "mx CURP and RFC of an employee", "national_id")
    add("esmx", "sensitive", "Factura a nombre de %s, RFC %s, uso de CFDI G03, régimen 612." % (person("mx"), V.mx_rfc_person()), "mx RFC of a person", "national_id")
    add("esmx", "sensitive", "Favor de depositar el finiquito de %s a la CLABE %s." % (person("mx"), V.mx_clabe()), "mx personal CLABE", "iban")
    add("esmx", "sensitive", "El cliente %s pide que le regresen la llamada al %s después de las 5." % (person("mx"), V.mx_phone()), "mx customer's phone", "phone")
    add("esmx", "sensitive", "%s está incapacitada por el IMSS, le diagnosticaron cáncer de mama y empieza quimioterapia." % person("mx"), "mx colleague's diagnosis", "health_record")
    add("esmx", "vendor", "Emisor: Servicios Integrales del Norte S.A. de C.V., RFC %s, régimen fiscal 601, CP 64000." % V.mx_rfc_company(), "mx company RFC", "company_id")
    add("esmx", "vendor", "Proveedor: Distribuidora del Bajío S. de R.L., RFC: %s. Condiciones de pago: 30 días." % V.mx_rfc_company(), "mx company RFC", "company_id")
    add("esmx", "vendor", "Cáncer de mama: la autoexploración mensual y la mastografía a partir de los 40 años salvan vidas.", "mx health leaflet", "medical_question")
    add("esmx", "vendor", "SOLICITUD DE EMPLEO\nNombre: ____________\nCURP: __________________\nRFC: _____________\nCLABE: __________________", "mx blank form", "placeholder")
    # Hebrew and Arabic
    add("mideast", "sensitive", "שלום, פרטי העובד החדש %s: מספר תעודת זהות %s. נא לקלוט במערכת השכר." % (person("he"), V.il_id()), "he Israeli ID of an employee", "national_id")
    add("mideast", "sensitive", "הלקוח %s ביקש שנחזור אליו למספר %s לגבי ההזמנה." % (person("he"), V.il_phone()), "he customer's phone", "phone")
    add("mideast", "sensitive", "עדכון לצוות: %s בחופשת מחלה, אובחן עם סרטן המעי הגס ומתחיל טיפולים." % person("he"), "he colleague's diagnosis", "health_record")
    add("mideast", "sensitive", "مرحباً، بيانات الموظف الجديد %s: رقم الهوية الإماراتية %s. يرجى إضافته إلى نظام الرواتب." % (person("ar"), V.ae_emirates_id()), "ar Emirates ID of an employee", "national_id")
    add("mideast", "sensitive", "العميل %s يطلب معاودة الاتصال على الرقم %s بخصوص الطلب." % (person("ar"), V.gulf_phone(R.choice(["SA", "AE"]))), "ar customer's phone", "phone")
    add("mideast", "sensitive", "يرجى تحويل راتب %s إلى الحساب %s ابتداءً من الشهر القادم." % (person("ar"), V.iban_world(R.choice(["SA", "AE"]))), "ar personal IBAN", "iban")
    add("mideast", "sensitive", "الزميل %s في إجازة مرضية بعد تشخيصه بالاكتئاب الحاد." % person("ar"), "ar colleague's diagnosis", "health_record")
    add("mideast", "vendor", "ספק: אלפא מערכות בע\"מ, ח.פ. 51-%s, כתובת: דרך מנחם בגין 132, תל אביב." % il_company_tail(), "he company number (same check digit as an ID)", "company_id")
    add("mideast", "vendor", "المورد: شركة الخليج للتقنية، سجل تجاري رقم 10%s، الرقم الضريبي 3%s00003." % (V.s(8, DIGITS), V.s(10, DIGITS)), "ar company registration and VAT number", "company_id")
    add("mideast", "vendor", "סרטן המעי הגס: בדיקת דם סמוי בצואה מומלצת מגיל 50 פעם בשנה.", "he health leaflet", "medical_question")
    add("mideast", "vendor", "الاكتئاب مرض قابل للعلاج. تحدث مع طبيبك إذا استمر الحزن أكثر من أسبوعين.", "ar health leaflet", "medical_question")
    add("mideast", "vendor", "طلب توظيف\nالاسم: __________\nرقم الهوية: ___-____-_______-_\nالجوال: +971 5_ ___ ____", "ar blank form", "placeholder")


def luhn_tail(prefix, length):
    body = prefix + V.s(length - len(prefix) - 1, DIGITS)
    for c in DIGITS:
        if V.luhn_ok(body + c):
            s = body + c
            return " ".join(s[i:i + 4] for i in range(8, len(s), 4))


def order18():
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    while True:
        s = "2026%02d%02d" % (R.randint(1, 12), R.randint(1, 28)) + V.s(10, DIGITS)
        if "10X98765432"[sum(int(a) * x for a, x in zip(s[:17], w)) % 11] != s[17]:
            return s


def il_company_tail():
    while True:
        d = [5, 1] + [R.randint(0, 9) for _ in range(6)]
        total = 0
        for i, a in enumerate(d):
            v = a * (1 if i % 2 == 0 else 2)
            total += v - 9 if v > 9 else v
        s = "".join(map(str, d)) + str((10 - total % 10) % 10)
        return "%s-%s" % (s[2:8], s[8])


# ------------------------------------------------------------------ HL7 v2 and FHIR
def hl7_ts():
    return "2026%02d%02d%02d%02d" % (R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59))


def health_messages():
    first, last = V.name().split()
    dob = "%d%02d%02d" % (R.randint(1940, 2004), R.randint(1, 12), R.randint(1, 28))
    code, gloss = V.icd10()
    segs = ["MSH|^~\\&|EPIC|STMARYS|LAB|STMARYS|%s||ADT^A01|MSG%05d|P|2.5.1" % (hl7_ts(), R.randint(1, 99999)),
            "EVN|A01|%s" % hl7_ts(),
            "PID|1||%d^^^STMARYS^MR||%s^%s||%s|%s|||%d Elm St^^Springfield^IL^62704||%s" % (R.randint(100000, 999999), last.upper(), first.upper(), dob, R.choice("MF"), R.randint(1, 999), V.phone("us")),
            "PV1|1|I|ONC^402^B",
            "DG1|1||%s^%s^I10||%s|A" % (code, gloss, hl7_ts())]
    add("hl7", "sensitive", "\r".join(segs), "HL7 ADT admission with a diagnosis", "health_record")
    first, last = V.name().split()
    segs = ["MSH|^~\\&|LIS|CITYLAB|EHR|CLINIC|%s||ORU^R01|%d|P|2.4" % (hl7_ts(), R.randint(1000, 9999)),
            "PID|1||%d^^^CITYLAB||%s^%s||%d%02d%02d|%s" % (R.randint(100000, 999999), last, first, R.randint(1950, 2000), R.randint(1, 12), R.randint(1, 28), R.choice("MF")),
            "OBR|1||%d|HIV1/2 AG-AB^HIV 1/2 antigen/antibody" % R.randint(10000, 99999),
            "OBX|1|ST|75622-1^HIV 1+2 Ab+HIV1 p24 Ag^LN||REACTIVE||NONREACTIVE|A|||F"]
    add("hl7", "sensitive", "\n".join(segs), "HL7 lab result (reactive HIV test) of a named patient", "health_record")
    name = V.name()
    pat = {"resourceType": "Patient", "id": V.uuid(), "name": [{"family": name.split()[1], "given": [name.split()[0]]}],
           "birthDate": V.date(), "gender": R.choice(["male", "female"]),
           "identifier": [{"system": "http://hl7.org/fhir/sid/us-ssn", "value": V.ssn()}],
           "telecom": [{"system": "phone", "value": V.phone("us")}, {"system": "email", "value": V.email(name)}]}
    add("hl7", "sensitive", json.dumps(pat, indent=2, ensure_ascii=False), "FHIR Patient with SSN, phone and e-mail", "pii")
    name = V.name()
    code, gloss = V.icd10()
    cond = {"resourceType": "Condition", "clinicalStatus": {"coding": [{"code": "active"}]},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": code, "display": gloss}]},
            "subject": {"reference": "Patient/%d" % R.randint(1000, 99999), "display": name},
            "recordedDate": "2026-%02d-%02d" % (R.randint(1, 12), R.randint(1, 28))}
    add("hl7", "sensitive", json.dumps(cond, ensure_ascii=False), "FHIR Condition of a named patient", "health_record")
    name = V.name()
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "name": [{"text": name}], "birthDate": V.date()}},
        {"resource": {"resourceType": "MedicationRequest", "status": "active", "subject": {"display": name},
                      "medicationCodeableConcept": {"text": R.choice(["Sertraline 100 mg", "Olanzapine 10 mg", "Lithium carbonate 300 mg", "Biktarvy 50/200/25 mg"])},
                      "reasonCode": [{"text": R.choice(["major depressive disorder", "schizophrenia", "bipolar disorder", "HIV infection"])}]}}]}
    add("hl7", "sensitive", json.dumps(bundle, ensure_ascii=False), "FHIR bundle: a named patient's psychiatric/HIV medication", "health_record")
    first, last = V.name().split()
    msg = "MSH|^~\\&|EPIC|STMARYS|||%s||ADT^A08|%d|P|2.5\rPID|1||%d^^^STMARYS^MR||%s^%s||%d0101|F\rDG1|1||F20.0^Paranoid schizophrenia^I10" % (hl7_ts(), R.randint(1, 9999), R.randint(100000, 999999), last, first, R.randint(1950, 2000))
    wrapped = json.dumps({"channel": "adt-inbound", "encoding": "base64", "payload": base64.b64encode(msg.encode()).decode()})
    add("hl7", "sensitive", wrapped, "base64 HL7 message in an integration-engine JSON", "health_record", "base64")
    # vendor
    add("hl7", "vendor", "MSH|^~\\&|LAB|STMARYS|EPIC|STMARYS|%s||ACK^A01|ACK%05d|P|2.5.1\rMSA|AA|MSG%05d|Message accepted" % (hl7_ts(), R.randint(1, 99999), R.randint(1, 99999)), "HL7 ACK without patient data", "none")
    add("hl7", "vendor", json.dumps({"resourceType": "ValueSet", "name": "DepressionCodes", "status": "active", "compose": {"include": [{"system": "http://hl7.org/fhir/sid/icd-10", "concept": [{"code": "F32.0"}, {"code": "F32.1"}, {"code": "F32.2"}, {"code": "F33.1"}]}]}}), "FHIR ValueSet of codes", "none")
    add("hl7", "vendor", "Which HL7 v2 field holds the patient's date of birth? I have\nPID|1||<MRN>^^^<facility>^MR||<family>^<given>||<YYYYMMDD>|<sex>\nand the parser reads PID-7 as empty.", "HL7 question with placeholders", "placeholder")
    add("hl7", "vendor", json.dumps({"resourceType": "CapabilityStatement", "status": "active", "date": "2026-01-10", "fhirVersion": "4.0.1", "format": ["json"], "rest": [{"mode": "server", "resource": [{"type": "Patient", "interaction": [{"code": "read"}, {"code": "search-type"}]}, {"type": "Condition", "interaction": [{"code": "read"}]}]}]}), "FHIR CapabilityStatement", "none")
    add("hl7", "vendor", json.dumps({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "invalid", "diagnostics": "Patient.birthDate: value '2026-13-01' is not a valid date", "expression": ["Patient.birthDate"]}]}), "FHIR validation error", "none")


# ------------------------------------------------------------------ HAR, Postman, curl
def http_cases():
    add("http", "sensitive", "curl 'https://api.%s/v2/invoices?status=open' \\\n  -H 'accept: application/json' \\\n  -H 'authorization: Bearer %s' \\\n  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64)' \\\n  --compressed" % (R.choice(["billingcloud.io", "ledgerly.com"]), V.jwt()), "copied-as-curl with a session JWT", "jwt")
    user, pw = R.choice(["svc-reports", "etl", "admin"]), V.password()
    add("http", "sensitive", "curl 'https://jenkins.%s/job/deploy/buildWithParameters' -X POST -H 'Authorization: Basic %s' --data-raw 'ENV=prod'" % (R.choice(["acme-ci.com", "buildfarm.io"]), base64.b64encode(("%s:%s" % (user, pw)).encode()).decode()), "curl with Basic auth", "password", "base64")
    sess = V.s(32, string.ascii_lowercase + DIGITS)
    har = {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": [{"startedDateTime": "2026-03-04T10:12:%02d.123Z" % R.randint(0, 59), "request": {"method": "GET", "url": "https://app.%s/dashboard" % R.choice(["brightpath.io", "fabrikam.net"]), "httpVersion": "HTTP/2", "headers": [{"name": "cookie", "value": "sessionid=%s; csrftoken=%s; _ga=GA1.1.%d.%d" % (sess, V.s(32), R.randint(10 ** 8, 10 ** 9), R.randint(10 ** 9, 2 * 10 ** 9))}, {"name": "accept", "value": "text/html"}]}, "response": {"status": 200, "statusText": "OK"}}]}}
    add("http", "sensitive", json.dumps(har, indent=1), "HAR entry with a live session cookie", "session_cookie")
    col = {"info": {"name": "Payments API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "auth": {"type": "bearer", "bearer": [{"key": "token", "value": R.choice([V.stripe(), V.github_pat(), V.openai()]), "type": "string"}]}, "item": [{"name": "List charges", "request": {"method": "GET", "url": "{{baseUrl}}/v1/charges"}}]}
    add("http", "sensitive", json.dumps(col, indent=2), "Postman collection with a bearer token", "api_key")
    env = {"id": V.uuid(), "name": "prod", "values": [{"key": "baseUrl", "value": "https://api.%s" % R.choice(["shopwave.com", "tixly.io"]), "enabled": True}, {"key": "api_key", "value": V.hex_secret(40), "enabled": True}, {"key": "client_secret", "value": V.s(40, string.ascii_letters + DIGITS + "-_"), "enabled": True}], "_postman_variable_scope": "environment"}
    add("http", "sensitive", json.dumps(env, indent=2), "Postman environment export with keys", "api_key")
    har = {"request": {"method": "POST", "url": "https://login.%s/oauth/token" % R.choice(["partnerhub.io", "contoso-health.org"]), "headers": [{"name": "content-type", "value": "application/x-www-form-urlencoded"}], "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "grant_type=password&username=%s&password=%s&client_id=webapp" % (V.email().replace("@", "%40"), V.password().replace("!", "%21").replace("#", "%23").replace("$", "%24"))}}}
    add("http", "sensitive", json.dumps(har), "HAR request with a password in the form body", "password", "percent")
    name = V.name()
    har = {"request": {"method": "POST", "url": "https://checkout.%s/api/pay" % R.choice(["shopwave.com", "tixly.io"]), "postData": {"mimeType": "application/json", "text": json.dumps({"cardholder": name, "number": V.card(sep=""), "exp": "%02d/%d" % (R.randint(1, 12), R.randint(27, 31)), "cvc": "%03d" % R.randint(100, 999)})}}}
    add("http", "sensitive", json.dumps(har), "HAR checkout request with a card", "card")
    add("http", "sensitive", "curl -s https://billing.corp.globex.internal/api/v1/accounts/%d -H 'Accept: application/json' | jq .plan" % R.randint(1000, 9999), "curl to an internal host", "internal_host")
    # vendor
    add("http", "vendor", "curl -H \"Authorization: Bearer $GITHUB_TOKEN\" -H \"Accept: application/vnd.github+json\" https://api.github.com/repos/%s/releases/latest" % R.choice(["kubernetes/kubernetes", "grafana/loki", "golang/go"]), "curl with an env-var token", "env_ref")
    col = {"info": {"name": "Orders API"}, "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{access_token}}", "type": "string"}]}, "item": [{"name": "Create order", "request": {"method": "POST", "url": "{{baseUrl}}/orders", "header": [{"key": "X-Api-Key", "value": "{{api_key}}"}]}}]}
    add("http", "vendor", json.dumps(col, indent=2), "Postman collection with variables", "placeholder")
    har = {"request": {"method": "GET", "url": "https://www.%s/static/app.%s.js" % (R.choice(["example.org", "wikipedia.org"]), V.s(8, HEXD)), "headers": [{"name": "authorization", "value": "[REDACTED]"}, {"name": "cookie", "value": "_ga=GA1.2.%d.%d; theme=dark" % (R.randint(10 ** 8, 10 ** 9), R.randint(10 ** 9, 2 * 10 ** 9))}]}, "response": {"status": 304, "headers": [{"name": "etag", "value": "W/\"%s\"" % V.s(32, HEXD)}]}}
    add("http", "vendor", json.dumps(har), "HAR with redacted auth and analytics cookies", "masked")
    add("http", "vendor", "curl https://api.openweathermap.org/data/2.5/weather?q=Lisbon&appid=YOUR_API_KEY\n# replace YOUR_API_KEY with the key from your account page", "curl with a placeholder key", "placeholder")
    add("http", "vendor", "curl -I https://%s\nHTTP/2 200\nserver: nginx\ncontent-type: text/html\nx-request-id: %s\nstrict-transport-security: max-age=63072000" % (R.choice(["example.com", "debian.org"]), V.uuid()), "response headers with a request id", "uuids")
    add("http", "vendor", "curl -X POST https://httpbin.org/post -H 'Content-Type: application/json' -d '{\"name\": \"test\", \"count\": %d}'" % R.randint(1, 50), "curl to a public echo service", "none")


# ------------------------------------------------------------------ connection strings
def connstr_cases():
    pw = V.password()
    add("connstr", "sensitive", "jdbc:sqlserver://sql-prod-01:1433;databaseName=Billing;user=svc_billing;password=%s;encrypt=true;trustServerCertificate=false" % pw, "JDBC SQL Server URL with a password", "password")
    add("connstr", "sensitive", "\"ConnectionStrings\": {\n  \"Default\": \"Server=tcp:%s.database.windows.net,1433;Initial Catalog=Orders;Persist Security Info=False;User ID=appuser;Password=%s;Encrypt=True;\"\n}" % (R.choice(["contoso-sql", "orders-db"]), V.password()), "ADO.NET connection string in appsettings.json", "password")
    add("connstr", "sensitive", "DSN-less: Driver={ODBC Driver 18 for SQL Server};Server=10.%d.%d.%d;Database=HR;Uid=report;Pwd=%s;" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254), V.password()), "ODBC connection string with Pwd", "password")
    add("connstr", "sensitive", "spring.datasource.url=jdbc:oracle:thin:scott/%s@//ora-prod.%s:1521/ORCLPDB1" % (V.password(), R.choice(["acme.net", "fabrikam.net"])), "Oracle thin URL with user/password", "password")
    add("connstr", "sensitive", "Host=pg-main;Port=5432;Database=crm;Username=crm_app;Password=%s;SSL Mode=Require" % V.password(), "Npgsql connection string", "password")
    add("connstr", "sensitive", "Provider=MSOLEDBSQL;Data Source=SQLPROD\\FINANCE;User Id=sa;Password=%s;" % V.password(), "OLE DB connection string with the sa password", "password")
    add("connstr", "vendor", "Server=SQLPROD01;Database=Inventory;Integrated Security=SSPI;TrustServerCertificate=True", "Windows auth, no password", "none")
    add("connstr", "vendor", "jdbc:postgresql://db:5432/app?user=${DB_USER}&password=${DB_PASSWORD}&sslmode=require", "JDBC URL with env placeholders", "placeholder")
    add("connstr", "vendor", "spring.datasource.url=jdbc:h2:mem:testdb;DB_CLOSE_DELAY=-1\nspring.datasource.username=sa\nspring.datasource.password=", "in-memory H2, empty password", "none")
    add("connstr", "vendor", "Connection string format (docs): Server=<server>;Database=<database>;User Id=<username>;Password=<password>;", "documentation template", "placeholder")
    add("connstr", "vendor", "Pwd={{ vault \"secret/data/hr#report\" }};Driver={PostgreSQL Unicode};Server=pg.example.com;Uid=report", "ODBC with a templated secret", "placeholder")


# ------------------------------------------------------------------ Java .properties and Spring YAML
def javaconf_cases():
    add("javaconf", "sensitive", "# application-prod.properties\nserver.port=8443\nspring.datasource.url=jdbc:mysql://mysql-prod:3306/shop\nspring.datasource.username=shop\nspring.datasource.password=%s\nspring.jpa.hibernate.ddl-auto=validate" % V.password(), "Spring properties with a DB password", "password")
    add("javaconf", "sensitive", "spring:\n  mail:\n    host: smtp.%s\n    port: 587\n    username: notifications@%s\n    password: %s\n    properties:\n      mail.smtp.starttls.enable: true" % (R.choice(["sendgrid.net", "mailgun.org"]), R.choice(["shopwave.com", "tixly.io"]), V.password()), "Spring YAML with an SMTP password", "password")
    add("javaconf", "sensitive", "jwt.secret=%s\njwt.expiration-ms=3600000\napp.cors.allowed-origins=https://app.example.com" % V.b64_secret(48), "JWT signing secret in properties", "secret")
    add("javaconf", "sensitive", "server.ssl.enabled=true\nserver.ssl.key-store=classpath:keystore.p12\nserver.ssl.key-store-password=%s\nserver.ssl.key-alias=tomcat" % V.password(), "keystore password", "password")
    add("javaconf", "sensitive", "spring:\n  cloud:\n    aws:\n      region:\n        static: eu-west-1\n      credentials:\n        access-key: %s\n        secret-key: %s" % (V.aws_key_id(), V.aws_secret()), "Spring Cloud AWS credentials", "aws_key")
    add("javaconf", "sensitive", "# gradle.properties\norg.gradle.jvmargs=-Xmx2g\nartifactoryUser=ci-publisher\nartifactoryPassword=%s\nartifactoryUrl=https://artifactory.globex.internal/artifactory" % V.password(), "gradle.properties with an internal repository password", "password")
    add("javaconf", "vendor", "spring.datasource.url=jdbc:postgresql://${DB_HOST}:5432/app\nspring.datasource.username=${DB_USER}\nspring.datasource.password=${SPRING_DATASOURCE_PASSWORD}", "properties with env placeholders", "placeholder")
    add("javaconf", "vendor", "# encrypted with jasypt\nspring.datasource.password=ENC(%s)\njasypt.encryptor.algorithm=PBEWITHHMACSHA512ANDAES_256" % base64.b64encode(bytes(R.getrandbits(8) for _ in range(48))).decode(), "jasypt-encrypted value (no key)", "encrypted")
    add("javaconf", "vendor", "spring:\n  cloud:\n    config:\n      server:\n        git:\n          uri: https://github.com/example/config-repo\ndb:\n  password: '{cipher}%s'" % V.s(120, HEXD), "Spring Cloud Config cipher value", "encrypted")
    add("javaconf", "vendor", "server.port=8080\nlogging.level.root=INFO\nlogging.level.org.hibernate.SQL=DEBUG\nmanagement.endpoints.web.exposure.include=health,info,prometheus\nspring.application.name=order-service", "ordinary properties", "none")
    add("javaconf", "vendor", "spring:\n  security:\n    oauth2:\n      client:\n        registration:\n          github:\n            client-id: ${GITHUB_CLIENT_ID}\n            client-secret: ${GITHUB_CLIENT_SECRET}", "OAuth client with placeholders", "placeholder")


# ------------------------------------------------------------------ crash reports, Sentry
def crash_cases():
    ev = {"event_id": V.s(32, HEXD), "level": "error", "platform": "python", "exception": {"values": [{"type": "OperationalError", "value": "could not connect to server"}]},
          "extra": {"os.environ": {"PATH": "/usr/local/bin:/usr/bin", "LANG": "C.UTF-8", "DATABASE_URL": "postgres://app:%s@db.internal:5432/app" % V.password(), "DJANGO_SETTINGS_MODULE": "app.settings.prod"}}}
    add("crash", "sensitive", json.dumps(ev, indent=2), "Sentry event with an env dump holding a DB URL", "connection_string")
    add("crash", "sensitive", "Traceback (most recent call last):\n  File \"/app/sync.py\", line 88, in push\n    resp = client.post(url, headers=headers)\n  Locals:\n    url = 'https://api.openai.com/v1/chat/completions'\n    headers = {'Authorization': 'Bearer %s'}\nopenai.RateLimitError: Error code: 429" % V.openai(), "traceback with locals holding a key", "openai_key")
    add("crash", "sensitive", "#\n# A fatal error has been detected by the Java Runtime Environment:\n#  SIGSEGV (0xb) at pc=0x00007f3a2c1d4e10, pid=%d, tid=%d\n#\n---------------  S Y S T E M  ---------------\nEnvironment Variables:\nJAVA_HOME=/usr/lib/jvm/java-17-openjdk\nPATH=/usr/local/sbin:/usr/local/bin:/usr/bin\nAWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\nLANG=en_US.UTF-8" % (R.randint(1000, 99999), R.randint(1000, 99999), V.aws_key_id(), V.aws_secret()), "hs_err crash log with AWS keys in the env", "aws_key")
    name = V.name()
    ev = {"event_id": V.s(32, HEXD), "level": "error", "platform": "javascript", "message": "Checkout failed", "user": {"id": str(R.randint(1000, 99999)), "email": V.email(name), "username": name, "ip_address": V.public_ip()}, "tags": {"browser": "Chrome 121"}}
    add("crash", "sensitive", json.dumps(ev), "Sentry event with the user's e-mail", "email")
    add("crash", "sensitive", "node:internal/process/promises:289\n            triggerUncaughtException(err, true /* fromPromise */);\nError: Stripe authentication failed\n    at /srv/app/payments.js:41:11\nprocess.env snapshot: { NODE_ENV: 'production', PORT: '3000', STRIPE_SECRET_KEY: '%s' }" % V.stripe(), "Node crash with a Stripe key in the env snapshot", "stripe_key")
    add("crash", "vendor", json.dumps({"event_id": V.s(32, HEXD), "level": "error", "platform": "python", "release": "api@%s" % V.git_sha()[:12], "user": {"id": V.sha256()[:16], "ip_address": "{{auto}}"}, "exception": {"values": [{"type": "KeyError", "value": "'currency'"}]}}), "Sentry event without personal data", "hashes")
    add("crash", "vendor", "#\n# A fatal error has been detected by the Java Runtime Environment:\n#  SIGSEGV (0xb) at pc=0x00007f1b5a2e3c40\n#\nEnvironment Variables:\nJAVA_HOME=/usr/lib/jvm/java-21-openjdk\nPATH=/usr/local/bin:/usr/bin:/bin\nSHELL=/bin/bash\nLANG=en_US.UTF-8\nHOSTNAME=%s" % V.s(12, HEXD), "crash log with a harmless env", "none")
    add("crash", "vendor", "Traceback (most recent call last):\n  File \"/app/report.py\", line 12, in <module>\n    total = sum(r['amount'] for r in rows)\nKeyError: 'amount'\n\nWhy does this fail when the CSV has a BOM?", "traceback without secrets", "none")
    add("crash", "vendor", "Sentry.init({\n  dsn: \"https://%s@o%d.ingest.sentry.io/%d\",\n  tracesSampleRate: 0.2,\n  release: \"web@%s\"\n});" % (V.s(32, HEXD), R.randint(100000, 999999), R.randint(1000000, 9999999), V.git_sha()[:7]), "Sentry DSN (public by design)", "public_key")
    add("crash", "vendor", "Process:  Finder [%d]\nVersion:  14.2 (1420.3.8)\nCrashed Thread: 0  Dispatch queue: com.apple.main-thread\nException Type: EXC_BAD_ACCESS (SIGSEGV)\nBinary Images: 0x100000000 - 0x1002fffff com.apple.finder (14.2) <%s>" % (R.randint(100, 9999), V.uuid().upper()), "macOS crash report", "uuids")


# ------------------------------------------------------------------ browser console logs
def console_cases():
    add("console", "sensitive", "> localStorage.getItem('auth')\n< '{\"access_token\":\"%s\",\"refresh_token\":\"%s\",\"expires_in\":3600}'" % (V.jwt(), V.s(64, string.ascii_letters + DIGITS)), "console dump of stored tokens", "jwt")
    name = V.name()
    add("console", "sensitive", "[Redux] next state {user: {id: %d, name: '%s', email: '%s', phone: '%s'}, cart: {items: 3}}" % (R.randint(1, 9999), name, V.email(name), V.phone("us")), "Redux state with a customer's contact", "email")
    add("console", "sensitive", "GET http://10.%d.%d.%d:8080/api/v1/users 502 (Bad Gateway)\n    fetchUsers @ users.ts:14\nUncaught (in promise) TypeError: Failed to fetch" % (R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)), "console error with a private address", "private_ip")
    add("console", "sensitive", "app.js:1 Uncaught Error: Stripe.js: You are using a secret key (%s) with Stripe.js; use a publishable key instead." % V.stripe(), "console error quoting a secret key", "stripe_key")
    add("console", "sensitive", "Access to fetch at 'https://grafana.eu1.corp.globex.internal/api/ds/query' from origin 'http://localhost:3000' has been blocked by CORS policy", "CORS error naming an internal host", "internal_host")
    add("console", "vendor", "DevTools failed to load source map: Could not load content for https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js.map: HTTP error: status code 404", "source-map warning", "none")
    add("console", "vendor", "[HMR] connected\nWarning: Each child in a list should have a unique \"key\" prop.\n    at li\n    at TodoList (TodoList.tsx:12:5)", "React warnings", "none")
    add("console", "vendor", "GET https://api.github.com/repos/facebook/react/issues?page=%d 403 (rate limit exceeded)\nx-ratelimit-reset: %d" % (R.randint(2, 9), R.randint(1700000000, 1800000000)), "public API rate limit", "none")
    add("console", "vendor", "Stripe.js loaded with pk_live_%s\n[Violation] 'requestAnimationFrame' handler took 62ms" % V.s(24), "publishable key (public by design)", "public_key")
    add("console", "vendor", "> crypto.randomUUID()\n< '%s'\n> navigator.userAgent\n< 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36'" % V.uuid(), "console UUID and user agent", "uuids")


# ------------------------------------------------------------------ Terraform state
def tf_resource(type_, name, attrs):
    return {"mode": "managed", "type": type_, "name": name, "provider": "provider[\"registry.terraform.io/hashicorp/%s\"]" % type_.split("_")[0],
            "instances": [{"schema_version": 0, "attributes": attrs, "sensitive_attributes": []}]}


def tfstate(resources):
    return json.dumps({"version": 4, "terraform_version": "1.7.%d" % R.randint(0, 5), "serial": R.randint(1, 300), "lineage": V.uuid(), "outputs": {}, "resources": resources}, indent=2)


def tfstate_cases():
    add("tfstate", "sensitive", tfstate([tf_resource("aws_db_instance", "main", {"identifier": "orders-prod", "engine": "postgres", "username": "orders_admin", "password": V.password(), "port": 5432})]), "tfstate with an RDS master password", "password")
    add("tfstate", "sensitive", tfstate([tf_resource("tls_private_key", "deploy", {"algorithm": "RSA", "rsa_bits": 4096, "private_key_pem": V.pem_private_key("RSA ") + "\n", "public_key_fingerprint_md5": ":".join(V.s(2, HEXD) for _ in range(16))})]), "tfstate with a generated private key", "private_key")
    add("tfstate", "sensitive", tfstate([tf_resource("random_password", "db", {"id": "none", "length": 24, "special": True, "result": V.s(24, string.ascii_letters + DIGITS + "!#$%&*()-_=+[]{}<>:?")})]), "tfstate with a random_password result", "password")
    add("tfstate", "sensitive", tfstate([tf_resource("aws_iam_access_key", "ci", {"id": V.aws_key_id(), "user": "ci-deployer", "secret": V.aws_secret(), "status": "Active"})]), "tfstate with an IAM access key secret", "aws_key")
    add("tfstate", "vendor", tfstate([tf_resource("aws_s3_bucket", "logs", {"bucket": "acme-logs-%d" % R.randint(100, 999), "arn": "arn:aws:s3:::acme-logs", "region": "eu-west-1", "force_destroy": False})]), "tfstate of an S3 bucket", "none")
    add("tfstate", "vendor", tfstate([tf_resource("aws_db_instance", "main", {"identifier": "orders-prod", "engine": "postgres", "username": "orders_admin", "password": None, "manage_master_user_password": True, "master_user_secret": [{"secret_arn": "arn:aws:secretsmanager:eu-west-1:%012d:secret:rds!db-%s" % (R.randint(10 ** 11, 10 ** 12 - 1), V.uuid())}]})]), "tfstate with the password managed by Secrets Manager", "none")
    add("tfstate", "vendor", "Terraform will perform the following actions:\n\n  # aws_db_instance.main will be updated in-place\n  ~ resource \"aws_db_instance\" \"main\" {\n        id       = \"db-%s\"\n      ~ password = (sensitive value)\n        # (42 unchanged attributes hidden)\n    }\n\nPlan: 0 to add, 1 to change, 0 to destroy." % V.s(26, string.ascii_uppercase + DIGITS), "plan output hiding the password", "masked")


# ------------------------------------------------------------------ GCP service-account JSON
def gcp_cases():
    proj = R.choice(["billing-prod-4821", "acme-analytics", "orders-platform-77"])
    sa = {"type": "service_account", "project_id": proj, "private_key_id": V.s(40, HEXD), "private_key": V.pem_private_key("") + "\n",
          "client_email": "etl-runner@%s.iam.gserviceaccount.com" % proj, "client_id": str(R.randint(10 ** 20, 10 ** 21 - 1)),
          "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token"}
    add("gcpsa", "sensitive", json.dumps(sa, indent=2), "GCP service-account key file", "private_key")
    sa["private_key_id"] = V.s(40, HEXD)
    sa["private_key"] = V.pem_private_key("") + "\n"
    add("gcpsa", "sensitive", "env:\n  - name: GOOGLE_CREDENTIALS\n    value: %s" % base64.b64encode(json.dumps(sa).encode()).decode(), "base64 service-account key in a manifest", "private_key", "base64")
    add("gcpsa", "sensitive", "Why does this fail with invalid_grant?\n\ncreds = service_account.Credentials.from_service_account_info({\n    \"type\": \"service_account\",\n    \"private_key_id\": \"%s\",\n    \"private_key\": \"%s\",\n    \"client_email\": \"bq-reader@%s.iam.gserviceaccount.com\"})" % (V.s(40, HEXD), V.pem_private_key("", escaped=True), proj), "service-account key inline in Python", "private_key")
    add("gcpsa", "vendor", json.dumps({"type": "external_account", "audience": "//iam.googleapis.com/projects/%d/locations/global/workloadIdentityPools/github/providers/gh" % R.randint(10 ** 11, 10 ** 12), "subject_token_type": "urn:ietf:params:oauth:token-type:jwt", "token_url": "https://sts.googleapis.com/v1/token", "credential_source": {"file": "/var/run/secrets/token"}}, indent=2), "workload identity federation config (no key)", "none")
    add("gcpsa", "vendor", json.dumps({"type": "service_account", "project_id": proj, "private_key_id": "<KEY_ID>", "private_key": "-----BEGIN PRIVATE KEY-----\\n<REDACTED>\\n-----END PRIVATE KEY-----\\n", "client_email": "<SA_NAME>@<PROJECT>.iam.gserviceaccount.com"}, indent=2), "redacted service-account template", "placeholder")
    add("gcpsa", "vendor", "$ gcloud iam service-accounts keys list --iam-account etl@%s.iam.gserviceaccount.com\nKEY_ID                                    CREATED_AT            EXPIRES_AT            DISABLED\n%s  2026-01-04T09:12:44Z  9999-12-31T23:59:59Z\n%s  2025-06-11T14:02:10Z  2026-06-11T14:02:10Z" % (proj, V.s(40, HEXD), V.s(40, HEXD)), "key ids only", "hashes")


# ------------------------------------------------------------------ LaTeX and RTF
def doc_cases():
    name = V.name()
    add("doc", "sensitive", "\\documentclass{letter}\n\\signature{Dr.~A.~Mensah}\n\\begin{document}\n\\begin{letter}{Human Resources}\n\\opening{To whom it may concern,}\nI confirm that my patient %s (born %s) is under my care for \\emph{major depressive disorder} and is unfit for work until %s.\n\\closing{Sincerely,}\n\\end{letter}\n\\end{document}" % (name, V.date("us"), V.date("us").replace("19", "20", 1)), "LaTeX sick note about a named patient", "health_record")
    add("doc", "sensitive", "\\documentclass[11pt]{article}\n\\usepackage{fancyhdr}\n\\pagestyle{fancy}\n\\fancyhead[L]{\\textbf{Globex Confidential}}\n\\title{Q3 pricing model}\n\\begin{document}\\maketitle\nMargins by region follow.\n\\end{document}", "LaTeX with a Globex marker in the header", "confidential_marker")
    add("doc", "sensitive", "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Calibri;}}\\f0\\fs22{\\b Project Kestrel}: launch readiness\\par Beta users: 240\\par Ship date moved to week 14.\\par}", "RTF with a codename", "codename")
    add("doc", "sensitive", "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20 EMPLOYEE ENROLLMENT\\par Name:\\tab %s\\par Social Security Number:\\tab %s\\par Plan:\\tab PPO\\par}" % (V.name(), V.ssn()), "RTF form with an SSN", "us_ssn")
    add("doc", "sensitive", "{\\rtf1\\ansi{\\fonttbl{\\f0 Times;}}\\f0 Kontoverbindung f\\u252?r die Gehaltszahlung von %s:\\par IBAN:\\tab %s\\par}" % (R.choice(["Jürgen Becker", "Anja Köhler", "Stefan Vogel"]), V.iban(grouped=True)), "RTF with a personal IBAN", "iban")
    add("doc", "sensitive", "\\begin{tabular}{ll}\nHost & Role \\\\\n\\hline\n\\texttt{db01.corp.globex.internal} & primary \\\\\n\\texttt{db02.corp.globex.internal} & replica \\\\\n\\end{tabular}", "LaTeX table of internal hosts", "internal_host")
    add("doc", "vendor", "\\documentclass{article}\n\\begin{document}\n\\begin{abstract}\nWe study confidential computing enclaves and their side channels; all data used is public.\n\\end{abstract}\n\\section{Introduction}\nTrusted execution environments \\cite{costan2016} ...\n\\end{document}", "LaTeX paper (ordinary 'confidential')", "ordinary_confidential")
    add("doc", "vendor", "\\begin{frame}{Field notes}\nThe American kestrel (\\emph{Falco sparverius}) hovers before diving on prey.\n\\end{frame}", "LaTeX slide about the bird", "homonym")
    add("doc", "vendor", "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Calibri;}}\\f0\\fs24{\\b Press release}\\par Globex opens a new office in Lisbon, creating 120 jobs.\\par Media contact: press@example.com\\par}", "RTF press release", "none")
    add("doc", "vendor", "\\bibitem{knuth} D.~E.~Knuth, \\emph{The Art of Computer Programming}, vol.~1, 3rd ed. Addison-Wesley, 1997. ISBN 978-0-201-89683-1.", "bibliography with an ISBN", "none")
    add("doc", "vendor", "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20 EMPLOYEE ENROLLMENT\\par Name:\\tab ____________\\par Social Security Number:\\tab ___-__-____\\par}", "blank RTF form", "placeholder")


# ------------------------------------------------------------------ voice-assistant transcripts
WORDS = {"en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
         "es": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]}


def say(digits, lang="en", group=4):
    d = [c for c in digits if c.isdigit()]
    words = [WORDS[lang][int(c)] for c in d]
    return ", ".join(" ".join(words[i:i + group]) for i in range(0, len(words), group))


def voice_cases():
    add("voice", "sensitive", "[transcript] user: Hey Google, pay my credit card bill. The card number is %s, expiry oh four twenty eight.\nassistant: Sorry, I can't help with payments yet." % say(V.card_digits()), "card dictated to a voice assistant", "credit_card")
    add("voice", "sensitive", "Alexa, send a message to Mom: my social is %s, she needs it for the insurance form." % say(V.ssn(sep=""), group=3), "SSN dictated", "us_ssn")
    add("voice", "sensitive", "Siri, add a note: %s's biopsy came back, it is stage three lymphoma, first chemo on Monday." % V.name().split()[0], "named person's diagnosis in a voice note", "health_record")
    area = str(R.randint(201, 989))
    add("voice", "sensitive", "Voice memo transcript: Hi, this is %s, please call me back at %s, %s, %s. Thanks." % (V.name(), say(area, group=3), say(V.s(3, DIGITS), group=3), say(V.s(4, DIGITS))), "callback number dictated", "phone")
    add("voice", "sensitive", "Oye Siri, guarda esta nota: la tarjeta de %s es %s." % (person("mx"), say(V.card_digits(), "es")), "es card dictated", "credit_card")
    add("voice", "sensitive", "Hey Google, remember that my work password is %s." % V.password(), "password told to an assistant", "password")
    add("voice", "vendor", "Alexa, set a timer for twelve minutes.\nAlexa: Twelve minutes, starting now.", "timer", "none")
    add("voice", "vendor", "Hey Google, what are the early symptoms of lymphoma?\nGoogle: According to the NHS website, symptoms include painless swelling in a lymph node...", "medical question", "medical_question")
    add("voice", "vendor", "Alexa, reorder paper towels.\nAlexa: Your order number one one four, two eight three, seven seven six has been placed.", "order number read out", "order_number")
    add("voice", "vendor", "Siri, call the pharmacy.\nSiri: Calling Boots Pharmacy, mobile.", "call a business by name", "none")
    add("voice", "vendor", "Hey Google, what is four thousand five hundred thirty nine times twelve?\nGoogle: It is fifty four thousand four hundred sixty eight.", "arithmetic in words", "none")
    add("voice", "vendor", "Alexa, what's my password?\nAlexa: I can't share passwords. You can manage them in the Alexa app.", "password mentioned without a value", "none")


# ------------------------------------------------------------------ customer-support chat widget
def widget(lines):
    out = []
    t = R.randint(8, 18) * 60 + R.randint(0, 50)
    for who, text in lines:
        t += R.randint(0, 2)
        out.append("[%02d:%02d] %s: %s" % (t // 60, t % 60, who, text))
    return "Chat transcript (Intercom)\n" + "\n".join(out)


def widget_cases():
    name = V.name()
    add("widget", "sensitive", widget([("Visitor", "hi, my order hasn't arrived"), ("Bot", "I can help! What's the e-mail on the order?"), ("Visitor", V.email(name))]), "customer's e-mail in a widget", "email")
    add("widget", "sensitive", widget([("Customer", "the checkout keeps failing, can you charge it manually?"), ("Customer", "%s exp %02d/%d cvc %d" % (V.card(), R.randint(1, 12), R.randint(27, 31), R.randint(100, 999))), ("Agent", "Please don't share card details here, I've removed the message.")]), "card number in a widget", "credit_card")
    add("widget", "sensitive", widget([("Customer", "can someone call me about the refund?"), ("Agent", "Sure, what number?"), ("Customer", V.phone_eu("uk", international=False))]), "phone in a widget", "phone")
    add("widget", "sensitive", widget([("Customer", "I can't log in. username jdoe%d, password %s" % (R.randint(1, 99), V.password())), ("Agent", "I've sent a reset link to the address on file.")]), "password in a widget", "password")
    add("widget", "sensitive", widget([("Customer", "I need to cancel the subscription."), ("Customer", "my husband %s was diagnosed with ALS last week and we need to cut costs"), ("Agent", "I'm very sorry. I've cancelled it with a full refund.")]) % V.name().split()[0], "named person's diagnosis in a widget", "health_record")
    add("widget", "sensitive", widget([("Kunde", "Bitte erstatten Sie den Betrag auf mein Konto: %s" % V.iban_cc("NL")), ("Agent", "Danke, wir überweisen innerhalb von 5 Tagen.")]), "IBAN in a widget (de)", "iban")
    add("widget", "vendor", widget([("Customer", "was I charged twice? card ending in %s" % V.s(4, DIGITS)), ("Agent", "Only once: order #A-%d, the second line is a pending authorization." % R.randint(10000, 99999))]), "last four digits and an order number", "order_number")
    add("widget", "vendor", widget([("Bot", "Hi 👋 How can we help?"), ("Visitor", "do you ship to Portugal?"), ("Bot", "Yes, in 3-5 working days.")]), "shipping question", "none")
    add("widget", "vendor", widget([("Agent", "For your security, never share your full card number or password in chat."), ("Customer", "ok thanks")]), "security reminder", "none")
    add("widget", "vendor", widget([("Customer", "where do I send the return?"), ("Agent", "Please e-mail returns@example.com with your order number.")]), "example.com address", "example_email")
    add("widget", "vendor", widget([("Customer", "tracking says 1Z%s but nothing moved" % V.s(16, string.ascii_uppercase + DIGITS)), ("Agent", "UPS shows it at the depot, delivery tomorrow.")]), "UPS tracking number", "order_number")


# ------------------------------------------------------------------ Excel CSV (BOM, semicolons)
BOM = "\ufeff"


def csv_cases():
    rows = ["Name;IBAN;Betrag"] + ["%s, %s;%s;%d,%02d" % (R.choice(["Becker", "Wagner", "Vogel"]), R.choice(["Jonas", "Lea", "Paul"]), V.iban(), R.randint(1000, 5000), R.randint(0, 99)) for _ in range(3)]
    add("csv", "sensitive", BOM + "\r\n".join(rows) + "\r\n", "Excel CSV of salary transfers", "iban")
    rows = ["Nom;Prénom;Téléphone;Email"]
    for _ in range(3):
        f, l = R.choice(["Camille", "Julien", "Léa"]), R.choice(["Girard", "Bonnet", "Mercier"])
        rows.append("%s;%s;%s;%s" % (l, f, V.phone_eu("fr", international=False), V.email(f + " " + l)))
    add("csv", "sensitive", BOM + "\r\n".join(rows) + "\r\n", "Excel CSV of customer contacts (fr)", "phone")
    rows = ["Nome;CPF;Cargo"] + ["%s;%s;%s" % (person("pt"), V.br_cpf(), R.choice(["Analista", "Gerente", "Assistente"])) for _ in range(3)]
    add("csv", "sensitive", BOM + "\r\n".join(rows) + "\r\n", "Excel CSV of employees with CPF", "national_id")
    rows = ["Nombre;CURP;Salario"] + ["%s;%s;%d" % (person("mx"), V.mx_curp(), R.randint(9000, 60000)) for _ in range(3)]
    add("csv", "sensitive", BOM + "\r\n".join(rows) + "\r\n", "Excel CSV of employees with CURP", "national_id")
    rows = ["Kunde;Kartennummer;Gültig bis"] + ["%s;%s;%02d/%d" % (V.name(), V.card(sep=""), R.randint(1, 12), R.randint(27, 31)) for _ in range(2)]
    add("csv", "sensitive", BOM + "\r\n".join(rows) + "\r\n", "Excel CSV with card numbers", "credit_card")
    rows = ["Artikelnummer;Bezeichnung;EAN;Preis"] + ["%d;%s;%s;%d,%02d" % (R.randint(10000, 99999), R.choice(["Schreibtischlampe", "Bürostuhl", "Monitorarm"]), V.ean13(), R.randint(10, 300), R.randint(0, 99)) for _ in range(3)]
    add("csv", "vendor", BOM + "\r\n".join(rows) + "\r\n", "product list with EANs", "ean")
    rows = ["CNPJ;Razão social;Cidade"] + ["%s;%s;%s" % (V.br_cnpj(), R.choice(["Alfa Ltda", "Beta S.A.", "Gama ME"]), R.choice(["São Paulo", "Curitiba", "Recife"])) for _ in range(3)]
    add("csv", "vendor", BOM + "\r\n".join(rows) + "\r\n", "supplier list with CNPJs", "company_id")
    rows = ["Monat;Umsatz;Kosten;Marge"] + ["%s;%d.%03d,00;%d.%03d,00;%d,%d %%" % (m, R.randint(100, 900), R.randint(0, 999), R.randint(50, 90), R.randint(0, 999), R.randint(5, 30), R.randint(0, 9)) for m in ["Jan", "Feb", "Mär"]]
    add("csv", "vendor", BOM + "\r\n".join(rows) + "\r\n", "monthly figures", "none")
    rows = ["Order;Date;Total;Status"] + ["%d;%s;%d.%02d;shipped" % (R.randint(10 ** 7, 10 ** 8), "2026-%02d-%02d" % (R.randint(1, 12), R.randint(1, 28)), R.randint(10, 900), R.randint(0, 99)) for _ in range(4)]
    add("csv", "vendor", BOM + "\r\n".join(rows) + "\r\n", "order export", "order_number")
    rows = ["RFC;Razón social;Régimen"] + ["%s;%s;601" % (V.mx_rfc_company(), R.choice(["Servicios del Norte SA de CV", "Grupo Alfa SAB", "Logística Azteca SA"])) for _ in range(3)]
    add("csv", "vendor", BOM + "\r\n".join(rows) + "\r\n", "supplier list with company RFCs", "company_id")


lang_cases()
health_messages()
http_cases()
connstr_cases()
javaconf_cases()
crash_cases()
console_cases()
tfstate_cases()
gcp_cases()
doc_cases()
voice_cases()
widget_cases()
csv_cases()

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "holdout9.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = sum(1 for r in ROWS if r["label"] == "sensitive")
    print("%d cases, %d sensitive, %d vendor" % (len(ROWS), s, len(ROWS) - s))
