#pragma once
// The one undo command template (after Tiled's ChangeValue): an item goes from `before` to `after` through
// a document method; no before is an add, no after a removal. Redo and undo call the same method with the
// two swapped, so an edit and its undo take the same path (one transaction, memory patched, row-precise
// signals). Commands with a CommandId merge when they edit the same item, and an edit merged back to its
// first value leaves nothing on the stack.
//
// A failing edit (read-only workspace, a relation removed in another window) marks the command obsolete:
// QUndoStack::push() then deletes it instead of keeping it, and undo() of an obsolete command drops it from
// the stack. The document has already said why on its error channel (WorkspaceDocument::editFailed).
#include "ui/commandid.h"

#include <QUndoCommand>

#include <optional>

namespace mb {

class WorkspaceDocument;

// What the template needs of a value type T, specialised next to each type's document method:
//   static bool apply(WorkspaceDocument *, const std::optional<T> &from, std::optional<T> &to);
//   static bool sameItem(const T &, const T &);   // what merging compares
//   static bool sameValue(const T &, const T &);  // a net-zero edit
template <class T>
struct EditTraits;

template <class T>
class EditCommand : public QUndoCommand {
public:
    EditCommand(WorkspaceDocument *doc, std::optional<T> before, std::optional<T> after, const QString &text,
                CommandId id = CommandId::None, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent), doc_(doc), before_(std::move(before)), after_(std::move(after)), id_(id)
    {
    }

    void redo() override
    {
        if (!EditTraits<T>::apply(doc_, before_, after_)) setObsolete(true);
    }
    void undo() override
    {
        if (!EditTraits<T>::apply(doc_, after_, before_)) setObsolete(true);
    }
    int id() const override { return int(id_); }
    // A finer grouping than CommandId + sameItem when one item has several fields that merge separately
    // (a bundle: the price of tier 2 and the name of tier 1 are two undo steps); 0 when the id says enough.
    void setMergeKey(int key) { mergeKey_ = key; }
    bool mergeWith(const QUndoCommand *other) override
    {
        // QUndoStack tries the merge before it drops an obsolete command: a failed edit (nothing written)
        // must not become part of the one before it.
        const auto *o = dynamic_cast<const EditCommand<T> *>(other);
        if (!o || o->isObsolete() || o->id_ != id_ || o->mergeKey_ != mergeKey_ || !after_ || !o->before_ || !o->after_ || !EditTraits<T>::sameItem(*after_, *o->before_))
            return false;
        after_ = o->after_;
        if (before_ && EditTraits<T>::sameValue(*before_, *after_)) setObsolete(true);
        return true;
    }

    const std::optional<T> &before() const { return before_; }
    const std::optional<T> &after() const { return after_; }

private:
    WorkspaceDocument *doc_;
    std::optional<T> before_, after_;  // after_ gets its id on the first add, so a redo restores the same row
    CommandId id_;
    int mergeKey_ = 0;
};

}  // namespace mb
