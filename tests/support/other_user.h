#pragma once

// File permissions do not stop root, so a test that needs a file or folder the user may not
// write (a read-only library) runs that part as the unprivileged user "nobody" when the tests
// run as root, and as the current user otherwise (who permissions do stop). No mount, no
// capability beyond what root already has: the tests that use it always run.

#include <QProcess>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace paperboy::test {

inline bool runningAsRoot()
{
    return geteuid() == 0;
}

struct OtherUser
{
    uid_t uid = 65534;
    gid_t gid = 65534;
};

inline OtherUser nobodyUser()
{
    OtherUser user;
    if (const passwd *entry = getpwnam("nobody")) {
        user.uid = entry->pw_uid;
        user.gid = entry->pw_gid;
    }
    return user;
}

// For a child started as root: it becomes "nobody" between fork and exec.
inline void runAsNobody(QProcess &process)
{
    if (!runningAsRoot())
        return;
    const OtherUser user = nobodyUser();
    process.setChildProcessModifier([user] {
        if (setgroups(0, nullptr) != 0 || setgid(user.gid) != 0 || setuid(user.uid) != 0)
            _exit(126);
    });
}

// In this process, every thread's user becomes "nobody" until the guard is destroyed; the
// saved user id stays root, so root comes back. Does nothing unless running as root.
class AsNobody
{
public:
    AsNobody()
    {
        if (!runningAsRoot())
            return;
        const OtherUser user = nobodyUser();
        m_active = setresgid(user.gid, user.gid, 0) == 0 && setresuid(user.uid, user.uid, 0) == 0;
    }
    ~AsNobody()
    {
        if (m_active && (setresuid(0, 0, 0) != 0 || setresgid(0, 0, 0) != 0))
            qFatal("cannot become root again");
    }
    AsNobody(const AsNobody &) = delete;
    AsNobody &operator=(const AsNobody &) = delete;
    // False when running as root and the switch failed.
    bool ok() const { return m_active || !runningAsRoot(); }

private:
    bool m_active = false;
};

} // namespace paperboy::test
