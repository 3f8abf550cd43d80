#include "ui/catalog/recommendablecommand.h"

#include "core/storage/relationstore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"
#include "ui/messagepresenter.h"
#include "ui/workspacedocument.h"

#include <QMessageBox>
#include <QObject>
#include <QUndoStack>

#include <algorithm>

namespace mb {

RecommendableCommand::RecommendableCommand(WorkspaceDocument *document, std::vector<int64_t> ids, bool recommendable)
    : document_(document), ids_(std::move(ids)), recommendable_(recommendable)
{
    setText(recommendable ? QObject::tr("Make %n product(s) recommendable", nullptr, int(ids_.size()))
                          : QObject::tr("Mark %n product(s) not recommendable", nullptr, int(ids_.size())));
}

void RecommendableCommand::redo() { apply(recommendable_); }
void RecommendableCommand::undo() { apply(!recommendable_); }

void RecommendableCommand::apply(bool recommendable)
{
    const auto ws = document_->workspace();
    if (!ws) return;
    std::string error;
    if (!RelationStore(*ws).setRecommendable(ids_, recommendable, error)) {
        document_->messages()->error(nullptr, QObject::tr("Not saved"), QString::fromStdString(error));
        return;
    }
    document_->reload();
}

int markNonMerchandise(WorkspaceDocument *document, QWidget *parent)
{
    const auto ws = document->workspace();
    const auto snap = document->snapshot();
    if (!ws || !snap || ws->isReadOnly()) return 0;
    const std::vector<int64_t> ids = RelationStore(*ws).nonMerchandiseCandidates();
    if (ids.empty()) {
        document->messages()->information(parent, QObject::tr("Non-merchandise"),
                                          QObject::tr("No product looks like postage, a fee or a voucher."));
        return 0;
    }
    QStringList lines;
    for (const SnapshotProduct &p : snap->products)
        if (std::find(ids.begin(), ids.end(), p.id) != ids.end())
            lines << QStringLiteral("%1 — %2").arg(QString::fromStdString(p.sku), QString::fromStdString(p.title));
    QMessageBox box(QMessageBox::Question, QObject::tr("Mark non-merchandise"),
                    QObject::tr("%n product(s) look like postage, fees, vouchers or adjustments. Mark them not "
                                "recommendable, so no placement or suggestion offers them?",
                                nullptr, int(ids.size())),
                    QMessageBox::Yes | QMessageBox::Cancel, parent);
    box.setDetailedText(lines.join(QLatin1Char('\n')));
    if (box.exec() != QMessageBox::Yes) return 0;
    document->undoStack()->push(new RecommendableCommand(document, ids, false));
    return int(ids.size());
}

}  // namespace mb
