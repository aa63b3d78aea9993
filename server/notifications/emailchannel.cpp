#include "server/notifications/emailchannel.h"

#include "server/notifications/httpclient.h"
#include "server/notifications/planning.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <curl/curl.h>

namespace qx::server {

namespace {

/// A header value as RFC 2047 words where it is not plain ASCII (a German or French subject),
/// cut at characters so no word passes 75 characters.
QByteArray headerText(const QString &text)
{
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
    if (ascii)
        return text.toLatin1();
    QByteArray encoded;
    QByteArray chunk;
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!encoded.isEmpty())
            encoded += ' ';
        encoded += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        // A surrogate pair stays whole.
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray character = text.mid(i, length).toUtf8();
        i += length - 1;
        if (chunk.size() + character.size() > 45) // 45 bytes are 60 in base64, 72 with the frame
            flush();
        chunk += character;
    }
    flush();
    return encoded;
}

/// An address fit for the envelope and a header: one mailbox, nothing that ends a line or
/// opens another address.
bool plainAddress(const QString &address)
{
    static const QString forbidden = QStringLiteral("\r\n<>,;\" \t");
    const qsizetype at = address.indexOf(u'@');
    if (at <= 0 || at == address.size() - 1 || address.size() > 254)
        return false;
    for (const QChar c : address) {
        if (forbidden.contains(c) || c.unicode() < 0x20)
            return false;
    }
    return true;
}

// The refusal (a 4xx or 5xx reply) that ended the session, in the server's words: what the
// outbox shows. One the client got past (EHLO refused, HELO taken) is forgotten at the next
// success; the goodbye to QUIT (221) after a refusal does not count.
size_t keepLastRefusal(CURL *, curl_infotype type, char *data, size_t size, void *target)
{
    if (type != CURLINFO_HEADER_IN)
        return 0;
    const QByteArray line = QByteArray(data, qsizetype(size)).trimmed();
    auto *refusal = static_cast<QByteArray *>(target);
    if (line.size() >= 3 && (line.at(0) == '4' || line.at(0) == '5'))
        *refusal = line.left(300);
    else if (line.size() >= 3 && !line.startsWith("221"))
        refusal->clear();
    return 0;
}

} // namespace

QString emailMessageId(const QString &idempotencyKey, const QString &from)
{
    const QByteArray digest
        = QCryptographicHash::hash(idempotencyKey.toUtf8(), QCryptographicHash::Sha256).toHex();
    const QString domain = from.section(u'@', -1);
    return u'<' + QString::fromLatin1(digest.left(40)) + u'@'
        + (domain.isEmpty() || domain == from ? QStringLiteral("quantenergx.invalid") : domain)
        + u'>';
}

struct EmailChannel::Private
{
    CURL *curl = nullptr;
};

EmailChannel::EmailChannel(Options options)
    : d(std::make_unique<Private>())
    , m_options(std::move(options))
    , m_pacer(std::chrono::milliseconds(0), m_options.perSecond)
{
    initialiseCurlOnce();
    d->curl = curl_easy_init();
}

EmailChannel::~EmailChannel()
{
    if (d->curl)
        curl_easy_cleanup(d->curl);
}

SendResult EmailChannel::send(const OutgoingMessage &message)
{
    if (!plainAddress(message.address)) {
        return { SendResult::Outcome::Rejected,
                 {},
                 QStringLiteral("not an email address this server sends to"),
                 {} };
    }
    if (!d->curl)
        return { SendResult::Outcome::Retry, {}, QStringLiteral("libcurl failed to start"), {} };

    const core::notifications::Templates templates
        = core::notifications::templatesFor(message.contact.language, zoneOf(message.contact));
    const core::notifications::Text text = textOf(templates, message.notifications);
    const QString messageId = emailMessageId(message.idempotencyKey, m_options.from);
    const QByteArray plain = templates.plain(text).toUtf8();
    const QByteArray html = templates.html(text).toUtf8();

    CURL *curl = d->curl;
    curl_easy_reset(curl);
    const QByteArray url = m_options.url.toUtf8();
    const QByteArray mailFrom = '<' + m_options.from.toUtf8() + '>';
    const QByteArray rcpt = '<' + message.address.toUtf8() + '>';
    const QByteArray user = m_options.username.toUtf8();
    const QByteArray password = m_options.password.toUtf8();
    const QByteArray caFile = m_options.caFile.toUtf8();
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL)); // STARTTLS or nothing
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     long(std::min<qint64>(5'000, m_options.timeout.count())));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(m_options.timeout.count()));
    // What libcurl waits for a reply outside a transfer too: the QUIT it sends when it closes
    // a connection kept open, which a server that hangs would otherwise hold for two minutes.
    curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT,
                     long(std::max<qint64>(1, m_options.timeout.count() / 1'000)));
    if (!caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_slist *recipients = curl_slist_append(nullptr, rcpt.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);

    const QByteArray date
        = "Date: " + QDateTime::currentDateTime().toString(Qt::RFC2822Date).toLatin1();
    const QList<QByteArray> headerLines {
        date,
        "From: QuantEnergx <" + m_options.from.toUtf8() + '>',
        "To: <" + message.address.toUtf8() + '>',
        "Subject: " + headerText(templates.subject(text, severityOf(message.notifications))),
        "Message-ID: " + messageId.toLatin1(),
        "Auto-Submitted: auto-generated",
    };
    curl_slist *headers = nullptr;
    for (const QByteArray &line : headerLines)
        headers = curl_slist_append(headers, line.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

    // multipart/mixed around multipart/alternative (plain text, then HTML): the shape mail
    // readers expect, and the one libcurl's MIME API builds.
    curl_mime *mime = curl_mime_init(curl);
    curl_mime *alternative = curl_mime_init(curl);
    curl_mimepart *part = curl_mime_addpart(alternative);
    curl_mime_data(part, plain.constData(), size_t(plain.size()));
    curl_mime_type(part, "text/plain; charset=UTF-8");
    curl_mime_encoder(part, "quoted-printable");
    part = curl_mime_addpart(alternative);
    curl_mime_data(part, html.constData(), size_t(html.size()));
    curl_mime_type(part, "text/html; charset=UTF-8");
    curl_mime_encoder(part, "quoted-printable");
    part = curl_mime_addpart(mime);
    curl_mime_subparts(part, alternative);
    curl_mime_type(part, "multipart/alternative");
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);

    QByteArray refusal;
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, keepLastRefusal);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &refusal);
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L); // only to keepLastRefusal

    m_pacer.wait(message.address);
    const CURLcode code = curl_easy_perform(curl);
    curl_off_t uploaded = 0;
    curl_easy_getinfo(curl, CURLINFO_SIZE_UPLOAD_T, &uploaded);
    curl_mime_free(mime);
    curl_slist_free_all(headers);
    curl_slist_free_all(recipients);

    if (code == CURLE_OK)
        return { SendResult::Outcome::Accepted, messageId, {}, {} };
    const QString error
        = QStringLiteral("SMTP: %1%2")
              .arg(QString::fromUtf8(curl_easy_strerror(code)),
                   refusal.isEmpty() ? QString() : u" (" + QString::fromUtf8(refusal) + u')');
    const int reply = refusal.left(3).toInt();
    const bool authentication = reply == 530 || reply == 534 || reply == 535 || reply == 538;
    if (reply >= 500 && !authentication)
        return { SendResult::Outcome::Rejected, {}, error, {} };
    if (reply >= 400 || uploaded == 0)
        return { SendResult::Outcome::Retry, {}, error, {} };
    return { SendResult::Outcome::Unknown, {}, error, {} };
}

} // namespace qx::server
