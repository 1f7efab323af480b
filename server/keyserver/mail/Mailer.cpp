#include "keyserver/mail/Mailer.h"

#include "common/Files.h"
#include "crypto/Primitives.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QLocale>
#include <QtCore/QSysInfo>

#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <future>

using namespace Qt::Literals::StringLiterals;

namespace credvault::keyserver {

namespace {

QByteArray encodeHeaderWord(const QString &text)
{
    bool ascii = true;
    for (QChar c : text)
        if (c.unicode() >= 0x7f || c.unicode() < 0x20)
            ascii = false;
    if (ascii)
        return text.toLatin1();
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

QByteArray randomToken()
{
    unsigned char raw[12];
    crypto::randomBytes(raw, sizeof raw);
    return QByteArray(reinterpret_cast<const char *>(raw), sizeof raw).toHex();
}

} // namespace

bool isPlausibleAddress(const QString &address)
{
    if (address.isEmpty() || address.size() > 254 || address.count(u'@') != 1)
        return false;
    const qsizetype at = address.indexOf(u'@');
    if (at == 0 || at == address.size() - 1)
        return false;
    for (QChar c : address) {
        if (c.isSpace() || c.unicode() < 0x20 || c == u'<' || c == u'>' || c == u',' || c == u';' || c == u'"')
            return false;
    }
    return true;
}

SecureBuffer formatMessage(const QString &from, const Mail &mail, const QDateTime &date, const QString &messageIdDomain)
{
    QByteArray head;
    head += "From: CredVault <" + from.toUtf8() + ">\r\n";
    head += "To: <" + mail.to.toUtf8() + ">\r\n";
    head += "Subject: " + encodeHeaderWord(mail.subject) + "\r\n";
    head += "Date: " + QLocale::c().toString(date.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss"_s).toLatin1() + " +0000\r\n";
    head += "Message-ID: <" + randomToken() + "@" + messageIdDomain.toUtf8() + ">\r\n";
    head += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n";
    head += "Auto-Submitted: auto-generated\r\n\r\n";
    // The body with CRLF line ends, in secure memory throughout.
    std::size_t lf = 0;
    for (std::size_t i = 0; i < mail.body.size(); ++i)
        lf += mail.body.data()[i] == '\n';
    SecureBuffer out(std::size_t(head.size()) + mail.body.size() + lf + 2);
    std::memcpy(out.data(), head.constData(), std::size_t(head.size()));
    std::size_t o = std::size_t(head.size());
    for (std::size_t i = 0; i < mail.body.size(); ++i) {
        const unsigned char c = mail.body.data()[i];
        if (c == '\n' && (i == 0 || mail.body.data()[i - 1] != '\r'))
            out.data()[o++] = '\r';
        out.data()[o++] = c;
    }
    out.data()[o++] = '\r';
    out.data()[o++] = '\n';
    out.truncate(o);
    return out;
}

// --- Mailer

Mailer::Mailer() : m_thread([this] { work(); })
{}

Mailer::~Mailer()
{
    stopWorker();
}

void Mailer::stopWorker()
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void Mailer::send(Mail mail, Done done)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping) {
            done(fail(ErrorKind::Internal, u"the mailer is stopping"_s, u"mail_failed"_s));
            return;
        }
        m_queue.push_back(Job{std::move(mail), std::move(done)});
    }
    m_wake.notify_one();
}

Result<void> Mailer::sendAndWait(Mail mail)
{
    auto promise = std::make_shared<std::promise<Result<void>>>();
    std::future<Result<void>> outcome = promise->get_future();
    send(std::move(mail), [promise](Result<void> r) { promise->set_value(std::move(r)); });
    return outcome.get();
}

void Mailer::work()
{
    while (true) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and nothing left to send
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        Result<void> r = deliver(job.mail);
        if (job.done)
            job.done(std::move(r));
    }
}

// --- Maildir

MaildirMailer::MaildirMailer(QString dir, QString from) : m_dir(std::move(dir)), m_from(std::move(from))
{}

MaildirMailer::~MaildirMailer()
{
    stopWorker();
}

QString MaildirMailer::describe() const
{
    return u"the Maildir outbox %1"_s.arg(m_dir);
}

Result<void> MaildirMailer::deliver(const Mail &mail)
{
    if (!isPlausibleAddress(mail.to))
        return fail(ErrorKind::InvalidInput, u"'%1' is not an e-mail address"_s.arg(mail.to), u"bad_address"_s);
    for (const char *sub : {"tmp", "new", "cur"}) {
        if (!QDir().mkpath(QDir(m_dir).filePath(QString::fromLatin1(sub))))
            return fail(ErrorKind::Io, u"cannot make the Maildir %1"_s.arg(m_dir), u"mail_failed"_s);
    }
    const SecureBuffer message = formatMessage(m_from, mail, QDateTime::currentDateTimeUtc(), u"credvault.invalid"_s);
    // Maildir delivery: write in tmp/, then rename into new/ (atomic for readers).
    static std::atomic<int> counter{0};
    const QString name = u"%1.%2_%3.%4"_s.arg(QDateTime::currentSecsSinceEpoch())
                             .arg(QCoreApplication::applicationPid())
                             .arg(++counter)
                             .arg(QString::fromLatin1(randomToken()));
    const QString tmp = QDir(m_dir).filePath(u"tmp/"_s + name);
    if (Result<void> w = writeFileAtomically(tmp, message.view(), kOwnerOnly); !w)
        return fail(ErrorKind::Io, u"cannot write to the Maildir: %1"_s.arg(w.error().message), u"mail_failed"_s);
    if (!QFile::rename(tmp, QDir(m_dir).filePath(u"new/"_s + name)))
        return fail(ErrorKind::Io, u"cannot deliver into %1/new"_s.arg(m_dir), u"mail_failed"_s);
    return {};
}

// --- SMTP

namespace {

struct Upload {
    const SecureBuffer *message;
    std::size_t offset = 0;
};

std::size_t readMessage(char *buffer, std::size_t size, std::size_t count, void *user)
{
    auto *u = static_cast<Upload *>(user);
    const std::size_t n = std::min(size * count, u->message->size() - u->offset);
    std::memcpy(buffer, u->message->data() + u->offset, n);
    u->offset += n;
    return n;
}

// The whole delivery's deadline, checked by libcurl about once a second. libcurl 7.88's
// own CURLOPT_TIMEOUT is not enough: after the message's data it waits for the server's
// "250" in a loop that outlives the timeout until the server says something, so a mail
// server that stalls there held the mailer (and every mail queued behind) for as long
// as it liked.
int pastDeadline(void *deadline, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return std::chrono::steady_clock::now() > *static_cast<std::chrono::steady_clock::time_point *>(deadline) ? 1 : 0;
}

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

} // namespace

SmtpMailer::SmtpMailer(SmtpSettings settings) : m_settings(std::move(settings))
{
    static const CurlGlobal init;
}

SmtpMailer::~SmtpMailer()
{
    stopWorker();
}

QString SmtpMailer::describe() const
{
    return u"SMTP at %1:%2"_s.arg(m_settings.host).arg(m_settings.port);
}

Result<void> SmtpMailer::deliver(const Mail &mail)
{
    if (!isPlausibleAddress(mail.to))
        return fail(ErrorKind::InvalidInput, u"'%1' is not an e-mail address"_s.arg(mail.to), u"bad_address"_s);
    const SecureBuffer message =
        formatMessage(m_settings.from, mail, QDateTime::currentDateTimeUtc(), m_settings.from.section(u'@', 1));
    CURL *curl = curl_easy_init();
    if (!curl)
        return fail(ErrorKind::Internal, u"cannot start libcurl"_s, u"mail_failed"_s);
    const QByteArray url = (m_settings.implicitTls ? "smtps://" : "smtp://") + m_settings.host.toUtf8() + ":" +
                           QByteArray::number(m_settings.port);
    const QByteArray from = "<" + m_settings.from.toUtf8() + ">";
    const QByteArray to = "<" + mail.to.toUtf8() + ">";
    const QByteArray user = m_settings.username.toUtf8();
    QByteArray password = m_settings.password.view().toByteArray();
    const QByteArray ca = m_settings.caFile.toUtf8();
    curl_slist *rcpt = curl_slist_append(nullptr, to.constData());
    Upload upload{&message};
    char errors[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL)); // STARTTLS or fail
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2));
    if (!ca.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, ca.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, long(std::min(m_settings.timeoutSeconds, 10)));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(m_settings.timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(m_settings.timeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, pastDeadline);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &deadline);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, long(m_settings.timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errors);
    const CURLcode rc = curl_easy_perform(curl);
    long smtpCode = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &smtpCode);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    password.fill('\0');
    if (rc == CURLE_OK)
        return {};
    const QString detail = QString::fromUtf8(errors[0] ? errors : curl_easy_strerror(rc));
    QString why;
    switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST: why = u"cannot reach the mail server"_s; break;
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_ABORTED_BY_CALLBACK: why = u"the mail server did not answer in time"_s; break;
    case CURLE_LOGIN_DENIED: why = u"the mail server refused the sign-in"_s; break;
    case CURLE_USE_SSL_FAILED: why = u"the mail server does not offer STARTTLS"_s; break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR: why = u"the mail server's TLS certificate is not trusted"_s; break;
    default: why = u"the mail server refused the message"_s; break;
    }
    return fail(ErrorKind::Network,
                u"%1 (%2:%3: %4%5)"_s.arg(why, m_settings.host)
                    .arg(m_settings.port)
                    .arg(detail)
                    .arg(smtpCode ? u", SMTP %1"_s.arg(smtpCode) : QString()),
                u"mail_failed"_s);
}

} // namespace credvault::keyserver
