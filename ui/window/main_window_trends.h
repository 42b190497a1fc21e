#pragma once

// The reader window's Trends (issue #22): Go > Trends… (Ctrl+T) opens the chart window (a
// child of the reader window, made on first use), filled with the search on screen when
// there is one; a click on a point lists that period's matching papers in the reader window.

class QAction;
class QWidget;

namespace paperboy {

class Library;
class ListController;

void connectTrendsWindow(QWidget *window, Library *library, ListController *lists, QAction *action);

} // namespace paperboy
