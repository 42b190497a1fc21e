#pragma once

// The detail pane's "v3 · 15 Nov 2021" line for a paper with several recorded versions, what
// arrived with the newest (accepted, a journal reference, a DOI, a code link) and what changed
// since the version before, word by word: deletions struck through in red, insertions in green.

#include "core/paper_version.h"

#include <QLabel>
#include <QList>

namespace paperboy {

class VersionView : public QLabel
{
    Q_OBJECT
public:
    explicit VersionView(QWidget *parent = nullptr);

    // Hidden for fewer than two versions.
    void setVersions(const QList<PaperVersion> &versions);
    const QList<PaperVersion> &versions() const { return m_versions; }

    // The rich text for `versions` (newest against the one before), for the label and tests.
    static QString describe(const QList<PaperVersion> &versions, const QPalette &palette);

protected:
    void changeEvent(QEvent *event) override;

private:
    QList<PaperVersion> m_versions;
};

} // namespace paperboy
