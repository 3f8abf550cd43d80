#pragma once
// Row-precise model updates (the document's rule: never a reset, never a reload). A model keeps its rows
// in a vector; after an edit it computes the rows it should have now and calls updateRows(): the rows that
// went away are removed, new ones inserted, moved ones moved and changed ones reported with dataChanged.
// Views therefore keep their selection, current index, scroll position and open editors across an edit,
// undo or redo, and repaint only the rows that changed.
#include <QAbstractItemModel>

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mb {

template <class Base>
class RowUpdatingModel : public Base {
public:
    using Base::Base;

protected:
    // rows: the model's own storage under `parent`, changed here in step with the signals. key(row)
    // identifies a row (unique under one parent); same(a, b) says whether a row's display is unchanged.
    // Returns true when anything changed.
    template <class Row, class Key, class Same>
    bool updateRows(const QModelIndex &parent, std::vector<Row> &rows, std::vector<Row> next, Key key, Same same)
    {
        using K = decltype(key(rows.front()));
        bool changed = false;
        std::unordered_map<K, size_t> wanted;
        wanted.reserve(next.size());
        for (size_t i = 0; i < next.size(); ++i) wanted.emplace(key(next[i]), i);

        // Removals, bottom up, a run of adjacent rows at a time.
        for (int i = int(rows.size()) - 1; i >= 0;) {
            if (wanted.count(key(rows[size_t(i)]))) {
                --i;
                continue;
            }
            int first = i;
            while (first > 0 && !wanted.count(key(rows[size_t(first - 1)]))) --first;
            this->beginRemoveRows(parent, first, i);
            rows.erase(rows.begin() + first, rows.begin() + i + 1);
            this->endRemoveRows();
            changed = true;
            i = first - 1;
        }

        // Then walk the wanted order: keep, move up, or insert each row in turn.
        const int lastColumn = std::max(0, this->columnCount(parent) - 1);
        for (size_t t = 0; t < next.size(); ++t) {
            const K k = key(next[t]);
            if (t >= rows.size() || key(rows[t]) != k) {
                size_t j = t + 1;
                while (j < rows.size() && key(rows[j]) != k) ++j;
                if (j < rows.size()) {
                    this->beginMoveRows(parent, int(j), int(j), parent, int(t));
                    Row moved = std::move(rows[j]);
                    rows.erase(rows.begin() + long(j));
                    rows.insert(rows.begin() + long(t), std::move(moved));
                    this->endMoveRows();
                } else {
                    this->beginInsertRows(parent, int(t), int(t));
                    rows.insert(rows.begin() + long(t), std::move(next[t]));
                    this->endInsertRows();
                    changed = true;
                    continue;
                }
                changed = true;
            }
            if (!same(rows[t], next[t])) {
                rows[t] = std::move(next[t]);
                Q_EMIT this->dataChanged(this->index(int(t), 0, parent), this->index(int(t), lastColumn, parent));
                changed = true;
            }
        }
        return changed;
    }
};

}  // namespace mb
