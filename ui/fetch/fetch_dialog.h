#pragma once

// File > Fetch Days…: a day or a range of days and the categories to fetch from arXiv.

#include "fetch/fetch_request.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace paperboy {

class FetchDialog : public QDialog
{
    Q_OBJECT
public:
    FetchDialog(const QDate &today, const QStringList &categories, QWidget *parent = nullptr);

    void setRange(const QDate &from, const QDate &to);
    FetchRequest request() const;
    void accept() override;

private:
    void validate();
    QStringList categories() const;

    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_categories = nullptr;
    QCheckBox *m_force = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace paperboy
