#pragma once

// UnlockDialog: typing the unlock code the keyserver e-mailed. It says the format, takes
// the code the way people type it (any case, spaces, O for 0), redeems it through the
// UnlockSession and says what went wrong: tries left, how long a block lasts, an expired
// code, no live code. The dialog stays responsive while the keyserver answers.

#include "widgets/RequestDialog.h"

#include <QtCore/QUuid>

class QLineEdit;

namespace credvault {
struct ApiError;
}

namespace credvault::client {
class UnlockSession;
}

namespace credvault::ui {

class UnlockDialog : public RequestDialog {
    Q_OBJECT
public:
    UnlockDialog(client::UnlockSession &session, const QUuid &account, const QString &sentTo,
                 QWidget *parent = nullptr);
    static QString explain(const ApiError &error);

private:
    void submit() override;

    client::UnlockSession &m_session;
    QUuid m_account;
    QLineEdit *m_code = nullptr;
};

} // namespace credvault::ui
