#pragma once
// Marks products (not) recommendable — the one-click rule for postage, fees and vouchers — as one undo
// step: redo writes the new flag, undo the old one, each in one transaction, then the snapshot reloads.
#include <QUndoCommand>

#include <cstdint>
#include <vector>

class QWidget;

namespace mb {

class WorkspaceDocument;

class RecommendableCommand : public QUndoCommand {
public:
    RecommendableCommand(WorkspaceDocument *document, std::vector<int64_t> productIds, bool recommendable);
    void redo() override;
    void undo() override;

private:
    void apply(bool recommendable);
    WorkspaceDocument *document_;
    std::vector<int64_t> ids_;
    bool recommendable_;
};

// Shows the products the rule finds and, when the user agrees, pushes the command; returns how many
// products were marked (0 when none were found or the user declined).
int markNonMerchandise(WorkspaceDocument *document, QWidget *parent);

}  // namespace mb
