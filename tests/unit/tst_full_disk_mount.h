#pragma once

// A small filesystem of its own for a test: a size-limited tmpfs mounted on a temporary
// folder, which can be filled up or remounted read-only. Needs root (CAP_SYS_ADMIN); where
// mounting is not permitted, why() says so and tests QSKIP. Header-only, shared by
// tst_full_disk.cpp and tests/gui/tst_hostile_window.cpp.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStorageInfo>
#include <QString>
#include <QTemporaryDir>

#include <unistd.h>

namespace paperboy::test {

class SmallDisk
{
public:
    explicit SmallDisk(const QString &size = QStringLiteral("2m"))
    {
        if (!m_dir.isValid()) {
            m_why = QStringLiteral("no temporary folder");
            return;
        }
        if (geteuid() != 0) {
            m_why = QStringLiteral("mounting a size-limited tmpfs needs root");
            return;
        }
        const QString error =
            run(QStringLiteral("mount"),
                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                 QStringLiteral("size=") + size, QStringLiteral("tmpfs"), m_dir.path()});
        if (!error.isEmpty())
            m_why = QStringLiteral("cannot mount a tmpfs here (%1)").arg(error);
        else
            m_mounted = true;
    }
    ~SmallDisk()
    {
        if (m_mounted)
            run(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir.path()});
    }
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;

    bool isMounted() const { return m_mounted; }
    QString why() const { return m_why; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    qint64 bytesFree() const { return QStorageInfo(m_dir.path()).bytesAvailable(); }

    // Writes a filler file until at most `leaveBytes` are free.
    bool fillUp(qint64 leaveBytes)
    {
        QFile filler(m_dir.filePath(QStringLiteral("filler-%1").arg(++m_fillers)));
        if (!filler.open(QIODevice::WriteOnly))
            return false;
        const QByteArray block(4096, 'f');
        while (bytesFree() > leaveBytes + block.size())
            if (filler.write(block) != block.size() || !filler.flush())
                break;
        const QByteArray small(512, 'f');
        while (bytesFree() > leaveBytes && filler.write(small) == small.size() && filler.flush()) {
        }
        return true;
    }
    void removeFillers()
    {
        for (int i = 1; i <= m_fillers; ++i)
            QFile::remove(m_dir.filePath(QStringLiteral("filler-%1").arg(i)));
    }

    bool remount(bool readOnly)
    {
        return run(QStringLiteral("mount"),
                   {QStringLiteral("-o"),
                    readOnly ? QStringLiteral("remount,ro") : QStringLiteral("remount,rw"),
                    m_dir.path()})
            .isEmpty();
    }

private:
    // Empty on success, else what went wrong.
    static QString run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(20000))
            return QStringLiteral("%1 did not finish").arg(program);
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        return {};
    }

    QTemporaryDir m_dir;
    QString m_why;
    bool m_mounted = false;
    int m_fillers = 0;
};

} // namespace paperboy::test
