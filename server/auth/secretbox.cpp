#include "server/auth/secretbox.h"

#include <QFile>
#include <QJsonDocument>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace qx::server {

namespace {

constexpr QByteArrayView kMagic = "qxs1";
constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

using Cipher = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

core::Error unreadable()
{
    return core::makeError(core::ErrorCode::SecretUnreadable,
                           QStringLiteral("A stored secret does not open with this server's "
                                          "secrets-key (another key, or the value was changed)."));
}

} // namespace

core::Result<SecretBox> SecretBox::fromKeyFile(const QString &path, bool create)
{
    QFile file(path);
    if (create && !file.exists()) {
        QByteArray key(kKeyBytes, Qt::Uninitialized);
        if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), kKeyBytes) != 1
            || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || file.write(key.toBase64() + '\n') < 0 || !file.flush()) {
            return core::makeError(
                core::ErrorCode::KeyUnreadable,
                QStringLiteral("Cannot create %1: %2").arg(path, file.errorString()));
        }
        file.close();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return core::makeError(core::ErrorCode::KeyUnreadable,
                               QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    }
    const QByteArray key = QByteArray::fromBase64(file.readAll().trimmed());
    if (key.size() != kKeyBytes) {
        return core::makeError(
            core::ErrorCode::KeyUnreadable,
            QStringLiteral("%1 does not hold a %2-byte key.").arg(path).arg(kKeyBytes));
    }
    return SecretBox(key);
}

bool SecretBox::isSealed(const QByteArray &value)
{
    return value.startsWith(kMagic) && value.size() >= kMagic.size() + kNonceBytes + kTagBytes;
}

QByteArray SecretBox::seal(const QByteArray &plain, const QByteArray &context) const
{
    QByteArray nonce(kNonceBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(nonce.data()), kNonceBytes) != 1)
        return {};
    Cipher cipher(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    QByteArray out(plain.size() + kTagBytes, Qt::Uninitialized);
    int length = 0;
    int finalLength = 0;
    const auto *key = reinterpret_cast<const unsigned char *>(m_key.constData());
    const auto *iv = reinterpret_cast<const unsigned char *>(nonce.constData());
    auto *bytes = reinterpret_cast<unsigned char *>(out.data());
    if (!cipher || EVP_EncryptInit_ex(cipher.get(), EVP_aes_256_gcm(), nullptr, key, iv) != 1
        || EVP_EncryptUpdate(cipher.get(), nullptr, &length,
                             reinterpret_cast<const unsigned char *>(context.constData()),
                             int(context.size()))
            != 1
        || EVP_EncryptUpdate(cipher.get(), bytes, &length,
                             reinterpret_cast<const unsigned char *>(plain.constData()),
                             int(plain.size()))
            != 1
        || EVP_EncryptFinal_ex(cipher.get(), bytes + length, &finalLength) != 1
        || EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                               bytes + length + finalLength)
            != 1)
        return {};
    out.resize(length + finalLength + kTagBytes);
    return kMagic.toByteArray() + nonce + out;
}

core::Result<QByteArray> SecretBox::open(const QByteArray &sealed, const QByteArray &context) const
{
    if (!isSealed(sealed))
        return unreadable();
    const QByteArrayView body = QByteArrayView(sealed).sliced(kMagic.size());
    const QByteArrayView nonce = body.first(kNonceBytes);
    const QByteArrayView tag = body.last(kTagBytes);
    const QByteArrayView ciphertext
        = body.sliced(kNonceBytes, body.size() - kNonceBytes - kTagBytes);
    Cipher cipher(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    QByteArray plain(ciphertext.size(), Qt::Uninitialized);
    int length = 0;
    int finalLength = 0;
    QByteArray expectedTag = tag.toByteArray();
    auto *out = reinterpret_cast<unsigned char *>(plain.data());
    if (!cipher
        || EVP_DecryptInit_ex(cipher.get(), EVP_aes_256_gcm(), nullptr,
                              reinterpret_cast<const unsigned char *>(m_key.constData()),
                              reinterpret_cast<const unsigned char *>(nonce.data()))
            != 1
        || EVP_DecryptUpdate(cipher.get(), nullptr, &length,
                             reinterpret_cast<const unsigned char *>(context.constData()),
                             int(context.size()))
            != 1
        || EVP_DecryptUpdate(cipher.get(), out, &length,
                             reinterpret_cast<const unsigned char *>(ciphertext.data()),
                             int(ciphertext.size()))
            != 1
        || EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, expectedTag.data())
            != 1
        || EVP_DecryptFinal_ex(cipher.get(), out + length, &finalLength) != 1)
        return unreadable();
    plain.resize(length + finalLength);
    return plain;
}

core::Result<QJsonObject> SecretBox::openObject(const QByteArray &sealed,
                                                const QByteArray &context) const
{
    if (sealed.isEmpty())
        return QJsonObject();
    core::Result<QByteArray> plain = open(sealed, context);
    if (!plain)
        return plain.error();
    return QJsonDocument::fromJson(*plain).object();
}

} // namespace qx::server
