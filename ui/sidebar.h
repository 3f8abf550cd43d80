#pragma once
// The view switcher on the left of the window: large icons over short names, one entry per view.
#include <QListWidget>

namespace mb {

class Sidebar : public QListWidget {
    Q_OBJECT
public:
    explicit Sidebar(QWidget *parent = nullptr);
    void addView(const QIcon &icon, const QString &title, const QString &toolTip);
};

}  // namespace mb
