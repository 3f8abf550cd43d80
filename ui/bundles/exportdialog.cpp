#include "ui/bundles/exportdialog.h"

#include "ui/messagepresenter.h"

#include "core/bundles/bundlechecks.h"
#include "core/bundles/bundleexchange.h"
#include "core/bundles/exportfiles.h"
#include "core/io/atomicfile.h"
#include "ui/workpool.h"
#include "ui/workspacedocument.h"

#include <QCheckBox>
#include <QDir>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QSettings>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <QPushButton>

namespace mb {

namespace {

ExportFormat formatOf(const QComboBox *box)
{
    return exportFormatFromName(box->currentData().toString().toStdString()).value_or(ExportFormat::Json);
}

bool samePlace(const QString &a, const QString &b)
{
    return QDir::cleanPath(QFileInfo(a).absoluteFilePath()) == QDir::cleanPath(QFileInfo(b).absoluteFilePath());
}

}  // namespace

ExportDialog::ExportDialog(WorkspaceDocument *document, QWidget *parent) : QDialog(parent), document_(document)
{
    setWindowTitle(tr("Export Maps and Bundles"));
    connect(&watcher_, &QFutureWatcher<Result>::finished, this, [this] { finish(watcher_.result()); });
    auto *form = new QFormLayout(this);
    format_ = new QComboBox(this);
    format_->addItem(tr("Merchbench JSON (maps and bundles, re-importable)"), QStringLiteral("json"));
    format_->addItem(tr("Bundles CSV (one row per tier item)"), QStringLiteral("csv"));
    format_->addItem(tr("WooCommerce product CSV"), QStringLiteral("woocommerce"));
    format_->addItem(tr("Magento 2 catalog CSV"), QStringLiteral("magento"));
    format_->addItem(tr("Shopify product CSV (Search & Discovery metafields)"), QStringLiteral("shopify"));
    format_->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // the whole description of each format
    form->addRow(tr("Format:"), format_);
    maps_ = new QCheckBox(tr("Complementary-product maps"), this);
    bundles_ = new QCheckBox(tr("Bundles"), this);
    maps_->setChecked(true);
    bundles_->setChecked(true);
    auto *what = new QHBoxLayout;
    what->addWidget(maps_);
    what->addWidget(bundles_);
    what->addStretch();
    form->addRow(tr("Include:"), what);
    wooStyle_ = new QComboBox(this);
    wooStyle_->addItem(tr("Product Bundles extension (quantities, discount)"));
    wooStyle_->addItem(tr("Grouped products (core WooCommerce)"));
    form->addRow(tr("WooCommerce bundles as:"), wooStyle_);
    // Off by default: a row for a product the store never had would create it, or update a different one
    // that happens to share the SKU.
    foreign_ = new QCheckBox(tr("Also write products not imported from this store"), this);
    foreign_->setToolTip(tr("Products that came from another store's file, a generic catalog or only from orders. Left out "
                            "by default; the confirmation lists what was left out."));
    replace_ = new QCheckBox(tr("Replace links (clear each link type before setting it)"), this);
    replace_->setToolTip(tr("Magento's Add/Update import only adds links: with this, links removed or re-kinded in "
                            "Merchbench are removed from the store too."));
    auto *store = new QVBoxLayout;
    store->addWidget(foreign_);
    store->addWidget(replace_);
    form->addRow(tr("Store:"), store);

    auto *fileRow = new QHBoxLayout;
    path_ = new QLineEdit(this);
    auto *browse = new QPushButton(tr("Choose…"), this);
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse);
    form->addRow(tr("File:"), fileRow);
    createdRow_ = new QWidget(this);
    auto *createdRow = new QHBoxLayout(createdRow_);
    createdRow->setContentsMargins(0, 0, 0, 0);
    created_ = new QLineEdit(createdRow_);
    created_->setToolTip(tr("New products (bundles, grouped products) for an import that creates products only. "
                            "Written only when the export has any."));
    auto *browseCreated = new QPushButton(tr("Choose…"), createdRow_);
    createdRow->addWidget(created_, 1);
    createdRow->addWidget(browseCreated);
    createdLabel_ = new QLabel(tr("New products file:"), this);
    form->addRow(createdLabel_, createdRow_);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    hint_->setMinimumWidth(520);
    form->addRow(hint_);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::updateChoices);
    connect(path_, &QLineEdit::textChanged, this, &ExportDialog::deriveCreatedPath);
    connect(created_, &QLineEdit::textEdited, this, [this](const QString &text) { createdEdited_ = !text.isEmpty(); });
    connect(path_, &QLineEdit::textEdited, this, [this] { pathEdited_ = true; });
    connect(maps_, &QCheckBox::toggled, this, [this](bool on) { if (maps_->isEnabled()) mapsWanted_ = on; });
    connect(bundles_, &QCheckBox::toggled, this, [this](bool on) { if (bundles_->isEnabled()) bundlesWanted_ = on; });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString filter = formatOf(format_) == ExportFormat::Json ? tr("JSON (*.json)") : tr("CSV (*.csv)");
        const QString p = QFileDialog::getSaveFileName(this, tr("Export to"), path_->text(), filter);
        if (p.isEmpty()) return;
        pathEdited_ = true;
        path_->setText(p);
    });
    connect(browseCreated, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("New products to"), created_->text(), tr("CSV (*.csv)"));
        if (p.isEmpty()) return;
        created_->setText(p);
        createdEdited_ = true;
    });
    updateChoices();
}

void ExportDialog::setFormat(const QString &name)
{
    const int i = format_->findData(name);
    if (i >= 0) format_->setCurrentIndex(i);
}

QString ExportDialog::proposedPath() const
{
    const QFileInfo ws(document_->path());
    QString folder = QSettings().value(QStringLiteral("export/folder")).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) folder = ws.absolutePath();
    // One name per format, so a WooCommerce and a Magento export of the same workspace do not overwrite each other.
    static const char *const tails[] = {"-export", "-bundles", "-woocommerce", "-magento", "-shopify"};
    const ExportFormat f = formatOf(format_);
    return folder + QLatin1Char('/') + ws.completeBaseName() + QLatin1String(tails[int(f)]) + QString::fromLatin1(exportFormatSuffix(f));
}

void ExportDialog::setIncludeForeign(bool on) { foreign_->setChecked(on); }
void ExportDialog::setReplaceLinks(bool on) { replace_->setChecked(on); }
QString ExportDialog::createdPath() const { return created_->text().trimmed(); }

void ExportDialog::deriveCreatedPath()
{
    if (createdEdited_) return;
    const QString links = path_->text().trimmed();
    created_->setText(links.isEmpty() ? QString() : QString::fromStdString(createdFileName(links.toStdString())));
}

void ExportDialog::updateChoices()
{
    const ExportFormat f = formatOf(format_);
    const bool platform = isPlatformFormat(f);
    wooStyle_->setEnabled(f == ExportFormat::WooCommerce);
    // A box the format cannot hold is off and shows unticked (Shopify's CSV has no bundles, the bundles CSV
    // no maps); the user's choice comes back with a format that can.
    maps_->setEnabled(f != ExportFormat::Csv);
    maps_->setChecked(maps_->isEnabled() && mapsWanted_);
    bundles_->setEnabled(f != ExportFormat::Shopify);
    bundles_->setChecked(bundles_->isEnabled() && bundlesWanted_);
    foreign_->setEnabled(platform);
    replace_->setEnabled(f == ExportFormat::Magento);
    createdLabel_->setEnabled(platform);
    createdRow_->setEnabled(platform);
    // The format's own name until the user names the file; then keep the name, change its suffix to the format's.
    QFileInfo fi(path_->text());
    if (!pathEdited_) path_->setText(proposedPath());
    else if (!path_->text().isEmpty())
        path_->setText(fi.absolutePath() + QLatin1Char('/') + fi.completeBaseName() + QString::fromLatin1(exportFormatSuffix(f)));
    static const char *hints[] = {
        QT_TR_NOOP("Everything, exactly: import it into another workspace with bundles import, or keep it under version control."),
        QT_TR_NOOP("One row per tier item: bundle, tier, SKU, quantity, unit price, discount and tier price."),
        QT_TR_NOOP("Upsells = upgrades, Cross-sells = the other kinds. The file updates the store's existing products (import "
                   "with \"Update existing products\"); new bundle or grouped products go in the new-products file, imported "
                   "without it."),
        QT_TR_NOOP("related / crosssell / upsell_skus with positions, for System ▸ Data Transfer ▸ Import, Add/Update; new bundle "
                   "products go in the new-products file. Add/Update never removes a link unless links are replaced."),
        QT_TR_NOOP("Complementary and related products as Search & Discovery metafields on the store's own handles. Shopify's "
                   "product CSV has no bundle columns."),
    };
    hint_->setText(tr(hints[int(f)]));
}

bool ExportDialog::prepare(Job &job, QString &error) const
{
    if (!document_->workspace() || !document_->snapshot()) {
        error = tr("No workspace is open");
        return false;
    }
    job.path = path_->text().trimmed();
    job.createdTo = createdPath();
    const ExportFormat f = formatOf(format_);
    job.format = int(f);
    job.platform = isPlatformFormat(f);
    if (job.platform && !job.createdTo.isEmpty() && samePlace(job.path, job.createdTo)) {
        error = tr("The new-products file must differ from the links file: one import updates products, the other creates them.");
        return false;
    }
    job.maps = maps_->isChecked() && f != ExportFormat::Csv;
    job.bundles = bundles_->isChecked();
    job.grouped = wooStyle_->currentIndex() == 1;
    job.includeForeign = job.platform && foreign_->isChecked();
    job.replaceLinks = f == ExportFormat::Magento && replace_->isChecked();
    return true;
}

ExportDialog::Result ExportDialog::run(std::shared_ptr<Workspace> ws, std::shared_ptr<const Snapshot> snap, const Job &job)
{
    Result r;
    const auto f = ExportFormat(job.format);
    ExportOptions o;
    o.maps = job.maps;
    o.bundles = job.bundles;
    o.wooStyle = job.grouped ? WooBundleStyle::Grouped : WooBundleStyle::ProductBundles;
    o.includeForeign = job.includeForeign;
    o.replaceLinks = job.replaceLinks;
    std::vector<std::string> n;
    std::string created;
    const std::string text = writeExport(f, collectExportData(*ws, *snap, o), o, &n, &created);
    // Refused before anything is written: a links file without its new products would look complete.
    if (!created.empty() && job.createdTo.isEmpty()) {
        r.error = tr("This export has new products (bundles) for a separate create-only file: choose a new-products file.");
        return r;
    }
    for (const std::string &s : n) r.outcome.notes << QString::fromStdString(s);
    if (!writeFileAtomically(job.path, QByteArrayView(text.data(), qsizetype(text.size())), r.error)) return r;
    r.outcome.files.append({job.path, job.platform ? tr("links update: import it updating existing products") : QString(), exportRowCount(f, text)});
    if (!created.empty()) {
        if (!writeFileAtomically(job.createdTo, QByteArrayView(created.data(), qsizetype(created.size())), r.error)) return r;
        r.outcome.files.append({job.createdTo, tr("new products: import it creating new products only"), exportRowCount(f, created)});
    } else if (job.platform && !job.createdTo.isEmpty()) {
        r.outcome.notWritten = job.createdTo;
    }
    r.ok = true;
    return r;
}

bool ExportDialog::exportNow(QString &error, Outcome *outcome)
{
    Job job;
    if (!prepare(job, error)) return false;
    QFuture<Result> future = QtConcurrent::run(workPool(), &ExportDialog::run, document_->workspace(), document_->snapshot(), job);
    const Result r = future.result();
    if (!r.ok) {
        error = r.error;
        return false;
    }
    if (outcome) *outcome = r.outcome;
    return true;
}

bool ExportDialog::exportTo(const QString &path, QString &error, QStringList *notes)
{
    path_->setText(path);
    Outcome outcome;
    if (!exportNow(error, &outcome)) return false;
    if (notes) *notes = outcome.notes;
    return true;
}

QString ExportDialog::confirmationText(const Outcome &outcome)
{
    QStringList lines;
    const QLocale locale;
    for (const WrittenFile &f : outcome.files)
        lines << tr("Wrote %1: %2 %3%4")
                     .arg(QDir::toNativeSeparators(f.path), locale.toString(f.rows), f.rows == 1 ? tr("row") : tr("rows"),
                          f.holds.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(f.holds));
    if (!outcome.notWritten.isEmpty()) {
        lines << (QFileInfo::exists(outcome.notWritten)
                      ? tr("No new products: %1 was not written; the file there is from an earlier export.")
                      : tr("No new products: %1 was not written."))
                     .arg(QDir::toNativeSeparators(outcome.notWritten));
    }
    if (!outcome.notes.isEmpty()) {
        lines << QString();
        for (const QString &n : outcome.notes) lines << QStringLiteral("• ") + n;
    }
    return lines.join(QLatin1Char('\n'));
}

void ExportDialog::accept()
{
    if (watcher_.isRunning()) return;
    QString error;
    if (path_->text().trimmed().isEmpty()) {
        document_->messages()->error(this, tr("Export"), tr("Choose a file to export to."));
        return;
    }
    Job job;
    if (!prepare(job, error)) {
        document_->messages()->error(this, tr("Export failed"), error);
        return;
    }
    // A tier priced at 0 would be free in the store: only when the merchandiser says so (the bundles are the
    // document's, in memory: a few, checked here).
    if (job.bundles && ExportFormat(job.format) != ExportFormat::Shopify) {
        const std::vector<std::string> free = freeTiers(BundleCatalog(*document_->snapshot(), document_->endpoints()), document_->bundles());
        if (!free.empty()) {
            QStringList names;
            for (const std::string &n : free) names << QString::fromStdString(n);
            if (!document_->messages()->confirm(this, tr("Export Free Tiers?"),
                                                tr("%n tier(s) priced at 0.00 would be free in the store: %1.\n\nSet a price in Bundles, or "
                                                   "export them as they are.", nullptr, int(names.size())).arg(names.join(QStringLiteral(", "))),
                                                tr("Export Anyway")))
                return;
        }
    }
    // Reading the maps and bundles of a large store and writing the files runs on the app's pool: the
    // window keeps painting; the dialog waits, its buttons off, until the files are written.
    setEnabled(false);
    setCursor(Qt::BusyCursor);
    watcher_.setFuture(QtConcurrent::run(workPool(), &ExportDialog::run, document_->workspace(), document_->snapshot(), job));
}

void ExportDialog::finish(const Result &r)
{
    setEnabled(true);
    unsetCursor();
    if (!r.ok) {
        document_->messages()->error(this, tr("Export failed"), r.error);
        return;
    }
    // The next export proposes the folder this one went to.
    if (!r.outcome.files.isEmpty()) QSettings().setValue(QStringLiteral("export/folder"), QFileInfo(r.outcome.files.front().path).absolutePath());
    document_->messages()->information(this, tr("Exported"), confirmationText(r.outcome));
    QDialog::accept();
}

}  // namespace mb
