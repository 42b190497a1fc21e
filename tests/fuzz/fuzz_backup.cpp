// Backup files: reading checks the whole document first; whatever is accepted writes back
// to an equal document.

#include "backup/backup_file.h"
#include "fuzz_common.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace paperboy;
    QString error;
    const std::optional<BackupData> backup =
        backupFromJson(fuzz::bytesOf(data, size), QStringLiteral("fuzz.json"), &error);
    if (!backup) {
        fuzz::check(error.contains(QStringLiteral("fuzz.json")), "an error not naming the file");
        return 0;
    }
    const QByteArray written = QJsonDocument(backupToJson(*backup)).toJson();
    QString again;
    const std::optional<BackupData> reread =
        backupFromJson(written, QStringLiteral("again.json"), &again);
    fuzz::check(reread.has_value(), "a backup we wrote is not readable");
    fuzz::check(reread->papers == backup->papers, "papers changed in a round trip");
    fuzz::check(reread->savedSearches == backup->savedSearches,
                "saved searches changed in a round trip");
    return 0;
}
