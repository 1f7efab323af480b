#include "desktop/TokenStore.h"

#include "desktop/Keychain.h"

#include <QtCore/QSettings>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

QString settingsKey(const QUrl &vault)
{
    return u"sign-in/"_s + QString::fromLatin1(vault.toString(QUrl::FullyEncoded).toLatin1().toHex());
}

} // namespace

QString TokenStore::keyFor(const QString &username) const
{
    return u"token %1 %2"_s.arg(m_vault.toString(), username);
}

Result<void> TokenStore::remember(const QString &username, const QByteArray &token) const
{
    if (Result<void> r = keychainWrite(m_service, keyFor(username), token); !r)
        return r;
    QSettings().setValue(settingsKey(m_vault), username);
    return {};
}

Result<std::pair<QString, SecureBuffer>> TokenStore::recall() const
{
    const QString username = QSettings().value(settingsKey(m_vault)).toString();
    if (username.isEmpty())
        return fail(ErrorKind::NotFound, u"no remembered sign-in"_s, u"missing"_s);
    Result<SecureBuffer> token = keychainRead(m_service, keyFor(username));
    if (!token)
        return fail(token.error());
    return std::pair{username, std::move(*token)};
}

Result<void> TokenStore::forget() const
{
    QSettings settings;
    const QString username = settings.value(settingsKey(m_vault)).toString();
    settings.remove(settingsKey(m_vault));
    if (username.isEmpty())
        return {};
    return keychainDelete(m_service, keyFor(username));
}

} // namespace credvault::ui
