#include "service/HttpRequestParser.h"

#include <QtTest/QtTest>

#include <string>

using namespace credvault;
using State = HttpRequestParser::State;

class TestHttpRequestParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesARequestInPieces()
    {
        const std::string raw = "POST /v1/entries?x=1 HTTP/1.1\r\n"
                                "Host: 127.0.0.1\r\n"
                                "Content-Type: application/json\r\n"
                                "Content-Length: 13\r\n"
                                "\r\n"
                                "{\"a\": \"b c\"}\n"
                                "GET /next HTTP/1.1\r\n";
        HttpRequestParser p;
        // One byte at a time: the parser must keep what it has not consumed yet.
        State s = State::NeedMore;
        for (char c : raw) {
            s = p.feed(std::string_view(&c, 1));
            if (s != State::NeedMore)
                break;
        }
        QCOMPARE(s, State::Complete);
        const HttpRequest r = p.takeRequest();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/v1/entries?x=1"));
        QCOMPARE(r.versionMajor, 1);
        QCOMPARE(r.versionMinor, 1);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.header("X-Missing"), QByteArray());
        QCOMPARE(r.body, QByteArray("{\"a\": \"b c\"}\n"));
        QVERIFY(r.keepAlive);
    }

    void keepsPipelinedBytes()
    {
        HttpRequestParser p;
        const std::string two = "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\n";
        QCOMPARE(p.feed(two), State::Complete);
        QCOMPARE(p.pendingBytes(), std::size_t(20));
        QCOMPARE(p.takeRequest().target, QByteArray("/v1/health"));
    }

    void headersOver16KiBAre431()
    {
        HttpRequestParser p;
        std::string raw = "GET / HTTP/1.1\r\nHost: x\r\n";
        const std::string line = "X-Filler: " + std::string(1000, 'a') + "\r\n";
        State s = p.feed(raw);
        for (int i = 0; i < 20 && s == State::NeedMore; ++i) // 20 KiB of headers
            s = p.feed(line);
        QCOMPARE(s, State::Failed);
        QCOMPARE(p.failureStatus(), 431);
        // Nothing beyond the limit is held.
        QVERIFY(p.pendingBytes() <= 16 * 1024);
    }

    void aHeaderOverTheLimitIs431HoweverItArrives()
    {
        // Beast limits the start line and the fields each on their own: a long target with
        // long fields, arriving in one piece, used to pass (found by fuzzing).
        const std::string raw = "GET /" + std::string(10 * 1024, 'p') +
                                " HTTP/1.1\r\nHost: x\r\nX-Filler: " + std::string(10 * 1024, 'a') + "\r\n\r\n";
        HttpRequestParser whole;
        QCOMPARE(whole.feed(raw), State::Failed);
        QCOMPARE(whole.failureStatus(), 431);
        // A header of exactly the limit is accepted, one byte more is not.
        const std::string head = "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: ";
        const std::size_t room = 16 * 1024 - head.size() - 4;
        HttpRequestParser exact;
        QCOMPARE(exact.feed(head + std::string(room, 'a') + "\r\n\r\n"), State::Complete);
        HttpRequestParser over;
        QCOMPARE(over.feed(head + std::string(room + 1, 'a') + "\r\n\r\n"), State::Failed);
        QCOMPARE(over.failureStatus(), 431);
    }

    void theLastChunkMayArriveByteByByte()
    {
        // Boost 1.81's Beast asserted (aborted) on "0\r\n" and then "\r" (found by fuzzing).
        HttpRequestParser p;
        State s = p.feed("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (const char *piece : {"0\r\n", "\r", "\n"}) {
            QCOMPARE(s, State::NeedMore);
            s = p.feed(piece);
        }
        QCOMPARE(s, State::Complete);
        QCOMPARE(p.takeRequest().body, QByteArray());
    }

    void anEndlessChunkTrailerIs400()
    {
        // Beast bounds a chunked body's data, not its chunk lines or trailer (found by fuzzing).
        HttpRequestParser p;
        State s = p.feed("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: ");
        for (int i = 0; i < 40 && s == State::NeedMore; ++i) // 40 KiB, never ending
            s = p.feed(std::string(1024, 't'));
        QCOMPARE(s, State::Failed);
        QCOMPARE(p.failureStatus(), 400);
        QCOMPARE(p.pendingBytes(), std::size_t(0));
    }

    void contentLengthOver1MiBIs413BeforeTheBody()
    {
        HttpRequestParser p;
        const std::string head = "PUT /v1/entries/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n";
        QCOMPARE(p.feed(head), State::Failed);
        QCOMPARE(p.failureStatus(), 413);
        QVERIFY(p.failureReason().contains(QStringLiteral("1048576")));
        QCOMPARE(p.pendingBytes(), std::size_t(0));
    }

    void bodyOfExactly1MiBIsAccepted()
    {
        HttpRequestParser p;
        const std::string body(1024 * 1024, 'x');
        const std::string head =
            "PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
        QCOMPARE(p.feed(head), State::NeedMore);
        QCOMPARE(p.feed(body), State::Complete);
        QCOMPARE(p.takeRequest().body.size(), qsizetype(body.size()));
    }

    void chunkedOver1MiBIs413()
    {
        HttpRequestParser p;
        State s = p.feed("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        QCOMPARE(s, State::NeedMore);
        const std::string chunk = "10000\r\n" + std::string(0x10000, 'y') + "\r\n"; // 64 KiB chunks
        int sent = 0;
        while (s == State::NeedMore && sent < 40) {
            s = p.feed(chunk);
            ++sent;
        }
        QCOMPARE(s, State::Failed);
        QCOMPARE(p.failureStatus(), 413);
        QVERIFY2(sent <= 17, "refused as soon as the running total passed 1 MiB");
    }

    void chunkedWithinTheLimitIsJoined()
    {
        HttpRequestParser p;
        QCOMPARE(p.feed("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"),
                 State::Complete);
        QCOMPARE(p.takeRequest().body, QByteArray("hello world"));
    }

    void malformedIs400_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 TLS hello\r\n\r\n");
        QTest::addRow("bad version") << QByteArray("GET / HTTP/9\r\n\r\n");
        QTest::addRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\n\r\n");
        QTest::addRow("bad header") << QByteArray("GET / HTTP/1.1\r\nNo colon here\r\n\r\n");
        QTest::addRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n");
        QTest::addRow("two lengths") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n");
        QTest::addRow("bad chunk") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    }
    void malformedIs400()
    {
        QFETCH(QByteArray, raw);
        HttpRequestParser p;
        QCOMPARE(p.feed(std::string_view(raw.constData(), std::size_t(raw.size()))), State::Failed);
        QCOMPARE(p.failureStatus(), 400);
        QVERIFY(!p.failureReason().isEmpty());
        // A failed parser stays failed.
        QCOMPARE(p.feed("GET / HTTP/1.1\r\n\r\n"), State::Failed);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "TestHttpRequestParser.moc"
