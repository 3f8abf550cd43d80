#pragma once
// What the window shows with no workspace open (after File ▸ Close, or when the last one could not be
// opened): the way back to the demo store, to a workspace on disk, to a new one, and to the recent files.
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace mb {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Reads the recent workspaces again (RecentWorkspaces); called each time the page is shown.
    void refresh();
    QListWidget *recentList() const { return recent_; }
    QPushButton *demoButton() const { return demo_; }

Q_SIGNALS:
    void demoRequested();
    void openRequested();
    void newRequested();
    void recentChosen(const QString &path);

private:
    QPushButton *demo_;
    QListWidget *recent_;
    QLabel *noRecent_;
};

}  // namespace mb
