#include "widgets/ShortcutsDialog.h"

#include <QtGui/QAction>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

QList<std::pair<QString, QString>> ShortcutsDialog::shortcutsOf(const QWidget *window)
{
    QList<std::pair<QString, QString>> out;
    QStringList seen;
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty() || a->text().isEmpty())
            continue;
        QString what = a->text();
        what.remove(u'&');
        if (what.endsWith(u"…"_s))
            what.chop(1);
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        const QString key = keys.join(u", "_s);
        if (seen.contains(what + key))
            continue;
        seen << what + key;
        out.append({what, key});
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"shortcuts"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    const QList<std::pair<QString, QString>> list = shortcutsOf(window);
    m_table = new QTableWidget(int(list.size()), 2, this);
    m_table->setObjectName(u"shortcutTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < list.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(list[row].first));
        m_table->setItem(row, 1, new QTableWidgetItem(list[row].second));
    }
    m_table->resizeColumnsToContents();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(460, 420);
}

} // namespace credvault::ui
