#include "core/notifications/messagetext.h"

namespace qx::core::notifications {

namespace {

// GSM 03.38: the basic alphabet (without the escape itself) and the extension table, whose
// characters are sent as the escape and one more septet.
constexpr QStringView kBasic = u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                               u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
constexpr QStringView kExtension = u"\f^{}\\[~]|€";

constexpr int kGsm7Single = 160;
constexpr int kGsm7Part = 153; // a concatenated message's header takes 7 septets
constexpr int kUcs2Single = 70;
constexpr int kUcs2Part = 67;

// 1 or 2 septets, or 0 when `c` is not in the alphabet.
int septets(QChar c)
{
    if (kBasic.contains(c))
        return 1;
    if (kExtension.contains(c))
        return 2;
    return 0;
}

} // namespace

bool isGsm7(QStringView text)
{
    return gsm7Septets(text) >= 0;
}

int gsm7Septets(QStringView text)
{
    int total = 0;
    for (const QChar c : text) {
        const int size = septets(c);
        if (size == 0)
            return -1;
        total += size;
    }
    return total;
}

QStringList smsParts(const QString &text)
{
    const int septetCount = gsm7Septets(text);
    const bool gsm = septetCount >= 0;
    if (gsm ? septetCount <= kGsm7Single : text.size() <= kUcs2Single)
        return { text };
    const int capacity = gsm ? kGsm7Part : kUcs2Part;
    QStringList parts;
    QString part;
    int used = 0;
    for (qsizetype at = 0; at < text.size(); ++at) {
        // A character's units go together: an escape and its septet, a surrogate pair.
        const bool pair = !gsm && text.at(at).isHighSurrogate() && at + 1 < text.size();
        const int size = gsm ? septets(text.at(at)) : pair ? 2 : 1;
        if (used + size > capacity) {
            parts.append(part);
            part.clear();
            used = 0;
        }
        part += text.at(at);
        if (pair)
            part += text.at(++at);
        used += size;
    }
    if (!part.isEmpty())
        parts.append(part);
    return parts;
}

QString telegramEscape(QStringView text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            escaped += u"&amp;";
            break;
        case u'<':
            escaped += u"&lt;";
            break;
        case u'>':
            escaped += u"&gt;";
            break;
        case u'"':
            escaped += u"&quot;";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

QString telegramMessage(const QString &text)
{
    // Counted in UTF-16 code units, as Telegram counts its entities' offsets: never more
    // than its limit, whichever way it counts characters.
    if (text.size() <= kTelegramMaxCharacters)
        return telegramEscape(text);
    qsizetype kept = kTelegramMaxCharacters - 1; // and the ellipsis
    if (text.at(kept - 1).isHighSurrogate())
        --kept; // never half a character
    return telegramEscape(QStringView(text).first(kept)) + u'…';
}

} // namespace qx::core::notifications
