#pragma once

// The window's kept PDFs (issue #21): the detail pane's PDF line, the pages a search's words
// are on in the list's rows, `p` (Open PDF) opening the
// kept file or offering to download it, and their messages in the status bar.

#include <functional>

class QAction;
class QString;
class QWidget;

namespace paperboy {

class DetailPane;
class Library;
class ListController;
class PaperListModel;
class PdfController;

// `showStatus` shows a message in the window's status bar (an error when its flag is set).
PdfController *connectPdfs(QWidget *window, Library *library, DetailPane *detail,
                           ListController *lists, PaperListModel *model, QAction *openPdf,
                           std::function<void(const QString &, bool)> showStatus);

} // namespace paperboy
