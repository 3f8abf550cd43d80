#include "ui/maps/relationsmodel.h"

#include "ui/maps/kindtext.h"
#include "ui/maps/mapdata.h"

#include "core/maps/relationrules.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QMimeData>

#include <algorithm>

namespace mb {

namespace {
const QString mimeType = QStringLiteral("application/x-merchbench-relation");
constexpr quintptr groupTag = 0;  // children carry kind + 1

QString sourceTitle(RelationSource s)
{
    switch (s) {
    case RelationSource::Curated: return RelationsModel::tr("Curated");
    case RelationSource::Imported: return RelationsModel::tr("Imported");
    case RelationSource::Mined: return RelationsModel::tr("Mined");
    }
    return {};
}
}  // namespace

RelationsModel::RelationsModel(QObject *parent) : RowUpdatingModel(parent) {}

void RelationsModel::setMapData(std::shared_ptr<const MapData> data)
{
    data_ = std::move(data);
    setAnchor(anchorType_, -1);
}

void RelationsModel::updateMapData(std::shared_ptr<const MapData> data)
{
    data_ = std::move(data);
    if (anchorIndex_ < 0) return;
    std::vector<Item> next[5];
    collect(next);
    auto key = [](const Item &it) { return it.relation.id; };
    auto same = [](const Item &a, const Item &b) {
        const Relation &x = a.relation, &y = b.relation;
        return x.kind == y.kind && x.position == y.position && x.pitch == y.pitch && x.status == y.status && x.source == y.source &&
               x.targetId == y.targetId && a.inherited == b.inherited && a.fromCategory == b.fromCategory &&
               a.exclusion.has_value() == b.exclusion.has_value() && a.orphanExclusion == b.orphanExclusion;
    };
    for (int k = 0; k < 5; ++k) {
        const size_t before = groups_[k].size();
        updateRows(groupIndex(RelationKind(k)), groups_[k], std::move(next[k]), key, same);
        if (groups_[k].size() != before) Q_EMIT dataChanged(index(k, 0), index(k, ColumnCount - 1));  // "Accessories (3)"
    }
}

int64_t RelationsModel::anchorId() const { return data_ ? data_->endpointId(anchorType_, anchorIndex_) : 0; }

void RelationsModel::setAnchor(EndpointType type, int32_t index)
{
    beginResetModel();
    anchorType_ = type;
    anchorIndex_ = data_ ? index : -1;
    for (auto &g : groups_) g.clear();
    collect(groups_);
    endResetModel();
}

void RelationsModel::collect(std::vector<Item> (&groups)[5]) const
{
    if (anchorIndex_ < 0 || !data_) return;
    const Snapshot &s = *data_->snapshot;
    std::vector<Relation> own;
    const auto &ids = anchorType_ == EndpointType::Product ? data_->resolver->ofProduct(uint32_t(anchorIndex_)) : data_->resolver->ofCategory(anchorIndex_);
    for (uint32_t i : ids) own.push_back(data_->relation(s.relations[i]));
    std::stable_sort(own.begin(), own.end(), [](const Relation &a, const Relation &b) {
        return a.kind != b.kind ? a.kind < b.kind : a.position != b.position ? a.position < b.position : a.id < b.id;
    });
    std::vector<const Relation *> exclusions;
    for (const Relation &r : own) {
        if (r.status == RelationStatus::Excluded) exclusions.push_back(&r);
        else if (r.status != RelationStatus::Rejected) {
            Item it;
            it.relation = r;
            groups[int(r.kind)].push_back(it);
        }
    }
    // Inherited rules: a product's categories nearest first; a category's parents.
    std::vector<int32_t> chain;
    if (anchorType_ == EndpointType::Product) chain = data_->resolver->categoryChain(uint32_t(anchorIndex_));
    else
        for (int32_t c = s.categories[size_t(anchorIndex_)].parent; c >= 0; c = s.categories[size_t(c)].parent) chain.push_back(c);
    std::vector<bool> matched(exclusions.size());
    for (int32_t c : chain)
        for (uint32_t i : data_->resolver->ofCategory(c)) {
            const SnapshotRelation &sr = s.relations[i];
            if (sr.status != RelationStatus::Active) continue;
            Item it;
            it.inherited = true;
            it.fromCategory = c;
            it.relation = data_->relation(sr);
            for (size_t e = 0; e < exclusions.size(); ++e)
                if (vetoes(*exclusions[e], it.relation)) {
                    it.exclusion = *exclusions[e];
                    matched[e] = true;
                }
            groups[int(sr.kind)].push_back(it);
        }
    // An exclusion whose rule is gone still shows, so it can be removed.
    for (size_t e = 0; e < exclusions.size(); ++e)
        if (!matched[e]) {
            Item it;
            it.relation = *exclusions[e];
            it.orphanExclusion = true;
            auto &g = groups[int(exclusions[e]->kind)];
            const auto firstInherited = std::find_if(g.begin(), g.end(), [](const Item &x) { return x.inherited; });
            g.insert(firstInherited, it);
        }
}

const RelationsModel::Item *RelationsModel::item(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == groupTag) return nullptr;
    const auto &g = groups_[index.internalId() - 1];
    return index.row() < int(g.size()) ? &g[size_t(index.row())] : nullptr;
}

QModelIndex RelationsModel::groupIndex(RelationKind kind) const { return index(int(kind), 0); }

QModelIndex RelationsModel::indexOfRelation(int64_t id) const
{
    for (int k = 0; k < 5; ++k)
        for (size_t i = 0; i < groups_[k].size(); ++i)
            if (groups_[k][i].relation.id == id) return createIndex(int(i), 0, quintptr(k + 1));
    return {};
}

std::vector<int64_t> RelationsModel::ownIds(RelationKind kind) const
{
    std::vector<int64_t> ids;
    for (const Item &it : groups_[int(kind)])
        if (!it.inherited && !it.orphanExclusion) ids.push_back(it.relation.id);
    return ids;
}

int RelationsModel::nextPosition(RelationKind kind) const
{
    int p = 0;
    for (const Item &it : groups_[int(kind)])
        if (!it.inherited) p = std::max(p, it.relation.position);
    return p + 1;
}

int RelationsModel::ownCount() const
{
    int n = 0;
    for (const auto &g : groups_)
        n += int(std::count_if(g.begin(), g.end(), [](const Item &x) { return !x.inherited && !x.orphanExclusion; }));
    return n;
}

int RelationsModel::inheritedCount() const
{
    int n = 0;
    for (const auto &g : groups_) n += int(std::count_if(g.begin(), g.end(), [](const Item &x) { return x.inherited; }));
    return n;
}

QString RelationsModel::targetLabel(const Relation &r) const { return data_ ? data_->endpointLabel(r.targetType, r.targetId) : QString(); }

QModelIndex RelationsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid()) return row < (anchorIndex_ >= 0 ? 5 : 0) ? createIndex(row, column, groupTag) : QModelIndex();
    if (parent.internalId() != groupTag || parent.row() >= 5) return {};
    return row < int(groups_[parent.row()].size()) ? createIndex(row, column, quintptr(parent.row() + 1)) : QModelIndex();
}

QModelIndex RelationsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == groupTag) return {};
    return createIndex(int(child.internalId() - 1), 0, groupTag);
}

int RelationsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) return anchorIndex_ >= 0 ? 5 : 0;
    if (parent.column() != 0 || parent.internalId() != groupTag) return 0;
    return int(groups_[parent.row()].size());
}

int RelationsModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant RelationsModel::display(const Item &it, int column) const
{
    const Relation &r = it.relation;
    switch (column) {
    case Target: {
        if (r.targetType == EndpointType::Product) {
            const int32_t p = data_->productIndex(r.targetId);
            return p < 0 ? targetLabel(r) : data_->productLabel(uint32_t(p));
        }
        // The category's own name reads best in a narrow column; the tool tip gives the whole path.
        const int32_t c = data_->categoryIndex(r.targetId);
        QString text = c < 0 ? targetLabel(r) : tr("Any %1").arg(QString::fromStdString(data_->snapshot->categories[size_t(c)].name));
        // What a product page would show today for a whole-category target.
        if (anchorType_ == EndpointType::Product && c >= 0 && !it.excluded()) {
            const int32_t best = data_->resolver->bestInCategory(c, uint32_t(anchorIndex_));
            if (best >= 0) text += tr("  →  %1").arg(QString::fromStdString(data_->snapshot->products[size_t(best)].sku));
        }
        return text;
    }
    case Pitch: return QString::fromStdString(r.pitch);
    case Source:
        if (it.orphanExclusion) return tr("Excluded (its category rule is gone)");
        if (!it.inherited) return sourceTitle(r.source);
        return it.excluded() ? tr("From %1 — excluded here").arg(data_->categoryLabel(it.fromCategory))
                             : tr("From %1").arg(data_->categoryLabel(it.fromCategory));
    }
    return {};
}

QVariant RelationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (index.internalId() == groupTag) {
        const auto kind = RelationKind(index.row());
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == Target) return tr("%1 (%2)").arg(kindPlural(kind)).arg(groups_[index.row()].size());
            if (index.column() == Pitch) return kindHint(kind);
            return {};
        case Qt::FontRole: {
            QFont f;
            if (index.column() == Target) f.setBold(true);
            else f.setItalic(true);
            return f;
        }
        case Qt::ForegroundRole: return index.column() == Target ? QVariant() : QBrush(QColor(0x80, 0x80, 0x80));
        case Qt::ToolTipRole: return kindHint(kind);
        }
        return {};
    }
    const Item *it = item(index);
    if (!it) return {};
    switch (role) {
    case Qt::DisplayRole: return display(*it, index.column());
    case Qt::EditRole: return index.column() == Pitch ? QString::fromStdString(it->relation.pitch) : display(*it, index.column());
    case RelationIdRole: return qlonglong(it->relation.id);
    case Qt::FontRole:
        if (it->excluded()) {
            QFont f;
            f.setStrikeOut(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (it->excluded()) return QBrush(QColor(0x99, 0x99, 0x99));
        if (it->inherited) return QBrush(QColor(0x4a, 0x5a, 0x70));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Source && it->inherited && it->excluded())
            return tr("Excluded for this product; right-click ▸ Include Again to restore it");
        if (index.column() == Source && it->inherited)
            return tr("Inherited from the category rule; right-click ▸ Exclude to veto it for this product");
        if (index.column() == Pitch) return tr("Double-click to edit the pitch shown beside the recommendation");
        if (index.column() == Target && it->relation.targetType == EndpointType::Category)
            return tr("Any product of %1 (and below); a product page shows its best seller in stock")
                .arg(data_->endpointLabel(EndpointType::Category, it->relation.targetId));
        return display(*it, index.column());
    }
    return {};
}

bool RelationsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Item *it = item(index);
    if (role != Qt::EditRole || !it || it->inherited || it->orphanExclusion || index.column() != Pitch) return false;
    const QString pitch = value.toString().trimmed();
    if (pitch == QString::fromStdString(it->relation.pitch)) return false;
    Q_EMIT pitchEditRequested(it->relation, pitch);
    return true;
}

Qt::ItemFlags RelationsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    if (index.internalId() == groupTag) return Qt::ItemIsEnabled | Qt::ItemIsDropEnabled;
    const Item *it = item(index);
    if (!it) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!it->inherited && !it->orphanExclusion) {
        f |= Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
        if (index.column() == Pitch) f |= Qt::ItemIsEditable;
    }
    return f;
}

QVariant RelationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Target: return tr("Target");
    case Pitch: return tr("Pitch");
    case Source: return tr("Source");
    }
    return {};
}

QStringList RelationsModel::mimeTypes() const { return {mimeType}; }

QMimeData *RelationsModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &i : indexes)
        if (const Item *it = item(i); it && !it->inherited) {
            auto *m = new QMimeData;
            m->setData(mimeType, QByteArray::number(qlonglong(it->relation.id)));
            return m;
        }
    return nullptr;
}

bool RelationsModel::dropOrder(const QMimeData *data, int row, const QModelIndex &parent, RelationKind &kind, std::vector<int64_t> &order) const
{
    if (!data || !data->hasFormat(mimeType) || !parent.isValid()) return false;
    const int64_t id = data->data(mimeType).toLongLong();
    QModelIndex group = parent;
    if (parent.internalId() != groupTag) {  // dropped onto an item: before it
        row = parent.row();
        group = parent.parent();
    }
    kind = RelationKind(group.row());
    order = ownIds(kind);
    const auto from = std::find(order.begin(), order.end(), id);
    if (from == order.end()) return false;  // another kind, or not an own relation
    const int fromRow = int(from - order.begin());
    int to = row < 0 ? int(order.size()) : std::min(row, int(order.size()));
    if (fromRow < to) --to;
    if (to == fromRow) return false;
    order.erase(from);
    order.insert(order.begin() + to, id);
    return true;
}

bool RelationsModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent) const
{
    RelationKind kind;
    std::vector<int64_t> order;
    return action == Qt::MoveAction && dropOrder(data, row, parent, kind, order);
}

bool RelationsModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    RelationKind kind;
    std::vector<int64_t> order;
    if (action != Qt::MoveAction || !dropOrder(data, row, parent, kind, order)) return false;
    // Queued: the command moves these rows, which must not happen inside the view's drop handling. The
    // rows move once the document has stored the order; the view has nothing to remove.
    QMetaObject::invokeMethod(this, [this, kind, before = ownIds(kind), order] { Q_EMIT reorderRequested(kind, before, order); },
                              Qt::QueuedConnection);
    return true;
}

}  // namespace mb
