#include "ui/widgets/documentpageview.h"

#include "ui/widgets/theme.h"

#include <QHash>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QSet>
#include <QToolTip>

namespace qx::widgets {

DocumentPageView::DocumentPageView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void DocumentPageView::setPage(const QImage &page, const QString &placeholder)
{
    m_page = page;
    m_placeholder = placeholder;
    updateGeometry();
    update();
}

void DocumentPageView::setBoxes(const QList<Box> &boxes)
{
    m_boxes = boxes;
    update();
}

void DocumentPageView::setHighlighted(const QString &name)
{
    m_highlighted = name;
    update();
}

double DocumentPageView::scale() const
{
    return m_page.isNull() ? 1.0 : double(width()) / m_page.width();
}

int DocumentPageView::heightForWidth(int width) const
{
    if (m_page.isNull())
        return 200;
    return int(double(width) * m_page.height() / m_page.width());
}

QSize DocumentPageView::sizeHint() const
{
    return { 420, heightForWidth(420) };
}

QRect DocumentPageView::boxOnScreen(const QString &name) const
{
    for (const Box &box : m_boxes) {
        if (box.name == name) {
            const double s = scale();
            return QRectF(box.rect.x() * s, box.rect.y() * s, box.rect.width() * s,
                          box.rect.height() * s)
                .toAlignedRect();
        }
    }
    return {};
}

QString DocumentPageView::boxToolTip(const QString &name) const
{
    for (const Box &box : m_boxes) {
        if (box.name != name)
            continue;
        QString tip
            = tr("%1: %2\nConfidence %3 %")
                  .arg(box.label, box.value, QLocale().toString(box.confidence * 100, 'f', 0));
        if (box.confidence < kLowConfidence)
            tip += u'\n' + tr("Unsure: check it against the page");
        if (box.broken)
            tip += u'\n' + tr("Differs from the deal or trade it was matched with");
        return tip;
    }
    return {};
}

int DocumentPageView::boxAt(const QPoint &point) const
{
    int found = -1;
    qint64 area = 0;
    for (qsizetype at = 0; at < m_boxes.size(); ++at) {
        const QRect rect = boxOnScreen(m_boxes.at(at).name).adjusted(-2, -2, 2, 2);
        const qint64 size = qint64(rect.width()) * rect.height();
        if (rect.contains(point) && (found < 0 || size < area)) {
            found = int(at);
            area = size;
        }
    }
    return found;
}

void DocumentPageView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    if (m_page.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRect(0, 0, width(), heightForWidth(width())), m_page);
    painter.setRenderHint(QPainter::Antialiasing);
    // Several fields may come from one box ("84.75 EUR/MWh": price, currency, price unit):
    // it is drawn once, in the colour of the worst of them.
    const auto severity = [](const Box &box) {
        return box.broken ? 2 : box.confidence < kLowConfidence ? 1 : 0;
    };
    QHash<QRect, int> worst;
    for (const Box &box : std::as_const(m_boxes))
        worst[box.rect] = std::max(worst.value(box.rect), severity(box));
    QSet<QRect> drawn;
    for (const Box &box : std::as_const(m_boxes)) {
        if (severity(box) != worst.value(box.rect) || drawn.contains(box.rect))
            continue;
        drawn.insert(box.rect);
        const theme::Tone tone = box.broken   ? theme::Tone::Loss
            : box.confidence < kLowConfidence ? theme::Tone::Warning
                                              : theme::Tone::Buy;
        QColor colour = theme::colour(tone);
        const bool highlighted = box.name == m_highlighted;
        painter.setPen(QPen(colour, highlighted ? 3 : 1.5));
        colour.setAlpha(highlighted ? 70 : 35);
        painter.setBrush(colour);
        painter.drawRect(QRectF(boxOnScreen(box.name)).adjusted(-2, -2, 2, 2));
    }
}

bool DocumentPageView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int box = boxAt(help->pos());
        if (box < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            // Every field read from that box.
            QStringList tips;
            for (const Box &other : std::as_const(m_boxes)) {
                if (other.rect == m_boxes.at(box).rect)
                    tips.append(boxToolTip(other.name));
            }
            QToolTip::showText(help->globalPos(), tips.join(u"\n\n"), this,
                               boxOnScreen(m_boxes.at(box).name));
        }
        return true;
    }
    return QWidget::event(event);
}

void DocumentPageView::mousePressEvent(QMouseEvent *event)
{
    const int box = boxAt(event->position().toPoint());
    if (box >= 0)
        Q_EMIT fieldClicked(m_boxes.at(box).name);
    QWidget::mousePressEvent(event);
}

} // namespace qx::widgets
