#pragma once

#include <QStringList>

namespace qx::server {

/**
 * quantenergx-server's command line: init, user add, user list, serve. Returns the process
 * exit status: 0 on success, 1 on failure, 2 on a usage error, each failure with one line on
 * stderr. `serve` runs the application's event loop until the process is stopped.
 */
int runCommandLine(const QStringList &arguments);

} // namespace qx::server
