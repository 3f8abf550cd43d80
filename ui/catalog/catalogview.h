#pragma once
// Catalog view: the category tree on the left narrows the product table on the right; the search box
// filters it as the user types.
#include "ui/workspaceview.h"

class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QTreeView;

namespace mb {

class CategoryTreeModel;
class EmptyState;
class ProductFilterProxy;
class ProductTableModel;

class CatalogView : public WorkspaceView {
    Q_OBJECT
public:
    explicit CatalogView(WorkspaceDocument *document, QWidget *parent = nullptr);

    ProductTableModel *productModel() const { return products_; }
    bool isBusy() const override;
    ProductFilterProxy *proxy() const { return proxy_; }
    CategoryTreeModel *categoryModel() const { return categories_; }
    QLineEdit *searchBox() const { return search_; }
    QLineEdit *findBox() const override { return search_; }
    static constexpr int searchDelayMs = 200;   // after the last keystroke
    QTableView *table() const { return table_; }
    QTreeView *categoryTree() const { return tree_; }

    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitTitle();
    void hideEmptyColumns();
    void onSnapshotChanged();
    void onCategorySelected();
    void updateSummary();

    ProductTableModel *products_;
    ProductFilterProxy *proxy_;
    CategoryTreeModel *categories_;
    QSplitter *splitter_;
    QTreeView *tree_;
    QLineEdit *search_;
    QTimer *searchDelay_;
    QLabel *summary_;
    QStackedWidget *stack_;
    QTableView *table_;
    EmptyState *empty_;
};

}  // namespace mb
