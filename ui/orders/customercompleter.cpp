#include "ui/orders/customercompleter.h"

#include "ui/orders/customerlistmodel.h"

#include <QLineEdit>

namespace mb {

CustomerCompleter::CustomerCompleter(QLineEdit *edit) : QCompleter(edit), customers_(new CustomerListModel(this))
{
    setModel(customers_);
    setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    setCompletionRole(CustomerListModel::IdRole);
    setCaseSensitivity(Qt::CaseInsensitive);
    setMaxVisibleItems(14);
    // Before QLineEdit asks the completer to complete (it does so right after textEdited), so the popup
    // shows the matches for the text just typed.
    connect(edit, &QLineEdit::textEdited, customers_, &CustomerListModel::setFilterText);
    edit->setCompleter(this);
}

void CustomerCompleter::setSnapshot(std::shared_ptr<const Snapshot> snapshot) { customers_->setSnapshot(std::move(snapshot)); }

}  // namespace mb
