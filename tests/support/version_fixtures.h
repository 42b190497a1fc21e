#pragma once

// Versions of a paper for the tests of "papers that change": the recorded API answer for
// 2104.12255v1 turned into a v2 (a real title, one sentence of the abstract rewritten, a
// comment with "Accepted at" and a code link) and a v3 (a journal reference and a DOI).
// Header-only, like fetch_test_env.h.

#include "test_http_server.h"

#include <QByteArray>
#include <QString>

namespace paperboy::test {

inline const QString kVersionedId = QStringLiteral("2104.12255");

inline QByteArray v1()
{
    return TestHttpServer::arxivApiFixture(
               QStringLiteral("arxivpy_id_2104.12255v1_s0_m100_6ae69987ffe1"))
        .body;
}

// Version 2: a real title, one sentence of the abstract rewritten, a comment with "Accepted at"
// and a code link.
inline QByteArray v2()
{
    QByteArray body = v1();
    body.replace("abs/2104.12255v1", "abs/2104.12255v2");
    body.replace("<title>0</title>", "<title>0: Splitting Zero in BLS Signatures</title>");
    body.replace("This article discusses crypto bugs", "This paper analyses crypto bugs");
    body.replace("<updated>2021-04-20T16:07:14Z</updated>",
                 "<updated>2021-06-02T09:00:00Z</updated>");
    body.replace("<arxiv:primary_category",
                 "<arxiv:comment>Accepted at ACM CCS 2021. Code: "
                 "https://github.com/example/splitting-zero</arxiv:comment>\n"
                 "    <arxiv:primary_category");
    return body;
}

// Version 3: the journal reference and the DOI arrive.
inline QByteArray v3()
{
    QByteArray body = v2();
    body.replace("abs/2104.12255v2", "abs/2104.12255v3");
    body.replace("<updated>2021-06-02T09:00:00Z</updated>",
                 "<updated>2021-11-15T12:00:00Z</updated>");
    body.replace("<arxiv:primary_category",
                 "<arxiv:journal_ref>Proc. ACM CCS 2021, 1234-1250</arxiv:journal_ref>\n"
                 "    <arxiv:doi>10.1145/3460120.3484765</arxiv:doi>\n"
                 "    <arxiv:primary_category");
    return body;
}

inline CannedResponse atom(const QByteArray &body)
{
    CannedResponse response;
    response.body = body;
    response.headers = {{"Content-Type", "application/atom+xml; charset=utf-8"}};
    return response;
}

} // namespace paperboy::test
