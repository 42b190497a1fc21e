#pragma once

// The detail pane's tags field: comma-separated tags, with the library's tags offered for the
// word being typed. Only that word is completed; the tags before it stay as typed.

#include <QLineEdit>

class QCompleter;
class QStringListModel;

namespace paperboy {

class TagsEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit TagsEdit(QWidget *parent = nullptr);

    void setKnownTags(const QStringList &tags);
    QCompleter *tagCompleter() const { return m_completer; }

    // The tags as typed: trimmed, without empties or repeats, in order.
    QStringList tags() const;
    static QStringList parseTags(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void offerCompletions();
    void insertCompletion(const QString &tag);
    // Start and length of the tag under the cursor.
    std::pair<int, int> currentWord() const;

    QCompleter *m_completer = nullptr;
    QStringListModel *m_model = nullptr;
    QStringList m_known;
};

} // namespace paperboy
