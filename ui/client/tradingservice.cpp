#include "ui/client/tradingservice.h"

namespace qx::client {

QUrl canonicalServerUrl(const QUrl &url)
{
    QUrl canonical = url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    if (canonical.path() == u"/")
        canonical.setPath({});
    return canonical;
}

} // namespace qx::client
