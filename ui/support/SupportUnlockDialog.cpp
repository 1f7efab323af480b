#include "support/SupportUnlockDialog.h"

#include "client/UnlockSession.h"

#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {
constexpr int kMaxReason = 500; // the keyserver's limits
constexpr int kMaxTicket = 100;
} // namespace

SupportUnlockDialog::SupportUnlockDialog(client::UnlockSession &session, client::ApiClient &staff, const QUuid &account,
                                         const QString &customer, QWidget *parent)
    : RequestDialog(parent), m_session(session), m_staff(staff), m_account(account)
{
    setObjectName(u"supportUnlockDialog"_s);
    setWindowTitle(tr("Unlock for support"));
    auto *layout = new QVBoxLayout(this);
    auto *help = new QLabel(tr("Unlock %1's vault to read its entries. %1 is e-mailed at once with your name, the "
                               "reason and the ticket, and the unlock is on the audit trail.")
                                .arg(customer),
                            this);
    help->setTextFormat(Qt::PlainText);
    help->setWordWrap(true);
    layout->addWidget(help);
    auto *form = new QFormLayout;
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(u"reason"_s);
    m_reason->setPlaceholderText(tr("What the customer asked for, in their words"));
    m_reason->setTabChangesFocus(true);
    m_reason->setFixedHeight(m_reason->fontMetrics().lineSpacing() * 4 + 12);
    form->addRow(tr("&Reason:"), m_reason);
    m_ticket = new QLineEdit(this);
    m_ticket->setObjectName(u"ticket"_s);
    m_ticket->setMaxLength(kMaxTicket);
    m_ticket->setPlaceholderText(tr("The support ticket, like T-4711"));
    form->addRow(tr("&Ticket:"), m_ticket);
    layout->addLayout(form);
    addMessageAndButtons(layout, tr("Unlock"));
    setHoldOpenWhileWorking(true); // the customer is mailed either way
    connect(m_reason, &QPlainTextEdit::textChanged, this, &SupportUnlockDialog::updateOk);
    connect(m_ticket, &QLineEdit::textChanged, this, &SupportUnlockDialog::updateOk);
    updateOk();
}

void SupportUnlockDialog::updateOk()
{
    const QString reason = m_reason->toPlainText().trimmed();
    okButton()->setEnabled(!reason.isEmpty() && reason.size() <= kMaxReason && !m_ticket->text().trimmed().isEmpty());
    if (reason.size() > kMaxReason)
        showMessage(tr("The reason is at most %1 characters.").arg(kMaxReason));
}

void SupportUnlockDialog::submit()
{
    setWorking(true, tr("Unlocking and telling the customer…"));
    m_session.openForStaff(
        m_staff, m_account, m_reason->toPlainText(), m_ticket->text(),
        [this](Result<void, ApiError> r) {
            setWorking(false);
            if (r) {
                hideMessage();
                accept();
                return;
            }
            const ApiError &e = r.error();
            if (e.code == u"mail_failed"_s)
                showMessage(
                    tr("The customer could not be told by e-mail, so the vault stays locked. Try again later."));
            else
                showMessage(e.httpStatus == 0 ? client::describe(e, tr("keyserver")) : e.message);
            updateOk();
        },
        this);
}

} // namespace credvault::ui
