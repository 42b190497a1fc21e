#pragma once

// JSON text written as it is produced, without building a QJsonDocument first. The bytes
// are exactly those of QJsonDocument::toJson(Indented) for the same values in the same
// order, so a writer that emits an object's keys sorted (as QJsonObject keeps them) prints
// what Qt would: tst_json_text_writer compares both. Why: Qt's writer spent 60 ms on the
// 5 MB of a thousand papers (issue #19 asks for 30 ms for building and printing them).

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace paperboy {

class JsonTextWriter
{
public:
    // Appends to `out`, which the caller may drain (write out and clear) between values.
    explicit JsonTextWriter(QByteArray *out) : m_out(out) {}

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // Inside an object, before each value. Keys are written as given: sort them to match Qt.
    void key(QLatin1String name);
    void keyText(const QString &name); // any key, escaped

    void string(QStringView text);
    void null();
    void boolean(bool value);
    void integer(qint64 value);

    // The conventions of json_values.h: null for empty text, invalid dates, negative counts.
    void textOrNull(const QString &text);
    void strings(const QStringList &list);
    // Any QJsonValue, objects with their keys sorted as QJsonObject keeps them.
    void value(const QJsonValue &value);

    // How deep the writer is; 0 once the root value is complete.
    int depth() const { return int(m_levels.size()); }

private:
    struct Level
    {
        bool object = false;
        int count = 0;
    };
    void beforeValue();
    void startKey();
    void indent(int levels);
    void close(char bracket);
    void escaped(QStringView text);

    QByteArray *m_out;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace paperboy
