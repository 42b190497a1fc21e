#pragma once

// The detail pane's Follow button (issue #16): a menu of the paper's authors, each checked
// when followed; its text says how many of them the reader follows. A push button like its
// neighbours: a tool button's menu arrow sat on the last letter of "Follow".

#include <QPushButton>
#include <QStringList>

namespace paperboy {

class FollowButton : public QPushButton
{
    Q_OBJECT
public:
    explicit FollowButton(QWidget *parent = nullptr);

    // The paper's authors as written there, and which of them are followed.
    void setAuthors(const QStringList &authors, const QStringList &followed);
    void setFollowed(const QStringList &followed);

signals:
    // UserData answers with the change once the follow is written (setFollowed).
    void followToggled(const QString &author, bool follow);

private:
    void fillMenu();

    QStringList m_authors;
    QStringList m_followed;
};

} // namespace paperboy
