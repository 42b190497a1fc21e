#include "startup_probe.h"

#include "library/library.h"
#include "paperlist/list_controller.h"
#include "paperlist/paper_list_model.h"
#include "paperlist/paper_list_panel.h"
#include "window/main_window.h"
#include "window/reader_actions.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QListView>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace paperboy {

namespace {

// VmRSS, VmHWM (peak) and their heap and file-backed shares, in kB.
QByteArray memoryFields()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    QByteArray out;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            out += " rss-kb=" + line.mid(6).trimmed().split(' ').value(0);
        else if (line.startsWith("VmHWM:"))
            out += " peak-kb=" + line.mid(6).trimmed().split(' ').value(0);
        else if (line.startsWith("RssAnon:")) // heap: what the process really holds
            out += " anon-kb=" + line.mid(8).trimmed().split(' ').value(0);
        else if (line.startsWith("RssFile:")) // mapped files: libraries, the database (mmap)
            out += " file-kb=" + line.mid(8).trimmed().split(' ').value(0);
    }
    return out;
}

// Milliseconds since the kernel started this process (10 ms resolution): includes loading
// the binary and its libraries, which main() cannot see.
double processAgeMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of proc(5)
    const double up = uptime.readAll().split(' ').value(0).toDouble();
    return up * 1000.0 - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

} // namespace

bool ProbeOptions::parse(const QString &arg)
{
    if (arg == QLatin1String("--report-first-paint"))
        reportFirstPaint = true;
    else if (arg == QLatin1String("--quit-after-first-paint"))
        quitAfter = true;
    else if (arg.startsWith(QLatin1String("--browse-days=")))
        browseDays = arg.mid(14).toInt(); // one word: a bare number would read as a command
    else if (arg == QLatin1String("--open-for-you"))
        forYou = true;
    else
        return false;
    return true;
}

StartupProbe::StartupProbe(MainWindow *window, const ProbeOptions &options,
                           const QElapsedTimer &sinceMain)
    : QObject(window), m_window(window), m_options(options), m_sinceMain(sinceMain)
{
    window->paperList()->view()->viewport()->installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_painted && event->type() == QEvent::Paint &&
        m_window->paperList()->model()->rowCount() > 0) {
        m_painted = true;
        // Queued: runs once this paint has been done.
        QTimer::singleShot(0, this, &StartupProbe::firstPaint);
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::firstPaint()
{
    const double sinceMain = m_sinceMain.nsecsElapsed() / 1e6;
    std::printf("first-paint-ms=%.1f since-main-ms=%.1f rows=%d%s\n", processAgeMs(), sinceMain,
                m_window->paperList()->model()->rowCount(), memoryFields().constData());
    std::fflush(stdout);
    if (m_options.browseDays <= 0) {
        m_options.forYou ? openForYou() : finish();
        return;
    }
    connect(m_window->library(), &Library::listLoaded, this, [this] {
        // Let the list paint before the next step.
        QTimer::singleShot(0, this, &StartupProbe::browseNext);
    });
    browseNext();
}

void StartupProbe::browseNext()
{
    if (m_done)
        return;
    if (m_browsed >= m_options.browseDays) {
        m_done = true;
        std::printf("browsed-days=%d%s\n", m_browsed, memoryFields().constData());
        std::fflush(stdout);
        m_options.forYou ? openForYou() : finish();
        return;
    }
    ++m_browsed;
    m_window->actions().previousDay->trigger();
}

void StartupProbe::openForYou()
{
    connect(m_window->library(), &Library::listLoaded, this,
            [this](const ListSource &source, const QList<PaperView> &papers) {
                if (source.kind != ListKind::ForYou || std::exchange(m_forYouListed, true))
                    return;
                // Once the list has painted and the sidebar's counts arrived.
                QTimer::singleShot(1000, this, [this, rows = papers.size()] {
                    std::printf("for-you-rows=%lld%s\n", static_cast<long long>(rows),
                                memoryFields().constData());
                    std::fflush(stdout);
                    finish();
                });
            });
    m_window->listController()->choose(ListSource::view(ListKind::ForYou));
}

void StartupProbe::finish()
{
    if (m_options.quitAfter)
        QTimer::singleShot(0, m_window, &QWidget::close);
}

} // namespace paperboy
