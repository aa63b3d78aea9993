#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

/**
 * A notification's text as each channel takes it: an SMS in GSM-7 when every character is
 * in that alphabet (160 to a message, 153 to a part of a longer one, the characters of its
 * extension table counting two), else in UCS-2 (70, and 67 to a part), split where a part is
 * full but never inside an escape or a surrogate pair; a Telegram message as HTML, the text
 * escaped and cut to the Bot API's 4,096 characters. Pure functions.
 */
namespace qx::core::notifications {

/// Whether every character of `text` is in the GSM 03.38 alphabet or its extension table.
bool isGsm7(QStringView text);
/// How many septets `text` takes in GSM-7 (extension characters count two); -1 when it is
/// not GSM-7.
int gsm7Septets(QStringView text);
/// The parts `text` is sent as: one when it fits a single SMS, else parts that each fit one
/// part of a concatenated SMS. Concatenated, they are `text`.
QStringList smsParts(const QString &text);

/// The Bot API's limit on a message's text, in characters after entities are parsed (taken
/// as UTF-16 code units, the unit of its entity offsets: the stricter reading).
inline constexpr int kTelegramMaxCharacters = 4096;
/// `text` escaped for Telegram's HTML parse mode (&, <, > and ").
QString telegramEscape(QStringView text);
/// `text` as a Telegram HTML message of at most kTelegramMaxCharacters characters: cut (with
/// "…") before it is escaped, so that no entity is ever cut in half.
QString telegramMessage(const QString &text);

} // namespace qx::core::notifications
