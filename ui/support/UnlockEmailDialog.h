#pragma once

// UnlockEmailDialog: an admin changes where a customer's unlock codes go, or makes the
// vault write-only (no unlock address). How the customer was verified is required and
// kept in the keyserver's audit. The change is not immediate: the keyserver mails the
// old, the new and the notice address and applies it after its delay (24 h unless
// configured), until which it can be cancelled.

#include "widgets/RequestDialog.h"

#include <QtCore/QJsonObject>
#include <QtCore/QUuid>

class QLineEdit;
class QRadioButton;

namespace credvault::client {
class StaffApi;
}

namespace credvault::ui {

class UnlockEmailDialog : public RequestDialog {
    Q_OBJECT
public:
    UnlockEmailDialog(client::StaffApi &staff, const QUuid &account, const QString &customer,
                      const QString &currentEmail, QWidget *parent = nullptr);

    /// The keyserver's answer: {pending_change: {unlock_email, effective_at, requested_by}}.
    QJsonObject answer() const { return m_answer; }

private:
    void submit() override;
    void updateOk();

    client::StaffApi &m_staff;
    QUuid m_account;
    QRadioButton *m_toAddress = nullptr;
    QRadioButton *m_writeOnly = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_verification = nullptr;
    QJsonObject m_answer;
};

} // namespace credvault::ui
