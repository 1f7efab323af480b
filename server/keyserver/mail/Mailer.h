#pragma once

// Mailer: how the keyserver sends its mails (unlock codes, vault created, staff unlock
// notices, unlock e-mail changes). Sending happens on the mailer's own thread, never on a
// request thread; the caller learns the outcome through a callback (on that thread).
// Two kinds: SmtpMailer (real SMTP through libcurl: STARTTLS, AUTH, the CA to trust) and
// MaildirMailer (a Maildir outbox, the development default). Message bodies may hold a
// code, so they travel in SecureBuffer and are never logged.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QDateTime>
#include <QtCore/QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace credvault::keyserver {

struct Mail {
    QString to;
    QString subject;
    SecureBuffer body; // UTF-8 plain text
};

/// The RFC 5322 message (CRLF lines, UTF-8, MIME headers) for `mail` from `from`.
SecureBuffer formatMessage(const QString &from, const Mail &mail, const QDateTime &date,
                           const QString &messageIdDomain);

/// True for an address we are willing to send to: one '@', no spaces or control
/// characters, no angle brackets, at most 254 characters.
bool isPlausibleAddress(const QString &address);

class Mailer {
public:
    using Done = std::function<void(Result<void>)>;

    Mailer();
    virtual ~Mailer();
    Mailer(const Mailer &) = delete;
    Mailer &operator=(const Mailer &) = delete;

    /// Queues a mail; `done` runs on the mailer's thread once it is sent or has failed.
    void send(Mail mail, Done done);
    /// Waits for the outcome (for the CLI and tests; never on a request thread).
    Result<void> sendAndWait(Mail mail);
    virtual QString describe() const = 0;

protected:
    /// Delivers one message, on the mailer's thread.
    virtual Result<void> deliver(const Mail &mail) = 0;
    /// Subclasses call this last in their destructor, before their members go.
    void stopWorker();

private:
    void work();
    struct Job {
        Mail mail;
        Done done;
    };
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

class MaildirMailer final : public Mailer {
public:
    MaildirMailer(QString dir, QString from);
    ~MaildirMailer() override;
    QString describe() const override;

protected:
    Result<void> deliver(const Mail &mail) override;

private:
    QString m_dir;
    QString m_from;
};

struct SmtpSettings {
    QString host;
    int port = 587;
    QString from;
    QString username; // empty: no AUTH
    SecureBuffer password;
    QString caFile;           // empty: the system's CAs
    bool implicitTls = false; // smtps:// (port 465); otherwise STARTTLS, always required
    int timeoutSeconds = 30;
};

class SmtpMailer final : public Mailer {
public:
    explicit SmtpMailer(SmtpSettings settings);
    ~SmtpMailer() override;
    QString describe() const override;

protected:
    Result<void> deliver(const Mail &mail) override;

private:
    SmtpSettings m_settings;
};

} // namespace credvault::keyserver
