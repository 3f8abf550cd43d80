#pragma once
// Relations in the workspace. Every call that changes something is one transaction, so an edit made in
// the GUI is saved at once and an undo is simply the inverse call.
#include "core/storage/relation.h"

#include <string>
#include <vector>

struct sqlite3;

namespace mb {

class Workspace;

class RelationStore {
public:
    explicit RelationStore(Workspace &ws) : ws_(ws) {}

    std::vector<Relation> all() const;
    std::vector<Relation> forAnchor(EndpointType type, int64_t id) const;
    std::optional<Relation> byId(int64_t id) const;

    // Adds r (r.id must be 0, or an id to restore after an undo); sets r.id and the timestamps. An existing
    // relation between the same anchor and target is an error: callers update it instead.
    bool add(Relation &r, std::string &error);
    // Adds several in one transaction (a bulk accept, or its redo with the ids it got): all or none.
    bool addAll(std::vector<Relation> &relations, std::string &error);
    bool update(const Relation &r, std::string &error);
    // By id alone (the command line, which names relations by id); an id that is not there is an error.
    bool remove(int64_t id, std::string &error);
    // Removes exactly these relations (same id AND same anchor and target), all or none: a relation removed
    // by another program is an error naming it, never a silent success, and an id SQLite gave again to a
    // new relation since is not mistaken for it.
    bool removeExactly(const std::vector<Relation> &relations, std::string &error);
    // Sets positions in the given order (ids of one anchor and kind): positions[i] for idsInOrder[i], or
    // 1..n when positions is empty.
    bool reorder(const std::vector<int64_t> &idsInOrder, std::string &error, const std::vector<int> &positions = {});

    // Turns the platform links stored at catalog import (imported_relations) into relations of source
    // "imported": upsells become upgrades; Magento's crosssell (shown in the cart) becomes a necessity;
    // cross-sells, complementary, related and grouped become accessories. Links already present are left as the merchandiser edited them. Returns how many
    // were added, or -1 on error.
    int adoptImportedRelations(std::string &error);

    // Marks products (not) recommendable; returns false on error. Recommendable again also means
    // merchandise again (a non-merchandise product is never recommendable).
    bool setRecommendable(const std::vector<int64_t> &productIds, bool recommendable, std::string &error);
    // Confirms products as no merchandise (postage, fees: the hygiene proposals, `products non-merchandise`):
    // not recommendable, and left out of mined baskets (core/mining/orderexclusion.h). False undoes it
    // (recommendable again).
    bool setNonMerchandise(const std::vector<int64_t> &productIds, bool nonMerchandise, std::string &error);
    // The SKUs of the products confirmed as non-merchandise, in byte order (`warehouse sql` leaves them out).
    std::vector<std::string> nonMerchandiseSkus() const;
    // Products whose SKU or title says they are no merchandise (postage, fees, vouchers, adjustments).
    std::vector<int64_t> nonMerchandiseCandidates() const;

    // Retypes the imported product links whose target is in the category at `categoryPath` (the demo's
    // printer cartridges, sent by the platform as plain cross-sells) to `kind` with `pitch`, in one
    // transaction. Returns how many changed, or -1 on error.
    int retypeImportedLinksInto(const std::string &categoryPath, RelationKind kind, const std::string &pitch,
                                std::string &error);

private:
    Workspace &ws_;
};

// Every relation, by anchor, kind and position: for readers that hold the workspace read-only (exports).
std::vector<Relation> storedRelations(const Workspace &ws);

// The statement behind adoptImportedRelations, for a caller already inside a writeTransaction (the catalog
// import adopts the links it just stored in the same transaction). Returns added rows, -1 on error.
int adoptImportedRelationsInTransaction(sqlite3 *db, std::string &error);

// The rule behind nonMerchandiseCandidates, exposed for tests and the GUI's explanation.
bool looksLikeNonMerchandise(const std::string &sku, const std::string &title);

}  // namespace mb
