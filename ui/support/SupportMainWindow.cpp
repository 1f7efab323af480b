#include "support/SupportMainWindow.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

SupportMainWindow::SupportMainWindow(const QString &configPath, QWidget *parent)
    : VaultMainWindow(tr("CredVault Support"), parent)
{
    setObjectName(u"supportMainWindow"_s);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *status = new QLabel(tr("Not signed in. Configuration: %1").arg(configPath), central);
    status->setObjectName(u"banner"_s);
    status->setWordWrap(true);
    layout->addWidget(status);

    m_search = new QLineEdit(central);
    m_search->setObjectName(u"customerSearch"_s);
    m_search->setPlaceholderText(tr("Find a customer by name, sign-in name, e-mail or account id"));
    m_search->setEnabled(false);
    layout->addWidget(m_search);

    m_accounts = new QTabWidget(central);
    m_accounts->setObjectName(u"accountTabs"_s);
    m_accounts->setTabsClosable(true);
    m_accounts->setDocumentMode(true);
    layout->addWidget(m_accounts, 1);

    setCentralWidget(central);
}

} // namespace credvault::ui
