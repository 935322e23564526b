#include "test_certs.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace switchyard::testing {
namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test_certs: OpenSSL failed: ") + what);
}

PkeyPtr make_key() {
  // P-256 keys: generation takes microseconds, unlike RSA.
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  check(key != nullptr, "EVP_PKEY_Q_keygen");
  return key;
}

void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  check(ext != nullptr, "X509V3_EXT_conf_nid");
  check(X509_add_ext(cert, ext, -1) == 1, "X509_add_ext");
  X509_EXTENSION_free(ext);
}

// issuer/issuer_key null: self-signed (a CA). san empty: a CA certificate.
X509Ptr make_cert(const std::string& common_name, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key,
                  const std::string& san, long serial) {
  X509Ptr cert(X509_new());
  check(cert != nullptr, "X509_new");
  X509* c = cert.get();
  check(X509_set_version(c, 2) == 1, "X509_set_version");
  ASN1_INTEGER_set(X509_get_serialNumber(c), serial);
  X509_gmtime_adj(X509_getm_notBefore(c), -3600);
  X509_gmtime_adj(X509_getm_notAfter(c), 7L * 24 * 3600);
  check(X509_set_pubkey(c, key) == 1, "X509_set_pubkey");
  X509_NAME* name = X509_get_subject_name(c);
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("Switchyard tests"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  const bool is_ca = issuer == nullptr;
  X509* signer = is_ca ? c : issuer;
  EVP_PKEY* signer_key = is_ca ? key : issuer_key;
  check(X509_set_issuer_name(c, X509_get_subject_name(signer)) == 1, "X509_set_issuer_name");
  add_extension(c, signer, NID_subject_key_identifier, "hash");
  if (is_ca) {
    add_extension(c, signer, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(c, signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_extension(c, signer, NID_authority_key_identifier, "keyid:always");
    add_extension(c, signer, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(c, signer, NID_key_usage, "critical,digitalSignature");
    add_extension(c, signer, NID_ext_key_usage, "serverAuth");
    add_extension(c, signer, NID_subject_alt_name, san.c_str());
  }
  check(X509_sign(c, signer_key, EVP_sha256()) > 0, "X509_sign");
  return cert;
}

void write_cert(const std::string& path, X509* cert) {
  FILE* f = std::fopen(path.c_str(), "w");
  check(f != nullptr, "fopen cert");
  const int ok = PEM_write_X509(f, cert);
  std::fclose(f);
  check(ok == 1, "PEM_write_X509");
}

void write_key(const std::string& path, EVP_PKEY* key) {
  FILE* f = std::fopen(path.c_str(), "w");
  check(f != nullptr, "fopen key");
  const int ok = PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(f);
  check(ok == 1, "PEM_write_PrivateKey");
}

// Owns the directory so it disappears with the process's static objects.
struct CertsHolder {
  TestCerts certs;
  CertsHolder() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "switchyard-certs-XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    check(mkdtemp(buf.data()) != nullptr, "mkdtemp");
    certs.dir = buf.data();
    const auto path = [&](const char* file) { return certs.dir + "/" + file; };

    const std::string kLocalSan = "DNS:localhost,IP:127.0.0.1";
    PkeyPtr ca_key = make_key();
    X509Ptr ca = make_cert("Switchyard Test CA", ca_key.get(), nullptr, nullptr, "", 1);
    PkeyPtr server_key = make_key();
    X509Ptr server = make_cert("localhost", server_key.get(), ca.get(), ca_key.get(), kLocalSan, 2);
    PkeyPtr wrong_key = make_key();
    X509Ptr wrong =
        make_cert("wrong.example", wrong_key.get(), ca.get(), ca_key.get(), "DNS:wrong.example", 3);
    PkeyPtr rogue_ca_key = make_key();
    X509Ptr rogue_ca = make_cert("Untrusted Test CA", rogue_ca_key.get(), nullptr, nullptr, "", 4);
    PkeyPtr rogue_key = make_key();
    X509Ptr rogue =
        make_cert("localhost", rogue_key.get(), rogue_ca.get(), rogue_ca_key.get(), kLocalSan, 5);

    certs.ca_file = path("ca.pem");
    certs.server_cert_file = path("server.pem");
    certs.server_key_file = path("server.key");
    certs.wrong_host_cert_file = path("wrong-host.pem");
    certs.wrong_host_key_file = path("wrong-host.key");
    certs.untrusted_ca_file = path("untrusted-ca.pem");
    certs.untrusted_server_cert_file = path("untrusted-server.pem");
    certs.untrusted_server_key_file = path("untrusted-server.key");
    write_cert(certs.ca_file, ca.get());
    write_cert(certs.server_cert_file, server.get());
    write_key(certs.server_key_file, server_key.get());
    write_cert(certs.wrong_host_cert_file, wrong.get());
    write_key(certs.wrong_host_key_file, wrong_key.get());
    write_cert(certs.untrusted_ca_file, rogue_ca.get());
    write_cert(certs.untrusted_server_cert_file, rogue.get());
    write_key(certs.untrusted_server_key_file, rogue_key.get());
  }
  ~CertsHolder() {
    std::error_code ec;
    std::filesystem::remove_all(certs.dir, ec);
  }
  CertsHolder(const CertsHolder&) = delete;
  CertsHolder& operator=(const CertsHolder&) = delete;
};

}  // namespace

const TestCerts& test_certs() {
  static CertsHolder holder;
  return holder.certs;
}

}  // namespace switchyard::testing
