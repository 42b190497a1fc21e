#pragma once

// Progress of a long command on stderr: a bar redrawn in place on a terminal, plain lines
// ("paperboy fetch: [3/10] ...") for logs and pipes. Shared by fetch, import's English
// enrichment and translate.

#include <QString>

namespace paperboy {

class ProgressPrinter
{
public:
    // `prefix` starts every plain line: "paperboy fetch".
    explicit ProgressPrinter(const QString &prefix);
    ProgressPrinter(const QString &prefix, bool terminal) : m_prefix(prefix), m_terminal(terminal)
    {
    }

    void progress(int done, int total, const QString &text);
    // A line of its own, after clearing the bar.
    void message(const QString &text);
    void end();

private:
    static void write(const QString &text);

    QString m_prefix;
    bool m_terminal;
    qsizetype m_lastWidth = 0;
};

} // namespace paperboy
