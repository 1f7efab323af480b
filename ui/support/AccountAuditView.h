#pragma once

// AccountAuditView: an account's audit in the support app — the keyserver's events (their
// signed head checked with the audit key of support.conf) and the vault server's, merged
// by time; filtered by source, by who acted, and by text; saved as CSV.

#include "client/AccountAudit.h"

#include <QtCore/QUuid>
#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace credvault::client {
class HeadPins;
class StaffApi;
class VaultApi;
} // namespace credvault::client

namespace credvault::ui {

class AccountAuditView : public QWidget {
    Q_OBJECT
public:
    /// `heads`: the keyserver audit heads this computer saw, per account (a shrunk or
    /// rewritten history is warned about, as the customer app does).
    AccountAuditView(const QUuid &account, client::VaultApi &vault, client::StaffApi &staff,
                     const AuditKeyPublic &auditKey, client::HeadPins &heads, QWidget *parent = nullptr);

    /// Asks both servers again.
    void reload();
    /// Writes what the filters show as CSV (0600); an error text, or empty.
    QString saveCsv(const QString &file) const;
    QTableView *table() const { return m_table; }
    /// The lines the filters let through, in the order shown.
    QList<client::AuditLine> shownLines() const;
    QString problem() const;

Q_SIGNALS:
    void loaded();

private:
    void answered();
    void applyFilters();
    void exportCsv();

    QUuid m_account;
    client::VaultApi &m_vault;
    client::StaffApi &m_staff;
    AuditKeyPublic m_auditKey;
    client::HeadPins &m_heads;
    quint64 m_round = 0;
    int m_pending = 0;
    QJsonObject m_keyserverAnswer;
    QJsonObject m_vaultAnswer;
    QStringList m_problems;
    QList<client::AuditLine> m_lines;

    QComboBox *m_source = nullptr;
    QComboBox *m_actor = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_problem = nullptr;
    QTableView *m_table = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
};

} // namespace credvault::ui
