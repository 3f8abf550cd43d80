#pragma once
// One SKU variant merged into its canonical SKU as one undo step of the one command template: redo merges
// (WorkspaceDocument::mergeSku fills in what it moved), undo restores exactly what the merge changed.
#include "ui/editcommand.h"
#include "ui/workspacedocument.h"

namespace mb {

template <>
struct EditTraits<SkuMerge> {
    static bool apply(WorkspaceDocument *doc, const std::optional<SkuMerge> &from, std::optional<SkuMerge> &to)
    {
        if (to) return doc->mergeSku(*to);
        return !from || doc->unmergeSku(*from);
    }
    static bool sameItem(const SkuMerge &, const SkuMerge &) { return false; }
    static bool sameValue(const SkuMerge &, const SkuMerge &) { return false; }
};

class SkuMergeCommand : public EditCommand<SkuMerge> {
public:
    SkuMergeCommand(WorkspaceDocument *document, const std::string &canonicalSku, const std::string &variantSku);
};

}  // namespace mb
