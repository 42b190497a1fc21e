#pragma once

// Under the abstract: where the Chinese on screen comes from ("machine translation ·
// deepl", "your translation", stale when the English changed since), a button to translate
// the paper and one to write or correct the Chinese yourself. A digest's human translation
// needs no note and offers no machine one.

#include "core/paper.h"

#include <QDialog>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace paperboy {

class TranslationBar : public QWidget
{
    Q_OBJECT
public:
    explicit TranslationBar(QWidget *parent = nullptr);

    void setPaper(const PaperView &view);
    // "machine translation · openai/qwen2.5 · stale", or empty when nothing needs saying.
    static QString provenance(const PaperView &view);

signals:
    // `again`: the Chinese shown is a machine's; the service is asked anew (forced).
    void translateRequested(bool again);
    void editRequested();

private:
    QLabel *m_source = nullptr;
    QPushButton *m_translate = nullptr;
    QPushButton *m_edit = nullptr;
    bool m_again = false;
};

// The user's own Chinese title and abstract, started from what is shown. Clearing both
// removes the user's translation (the digest's or the machine's shows again).
class TranslationEditDialog : public QDialog
{
    Q_OBJECT
public:
    TranslationEditDialog(const PaperView &view, QWidget *parent = nullptr);
    QString title() const;
    QString abstract() const;

private:
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_abstract = nullptr;
};

} // namespace paperboy
