#include "window/close_on_signals.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSocketNotifier>
#include <QWidget>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace paperboy {

namespace {

int g_pipe[2] = {-1, -1};

// Runs in the signal's context: only async-signal-safe calls. A full pipe (signals arriving
// faster than the GUI thread reads them) drops the byte, which loses nothing: one is enough.
void onSignal(int signal)
{
    const int savedErrno = errno;
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
    errno = savedErrno;
}

} // namespace

bool closeOnSignals(QWidget *window)
{
    if (g_pipe[0] < 0 && ::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        qWarning("Cannot watch for termination signals: %s", strerror(errno));
        return false;
    }
    auto *notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, window);
    QObject::connect(notifier, &QSocketNotifier::activated, window,
                     [window = QPointer<QWidget>(window)] {
                         char bytes[16];
                         while (::read(g_pipe[0], bytes, sizeof bytes) > 0) {
                         }
                         if (window)
                             window->close(); // saves the note being typed, like Quit
                         // A dialog's own event loop would keep the process alive: every
                         // loop is left, and what the window owns is torn down after exec().
                         QCoreApplication::exit(0);
                     });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        if (::sigaction(signal, &action, nullptr) != 0) {
            qWarning("Cannot handle signal %d: %s", signal, strerror(errno));
            return false;
        }
    return true;
}

} // namespace paperboy
