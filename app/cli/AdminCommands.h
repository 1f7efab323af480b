#pragma once

// credvault-cli admin …: customer accounts and staff in the vault server's database
// (DESIGN.md §2), driven by the vault server's own configuration file. The server may
// keep running (SQLCipher in WAL mode; each change is one transaction with its audit row).

#include <QtCore/QStringList>

namespace credvault::cli {

int adminAddCustomerCommand(const QStringList &args);
int adminAddStaffCommand(const QStringList &args);
int adminListCommand(const QStringList &args);
int adminDisableCommand(const QStringList &args);
int adminEnableCommand(const QStringList &args);
int adminResetPasswordCommand(const QStringList &args);
int adminEnrolTotpCommand(const QStringList &args);
int adminDeleteAccountCommand(const QStringList &args);

} // namespace credvault::cli
