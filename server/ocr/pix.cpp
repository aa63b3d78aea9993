#include "server/ocr/pix.h"

#include <QPainter>

#include <leptonica/allheaders.h>

namespace qx::server::ocr {

void PixDeleter::operator()(Pix *pix) const
{
    pixDestroy(&pix);
}

PixPtr greyPix(const QImage &image)
{
    QImage grey(image.size(), QImage::Format_Grayscale8);
    grey.fill(Qt::white);
    {
        QPainter painter(&grey);
        painter.drawImage(0, 0, image);
    }
    PixPtr pix(pixCreate(grey.width(), grey.height(), 8));
    if (!pix)
        return pix;
    l_uint32 *data = pixGetData(pix.get());
    const int wordsPerLine = pixGetWpl(pix.get());
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *row = grey.constScanLine(y);
        l_uint32 *line = data + qsizetype(y) * wordsPerLine;
        for (int x = 0; x < grey.width(); ++x)
            SET_DATA_BYTE(line, x, row[x]);
    }
    return pix;
}

QImage greyImage(Pix *pix)
{
    PixPtr grey(pixConvertTo8(pix, 0));
    if (!grey)
        return {};
    const int width = int(pixGetWidth(grey.get()));
    const int height = int(pixGetHeight(grey.get()));
    QImage image(width, height, QImage::Format_Grayscale8);
    const l_uint32 *data = pixGetData(grey.get());
    const int wordsPerLine = pixGetWpl(grey.get());
    for (int y = 0; y < height; ++y) {
        const l_uint32 *line = data + qsizetype(y) * wordsPerLine;
        uchar *row = image.scanLine(y);
        for (int x = 0; x < width; ++x)
            row[x] = uchar(GET_DATA_BYTE(line, x));
    }
    return image;
}

} // namespace qx::server::ocr
