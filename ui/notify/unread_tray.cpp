#include "notify/unread_tray.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace paperboy {

UnreadTray::UnreadTray(QObject *parent) : QObject(parent) {}

UnreadTray::~UnreadTray()
{
    delete m_icon;
    delete m_menu;
}

void UnreadTray::setWanted(bool wanted)
{
    if (!wanted || !QSystemTrayIcon::isSystemTrayAvailable()) {
        delete m_icon;
        m_icon = nullptr;
        return;
    }
    if (m_icon)
        return;
    m_menu = m_menu ? m_menu : new QMenu;
    if (m_menu->isEmpty()) {
        connect(m_menu->addAction(tr("Show Paperboy")), &QAction::triggered, this,
                &UnreadTray::raiseRequested);
        connect(m_menu->addAction(tr("Quit")), &QAction::triggered, this,
                &UnreadTray::quitRequested);
    }
    m_icon = new QSystemTrayIcon;
    m_icon->setObjectName(QStringLiteral("unreadTrayIcon"));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit raiseRequested();
            });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this,
            [this] { emit noticeActivated(m_lastNotice); });
    update();
    m_icon->show();
}

void UnreadTray::setUnread(int count)
{
    if (count == m_unread)
        return;
    m_unread = count;
    update();
}

QString UnreadTray::toolTip() const
{
    return m_unread < 0 ? QStringLiteral("Paperboy")
                        : tr("Paperboy: %n unread papers", nullptr, m_unread);
}

void UnreadTray::update()
{
    if (!m_icon)
        return;
    m_icon->setIcon(badged(QApplication::windowIcon(), qMax(0, m_unread)));
    m_icon->setToolTip(toolTip());
}

bool UnreadTray::showNotice(const Notice &notice)
{
    if (!m_icon || !QSystemTrayIcon::supportsMessages())
        return false;
    m_lastNotice = notice;
    m_icon->showMessage(notice.summary, notice.body, QSystemTrayIcon::Information);
    return true;
}

QIcon UnreadTray::badged(const QIcon &base, int count)
{
    if (count <= 0)
        return base;
    const int size = 64;
    QPixmap pixmap = base.pixmap(size, size);
    if (pixmap.isNull()) {
        pixmap = QPixmap(size, size);
        pixmap.fill(Qt::transparent);
    }
    pixmap.setDevicePixelRatio(1.0);
    pixmap = pixmap.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(size * 3 / 8);
    painter.setFont(font);
    const int width = qMax(size / 2, painter.fontMetrics().horizontalAdvance(text) + size / 6);
    const QRect badge(size - width, size / 2, width, size / 2);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xd7, 0x3a, 0x2f));
    painter.drawRoundedRect(badge, size / 4.0, size / 4.0);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
    painter.end();
    return QIcon(pixmap);
}

} // namespace paperboy
