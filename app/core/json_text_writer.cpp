#include "json_text_writer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace paperboy {

namespace {

char hexDigit(unsigned value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

} // namespace

void JsonTextWriter::indent(int levels)
{
    m_out->append(qsizetype(4) * levels, ' ');
}

void JsonTextWriter::beforeValue()
{
    if (m_afterKey) { // the key wrote the separator and the indent
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    Level &level = m_levels.back();
    if (level.count++ > 0)
        m_out->append(",\n");
    indent(depth());
}

void JsonTextWriter::startKey()
{
    Level &level = m_levels.back();
    if (level.count++ > 0)
        m_out->append(",\n");
    indent(depth());
    m_out->append('"');
}

void JsonTextWriter::key(QLatin1String name)
{
    startKey();
    m_out->append(name.data(), name.size());
    m_out->append("\": ");
    m_afterKey = true;
}

void JsonTextWriter::keyText(const QString &name)
{
    startKey();
    escaped(name);
    m_out->append("\": ");
    m_afterKey = true;
}

void JsonTextWriter::beginObject()
{
    beforeValue();
    m_out->append("{\n");
    m_levels.push_back({true, 0});
}

void JsonTextWriter::beginArray()
{
    beforeValue();
    m_out->append("[\n");
    m_levels.push_back({false, 0});
}

void JsonTextWriter::close(char bracket)
{
    if (m_levels.back().count > 0)
        m_out->append('\n');
    m_levels.pop_back();
    indent(depth());
    m_out->append(bracket);
    if (m_levels.empty()) // Qt ends the document with a newline
        m_out->append('\n');
}

void JsonTextWriter::endObject()
{
    close('}');
}

void JsonTextWriter::endArray()
{
    close(']');
}

void JsonTextWriter::null()
{
    beforeValue();
    m_out->append("null");
}

void JsonTextWriter::boolean(bool value)
{
    beforeValue();
    m_out->append(value ? "true" : "false");
}

void JsonTextWriter::integer(qint64 value)
{
    beforeValue();
    m_out->append(QByteArray::number(value));
}

void JsonTextWriter::string(QStringView text)
{
    beforeValue();
    m_out->append('"');
    escaped(text);
    m_out->append('"');
}

void JsonTextWriter::textOrNull(const QString &text)
{
    if (text.isEmpty())
        null();
    else
        string(text);
}

void JsonTextWriter::strings(const QStringList &list)
{
    beginArray();
    for (const QString &text : list)
        string(text);
    endArray();
}

void JsonTextWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return boolean(value.toBool());
    case QJsonValue::Double: {
        // QJsonValue does not say whether it holds an integer; Qt prints both alike.
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::trunc(number) && std::fabs(number) < 9e15)
            return integer(qint64(number));
        beforeValue();
        m_out->append(std::isfinite(number)
                          ? QByteArray::number(number, 'g', QLocale::FloatingPointShortest)
                          : QByteArray("null"));
        return;
    }
    case QJsonValue::String:
        return string(value.toString());
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            this->value(item);
        return endArray();
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            keyText(it.key());
            this->value(it.value());
        }
        return endObject();
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return null();
    }
}

// As Qt's writer: ", \ and control characters escaped (\b \f \n \r \t, else \u00XX), the
// rest as UTF-8, and a surrogate without its pair as \uXXXX (lower-case hex) since UTF-8
// cannot carry it.
void JsonTextWriter::escaped(QStringView text)
{
    const qsizetype start = m_out->size();
    m_out->resize(start + text.size() * 3 + 16); // UTF-8 needs at most 3 bytes a unit
    char *cursor = m_out->data() + start;
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    const auto grow = [&](qsizetype bytes) {
        // Escapes take up to 6 bytes for one unit: make room when a run of them could spill.
        const qsizetype used = cursor - m_out->data();
        if (used + bytes + (end - src) * 3 > m_out->size()) {
            m_out->resize(used + bytes + (end - src) * 6 + 16);
            cursor = m_out->data() + used;
        }
    };
    while (src != end) {
        const char16_t u = *src++;
        if (u < 0x80) {
            if (u >= 0x20 && u != '"' && u != '\\') {
                *cursor++ = char(u);
                continue;
            }
            grow(6);
            *cursor++ = '\\';
            switch (u) {
            case '"':
                *cursor++ = '"';
                break;
            case '\\':
                *cursor++ = '\\';
                break;
            case 0x08:
                *cursor++ = 'b';
                break;
            case 0x0c:
                *cursor++ = 'f';
                break;
            case 0x0a:
                *cursor++ = 'n';
                break;
            case 0x0d:
                *cursor++ = 'r';
                break;
            case 0x09:
                *cursor++ = 't';
                break;
            default:
                *cursor++ = 'u';
                *cursor++ = '0';
                *cursor++ = '0';
                *cursor++ = hexDigit(u >> 4);
                *cursor++ = hexDigit(u & 0xf);
            }
        } else if (u < 0x800) {
            *cursor++ = char(0xc0 | (u >> 6));
            *cursor++ = char(0x80 | (u & 0x3f));
        } else if (u < 0xd800 || u > 0xdfff) {
            *cursor++ = char(0xe0 | (u >> 12));
            *cursor++ = char(0x80 | ((u >> 6) & 0x3f));
            *cursor++ = char(0x80 | (u & 0x3f));
        } else if (u < 0xdc00 && src != end && *src >= 0xdc00 && *src <= 0xdfff) {
            const char32_t code = 0x10000 + ((char32_t(u) - 0xd800) << 10) + (*src++ - 0xdc00);
            *cursor++ = char(0xf0 | (code >> 18));
            *cursor++ = char(0x80 | ((code >> 12) & 0x3f));
            *cursor++ = char(0x80 | ((code >> 6) & 0x3f));
            *cursor++ = char(0x80 | (code & 0x3f));
        } else {
            grow(6);
            *cursor++ = '\\';
            *cursor++ = 'u';
            for (int shift = 12; shift >= 0; shift -= 4)
                *cursor++ = hexDigit((u >> shift) & 0xf);
        }
    }
    m_out->resize(cursor - m_out->data());
}

} // namespace paperboy
