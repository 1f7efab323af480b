#include "widgets/UnlockDialog.h"

#include "client/UnlockSession.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

UnlockDialog::UnlockDialog(client::UnlockSession &session, const QUuid &account, const QString &sentTo, QWidget *parent)
    : RequestDialog(parent), m_session(session), m_account(account)
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
    addMessageAndButtons(layout, tr("Unlock"));
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
    setWorking(true, tr("Unlocking…"));
    m_session.redeem(
        m_account, m_code->text(),
        [this](Result<void, ApiError> r) {
            setWorking(false);
            if (r) {
                m_code->clear();
                hideMessage();
                accept();
                return;
            }
            showMessage(explain(r.error()));
            m_code->selectAll();
            m_code->setFocus();
        },
        this);
}

} // namespace credvault::ui
