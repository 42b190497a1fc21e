#pragma once

// The kept PDFs' settings (issue #21), each with its default: whether starring a paper
// downloads its PDF, the largest PDF accepted, and where PDFs come from ({id} becomes the
// arXiv id). Edited in Preferences > PDFs, read by PdfController at each download.

#include "common/settings.h"

namespace paperboy::settings {

inline const SettingKey<bool> pdfForStarred{"pdfs/downloadStarred", false};
inline const SettingKey<int> pdfMaxMegabytes{"pdfs/maxMegabytes", 100};
inline const SettingKey<QString> pdfUrlTemplate{"pdfs/urlTemplate",
                                                QStringLiteral("https://arxiv.org/pdf/{id}")};

} // namespace paperboy::settings
