# `make package`: a Debian package made by CPack from the release build (the binary the test
# suite ran). It installs the binary, the policy packs under share/switchyard, a config in
# /etc/switchyard, an environment file in /etc/default and a hardened systemd unit (sources in
# deploy/debian/; docs/deployment.md). Paths follow CMAKE_INSTALL_PREFIX, which the release preset
# sets to /usr: the config and the unit name the installed files by their full paths.
include(GNUInstallDirs)

set(SWITCHYARD_BINDIR ${CMAKE_INSTALL_FULL_BINDIR})
set(SWITCHYARD_DATADIR ${CMAKE_INSTALL_FULL_DATADIR}/switchyard)
set(SWITCHYARD_DOCDIR ${CMAKE_INSTALL_FULL_DOCDIR})
set(SWITCHYARD_SYSCONFDIR ${CMAKE_INSTALL_FULL_SYSCONFDIR}/switchyard)
set(SWITCHYARD_ENVFILE ${CMAKE_INSTALL_FULL_SYSCONFDIR}/default/switchyard)
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(SWITCHYARD_UNITDIR /lib/systemd/system)  # Debian 12's place for packaged units
else()
  set(SWITCHYARD_UNITDIR ${CMAKE_INSTALL_PREFIX}/lib/systemd/system)
endif()

set(packaging ${PROJECT_BINARY_DIR}/packaging)
configure_file(deploy/debian/switchyard.service.in ${packaging}/switchyard.service @ONLY)
configure_file(deploy/debian/switchyard.yaml.in ${packaging}/switchyard.yaml @ONLY)
file(WRITE ${packaging}/conffiles "${SWITCHYARD_SYSCONFDIR}/switchyard.yaml\n${SWITCHYARD_ENVFILE}\n")

install(TARGETS switchyard RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY policies/packs policies/examples
        DESTINATION ${CMAKE_INSTALL_DATADIR}/switchyard/policies FILES_MATCHING PATTERN "*.yaml")
install(FILES ${packaging}/switchyard.yaml DESTINATION ${SWITCHYARD_SYSCONFDIR})
# Holds the audit key and vendor keys: root only (systemd reads it before dropping privileges).
install(FILES deploy/debian/default.env DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/default
        RENAME switchyard PERMISSIONS OWNER_READ OWNER_WRITE)
install(FILES ${packaging}/switchyard.service DESTINATION ${SWITCHYARD_UNITDIR})
install(FILES README.md docs/deployment.md docs/operations.md docs/configuration.md
              docs/policy-language.md docs/audit.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME switchyard)
set(CPACK_PACKAGE_VENDOR "Switchyard")
set(CPACK_PACKAGE_CONTACT "Switchyard maintainers <maintainers@switchyard.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "policy-routing reverse proxy for LLM traffic")
set(CPACK_PACKAGE_DESCRIPTION
    "Switchyard sits between applications and LLM providers (OpenAI and Anthropic APIs). It\n"
    "classifies every request with the organization's YAML policy, sends sensitive content to an\n"
    "internal model and the rest to the vendor (or blocks or redacts it), and writes a\n"
    "tamper-evident audit record before any byte leaves.")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # switchyard_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # the shared libraries, from dpkg-shlibdeps
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, procps")  # procps: the unit's /bin/kill
# OCR of attachments needs language data, which no shared library pulls in; without it images are
# unread and take the policy's uninspected handling (docs/attachments.md).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "tesseract-ocr-eng")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/deploy/debian/postinst
    ${PROJECT_SOURCE_DIR}/deploy/debian/prerm ${PROJECT_SOURCE_DIR}/deploy/debian/postrm
    ${packaging}/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_OUTPUT_FILE_PREFIX ${PROJECT_BINARY_DIR}/package)
include(CPack)
