// Every change of a note keeps the text it replaced (issue #15): edits, bringing back an
// earlier version, a restored backup whose newer note won. Backups carry the history, old
// backups still restore, and imports never touch it.

#include "backup/backup_file.h"
#include "backup/backup_restore.h"
#include "import/importer.h"
#include "test_db.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

QDateTime at(int day, int minute = 0)
{
    return QDateTime(QDate(2024, 3, day), QTime(12, minute), Qt::UTC);
}

QStringList texts(const QList<NoteVersion> &versions)
{
    QStringList result;
    for (const NoteVersion &version : versions)
        result.append(version.text);
    return result;
}

struct Library
{
    Database db;
    std::unique_ptr<Store> store;
    QDateTime clock = at(1);

    bool open(const QString &path)
    {
        if (!db.open(path))
            return false;
        store = std::make_unique<Store>(db);
        store->setClock([this] { return clock; });
        return true;
    }
};

const QString kId = QStringLiteral("2306.05544");

} // namespace

class TestNoteHistory : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_a;

    QString path(const QString &name) const { return m_dir->filePath(name); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_a = std::make_unique<Library>();
        QVERIFY2(m_a->open(path(QStringLiteral("a.sqlite"))), qPrintable(m_a->db.error()));
    }

    void cleanup()
    {
        m_a.reset();
        m_dir.reset();
    }

    void everyChangeKeepsTheText()
    {
        Store &store = *m_a->store;
        QVERIFY(store.setNote(kId, QStringLiteral("first")));
        QVERIFY(store.noteHistory(kId).isEmpty()); // nothing was replaced
        m_a->clock = at(2);
        QVERIFY(store.setNote(kId, QStringLiteral("second")));
        QVERIFY(store.setNote(kId, QStringLiteral("second"))); // no change, nothing kept
        m_a->clock = at(3);
        QVERIFY(store.setNote(kId, QString())); // clearing keeps the text too
        const QList<NoteVersion> history = store.noteHistory(kId);
        QCOMPARE(texts(history), (QStringList{QStringLiteral("second"), QStringLiteral("first")}));
        QCOMPARE(history.first().replacedAt, at(3));
        QCOMPARE(history.first().by, QStringLiteral("edit"));
        QCOMPARE(history.last().replacedAt, at(2));
        QVERIFY(store.userState(kId).note.isEmpty());
    }

    void theNewestAreKept()
    {
        Store &store = *m_a->store;
        for (int i = 0; i <= kNoteHistoryKept + 5; ++i) {
            m_a->clock = at(1).addSecs(i);
            QVERIFY(store.setNote(kId, QStringLiteral("text %1").arg(i)));
        }
        const QList<NoteVersion> history = store.noteHistory(kId);
        QCOMPARE(history.size(), kNoteHistoryKept);
        QVERIFY(kNoteHistoryKept >= 20);
        QCOMPARE(history.first().text, QStringLiteral("text %1").arg(kNoteHistoryKept + 4));
        QCOMPARE(history.last().text, QStringLiteral("text 5"));
    }

    void restoringAVersionKeepsTheCurrentText()
    {
        Store &store = *m_a->store;
        QVERIFY(store.setNote(kId, QStringLiteral("old idea")));
        m_a->clock = at(2);
        QVERIFY(store.setNote(kId, QStringLiteral("new idea")));
        const qint64 old = store.noteHistory(kId).first().id;
        m_a->clock = at(3);
        QVERIFY2(store.restoreNoteVersion(kId, old), qPrintable(store.lastError()));
        QCOMPARE(store.userState(kId).note, QStringLiteral("old idea"));
        const QList<NoteVersion> history = store.noteHistory(kId);
        QCOMPARE(texts(history),
                 (QStringList{QStringLiteral("new idea"), QStringLiteral("old idea")}));
        QCOMPARE(history.first().by, QStringLiteral("restore"));
        QVERIFY(!store.restoreNoteVersion(QStringLiteral("2401.00001"), old)); // not its version
        QVERIFY(!store.lastError().isEmpty());
    }

    // The window saves while the user types: pauses in typing are not versions.
    void typingKeepsTheTextFromBeforeIt()
    {
        Store &store = *m_a->store;
        QVERIFY(store.setNote(kId, QStringLiteral("before")));
        m_a->clock = at(2);
        for (const char *text : {"b", "be", "bet", "better"}) {
            m_a->clock = m_a->clock.addSecs(2);
            QVERIFY(store.setNote(kId, QString::fromLatin1(text), NoteChange::Typing));
        }
        QCOMPARE(texts(store.noteHistory(kId)), QStringList{QStringLiteral("before")});
        // A new session (later than five minutes) keeps what the last one ended with...
        m_a->clock = m_a->clock.addSecs(Store::kTypingSessionSeconds + 1);
        QVERIFY(store.setNote(kId, QStringLiteral("better yet"), NoteChange::Typing));
        QCOMPARE(texts(store.noteHistory(kId)),
                 (QStringList{QStringLiteral("better"), QStringLiteral("before")}));
        // ...and so does any other change in between: an edit from the command line.
        QVERIFY(store.setNote(kId, QStringLiteral("cli"), NoteChange::Edit));
        QVERIFY(store.setNote(kId, QStringLiteral("cli typed"), NoteChange::Typing));
        QCOMPARE(texts(store.noteHistory(kId)).mid(0, 2),
                 (QStringList{QStringLiteral("cli"), QStringLiteral("better yet")}));
        // Another Store (another process) changed the note since: not a pause in typing.
        QVERIFY(store.setNote(kId, QStringLiteral("cli typed more"), NoteChange::Typing));
        Store other(m_a->db);
        other.setClock([this] { return m_a->clock; });
        m_a->clock = m_a->clock.addSecs(1);
        QVERIFY(other.setNote(kId, QStringLiteral("elsewhere")));
        m_a->clock = m_a->clock.addSecs(1);
        QVERIFY(store.setNote(kId, QStringLiteral("typed again"), NoteChange::Typing));
        QCOMPARE(texts(store.noteHistory(kId)).mid(0, 2),
                 (QStringList{QStringLiteral("elsewhere"), QStringLiteral("cli typed more")}));
    }

    // A restore whose newer note wins keeps the library's text: "Nothing is deleted".
    void restoreKeepsTheReplacedNote()
    {
        Library b;
        QVERIFY(b.open(path(QStringLiteral("b.sqlite"))));
        QVERIFY(m_a->store->setNote(kId, QStringLiteral("library text")));
        b.clock = at(5);
        QVERIFY(b.store->setNote(kId, QStringLiteral("backup text")));
        const QString file = path(QStringLiteral("b.json"));
        QString error;
        QVERIFY2(writeBackupFile(b.db, file, &error), qPrintable(error));
        const RestoreReport report = restoreBackupFile(m_a->db, file, at(6));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.notesKept, 1);
        QCOMPARE(m_a->store->userState(kId).note, QStringLiteral("backup text"));
        const QList<NoteVersion> history = m_a->store->noteHistory(kId);
        QCOMPARE(texts(history), QStringList{QStringLiteral("library text")});
        QCOMPARE(history.first().by, QStringLiteral("backup"));
        QCOMPARE(history.first().replacedAt, at(6));
    }

    void backupsCarryTheHistory()
    {
        Store &store = *m_a->store;
        QVERIFY(store.setNote(kId, QStringLiteral("one")));
        m_a->clock = at(2);
        QVERIFY(store.setNote(kId, QStringLiteral("two \"quoted\"\n多行")));
        m_a->clock = at(3);
        QVERIFY(store.setNote(kId, QStringLiteral("three")));
        const QString file = path(QStringLiteral("a.json"));
        QString error;
        BackupData written;
        QVERIFY2(writeBackupFile(m_a->db, file, &error, at(4), &written), qPrintable(error));
        const std::optional<BackupData> read = readBackupFile(file, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->version, 2);
        QCOMPARE(read->papers, written.papers);
        QCOMPARE(read->papers.first().noteHistory.size(), 2);
        // The streamed document is the one Qt's writer would make of the same data.
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(in.readAll(), QJsonDocument(backupToJson(written)).toJson());

        Library b;
        QVERIFY(b.open(path(QStringLiteral("b.sqlite"))));
        const RestoreReport report = restoreBackupFile(b.db, file, at(5));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.noteVersionsAdded, 2);
        QCOMPARE(userData(b.db.connection()), userData(m_a->db.connection()));
        // Restoring again adds nothing.
        QCOMPARE(restoreBackupFile(b.db, file, at(5)).noteVersionsAdded, 0);
        QCOMPARE(userData(b.db.connection()), userData(m_a->db.connection()));
    }

    // A version 1 backup (before note histories) still restores.
    void versionOneBackupsStillRestore()
    {
        const QByteArray v1 = R"({
    "created": "2024-03-20T12:00:00.000Z",
    "format": "paperboy-backup",
    "papers": [
        {
            "id": "2306.05544",
            "note": "from version 1",
            "note_changed": "2024-03-02T12:00:00.000Z",
            "read": true,
            "read_changed": "2024-03-02T12:00:00.000Z",
            "starred": false,
            "starred_changed": null,
            "tags": [
            ]
        }
    ],
    "saved_searches": [
    ],
    "version": 1
}
)";
        QString error;
        const std::optional<BackupData> data =
            backupFromJson(v1, QStringLiteral("v1.json"), &error);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(data->version, 1);
        QVERIFY(m_a->store->setNote(kId, QStringLiteral("library")));
        const RestoreReport report = restoreBackup(m_a->db, *data, at(20));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(m_a->store->userState(kId).note, QStringLiteral("from version 1"));
        QCOMPARE(texts(m_a->store->noteHistory(kId)), QStringList{QStringLiteral("library")});
    }

    // Imports never write user data: the history is byte-identical across one.
    void importLeavesTheHistoryAlone()
    {
        Store &store = *m_a->store;
        QVERIFY(Importer(store).importFile(foundingDigestPath()).ok);
        QVERIFY(store.setNote(kId, QStringLiteral("one")));
        QVERIFY(store.setNote(kId, QStringLiteral("two")));
        const QStringList before = userData(m_a->db.connection());
        QVERIFY(before.join(u'\n').contains(QStringLiteral("|one|")));
        QVERIFY(Importer(store).importFile(foundingDigestPath()).ok);
        QCOMPARE(userData(m_a->db.connection()), before);
    }
};

QTEST_GUILESS_MAIN(TestNoteHistory)
#include "tst_note_history.moc"
