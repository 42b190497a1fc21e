#pragma once

// The machine-written summary some digests attach to a paper (TL;DR, motivation, method,
// result, conclusion, keywords), shown under the abstract and clearly labelled as AI-written.
// Plain text only; highlighted words of a search are marked like the abstract's.

#include "core/paper.h"

#include <QWidget>

class QLabel;

namespace paperboy {

class MathTextView;

class AiSummaryView : public QWidget
{
    Q_OBJECT
public:
    explicit AiSummaryView(QWidget *parent = nullptr);

    // Hides itself when `summary` is empty.
    void setSummary(const AiSummary &summary, const QStringList &highlight = {});
    QString text() const; // everything shown, for tests and copying

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColours();

    QLabel *m_heading = nullptr;
    QLabel *m_language = nullptr;
    QList<std::pair<QLabel *, MathTextView *>> m_rows; // caption, text
};

} // namespace paperboy
