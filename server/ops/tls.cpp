#include "server/ops/tls.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <functional>
#include <memory>

namespace qx::server::tls {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("qx::server::tls", text);
}

core::Error invalid(const QString &message)
{
    return core::makeError(core::ErrorCode::TlsInvalid, message);
}

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *pointer) const { Free(pointer); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using BigNumber = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

QByteArray pem(const std::function<int(BIO *)> &write)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(size));
}

core::Result<void> writeFile(const QString &path, const QByteArray &contents,
                             QFileDevice::Permissions permissions)
{
    QFile file(path);
    // Permissions first, so a key is never readable by others, not even for a moment.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.setPermissions(permissions)
        || file.write(contents) != contents.size() || !file.flush()) {
        return core::makeError(core::ErrorCode::IoError,
                               tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

} // namespace

core::Result<QSslConfiguration> serverConfiguration(const QString &certificatePath,
                                                    const QString &keyPath)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePath);
    if (chain.isEmpty())
        return invalid(tr("%1 holds no PEM certificate.").arg(certificatePath));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (chain.constFirst().expiryDate() < now || chain.constFirst().effectiveDate() > now) {
        return invalid(tr("The certificate in %1 is valid from %2 to %3 only.")
                           .arg(certificatePath,
                                chain.constFirst().effectiveDate().toString(Qt::ISODate),
                                chain.constFirst().expiryDate().toString(Qt::ISODate)));
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return invalid(tr("Cannot read %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Ec, QSsl::Rsa }) {
        key = QSslKey(keyPem, algorithm);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return invalid(tr("%1 holds no unencrypted PEM RSA or EC private key.").arg(keyPath));
    // The key must be the certificate's: compare the public halves.
    const QSslKey certificateKey = chain.constFirst().publicKey();
    if (certificateKey.algorithm() != key.algorithm() || certificateKey.length() != key.length()) {
        return invalid(tr("The key in %1 is not the certificate's.").arg(keyPath));
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate by token
    return configuration;
}

core::Result<void> writeSelfSigned(const QString &certificatePath, const QString &keyPath,
                                   const QStringList &hosts, int days)
{
    const core::Error failed
        = core::makeError(core::ErrorCode::TlsFailed, tr("OpenSSL cannot make a certificate."));
    Key key(EVP_EC_gen("P-256"));
    Certificate certificate(X509_new());
    BigNumber serial(BN_new());
    if (!key || !certificate || !serial)
        return failed;
    // A random 64-bit serial, as RFC 5280 asks of a certificate's issuer.
    if (BN_rand(serial.get(), 64, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get()))
        || X509_set_version(certificate.get(), X509_VERSION_3) != 1
        || !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600)
        || !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(days) * 24 * 3600)
        || X509_set_pubkey(certificate.get(), key.get()) != 1)
        return failed;
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const QByteArray commonName = hosts.value(0, QStringLiteral("localhost")).toUtf8();
    if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>("QuantEnergx"), -1, -1,
                                   0)
            != 1
        || X509_NAME_add_entry_by_txt(
               name, "CN", MBSTRING_UTF8,
               reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0)
            != 1
        || X509_set_issuer_name(certificate.get(), name) != 1)
        return failed;

    QStringList alternativeNames;
    for (const QString &host : hosts) {
        const QHostAddress address(host);
        alternativeNames.append((address.isNull() ? u"DNS:" : u"IP:") + host);
    }
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate.get(), certificate.get(), nullptr, nullptr, 0);
    const std::pair<int, QByteArray> extensions[] {
        { NID_subject_alt_name, alternativeNames.join(u',').toUtf8() },
        { NID_basic_constraints, "critical,CA:FALSE" },
        { NID_key_usage, "critical,digitalSignature" },
        { NID_ext_key_usage, "serverAuth" },
        { NID_subject_key_identifier, "hash" },
    };
    for (const auto &[nid, value] : extensions) {
        Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
        if (!extension || X509_add_ext(certificate.get(), extension.get(), -1) != 1)
            return failed;
    }
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return failed;

    const QByteArray keyPem = pem([&key](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    const QByteArray certificatePem
        = pem([&certificate](BIO *bio) { return PEM_write_bio_X509(bio, certificate.get()); });
    if (keyPem.isEmpty() || certificatePem.isEmpty())
        return failed;
    if (core::Result<void> written
        = writeFile(keyPath, keyPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        !written)
        return written;
    return writeFile(certificatePath, certificatePem,
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                         | QFileDevice::ReadOther);
}

} // namespace qx::server::tls
