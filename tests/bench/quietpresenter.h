#pragma once
// The window's messages in a benchmark: errors on stderr (and remembered, so a run that failed is not
// timed as a good one), everything else dropped; no modal box waits for a click.
#include "ui/messagepresenter.h"

#include <QString>

#include <cstdio>

namespace mbbench {

class QuietPresenter : public mb::MessagePresenter {
public:
    void error(QWidget *, const QString &title, const QString &text) override
    {
        std::fprintf(stderr, "%s: %s\n", qPrintable(title), qPrintable(text));
        failed = true;
    }
    void information(QWidget *, const QString &, const QString &) override {}
    bool failed = false;
};

}  // namespace mbbench
