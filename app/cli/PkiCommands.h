#pragma once

// credvault-cli pki init / issue / revoke / crl / renew: the deployment PKI.

#include <QtCore/QStringList>

namespace credvault::cli {

int pkiInitCommand(const QStringList &args);
int pkiIssueCommand(const QStringList &args);
int pkiRevokeCommand(const QStringList &args);
int pkiCrlCommand(const QStringList &args);
int pkiRenewCommand(const QStringList &args);

} // namespace credvault::cli
