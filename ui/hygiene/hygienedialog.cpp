#include "ui/hygiene/hygienedialog.h"

#include "ui/hygiene/hygienepanel.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

namespace mb {

HygieneDialog::HygieneDialog(WorkspaceDocument *document, QWidget *parent)
    : QDialog(parent), panel_(new HygienePanel(document, this))
{
    setWindowTitle(tr("Review Data Hygiene"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(panel_, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(960, 620);
}

}  // namespace mb
