#include "widgets/EntryKinds.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtGui/QPixmap>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

struct Look {
    QColor color;
    QChar glyph;
};

Look lookOf(const QString &id)
{
    static const QHash<QString, Look> looks{
        {u"server"_s, {QColor(0x2e, 0x6d, 0xb4), u'>'}},   {u"control_panel"_s, {QColor(0x7b, 0x4f, 0xb0), u'P'}},
        {u"database"_s, {QColor(0x2f, 0x8f, 0x5b), u'D'}}, {u"ftp"_s, {QColor(0xc0, 0x7a, 0x12), u'F'}},
        {u"api_key"_s, {QColor(0xb8, 0x3b, 0x3b), u'K'}},  {u"other"_s, {QColor(0x6b, 0x72, 0x80), u'*'}},
    };
    return looks.value(id, looks.value(u"other"_s));
}

QPixmap draw(int size, const QString &id)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    if (id.isEmpty()) { // a padlock: shackle and body
        const QColor grey(0x6b, 0x72, 0x80);
        p.setPen(QPen(grey, s * 0.11));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(s * 0.28, s * 0.1, s * 0.44, s * 0.5), 0, 180 * 16);
        p.drawLine(QPointF(s * 0.28, s * 0.35), QPointF(s * 0.28, s * 0.5));
        p.drawLine(QPointF(s * 0.72, s * 0.35), QPointF(s * 0.72, s * 0.5));
        p.setPen(Qt::NoPen);
        p.setBrush(grey);
        p.drawRoundedRect(QRectF(s * 0.16, s * 0.45, s * 0.68, s * 0.47), s * 0.08, s * 0.08);
        return pixmap;
    }
    const Look look = lookOf(id);
    p.setPen(Qt::NoPen);
    p.setBrush(look.color);
    p.drawRoundedRect(QRectF(s * 0.06, s * 0.06, s * 0.88, s * 0.88), s * 0.2, s * 0.2);
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(qMax(6, int(s * 0.6)));
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(QRectF(0, 0, s, s), Qt::AlignCenter, QString(look.glyph));
    return pixmap;
}

} // namespace

QList<EntryKind> entryKinds()
{
    return {
        {u"server"_s, QCoreApplication::translate("EntryKinds", "Server (SSH)"),
         QCoreApplication::translate("EntryKinds", "Password or private key"), 22},
        {u"control_panel"_s, QCoreApplication::translate("EntryKinds", "Control panel"),
         QCoreApplication::translate("EntryKinds", "Password"), 0},
        {u"database"_s, QCoreApplication::translate("EntryKinds", "Database"),
         QCoreApplication::translate("EntryKinds", "Password"), 3306},
        {u"ftp"_s, QCoreApplication::translate("EntryKinds", "FTP"),
         QCoreApplication::translate("EntryKinds", "Password"), 21},
        {u"api_key"_s, QCoreApplication::translate("EntryKinds", "API key"),
         QCoreApplication::translate("EntryKinds", "API key"), 0},
        {u"other"_s, QCoreApplication::translate("EntryKinds", "Other"),
         QCoreApplication::translate("EntryKinds", "Secret"), 0},
    };
}

EntryKind entryKind(const QString &id)
{
    const QList<EntryKind> kinds = entryKinds();
    for (const EntryKind &k : kinds) {
        if (k.id == id)
            return k;
    }
    return kinds.last();
}

QIcon entryKindIcon(const QString &id)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48})
        icon.addPixmap(draw(size, id));
    return icon;
}

} // namespace credvault::ui
