// Test PKI generated at run time with the OpenSSL API (no CLI, no checked-in keys): a trusted test
// CA, server certificates for "localhost" + 127.0.0.1 signed by it, a certificate for the wrong
// host name, and a second CA nobody trusts. Written once per process as PEM files in a temp dir.
#pragma once

#include <string>

namespace switchyard::testing {

struct TestCerts {
  std::string dir;      // temp dir holding every file below; removed at process exit
  std::string ca_file;  // the test CA (PEM): pass as ca_file to trust the servers below
  std::string
      server_cert_file;  // CN=localhost, SAN DNS:localhost + IP:127.0.0.1, signed by ca_file
  std::string server_key_file;
  std::string wrong_host_cert_file;  // SAN DNS:wrong.example only, signed by ca_file
  std::string wrong_host_key_file;
  std::string untrusted_ca_file;           // a second CA that signs nothing the client trusts
  std::string untrusted_server_cert_file;  // localhost + 127.0.0.1, signed by untrusted_ca_file
  std::string untrusted_server_key_file;
};

// Generated on first use (thread-safe); throws std::runtime_error when OpenSSL fails.
const TestCerts& test_certs();

}  // namespace switchyard::testing
