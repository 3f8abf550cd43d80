#include "ui/bundles/exportdialog.h"

#include "ui/messagepresenter.h"

#include "core/bundles/bundleexchange.h"
#include "core/io/atomicfile.h"
#include "ui/workspacedocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace mb {

ExportDialog::ExportDialog(WorkspaceDocument *document, QWidget *parent) : QDialog(parent), document_(document)
{
    setWindowTitle(tr("Export Maps and Bundles"));
    auto *form = new QFormLayout(this);
    format_ = new QComboBox(this);
    format_->addItem(tr("Merchbench JSON (maps and bundles, re-importable)"), QStringLiteral("json"));
    format_->addItem(tr("Bundles CSV (one row per tier item)"), QStringLiteral("csv"));
    format_->addItem(tr("WooCommerce product CSV"), QStringLiteral("woocommerce"));
    format_->addItem(tr("Magento 2 catalog CSV"), QStringLiteral("magento"));
    format_->addItem(tr("Shopify product CSV (Search & Discovery metafields)"), QStringLiteral("shopify"));
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
    auto *fileRow = new QHBoxLayout;
    path_ = new QLineEdit(this);
    auto *browse = new QPushButton(tr("Choose…"), this);
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse);
    form->addRow(tr("File:"), fileRow);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    hint_->setMinimumWidth(460);
    form->addRow(hint_);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::updateChoices);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString fmt = format_->currentData().toString();
        const QString filter = fmt == QLatin1String("json") ? tr("JSON (*.json)") : tr("CSV (*.csv)");
        const QString p = QFileDialog::getSaveFileName(this, tr("Export to"), path_->text(), filter);
        if (!p.isEmpty()) path_->setText(p);
    });
    const QFileInfo ws(document->path());
    path_->setText(ws.absolutePath() + QLatin1Char('/') + ws.completeBaseName() + QStringLiteral("-export.json"));
    updateChoices();
}

void ExportDialog::setFormat(const QString &name)
{
    const int i = format_->findData(name);
    if (i >= 0) format_->setCurrentIndex(i);
}

void ExportDialog::updateChoices()
{
    const auto f = exportFormatFromName(format_->currentData().toString().toStdString()).value_or(ExportFormat::Json);
    wooStyle_->setEnabled(f == ExportFormat::WooCommerce);
    maps_->setEnabled(f != ExportFormat::Csv);
    bundles_->setEnabled(f != ExportFormat::Shopify);
    // Keep the file name, change its suffix to the format's.
    QFileInfo fi(path_->text());
    if (!path_->text().isEmpty())
        path_->setText(fi.absolutePath() + QLatin1Char('/') + fi.completeBaseName() + QString::fromLatin1(exportFormatSuffix(f)));
    static const char *hints[] = {
        QT_TR_NOOP("Everything, exactly: import it into another workspace with bundles import, or keep it under version control."),
        QT_TR_NOOP("One row per tier item: bundle, tier, SKU, quantity, unit price, discount and tier price."),
        QT_TR_NOOP("Upsells = upgrades, Cross-sells = the other kinds; each bundle tier becomes a bundle (or grouped) product. Import it with WooCommerce's product importer, updating existing products."),
        QT_TR_NOOP("related / crosssell / upsell_skus with positions; each bundle tier becomes a bundle product with bundle_values. Import with System ▸ Data Transfer ▸ Import, Add/Update."),
        QT_TR_NOOP("Complementary and related products as Search & Discovery metafields. Shopify's product CSV has no bundle columns."),
    };
    hint_->setText(tr(hints[int(f)]));
}

bool ExportDialog::exportTo(const QString &path, QString &error, QStringList *notes)
{
    const auto ws = document_->workspace();
    const auto snap = document_->snapshot();
    if (!ws || !snap) {
        error = tr("No workspace is open");
        return false;
    }
    const auto f = exportFormatFromName(format_->currentData().toString().toStdString()).value_or(ExportFormat::Json);
    ExportOptions o;
    o.maps = maps_->isChecked() && f != ExportFormat::Csv;
    o.bundles = bundles_->isChecked();
    o.wooStyle = wooStyle_->currentIndex() == 1 ? WooBundleStyle::Grouped : WooBundleStyle::ProductBundles;
    std::vector<std::string> n;
    const std::string text = writeExport(f, collectExportData(*ws, *snap, o), o, &n);
    if (!writeFileAtomically(path, QByteArrayView(text.data(), qsizetype(text.size())), error)) return false;
    if (notes)
        for (const std::string &s : n) *notes << QString::fromStdString(s);
    return true;
}

void ExportDialog::accept()
{
    QString error;
    QStringList notes;
    if (path_->text().trimmed().isEmpty()) {
        document_->messages()->error(this, tr("Export"), tr("Choose a file to export to."));
        return;
    }
    if (!exportTo(path_->text().trimmed(), error, &notes)) {
        document_->messages()->error(this, tr("Export failed"), error);
        return;
    }
    if (!notes.isEmpty()) document_->messages()->information(this, tr("Exported"), notes.join(QLatin1Char('\n')));
    QDialog::accept();
}

}  // namespace mb
