#include "widgets/AppSettingsPage.h"

#include "common/DesktopMain.h"
#include "desktop/AutoLock.h"

#include <QtCore/QLocale>
#include <QtCore/QSettings>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {
const QString kClipboardKey = u"clipboard/clear_seconds"_s;
const QString kIdleKey = u"security/idle_lock_minutes"_s;
const QString kLanguageKey = u"ui/language"_s;
constexpr int kMinClipboardSeconds = 5, kMaxClipboardSeconds = 600, kMaxIdleMinutes = 240;
} // namespace

int AppSettingsPage::clipboardSeconds()
{
    return qBound(kMinClipboardSeconds, QSettings().value(kClipboardKey, kDefaultClipboardSeconds).toInt(),
                  kMaxClipboardSeconds);
}

int AppSettingsPage::idleMinutes()
{
    return qBound(0, QSettings().value(kIdleKey, AutoLock::kDefaultIdleMinutes).toInt(), kMaxIdleMinutes);
}

AppSettingsPage::AppSettingsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"appSettings"_s);
    auto *form = new QFormLayout(this);
    m_clipboardSeconds = new QSpinBox(this);
    m_clipboardSeconds->setObjectName(u"clipboardSeconds"_s);
    m_clipboardSeconds->setRange(kMinClipboardSeconds, kMaxClipboardSeconds);
    m_clipboardSeconds->setSuffix(tr(" s"));
    m_clipboardSeconds->setValue(clipboardSeconds());
    form->addRow(tr("Clear copied fields after:"), m_clipboardSeconds);
    m_idleMinutes = new QSpinBox(this);
    m_idleMinutes->setObjectName(u"idleMinutes"_s);
    m_idleMinutes->setRange(0, kMaxIdleMinutes);
    m_idleMinutes->setSuffix(tr(" min"));
    m_idleMinutes->setSpecialValueText(tr("Never"));
    m_idleMinutes->setValue(idleMinutes());
    form->addRow(tr("Lock after this long without use:"), m_idleMinutes);
    m_language = new QComboBox(this);
    m_language->setObjectName(u"language"_s);
    m_language->addItem(tr("As the system"), QString());
    for (const QString &code : availableLanguages()) {
        const QLocale l(code);
        m_language->addItem(l.nativeLanguageName().isEmpty() ? code : l.nativeLanguageName(), code);
    }
    m_language->setCurrentIndex(qMax(0, m_language->findData(QSettings().value(kLanguageKey).toString())));
    form->addRow(tr("Language (at the next start):"), m_language);
}

void AppSettingsPage::save() const
{
    QSettings s;
    s.setValue(kClipboardKey, m_clipboardSeconds->value());
    s.setValue(kIdleKey, m_idleMinutes->value());
    s.setValue(kLanguageKey, m_language->currentData().toString());
    s.sync();
}

AppSettingsDialog::AppSettingsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"settings"_s);
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *page = new AppSettingsPage(this);
    layout->addWidget(page);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(u"save"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, [this, page] {
        page->save();
        Q_EMIT saved();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace credvault::ui
