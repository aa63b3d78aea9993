#pragma once

#include <QImage>
#include <QList>
#include <QRect>
#include <QWidget>

namespace qx::widgets {

/**
 * A document's page as the server read it, scaled to the view's width, with each field read
 * on it outlined where it was found: in the desk's blue when the reading is sure, amber below
 * kLowConfidence, red when it differs from the deal or trade it was matched with. Hovering a
 * box shows the field's value and confidence; clicking it emits fieldClicked(). The boxes are
 * in the page's pixels (300 dpi), as the server gives them.
 *
 * GUI thread only.
 */
class DocumentPageView : public QWidget
{
    Q_OBJECT

public:
    /// A reading below this is shown as one to check.
    static constexpr double kLowConfidence = 0.8;

    struct Box
    {
        QString name; ///< the field's ("price")
        QString label; ///< as the form shows it ("Price")
        QString value;
        double confidence = 0;
        QRect rect; ///< in page pixels
        bool broken = false; ///< differs from what it was matched with
    };

    explicit DocumentPageView(QWidget *parent = nullptr);

    /// The page shown (a null image: none, with `placeholder` in its place).
    void setPage(const QImage &page, const QString &placeholder = {});
    void setBoxes(const QList<Box> &boxes);
    /// Outlines the box of `name` more strongly (the field being edited).
    void setHighlighted(const QString &name);
    const QImage &page() const { return m_page; }
    const QList<Box> &boxes() const { return m_boxes; }
    /// Where the box of `name` is on screen, in this widget's coordinates (empty if none).
    QRect boxOnScreen(const QString &name) const;
    /// The tooltip for the box of `name`: label, value and confidence.
    QString boxToolTip(const QString &name) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

Q_SIGNALS:
    void fieldClicked(const QString &name);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    double scale() const;
    /// The box under `point` (the smallest, where they overlap), or -1.
    int boxAt(const QPoint &point) const;

    QImage m_page;
    QString m_placeholder;
    QList<Box> m_boxes;
    QString m_highlighted;
};

} // namespace qx::widgets
