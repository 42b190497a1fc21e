#pragma once

// A tinted strip above a pane that says something the reader must not miss (a note changed
// elsewhere, a note not saved yet) and offers what can be done about it. Its text is always
// plain text; the colours follow the palette, light or dark.

#include <QFrame>

class QBoxLayout;
class QLabel;
class QPushButton;

namespace paperboy {

class Banner : public QFrame
{
    Q_OBJECT
public:
    explicit Banner(const QString &objectName, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    // Widgets between the text and the buttons (the two texts of a conflict).
    void addContent(QWidget *widget);
    QPushButton *addButton(const QString &objectName, const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColours();

    QLabel *m_text = nullptr;
    QBoxLayout *m_content = nullptr;
    QBoxLayout *m_buttons = nullptr;
    bool m_updating = false;
};

} // namespace paperboy
