#include "translation_hash.h"

#include <QCryptographicHash>

namespace paperboy::translate {

QString sourceHash(const QString &title, const QString &abstract)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(title.simplified().toUtf8());
    hash.addData(QByteArrayView("\n", 1)); // "ab" + "c" and "a" + "bc" differ
    hash.addData(abstract.simplified().toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace paperboy::translate
