#pragma once
#include <QMainWindow>
namespace paperboy {
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};
} // namespace paperboy
