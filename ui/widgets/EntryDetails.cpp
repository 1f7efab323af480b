#include "widgets/EntryDetails.h"

#include "client/EntryModel.h"
#include "desktop/SecureClipboard.h"
#include "widgets/EntryKinds.h"

#include <QtCore/QLocale>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

using client::EntryModel;

namespace {

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

const QString kMask = u"••••••••"_s;

} // namespace

EntryDetails::EntryDetails(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"entryDetails"_s);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_icon = new QLabel(this);
    m_heading = valueLabel(this, u"heading"_s);
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_heading->setFont(bold);
    top->addWidget(m_icon);
    top->addWidget(m_heading, 1);
    layout->addLayout(top);
    m_state = valueLabel(this, u"state"_s);
    layout->addWidget(m_state);

    m_form = new QFormLayout;
    m_kind = valueLabel(this, u"kind"_s);
    m_host = valueLabel(this, u"host"_s);
    m_username = valueLabel(this, u"username"_s);
    m_secret = valueLabel(this, u"secret"_s);
    m_show = new QToolButton(this);
    m_show->setObjectName(u"showSecret"_s);
    m_show->setCheckable(true);
    m_show->setText(tr("Show"));
    connect(m_show, &QToolButton::toggled, this, [this] { refresh(); });
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_show);
    secretRow->addWidget(copyButton(u"copySecret"_s, m_secret));
    m_rows.insert(m_secret, secretRow);
    m_url = valueLabel(this, u"url"_s);
    m_notes = valueLabel(this, u"notes"_s);
    m_tags = valueLabel(this, u"tags"_s);
    m_changed = valueLabel(this, u"changed"_s);
    m_form->addRow(tr("Kind:"), m_kind);
    m_form->addRow(tr("Host:"), copyableRow(m_host, u"copyHost"_s));
    m_form->addRow(tr("User name:"), copyableRow(m_username, u"copyUsername"_s));
    m_form->addRow(tr("Secret:"), secretRow);
    m_form->addRow(tr("Address:"), copyableRow(m_url, u"copyUrl"_s));
    m_form->addRow(tr("Notes:"), m_notes);
    m_form->addRow(tr("Tags:"), m_tags);
    m_form->addRow(tr("Changed:"), m_changed);
    layout->addLayout(m_form);
    layout->addStretch(1);
    showEntry(nullptr, -1);
}

void EntryDetails::showEntry(const client::EntryModel *model, int row)
{
    if (model != m_model || row != m_row)
        m_show->setChecked(false); // a secret shown stays with its entry
    m_model = model;
    m_row = row;
    refresh();
}

QToolButton *EntryDetails::copyButton(const QString &name, QLabel *value)
{
    auto *button = new QToolButton(this);
    button->setObjectName(name);
    button->setText(tr("Copy"));
    button->setToolTip(tr("Copy to the clipboard (cleared again after a while and when the vault locks)"));
    connect(button, &QToolButton::clicked, this, [this, value] { copyField(value); });
    m_copyButtons.insert(value, button);
    return button;
}

QHBoxLayout *EntryDetails::copyableRow(QLabel *value, const QString &buttonName)
{
    auto *row = new QHBoxLayout;
    row->addWidget(value, 1);
    row->addWidget(copyButton(buttonName, value));
    m_rows.insert(value, row);
    return row;
}

bool EntryDetails::copy(const QString &buttonName)
{
    for (auto it = m_copyButtons.cbegin(); it != m_copyButtons.cend(); ++it) {
        if (it.value()->objectName() == buttonName && !it.value()->isHidden() && it.value()->isEnabled()) {
            it.value()->click();
            return true;
        }
    }
    return false;
}

void EntryDetails::copyField(QLabel *value)
{
    if (!m_clipboard || !m_model || !m_model->fields(m_row))
        return;
    const client::EntryFields f = *m_model->fields(m_row);
    QString what;
    if (value == m_secret) {
        const SecureBuffer secret = m_model->secret(m_row); // read afresh, never from the label
        m_clipboard->copy(QString::fromUtf8(secret.view()));
        what = entryKind(f.kind).secretLabel;
    } else if (value == m_host) {
        m_clipboard->copy(f.host);
        what = tr("Host");
    } else if (value == m_username) {
        m_clipboard->copy(f.username);
        what = tr("User name");
    } else if (value == m_url) {
        m_clipboard->copy(f.url);
        what = tr("Address");
    }
    Q_EMIT copied(what);
}

void EntryDetails::setVisibleRow(QLabel *value, bool visible)
{
    // The whole row (caption, value, buttons) or none of it: hidden rows leave no gap.
    if (QHBoxLayout *row = m_rows.value(value))
        m_form->setRowVisible(row, visible);
    else
        m_form->setRowVisible(value, visible);
    if (QToolButton *copy = m_copyButtons.value(value))
        copy->setVisible(visible && m_clipboard);
}

void EntryDetails::setValue(QLabel *label, const QString &text)
{
    label->setText(text);
    setVisibleRow(label, !text.isEmpty());
}

void EntryDetails::refresh()
{
    const bool valid = m_model && m_row >= 0 && m_row < m_model->rowCount();
    const std::optional<client::EntryFields> f = valid ? m_model->fields(m_row) : std::nullopt;
    if (!valid) {
        m_icon->clear();
        m_heading->setText(tr("No entry selected"));
        m_state->clear();
    } else {
        m_icon->setPixmap(entryKindIcon(f ? f->kind : QString()).pixmap(32, 32));
        m_heading->setText(f ? f->title : tr("Sealed entry"));
        m_state->setText(f ? QString() : tr("Unlock the vault to see what this entry holds."));
    }
    m_state->setVisible(!m_state->text().isEmpty());
    setValue(m_kind, f ? entryKind(f->kind).name : QString());
    setValue(m_host,
             f && !f->host.isEmpty() ? (f->port > 0 ? u"%1:%2"_s.arg(f->host).arg(f->port) : f->host) : QString());
    setValue(m_username, f ? f->username : QString());
    if (f) {
        if (m_show->isChecked()) {
            const SecureBuffer secret = m_model->secret(m_row);
            m_secret->setText(QString::fromUtf8(secret.view()));
        } else {
            m_secret->setText(kMask);
        }
        m_show->setText(m_show->isChecked() ? tr("Hide") : tr("Show"));
    } else {
        m_secret->clear();
        m_show->setChecked(false);
    }
    setVisibleRow(m_secret, bool(f));
    setValue(m_url, f ? f->url : QString());
    setValue(m_notes, f ? f->notes : QString());
    setValue(m_tags, f ? f->tags.join(u", "_s) : QString());
    QString changed;
    if (valid) {
        const QModelIndex at = m_model->index(m_row, EntryModel::UpdatedColumn);
        const QDateTime when = m_model->data(at).toDateTime();
        const QString by = m_model->data(at, EntryModel::UpdatedByRole).toString();
        changed = by.isEmpty() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)
                               : tr("%1 by %2").arg(QLocale().toString(when.toLocalTime(), QLocale::ShortFormat), by);
    }
    setValue(m_changed, changed);
}

bool EntryDetails::secretShown() const
{
    return m_show->isChecked() && m_secret->text() != kMask && !m_secret->text().isEmpty();
}

QString EntryDetails::visibleText() const
{
    QStringList parts;
    for (const QLabel *l : findChildren<QLabel *>()) {
        if (l->isVisibleTo(this))
            parts << l->text();
    }
    return parts.join(u'\n');
}

} // namespace credvault::ui
