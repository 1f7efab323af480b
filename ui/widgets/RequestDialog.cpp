#include "widgets/RequestDialog.h"

#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

RequestDialog::RequestDialog(QWidget *parent) : QDialog(parent)
{}

void RequestDialog::addMessageAndButtons(QVBoxLayout *layout, const QString &okText)
{
    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // servers' messages are shown as they are
    m_message->hide();
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { submit(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString RequestDialog::message() const
{
    return m_message && m_message->isVisible() ? m_message->text() : QString();
}

void RequestDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

void RequestDialog::hideMessage()
{
    m_message->hide();
}

void RequestDialog::setWorking(bool working, const QString &text)
{
    m_working = working;
    okButton()->setEnabled(!working);
    if (m_holdOpen)
        cancelButton()->setEnabled(!working);
    if (working)
        showMessage(text);
}

void RequestDialog::done(int result)
{
    if (m_working && m_holdOpen && result == QDialog::Rejected)
        return;
    QDialog::done(result);
}

void RequestDialog::abandon()
{
    m_working = false;
    QDialog::done(QDialog::Rejected);
}

QPushButton *RequestDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QPushButton *RequestDialog::cancelButton() const
{
    return m_buttons->button(QDialogButtonBox::Cancel);
}

} // namespace credvault::ui
