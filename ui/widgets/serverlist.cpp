#include "ui/widgets/serverlist.h"

#include "ui/client/tradingservice.h"

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

std::optional<Problem> firstProblem(const QList<Server> &servers)
{
    QSet<QString> names;
    for (qsizetype index = 0; index < servers.size(); ++index) {
        const Server &server = servers[index];
        const QString name = server.name.trimmed();
        const auto problem = [index](const QString &message) {
            return std::optional(Problem { index, message });
        };
        if (name.isEmpty())
            return problem(tr("Every server needs a name."));
        if (names.contains(name.toCaseFolded()))
            return problem(tr("Two servers are called \"%1\".").arg(name));
        names.insert(name.toCaseFolded());
        const QUrl &url = server.url;
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
            || url.host().isEmpty()) {
            return problem(tr("The address of \"%1\" is not an http:// or https:// address, "
                              "such as https://trading.example.com.")
                               .arg(name));
        }
        if (!server.certificateFile.isEmpty()
            && QSslCertificate::fromPath(server.certificateFile).isEmpty()) {
            return problem(tr("%1 holds no PEM certificate (for \"%2\").")
                               .arg(QFileInfo(server.certificateFile).fileName(), name));
        }
    }
    return std::nullopt;
}

QList<QSslCertificate> trustedFor(const QUrl &url)
{
    for (const Server &server : saved()) {
        if (client::canonicalServerUrl(server.url) == client::canonicalServerUrl(url)
            && !server.certificateFile.isEmpty())
            return QSslCertificate::fromPath(server.certificateFile);
    }
    return {};
}

} // namespace qx::widgets::serverlist
