#pragma once

// What an import tells its caller: the outcome per file, and progress on long ones.

#include "store/store.h"

#include <QString>
#include <QStringList>

namespace paperboy {

struct ImportReport
{
    QString path;
    QString format; // human-readable name of the detected format
    bool ok = false;
    QString error; // names the file (and line where it applies)
    ImportSummary summary;
    QStringList warnings;
    bool incomplete = false; // ParseResult::incomplete: imported, but the file was cut short
};

struct BulkProgress
{
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    qint64 papers = 0;
    bool resumed = false; // this run continued an earlier, interrupted one
};

} // namespace paperboy
