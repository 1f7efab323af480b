#pragma once

// SecureClipboard: copying a secret (DESIGN.md §6). The copy is marked sensitive for
// clipboard managers (x-kde-passwordManagerHint: secret, which KDE's Klipper and others
// honour by not keeping it in their history) and taken off the clipboard after a while
// (30 s unless set otherwise), on lock and on quit — but only if it is still what we put
// there: something the person copied since is never touched.

#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QTimer>

namespace credvault::ui {

class SecureClipboard : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultClearMs = 30000;
    static constexpr char kHintFormat[] = "x-kde-passwordManagerHint";

    explicit SecureClipboard(QObject *parent = nullptr);
    ~SecureClipboard() override; // clears what it copied (quit)

    void setClearAfter(int milliseconds) { m_clearMs = milliseconds; }
    int clearAfter() const { return m_clearMs; }
    /// Puts `text` on the clipboard, marked sensitive, and starts the clear timer.
    void copy(const QString &text);
    /// Takes our copy off the clipboard now if it is still there (lock, quit).
    void clearNow();
    /// True while our copy is on the clipboard.
    bool holdsCopy() const;

Q_SIGNALS:
    void cleared();

private:
    QByteArray m_digest; // SHA-256 of what we copied: the text itself is not kept
    QTimer m_timer;
    int m_clearMs = kDefaultClearMs;
};

} // namespace credvault::ui
