#pragma once

// The starting library of the fault sweep (fault_sweep.cpp) and the helpers its operations
// share, for operations kept in files of their own (fault_versions.cpp).

#include "fault_sweep.h"
#include "search/saved_trends.h"
#include "store/pdf_store.h"
#include "store/store.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <functional>

namespace paperboy::test::fault_library {

extern const QDateTime kNow;      // every operation's clock
extern const QString kPaper;      // starred, noted, tagged, read, opened at version 1
extern const QString kOtherPaper; // tagged and read

// Opens the library as the app does and runs `work` on a store with a fixed clock.
bool withStore(const QString &path, QString *error,
               const std::function<bool(Store &, QString *)> &work, const QDateTime &now = kNow);
// A library with a stored day and some of everything a user keeps, written a day before kNow.
bool prepareLibrary(const QString &path);

// "seen-version" and "version-check" (issue #18); an empty operation for another name.
FaultOperation versionsOperation(const QString &name);
// Issue #16's writes: "dismiss", "undismiss", "follow", "unfollow", "rule-add", "rule-remove"
// and "import-rules" (fault_curation.cpp); an empty operation for another name.
FaultOperation curationOperation(const QString &name, int scale);
// Issue #22's writes: "trend-save" (a new one), "trend-replace" and "trend-delete"
// (fault_curation.cpp); an empty operation for another name.
FaultOperation savedTrendOperation(const QString &name);
// Issue #21's writes: "pdf-keep" (a PDF and the text of its pages) and "pdf-remove"
// (fault_pdfs.cpp); an empty operation for another name.
FaultOperation pdfOperation(const QString &name, int scale);
// The kept PDF of `arxivId` every starting library holds for kPaper, and its pages.
KeptPdf sweepPdf(const QString &arxivId);
QStringList sweepPdfPages(int scale);
// The saved trend every starting library holds.
SavedTrend sweepTrend(const QString &name, const QStringList &queries);

Rule makeRule(const QString &name, const QString &query, RuleAction action,
              const QString &tag = {});

// The sweep's own digests: `entries` papers of a day, as 每日学术速递 lists them.
QByteArray digestText(const QDate &date, int entries);
QString digestName(const QDate &date);

using Run = std::function<bool(const QString &, QString *)>;
// A Store call that returns false (or -1) and sets lastError() on failure.
Run storeCall(const std::function<bool(Store &)> &call, const QString &pragma = {});
Run importBytes(const QByteArray &bytes, const QString &name);

} // namespace paperboy::test::fault_library
