#pragma once

// Runs the built paperboy binary the way a user would, headless, with its own database.

#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStringList>

#include <utility>

namespace paperboy::test {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

inline CliRun runPaperboy(const QString &database, const QStringList &arguments,
                          const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("PAPERBOY_DB"), database);
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PAPERBOY_BINARY), arguments);
    CliRun run;
    if (!process.waitForStarted())
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// The fetcher's spacing, back-off and timeout shortened for a loopback server.
inline QList<std::pair<QString, QString>> quickFetchEnvironment()
{
    return {{QStringLiteral("PAPERBOY_MIN_REQUEST_SPACING_MS"), QStringLiteral("20")},
            {QStringLiteral("PAPERBOY_FETCH_BACKOFF_MS"), QStringLiteral("20")},
            {QStringLiteral("PAPERBOY_FETCH_TIMEOUT_MS"), QStringLiteral("2000")}};
}

// The same as runPaperboy, but waiting on this process's event loop, so that a server of the
// test on 127.0.0.1 answers the binary meanwhile; `environment` adds variables.
inline CliRun runPaperboyServing(const QString &database, const QStringList &arguments,
                                 const QList<std::pair<QString, QString>> &environment = {},
                                 int timeoutMs = 60000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PAPERBOY_DB"), database);
    for (const auto &[name, value] : environment)
        env.insert(name, value);
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(PAPERBOY_BINARY), arguments);
    CliRun run;
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace paperboy::test
