#pragma once

// Preferences > PDFs (issue #21): whether starring a paper keeps its PDF offline, the largest
// PDF accepted, and where PDFs come from.

#include <QSettings>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace paperboy {

class PdfPage : public QWidget
{
    Q_OBJECT
public:
    explicit PdfPage(QWidget *parent = nullptr);

    void load(const QSettings &settings);
    void save(QSettings &settings) const;
    void restoreDefaults();
    // A template without {id} or not http(s) is refused: empty when it is fine.
    QString problem() const;

private:
    QCheckBox *m_starred = nullptr;
    QSpinBox *m_maxMegabytes = nullptr;
    QLineEdit *m_urlTemplate = nullptr;
};

} // namespace paperboy
