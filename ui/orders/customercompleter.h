#pragma once
// Completes customer ids in a line edit from a CustomerListModel: the model does the matching (prefix
// first, then anywhere, capped), so the completer shows its rows as they are (unfiltered popup) instead of
// searching 300,000 items itself on every keystroke. Used by the Orders filter and the Preview's context bar.
#include <QCompleter>

#include <memory>

class QLineEdit;

namespace mb {

struct Snapshot;
class CustomerListModel;

class CustomerCompleter : public QCompleter {
    Q_OBJECT
public:
    // Installs itself on `edit` (edit->setCompleter) and follows what the user types there.
    explicit CustomerCompleter(QLineEdit *edit);

    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);
    CustomerListModel *customers() const { return customers_; }

private:
    CustomerListModel *customers_;
};

}  // namespace mb
