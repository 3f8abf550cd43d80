#include "ui/catalog/recommendablecommand.h"

#include "core/storage/relationstore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"
#include "ui/messagepresenter.h"

#include <QMessageBox>
#include <QObject>
#include <QUndoStack>

#include <algorithm>

namespace mb {

static QString commandText(size_t n, bool recommendable)
{
    return recommendable ? QObject::tr("Make %n product(s) recommendable", nullptr, int(n))
                         : QObject::tr("Mark %n product(s) not recommendable", nullptr, int(n));
}

RecommendableCommand::RecommendableCommand(WorkspaceDocument *document, std::vector<int64_t> ids, bool recommendable, bool nonMerchandise)
    : EditCommand(document, RecommendableSet{ids, !recommendable, false}, RecommendableSet{ids, recommendable, !recommendable && nonMerchandise},
                  commandText(ids.size(), recommendable))
{
}

int markNonMerchandise(WorkspaceDocument *document, QWidget *parent)
{
    const auto ws = document->workspace();
    const auto snap = document->snapshot();
    if (!ws || !snap || ws->isReadOnly()) return 0;
    // From the snapshot, not the database: the GUI thread never waits on a query.
    std::vector<int64_t> ids;
    for (const SnapshotProduct &p : snap->products)
        if (p.recommendable && looksLikeNonMerchandise(p.sku, p.title)) ids.push_back(p.id);
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
    document->undoStack()->push(new RecommendableCommand(document, ids, false, true));
    return int(ids.size());
}

}  // namespace mb
