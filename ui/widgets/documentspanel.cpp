#include "ui/widgets/documentspanel.h"

#include "ui/client/documentdesk.h"
#include "ui/client/session.h"
#include "ui/models/documentsmodel.h"
#include "ui/widgets/theme.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace qx::widgets {

using core::protocol::Document;

namespace {

// The fields a form shows, in the order people read them on a confirmation or an invoice.
const QStringList kConfirmationFields {
    QStringLiteral("trade_id"),
    QStringLiteral("trade_date"),
    QStringLiteral("buyer"),
    QStringLiteral("seller"),
    QStringLiteral("broker"),
    QStringLiteral("commodity"),
    QStringLiteral("delivery_point"),
    QStringLiteral("delivery_start"),
    QStringLiteral("delivery_end"),
    QStringLiteral("load_shape"),
    QStringLiteral("quantity"),
    QStringLiteral("quantity_unit"),
    QStringLiteral("price"),
    QStringLiteral("currency"),
    QStringLiteral("price_unit"),
    QStringLiteral("total_volume"),
    QStringLiteral("total_volume_unit"),
    QStringLiteral("symbol"),
};
const QStringList kInvoiceFields {
    QStringLiteral("invoice_number"), QStringLiteral("issuer"),     QStringLiteral("recipient"),
    QStringLiteral("invoice_date"),   QStringLiteral("due_date"),   QStringLiteral("period_start"),
    QStringLiteral("period_end"),     QStringLiteral("quantity"),   QStringLiteral("quantity_unit"),
    QStringLiteral("net_amount"),     QStringLiteral("vat_amount"), QStringLiteral("gross_amount"),
    QStringLiteral("currency"),
};
// What booking a confirmation takes from its form (the server accepts corrections of these).
const QStringList kBookable {
    QStringLiteral("symbol"), QStringLiteral("trade_date"), QStringLiteral("buyer"),
    QStringLiteral("seller"), QStringLiteral("broker"),     QStringLiteral("quantity"),
    QStringLiteral("price"),  QStringLiteral("trade_id"),
};
// Pages kept in memory (a 300-dpi page is some 35 MB as an image).
constexpr int kPagesKept = 6;

QString fieldLabel(const QString &name)
{
    static const QHash<QString, const char *> labels {
        { QStringLiteral("trade_id"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Trade id") },
        { QStringLiteral("trade_date"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Trade date") },
        { QStringLiteral("buyer"), QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Buyer") },
        { QStringLiteral("seller"), QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Seller") },
        { QStringLiteral("broker"), QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Broker") },
        { QStringLiteral("commodity"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Commodity") },
        { QStringLiteral("delivery_point"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Delivery point") },
        { QStringLiteral("delivery_start"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Delivery from") },
        { QStringLiteral("delivery_end"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Delivery to") },
        { QStringLiteral("load_shape"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Load shape") },
        { QStringLiteral("quantity"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Quantity") },
        { QStringLiteral("quantity_unit"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Quantity unit") },
        { QStringLiteral("price"), QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Price") },
        { QStringLiteral("currency"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Currency") },
        { QStringLiteral("price_unit"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Price unit") },
        { QStringLiteral("total_volume"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Total volume") },
        { QStringLiteral("total_volume_unit"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Volume unit") },
        { QStringLiteral("symbol"), QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Contract") },
        { QStringLiteral("side"), QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Side") },
        { QStringLiteral("counterparty"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Counterparty") },
        { QStringLiteral("invoice_number"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Invoice number") },
        { QStringLiteral("issuer"), QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Issuer") },
        { QStringLiteral("recipient"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Recipient") },
        { QStringLiteral("invoice_date"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Invoice date") },
        { QStringLiteral("due_date"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Due date") },
        { QStringLiteral("period_start"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Period from") },
        { QStringLiteral("period_end"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Period to") },
        { QStringLiteral("net_amount"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Net amount") },
        { QStringLiteral("vat_amount"), QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "VAT") },
        { QStringLiteral("gross_amount"),
          QT_TRANSLATE_NOOP("qx::widgets::DocumentsPanel", "Gross amount") },
    };
    const char *label = labels.value(name);
    return label ? DocumentsPanel::tr(label) : name;
}

bool isDocumentFile(const QUrl &url)
{
    return url.isLocalFile() && !QFileInfo(url.toLocalFile()).isDir();
}

} // namespace

DocumentsPanel::DocumentsPanel(client::Session *session, client::DocumentDesk *desk,
                               QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_desk(desk)
    , m_model(new models::DocumentsModel(desk, this))
    , m_list(new QTableView(this))
    , m_hint(new QLabel(this))
    , m_message(new QLabel(this))
    , m_page(new DocumentPageView(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_pageLabel(new QLabel(this))
    , m_formBox(new QWidget(this))
    , m_form(new QFormLayout(m_formBox))
    , m_match(new QLabel(this))
    , m_accept(new QPushButton(tr("&Accept match"), this))
    , m_book(new QPushButton(tr("&Book deal"), this))
    , m_reject(new QPushButton(tr("&Reject"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
{
    setAcceptDrops(true);

    auto *open = new QPushButton(tr("&Open…"), this);
    open->setObjectName(QStringLiteral("openDocuments"));
    open->setToolTip(tr("Send confirmations or invoices (PDF, PNG, JPEG, TIFF) to be read"));
    connect(open, &QPushButton::clicked, this, &DocumentsPanel::chooseFiles);
    m_hint->setText(tr("or drop PDFs and scans here"));
    m_hint->setEnabled(false);
    m_message->setObjectName(QStringLiteral("documentsMessage"));
    m_message->setAccessibleName(tr("Last outcome"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(open);
    top->addWidget(m_hint);
    top->addWidget(m_message, 1);

    m_list->setObjectName(QStringLiteral("documentsList"));
    m_list->setAccessibleName(tr("Documents"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 6);
    m_list->horizontalHeader()->setSectionResizeMode(models::DocumentsModel::Name,
                                                     QHeaderView::Stretch);
    m_list->setColumnWidth(models::DocumentsModel::Type, 100);
    m_list->setColumnWidth(models::DocumentsModel::Status, 80);
    m_list->setColumnWidth(models::DocumentsModel::Match, 120);
    m_list->setColumnWidth(models::DocumentsModel::Uploaded, 120);
    // Name, type, status and match readable without scrolling.
    m_list->setMinimumWidth(m_list->fontMetrics().averageCharWidth() * 60);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DocumentsPanel::selectionChanged);

    // The page, with its navigation.
    m_page->setObjectName(QStringLiteral("documentPage"));
    auto *pageScroll = new QScrollArea(this);
    pageScroll->setWidget(m_page);
    pageScroll->setAccessibleName(tr("Page as read"));
    pageScroll->setWidgetResizable(true);
    pageScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous page"));
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next page"));
    connect(m_previous, &QToolButton::clicked, this, [this] { showPage(m_pageNumber - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { showPage(m_pageNumber + 1); });
    auto *pageBar = new QHBoxLayout;
    pageBar->addWidget(m_previous);
    pageBar->addWidget(m_pageLabel);
    pageBar->addWidget(m_next);
    pageBar->addStretch();
    auto *pageBox = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(pageBox);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addLayout(pageBar);
    pageLayout->addWidget(pageScroll, 1);
    connect(m_page, &DocumentPageView::fieldClicked, this, [this](const QString &name) {
        if (QLineEdit *editor = m_editors.value(name)) {
            editor->setFocus();
            editor->selectAll();
        }
    });

    // The fields, the match and the actions.
    m_formBox->setObjectName(QStringLiteral("documentFields"));
    auto *formScroll = new QScrollArea(this);
    formScroll->setWidget(m_formBox);
    formScroll->setAccessibleName(tr("Fields read"));
    formScroll->setWidgetResizable(true);
    m_match->setObjectName(QStringLiteral("documentMatch"));
    m_match->setAccessibleName(tr("Match"));
    m_match->setWordWrap(true);
    m_match->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accept->setObjectName(QStringLiteral("acceptMatch"));
    m_accept->setToolTip(tr("Confirm that the document is the deal or trade it matched"));
    m_book->setObjectName(QStringLiteral("bookDeal"));
    m_book->setToolTip(tr("Book the confirmation as a new deal, with the fields as corrected "
                          "here (each correction is audited)"));
    m_reject->setObjectName(QStringLiteral("rejectDocument"));
    m_reject->setToolTip(tr("Mark the document as not ours or wrong"));
    m_delete->setObjectName(QStringLiteral("deleteDocument"));
    connect(m_accept, &QPushButton::clicked, this, [this] {
        if (m_current)
            m_desk->review(m_current->id, true);
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        if (m_current)
            m_desk->review(m_current->id, false);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (m_current)
            m_desk->remove(m_current->id);
    });
    connect(m_book, &QPushButton::clicked, this, &DocumentsPanel::book);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_accept);
    buttons->addWidget(m_book);
    buttons->addWidget(m_reject);
    buttons->addStretch();
    buttons->addWidget(m_delete);
    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(formScroll, 1);
    detailsLayout->addWidget(m_match);
    detailsLayout->addLayout(buttons);

    auto *reading = new QSplitter(Qt::Horizontal, this);
    reading->addWidget(pageBox);
    reading->addWidget(details);
    reading->setStretchFactor(0, 3);
    reading->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("documentsSplitter"));
    split->addWidget(m_list);
    split->addWidget(reading);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({ 700, 1200 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(desk, &client::DocumentDesk::documentChanged, this, &DocumentsPanel::documentChanged);
    connect(desk, &client::DocumentDesk::documentsReset, this, [this] {
        const QString id = currentId();
        if (!select(id))
            show(std::nullopt, true);
    });
    connect(desk, &client::DocumentDesk::documentRemoved, this, [this](const QString &id) {
        if (id == currentId())
            show(std::nullopt, true);
    });
    connect(desk, &client::DocumentDesk::pageLoaded, this,
            [this](const QString &id, int number, const QByteArray &png) {
                QImage image;
                image.loadFromData(png, "PNG");
                const QPair<QString, int> key { id, number };
                m_pagesAsked.remove(key);
                m_pages.insert(key, image);
                m_pageOrder.removeAll(key);
                m_pageOrder.append(key);
                while (m_pageOrder.size() > kPagesKept)
                    m_pages.remove(m_pageOrder.takeFirst());
                if (id == currentId() && number == m_pageNumber)
                    showPage(number);
            });
    connect(desk, &client::DocumentDesk::uploaded, this,
            [this](const QString &path, const Document &document) {
                setMessage(tr("%1 sent.").arg(QFileInfo(path).fileName()), false);
                if (!m_current)
                    select(document.id);
            });
    connect(desk, &client::DocumentDesk::uploadFailed, this,
            [this](const QString &path, const core::Error &error) {
                setMessage(
                    tr("%1 was not accepted: %2").arg(QFileInfo(path).fileName(), error.message),
                    true);
            });
    connect(desk, &client::DocumentDesk::requestFailed, this,
            [this](const QString &id, const core::Error &error) {
                // A page that failed to come is asked for again when shown again.
                m_pagesAsked.removeIf(
                    [&id](const QPair<QString, int> &page) { return page.first == id; });
                setMessage(error.message, true);
            });
    connect(desk, &client::DocumentDesk::dealBooked, this,
            [this](const QString &, const core::protocol::Deal &deal) {
                setMessage(tr("Deal %1 booked: %2 %3 %4 at %5 with %6.")
                               .arg(deal.id,
                                    deal.terms.side == core::protocol::Side::Buy ? tr("bought")
                                                                                 : tr("sold"),
                                    deal.terms.quantity.toString(), deal.terms.symbol,
                                    deal.terms.price.toString(), deal.terms.counterparty),
                           false);
            });
    connect(session, &client::Session::identityChanged, this, &DocumentsPanel::updateActions);
    show(std::nullopt, true);
}

void DocumentsPanel::upload(const QStringList &paths)
{
    for (const QString &path : paths)
        m_desk->upload(path);
    if (!paths.isEmpty())
        setMessage(tr("Sending %n file(s)…", nullptr, int(paths.size())), false);
}

bool DocumentsPanel::select(const QString &documentId)
{
    const int row = documentId.isEmpty() ? -1 : m_model->rowOf(documentId);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, 0));
    m_list->scrollTo(m_model->index(row, 0));
    return true;
}

QString DocumentsPanel::matchText() const
{
    return m_match->text();
}

QString DocumentsPanel::messageText() const
{
    return m_message->text();
}

void DocumentsPanel::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::any_of(urls.cbegin(), urls.cend(), isDocumentFile))
        event->acceptProposedAction();
}

void DocumentsPanel::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (isDocumentFile(url))
            paths.append(url.toLocalFile());
    }
    upload(paths);
    event->acceptProposedAction();
}

void DocumentsPanel::changeEvent(QEvent *event)
{
    // Style sheets keep their colours: set again for the new palette.
    if (event->type() == QEvent::PaletteChange && m_current) {
        setMessage(m_message->text(), m_messageIsProblem);
        show(m_current, true);
    }
    QWidget::changeEvent(event);
}

void DocumentsPanel::chooseFiles()
{
    upload(QFileDialog::getOpenFileNames(this, tr("Send documents"), QString(),
                                         tr("Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)")));
}

void DocumentsPanel::selectionChanged()
{
    const QModelIndex current = m_list->currentIndex();
    const std::optional<Document> document
        = current.isValid() ? m_model->document(current.row()) : std::nullopt;
    const bool another = !document || !m_current || document->id != m_current->id;
    if (another)
        m_pageNumber = 1;
    show(document, true);
}

void DocumentsPanel::documentChanged(const Document &document)
{
    if (document.id != currentId())
        return;
    // Typed corrections stay unless the reading itself changed.
    const bool reread
        = m_current->fields != document.fields || m_current->status != document.status;
    show(document, reread);
}

void DocumentsPanel::show(const std::optional<Document> &document, bool rebuildForm)
{
    m_current = document;
    if (rebuildForm)
        buildForm();
    showMatch();
    showPage(m_pageNumber);
    updateActions();
}

QSet<QString> DocumentsPanel::brokenFields() const
{
    QSet<QString> broken;
    if (!m_current || m_current->match.state != u"break")
        return broken;
    for (const core::protocol::DocumentDifference &difference : m_current->match.differences) {
        if (difference.field == u"side" || difference.field == u"counterparty") {
            broken << QStringLiteral("buyer") << QStringLiteral("seller");
        } else {
            broken << difference.field;
        }
    }
    return broken;
}

void DocumentsPanel::buildForm()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_editors.clear();
    if (!m_current || !m_current->isProcessed()) {
        auto *note
            = new QLabel(!m_current ? tr("Select a document to see what was read.")
                             : m_current->status == u"failed"
                             ? tr("This document could not be read: %1").arg(m_current->reason)
                             : tr("Being read…"),
                         m_formBox);
        note->setWordWrap(true);
        m_form->addRow(note);
        return;
    }
    const QStringList &names = m_current->type == u"invoice" ? kInvoiceFields : kConfirmationFields;
    QStringList shown = names;
    for (auto field = m_current->fields.cbegin(); field != m_current->fields.cend(); ++field) {
        if (!shown.contains(field.key()))
            shown.append(field.key()); // one this desktop has no place for: shown at the end
    }
    const QSet<QString> broken = brokenFields();
    const bool bookable = m_current->type == u"confirmation";
    for (const QString &name : std::as_const(shown)) {
        const bool read = m_current->fields.contains(name);
        if (!read && !(bookable && kBookable.contains(name)))
            continue; // not on the document and not needed to book it
        const core::protocol::DocumentField field = m_current->fields.value(name);
        auto *editor = new QLineEdit(field.value, m_formBox);
        editor->setObjectName(u"field_" + name);
        editor->setReadOnly(!(bookable && kBookable.contains(name)));
        QStringList tip;
        if (read) {
            tip << tr("Read on page %1 with %2 % confidence")
                       .arg(field.page)
                       .arg(QLocale().toString(field.confidence * 100, 'f', 0));
        } else {
            tip << tr("Not found on the document");
            editor->setPlaceholderText(tr("not found"));
        }
        QString style;
        if (broken.contains(name)) {
            style = QStringLiteral("QLineEdit { color: %1; border: 2px solid %1; }")
                        .arg(theme::colour(theme::Tone::Loss).name());
            for (const core::protocol::DocumentDifference &difference :
                 m_current->match.differences) {
                tip << tr("%1 on the document, %2 as booked")
                           .arg(difference.document, difference.booked);
            }
        } else if (!read || field.confidence < DocumentPageView::kLowConfidence) {
            style = QStringLiteral("QLineEdit { border: 2px solid %1; }")
                        .arg(theme::colour(theme::Tone::Warning).name());
            if (read)
                tip << tr("Unsure: check it against the page");
        }
        editor->setStyleSheet(style);
        editor->setToolTip(tip.join(u'\n'));
        const int page = field.page;
        connect(editor, &QLineEdit::cursorPositionChanged, this, [this, name, page] {
            if (page > 0 && page != m_pageNumber)
                showPage(page);
            m_page->setHighlighted(name);
        });
        m_editors.insert(name, editor);
        m_form->addRow(fieldLabel(name), editor);
    }
}

void DocumentsPanel::showMatch()
{
    m_match->clear();
    m_match->setStyleSheet({});
    if (!m_current || !m_current->isProcessed())
        return;
    const core::protocol::DocumentMatch &match = m_current->match;
    QStringList lines;
    theme::Tone tone = theme::Tone::Warning;
    if (m_current->type == u"invoice") {
        if (!match.counted.isEmpty()) {
            lines << tr("Expected from %n deal(s): %1 %2 for %3 %4", nullptr,
                        int(match.counted.size()))
                         .arg(match.expectedQuantity, match.unit, match.expectedAmount,
                              match.currency);
        }
        if (!match.quantityDifference.isEmpty())
            lines << tr("Quantity difference: %1 %2").arg(match.quantityDifference, match.unit);
        if (!match.amountDifference.isEmpty())
            lines << tr("Amount difference: %1 %2").arg(match.amountDifference, match.currency);
    }
    const auto candidate = [](const core::protocol::DocumentCandidate &c) {
        return tr("%1 %2 (%3 %4 %5 at %6, traded %7)")
            .arg(c.kind == u"deal" ? tr("deal") : tr("trade"), c.id,
                 c.side == u"buy" ? tr("buy") : tr("sell"), c.quantity, c.symbol, c.price,
                 QLocale().toString(c.tradeDate, QLocale::ShortFormat));
    };
    if (match.state == u"matched") {
        tone = theme::Tone::Gain;
        if (m_current->type == u"confirmation" && !match.candidates.isEmpty())
            lines.prepend(tr("Matches %1.").arg(candidate(match.candidates.first())));
        else if (m_current->type == u"invoice")
            lines.prepend(tr("The invoice agrees with the deals of its period."));
    } else if (match.state == u"break") {
        tone = theme::Tone::Loss;
        QStringList with;
        for (const core::protocol::DocumentCandidate &c : match.candidates)
            with << candidate(c);
        if (m_current->type == u"confirmation")
            lines.prepend(tr("Break with %1:").arg(with.join(tr(" and "))));
        for (const core::protocol::DocumentDifference &difference : match.differences) {
            lines << tr("%1: %2 on the document, %3 as booked")
                         .arg(fieldLabel(difference.field), difference.document, difference.booked);
        }
    } else if (match.state == u"unmatched") {
        lines.prepend(m_current->type == u"confirmation"
                          ? tr("No deal or trade of the firm matches: check the fields and "
                               "book it as a deal.")
                          : tr("No deal of the invoice's period and counterparty."));
    }
    if (!match.reason.isEmpty())
        lines << match.reason;
    m_match->setText(lines.join(u'\n'));
    m_match->setStyleSheet(theme::textStyle(tone));
}

void DocumentsPanel::showPage(int number)
{
    const int pages = m_current ? m_current->pages : 0;
    m_pageNumber = std::clamp(number, 1, std::max(pages, 1));
    m_previous->setEnabled(m_pageNumber > 1);
    m_next->setEnabled(m_pageNumber < pages);
    m_pageLabel->setText(pages > 0 ? tr("Page %1 of %2").arg(m_pageNumber).arg(pages) : QString());
    if (!m_current) {
        m_page->setPage({}, tr("Drop confirmations and invoices here, or open them."));
        m_page->setBoxes({});
        return;
    }
    if (!m_current->isProcessed()) {
        m_page->setPage({}, models::DocumentsModel::statusText(*m_current));
        m_page->setBoxes({});
        return;
    }
    const auto loaded = m_pages.constFind({ m_current->id, m_pageNumber });
    if (loaded == m_pages.cend()) {
        m_page->setPage({}, tr("Loading page %1…").arg(m_pageNumber));
        if (!m_pagesAsked.contains({ m_current->id, m_pageNumber })) {
            m_pagesAsked.insert({ m_current->id, m_pageNumber });
            m_desk->loadPage(m_current->id, m_pageNumber);
        }
    } else {
        m_page->setPage(*loaded);
    }
    QList<DocumentPageView::Box> boxes;
    const QSet<QString> broken = brokenFields();
    for (auto field = m_current->fields.cbegin(); field != m_current->fields.cend(); ++field) {
        if (field->page != m_pageNumber || field->box.isEmpty())
            continue;
        boxes.append({ field.key(), fieldLabel(field.key()), field->value, field->confidence,
                       field->box, broken.contains(field.key()) });
    }
    m_page->setBoxes(boxes);
}

void DocumentsPanel::updateActions()
{
    const bool books = m_session->can(QStringLiteral("deals:book"));
    const bool read = m_current && m_current->isProcessed();
    const QString state = m_current ? m_current->match.state : QString();
    const QString review = m_current ? m_current->review : QString();
    m_accept->setEnabled(books && read && state == u"matched" && review.isEmpty());
    m_book->setEnabled(books && read && m_current->type == u"confirmation" && state != u"matched"
                       && review != u"booked");
    m_reject->setEnabled(books && read && review != u"rejected" && review != u"booked");
    m_delete->setEnabled(m_session->can(QStringLiteral("documents:upload")) && m_current
                         && review != u"booked");
    const QString missing = tr("Your account may not do this (%1).");
    m_accept->setToolTip(books ? tr("Confirm that the document is the deal or trade it matched")
                               : missing.arg(u"deals:book"));
}

void DocumentsPanel::book()
{
    if (!m_current)
        return;
    QMap<QString, QString> corrections;
    for (const QString &name : kBookable) {
        const QLineEdit *editor = m_editors.value(name);
        if (editor && editor->text().trimmed() != m_current->fields.value(name).value)
            corrections.insert(name, editor->text().trimmed());
    }
    m_desk->book(m_current->id, corrections);
}

void DocumentsPanel::setMessage(const QString &text, bool problem)
{
    m_messageIsProblem = problem;
    m_message->setText(text);
    m_message->setStyleSheet(problem ? theme::textStyle(theme::Tone::Loss) : QString());
}

} // namespace qx::widgets
