#pragma once

#include "server/auth/secretbox.h"
#include "server/storage/notificationstore.h"

#include <QJsonObject>
#include <QMap>

#include <optional>

namespace qx::server {

/**
 * A change an admin makes to a channel's configuration, from the CLI (notify channel set) or
 * the admin route (PUT /api/v1/admin/notifications/channels/{channel}): on or off, settings
 * and secrets given by key (a value sets one, none removes it; the others stay). Secrets are
 * sealed with the server's SecretBox under the channel's context and never come back out.
 */
struct ChannelChange
{
    std::optional<bool> enabled;
    QMap<QString, std::optional<QString>> settings;
    QMap<QString, std::optional<QString>> secrets;

    /// What the audit log keeps of it: on or off, which settings and secrets changed (never a
    /// secret's value).
    QJsonObject auditDetail(const NotificationChannelRecord &result) const;
};

/// `record` with `change` applied, its secrets sealed again. Refused (invalid_request, saying
/// why) when a key is not the channel's, or when the channel would be enabled but cannot send
/// as configured; secret_unreadable when the stored secrets do not open.
core::Result<NotificationChannelRecord> applyChannelChange(NotificationChannelRecord record,
                                                           const ChannelChange &change,
                                                           const SecretBox &box);

} // namespace qx::server
