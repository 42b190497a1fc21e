// Inputs the fuzzers (tests/fuzz) found to break a promise, kept as regression tests. Each
// case names the target that found it.

#include "backup/backup_file.h"

#include <QJsonDocument>
#include <QTest>

using namespace paperboy;

class TestHostileInputs : public QObject
{
    Q_OBJECT

private slots:
    void backupWithoutCreatedRoundTrips();
};

// fuzz_backup: a backup without "created" was read, but written back with "created": "",
// which reading refuses: a restored-then-saved backup could not be read again.
void TestHostileInputs::backupWithoutCreatedRoundTrips()
{
    QString error;
    const std::optional<BackupData> read = backupFromJson(
        R"({"format": "paperboy-backup", "version": 1, "papers": [], "saved_searches": []})",
        QStringLiteral("old.json"), &error);
    QVERIFY2(read, qPrintable(error));
    QVERIFY(read->created.isEmpty());
    const QByteArray written = QJsonDocument(backupToJson(*read)).toJson();
    const std::optional<BackupData> again =
        backupFromJson(written, QStringLiteral("again.json"), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->created, read->created);
}

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "tst_hostile_inputs.moc"
