#pragma once

#include "core/notifications/policy.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>

/**
 * What a notification says to a person, in their language, on their clock, as each channel
 * takes it: a title, the facts as labelled lines, an email (subject, plain text and HTML), an
 * SMS and a Telegram message (HTML, escaped, within the Bot API's limit); and a digest of
 * several. The words come from the translations (context kTemplateContext: English, German
 * and French in translations/), looked up through a Translate function, so the server can
 * write to each user in their own language whatever its own is. Decimals stay the exact
 * strings the facts hold, only their decimal sign written as the language does.
 */
namespace qx::core::notifications {

/// A notification's content as stored or carried by the API.
struct Content
{
    EventType type = EventType::OrderFilled;
    Severity severity = Severity::Info;
    QJsonObject facts;
    QDateTime at;
};

/// The context the template texts are translated under.
inline constexpr const char *kTemplateContext = "qx::core::notifications::Templates";

/// A source text in a language (`n` for plural forms, -1 for none): QTranslator::translate
/// or QCoreApplication::translate under kTemplateContext; empty (or the source) when none.
using Translate = std::function<QString(const char *source, int n)>;

/// A notification written out.
struct Text
{
    QString title; ///< one line
    QList<std::pair<QString, QString>> details; ///< label, value
};

class Templates
{
public:
    /// English (the sources) without `translate`; `locale` writes decimal signs and times,
    /// `zone` is the reader's clock.
    explicit Templates(Translate translate = {}, QLocale locale = QLocale::c(),
                       QTimeZone zone = QTimeZone::utc());

    Text text(const Content &content) const;
    /// "Digest: 3 notifications" and a line per notification (its time and title).
    Text digest(const QList<Content> &contents) const;

    /// An email's subject: the title, "[QuantEnergx]" first, "CRITICAL" for critical events.
    QString subject(const Text &text, Severity severity) const;
    QString plain(const Text &text) const;
    QString html(const Text &text) const;
    /// An SMS: the product, the title and the time, in one line (smsParts() splits it).
    QString sms(const Text &text, Severity severity, const QDateTime &at) const;
    /// Telegram HTML: the title in bold, then the details, escaped, at most
    /// kTelegramMaxCharacters (details that do not fit are left out, said with "…").
    QString telegram(const Text &text) const;

    /// What the bot answers the deep link's /start: the chat is bound, or the link is not
    /// one it knows (unknown, used or expired).
    QString telegramLinked() const;
    QString telegramLinkRefused() const;

    /// `decimal` ("-1234.5") with the language's decimal sign and minus.
    QString number(const QString &decimal) const;
    /// `at` on the reader's clock, short, with the zone's abbreviation.
    QString time(const QDateTime &at) const;

private:
    QString translated(const char *source, int n = -1) const;
    QString sideWord(const QString &side) const;

    Translate m_translate;
    QLocale m_locale;
    QTimeZone m_zone;
};

/// Templates in `language` ("en", "de", "fr"; another or none: English) on `zone`'s clock,
/// from the translations compiled under :/qx/i18n (the qx_translations library: a program
/// that does not link it writes English). Any thread; the translations are loaded once.
Templates templatesFor(const QString &language, const QTimeZone &zone);

} // namespace qx::core::notifications
