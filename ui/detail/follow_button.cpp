#include "detail/follow_button.h"

#include "common/paper_text.h"

#include <QMenu>

namespace paperboy {

FollowButton::FollowButton(QWidget *parent) : QPushButton(parent)
{
    setObjectName(QStringLiteral("followButton"));
    setMenu(new QMenu(this));
    menu()->setObjectName(QStringLiteral("followMenu"));
    connect(menu(), &QMenu::aboutToShow, this, &FollowButton::fillMenu);
    setFollowed({});
}

void FollowButton::setAuthors(const QStringList &authors, const QStringList &followed)
{
    m_authors = authors;
    setEnabled(!authors.isEmpty());
    setFollowed(followed);
}

void FollowButton::setFollowed(const QStringList &followed)
{
    m_followed = followed;
    setText(followed.isEmpty() ? tr("Follow")
                               : tr("Following %n authors", nullptr, int(followed.size())));
    setToolTip(followed.isEmpty() ? tr("Follow an author: their papers are marked in every list")
                                  : tr("Following: %1").arg(followed.join(QStringLiteral(", "))));
}

void FollowButton::fillMenu()
{
    menu()->clear();
    for (const QString &author : std::as_const(m_authors)) {
        QAction *action = menu()->addAction(readableText(author));
        action->setCheckable(true);
        action->setChecked(m_followed.contains(author));
        connect(action, &QAction::toggled, this,
                [this, author](bool follow) { emit followToggled(author, follow); });
    }
}

} // namespace paperboy
