#include "desktop/AutoLock.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QEvent>
#include <QtDBus/QDBusConnection>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

AutoLock::AutoLock(QObject *parent) : QObject(parent)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_armed)
            Q_EMIT lockDue(u"idle"_s);
    });
    QCoreApplication::instance()->installEventFilter(this);

    // The screen locks: whichever of these the desktop speaks.
    QDBusConnection session = QDBusConnection::sessionBus();
    if (session.isConnected()) {
        for (const auto &[path, interface] :
             {std::pair{u"/org/freedesktop/ScreenSaver"_s, u"org.freedesktop.ScreenSaver"_s},
              std::pair{u"/ScreenSaver"_s, u"org.freedesktop.ScreenSaver"_s},
              std::pair{u"/org/gnome/ScreenSaver"_s, u"org.gnome.ScreenSaver"_s}})
            session.connect(QString(), path, interface, u"ActiveChanged"_s, this, SLOT(screenSaverActiveChanged(bool)));
    }
    QDBusConnection system = QDBusConnection::systemBus();
    const QByteArray sessionId = qgetenv("XDG_SESSION_ID");
    if (system.isConnected() && !sessionId.isEmpty())
        system.connect(u"org.freedesktop.login1"_s,
                       u"/org/freedesktop/login1/session/"_s + QString::fromLatin1(sessionId),
                       u"org.freedesktop.login1.Session"_s, u"Lock"_s, this, SLOT(sessionLocked()));
}

AutoLock::~AutoLock()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void AutoLock::setIdleTimeout(int milliseconds)
{
    m_idleMs = qMax(0, milliseconds);
    setArmed(m_armed);
}

void AutoLock::setArmed(bool armed)
{
    m_armed = armed;
    if (m_armed && m_idleMs > 0)
        m_idle.start(m_idleMs);
    else
        m_idle.stop();
}

QString AutoLock::message(const QString &why) const
{
    return why == u"screen"_s ? tr("Locked because the screen locked.")
                              : tr("Locked after %n minutes without use.", nullptr, qMax(1, m_idleMs / 60000));
}

bool AutoLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (m_armed && m_idleMs > 0)
            m_idle.start(m_idleMs); // someone is there
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

void AutoLock::screenSaverActiveChanged(bool active)
{
    if (active && m_armed)
        Q_EMIT lockDue(u"screen"_s);
}

void AutoLock::sessionLocked()
{
    if (m_armed)
        Q_EMIT lockDue(u"screen"_s);
}

} // namespace credvault::ui
