#include "secret_store.h"

#include <QPointer>
#include <QProcessEnvironment>

namespace paperboy::translate {

using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<SecretStore> &installed()
{
    static std::unique_ptr<SecretStore> store;
    return store;
}

} // namespace

SecretStore *secretStore()
{
    return installed().get();
}

void setSecretStore(std::unique_ptr<SecretStore> store)
{
    installed() = std::move(store);
}

void findTranslationKey(Provider provider, QObject *context,
                        std::function<void(const QString &key, const QString &problem)> done)
{
    const QString fromEnvironment =
        QProcessEnvironment::systemEnvironment().value(u"PAPERBOY_TRANSLATE_KEY"_s).trimmed();
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const QString &key, const QString &problem) {
        // Through the event loop either way: callers see one order of events.
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done, key, problem] {
                if (guard)
                    done(key, problem);
            },
            Qt::QueuedConnection);
    };
    if (!fromEnvironment.isEmpty() || provider == Provider::None)
        return answer(fromEnvironment, {});
    SecretStore *store = secretStore();
    if (!store)
        return answer({}, u"no secret store in this process; set PAPERBOY_TRANSLATE_KEY"_s);
    store->read(keyName(provider), context, [answer](const QString &secret, const QString &error) {
        answer(secret, error.isEmpty() ? QString()
                                       : u"the secret store could not be read (%1); set "
                                         "PAPERBOY_TRANSLATE_KEY"_s.arg(error));
    });
}

} // namespace paperboy::translate
