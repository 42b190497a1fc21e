#include "main_window.h"
namespace paperboy {
MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {}
} // namespace paperboy
