#include "widgets/UnlockDialog.h"

#include "client/UnlockSession.h"

#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

UnlockDialog::UnlockDialog(client::UnlockSession &session, const QUuid &account, const QString &sentTo, QWidget *parent)
    : QDialog(parent), m_session(session), m_account(account)
{
    setObjectName(u"unlockDialog"_s);
    setWindowTitle(tr("Unlock the vault"));
    auto *layout = new QVBoxLayout(this);
    auto *help =
        new QLabel(sentTo.isEmpty()
                       ? tr("Type the unlock code from the e-mail: 12 letters and digits, like ABCD-EFGH-JKMN.")
                       : tr("Type the unlock code sent to %1: 12 letters and digits, like ABCD-EFGH-JKMN.").arg(sentTo),
                   this);
    help->setWordWrap(true);
    layout->addWidget(help);
    m_code = new QLineEdit(this);
    m_code->setObjectName(u"code"_s);
    m_code->setPlaceholderText(u"XXXX-XXXX-XXXX"_s);
    m_code->setMaxLength(20);
    layout->addWidget(m_code);
    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Unlock"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString UnlockDialog::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

QString UnlockDialog::explain(const ApiError &e)
{
    if (e.code == u"bad_code_format"_s)
        return tr("That is not an unlock code: it has 12 letters and digits, like ABCD-EFGH-JKMN.");
    if (e.code == u"wrong_code"_s)
        return tr("The code is not right (%n tries left).", nullptr, e.details.value(u"tries_left"_s).toInt());
    if (e.code == u"blocked"_s)
        return tr("Too many wrong codes: the code is void. Ask for a new one in %n minutes.", nullptr,
                  int((e.details.value(u"retry_after_s"_s).toInt() + 59) / 60));
    if (e.code == u"code_expired"_s)
        return tr("The code has expired. Ask for a new one.");
    if (e.code == u"no_code"_s)
        return tr("There is no live code for this vault. Ask for a new one.");
    if (e.httpStatus == 0)
        return client::describe(e, tr("keyserver"));
    return e.message;
}

void UnlockDialog::submit()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_message->setText(tr("Unlocking…"));
    m_message->show();
    m_session.redeem(
        m_account, m_code->text(),
        [this](Result<void, ApiError> r) {
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
            if (r) {
                m_code->clear();
                m_message->hide();
                accept();
                return;
            }
            m_message->setText(explain(r.error()));
            m_code->selectAll();
            m_code->setFocus();
        },
        this);
}

} // namespace credvault::ui
