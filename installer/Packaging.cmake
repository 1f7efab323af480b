# CPack: one .deb, .rpm and .tar.gz per component (installer/CMakeLists.txt says which
# files each holds). Run through `bash scripts/package.sh`.

set(CPACK_PACKAGE_NAME credvault)
set(CPACK_PACKAGE_VENDOR "The CredVault team")
set(CPACK_PACKAGE_CONTACT "The CredVault team <team@credvault.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
# Empty: each package has its own synopsis, the first line of its description (a set
# summary would be put in front of every one).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_GENERATOR DEB RPM TGZ)
set(CPACK_COMPONENTS_ALL customer support server)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_RPM_COMPONENT_INSTALL ON)
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_THREADS 0)

set(credvault_summary_customer "customer app of CredVault, a sealed server-credential vault")
set(credvault_summary_support "support app of CredVault, a sealed server-credential vault")
set(credvault_summary_server "servers of CredVault, a sealed server-credential vault")
set(credvault_text_customer
    "CredVault keeps the logins of a hosting customer's servers for the hosting\ncompany's support team. Every entry is sealed on the desktop (RFC 9180 HPKE,\nX25519) with the account's public key before it leaves it. Nobody, the\nservers included, reads an entry until the vault is unlocked with a code\ne-mailed to the customer, or by a named support engineer for a ticket.\n\nThis package holds credvault, the customer's desktop app.")
set(credvault_text_support
    "CredVault keeps the logins of a hosting customer's servers for the hosting\ncompany's support team. Entries are sealed on the customer's desktop.\n\nThis package holds credvault-support, the support team's desktop app: staff\ncertificates, customer search, audited unlocks with reason and ticket, the\naccount's audit.")
set(credvault_text_server
    "CredVault keeps the logins of a hosting customer's servers for the hosting\ncompany's support team. Entries are sealed on the customer's desktop.\n\nThis package holds the vault server (accounts, sign-in, sealed entries), the\nkeyserver (account keys, e-mailed unlock codes, unlock sessions) and\ncredvault-cli (PKI, keys, databases, users), with systemd units that start\nnothing until /etc/credvault is configured.")

# --- Debian
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_CUSTOMER_PACKAGE_NAME credvault)
set(CPACK_DEBIAN_SUPPORT_PACKAGE_NAME credvault-support)
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME credvault-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# Beside shlibdeps: what Qt loads at run time. The platform plugins: xcb and offscreen are
# in libqt6gui6 (a shlibdep), the others in qt6-qpa-plugins. The OpenSSL TLS backend is a
# plugin inside libqt6network6 and links libssl3 (both shlibdeps already). And a Secret
# Service for the keychain, recommended.
foreach(app CUSTOMER SUPPORT)
    set(CPACK_DEBIAN_${app}_PACKAGE_DEPENDS "qt6-qpa-plugins")
    # Qt's own strings (standard buttons) in the user's language, and a Secret Service.
    set(CPACK_DEBIAN_${app}_PACKAGE_RECOMMENDS "qt6-translations-l10n, gnome-keyring | kwalletmanager | keepassxc")
    set(CPACK_DEBIAN_${app}_PACKAGE_SECTION utils)
endforeach()
# SQLCipher 4.6.1 is what the code is built and tested against (bookworm-backports);
# shlibdeps alone would accept an older one.
# procps: the units' ExecReload runs /bin/kill.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, procps, libsqlcipher1 (>= 4.6.1)")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "sqlcipher")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_SOURCE_DIR}/debian/postinst ${CMAKE_CURRENT_SOURCE_DIR}/debian/prerm
    ${CMAKE_CURRENT_SOURCE_DIR}/debian/postrm)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# --- RPM (Fedora's names for the run-time pieces; shared libraries by rpmbuild)
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "LicenseRef-proprietary")
set(CPACK_RPM_PACKAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_RPM_PACKAGE_AUTOREQPROV ON)
set(CPACK_RPM_CUSTOMER_PACKAGE_NAME credvault)
set(CPACK_RPM_SUPPORT_PACKAGE_NAME credvault-support)
set(CPACK_RPM_SERVER_PACKAGE_NAME credvault-server)
foreach(app CUSTOMER SUPPORT)
    set(CPACK_RPM_${app}_PACKAGE_REQUIRES "qt6-qtbase-gui, openssl-libs")
    set(CPACK_RPM_${app}_PACKAGE_GROUP "Applications/System")
    set(CPACK_RPM_${app}_PACKAGE_SUGGESTS "qt6-qttranslations")
endforeach()
set(CPACK_RPM_SERVER_PACKAGE_GROUP "System Environment/Daemons")
set(CPACK_RPM_SERVER_PACKAGE_REQUIRES "procps-ng")
set(CPACK_RPM_SERVER_PACKAGE_REQUIRES_PRE "shadow-utils")
set(CPACK_RPM_SERVER_PACKAGE_REQUIRES_POST "systemd")
set(CPACK_RPM_SERVER_PACKAGE_REQUIRES_PREUN "systemd")
set(CPACK_RPM_SERVER_PACKAGE_REQUIRES_POSTUN "systemd")
set(CPACK_RPM_SERVER_PRE_INSTALL_SCRIPT_FILE ${CMAKE_CURRENT_SOURCE_DIR}/rpm/server-pre.sh)
set(CPACK_RPM_SERVER_POST_INSTALL_SCRIPT_FILE ${CMAKE_CURRENT_SOURCE_DIR}/rpm/server-post.sh)
set(CPACK_RPM_SERVER_PRE_UNINSTALL_SCRIPT_FILE ${CMAKE_CURRENT_SOURCE_DIR}/rpm/server-preun.sh)
set(CPACK_RPM_SERVER_POST_UNINSTALL_SCRIPT_FILE ${CMAKE_CURRENT_SOURCE_DIR}/rpm/server-postun.sh)
# Folders other packages own.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/lib/systemd /usr/lib/systemd/system /usr/share/applications /usr/share/icons
    /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable /usr/share/icons/hicolor/scalable/apps
    /usr/share/metainfo /usr/share/man /usr/share/man/man1 /usr/share/man/man8 /usr/share/doc)

# --- archives: credvault-VERSION-linux-ARCH-PACKAGE.tar.gz, laid out as under /usr
set(CPACK_ARCHIVE_CUSTOMER_FILE_NAME credvault-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR})
set(CPACK_ARCHIVE_SUPPORT_FILE_NAME credvault-support-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR})
set(CPACK_ARCHIVE_SERVER_FILE_NAME credvault-server-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR})

foreach(c customer support server)
    string(TOUPPER ${c} C)
    set(CPACK_DEBIAN_${C}_DESCRIPTION "${credvault_summary_${c}}\n${credvault_text_${c}}")
    set(CPACK_RPM_${C}_PACKAGE_SUMMARY "${credvault_summary_${c}}")
    set(CPACK_RPM_${C}_PACKAGE_DESCRIPTION "${credvault_text_${c}}")
endforeach()

include(CPack)

foreach(c customer support server)
    string(TOUPPER ${c} C)
    cpack_add_component(${c} DISPLAY_NAME ${CPACK_DEBIAN_${C}_PACKAGE_NAME} DESCRIPTION "${credvault_summary_${c}}")
endforeach()
