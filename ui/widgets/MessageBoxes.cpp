#include "widgets/MessageBoxes.h"

#include <QtCore/QStandardPaths>
#include <QtWidgets/QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

QMessageBox *newMessageBox(QWidget *parent, const QString &objectName, QMessageBox::Icon icon, const QString &title,
                           const QString &text)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(objectName);
    box->setTextFormat(Qt::PlainText); // the main text only; an informative text keeps its own format
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    return box;
}

QMessageBox *showMessageBox(QWidget *parent, const QString &objectName, QMessageBox::Icon icon, const QString &title,
                            const QString &text)
{
    QMessageBox *box = newMessageBox(parent, objectName, icon, title, text);
    box->addButton(QMessageBox::Ok)->setObjectName(u"ok"_s);
    box->open();
    return box;
}

QFileDialog *newFileDialog(QWidget *parent, const QString &objectName, const QString &title, const QString &filter,
                           bool save)
{
    auto *d =
        new QFileDialog(parent, title, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), filter);
    d->setObjectName(objectName);
    d->setOption(QFileDialog::DontUseNativeDialog);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    d->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    d->setWindowModality(Qt::WindowModal);
    return d;
}

} // namespace credvault::ui
