#pragma once

#include <QStringList>

/// quantenergx-server's `notify` commands: the channels' configuration, users' contact
/// details, test messages, the outbox's dead letters and its state. Each returns the exit
/// status (cli::ExitStatus).
namespace qx::server::cli {

int runNotifyChannelSet(const QStringList &arguments);
int runNotifyChannelShow(const QStringList &arguments);
int runNotifyChannelTest(const QStringList &arguments);
int runNotifyContactSet(const QStringList &arguments);
int runNotifySendTest(const QStringList &arguments);
int runNotifyDlqList(const QStringList &arguments);
int runNotifyDlqRetry(const QStringList &arguments);
int runNotifyDlqDiscard(const QStringList &arguments);
int runNotifyStatus(const QStringList &arguments);

} // namespace qx::server::cli
