#pragma once

// The reader window's share of issue #21: File > Add Papers from Clipboard (Ctrl+V outside
// text fields) and links dropped on the window (AddController), and Paper > Save to Zotero
// (z, ZoteroController). Both report in the status bar through `status`.

#include <functional>

class QString;
class QWidget;

namespace paperboy {

class AddController;
class Library;
class ListController;
class PaperListPanel;
struct ReaderActions;

void connectDesk(QWidget *window, Library *library, ListController *lists, PaperListPanel *list,
                 const ReaderActions &actions,
                 const std::function<void(const QString &, bool)> &status);

// For the window's drag and drop: the controller made by connectDesk().
AddController *deskAdder(const QWidget *window);

} // namespace paperboy
