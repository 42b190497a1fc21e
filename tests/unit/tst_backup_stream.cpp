// The streamed backup: the same bytes as the QJsonDocument of the same data, restored to the
// same rows, and an automatic backup that is not written again while nothing changed.

#include "backup/auto_backup.h"
#include "backup/backup_file.h"
#include "backup/backup_restore.h"
#include "backup/backup_stream.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

QDateTime at(int day, int hour = 12)
{
    return QDateTime(QDate(2024, 3, day), QTime(hour, 0), Qt::UTC);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool exec(Database &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db.connection());
    if (!q.prepare(sql))
        return false;
    for (const QVariant &value : values)
        q.addBindValue(value);
    return q.exec();
}

QStringList everything(const Database &db)
{
    return userData(db.connection()); // every user table, saved searches included
}

// What the writer did before streaming: the whole document through QJsonDocument.
QByteArray documentOf(Database &db, const QDateTime &created)
{
    QString error;
    std::optional<BackupData> data = readUserData(db, &error);
    if (!data)
        return "<" + error.toUtf8() + ">";
    data->created = backupTimestamp(created);
    return QJsonDocument(backupToJson(*data)).toJson(QJsonDocument::Indented);
}

} // namespace

class TestBackupStream : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    QDateTime m_clock = at(1);

    QString path(const QString &name) const { return m_dir->filePath(name); }

    // Text that JSON writers get wrong: quotes, backslashes, every control character, DEL,
    // two- three- and four-byte UTF-8, and an unpaired surrogate.
    static QString awkward()
    {
        QString text = QStringLiteral("\"q\" \\ / 多行\nnote\r\t\b\f é ☃ ") +
                       QString::fromUcs4(U"\U0001F600") + QChar(0x7f);
        for (char16_t c = 0; c < 0x20; ++c)
            text += QChar(c);
        return text;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QVERIFY2(m_db->open(path(QStringLiteral("library.sqlite"))), qPrintable(m_db->error()));
        m_store = std::make_unique<Store>(*m_db);
        m_store->setClock([this] { return m_clock; });
    }

    void cleanup()
    {
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void emptyLibraryIsTheSameDocument()
    {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QString error;
        QVERIFY2(streamBackup(*m_db, buffer, backupTimestamp(at(5)), &error), qPrintable(error));
        QCOMPARE(buffer.data(), documentOf(*m_db, at(5)));
    }

    void streamedBytesMatchTheDocumentAndRestoreIdentically()
    {
        m_clock = at(2);
        QVERIFY(m_store->setStarred(QStringLiteral("2403.00001"), true));
        QVERIFY(m_store->setRead(QStringLiteral("2403.00001"), true));
        QVERIFY(m_store->setNote(QStringLiteral("2403.00001"), awkward()));
        QVERIFY(m_store->addTags(QStringLiteral("2403.00001"),
                                 {QStringLiteral("视觉"), QStringLiteral("a \"b\"")}));
        m_clock = at(3);
        QVERIFY(m_store->setStarred(QStringLiteral("2403.00002"), true));
        QVERIFY(m_store->setStarred(QStringLiteral("2403.00002"), false)); // a row of defaults
        QVERIFY(m_store->addTags(QStringLiteral("2403.00003"), {QStringLiteral("tags only")}));
        QVERIFY(m_store->setNote(QStringLiteral("math/0211159"), QStringLiteral("old id")));
        // An empty note is not no note.
        QVERIFY(exec(*m_db,
                     QStringLiteral("INSERT INTO user_papers (arxiv_id, note) VALUES (?, '')"),
                     {QStringLiteral("2403.00004")}));
        // Tags sort after papers of a smaller id and before larger ones: the merge.
        QVERIFY(m_store->addTags(QStringLiteral("2401.99999"), {QStringLiteral("early")}));
        QVERIFY(m_store->addTags(QStringLiteral("2412.00001"), {QStringLiteral("late")}));
        for (const QString &name : {QStringLiteral("zeta"), QStringLiteral("alpha ✓")})
            QVERIFY(exec(*m_db,
                         QStringLiteral("INSERT INTO saved_searches (name, query, created)"
                                        " VALUES (?, ?, ?)"),
                         {name, awkward(), backupTimestamp(at(4))}));

        const QString file = path(QStringLiteral("backup.json"));
        QString error;
        BackupData written;
        QByteArray fingerprint;
        QVERIFY2(writeBackupFile(*m_db, file, &error, at(20), &written, &fingerprint),
                 qPrintable(error));
        QCOMPARE(readAll(file), documentOf(*m_db, at(20)));
        QCOMPARE(written.papers.size(), 7);
        QCOMPARE(written.savedSearches.size(), 2);
        QCOMPARE(fingerprint, userDataFingerprint(*m_db, &error).value_or("<failed>"));

        // Read back by the restore side into an empty library: the very same rows.
        const std::optional<BackupData> read = readBackupFile(file, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->papers, written.papers);
        QCOMPARE(read->savedSearches, written.savedSearches);
        Database other;
        QVERIFY2(other.open(path(QStringLiteral("other.sqlite"))), qPrintable(other.error()));
        const RestoreReport report = restoreBackupFile(other, file);
        QVERIFY2(report.ok, qPrintable(report.error));
        QVERIFY(report.conflicts.isEmpty());
        QCOMPARE(everything(other), everything(*m_db));
        QCOMPARE(everything(other).size(), 4 + 5 + 2); // user_papers, user_tags, searches
    }

    // The user's own translations (issue #17) ride along in their papers; a backup that has
    // any is version 3, streamed exactly as the document, restored to the same rows.
    void translationsAreStreamedAndRestored()
    {
        m_clock = at(2);
        QVERIFY(m_store->setStarred(QStringLiteral("2403.00002"), true));
        QVERIFY(m_store->setUserTranslation(QStringLiteral("2403.00002"), QStringLiteral("zh"),
                                            QStringLiteral("我的标题"), awkward()));
        QVERIFY(m_store->setUserTranslation(QStringLiteral("2403.00002"), QStringLiteral("ja"), {},
                                            QStringLiteral("要旨")));
        // Translations alone, sorting before and after the others.
        QVERIFY(m_store->setUserTranslation(QStringLiteral("2401.00001"), QStringLiteral("zh"),
                                            QStringLiteral("早"), {}));
        QVERIFY(m_store->addTags(QStringLiteral("2403.00001"), {QStringLiteral("t")}));
        QVERIFY(m_store->setUserTranslation(QStringLiteral("2412.00009"), QStringLiteral("zh"),
                                            QStringLiteral("晚"), QStringLiteral("晚摘要")));
        const QString file = path(QStringLiteral("translations.json"));
        QString error;
        BackupData written;
        QByteArray fingerprint;
        QVERIFY2(writeBackupFile(*m_db, file, &error, at(20), &written, &fingerprint),
                 qPrintable(error));
        QCOMPARE(readAll(file), documentOf(*m_db, at(20)));
        QCOMPARE(written.version, kBackupVersionTranslations);
        QCOMPARE(written.papers.size(), 4);
        QCOMPARE(written.papers.at(2).translations.size(), 2); // 2403.00002: ja, zh
        QCOMPARE(written.papers.at(2).translations.at(0).language, QStringLiteral("ja"));
        QCOMPARE(QJsonDocument::fromJson(readAll(file)).object().value(u"version").toInt(),
                 kBackupVersionTranslations);
        QCOMPARE(fingerprint, userDataFingerprint(*m_db, &error).value_or("<failed>"));

        const std::optional<BackupData> read = readBackupFile(file, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->papers, written.papers);
        Database other;
        QVERIFY2(other.open(path(QStringLiteral("other.sqlite"))), qPrintable(other.error()));
        const RestoreReport report = restoreBackupFile(other, file);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.papersAdded, 4);
        QCOMPARE(everything(other), everything(*m_db));

        // A change of a translation alone changes the fingerprint.
        const QByteArray before = fingerprint;
        m_clock = at(3);
        QVERIFY(m_store->setUserTranslation(QStringLiteral("2412.00009"), QStringLiteral("zh"),
                                            QStringLiteral("晚"), QStringLiteral("晚摘要。")));
        QVERIFY(userDataFingerprint(*m_db, &error).value_or(before) != before);
    }

    // Dismissals, follows, rules and highlights (issue #16) make a backup version 4, above
    // translations' 3, so a Paperboy that reads up to 3 refuses it rather than restoring it
    // without them; streamed exactly as the document.
    void readingLessIsVersion4()
    {
        m_clock = at(2);
        QVERIFY(m_store->setUserTranslation(QStringLiteral("2403.00002"), QStringLiteral("zh"),
                                            QStringLiteral("我的标题"), {}));
        QVERIFY(m_store->setDismissed({QStringLiteral("2403.00001")}, true));
        QVERIFY(m_store->setDismissed({QStringLiteral("2403.00001")}, false)); // the row stays
        const QString file = path(QStringLiteral("reading-less.json"));
        QString error;
        BackupData written;
        QVERIFY2(writeBackupFile(*m_db, file, &error, at(20), &written), qPrintable(error));
        QCOMPARE(readAll(file), documentOf(*m_db, at(20)));
        QCOMPARE(written.version, kBackupVersionReadingLess);
        QCOMPARE(written.dismissals.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(readAll(file)).object().value(u"version").toInt(), 4);
        QCOMPARE(backupVersionFor(written), kBackupVersionReadingLess);
        QCOMPARE(backupToJson(written).value(u"version").toInt(), 4);

        // A follow alone is enough; translations alone stay version 3.
        written.dismissals.clear();
        QCOMPARE(backupVersionFor(written), kBackupVersionTranslations);
        written.followedAuthors.append(
            {QStringLiteral("Ada Lovelace"), true, backupTimestamp(at(3))});
        QCOMPARE(backupVersionFor(written), kBackupVersionReadingLess);
        QVERIFY(kBackupFormatVersion >= kBackupVersionReadingLess);
    }

    void unreadableUserDataIsNamedAndLeavesNoFile()
    {
        QVERIFY(m_store->setStarred(QStringLiteral("2403.00001"), true));
        QVERIFY(m_db->execScript(QStringLiteral("DROP TABLE saved_searches")));
        const QString file = path(QStringLiteral("broken.json"));
        QString error;
        QVERIFY(!writeBackupFile(*m_db, file, &error, at(20)));
        QVERIFY2(error.contains(QStringLiteral("saved_searches")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("library.sqlite")), qPrintable(error));
        QVERIFY(!QFile::exists(file));
        QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("broken*")}, QDir::Files),
                 QStringList());
    }

    void fingerprintFollowsEveryKindOfChange()
    {
        QString error;
        auto fingerprint = [&] { return userDataFingerprint(*m_db, &error).value_or("<failed>"); };
        QSet<QByteArray> seen{fingerprint()};
        auto changed = [&] { return error.isEmpty() && !seen.contains(fingerprint()); };
        auto remember = [&] { seen.insert(fingerprint()); };

        QVERIFY(m_store->addTags(QStringLiteral("2403.00001"), {QStringLiteral("abc")}));
        QVERIFY(changed());
        remember();
        // Same count, same time, same length: only the text moved.
        QCOMPARE(m_store->renameTag(QStringLiteral("abc"), QStringLiteral("abd")), 1);
        QVERIFY(changed());
        remember();
        QVERIFY(exec(*m_db, QStringLiteral("INSERT INTO saved_searches VALUES ('s', 'q', ?)"),
                     {backupTimestamp(at(2))}));
        QVERIFY(changed());
        remember();
        QVERIFY(exec(*m_db, QStringLiteral("UPDATE saved_searches SET query = 'r'")));
        QVERIFY(changed());
        remember();
        QVERIFY(exec(*m_db,
                     QStringLiteral("INSERT INTO user_papers (arxiv_id, note) VALUES ('x', '')")));
        QVERIFY(changed());
        remember();
        QVERIFY(exec(*m_db, QStringLiteral("UPDATE user_papers SET note = NULL")));
        QVERIFY(changed());
        // Reading does not change it.
        const QByteArray now = fingerprint();
        QCOMPARE(fingerprint(), now);
    }

    void unchangedLibraryIsBackedUpOncePerDay()
    {
        QVERIFY(m_store->setStarred(QStringLiteral("2403.00001"), true));
        const QString folder = path(QStringLiteral("backups"));
        AutomaticBackupResult first = rotateAutomaticBackup(*m_db, folder, 7, at(10, 9));
        QVERIFY2(first.ok, qPrintable(first.error));
        QVERIFY(!first.unchanged);
        const QByteArray written = readAll(first.path);
        QVERIFY(written.contains("2024-03-10T09:00:00.000Z"));

        // Started again later that day with nothing changed: the morning's file stays.
        const AutomaticBackupResult again = rotateAutomaticBackup(*m_db, folder, 7, at(10, 15));
        QVERIFY2(again.ok, qPrintable(again.error));
        QVERIFY(again.unchanged);
        QCOMPARE(again.path, first.path);
        QCOMPARE(readAll(first.path), written);

        // A change is backed up the same day.
        m_clock = at(10, 16);
        QVERIFY(m_store->setNote(QStringLiteral("2403.00001"), QStringLiteral("new")));
        const AutomaticBackupResult changed = rotateAutomaticBackup(*m_db, folder, 7, at(10, 17));
        QVERIFY(changed.ok);
        QVERIFY(!changed.unchanged);
        QVERIFY(readAll(first.path).contains("2024-03-10T17:00:00.000Z"));
        QVERIFY(readAll(first.path).contains("\"new\""));

        // A file that is gone, or not the one written, is written again.
        QVERIFY(QFile::remove(first.path));
        AutomaticBackupResult rewritten = rotateAutomaticBackup(*m_db, folder, 7, at(10, 18));
        QVERIFY(rewritten.ok && !rewritten.unchanged);
        QVERIFY(QFile::exists(first.path));
        {
            QFile file(first.path);
            QVERIFY(file.open(QIODevice::Append));
            file.write(" ");
        }
        rewritten = rotateAutomaticBackup(*m_db, folder, 7, at(10, 19));
        QVERIFY(rewritten.ok && !rewritten.unchanged);
        QVERIFY(readAll(first.path).contains("2024-03-10T19:00:00.000Z"));

        // The next day gets its own file even with nothing changed.
        const AutomaticBackupResult nextDay = rotateAutomaticBackup(*m_db, folder, 7, at(11, 9));
        QVERIFY(nextDay.ok && !nextDay.unchanged);
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 2);
        QVERIFY(rotateAutomaticBackup(*m_db, folder, 7, at(11, 10)).unchanged);

        // A library opened read-only (`paperboy backup`) is checked the same way.
        Database readOnly;
        QVERIFY(readOnly.open(path(QStringLiteral("library.sqlite")), Database::Mode::ReadOnly));
        QVERIFY(rotateAutomaticBackup(readOnly, folder, 7, at(11, 11)).unchanged);
    }
};

QTEST_GUILESS_MAIN(TestBackupStream)
#include "tst_backup_stream.moc"
