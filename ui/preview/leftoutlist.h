#pragma once
// The left-out list under a placement's cards: each candidate in two wrapped lines (product, then the rule
// and the engine's sentence), never elided, and as tall as its rows so that the column scrolls as a whole.
#include <QListView>

namespace mb {

class LeftOutList : public QListView {
    Q_OBJECT
public:
    explicit LeftOutList(QWidget *parent = nullptr);
    void setModel(QAbstractItemModel *model) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitToContents();
    int contentHeight() const;
    int lastWidth_ = -1;
};

}  // namespace mb
