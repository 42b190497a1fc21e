#pragma once

// One window per user and library file: a second `paperboy` asks the running one to come to
// the front and exits. The two talk over a local socket in the user's runtime folder, named
// after a hash of the user and the library path, so two libraries can still be open at once.

#include <QObject>
#include <QString>

class QLocalServer;
class QWidget;

namespace paperboy {

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &databasePath, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket path for a library: <runtime folder>/paperboy-<hash>.socket
    static QString serverName(const QString &databasePath);

    // True when another instance answered the raise request (then this one should exit).
    bool raiseRunningInstance(int timeoutMs = 3000);

    // Starts answering raise requests. A socket left behind by a crashed instance is replaced.
    bool listen();
    QString errorString() const { return m_error; }

    // Brings `window` to the front on each raise request. With PAPERBOY_LOG_RAISE set, also
    // prints "paperboy: listening" and "paperboy: raise requested" lines on stdout (tests).
    void raiseOnRequest(QWidget *window);
    QString name() const { return m_name; }

signals:
    void raiseRequested();

private:
    void onNewConnection();

    QString m_name;
    QString m_error;
    QLocalServer *m_server = nullptr;
};

} // namespace paperboy
