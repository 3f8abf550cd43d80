#pragma once
// How the Bundles view draws its lists: a product as bold SKU plus elided title (one or two lines), kind
// group headers in the anchor's map, and a bundle as its name, its anchor and a warning badge. Painting
// rather than plain item text, so long titles elide instead of being cut at the panel's edge.
#include <QStyledItemDelegate>

namespace mb {

namespace bundleroles {
inline constexpr int ProductId = Qt::UserRole;       // qint64, what a drag carries
inline constexpr int Sku = Qt::UserRole + 1;         // QString
inline constexpr int Header = Qt::UserRole + 2;      // QColor: the row is a group header in this colour
inline constexpr int AnchorText = Qt::UserRole + 3;  // QString: a bundle's anchor, "SKU · title"
inline constexpr int Issues = Qt::UserRole + 4;      // int: a bundle's warning count
inline constexpr int BundleId = Qt::UserRole + 5;    // qint64: the bundle a list row shows
}  // namespace bundleroles

// Products: Sku role in bold, the display text (the title) after it or below it, elided.
class ProductEntryDelegate : public QStyledItemDelegate {
public:
    ProductEntryDelegate(bool twoLines, QObject *parent) : QStyledItemDelegate(parent), twoLines_(twoLines) {}
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The width the SKU is drawn in for an item of this rect: it elides only when this is under its own
    // width (in the bold of font). The layout test reads it to tell whether a SKU shows whole.
    int skuWidth(const QRect &itemRect, const QFont &font, const QString &sku) const;

private:
    bool twoLines_;
};

// Bundles: the name, the anchor below it, and a warning count (or a check mark) at the right.
class BundleEntryDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

}  // namespace mb
