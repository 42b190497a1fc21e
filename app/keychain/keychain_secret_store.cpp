#include "keychain_secret_store.h"

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

// Entries are filed under the application id, like the desktop entry.
const QString kService = QStringLiteral(PAPERBOY_APP_ID);

// A session without a working secret service can leave a job hanging on D-Bus; the caller
// gets an answer in any case.
constexpr int kTimeoutMs = 10000;

class KeychainSecretStore final : public translate::SecretStore
{
public:
    void read(const QString &name, QObject *context, ReadDone done) override
    {
        auto *job = new QKeychain::ReadPasswordJob(kService);
        job->setAutoDelete(false);
        job->setInsecureFallback(false);
        job->setKey(name);
        finishOnce(job, context, [done](QKeychain::Job *finished) {
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
            if (!finished) // timed out
                return done({}, u"no answer from the secret store"_s);
            if (read->error() == QKeychain::EntryNotFound)
                return done({}, {});
            if (read->error() != QKeychain::NoError)
                return done({}, read->errorString());
            done(read->textData(), {});
        });
        job->start();
    }

    void write(const QString &name, const QString &secret, QObject *context,
               WriteDone done) override
    {
        QKeychain::Job *job = nullptr;
        if (secret.isEmpty()) {
            job = new QKeychain::DeletePasswordJob(kService);
        } else {
            auto *writeJob = new QKeychain::WritePasswordJob(kService);
            writeJob->setTextData(secret);
            job = writeJob;
        }
        job->setAutoDelete(false);
        job->setInsecureFallback(false);
        job->setKey(name);
        finishOnce(job, context, [done](QKeychain::Job *finished) {
            if (!finished)
                return done(u"no answer from the secret store"_s);
            const bool ok = finished->error() == QKeychain::NoError ||
                            finished->error() == QKeychain::EntryNotFound;
            done(ok ? QString() : finished->errorString());
        });
        job->start();
    }

private:
    // Runs `handle` once: with the job when it finishes, with null when it takes too long.
    static void finishOnce(QKeychain::Job *job, QObject *context,
                           std::function<void(QKeychain::Job *)> handle)
    {
        auto handled = std::make_shared<bool>(false);
        QPointer<QObject> guard(context);
        QObject::connect(job, &QKeychain::Job::finished, job,
                         [job, handled, guard, handle](QKeychain::Job *) {
                             if (!*handled && guard) {
                                 *handled = true;
                                 handle(job);
                             }
                             job->deleteLater();
                         });
        QTimer::singleShot(kTimeoutMs, job, [handled, guard, handle] {
            if (!*handled && guard) {
                *handled = true;
                handle(nullptr);
            }
        });
    }
};

} // namespace

std::unique_ptr<translate::SecretStore> makeKeychainSecretStore()
{
    return std::make_unique<KeychainSecretStore>();
}

} // namespace paperboy
