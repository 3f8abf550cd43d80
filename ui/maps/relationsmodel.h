#pragma once
// One anchor's map as a tree: the five kinds as groups, in each its own relations first (in their manual
// order) and then those it inherits from its categories, nearest first, marked "from <category>". An
// inherited relation the product excludes stays visible, struck through, so it can be included again.
// The model never writes: edits (pitch typed in place, a drop that reorders) are requested through
// signals; once the document has stored one, updateMapData() brings the rows up to date row by row
// (inserted, removed, moved, changed), so the selection and the open editor survive every edit and undo.
#include "core/storage/relation.h"
#include "ui/rowupdates.h"

#include <QAbstractItemModel>

#include <memory>
#include <optional>
#include <vector>

namespace mb {

struct MapData;

class RelationsModel : public RowUpdatingModel<QAbstractItemModel> {
    Q_OBJECT
public:
    enum Column { Target, Pitch, Source, ColumnCount };
    static constexpr int RelationIdRole = Qt::UserRole + 1;

    struct Item {
        Relation relation;                   // own: the relation; inherited: the category's rule
        bool inherited = false;
        int32_t fromCategory = -1;           // snapshot index of the category that gives it
        std::optional<Relation> exclusion;   // the product's veto of this inherited rule, if any
        bool orphanExclusion = false;        // an own exclusion whose rule no longer exists
        bool excluded() const { return exclusion.has_value() || orphanExclusion; }
    };

    explicit RelationsModel(QObject *parent = nullptr);

    // A new history: the anchor is cleared (a reset).
    void setMapData(std::shared_ptr<const MapData> data);
    // The same history after an edit: rows change one by one.
    void updateMapData(std::shared_ptr<const MapData> data);
    void setAnchor(EndpointType type, int32_t index);  // index -1: none
    EndpointType anchorType() const { return anchorType_; }
    int32_t anchorIndex() const { return anchorIndex_; }
    int64_t anchorId() const;

    const Item *item(const QModelIndex &index) const;
    QModelIndex groupIndex(RelationKind kind) const;
    QModelIndex indexOfRelation(int64_t id) const;       // own or inherited rule
    std::vector<int64_t> ownIds(RelationKind kind) const; // in their current order
    int nextPosition(RelationKind kind) const;
    QString targetLabel(const Relation &r) const;         // short: SKU or category path
    int ownCount() const;
    int inheritedCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

Q_SIGNALS:
    void pitchEditRequested(const mb::Relation &before, const QString &pitch);
    void reorderRequested(mb::RelationKind kind, const std::vector<int64_t> &before, const std::vector<int64_t> &after);

private:
    void collect(std::vector<Item> (&groups)[5]) const;
    QVariant display(const Item &it, int column) const;
    // The kind and the new own order a drop would give; false when the drop cannot reorder.
    bool dropOrder(const QMimeData *data, int row, const QModelIndex &parent, RelationKind &kind, std::vector<int64_t> &order) const;

    std::shared_ptr<const MapData> data_;
    EndpointType anchorType_ = EndpointType::Product;
    int32_t anchorIndex_ = -1;
    std::vector<Item> groups_[5];             // by kind
};

}  // namespace mb
