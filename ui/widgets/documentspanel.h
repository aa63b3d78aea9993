#pragma once

#include "core/protocol/documents.h"
#include "ui/widgets/documentpageview.h"

#include <QHash>
#include <QImage>
#include <QMap>
#include <QSet>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QFormLayout;
class QPushButton;
class QTableView;
class QToolButton;

namespace qx::client {
class DocumentDesk;
class Session;
} // namespace qx::client

namespace qx::models {
class DocumentsModel;
}

namespace qx::widgets {

/**
 * The Documents dock, where the back office turns broker confirmations and invoices into
 * matched deals: files dropped onto it (or opened) are sent to be read; the list shows each
 * with its status and progress; the selected document's page is shown with every field read
 * on it outlined (DocumentPageView), its fields in a form beside it (the deal's terms
 * editable before booking, unsure readings in amber, breaks in red), what it was matched
 * with, and the actions the user is allowed: accept the match, book the deal (with the
 * corrections typed, each audited by the server), reject, delete.
 *
 * GUI thread only.
 */
class DocumentsPanel : public QWidget
{
    Q_OBJECT

public:
    DocumentsPanel(client::Session *session, client::DocumentDesk *desk, QWidget *parent = nullptr);

    /// Sends the files to be read (as a drop does).
    void upload(const QStringList &paths);
    /// Selects the document (false when it is not listed).
    bool select(const QString &documentId);

    models::DocumentsModel *model() const { return m_model; }
    QTableView *list() const { return m_list; }
    DocumentPageView *pageView() const { return m_page; }
    /// The form's editor of field `name` (nullptr when the form has none).
    QLineEdit *fieldEditor(const QString &name) const { return m_editors.value(name); }
    QString matchText() const;
    QString messageText() const;
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *bookButton() const { return m_book; }
    QPushButton *rejectButton() const { return m_reject; }
    QPushButton *deleteButton() const { return m_delete; }
    /// The selected document's id (empty when none).
    QString currentId() const { return m_current ? m_current->id : QString(); }
    int currentPage() const { return m_pageNumber; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void chooseFiles();
    void selectionChanged();
    void documentChanged(const core::protocol::Document &document);
    /// Shows `document` (its form made anew when `rebuildForm`: a new document, or its
    /// reading changed; else typed corrections stay).
    void show(const std::optional<core::protocol::Document> &document, bool rebuildForm);
    void buildForm();
    void showMatch();
    void showPage(int number);
    void updateActions();
    void book();
    void setMessage(const QString &text, bool problem);
    /// The field names the match's differences concern.
    QSet<QString> brokenFields() const;

    client::Session *m_session;
    client::DocumentDesk *m_desk;
    models::DocumentsModel *m_model;
    QTableView *m_list;
    QLabel *m_hint;
    QLabel *m_message;
    DocumentPageView *m_page;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_pageLabel;
    QWidget *m_formBox;
    QFormLayout *m_form;
    QLabel *m_match;
    QPushButton *m_accept;
    QPushButton *m_book;
    QPushButton *m_reject;
    QPushButton *m_delete;
    bool m_messageIsProblem = false;

    std::optional<core::protocol::Document> m_current;
    int m_pageNumber = 1;
    QHash<QString, QLineEdit *> m_editors; ///< by field name
    /// Pages loaded, by document id and page number (the last few documents').
    QHash<QPair<QString, int>, QImage> m_pages;
    QList<QPair<QString, int>> m_pageOrder; ///< oldest loaded first
    QSet<QPair<QString, int>> m_pagesAsked; ///< asked for and not come yet
};

} // namespace qx::widgets
