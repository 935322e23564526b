// The fakes live with the integration tests; unit_proxy globs only this folder, so the upstream
// client's unit tests compile them in through this file.
#include "integration/support/fake_upstream.cpp"  // NOLINT(bugprone-suspicious-include)
#include "integration/support/test_certs.cpp"     // NOLINT(bugprone-suspicious-include)
