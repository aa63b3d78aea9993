#include "core/notifications/templates.h"

#include "core/notifications/messagetext.h"

#include <QCoreApplication>
#include <QTranslator>

#include <map>
#include <memory>

namespace qx::core::notifications {

namespace {

QString fact(const QJsonObject &facts, const char *key)
{
    return facts.value(QLatin1StringView(key)).toString();
}

} // namespace

Templates::Templates(Translate translate, QLocale locale, QTimeZone zone)
    : m_translate(std::move(translate))
    , m_locale(std::move(locale))
    , m_zone(zone.isValid() ? std::move(zone) : QTimeZone::utc())
{ }

QString Templates::translated(const char *source, int n) const
{
    QString text = m_translate ? m_translate(source, n) : QString();
    if (text.isEmpty())
        text = QString::fromUtf8(source);
    if (n >= 0)
        text.replace(QLatin1StringView("%n"), QString::number(n));
    return text;
}

QString Templates::number(const QString &decimal) const
{
    if (decimal.isEmpty())
        return decimal;
    QString written = decimal;
    written.replace(u'.', m_locale.decimalPoint());
    if (written.startsWith(u'-'))
        written.replace(0, 1, m_locale.negativeSign());
    return written;
}

QString Templates::time(const QDateTime &at) const
{
    const QDateTime local = at.toTimeZone(m_zone);
    return m_locale.toString(local, u"yyyy-MM-dd HH:mm") + u' ' + m_zone.abbreviation(local);
}

QString Templates::sideWord(const QString &side) const
{
    return side == u"sell"
        ? translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "sell"))
        : translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "buy"));
}

Text Templates::text(const Content &content) const
{
    const QJsonObject &f = content.facts;
    const QString symbol = fact(f, "symbol");
    const QString side = fact(f, "side");
    const bool sells = side == u"sell";
    const QString quantity = number(fact(f, "quantity"));
    const QString filled = number(fact(f, "filled_quantity"));
    const QString average = number(fact(f, "average_price"));
    Text text;
    switch (content.type) {
    case EventType::OrderFilled:
        text.title = (sells ? translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                           "Sold %1 %2 at %3"))
                            : translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                           "Bought %1 %2 at %3")))
                         .arg(filled, symbol, average);
        break;
    case EventType::OrderPartiallyFilled:
        text.title
            = (sells ? translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                    "Sold %1 of %2 %3 so far, at %4 on average"))
                     : translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                    "Bought %1 of %2 %3 so far, at %4 on average")))
                  .arg(filled, quantity, symbol, average);
        break;
    case EventType::OrderRejected:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Order refused: %1 %2 %3"))
                         .arg(sideWord(side), quantity, symbol);
        break;
    case EventType::OrderExpired:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Order expired: %1 %2 %3, %4 filled"))
                         .arg(sideWord(side), quantity, symbol,
                              filled.isEmpty() ? QStringLiteral("0") : filled);
        break;
    case EventType::DealBooked:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Deal booked: %1 %2 %3 at %4 with %5"))
                         .arg(sideWord(side), quantity, symbol, number(fact(f, "price")),
                              fact(f, "counterparty"));
        break;
    case EventType::LimitUtilisation:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "%1 limit %2 % used"))
                         .arg(fact(f, "limit"), number(fact(f, "utilisation_percent")));
        break;
    case EventType::LimitBreach:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "%1 limit breached"))
                         .arg(fact(f, "limit"));
        break;
    case EventType::ConfirmationBreak:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Confirmation %1 does not match the booked deal"))
                         .arg(fact(f, "filename"));
        break;
    case EventType::DocumentUnmatched:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "No deal matches confirmation %1"))
                         .arg(fact(f, "filename"));
        break;
    case EventType::DocumentProcessed:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Document %1 read"))
                         .arg(fact(f, "filename"));
        break;
    case EventType::DocumentFailed:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Document %1 could not be read"))
                         .arg(fact(f, "filename"));
        break;
    case EventType::NewSignInAddress:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Sign-in from a new address: %1"))
                         .arg(fact(f, "address"));
        break;
    case EventType::MfaChanged:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Two-step sign-in changed on your account"));
        break;
    case EventType::StorageUnavailable:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Storage unavailable: orders are refused"));
        break;
    case EventType::ClusterBookMoved:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Book %1 is matched by another server now"))
                         .arg(symbol);
        break;
    case EventType::FeedStale:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Prices from %1 are stale"))
                         .arg(fact(f, "feed"));
        break;
    case EventType::Test:
        text.title = translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                                  "Test message from QuantEnergx"));
        break;
    }
    // The facts a reader may need, in a fixed order, labelled.
    const std::pair<const char *, const char *> labelled[] = {
        { "symbol", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Contract") },
        { "side", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Side") },
        { "quantity", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Quantity") },
        { "filled_quantity", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Filled") },
        { "price", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Price") },
        { "average_price",
          QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Average price") },
        { "counterparty", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Counterparty") },
        { "limit", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Limit") },
        { "utilisation_percent",
          QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Used (%)") },
        { "filename", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Document") },
        { "address", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Address") },
        { "feed", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Feed") },
        { "reason", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Reason") },
        { "order_id", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Order") },
        { "sent_by", QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Sent by") },
        { "client_order_id",
          QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Client order id") },
    };
    for (const auto &[key, label] : labelled) {
        QString value = fact(f, key);
        if (value.isEmpty())
            continue;
        if (qstrcmp(key, "side") == 0)
            value = sideWord(value);
        else if (qstrcmp(key, "quantity") == 0 || qstrcmp(key, "filled_quantity") == 0
                 || qstrcmp(key, "price") == 0 || qstrcmp(key, "average_price") == 0
                 || qstrcmp(key, "utilisation_percent") == 0)
            value = number(value);
        text.details.append({ translated(label), value });
    }
    if (content.at.isValid())
        text.details.append(
            { translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "Time")),
              time(content.at) });
    return text;
}

Text Templates::digest(const QList<Content> &contents) const
{
    Text digest;
    digest.title = translated(
        QT_TRANSLATE_N_NOOP("qx::core::notifications::Templates", "Digest: %n notification(s)"),
        int(contents.size()));
    for (const Content &content : contents)
        digest.details.append({ time(content.at), text(content).title });
    return digest;
}

QString Templates::subject(const Text &text, Severity severity) const
{
    return (severity == Severity::Critical
                ? translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                               "[QuantEnergx] CRITICAL: %1"))
                : translated(
                    QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "[QuantEnergx] %1")))
        .arg(text.title);
}

QString Templates::plain(const Text &text) const
{
    QString plain = text.title + u"\n\n";
    for (const auto &[label, value] : text.details)
        plain += label + u": " + value + u'\n';
    return plain;
}

QString Templates::html(const Text &text) const
{
    QString html
        = QStringLiteral("<html><body><h2>") + text.title.toHtmlEscaped() + u"</h2><table>";
    for (const auto &[label, value] : text.details) {
        html += u"<tr><th align=\"left\">" + label.toHtmlEscaped() + u"</th><td>"
            + value.toHtmlEscaped() + u"</td></tr>";
    }
    return html + u"</table></body></html>";
}

QString Templates::sms(const Text &text, Severity severity, const QDateTime &at) const
{
    QString sms = severity == Severity::Critical
        ? translated(
            QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "QuantEnergx CRITICAL: %1"))
        : translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates", "QuantEnergx: %1"));
    sms = sms.arg(text.title);
    if (at.isValid())
        sms += u" (" + time(at) + u')';
    return sms;
}

QString Templates::telegramLinked() const
{
    return translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                        "This chat now receives your QuantEnergx notifications."));
}

QString Templates::telegramLinkRefused() const
{
    return translated(QT_TRANSLATE_NOOP("qx::core::notifications::Templates",
                                        "This link is unknown, used or expired. Make a new one "
                                        "in QuantEnergx: Settings, Notifications."));
}

QString Templates::telegram(const Text &text) const
{
    QString message = u"<b>" + telegramEscape(text.title) + u"</b>";
    for (const auto &[label, value] : text.details) {
        const QString line = u'\n' + telegramEscape(label) + u": " + telegramEscape(value);
        if (message.size() + line.size() > kTelegramMaxCharacters - 2) {
            message += u"\n…";
            break;
        }
        message += line;
    }
    return message;
}

Templates templatesFor(const QString &language, const QTimeZone &zone)
{
    // Loaded once, then only read (QTranslator::translate is const): safe from any thread.
    static const std::map<QString, std::shared_ptr<const QTranslator>> translators = [] {
        std::map<QString, std::shared_ptr<const QTranslator>> loaded;
        // English too, for its plural forms.
        for (const QString &code :
             { QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr") }) {
            auto translator = std::make_shared<QTranslator>();
            if (translator->load(QStringLiteral(":/qx/i18n/quantenergx_%1.qm").arg(code)))
                loaded.emplace(code, std::move(translator));
        }
        return loaded;
    }();
    auto found = translators.find(language);
    if (found == translators.end())
        found = translators.find(QStringLiteral("en"));
    if (found == translators.end()) // the translations are not linked in: English sources
        return Templates({}, QLocale(QLocale::English, QLocale::UnitedKingdom), zone);
    std::shared_ptr<const QTranslator> translator = found->second;
    return Templates(
        [translator](const char *source, int n) {
            return translator->translate(kTemplateContext, source, nullptr, n);
        },
        QLocale(found->first), zone);
}

} // namespace qx::core::notifications
