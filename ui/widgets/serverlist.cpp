#include "ui/widgets/serverlist.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>
#include <QSettings>

namespace qx::widgets::serverlist {

namespace {
constexpr auto kServersKey = "servers";

QString tr(const char *text)
{
    return QCoreApplication::translate("qx::widgets::serverlist", text);
}

bool sameServer(const QUrl &a, const QUrl &b)
{
    const auto normal = [](const QUrl &url) {
        QUrl same = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo);
        if (same.path() == u"/")
            same.setPath({}); // https://host/ is https://host
        return same;
    };
    return normal(a) == normal(b);
}
} // namespace

QList<Server> saved()
{
    QSettings settings;
    QList<Server> servers;
    const int count = settings.beginReadArray(QLatin1StringView(kServersKey));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        servers.append({ settings.value(QStringLiteral("name")).toString(),
                         settings.value(QStringLiteral("url")).toUrl(),
                         settings.value(QStringLiteral("certificate")).toString() });
    }
    settings.endArray();
    return servers;
}

void save(const QList<Server> &servers)
{
    QSettings settings;
    settings.remove(QLatin1StringView(kServersKey));
    settings.beginWriteArray(QLatin1StringView(kServersKey), int(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), servers[i].name);
        settings.setValue(QStringLiteral("url"), servers[i].url);
        settings.setValue(QStringLiteral("certificate"), servers[i].certificateFile);
    }
    settings.endArray();
}

core::Result<void> check(const QList<Server> &servers)
{
    QSet<QString> names;
    for (const Server &server : servers) {
        const QString name = server.name.trimmed();
        const auto refuse = [](const QString &message) {
            return core::makeError(QStringLiteral("invalid_server"), message);
        };
        if (name.isEmpty())
            return refuse(tr("Every server needs a name."));
        if (names.contains(name.toCaseFolded()))
            return refuse(tr("Two servers are called \"%1\".").arg(name));
        names.insert(name.toCaseFolded());
        const QUrl &url = server.url;
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
            || url.host().isEmpty()) {
            return refuse(tr("The address of \"%1\" is not an http:// or https:// address, "
                             "such as https://trading.example.com.")
                              .arg(name));
        }
        if (!server.certificateFile.isEmpty()
            && QSslCertificate::fromPath(server.certificateFile).isEmpty()) {
            return refuse(tr("%1 holds no PEM certificate (for \"%2\").")
                              .arg(QFileInfo(server.certificateFile).fileName(), name));
        }
    }
    return {};
}

QList<QSslCertificate> trustedFor(const QUrl &url)
{
    for (const Server &server : saved()) {
        if (sameServer(server.url, url) && !server.certificateFile.isEmpty())
            return QSslCertificate::fromPath(server.certificateFile);
    }
    return {};
}

} // namespace qx::widgets::serverlist
