#include "customer/CustomerMainWindow.h"

#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

CustomerMainWindow::CustomerMainWindow(const QString &configPath, QWidget *parent)
    : VaultMainWindow(tr("CredVault"), parent)
{
    setObjectName(u"customerMainWindow"_s);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_banner = new QLabel(central);
    m_banner->setObjectName(u"banner"_s);
    m_banner->setWordWrap(true);
    m_banner->setText(tr("Not signed in. Configuration: %1").arg(configPath));
    layout->addWidget(m_banner);

    auto *entries = new QTreeWidget(central);
    entries->setObjectName(u"entryList"_s);
    entries->setRootIsDecorated(false);
    entries->setHeaderLabels({tr("Title"), tr("Kind"), tr("Updated")});
    entries->header()->setStretchLastSection(true);
    layout->addWidget(entries, 1);

    setCentralWidget(central);
}

} // namespace credvault::ui
