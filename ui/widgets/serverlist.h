#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <optional>

/**
 * The servers a trader signs in to, by name ("Production", "UAT"), kept in QSettings. The
 * sign-in dialog lists them after the bundled local server. A server with a certificate of
 * its own (a private CA, or a self-signed one) names the PEM file to trust for it, on top of
 * the system's authorities.
 */
namespace qx::widgets::serverlist {

struct Server
{
    QString name;
    QUrl url;
    QString certificateFile; ///< PEM to trust beyond the system's; empty: none
    bool operator==(const Server &) const = default;
};

QList<Server> saved();
void save(const QList<Server> &servers);
/// What is wrong with a list the user entered: which server (its index) and why.
struct Problem
{
    qsizetype index = 0;
    QString message;
};
/// The first problem of a list the user entered, or none: names given and different, http or
/// https addresses with a host, certificate files that hold at least one PEM certificate.
std::optional<Problem> firstProblem(const QList<Server> &servers);
/// The certificates to trust for `url`: those of the saved server with that address.
QList<QSslCertificate> trustedFor(const QUrl &url);

} // namespace qx::widgets::serverlist
