#pragma once
// Marks products (not) recommendable — the one-click rule for postage, fees and vouchers — as one undo
// step of the one command template: redo and undo each go through WorkspaceDocument::setRecommendable
// (one transaction; the catalog's rows change in place).
#include "ui/editcommand.h"
#include "ui/workspacedocument.h"

#include <cstdint>
#include <vector>

class QWidget;

namespace mb {

struct RecommendableSet {
    std::vector<int64_t> productIds;
    bool recommendable = true;
    // With recommendable false: confirmed as no merchandise (postage, fees), so mining leaves them out of
    // its baskets too (core/mining/orderexclusion.h); recommendable again undoes both.
    bool nonMerchandise = false;
};

template <>
struct EditTraits<RecommendableSet> {
    static bool apply(WorkspaceDocument *doc, const std::optional<RecommendableSet> &, std::optional<RecommendableSet> &to)
    {
        return !to || doc->setRecommendable(to->productIds, to->recommendable, to->nonMerchandise);
    }
    static bool sameItem(const RecommendableSet &, const RecommendableSet &) { return false; }
    static bool sameValue(const RecommendableSet &a, const RecommendableSet &b)
    {
        return a.recommendable == b.recommendable && a.nonMerchandise == b.nonMerchandise && a.productIds == b.productIds;
    }
};

class RecommendableCommand : public EditCommand<RecommendableSet> {
public:
    // nonMerchandise (with recommendable false): the hygiene proposals and the one-click rule confirm
    // non-merchandise; the catalog's switch only switches off.
    RecommendableCommand(WorkspaceDocument *document, std::vector<int64_t> productIds, bool recommendable, bool nonMerchandise = false);
};

// Shows the products the rule finds and, when the user agrees, pushes the command; returns how many
// products were marked (0 when none were found or the user declined).
int markNonMerchandise(WorkspaceDocument *document, QWidget *parent);

}  // namespace mb
