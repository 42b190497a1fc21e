#pragma once

// Measurement hooks for the benchmark (tests/bench), off unless asked for on the command line:
//   --report-first-paint     print "first-paint-ms=..." once the window has painted the first
//                            day's list (milliseconds since the process started)
//   --browse-days=N          then step back N days, each after its list arrived, and print
//                            the resident memory
//   --open-for-you           then open the For You view and, once it is listed, print its
//                            rows and the resident memory
//   --quit-after-first-paint quit once the above is reported
// Nothing here changes what the window does; it only watches.

#include <QElapsedTimer>
#include <QObject>

namespace paperboy {

class MainWindow;

struct ProbeOptions
{
    bool reportFirstPaint = false;
    bool quitAfter = false;
    int browseDays = 0;
    bool forYou = false;

    bool enabled() const { return reportFirstPaint || browseDays > 0 || forYou; }
    // True when `arg` was one of the probe's options.
    bool parse(const QString &arg);
};

class StartupProbe : public QObject
{
    Q_OBJECT
public:
    StartupProbe(MainWindow *window, const ProbeOptions &options, const QElapsedTimer &sinceMain);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void firstPaint();
    void browseNext();
    void openForYou();
    void finish();

    MainWindow *m_window;
    ProbeOptions m_options;
    QElapsedTimer m_sinceMain;
    bool m_painted = false;
    int m_browsed = 0;
    bool m_done = false;
    bool m_forYouListed = false;
};

} // namespace paperboy
