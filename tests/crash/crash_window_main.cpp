// paperboy_crash_window: the real reader window, offscreen, driven as a user would drive it
// (click a paper, press S, type a note), for the crash harness to kill. It says on stdout
// what it is about to change and what it saw saved, one line each:
//
//   start star:ID 1        the star is toggled on (or 0: off)
//   saved star:ID 1        the window's writer stored it and reported no failure
//   start note:ID <text>   the note is typed (newlines as \n)
//   saved note:ID <text>
//
// "Saved" is what the window knows: the write it posted came back from the writer thread
// without an error (PendingEdits holds nothing in flight, writeFailed was not emitted) and
// the note editor has nothing unsaved. The harness counts those as acknowledged. Read marks
// are off (a delay of an hour), so the window writes nothing else.
//
//   paperboy_crash_window DATABASE SEED [PAPER...]   only these papers are touched

#include "detail/note_editor.h"
#include "library/library.h"
#include "library/user_data.h"
#include "paperlist/paper_list_panel.h"
#include "window/main_window.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QListView>
#include <QRandomGenerator>
#include <QSettings>
#include <QTest>

#include <cstdio>

using namespace paperboy;

namespace {

void say(const QString &line)
{
    QString escaped = line;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    const QByteArray bytes = escaped.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

// Spins the event loop until `done` or `ms` pass.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > ms)
            return false;
        QTest::qWait(5);
    }
    return true;
}

// Types `text` as a user would: ASCII as key presses, the rest as an input method commits it
// (QTest::keyClicks asserts on characters that are not ASCII).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar ch : text) {
        if (ch.unicode() >= 0x20 && ch.unicode() < 0x7f) {
            QTest::keyClick(widget, char(ch.unicode()));
            continue;
        }
        QInputMethodEvent event;
        event.setCommitString(QString(ch));
        QCoreApplication::sendEvent(widget, &event);
    }
}

bool selectPaper(MainWindow &window, const QString &id)
{
    auto *view = window.findChild<QListView *>(QStringLiteral("paperList"));
    if (!view)
        return false;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        if (window.paperList()->currentId() == id)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy-crash"));
    QCoreApplication::setApplicationName(QStringLiteral("paperboy-crash-window"));
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: paperboy_crash_window DATABASE SEED PAPER...\n");
        return 2;
    }
    // Read marks only when asked: this driver changes stars and notes.
    QSettings().setValue(QStringLiteral("reader/markReadDelayMs"), 3600 * 1000);
    QRandomGenerator random(args.at(2).toUInt());
    const QStringList papers = args.mid(3);

    MainWindow window(args.at(1), MainWindow::Options{});
    window.show();
    bool failed = false;
    QObject::connect(window.library(), &Library::writeFailed, &window,
                     [&failed](const QString &error) {
                         failed = true;
                         std::fprintf(stderr, "write failed: %s\n", qPrintable(error));
                     });
    auto *list = window.findChild<QListView *>(QStringLiteral("paperList"));
    if (!waitFor([list] { return list && list->model()->rowCount() > 0; }, 60000)) {
        std::fprintf(stderr, "the window listed no paper\n");
        return 1;
    }
    auto *star = window.findChild<QAction *>(QStringLiteral("toggleStarAction"));
    auto *note = window.findChild<NoteEditor *>(QStringLiteral("noteEditor"));
    if (!star || !note) {
        std::fprintf(stderr, "no star action or note editor\n");
        return 1;
    }
    const Library &library = *window.library();
    auto settled = [&] {
        return !library.userData()->pendingEdits().hasPendingWrites() && !note->isDirty();
    };
    say(QStringLiteral("ready"));
    for (int sequence = 1;; ++sequence) {
        const QString id = papers.at(int(random.bounded(int(papers.size()))));
        if (!selectPaper(window, id)) {
            std::fprintf(stderr, "cannot select %s\n", qPrintable(id));
            return 1;
        }
        failed = false;
        QString key;
        QString value;
        if (random.bounded(2) == 0) {
            // What the star shows now is what the library has: the last edit was saved.
            const bool starred = window.findChild<QAbstractButton *>(QStringLiteral("starButton"))
                                     ->isChecked();
            key = QStringLiteral("star:") + id;
            value = starred ? QStringLiteral("0") : QStringLiteral("1");
            say(QStringLiteral("start %1 %2").arg(key, value));
            list->setFocus();
            star->trigger();
        } else {
            key = QStringLiteral("note:") + id;
            value = QStringLiteral("window note %1 on %2, 第%1条\nsecond line").arg(sequence).arg(id);
            say(QStringLiteral("start %1 %2").arg(key, value));
            note->setFocus();
            QTest::keyClick(note, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClick(note, Qt::Key_Delete);
            const QStringList lines = value.split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (i > 0)
                    QTest::keyClick(note, Qt::Key_Return);
                typeText(note, lines.at(i));
            }
        }
        // The note's autosave waits for a pause in typing; then the write goes out.
        QTest::qWait(50);
        if (!waitFor([&] { return failed || settled(); }, 30000) || failed) {
            std::fprintf(stderr, "%s was not saved\n", qPrintable(key));
            return 1;
        }
        say(QStringLiteral("saved %1 %2").arg(key, value));
    }
}
