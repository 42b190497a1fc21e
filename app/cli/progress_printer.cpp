#include "progress_printer.h"

#include "cli/cli_context.h"

#include <cstdio>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

bool stderrIsTerminal()
{
#if defined(Q_OS_UNIX)
    return isatty(fileno(stderr)) != 0;
#else
    return false;
#endif
}

} // namespace

ProgressPrinter::ProgressPrinter(const QString &prefix)
    : ProgressPrinter(prefix, stderrIsTerminal())
{
}

void ProgressPrinter::progress(int done, int total, const QString &text)
{
    if (!m_terminal) {
        CliContext::err(u"%1: [%2/%3] %4"_s.arg(m_prefix).arg(done).arg(total).arg(text));
        return;
    }
    constexpr int width = 24;
    const int filled = total > 0 ? std::clamp(width * done / total, 0, width) : 0;
    QString line = u"\r[%1%2] %3/%4 %5"_s.arg(QString(filled, u'#'), QString(width - filled, u'.'))
                       .arg(done)
                       .arg(total)
                       .arg(text.left(60));
    line += QString(std::max(0, int(m_lastWidth - line.size())), u' ');
    m_lastWidth = line.size();
    write(line);
}

void ProgressPrinter::message(const QString &text)
{
    if (m_terminal && m_lastWidth > 0) {
        write(u"\r"_s + QString(m_lastWidth, u' ') + u"\r"_s);
        m_lastWidth = 0;
    }
    CliContext::err(u"%1: %2"_s.arg(m_prefix, text));
}

void ProgressPrinter::end()
{
    if (m_terminal && m_lastWidth > 0)
        write(u"\n"_s);
    m_lastWidth = 0;
}

void ProgressPrinter::write(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace paperboy
