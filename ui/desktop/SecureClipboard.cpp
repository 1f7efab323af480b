#include "desktop/SecureClipboard.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QMimeData>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>

namespace credvault::ui {

namespace {

QByteArray digestOf(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

SecureClipboard::SecureClipboard(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SecureClipboard::clearNow);
}

SecureClipboard::~SecureClipboard()
{
    clearNow();
}

void SecureClipboard::copy(const QString &text)
{
    auto *data = new QMimeData;
    data->setText(text);
    data->setData(QString::fromLatin1(kHintFormat), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(data); // the clipboard owns it
    m_digest = digestOf(text);
    m_timer.start(m_clearMs);
}

bool SecureClipboard::holdsCopy() const
{
    return !m_digest.isEmpty() && digestOf(QGuiApplication::clipboard()->text()) == m_digest;
}

void SecureClipboard::clearNow()
{
    m_timer.stop();
    if (m_digest.isEmpty())
        return;
    if (holdsCopy())
        QGuiApplication::clipboard()->clear();
    m_digest.clear();
    Q_EMIT cleared();
}

} // namespace credvault::ui
