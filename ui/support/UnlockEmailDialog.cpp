#include "support/UnlockEmailDialog.h"

#include "client/StaffApi.h"

#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

UnlockEmailDialog::UnlockEmailDialog(client::StaffApi &staff, const QUuid &account, const QString &customer,
                                     const QString &currentEmail, QWidget *parent)
    : RequestDialog(parent), m_staff(staff), m_account(account)
{
    setObjectName(u"unlockEmailDialog"_s);
    setWindowTitle(tr("Change the unlock address"));
    auto *layout = new QVBoxLayout(this);
    auto *help = new QLabel(
        tr("Where %1's unlock codes go. The old, the new and the notice address are told at once; the change takes "
           "effect after the keyserver's delay and can be cancelled until then.")
            .arg(customer),
        this);
    help->setTextFormat(Qt::PlainText);
    help->setWordWrap(true);
    layout->addWidget(help);
    m_toAddress = new QRadioButton(tr("Send unlock codes to:"), this);
    m_toAddress->setObjectName(u"toAddress"_s);
    m_toAddress->setChecked(true);
    m_email = new QLineEdit(currentEmail, this);
    m_email->setObjectName(u"email"_s);
    m_email->setMaxLength(254);
    m_writeOnly =
        new QRadioButton(tr("No unlock address: the vault becomes write-only (only support can unlock it)"), this);
    m_writeOnly->setObjectName(u"writeOnly"_s);
    layout->addWidget(m_toAddress);
    layout->addWidget(m_email);
    layout->addWidget(m_writeOnly);
    auto *form = new QFormLayout;
    m_verification = new QLineEdit(this);
    m_verification->setObjectName(u"verification"_s);
    m_verification->setMaxLength(500);
    m_verification->setPlaceholderText(tr("e.g. called back on the number on file, ticket T-4711"));
    form->addRow(tr("How the customer was &verified:"), m_verification);
    layout->addLayout(form);
    addMessageAndButtons(layout, tr("Request the change"));
    connect(m_toAddress, &QRadioButton::toggled, this, &UnlockEmailDialog::updateOk);
    connect(m_email, &QLineEdit::textChanged, this, &UnlockEmailDialog::updateOk);
    connect(m_verification, &QLineEdit::textChanged, this, &UnlockEmailDialog::updateOk);
    updateOk();
}

void UnlockEmailDialog::updateOk()
{
    m_email->setEnabled(m_toAddress->isChecked());
    const bool addressOk = !m_toAddress->isChecked() || m_email->text().trimmed().contains(u'@');
    okButton()->setEnabled(addressOk && !m_verification->text().trimmed().isEmpty());
}

void UnlockEmailDialog::submit()
{
    setWorking(true, tr("Asking the keyserver…"));
    const std::optional<QString> email =
        m_toAddress->isChecked() ? std::optional(m_email->text().trimmed()) : std::nullopt;
    m_staff.changeUnlockEmail(
        m_account, email, m_verification->text(),
        [this](client::ApiResult r) {
            setWorking(false);
            if (!r) {
                const ApiError &e = r.error();
                showMessage(e.code == u"admin_only"_s ? tr("Only an admin's certificate may change the unlock address.")
                            : e.httpStatus == 0       ? client::describe(e, tr("keyserver"))
                                                      : e.message);
                updateOk();
                return;
            }
            m_answer = *r;
            accept();
        },
        this);
}

} // namespace credvault::ui
