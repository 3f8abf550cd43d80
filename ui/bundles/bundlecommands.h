#pragma once
// Undo commands for bundles. Each applies its edit through BundleStore (one transaction) and asks the
// document to reload, so the dashboard's take rates follow; repeated edits of one field of one tier merge
// into one undo step, as Tiled does for property edits.
#include "core/storage/bundle.h"

#include <QUndoCommand>

#include <functional>

namespace mb {

class WorkspaceDocument;

using BundleErrorFn = std::function<void(const QString &)>;

class EditBundleCommand : public QUndoCommand {
public:
    // mergeKey: 0 never merges; otherwise edits with the same key on the same bundle merge.
    EditBundleCommand(WorkspaceDocument *doc, Bundle before, Bundle after, const QString &text, int mergeKey, BundleErrorFn onError);
    void redo() override;
    void undo() override;
    int id() const override { return mergeKey_ ? 4200 : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const Bundle &b);
    WorkspaceDocument *doc_;
    Bundle before_, after_;
    int mergeKey_;
    BundleErrorFn onError_;
};

// Add (restore = false) or remove (restore = true reverses it) a whole bundle.
class AddRemoveBundleCommand : public QUndoCommand {
public:
    AddRemoveBundleCommand(WorkspaceDocument *doc, Bundle bundle, bool remove, BundleErrorFn onError);
    void redo() override;
    void undo() override;
    int64_t bundleId() const { return bundle_.id; }

private:
    void add();
    void drop();
    WorkspaceDocument *doc_;
    Bundle bundle_;
    bool remove_;
    BundleErrorFn onError_;
};

}  // namespace mb
