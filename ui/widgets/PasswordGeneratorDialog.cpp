#include "widgets/PasswordGeneratorDialog.h"

#include <QtGui/QFontDatabase>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

PasswordGeneratorDialog::PasswordGeneratorDialog(QWidget *parent, const QString &okText) : QDialog(parent)
{
    setObjectName(u"passwordGenerator"_s);
    setWindowTitle(tr("Generate a password"));
    auto *layout = new QVBoxLayout(this);
    auto *previewRow = new QHBoxLayout;
    m_preview = new QLineEdit(this);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMinimumWidth(360);
    auto *again = new QPushButton(tr("New"), this);
    again->setObjectName(u"regenerate"_s);
    again->setToolTip(tr("Draw another password with these options"));
    previewRow->addWidget(m_preview, 1);
    previewRow->addWidget(again);
    layout->addLayout(previewRow);
    m_strength = new QLabel(this);
    m_strength->setObjectName(u"strength"_s);
    layout->addWidget(m_strength);

    auto *form = new QFormLayout;
    const crypto::PasswordOptions defaults;
    m_length = new QSpinBox(this);
    m_length->setObjectName(u"length"_s);
    m_length->setRange(crypto::PasswordOptions::kMinLength, crypto::PasswordOptions::kMaxLength);
    m_length->setValue(defaults.length);
    form->addRow(tr("Length:"), m_length);
    auto box = [this](const QString &name, const QString &text, bool on) {
        auto *b = new QCheckBox(text, this);
        b->setObjectName(name);
        b->setChecked(on);
        return b;
    };
    m_lower = box(u"lower"_s, tr("Lower-case letters (a–z)"), defaults.lower);
    m_upper = box(u"upper"_s, tr("Capital letters (A–Z)"), defaults.upper);
    m_digits = box(u"digits"_s, tr("Digits (0–9)"), defaults.digits);
    m_symbols = box(u"symbols"_s, tr("Symbols (!#$%…)"), defaults.symbols);
    m_avoidLookAlikes =
        box(u"avoidLookAlikes"_s, tr("Leave out look-alikes (0 O o 1 l I |)"), defaults.avoidLookAlikes);
    m_pronounceable =
        box(u"pronounceable"_s, tr("Pronounceable (syllables, one digit, one capital)"), defaults.pronounceable);
    for (QCheckBox *b : {m_lower, m_upper, m_digits, m_symbols, m_avoidLookAlikes, m_pronounceable})
        form->addRow(QString(), b);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(okText.isEmpty() ? tr("Use this password") : okText);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(again, &QPushButton::clicked, this, &PasswordGeneratorDialog::regenerate);
    connect(m_length, &QSpinBox::valueChanged, this, &PasswordGeneratorDialog::regenerate);
    for (QCheckBox *b : {m_lower, m_upper, m_digits, m_symbols, m_avoidLookAlikes, m_pronounceable})
        connect(b, &QCheckBox::toggled, this, &PasswordGeneratorDialog::regenerate);
    regenerate();
}

PasswordGeneratorDialog::~PasswordGeneratorDialog()
{
    m_preview->clear();
}

crypto::PasswordOptions PasswordGeneratorDialog::options() const
{
    crypto::PasswordOptions o;
    o.length = m_length->value();
    o.lower = m_lower->isChecked();
    o.upper = m_upper->isChecked();
    o.digits = m_digits->isChecked();
    o.symbols = m_symbols->isChecked();
    o.avoidLookAlikes = m_avoidLookAlikes->isChecked();
    o.pronounceable = m_pronounceable->isChecked();
    return o;
}

SecureBuffer PasswordGeneratorDialog::password() const
{
    QByteArray text = m_preview->text().toLatin1();
    SecureBuffer out = SecureBuffer::copyOf(text);
    text.fill('\0');
    return out;
}

void PasswordGeneratorDialog::regenerate()
{
    const crypto::PasswordOptions o = options();
    for (QCheckBox *b : {m_lower, m_upper, m_digits, m_symbols, m_avoidLookAlikes})
        b->setEnabled(!o.pronounceable); // syllables choose their own letters
    Result<SecureBuffer> p = crypto::PasswordGenerator::generate(o);
    auto *ok = findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    if (!p) {
        m_preview->clear();
        m_strength->setText(tr("Choose at least one kind of character."));
        ok->setEnabled(false);
        return;
    }
    m_preview->setText(QString::fromLatin1(p->view()));
    const int bits = int(crypto::PasswordGenerator::entropy(o));
    const QString verdict = bits >= 100  ? tr("very strong")
                            : bits >= 72 ? tr("strong")
                            : bits >= 50 ? tr("fair")
                                         : tr("weak");
    m_strength->setText(tr("%n bits of entropy: %1", nullptr, bits).arg(verdict));
    ok->setEnabled(true);
}

} // namespace credvault::ui
