#pragma once

// SupportUnlockDialog: "Unlock for support" — the reason and the ticket (both required)
// for a staff unlock of one customer's vault. The keyserver mails the customer a notice
// naming the engineer, the reason and the ticket before the session exists, and keeps
// them in the audit; the dialog says so before anything is sent.

#include "widgets/RequestDialog.h"

#include <QtCore/QUuid>

class QLineEdit;
class QPlainTextEdit;

namespace credvault::client {
class ApiClient;
class UnlockSession;
} // namespace credvault::client

namespace credvault::ui {

class SupportUnlockDialog : public RequestDialog {
    Q_OBJECT
public:
    SupportUnlockDialog(client::UnlockSession &session, client::ApiClient &staff, const QUuid &account,
                        const QString &customer, QWidget *parent = nullptr);

    /// While the unlock is on its way, Cancel and Esc do nothing: the keyserver opens the
    /// session and mails the customer either way, and only this answer can lock it again.
private:
    void submit() override;
    void updateOk();

    client::UnlockSession &m_session;
    client::ApiClient &m_staff;
    QUuid m_account;
    QPlainTextEdit *m_reason = nullptr;
    QLineEdit *m_ticket = nullptr;
};

} // namespace credvault::ui
