#pragma once

// Builds papers, digest entries, paper views and digests out of fuzz bytes (libFuzzer's
// FuzzedDataProvider), for the targets that take papers rather than a file: exports, the
// store. Strings come from three places, chosen per string: a pool of known-nasty texts (TeX,
// formulas, markup, line breaks, CJK), free UTF-8, and raw UTF-16 (lone surrogates included,
// as a JSON \ud800 escape gives). Identifiers come mostly from a small pool so that papers
// meet each other and the user data of a library.

#include "core/paper.h"

#include "FuzzedDataProvider.h" // LLVM's, kept here so the regression test builds with any compiler

#include <QString>
#include <QStringList>

#include <string>

namespace paperboy::fuzz {

inline const QStringList &idPool()
{
    static const QStringList ids{QStringLiteral("2306.01667"),   QStringLiteral("2306.05544"),
                                 QStringLiteral("2403.09123"),   QStringLiteral("2403.09124"),
                                 QStringLiteral("math/0211159"), QStringLiteral("hep-th/9901001"),
                                 QStringLiteral("2401.00001"),   QStringLiteral("0704.0001")};
    return ids;
}

inline const QStringList &nastyPool()
{
    static const QStringList texts{QStringLiteral("$\\mathcal{O}(n\\log n)$ sorting"),
                                   QStringLiteral("$x\\$ and $y$"),
                                   QStringLiteral("{unbalanced"),
                                   QStringLiteral("closing} first{"),
                                   QStringLiteral("\\input{/etc/passwd}"),
                                   QStringLiteral("$\\input{/etc/passwd}$"),
                                   QStringLiteral("$\\def\\x{1}\\x$"),
                                   QStringLiteral("$a\\\\$b$"),
                                   QStringLiteral("100% of #1 & _x_ ~ ^"),
                                   QStringLiteral("=HYPERLINK(\"http://x\";\"y\")"),
                                   QStringLiteral("+1"),
                                   QStringLiteral("-2+3"),
                                   QStringLiteral("@SUM(A1)"),
                                   QStringLiteral("\tTab"),
                                   QStringLiteral("\rCR"),
                                   QStringLiteral("a,b\"c\"\r\nd"),
                                   QStringLiteral("line one\nline two\rline three\r\n- item"),
                                   QStringLiteral("<script>alert(1)</script>"),
                                   QStringLiteral("[link](javascript:alert(1))"),
                                   QStringLiteral("![img](https://x/y.png)"),
                                   QStringLiteral("# heading"),
                                   QStringLiteral("1. one"),
                                   QStringLiteral("    code"),
                                   QStringLiteral("```\nfence\n```"),
                                   QStringLiteral("| a | b |"),
                                   QStringLiteral("https://github.com/a/b"),
                                   QStringLiteral("http://example.org"),
                                   QStringLiteral("https://x/(a)<b>"),
                                   QStringLiteral("www.example.org"),
                                   QStringLiteral("&amp; &#x41;"),
                                   QStringLiteral("扩散模型 的 图像 生成"),
                                   QStringLiteral("Ludwig van Beethoven"),
                                   QStringLiteral("Hénaff, Olivier J."),
                                   QStringLiteral("Smith, Jr., John"),
                                   QStringLiteral("and"),
                                   QStringLiteral("A and B"),
                                   QStringLiteral("The ATLAS Collaboration"),
                                   QStringLiteral("张三"),
                                   QStringLiteral("TY  - JOUR"),
                                   QStringLiteral("ER  - "),
                                   QStringLiteral("@misc{x, title={y}}"),
                                   QStringLiteral("\x1b]0;title\x07\x1b[2J"),
                                   QStringLiteral("a\u2028b\u2029c\u0085d"),
                                   QStringLiteral("\u00a0nbsp\u3000ideographic"),
                                   QStringLiteral("ĳ ǆ ﬁ ß Ø Æ Œ Ł Đ ı þ"),
                                   QStringLiteral("zh"),
                                   QStringLiteral("zh-CN"),
                                   QStringLiteral("en"),
                                   QStringLiteral("cs.CV"),
                                   QStringLiteral("cs.CV cs.LG"),
                                   QStringLiteral("math.AG"),
                                   QStringLiteral("10.1000/xyz{1}"),
                                   QStringLiteral(" "),
                                   QStringLiteral("\n")};
    return texts;
}

class PaperSource
{
public:
    PaperSource(const uint8_t *data, size_t size) : m_fdp(data, size) {}

    FuzzedDataProvider &fdp() { return m_fdp; }
    bool empty() { return m_fdp.remaining_bytes() == 0; }

    QString text(size_t maxLength = 160)
    {
        const auto mode = m_fdp.ConsumeIntegral<uint8_t>();
        QString result;
        switch (mode % 8) {
        case 0:
            return {};
        case 1:
        case 2:
            result = pick(nastyPool());
            break;
        case 3: {
            // Raw UTF-16, lone surrogates and all.
            const std::string bytes = m_fdp.ConsumeRandomLengthString(maxLength * 2);
            for (size_t i = 0; i + 1 < bytes.size(); i += 2)
                result += QChar(char16_t(uint8_t(bytes[i]) | (uint8_t(bytes[i + 1]) << 8)));
            break;
        }
        default:
            result = QString::fromStdString(m_fdp.ConsumeRandomLengthString(maxLength));
        }
        if (mode & 0x80)
            result += text(maxLength);
        return result;
    }

    QString id()
    {
        const auto mode = m_fdp.ConsumeIntegral<uint8_t>();
        if (mode < 200)
            return idPool().at(mode % idPool().size());
        if (mode < 230)
            return idPool().at(mode % idPool().size()) + QStringLiteral("v2");
        return text(24);
    }

    QStringList list(int most, size_t maxLength = 60)
    {
        QStringList items;
        const int n = m_fdp.ConsumeIntegralInRange(0, most);
        for (int i = 0; i < n; ++i)
            items.append(text(maxLength));
        return items;
    }

    QDate date()
    {
        switch (m_fdp.ConsumeIntegralInRange(0, 5)) {
        case 0:
            return {};
        case 1:
            return QDate(2024, 3, 14);
        case 2:
            return QDate(2024, 3, 15);
        case 3:
            return QDate(m_fdp.ConsumeIntegralInRange(-10000, 12000),
                         m_fdp.ConsumeIntegralInRange(1, 12), m_fdp.ConsumeIntegralInRange(1, 31));
        default:
            return QDate(2020, 1, 1).addDays(m_fdp.ConsumeIntegralInRange(0, 3000));
        }
    }

    Paper paper()
    {
        Paper p;
        p.arxivId = id();
        p.version = m_fdp.ConsumeIntegralInRange(-1, 12);
        p.title = text();
        p.authors = list(4, 40);
        p.abstract = text(400);
        p.categories = list(3, 16);
        p.primaryCategory = text(16);
        p.comment = text();
        p.journalRef = text();
        p.doi = text(40);
        p.published = date();
        p.updated = date();
        p.codeUrl = text(60);
        p.codeUrlSource = text(12);
        p.projectUrl = text(60);
        p.codeStars = m_fdp.ConsumeIntegralInRange(-1, 100000);
        return p;
    }

    DigestEntry entry(int position)
    {
        DigestEntry e;
        e.paper = paper();
        e.position = position;
        e.announceType = text(16);
        e.translationLanguage = text(8);
        e.translatedTitle = text();
        e.translatedAbstract = text(300);
        e.codeUrlAsGiven = text(60);
        e.codeUrlWarning = text(60);
        e.upvotes = m_fdp.ConsumeIntegralInRange(-1, 1000);
        e.organisation = text(30);
        if (m_fdp.ConsumeBool()) {
            e.ai.language = text(8);
            e.ai.tldr = text();
            e.ai.motivation = text();
            e.ai.method = text();
            e.ai.result = text();
            e.ai.conclusion = text();
            e.ai.keywords = list(3, 20);
        }
        return e;
    }

    PaperView view()
    {
        PaperView v;
        v.paper = paper();
        v.entry = entry(1);
        v.entry.paper = Paper();
        v.digestDate = date();
        v.digestSource = text(20);
        v.digestCategory = text(16);
        v.user.starred = m_fdp.ConsumeBool();
        v.user.read = m_fdp.ConsumeBool();
        v.user.note = text(300);
        v.user.tags = list(3, 30);
        return v;
    }

    template <typename T> const T &pick(const QList<T> &items)
    {
        return items.at(m_fdp.ConsumeIntegralInRange<qsizetype>(0, items.size() - 1));
    }

private:
    FuzzedDataProvider m_fdp;
};

} // namespace paperboy::fuzz
