#pragma once

// Leptonica images for the OCR library's own use: owned, and converted to and from QImage.

#include <QImage>

#include <memory>

struct Pix;

namespace qx::server::ocr {

struct PixDeleter
{
    void operator()(Pix *pix) const;
};
/// A Leptonica image released with its scope.
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

/// `image` as an 8-bit grey Leptonica image, transparency (Qt PDF's pages) on white; null if
/// Leptonica cannot hold it.
PixPtr greyPix(const QImage &image);
/// A Leptonica image of any depth as 8-bit grey (a 1-bit image's set pixels black).
QImage greyImage(Pix *pix);

} // namespace qx::server::ocr
